/* lectern-importer.h — files into a Lectern project, whatever their
 * format (lectern-format.h: plain text, Markdown, and each reader of
 * lectern-format-readers.h as it is listed there).
 *
 * Importing several files is one operation with one LecternImportResult
 * per document made, or per refused file, in the order given: a file of
 * several documents (a mailbox) gives one for each. A refused file (bad
 * input, or a text already in the project) does not stop the others, and
 * changes nothing. Each document is added with its original file name,
 * its encoding, the title, author, date and language its format states
 * (else guessed from its text), its variables, its spans of structure,
 * its original bytes (deflated) and format, and the notes of other tools
 * as Lectern notes: all of it or nothing (lectern_project_begin_group()),
 * in transactions of several files (each committed within a quarter of a
 * second); a file's result exists only once its transaction is
 * committed. What a reader could not do is in the result's warnings. The
 * fingerprints of the new documents (lectern_project_update_fingerprints())
 * are written at the end, after the last progress call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-core.h"
#include "lectern-import-error.h"
#include "lectern-import-result.h"

G_BEGIN_DECLS

/* The document variable that records how many bytes of a file that was
 * UTF-8 with a few damaged bytes were replaced with U+FFFD on import
 * (lectern_text_decoder_decode()); absent when none were. */
#define LECTERN_IMPORTER_REPLACED_BYTES "replaced-bytes"

/* Called before each file (@done files finished, @current_name the display
 * name of the next one) and once at the end (@done == @total,
 * @current_name NULL). */
typedef void (*LecternImportProgressFunc) (guint       done,
                                           guint       total,
                                           const char *current_name,
                                           gpointer    data);

/* Reads, decodes and inspects one file; touches no project. Sets the
 * title, language, date, original name and encoding of the returned
 * document (which has no id yet): the first the file holds.
 * @text: (out) (optional): the stored text.
 * Returns: (transfer full): a new document, or NULL with @error set
 * (LECTERN_IMPORT_ERROR, or G_IO_ERROR_CANCELLED). */
LecternDocument *lectern_importer_read_file          (GFile                     *file,
                                                      char                     **text,
                                                      GCancellable              *cancellable,
                                                      GError                   **error);

/* Imports @files into @project, on the calling thread. @progress (nullable)
 * is called on this thread.
 *
 * Returns: (transfer full): a GListModel of LecternImportResult, one per
 * file in order, refused files included. NULL with G_IO_ERROR_CANCELLED
 * only when @cancellable was cancelled while files were being added: the
 * files added before that stay in the project (their transaction is
 * committed); nothing of the file being imported when it happened is
 * written. Cancelled while fingerprinting, the results are returned: every
 * document is in, and its fingerprints are written later. */
GListModel      *lectern_importer_import_files       (LecternProject             *project,
                                                      GFile                    **files,
                                                      guint                      n_files,
                                                      LecternImportProgressFunc  progress,
                                                      gpointer                   progress_data,
                                                      GCancellable              *cancellable,
                                                      GError                   **error);

/* The same in a worker thread, which opens its own LecternProject on the
 * project file @project (a project is one SQLite connection of one
 * thread); the caller's project sees the new documents after
 * lectern_project_refresh(). @progress is called on the thread-default
 * main context of the caller, never from the worker, and never after
 * @callback: @progress_data must stay alive until @callback runs.
 * @files are copied. */
void             lectern_importer_import_files_async  (GFile                     *project_file,
                                                       GFile                    **files,
                                                       guint                      n_files,
                                                       LecternImportProgressFunc  progress,
                                                       gpointer                   progress_data,
                                                       GCancellable              *cancellable,
                                                       GAsyncReadyCallback        callback,
                                                       gpointer                   user_data);
/* Returns: (transfer full): as lectern_importer_import_files(); also NULL
 * with a LECTERN_PROJECT_ERROR when the project cannot be opened. */
GListModel      *lectern_importer_import_files_finish (GAsyncResult              *result,
                                                       GError                   **error);

G_END_DECLS
