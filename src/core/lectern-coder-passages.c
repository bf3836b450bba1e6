/* lectern-coder-passages.c — the two coders' passages that inter-coder
 * agreement measures (lectern-coder-passages.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "lectern-coder-passages.h"
#include "lectern-project-private.h"

/* Rows between two looks at the cancellable. */
#define CANCEL_CHECK_ROWS 4096

/* One statement, so that the lengths and the passages come from the same
 * state of the project. Each document's length is counted once (a
 * materialized CTE): SQLite's length() of text is in characters, code
 * points, and never trusts the stored `length` column (see
 * lectern-project-documents.c). A passage without a tag codes nothing. */
static const char passages_sql[] =
  "WITH coded AS MATERIALIZED ("
  "  SELECT DISTINCT a.document_id AS id"
  "  FROM annotations a JOIN annotation_tags t ON t.annotation_id = a.id"
  "  WHERE a.orphaned = 0 AND a.coder_id IN (?1, ?2)),"
  " lengths AS MATERIALIZED ("
  "  SELECT d.id AS id, length (d.text) AS n FROM documents d JOIN coded c ON c.id = d.id)"
  " SELECT l.id, l.n, a.start_offset, a.end_offset, t.tag_id, a.coder_id"
  " FROM lengths l"
  " JOIN annotations a ON a.document_id = l.id AND a.orphaned = 0 AND a.coder_id IN (?1, ?2)"
  " JOIN annotation_tags t ON t.annotation_id = a.id"
  " ORDER BY l.id, a.coder_id = ?2, a.start_offset, a.end_offset, t.tag_id";

void
lectern_coder_passages_free (LecternCoderPassages *passages)
{
  if (passages == NULL)
    return;
  g_clear_pointer (&passages->documents, g_array_unref);
  g_clear_pointer (&passages->passages, g_array_unref);
  g_free (passages);
}

static gboolean
check_exists (LecternProject  *self,
              const char     *sql,
              const char     *what,
              gint64          id,
              GError        **error)
{
  gint64 n = 0;

  if (!_lectern_project_query_int (self, sql, id, 0, &n, error))
    return FALSE;
  if (n == 0)
    {
      _lectern_project_not_found (self, error, what, id);
      return FALSE;
    }
  return TRUE;
}

LecternCoderPassages *
lectern_project_read_coder_passages (LecternProject  *self,
                                     gint64          coder_a,
                                     gint64          coder_b,
                                     const gint64   *document_ids,
                                     guint           n_document_ids,
                                     GCancellable   *cancellable,
                                     GError        **error)
{
  g_autoptr(LecternCoderPassages) result = NULL;
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(LecternStmt) stmt = NULL;
  gint64 last_document = 0;
  guint n_rows = 0;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (document_ids != NULL || n_document_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (coder_a == coder_b)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("Agreement is between two different coders: both are coder %" PRId64),
                   coder_a);
      return NULL;
    }
  if (!check_exists (self, "SELECT count(*) FROM coders WHERE id = ?", "coder", coder_a, error) ||
      !check_exists (self, "SELECT count(*) FROM coders WHERE id = ?", "coder", coder_b, error))
    return NULL;

  if (n_document_ids > 0)
    {
      wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < n_document_ids; i++)
        {
          if (!check_exists (self, "SELECT count(*) FROM documents WHERE id = ?", "document",
                             document_ids[i], error))
            return NULL;
          g_hash_table_add (wanted, g_memdup2 (&document_ids[i], sizeof (gint64)));
        }
    }

  stmt = _lectern_project_prepare (self, passages_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, coder_a);
  sqlite3_bind_int64 (stmt, 2, coder_b);

  result = g_new0 (LecternCoderPassages, 1);
  result->coder_a = coder_a;
  result->coder_b = coder_b;
  result->documents = g_array_new (FALSE, FALSE, sizeof (LecternCodedDocument));
  result->passages = g_array_new (FALSE, FALSE, sizeof (LecternCoderPassage));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LecternCoderPassage passage;
      gint64 length;

      if (++n_rows % CANCEL_CHECK_ROWS == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      passage.document_id = sqlite3_column_int64 (stmt, 0);
      if (wanted != NULL && !g_hash_table_contains (wanted, &passage.document_id))
        continue;

      /* Offsets past what a glong holds cannot be a text's: they are left
       * as they are for the measure to refuse, clamped only to fit. */
      length = sqlite3_column_int64 (stmt, 1);
      if (passage.document_id != last_document)
        {
          LecternCodedDocument document = { passage.document_id, (glong) CLAMP (length, 0, G_MAXLONG) };

          g_array_append_val (result->documents, document);
          last_document = passage.document_id;
        }
      passage.start = (glong) CLAMP (sqlite3_column_int64 (stmt, 2), 0, G_MAXLONG);
      passage.end = (glong) CLAMP (sqlite3_column_int64 (stmt, 3), 0, G_MAXLONG);
      passage.tag_id = sqlite3_column_int64 (stmt, 4);
      passage.coder_id = sqlite3_column_int64 (stmt, 5);
      g_array_append_val (result->passages, passage);
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&result);
}
