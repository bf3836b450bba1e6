/* lectern-cli-coders.c — who coded what (issue #15): the coders command,
 * and the coders' names and the --coder filter that listings share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-cli-private.h"

GHashTable *
lectern_cli_dup_coder_names (LecternProject  *project,
                             GError        **error)
{
  g_autoptr(GPtrArray) coders = lectern_project_list_coders (project, error);
  GHashTable *names;

  if (coders == NULL)
    return NULL;
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (coders, i);
      gint64 id = lectern_coder_get_id (coder);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (lectern_coder_get_display_name (coder)));
    }
  return names;
}

GHashTable *
lectern_cli_find_coders (LecternProject      *project,
                         const char * const  *names,
                         GError             **error)
{
  g_autoptr(GPtrArray) coders = lectern_project_list_coders (project, error);
  g_autoptr(GHashTable) ids = NULL;

  if (coders == NULL)
    return NULL;
  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean found = FALSE;

      /* A name may be two people's: both are kept. The stored name or the
       * one shown ("Unknown coder") both name a coder. */
      for (guint j = 0; j < coders->len; j++)
        {
          LecternCoder *coder = g_ptr_array_index (coders, j);
          gint64 id = lectern_coder_get_id (coder);

          if (g_strcmp0 (names[i], lectern_coder_get_name (coder)) == 0
              || g_strcmp0 (names[i], lectern_coder_get_display_name (coder)) == 0)
            {
              g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
              found = TRUE;
            }
        }
      if (!found)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("there is no coder “%s” in this project: “lectern-cli coders” lists them"),
                       names[i]);
          return NULL;
        }
    }
  return g_steal_pointer (&ids);
}

static int
run_coders (LecternCli  *cli,
            int          argc,
            char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "coders", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!lectern_cli_parse (cli, context, "coders", &argc, &argv, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  coders = lectern_project_list_coders (project, &error);
  if (coders == NULL)
    return lectern_cli_fail (error);

  for (guint i = 0; i < coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (coders, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_coder_get_id (coder));
      g_autofree char *passages = g_strdup_printf ("%u", lectern_coder_get_passage_count (coder));

      lectern_cli_print_record (4, id, lectern_coder_get_guid (coder), lectern_coder_get_display_name (coder),
                                passages);
    }

  return LECTERN_CLI_EXIT_OK;
}

const LecternCliCommand lectern_cli_coders_commands[] = {
  { "coders", "", N_("List the project’s coders: ID GUID NAME PASSAGES"), run_coders },
  { NULL }
};
