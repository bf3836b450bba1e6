/* lectern-compare-bands.c
 *
 * Each band joins a chunk's lines in the left view to its lines in the
 * right view with two Bézier edges, so the eye can follow a change across
 * the gap even when the panes are scrolled differently. Only chunks with a
 * side on screen are measured: a long comparison stays cheap to draw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include "lectern-compare-bands.h"

struct _LecternCompareBands
{
  GtkWidget    parent_instance;

  GtkTextView *views[2];       /* weak */
  GArray      *chunks;         /* LecternChunk */
  int          focus;
  guint        n_drawn;
};

G_DEFINE_FINAL_TYPE (LecternCompareBands, lectern_compare_bands, GTK_TYPE_WIDGET)

GtkWidget *
lectern_compare_bands_new (void)
{
  return g_object_new (LECTERN_TYPE_COMPARE_BANDS, NULL);
}

static void
view_changed_cb (LecternCompareBands *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lectern_compare_bands_set_views (LecternCompareBands *self,
                                 GtkTextView         *a,
                                 GtkTextView         *b)
{
  GtkTextView *views[2] = { a, b };

  g_return_if_fail (LECTERN_IS_COMPARE_BANDS (self));

  for (guint i = 0; i < 2; i++)
    {
      GtkAdjustment *adj;

      if (self->views[i] != NULL)
        g_object_remove_weak_pointer (G_OBJECT (self->views[i]), (gpointer *) &self->views[i]);
      self->views[i] = views[i];
      if (views[i] == NULL)
        continue;
      g_object_add_weak_pointer (G_OBJECT (views[i]), (gpointer *) &self->views[i]);
      adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (views[i]));
      if (adj != NULL)
        g_signal_connect_object (adj, "value-changed", G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (views[i], "notify::vadjustment", G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lectern_compare_bands_set_chunks (LecternCompareBands *self,
                                  GArray              *chunks)
{
  g_return_if_fail (LECTERN_IS_COMPARE_BANDS (self));

  g_clear_pointer (&self->chunks, g_array_unref);
  if (chunks != NULL)
    self->chunks = g_array_ref (chunks);
  self->focus = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lectern_compare_bands_set_focus (LecternCompareBands *self,
                                 int                  index)
{
  g_return_if_fail (LECTERN_IS_COMPARE_BANDS (self));

  if (self->focus == index)
    return;
  self->focus = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
lectern_compare_bands_get_n_drawn (LecternCompareBands *self)
{
  g_return_val_if_fail (LECTERN_IS_COMPARE_BANDS (self), 0);
  return self->n_drawn;
}

/* The offsets shown in @view, with a screen of slack on each side. */
static void
visible_offsets (GtkTextView *view,
                 glong       *first,
                 glong       *last)
{
  GdkRectangle rect;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (view, &rect);
  gtk_text_view_get_iter_at_location (view, &iter, 0, MAX (0, rect.y - rect.height));
  *first = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_iter_at_location (view, &iter, 0, rect.y + 2 * rect.height);
  gtk_text_iter_forward_to_line_end (&iter);
  *last = gtk_text_iter_get_offset (&iter);
}

/* Top and bottom of a side, in this widget's coordinates. An empty side
 * (the place of an insertion or deletion) is a point in its line. */
static gboolean
side_extent (LecternCompareBands *self,
             GtkTextView         *view,
             glong                start,
             glong                end,
             double              *top,
             double              *bottom)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter s, e;
  int wx, wy;
  double tx, ty;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  if (end <= start)
    {
      GdkRectangle loc;

      gtk_text_view_get_iter_location (view, &s, &loc);
      *top = loc.y + loc.height / 2.0;
      *bottom = *top;
    }
  else
    {
      GdkRectangle first, last;

      /* The display lines the side covers, not its whole paragraphs: a
       * passage in the middle of a long paragraph (Coders mode) is linked
       * where it stands. */
      gtk_text_buffer_get_iter_at_offset (buffer, &e, end - 1);
      gtk_text_view_get_iter_location (view, &s, &first);
      gtk_text_view_get_iter_location (view, &e, &last);
      *top = first.y;
      *bottom = MAX (last.y + last.height, first.y + first.height);
    }

  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, (int) *top, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (view), GTK_WIDGET (self), wx, wy, &tx, &ty))
    return FALSE;
  *bottom = ty + (*bottom - *top);
  *top = ty;
  return TRUE;
}

static void
chunk_colour (const LecternChunk *chunk,
              guint               index,
              GdkRGBA            *rgba)
{
  const char *colour;

  switch (chunk->kind)
    {
    case LECTERN_CHUNK_INSERT:  colour = "#2ec27e"; break;
    case LECTERN_CHUNK_DELETE:  colour = "#e01b24"; break;
    case LECTERN_CHUNK_REPLACE: colour = "#3584e4"; break;
    case LECTERN_CHUNK_SHARED:  colour = "#e66100"; break;
    case LECTERN_CHUNK_PAIR:    colour = index % 2 ? "#9141ac" : "#3584e4"; break;
    case LECTERN_CHUNK_EQUAL:
    default:                    colour = "#77767b"; break;
    }
  gdk_rgba_parse (rgba, colour);
}

static void
lectern_compare_bands_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  LecternCompareBands *self = LECTERN_COMPARE_BANDS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  glong first[2], last[2];
  cairo_t *cr;

  self->n_drawn = 0;
  if (self->chunks == NULL || self->views[0] == NULL || self->views[1] == NULL ||
      width <= 0 || height <= 0)
    return;

  for (guint i = 0; i < 2; i++)
    visible_offsets (self->views[i], &first[i], &last[i]);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, 1.0);

  for (guint i = 0; i < self->chunks->len; i++)
    {
      const LecternChunk *c = &g_array_index (self->chunks, LecternChunk, i);
      double at, ab, bt, bb, alpha;
      GdkRGBA rgba;

      if (c->kind == LECTERN_CHUNK_EQUAL || c->a_start < 0 || c->b_start < 0)
        continue;
      /* Neither side near the screen: nothing to draw. */
      if ((c->a_end < first[0] || c->a_start > last[0]) &&
          (c->b_end < first[1] || c->b_start > last[1]))
        continue;
      if (!side_extent (self, self->views[0], c->a_start, c->a_end, &at, &ab) ||
          !side_extent (self, self->views[1], c->b_start, c->b_end, &bt, &bb))
        continue;
      if ((ab < 0 && bb < 0) || (at > height && bt > height))
        continue;

      chunk_colour (c, i, &rgba);
      alpha = (int) i == self->focus ? 0.55 : 0.22;

      cairo_move_to (cr, 0, at);
      cairo_curve_to (cr, width * 0.5, at, width * 0.5, bt, width, bt);
      cairo_line_to (cr, width, bb);
      cairo_curve_to (cr, width * 0.5, bb, width * 0.5, ab, 0, ab);
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, rgba.red, rgba.green, rgba.blue, alpha);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, rgba.red, rgba.green, rgba.blue, (int) i == self->focus ? 1.0 : 0.6);
      cairo_stroke (cr);
      self->n_drawn++;
    }

  cairo_destroy (cr);
}

static void
lectern_compare_bands_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 36 : 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 56 : 0;
}

static void
lectern_compare_bands_dispose (GObject *object)
{
  LecternCompareBands *self = LECTERN_COMPARE_BANDS (object);

  lectern_compare_bands_set_views (self, NULL, NULL);
  g_clear_pointer (&self->chunks, g_array_unref);
  G_OBJECT_CLASS (lectern_compare_bands_parent_class)->dispose (object);
}

static void
lectern_compare_bands_class_init (LecternCompareBandsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_compare_bands_dispose;
  widget_class->snapshot = lectern_compare_bands_snapshot;
  widget_class->measure = lectern_compare_bands_measure;
  gtk_widget_class_set_css_name (widget_class, "comparebands");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
lectern_compare_bands_init (LecternCompareBands *self)
{
  self->focus = -1;
}
