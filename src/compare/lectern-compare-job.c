/* lectern-compare-job.c — comparing two stored documents, and finding a
 * passage, on or off the calling thread
 *
 * The async variants copy their input into a task and run the same worker
 * as the sync ones in a thread, on a connection of their own to the
 * project file: a LecternProject belongs to the thread that opened it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-aligner.h"
#include "lectern-compare-job.h"
#include "lectern-core.h"
#include "lectern-shared-passages.h"

GArray *
lectern_compare_documents (LecternProject         *project,
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

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (summary != NULL)
    *summary = zero;

  text_a = lectern_project_dup_text (project, a, error);
  if (text_a == NULL)
    return NULL;
  text_b = lectern_project_dup_text (project, b, error);
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
        g_autoptr(LecternDocument) doc_a = lectern_project_dup_document (project, a, error);
        g_autoptr(LecternDocument) doc_b = NULL;
        g_autoptr(GArray) fixed = NULL;

        if (doc_a == NULL)
          return NULL;
        doc_b = lectern_project_dup_document (project, b, error);
        if (doc_b == NULL)
          return NULL;
        fixed = lectern_project_dup_alignment (project, a, b, error);
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
  gint64                a;
  gint64                b;
  LecternCompareMode    mode;
  LecternWordDiffFlags  flags;
  glong                 start;
  glong                 end;
  LecternDiffSummary    summary;
} Job;

static gpointer
compare_job_run (LecternJob     *job,
                 LecternProject  *project,
                 gpointer        data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  Job *compare = data;

  return lectern_compare_documents (project, compare->a, compare->b, compare->mode, compare->flags,
                                    &compare->summary, cancellable, error);
}

void
lectern_compare_documents_async (GFile                 *project_file,
                                 gint64                 a,
                                 gint64                 b,
                                 LecternCompareMode     mode,
                                 LecternWordDiffFlags   flags,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_autoptr(LecternJob) job = NULL;
  Job *compare;

  g_return_if_fail (G_IS_FILE (project_file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  compare = g_new0 (Job, 1);
  compare->a = a;
  compare->b = b;
  compare->mode = mode;
  compare->flags = flags;

  job = lectern_job_new (project_file, compare_job_run, compare, g_free, (GDestroyNotify) g_array_unref);
  lectern_job_run_async (job, lectern_compare_documents_async, cancellable, callback, user_data);
}

GArray *
lectern_compare_documents_finish (GAsyncResult        *result,
                                  LecternDiffSummary  *summary,
                                  GError             **error)
{
  GArray *chunks = lectern_job_propagate (result, lectern_compare_documents_async, error);

  if (summary != NULL)
    {
      Job *compare = lectern_job_get_data (lectern_job_from_result (result));
      LecternDiffSummary zero = { 0 };

      *summary = chunks != NULL ? compare->summary : zero;
    }

  return chunks;
}

static gpointer
where_job_run (LecternJob     *job,
               LecternProject  *project,
               gpointer        data,
               GCancellable   *cancellable,
               GError        **error)
{
  Job *where = data;

  return lectern_where (project, where->a, where->start, where->end, cancellable, error);
}

void
lectern_where_async (GFile               *project_file,
                     gint64               document_id,
                     glong                start,
                     glong                end,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(LecternJob) job = NULL;
  Job *where;

  g_return_if_fail (G_IS_FILE (project_file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  where = g_new0 (Job, 1);
  where->a = document_id;
  where->start = start;
  where->end = end;

  job = lectern_job_new (project_file, where_job_run, where, g_free, (GDestroyNotify) g_array_unref);
  lectern_job_run_async (job, lectern_where_async, cancellable, callback, user_data);
}

GArray *
lectern_where_finish (GAsyncResult  *result,
                      GError       **error)
{
  return lectern_job_propagate (result, lectern_where_async, error);
}
