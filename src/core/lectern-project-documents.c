/* lectern-project-documents.c — documents, their variables and text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lectern-project-private.h"
#include "lectern-document-private.h"
#include "lectern-text.h"
#include "lectern-text-private.h"

/* Code points between two checkpoints of a cached text. */
#define CHECKPOINT 1024

#define DOCUMENT_COLUMNS \
  "d.id, d.title, d.source, d.author, d.date, d.language, d.original_name, d.encoding," \
  " d.content_hash, d.imported, d.length," \
  " (SELECT count(*) FROM annotations a WHERE a.document_id = d.id AND a.orphaned = 0)," \
  " o.format, ifnull (o.size, 0)"

/* A document without an original is plain text; the join reads no data. */
#define DOCUMENT_TABLES "documents d LEFT JOIN document_originals o ON o.document_id = d.id"

/* Binds @document_id to @stmt's one parameter, a document's id, and steps
 * to that document's row; sets @error when there is none or the step
 * fails. */
static gboolean
step_to_document (LecternProject  *self,
                  LecternStmt    *stmt,
                  gint64          document_id,
                  GError        **error)
{
  int rc;

  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      _lectern_project_not_found (self, error, _("document"), document_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _lectern_project_fail (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Text cache                                                          */

void
_lectern_text_cache_free (LecternTextCache *cache)
{
  g_free (cache->text);
  g_free (cache->hash);
  g_clear_pointer (&cache->checkpoints, g_array_unref);
  g_free (cache);
}

LecternTextCache *
_lectern_project_get_text_cache (LecternProject  *self,
                                gint64          document_id,
                                GError        **error)
{
  LecternTextCache *cache;
  g_autoptr(LecternStmt) stmt = NULL;
  const char *p;
  glong n = 0;
  int rc;

  /* Ids are never reused; the hash tells when the text changed (an edit,
   * its undo, a backup restored under us). */
  if (self->text_cache != NULL && self->text_cache->document_id == document_id)
    {
      g_autoptr(LecternStmt) check =
        _lectern_project_prepare (self, "SELECT content_hash FROM documents WHERE id = ?", error);

      if (check == NULL)
        return NULL;
      sqlite3_bind_int64 (check, 1, document_id);
      rc = sqlite3_step (check);
      if (rc == SQLITE_ROW && g_strcmp0 (_lectern_column_text (check, 0), self->text_cache->hash) == 0)
        return self->text_cache;
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _lectern_project_fail (self, rc, error);
          return NULL;
        }
      g_clear_pointer (&self->text_cache, _lectern_text_cache_free);
    }

  /* The stored length column is not used: it can be wrong in a damaged or
   * edited project, and offsets are checked against the text itself. */
  stmt = _lectern_project_prepare (self, "SELECT text, content_hash FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  if (!step_to_document (self, stmt, document_id, error))
    return NULL;

  cache = g_new0 (LecternTextCache, 1);
  cache->document_id = document_id;
  cache->text = g_strdup (_lectern_column_string (stmt, 0));
  cache->hash = g_strdup (_lectern_column_string (stmt, 1));
  cache->checkpoints = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (p = cache->text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      if (n % CHECKPOINT == 0)
        {
          gsize index = p - cache->text;
          g_array_append_val (cache->checkpoints, index);
        }
    }
  cache->length = n;

  g_clear_pointer (&self->text_cache, _lectern_text_cache_free);
  self->text_cache = cache;
  return cache;
}

static gsize
cache_index (LecternTextCache *cache,
             glong             offset)
{
  glong checkpoint;
  gsize index;

  if (offset <= 0 || cache->checkpoints->len == 0)
    return 0;
  if (offset >= cache->length)
    return strlen (cache->text);

  checkpoint = MIN ((guint) (offset / CHECKPOINT), cache->checkpoints->len - 1);
  index = g_array_index (cache->checkpoints, gsize, checkpoint);
  return index + _lectern_text_offset_to_index (cache->text + index, offset - checkpoint * CHECKPOINT);
}

char *
_lectern_text_cache_slice (LecternTextCache *cache,
                           glong             start,
                           glong             end)
{
  gsize from;
  gsize to;

  start = CLAMP (start, 0, cache->length);
  end = CLAMP (end, start, cache->length);
  from = cache_index (cache, start);
  to = cache_index (cache, end);

  return g_strndup (cache->text + from, to - from);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static LecternDocument *
document_from_row (LecternStmt *stmt)
{
  LecternDocument *document = lectern_document_new ();
  g_autoptr(GDateTime) imported = _lectern_project_parse_time (_lectern_column_text (stmt, 9));

  _lectern_document_set_id (document, sqlite3_column_int64 (stmt, 0));
  lectern_document_set_title (document, _lectern_column_string (stmt, 1));
  lectern_document_set_source (document, _lectern_column_text (stmt, 2));
  lectern_document_set_author (document, _lectern_column_text (stmt, 3));
  lectern_document_set_date (document, _lectern_column_text (stmt, 4));
  lectern_document_set_language (document, _lectern_column_text (stmt, 5));
  lectern_document_set_original_name (document, _lectern_column_text (stmt, 6));
  lectern_document_set_encoding (document, _lectern_column_text (stmt, 7));
  _lectern_document_set_content_hash (document, _lectern_column_string (stmt, 8));
  _lectern_document_set_imported (document, imported);
  _lectern_document_set_length (document, sqlite3_column_int64 (stmt, 10));
  _lectern_document_set_annotation_count (document, sqlite3_column_int (stmt, 11));
  _lectern_document_set_format (document, _lectern_column_text (stmt, 12));
  _lectern_document_set_original_size (document, MAX (sqlite3_column_int64 (stmt, 13), 0));

  return document;
}

static gboolean
load_variables (LecternProject    *self,
                LecternDocument  *document,
                GError          **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self, "SELECT key, value FROM document_variables WHERE document_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lectern_document_get_id (document));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    lectern_document_set_variable (document, _lectern_column_string (stmt, 0), _lectern_column_string (stmt, 1));
  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);
  return TRUE;
}

gboolean
lectern_project_foreach_document (LecternProject            *self,
                                 LecternDocumentSummaryFunc func,
                                 gpointer                   user_data,
                                 GError                   **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _lectern_project_prepare (self,
                                  "SELECT d.id, d.title, d.language, d.date, d.length,"
                                  " (SELECT count(*) FROM annotations a WHERE a.document_id = d.id AND a.orphaned = 0)"
                                  " FROM documents d ORDER BY d.id",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* The same values as document_from_row() gives a LecternDocument. */
      LecternDocumentSummary summary = {
        .id = sqlite3_column_int64 (stmt, 0),
        .title = _lectern_column_string (stmt, 1),
        .language = _lectern_column_text (stmt, 2),
        .date = _lectern_column_text (stmt, 3),
        .length = sqlite3_column_int64 (stmt, 4),
        .annotation_count = sqlite3_column_int (stmt, 5),
      };

      if (!func (&summary, user_data))
        return TRUE;
    }
  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);
  return TRUE;
}

LecternDocument *
lectern_project_dup_document (LecternProject  *self,
                             gint64          document_id,
                             GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  g_autoptr(LecternDocument) document = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _lectern_project_prepare (self, "SELECT " DOCUMENT_COLUMNS " FROM " DOCUMENT_TABLES " WHERE d.id = ?", error);
  if (stmt == NULL)
    return NULL;
  if (!step_to_document (self, stmt, document_id, error))
    return NULL;

  document = document_from_row (stmt);
  if (!load_variables (self, document, error))
    return NULL;

  return g_steal_pointer (&document);
}

GListModel *
lectern_project_list_documents (LecternProject  *self,
                               GError        **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = g_list_store_new (LECTERN_TYPE_DOCUMENT);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self, "SELECT " DOCUMENT_COLUMNS " FROM " DOCUMENT_TABLES " ORDER BY d.id", error);

    if (stmt == NULL)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        g_autoptr(LecternDocument) document = document_from_row (stmt);
        gint64 *id = g_new (gint64, 1);

        *id = lectern_document_get_id (document);
        g_hash_table_insert (by_id, id, document);
        g_list_store_append (store, document);
      }
    if (rc != SQLITE_DONE)
      {
        _lectern_project_fail (self, rc, error);
        return NULL;
      }
  }

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self, "SELECT document_id, key, value FROM document_variables", error);

    if (stmt == NULL)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        LecternDocument *document = g_hash_table_lookup (by_id, &id);

        if (document != NULL)
          lectern_document_set_variable (document, _lectern_column_string (stmt, 1),
                                         _lectern_column_string (stmt, 2));
      }
    if (rc != SQLITE_DONE)
      {
        _lectern_project_fail (self, rc, error);
        return NULL;
      }
  }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

char *
lectern_project_dup_text (LecternProject  *self,
                         gint64          document_id,
                         GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _lectern_project_prepare (self, "SELECT text FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  if (!step_to_document (self, stmt, document_id, error))
    return NULL;

  return g_strndup (_lectern_column_string (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

static gboolean
validate_metadata (LecternProject    *self,
                   LecternDocument  *document,
                   GError          **error)
{
  const char *title = lectern_document_get_title (document);
  const char *date = lectern_document_get_date (document);

  if (title == NULL || *title == '\0' || !g_utf8_validate (title, -1, NULL))
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("A document needs a title; nothing was changed in “%s”"), self->path);
      return FALSE;
    }

  if (date != NULL)
    {
      int y, m, d;
      char tail;

      if (strlen (date) != 10
          || sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3
          || !g_date_valid_dmy (d, m, y))
        {
          g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                       _("“%s” is not a date: write it as YYYY-MM-DD, for example 2025-10-26"), date);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_variables (LecternProject    *self,
                 gint64            document_id,
                 LecternDocument  *document,
                 GError          **error)
{
  GHashTableIter iter;
  gpointer key, value;

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self, "DELETE FROM document_variables WHERE document_id = ?", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, document_id);
    if (!_lectern_project_run (self, stmt, error))
      return FALSE;
  }

  g_hash_table_iter_init (&iter, lectern_document_get_variables (document));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(LecternStmt) stmt =
        _lectern_project_prepare (self,
                                 "INSERT INTO document_variables (document_id, key, value) VALUES (?, ?, ?)",
                                 error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      _lectern_bind_text (stmt, 2, key);
      _lectern_bind_text (stmt, 3, value);
      if (!_lectern_project_run (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_duplicate (LecternProject    *self,
                 LecternDocument  *document,
                 const char       *hash,
                 GError          **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self, "SELECT id, title FROM documents WHERE content_hash = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _lectern_bind_text (stmt, 1, hash);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE,
                   _("“%s” has the same text as “%s” (document %" PRId64 "), "
                     "already in “%s”; it was not added again"),
                   lectern_document_get_title (document), _lectern_column_string (stmt, 1),
                   (gint64) sqlite3_column_int64 (stmt, 0), self->path);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);
  return TRUE;
}

static gint64
insert_document (LecternProject    *self,
                 LecternDocument  *document,
                 const char       *text,
                 const char       *hash,
                 GDateTime        *now,
                 glong             length,
                 GError          **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  g_autofree char *stamp = _lectern_project_format_time (now);
  gint64 id;

  if (!check_duplicate (self, document, hash, error))
    return 0;

  stmt = _lectern_project_prepare (self,
                                  "INSERT INTO documents (title, source, author, date, language,"
                                  " original_name, encoding, content_hash, imported, length, text)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return 0;

  _lectern_bind_text (stmt, 1, lectern_document_get_title (document));
  _lectern_bind_text (stmt, 2, lectern_document_get_source (document));
  _lectern_bind_text (stmt, 3, lectern_document_get_author (document));
  _lectern_bind_text (stmt, 4, lectern_document_get_date (document));
  _lectern_bind_text (stmt, 5, lectern_document_get_language (document));
  _lectern_bind_text (stmt, 6, lectern_document_get_original_name (document));
  _lectern_bind_text (stmt, 7, lectern_document_get_encoding (document));
  _lectern_bind_text (stmt, 8, hash);
  _lectern_bind_text (stmt, 9, stamp);
  sqlite3_bind_int64 (stmt, 10, length);
  sqlite3_bind_text (stmt, 11, text, -1, SQLITE_STATIC);
  if (!_lectern_project_run (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (self->db);
  self->fingerprints_complete = FALSE;
  if (!_lectern_project_write_guid (self, LECTERN_GUID_DOCUMENT, id, NULL, error))
    return 0;

  /* Fingerprints are not written here: spread over every document of an
   * import they cost more than the rest of it (they scatter writes over
   * the whole hash index), so lectern_project_update_fingerprints() writes
   * them later for many documents at once, sorted. */
  if (!write_variables (self, id, document, error))
    return 0;

  return id;
}

gint64
lectern_project_add_document (LecternProject    *self,
                             LecternDocument  *document,
                             const char       *text,
                             GError          **error)
{
  g_autofree char *hash = NULL;
  g_autoptr(GDateTime) now = NULL;
  glong length;
  gint64 id;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), 0);
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (lectern_document_get_id (document) != 0)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” is already document %" PRId64 "; add a new document instead"),
                   lectern_document_get_title (document), lectern_document_get_id (document));
      return 0;
    }

  if (!validate_metadata (self, document, error))
    return 0;

  /* Offsets count the stored text: normalizing it here would silently
   * move every offset the caller computed, so it must come normalized. */
  if (!lectern_text_is_stored (text, -1))
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("The text of “%s” is not valid stored text (UTF-8, NFC, LF line endings, "
                     "no byte-order mark); nothing was added"),
                   lectern_document_get_title (document));
      return 0;
    }

  if (*text == '\0')
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” has no text; nothing was added"), lectern_document_get_title (document));
      return 0;
    }

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  length = lectern_text_length (text);
  now = g_date_time_new_now_utc ();

  if (!_lectern_project_begin (self, error))
    return 0;

  id = insert_document (self, document, text, hash, now, length, error);
  if (id == 0)
    {
      _lectern_project_rollback (self);
      return 0;
    }

  if (!_lectern_project_commit (self, LECTERN_CHANGE_DOCUMENTS, id, _("Add document"), error))
    return 0;

  _lectern_document_set_id (document, id);
  _lectern_document_set_content_hash (document, hash);
  _lectern_document_set_imported (document, now);
  _lectern_document_set_length (document, length);
  _lectern_document_set_annotation_count (document, 0);

  return id;
}

gboolean
lectern_project_update_document (LecternProject    *self,
                                LecternDocument  *document,
                                GError          **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = lectern_document_get_id (document);
  if (!validate_metadata (self, document, error))
    return FALSE;

  if (!_lectern_project_begin (self, error))
    return FALSE;

  stmt = _lectern_project_prepare (self,
                                  "UPDATE documents SET title = ?, source = ?, author = ?, date = ?,"
                                  " language = ?, original_name = ?, encoding = ? WHERE id = ?",
                                  error);
  if (stmt == NULL)
    goto fail;

  _lectern_bind_text (stmt, 1, lectern_document_get_title (document));
  _lectern_bind_text (stmt, 2, lectern_document_get_source (document));
  _lectern_bind_text (stmt, 3, lectern_document_get_author (document));
  _lectern_bind_text (stmt, 4, lectern_document_get_date (document));
  _lectern_bind_text (stmt, 5, lectern_document_get_language (document));
  _lectern_bind_text (stmt, 6, lectern_document_get_original_name (document));
  _lectern_bind_text (stmt, 7, lectern_document_get_encoding (document));
  sqlite3_bind_int64 (stmt, 8, id);
  if (!_lectern_project_run (self, stmt, error))
    goto fail;

  if (sqlite3_changes (self->db) == 0)
    {
      _lectern_project_not_found (self, error, _("document"), id);
      goto fail;
    }

  if (!write_variables (self, id, document, error))
    goto fail;

  return _lectern_project_commit (self, LECTERN_CHANGE_DOCUMENTS, id, _("Edit document details"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

gboolean
lectern_project_delete_document (LecternProject  *self,
                                gint64          document_id,
                                GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lectern_project_begin (self, error))
    return FALSE;

  /* Annotations, variables, memo, fingerprints and alignments go with it
   * (ON DELETE CASCADE); the search index by trigger. */
  stmt = _lectern_project_prepare (self, "DELETE FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (!_lectern_project_run (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      _lectern_project_not_found (self, error, _("document"), document_id);
      goto fail;
    }

  return _lectern_project_commit (self, LECTERN_CHANGE_DOCUMENTS | LECTERN_CHANGE_ANNOTATIONS
                                 | LECTERN_CHANGE_MEMOS | LECTERN_CHANGE_ALIGNMENTS | LECTERN_CHANGE_TAGS,
                                 document_id, _("Delete document"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}
