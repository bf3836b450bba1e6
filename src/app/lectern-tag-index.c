/* lectern-tag-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include "lectern-tag-index.h"

GHashTable *
lectern_tag_index_new (LecternCorpus *corpus)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GListModel) tags = NULL;

  g_return_val_if_fail (corpus == NULL || LECTERN_IS_CORPUS (corpus), index);

  if (corpus == NULL || !(tags = lectern_corpus_list_tags (corpus, NULL)))
    return index;

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      LecternTag *tag = g_list_model_get_item (tags, i);
      gint64 *key = g_new (gint64, 1);

      *key = lectern_tag_get_id (tag);
      g_hash_table_insert (index, key, tag);
    }
  return index;
}
