/* lectern-cli-analysis.c — asking the corpus questions: autocode, retrieve,
 * matrix, cooccurrence, frequencies, keyness. Each is one core call
 * (lectern-analysis.h) printed as TSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"
#ifdef LECTERN_CLI_FORMATS
#include "lectern-export.h"
#endif

/* A number as a machine reads it: '.' whatever the locale. (transfer full) */
static char *
format_number (double      value,
               const char *format)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

static gboolean
split_variable (const char  *command_name,
                const char  *option,
                const char  *variable,
                char       **key,
                char       **value)
{
  const char *equals = strchr (variable, '=');

  if (equals == NULL || equals == variable)
    {
      lectern_cli_usage_error (command_name, _("%s must be KEY=VALUE, not “%s”"), option, variable);
      return FALSE;
    }
  *key = g_strndup (variable, equals - variable);
  *value = g_strdup (equals + 1);
  return TRUE;
}

gboolean
lectern_cli_parse_filter (const char             *command_name,
                          char                  **documents,
                          const char             *language,
                          const char             *variable,
                          LecternDocumentFilter **filter)
{
  g_autoptr(LecternDocumentFilter) result = lectern_document_filter_new ();

  for (guint i = 0; documents != NULL && documents[i] != NULL; i++)
    {
      gint64 id;

      if (!lectern_cli_parse_id (command_name, _("Document"), documents[i], &id))
        return FALSE;
      lectern_document_filter_add_document (result, id);
    }
  if (language != NULL)
    lectern_document_filter_set_language (result, language);
  if (variable != NULL)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (!split_variable (command_name, "--var", variable, &key, &value))
        return FALSE;
      lectern_document_filter_set_variable (result, key, value);
    }

  *filter = g_steal_pointer (&result);
  return TRUE;
}

static gboolean
find_tag_id (LecternProject  *project,
             const char     *path,
             gint64         *tag_id,
             GError        **error)
{
  g_autoptr(LecternTag) tag = lectern_project_find_tag (project, path, error);

  if (tag == NULL)
    return FALSE;
  *tag_id = lectern_tag_get_id (tag);
  return TRUE;
}

static int
run_autocode (LecternCli  *cli,
              int          argc,
              char       **argv)
{
  g_autofree char *tag_path = NULL;
  g_autofree char *scope_name = NULL;
  g_autofree char *within_path = NULL;
  g_auto(GStrv) documents = NULL;
  g_autofree char *language = NULL;
  g_autofree char *variable = NULL;
  const GOptionEntry entries[] = {
    { "tag", 't', 0, G_OPTION_ARG_STRING, &tag_path, N_("The tag for the new passages, made if missing"), N_("PATH") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope_name,
      N_("What a passage covers: match (default), sentence or paragraph"), N_("SCOPE") },
    { "within", 0, 0, G_OPTION_ARG_STRING, &within_path,
      N_("Only hits inside passages of this tag or one of its sub-tags"), N_("PATH") },
    { "document", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("Only in this document; repeatable"), N_("ID") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Only in documents of this language"), N_("CODE") },
    { "var", 0, 0, G_OPTION_ARG_STRING, &variable,
      N_("Only in documents whose variable KEY has this VALUE"), N_("KEY=VALUE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "autocode", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocumentFilter) filter = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  g_autofree char *made_text = NULL;
  LecternAutocodeScope scope;
  gint64 within_id = 0;
  guint made = 0;
  int status;

  if (!lectern_cli_parse (cli, context, "autocode", &argc, &argv, 1, -1))
    return LECTERN_CLI_EXIT_USAGE;
  if (tag_path == NULL)
    return lectern_cli_usage_error ("autocode", _("autocode needs --tag PATH: the tag of the new passages"));
  if (scope_name == NULL || strcmp (scope_name, "match") == 0)
    scope = LECTERN_AUTOCODE_MATCH;
  else if (strcmp (scope_name, "sentence") == 0)
    scope = LECTERN_AUTOCODE_SENTENCE;
  else if (strcmp (scope_name, "paragraph") == 0)
    scope = LECTERN_AUTOCODE_PARAGRAPH;
  else
    return lectern_cli_usage_error ("autocode", _("--scope must be match, sentence or paragraph, not “%s”"),
                                    scope_name);
  if (!lectern_cli_parse_filter ("autocode", documents, language, variable, &filter))
    return LECTERN_CLI_EXIT_USAGE;

  query = g_strjoinv (" ", argv + 1);
  if (g_strstrip (query)[0] == '\0')
    return lectern_cli_usage_error ("autocode", _("the query is empty"));

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  /* The code to look inside must exist; the new tag is made, but only
   * once everything else is known to be right. */
  if (within_path != NULL && !find_tag_id (project, within_path, &within_id, &error))
    return lectern_cli_fail (error);
  {
    g_autoptr(GListModel) probe = lectern_project_concordance (project, query, filter, 0,
                                                              LECTERN_CONCORDANCE_SORT_DOCUMENT, 1, NULL, &error);

    if (probe == NULL)
      return lectern_cli_fail (error);
  }

  tag = lectern_project_ensure_tag_path (project, tag_path, &error);
  if (tag == NULL)
    return lectern_cli_fail (error);

  if (!lectern_project_autocode (project, query, filter, lectern_tag_get_id (tag), scope, within_id,
                                &made, NULL, &error))
    return lectern_cli_fail (error);

  made_text = g_strdup_printf ("%u", made);
  lectern_cli_print_record (1, made_text);
  return LECTERN_CLI_EXIT_OK;
}

static int
run_retrieve (LecternCli  *cli,
              int          argc,
              char       **argv)
{
  gboolean list_documents = FALSE;
  g_auto(GStrv) documents = NULL;
  g_autofree char *language = NULL;
  g_autofree char *variable = NULL;
  g_autofree char *speaker = NULL;
  const GOptionEntry entries[] = {
    { "documents", 0, 0, G_OPTION_ARG_NONE, &list_documents,
      N_("List the documents with a match (with NOT X: those without): DOCUMENT TITLE"), NULL },
    { "document", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("Only in this document; repeatable"), N_("ID") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Only in documents of this language"), N_("CODE") },
    { "var", 0, 0, G_OPTION_ARG_STRING, &variable,
      N_("Only in documents whose variable KEY has this VALUE"), N_("KEY=VALUE") },
    { "speaker", 0, 0, G_OPTION_ARG_STRING, &speaker,
      N_("Only passages inside turns of this speaker"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "retrieve", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocumentFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expression = NULL;
  int status;

  if (!lectern_cli_parse (cli, context, "retrieve", &argc, &argv, 1, -1))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_filter ("retrieve", documents, language, variable, &filter))
    return LECTERN_CLI_EXIT_USAGE;
  if (speaker != NULL)
    lectern_document_filter_set_speaker (filter, speaker);
  expression = g_strjoinv (" ", argv + 1);

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (list_documents)
    {
      g_autoptr(GArray) ids = lectern_project_retrieve_documents (project, expression, filter, NULL, &error);

      if (ids == NULL)
        return lectern_cli_fail (error);
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          g_autoptr(LecternDocument) document = lectern_project_dup_document (project, id, &error);
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          if (document == NULL)
            return lectern_cli_fail (error);
          lectern_cli_print_record (2, id_text, lectern_document_get_title (document));
        }
    }
  else
    {
      g_autoptr(GPtrArray) found = lectern_project_retrieve (project, expression, filter, NULL, &error);

      if (found == NULL)
        return lectern_cli_fail (error);
      for (guint i = 0; i < found->len; i++)
        {
          const LecternRetrieved *r = g_ptr_array_index (found, i);
          g_autofree char *document = g_strdup_printf ("%" G_GINT64_FORMAT, r->document_id);
          g_autofree char *start = g_strdup_printf ("%ld", r->start);
          g_autofree char *end = g_strdup_printf ("%ld", r->end);

          lectern_cli_print_record (5, document, start, end, r->tags, r->quote);
        }
    }

  return LECTERN_CLI_EXIT_OK;
}

/* Prints a matrix: a header row (an empty cell, then the column labels),
 * then a row per code. */
static void
print_matrix (const LecternMatrix *matrix,
              const char          *format)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (fields, g_strdup (""));
  for (guint c = 0; c < matrix->n_columns; c++)
    g_ptr_array_add (fields, g_strdup (g_ptr_array_index (matrix->column_labels, c)));
  lectern_cli_print_fields ((const char * const *) fields->pdata, fields->len);

  for (guint r = 0; r < matrix->n_rows; r++)
    {
      g_ptr_array_set_size (fields, 0);
      g_ptr_array_add (fields, g_strdup (g_ptr_array_index (matrix->row_labels, r)));
      for (guint c = 0; c < matrix->n_columns; c++)
        g_ptr_array_add (fields, format_number (lectern_matrix_get (matrix, r, c), format));
      lectern_cli_print_fields ((const char * const *) fields->pdata, fields->len);
    }
}

static int
run_matrix (LecternCli  *cli,
            int          argc,
            char       **argv)
{
  g_autofree char *columns = NULL;
  g_autofree char *value_name = NULL;
  g_auto(GStrv) documents = NULL;
  g_autofree char *language = NULL;
  g_autofree char *variable = NULL;
  g_autofree char *speaker = NULL;
  const GOptionEntry entries[] = {
    { "columns", 'c', 0, G_OPTION_ARG_STRING, &columns,
      N_("A column per document (documents, the default), per value of a variable (var:KEY) or per speaker (speakers)"),
      N_("COLUMNS") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value_name,
      N_("What a cell counts: passages (default), chars (characters coded) or share (of the column’s text)"),
      N_("VALUE") },
    { "document", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("Only this document; repeatable"), N_("ID") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Only documents of this language"), N_("CODE") },
    { "var", 0, 0, G_OPTION_ARG_STRING, &variable,
      N_("Only documents whose variable KEY has this VALUE"), N_("KEY=VALUE") },
    { "speaker", 0, 0, G_OPTION_ARG_STRING, &speaker,
      N_("Only passages inside turns of this speaker"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "matrix", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocumentFilter) filter = NULL;
  g_autoptr(LecternMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  LecternMatrixValue value;
  const char *key = NULL;
  gboolean by_speaker = FALSE;
  int status;

  if (!lectern_cli_parse (cli, context, "matrix", &argc, &argv, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;
  if (g_strcmp0 (columns, "speakers") == 0)
    by_speaker = TRUE;
  else if (columns != NULL && strcmp (columns, "documents") != 0)
    {
      if (!g_str_has_prefix (columns, "var:") || columns[4] == '\0')
        return lectern_cli_usage_error ("matrix", _("--columns must be documents, var:KEY or speakers, not “%s”"),
                                        columns);
      key = columns + 4;
    }
  if (value_name == NULL || strcmp (value_name, "passages") == 0)
    value = LECTERN_MATRIX_VALUE_PASSAGES;
  else if (strcmp (value_name, "chars") == 0)
    value = LECTERN_MATRIX_VALUE_CHARS;
  else if (strcmp (value_name, "share") == 0)
    value = LECTERN_MATRIX_VALUE_SHARE;
  else
    return lectern_cli_usage_error ("matrix", _("--value must be passages, chars or share, not “%s”"), value_name);
  if (!lectern_cli_parse_filter ("matrix", documents, language, variable, &filter))
    return LECTERN_CLI_EXIT_USAGE;
  if (speaker != NULL)
    lectern_document_filter_set_speaker (filter, speaker);

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (by_speaker)
    matrix = lectern_project_speaker_matrix (project, filter, value, NULL, &error);
  else
    matrix = lectern_project_code_matrix (project, filter, key, value, NULL, &error);
  if (matrix == NULL)
    return lectern_cli_fail (error);

  print_matrix (matrix, value == LECTERN_MATRIX_VALUE_SHARE ? "%.4f" : "%.0f");
  return LECTERN_CLI_EXIT_OK;
}

static int
run_cooccurrence (LecternCli  *cli,
                  int          argc,
                  char       **argv)
{
  g_autofree char *within_name = NULL;
  g_auto(GStrv) documents = NULL;
  g_autofree char *language = NULL;
  g_autofree char *variable = NULL;
  const GOptionEntry entries[] = {
    { "within", 'w', 0, G_OPTION_ARG_STRING, &within_name,
      N_("When two passages meet: overlap (default) or paragraph (they share one)"), N_("WITHIN") },
    { "document", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("Only this document; repeatable"), N_("ID") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Only documents of this language"), N_("CODE") },
    { "var", 0, 0, G_OPTION_ARG_STRING, &variable,
      N_("Only documents whose variable KEY has this VALUE"), N_("KEY=VALUE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "cooccurrence", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocumentFilter) filter = NULL;
  g_autoptr(LecternMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  LecternCooccurrence within;
  int status;

  if (!lectern_cli_parse (cli, context, "cooccurrence", &argc, &argv, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;
  if (within_name == NULL || strcmp (within_name, "overlap") == 0)
    within = LECTERN_COOCCURRENCE_OVERLAP;
  else if (strcmp (within_name, "paragraph") == 0)
    within = LECTERN_COOCCURRENCE_PARAGRAPH;
  else
    return lectern_cli_usage_error ("cooccurrence", _("--within must be overlap or paragraph, not “%s”"),
                                    within_name);
  if (!lectern_cli_parse_filter ("cooccurrence", documents, language, variable, &filter))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  matrix = lectern_project_cooccurrence (project, filter, within, NULL, &error);
  if (matrix == NULL)
    return lectern_cli_fail (error);

  print_matrix (matrix, "%.0f");
  return LECTERN_CLI_EXIT_OK;
}

static int
run_frequencies (LecternCli  *cli,
                 int          argc,
                 char       **argv)
{
  int limit = 0;
  gboolean all = FALSE;
  g_auto(GStrv) documents = NULL;
  g_autofree char *language = NULL;
  g_autofree char *variable = NULL;
  const GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("Only this document; repeatable"), N_("ID") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Only documents of this language"), N_("CODE") },
    { "var", 0, 0, G_OPTION_ARG_STRING, &variable,
      N_("Only documents whose variable KEY has this VALUE"), N_("KEY=VALUE") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Keep the stop words (the, de, …) in the list"), NULL },
    { "limit", 'l', 0, G_OPTION_ARG_INT, &limit, N_("Print at most N words (default: all)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "frequencies", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocumentFilter) filter = NULL;
  g_autoptr(LecternWordCounts) counts = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total;
  int status;

  if (!lectern_cli_parse (cli, context, "frequencies", &argc, &argv, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;
  if (limit < 0)
    return lectern_cli_usage_error ("frequencies", _("--limit must be 0 (no limit) or more, not %d"), limit);
  if (!lectern_cli_parse_filter ("frequencies", documents, language, variable, &filter))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  counts = lectern_project_count_words (project, filter, NULL, &error);
  if (counts == NULL)
    return lectern_cli_fail (error);

  total = lectern_word_counts_get_total (counts);
  list = lectern_word_counts_list (counts, all);
  for (guint i = 0; i < list->len && (limit == 0 || i < (guint) limit); i++)
    {
      const LecternWordCount *word = g_ptr_array_index (list, i);
      gint64 count = all ? word->count : word->listed;
      g_autofree char *count_text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
      g_autofree char *per_million = format_number (total > 0 ? count * 1e6 / total : 0, "%.2f");

      lectern_cli_print_record (3, word->word, count_text, per_million);
    }

  return LECTERN_CLI_EXIT_OK;
}

/* One side of keyness: --x-document ID… or --x-var KEY=VALUE. */
static gboolean
keyness_side (const char             *side,
              char                  **documents,
              const char             *variable,
              LecternDocumentFilter **filter)
{
  g_autofree char *documents_option = g_strdup_printf ("--%s-document", side);
  g_autofree char *variable_option = g_strdup_printf ("--%s-var", side);

  if ((documents == NULL) == (variable == NULL))
    {
      lectern_cli_usage_error ("keyness", _("give either %s ID… or %s KEY=VALUE"), documents_option, variable_option);
      return FALSE;
    }
  if (variable != NULL)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (!split_variable ("keyness", variable_option, variable, &key, &value))
        return FALSE;
      *filter = lectern_document_filter_new ();
      lectern_document_filter_set_variable (*filter, key, value);
      return TRUE;
    }
  return lectern_cli_parse_filter ("keyness", documents, NULL, NULL, filter);
}

static int
run_keyness (LecternCli  *cli,
             int          argc,
             char       **argv)
{
  int limit = 0;
  gboolean all = FALSE;
  g_auto(GStrv) a_documents = NULL;
  g_auto(GStrv) b_documents = NULL;
  g_autofree char *a_variable = NULL;
  g_autofree char *b_variable = NULL;
  const GOptionEntry entries[] = {
    { "a-document", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a_documents, N_("A document of set A; repeatable"), N_("ID") },
    { "a-var", 0, 0, G_OPTION_ARG_STRING, &a_variable,
      N_("Set A: the documents whose variable KEY has this VALUE"), N_("KEY=VALUE") },
    { "b-document", 0, 0, G_OPTION_ARG_STRING_ARRAY, &b_documents, N_("A document of set B; repeatable"), N_("ID") },
    { "b-var", 0, 0, G_OPTION_ARG_STRING, &b_variable,
      N_("Set B: the documents whose variable KEY has this VALUE"), N_("KEY=VALUE") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Keep the stop words (the, de, …) in the list"), NULL },
    { "limit", 'l', 0, G_OPTION_ARG_INT, &limit, N_("Print at most N words (default: all)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "keyness", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocumentFilter) a_filter = NULL;
  g_autoptr(LecternDocumentFilter) b_filter = NULL;
  g_autoptr(LecternWordCounts) a_counts = NULL;
  g_autoptr(LecternWordCounts) b_counts = NULL;
  g_autoptr(GPtrArray) keywords = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!lectern_cli_parse (cli, context, "keyness", &argc, &argv, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;
  if (limit < 0)
    return lectern_cli_usage_error ("keyness", _("--limit must be 0 (no limit) or more, not %d"), limit);
  if (!keyness_side ("a", a_documents, a_variable, &a_filter)
      || !keyness_side ("b", b_documents, b_variable, &b_filter))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  a_counts = lectern_project_count_words (project, a_filter, NULL, &error);
  if (a_counts == NULL)
    return lectern_cli_fail (error);
  b_counts = lectern_project_count_words (project, b_filter, NULL, &error);
  if (b_counts == NULL)
    return lectern_cli_fail (error);
  if (lectern_word_counts_get_total (a_counts) == 0 || lectern_word_counts_get_total (b_counts) == 0)
    {
      lectern_cli_error (_("set %s holds no words: check its documents or variable"),
                         lectern_word_counts_get_total (a_counts) == 0 ? "A" : "B");
      return LECTERN_CLI_EXIT_FAILURE;
    }

  keywords = lectern_keyness_compare (a_counts, b_counts, all);
  for (guint i = 0; i < keywords->len && (limit == 0 || i < (guint) limit); i++)
    {
      const LecternKeyword *k = g_ptr_array_index (keywords, i);
      g_autofree char *a_text = g_strdup_printf ("%" G_GINT64_FORMAT, k->a_count);
      g_autofree char *b_text = g_strdup_printf ("%" G_GINT64_FORMAT, k->b_count);
      g_autofree char *g2 = format_number (k->log_likelihood, "%.4f");
      g_autofree char *ratio = format_number (k->log_ratio, "%.4f");

      lectern_cli_print_record (5, k->word, a_text, b_text, g2, ratio);
    }

  return LECTERN_CLI_EXIT_OK;
}

#ifdef LECTERN_CLI_FORMATS
static int
run_chart (LecternCli  *cli,
           int          argc,
           char       **argv)
{
  g_autofree char *columns = NULL;
  g_autofree char *value_name = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) documents = NULL;
  g_autofree char *language = NULL;
  g_autofree char *variable = NULL;
  const GOptionEntry entries[] = {
    { "columns", 'c', 0, G_OPTION_ARG_STRING, &columns,
      N_("A bar per document (documents, the default) or per value of a variable (var:KEY)"), N_("COLUMNS") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value_name,
      N_("What a bar counts: passages (default), chars or share"), N_("VALUE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: .svg, .png or .csv"), N_("FILE") },
    { "document", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("Only this document; repeatable"), N_("ID") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Only documents of this language"), N_("CODE") },
    { "var", 0, 0, G_OPTION_ARG_STRING, &variable,
      N_("Only documents whose variable KEY has this VALUE"), N_("KEY=VALUE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "chart", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocumentFilter) filter = NULL;
  g_autoptr(LecternMatrix) matrix = NULL;
  g_autoptr(LecternAtomicFile) atomic = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LecternChartFormat format;
  LecternMatrixValue value;
  const char *title;
  const char *key = NULL;
  int status;

  if (!lectern_cli_parse (cli, context, "chart", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (strcmp (argv[1], "codes") != 0)
    return lectern_cli_usage_error ("chart", _("there is no chart “%s”: the chart is codes"), argv[1]);
  if (output == NULL)
    return lectern_cli_usage_error ("chart", _("chart needs --output FILE (.svg, .png or .csv)"));
  if (!lectern_chart_format_from_name (output, &format))
    return lectern_cli_usage_error ("chart", _("“%s” does not end in .svg, .png or .csv"), output);
  if (columns != NULL && strcmp (columns, "documents") != 0)
    {
      if (!g_str_has_prefix (columns, "var:") || columns[4] == '\0')
        return lectern_cli_usage_error ("chart", _("--columns must be documents or var:KEY, not “%s”"), columns);
      key = columns + 4;
    }
  if (value_name == NULL || strcmp (value_name, "passages") == 0)
    {
      value = LECTERN_MATRIX_VALUE_PASSAGES;
      title = _("Passages per code");
    }
  else if (strcmp (value_name, "chars") == 0)
    {
      value = LECTERN_MATRIX_VALUE_CHARS;
      title = _("Characters coded per code");
    }
  else if (strcmp (value_name, "share") == 0)
    {
      value = LECTERN_MATRIX_VALUE_SHARE;
      title = _("Share of the text coded per code");
    }
  else
    return lectern_cli_usage_error ("chart", _("--value must be passages, chars or share, not “%s”"), value_name);
  if (!lectern_cli_parse_filter ("chart", documents, language, variable, &filter))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  matrix = lectern_project_code_matrix (project, filter, key, value, NULL, &error);
  if (matrix == NULL)
    return lectern_cli_fail (error);

  /* Written whole or not at all, as every file Lectern writes. */
  file = g_file_new_for_commandline_arg (output);
  atomic = lectern_atomic_file_new (file, LECTERN_ATOMIC_FILE_NONE, &error);
  if (atomic == NULL
      || !lectern_chart_write_bars (matrix, title, format, lectern_atomic_file_get_stream (atomic), &error)
      || !lectern_atomic_file_commit (atomic, &error))
    {
      lectern_cli_error (_("Could not write “%s”: %s"), output, error->message);
      return LECTERN_CLI_EXIT_FAILURE;
    }

  return LECTERN_CLI_EXIT_OK;
}
#endif

const LecternCliCommand lectern_cli_analysis_commands[] = {
  { "autocode", N_("QUERY --tag PATH"),
    N_("Tag every hit of a search (its match, sentence or paragraph) in one step; print the passages made"),
    run_autocode },
  { "retrieve", N_("EXPRESSION"),
    N_("Passages where codes meet (\"A\" AND \"B\", OR, NOT, NEAR/N, FOLLOWED-BY, parentheses): "
       "DOCUMENT START END TAGS QUOTE"),
    run_retrieve },
  { "matrix", "", N_("Codes × documents (or a variable’s values): passages, characters or share coded"),
    run_matrix },
  { "cooccurrence", "", N_("Codes × codes: pairs of passages that overlap (or share a paragraph)"),
    run_cooccurrence },
  { "frequencies", "", N_("Word frequencies, stop words left out: WORD COUNT PER_MILLION"), run_frequencies },
  { "keyness", N_("--a-… --b-…"),
    N_("Words that set documents A apart from B: WORD A_COUNT B_COUNT LOG_LIKELIHOOD LOG_RATIO"),
    run_keyness },
  { "chart", N_("codes --output FILE"),
    N_("Code frequencies as bars (per document or variable value) into an SVG, PNG or CSV file"), LECTERN_CLI_FORMATS_RUN (run_chart) },
  { NULL }
};
