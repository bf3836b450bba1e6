/* lectern-import-sources.h — what an import of some files and folders
 * reads: every folder replaced by the documents it holds.
 *
 * A folder is read recursively, its entries in the order a file manager
 * shows them (by name, numbers by value: "2.txt" before "10.txt").
 * Hidden entries (".git", "~$draft.docx" lock files, ".DS_Store") are
 * left out, and so is the "NAME_files" folder that a browser saves beside
 * "NAME.html" ("web page, complete"): the page is imported, its pictures
 * and scripts are not. Links are not followed, so a folder cannot lead
 * back into itself or out of the tree the user chose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

/* The bounds of one import: past them a folder is refused whole. */
#define LECTERN_IMPORT_SOURCES_MAX_FILES 20000
#define LECTERN_IMPORT_SOURCES_MAX_DEPTH 32

/* One thing to import: a file, or a folder refused with @error. */
typedef struct
{
  GFile  *file;
  GError *error;   /* nullable: why @file, a folder, is not imported */
} LecternImportSource;

/* @files in order, each folder replaced by the files it holds (see
 * above); a folder that cannot be listed, or that holds more than
 * LECTERN_IMPORT_SOURCES_MAX_FILES files or folders nested deeper than
 * LECTERN_IMPORT_SOURCES_MAX_DEPTH, is one source with an error
 * (LECTERN_IMPORT_ERROR_READ or _TOO_LARGE) naming it and the reason.
 * Returns: (transfer full) (element-type LecternImportSource), or NULL
 * with G_IO_ERROR_CANCELLED. */
GPtrArray *lectern_import_sources_expand (GFile         **files,
                                          guint           n_files,
                                          GCancellable   *cancellable,
                                          GError        **error);

G_END_DECLS
