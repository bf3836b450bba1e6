/* lectern-chart-view.h — code frequencies as bars, a group per code and a
 * bar per document or per value of a document variable, drawn by the same
 * cairo code as the exported chart (lectern-chart.h), exported as PNG, SVG
 * or CSV. Live: it runs again when the project changes.
 *
 * Property "project" (LecternProject); "busy" while counting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"
#include "lectern-analysis-view.h"
#include "lectern-export.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_CHART_VIEW (lectern_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (LecternChartView, lectern_chart_view, LECTERN, CHART_VIEW, LecternAnalysisView)

GtkWidget           *lectern_chart_view_new          (void);
/* (transfer none) (nullable) */
LecternProject      *lectern_chart_view_get_project  (LecternChartView   *self);
void                 lectern_chart_view_set_project  (LecternChartView   *self,
                                                      LecternProject     *project);
gboolean             lectern_chart_view_get_busy     (LecternChartView   *self);
/* Bars per document (@variable NULL) or per value of @variable, as the
 * dropdown chooses; FALSE if no document has it. */
gboolean             lectern_chart_view_set_columns  (LecternChartView   *self,
                                                      const char         *variable);
/* (transfer none) (nullable) */
const LecternMatrix *lectern_chart_view_get_matrix   (LecternChartView   *self);
gboolean             lectern_chart_view_export       (LecternChartView   *self,
                                                      GFile              *file,
                                                      LecternChartFormat  format,
                                                      GError            **error);

G_END_DECLS
