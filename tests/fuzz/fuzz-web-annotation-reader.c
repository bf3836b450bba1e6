/* fuzz-web-annotation-reader.c — libFuzzer target: a W3C Web Annotation
 * JSON file read back into a project.
 *
 * Any bytes are either read (annotations added, unplaceable ones listed
 * as problems) or refused with an error; every annotation that was added
 * quotes the text at its range, as `lectern-cli check` demands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "lectern-import.h"

/* Start afresh now and then so the project stays small and fast. */
#define INPUTS_PER_PROJECT 500

static LecternProject *corpus;
static guint n_inputs;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) check_problems = NULL;
  guint n_added = 0;
  gboolean ok;

  fuzz_init ();
  if (corpus == NULL || ++n_inputs % INPUTS_PER_PROJECT == 0)
    {
      if (corpus != NULL)
        {
          g_autofree char *path = g_file_get_path (lectern_project_get_file (corpus));

          g_clear_object (&corpus);
          fuzz_remove_project_files (path);
        }
      corpus = fuzz_sample_project_new ();
    }

  ok = lectern_web_annotation_import_data (corpus, (const char *) data, size,
                                           "fuzz.json", &n_added, &problems,
                                           NULL, &error);
  if (!ok)
    {
      g_assert_nonnull (error);
      g_assert_cmpuint (n_added, ==, 0);
      return 0;
    }
  g_assert_no_error (error);

  if (n_added > 0)
    {
      /* What was added is sound: quotes match their ranges. */
      gboolean sound = lectern_project_check (corpus, &check_problems, &error);

      g_assert_no_error (error);
      if (!sound)
        {
          for (guint i = 0; check_problems != NULL && i < check_problems->len; i++)
            g_printerr ("check: %s\n", (const char *) g_ptr_array_index (check_problems, i));
          g_error ("the project fails its check after reading annotations");
        }
    }
  return 0;
}
