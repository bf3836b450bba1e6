/* lectern-heat-view.h — the parent of the analysis views that show a
 * LecternMatrix as a LecternHeatTable (the code matrix, the
 * co-occurrence): a click on a cell opens a LecternPassagePopover, the
 * table saves as CSV.
 *
 * Signal "passage-activated" (gint64 document_id, glong start, glong end):
 * a passage the user asked to read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-analysis-view.h"
#include "lectern-heat-table.h"
#include "lectern-passage-popover.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_HEAT_VIEW (lectern_heat_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (LecternHeatView, lectern_heat_view, LECTERN, HEAT_VIEW, LecternAnalysisView)

struct _LecternHeatViewClass
{
  LecternAnalysisViewClass parent_class;

  /* Set by lectern_heat_view_class_install_actions(). */
  const char *prefix;
  const char *export_title;   /* untranslated, marked for xgettext */
  const char *export_name;
  const char *csv_title;
};

/* Installs @prefix.export (a save dialog titled @export_title proposing
 * @export_name, writing the table's CSV titled @csv_title; Ctrl+Shift+S)
 * and @prefix.cancel. The strings are static, marked for
 * xgettext and left untranslated. */
void                   lectern_heat_view_class_install_actions (LecternHeatViewClass *klass,
                                                                const char           *prefix,
                                                                const char           *export_title,
                                                                const char           *export_name,
                                                                const char           *csv_title);
/* For a subclass's init, after its template: runs on changes of
 * documents, tags and annotations, showing @spinner and @cancel_button;
 * @toasts shows a failed export. @table's matrix is what is saved. */
LecternAnalysisRunner *lectern_heat_view_setup       (LecternHeatView  *self,
                                                      LecternHeatTable *table,
                                                      AdwToastOverlay  *toasts,
                                                      GtkSpinner       *spinner,
                                                      GtkWidget        *cancel_button);
/* (transfer none) */
LecternHeatTable      *lectern_heat_view_get_table   (LecternHeatView  *self);
/* The popover for the passages behind a cell. (transfer none) */
LecternPassagePopover *lectern_heat_view_get_popover (LecternHeatView  *self);
/* Writes the table as CSV. */
gboolean               lectern_heat_view_export_csv  (LecternHeatView  *self,
                                                      GFile            *file,
                                                      GError          **error);

G_END_DECLS
