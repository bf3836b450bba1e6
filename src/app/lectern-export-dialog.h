/* lectern-export-dialog.h — exports annotated notes: format, grouping,
 * filters, per-format options and destination; runs off the main thread
 * with progress and Cancel. Remembers the last format and folder.
 *
 * Property "busy" (notified); signal "finished" (gboolean ok) when an
 * export ends, written, failed or cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-core.h"
#include "lectern-export.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_EXPORT_DIALOG (lectern_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LecternExportDialog, lectern_export_dialog, LECTERN, EXPORT_DIALOG, AdwWindow)

/* @document_id: the current document (offered as a filter), or 0. */
LecternExportDialog *lectern_export_dialog_new             (GtkWindow            *parent,
                                                            LecternProject        *project,
                                                            gint64                document_id);
LecternExportFormat  lectern_export_dialog_get_format      (LecternExportDialog  *self);
void                 lectern_export_dialog_set_format      (LecternExportDialog  *self,
                                                            LecternExportFormat   format);
/* Where the export goes; set by the file chooser. (transfer none) */
GFile               *lectern_export_dialog_get_destination (LecternExportDialog  *self);
void                 lectern_export_dialog_set_destination (LecternExportDialog  *self,
                                                            GFile                *file);
/* The options the dialog's fields make. (transfer full) */
LecternExportOptions *lectern_export_dialog_dup_options    (LecternExportDialog  *self);
gboolean             lectern_export_dialog_get_busy        (LecternExportDialog  *self);
/* Presets the tag filter to @tag_id (0: any tag) and its sub-tags switch. */
void                 lectern_export_dialog_set_tag_filter  (LecternExportDialog  *self,
                                                            gint64                tag_id,
                                                            gboolean              with_subtags);

G_END_DECLS
