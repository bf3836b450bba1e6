/* lectern-document-version.h — one version of a document's text: when,
 * by whom, what changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_DOCUMENT_VERSION (lectern_document_version_get_type ())
G_DECLARE_FINAL_TYPE (LecternDocumentVersion, lectern_document_version, LECTERN, DOCUMENT_VERSION, GObject)

/* 1 is the text as imported. */
guint       lectern_document_version_get_number      (LecternDocumentVersion *self);
/* (transfer none) */
GDateTime  *lectern_document_version_get_created     (LecternDocumentVersion *self);
/* The coder who made it, as passages record theirs ("" when unknown). */
const char *lectern_document_version_get_author      (LecternDocumentVersion *self);
/* What changed, in a few words. */
const char *lectern_document_version_get_description (LecternDocumentVersion *self);
/* Its length in code points. */
glong       lectern_document_version_get_length      (LecternDocumentVersion *self);

G_END_DECLS
