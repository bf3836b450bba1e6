/* lectern-analysis-files.h — how the analysis views save what they show:
 * a save dialog, then the file written whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Writes one table or chart to @stream. */
typedef gboolean (*LecternAnalysisWriteFunc) (GOutputStream *stream,
                                              gpointer       user_data,
                                              GError       **error);
/* Saves what @widget shows to the file the user chose; FALSE with @error
 * unset when there is nothing to save any more. */
typedef gboolean (*LecternAnalysisExportFunc) (GtkWidget  *widget,
                                               GFile      *file,
                                               GError    **error);

/* Writes @file through @write, atomically; an error names the file. */
gboolean lectern_analysis_save_file   (GFile                    *file,
                                       LecternAnalysisWriteFunc  write,
                                       gpointer                  user_data,
                                       GError                  **error);
/* The export action: a save dialog over @widget's window proposing @name
 * (offering files ending in .@suffix as @filter_name when @suffix is not
 * NULL), then @export on the chosen file while @widget lives; a failure
 * is a toast in @toasts. */
void     lectern_analysis_export      (GtkWidget                *widget,
                                       AdwToastOverlay          *toasts,
                                       const char               *title,
                                       const char               *name,
                                       const char               *filter_name,
                                       const char               *suffix,
                                       LecternAnalysisExportFunc export);

G_END_DECLS
