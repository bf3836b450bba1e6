/* lectern-reader-view-find.c — find in document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-reader-view-private.h"

#define MAX_MATCHES 10000

static void
show_match (LecternReaderView *self)
{
  g_autofree char *label = NULL;
  glong *m;

  if (self->matches->len == 0)
    return;

  m = &g_array_index (self->matches, glong, self->current_match * 2);
  lectern_reader_view_select_range (self, m[0], m[1]);
  label = g_strdup_printf (_("%d of %u"), self->current_match + 1, self->matches->len / 2);
  gtk_label_set_text (self->match_label, label);
}

void
_lectern_reader_view_clear_find (LecternReaderView *self)

{
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (_lectern_reader_view_get_buffer (self), &begin, &end);
  gtk_text_buffer_remove_tag (_lectern_reader_view_get_buffer (self), self->match_tag, &begin, &end);
  g_array_set_size (self->matches, 0);
  self->current_match = 0;
  gtk_label_set_text (self->match_label, "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
}

void
lectern_reader_view_find (LecternReaderView *self,
                          const char        *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter, ms, me;
  glong cursor;

  g_return_if_fail (LECTERN_IS_READER_VIEW (self));

  buffer = _lectern_reader_view_get_buffer (self);
  cursor = _lectern_reader_view_cursor_offset (self);
  _lectern_reader_view_clear_find (self);

  if (text != NULL && text[0] != '\0')
    {
      gtk_text_buffer_get_start_iter (buffer, &iter);
      while (self->matches->len / 2 < MAX_MATCHES &&
             gtk_text_iter_forward_search (&iter, text, GTK_TEXT_SEARCH_CASE_INSENSITIVE, &ms, &me, NULL))
        {
          glong pair[2] = { gtk_text_iter_get_offset (&ms), gtk_text_iter_get_offset (&me) };

          g_array_append_vals (self->matches, pair, 2);
          gtk_text_buffer_apply_tag (buffer, self->match_tag, &ms, &me);
          iter = me;
        }

      if (self->matches->len == 0)
        {
          gtk_label_set_text (self->match_label, _("No matches"));
          gtk_widget_add_css_class (GTK_WIDGET (self->find_entry), "error");
        }
      else
        {
          /* Start from the caret, as readers expect. */
          for (guint i = 0; i < self->matches->len / 2; i++)
            if (g_array_index (self->matches, glong, i * 2) >= cursor)
              {
                self->current_match = i;
                break;
              }
          show_match (self);
        }
    }

  _lectern_reader_view_update_actions (self);
}

guint
lectern_reader_view_get_match_count (LecternReaderView *self)
{
  g_return_val_if_fail (LECTERN_IS_READER_VIEW (self), 0);
  return self->matches->len / 2;
}

static void
find_changed_cb (LecternReaderView *self)
{
  lectern_reader_view_find (self, gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
}

void
_lectern_reader_view_step_match (LecternReaderView *self,
                                 int                delta)
{
  int n = self->matches->len / 2;

  if (n == 0)
    return;
  self->current_match = (self->current_match + delta + n) % n;
  show_match (self);
}

static void
find_activate_cb (LecternReaderView *self)
{
  _lectern_reader_view_step_match (self, 1);
}

static void
find_next_cb (LecternReaderView *self)
{
  _lectern_reader_view_step_match (self, 1);
}

static void
find_previous_cb (LecternReaderView *self)
{
  _lectern_reader_view_step_match (self, -1);
}

static void
find_stop_cb (LecternReaderView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  _lectern_reader_view_clear_find (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

void
_lectern_reader_view_class_find_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, find_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_stop_cb);
}
