/* lectern-where-popover.h — "Where else does this passage occur?": the
 * other documents and places holding a passage, found off the main thread.
 *
 * Signal "place-activated" (gint64 document_id, glong start, glong end).
 * Property "busy" (notified) while searching.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-compare.h"
#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_WHERE_POPOVER (lectern_where_popover_get_type ())

G_DECLARE_FINAL_TYPE (LecternWherePopover, lectern_where_popover, LECTERN, WHERE_POPOVER, GtkPopover)

GtkWidget *lectern_where_popover_new         (void);
/* Searches the corpus for [start, end) of @document_id and lists the
 * places; cancels a search still running. */
void       lectern_where_popover_search      (LecternWherePopover *self,
                                              LecternProject       *project,
                                              gint64               document_id,
                                              glong                start,
                                              glong                end);
gboolean   lectern_where_popover_get_busy    (LecternWherePopover *self);
/* The places found. (transfer none) element-type LecternPlace, or NULL */
GArray    *lectern_where_popover_get_places  (LecternWherePopover *self);
/* Activates place @index as a click would. */
void       lectern_where_popover_activate    (LecternWherePopover *self,
                                              guint                index);

G_END_DECLS
