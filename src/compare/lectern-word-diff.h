/* lectern-word-diff.h — word-level difference of two versions of a text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_COMPARE_INSIDE) && !defined (LECTERN_COMPARE_COMPILATION)
# error "Only <lectern-compare.h> can be included directly."
#endif

#include <glib.h>

#include "lectern-comparison.h"

G_BEGIN_DECLS

typedef enum
{
  LECTERN_WORD_DIFF_NONE               = 0,
  /* Changes made only of whitespace (a line break for a space, doubled
   * spaces) are reported as EQUAL. */
  LECTERN_WORD_DIFF_IGNORE_WHITESPACE  = 1 << 0,
  /* Changes made only of punctuation (and whitespace) are reported as EQUAL. */
  LECTERN_WORD_DIFF_IGNORE_PUNCTUATION = 1 << 1,
} LecternWordDiffFlags;

/* Compares @a and @b token by token (words, whitespace runs, single
 * punctuation marks). The chunks — EQUAL, INSERT, DELETE, REPLACE, in text
 * order — cover both texts exactly: each chunk starts where the previous
 * one ended on both sides. With an ignore flag an EQUAL chunk may differ in
 * whitespace or punctuation, so its two sides can differ in length.
 *
 * Bounded: on inputs where an exact minimal difference would cost too much
 * (no common words, endless repeats) a region is reported as one coarser
 * REPLACE instead; no input takes more than about a second.
 *
 * @summary: (out) (optional): words added, removed, changed.
 * Returns: (transfer full) element-type LecternChunk */
GArray *lectern_word_diff (const char           *a,
                           const char           *b,
                           LecternWordDiffFlags  flags,
                           LecternDiffSummary   *summary);

G_END_DECLS
