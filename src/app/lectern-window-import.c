/* lectern-window-import.c — importing files in the background: the
 * progress bar with Cancel, then a summary of what was refused and why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#ifdef LECTERN_HAVE_IMPORT
# include "lectern-import.h"
#endif

#include "lectern-window-private.h"

gboolean
_lectern_window_is_importing (LecternWindow *self)
{
  return self->import_cancellable != NULL;
}

void
_lectern_window_cancel_import (LecternWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

GFile *
_lectern_window_dup_import_folder (LecternWindow *self)
{
  if (self->project == NULL)
    return NULL;
  return g_file_get_parent (lectern_project_get_file (self->project));
}

void
_lectern_window_present_report (LecternWindow *self,
                                const char    *heading,
                                const char    *body,
                                const char    *report)
{
  GtkWidget *dialog, *scroller, *label;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  /* File names and reasons are plain text, never markup. */
  label = gtk_label_new (report);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "import-reasons");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  /* A wrapped label's natural height is underestimated before it has a
   * width: without a floor the list showed two lines of a long report. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  g_set_weak_pointer (&self->import_summary, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

#ifdef LECTERN_HAVE_IMPORT

static void
import_progress_cb (guint       done,
                    guint       total,
                    const char *current_name,
                    gpointer    data)
{
  LecternWindow *self = data;
  g_autofree char *text = NULL;

  if (total > 0)
    gtk_progress_bar_set_fraction (self->import_progress, (double) done / total);

  if (current_name != NULL)
    /* Translators: "Importing “notes.txt” (2 of 5)" */
    text = g_strdup_printf (_("Importing “%s” (%u of %u)"), current_name, done + 1, total);
  else
    text = g_strdup (_("Finishing import…"));
  gtk_label_set_text (self->import_label, text);
}

/* "A very long file name of a scanned report.txt" → "A very long fi…report.txt":
 * both ends of a name tell it apart from its neighbours. */
static char *
shorten_middle (const char *text,
                glong       max_chars)
{
  glong n = g_utf8_strlen (text, -1);
  glong head = (max_chars - 1) / 2, tail = max_chars - 1 - head;
  g_autofree char *start = NULL;

  if (n <= max_chars)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, head);
  return g_strconcat (start, "…", g_utf8_offset_to_pointer (text, n - tail), NULL);
}

/* Every quoted name in @message (“…”) shortened: a refusal names the
 * file once, and a long title must not fill the dialog. */
static char *
shorten_quotes (const char *message)
{
  GString *out = g_string_new (NULL);
  const char *p = message;
  const char *open;

  while ((open = strstr (p, "“")) != NULL)
    {
      const char *inside = open + strlen ("“");
      const char *close = strstr (inside, "”");
      g_autofree char *name = NULL;
      g_autofree char *shortened = NULL;

      if (close == NULL)
        break;
      name = g_strndup (inside, close - inside);
      shortened = shorten_middle (name, 40);
      g_string_append_len (out, p, inside - p);
      g_string_append (out, shortened);
      p = close;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

/* One line per refused file: its name once, and why. */
static char *
refusal_line (LecternImportResult *result)
{
  const GError *error = lectern_import_result_get_error (result);
  g_autofree char *name = shorten_middle (lectern_import_result_get_display_name (result), 40);

  if (error == NULL)
    return g_strdup_printf ("• %s", name);
  /* The core's message names the document and its twin by title, which
   * is often the file's name again: said once is enough. */
  if (g_error_matches (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DUPLICATE))
    /* Translators: a refused file in the import summary */
    return g_strdup_printf (_("• “%s”: the same text is already in the project"), name);
  {
    g_autofree char *message = shorten_quotes (error->message);

    return g_strdup_printf ("• %s", message);
  }
}

static void
show_summary (LecternWindow *self,
              GListModel    *results)
{
  guint n = g_list_model_get_n_items (results);
  guint n_ok = 0;
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autoptr(GString) notices = g_string_new (NULL);
  gboolean has_warnings = FALSE;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternImportResult) result = g_list_model_get_item (results, i);

      if (lectern_import_result_get_succeeded (result))
        {
          g_autofree char *notice = lectern_import_result_dup_notice (result);
          GPtrArray *warnings = lectern_import_result_get_warnings (result);

          n_ok++;
          if (notice != NULL)
            g_string_append_printf (notices, "\n\n• %s", notice);
          /* What a format's reader could not do (pages without text…). */
          for (guint w = 0; w < warnings->len; w++)
            {
              g_autofree char *warning = shorten_quotes (g_ptr_array_index (warnings, w));

              g_string_append_printf (notices, "\n\n• %s", warning);
              has_warnings = TRUE;
            }
        }
      else
        {
          g_autofree char *line = refusal_line (result);

          if (reasons->len > 0)
            g_string_append (reasons, "\n\n");
          g_string_append (reasons, line);
        }
    }

  if (n_ok == n && notices->len == 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Imported %u document",
                                                               "Imported %u documents", n_ok), n_ok);
      lectern_window_toast (self, message);
      return;
    }

  if (n_ok == n)
    {
      /* Imported, but a repair the user must hear of: damaged bytes. */
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Imported %u Document",
                                              "Imported %u Documents", n_ok), n_ok);
      body = g_strdup (has_warnings ? _("Some files could not be read entirely:")
                                    : _("Some files were not entirely valid text:"));
      _lectern_window_present_report (self, heading, body, notices->str + 2);
      return;
    }

  g_string_append (reasons, notices->str);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u File Was Not Imported",
                                          "%u Files Were Not Imported", n - n_ok), n - n_ok);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u document was imported. These files were refused:",
                                       "%u documents were imported. These files were refused:",
                                       n_ok), n_ok);
  _lectern_window_present_report (self, heading, body, reasons->str);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LecternWindow) self = user_data;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  results = lectern_importer_import_files_finish (result, &error);

  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  _lectern_window_update_actions (self);

  /* The importer wrote through its own connection: show what it added. */
  if (self->project != NULL)
    lectern_project_refresh (self->project);

  if (results == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lectern_window_toast (self, _("Import cancelled; documents imported before stay in the project"));
      else
        _lectern_window_show_error (self, _("Could Not Import"), error);
      return;
    }

  g_set_object (&self->import_results, results);

  if (self->project != NULL && self->document_id == 0)
    {
      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(LecternImportResult) r = g_list_model_get_item (results, i);

          if (lectern_import_result_get_succeeded (r))
            {
              lectern_window_set_document_id (self, lectern_import_result_get_document_id (r));
              break;
            }
        }
    }

  show_summary (self, results);
}

void
lectern_window_import_files (LecternWindow  *self,
                             GFile         **files,
                             guint           n_files)
{
  g_return_if_fail (LECTERN_IS_WINDOW (self));

  if (self->project == NULL || n_files == 0)
    return;

  if (_lectern_window_is_importing (self))
    {
      lectern_window_toast (self, _("Wait for the current import to finish, or cancel it"));
      return;
    }

  self->import_cancellable = g_cancellable_new ();
  g_clear_object (&self->import_results);
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_label_set_text (self->import_label, _("Importing…"));
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  _lectern_window_update_actions (self);

  lectern_importer_import_files_async (lectern_project_get_file (self->project),
                                       files, n_files,
                                       import_progress_cb, self,
                                       self->import_cancellable,
                                       import_done_cb, g_object_ref (self));
}

#else /* !LECTERN_HAVE_IMPORT */

void
lectern_window_import_files (LecternWindow  *self,
                             GFile         **files,
                             guint           n_files)
{
  g_return_if_fail (LECTERN_IS_WINDOW (self));

  lectern_window_toast (self, _("This build of Lectern cannot import documents"));
}

#endif
