/* test-markdown-reader.c — a Markdown file's stored text and structure,
 * compared exactly with what is expected of it
 * (tests/fixtures/markdown/README.md), and the importer's choice of
 * format and its storing of them with the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-import.h"

static GBytes *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "markdown", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* START END KIND VALUE, a line each, as `lectern-cli structure` prints. */
static char *
structure_to_tsv (GArray *structure)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      g_string_append_printf (out, "%u\t%u\t%s\t%s\n", span->start, span->end,
                              lectern_structure_kind_to_string (span->kind),
                              span->value != NULL ? span->value : "");
    }
  return g_string_free (out, FALSE);
}

static void
test_fixture (void)
{
  g_autoptr(GBytes) markdown = fixture ("notes.md");
  g_autoptr(GBytes) expected_text = fixture ("notes.txt");
  g_autoptr(GBytes) expected_structure = fixture ("notes.structure");
  g_autoptr(GPtrArray) extracts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *structure = NULL;
  LecternExtract *extract;
  const char *text;

  extracts = lectern_markdown_reader_read (markdown, "notes.md", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (extracts->len, ==, 1);
  extract = g_ptr_array_index (extracts, 0);

  g_assert_cmpstr (lectern_extract_get_format (extract), ==, "markdown");
  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "Minutes of the harbour council");
  g_assert_cmpstr (lectern_extract_get_encoding (extract), ==, "UTF-8");

  text = lectern_extract_get_text (extract);
  g_assert_true (lectern_text_is_stored (text, -1));
  g_assert_cmpstr (text, ==, g_bytes_get_data (expected_text, NULL));

  structure = structure_to_tsv (lectern_extract_get_structure (extract));
  g_assert_cmpstr (structure, ==, g_bytes_get_data (expected_structure, NULL));
}

/* Legacy encodings go through the text decoder; binary is refused; a
 * file of markup only has no text. */
static void
test_decoding (void)
{
  static const char latin1_text[] = "# Caf\xe9 cr\xe8me\n\nUn caf\xe9 tr\xe8s chaud, s'il vous pla\xee" "t, "
                                    "avec une cr\xe8me br\xfbl\xe9" "e.\n";
  g_autoptr(GBytes) latin1 = g_bytes_new_static (latin1_text, sizeof latin1_text - 1);
  g_autoptr(GBytes) binary = g_bytes_new_static ("# A\n\0\0\0\x01\x02", 9);
  g_autoptr(GPtrArray) extracts = NULL;
  g_autoptr(GError) error = NULL;
  LecternExtract *extract;

  extracts = lectern_markdown_reader_read (latin1, "cafe.md", NULL, &error);
  g_assert_no_error (error);
  extract = g_ptr_array_index (extracts, 0);
  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "Café crème");
  g_assert_true (g_str_has_prefix (lectern_extract_get_text (extract), "Café crème\n\nUn café très chaud"));

  g_assert_null (lectern_markdown_reader_read (binary, "binary.md", NULL, &error));
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "binary.md"));
}

/* Nesting as deep as a hostile file likes: no recursion, no crash. */
static void
test_deep_nesting (void)
{
  GString *deep = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) extracts = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (deep, "> ");
  g_string_append (deep, "deep\n\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "- ");
  g_string_append (deep, "item\n");
  bytes = g_string_free_to_bytes (deep);

  extracts = lectern_markdown_reader_read (bytes, "deep.md", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (lectern_extract_get_text (g_ptr_array_index (extracts, 0)), "deep"));
}

static void
test_format_detection (void)
{
  static const guint8 pdf[] = "%PDF-1.7\n";
  static const guint8 html[] = "\xef\xbb\xbf<!-- saved -->\n<!DOCTYPE html>\n<html>";
  static const guint8 mbox[] = "From alice@example.org Mon Jan  1 00:00:00 2024\nFrom: Alice <alice@example.org>\n";
  static const guint8 article[] = "From our correspondent in Paris\nThe talks went on.\n";
  static const guint8 dateline[] = "From our correspondent in Paris\nParis: the talks went on.\n";
  static const guint8 eml[] = "Received: by mx\r\nFrom: Alice <a@example.org>\r\nSubject: Budget\r\n\r\nBody\r\n";
  static const guint8 note[] = "Title: my note\nDate: today\n\nThis is not a mail.\n";
  static const guint8 odt[] = "PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\x27\0\0\0\x27\0\0\0\x08\0\0\0mimetypeapplication/vnd.oasis.opendocument.text";
  const LecternFormat *format;

  g_assert_true (lectern_format_sniff_pdf (pdf, sizeof pdf - 1));
  g_assert_true (lectern_format_sniff_html (html, sizeof html - 1));
  g_assert_false (lectern_format_sniff_html ((const guint8 *) "<p>hello", 8));
  g_assert_true (lectern_format_sniff_mbox (mbox, sizeof mbox - 1));
  g_assert_false (lectern_format_sniff_mbox (article, sizeof article - 1));
  g_assert_false (lectern_format_sniff_mbox (dateline, sizeof dateline - 1));
  g_assert_true (lectern_format_sniff_eml (eml, sizeof eml - 1));
  g_assert_false (lectern_format_sniff_eml (note, sizeof note - 1));
  g_assert_false (lectern_format_sniff_eml (article, sizeof article - 1));
  g_assert_true (lectern_format_sniff_odt (odt, sizeof odt - 1));
  g_assert_false (lectern_format_sniff_epub (odt, sizeof odt - 1));
  g_assert_false (lectern_format_sniff_docx (odt, sizeof odt - 1));
  g_assert_true (lectern_format_sniff_vtt ((const guint8 *) "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", 36));
  g_assert_true (lectern_format_sniff_vtt ((const guint8 *) "\xef\xbb\xbfWEBVTT - a title\n", 25));
  g_assert_false (lectern_format_sniff_vtt ((const guint8 *) "WEBVTTX\n", 8));
  g_assert_true (lectern_format_sniff_srt ((const guint8 *) "1\r\n00:00:01,000 --> 00:00:04,000\r\nHello\r\n", 44));
  g_assert_false (lectern_format_sniff_srt ((const guint8 *) "1\nThe first point of the agenda.\n", 33));
  g_assert_false (lectern_format_sniff_srt ((const guint8 *) "1999 was a year.\n", 17));
  format = lectern_format_detect ((const guint8 *) "1\n00:00:01,000 --> 00:00:04,000\nHi\n", 36, "talk.txt");
  g_assert_cmpstr (format->name, ==, "srt");

  /* By name when the content says nothing; plain text otherwise. */
  format = lectern_format_detect ((const guint8 *) "# Title\n", 8, "notes.MD");
  g_assert_cmpstr (format->name, ==, "markdown");
  format = lectern_format_detect ((const guint8 *) "# Title\n", 8, "notes.txt");
  g_assert_cmpstr (format->name, ==, "text");
  format = lectern_format_detect ((const guint8 *) "# Title\n", 8, NULL);
  g_assert_cmpstr (format->name, ==, "text");
  g_assert_nonnull (lectern_format_lookup ("markdown"));
  g_assert_null (lectern_format_lookup ("nonsense"));
  g_assert_cmpuint (lectern_format_get_max_size (), >=, LECTERN_TEXT_DECODER_MAX_SIZE);
}

/* Through the importer: a .md file becomes a document with its
 * structure, its original byte for byte, and "markdown" as format. */
static void
test_import (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "import", NULL);
  g_autofree char *project_path = g_build_filename (dir, "p.lectern", NULL);
  g_autofree char *md_path = g_build_filename (dir, "notes.md", NULL);
  g_autofree char *txt_path = g_build_filename (dir, "plain.txt", NULL);
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(GBytes) markdown = fixture ("notes.md");
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) md_file = g_file_new_for_path (md_path);
  g_autoptr(GFile) txt_file = g_file_new_for_path (txt_path);
  GFile *files[2] = { md_file, txt_file };

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_assert_true (g_file_set_contents (md_path, g_bytes_get_data (markdown, NULL), g_bytes_get_size (markdown), NULL));
  g_assert_true (g_file_set_contents (txt_path, "A plain note\n\nwith a trailing newline\n", -1, NULL));

  project = lectern_project_create (project_file, &error);
  g_assert_no_error (error);
  results = lectern_importer_import_files (project, files, 2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);

  {
    g_autoptr(LecternImportResult) result = g_list_model_get_item (results, 0);
    gint64 id = lectern_import_result_get_document_id (result);
    g_autoptr(LecternDocument) document = lectern_project_dup_document (project, id, &error);
    g_autoptr(GArray) structure = lectern_project_dup_document_structure (project, id, &error);
    g_autoptr(GBytes) original = NULL;
    g_autoptr(GBytes) expected_structure = fixture ("notes.structure");
    g_autofree char *format = NULL;
    g_autofree char *tsv = NULL;

    g_assert_true (lectern_import_result_get_succeeded (result));
    g_assert_cmpuint (lectern_import_result_get_warnings (result)->len, ==, 0);
    g_assert_cmpstr (lectern_document_get_title (document), ==, "Minutes of the harbour council");
    g_assert_cmpstr (lectern_document_get_format (document), ==, "markdown");
    g_assert_cmpint (lectern_document_get_original_size (document), ==, g_bytes_get_size (markdown));
    tsv = structure_to_tsv (structure);
    g_assert_cmpstr (tsv, ==, g_bytes_get_data (expected_structure, NULL));
    original = lectern_project_dup_document_original (project, id, &format, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (original, markdown));
    g_assert_cmpstr (format, ==, "markdown");
  }
  {
    g_autoptr(LecternImportResult) result = g_list_model_get_item (results, 1);
    gint64 id = lectern_import_result_get_document_id (result);
    g_autoptr(LecternDocument) document = lectern_project_dup_document (project, id, &error);
    g_autofree char *text = lectern_project_dup_text (project, id, &error);

    /* Plain text is stored exactly as before, now with its original. */
    g_assert_cmpstr (text, ==, "A plain note\n\nwith a trailing newline\n");
    g_assert_cmpstr (lectern_document_get_format (document), ==, "text");
    g_assert_cmpint (lectern_document_get_original_size (document), ==, strlen (text));
  }

  {
    g_autoptr(GPtrArray) problems = NULL;

    g_assert_true (lectern_project_check (project, &problems, &error));
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/MarkdownReader/fixture", test_fixture);
  g_test_add_func ("/Lectern/MarkdownReader/decoding", test_decoding);
  g_test_add_func ("/Lectern/MarkdownReader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/Lectern/MarkdownReader/format-detection", test_format_detection);
  g_test_add_func ("/Lectern/MarkdownReader/import", test_import);

  return g_test_run ();
}
