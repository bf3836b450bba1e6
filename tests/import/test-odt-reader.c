/* test-odt-reader.c — an OpenDocument text as Lectern stores it: text,
 * structure, notes from annotations, metadata; and the files it refuses.
 *
 * The fixture was made by LibreOffice from a hand-written flat ODT
 * (tests/fixtures/office/README.md); it gives the same text as the DOCX
 * LibreOffice made from the same source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-import.h"
#include "office-test-expected.h"
#include "office-test-util.h"

#define NS "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
           "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
           "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
           "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" " \
           "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" " \
           "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" " \
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
#define MIMETYPE "application/vnd.oasis.opendocument.text"

static GPtrArray *
read_odt (GBytes  *bytes,
          GError **error)
{
  return lectern_odt_reader_read (bytes, "sample.odt", NULL, error);
}

static void
test_sample (void)
{
  g_autoptr(GBytes) bytes = office_test_fixture ("office", "sample.odt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_odt (bytes, &error);
  g_autofree char *structure = NULL;
  g_autofree char *notes = NULL;
  LecternExtract *extract;

  g_assert_no_error (error);
  g_assert_cmpuint (extracts->len, ==, 1);
  extract = g_ptr_array_index (extracts, 0);

  g_assert_cmpstr (lectern_extract_get_format (extract), ==, "odt");
  g_assert_cmpstr (lectern_extract_get_text (extract), ==, OFFICE_SAMPLE_TEXT);
  structure = office_test_dump_structure (extract);
  g_assert_cmpstr (structure, ==, OFFICE_SAMPLE_STRUCTURE);
  notes = office_test_dump_notes (extract);
  g_assert_cmpstr (notes, ==, "83 99 [quiet for a year] Ben Roy|2024-03-03T12:00:00|Check this date.\n");

  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "The Treaty Notes");
  g_assert_cmpstr (lectern_extract_get_author (extract), ==, "Ana Lima");
  g_assert_cmpstr (lectern_extract_get_date (extract), ==, "2024-03-01T10:30:00");
  g_assert_cmpstr (lectern_extract_get_language (extract), ==, "en-GB");
}

/* Nested lists flattened, an item of two paragraphs, text marked as a
 * deletion, an endnote with a label, a comment on a point, an image's
 * title and data dropped, a frame's text inline; meta.xml without
 * initial creator or creation date. */
static void
test_structure (void)
{
  const char *content =
    "<office:document-content " NS "><office:body><office:text>"
    "<text:tracked-changes><text:changed-region text:id=\"d1\"><text:deletion>"
    "<text:p>Old text</text:p></text:deletion></text:changed-region></text:tracked-changes>"
    "<text:list><text:list-item><text:p>One</text:p>"
    "<text:list><text:list-item><text:p>One.a</text:p></text:list-item></text:list>"
    "</text:list-item>"
    "<text:list-item><text:p>Two</text:p><text:p>Two again</text:p></text:list-item></text:list>"
    "<text:h>Untitled level</text:h>"
    "<text:h text:outline-level=\"8\">Deep</text:h>"
    "<text:p>Kept<text:change-start text:change-id=\"d1\"/> dropped<text:change-end text:change-id=\"d1\"/>"
    " end<text:note text:note-class=\"endnote\"><text:note-citation text:label=\"*\">i</text:note-citation>"
    "<text:note-body><text:p>The   endnote.</text:p></text:note-body></text:note>"
    "<office:annotation><dc:creator>Eve</dc:creator><text:p>Here.</text:p></office:annotation>"
    ".</text:p>"
    "<text:p>Image<draw:frame><draw:image><office:binary-data>iVBORw0KGgo=</office:binary-data>"
    "</draw:image><svg:title>A photo</svg:title></draw:frame> and "
    "<draw:frame><draw:text-box><text:p>boxed</text:p></draw:text-box></draw:frame> text.</text:p>"
    "</office:text></office:body></office:document-content>";
  const char *meta =
    "<office:document-meta " NS "><office:meta><dc:creator>Bob</dc:creator>"
    "<dc:date>2023-01-02T03:04:05</dc:date></office:meta></office:document-meta>";
  g_autoptr(GBytes) bytes = office_test_zip (NULL, 0, "mimetype", MIMETYPE,
                                             "content.xml", content, "meta.xml", meta, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_odt (bytes, &error);
  g_autofree char *structure = NULL;
  g_autofree char *notes = NULL;
  LecternExtract *extract;

  g_assert_no_error (error);
  extract = g_ptr_array_index (extracts, 0);
  g_assert_cmpstr (lectern_extract_get_text (extract), ==,
                   "One\nOne.a\nTwo\nTwo again\n\nUntitled level\n\nDeep\n\nKept end*.\n\n"
                   "Image and boxed text.\n\nThe endnote.");
  structure = office_test_dump_structure (extract);
  g_assert_cmpstr (structure, ==,
                   "list-item 0 3 \n"
                   "list-item 4 9 \n"
                   "list-item 10 23 \n"
                   "heading 25 39 1\n"
                   "heading 41 45 6\n"
                   "paragraph 47 57 \n"
                   "paragraph 59 80 \n"
                   "footnote 82 94 *\n");
  notes = office_test_dump_notes (extract);
  g_assert_cmpstr (notes, ==, "56 56 [] Eve||Here.\n");
  g_assert_cmpstr (lectern_extract_get_author (extract), ==, "Bob");
  g_assert_cmpstr (lectern_extract_get_date (extract), ==, "2023-01-02T03:04:05");
}

/* Another producer: pandoc's title block, nested list, table and block
 * quote, and its footnote. */
static void
test_pandoc (void)
{
  g_autoptr(GBytes) bytes = office_test_fixture ("office", "pandoc.odt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_odt (bytes, &error);
  g_autofree char *structure = NULL;
  LecternExtract *extract;

  g_assert_no_error (error);
  extract = g_ptr_array_index (extracts, 0);
  g_assert_cmpstr (lectern_extract_get_text (extract), ==,
                   "Pandoc Title\n\nZoé Writer\n\n2024-02-02\n\nChapitre un\n\n"
                   "Un paragraphe avec une note.1\n\npremier\nsecond\nimbriqué\n\n"
                   "A\tB\n1\t2\n\nUne citation.\n\nLe texte de la note.");
  structure = office_test_dump_structure (extract);
  g_assert_cmpstr (structure, ==,
                   "heading 0 12 1\n"
                   "paragraph 14 24 \n"
                   "paragraph 26 36 \n"
                   "heading 38 49 1\n"
                   "paragraph 51 80 \n"
                   "list-item 82 89 \n"
                   "list-item 90 96 \n"
                   "list-item 97 105 \n"
                   "table-row 107 110 \n"
                   "table-row 111 114 \n"
                   "paragraph 116 129 \n"
                   "footnote 131 151 1\n");
  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "Pandoc Title");
  g_assert_cmpstr (lectern_extract_get_author (extract), ==, "Zoé Writer");
  g_assert_cmpstr (lectern_extract_get_language (extract), ==, "fr-FR");
}

/* A note without a citation still leaves a mark where it stood. */
static void
test_note_without_citation (void)
{
  const char *content =
    "<office:document-content " NS "><office:body><office:text>"
    "<text:p>Noted<text:note><text:note-body><text:p>Unmarked.</text:p></text:note-body></text:note>.</text:p>"
    "</office:text></office:body></office:document-content>";
  g_autoptr(GBytes) bytes = office_test_zip (NULL, 0, "content.xml", content, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_odt (bytes, &error);
  g_autofree char *structure = NULL;
  LecternExtract *extract;

  g_assert_no_error (error);
  extract = g_ptr_array_index (extracts, 0);
  g_assert_cmpstr (lectern_extract_get_text (extract), ==, "Noted*.\n\nUnmarked.");
  structure = office_test_dump_structure (extract);
  g_assert_cmpstr (structure, ==, "paragraph 0 7 \nfootnote 9 18 *\n");
}

static void
assert_refused (GBytes     *bytes,
                int         code,
                const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_odt (bytes, &error);

  g_assert_null (extracts);
  g_assert_error (error, LECTERN_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, "sample.odt"));
  g_assert_nonnull (strstr (error->message, reason));
}

static void
test_refusals (void)
{
  /* What LibreOffice writes for a document saved with a password: the
   * manifest describes how each part is encrypted. */
  const char *manifest =
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
    "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" MIMETYPE "\"/>"
    "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\" "
    "manifest:size=\"3021\"><manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" "
    "manifest:checksum=\"x\"><manifest:algorithm manifest:algorithm-name=\"Blowfish CFB\" "
    "manifest:initialisation-vector=\"x\"/></manifest:encryption-data></manifest:file-entry>"
    "</manifest:manifest>";
  g_autoptr(GBytes) text = g_bytes_new_static ("<office:document-content/>", 26);
  g_autoptr(GBytes) encrypted = office_test_zip (NULL, 0, "mimetype", MIMETYPE,
                                                 "content.xml", "\x93\x11\xfe binary",
                                                 "META-INF/manifest.xml", manifest, NULL);
  g_autoptr(GBytes) spreadsheet = office_test_zip (NULL, 0, "mimetype",
                                                   "application/vnd.oasis.opendocument.spreadsheet",
                                                   "content.xml", "<x/>", NULL);
  g_autoptr(GBytes) no_content = office_test_zip (NULL, 0, "mimetype", MIMETYPE, "meta.xml", "<x/>", NULL);
  g_autoptr(GBytes) broken = office_test_zip (NULL, 0, "content.xml",
                                              "<office:document-content " NS "><office:body>", NULL);

  assert_refused (text, LECTERN_IMPORT_ERROR_INVALID, "not a ZIP archive");
  assert_refused (encrypted, LECTERN_IMPORT_ERROR_ENCRYPTED, "password");
  assert_refused (spreadsheet, LECTERN_IMPORT_ERROR_INVALID, "spreadsheet");
  assert_refused (no_content, LECTERN_IMPORT_ERROR_INVALID, "content.xml");
  assert_refused (broken, LECTERN_IMPORT_ERROR_DAMAGED, "not well-formed");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/odt-reader/sample", test_sample);
  g_test_add_func ("/odt-reader/pandoc", test_pandoc);
  g_test_add_func ("/odt-reader/structure", test_structure);
  g_test_add_func ("/odt-reader/note-without-citation", test_note_without_citation);
  g_test_add_func ("/odt-reader/refusals", test_refusals);

  return g_test_run ();
}
