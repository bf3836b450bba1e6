/* lectern-compare-window-navigation.c — next and previous change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-compare-window-private.h"

/* After a jump with synchronised scrolling the right pane follows the
 * left through the anchors; where anchors cross (shared passages moved
 * around) the chunk may still be off screen: bring it in, without moving
 * the left pane back. */
static void
reveal_right_cb (gpointer data)
{
  g_autoptr(LecternCompareWindow) self = data;
  GtkTextView *view = text_view (self, 1);
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  const LecternChunk *c;
  GdkRectangle visible, loc;
  GtkTextIter iter;

  if (self->chunks == NULL || self->current < 0 || adj == NULL)
    return;
  c = &g_array_index (self->chunks, LecternChunk, self->current);
  if (c->b_start < 0)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer (self, 1), &iter, c->b_start);
  gtk_text_view_get_iter_location (view, &iter, &loc);
  gtk_text_view_get_visible_rect (view, &visible);
  if (loc.y >= visible.y && loc.y + loc.height <= visible.y + visible.height)
    return;
  self->syncing = TRUE;
  gtk_adjustment_set_value (adj, loc.y - 0.3 * gtk_adjustment_get_page_size (adj));
  self->syncing = FALSE;
}

void
_lectern_compare_window_go_to_chunk (LecternCompareWindow *self,
                                     int                   index)
{
  const LecternChunk *c = &g_array_index (self->chunks, LecternChunk, index);

  for (guint side = 0; side < 2; side++)
    {
      GtkTextBuffer *b = buffer (self, side);
      GtkTextMark *mark;
      GtkTextIter iter;
      glong s, e;

      chunk_side (c, side, &s, &e);
      if (s < 0)
        continue;
      gtk_text_buffer_get_iter_at_offset (b, &iter, s);
      gtk_text_buffer_place_cursor (b, &iter);
      mark = gtk_text_buffer_get_mark (b, "compare-jump");
      if (mark == NULL)
        mark = gtk_text_buffer_create_mark (b, "compare-jump", &iter, TRUE);
      else
        gtk_text_buffer_move_mark (b, mark, &iter);
      /* With synchronised scrolling the left pane leads and the right one
       * follows through the anchors, so both land on the chunk. */
      if (side == 0 || !self->sync_scroll || c->a_start < 0)
        gtk_text_view_scroll_to_mark (text_view (self, side), mark, 0.0, TRUE, 0.0, 0.3);
    }
  _lectern_compare_window_set_current (self, index);
  if (self->sync_scroll && c->a_start >= 0 && c->b_start >= 0)
    g_timeout_add_once (100, reveal_right_cb, g_object_ref (self));
}

static void
step_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (widget);
  gboolean forward = g_str_equal (action_name, "compare.next-change");

  if (self->chunks == NULL)
    return;

  if (forward)
    {
      for (guint i = self->current + 1; i < self->chunks->len; i++)
        if (is_stop (&g_array_index (self->chunks, LecternChunk, i)))
          {
            _lectern_compare_window_go_to_chunk (self, i);
            return;
          }
    }
  else
    {
      for (int i = self->current - 1; i >= 0; i--)
        if (is_stop (&g_array_index (self->chunks, LecternChunk, i)))
          {
            _lectern_compare_window_go_to_chunk (self, i);
            return;
          }
    }
  gtk_widget_error_bell (widget);
}

void
_lectern_compare_window_class_navigation_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "compare.next-change", NULL, step_cb);
  gtk_widget_class_install_action (widget_class, "compare.previous-change", NULL, step_cb);
}
