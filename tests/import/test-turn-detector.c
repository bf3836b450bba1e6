/* test-turn-detector.c — speaker turns found in transcripts, false labels
 * left alone, and the user's corrections applied after detection.
 *
 * The transcripts in tests/fixtures/transcripts/ were written for these
 * tests; each NAME.turns beside NAME.txt holds the expected turns,
 * START END SPEAKER TIME, computed from the lines marked by hand
 * (README.md there). The sample corpus (data/sample/) and the reference
 * corpus ($LECTERN_SHARED_CORPUS, skipped when absent) are read in place:
 * their expected turns are the lines that open with the speakers' labels,
 * counted here independently of the detector.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-import.h"

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;

  g_file_get_contents (path, &raw, NULL, &error);
  g_assert_no_error (error);

  return lectern_text_normalize (raw, -1);
}

static char *
slice (const char *text,
       guint       start,
       guint       end)
{
  return lectern_text_slice (text, start, end);
}

/* What every turn of @text keeps, whatever the document. */
static void
assert_well_formed (const char *text,
                    GArray     *turns)
{
  glong length = g_utf8_strlen (text, -1);

  for (guint i = 0; i < turns->len; i++)
    {
      const LecternTurn *t = &g_array_index (turns, LecternTurn, i);

      g_assert_cmpuint (t->start, <=, t->label_start);
      g_assert_cmpuint (t->label_start, <=, t->label_end);
      g_assert_cmpuint (t->label_end, <=, t->speech_start);
      g_assert_cmpuint (t->speech_start, <=, t->end);
      g_assert_cmpuint (t->end, <=, length);
      g_assert_nonnull (t->speaker);
      g_assert_cmpstr (t->speaker, !=, "");
      if (i > 0)
        g_assert_cmpuint (g_array_index (turns, LecternTurn, i - 1).end, <=, t->start);
      /* A turn starts a line. */
      if (t->start > 0)
        {
          g_autofree char *before = slice (text, t->start - 1, t->start);

          g_assert_cmpstr (before, ==, "\n");
        }
      if (t->time != NULL)
        {
          g_autofree char *written = slice (text, t->time_start, t->time_end);

          g_assert_cmpuint (t->time_start, >=, t->start);
          g_assert_cmpuint (t->time_end, <=, t->label_start);
          g_assert_true (g_ascii_isdigit (t->time[0]));
          g_assert_nonnull (strstr (written, ":"));
        }
    }
}

static void
test_fixtures (void)
{
  const char *names[] = {
    "en-interview", "en-qa", "en-panel", "fr-entretien", "fr-qr", "no-turns",
  };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *txt = g_strconcat (names[n], ".txt", NULL);
      g_autofree char *tsv = g_strconcat (names[n], ".turns", NULL);
      g_autofree char *text_path = g_test_build_filename (G_TEST_DIST, "fixtures", "transcripts", txt, NULL);
      g_autofree char *turns_path = g_test_build_filename (G_TEST_DIST, "fixtures", "transcripts", tsv, NULL);
      g_autofree char *text = read_text (text_path);
      g_autofree char *expected = NULL;
      g_autoptr(GArray) turns = lectern_turn_detector_detect (text, NULL);
      g_autoptr(GString) got = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", txt);
      g_file_get_contents (turns_path, &expected, NULL, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < turns->len; i++)
        {
          const LecternTurn *t = &g_array_index (turns, LecternTurn, i);

          g_string_append_printf (got, "%u\t%u\t%s\t%s\n", t->start, t->end, t->speaker,
                                  t->time != NULL ? t->time : "");
        }
      g_assert_cmpstr (got->str, ==, expected);
      assert_well_formed (text, turns);
    }
}

/* Labels, timestamps and speech are where the text has them. */
static void
test_spans (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "transcripts", "en-interview.txt", NULL);
  g_autofree char *fr_path = g_test_build_filename (G_TEST_DIST, "fixtures", "transcripts", "fr-entretien.txt", NULL);
  g_autofree char *qr_path = g_test_build_filename (G_TEST_DIST, "fixtures", "transcripts", "fr-qr.txt", NULL);
  g_autofree char *text = read_text (path);
  g_autofree char *fr = read_text (fr_path);
  g_autofree char *qr = read_text (qr_path);
  g_autoptr(GArray) turns = lectern_turn_detector_detect (text, NULL);
  g_autoptr(GArray) fr_turns = lectern_turn_detector_detect (fr, NULL);
  g_autoptr(GArray) qr_turns = lectern_turn_detector_detect (qr, NULL);
  const struct { guint turn; const char *label; const char *time_written; const char *speech; } en[] = {
    { 0, "Interviewer:", "[00:00:05]", "Thank you for joining us." },
    { 2, "Interviewer:", "00:02:10", "And today?" },
    { 4, "Interviewer:", "(03:05)", "Is that enough" },
    { 5, "Keller:", "(03:09)", "It is enough" },
  };

  g_assert_cmpuint (turns->len, ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (en); i++)
    {
      const LecternTurn *t = &g_array_index (turns, LecternTurn, en[i].turn);
      g_autofree char *label = slice (text, t->label_start, t->label_end);
      g_autofree char *time = slice (text, t->time_start, t->time_end);
      g_autofree char *speech = slice (text, t->speech_start, t->end);

      g_assert_cmpstr (label, ==, en[i].label);
      g_assert_cmpstr (time, ==, en[i].time_written);
      g_assert_true (g_str_has_prefix (speech, en[i].speech));
      g_assert_cmpuint (t->start, ==, t->time_start);
    }
  /* The turn keeps its continuation lines, and not the blank line after. */
  {
    const LecternTurn *t = &g_array_index (turns, LecternTurn, 1);
    g_autofree char *whole = slice (text, t->start, t->end);

    g_assert_true (g_str_has_suffix (whole, "where to put them.\n\nRegarding NATO: people ask, but the river has nothing to do with it."));
  }

  /* A no-break space before the colon is part of the label. */
  {
    const LecternTurn *t = &g_array_index (fr_turns, LecternTurn, 0);
    g_autofree char *label = slice (fr, t->label_start, t->label_end);

    g_assert_cmpstr (label, ==, "Question\u00a0:");
    g_assert_null (t->time);
    g_assert_cmpuint (t->time_start, ==, t->time_end);
  }
  {
    const LecternTurn *t = &g_array_index (fr_turns, LecternTurn, 4);
    g_autofree char *label = slice (fr, t->label_start, t->label_end);

    g_assert_cmpstr (label, ==, "Réponse\u202f:");
  }
  {
    const LecternTurn *t = &g_array_index (qr_turns, LecternTurn, 1);
    g_autofree char *label = slice (qr, t->label_start, t->label_end);
    g_autofree char *speech = slice (qr, t->speech_start, t->end);

    g_assert_cmpstr (label, ==, "R.");
    g_assert_cmpstr (speech, ==, "Depuis vingt ans. J’ai commencé comme technicienne.");
  }
}

static guint
count_speakers (GArray     *turns,
                const char *speaker)
{
  guint n = 0;

  for (guint i = 0; i < turns->len; i++)
    if (g_strcmp0 (g_array_index (turns, LecternTurn, i).speaker, speaker) == 0)
      n++;
  return n;
}

/* The turns of @text are exactly its lines that open with one of
 * @labels (each followed by @colon): no line missed, none added, in
 * order, each turn that label's speaker. */
static void
assert_turns_are_label_lines (const char         *text,
                              const char * const *labels,
                              const char         *colon)
{
  g_autoptr(GArray) turns = lectern_turn_detector_detect (text, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint offset = 0;
  guint turn = 0;

  assert_well_formed (text, turns);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      for (guint k = 0; labels[k] != NULL; k++)
        {
          g_autofree char *opener = g_strconcat (labels[k], colon, NULL);

          if (g_str_has_prefix (lines[l], opener))
            {
              const LecternTurn *t;

              g_assert_cmpuint (turn, <, turns->len);
              t = &g_array_index (turns, LecternTurn, turn);
              g_assert_cmpuint (t->start, ==, offset);
              g_assert_cmpstr (t->speaker, ==, labels[k]);
              turn++;
            }
        }
      offset += g_utf8_strlen (lines[l], -1) + 1;
    }
  g_assert_cmpuint (turn, ==, turns->len);
  g_assert_cmpuint (turns->len, >, 2);
}

static void
test_sample_corpus (void)
{
  const char *en_labels[] = { "Question", "Anja Veszel", NULL };
  const char *fr_labels[] = { "Question", "Hélène Varennes", NULL };
  g_autofree char *en_path = g_build_filename (g_getenv ("LECTERN_SOURCE_DIR"), "data", "sample", "interview-veszel.txt", NULL);
  g_autofree char *fr_path = g_build_filename (g_getenv ("LECTERN_SOURCE_DIR"), "data", "sample", "entretien-varennes.txt", NULL);
  g_autofree char *en = read_text (en_path);
  g_autofree char *fr = read_text (fr_path);
  g_autoptr(GArray) en_turns = lectern_turn_detector_detect (en, NULL);

  assert_turns_are_label_lines (en, en_labels, ":");
  assert_turns_are_label_lines (fr, fr_labels, " :");
  g_assert_cmpuint (count_speakers (en_turns, "Question"), ==, 7);
  g_assert_cmpuint (count_speakers (en_turns, "Anja Veszel"), ==, 7);

  /* The sample's other documents are no transcripts. */
  {
    const char *others[] = {
      "basin-communique.txt", "low-water-2021.txt", "low-water-2021-revised.txt",
      "tavra-accord-en.txt", "tavra-accord-fr.txt",
    };

    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      {
        g_autofree char *path = g_build_filename (g_getenv ("LECTERN_SOURCE_DIR"), "data", "sample", others[i], NULL);
        g_autofree char *text = read_text (path);
        g_autoptr(GArray) turns = lectern_turn_detector_detect (text, NULL);

        g_assert_cmpuint (turns->len, ==, 0);
      }
  }
}

static const char *
corpus_dir (void)
{
  const char *dir = g_getenv ("LECTERN_SHARED_CORPUS");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}

static char *
read_seed (const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (corpus_dir (), 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".txt"))
      {
        g_autofree char *path = g_build_filename (corpus_dir (), name, NULL);

        return read_text (path);
      }
  g_assert_not_reached ();
}

static void
test_reference_corpus (void)
{
  const char *labels[] = { "Question", "Sergey Lavrov", NULL };

  if (corpus_dir () == NULL)
    {
      g_test_skip ("The reference corpus is not here (../shared/corpus/seeds, or set LECTERN_SHARED_CORPUS)");
      return;
    }

  /* English "Question:" / "Sergey Lavrov:", a picture credit above and
   * lines inside answers that open with "Regarding China’s role:". */
  {
    g_autofree char *text = read_seed ("000_");

    assert_turns_are_label_lines (text, labels, ":");
  }
  /* French "Question :" / "Sergey Lavrov :", below and above a headline
   * "Lavrov : …" that is no turn. */
  {
    g_autofree char *text = read_seed ("002_");

    assert_turns_are_label_lines (text, labels, " :");
  }
  /* The others are no transcripts. */
  for (guint i = 0; i < 3; i++)
    {
      const char *prefixes[] = { "001_", "003_", "004_" };
      g_autofree char *text = read_seed (prefixes[i]);
      g_autoptr(GArray) turns = lectern_turn_detector_detect (text, NULL);

      g_assert_cmpuint (turns->len, ==, 0);
    }
}

/* Each kind of false label, alone in a small text. */
static void
test_false_labels (void)
{
  const struct { const char *text; const char *expected; } cases[] = {
    /* A one-off caption above the interview. */
    { "Photo: MFA\nQuestion: Why?\nAnswer: Because.\nQuestion: When?\nAnswer: Soon.\n",
      "Question Answer Question Answer" },
    /* A one-off name-shaped label with no alternation around it. */
    { "Get Started Now: try it.\nSome text follows here.\n", "" },
    /* A headline "Name : words" above, and repeated below. */
    { "Anja Veszel : la sécheresse et le traité\nQuestion : Pourquoi ?\nAnja Veszel : Parce que.\n"
      "Question : Et alors ?\nAnja Veszel : Rien.\nAnja Veszel : la sécheresse et le traité\n",
      "Question Anja Veszel Question Anja Veszel" },
    /* "Regarding X:", "Firstly:" and "The point:" inside an answer. */
    { "Q: One?\nA: Yes.\nRegarding NATO: no.\nFirstly: yes.\nThe Point: maybe.\nQ: Two?\nA: No.\n",
      "Q A Q A" },
    /* One speaker is no interview. */
    { "Lavrov: one.\nLavrov: two.\nLavrov: three.\n", "" },
    /* A web address, a clock and a time of day open no turn. */
    { "Q: Where?\nhttps://example.org\n15:47 25.11.2025\nA: Here.\nQ: Sure?\nA: Yes.\n", "Q A Q A" },
    /* A sentence with a colon that is too long to be a name. */
    { "Q: Why?\nA: Because.\nThe Very Long And Winding Explanation Of It All Goes: here.\nQ: Ok.\nA: Ok.\n",
      "Q A Q A" },
    /* Numbered speakers and a one-off third voice, named in full. */
    { "Speaker 1: Hello.\nSpeaker 2: Hi.\nInes Okafor: May I?\nSpeaker 1: Please.\nSpeaker 2: Go on.\n",
      "Speaker 1|Speaker 2|Ines Okafor|Speaker 1|Speaker 2" },
    /* Particles inside a name; a later short form is the same person. */
    { "Charles de Gaulle: Oui.\nQuestion: Et alors ?\nCharles de Gaulle: Non.\nQuestion: Pourquoi ?\nde Gaulle: Parce que.\nGaulle: Voilà.\n",
      "Charles de Gaulle|Question|Charles de Gaulle|Question|Charles de Gaulle" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) turns = lectern_turn_detector_detect (cases[i].text, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *got = NULL;
      gboolean bar = strchr (cases[i].expected, '|') != NULL;

      for (guint t = 0; t < turns->len; t++)
        g_ptr_array_add (names, g_array_index (turns, LecternTurn, t).speaker);
      g_ptr_array_add (names, NULL);
      got = g_strjoinv (bar ? "|" : " ", (char **) names->pdata);
      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
      assert_well_formed (cases[i].text, turns);
    }
}

static char *
speakers_of (GArray *turns)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < turns->len; i++)
    {
      const LecternTurn *t = &g_array_index (turns, LecternTurn, i);

      g_string_append_printf (out, "%s%u %s", i > 0 ? "|" : "", t->start, t->speaker);
    }
  return g_string_free (out, FALSE);
}

static void
test_corrections (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "transcripts", "en-interview.txt", NULL);
  g_autofree char *text = read_text (path);
  g_autoptr(GArray) plain = lectern_turn_detector_detect (text, NULL);
  g_autoptr(GArray) corrections = lectern_turn_corrections_new ();
  g_autoptr(GArray) turns = NULL;
  g_autoptr(GArray) again = NULL;
  g_autofree char *got = NULL;
  g_autofree char *got_again = NULL;
  g_autofree char *expected = NULL;
  glong firstly = g_utf8_pointer_to_offset (text, strstr (text, "Firstly:"));
  glong spent = g_utf8_pointer_to_offset (text, strstr (text, "We spent"));
  glong keller = g_utf8_pointer_to_offset (text, strstr (text, "(03:09) Keller:"));
  glong answer = g_utf8_pointer_to_offset (text, strstr (text, "00:02:14 Maria"));
  const LecternTurn *t;

  g_assert_cmpuint (plain->len, ==, 6);

  /* A line the detector left, marked by an offset inside it. */
  lectern_turn_corrections_add_set_turn (corrections, firstly + 3, "Maria Keller");
  /* A line without any label. */
  lectern_turn_corrections_add_set_turn (corrections, spent, "Translator");
  /* The last turn is not one: it continues the one before. */
  lectern_turn_corrections_add_not_turn (corrections, keller);
  /* Renamed, then a turn reassigned to the new name (a split). */
  lectern_turn_corrections_add_rename (corrections, "Interviewer", "Anna Lind");
  lectern_turn_corrections_add_set_turn (corrections, answer, "Anna Lind");
  /* Merged. */
  lectern_turn_corrections_add_merge (corrections, "Translator", "Maria Keller");
  /* Past the end, and names no turn has: nothing. */
  lectern_turn_corrections_add_not_turn (corrections, G_MAXUINT);
  lectern_turn_corrections_add_set_turn (corrections, G_MAXUINT, "Nobody");
  lectern_turn_corrections_add_rename (corrections, "Nobody", "Somebody");

  turns = lectern_turn_detector_detect (text, corrections);
  assert_well_formed (text, turns);
  got = speakers_of (turns);
  expected = g_strdup_printf ("165 Anna Lind|246 Maria Keller|%ld Maria Keller|452 Anna Lind|"
                              "485 Anna Lind|%ld Maria Keller|641 Anna Lind", spent, firstly);
  g_assert_cmpstr (got, ==, expected);

  /* The turn set on "Firstly:" has that label; the one set on a plain
   * line has none. */
  t = &g_array_index (turns, LecternTurn, 5);
  g_assert_cmpuint (t->start, ==, firstly);
  g_assert_cmpuint (t->label_end - t->label_start, ==, strlen ("Firstly:"));
  t = &g_array_index (turns, LecternTurn, 2);
  g_assert_cmpuint (t->label_start, ==, t->label_end);
  g_assert_cmpuint (t->speech_start, ==, spent);
  /* The turn before the unset one runs over it to the end. */
  t = &g_array_index (turns, LecternTurn, 6);
  g_assert_cmpuint (t->end, ==, g_utf8_strlen (text, -1) - 2);

  /* Corrections survive re-detection: the same result every time. */
  again = lectern_turn_detector_detect (text, corrections);
  got_again = speakers_of (again);
  g_assert_cmpstr (got_again, ==, got);

  /* A line unset, then set again, is one turn with its label. */
  {
    g_autoptr(GArray) fixes = lectern_turn_corrections_new ();
    g_autoptr(GArray) result = NULL;
    g_autofree char *label = NULL;

    lectern_turn_corrections_add_not_turn (fixes, keller);
    lectern_turn_corrections_add_set_turn (fixes, keller + 2, "Herr Keller");
    result = lectern_turn_detector_detect (text, fixes);
    g_assert_cmpuint (result->len, ==, 6);
    t = &g_array_index (result, LecternTurn, 5);
    g_assert_cmpuint (t->start, ==, keller);
    g_assert_cmpstr (t->speaker, ==, "Herr Keller");
    g_assert_cmpstr (t->time, ==, "00:03:09");
    label = slice (text, t->label_start, t->label_end);
    g_assert_cmpstr (label, ==, "Keller:");
  }
}

static void
test_display_name (void)
{
  const struct { const char *label; const char *display; } cases[] = {
    { "JEAN-PIERRE DUPONT", "Jean-Pierre Dupont" },
    { "O'NEIL", "O'Neil" },
    { "Q", "Q" },
    { "Anja \u00a0Veszel", "Anja Veszel" },
    { "Hélène Varennes", "Hélène Varennes" },
    { "ÉLODIE", "Élodie" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = lectern_turn_detector_display_name (cases[i].label);

      g_assert_cmpstr (got, ==, cases[i].display);
    }
}

/* CLEAR: the turns before it are gone, those set after it stand, and a
 * later correction applies to them. */
static void
test_clear (void)
{
  const char *text = "Q: Why?\nA: Because.\nQ: And?\nA: So.\n";
  g_autoptr(GArray) corrections = lectern_turn_corrections_new ();
  g_autoptr(GArray) turns = NULL;

  lectern_turn_corrections_add_clear (corrections);
  lectern_turn_corrections_add_set_turn (corrections, 0, "Journalist");
  lectern_turn_corrections_add_set_turn (corrections, 20, "Minister");
  lectern_turn_corrections_add_rename (corrections, "Minister", "Okafor");
  turns = lectern_turn_detector_detect (text, corrections);

  g_assert_cmpuint (turns->len, ==, 2);
  g_assert_cmpuint (g_array_index (turns, LecternTurn, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (turns, LecternTurn, 0).end, ==, 19);
  g_assert_cmpstr (g_array_index (turns, LecternTurn, 0).speaker, ==, "Journalist");
  /* The label the line has is still its label. */
  g_assert_cmpuint (g_array_index (turns, LecternTurn, 0).speech_start, ==, 3);
  g_assert_cmpuint (g_array_index (turns, LecternTurn, 1).start, ==, 20);
  g_assert_cmpuint (g_array_index (turns, LecternTurn, 1).end, ==, 34);
  g_assert_cmpstr (g_array_index (turns, LecternTurn, 1).speaker, ==, "Okafor");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/turn-detector/fixtures", test_fixtures);
  g_test_add_func ("/turn-detector/spans", test_spans);
  g_test_add_func ("/turn-detector/sample-corpus", test_sample_corpus);
  g_test_add_func ("/turn-detector/reference-corpus", test_reference_corpus);
  g_test_add_func ("/turn-detector/false-labels", test_false_labels);
  g_test_add_func ("/turn-detector/corrections", test_corrections);
  g_test_add_func ("/turn-detector/clear", test_clear);
  g_test_add_func ("/turn-detector/display-name", test_display_name);

  return g_test_run ();
}
