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
  const GOptionEntry entries[] = {
    { "limit", 'l', 0, G_OPTION_ARG_INT, &limit, N_("Print at most N hits (default: all)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "search", entries);
  g_autoptr(LecternCorpus) corpus = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  int status;
  guint n;

  if (!lectern_cli_parse (cli, context, "search", &argc, &argv, 1, -1))
    return LECTERN_CLI_EXIT_USAGE;
  if (limit < 0)
    return lectern_cli_usage_error ("search", _("--limit must be 0 (no limit) or more, not %d"), limit);

  /* `search foo bar` is the query "foo bar": both words. */
  query = g_strjoinv (" ", argv + 1);
  if (g_strstrip (query)[0] == '\0')
    return lectern_cli_usage_error ("search", _("the query is empty"));

  corpus = lectern_cli_open_corpus (cli, &status);
  if (corpus == NULL)
    return status;

  hits = lectern_corpus_search (corpus, query, (guint) limit, NULL, &error);
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
