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

G_END_DECLS
