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
lectern_export_to_stream (LecternProject              *project,
                          LecternExportOptions       *options,
                          GOutputStream              *stream,
                          LecternExportProgressFunc   progress,
                          gpointer                    progress_data,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_autoptr(LecternExportSelection) selection = NULL;
  LecternExportFormat format;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (options), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  selection = _lectern_export_selection_new (project, options, progress, progress_data,
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
lectern_export_to_file (LecternProject              *project,
                        LecternExportOptions       *options,
                        GFile                      *dest,
                        LecternExportProgressFunc   progress,
                        gpointer                    progress_data,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  g_autoptr(LecternAtomicFile) atomic = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (options), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A temporary file beside @dest that replaces it only once complete and
   * on disk; on failure it goes (with atomic), and @dest stays as it was. */
  atomic = lectern_atomic_file_new (dest, LECTERN_ATOMIC_FILE_NONE, error);
  if (atomic == NULL
      || !lectern_export_to_stream (project, options, lectern_atomic_file_get_stream (atomic),
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
  LecternExportOptions      *options;
  GFile                     *dest;
  LecternExportProgressFunc  progress;
  gpointer                   progress_data;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->options);
  g_clear_object (&job->dest);
  g_free (job);
}

/* The job's progress, on the caller's context. */
static void
deliver_progress (guint       done,
                  guint       total,
                  const char *what,
                  gpointer    user_data)
{
  ExportJob *job = user_data;

  job->progress (done, total, job->progress_data);
}

/* In the worker. */
static void
report_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  lectern_job_report (user_data, done, total, NULL);
}

static gpointer
export_job_run (LecternJob     *job,
                LecternProject  *project,
                gpointer        data,
                GCancellable   *cancellable,
                GError        **error)
{
  ExportJob *export = data;

  if (!lectern_export_to_file (project, export->options, export->dest,
                               export->progress != NULL ? report_progress : NULL, job,
                               cancellable, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

void
lectern_export_to_file_async (GFile                      *project_file,
                              LecternExportOptions       *options,
                              GFile                      *dest,
                              LecternExportProgressFunc   progress,
                              gpointer                    progress_data,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  g_autoptr(LecternJob) job = NULL;
  ExportJob *export;

  g_return_if_fail (G_IS_FILE (project_file));
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (options));
  g_return_if_fail (G_IS_FILE (dest));

  export = g_new0 (ExportJob, 1);
  export->options = lectern_export_options_copy (options);
  export->dest = g_object_ref (dest);
  export->progress = progress;
  export->progress_data = progress_data;

  job = lectern_job_new (project_file, export_job_run, export, (GDestroyNotify) export_job_free, NULL);
  if (progress != NULL)
    lectern_job_set_progress (job, deliver_progress, export);
  lectern_job_run_async (job, lectern_export_to_file_async, cancellable, callback, user_data);
}

gboolean
lectern_export_to_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  return lectern_job_propagate (result, lectern_export_to_file_async, error) != NULL;
}
