/* lectern-project-private.h — the project's state, shared by the files that
 * implement it (lectern-project*.c). The only header with SQLite in it,
 * besides lectern-sqlite-error-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sys/types.h>

#include <sqlite3.h>

#include "lectern-analysis.h"
#include "lectern-change-set.h"
#include "lectern-project.h"
#include "lectern-document-list.h"
#include "lectern-passage-list.h"
#include "lectern-tag-tree.h"

G_BEGIN_DECLS

/* PRAGMA application_id of a Lectern project: "LCTN". */
#define LECTERN_APPLICATION_ID 0x4c43544e

typedef struct
{
  gint64         first;        /* undo-log rows [first, last] */
  gint64         last;
  LecternChange  what;
  gint64         document_id;
  char          *label;        /* translated */
} LecternUndoStep;

/* A document's text, kept for the last document annotated: offsets into
 * big texts are found from checkpoints instead of walking from the start. */
typedef struct
{
  gint64  document_id;
  char   *text;
  char   *hash;
  glong   length;
  GArray *checkpoints;          /* gsize: byte index of every CHECKPOINT-th code point */
} LecternTextCache;

struct _LecternProject
{
  GObject           parent_instance;

  GFile            *file;
  char             *path;
  sqlite3          *db;
  /* The file as lectern-project-registry.c counts it. */
  dev_t             registered_dev;
  ino_t             registered_ino;
  gboolean          registered;
  GHashTable       *statements;   /* SQL text → sqlite3_stmt */
  char             *author;
  /* lectern-project-coders.c: the current coder as set (NULL: the
   * author's name, a fresh GUID), and its row once resolved (0: not yet). */
  char             *coder_name;
  char             *coder_guid;
  gint64            coder_id;
  gint64            data_version;
  LecternTextCache *text_cache;

  GArray           *undo_steps;   /* LecternUndoStep */
  GArray           *redo_steps;
  gint64            step_start;
  /* lectern_project_set_typing_run(): the document typed in, the version
   * and the undo step (undo_steps->len once pushed) its edits extend. */
  gint64            run_document_id;
  gint64            run_version;
  guint             run_undo_len;
  guint             run_edit_pending : 1;  /* the open step holds a run's edit */
  gint64            next_backup_check;  /* monotonic µs */

  /* The calls that joined the open batch (lectern_project_begin_batch()). */
  LecternChange     batch_what;
  gint64            batch_document_id;  /* -1: none yet; 0: several */
  char             *batch_label;        /* the calls' undo label, if one */
  guint             batch_labels_differ : 1;
  guint             batch_label_named : 1;  /* lectern_project_name_group(): the calls' names set aside */
  guint             in_batch : 1;

  /* lectern_project_begin_group(): the group's own batch, or what the
   * batch held when the group began, restored if the group is dropped. */
  guint             in_group : 1;
  guint             group_owns_batch : 1;
  guint             group_labels_differ : 1;
  LecternChange     group_what;
  gint64            group_document_id;
  char             *group_label;
  LecternChangeSet *group_changes;

  guint             in_transaction : 1;  /* a call's, or its savepoint in a batch */
  guint             undo_enabled : 1;

  /* Every document had its fingerprints when PRAGMA data_version was
   * fingerprints_version, and this connection has added none since: a
   * lookup need not look for missing ones (a scan of every document). */
  guint             fingerprints_complete : 1;
  gint64            fingerprints_version;
  /* Every document with an id up to this one had its fingerprints (or
   * was too short for any) at fingerprints_version; 0: not known. Ids
   * only grow (AUTOINCREMENT), so a document this connection adds is
   * above it: the next update looks at those alone. Whatever drops the
   * fingerprints of an older document sets it back to 0. */
  gint64            fingerprints_through;

  /* Monotonic µs: when the wait for the lock began (busy_wait()); when
   * this connection took the write lock and last gave it back, and how
   * long it held it since its last pause (lock_gap()). */
  gint64            busy_since;
  gint64            lock_taken;
  gint64            lock_released;
  gint64            lock_held;

  /* lectern-project-live.c: the rows the open transaction (or the open
   * batch's call) wrote; the batch's so far. */
  LecternChangeSet    *pending_changes;
  LecternChangeSet    *batch_changes;
  LecternDocumentList *documents;      /* owned, once asked for */
  LecternTagTree      *tag_tree;       /* owned, once asked for */
  GHashTable          *passage_lists;  /* gint64 * → LecternPassageList, weak */
  GMainContext        *context;        /* of the thread that made the project */
  GSource             *poll_source;
};

/* A cached statement: g_autoptr resets it (and clears its bindings) when
 * it goes out of scope, ready for the next use. */
typedef sqlite3_stmt LecternStmt;
void _lectern_stmt_reset (LecternStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternStmt, _lectern_stmt_reset)

/* lectern-project.c */
LecternStmt *_lectern_project_prepare       (LecternProject  *self,
                                            const char     *sql,
                                            GError        **error);
gboolean     _lectern_project_exec          (LecternProject  *self,
                                            const char     *sql,
                                            GError        **error);
/* Steps @stmt to its end (a statement without rows). */
gboolean     _lectern_project_run           (LecternProject  *self,
                                            LecternStmt    *stmt,
                                            GError        **error);
/* Sets @error from the connection's last failure @rc; returns FALSE. */
gboolean     _lectern_project_fail          (LecternProject  *self,
                                            int             rc,
                                            GError        **error);
/* Runs @sql, which must give one integer (or no row: @fallback). */
gboolean     _lectern_project_query_int     (LecternProject  *self,
                                            const char     *sql,
                                            gint64          arg,
                                            gint64          fallback,
                                            gint64         *result,
                                            GError        **error);
/* Begins a mutating call: BEGIN IMMEDIATE, or inside a batch a SAVEPOINT
 * that _lectern_project_commit() releases into the batch and
 * _lectern_project_rollback() undoes alone. */
gboolean     _lectern_project_begin         (LecternProject  *self,
                                            GError        **error);
/* Commits; on success records the undo step called @label and emits
 * "changed" (@what, @document_id). On failure everything is rolled back.
 * Inside a batch: releases the call's savepoint, and the step and the
 * signal wait for lectern_project_commit_batch(); on failure only the
 * call's part is rolled back. */
gboolean     _lectern_project_commit        (LecternProject  *self,
                                            LecternChange   what,
                                            gint64          document_id,
                                            const char     *label,
                                            GError        **error);
void         _lectern_project_rollback      (LecternProject  *self);
void         _lectern_project_emit_changed  (LecternProject  *self,
                                            LecternChange   what,
                                            gint64          document_id);
const char  *_lectern_project_get_name      (LecternProject  *self);
/* Notifies "can-undo" and "can-redo". */
void         _lectern_project_notify_undo   (LecternProject  *self);
void         _lectern_project_not_found     (LecternProject  *self,
                                            GError        **error,
                                            const char     *what,
                                            gint64          id);

/* A timestamp as stored: ISO 8601, UTC, microseconds. (transfer full) */
char        *_lectern_project_format_time   (GDateTime      *time);
/* (transfer full) or NULL */
GDateTime   *_lectern_project_parse_time    (const char     *text);
void         _lectern_bind_text            (LecternStmt    *stmt,
                                            int             column,
                                            const char     *text);
/* NULL for an SQL NULL. */
const char  *_lectern_column_text          (LecternStmt    *stmt,
                                            int             column);
/* For a NOT NULL column: "" for an SQL NULL, which a damaged file can
 * still hold, since SQLite checks constraints on write, never on read. */
const char  *_lectern_column_string        (LecternStmt    *stmt,
                                            int             column);

/* lectern-project-registry.c: the process's connections to each project
 * file. Lock around a header check, the open and _add, so that nothing
 * opens the file outside SQLite while a connection holds locks on it. */
void         _lectern_project_registry_lock   (void);
void         _lectern_project_registry_unlock (void);
/* Whether this process holds a connection to the file at @path. Locked. */
gboolean     _lectern_project_registry_has    (const char     *path);
/* Counts @self's open connection. Locked. */
void         _lectern_project_registry_add    (LecternProject  *self);
/* Closes @self's connection and uncounts it. Takes the lock itself. */
void         _lectern_project_registry_close  (LecternProject  *self);
/* Adds a problem for every process that holds @self's write-ahead log
 * open after it was deleted: its commits are lost (Linux only). */
void         _lectern_project_find_deleted_logs (LecternProject *self,
                                                GPtrArray     *problems);

/* lectern-project-schema.c */
/* Brings the schema from @from_version to LECTERN_PROJECT_SCHEMA_VERSION,
 * one transaction per version. */
gboolean     _lectern_project_migrate       (LecternProject  *self,
                                            int             from_version,
                                            GError        **error);
/* The tables a project of @version has; NULL-terminated. */
const char * const *_lectern_project_schema_tables (int version);
/* The tables whose rows undo restores. NULL-terminated. */
const char * const *_lectern_project_user_tables   (void);
/* The SQL that brings the schema from @version - 1 to @version. */
const char  *_lectern_project_schema_migration (int version);

/* lectern-project-schema-check.c */
/* Fails with LECTERN_PROJECT_ERROR_TAMPERED, naming @path and what differs,
 * unless the schema of @db (tables and their columns, indexes, triggers,
 * views, the search index's own tables) is exactly what Lectern declares
 * for @version. Only reads. */
gboolean     _lectern_project_check_schema  (sqlite3        *db,
                                            int             version,
                                            const char     *path,
                                            GError        **error);

/* A SHA-256 (hex) over every entry of @db's sqlite_schema (type, name,
 * table, SQL up to white space), in any order; NULL when it cannot be
 * read. Only reads. */
char        *_lectern_project_schema_digest  (sqlite3        *db);

/* lectern-project-schema-digest.c, generated by gen-schema-digest.c */
/* The digest of the schema Lectern's migrations make for @version; NULL
 * when the build did not compute one. */
const char  *_lectern_project_schema_expected_digest (int version);

typedef struct
{
  char     *name;
  gboolean  primary;
} LecternSchemaColumn;

/* The columns (LecternSchemaColumn) of @table as Lectern's own schema of
 * the current version declares them, in order; kept for the life of the
 * process. NULL with @error when that schema cannot be built. */
GPtrArray   *_lectern_project_schema_columns (const char    *table,
                                             GError       **error);

/* lectern-project-documents.c */
/* lectern-project-comparison.c */
/* Stores fingerprints for every document that has none, in the open
 * transaction: the migration to version 2. (Elsewhere they are written
 * late, by lectern_project_update_fingerprints().) */
gboolean     _lectern_project_fingerprint_missing (LecternProject  *self,
                                                  GError        **error);
/* The text of @document_id, from the cache. (transfer none) */
LecternTextCache *_lectern_project_get_text_cache (LecternProject  *self,
                                                  gint64          document_id,
                                                  GError        **error);
/* Code points [start, end) of a cached text. (transfer full) */
char        *_lectern_text_cache_slice     (LecternTextCache *cache,
                                            glong             start,
                                            glong             end);
void         _lectern_text_cache_free      (LecternTextCache *cache);

/* lectern-project-structure.c */
gboolean     _lectern_structure_kind_is_known (int           kind);
/* The bytes of a stored original (deflated @data), never more than
 * @size; NULL with @problem (translated, transfer full) when they cannot
 * be had back exactly. */
GBytes      *_lectern_project_inflate_original (const guint8  *data,
                                               gsize          data_size,
                                               gint64         size,
                                               char         **problem);
/* @data deflated (zlib); NULL with a GIO @error when it cannot be. */
GBytes      *_lectern_project_deflate      (const guint8  *data,
                                            gsize          size,
                                            GError       **error);

/* lectern-project-versions.c */
/* In the open transaction: records @new_text as the document's newest
 * version (recording first, as version 1, the text it was imported with
 * when it has no versions yet). */
gboolean     _lectern_project_record_version (LecternProject  *self,
                                             gint64          document_id,
                                             const char     *old_text,
                                             const char     *new_text,
                                             const char     *description,
                                             GError        **error);
/* Every version inflates to its recorded size and length, and each
 * document's newest version is its text. */
gboolean     _lectern_project_check_versions (LecternProject  *self,
                                             GPtrArray      *problems,
                                             GError        **error);

/* lectern-project-search.c */
/* lectern_project_search() over the documents in @documents (gint64 * keys;
 * NULL: all). */
GListModel  *_lectern_project_search_in     (LecternProject  *self,
                                            const char     *query,
                                            GHashTable     *documents,
                                            guint           limit,
                                            GCancellable   *cancellable,
                                            GError        **error);

/* lectern-project-annotations.c */
/* Inside an open transaction (_lectern_project_begin()): adds a passage
 * with the project's author, now. Its id, or 0. */
gint64       _lectern_project_insert_passage (LecternProject  *self,
                                             gint64          document_id,
                                             glong           start,
                                             glong           end,
                                             const gint64   *tag_ids,
                                             guint           n_tags,
                                             GError        **error);

/* The same with a note (NULL: none), as coder @coder_id (0: the
 * current coder). */
gint64       _lectern_project_insert_coded_passage (LecternProject  *self,
                                                   gint64          document_id,
                                                   glong           start,
                                                   glong           end,
                                                   const gint64   *tag_ids,
                                                   guint           n_tags,
                                                   const char     *note,
                                                   gint64          coder_id,
                                                   GError        **error);

/* Inside an open transaction: deletes passage @annotation_id as a user
 * does, leaving its tombstone in deleted_passages for a merge to see. */
gboolean     _lectern_project_delete_passage (LecternProject  *self,
                                             gint64          annotation_id,
                                             GError        **error);

/* lectern-project-concordance.c */
/* The passages of @tag_id and the tags below it, by document: gint64 * →
 * GArray of LecternRange sorted by start, end (each range once), of the
 * documents in @documents (NULL: all). (transfer full) */
typedef struct
{
  glong start;
  glong end;
} LecternRange;
GHashTable  *_lectern_project_tag_ranges    (LecternProject  *self,
                                            gint64          tag_id,
                                            GHashTable     *documents,
                                            const char     *coders,
                                            GError        **error);
/* The documents @filter keeps as a set of gint64 * (NULL when @filter is
 * NULL or keeps all). *@all set accordingly. (transfer full) */
gboolean     _lectern_project_document_set  (LecternProject               *self,
                                            const LecternDocumentFilter *filter,
                                            GHashTable                 **set,
                                            GError                     **error);

/* The speaker @self keeps hits and passages of (NULL: any). */
const char  *_lectern_document_filter_get_speaker (const LecternDocumentFilter *self);
/* The coders @self keeps passages of, as "1,4" (NULL: every coder). */
char        *_lectern_document_filter_dup_coders  (const LecternDocumentFilter *self);

/* lectern-project-speakers.c */
/* The `turn` spans of @speaker, by document: gint64 * → GArray of
 * LecternRange sorted by start, of the documents in @documents (NULL:
 * all). (transfer full) */
/* Steps @stmt, whose rows are (document_id, start, end) in that order,
 * into document id → GArray of LecternRange, keeping the documents in
 * @documents (NULL: all). */
GHashTable  *_lectern_project_read_ranges    (LecternProject  *self,
                                              sqlite3_stmt    *stmt,
                                              GHashTable      *documents,
                                              GError         **error);
GHashTable  *_lectern_project_speaker_ranges (LecternProject  *self,
                                             const char      *speaker,
                                             GHashTable      *documents,
                                             GError         **error);
/* Whether one of @ranges (sorted, not overlapping; NULL: none) holds
 * [start, end) wholly. */
gboolean     _lectern_ranges_hold            (GArray          *ranges,
                                             glong            start,
                                             glong            end);

/* lectern-sentences.c */
/* The sentence of @text (a paragraph: code points [0, length)) around
 * [start, end), by ICU's rules for @language (NULL: root), without its
 * trailing white space; at least [start, end). */
void         _lectern_sentence_around      (const char     *text,
                                            const char     *language,
                                            glong           start,
                                            glong           end,
                                            glong          *sentence_start,
                                            glong          *sentence_end);

/* lectern-stop-words.c */
/* The stop words of @language ("en", "fr"), NULL-terminated, unfolded;
 * NULL when there is no list. */
const char * const *_lectern_stop_words    (const char     *language);

/* lectern-project-coders.c */
/* The coder with @guid (renamed to @name if need be), else (@guid NULL)
 * the first named @name, else a new one; in the caller's transaction. */
gboolean     _lectern_project_ensure_coder  (LecternProject  *self,
                                            const char     *name,
                                            const char     *guid,
                                            gint64         *id,
                                            GError        **error);
/* The connection's current coder, made if need be, in the caller's
 * transaction: what every passage, memo and version records. */
gboolean     _lectern_project_current_coder (LecternProject  *self,
                                            gint64         *id,
                                            GError        **error);
/* A new connection takes the process's coder, if one is set. */
void         _lectern_project_adopt_default_coder (LecternProject *self);
/* Adds a problem for each passage without a coder and each document,
 * tag, passage or coder without a valid GUID (another program wrote). */
gboolean     _lectern_project_check_coders  (LecternProject  *self,
                                            GPtrArray      *problems,
                                            GError        **error);
/* Writes @guid (NULL: a fresh one) as @kind @id's, in the caller's
 * transaction. */
gboolean     _lectern_project_write_guid    (LecternProject  *self,
                                            LecternGuidKind kind,
                                            gint64          id,
                                            const char     *guid,
                                            GError        **error);

/* lectern-project-tags.c */
/* The path of @tag_id ("A/B"); NULL when there is no such tag. */
char        *_lectern_project_dup_tag_path  (LecternProject  *self,
                                            gint64          tag_id,
                                            GError        **error);
gboolean     _lectern_project_tag_exists    (LecternProject  *self,
                                            gint64          tag_id,
                                            gboolean       *exists,
                                            GError        **error);

/* lectern-project-live.c */
void         _lectern_project_live_init     (LecternProject  *self);
/* Records the rows every transaction of the connection writes. */
void         _lectern_project_live_connect  (LecternProject  *self);
void         _lectern_project_live_finalize (LecternProject  *self);
/* Forgets the rows recorded so far (a transaction begins or rolls back). */
void         _lectern_project_changes_reset (LecternProject  *self);
void         _lectern_project_changes_begin_batch (LecternProject *self);
/* A call of the batch committed: its rows join the batch's. */
void         _lectern_project_changes_join_batch  (LecternProject *self);
/* @keep: the batch committed, its rows are the pending ones. */
void         _lectern_project_changes_end_batch   (LecternProject *self,
                                                  gboolean       keep);
/* The pending rows, sealed; recording starts anew. (transfer full) */
LecternChangeSet *_lectern_project_changes_take   (LecternProject *self,
                                                  LecternChange  what,
                                                  gint64         document_id);
/* Brings the live models up to date with @changes. */
void         _lectern_project_live_apply    (LecternProject    *self,
                                            LecternChangeSet *changes);

/* lectern-project-editing.c */
char        *_lectern_project_describe_edit (glong           start,
                                            const char     *removed,
                                            const char     *inserted);

/* lectern-project-undo.c */
gboolean     _lectern_project_undo_install  (LecternProject  *self,
                                            GError        **error);
void         _lectern_project_undo_clear    (LecternProject  *self);
/* Before COMMIT: the first undo-log row of the open transaction. */
gboolean     _lectern_project_undo_mark     (LecternProject  *self,
                                            GError        **error);
/* Inside the transaction, just before COMMIT: makes the step's rows the
 * newest and drops the redo history when the transaction changed
 * anything. @recorded: whether it did. */
gboolean     _lectern_project_undo_seal     (LecternProject  *self,
                                            gint64         *last,
                                            GError        **error);
/* After COMMIT: pushes the sealed step. */
void         _lectern_project_undo_push     (LecternProject  *self,
                                            gint64          last,
                                            LecternChange   what,
                                            gint64          document_id,
                                            const char     *label);

/* Copies the database of @source to @dest with the online backup API,
 * through a temporary file beside @dest. */
gboolean     _lectern_backup_connection    (sqlite3        *source,
                                            GFile          *dest,
                                            GError        **error);

/* lectern-project-backups.c */
/* The daily backup, when the newest is more than a day old. */
gboolean     _lectern_project_backup_daily  (LecternProject  *self,
                                            GError        **error);
gboolean     _lectern_project_backup_before_migration (LecternProject *self,
                                                      int            from_version,
                                                      GError       **error);

G_END_DECLS
