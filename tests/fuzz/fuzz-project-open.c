/* fuzz-project-open.c — libFuzzer target: any bytes as a project file,
 * opened as the app opens one (undo on), then read: documents with their
 * structure and originals, the integrity check.
 *
 * A file either opens as a sound project or is refused with a
 * LECTERN_PROJECT_ERROR; a refused file is left byte for byte as it was,
 * and nothing in it ever writes a file beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-common.h"

/* Where the hostile seeds' VACUUM INTO points (see corpus/README.md). */
#define STOLEN_PATH "/tmp/lectern-fuzz-stolen.lectern"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) corpus = NULL;

  fuzz_init ();

  path = fuzz_temp_path (".lectern");
  if (!g_file_set_contents (path, (const char *) data, size, &error))
    g_error ("%s", error->message);
  file = g_file_new_for_path (path);

  corpus = lectern_project_open (file, &error);
  if (corpus == NULL)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_nonnull (error);
      g_assert_true (error->domain == LECTERN_PROJECT_ERROR);
      /* Refused: the file is as it was. */
      if (!g_file_get_contents (path, &contents, &length, NULL))
        g_error ("the refused file is gone");
      g_assert_cmpmem (contents, length, data, size);
    }
  else
    {
      g_autoptr(GListModel) documents = NULL;
      g_autoptr(GListModel) tags = NULL;
      g_autoptr(GListModel) annotations = NULL;
      g_autofree char *memo = NULL;

      g_assert_no_error (error);
      lectern_project_set_undo_enabled (corpus, TRUE);

      /* Reads may fail on a damaged file, with an error, never a crash. */
      documents = lectern_project_list_documents (corpus, NULL);
      tags = lectern_project_list_tags (corpus, NULL);
      annotations = lectern_project_list_annotations (corpus, 0, 0, FALSE, NULL);
      /* Each document's structure and original: a stored original is
       * inflated no further than its recorded size, or refused. */
      for (guint i = 0; documents != NULL && i < g_list_model_get_n_items (documents) && i < 16; i++)
        {
          g_autoptr(LecternDocument) document = g_list_model_get_item (documents, i);
          gint64 id = lectern_document_get_id (document);
          g_autoptr(GArray) structure = lectern_project_dup_document_structure (corpus, id, NULL);
          g_autoptr(GBytes) original = lectern_project_dup_document_original (corpus, id, NULL, NULL);

          if (original != NULL)
            g_assert_cmpint (g_bytes_get_size (original), ==, lectern_document_get_original_size (document));
          for (guint j = 0; structure != NULL && j < structure->len; j++)
            {
              const LecternSpan *span = &g_array_index (structure, LecternSpan, j);

              g_assert_cmpuint (span->start, <, span->end);
            }
        }
      lectern_project_check (corpus, NULL, NULL);
      memo = lectern_project_dup_memo (corpus, LECTERN_MEMO_PROJECT, 0, NULL);
      if (!lectern_project_set_memo (corpus, LECTERN_MEMO_PROJECT, 0, "fuzz", NULL))
        g_clear_error (&error);
      else if (lectern_project_get_can_undo (corpus))
        lectern_project_undo (corpus, NULL);
      g_clear_object (&corpus);
    }

  g_assert_false (g_file_test (STOLEN_PATH, G_FILE_TEST_EXISTS));

  {
    g_autoptr(GFile) backups = lectern_project_dup_backup_folder (file);
    g_autofree char *backups_path = g_file_get_path (backups);
    g_autoptr(GDir) dir = g_dir_open (backups_path, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (backups_path, name, NULL);
        g_unlink (p);
      }
    g_rmdir (backups_path);
  }
  fuzz_remove_project_files (path);
  return 0;
}
