/* lectern-corpus-undo.c — undo and redo across documents.
 *
 * SQLite's own technique (https://www.sqlite.org/undoredo.html): TEMP
 * triggers on every user table write, for each changed row, the SQL that
 * reverses the change into a TEMP log table. A step is the range of log
 * rows one transaction wrote. Undoing a step runs its SQL backwards in
 * one transaction; the triggers log the reverse of that, which becomes
 * the redo step. The search index follows the documents table through
 * its own triggers; fingerprints are recomputed. TEMP objects live only in this connection: other
 * windows and processes never see them, and their changes are not logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-corpus-private.h"

/* Identifiers here are our own table and column names, never user text. */
static char *
build_triggers (LecternCorpus  *self,
                const char     *table,
                GError        **error)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA main.table_info (%s)", table);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) sets = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, pragma, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _lectern_corpus_fail (self, rc, error);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 1);
      gboolean primary = sqlite3_column_int (stmt, 5) != 0;

      g_string_append_printf (columns, "%s%s", columns->len ? ", " : "", column);
      g_string_append_printf (values, "%s' || quote (old.%s) || '", values->len ? ", " : "", column);
      if (!primary)
        g_string_append_printf (sets, "%s%s = ' || quote (old.%s) || '", sets->len ? ", " : "", column, column);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _lectern_corpus_fail (self, rc, error);
      return NULL;
    }

  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS lectern_undo_%s_insert AFTER INSERT ON main.%s BEGIN"
                          " INSERT INTO lectern_undo_log (sql) VALUES ('DELETE FROM main.%s WHERE id = ' || new.id);"
                          " END;",
                          table, table, table);
  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS lectern_undo_%s_update AFTER UPDATE ON main.%s BEGIN"
                          " INSERT INTO lectern_undo_log (sql) VALUES ('UPDATE main.%s SET %s WHERE id = ' || old.id);"
                          " END;",
                          table, table, table, sets->str);
  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS lectern_undo_%s_delete BEFORE DELETE ON main.%s BEGIN"
                          " INSERT INTO lectern_undo_log (sql) VALUES ('INSERT INTO main.%s (%s) VALUES (%s)');"
                          " END;",
                          table, table, table, columns->str, values->str);

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

gboolean
_lectern_corpus_undo_install (LecternCorpus  *self,
                              GError        **error)
{
  const char * const *tables = _lectern_corpus_user_tables ();

  if (!_lectern_corpus_exec (self,
                             "CREATE TEMP TABLE IF NOT EXISTS lectern_undo_log ("
                             "  seq INTEGER PRIMARY KEY, sql TEXT NOT NULL)",
                             error))
    return FALSE;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = build_triggers (self, tables[i], error);

      if (sql == NULL || !_lectern_corpus_exec (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

void
_lectern_corpus_undo_clear (LecternCorpus *self)
{
  const char * const *tables = _lectern_corpus_user_tables ();
  gboolean had = self->undo_steps->len > 0 || self->redo_steps->len > 0;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("DROP TRIGGER IF EXISTS temp.lectern_undo_%s_insert;"
                         "DROP TRIGGER IF EXISTS temp.lectern_undo_%s_update;"
                         "DROP TRIGGER IF EXISTS temp.lectern_undo_%s_delete;",
                         tables[i], tables[i], tables[i]);

      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
  sqlite3_exec (self->db, "DROP TABLE IF EXISTS temp.lectern_undo_log", NULL, NULL, NULL);

  g_array_set_size (self->undo_steps, 0);
  g_array_set_size (self->redo_steps, 0);

  if (had)
    _lectern_corpus_notify_undo (self);
}

static gboolean
next_seq (LecternCorpus  *self,
          gint64         *seq,
          GError        **error)
{
  if (!_lectern_corpus_query_int (self, "SELECT ifnull (max (seq), 0) FROM temp.lectern_undo_log",
                                  0, 0, seq, error))
    return FALSE;
  *seq += 1;
  return TRUE;
}

gboolean
_lectern_corpus_undo_mark (LecternCorpus  *self,
                           GError        **error)
{
  return next_seq (self, &self->step_start, error);
}

static gboolean
delete_rows (LecternCorpus    *self,
             LecternUndoStep  *step,
             GError          **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_corpus_prepare (self, "DELETE FROM temp.lectern_undo_log WHERE seq BETWEEN ? AND ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step->first);
  sqlite3_bind_int64 (stmt, 2, step->last);
  return _lectern_corpus_run (self, stmt, error);
}

gboolean
_lectern_corpus_undo_seal (LecternCorpus  *self,
                           gint64         *last,
                           GError        **error)
{
  if (!next_seq (self, last, error))
    return FALSE;
  *last -= 1;

  if (*last < self->step_start)
    return TRUE;

  /* A new change forgets what could be redone. */
  for (guint i = 0; i < self->redo_steps->len; i++)
    {
      if (!delete_rows (self, &g_array_index (self->redo_steps, LecternUndoStep, i), error))
        return FALSE;
    }

  return TRUE;
}

void
_lectern_corpus_undo_push (LecternCorpus  *self,
                           gint64          last,
                           LecternChange   what,
                           gint64          document_id,
                           const char     *label)
{
  LecternUndoStep step = {
    .first = self->step_start,
    .last = last,
    .what = what,
    .document_id = document_id,
    .label = g_strdup (label),
  };

  g_array_set_size (self->redo_steps, 0);
  g_array_append_val (self->undo_steps, step);
  _lectern_corpus_notify_undo (self);
}

void
lectern_corpus_set_undo_enabled (LecternCorpus *self,
                                 gboolean       enabled)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LECTERN_IS_CORPUS (self));
  g_return_if_fail (!self->in_transaction && !self->in_batch);

  enabled = !!enabled;
  if (enabled == self->undo_enabled)
    return;

  if (enabled)
    {
      if (!_lectern_corpus_undo_install (self, &error))
        {
          g_warning ("Undo is not available: %s", error->message);
          _lectern_corpus_undo_clear (self);
          return;
        }
    }
  else
    _lectern_corpus_undo_clear (self);

  self->undo_enabled = enabled;
}

gboolean
lectern_corpus_get_can_undo (LecternCorpus *self)
{
  g_return_val_if_fail (LECTERN_IS_CORPUS (self), FALSE);

  return self->undo_steps->len > 0;
}

gboolean
lectern_corpus_get_can_redo (LecternCorpus *self)
{
  g_return_val_if_fail (LECTERN_IS_CORPUS (self), FALSE);

  return self->redo_steps->len > 0;
}

const char *
lectern_corpus_get_undo_label (LecternCorpus *self)
{
  g_return_val_if_fail (LECTERN_IS_CORPUS (self), NULL);

  if (self->undo_steps->len == 0)
    return NULL;
  return g_array_index (self->undo_steps, LecternUndoStep, self->undo_steps->len - 1).label;
}

const char *
lectern_corpus_get_redo_label (LecternCorpus *self)
{
  g_return_val_if_fail (LECTERN_IS_CORPUS (self), NULL);

  if (self->redo_steps->len == 0)
    return NULL;
  return g_array_index (self->redo_steps, LecternUndoStep, self->redo_steps->len - 1).label;
}

/* Runs the newest step of @from backwards; what that logs becomes the
 * newest step of @to. */
static gboolean
replay (LecternCorpus  *self,
        GArray         *from,
        GArray         *to,
        GError        **error)
{
  LecternUndoStep *step;
  LecternUndoStep done = { 0, };
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  int rc;

  step = &g_array_index (from, LecternUndoStep, from->len - 1);

  if (!_lectern_corpus_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Rows come back in reverse order: a child may briefly precede its
   * parent. The constraints are still checked, at COMMIT. */
  if (!_lectern_corpus_exec (self, "PRAGMA defer_foreign_keys = ON", error))
    goto fail;

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_corpus_prepare (self,
                               "SELECT sql FROM temp.lectern_undo_log WHERE seq BETWEEN ? AND ? ORDER BY seq DESC",
                               error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, step->first);
    sqlite3_bind_int64 (stmt, 2, step->last);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (statements, g_strdup (_lectern_column_text (stmt, 0)));
    if (rc != SQLITE_DONE)
      {
        _lectern_corpus_fail (self, rc, error);
        goto fail;
      }
  }

  if (!delete_rows (self, step, error) || !next_seq (self, &done.first, error))
    goto fail;

  for (guint i = 0; i < statements->len; i++)
    {
      if (!_lectern_corpus_exec (self, g_ptr_array_index (statements, i), error))
        goto fail;
    }

  /* A document brought back has no fingerprints: the next lookup writes
   * them (lectern_corpus_update_fingerprints()), off the undo's way. This
   * connection's own writes do not change data_version, so say so. */
  if (step->what & LECTERN_CHANGE_DOCUMENTS)
    self->fingerprints_complete = FALSE;

  if (!next_seq (self, &done.last, error))
    goto fail;
  done.last -= 1;

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _lectern_corpus_fail (self, rc, error);
      goto fail;
    }

  done.what = step->what;
  done.document_id = step->document_id;
  done.label = g_steal_pointer (&step->label);
  g_array_set_size (from, from->len - 1);
  g_array_append_val (to, done);

  _lectern_corpus_notify_undo (self);
  _lectern_corpus_emit_changed (self, done.what, done.document_id);
  return TRUE;

fail:
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
lectern_corpus_undo (LecternCorpus  *self,
                     GError        **error)
{
  g_return_val_if_fail (LECTERN_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!self->in_batch, FALSE);

  if (self->undo_steps->len == 0)
    {
      g_set_error (error, LECTERN_CORPUS_ERROR, LECTERN_CORPUS_ERROR_NOTHING_TO_UNDO,
                   _("There is nothing to undo"));
      return FALSE;
    }

  return replay (self, self->undo_steps, self->redo_steps, error);
}

gboolean
lectern_corpus_redo (LecternCorpus  *self,
                     GError        **error)
{
  g_return_val_if_fail (LECTERN_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!self->in_batch, FALSE);

  if (self->redo_steps->len == 0)
    {
      g_set_error (error, LECTERN_CORPUS_ERROR, LECTERN_CORPUS_ERROR_NOTHING_TO_UNDO,
                   _("There is nothing to redo"));
      return FALSE;
    }

  return replay (self, self->redo_steps, self->undo_steps, error);
}
