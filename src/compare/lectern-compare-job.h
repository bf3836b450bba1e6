/* lectern-compare-job.h — comparing two stored documents, and finding a
 * passage, on or off the calling thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_COMPARE_INSIDE) && !defined (LECTERN_COMPARE_COMPILATION)
# error "Only <lectern-compare.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-comparison.h"
#include "lectern-core.h"
#include "lectern-word-diff.h"

G_BEGIN_DECLS

/* Compares the stored texts of documents @a and @b in @mode: versions with
 * @flags, translation with the documents' languages and the hand
 * corrections saved in the project, shared passages.
 * @summary: (out) (optional): filled for versions, zeroed otherwise.
 * Returns: (transfer full) element-type LecternChunk, or NULL with @error
 * set (a missing document: LECTERN_PROJECT_ERROR_NOT_FOUND; cancelled:
 * G_IO_ERROR_CANCELLED). */
GArray  *lectern_compare_documents        (LecternProject         *project,
                                           gint64                 a,
                                           gint64                 b,
                                           LecternCompareMode     mode,
                                           LecternWordDiffFlags   flags,
                                           LecternDiffSummary    *summary,
                                           GCancellable          *cancellable,
                                           GError               **error);

/* The same in a worker thread with its own connection to @project (the
 * project file), so the caller's LecternProject stays on its thread. */
void     lectern_compare_documents_async  (GFile                 *project_file,
                                           gint64                 a,
                                           gint64                 b,
                                           LecternCompareMode     mode,
                                           LecternWordDiffFlags   flags,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
/* (transfer full) element-type LecternChunk, or NULL with @error set. */
GArray  *lectern_compare_documents_finish (GAsyncResult          *result,
                                           LecternDiffSummary    *summary,
                                           GError               **error);

/* lectern_where() in a worker thread with its own connection to @project. */
void     lectern_where_async              (GFile                 *project_file,
                                           gint64                 document_id,
                                           glong                  start,
                                           glong                  end,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
/* (transfer full) element-type LecternPlace, or NULL with @error set. */
GArray  *lectern_where_finish             (GAsyncResult          *result,
                                           GError               **error);

G_END_DECLS
