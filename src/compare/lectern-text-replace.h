/* lectern-text-replace.h — a document's text replaced by a revised
 * version, its passages carried over by the word difference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_COMPARE_INSIDE) && !defined (LECTERN_COMPARE_COMPILATION)
# error "Only <lectern-compare.h> can be included directly."
#endif

#include "lectern-core.h"

G_BEGIN_DECLS

/* How alike (0–1, by the words of the quote, folded) a stretch of the new
 * text must be to a passage's quote for the passage to be moved there when
 * neither the word difference nor its exact quote and context place it. */
#define LECTERN_TEXT_REPLACE_MIN_SIMILARITY 0.8

/* Replaces the text of @document_id with @new_text (brought to the stored
 * text rules first), in one transaction and one undo step, recording a new
 * version. Each placed passage goes where the word difference between the
 * old and new text takes its words (kept, moved, or resized when some of
 * them changed); a passage none of whose words survive is looked for by
 * its quote and context (exactly, then case and accents aside), then by
 * close matches of at least LECTERN_TEXT_REPLACE_MIN_SIMILARITY, and
 * counted as moved; what is still not found becomes an orphan.
 * @report: (out) (optional). */
gboolean lectern_text_replace (LecternProject     *project,
                               gint64             document_id,
                               const char        *new_text,
                               LecternEditReport *report,
                               GError           **error);

/* The same in two halves, for an app: the word difference (up to about a
 * second on a long text) worked out in a job, touching no project, then
 * applied on the project's own connection, where it is one undo step. */
typedef struct _LecternTextReplacement LecternTextReplacement;

/* @old_text: the document's text; @passages: its placed passages
 * (element-type LecternAnnotation, as lectern_project_list_annotations()
 * gives them). NULL with LECTERN_COMPARE_ERROR_INVALID when @new_text is
 * not UTF-8. Thread-safe. (transfer full) */
LecternTextReplacement *lectern_text_replacement_compute (const char               *old_text,
                                                          const char               *new_text,
                                                          GListModel               *passages,
                                                          GError                  **error);
/* Applies it to @document_id, whose text must still be the old text
 * (else LECTERN_PROJECT_ERROR_FAILED, nothing changed). */
gboolean                lectern_text_replacement_apply   (LecternTextReplacement   *self,
                                                          LecternProject           *project,
                                                          gint64                    document_id,
                                                          LecternEditReport        *report,
                                                          GError                  **error);
void                    lectern_text_replacement_free    (LecternTextReplacement   *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternTextReplacement, lectern_text_replacement_free)

G_END_DECLS
