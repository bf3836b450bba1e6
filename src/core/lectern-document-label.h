/* lectern-document-label.h — how to name a document so that a person can
 * tell it from the others: its title, and where two documents share a
 * title (two versions of one text), what tells them apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-document.h"

G_BEGIN_DECLS

/* A label for each document of @documents (a GListModel of
 * LecternDocument): the title alone where no other document has it; else
 * "Title — 12 March 2024" (the date in full), else "Title — file.txt"
 * (the file it was imported from), else "Title — #12".
 * Returns: (transfer full): a table of gint64 id → utf8 label. */
GHashTable *lectern_document_labels_new        (GListModel      *documents);

/* Only what tells apart the documents that share their title: "12 March
 * 2024", "file.txt" or "#12"; a document with a title of its own is not
 * in the table. For lists that show the title on its own line.
 * Returns: (transfer full): a table of gint64 id → utf8 */
GHashTable *lectern_document_qualifiers_new    (GListModel      *documents);

/* @document's date written in full for the locale ("12 March 2024"), or
 * NULL when it has none. Returns: (transfer full) */
char       *lectern_document_dup_long_date     (LecternDocument *document);

/* The label of @document among @documents, as in
 * lectern_document_labels_new(), without a table for all of them.
 * Returns: (transfer full) */
char       *lectern_document_dup_label         (LecternDocument *document,
                                                GListModel      *documents);

/* @id's label in a table from lectern_document_labels_new(), or NULL.
 * Returns: (transfer none) */
const char *lectern_document_labels_lookup     (GHashTable      *labels,
                                                gint64           id);

G_END_DECLS
