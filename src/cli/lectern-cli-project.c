/* lectern-cli-project.c — the project file itself: init, check, restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"

static int
run_init (LecternCli  *cli,
          int          argc,
          char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "init", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (!lectern_cli_parse (cli, context, "init", &argc, &argv, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;

  file = lectern_cli_dup_project_file (cli);
  if (file == NULL)
    return LECTERN_CLI_EXIT_USAGE;

  /* The core refuses any existing file but an empty project, untouched. */
  project = lectern_project_create (file, &error);
  if (project == NULL)
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_check (LecternCli  *cli,
           int          argc,
           char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "check", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!lectern_cli_parse (cli, context, "check", &argc, &argv, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (lectern_project_check (project, &problems, &error))
    return LECTERN_CLI_EXIT_OK;

  if (error != NULL)
    return lectern_cli_fail (error);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    lectern_cli_print_record (1, g_ptr_array_index (problems, i));

  lectern_cli_error (g_dngettext (GETTEXT_PACKAGE,
                                  "“%s” has %u problem",
                                  "“%s” has %u problems",
                                  problems != NULL ? problems->len : 0),
                     cli->project_path,
                     problems != NULL ? problems->len : 0);

  return LECTERN_CLI_EXIT_FAILURE;
}

/* BACKUP is a name that `restore` listed, or a path to a backup file. */
static GFile *
find_backup (GFile      *project_file,
             const char *backup)
{
  if (strchr (backup, G_DIR_SEPARATOR) == NULL)
    {
      g_autoptr(GFile) folder = lectern_project_dup_backup_folder (project_file);
      g_autoptr(GFile) listed = g_file_get_child (folder, backup);

      if (g_file_query_exists (listed, NULL))
        return g_steal_pointer (&listed);
    }

  return g_file_new_for_commandline_arg (backup);
}

static int
run_restore (LecternCli  *cli,
             int          argc,
             char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "restore", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GFile) backup = NULL;

  if (!lectern_cli_parse (cli, context, "restore", &argc, &argv, 0, 1))
    return LECTERN_CLI_EXIT_USAGE;

  project_file = lectern_cli_dup_project_file (cli);
  if (project_file == NULL)
    return LECTERN_CLI_EXIT_USAGE;

  if (argc == 1)
    {
      /* Listing only reads the backup folder: the project itself may be
       * the damaged file the user wants to replace. */
      backups = lectern_project_list_backups (project_file, &error);
      if (backups == NULL)
        return lectern_cli_fail (error);

      for (guint i = 0; i < backups->len; i++)
        {
          GFile *file = g_ptr_array_index (backups, i);
          g_autoptr(GFileInfo) info = NULL;
          g_autoptr(GDateTime) modified = NULL;
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *path = g_file_get_path (file);
          g_autofree char *when = NULL;
          g_autofree char *size = NULL;

          info = g_file_query_info (file,
                                    G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                    G_FILE_QUERY_INFO_NONE, NULL, NULL);
          if (info != NULL)
            {
              modified = g_file_info_get_modification_date_time (info);
              size = g_strdup_printf ("%" G_GOFFSET_FORMAT, g_file_info_get_size (info));
            }
          if (modified != NULL)
            when = g_date_time_format_iso8601 (modified);

          lectern_cli_print_record (4, name, when != NULL ? when : "", size != NULL ? size : "",
                                    path != NULL ? path : "");
        }

      return LECTERN_CLI_EXIT_OK;
    }

  backup = find_backup (project_file, argv[1]);
  if (!g_file_query_exists (backup, NULL))
    {
      lectern_cli_error (_("there is no backup “%s”: “lectern-cli restore” lists them"), argv[1]);
      return LECTERN_CLI_EXIT_FAILURE;
    }

  /* The current state becomes one more backup first: a restore can be
   * undone by restoring that. */
  if (!lectern_project_restore_backup (project_file, backup, &error))
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

const LecternCliCommand lectern_cli_project_commands[] = {
  { "init", "", N_("Create an empty project (never over an existing file)"), run_init },
  { "check", "", N_("Check the project’s integrity; list problems, exit 1 if any"), run_check },
  { "restore", N_("[BACKUP]"),
    N_("List the project’s backups (NAME MODIFIED BYTES PATH), or restore one"), run_restore },
  { NULL }
};
