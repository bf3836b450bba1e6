/* lectern-document-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-document-dialog.h"
#include "lectern-memo-pane.h"
#include "lectern-plain-toast.h"

struct _LecternDocumentDialog
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwEntryRow          *title_row;
  AdwEntryRow          *author_row;
  AdwEntryRow          *source_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *language_row;
  AdwPreferencesGroup  *variables_group;
  AdwEntryRow          *new_variable_row;
  AdwActionRow         *file_row;
  AdwActionRow         *encoding_row;
  AdwActionRow         *imported_row;
  AdwActionRow         *length_row;
  LecternMemoPane      *memo_pane;

  LecternProject        *project;
  LecternDocument      *document;
  GPtrArray            *variable_rows;   /* AdwEntryRow, title = key */
  GPtrArray            *removed_keys;
};

G_DEFINE_FINAL_TYPE (LecternDocumentDialog, lectern_document_dialog, ADW_TYPE_WINDOW)

static void
remove_variable_cb (GtkButton             *button,
                    LecternDocumentDialog *self)
{
  AdwEntryRow *row = g_object_get_data (G_OBJECT (button), "row");

  g_ptr_array_add (self->removed_keys, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))));
  adw_preferences_group_remove (self->variables_group, GTK_WIDGET (row));
  g_ptr_array_remove (self->variable_rows, row);
}

static AdwEntryRow *
add_variable_row (LecternDocumentDialog *self,
                  const char            *key,
                  const char            *value)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *label = g_strdup_printf (_("Remove variable %s"), key);

  /* Keys are the user's data: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), key);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "row", row);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_variable_cb), self);
  adw_entry_row_add_suffix (row, button);

  adw_preferences_group_add (self->variables_group, GTK_WIDGET (row));
  g_ptr_array_add (self->variable_rows, row);
  return row;
}

static void
new_variable_cb (LecternDocumentDialog *self)
{
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_variable_row))));
  AdwEntryRow *row;

  if (key[0] == '\0')
    return;
  for (guint i = 0; i < self->variable_rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (self->variable_rows, i)), key))
      {
        gtk_widget_grab_focus (g_ptr_array_index (self->variable_rows, i));
        return;
      }

  gtk_editable_set_text (GTK_EDITABLE (self->new_variable_row), "");
  row = add_variable_row (self, key, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static char *
row_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
valid_date (const char *date)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (date == NULL)
    return TRUE;
  if (strlen (date) != 10)
    return FALSE;
  iso = g_strconcat (date, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  return dt != NULL;
}

static gboolean
valid_language (const char *language)
{
  gsize len;

  if (language == NULL)
    return TRUE;
  len = strlen (language);
  if (len < 2 || len > 3)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalpha (language[i]))
      return FALSE;
  return TRUE;
}

gboolean
lectern_document_dialog_save (LecternDocumentDialog  *self,
                              GError                **error)
{
  g_autofree char *title = row_text (self->title_row);
  g_autofree char *author = row_text (self->author_row);
  g_autofree char *source = row_text (self->source_row);
  g_autofree char *date = row_text (self->date_row);
  g_autofree char *language = row_text (self->language_row);
  g_autofree char *language_lower = NULL;

  g_return_val_if_fail (LECTERN_IS_DOCUMENT_DIALOG (self), FALSE);

  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->language_row), "error");

  if (title == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      g_set_error_literal (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                           _("A document needs a title"));
      return FALSE;
    }
  if (!valid_date (date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD, such as 2025-04-26"), date);
      return FALSE;
    }
  if (!valid_language (language))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->language_row), "error");
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” is not a language code: use two letters, such as en or fr"), language);
      return FALSE;
    }
  language_lower = language ? g_ascii_strdown (language, -1) : NULL;

  lectern_document_set_title (self->document, title);
  lectern_document_set_author (self->document, author);
  lectern_document_set_source (self->document, source);
  lectern_document_set_date (self->document, date);
  lectern_document_set_language (self->document, language_lower);

  for (guint i = 0; i < self->removed_keys->len; i++)
    lectern_document_set_variable (self->document, g_ptr_array_index (self->removed_keys, i), NULL);
  for (guint i = 0; i < self->variable_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->variable_rows, i);
      g_autofree char *value = row_text (row);

      lectern_document_set_variable (self->document,
                                     adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                     value);
    }

  return lectern_project_update_document (self->project, self->document, error);
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  LecternDocumentDialog *self = LECTERN_DOCUMENT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (lectern_document_dialog_save (self, &error))
    gtk_window_destroy (GTK_WINDOW (self));
  else
    adw_toast_overlay_add_toast (self->toast_overlay, lectern_plain_toast_new (error->message));
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text ? text : _("Unknown"));
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
load (LecternDocumentDialog *self)
{
  LecternDocument *doc = self->document;
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autofree char *imported = NULL;
  g_autofree char *length = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), lectern_document_get_title (doc) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->author_row), lectern_document_get_author (doc) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), lectern_document_get_source (doc) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), lectern_document_get_date (doc) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->language_row), lectern_document_get_language (doc) ?: "");

  g_hash_table_iter_init (&iter, lectern_document_get_variables (doc));
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *k = g_ptr_array_index (keys, i);
      add_variable_row (self, k, lectern_document_get_variable (doc, k));
    }

  set_subtitle (self->file_row, lectern_document_get_original_name (doc));
  set_subtitle (self->encoding_row, lectern_document_get_encoding (doc));
  if (lectern_document_get_imported (doc))
    imported = lectern_long_date_format_time (lectern_document_get_imported (doc));
  set_subtitle (self->imported_row, imported);
  length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld character", "%ld characters",
                                         lectern_document_get_length (doc)),
                            lectern_document_get_length (doc));
  set_subtitle (self->length_row, length);
}

static void
lectern_document_dialog_dispose (GObject *object)
{
  LecternDocumentDialog *self = LECTERN_DOCUMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_DOCUMENT_DIALOG);
  g_clear_object (&self->project);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (lectern_document_dialog_parent_class)->dispose (object);
}

static void
lectern_document_dialog_finalize (GObject *object)
{
  LecternDocumentDialog *self = LECTERN_DOCUMENT_DIALOG (object);

  g_clear_pointer (&self->variable_rows, g_ptr_array_unref);
  g_clear_pointer (&self->removed_keys, g_ptr_array_unref);
  G_OBJECT_CLASS (lectern_document_dialog_parent_class)->finalize (object);
}

static void
lectern_document_dialog_class_init (LecternDocumentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_document_dialog_dispose;
  object_class->finalize = lectern_document_dialog_finalize;

  g_type_ensure (LECTERN_TYPE_MEMO_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-document-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternDocumentDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, LecternDocumentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, LecternDocumentDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, LecternDocumentDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, LecternDocumentDialog, imported_row);
  gtk_widget_class_bind_template_child (widget_class, LecternDocumentDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, LecternDocumentDialog, length_row);
  gtk_widget_class_bind_template_child (widget_class, LecternDocumentDialog, memo_pane);
  gtk_widget_class_bind_template_child (widget_class, LecternDocumentDialog, new_variable_row);
  gtk_widget_class_bind_template_child (widget_class, LecternDocumentDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, LecternDocumentDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, LecternDocumentDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LecternDocumentDialog, variables_group);
  gtk_widget_class_bind_template_callback (widget_class, new_variable_cb);

  gtk_widget_class_install_action (widget_class, "details.save", NULL, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "details.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lectern_document_dialog_init (LecternDocumentDialog *self)
{
  self->variable_rows = g_ptr_array_new ();
  self->removed_keys = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

LecternDocumentDialog *
lectern_document_dialog_new (LecternProject *project,
                             gint64         document_id)
{
  LecternDocumentDialog *self;
  g_autoptr(LecternDocument) document = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);

  if (!(document = lectern_project_dup_document (project, document_id, NULL)))
    return NULL;

  self = g_object_new (LECTERN_TYPE_DOCUMENT_DIALOG, NULL);
  self->project = g_object_ref (project);
  self->document = g_steal_pointer (&document);
  load (self);
  lectern_memo_pane_set_memo (self->memo_pane, project, LECTERN_MEMO_DOCUMENT, document_id);
  return self;
}

void
lectern_document_dialog_present (GtkWindow     *parent,
                                 LecternProject *project,
                                 gint64         document_id)
{
  LecternDocumentDialog *self = lectern_document_dialog_new (project, document_id);

  if (self == NULL)
    return;
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_present (GTK_WINDOW (self));
}
