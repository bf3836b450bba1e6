/* test-shared-passages.c — shared passages between two texts, and where
 * else a passage occurs in a corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lectern-compare.h"
#include "lectern-core.h"

/* Written for these tests. */
#define PASSAGE \
  "The harbour authority announced on Tuesday that the northern quay will close for " \
  "repairs until the end of the summer, and that ferries will use the old fishing pier instead."
#define PASSAGE_EDITED \
  "The harbour authority said on Tuesday that the northern quay would close for " \
  "repairs until the end of the summer, and that all ferries will use the old fishing pier instead."

/* Filler prose made of words that occur nowhere else: @tag keeps two
 * fillers apart. */
static void
append_filler (GString    *text,
               const char *tag,
               guint       n_words)
{
  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (text, "%s%s%u%s", i > 0 ? " " : "", tag, i,
                            i % 11 == 10 ? "." : "");
  g_string_append (text, ".\n\n");
}

static char *
text_around (const char *tag,
             const char *passage,
             glong      *start,
             glong      *end)
{
  GString *text = g_string_new (NULL);
  g_autofree char *before = NULL;

  append_filler (text, tag, 60);
  *start = g_utf8_strlen (text->str, -1);
  g_string_append (text, passage);
  *end = g_utf8_strlen (text->str, -1);
  g_string_append (text, "\n\n");
  before = g_strconcat (tag, "z", NULL);
  append_filler (text, before, 80);

  return g_string_free (text, FALSE);
}

static void
test_exact (void)
{
  glong sa, ea, sb, eb;
  g_autofree char *a = text_around ("alpha", PASSAGE, &sa, &ea);
  g_autofree char *b = text_around ("beta", PASSAGE, &sb, &eb);
  g_autoptr(GArray) chunks = lectern_shared_passages (a, b, 0);
  const LecternChunk *c;

  g_assert_cmpuint (chunks->len, ==, 1);
  c = &g_array_index (chunks, LecternChunk, 0);
  g_assert_cmpint (c->kind, ==, LECTERN_CHUNK_SHARED);
  /* The passage's words, from the first to the last ("instead"). */
  g_assert_cmpint (c->a_start, ==, sa);
  g_assert_cmpint (c->a_end, ==, ea - 1);
  g_assert_cmpint (c->b_start, ==, sb);
  g_assert_cmpint (c->b_end, ==, eb - 1);
  g_assert_cmpfloat (c->score, ==, 1.0);
}

static void
test_lightly_edited (void)
{
  glong sa, ea, sb, eb;
  g_autofree char *a = text_around ("alpha", PASSAGE, &sa, &ea);
  g_autofree char *b = text_around ("beta", PASSAGE_EDITED, &sb, &eb);
  g_autoptr(GArray) chunks = lectern_shared_passages (a, b, 0);
  const LecternChunk *c;

  /* Two words changed and one added: still one passage, whole. */
  g_assert_cmpuint (chunks->len, ==, 1);
  c = &g_array_index (chunks, LecternChunk, 0);
  g_assert_cmpint (c->a_start, ==, sa);
  g_assert_cmpint (c->a_end, ==, ea - 1);
  g_assert_cmpint (c->b_start, ==, sb);
  g_assert_cmpint (c->b_end, ==, eb - 1);
  g_assert_cmpfloat (c->score, >, 0.75);
  g_assert_cmpfloat (c->score, <, 1.0);
}

static void
test_case_and_accents (void)
{
  const char *a = "Zz1 zz2 zz3. La Sécurité européenne dépend d’abord de la confiance entre voisins. Zz4 zz5.";
  const char *b = "Yy1 yy2. LA SECURITE EUROPEENNE DEPEND D’ABORD DE LA CONFIANCE ENTRE VOISINS! Yy3.";
  g_autoptr(GArray) chunks = lectern_shared_passages (a, b, 0);
  const LecternChunk *c;
  g_autofree char *x = NULL;

  g_assert_cmpuint (chunks->len, ==, 1);
  c = &g_array_index (chunks, LecternChunk, 0);
  x = lectern_text_slice (a, c->a_start, c->a_end);
  g_assert_cmpstr (x, ==, "La Sécurité européenne dépend d’abord de la confiance entre voisins");
}

static void
test_nothing_shared (void)
{
  glong s, e;
  g_autofree char *a = text_around ("alpha", "", &s, &e);
  g_autofree char *b = text_around ("beta", "", &s, &e);
  g_autoptr(GArray) chunks = lectern_shared_passages (a, b, 0);
  /* Common words alone do not make a passage. */
  g_autoptr(GArray) common = lectern_shared_passages ("It is the end of the day.", "At the end of the day it is.", 0);

  g_assert_cmpuint (chunks->len, ==, 0);
  g_assert_cmpuint (common->len, ==, 0);
}

/* Two passages, in a different order in b: both found. */
static void
test_two_passages (void)
{
  const char *second = "Negotiators from both delegations will meet again in Vienna next month to settle the remaining questions on inspections.";
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GArray) chunks = NULL;

  append_filler (a, "alpha", 30);
  g_string_append (a, PASSAGE "\n\n");
  append_filler (a, "alphb", 30);
  g_string_append (a, second);
  append_filler (b, "beta", 30);
  g_string_append (b, second);
  g_string_append (b, "\n\n");
  append_filler (b, "betb", 30);
  g_string_append (b, PASSAGE);

  chunks = lectern_shared_passages (a->str, b->str, 0);
  g_assert_cmpuint (chunks->len, ==, 2);
  /* By a's order. */
  g_assert_cmpint (g_array_index (chunks, LecternChunk, 0).a_start, <,
                   g_array_index (chunks, LecternChunk, 1).a_start);
  g_assert_cmpint (g_array_index (chunks, LecternChunk, 0).b_start, >,
                   g_array_index (chunks, LecternChunk, 1).b_start);
}

/* A text against itself is one passage, whole. */
static void
test_identical (void)
{
  glong s, e;
  g_autofree char *a = text_around ("alpha", PASSAGE, &s, &e);
  g_autoptr(GArray) chunks = lectern_shared_passages (a, a, 0);
  const LecternChunk *c;

  g_assert_cmpuint (chunks->len, ==, 1);
  c = &g_array_index (chunks, LecternChunk, 0);
  g_assert_cmpint (c->a_start, ==, 0);
  g_assert_cmpint (c->a_start, ==, c->b_start);
  g_assert_cmpint (c->a_end, ==, c->b_end);
  /* Up to the last word. */
  {
    const char *p = a + strlen (a);

    while (p > a && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))))
      p = g_utf8_prev_char (p);
    g_assert_cmpint (c->a_end, ==, g_utf8_pointer_to_offset (a, p));
  }
  g_assert_cmpfloat (c->score, ==, 1.0);
}

/* Random texts from a small vocabulary, with reused pieces: passages are
 * inside both texts, in a's order, with scores in (0, 1]. */
static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);
      g_autoptr(GArray) chunks = NULL;
      glong la, lb, last = 0;

      for (guint w = 0; w < 400; w++)
        g_string_append_printf (a, "w%u%s", g_rand_int_range (rand, 0, 40), w % 9 == 8 ? ". " : " ");
      for (guint w = 0; w < 400; w++)
        {
          /* Now and then a stretch of a, lightly changed. */
          if (g_rand_int_range (rand, 0, 60) == 0)
            {
              guint from = g_rand_int_range (rand, 0, a->len / 2);
              guint len = g_rand_int_range (rand, 20, a->len / 2);

              g_string_append_len (b, a->str + from, len);
              g_string_append (b, " changed ");
            }
          g_string_append_printf (b, "w%u ", g_rand_int_range (rand, 0, 40));
        }

      chunks = lectern_shared_passages (a->str, b->str, 0);
      la = lectern_text_length (a->str);
      lb = lectern_text_length (b->str);
      for (guint i = 0; i < chunks->len; i++)
        {
          const LecternChunk *c = &g_array_index (chunks, LecternChunk, i);

          g_assert_cmpint (c->kind, ==, LECTERN_CHUNK_SHARED);
          g_assert_cmpint (0, <=, c->a_start);
          g_assert_cmpint (c->a_start, <, c->a_end);
          g_assert_cmpint (c->a_end, <=, la);
          g_assert_cmpint (0, <=, c->b_start);
          g_assert_cmpint (c->b_start, <, c->b_end);
          g_assert_cmpint (c->b_end, <=, lb);
          g_assert_cmpint (c->a_start, >=, last);
          g_assert_cmpfloat (c->score, >, 0.0);
          g_assert_cmpfloat (c->score, <=, 1.0);
          last = c->a_start;
        }
    }
}

/* ------------------------------------------------------------------ */

static LecternProject *
create_project (GFile **file_out)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LecternProject *project;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), "where.lectern", NULL);
  file = g_file_new_for_path (path);
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  if (file_out != NULL)
    *file_out = g_steal_pointer (&file);

  return project;
}

static gint64
add_document (LecternProject *project,
              const char    *title,
              const char    *text)
{
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (document, title);
  id = lectern_project_add_document (project, document, text, &error);
  g_assert_no_error (error);

  return id;
}

static const LecternPlace *
find_place (GArray *places,
            gint64  document_id,
            glong   near)
{
  for (guint i = 0; i < places->len; i++)
    {
      const LecternPlace *place = &g_array_index (places, LecternPlace, i);

      if (place->document_id == document_id && ABS (place->start - near) <= 2)
        return place;
    }

  return NULL;
}

static void
test_where (void)
{
  g_autoptr(LecternProject) project = create_project (NULL);
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) places = NULL;
  glong query_start, query_end, repeat_start, other_start, other_end;
  g_autofree char *other = text_around ("beta", PASSAGE, &other_start, &other_end);
  glong s, e;
  g_autofree char *unrelated = text_around ("gamma", "", &s, &e);
  gint64 doc_first, doc_other, doc_unrelated;
  const LecternPlace *place;

  /* The first document holds the passage, and further down a lightly
   * edited repeat of it. */
  append_filler (first, "alpha", 50);
  query_start = g_utf8_strlen (first->str, -1);
  g_string_append (first, PASSAGE);
  query_end = g_utf8_strlen (first->str, -1);
  g_string_append (first, "\n\n");
  append_filler (first, "alphb", 200);
  repeat_start = g_utf8_strlen (first->str, -1);
  g_string_append (first, PASSAGE_EDITED "\n");

  doc_first = add_document (project, "First", first->str);
  doc_other = add_document (project, "Other", other);
  doc_unrelated = add_document (project, "Unrelated", unrelated);

  places = lectern_where (project, doc_first, query_start, query_end, NULL, &error);
  g_assert_no_error (error);

  /* The repeat in the same document, and the other document; not the
   * queried range itself, nor the unrelated document. */
  g_assert_cmpuint (places->len, ==, 2);
  place = find_place (places, doc_other, other_start);
  g_assert_nonnull (place);
  g_assert_cmpint (place->end, ==, other_end - 1);
  g_assert_cmpfloat (place->similarity, ==, 1.0);
  place = find_place (places, doc_first, repeat_start);
  g_assert_nonnull (place);
  g_assert_cmpfloat (place->similarity, >, 0.75);
  g_assert_cmpfloat (place->similarity, <, 1.0);
  /* Most similar first. */
  g_assert_cmpint (g_array_index (places, LecternPlace, 0).document_id, ==, doc_other);
  for (guint i = 0; i < places->len; i++)
    g_assert_cmpint (g_array_index (places, LecternPlace, i).document_id, !=, doc_unrelated);
}

/* A document added after the fingerprints were last written (as an
 * import leaves it until its end, or a killed import for good) is found:
 * 'where' writes the missing fingerprints before it looks (issue #6). */
static void
test_where_just_added (void)
{
  g_autoptr(LecternProject) project = create_project (NULL);
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) places = NULL;
  glong query_start, query_end, other_start, other_end;
  g_autofree char *other = text_around ("beta", PASSAGE, &other_start, &other_end);
  gint64 doc_first, doc_other;

  append_filler (first, "alpha", 50);
  query_start = g_utf8_strlen (first->str, -1);
  g_string_append (first, PASSAGE);
  query_end = g_utf8_strlen (first->str, -1);
  g_string_append (first, "\n");
  doc_first = add_document (project, "First", first->str);

  /* Fingerprints written for the first document only. */
  places = lectern_where (project, doc_first, query_start, query_end, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, ==, 0);
  g_clear_pointer (&places, g_array_unref);

  doc_other = add_document (project, "Other", other);
  places = lectern_where (project, doc_first, query_start, query_end, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, ==, 1);
  g_assert_nonnull (find_place (places, doc_other, other_start));
}

static void
test_where_errors (void)
{
  g_autoptr(LecternProject) project = create_project (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) places = NULL;
  g_autoptr(GArray) short_places = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 doc = add_document (project, "Doc", "Just a few words here, and a few more words there.\n");

  places = lectern_where (project, doc, 10, 5000, NULL, &error);
  g_assert_error (error, LECTERN_COMPARE_ERROR, LECTERN_COMPARE_ERROR_INVALID);
  g_assert_null (places);
  g_clear_error (&error);

  places = lectern_where (project, doc, 7, 7, NULL, &error);
  g_assert_error (error, LECTERN_COMPARE_ERROR, LECTERN_COMPARE_ERROR_INVALID);
  g_clear_error (&error);

  places = lectern_where (project, doc + 100, 0, 5, NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Fewer words than a fingerprint: nothing to look for, no error. */
  short_places = lectern_where (project, doc, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (short_places->len, ==, 0);

  g_cancellable_cancel (cancellable);
  places = lectern_where (project, doc, 0, 30, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (places);
}

/* The reference corpus: the article's sentence on Moscow dismissing claims
 * of an attack on NATO recurs, edited, further down; its quotation on the
 * dubious benefits of supporting the Nazi regime occurs twice. */
static char *
reference_text (void)
{
  const char *dir = g_getenv ("LECTERN_SHARED_CORPUS");
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  gsize len;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "001_1323093bd1647bf0.txt", NULL);
  if (!g_file_get_contents (path, &raw, &len, NULL))
    return NULL;

  return lectern_text_normalize (raw, len);
}

/* Code-point range of the sentence of @text that starts with @opening. */
static gboolean
find_sentence (const char *text,
               const char *opening,
               const char *closing,
               glong      *start,
               glong      *end)
{
  const char *p = strstr (text, opening);
  const char *q;

  if (p == NULL)
    return FALSE;
  q = strstr (p, closing);
  if (q == NULL)
    return FALSE;
  *start = g_utf8_pointer_to_offset (text, p);
  *end = g_utf8_pointer_to_offset (text, q + strlen (closing));

  return TRUE;
}

static void
test_where_reference (void)
{
  g_autofree char *text = reference_text ();
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) places = NULL;
  g_autoptr(GArray) quote_places = NULL;
  glong start, end, quote_start, quote_end;
  gint64 doc;
  gboolean found = FALSE;

  if (text == NULL)
    {
      g_test_skip ("The reference corpus (LECTERN_SHARED_CORPUS) is not available");
      return;
    }

  project = create_project (NULL);
  doc = add_document (project, "001", text);

  g_assert_true (find_sentence (text, "Moscow has dismissed claims", "military spending.", &start, &end));
  places = lectern_where (project, doc, start, end, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < places->len; i++)
    {
      const LecternPlace *place = &g_array_index (places, LecternPlace, i);
      g_autofree char *found_text = lectern_text_slice (text, place->start, place->end);

      g_assert_cmpint (place->document_id, ==, doc);
      g_assert_false (place->start < end && start < place->end);
      /* The whole repeat, up to its last words after an edit. */
      if (place->start > end && g_str_has_prefix (found_text, "Moscow has dismissed claims") &&
          strstr (found_text, "nonsense") != NULL)
        found = TRUE;
    }
  g_assert_true (found);

  /* The quotation: the one in the minister's words finds the one in the
   * article's opening, before it. */
  g_assert_true (find_sentence (text, "they have no desire to sacrifice friendship",
                                "supporting the Nazi regime", &quote_start, &quote_end));
  quote_places = lectern_where (project, doc, quote_start, quote_end, NULL, &error);
  g_assert_no_error (error);
  found = FALSE;
  for (guint i = 0; i < quote_places->len; i++)
    {
      const LecternPlace *place = &g_array_index (quote_places, LecternPlace, i);
      g_autofree char *found_text = lectern_text_slice (text, place->start, place->end);

      if (place->start < quote_start && strstr (found_text, "dubious benefits of supporting") != NULL)
        found = TRUE;
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/SharedPassages/exact", test_exact);
  g_test_add_func ("/Lectern/SharedPassages/lightly-edited", test_lightly_edited);
  g_test_add_func ("/Lectern/SharedPassages/case-and-accents", test_case_and_accents);
  g_test_add_func ("/Lectern/SharedPassages/nothing-shared", test_nothing_shared);
  g_test_add_func ("/Lectern/SharedPassages/two-passages", test_two_passages);
  g_test_add_func ("/Lectern/SharedPassages/identical", test_identical);
  g_test_add_func ("/Lectern/SharedPassages/random", test_random);
  g_test_add_func ("/Lectern/SharedPassages/where", test_where);
  g_test_add_func ("/Lectern/SharedPassages/where-just-added", test_where_just_added);
  g_test_add_func ("/Lectern/SharedPassages/where-errors", test_where_errors);
  g_test_add_func ("/Lectern/SharedPassages/where-reference", test_where_reference);

  return g_test_run ();
}
