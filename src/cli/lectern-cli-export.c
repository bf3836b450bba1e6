/* lectern-cli-export.c — annotations out and in: export,
 * import-annotations, import-qdpx.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-cli-private.h"

/* Every command here reads or writes a file format: they live in
 * lectern-cli-formats only (see lectern-cli-exec-formats.c). */
#ifdef LECTERN_CLI_FORMATS

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>

#include "lectern-export.h"
#include "lectern-import.h"

static gboolean
is_iso_date (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *midnight = NULL;

  if (strlen (text) != 10)
    return FALSE;

  midnight = g_strconcat (text, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (midnight, NULL);

  return date != NULL;
}

static int
run_export (LecternCli  *cli,
            int          argc,
            char       **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *group_by_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *date_from = NULL;
  g_autofree char *date_to = NULL;
  g_auto(GStrv) document_texts = NULL;
  g_auto(GStrv) tag_paths = NULL;
  gboolean no_subtags = FALSE;
  gboolean csv_bom = FALSE;
  gboolean full_documents = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("markdown, html, csv, json (W3C Web Annotation), qdpx (REFI-QDA) or pdf"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE, replaced only once complete (default: standard output)"), N_("FILE") },
    { "document", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &document_texts,
      N_("Only this document; repeatable (default: all)"), N_("ID") },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tag_paths,
      N_("Only passages with this tag or a sub-tag; repeatable (default: all)"), N_("PATH") },
    { "no-subtags", 0, 0, G_OPTION_ARG_NONE, &no_subtags, N_("With --tag: leave out the sub-tags"), NULL },
    { "group-by", 'g', 0, G_OPTION_ARG_STRING, &group_by_text,
      N_("Group the notes by document (the default) or by tag"), N_("document|tag") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Only passages by this author"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &date_from, N_("Only documents dated on or after DATE"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &date_to, N_("Only documents dated on or before DATE"), N_("YYYY-MM-DD") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title of the report (default: the project’s name)"), N_("TEXT") },
    { "csv-bom", 0, 0, G_OPTION_ARG_NONE, &csv_bom, N_("csv: start with a byte order mark, for spreadsheets"), NULL },
    { "full-documents", 0, 0, G_OPTION_ARG_NONE, &full_documents,
      N_("html: add the full documents with their highlights"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "export", entries);
  g_autoptr(LecternExportOptions) options = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  LecternExportFormat format;
  LecternExportGroupBy group_by = LECTERN_EXPORT_GROUP_BY_DOCUMENT;
  int status;

  if (!lectern_cli_parse (cli, context, "export", &argc, &argv, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;
  if (format_text == NULL)
    return lectern_cli_usage_error ("export", _("give a format: --format markdown, html, csv, json, qdpx or pdf"));
  if (!lectern_export_format_from_string (format_text, &format))
    return lectern_cli_usage_error ("export",
                                    _("unknown format “%s”: use markdown, html, csv, json, qdpx or pdf"),
                                    format_text);
  if (output == NULL &&
      (format == LECTERN_EXPORT_FORMAT_QDPX || format == LECTERN_EXPORT_FORMAT_PDF))
    return lectern_cli_usage_error ("export", _("a %s export is a binary file: give --output FILE"),
                                    lectern_export_format_to_string (format));
  if (group_by_text != NULL && !lectern_export_group_by_from_string (group_by_text, &group_by))
    return lectern_cli_usage_error ("export", _("unknown grouping “%s”: use document or tag"), group_by_text);
  if (date_from != NULL && !is_iso_date (date_from))
    return lectern_cli_usage_error ("export", _("“%s” is not a date of the form YYYY-MM-DD"), date_from);
  if (date_to != NULL && !is_iso_date (date_to))
    return lectern_cli_usage_error ("export", _("“%s” is not a date of the form YYYY-MM-DD"), date_to);

  options = lectern_export_options_new (format);
  lectern_export_options_set_group_by (options, group_by);
  lectern_export_options_set_with_subtags (options, !no_subtags);
  lectern_export_options_set_author (options, author);
  lectern_export_options_set_date_from (options, date_from);
  lectern_export_options_set_date_to (options, date_to);
  lectern_export_options_set_title (options, title);
  lectern_export_options_set_csv_bom (options, csv_bom);
  lectern_export_options_set_html_full_documents (options, full_documents);

  for (guint i = 0; document_texts != NULL && document_texts[i] != NULL; i++)
    {
      gint64 id;

      if (!lectern_cli_parse_id ("export", _("Document"), document_texts[i], &id))
        return LECTERN_CLI_EXIT_USAGE;
      lectern_export_options_add_document_id (options, id);
    }

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  /* A filter naming nothing is a mistake to report, not an empty export. */
  for (guint i = 0; document_texts != NULL && document_texts[i] != NULL; i++)
    {
      g_autoptr(LecternDocument) document = NULL;
      gint64 id;

      g_ascii_string_to_signed (document_texts[i], 10, 1, G_MAXINT64, &id, NULL);
      document = lectern_project_dup_document (project, id, &error);
      if (document == NULL)
        return lectern_cli_fail (error);
    }

  for (guint i = 0; tag_paths != NULL && tag_paths[i] != NULL; i++)
    {
      g_autoptr(LecternTag) tag = lectern_project_find_tag (project, tag_paths[i], &error);

      if (tag == NULL)
        return lectern_cli_fail (error);
      lectern_export_options_add_tag_id (options, lectern_tag_get_id (tag));
    }

  if (output != NULL)
    {
      g_autoptr(GFile) dest = g_file_new_for_commandline_arg (output);

      if (!lectern_export_to_file (project, options, dest, NULL, NULL, NULL, &error))
        return lectern_cli_fail (error);
    }
  else
    {
      g_autoptr(GOutputStream) stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      /* The stream writes to the descriptor under stdio. */
      fflush (stdout);
      if (!lectern_export_to_stream (project, options, stream, NULL, NULL, NULL, &error) ||
          !g_output_stream_flush (stream, NULL, &error))
        return lectern_cli_fail (error);
    }

  return LECTERN_CLI_EXIT_OK;
}

static int
run_import_annotations (LecternCli  *cli,
                        int          argc,
                        char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "import-annotations", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *added = NULL;
  guint n_added = 0;
  int status;

  if (!lectern_cli_parse (cli, context, "import-annotations", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!lectern_web_annotation_import (project, file, &n_added, &problems, NULL, &error))
    return lectern_cli_fail (error);

  added = g_strdup_printf ("%u", n_added);
  lectern_cli_print_record (1, added);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    lectern_cli_error ("%s", (const char *) g_ptr_array_index (problems, i));

  return problems != NULL && problems->len > 0 ? LECTERN_CLI_EXIT_FAILURE : LECTERN_CLI_EXIT_OK;
}

static int
run_import_qdpx (LecternCli  *cli,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "import-qdpx", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GFile) qdpx = NULL;
  g_autoptr(GPtrArray) skipped = NULL;

  if (!lectern_cli_parse (cli, context, "import-qdpx", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;

  project_file = lectern_cli_dup_project_file (cli);
  if (project_file == NULL)
    return LECTERN_CLI_EXIT_USAGE;

  /* A REFI-QDA project becomes a new Lectern project, never merged into or
   * written over an existing file. */
  if (g_file_query_file_type (project_file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) != G_FILE_TYPE_UNKNOWN)
    {
      lectern_cli_error (_("“%s” already exists: import-qdpx makes a new project, give --project a new file name"),
                         cli->project_path);
      return LECTERN_CLI_EXIT_FAILURE;
    }

  qdpx = g_file_new_for_commandline_arg (argv[1]);
  project = lectern_qdpx_import (qdpx, project_file, &skipped, NULL, &error);
  if (project == NULL)
    return lectern_cli_fail (error);
  /* The project was made; what it could not hold is said, not fatal. */
  for (guint i = 0; i < skipped->len; i++)
    lectern_cli_error ("%s", (const char *) g_ptr_array_index (skipped, i));

  return LECTERN_CLI_EXIT_OK;
}

#endif /* LECTERN_CLI_FORMATS */

const LecternCliCommand lectern_cli_export_commands[] = {
  { "export", N_("--format FORMAT [--output FILE]"),
    N_("Export annotated passages: markdown, html, csv, json, qdpx or pdf"), LECTERN_CLI_FORMATS_RUN (run_export) },
  { "import-annotations", N_("FILE.json"),
    N_("Add the annotations of a W3C Web Annotation file; print how many"), LECTERN_CLI_FORMATS_RUN (run_import_annotations) },
  { "import-qdpx", N_("FILE.qdpx"),
    N_("Make the new project --project from a REFI-QDA project"), LECTERN_CLI_FORMATS_RUN (run_import_qdpx) },
  { NULL }
};
