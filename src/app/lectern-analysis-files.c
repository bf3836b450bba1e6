/* lectern-analysis-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-core.h"
#include "lectern-analysis-files.h"

gboolean
lectern_analysis_save_file (GFile                    *file,
                            LecternAnalysisWriteFunc  write,
                            gpointer                  user_data,
                            GError                  **error)
{
  g_autoptr(LecternAtomicFile) atomic = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  atomic = lectern_atomic_file_new (file, 0, &local_error);
  if (atomic != NULL
      && write (lectern_atomic_file_get_stream (atomic), user_data, &local_error)
      && lectern_atomic_file_commit (atomic, &local_error))
    return TRUE;

  name = g_file_get_parse_name (file);
  g_set_error (error, local_error->domain, local_error->code,
               _("Could not save “%s”: %s"), name, local_error->message);
  return FALSE;
}

static void
response_cb (GtkNativeDialog *native,
             int              response,
             gpointer         user_data)
{
  GtkWidget *widget = g_object_get_data (G_OBJECT (native), "analysis-widget");
  AdwToastOverlay *toasts = g_object_get_data (G_OBJECT (native), "analysis-toasts");
  LecternAnalysisExportFunc export = user_data;

  if (response == GTK_RESPONSE_ACCEPT && widget != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !export (widget, file, &error) && error != NULL)
        adw_toast_overlay_add_toast (toasts, adw_toast_new (error->message));
    }
  g_object_unref (native);
}

void
lectern_analysis_export (GtkWidget                *widget,
                         AdwToastOverlay          *toasts,
                         const char               *title,
                         const char               *name,
                         const char               *filter_name,
                         const char               *suffix,
                         LecternAnalysisExportFunc export)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  native = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (suffix != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_suffix (filter, suffix);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  /* The view stays until the dialog answers. */
  g_object_set_data_full (G_OBJECT (native), "analysis-widget", g_object_ref (widget), g_object_unref);
  g_object_set_data_full (G_OBJECT (native), "analysis-toasts", g_object_ref (toasts), g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
