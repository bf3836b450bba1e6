/* lectern-window-tools.c — the window's actions that open its tools:
 * compare two documents, where else a passage occurs, export notes, print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-compare-window.h"
#include "lectern-export-dialog.h"
#include "lectern-print-operation.h"
#include "lectern-where-popover.h"
#include "lectern-window-private.h"

void
_lectern_window_update_tools_actions (LecternWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_project = self->project != NULL;
  gboolean has_document = has_project && self->document_id != 0;

  /* Whether there are two documents to compare is checked when asked:
   * the library may not have caught up with a change yet. */
  gtk_widget_action_set_enabled (widget, "win.corpus", has_project);
  gtk_widget_action_set_enabled (widget, "win.agreement", has_project);
  gtk_widget_action_set_enabled (widget, "win.compare", has_project);
  gtk_widget_action_set_enabled (widget, "win.compare-with", has_project);
  gtk_widget_action_set_enabled (widget, "win.compare-versions", has_project);
  gtk_widget_action_set_enabled (widget, "win.compare-coders", has_document);
  gtk_widget_action_set_enabled (widget, "win.where", has_document);
  gtk_widget_action_set_enabled (widget, "win.export", has_project);
  gtk_widget_action_set_enabled (widget, "win.print", has_document);
}

/* The document to put beside @a: the next one in the library, else the
 * one before. */
static gint64
neighbour_of (LecternWindow *self,
              gint64         a)
{
  GListModel *model = lectern_library_view_get_model (self->library_view);
  guint n = g_list_model_get_n_items (model);
  gint64 previous = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (model, i);
      gint64 id = lectern_document_get_id (doc);

      if (id == a)
        {
          if (i + 1 < n)
            {
              g_autoptr(LecternDocument) next = g_list_model_get_item (model, i + 1);
              return lectern_document_get_id (next);
            }
          return previous;
        }
      previous = id;
    }
  return 0;
}

static gint64
first_document (LecternWindow *self)
{
  GListModel *model = lectern_library_view_get_model (self->library_view);
  g_autoptr(LecternDocument) doc = g_list_model_get_n_items (model) > 0 ? g_list_model_get_item (model, 0) : NULL;

  return doc ? lectern_document_get_id (doc) : 0;
}

/* Whether @a is the later version of the two: by date, else (undated, or
 * the same day) by import order. */
static gboolean
is_newer (LecternDocument *a,
          LecternDocument *b)
{
  const char *da = lectern_document_get_date (a), *db = lectern_document_get_date (b);
  int cmp = da != NULL && db != NULL ? strcmp (da, db) : 0;

  if (cmp != 0)
    return cmp > 0;
  return lectern_document_get_id (a) > lectern_document_get_id (b);
}

/* Opens a comparison of @a with @b; @b 0 picks @a's neighbour in the
 * library. */
static void
open_comparison (LecternWindow *self,
                 gint64         a,
                 gint64         b)
{
  LecternCompareMode mode = LECTERN_COMPARE_MODE_VERSIONS;
  g_autoptr(LecternDocument) doc_a = NULL;
  g_autoptr(LecternDocument) doc_b = NULL;
  LecternCompareWindow *window;

  if (self->project == NULL)
    return;
  if (a == 0)
    a = first_document (self);
  if (b == 0 || b == a)
    b = neighbour_of (self, a);
  if (a == 0 || b == 0)
    {
      lectern_window_toast (self, _("Import at least two documents to compare them"));
      return;
    }

  /* Two languages: most likely a text and its translation. */
  doc_a = lectern_project_dup_document (self->project, a, NULL);
  doc_b = lectern_project_dup_document (self->project, b, NULL);
  if (doc_a != NULL && doc_b != NULL &&
      lectern_document_get_language (doc_a) != NULL && lectern_document_get_language (doc_b) != NULL &&
      g_strcmp0 (lectern_document_get_language (doc_a), lectern_document_get_language (doc_b)) != 0)
    mode = LECTERN_COMPARE_MODE_TRANSLATION;
  /* Versions read from old to new, left to right, as in every diff. */
  if (mode == LECTERN_COMPARE_MODE_VERSIONS && doc_a != NULL && doc_b != NULL &&
      is_newer (doc_a, doc_b))
    {
      gint64 t = a;

      a = b;
      b = t;
    }

  window = lectern_compare_window_new (GTK_WINDOW (self), self->project, a, b, mode);
  gtk_window_present (GTK_WINDOW (window));
}

static void
compare_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);

  open_comparison (self, self->document_id, 0);
}

/* From the library's context menu: the document being read against the
 * one clicked. */
static void
compare_with_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  gint64 other = g_variant_get_int64 (param);

  if (self->document_id == 0 || self->document_id == other)
    open_comparison (self, other, 0);
  else
    open_comparison (self, self->document_id, other);
}

/* win.compare-versions (x): the version before the current text of the
 * document (0: the one being read) against it; the window lists the
 * others. */
static void
compare_versions_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  gint64 id = g_variant_get_int64 (param);
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(LecternDocumentVersion) previous = NULL;
  g_autoptr(GError) error = NULL;
  LecternCompareWindow *window;
  guint n;

  if (id == 0)
    id = self->document_id;
  if (self->project == NULL)
    return;
  if (id == 0)
    {
      lectern_window_toast (self, _("Open the document to compare with its earlier versions first"));
      return;
    }
  versions = lectern_project_list_document_versions (self->project, id, &error);
  if (versions == NULL)
    {
      _lectern_window_show_error (self, _("Could Not List the Versions"), error);
      return;
    }
  n = g_list_model_get_n_items (versions);
  if (n < 2)
    {
      lectern_window_toast (self, _("This document has no earlier version: its text was never changed"));
      return;
    }
  previous = g_list_model_get_item (versions, n - 2);
  window = lectern_compare_window_new (GTK_WINDOW (self), self->project, 0, id, LECTERN_COMPARE_MODE_VERSIONS);
  lectern_compare_window_show_version (window, id, lectern_document_version_get_number (previous));
  gtk_window_present (GTK_WINDOW (window));
}

/* win.compare-coders: the document being read as two coders coded it,
 * to adjudicate (lectern-compare-window-coders.c). */
static void
compare_coders_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  LecternCompareWindow *window;

  if (self->project == NULL || self->document_id == 0)
    return;
  window = lectern_compare_window_new (GTK_WINDOW (self), self->project, self->document_id,
                                       self->document_id, LECTERN_COMPARE_MODE_CODERS);
  gtk_window_present (GTK_WINDOW (window));
}

static void
place_activated_cb (LecternWindow       *self,
                    gint64               document_id,
                    glong                start,
                    glong                end,
                    LecternWherePopover *popover)
{
  lectern_window_set_document_id (self, document_id);
  lectern_reader_view_select_range (self->reader_view, start, end);
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
}

static void
popover_destroyed_cb (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
}

/* The popover is a child of the reader's text view: it must leave before
 * the text view is disposed, which a closing window does after
 * unrealizing it. It is made again when next needed. */
static void
text_view_unrealized_cb (LecternWindow *self)
{
  g_object_set_data (G_OBJECT (self), "lectern-where-popover", NULL);
}

static void
where_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  GtkTextView *text_view = GTK_TEXT_VIEW (lectern_reader_view_get_text_view (self->reader_view));
  LecternWherePopover *popover = g_object_get_data (G_OBJECT (self), "lectern-where-popover");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle rect;
  GtkTextIter iter;
  glong start, end;

  if (self->project == NULL || !lectern_reader_view_get_selection (self->reader_view, &start, &end))
    {
      lectern_window_toast (self, _("Select a passage to find where else it occurs"));
      return;
    }

  if (popover == NULL)
    {
      popover = LECTERN_WHERE_POPOVER (lectern_where_popover_new ());
      g_object_ref_sink (popover);
      gtk_widget_set_parent (GTK_WIDGET (popover), GTK_WIDGET (text_view));
      g_signal_connect_object (popover, "place-activated", G_CALLBACK (place_activated_cb), self, G_CONNECT_SWAPPED);
      g_object_set_data_full (G_OBJECT (self), "lectern-where-popover", popover, popover_destroyed_cb);
      g_signal_connect_object (text_view, "unrealize", G_CALLBACK (text_view_unrealized_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, end);
  gtk_text_view_get_iter_location (text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &rect.x, &rect.y);
  rect.width = MAX (rect.width, 1);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
  g_debug ("Where else: document %" G_GINT64_FORMAT " [%ld, %ld)", self->document_id, start, end);
  lectern_where_popover_search (popover, self->project, self->document_id, start, end);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  LecternExportDialog *dialog;

  if (self->project == NULL)
    return;
  dialog = lectern_export_dialog_new (GTK_WINDOW (self), self->project, self->document_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);

  if (self->project != NULL && self->document_id != 0)
    lectern_print_document (GTK_WINDOW (self), self->project, self->document_id);
}

void
_lectern_window_class_init_tools (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_cb);
  gtk_widget_class_install_action (widget_class, "win.compare-with", "x", compare_with_cb);
  gtk_widget_class_install_action (widget_class, "win.compare-versions", "x", compare_versions_cb);
  gtk_widget_class_install_action (widget_class, "win.compare-coders", NULL, compare_coders_cb);
  gtk_widget_class_install_action (widget_class, "win.where", NULL, where_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.compare", NULL);
  /* Ctrl+E is the reader's "edit note". */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  /* Ctrl+Shift+F searches the whole corpus (lectern-window-corpus.c). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.where", NULL);
}
