/* test-cli-analysis.c — lectern-cli search filters and sorts, autocode,
 * retrieve, matrix, cooccurrence, frequencies and keyness: their output
 * on a small corpus worked out by hand, and their errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-harness.h"

/* "beta" at 6, 24 and 43 of ONE; at 6 of TWO. Sentences of ONE: [0, 17),
 * [18, 37), [38, 52). */
static const char one[] = "Alpha beta gamma. Delta beta epsilon.\nZeta beta eta.\n";
static const char two[] = "Omega beta alpha.\n";

static char *
new_project (void)
{
  char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) set_one = NULL;
  g_autoptr(CliRun) set_two = NULL;

  g_assert_cmpint (cli_import_text (project, "one.txt", one), ==, 1);
  g_assert_cmpint (cli_import_text (project, "two.txt", two), ==, 2);
  set_one = cli_run (project, "document-set", "1", "--language", "en", "--var", "group=ru", NULL);
  cli_assert_status (set_one, 0);
  set_two = cli_run (project, "document-set", "2", "--language", "fr", "--var", "group=fr", NULL);
  cli_assert_status (set_two, 0);

  return project;
}

/* The first two fields (DOCUMENT START) of each line, "D@S" joined by
 * spaces. */
static char *
positions (const char *out)
{
  g_auto(GStrv) lines = cli_lines (out);
  GString *result = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);

      g_string_append_printf (result, "%s%s@%s", i ? " " : "", fields[0], fields[1]);
    }
  return g_string_free (result, FALSE);
}

#define assert_positions(run, expected)                 \
  G_STMT_START {                                        \
    g_autofree char *got = NULL;                        \
    cli_assert_status (run, 0);                         \
    got = positions ((run)->out_text);                  \
    g_assert_cmpstr (got, ==, expected);                \
  } G_STMT_END

static void
test_search_sort (void)
{
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) by_document = cli_run (project, "search", "beta", NULL);
  g_autoptr(CliRun) left = cli_run (project, "search", "beta", "--sort", "left", NULL);
  g_autoptr(CliRun) right = cli_run (project, "search", "beta", "--sort", "right", NULL);
  g_autoptr(CliRun) limited = cli_run (project, "search", "beta", "--sort", "right", "--limit", "2", NULL);
  g_autoptr(CliRun) bad = cli_run (project, "search", "beta", "--sort", "middle", NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  assert_positions (by_document, "1@6 1@24 1@43 2@6");
  /* Left: alpha, delta, omega, zeta. Right: alpha, epsilon, eta, gamma. */
  assert_positions (left, "1@6 1@24 2@6 1@43");
  assert_positions (right, "2@6 1@24 1@43 1@6");
  assert_positions (limited, "2@6 1@24");
  cli_assert_usage_error (bad);

  /* By date: TWO (2014) before ONE (undated). */
  {
    g_autoptr(CliRun) set = cli_run (project, "document-set", "2", "--date", "2014-12-31", NULL);
    g_autoptr(CliRun) by_date = NULL;

    cli_assert_status (set, 0);
    by_date = cli_run (project, "search", "beta", "--sort", "date", NULL);
    assert_positions (by_date, "2@6 1@6 1@24 1@43");
  }

  /* Same columns as ever: DOCUMENT START END LEFT MATCH RIGHT. */
  lines = cli_lines (right->out_text);
  fields = cli_fields (lines[0]);
  g_assert_cmpuint (g_strv_length (fields), ==, 6);
  g_assert_cmpstr (fields[2], ==, "10");
  g_assert_cmpstr (fields[3], ==, "Omega ");
  g_assert_cmpstr (fields[4], ==, "beta");
  g_assert_cmpstr (fields[5], ==, " alpha. ");
}

static void
test_search_filters (void)
{
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) document = cli_run (project, "search", "beta", "--document", "2", NULL);
  g_autoptr(CliRun) language = cli_run (project, "search", "beta", "--language", "en", NULL);
  g_autoptr(CliRun) variable = cli_run (project, "search", "beta", "--var", "group=fr", NULL);
  g_autoptr(CliRun) tagged = NULL;
  g_autoptr(CliRun) unknown_tag = NULL;
  g_autoptr(CliRun) bad_var = cli_run (project, "search", "beta", "--var", "group", NULL);
  g_autoptr(CliRun) missing_document = cli_run (project, "search", "beta", "--document", "9", NULL);

  assert_positions (document, "2@6");
  assert_positions (language, "1@6 1@24 1@43");
  assert_positions (variable, "2@6");

  /* Only hits inside passages of Claims (or below it): [18, 37) of ONE. */
  cli_annotate (project, 1, 18, 37, "Claims/NATO", NULL);
  tagged = cli_run (project, "search", "beta", "--tag", "Claims", NULL);
  assert_positions (tagged, "1@24");

  unknown_tag = cli_run (project, "search", "beta", "--tag", "Nowhere", NULL);
  cli_assert_failure (unknown_tag);
  g_assert_nonnull (strstr (unknown_tag->err, "Nowhere"));
  cli_assert_usage_error (bad_var);
  cli_assert_failure (missing_document);
}

static void
test_autocode (void)
{
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) sentences = cli_run (project, "autocode", "beta", "--tag", "Auto", "--scope", "sentence",
                                         "--document", "1", NULL);
  g_autoptr(CliRun) again = cli_run (project, "autocode", "beta", "--tag", "Auto", "--scope", "sentence",
                                     "--document", "1", NULL);
  g_autoptr(CliRun) listed = cli_run (project, "annotations", "--tag", "Auto", NULL);
  g_autoptr(CliRun) paragraphs = cli_run (project, "autocode", "beta", "--tag", "Para", "--scope", "paragraph", NULL);
  g_autoptr(CliRun) within = NULL;
  g_auto(GStrv) lines = NULL;
  const char *expected[][3] = { { "0", "17", "Alpha beta gamma." },
                                { "18", "37", "Delta beta epsilon." },
                                { "38", "52", "Zeta beta eta." } };

  cli_assert_status (sentences, 0);
  g_assert_cmpstr (sentences->out_text, ==, "3\n");
  cli_assert_status (again, 0);
  g_assert_cmpstr (again->out_text, ==, "0\n");

  cli_assert_status (listed, 0);
  lines = cli_lines (listed->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      /* ID DOCUMENT START END TAGS NOTE QUOTE */
      g_auto(GStrv) fields = cli_fields (lines[i]);

      g_assert_cmpstr (fields[1], ==, "1");
      g_assert_cmpstr (fields[2], ==, expected[i][0]);
      g_assert_cmpstr (fields[3], ==, expected[i][1]);
      g_assert_cmpstr (fields[4], ==, "Auto");
      g_assert_cmpstr (fields[6], ==, expected[i][2]);
    }

  /* ONE's first line holds two hits: one passage. */
  cli_assert_status (paragraphs, 0);
  g_assert_cmpstr (paragraphs->out_text, ==, "3\n");

  cli_annotate (project, 1, 18, 37, "Claims", NULL);
  within = cli_run (project, "autocode", "beta", "--tag", "Inside", "--within", "Claims", NULL);
  cli_assert_status (within, 0);
  g_assert_cmpstr (within->out_text, ==, "1\n");
}

static void
test_autocode_errors (void)
{
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) no_tag = cli_run (project, "autocode", "beta", NULL);
  g_autoptr(CliRun) bad_scope = cli_run (project, "autocode", "beta", "--tag", "X", "--scope", "page", NULL);
  g_autoptr(CliRun) unknown_within = cli_run (project, "autocode", "beta", "--tag", "X", "--within", "Nowhere", NULL);
  g_autoptr(CliRun) malformed = cli_run (project, "autocode", "\"beta", "--tag", "X", NULL);
  g_autoptr(CliRun) tags = NULL;

  cli_assert_usage_error (no_tag);
  cli_assert_usage_error (bad_scope);
  cli_assert_failure (unknown_within);
  cli_assert_failure (malformed);

  /* A refused autocode made no tag. */
  tags = cli_run (project, "tags", NULL);
  cli_assert_status (tags, 0);
  g_assert_cmpstr (tags->out_text, ==, "");
}

static char *
coded_project (void)
{
  char *project = new_project ();

  cli_annotate (project, 1, 0, 10, "Claims/NATO", NULL);   /* "Alpha beta" */
  cli_annotate (project, 1, 6, 16, "Tone/Hostile", NULL);  /* "beta gamma" */
  cli_annotate (project, 1, 38, 42, "Tone/Hostile", NULL); /* "Zeta", next paragraph */
  cli_annotate (project, 2, 0, 5, "Tone/Hostile", NULL);
  return project;
}

static void
test_retrieve (void)
{
  g_autofree char *project = coded_project ();
  g_autoptr(CliRun) both = cli_run (project, "retrieve", "\"Claims/NATO\" AND \"Tone/Hostile\"", NULL);
  g_autoptr(CliRun) not = cli_run (project, "retrieve", "Tone/Hostile NOT Claims/NATO", NULL);
  g_autoptr(CliRun) followed = cli_run (project, "retrieve", "Claims/NATO FOLLOWED-BY Tone/Hostile", NULL);
  g_autoptr(CliRun) with = cli_run (project, "retrieve", "--documents", "Claims", NULL);
  g_autoptr(CliRun) without = cli_run (project, "retrieve", "--documents", "NOT Claims", NULL);
  g_autoptr(CliRun) malformed = cli_run (project, "retrieve", "Claims AND (Tone", NULL);
  g_autoptr(CliRun) unknown = cli_run (project, "retrieve", "Claims OR Nowhere", NULL);

  /* DOCUMENT START END TAGS QUOTE: the overlap [6, 10). */
  cli_assert_status (both, 0);
  g_assert_cmpstr (both->out_text, ==, "1\t6\t10\tClaims/NATO,Tone/Hostile\tbeta\n");
  cli_assert_status (not, 0);
  g_assert_cmpstr (not->out_text, ==, "1\t38\t42\tTone/Hostile\tZeta\n2\t0\t5\tTone/Hostile\tOmega\n");
  /* NATO [0, 10) then Hostile [38, 42) in the next paragraph. */
  cli_assert_status (followed, 0);
  g_assert_cmpstr (followed->out_text, ==,
                   "1\t0\t42\tClaims/NATO,Tone/Hostile\tAlpha beta gamma. Delta beta epsilon. Zeta\n");

  /* DOCUMENT TITLE (the title import guessed from the first line). */
  cli_assert_status (with, 0);
  g_assert_cmpstr (with->out_text, ==, "1\tAlpha beta gamma. Delta beta epsilon\n");
  cli_assert_status (without, 0);
  g_assert_true (g_str_has_prefix (without->out_text, "2\t"));
  {
    g_auto(GStrv) lines = cli_lines (without->out_text);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
  }

  cli_assert_failure (malformed);
  g_assert_nonnull (strstr (malformed->err, "character 17"));
  cli_assert_failure (unknown);
  g_assert_nonnull (strstr (unknown->err, "Nowhere"));
}

static void
test_matrix (void)
{
  g_autofree char *project = coded_project ();
  g_autoptr(CliRun) passages = cli_run (project, "matrix", NULL);
  g_autoptr(CliRun) chars = cli_run (project, "matrix", "--columns", "var:group", "--value", "chars", NULL);
  g_autoptr(CliRun) bad_columns = cli_run (project, "matrix", "--columns", "paragraphs", NULL);
  g_autoptr(CliRun) bad_value = cli_run (project, "matrix", "--value", "words", NULL);
  g_autoptr(CliRun) unknown_variable = cli_run (project, "matrix", "--columns", "var:speaker", NULL);
  g_autoptr(CliRun) cooccurrence = cli_run (project, "cooccurrence", NULL);
  g_autoptr(CliRun) by_paragraph = cli_run (project, "cooccurrence", "--within", "paragraph", NULL);

  cli_assert_status (passages, 0);
  g_assert_cmpstr (passages->out_text, ==,
                   "\t1\t2\n"
                   "Claims\t0\t0\n"
                   "Claims/NATO\t1\t0\n"
                   "Tone\t0\t0\n"
                   "Tone/Hostile\t2\t1\n");

  /* Variable values sorted: fr (document 2), ru (document 1). Hostile in
   * ONE: [6, 16) and [38, 42) = 14 characters. */
  cli_assert_status (chars, 0);
  g_assert_cmpstr (chars->out_text, ==,
                   "\tfr\tru\n"
                   "Claims\t0\t0\n"
                   "Claims/NATO\t0\t10\n"
                   "Tone\t0\t0\n"
                   "Tone/Hostile\t5\t14\n");

  cli_assert_usage_error (bad_columns);
  cli_assert_usage_error (bad_value);
  cli_assert_failure (unknown_variable);

  /* NATO [0, 10) overlaps Hostile [6, 16): one pair. In ONE's first
   * paragraph too; "Zeta" is in the second. */
  cli_assert_status (cooccurrence, 0);
  g_assert_cmpstr (cooccurrence->out_text, ==,
                   "\tClaims\tClaims/NATO\tTone\tTone/Hostile\n"
                   "Claims\t0\t0\t0\t0\n"
                   "Claims/NATO\t0\t0\t0\t1\n"
                   "Tone\t0\t0\t0\t0\n"
                   "Tone/Hostile\t0\t1\t0\t0\n");
  cli_assert_status (by_paragraph, 0);
  g_assert_cmpstr (by_paragraph->out_text, ==, cooccurrence->out_text);
}

static void
test_frequencies (void)
{
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) run = cli_run (project, "frequencies", "--limit", "2", NULL);
  g_autoptr(CliRun) english = cli_run (project, "frequencies", "--document", "1", "--limit", "1", NULL);
  g_autoptr(CliRun) stop = NULL;
  g_autoptr(CliRun) all = NULL;
  g_autofree char *stop_path = NULL;

  /* 12 words in all: beta 4 → 4/12 · 10⁶ = 333333.33; alpha 2. */
  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out_text, ==, "beta\t4\t333333.33\nalpha\t2\t166666.67\n");
  /* ONE alone: 9 words, beta 3. */
  cli_assert_status (english, 0);
  g_assert_cmpstr (english->out_text, ==, "beta\t3\t333333.33\n");

  /* Stop words are left out of the list, unless --all, but counted. */
  g_assert_cmpint (cli_import_text (project, "three.txt", "The the the cat.\n"), ==, 3);
  {
    g_autoptr(CliRun) set = cli_run (project, "document-set", "3", "--language", "en", NULL);
    cli_assert_status (set, 0);
  }
  stop = cli_run (project, "frequencies", "--document", "3", NULL);
  cli_assert_status (stop, 0);
  g_assert_cmpstr (stop->out_text, ==, "cat\t1\t250000.00\n");
  all = cli_run (project, "frequencies", "--document", "3", "--all", NULL);
  cli_assert_status (all, 0);
  g_assert_cmpstr (all->out_text, ==, "the\t3\t750000.00\ncat\t1\t250000.00\n");
}

static void
test_keyness (void)
{
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) run = cli_run (project, "keyness", "--a-var", "group=ru", "--b-document", "2", "--limit", "1", NULL);
  g_autoptr(CliRun) both = cli_run (project, "keyness", "--a-var", "group=ru", "--a-document", "1",
                                    "--b-document", "2", NULL);
  g_autoptr(CliRun) neither = cli_run (project, "keyness", "--b-document", "2", NULL);
  g_autoptr(CliRun) empty = cli_run (project, "keyness", "--a-var", "group=de", "--b-document", "2", NULL);

  /* A = ONE (9 words), B = TWO (3 words). beta 3/1: E = 9·4/12 = 3 and 1,
   * G² = 0, log ratio 0. delta 1/0: E1 = 9·1/12 = 0.75, G² = 2 ln (1/0.75)
   * = 0.5754, log ratio = log2 ((1/9) / (0.5/3)) = −0.5850 (the 0.5 of a
   * zero count outweighs one occurrence in so small a B), yet A's side:
   * 1/9 > 0/3. So are epsilon, eta, gamma and zeta, tied: by word. */
  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out_text, ==, "delta\t1\t0\t0.5754\t-0.5850\n");

  cli_assert_usage_error (both);
  cli_assert_usage_error (neither);
  cli_assert_failure (empty);
}

static void
test_chart (void)
{
  g_autofree char *project = coded_project ();
  g_autofree char *csv_path = cli_temp_path ("codes.csv");
  g_autofree char *svg_path = cli_temp_path ("codes.svg");
  g_autofree char *png_path = cli_temp_path ("codes.png");
  g_autofree char *pdf_path = cli_temp_path ("codes.pdf");
  g_autoptr(CliRun) csv = cli_run (project, "chart", "codes", "--columns", "var:group", "--output", csv_path, NULL);
  g_autoptr(CliRun) svg = cli_run (project, "chart", "codes", "--output", svg_path, NULL);
  g_autoptr(CliRun) png = cli_run (project, "chart", "codes", "--value", "share", "--output", png_path, NULL);
  g_autoptr(CliRun) pdf = cli_run (project, "chart", "codes", "--output", pdf_path, NULL);
  g_autoptr(CliRun) no_output = cli_run (project, "chart", "codes", NULL);
  g_autoptr(CliRun) other = cli_run (project, "chart", "words", "--output", csv_path, NULL);
  g_autofree char *text = NULL;
  g_autofree char *svg_text = NULL;
  g_autofree char *png_data = NULL;
  gsize png_size = 0;

  /* The passages of each code by group: fr is TWO, ru is ONE. */
  cli_assert_status (csv, 0);
  g_assert_cmpstr (csv->out_text, ==, "");
  g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==,
                   "code,fr,ru\r\n"
                   "Claims,0,0\r\n"
                   "Claims/NATO,0,1\r\n"
                   "Tone,0,0\r\n"
                   "Tone/Hostile,1,2\r\n");

  cli_assert_status (svg, 0);
  g_assert_true (g_file_get_contents (svg_path, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  cli_assert_status (png, 0);
  g_assert_true (g_file_get_contents (png_path, &png_data, &png_size, NULL));
  g_assert_cmpuint (png_size, >, 8);
  g_assert_cmpmem (png_data, 8, "\x89PNG\r\n\x1a\n", 8);

  cli_assert_usage_error (pdf);
  g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  cli_assert_usage_error (no_output);
  cli_assert_usage_error (other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/analysis/search-sort", test_search_sort);
  g_test_add_func ("/Lectern/Cli/analysis/search-filters", test_search_filters);
  g_test_add_func ("/Lectern/Cli/analysis/autocode", test_autocode);
  g_test_add_func ("/Lectern/Cli/analysis/autocode-errors", test_autocode_errors);
  g_test_add_func ("/Lectern/Cli/analysis/retrieve", test_retrieve);
  g_test_add_func ("/Lectern/Cli/analysis/matrix", test_matrix);
  g_test_add_func ("/Lectern/Cli/analysis/frequencies", test_frequencies);
  g_test_add_func ("/Lectern/Cli/analysis/keyness", test_keyness);
  g_test_add_func ("/Lectern/Cli/analysis/chart", test_chart);

  return g_test_run ();
}
