/* lectern-qdpx-reader.h — imports a REFI-QDA project (.qdpx) into a new
 * Lectern project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-core.h"

G_BEGIN_DECLS

/* Archive limits: a .qdpx past these is refused (TOO_LARGE). */
#define LECTERN_QDPX_MAX_ENTRIES           10000
#define LECTERN_QDPX_MAX_ENTRY_SIZE        (G_GINT64_CONSTANT (256) * 1024 * 1024)
#define LECTERN_QDPX_MAX_TOTAL_SIZE        (G_GINT64_CONSTANT (1024) * 1024 * 1024)
/* Text selections and codings on one source: past this it is refused. */
#define LECTERN_QDPX_MAX_SELECTIONS        100000

/* Reads @qdpx (its entries in memory, nothing extracted to disk) and builds
 * a new project at @new_project from it: text sources with their plain
 * text, the codebook with colours, nesting and descriptions, coded text
 * selections with their positions (code points) and notes, source
 * variables, and memos on the project, sources and codes.
 *
 * Text sources are kept, and PDF sources that carry a text representation
 * (their text and the selections on it); pictures, sound, video, PDFs
 * without text and regions coded on a PDF's pages cannot be, and one line
 * for each, for the user, goes to @skipped (may be NULL).
 *
 * Refuses, writing nothing: an existing @new_project (EXISTS); entries
 * that leave the archive's root, links (UNSAFE); archives past the limits
 * above (TOO_LARGE); damaged archives (DAMAGED); a @qdpx that is not a
 * regular file, a project.qde that is not REFI-QDA, refers to missing
 * parts or has a selection outside its text or ending before it starts
 * (INVALID). On any failure the
 * half-built project is removed.
 *
 * Returns the new project, open. (transfer full) */
LecternProject *lectern_qdpx_import        (GFile               *qdpx,
                                           GFile               *new_project,
                                           GPtrArray          **skipped,
                                           GCancellable        *cancellable,
                                           GError             **error);

/* The same in a worker thread, for the app: the new project is closed
 * again when done, for the caller to open. */
void           lectern_qdpx_import_async  (GFile               *qdpx,
                                           GFile               *new_project,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* TRUE when @new_project was made; @skipped (may be NULL) as above. */
gboolean       lectern_qdpx_import_finish (GAsyncResult        *result,
                                           GPtrArray          **skipped,
                                           GError             **error);

G_END_DECLS
