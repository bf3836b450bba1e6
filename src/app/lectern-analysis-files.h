/* lectern-analysis-files.h — how the analysis views save what they show:
 * a save dialog, then the file written whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Writes one table or chart to @stream. */
typedef gboolean (*LecternAnalysisWriteFunc) (GOutputStream *stream,
                                              gpointer       user_data,
                                              GError       **error);
/* Called with the file the user chose. */
typedef void     (*LecternAnalysisChosenFunc) (GtkWidget *widget,
                                               GFile     *file);

/* Writes @file through @write, atomically; an error names the file. */
gboolean lectern_analysis_save_file   (GFile                    *file,
                                       LecternAnalysisWriteFunc  write,
                                       gpointer                  user_data,
                                       GError                  **error);
/* A save dialog over @widget's window, proposing @name; @chosen runs if a
 * file is chosen, while @widget lives. */
void     lectern_analysis_choose_file (GtkWidget                *widget,
                                       const char               *title,
                                       const char               *name,
                                       LecternAnalysisChosenFunc chosen);
/* The same, the dialog offering files ending in .@suffix as @filter_name. */
void     lectern_analysis_choose_typed_file (GtkWidget                *widget,
                                             const char               *title,
                                             const char               *name,
                                             const char               *filter_name,
                                             const char               *suffix,
                                             LecternAnalysisChosenFunc chosen);

G_END_DECLS
