/* test-cli-project.c — lectern-cli on the reference corpus: every seed
 * imports, `text` gives each back exactly as stored text is defined, and
 * `documents` shows sensible metadata.
 *
 * Reads $LECTERN_SHARED_CORPUS (the seeds folder); skips when it is absent,
 * as in a user's clone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-harness.h"

static const char * const seeds[] = {
  "000_5a0aae566ddf339d.txt",
  "001_1323093bd1647bf0.txt",
  "002_8da1b4e8d23f4c09.txt",
  "003_86ac304ce4b71828.txt",
  "004_fd5111767d5f926c.txt",
};

static const char * const languages[] = { "en", "en", "fr", "en", "en" };

static const char *
seeds_folder (void)
{
  const char *folder = g_getenv ("LECTERN_SHARED_CORPUS");

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return NULL;

  return folder;
}

/* Stored text by its definition, independently of the importer: decoded to
 * UTF-8 (the seeds are UTF-8, perhaps UTF-16 with a BOM), BOM removed,
 * CRLF and lone CR turned into LF, NFC. */
static char *
expected_text (const char *path)
{
  g_autofree char *raw = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *unix_lines = NULL;
  g_autoptr(GString) lines = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &raw, &len, NULL));
  if (len >= 2 && (guchar) raw[0] == 0xFF && (guchar) raw[1] == 0xFE)
    utf8 = g_convert (raw + 2, len - 2, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
  else if (len >= 2 && (guchar) raw[0] == 0xFE && (guchar) raw[1] == 0xFF)
    utf8 = g_convert (raw + 2, len - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
  else if (len >= 3 && memcmp (raw, "\xEF\xBB\xBF", 3) == 0)
    utf8 = g_strndup (raw + 3, len - 3);
  else
    utf8 = g_strndup (raw, len);
  g_assert_nonnull (utf8);
  g_assert_true (g_utf8_validate (utf8, -1, NULL));

  lines = g_string_new (NULL);
  for (const char *p = utf8; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (lines, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (lines, *p);
    }

  return g_utf8_normalize (lines->str, lines->len, G_NORMALIZE_NFC);
}

static char *
import_seeds (void)
{
  const char *folder = seeds_folder ();
  g_autofree char *project = cli_new_project ("corpus.lectern");
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CliRun) run = NULL;
  g_auto(GStrv) lines = NULL;

  g_ptr_array_add (args, g_strdup ("import"));
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    g_ptr_array_add (args, g_build_filename (folder, seeds[i], NULL));
  g_ptr_array_add (args, NULL);

  run = cli_run_argv (project, NULL, (const char * const *) args->pdata);
  cli_assert_status (run, 0);
  g_assert_cmpstr (run->err, ==, "");
  lines = cli_lines (run->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (seeds));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);
      g_autofree char *id = g_strdup_printf ("%u", i + 1);

      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_cmpstr (fields[0], ==, id);
      g_assert_cmpuint (strlen (fields[1]), >, 0);
    }

  return g_steal_pointer (&project);
}

static void
test_project_text (void)
{
  g_autofree char *project = NULL;

  if (seeds_folder () == NULL)
    {
      g_test_skip ("the reference corpus is absent (LECTERN_SHARED_CORPUS)");
      return;
    }

  project = import_seeds ();
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = g_build_filename (seeds_folder (), seeds[i], NULL);
      g_autofree char *expected = expected_text (path);
      g_autofree char *id = g_strdup_printf ("%u", i + 1);
      g_autoptr(CliRun) run = cli_run (project, "text", id, NULL);
      const char *data;
      gsize len;

      cli_assert_status (run, 0);
      data = g_bytes_get_data (run->out, &len);
      if (len != strlen (expected) || memcmp (data, expected, len) != 0)
        g_error ("lectern-cli text %s differs from %s as stored text", id, seeds[i]);
    }
}

static void
test_project_documents (void)
{
  g_autofree char *project = NULL;
  g_autoptr(CliRun) run = NULL;
  g_auto(GStrv) lines = NULL;

  if (seeds_folder () == NULL)
    {
      g_test_skip ("the reference corpus is absent (LECTERN_SHARED_CORPUS)");
      return;
    }

  project = import_seeds ();
  run = cli_run (project, "documents", NULL);
  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (seeds));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);
      g_autofree char *path = g_build_filename (seeds_folder (), seeds[i], NULL);
      g_autofree char *expected = expected_text (path);
      g_autofree char *length = g_strdup_printf ("%ld", g_utf8_strlen (expected, -1));

      /* ID TITLE LANGUAGE DATE CHARS ANNOTATIONS */
      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      /* A title is a line of the text, not boilerplate like "logo". */
      g_assert_cmpuint (g_utf8_strlen (fields[1], -1), >, 10);
      g_assert_nonnull (strstr (expected, fields[1]));
      g_assert_cmpstr (fields[2], ==, languages[i]);
      g_assert_cmpstr (fields[4], ==, length);
      g_assert_cmpstr (fields[5], ==, "0");
    }

  {
    g_auto(GStrv) first = cli_fields (lines[1]);
    g_auto(GStrv) third = cli_fields (lines[3]);

    g_assert_cmpstr (first[3], ==, "2025-04-26");
    g_assert_cmpstr (third[3], ==, "2021-11-12");
  }
}

static void
test_project_annotate_and_check (void)
{
  g_autofree char *project = NULL;
  g_autoptr(CliRun) text = NULL;
  g_autoptr(CliRun) annotations = NULL;
  g_autoptr(CliRun) check = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  glong start;

  if (seeds_folder () == NULL)
    {
      g_test_skip ("the reference corpus is absent (LECTERN_SHARED_CORPUS)");
      return;
    }

  project = import_seeds ();
  text = cli_run (project, "text", "3", NULL);
  cli_assert_status (text, 0);
  /* French text: offsets count code points, not bytes, past the accents. */
  start = cli_char_offset (text->out_text, "Lavrov");
  g_assert_cmpint (start, >=, 0);
  cli_annotate (project, 3, start, start + 6, "Speakers/Lavrov", NULL);

  annotations = cli_run (project, "annotations", "--document", "3", NULL);
  cli_assert_status (annotations, 0);
  lines = cli_lines (annotations->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  fields = cli_fields (lines[0]);
  g_assert_cmpstr (fields[6], ==, "Lavrov");

  check = cli_run (project, "check", NULL);
  cli_assert_status (check, 0);
}

/* Runs `where` on @passage of document @id and asserts a place in
 * document @id overlapping the first occurrence of @other after
 * @passage's own place. */
static void
assert_where_finds (const char *project,
                    const char *text,
                    const char *passage,
                    const char *other)
{
  glong start = cli_char_offset (text, passage);
  glong end = start + g_utf8_strlen (passage, -1);
  const char *after = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autoptr(CliRun) run = NULL;
  g_auto(GStrv) lines = NULL;
  glong other_start, other_end;
  gboolean found = FALSE;

  g_assert_cmpint (start, >=, 0);
  /* The other occurrence: elsewhere than the passage itself. */
  after = strstr (text, other);
  if (after != NULL && g_utf8_pointer_to_offset (text, after) >= start &&
      g_utf8_pointer_to_offset (text, after) < end)
    after = strstr (after + 1, other);
  g_assert_nonnull (after);
  other_start = g_utf8_pointer_to_offset (text, after);
  other_end = other_start + g_utf8_strlen (other, -1);

  start_text = g_strdup_printf ("%ld", start);
  end_text = g_strdup_printf ("%ld", end);
  run = cli_run (project, "where", "2", start_text, end_text, NULL);
  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);
      glong place_start = g_ascii_strtoll (fields[1], NULL, 10);
      glong place_end = g_ascii_strtoll (fields[2], NULL, 10);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      if (g_str_equal (fields[0], "2") && place_start < other_end && place_end > other_start)
        found = TRUE;
    }

  if (!found)
    g_error ("where did not find “%s” again; it answered:\n%s", other, run->out_text);
}

/* The reference passages of issue #4: a sentence repeated lightly edited
 * further down 001, and a quotation that occurs twice. */
static void
test_project_where (void)
{
  g_autofree char *project = NULL;
  g_autoptr(CliRun) text = NULL;

  if (seeds_folder () == NULL)
    {
      g_test_skip ("the reference corpus is absent (LECTERN_SHARED_CORPUS)");
      return;
    }

  project = import_seeds ();
  text = cli_run (project, "text", "2", NULL);
  cli_assert_status (text, 0);

  assert_where_finds (project, text->out_text,
                      "Moscow has dismissed claims that it intends to attack NATO countries as "
                      "\'nonsense,\' saying that Western politicians are seeking to scare their "
                      "populations to justify increased military spending.",
                      "Moscow has dismissed claims that it intends to attack NATO as");
  assert_where_finds (project, text->out_text,
                      "they have no desire to sacrifice friendship with Russia for the dubious "
                      "benefits of supporting the Nazi regime",
                      "the dubious benefits of supporting the");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/corpus/text", test_project_text);
  g_test_add_func ("/Lectern/Cli/corpus/documents", test_project_documents);
  g_test_add_func ("/Lectern/Cli/corpus/annotate-and-check", test_project_annotate_and_check);
  g_test_add_func ("/Lectern/Cli/corpus/where", test_project_where);

  return g_test_run ();
}
