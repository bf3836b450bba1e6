/* lectern-tag-colours-private.h — the palette of new tags, and how one of
 * its colours is chosen (lectern-tag-colours.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The palette, "#rrggbb" each. (transfer none) */
const char * const *_lectern_tag_colours_palette  (guint              *n_colours);
/* ΔE*ab between @a and @b for the reader who tells them apart worst
 * (normal vision, protanopia, deuteranopia, tritanopia). */
double              _lectern_tag_colours_distance (const char         *a,
                                                   const char         *b);
/* The index of the palette colour farthest from every one of
 * @neighbours (the new tag's siblings and parent); ties go to the colour
 * with the fewest @uses (one count per palette colour), then the first. */
guint               _lectern_tag_colours_pick     (const char * const *neighbours,
                                                   guint               n_neighbours,
                                                   const gint64       *uses);

G_END_DECLS
