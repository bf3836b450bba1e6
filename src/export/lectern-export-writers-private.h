/* lectern-export-writers-private.h — the format writers the exporter
 * dispatches to; each lives in its own lectern-<format>-writer.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-export-selection-private.h"

G_BEGIN_DECLS

typedef gboolean (*LecternExportWriteFunc) (LecternExportSelection  *selection,
                                            GOutputStream           *out,
                                            GCancellable            *cancellable,
                                            GError                 **error);

gboolean _lectern_markdown_writer_write       (LecternExportSelection  *selection,
                                               GOutputStream           *out,
                                               GCancellable            *cancellable,
                                               GError                 **error);
gboolean _lectern_html_writer_write           (LecternExportSelection  *selection,
                                               GOutputStream           *out,
                                               GCancellable            *cancellable,
                                               GError                 **error);
gboolean _lectern_csv_writer_write            (LecternExportSelection  *selection,
                                               GOutputStream           *out,
                                               GCancellable            *cancellable,
                                               GError                 **error);
gboolean _lectern_web_annotation_writer_write (LecternExportSelection  *selection,
                                               GOutputStream           *out,
                                               GCancellable            *cancellable,
                                               GError                 **error);
gboolean _lectern_qdpx_writer_write           (LecternExportSelection  *selection,
                                               GOutputStream           *out,
                                               GCancellable            *cancellable,
                                               GError                 **error);
gboolean _lectern_pdf_writer_write            (LecternExportSelection  *selection,
                                               GOutputStream           *out,
                                               GCancellable            *cancellable,
                                               GError                 **error);

/* The Markdown escape of @text for inline use: every character Pandoc's
 * Markdown could read as syntax gets a backslash. (transfer full) */
char    *_lectern_markdown_escape             (const char              *text);
/* One CSV cell of a text value as written: quoted when it holds , ; " a
 * tab or a line break, and with an apostrophe before what a spreadsheet
 * would run as a formula. NULL gives "". (transfer full) */
char    *_lectern_csv_escape                  (const char              *value);

G_END_DECLS
