/* lectern-input-file.h — reading a file that came from elsewhere, bounded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

/* Refuses what is not a regular file (checked by type before anything is
 * opened, so a FIFO cannot block and a device cannot stream forever), or,
 * when @max_size is not 0, a file whose size is over @max_size. Errors are
 * G_IO_ERROR: IS_DIRECTORY, NOT_REGULAR_FILE, MESSAGE_TOO_LARGE (their
 * messages name the file and the reason) or GIO's own error. */
gboolean  lectern_input_file_check (GFile         *file,
                                    gsize          max_size,
                                    GCancellable  *cancellable,
                                    GError       **error);
/* lectern_input_file_check(), then reads the file; reading stops with
 * G_IO_ERROR_MESSAGE_TOO_LARGE as soon as more than @max_size bytes came
 * (a file can grow after its size was read). The bytes are followed by a
 * NUL not counted in their size. (transfer full) */
GBytes   *lectern_input_file_load  (GFile         *file,
                                    gsize          max_size,
                                    GCancellable  *cancellable,
                                    GError       **error);

G_END_DECLS
