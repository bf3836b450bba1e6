/* lectern-passage-popover.h — the passages behind a cell of a heat table:
 * a row each with its document and its text; activating a row asks for
 * it in the reader.
 *
 * Signal "passage-activated" (gint64 document_id, glong start, glong end).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_PASSAGE_POPOVER (lectern_passage_popover_get_type ())

G_DECLARE_FINAL_TYPE (LecternPassagePopover, lectern_passage_popover, LECTERN, PASSAGE_POPOVER, GtkPopover)

GtkWidget *lectern_passage_popover_new      (void);
/* Lists @passages (transfer full, element-type LecternRetrieved, its
 * "tags" unused), the documents' titles read from @project. */
void       lectern_passage_popover_set_passages (LecternPassagePopover *self,
                                                 const char           *heading,
                                                 LecternProject        *project,
                                                 GPtrArray            *passages);
/* A new popover parented to @owner, which unparents it in its dispose;
 * its "passage-activated" is emitted again as @owner's
 * "passage-activated", a signal of the same arguments. (transfer none) */
LecternPassagePopover *lectern_passage_popover_attach (GtkWidget *owner);
/* Lists @passages as lectern_passage_popover_set_passages() does and
 * opens, pointing at @cell; at @cell's middle when @whole (a heat table
 * passes itself for a cell that is not on screen). */
void       lectern_passage_popover_popup_at     (LecternPassagePopover *self,
                                                 GtkWidget             *cell,
                                                 gboolean               whole,
                                                 const char            *heading,
                                                 LecternProject        *project,
                                                 GPtrArray             *passages);
/* (transfer none) element-type LecternRetrieved */
GPtrArray *lectern_passage_popover_get_passages (LecternPassagePopover *self);
/* Activates row @index as a click would. */
void       lectern_passage_popover_activate     (LecternPassagePopover *self,
                                                 guint                 index);
/* Frees a LecternRetrieved made for lectern_passage_popover_set_passages(). */
void       lectern_passage_popover_free_passage (gpointer               retrieved);

G_END_DECLS
