/* lectern-zip-archive-private.h — the entries of a zip archive (DOCX, ODT, EPUB)
 * read from memory, defensively. Private to src/import.
 *
 * Nothing is written to disk. The number of entries, each entry's and all
 * entries' decompressed size, and the ratio of decompressed to compressed
 * bytes are bounded, counting the bytes really decompressed (a header's
 * declared size can lie). Entries whose path leaves the archive (absolute,
 * "..") or that are links or special files are refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_COMPILATION)
# error "lectern-zip-archive-private.h is private to src/import."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

/* Defaults: generous for any real office document or book. */
#define LECTERN_ZIP_ARCHIVE_MAX_ENTRIES     10000
#define LECTERN_ZIP_ARCHIVE_MAX_ENTRY_SIZE  (128 * 1024 * 1024)
#define LECTERN_ZIP_ARCHIVE_MAX_TOTAL_SIZE  (512 * 1024 * 1024)
/* Decompressed bytes per byte of archive, past a floor under which any
 * ratio is harmless (text compresses well; a zip bomb by far better). */
#define LECTERN_ZIP_ARCHIVE_MAX_RATIO       200
#define LECTERN_ZIP_ARCHIVE_RATIO_FLOOR     (8 * 1024 * 1024)

#define LECTERN_TYPE_ZIP_ARCHIVE (lectern_zip_archive_get_type ())

G_DECLARE_FINAL_TYPE (LecternZipArchive, lectern_zip_archive, LECTERN, ZIP_ARCHIVE, GObject)

/* Whether to keep an entry's bytes; the others are only counted. */
typedef gboolean (*LecternZipArchiveWanted) (const char *path,
                                             gpointer    user_data);

/* Reads @bytes as a zip archive, keeping the entries @wanted accepts
 * (all when NULL). @display_name names the file in messages. Errors are
 * LECTERN_IMPORT_ERROR: _INVALID (not a zip), _DAMAGED, _TOO_LARGE,
 * _UNSAFE; or G_IO_ERROR_CANCELLED. */
LecternZipArchive *lectern_zip_archive_new_from_bytes (GBytes                   *bytes,
                                                       const char               *display_name,
                                                       LecternZipArchiveWanted   wanted,
                                                       gpointer                  user_data,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);

/* The bytes of a kept entry, or NULL. Followed by a NUL not counted in
 * their size. (transfer none) */
GBytes            *lectern_zip_archive_get_entry      (LecternZipArchive        *self,
                                                       const char               *path);
/* Every entry's path in the archive, kept or not, in archive order.
 * (transfer none) (element-type utf8) */
GPtrArray         *lectern_zip_archive_get_paths      (LecternZipArchive        *self);

/* For tests: the bounds (0 keeps a bound's default; all 0 restores the
 * defaults). Not thread-safe; never called by Lectern itself. */
void               _lectern_zip_archive_set_limits    (guint                     max_entries,
                                                       gint64                    max_entry_size,
                                                       gint64                    max_total_size);

G_END_DECLS
