/* lectern-list-diff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-list-diff-private.h"

/* Marks in @keep the old items that form the longest run whose new
 * positions (@position, -1: gone) ascend: patience sorting, O(n log n). */
static void
longest_ascending (const gint *position,
                   guint       n,
                   gboolean   *keep)
{
  g_autofree guint *tails = g_new (guint, n + 1);  /* index of the smallest tail of each length */
  g_autofree gint *previous = g_new (gint, n + 1);
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      guint low = 0, high = length;

      if (position[i] < 0)
        continue;
      while (low < high)
        {
          guint mid = (low + high) / 2;

          if (position[tails[mid]] < position[i])
            low = mid + 1;
          else
            high = mid;
        }
      previous[i] = low > 0 ? (gint) tails[low - 1] : -1;
      tails[low] = i;
      if (low == length)
        length++;
    }

  if (length == 0)
    return;
  for (gint i = tails[length - 1]; i >= 0; i = previous[i])
    keep[i] = TRUE;
}

void
_lectern_list_diff_apply (GListModel          *model,
                          GPtrArray           *items,
                          GPtrArray           *fresh,
                          LecternItemIdFunc    id_func,
                          LecternItemEqualFunc equal_func)
{
  g_autoptr(GHashTable) fresh_position = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *fresh_ids = g_new (gint64, fresh->len + 1);
  g_autofree gint *position = g_new (gint, items->len + 1);
  g_autofree gboolean *keep = g_new0 (gboolean, items->len + 1);
  g_autofree gboolean *kept = g_new0 (gboolean, fresh->len + 1);
  guint i, j;

  for (j = 0; j < fresh->len; j++)
    {
      fresh_ids[j] = id_func (g_ptr_array_index (fresh, j));
      g_hash_table_insert (fresh_position, &fresh_ids[j], GUINT_TO_POINTER (j + 1));
    }
  for (i = 0; i < items->len; i++)
    {
      gint64 id = id_func (g_ptr_array_index (items, i));

      position[i] = (gint) GPOINTER_TO_UINT (g_hash_table_lookup (fresh_position, &id)) - 1;
    }
  /* The longest run of unchanged items stays; a changed item stays too
   * when it still fits between them (one replacement, not a move). */
  {
    g_autofree gint *unchanged = g_new (gint, items->len + 1);
    g_autofree gint *next_kept = g_new (gint, items->len + 1);
    gint last_kept = -1;

    for (i = 0; i < items->len; i++)
      unchanged[i] = position[i] >= 0 &&
                     equal_func (g_ptr_array_index (items, i), g_ptr_array_index (fresh, position[i]))
                     ? position[i] : -1;
    longest_ascending (unchanged, items->len, keep);
    for (i = items->len; i > 0; i--)
      next_kept[i - 1] = i < items->len && keep[i] ? position[i] : (i < items->len ? next_kept[i] : G_MAXINT);
    for (i = 0; i < items->len; i++)
      {
        if (!keep[i] && position[i] > last_kept && position[i] < next_kept[i])
          keep[i] = TRUE;
        if (keep[i])
          last_kept = position[i];
      }
  }
  for (i = 0; i < items->len; i++)
    if (keep[i])
      kept[position[i]] = TRUE;

  /* Removals from the back, so that the positions before stay true. */
  for (i = items->len; i > 0;)
    {
      guint end = i;

      if (keep[i - 1])
        {
          i--;
          continue;
        }
      while (i > 0 && !keep[i - 1])
        i--;
      g_ptr_array_remove_range (items, i, end - i);
      g_list_model_items_changed (model, i, end - i, 0);
    }

  /* Now the kept items, in order: additions from the front. */
  for (j = 0; j < fresh->len;)
    {
      guint start = j;

      if (kept[j])
        {
          j++;
          continue;
        }
      while (j < fresh->len && !kept[j])
        {
          g_ptr_array_insert (items, j, g_steal_pointer (&g_ptr_array_index (fresh, j)));
          j++;
        }
      g_list_model_items_changed (model, start, 0, j - start);
    }

  /* Kept items that changed. */
  for (j = 0; j < fresh->len;)
    {
      guint start = j;

      while (j < fresh->len && kept[j] &&
             !equal_func (g_ptr_array_index (items, j), g_ptr_array_index (fresh, j)))
        {
          gpointer old = g_ptr_array_index (items, j);

          g_ptr_array_index (items, j) = g_steal_pointer (&g_ptr_array_index (fresh, j));
          g_object_unref (old);
          j++;
        }
      if (j > start)
        g_list_model_items_changed (model, start, j - start, j - start);
      else
        j++;
    }

  /* What is left in @fresh are the copies of unchanged items. */
  for (j = 0; j < fresh->len; j++)
    if (g_ptr_array_index (fresh, j) != NULL)
      g_object_unref (g_ptr_array_index (fresh, j));
  g_ptr_array_set_free_func (fresh, NULL);
  g_ptr_array_set_size (fresh, 0);
}
