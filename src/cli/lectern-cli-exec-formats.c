/* lectern-cli-exec-formats.c — how lectern-cli runs a command that needs
 * the import, export or print formats: it execs lectern-cli-formats with
 * its own arguments.
 *
 * Why a second executable and not a GModule: what makes lectern-cli slow
 * to start is the dynamic loader mapping and relocating the ~100 shared
 * libraries the formats pull in (poppler, cairo, pango, gmime, libxml2,
 * libarchive, tesseract…), for every command. exec () keeps lectern-cli's
 * behaviour byte for byte (the same argv, so the same parsing, messages,
 * --help and exit status; the same standard streams and environment),
 * needs no plugin interface nor a shared library of core, and valgrind
 * (--trace-children=yes) and sanitizers see the formats binary as an
 * ordinary program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"

#define FORMATS_NAME "lectern-cli-formats"
#define EXEC_MARK "LECTERN_CLI_FORMATS_EXEC"

/* $LECTERN_CLI_FORMATS if set; else lectern-cli-formats beside the
 * running executable (the build tree); else the installed one in
 * libexecdir. (transfer full) */
static char *
dup_formats_path (void)
{
  const char *env = g_getenv ("LECTERN_CLI_FORMATS");
  g_autofree char *self = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *sibling = g_build_filename (dir, FORMATS_NAME, NULL);

      if (g_file_test (sibling, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&sibling);
    }

  return g_build_filename (LECTERN_LIBEXECDIR, FORMATS_NAME, NULL);
}

int
lectern_cli_exec_formats (LecternCli  *cli,
                          int          argc,
                          char       **argv)
{
  g_autofree char *path = dup_formats_path ();
  int saved_errno;

  /* Set by the exec below: back here, the program named as the formats
   * one was lectern-cli itself, which would exec it again for ever. */
  if (g_getenv (EXEC_MARK) != NULL)
    {
      lectern_cli_error (_("%s is not lectern-cli-formats: it cannot run “%s” "
                           "(set LECTERN_CLI_FORMATS to the path of lectern-cli-formats)"),
                         path, argv[0]);
      return LECTERN_CLI_EXIT_FAILURE;
    }
  g_setenv (EXEC_MARK, "1", TRUE);

  /* Nothing is written before a command runs; flushed all the same, so
   * that nothing buffered here is lost or doubled by exec. */
  fflush (stdout);
  fflush (stderr);
  execv (path, cli->process_argv);
  saved_errno = errno;

  lectern_cli_error (_("“%s” needs %s, which could not be started: %s "
                       "(reinstall Lectern, or set LECTERN_CLI_FORMATS to its path)"),
                     argv[0], path, g_strerror (saved_errno));
  return LECTERN_CLI_EXIT_FAILURE;
}
