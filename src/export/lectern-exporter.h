/* lectern-exporter.h — writes the annotations of a corpus in one of the
 * export formats, to a file (atomically), a stream, or off the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_EXPORT_INSIDE) && !defined (LECTERN_EXPORT_COMPILATION)
# error "Only <lectern-export.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-core.h"
#include "lectern-export-options.h"

G_BEGIN_DECLS

#define LECTERN_EXPORT_ERROR (lectern_export_error_quark ())

typedef enum
{
  LECTERN_EXPORT_ERROR_FAILED,     /* anything else; the message says what */
  LECTERN_EXPORT_ERROR_WRITE,      /* the destination could not be written */
  LECTERN_EXPORT_ERROR_DAMAGED,    /* the project holds what cannot be exported (a passage outside its text) */
} LecternExportError;

GQuark lectern_export_error_quark (void);

/* Called now and then with the number of annotations written so far and
 * the number to write. */
typedef void (*LecternExportProgressFunc) (guint    done,
                                           guint    total,
                                           gpointer user_data);

/* Writes the export to @stream (e.g. stdout for the CLI). Does not close
 * @stream. */
gboolean lectern_export_to_stream      (LecternProject              *project,
                                        LecternExportOptions       *options,
                                        GOutputStream              *stream,
                                        LecternExportProgressFunc   progress,
                                        gpointer                    progress_data,
                                        GCancellable               *cancellable,
                                        GError                    **error);

/* Writes the export to @dest atomically: the data goes to a temporary file
 * beside @dest that replaces it only once complete, so an error or a
 * cancellation leaves any previous @dest as it was. */
gboolean lectern_export_to_file        (LecternProject              *project,
                                        LecternExportOptions       *options,
                                        GFile                      *dest,
                                        LecternExportProgressFunc   progress,
                                        gpointer                    progress_data,
                                        GCancellable               *cancellable,
                                        GError                    **error);

/* The same in a worker thread that opens its own LecternProject on @project
 * (a project is one SQLite connection, one thread). @options is copied.
 * @progress is called on the thread-default main context of the caller;
 * @progress_data must stay valid until @callback runs. */
void     lectern_export_to_file_async  (GFile                      *project_file,
                                        LecternExportOptions       *options,
                                        GFile                      *dest,
                                        LecternExportProgressFunc   progress,
                                        gpointer                    progress_data,
                                        GCancellable               *cancellable,
                                        GAsyncReadyCallback         callback,
                                        gpointer                    user_data);
gboolean lectern_export_to_file_finish (GAsyncResult               *result,
                                        GError                    **error);

G_END_DECLS
