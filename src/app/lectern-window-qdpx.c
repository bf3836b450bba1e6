/* lectern-window-qdpx.c — opening a REFI-QDA project (.qdpx) from ATLAS.ti,
 * MAXQDA, NVivo or QualCoder: it becomes a new Lectern project, made in the
 * background with the window's progress bar and Cancel, then opened. The
 * .qdpx itself is only read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-export.h"
#include "lectern-import.h"
#include "lectern-window-private.h"

#define PULSE_INTERVAL_MS 120

gboolean
_lectern_file_is_qdpx (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, ".qdpx");
}

/* "Study.qdpx" → "Study.lectern" beside it, or "Study 2.lectern" and on
 * when that is taken: the import never writes over a file. */
static GFile *
default_project_file (GFile *qdpx)
{
  g_autoptr(GFile) folder = g_file_get_parent (qdpx);
  g_autofree char *name = g_file_get_basename (qdpx);
  g_autofree char *stem = NULL;
  const char *dot = strrchr (name, '.');

  stem = dot != NULL && dot != name ? g_strndup (name, dot - name) : g_strdup (name);
  for (guint i = 1; ; i++)
    {
      g_autofree char *candidate = i == 1 ? g_strconcat (stem, ".lectern", NULL)
                                          : g_strdup_printf ("%s %u.lectern", stem, i);
      g_autoptr(GFile) file = folder != NULL ? g_file_get_child (folder, candidate)
                                             : g_file_new_for_path (candidate);

      if (!g_file_query_exists (file, NULL) || i == 1000)
        return g_steal_pointer (&file);
    }
}

static gboolean
pulse_cb (gpointer data)
{
  LecternWindow *self = data;

  gtk_progress_bar_pulse (self->import_progress);
  return G_SOURCE_CONTINUE;
}

static void
show_left_out (LecternWindow *self,
               GFile         *qdpx,
               GPtrArray     *skipped)
{
  g_autofree char *name = g_file_get_basename (qdpx);
  g_autofree char *body = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; i < skipped->len; i++)
    {
      if (lines->len > 0)
        g_string_append (lines, "\n\n");
      g_string_append_printf (lines, "• %s", (const char *) g_ptr_array_index (skipped, i));
    }
  body = g_strdup_printf (_("“%s” is open as a new project with its texts, codes and notes. "
                            "Lectern keeps text only, so these were not imported:"),
                          name);
  _lectern_window_present_report (self, _("Some Sources Were Left Out"), body, lines->str);
}

typedef struct
{
  LecternWindow *self;
  GFile         *qdpx;
  GFile         *project;
} QdpxImport;

static void
qdpx_import_free (QdpxImport *import)
{
  g_clear_object (&import->self);
  g_clear_object (&import->qdpx);
  g_clear_object (&import->project);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QdpxImport, qdpx_import_free)

static void
qdpx_import_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(QdpxImport) import = user_data;
  LecternWindow *self = import->self;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;

  (void) source;
  g_clear_handle_id (&self->import_pulse_id, g_source_remove);
  g_clear_object (&self->import_cancellable);
  if (self->import_revealer == NULL)
    return;  /* the window closed meanwhile: the import was cancelled */
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  _lectern_window_update_actions (self);

  if (!lectern_qdpx_import_finish (result, &skipped, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lectern_window_toast (self, _("Import cancelled; no project was made"));
      else
        _lectern_window_show_error (self, _("Could Not Open REFI-QDA Project"), error);
      return;
    }

  if (!lectern_window_open_project (self, import->project, &error))
    {
      _lectern_window_show_error (self, _("Could Not Open Project"), error);
      return;
    }

  if (skipped->len > 0)
    show_left_out (self, import->qdpx, skipped);
  else
    {
      g_autofree char *name = g_file_get_basename (import->project);
      g_autofree char *message = g_strdup_printf (_("Imported as the new project “%s”"), name);

      lectern_window_toast (self, message);
    }
}

void
lectern_window_import_qdpx (LecternWindow *self,
                            GFile         *qdpx,
                            GFile         *project)
{
  QdpxImport *import;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (LECTERN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (qdpx));
  g_return_if_fail (G_IS_FILE (project));

  if (_lectern_window_is_importing (self))
    {
      lectern_window_toast (self, _("Wait for the current import to finish, or cancel it"));
      return;
    }

  name = g_file_get_basename (qdpx);
  /* Translators: "Reading “study.qdpx”…" while a REFI-QDA project is imported */
  text = g_strdup_printf (_("Reading “%s”…"), name);
  self->import_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_label_set_text (self->import_label, text);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  /* The reader reports no fraction: show that it works, not how far. */
  self->import_pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
  _lectern_window_update_actions (self);

  import = g_new0 (QdpxImport, 1);
  import->self = g_object_ref (self);
  import->qdpx = g_object_ref (qdpx);
  import->project = g_object_ref (project);
  lectern_qdpx_import_async (qdpx, project, self->import_cancellable, qdpx_import_done_cb, import);
}

static void
save_response_cb (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  LecternWindow *self = LECTERN_WINDOW (user_data);
  GFile *qdpx = g_object_get_data (G_OBJECT (native), "qdpx");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) project = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      lectern_window_import_qdpx (self, qdpx, project);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
_lectern_window_open_qdpx (LecternWindow *self,
                           GFile         *qdpx)
{
  GtkFileChooserNative *native;
  g_autoptr(GFile) suggestion = default_project_file (qdpx);
  g_autoptr(GFile) folder = g_file_get_parent (suggestion);
  g_autofree char *name = g_file_get_basename (suggestion);

  g_return_if_fail (LECTERN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (qdpx));

  /* The .qdpx stays as it is; ask where the Lectern project goes. */
  native = gtk_file_chooser_native_new (_("Save Imported Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data_full (G_OBJECT (native), "qdpx", g_object_ref (qdpx), g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
