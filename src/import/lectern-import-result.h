/* lectern-import-result.h — what became of one file of an import.
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

#define LECTERN_TYPE_IMPORT_RESULT (lectern_import_result_get_type ())

G_DECLARE_FINAL_TYPE (LecternImportResult, lectern_import_result, LECTERN, IMPORT_RESULT, GObject)

/* Properties, read-only: "file" (GFile),
 * "display-name", "document" (LecternDocument, NULL when refused),
 * "document-id" (0 when refused), "title", "encoding" (NULL when refused),
 * "error" (GError boxed, NULL on success). */

/* A document was added: @document is the one the project stored. */
LecternImportResult *lectern_import_result_new_success  (GFile           *file,
                                                          const char      *display_name,
                                                          LecternDocument *document);
/* The file was refused; @error names the file and the reason. */
LecternImportResult *lectern_import_result_new_failure  (GFile           *file,
                                                          const char      *display_name,
                                                          const GError    *error);

/* (transfer none) */
GFile               *lectern_import_result_get_file         (LecternImportResult *self);
const char          *lectern_import_result_get_display_name (LecternImportResult *self);
/* (transfer none) (nullable) */
LecternDocument     *lectern_import_result_get_document     (LecternImportResult *self);
gint64               lectern_import_result_get_document_id  (LecternImportResult *self);
/* (nullable) The guessed title of the added document. */
const char          *lectern_import_result_get_title        (LecternImportResult *self);
/* (nullable) The encoding the file was decoded from. */
const char          *lectern_import_result_get_encoding     (LecternImportResult *self);
/* (transfer none) (nullable): why the file was refused; NULL on success.
 * LECTERN_IMPORT_ERROR for bad input and duplicates, LECTERN_PROJECT_ERROR
 * when the project could not take the document. */
const GError        *lectern_import_result_get_error        (LecternImportResult *self);
gboolean             lectern_import_result_get_succeeded    (LecternImportResult *self);
/* How many damaged bytes of the file were replaced with U+FFFD; 0 when
 * refused or when none were. */
guint64              lectern_import_result_get_replaced_bytes (LecternImportResult *self);
/* (transfer full) (nullable): what the user must know about an imported
 * file, naming it (damaged bytes replaced); NULL when nothing. */
char                *lectern_import_result_dup_notice       (LecternImportResult *self);
/* What the format's reader could not do and the user should know ("pages
 * 3–4 have no text layer"), each naming the file; for the importer to add.
 * (transfer none) (element-type utf8): empty when there is nothing. */
GPtrArray           *lectern_import_result_get_warnings     (LecternImportResult *self);
void                 lectern_import_result_add_warning      (LecternImportResult *self,
                                                             const char          *warning);

G_END_DECLS
