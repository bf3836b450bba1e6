/* fuzz-project-merge.c — libFuzzer target: any bytes as the OTHER of a
 * merge (a .lectern or a .qdpx, told by their first bytes) into a sample
 * project, planned, applied and undone.
 *
 * OTHER is either refused with an error that names it, the project left
 * as it was, or merged into a project that passes its check; OTHER is
 * never written; undo takes the project back to where it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "lectern-import.h"

static LecternProject *project;

static guint
count (GListModel *model)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : G_MAXUINT;

  g_clear_object (&model);
  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) other = NULL;
  g_autoptr(LecternMergePlan) plan = NULL;
  guint documents, passages, tags;
  gsize length = 0;

  fuzz_init ();
  if (project == NULL)
    {
      project = fuzz_sample_project_new ();
      lectern_project_set_undo_enabled (project, TRUE);
    }
  documents = count (lectern_project_list_documents (project, NULL));
  passages = count (lectern_project_list_annotations (project, 0, 0, FALSE, NULL));
  tags = count (lectern_project_list_tags (project, NULL));

  path = fuzz_temp_path (".other");
  if (!g_file_set_contents (path, (const char *) data, size, &error))
    g_error ("%s", error->message);
  other = g_file_new_for_path (path);

  plan = lectern_merge_plan_new (project, other, NULL, NULL, &error);
  if (plan == NULL)
    {
      g_autofree char *base = g_path_get_basename (path);

      g_assert_nonnull (error);
      if (strstr (error->message, base) == NULL)
        g_error ("the refusal does not name the file: %s", error->message);
    }
  else
    {
      GListModel *items = lectern_merge_plan_get_items (plan);
      g_autoptr(GPtrArray) problems = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(LecternMergeItem) item = g_list_model_get_item (items, i);

          g_assert_true (g_utf8_validate (lectern_merge_item_get_description (item), -1, NULL));
        }

      if (lectern_merge_plan_apply (plan, project, &error))
        {
          if (!lectern_project_check (project, &problems, &error))
            {
              for (guint i = 0; problems != NULL && i < problems->len; i++)
                g_printerr ("check: %s\n", (const char *) g_ptr_array_index (problems, i));
              g_error ("the merged project fails its check");
            }
          /* A merge that wrote nothing leaves no step. */
          if (lectern_project_get_can_undo (project) && !lectern_project_undo (project, &error))
            g_error ("the merge cannot be undone: %s", error->message);
        }
      g_clear_error (&error);
    }

  /* As it was. */
  g_assert_cmpuint (count (lectern_project_list_documents (project, NULL)), ==, documents);
  g_assert_cmpuint (count (lectern_project_list_annotations (project, 0, 0, FALSE, NULL)), ==, passages);
  g_assert_cmpuint (count (lectern_project_list_tags (project, NULL)), ==, tags);

  /* OTHER is never written. */
  if (!g_file_get_contents (path, &contents, &length, NULL))
    g_error ("OTHER is gone");
  g_assert_cmpmem (contents, length, data, size);
  fuzz_remove_project_files (path);
  return 0;
}
