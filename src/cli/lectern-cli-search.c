/* lectern-cli-search.c — corpus search, keyword in context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-cli-private.h"

static int
run_search (LecternCli  *cli,
            int          argc,
            char       **argv)
{
  int limit = 0;
  g_auto(GStrv) documents = NULL;
  g_autofree char *language = NULL;
  g_autofree char *tag_path = NULL;
  g_autofree char *variable = NULL;
  g_autofree char *sort_name = NULL;
  g_autofree char *speaker = NULL;
  const GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("Only in this document; repeatable"), N_("ID") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Only in documents of this language"), N_("CODE") },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &tag_path,
      N_("Only hits inside passages of this tag or one of its sub-tags"), N_("PATH") },
    { "var", 0, 0, G_OPTION_ARG_STRING, &variable,
      N_("Only in documents whose variable KEY has this VALUE"), N_("KEY=VALUE") },
    { "speaker", 0, 0, G_OPTION_ARG_STRING, &speaker,
      N_("Only hits inside turns of this speaker"), N_("NAME") },
    { "sort", 's', 0, G_OPTION_ARG_STRING, &sort_name,
      N_("Order of the hits: document (default), left or right (by the words beside the match), or date"),
      N_("ORDER") },
    { "limit", 'l', 0, G_OPTION_ARG_INT, &limit, N_("Print at most N hits (default: all)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "search", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocumentFilter) filter = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  LecternConcordanceSort sort = LECTERN_CONCORDANCE_SORT_DOCUMENT;
  gint64 tag_id = 0;
  int status;
  guint n;

  if (!lectern_cli_parse (cli, context, "search", &argc, &argv, 1, -1))
    return LECTERN_CLI_EXIT_USAGE;
  if (limit < 0)
    return lectern_cli_usage_error ("search", _("--limit must be 0 (no limit) or more, not %d"), limit);
  if (sort_name == NULL || g_strcmp0 (sort_name, "document") == 0)
    sort = LECTERN_CONCORDANCE_SORT_DOCUMENT;
  else if (g_strcmp0 (sort_name, "left") == 0)
    sort = LECTERN_CONCORDANCE_SORT_LEFT;
  else if (g_strcmp0 (sort_name, "right") == 0)
    sort = LECTERN_CONCORDANCE_SORT_RIGHT;
  else if (g_strcmp0 (sort_name, "date") == 0)
    sort = LECTERN_CONCORDANCE_SORT_DATE;
  else
    return lectern_cli_usage_error ("search", _("--sort must be document, left, right or date, not “%s”"),
                                    sort_name);
  if (!lectern_cli_parse_filter ("search", documents, language, variable, &filter))
    return LECTERN_CLI_EXIT_USAGE;
  if (speaker != NULL)
    lectern_document_filter_set_speaker (filter, speaker);

  /* `search foo bar` is the query "foo bar": both words. */
  query = g_strjoinv (" ", argv + 1);
  if (g_strstrip (query)[0] == '\0')
    return lectern_cli_usage_error ("search", _("the query is empty"));

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (tag_path != NULL)
    {
      g_autoptr(LecternTag) tag = lectern_project_find_tag (project, tag_path, &error);

      if (tag == NULL)
        return lectern_cli_fail (error);
      tag_id = lectern_tag_get_id (tag);
    }

  hits = lectern_project_concordance (project, query, filter, tag_id, sort, (guint) limit, NULL, &error);
  if (hits == NULL)
    return lectern_cli_fail (error);

  n = g_list_model_get_n_items (hits);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, i);
      g_autofree char *document = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_search_hit_get_document_id (hit));
      g_autofree char *start = g_strdup_printf ("%ld", lectern_search_hit_get_start (hit));
      g_autofree char *end = g_strdup_printf ("%ld", lectern_search_hit_get_end (hit));

      lectern_cli_print_record (6, document, start, end,
                                lectern_search_hit_get_left (hit),
                                lectern_search_hit_get_match (hit),
                                lectern_search_hit_get_right (hit));
    }

  return LECTERN_CLI_EXIT_OK;
}

const LecternCliCommand lectern_cli_search_commands[] = {
  { "search", N_("QUERY"),
    N_("Search the corpus (case and accents ignored; \"a phrase\", prefix*, a OR b, -word): "
       "DOCUMENT START END LEFT MATCH RIGHT"),
    run_search },
  { NULL }
};
