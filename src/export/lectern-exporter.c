/* lectern-exporter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lectern-export-writers-private.h"
#include "lectern-exporter.h"

G_DEFINE_QUARK (lectern-export-error-quark, lectern_export_error)

static const LecternExportWriteFunc writers[LECTERN_EXPORT_N_FORMATS] = {
  [LECTERN_EXPORT_FORMAT_MARKDOWN] = _lectern_markdown_writer_write,
  [LECTERN_EXPORT_FORMAT_HTML] = _lectern_html_writer_write,
  [LECTERN_EXPORT_FORMAT_CSV] = _lectern_csv_writer_write,
  [LECTERN_EXPORT_FORMAT_JSON] = _lectern_web_annotation_writer_write,
  [LECTERN_EXPORT_FORMAT_QDPX] = _lectern_qdpx_writer_write,
  [LECTERN_EXPORT_FORMAT_PDF] = _lectern_pdf_writer_write,
};

gboolean
lectern_export_to_stream (LecternCorpus              *corpus,
                          LecternExportOptions       *options,
                          GOutputStream              *stream,
                          LecternExportProgressFunc   progress,
                          gpointer                    progress_data,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_autoptr(LecternExportSelection) selection = NULL;
  LecternExportFormat format;

  g_return_val_if_fail (LECTERN_IS_CORPUS (corpus), FALSE);
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (options), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  selection = _lectern_export_selection_new (corpus, options, progress, progress_data,
                                             cancellable, error);
  if (selection == NULL)
    return FALSE;

  format = lectern_export_options_get_format (options);
  if (!writers[format] (selection, stream, cancellable, error))
    return FALSE;

  if (progress != NULL && selection->annotations->len == 0)
    progress (0, 0, progress_data);
  return g_output_stream_flush (stream, cancellable, error);
}

static void
set_write_error (GFile   *dest,
                 GError **error)
{
  g_autofree char *name = g_file_get_parse_name (dest);
  g_autoptr(GError) original = g_steal_pointer (error);

  if (g_error_matches (original, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || original->domain != G_IO_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&original));
      return;
    }
  g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_WRITE,
               _("Could not write “%s”: %s"), name, original->message);
}

gboolean
lectern_export_to_file (LecternCorpus              *corpus,
                        LecternExportOptions       *options,
                        GFile                      *dest,
                        LecternExportProgressFunc   progress,
                        gpointer                    progress_data,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  g_autoptr(LecternAtomicFile) atomic = NULL;

  g_return_val_if_fail (LECTERN_IS_CORPUS (corpus), FALSE);
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (options), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A temporary file beside @dest that replaces it only once complete and
   * on disk; on failure it goes (with atomic), and @dest stays as it was. */
  atomic = lectern_atomic_file_new (dest, LECTERN_ATOMIC_FILE_NONE, error);
  if (atomic == NULL
      || !lectern_export_to_stream (corpus, options, lectern_atomic_file_get_stream (atomic),
                                    progress, progress_data, cancellable, error)
      || !lectern_atomic_file_commit (atomic, error))
    {
      set_write_error (dest, error);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GFile                     *project;
  LecternExportOptions      *options;
  GFile                     *dest;
  LecternExportProgressFunc  progress;
  gpointer                   progress_data;
  GMainContext              *context;
} ExportJob;

typedef struct
{
  LecternExportProgressFunc progress;
  gpointer                  progress_data;
  guint                     done;
  guint                     total;
} ProgressReport;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->project);
  g_clear_object (&job->options);
  g_clear_object (&job->dest);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressReport *report = data;

  report->progress (report->done, report->total, report->progress_data);
  return G_SOURCE_REMOVE;
}

/* Runs in the worker: hands the report to the caller's context. */
static void
forward_progress (guint    done,
                  guint    total,
                  gpointer user_data)
{
  ExportJob *job = user_data;
  ProgressReport *report = g_new (ProgressReport, 1);

  report->progress = job->progress;
  report->progress_data = job->progress_data;
  report->done = done;
  report->total = total;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT,
                              deliver_progress, report, g_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(LecternCorpus) corpus = NULL;
  GError *error = NULL;

  corpus = lectern_corpus_open (job->project, &error);
  if (corpus == NULL
      || !lectern_export_to_file (corpus, job->options, job->dest,
                                  job->progress != NULL ? forward_progress : NULL, job,
                                  cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
lectern_export_to_file_async (GFile                      *project,
                              LecternExportOptions       *options,
                              GFile                      *dest,
                              LecternExportProgressFunc   progress,
                              gpointer                    progress_data,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (G_IS_FILE (project));
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (options));
  g_return_if_fail (G_IS_FILE (dest));

  job = g_new0 (ExportJob, 1);
  job->project = g_object_ref (project);
  job->options = lectern_export_options_copy (options);
  job->dest = g_object_ref (dest);
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lectern_export_to_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
lectern_export_to_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lectern_export_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
