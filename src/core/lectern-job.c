/* lectern-job.c — long work off the main thread, one way for every job.
 *
 * Every long operation (import, export, comparison, "where else", a
 * REFI-QDA import) is a LecternJobFunc run here: in a GTask thread, on a
 * connection of its own to the project (a LecternProject is one connection
 * for one thread), opened as a worker opens it, with no migration and no
 * backup. Progress is queued as an idle source on the thread-default
 * context of whoever started the job, never called from the worker, and
 * dropped once the job's callback has run, so a view is never told of
 * progress after it was told the job ended.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-job.h"

struct _LecternJob
{
  GObject                 parent_instance;

  GFile                  *project_file;
  LecternJobFunc          func;
  gpointer                data;
  GDestroyNotify          data_free;
  GDestroyNotify          result_free;

  LecternJobProgressFunc  progress;
  gpointer                progress_data;
  GMainContext           *context;     /* the caller's, for progress */

  GAsyncReadyCallback     callback;
  gpointer                callback_data;

  /* Read and written on the caller's context only. */
  gboolean                finished;
};

G_DEFINE_FINAL_TYPE (LecternJob, lectern_job, G_TYPE_OBJECT)

static void
lectern_job_finalize (GObject *object)
{
  LecternJob *self = LECTERN_JOB (object);

  if (self->data_free != NULL)
    g_clear_pointer (&self->data, self->data_free);
  g_clear_object (&self->project_file);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (lectern_job_parent_class)->finalize (object);
}

static void
lectern_job_class_init (LecternJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_job_finalize;
}

static void
lectern_job_init (LecternJob *self)
{
}

LecternJob *
lectern_job_new (GFile          *project_file,
                 LecternJobFunc  func,
                 gpointer        data,
                 GDestroyNotify  data_free,
                 GDestroyNotify  result_free)
{
  LecternJob *self;

  g_return_val_if_fail (project_file == NULL || G_IS_FILE (project_file), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (LECTERN_TYPE_JOB, NULL);
  self->project_file = project_file != NULL ? g_object_ref (project_file) : NULL;
  self->func = func;
  self->data = data;
  self->data_free = data_free;
  self->result_free = result_free;

  return self;
}

gpointer
lectern_job_get_data (LecternJob *self)
{
  g_return_val_if_fail (LECTERN_IS_JOB (self), NULL);

  return self->data;
}

void
lectern_job_set_progress (LecternJob             *self,
                          LecternJobProgressFunc  progress,
                          gpointer                user_data)
{
  g_return_if_fail (LECTERN_IS_JOB (self));

  self->progress = progress;
  self->progress_data = user_data;
}

/* ------------------------------------------------------------------ */
/* Progress                                                            */

typedef struct
{
  LecternJob *job;
  guint       done;
  guint       total;
  char       *what;
} Report;

static void
report_free (gpointer data)
{
  Report *report = data;

  g_object_unref (report->job);
  g_free (report->what);
  g_free (report);
}

static gboolean
report_dispatch (gpointer data)
{
  Report *report = data;
  LecternJob *job = report->job;

  if (!job->finished && job->progress != NULL)
    job->progress (report->done, report->total, report->what, job->progress_data);
  return G_SOURCE_REMOVE;
}

void
lectern_job_report (LecternJob *self,
                    guint       done,
                    guint       total,
                    const char *what)
{
  g_autoptr(GSource) source = NULL;
  Report *report;

  g_return_if_fail (LECTERN_IS_JOB (self));

  if (self->progress == NULL || self->context == NULL)
    return;

  report = g_new0 (Report, 1);
  report->job = g_object_ref (self);
  report->done = done;
  report->total = total;
  report->what = g_strdup (what);

  /* Always queued: g_main_context_invoke () would call it right here, in
   * the worker, whenever nobody happens to own the caller's context. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, report_dispatch, report, report_free);
  g_source_set_static_name (source, "[lectern] job progress");
  g_source_attach (source, self->context);
}

/* ------------------------------------------------------------------ */
/* Running                                                             */

gpointer
lectern_job_run (LecternJob    *self,
                 LecternProject *project,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(LecternProject) own = NULL;

  g_return_val_if_fail (LECTERN_IS_JOB (self), NULL);
  g_return_val_if_fail (project == NULL || LECTERN_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (project == NULL && self->project_file != NULL)
    {
      if ((own = lectern_project_open_worker (self->project_file, error)) == NULL)
        return NULL;
      project = own;
    }

  return self->func (self, project, self->data, cancellable, error);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  LecternJob *self = task_data;
  GError *error = NULL;
  gpointer result = lectern_job_run (self, NULL, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error != NULL ? error
                         : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "job failed without a reason"));
  else
    g_task_return_pointer (task, result, self->result_free);
}

/* On the caller's context: from now on no progress reaches the caller. */
static void
job_done (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  LecternJob *self = g_task_get_task_data (G_TASK (result));

  self->finished = TRUE;
  if (self->callback != NULL)
    self->callback (NULL, result, self->callback_data);
}

void
lectern_job_run_async (LecternJob          *self,
                       gpointer             source_tag,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LECTERN_IS_JOB (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->context == NULL);

  self->context = g_main_context_ref_thread_default ();
  self->callback = callback;
  self->callback_data = user_data;

  task = g_task_new (NULL, cancellable, job_done, NULL);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_object_ref (self), g_object_unref);
  g_task_run_in_thread (task, job_thread);
}

LecternJob *
lectern_job_from_result (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return LECTERN_JOB (g_task_get_task_data (G_TASK (result)));
}

gpointer
lectern_job_propagate (GAsyncResult  *result,
                       gpointer       source_tag,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
