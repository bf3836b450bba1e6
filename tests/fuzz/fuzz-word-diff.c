/* fuzz-word-diff.c — libFuzzer target: the word-level difference of two
 * versions of a text.
 *
 * The input holds both texts, split at its first NUL byte (or in the
 * middle when there is none). The chunks must cover both texts exactly,
 * in order, and without ignore flags an EQUAL chunk is the same text on
 * both sides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "lectern-compare.h"

static void
check_chunks (const char           *a,
              const char           *b,
              LecternWordDiffFlags  flags)
{
  g_autoptr(GArray) chunks = NULL;
  LecternDiffSummary summary = { 0, };
  glong a_len = lectern_text_length (a);
  glong b_len = lectern_text_length (b);
  glong a_pos = 0, b_pos = 0;

  chunks = lectern_word_diff (a, b, flags, &summary);
  g_assert_nonnull (chunks);
  for (guint i = 0; i < chunks->len; i++)
    {
      const LecternChunk *c = &g_array_index (chunks, LecternChunk, i);

      g_assert_true (c->kind == LECTERN_CHUNK_EQUAL || c->kind == LECTERN_CHUNK_INSERT ||
                     c->kind == LECTERN_CHUNK_DELETE || c->kind == LECTERN_CHUNK_REPLACE);
      g_assert_cmpint (c->a_start, ==, a_pos);
      g_assert_cmpint (c->b_start, ==, b_pos);
      g_assert_cmpint (c->a_start, <=, c->a_end);
      g_assert_cmpint (c->b_start, <=, c->b_end);
      if (c->kind == LECTERN_CHUNK_INSERT)
        g_assert_cmpint (c->a_start, ==, c->a_end);
      if (c->kind == LECTERN_CHUNK_DELETE)
        g_assert_cmpint (c->b_start, ==, c->b_end);
      if (c->kind == LECTERN_CHUNK_EQUAL && flags == LECTERN_WORD_DIFF_NONE)
        {
          g_autofree char *sa = lectern_text_slice (a, c->a_start, c->a_end);
          g_autofree char *sb = lectern_text_slice (b, c->b_start, c->b_end);

          g_assert_cmpstr (sa, ==, sb);
        }
      a_pos = c->a_end;
      b_pos = c->b_end;
    }
  g_assert_cmpint (a_pos, ==, a_len);
  g_assert_cmpint (b_pos, ==, b_len);
  if (strcmp (a, b) == 0)
    g_assert_cmpuint (summary.words_added + summary.words_removed + summary.words_changed, ==, 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *nul = memchr (data, '\0', size);
  size_t a_size = nul != NULL ? (size_t) (nul - data) : size / 2;
  size_t b_offset = nul != NULL ? a_size + 1 : a_size;
  g_autofree char *a_valid = g_utf8_make_valid ((const char *) data, a_size);
  g_autofree char *b_valid = g_utf8_make_valid ((const char *) data + b_offset, size - b_offset);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  fuzz_init ();
  a = lectern_text_normalize (a_valid, -1);
  b = lectern_text_normalize (b_valid, -1);
  g_assert_nonnull (a);
  g_assert_nonnull (b);

  check_chunks (a, b, LECTERN_WORD_DIFF_NONE);
  check_chunks (a, b, LECTERN_WORD_DIFF_IGNORE_WHITESPACE | LECTERN_WORD_DIFF_IGNORE_PUNCTUATION);
  return 0;
}
