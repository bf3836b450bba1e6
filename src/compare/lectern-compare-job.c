/* lectern-compare-job.c — comparing two stored documents, and finding a
 * passage, on or off the calling thread
 *
 * The async variants copy their input into a task and run the same worker
 * as the sync ones in a thread, on a connection of their own to the
 * project file: a LecternCorpus belongs to the thread that opened it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-aligner.h"
#include "lectern-compare-job.h"
#include "lectern-shared-passages.h"

GArray *
lectern_compare_documents (LecternCorpus         *corpus,
                           gint64                 a,
                           gint64                 b,
                           LecternCompareMode     mode,
                           LecternWordDiffFlags   flags,
                           LecternDiffSummary    *summary,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  LecternDiffSummary zero = { 0 };

  g_return_val_if_fail (LECTERN_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (summary != NULL)
    *summary = zero;

  text_a = lectern_corpus_dup_text (corpus, a, error);
  if (text_a == NULL)
    return NULL;
  text_b = lectern_corpus_dup_text (corpus, b, error);
  if (text_b == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  switch (mode)
    {
    case LECTERN_COMPARE_MODE_VERSIONS:
      return lectern_word_diff (text_a, text_b, flags, summary);

    case LECTERN_COMPARE_MODE_TRANSLATION:
      {
        g_autoptr(LecternDocument) doc_a = lectern_corpus_dup_document (corpus, a, error);
        g_autoptr(LecternDocument) doc_b = NULL;
        g_autoptr(GArray) fixed = NULL;

        if (doc_a == NULL)
          return NULL;
        doc_b = lectern_corpus_dup_document (corpus, b, error);
        if (doc_b == NULL)
          return NULL;
        fixed = lectern_corpus_dup_alignment (corpus, a, b, error);
        if (fixed == NULL)
          return NULL;

        return lectern_align (text_a, lectern_document_get_language (doc_a),
                              text_b, lectern_document_get_language (doc_b),
                              (const LecternSpanPair *) (gpointer) fixed->data, fixed->len);
      }

    case LECTERN_COMPARE_MODE_SHARED:
      return lectern_shared_passages (text_a, text_b, 0);

    default:
      g_set_error (error, LECTERN_COMPARE_ERROR, LECTERN_COMPARE_ERROR_INVALID,
                   _("Unknown comparison mode %d: use versions, translation or shared"),
                   (int) mode);
      return NULL;
    }
}

typedef struct
{
  GFile                *project;
  gint64                a;
  gint64                b;
  LecternCompareMode    mode;
  LecternWordDiffFlags  flags;
  glong                 start;
  glong                 end;
  LecternDiffSummary    summary;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->project);
  g_free (job);
}

static Job *
job_new (GFile *project)
{
  Job *job = g_new0 (Job, 1);

  job->project = g_object_ref (project);

  return job;
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(LecternCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  GArray *chunks;

  corpus = lectern_corpus_open (job->project, &error);
  if (corpus == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  chunks = lectern_compare_documents (corpus, job->a, job->b, job->mode, job->flags,
                                      &job->summary, cancellable, &error);
  if (chunks == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, chunks, (GDestroyNotify) g_array_unref);
}

void
lectern_compare_documents_async (GFile                 *project,
                                 gint64                 a,
                                 gint64                 b,
                                 LecternCompareMode     mode,
                                 LecternWordDiffFlags   flags,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (G_IS_FILE (project));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (project);
  job->a = a;
  job->b = b;
  job->mode = mode;
  job->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lectern_compare_documents_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, compare_thread);
}

GArray *
lectern_compare_documents_finish (GAsyncResult        *result,
                                  LecternDiffSummary  *summary,
                                  GError             **error)
{
  GArray *chunks;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lectern_compare_documents_async, NULL);

  chunks = g_task_propagate_pointer (G_TASK (result), error);
  if (summary != NULL)
    {
      Job *job = g_task_get_task_data (G_TASK (result));
      LecternDiffSummary zero = { 0 };

      *summary = chunks != NULL ? job->summary : zero;
    }

  return chunks;
}

static void
where_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(LecternCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  GArray *places;

  corpus = lectern_corpus_open (job->project, &error);
  if (corpus == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  places = lectern_where (corpus, job->a, job->start, job->end, cancellable, &error);
  if (places == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, places, (GDestroyNotify) g_array_unref);
}

void
lectern_where_async (GFile               *project,
                     gint64               document_id,
                     glong                start,
                     glong                end,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (G_IS_FILE (project));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (project);
  job->a = document_id;
  job->start = start;
  job->end = end;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lectern_where_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, where_thread);
}

GArray *
lectern_where_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lectern_where_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
