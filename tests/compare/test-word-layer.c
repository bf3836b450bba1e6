/* test-word-layer.c — fingerprints, shared passages and the word diff see
 * the same words: the ones of lectern-words.h, on every text of the fuzz
 * corpus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lectern-compare.h"
#include "lectern-core.h"

static const char *corpus_dirs[] = {
  "tests/fuzz/corpus/fuzz-word-diff",
  "tests/fuzz/regressions/fuzz-word-diff",
  "tests/fuzz/corpus/fuzz-metadata-guesser",
  "tests/fuzz/corpus/fuzz-search-query",
};

/* Does a word of @words start (or end, if @end) at @offset? */
static gboolean
at_word (GArray   *words,
         glong     offset,
         gboolean  end)
{
  for (guint i = 0; i < words->len; i++)
    {
      const LecternWord *word = &g_array_index (words, LecternWord, i);

      if ((end ? word->end : word->start) == offset)
        return TRUE;
    }
  return FALSE;
}

static void
check_text (const char *name,
            const char *text)
{
  g_autoptr(GArray) words = lectern_words_split (text, -1, 0);
  g_autoptr(GArray) shingles = lectern_fingerprint_compute_all (text);
  g_autoptr(GArray) diff = NULL;
  g_autoptr(GArray) shared = NULL;
  LecternDiffSummary summary = { 0, };
  LecternWordIter iter;
  guint n = 0;

  g_test_message ("%s: %u words", name, words->len);

  /* The word diff's tokens: its words are these words. */
  lectern_word_iter_init (&iter, text, -1, 0, LECTERN_WORD_ITER_TOKENS | LECTERN_WORD_ITER_FOLD);
  while (lectern_word_iter_next (&iter))
    {
      const LecternWord *word;

      if (iter.kind != LECTERN_TOKEN_WORD)
        continue;
      g_assert_cmpuint (n, <, words->len);
      word = &g_array_index (words, LecternWord, n++);
      g_assert_cmpint (iter.start, ==, word->start);
      g_assert_cmpint (iter.end, ==, word->end);
      g_assert_cmpuint (iter.hash, ==, word->hash);
    }
  g_assert_cmpuint (n, ==, words->len);

  /* … and it counts them so: every word is added to an empty text. */
  diff = lectern_word_diff ("", text, LECTERN_WORD_DIFF_NONE, &summary);
  g_assert_cmpuint (summary.words_added, ==, words->len);
  g_assert_cmpuint (summary.words_changed, ==, 0);

  /* The fingerprints: shingle i spans words i to i + WORDS - 1. */
  g_assert_cmpuint (shingles->len, ==, words->len >= LECTERN_FINGERPRINT_WORDS
                                       ? words->len - LECTERN_FINGERPRINT_WORDS + 1 : 0);
  for (guint i = 0; i < shingles->len; i++)
    {
      const LecternFingerprint *fp = &g_array_index (shingles, LecternFingerprint, i);

      g_assert_cmpint (fp->start, ==, g_array_index (words, LecternWord, i).start);
      g_assert_cmpint (fp->end, ==, g_array_index (words, LecternWord, i + LECTERN_FINGERPRINT_WORDS - 1).end);
    }

  /* Shared passages start and end on these words, on both sides. */
  shared = lectern_shared_passages (text, text, 3);
  for (guint i = 0; i < shared->len; i++)
    {
      const LecternChunk *chunk = &g_array_index (shared, LecternChunk, i);

      g_assert_true (at_word (words, chunk->a_start, FALSE));
      g_assert_true (at_word (words, chunk->a_end, TRUE));
      g_assert_true (at_word (words, chunk->b_start, FALSE));
      g_assert_true (at_word (words, chunk->b_end, TRUE));
    }
  /* A text shares itself whole. */
  if (words->len >= LECTERN_SHARED_MIN_WORDS && shared->len > 0)
    g_assert_cmpint (g_array_index (shared, LecternChunk, 0).a_start, ==,
                     g_array_index (words, LecternWord, 0).start);
}

static void
test_fuzz_corpus (void)
{
  const char *source = g_getenv ("LECTERN_SOURCE_DIR");
  guint n_texts = 0;

  if (source == NULL)
    {
      g_test_skip ("LECTERN_SOURCE_DIR is not set: run through meson test");
      return;
    }

  for (guint d = 0; d < G_N_ELEMENTS (corpus_dirs); d++)
    {
      g_autofree char *path = g_build_filename (source, corpus_dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          g_autofree char *contents = NULL;
          g_autofree char *text = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
          /* Both halves of a word-diff seed, as one text. */
          for (gsize i = 0; i < length; i++)
            if (contents[i] == '\0')
              contents[i] = '\n';
          text = g_utf8_make_valid (contents, length);
          check_text (name, text);
          n_texts++;
        }
    }

  g_assert_cmpuint (n_texts, >=, 20);
}

static void
test_languages (void)
{
  /* Starting with a combining mark: a word for all three, from its mark. */
  check_text ("languages",
              "\xcc\x81" "accord, l’accord franco-russe de 1891 : « Sécurité » et SÉCURITÉ, naïve façade. "
              "\xcc\x81" "accent. Министр иностранных дел Гирс подписал. 日本語の文章と中文。 "
              "हिन्दी भाषा 👍🏽 🇫🇷 3,14 co-operation x\xee\x80\x80y Tiếng Việt 한국어 "
              "L’accord franco-russe de 1891 : « Sécurité » et SÉCURITÉ, naïve façade.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/WordLayer/fuzz-corpus", test_fuzz_corpus);
  g_test_add_func ("/Lectern/WordLayer/languages", test_languages);

  return g_test_run ();
}
