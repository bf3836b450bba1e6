/* test-docx-reader.c — a Word document as Lectern stores it: text,
 * structure, notes from comments, metadata; and the files it refuses.
 *
 * The fixture was made by LibreOffice from a hand-written flat ODT
 * (tests/fixtures/office/README.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-import.h"
#include "lectern-zip-archive-private.h"
#include "office-test-expected.h"
#include "office-test-util.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static GPtrArray *
read_docx (GBytes  *bytes,
           GError **error)
{
  return lectern_docx_reader_read (bytes, "sample.docx", NULL, error);
}

static void
test_sample (void)
{
  g_autoptr(GBytes) bytes = office_test_fixture ("office", "sample.docx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_docx (bytes, &error);
  g_autofree char *structure = NULL;
  g_autofree char *notes = NULL;
  LecternExtract *extract;

  g_assert_no_error (error);
  g_assert_cmpuint (extracts->len, ==, 1);
  extract = g_ptr_array_index (extracts, 0);

  g_assert_cmpstr (lectern_extract_get_format (extract), ==, "docx");
  g_assert_cmpstr (lectern_extract_get_text (extract), ==, OFFICE_SAMPLE_TEXT);
  structure = office_test_dump_structure (extract);
  g_assert_cmpstr (structure, ==, OFFICE_SAMPLE_STRUCTURE);
  /* The comment covers its passage, not the spaces around it. */
  notes = office_test_dump_notes (extract);
  g_assert_cmpstr (notes, ==, "83 99 [quiet for a year] Ben Roy|2024-03-03T12:00:00Z|Check this date.\n");

  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "The Treaty Notes");
  g_assert_cmpstr (lectern_extract_get_author (extract), ==, "Ana Lima");
  /* Created, not last modified (2024-03-05). */
  g_assert_cmpstr (lectern_extract_get_date (extract), ==, "2024-03-01T10:30:00Z");
  g_assert_cmpstr (lectern_extract_get_language (extract), ==, "en-GB");
}

/* Another producer: pandoc's title block, nested list, table and block
 * quote, and its footnote. */
static void
test_pandoc (void)
{
  g_autoptr(GBytes) bytes = office_test_fixture ("office", "pandoc.docx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_docx (bytes, &error);
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
                   "quote 116 129 \n"
                   "footnote 131 151 1\n");
  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "Pandoc Title");
  g_assert_cmpstr (lectern_extract_get_author (extract), ==, "Zoé Writer");
  g_assert_cmpstr (lectern_extract_get_language (extract), ==, "fr-FR");
}

/* Headings from styles (an outline level inherited through basedOn, a
 * localised style id with the English built-in name), a paragraph's own
 * outline level, numbered paragraphs, endnotes in Word's default roman
 * marks, a comment on a point, a deleted paragraph's text, field codes. */
static void
test_styles_and_notes (void)
{
  const char *styles =
    "<w:styles " W_NS ">"
    "<w:style w:type=\"paragraph\" w:styleId=\"berschrift2\"><w:name w:val=\"heading 2\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Chapter\"><w:name w:val=\"Chapter\"/>"
    "<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"MyChapter\"><w:name w:val=\"My chapter\"/>"
    "<w:basedOn w:val=\"Chapter\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Loop\"><w:basedOn w:val=\"Loop\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Zitat\"><w:name w:val=\"Quote\"/></w:style>"
    "</w:styles>";
  const char *document =
    "<w:document " W_NS "><w:body>"
    "<w:p><w:pPr><w:pStyle w:val=\"MyChapter\"/></w:pPr><w:r><w:t>One</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"berschrift2\"/></w:pPr><w:r><w:t>Two</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"Loop\"/><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>Three</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"Zitat\"/></w:pPr><w:r><w:t>Said.</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>"
    "<w:r><w:t>Item</w:t></w:r><w:r><w:endnoteReference w:id=\"5\"/></w:r></w:p>"
    "<w:del w:id=\"9\"><w:p><w:r><w:delText>Gone</w:delText></w:r></w:p></w:del>"
    "<w:p><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>4</w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    "<w:r><w:commentReference w:id=\"1\"/></w:r>"
    "<w:r><w:endnoteReference w:id=\"6\"/></w:r></w:p>"
    "</w:body></w:document>";
  const char *endnotes =
    "<w:endnotes " W_NS ">"
    "<w:endnote w:type=\"separator\" w:id=\"0\"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>"
    "<w:endnote w:id=\"5\"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:tab/><w:t>First  end.</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>More.</w:t></w:r></w:p></w:endnote>"
    "<w:endnote w:id=\"6\"><w:p><w:r><w:t>Second.</w:t></w:r></w:p></w:endnote>"
    "</w:endnotes>";
  const char *comments =
    "<w:comments " W_NS "><w:comment w:id=\"1\" w:author=\"Ana\">"
    "<w:p><w:r><w:t>A point.</w:t></w:r></w:p><w:p><w:r><w:t>Two lines.</w:t></w:r></w:p>"
    "</w:comment></w:comments>";
  g_autoptr(GBytes) bytes = office_test_zip (NULL, 0,
                                             "word/document.xml", document,
                                             "word/styles.xml", styles,
                                             "word/endnotes.xml", endnotes,
                                             "word/comments.xml", comments,
                                             NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_docx (bytes, &error);
  g_autofree char *structure = NULL;
  g_autofree char *notes = NULL;
  LecternExtract *extract;

  g_assert_no_error (error);
  extract = g_ptr_array_index (extracts, 0);
  g_assert_cmpstr (lectern_extract_get_text (extract), ==,
                   "One\n\nTwo\n\nThree\n\nSaid.\n\nItemi\n\nPage 4ii\n\nFirst end.\nMore.\n\nSecond.");
  structure = office_test_dump_structure (extract);
  g_assert_cmpstr (structure, ==,
                   "heading 0 3 1\n"
                   "heading 5 8 2\n"
                   "heading 10 15 3\n"
                   "quote 17 22 \n"
                   "list-item 24 29 \n"
                   "paragraph 31 39 \n"
                   "footnote 41 57 i\n"
                   "footnote 59 66 ii\n");
  notes = office_test_dump_notes (extract);
  g_assert_cmpstr (notes, ==, "37 37 [] Ana||A point.\nTwo lines.\n");
  g_assert_null (lectern_extract_get_title (extract));
}

/* Entities are neither expanded nor loaded: no file's content, no
 * billion laughs. */
static void
test_entities (void)
{
  const char *document =
    "<?xml version=\"1.0\"?>"
    "<!DOCTYPE w:document [<!ENTITY secret SYSTEM \"file:///etc/passwd\">"
    "<!ENTITY a \"AAAAAAAAAA\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
    "<w:document " W_NS "><w:body>"
    "<w:p><w:r><w:t>Before &secret;&b; after</w:t></w:r></w:p>"
    "</w:body></w:document>";
  g_autoptr(GBytes) bytes = office_test_zip (NULL, 0, "word/document.xml", document, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_docx (bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (lectern_extract_get_text (g_ptr_array_index (extracts, 0)), ==, "Before  after");
}

static void
assert_refused (GBytes     *bytes,
                int         code,
                const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_docx (bytes, &error);

  g_assert_null (extracts);
  g_assert_error (error, LECTERN_IMPORT_ERROR, code);
  /* The message names the file and says why. */
  g_assert_nonnull (strstr (error->message, "sample.docx"));
  g_assert_nonnull (strstr (error->message, reason));
}

static void
test_refusals (void)
{
  static const guint8 ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0 };
  g_autoptr(GBytes) text = g_bytes_new_static ("Just some text.", 15);
  g_autoptr(GBytes) no_document = office_test_zip (NULL, 0, "word/styles.xml", "<w:styles/>", NULL);
  g_autoptr(GBytes) broken = office_test_zip (NULL, 0, "word/document.xml",
                                              "<w:document " W_NS "><w:body><w:p>", NULL);
  g_autoptr(GBytes) bomb = office_test_zip ("word/document.xml", 12 * 1024 * 1024,
                                            "word/document.xml", "", NULL);
  g_autoptr(GByteArray) encrypted = g_byte_array_new ();
  g_autoptr(GBytes) encrypted_bytes = NULL;
  g_autoptr(GBytes) old_word = g_bytes_new_static (ole, sizeof ole);
  g_autoptr(GBytes) sample = office_test_fixture ("office", "sample.docx");
  const char *package = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";

  assert_refused (text, LECTERN_IMPORT_ERROR_INVALID, "not a ZIP archive");
  assert_refused (no_document, LECTERN_IMPORT_ERROR_INVALID, "word/document.xml");
  assert_refused (broken, LECTERN_IMPORT_ERROR_DAMAGED, "not well-formed");

  /* An encrypted OOXML file: an OLE compound file holding the package. */
  g_byte_array_append (encrypted, ole, sizeof ole);
  g_byte_array_append (encrypted, (const guint8 *) package, 32);
  encrypted_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&encrypted));
  assert_refused (encrypted_bytes, LECTERN_IMPORT_ERROR_ENCRYPTED, "password");
  /* Any other OLE file is an old Word document, not a password. */
  assert_refused (old_word, LECTERN_IMPORT_ERROR_INVALID, ".doc");

  /* 12 MiB of one letter packed in a few KiB: refused by ratio. */
  g_assert_cmpuint (g_bytes_get_size (bomb), <, 100 * 1024);
  assert_refused (bomb, LECTERN_IMPORT_ERROR_TOO_LARGE, "unpacks to more");

  /* An entry past the bound, and too many entries. */
  _lectern_zip_archive_set_limits (0, 1000, 0);
  assert_refused (sample, LECTERN_IMPORT_ERROR_TOO_LARGE, "unpacks to more");
  _lectern_zip_archive_set_limits (3, 0, 0);
  assert_refused (sample, LECTERN_IMPORT_ERROR_TOO_LARGE, "more than 3 files");
  _lectern_zip_archive_set_limits (0, 0, 0);
}

static void
test_unsafe_path (void)
{
  g_autoptr(GBytes) bytes = office_test_zip (NULL, 0, "word/document.xml", "<w:document/>",
                                             "../../evil.xml", "x", NULL);

  assert_refused (bytes, LECTERN_IMPORT_ERROR_UNSAFE, "../../evil.xml");
}

static void
test_cancelled (void)
{
  g_autoptr(GBytes) bytes = office_test_fixture ("office", "sample.docx");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = NULL;

  g_cancellable_cancel (cancellable);
  extracts = lectern_docx_reader_read (bytes, "sample.docx", cancellable, &error);
  g_assert_null (extracts);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docx-reader/sample", test_sample);
  g_test_add_func ("/docx-reader/pandoc", test_pandoc);
  g_test_add_func ("/docx-reader/styles-and-notes", test_styles_and_notes);
  g_test_add_func ("/docx-reader/entities", test_entities);
  g_test_add_func ("/docx-reader/refusals", test_refusals);
  g_test_add_func ("/docx-reader/unsafe-path", test_unsafe_path);
  g_test_add_func ("/docx-reader/cancelled", test_cancelled);

  return g_test_run ();
}
