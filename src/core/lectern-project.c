/* lectern-project.c — a Lectern project: opening, creating, transactions,
 * change notification and integrity. Documents, tags, annotations, memos,
 * search, comparison data, undo and backups live in lectern-project-*.c
 * over the struct in lectern-project-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lectern-atomic-file.h"
#include "lectern-core-enums.h"
#include "lectern-project.h"
#include "lectern-change-set-private.h"
#include "lectern-project-private.h"
#include "lectern-sqlite-connection-private.h"
#include "lectern-sqlite-error-private.h"
#include "lectern-structure.h"
#include "lectern-text.h"

/* How long a write waits for another writer before giving up (LOCKED). */
#define BUSY_TIMEOUT_MS 5000
/* A connection that has held the write lock this long since its last
 * pause pauses LOCK_GAP before it takes the lock again (lock_gap()). */
#define LOCK_TURN (20 * G_TIME_SPAN_MILLISECOND)
#define LOCK_GAP (2 * G_TIME_SPAN_MILLISECOND)

G_DEFINE_QUARK (lectern-project-error-quark, lectern_project_error)

G_DEFINE_FINAL_TYPE (LecternProject, lectern_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_AUTHOR,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  ITEMS_CHANGED_IDS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
clear_step (gpointer data)
{
  LecternUndoStep *step = data;

  g_clear_pointer (&step->label, g_free);
}

static void
lectern_project_finalize (GObject *object)
{
  LecternProject *self = LECTERN_PROJECT (object);

  _lectern_project_live_finalize (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->text_cache, _lectern_text_cache_free);
  _lectern_project_registry_close (self);
  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->coder_name, g_free);
  g_clear_pointer (&self->coder_guid, g_free);
  g_clear_pointer (&self->undo_steps, g_array_unref);
  g_clear_pointer (&self->redo_steps, g_array_unref);
  g_clear_pointer (&self->batch_label, g_free);
  g_clear_pointer (&self->group_label, g_free);
  g_clear_pointer (&self->group_changes, lectern_change_set_unref);

  G_OBJECT_CLASS (lectern_project_parent_class)->finalize (object);
}

static void
lectern_project_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LecternProject *self = LECTERN_PROJECT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, lectern_project_get_author (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, lectern_project_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, lectern_project_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_project_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LecternProject *self = LECTERN_PROJECT (object);

  switch (prop_id)
    {
    case PROP_AUTHOR:
      lectern_project_set_author (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_project_class_init (LecternProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_project_finalize;
  object_class->get_property = lectern_project_get_property;
  object_class->set_property = lectern_project_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LecternProject::changed:
   * @what: LecternChange flags (a flags type: C handlers may take a guint)
   * @document_id: the document concerned, or 0 for several or unknown
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, LECTERN_TYPE_CHANGE, G_TYPE_INT64);

  /**
   * LecternProject::items-changed-ids:
   * @changes: (type LecternChangeSet): what changed, row by row
   *
   * Emitted just before each "changed", the live models already current.
   */
  signals[ITEMS_CHANGED_IDS] =
    g_signal_new ("items-changed-ids", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  LECTERN_TYPE_CHANGE_SET | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
lectern_project_init (LecternProject *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->undo_steps = g_array_new (FALSE, TRUE, sizeof (LecternUndoStep));
  self->redo_steps = g_array_new (FALSE, TRUE, sizeof (LecternUndoStep));
  g_array_set_clear_func (self->undo_steps, clear_step);
  g_array_set_clear_func (self->redo_steps, clear_step);
  self->batch_document_id = -1;
  _lectern_project_live_init (self);
}

/* ------------------------------------------------------------------ */
/* SQL helpers                                                         */

void
_lectern_stmt_reset (LecternStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

const char *
_lectern_project_get_name (LecternProject *self)
{
  return self->path;
}

gboolean
_lectern_project_fail (LecternProject  *self,
                      int             rc,
                      GError        **error)
{
  _lectern_sqlite_set_error (error, self->db, rc, self->file);
  return FALSE;
}

LecternStmt *
_lectern_project_prepare (LecternProject  *self,
                         const char     *sql,
                         GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_lectern_project_exec (LecternProject  *self,
                      const char     *sql,
                      GError        **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _lectern_project_fail (self, rc, error);
  return TRUE;
}

gboolean
_lectern_project_run (LecternProject  *self,
                     LecternStmt    *stmt,
                     GError        **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);
  return TRUE;
}

gboolean
_lectern_project_query_int (LecternProject  *self,
                           const char     *sql,
                           gint64          arg,
                           gint64          fallback,
                           gint64         *result,
                           GError        **error)
{
  g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, arg);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *result = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? fallback : sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *result = fallback;
  else
    return _lectern_project_fail (self, rc, error);

  return TRUE;
}

void
_lectern_bind_text (LecternStmt *stmt,
                    int          column,
                    const char  *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

const char *
_lectern_column_text (LecternStmt *stmt,
                      int          column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

const char *
_lectern_column_string (LecternStmt *stmt,
                        int          column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

char *
_lectern_project_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

GDateTime *
_lectern_project_parse_time (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

void
_lectern_project_not_found (LecternProject  *self,
                           GError        **error,
                           const char     *what,
                           gint64          id)
{
  g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND,
               /* Translators: "There is no annotation 12 in “notes.lectern”" */
               _("There is no %s %" PRId64 " in “%s”"), what, id, self->path);
}

/* ------------------------------------------------------------------ */
/* Transactions                                                        */

/* SQLite rolls the whole transaction back itself after some failures
 * (disk full, I/O error): a batch that lost its transaction must not let
 * later calls write on their own. */
static gboolean
batch_lost (LecternProject  *self,
            GError        **error)
{
  g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
               _("The changes to “%s” were abandoned after an earlier failure; none of them was saved"),
               self->path);
  return FALSE;
}

/* Long writers (an import's batches, fingerprints, a loop of calls) end
 * each transaction and at once begin the next: another connection waiting
 * for the lock would find it taken at each of its tries, until its busy
 * timeout. So once a connection has held the lock for LOCK_TURN, it leaves
 * a gap of LOCK_GAP after its last commit, in which busy_wait() of the
 * other connection tries at least once; short transactions never wait. */
static void
lock_gap (LecternProject *self)
{
  gint64 since;

  if (self->lock_held < LOCK_TURN)
    return;
  since = g_get_monotonic_time () - self->lock_released;
  if (since >= 0 && since < LOCK_GAP)
    g_usleep (LOCK_GAP - since);
  self->lock_held = 0;
}

static void
lock_release (LecternProject *self)
{
  if (self->lock_taken == 0)
    return;
  self->lock_released = g_get_monotonic_time ();
  self->lock_held += self->lock_released - self->lock_taken;
  self->lock_taken = 0;
}

gboolean
_lectern_project_begin (LecternProject  *self,
                       GError        **error)
{
  g_assert (!self->in_transaction);

  if (self->in_batch)
    {
      if (sqlite3_get_autocommit (self->db))
        return batch_lost (self, error);
      /* Lets this call fail alone without losing the batch. */
      if (!_lectern_project_exec (self, "SAVEPOINT lectern_call", error))
        return FALSE;
      _lectern_project_changes_reset (self);
      self->in_transaction = TRUE;
      return TRUE;
    }

  /* IMMEDIATE takes the write lock now, waiting up to BUSY_TIMEOUT_MS for
   * another writer, so a transaction never fails half-way for a lock. */
  lock_gap (self);
  if (!_lectern_project_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->lock_taken = g_get_monotonic_time ();

  _lectern_project_changes_reset (self);
  self->in_transaction = TRUE;

  if (self->undo_enabled && !_lectern_project_undo_mark (self, error))
    {
      _lectern_project_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
_lectern_project_rollback (LecternProject *self)
{
  if (!self->in_transaction)
    return;

  self->in_transaction = FALSE;
  _lectern_project_changes_reset (self);

  /* A failed statement may have already ended the transaction; then
   * there is nothing to roll back (and a batch has lost its own). */
  if (sqlite3_get_autocommit (self->db))
    return;

  if (self->in_batch)
    sqlite3_exec (self->db, "ROLLBACK TO lectern_call; RELEASE lectern_call", NULL, NULL, NULL);
  else
    {
      self->run_edit_pending = FALSE;   /* no step will hold it */
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      lock_release (self);
    }
}

/* A call's change becomes part of the batch's. */
static void
batch_join (LecternProject *self,
            LecternChange  what,
            gint64         document_id,
            const char    *label)
{
  self->batch_what |= what;
  if (self->batch_document_id < 0)
    self->batch_document_id = document_id;
  else if (self->batch_document_id != document_id)
    self->batch_document_id = 0;
  if (self->batch_label_named)
    ;
  else if (self->batch_label == NULL && !self->batch_labels_differ)
    self->batch_label = g_strdup (label);
  else if (g_strcmp0 (self->batch_label, label) != 0)
    self->batch_labels_differ = TRUE;
}

gboolean
_lectern_project_commit (LecternProject  *self,
                        LecternChange   what,
                        gint64          document_id,
                        const char     *label,
                        GError        **error)
{
  gint64 last = 0;
  int rc;

  g_assert (self->in_transaction);

  if (self->in_batch)
    {
      rc = sqlite3_exec (self->db, "RELEASE lectern_call", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          _lectern_project_fail (self, rc, error);
          _lectern_project_rollback (self);
          return FALSE;
        }
      self->in_transaction = FALSE;
      _lectern_project_changes_join_batch (self);
      batch_join (self, what, document_id, label);
      return TRUE;
    }

  if (self->undo_enabled && !_lectern_project_undo_seal (self, &last, error))
    {
      _lectern_project_rollback (self);
      return FALSE;
    }

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _lectern_project_fail (self, rc, error);
      _lectern_project_rollback (self);
      return FALSE;
    }
  lock_release (self);
  self->in_transaction = FALSE;

  if (self->undo_enabled && last >= self->step_start)
    _lectern_project_undo_push (self, last, what, document_id, label);

  _lectern_project_emit_changed (self, what, document_id);
  return TRUE;
}

static void
batch_end (LecternProject *self)
{
  /* Fingerprints written inside the batch may be rolled back with it. */
  self->fingerprints_complete = FALSE;
  self->in_batch = FALSE;
  self->batch_what = 0;
  self->batch_document_id = -1;
  self->batch_labels_differ = FALSE;
  self->batch_label_named = FALSE;
  g_clear_pointer (&self->batch_label, g_free);
}

gboolean
lectern_project_begin_batch (LecternProject  *self,
                            GError        **error)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (self->in_batch)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("A batch of changes to “%s” is already open; batches do not nest"), self->path);
      return FALSE;
    }

  /* The batch's transaction, begun as a call's would be (undo marks its
   * first log row); the calls then take savepoints inside it. */
  if (!_lectern_project_begin (self, error))
    return FALSE;
  self->in_transaction = FALSE;

  batch_end (self);
  _lectern_project_changes_begin_batch (self);
  self->in_batch = TRUE;
  return TRUE;
}

gboolean
lectern_project_commit_batch (LecternProject  *self,
                             GError        **error)
{
  g_autofree char *label = NULL;
  LecternChange what;
  gint64 document_id;
  gint64 last = 0;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->in_batch, FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  what = self->batch_what;
  document_id = MAX (self->batch_document_id, 0);
  label = self->batch_labels_differ ? g_strdup (_("Several changes")) : g_steal_pointer (&self->batch_label);
  batch_end (self);
  _lectern_project_changes_end_batch (self, TRUE);

  if (sqlite3_get_autocommit (self->db))
    return batch_lost (self, error);

  if (self->undo_enabled && !_lectern_project_undo_seal (self, &last, error))
    goto fail;

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _lectern_project_fail (self, rc, error);
      goto fail;
    }
  lock_release (self);

  if (self->undo_enabled && last >= self->step_start)
    _lectern_project_undo_push (self, last, what, document_id, label);

  _lectern_project_emit_changed (self, what, document_id);
  return TRUE;

fail:
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  lock_release (self);
  _lectern_project_changes_reset (self);
  return FALSE;
}

void
lectern_project_rollback_batch (LecternProject *self)
{
  g_return_if_fail (LECTERN_IS_PROJECT (self));
  g_return_if_fail (self->in_batch);
  g_return_if_fail (!self->in_transaction);

  self->run_edit_pending = FALSE;   /* no step will hold it */
  batch_end (self);
  _lectern_project_changes_end_batch (self, FALSE);
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  lock_release (self);
}

static void
group_forget (LecternProject *self)
{
  self->in_group = FALSE;
  self->group_owns_batch = FALSE;
  self->group_labels_differ = FALSE;
  self->group_what = 0;
  self->group_document_id = -1;
  g_clear_pointer (&self->group_label, g_free);
  g_clear_pointer (&self->group_changes, lectern_change_set_unref);
}

gboolean
lectern_project_begin_group (LecternProject  *self,
                            GError        **error)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);
  g_return_val_if_fail (!self->in_group, FALSE);

  if (!self->in_batch)
    {
      if (!lectern_project_begin_batch (self, error))
        return FALSE;
      group_forget (self);
      self->in_group = TRUE;
      self->group_owns_batch = TRUE;
      return TRUE;
    }

  if (sqlite3_get_autocommit (self->db))
    return batch_lost (self, error);
  if (!_lectern_project_exec (self, "SAVEPOINT lectern_group", error))
    return FALSE;

  /* What a dropped group must give back: the batch's record so far. */
  group_forget (self);
  self->in_group = TRUE;
  self->group_what = self->batch_what;
  self->group_document_id = self->batch_document_id;
  self->group_label = g_strdup (self->batch_label);
  self->group_labels_differ = self->batch_labels_differ;
  self->group_changes = _lectern_change_set_new ();
  if (self->batch_changes != NULL)
    _lectern_change_set_merge (self->group_changes, self->batch_changes);
  return TRUE;
}

void
lectern_project_name_group (LecternProject *self,
                           const char    *label)
{
  g_return_if_fail (LECTERN_IS_PROJECT (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (self->in_group);

  /* Inside a caller's batch the step is the caller's to name. */
  if (!self->group_owns_batch)
    return;
  g_free (self->batch_label);
  self->batch_label = g_strdup (label);
  self->batch_labels_differ = FALSE;
  self->batch_label_named = TRUE;
}

gboolean
lectern_project_end_group (LecternProject  *self,
                          gboolean        keep,
                          GError        **error)
{
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);
  g_return_val_if_fail (self->in_group, FALSE);

  if (self->group_owns_batch)
    {
      group_forget (self);
      if (keep)
        return lectern_project_commit_batch (self, error);
      lectern_project_rollback_batch (self);
      return TRUE;
    }

  if (sqlite3_get_autocommit (self->db))
    {
      group_forget (self);
      return keep ? batch_lost (self, error) : TRUE;
    }

  if (keep)
    {
      rc = sqlite3_exec (self->db, "RELEASE lectern_group", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        {
          group_forget (self);
          return TRUE;
        }
      _lectern_project_fail (self, rc, error);
    }

  sqlite3_exec (self->db, "ROLLBACK TO lectern_group; RELEASE lectern_group", NULL, NULL, NULL);
  self->batch_what = self->group_what;
  self->batch_document_id = self->group_document_id;
  g_free (self->batch_label);
  self->batch_label = g_steal_pointer (&self->group_label);
  self->batch_labels_differ = self->group_labels_differ;
  g_clear_pointer (&self->batch_changes, lectern_change_set_unref);
  self->batch_changes = g_steal_pointer (&self->group_changes);
  /* Fingerprints written inside the group went with it. */
  self->fingerprints_complete = FALSE;
  group_forget (self);
  return !keep;
}

void
_lectern_project_emit_changed (LecternProject *self,
                              LecternChange  what,
                              gint64         document_id)
{
  g_autoptr(LecternChangeSet) changes = _lectern_project_changes_take (self, what, document_id);

  /* The kinds the rows show count too: undo knows its step's kinds, but
   * not, say, the passages a deleted document took with it. */
  what = lectern_change_set_get_what (changes);
  if (what == 0)
    return;
  _lectern_project_live_apply (self, changes);
  g_signal_emit (self, signals[ITEMS_CHANGED_IDS], 0, changes);
  g_signal_emit (self, signals[CHANGED], 0, (guint) what, document_id);
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

typedef enum
{
  HEADER_LECTERN,       /* looks like ours */
  HEADER_OTHER_SQLITE,  /* SQLite with another application id */
  HEADER_MAYBE,         /* SQLite; a write-ahead log decides */
} HeaderKind;

/* Reads the file's 100-byte SQLite header before SQLite ever sees the
 * file, so that something that is not a project is refused without being
 * touched, and a truncated copy is recognised. */
static gboolean
check_header (const char  *path,
              HeaderKind  *kind,
              GError     **error)
{
  guchar header[100];
  GStatBuf st;
  gssize n;
  int fd;
  guint page_size;
  guint32 n_pages;
  g_autofree char *wal = NULL;
  gboolean has_wal;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND,
                     _("There is no project “%s”"), path);
      else
        g_set_error (error, LECTERN_PROJECT_ERROR,
                     saved == EACCES ? LECTERN_PROJECT_ERROR_READ_ONLY : LECTERN_PROJECT_ERROR_FAILED,
                     _("Could not open “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("Could not open “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_A_PROJECT,
                   _("“%s” is a folder, not a Lectern project"), path);
      return FALSE;
    }

  n = read (fd, header, sizeof header);
  close (fd);

  if (n < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Lectern project: it is not a database at all"), path);
      return FALSE;
    }

  if (n < (gssize) sizeof header)
    goto truncated;

  page_size = ((guint) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_CORRUPT,
                   _("“%s” is damaged: its header is invalid. Restore it from a backup"), path);
      return FALSE;
    }

  if (st.st_size % page_size != 0)
    goto truncated;

  wal = g_strconcat (path, "-wal", NULL);
  has_wal = g_file_test (wal, G_FILE_TEST_EXISTS);

  /* The page count in the header is trustworthy when the change counter
   * matches "version-valid-for"; pages may still sit in the WAL. */
  n_pages = read_be32 (header + 28);
  if (!has_wal && n_pages > 0 && read_be32 (header + 24) == read_be32 (header + 92)
      && (guint64) st.st_size < (guint64) n_pages * page_size)
    goto truncated;

  if (read_be32 (header + 68) == LECTERN_APPLICATION_ID)
    *kind = HEADER_LECTERN;
  else if (has_wal)
    *kind = HEADER_MAYBE;
  else
    *kind = HEADER_OTHER_SQLITE;

  return TRUE;

truncated:
  g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_CORRUPT,
               _("“%s” is damaged: the file is cut short. Restore it from a backup"), path);
  return FALSE;
}

static void
default_author (LecternProject *self)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();
  self->author = g_strdup (name);
}

static LecternProject *
project_new (GFile *file)
{
  LecternProject *self = g_object_new (LECTERN_TYPE_PROJECT, NULL);

  self->file = g_object_ref (file);
  self->path = g_file_get_path (file);
  default_author (self);
  _lectern_project_adopt_default_coder (self);

  return self;
}

/* Waits for another connection's write lock up to BUSY_TIMEOUT_MS,
 * trying again every millisecond. SQLite's own busy_timeout backs off to
 * 100 ms between tries, so a writer that commits in short chunks (an
 * import) could take the lock back in each of its gaps and starve an
 * edit until the timeout; polled this often, the edit gets the lock in
 * the first gap (lock_gap()). */
static int
busy_wait (void *data,
           int   count)
{
  LecternProject *self = data;
  gint64 now = g_get_monotonic_time ();

  if (count == 0)
    self->busy_since = now;
  if (now - self->busy_since >= BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND)
    return 0;
  g_usleep (G_TIME_SPAN_MILLISECOND);
  return 1;
}

static gboolean
open_connection (LecternProject  *self,
                 int             flags,
                 GError        **error)
{
  int rc = _lectern_sqlite_open (self->path, flags | SQLITE_OPEN_NOMUTEX, &self->db);

  if (rc != SQLITE_OK)
    {
      _lectern_project_fail (self, rc, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_handler (self->db, busy_wait, self);
  _lectern_project_live_connect (self);

  /* Not persistent, nothing written. */
  return _lectern_project_exec (self, "PRAGMA foreign_keys = ON", error);
}

/* Settings that write: only once the file is known to be ours. */
static gboolean
configure (LecternProject  *self,
           GError        **error)
{
  return _lectern_project_exec (self,
                               "PRAGMA journal_mode = WAL;"
                               "PRAGMA synchronous = FULL;",
                               error);
}

static gboolean
read_data_version (LecternProject  *self,
                   gint64         *version,
                   GError        **error)
{
  return _lectern_project_query_int (self, "PRAGMA data_version", 0, 0, version, error);
}

static gboolean
has_tables (LecternProject  *self,
            int             version,
            GError        **error)
{
  const char * const *tables = _lectern_project_schema_tables (version);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(LecternStmt) stmt =
        _lectern_project_prepare (self, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_CORRUPT,
                       _("“%s” is damaged: its table “%s” is missing. Restore it from a backup"),
                       self->path, tables[i]);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return _lectern_project_fail (self, rc, error);
    }

  return TRUE;
}

/* @worker: a job's connection, which neither migrates nor backs up.
 * @scratch: a private copy, migrated without a backup, never backed up. */
static LecternProject *
open_existing (GFile     *file,
               gboolean   worker,
               gboolean   scratch,
               GError   **error)
{
  g_autoptr(LecternProject) self = NULL;
  HeaderKind kind = HEADER_LECTERN;
  gint64 application_id;
  gint64 version;
  gboolean secondary;
  gboolean opened;

  self = project_new (file);

  if (self->path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("Could not open “%s”: projects must be on a local disk"), name);
      return NULL;
    }

  /* The header is read through a descriptor of our own only while this
   * process holds no connection to the file: closing it would drop their
   * locks (lectern-project-registry.c). A file already open here was
   * checked when it was first opened. */
  _lectern_project_registry_lock ();
  secondary = _lectern_project_registry_has (self->path);
  if (!secondary)
    {
      if (!check_header (self->path, &kind, error))
        {
          _lectern_project_registry_unlock ();
          return NULL;
        }
      if (kind == HEADER_OTHER_SQLITE)
        {
          _lectern_project_registry_unlock ();
          goto not_ours;
        }
    }
  opened = open_connection (self, SQLITE_OPEN_READWRITE, error);
  if (opened)
    _lectern_project_registry_add (self);
  _lectern_project_registry_unlock ();
  if (!opened)
    return NULL;

  /* Reading the schema catches a damaged first page. */
  if (!_lectern_project_query_int (self, "PRAGMA application_id", 0, 0, &application_id, error)
      || !_lectern_project_query_int (self, "PRAGMA user_version", 0, 0, &version, error)
      || !_lectern_project_exec (self, "SELECT count(*) FROM sqlite_schema", error))
    return NULL;

  if (application_id != LECTERN_APPLICATION_ID)
    goto not_ours;

  if (version > LECTERN_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Lectern (format %d; this one "
                     "reads up to %d). Update Lectern to open it"),
                   self->path, (int) version, LECTERN_PROJECT_SCHEMA_VERSION);
      return NULL;
    }

  if (version < 1 || !has_tables (self, (int) version, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_CORRUPT,
                     _("“%s” is damaged: it has no format version. Restore it from a backup"),
                     self->path);
      return NULL;
    }

  /* Before anything writes or runs the file's own SQL. */
  if (!_lectern_project_check_schema (self->db, (int) version, self->path, error))
    return NULL;
  _lectern_sqlite_trust_schema (self->db);

  if (version < LECTERN_PROJECT_SCHEMA_VERSION && worker)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("“%s” is in an older format (%d): open it in Lectern first, which upgrades it"),
                   self->path, (int) version);
      return NULL;
    }
  else if (version < LECTERN_PROJECT_SCHEMA_VERSION)
    {
      /* Migrated in the journal mode the file came with, WAL only after:
       * switching to WAL rewrites the header, so a migration that fails
       * on a damaged page would otherwise leave the refused file changed. */
      if ((!scratch && !_lectern_project_backup_before_migration (self, (int) version, error))
          || !_lectern_project_migrate (self, (int) version, error)
          || !configure (self, error))
        return NULL;
    }
  else
    {
      if (!configure (self, error))
        return NULL;
      if (!secondary && !worker && !scratch)
        {
          /* A failed daily backup must not keep the user from working. The
           * first connection of the process makes it; a worker's does not. */
          g_autoptr(GError) backup_error = NULL;

          if (!_lectern_project_backup_daily (self, &backup_error))
            g_message ("%s", backup_error->message);
        }
    }

  if (!read_data_version (self, &self->data_version, error))
    return NULL;

  return g_steal_pointer (&self);

not_ours:
  g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_A_PROJECT,
               _("“%s” is a database, but not a Lectern project"), self->path);
  return NULL;
}

LecternProject *
lectern_project_open (GFile   *file,
                     GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_existing (file, FALSE, FALSE, error);
}

LecternProject *
lectern_project_open_worker (GFile   *file,
                            GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_existing (file, TRUE, FALSE, error);
}

LecternProject *
lectern_project_open_scratch (GFile   *file,
                             GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_existing (file, FALSE, TRUE, error);
}

static gboolean
is_empty (LecternProject  *self,
          gboolean       *empty,
          GError        **error)
{
  gint64 n;

  if (!_lectern_project_query_int (self,
                                  "SELECT (SELECT count(*) FROM documents)"
                                  " + (SELECT count(*) FROM tags)"
                                  " + (SELECT count(*) FROM memos)",
                                  0, 0, &n, error))
    return FALSE;

  *empty = n == 0;
  return TRUE;
}

static void
remove_created (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

LecternProject *
lectern_project_create (GFile   *file,
                       GError **error)
{
  g_autoptr(LecternProject) self = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean opened;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Creating the file exclusively first means two creators cannot both
   * believe they made it, and an existing file is never overwritten. */
  stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &local_error);
  if (stream == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autoptr(GError) open_error = NULL;
          gboolean empty = FALSE;

          self = open_existing (file, FALSE, FALSE, &open_error);
          if (self != NULL && is_empty (self, &empty, NULL) && empty)
            return g_steal_pointer (&self);

          g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_EXISTS,
                       _("“%s” already exists and is not an empty Lectern project; "
                         "choose another name"), name);
          return NULL;
        }

      g_set_error (error, LECTERN_PROJECT_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
                   || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY)
                   ? LECTERN_PROJECT_ERROR_READ_ONLY
                   : g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                   ? LECTERN_PROJECT_ERROR_NO_SPACE : LECTERN_PROJECT_ERROR_FAILED,
                   _("Could not create “%s”: %s"), name, local_error->message);
      return NULL;
    }
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);

  self = project_new (file);
  if (self->path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_file_delete (file, NULL, NULL);
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("Could not create “%s”: projects must be on a local disk"), name);
      return NULL;
    }

  _lectern_project_registry_lock ();
  opened = open_connection (self, SQLITE_OPEN_READWRITE, error);
  if (opened)
    _lectern_project_registry_add (self);
  _lectern_project_registry_unlock ();

  if (!opened
      || !configure (self, error)
      || !_lectern_project_migrate (self, 0, error)
      || !read_data_version (self, &self->data_version, error))
    {
      g_autofree char *path = g_strdup (self->path);

      g_clear_object (&self);
      remove_created (path);
      return NULL;
    }

  /* Its schema is the one Lectern's migrations just wrote. */
  _lectern_sqlite_trust_schema (self->db);
  return g_steal_pointer (&self);
}

GFile *
lectern_project_get_file (LecternProject *self)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);

  return self->file;
}

const char *
lectern_project_get_author (LecternProject *self)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);

  return self->author;
}

void
lectern_project_set_author (LecternProject *self,
                           const char    *author)
{
  g_return_if_fail (LECTERN_IS_PROJECT (self));

  if (author == NULL || *author == '\0')
    {
      g_clear_pointer (&self->author, g_free);
      default_author (self);
    }
  else if (g_strcmp0 (author, self->author) != 0)
    {
      g_free (self->author);
      self->author = g_strdup (author);
    }
  else
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

gboolean
lectern_project_refresh (LecternProject *self)
{
  g_autoptr(GError) error = NULL;
  gint64 version;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);

  /* Logged, not fatal: a disk that disappeared is a situation, not a bug,
   * and the next write reports it to the user with its own error. */
  if (!read_data_version (self, &version, &error))
    {
      g_message ("%s", error->message);
      return FALSE;
    }

  /* Long sessions get their daily backup too; not of a batch half done. */
  if (!self->in_batch && !_lectern_project_backup_daily (self, &error))
    {
      g_message ("%s", error->message);
      g_clear_error (&error);
    }

  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  /* Another connection may even have restored a backup. */
  g_clear_pointer (&self->text_cache, _lectern_text_cache_free);
  _lectern_project_changes_reset (self);
  _lectern_change_set_unlist (self->pending_changes, LECTERN_CHANGE_ALL);
  _lectern_project_emit_changed (self, LECTERN_CHANGE_ALL, 0);
  return TRUE;
}

void
_lectern_project_notify_undo (LecternProject *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* ------------------------------------------------------------------ */
/* Integrity                                                           */

static gboolean
check_sqlite (LecternProject  *self,
              GPtrArray      *problems,
              GError        **error)
{
  g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, "PRAGMA integrity_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = _lectern_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Database: %s"), line));
    }

  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Database: %s"), sqlite3_errmsg (self->db)));
          return TRUE;
        }
      return _lectern_project_fail (self, rc, error);
    }

  return TRUE;
}

static gboolean
check_search_index (LecternProject  *self,
                    GPtrArray      *problems,
                    GError        **error)
{
  int rc = sqlite3_exec (self->db,
                         "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)",
                         NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;
  if ((rc & 0xff) == SQLITE_CORRUPT)
    {
      g_ptr_array_add (problems,
                       g_strdup (_("Search index: out of step with the documents; "
                                   "searches may miss passages")));
      return TRUE;
    }
  return _lectern_project_fail (self, rc, error);
}

static gboolean
check_documents (LecternProject  *self,
                 GPtrArray      *problems,
                 GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self, "SELECT id, title, length, content_hash, text FROM documents ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *title = _lectern_column_text (stmt, 1);
      const char *text = _lectern_column_text (stmt, 4);
      int n_bytes = sqlite3_column_bytes (stmt, 4);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, n_bytes);

      if (!lectern_text_is_stored (text, n_bytes))
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Document %" PRId64 " “%s”: its text is not normalized"),
                                          id, title));
      if (g_utf8_strlen (text, n_bytes) != sqlite3_column_int64 (stmt, 2))
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Document %" PRId64 " “%s”: its recorded length is wrong"),
                                          id, title));
      if (g_strcmp0 (hash, _lectern_column_text (stmt, 3)) != 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Document %" PRId64 " “%s”: its text does not match its hash"),
                                          id, title));
    }

  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);
  return TRUE;
}

/* Every annotation's quote against its range, one document text at a
 * time, walking forward through annotations sorted by start. */
static gboolean
check_annotations (LecternProject  *self,
                   GPtrArray      *problems,
                   GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self,
                             "SELECT a.id, a.document_id, a.start_offset, a.end_offset, a.quote, d.length"
                             " FROM annotations a JOIN documents d ON d.id = a.document_id"
                             /* An orphan's range is where it stood in an
                              * earlier version: nothing to check. */
                             " WHERE a.orphaned = 0"
                             " ORDER BY a.document_id, a.start_offset, a.end_offset",
                             error);
  LecternTextCache *cache = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 document_id = sqlite3_column_int64 (stmt, 1);
      glong start = sqlite3_column_int64 (stmt, 2);
      glong end = sqlite3_column_int64 (stmt, 3);
      const char *quote = _lectern_column_text (stmt, 4);
      glong length = sqlite3_column_int64 (stmt, 5);
      g_autofree char *actual = NULL;

      if (start < 0 || end <= start || end > length)
        {
          g_ptr_array_add (problems,
                           g_strdup_printf (_("Annotation %" PRId64 ": its range %ld–%ld lies outside "
                                              "document %" PRId64 " (%ld characters)"),
                                            id, start, end, document_id, length));
          continue;
        }

      if (cache == NULL || cache->document_id != document_id)
        {
          cache = _lectern_project_get_text_cache (self, document_id, error);
          if (cache == NULL)
            return FALSE;
        }

      actual = _lectern_text_cache_slice (cache, start, end);
      if (g_strcmp0 (actual, quote) != 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Annotation %" PRId64 ": its quote “%s” no longer matches "
                                            "the text at %ld–%ld of document %" PRId64),
                                          id, quote, start, end, document_id));
    }

  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);
  return TRUE;
}

/* Every span within its document's text and of a kind Lectern knows. */
static gboolean
check_structure (LecternProject  *self,
                 GPtrArray      *problems,
                 GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self,
                             "SELECT s.id, s.document_id, s.start_offset, s.end_offset, s.kind, d.length"
                             " FROM document_structure s JOIN documents d ON d.id = s.document_id"
                             " ORDER BY s.document_id, s.start_offset",
                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 document_id = sqlite3_column_int64 (stmt, 1);
      gint64 start = sqlite3_column_int64 (stmt, 2);
      gint64 end = sqlite3_column_int64 (stmt, 3);
      const char *kind = _lectern_column_string (stmt, 4);
      gint64 length = sqlite3_column_int64 (stmt, 5);

      if (start < 0 || end <= start || end > length)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Structure %" PRId64 ": its span %" PRId64 "–%" PRId64
                                            " lies outside document %" PRId64 " (%" PRId64 " characters)"),
                                          id, start, end, document_id, length));
      if (!lectern_structure_kind_from_string (kind, NULL))
        {
          /* A foreign file's text, shown short and valid. */
          g_autofree char *shown = g_utf8_make_valid (kind, MIN (strlen (kind), 48));

          g_ptr_array_add (problems,
                           g_strdup_printf (_("Structure %" PRId64 " of document %" PRId64
                                              ": its kind “%s” is unknown"),
                                            id, document_id, shown));
        }
    }

  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);
  return TRUE;
}

/* Every original gives back exactly its recorded size. */
static gboolean
check_originals (LecternProject  *self,
                 GPtrArray      *problems,
                 GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self,
                             "SELECT document_id, format, size, data FROM document_originals ORDER BY document_id",
                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 document_id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *problem = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (*_lectern_column_string (stmt, 1) == '\0')
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Original of document %" PRId64 ": it has no format"),
                                          document_id));
      bytes = _lectern_project_inflate_original (sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3),
                                                sqlite3_column_int64 (stmt, 2), &problem);
      if (bytes == NULL)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Original of document %" PRId64 ": %s"), document_id, problem));
    }

  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);
  return TRUE;
}

gboolean
lectern_project_check (LecternProject  *self,
                      GPtrArray     **problems,
                      GError        **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_sqlite (self, found, error))
    return FALSE;

  /* On a damaged database the other checks would only repeat it. */
  if (found->len == 0
      && (!check_search_index (self, found, error)
          || !check_documents (self, found, error)
          || !check_annotations (self, found, error)
          || !check_structure (self, found, error)
          || !check_originals (self, found, error)
          || !_lectern_project_check_versions (self, found, error)
          || !_lectern_project_check_coders (self, found, error)))
    return FALSE;

  _lectern_project_find_deleted_logs (self, found);

  if (problems != NULL)
    *problems = g_ptr_array_ref (found);

  return found->len == 0;
}

/* ------------------------------------------------------------------ */
/* Backup                                                              */

static void
set_backup_error (GError     **error,
                  const char  *dest_path,
                  GError      *reason)
{
  g_set_error (error, LECTERN_PROJECT_ERROR,
               g_error_matches (reason, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
               ? LECTERN_PROJECT_ERROR_NO_SPACE : LECTERN_PROJECT_ERROR_FAILED,
               _("Could not back up to “%s”: %s"), dest_path, reason->message);
}

gboolean
_lectern_backup_connection (sqlite3  *source,
                            GFile    *dest,
                            GError  **error)
{
  g_autofree char *dest_path = NULL;
  g_autoptr(LecternAtomicFile) atomic = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *tmp_path;
  sqlite3 *dest_db = NULL;
  sqlite3_backup *backup;
  int rc;

  dest_path = g_file_get_path (dest);
  if (dest_path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (dest);

      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("Could not back up to “%s”: backups must be on a local disk"), name);
      return FALSE;
    }

  /* Written beside under a name of its own, synced and renamed, so @dest
   * is never half a copy; on failure the temporary file goes with @atomic. */
  atomic = lectern_atomic_file_new (dest, LECTERN_ATOMIC_FILE_NAME_ONLY, &local_error);
  if (atomic == NULL)
    {
      set_backup_error (error, dest_path, local_error);
      return FALSE;
    }
  tmp_path = lectern_atomic_file_get_temp_path (atomic);

  rc = _lectern_sqlite_open (tmp_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &dest_db);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest_db, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest_db);
      else
        {
          do
            {
              rc = sqlite3_backup_step (backup, -1);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (50);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = sqlite3_errcode (dest_db);
        }
    }

  if (rc == SQLITE_OK)
    {
      /* A backup is a file on its own: no log beside it. */
      rc = sqlite3_exec (dest_db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    }

  if (rc != SQLITE_OK)
    {
      _lectern_sqlite_set_error (error, dest_db, rc, dest);
      sqlite3_close_v2 (dest_db);
      return FALSE;
    }

  /* Closed before the commit reopens it to sync: no lock of SQLite's to lose. */
  sqlite3_close_v2 (dest_db);

  if (!lectern_atomic_file_commit (atomic, &local_error))
    {
      set_backup_error (error, dest_path, local_error);
      return FALSE;
    }

  return TRUE;
}

gboolean
lectern_project_backup (LecternProject  *self,
                       GFile          *dest,
                       GError        **error)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _lectern_backup_connection (self->db, dest, error);
}
