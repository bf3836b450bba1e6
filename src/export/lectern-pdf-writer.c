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

static void
print_pages (LecternPrintLayout *layout,
             cairo_t            *cr)
{
  guint n_pages = lectern_print_layout_paginate (layout, cr,
                                                 PAGE_WIDTH - 2 * PAGE_MARGIN,
                                                 PAGE_HEIGHT - 2 * PAGE_MARGIN);

  for (guint i = 0; i < n_pages; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
      lectern_print_layout_draw_page (layout, cr, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
}

gboolean
_lectern_pdf_writer_write (LecternExportSelection  *selection,
                           GOutputStream           *out,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  PdfSink sink = { out, cancellable, NULL };
  g_autoptr(LecternPrintLayout) report = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok = TRUE;

  report = _lectern_print_layout_new_report (selection, cancellable, error);
  if (report == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (pdf_write, &sink, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, selection->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Lectern " PACKAGE_VERSION);
  cr = cairo_create (surface);

  print_pages (report, cr);

  if (lectern_export_options_get_html_full_documents (selection->options))
    for (guint i = 0; ok && i < selection->documents->len; i++)
      {
        LecternDocument *document = g_ptr_array_index (selection->documents, i);
        g_autoptr(GPtrArray) annotations =
          _lectern_export_selection_list_document_annotations (selection, lectern_document_get_id (document));
        g_autoptr(LecternPrintLayout) layout = NULL;

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
          print_pages (layout, cr);
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
