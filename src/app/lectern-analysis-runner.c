/* lectern-analysis-runner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include "lectern-analysis-runner.h"

/* Coding a passage emits "changed" once; a burst (an import, autocode
 * undone) many times: one run after the burst is enough. */
#define STALE_DELAY_MS 250

struct _LecternAnalysisRunner
{
  GObject         parent_instance;

  guint           watch;
  LecternProject *project;
  GSignalGroup   *project_signals;
  GCancellable   *cancellable;
  guint           stale_id;
  guint           delay_ms;
};

G_DEFINE_FINAL_TYPE (LecternAnalysisRunner, lectern_analysis_runner, G_TYPE_OBJECT)

enum { PROP_0, PROP_BUSY, N_PROPS };
enum { STALE, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  LecternAnalysisRunner *runner;   /* weak: the run is dropped if it goes */
  GObject               *owner;
  LecternAnalysisDone    done;
  GCancellable          *cancellable;
  GDestroyNotify         result_free;
} Run;

static void
set_cancellable (LecternAnalysisRunner *self,
                 GCancellable          *cancellable)
{
  gboolean was = self->cancellable != NULL;

  if (self->cancellable != NULL && self->cancellable != cancellable)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);
  if (was != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  gpointer value = lectern_job_propagate (result, lectern_analysis_runner_start, &error);
  gboolean current = run->runner != NULL && run->runner->cancellable == run->cancellable;

  if (current)
    set_cancellable (run->runner, NULL);
  if (current && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      run->done (value, error, run->owner);
      value = NULL;
    }
  if (value != NULL && run->result_free != NULL)
    run->result_free (value);

  g_clear_weak_pointer (&run->runner);
  g_object_unref (run->owner);
  g_object_unref (run->cancellable);
  g_free (run);
}

void
lectern_analysis_runner_start (LecternAnalysisRunner *self,
                               LecternJobFunc         func,
                               gpointer               data,
                               GDestroyNotify         data_free,
                               GDestroyNotify         result_free,
                               GObject               *owner,
                               LecternAnalysisDone    done)
{
  g_autoptr(LecternJob) job = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Run *run;

  g_return_if_fail (LECTERN_IS_ANALYSIS_RUNNER (self));
  g_return_if_fail (self->project != NULL);

  g_clear_handle_id (&self->stale_id, g_source_remove);
  set_cancellable (self, cancellable);

  run = g_new0 (Run, 1);
  g_set_weak_pointer (&run->runner, self);
  run->owner = g_object_ref (owner);
  run->done = done;
  run->cancellable = g_object_ref (cancellable);
  run->result_free = result_free;

  job = lectern_job_new (lectern_project_get_file (self->project), func, data, data_free, result_free);
  lectern_job_run_async (job, lectern_analysis_runner_start, cancellable, run_done_cb, run);
}

void
lectern_analysis_runner_cancel (LecternAnalysisRunner *self)
{
  g_return_if_fail (LECTERN_IS_ANALYSIS_RUNNER (self));
  set_cancellable (self, NULL);
}

gboolean
lectern_analysis_runner_get_busy (LecternAnalysisRunner *self)
{
  g_return_val_if_fail (LECTERN_IS_ANALYSIS_RUNNER (self), FALSE);
  return self->cancellable != NULL;
}

static gboolean
stale_cb (gpointer user_data)
{
  LecternAnalysisRunner *self = user_data;

  self->stale_id = 0;
  g_signal_emit (self, signals[STALE], 0);
  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (LecternAnalysisRunner *self,
                    guint                  what,
                    gint64                 document_id,
                    LecternProject        *project)
{
  if ((what & self->watch) == 0)
    return;
  lectern_analysis_runner_schedule (self);
}

void
lectern_analysis_runner_schedule (LecternAnalysisRunner *self)
{
  g_return_if_fail (LECTERN_IS_ANALYSIS_RUNNER (self));
  g_clear_handle_id (&self->stale_id, g_source_remove);
  self->stale_id = g_timeout_add (self->delay_ms, stale_cb, self);
}

void
lectern_analysis_runner_reset (LecternAnalysisRunner *self)
{
  g_return_if_fail (LECTERN_IS_ANALYSIS_RUNNER (self));
  g_clear_handle_id (&self->stale_id, g_source_remove);
  set_cancellable (self, NULL);
}

gboolean
lectern_analysis_runner_get_pending (LecternAnalysisRunner *self)
{
  g_return_val_if_fail (LECTERN_IS_ANALYSIS_RUNNER (self), FALSE);
  return self->stale_id != 0;
}

void
lectern_analysis_runner_set_delay (LecternAnalysisRunner *self,
                                   guint                  delay_ms)
{
  g_return_if_fail (LECTERN_IS_ANALYSIS_RUNNER (self));
  self->delay_ms = delay_ms;
}

void
lectern_analysis_runner_set_project (LecternAnalysisRunner *self,
                                     LecternProject        *project)
{
  g_return_if_fail (LECTERN_IS_ANALYSIS_RUNNER (self));
  g_return_if_fail (project == NULL || LECTERN_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  set_cancellable (self, NULL);
  g_clear_handle_id (&self->stale_id, g_source_remove);
  g_signal_group_set_target (self->project_signals, project);
}

LecternProject *
lectern_analysis_runner_get_project (LecternAnalysisRunner *self)
{
  g_return_val_if_fail (LECTERN_IS_ANALYSIS_RUNNER (self), NULL);
  return self->project;
}

static void
lectern_analysis_runner_dispose (GObject *object)
{
  LecternAnalysisRunner *self = LECTERN_ANALYSIS_RUNNER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->stale_id, g_source_remove);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (lectern_analysis_runner_parent_class)->dispose (object);
}

static void
lectern_analysis_runner_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LecternAnalysisRunner *self = LECTERN_ANALYSIS_RUNNER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_analysis_runner_class_init (LecternAnalysisRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lectern_analysis_runner_dispose;
  object_class->get_property = lectern_analysis_runner_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STALE] = g_signal_new ("stale", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lectern_analysis_runner_init (LecternAnalysisRunner *self)
{
  self->delay_ms = STALE_DELAY_MS;
  self->project_signals = g_signal_group_new (LECTERN_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
}

LecternAnalysisRunner *
lectern_analysis_runner_new (guint watch)
{
  LecternAnalysisRunner *self = g_object_new (LECTERN_TYPE_ANALYSIS_RUNNER, NULL);

  self->watch = watch;
  return self;
}
