/* lectern-cli-turns.c — interview transcripts: turns, speakers.
 *
 * The turns are those the detector finds in the stored text
 * (lectern-turn-detector.h), computed on each call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-cli-private.h"
#include "lectern-import.h"

static int
run_turns (LecternCli  *cli,
           int          argc,
           char       **argv)
{
  g_autoptr(GOptionContext) context = lectern_cli_option_context_new (cli, "turns", NULL);
  g_autoptr(LecternCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) turns = NULL;
  g_autofree char *text = NULL;
  gint64 document_id;
  int status;

  if (!lectern_cli_parse (cli, context, "turns", &argc, &argv, 1, 1))
    return LECTERN_CLI_EXIT_USAGE;
  if (!lectern_cli_parse_id ("turns", _("Document"), argv[1], &document_id))
    return LECTERN_CLI_EXIT_USAGE;

  corpus = lectern_cli_open_corpus (cli, &status);
  if (corpus == NULL)
    return status;

  text = lectern_corpus_dup_text (corpus, document_id, &error);
  if (text == NULL)
    return lectern_cli_fail (error);

  turns = lectern_turn_detector_detect (text, NULL);
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

/* Adds the turns of one document's text to @speakers, in the order each
 * speaker first speaks. */
static void
count_turns (const char *text,
             GArray     *speakers,
             GHashTable *index)
{
  g_autoptr(GArray) turns = lectern_turn_detector_detect (text, NULL);

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
  g_autoptr(LecternCorpus) corpus = NULL;
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

  corpus = lectern_cli_open_corpus (cli, &status);
  if (corpus == NULL)
    return status;

  if (ids->len == 0)
    {
      g_autoptr(GListModel) documents = lectern_corpus_list_documents (corpus, &error);

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
      g_autofree char *text = lectern_corpus_dup_text (corpus, g_array_index (ids, gint64, i), &error);

      if (text == NULL)
        return lectern_cli_fail (error);
      count_turns (text, speakers, index);
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

const LecternCliCommand lectern_cli_turns_commands[] = {
  { "turns", N_("ID"),
    N_("List an interview’s speaker turns, label included, in text order: START END SPEAKER"),
    run_turns },
  { "speakers", N_("[ID]"),
    N_("List the speakers of one document or all, as they first speak: "
       "SPEAKER TURNS CHARS (labels not counted)"),
    run_speakers },
  { NULL }
};
