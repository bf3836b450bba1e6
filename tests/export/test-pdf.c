/* test-pdf.c — the PDF opens in poppler with its pages, its text and the
 * highlight colours in its pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <poppler.h>

#include "export-fixture.h"
#include "lectern-export.h"

/* poppler-glib 22.12 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerIndexIter, poppler_index_iter_free)

/* A tag colour laid at 40 % over white paper, as the layout draws it. */
static void
blend (guint   rgb,
       guint8  out[3])
{
  for (guint i = 0; i < 3; i++)
    {
      guint channel = (rgb >> (16 - 8 * i)) & 0xff;

      out[i] = (guint8) (0.6 * 255 + 0.4 * channel + 0.5);
    }
}

static guint
count_pixels (PopplerPage *page,
              guint        rgb)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint8 want[3];
  guint count = 0;
  int stride;
  guint8 *data;

  blend (rgb, want);
  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * 2), (int) (height * 2));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 pixel = *(guint32 *) (gpointer) (data + y * stride + 4 * x);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (ABS (r - want[0]) <= 6 && ABS (g - want[1]) <= 6 && ABS (b - want[2]) <= 6)
          count++;
      }
  cairo_surface_destroy (surface);
  return count;
}

/* The report's citation lines cite pages and speakers as Markdown does. */
static void
test_pages (void)
{
  Fixture fixture;
  PagedFixture paged;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_PDF);
  g_autofree char *path = fixture_path ("paged.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) citations = g_ptr_array_new_with_free_func (g_free);

  fixture_init (&fixture, "paged.lectern");
  fixture_add_paged (&fixture, "pdf", &paged);
  lectern_export_options_add_document_id (options, paged.document);
  g_assert_true (lectern_export_to_file (fixture.project, options, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        if (g_str_has_prefix (lines[j], "— "))
          g_ptr_array_add (citations, g_strdup (lines[j]));
    }
  g_assert_cmpuint (citations->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (citations, 0), ==,
                   "— Sergey Lavrov, 00:12:31, Hearing, 14 March 2025, p. 11, ¶ 1");
  g_assert_cmpstr (g_ptr_array_index (citations, 1), ==,
                   "— Sergey Lavrov, Hearing, 14 March 2025, pp. 11–12, ¶¶ 2–3");
  g_assert_cmpstr (g_ptr_array_index (citations, 2), ==, "— Hearing, 14 March 2025, ¶ 5");
  fixture_clear (&fixture);
}

static void
test_report_and_document (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_PDF);
  g_autofree char *path = fixture_path ("notes.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all_text = g_string_new (NULL);
  int n_pages;
  int document_page = -1;

  fixture_init (&fixture, "pdf.lectern");
  lectern_export_options_set_html_full_documents (options, TRUE);
  lectern_export_options_add_document_id (options, fixture.doc1);
  g_assert_true (lectern_export_to_file (fixture.project, options, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (pdf);
  /* The report, then the document. */
  g_assert_cmpint (n_pages, >=, 2);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (all_text, text);
      if (document_page < 0 && strstr (text, "Première ligne") != NULL)
        document_page = i;
    }
  g_assert_cmpint (document_page, >, 0);

  /* The report's passages, hostile notes printed as text. */
  g_assert_nonnull (strstr (all_text->str, "sécurité européenne"));
  g_assert_nonnull (strstr (all_text->str, "<script>alert"));
  g_assert_nonnull (strstr (all_text->str, "<b>Pango</b>"));
  g_assert_nonnull (strstr (all_text->str, "Security/Europe"));
  /* Passages cited by paragraph, never by character offsets. */
  g_assert_nonnull (strstr (all_text->str, "¶ 1"));
  g_assert_nonnull (strstr (all_text->str, "¶¶ 4–5"));
  g_assert_null (strstr (all_text->str, "characters"));
  /* The document's margin notes. */
  g_assert_nonnull (strstr (all_text->str, "HYPERLINK"));

  /* The document's pages name each passage's tags, so a printout in
   * black and white still shows them. */
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, document_page);
    g_autofree char *text = poppler_page_get_text (page);

    g_assert_nonnull (strstr (text, "Security/Europe"));
    g_assert_nonnull (strstr (text, "=Formula"));
    g_assert_nonnull (strstr (text, "Diplomacy/a\\/b"));
  }

  /* Every page says which it is, out of the whole file. */
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *number = g_strdup_printf ("Page %d of %d", i + 1, n_pages);

      g_assert_nonnull (strstr (text, number));
    }

  /* Metadata: title, author (the project's), creation date. */
  {
    g_autofree char *title = poppler_document_get_title (pdf);
    g_autofree char *author = poppler_document_get_author (pdf);

    g_assert_cmpstr (author, ==, "Ana Lyst");
    g_assert_nonnull (title);
    g_assert_cmpint (poppler_document_get_creation_date (pdf), >, 0);
  }

  {
    g_autoptr(PopplerPage) report = poppler_document_get_page (pdf, 0);
    g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, document_page);

    /* Highlights in tag colours: Europe (green), =Formula (orange) and
     * Diplomacy/a\/b (purple), in the report and on the document. */
    g_assert_cmpuint (count_pixels (report, 0x2ec27e), >, 50);
    g_assert_cmpuint (count_pixels (report, 0xff7800), >, 50);
    g_assert_cmpuint (count_pixels (page, 0x2ec27e), >, 50);
    g_assert_cmpuint (count_pixels (page, 0xff7800), >, 50);
    g_assert_cmpuint (count_pixels (page, 0x9141ac), >, 50);
    /* No tag is blue-violet: the check does not pass on any colour. */
    g_assert_cmpuint (count_pixels (page, 0x0000ff), ==, 0);
  }
  fixture_clear (&fixture);
}

/* Many pages: every page only holds its own lines, and a long document
 * flows onto further pages. */
static void
test_pagination (void)
{
  Fixture fixture;
  g_autoptr(LecternPrintLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(LecternDocument) document = lectern_document_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 id;
  guint n_pages;

  fixture_init (&fixture, "long.lectern");
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "Line %u of a long document, with enough words to wrap once or twice "
                                  "in a narrowed column of text beside the notes.\n", i);
  lectern_document_set_title (document, "Long");
  id = lectern_project_add_document (fixture.project, document, text->str, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(LecternAnnotation) annotation =
        lectern_project_add_annotation (fixture.project, id, i * 1000, i * 1000 + 20,
                                       (gint64[]) { fixture.europe }, 1, "A note long enough to need two lines in the margin.",
                                       &error);
      g_assert_no_error (error);
    }

  layout = lectern_print_layout_new_for_document (fixture.project, id, &error);
  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  cr = cairo_create (surface);
  n_pages = lectern_print_layout_paginate (layout, cr, 480, 720);
  g_assert_cmpuint (n_pages, >, 10);
  g_assert_cmpuint (lectern_print_layout_get_n_pages (layout), ==, n_pages);
  for (guint i = 0; i < n_pages; i++)
    lectern_print_layout_draw_page (layout, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  /* Paginating again for another paper size works from scratch. */
  g_assert_cmpuint (lectern_print_layout_paginate (layout, cr, 960, 720), <, n_pages);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  fixture_clear (&fixture);
}

/* The titles of the outline, depth first, one a line, indented by depth. */
static void
walk_outline (PopplerIndexIter *iter,
              guint             depth,
              GString          *out)
{
  do
    {
      g_autoptr(PopplerIndexIter) child = NULL;
      PopplerAction *action = poppler_index_iter_get_action (iter);

      for (guint i = 0; i < depth; i++)
        g_string_append (out, "  ");
      g_string_append_printf (out, "%s\n", action->any.title);
      poppler_action_free (action);
      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        walk_outline (child, depth + 1, out);
    }
  while (poppler_index_iter_next (iter));
}

/* A report of many documents: an outline entry for each, page numbers,
 * and no heading left alone at a page foot. */
static void
test_report_structure (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_PDF);
  g_autofree char *path = fixture_path ("structure.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerIndexIter) outline = NULL;
  g_autoptr(GString) entries = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n_orphans_checked = 0;
  int n_pages;

  fixture_init (&fixture, "structure.lectern");
  /* Passages of one to eleven lines: some document's heading falls in the
   * last lines of a page. */
  for (guint d = 0; d < 40; d++)
    {
      g_autoptr(LecternDocument) document = lectern_document_new ();
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf ("Heading %02u", d);
      gint64 id;

      g_string_append_printf (text, "Text %u ", d);
      for (guint w = 0; w < 5 + 9 * (d % 11); w++)
        g_string_append (text, w % 9 == 8 ? "word.\n" : "word ");
      lectern_document_set_title (document, title);
      id = lectern_project_add_document (fixture.project, document, text->str, &error);
      g_assert_no_error (error);
      {
        g_autoptr(LecternAnnotation) annotation =
          lectern_project_add_annotation (fixture.project, id, 0, g_utf8_strlen (text->str, -1) - 1,
                                         (gint64[]) { fixture.europe }, 1, NULL, &error);
        g_assert_no_error (error);
      }
    }
  g_assert_true (lectern_export_to_file (fixture.project, options, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >, 3);

  outline = poppler_index_iter_new (pdf);
  g_assert_nonnull (outline);
  walk_outline (outline, 0, entries);
  g_test_message ("Outline:\n%s", entries->str);
  for (guint d = 0; d < 40; d++)
    {
      g_autofree char *entry = g_strdup_printf ("\n  Heading %02u\n", d);

      g_assert_nonnull (strstr (entries->str, entry));
    }
  g_assert_nonnull (strstr (entries->str, FIXTURE_TITLE_1));

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *number = g_strdup_printf ("Page %d of %d", i + 1, n_pages);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      int last = g_strv_length (lines) - 1;

      /* The last line is the page number; the one above it is text. */
      while (last >= 0 && *g_strstrip (lines[last]) == '\0')
        last--;
      g_assert_cmpint (last, >, 0);
      g_assert_cmpstr (lines[last], ==, number);
      last--;
      while (last >= 0 && *g_strstrip (lines[last]) == '\0')
        last--;
      if (i + 1 < n_pages)
        {
          g_test_message ("Page %d ends with “%s”", i + 1, lines[last]);
          g_assert_false (g_str_has_prefix (lines[last], "Heading "));
          n_orphans_checked++;
        }
    }
  g_assert_cmpuint (n_orphans_checked, >, 2);
  fixture_clear (&fixture);
}

/* A text changed since import: the printed document and the report's
 * citations say which version they are. */
static void
test_version (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_PDF);
  g_autofree char *path = fixture_path ("version.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all_text = g_string_new (NULL);
  glong length;

  fixture_init (&fixture, "version-pdf.lectern");
  length = g_utf8_strlen (FIXTURE_TEXT_1, -1);
  g_assert_true (lectern_project_edit_text (fixture.project, fixture.doc1, length, length, "Added.\n", NULL, &error));
  g_assert_no_error (error);
  lectern_export_options_set_html_full_documents (options, TRUE);
  lectern_export_options_add_document_id (options, fixture.doc1);
  g_assert_true (lectern_export_to_file (fixture.project, options, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (all_text, text);
    }
  g_assert_nonnull (strstr (all_text->str, "text version 2, ¶ 1"));
  g_assert_nonnull (strstr (all_text->str, "Text version 2"));
  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/Pdf/report-and-document", test_report_and_document);
  g_test_add_func ("/Lectern/Pdf/pagination", test_pagination);
  g_test_add_func ("/Lectern/Pdf/report-structure", test_report_structure);
  g_test_add_func ("/Lectern/Pdf/pages", test_pages);
  g_test_add_func ("/Lectern/Pdf/version", test_version);
  return g_test_run ();
}
