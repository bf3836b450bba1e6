/* test-pdf-reader.c — PDF import: the text a researcher can quote, and
 * the layout algorithm that makes it, on lines made up by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "lectern-import.h"
#include "lectern-pdf-layout.h"
#include "lectern-pdf-reader-private.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static GBytes *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "pdf", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static char *
fixture_text (const char *name)
{
  g_autoptr(GBytes) bytes = fixture (name);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* "START END KIND VALUE" lines. */
static char *
dump_structure (LecternExtract *extract)
{
  GArray *structure = lectern_extract_get_structure (extract);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < structure->len; i++)
    {
      LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      g_string_append_printf (out, "%u %u %s %s\n", span->start, span->end,
                              lectern_structure_kind_to_string (span->kind),
                              span->value ? span->value : "");
    }
  return g_string_free (out, FALSE);
}

static LecternExtract *
read_one (const char *name,
          GError    **error)
{
  g_autoptr(GBytes) bytes = fixture (name);
  g_autoptr(GPtrArray) extracts = lectern_pdf_reader_read (bytes, name, NULL, error);

  if (extracts == NULL)
    return NULL;
  g_assert_cmpuint (extracts->len, ==, 1);
  return g_object_ref (g_ptr_array_index (extracts, 0));
}

/* ------------------------------------------------------------------ */
/* The reader on LibreOffice's PDFs                                    */

static void
test_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExtract) extract = read_one ("report.pdf", &error);
  g_autofree char *expected_text = fixture_text ("report.txt");
  g_autofree char *expected_structure = fixture_text ("report.structure");
  g_autofree char *structure = NULL;
  const char *text;

  g_assert_no_error (error);
  text = lectern_extract_get_text (extract);
  g_assert_cmpstr (text, ==, expected_text);
  structure = dump_structure (extract);
  g_assert_cmpstr (structure, ==, expected_structure);

  g_assert_cmpstr (lectern_extract_get_format (extract), ==, "pdf");
  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "Talks in Vienna, 1903");
  g_assert_cmpstr (lectern_extract_get_author (extract), ==, "Clara Wendt");
  /* LibreOffice writes the time of the export as the creation date. */
  g_assert_cmpstr (lectern_extract_get_date (extract), ==, "2026-12-03");
  g_assert_cmpuint (lectern_extract_get_warnings (extract)->len, ==, 0);
  g_assert_null (g_hash_table_lookup (lectern_extract_get_variables (extract), "ocr"));

  /* What the expected text promises, said plainly: nothing of the page
   * furniture, the hyphens mended or kept as they should be, the two
   * columns one after the other. */
  g_assert_null (strstr (text, "Journal of Diplomatic History"));
  g_assert_null (strstr (text, "\n211"));
  g_assert_nonnull (strstr (text, "Even so the negotiations moved forward"));
  g_assert_nonnull (strstr (text, "The Franco-Russian understanding"));
  g_assert_nonnull (strstr (text, "the concessions were few.\n\nWhat they said was cautious"));
  g_assert_nonnull (strstr (text, "it is there, rather than in the papers"));
}

static void
test_encrypted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExtract) extract = read_one ("encrypted.pdf", &error);

  g_assert_null (extract);
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_ENCRYPTED);
  g_assert_nonnull (strstr (error->message, "“encrypted.pdf”"));
  g_assert_nonnull (strstr (error->message, "password"));
}

static void
test_damaged (void)
{
  g_autoptr(GBytes) report = fixture ("report.pdf");
  const char *garbage = "%PDF-1.7\nthis is not a PDF at all\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (garbage, strlen (garbage));
  g_autoptr(GError) error = NULL;
  GPtrArray *extracts;

  extracts = lectern_pdf_reader_read (bytes, "broken.pdf", NULL, &error);
  g_assert_null (extracts);
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "“broken.pdf”"));
  g_clear_error (&error);

  /* Cut in half, a PDF is an error or some text: never a crash. */
  for (gsize cut = 64; cut < g_bytes_get_size (report); cut += g_bytes_get_size (report) / 7)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (report, 0, cut);
      g_autoptr(GPtrArray) some = lectern_pdf_reader_read (part, "cut.pdf", NULL, &error);

      g_assert_true ((some == NULL) != (error == NULL));
      if (error != NULL)
        g_assert_true (error->domain == LECTERN_IMPORT_ERROR);
      g_clear_error (&error);
    }
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExtract) extract = NULL;

  _lectern_pdf_reader_set_limits (2, 0);
  extract = read_one ("report.pdf", &error);
  _lectern_pdf_reader_set_limits (0, 0);
  g_assert_null (extract);
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "“report.pdf” has 3 pages, more than the 2 Lectern imports from one PDF");
  g_clear_error (&error);

  _lectern_pdf_reader_set_limits (0, 2000);
  extract = read_one ("report.pdf", &error);
  _lectern_pdf_reader_set_limits (0, 0);
  g_assert_null (extract);
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“report.pdf” holds more text"));
}

static void
test_cancelled (void)
{
  g_autoptr(GBytes) bytes = fixture ("report.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *extracts;

  g_cancellable_cancel (cancellable);
  extracts = lectern_pdf_reader_read (bytes, "report.pdf", cancellable, &error);
  g_assert_null (extracts);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_no_text_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExtract) extract = NULL;

  _lectern_pdf_reader_set_ocr_enabled (FALSE);
  extract = read_one ("scanned.pdf", &error);
  _lectern_pdf_reader_set_ocr_enabled (TRUE);

  g_assert_null (extract);
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_NO_TEXT);
  g_assert_nonnull (strstr (error->message, "“scanned.pdf”"));
  g_assert_nonnull (strstr (error->message, "page 1 has no text layer"));
  g_assert_nonnull (strstr (error->message, "Tesseract"));
}

/* Tesseract's English data where Debian (tesseract-ocr-eng) or
 * TESSDATA_PREFIX puts it. */
static gboolean
have_tesseract_data (void)
{
  const char *prefix = g_getenv ("TESSDATA_PREFIX");
  static const char * const dirs[] = {
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
  };

  if (prefix != NULL)
    {
      g_autofree char *path = g_build_filename (prefix, "eng.traineddata", NULL);

      return g_file_test (path, G_FILE_TEST_EXISTS);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "eng.traineddata", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

static void
test_ocr (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExtract) extract = NULL;
  GPtrArray *warnings;
  const char *text;

#ifndef HAVE_TESSERACT
  g_test_skip ("Lectern was built without Tesseract (meson -Docr=disabled or no libtesseract-dev)");
  return;
#endif
  if (!have_tesseract_data ())
    {
      g_test_skip ("Tesseract's English language data is not installed (tesseract-ocr-eng)");
      return;
    }

  extract = read_one ("scanned.pdf", &error);
  g_assert_no_error (error);
  text = lectern_extract_get_text (extract);
  g_assert_nonnull (strstr (text, "The ministers met in Vienna on Monday."));
  g_assert_nonnull (strstr (text, "Nobody expected an agreement before Easter."));
  g_assert_nonnull (strstr (text, "The treaty was signed on the last day of April."));
  g_assert_cmpstr (g_hash_table_lookup (lectern_extract_get_variables (extract), "ocr"), ==, "tesseract");
  warnings = lectern_extract_get_warnings (extract);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "Page 1 "));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "Tesseract"));
  /* Every page is a page span. */
  {
    g_autofree char *structure = dump_structure (extract);

    g_assert_true (g_str_has_prefix (structure, "0 "));
    g_assert_nonnull (strstr (structure, " page 1\n"));
  }
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A one-page PDF drawn by cairo and Pango (as GTK applications print):
 * @lines are "FONT|TEXT" drawn one under the other. */
static GBytes *
draw_pdf (const char         *title,
          const char * const *lines)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_array, array, 400, 300);
  cairo_t *cr = cairo_create (surface);
  double y = 40;

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "|", 2);
      PangoLayout *layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string (parts[0]);
      int height;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, parts[1], -1);
      cairo_move_to (cr, 20, y);
      pango_cairo_show_layout (cr, layout);
      pango_layout_get_size (layout, NULL, &height);
      y += (double) height / PANGO_SCALE + 10;
      pango_font_description_free (font);
      g_object_unref (layout);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (array);
}

/* Fonts may carry the ligatures "ﬁ" and "ﬃ" as characters of their
 * own (cairo writes them so). */
static void
test_ligatures (void)
{
  static const char * const lines[] = {
    "DejaVu Serif 12|We \uFB01nd the o\uFB03ce on the first floor.", NULL,
  };
  g_autoptr(GBytes) bytes = draw_pdf (NULL, lines);
  g_autoptr(GPtrArray) extracts = NULL;
  g_autoptr(GError) error = NULL;

  extracts = lectern_pdf_reader_read (bytes, "ligatures.pdf", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_extract_get_text (g_ptr_array_index (extracts, 0)), ==,
                   "We find the office on the first floor.");
}

/* A title the producer made up is replaced by the first page's largest
 * line; a real one is kept. */
static void
test_title_guess (void)
{
  static const char * const lines[] = {
    "DejaVu Serif 10|A line above the title, in the text's size.",
    "DejaVu Serif Bold 20|Talks in Vienna",
    "DejaVu Serif Bold 14|The first week",
    "DejaVu Serif 10|The ministers met in Vienna on Monday.",
    "DejaVu Serif 10|Nobody expected an agreement before Easter.",
    NULL,
  };
  static const struct { const char *title, *expected; } cases[] = {
    { "Microsoft Word - talks_final.docx", "Talks in Vienna" },
    { NULL, "Talks in Vienna" },
    { "The Vienna talks of 1903", "The Vienna talks of 1903" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = draw_pdf (cases[i].title, lines);
      g_autoptr(GPtrArray) extracts = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *structure = NULL;

      extracts = lectern_pdf_reader_read (bytes, "talks.pdf", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (lectern_extract_get_title (g_ptr_array_index (extracts, 0)), ==, cases[i].expected);
      structure = dump_structure (g_ptr_array_index (extracts, 0));
      g_assert_nonnull (strstr (structure, " heading 1\n"));
      g_assert_nonnull (strstr (structure, " heading 2\n"));
    }
}

static void
test_junk_titles (void)
{
  static const struct { const char *title; gboolean junk; } cases[] = {
    { "Microsoft Word - report final v2.docx", TRUE },
    { "untitled", TRUE },
    { "Untitled document", TRUE },
    { "   ", TRUE },
    { "report.pdf", TRUE },
    { "report", TRUE },
    { "C:\\Users\\clara\\Desktop\\draft.doc", TRUE },
    { "Talks in Vienna, 1903", FALSE },
    { "Either/Or", FALSE },
    { "Reports of the commission", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (cases[i].junk)
        g_assert_true (_lectern_pdf_reader_is_junk_title (cases[i].title, "report.pdf"));
      else
        g_assert_false (_lectern_pdf_reader_is_junk_title (cases[i].title, "report.pdf"));
    }
}

/* A page of text and a page without: the text imported, the other page
 * named in a warning, recognised where Tesseract can. */
static void
test_mixed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExtract) extract = NULL;
  g_autofree char *structure = NULL;
  GPtrArray *warnings;

  _lectern_pdf_reader_set_ocr_enabled (FALSE);
  extract = read_one ("mixed.pdf", &error);
  _lectern_pdf_reader_set_ocr_enabled (TRUE);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_extract_get_text (extract), ==,
                   "A covering letter, typed, with the scanned minutes after it.");
  structure = dump_structure (extract);
  g_assert_cmpstr (structure, ==, "0 60 page 1\n0 60 paragraph \n");
  warnings = lectern_extract_get_warnings (extract);
  g_assert_cmpuint (warnings->len, ==, 1);
  /* What to do depends on the build: Tesseract's data, or nothing. */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "Page 2 has no text layer and was left out; "));
  g_assert_null (g_hash_table_lookup (lectern_extract_get_variables (extract), "ocr"));
  g_clear_object (&extract);
  g_clear_pointer (&structure, g_free);

#ifndef HAVE_TESSERACT
  g_test_skip ("Lectern was built without Tesseract: the OCR half of this test did not run");
  return;
#endif
  if (!have_tesseract_data ())
    {
      g_test_skip ("Tesseract's English language data is not installed: the OCR half of this test did not run");
      return;
    }
  extract = read_one ("mixed.pdf", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (lectern_extract_get_text (extract),
                                   "A covering letter, typed, with the scanned minutes after it.\n\n"
                                   "The ministers met in Vienna on Monday."));
  structure = dump_structure (extract);
  g_assert_true (g_str_has_prefix (structure, "0 60 page 1\n0 60 paragraph \n62 "));
  g_assert_nonnull (strstr (structure, " page 2\n"));
  warnings = lectern_extract_get_warnings (extract);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "Page 2 has no text layer: its text was recognised by Tesseract"));
  g_assert_cmpstr (g_hash_table_lookup (lectern_extract_get_variables (extract), "ocr"), ==, "tesseract");
}

/* ------------------------------------------------------------------ */
/* The layout algorithm on lines made up by hand                       */

#define BODY 10.0
#define STEP 12.0   /* baseline to baseline */

static void
add (LecternPdfPage *page,
     const char     *text,
     double          x,
     double          y,
     double          width,
     double          size)
{
  g_ptr_array_add (page->lines, lectern_pdf_line_new (text, x, y, x + width, y + size, size));
}

/* The page's blocks as "KIND[:LEVEL|:MARK] text" lines. */
static char *
layout (GPtrArray *pages)
{
  LecternPdfDocumentStyle style;
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  lectern_pdf_layout_remove_furniture (pages);
  lectern_pdf_layout_study (pages, &style);
  for (guint p = 0; p < pages->len; p++)
    {
      lectern_pdf_layout_order (g_ptr_array_index (pages, p), &style);
      g_ptr_array_add (all, lectern_pdf_layout_blocks (g_ptr_array_index (pages, p), &style));
    }
  for (guint p = 0; p + 1 < all->len; p++)
    lectern_pdf_layout_join_pages (g_ptr_array_index (all, p), g_ptr_array_index (all, p + 1), style.words);
  for (guint p = 0; p < all->len; p++)
    {
      GPtrArray *blocks = g_ptr_array_index (all, p);

      g_string_append_printf (out, "[%s]\n", ((LecternPdfPage *) g_ptr_array_index (pages, p))->printed ?: "-");
      for (guint i = 0; i < blocks->len; i++)
        {
          LecternPdfBlock *block = g_ptr_array_index (blocks, i);

          switch (block->kind)
            {
            case LECTERN_PDF_BLOCK_HEADING:
              g_string_append_printf (out, "H%u %s\n", block->level, block->text);
              break;
            case LECTERN_PDF_BLOCK_FOOTNOTE:
              g_string_append_printf (out, "F%s %s\n", block->mark ?: "", block->text);
              break;
            case LECTERN_PDF_BLOCK_LIST_ITEM:
              g_string_append_printf (out, "L %s\n", block->text);
              break;
            case LECTERN_PDF_BLOCK_PARAGRAPH:
            default:
              g_string_append_printf (out, "P %s\n", block->text);
              break;
            }
        }
    }
  lectern_pdf_document_style_clear (&style);
  return g_string_free (out, FALSE);
}

static GPtrArray *
new_pages (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_pdf_page_free);
}

static void
test_join (void)
{
  g_autoptr(GHashTable) words = g_hash_table_new (g_str_hash, g_str_equal);
  static const struct { const char *first, *second, *joined; } cases[] = {
    { "Even so the nego-", "tiations moved", "Even so the negotiations moved" },
    { "The Franco-", "Russian understanding", "The Franco-Russian understanding" },
    { "a soft nego\u00ADti\u00AD", "ations", "a soft nego\u00ADtiations" },
    { "the same", "evening", "the same evening" },
    { "from 1903-", "1904 onwards", "from 1903- 1904 onwards" },
    { "a pause -", "then more", "a pause - then more" },
    { "ends here  ", "  next", "ends here next" },
    { "a well-", "known fact", "a well-known fact" },
    { "a real well-", "being", "a real wellbeing" },
    { "", "alone", "alone" },
  };

  /* The document writes "well-known" inside a line, and never
   * "wellknown": the hyphen stays. */
  g_hash_table_add (words, (gpointer) "well-known");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *joined = lectern_pdf_layout_join (cases[i].first, cases[i].second, words);

      g_assert_cmpstr (joined, ==, cases[i].joined);
    }
}

static void
test_count_words (void)
{
  g_autoptr(GPtrArray) pages = new_pages ();
  LecternPdfPage *page = lectern_pdf_page_new (400, 600);
  g_autoptr(GHashTable) words = NULL;

  g_ptr_array_add (pages, page);
  add (page, "A well-known fact, well-", 50, 100, 300, BODY);
  add (page, "known to all", 50, 112, 100, BODY);
  words = lectern_pdf_layout_count_words (pages);
  g_assert_true (g_hash_table_contains (words, "well-known"));
  g_assert_true (g_hash_table_contains (words, "fact"));
  /* A line's last word may be broken: not a word of the document. */
  g_assert_false (g_hash_table_contains (words, "well"));
  g_assert_false (g_hash_table_contains (words, "all"));
}

/* Three pages with a running header carrying the page number, a footer
 * that is the number alone, and a body. */
static void
test_furniture (void)
{
  g_autoptr(GPtrArray) pages = new_pages ();
  g_autofree char *out = NULL;

  for (guint p = 0; p < 3; p++)
    {
      LecternPdfPage *page = lectern_pdf_page_new (400, 600);
      g_autofree char *header = g_strdup_printf ("Journal of History 12 (2024), %u", 211 + p);
      g_autofree char *footer = g_strdup_printf ("%u", 211 + p);
      g_autofree char *body = g_strdup_printf ("Body of page %u ends here.", p + 1);

      add (page, header, 50, 40, 200, 8);
      add (page, body, 50, 100, 150, BODY);
      add (page, footer, 195, 560, 10, 9);
      g_ptr_array_add (pages, page);
    }
  /* A line at the top of one page only is the text's own. */
  add (g_ptr_array_index (pages, 1), "Chapter 2", 50, 60, 60, BODY);

  out = layout (pages);
  g_assert_cmpstr (out, ==,
                   "[211]\n"
                   "P Body of page 1 ends here.\n"
                   "[212]\n"
                   "P Chapter 2\n"
                   "P Body of page 2 ends here.\n"
                   "[213]\n"
                   "P Body of page 3 ends here.\n");
}

/* A book's running header names its chapter: each text repeats on a
 * few pages only, at the same height, set apart. A line that repeats on
 * too few pages at different heights, or without space below it, is
 * the text's. */
static void
test_chapter_headers (void)
{
  g_autoptr(GPtrArray) pages = new_pages ();
  g_autofree char *out = NULL;
  GString *expected = g_string_new (NULL);

  for (guint p = 0; p < 10; p++)
    {
      LecternPdfPage *page = lectern_pdf_page_new (400, 600);
      g_autofree char *body = g_strdup_printf ("The text of page %u.", p + 1);

      add (page, p < 2 ? "Chapter 1: Origins" : "Chapter 2: The talks", 50, 30, 150, 8);
      if (p == 3 || p == 7)
        add (page, "Note", 50, p == 3 ? 60 : 70, 30, BODY);
      /* The same words at the same height, but in the text's leading. */
      if (p == 5 || p == 6)
        {
          add (page, "Same words at the same height", 50, 78, 150, BODY);
          add (page, body, 50, 90, 150, BODY);
          g_string_append_printf (expected, "[-]\nP Same words at the same height %s\n", body);
        }
      else
        {
          add (page, body, 50, 100, 150, BODY);
          g_string_append_printf (expected, "[-]\n%sP %s\n", p == 3 || p == 7 ? "P Note\n" : "", body);
        }
      g_ptr_array_add (pages, page);
    }
  out = layout (pages);
  g_assert_cmpstr (out, ==, expected->str);
  g_string_free (expected, TRUE);
}

/* A heading at the top of every page repeats, digits aside, like a
 * running header; set larger than the text, it stays. */
static void
test_furniture_not_headings (void)
{
  g_autoptr(GPtrArray) pages = new_pages ();
  g_autofree char *out = NULL;

  for (guint p = 0; p < 3; p++)
    {
      LecternPdfPage *page = lectern_pdf_page_new (400, 600);
      g_autofree char *header = g_strdup_printf ("Running header, %u", p + 1);
      g_autofree char *heading = g_strdup_printf ("Part %u", p + 1);

      add (page, header, 50, 30, 200, 8);
      add (page, heading, 50, 60, 60, 16);
      add (page, "Body text under it, at the body size.", 50, 100, 200, BODY);
      g_ptr_array_add (pages, page);
    }
  out = layout (pages);
  g_assert_cmpstr (out, ==,
                   "[1]\nH1 Part 1\nP Body text under it, at the body size.\n"
                   "[2]\nH1 Part 2\nP Body text under it, at the body size.\n"
                   "[3]\nH1 Part 3\nP Body text under it, at the body size.\n");
}

static void
test_lone_page_numbers (void)
{
  static const struct { const char *footer; const char *printed; } cases[] = {
    { "— 7 —", "7" },
    { "Page 7 of 40", "7" },
    { "- 7 -", "7" },
    { "xiv", "xiv" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) pages = new_pages ();
      LecternPdfPage *page = lectern_pdf_page_new (400, 600);
      g_autofree char *out = NULL;
      g_autofree char *expected = NULL;

      add (page, "The only page of the text.", 50, 100, 150, BODY);
      add (page, cases[i].footer, 180, 560, 40, 9);
      g_ptr_array_add (pages, page);
      out = layout (pages);
      expected = g_strdup_printf ("[%s]\nP The only page of the text.\n", cases[i].printed);
      g_assert_cmpstr (out, ==, expected);
    }

  /* A number in the middle of the page is text. */
  {
    g_autoptr(GPtrArray) pages = new_pages ();
    LecternPdfPage *page = lectern_pdf_page_new (400, 600);
    g_autofree char *out = NULL;

    add (page, "Year", 50, 100, 30, BODY);
    add (page, "1903", 50, 300, 30, BODY);
    g_ptr_array_add (pages, page);
    out = layout (pages);
    g_assert_cmpstr (out, ==, "[-]\nP Year\nP 1903\n");
  }
}

/* A full-width paragraph, two columns side by side (the left one ending
 * in a hyphenated word that the right one finishes), a full-width
 * paragraph below. */
static void
test_columns (void)
{
  g_autoptr(GPtrArray) pages = new_pages ();
  LecternPdfPage *page = lectern_pdf_page_new (400, 600);
  g_autofree char *out = NULL;
  double y = 50;

  /* Left column x 50–190, right column x 210–350. The right column's
   * top line finishes the word the left one breaks; its own paragraph
   * starts on the next line. */
  g_ptr_array_add (pages, page);
  add (page, "Above the columns runs a paragraph across the", 50, y, 300, BODY);
  add (page, "whole width of the page.", 50, y += STEP, 150, BODY);
  y += STEP + 10;
  add (page, "Left one starts", 58, y, 132, BODY);
  add (page, "tiation ends here.", 210, y, 100, BODY);
  add (page, "and goes on with", 50, y += STEP, 140, BODY);
  add (page, "Right one starts", 218, y, 132, BODY);
  add (page, "a long nego-", 50, y += STEP, 140, BODY);
  add (page, "and is its own.", 210, y, 80, BODY);
  y += STEP + 10;
  add (page, "Below the columns runs another paragraph across", 50, y, 300, BODY);
  add (page, "the page.", 50, y += STEP, 60, BODY);

  out = layout (pages);
  g_assert_cmpstr (out, ==,
                   "[-]\n"
                   "P Above the columns runs a paragraph across the whole width of the page.\n"
                   "P Left one starts and goes on with a long negotiation ends here.\n"
                   "P Right one starts and is its own.\n"
                   "P Below the columns runs another paragraph across the page.\n");
}

/* poppler parts a justified line at its widest gaps: the pieces are one
 * line, and their gaps no gutter, at the top of a page as in a column. */
static void
test_justified_pieces (void)
{
  g_autoptr(GPtrArray) pages = new_pages ();
  LecternPdfPage *page = lectern_pdf_page_new (400, 600);
  g_autofree char *out = NULL;
  double y = 50;

  g_ptr_array_add (pages, page);
  add (page, "Stretched", 50, y, 60, BODY);
  add (page, "out", 130, y, 20, BODY);
  add (page, "wide", 170, y, 30, BODY);
  add (page, "Left column goes", 210, y, 140, BODY);
  add (page, "and then the line after it", 50, y += STEP, 150, BODY);
  add (page, "on and on and on, and", 210, y, 140, BODY);
  add (page, "ends.", 50, y += STEP, 30, BODY);
  add (page, "ends too.", 210, y, 60, BODY);

  out = layout (pages);
  g_assert_cmpstr (out, ==,
                   "[-]\n"
                   "P Stretched out wide and then the line after it ends.\n"
                   "P Left column goes on and on and on, and ends too.\n");
}

/* Paragraphs split at a wider gap, at a first line set in, and after a
 * short line that ends a sentence; a hanging indent is one paragraph. */
static void
test_paragraphs (void)
{
  g_autoptr(GPtrArray) pages = new_pages ();
  LecternPdfPage *page = lectern_pdf_page_new (400, 600);
  g_autofree char *out = NULL;
  double y = 50;

  g_ptr_array_add (pages, page);
  add (page, "One line of the first paragraph runs to the", 50, y, 300, BODY);
  add (page, "end.", 50, y += STEP, 30, BODY);
  add (page, "A gap above this one, which runs on to the", 50, y += STEP + 8, 300, BODY);
  add (page, "next line and the next.", 50, y += STEP, 300, BODY);
  add (page, "This one follows a full line without a gap", 50, y += STEP, 300, BODY);
  add (page, "and ends short.", 50, y += STEP, 100, BODY);
  add (page, "So this is a new one after a short line and", 50, y += STEP, 300, BODY);
  add (page, "a full one.", 50, y += STEP, 300, BODY);
  add (page, "Set in: a new one, though no gap and", 62, y += STEP, 288, BODY);
  add (page, "no short line came before it.", 50, y += STEP, 200, BODY);
  add (page, "1. A list item with a hanging indent, whose", 50, y += STEP + 8, 300, BODY);
  add (page, "second line is set in like the third one", 62, y += STEP, 288, BODY);
  add (page, "is.", 62, y += STEP, 20, BODY);

  out = layout (pages);
  g_assert_cmpstr (out, ==,
                   "[-]\n"
                   "P One line of the first paragraph runs to the end.\n"
                   "P A gap above this one, which runs on to the next line and the next. "
                   "This one follows a full line without a gap and ends short.\n"
                   "P So this is a new one after a short line and a full one.\n"
                   "P Set in: a new one, though no gap and no short line came before it.\n"
                   "L 1. A list item with a hanging indent, whose second line is set in like the third one is.\n");
}

/* List items: a bullet or a number begins each, its other lines are set
 * under its text; a short item without a full stop is still one. */
static void
test_list_items (void)
{
  g_autoptr(GPtrArray) pages = new_pages ();
  LecternPdfPage *page = lectern_pdf_page_new (400, 600);
  g_autofree char *out = NULL;
  double y = 50;

  g_ptr_array_add (pages, page);
  add (page, "The delegates asked for three things, which the", 50, y, 300, BODY);
  add (page, "clerks wrote down:", 50, y += STEP, 120, BODY);
  add (page, "\u2022tariffs on grain", 60, y += STEP, 120, BODY);
  add (page, "\u2022 a commission that would meet each year and rule", 60, y += STEP, 290, BODY);
  add (page, "on complaints", 70, y += STEP, 90, BODY);
  add (page, "2) a later conference", 60, y += STEP, 120, BODY);
  add (page, "Then they went home, and the text goes on in a", 50, y += STEP, 300, BODY);
  add (page, "paragraph.", 50, y += STEP, 60, BODY);

  out = layout (pages);
  g_assert_cmpstr (out, ==,
                   "[-]\n"
                   "P The delegates asked for three things, which the clerks wrote down:\n"
                   "L \u2022 tariffs on grain\n"
                   "L \u2022 a commission that would meet each year and rule on complaints\n"
                   "L 2) a later conference\n"
                   "P Then they went home, and the text goes on in a paragraph.\n");
}

/* Headings by size rank; footnotes in small print below the body. */
static void
test_headings_and_footnotes (void)
{
  g_autoptr(GPtrArray) pages = new_pages ();
  LecternPdfPage *page = lectern_pdf_page_new (400, 600);
  g_autofree char *out = NULL;
  double y = 50;

  g_ptr_array_add (pages, page);
  add (page, "A Title Set Large", 100, y, 200, 18);
  add (page, "A section", 50, y += 30, 100, 14);
  add (page, "Body text of the section, long enough to be", 50, y += 20, 300, BODY);
  add (page, "the body size.1 And more body text follows", 50, y += STEP, 300, BODY);
  add (page, "here.", 50, y += STEP, 30, BODY);
  add (page, "Another section", 50, y += 30, 100, 14);
  add (page, "More body text, at the body size, to keep it", 50, y += 20, 300, BODY);
  add (page, "the most common size on the page.2", 50, y += STEP, 200, BODY);
  add (page, "1Small print at the foot of the page, which", 50, 500, 280, 8);
  add (page, "runs over two lines.", 50, 510, 100, 8);
  add (page, "2 Another note.", 50, 520, 80, 8);

  out = layout (pages);
  g_assert_cmpstr (out, ==,
                   "[-]\n"
                   "H1 A Title Set Large\n"
                   "H2 A section\n"
                   "P Body text of the section, long enough to be the body size.1 And more body text follows here.\n"
                   "H2 Another section\n"
                   "P More body text, at the body size, to keep it the most common size on the page.2\n"
                   "F1 1 Small print at the foot of the page, which runs over two lines.\n"
                   "F2 2 Another note.\n");
}

/* Small print at the page's foot that begins with no mark (a caption, a
 * colophon) is not a footnote. */
static void
test_small_print_not_footnote (void)
{
  g_autoptr(GPtrArray) pages = new_pages ();
  LecternPdfPage *page = lectern_pdf_page_new (400, 600);
  g_autofree char *out = NULL;

  g_ptr_array_add (pages, page);
  add (page, "The body of the page, at the body size, long", 50, 100, 300, BODY);
  add (page, "enough to set it.", 50, 112, 100, BODY);
  add (page, "Printed in Vienna by the State Press.", 50, 500, 200, 8);
  out = layout (pages);
  g_assert_cmpstr (out, ==,
                   "[-]\n"
                   "P The body of the page, at the body size, long enough to set it.\n"
                   "P Printed in Vienna by the State Press.\n");
}

/* A paragraph broken by a page break reads on, before the first page's
 * footnotes; a paragraph that ended stays ended. */
static void
test_across_pages (void)
{
  g_autoptr(GPtrArray) pages = new_pages ();
  g_autofree char *out = NULL;
  LecternPdfPage *page;

  for (guint p = 0; p < 3; p++)
    g_ptr_array_add (pages, lectern_pdf_page_new (400, 600));

  page = g_ptr_array_index (pages, 0);
  add (page, "A paragraph that the page break cuts in the", 50, 100, 300, BODY);
  add (page, "middle of its sentence, and of a hyphen-", 50, 112, 300, BODY);
  add (page, "1 A note.", 50, 500, 60, 8);
  page = g_ptr_array_index (pages, 1);
  add (page, "ated word, which ends on this page, at its", 50, 100, 300, BODY);
  add (page, "end, with a full line and a full stop.", 50, 112, 300, BODY);
  page = g_ptr_array_index (pages, 2);
  add (page, "A new paragraph at the top of the last page.", 50, 100, 300, BODY);

  out = layout (pages);
  g_assert_cmpstr (out, ==,
                   "[-]\n"
                   "P A paragraph that the page break cuts in the middle of its sentence, and of a "
                   "hyphenated word, which ends on this page, at its end, with a full line and a full stop.\n"
                   "F1 1 A note.\n"
                   "[-]\n"
                   "[-]\n"
                   "P A new paragraph at the top of the last page.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-reader/report", test_report);
  g_test_add_func ("/pdf-reader/encrypted", test_encrypted);
  g_test_add_func ("/pdf-reader/damaged", test_damaged);
  g_test_add_func ("/pdf-reader/cancelled", test_cancelled);
  g_test_add_func ("/pdf-reader/too-large", test_too_large);
  g_test_add_func ("/pdf-reader/no-text-refused", test_no_text_refused);
  g_test_add_func ("/pdf-reader/ocr", test_ocr);
  g_test_add_func ("/pdf-reader/mixed", test_mixed);
  g_test_add_func ("/pdf-reader/junk-titles", test_junk_titles);
  g_test_add_func ("/pdf-reader/ligatures", test_ligatures);
  g_test_add_func ("/pdf-reader/title-guess", test_title_guess);
  g_test_add_func ("/pdf-layout/join", test_join);
  g_test_add_func ("/pdf-layout/count-words", test_count_words);
  g_test_add_func ("/pdf-layout/furniture", test_furniture);
  g_test_add_func ("/pdf-layout/furniture-not-headings", test_furniture_not_headings);
  g_test_add_func ("/pdf-layout/chapter-headers", test_chapter_headers);
  g_test_add_func ("/pdf-layout/lone-page-numbers", test_lone_page_numbers);
  g_test_add_func ("/pdf-layout/columns", test_columns);
  g_test_add_func ("/pdf-layout/paragraphs", test_paragraphs);
  g_test_add_func ("/pdf-layout/justified-pieces", test_justified_pieces);
  g_test_add_func ("/pdf-layout/headings-and-footnotes", test_headings_and_footnotes);
  g_test_add_func ("/pdf-layout/list-items", test_list_items);
  g_test_add_func ("/pdf-layout/small-print-not-footnote", test_small_print_not_footnote);
  g_test_add_func ("/pdf-layout/across-pages", test_across_pages);

  return g_test_run ();
}
