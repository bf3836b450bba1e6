/* lectern-project-editing.c — a document's text changed after coding:
 * passages follow the words, or become orphans that keep everything but
 * their place (issue #19).
 *
 * A change is a list of segments mapping the old text onto the new one
 * (lectern-text-change.h). A position maps through them so that words
 * keep their passages: a passage's start inside replaced words goes to
 * the start of what replaced them, its end to the end of it; text
 * inserted at a passage's start or end stays outside it. A passage none
 * of whose letters or digits lies in an unchanged segment has lost all
 * its words: it becomes an orphan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lectern-annotation-private.h"
#include "lectern-project-private.h"
#include "lectern-text-change.h"
#include "lectern-text-private.h"
#include "lectern-text.h"

/* How far an edit may reach out to take in neighbours that normalisation
 * joins to it (a base letter and its combining marks). */
#define WIDEN_MAX 32
/* The inserted and removed text shown in a version's description. */
#define DESCRIPTION_CHARS 40

/* A text with the byte index of each of its code points (and of its end). */
typedef struct
{
  const char *text;
  glong       length;
  gsize      *index;
} IndexedText;

static void
indexed_text_init (IndexedText *self,
                   const char  *text)
{
  glong n = 0;

  self->text = text;
  self->length = g_utf8_strlen (text, -1);
  self->index = g_new (gsize, self->length + 1);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    self->index[n++] = p - text;
  self->index[n] = strlen (text);
}

static void
indexed_text_clear (IndexedText *self)
{
  g_clear_pointer (&self->index, g_free);
}

static char *
indexed_text_slice (const IndexedText *self,
                    glong              start,
                    glong              end)
{
  start = CLAMP (start, 0, self->length);
  end = CLAMP (end, start, self->length);
  return g_strndup (self->text + self->index[start], self->index[end] - self->index[start]);
}

/* The first segment whose old side holds code point @p (or reaches past
 * it); segments->len when none does. */
static guint
segment_holding (GArray *segments,
                 glong   p)
{
  guint low = 0;
  guint high = segments->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (segments, LecternTextSegment, mid).old_end > p)
        high = mid;
      else
        low = mid + 1;
    }
  return low;
}

/* Where a passage starting at old @p starts in the new text. */
static glong
map_start (GArray *segments,
           glong   p,
           glong   new_length)
{
  guint i = segment_holding (segments, p);
  const LecternTextSegment *segment;

  if (i >= segments->len)
    return new_length;
  segment = &g_array_index (segments, LecternTextSegment, i);
  if (segment->equal)
    return segment->new_start + (p - segment->old_start);
  return segment->new_start;
}

/* Where a passage ending at old @p ends in the new text. */
static glong
map_end (GArray *segments,
         glong   p)
{
  guint i;
  const LecternTextSegment *segment;

  if (p <= 0)
    return 0;
  i = segment_holding (segments, p - 1);
  g_assert (i < segments->len);
  segment = &g_array_index (segments, LecternTextSegment, i);
  if (segment->equal)
    return segment->new_start + (p - segment->old_start);
  return segment->new_end;
}

static gboolean
has_word_char (const IndexedText *text,
               glong              start,
               glong              end)
{
  for (glong k = start; k < end; k++)
    if (g_unichar_isalnum (g_utf8_get_char (text->text + text->index[k])))
      return TRUE;
  return FALSE;
}

/* TRUE when some of old [start, end) is unchanged: a letter or digit of
 * it, since a passage left with a comma or a space has lost its words;
 * any code point, for a passage that had no letters. */
static gboolean
keeps_words (GArray            *segments,
             const IndexedText *old_text,
             glong              start,
             glong              end)
{
  gboolean wordless = !has_word_char (old_text, start, end);

  for (guint i = segment_holding (segments, start); i < segments->len; i++)
    {
      const LecternTextSegment *segment = &g_array_index (segments, LecternTextSegment, i);
      glong from = MAX (start, segment->old_start);
      glong to = MIN (end, segment->old_end);

      if (segment->old_start >= end)
        break;
      if (segment->equal && to > from && (wordless || has_word_char (old_text, from, to)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
segments_are_valid (GArray *segments,
                    glong   old_length,
                    glong   new_length)
{
  glong old_at = 0;
  glong new_at = 0;

  for (guint i = 0; i < segments->len; i++)
    {
      const LecternTextSegment *segment = &g_array_index (segments, LecternTextSegment, i);

      if (segment->old_start != old_at || segment->new_start != new_at
          || segment->old_end < segment->old_start || segment->new_end < segment->new_start
          || (segment->equal
              && segment->old_end - segment->old_start != segment->new_end - segment->new_start))
        return FALSE;
      old_at = segment->old_end;
      new_at = segment->new_end;
    }
  return old_at == old_length && new_at == new_length;
}

static void
set_invalid (GError     **error,
             const char  *path,
             const char  *reason)
{
  /* Translators: the reason, then the project file. */
  g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
               _("%s; nothing was changed in “%s”"), reason, path);
}

static char *
read_text (LecternProject  *self,
           gint64          document_id,
           GError        **error)
{
  g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, "SELECT text FROM documents WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      _lectern_project_not_found (self, error, _("document"), document_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }
  return g_strdup (_lectern_column_text (stmt, 0));
}

/* Passages, in the open transaction. */
static gboolean
move_passages (LecternProject     *self,
               gint64             document_id,
               const IndexedText *old_text,
               const IndexedText *new_text,
               GArray            *segments,
               GHashTable        *placements,
               LecternEditReport *report,
               GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (glong));
  g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func (g_free);
  int rc;

  /* Read them all first: the updates must not run under the reading
   * statement. */
  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self,
                               "SELECT id, start_offset, end_offset, quote, prefix, suffix FROM annotations"
                               " WHERE document_id = ? AND orphaned = 0 ORDER BY id",
                               error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, document_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        glong start = sqlite3_column_int64 (stmt, 1);
        glong end = sqlite3_column_int64 (stmt, 2);

        g_array_append_val (ids, id);
        g_array_append_val (ranges, start);
        g_array_append_val (ranges, end);
        g_ptr_array_add (quotes, g_strdup (_lectern_column_text (stmt, 3)));
        g_ptr_array_add (quotes, g_strdup (_lectern_column_text (stmt, 4)));
        g_ptr_array_add (quotes, g_strdup (_lectern_column_text (stmt, 5)));
      }
    if (rc != SQLITE_DONE)
      return _lectern_project_fail (self, rc, error);
  }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      glong start = g_array_index (ranges, glong, 2 * i);
      glong end = g_array_index (ranges, glong, 2 * i + 1);
      const char *quote = g_ptr_array_index (quotes, 3 * i);
      const char *prefix = g_ptr_array_index (quotes, 3 * i + 1);
      const char *suffix = g_ptr_array_index (quotes, 3 * i + 2);
      const LecternPassagePlacement *placed = placements ? g_hash_table_lookup (placements, &id) : NULL;
      g_autofree char *new_quote = NULL;
      g_autofree char *new_prefix = NULL;
      g_autofree char *new_suffix = NULL;
      glong new_start;
      glong new_end;

      if (placed != NULL)
        {
          new_start = placed->start;
          new_end = placed->end;
        }
      else if (start >= 0 && start < end && end <= old_text->length
               && keeps_words (segments, old_text, start, end))
        {
          new_start = map_start (segments, start, new_text->length);
          new_end = map_end (segments, end);
        }
      else
        new_start = new_end = 0;

      if (new_start >= new_end)
        {
          /* Its words are gone: an orphan keeps its quote, context and
           * range, where it last stood. */
          g_autoptr(LecternStmt) stmt =
            _lectern_project_prepare (self, "UPDATE annotations SET orphaned = 1 WHERE id = ?", error);

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          if (!_lectern_project_run (self, stmt, error))
            return FALSE;
          report->orphaned++;
          continue;
        }

      new_quote = indexed_text_slice (new_text, new_start, new_end);
      new_prefix = indexed_text_slice (new_text, MAX (0, new_start - LECTERN_TEXT_CONTEXT_CHARS), new_start);
      new_suffix = indexed_text_slice (new_text, new_end, new_end + LECTERN_TEXT_CONTEXT_CHARS);

      if (placed != NULL)
        report->moved++;
      else if (g_strcmp0 (quote, new_quote) != 0)
        report->resized++;
      else if (new_start != start || new_end != end)
        report->moved++;
      else
        report->kept++;

      if (new_start != start || new_end != end || g_strcmp0 (quote, new_quote) != 0
          || g_strcmp0 (prefix, new_prefix) != 0 || g_strcmp0 (suffix, new_suffix) != 0)
        {
          g_autoptr(LecternStmt) stmt =
            _lectern_project_prepare (self,
                                     "UPDATE annotations SET start_offset = ?, end_offset = ?, quote = ?,"
                                     " prefix = ?, suffix = ? WHERE id = ?",
                                     error);

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, new_start);
          sqlite3_bind_int64 (stmt, 2, new_end);
          _lectern_bind_text (stmt, 3, new_quote);
          _lectern_bind_text (stmt, 4, new_prefix);
          _lectern_bind_text (stmt, 5, new_suffix);
          sqlite3_bind_int64 (stmt, 6, id);
          if (!_lectern_project_run (self, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The integer columns of @sql's rows, @document_id bound to ?1, one
 * after the other (@n_columns a row). */
static GArray *
read_int_rows (LecternProject  *self,
               const char      *sql,
               gint64           document_id,
               int              n_columns,
               GError         **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int c = 0; c < n_columns; c++)
      {
        gint64 value = sqlite3_column_int64 (stmt, c);

        g_array_append_val (rows, value);
      }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Spans of structure shift, resize, or go when their text does. */
static gboolean
move_structure (LecternProject  *self,
                gint64          document_id,
                GArray         *segments,
                glong           new_length,
                GError        **error)
{
  g_autoptr(GArray) rows = NULL;

  rows = read_int_rows (self,
                        "SELECT id, start_offset, end_offset FROM document_structure WHERE document_id = ?",
                        document_id, 3, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i + 2 < rows->len; i += 3)
    {
      gint64 id = g_array_index (rows, gint64, i);
      glong start = g_array_index (rows, gint64, i + 1);
      glong end = g_array_index (rows, gint64, i + 2);
      glong new_start = map_start (segments, start, new_length);
      glong new_end = map_end (segments, end);
      g_autoptr(LecternStmt) stmt = NULL;

      if (new_start == start && new_end == end)
        continue;
      if (new_start >= new_end)
        {
          stmt = _lectern_project_prepare (self, "DELETE FROM document_structure WHERE id = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
        }
      else
        {
          stmt = _lectern_project_prepare (self,
                                          "UPDATE document_structure SET start_offset = ?, end_offset = ? WHERE id = ?",
                                          error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, new_start);
          sqlite3_bind_int64 (stmt, 2, new_end);
          sqlite3_bind_int64 (stmt, 3, id);
        }
      if (!_lectern_project_run (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* A turn correction names a line by an offset in it: the offset follows
 * its words (or, when they went, the place they were). */
static gboolean
move_turn_corrections (LecternProject  *self,
                       gint64          document_id,
                       GArray         *segments,
                       glong           new_length,
                       GError        **error)
{
  g_autoptr(GArray) rows = NULL;

  rows = read_int_rows (self,
                        "SELECT id, line_offset FROM turn_corrections"
                        " WHERE document_id = ? AND line_offset IS NOT NULL",
                        document_id, 2, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i + 1 < rows->len; i += 2)
    {
      glong offset = g_array_index (rows, gint64, i + 1);
      glong new_offset = map_start (segments, offset, new_length);
      g_autoptr(LecternStmt) stmt = NULL;

      if (new_offset == offset)
        continue;
      stmt = _lectern_project_prepare (self, "UPDATE turn_corrections SET line_offset = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, new_offset);
      sqlite3_bind_int64 (stmt, 2, g_array_index (rows, gint64, i));
      if (!_lectern_project_run (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
map_span (GArray *segments,
          glong   new_length,
          glong  *start,
          glong  *end)
{
  glong new_start;
  glong new_end;

  if (*start < 0)
    return;   /* -1/-1: an unpaired side */
  new_start = map_start (segments, *start, new_length);
  new_end = *end > *start ? map_end (segments, *end) : new_start;
  *start = new_start;
  *end = MAX (new_start, new_end);
}

/* Hand-corrected alignments with other documents follow the words. */
static gboolean
move_alignments (LecternProject  *self,
                 gint64          document_id,
                 GArray         *segments,
                 glong           new_length,
                 gboolean       *changed,
                 GError        **error)
{
  g_autoptr(GArray) rows = NULL;

  *changed = FALSE;
  rows = read_int_rows (self,
                        "SELECT id, document_a = ?1, a_start, a_end, b_start, b_end FROM alignments"
                        " WHERE document_a = ?1 OR document_b = ?1",
                        document_id, 6, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i + 5 < rows->len; i += 6)
    {
      gboolean side_a = g_array_index (rows, gint64, i + 1) != 0;
      glong start = g_array_index (rows, gint64, i + (side_a ? 2 : 4));
      glong end = g_array_index (rows, gint64, i + (side_a ? 3 : 5));
      glong old_start = start;
      glong old_end = end;
      g_autoptr(LecternStmt) stmt = NULL;

      map_span (segments, new_length, &start, &end);
      if (start == old_start && end == old_end)
        continue;
      stmt = _lectern_project_prepare (self,
                                      side_a
                                      ? "UPDATE alignments SET a_start = ?, a_end = ? WHERE id = ?"
                                      : "UPDATE alignments SET b_start = ?, b_end = ? WHERE id = ?",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, start);
      sqlite3_bind_int64 (stmt, 2, end);
      sqlite3_bind_int64 (stmt, 3, g_array_index (rows, gint64, i));
      if (!_lectern_project_run (self, stmt, error))
        return FALSE;
      *changed = TRUE;
    }

  return TRUE;
}

static gboolean
write_text (LecternProject  *self,
            gint64          document_id,
            const char     *text,
            glong           length,
            GError        **error)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  gint64 twin = 0;

  /* Two documents may not hold one text (the import refuses a duplicate
   * by its hash): say which. */
  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self, "SELECT id FROM documents WHERE content_hash = ? AND id <> ?", error);

    if (stmt == NULL)
      return FALSE;
    _lectern_bind_text (stmt, 1, hash);
    sqlite3_bind_int64 (stmt, 2, document_id);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      twin = sqlite3_column_int64 (stmt, 0);
  }
  if (twin != 0)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE,
                   _("Document %" PRId64 " would have the same text as document %" PRId64
                     "; nothing was changed in “%s”"),
                   document_id, twin, self->path);
      return FALSE;
    }

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self, "UPDATE documents SET text = ?, length = ?, content_hash = ? WHERE id = ?", error);

    if (stmt == NULL)
      return FALSE;
    _lectern_bind_text (stmt, 1, text);
    sqlite3_bind_int64 (stmt, 2, length);
    _lectern_bind_text (stmt, 3, hash);
    sqlite3_bind_int64 (stmt, 4, document_id);
    if (!_lectern_project_run (self, stmt, error))
      return FALSE;
  }

  /* The trigger dropped its fingerprints; the next lookup writes them. */
  self->fingerprints_complete = FALSE;
  self->fingerprints_through = 0;
  return TRUE;
}

static void
count_kept (LecternProject     *self,
            gint64             document_id,
            LecternEditReport *report)
{
  gint64 placed = 0;

  if (_lectern_project_query_int (self, "SELECT count(*) FROM annotations WHERE document_id = ? AND orphaned = 0",
                                  document_id, 0, &placed, NULL))
    report->kept = placed;
}

gboolean
lectern_project_change_text (LecternProject     *self,
                            gint64             document_id,
                            const char        *expected_text,
                            const char        *new_text,
                            GArray            *segments,
                            GArray            *placements,
                            const char        *description,
                            const char        *undo_label,
                            LecternEditReport *report,
                            GError           **error)
{
  g_autoptr(GHashTable) placed = NULL;
  g_autofree char *old_text = NULL;
  IndexedText indexed = { 0, };
  IndexedText old_indexed = { 0, };
  LecternEditReport counts = { 0, };
  glong old_length;
  gboolean alignments_changed = FALSE;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (expected_text != NULL, FALSE);
  g_return_val_if_fail (new_text != NULL, FALSE);
  g_return_val_if_fail (segments != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report != NULL)
    *report = counts;

  if (!lectern_text_is_stored (new_text, -1))
    {
      set_invalid (error, self->path,
                   _("The new text is not stored text (valid UTF-8, NFC, LF line endings, no byte-order mark)"));
      return FALSE;
    }

  if (!_lectern_project_begin (self, error))
    return FALSE;

  old_text = read_text (self, document_id, error);
  if (old_text == NULL)
    goto fail;
  old_length = g_utf8_strlen (old_text, -1);

  /* The segments were worked out against @expected_text: another window
   * or process may have changed the text since. */
  if (strcmp (old_text, expected_text) != 0)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("The text of document %" PRId64 " changed while the change was prepared; "
                     "nothing was changed in “%s”"),
                   document_id, self->path);
      goto fail;
    }

  /* Nothing changes: nothing is recorded. */
  if (strcmp (old_text, new_text) == 0)
    {
      _lectern_project_rollback (self);
      if (report != NULL)
        count_kept (self, document_id, report);
      return TRUE;
    }

  indexed_text_init (&indexed, new_text);
  indexed_text_init (&old_indexed, old_text);
  if (!segments_are_valid (segments, old_length, indexed.length))
    {
      set_invalid (error, self->path, _("The change does not cover the old and the new text"));
      goto fail;
    }

  if (placements != NULL)
    {
      placed = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < placements->len; i++)
        {
          LecternPassagePlacement *placement = &g_array_index (placements, LecternPassagePlacement, i);

          if (placement->start < 0 || placement->end <= placement->start || placement->end > indexed.length)
            {
              set_invalid (error, self->path, _("A passage was placed outside the new text"));
              goto fail;
            }
          g_hash_table_insert (placed, &placement->annotation_id, placement);
        }
    }

  if (!write_text (self, document_id, new_text, indexed.length, error)
      || !_lectern_project_record_version (self, document_id, old_text, new_text, description, error)
      || !move_passages (self, document_id, &old_indexed, &indexed, segments, placed, &counts, error)
      || !move_structure (self, document_id, segments, indexed.length, error)
      || !move_turn_corrections (self, document_id, segments, indexed.length, error)
      || !move_alignments (self, document_id, segments, indexed.length, &alignments_changed, error))
    goto fail;

  indexed_text_clear (&indexed);
  indexed_text_clear (&old_indexed);

  if (!_lectern_project_commit (self,
                                LECTERN_CHANGE_DOCUMENTS | LECTERN_CHANGE_ANNOTATIONS
                                | (alignments_changed ? LECTERN_CHANGE_ALIGNMENTS : 0),
                                document_id, undo_label != NULL ? undo_label : _("Edit text"), error))
    return FALSE;

  if (report != NULL)
    *report = counts;
  return TRUE;

fail:
  indexed_text_clear (&indexed);
  indexed_text_clear (&old_indexed);
  _lectern_project_rollback (self);
  return FALSE;
}

/* @text cut to DESCRIPTION_CHARS code points on one line. */
static char *
short_text (const char *text)
{
  g_autofree char *line = _lectern_text_one_line (text);

  if (g_utf8_strlen (line, -1) <= DESCRIPTION_CHARS)
    return g_steal_pointer (&line);
  {
    g_autofree char *cut = lectern_text_slice (line, 0, DESCRIPTION_CHARS - 1);

    return g_strconcat (cut, "…", NULL);
  }
}

char *
_lectern_project_describe_edit (glong       start,
                               const char *removed,
                               const char *inserted)
{
  g_autofree char *removed_short = short_text (removed);
  g_autofree char *inserted_short = short_text (inserted);

  if (*removed == '\0')
    return g_strdup_printf (_("Inserted “%s” at %ld"), inserted_short, start);
  if (*inserted == '\0')
    return g_strdup_printf (_("Deleted “%s” at %ld"), removed_short, start);
  return g_strdup_printf (_("Replaced “%s” with “%s” at %ld"), removed_short, inserted_short, start);
}

gboolean
lectern_project_edit_text (LecternProject     *self,
                          gint64             document_id,
                          glong              start,
                          glong              end,
                          const char        *replacement,
                          LecternEditReport *report,
                          GError           **error)
{
  g_autofree char *old_text = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *candidate = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GArray) segments = NULL;
  IndexedText old = { 0, };
  glong inserted_length;
  gboolean ok;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report != NULL)
    *report = (LecternEditReport) { 0, };

  if (replacement == NULL)
    replacement = "";
  if (!g_utf8_validate (replacement, -1, NULL))
    {
      set_invalid (error, self->path, _("The new text is not valid UTF-8"));
      return FALSE;
    }

  /* Read outside a transaction: lectern_project_change_text() checks
   * again, inside its own, that this is still the text it replaces. */
  old_text = read_text (self, document_id, error);
  if (old_text == NULL)
    return FALSE;
  indexed_text_init (&old, old_text);

  if (start < 0 || end < start || end > old.length)
    {
      g_autofree char *reason =
        g_strdup_printf (_("Cannot edit %ld–%ld of document %" PRId64 ": it has %ld characters"),
                         start, end, document_id, old.length);

      indexed_text_clear (&old);
      set_invalid (error, self->path, reason);
      return FALSE;
    }

  normalized = lectern_text_normalize (replacement, -1);
  g_assert (normalized != NULL);

  /* Only what differs is edited, so that a passage on a word that keeps
   * its first letters is resized rather than orphaned. */
  {
    g_autofree char *current = indexed_text_slice (&old, start, end);
    glong n_current = end - start;
    glong n_new = g_utf8_strlen (normalized, -1);
    const char *a = current;
    const char *b = normalized;
    glong same_start = 0;
    glong same_end = 0;

    while (same_start < n_current && same_start < n_new
           && g_utf8_get_char (a) == g_utf8_get_char (b))
      {
        a = g_utf8_next_char (a);
        b = g_utf8_next_char (b);
        same_start++;
      }
    {
      g_autofree gunichar *ca = g_utf8_to_ucs4_fast (current, -1, NULL);
      g_autofree gunichar *cb = g_utf8_to_ucs4_fast (normalized, -1, NULL);

      while (same_end < n_current - same_start && same_end < n_new - same_start
             && ca[n_current - 1 - same_end] == cb[n_new - 1 - same_end])
        same_end++;
    }
    {
      char *trimmed = lectern_text_slice (normalized, same_start, n_new - same_end);

      g_free (normalized);
      normalized = trimmed;
    }
    start += same_start;
    end -= same_end;
  }

  /* Normalisation may join the new text to its neighbours (a combining
   * mark typed after a letter): take them into the edit until the whole
   * is stored text again. */
  for (int widen = 0; ; widen++)
    {
      g_autofree char *before = indexed_text_slice (&old, 0, start);
      g_autofree char *after = indexed_text_slice (&old, end, old.length);
      g_autofree char *joined = g_strconcat (before, normalized, after, NULL);

      if (lectern_text_is_stored (joined, -1))
        {
          candidate = g_steal_pointer (&joined);
          break;
        }
      if (widen >= WIDEN_MAX || (start == 0 && end == old.length))
        {
          g_autofree char *reason =
            g_strdup_printf (_("The edit of %ld–%ld of document %" PRId64 " cannot be stored "
                               "as normalized text (NFC)"),
                             start, end, document_id);

          indexed_text_clear (&old);
          set_invalid (error, self->path, reason);
          return FALSE;
        }
      {
        glong new_start = MAX (0, start - 1);
        glong new_end = MIN (old.length, end + 1);
        g_autofree char *left = indexed_text_slice (&old, new_start, start);
        g_autofree char *right = indexed_text_slice (&old, end, new_end);
        g_autofree char *wider = g_strconcat (left, normalized, right, NULL);

        g_free (normalized);
        normalized = lectern_text_normalize (wider, -1);
        start = new_start;
        end = new_end;
      }
    }

  removed = indexed_text_slice (&old, start, end);
  indexed_text_clear (&old);
  inserted_length = g_utf8_strlen (normalized, -1);

  segments = g_array_new (FALSE, FALSE, sizeof (LecternTextSegment));
  {
    glong new_length = g_utf8_strlen (candidate, -1);
    LecternTextSegment pieces[3] = {
      { 0, start, 0, start, TRUE },
      { start, end, start, start + inserted_length, FALSE },
      { end, end + (new_length - start - inserted_length), start + inserted_length, new_length, TRUE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
      if (!pieces[i].equal || pieces[i].old_end > pieces[i].old_start)
        g_array_append_val (segments, pieces[i]);
  }

  description = _lectern_project_describe_edit (start, removed, normalized);
  ok = lectern_project_change_text (self, document_id, old_text, candidate, segments, NULL,
                                    description, _("Edit text"), report, error);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Orphans                                                             */

GListModel *
lectern_project_list_orphans (LecternProject  *self,
                             gint64          document_id,
                             GError        **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(LecternStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _lectern_project_prepare (self,
                                  "SELECT id FROM annotations WHERE orphaned = 1 AND (?1 = 0 OR document_id = ?1)"
                                  " ORDER BY document_id, id",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);

  store = g_list_store_new (LECTERN_TYPE_ANNOTATION);
  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
    if (rc != SQLITE_DONE)
      {
        _lectern_project_fail (self, rc, error);
        return NULL;
      }
    _lectern_stmt_reset (g_steal_pointer (&stmt));

    for (guint i = 0; i < ids->len; i++)
      {
        g_autoptr(LecternAnnotation) annotation =
          lectern_project_dup_annotation (self, g_array_index (ids, gint64, i), error);

        if (annotation == NULL)
          return NULL;
        g_list_store_append (store, annotation);
      }
  }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
lectern_project_place_annotation (LecternProject  *self,
                                 gint64          annotation_id,
                                 glong           start,
                                 glong           end,
                                 GError        **error)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);

  /* Placing is giving a range: the range's setter takes the quote and
   * context of the new words and clears the orphan flag. */
  return lectern_project_set_annotation_range (self, annotation_id, start, end, error);
}
