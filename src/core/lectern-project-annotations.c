/* lectern-project-annotations.c — highlighted passages, their tags and notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "lectern-annotation-private.h"
#include "lectern-guid.h"
#include "lectern-project-private.h"
#include "lectern-text.h"

#define ANNOTATION_COLUMNS \
  "a.id, a.document_id, a.start_offset, a.end_offset, a.quote, a.prefix, a.suffix, a.note," \
  " a.author, a.created, a.updated, a.orphaned," \
  " (SELECT group_concat (tag_id) FROM" \
  "   (SELECT tag_id FROM annotation_tags l WHERE l.annotation_id = a.id ORDER BY position))," \
  " ifnull (a.coder_id, 0)"

static LecternAnnotation *
annotation_from_row (LecternStmt *stmt)
{
  g_autoptr(GDateTime) created = _lectern_project_parse_time (_lectern_column_text (stmt, 9));
  g_autoptr(GDateTime) updated = _lectern_project_parse_time (_lectern_column_text (stmt, 10));
  const char *tags = _lectern_column_text (stmt, 12);
  LecternAnnotation *annotation;
  GArray *tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (tags != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (tags, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          gint64 id = g_ascii_strtoll (parts[i], NULL, 10);
          g_array_append_val (tag_ids, id);
        }
    }

  annotation = _lectern_annotation_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                        sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
                                        _lectern_column_string (stmt, 4), _lectern_column_string (stmt, 5),
                                        _lectern_column_string (stmt, 6), _lectern_column_text (stmt, 7),
                                        _lectern_column_string (stmt, 8), created, updated, tag_ids);
  _lectern_annotation_set_orphaned (annotation, sqlite3_column_int (stmt, 11) != 0);
  _lectern_annotation_set_coder_id (annotation, sqlite3_column_int64 (stmt, 13));
  return annotation;
}

LecternAnnotation *
lectern_project_dup_annotation (LecternProject  *self,
                               gint64          annotation_id,
                               GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _lectern_project_prepare (self, "SELECT " ANNOTATION_COLUMNS " FROM annotations a WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      _lectern_project_not_found (self, error, _("annotation"), annotation_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }

  return annotation_from_row (stmt);
}

GListModel *
lectern_project_list_annotations (LecternProject  *self,
                                 gint64          document_id,
                                 gint64          tag_id,
                                 gboolean        with_subtags,
                                 GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autofree char *sql = NULL;
  const char *where;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One document's by the index on (document_id, …): with
   * "?1 = 0 OR a.document_id = ?1" SQLite would read every annotation of
   * the project for each document shown. */
  where = document_id != 0 ? " WHERE a.document_id = ?1 AND a.orphaned = 0"
                           : " WHERE ?1 = 0 AND a.orphaned = 0";
  if (tag_id == 0)
    sql = g_strconcat ("SELECT " ANNOTATION_COLUMNS " FROM annotations a", where,
                       " ORDER BY a.document_id, a.start_offset, a.end_offset, a.id", NULL);
  else if (!with_subtags)
    sql = g_strconcat ("SELECT " ANNOTATION_COLUMNS " FROM annotations a", where,
                       " AND a.id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id = ?2)"
                       " ORDER BY a.document_id, a.start_offset, a.end_offset, a.id", NULL);
  else
    sql = g_strconcat ("WITH RECURSIVE subtree (id) AS ("
                       "  SELECT ?2 UNION SELECT t.id FROM tags t JOIN subtree s ON t.parent_id = s.id) "
                       "SELECT " ANNOTATION_COLUMNS " FROM annotations a", where,
                       " AND a.id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id IN subtree)"
                       " ORDER BY a.document_id, a.start_offset, a.end_offset, a.id", NULL);
  stmt = _lectern_project_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  if (tag_id != 0)
    sqlite3_bind_int64 (stmt, 2, tag_id);

  store = g_list_store_new (LECTERN_TYPE_ANNOTATION);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LecternAnnotation) annotation = annotation_from_row (stmt);
      g_list_store_append (store, annotation);
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Quote and context of [start, end) of a document, after checking the
 * range against its text. */
static gboolean
take_quote (LecternProject  *self,
            gint64          document_id,
            glong           start,
            glong           end,
            char          **quote,
            char          **prefix,
            char          **suffix,
            GError        **error)
{
  LecternTextCache *cache = _lectern_project_get_text_cache (self, document_id, error);

  if (cache == NULL)
    return FALSE;

  if (start < 0 || end > cache->length || start >= end)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   start >= end
                   ? _("Cannot annotate %ld–%ld: the passage is empty")
                   : _("Cannot annotate %ld–%ld: the document has only %ld characters"),
                   start, end, cache->length);
      return FALSE;
    }

  *quote = _lectern_text_cache_slice (cache, start, end);
  *prefix = _lectern_text_cache_slice (cache, MAX (0, start - LECTERN_TEXT_CONTEXT_CHARS), start);
  *suffix = _lectern_text_cache_slice (cache, end, end + LECTERN_TEXT_CONTEXT_CHARS);
  return TRUE;
}

static gboolean
write_tags (LecternProject  *self,
            gint64          annotation_id,
            const gint64   *tag_ids,
            guint           n_tags,
            GError        **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint position = 0;

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self, "DELETE FROM annotation_tags WHERE annotation_id = ?", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, annotation_id);
    if (!_lectern_project_run (self, stmt, error))
      return FALSE;
  }

  for (guint i = 0; i < n_tags; i++)
    {
      g_autoptr(LecternStmt) stmt = NULL;
      gboolean exists;

      /* The same tag twice is once, at its first place. */
      if (!g_hash_table_add (seen, (gpointer) &tag_ids[i]))
        continue;

      if (!_lectern_project_tag_exists (self, tag_ids[i], &exists, error))
        return FALSE;
      if (!exists)
        {
          _lectern_project_not_found (self, error, _("tag"), tag_ids[i]);
          return FALSE;
        }

      stmt = _lectern_project_prepare (self,
                                      "INSERT INTO annotation_tags (annotation_id, tag_id, position) VALUES (?, ?, ?)",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, annotation_id);
      sqlite3_bind_int64 (stmt, 2, tag_ids[i]);
      sqlite3_bind_int (stmt, 3, position++);
      if (!_lectern_project_run (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_note (const char  *note,
            GError     **error)
{
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("The note is not valid UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}

/* Inside a transaction: the new annotation's id, or 0. */
static gint64
insert_annotation (LecternProject  *self,
                   gint64          document_id,
                   glong           start,
                   glong           end,
                   const gint64   *tag_ids,
                   guint           n_tags,
                   const char     *note,
                   const char     *author,
                   GDateTime      *created,
                   GDateTime      *updated,
                   gint64          given_coder_id,
                   const char     *given_guid,
                   GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *created_stamp = _lectern_project_format_time (created);
  g_autofree char *updated_stamp = _lectern_project_format_time (updated);
  g_autofree char *guid = given_guid != NULL ? g_strdup (given_guid) : lectern_guid_new ();
  gint64 coder_id = given_coder_id;
  gint64 id;

  if (!check_note (note, error)
      || !take_quote (self, document_id, start, end, &quote, &prefix, &suffix, error))
    return 0;

  /* An importer's passage signed by someone else is theirs. */
  if (coder_id == 0
      && (author != NULL && *author != '\0' && g_strcmp0 (author, self->author) != 0
          ? !_lectern_project_ensure_coder (self, author, NULL, &coder_id, error)
          : !_lectern_project_current_coder (self, &coder_id, error)))
    return 0;

  stmt = _lectern_project_prepare (self,
                                  "INSERT INTO annotations (document_id, start_offset, end_offset, quote,"
                                  " prefix, suffix, note, author, created, updated, guid, coder_id)"
                                  " VALUES (?, ?, ?, ?, ?, ?, nullif (?, ''), ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  _lectern_bind_text (stmt, 4, quote);
  _lectern_bind_text (stmt, 5, prefix);
  _lectern_bind_text (stmt, 6, suffix);
  _lectern_bind_text (stmt, 7, note);
  _lectern_bind_text (stmt, 8, author ? author : "");
  _lectern_bind_text (stmt, 9, created_stamp);
  _lectern_bind_text (stmt, 10, updated_stamp);
  _lectern_bind_text (stmt, 11, guid);
  sqlite3_bind_int64 (stmt, 12, coder_id);
  if (!_lectern_project_run (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (self->db);
  if (!write_tags (self, id, tag_ids, n_tags, error))
    return 0;

  /* A passage back under its GUID (a merge's) is no longer deleted. */
  if (given_guid != NULL)
    {
      g_autoptr(LecternStmt) revive =
        _lectern_project_prepare (self, "DELETE FROM deleted_passages WHERE guid = ?", error);

      if (revive == NULL)
        return 0;
      _lectern_bind_text (revive, 1, guid);
      if (!_lectern_project_run (self, revive, error))
        return 0;
    }

  return id;
}

gint64
_lectern_project_insert_passage (LecternProject  *self,
                                gint64          document_id,
                                glong           start,
                                glong           end,
                                const gint64   *tag_ids,
                                guint           n_tags,
                                GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return insert_annotation (self, document_id, start, end, tag_ids, n_tags, NULL, self->author, now, now, 0, NULL, error);
}

gint64
_lectern_project_insert_coded_passage (LecternProject  *self,
                                       gint64          document_id,
                                       glong           start,
                                       glong           end,
                                       const gint64   *tag_ids,
                                       guint           n_tags,
                                       const char     *note,
                                       gint64          coder_id,
                                       GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return insert_annotation (self, document_id, start, end, tag_ids, n_tags, note, self->author, now, now,
                            coder_id, NULL, error);
}

LecternAnnotation *
lectern_project_add_annotation (LecternProject  *self,
                               gint64          document_id,
                               glong           start,
                               glong           end,
                               const gint64   *tag_ids,
                               guint           n_tags,
                               const char     *note,
                               GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 id;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (tag_ids != NULL || n_tags == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lectern_project_begin (self, error))
    return NULL;

  id = insert_annotation (self, document_id, start, end, tag_ids, n_tags, note, self->author, now, now, 0, NULL, error);
  if (id == 0)
    {
      _lectern_project_rollback (self);
      return NULL;
    }

  if (!_lectern_project_commit (self, LECTERN_CHANGE_ANNOTATIONS | (n_tags ? LECTERN_CHANGE_TAGS : 0),
                               document_id, n_tags ? _("Tag passage") : _("Highlight passage"), error))
    return NULL;

  return lectern_project_dup_annotation (self, id, error);
}

gint64
lectern_project_insert_annotation (LecternProject  *self,
                                  gint64          document_id,
                                  glong           start,
                                  glong           end,
                                  const gint64   *tag_ids,
                                  guint           n_tags,
                                  const char     *note,
                                  const char     *author,
                                  GDateTime      *created,
                                  GDateTime      *updated,
                                  GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 id;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), 0);
  g_return_val_if_fail (tag_ids != NULL || n_tags == 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (author != NULL && !g_utf8_validate (author, -1, NULL))
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("The author’s name is not valid UTF-8 text"));
      return 0;
    }

  if (!_lectern_project_begin (self, error))
    return 0;

  id = insert_annotation (self, document_id, start, end, tag_ids, n_tags, note,
                          author ? author : self->author,
                          created ? created : now,
                          updated ? updated : (created ? created : now),
                          0, NULL, error);
  if (id == 0)
    {
      _lectern_project_rollback (self);
      return 0;
    }

  if (!_lectern_project_commit (self, LECTERN_CHANGE_ANNOTATIONS | (n_tags ? LECTERN_CHANGE_TAGS : 0),
                               document_id, _("Import annotation"), error))
    return 0;

  return id;
}

gint64
lectern_project_insert_annotation_as (LecternProject  *self,
                                     gint64          document_id,
                                     glong           start,
                                     glong           end,
                                     const gint64   *tag_ids,
                                     guint           n_tags,
                                     const char     *note,
                                     const char     *author,
                                     GDateTime      *created,
                                     GDateTime      *updated,
                                     gint64          coder_id,
                                     const char     *guid,
                                     GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stored_guid = NULL;
  gint64 exists = 0;
  gint64 id;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), 0);
  g_return_val_if_fail (tag_ids != NULL || n_tags == 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (author != NULL && !g_utf8_validate (author, -1, NULL))
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("The author’s name is not valid UTF-8 text"));
      return 0;
    }
  if (guid != NULL && (stored_guid = lectern_guid_normalize (guid)) == NULL)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” is not a GUID: a GUID looks like 0f8fad5b-d9cb-469f-a165-70867728950e"),
                   g_utf8_validate (guid, -1, NULL) ? guid : "?");
      return 0;
    }
  if (!_lectern_project_begin (self, error))
    return 0;

  if (coder_id != 0
      && !_lectern_project_query_int (self, "SELECT count(*) FROM coders WHERE id = ?", coder_id, 0, &exists, error))
    goto fail;
  if (coder_id != 0 && exists == 0)
    {
      _lectern_project_not_found (self, error, _("coder"), coder_id);
      goto fail;
    }

  id = insert_annotation (self, document_id, start, end, tag_ids, n_tags, note,
                          author ? author : self->author,
                          created ? created : now,
                          updated ? updated : (created ? created : now),
                          coder_id, stored_guid, error);
  if (id == 0)
    goto fail;

  return _lectern_project_commit (self, LECTERN_CHANGE_ANNOTATIONS | (n_tags ? LECTERN_CHANGE_TAGS : 0),
                                  document_id, _("Import annotation"), error) ? id : 0;

fail:
  _lectern_project_rollback (self);
  return 0;
}

/* The document of an annotation, which must exist. */
static gboolean
annotation_document (LecternProject  *self,
                     gint64          annotation_id,
                     gint64         *document_id,
                     GError        **error)
{
  if (!_lectern_project_query_int (self, "SELECT document_id FROM annotations WHERE id = ?",
                                  annotation_id, 0, document_id, error))
    return FALSE;
  if (*document_id == 0)
    {
      _lectern_project_not_found (self, error, _("annotation"), annotation_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
touch (LecternProject  *self,
       gint64          annotation_id,
       GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = _lectern_project_format_time (now);
  g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, "UPDATE annotations SET updated = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  _lectern_bind_text (stmt, 1, stamp);
  sqlite3_bind_int64 (stmt, 2, annotation_id);
  return _lectern_project_run (self, stmt, error);
}

gboolean
lectern_project_set_annotation_range (LecternProject  *self,
                                     gint64          annotation_id,
                                     glong           start,
                                     glong           end,
                                     GError        **error)
{
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  gint64 document_id;
  gint64 orphaned = 0;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lectern_project_begin (self, error))
    return FALSE;

  if (!annotation_document (self, annotation_id, &document_id, error)
      || !_lectern_project_query_int (self, "SELECT orphaned FROM annotations WHERE id = ?",
                                      annotation_id, 0, &orphaned, error)
      || !take_quote (self, document_id, start, end, &quote, &prefix, &suffix, error))
    goto fail;

  /* An orphan given a range is placed again, with the quote of its new
   * words. */
  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self,
                               "UPDATE annotations SET start_offset = ?, end_offset = ?, quote = ?,"
                               " prefix = ?, suffix = ?, orphaned = 0 WHERE id = ?",
                               error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, start);
    sqlite3_bind_int64 (stmt, 2, end);
    _lectern_bind_text (stmt, 3, quote);
    _lectern_bind_text (stmt, 4, prefix);
    _lectern_bind_text (stmt, 5, suffix);
    sqlite3_bind_int64 (stmt, 6, annotation_id);
    if (!_lectern_project_run (self, stmt, error))
      goto fail;
  }

  if (!touch (self, annotation_id, error))
    goto fail;

  return _lectern_project_commit (self, LECTERN_CHANGE_ANNOTATIONS, document_id,
                                  orphaned ? _("Place passage") : _("Resize passage"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

gboolean
lectern_project_set_annotation_note (LecternProject  *self,
                                    gint64          annotation_id,
                                    const char     *note,
                                    GError        **error)
{
  gint64 document_id;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_note (note, error))
    return FALSE;

  if (!_lectern_project_begin (self, error))
    return FALSE;

  if (!annotation_document (self, annotation_id, &document_id, error))
    goto fail;

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self, "UPDATE annotations SET note = nullif (?, '') WHERE id = ?", error);

    if (stmt == NULL)
      goto fail;
    _lectern_bind_text (stmt, 1, note);
    sqlite3_bind_int64 (stmt, 2, annotation_id);
    if (!_lectern_project_run (self, stmt, error))
      goto fail;
  }

  if (!touch (self, annotation_id, error))
    goto fail;

  return _lectern_project_commit (self, LECTERN_CHANGE_ANNOTATIONS, document_id, _("Edit note"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

gboolean
lectern_project_set_annotation_tags (LecternProject  *self,
                                    gint64          annotation_id,
                                    const gint64   *tag_ids,
                                    guint           n_tags,
                                    GError        **error)
{
  gint64 document_id;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (tag_ids != NULL || n_tags == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lectern_project_begin (self, error))
    return FALSE;

  if (!annotation_document (self, annotation_id, &document_id, error)
      || !write_tags (self, annotation_id, tag_ids, n_tags, error)
      || !touch (self, annotation_id, error))
    {
      _lectern_project_rollback (self);
      return FALSE;
    }

  return _lectern_project_commit (self, LECTERN_CHANGE_ANNOTATIONS | LECTERN_CHANGE_TAGS,
                                 document_id, _("Tag passage"), error);
}

/* Deletes passage @annotation_id, leaving its tombstone (GUID, document
 * GUID, coder, last `updated` stamp) for a later merge to see, in the
 * caller's transaction: undoing the deletion removes the tombstone too. */
gboolean
_lectern_project_delete_passage (LecternProject  *self,
                                 gint64          annotation_id,
                                 GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = _lectern_project_format_time (now);
  g_autoptr(LecternStmt) tombstone =
    _lectern_project_prepare (self,
                              "INSERT OR REPLACE INTO deleted_passages (guid, document_guid, coder_id, updated, deleted)"
                              " SELECT a.guid, g.guid, a.coder_id, a.updated, ?2 FROM annotations a"
                              " LEFT JOIN document_guids g ON g.document_id = a.document_id"
                              " WHERE a.id = ?1 AND a.guid IS NOT NULL",
                              error);
  g_autoptr(LecternStmt) stmt = NULL;

  if (tombstone == NULL)
    return FALSE;
  sqlite3_bind_int64 (tombstone, 1, annotation_id);
  _lectern_bind_text (tombstone, 2, stamp);
  if (!_lectern_project_run (self, tombstone, error))
    return FALSE;

  stmt = _lectern_project_prepare (self, "DELETE FROM annotations WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  return _lectern_project_run (self, stmt, error);
}

gboolean
lectern_project_delete_annotation (LecternProject  *self,
                                  gint64          annotation_id,
                                  GError        **error)
{
  gint64 document_id;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lectern_project_begin (self, error))
    return FALSE;

  if (!annotation_document (self, annotation_id, &document_id, error))
    goto fail;

  if (!_lectern_project_delete_passage (self, annotation_id, error))
    goto fail;

  return _lectern_project_commit (self, LECTERN_CHANGE_ANNOTATIONS | LECTERN_CHANGE_TAGS,
                                 document_id, _("Delete passage"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Tombstones                                                          */

void
lectern_deleted_passage_free (LecternDeletedPassage *deleted)
{
  if (deleted == NULL)
    return;
  g_free (deleted->guid);
  g_free (deleted->document_guid);
  g_clear_pointer (&deleted->updated, g_date_time_unref);
  g_clear_pointer (&deleted->deleted, g_date_time_unref);
  g_free (deleted);
}

GPtrArray *
lectern_project_list_deleted_passages (LecternProject  *self,
                                      guint           limit,
                                      GError        **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(LecternStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _lectern_project_prepare (self,
                                   "SELECT guid, document_guid, ifnull (coder_id, 0), updated, deleted"
                                   " FROM deleted_passages ORDER BY guid LIMIT ?",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, (gint64) limit + 1);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_deleted_passage_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LecternDeletedPassage) deleted = g_new0 (LecternDeletedPassage, 1);

      deleted->guid = lectern_guid_normalize (_lectern_column_string (stmt, 0));
      deleted->document_guid = lectern_guid_normalize (_lectern_column_string (stmt, 1));
      deleted->coder_id = sqlite3_column_int64 (stmt, 2);
      deleted->updated = _lectern_project_parse_time (_lectern_column_text (stmt, 3));
      deleted->deleted = _lectern_project_parse_time (_lectern_column_text (stmt, 4));
      if (deleted->guid == NULL || deleted->updated == NULL || deleted->deleted == NULL)
        continue;  /* damaged: a tombstone that means nothing */
      g_ptr_array_add (list, g_steal_pointer (&deleted));
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
lectern_project_add_deleted_passage (LecternProject               *self,
                                    const LecternDeletedPassage  *deleted,
                                    GError                      **error)
{
  g_autofree char *guid = NULL;
  g_autofree char *document_guid = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(LecternStmt) stmt = NULL;
  gint64 live = 0;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (deleted != NULL && deleted->updated != NULL && deleted->deleted != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guid = lectern_guid_normalize (deleted->guid)) == NULL)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” is not a GUID: a GUID looks like 0f8fad5b-d9cb-469f-a165-70867728950e"),
                   deleted->guid != NULL && g_utf8_validate (deleted->guid, -1, NULL) ? deleted->guid : "?");
      return FALSE;
    }
  document_guid = deleted->document_guid ? lectern_guid_normalize (deleted->document_guid) : NULL;
  updated = _lectern_project_format_time (deleted->updated);
  stamp = _lectern_project_format_time (deleted->deleted);

  if (!_lectern_project_begin (self, error))
    return FALSE;

  stmt = _lectern_project_prepare (self, "SELECT count(*) FROM annotations WHERE guid = ?", error);
  if (stmt == NULL)
    goto fail;
  _lectern_bind_text (stmt, 1, guid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    live = sqlite3_column_int64 (stmt, 0);
  if (live > 0)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("Passage %s is in “%s”: it cannot be recorded as deleted"), guid, self->path);
      goto fail;
    }
  _lectern_stmt_reset (g_steal_pointer (&stmt));

  stmt = _lectern_project_prepare (self,
                                   "INSERT OR IGNORE INTO deleted_passages (guid, document_guid, coder_id, updated, deleted)"
                                   " VALUES (?, ?, nullif (?, 0), ?, ?)",
                                   error);
  if (stmt == NULL)
    goto fail;
  _lectern_bind_text (stmt, 1, guid);
  _lectern_bind_text (stmt, 2, document_guid);
  sqlite3_bind_int64 (stmt, 3, deleted->coder_id);
  _lectern_bind_text (stmt, 4, updated);
  _lectern_bind_text (stmt, 5, stamp);
  if (!_lectern_project_run (self, stmt, error))
    goto fail;

  return _lectern_project_commit (self, LECTERN_CHANGE_ANNOTATIONS, 0, _("Delete passage"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}
