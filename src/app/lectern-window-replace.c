/* lectern-window-replace.c — Replace Text from File…: a document's text
 * replaced by a revised version of it (any format import reads), its
 * passages carried over by the word difference (issue #19).
 *
 * The file is read and the difference worked out in one LecternJob, with
 * the window's progress bar and Cancel (the import's: one long task at a
 * time); the replacement is then applied on the window's connection as
 * one undo step, and a summary says what became of the passages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-compare.h"
#include "lectern-import.h"
#include "lectern-plain-toast.h"
#include "lectern-window-private.h"

typedef struct
{
  GFile  *file;
  gint64  document_id;
} ReplaceInput;

static void
replace_input_free (ReplaceInput *input)
{
  g_clear_object (&input->file);
  g_free (input);
}

/* In the worker: the file read as import reads it, the document's text
 * and passages read on the worker's own connection, the difference. */
static gpointer
replace_compute_func (LecternJob      *job,
                      LecternProject  *project,
                      gpointer         data,
                      GCancellable    *cancellable,
                      GError         **error)
{
  ReplaceInput *input = data;
  g_autoptr(LecternDocument) read = NULL;
  g_autoptr(GListModel) passages = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *old_text = NULL;

  read = lectern_importer_read_file (input->file, &new_text, cancellable, error);
  if (read == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  lectern_job_report (job, 1, 2, NULL);
  old_text = lectern_project_dup_text (project, input->document_id, error);
  if (old_text == NULL)
    return NULL;
  passages = lectern_project_list_annotations (project, input->document_id, 0, FALSE, error);
  if (passages == NULL)
    return NULL;
  return lectern_text_replacement_compute (old_text, new_text, passages, error);
}

typedef struct
{
  LecternWindow *self;
  GFile         *file;
  GCancellable  *cancellable;
  LecternProject *project;
  gint64         document_id;
} ReplaceRequest;

static void
replace_request_free (ReplaceRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->file);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->project);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReplaceRequest, replace_request_free)

static void
replace_progress_cb (guint       done,
                     guint       total,
                     const char *what,
                     gpointer    user_data)
{
  LecternWindow *self = user_data;

  if (self->import_label == NULL)
    return;
  if (total > 0)
    gtk_progress_bar_set_fraction (self->import_progress, (double) done / total);
  if (done > 0)
    gtk_label_set_text (self->import_label, _("Comparing the old and new text…"));
}

/* The replacement, and the speaker turns found again (a label may have
 * changed with the words), as one undo step: both or neither, as the
 * CLI's document-replace does. */
static gboolean
apply_replacement (LecternWindow          *self,
                   LecternTextReplacement *replacement,
                   gint64                  document_id,
                   LecternEditReport      *report,
                   GError                **error)
{
  if (!lectern_project_begin_group (self->project, error))
    return FALSE;
  lectern_project_name_group (self->project, _("Replace Text from File"));
  if (!lectern_text_replacement_apply (replacement, self->project, document_id, report, error)
      || !lectern_document_turns_store (self->project, document_id, FALSE, error))
    {
      lectern_project_end_group (self->project, FALSE, NULL);
      return FALSE;
    }
  return lectern_project_end_group (self->project, TRUE, error);
}

static void
summary_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LecternWindow    *self)
{
  AdwToast *toast;

  if (g_str_equal (response, "undo"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.undo", NULL);
      return;
    }
  /* Undo stays at hand a little longer than the dialog (and Ctrl+Z). */
  toast = lectern_plain_toast_new (_("Text replaced"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* What became of the passages, one line each, in words. */
static char *
spell_out_report (const LecternEditReport *report)
{
  GString *lines = g_string_new (NULL);

  g_string_append_printf (lines, g_dngettext (GETTEXT_PACKAGE,
                                              "• %u passage kept its place and words",
                                              "• %u passages kept their place and words",
                                              report->kept), report->kept);
  g_string_append (lines, "\n");
  g_string_append_printf (lines, g_dngettext (GETTEXT_PACKAGE,
                                              "• %u passage moved with its words",
                                              "• %u passages moved with their words",
                                              report->moved), report->moved);
  g_string_append (lines, "\n");
  g_string_append_printf (lines, g_dngettext (GETTEXT_PACKAGE,
                                              "• %u passage resized: some of its words changed",
                                              "• %u passages resized: some of their words changed",
                                              report->resized), report->resized);
  g_string_append (lines, "\n");
  g_string_append_printf (lines, g_dngettext (GETTEXT_PACKAGE,
                                              "• %u passage orphaned: its words are gone",
                                              "• %u passages orphaned: their words are gone",
                                              report->orphaned), report->orphaned);
  return g_string_free (lines, FALSE);
}

static void
show_summary (LecternWindow           *self,
              GFile                   *file,
              gint64                   document_id,
              const LecternEditReport *report)
{
  g_autoptr(LecternDocument) doc = lectern_project_dup_document (self->project, document_id, NULL);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *lines = spell_out_report (report);
  g_autoptr(GString) text = g_string_new (lines);
  GtkWidget *dialog, *label;

  /* Translators: the heading of the summary after Replace Text from File */
  heading = g_strdup_printf (_("Text of “%s” Replaced"), doc ? lectern_document_get_title (doc) : name);
  /* Translators: "The text now is “revised.docx”. Its passages:" */
  body = g_strdup_printf (_("The text now is that of “%s”; the earlier one is kept as a version. Its passages:"), name);
  if (report->moved > 0)
    {
      g_string_append (text, "\n\n");
      /* Translators: %d is the similarity in percent, e.g. 80 */
      g_string_append_printf (text, _("A passage whose words the comparison could not follow was looked for by "
                                      "its quote and context, and moved where at least %d %% of its words are "
                                      "alike: check the moved passages."),
                              (int) (LECTERN_TEXT_REPLACE_MIN_SIMILARITY * 100 + 0.5));
    }
  if (report->orphaned > 0)
    {
      g_string_append (text, "\n\n");
      g_string_append (text, _("Orphaned passages keep their quote, note and tags; place them again "
                               "from the list of orphans."));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  label = gtk_label_new (text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "import-reasons");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "undo", _("_Undo Replacement"),
                                    "close", _("_Keep New Text"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (summary_response_cb), self, 0);

  g_set_weak_pointer (&self->import_summary, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
replace_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ReplaceRequest) request = user_data;
  LecternWindow *self = request->self;
  g_autoptr(LecternTextReplacement) replacement = NULL;
  g_autoptr(GError) error = NULL;
  LecternEditReport report = { 0, };

  (void) source;
  replacement = lectern_job_propagate (result, lectern_window_replace_text_from_file, &error);
  /* Cancel pressed after the work was done still means no change. */
  if (replacement != NULL && g_cancellable_set_error_if_cancelled (request->cancellable, &error))
    g_clear_pointer (&replacement, lectern_text_replacement_free);

  g_clear_object (&self->import_cancellable);
  if (self->import_revealer == NULL)
    return;  /* the window closed meanwhile */
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  _lectern_window_update_actions (self);

  if (replacement == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lectern_window_toast (self, _("Replacement cancelled; the text is unchanged"));
      else
        _lectern_window_show_error (self, _("Could Not Replace the Text"), error);
      return;
    }
  /* Another project opened meanwhile: the document is not its. */
  if (self->project == NULL || self->project != request->project)
    return;

  if (!apply_replacement (self, replacement, request->document_id, &report, &error))
    {
      _lectern_window_show_error (self, _("Could Not Replace the Text"), error);
      return;
    }
  show_summary (self, request->file, request->document_id, &report);
}

void
lectern_window_replace_text_from_file (LecternWindow *self,
                                       gint64         document_id,
                                       GFile         *file)
{
  g_autoptr(LecternJob) job = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  ReplaceInput *input;
  ReplaceRequest *request;

  g_return_if_fail (LECTERN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->project == NULL || document_id == 0)
    return;
  if (_lectern_window_is_importing (self))
    {
      lectern_window_toast (self, _("Wait for the current import to finish, or cancel it"));
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: "Reading “revised.docx”…" while a text is replaced */
  text = g_strdup_printf (_("Reading “%s”…"), name);
  self->import_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_label_set_text (self->import_label, text);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  _lectern_window_update_actions (self);

  input = g_new0 (ReplaceInput, 1);
  input->file = g_object_ref (file);
  input->document_id = document_id;
  request = g_new0 (ReplaceRequest, 1);
  request->self = g_object_ref (self);
  request->file = g_object_ref (file);
  request->cancellable = g_object_ref (self->import_cancellable);
  request->project = g_object_ref (self->project);
  request->document_id = document_id;

  job = lectern_job_new (lectern_project_get_file (self->project), replace_compute_func,
                         input, (GDestroyNotify) replace_input_free,
                         (GDestroyNotify) lectern_text_replacement_free);
  lectern_job_set_progress (job, replace_progress_cb, self);
  lectern_job_run_async (job, lectern_window_replace_text_from_file, self->import_cancellable,
                         replace_done_cb, request);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     LecternWindow   *self)
{
  gint64 document_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (native), "document-id"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        lectern_window_replace_text_from_file (self, document_id, file);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

/* win.replace-text (x): the document's text from a file; 0 is the
 * document being read. */
static void
replace_text_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  gint64 document_id = g_variant_get_int64 (param);
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  g_autoptr(LecternDocument) doc = NULL;
  g_autofree char *title = NULL;
  GtkFileChooserNative *native;
  guint n_formats;
  const LecternFormat *formats = lectern_format_get_all (&n_formats);

  if (document_id == 0)
    document_id = self->document_id;
  if (self->project == NULL)
    return;
  if (document_id == 0)
    {
      lectern_window_toast (self, _("Open the document whose text to replace first"));
      return;
    }
  doc = lectern_project_dup_document (self->project, document_id, NULL);
  if (doc == NULL)
    return;

  /* Translators: the file chooser's title, "Replace Text of “Title”" */
  title = g_strdup_printf (_("Replace Text of “%s”"), lectern_document_get_title (doc));
  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Replace"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  folder = _lectern_window_dup_import_folder (self);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  /* Every format the importer reads, by its names' extensions. */
  gtk_file_filter_set_name (documents, _("Documents"));
  gtk_file_filter_add_mime_type (documents, "text/plain");
  for (guint i = 0; i < n_formats; i++)
    for (guint j = 0; formats[i].extensions[j] != NULL; j++)
      gtk_file_filter_add_suffix (documents, formats[i].extensions[j]);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), documents);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  g_object_set_data (G_OBJECT (native), "document-id", GSIZE_TO_POINTER ((gsize) document_id));
  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_lectern_window_update_replace_actions (LecternWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.replace-text",
                                 self->project != NULL && !_lectern_window_is_importing (self));
}

void
_lectern_window_class_init_replace (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.replace-text", "x", replace_text_cb);
}
