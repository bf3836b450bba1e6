/* lectern-cli-project.c — the project file itself: init and check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-cli-private.h"

static int
run_init (LecternCli  *cli,
          int          argc,
          char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "init", NULL);
  g_autoptr(LecternCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (!lectern_cli_parse (cli, context, "init", &argc, &argv))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_expect_args ("init", argc, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;

  file = lectern_cli_dup_project_file (cli);
  if (file == NULL)
    return LECTERN_CLI_EXIT_USAGE;

  /* The core refuses any existing file but an empty project, untouched. */
  corpus = lectern_corpus_create (file, &error);
  if (corpus == NULL)
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_check (LecternCli  *cli,
           int          argc,
           char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "check", NULL);
  g_autoptr(LecternCorpus) corpus = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!lectern_cli_parse (cli, context, "check", &argc, &argv))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_expect_args ("check", argc, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;

  corpus = lectern_cli_open_corpus (cli, &status);
  if (corpus == NULL)
    return status;

  if (lectern_corpus_check (corpus, &problems, &error))
    return LECTERN_CLI_EXIT_OK;

  if (error != NULL)
    return lectern_cli_fail (error);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    lectern_cli_print_record (g_ptr_array_index (problems, i), NULL);

  lectern_cli_error (g_dngettext (GETTEXT_PACKAGE,
                                  "“%s” has %u problem",
                                  "“%s” has %u problems",
                                  problems != NULL ? problems->len : 0),
                     cli->project_path,
                     problems != NULL ? problems->len : 0);

  return LECTERN_CLI_EXIT_FAILURE;
}

const LecternCliCommand lectern_cli_project_commands[] = {
  { "init", "", N_("Create an empty project (never over an existing file)"), run_init },
  { "check", "", N_("Check the project’s integrity; list problems, exit 1 if any"), run_check },
  { NULL }
};
