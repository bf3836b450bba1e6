/* test-document-turns.c — a stored document's turns: detection with the
 * stored corrections applied, the `turn` and `time` spans an import
 * stores and a correction rewrites (never across a page), subtitles'
 * stated speakers kept through corrections, and the speakers coded in
 * one undo step without duplicates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lectern-import.h"

#include "lectern-test-sqlite.h"

/* Written for this test: a caption, timestamps, a continuation line. */
static const char interview[] =
  "Photo: Commission\n"
  "\n"
  "[00:00:05] Question: Why did it take four years?\n"
  "\n"
  "[00:00:09] Ines Okafor: Because of the gauges.\n"
  "It was slow.\n"
  "\n"
  "Question: And now?\n"
  "Okafor: Now we read the same figure.\n";

static LecternProject *
create_project (char **path_out)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LecternProject *project;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), "turns.lectern", NULL);
  file = g_file_new_for_path (path);
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return project;
}

/* Imports @file through the importer; returns the document's id. */
static gint64
import_file (LecternProject *project,
             GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(LecternImportResult) result = NULL;

  results = lectern_importer_import_files (project, &file, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  result = g_list_model_get_item (results, 0);
  g_assert_true (lectern_import_result_get_succeeded (result));
  return lectern_import_result_get_document_id (result);
}

static gint64
import_text (LecternProject *project,
             const char    *name,
             const char    *text)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return import_file (project, file);
}

static guint
at (const char *needle)
{
  const char *found = strstr (interview, needle);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (interview, found);
}

/* The turns as "START-END SPEAKER|…". */
static char *
describe_turns (GArray *turns)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < turns->len; i++)
    {
      const LecternTurn *turn = &g_array_index (turns, LecternTurn, i);

      g_string_append_printf (out, "%s%u-%u %s", i > 0 ? "|" : "", turn->start, turn->end, turn->speaker);
    }
  return g_string_free (out, FALSE);
}

/* The stored spans of @kind as "START-END VALUE|…". */
static char *
describe_spans (LecternProject        *project,
                gint64                id,
                LecternStructureKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) structure = lectern_project_dup_document_structure (project, id, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      if (span->kind == kind)
        g_string_append_printf (out, "%s%u-%u %s", out->len > 0 ? "|" : "", span->start, span->end,
                                span->value != NULL ? span->value : "");
    }
  return g_string_free (out, FALSE);
}

static char *
dup_turns (LecternProject *project,
           gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) turns = lectern_document_turns_dup (project, id, &error);

  g_assert_no_error (error);
  return describe_turns (turns);
}

static void
correct (LecternProject             *project,
         gint64                     id,
         LecternTurnCorrectionKind  kind,
         guint                      offset,
         const char                *speaker,
         const char                *target)
{
  LecternTurnCorrection correction = { kind, offset, (char *) speaker, (char *) target };
  g_autoptr(GError) error = NULL;

  g_assert_true (lectern_document_turns_correct (project, id, &correction, &error));
  g_assert_no_error (error);
}

/* Import finds the turns and stores them, with the timestamps, as spans. */
static void
test_import_stores_spans (void)
{
  g_autoptr(LecternProject) project = create_project (NULL);
  gint64 id = import_text (project, "interview.txt", interview);
  g_autofree char *turns = dup_turns (project, id);
  g_autofree char *turn_spans = describe_spans (project, id, LECTERN_STRUCTURE_KIND_TURN);
  g_autofree char *time_spans = describe_spans (project, id, LECTERN_STRUCTURE_KIND_TIME);
  g_autofree char *expected_turns = NULL;
  g_autofree char *expected_times = NULL;

  expected_turns = g_strdup_printf ("%u-%u Question|%u-%u Ines Okafor|%u-%u Question|%u-%u Ines Okafor",
                                    at ("[00:00:05]"), at ("\n\n[00:00:09]"),
                                    at ("[00:00:09]"), at ("\n\nQuestion: And"),
                                    at ("Question: And"), at ("\nOkafor: Now"),
                                    at ("Okafor: Now"), (guint) strlen (interview) - 1);
  g_assert_cmpstr (turns, ==, expected_turns);
  g_assert_cmpstr (turn_spans, ==, expected_turns);

  expected_times = g_strdup_printf ("%u-%u 00:00:05|%u-%u 00:00:09",
                                    at ("[00:00:05]"), at (" Question: Why"),
                                    at ("[00:00:09]"), at (" Ines Okafor:"));
  g_assert_cmpstr (time_spans, ==, expected_times);

  /* The import found them before its transaction: storing the turns
   * again, as after any correction, finds nothing to change. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) before = lectern_project_dup_document_structure (project, id, &error);
    g_autoptr(GArray) after = NULL;

    g_assert_no_error (error);
    g_assert_true (lectern_document_turns_store (project, id, TRUE, &error));
    g_assert_no_error (error);
    after = lectern_project_dup_document_structure (project, id, &error);
    g_assert_cmpuint (after->len, ==, before->len);
    for (guint i = 0; i < before->len; i++)
      {
        const LecternSpan *a = &g_array_index (before, LecternSpan, i);
        const LecternSpan *b = &g_array_index (after, LecternSpan, i);

        g_assert_cmpuint (a->start, ==, b->start);
        g_assert_cmpuint (a->end, ==, b->end);
        g_assert_cmpint (a->kind, ==, b->kind);
        g_assert_cmpstr (a->value, ==, b->value);
      }
  }
}

/* Corrections apply after every detection, in order, and the spans
 * follow them. */
static void
test_corrections (void)
{
  g_autoptr(LecternProject) project = create_project (NULL);
  gint64 id = import_text (project, "interview.txt", interview);
  g_autofree char *expected = NULL;

  correct (project, id, LECTERN_TURN_CORRECTION_RENAME, 0, "Ines Okafor", "Ines O.");
  /* A line inside a turn: "It was slow." now starts one. */
  correct (project, id, LECTERN_TURN_CORRECTION_SET_TURN, at ("was slow"), "Interpreter", NULL);
  /* The second question is no turn: the interpreter's runs on. */
  correct (project, id, LECTERN_TURN_CORRECTION_NOT_TURN, at ("And now?"), NULL, NULL);
  /* The caption is a turn. */
  correct (project, id, LECTERN_TURN_CORRECTION_SET_TURN, 3, "Photographer", NULL);
  correct (project, id, LECTERN_TURN_CORRECTION_MERGE, 0, "Photographer", "Question");

  expected = g_strdup_printf ("0-%u Question|%u-%u Question|%u-%u Ines O.|%u-%u Interpreter|%u-%u Ines O.",
                              at ("\n\n[00:00:05]"),
                              at ("[00:00:05]"), at ("\n\n[00:00:09]"),
                              at ("[00:00:09]"), at ("\nIt was slow"),
                              at ("It was slow"), at ("\nOkafor: Now"),
                              at ("Okafor: Now"), (guint) strlen (interview) - 1);
  {
    g_autofree char *turns = dup_turns (project, id);
    g_autofree char *spans = describe_spans (project, id, LECTERN_STRUCTURE_KIND_TURN);

    g_assert_cmpstr (turns, ==, expected);
    g_assert_cmpstr (spans, ==, expected);
  }

  /* Stored: a new connection detects afresh and finds the same. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LecternProject) other = lectern_project_open (lectern_project_get_file (project), &error);
    g_autofree char *turns = NULL;

    g_assert_no_error (error);
    turns = dup_turns (other, id);
    g_assert_cmpstr (turns, ==, expected);
  }
}

/* A correction is one undo step, spans included. */
static void
test_correction_undo (void)
{
  g_autoptr(LecternProject) project = create_project (NULL);
  gint64 id = import_text (project, "interview.txt", interview);
  g_autofree char *before_turns = dup_turns (project, id);
  g_autofree char *before_spans = describe_spans (project, id, LECTERN_STRUCTURE_KIND_TURN);
  g_autoptr(GError) error = NULL;

  lectern_project_set_undo_enabled (project, TRUE);
  correct (project, id, LECTERN_TURN_CORRECTION_RENAME, 0, "Question", "Journalist");
  /* Named for what the user did, not for its parts. */
  g_assert_cmpstr (lectern_project_get_undo_label (project), ==, "Correct speaker turns");
  {
    g_autofree char *spans = describe_spans (project, id, LECTERN_STRUCTURE_KIND_TURN);

    g_assert_nonnull (strstr (spans, "Journalist"));
  }
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_false (lectern_project_get_can_undo (project));
  {
    g_autofree char *turns = dup_turns (project, id);
    g_autofree char *spans = describe_spans (project, id, LECTERN_STRUCTURE_KIND_TURN);

    g_assert_cmpstr (turns, ==, before_turns);
    g_assert_cmpstr (spans, ==, before_spans);
  }
}

/* A turn that would cross a page is not stored as a span; the others
 * are. */
static void
test_crossing_page (void)
{
  g_autoptr(LecternProject) project = create_project (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GArray) pages = lectern_structure_new ();
  g_autoptr(GArray) turns = NULL;
  g_autofree char *spans = NULL;
  g_autofree char *expected = NULL;
  gint64 id;

  lectern_document_set_title (document, "Paged");
  id = lectern_project_add_document (project, document, interview, &error);
  g_assert_no_error (error);
  /* The page ends inside Ines Okafor's first turn. */
  lectern_structure_add (pages, 0, at ("It was slow"), LECTERN_STRUCTURE_KIND_PAGE, "1");
  lectern_structure_add (pages, at ("It was slow"), strlen (interview), LECTERN_STRUCTURE_KIND_PAGE, "2");
  g_assert_true (lectern_project_set_document_structure (project, id, pages, &error));

  g_assert_true (lectern_document_turns_store (project, id, TRUE, &error));
  g_assert_no_error (error);
  turns = lectern_document_turns_dup (project, id, &error);
  g_assert_cmpuint (turns->len, ==, 4);
  spans = describe_spans (project, id, LECTERN_STRUCTURE_KIND_TURN);
  expected = g_strdup_printf ("%u-%u Question|%u-%u Question|%u-%u Ines Okafor",
                              at ("[00:00:05]"), at ("\n\n[00:00:09]"),
                              at ("Question: And"), at ("\nOkafor: Now"),
                              at ("Okafor: Now"), (guint) strlen (interview) - 1);
  g_assert_cmpstr (spans, ==, expected);
  g_clear_pointer (&spans, g_free);
  spans = describe_spans (project, id, LECTERN_STRUCTURE_KIND_PAGE);
  g_assert_cmpstr (spans, !=, "");
}

/* Subtitles state their speakers: kept as the first corrections, so the
 * turns are the reader's, and later corrections apply to them. */
static void
test_subtitles (void)
{
  g_autoptr(LecternProject) project = create_project (NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "subtitles", "voices.vtt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) corrections = NULL;
  gint64 id = import_file (project, file);
  g_autofree char *turns = dup_turns (project, id);
  g_autofree char *spans = describe_spans (project, id, LECTERN_STRUCTURE_KIND_TURN);
  const char *expected = "0-54 Journaliste|56-157 Hélène Varennes|159-189 Journaliste|191-233 Hélène Varennes";

  g_assert_cmpstr (turns, ==, expected);
  g_assert_cmpstr (spans, ==, expected);
  corrections = lectern_project_dup_turn_corrections (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (corrections->len, ==, 5);
  g_assert_cmpint (g_array_index (corrections, LecternTurnCorrection, 0).kind, ==, LECTERN_TURN_CORRECTION_CLEAR);

  correct (project, id, LECTERN_TURN_CORRECTION_RENAME, 0, "Journaliste", "Marc Dubois");
  g_clear_pointer (&turns, g_free);
  g_clear_pointer (&spans, g_free);
  turns = dup_turns (project, id);
  spans = describe_spans (project, id, LECTERN_STRUCTURE_KIND_TURN);
  expected = "0-54 Marc Dubois|56-157 Hélène Varennes|159-189 Marc Dubois|191-233 Hélène Varennes";
  g_assert_cmpstr (turns, ==, expected);
  g_assert_cmpstr (spans, ==, expected);
  /* The cue times the reader kept are still there. */
  g_clear_pointer (&spans, g_free);
  spans = describe_spans (project, id, LECTERN_STRUCTURE_KIND_TIME);
  g_assert_cmpstr (spans, !=, "");
}

static guint
count_annotations (LecternProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) annotations = lectern_project_list_annotations (project, 0, 0, FALSE, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (annotations);
}

/* Code Speakers: speech without labels, under Speakers/, once, one undo
 * step. */
static void
test_code (void)
{
  g_autoptr(LecternProject) project = create_project (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(LecternTag) question = NULL;
  g_autoptr(LecternTag) ines = NULL;
  gint64 id = import_text (project, "interview.txt", interview);
  guint made = 99;

  lectern_project_set_undo_enabled (project, TRUE);
  g_assert_true (lectern_document_turns_code (project, id, NULL, &made, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (made, ==, 4);
  g_assert_cmpstr (lectern_project_get_undo_label (project), ==, "Code speakers");

  question = lectern_project_find_tag (project, "Speakers/Question", &error);
  g_assert_no_error (error);
  ines = lectern_project_find_tag (project, "Speakers/Ines Okafor", &error);
  g_assert_no_error (error);

  annotations = lectern_project_list_annotations (project, id, lectern_tag_get_id (ines), FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 2);
  {
    g_autoptr(LecternAnnotation) first = g_list_model_get_item (annotations, 0);

    g_assert_cmpstr (lectern_annotation_get_quote (first), ==, "Because of the gauges.\nIt was slow.");
  }

  /* Again: nothing new. */
  g_assert_true (lectern_document_turns_code (project, id, NULL, &made, &error));
  g_assert_cmpuint (made, ==, 0);
  g_assert_cmpuint (count_annotations (project), ==, 4);

  /* One undo step takes away the passages and the tags. */
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_false (lectern_project_get_can_undo (project));
  g_assert_cmpuint (count_annotations (project), ==, 0);
  {
    g_autoptr(LecternTag) gone = lectern_project_find_tag (project, "Speakers", &error);

    g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
    g_assert_null (gone);
    g_clear_error (&error);
  }

  /* Under another parent; a renamed speaker is coded under the new name. */
  correct (project, id, LECTERN_TURN_CORRECTION_RENAME, 0, "Ines Okafor", "Ines/Okafor");
  g_assert_true (lectern_document_turns_code (project, id, "Interview/People", &made, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (made, ==, 4);
  {
    g_autoptr(LecternTag) renamed = lectern_project_find_tag (project, "Interview/People/Ines-Okafor", &error);

    g_assert_no_error (error);
    g_assert_nonnull (renamed);
  }
}

static void
test_code_no_turns (void)
{
  g_autoptr(LecternProject) project = create_project (NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = import_text (project, "plain.txt", "No interview here.\nPhoto: MFA\n");
  guint made = 99;

  lectern_project_set_undo_enabled (project, TRUE);
  g_assert_true (lectern_document_turns_code (project, id, NULL, &made, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (made, ==, 0);
  g_assert_false (lectern_project_get_can_undo (project));
  {
    g_autofree char *spans = describe_spans (project, id, LECTERN_STRUCTURE_KIND_TURN);

    g_assert_cmpstr (spans, ==, "");
  }

  g_assert_null (lectern_document_turns_dup (project, 99, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/DocumentTurns/import-stores-spans", test_import_stores_spans);
  g_test_add_func ("/Lectern/DocumentTurns/corrections", test_corrections);
  g_test_add_func ("/Lectern/DocumentTurns/correction-undo", test_correction_undo);
  g_test_add_func ("/Lectern/DocumentTurns/crossing-page", test_crossing_page);
  g_test_add_func ("/Lectern/DocumentTurns/subtitles", test_subtitles);
  g_test_add_func ("/Lectern/DocumentTurns/code", test_code);
  g_test_add_func ("/Lectern/DocumentTurns/code-no-turns", test_code_no_turns);

  return g_test_run ();
}
