/* lectern-cli-annotations.c — passages and notes: annotate, annotations,
 * note, annotation-delete, memo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"

static int
run_annotate (LecternCli  *cli,
              int          argc,
              char       **argv)
{
  g_auto(GStrv) tag_paths = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tag_paths,
      N_("A tag for the passage, made if missing; repeatable"), N_("PATH") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_("A note on the passage"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "annotate", entries);
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autoptr(LecternDocument) document = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 document_id;
  glong start, end;
  int status;

  if (!lectern_cli_parse (cli, context, "annotate", &argc, &argv, 3, 3))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("annotate", _("Document"), argv[1], &document_id) ||
      !lectern_cli_parse_offset ("annotate", _("Start"), argv[2], &start) ||
      !lectern_cli_parse_offset ("annotate", _("End"), argv[3], &end))
    return LECTERN_CLI_EXIT_USAGE;
  if (tag_paths == NULL)
    return lectern_cli_usage_error ("annotate", _("a passage needs at least one --tag PATH"));
  for (guint i = 0; tag_paths[i] != NULL; i++)
    {
      g_auto(GStrv) names = lectern_tag_path_split (tag_paths[i]);

      if (names == NULL || names[0] == NULL)
        return lectern_cli_usage_error ("annotate", _("“%s” is not a tag path: a name in it is empty"),
                                        tag_paths[i]);
    }

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  /* Check the range before making any tag: a refused passage changes
   * nothing. */
  document = lectern_project_dup_document (project, document_id, &error);
  if (document == NULL)
    return lectern_cli_fail (error);
  if (end <= start)
    {
      lectern_cli_error (_("the passage %ld–%ld is empty: END must be greater than START"), start, end);
      return LECTERN_CLI_EXIT_FAILURE;
    }
  if (end > lectern_document_get_length (document))
    {
      lectern_cli_error (_("the passage %ld–%ld lies outside document %" PRId64
                           ", which has %ld characters"),
                         start, end, document_id, lectern_document_get_length (document));
      return LECTERN_CLI_EXIT_FAILURE;
    }

  for (guint i = 0; tag_paths[i] != NULL; i++)
    {
      g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (project, tag_paths[i], &error);
      gint64 tag_id;

      if (tag == NULL)
        return lectern_cli_fail (error);

      tag_id = lectern_tag_get_id (tag);
      g_array_append_val (tag_ids, tag_id);
    }

  annotation = lectern_project_add_annotation (project, document_id, start, end,
                                              (const gint64 *) (gpointer) tag_ids->data, tag_ids->len,
                                              note != NULL && note[0] != '\0' ? note : NULL,
                                              &error);
  if (annotation == NULL)
    return lectern_cli_fail (error);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_annotation_get_id (annotation));
  lectern_cli_print_record (1, id);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_annotations (LecternCli  *cli,
                 int          argc,
                 char       **argv)
{
  g_autofree char *document_text = NULL;
  g_autofree char *tag_path = NULL;
  gboolean exact = FALSE;
  g_auto(GStrv) coder_names = NULL;
  const GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_text, N_("Only passages of this document"), N_("ID") },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &tag_path,
      N_("Only passages with this tag or one of its sub-tags"), N_("PATH") },
    { "exact", 0, 0, G_OPTION_ARG_NONE, &exact, N_("With --tag: leave out the sub-tags"), NULL },
    { "coder", 0, 0, G_OPTION_ARG_STRING_ARRAY, &coder_names,
      N_("Only passages by this coder (repeatable)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "annotations", entries);
  g_autoptr(GHashTable) coder_ids = NULL;
  g_autoptr(GHashTable) coders = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(GHashTable) tag_paths = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id = 0;
  gint64 tag_id = 0;
  int status;
  guint n;

  if (!lectern_cli_parse (cli, context, "annotations", &argc, &argv, 0, 0))
    return LECTERN_CLI_EXIT_USAGE;
  if (document_text != NULL &&
      !lectern_cli_parse_id ("annotations", _("Document"), document_text, &document_id))
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

  if (tag_path != NULL)
    {
      g_autoptr(LecternTag) tag = lectern_project_find_tag (project, tag_path, &error);

      if (tag == NULL)
        return lectern_cli_fail (error);
      tag_id = lectern_tag_get_id (tag);
    }

  tag_paths = lectern_cli_dup_tag_paths (project, &error);
  if (tag_paths == NULL)
    return lectern_cli_fail (error);
  coders = lectern_cli_dup_coder_names (project, &error);
  if (coders == NULL)
    return lectern_cli_fail (error);
  if (coder_names != NULL)
    {
      coder_ids = lectern_cli_find_coders (project, (const char * const *) coder_names, &error);
      if (coder_ids == NULL)
        return lectern_cli_fail (error);
    }

  annotations = lectern_project_list_annotations (project, document_id, tag_id, !exact, &error);
  if (annotations == NULL)
    return lectern_cli_fail (error);

  n = g_list_model_get_n_items (annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (annotations, i);
      g_autoptr(GString) tags = g_string_new (NULL);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_annotation_get_id (annotation));
      g_autofree char *document = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   lectern_annotation_get_document_id (annotation));
      g_autofree char *start = g_strdup_printf ("%ld", lectern_annotation_get_start (annotation));
      g_autofree char *end = g_strdup_printf ("%ld", lectern_annotation_get_end (annotation));
      const gint64 *ids;
      guint n_tags;
      const char *note = lectern_annotation_get_note (annotation);
      gint64 coder_id = lectern_annotation_get_coder_id (annotation);
      const char *coder = g_hash_table_lookup (coders, &coder_id);

      if (coder_ids != NULL && !g_hash_table_contains (coder_ids, &coder_id))
        continue;
      ids = lectern_annotation_get_tag_ids (annotation, &n_tags);
      for (guint j = 0; j < n_tags; j++)
        {
          const char *path = g_hash_table_lookup (tag_paths, &ids[j]);

          if (j > 0)
            g_string_append_c (tags, ',');
          g_string_append (tags, path != NULL ? path : "");
        }

      lectern_cli_print_record (8, id, document, start, end, tags->str,
                                note != NULL ? note : "",
                                lectern_annotation_get_quote (annotation),
                                coder != NULL ? coder : "");
    }

  return LECTERN_CLI_EXIT_OK;
}

static int
run_annotation_set (LecternCli  *cli,
                    int          argc,
                    char       **argv)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_auto(GStrv) tag_paths = NULL;
  const GOptionEntry entries[] = {
    { "start", 's', 0, G_OPTION_ARG_STRING, &start_text, N_("New start, in characters"), N_("START") },
    { "end", 'e', 0, G_OPTION_ARG_STRING, &end_text, N_("New end, in characters"), N_("END") },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tag_paths,
      N_("Replace the passage’s tags with these, made if missing; repeatable"), N_("PATH") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "annotation-set", entries);
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 annotation_id;
  glong start = -1, end = -1;
  int status;

  if (!lectern_cli_parse (cli, context, "annotation-set", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("annotation-set", _("Annotation"), argv[1], &annotation_id))
    return LECTERN_CLI_EXIT_USAGE;
  if ((start_text != NULL && !lectern_cli_parse_offset ("annotation-set", _("Start"), start_text, &start)) ||
      (end_text != NULL && !lectern_cli_parse_offset ("annotation-set", _("End"), end_text, &end)))
    return LECTERN_CLI_EXIT_USAGE;
  if (start_text == NULL && end_text == NULL && tag_paths == NULL)
    return lectern_cli_usage_error ("annotation-set", _("nothing to set: give --start, --end or --tag"));
  for (guint i = 0; tag_paths != NULL && tag_paths[i] != NULL; i++)
    {
      g_auto(GStrv) names = lectern_tag_path_split (tag_paths[i]);

      if (names == NULL || names[0] == NULL)
        return lectern_cli_usage_error ("annotation-set", _("“%s” is not a tag path: a name in it is empty"),
                                        tag_paths[i]);
    }

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  annotation = lectern_project_dup_annotation (project, annotation_id, &error);
  if (annotation == NULL)
    return lectern_cli_fail (error);

  /* An orphan's old ends mean nothing in the current text. */
  if (lectern_annotation_get_orphaned (annotation) && (start_text == NULL || end_text == NULL))
    {
      lectern_cli_error (_("Passage %" PRId64 " is an orphan: place it with both --start and --end"),
                         annotation_id);
      return LECTERN_CLI_EXIT_FAILURE;
    }

  /* The range first: a refused range must not leave new tags behind. */
  if (start_text != NULL || end_text != NULL)
    {
      if (start < 0)
        start = lectern_annotation_get_start (annotation);
      if (end < 0)
        end = lectern_annotation_get_end (annotation);
      if (!lectern_project_set_annotation_range (project, annotation_id, start, end, &error))
        return lectern_cli_fail (error);
    }

  if (tag_paths != NULL)
    {
      for (guint i = 0; tag_paths[i] != NULL; i++)
        {
          g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (project, tag_paths[i], &error);
          gint64 tag_id;

          if (tag == NULL)
            return lectern_cli_fail (error);
          tag_id = lectern_tag_get_id (tag);
          g_array_append_val (tag_ids, tag_id);
        }

      if (!lectern_project_set_annotation_tags (project, annotation_id,
                                               (const gint64 *) (gpointer) tag_ids->data, tag_ids->len,
                                               &error))
        return lectern_cli_fail (error);
    }

  return LECTERN_CLI_EXIT_OK;
}

static int
run_note (LecternCli  *cli,
          int          argc,
          char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "note", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 annotation_id;
  int status;

  if (!lectern_cli_parse (cli, context, "note", &argc, &argv, 2, 2))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("note", _("Annotation"), argv[1], &annotation_id))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (!lectern_project_set_annotation_note (project, annotation_id,
                                           argv[2][0] != '\0' ? argv[2] : NULL, &error))
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_annotation_delete (LecternCli  *cli,
                       int          argc,
                       char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "annotation-delete", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 annotation_id;
  int status;

  if (!lectern_cli_parse (cli, context, "annotation-delete", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("annotation-delete", _("Annotation"), argv[1], &annotation_id))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (!lectern_project_delete_annotation (project, annotation_id, &error))
    return lectern_cli_fail (error);

  return LECTERN_CLI_EXIT_OK;
}

static int
run_memo (LecternCli  *cli,
          int          argc,
          char       **argv)
{
  g_autofree char *document_text = NULL;
  g_autofree char *tag_path = NULL;
  gboolean clear = FALSE;
  const GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_text, N_("The memo of this document"), N_("ID") },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &tag_path, N_("The memo of this tag"), N_("PATH") },
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear, N_("Delete the memo"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "memo", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  LecternMemoTarget target = LECTERN_MEMO_PROJECT;
  gint64 id = 0;
  int status;

  if (!lectern_cli_parse (cli, context, "memo", &argc, &argv, 0, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (document_text != NULL && tag_path != NULL)
    return lectern_cli_usage_error ("memo", _("give --document or --tag, not both"));
  if (clear && argc > 1)
    return lectern_cli_usage_error ("memo", _("give TEXT or --clear, not both"));
  if (document_text != NULL)
    {
      if (!lectern_cli_parse_id ("memo", _("Document"), document_text, &id))
        return LECTERN_CLI_EXIT_USAGE;
      target = LECTERN_MEMO_DOCUMENT;
    }

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (target == LECTERN_MEMO_DOCUMENT)
    {
      g_autoptr(LecternDocument) document = lectern_project_dup_document (project, id, &error);

      if (document == NULL)
        return lectern_cli_fail (error);
    }
  else if (tag_path != NULL)
    {
      g_autoptr(LecternTag) tag = lectern_project_find_tag (project, tag_path, &error);

      if (tag == NULL)
        return lectern_cli_fail (error);
      target = LECTERN_MEMO_TAG;
      id = lectern_tag_get_id (tag);
    }

  if (clear || argc > 1)
    {
      if (!lectern_project_set_memo (project, target, id, clear ? NULL : argv[1], &error))
        return lectern_cli_fail (error);
    }
  else
    {
      g_autofree char *memo = lectern_project_dup_memo (project, target, id, &error);

      if (memo == NULL && error != NULL)
        return lectern_cli_fail (error);
      /* A memo is prose: printed as it is, with a final newline. */
      if (memo != NULL)
        {
          if (!lectern_cli_write_raw (memo, strlen (memo), &error) ||
              (!g_str_has_suffix (memo, "\n") && !lectern_cli_write_raw ("\n", 1, &error)))
            return lectern_cli_fail (error);
        }
    }

  return LECTERN_CLI_EXIT_OK;
}

const LecternCliCommand lectern_cli_annotations_commands[] = {
  { "annotate", N_("ID START END --tag PATH…"), N_("Tag the passage START–END (characters) of a document; print its ID"), run_annotate },
  { "annotations", "", N_("List passages: ID DOCUMENT START END TAGS NOTE QUOTE CODER"), run_annotations },
  { "annotation-set", N_("ANNOTATION_ID"), N_("Move a passage’s ends or replace its tags"), run_annotation_set },
  { "note", N_("ANNOTATION_ID TEXT"), N_("Set a passage’s note (\"\" clears it)"), run_note },
  { "annotation-delete", N_("ANNOTATION_ID"), N_("Delete a passage"), run_annotation_delete },
  { "memo", N_("[TEXT]"), N_("Print or set the memo of the project, a document or a tag"), run_memo },
  { NULL }
};
