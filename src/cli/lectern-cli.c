/* lectern-cli.c — the scriptable face of Lectern: global options and the
 * dispatch of `lectern-cli [--project FILE] COMMAND [ARGS]`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"

/* In the order `lectern-cli --help` lists them. */
static const LecternCliCommand * const groups[] = {
  lectern_cli_project_commands,
  lectern_cli_documents_commands,
  lectern_cli_turns_commands,
  lectern_cli_tags_commands,
  lectern_cli_annotations_commands,
  lectern_cli_coders_commands,
  lectern_cli_agreement_commands,
  lectern_cli_editing_commands,
  lectern_cli_search_commands,
  lectern_cli_analysis_commands,
  lectern_cli_compare_commands,
  lectern_cli_export_commands,
  lectern_cli_merge_commands,
};

static void
lectern_cli_clear (LecternCli *cli)
{
  g_clear_pointer (&cli->project_path, g_free);
  g_clear_pointer (&cli->project_option, g_free);
  g_clear_pointer (&cli->coder, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LecternCli, lectern_cli_clear)

const LecternCliCommand *
lectern_cli_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    for (const LecternCliCommand *command = groups[i]; command->name != NULL; command++)
      if (g_strcmp0 (command->name, name) == 0)
        return command;

  return NULL;
}

static char *
describe_commands (void)
{
  GString *out = g_string_new (_("Commands:"));

  g_string_append_c (out, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    for (const LecternCliCommand *command = groups[i]; command->name != NULL; command++)
      g_string_append_printf (out, "  %-20s %s\n", command->name, _(command->summary));

  g_string_append_c (out, '\n');
  g_string_append (out, _("“lectern-cli help COMMAND” or “lectern-cli COMMAND --help” "
                          "describes a command.\n"
                          "Output is tab-separated, one record a line; a tab, newline "
                          "or backslash inside a field is written \\t, \\n or \\\\.\n"
                          "Exit status: 0 success, 1 failure, 2 usage error."));

  return g_string_free (out, FALSE);
}

static GOptionContext *
global_context_new (LecternCli *cli,
                    gboolean   *version)
{
  const GOptionEntry entries[] = {
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &cli->project_option,
      N_("The project file (default: $LECTERN_PROJECT)"), N_("FILE") },
    { "coder", 0, 0, G_OPTION_ARG_STRING, &cli->coder,
      N_("Who is coding: recorded on the passages, notes and memos written "
         "(default: $LECTERN_CODER, else the account’s full name)"), N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };
  g_autofree char *description = describe_commands ();
  GOptionContext *context;

  context = g_option_context_new (_("COMMAND [ARGS…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Read, annotate, compare and export a Lectern corpus."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command are the command's own. */
  g_option_context_set_strict_posix (context, TRUE);

  return context;
}

static int
run_help (LecternCli          *cli,
          GOptionContext      *global,
          int                  argc,
          char               **argv)
{
  const LecternCliCommand *command;
  char *help_argv[] = { NULL, (char *) "--help", NULL };

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (global, TRUE, NULL);

      fputs (help, stdout);
      return LECTERN_CLI_EXIT_OK;
    }

  command = lectern_cli_find_command (argv[1]);
  if (command == NULL)
    return lectern_cli_usage_error (NULL, _("unknown command “%s”"), argv[1]);

  /* The command prints its own help from its option context, and exits. */
  help_argv[0] = (char *) command->name;
  return command->run (cli, 2, help_argv);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(LecternCli) cli = { NULL, NULL, NULL, argv };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const LecternCliCommand *command;
  gboolean version = FALSE;
  int n_args;
  int status;

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
  g_set_prgname ("lectern-cli");

  args = g_strdupv (argv);

  context = global_context_new (&cli, &version);
  if (!g_option_context_parse_strv (context, &args, &error))
    return lectern_cli_usage_error (NULL, "%s", error->message);
  n_args = g_strv_length (args);

  if (version)
    {
      printf ("lectern-cli %s\n", PACKAGE_VERSION);
      return LECTERN_CLI_EXIT_OK;
    }

  if (cli.project_option != NULL)
    cli.project_path = g_steal_pointer (&cli.project_option);
  else
    cli.project_path = g_strdup (g_getenv ("LECTERN_PROJECT"));
  /* An empty name, like an unset variable, leaves the account's. */
  if (cli.coder == NULL && g_getenv ("LECTERN_CODER") != NULL && *g_getenv ("LECTERN_CODER") != '\0')
    cli.coder = g_strdup (g_getenv ("LECTERN_CODER"));

  if (n_args < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      lectern_cli_error (_("no command given"));
      fputs (help, stderr);
      return LECTERN_CLI_EXIT_USAGE;
    }

  if (g_strcmp0 (args[1], "help") == 0)
    return run_help (&cli, context, n_args - 1, args + 1);

  command = lectern_cli_find_command (args[1]);
  if (command == NULL)
    return lectern_cli_usage_error (NULL, _("unknown command “%s”"), args[1]);

  /* GOptionContext rearranges the pointers of the command's argv but frees
   * none of them: args keeps owning the strings. */
  {
    g_autofree char **command_argv = g_new0 (char *, n_args);

    memcpy (command_argv, args + 1, sizeof (char *) * (n_args - 1));
    status = command->run (&cli, n_args - 1, command_argv);
  }

  /* Output still buffered must reach its file before success is claimed. */
  if (status == LECTERN_CLI_EXIT_OK && !lectern_cli_flush (&error))
    status = lectern_cli_fail (error);

  return status;
}
