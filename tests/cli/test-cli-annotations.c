/* test-cli-annotations.c — lectern-cli's codebook and passages: tags,
 * tag-*, annotate, annotations, note, annotation-delete, memo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "cli-harness.h"

static const char statement[] =
  "Statement on Minsk\n\n"
  "Moscow says the Minsk agreements were never honoured. "
  "NATO expansion is named as the cause.\n";

/* Records of `tags` as PATH → "COLOUR COUNT" lines, to compare simply. */
static char *
tags_summary (const char *project)
{
  g_autoptr(CliRun) run = cli_run (project, "tags", NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);

      /* ID PATH COLOUR COUNT */
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_true (g_ascii_strtoll (fields[0], NULL, 10) > 0);
      g_assert_cmpuint (strlen (fields[2]), ==, 7);
      g_assert_true (fields[2][0] == '#');
      g_string_append_printf (summary, "%s %s\n", fields[1], fields[3]);
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static char **
annotation_lines (const char *project,
                  const char *first_arg,
                  ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(CliRun) run = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "annotations");
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run = cli_run_argv (project, NULL, (const char * const *) args->pdata);
  cli_assert_status (run, 0);

  return cli_lines (run->out_text);
}

static void
test_tag_add (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) add = cli_run (project, "tag-add", "Politics/NATO", "--colour", "#AABBCC", NULL);
  g_autoptr(CliRun) add_top = cli_run (project, "tag-add", "France as adversary", NULL);
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) tags = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  cli_assert_status (add, 0);
  g_assert_true (g_ascii_strtoll (add->out_text, NULL, 10) > 0);
  cli_assert_status (add_top, 0);

  summary = tags_summary (project);
  g_assert_cmpstr (summary, ==, "France as adversary 0\nPolitics 0\nPolitics/NATO 0\n");

  tags = cli_run (project, "tags", NULL);
  lines = cli_lines (tags->out_text);
  fields = cli_fields (lines[2]);
  g_assert_cmpstr (fields[2], ==, "#aabbcc");
  g_assert_cmpint (g_ascii_strtoll (fields[0], NULL, 10), ==, g_ascii_strtoll (add->out_text, NULL, 10));

  again = cli_run (project, "tag-add", "Politics/NATO", NULL);
  cli_assert_failure (again);
}

static void
test_tag_add_refused (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) colour = cli_run (project, "tag-add", "A", "--colour", "red", NULL);
  g_autoptr(CliRun) empty_name = cli_run (project, "tag-add", "A//B", NULL);
  g_autoptr(CliRun) empty = cli_run (project, "tag-add", "", NULL);
  g_autofree char *summary = NULL;

  cli_assert_usage_error (colour);
  cli_assert_usage_error (empty_name);
  cli_assert_usage_error (empty);
  summary = tags_summary (project);
  g_assert_cmpstr (summary, ==, "");
}

static void
test_tag_rename_move (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) add = cli_run (project, "tag-add", "Politics/NATO", NULL);
  g_autoptr(CliRun) rename = cli_run (project, "tag-rename", "Politics", "Policy", NULL);
  g_autoptr(CliRun) to_top = cli_run (project, "tag-move", "Policy/NATO", "/", NULL);
  g_autoptr(CliRun) back = NULL;
  g_autoptr(CliRun) under_itself = NULL;
  g_autoptr(CliRun) missing_parent = NULL;
  g_autoptr(CliRun) missing = NULL;
  g_autofree char *after_rename = NULL;
  g_autofree char *after_move = NULL;
  g_autofree char *after_back = NULL;

  cli_assert_status (add, 0);
  cli_assert_status (rename, 0);
  cli_assert_status (to_top, 0);
  after_move = tags_summary (project);
  g_assert_cmpstr (after_move, ==, "NATO 0\nPolicy 0\n");

  back = cli_run (project, "tag-move", "NATO", "Policy", NULL);
  cli_assert_status (back, 0);
  after_back = tags_summary (project);
  g_assert_cmpstr (after_back, ==, "Policy 0\nPolicy/NATO 0\n");

  under_itself = cli_run (project, "tag-move", "Policy", "Policy/NATO", NULL);
  cli_assert_failure (under_itself);
  missing_parent = cli_run (project, "tag-move", "Policy/NATO", "Nowhere", NULL);
  cli_assert_failure (missing_parent);
  g_assert_nonnull (strstr (missing_parent->err, "Nowhere"));
  missing = cli_run (project, "tag-rename", "Nowhere", "Somewhere", NULL);
  cli_assert_failure (missing);
  g_assert_nonnull (strstr (missing->err, "Nowhere"));

  after_rename = tags_summary (project);
  g_assert_cmpstr (after_rename, ==, "Policy 0\nPolicy/NATO 0\n");
}

static void
test_tag_merge (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  gint64 document = cli_import_text (project, "s.txt", statement);
  g_autoptr(CliRun) merge = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) lines = NULL;

  cli_annotate (project, document, 20, 26, "Moscow", NULL);
  cli_annotate (project, document, 36, 52, "Minsk", NULL);
  cli_annotate (project, document, 36, 41, "Claims/Minsk agreements", NULL);
  before = tags_summary (project);
  g_assert_cmpstr (before, ==, "Claims 0\nClaims/Minsk agreements 1\nMinsk 1\nMoscow 1\n");

  merge = cli_run (project, "tag-merge", "Minsk", "Claims/Minsk agreements", NULL);
  cli_assert_status (merge, 0);
  after = tags_summary (project);
  g_assert_cmpstr (after, ==, "Claims 0\nClaims/Minsk agreements 2\nMoscow 1\n");

  lines = annotation_lines (project, "--tag", "Claims/Minsk agreements", NULL);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
}

static void
test_tag_delete (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  gint64 document = cli_import_text (project, "s.txt", statement);
  g_autoptr(CliRun) refused = NULL;
  g_autoptr(CliRun) forced = NULL;
  g_autoptr(CliRun) unused = NULL;
  g_autoptr(CliRun) missing = NULL;
  g_autoptr(CliRun) add = NULL;
  g_autofree char *after_refused = NULL;
  g_autofree char *after_forced = NULL;
  g_autofree char *after_unused = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  cli_annotate (project, document, 20, 26, "Places/Moscow", "the capital");

  /* In use: refused without --force, and nothing changes. */
  refused = cli_run (project, "tag-delete", "Places", NULL);
  cli_assert_failure (refused);
  g_assert_nonnull (strstr (refused->err, "--force"));
  after_refused = tags_summary (project);
  g_assert_cmpstr (after_refused, ==, "Places 0\nPlaces/Moscow 1\n");

  forced = cli_run (project, "tag-delete", "Places", "--force", NULL);
  cli_assert_status (forced, 0);
  after_forced = tags_summary (project);
  g_assert_cmpstr (after_forced, ==, "");

  /* The passage stays, with no tag. */
  lines = annotation_lines (project, NULL);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  fields = cli_fields (lines[0]);
  g_assert_cmpstr (fields[4], ==, "");
  g_assert_cmpstr (fields[5], ==, "the capital");
  g_assert_cmpstr (fields[6], ==, "Moscow");

  add = cli_run (project, "tag-add", "Spare", NULL);
  cli_assert_status (add, 0);
  unused = cli_run (project, "tag-delete", "Spare", NULL);
  cli_assert_status (unused, 0);
  after_unused = tags_summary (project);
  g_assert_cmpstr (after_unused, ==, "");

  missing = cli_run (project, "tag-delete", "Spare", NULL);
  cli_assert_failure (missing);
}

static void
test_tag_set (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) add = cli_run (project, "tag-add", "NATO", NULL);
  g_autoptr(CliRun) set = cli_run (project, "tag-set", "NATO", "--colour", "#123ABC", NULL);
  g_autoptr(CliRun) bad = cli_run (project, "tag-set", "NATO", "--colour", "#12345", NULL);
  g_autoptr(CliRun) tags = NULL;

  cli_assert_status (add, 0);
  cli_assert_status (set, 0);
  cli_assert_usage_error (bad);
  tags = cli_run (project, "tags", NULL);
  g_assert_nonnull (strstr (tags->out_text, "\tNATO\t#123abc\t0\n"));
}

static void
test_annotate_list (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  gint64 document = cli_import_text (project, "s.txt", statement);
  glong start = cli_char_offset (statement, "NATO expansion");
  g_autofree char *start_text = g_strdup_printf ("%ld", start);
  g_autofree char *end_text = g_strdup_printf ("%ld", start + 14);
  g_autoptr(CliRun) run = cli_run (project, "annotate", "1", start_text, end_text,
                                   "--tag", "Claims/NATO expansion", "--tag", "Cause",
                                   "--note", "the stated cause", NULL);
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) out = NULL;

  g_assert_cmpint (document, ==, 1);
  cli_assert_status (run, 0);
  out = cli_lines (run->out_text);
  g_assert_cmpuint (g_strv_length (out), ==, 1);

  /* Missing tags are made along the path. */
  summary = tags_summary (project);
  g_assert_cmpstr (summary, ==, "Cause 1\nClaims 0\nClaims/NATO expansion 1\n");

  lines = annotation_lines (project, NULL);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  /* ID DOCUMENT START END TAGS NOTE QUOTE CODER */
  expected = g_strdup_printf ("%s\t1\t%ld\t%ld\tClaims/NATO expansion,Cause\tthe stated cause\tNATO expansion\t"
                              CLI_TEST_CODER,
                              out[0], start, start + 14);
  g_assert_cmpstr (lines[0], ==, expected);
}

static void
test_annotations_escaping (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  const char note[] = "tab\there\nnew line\\back";
  gint64 document = cli_import_text (project, "s.txt", statement);
  g_autoptr(CliRun) run = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) raw = NULL;
  g_auto(GStrv) fields = NULL;

  cli_annotate (project, document, 20, 26, "Places", note);
  run = cli_run (project, "annotations", NULL);
  cli_assert_status (run, 0);

  /* One record on one line, eight fields, the note escaped. */
  lines = cli_lines (run->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  raw = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (raw), ==, 8);
  g_assert_cmpstr (raw[5], ==, "tab\\there\\nnew line\\\\back");

  fields = cli_fields (lines[0]);
  g_assert_cmpstr (fields[5], ==, note);
  g_assert_cmpstr (fields[6], ==, "Moscow");
}

static void
test_annotations_filters (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  gint64 first = cli_import_text (project, "s.txt", statement);
  gint64 second = cli_import_text (project, "t.txt", "Another text\n\nParis and Moscow talk.\n");
  g_autoptr(CliRun) missing_tag = NULL;
  g_autoptr(CliRun) missing_document = NULL;
  g_auto(GStrv) all = NULL;
  g_auto(GStrv) by_document = NULL;
  g_auto(GStrv) by_tag = NULL;
  g_auto(GStrv) by_exact_tag = NULL;
  g_auto(GStrv) fields = NULL;

  cli_annotate (project, first, 20, 26, "Places/Moscow", NULL);
  cli_annotate (project, second, 14, 19, "Places/Paris", NULL);
  cli_annotate (project, second, 24, 30, "Places/Moscow", NULL);
  cli_annotate (project, second, 0, 12, "Titles", NULL);

  all = annotation_lines (project, NULL);
  g_assert_cmpuint (g_strv_length (all), ==, 4);

  by_document = annotation_lines (project, "--document", "2", NULL);
  g_assert_cmpuint (g_strv_length (by_document), ==, 3);
  for (guint i = 0; by_document[i] != NULL; i++)
    {
      g_auto(GStrv) record = cli_fields (by_document[i]);

      g_assert_cmpstr (record[1], ==, "2");
    }
  /* Reading order: by start. */
  fields = cli_fields (by_document[0]);
  g_assert_cmpstr (fields[6], ==, "Another text");

  by_tag = annotation_lines (project, "--tag", "Places", NULL);
  g_assert_cmpuint (g_strv_length (by_tag), ==, 3);
  by_exact_tag = annotation_lines (project, "--tag", "Places", "--exact", NULL);
  g_assert_cmpuint (g_strv_length (by_exact_tag), ==, 0);

  missing_tag = cli_run (project, "annotations", "--tag", "Nowhere", NULL);
  cli_assert_failure (missing_tag);
  missing_document = cli_run (project, "annotations", "--document", "9", NULL);
  cli_assert_failure (missing_document);
}

static void
test_annotate_refused (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  const char * const *failures[] = {
    (const char *[]) { "annotate", "1", "5", "5", "--tag", "A", NULL },
    (const char *[]) { "annotate", "1", "6", "5", "--tag", "A", NULL },
    (const char *[]) { "annotate", "1", "0", "1000", "--tag", "A", NULL },
    (const char *[]) { "annotate", "1", "1000", "1001", "--tag", "A", NULL },
    (const char *[]) { "annotate", "2", "0", "5", "--tag", "A", NULL },
  };
  g_autoptr(CliRun) no_tag = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) lines = NULL;

  cli_import_text (project, "s.txt", statement);
  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autoptr(CliRun) run = cli_run_argv (project, NULL, failures[i]);

      cli_assert_failure (run);
      g_assert_cmpstr (run->out_text, ==, "");
    }

  no_tag = cli_run (project, "annotate", "1", "0", "5", NULL);
  cli_assert_usage_error (no_tag);

  /* A refused passage changes nothing, not even the codebook. */
  summary = tags_summary (project);
  g_assert_cmpstr (summary, ==, "");
  lines = annotation_lines (project, NULL);
  g_assert_cmpuint (g_strv_length (lines), ==, 0);
}

static void
test_note_and_delete (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  gint64 document = cli_import_text (project, "s.txt", statement);
  gint64 id = cli_annotate (project, document, 20, 26, "Places", NULL);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(CliRun) set = cli_run (project, "note", id_text, "Capital city", NULL);
  g_autoptr(CliRun) cleared = NULL;
  g_autoptr(CliRun) missing = NULL;
  g_autoptr(CliRun) deleted = NULL;
  g_autoptr(CliRun) again = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  cli_assert_status (set, 0);
  lines = annotation_lines (project, NULL);
  fields = cli_fields (lines[0]);
  g_assert_cmpstr (fields[5], ==, "Capital city");

  cleared = cli_run (project, "note", id_text, "", NULL);
  cli_assert_status (cleared, 0);
  g_strfreev (lines);
  g_strfreev (fields);
  lines = annotation_lines (project, NULL);
  fields = cli_fields (lines[0]);
  g_assert_cmpstr (fields[5], ==, "");

  missing = cli_run (project, "note", "999", "text", NULL);
  cli_assert_failure (missing);
  g_assert_nonnull (strstr (missing->err, "999"));

  deleted = cli_run (project, "annotation-delete", id_text, NULL);
  cli_assert_status (deleted, 0);
  g_strfreev (lines);
  lines = annotation_lines (project, NULL);
  g_assert_cmpuint (g_strv_length (lines), ==, 0);

  again = cli_run (project, "annotation-delete", id_text, NULL);
  cli_assert_failure (again);
}

static void
test_annotation_set (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  gint64 document = cli_import_text (project, "s.txt", statement);
  gint64 id = cli_annotate (project, document, 20, 26, "Places", "kept");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *expected = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(CliRun) widen = cli_run (project, "annotation-set", id_text, "--end", "31", NULL);
  g_autoptr(CliRun) retag = NULL;
  g_autoptr(CliRun) outside = NULL;
  g_autoptr(CliRun) nothing = NULL;
  g_autoptr(CliRun) missing = NULL;
  g_auto(GStrv) lines = NULL;

  cli_assert_status (widen, 0);
  retag = cli_run (project, "annotation-set", id_text, "--tag", "Speakers/Moscow", "--tag", "Claims", NULL);
  cli_assert_status (retag, 0);

  lines = annotation_lines (project, NULL);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  expected = g_strdup_printf ("%s\t1\t20\t31\tSpeakers/Moscow,Claims\tkept\tMoscow says\t" CLI_TEST_CODER, id_text);
  g_assert_cmpstr (lines[0], ==, expected);
  summary = tags_summary (project);
  g_assert_cmpstr (summary, ==, "Claims 1\nPlaces 0\nSpeakers 0\nSpeakers/Moscow 1\n");

  /* A refused range changes nothing, tags included. */
  outside = cli_run (project, "annotation-set", id_text, "--start", "5000", "--end", "5001",
                     "--tag", "Unmade", NULL);
  cli_assert_failure (outside);
  g_strfreev (lines);
  lines = annotation_lines (project, NULL);
  g_assert_cmpstr (lines[0], ==, expected);
  g_free (summary);
  summary = tags_summary (project);
  g_assert_null (strstr (summary, "Unmade"));

  nothing = cli_run (project, "annotation-set", id_text, NULL);
  cli_assert_usage_error (nothing);
  missing = cli_run (project, "annotation-set", "77", "--end", "30", NULL);
  cli_assert_failure (missing);
  g_assert_nonnull (strstr (missing->err, "77"));
}

static void
test_memo (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) none = NULL;
  g_autoptr(CliRun) set_project = NULL;
  g_autoptr(CliRun) set_document = NULL;
  g_autoptr(CliRun) set_tag = NULL;
  g_autoptr(CliRun) read_project = NULL;
  g_autoptr(CliRun) read_document = NULL;
  g_autoptr(CliRun) read_tag = NULL;
  g_autoptr(CliRun) clear = NULL;
  g_autoptr(CliRun) read_cleared = NULL;
  g_autoptr(CliRun) both = NULL;

  cli_import_text (project, "s.txt", statement);
  cli_annotate (project, 1, 20, 26, "Places", NULL);

  none = cli_run (project, "memo", NULL);
  cli_assert_status (none, 0);
  g_assert_cmpstr (none->out_text, ==, "");

  set_project = cli_run (project, "memo", "Research question:\nwho speaks?", NULL);
  cli_assert_status (set_project, 0);
  set_document = cli_run (project, "memo", "--document", "1", "Read twice.", NULL);
  cli_assert_status (set_document, 0);
  set_tag = cli_run (project, "memo", "--tag", "Places", "Cities named.", NULL);
  cli_assert_status (set_tag, 0);

  read_project = cli_run (project, "memo", NULL);
  g_assert_cmpstr (read_project->out_text, ==, "Research question:\nwho speaks?\n");
  read_document = cli_run (project, "memo", "--document", "1", NULL);
  g_assert_cmpstr (read_document->out_text, ==, "Read twice.\n");
  read_tag = cli_run (project, "memo", "--tag", "Places", NULL);
  g_assert_cmpstr (read_tag->out_text, ==, "Cities named.\n");

  clear = cli_run (project, "memo", "--document", "1", "--clear", NULL);
  cli_assert_status (clear, 0);
  read_cleared = cli_run (project, "memo", "--document", "1", NULL);
  g_assert_cmpstr (read_cleared->out_text, ==, "");

  both = cli_run (project, "memo", "--document", "1", "--tag", "Places", NULL);
  cli_assert_usage_error (both);
}

/* Two processes writing to one project both succeed: the second waits
 * for the first instead of failing on a locked database. */
static void
test_concurrent_annotate (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) check = NULL;
  g_auto(GStrv) lines = NULL;
  guint rounds = 5;

  cli_import_text (project, "s.txt", statement);

  for (guint round = 0; round < rounds; round++)
    {
      const char * const first[] = { "annotate", "1", "20", "26", "--tag", "Places/Moscow", NULL };
      const char * const second[] = { "annotate", "1", "36", "52", "--tag", "Places/Minsk", NULL };
      g_autoptr(GSubprocess) a = cli_spawn (project, first);
      g_autoptr(GSubprocess) b = cli_spawn (project, second);
      g_autoptr(CliRun) run_a = cli_wait (a);
      g_autoptr(CliRun) run_b = cli_wait (b);

      cli_assert_status (run_a, 0);
      cli_assert_status (run_b, 0);
    }

  lines = annotation_lines (project, NULL);
  g_assert_cmpuint (g_strv_length (lines), ==, 2 * rounds);

  check = cli_run (project, "check", NULL);
  cli_assert_status (check, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/tags/add", test_tag_add);
  g_test_add_func ("/Lectern/Cli/tags/add-refused", test_tag_add_refused);
  g_test_add_func ("/Lectern/Cli/tags/rename-move", test_tag_rename_move);
  g_test_add_func ("/Lectern/Cli/tags/merge", test_tag_merge);
  g_test_add_func ("/Lectern/Cli/tags/delete", test_tag_delete);
  g_test_add_func ("/Lectern/Cli/tags/set", test_tag_set);
  g_test_add_func ("/Lectern/Cli/annotate/list", test_annotate_list);
  g_test_add_func ("/Lectern/Cli/annotate/refused", test_annotate_refused);
  g_test_add_func ("/Lectern/Cli/annotate/concurrent", test_concurrent_annotate);
  g_test_add_func ("/Lectern/Cli/annotations/escaping", test_annotations_escaping);
  g_test_add_func ("/Lectern/Cli/annotations/filters", test_annotations_filters);
  g_test_add_func ("/Lectern/Cli/annotation-set", test_annotation_set);
  g_test_add_func ("/Lectern/Cli/note-and-delete", test_note_and_delete);
  g_test_add_func ("/Lectern/Cli/memo", test_memo);

  return g_test_run ();
}
