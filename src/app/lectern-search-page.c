/* lectern-search-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-export.h"
#include "lectern-search-page.h"

void
lectern_search_page_bind_busy (LecternAnalysisRunner *runner,
                               GtkSpinner            *spinner,
                               GtkWidget             *cancel_button)
{
  g_object_bind_property (runner, "busy", spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_object_bind_property (runner, "busy", spinner, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (runner, "busy", cancel_button, "visible", G_BINDING_SYNC_CREATE);
}

LecternDocumentFilter *
lectern_search_page_begin (LecternAnalysisRunner *runner,
                           GtkMenuButton         *button,
                           LecternCorpusFilter   *filter,
                           const char            *text,
                           GError               **error)
{
  guint n_filters = lectern_corpus_filter_get_n_active (filter);
  g_autofree char *label = n_filters > 0 ? g_strdup_printf (_("Filters (%u)"), n_filters)
                                         : g_strdup (_("Filters"));

  lectern_analysis_runner_reset (runner);
  gtk_menu_button_set_label (button, label);
  if (lectern_analysis_runner_get_project (runner) == NULL || text[0] == '\0')
    return NULL;
  return lectern_corpus_filter_dup_filter (filter, error);
}

void
lectern_search_page_show_error (GtkLabel      *label,
                                char         **message,
                                const GError  *error)
{
  g_free (*message);
  *message = error ? g_strdup (error->message) : NULL;
  gtk_label_set_text (label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

void
lectern_search_page_add_column (GtkColumnView *view,
                                guint          column,
                                const char    *title,
                                gboolean       expand,
                                GCallback      setup,
                                GCallback      bind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_signal_connect (factory, "setup", setup, GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", bind, GUINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (view, col);
}

void
lectern_search_page_save_csv (AdwToastOverlay *overlay,
                              GString         *csv,
                              GFile           *file,
                              const char      *failed,
                              const char      *done)
{
  g_autoptr(GError) error = NULL;

  if (!lectern_csv_table_save (csv, file, &error))
    {
      g_autofree char *title = g_strdup_printf ("%s: %s", failed, error->message);

      adw_toast_overlay_add_toast (overlay, adw_toast_new (title));
    }
  else
    adw_toast_overlay_add_toast (overlay, adw_toast_new (done));
}
