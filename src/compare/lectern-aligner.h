/* lectern-aligner.h — alignment of a text with its translation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_COMPARE_INSIDE) && !defined (LECTERN_COMPARE_COMPILATION)
# error "Only <lectern-compare.h> can be included directly."
#endif

#include <glib.h>

#include "lectern-comparison.h"
#include "lectern-core.h"

G_BEGIN_DECLS

/* Aligns the paragraphs of @a with those of @b (paragraphs are separated
 * by blank lines, or by line breaks in texts that use one line per
 * paragraph) by their lengths and shared anchors (numbers, names, dates,
 * quotation marks), one-to-one, one-to-two, two-to-one or unpaired (Gale
 * and Church's method). Within a pair of long paragraphs the sentences are
 * aligned the same way (ICU sentence breaks for @language_a/@language_b,
 * ISO 639 codes or NULL).
 *
 * @fixed: hand corrections (LecternSpanPair, as lectern_project_dup_alignment()
 * returns them), or NULL. Each comes out as a PAIR chunk exactly as given
 * and the rest is aligned around them: no other chunk overlaps a fixed span.
 *
 * Returns: (transfer full) element-type LecternChunk, all of kind PAIR,
 * in text order; a side is -1/-1 where a segment has no counterpart. The
 * spans exclude the blank lines and line breaks between segments. */
GArray *lectern_align (const char            *a,
                       const char            *language_a,
                       const char            *b,
                       const char            *language_b,
                       const LecternSpanPair *fixed,
                       guint                  n_fixed);

G_END_DECLS
