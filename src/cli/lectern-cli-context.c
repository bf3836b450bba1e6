/* lectern-cli-context.c — what every lectern-cli command needs: its option
 * context, its positional arguments, the project, and error reporting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"

void
lectern_cli_error (const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  escaped = lectern_cli_escape_message (message);

  /* Machine output and messages share a terminal: keep their order. */
  fflush (stdout);
  fprintf (stderr, "lectern-cli: %s\n", escaped);
}

int
lectern_cli_usage_error (const char *command_name,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  lectern_cli_error ("%s", message);
  if (command_name != NULL)
    fprintf (stderr, _("Try “lectern-cli %s --help”.\n"), command_name);
  else
    fprintf (stderr, _("Try “lectern-cli --help”.\n"));

  return LECTERN_CLI_EXIT_USAGE;
}

int
lectern_cli_fail (const GError *error)
{
  lectern_cli_error ("%s", error->message);
  return LECTERN_CLI_EXIT_FAILURE;
}

GOptionContext *
lectern_cli_option_context_new (LecternCli         *cli,
                                const char         *command_name,
                                const GOptionEntry *entries)
{
  const LecternCliCommand *command = lectern_cli_find_command (command_name);
  const GOptionEntry project_entries[] = {
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &cli->project_option,
      N_("The project file (default: $LECTERN_PROJECT)"), N_("FILE") },
    { NULL }
  };
  g_autofree char *parameters = NULL;
  GOptionContext *context;

  g_assert (command != NULL);

  /* Never _(""): that is the catalogue's header. */
  if (command->parameters[0] != '\0')
    parameters = g_strdup_printf ("%s %s", command->name, _(command->parameters));
  else
    parameters = g_strdup (command->name);
  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, project_entries, GETTEXT_PACKAGE);

  return context;
}

/* @argc counts the command's name: @min and @max count what follows it;
 * @max -1 for no limit. */
static gboolean
expect_args (const char *command_name,
             int         argc,
             int         min,
             int         max)
{
  int n = argc - 1;

  if (n < min)
    {
      lectern_cli_usage_error (command_name, _("“%s” needs more arguments"), command_name);
      return FALSE;
    }

  if (max >= 0 && n > max)
    {
      lectern_cli_usage_error (command_name, _("“%s” takes at most %d arguments"),
                               command_name, max);
      return FALSE;
    }

  return TRUE;
}

gboolean
lectern_cli_parse (LecternCli       *cli,
                   GOptionContext   *context,
                   const char       *command_name,
                   int              *argc,
                   char           ***argv,
                   int               min_args,
                   int               max_args)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      lectern_cli_usage_error (command_name, "%s", error->message);
      return FALSE;
    }

  /* "--" only ends the options: it is not an argument. GOptionContext
   * leaves it in some cases; the strings belong to main(). */
  for (int i = 1; i < *argc; i++)
    {
      if (g_strcmp0 ((*argv)[i], "--") == 0)
        {
          for (int j = i; j < *argc; j++)
            (*argv)[j] = (*argv)[j + 1];
          (*argc)--;
          break;
        }
    }

  if (cli->project_option != NULL)
    {
      g_free (cli->project_path);
      cli->project_path = g_steal_pointer (&cli->project_option);
    }

  return expect_args (command_name, *argc, min_args, max_args);
}

gboolean
lectern_cli_parse_id (const char *command_name,
                      const char *what,
                      const char *text,
                      gint64     *id)
{
  g_autoptr(GError) error = NULL;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, &error))
    {
      lectern_cli_usage_error (command_name, _("%s “%s” is not an id (a whole number from 1)"),
                               what, text);
      return FALSE;
    }

  return TRUE;
}

gboolean
lectern_cli_parse_offset (const char *command_name,
                          const char *what,
                          const char *text,
                          glong      *offset)
{
  g_autoptr(GError) error = NULL;
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, 0, G_MAXLONG, &value, &error))
    {
      lectern_cli_usage_error (command_name,
                               _("%s “%s” is not a position (a whole number from 0, in characters)"),
                               what, text);
      return FALSE;
    }

  *offset = (glong) value;
  return TRUE;
}

GFile *
lectern_cli_dup_project_file (LecternCli *cli)
{
  if (cli->project_path == NULL || cli->project_path[0] == '\0')
    {
      lectern_cli_usage_error (NULL, _("no project given: use --project FILE or set LECTERN_PROJECT"));
      return NULL;
    }

  return g_file_new_for_commandline_arg (cli->project_path);
}

LecternProject *
lectern_cli_open_project (LecternCli *cli,
                         int        *exit_status)
{
  g_autoptr(GFile) file = lectern_cli_dup_project_file (cli);
  g_autoptr(GError) error = NULL;
  LecternProject *project;

  if (file == NULL)
    {
      *exit_status = LECTERN_CLI_EXIT_USAGE;
      return NULL;
    }

  /* Opening must never create: a mistyped name is an error, not a new
   * empty project. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_UNKNOWN)
    {
      lectern_cli_error (_("there is no project “%s”: create it with “lectern-cli --project %s init”"),
                         cli->project_path, cli->project_path);
      *exit_status = LECTERN_CLI_EXIT_FAILURE;
      return NULL;
    }

  project = lectern_project_open (file, &error);
  if (project == NULL)
    {
      *exit_status = lectern_cli_fail (error);
      return NULL;
    }
  /* Writes nothing: the coder is recorded by the first change. The
   * default is for the connections of jobs. */
  if (cli->coder != NULL
      && (!lectern_project_set_coder (project, cli->coder, NULL, &error)
          || !lectern_project_set_default_coder (cli->coder, NULL, &error)))
    {
      g_object_unref (project);
      *exit_status = lectern_cli_usage_error (NULL, "--coder: %s", error->message);
      return NULL;
    }

  *exit_status = LECTERN_CLI_EXIT_OK;
  return project;
}

GHashTable *
lectern_cli_dup_tag_paths (LecternProject  *project,
                           GError        **error)
{
  g_autoptr(GListModel) tags = lectern_project_list_tags (project, error);
  GHashTable *paths;
  guint n;

  if (tags == NULL)
    return NULL;

  paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternTag) tag = g_list_model_get_item (tags, i);
      gint64 *id = g_new (gint64, 1);

      *id = lectern_tag_get_id (tag);
      g_hash_table_insert (paths, id, g_strdup (lectern_tag_get_path (tag)));
    }

  return paths;
}
