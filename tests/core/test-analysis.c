/* test-analysis.c — the corpus's analyses against answers worked out by
 * hand: concordance filters and sorting by context words, autocode and its
 * undo, each coding-query operator, code matrices and co-occurrence, word
 * counts with stop words, G² and the log ratio.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lectern-core.h"

typedef struct
{
  LecternProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), "analysis.lectern", NULL);
  file = g_file_new_for_path (path);
  fixture->project = lectern_project_create (file, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
}

static gint64
add (Fixture    *fixture,
     const char *title,
     const char *language,
     const char *group,
     const char *text)
{
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (document, title);
  lectern_document_set_language (document, language);
  if (group != NULL)
    lectern_document_set_variable (document, "group", group);
  id = lectern_project_add_document (fixture->project, document, text, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
tag (Fixture    *fixture,
     const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) t = lectern_project_ensure_tag_path (fixture->project, path, &error);

  g_assert_no_error (error);
  return lectern_tag_get_id (t);
}

static void
code (Fixture    *fixture,
      gint64      document_id,
      glong       start,
      glong       end,
      const char *path,
      const char *second_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  gint64 ids[2] = { tag (fixture, path), second_path ? tag (fixture, second_path) : 0 };

  annotation = lectern_project_add_annotation (fixture->project, document_id, start, end, ids,
                                              second_path ? 2 : 1, NULL, &error);
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ */
/* Concordance                                                         */

/* Offsets by hand: "beta" at 6, 24 and 43 of T1; at 6 of T2 ("Ó" is
 * one code point); at 5 of T3. */
#define T1 "Alpha beta gamma. Delta beta epsilon.\nZeta beta eta.\n"
#define T2 "\xC3\x93mega beta alpha.\n"
#define T3 "Iota beta gamma chi.\n"

static void
concordance_project (Fixture *fixture,
                    gint64   ids[3])
{
  ids[0] = add (fixture, "One", "en", "ru", T1);
  ids[1] = add (fixture, "Two", "fr", "fr", T2);
  ids[2] = add (fixture, "Three", "en", "ru", T3);
}

/* "DOC@START" of each hit, joined by spaces. */
static char *
hits_string (GListModel *hits)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, i);

      g_string_append_printf (out, "%s%" G_GINT64_FORMAT "@%ld", i ? " " : "",
                              lectern_search_hit_get_document_id (hit), lectern_search_hit_get_start (hit));
    }
  return g_string_free (out, FALSE);
}

static char *
concordance (Fixture                     *fixture,
             const LecternDocumentFilter *filter,
             gint64                       tag_id,
             LecternConcordanceSort       sort,
             guint                        limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits =
    lectern_project_concordance (fixture->project, "beta", filter, tag_id, sort, limit, NULL, &error);

  g_assert_no_error (error);
  return hits_string (hits);
}

static void
test_concordance_sort (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 ids[3];
  g_autofree char *by_document = NULL;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *first_two = NULL;

  concordance_project (fixture, ids);

  by_document = concordance (fixture, NULL, 0, LECTERN_CONCORDANCE_SORT_DOCUMENT, 0);
  g_assert_cmpstr (by_document, ==, "1@6 1@24 1@43 2@6 3@5");

  /* First word to the left: alpha (1@6), delta (1@24), iota (3@5),
   * omega (2@6, from "Ómega": folded), zeta (1@43). */
  left = concordance (fixture, NULL, 0, LECTERN_CONCORDANCE_SORT_LEFT, 0);
  g_assert_cmpstr (left, ==, "1@6 1@24 3@5 2@6 1@43");

  /* To the right: alpha (2@6), epsilon (1@24), eta (1@43), then two
   * "gamma": the second word decides, chi (3@5) before delta (1@6). */
  right = concordance (fixture, NULL, 0, LECTERN_CONCORDANCE_SORT_RIGHT, 0);
  g_assert_cmpstr (right, ==, "2@6 1@24 1@43 3@5 1@6");

  /* The limit applies after sorting. */
  first_two = concordance (fixture, NULL, 0, LECTERN_CONCORDANCE_SORT_RIGHT, 2);
  g_assert_cmpstr (first_two, ==, "2@6 1@24");

  /* By date: Three (2014) before One (2022); Two, undated, last; the
   * hits of one document in text order. */
  {
    const struct { guint index; const char *date; } dates[] = { { 0, "2022-03-01" }, { 2, "2014-12-31" } };
    g_autofree char *by_date = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(LecternDocument) document = lectern_project_dup_document (fixture->project, ids[dates[i].index], &error);

        g_assert_no_error (error);
        lectern_document_set_date (document, dates[i].date);
        g_assert_true (lectern_project_update_document (fixture->project, document, &error));
        g_assert_no_error (error);
      }
    by_date = concordance (fixture, NULL, 0, LECTERN_CONCORDANCE_SORT_DATE, 0);
    g_assert_cmpstr (by_date, ==, "3@5 1@6 1@24 1@43 2@6");
  }
}

/* Ties on the first words go to the second and third; the edge of the
 * text (no word) comes first. */
static void
test_concordance_sort_deeper (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *left = NULL;

  /* "beta" at 0, 9, 18 and 25; the words to the left of each, nearest
   * first: 0 (none), 9 (a, b, beta), 18 (a, c, beta), 25 (a, beta, a,
   * the earlier hits being words too). All but the first tie on "a"; the
   * second word decides: b < beta < c. */
  add (fixture, "Deep", "en", NULL, "beta b a beta c a beta a beta\n");
  left = concordance (fixture, NULL, 0, LECTERN_CONCORDANCE_SORT_LEFT, 0);
  g_assert_cmpstr (left, ==, "1@0 1@9 1@25 1@18");
}

static void
test_concordance_filters (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 ids[3];
  g_autoptr(LecternDocumentFilter) by_id = lectern_document_filter_new ();
  g_autoptr(LecternDocumentFilter) by_language = lectern_document_filter_new ();
  g_autoptr(LecternDocumentFilter) by_variable = lectern_document_filter_new ();
  g_autoptr(LecternDocumentFilter) missing = lectern_document_filter_new ();
  g_autofree char *one = NULL;
  g_autofree char *french = NULL;
  g_autofree char *russian = NULL;
  g_autofree char *claims = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GError) error = NULL;

  concordance_project (fixture, ids);

  lectern_document_filter_add_document (by_id, ids[2]);
  lectern_document_filter_add_document (by_id, ids[1]);
  one = concordance (fixture, by_id, 0, LECTERN_CONCORDANCE_SORT_DOCUMENT, 0);
  g_assert_cmpstr (one, ==, "2@6 3@5");

  lectern_document_filter_set_language (by_language, "FR");
  french = concordance (fixture, by_language, 0, LECTERN_CONCORDANCE_SORT_DOCUMENT, 0);
  g_assert_cmpstr (french, ==, "2@6");

  lectern_document_filter_set_variable (by_variable, "group", "ru");
  russian = concordance (fixture, by_variable, 0, LECTERN_CONCORDANCE_SORT_DOCUMENT, 0);
  g_assert_cmpstr (russian, ==, "1@6 1@24 1@43 3@5");

  /* Hits inside passages of Claims or a tag below it: "Delta beta
   * epsilon." is [18, 37) of T1; all of T3 is coded Claims/NATO; the
   * passage [0, 8) of T1 ends inside the hit at 6. */
  code (fixture, ids[0], 18, 37, "Claims", NULL);
  code (fixture, ids[2], 0, 20, "Claims/NATO", NULL);
  code (fixture, ids[0], 0, 8, "Claims", NULL);
  claims = concordance (fixture, NULL, tag (fixture, "Claims"), LECTERN_CONCORDANCE_SORT_DOCUMENT, 0);
  g_assert_cmpstr (claims, ==, "1@24 3@5");

  lectern_document_filter_add_document (missing, 99);
  none = lectern_project_concordance (fixture->project, "beta", missing, 0, LECTERN_CONCORDANCE_SORT_DOCUMENT,
                                     0, NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_assert_null (none);
}

/* ------------------------------------------------------------------ */
/* Autocode                                                            */

/* Every passage as "DOC:START-END:TAGIDS", in reading order. */
static char *
passages_string (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = lectern_project_list_annotations (fixture->project, 0, 0, FALSE, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (all, i);
      const gint64 *tag_ids;
      guint n_tags;

      tag_ids = lectern_annotation_get_tag_ids (a, &n_tags);
      g_string_append_printf (out, "%s%" G_GINT64_FORMAT ":%ld-%ld:", i ? " " : "",
                              lectern_annotation_get_document_id (a),
                              lectern_annotation_get_start (a), lectern_annotation_get_end (a));
      for (guint t = 0; t < n_tags; t++)
        g_string_append_printf (out, "%s%" G_GINT64_FORMAT, t ? "," : "", tag_ids[t]);
    }
  return g_string_free (out, FALSE);
}

static guint
autocode (Fixture              *fixture,
          const char           *path,
          LecternAutocodeScope  scope,
          gint64                within)
{
  g_autoptr(GError) error = NULL;
  guint made = 99;

  g_assert_true (lectern_project_autocode (fixture->project, "beta", NULL, tag (fixture, path), scope, within,
                                          &made, NULL, &error));
  g_assert_no_error (error);
  return made;
}

static void
test_autocode (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 ids[3];
  gint64 sentence_tag, paragraph_tag, match_tag;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(GError) error = NULL;

  concordance_project (fixture, ids);
  code (fixture, ids[0], 18, 37, "Claims", NULL);
  sentence_tag = tag (fixture, "Auto/Sentence");
  paragraph_tag = tag (fixture, "Auto/Paragraph");
  match_tag = tag (fixture, "Auto/Match");
  lectern_project_set_undo_enabled (fixture->project, TRUE);
  before = passages_string (fixture);

  /* Sentences of T1: [0, 17) "Alpha beta gamma.", [18, 37) "Delta beta
   * epsilon.", [38, 52) "Zeta beta eta."; T2 [0, 17); T3 [0, 20). */
  g_assert_cmpuint (autocode (fixture, "Auto/Sentence", LECTERN_AUTOCODE_SENTENCE, 0), ==, 5);
  after = passages_string (fixture);
  expected = g_strdup_printf ("1:0-17:%1$" G_GINT64_FORMAT " 1:18-37:1 1:18-37:%1$" G_GINT64_FORMAT
                              " 1:38-52:%1$" G_GINT64_FORMAT " 2:0-17:%1$" G_GINT64_FORMAT
                              " 3:0-20:%1$" G_GINT64_FORMAT, sentence_tag);
  g_assert_cmpstr (after, ==, expected);
  g_assert_cmpstr (lectern_project_get_undo_label (fixture->project), ==, "Code all hits");

  /* One step: one undo restores exactly what was there. */
  g_assert_true (lectern_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  undone = passages_string (fixture);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (lectern_project_redo (fixture->project, &error));
  g_assert_no_error (error);
  redone = passages_string (fixture);
  g_assert_cmpstr (redone, ==, after);

  /* Already there: nothing made twice, no step. */
  g_assert_cmpuint (autocode (fixture, "Auto/Sentence", LECTERN_AUTOCODE_SENTENCE, 0), ==, 0);

  /* Paragraphs: the two hits of T1's first line make one passage [0, 37);
   * then [38, 52), T2 [0, 17), T3 [0, 20). */
  g_assert_cmpuint (autocode (fixture, "Auto/Paragraph", LECTERN_AUTOCODE_PARAGRAPH, 0), ==, 4);
  {
    g_autoptr(GListModel) made = lectern_project_list_annotations (fixture->project, 0, paragraph_tag, FALSE, &error);
    g_autoptr(LecternAnnotation) first = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (made), ==, 4);
    first = g_list_model_get_item (made, 0);
    g_assert_cmpint (lectern_annotation_get_start (first), ==, 0);
    g_assert_cmpint (lectern_annotation_get_end (first), ==, 37);
  }

  /* Only inside Claims: the match [24, 28) of T1. */
  g_assert_cmpuint (autocode (fixture, "Auto/Match", LECTERN_AUTOCODE_MATCH, tag (fixture, "Claims")), ==, 1);
  {
    g_autoptr(GListModel) made = lectern_project_list_annotations (fixture->project, 0, match_tag, FALSE, &error);
    g_autoptr(LecternAnnotation) only = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (made), ==, 1);
    only = g_list_model_get_item (made, 0);
    g_assert_cmpint (lectern_annotation_get_start (only), ==, 24);
    g_assert_cmpint (lectern_annotation_get_end (only), ==, 28);
    g_assert_cmpstr (lectern_annotation_get_quote (only), ==, "beta");
  }

  /* Chosen hits (a concordance's selected rows): the first and the third
   * of "beta" in T1, at sentence scope, one step labelled as such; with
   * Claims as "only inside", just the one of them inside [18, 37) — and
   * here neither is, so nothing is made. */
  {
    g_autoptr(GListModel) hits = lectern_project_concordance (fixture->project, "beta", NULL, 0,
                                                             LECTERN_CONCORDANCE_SORT_DOCUMENT, 0, NULL, &error);
    g_autoptr(GListStore) chosen = g_list_store_new (LECTERN_TYPE_SEARCH_HIT);
    gint64 chosen_tag = tag (fixture, "Auto/Chosen");
    guint made = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < 3; i += 2)
      {
        g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, i);

        g_assert_cmpint (lectern_search_hit_get_document_id (hit), ==, ids[0]);
        g_list_store_append (chosen, hit);
      }
    g_assert_true (lectern_project_autocode_hits (fixture->project, G_LIST_MODEL (chosen), chosen_tag,
                                                  LECTERN_AUTOCODE_SENTENCE, tag (fixture, "Claims"), &made,
                                                  NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (made, ==, 0);
    g_assert_true (lectern_project_autocode_hits (fixture->project, G_LIST_MODEL (chosen), chosen_tag,
                                                  LECTERN_AUTOCODE_SENTENCE, 0, &made, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (made, ==, 2);
    g_assert_cmpstr (lectern_project_get_undo_label (fixture->project), ==, "Code selected hits");
    {
      g_autoptr(GListModel) list = lectern_project_list_annotations (fixture->project, 0, chosen_tag, FALSE, &error);
      g_autoptr(LecternAnnotation) first = g_list_model_get_item (list, 0);
      g_autoptr(LecternAnnotation) second = g_list_model_get_item (list, 1);

      g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
      g_assert_cmpstr (lectern_annotation_get_quote (first), ==, "Alpha beta gamma.");
      g_assert_cmpstr (lectern_annotation_get_quote (second), ==, "Zeta beta eta.");
    }
    g_assert_true (lectern_project_undo (fixture->project, &error));
    g_assert_no_error (error);
  }
}

/* A sentence does not end at the abbreviations of its language. */
static void
test_autocode_abbreviations (Fixture       *fixture,
                             gconstpointer  data)
{
  /* "Yesterday Mr. Smith met the minister in Paris." is [0, 46). */
  gint64 en = add (fixture, "En", "en", NULL, "Yesterday Mr. Smith met the minister in Paris. Then he left.\n");
  /* "Hier M. Lavrov a vu le ministre." is [0, 32). */
  gint64 fr = add (fixture, "Fr", "fr", NULL, "Hier M. Lavrov a vu le ministre. Puis il est parti.\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternDocumentFilter) filter = lectern_document_filter_new ();
  guint made = 0;
  g_autofree char *passages = NULL;
  g_autofree char *expected = NULL;

  lectern_document_filter_add_document (filter, en);
  lectern_document_filter_add_document (filter, fr);
  g_assert_true (lectern_project_autocode (fixture->project, "minister OR ministre", filter, tag (fixture, "S"),
                                          LECTERN_AUTOCODE_SENTENCE, 0, &made, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (made, ==, 2);
  passages = passages_string (fixture);
  expected = g_strdup_printf ("1:0-46:%1$" G_GINT64_FORMAT " 2:0-32:%1$" G_GINT64_FORMAT, tag (fixture, "S"));
  g_assert_cmpstr (passages, ==, expected);
}

/* ------------------------------------------------------------------ */
/* Coding queries                                                      */

/* Paragraphs of A: 1 [0, 14), 2 [15, 29), 3 [30, 44), 4 [45, 49). */
#define TA "aaaa bbbb cccc\ndddd eeee ffff\ngggg hhhh iiii\njjjj\n"

static void
coding_project (Fixture *fixture)
{
  gint64 a = add (fixture, "A", "en", NULL, TA);
  gint64 b = add (fixture, "B", "en", NULL, "kkkk\n");

  code (fixture, a, 0, 9, "X", NULL);      /* X1, ¶1 */
  code (fixture, a, 5, 14, "Y", NULL);     /* Y1, ¶1 */
  code (fixture, a, 30, 34, "Y", NULL);    /* Y2, ¶3 */
  code (fixture, a, 45, 49, "X", NULL);    /* X2, ¶4 */
  code (fixture, a, 15, 19, "Z", NULL);    /* Z1, ¶2 */
  code (fixture, b, 0, 4, "Z", NULL);
  code (fixture, b, 0, 4, "P/Q", NULL);
}

/* "DOC:START-END:TAGS" of each result. */
static char *
retrieve (Fixture    *fixture,
          const char *expression)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = lectern_project_retrieve (fixture->project, expression, NULL, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    {
      const LecternRetrieved *r = g_ptr_array_index (found, i);

      g_string_append_printf (out, "%s%" G_GINT64_FORMAT ":%ld-%ld:%s", i ? " " : "",
                              r->document_id, r->start, r->end, r->tags);
    }
  return g_string_free (out, FALSE);
}

#define assert_retrieve(fixture, expression, expected)   \
  G_STMT_START {                                          \
    g_autofree char *got = retrieve (fixture, expression); \
    g_assert_cmpstr (got, ==, expected);                  \
  } G_STMT_END

static void
test_retrieve_operators (Fixture       *fixture,
                         gconstpointer  data)
{
  coding_project (fixture);

  assert_retrieve (fixture, "X", "1:0-9:X 1:45-49:X");
  /* X1 ∩ Y1 */
  assert_retrieve (fixture, "X AND Y", "1:5-9:X,Y");
  assert_retrieve (fixture, "\"X\" AND \"Y\"", "1:5-9:X,Y");
  assert_retrieve (fixture, "X OR Y", "1:0-9:X 1:5-14:Y 1:30-34:Y 1:45-49:X");
  /* X1 overlaps Y1; X2 overlaps nothing. */
  assert_retrieve (fixture, "X NOT Y", "1:45-49:X");
  assert_retrieve (fixture, "X AND NOT Y", "1:45-49:X");
  /* Same paragraph: X1, Y1. One apart: also X2 (¶4) with Y2 (¶3). */
  assert_retrieve (fixture, "X NEAR/0 Y", "1:0-14:X,Y");
  assert_retrieve (fixture, "X NEAR/1 Y", "1:0-14:X,Y 1:30-49:X,Y");
  /* Y2 (¶3) then X2 (¶4); Y1 ends after X1 starts: not after it. */
  assert_retrieve (fixture, "Y FOLLOWED-BY X", "1:30-49:Y,X");
  assert_retrieve (fixture, "X FOLLOWED-BY Z", "1:0-19:X,Z");
  assert_retrieve (fixture, "Z FOLLOWED-BY X", "");
  /* Precedence: OR loosest. */
  assert_retrieve (fixture, "(X OR Z) AND Y", "1:5-9:X,Y");
  assert_retrieve (fixture, "X OR Z AND Y", "1:0-9:X 1:45-49:X");
  /* A parent code finds its children's passages. */
  assert_retrieve (fixture, "P", "2:0-4:P");
  assert_retrieve (fixture, "P AND Z", "2:0-4:P,Z");
}

/* Any tag path, quoted, is one code: quotation marks, backslashes (a '/'
 * or '\\' inside a name is escaped in the path) and operator words. */
static void
test_retrieve_quote (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 d = add (fixture, "D", "en", NULL, "one two three\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) odd = NULL;
  g_autoptr(LecternTag) plain = NULL;
  g_autofree char *odd_name = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *expression = NULL;
  g_autofree char *got = NULL;
  g_autofree char *expected = NULL;
  gint64 ids[2];

  odd = lectern_project_add_tag (fixture->project, 0, "Say \"no\" AND a\\b/c\\", NULL, &error);
  g_assert_no_error (error);
  plain = lectern_project_add_tag (fixture->project, 0, "Plain", NULL, &error);
  g_assert_no_error (error);
  ids[0] = lectern_tag_get_id (odd);
  ids[1] = lectern_tag_get_id (plain);
  {
    g_autoptr(LecternAnnotation) a = lectern_project_add_annotation (fixture->project, d, 0, 7, &ids[0], 1, NULL, &error);
    g_autoptr(LecternAnnotation) b = lectern_project_add_annotation (fixture->project, d, 4, 13, &ids[1], 1, NULL, &error);

    g_assert_no_error (error);
  }

  /* The path escapes the name's backslashes and slash: Say "no" AND a\\b\/c\\ */
  odd_name = g_strdup (lectern_tag_get_path (odd));
  g_assert_cmpstr (odd_name, ==, "Say \"no\" AND a\\\\b\\/c\\\\");
  quoted = lectern_coding_query_quote (odd_name);
  g_assert_cmpstr (quoted, ==, "\"Say \\\"no\\\" AND a\\\\\\\\b\\\\/c\\\\\\\\\"");

  expression = g_strdup_printf ("%s AND Plain", quoted);
  got = retrieve (fixture, expression);
  expected = g_strdup_printf ("1:4-7:%s,Plain", odd_name);
  g_assert_cmpstr (got, ==, expected);
}

static char *
retrieve_documents (Fixture    *fixture,
                    const char *expression)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = lectern_project_retrieve_documents (fixture->project, expression, NULL, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? " " : "", g_array_index (ids, gint64, i));
  return g_string_free (out, FALSE);
}

static void
test_retrieve_documents (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *with_x = NULL;
  g_autofree char *without_x = NULL;
  g_autofree char *with_z = NULL;
  g_autofree char *without_z = NULL;

  coding_project (fixture);
  with_x = retrieve_documents (fixture, "X");
  without_x = retrieve_documents (fixture, "NOT X");
  with_z = retrieve_documents (fixture, "Z");
  without_z = retrieve_documents (fixture, "NOT Z");
  g_assert_cmpstr (with_x, ==, "1");
  g_assert_cmpstr (without_x, ==, "2");
  g_assert_cmpstr (with_z, ==, "1 2");
  g_assert_cmpstr (without_z, ==, "");
}

static void
test_retrieve_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct { const char *expression; const char *where; } malformed[] = {
    { "X AND", "character 6:" },
    { "(X OR Y", "character 8:" },
    { "X Y", "character 3:" },
    { "X NEAR Y", "character 3:" },
    { "X NEAR/-1 Y", "character 3:" },
    { "\"X", "character 1:" },
    { "X )", "character 3:" },
    { "AND X", "character 1:" },
    { "X AND (NOT Y)", "character 8:" },
    { "", "character 1:" },
    { "()", "character 2:" },
  };

  coding_project (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = lectern_project_retrieve (fixture->project, malformed[i].expression, NULL, NULL,
                                                            &error);

      g_assert_null (found);
      g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_QUERY);
      if (strstr (error->message, malformed[i].where) == NULL)
        g_error ("“%s”: “%s” does not say %s", malformed[i].expression, error->message, malformed[i].where);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) found = lectern_project_retrieve (fixture->project, "X AND Nowhere", NULL, NULL, &error);

    g_assert_null (found);
    g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  }
  {
    /* Operators in lower case are codes; the error says why none exists. */
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) found = lectern_project_retrieve (fixture->project, "X and Y", NULL, NULL, &error);

    g_assert_null (found);
    g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_QUERY);
    g_assert_nonnull (strstr (error->message, "character 3: operators are written in capitals"));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) found = lectern_project_retrieve (fixture->project, "X OR and", NULL, NULL, &error);

    g_assert_null (found);
    g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "AND"));
  }
  {
    /* NOT alone lists documents, not passages. */
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) found = lectern_project_retrieve (fixture->project, "NOT X", NULL, NULL, &error);

    g_assert_null (found);
    g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_QUERY);
  }
  {
    /* A long chain is no deep recursion. */
    GString *chain = g_string_new ("X");
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) found = NULL;

    for (guint i = 0; i < 1500; i++)
      g_string_append (chain, " OR X");
    found = lectern_project_retrieve (fixture->project, chain->str, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 2);
    g_string_free (chain, TRUE);
  }
}

/* ------------------------------------------------------------------ */
/* Matrices                                                            */

static void
matrix_project (Fixture *fixture)
{
  gint64 d1 = add (fixture, "D1", "en", "a", "one two three four\n");  /* 19 characters */
  gint64 d2 = add (fixture, "D2", "en", "a", "five six seven\n");      /* 15 */
  gint64 d3 = add (fixture, "D3", "en", "b", "eight nine\n");          /* 11 */

  code (fixture, d1, 0, 7, "A", NULL);       /* p1 */
  code (fixture, d1, 4, 13, "A", NULL);      /* p2: with p1, 13 characters of A */
  code (fixture, d1, 0, 3, "C", NULL);       /* p3 */
  code (fixture, d1, 8, 13, "A/B", NULL);    /* p4 */
  code (fixture, d2, 0, 4, "A/B", NULL);     /* p5 */
  code (fixture, d2, 5, 8, "C", "A");        /* p6: two codes */
  code (fixture, d3, 0, 5, "C", NULL);       /* p7 */
  code (fixture, d3, 6, 10, "C", NULL);      /* p8 */
}

/* The matrix as text: "LABELS|ROW;ROW…", values with two decimals. */
static char *
matrix_string (LecternMatrix *matrix)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < matrix->n_columns; c++)
    g_string_append_printf (out, "%s%s", c ? "," : "", (char *) g_ptr_array_index (matrix->column_labels, c));
  g_string_append_c (out, '|');
  for (guint r = 0; r < matrix->n_rows; r++)
    {
      g_string_append_printf (out, "%s%s=", r ? ";" : "", (char *) g_ptr_array_index (matrix->row_labels, r));
      for (guint c = 0; c < matrix->n_columns; c++)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append_printf (out, "%s%s", c ? "," : "",
                                  g_ascii_formatd (buffer, sizeof buffer, "%.2f", lectern_matrix_get (matrix, r, c)));
        }
    }
  return g_string_free (out, FALSE);
}

static char *
code_matrix (Fixture            *fixture,
             const char         *variable,
             LecternMatrixValue  value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternMatrix) matrix = lectern_project_code_matrix (fixture->project, NULL, variable, value, NULL, &error);

  g_assert_no_error (error);
  return matrix_string (matrix);
}

static void
test_matrix (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *passages = NULL;
  g_autofree char *chars = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *group_chars = NULL;
  g_autofree char *share = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternMatrix) none = NULL;

  matrix_project (fixture);

  passages = code_matrix (fixture, NULL, LECTERN_MATRIX_VALUE_PASSAGES);
  g_assert_cmpstr (passages, ==, "1,2,3|A=2.00,1.00,0.00;A/B=1.00,1.00,0.00;C=1.00,1.00,2.00");

  /* A in D1: [0, 7) ∪ [4, 13) = 13; C in D3: 5 + 4. */
  chars = code_matrix (fixture, NULL, LECTERN_MATRIX_VALUE_CHARS);
  g_assert_cmpstr (chars, ==, "1,2,3|A=13.00,3.00,0.00;A/B=5.00,4.00,0.00;C=3.00,3.00,9.00");

  groups = code_matrix (fixture, "group", LECTERN_MATRIX_VALUE_PASSAGES);
  g_assert_cmpstr (groups, ==, "a,b|A=3.00,0.00;A/B=2.00,0.00;C=2.00,2.00");
  group_chars = code_matrix (fixture, "group", LECTERN_MATRIX_VALUE_CHARS);
  g_assert_cmpstr (group_chars, ==, "a,b|A=16.00,0.00;A/B=9.00,0.00;C=6.00,9.00");

  /* Group a has 19 + 15 = 34 characters, b 11: 16/34, 9/34, 6/34, 9/11. */
  share = code_matrix (fixture, "group", LECTERN_MATRIX_VALUE_SHARE);
  g_assert_cmpstr (share, ==, "a,b|A=0.47,0.00;A/B=0.26,0.00;C=0.18,0.82");

  none = lectern_project_code_matrix (fixture->project, NULL, "speaker", LECTERN_MATRIX_VALUE_PASSAGES, NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_assert_null (none);
}

static void
test_cooccurrence (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternMatrix) overlap = NULL;
  g_autoptr(LecternMatrix) paragraph = NULL;
  g_autofree char *overlap_text = NULL;
  g_autofree char *paragraph_text = NULL;

  matrix_project (fixture);

  /* Overlapping pairs: {p1, p2} (A, A), {p1, p3} (A, C), {p2, p4} (A, A/B). */
  overlap = lectern_project_cooccurrence (fixture->project, NULL, LECTERN_COOCCURRENCE_OVERLAP, NULL, &error);
  g_assert_no_error (error);
  overlap_text = matrix_string (overlap);
  g_assert_cmpstr (overlap_text, ==,
                   "A,A/B,C|A=1.00,1.00,1.00;A/B=1.00,0.00,0.00;C=1.00,0.00,0.00");

  /* One paragraph per document: every pair of a document. D1: p1p2 (A,A),
   * p1p3 p2p3 (A,C), p1p4 p2p4 (A,A/B), p3p4 (C,A/B); D2: p5p6 ({A/B},
   * {C,A}): (A/B,C) and (A/B,A); D3: p7p8 (C,C). */
  paragraph = lectern_project_cooccurrence (fixture->project, NULL, LECTERN_COOCCURRENCE_PARAGRAPH, NULL, &error);
  g_assert_no_error (error);
  paragraph_text = matrix_string (paragraph);
  g_assert_cmpstr (paragraph_text, ==,
                   "A,A/B,C|A=1.00,3.00,2.00;A/B=3.00,0.00,2.00;C=2.00,2.00,1.00");
}

/* The app's way: a job on a worker connection, the filter copied into it. */
static gpointer
matrix_job (LecternJob     *job,
            LecternProject  *project,
            gpointer        data,
            GCancellable   *cancellable,
            GError        **error)
{
  return lectern_project_code_matrix (project, data, "group", LECTERN_MATRIX_VALUE_CHARS, cancellable, error);
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_matrix_job (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LecternDocumentFilter) filter = lectern_document_filter_new ();
  g_autoptr(LecternJob) job = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LecternMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  matrix_project (fixture);
  lectern_document_filter_set_language (filter, "en");
  job = lectern_job_new (lectern_project_get_file (fixture->project), matrix_job,
                         lectern_document_filter_copy (filter), (GDestroyNotify) lectern_document_filter_free,
                         (GDestroyNotify) lectern_matrix_free);
  lectern_job_run_async (job, test_matrix_job, NULL, job_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  matrix = lectern_job_propagate (result, test_matrix_job, &error);
  g_assert_no_error (error);
  text = matrix_string (matrix);
  g_assert_cmpstr (text, ==, "a,b|A=16.00,0.00;A/B=9.00,0.00;C=6.00,9.00");
}

/* ------------------------------------------------------------------ */
/* Word counts and keyness                                             */

static void
test_word_counts (Fixture       *fixture,
                  gconstpointer  data)
{
  /* English: the cat and the cat le chat = 7 words; "the", "and" are
   * English stop words, "le" is not. French: le chat été été = 4 words;
   * "le" and "été" are French stop words. */
  gint64 en = add (fixture, "En", "en", "x", "The cat and the Cat. Le chat!\n");
  gint64 fr = add (fixture, "Fr", "fr", "y", "Le chat \xC3\xA9t\xC3\xA9 \xC3\x89T\xC3\x89.\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternWordCounts) counts = lectern_project_count_words (fixture->project, NULL, NULL, &error);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GString *out = g_string_new (NULL);
  g_autofree char *listed_text = NULL;
  g_autofree char *all_text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (lectern_word_counts_get_total (counts), ==, 11);

  listed = lectern_word_counts_list (counts, FALSE);
  for (guint i = 0; i < listed->len; i++)
    {
      const LecternWordCount *w = g_ptr_array_index (listed, i);
      g_string_append_printf (out, "%s%s=%" G_GINT64_FORMAT, i ? " " : "", w->word, w->listed);
    }
  listed_text = g_string_free (out, FALSE);
  g_assert_cmpstr (listed_text, ==, "cat=2 chat=2 le=1");

  out = g_string_new (NULL);
  all = lectern_word_counts_list (counts, TRUE);
  for (guint i = 0; i < all->len; i++)
    {
      const LecternWordCount *w = g_ptr_array_index (all, i);
      g_string_append_printf (out, "%s%s=%" G_GINT64_FORMAT, i ? " " : "", w->word, w->count);
    }
  all_text = g_string_free (out, FALSE);
  g_assert_cmpstr (all_text, ==, "cat=2 chat=2 ete=2 le=2 the=2 and=1");

  /* Keyness of En (A, 7 words) against Fr (B, 4 words):
   * cat 2/0: E1 = 7·2/11 = 1.272727, G² = 2·2·ln (2/1.272727) = 1.807940,
   *          log ratio = log2 ((2/7) / (0.5/4)) = log2 (2.285714) = 1.192645;
   * chat, le 1/1: E1 = 7·2/11, E2 = 4·2/11,
   *          G² = 2 (ln (11/14) + ln (11/8)) = 0.154583,
   *          log ratio = log2 ((1/7) / (1/4)) = −0.807355, so B's side. */
  {
    g_autoptr(LecternDocumentFilter) a = lectern_document_filter_new ();
    g_autoptr(LecternDocumentFilter) b = lectern_document_filter_new ();
    g_autoptr(LecternWordCounts) a_counts = NULL;
    g_autoptr(LecternWordCounts) b_counts = NULL;
    g_autoptr(GPtrArray) keywords = NULL;
    const LecternKeyword *k;

    lectern_document_filter_add_document (a, en);
    lectern_document_filter_set_variable (b, "group", "y");
    a_counts = lectern_project_count_words (fixture->project, a, NULL, &error);
    g_assert_no_error (error);
    b_counts = lectern_project_count_words (fixture->project, b, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (lectern_word_counts_get_total (a_counts), ==, 7);
    g_assert_cmpint (lectern_word_counts_get_total (b_counts), ==, 4);
    (void) fr;

    keywords = lectern_keyness_compare (a_counts, b_counts, FALSE);
    g_assert_cmpuint (keywords->len, ==, 3);
    k = g_ptr_array_index (keywords, 0);
    g_assert_cmpstr (k->word, ==, "cat");
    g_assert_cmpint (k->a_count, ==, 2);
    g_assert_cmpint (k->b_count, ==, 0);
    g_assert_cmpfloat_with_epsilon (k->log_likelihood, 1.807940, 1e-6);
    g_assert_cmpfloat_with_epsilon (k->log_ratio, 1.192645, 1e-6);
    k = g_ptr_array_index (keywords, 1);
    g_assert_cmpstr (k->word, ==, "chat");
    g_assert_cmpfloat_with_epsilon (k->log_likelihood, 0.154583, 1e-6);
    g_assert_cmpfloat_with_epsilon (k->log_ratio, -0.807355, 1e-6);
    k = g_ptr_array_index (keywords, 2);
    g_assert_cmpstr (k->word, ==, "le");
    g_assert_cmpint (k->a_count, ==, 1);
    g_assert_cmpint (k->b_count, ==, 1);
  }
}

static void
test_keyness_formulas (void)
{
  /* a = 10, b = 2, A = B = 1000: E1 = E2 = 6,
   * G² = 2 (10 ln (10/6) + 2 ln (2/6)) = 2 (5.108256 − 2.197225) = 5.822063;
   * log ratio = log2 (10/2) = 2.321928. */
  g_assert_cmpfloat_with_epsilon (lectern_keyness_log_likelihood (10, 2, 1000, 1000), 5.822063, 1e-6);
  g_assert_cmpfloat_with_epsilon (lectern_keyness_log_ratio (10, 2, 1000, 1000), 2.321928, 1e-6);
  /* a = 5, b = 0, A = 100, B = 300: E1 = 100·5/400 = 1.25,
   * G² = 2·5 ln (5/1.25) = 10 ln 4 = 13.862944;
   * log ratio = log2 ((5/100) / (0.5/300)) = log2 30 = 4.906891. */
  g_assert_cmpfloat_with_epsilon (lectern_keyness_log_likelihood (5, 0, 100, 300), 13.862944, 1e-6);
  g_assert_cmpfloat_with_epsilon (lectern_keyness_log_ratio (5, 0, 100, 300), 4.906891, 1e-6);
  /* Symmetry: the same word the other way round. */
  g_assert_cmpfloat_with_epsilon (lectern_keyness_log_likelihood (0, 5, 300, 100), 13.862944, 1e-6);
  g_assert_cmpfloat_with_epsilon (lectern_keyness_log_ratio (0, 5, 300, 100), -4.906891, 1e-6);
  /* The same rate on both sides: nothing key. */
  g_assert_cmpfloat_with_epsilon (lectern_keyness_log_likelihood (4, 8, 100, 200), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (lectern_keyness_log_ratio (0, 0, 100, 200), 0, 1e-9);
}

static void
test_stop_words (void)
{
  g_assert_true (lectern_stop_word ("en", "the"));
  g_assert_true (lectern_stop_word ("en-GB", "and"));
  g_assert_false (lectern_stop_word ("en", "cat"));
  /* French, folded: "été" as the word layer folds it. */
  g_assert_true (lectern_stop_word ("fr", "ete"));
  g_assert_true (lectern_stop_word ("fr", "le"));
  g_assert_false (lectern_stop_word ("fr", "the"));
  g_assert_false (lectern_stop_word ("ru", "the"));
  g_assert_false (lectern_stop_word (NULL, "the"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/Lectern/Core/analysis/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("concordance/sort", test_concordance_sort);
  ADD ("concordance/sort-deeper", test_concordance_sort_deeper);
  ADD ("concordance/filters", test_concordance_filters);
  ADD ("autocode", test_autocode);
  ADD ("autocode/abbreviations", test_autocode_abbreviations);
  ADD ("retrieve/operators", test_retrieve_operators);
  ADD ("retrieve/documents", test_retrieve_documents);
  ADD ("retrieve/quote", test_retrieve_quote);
  ADD ("retrieve/errors", test_retrieve_errors);
  ADD ("matrix", test_matrix);
  ADD ("cooccurrence", test_cooccurrence);
  ADD ("matrix-job", test_matrix_job);
  ADD ("word-counts", test_word_counts);
  g_test_add_func ("/Lectern/Core/analysis/keyness", test_keyness_formulas);
  g_test_add_func ("/Lectern/Core/analysis/stop-words", test_stop_words);

  return g_test_run ();
}
