/* lectern-tag-swatch.h — a small disc in a tag's colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_TAG_SWATCH (lectern_tag_swatch_get_type ())

G_DECLARE_FINAL_TYPE (LecternTagSwatch, lectern_tag_swatch, LECTERN, TAG_SWATCH, GtkWidget)

GtkWidget *lectern_tag_swatch_new        (const char       *colour);
/* @colour: "#rrggbb" */
void       lectern_tag_swatch_set_colour (LecternTagSwatch *self,
                                          const char       *colour);

G_END_DECLS
