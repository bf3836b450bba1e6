/* lectern-variable-choices.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <string.h>

#include "lectern-variable-choices.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static GStrv
collect (LecternProject *project,
         gboolean        pairs)
{
  g_autoptr(GListModel) documents = lectern_project_list_documents (project, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) result = g_ptr_array_new ();
  guint n = documents != NULL ? g_list_model_get_n_items (documents) : 0;
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (documents, i);
      GHashTable *variables = lectern_document_get_variables (doc);
      gpointer value;

      if (variables == NULL)
        continue;
      g_hash_table_iter_init (&iter, variables);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_add (seen, pairs ? g_strdup_printf ("%s=%s", (char *) key, (char *) value)
                                      : g_strdup (key));
    }
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (result, g_strdup (key));
  g_ptr_array_sort (result, compare_strings);
  g_ptr_array_add (result, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&result), FALSE);
}

GStrv
lectern_variable_choices_keys (LecternProject *project)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);
  return collect (project, FALSE);
}

GStrv
lectern_variable_choices_pairs (LecternProject *project)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);
  return collect (project, TRUE);
}
