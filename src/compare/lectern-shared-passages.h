/* lectern-shared-passages.h — passages two texts share exactly or nearly,
 * and where else in a corpus a passage occurs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_COMPARE_INSIDE) && !defined (LECTERN_COMPARE_COMPILATION)
# error "Only <lectern-compare.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-comparison.h"
#include "lectern-core.h"

G_BEGIN_DECLS

/* Shortest passage reported, in words, when the caller passes 0. */
#define LECTERN_SHARED_MIN_WORDS 8

/* Finds the passages shared by @a and @b — quotations, reused paragraphs,
 * boilerplate — by word n-grams (case and diacritics ignored), each
 * extended to its full length and merged across small edits.
 * @min_words: shortest passage to report, 0 for LECTERN_SHARED_MIN_WORDS.
 * Returns: (transfer full) element-type LecternChunk, all SHARED, by a's
 * offsets; score is the share of words the two sides have in common. */
GArray *lectern_shared_passages (const char *a,
                                 const char *b,
                                 guint       min_words);

/* A place where a passage occurs. */
typedef struct
{
  gint64 document_id;
  glong  start;        /* code points, end exclusive */
  glong  end;
  /* Words in common, 2m / (words of the passage + words of the place):
   * 1 for an exact repeat, lower for an edited or partial one. */
  double similarity;
} LecternPlace;

/* Where else does [start, end) of @document_id occur in @project? Every other
 * document, and other places of the same document, holding the passage
 * exactly or lightly edited (similarity 0.3 or more); the queried range
 * itself is left out. The queried document is searched whole; the others
 * through their stored fingerprints, which catch any shared stretch of
 * LECTERN_FINGERPRINT_GUARANTEE words or more.
 * Passages shorter than LECTERN_FINGERPRINT_WORDS words find nothing.
 * Errors: LECTERN_COMPARE_ERROR_INVALID for an empty range or one outside
 * the text, project errors as they come, G_IO_ERROR_CANCELLED.
 * Returns: (transfer full) element-type LecternPlace, most similar first
 * (then by document and start), or NULL with @error set. */
GArray *lectern_where (LecternProject  *project,
                       gint64          document_id,
                       glong           start,
                       glong           end,
                       GCancellable   *cancellable,
                       GError        **error);

G_END_DECLS
