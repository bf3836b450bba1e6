/* lectern-importer.c — plain-text files into a Lectern project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-core.h"
#include "lectern-import-error.h"
#include "lectern-importer.h"
#include "lectern-metadata-guesser.h"
#include "lectern-text-decoder.h"

/* The name a person knows the file by. */
static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/* "report.final.txt" → "report.final": the title of last resort. */
static char *
title_from_name (const char *display_name)
{
  const char *dot = strrchr (display_name, '.');

  if (dot == NULL || dot == display_name)
    return g_strdup (display_name);

  return g_strndup (display_name, dot - display_name);
}

static gboolean
set_read_error (GError     **error,
                GError      *local_error,
                const char  *display_name)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ,
               _("“%s” could not be read: %s"), display_name, local_error->message);
  g_error_free (local_error);

  return FALSE;
}

LecternDocument *
lectern_importer_read_file (GFile         *file,
                            char         **text,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(LecternDocument) document = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *encoding = NULL;
  GError *local_error = NULL;
  const char *data;
  gsize replaced_bytes = 0;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = dup_display_name (file);

  /* Checked by type before it is opened (a FIFO would block, /dev/zero
   * would stream without end), by size before and while it is read, and
   * refused when it is a project this process has open. */
  contents = lectern_input_file_load (file, LECTERN_TEXT_DECODER_MAX_SIZE, cancellable, &local_error);
  if (contents == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ,
                     _("“%s” is a folder, not a text file"), display_name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
        g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ,
                     _("“%s” is not a regular file but a pipe, a device or a socket: Lectern imports only files"),
                     display_name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_BUSY))
        g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_BINARY,
                     _("“%s” is an open Lectern project, not a document"), display_name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                     _("“%s” is too large to import (the limit is %d MB)"),
                     display_name, LECTERN_TEXT_DECODER_MAX_SIZE / (1024 * 1024));
      else
        {
          set_read_error (error, local_error, display_name);
          local_error = NULL;
        }
      g_clear_error (&local_error);
      return NULL;
    }

  data = g_bytes_get_data (contents, &len);
  stored = lectern_text_decoder_decode (len > 0 ? data : "", len, display_name, &encoding,
                                        &replaced_bytes, error);
  if (stored == NULL)
    return NULL;

  document = lectern_document_new ();
  lectern_document_set_original_name (document, display_name);
  lectern_document_set_encoding (document, encoding);
  /* Kept with the document, so that the repair is never silent: the
   * text holds U+FFFD where those bytes were. */
  if (replaced_bytes > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GSIZE_FORMAT, replaced_bytes);

      lectern_document_set_variable (document, LECTERN_IMPORTER_REPLACED_BYTES, count);
    }
  lectern_metadata_guess (document, stored);
  if (lectern_document_get_title (document) == NULL)
    {
      g_autofree char *title = title_from_name (display_name);

      lectern_document_set_title (document, title);
    }

  if (text != NULL)
    *text = g_steal_pointer (&stored);

  return g_steal_pointer (&document);
}

/* Files are added a batch at a time (lectern_corpus_begin_batch()): one
 * commit, one sync to disk and one flush of the search index for many
 * small files instead of one each. A batch is committed once it has run
 * this long or holds this much text, so that other writers (the app's
 * edits while a background import runs) wait for the lock no longer than
 * for one large file, and a file's result is reported only once its
 * batch is committed: nothing reported can be lost, nothing half
 * imported is ever visible. */
#define BATCH_TIME (250 * G_TIME_SPAN_MILLISECOND)
#define BATCH_BYTES (32 * 1024 * 1024)

typedef struct
{
  LecternCorpus *corpus;
  GListStore    *results;   /* reported: committed, or refused */
  GPtrArray     *pending;   /* results of the open batch */
  gboolean       open;
  gint64         started;
  gsize          bytes;
} Batch;

/* Reports the open batch's files: as imported if it commits, refused
 * with the reason if it does not (then none of them was kept). */
static void
batch_commit (Batch *batch)
{
  g_autoptr(GError) commit_error = NULL;
  gboolean committed;

  if (!batch->open)
    return;

  batch->open = FALSE;
  committed = lectern_corpus_commit_batch (batch->corpus, &commit_error);

  for (guint i = 0; i < batch->pending->len; i++)
    {
      LecternImportResult *result = g_ptr_array_index (batch->pending, i);

      if (!committed && lectern_import_result_get_succeeded (result))
        {
          const char *display_name = lectern_import_result_get_display_name (result);
          g_autoptr(LecternImportResult) failure = NULL;
          g_autoptr(GError) file_error = g_error_copy (commit_error);

          g_prefix_error (&file_error, _("“%s” was not imported: "), display_name);
          failure = lectern_import_result_new_failure (lectern_import_result_get_file (result),
                                                       display_name, file_error);
          g_list_store_append (batch->results, failure);
        }
      else
        g_list_store_append (batch->results, result);
    }
  g_ptr_array_set_size (batch->pending, 0);
}

/* Adds one file; FALSE only when cancelled. */
static gboolean
import_one (Batch         *batch,
            GFile         *file,
            const char    *display_name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(LecternImportResult) result = NULL;
  g_autoptr(LecternDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  /* Read before the write lock is taken. */
  document = lectern_importer_read_file (file, &text, cancellable, &local_error);

  if (document == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (document != NULL && !batch->open)
    {
      /* Without a batch (the caller has one open, or the lock is not to
       * be had) the document is added on its own, as it always can be. */
      batch->open = lectern_corpus_begin_batch (batch->corpus, NULL);
      batch->started = g_get_monotonic_time ();
      batch->bytes = 0;
    }

  if (document != NULL
      && lectern_corpus_add_document (batch->corpus, document, text, &local_error) == 0)
    {
      g_autoptr(GError) corpus_error = g_steal_pointer (&local_error);

      if (g_error_matches (corpus_error, LECTERN_CORPUS_ERROR, LECTERN_CORPUS_ERROR_DUPLICATE))
        g_set_error (&local_error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DUPLICATE,
                     _("“%s” was not imported: %s"), display_name, corpus_error->message);
      else
        {
          local_error = g_steal_pointer (&corpus_error);
          g_prefix_error (&local_error, _("“%s” was not imported: "), display_name);
        }
      g_clear_object (&document);
    }

  if (document != NULL)
    result = lectern_import_result_new_success (file, display_name, document);
  else
    result = lectern_import_result_new_failure (file, display_name, local_error);

  if (batch->open)
    {
      g_ptr_array_add (batch->pending, g_steal_pointer (&result));
      batch->bytes += text != NULL ? strlen (text) : 0;
      if (batch->bytes >= BATCH_BYTES || g_get_monotonic_time () - batch->started >= BATCH_TIME)
        batch_commit (batch);
    }
  else
    g_list_store_append (batch->results, result);

  return TRUE;
}

GListModel *
lectern_importer_import_files (LecternCorpus              *corpus,
                               GFile                     **files,
                               guint                       n_files,
                               LecternImportProgressFunc   progress,
                               gpointer                    progress_data,
                               GCancellable               *cancellable,
                               GError                    **error)
{
  g_autoptr(GListStore) results = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) fingerprint_error = NULL;
  Batch batch = { 0 };

  g_return_val_if_fail (LECTERN_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < n_files; i++)
    g_return_val_if_fail (G_IS_FILE (files[i]), NULL);

  results = g_list_store_new (LECTERN_TYPE_IMPORT_RESULT);
  pending = g_ptr_array_new_with_free_func (g_object_unref);
  batch = (Batch) { corpus, results, pending, FALSE, 0, 0 };

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *display_name = NULL;

      /* The files added before a cancellation stay, as if each had been
       * committed on its own. */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          batch_commit (&batch);
          return NULL;
        }

      display_name = dup_display_name (files[i]);
      if (progress != NULL)
        progress (i, n_files, display_name, progress_data);

      if (!import_one (&batch, files[i], display_name, cancellable, error))
        {
          batch_commit (&batch);
          return NULL;
        }
    }

  batch_commit (&batch);

  if (progress != NULL)
    progress (n_files, n_files, NULL, progress_data);

  /* The documents are in; their fingerprints (for shared passages) are
   * written now for all of them at once, far cheaper than file by file.
   * Cut off here (killed, cancelled, disk full), they are written by the
   * next import or comparison: nothing is lost, so the import succeeded. */
  if (!lectern_corpus_update_fingerprints (corpus, cancellable, &fingerprint_error)
      && !g_error_matches (fingerprint_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("%s", fingerprint_error->message);

  return G_LIST_MODEL (g_steal_pointer (&results));
}

/* ------------------------------------------------------------------ */
/* In a worker thread                                                  */

typedef struct
{
  GPtrArray                 *files;
  LecternImportProgressFunc  progress;
  gpointer                   progress_data;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *import = data;

  g_clear_pointer (&import->files, g_ptr_array_unref);
  g_free (import);
}

/* The job's progress, on the caller's context. */
static void
deliver_progress (guint       done,
                  guint       total,
                  const char *current_name,
                  gpointer    data)
{
  ImportJob *import = data;

  import->progress (done, total, current_name, import->progress_data);
}

/* In the worker. */
static void
report_progress (guint       done,
                 guint       total,
                 const char *current_name,
                 gpointer    data)
{
  lectern_job_report (data, done, total, current_name);
}

static gpointer
import_job_run (LecternJob     *job,
                LecternCorpus  *corpus,
                gpointer        data,
                GCancellable   *cancellable,
                GError        **error)
{
  ImportJob *import = data;

  return lectern_importer_import_files (corpus, (GFile **) import->files->pdata, import->files->len,
                                        import->progress != NULL ? report_progress : NULL, job,
                                        cancellable, error);
}

void
lectern_importer_import_files_async (GFile                     *project,
                                     GFile                    **files,
                                     guint                      n_files,
                                     LecternImportProgressFunc  progress,
                                     gpointer                   progress_data,
                                     GCancellable              *cancellable,
                                     GAsyncReadyCallback        callback,
                                     gpointer                   user_data)
{
  g_autoptr(LecternJob) job = NULL;
  ImportJob *import;

  g_return_if_fail (G_IS_FILE (project));
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  import = g_new0 (ImportJob, 1);
  import->files = g_ptr_array_new_full (n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (import->files, g_object_ref (files[i]));
  import->progress = progress;
  import->progress_data = progress_data;

  job = lectern_job_new (project, import_job_run, import, import_job_free, g_object_unref);
  if (progress != NULL)
    lectern_job_set_progress (job, deliver_progress, import);
  lectern_job_run_async (job, lectern_importer_import_files_async, cancellable, callback, user_data);
}

GListModel *
lectern_importer_import_files_finish (GAsyncResult  *result,
                                      GError       **error)
{
  return lectern_job_propagate (result, lectern_importer_import_files_async, error);
}
