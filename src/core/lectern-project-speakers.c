/* lectern-project-speakers.c — speakers as a filter and as matrix
 * columns: what a speaker said is read from the documents' stored `turn`
 * spans, which the import module keeps in step with the user's speaker
 * corrections (lectern-document-turns.h), so core needs neither the
 * detector nor the corrections to answer.
 *
 * A hit or a passage belongs to a speaker when it lies wholly inside one
 * of that speaker's turns (as a concordance's --tag keeps hits wholly
 * inside a code's passages); one that crosses from one turn into the next
 * belongs to nobody.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-project-private.h"

GHashTable *
_lectern_project_speaker_ranges (LecternProject  *self,
                                const char      *speaker,
                                GHashTable      *documents,
                                GError         **error)
{
  g_autoptr(GHashTable) ranges =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self,
                             "SELECT document_id, start_offset, end_offset FROM document_structure"
                             " WHERE kind = 'turn' AND value = ?1"
                             " ORDER BY document_id, start_offset, end_offset",
                             error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _lectern_bind_text (stmt, 1, speaker);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 document_id = sqlite3_column_int64 (stmt, 0);
      LecternRange range = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2) };
      GArray *array;

      if (documents != NULL && !g_hash_table_contains (documents, &document_id))
        continue;

      array = g_hash_table_lookup (ranges, &document_id);
      if (array == NULL)
        {
          array = g_array_new (FALSE, FALSE, sizeof (LecternRange));
          g_hash_table_insert (ranges, g_memdup2 (&document_id, sizeof document_id), array);
        }
      g_array_append_val (array, range);
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ranges);
}

gboolean
_lectern_ranges_hold (GArray *ranges,
                      glong   start,
                      glong   end)
{
  guint lo = 0;
  guint hi;

  if (ranges == NULL)
    return FALSE;

  /* Turns do not overlap: the last range starting at or before @start is
   * the only one that can hold [start, end). */
  hi = ranges->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (ranges, LecternRange, mid).start <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return FALSE;
  return g_array_index (ranges, LecternRange, lo - 1).end >= end
         && g_array_index (ranges, LecternRange, lo - 1).start <= start;
}
