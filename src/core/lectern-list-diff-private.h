/* lectern-list-diff-private.h — brings a live list model's items to a
 * fresh reading with the fewest items-changed a person would expect: the
 * items that keep their order stay (the longest run of them), the others
 * are removed and added, and an item that kept its place but changed is
 * replaced (pos, 1, 1). Runs of neighbours go in one emission.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef gint64   (*LecternItemIdFunc)    (gpointer item);
typedef gboolean (*LecternItemEqualFunc) (gpointer a,
                                          gpointer b);

/* @items (the model's GPtrArray of owned objects) becomes @fresh, whose
 * items are taken over; @model emits each step as it is made. */
void _lectern_list_diff_apply (GListModel          *model,
                               GPtrArray           *items,
                               GPtrArray           *fresh,
                               LecternItemIdFunc    id_func,
                               LecternItemEqualFunc equal_func);

G_END_DECLS
