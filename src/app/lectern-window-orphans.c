/* lectern-window-orphans.c — the project's orphaned passages (win.orphans,
 * "Orphaned Passages"): every document's passages that lost their words
 * to an edit, each to place again on words selected in this window's
 * reader, or to delete (issue #19).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-orphan-list.h"
#include "lectern-window-private.h"

#define ORPHANS_WINDOW_KEY "lectern-orphans-window"

/* Placed on the reader's selection when the reader shows the orphan's
 * document; otherwise the reader opens that document for the user to
 * select the words. */
static void
place_cb (LecternWindow     *self,
          gint64             annotation_id,
          LecternOrphanList *list)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  gint64 document_id;
  glong start, end;

  if (self->project == NULL)
    return;
  annotation = lectern_project_dup_annotation (self->project, annotation_id, &error);
  if (annotation == NULL)
    {
      lectern_window_toast (self, error->message);
      return;
    }
  document_id = lectern_annotation_get_document_id (annotation);
  if (lectern_reader_view_get_document_id (self->reader_view) == document_id
      && lectern_reader_view_get_selection (self->reader_view, &start, &end) && end > start)
    {
      if (!lectern_project_place_annotation (self->project, annotation_id, start, end, &error))
        lectern_window_toast (self, error->message);
      return;
    }
  lectern_window_set_document_id (self, document_id);
  gtk_window_present (GTK_WINDOW (self));
  lectern_window_toast (self, _("Select the passage’s words in the document, then choose Place Here"));
}

static void
orphans_destroyed_cb (LecternWindow *self)
{
  g_object_steal_data (G_OBJECT (self), ORPHANS_WINDOW_KEY);
}

static void
orphans_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  GtkWindow *window = g_object_get_data (G_OBJECT (self), ORPHANS_WINDOW_KEY);

  if (self->project == NULL)
    return;
  if (window == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *list = lectern_orphan_list_new ();

      window = GTK_WINDOW (adw_window_new ());
      gtk_window_set_title (window, _("Orphaned Passages"));
      gtk_window_set_transient_for (window, GTK_WINDOW (self));
      gtk_window_set_default_size (window, 560, 480);
      gtk_window_set_hide_on_close (window, FALSE);
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      gtk_widget_set_margin_start (list, 12);
      gtk_widget_set_margin_end (list, 12);
      gtk_widget_set_margin_top (list, 12);
      gtk_widget_set_margin_bottom (list, 12);
      gtk_widget_set_vexpand (list, TRUE);
      gtk_box_append (GTK_BOX (box), list);
      adw_window_set_content (ADW_WINDOW (window), box);

      lectern_orphan_list_set_project (LECTERN_ORPHAN_LIST (list), self->project);
      lectern_orphan_list_set_document_id (LECTERN_ORPHAN_LIST (list), 0);
      lectern_orphan_list_set_can_place (LECTERN_ORPHAN_LIST (list), TRUE);
      g_object_set_data (G_OBJECT (self), ORPHANS_WINDOW_KEY, window);
      g_signal_connect_object (window, "destroy", G_CALLBACK (orphans_destroyed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (list, "place", G_CALLBACK (place_cb), self, G_CONNECT_SWAPPED);
      /* Another project in this window: the list was the old one's. */
      g_signal_connect_object (self, "notify::project", G_CALLBACK (gtk_window_destroy), window, G_CONNECT_SWAPPED);
    }
  gtk_window_present (window);
}

void
_lectern_window_class_init_orphans (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.orphans", NULL, orphans_cb);
}
