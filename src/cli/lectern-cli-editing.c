/* lectern-cli-editing.c — correcting a document's text after coding it:
 * edit, document-replace, orphans, versions (issue #19).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"
#include "lectern-compare.h"
#include "lectern-import.h"

/* The summary both edit and document-replace print: words, not TSV, as
 * the issue that asked for it wrote it; still one line a script can
 * read. */
static int
print_report (const LecternEditReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_strdup_printf ("kept %u, moved %u, resized %u, orphaned %u\n",
                                           report->kept, report->moved, report->resized, report->orphaned);

  if (!lectern_cli_write_raw (line, strlen (line), &error))
    return lectern_cli_fail (error);
  return LECTERN_CLI_EXIT_OK;
}

/* Runs @change (an edit or a replacement) and finds the document's speaker
 * turns again, since a label may have changed with the words, as one
 * group: both or neither. */
typedef gboolean (*ChangeFunc) (LecternProject     *project,
                                gint64             document_id,
                                gpointer           data,
                                LecternEditReport *report,
                                GError           **error);

static gboolean
change_with_turns (LecternProject     *project,
                   gint64             document_id,
                   ChangeFunc         change,
                   gpointer           data,
                   LecternEditReport *report,
                   GError           **error)
{
  if (!lectern_project_begin_group (project, error))
    return FALSE;
  if (!change (project, document_id, data, report, error)
      || !lectern_document_turns_store (project, document_id, FALSE, error))
    {
      lectern_project_end_group (project, FALSE, NULL);
      return FALSE;
    }
  return lectern_project_end_group (project, TRUE, error);
}

typedef struct
{
  glong       start;
  glong       end;
  const char *text;
} EditArgs;

static gboolean
edit_change (LecternProject     *project,
             gint64             document_id,
             gpointer           data,
             LecternEditReport *report,
             GError           **error)
{
  const EditArgs *args = data;

  return lectern_project_edit_text (project, document_id, args->start, args->end, args->text, report, error);
}

#ifdef LECTERN_CLI_FORMATS
static gboolean
replace_change (LecternProject     *project,
                gint64             document_id,
                gpointer           data,
                LecternEditReport *report,
                GError           **error)
{
  return lectern_text_replace (project, document_id, data, report, error);
}
#endif

static int
run_edit (LecternCli  *cli,
          int          argc,
          char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "edit", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  LecternEditReport report = { 0, };
  gint64 document_id;
  glong start, end;
  int status;

  if (!lectern_cli_parse (cli, context, "edit", &argc, &argv, 4, 4))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("edit", _("Document"), argv[1], &document_id)
      || !lectern_cli_parse_offset ("edit", _("Start"), argv[2], &start)
      || !lectern_cli_parse_offset ("edit", _("End"), argv[3], &end))
    return LECTERN_CLI_EXIT_USAGE;
  if (end < start)
    return lectern_cli_usage_error ("edit", _("the end (%ld) comes before the start (%ld)"), end, start);

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  {
    EditArgs args = { start, end, argv[4] };

    if (!change_with_turns (project, document_id, edit_change, &args, &report, &error))
      return lectern_cli_fail (error);
  }

  return print_report (&report);
}

#ifdef LECTERN_CLI_FORMATS
static int
run_document_replace (LecternCli  *cli,
                      int          argc,
                      char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "document-replace", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) read = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LecternEditReport report = { 0, };
  gint64 document_id;
  int status;

  if (!lectern_cli_parse (cli, context, "document-replace", &argc, &argv, 2, 2))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("document-replace", _("Document"), argv[1], &document_id))
    return LECTERN_CLI_EXIT_USAGE;

  /* Read before the project is opened: a file that cannot be read
   * leaves it untouched. Any format import reads, through its readers. */
  file = g_file_new_for_commandline_arg (argv[2]);
  read = lectern_importer_read_file (file, &text, NULL, &error);
  if (read == NULL)
    return lectern_cli_fail (error);

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (!change_with_turns (project, document_id, replace_change, text, &report, &error))
    return lectern_cli_fail (error);

  return print_report (&report);
}
#endif

static int
run_orphans (LecternCli  *cli,
             int          argc,
             char       **argv)
{
  g_autofree char *document_text = NULL;
  const GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_text, N_("Only the orphans of this document"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "orphans", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GHashTable) tag_paths = NULL;
  g_autoptr(GListModel) orphans = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id = 0;
  int status;

  if (!lectern_cli_parse (cli, context, "orphans", &argc, &argv, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;
  if (document_text != NULL && !lectern_cli_parse_id ("orphans", _("Document"), document_text, &document_id))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (document_id != 0)
    {
      g_autoptr(LecternDocument) document = lectern_project_dup_document (project, document_id, &error);

      if (document == NULL)
        return lectern_cli_fail (error);
    }

  tag_paths = lectern_cli_dup_tag_paths (project, &error);
  if (tag_paths == NULL)
    return lectern_cli_fail (error);
  orphans = lectern_project_list_orphans (project, document_id, &error);
  if (orphans == NULL)
    return lectern_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (orphans); i++)
    {
      g_autoptr(LecternAnnotation) orphan = g_list_model_get_item (orphans, i);
      g_autoptr(GString) tags = g_string_new (NULL);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_annotation_get_id (orphan));
      g_autofree char *document = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_annotation_get_document_id (orphan));
      const gint64 *ids;
      guint n_tags;

      ids = lectern_annotation_get_tag_ids (orphan, &n_tags);
      for (guint j = 0; j < n_tags; j++)
        {
          const char *path = g_hash_table_lookup (tag_paths, &ids[j]);

          if (j > 0)
            g_string_append_c (tags, ',');
          g_string_append (tags, path != NULL ? path : "");
        }
      lectern_cli_print_record (4, id, document, tags->str, lectern_annotation_get_quote (orphan));
    }

  return LECTERN_CLI_EXIT_OK;
}

static int
run_versions (LecternCli  *cli,
              int          argc,
              char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "versions", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id;
  int status;

  if (!lectern_cli_parse (cli, context, "versions", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("versions", _("Document"), argv[1], &document_id))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  versions = lectern_project_list_document_versions (project, document_id, &error);
  if (versions == NULL)
    return lectern_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(LecternDocumentVersion) version = g_list_model_get_item (versions, i);
      GDateTime *created = lectern_document_version_get_created (version);
      g_autofree char *number = g_strdup_printf ("%u", lectern_document_version_get_number (version));
      g_autofree char *time = created != NULL ? g_date_time_format_iso8601 (created) : g_strdup ("");

      lectern_cli_print_record (4, number, time, lectern_document_version_get_author (version),
                                lectern_document_version_get_description (version));
    }

  return LECTERN_CLI_EXIT_OK;
}

const LecternCliCommand lectern_cli_editing_commands[] = {
  { "edit", N_("ID START END TEXT"),
    N_("Replace characters START–END of a document’s text with TEXT (may be empty); passages follow their words: kept N, moved N, resized N, orphaned N"),
    run_edit },
  { "document-replace", N_("ID FILE"),
    N_("Replace a document’s text with a revised version read from FILE (any importable format); passages follow their words"),
    LECTERN_CLI_FORMATS_RUN (run_document_replace) },
  { "orphans", "", N_("List passages whose words an edit removed: ID DOCUMENT TAGS QUOTE"), run_orphans },
  { "versions", N_("ID"), N_("List the versions of a document’s text: VERSION TIME CODER DESCRIPTION"), run_versions },
  { NULL }
};
