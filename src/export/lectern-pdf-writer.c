/* lectern-pdf-writer.c — the notes report as PDF, followed (with the
 * full-documents option) by each exported document printed with its
 * highlights and margin notes. A4 pages, drawn by LecternPrintLayout, the
 * same code that prints from the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "lectern-export-writers-private.h"
#include "lectern-print-layout-private.h"

#define PAGE_WIDTH  595.276   /* A4 in points */
#define PAGE_HEIGHT 841.890
#define PAGE_MARGIN 56.693    /* 2 cm */

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} PdfSink;

static cairo_status_t
pdf_write (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->out, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

#define MAX_OUTLINE_DEPTH 16

/* The pages of one layout, numbered from @first_page (from 0) in a PDF of
 * @total pages. */
static void
print_pages (LecternPrintLayout *layout,
             cairo_t            *cr,
             guint               first_page,
             guint               total)
{
  for (guint i = 0; i < lectern_print_layout_get_n_pages (layout); i++)
    {
      cairo_save (cr);
      cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
      _lectern_print_layout_draw_numbered_page (layout, cr, i, first_page + i + 1, total);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
}

/* The outline entries of one layout whose pages start at @first_page: its
 * title, the headings below it nested by level. Added once the pages are
 * there: cairo 1.16 crashes on finishing a link to a page it never had. */
static void
add_outline (LecternPrintLayout *layout,
             cairo_surface_t    *surface,
             guint               first_page)
{
  int parents[MAX_OUTLINE_DEPTH];

  for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
    parents[i] = CAIRO_PDF_OUTLINE_ROOT;
  for (guint i = 0; i < _lectern_print_layout_get_n_headings (layout); i++)
    {
      guint level, page;
      double y;
      const char *text = _lectern_print_layout_get_heading (layout, i, &level, &page, &y);
      g_autofree char *name = g_strdup (text);
      /* Cairo's link attributes: pages from 1, positions in points from
       * the page's top left corner. */
      g_autofree char *link = g_strdup_printf ("page=%u pos=[%d %d]", first_page + page + 1,
                                               (int) PAGE_MARGIN, (int) (PAGE_MARGIN + y));
      int id;

      level = MIN (level, MAX_OUTLINE_DEPTH - 1);
      g_strdelimit (name, "\r\n\t", ' ');
      id = cairo_pdf_surface_add_outline (surface, level > 0 ? parents[level - 1] : CAIRO_PDF_OUTLINE_ROOT,
                                          name, link, level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      for (guint l = level; l < G_N_ELEMENTS (parents); l++)
        parents[l] = id;
    }
}

static void
set_metadata (cairo_surface_t        *surface,
              LecternExportSelection *selection)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  const char *author = lectern_project_get_author (selection->project);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, selection->title);
  if (author != NULL && *author != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Lectern " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

gboolean
_lectern_pdf_writer_write (LecternExportSelection  *selection,
                           GOutputStream           *out,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  PdfSink sink = { out, cancellable, NULL };
  g_autoptr(LecternPrintLayout) report = NULL;
  g_autoptr(GPtrArray) layouts = NULL;
  guint total = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok = TRUE;

  report = _lectern_print_layout_new_report (selection, cancellable, error);
  if (report == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (pdf_write, &sink, PAGE_WIDTH, PAGE_HEIGHT);
  set_metadata (surface, selection);
  cr = cairo_create (surface);

  /* Every layout is paginated before the first page is drawn: each page
   * shows its number out of the whole file's. */
  layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (layouts, g_steal_pointer (&report));
  if (lectern_export_options_get_html_full_documents (selection->options))
    for (guint i = 0; ok && i < selection->documents->len; i++)
      {
        LecternDocument *document = g_ptr_array_index (selection->documents, i);
        g_autoptr(GPtrArray) annotations =
          _lectern_export_selection_list_document_annotations (selection, lectern_document_get_id (document));
        LecternPrintLayout *layout;

        if (annotations->len == 0)
          continue;
        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          {
            ok = FALSE;
            break;
          }
        layout = _lectern_print_layout_new_document (selection, document, error);
        if (layout == NULL)
          ok = FALSE;
        else
          g_ptr_array_add (layouts, layout);
      }
  for (guint i = 0; ok && i < layouts->len; i++)
    total += lectern_print_layout_paginate (g_ptr_array_index (layouts, i), cr,
                                            PAGE_WIDTH - 2 * PAGE_MARGIN,
                                            PAGE_HEIGHT - 2 * PAGE_MARGIN);
  for (guint i = 0, first = 0; ok && i < layouts->len; i++)
    {
      LecternPrintLayout *layout = g_ptr_array_index (layouts, i);

      print_pages (layout, cr, first, total);
      first += lectern_print_layout_get_n_pages (layout);
    }
  for (guint i = 0, first = 0;
       ok && sink.error == NULL && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS && i < layouts->len;
       i++)
    {
      LecternPrintLayout *layout = g_ptr_array_index (layouts, i);

      add_outline (layout, surface, first);
      first += lectern_print_layout_get_n_pages (layout);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!ok)
    {
      g_clear_error (&sink.error);
      return FALSE;
    }
  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_FAILED,
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
