/* lectern-window.c — the workbench window: layout, project, current document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-window-private.h"
#include "lectern-plain-toast.h"

G_DEFINE_FINAL_TYPE (LecternWindow, lectern_window, ADW_TYPE_APPLICATION_WINDOW)

/* The views bind "project" and "document-id" in the template. */
enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

LecternProject *
lectern_window_get_project (LecternWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_WINDOW (self), NULL);

  return self->project;
}

gint64
lectern_window_get_document_id (LecternWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_WINDOW (self), 0);

  return self->document_id;
}

void
lectern_window_toast (LecternWindow *self,
                      const char    *message)
{
  AdwToast *toast;

  g_return_if_fail (LECTERN_IS_WINDOW (self));

  toast = lectern_plain_toast_new (message);
  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_lectern_window_show_error (LecternWindow *self,
                            const char    *heading,
                            const GError  *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_title (LecternWindow *self)
{
  g_autofree char *project_title = NULL;
  g_autoptr(LecternDocument) document = NULL;

  if (self->project == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Lectern"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Lectern"));
      return;
    }

  project_title = g_file_get_basename (lectern_project_get_file (self->project));
  if (g_str_has_suffix (project_title, ".lectern"))
    project_title[strlen (project_title) - strlen (".lectern")] = '\0';

  if (self->document_id != 0)
    document = lectern_project_dup_document (self->project, self->document_id, NULL);

  if (document != NULL)
    {
      g_autofree char *window_title = NULL;

      /* AdwWindowTitle shows plain text: document titles are never markup. */
      adw_window_title_set_title (self->window_title, lectern_document_get_title (document));
      adw_window_title_set_subtitle (self->window_title, project_title);
      window_title = g_strdup_printf ("%s — %s", lectern_document_get_title (document), project_title);
      gtk_window_set_title (GTK_WINDOW (self), window_title);
    }
  else
    {
      adw_window_title_set_title (self->window_title, project_title);
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), project_title);
    }
}

void
lectern_window_set_document_id (LecternWindow *self,
                                gint64         document_id)
{
  g_return_if_fail (LECTERN_IS_WINDOW (self));

  if (self->project == NULL)
    document_id = 0;

  if (document_id != 0)
    {
      g_autoptr(LecternDocument) document = NULL;

      document = lectern_project_dup_document (self->project, document_id, NULL);
      if (document == NULL)
        document_id = 0;
    }

  if (self->document_id != document_id)
    {
      self->document_id = document_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
    }
  lectern_library_view_select_document (self->library_view, document_id);
  if (self->project != NULL)
    g_settings_set_int64 (lectern_settings (), "last-document", document_id);

  update_title (self);
  _lectern_window_update_actions (self);
}

void
lectern_window_show_annotation (LecternWindow *self,
                                gint64         annotation_id)
{
  g_autoptr(LecternAnnotation) annotation = NULL;
  gint64 document_id;

  g_return_if_fail (LECTERN_IS_WINDOW (self));

  if (self->project == NULL)
    return;

  annotation = lectern_project_dup_annotation (self->project, annotation_id, NULL);
  if (annotation == NULL)
    return;

  document_id = lectern_annotation_get_document_id (annotation);
  if (document_id != self->document_id)
    lectern_window_set_document_id (self, document_id);

  lectern_reader_view_reveal_annotation (self->reader_view, annotation_id);
  lectern_annotation_list_select_annotation (self->annotation_list, annotation_id);
}

static void
document_activated_cb (LecternWindow      *self,
                       gint64              document_id,
                       LecternLibraryView *view)
{
  lectern_window_set_document_id (self, document_id);

  /* On a narrow window the library covers the reader: get it out of the way. */
  if (adw_flap_get_folded (self->library_flap))
    adw_flap_set_reveal_flap (self->library_flap, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
}

static void
annotation_activated_cb (LecternWindow         *self,
                         gint64                 annotation_id,
                         LecternAnnotationList *list)
{
  lectern_window_show_annotation (self, annotation_id);
}

static void
fit_requested_cb (LecternWindow         *self,
                  gint64                 annotation_id,
                  LecternAnnotationList *list)
{
  g_autoptr(GError) error = NULL;
  glong start, end;

  if (self->project == NULL || !lectern_reader_view_get_selection (self->reader_view, &start, &end))
    {
      lectern_window_toast (self, _("Select the new extent of the passage in the reader first"));
      return;
    }
  if (!lectern_project_set_annotation_range (self->project, annotation_id, start, end, &error))
    _lectern_window_show_error (self, _("Could Not Change the Passage"), error);
}

static void
passage_activated_cb (LecternWindow       *self,
                      gint64               annotation_id,
                      LecternCodebookView *view)
{
  lectern_window_show_annotation (self, annotation_id);
  if (adw_flap_get_folded (self->panel_flap))
    adw_flap_set_reveal_flap (self->panel_flap, FALSE);
}

static void
project_changed_cb (LecternWindow *self,
                   guint          what,
                   gint64         document_id,
                   LecternProject *project)
{
  if ((what & LECTERN_CHANGE_DOCUMENTS) != 0 && self->document_id != 0)
    {
      g_autoptr(LecternDocument) document = NULL;

      document = lectern_project_dup_document (project, self->document_id, NULL);
      if (document == NULL)
        lectern_window_set_document_id (self, 0);
      else
        update_title (self);
    }
  _lectern_window_update_actions (self);
}

static void
project_can_undo_cb (LecternWindow *self,
                    GParamSpec    *pspec,
                    LecternProject *project)
{
  _lectern_window_update_actions (self);
}

/* Passages, notes and memos record the coder set in Preferences: the
 * name, or the account's when none is, and an ID made once, so that two
 * people of one name stay two coders. */
static void
apply_coder_name (LecternWindow *self)
{
  GSettings *settings = lectern_settings ();
  /* Read even without a project: GSettings only reports changes to keys
   * read since the handler was connected. */
  g_autofree char *name = g_settings_get_string (settings, "coder-name");
  g_autofree char *id = g_settings_get_string (settings, "coder-id");
  const char *account = g_get_real_name ();

  if (!lectern_guid_is_valid (id))
    {
      g_free (id);
      id = lectern_guid_new ();
      g_settings_set_string (settings, "coder-id", id);
    }
  if (account == NULL || *account == '\0' || g_strcmp0 (account, "Unknown") == 0)
    account = g_get_user_name ();
  g_strstrip (name);
  /* A name core refuses (too long) leaves the account's. Jobs' worker
   * connections (an import's notes) take the process's default. */
  if (*name == '\0' || !lectern_project_set_default_coder (name, id, NULL))
    lectern_project_set_default_coder (account, id, NULL);
  if (self->project == NULL)
    return;
  if (*name == '\0' || !lectern_project_set_coder (self->project, name, id, NULL))
    lectern_project_set_coder (self->project, account, id, NULL);
}

static void
coder_name_changed_cb (LecternWindow *self)
{
  apply_coder_name (self);
  lectern_coder_filter_reload (self->coder_filter);
}

/* A project without documents shows one page that says what to do, not
 * the library's, the reader's and the notes' empty states at once. */
static void
update_main_page (LecternWindow *self)
{
  const char *page = "empty";

  if (self->project != NULL)
    page = g_list_model_get_n_items (G_LIST_MODEL (self->documents)) > 0 ? "project" : "no-documents";
  gtk_stack_set_visible_child_name (self->main_stack, page);
}

/* Whose passages the reader and the lists show: a view setting, kept
 * nowhere. A project one person coded has no such button. */
static void
coder_filter_changed_cb (LecternWindow *self)
{
  g_autofree char *label = lectern_coder_filter_dup_label (self->coder_filter);
  const gint64 *ids;
  guint n = 0;

  ids = lectern_coder_filter_get_coders (self->coder_filter, &n);
  lectern_reader_view_set_coders (self->reader_view, ids, n);
  lectern_annotation_list_set_coders (self->annotation_list, ids, n);
  lectern_codebook_view_set_coders (self->codebook_view, ids, n);
  gtk_menu_button_set_label (self->coder_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->coder_button),
                          self->project != NULL && lectern_coder_filter_get_n_coders (self->coder_filter) > 1);
}

static void
set_project (LecternWindow *self,
            LecternProject *project)
{
  if (!g_set_object (&self->project, project) && project != NULL)
    return;

  /* The memo window edits the project that was open. */
  if (self->project_memo != NULL)
    gtk_window_destroy (self->project_memo);
  apply_coder_name (self);

  self->document_id = 0;
  /* The project brings it up to date before any "changed" handler runs. */
  /* The project's own list, which outlives this window's use of it. */
  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_data (self->documents, self);
  g_clear_object (&self->documents);
  if (project != NULL)
    {
      self->documents = g_object_ref (LECTERN_DOCUMENT_LIST (lectern_project_get_documents (project)));
      g_signal_connect_object (self->documents, "items-changed",
                               G_CALLBACK (update_main_page), self, G_CONNECT_SWAPPED);
    }
  g_signal_group_set_target (self->project_signals, project);

  lectern_library_view_set_documents (self->library_view, self->documents);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  lectern_coder_filter_set_project (self->coder_filter, project);
  coder_filter_changed_cb (self);
  lectern_window_set_document_id (self, 0);

  update_main_page (self);
  gtk_widget_set_visible (self->undo_box, project != NULL);
  gtk_widget_set_visible (self->import_button, project != NULL);
  gtk_widget_set_visible (self->library_button, project != NULL);
  gtk_widget_set_visible (self->panel_button, project != NULL);

  if (project != NULL)
    {
      GFile *file = lectern_project_get_file (project);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *uri = g_file_get_uri (file);

      if (path != NULL)
        g_settings_set_string (lectern_settings (), "last-project", path);
      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
    }

  update_title (self);
  _lectern_window_update_actions (self);
}

static void
show_first_document (LecternWindow *self)
{
  g_autoptr(LecternDocument) first = g_list_model_get_item (G_LIST_MODEL (self->documents), 0);

  if (first != NULL)
    lectern_window_set_document_id (self, lectern_document_get_id (first));
}

gboolean
lectern_window_open_project_at (LecternWindow  *self,
                                GFile          *file,
                                gint64          document_id,
                                GError        **error)
{
  g_autoptr(LecternProject) project = NULL;

  g_return_val_if_fail (LECTERN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(project = lectern_project_open (file, error)))
    return FALSE;

  _lectern_window_cancel_import (self);
  lectern_project_set_undo_enabled (project, TRUE);
  set_project (self, project);
  /* One document read, not the first and then the one asked for. */
  if (document_id != 0)
    lectern_window_set_document_id (self, document_id);
  else
    show_first_document (self);
  return TRUE;
}

gboolean
lectern_window_open_project (LecternWindow  *self,
                             GFile          *file,
                             GError        **error)
{
  return lectern_window_open_project_at (self, file, 0, error);
}

gboolean
lectern_window_create_project (LecternWindow  *self,
                               GFile          *file,
                               GError        **error)
{
  g_autoptr(LecternProject) project = NULL;

  g_return_val_if_fail (LECTERN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(project = lectern_project_create (file, error)))
    return FALSE;

  _lectern_window_cancel_import (self);
  lectern_project_set_undo_enabled (project, TRUE);
  set_project (self, project);
  show_first_document (self);
  return TRUE;
}

void
lectern_window_open_project_interactive (LecternWindow *self,
                                         GFile         *file)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_if_fail (LECTERN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A REFI-QDA project is not opened in place: it becomes a new one. */
  if (_lectern_file_is_qdpx (file))
    {
      _lectern_window_open_qdpx (self, file);
      return;
    }
  /* `lectern new.lectern` starts a new project there. */
  if (g_file_query_exists (file, NULL))
    ok = lectern_window_open_project (self, file, &error);
  else
    ok = lectern_window_create_project (self, file, &error);

  if (!ok)
    _lectern_window_show_error (self, _("Could Not Open Project"), error);
}

/* Panels: remembered only when the user chose, not when the window folds. */
static void
flap_reveal_changed_cb (LecternWindow *self,
                        GParamSpec    *pspec,
                        AdwFlap       *flap)
{
  const char *key = flap == self->library_flap ? "show-library" : "show-annotations";

  if (!adw_flap_get_folded (flap))
    g_settings_set_boolean (lectern_settings (), key, adw_flap_get_reveal_flap (flap));
}

static void
is_active_cb (LecternWindow *self)
{
  /* Another window or process may have written while we were away. */
  if (self->project != NULL && gtk_window_is_active (GTK_WINDOW (self)))
    lectern_project_refresh (self->project);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LecternWindow *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      /* A project dropped on the window opens; anything else is imported. */
      if ((g_str_has_suffix (name, ".lectern") || _lectern_file_is_qdpx (l->data)) && list->next == NULL)
        {
          lectern_window_open_project_interactive (self, l->data);
          return TRUE;
        }
      g_ptr_array_add (files, l->data);
    }

  if (self->project == NULL)
    {
      lectern_window_toast (self, _("Create or open a project before importing documents"));
      return FALSE;
    }

  lectern_window_import_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

static gboolean
lectern_window_close_request (GtkWindow *window)
{
  LecternWindow *self = LECTERN_WINDOW (window);
  GSettings *settings = lectern_settings ();
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));

  _lectern_window_cancel_import (self);

  return GTK_WINDOW_CLASS (lectern_window_parent_class)->close_request (window);
}

static void
lectern_window_dispose (GObject *object)
{
  LecternWindow *self = LECTERN_WINDOW (object);

  _lectern_window_cancel_import (self);
  g_clear_handle_id (&self->import_pulse_id, g_source_remove);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_WINDOW);

  g_clear_weak_pointer (&self->project_memo);
  g_clear_object (&self->project_signals);
  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_data (self->documents, self);
  g_clear_object (&self->documents);
  g_clear_object (&self->project);
  g_clear_object (&self->import_results);
  g_clear_weak_pointer (&self->history_toast);

  G_OBJECT_CLASS (lectern_window_parent_class)->dispose (object);
}

static void
lectern_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LecternWindow *self = LECTERN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LecternWindow *self = LECTERN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      lectern_window_set_document_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_window_class_init (LecternWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lectern_window_dispose;
  object_class->get_property = lectern_window_get_property;
  object_class->set_property = lectern_window_set_property;

  /* The open project (lectern_window_open_project()), or NULL. */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, LECTERN_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The document read, 0 for none. */
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = lectern_window_close_request;

  g_type_ensure (LECTERN_TYPE_ANNOTATION_LIST);
  g_type_ensure (LECTERN_TYPE_CODEBOOK_VIEW);
  g_type_ensure (LECTERN_TYPE_LIBRARY_VIEW);
  g_type_ensure (LECTERN_TYPE_READER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, annotation_list);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, codebook_view);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, coder_button);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, library_button);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, library_flap);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, library_view);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, panel_button);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, panel_flap);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, reader_view);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, undo_box);
  gtk_widget_class_bind_template_child (widget_class, LecternWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, annotation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, document_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fit_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, passage_activated_cb);

  _lectern_window_class_init_actions (widget_class);
  _lectern_window_class_init_tools (widget_class);
  _lectern_window_class_init_replace (widget_class);
  _lectern_window_class_init_merge (widget_class);
  _lectern_window_class_init_corpus (widget_class);
  _lectern_window_class_init_orphans (widget_class);
}

static void
lectern_window_init (LecternWindow *self)
{
  GSettings *settings = lectern_settings ();
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->coder_filter = LECTERN_CODER_FILTER (lectern_coder_filter_new ());
  gtk_menu_button_set_popover (self->coder_button, GTK_WIDGET (self->coder_filter));
  g_signal_connect_object (self->coder_filter, "changed",
                           G_CALLBACK (coder_filter_changed_cb), self, G_CONNECT_SWAPPED);

  self->project_signals = g_signal_group_new (LECTERN_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::can-undo",
                                 G_CALLBACK (project_can_undo_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::can-redo",
                                 G_CALLBACK (project_can_undo_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  {
    g_autoptr(GAction) numbers = g_settings_create_action (settings, "show-paragraph-numbers");

    g_action_map_add_action (G_ACTION_MAP (self), numbers);
  }

  adw_flap_set_reveal_flap (self->library_flap, g_settings_get_boolean (settings, "show-library"));
  adw_flap_set_reveal_flap (self->panel_flap, g_settings_get_boolean (settings, "show-annotations"));
  g_signal_connect_object (self->library_flap, "notify::reveal-flap",
                           G_CALLBACK (flap_reveal_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->panel_flap, "notify::reveal-flap",
                           G_CALLBACK (flap_reveal_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
  g_signal_connect_object (settings, "changed::coder-name",
                           G_CALLBACK (coder_name_changed_cb), self, G_CONNECT_SWAPPED);
  apply_coder_name (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (_lectern_window_update_recent_menu), self,
                           G_CONNECT_SWAPPED);
  _lectern_window_update_recent_menu (self);

  set_project (self, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
}

LecternWindow *
lectern_window_new (LecternApplication *app)
{
  return g_object_new (LECTERN_TYPE_WINDOW, "application", app, NULL);
}
