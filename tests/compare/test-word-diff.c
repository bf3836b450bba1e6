/* test-word-diff.c — versions: word-level differences against known answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lectern-compare.h"
#include "lectern-core.h"

/* Chunks must tile both texts: each starts where the previous ended, the
 * first at 0, the last at the end; EQUAL chunks hold the same text unless
 * an ignore flag is set; INSERT has an empty a side, DELETE an empty b. */
static void
assert_covering (const char           *a,
                 const char           *b,
                 GArray               *chunks,
                 LecternWordDiffFlags  flags)
{
  glong pa = 0, pb = 0;

  for (guint i = 0; i < chunks->len; i++)
    {
      const LecternChunk *c = &g_array_index (chunks, LecternChunk, i);

      g_assert_cmpint (c->a_start, ==, pa);
      g_assert_cmpint (c->b_start, ==, pb);
      g_assert_cmpint (c->a_end, >=, c->a_start);
      g_assert_cmpint (c->b_end, >=, c->b_start);
      g_assert_true (c->a_end > c->a_start || c->b_end > c->b_start);

      switch (c->kind)
        {
        case LECTERN_CHUNK_EQUAL:
          if (flags == LECTERN_WORD_DIFF_NONE)
            {
              g_autofree char *x = lectern_text_slice (a, c->a_start, c->a_end);
              g_autofree char *y = lectern_text_slice (b, c->b_start, c->b_end);

              g_assert_cmpstr (x, ==, y);
            }
          break;
        case LECTERN_CHUNK_INSERT:
          g_assert_cmpint (c->a_start, ==, c->a_end);
          break;
        case LECTERN_CHUNK_DELETE:
          g_assert_cmpint (c->b_start, ==, c->b_end);
          break;
        case LECTERN_CHUNK_REPLACE:
          g_assert_cmpint (c->a_start, <, c->a_end);
          g_assert_cmpint (c->b_start, <, c->b_end);
          break;
        case LECTERN_CHUNK_PAIR:
        case LECTERN_CHUNK_SHARED:
        default:
          g_assert_not_reached ();
        }

      /* Neighbours of the same kind would have been one chunk. */
      if (i > 0)
        {
          const LecternChunk *prev = &g_array_index (chunks, LecternChunk, i - 1);

          g_assert_false (prev->kind == LECTERN_CHUNK_EQUAL && c->kind == LECTERN_CHUNK_EQUAL);
          g_assert_false (prev->kind != LECTERN_CHUNK_EQUAL && c->kind != LECTERN_CHUNK_EQUAL);
        }

      pa = c->a_end;
      pb = c->b_end;
    }

  g_assert_cmpint (pa, ==, lectern_text_length (a));
  g_assert_cmpint (pb, ==, lectern_text_length (b));
}

/* The difference written as a reader sees it: {=same}{+inserted}
 * {-deleted}{old→new}. */
static char *
render (const char *a,
        const char *b,
        GArray     *chunks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < chunks->len; i++)
    {
      const LecternChunk *c = &g_array_index (chunks, LecternChunk, i);
      g_autofree char *x = lectern_text_slice (a, c->a_start, c->a_end);
      g_autofree char *y = lectern_text_slice (b, c->b_start, c->b_end);

      switch (c->kind)
        {
        case LECTERN_CHUNK_EQUAL:
          g_string_append_printf (out, "{=%s}", x);
          break;
        case LECTERN_CHUNK_INSERT:
          g_string_append_printf (out, "{+%s}", y);
          break;
        case LECTERN_CHUNK_DELETE:
          g_string_append_printf (out, "{-%s}", x);
          break;
        case LECTERN_CHUNK_REPLACE:
          g_string_append_printf (out, "{%s→%s}", x, y);
          break;
        case LECTERN_CHUNK_PAIR:
        case LECTERN_CHUNK_SHARED:
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (out, FALSE);
}

static void
check_diff (const char           *a,
            const char           *b,
            LecternWordDiffFlags  flags,
            const char           *expected)
{
  g_autoptr(GArray) chunks = lectern_word_diff (a, b, flags, NULL);
  g_autofree char *rendered = render (a, b, chunks);

  assert_covering (a, b, chunks, flags);
  g_assert_cmpstr (rendered, ==, expected);
}

static void
test_identical (void)
{
  check_diff ("The cat sat on the mat.", "The cat sat on the mat.", 0,
              "{=The cat sat on the mat.}");
  check_diff ("", "", 0, "");
}

static void
test_empty_side (void)
{
  check_diff ("", "A new text.", 0, "{+A new text.}");
  check_diff ("An old text.", "", 0, "{-An old text.}");
}

static void
test_insert_at_start (void)
{
  check_diff ("cat sat on the mat.", "The cat sat on the mat.", 0,
              "{+The }{=cat sat on the mat.}");
}

static void
test_insert_at_end (void)
{
  check_diff ("The cat sat", "The cat sat on the mat.", 0,
              "{=The cat sat}{+ on the mat.}");
}

static void
test_delete_in_middle (void)
{
  check_diff ("The very old cat sat.", "The cat sat.", 0,
              "{=The }{-very old }{=cat sat.}");
}

static void
test_replace (void)
{
  check_diff ("the big red cat sat", "the small blue cat sat", 0,
              "{=the }{big red→small blue}{= cat sat}");
  check_diff ("Talks resume on Monday in Paris.", "Talks resume on Tuesday in Geneva.", 0,
              "{=Talks resume on }{Monday→Tuesday}{= in }{Paris→Geneva}{=.}");
}

static void
test_unicode (void)
{
  const char *a = "Le café était fermé à Noël.";
  const char *b = "Le café était ouvert à Noël !";
  g_autoptr(GArray) chunks = lectern_word_diff (a, b, 0, NULL);
  g_autofree char *rendered = render (a, b, chunks);
  const LecternChunk *change;

  assert_covering (a, b, chunks, 0);
  g_assert_cmpstr (rendered, ==, "{=Le café était }{fermé→ouvert}{= à Noël}{.→ !}");

  /* Offsets are code points, not bytes: "Le café était " is 14. */
  change = &g_array_index (chunks, LecternChunk, 1);
  g_assert_cmpint (change->a_start, ==, 14);
  g_assert_cmpint (change->a_end, ==, 19);
  g_assert_cmpint (change->b_start, ==, 14);
  g_assert_cmpint (change->b_end, ==, 20);

  /* Accented and unaccented spellings are different words. */
  check_diff ("Sécurité collective", "Securite collective", 0,
              "{Sécurité→Securite}{= collective}");
  /* Beyond the BMP: one code point each. */
  check_diff ("Voir 𝒜 puis B", "Voir 𝒜 puis C", 0, "{=Voir 𝒜 puis }{B→C}");
}

static void
test_whitespace_only (void)
{
  const char *a = "One sentence.  Then\nanother one.";
  const char *b = "One sentence. Then another one.";
  g_autoptr(GArray) shown = lectern_word_diff (a, b, 0, NULL);
  g_autoptr(GArray) hidden = lectern_word_diff (a, b, LECTERN_WORD_DIFF_IGNORE_WHITESPACE, NULL);
  LecternDiffSummary summary;

  assert_covering (a, b, shown, 0);
  g_assert_cmpuint (shown->len, >, 1);

  assert_covering (a, b, hidden, LECTERN_WORD_DIFF_IGNORE_WHITESPACE);
  g_assert_cmpuint (hidden->len, ==, 1);
  g_assert_cmpint (g_array_index (hidden, LecternChunk, 0).kind, ==, LECTERN_CHUNK_EQUAL);

  /* A real change stays visible under the flag, without the spaces. */
  {
    g_autoptr(GArray) chunks = lectern_word_diff ("a  b c", "a b  d", LECTERN_WORD_DIFF_IGNORE_WHITESPACE, &summary);
    g_autofree char *rendered = render ("a  b c", "a b  d", chunks);

    assert_covering ("a  b c", "a b  d", chunks, LECTERN_WORD_DIFF_IGNORE_WHITESPACE);
    g_assert_cmpstr (rendered, ==, "{=a  b }{c→d}");
    g_assert_cmpuint (summary.words_changed, ==, 1);
  }
}

static void
test_punctuation_only (void)
{
  const char *a = "Yes, we can.";
  const char *b = "Yes we can!";
  g_autoptr(GArray) shown = lectern_word_diff (a, b, LECTERN_WORD_DIFF_IGNORE_WHITESPACE, NULL);
  g_autoptr(GArray) hidden = lectern_word_diff (a, b, LECTERN_WORD_DIFF_IGNORE_PUNCTUATION, NULL);
  g_autofree char *rendered = render (a, b, shown);

  assert_covering (a, b, shown, LECTERN_WORD_DIFF_IGNORE_WHITESPACE);
  g_assert_cmpstr (rendered, ==, "{=Yes}{-,}{= we can}{.→!}");

  assert_covering (a, b, hidden, LECTERN_WORD_DIFF_IGNORE_PUNCTUATION);
  g_assert_cmpuint (hidden->len, ==, 1);
  g_assert_cmpint (g_array_index (hidden, LecternChunk, 0).kind, ==, LECTERN_CHUNK_EQUAL);
}

static void
test_punctuation_runs (void)
{
  check_diff ("a,b,c;d", "a;b.c,d", 0, "{=a}{,→;}{=b}{,→.}{=c}{;→,}{=d}");
  check_diff ("!!!!!!!!!!", "!!!!?!!!!!!", 0, "{=!!!!}{+?}{=!!!!!!}");
  check_diff ("", ",,,,,,,,,,,,", 0, "{+,,,,,,,,,,,,}");

  /* A token a byte, past what prose needs: small and large texts. */
  for (guint size = 3000; size <= 300000; size *= 100)
    {
      g_autofree char *a = g_strnfill (size, '!');
      g_autofree char *b = g_strdup (a);
      g_autoptr(GArray) chunks = NULL;

      b[size / 2] = '?';
      chunks = lectern_word_diff (a, b, 0, NULL);
      assert_covering (a, b, chunks, 0);
      g_assert_cmpuint (chunks->len, ==, 3);
      g_assert_cmpint (g_array_index (chunks, LecternChunk, 1).a_start, ==, size / 2);
      g_assert_cmpint (g_array_index (chunks, LecternChunk, 1).kind, ==, LECTERN_CHUNK_REPLACE);
    }
}

static void
test_summary (void)
{
  LecternDiffSummary summary;
  g_autoptr(GArray) chunks =
    lectern_word_diff ("The minister met the press on Monday.",
                       "Yesterday the foreign minister met reporters.",
                       0, &summary);

  assert_covering ("The minister met the press on Monday.",
                   "Yesterday the foreign minister met reporters.", chunks, 0);
  /* "The"→"Yesterday the foreign" (1 changed, 2 added),
   * "the press on Monday"→"reporters" (1 changed, 3 removed). */
  g_assert_cmpuint (summary.words_changed, ==, 2);
  g_assert_cmpuint (summary.words_added, ==, 2);
  g_assert_cmpuint (summary.words_removed, ==, 3);
}

/* A random text from a vocabulary with a Zipf-like spread. */
static GString *
random_text (GRand *rand,
             guint  n_words,
             guint  vocabulary)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      guint w = (guint) (vocabulary * pow (g_rand_double (rand), 3));

      g_string_append_printf (text, "w%u", w);
      g_string_append (text, i % 17 == 16 ? ".\n\n" : i % 7 == 6 ? ", " : " ");
    }

  return text;
}

static void
test_large_small_change (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GString) a = random_text (rand, 20000, 3000);
  g_autoptr(GString) b = g_string_new (a->str);
  g_autoptr(GArray) chunks = NULL;
  char *middle = strstr (b->str + b->len / 2, " ");
  gsize at = middle - b->str + 1;

  /* One word inserted in the middle of 20,000: the answer must stay that
   * precise, not a coarse block. */
  g_string_insert (b, at, "INSERTED ");
  chunks = lectern_word_diff (a->str, b->str, 0, NULL);
  assert_covering (a->str, b->str, chunks, 0);
  g_assert_cmpuint (chunks->len, ==, 3);
  g_assert_cmpint (g_array_index (chunks, LecternChunk, 1).kind, ==, LECTERN_CHUNK_INSERT);
  g_assert_cmpint (g_array_index (chunks, LecternChunk, 1).b_start, ==, (glong) at);
  g_assert_cmpint (g_array_index (chunks, LecternChunk, 1).b_end, ==, (glong) at + 9);
}

/* A megabyte of text with a word changed every fifty: every change found
 * as itself to the end of the text, none lumped into a coarse block. */
static void
test_large_many_changes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GString) a = random_text (rand, 160000, 20000);
  g_auto(GStrv) words = g_strsplit (a->str, " ", -1);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GArray) chunks = NULL;
  LecternDiffSummary summary;
  guint changed = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (b, ' ');
      /* Words without punctuation attached, so each change is one word. */
      if (i % 50 == 25 && g_ascii_isalnum (words[i][strlen (words[i]) - 1]) && words[i][0] == 'w')
        {
          g_string_append_printf (b, "changed%u", i);
          changed++;
        }
      else
        g_string_append (b, words[i]);
    }

  chunks = lectern_word_diff (a->str, b->str, 0, &summary);
  assert_covering (a->str, b->str, chunks, 0);
  g_assert_cmpuint (changed, >, 2000);
  g_assert_cmpuint (summary.words_changed, ==, changed);
  g_assert_cmpuint (summary.words_added, ==, 0);
  g_assert_cmpuint (summary.words_removed, ==, 0);
}

static void
test_random_edits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GString) a = random_text (rand, g_rand_int_range (rand, 0, 60), 12);
      g_autoptr(GString) b = random_text (rand, g_rand_int_range (rand, 0, 60), 12);
      LecternWordDiffFlags flags = round % 3 == 0 ? 0 : round % 3 == 1 ? LECTERN_WORD_DIFF_IGNORE_WHITESPACE
                                                                        : LECTERN_WORD_DIFF_IGNORE_PUNCTUATION;
      g_autoptr(GArray) chunks = lectern_word_diff (a->str, b->str, flags, NULL);

      assert_covering (a->str, b->str, chunks, flags);
    }
}

/* Two 200,000-word texts without a word in common: bounded, one block. */
static void
test_pathological_disjoint (void)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GArray) chunks = NULL;

  for (guint i = 0; i < 200000; i++)
    {
      g_string_append_printf (a, "a%u ", i);
      g_string_append_printf (b, "b%u ", i);
    }

  chunks = lectern_word_diff (a->str, b->str, 0, NULL);
  assert_covering (a->str, b->str, chunks, 0);
  g_assert_cmpint (g_array_index (chunks, LecternChunk, 0).kind, ==, LECTERN_CHUNK_REPLACE);
}

/* Endless repeats of two words, shuffled differently: every token has
 * thousands of candidate partners. */
static void
test_pathological_repeats (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GArray) chunks = NULL;

  for (guint i = 0; i < 200000; i++)
    {
      g_string_append (a, g_rand_boolean (rand) ? "x " : "y ");
      g_string_append (b, g_rand_boolean (rand) ? "x " : "y ");
    }

  chunks = lectern_word_diff (a->str, b->str, 0, NULL);
  assert_covering (a->str, b->str, chunks, 0);
}

static void
test_json (void)
{
  g_autoptr(GArray) chunks = lectern_word_diff ("a b", "a c", 0, NULL);
  g_autoptr(GArray) pairs = lectern_chunks_new ();
  LecternChunk unpaired = { LECTERN_CHUNK_PAIR, -1, -1, 4, 9, 0.5 };
  g_autofree char *json = lectern_chunks_to_json ("versions", chunks);
  g_autofree char *json_pairs = NULL;
  LecternCompareMode mode;

  g_assert_cmpstr (json, ==,
                   "{\"mode\": \"versions\", \"chunks\": ["
                   "{\"kind\": \"equal\", \"a\": [0, 2], \"b\": [0, 2]}, "
                   "{\"kind\": \"replace\", \"a\": [2, 3], \"b\": [2, 3]}]}");

  g_array_append_val (pairs, unpaired);
  json_pairs = lectern_chunks_to_json ("translation", pairs);
  g_assert_cmpstr (json_pairs, ==,
                   "{\"mode\": \"translation\", \"chunks\": ["
                   "{\"kind\": \"pair\", \"a\": null, \"b\": [4, 9]}]}");

  g_assert_true (lectern_compare_mode_from_string ("shared", &mode));
  g_assert_cmpint (mode, ==, LECTERN_COMPARE_MODE_SHARED);
  g_assert_false (lectern_compare_mode_from_string ("sideways", &mode));
  g_assert_cmpstr (lectern_compare_mode_to_string (LECTERN_COMPARE_MODE_TRANSLATION), ==, "translation");
  g_assert_cmpstr (lectern_chunk_kind_to_string (LECTERN_CHUNK_INSERT), ==, "insert");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/WordDiff/identical", test_identical);
  g_test_add_func ("/Lectern/WordDiff/empty-side", test_empty_side);
  g_test_add_func ("/Lectern/WordDiff/insert-at-start", test_insert_at_start);
  g_test_add_func ("/Lectern/WordDiff/insert-at-end", test_insert_at_end);
  g_test_add_func ("/Lectern/WordDiff/delete-in-middle", test_delete_in_middle);
  g_test_add_func ("/Lectern/WordDiff/replace", test_replace);
  g_test_add_func ("/Lectern/WordDiff/unicode", test_unicode);
  g_test_add_func ("/Lectern/WordDiff/whitespace-only", test_whitespace_only);
  g_test_add_func ("/Lectern/WordDiff/punctuation-only", test_punctuation_only);
  g_test_add_func ("/Lectern/WordDiff/punctuation-runs", test_punctuation_runs);
  g_test_add_func ("/Lectern/WordDiff/summary", test_summary);
  g_test_add_func ("/Lectern/WordDiff/large-small-change", test_large_small_change);
  g_test_add_func ("/Lectern/WordDiff/large-many-changes", test_large_many_changes);
  g_test_add_func ("/Lectern/WordDiff/random-edits", test_random_edits);
  g_test_add_func ("/Lectern/WordDiff/pathological/disjoint", test_pathological_disjoint);
  g_test_add_func ("/Lectern/WordDiff/pathological/repeats", test_pathological_repeats);
  g_test_add_func ("/Lectern/WordDiff/json", test_json);

  return g_test_run ();
}
