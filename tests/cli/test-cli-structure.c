/* test-cli-structure.c — lectern-cli structure, original, and what
 * document shows of them, after importing Markdown and plain text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-harness.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "markdown", name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* `cmp`, as a user would check the round trip. */
static void
assert_cmp (const char *a,
            const char *b)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "cmp", a, b, NULL };
  g_autofree char *cmp = g_find_program_in_path ("cmp");
  int status = -1;

  if (cmp == NULL)
    {
      g_autoptr(GBytes) x = read_bytes (a);
      g_autoptr(GBytes) y = read_bytes (b);

      g_assert_true (g_bytes_equal (x, y));
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static const char *
document_field (const char *out,
                const char *key)
{
  static char value[256];
  g_auto(GStrv) lines = cli_lines (out);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);

      if (g_strcmp0 (fields[0], key) == 0)
        {
          g_strlcpy (value, fields[1] != NULL ? fields[1] : "", sizeof value);
          return value;
        }
    }
  return NULL;
}

static void
test_markdown (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *markdown = fixture_path ("notes.md");
  g_autofree char *expected_path = fixture_path ("notes.structure");
  g_autofree char *expected_text_path = fixture_path ("notes.txt");
  g_autoptr(GBytes) expected = read_bytes (expected_path);
  g_autoptr(GBytes) expected_text = read_bytes (expected_text_path);
  g_autoptr(GBytes) source = read_bytes (markdown);
  g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT, g_bytes_get_size (source));
  g_autoptr(CliRun) imported = cli_run (project, "import", markdown, NULL);
  g_autoptr(CliRun) structure = NULL;
  g_autoptr(CliRun) text = NULL;
  g_autoptr(CliRun) document = NULL;

  cli_assert_status (imported, 0);
  g_assert_cmpstr (imported->out_text, ==, "1\tMinutes of the harbour council\n");
  g_assert_cmpstr (imported->err, ==, "");

  /* START END KIND VALUE, in text order, exactly as expected. */
  structure = cli_run (project, "structure", "1", NULL);
  cli_assert_status (structure, 0);
  g_assert_cmpstr (structure->out_text, ==, g_bytes_get_data (expected, NULL));
  text = cli_run (project, "text", "1", NULL);
  g_assert_true (g_bytes_equal (text->out, expected_text));

  document = cli_run (project, "document", "1", NULL);
  cli_assert_status (document, 0);
  g_assert_cmpstr (document_field (document->out_text, "format"), ==, "markdown");
  g_assert_cmpstr (document_field (document->out_text, "original-size"), ==, size);
}

static void
test_original_round_trip (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *markdown = fixture_path ("notes.md");
  g_autofree char *out = cli_temp_path ("back.md");
  g_autoptr(CliRun) imported = cli_run (project, "import", markdown, NULL);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) forced = NULL;
  g_autoptr(CliRun) usage = NULL;
  g_autoptr(CliRun) missing = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  cli_assert_status (imported, 0);

  run = cli_run (project, "original", "1", "--output", out, NULL);
  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out_text, ==, "");
  assert_cmp (markdown, out);

  /* An existing file is not replaced without --force, and stays as it was. */
  g_assert_true (g_file_set_contents (out, "mine", -1, NULL));
  again = cli_run (project, "original", "1", "--output", out, NULL);
  cli_assert_failure (again);
  g_assert_nonnull (strstr (again->err, "back.md"));
  g_assert_nonnull (strstr (again->err, "--force"));
  after = read_bytes (out);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), "mine", 4);

  forced = cli_run (project, "original", "1", "--output", out, "--force", NULL);
  cli_assert_status (forced, 0);
  assert_cmp (markdown, out);

  /* Bytes never go to the terminal by surprise. */
  usage = cli_run (project, "original", "1", NULL);
  cli_assert_usage_error (usage);

  missing = cli_run (project, "original", "7", "--output", out, NULL);
  cli_assert_failure (missing);
  before = read_bytes (markdown);
  g_clear_pointer (&after, g_bytes_unref);
  after = read_bytes (out);
  g_assert_true (g_bytes_equal (before, after));
}

/* A text file keeps its bytes as they were (BOM, CRLF) beside
 * its stored text, and has no structure. */
static void
test_plain_text (void)
{
  static const char with_bom[] = "\xef\xbb\xbfR\xc3\xa9union du conseil\r\n\r\nLe budget est adopt\xc3\xa9.\r\n";
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *path = cli_write_file ("conseil.txt", with_bom, sizeof with_bom - 1);
  g_autofree char *out = cli_temp_path ("back.txt");
  g_autoptr(CliRun) imported = cli_run (project, "import", path, NULL);
  g_autoptr(CliRun) structure = NULL;
  g_autoptr(CliRun) document = NULL;
  g_autoptr(CliRun) original = NULL;
  g_autoptr(CliRun) none = NULL;
  g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT, sizeof with_bom - 1);

  cli_assert_status (imported, 0);

  structure = cli_run (project, "structure", "1", NULL);
  cli_assert_status (structure, 0);
  g_assert_cmpstr (structure->out_text, ==, "");

  document = cli_run (project, "document", "1", NULL);
  g_assert_cmpstr (document_field (document->out_text, "format"), ==, "text");
  g_assert_cmpstr (document_field (document->out_text, "original-size"), ==, size);

  original = cli_run (project, "original", "1", "-o", out, NULL);
  cli_assert_status (original, 0);
  assert_cmp (path, out);

  none = cli_run (project, "structure", "9", NULL);
  cli_assert_failure (none);
  g_assert_nonnull (strstr (none->err, "9"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/structure/markdown", test_markdown);
  g_test_add_func ("/Lectern/Cli/original/round-trip", test_original_round_trip);
  g_test_add_func ("/Lectern/Cli/original/plain-text", test_plain_text);

  return g_test_run ();
}
