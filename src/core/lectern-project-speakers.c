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
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self,
                             "SELECT document_id, start_offset, end_offset FROM document_structure"
                             " WHERE kind = 'turn' AND value = ?1"
                             " ORDER BY document_id, start_offset, end_offset",
                             error);

  if (stmt == NULL)
    return NULL;
  _lectern_bind_text (stmt, 1, speaker);

  return _lectern_project_read_ranges (self, stmt, documents, error);
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
