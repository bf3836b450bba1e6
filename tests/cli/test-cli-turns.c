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
new_project (void)
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
  g_autofree char *project = new_project ();
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
  g_autofree char *project = new_project ();
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
  g_autofree char *project = new_project ();
  g_autoptr(CliRun) run = cli_run (project, "turns", "3", NULL);

  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out_text, ==, "");
}

static void
test_speakers (void)
{
  g_autofree char *project = new_project ();
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

/* The turns of document 1 as "SPEAKER|SPEAKER…". */
static char *
speakers_of_turns (const char *project)
{
  g_autoptr(CliRun) run = cli_run (project, "turns", "1", NULL);
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", fields[2]);
    }
  return g_string_free (out, FALSE);
}

/* The `turn` lines of `structure 1`, as "START END SPEAKER|…". */
static char *
turn_spans (const char *project)
{
  g_autoptr(CliRun) run = cli_run (project, "structure", "1", NULL);
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);

      if (g_strcmp0 (fields[2], "turn") == 0)
        g_string_append_printf (out, "%s%s %s %s", out->len > 0 ? "|" : "", fields[0], fields[1], fields[3]);
    }
  return g_string_free (out, FALSE);
}

/* The turns as `turns` prints them, in the same form as turn_spans(). */
static char *
turns_as_spans (const char *project)
{
  g_autoptr(CliRun) run = cli_run (project, "turns", "1", NULL);
  g_autofree char *joined = NULL;

  cli_assert_status (run, 0);
  joined = g_strdelimit (g_strdup (run->out_text), "\t", ' ');
  g_strchomp (joined);
  return g_strdelimit (g_steal_pointer (&joined), "\n", '|');
}

/* Import stores the turns as spans of the structure. */
static void
test_import_structure (void)
{
  g_autofree char *project = new_project ();
  g_autofree char *spans = turn_spans (project);
  g_autofree char *turns = turns_as_spans (project);

  g_assert_cmpstr (spans, !=, "");
  g_assert_cmpstr (spans, ==, turns);
}

/* Timestamps before labels become `time` spans on import. */
static void
test_import_times (void)
{
  g_autofree char *project = cli_new_project ("t.lectern");
  const char *text = "[00:01:23] Q: Why?\n[00:01:30] A: Because.\n[00:02:00] Q: And?\n[00:02:05] A: So.\n";
  g_autoptr(CliRun) run = NULL;

  g_assert_cmpint (cli_import_text (project, "timed.txt", text), ==, 1);
  run = cli_run (project, "structure", "1", NULL);
  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out_text, ==,
                   "0\t18\tturn\tQ\n"
                   "0\t10\ttime\t00:01:23\n"
                   "19\t41\tturn\tA\n"
                   "19\t29\ttime\t00:01:30\n"
                   "42\t60\tturn\tQ\n"
                   "42\t52\ttime\t00:02:00\n"
                   "61\t78\tturn\tA\n"
                   "61\t71\ttime\t00:02:05\n");
}

static void
test_speaker_rename (void)
{
  g_autofree char *project = new_project ();
  g_autofree char *speakers = NULL;
  g_autofree char *spans = NULL;
  g_autofree char *turns = NULL;

  {
    g_autoptr(CliRun) run = cli_run (project, "speaker-rename", "1", "Ines Okafor", "Minister", NULL);

    cli_assert_status (run, 0);
    g_assert_cmpstr (run->out_text, ==, "");
  }
  /* Each call detects afresh: the rename is applied again. */
  speakers = speakers_of_turns (project);
  g_assert_cmpstr (speakers, ==, "Question|Minister|Question|Minister");
  spans = turn_spans (project);
  turns = turns_as_spans (project);
  g_assert_cmpstr (spans, ==, turns);
  {
    g_autoptr(CliRun) run = cli_run (project, "speakers", "1", NULL);

    cli_assert_status (run, 0);
    g_assert_true (g_str_has_prefix (run->out_text, "Question\t2\t"));
    g_assert_nonnull (strstr (run->out_text, "\nMinister\t2\t"));
    g_assert_null (strstr (run->out_text, "Okafor"));
  }
  /* No such speaker (any longer). */
  {
    g_autoptr(CliRun) run = cli_run (project, "speaker-rename", "1", "Ines Okafor", "X", NULL);

    cli_assert_failure (run);
    g_assert_nonnull (strstr (run->err, "Ines Okafor"));
  }
}

static void
test_speaker_merge (void)
{
  g_autofree char *project = new_project ();
  g_autofree char *speakers = NULL;

  {
    g_autoptr(CliRun) run = cli_run (project, "speaker-merge", "1", "Question", "Ines Okafor", NULL);

    cli_assert_status (run, 0);
  }
  speakers = speakers_of_turns (project);
  g_assert_cmpstr (speakers, ==, "Ines Okafor|Ines Okafor|Ines Okafor|Ines Okafor");
  {
    g_autoptr(CliRun) run = cli_run (project, "speakers", "1", NULL);
    g_auto(GStrv) lines = NULL;

    cli_assert_status (run, 0);
    lines = cli_lines (run->out_text);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    g_assert_true (g_str_has_prefix (lines[0], "Ines Okafor\t4\t"));
  }
  /* A merge needs two speakers there are. */
  {
    g_autoptr(CliRun) run = cli_run (project, "speaker-merge", "1", "Ines Okafor", "Nobody", NULL);

    cli_assert_failure (run);
  }
}

static void
test_turn_set (void)
{
  g_autofree char *project = new_project ();
  g_autofree char *spans = NULL;
  g_autofree char *turns = NULL;
  g_autofree char *caption = g_strdup_printf ("%ld", at (interview, "Commission"));
  g_autofree char *second = g_strdup_printf ("%ld", at (interview, "now?"));

  /* The caption line is a turn; the second question is none. */
  {
    g_autoptr(CliRun) run = cli_run (project, "turn-set", "1", caption, "--speaker", "Photographer", NULL);

    cli_assert_status (run, 0);
  }
  {
    g_autoptr(CliRun) run = cli_run (project, "turn-set", "1", second, "--none", NULL);

    cli_assert_status (run, 0);
  }
  {
    g_autoptr(CliRun) run = cli_run (project, "turns", "1", NULL);
    g_autofree char *expected = NULL;

    cli_assert_status (run, 0);
    expected = g_strdup_printf ("%ld\t%ld\tPhotographer\n"
                                "%ld\t%ld\tQuestion\n"
                                "%ld\t%ld\tInes Okafor\n"
                                "%ld\t%ld\tInes Okafor\n",
                                at (interview, "Photo:"), at (interview, "\n\nQuestion: Why"),
                                at (interview, "Question: Why"), at (interview, "\n\nInes Okafor:"),
                                at (interview, "Ines Okafor:"), at (interview, "\nOkafor: Now"),
                                at (interview, "Okafor: Now"), g_utf8_strlen (interview, -1) - 1);
    g_assert_cmpstr (run->out_text, ==, expected);
  }
  spans = turn_spans (project);
  turns = turns_as_spans (project);
  g_assert_cmpstr (spans, ==, turns);

  /* Past the text. */
  {
    g_autoptr(CliRun) run = cli_run (project, "turn-set", "1", "99999", "--none", NULL);

    cli_assert_failure (run);
  }
}

static void
test_code_speakers (void)
{
  g_autofree char *project = new_project ();

  {
    g_autoptr(CliRun) run = cli_run (project, "code-speakers", "1", NULL);

    cli_assert_status (run, 0);
    g_assert_cmpstr (run->out_text, ==, "4\n");
  }
  {
    g_autoptr(CliRun) run = cli_run (project, "annotations", "--tag", "Speakers/Ines Okafor", NULL);
    g_auto(GStrv) lines = NULL;
    g_auto(GStrv) fields = NULL;

    cli_assert_status (run, 0);
    lines = cli_lines (run->out_text);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
    fields = cli_fields (lines[1]);
    /* The speech, label left out. */
    g_assert_cmpstr (fields[6], ==, "Now we read the same figure.");
  }
  /* Again: nothing doubled. */
  {
    g_autoptr(CliRun) run = cli_run (project, "code-speakers", "1", NULL);

    cli_assert_status (run, 0);
    g_assert_cmpstr (run->out_text, ==, "0\n");
  }
  {
    g_autoptr(CliRun) run = cli_run (project, "code-speakers", "2", "--parent", "Roles", NULL);
    g_autoptr(CliRun) list = NULL;
    g_auto(GStrv) lines = NULL;

    cli_assert_status (run, 0);
    g_assert_cmpstr (run->out_text, ==, "4\n");
    list = cli_run (project, "annotations", "--tag", "Roles/R\xC3\xA9ponse", NULL);
    cli_assert_status (list, 0);
    lines = cli_lines (list->out_text);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
  }
  /* No turns: nothing made. */
  {
    g_autoptr(CliRun) run = cli_run (project, "code-speakers", "3", NULL);

    cli_assert_status (run, 0);
    g_assert_cmpstr (run->out_text, ==, "0\n");
  }
}

/* search, retrieve and matrix by speaker: "Regarding NATO" is said in
 * Ines Okafor's first turn; after code-speakers each speaker's passages
 * lie in their own turns. */
static void
test_analysis_by_speaker (void)
{
  g_autofree char *project = new_project ();

  {
    g_autoptr(CliRun) all = cli_run (project, "search", "NATO", NULL);
    g_autoptr(CliRun) okafor = cli_run (project, "search", "NATO", "--speaker", "Ines Okafor", NULL);
    g_autoptr(CliRun) question = cli_run (project, "search", "NATO", "--speaker", "Question", NULL);
    g_autofree char *start = g_strdup_printf ("1\t%ld\t", at (interview, "NATO"));
    g_auto(GStrv) lines = NULL;

    cli_assert_status (all, 0);
    cli_assert_status (okafor, 0);
    cli_assert_status (question, 0);
    g_assert_true (g_str_has_prefix (okafor->out_text, start));
    lines = cli_lines (okafor->out_text);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    g_assert_cmpstr (question->out_text, ==, "");
  }
  {
    g_autoptr(CliRun) run = cli_run (project, "code-speakers", "1", NULL);

    cli_assert_status (run, 0);
  }
  {
    g_autoptr(CliRun) mine = cli_run (project, "retrieve", "Speakers/Question", "--speaker", "Question", NULL);
    g_autoptr(CliRun) theirs = cli_run (project, "retrieve", "Speakers/Question", "--speaker", "Ines Okafor", NULL);
    g_auto(GStrv) lines = NULL;
    g_auto(GStrv) fields = NULL;

    cli_assert_status (mine, 0);
    cli_assert_status (theirs, 0);
    lines = cli_lines (mine->out_text);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
    fields = cli_fields (lines[0]);
    g_assert_cmpstr (fields[4], ==, "Why did it take four years?");
    g_assert_cmpstr (theirs->out_text, ==, "");
  }
  {
    g_autoptr(CliRun) run = cli_run (project, "matrix", "--columns", "speakers", "--document", "1", NULL);

    cli_assert_status (run, 0);
    g_assert_cmpstr (run->out_text, ==,
                     "\tInes Okafor\tQuestion\n"
                     "Speakers\t0\t0\n"
                     "Speakers/Ines Okafor\t2\t0\n"
                     "Speakers/Question\t0\t2\n");
  }
  {
    g_autoptr(CliRun) run = cli_run (project, "matrix", "--columns", "speaker", NULL);

    cli_assert_status (run, 2);
  }
}

static void
test_usage (void)
{
  g_autofree char *project = new_project ();
  const char *usage[][7] = {
    { "turns", NULL },
    { "turns", "x", NULL },
    { "turns", "1", "2" },
    { "speakers", "0", NULL },
    { "speakers", "1", "2" },
    { "speaker-rename", "1", "A", NULL },
    { "speaker-rename", "1", "A", "" },
    { "speaker-merge", "x", "A", "B" },
    { "turn-set", "1", "4", NULL },
    { "turn-set", "1", "-1", "--none" },
    { "turn-set", "1", "4", "--speaker" },
    { "turn-set", "1", "4", "--speaker", "X", "--none" },
    { "code-speakers", NULL },
    { "code-speakers", "1", "2" },
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
  g_test_add_func ("/Lectern/Cli/turns/import-structure", test_import_structure);
  g_test_add_func ("/Lectern/Cli/turns/import-times", test_import_times);
  g_test_add_func ("/Lectern/Cli/turns/speaker-rename", test_speaker_rename);
  g_test_add_func ("/Lectern/Cli/turns/speaker-merge", test_speaker_merge);
  g_test_add_func ("/Lectern/Cli/turns/turn-set", test_turn_set);
  g_test_add_func ("/Lectern/Cli/turns/code-speakers", test_code_speakers);
  g_test_add_func ("/Lectern/Cli/turns/analysis-by-speaker", test_analysis_by_speaker);
  g_test_add_func ("/Lectern/Cli/turns/usage", test_usage);

  return g_test_run ();
}
