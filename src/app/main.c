/* main.c — the lectern executable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <glib/gi18n.h>

#include "lectern-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LecternApplication) app = NULL;

  /* Past a file-size limit a write fails with EFBIG, which becomes an
   * error naming the file; the default SIGXFSZ would kill the process
   * with the work it had not committed yet. */
  signal (SIGXFSZ, SIG_IGN);
  setlocale (LC_ALL, "");
  /* LECTERN_LOCALEDIR lets an uninstalled build (build-aux/run, the tests)
   * find the catalogues it built. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LECTERN_LOCALEDIR") ? g_getenv ("LECTERN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lectern_application_new (APPLICATION_ID, G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
