/* lectern-analysis-runner.h — what every analysis view shares: one
 * LecternJob at a time on the view's project (a new run cancels the old),
 * a "busy" property for the spinner and Cancel, and a coalesced "stale"
 * signal when the project changes, so the tables stay live without a
 * reload.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_ANALYSIS_RUNNER (lectern_analysis_runner_get_type ())

G_DECLARE_FINAL_TYPE (LecternAnalysisRunner, lectern_analysis_runner, LECTERN, ANALYSIS_RUNNER, GObject)

/* Called on the main context when a run ends, unless it was cancelled or
 * superseded: @result (transfer full) or @error. */
typedef void (*LecternAnalysisDone) (gpointer      result,
                                     const GError *error,
                                     gpointer      user_data);

/* "stale" is emitted once, a short while after the last change of a kind
 * in @watch (LecternChange flags). */
LecternAnalysisRunner *lectern_analysis_runner_new         (guint                  watch);
void                   lectern_analysis_runner_set_project (LecternAnalysisRunner *self,
                                                            LecternProject        *project);
/* (transfer none) (nullable) */
LecternProject        *lectern_analysis_runner_get_project (LecternAnalysisRunner *self);
/* Runs @func in a job on the project's file with @data (owned by the job);
 * @done gets the result. @owner is kept alive until then. */
void                   lectern_analysis_runner_start       (LecternAnalysisRunner *self,
                                                            LecternJobFunc         func,
                                                            gpointer               data,
                                                            GDestroyNotify         data_free,
                                                            GDestroyNotify         result_free,
                                                            GObject               *owner,
                                                            LecternAnalysisDone    done);
void                   lectern_analysis_runner_cancel      (LecternAnalysisRunner *self);
gboolean               lectern_analysis_runner_get_busy    (LecternAnalysisRunner *self);
/* "stale" after the delay, as a change would bring it (typing that pauses). */
void                   lectern_analysis_runner_schedule    (LecternAnalysisRunner *self);
/* Cancels the run, and a "stale" yet to come. */
void                   lectern_analysis_runner_reset       (LecternAnalysisRunner *self);
/* Whether a "stale" is yet to come. */
gboolean               lectern_analysis_runner_get_pending (LecternAnalysisRunner *self);
/* How long "stale" waits after the last change; 250 ms unless told. */
void                   lectern_analysis_runner_set_delay   (LecternAnalysisRunner *self,
                                                            guint                  delay_ms);

G_END_DECLS
