/* lectern-print-layout-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-export-selection-private.h"
#include "lectern-print-layout.h"

G_BEGIN_DECLS

/* The notes report of @selection; walks it (reporting progress). */
LecternPrintLayout *_lectern_print_layout_new_report   (LecternExportSelection  *selection,
                                                        GCancellable            *cancellable,
                                                        GError                 **error);
/* @document with the exported annotations of @selection. */
LecternPrintLayout *_lectern_print_layout_new_document (LecternExportSelection  *selection,
                                                        LecternDocument         *document,
                                                        GError                 **error);

/* Draws page @page_nr of the last pagination as lectern_print_layout_draw_page()
 * does, numbered @number of @total (for one PDF of several layouts). */
void        _lectern_print_layout_draw_numbered_page (LecternPrintLayout *self,
                                                      cairo_t            *cr,
                                                      guint               page_nr,
                                                      guint               number,
                                                      guint               total);
/* The headings (the title at level 0, then documents or tags from 1),
 * each with where the last pagination put it: its page (from 0) and its
 * y there, for a PDF outline. */
guint       _lectern_print_layout_get_n_headings     (LecternPrintLayout *self);
const char *_lectern_print_layout_get_heading        (LecternPrintLayout *self,
                                                      guint               index,
                                                      guint              *level,
                                                      guint              *page,
                                                      double             *y);

G_END_DECLS
