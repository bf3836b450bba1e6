/* lectern-analysis-view.h — the parent of the Corpus window's analysis
 * pages (matrix, co-occurrence, words, chart): their project, their one
 * LecternAnalysisRunner, the spinner and Cancel while it runs.
 *
 * Property "project" (LecternProject); "busy" while computing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-core.h"
#include "lectern-analysis-runner.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_ANALYSIS_VIEW (lectern_analysis_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (LecternAnalysisView, lectern_analysis_view, LECTERN, ANALYSIS_VIEW, GtkWidget)

struct _LecternAnalysisViewClass
{
  GtkWidgetClass parent_class;

  /* The view was given another project: refill its choices and run. */
  void (*project_changed) (LecternAnalysisView *self);
  /* "busy" changed; the spinner, Cancel and its action already follow. */
  void (*busy_changed)    (LecternAnalysisView *self);
};

/* For a subclass's init, after its template: a runner watching @changes
 * (LecternChange flags), shown by @spinner and @cancel_button, with
 * @cancel_action ("matrix.cancel") enabled while it runs. The runner is
 * the view's until its dispose. (transfer none) */
LecternAnalysisRunner *lectern_analysis_view_setup         (LecternAnalysisView *self,
                                                            guint                changes,
                                                            GtkSpinner          *spinner,
                                                            GtkWidget           *cancel_button,
                                                            const char          *cancel_action);
/* (transfer none) (nullable) */
LecternProject        *lectern_analysis_view_get_project   (LecternAnalysisView *self);
void                   lectern_analysis_view_set_project   (LecternAnalysisView *self,
                                                            LecternProject      *project);
gboolean               lectern_analysis_view_get_busy      (LecternAnalysisView *self);
/* The activate function of a subclass's cancel action. */
void                   lectern_analysis_view_cancel_action (GtkWidget           *widget,
                                                            const char          *action_name,
                                                            GVariant            *parameter);
/* Shows @status_page, the page "empty" of @stack, saying @title. */
void                   lectern_analysis_view_show_empty    (GtkStack            *stack,
                                                            AdwStatusPage       *status_page,
                                                            const char          *title,
                                                            const char          *description);

G_END_DECLS
