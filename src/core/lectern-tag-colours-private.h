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
/* The index of the palette colour for a tag whose siblings and parent
 * have the colours @neighbours: of those that look apart from all of
 * them, the one with the fewest @uses (one count per palette colour),
 * then the farthest; when none does, the farthest. */
guint               _lectern_tag_colours_pick     (const char * const *neighbours,
                                                   guint               n_neighbours,
                                                   const gint64       *uses);

G_END_DECLS
