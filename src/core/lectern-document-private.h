/* lectern-document-private.h — what only the project sets on a document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-document.h"

G_BEGIN_DECLS

void _lectern_document_set_id               (LecternDocument *self,
                                             gint64           id);
void _lectern_document_set_content_hash     (LecternDocument *self,
                                             const char      *content_hash);
void _lectern_document_set_imported         (LecternDocument *self,
                                             GDateTime       *imported);
void _lectern_document_set_length           (LecternDocument *self,
                                             glong            length);
void _lectern_document_set_annotation_count (LecternDocument *self,
                                             guint            count);
/* "text" when @format is NULL. */
void _lectern_document_set_format           (LecternDocument *self,
                                             const char      *format);
void _lectern_document_set_original_size    (LecternDocument *self,
                                             gint64           size);

G_END_DECLS
