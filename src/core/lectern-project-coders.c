/* lectern-project-coders.c — who coded what: the project's coders, the
 * connection's current coder, recorded on every passage, memo and version
 * of a text it writes; and the stable GUIDs of documents, tags and
 * passages.
 *
 * The current coder is this connection's, never stored as a setting of
 * the project: two people coding copies of one project are each their
 * own current coder. It is resolved again whenever the row it named has
 * gone (a transaction that made it rolled back), from the name and GUID
 * it was set with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "lectern-coder-private.h"
#include "lectern-guid.h"
#include "lectern-project-private.h"

/* A name longer than this is not a person's. */
#define CODER_NAME_MAX 200

static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("A coder needs a name: give one in valid UTF-8 text"));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > CODER_NAME_MAX)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("A coder’s name can have at most %d characters"), CODER_NAME_MAX);
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                     _("A coder’s name cannot contain control characters such as line breaks"));
        return FALSE;
      }
  return TRUE;
}

/* The coder with @guid, else (@guid NULL) the first with @name; 0: none. */
static gboolean
find_coder (LecternProject  *self,
            const char     *name,
            const char     *guid,
            gint64         *id,
            GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self,
                              guid != NULL ? "SELECT id FROM coders WHERE guid = ?"
                                           : "SELECT id FROM coders WHERE name = ? ORDER BY id LIMIT 1",
                              error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _lectern_bind_text (stmt, 1, guid != NULL ? guid : name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *id = 0;
  else
    return _lectern_project_fail (self, rc, error);
  return TRUE;
}

/* Finds or makes the coder, inside the caller's transaction. A coder
 * found by GUID takes @name: the GUID is who they are, the name only
 * what they are called today. */
gboolean
_lectern_project_ensure_coder (LecternProject  *self,
                               const char     *name,
                               const char     *guid,
                               gint64         *id,
                               GError        **error)
{
  g_autofree char *fresh = NULL;

  if (!find_coder (self, name, guid, id, error))
    return FALSE;

  if (*id != 0 && guid != NULL)
    {
      g_autoptr(LecternStmt) rename =
        _lectern_project_prepare (self, "UPDATE coders SET name = ?1 WHERE id = ?2 AND name IS NOT ?1", error);

      if (rename == NULL)
        return FALSE;
      _lectern_bind_text (rename, 1, name);
      sqlite3_bind_int64 (rename, 2, *id);
      return _lectern_project_run (self, rename, error);
    }

  if (*id == 0)
    {
      g_autoptr(LecternStmt) insert =
        _lectern_project_prepare (self, "INSERT INTO coders (guid, name) VALUES (?, ?)", error);

      if (insert == NULL)
        return FALSE;
      if (guid == NULL)
        guid = fresh = lectern_guid_new ();
      _lectern_bind_text (insert, 1, guid);
      _lectern_bind_text (insert, 2, name);
      if (!_lectern_project_run (self, insert, error))
        return FALSE;
      *id = sqlite3_last_insert_rowid (self->db);
    }
  return TRUE;
}

gboolean
_lectern_project_current_coder (LecternProject  *self,
                                gint64         *id,
                                GError        **error)
{
  gint64 exists = 0;

  if (self->coder_id != 0
      && !_lectern_project_query_int (self, "SELECT count(*) FROM coders WHERE id = ?",
                                      self->coder_id, 0, &exists, error))
    return FALSE;

  if (exists == 0)
    {
      /* Never set: the author's name (the account's, by default). */
      const char *name = self->coder_name != NULL ? self->coder_name : self->author;

      if (!_lectern_project_ensure_coder (self, name, self->coder_guid, &self->coder_id, error))
        return FALSE;
    }

  *id = self->coder_id;
  return TRUE;
}

gboolean
lectern_project_set_coder (LecternProject  *self,
                           const char     *name,
                           const char     *guid,
                           GError        **error)
{
  g_autofree char *stored_guid = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_name (name, error))
    return FALSE;
  if (guid != NULL && (stored_guid = lectern_guid_normalize (guid)) == NULL)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” is not a coder ID: an ID looks like "
                     "0f8fad5b-d9cb-469f-a165-70867728950e"),
                   g_utf8_validate (guid, -1, NULL) ? guid : "?");
      return FALSE;
    }

  /* Found or made at the first write, in its transaction: setting the
   * coder writes nothing, so that reading a project never changes it. */
  g_free (self->coder_name);
  self->coder_name = g_strdup (name);
  g_free (self->coder_guid);
  self->coder_guid = g_steal_pointer (&stored_guid);
  self->coder_id = 0;
  /* The author column and exports' --author follow the coder's name. */
  lectern_project_set_author (self, name);
  return TRUE;
}

/* The process's coder, which every connection made after it is set
 * adopts: a job's worker connection codes as the window that started it. */
static GMutex default_lock;
static char *default_name;
static char *default_guid;

gboolean
lectern_project_set_default_coder (const char  *name,
                                   const char  *guid,
                                   GError     **error)
{
  g_autofree char *stored_guid = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name != NULL && !check_name (name, error))
    return FALSE;
  if (name != NULL && guid != NULL && (stored_guid = lectern_guid_normalize (guid)) == NULL)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” is not a coder ID: an ID looks like "
                     "0f8fad5b-d9cb-469f-a165-70867728950e"),
                   g_utf8_validate (guid, -1, NULL) ? guid : "?");
      return FALSE;
    }

  g_mutex_lock (&default_lock);
  g_free (default_name);
  default_name = g_strdup (name);
  g_free (default_guid);
  default_guid = g_steal_pointer (&stored_guid);
  g_mutex_unlock (&default_lock);
  return TRUE;
}

void
_lectern_project_adopt_default_coder (LecternProject *self)
{
  g_mutex_lock (&default_lock);
  if (default_name != NULL)
    {
      self->coder_name = g_strdup (default_name);
      self->coder_guid = g_strdup (default_guid);
      g_free (self->author);
      self->author = g_strdup (default_name);
    }
  g_mutex_unlock (&default_lock);
}

static LecternCoder *
coder_from_row (LecternStmt *stmt)
{
  return _lectern_coder_new (sqlite3_column_int64 (stmt, 0), _lectern_column_string (stmt, 1),
                             _lectern_column_string (stmt, 2), (guint) CLAMP (sqlite3_column_int64 (stmt, 3), 0, G_MAXUINT));
}

#define CODER_COLUMNS \
  "c.id, c.guid, c.name," \
  " (SELECT count(*) FROM annotations a WHERE a.coder_id = c.id AND a.orphaned = 0)"

LecternCoder *
lectern_project_dup_current_coder (LecternProject  *self,
                                   GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  const char *name;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = self->coder_name != NULL ? self->coder_name : self->author;
  if (self->coder_id != 0
      && !_lectern_project_query_int (self, "SELECT id FROM coders WHERE id = ?", self->coder_id, 0, &id, error))
    return NULL;
  if (id == 0 && !find_coder (self, name, self->coder_guid, &id, error))
    return NULL;
  /* Not in the project yet: as the first write will record them. */
  if (id == 0)
    return _lectern_coder_new (0, self->coder_guid, name, 0);

  stmt = _lectern_project_prepare (self, "SELECT " CODER_COLUMNS " FROM coders c WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return coder_from_row (stmt);
  if (rc == SQLITE_DONE)
    _lectern_project_not_found (self, error, "coder", id);
  else
    _lectern_project_fail (self, rc, error);
  return NULL;
}

GPtrArray *
lectern_project_list_coders (LecternProject  *self,
                             GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  g_autoptr(GPtrArray) coders = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _lectern_project_prepare (self, "SELECT " CODER_COLUMNS " FROM coders c ORDER BY c.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (coders, coder_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&coders);
}

/* ------------------------------------------------------------------ */
/* GUIDs                                                               */

static const char *
guid_sql (LecternGuidKind kind,
          gboolean        write)
{
  switch (kind)
    {
    case LECTERN_GUID_DOCUMENT:
      return write ? "INSERT OR REPLACE INTO document_guids (guid, document_id)"
                     " SELECT ?1, id FROM documents WHERE id = ?2"
                   : "SELECT guid FROM document_guids WHERE document_id = ?";
    case LECTERN_GUID_TAG:
      return write ? "UPDATE tags SET guid = ?1 WHERE id = ?2" : "SELECT guid FROM tags WHERE id = ?";
    case LECTERN_GUID_ANNOTATION:
      return write ? "UPDATE annotations SET guid = ?1 WHERE id = ?2" : "SELECT guid FROM annotations WHERE id = ?";
    default:
      g_assert_not_reached ();
    }
}

static const char *
guid_kind_name (LecternGuidKind kind)
{
  return kind == LECTERN_GUID_DOCUMENT ? "document" : kind == LECTERN_GUID_TAG ? "tag" : "annotation";
}

char *
lectern_project_dup_guid (LecternProject   *self,
                          LecternGuidKind  kind,
                          gint64           id,
                          GError         **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _lectern_project_prepare (self, guid_sql (kind, FALSE), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && lectern_guid_is_valid (_lectern_column_text (stmt, 0)))
    return g_strdup (_lectern_column_text (stmt, 0));
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    _lectern_project_not_found (self, error, guid_kind_name (kind), id);
  else
    _lectern_project_fail (self, rc, error);
  return NULL;
}

gboolean
_lectern_project_write_guid (LecternProject   *self,
                             LecternGuidKind  kind,
                             gint64           id,
                             const char      *guid,
                             GError         **error)
{
  g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, guid_sql (kind, TRUE), error);
  g_autofree char *fresh = NULL;

  if (stmt == NULL)
    return FALSE;
  if (guid == NULL)
    guid = fresh = lectern_guid_new ();
  _lectern_bind_text (stmt, 1, guid);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_lectern_project_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      _lectern_project_not_found (self, error, guid_kind_name (kind), id);
      return FALSE;
    }
  return TRUE;
}

gboolean
lectern_project_set_guid (LecternProject   *self,
                          LecternGuidKind  kind,
                          gint64           id,
                          const char      *guid,
                          GError         **error)
{
  g_autofree char *stored = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stored = lectern_guid_normalize (guid);
  if (stored == NULL)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” is not a GUID: a GUID looks like 0f8fad5b-d9cb-469f-a165-70867728950e"),
                   guid != NULL && g_utf8_validate (guid, -1, NULL) ? guid : "?");
      return FALSE;
    }

  {
    /* A GUID names one thing: the unique index would refuse it anyway,
     * with a message nobody could act on. */
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self,
                                kind == LECTERN_GUID_DOCUMENT ? "SELECT document_id FROM document_guids WHERE guid = ?"
                                : kind == LECTERN_GUID_TAG ? "SELECT id FROM tags WHERE guid = ?"
                                : "SELECT id FROM annotations WHERE guid = ?",
                                error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    _lectern_bind_text (stmt, 1, stored);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) != id)
      {
        g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                     _("The GUID %s already names something else in “%s”: each document, tag and "
                       "passage needs its own"),
                     stored, self->path);
        return FALSE;
      }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
      return _lectern_project_fail (self, rc, error);
  }

  if (!_lectern_project_begin (self, error))
    return FALSE;
  if (!_lectern_project_write_guid (self, kind, id, stored, error))
    goto fail;
  return _lectern_project_commit (self,
                                  kind == LECTERN_GUID_DOCUMENT ? LECTERN_CHANGE_DOCUMENTS
                                  : kind == LECTERN_GUID_TAG ? LECTERN_CHANGE_TAGS : LECTERN_CHANGE_ANNOTATIONS,
                                  0, _("Set GUID"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Check                                                               */

/* Rows are named one by one, at most this many of each kind. */
#define CHECK_SHOWN_MAX 20

/* What Lectern always writes and another program may not have: a coder
 * on every passage, a GUID on every document, tag, passage and coder. */
gboolean
_lectern_project_check_coders (LecternProject  *self,
                               GPtrArray      *problems,
                               GError        **error)
{
  /* Rows: an id, and the GUID (NULL for the coderless passages). */
  static const char * const checks[] = {
    "SELECT d.id, g.guid FROM documents d LEFT JOIN document_guids g ON g.document_id = d.id ORDER BY d.id",
    "SELECT id, guid FROM tags ORDER BY id",
    "SELECT id, guid FROM annotations ORDER BY id",
    "SELECT id, guid FROM coders ORDER BY id",
    "SELECT id, NULL FROM annotations WHERE coder_id IS NULL ORDER BY id",
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, checks[i], error);
      guint shown = 0;
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          char *problem;

          if (i < 4 && lectern_guid_is_valid (_lectern_column_text (stmt, 1)))
            continue;
          if (shown++ == CHECK_SHOWN_MAX)
            break;
          switch (i)
            {
            case 0:
              problem = g_strdup_printf (_("Document %" PRId64 " has no valid GUID"), id);
              break;
            case 1:
              problem = g_strdup_printf (_("Tag %" PRId64 " has no valid GUID"), id);
              break;
            case 2:
              problem = g_strdup_printf (_("Passage %" PRId64 " has no valid GUID"), id);
              break;
            case 3:
              problem = g_strdup_printf (_("Coder %" PRId64 " has no valid GUID"), id);
              break;
            default:
              problem = g_strdup_printf (_("Passage %" PRId64 " has no coder"), id);
              break;
            }
          g_ptr_array_add (problems, problem);
        }
      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return _lectern_project_fail (self, rc, error);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Merging                                                             */

gint64
lectern_project_ensure_coder (LecternProject  *self,
                              const char     *guid,
                              const char     *name,
                              GError        **error)
{
  g_autofree char *stored = NULL;
  gint64 id = 0;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_name (name, error))
    return 0;
  if ((stored = lectern_guid_normalize (guid)) == NULL)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” is not a coder ID: an ID looks like "
                     "0f8fad5b-d9cb-469f-a165-70867728950e"),
                   guid != NULL && g_utf8_validate (guid, -1, NULL) ? guid : "?");
      return 0;
    }

  if (!find_coder (self, name, stored, &id, error))
    return 0;
  if (id != 0)
    return id;

  if (!_lectern_project_begin (self, error))
    return 0;
  {
    g_autoptr(LecternStmt) insert =
      _lectern_project_prepare (self, "INSERT INTO coders (guid, name) VALUES (?, ?)", error);

    if (insert == NULL)
      goto fail;
    _lectern_bind_text (insert, 1, stored);
    _lectern_bind_text (insert, 2, name);
    if (!_lectern_project_run (self, insert, error))
      goto fail;
    id = sqlite3_last_insert_rowid (self->db);
  }
  if (!_lectern_project_commit (self, LECTERN_CHANGE_ANNOTATIONS, 0, _("Add coder"), error))
    return 0;
  return id;

fail:
  _lectern_project_rollback (self);
  return 0;
}
