/* test-cli-start.c — lectern-cli starts light (issue #16): the commands
 * that need only the project load no format or print library, and the
 * ones that need them run lectern-cli-formats, or say why they cannot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-harness.h"

/* What only import, export and print need. */
static const char * const heavy_libraries[] = {
  "libpoppler", "libcairo", "libpango", "libgmime", "libxml2", "libarchive",
  "libtesseract", "libjson-glib", "libuchardet", "libexttextcat", "libcmark",
};

/* Runs lectern-cli under the dynamic loader's LD_DEBUG=libs, which
 * reports on stderr every library it loads. */
static CliRun *
run_traced (const char *project,
            const char *first_arg,
            const char *second_arg)
{
  CliRun *run;

  g_setenv ("LD_DEBUG", "libs", TRUE);
  run = cli_run (project, first_arg, second_arg, NULL);
  g_unsetenv ("LD_DEBUG");

  return run;
}

static gboolean
skip_under_wrapper (void)
{
  const char *wrapper = g_getenv ("LECTERN_CLI_WRAPPER");

  /* valgrind loads the program itself: LD_DEBUG tells nothing there. */
  if (wrapper != NULL && wrapper[0] != '\0')
    {
      g_test_skip ("LD_DEBUG means nothing under LECTERN_CLI_WRAPPER");
      return TRUE;
    }
  return FALSE;
}

static void
test_light_libraries (void)
{
  g_autofree char *project = NULL;
  const char * const *commands[] = {
    (const char *[]) { "--version", NULL },
    (const char *[]) { "documents", NULL },
    (const char *[]) { "search", "ceasefire" },
    (const char *[]) { "tags", NULL },
  };

  if (skip_under_wrapper ())
    return;

  project = cli_new_project ("p.lectern");
  cli_import_text (project, "a.txt", "The ceasefire held for a week.\n");

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autoptr(CliRun) run = run_traced (project, commands[c][0], commands[c][1]);

      cli_assert_status (run, 0);
      /* The trace works: SQLite is loaded by every command. */
      g_assert_nonnull (strstr (run->err, "libsqlite3"));
      for (guint i = 0; i < G_N_ELEMENTS (heavy_libraries); i++)
        if (strstr (run->err, heavy_libraries[i]) != NULL)
          g_error ("lectern-cli %s loaded %s", commands[c][0], heavy_libraries[i]);
    }
}

static void
test_formats_exec (void)
{
  g_autofree char *project = NULL;
  g_autofree char *file = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) documents = NULL;

  if (skip_under_wrapper ())
    return;

  project = cli_new_project ("p.lectern");
  file = cli_write_file ("a.txt", "The ceasefire held for a week.\n", -1);
  run = run_traced (project, "import", file);
  cli_assert_status (run, 0);
  /* import ran in lectern-cli-formats, which loads the formats… */
  g_assert_nonnull (strstr (run->err, "libpoppler"));
  /* …and printed what lectern-cli import always printed. */
  g_assert_cmpstr (run->out_text, ==, "1\tThe ceasefire held for a week\n");

  documents = cli_run (project, "documents", NULL);
  cli_assert_status (documents, 0);
  g_assert_true (g_str_has_prefix (documents->out_text, "1\t"));
}

static void
test_formats_missing (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *file = cli_write_file ("a.txt", "The ceasefire held for a week.\n", -1);
  g_autofree char *missing = cli_temp_path ("no-such-lectern-cli-formats");
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) documents = NULL;

  g_setenv ("LECTERN_CLI_FORMATS", missing, TRUE);
  run = cli_run (project, "import", file, NULL);
  documents = cli_run (project, "documents", NULL);
  g_unsetenv ("LECTERN_CLI_FORMATS");

  /* A failure that names the command and what is missing… */
  cli_assert_failure (run);
  g_assert_nonnull (strstr (run->err, "“import”"));
  g_assert_nonnull (strstr (run->err, missing));
  /* …and changes nothing; the light commands still work. */
  cli_assert_status (documents, 0);
  g_assert_cmpstr (documents->out_text, ==, "");
}

/* LECTERN_CLI_FORMATS naming lectern-cli itself must not exec for ever. */
static void
test_formats_is_self (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *file = cli_write_file ("a.txt", "The ceasefire held for a week.\n", -1);
  g_autoptr(CliRun) run = NULL;

  g_setenv ("LECTERN_CLI_FORMATS", g_getenv ("LECTERN_CLI"), TRUE);
  run = cli_run (project, "import", file, NULL);
  g_unsetenv ("LECTERN_CLI_FORMATS");

  cli_assert_failure (run);
  g_assert_nonnull (strstr (run->err, "is not lectern-cli-formats"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/start/light-libraries", test_light_libraries);
  g_test_add_func ("/Lectern/Cli/start/formats-exec", test_formats_exec);
  g_test_add_func ("/Lectern/Cli/start/formats-missing", test_formats_missing);
  g_test_add_func ("/Lectern/Cli/start/formats-is-self", test_formats_is_self);

  return g_test_run ();
}
