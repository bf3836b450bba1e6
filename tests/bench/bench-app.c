/* bench-app.c — Lectern's application, started as the user starts it on a
 * project, timed to its first frame, and its memory once the project is
 * shown.
 *
 *   bench-app PROJECT [SETTLE_SECONDS]
 *
 * Runs the real LecternApplication (the code of the `lectern` binary) on
 * PROJECT. Prints first_frame_us (CLOCK_MONOTONIC when the first window
 * finished drawing its first frame, for the caller to subtract its start
 * time), then after SETTLE_SECONDS (default 3) of running, rss_kb and
 * hwm_kb of the process, and quits. Run under Xvfb with
 * GSK_RENDERER=cairo, GSETTINGS_BACKEND=memory and GSETTINGS_SCHEMA_DIR at
 * the build's data folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "lectern-application.h"

static gboolean first_frame_seen;
static guint settle_seconds = 3;

static glong
status_kb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, key);
  return line != NULL ? atol (line + strlen (key)) : -1;
}

static gboolean
settled_cb (gpointer user_data)
{
  GApplication *app = user_data;

  g_print ("rss_kb=%ld hwm_kb=%ld\n", status_kb ("VmRSS:"), status_kb ("VmHWM:"));
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (first_frame_seen)
    return;
  first_frame_seen = TRUE;
  g_print ("first_frame_us=%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_timeout_add_seconds (settle_seconds, settled_cb, user_data);
}

static void
realize_cb (GtkWidget *window,
            gpointer   app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window), app);
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LecternApplication) app = NULL;
  char *app_argv[3];

  if (argc < 2)
    {
      g_printerr ("usage: %s PROJECT [SETTLE_SECONDS]\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    settle_seconds = (guint) atoi (argv[2]);
  setlocale (LC_ALL, "");

  /* Its own id, not unique: never handed to a running Lectern. */
  app = lectern_application_new ("org.gnome.Lectern.Bench",
                                 G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  /* Menus and the shortcuts window load from Lectern's resource path. */
  g_application_set_resource_base_path (G_APPLICATION (app), "/org/gnome/Lectern");
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  app_argv[0] = argv[0];
  app_argv[1] = argv[1];
  app_argv[2] = NULL;
  return g_application_run (G_APPLICATION (app), 2, app_argv);
}
