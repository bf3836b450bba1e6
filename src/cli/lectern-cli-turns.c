/* lectern-cli-turns.c — interview transcripts: turns, speakers.
 *
 * The turns are those the detector finds in the stored text with the
 * document's stored corrections applied (lectern-document-turns.h),
 * computed on each call; the commands that correct them store a
 * correction and the document's `turn` spans in one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"
#include "lectern-import.h"

static int
run_turns (LecternCli  *cli,
           int          argc,
           char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "turns", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) turns = NULL;
  gint64 document_id;
  int status;

  if (!lectern_cli_parse (cli, context, "turns", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("turns", _("Document"), argv[1], &document_id))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  turns = lectern_document_turns_dup (project, document_id, &error);
  if (turns == NULL)
    return lectern_cli_fail (error);

  for (guint i = 0; i < turns->len; i++)
    {
      const LecternTurn *turn = &g_array_index (turns, LecternTurn, i);
      g_autofree char *start = g_strdup_printf ("%u", turn->start);
      g_autofree char *end = g_strdup_printf ("%u", turn->end);

      lectern_cli_print_record (3, start, end, turn->speaker);
    }

  return LECTERN_CLI_EXIT_OK;
}

typedef struct
{
  char   *name;
  guint   turns;
  guint64 chars;
} Speaker;

static void
speaker_clear (gpointer data)
{
  g_free (((Speaker *) data)->name);
}

/* Adds the turns of one document to @speakers, in the order each
 * speaker first speaks. */
static void
count_turns (GArray     *turns,
             GArray     *speakers,
             GHashTable *index)
{
  for (guint i = 0; i < turns->len; i++)
    {
      const LecternTurn *turn = &g_array_index (turns, LecternTurn, i);
      gpointer found;
      Speaker *speaker;

      if (!g_hash_table_lookup_extended (index, turn->speaker, NULL, &found))
        {
          Speaker added = { g_strdup (turn->speaker), 0, 0 };

          g_array_append_val (speakers, added);
          found = GUINT_TO_POINTER (speakers->len - 1);
          g_hash_table_insert (index, g_strdup (turn->speaker), found);
        }
      speaker = &g_array_index (speakers, Speaker, GPOINTER_TO_UINT (found));
      speaker->turns++;
      /* What the speaker says: the turn without its label. */
      speaker->chars += turn->end - turn->speech_start;
    }
}

static int
run_speakers (LecternCli  *cli,
              int          argc,
              char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "speakers", NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) speakers = g_array_new (FALSE, TRUE, sizeof (Speaker));
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int status;

  g_array_set_clear_func (speakers, speaker_clear);

  if (!lectern_cli_parse (cli, context, "speakers", &argc, &argv, 0, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (argc == 2)
    {
      gint64 id;

      if (!lectern_cli_parse_id ("speakers", _("Document"), argv[1], &id))
        return LECTERN_CLI_EXIT_USAGE;
      g_array_append_val (ids, id);
    }

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (ids->len == 0)
    {
      g_autoptr(GListModel) documents = lectern_project_list_documents (project, &error);

      if (documents == NULL)
        return lectern_cli_fail (error);
      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(LecternDocument) document = g_list_model_get_item (documents, i);
          gint64 id = lectern_document_get_id (document);

          g_array_append_val (ids, id);
        }
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GArray) turns = lectern_document_turns_dup (project, g_array_index (ids, gint64, i), &error);

      if (turns == NULL)
        return lectern_cli_fail (error);
      count_turns (turns, speakers, index);
    }

  for (guint i = 0; i < speakers->len; i++)
    {
      const Speaker *speaker = &g_array_index (speakers, Speaker, i);
      g_autofree char *turns = g_strdup_printf ("%u", speaker->turns);
      g_autofree char *chars = g_strdup_printf ("%" G_GUINT64_FORMAT, speaker->chars);

      lectern_cli_print_record (3, speaker->name, turns, chars);
    }

  return LECTERN_CLI_EXIT_OK;
}

/* Whether some turn of @turns is spoken by @speaker. */
static gboolean
has_speaker (GArray     *turns,
             const char *speaker)
{
  for (guint i = 0; i < turns->len; i++)
    if (g_str_equal (g_array_index (turns, LecternTurn, i).speaker, speaker))
      return TRUE;
  return FALSE;
}

/* The document's turns, or NULL after printing why. */
static GArray *
dup_turns (LecternProject *project,
           gint64         document_id,
           int           *status)
{
  g_autoptr(GError) error = NULL;
  GArray *turns = lectern_document_turns_dup (project, document_id, &error);

  if (turns == NULL)
    *status = lectern_cli_fail (error);
  return turns;
}

static int
no_speaker (LecternProject *project,
            gint64         document_id,
            const char    *speaker)
{
  g_autofree char *path = g_file_get_path (lectern_project_get_file (project));

  lectern_cli_error (_("No turn of document %" PRId64 " in “%s” is spoken by “%s” "
                       "(see “lectern-cli speakers %" PRId64 "”)"),
                     document_id, path, speaker, document_id);
  return LECTERN_CLI_EXIT_FAILURE;
}

static int
correct (LecternProject               *project,
         gint64                       document_id,
         const LecternTurnCorrection *correction)
{
  g_autoptr(GError) error = NULL;

  if (!lectern_document_turns_correct (project, document_id, correction, &error))
    return lectern_cli_fail (error);
  return LECTERN_CLI_EXIT_OK;
}

/* speaker-rename and speaker-merge: the same correction, worded apart. */
static int
run_rename_or_merge (LecternCli  *cli,
                     const char  *command,
                     gboolean     merge,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, command, NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GArray) turns = NULL;
  LecternTurnCorrection correction = { 0, };
  gint64 document_id;
  int status;

  if (!lectern_cli_parse (cli, context, command, &argc, &argv, 3, 3))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id (command, _("Document"), argv[1], &document_id))
    return LECTERN_CLI_EXIT_USAGE;
  if (*argv[3] == '\0' || !g_utf8_validate (argv[3], -1, NULL))
    return lectern_cli_usage_error (command, _("The new name must be non-empty text"));

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  turns = dup_turns (project, document_id, &status);
  if (turns == NULL)
    return status;
  if (!has_speaker (turns, argv[2]))
    return no_speaker (project, document_id, argv[2]);
  /* A merge joins two speakers there are; a rename may take any name. */
  if (merge && !has_speaker (turns, argv[3]))
    return no_speaker (project, document_id, argv[3]);

  correction.kind = merge ? LECTERN_TURN_CORRECTION_MERGE : LECTERN_TURN_CORRECTION_RENAME;
  correction.speaker = argv[2];
  correction.target = argv[3];
  return correct (project, document_id, &correction);
}

static int
run_speaker_rename (LecternCli  *cli,
                    int          argc,
                    char       **argv)
{
  return run_rename_or_merge (cli, "speaker-rename", FALSE, argc, argv);
}

static int
run_speaker_merge (LecternCli  *cli,
                   int          argc,
                   char       **argv)
{
  return run_rename_or_merge (cli, "speaker-merge", TRUE, argc, argv);
}

static int
run_turn_set (LecternCli  *cli,
              int          argc,
              char       **argv)
{
  g_autofree char *speaker = NULL;
  gboolean none = FALSE;
  const GOptionEntry entries[] = {
    { "speaker", 's', 0, G_OPTION_ARG_STRING, &speaker, N_("The line starts a turn of this speaker"), N_("NAME") },
    { "none", 0, 0, G_OPTION_ARG_NONE, &none, N_("The line starts no turn"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "turn-set", entries);
  g_autoptr(LecternProject) project = NULL;
  LecternTurnCorrection correction = { 0, };
  gint64 document_id;
  glong offset;
  int status;

  if (!lectern_cli_parse (cli, context, "turn-set", &argc, &argv, 2, 2))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("turn-set", _("Document"), argv[1], &document_id)
      || !lectern_cli_parse_offset ("turn-set", _("Offset"), argv[2], &offset))
    return LECTERN_CLI_EXIT_USAGE;
  if ((speaker != NULL) == none)
    return lectern_cli_usage_error ("turn-set", _("Give either --speaker NAME or --none"));
  if (speaker != NULL && (*speaker == '\0' || !g_utf8_validate (speaker, -1, NULL)))
    return lectern_cli_usage_error ("turn-set", _("The speaker’s name must be non-empty text"));
  if (offset > G_MAXUINT)
    return lectern_cli_usage_error ("turn-set", _("The offset is past any text"));

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  correction.kind = none ? LECTERN_TURN_CORRECTION_NOT_TURN : LECTERN_TURN_CORRECTION_SET_TURN;
  correction.offset = (guint) offset;
  correction.speaker = speaker;
  return correct (project, document_id, &correction);
}

static int
run_code_speakers (LecternCli  *cli,
                   int          argc,
                   char       **argv)
{
  g_autofree char *parent = NULL;
  const GOptionEntry entries[] = {
    { "parent", 'p', 0, G_OPTION_ARG_STRING, &parent,
      N_("The tag under which each speaker’s tag is made (default: Speakers)"), N_("PATH") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "code-speakers", entries);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *made_text = NULL;
  gint64 document_id;
  guint made = 0;
  int status;

  if (!lectern_cli_parse (cli, context, "code-speakers", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("code-speakers", _("Document"), argv[1], &document_id))
    return LECTERN_CLI_EXIT_USAGE;

  project = lectern_cli_open_project (cli, &status);
  if (project == NULL)
    return status;

  if (!lectern_document_turns_code (project, document_id, parent, &made, &error))
    return lectern_cli_fail (error);

  made_text = g_strdup_printf ("%u", made);
  lectern_cli_print_record (1, made_text);
  return LECTERN_CLI_EXIT_OK;
}

const LecternCliCommand lectern_cli_turns_commands[] = {
  { "turns", N_("ID"),
    N_("List an interview’s speaker turns, label included, in text order: START END SPEAKER"),
    run_turns },
  { "speakers", N_("[ID]"),
    N_("List the speakers of one document or all, as they first speak: "
       "SPEAKER TURNS CHARS (labels not counted)"),
    run_speakers },
  { "speaker-rename", N_("ID OLD NEW"),
    N_("Rename a speaker of an interview; the correction is kept and survives re-detection"),
    run_speaker_rename },
  { "speaker-merge", N_("ID FROM INTO"),
    N_("Give every turn of one speaker of an interview to another of its speakers"),
    run_speaker_merge },
  { "turn-set", N_("ID OFFSET --speaker NAME | --none"),
    N_("Make the line holding OFFSET start a turn of NAME, or start no turn"),
    run_turn_set },
  { "code-speakers", N_("ID [--parent PATH]"),
    N_("Code each turn’s speech (label left out) with the tag Speakers/NAME, "
       "as one step; print the number of passages made"),
    run_code_speakers },
  { NULL }
};
