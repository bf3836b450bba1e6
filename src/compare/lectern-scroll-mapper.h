/* lectern-scroll-mapper.h — where a place in one text of a comparison is
 * in the other, for synchronised scrolling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_COMPARE_INSIDE) && !defined (LECTERN_COMPARE_COMPILATION)
# error "Only <lectern-compare.h> can be included directly."
#endif

#include <glib.h>

#include "lectern-comparison.h"

G_BEGIN_DECLS

typedef struct _LecternScrollMapper LecternScrollMapper;

/* Anchors from @chunks (in the left text's order) and the two texts'
 * lengths in code points. (transfer full) */
LecternScrollMapper *lectern_scroll_mapper_new      (const LecternChunk  *chunks,
                                                     guint                n_chunks,
                                                     glong                length_a,
                                                     glong                length_b);
void                 lectern_scroll_mapper_free     (LecternScrollMapper *self);

/* The anchors around @offset on side @side (0 left, 1 right): the last at
 * or before it and the next one, as offsets on both sides. FALSE when
 * there are no anchors to map through. */
gboolean             lectern_scroll_mapper_get_span (LecternScrollMapper *self,
                                                     guint                side,
                                                     glong                offset,
                                                     glong               *start,
                                                     glong               *end,
                                                     glong               *other_start,
                                                     glong               *other_end);
/* @offset on side @side mapped to the other side: at the same fraction
 * of the span between the anchors around it. */
glong                lectern_scroll_mapper_map      (LecternScrollMapper *self,
                                                     guint                side,
                                                     glong                offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternScrollMapper, lectern_scroll_mapper_free)

G_END_DECLS
