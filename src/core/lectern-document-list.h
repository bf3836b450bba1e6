/* lectern-document-list.h — a project's documents as one live GListModel
 * of LecternDocument, in import order: lectern_project_get_documents().
 *
 * Read on first use, then kept current by the project from each change
 * record before "changed" is emitted: an added document is one insertion,
 * a deleted one one removal, an edited one (or one whose passages were
 * added or deleted) one replacement; changes by other connections (seen
 * by lectern_project_refresh(), which the project runs every second while a
 * live model exists) are found by comparing with a fresh reading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-project.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_DOCUMENT_LIST (lectern_document_list_get_type ())

G_DECLARE_FINAL_TYPE (LecternDocumentList, lectern_document_list, LECTERN, DOCUMENT_LIST, GObject)

/* (transfer none); NULL once the project is gone. */
LecternProject   *lectern_document_list_get_project (LecternDocumentList *self);
/* The document with @document_id, or NULL. (transfer none) */
LecternDocument *lectern_document_list_lookup     (LecternDocumentList *self,
                                                   gint64               document_id);

G_END_DECLS
