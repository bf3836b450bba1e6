/* lectern-document-dialog.h — edits a document's metadata and variables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_DOCUMENT_DIALOG (lectern_document_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LecternDocumentDialog, lectern_document_dialog, LECTERN, DOCUMENT_DIALOG, AdwWindow)

LecternDocumentDialog *lectern_document_dialog_new     (LecternProject         *project,
                                                        gint64                 document_id);
/* Opens the dialog over @parent. */
void                   lectern_document_dialog_present (GtkWindow             *parent,
                                                        LecternProject         *project,
                                                        gint64                 document_id);
/* Writes the fields into the project. FALSE with @error when refused. */
gboolean               lectern_document_dialog_save    (LecternDocumentDialog *self,
                                                        GError               **error);

G_END_DECLS
