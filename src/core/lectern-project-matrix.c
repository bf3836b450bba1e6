/* lectern-project-matrix.c — code matrices: codes × documents (or a
 * variable's values), and codes × codes (co-occurrence). The numbers only;
 * the app draws them as heat tables, export as charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-project-private.h"
#include "lectern-paragraphs.h"

void
lectern_matrix_free (LecternMatrix *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->row_labels, g_ptr_array_unref);
  g_clear_pointer (&self->row_ids, g_array_unref);
  g_clear_pointer (&self->row_depths, g_array_unref);
  g_clear_pointer (&self->column_labels, g_ptr_array_unref);
  g_clear_pointer (&self->column_ids, g_array_unref);
  g_free (self->values);
  g_free (self);
}

double
lectern_matrix_get (const LecternMatrix *self,
                    guint                row,
                    guint                column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, 0);
  return self->values[(gsize) row * self->n_columns + column];
}

/* A matrix whose rows are the codebook in tree order; @row_index maps a
 * tag id to its row (gint64 * → row + 1). */
static LecternMatrix *
matrix_with_code_rows (LecternProject  *self,
                       GHashTable     *row_index,
                       GError        **error)
{
  g_autoptr(GListModel) tags = lectern_project_list_tags (self, error);
  LecternMatrix *matrix;
  guint n;

  if (tags == NULL)
    return NULL;

  matrix = g_new0 (LecternMatrix, 1);
  matrix->row_labels = g_ptr_array_new_with_free_func (g_free);
  matrix->row_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  matrix->row_depths = g_array_new (FALSE, FALSE, sizeof (guint));
  matrix->column_labels = g_ptr_array_new_with_free_func (g_free);
  matrix->column_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternTag) tag = g_list_model_get_item (tags, i);
      gint64 id = lectern_tag_get_id (tag);
      guint depth = lectern_tag_get_depth (tag);

      g_ptr_array_add (matrix->row_labels, g_strdup (lectern_tag_get_path (tag)));
      g_array_append_val (matrix->row_ids, id);
      g_array_append_val (matrix->row_depths, depth);
      g_hash_table_insert (row_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
    }
  matrix->n_rows = n;
  return matrix;
}

static void
matrix_add_column (LecternMatrix *matrix,
                   char          *label,
                   gint64         id)
{
  g_ptr_array_add (matrix->column_labels, label);
  g_array_append_val (matrix->column_ids, id);
  matrix->n_columns++;
}

/* One passage of a code, in the order the matrix reads them. */
typedef struct
{
  guint  row;
  guint  column;
  gint64 document_id;
  glong  start;
  glong end;
} CodedRange;

static int
compare_coded (gconstpointer a,
               gconstpointer b)
{
  const CodedRange *x = a;
  const CodedRange *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  if (x->document_id != y->document_id)
    return x->document_id < y->document_id ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* Adds to @matrix the characters (or their share of each column's
 * @column_chars) of the passages in @coded, sorted here. */
static void
add_chars (LecternMatrix      *matrix,
           GArray             *coded,
           GArray             *column_chars,
           LecternMatrixValue  value)
{
  /* Characters: the union of a code's passages in each document, so that
   * overlapping passages of one code count their common text once. */
  if (value == LECTERN_MATRIX_VALUE_PASSAGES)
    return;

  g_array_sort (coded, compare_coded);
  for (guint i = 0; i < coded->len;)
    {
      const CodedRange *first = &g_array_index (coded, CodedRange, i);
      glong covered_start = first->start;
      glong covered_end = first->end;
      gint64 chars = 0;
      guint j = i + 1;

      while (j < coded->len && g_array_index (coded, CodedRange, j).row == first->row
             && g_array_index (coded, CodedRange, j).column == first->column
             && g_array_index (coded, CodedRange, j).document_id == first->document_id)
        {
          const CodedRange *range = &g_array_index (coded, CodedRange, j);

          if (range->start >= covered_end)
            {
              chars += covered_end - covered_start;
              covered_start = range->start;
              covered_end = range->end;
            }
          else
            covered_end = MAX (covered_end, range->end);
          j++;
        }
      chars += covered_end - covered_start;

      if (value == LECTERN_MATRIX_VALUE_CHARS)
        matrix->values[(gsize) first->row * matrix->n_columns + first->column] += chars;
      else
        {
          gint64 total = g_array_index (column_chars, gint64, first->column);

          if (total > 0)
            matrix->values[(gsize) first->row * matrix->n_columns + first->column] += (double) chars / total;
        }
      i = j;
    }
}

/* Which column (+ 1; 0: none) a passage of @document_id over [start, end)
 * counts in. */
typedef guint (*ColumnOfPassage) (gint64   document_id,
                                  glong    start,
                                  glong    end,
                                  gpointer user_data);

/* Reads every (code, passage) pair into @matrix: counted at once for
 * PASSAGES, kept in @coded for add_chars() otherwise. */
static gboolean
count_passages (LecternProject      *self,
                LecternMatrix       *matrix,
                GHashTable          *row_index,
                ColumnOfPassage      column_of,
                gpointer             user_data,
                LecternMatrixValue   value,
                GArray              *coded,
                GError             **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self,
                             "SELECT at.tag_id, a.document_id, a.start_offset, a.end_offset"
                             " FROM annotation_tags at JOIN annotations a ON a.id = at.annotation_id"
                             " WHERE a.orphaned = 0",
                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 tag_id = sqlite3_column_int64 (stmt, 0);
      gint64 document_id = sqlite3_column_int64 (stmt, 1);
      glong start = sqlite3_column_int64 (stmt, 2);
      glong end = sqlite3_column_int64 (stmt, 3);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (row_index, &tag_id));
      guint column = row != 0 ? column_of (document_id, start, end, user_data) : 0;
      CodedRange range = { row - 1, column - 1, document_id, start, end };

      if (row == 0 || column == 0)
        continue;
      if (value == LECTERN_MATRIX_VALUE_PASSAGES)
        matrix->values[(gsize) range.row * matrix->n_columns + range.column] += 1;
      else
        g_array_append_val (coded, range);
    }
  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);
  return TRUE;
}

static guint
column_of_document (gint64   document_id,
                    glong    start,
                    glong    end,
                    gpointer user_data)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (user_data, &document_id));
}

LecternMatrix *
lectern_project_code_matrix (LecternProject               *self,
                            const LecternDocumentFilter *filter,
                            const char                  *variable,
                            LecternMatrixValue           value,
                            GCancellable                *cancellable,
                            GError                     **error)
{
  g_autoptr(GHashTable) row_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) column_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) documents = NULL;
  g_autoptr(GArray) column_chars = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) coded = g_array_new (FALSE, FALSE, sizeof (CodedRange));
  g_autoptr(LecternMatrix) matrix = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  documents = lectern_project_filter_documents (self, filter, error);
  if (documents == NULL)
    return NULL;
  matrix = matrix_with_code_rows (self, row_index, error);
  if (matrix == NULL)
    return NULL;

  /* The columns, and each document's column (+ 1) and length. */
  {
    g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
    g_autoptr(GHashTable) value_column = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(LecternStmt) stmt = NULL;

    for (guint i = 0; i < documents->len; i++)
      g_hash_table_add (kept, &g_array_index (documents, gint64, i));

    if (variable == NULL)
      stmt = _lectern_project_prepare (self, "SELECT id, length, id FROM documents ORDER BY id", error);
    else
      stmt = _lectern_project_prepare (self,
                                      "SELECT d.id, d.length, v.value FROM documents d"
                                      " JOIN document_variables v ON v.document_id = d.id AND v.key = ?"
                                      " ORDER BY v.value, d.id",
                                      error);
    if (stmt == NULL)
      return NULL;
    _lectern_bind_text (stmt, 1, variable);

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        gint64 length = sqlite3_column_int64 (stmt, 1);
        guint column;

        if (!g_hash_table_contains (kept, &id))
          continue;

        if (variable == NULL)
          {
            column = matrix->n_columns;
            matrix_add_column (matrix, g_strdup_printf ("%" G_GINT64_FORMAT, id), id);
          }
        else
          {
            const char *label = _lectern_column_string (stmt, 2);
            gpointer found = g_hash_table_lookup (value_column, label);

            if (found == NULL)
              {
                matrix_add_column (matrix, g_strdup (label), 0);
                found = GUINT_TO_POINTER (matrix->n_columns);
                g_hash_table_insert (value_column, g_ptr_array_index (matrix->column_labels, matrix->n_columns - 1),
                                     found);
              }
            column = GPOINTER_TO_UINT (found) - 1;
          }

        g_hash_table_insert (column_of, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (column + 1));
        if (column_chars->len <= column)
          g_array_set_size (column_chars, column + 1);
        g_array_index (column_chars, gint64, column) += length;
      }
    if (rc != SQLITE_DONE)
      {
        _lectern_project_fail (self, rc, error);
        return NULL;
      }

    if (variable != NULL && matrix->n_columns == 0)
      {
        g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND,
                     _("No document in “%s” has the variable “%s”"), _lectern_project_get_name (self), variable);
        return NULL;
      }
  }

  matrix->values = g_new0 (double, (gsize) MAX (1, matrix->n_rows) * MAX (1, matrix->n_columns));
  if (!count_passages (self, matrix, row_index, column_of_document, column_of, value, coded, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  add_chars (matrix, coded, column_chars, value);
  return g_steal_pointer (&matrix);
}

/* A turn of a document, and its speaker's column. */
typedef struct
{
  glong start;
  glong end;
  guint column;
} SpeakerTurn;

static int
compare_turns (gconstpointer a,
               gconstpointer b)
{
  const SpeakerTurn *x = a;
  const SpeakerTurn *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* The column (+ 1) of the turn of @document_id (in @turns_of: sorted, not
 * overlapping) holding [start, end) wholly; 0 when none does. */
static guint
column_of_turn (gint64   document_id,
                glong    start,
                glong    end,
                gpointer turns_of)
{
  GArray *turns = g_hash_table_lookup (turns_of, &document_id);
  guint lo = 0;
  guint hi;

  if (turns == NULL)
    return 0;
  hi = turns->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (turns, SpeakerTurn, mid).start <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0 || g_array_index (turns, SpeakerTurn, lo - 1).end < end)
    return 0;
  return g_array_index (turns, SpeakerTurn, lo - 1).column + 1;
}

LecternMatrix *
lectern_project_speaker_matrix (LecternProject               *self,
                               const LecternDocumentFilter *filter,
                               LecternMatrixValue           value,
                               GCancellable                *cancellable,
                               GError                     **error)
{
  g_autoptr(GHashTable) row_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  /* gint64 * document id → GArray of SpeakerTurn */
  g_autoptr(GHashTable) turns_of =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) documents = NULL;
  g_autoptr(GArray) column_chars = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) coded = g_array_new (FALSE, FALSE, sizeof (CodedRange));
  g_autoptr(LecternMatrix) matrix = NULL;
  const char *speaker = _lectern_document_filter_get_speaker (filter);
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  documents = lectern_project_filter_documents (self, filter, error);
  if (documents == NULL)
    return NULL;
  for (guint i = 0; i < documents->len; i++)
    g_hash_table_add (kept, &g_array_index (documents, gint64, i));
  matrix = matrix_with_code_rows (self, row_index, error);
  if (matrix == NULL)
    return NULL;

  /* The columns: every speaker with a turn in a kept document, by name. */
  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self,
                               "SELECT document_id, start_offset, end_offset, value FROM document_structure"
                               " WHERE kind = 'turn' AND value IS NOT NULL AND value <> ''"
                               "   AND (?1 IS NULL OR value = ?1)"
                               " ORDER BY value, document_id, start_offset",
                               error);
    const char *previous = NULL;

    if (stmt == NULL)
      return NULL;
    _lectern_bind_text (stmt, 1, speaker);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 document_id = sqlite3_column_int64 (stmt, 0);
        const char *name = _lectern_column_string (stmt, 3);
        SpeakerTurn turn = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2), 0 };
        GArray *turns;

        if (!g_hash_table_contains (kept, &document_id))
          continue;
        if (previous == NULL || g_strcmp0 (previous, name) != 0)
          {
            matrix_add_column (matrix, g_strdup (name), 0);
            g_array_set_size (column_chars, matrix->n_columns);
            previous = g_ptr_array_index (matrix->column_labels, matrix->n_columns - 1);
          }
        turn.column = matrix->n_columns - 1;
        g_array_index (column_chars, gint64, turn.column) += turn.end - turn.start;

        turns = g_hash_table_lookup (turns_of, &document_id);
        if (turns == NULL)
          {
            turns = g_array_new (FALSE, FALSE, sizeof (SpeakerTurn));
            g_hash_table_insert (turns_of, g_memdup2 (&document_id, sizeof document_id), turns);
          }
        g_array_append_val (turns, turn);
      }
    if (rc != SQLITE_DONE)
      {
        _lectern_project_fail (self, rc, error);
        return NULL;
      }
    if (matrix->n_columns == 0)
      {
        g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND,
                     _("No document in “%s” has speaker turns"), _lectern_project_get_name (self));
        return NULL;
      }
  }

  {
    GHashTableIter iter;
    gpointer turns;

    g_hash_table_iter_init (&iter, turns_of);
    while (g_hash_table_iter_next (&iter, NULL, &turns))
      g_array_sort (turns, compare_turns);
  }

  matrix->values = g_new0 (double, (gsize) MAX (1, matrix->n_rows) * MAX (1, matrix->n_columns));
  if (!count_passages (self, matrix, row_index, column_of_turn, turns_of, value, coded, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  add_chars (matrix, coded, column_chars, value);
  return g_steal_pointer (&matrix);
}

/* A passage and its codes' rows (rows[first_row, first_row + n_rows)). */
typedef struct
{
  gint64 id;
  gint64 document_id;
  glong  start;
  glong  end;
  guint  first_paragraph;
  guint  last_paragraph;
  gboolean placed;
  guint  first_row;
  guint  n_rows;
} Passage;

static gboolean
related (const Passage       *p,
         const Passage       *q,
         LecternCooccurrence  within)
{
  if (within == LECTERN_COOCCURRENCE_OVERLAP)
    return p->start < q->end && q->start < p->end;
  return p->placed && q->placed
         && p->first_paragraph <= q->last_paragraph && q->first_paragraph <= p->last_paragraph;
}

/* Whether @p can no longer relate to @q or any passage after it (they
 * are sorted by start). */
static gboolean
past (const Passage       *p,
      const Passage       *q,
      LecternCooccurrence  within)
{
  if (within == LECTERN_COOCCURRENCE_OVERLAP)
    return q->start >= p->end;
  return p->placed && q->placed && q->first_paragraph > p->last_paragraph;
}

/* Counts the pair {p, q} once in each cell {X, Y} with X a code of one
 * and Y a code of the other. */
static void
count_pair (LecternMatrix *matrix,
            const guint   *rows,
            const Passage *p,
            const Passage *q,
            GArray        *seen)
{
  g_array_set_size (seen, 0);

  for (guint i = 0; i < p->n_rows; i++)
    for (guint j = 0; j < q->n_rows; j++)
      {
        guint x = MIN (rows[p->first_row + i], rows[q->first_row + j]);
        guint y = MAX (rows[p->first_row + i], rows[q->first_row + j]);
        guint64 cell = ((guint64) x << 32) | y;
        gboolean counted = FALSE;

        for (guint k = 0; k < seen->len && !counted; k++)
          counted = g_array_index (seen, guint64, k) == cell;
        if (counted)
          continue;
        g_array_append_val (seen, cell);

        matrix->values[(gsize) x * matrix->n_columns + y] += 1;
        if (x != y)
          matrix->values[(gsize) y * matrix->n_columns + x] += 1;
      }
}

LecternMatrix *
lectern_project_cooccurrence (LecternProject               *self,
                             const LecternDocumentFilter *filter,
                             LecternCooccurrence          within,
                             GCancellable                *cancellable,
                             GError                     **error)
{
  g_autoptr(GHashTable) row_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) documents = NULL;
  g_autoptr(GArray) passages = g_array_new (FALSE, FALSE, sizeof (Passage));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(LecternMatrix) matrix = NULL;
  g_autoptr(LecternStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lectern_project_document_set (self, filter, &documents, error))
    return NULL;
  matrix = matrix_with_code_rows (self, row_index, error);
  if (matrix == NULL)
    return NULL;
  for (guint i = 0; i < matrix->n_rows; i++)
    matrix_add_column (matrix, g_strdup (g_ptr_array_index (matrix->row_labels, i)),
                       g_array_index (matrix->row_ids, gint64, i));
  matrix->values = g_new0 (double, (gsize) MAX (1, matrix->n_rows) * MAX (1, matrix->n_columns));

  stmt = _lectern_project_prepare (self,
                                  "SELECT a.id, a.document_id, a.start_offset, a.end_offset, at.tag_id"
                                  " FROM annotations a JOIN annotation_tags at ON at.annotation_id = a.id"
                                  " WHERE a.orphaned = 0"
                                  " ORDER BY a.document_id, a.start_offset, a.id",
                                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 document_id = sqlite3_column_int64 (stmt, 1);
      gint64 tag_id = sqlite3_column_int64 (stmt, 4);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (row_index, &tag_id));
      Passage *last = passages->len > 0 ? &g_array_index (passages, Passage, passages->len - 1) : NULL;

      if (row == 0 || (documents != NULL && !g_hash_table_contains (documents, &document_id)))
        continue;
      row--;

      if (last == NULL || last->id != id)
        {
          Passage passage = { id, document_id, sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
                              0, 0, FALSE, rows->len, 0 };

          g_array_append_val (passages, passage);
          last = &g_array_index (passages, Passage, passages->len - 1);
        }
      g_array_append_val (rows, row);
      last->n_rows++;
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }

  if (within == LECTERN_COOCCURRENCE_PARAGRAPH)
    {
      g_autoptr(LecternParagraphs) paragraphs = NULL;
      gint64 paragraphs_document = 0;

      for (guint i = 0; i < passages->len; i++)
        {
          Passage *p = &g_array_index (passages, Passage, i);

          if (p->document_id != paragraphs_document)
            {
              g_autofree char *text = lectern_project_dup_text (self, p->document_id, error);

              if (text == NULL)
                return NULL;
              g_clear_pointer (&paragraphs, lectern_paragraphs_free);
              paragraphs = lectern_paragraphs_new (text);
              paragraphs_document = p->document_id;
            }
          p->placed = lectern_paragraphs_span (paragraphs, p->start, p->end,
                                               &p->first_paragraph, &p->last_paragraph);
        }
    }

  for (guint i = 0; i < passages->len; i++)
    {
      const Passage *p = &g_array_index (passages, Passage, i);

      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      for (guint j = i + 1; j < passages->len; j++)
        {
          const Passage *q = &g_array_index (passages, Passage, j);

          if (q->document_id != p->document_id || past (p, q, within))
            break;
          if (related (p, q, within))
            count_pair (matrix, (const guint *) rows->data, p, q, seen);
        }
    }

  return g_steal_pointer (&matrix);
}
