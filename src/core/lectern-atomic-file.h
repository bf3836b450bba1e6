/* lectern-atomic-file.h — a file written whole or not at all: the data
 * goes to a temporary file beside the destination (".NAME.XXXXXX"), which
 * is synced to disk and renamed into place only once complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  LECTERN_ATOMIC_FILE_NONE = 0,
  /* Only reserve the temporary name: the file is not left there, for a
   * writer that creates it itself (SQLite, lectern_project_create()). */
  LECTERN_ATOMIC_FILE_NAME_ONLY = 1 << 0,
  /* Commit refuses to replace an existing destination (G_IO_ERROR_EXISTS). */
  LECTERN_ATOMIC_FILE_NO_REPLACE = 1 << 1,
} LecternAtomicFileFlags;

typedef struct _LecternAtomicFile LecternAtomicFile;

/* Makes the temporary file beside @dest (mode 0666 less the umask, or
 * that of an existing @dest). Errors are G_IO_ERRORs whose message is the
 * reason only: the caller names the file. (transfer full) */
LecternAtomicFile *lectern_atomic_file_new           (GFile                   *dest,
                                                      LecternAtomicFileFlags   flags,
                                                      GError                 **error);
/* The temporary file's path, for writers that open it by name. */
const char        *lectern_atomic_file_get_temp_path (LecternAtomicFile       *self);
/* A stream onto the temporary file (not with NAME_ONLY). (transfer none) */
GOutputStream     *lectern_atomic_file_get_stream    (LecternAtomicFile       *self);
/* Syncs the temporary file, renames it to the destination and syncs the
 * folder. On failure the temporary file is removed and any previous
 * destination is as it was. */
gboolean           lectern_atomic_file_commit        (LecternAtomicFile       *self,
                                                      GError                 **error);
/* Removes the temporary file (and the journal files SQLite may leave
 * beside it) unless committed, and frees @self. */
void               lectern_atomic_file_free          (LecternAtomicFile       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternAtomicFile, lectern_atomic_file_free)

G_END_DECLS
