/* test-cli-editing.c — lectern-cli's text corrections (issue #19): edit,
 * document-replace, orphans, annotation-set on an orphan, versions,
 * text --version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-harness.h"

static const char transcript[] =
  "Q: Where were you on the twelfth?\n"
  "A: In Kharkov, with my dauhgter.\n";

static char *
text_of (const char *project,
         const char *id,
         const char *version)
{
  g_autoptr(CliRun) run = version != NULL ? cli_run (project, "text", id, "--version", version, NULL)
                                          : cli_run (project, "text", id, NULL);

  cli_assert_status (run, 0);
  return g_strdup (run->out_text);
}

static void
test_edit (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  gint64 id = cli_import_text (project, "t.txt", transcript);
  g_autofree char *doc = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  glong city = cli_char_offset (transcript, "Kharkov");
  glong daughter = cli_char_offset (transcript, "dauhgter");
  gint64 place = cli_annotate (project, id, city, city + 7, "Place", NULL);
  gint64 family = cli_annotate (project, id, daughter - 3, daughter + 8, "Family", "her daughter");
  g_autofree char *city_start = g_strdup_printf ("%ld", city);
  g_autofree char *city_end = g_strdup_printf ("%ld", city + 7);
  g_autofree char *fix_start = g_strdup_printf ("%ld", daughter);
  g_autofree char *fix_end = g_strdup_printf ("%ld", daughter + 8);
  g_autoptr(CliRun) rename = NULL;
  g_autoptr(CliRun) fix = NULL;
  g_autoptr(CliRun) annotations = NULL;
  g_autoptr(CliRun) refused = NULL;
  g_autoptr(CliRun) usage = NULL;
  g_autoptr(CliRun) check = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;

  g_assert_cmpint (place, >, 0);
  g_assert_cmpint (family, >, 0);

  /* Kharkov → Kharkiv: the place passage changes words, the one after
   * it stays. */
  rename = cli_run (project, "edit", doc, city_start, city_end, "Kharkiv", NULL);
  cli_assert_status (rename, 0);
  g_assert_cmpstr (rename->out_text, ==, "kept 1, moved 0, resized 1, orphaned 0\n");

  fix = cli_run (project, "edit", doc, fix_start, fix_end, "daughter", NULL);
  cli_assert_status (fix, 0);
  g_assert_cmpstr (fix->out_text, ==, "kept 1, moved 0, resized 1, orphaned 0\n");

  text = text_of (project, doc, NULL);
  g_assert_cmpstr (text, ==, "Q: Where were you on the twelfth?\nA: In Kharkiv, with my daughter.\n");

  annotations = cli_run (project, "annotations", NULL);
  lines = cli_lines (annotations->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  first = cli_fields (lines[0]);
  second = cli_fields (lines[1]);
  g_assert_cmpstr (first[6], ==, "Kharkiv");
  g_assert_cmpstr (second[6], ==, "my daughter");

  /* Outside the text, or backwards: refused, nothing changed. */
  refused = cli_run (project, "edit", doc, "10", "9999", "x", NULL);
  cli_assert_failure (refused);
  usage = cli_run (project, "edit", doc, "10", "5", "x", NULL);
  cli_assert_usage_error (usage);
  g_free (text);
  text = text_of (project, doc, NULL);
  g_assert_true (g_str_has_suffix (text, "my daughter.\n"));

  check = cli_run (project, "check", NULL);
  cli_assert_status (check, 0);
}

static void
test_orphans_and_placing (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  gint64 id = cli_import_text (project, "t.txt", transcript);
  g_autofree char *doc = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  glong city = cli_char_offset (transcript, "Kharkov");
  gint64 place = cli_annotate (project, id, city, city + 7, "Place", NULL);
  g_autofree char *place_id = g_strdup_printf ("%" G_GINT64_FORMAT, place);
  g_autofree char *from = g_strdup_printf ("%ld", city - 3);
  g_autofree char *to = g_strdup_printf ("%ld", city + 8);
  g_autoptr(CliRun) remove = NULL;
  g_autoptr(CliRun) orphans = NULL;
  g_autoptr(CliRun) orphans_of_doc = NULL;
  g_autoptr(CliRun) orphans_of_missing = NULL;
  g_autoptr(CliRun) annotations = NULL;
  g_autoptr(CliRun) half = NULL;
  g_autoptr(CliRun) place_again = NULL;
  g_autoptr(CliRun) after = NULL;
  g_autoptr(CliRun) orphans_after = NULL;
  g_autoptr(CliRun) documents = NULL;
  g_autoptr(CliRun) check = NULL;
  g_auto(GStrv) fields = NULL;
  g_auto(GStrv) placed = NULL;

  /* "In Kharkov, " goes: the passage's words are gone. */
  remove = cli_run (project, "edit", doc, from, to, "", NULL);
  cli_assert_status (remove, 0);
  g_assert_cmpstr (remove->out_text, ==, "kept 0, moved 0, resized 0, orphaned 1\n");

  orphans = cli_run (project, "orphans", NULL);
  cli_assert_status (orphans, 0);
  fields = cli_fields (orphans->out_text[0] != '\0' ? g_strchomp (orphans->out_text) : "");
  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_cmpstr (fields[0], ==, place_id);
  g_assert_cmpstr (fields[1], ==, doc);
  g_assert_cmpstr (fields[2], ==, "Place");
  g_assert_cmpstr (fields[3], ==, "Kharkov");

  orphans_of_doc = cli_run (project, "orphans", "--document", doc, NULL);
  cli_assert_status (orphans_of_doc, 0);
  g_assert_true (g_str_has_prefix (orphans_of_doc->out_text, place_id));
  orphans_of_missing = cli_run (project, "orphans", "--document", "99", NULL);
  cli_assert_failure (orphans_of_missing);

  /* Not a placed passage: not listed, not counted. */
  annotations = cli_run (project, "annotations", NULL);
  g_assert_cmpstr (annotations->out_text, ==, "");
  documents = cli_run (project, "documents", NULL);
  g_assert_true (g_str_has_suffix (documents->out_text, "\t0\n"));

  /* Placing needs both ends. */
  half = cli_run (project, "annotation-set", place_id, "--start", "3", NULL);
  cli_assert_failure (half);

  place_again = cli_run (project, "annotation-set", place_id, "--start", "3", "--end", "8", NULL);
  cli_assert_status (place_again, 0);
  after = cli_run (project, "annotations", NULL);
  placed = cli_fields (g_strchomp (after->out_text));
  g_assert_cmpstr (placed[0], ==, place_id);
  g_assert_cmpstr (placed[6], ==, "Where");
  orphans_after = cli_run (project, "orphans", NULL);
  g_assert_cmpstr (orphans_after->out_text, ==, "");

  check = cli_run (project, "check", NULL);
  cli_assert_status (check, 0);
}

static void
test_versions (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  gint64 id = cli_import_text (project, "t.txt", transcript);
  g_autofree char *doc = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(CliRun) before = cli_run (project, "versions", doc, NULL);
  g_autoptr(CliRun) edit = NULL;
  g_autoptr(CliRun) after = NULL;
  g_autoptr(CliRun) missing = NULL;
  g_autoptr(CliRun) bad = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  /* Never changed: one version, as imported. */
  cli_assert_status (before, 0);
  lines = cli_lines (before->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  fields = cli_fields (lines[0]);
  g_assert_cmpstr (fields[0], ==, "1");
  g_assert_cmpstr (fields[3], ==, "Imported");
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&fields, g_strfreev);

  edit = cli_run (project, "edit", doc, "0", "1", "Question", NULL);
  cli_assert_status (edit, 0);
  after = cli_run (project, "versions", doc, NULL);
  lines = cli_lines (after->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  fields = cli_fields (lines[1]);
  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_cmpstr (fields[0], ==, "2");
  g_assert_true (g_str_has_suffix (fields[1], "Z"));
  /* Only what differs is recorded: "Q" became "Question". */
  g_assert_nonnull (strstr (fields[3], "uestion"));

  first = text_of (project, doc, "1");
  g_assert_cmpstr (first, ==, transcript);
  second = text_of (project, doc, "2");
  g_assert_true (g_str_has_prefix (second, "Question: Where"));

  missing = cli_run (project, "text", doc, "--version", "3", NULL);
  cli_assert_failure (missing);
  bad = cli_run (project, "text", doc, "--version", "zero", NULL);
  cli_assert_usage_error (bad);
}

static void
test_document_replace (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  gint64 id = cli_import_text (project, "t.txt", transcript);
  g_autofree char *doc = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  glong where = cli_char_offset (transcript, "Where were you");
  glong daughter = cli_char_offset (transcript, "dauhgter");
  gint64 question = cli_annotate (project, id, where, where + 14, "Question", NULL);
  gint64 family = cli_annotate (project, id, daughter, daughter + 8, "Family", NULL);
  g_autofree char *revised = NULL;
  g_autofree char *missing_file = cli_temp_path ("missing.txt");
  g_autoptr(CliRun) replace = NULL;
  g_autoptr(CliRun) missing = NULL;
  g_autoptr(CliRun) orphans = NULL;
  g_autoptr(CliRun) annotations = NULL;
  g_autoptr(CliRun) versions = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_cmpint (question, >, 0);
  g_assert_cmpint (family, >, 0);

  /* A revised transcript, as Markdown: a heading added, a word fixed. */
  revised = cli_write_file ("revised.md",
                            "# Interview\n\n"
                            "Q: Where were you on the twelfth?\n\n"
                            "A: In Kharkiv, with my daughter.\n", -1);
  replace = cli_run (project, "document-replace", doc, revised, NULL);
  cli_assert_status (replace, 0);
  g_assert_cmpstr (replace->out_text, ==, "kept 0, moved 1, resized 0, orphaned 1\n");

  text = text_of (project, doc, NULL);
  g_assert_true (g_str_has_prefix (text, "Interview\n"));
  annotations = cli_run (project, "annotations", NULL);
  lines = cli_lines (annotations->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  fields = cli_fields (lines[0]);
  g_assert_cmpstr (fields[6], ==, "Where were you");
  orphans = cli_run (project, "orphans", NULL);
  g_assert_true (g_str_has_suffix (orphans->out_text, "\tFamily\tdauhgter\n"));

  versions = cli_run (project, "versions", doc, NULL);
  g_clear_pointer (&lines, g_strfreev);
  lines = cli_lines (versions->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);

  /* A file that cannot be read changes nothing. */
  missing = cli_run (project, "document-replace", doc, missing_file, NULL);
  cli_assert_failure (missing);
}

/* A speaker's label corrected in the text: the turns follow. */
static void
test_edit_speaker_label (void)
{
  static const char interview[] =
    "Interview\n\n"
    "Journalist: Where were you?\n\n"
    "Veszel: In Kharkiv.\n\n"
    "Journalist: And then?\n\n"
    "Veszel: We left.\n";
  g_autofree char *project = cli_new_project ("p.lectern");
  gint64 id = cli_import_text (project, "i.txt", interview);
  g_autofree char *doc = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  glong first = cli_char_offset (interview, "Journalist: Where");
  glong second = cli_char_offset (interview, "Journalist: And");
  g_autofree char *first_from = g_strdup_printf ("%ld", first);
  g_autofree char *first_to = g_strdup_printf ("%ld", first + 10);
  g_autofree char *second_from = g_strdup_printf ("%ld", second);
  g_autofree char *second_to = g_strdup_printf ("%ld", second + 10);
  g_autoptr(CliRun) before = cli_run (project, "speakers", doc, NULL);
  g_autoptr(CliRun) edit_second = NULL;
  g_autoptr(CliRun) edit_first = NULL;
  g_autoptr(CliRun) after = NULL;
  g_autoptr(CliRun) structure = NULL;

  cli_assert_status (before, 0);
  g_assert_nonnull (strstr (before->out_text, "Journalist\t2"));

  /* The later one first: the earlier offsets stay good. */
  edit_second = cli_run (project, "edit", doc, second_from, second_to, "Reporter", NULL);
  cli_assert_status (edit_second, 0);
  edit_first = cli_run (project, "edit", doc, first_from, first_to, "Reporter", NULL);
  cli_assert_status (edit_first, 0);
  after = cli_run (project, "speakers", doc, NULL);
  g_assert_nonnull (strstr (after->out_text, "Reporter\t2"));
  g_assert_null (strstr (after->out_text, "Journalist"));
  /* The stored turn spans are the new ones. */
  structure = cli_run (project, "structure", doc, NULL);
  g_assert_nonnull (strstr (structure->out_text, "\tturn\tReporter\n"));
  g_assert_null (strstr (structure->out_text, "Journalist"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/edit", test_edit);
  g_test_add_func ("/Lectern/Cli/orphans", test_orphans_and_placing);
  g_test_add_func ("/Lectern/Cli/versions", test_versions);
  g_test_add_func ("/Lectern/Cli/edit/speaker-label", test_edit_speaker_label);
  g_test_add_func ("/Lectern/Cli/document-replace", test_document_replace);

  return g_test_run ();
}
