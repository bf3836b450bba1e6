/* lectern-project-schema.c — the project file's schema and its forward
 * migrations. docs/project-format.md describes the result for users.
 *
 * A fresh project runs every migration from 0, so the migrations are
 * exercised on every create, not only on old files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-guid.h"
#include "lectern-project-private.h"

/* Version 1: documents, codebook, annotations, memos, search index. */
static const char migration_1[] =
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ");"

  /* `text` is the last column so that reading the metadata of a row never
   * loads the text's overflow pages. */
  "CREATE TABLE documents ("
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  title         TEXT NOT NULL,"
  "  source        TEXT,"
  "  author        TEXT,"
  "  date          TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  language      TEXT,"
  "  original_name TEXT,"
  "  encoding      TEXT,"
  "  content_hash  TEXT NOT NULL UNIQUE,"
  "  imported      TEXT NOT NULL,"
  "  length        INTEGER NOT NULL CHECK (length >= 0),"
  "  text          TEXT NOT NULL"
  ");"

  "CREATE TABLE document_variables ("
  "  id          INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  key         TEXT NOT NULL,"
  "  value       TEXT NOT NULL,"
  "  UNIQUE (document_id, key)"
  ");"

  "CREATE TABLE tags ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  parent_id   INTEGER REFERENCES tags (id) ON DELETE CASCADE,"
  "  name        TEXT NOT NULL CHECK (name <> ''),"
  "  colour      TEXT NOT NULL CHECK (colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),"
  "  description TEXT,"
  "  created     TEXT NOT NULL"
  ");"
  /* A NULL parent would make plain UNIQUE (parent_id, name) let top-level
   * names repeat: index the parent as 0 instead. */
  "CREATE UNIQUE INDEX tags_sibling_name ON tags (ifnull (parent_id, 0), name);"
  "CREATE INDEX tags_parent ON tags (parent_id);"

  "CREATE TABLE annotations ("
  "  id           INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),"
  "  end_offset   INTEGER NOT NULL,"
  "  quote        TEXT NOT NULL,"
  "  prefix       TEXT NOT NULL DEFAULT '',"
  "  suffix       TEXT NOT NULL DEFAULT '',"
  "  note         TEXT,"
  "  author       TEXT NOT NULL DEFAULT '',"
  "  created      TEXT NOT NULL,"
  "  updated      TEXT NOT NULL,"
  "  CHECK (start_offset < end_offset)"
  ");"
  "CREATE INDEX annotations_range ON annotations (document_id, start_offset, end_offset);"

  "CREATE TABLE annotation_tags ("
  "  id            INTEGER PRIMARY KEY,"
  "  annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,"
  "  tag_id        INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  position      INTEGER NOT NULL,"
  "  UNIQUE (annotation_id, tag_id)"
  ");"
  "CREATE INDEX annotation_tags_tag ON annotation_tags (tag_id);"

  "CREATE TABLE memos ("
  "  id          INTEGER PRIMARY KEY,"
  "  document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,"
  "  tag_id      INTEGER REFERENCES tags (id) ON DELETE CASCADE,"
  "  text        TEXT NOT NULL,"
  "  updated     TEXT NOT NULL,"
  "  CHECK (document_id IS NULL OR tag_id IS NULL)"
  ");"
  "CREATE UNIQUE INDEX memos_target ON memos (ifnull (document_id, 0), ifnull (tag_id, 0));"

  /* The search index holds no copy of the text (external content); the
   * triggers keep it in step with every change to documents, undo and
   * redo included. */
  "CREATE VIRTUAL TABLE documents_fts USING fts5 ("
  "  text, content = 'documents', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN"
  "  INSERT INTO documents_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "END;"
  "CREATE TRIGGER documents_fts_update AFTER UPDATE OF text ON documents BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "  INSERT INTO documents_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"

  "PRAGMA application_id = 1279480910;" /* LECTERN_APPLICATION_ID */
  ;

/* Version 2: comparison support. */
static const char migration_2[] =
  "CREATE TABLE fingerprints ("
  "  id           INTEGER PRIMARY KEY,"
  "  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  hash         INTEGER NOT NULL,"
  "  start_offset INTEGER NOT NULL,"
  "  end_offset   INTEGER NOT NULL"
  ");"
  "CREATE INDEX fingerprints_hash ON fingerprints (hash);"
  "CREATE INDEX fingerprints_document ON fingerprints (document_id);"

  "CREATE TABLE alignments ("
  "  id          INTEGER PRIMARY KEY,"
  "  document_a  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  document_b  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL,"
  "  a_start     INTEGER NOT NULL,"
  "  a_end       INTEGER NOT NULL,"
  "  b_start     INTEGER NOT NULL,"
  "  b_end       INTEGER NOT NULL"
  ");"
  "CREATE INDEX alignments_pair ON alignments (document_a, document_b, position);"
  "CREATE INDEX alignments_b ON alignments (document_b);"
  ;

/* Version 3: what a document's source format said, kept beside its text
 * (issue #12): spans of structure over the stored text, and the imported
 * file's own bytes, deflated (zlib), with their format and size; and the
 * user's corrections to a transcript's speaker turns (issue #13). A
 * document without an original row is plain text ("text"), as every
 * document of version 2 was. The data column is the last, so that reading
 * a document's format and size never loads the bytes. */
static const char migration_3[] =
  "CREATE TABLE document_structure ("
  "  id           INTEGER PRIMARY KEY,"
  "  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),"
  "  end_offset   INTEGER NOT NULL,"
  "  kind         TEXT NOT NULL,"
  "  value        TEXT,"
  "  CHECK (start_offset < end_offset)"
  ");"
  "CREATE INDEX document_structure_document ON document_structure (document_id, start_offset);"

  "CREATE TABLE document_originals ("
  "  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
  "  format      TEXT NOT NULL CHECK (format <> ''),"
  "  size        INTEGER NOT NULL CHECK (size >= 0),"
  "  data        BLOB NOT NULL"
  ");"

  /* The user's corrections to a transcript's speaker turns
   * (lectern-turn-correction.h), applied in position order after every
   * detection, so that they survive it; the `turn` spans of
   * document_structure are recomputed from them. */
  "CREATE TABLE turn_corrections ("
  "  id          INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('set-turn', 'not-turn', 'rename', 'merge', 'clear')),"
  "  line_offset INTEGER CHECK (line_offset IS NULL OR line_offset >= 0),"
  "  speaker     TEXT,"
  "  new_speaker TEXT,"
  "  UNIQUE (document_id, position)"
  ");"
  ;

/* Version 4: texts that change after coding (issue #19). Every version
 * of a document's text is kept, deflated (zlib), with when, by whom and
 * what changed; a document without rows has only the text it was imported
 * with. A passage whose words an edit removed is an orphan: it keeps its
 * quote, context, note, tags and coder, and its offsets say where it last
 * stood, in a text that is no longer the document's; every query that
 * counts or lists placed passages reads `orphaned = 0`. The fingerprints
 * of a changed text are dropped by trigger, whoever changes it (an edit,
 * its undo, its redo), so that the next lookup writes them again. */
static const char migration_4[] =
  "CREATE TABLE document_versions ("
  "  id          INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  version     INTEGER NOT NULL CHECK (version >= 1),"
  "  created     TEXT NOT NULL,"
  "  author      TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  length      INTEGER NOT NULL CHECK (length >= 0),"
  "  size        INTEGER NOT NULL CHECK (size >= 0),"
  "  data        BLOB NOT NULL,"
  "  UNIQUE (document_id, version)"
  ");"

  "ALTER TABLE annotations ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1));"
  "CREATE INDEX annotations_orphaned ON annotations (orphaned, document_id) WHERE orphaned = 1;"

  "CREATE TRIGGER documents_fingerprints_update AFTER UPDATE OF text ON documents BEGIN"
  "  DELETE FROM fingerprints WHERE document_id = new.id;"
  "END;"
  ;

/* Version 5: coding as a team (issue #15). A project's coders, each with
 * a stable GUID by which a merge recognises them whatever their name;
 * every passage, memo and version of a text records its coder. Documents,
 * tags and passages carry stable GUIDs, kept through every export and
 * import. A document's GUID has a table of its own: a column after
 * `text` would make every read of a document's metadata load its text's
 * overflow pages. The columns added to existing tables cannot be NOT NULL
 * (SQLite adds no such column); Lectern writes them on every insert and
 * the migration fills them for every existing row. */
static const char migration_5[] =
  "CREATE TABLE coders ("
  "  id   INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  guid TEXT NOT NULL UNIQUE CHECK (length (guid) = 36),"
  "  name TEXT NOT NULL"
  ");"

  "CREATE TABLE document_guids ("
  "  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
  "  guid        TEXT NOT NULL UNIQUE CHECK (length (guid) = 36)"
  ");"

  "ALTER TABLE tags ADD COLUMN guid TEXT CHECK (guid IS NULL OR length (guid) = 36);"
  "CREATE UNIQUE INDEX tags_guid ON tags (guid);"

  "ALTER TABLE annotations ADD COLUMN guid TEXT CHECK (guid IS NULL OR length (guid) = 36);"
  "CREATE UNIQUE INDEX annotations_guid ON annotations (guid);"
  "ALTER TABLE annotations ADD COLUMN coder_id INTEGER REFERENCES coders (id);"
  "CREATE INDEX annotations_coder ON annotations (coder_id);"

  "ALTER TABLE memos ADD COLUMN coder_id INTEGER REFERENCES coders (id);"
  "ALTER TABLE document_versions ADD COLUMN coder_id INTEGER REFERENCES coders (id);"
  ;

/* Version 6: adjudication (issue #15). A third coder settles where two
 * coders' codings of a document differ: one row per unit settled (the
 * range their differing passages span), with what was decided. The
 * adjudicated coding itself is passages of the adjudicator, written in the
 * same transaction; A's and B's passages are never changed by it.
 * "agreed" marks units the two coded identically, accepted at once. */
static const char migration_6[] =
  "CREATE TABLE adjudications ("
  "  id           INTEGER PRIMARY KEY,"
  "  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  coder_a      INTEGER NOT NULL REFERENCES coders (id),"
  "  coder_b      INTEGER NOT NULL REFERENCES coders (id),"
  "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),"
  "  end_offset   INTEGER NOT NULL,"
  "  decision     TEXT NOT NULL CHECK (decision IN ('agreed', 'keep-a', 'keep-b', 'both', 'neither', 'edited')),"
  "  coder_id     INTEGER NOT NULL REFERENCES coders (id),"
  "  created      TEXT NOT NULL,"
  "  CHECK (start_offset < end_offset),"
  "  CHECK (coder_a <> coder_b)"
  ");"
  "CREATE INDEX adjudications_document ON adjudications (document_id, start_offset);"
  ;

/* Version 7: deletions a merge can see (issue #15). A passage the user
 * deletes leaves a tombstone: its GUID, its document's and coder, and the
 * `updated` stamp it had when deleted, so that a merge tells "deleted here"
 * from "added there", and "unchanged there since" from "edited there
 * after". Inserting a passage with that GUID again removes the tombstone. */
static const char migration_7[] =
  "CREATE TABLE deleted_passages ("
  "  guid          TEXT PRIMARY KEY NOT NULL CHECK (length (guid) = 36),"
  "  document_guid TEXT,"
  "  coder_id      INTEGER REFERENCES coders (id),"
  "  updated       TEXT NOT NULL,"
  "  deleted       TEXT NOT NULL"
  ");"
  ;

G_STATIC_ASSERT (LECTERN_APPLICATION_ID == 1279480910);

static const char * const tables_1[] = {
  "meta", "documents", "document_variables", "tags", "annotations",
  "annotation_tags", "memos", "documents_fts", NULL
};

static const char * const tables_2[] = {
  "meta", "documents", "document_variables", "tags", "annotations",
  "annotation_tags", "memos", "documents_fts", "fingerprints", "alignments", NULL
};

static const char * const tables_3[] = {
  "meta", "documents", "document_variables", "tags", "annotations",
  "annotation_tags", "memos", "documents_fts", "fingerprints", "alignments",
  "document_structure", "document_originals", "turn_corrections", NULL
};

static const char * const tables_4[] = {
  "meta", "documents", "document_variables", "tags", "annotations",
  "annotation_tags", "memos", "documents_fts", "fingerprints", "alignments",
  "document_structure", "document_originals", "turn_corrections",
  "document_versions", NULL
};

static const char * const tables_5[] = {
  "meta", "documents", "document_variables", "tags", "annotations",
  "annotation_tags", "memos", "documents_fts", "fingerprints", "alignments",
  "document_structure", "document_originals", "turn_corrections",
  "document_versions", "coders", "document_guids", NULL
};

static const char * const tables_6[] = {
  "meta", "documents", "document_variables", "tags", "annotations",
  "annotation_tags", "memos", "documents_fts", "fingerprints", "alignments",
  "document_structure", "document_originals", "turn_corrections",
  "document_versions", "coders", "document_guids", "adjudications", NULL
};

static const char * const tables_7[] = {
  "meta", "documents", "document_variables", "tags", "annotations",
  "annotation_tags", "memos", "documents_fts", "fingerprints", "alignments",
  "document_structure", "document_originals", "turn_corrections",
  "document_versions", "coders", "document_guids", "adjudications",
  "deleted_passages", NULL
};

/* Undo restores rows of these. The search index follows by trigger, and
 * fingerprints, derived from the text and numerous, are recomputed for
 * documents that undo or redo brings back. Coders are not among them: a
 * coder is never deleted, and a step that made one (the first passage of
 * a new coder) leaves it when undone, as the connection still uses it. */
static const char * const user_tables[] = {
  "documents", "document_variables", "tags", "annotations", "annotation_tags",
  "memos", "alignments", "document_structure", "document_originals",
  "turn_corrections", "document_versions", "document_guids", "adjudications",
  "deleted_passages", NULL
};

/* A migration's whole schema change is its SQL: the schema check builds
 * what each version declares from these alone
 * (lectern-project-schema-check.c). */
const char *
_lectern_project_schema_migration (int version)
{
  switch (version)
    {
    case 1:
      return migration_1;
    case 2:
      return migration_2;
    case 3:
      return migration_3;
    case 4:
      return migration_4;
    case 5:
      return migration_5;
    case 6:
      return migration_6;
    case 7:
      return migration_7;
    default:
      g_assert_not_reached ();
    }
}

const char * const *
_lectern_project_schema_tables (int version)
{
  return version >= 7 ? tables_7 : version == 6 ? tables_6 : version == 5 ? tables_5 : version == 4 ? tables_4 : version == 3 ? tables_3 : version == 2 ? tables_2 : tables_1;
}

const char * const *
_lectern_project_user_tables (void)
{
  return user_tables;
}

static gboolean
record_meta (LecternProject  *self,
             const char     *key,
             const char     *value,
             GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  _lectern_bind_text (stmt, 1, key);
  _lectern_bind_text (stmt, 2, value);
  return _lectern_project_run (self, stmt, error);
}

/* Runs @select, whose rows are (id, key), and for each runs @update with
 * (GUID derived from @kind and the key, id). */
static gboolean
derive_guids (LecternProject  *self,
              const char     *select,
              const char     *update,
              const char     *kind,
              GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, select, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* Read whole before writing: an update while the select steps could
   * meet its own rows. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (keys, g_strdup (_lectern_column_string (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LecternStmt) write = _lectern_project_prepare (self, update, error);
      g_autofree char *guid = lectern_guid_for_name (kind, g_ptr_array_index (keys, i));

      if (write == NULL)
        return FALSE;
      _lectern_bind_text (write, 1, guid);
      sqlite3_bind_int64 (write, 2, g_array_index (ids, gint64, i));
      if (!_lectern_project_run (self, write, error))
        return FALSE;
    }
  return TRUE;
}

/* Tags' GUIDs were derived from their paths. */
static gboolean
derive_tag_guids (LecternProject  *self,
                  GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, "SELECT id FROM tags ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *path = _lectern_project_dup_tag_path (self, id, error);
      g_autofree char *guid = NULL;
      g_autoptr(LecternStmt) write = NULL;

      if (path == NULL)
        return FALSE;
      guid = lectern_guid_for_name ("tag", path);
      write = _lectern_project_prepare (self, "UPDATE tags SET guid = ? WHERE id = ?", error);
      if (write == NULL)
        return FALSE;
      _lectern_bind_text (write, 1, guid);
      sqlite3_bind_int64 (write, 2, id);
      if (!_lectern_project_run (self, write, error))
        return FALSE;
    }
  return TRUE;
}

/* Work done before format 5 goes to a coder per name it was signed with
 * (whose GUID is the one .qdpx exports gave that name as a user), and
 * what nobody signed (memos; passages without an author) to one coder
 * named "", shown as "Unknown coder", made only if needed. A text as
 * imported (version 1) has no coder, as it has none after format 5. */
static gboolean
attribute_old_work (LecternProject  *self,
                    GError        **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self,
                              "SELECT author FROM annotations WHERE author <> ''"
                              " UNION SELECT author FROM document_versions WHERE author <> ''"
                              " ORDER BY 1",
                              error);
  gint64 unsigned_work;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (_lectern_column_string (stmt, 0)));
  if (rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(LecternStmt) insert =
        _lectern_project_prepare (self, "INSERT INTO coders (guid, name) VALUES (?, ?)", error);
      g_autofree char *guid = lectern_guid_for_name ("user", g_ptr_array_index (names, i));

      if (insert == NULL)
        return FALSE;
      _lectern_bind_text (insert, 1, guid);
      _lectern_bind_text (insert, 2, g_ptr_array_index (names, i));
      if (!_lectern_project_run (self, insert, error))
        return FALSE;
    }

  if (!_lectern_project_exec (self,
                              "UPDATE annotations SET coder_id ="
                              " (SELECT c.id FROM coders c WHERE c.name = annotations.author)"
                              " WHERE author <> '';"
                              "UPDATE document_versions SET coder_id ="
                              " (SELECT c.id FROM coders c WHERE c.name = document_versions.author)"
                              " WHERE author <> ''",
                              error)
      || !_lectern_project_query_int (self,
                                      "SELECT (SELECT count(*) FROM annotations WHERE coder_id IS NULL)"
                                      " + (SELECT count(*) FROM memos WHERE coder_id IS NULL)"
                                      " + (SELECT count(*) FROM document_versions WHERE coder_id IS NULL AND version > 1)",
                                      0, 0, &unsigned_work, error))
    return FALSE;

  if (unsigned_work > 0)
    {
      g_autoptr(LecternStmt) insert =
        _lectern_project_prepare (self, "INSERT INTO coders (guid, name) VALUES (?, '')", error);
      g_autofree char *guid = lectern_guid_new ();

      if (insert == NULL)
        return FALSE;
      _lectern_bind_text (insert, 1, guid);
      if (!_lectern_project_run (self, insert, error)
          || !_lectern_project_exec (self,
                                     "UPDATE annotations SET coder_id = last_insert_rowid () WHERE coder_id IS NULL;"
                                     "UPDATE memos SET coder_id = last_insert_rowid () WHERE coder_id IS NULL;"
                                     "UPDATE document_versions SET coder_id = last_insert_rowid ()"
                                     " WHERE coder_id IS NULL AND version > 1",
                                     error))
        return FALSE;
    }
  return TRUE;
}

/* One version's step, inside the migration's transaction. */
static gboolean
migrate_one (LecternProject  *self,
             int             to_version,
             const char     *stamp,
             GError        **error)
{
  g_autofree char *key = g_strdup_printf ("migrated-to-%d", to_version);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", to_version);
  gboolean ok;

  switch (to_version)
    {
    case 1:
      ok = _lectern_project_exec (self, _lectern_project_schema_migration (1), error)
           && record_meta (self, "created", stamp, error)
           && record_meta (self, "created-by", "Lectern " PACKAGE_VERSION, error);
      break;
    case 2:
      ok = _lectern_project_exec (self, _lectern_project_schema_migration (2), error)
           /* Documents imported before version 2 get theirs now. */
           && _lectern_project_fingerprint_missing (self, error);
      break;
    case 3:
      /* Existing documents are plain text without an original: no row. */
      ok = _lectern_project_exec (self, _lectern_project_schema_migration (3), error);
      break;
    case 4:
      /* Every passage is placed; every document has the one text it was
       * imported with, which needs no row. */
      ok = _lectern_project_exec (self, _lectern_project_schema_migration (4), error);
      break;
    case 5:
      /* Existing rows keep the GUIDs .qdpx exports gave them: derived
       * from a document's text hash, a tag's path, a passage's document
       * hash and id. */
      ok = _lectern_project_exec (self, _lectern_project_schema_migration (5), error)
           && derive_guids (self, "SELECT id, content_hash FROM documents ORDER BY id",
                            "INSERT INTO document_guids (guid, document_id) VALUES (?, ?)",
                            "document", error)
           && derive_tag_guids (self, error)
           && derive_guids (self,
                            "SELECT a.id, d.content_hash || ':' || a.id FROM annotations a"
                            " JOIN documents d ON d.id = a.document_id ORDER BY a.id",
                            "UPDATE annotations SET guid = ? WHERE id = ?",
                            "annotation", error)
           && attribute_old_work (self, error);
      break;
    case 6:
      /* Nothing was adjudicated before. */
      ok = _lectern_project_exec (self, _lectern_project_schema_migration (6), error);
      break;
    case 7:
      /* Nothing recorded deletions before: no tombstones. */
      ok = _lectern_project_exec (self, _lectern_project_schema_migration (7), error);
      break;
    default:
      g_assert_not_reached ();
    }

  return ok
         && record_meta (self, key, stamp, error)
         && _lectern_project_exec (self, set_version, error);
}

/* Every step from @from_version to the current one in ONE transaction:
 * a step that fails on a damaged page leaves the file as it came, never
 * half-way between two versions. Migrations write no undo history. */
gboolean
_lectern_project_migrate (LecternProject  *self,
                         int             from_version,
                         GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = _lectern_project_format_time (now);
  gint64 current;
  gboolean ok = TRUE;

  g_assert (from_version >= 0 && from_version <= LECTERN_PROJECT_SCHEMA_VERSION);

  if (!_lectern_project_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Another process opening the same old project may have migrated it
   * while this one waited for the lock. */
  if (!_lectern_project_query_int (self, "PRAGMA user_version", 0, 0, &current, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  for (int version = MAX ((int) current, from_version) + 1; ok && version <= LECTERN_PROJECT_SCHEMA_VERSION; version++)
    ok = migrate_one (self, version, stamp, error);
  ok = ok && _lectern_project_exec (self, "COMMIT", error);
  if (!ok && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  if (!ok)
    return FALSE;

  /* Statements prepared against the old schema are stale. */
  g_hash_table_remove_all (self->statements);
  return TRUE;
}
