/* test-cli-search.c — lectern-cli search: keyword in context, case and
 * diacritics ignored, malformed queries refused cleanly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-harness.h"

static const char french[] =
  "La s\xC3\xA9" "curit\xC3\xA9 collective\n\n"
  "La s\xC3\xA9" "curit\xC3\xA9 de l\xE2\x80\x99" "Europe est en jeu.\tS\xC3\xA9" "curit\xC3\xA9 d'abord.\n";
static const char english[] =
  "Security talks\n\nThe ministers spoke about European security in Paris.\n";

static char *
new_project (void)
{
  char *project = cli_new_project ("p.lectern");

  cli_import_text (project, "fr.txt", french);
  cli_import_text (project, "en.txt", english);

  return project;
}

static void
test_search_diacritics (void)
{
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) run = cli_run (project, "search", "securite", NULL);
  g_auto(GStrv) lines = NULL;

  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);
      g_autofree char *slice = NULL;
      g_autofree char *folded = NULL;
      glong start, end;

      /* DOCUMENT START END LEFT MATCH RIGHT */
      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      g_assert_cmpstr (fields[0], ==, "1");
      start = g_ascii_strtoll (fields[1], NULL, 10);
      end = g_ascii_strtoll (fields[2], NULL, 10);
      g_assert_cmpint (end, >, start);
      slice = g_utf8_substring (french, start, end);
      g_assert_cmpstr (fields[4], ==, slice);
      folded = g_utf8_casefold (fields[4], -1);
      g_assert_cmpstr (folded, ==, "s\xC3\xA9" "curit\xC3\xA9");
      /* Context sits on one line. */
      g_assert_null (strchr (fields[3], '\n'));
      g_assert_null (strchr (fields[5], '\n'));
    }
}

static void
test_search_case (void)
{
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) run = cli_run (project, "search", "SECURITY", NULL);
  g_auto(GStrv) lines = NULL;

  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (lines[i], "2\t"));
}

static void
test_search_limit (void)
{
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) run = cli_run (project, "search", "securite", "--limit", "1", NULL);
  g_auto(GStrv) lines = NULL;

  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
}

static void
test_search_no_hit (void)
{
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) run = cli_run (project, "search", "zeppelin", NULL);

  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out_text, ==, "");
}

static void
test_search_words (void)
{
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) both = cli_run (project, "search", "ministers", "Paris", NULL);
  g_autoptr(CliRun) absent = cli_run (project, "search", "ministers", "Berlin", NULL);
  g_auto(GStrv) lines = NULL;

  cli_assert_status (both, 0);
  lines = cli_lines (both->out_text);
  g_assert_cmpuint (g_strv_length (lines), >=, 1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (lines[i], "2\t"));

  cli_assert_status (absent, 0);
  g_assert_cmpstr (absent->out_text, ==, "");
}

static void
test_search_malformed (void)
{
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) run = cli_run (project, "search", "\"unterminated phrase", NULL);

  cli_assert_failure (run);
  g_assert_cmpstr (run->out_text, ==, "");
}

/* Whatever the query, an answer or a clear error: never a crash. */
static void
test_search_hostile (void)
{
  g_autofree char *project = new_project ();
  const char *queries[] = {
    "\"", "*", "-", "OR", "a OR", "NEAR(a b)", "title:x", "^x", "'", "\\", ")", "(",
    "a AND", "\"\"", "x*y", "-securite", "s\xC3\xA9" "cu*", "\xF0\x9F\x91\xA9", "' OR 1=1 --",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      /* "--": a query may start with "-". */
      g_autoptr(CliRun) run = cli_run (project, "search", "--", queries[i], NULL);

      if (run->status != 0 && run->status != 1)
        g_error ("search “%s” exited %d: %s", queries[i], run->status, run->err);
      if (run->status == 1)
        g_assert_true (g_str_has_prefix (run->err, "lectern-cli: "));
    }
}

static void
test_search_empty (void)
{
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) run = cli_run (project, "search", "  ", NULL);

  cli_assert_usage_error (run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/search/diacritics", test_search_diacritics);
  g_test_add_func ("/Lectern/Cli/search/case", test_search_case);
  g_test_add_func ("/Lectern/Cli/search/limit", test_search_limit);
  g_test_add_func ("/Lectern/Cli/search/no-hit", test_search_no_hit);
  g_test_add_func ("/Lectern/Cli/search/words", test_search_words);
  g_test_add_func ("/Lectern/Cli/search/malformed", test_search_malformed);
  g_test_add_func ("/Lectern/Cli/search/hostile", test_search_hostile);
  g_test_add_func ("/Lectern/Cli/search/empty", test_search_empty);

  return g_test_run ();
}
