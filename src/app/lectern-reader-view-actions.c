/* lectern-reader-view-actions.c — the reader's widget actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-reader-view-private.h"

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LecternReaderView *self = LECTERN_READER_VIEW (widget);
  GtkTextIter s, e;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  /* A short selection on one line is what the reader wants to find. */
  if (gtk_text_buffer_get_selection_bounds (_lectern_reader_view_get_buffer (self), &s, &e) &&
      gtk_text_iter_get_line (&s) == gtk_text_iter_get_line (&e) &&
      gtk_text_iter_get_offset (&e) - gtk_text_iter_get_offset (&s) < 80)
    {
      g_autofree char *text = gtk_text_iter_get_text (&s, &e);
      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

static void
find_step_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  _lectern_reader_view_step_match (LECTERN_READER_VIEW (widget), g_str_equal (action_name, "reader.find-next") ? 1 : -1);
}

static void
tag_selection_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  LecternReaderView *self = LECTERN_READER_VIEW (widget);

  if (lectern_reader_view_get_selection (self, NULL, NULL))
    _lectern_reader_view_popup_tag_picker (self, 0);
  else
    _lectern_reader_view_popup_tag_picker (self, lectern_reader_view_get_annotation_at_cursor (self));
}

static void
edit_note_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LecternReaderView *self = LECTERN_READER_VIEW (widget);
  gint64 id = 0;
  glong start, end;

  if (_lectern_reader_view_trimmed_selection (self, &start, &end))
    {
      guint n = self->annotations ? g_list_model_get_n_items (self->annotations) : 0;

      for (guint i = 0; i < n && id == 0; i++)
        {
          g_autoptr(LecternAnnotation) a = g_list_model_get_item (self->annotations, i);

          if (lectern_annotation_get_start (a) == start && lectern_annotation_get_end (a) == end)
            id = lectern_annotation_get_id (a);
        }

      /* A note on a passage not yet highlighted: highlight it, untagged. */
      if (id == 0)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(LecternAnnotation) a = NULL;

          a = lectern_project_add_annotation (self->project, self->document_id, start, end,
                                             NULL, 0, NULL, &error);
          if (a == NULL)
            {
              _lectern_reader_view_show_error (self, error);
              return;
            }
          id = lectern_annotation_get_id (a);
        }
    }
  else
    id = lectern_reader_view_get_annotation_at_cursor (self);

  if (id != 0)
    _lectern_reader_view_popup_note (self, id);
}

static void
fit_annotation_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  LecternReaderView *self = LECTERN_READER_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = _lectern_reader_view_annotation_overlapping_selection (self);
  glong start, end;

  if (id == 0 || !_lectern_reader_view_trimmed_selection (self, &start, &end))
    return;
  if (!lectern_project_set_annotation_range (self->project, id, start, end, &error))
    _lectern_reader_view_show_error (self, error);
}

static void
delete_annotation_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  LecternReaderView *self = LECTERN_READER_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = lectern_reader_view_get_annotation_at_cursor (self);

  if (id != 0 && !lectern_project_delete_annotation (self->project, id, &error))
    _lectern_reader_view_show_error (self, error);
}

void
_lectern_reader_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reader.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.find-next", NULL, find_step_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.find-previous", NULL, find_step_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.tag-selection", NULL, tag_selection_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.edit-note", NULL, edit_note_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.fit-annotation", NULL, fit_annotation_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.delete-annotation", NULL, delete_annotation_action_cb);
}
