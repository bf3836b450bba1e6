/* fuzz-qdpx-reader.c — libFuzzer target: a REFI-QDA project (.qdpx, a zip
 * archive) imported into a new Lectern project.
 *
 * Any bytes either build a sound project or are refused with nothing left
 * behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "lectern-import.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *qdpx_path = NULL;
  g_autofree char *project_path = NULL;
  g_autoptr(GFile) qdpx = NULL;
  g_autoptr(GFile) project = NULL;
  g_autoptr(LecternProject) corpus = NULL;

  fuzz_init ();

  qdpx_path = fuzz_temp_path (".qdpx");
  project_path = fuzz_temp_path (".lectern");
  if (!g_file_set_contents (qdpx_path, (const char *) data, size, &error))
    g_error ("%s", error->message);
  qdpx = g_file_new_for_path (qdpx_path);
  project = g_file_new_for_path (project_path);

  corpus = lectern_qdpx_import (qdpx, project, NULL, NULL, &error);
  if (corpus == NULL)
    {
      g_assert_nonnull (error);
      /* Refused: the half-built project is gone. */
      g_assert_false (g_file_test (project_path, G_FILE_TEST_EXISTS));
    }
  else
    {
      g_autoptr(GPtrArray) problems = NULL;
      gboolean sound;

      g_assert_no_error (error);
      sound = lectern_project_check (corpus, &problems, &error);
      g_assert_no_error (error);
      if (!sound)
        {
          for (guint i = 0; problems != NULL && i < problems->len; i++)
            g_printerr ("check: %s\n", (const char *) g_ptr_array_index (problems, i));
          g_error ("the project built from the archive fails its check");
        }
      g_clear_object (&corpus);
    }

  fuzz_remove_project_files (project_path);
  g_unlink (qdpx_path);
  return 0;
}
