/* lectern-matrix-view.h — the code × document matrix: codes as the
 * codebook's tree, a column per document or per value of a document
 * variable, counting passages, characters coded or the share of the
 * document coded, as a heat table; a click on a cell lists its passages.
 * Live: it runs again when the project changes.
 *
 * Property "project" (LecternProject); "busy" while computing.
 * Signal "passage-activated" (gint64 document_id, glong start, glong end): a
 * passage the user asked to read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"
#include "lectern-heat-view.h"
#include "lectern-heat-table.h"
#include "lectern-passage-popover.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_MATRIX_VIEW (lectern_matrix_view_get_type ())

G_DECLARE_FINAL_TYPE (LecternMatrixView, lectern_matrix_view, LECTERN, MATRIX_VIEW, LecternHeatView)

GtkWidget             *lectern_matrix_view_new          (void);
/* (transfer none) (nullable) */
LecternProject        *lectern_matrix_view_get_project  (LecternMatrixView  *self);
void                   lectern_matrix_view_set_project  (LecternMatrixView  *self,
                                                         LecternProject     *project);
gboolean               lectern_matrix_view_get_busy     (LecternMatrixView  *self);
/* Columns per document (@variable NULL) or per value of @variable, as
 * choosing it in the dropdown does; FALSE if no document has it. */
gboolean               lectern_matrix_view_set_columns  (LecternMatrixView  *self,
                                                         const char         *variable);
/* Columns per speaker: codes in each speaker's turns. */
void                   lectern_matrix_view_show_speakers (LecternMatrixView *self);
void                   lectern_matrix_view_set_value    (LecternMatrixView  *self,
                                                         LecternMatrixValue  value);
/* (transfer none) */
LecternHeatTable      *lectern_matrix_view_get_table    (LecternMatrixView  *self);
/* The popover a click on a cell opens. (transfer none) */
LecternPassagePopover *lectern_matrix_view_get_popover  (LecternMatrixView  *self);
/* Writes the table as CSV. */
gboolean               lectern_matrix_view_export_csv   (LecternMatrixView  *self,
                                                         GFile              *file,
                                                         GError            **error);

G_END_DECLS
