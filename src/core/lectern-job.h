/* lectern-job.h — long work off the main thread, one way for every job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-project.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_JOB (lectern_job_get_type ())
G_DECLARE_FINAL_TYPE (LecternJob, lectern_job, LECTERN, JOB, GObject)

/* The work itself, in the worker thread. @project is the worker's own
 * connection to the job's project (NULL for a job without one), opened
 * with lectern_project_open_worker () and closed after @func returns.
 * Returns the result (freed with the job's result_free if nobody takes
 * it), or NULL with @error set. A job whose work has no result of its own
 * returns GINT_TO_POINTER (TRUE). */
typedef gpointer (*LecternJobFunc)         (LecternJob     *job,
                                            LecternProject  *project,
                                            gpointer        data,
                                            GCancellable   *cancellable,
                                            GError        **error);
/* Progress, on the thread-default main context of whoever started the
 * job, never in the worker and never after the job's callback. @what may
 * be NULL. */
typedef void     (*LecternJobProgressFunc) (guint           done,
                                            guint           total,
                                            const char     *what,
                                            gpointer        user_data);

/* A job on @project (nullable: work that opens no project). @data is the
 * job's input, copied by the caller, owned by the job. */
LecternJob *lectern_job_new          (GFile                  *project_file,
                                      LecternJobFunc          func,
                                      gpointer                data,
                                      GDestroyNotify          data_free,
                                      GDestroyNotify          result_free);
/* (transfer none) */
gpointer    lectern_job_get_data     (LecternJob             *self);
/* Where progress goes; @user_data must stay alive until the callback. */
void        lectern_job_set_progress (LecternJob             *self,
                                      LecternJobProgressFunc  progress,
                                      gpointer                user_data);
/* Runs the job in a worker thread. @source_tag is the public _async
 * function, checked by lectern_job_propagate (). The job is referenced
 * until it is done. */
void        lectern_job_run_async    (LecternJob             *self,
                                      gpointer                source_tag,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data);
/* Runs the job on this thread, on @project when given (else on a worker
 * connection of its own), for callers that are threads already (the CLI). */
gpointer    lectern_job_run          (LecternJob             *self,
                                      LecternProject          *project,
                                      GCancellable           *cancellable,
                                      GError                **error);
/* From the worker: queues a progress report for the caller's context. */
void        lectern_job_report       (LecternJob             *self,
                                      guint                   done,
                                      guint                   total,
                                      const char             *what);
/* The job a result of lectern_job_run_async () came from. (transfer none) */
LecternJob *lectern_job_from_result  (GAsyncResult           *result);
/* The result, or NULL with @error; FALSE-like results are NULL too, so a
 * job without a result of its own returns GINT_TO_POINTER (TRUE). Checks
 * that @result was started with @source_tag. (transfer full) */
gpointer    lectern_job_propagate    (GAsyncResult           *result,
                                      gpointer                source_tag,
                                      GError                **error);

G_END_DECLS
