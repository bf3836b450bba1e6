/* test-search.c — full-text search: folding, phrases, prefixes, OR,
 * exclusion, malformed queries, and hits whose offsets are code points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lectern-core.h"

typedef struct
{
  LecternProject *project;
  gint64         fr;     /* French, accents and emoji */
  gint64         en;     /* English */
  gint64         other;  /* neither */
} Fixture;

#define FR_TEXT \
  "Question : Que pensez-vous de la SÉCURITÉ européenne ?\n" \
  "Réponse : 👩‍👩‍👧 La sécurité de l’Europe dépend du dialogue.\n" \
  "Le dialogue, encore le dialogue.\n"

#define EN_TEXT \
  "The Minsk agreements were discussed.\n" \
  "Security in Europe depends on the Minsk agreements being kept,\n" \
  "said the minister; securities markets did not react.\n"

static gint64
add (LecternProject *project,
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), "search.lectern", NULL);
  file = g_file_new_for_path (path);
  fixture->project = lectern_project_create (file, &error);
  g_assert_no_error (error);

  fixture->fr = add (fixture->project, "Entretien", FR_TEXT);
  fixture->en = add (fixture->project, "Communiqué", EN_TEXT);
  fixture->other = add (fixture->project, "Other", "Nothing relevant at all here.\n");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
}

static GListModel *
search (Fixture    *fixture,
        const char *query,
        guint       limit)
{
  g_autoptr(GError) error = NULL;
  GListModel *hits = lectern_project_search (fixture->project, query, limit, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* Every hit's offsets are code points into the stored text: the text at
 * [start, end) is the match, and the context agrees with the text. */
static void
assert_hits_consistent (Fixture    *fixture,
                        GListModel *hits)
{
  gint64 last_document = 0;
  glong last_start = -1;

  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, i);
      g_autoptr(GError) error = NULL;
      gint64 document = lectern_search_hit_get_document_id (hit);
      glong start = lectern_search_hit_get_start (hit);
      glong end = lectern_search_hit_get_end (hit);
      g_autofree char *text = lectern_project_dup_text (fixture->project, document, &error);
      g_autofree char *match = NULL;
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (start, >=, 0);
      g_assert_cmpint (start, <, end);
      g_assert_cmpint (end, <=, lectern_text_length (text));
      match = lectern_text_slice (text, start, end);
      g_assert_cmpstr (lectern_search_hit_get_match (hit), ==, match);

      /* Context: on one line, at most 40 code points a side. */
      g_assert_null (strchr (lectern_search_hit_get_left (hit), '\n'));
      g_assert_null (strchr (lectern_search_hit_get_right (hit), '\n'));
      g_assert_cmpint (lectern_text_length (lectern_search_hit_get_left (hit)), <=, 40);
      g_assert_cmpint (lectern_text_length (lectern_search_hit_get_right (hit)), <=, 40);
      after = lectern_text_slice (text, end, end + lectern_text_length (lectern_search_hit_get_right (hit)));
      g_strdelimit (after, "\n", ' ');
      g_assert_cmpstr (lectern_search_hit_get_right (hit), ==, after);
      g_assert_nonnull (lectern_search_hit_get_title (hit));

      /* Document order, then text order. */
      g_assert_cmpint (document, >=, last_document);
      if (document == last_document)
        g_assert_cmpint (start, >, last_start);
      last_document = document;
      last_start = start;
    }
}

static void
test_diacritics_and_case (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GListModel) hits = search (fixture, "securite", 0);
  g_autoptr(LecternSearchHit) first = NULL;
  g_autoptr(LecternSearchHit) second = NULL;
  g_autoptr(LecternSearchHit) third = NULL;

  /* "SÉCURITÉ" and "sécurité" (after a five-code-point emoji); not
   * "Security", another word. */
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  assert_hits_consistent (fixture, hits);

  first = g_list_model_get_item (hits, 0);
  second = g_list_model_get_item (hits, 1);
  g_assert_cmpint (lectern_search_hit_get_document_id (first), ==, fixture->fr);
  g_assert_cmpstr (lectern_search_hit_get_match (first), ==, "SÉCURITÉ");
  g_assert_cmpint (lectern_search_hit_get_start (first), ==, 33);
  g_assert_cmpstr (lectern_search_hit_get_match (second), ==, "sécurité");
  /* 55 code points of line one, "Réponse : " (10), the family (5), " La " (4). */
  g_assert_cmpint (lectern_search_hit_get_start (second), ==, 55 + 10 + 5 + 4);
  g_assert_cmpstr (lectern_search_hit_get_left (first), ==, "Question : Que pensez-vous de la ");

  /* The query's own accents and case do not matter either. */
  g_clear_object (&hits);
  hits = search (fixture, "SÉCURITÉ", 0);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  g_clear_object (&hits);
  hits = search (fixture, "EUROPÉENNE", 0);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  third = g_list_model_get_item (hits, 0);
  g_assert_cmpstr (lectern_search_hit_get_match (third), ==, "européenne");
}

static void
test_phrase (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GListModel) hits = search (fixture, "\"minsk agreements\"", 0);
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GListModel) across = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  assert_hits_consistent (fixture, hits);
  {
    g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, 0);
    g_assert_cmpstr (lectern_search_hit_get_match (hit), ==, "Minsk agreements");
    g_assert_cmpint (lectern_search_hit_get_document_id (hit), ==, fixture->en);
  }

  /* Words in another order are not the phrase. */
  none = search (fixture, "\"agreements minsk\"", 0);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  /* A phrase may span punctuation, here "l’Europe". */
  across = search (fixture, "\"securite de l europe\"", 0);
  g_assert_cmpuint (g_list_model_get_n_items (across), ==, 1);
  assert_hits_consistent (fixture, across);
  {
    g_autoptr(LecternSearchHit) hit = g_list_model_get_item (across, 0);
    g_assert_cmpstr (lectern_search_hit_get_match (hit), ==, "sécurité de l’Europe");
  }
}

static void
test_prefix (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GListModel) hits = search (fixture, "secur*", 0);

  /* SÉCURITÉ, sécurité, Security, securities. */
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 4);
  assert_hits_consistent (fixture, hits);
  {
    g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, 3);
    g_assert_cmpstr (lectern_search_hit_get_match (hit), ==, "securities");
  }
}

static void
test_all_words (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListModel) hits = search (fixture, "dialogue europe", 0);

  /* Only the French document has both; each word is a hit: "dialogue"
   * three times, "l’Europe" once ("européenne" is another word). */
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 4);
  assert_hits_consistent (fixture, hits);
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, i);
      g_assert_cmpint (lectern_search_hit_get_document_id (hit), ==, fixture->fr);
    }
}

static void
test_or (Fixture       *fixture,
         gconstpointer  data)
{
  g_autoptr(GListModel) hits = search (fixture, "minister OR dialogue", 0);
  gboolean fr = FALSE, en = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 4);
  assert_hits_consistent (fixture, hits);
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, i);

      fr |= lectern_search_hit_get_document_id (hit) == fixture->fr;
      en |= lectern_search_hit_get_document_id (hit) == fixture->en;
    }
  g_assert_true (fr && en);
}

static void
test_exclude (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GListModel) hits = search (fixture, "europe -minsk", 0);
  g_autoptr(GListModel) all = search (fixture, "europe", 0);

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  {
    g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, 0);
    g_assert_cmpint (lectern_search_hit_get_document_id (hit), ==, fixture->fr);
  }
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GListModel) hits = search (fixture, "the OR dialogue", 2);

  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  {
    g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, 0);
    /* Document order: the French document was added first. */
    g_assert_cmpint (lectern_search_hit_get_document_id (hit), ==, fixture->fr);
  }
}

static void
test_fts_syntax_is_text (Fixture       *fixture,
                         gconstpointer  data)
{
  /* FTS5 operators typed by a user are words, never syntax. */
  const char *queries[] = { "NEAR(minsk agreements)", "text:minsk", "^minsk", "minsk AND", "NOT minsk", "(minsk" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) hits = lectern_project_search (fixture->project, queries[i], 0, NULL, &error);

      if (hits == NULL)
        g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_QUERY);
      else
        assert_hits_consistent (fixture, hits);
    }
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  const char *queries[] = {
    "",                     /* nothing */
    "   ",
    "\"unbalanced phrase",  /* open quote */
    "\"\"",                 /* empty phrase */
    "-minsk",               /* only exclusions */
    "OR minsk",             /* dangling OR */
    "minsk OR",
    "minsk OR OR europe",
    "minsk OR -europe",
    "*",                    /* a star alone */
    "mi*nsk",               /* a star inside */
    "!!!",                  /* no letters */
    "-",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) hits = lectern_project_search (fixture->project, queries[i], 0, NULL, &error);

      g_test_message ("query: %s", queries[i]);
      g_assert_null (hits);
      g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_QUERY);
      g_assert_cmpstr (error->message, !=, "");
    }

  /* The message says what is wrong. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) hits = lectern_project_search (fixture->project, "\"open", 0, NULL, &error);

    g_assert_null (hits);
    g_assert_nonnull (strstr (error->message, "\""));
  }
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;

  g_cancellable_cancel (cancellable);
  hits = lectern_project_search (fixture->project, "dialogue", 0, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (hits);
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) before = search (fixture, "minister", 0);
  g_autoptr(GListModel) after = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 1);
  g_assert_true (lectern_project_delete_document (fixture->project, fixture->en, &error));
  g_assert_no_error (error);
  after = search (fixture, "minister", 0);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 0);
}

/* A document longer than the pieces it is folded in: every hit found,
 * offsets right on both sides of every piece boundary. */
static void
test_long_document (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GListModel) first = NULL;
  guint expected = 0;

  for (guint i = 0; i < 6000; i++)
    {
      g_string_append (text, "Un paragraphe sur la d\xc3\xa9" "fense, \xf0\x9f\x91\x8d ");
      if (i % 97 == 0)
        {
          g_string_append (text, "la S\xc3\xa9" "curit\xc3\xa9 Collective ");
          expected++;
        }
      if (i % 50 == 49)
        g_string_append_c (text, '\n');
    }
  g_assert_cmpuint (text->len, >, 3 * 65536);
  add (fixture->project, "Long", text->str);

  hits = search (fixture, "\"securite collective\"", 0);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, expected);
  assert_hits_consistent (fixture, hits);

  first = search (fixture, "defense", 10);
  g_assert_cmpuint (g_list_model_get_n_items (first), ==, 10);
  assert_hits_consistent (fixture, first);
}

/* The one hit of @query in the project, checked against the stored text. */
static void
assert_one_hit (Fixture    *fixture,
                const char *query,
                glong       start,
                glong       end,
                const char *match)
{
  g_autoptr(GListModel) hits = search (fixture, query, 0);
  g_autoptr(LecternSearchHit) hit = NULL;

  g_test_message ("query: %s", query);
  assert_hits_consistent (fixture, hits);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  hit = g_list_model_get_item (hits, 0);
  g_assert_cmpint (lectern_search_hit_get_start (hit), ==, start);
  g_assert_cmpint (lectern_search_hit_get_end (hit), ==, end);
  g_assert_cmpstr (lectern_search_hit_get_match (hit), ==, match);
}

/* Combining marks fold away, yet a hit covers whole graphemes: the base
 * and every mark after it, whether the query has the marks or not, in
 * NFC or in a decomposed (NFD-looking) form. */
static void
test_combining_marks (Fixture       *fixture,
                      gconstpointer  data)
{
  /* The fuzzer's find: "q" + U+0307 as the query, over the fuzz
   * target's project line, normalized as it is there: q + U+0307 has no
   * composite; e + U+0301 + U+0323 becomes U+1EB9 + U+0301. */
  g_autofree char *text = lectern_text_normalize ("Marks and scripts\n"
                                                  "q\xcc\x87 and e\xcc\x81\xcc\xa3 stay marked.\n", -1);

  add (fixture->project, "Marks", text);

  assert_one_hit (fixture, "q\xcc\x87", 18, 20, "q\xcc\x87");
  assert_one_hit (fixture, "q", 18, 20, "q\xcc\x87");
  assert_one_hit (fixture, "\xe1\xba\xb9\xcc\x81", 25, 27, "\xe1\xba\xb9\xcc\x81");
  /* NFD-looking queries: decomposed, the marks in either order. */
  assert_one_hit (fixture, "e\xcc\xa3\xcc\x81", 25, 27, "\xe1\xba\xb9\xcc\x81");
  assert_one_hit (fixture, "e\xcc\x81\xcc\xa3", 25, 27, "\xe1\xba\xb9\xcc\x81");
  assert_one_hit (fixture, "\"q\xcc\x87 and e\"", 18, 27, "q\xcc\x87 and \xe1\xba\xb9\xcc\x81");
}

/* Marks inside a word, and on its last letter, stay in the match. */
static void
test_combining_marks_in_words (Fixture       *fixture,
                               gconstpointer  data)
{
  /* NFC already: q takes no mark into a composite. */
  add (fixture->project, "Inner", "Dzq\xcc\xa3\xcc\x88" "b plq\xcc\x81tnq\xcc\xa7\xcc\x83 end.\n");

  assert_one_hit (fixture, "dzqb", 0, 6, "Dzq\xcc\xa3\xcc\x88" "b");
  assert_one_hit (fixture, "plqtnq", 7, 16, "plq\xcc\x81tnq\xcc\xa7\xcc\x83");
  assert_one_hit (fixture, "plqt*", 7, 16, "plq\xcc\x81tnq\xcc\xa7\xcc\x83");
}

/* A text whose last code point is a mark: the hit reaches the end. */
static void
test_text_ends_in_mark (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Zoq\xcc\x87 x");
  glong length;

  add (fixture->project, "Ends", "The last word is xoq\xcc\xa3\xcc\x87");
  assert_one_hit (fixture, "xoq", 17, 22, "xoq\xcc\xa3\xcc\x87");

  /* Past the first chunk of folding, and ending in marks. */
  for (guint i = 0; i < 70000 / 7; i++)
    g_string_append (text, " filler");
  g_string_append (text, " yq\xcc\xa3\xcc\x87\xcc\x87");
  g_assert_cmpuint (text->len, >, 65536);
  add (fixture->project, "Long ending", text->str);
  length = g_utf8_strlen (text->str, -1);
  assert_one_hit (fixture, "yq", length - 5, length, "yq\xcc\xa3\xcc\x87\xcc\x87");
}

/* Folding copies ASCII in runs and folds two-byte code points from a
 * table: every such code point, between ASCII letters, folds as its
 * decomposition without marks, lower-cased, one code point at a time. */
static void
test_fold_two_byte (void)
{
  /* ASCII, folded eight bytes at a time: every byte at every alignment,
   * runs cut by a non-ASCII letter. */
  for (guint shift = 0; shift < 9; shift++)
    {
      g_autoptr(GString) input = g_string_new (NULL);
      g_autofree char *expected = NULL;
      g_autofree char *folded = NULL;

      for (guint i = 0; i < shift; i++)
        g_string_append_c (input, 'Q');
      for (guint c = 1; c < 0x80; c++)
        g_string_append_c (input, c);
      g_string_append (input, "\xc3\xa9@AZ[`az{");
      expected = g_ascii_strdown (input->str, -1);
      expected[strlen (expected) - 10] = 'e';
      memmove (expected + strlen (expected) - 9, expected + strlen (expected) - 8, 9);
      folded = lectern_text_fold (input->str, -1);
      g_assert_cmpstr (folded, ==, expected);
    }

  for (gunichar c = 0x80; c < 0x800; c++)
    {
      gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));
      g_autoptr(GString) input = g_string_new ("Ab");
      g_autoptr(GString) expected = g_string_new ("ab");
      g_autofree char *folded = NULL;

      g_string_append_unichar (input, c);
      g_string_append (input, "Cd");
      for (gsize i = 0; i < n; i++)
        {
          GUnicodeType type = g_unichar_type (parts[i]);

          if (type != G_UNICODE_NON_SPACING_MARK && type != G_UNICODE_ENCLOSING_MARK)
            g_string_append_unichar (expected, g_unichar_tolower (parts[i]));
        }
      g_string_append (expected, "cd");
      folded = lectern_text_fold (input->str, -1);
      if (g_strcmp0 (folded, expected->str) != 0)
        g_error ("U+%04X folds to %s, not %s", c, folded, expected->str);
    }
}

/* Letters whose fold has another length than the letter: İ (two bytes,
 * "i" once its dot is dropped), ẞ (three bytes, to ß), and a Greek word
 * in capitals; offsets stay code points of the stored text. */
static void
test_fold_changes_length (Fixture       *fixture,
                          gconstpointer  data)
{
  add (fixture->project, "Lengths",
       "\xc4\xb0stanbul, STRA\xe1\xba\x9e" "E, \xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91 et \xc4\xb0stanbul.\n");

  assert_one_hit (fixture, "stra\xc3\x9f" "e", 10, 16, "STRA\xe1\xba\x9e" "E");
  assert_one_hit (fixture, "\xcf\x83\xce\xbf\xcf\x86\xce\xb9\xce\xb1", 18, 23,
                  "\xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91");
  {
    g_autoptr(GListModel) hits = search (fixture, "istanbul", 0);
    g_autoptr(LecternSearchHit) second = NULL;

    assert_hits_consistent (fixture, hits);
    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
    second = g_list_model_get_item (hits, 1);
    g_assert_cmpint (lectern_search_hit_get_start (second), ==, 27);
    g_assert_cmpint (lectern_search_hit_get_end (second), ==, 35);
  }
}

/* Only words that may start a hit are kept, with the words a phrase could
 * need after them: a phrase never matches across a word it did not see,
 * and one whose first word ends a chunk of folding continues into the
 * next chunk, though that chunk has no first word of its own. */
static void
test_phrase_over_skipped_words (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("rouge x y vif; rouge vif; Rouge X Y.\n");
  g_autoptr(GListModel) hits = NULL;
  glong at;

  add (fixture->project, "Sparse", text->str);
  assert_one_hit (fixture, "\"rouge vif\"", 15, 24, "rouge vif");
  assert_one_hit (fixture, "\"x y vif\"", 6, 13, "x y vif");
  hits = search (fixture, "\"rouge y\" OR \"rouge x y\"", 0);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);

  /* "zèbre" straddles byte 65536, the end of the first chunk. */
  g_string_truncate (text, 0);
  while (text->len < 65536 - 3)
    g_string_append (text, "filler ");
  g_string_truncate (text, 65536 - 3);
  g_string_append (text, " Z\xc3\xa8" "bre ray\xc3\xa9 ");
  at = g_utf8_strlen (text->str, -1) - 11;
  for (guint i = 0; i < 2000; i++)
    g_string_append (text, "filler ");
  add (fixture->project, "Straddling", text->str);
  assert_one_hit (fixture, "\"zebre raye\"", at, at + 10, "Z\xc3\xa8" "bre ray\xc3\xa9");
}

static void
test_reference_project (void)
{
  const char *dir = g_getenv ("LECTERN_SHARED_CORPUS");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GDir) seeds = NULL;
  g_autoptr(GListModel) hits = NULL;
  const char *name;
  guint added = 0;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The reference corpus (LECTERN_SHARED_CORPUS) is not here");
      return;
    }

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), "reference.lectern", NULL);
  file = g_file_new_for_path (path);
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);

  seeds = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (seeds)) != NULL)
    {
      g_autofree char *seed = g_build_filename (dir, name, NULL);
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      g_assert_true (g_file_get_contents (seed, &raw, &length, NULL));
      text = lectern_text_normalize (raw, length);
      g_assert_nonnull (text);
      add (project, name, text);
      added++;
    }
  g_assert_cmpuint (added, >, 0);

  /* "Minsk" occurs in the corpus; every hit's offsets hold. */
  hits = lectern_project_search (project, "minsk OR securite OR \"foreign minister\"", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
  {
    Fixture fixture = { project, 0, 0, 0 };
    assert_hits_consistent (&fixture, hits);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/Lectern/Search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("diacritics-and-case", test_diacritics_and_case);
  ADD ("phrase", test_phrase);
  ADD ("prefix", test_prefix);
  ADD ("all-words", test_all_words);
  ADD ("or", test_or);
  ADD ("exclude", test_exclude);
  ADD ("limit", test_limit);
  ADD ("fts-syntax-is-text", test_fts_syntax_is_text);
  ADD ("malformed", test_malformed);
  ADD ("cancel", test_cancel);
  ADD ("follows-changes", test_follows_changes);
  ADD ("long-document", test_long_document);
  ADD ("combining-marks", test_combining_marks);
  ADD ("combining-marks/in-words", test_combining_marks_in_words);
  ADD ("combining-marks/text-ends-in-mark", test_text_ends_in_mark);
  ADD ("fold/changes-length", test_fold_changes_length);
  ADD ("phrase/over-skipped-words", test_phrase_over_skipped_words);
  g_test_add_func ("/Lectern/Search/fold/two-byte", test_fold_two_byte);
  g_test_add_func ("/Lectern/Search/reference-corpus", test_reference_project);

#undef ADD

  return g_test_run ();
}
