/* lectern-export-dialog.c
 *
 * The export runs in a worker thread with its own connection to the
 * project (lectern_export_to_file_async), writing atomically, so Cancel or
 * an error never leaves a half-written file where a good one was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-application.h"
#include "lectern-export-dialog.h"
#include "lectern-plain-toast.h"

struct _LecternExportDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkRevealer     *progress_revealer;
  GtkProgressBar  *progress_bar;
  AdwComboRow     *format_row;
  AdwComboRow     *group_row;
  AdwEntryRow     *title_row;
  GtkWidget       *bom_row;
  GtkSwitch       *bom_switch;
  GtkWidget       *full_row;
  GtkSwitch       *full_switch;
  AdwComboRow     *documents_row;
  AdwComboRow     *tag_row;
  GtkWidget       *subtags_row;
  GtkSwitch       *subtags_switch;
  AdwEntryRow     *author_row;
  AdwEntryRow     *date_from_row;
  AdwEntryRow     *date_to_row;
  AdwActionRow    *destination_row;

  LecternProject   *project;
  gint64           document_id;
  GArray          *tag_ids;        /* gint64, parallel to the tag row's items after "All tags" */
  GFile           *destination;
  gboolean         destination_chosen;   /* by the user: keep its name */
  GCancellable    *cancellable;
  GFile           *written;        /* the last file written, for Open */
};

G_DEFINE_FINAL_TYPE (LecternExportDialog, lectern_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_actions (LecternExportDialog *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run", !busy && self->destination != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-destination", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.open", self->written != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !busy);
}

LecternExportFormat
lectern_export_dialog_get_format (LecternExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (LECTERN_IS_EXPORT_DIALOG (self), LECTERN_EXPORT_FORMAT_MARKDOWN);

  selected = adw_combo_row_get_selected (self->format_row);
  return selected < LECTERN_EXPORT_N_FORMATS ? (LecternExportFormat) selected : LECTERN_EXPORT_FORMAT_MARKDOWN;
}

void
lectern_export_dialog_set_format (LecternExportDialog *self,
                                  LecternExportFormat  format)
{
  g_return_if_fail (LECTERN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format < LECTERN_EXPORT_N_FORMATS);

  adw_combo_row_set_selected (self->format_row, format);
}

GFile *
lectern_export_dialog_get_destination (LecternExportDialog *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_DIALOG (self), NULL);
  return self->destination;
}

static void
show_destination (LecternExportDialog *self)
{
  g_autofree char *name = NULL;

  if (self->destination != NULL)
    {
      g_autofree char *path = g_file_get_path (self->destination);
      const char *home = g_get_home_dir ();

      /* ~/Documents/notes.md reads better than the full path. */
      if (path != NULL && home != NULL && g_str_has_prefix (path, home) && path[strlen (home)] == G_DIR_SEPARATOR)
        name = g_strconcat ("~", path + strlen (home), NULL);
      else
        name = g_file_get_parse_name (self->destination);
    }
  adw_action_row_set_subtitle (self->destination_row, name ? name : _("No file chosen"));
  update_actions (self);
}

void
lectern_export_dialog_set_destination (LecternExportDialog *self,
                                       GFile               *file)
{
  g_return_if_fail (LECTERN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->destination, file);
  self->destination_chosen = file != NULL;
  show_destination (self);
}

gboolean
lectern_export_dialog_get_busy (LecternExportDialog *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

/* The project's name, for a file name and a default title. */
static char *
project_name (LecternExportDialog *self)
{
  g_autofree char *base = g_file_get_basename (lectern_project_get_file (self->project));
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* The folder last exported to, else the project's own: exports belong
 * beside the project, not in Recent or the home folder. */
static GFile *
default_folder (LecternExportDialog *self)
{
  g_autofree char *folder = g_settings_get_string (lectern_settings (), "export-folder");
  g_autoptr(GFile) project_folder = NULL;
  const char *documents;

  if (folder[0] != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (folder);
  if (self->project != NULL)
    project_folder = g_file_get_parent (lectern_project_get_file (self->project));
  if (project_folder != NULL && g_file_query_file_type (project_folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return g_steal_pointer (&project_folder);
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

/* Gives the destination the format's extension, or names one. */
static void
update_destination_name (LecternExportDialog *self)
{
  LecternExportFormat format = lectern_export_dialog_get_format (self);
  const char *ext = lectern_export_format_get_extension (format);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if (self->destination != NULL)
    {
      g_autofree char *base = g_file_get_basename (self->destination);
      char *dot = strrchr (base, '.');

      folder = g_file_get_parent (self->destination);
      if (dot != NULL && dot != base)
        *dot = '\0';
      stem = g_steal_pointer (&base);
    }
  else
    {
      g_autofree char *project_title = project_name (self);

      folder = default_folder (self);
      /* Translators: the default export file name, from the project's */
      stem = g_strdup_printf (_("%s notes"), project_title);
    }

  name = g_strconcat (stem, ".", ext, NULL);
  g_clear_object (&self->destination);
  self->destination = g_file_get_child (folder, name);
  show_destination (self);
}

static void
format_changed_cb (LecternExportDialog *self)
{
  LecternExportFormat format = lectern_export_dialog_get_format (self);

  gtk_widget_set_visible (self->bom_row, format == LECTERN_EXPORT_FORMAT_CSV);
  gtk_widget_set_visible (self->full_row, format == LECTERN_EXPORT_FORMAT_HTML ||
                                          format == LECTERN_EXPORT_FORMAT_PDF);
  /* CSV, JSON and QDPX are flat or carry their own structure. */
  gtk_widget_set_visible (GTK_WIDGET (self->group_row), format == LECTERN_EXPORT_FORMAT_MARKDOWN ||
                                                        format == LECTERN_EXPORT_FORMAT_HTML ||
                                                        format == LECTERN_EXPORT_FORMAT_PDF);
  update_destination_name (self);
}

static void
tag_changed_cb (LecternExportDialog *self)
{
  gtk_widget_set_sensitive (self->subtags_row, adw_combo_row_get_selected (self->tag_row) > 0);
}

static gboolean
valid_date (const char *text)
{
  int y, m, d;
  char tail;

  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || strlen (text) != 10)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static const char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text[0] != '\0' ? text : NULL;
}

LecternExportOptions *
lectern_export_dialog_dup_options (LecternExportDialog *self)
{
  LecternExportOptions *options;
  guint tag;

  g_return_val_if_fail (LECTERN_IS_EXPORT_DIALOG (self), NULL);

  options = lectern_export_options_new (lectern_export_dialog_get_format (self));
  lectern_export_options_set_group_by (options, adw_combo_row_get_selected (self->group_row) == 1
                                                ? LECTERN_EXPORT_GROUP_BY_TAG
                                                : LECTERN_EXPORT_GROUP_BY_DOCUMENT);
  lectern_export_options_set_title (options, entry_text (self->title_row));
  lectern_export_options_set_csv_bom (options, gtk_switch_get_active (self->bom_switch));
  lectern_export_options_set_html_full_documents (options, gtk_switch_get_active (self->full_switch));
  if (adw_combo_row_get_selected (self->documents_row) == 1 && self->document_id != 0)
    lectern_export_options_add_document_id (options, self->document_id);
  tag = adw_combo_row_get_selected (self->tag_row);
  if (tag > 0 && tag - 1 < self->tag_ids->len)
    lectern_export_options_add_tag_id (options, g_array_index (self->tag_ids, gint64, tag - 1));
  lectern_export_options_set_with_subtags (options, gtk_switch_get_active (self->subtags_switch));
  lectern_export_options_set_author (options, entry_text (self->author_row));
  lectern_export_options_set_date_from (options, entry_text (self->date_from_row));
  lectern_export_options_set_date_to (options, entry_text (self->date_to_row));
  return options;
}

/* ------------------------------------------------------------------ */
/* Running                                                             */

static void
set_busy (LecternExportDialog *self,
          GCancellable        *cancellable)
{
  gboolean was_busy = self->cancellable != NULL;

  g_set_object (&self->cancellable, cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, cancellable != NULL);
  update_actions (self);
  if (was_busy != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  LecternExportDialog *self = user_data;
  g_autofree char *text = NULL;

  if (self->cancellable == NULL)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);
  /* Translators: annotations written so far, of all to write */
  text = g_strdup_printf (_("%u of %u annotations"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LecternExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dest = g_object_steal_data (G_OBJECT (self), "lectern-export-dest");
  gboolean ok = lectern_export_to_file_finish (result, &error);
  AdwToast *toast;

  set_busy (self, NULL);

  if (ok)
    {
      g_autofree char *name = g_file_get_basename (dest);
      g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), name);

      g_set_object (&self->written, dest);
      toast = lectern_plain_toast_new (message);
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "export.open");
      adw_toast_set_timeout (toast, 0);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast = lectern_plain_toast_new (_("Export cancelled; no file was changed"));
  else
    {
      toast = lectern_plain_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  update_actions (self);
  g_signal_emit (self, signals[FINISHED], 0, ok);
}

static void
run_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *param)
{
  LecternExportDialog *self = LECTERN_EXPORT_DIALOG (widget);
  g_autoptr(LecternExportOptions) options = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GFile) folder = NULL;
  const char *dates[2] = { entry_text (self->date_from_row), entry_text (self->date_to_row) };

  if (self->cancellable != NULL || self->destination == NULL)
    return;

  for (guint i = 0; i < 2; i++)
    if (dates[i] != NULL && !valid_date (dates[i]))
      {
        g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2021-08-14"),
                                                    dates[i]);
        adw_toast_overlay_add_toast (self->toast_overlay, lectern_plain_toast_new (message));
        gtk_widget_grab_focus (GTK_WIDGET (i == 0 ? self->date_from_row : self->date_to_row));
        return;
      }

  options = lectern_export_dialog_dup_options (self);

  /* Remembered for next time. */
  g_settings_set_string (lectern_settings (), "export-format",
                         lectern_export_format_to_string (lectern_export_options_get_format (options)));
  folder = g_file_get_parent (self->destination);
  if (folder != NULL && g_file_peek_path (folder) != NULL)
    g_settings_set_string (lectern_settings (), "export-folder", g_file_peek_path (folder));

  cancellable = g_cancellable_new ();
  set_busy (self, cancellable);
  g_clear_object (&self->written);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting…"));

  g_object_set_data_full (G_OBJECT (self), "lectern-export-dest",
                          g_object_ref (self->destination), g_object_unref);
  lectern_export_to_file_async (lectern_project_get_file (self->project), options, self->destination,
                                progress_cb, self, cancellable, export_done_cb, g_object_ref (self));
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  LecternExportDialog *self = LECTERN_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
open_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  LecternExportDialog *self = LECTERN_EXPORT_DIALOG (widget);
  g_autofree char *uri = NULL;

  if (self->written == NULL)
    return;
  uri = g_file_get_uri (self->written);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
choose_response_cb (GtkNativeDialog     *native,
                    int                  response,
                    LecternExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *name = g_file_get_basename (file);
      const char *ext = lectern_export_format_get_extension (lectern_export_dialog_get_format (self));

      /* Without its extension the file would not open in the program it
       * is made for. */
      if (strchr (name, '.') == NULL)
        {
          g_autofree char *with_ext = g_strconcat (name, ".", ext, NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          g_set_object (&file, g_file_get_child (parent, with_ext));
        }
      lectern_export_dialog_set_destination (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
choose_destination_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LecternExportDialog *self = LECTERN_EXPORT_DIALOG (widget);
  LecternExportFormat format = lectern_export_dialog_get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export Notes"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, lectern_export_format_get_label (format));
  gtk_file_filter_add_suffix (filter, lectern_export_format_get_extension (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (self->destination != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->destination);
      g_autofree char *name = g_file_get_basename (self->destination);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  g_signal_connect (native, "response", G_CALLBACK (choose_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ------------------------------------------------------------------ */

static void
load_tags (LecternExportDialog *self)
{
  g_autoptr(GListModel) tags = lectern_project_list_tags (self->project, NULL);
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any tag"));
  g_array_set_size (self->tag_ids, 0);
  for (guint i = 0; tags != NULL && i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(LecternTag) tag = g_list_model_get_item (tags, i);
      gint64 id = lectern_tag_get_id (tag);

      gtk_string_list_append (list, lectern_tag_get_path (tag));
      g_array_append_val (self->tag_ids, id);
    }
  adw_combo_row_set_model (self->tag_row, G_LIST_MODEL (list));
  g_object_unref (list);
}

void
lectern_export_dialog_set_tag_filter (LecternExportDialog *self,
                                      gint64               tag_id,
                                      gboolean             with_subtags)
{
  guint selected = 0;

  g_return_if_fail (LECTERN_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->tag_ids->len; i++)
    if (g_array_index (self->tag_ids, gint64, i) == tag_id)
      selected = i + 1;
  adw_combo_row_set_selected (self->tag_row, selected);
  gtk_switch_set_active (self->subtags_switch, with_subtags);
}

static void
lectern_export_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LecternExportDialog *self = LECTERN_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
lectern_export_dialog_close_request (GtkWindow *window)
{
  LecternExportDialog *self = LECTERN_EXPORT_DIALOG (window);

  /* Closing mid-export cancels it: the previous file stays as it was. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (lectern_export_dialog_parent_class)->close_request (window);
}

static void
lectern_export_dialog_dispose (GObject *object)
{
  LecternExportDialog *self = LECTERN_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_object (&self->destination);
  g_clear_object (&self->written);

  G_OBJECT_CLASS (lectern_export_dialog_parent_class)->dispose (object);
}

static void
lectern_export_dialog_finalize (GObject *object)
{
  LecternExportDialog *self = LECTERN_EXPORT_DIALOG (object);

  g_clear_pointer (&self->tag_ids, g_array_unref);
  G_OBJECT_CLASS (lectern_export_dialog_parent_class)->finalize (object);
}

static void
lectern_export_dialog_class_init (LecternExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = lectern_export_dialog_get_property;
  object_class->dispose = lectern_export_dialog_dispose;
  object_class->finalize = lectern_export_dialog_finalize;
  window_class->close_request = lectern_export_dialog_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, bom_row);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, bom_switch);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, date_from_row);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, date_to_row);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, documents_row);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, full_row);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, full_switch);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, subtags_row);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, subtags_switch);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, tag_row);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, LecternExportDialog, toast_overlay);

  gtk_widget_class_install_action (widget_class, "export.run", NULL, run_cb);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_cb);
  gtk_widget_class_install_action (widget_class, "export.open", NULL, open_cb);
  gtk_widget_class_install_action (widget_class, "export.choose-destination", NULL, choose_destination_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "export.run", NULL);
}

static void
lectern_export_dialog_init (LecternExportDialog *self)
{
  GtkStringList *formats = gtk_string_list_new (NULL);

  self->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < LECTERN_EXPORT_N_FORMATS; i++)
    gtk_string_list_append (formats, lectern_export_format_get_label (i));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  g_object_unref (formats);

  g_signal_connect_object (self->format_row, "notify::selected",
                           G_CALLBACK (format_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tag_row, "notify::selected",
                           G_CALLBACK (tag_changed_cb), self, G_CONNECT_SWAPPED);
}

LecternExportDialog *
lectern_export_dialog_new (GtkWindow     *parent,
                           LecternProject *project,
                           gint64         document_id)
{
  LecternExportDialog *self;
  g_autofree char *last = NULL;
  g_autofree char *title = NULL;
  LecternExportFormat format = LECTERN_EXPORT_FORMAT_MARKDOWN;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);

  self = g_object_new (LECTERN_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->document_id = document_id;

  load_tags (self);
  tag_changed_cb (self);
  adw_combo_row_set_selected (self->documents_row, document_id != 0 ? 0 : 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->documents_row), document_id != 0);

  title = project_name (self);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);

  last = g_settings_get_string (lectern_settings (), "export-format");
  lectern_export_format_from_string (last, &format);
  if (adw_combo_row_get_selected (self->format_row) == format)
    format_changed_cb (self);
  else
    lectern_export_dialog_set_format (self, format);

  update_actions (self);
  return self;
}
