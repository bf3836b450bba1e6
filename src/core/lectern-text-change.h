/* lectern-text-change.h — changing a document's text after coding it:
 * passages follow the words, every version is kept (issue #19).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-project.h"

G_BEGIN_DECLS

/* One piece of a change from an old text to a new one: the old code points
 * [old_start, old_end) became the new [new_start, new_end). The segments
 * of a change cover both texts, in order, each starting where the previous
 * ended on both sides. @equal: the two sides hold the same text, so that a
 * passage on it keeps its words; otherwise the words were replaced (one
 * side may be empty: an insertion or a deletion). */
typedef struct
{
  glong    old_start;
  glong    old_end;
  glong    new_start;
  glong    new_end;
  gboolean equal;
} LecternTextSegment;

/* A placement found by other means than the segments (a quote found again
 * in the new text): the passage goes to [start, end) of the new text and
 * counts as moved. */
typedef struct
{
  gint64 annotation_id;
  glong  start;
  glong  end;
} LecternPassagePlacement;

/* What a change did to the document's placed passages. @kept: same range
 * and words; @moved: same words elsewhere; @resized: its words changed;
 * @orphaned: all of its words were removed (it keeps its quote, note,
 * tags and coder, and waits to be placed again). */
typedef struct
{
  guint kept;
  guint moved;
  guint resized;
  guint orphaned;
} LecternEditReport;

/* Replaces code points [start, end) of the document's text with
 * @replacement ("" or NULL deletes), in one transaction and one undo step.
 * @replacement is brought to the stored-text rules (NFC, "\n", no BOM);
 * where it would join a neighbour (a combining mark after a letter) the
 * edit takes in that neighbour. Passages before the edit stay, those after
 * it shift, those it cuts into are resized, those whose words it removes
 * entirely become orphans; their quotes and contexts follow, and so do
 * the search index, fingerprints, structure spans, turn corrections and
 * alignments. A new version of the text is recorded. An edit that changes
 * nothing records nothing. Fails with LECTERN_PROJECT_ERROR_INVALID
 * (changing nothing) on a range outside the text or on text that cannot
 * be stored. @report: (out) (optional). */
gboolean    lectern_project_edit_text        (LecternProject                *self,
                                             gint64                        document_id,
                                             glong                         start,
                                             glong                         end,
                                             const char                   *replacement,
                                             LecternEditReport            *report,
                                             GError                      **error);

/* Typing in @document_id (0 ends it): until the run ends, each of its
 * text edits joins the previous one's undo step and version when nothing
 * else became a step between them, so that a word typed is one step and
 * one version, yet every keystroke is committed as it is made. A new call
 * starts a new run; undo and redo end it. */
void        lectern_project_set_typing_run   (LecternProject                *self,
                                             gint64                        document_id);

/* The general form (what a replacement by word difference uses): the
 * document's text, which must still be @old_text (else FAILED, nothing
 * changed: it changed since the change was worked out), becomes @new_text
 * (stored text), with @segments (element-type LecternTextSegment) saying
 * how the old maps onto it, and @placements (element-type
 * LecternPassagePlacement, nullable) placing passages the segments would
 * orphan. @description says what changed, in the versions list. One
 * transaction, one undo step named @undo_label. */
gboolean    lectern_project_change_text      (LecternProject                *self,
                                             gint64                        document_id,
                                             const char                   *old_text,
                                             const char                   *new_text,
                                             GArray                       *segments,
                                             GArray                       *placements,
                                             const char                   *description,
                                             const char                   *undo_label,
                                             LecternEditReport            *report,
                                             GError                      **error);

/* The orphaned passages of @document_id (0: of every document), by
 * document and id. (transfer full) element-type LecternAnnotation */
GListModel *lectern_project_list_orphans     (LecternProject                *self,
                                             gint64                        document_id,
                                             GError                      **error);

/* Places an orphan again on [start, end) of its document's current text
 * (or moves a placed passage there), with the quote and context of those
 * words; one undo step. */
gboolean    lectern_project_place_annotation (LecternProject                *self,
                                             gint64                        annotation_id,
                                             glong                         start,
                                             glong                         end,
                                             GError                      **error);

/* The versions of a document's text, oldest first
 * (element-type LecternDocumentVersion); a document never changed has one,
 * the text it was imported with. (transfer full) */
GListModel *lectern_project_list_document_versions (LecternProject      *self,
                                                   gint64              document_id,
                                                   GError            **error);

/* The text of version @version (1 is the text as imported). (transfer full) */
char       *lectern_project_dup_document_version_text (LecternProject  *self,
                                                      gint64          document_id,
                                                      guint           version,
                                                      GError        **error);

G_END_DECLS
