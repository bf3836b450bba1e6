/* lectern-project-undo.c — undo and redo across documents.
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

#include "lectern-project-private.h"
#include "lectern-text-change.h"

/* The SQL of the three triggers that log the reverse of a change to
 * @table. Its identifiers are Lectern's own table and column names, taken
 * from Lectern's schema, never from the file (whose schema was checked
 * against it on open anyway), and quoted wherever they are spliced: as
 * identifiers in the trigger, and inside the string literal of the SQL
 * the trigger logs. */
static char *
build_triggers (const char  *table,
                GError     **error)
{
  GPtrArray *schema_columns = _lectern_project_schema_columns (table, error);
  sqlite3_str *columns;
  sqlite3_str *values;
  sqlite3_str *sets;
  char *columns_sql;
  char *values_sql;
  char *sets_sql;
  char *quoted_table;
  char *key = NULL;
  char *sql;

  if (schema_columns == NULL)
    return NULL;

  /* Rows are found again by their primary key: "id", the document's id
   * for a table with one row per document (document_originals), or a
   * passage's GUID (deleted_passages): quoted, as it may be text. */
  for (guint i = 0; i < schema_columns->len; i++)
    {
      const LecternSchemaColumn *column = g_ptr_array_index (schema_columns, i);

      if (column->primary)
        {
          key = sqlite3_mprintf ("\"%w\"", column->name);
          break;
        }
    }
  g_assert (key != NULL);

  columns = sqlite3_str_new (NULL);
  values = sqlite3_str_new (NULL);
  sets = sqlite3_str_new (NULL);

  for (guint i = 0; i < schema_columns->len; i++)
    {
      const LecternSchemaColumn *column = g_ptr_array_index (schema_columns, i);
      char *id = sqlite3_mprintf ("\"%w\"", column->name);

      /* %q: the quoted name inside the logged SQL's string literal. */
      sqlite3_str_appendf (columns, "%s%q", i > 0 ? ", " : "", id);
      sqlite3_str_appendf (values, "%s' || quote (old.%s) || '", i > 0 ? ", " : "", id);
      if (!column->primary)
        sqlite3_str_appendf (sets, "%s%q = ' || quote (old.%s) || '",
                             sqlite3_str_length (sets) > 0 ? ", " : "", id, id);
      sqlite3_free (id);
    }

  columns_sql = sqlite3_str_finish (columns);
  values_sql = sqlite3_str_finish (values);
  sets_sql = sqlite3_str_finish (sets);
  quoted_table = sqlite3_mprintf ("\"%w\"", table);

  sql = sqlite3_mprintf ("CREATE TEMP TRIGGER IF NOT EXISTS \"lectern_undo_%w_insert\" AFTER INSERT ON main.%s BEGIN"
                         " INSERT INTO lectern_undo_log (sql) VALUES ('DELETE FROM main.%q WHERE %q = ' || quote (new.%s));"
                         " END;"
                         "CREATE TEMP TRIGGER IF NOT EXISTS \"lectern_undo_%w_update\" AFTER UPDATE ON main.%s BEGIN"
                         " INSERT INTO lectern_undo_log (sql) VALUES ('UPDATE main.%q SET %s WHERE %q = ' || quote (old.%s));"
                         " END;"
                         "CREATE TEMP TRIGGER IF NOT EXISTS \"lectern_undo_%w_delete\" BEFORE DELETE ON main.%s BEGIN"
                         " INSERT INTO lectern_undo_log (sql) VALUES ('INSERT INTO main.%q (%s) VALUES (%s)');"
                         " END;",
                         table, quoted_table, quoted_table, key, key,
                         table, quoted_table, quoted_table, sets_sql, key, key,
                         table, quoted_table, quoted_table, columns_sql, values_sql);

  sqlite3_free (quoted_table);
  sqlite3_free (key);
  sqlite3_free (columns_sql);
  sqlite3_free (values_sql);
  sqlite3_free (sets_sql);

  if (sql == NULL)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("Lectern ran out of memory"));
      return NULL;
    }

  return sql;
}

gboolean
_lectern_project_undo_install (LecternProject  *self,
                              GError        **error)
{
  const char * const *tables = _lectern_project_user_tables ();

  if (!_lectern_project_exec (self,
                             "CREATE TEMP TABLE IF NOT EXISTS lectern_undo_log ("
                             "  seq INTEGER PRIMARY KEY, sql TEXT NOT NULL)",
                             error))
    return FALSE;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      char *sql = build_triggers (tables[i], error);
      gboolean ok;

      if (sql == NULL)
        return FALSE;
      ok = _lectern_project_exec (self, sql, error);
      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

void
_lectern_project_undo_clear (LecternProject *self)
{
  const char * const *tables = _lectern_project_user_tables ();
  gboolean had = self->undo_steps->len > 0 || self->redo_steps->len > 0;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      char *sql =
        sqlite3_mprintf ("DROP TRIGGER IF EXISTS temp.\"lectern_undo_%w_insert\";"
                         "DROP TRIGGER IF EXISTS temp.\"lectern_undo_%w_update\";"
                         "DROP TRIGGER IF EXISTS temp.\"lectern_undo_%w_delete\";",
                         tables[i], tables[i], tables[i]);

      if (sql != NULL)
        sqlite3_exec (self->db, sql, NULL, NULL, NULL);
      sqlite3_free (sql);
    }
  sqlite3_exec (self->db, "DROP TABLE IF EXISTS temp.lectern_undo_log", NULL, NULL, NULL);

  g_array_set_size (self->undo_steps, 0);
  g_array_set_size (self->redo_steps, 0);

  if (had)
    _lectern_project_notify_undo (self);
}

static gboolean
next_seq (LecternProject  *self,
          gint64         *seq,
          GError        **error)
{
  if (!_lectern_project_query_int (self, "SELECT ifnull (max (seq), 0) FROM temp.lectern_undo_log",
                                  0, 0, seq, error))
    return FALSE;
  *seq += 1;
  return TRUE;
}

gboolean
_lectern_project_undo_mark (LecternProject  *self,
                           GError        **error)
{
  return next_seq (self, &self->step_start, error);
}

static gboolean
delete_rows (LecternProject    *self,
             LecternUndoStep  *step,
             GError          **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self, "DELETE FROM temp.lectern_undo_log WHERE seq BETWEEN ? AND ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step->first);
  sqlite3_bind_int64 (stmt, 2, step->last);
  return _lectern_project_run (self, stmt, error);
}

gboolean
_lectern_project_undo_seal (LecternProject  *self,
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
_lectern_project_undo_push (LecternProject  *self,
                           gint64          last,
                           LecternChange   what,
                           gint64          document_id,
                           const char     *label)
{
  gboolean run_edit = self->run_edit_pending;
  LecternUndoStep step = {
    .first = self->step_start,
    .last = last,
    .what = what,
    .document_id = document_id,
    .label = g_strdup (label),
  };

  self->run_edit_pending = FALSE;
  g_array_set_size (self->redo_steps, 0);

  /* Typing: the run's edits since its last step are one step with it
   * (lectern_project_set_typing_run()). */
  if (run_edit && document_id == self->run_document_id
      && self->run_undo_len > 0 && self->run_undo_len == self->undo_steps->len)
    {
      LecternUndoStep *top = &g_array_index (self->undo_steps, LecternUndoStep, self->undo_steps->len - 1);

      top->last = last;
      top->what |= what;
      g_free (step.label);
      _lectern_project_notify_undo (self);
      return;
    }

  g_array_append_val (self->undo_steps, step);
  self->run_undo_len = run_edit && document_id == self->run_document_id ? self->undo_steps->len : 0;
  _lectern_project_notify_undo (self);
}

void
lectern_project_set_typing_run (LecternProject *self,
                               gint64          document_id)
{
  g_return_if_fail (LECTERN_IS_PROJECT (self));

  self->run_document_id = document_id;
  self->run_version = 0;
  self->run_undo_len = 0;
  self->run_edit_pending = FALSE;
}

void
lectern_project_set_undo_enabled (LecternProject *self,
                                 gboolean       enabled)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LECTERN_IS_PROJECT (self));
  g_return_if_fail (!self->in_transaction && !self->in_batch);

  enabled = !!enabled;
  if (enabled == self->undo_enabled)
    return;

  if (enabled)
    {
      if (!_lectern_project_undo_install (self, &error))
        {
          g_warning ("Undo is not available: %s", error->message);
          _lectern_project_undo_clear (self);
          return;
        }
    }
  else
    _lectern_project_undo_clear (self);

  self->undo_enabled = enabled;
}

gboolean
lectern_project_get_can_undo (LecternProject *self)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);

  return self->undo_steps->len > 0;
}

gboolean
lectern_project_get_can_redo (LecternProject *self)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);

  return self->redo_steps->len > 0;
}

const char *
lectern_project_get_undo_label (LecternProject *self)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);

  if (self->undo_steps->len == 0)
    return NULL;
  return g_array_index (self->undo_steps, LecternUndoStep, self->undo_steps->len - 1).label;
}

const char *
lectern_project_get_redo_label (LecternProject *self)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);

  if (self->redo_steps->len == 0)
    return NULL;
  return g_array_index (self->redo_steps, LecternUndoStep, self->redo_steps->len - 1).label;
}

/* Runs the newest step of @from backwards; what that logs becomes the
 * newest step of @to. */
static gboolean
replay (LecternProject  *self,
        GArray         *from,
        GArray         *to,
        GError        **error)
{
  LecternUndoStep *step;
  LecternUndoStep done = { 0, };
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  int rc;

  step = &g_array_index (from, LecternUndoStep, from->len - 1);

  if (!_lectern_project_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* What the replay writes is the change record of its "changed". */
  _lectern_project_changes_reset (self);

  /* Rows come back in reverse order: a child may briefly precede its
   * parent. The constraints are still checked, at COMMIT. */
  if (!_lectern_project_exec (self, "PRAGMA defer_foreign_keys = ON", error))
    goto fail;

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self,
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
        _lectern_project_fail (self, rc, error);
        goto fail;
      }
  }

  if (!delete_rows (self, step, error) || !next_seq (self, &done.first, error))
    goto fail;

  for (guint i = 0; i < statements->len; i++)
    {
      if (!_lectern_project_exec (self, g_ptr_array_index (statements, i), error))
        goto fail;
    }

  /* A document brought back has no fingerprints: the next lookup writes
   * them (lectern_project_update_fingerprints()), off the undo's way. This
   * connection's own writes do not change data_version, so say so. */
  if (step->what & LECTERN_CHANGE_DOCUMENTS)
    {
      self->fingerprints_complete = FALSE;
      self->fingerprints_through = 0;
    }

  if (!next_seq (self, &done.last, error))
    goto fail;
  done.last -= 1;

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _lectern_project_fail (self, rc, error);
      goto fail;
    }

  done.what = step->what;
  done.document_id = step->document_id;
  done.label = g_steal_pointer (&step->label);
  g_array_set_size (from, from->len - 1);
  g_array_append_val (to, done);

  _lectern_project_notify_undo (self);
  _lectern_project_emit_changed (self, done.what, done.document_id);
  return TRUE;

fail:
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  _lectern_project_changes_reset (self);
  return FALSE;
}

gboolean
lectern_project_undo (LecternProject  *self,
                     GError        **error)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!self->in_batch, FALSE);

  if (self->undo_steps->len == 0)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOTHING_TO_UNDO,
                   _("There is nothing to undo"));
      return FALSE;
    }

  /* What was typed before is no longer the newest step. */
  lectern_project_set_typing_run (self, 0);
  return replay (self, self->undo_steps, self->redo_steps, error);
}

gboolean
lectern_project_redo (LecternProject  *self,
                     GError        **error)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!self->in_batch, FALSE);

  if (self->redo_steps->len == 0)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOTHING_TO_UNDO,
                   _("There is nothing to redo"));
      return FALSE;
    }

  /* What was typed before is no longer the newest step. */
  lectern_project_set_typing_run (self, 0);
  return replay (self, self->redo_steps, self->undo_steps, error);
}
