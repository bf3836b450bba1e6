/* lectern-orphan-list.h — the passages that lost their text (orphans),
 * of one document or of the project: each with its tags, quote and note,
 * to place again ("Place Here") or delete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_ORPHAN_LIST (lectern_orphan_list_get_type ())

G_DECLARE_FINAL_TYPE (LecternOrphanList, lectern_orphan_list, LECTERN, ORPHAN_LIST, GtkWidget)

GtkWidget *lectern_orphan_list_new             (void);
void       lectern_orphan_list_set_project     (LecternOrphanList *self,
                                                LecternProject    *project);
/* The document whose orphans are listed; 0: every document's, each row
 * naming its document. */
void       lectern_orphan_list_set_document_id (LecternOrphanList *self,
                                                gint64             document_id);
guint      lectern_orphan_list_get_n_orphans   (LecternOrphanList *self);
/* Whether "Place Here" can be used: text is selected where the orphan
 * would go. */
void       lectern_orphan_list_set_can_place   (LecternOrphanList *self,
                                                gboolean           can_place);

G_END_DECLS
