/* lectern-cli-merge.c — merge: another copy's work (a .lectern or a
 * .qdpx) into this project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-cli-private.h"

/* The .qdpx reader needs the format libraries: lectern-cli-formats only
 * (see lectern-cli-exec-formats.c). */
#ifdef LECTERN_CLI_FORMATS

#include <stdio.h>

#include "lectern-import.h"

static int
run_merge (LecternCli  *cli,
           int          argc,
           char       **argv)
{
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Print what the merge would add, match and flag, and change nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "merge", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) other = NULL;
  GListModel *items;
  int status;

  if (!lectern_cli_parse (cli, context, "merge", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  other = g_file_new_for_commandline_arg (argv[1]);
  plan = lectern_merge_plan_new (project, other, NULL, NULL, &error);
  if (plan == NULL)
    return lectern_cli_fail (error);
  if (!dry_run && !lectern_merge_plan_is_empty (plan)
      && !lectern_merge_plan_apply (plan, project, &error))
    return lectern_cli_fail (error);

  /* Machine output, as the other commands' records: not translated,
   * scripts read it. */
  g_print ("added %u documents, %u tags, %u passages; matched %u; conflicts %u\n",
           lectern_merge_plan_get_n_added (plan, LECTERN_MERGE_DOCUMENT),
           lectern_merge_plan_get_n_added (plan, LECTERN_MERGE_TAG),
           lectern_merge_plan_get_n_added (plan, LECTERN_MERGE_PASSAGE),
           lectern_merge_plan_get_n_matched (plan),
           lectern_merge_plan_get_n_conflicts (plan));

  /* Conflicts are kept both ways, so not failures: said, exit 0. */
  items = lectern_merge_plan_get_items (plan);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LecternMergeItem) item = g_list_model_get_item (items, i);

      if (lectern_merge_item_get_outcome (item) == LECTERN_MERGE_CONFLICT)
        lectern_cli_error (_("conflict: %s"), lectern_merge_item_get_description (item));
    }

  return LECTERN_CLI_EXIT_OK;
}

#endif /* LECTERN_CLI_FORMATS */

const LecternCliCommand lectern_cli_merge_commands[] = {
  { "merge", N_("[--dry-run] OTHER"),
    N_("Bring another copy’s work (a .lectern or .qdpx) into the project; print what was added, matched and in conflict"),
    LECTERN_CLI_FORMATS_RUN (run_merge) },
  { NULL }
};
