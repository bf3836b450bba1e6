/* lectern-document-model.h — a project's documents as one GListModel of
 * LecternDocument, in import order, shared by a window's views.
 *
 * Loaded from the corpus on first use (the first get_n_items, get_item or
 * lookup), then kept in step with the corpus's "changed" signal: a change
 * to one document replaces that item alone, anything else reloads the list.
 * It connects to "changed" when it is created, so it is up to date before
 * the "changed" handlers of views set up after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_DOCUMENT_MODEL (lectern_document_model_get_type ())

G_DECLARE_FINAL_TYPE (LecternDocumentModel, lectern_document_model, LECTERN, DOCUMENT_MODEL, GObject)

LecternDocumentModel *lectern_document_model_new        (LecternCorpus        *corpus);
/* (transfer none) */
LecternCorpus        *lectern_document_model_get_corpus (LecternDocumentModel *self);
/* The document with @document_id, or NULL. (transfer none) */
LecternDocument      *lectern_document_model_lookup     (LecternDocumentModel *self,
                                                         gint64                document_id);

G_END_DECLS
