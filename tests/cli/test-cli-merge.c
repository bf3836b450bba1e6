/* test-cli-merge.c — lectern-cli merge: the summary line, conflicts on
 * stderr, a deletion carried over, --dry-run changing nothing, a bad
 * OTHER refused by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cli-harness.h"

static char *
read_bytes (const char *path,
            gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  contents = read_bytes (from, &length);
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

/* Two copies: B adds a document and a passage and renames a tag. */
static void
make_pair (const char  *stem,
           char       **a,
           char       **b)
{
  g_autofree char *a_name = g_strconcat (stem, "-a.lectern", NULL);
  g_autofree char *b_name = g_strconcat (stem, "-b.lectern", NULL);
  gint64 id;

  *a = cli_new_project (a_name);
  id = cli_import_text (*a, "one.txt", "The first text, coded by both.\n");
  cli_annotate (*a, id, 4, 9, "Order", NULL);
  *b = cli_temp_path (b_name);
  copy_file (*a, *b);

  cli_set_coder_env ("Bob");
  id = cli_import_text (*b, "two.txt", "Only the second copy has this.\n");
  cli_annotate (*b, id, 0, 4, "Order", NULL);
  {
    g_autoptr(CliRun) rename = cli_run (*b, "tag-rename", "Order", "Sequence", NULL);

    cli_assert_status (rename, 0);
  }
  cli_set_coder_env (CLI_TEST_CODER);
}

static void
test_summary (void)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) annotations = NULL;
  g_auto(GStrv) lines = NULL;

  make_pair ("summary", &a, &b);
  run = cli_run (a, "merge", b, NULL);
  cli_assert_status (run, 0);
  /* Matched: the coder Tester, the first document and its passage. */
  g_assert_cmpstr (run->out_text, ==, "added 1 documents, 0 tags, 1 passages; matched 3; conflicts 1\n");
  /* The renamed tag, one line, with both names. */
  lines = cli_lines (run->err);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_true (g_str_has_prefix (lines[0], "lectern-cli: conflict: Tag “Order”"));
  g_assert_nonnull (strstr (lines[0], "Sequence"));

  annotations = cli_run (a, "annotations", NULL);
  cli_assert_status (annotations, 0);
  g_clear_pointer (&lines, g_strfreev);
  lines = cli_lines (annotations->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);

  /* Nothing twice. */
  again = cli_run (a, "merge", b, NULL);
  cli_assert_status (again, 0);
  g_assert_true (g_str_has_prefix (again->out_text, "added 0 documents, 0 tags, 0 passages;"));

  /* A passage B deleted, unchanged in A: deleted in A too, not a conflict. */
  {
    g_autoptr(CliRun) delete = cli_run (b, "annotation-delete", "1", NULL);
    g_autoptr(CliRun) deleted = NULL;
    g_autoptr(CliRun) left = NULL;

    cli_assert_status (delete, 0);
    deleted = cli_run (a, "merge", b, NULL);
    cli_assert_status (deleted, 0);
    /* Only the renamed tag's conflict again. */
    g_assert_true (g_str_has_suffix (deleted->out_text, "; conflicts 1\n"));
    g_assert_null (strstr (deleted->err, "Passage"));
    left = cli_run (a, "annotations", NULL);
    g_clear_pointer (&lines, g_strfreev);
    lines = cli_lines (left->out_text);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
  }
}

static void
test_dry_run (void)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  g_autoptr(CliRun) dry = NULL;
  g_autoptr(CliRun) real = NULL;

  make_pair ("dry", &a, &b);
  before = read_bytes (a, &before_length);
  dry = cli_run (a, "merge", "--dry-run", b, NULL);
  cli_assert_status (dry, 0);
  after = read_bytes (a, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);

  real = cli_run (a, "merge", b, NULL);
  cli_assert_status (real, 0);
  g_assert_cmpstr (dry->out_text, ==, real->out_text);
  g_assert_cmpstr (dry->err, ==, real->err);
}

/* One project, one coded document (valgrind runs these: keep them few). */
static char *
make_one (const char *name)
{
  char *path = cli_new_project (name);
  gint64 id = cli_import_text (path, "one.txt", "The first text, coded by both.\n");

  cli_annotate (path, id, 4, 9, "Order", NULL);
  return path;
}

static void
test_self (void)
{
  g_autofree char *a = make_one ("self.lectern");
  g_autoptr(CliRun) run = NULL;

  run = cli_run (a, "merge", a, NULL);
  cli_assert_status (run, 0);
  g_assert_true (g_str_has_prefix (run->out_text, "added 0 documents, 0 tags, 0 passages; matched "));
  g_assert_true (g_str_has_suffix (run->out_text, "; conflicts 0\n"));
  g_assert_cmpstr (run->err, ==, "");
}

static void
test_bad_other (void)
{
  g_autofree char *a = make_one ("bad.lectern");
  g_autofree char *junk = cli_write_file ("junk.lectern", "SQLite format 3\0not really", 27);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) missing = NULL;

  before = read_bytes (a, &before_length);
  run = cli_run (a, "merge", junk, NULL);
  cli_assert_failure (run);
  g_assert_nonnull (strstr (run->err, "junk.lectern"));
  g_assert_cmpstr (run->out_text, ==, "");
  after = read_bytes (a, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);

  missing = cli_run (a, "merge", "/nonexistent/other.lectern", NULL);
  cli_assert_failure (missing);
  g_assert_nonnull (strstr (missing->err, "other.lectern"));
}

/* A .qdpx from another tool: its users stay coders by their IDs, so a
 * second merge finds everything there. */
static void
test_qdpx (void)
{
  g_autofree char *project = cli_new_project ("qdpx.lectern");
  g_autofree char *qdpx = g_test_build_filename (G_TEST_DIST, "fixtures", "merge", "maxqda-style.qdpx", NULL);
  g_autoptr(CliRun) first = cli_run (project, "merge", qdpx, NULL);
  g_autoptr(CliRun) second = cli_run (project, "merge", qdpx, NULL);

  cli_assert_status (first, 0);
  g_assert_cmpstr (first->out_text, ==, "added 1 documents, 3 tags, 2 passages; matched 0; conflicts 0\n");
  cli_assert_status (second, 0);
  g_assert_cmpstr (second->out_text, ==, "added 0 documents, 0 tags, 0 passages; matched 8; conflicts 0\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/merge/summary", test_summary);
  g_test_add_func ("/cli/merge/dry-run", test_dry_run);
  g_test_add_func ("/cli/merge/self", test_self);
  g_test_add_func ("/cli/merge/bad-other", test_bad_other);
  g_test_add_func ("/cli/merge/qdpx", test_qdpx);

  return g_test_run ();
}
