/* lectern-project-merge.h — bringing another copy's work into this
 * project (issue #15): a `.lectern` project or a REFI-QDA `.qdpx`.
 *
 * Two steps with one plan. lectern_merge_plan_new() reads OTHER (an
 * untrusted file: bounded, never written, never run) into memory and
 * compares it with the project: what would be added, what is already
 * there (matched), what differs on the two sides (a conflict, kept both
 * ways). It only reads, so it runs off the main thread, in a LecternJob
 * (lectern_merge_plan_async()). lectern_merge_plan_apply() then writes
 * the plan into the project in one transaction, recorded as one undo
 * step ("Merge Project").
 *
 * Matching:
 * - coders by their stable GUID, never by name; a new GUID is added with
 *   its name; the same GUID under another name keeps this project's name
 *   (a conflict, listed);
 * - documents by their stored text (content hash); a document with the
 *   same GUID but another text is a conflict: the other's text is added
 *   as a document of its own, titled "TITLE (from OTHER)", under a new
 *   GUID;
 * - tags by GUID, then by full path; a tag matched by GUID whose name,
 *   colour or parent differs is a conflict: this project's tag stays as
 *   it is, and the other's passages are tagged with it (their tag is the
 *   same tag by its GUID), the difference listed and noted in the tag's
 *   memo ("In OTHER this tag is “PATH” (#colour).");
 * - passages by GUID: the same GUID with the same range and tags is
 *   matched (unless its note differs: a conflict, the other's note
 *   appended to this one's); with another range or tags, a conflict,
 *   kept both ways (the
 *   other's is added with a new GUID); without a GUID match, a passage of
 *   the same coder with the same range and tags is matched; anything else
 *   is added with its GUID and its own coder;
 * - deletions, by the tombstones a deletion leaves (deleted_passages): a
 *   passage of OTHER deleted here stays deleted (matched) if its
 *   `updated` stamp is the one it had when deleted here, and otherwise,
 *   edited there since, is a conflict and added back under its GUID,
 *   lifting the deletion. A passage here deleted in OTHER and unchanged
 *   here since is deleted (matched, "deleted here too"); edited here
 *   since, a conflict, kept. OTHER's deletions not known here are
 *   recorded here, so that a later merge with a third copy behaves. A
 *   .qdpx has none;
 * - memos: a project holds one memo per target (project, document, tag).
 *   Absent here: added with its author. The same text: matched. Another
 *   text: a conflict, kept both ways, the other's text appended to this
 *   one's under a line naming OTHER and its author.
 *
 * A merge of a project with itself (or a copy of it) matches everything
 * and changes nothing; merging A into B or B into A gives the same
 * passages (by document text, coder, range and tags), deletions
 * included.
 *
 * What is not carried: a document's earlier versions (only its current
 * text), its original file and structure, passages left orphaned by an
 * edit, turn corrections and translation alignments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-core.h"

G_BEGIN_DECLS

/* Bounds on what is read from OTHER: past one, the merge is refused
 * (LECTERN_IMPORT_ERROR_TOO_LARGE), naming the file and the bound. */
#define LECTERN_MERGE_MAX_FILE_SIZE   (G_GINT64_CONSTANT (2048) * 1024 * 1024)
#define LECTERN_MERGE_MAX_DOCUMENTS   100000
#define LECTERN_MERGE_MAX_TAGS        100000
#define LECTERN_MERGE_MAX_PASSAGES    2000000
#define LECTERN_MERGE_MAX_CODERS      10000

typedef enum
{
  LECTERN_MERGE_ADDED,     /* new here: the merge adds it */
  LECTERN_MERGE_MATCHED,   /* already here: nothing to do */
  LECTERN_MERGE_CONFLICT,  /* differs on the two sides: kept both ways */
} LecternMergeOutcome;

typedef enum
{
  LECTERN_MERGE_CODER,
  LECTERN_MERGE_DOCUMENT,
  LECTERN_MERGE_TAG,
  LECTERN_MERGE_PASSAGE,
  LECTERN_MERGE_MEMO,
} LecternMergeKind;

/* One line of a plan; read-only properties "kind", "outcome"
 * (LECTERN_TYPE_MERGE_KIND, LECTERN_TYPE_MERGE_OUTCOME) and
 * "description", for a list view. */
#define LECTERN_TYPE_MERGE_ITEM (lectern_merge_item_get_type ())
G_DECLARE_FINAL_TYPE (LecternMergeItem, lectern_merge_item, LECTERN, MERGE_ITEM, GObject)

LecternMergeKind    lectern_merge_item_get_kind        (LecternMergeItem *self);
LecternMergeOutcome lectern_merge_item_get_outcome     (LecternMergeItem *self);
/* A translated sentence for a person: "Document “Interview 3” is added",
 * "Tag “Work” is “Labour” in OTHER: both kept"… */
const char         *lectern_merge_item_get_description (LecternMergeItem *self);

#define LECTERN_TYPE_MERGE_PLAN (lectern_merge_plan_get_type ())
G_DECLARE_FINAL_TYPE (LecternMergePlan, lectern_merge_plan, LECTERN, MERGE_PLAN, GObject)

/* Reads @other (a .lectern or .qdpx, told by its content) and plans its
 * merge into @project, reading only: safe on a worker's connection
 * (the LecternJob's @project). @job (nullable) gets progress reports.
 * @other the very file of @project gives a plan where everything is
 * matched. A file that cannot be read, is not a project or a .qdpx, is
 * damaged or past the bounds above (or its tags nested past
 * LECTERN_TAG_MAX_DEPTH): NULL and @error (a
 * LECTERN_IMPORT_ERROR or LECTERN_PROJECT_ERROR naming @other and the
 * reason); cancelled: G_IO_ERROR_CANCELLED. (transfer full) */
LecternMergePlan *lectern_merge_plan_new              (LecternProject       *project,
                                                      GFile               *other,
                                                      LecternJob          *job,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
/* The same in a LecternJob on @project_file, for the app; @progress
 * (nullable) as lectern_job_set_progress() takes it. */
void              lectern_merge_plan_new_async        (GFile                *project_file,
                                                      GFile               *other,
                                                      LecternJobProgressFunc progress,
                                                      gpointer             progress_data,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/* (transfer full) */
LecternMergePlan *lectern_merge_plan_new_finish       (GAsyncResult        *result,
                                                      GError             **error);

/* (transfer none) */
GFile            *lectern_merge_plan_get_other        (LecternMergePlan    *self);
/* Items of @kind the merge adds (conflicts kept both ways not counted). */
guint             lectern_merge_plan_get_n_added      (LecternMergePlan    *self,
                                                      LecternMergeKind     kind);
/* Items of any kind already present. */
guint             lectern_merge_plan_get_n_matched    (LecternMergePlan    *self);
/* Items of @kind with @outcome: for each kind, added + matched +
 * conflicts is everything of that kind OTHER holds (for passages, plus
 * OTHER's deletions of passages that are here). */
guint             lectern_merge_plan_count            (LecternMergePlan    *self,
                                                      LecternMergeKind     kind,
                                                      LecternMergeOutcome  outcome);
guint             lectern_merge_plan_get_n_conflicts  (LecternMergePlan    *self);
/* Every item in the order planned: coders, documents, tags, passages,
 * memos. (transfer none) element-type LecternMergeItem */
GListModel       *lectern_merge_plan_get_items        (LecternMergePlan    *self);
/* Whether applying would change nothing (everything matched, no
 * deletion to carry over). */
gboolean          lectern_merge_plan_is_empty         (LecternMergePlan    *self);

/* Writes the merge into @project (the main connection, for the app:
 * undo on there makes it one step, "Merge Project") in one transaction.
 * The plan is made again inside that transaction, so that a change to
 * the project since the preview is taken into account; @self then
 * holds what was done. On failure nothing changed. Must not be called
 * inside a batch. */
gboolean          lectern_merge_plan_apply            (LecternMergePlan    *self,
                                                      LecternProject      *project,
                                                      GError             **error);

G_END_DECLS
