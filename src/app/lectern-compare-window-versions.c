/* lectern-compare-window-versions.c — the versions mode on one document:
 * an earlier version of its text (read only, as no document: its
 * passages are on the current text) on the left, the current text on the
 * right, compared word by word (issue #19).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-compare-window-private.h"

/* "Version 2 · 3 Dec 2026 18:40 · Alice · Replaced by a new version…" */
static char *
version_label (LecternDocumentVersion *version)
{
  GDateTime *created = lectern_document_version_get_created (version);
  g_autoptr(GDateTime) local = created != NULL ? g_date_time_to_local (created) : NULL;
  /* Translators: a date and time in the versions list, as strftime () */
  g_autofree char *when = local != NULL ? g_date_time_format (local, _("%-d %b %Y %H:%M")) : NULL;
  const char *author = lectern_document_version_get_author (version);
  const char *description = lectern_document_version_get_description (version);
  GString *label = g_string_new (NULL);

  /* Translators: "Version 2", the start of a row of the versions list */
  g_string_append_printf (label, _("Version %u"), lectern_document_version_get_number (version));
  if (when != NULL)
    g_string_append_printf (label, " · %s", when);
  if (author != NULL && *author != '\0')
    g_string_append_printf (label, " · %s", author);
  if (description != NULL && *description != '\0')
    g_string_append_printf (label, " · %s", description);
  return g_string_free (label, FALSE);
}

/* The dropdown's rows: another document, then each earlier version of
 * the document on the right; shown in versions mode when there is one. */
void
_lectern_compare_window_refresh_versions (LecternCompareWindow *self)
{
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0, selected = 0;

  g_array_set_size (self->version_numbers, 0);
  /* Translators: the first row of the versions list: leave the versions */
  gtk_string_list_append (rows, _("Another Document"));
  g_array_append_val (self->version_numbers, n);

  if (self->project != NULL && self->doc[1] != 0 && self->mode == LECTERN_COMPARE_MODE_VERSIONS)
    {
      versions = lectern_project_list_document_versions (self->project, self->doc[1], &error);
      if (versions == NULL)
        g_warning ("Could not list the versions of document %" G_GINT64_FORMAT ": %s",
                   self->doc[1], error->message);
      n = versions != NULL ? g_list_model_get_n_items (versions) : 0;
    }
  /* The last version is the current text, on the right. */
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(LecternDocumentVersion) version = g_list_model_get_item (versions, i);
      g_autofree char *label = version_label (version);
      guint number = lectern_document_version_get_number (version);

      gtk_string_list_append (rows, label);
      g_array_append_val (self->version_numbers, number);
      if (number == self->version)
        selected = self->version_numbers->len - 1;
    }

  self->updating_versions = TRUE;
  gtk_drop_down_set_model (self->version_dropdown, G_LIST_MODEL (rows));
  gtk_drop_down_set_selected (self->version_dropdown, selected);
  self->updating_versions = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->version_dropdown), self->version_numbers->len > 1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->version_dropdown), self->version > 0);
  /* Coders mode shows one document, chosen on the right. */
  gtk_widget_set_visible (GTK_WIDGET (self->dropdown_a),
                          self->version == 0 && self->mode != LECTERN_COMPARE_MODE_CODERS);
}

void
_lectern_compare_window_leave_version (LecternCompareWindow *self,
                                       gint64                right)
{
  gint64 left = self->version_before;
  guint n = self->documents != NULL ? g_list_model_get_n_items (self->documents) : 0;

  /* Back to the document that was on the left, else any other. */
  for (guint i = 0; (left == 0 || left == right) && i < n; i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (self->documents, i);

      left = lectern_document_get_id (doc) != right ? lectern_document_get_id (doc) : 0;
    }
  self->version_before = 0;
  /* No other document: the earlier version must not stay on show. */
  if (left == 0)
    lectern_reader_view_show_text (self->pane_a, "");
  lectern_compare_window_set_documents (self, left, right);
}

static void
version_selected_cb (LecternCompareWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->version_dropdown);
  guint number;

  if (self->updating_versions || selected >= self->version_numbers->len)
    return;
  number = g_array_index (self->version_numbers, guint, selected);
  if (number == self->version)
    return;
  if (number == 0)
    _lectern_compare_window_leave_version (self, self->doc[1]);
  else
    lectern_compare_window_show_version (self, self->doc[1], number);
}

void
_lectern_compare_window_init_versions (LecternCompareWindow *self)
{
  self->version_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect_object (self->version_dropdown, "notify::selected",
                           G_CALLBACK (version_selected_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ */
/* The word difference of two texts, off the main thread                */

typedef struct
{
  char                 *old_text;
  char                 *new_text;
  LecternWordDiffFlags  flags;
} DiffInput;

typedef struct
{
  GArray             *chunks;
  LecternDiffSummary  summary;
} DiffResult;

static void
diff_input_free (DiffInput *input)
{
  g_free (input->old_text);
  g_free (input->new_text);
  g_free (input);
}

static void
diff_result_free (DiffResult *result)
{
  g_clear_pointer (&result->chunks, g_array_unref);
  g_free (result);
}

static gpointer
diff_func (LecternJob      *job,
           LecternProject  *project,
           gpointer         data,
           GCancellable    *cancellable,
           GError         **error)
{
  DiffInput *input = data;
  DiffResult *result = g_new0 (DiffResult, 1);

  /* Bounded: the word diff takes about a second at most. */
  result->chunks = lectern_word_diff (input->old_text, input->new_text, input->flags, &result->summary);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      diff_result_free (result);
      return NULL;
    }
  return result;
}

typedef struct
{
  LecternCompareWindow *self;
  GCancellable         *cancellable;
} Request;

static void
diff_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(LecternCompareWindow) self = request->self;
  g_autoptr(GCancellable) cancellable = request->cancellable;
  g_autoptr(GError) error = NULL;
  DiffResult *diff;

  g_free (request);
  diff = lectern_job_propagate (result, _lectern_compare_window_run_version, &error);

  /* A newer comparison replaced this one, or the window closed. */
  if (self->cancellable != cancellable)
    {
      g_clear_pointer (&diff, diff_result_free);
      return;
    }
  _lectern_compare_window_set_busy (self, NULL);
  if (diff == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _lectern_compare_window_show_error (self, _("Could Not Compare the Versions"), error);
      return;
    }
  _lectern_compare_window_show_result (self, g_steal_pointer (&diff->chunks), &diff->summary);
  diff_result_free (diff);
}

void
_lectern_compare_window_run_version (LecternCompareWindow *self,
                                     LecternWordDiffFlags  flags,
                                     GCancellable         *cancellable)
{
  g_autoptr(LecternJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  DiffInput *input;
  Request *request;

  old_text = lectern_project_dup_document_version_text (self->project, self->doc[1], self->version, &error);
  if (old_text != NULL)
    new_text = lectern_project_dup_text (self->project, self->doc[1], &error);
  if (new_text == NULL)
    {
      _lectern_compare_window_set_busy (self, NULL);
      _lectern_compare_window_show_error (self, _("Could Not Read the Earlier Version"), error);
      return;
    }

  lectern_reader_view_show_text (self->pane_a, old_text);

  input = g_new0 (DiffInput, 1);
  input->old_text = g_steal_pointer (&old_text);
  input->new_text = g_steal_pointer (&new_text);
  input->flags = flags;
  request = g_new0 (Request, 1);
  request->self = g_object_ref (self);
  request->cancellable = g_object_ref (cancellable);

  job = lectern_job_new (NULL, diff_func, input, (GDestroyNotify) diff_input_free,
                         (GDestroyNotify) diff_result_free);
  lectern_job_run_async (job, _lectern_compare_window_run_version, cancellable, diff_done_cb, request);
}
