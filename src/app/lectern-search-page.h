/* lectern-search-page.h — what the Corpus window's two search pages (the
 * concordance and the queries) share around their LecternAnalysisRunner:
 * starting a query from the entry and the filters, the spinner and Cancel
 * while it runs, the error row, the table's columns, the CSV export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-analysis-runner.h"
#include "lectern-corpus-filter.h"

G_BEGIN_DECLS

/* The spinner spins and shows, with @cancel_button, while @runner is busy. */
void                   lectern_search_page_bind_busy     (LecternAnalysisRunner *runner,
                                                          GtkSpinner            *spinner,
                                                          GtkWidget             *cancel_button);
/* Cancels @runner's query and labels @button with the number of filters
 * set; then the filter for a new query of @text, or NULL: @error set if
 * the filters cannot be read, unset if there is nothing to run (no
 * project, no text). (transfer full) */
LecternDocumentFilter *lectern_search_page_begin         (LecternAnalysisRunner *runner,
                                                          GtkMenuButton         *button,
                                                          LecternCorpusFilter   *filter,
                                                          const char            *text,
                                                          GError               **error);
/* Why a query failed in @label, hidden without @error; a copy of the
 * message in @message. */
void                   lectern_search_page_show_error    (GtkLabel              *label,
                                                          char                 **message,
                                                          const GError          *error);
/* Appends a resizable column of cells made by @setup and @bind (signals
 * of a GtkSignalListItemFactory), which get @column as their data. */
void                   lectern_search_page_add_column    (GtkColumnView         *view,
                                                          guint                  column,
                                                          const char            *title,
                                                          gboolean               expand,
                                                          GCallback              setup,
                                                          GCallback              bind);
/* Writes @csv to @file whole or not at all, then says so in a toast:
 * @done, or @failed with the reason. */
void                   lectern_search_page_save_csv      (AdwToastOverlay       *overlay,
                                                          GString               *csv,
                                                          GFile                 *file,
                                                          const char            *failed,
                                                          const char            *done);

G_END_DECLS
