/* lectern-project.h — a Lectern project: one SQLite file holding a corpus,
 * its codebook and its annotations.
 *
 * Every mutating call is one transaction: when it returns TRUE the change is
 * on disk; when it returns FALSE nothing changed and @error says why, naming
 * the project file. Inside a batch (lectern_project_begin_batch()) calls
 * join one transaction that reaches the disk at its commit. No SQL exists
 * outside core.
 *
 * Signals: "changed" (LecternChange what: flags of LECTERN_TYPE_CHANGE,
 * which a C handler may take as a guint; gint64 document_id:
 * the one document concerned, or 0 for several/unknown), emitted after every
 * successful local change, and by lectern_project_refresh() for changes made
 * by other connections; "items-changed-ids" (LecternChangeSet: the same
 * change, with the ids of the rows it inserted, updated and deleted),
 * emitted just before each "changed", once the live list models
 * (lectern_project_get_documents() and the others) are up to date. Properties: "file", "author", "can-undo",
 * "can-redo" (notified when they change).
 *
 * A LecternProject is one SQLite connection and belongs to one thread; a
 * worker thread opens its own LecternProject on the same file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-annotation.h"
#include "lectern-coder.h"
#include "lectern-document.h"
#include "lectern-tag.h"
#include "lectern-turn-correction.h"

G_BEGIN_DECLS

#define LECTERN_PROJECT_ERROR (lectern_project_error_quark ())

typedef enum
{
  LECTERN_PROJECT_ERROR_FAILED,          /* anything else; message says what */
  LECTERN_PROJECT_ERROR_NOT_A_PROJECT,   /* not SQLite, or SQLite but not Lectern */
  LECTERN_PROJECT_ERROR_CORRUPT,         /* damaged or truncated project file */
  LECTERN_PROJECT_ERROR_TOO_NEW,         /* schema newer than this Lectern */
  LECTERN_PROJECT_ERROR_EXISTS,          /* create over a file that is not an empty project */
  LECTERN_PROJECT_ERROR_LOCKED,          /* another writer held the file too long */
  LECTERN_PROJECT_ERROR_READ_ONLY,       /* file or folder not writable */
  LECTERN_PROJECT_ERROR_NO_SPACE,        /* disk full */
  LECTERN_PROJECT_ERROR_NOT_FOUND,       /* no such document, tag, annotation */
  LECTERN_PROJECT_ERROR_INVALID,         /* bad argument: empty range, bad colour… */
  LECTERN_PROJECT_ERROR_DUPLICATE,       /* same text imported twice; sibling tag name taken */
  LECTERN_PROJECT_ERROR_IN_USE,          /* deleting a tag in use without force */
  LECTERN_PROJECT_ERROR_QUERY,           /* malformed search query */
  LECTERN_PROJECT_ERROR_NOTHING_TO_UNDO,
  LECTERN_PROJECT_ERROR_TAMPERED,        /* schema changed outside Lectern: refused, untouched */
} LecternProjectError;

GQuark lectern_project_error_quark (void);

/* What a "changed" signal is about. */
typedef enum
{
  LECTERN_CHANGE_DOCUMENTS   = 1 << 0,
  LECTERN_CHANGE_TAGS        = 1 << 1,
  LECTERN_CHANGE_ANNOTATIONS = 1 << 2,
  LECTERN_CHANGE_MEMOS       = 1 << 3,
  LECTERN_CHANGE_ALIGNMENTS  = 1 << 4,
  LECTERN_CHANGE_ALL         = 0x1f,
} LecternChange;

typedef enum
{
  LECTERN_MEMO_PROJECT,
  LECTERN_MEMO_DOCUMENT,
  LECTERN_MEMO_TAG,
} LecternMemoTarget;

/* One hand-corrected pair of a translation alignment: spans in code
 * points; a side of -1/-1 means unpaired. */
typedef struct
{
  glong a_start, a_end;
  glong b_start, b_end;
} LecternSpanPair;

/* A stored fingerprint found by a lookup. */
typedef struct
{
  gint64  document_id;
  guint64 hash;
  glong   start;
  glong   end;
} LecternFingerprintHit;

/* The schema version this Lectern writes (PRAGMA user_version). */
#define LECTERN_PROJECT_SCHEMA_VERSION 7

#define LECTERN_TYPE_PROJECT (lectern_project_get_type ())

G_DECLARE_FINAL_TYPE (LecternProject, lectern_project, LECTERN, PROJECT, GObject)

/* ------------------------------------------------------------------ */
/* Project file                                                        */

/* Creates a new empty project. Refuses (EXISTS) any existing file except
 * an empty Lectern project, which is opened as it is. */
LecternProject *lectern_project_create             (GFile          *file,
                                                  GError        **error);
/* Opens an existing project, migrating an older schema forward (after a
 * backup beside it). A newer schema (TOO_NEW), a non-project
 * (NOT_A_PROJECT), a corrupt or truncated file (CORRUPT), a schema that
 * is not exactly Lectern's (TAMPERED: another program added or changed a
 * table, column, index, trigger or view): refused, file untouched. No
 * file: NOT_FOUND.
 *
 * Every connection to one file in a process is counted by one registry
 * (lectern-project-registry.c), so that opening a project a second time,
 * as a worker thread does, never touches the file outside SQLite (which
 * would drop the first connection's locks), and makes no daily backup.
 * Each LecternProject is one connection, for one thread at a time. */
LecternProject *lectern_project_open               (GFile          *file,
                                                  GError        **error);
/* What a stable GUID names (lectern_project_dup_guid()). */
typedef enum
{
  LECTERN_GUID_DOCUMENT,
  LECTERN_GUID_TAG,
  LECTERN_GUID_ANNOTATION,
} LecternGuidKind;

/* Another connection to a project, for a job's worker thread
 * (lectern-job.h): checked as lectern_project_open () checks, but it never
 * migrates (an older format is refused) and never makes a backup. */
LecternProject *lectern_project_open_worker        (GFile          *file,
                                                  GError        **error);
/* A private copy of a project from elsewhere that the caller made and
 * will delete (a merge reads one): checked as lectern_project_open()
 * checks, an older format migrated in place without a backup, never
 * backed up. */
LecternProject *lectern_project_open_scratch       (GFile          *file,
                                                  GError        **error);
/* Whether @file is a project this process has open, or its write-ahead
 * log or shared-memory file. Readers of outside files (import, export)
 * refuse such a file: a descriptor of theirs on it, once closed, would
 * drop the locks that keep other processes from deleting the log. */
gboolean       lectern_project_file_is_in_use     (GFile          *file);
/* (transfer none) */
GFile         *lectern_project_get_file           (LecternProject  *self);
/* Name written into new annotations; defaults to the user's real name. */
const char    *lectern_project_get_author         (LecternProject  *self);
void           lectern_project_set_author         (LecternProject  *self,
                                                  const char     *author);

/* Coders (lectern-project-coders.c). Every passage, memo and version of
 * a text this connection writes records its current coder: the one with
 * @guid if given (renamed to @name if need be; made with that GUID if
 * the project has none), else the first coder named @name, else a new
 * one with a fresh GUID; found or made by the first write, so that
 * setting the coder writes nothing. Also sets the author
 * (lectern_project_set_author) to @name. Never set: the coder named as
 * the author. An empty or overlong name, one with control characters, or
 * a @guid that is not one: INVALID, and the coder stays as it was. */
gboolean       lectern_project_set_coder          (LecternProject  *self,
                                                  const char     *name,
                                                  const char     *guid,
                                                  GError        **error);
/* The coder every connection opened after this call starts with, in this
 * process (a job's worker connection among them); @name NULL: the
 * account's, as before. Checked as lectern_project_set_coder() checks. */
gboolean       lectern_project_set_default_coder  (const char     *name,
                                                  const char     *guid,
                                                  GError        **error);
/* The current coder, with their count of placed passages; id 0 (and
 * no GUID unless one was set) when the project has not recorded them
 * yet. (transfer full) */
LecternCoder  *lectern_project_dup_current_coder  (LecternProject  *self,
                                                  GError        **error);
/* Every coder by id, with their counts of placed passages.
 * (transfer full) (element-type LecternCoder) */
GPtrArray     *lectern_project_list_coders        (LecternProject  *self,
                                                  GError        **error);
/* For a merge: the coder with @guid, made with @name when the project
 * has none (an existing coder keeps its name). Returns the coder's id,
 * 0 on failure (INVALID: a bad name or GUID). One undo step when made. */
gint64         lectern_project_ensure_coder       (LecternProject  *self,
                                                  const char     *guid,
                                                  const char     *name,
                                                  GError        **error);
/* The stable GUID of a document, tag or passage; NOT_FOUND if none. New
 * ones get a random GUID; those from before format 5, the one .qdpx
 * exports gave them. (transfer full) */
char          *lectern_project_dup_guid           (LecternProject  *self,
                                                  LecternGuidKind kind,
                                                  gint64          id,
                                                  GError        **error);
/* Gives @kind @id the GUID @guid (any case; stored lowercase), for an
 * importer that keeps the GUIDs it reads. Not a GUID, or one that names
 * another thing of that kind: INVALID. One undo step. */
gboolean       lectern_project_set_guid           (LecternProject  *self,
                                                  LecternGuidKind kind,
                                                  gint64          id,
                                                  const char     *guid,
                                                  GError        **error);
/* Another connection (window, process) may have written: if so, emits
 * "changed" with LECTERN_CHANGE_ALL. Call when a window regains focus. */
gboolean       lectern_project_refresh            (LecternProject  *self);
/* Integrity: SQLite's own check, the search index, every annotation's quote
 * against its range, every span of structure within its text and of a
 * known kind, every original inflating to exactly its recorded size. Problems are human-readable lines. Returns TRUE when
 * sound; FALSE with @error unset when problems were found. */
gboolean       lectern_project_check              (LecternProject  *self,
                                                  GPtrArray     **problems,
                                                  GError        **error);
/* Copies the project to @dest with SQLite's online backup API. */
gboolean       lectern_project_backup             (LecternProject  *self,
                                                  GFile          *dest,
                                                  GError        **error);

/* Rotating backups, in the folder "NAME.lectern-backups" beside the
 * project NAME.lectern: made with SQLite's online backup API before any
 * migration, and when a project is opened or refreshed while the newest
 * backup is more than a day old. The newest LECTERN_PROJECT_BACKUPS_KEPT
 * are kept. Each backup is a complete project file. */
#define LECTERN_PROJECT_BACKUPS_KEPT 10

/* The backup folder of the project @file (it may not exist yet).
 * (transfer full) */
GFile         *lectern_project_dup_backup_folder  (GFile          *file);
/* The backups of the project @file, newest first; empty when there are
 * none. (transfer full) element-type GFile */
GPtrArray     *lectern_project_list_backups       (GFile          *file,
                                                  GError        **error);
/* Replaces the content of the project @file with @backup (a Lectern
 * project, e.g. one of lectern_project_list_backups()), after backing up
 * the current state as one more backup. Other windows see the restored
 * project on their next lectern_project_refresh(). A damaged project
 * (one that lectern_project_open() refuses as CORRUPT) is moved into the
 * backup folder as NAME-…-damaged.lectern and a copy of @backup takes its
 * place; close it everywhere first. */
gboolean       lectern_project_restore_backup     (GFile          *file,
                                                  GFile          *backup,
                                                  GError        **error);

/* ------------------------------------------------------------------ */
/* Batches                                                             */

/* Many changes in one transaction, for importers: while a batch is open,
 * every mutating call joins it instead of committing on its own, so a
 * hundred thousand calls cost one write to disk instead of one each.
 *
 * A call that fails inside the batch undoes only its own part and the
 * batch goes on: the caller decides whether to carry on, commit or roll
 * back. (After a failure SQLite answers by rolling back everything — disk
 * full, I/O error — every later call and the commit fail, and nothing of
 * the batch is kept.)
 *
 * lectern_project_commit_batch() makes all of it durable at once, emits
 * "changed" once with every kind of change the calls made (@document_id 0
 * when they touched several documents) and, when undo is enabled, records
 * the batch as one step. lectern_project_rollback_batch() discards all of
 * it, as if it never began. Either ends the batch; so does a failing
 * commit, which keeps nothing. Other connections see nothing of a batch
 * before its commit, and their writes wait for it (LOCKED when it takes
 * too long): keep batches to one import, never open across user input.
 *
 * Batches do not nest: begin_batch while one is open fails (FAILED).
 * Undo, redo and lectern_project_set_undo_enabled() must not be called
 * while a batch is open. */
gboolean       lectern_project_begin_batch        (LecternProject  *self,
                                                  GError        **error);
gboolean       lectern_project_commit_batch       (LecternProject  *self,
                                                  GError        **error);
void           lectern_project_rollback_batch     (LecternProject  *self);

/* A group: a few calls kept or dropped together, such as an imported
 * document with its structure, its original and its notes. Inside a batch
 * the group is a part of it (a savepoint): lectern_project_end_group() with
 * @keep FALSE undoes every call since lectern_project_begin_group() and
 * the batch goes on. Outside a batch the group is a batch of its own,
 * committed or rolled back by lectern_project_end_group(). Groups do not
 * nest. end_group with @keep TRUE fails only as a commit or a savepoint
 * release can (then nothing of the group is kept). */
gboolean       lectern_project_begin_group        (LecternProject  *self,
                                                  GError        **error);
gboolean       lectern_project_end_group          (LecternProject  *self,
                                                  gboolean        keep,
                                                  GError        **error);
/* Names the undo step of the open group when it is a batch of its own
 * ("Code Speakers" rather than the "Several changes" of its calls); inside
 * a batch, the batch's name stays its own. */
void           lectern_project_name_group         (LecternProject  *self,
                                                  const char     *label);

/* ------------------------------------------------------------------ */
/* Documents                                                           */

/* Adds a document with @text (must be stored text, see lectern-text.h,
 * and not empty: INVALID otherwise; a title is required and a date must be
 * YYYY-MM-DD). Sets the id, length, hash and import time on @document.
 * Same text twice: DUPLICATE, naming the document already there. Returns
 * the new id or 0. */
gint64           lectern_project_add_document      (LecternProject   *self,
                                                   LecternDocument *document,
                                                   const char      *text,
                                                   GError         **error);
/* Writes title, source, author, date, language and variables. */
gboolean         lectern_project_update_document   (LecternProject   *self,
                                                   LecternDocument *document,
                                                   GError         **error);
/* Deletes the document, its annotations, memo and fingerprints. */
gboolean         lectern_project_delete_document   (LecternProject   *self,
                                                   gint64           document_id,
                                                   GError         **error);
LecternDocument *lectern_project_dup_document      (LecternProject   *self,
                                                   gint64           document_id,
                                                   GError         **error);
/* All documents in import order. (transfer full) of LecternDocument */
GListModel      *lectern_project_list_documents    (LecternProject   *self,
                                                   GError         **error);

/* What a listing of documents shows, valid only during the call that
 * passes it: lectern_project_foreach_document() makes no object per
 * document, for listings of any length (`lectern-cli documents`). */
typedef struct
{
  gint64      id;
  const char *title;
  const char *language;          /* NULL: not known */
  const char *date;              /* NULL: not known */
  glong       length;            /* code points */
  guint       annotation_count;  /* placed passages */
} LecternDocumentSummary;

/* Return FALSE to stop. */
typedef gboolean (*LecternDocumentSummaryFunc) (const LecternDocumentSummary *summary,
                                                gpointer                      user_data);

/* Calls @func for each document in import order, as
 * lectern_project_list_documents() would list it. */
gboolean         lectern_project_foreach_document  (LecternProject            *self,
                                                   LecternDocumentSummaryFunc func,
                                                   gpointer                   user_data,
                                                   GError                   **error);
/* The stored text: the string that offsets count. */
char            *lectern_project_dup_text          (LecternProject   *self,
                                                   gint64           document_id,
                                                   GError         **error);

/* What the document's source format said about its text: spans of
 * structure (lectern-structure.h) over the stored text. Replaces the
 * document's spans with @structure (NULL or empty: none); a span must lie
 * within the text, be a known kind and carry a UTF-8 value (INVALID
 * otherwise, nothing changed); empty spans are not kept. One undo step. */
gboolean         lectern_project_set_document_structure (LecternProject   *self,
                                                        gint64           document_id,
                                                        GArray          *structure,
                                                        GError         **error);
/* The document's spans in text order; empty when it has none.
 * (transfer full) element-type LecternSpan */
GArray          *lectern_project_dup_document_structure (LecternProject   *self,
                                                        gint64           document_id,
                                                        GError         **error);

/* The imported file's bytes, kept with the document (deflated) so that
 * nothing of the source is lost: at most LECTERN_PROJECT_ORIGINAL_MAX_SIZE
 * bytes (INVALID beyond). Also the document's format ("pdf", "markdown"…,
 * lectern_document_get_format()): @original NULL forgets the original,
 * and the document is "text" again. One undo step. */
#define LECTERN_PROJECT_ORIGINAL_MAX_SIZE (256 * 1024 * 1024)
gboolean         lectern_project_set_document_original  (LecternProject   *self,
                                                        gint64           document_id,
                                                        const char      *format,
                                                        GBytes          *original,
                                                        GError         **error);
/* An original deflated ahead of storing it, so that the compression
 * runs before the write transaction that keeps it (an import's batch):
 * lectern_project_set_document_deflated_original() then does what
 * lectern_project_set_document_original() does with the same bytes,
 * refusing them with the same errors. Thread-safe: it touches no
 * project. */
typedef struct _LecternDeflatedOriginal LecternDeflatedOriginal;

LecternDeflatedOriginal *lectern_deflated_original_new    (const char                    *format,
                                                           GBytes                        *original);
void                     lectern_deflated_original_free   (LecternDeflatedOriginal       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternDeflatedOriginal, lectern_deflated_original_free)
gboolean         lectern_project_set_document_deflated_original (LecternProject                 *self,
                                                                 gint64                          document_id,
                                                                 const LecternDeflatedOriginal  *original,
                                                                 GError                        **error);
/* The original's bytes as imported, and its @format; NULL with no error
 * when the document keeps none (NOT_FOUND when there is no such document). A stored original that does not inflate
 * to exactly its recorded size (never past it, nor past
 * LECTERN_PROJECT_ORIGINAL_MAX_SIZE) is CORRUPT.
 * @format: (out) (optional) (transfer full) */
GBytes          *lectern_project_dup_document_original  (LecternProject   *self,
                                                        gint64           document_id,
                                                        char           **format,
                                                        GError         **error);

/* The user's corrections to the document's speaker turns
 * (lectern-turn-correction.h), kept in the order made: appends
 * @correction after the others. A SET_TURN needs a speaker, a RENAME or
 * MERGE both names (non-empty UTF-8, at most 1 KiB), an offset lies
 * within the text: INVALID otherwise, nothing changed. One undo step;
 * "changed" says LECTERN_CHANGE_DOCUMENTS. The turns with their
 * corrections applied, and the `turn` spans kept in step with them, are
 * import's (lectern-document-turns.h). */
gboolean         lectern_project_add_turn_correction    (LecternProject                *self,
                                                        gint64                        document_id,
                                                        const LecternTurnCorrection  *correction,
                                                        GError                      **error);
/* The document's corrections in the order made; empty when none.
 * (transfer full) element-type LecternTurnCorrection */
GArray          *lectern_project_dup_turn_corrections   (LecternProject                *self,
                                                        gint64                        document_id,
                                                        GError                      **error);

/* ------------------------------------------------------------------ */
/* Codebook                                                            */

/* @parent_id 0 for top level; @colour "#rrggbb" or NULL to pick from the
 * palette. Sibling names are unique (DUPLICATE). */
LecternTag *lectern_project_add_tag             (LecternProject  *self,
                                                gint64          parent_id,
                                                const char     *name,
                                                const char     *colour,
                                                GError        **error);
/* Finds the tag at @path, creating missing tags along it. */
LecternTag *lectern_project_ensure_tag_path     (LecternProject  *self,
                                                const char     *path,
                                                GError        **error);
/* NOT_FOUND when there is none. */
LecternTag *lectern_project_find_tag            (LecternProject  *self,
                                                const char     *path,
                                                GError        **error);
LecternTag *lectern_project_dup_tag             (LecternProject  *self,
                                                gint64          tag_id,
                                                GError        **error);
gboolean    lectern_project_rename_tag          (LecternProject  *self,
                                                gint64          tag_id,
                                                const char     *name,
                                                GError        **error);
gboolean    lectern_project_set_tag_colour      (LecternProject  *self,
                                                gint64          tag_id,
                                                const char     *colour,
                                                GError        **error);
gboolean    lectern_project_set_tag_description (LecternProject  *self,
                                                gint64          tag_id,
                                                const char     *description,
                                                GError        **error);
/* @new_parent_id 0 for top level; refuses moving a tag under itself. */
gboolean    lectern_project_move_tag            (LecternProject  *self,
                                                gint64          tag_id,
                                                gint64          new_parent_id,
                                                GError        **error);
/* Every annotation tagged @from_id is tagged @into_id instead; @from_id's
 * sub-tags move under @into_id; @from_id is deleted. */
gboolean    lectern_project_merge_tags          (LecternProject  *self,
                                                gint64          from_id,
                                                gint64          into_id,
                                                GError        **error);
/* Deletes the tag and its sub-tags. If any of them tags an annotation and
 * @force is FALSE: IN_USE, nothing deleted. With @force the tags are removed
 * from annotations; an annotation left with no tag is kept. */
gboolean    lectern_project_delete_tag          (LecternProject  *self,
                                                gint64          tag_id,
                                                gboolean        force,
                                                GError        **error);
/* The whole codebook, depth first, siblings by name.
 * (transfer full) of LecternTag */
GListModel *lectern_project_list_tags           (LecternProject  *self,
                                                GError        **error);

/* ------------------------------------------------------------------ */
/* Annotations                                                         */

/* Annotates [start, end) of a document; refuses empty ranges and ranges
 * outside the text (INVALID). Quote and context are taken from the text. */
LecternAnnotation *lectern_project_add_annotation       (LecternProject      *self,
                                                        gint64              document_id,
                                                        glong               start,
                                                        glong               end,
                                                        const gint64       *tag_ids,
                                                        guint               n_tags,
                                                        const char         *note,
                                                        GError            **error);
LecternAnnotation *lectern_project_dup_annotation       (LecternProject      *self,
                                                        gint64              annotation_id,
                                                        GError            **error);
/* Extends or shrinks; quote and context are taken anew. */
gboolean           lectern_project_set_annotation_range (LecternProject      *self,
                                                        gint64              annotation_id,
                                                        glong               start,
                                                        glong               end,
                                                        GError            **error);
/* @note NULL or "" clears it. */
gboolean           lectern_project_set_annotation_note  (LecternProject      *self,
                                                        gint64              annotation_id,
                                                        const char         *note,
                                                        GError            **error);
gboolean           lectern_project_set_annotation_tags  (LecternProject      *self,
                                                        gint64              annotation_id,
                                                        const gint64       *tag_ids,
                                                        guint               n_tags,
                                                        GError            **error);
gboolean           lectern_project_delete_annotation    (LecternProject      *self,
                                                        gint64              annotation_id,
                                                        GError            **error);
/* Placed annotations (orphans left out) in reading order (document, start,
 * end). @document_id 0: all documents; @tag_id 0: any tag; @with_subtags:
 * @tag_id or any tag below it. (transfer full) of LecternAnnotation */
GListModel        *lectern_project_list_annotations     (LecternProject      *self,
                                                        gint64              document_id,
                                                        gint64              tag_id,
                                                        gboolean            with_subtags,
                                                        GError            **error);
/* Inserts an annotation with the given author and times (NULL: the
 * project's author, now; @updated NULL: @created), for importers. It gets a
 * new id, returned (0 on failure). Quote and context are taken from the
 * text at the range, so an importer re-anchors first (lectern_text_anchor)
 * when its offsets may not fit; a range outside the text is INVALID, a
 * missing tag NOT_FOUND. */
gint64             lectern_project_insert_annotation    (LecternProject      *self,
                                                        gint64              document_id,
                                                        glong               start,
                                                        glong               end,
                                                        const gint64       *tag_ids,
                                                        guint               n_tags,
                                                        const char         *note,
                                                        const char         *author,
                                                        GDateTime          *created,
                                                        GDateTime          *updated,
                                                        GError            **error);

/* As lectern_project_insert_annotation(), for a merge: the passage is
 * the coder @coder_id's (0: the current coder's; no such coder:
 * NOT_FOUND) and keeps @guid (NULL: a fresh one; not a GUID: INVALID;
 * one that names another passage: the insert fails). */
gint64             lectern_project_insert_annotation_as (LecternProject      *self,
                                                        gint64              document_id,
                                                        glong               start,
                                                        glong               end,
                                                        const gint64       *tag_ids,
                                                        guint               n_tags,
                                                        const char         *note,
                                                        const char         *author,
                                                        GDateTime          *created,
                                                        GDateTime          *updated,
                                                        gint64              coder_id,
                                                        const char         *guid,
                                                        GError            **error);

/* A passage the user deleted, as its tombstone keeps it (format 7), so
 * that a merge tells "deleted here" from "added there" (issue #15). */
typedef struct
{
  char      *guid;
  char      *document_guid;  /* NULL: not known */
  gint64     coder_id;       /* 0: none */
  GDateTime *updated;        /* the passage's last change before it was deleted */
  GDateTime *deleted;
} LecternDeletedPassage;

void               lectern_deleted_passage_free         (LecternDeletedPassage *deleted);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternDeletedPassage, lectern_deleted_passage_free)

/* The tombstones, by GUID; rows a damaged file holds with a GUID or a
 * stamp that does not parse are left out. More than @limit: the first
 * @limit + 1, so that a caller can refuse. (transfer full) element-type
 * LecternDeletedPassage */
GPtrArray         *lectern_project_list_deleted_passages (LecternProject     *self,
                                                         guint              limit,
                                                         GError           **error);
/* Records a deletion made elsewhere (a merge's), unless one of that GUID
 * is already here. A passage here under that GUID: INVALID. */
gboolean           lectern_project_add_deleted_passage  (LecternProject      *self,
                                                        const LecternDeletedPassage *deleted,
                                                        GError            **error);

/* ------------------------------------------------------------------ */
/* Memos                                                               */

/* NULL when there is none (not an error). */
char     *lectern_project_dup_memo  (LecternProject      *self,
                                    LecternMemoTarget   target,
                                    gint64              id,
                                    GError            **error);
/* @text NULL or "" deletes the memo. */
gboolean  lectern_project_set_memo  (LecternProject      *self,
                                    LecternMemoTarget   target,
                                    gint64              id,
                                    const char         *text,
                                    GError            **error);
/* The same, the memo written as the coder @coder_id's (0: the current
 * coder's; no such coder: NOT_FOUND), for a merge. */
gboolean  lectern_project_set_memo_as (LecternProject      *self,
                                      LecternMemoTarget   target,
                                      gint64              id,
                                      const char         *text,
                                      gint64              coder_id,
                                      GError            **error);
/* The coder of the memo (0 when there is none, or it has no coder). */
gint64    lectern_project_get_memo_coder_id (LecternProject      *self,
                                            LecternMemoTarget   target,
                                            gint64              id,
                                            GError            **error);

/* ------------------------------------------------------------------ */
/* Search                                                              */

/* Full-text search, case and diacritics ignored. Query syntax: words (all
 * must occur), "a phrase", prefix*, a OR b, -excluded. Malformed: QUERY,
 * with a message that says what is wrong. Hits in document order, up to
 * @limit (0: no limit). (transfer full) of LecternSearchHit */
GListModel *lectern_project_search (LecternProject  *self,
                                   const char     *query,
                                   guint           limit,
                                   GCancellable   *cancellable,
                                   GError        **error);

/* ------------------------------------------------------------------ */
/* Comparison support: fingerprints and saved alignments               */

/* Writes the fingerprints of every document that has none yet, a large
 * sorted transaction at a time. Adding a document does not write them
 * (importers call this once at the end); a document whose import was cut
 * off before gets them on the next call, or the next lookup. Derived data:
 * no undo step, no "changed" signal. Cancelling between two transactions
 * keeps what was written (G_IO_ERROR_CANCELLED). */
gboolean  lectern_project_update_fingerprints (LecternProject         *self,
                                              GCancellable          *cancellable,
                                              GError               **error);
/* Stored fingerprints whose hash is one of @hashes, of every document but
 * @exclude_document_id (0: none excluded). Calls
 * lectern_project_update_fingerprints() first, so that no document is
 * missed: a write, which may fail (LOCKED, READ_ONLY…).
 * (transfer full) element-type LecternFingerprintHit */
GArray   *lectern_project_lookup_fingerprints (LecternProject         *self,
                                              const guint64         *hashes,
                                              guint                  n_hashes,
                                              gint64                 exclude_document_id,
                                              GError               **error);
/* Hand corrections of the alignment of @a with @b. (transfer full)
 * element-type LecternSpanPair; empty when none were saved. */
GArray   *lectern_project_dup_alignment       (LecternProject         *self,
                                              gint64                 document_a,
                                              gint64                 document_b,
                                              GError               **error);
/* Replaces the saved corrections of @a with @b. */
gboolean  lectern_project_set_alignment       (LecternProject         *self,
                                              gint64                 document_a,
                                              gint64                 document_b,
                                              const LecternSpanPair *pairs,
                                              guint                  n_pairs,
                                              GError               **error);
/* Saves @pairs as corrections of @a with @b, replacing the saved pairs
 * they overlap (on either side) and keeping the others: a merge or a
 * split in one transaction and one undo step. On failure nothing is
 * saved. */
gboolean  lectern_project_correct_alignment   (LecternProject         *self,
                                              gint64                 document_a,
                                              gint64                 document_b,
                                              const LecternSpanPair *pairs,
                                              guint                  n_pairs,
                                              GError               **error);

/* ------------------------------------------------------------------ */
/* Undo                                                                */

/* Off by default (the CLI does not need it); the app turns it on. Each
 * successful mutating call is one step; steps survive document switches. */
void        lectern_project_set_undo_enabled (LecternProject  *self,
                                             gboolean        enabled);
gboolean    lectern_project_get_can_undo     (LecternProject  *self);
gboolean    lectern_project_get_can_redo     (LecternProject  *self);
/* Short translated label of the step ("Tag passage"), or NULL. */
const char *lectern_project_get_undo_label   (LecternProject  *self);
const char *lectern_project_get_redo_label   (LecternProject  *self);
gboolean    lectern_project_undo             (LecternProject  *self,
                                             GError        **error);
gboolean    lectern_project_redo             (LecternProject  *self,
                                             GError        **error);

/* ------------------------------------------------------------------ */
/* Live list models                                                    */

/* Owned by the project and shared by every view of the project, kept
 * current by every change (local ones, undo and redo, batches) before
 * "changed" is emitted, with precise items-changed. While one exists the
 * project runs lectern_project_refresh() every second on the main context
 * of the thread that made it, so that other processes' writes appear.
 *
 * The documents in import order (a LecternDocumentList).
 * (transfer none) of LecternDocument */
GListModel *lectern_project_get_documents (LecternProject  *self);
/* The codebook, as lectern_project_list_tags() gives it, with each tag's
 * passage count (a LecternTagTree). (transfer none) of LecternTag */
GListModel *lectern_project_get_tag_tree  (LecternProject  *self);
/* The passages of @document_id by start (a LecternPassageList); the same
 * list for every caller while one holds it. (transfer full) of
 * LecternAnnotation */
GListModel *lectern_project_dup_passages  (LecternProject  *self,
                                          gint64          document_id);

G_END_DECLS
