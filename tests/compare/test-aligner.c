/* test-aligner.c — translation: aligned paragraphs against an answer key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lectern-compare.h"
#include "lectern-core.h"

/* Paragraphs of a fixture: code-point spans of the blank-line separated
 * blocks, in order, numbered from 1 by their index + 1. */
static GArray *
paragraph_spans (const char *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (glong) * 2);
  g_auto(GStrv) blocks = g_strsplit (text, "\n\n", -1);
  glong offset = 0;

  for (guint i = 0; blocks[i] != NULL; i++)
    {
      glong len = g_utf8_strlen (blocks[i], -1);
      glong span[2] = { offset, offset + len };

      /* The last block carries the final newline. */
      if (blocks[i + 1] == NULL && g_str_has_suffix (blocks[i], "\n"))
        span[1]--;
      if (span[1] > span[0])
        g_array_append_vals (spans, span, 1);
      offset += len + 2;
    }

  return spans;
}

/* "3,4" from the paragraphs a span covers, "-" for an absent side. */
static char *
covered (GArray *spans,
         glong   start,
         glong   end)
{
  GString *out = g_string_new (NULL);

  if (start < 0)
    return g_string_free (g_string_append (out, "-"), FALSE);

  for (guint i = 0; i < spans->len; i++)
    {
      const glong *span = &g_array_index (spans, glong, 2 * i);

      if (span[0] < end && start < span[1])
        g_string_append_printf (out, "%s%u", out->len > 0 ? "," : "", i + 1);
    }

  return g_string_free (out, FALSE);
}

static char *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "compare", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

/* The key's pairs, as "a b" lines. */
static GPtrArray *
load_key (void)
{
  g_autofree char *text = load_fixture ("vellanne.key");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '#' && lines[i][0] != '\0')
      g_ptr_array_add (pairs, g_strdup (lines[i]));

  return pairs;
}

/* The chunks as key lines; also checks they are PAIRs in order that never
 * overlap on either side. */
static GPtrArray *
chunks_as_pairs (const char *en,
                 const char *fr,
                 GArray     *chunks)
{
  g_autoptr(GArray) spans_en = paragraph_spans (en);
  g_autoptr(GArray) spans_fr = paragraph_spans (fr);
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
  glong last_a = 0, last_b = 0;

  for (guint i = 0; i < chunks->len; i++)
    {
      const LecternChunk *c = &g_array_index (chunks, LecternChunk, i);
      g_autofree char *a = covered (spans_en, c->a_start, c->a_end);
      g_autofree char *b = covered (spans_fr, c->b_start, c->b_end);

      g_assert_cmpint (c->kind, ==, LECTERN_CHUNK_PAIR);
      g_assert_true (c->a_start >= 0 || c->b_start >= 0);
      if (c->a_start >= 0)
        {
          g_assert_cmpint (c->a_start, >=, last_a);
          g_assert_cmpint (c->a_end, >, c->a_start);
          last_a = c->a_end;
        }
      else
        g_assert_cmpint (c->a_end, ==, -1);
      if (c->b_start >= 0)
        {
          g_assert_cmpint (c->b_start, >=, last_b);
          g_assert_cmpint (c->b_end, >, c->b_start);
          last_b = c->b_end;
        }
      else
        g_assert_cmpint (c->b_end, ==, -1);
      g_ptr_array_add (pairs, g_strdup_printf ("%s %s", a, b));
    }

  return pairs;
}

static guint
count_correct (GPtrArray *key,
               GPtrArray *found)
{
  guint correct = 0;

  for (guint i = 0; i < key->len; i++)
    for (guint j = 0; j < found->len; j++)
      if (g_str_equal (key->pdata[i], found->pdata[j]))
        {
          correct++;
          break;
        }

  return correct;
}

static void
test_parallel_text (void)
{
  g_autofree char *en = load_fixture ("vellanne.en.txt");
  g_autofree char *fr = load_fixture ("vellanne.fr.txt");
  g_autoptr(GPtrArray) key = load_key ();
  g_autoptr(GArray) chunks = lectern_align (en, "en", fr, "fr", NULL, 0);
  g_autoptr(GPtrArray) found = chunks_as_pairs (en, fr, chunks);
  guint correct = count_correct (key, found);

  g_test_message ("%u of %u pairs correct", correct, key->len);
  g_assert_cmpuint (key->len, >=, 40);
  g_assert_cmpuint (correct * 100, >=, key->len * 95);

  /* The hard ones, each on its own: the merge, the split, and a paragraph
   * left out on each side. */
  g_assert_true (g_ptr_array_find_with_equal_func (found, "18,19 18", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (found, "24 23,24", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (found, "30 -", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (found, "- 34", g_str_equal, NULL));
}

/* The same texts with the paragraphs' order of languages swapped: the
 * aligner is not tuned to one direction. */
static void
test_parallel_text_reversed (void)
{
  g_autofree char *en = load_fixture ("vellanne.en.txt");
  g_autofree char *fr = load_fixture ("vellanne.fr.txt");
  g_autoptr(GPtrArray) key = load_key ();
  g_autoptr(GArray) chunks = lectern_align (fr, "fr", en, "en", NULL, 0);
  g_autoptr(GPtrArray) found = chunks_as_pairs (fr, en, chunks);
  g_autoptr(GPtrArray) reversed = g_ptr_array_new_with_free_func (g_free);
  guint correct;

  for (guint i = 0; i < key->len; i++)
    {
      g_auto(GStrv) sides = g_strsplit (key->pdata[i], " ", 2);

      g_ptr_array_add (reversed, g_strdup_printf ("%s %s", sides[1], sides[0]));
    }
  correct = count_correct (reversed, found);
  g_assert_cmpuint (correct * 100, >=, key->len * 95);
}

/* A deliberately "wrong" hand correction wins over the aligner, other
 * chunks keep out of its spans, and the rest still aligns. */
static void
test_corrections (void)
{
  g_autofree char *en = load_fixture ("vellanne.en.txt");
  g_autofree char *fr = load_fixture ("vellanne.fr.txt");
  g_autoptr(GArray) spans_en = paragraph_spans (en);
  g_autoptr(GArray) spans_fr = paragraph_spans (fr);
  g_autoptr(GPtrArray) key = load_key ();
  g_autoptr(GArray) chunks = NULL;
  g_autoptr(GPtrArray) found = NULL;
  LecternSpanPair fixed[2];
  guint seen = 0, correct;

  /* English 3 paired with French 3 and 4 together; English 5 unpaired. */
  fixed[0].a_start = g_array_index (spans_en, glong, 2 * 2);
  fixed[0].a_end = g_array_index (spans_en, glong, 2 * 2 + 1);
  fixed[0].b_start = g_array_index (spans_fr, glong, 2 * 2);
  fixed[0].b_end = g_array_index (spans_fr, glong, 2 * 3 + 1);
  fixed[1].a_start = g_array_index (spans_en, glong, 2 * 4);
  fixed[1].a_end = g_array_index (spans_en, glong, 2 * 4 + 1);
  fixed[1].b_start = -1;
  fixed[1].b_end = -1;

  chunks = lectern_align (en, "en", fr, "fr", fixed, G_N_ELEMENTS (fixed));
  found = chunks_as_pairs (en, fr, chunks);

  for (guint i = 0; i < chunks->len; i++)
    {
      const LecternChunk *c = &g_array_index (chunks, LecternChunk, i);
      gboolean is_fixed = FALSE;

      for (guint f = 0; f < G_N_ELEMENTS (fixed); f++)
        if (c->a_start == fixed[f].a_start && c->a_end == fixed[f].a_end &&
            c->b_start == fixed[f].b_start && c->b_end == fixed[f].b_end)
          {
            is_fixed = TRUE;
            seen++;
          }
      if (is_fixed)
        continue;

      /* No other chunk touches a fixed span. */
      for (guint f = 0; f < G_N_ELEMENTS (fixed); f++)
        {
          if (c->a_start >= 0 && fixed[f].a_start >= 0)
            g_assert_false (c->a_start < fixed[f].a_end && fixed[f].a_start < c->a_end);
          if (c->b_start >= 0 && fixed[f].b_start >= 0)
            g_assert_false (c->b_start < fixed[f].b_end && fixed[f].b_start < c->b_end);
        }
    }
  g_assert_cmpuint (seen, ==, G_N_ELEMENTS (fixed));

  /* The corrections, as the paragraphs they cover; the key's pairs away
   * from them are still found. */
  g_assert_true (g_ptr_array_find_with_equal_func (found, "3 3,4", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (found, "5 -", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (found, "6 6", g_str_equal, NULL));
  correct = count_correct (key, found);
  g_assert_cmpuint (correct, >=, key->len - 3 - 2);
}

/* A long paragraph and its translation come back sentence by sentence. */
static void
test_sentences (void)
{
  const char *en =
    "Short title\n\n"
    "The committee met on 4 March in Geneva to review the treaty. Its members "
    "disagreed about the schedule, and the chair, Anna Weber, proposed a compromise. "
    "After two hours of debate the proposal was accepted by 11 votes to 3. The "
    "minutes were published the following week, with a note from the secretariat. "
    "A second meeting is planned for the autumn, when the first results are known.\n";
  const char *fr =
    "Titre court\n\n"
    "Le comité s’est réuni le 4 mars à Genève pour examiner le traité. Ses membres "
    "étaient en désaccord sur le calendrier, et la présidente, Anna Weber, a proposé un "
    "compromis. Après deux heures de débat, la proposition a été acceptée par 11 voix "
    "contre 3. Le procès-verbal a été publié la semaine suivante, avec une note du "
    "secrétariat. Une deuxième réunion est prévue à l’automne, lorsque les premiers "
    "résultats seront connus.\n";
  g_autoptr(GArray) chunks = lectern_align (en, "en", fr, "fr", NULL, 0);
  const LecternChunk *c;

  /* The title, then five sentence pairs. */
  g_assert_cmpuint (chunks->len, ==, 6);
  for (guint i = 1; i < chunks->len; i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      c = &g_array_index (chunks, LecternChunk, i);
      g_assert_cmpint (c->a_start, >=, 0);
      g_assert_cmpint (c->b_start, >=, 0);
      a = lectern_text_slice (en, c->a_start, c->a_end);
      b = lectern_text_slice (fr, c->b_start, c->b_end);
      g_assert_true (g_str_has_suffix (a, "."));
      g_assert_true (g_str_has_suffix (b, "."));
    }
  c = &g_array_index (chunks, LecternChunk, 3);
  {
    g_autofree char *a = lectern_text_slice (en, c->a_start, c->a_end);
    g_autofree char *b = lectern_text_slice (fr, c->b_start, c->b_end);

    g_assert_cmpstr (a, ==, "After two hours of debate the proposal was accepted by 11 votes to 3.");
    g_assert_cmpstr (b, ==, "Après deux heures de débat, la proposition a été acceptée par 11 voix contre 3.");
  }
}

/* One paragraph a line, as transcripts are often written. */
static void
test_line_paragraphs (void)
{
  const char *en = "Question: Where were you in 2019?\nAnswer: In Lyon, with my family.\nQuestion: And then?\n";
  const char *fr = "Question : Où étiez-vous en 2019 ?\nRéponse : À Lyon, avec ma famille.\nQuestion : Et ensuite ?";
  g_autoptr(GArray) chunks = lectern_align (en, "en", fr, "fr", NULL, 0);

  g_assert_cmpuint (chunks->len, ==, 3);
  for (guint i = 0; i < chunks->len; i++)
    {
      const LecternChunk *c = &g_array_index (chunks, LecternChunk, i);
      g_autofree char *a = lectern_text_slice (en, c->a_start, c->a_end);

      g_assert_null (strchr (a, '\n'));
    }
}

/* Random texts of random shapes, with random corrections: whatever the
 * alignment, every paragraph of each side is in exactly one chunk (in
 * order when there are no crossing corrections), and every correction is
 * there as given. */
static void
test_random_shapes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);
      guint na = g_rand_int_range (rand, 0, round < 50 ? 30 : 400);
      guint nb = g_rand_int_range (rand, 0, round < 50 ? 30 : 400);
      g_autoptr(GArray) chunks = NULL;
      g_autoptr(GArray) spans_a = NULL;
      g_autoptr(GArray) spans_b = NULL;
      g_autoptr(GPtrArray) pairs = NULL;
      g_autofree guint *seen_a = NULL;
      g_autofree guint *seen_b = NULL;
      g_autoptr(GArray) fixed = g_array_new (FALSE, FALSE, sizeof (LecternSpanPair));

      for (guint i = 0; i < na; i++)
        {
          guint words = g_rand_int_range (rand, 1, 60);

          for (guint w = 0; w < words; w++)
            g_string_append_printf (a, "%s%u", w > 0 ? " " : "", g_rand_int_range (rand, 0, 3000));
          g_string_append (a, i + 1 < na ? ".\n\n" : ".");
        }
      for (guint i = 0; i < nb; i++)
        {
          guint words = g_rand_int_range (rand, 1, 60);

          for (guint w = 0; w < words; w++)
            g_string_append_printf (b, "%smot%u", w > 0 ? " " : "", g_rand_int_range (rand, 0, 3000));
          g_string_append (b, i + 1 < nb ? ".\n\n" : ".");
        }

      spans_a = paragraph_spans (a->str);
      spans_b = paragraph_spans (b->str);
      /* From round 30 on, two random hand corrections, in order or
       * crossing, one of them maybe one-sided. */
      if (round >= 30 && na > 0 && nb > 0)
        for (guint f = 0; f < 2; f++)
          {
            guint i = g_rand_int_range (rand, 0, na), j = g_rand_int_range (rand, 0, nb);
            LecternSpanPair pair = {
              g_array_index (spans_a, glong, 2 * i), g_array_index (spans_a, glong, 2 * i + 1),
              g_array_index (spans_b, glong, 2 * j), g_array_index (spans_b, glong, 2 * j + 1),
            };
            gboolean clash = FALSE;

            if (f == 1 && g_rand_boolean (rand))
              pair.b_start = pair.b_end = -1;
            for (guint g = 0; g < fixed->len; g++)
              {
                const LecternSpanPair *other = &g_array_index (fixed, LecternSpanPair, g);

                clash |= other->a_start == pair.a_start || (pair.b_start >= 0 && other->b_start == pair.b_start);
              }
            if (!clash)
              g_array_append_val (fixed, pair);
          }

      chunks = lectern_align (a->str, "en", b->str, "fr",
                              (const LecternSpanPair *) (gpointer) fixed->data, fixed->len);
      for (guint f = 0; f < fixed->len; f++)
        {
          const LecternSpanPair *pair = &g_array_index (fixed, LecternSpanPair, f);
          gboolean found = FALSE;

          for (guint c = 0; c < chunks->len; c++)
            {
              const LecternChunk *chunk = &g_array_index (chunks, LecternChunk, c);

              found |= chunk->a_start == pair->a_start && chunk->a_end == pair->a_end &&
                       chunk->b_start == pair->b_start && chunk->b_end == pair->b_end;
            }
          g_assert_true (found);
        }
      if (fixed->len == 0)
        pairs = chunks_as_pairs (a->str, b->str, chunks);
      g_assert_cmpuint (spans_a->len, ==, na);
      g_assert_cmpuint (spans_b->len, ==, nb);
      seen_a = g_new0 (guint, na + 1);
      seen_b = g_new0 (guint, nb + 1);
      for (guint c = 0; c < chunks->len; c++)
        {
          const LecternChunk *chunk = &g_array_index (chunks, LecternChunk, c);

          for (guint i = 0; i < na; i++)
            {
              const glong *span = &g_array_index (spans_a, glong, 2 * i);

              if (chunk->a_start >= 0 && span[0] < chunk->a_end && chunk->a_start < span[1])
                seen_a[i]++;
            }
          for (guint j = 0; j < nb; j++)
            {
              const glong *span = &g_array_index (spans_b, glong, 2 * j);

              if (chunk->b_start >= 0 && span[0] < chunk->b_end && chunk->b_start < span[1])
                seen_b[j]++;
            }
        }
      for (guint i = 0; i < na; i++)
        g_assert_cmpuint (seen_a[i], ==, 1);
      for (guint j = 0; j < nb; j++)
        g_assert_cmpuint (seen_b[j], ==, 1);
    }
}

static void
test_empty (void)
{
  g_autoptr(GArray) none = lectern_align ("", NULL, "   \n\n", NULL, NULL, 0);
  g_autoptr(GArray) one_side = lectern_align ("One paragraph.\n\nAnother one.", "en", "", "fr", NULL, 0);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (one_side->len, ==, 2);
  for (guint i = 0; i < one_side->len; i++)
    {
      g_assert_cmpint (g_array_index (one_side, LecternChunk, i).b_start, ==, -1);
      g_assert_cmpint (g_array_index (one_side, LecternChunk, i).b_end, ==, -1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Aligner/parallel-text", test_parallel_text);
  g_test_add_func ("/Lectern/Aligner/parallel-text-reversed", test_parallel_text_reversed);
  g_test_add_func ("/Lectern/Aligner/corrections", test_corrections);
  g_test_add_func ("/Lectern/Aligner/sentences", test_sentences);
  g_test_add_func ("/Lectern/Aligner/line-paragraphs", test_line_paragraphs);
  g_test_add_func ("/Lectern/Aligner/random-shapes", test_random_shapes);
  g_test_add_func ("/Lectern/Aligner/empty", test_empty);

  return g_test_run ();
}
