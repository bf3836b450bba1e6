/* app-test-harness.h — what every test that drives real widgets in a real
 * window needs: a private home, GTK started (or a skip without a display),
 * and ways to let the main loop turn until something has happened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-application.h"
#include "lectern-window.h"

G_BEGIN_DECLS

/* The exit status meson reads as "skipped". */
#define APP_TEST_SKIP 77

/* Turns the main loop until @cond holds; a test that waits longer than
 * 30 s has failed (a wait that never ends is a hang, not a pass). */
#define WAIT_UNTIL(cond)                                                     \
  G_STMT_START {                                                             \
    gint64 _deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;        \
    while (!(cond))                                                          \
      {                                                                      \
        if (g_get_monotonic_time () > _deadline)                             \
          g_error ("Timed out waiting for %s", #cond);                       \
        g_main_context_iteration (NULL, TRUE);                               \
      }                                                                      \
  } G_STMT_END

/* Runs whatever is pending, without blocking. */
void     app_test_drain             (void);

/* Makes a temporary home (HOME and the XDG folders) for the whole run and
 * returns its path. Not G_TEST_OPTION_ISOLATE_DIRS: that hides the system
 * data folders, and with them the icons and MIME data GTK needs; and
 * GtkRecentManager and GSettings are one per process, so one home serves
 * every test of a run. */
char    *app_test_make_private_home (const char *prefix);

/* Deletes @path and everything below it. */
void     app_test_remove_tree       (const char *path);

/* Starts GTK and libadwaita. FALSE when there is no display: the caller
 * removes its home and exits with APP_TEST_SKIP. */
gboolean app_test_init_gtk          (void);

/* A test program's main (): a private home, GTK started (APP_TEST_SKIP
 * without a display), one registered LecternApplication for the whole
 * run, the tests @add_tests adds, and the home removed after them. */
int      app_test_main              (int          *argc,
                                     char       ***argv,
                                     const char   *prefix,
                                     void        (*add_tests) (void));
/* The application app_test_main () made. (transfer none) */
LecternApplication *app_test_get_app (void);

/* Closes @window as a user would, letting everything it started finish. */
void     app_test_close_window      (GtkWindow   *window);
/* A window of 1200×800 showing @file's project, mapped on a monitor and
 * with document @document_id laid out in the reader. */
LecternWindow *app_test_open_project_window (GFile  *file,
                                             gint64  document_id);
/* The first toplevel of @type, or NULL. (transfer none) */
GtkWindow *app_test_find_window     (GType        type);

/* The first of @widget and its descendants that is a @type, or NULL.
 * (transfer none) */
GtkWidget *app_test_find_descendant (GtkWidget   *widget,
                                     GType        type);
/* @widget drawn to pixels with the cairo renderer, on white, as it was
 * last laid out. (transfer full) */
cairo_surface_t *app_test_render_widget (GtkWidget *widget);

G_END_DECLS
