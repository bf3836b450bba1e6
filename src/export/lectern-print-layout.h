/* lectern-print-layout.h — pages of a document with its highlights and
 * margin notes, or of the notes report, for PDF export and for a
 * GtkPrintOperation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_EXPORT_INSIDE) && !defined (LECTERN_EXPORT_COMPILATION)
# error "Only <lectern-export.h> can be included directly."
#endif

#include <cairo.h>
#include <gio/gio.h>

#include "lectern-core.h"
#include "lectern-export-options.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_PRINT_LAYOUT (lectern_print_layout_get_type ())

G_DECLARE_FINAL_TYPE (LecternPrintLayout, lectern_print_layout, LECTERN, PRINT_LAYOUT, GObject)

/* One document: its text with each annotation highlighted in its first
 * tag's colour, and the notes beside it in a margin column (notes that do
 * not fit beside their passage follow the text as numbered endnotes). */
LecternPrintLayout *lectern_print_layout_new_for_document (LecternProject        *project,
                                                           gint64                document_id,
                                                           GError              **error);
/* The notes report (the Markdown export's content, laid out). */
LecternPrintLayout *lectern_print_layout_new_for_report   (LecternProject        *project,
                                                           LecternExportOptions *options,
                                                           GCancellable         *cancellable,
                                                           GError              **error);

/* Lays the content out for pages of @width × @height (in the units of @cr,
 * points for PDF; for GtkPrintOperation: the print context's cairo context,
 * width and height in ::begin-print) and returns the number of pages. */
guint lectern_print_layout_paginate (LecternPrintLayout *self,
                                     cairo_t            *cr,
                                     double              width,
                                     double              height);
guint lectern_print_layout_get_n_pages (LecternPrintLayout *self);
/* Draws page @page_nr (from 0) of the last pagination with its top left
 * corner at the current origin of @cr (in ::draw-page). */
void  lectern_print_layout_draw_page   (LecternPrintLayout *self,
                                        cairo_t            *cr,
                                        guint               page_nr);

G_END_DECLS
