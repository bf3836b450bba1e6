/* lectern-cli-documents.c — documents: import, documents, text,
 * structure, original, document-set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"
#include "lectern-import.h"

#ifdef LECTERN_CLI_FORMATS
static int
run_import (LecternCli  *cli,
            int          argc,
            char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "import", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  gboolean refused = FALSE;
  int status;
  guint n;

  if (!lectern_cli_parse (cli, context, "import", &argc, &argv, 1, -1))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));

  /* One bad file does not stop the others: a result per file. */
  results = lectern_importer_import_files (project, (GFile **) files->pdata, files->len,
                                           NULL, NULL, NULL, &error);
  if (results == NULL)
    return lectern_cli_fail (error);

  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternImportResult) result = g_list_model_get_item (results, i);
      const GError *file_error = lectern_import_result_get_error (result);

      if (file_error == NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 lectern_import_result_get_document_id (result));

          g_autofree char *notice = lectern_import_result_dup_notice (result);

          GPtrArray *warnings = lectern_import_result_get_warnings (result);

          lectern_cli_print_record (2, id, lectern_import_result_get_title (result));
          /* Imported, so not a failure; but never repaired in silence. */
          if (notice != NULL)
            lectern_cli_error ("%s", notice);
          /* Nor anything the format's reader could not do. */
          for (guint w = 0; w < warnings->len; w++)
            lectern_cli_error ("%s", (const char *) g_ptr_array_index (warnings, w));
        }
      else
        {
          const char *name = lectern_import_result_get_display_name (result);

          /* The message names the file; if it does not, the line must (a
           * file of several documents gives several results: by its own
           * name, not its place among the arguments). */
          if (name != NULL && strstr (file_error->message, name) != NULL)
            lectern_cli_error ("%s", file_error->message);
          else
            {
              g_autofree char *shown = g_file_get_parse_name (lectern_import_result_get_file (result));

              lectern_cli_error ("%s: %s", shown, file_error->message);
            }
          refused = TRUE;
        }
    }

  return refused ? LECTERN_CLI_EXIT_FAILURE : LECTERN_CLI_EXIT_OK;
}
#endif

static gboolean
print_summary (const LecternDocumentSummary *summary,
               gpointer                      user_data G_GNUC_UNUSED)
{
  char id[24], chars[24], annotations[16];

  /* No allocation per row: a listing of 100,000 documents is one pass. */
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, summary->id);
  g_snprintf (chars, sizeof chars, "%ld", summary->length);
  g_snprintf (annotations, sizeof annotations, "%u", summary->annotation_count);
  lectern_cli_print_record (6, id, summary->title,
                            summary->language != NULL ? summary->language : "",
                            summary->date != NULL ? summary->date : "",
                            chars, annotations);
  return TRUE;
}

static int
run_documents (LecternCli  *cli,
               int          argc,
               char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "documents", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!lectern_cli_parse (cli, context, "documents", &argc, &argv, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (!lectern_project_foreach_document (project, print_summary, NULL, &error))
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_text (LecternCli  *cli,
          int          argc,
          char       **argv)
{
  g_autofree char *version_text = NULL;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_STRING, &version_text,
      N_("An earlier version of the text (lectern-cli versions ID lists them)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "text", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 document_id;
  gint64 version = 0;
  int status;

  if (!lectern_cli_parse (cli, context, "text", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("text", _("Document"), argv[1], &document_id))
    return LECTERN_CLI_EXIT_USAGE;
  if (version_text != NULL
      && (!lectern_cli_parse_id ("text", _("Version"), version_text, &version) || version > G_MAXUINT))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (version != 0)
    text = lectern_project_dup_document_version_text (project, document_id, (guint) version, &error);
  else
    text = lectern_project_dup_text (project, document_id, &error);
  if (text == NULL)
    return lectern_cli_fail (error);

  /* Exactly the stored text, the one offsets count: no newline added. */
  if (!lectern_cli_write_raw (text, strlen (text), &error))
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

static gboolean
is_iso_date (const char *text)
{
  guint year, month, day;
  char end;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

static gboolean
is_language_code (const char *text)
{
  gsize len = strlen (text);

  if (len < 2 || len > 3)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (text[i]))
      return FALSE;

  return TRUE;
}

static int
run_document_set (LecternCli  *cli,
                  int          argc,
                  char       **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *language = NULL;
  g_autofree char *source = NULL;
  g_autofree char *author = NULL;
  g_auto(GStrv) variables = NULL;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The title"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date, YYYY-MM-DD (empty: unknown)"), N_("DATE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The language, an ISO 639 code such as en, fr, ru (empty: unknown)"), N_("CODE") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("Where the document comes from"), N_("TEXT") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Who wrote it"), N_("TEXT") },
    { "var", 0, 0, G_OPTION_ARG_STRING_ARRAY, &variables,
      N_("Sets a document variable (KEY= removes it); repeatable"), N_("KEY=VALUE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "document-set", entries);
  g_autoptr(LecternDocument) document = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id;
  int status;

  if (!lectern_cli_parse (cli, context, "document-set", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("document-set", _("Document"), argv[1], &document_id))
    return LECTERN_CLI_EXIT_USAGE;

  if (title == NULL && date == NULL && language == NULL && source == NULL &&
      author == NULL && variables == NULL)
    return lectern_cli_usage_error ("document-set", _("nothing to set: give at least one option"));
  if (title != NULL && g_utf8_strlen (g_strstrip (title), -1) == 0)
    return lectern_cli_usage_error ("document-set", _("a title cannot be empty"));
  if (date != NULL && date[0] != '\0' && !is_iso_date (date))
    return lectern_cli_usage_error ("document-set", _("“%s” is not a date of the form YYYY-MM-DD"), date);
  if (language != NULL && language[0] != '\0' && !is_language_code (language))
    return lectern_cli_usage_error ("document-set",
                                    _("“%s” is not a language code: use ISO 639 such as en, fr or ru"),
                                    language);
  for (guint i = 0; variables != NULL && variables[i] != NULL; i++)
    {
      const char *equals = strchr (variables[i], '=');

      if (equals == NULL || equals == variables[i])
        return lectern_cli_usage_error ("document-set",
                                        _("“%s” is not a variable: write KEY=VALUE"), variables[i]);
    }

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  document = lectern_project_dup_document (project, document_id, &error);
  if (document == NULL)
    return lectern_cli_fail (error);

  if (title != NULL)
    lectern_document_set_title (document, title);
  if (date != NULL)
    lectern_document_set_date (document, date[0] != '\0' ? date : NULL);
  if (language != NULL)
    lectern_document_set_language (document, language[0] != '\0' ? language : NULL);
  if (source != NULL)
    lectern_document_set_source (document, source[0] != '\0' ? source : NULL);
  if (author != NULL)
    lectern_document_set_author (document, author[0] != '\0' ? author : NULL);
  for (guint i = 0; variables != NULL && variables[i] != NULL; i++)
    {
      char *equals = strchr (variables[i], '=');

      *equals = '\0';
      lectern_document_set_variable (document, variables[i],
                                     equals[1] != '\0' ? equals + 1 : NULL);
    }

  if (!lectern_project_update_document (project, document, &error))
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_document_delete (LecternCli  *cli,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "document-delete", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id;
  int status;

  if (!lectern_cli_parse (cli, context, "document-delete", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("document-delete", _("Document"), argv[1], &document_id))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (!lectern_project_delete_document (project, document_id, &error))
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_document (LecternCli  *cli,
              int          argc,
              char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "document", NULL);
  g_autoptr(LecternDocument) document = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) keys = NULL;
  g_autofree char *id = NULL;
  g_autofree char *length = NULL;
  g_autofree char *count = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *original_size = NULL;
  GHashTable *variables;
  gint64 document_id;
  int status;

  if (!lectern_cli_parse (cli, context, "document", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("document", _("Document"), argv[1], &document_id))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  document = lectern_project_dup_document (project, document_id, &error);
  if (document == NULL)
    return lectern_cli_fail (error);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_document_get_id (document));
  length = g_strdup_printf ("%ld", lectern_document_get_length (document));
  count = g_strdup_printf ("%u", lectern_document_get_annotation_count (document));
  original_size = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_document_get_original_size (document));
  if (lectern_document_get_imported (document) != NULL)
    imported = g_date_time_format_iso8601 (lectern_document_get_imported (document));

  /* KEY VALUE records; variables as "var:KEY", sorted. */
  lectern_cli_print_record (2, "id", id);
  lectern_cli_print_record (2, "title", lectern_document_get_title (document));
  lectern_cli_print_record (2, "source", lectern_document_get_source (document) ?: "");
  lectern_cli_print_record (2, "author", lectern_document_get_author (document) ?: "");
  lectern_cli_print_record (2, "date", lectern_document_get_date (document) ?: "");
  lectern_cli_print_record (2, "language", lectern_document_get_language (document) ?: "");
  lectern_cli_print_record (2, "original-name", lectern_document_get_original_name (document) ?: "");
  lectern_cli_print_record (2, "encoding", lectern_document_get_encoding (document) ?: "");
  lectern_cli_print_record (2, "format", lectern_document_get_format (document));
  lectern_cli_print_record (2, "original-size", original_size);
  lectern_cli_print_record (2, "imported", imported ?: "");
  lectern_cli_print_record (2, "chars", length);
  lectern_cli_print_record (2, "annotations", count);
  lectern_cli_print_record (2, "hash", lectern_document_get_content_hash (document) ?: "");

  variables = lectern_document_get_variables (document);
  if (variables != NULL)
    {
      keys = g_list_sort (g_hash_table_get_keys (variables), (GCompareFunc) g_strcmp0);
      for (const GList *l = keys; l != NULL; l = l->next)
        {
          g_autofree char *key = g_strconcat ("var:", (const char *) l->data, NULL);

          lectern_cli_print_record (2, key, g_hash_table_lookup (variables, l->data));
        }
    }

  return LECTERN_CLI_EXIT_OK;
}

static int
run_structure (LecternCli  *cli,
               int          argc,
               char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "structure", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GArray) structure = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id;
  int status;

  if (!lectern_cli_parse (cli, context, "structure", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("structure", _("Document"), argv[1], &document_id))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  structure = lectern_project_dup_document_structure (project, document_id, &error);
  if (structure == NULL)
    return lectern_cli_fail (error);

  for (guint i = 0; i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);
      g_autofree char *start = g_strdup_printf ("%u", span->start);
      g_autofree char *end = g_strdup_printf ("%u", span->end);

      lectern_cli_print_record (4, start, end, lectern_structure_kind_to_string (span->kind),
                                span->value != NULL ? span->value : "");
    }

  return LECTERN_CLI_EXIT_OK;
}

static int
run_original (LecternCli  *cli,
              int          argc,
              char       **argv)
{
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the original to FILE, whole or not at all"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "original", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternAtomicFile) atomic = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autofree char *dest_name = NULL;
  const guint8 *data;
  gsize size = 0;
  gint64 document_id;
  int status;

  if (!lectern_cli_parse (cli, context, "original", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("original", _("Document"), argv[1], &document_id))
    return LECTERN_CLI_EXIT_USAGE;
  /* Bytes of any format: never onto a terminal by surprise. */
  if (output == NULL)
    return lectern_cli_usage_error ("original", _("give --output FILE"));

  dest = g_file_new_for_commandline_arg (output);
  dest_name = g_file_get_parse_name (dest);

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  original = lectern_project_dup_document_original (project, document_id, NULL, &error);
  if (original == NULL && error != NULL)
    return lectern_cli_fail (error);
  if (original == NULL)
    {
      lectern_cli_error (_("Document %" PRId64 " keeps no original: it was imported "
                           "before Lectern kept them; “lectern-cli text %" PRId64 "” prints its text"),
                         document_id, document_id);
      return LECTERN_CLI_EXIT_FAILURE;
    }

  /* A project this process holds open is never written over. */
  if (lectern_project_file_is_in_use (dest))
    {
      lectern_cli_error (_("“%s” is an open Lectern project; choose another file"), dest_name);
      return LECTERN_CLI_EXIT_FAILURE;
    }

  data = g_bytes_get_data (original, &size);
  atomic = lectern_atomic_file_new (dest, force ? LECTERN_ATOMIC_FILE_NONE : LECTERN_ATOMIC_FILE_NO_REPLACE,
                                    &error);
  if (atomic == NULL
      || !g_output_stream_write_all (lectern_atomic_file_get_stream (atomic), size > 0 ? data : (const guint8 *) "",
                                     size, NULL, NULL, &error)
      || !lectern_atomic_file_commit (atomic, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        lectern_cli_error (_("“%s” already exists; nothing was written (--force replaces it)"), dest_name);
      else
        lectern_cli_error (_("“%s” could not be written: %s"), dest_name, error->message);
      return LECTERN_CLI_EXIT_FAILURE;
    }

  return LECTERN_CLI_EXIT_OK;
}

const LecternCliCommand lectern_cli_documents_commands[] = {
  { "import", N_("FILE…"), N_("Import files or folders (PDF, Word, OpenDocument, web pages, EPUB, Markdown, mail, subtitles, plain text); print ID TITLE for each document"), LECTERN_CLI_FORMATS_RUN (run_import) },
  { "documents", "", N_("List documents: ID TITLE LANGUAGE DATE CHARS ANNOTATIONS"), run_documents },
  { "document", N_("ID"), N_("Show a document’s metadata: KEY VALUE"), run_document },
  { "text", N_("ID [--version N]"), N_("Print a document’s stored text exactly, the text offsets count (or an earlier version of it)"), run_text },
  { "structure", N_("ID"), N_("List a document’s structure: START END KIND VALUE"), run_structure },
  { "original", N_("ID --output FILE"), N_("Write the file a document was imported from, byte for byte"), run_original },
  { "document-set", N_("ID"), N_("Change a document’s metadata"), run_document_set },
  { "document-delete", N_("ID"), N_("Delete a document with its passages and memo"), run_document_delete },
  { NULL }
};
