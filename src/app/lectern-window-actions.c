/* lectern-window-actions.c — the window's actions and their shortcuts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lectern-document-dialog.h"
#include "lectern-memo-pane.h"
#include "lectern-plain-toast.h"
#include "lectern-window-private.h"
#ifdef LECTERN_HAVE_IMPORT
# include "lectern-import.h"
#endif

#define MAX_RECENT_PROJECTS 8

void
_lectern_window_update_actions (LecternWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_project = self->project != NULL;
  gboolean has_document = has_project && self->document_id != 0;

  gtk_widget_action_set_enabled (widget, "win.import", has_project && !_lectern_window_is_importing (self));
  gtk_widget_action_set_enabled (widget, "win.import-folder", has_project && !_lectern_window_is_importing (self));
  gtk_widget_action_set_enabled (widget, "win.cancel-import", _lectern_window_is_importing (self));
  gtk_widget_action_set_enabled (widget, "win.undo", has_project && lectern_project_get_can_undo (self->project));
  gtk_widget_action_set_enabled (widget, "win.redo", has_project && lectern_project_get_can_redo (self->project));
  gtk_widget_action_set_enabled (widget, "win.toggle-library", has_project);
  gtk_widget_action_set_enabled (widget, "win.toggle-panel", has_project);
  gtk_widget_action_set_enabled (widget, "win.show-panel", has_project);
  gtk_widget_action_set_enabled (widget, "win.focus-library", has_project);
  gtk_widget_action_set_enabled (widget, "win.new-tag", has_project);
  gtk_widget_action_set_enabled (widget, "win.find", has_document);
  gtk_widget_action_set_enabled (widget, "win.find-next", has_document);
  gtk_widget_action_set_enabled (widget, "win.find-previous", has_document);
  gtk_widget_action_set_enabled (widget, "win.tag-selection", has_document);
  gtk_widget_action_set_enabled (widget, "win.edit-note", has_document);
  gtk_widget_action_set_enabled (widget, "win.document-properties", has_document);
  gtk_widget_action_set_enabled (widget, "win.project-memo", has_project);
  _lectern_window_update_tools_actions (self);
  _lectern_window_update_replace_actions (self);
  _lectern_window_update_merge_actions (self);
}

static void
history_toast_dismissed_cb (LecternWindow *self)
{
  g_clear_weak_pointer (&self->history_toast);
}

/* win.undo and win.redo: the same step, one way or the other; the toast
 * names what was undone or redone. */
static void
history_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  gboolean redo = g_str_equal (action_name, "win.redo");
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean done;

  if (self->project == NULL)
    return;

  /* Read before the step, which moves the label on to the next one. */
  label = g_strdup (redo ? lectern_project_get_redo_label (self->project)
                         : lectern_project_get_undo_label (self->project));
  done = redo ? lectern_project_redo (self->project, &error)
              : lectern_project_undo (self->project, &error);
  if (!done)
    {
      _lectern_window_show_error (self, redo ? _("Could Not Redo") : _("Could Not Undo"), error);
      return;
    }
  if (label != NULL)
    {
      g_autofree char *message = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), label);
      AdwToast *toast;

      /* The toast of the previous step, still up, names this one.
       * Dismissing it for a new toast would crash libadwaita 1.2 when
       * it is dismissed within its show animation (undo pressed twice
       * quickly): the hide animation frees what the show animation
       * reads when it ends. */
      if (self->history_toast != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (message, -1);

          adw_toast_set_title (self->history_toast, escaped);
          return;
        }

      toast = lectern_plain_toast_new (message);
      /* Shown at once, over any other toast: libadwaita 1.2 queues toasts
       * of the same priority, and the one on screen then named an earlier
       * action, not the step just undone. */
      adw_toast_set_timeout (toast, 3);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_set_weak_pointer (&self->history_toast, toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (history_toast_dismissed_cb),
                               self, G_CONNECT_SWAPPED);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Lectern and REFI-QDA Projects"));
  gtk_file_filter_add_suffix (filter, "lectern");
  /* A .qdpx from another QDA program opens as a new project. */
  gtk_file_filter_add_suffix (filter, "qdpx");
  return filter;
}

static void
new_project_response_cb (GtkNativeDialog *native,
                         int              response,
                         LecternWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *name = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;

      /* Give the project its extension so Open finds it again. */
      if (g_str_has_suffix (name, ".lectern"))
        file = g_object_ref (chosen);
      else
        {
          g_autofree char *with_suffix = g_strconcat (name, ".lectern", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          file = g_file_get_child (parent, with_suffix);
        }

      if (!lectern_window_create_project (self, file, &error))
        _lectern_window_show_error (self, _("Could Not Create Project"), error);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
new_project_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("New Project"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Untitled.lectern"));
  g_signal_connect (native, "response", G_CALLBACK (new_project_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_project_response_cb (GtkNativeDialog *native,
                          int              response,
                          LecternWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (_lectern_file_is_qdpx (file))
        _lectern_window_open_qdpx (self, file);
      else if (!lectern_window_open_project (self, file, &error))
        _lectern_window_show_error (self, _("Could Not Open Project"), error);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
open_project_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = project_filter ();

  native = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (open_project_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_recent_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  g_autoptr(GError) error = NULL;

  if (!lectern_window_open_project (LECTERN_WINDOW (widget), file, &error))
    _lectern_window_show_error (LECTERN_WINDOW (widget), _("Could Not Open Project"), error);
}

static int
compare_recent_info (gconstpointer a,
                     gconstpointer b)
{
  GDateTime *ma = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *mb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (mb, ma);
}

void
_lectern_window_update_recent_menu (LecternWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) projects = g_ptr_array_new ();

  for (GList *l = items; l; l = l->next)
    {
      const char *uri = gtk_recent_info_get_uri (l->data);

      if (g_str_has_suffix (uri, ".lectern") && gtk_recent_info_exists (l->data))
        g_ptr_array_add (projects, l->data);
    }
  g_ptr_array_sort (projects, compare_recent_info);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < projects->len && i < MAX_RECENT_PROJECTS; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (projects, i);
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autofree char *name = g_file_get_basename (file);
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      /* Menu labels take underscores as mnemonics: double them. */
      parts = g_strsplit (name, "_", -1);
      label = g_strjoinv ("__", parts);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    LecternWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      lectern_window_import_files (self, (GFile **) array->pdata, array->len);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
show_import_chooser (LecternWindow        *self,
                     GtkFileChooserAction  action)
{
  GtkFileChooserNative *native;
  g_autoptr(GFile) folder = NULL;
  gboolean folders = action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;

  native = gtk_file_chooser_native_new (folders ? _("Import Folders") : _("Import Documents"),
                                        GTK_WINDOW (self), action, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  folder = _lectern_window_dup_import_folder (self);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  if (!folders)
    {
      g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (documents, _("Documents"));
      gtk_file_filter_add_mime_type (documents, "text/plain");
#ifdef LECTERN_HAVE_IMPORT
      {
        guint n_formats;
        const LecternFormat *formats = lectern_format_get_all (&n_formats);

        /* Every format the importer reads, by its names' extensions. */
        for (guint i = 0; i < n_formats; i++)
          for (guint j = 0; formats[i].extensions[j] != NULL; j++)
            gtk_file_filter_add_suffix (documents, formats[i].extensions[j]);
      }
#endif
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), documents);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
    }
  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  show_import_chooser (LECTERN_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

/* A folder's documents, its subfolders' included
 * (lectern_import_sources_expand()). */
static void
import_folder_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  show_import_chooser (LECTERN_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
cancel_import_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  _lectern_window_cancel_import (LECTERN_WINDOW (widget));
}

static void
toggle_library_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);

  adw_flap_set_reveal_flap (self->library_flap, !adw_flap_get_reveal_flap (self->library_flap));
}

static void
toggle_panel_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);

  adw_flap_set_reveal_flap (self->panel_flap, !adw_flap_get_reveal_flap (self->panel_flap));
}

static void
show_panel_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);

  adw_flap_set_reveal_flap (self->panel_flap, TRUE);
  adw_view_stack_set_visible_child_name (self->panel_stack, g_variant_get_string (param, NULL));
  gtk_widget_child_focus (adw_view_stack_get_visible_child (self->panel_stack), GTK_DIR_TAB_FORWARD);
}

static void
focus_library_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);

  adw_flap_set_reveal_flap (self->library_flap, TRUE);
  lectern_library_view_focus_filter (self->library_view);
}

static void
new_tag_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);

  adw_flap_set_reveal_flap (self->panel_flap, TRUE);
  adw_view_stack_set_visible_child_name (self->panel_stack, "codebook");
  gtk_widget_activate_action (GTK_WIDGET (self->codebook_view), "codebook.new-tag", NULL);
}

static void
reader_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  /* "win.find" → "reader.find": the reader owns these. */
  g_autofree char *name = g_strconcat ("reader.", action_name + strlen ("win."), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->reader_view), name, NULL);
}

static void
zoom_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  GSettings *settings = lectern_settings ();
  double zoom = g_settings_get_double (settings, "reader-zoom");

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom = MIN (3.0, zoom + 0.1);
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom = MAX (0.5, zoom - 0.1);
  else
    zoom = 1.0;
  /* Round so that steps land on whole percentages. */
  g_settings_set_double (settings, "reader-zoom", round (zoom * 10.0) / 10.0);
}

static void
document_properties_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);

  if (self->project != NULL && self->document_id != 0)
    lectern_document_dialog_present (GTK_WINDOW (self), self->project, self->document_id);
}

/* win.project-memo: a window of its own, beside the reader, on the
 * memo of the whole project; it saves as it is typed. */
static void
project_memo_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *pane;
  GtkEventController *shortcuts;

  if (self->project == NULL)
    return;
  if (self->project_memo != NULL)
    {
      gtk_window_present (self->project_memo);
      return;
    }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Project Memo"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 480);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  pane = lectern_memo_pane_new ();
  lectern_memo_pane_set_heading (LECTERN_MEMO_PANE (pane), _("Notes on the Whole Project"));
  gtk_widget_set_tooltip_text (pane, _("Research questions, decisions and ideas, saved as you type"));
  gtk_widget_set_vexpand (pane, TRUE);
  gtk_widget_set_margin_start (pane, 12);
  gtk_widget_set_margin_end (pane, 12);
  gtk_widget_set_margin_top (pane, 12);
  gtk_widget_set_margin_bottom (pane, 12);
  lectern_memo_pane_set_memo (LECTERN_MEMO_PANE (pane), self->project, LECTERN_MEMO_PROJECT, 0);
  gtk_box_append (GTK_BOX (box), pane);
  adw_window_set_content (ADW_WINDOW (window), box);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  g_set_weak_pointer (&self->project_memo, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (lectern_memo_pane_get_text_view (LECTERN_MEMO_PANE (pane))));
}

static void
show_primary_menu_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  gtk_menu_button_popup (LECTERN_WINDOW (widget)->main_menu_button);
}

static void
close_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
_lectern_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_cb);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_cb);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, history_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, history_cb);
  gtk_widget_class_install_action (widget_class, "win.toggle-library", NULL, toggle_library_cb);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_cb);
  gtk_widget_class_install_action (widget_class, "win.show-panel", "s", show_panel_cb);
  gtk_widget_class_install_action (widget_class, "win.focus-library", NULL, focus_library_cb);
  gtk_widget_class_install_action (widget_class, "win.new-tag", NULL, new_tag_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, reader_action_cb);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, reader_action_cb);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, reader_action_cb);
  gtk_widget_class_install_action (widget_class, "win.tag-selection", NULL, reader_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-note", NULL, reader_action_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "win.document-properties", NULL, document_properties_cb);
  gtk_widget_class_install_action (widget_class, "win.project-memo", NULL, project_memo_cb);
  gtk_widget_class_install_action (widget_class, "win.show-primary-menu", NULL, show_primary_menu_cb);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_I, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.import-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK, "win.toggle-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-panel", "s", "annotations");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-panel", "s", "codebook");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.focus-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-tag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_T, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-tag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.tag-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "win.document-properties", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0, "win.show-primary-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
}
