/* test-cli-documents.c — lectern-cli import, documents, document, text,
 * document-set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-harness.h"

/* A file as a user might have it: BOM, CRLF and a lone CR, a decomposed
 * é, a combining tilde with no precomposed form, an emoji ZWJ sequence, an
 * astral-plane letter, right-to-left script and a flag. */
static const char messy_file[] =
  "\xEF\xBB\xBF" "Cafe\xCC\x81 notes\r\n\r\n"
  "q\xCC\x83 and \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 and "
  "\xF0\x9D\x94\xB8 and \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 and \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7.\r"
  "Last line";
/* The same as stored text: no BOM, LF only, NFC. */
static const char messy_stored[] =
  "Caf\xC3\xA9 notes\n\n"
  "q\xCC\x83 and \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 and "
  "\xF0\x9D\x94\xB8 and \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 and \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7.\n"
  "Last line";

static const char png_bytes[] =
  "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"
  "\0\0\0\rIDATx\x9c" "c\xf8\x0f\0\x01\x01\x01\0\x18\xdd\x8d\xb4\0\0\0\0IEND\xae" "B`\x82";

static void
test_import_one (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *path = cli_write_file ("article.txt", "Minsk agreements revisited\n\nText.\n", -1);
  g_autoptr(CliRun) run = cli_run (project, "import", path, NULL);
  g_autoptr(CliRun) documents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out_text, ==, "1\tMinsk agreements revisited\n");
  g_assert_cmpstr (run->err, ==, "");

  documents = cli_run (project, "documents", NULL);
  cli_assert_status (documents, 0);
  lines = cli_lines (documents->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  fields = cli_fields (lines[0]);
  /* ID TITLE LANGUAGE DATE CHARS ANNOTATIONS */
  g_assert_cmpuint (g_strv_length (fields), ==, 6);
  g_assert_cmpstr (fields[0], ==, "1");
  g_assert_cmpstr (fields[1], ==, "Minsk agreements revisited");
  g_assert_cmpstr (fields[4], ==, "34");
  g_assert_cmpstr (fields[5], ==, "0");
}

static void
test_import_some_refused (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *good1 = cli_write_file ("first.txt", "First article\n\nAbout Paris.\n", -1);
  g_autofree char *bad = cli_write_file ("picture.png", png_bytes, sizeof png_bytes - 1);
  g_autofree char *empty = cli_write_file ("empty.txt", "", 0);
  g_autofree char *good2 = cli_write_file ("second.txt", "Second article\n\nAbout Moscow.\n", -1);
  g_autoptr(CliRun) run = cli_run (project, "import", good1, bad, empty, good2, NULL);
  g_autoptr(CliRun) documents = NULL;
  g_auto(GStrv) out = NULL;
  g_auto(GStrv) err = NULL;

  cli_assert_status (run, 1);
  out = cli_lines (run->out_text);
  g_assert_cmpuint (g_strv_length (out), ==, 2);
  g_assert_cmpstr (out[0], ==, "1\tFirst article");
  g_assert_cmpstr (out[1], ==, "2\tSecond article");

  /* One line per refused file, naming it. */
  err = cli_lines (run->err);
  g_assert_cmpuint (g_strv_length (err), ==, 2);
  g_assert_true (g_str_has_prefix (err[0], "lectern-cli: "));
  g_assert_nonnull (strstr (err[0], "picture.png"));
  g_assert_true (g_str_has_prefix (err[1], "lectern-cli: "));
  g_assert_nonnull (strstr (err[1], "empty.txt"));

  documents = cli_run (project, "documents", NULL);
  cli_assert_status (documents, 0);
  g_strfreev (out);
  out = cli_lines (documents->out_text);
  g_assert_cmpuint (g_strv_length (out), ==, 2);
}

static void
test_import_duplicate (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *copy = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) documents = NULL;
  g_auto(GStrv) lines = NULL;

  cli_import_text (project, "original.txt", "A statement\n\nWords.\n");
  copy = cli_write_file ("copy.txt", "A statement\n\nWords.\n", -1);
  run = cli_run (project, "import", copy, NULL);
  cli_assert_failure (run);
  g_assert_nonnull (strstr (run->err, "copy.txt"));
  g_assert_cmpstr (run->out_text, ==, "");

  documents = cli_run (project, "documents", NULL);
  lines = cli_lines (documents->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
}

static void
test_import_missing_file (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *missing = cli_temp_path ("nowhere.txt");
  g_autoptr(CliRun) run = cli_run (project, "import", missing, NULL);

  cli_assert_failure (run);
  g_assert_nonnull (strstr (run->err, "nowhere.txt"));
}

static void
test_text_exact (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *path = cli_write_file ("messy.txt", messy_file, -1);
  g_autoptr(CliRun) imported = cli_run (project, "import", path, NULL);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) documents = NULL;
  g_autofree char *length = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  gsize len;
  const char *data;

  cli_assert_status (imported, 0);
  run = cli_run (project, "text", "1", NULL);
  cli_assert_status (run, 0);
  data = g_bytes_get_data (run->out, &len);
  /* Byte for byte, nothing added, not even a final newline. */
  g_assert_cmpmem (data, len, messy_stored, strlen (messy_stored));

  documents = cli_run (project, "documents", NULL);
  lines = cli_lines (documents->out_text);
  fields = cli_fields (lines[0]);
  length = g_strdup_printf ("%ld", g_utf8_strlen (messy_stored, -1));
  g_assert_cmpstr (fields[4], ==, length);
}

/* Offsets are code points of the stored text: what `text` gives back is
 * what `annotate` counts, so the quotes match. */
static void
test_text_offsets (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  const char *passages[] = {
    "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",
    "\xF0\x9D\x94\xB8 and \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7",
    "q\xCC\x83",
    "Caf\xC3\xA9",
    "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7.\nLast",
  };
  g_autoptr(CliRun) text = NULL;
  g_autoptr(CliRun) run = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 id;

  id = cli_import_text (project, "messy.txt", messy_file);
  text = cli_run (project, "text", "1", NULL);
  cli_assert_status (text, 0);

  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    {
      glong start = cli_char_offset (text->out_text, passages[i]);

      g_assert_cmpint (start, >=, 0);
      cli_annotate (project, id, start, start + g_utf8_strlen (passages[i], -1), "Passage", NULL);
    }

  run = cli_run (project, "annotations", NULL);
  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (passages));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);
      g_autofree char *slice = NULL;
      glong start = g_ascii_strtoll (fields[2], NULL, 10);
      glong end = g_ascii_strtoll (fields[3], NULL, 10);
      gboolean known = FALSE;

      slice = g_utf8_substring (text->out_text, start, end);
      g_assert_cmpstr (fields[6], ==, slice);
      for (guint j = 0; j < G_N_ELEMENTS (passages); j++)
        known |= g_strcmp0 (fields[6], passages[j]) == 0;
      g_assert_true (known);
    }
}

/* A legacy 8-bit French file comes back as UTF-8, its encoding recorded. */
static void
test_import_legacy_encoding (void)
{
  const char utf8[] =
    "Les n\xC3\xA9gociations de l\xE2\x80\x99\xC3\xA9t\xC3\xA9\n\n"
    "La s\xC3\xA9" "curit\xC3\xA9 europ\xC3\xA9" "enne \xC3\xA9tait au c\xC5\x93ur des \xC3\xA9" "changes \xC3\xA0 "
    "Gen\xC3\xA8ve, o\xC3\xB9 les d\xC3\xA9l\xC3\xA9gations ont d\xC3\xA9" "battu des garanties "
    "\xC2\xAB concr\xC3\xA8tes \xC2\xBB et de l\xE2\x80\x99" "avenir du trait\xC3\xA9.\n";
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *legacy = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CliRun) imported = NULL;
  g_autoptr(CliRun) text = NULL;
  g_autoptr(CliRun) shown = NULL;
  gsize len;

  legacy = g_convert (utf8, -1, "WINDOWS-1252", "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (legacy);
  path = cli_write_file ("ete.txt", legacy, len);

  imported = cli_run (project, "import", path, NULL);
  cli_assert_status (imported, 0);
  text = cli_run (project, "text", "1", NULL);
  cli_assert_status (text, 0);
  g_assert_cmpstr (text->out_text, ==, utf8);

  shown = cli_run (project, "document", "1", NULL);
  cli_assert_status (shown, 0);
  g_assert_nonnull (strstr (shown->out_text, "\nencoding\t"));
  g_assert_null (strstr (shown->out_text, "\nencoding\tUTF-8\n"));
  g_assert_null (strstr (shown->out_text, "\nencoding\t\n"));
}

/* UTF-8 but for three stray bytes: imported, the damage told on stderr
 * naming the file and the count, and kept as a variable. */
static void
test_import_damaged_bytes (void)
{
  static const char data[] =
    "Le trait\xC3\xA9 \xE2\x80\x94 sign\xC3\xA9 \xC3\xA0 Paris\n\n"
    "caf\xE9 noir, l\x92" "auteur, et \x92 fin.\n";
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *path = cli_write_file ("mixed.txt", data, sizeof data - 1);
  g_autoptr(CliRun) imported = cli_run (project, "import", path, NULL);
  g_autoptr(CliRun) text = NULL;
  g_autoptr(CliRun) shown = NULL;

  cli_assert_status (imported, 0);
  g_assert_cmpstr (imported->out_text, ==, "1\tLe trait\xC3\xA9 \xE2\x80\x94 sign\xC3\xA9 \xC3\xA0 Paris\n");
  g_assert_true (g_str_has_prefix (imported->err, "lectern-cli: "));
  g_assert_nonnull (strstr (imported->err, "mixed.txt"));
  g_assert_nonnull (strstr (imported->err, " 3 "));

  text = cli_run (project, "text", "1", NULL);
  cli_assert_status (text, 0);
  g_assert_cmpstr (text->out_text, ==,
                   "Le trait\xC3\xA9 \xE2\x80\x94 sign\xC3\xA9 \xC3\xA0 Paris\n\n"
                   "caf\uFFFD noir, l\uFFFD" "auteur, et \uFFFD fin.\n");

  shown = cli_run (project, "document", "1", NULL);
  cli_assert_status (shown, 0);
  g_assert_nonnull (strstr (shown->out_text, "\nencoding\tUTF-8\n"));
  g_assert_nonnull (strstr (shown->out_text, "\nvar:replaced-bytes\t3\n"));
}

static void
test_text_missing_document (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) run = cli_run (project, "text", "42", NULL);

  cli_assert_failure (run);
  g_assert_nonnull (strstr (run->err, "42"));
  g_assert_cmpstr (run->out_text, ==, "");
}

static void
test_document_set (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) set = NULL;
  g_autoptr(CliRun) documents = NULL;
  g_autoptr(CliRun) shown = NULL;
  g_autoptr(CliRun) cleared = NULL;
  g_autoptr(CliRun) after = NULL;
  g_auto(GStrv) lines = NULL;

  cli_import_text (project, "a.txt", "Old title\n\nSome words.\n");
  set = cli_run (project, "document-set", "1", "--title", "New\ttitle \\ here", "--date", "2021-11-12",
                 "--language", "fr", "--source", "Le Monde", "--author", "A. Writer",
                 "--var", "outlet=Le Monde", "--var", "kind=interview", NULL);
  cli_assert_status (set, 0);

  documents = cli_run (project, "documents", NULL);
  cli_assert_status (documents, 0);
  g_assert_cmpstr (documents->out_text, ==, "1\tNew\\ttitle \\\\ here\tfr\t2021-11-12\t23\t0\n");

  shown = cli_run (project, "document", "1", NULL);
  cli_assert_status (shown, 0);
  g_assert_nonnull (strstr (shown->out_text, "\nsource\tLe Monde\n"));
  g_assert_nonnull (strstr (shown->out_text, "\nauthor\tA. Writer\n"));
  g_assert_nonnull (strstr (shown->out_text, "\noriginal-name\ta.txt\n"));
  g_assert_nonnull (strstr (shown->out_text, "\nvar:kind\tinterview\nvar:outlet\tLe Monde\n"));

  cleared = cli_run (project, "document-set", "1", "--date", "", "--var", "kind=", NULL);
  cli_assert_status (cleared, 0);
  after = cli_run (project, "document", "1", NULL);
  lines = cli_lines (after->out_text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) record = cli_fields (lines[i]);

      if (g_str_equal (record[0], "date"))
        g_assert_cmpstr (record[1], ==, "");
      g_assert_cmpstr (record[0], !=, "var:kind");
    }
  g_assert_nonnull (strstr (after->out_text, "\nvar:outlet\tLe Monde\n"));
}

static void
test_document_set_refused (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  const char * const *cases[] = {
    (const char *[]) { "document-set", "1", "--date", "12/11/2021", NULL },
    (const char *[]) { "document-set", "1", "--date", "2021-02-30", NULL },
    (const char *[]) { "document-set", "1", "--language", "French", NULL },
    (const char *[]) { "document-set", "1", "--var", "novalue", NULL },
    (const char *[]) { "document-set", "1", "--title", "  ", NULL },
    (const char *[]) { "document-set", "1", NULL },
  };
  g_autoptr(CliRun) missing = NULL;
  g_autoptr(CliRun) documents = NULL;

  cli_import_text (project, "a.txt", "Old title\n\nSome words.\n");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliRun) run = cli_run_argv (project, NULL, cases[i]);

      cli_assert_usage_error (run);
    }

  missing = cli_run (project, "document-set", "7", "--title", "T", NULL);
  cli_assert_failure (missing);
  g_assert_nonnull (strstr (missing->err, "7"));

  documents = cli_run (project, "documents", NULL);
  g_assert_true (g_str_has_prefix (documents->out_text, "1\tOld title\t"));
}

static void
test_document_delete (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) deleted = NULL;
  g_autoptr(CliRun) documents = NULL;
  g_autoptr(CliRun) annotations = NULL;
  g_autoptr(CliRun) text = NULL;
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) check = NULL;

  cli_import_text (project, "a.txt", "First text\n\nWords.\n");
  cli_import_text (project, "b.txt", "Second text\n\nMore words.\n");
  cli_annotate (project, 1, 0, 5, "Openings", NULL);
  cli_annotate (project, 2, 0, 6, "Openings", NULL);

  deleted = cli_run (project, "document-delete", "1", NULL);
  cli_assert_status (deleted, 0);

  documents = cli_run (project, "documents", NULL);
  g_assert_true (g_str_has_prefix (documents->out_text, "2\tSecond text\t"));
  g_assert_true (g_str_has_suffix (documents->out_text, "\t25\t1\n"));
  g_assert_cmpstr (strchr (documents->out_text, '\n'), ==, "\n");
  annotations = cli_run (project, "annotations", NULL);
  g_assert_true (g_str_has_suffix (annotations->out_text, "\t2\t0\t6\tOpenings\t\tSecond\t" CLI_TEST_CODER "\n"));
  text = cli_run (project, "text", "1", NULL);
  cli_assert_failure (text);

  again = cli_run (project, "document-delete", "1", NULL);
  cli_assert_failure (again);
  check = cli_run (project, "check", NULL);
  cli_assert_status (check, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/import/one", test_import_one);
  g_test_add_func ("/Lectern/Cli/import/some-refused", test_import_some_refused);
  g_test_add_func ("/Lectern/Cli/import/duplicate", test_import_duplicate);
  g_test_add_func ("/Lectern/Cli/import/missing-file", test_import_missing_file);
  g_test_add_func ("/Lectern/Cli/import/legacy-encoding", test_import_legacy_encoding);
  g_test_add_func ("/Lectern/Cli/import/damaged-bytes", test_import_damaged_bytes);
  g_test_add_func ("/Lectern/Cli/text/exact", test_text_exact);
  g_test_add_func ("/Lectern/Cli/text/offsets", test_text_offsets);
  g_test_add_func ("/Lectern/Cli/text/missing-document", test_text_missing_document);
  g_test_add_func ("/Lectern/Cli/document-set/changes", test_document_set);
  g_test_add_func ("/Lectern/Cli/document-set/refused", test_document_set_refused);
  g_test_add_func ("/Lectern/Cli/document-delete", test_document_delete);

  return g_test_run ();
}
