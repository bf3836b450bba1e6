/* test-cli-turns.c — lectern-cli turns and speakers: the speaker turns of
 * a stored transcript, and who speaks how much, as TSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-harness.h"

/* Written for this test: a headline and a caption above, a continuation
 * line, a false label inside an answer. */
static const char interview[] =
  "Minister Okafor: On Rivers and Trust\n"
  "Photo: Commission\n"
  "\n"
  "Question: Why did it take four years?\n"
  "\n"
  "Ines Okafor: Because of the gauges.\n"
  "Regarding NATO: nothing to do with it.\n"
  "\n"
  "Question: And now?\n"
  "Okafor: Now we read the same figure.\n";

static const char entretien[] =
  "Question\xC2\xA0: Pourquoi\xE2\x80\xAF?\n"
  "R\xC3\xA9ponse\xC2\xA0: Parce que.\n"
  "Question\xC2\xA0: Et alors\xE2\x80\xAF?\n"
  "R\xC3\xA9ponse\xC2\xA0: Rien.\n";

static const char plain[] = "No interview here.\nPhoto: MFA\n";

static char *
new_corpus (void)
{
  char *project = cli_new_project ("p.lectern");

  g_assert_cmpint (cli_import_text (project, "interview.txt", interview), ==, 1);
  g_assert_cmpint (cli_import_text (project, "entretien.txt", entretien), ==, 2);
  g_assert_cmpint (cli_import_text (project, "plain.txt", plain), ==, 3);
  return project;
}

/* The offset where @line_start opens a line, and the end of the text
 * before the next turn (@next, or the end of the text) without white
 * space. */
static glong
at (const char *text,
    const char *needle)
{
  glong offset = cli_char_offset (text, needle);

  g_assert_cmpint (offset, >=, 0);
  return offset;
}

static void
test_turns (void)
{
  g_autofree char *project = new_corpus ();
  g_autoptr(CliRun) run = cli_run (project, "turns", "1", NULL);
  g_autofree char *expected = NULL;
  glong length = g_utf8_strlen (interview, -1);

  cli_assert_status (run, 0);
  expected = g_strdup_printf ("%ld\t%ld\tQuestion\n"
                              "%ld\t%ld\tInes Okafor\n"
                              "%ld\t%ld\tQuestion\n"
                              "%ld\t%ld\tInes Okafor\n",
                              at (interview, "Question: Why"), at (interview, "\n\nInes Okafor:"),
                              at (interview, "Ines Okafor:"), at (interview, "\n\nQuestion: And"),
                              at (interview, "Question: And"), at (interview, "\nOkafor: Now"),
                              at (interview, "Okafor: Now"), length - 1);
  g_assert_cmpstr (run->out_text, ==, expected);
}

/* French labels, no-break spaces; each turn starts where `text` has its
 * label. */
static void
test_turns_french (void)
{
  g_autofree char *project = new_corpus ();
  g_autoptr(CliRun) run = cli_run (project, "turns", "2", NULL);
  g_autoptr(CliRun) text = cli_run (project, "text", "2", NULL);
  g_auto(GStrv) lines = NULL;
  const char *speakers[] = { "Question", "R\xC3\xA9ponse", "Question", "R\xC3\xA9ponse" };

  cli_assert_status (run, 0);
  cli_assert_status (text, 0);
  lines = cli_lines (run->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);
      g_autofree char *slice = NULL;
      glong start, end;

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      start = g_ascii_strtoll (fields[0], NULL, 10);
      end = g_ascii_strtoll (fields[1], NULL, 10);
      slice = g_utf8_substring (text->out_text, start, end);
      g_assert_cmpstr (fields[2], ==, speakers[i]);
      g_assert_true (g_str_has_prefix (slice, speakers[i]));
      g_assert_true (g_str_has_suffix (slice, i % 2 == 0 ? "\xE2\x80\xAF?" : "."));
    }
}

static void
test_turns_none (void)
{
  g_autofree char *project = new_corpus ();
  g_autoptr(CliRun) run = cli_run (project, "turns", "3", NULL);

  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out_text, ==, "");
}

static void
test_speakers (void)
{
  g_autofree char *project = new_corpus ();
  g_autoptr(CliRun) one = cli_run (project, "speakers", "1", NULL);
  g_autoptr(CliRun) all = cli_run (project, "speakers", NULL);
  g_autofree char *expected_one = NULL;
  g_autofree char *expected_all = NULL;
  /* What each says, labels and the space after them not counted. */
  glong q1 = strlen ("Why did it take four years?");
  glong q2 = strlen ("And now?");
  glong a1 = strlen ("Because of the gauges.\nRegarding NATO: nothing to do with it.");
  glong a2 = strlen ("Now we read the same figure.");
  glong fr_q = g_utf8_strlen ("Pourquoi\xE2\x80\xAF?", -1) + g_utf8_strlen ("Et alors\xE2\x80\xAF?", -1);
  glong fr_r = strlen ("Parce que.") + strlen ("Rien.");

  cli_assert_status (one, 0);
  expected_one = g_strdup_printf ("Question\t2\t%ld\nInes Okafor\t2\t%ld\n", q1 + q2, a1 + a2);
  g_assert_cmpstr (one->out_text, ==, expected_one);

  cli_assert_status (all, 0);
  expected_all = g_strdup_printf ("Question\t4\t%ld\nInes Okafor\t2\t%ld\nR\xC3\xA9ponse\t2\t%ld\n",
                                  q1 + q2 + fr_q, a1 + a2, fr_r);
  g_assert_cmpstr (all->out_text, ==, expected_all);
}

static void
test_usage (void)
{
  g_autofree char *project = new_corpus ();
  const char *usage[][4] = {
    { "turns", NULL },
    { "turns", "x", NULL },
    { "turns", "1", "2" },
    { "speakers", "0", NULL },
    { "speakers", "1", "2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_autoptr(CliRun) run = cli_run_argv (project, NULL, usage[i]);

      cli_assert_usage_error (run);
    }

  {
    g_autoptr(CliRun) run = cli_run (project, "turns", "99", NULL);

    cli_assert_failure (run);
    g_assert_cmpstr (run->out_text, ==, "");
  }
  {
    g_autoptr(CliRun) run = cli_run (project, "speakers", "99", NULL);

    cli_assert_failure (run);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/turns/turns", test_turns);
  g_test_add_func ("/Lectern/Cli/turns/french", test_turns_french);
  g_test_add_func ("/Lectern/Cli/turns/none", test_turns_none);
  g_test_add_func ("/Lectern/Cli/turns/speakers", test_speakers);
  g_test_add_func ("/Lectern/Cli/turns/usage", test_usage);

  return g_test_run ();
}
