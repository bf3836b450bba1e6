/* lectern-cooccurrence-view.h — codes × codes: how many pairs of passages,
 * one of each code, overlap (or share a paragraph), as a heat table; a
 * click on a cell shows the text where they meet. Live: it runs again
 * when the project changes.
 *
 * Property "project" (LecternProject); "busy" while computing.
 * Signal "passage-activated" (gint64 document_id, glong start, glong end).
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

#define LECTERN_TYPE_COOCCURRENCE_VIEW (lectern_cooccurrence_view_get_type ())

G_DECLARE_FINAL_TYPE (LecternCooccurrenceView, lectern_cooccurrence_view, LECTERN, COOCCURRENCE_VIEW, LecternHeatView)

GtkWidget             *lectern_cooccurrence_view_new         (void);
/* (transfer none) (nullable) */
LecternProject        *lectern_cooccurrence_view_get_project (LecternCooccurrenceView *self);
void                   lectern_cooccurrence_view_set_project (LecternCooccurrenceView *self,
                                                              LecternProject          *project);
gboolean               lectern_cooccurrence_view_get_busy    (LecternCooccurrenceView *self);
/* As choosing it in the dropdown does. */
void                   lectern_cooccurrence_view_set_within  (LecternCooccurrenceView *self,
                                                              LecternCooccurrence      within);
/* (transfer none) */
LecternHeatTable      *lectern_cooccurrence_view_get_table   (LecternCooccurrenceView *self);
/* (transfer none) */
LecternPassagePopover *lectern_cooccurrence_view_get_popover (LecternCooccurrenceView *self);
gboolean               lectern_cooccurrence_view_export_csv  (LecternCooccurrenceView *self,
                                                              GFile                   *file,
                                                              GError                 **error);

G_END_DECLS
