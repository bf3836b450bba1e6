/* lectern-cli-tags.c — the codebook: tags, tag-add, tag-set, tag-rename,
 * tag-move, tag-merge, tag-delete.
 *
 * Tags are named by their path, "Parent/Child", as `tags` prints it; a '/'
 * or '\' inside a name is written "\/" or "\\".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"

static gboolean
is_colour (const char *text)
{
  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

/* Checks a --colour value; returns it lower-cased, or NULL after a usage
 * error. */
static char *
parse_colour (const char *command_name,
              const char *text)
{
  if (!is_colour (text))
    {
      lectern_cli_usage_error (command_name, _("“%s” is not a colour: write #rrggbb, such as #e5a50a"), text);
      return NULL;
    }

  return g_ascii_strdown (text, -1);
}

static LecternTag *
find_tag (LecternProject  *project,
          const char     *path)
{
  g_autoptr(GError) error = NULL;
  LecternTag *tag;

  tag = lectern_project_find_tag (project, path, &error);
  if (tag == NULL)
    lectern_cli_fail (error);

  return tag;
}

static int
run_tags (LecternCli  *cli,
          int          argc,
          char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "tags", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GListModel) tags = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  guint n;

  if (!lectern_cli_parse (cli, context, "tags", &argc, &argv, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  tags = lectern_project_list_tags (project, &error);
  if (tags == NULL)
    return lectern_cli_fail (error);

  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternTag) tag = g_list_model_get_item (tags, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_tag_get_id (tag));
      g_autofree char *count = g_strdup_printf ("%u", lectern_tag_get_count (tag));

      lectern_cli_print_record (4, id, lectern_tag_get_path (tag), lectern_tag_get_colour (tag),
                                count);
    }

  return LECTERN_CLI_EXIT_OK;
}

static int
run_tag_add (LecternCli  *cli,
             int          argc,
             char       **argv)
{
  g_autofree char *colour_option = NULL;
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "colour", 'c', 0, G_OPTION_ARG_STRING, &colour_option,
      N_("The tag’s colour (default: the next of the palette)"), N_("#RRGGBB") },
    { "color", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &colour_option, NULL, NULL },
    { "description", 'd', 0, G_OPTION_ARG_STRING, &description,
      N_("What the tag means, for the codebook"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "tag-add", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternTag) parent = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *colour = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) names = NULL;
  guint n_names;
  int status;

  if (!lectern_cli_parse (cli, context, "tag-add", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (colour_option != NULL && (colour = parse_colour ("tag-add", colour_option)) == NULL)
    return LECTERN_CLI_EXIT_USAGE;

  names = lectern_tag_path_split (argv[1]);
  if (names == NULL || names[0] == NULL)
    return lectern_cli_usage_error ("tag-add", _("“%s” is not a tag path: a name in it is empty"), argv[1]);
  n_names = g_strv_length (names);

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  /* Parents are made as needed, as `annotate --tag` does. */
  if (n_names > 1)
    {
      g_autoptr(GString) parent_path = g_string_new (NULL);

      for (guint i = 0; i + 1 < n_names; i++)
        {
          g_autofree char *escaped = lectern_tag_name_escape (names[i]);

          if (i > 0)
            g_string_append_c (parent_path, '/');
          g_string_append (parent_path, escaped);
        }

      parent = lectern_project_ensure_tag_path (project, parent_path->str, &error);
      if (parent == NULL)
        return lectern_cli_fail (error);
    }

  tag = lectern_project_add_tag (project, parent != NULL ? lectern_tag_get_id (parent) : 0,
                                names[n_names - 1], colour, &error);
  if (tag == NULL)
    return lectern_cli_fail (error);

  if (description != NULL &&
      !lectern_project_set_tag_description (project, lectern_tag_get_id (tag), description, &error))
    return lectern_cli_fail (error);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_tag_get_id (tag));
  lectern_cli_print_record (1, id);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_tag_set (LecternCli  *cli,
             int          argc,
             char       **argv)
{
  g_autofree char *colour_option = NULL;
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "colour", 'c', 0, G_OPTION_ARG_STRING, &colour_option, N_("The tag’s colour"), N_("#RRGGBB") },
    { "color", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &colour_option, NULL, NULL },
    { "description", 'd', 0, G_OPTION_ARG_STRING, &description,
      N_("What the tag means (empty: none)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "tag-set", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *colour = NULL;
  int status;

  if (!lectern_cli_parse (cli, context, "tag-set", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (colour_option == NULL && description == NULL)
    return lectern_cli_usage_error ("tag-set", _("nothing to set: give --colour or --description"));
  if (colour_option != NULL && (colour = parse_colour ("tag-set", colour_option)) == NULL)
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  tag = find_tag (project, argv[1]);
  if (tag == NULL)
    return LECTERN_CLI_EXIT_FAILURE;

  if (colour != NULL &&
      !lectern_project_set_tag_colour (project, lectern_tag_get_id (tag), colour, &error))
    return lectern_cli_fail (error);
  if (description != NULL &&
      !lectern_project_set_tag_description (project, lectern_tag_get_id (tag),
                                           description[0] != '\0' ? description : NULL, &error))
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_tag_rename (LecternCli  *cli,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "tag-rename", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!lectern_cli_parse (cli, context, "tag-rename", &argc, &argv, 2, 2))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  tag = find_tag (project, argv[1]);
  if (tag == NULL)
    return LECTERN_CLI_EXIT_FAILURE;

  if (!lectern_project_rename_tag (project, lectern_tag_get_id (tag), argv[2], &error))
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_tag_move (LecternCli  *cli,
              int          argc,
              char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "tag-move", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternTag) parent = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!lectern_cli_parse (cli, context, "tag-move", &argc, &argv, 2, 2))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  tag = find_tag (project, argv[1]);
  if (tag == NULL)
    return LECTERN_CLI_EXIT_FAILURE;

  /* "/" or "" is the top level. */
  if (argv[2][0] != '\0' && g_strcmp0 (argv[2], "/") != 0)
    {
      parent = find_tag (project, argv[2]);
      if (parent == NULL)
        return LECTERN_CLI_EXIT_FAILURE;
    }

  if (!lectern_project_move_tag (project, lectern_tag_get_id (tag),
                                parent != NULL ? lectern_tag_get_id (parent) : 0, &error))
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_tag_merge (LecternCli  *cli,
               int          argc,
               char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "tag-merge", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternTag) from = NULL;
  g_autoptr(LecternTag) into = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!lectern_cli_parse (cli, context, "tag-merge", &argc, &argv, 2, 2))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  from = find_tag (project, argv[1]);
  if (from == NULL)
    return LECTERN_CLI_EXIT_FAILURE;
  into = find_tag (project, argv[2]);
  if (into == NULL)
    return LECTERN_CLI_EXIT_FAILURE;

  if (!lectern_project_merge_tags (project, lectern_tag_get_id (from), lectern_tag_get_id (into), &error))
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_tag_delete (LecternCli  *cli,
                int          argc,
                char       **argv)
{
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Delete it even if it tags passages: the passages keep their other tags"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "tag-delete", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!lectern_cli_parse (cli, context, "tag-delete", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  tag = find_tag (project, argv[1]);
  if (tag == NULL)
    return LECTERN_CLI_EXIT_FAILURE;

  if (!lectern_project_delete_tag (project, lectern_tag_get_id (tag), force, &error))
    {
      status = lectern_cli_fail (error);
      if (g_error_matches (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_IN_USE))
        lectern_cli_error (_("nothing was deleted; add --force to delete “%s” and untag its passages"),
                           argv[1]);
      return status;
    }

  return LECTERN_CLI_EXIT_OK;
}

const LecternCliCommand lectern_cli_tags_commands[] = {
  { "tags", "", N_("List the codebook: ID PATH COLOUR COUNT"), run_tags },
  { "tag-add", N_("PATH"), N_("Add a tag (and missing parents); print its ID"), run_tag_add },
  { "tag-set", N_("PATH"), N_("Change a tag’s colour or description"), run_tag_set },
  { "tag-rename", N_("PATH NEWNAME"), N_("Rename a tag"), run_tag_rename },
  { "tag-move", N_("PATH NEWPARENT"), N_("Move a tag under another (“/” for the top level)"), run_tag_move },
  { "tag-merge", N_("FROM INTO"), N_("Merge a tag into another: its passages and sub-tags move"), run_tag_merge },
  { "tag-delete", N_("PATH"), N_("Delete a tag and its sub-tags (--force if in use)"), run_tag_delete },
  { NULL }
};
