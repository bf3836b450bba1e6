/* test-french.c — the workbench in French: with LANGUAGE=fr the window
 * shows the catalogue the build made from po/fr.po.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-window.h"

static AdwStatusPage *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return ADW_STATUS_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_window_in_french (void)
{
  g_autoptr(LecternApplication) app = NULL;
  LecternWindow *window;
  AdwStatusPage *page;

  app = lectern_application_new ("org.gnome.Lectern.TestFrench", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  /* With no project open the window shows its empty state. */
  window = lectern_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  page = find_status_page (GTK_WIDGET (window));
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Aucun projet ouvert");
  /* And code strings, not only templates. */
  g_assert_cmpstr (_("No Project Open"), ==, "Aucun projet ouvert");
  /* One English word, two French ones: the export dialog's tag filter is
   * a noun, the reader's button a verb. */
  g_assert_cmpstr (C_("export filter: the tag passages must have", "_Tag"), ==, "É_tiquette");
  g_assert_cmpstr (_("_Tag"), ==, "É_tiqueter");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LECTERN_LOCALEDIR");

  /* LANGUAGE picks the catalogue; the C.UTF-8 locale keeps the test
   * independent of which locales the machine has generated. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it empties XDG_DATA_DIRS, and without
   * the MIME database gdk-pixbuf cannot tell an SVG icon from garbage. The
   * test opens no project and writes nothing. */
  g_test_init (&argc, &argv, NULL);

  if (!app_test_init_gtk ())
    return APP_TEST_SKIP;

  g_test_add_func ("/Lectern/App/french", test_window_in_french);
  return g_test_run ();
}
