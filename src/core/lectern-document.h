/* lectern-document.h — one document of the corpus: metadata, not its text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_DOCUMENT (lectern_document_get_type ())

G_DECLARE_FINAL_TYPE (LecternDocument, lectern_document, LECTERN, DOCUMENT, GObject)

/* A snapshot of a document row. Text is loaded on demand with
 * lectern_project_dup_text(), so a library of 10,000 documents is cheap. */
LecternDocument *lectern_document_new                  (void);
gint64           lectern_document_get_id               (LecternDocument *self);
const char      *lectern_document_get_title            (LecternDocument *self);
void             lectern_document_set_title            (LecternDocument *self,
                                                        const char      *title);
const char      *lectern_document_get_source           (LecternDocument *self);
void             lectern_document_set_source           (LecternDocument *self,
                                                        const char      *source);
const char      *lectern_document_get_author           (LecternDocument *self);
void             lectern_document_set_author           (LecternDocument *self,
                                                        const char      *author);
/* ISO 8601 calendar date "YYYY-MM-DD", or NULL when unknown. */
const char      *lectern_document_get_date             (LecternDocument *self);
void             lectern_document_set_date             (LecternDocument *self,
                                                        const char      *date);
/* ISO 639-1 code ("en", "fr", "ru"), or NULL when unknown. */
const char      *lectern_document_get_language         (LecternDocument *self);
void             lectern_document_set_language         (LecternDocument *self,
                                                        const char      *language);
const char      *lectern_document_get_original_name    (LecternDocument *self);
void             lectern_document_set_original_name    (LecternDocument *self,
                                                        const char      *original_name);
/* Encoding the file was decoded from ("UTF-8", "UTF-16LE", "WINDOWS-1252"…). */
const char      *lectern_document_get_encoding         (LecternDocument *self);
void             lectern_document_set_encoding         (LecternDocument *self,
                                                        const char      *encoding);
/* The format the document was imported from ("text", "markdown", "pdf"…,
 * as LecternExtract names them); "text" for a document without a stored
 * original. Set by the project. */
const char      *lectern_document_get_format           (LecternDocument *self);
/* The size in bytes of the original file kept with the document
 * (lectern_project_dup_document_original()), 0 when none is. Set by the
 * project. */
gint64           lectern_document_get_original_size    (LecternDocument *self);
/* Lower-case hex SHA-256 of the stored text; set by the project. */
const char      *lectern_document_get_content_hash     (LecternDocument *self);
/* When the document was imported; set by the project. (transfer none) */
GDateTime       *lectern_document_get_imported         (LecternDocument *self);
/* Length of the stored text in code points; set by the project. */
glong            lectern_document_get_length           (LecternDocument *self);
guint            lectern_document_get_annotation_count (LecternDocument *self);
/* Document variables (key → value), the attributes researchers filter by.
 * (transfer none) of utf8 → utf8 */
GHashTable      *lectern_document_get_variables        (LecternDocument *self);
const char      *lectern_document_get_variable         (LecternDocument *self,
                                                        const char      *key);
/* @value NULL removes the variable. */
void             lectern_document_set_variable         (LecternDocument *self,
                                                        const char      *key,
                                                        const char      *value);

G_END_DECLS
