/* lectern-window-merge.c — Merge Project…: another copy's work (a
 * .lectern project or a REFI-QDA .qdpx) brought into this project
 * (issue #15).
 *
 * The other file is read and compared with the project in a LecternJob,
 * with the window's progress bar and Cancel; a dialog then shows what
 * the merge would add, what is already here and what conflicts (kept
 * both ways), and nothing is written until the user says Merge. The
 * merge is then one transaction and one undo step on the window's
 * connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-import.h"
#include "lectern-plain-toast.h"
#include "lectern-window-private.h"

/* The preview lists at most this many lines; a merge of a whole corpus
 * says how many more there are rather than building thousands of rows. */
#define MAX_PREVIEW_ROWS 400

typedef struct
{
  LecternWindow  *self;
  LecternProject *project;
  GCancellable   *cancellable;
} MergeRequest;

static void
merge_request_free (MergeRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->project);
  g_clear_object (&request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MergeRequest, merge_request_free)

static void
merge_progress_cb (guint       done,
                   guint       total,
                   const char *what,
                   gpointer    user_data)
{
  LecternWindow *self = user_data;

  if (self->import_label == NULL)
    return;
  if (total > 0)
    gtk_progress_bar_set_fraction (self->import_progress, (double) done / total);
  if (what != NULL)
    gtk_label_set_text (self->import_label, what);
}

/* "Adds 2 documents, 3 tags and 14 passages." and the like, naming only
 * the kinds it adds; NULL when it adds nothing. */
static char *
spell_out_additions (LecternMergePlan *plan)
{
  static const LecternMergeKind kinds[] = {
    LECTERN_MERGE_DOCUMENT, LECTERN_MERGE_TAG, LECTERN_MERGE_PASSAGE,
    LECTERN_MERGE_MEMO, LECTERN_MERGE_CODER,
  };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      guint n = lectern_merge_plan_get_n_added (plan, kinds[i]);
      char *part = NULL;

      if (n == 0)
        continue;
      switch (kinds[i])
        {
        case LECTERN_MERGE_DOCUMENT:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n), n);
          break;
        case LECTERN_MERGE_TAG:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u tag", "%u tags", n), n);
          break;
        case LECTERN_MERGE_PASSAGE:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", n), n);
          break;
        case LECTERN_MERGE_MEMO:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u memo", "%u memos", n), n);
          break;
        case LECTERN_MERGE_CODER:
          part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u coder", "%u coders", n), n);
          break;
        default:
          g_assert_not_reached ();
        }
      g_ptr_array_add (parts, part);
    }
  if (parts->len == 0)
    return NULL;
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        /* Translators: between the items of "2 documents, 3 tags and 1 coder" */
        g_string_append (list, i + 1 == parts->len ? _(" and ") : _(", "));
      g_string_append (list, g_ptr_array_index (parts, i));
    }
  /* Translators: %s is "2 documents, 3 tags and 1 coder" */
  return g_strdup_printf (_("Adds %s."), list->str);
}

static char *
spell_out_plan (LecternMergePlan *plan)
{
  g_autofree char *additions = spell_out_additions (plan);
  guint n_matched = lectern_merge_plan_get_n_matched (plan);
  guint n_conflicts = lectern_merge_plan_get_n_conflicts (plan);
  GString *text = g_string_new (additions != NULL ? additions : _("Adds nothing new."));

  g_string_append_c (text, ' ');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u item is already here.",
                                             "%u items are already here.", n_matched), n_matched);
  if (n_conflicts > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u item differs on the two sides: both versions are kept.",
                                                 "%u items differ on the two sides: both versions are kept.",
                                                 n_conflicts), n_conflicts);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
item_row_new (LecternMergeItem *item)
{
  gboolean conflict = lectern_merge_item_get_outcome (item) == LECTERN_MERGE_CONFLICT;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (conflict ? "dialog-warning-symbolic" : "list-add-symbolic");
  /* Titles, tag names and file names are the other side's text: plain,
   * never markup. */
  GtkWidget *label = gtk_label_new (lectern_merge_item_get_description (item));

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  conflict ? _("Conflict") : _("Added"), -1);
  if (conflict)
    gtk_widget_add_css_class (icon, "warning");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), label);
  return row;
}

/* The conflicts first (what needs a look after the merge), then what is
 * added; what is already here only counted. */
static GtkWidget *
items_list_new (LecternMergePlan *plan)
{
  GListModel *items = lectern_merge_plan_get_items (plan);
  guint n = g_list_model_get_n_items (items);
  GtkWidget *list = gtk_list_box_new ();
  guint shown = 0, left_out = 0;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_name (list, "merge-items");
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(LecternMergeItem) item = g_list_model_get_item (items, i);
        LecternMergeOutcome outcome = lectern_merge_item_get_outcome (item);

        if (outcome != (pass == 0 ? LECTERN_MERGE_CONFLICT : LECTERN_MERGE_ADDED))
          continue;
        if (shown == MAX_PREVIEW_ROWS)
          {
            left_out++;
            continue;
          }
        gtk_list_box_append (GTK_LIST_BOX (list), item_row_new (item));
        shown++;
      }
  if (left_out > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more item",
                                                            "and %u more items", left_out), left_out);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  if (shown == 0)
    return NULL;
  return list;
}

static char *
spell_out_done (LecternMergePlan *plan)
{
  g_autofree char *additions = spell_out_additions (plan);
  guint n_conflicts = lectern_merge_plan_get_n_conflicts (plan);

  if (n_conflicts == 0)
    /* Translators: a toast; %s is "Adds 2 documents, … and 1 memo." */
    return g_strdup_printf (_("Merged. %s"), additions != NULL ? additions : "");
  /* Translators: a toast; %s is "Adds 2 documents, … and 1 memo.", %u conflicts */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Merged. %s %u conflict kept both ways.",
                                       "Merged. %s %u conflicts kept both ways.", n_conflicts),
                          additions != NULL ? additions : "", n_conflicts);
}

/* An error, kept as the window's import_summary (for the tests, as the
 * other outcomes are). */
static void
show_error (LecternWindow *self,
            const GError  *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Merge the Project"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_set_weak_pointer (&self->import_summary, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
preview_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LecternWindow    *self)
{
  LecternMergePlan *plan = g_object_get_data (G_OBJECT (dialog), "plan");
  LecternProject *project = g_object_get_data (G_OBJECT (dialog), "project");
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  AdwToast *toast;

  if (!g_str_equal (response, "merge"))
    return;
  /* Another project opened while the dialog was up: not the one planned. */
  if (self->project == NULL || self->project != project)
    return;
  if (!lectern_merge_plan_apply (plan, self->project, &error))
    {
      show_error (self, error);
      return;
    }
  done = spell_out_done (plan);
  toast = lectern_plain_toast_new (done);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_preview (LecternWindow    *self,
              LecternMergePlan *plan)
{
  GFile *other = lectern_merge_plan_get_other (plan);
  g_autofree char *name = g_file_get_basename (other);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *list;

  if (lectern_merge_plan_is_empty (plan))
    {
      /* Translators: %s is a file name */
      body = g_strdup_printf (_("Everything in “%s” is already in this project."), name);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing to Merge"), body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      g_set_weak_pointer (&self->import_summary, ADW_MESSAGE_DIALOG (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Translators: the heading of the merge preview; %s is a file name */
  heading = g_strdup_printf (_("Merge “%s”?"), name);
  body = spell_out_plan (plan);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  list = items_list_new (plan);
  if (list != NULL)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
    }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "plan", g_object_ref (plan), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "project", g_object_ref (self->project), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (preview_response_cb), self, 0);

  g_set_weak_pointer (&self->import_summary, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
plan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MergeRequest) request = user_data;
  LecternWindow *self = request->self;
  g_autoptr(LecternMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  (void) source;
  plan = lectern_merge_plan_new_finish (result, &error);
  /* Cancel pressed after the reading was done still means no merge. */
  if (plan != NULL && g_cancellable_set_error_if_cancelled (request->cancellable, &error))
    g_clear_object (&plan);

  g_clear_object (&self->import_cancellable);
  if (self->import_revealer == NULL)
    return;  /* the window closed meanwhile */
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  _lectern_window_update_actions (self);

  if (plan == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lectern_window_toast (self, _("Merge cancelled; nothing was changed"));
      else
        show_error (self, error);
      return;
    }
  if (self->project == NULL || self->project != request->project)
    return;
  show_preview (self, plan);
}

void
lectern_window_merge_project (LecternWindow *self,
                              GFile         *other)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  MergeRequest *request;

  g_return_if_fail (LECTERN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (other));

  if (self->project == NULL)
    return;
  if (_lectern_window_is_importing (self))
    {
      lectern_window_toast (self, _("Wait for the current import to finish, or cancel it"));
      return;
    }

  name = g_file_get_basename (other);
  /* Translators: "Reading “copy.lectern”…" while a project is merged */
  text = g_strdup_printf (_("Reading “%s”…"), name);
  self->import_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_label_set_text (self->import_label, text);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  _lectern_window_update_actions (self);

  request = g_new0 (MergeRequest, 1);
  request->self = g_object_ref (self);
  request->project = g_object_ref (self->project);
  request->cancellable = g_object_ref (self->import_cancellable);
  /* The request holds the window until the callback, as the progress
   * function's data must live. */
  lectern_merge_plan_new_async (lectern_project_get_file (self->project), other,
                                merge_progress_cb, self, self->import_cancellable,
                                plan_done_cb, request);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     LecternWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        lectern_window_merge_project (self, file);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

/* win.merge-project: choose another copy of the project to merge in. */
static void
merge_project_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LecternWindow *self = LECTERN_WINDOW (widget);
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) lectern = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) qdpx = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *native;

  (void) action_name;
  (void) param;
  if (self->project == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Merge Project"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Merge"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  folder = _lectern_window_dup_import_folder (self);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  gtk_file_filter_set_name (projects, _("Lectern and REFI-QDA Projects"));
  gtk_file_filter_add_suffix (projects, "lectern");
  gtk_file_filter_add_suffix (projects, "qdpx");
  gtk_file_filter_set_name (lectern, _("Lectern Projects"));
  gtk_file_filter_add_suffix (lectern, "lectern");
  gtk_file_filter_set_name (qdpx, _("REFI-QDA Projects"));
  gtk_file_filter_add_suffix (qdpx, "qdpx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), projects);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), lectern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), qdpx);

  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_lectern_window_update_merge_actions (LecternWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-project",
                                 self->project != NULL && !_lectern_window_is_importing (self));
}

void
_lectern_window_class_init_merge (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.merge-project", NULL, merge_project_cb);
}
