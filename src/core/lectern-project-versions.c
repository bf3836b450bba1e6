/* lectern-project-versions.c — every version of a document's text, kept
 * deflated in document_versions (issue #19). A document that was never
 * changed has no rows: its one version is the text it was imported with.
 * The first change records that text as version 1 before its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "lectern-document-version-private.h"
#include "lectern-project-private.h"
#include "lectern-text-change.h"
#include "lectern-text.h"

static gboolean
insert_version (LecternProject  *self,
                gint64          document_id,
                gint64          version,
                const char     *created,
                const char     *author,
                gint64          coder_id,
                const char     *description,
                const char     *text,
                GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) deflated = NULL;
  g_autoptr(LecternStmt) stmt = NULL;
  gsize size = strlen (text);
  gsize deflated_size;
  const guint8 *data;

  deflated = _lectern_project_deflate ((const guint8 *) text, size, &local_error);
  if (deflated == NULL)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("Version %" PRId64 " of document %" PRId64 " could not be compressed: %s"),
                   version, document_id, local_error->message);
      return FALSE;
    }

  stmt = _lectern_project_prepare (self,
                                  "INSERT INTO document_versions (document_id, version, created, author,"
                                  " description, length, size, data, coder_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, nullif (?, 0))",
                                  error);
  if (stmt == NULL)
    return FALSE;
  data = g_bytes_get_data (deflated, &deflated_size);
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, version);
  _lectern_bind_text (stmt, 3, created);
  _lectern_bind_text (stmt, 4, author != NULL ? author : "");
  _lectern_bind_text (stmt, 5, description != NULL ? description : "");
  sqlite3_bind_int64 (stmt, 6, g_utf8_strlen (text, size));
  sqlite3_bind_int64 (stmt, 7, size);
  sqlite3_bind_blob64 (stmt, 8, deflated_size > 0 ? data : (const guint8 *) "", deflated_size, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, coder_id);
  return _lectern_project_run (self, stmt, error);
}

/* What a run of typing changed from @before to @after: the code points
 * between their common start and end. */
static char *
describe_run (const char *before,
              const char *after)
{
  g_autofree gunichar *a = NULL;
  g_autofree gunichar *b = NULL;
  glong na = 0, nb = 0, head = 0, tail = 0;
  g_autofree char *removed = NULL;
  g_autofree char *inserted = NULL;

  a = g_utf8_to_ucs4_fast (before, -1, &na);
  b = g_utf8_to_ucs4_fast (after, -1, &nb);
  while (head < na && head < nb && a[head] == b[head])
    head++;
  while (tail < na - head && tail < nb - head && a[na - 1 - tail] == b[nb - 1 - tail])
    tail++;
  removed = g_ucs4_to_utf8 (a + head, na - head - tail, NULL, NULL, NULL);
  inserted = g_ucs4_to_utf8 (b + head, nb - head - tail, NULL, NULL, NULL);
  return _lectern_project_describe_edit (head, removed ? removed : "", inserted ? inserted : "");
}

gboolean
_lectern_project_record_version (LecternProject  *self,
                                gint64          document_id,
                                const char     *old_text,
                                const char     *new_text,
                                const char     *description,
                                GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = _lectern_project_format_time (now);
  gint64 newest;
  gint64 coder_id;

  if (!_lectern_project_query_int (self, "SELECT ifnull (max (version), 0) FROM document_versions WHERE document_id = ?",
                                  document_id, 0, &newest, error))
    return FALSE;

  if (newest == 0)
    {
      g_autoptr(LecternStmt) stmt =
        _lectern_project_prepare (self, "SELECT imported FROM documents WHERE id = ?", error);
      g_autofree char *imported = NULL;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        imported = g_strdup (_lectern_column_text (stmt, 0));
      if (imported == NULL)
        imported = g_strdup (stamp);
      /* Who imported it is not known. */
      if (!insert_version (self, document_id, 1, imported, "", 0, _("Imported"), old_text, error))
        return FALSE;
      newest = 1;
    }

  if (!_lectern_project_current_coder (self, &coder_id, error))
    return FALSE;
  /* Typing: the run's version so far becomes what it typed, still
   * described against the version before the run. */
  if (document_id == self->run_document_id && self->run_version == newest && newest > 1
      && self->undo_enabled && self->run_undo_len > 0 && self->run_undo_len == self->undo_steps->len)
    {
      g_autofree char *before = lectern_project_dup_document_version_text (self, document_id, newest - 1, error);
      g_autofree char *run_description = NULL;
      g_autoptr(LecternStmt) stmt = NULL;

      if (before == NULL)
        return FALSE;
      run_description = describe_run (before, new_text);
      stmt = _lectern_project_prepare (self, "DELETE FROM document_versions WHERE document_id = ? AND version = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int64 (stmt, 2, newest);
      if (!_lectern_project_run (self, stmt, error)
          || !insert_version (self, document_id, newest, stamp, self->author, coder_id, run_description, new_text, error))
        return FALSE;
      self->run_edit_pending = TRUE;
      return TRUE;
    }

  if (!insert_version (self, document_id, newest + 1, stamp, self->author, coder_id, description, new_text, error))
    return FALSE;
  if (document_id == self->run_document_id)
    {
      self->run_version = newest + 1;
      self->run_edit_pending = TRUE;
    }
  return TRUE;
}

static gboolean
require_document (LecternProject  *self,
                  gint64          document_id,
                  GError        **error)
{
  gint64 exists;

  if (!_lectern_project_query_int (self, "SELECT count(*) FROM documents WHERE id = ?",
                                  document_id, 0, &exists, error))
    return FALSE;
  if (exists == 0)
    {
      _lectern_project_not_found (self, error, _("document"), document_id);
      return FALSE;
    }
  return TRUE;
}

GListModel *
lectern_project_list_document_versions (LecternProject  *self,
                                       gint64          document_id,
                                       GError        **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(LecternStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!require_document (self, document_id, error))
    return NULL;

  store = g_list_store_new (LECTERN_TYPE_DOCUMENT_VERSION);
  stmt = _lectern_project_prepare (self,
                                  "SELECT version, created, author, description, length FROM document_versions"
                                  " WHERE document_id = ? ORDER BY version",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) created = _lectern_project_parse_time (_lectern_column_text (stmt, 1));
      g_autoptr(LecternDocumentVersion) version =
        _lectern_document_version_new (sqlite3_column_int64 (stmt, 0), created,
                                       _lectern_column_string (stmt, 2), _lectern_column_string (stmt, 3),
                                       sqlite3_column_int64 (stmt, 4));

      g_list_store_append (store, version);
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }

  /* Never changed: the imported text is the one version. */
  if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    {
      g_autoptr(LecternStmt) doc =
        _lectern_project_prepare (self, "SELECT imported, length FROM documents WHERE id = ?", error);
      g_autoptr(GDateTime) imported = NULL;
      g_autoptr(LecternDocumentVersion) version = NULL;

      if (doc == NULL)
        return NULL;
      sqlite3_bind_int64 (doc, 1, document_id);
      rc = sqlite3_step (doc);
      if (rc != SQLITE_ROW)
        {
          _lectern_project_fail (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
          return NULL;
        }
      imported = _lectern_project_parse_time (_lectern_column_text (doc, 0));
      version = _lectern_document_version_new (1, imported, "", _("Imported"), sqlite3_column_int64 (doc, 1));
      g_list_store_append (store, version);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* The text of a version row, checked; NULL with @problem (translated). */
static char *
inflate_version (LecternStmt  *stmt,
                 int           first_column,
                 char        **problem)
{
  gint64 length = sqlite3_column_int64 (stmt, first_column);
  gint64 size = sqlite3_column_int64 (stmt, first_column + 1);
  g_autoptr(GBytes) bytes = NULL;
  gsize n;
  const char *data;

  bytes = _lectern_project_inflate_original (sqlite3_column_blob (stmt, first_column + 2),
                                             sqlite3_column_bytes (stmt, first_column + 2), size, problem);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &n);
  if (!lectern_text_is_stored (n > 0 ? data : "", n) || g_utf8_strlen (n > 0 ? data : "", n) != length)
    {
      *problem = g_strdup (_("its text is not stored text of its recorded length"));
      return NULL;
    }
  return g_strndup (n > 0 ? data : "", n);
}

char *
lectern_project_dup_document_version_text (LecternProject  *self,
                                          gint64          document_id,
                                          guint           version,
                                          GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  g_autofree char *problem = NULL;
  gint64 newest;
  char *text;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!require_document (self, document_id, error)
      || !_lectern_project_query_int (self, "SELECT ifnull (max (version), 1) FROM document_versions WHERE document_id = ?",
                                      document_id, 1, &newest, error))
    return NULL;

  if (version < 1 || version > newest)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND,
                   _("Document %" PRId64 " has no version %u (its versions are 1 to %" PRId64 ")"),
                   document_id, version, newest);
      return NULL;
    }

  /* A document never changed, or the newest version: the stored text. */
  if (version == newest)
    {
      g_autoptr(LecternStmt) doc = _lectern_project_prepare (self, "SELECT text FROM documents WHERE id = ?", error);

      if (doc == NULL)
        return NULL;
      sqlite3_bind_int64 (doc, 1, document_id);
      rc = sqlite3_step (doc);
      if (rc != SQLITE_ROW)
        {
          _lectern_project_fail (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
          return NULL;
        }
      return g_strdup (_lectern_column_text (doc, 0));
    }

  stmt = _lectern_project_prepare (self,
                                  "SELECT length, size, data FROM document_versions"
                                  " WHERE document_id = ? AND version = ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, version);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _lectern_project_fail (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return NULL;
    }

  text = inflate_version (stmt, 0, &problem);
  if (text == NULL)
    g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_CORRUPT,
                 _("Version %u of document %" PRId64 " in “%s” is damaged: %s"),
                 version, document_id, self->path, problem);
  return text;
}

gboolean
_lectern_project_check_versions (LecternProject  *self,
                                GPtrArray      *problems,
                                GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self,
                             "SELECT v.document_id, v.version, v.length, v.size, v.data,"
                             " v.version = (SELECT max (version) FROM document_versions w WHERE w.document_id = v.document_id),"
                             " d.text"
                             " FROM document_versions v JOIN documents d ON d.id = v.document_id"
                             " ORDER BY v.document_id, v.version",
                             error);
  gint64 previous_document = 0;
  gint64 expected = 1;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 document_id = sqlite3_column_int64 (stmt, 0);
      gint64 version = sqlite3_column_int64 (stmt, 1);
      g_autofree char *problem = NULL;
      g_autofree char *text = NULL;

      if (document_id != previous_document)
        expected = 1;
      previous_document = document_id;

      if (version != expected)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Document %" PRId64 ": its version %" PRId64 " is missing"),
                                          document_id, expected));
      expected = version + 1;

      text = inflate_version (stmt, 2, &problem);
      if (text == NULL)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Document %" PRId64 ": its version %" PRId64 " is damaged: %s"),
                                          document_id, version, problem));
      else if (sqlite3_column_int (stmt, 5) && g_strcmp0 (text, _lectern_column_text (stmt, 6)) != 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Document %" PRId64 ": its newest version (%" PRId64 ") is not its text"),
                                          document_id, version));
    }

  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);
  return TRUE;
}
