/* lectern-project-memos.c — notes on the project, a document or a tag.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-project-private.h"

/* The document and tag columns of a memo's target; both 0 for the project. */
static gboolean
resolve_target (LecternProject      *self,
                LecternMemoTarget   target,
                gint64              id,
                gint64             *document_id,
                gint64             *tag_id,
                GError            **error)
{
  gint64 exists;

  *document_id = 0;
  *tag_id = 0;

  switch (target)
    {
    case LECTERN_MEMO_PROJECT:
      return TRUE;

    case LECTERN_MEMO_DOCUMENT:
      if (!_lectern_project_query_int (self, "SELECT count(*) FROM documents WHERE id = ?", id, 0, &exists, error))
        return FALSE;
      if (!exists)
        {
          _lectern_project_not_found (self, error, _("document"), id);
          return FALSE;
        }
      *document_id = id;
      return TRUE;

    case LECTERN_MEMO_TAG:
      if (!_lectern_project_query_int (self, "SELECT count(*) FROM tags WHERE id = ?", id, 0, &exists, error))
        return FALSE;
      if (!exists)
        {
          _lectern_project_not_found (self, error, _("tag"), id);
          return FALSE;
        }
      *tag_id = id;
      return TRUE;

    default:
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("Unknown kind of memo"));
      return FALSE;
    }
}

char *
lectern_project_dup_memo (LecternProject      *self,
                         LecternMemoTarget   target,
                         gint64              id,
                         GError            **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  gint64 document_id, tag_id;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!resolve_target (self, target, id, &document_id, &tag_id, error))
    return NULL;

  stmt = _lectern_project_prepare (self,
                                  "SELECT text FROM memos WHERE ifnull (document_id, 0) = ? AND ifnull (tag_id, 0) = ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (_lectern_column_string (stmt, 0));
  if (rc != SQLITE_DONE)
    _lectern_project_fail (self, rc, error);
  return NULL;
}

static gboolean
set_memo (LecternProject      *self,
          LecternMemoTarget   target,
          gint64              id,
          const char         *text,
          gint64              given_coder_id,
          GError            **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = _lectern_project_format_time (now);
  gint64 document_id, tag_id;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("The memo is not valid UTF-8 text"));
      return FALSE;
    }

  if (!_lectern_project_begin (self, error))
    return FALSE;

  if (!resolve_target (self, target, id, &document_id, &tag_id, error))
    goto fail;

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self,
                               "DELETE FROM memos WHERE ifnull (document_id, 0) = ? AND ifnull (tag_id, 0) = ?",
                               error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, document_id);
    sqlite3_bind_int64 (stmt, 2, tag_id);
    if (!_lectern_project_run (self, stmt, error))
      goto fail;
  }

  if (text != NULL && *text != '\0')
    {
      g_autoptr(LecternStmt) stmt =
        _lectern_project_prepare (self,
                                 "INSERT INTO memos (document_id, tag_id, text, updated, coder_id)"
                                 " VALUES (nullif (?, 0), nullif (?, 0), ?, ?, ?)",
                                 error);
      gint64 coder_id = given_coder_id;

      if (stmt == NULL)
        goto fail;
      if (coder_id != 0)
        {
          gint64 exists = 0;

          if (!_lectern_project_query_int (self, "SELECT count(*) FROM coders WHERE id = ?",
                                           coder_id, 0, &exists, error))
            goto fail;
          if (exists == 0)
            {
              _lectern_project_not_found (self, error, _("coder"), coder_id);
              goto fail;
            }
        }
      else if (!_lectern_project_current_coder (self, &coder_id, error))
        goto fail;
      sqlite3_bind_int64 (stmt, 5, coder_id);
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int64 (stmt, 2, tag_id);
      _lectern_bind_text (stmt, 3, text);
      _lectern_bind_text (stmt, 4, stamp);
      if (!_lectern_project_run (self, stmt, error))
        goto fail;
    }

  return _lectern_project_commit (self, LECTERN_CHANGE_MEMOS, document_id, _("Edit memo"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

gboolean
lectern_project_set_memo (LecternProject      *self,
                         LecternMemoTarget   target,
                         gint64              id,
                         const char         *text,
                         GError            **error)
{
  return set_memo (self, target, id, text, 0, error);
}

gboolean
lectern_project_set_memo_as (LecternProject      *self,
                            LecternMemoTarget   target,
                            gint64              id,
                            const char         *text,
                            gint64              coder_id,
                            GError            **error)
{
  return set_memo (self, target, id, text, coder_id, error);
}

gint64
lectern_project_get_memo_coder_id (LecternProject      *self,
                                  LecternMemoTarget   target,
                                  gint64              id,
                                  GError            **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  gint64 document_id, tag_id;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!resolve_target (self, target, id, &document_id, &tag_id, error))
    return 0;

  stmt = _lectern_project_prepare (self,
                                  "SELECT ifnull (coder_id, 0) FROM memos"
                                  " WHERE ifnull (document_id, 0) = ? AND ifnull (tag_id, 0) = ?",
                                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    _lectern_project_fail (self, rc, error);
  return 0;
}
