/* lectern-cli-compare.c — documents side by side: compare, where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"
#include "lectern-compare.h"

static int
run_compare (LecternCli  *cli,
             int          argc,
             char       **argv)
{
  g_autofree char *mode_text = NULL;
  gboolean ignore_whitespace = FALSE;
  gboolean ignore_punctuation = FALSE;
  const GOptionEntry entries[] = {
    { "mode", 'm', 0, G_OPTION_ARG_STRING, &mode_text,
      N_("versions (word differences, the default), translation (aligned paragraphs) "
         "or shared (passages both contain)"), N_("MODE") },
    { "ignore-whitespace", 0, 0, G_OPTION_ARG_NONE, &ignore_whitespace,
      N_("versions: count changes of only whitespace as equal"), NULL },
    { "ignore-punctuation", 0, 0, G_OPTION_ARG_NONE, &ignore_punctuation,
      N_("versions: count changes of only punctuation as equal"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "compare", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GArray) chunks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  LecternCompareMode mode = LECTERN_COMPARE_MODE_VERSIONS;
  LecternWordDiffFlags flags = LECTERN_WORD_DIFF_NONE;
  gint64 a, b;
  int status;

  if (!lectern_cli_parse (cli, context, "compare", &argc, &argv, 2, 2))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("compare", _("Document"), argv[1], &a) ||
      !lectern_cli_parse_id ("compare", _("Document"), argv[2], &b))
    return LECTERN_CLI_EXIT_USAGE;
  if (mode_text != NULL && (!lectern_compare_mode_from_string (mode_text, &mode)
                            || mode == LECTERN_COMPARE_MODE_CODERS))
    return lectern_cli_usage_error ("compare",
                                    _("unknown mode “%s”: use versions, translation or shared"),
                                    mode_text);
  if (ignore_whitespace)
    flags |= LECTERN_WORD_DIFF_IGNORE_WHITESPACE;
  if (ignore_punctuation)
    flags |= LECTERN_WORD_DIFF_IGNORE_PUNCTUATION;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  chunks = lectern_compare_documents (project, a, b, mode, flags, NULL, NULL, &error);
  if (chunks == NULL)
    return lectern_cli_fail (error);

  json = lectern_chunks_to_json (lectern_compare_mode_to_string (mode), chunks);
  if (!lectern_cli_write_raw (json, strlen (json), &error) ||
      !lectern_cli_write_raw ("\n", 1, &error))
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_where (LecternCli  *cli,
           int          argc,
           char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "where", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GArray) places = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id;
  glong start, end;
  int status;

  if (!lectern_cli_parse (cli, context, "where", &argc, &argv, 3, 3))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("where", _("Document"), argv[1], &document_id) ||
      !lectern_cli_parse_offset ("where", _("Start"), argv[2], &start) ||
      !lectern_cli_parse_offset ("where", _("End"), argv[3], &end))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  places = lectern_where (project, document_id, start, end, NULL, &error);
  if (places == NULL)
    return lectern_cli_fail (error);

  for (guint i = 0; i < places->len; i++)
    {
      const LecternPlace *place = &g_array_index (places, LecternPlace, i);
      g_autofree char *document = g_strdup_printf ("%" G_GINT64_FORMAT, place->document_id);
      g_autofree char *place_start = g_strdup_printf ("%ld", place->start);
      g_autofree char *place_end = g_strdup_printf ("%ld", place->end);
      char similarity[G_ASCII_DTOSTR_BUF_SIZE];

      /* A dot whatever the locale: this is for machines. */
      g_ascii_formatd (similarity, sizeof similarity, "%.3f", place->similarity);
      lectern_cli_print_record (4, document, place_start, place_end, similarity);
    }

  return LECTERN_CLI_EXIT_OK;
}

const LecternCliCommand lectern_cli_compare_commands[] = {
  { "compare", N_("ID_A ID_B --mode versions|translation|shared"),
    N_("Compare two documents; print JSON chunks with character offsets"), run_compare },
  { "where", N_("ID START END"),
    N_("Where else does a passage occur: DOCUMENT START END SIMILARITY"), run_where },
  { NULL }
};
