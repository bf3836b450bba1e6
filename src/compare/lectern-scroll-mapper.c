/* lectern-scroll-mapper.c — synchronised scrolling through anchors
 *
 * The chunks' boundaries are anchors: places known to match in both
 * texts. A place between two anchors maps to the same fraction of the
 * span between them on the other side, as Meld does, so that aligned
 * pairs and changed chunks stay side by side. An insertion (a chunk empty
 * on one side) has both its boundaries at one place on that side: the
 * whole of it maps to that place, its anchor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-scroll-mapper.h"

typedef struct
{
  glong a;
  glong b;
} Anchor;

struct _LecternScrollMapper
{
  GArray *anchors;   /* Anchor, increasing on both sides */
};

LecternScrollMapper *
lectern_scroll_mapper_new (const LecternChunk *chunks,
                           guint               n_chunks,
                           glong               length_a,
                           glong               length_b)
{
  LecternScrollMapper *self;
  Anchor last = { 0, 0 };

  g_return_val_if_fail (chunks != NULL || n_chunks == 0, NULL);

  self = g_new0 (LecternScrollMapper, 1);
  self->anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  g_array_append_val (self->anchors, last);

  for (guint i = 0; i < n_chunks; i++)
    {
      const LecternChunk *c = &chunks[i];
      Anchor ends[2] = { { c->a_start, c->b_start }, { c->a_end, c->b_end } };

      if (c->a_start < 0 || c->b_start < 0)
        continue;
      /* Shared passages may cross (a quotation moved up): keep the ones
       * that go forward on both sides. */
      for (guint k = 0; k < 2; k++)
        if (ends[k].a >= last.a && ends[k].b >= last.b)
          {
            g_array_append_val (self->anchors, ends[k]);
            last = ends[k];
          }
    }

  last.a = length_a;
  last.b = length_b;
  g_array_append_val (self->anchors, last);

  return self;
}

void
lectern_scroll_mapper_free (LecternScrollMapper *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->anchors);
  g_free (self);
}

static glong
anchor_side (const Anchor *anchor,
             guint         side)
{
  return side == 0 ? anchor->a : anchor->b;
}

gboolean
lectern_scroll_mapper_get_span (LecternScrollMapper *self,
                                guint                side,
                                glong                offset,
                                glong               *start,
                                glong               *end,
                                glong               *other_start,
                                glong               *other_end)
{
  const Anchor *anchors;
  guint lo, hi;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (side < 2, FALSE);

  if (self->anchors->len < 2)
    return FALSE;

  /* The last anchor at or before @offset. */
  anchors = (const Anchor *) (gpointer) self->anchors->data;
  lo = 0;
  hi = self->anchors->len - 1;
  while (lo + 1 < hi)
    {
      guint mid = (lo + hi) / 2;

      if (anchor_side (&anchors[mid], side) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  *start = anchor_side (&anchors[lo], side);
  *end = anchor_side (&anchors[hi], side);
  *other_start = anchor_side (&anchors[lo], !side);
  *other_end = anchor_side (&anchors[hi], !side);
  return TRUE;
}

glong
lectern_scroll_mapper_map (LecternScrollMapper *self,
                           guint                side,
                           glong                offset)
{
  glong start, end, other_start, other_end;
  double fraction;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (side < 2, 0);

  if (!lectern_scroll_mapper_get_span (self, side, offset, &start, &end, &other_start, &other_end))
    return 0;
  if (end <= start)
    return other_start;
  fraction = CLAMP ((double) (offset - start) / (end - start), 0.0, 1.0);
  return other_start + (glong) (fraction * (other_end - other_start) + 0.5);
}
