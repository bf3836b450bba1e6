/* lectern-cli-agreement.c — inter-coder agreement (issue #15): the
 * agreement table and the disagreements between two coders, as TSV or
 * CSV. The measure is src/compare's (lectern-coder-agreement.h);
 * docs/agreement.md says what the numbers are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"
#include "lectern-compare.h"

/* The two coders, found by GUID or by name. */
typedef struct
{
  gint64  id;
  char   *name;   /* as shown */
} Coder;

static void
coder_clear (Coder *coder)
{
  g_clear_pointer (&coder->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Coder, coder_clear)

static char *
describe_coders (GPtrArray *coders)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (coders, i);

      if (i > 0)
        g_string_append (out, ", ");
      /* Translators: one coder's name in a list of them */
      g_string_append_printf (out, _("“%s”"), lectern_coder_get_display_name (coder));
    }
  return g_string_free (out, FALSE);
}

/* @text is a coder's GUID, or the stored or shown name of exactly one
 * coder: a name two coders share cannot say which is meant. */
static gboolean
find_coder (GPtrArray   *coders,
            const char  *text,
            Coder       *found,
            GError     **error)
{
  LecternCoder *match = NULL;
  guint n_named = 0;

  for (guint i = 0; i < coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (coders, i);

      if (g_ascii_strcasecmp (text, lectern_coder_get_guid (coder)) == 0)
        {
          match = coder;
          n_named = 1;
          break;
        }
      if (g_strcmp0 (text, lectern_coder_get_name (coder)) == 0
          || g_strcmp0 (text, lectern_coder_get_display_name (coder)) == 0)
        {
          match = coder;
          n_named++;
        }
    }

  if (n_named == 0)
    {
      g_autofree char *known = describe_coders (coders);

      if (coders->len == 0)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("there is no coder “%s”: nobody has coded in this project yet"), text);
      else
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("there is no coder “%s” in this project; its coders are %s"), text, known);
      return FALSE;
    }
  if (n_named > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%u coders are called “%s”: give the GUID of the one you mean "
                     "(“lectern-cli coders” lists them)"),
                   n_named, text);
      return FALSE;
    }

  found->id = lectern_coder_get_id (match);
  found->name = g_strdup (lectern_coder_get_display_name (match));
  return TRUE;
}

/* A CSV cell as the export writes one (RFC 4180): quoted when it holds a
 * separator, quote or line break. Text from the project (a tag's path, a
 * coder's name) that a spreadsheet would run as a formula gets a leading
 * apostrophe; numbers and "-" are Lectern's own and stay as they are. */
static void
append_csv_cell (GString    *line,
                 const char *cell,
                 gboolean    text)
{
  gboolean formula = text && cell[0] != '\0' && strchr ("=+-@\t\r", cell[0]) != NULL;

  if (!formula && strpbrk (cell, ",;\"\r\n\t") == NULL)
    {
      g_string_append (line, cell);
      return;
    }
  g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* @text_mask: bit i set when cell i is text from the project. */
static gboolean
print_row (const char * const *cells,
           guint               n_cells,
           gboolean            csv,
           guint               text_mask,
           GError            **error)
{
  g_autoptr(GString) line = NULL;

  if (!csv)
    {
      lectern_cli_print_fields (cells, n_cells);
      return TRUE;
    }

  line = g_string_new (NULL);
  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (line, ',');
      append_csv_cell (line, cells[i] != NULL ? cells[i] : "", (text_mask & (1u << i)) != 0);
    }
  g_string_append (line, "\r\n");
  return lectern_cli_write_raw (line->str, line->len, error);
}

/* What `disagreements --units` needs after measuring. */
typedef struct
{
  gboolean        units;
  LecternProject *project;
  gint64          a;
  gint64          b;
  GArray         *document_ids;   /* asked for; empty: all */
} UnitsRequest;

static void
units_request_clear (UnitsRequest *request)
{
  g_clear_object (&request->project);
  g_clear_pointer (&request->document_ids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UnitsRequest, units_request_clear)

/* Parses and measures; on failure prints why and returns NULL with
 * *status set. @units: NULL, or filled for `disagreements`. */
static LecternAgreement *
measure (LecternCli   *cli,
         const char   *command_name,
         int           argc,
         char        **argv,
         gboolean     *csv,
         UnitsRequest *units,
         int          *status)
{
  gboolean want_units = FALSE;
  g_auto(GStrv) coder_names = NULL;
  g_auto(GStrv) tag_paths = NULL;
  g_auto(GStrv) documents = NULL;
  const GOptionEntry entries[] = {
    /* Not the global --coder (who is coding): after the command name,
     * options are the command's own. */
    { "coder", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &coder_names,
      N_("A coder to compare, by name or GUID: give two"), N_("NAME") },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tag_paths,
      N_("Only this code (its sub-tags are codes of their own); repeat for more"), N_("PATH") },
    { "document", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("Only this document; repeat for more"), N_("ID") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, csv,
      N_("Write CSV (RFC 4180, with a header row) instead of tab-separated fields"), NULL },
    { "units", 'u', 0, G_OPTION_ARG_NONE, &want_units,
      N_("List the units to adjudicate, as the app's Coders mode does: DOCUMENT START END KIND DECISION"), NULL },
    { NULL }
  };
  /* --units is disagreements' own: the last entry before the end. */
  g_autofree GOptionEntry *own = g_memdup2 (entries, sizeof entries);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GArray) document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_auto(Coder) a = { 0, NULL };
  g_auto(Coder) b = { 0, NULL };
  LecternAgreement *agreement;

  if (units == NULL)
    memset (&own[G_N_ELEMENTS (entries) - 2], 0, sizeof own[0]);
  context = lectern_cli_option_context_new (cli, command_name, own);
  *status = LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse (cli, context, command_name, &argc, &argv, 0, 0))
    return NULL;
  if (want_units && tag_paths != NULL)
    {
      lectern_cli_usage_error (command_name, _("--units compares whole codings: give no --tag with it"));
      return NULL;
    }
  if (coder_names == NULL || g_strv_length (coder_names) != 2)
    {
      lectern_cli_usage_error (command_name, _("give the two coders to compare: --coder A --coder B"));
      return NULL;
    }
  for (guint i = 0; documents != NULL && documents[i] != NULL; i++)
    {
      gint64 id;

      if (!lectern_cli_parse_id (command_name, _("Document"), documents[i], &id))
        return NULL;
      g_array_append_val (document_ids, id);
    }

  project = lectern_cli_open_project (cli, status);
  if (project == NULL)
    return NULL;
  *status = LECTERN_CLI_EXIT_FAILURE;

  coders = lectern_project_list_coders (project, &error);
  if (coders == NULL
      || !find_coder (coders, coder_names[0], &a, &error)
      || !find_coder (coders, coder_names[1], &b, &error))
    {
      lectern_cli_fail (error);
      return NULL;
    }
  if (a.id == b.id)
    {
      *status = lectern_cli_usage_error (command_name, _("“%s” and “%s” are the same coder: give two different ones"),
                                         coder_names[0], coder_names[1]);
      return NULL;
    }

  for (guint i = 0; tag_paths != NULL && tag_paths[i] != NULL; i++)
    {
      g_autoptr(LecternTag) tag = lectern_project_find_tag (project, tag_paths[i], &error);
      gint64 id;
      gboolean seen = FALSE;

      if (tag == NULL)
        {
          lectern_cli_fail (error);
          return NULL;
        }
      id = lectern_tag_get_id (tag);
      for (guint j = 0; j < tag_ids->len; j++)
        seen = seen || g_array_index (tag_ids, gint64, j) == id;
      if (!seen)
        g_array_append_val (tag_ids, id);
    }

  agreement = lectern_coder_agreement_measure (project, a.id, a.name, b.id, b.name,
                                               (const gint64 *) (gpointer) tag_ids->data, tag_ids->len,
                                               (const gint64 *) (gpointer) document_ids->data,
                                               document_ids->len, NULL, &error);
  if (agreement == NULL)
    {
      lectern_cli_fail (error);
      return NULL;
    }
  if (units != NULL)
    {
      units->units = want_units;
      units->project = g_object_ref (project);
      units->a = a.id;
      units->b = b.id;
      units->document_ids = g_array_ref (document_ids);
    }
  *status = LECTERN_CLI_EXIT_OK;
  return agreement;
}

static int
run_agreement (LecternCli  *cli,
               int          argc,
               char       **argv)
{
  g_autoptr(LecternAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  gboolean csv = FALSE;
  int status;

  agreement = measure (cli, "agreement", argc, argv, &csv, NULL, &status);
  if (agreement == NULL)
    return status;

  if (!print_row (lectern_agreement_get_columns (), LECTERN_AGREEMENT_N_COLUMNS, csv, 0, &error))
    return lectern_cli_fail (error);
  for (guint i = 0; i < agreement->rows->len; i++)
    {
      g_auto(GStrv) cells = lectern_agreement_row_to_cells (&g_array_index (agreement->rows,
                                                                            LecternAgreementRow, i));

      /* The TAG column is a path from the project. */
      if (!print_row ((const char * const *) cells, LECTERN_AGREEMENT_N_COLUMNS, csv, 1u << 0, &error))
        return lectern_cli_fail (error);
    }
  return LECTERN_CLI_EXIT_OK;
}

static const char *
unit_kind_name (LecternCoderUnitKind kind)
{
  switch (kind)
    {
    case LECTERN_CODER_UNIT_ONLY_A:
      return "only-a";
    case LECTERN_CODER_UNIT_ONLY_B:
      return "only-b";
    case LECTERN_CODER_UNIT_CODES:
      return "codes";
    case LECTERN_CODER_UNIT_BOUNDS:
      return "bounds";
    case LECTERN_CODER_UNIT_AGREED:
    default:
      return "agreed";
    }
}

/* The units the app's Coders mode walks (lectern-coder-units.h), in the
 * documents both coders coded, as the agreement measures them; agreed
 * units left out; DECISION "-" while open. */
static int
print_units (UnitsRequest *request,
             gboolean      csv)
{
  static const char * const columns[] = { "DOCUMENT", "START", "END", "KIND", "DECISION" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCoderPassages) read = NULL;
  g_autoptr(GHashTable) coded_a = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) coded_b = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  read = lectern_project_read_coder_passages (request->project, request->a, request->b,
                                              (const gint64 *) (gpointer) request->document_ids->data,
                                              request->document_ids->len, NULL, &error);
  if (read == NULL)
    return lectern_cli_fail (error);
  for (guint i = 0; i < read->passages->len; i++)
    {
      const LecternCoderPassage *passage = &g_array_index (read->passages, LecternCoderPassage, i);

      g_hash_table_add (passage->coder_id == request->a ? coded_a : coded_b,
                        g_memdup2 (&passage->document_id, sizeof (gint64)));
    }

  if (!print_row (columns, G_N_ELEMENTS (columns), csv, 0, &error))
    return lectern_cli_fail (error);
  for (guint i = 0; i < read->documents->len; i++)
    {
      gint64 document = g_array_index (read->documents, LecternCodedDocument, i).document_id;
      g_autoptr(GPtrArray) units = NULL;

      if (!g_hash_table_contains (coded_a, &document) || !g_hash_table_contains (coded_b, &document))
        continue;
      units = lectern_coder_units_read (request->project, document, request->a, request->b, &error);
      if (units == NULL)
        return lectern_cli_fail (error);
      for (guint j = 0; j < units->len; j++)
        {
          const LecternCoderUnit *unit = g_ptr_array_index (units, j);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, document);
          g_autofree char *start = g_strdup_printf ("%ld", unit->start);
          g_autofree char *end = g_strdup_printf ("%ld", unit->end);
          const char *cells[] = {
            id, start, end, unit_kind_name (unit->kind),
            unit->decision != 0 ? lectern_adjudication_decision_to_string (unit->decision) : "-",
          };

          if (unit->kind == LECTERN_CODER_UNIT_AGREED)
            continue;
          if (!print_row (cells, G_N_ELEMENTS (cells), csv, 0, &error))
            return lectern_cli_fail (error);
        }
    }
  return LECTERN_CLI_EXIT_OK;
}

static int
run_disagreements (LecternCli  *cli,
                   int          argc,
                   char       **argv)
{
  g_auto(UnitsRequest) units = { FALSE, NULL, 0, 0, NULL };
  g_autoptr(LecternAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  gboolean csv = FALSE;
  int status;

  agreement = measure (cli, "disagreements", argc, argv, &csv, &units, &status);
  if (agreement == NULL)
    return status;
  if (units.units)
    return print_units (&units, csv);

  if (!print_row (lectern_disagreement_get_columns (), LECTERN_DISAGREEMENT_N_COLUMNS, csv, 0, &error))
    return lectern_cli_fail (error);
  for (guint i = 0; i < agreement->disagreements->len; i++)
    {
      g_auto(GStrv) cells = lectern_disagreement_to_cells (agreement, i);

      /* TAG and CODER are text from the project. */
      if (!print_row ((const char * const *) cells, LECTERN_DISAGREEMENT_N_COLUMNS, csv,
                      (1u << 3) | (1u << 4), &error))
        return lectern_cli_fail (error);
    }
  return LECTERN_CLI_EXIT_OK;
}

const LecternCliCommand lectern_cli_agreement_commands[] = {
  { "agreement", N_("--coder A --coder B"),
    N_("Inter-coder agreement per code: TAG AGREEMENT KAPPA ALPHA A_CHARS B_CHARS "
       "BOTH_CHARS CODED_KAPPA UALPHA MATCHED"), run_agreement },
  { "disagreements", N_("--coder A --coder B"),
    N_("Where two coders differ: DOCUMENT START END TAG CODER (--units: as units to adjudicate)"),
    run_disagreements },
  { NULL }
};
