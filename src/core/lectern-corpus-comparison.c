/* lectern-corpus-comparison.c — what comparison keeps in the project:
 * fingerprints of shared passages and hand-corrected alignments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-corpus-private.h"

GArray *
lectern_corpus_lookup_fingerprints (LecternCorpus  *self,
                                    const guint64  *hashes,
                                    guint           n_hashes,
                                    gint64          exclude_document_id,
                                    GError        **error)
{
  g_autoptr(GArray) hits = NULL;

  g_return_val_if_fail (LECTERN_IS_CORPUS (self), NULL);
  g_return_val_if_fail (hashes != NULL || n_hashes == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  hits = g_array_new (FALSE, FALSE, sizeof (LecternFingerprintHit));

  for (guint i = 0; i < n_hashes; i++)
    {
      g_autoptr(LecternStmt) stmt =
        _lectern_corpus_prepare (self,
                                 "SELECT document_id, start_offset, end_offset FROM fingerprints"
                                 " WHERE hash = ? AND document_id <> ? ORDER BY document_id, start_offset",
                                 error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, (gint64) hashes[i]);
      sqlite3_bind_int64 (stmt, 2, exclude_document_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          LecternFingerprintHit hit = {
            .document_id = sqlite3_column_int64 (stmt, 0),
            .hash = hashes[i],
            .start = sqlite3_column_int64 (stmt, 1),
            .end = sqlite3_column_int64 (stmt, 2),
          };
          g_array_append_val (hits, hit);
        }
      if (rc != SQLITE_DONE)
        {
          _lectern_corpus_fail (self, rc, error);
          return NULL;
        }
    }

  return g_steal_pointer (&hits);
}

static gboolean
require_document (LecternCorpus  *self,
                  gint64          document_id,
                  GError        **error)
{
  gint64 exists;

  if (!_lectern_corpus_query_int (self, "SELECT count(*) FROM documents WHERE id = ?",
                                  document_id, 0, &exists, error))
    return FALSE;
  if (!exists)
    {
      _lectern_corpus_not_found (self, error, _("document"), document_id);
      return FALSE;
    }
  return TRUE;
}

/* Corrections are stored once per pair of documents, lower id first, so
 * that they hold whichever side each document is shown on. */
static void
swap_sides (LecternSpanPair *pairs,
            guint            n_pairs)
{
  for (guint i = 0; i < n_pairs; i++)
    {
      LecternSpanPair swapped = {
        pairs[i].b_start, pairs[i].b_end,
        pairs[i].a_start, pairs[i].a_end,
      };

      pairs[i] = swapped;
    }
}

GArray *
lectern_corpus_dup_alignment (LecternCorpus  *self,
                              gint64          document_a,
                              gint64          document_b,
                              GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  g_autoptr(GArray) pairs = NULL;
  gboolean swapped = document_a > document_b;
  int rc;

  g_return_val_if_fail (LECTERN_IS_CORPUS (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!require_document (self, document_a, error) || !require_document (self, document_b, error))
    return NULL;
  if (swapped)
    {
      gint64 first = document_b;

      document_b = document_a;
      document_a = first;
    }

  stmt = _lectern_corpus_prepare (self,
                                  "SELECT a_start, a_end, b_start, b_end FROM alignments"
                                  " WHERE document_a = ? AND document_b = ? ORDER BY position",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_a);
  sqlite3_bind_int64 (stmt, 2, document_b);

  pairs = g_array_new (FALSE, FALSE, sizeof (LecternSpanPair));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LecternSpanPair pair = {
        .a_start = sqlite3_column_int64 (stmt, 0),
        .a_end = sqlite3_column_int64 (stmt, 1),
        .b_start = sqlite3_column_int64 (stmt, 2),
        .b_end = sqlite3_column_int64 (stmt, 3),
      };
      g_array_append_val (pairs, pair);
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_corpus_fail (self, rc, error);
      return NULL;
    }
  if (swapped)
    swap_sides ((LecternSpanPair *) (gpointer) pairs->data, pairs->len);

  return g_steal_pointer (&pairs);
}

static gboolean
valid_span (glong start,
            glong end,
            glong length)
{
  if (start == -1 && end == -1)
    return TRUE;
  return start >= 0 && start <= end && end <= length;
}

gboolean
lectern_corpus_set_alignment (LecternCorpus          *self,
                              gint64                  document_a,
                              gint64                  document_b,
                              const LecternSpanPair  *pairs,
                              guint                   n_pairs,
                              GError                **error)
{
  g_autofree LecternSpanPair *swapped = NULL;
  gint64 length_a, length_b;

  g_return_val_if_fail (LECTERN_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (pairs != NULL || n_pairs == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (document_a > document_b)
    {
      gint64 first = document_b;

      document_b = document_a;
      document_a = first;
      swapped = g_memdup2 (pairs, sizeof *pairs * n_pairs);
      swap_sides (swapped, n_pairs);
      pairs = swapped;
    }

  if (!_lectern_corpus_begin (self, error))
    return FALSE;

  if (!require_document (self, document_a, error)
      || !require_document (self, document_b, error)
      || !_lectern_corpus_query_int (self, "SELECT length FROM documents WHERE id = ?",
                                     document_a, 0, &length_a, error)
      || !_lectern_corpus_query_int (self, "SELECT length FROM documents WHERE id = ?",
                                     document_b, 0, &length_b, error))
    goto fail;

  for (guint i = 0; i < n_pairs; i++)
    {
      if (!valid_span (pairs[i].a_start, pairs[i].a_end, length_a)
          || !valid_span (pairs[i].b_start, pairs[i].b_end, length_b))
        {
          g_set_error (error, LECTERN_CORPUS_ERROR, LECTERN_CORPUS_ERROR_INVALID,
                       _("Alignment pair %u lies outside its documents; nothing was saved"), i + 1);
          goto fail;
        }
    }

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_corpus_prepare (self, "DELETE FROM alignments WHERE document_a = ? AND document_b = ?", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, document_a);
    sqlite3_bind_int64 (stmt, 2, document_b);
    if (!_lectern_corpus_run (self, stmt, error))
      goto fail;
  }

  for (guint i = 0; i < n_pairs; i++)
    {
      g_autoptr(LecternStmt) stmt =
        _lectern_corpus_prepare (self,
                                 "INSERT INTO alignments (document_a, document_b, position,"
                                 " a_start, a_end, b_start, b_end) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, document_a);
      sqlite3_bind_int64 (stmt, 2, document_b);
      sqlite3_bind_int (stmt, 3, i);
      sqlite3_bind_int64 (stmt, 4, pairs[i].a_start);
      sqlite3_bind_int64 (stmt, 5, pairs[i].a_end);
      sqlite3_bind_int64 (stmt, 6, pairs[i].b_start);
      sqlite3_bind_int64 (stmt, 7, pairs[i].b_end);
      if (!_lectern_corpus_run (self, stmt, error))
        goto fail;
    }

  return _lectern_corpus_commit (self, LECTERN_CHANGE_ALIGNMENTS, 0, _("Correct alignment"), error);

fail:
  _lectern_corpus_rollback (self);
  return FALSE;
}
