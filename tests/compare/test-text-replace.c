/* test-text-replace.c — a coded article replaced by its revised version
 * (the sample corpus holds both: data/sample/low-water-2021*.txt): every
 * passage whose words survive sits on the same words after (issue #19).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-compare.h"

static LecternProject *
create_project (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LecternProject *project;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  file = g_file_new_for_path (path);
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  return project;
}

static char *
read_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("LECTERN_SOURCE_DIR"), "data", "sample", name, NULL);
  g_autofree char *raw = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &raw, NULL, &error));
  g_assert_no_error (error);
  return lectern_text_normalize (raw, -1);
}

/* TRUE when old [start, end) survives whole: every code point of it is in
 * an EQUAL chunk and nothing was inserted inside it; *@new_start set to
 * where its first one went. */
static gboolean
survives (GArray *chunks,
          glong   start,
          glong   end,
          glong  *new_start)
{
  glong covered = 0;

  *new_start = -1;
  for (guint i = 0; i < chunks->len; i++)
    {
      const LecternChunk *chunk = &g_array_index (chunks, LecternChunk, i);
      glong from = MAX (start, chunk->a_start);
      glong to = MIN (end, chunk->a_end);

      /* An insertion inside the passage: its words survive, with new
       * ones among them, so it is resized. */
      if (chunk->kind != LECTERN_CHUNK_EQUAL && chunk->a_start == chunk->a_end
          && chunk->a_start > start && chunk->a_start < end)
        return FALSE;
      if (to <= from)
        continue;
      if (chunk->kind != LECTERN_CHUNK_EQUAL)
        return FALSE;
      if (from == start)
        *new_start = chunk->b_start + (start - chunk->a_start);
      covered += to - from;
    }
  return covered == end - start;
}

static void
test_revised_article (void)
{
  g_autoptr(LecternProject) project = create_project ("replace.lectern");
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) chunks = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *old_text = read_sample ("low-water-2021.txt");
  g_autofree char *new_text = read_sample ("low-water-2021-revised.txt");
  g_autofree char *stored = NULL;
  g_autofree char *first = NULL;
  LecternEditReport report;
  gint64 document_id;
  gint64 tag_id;
  guint n_survivors = 0;
  guint n_lost = 0;

  lectern_document_set_title (document, "Low water");
  document_id = lectern_project_add_document (project, document, old_text, &error);
  g_assert_no_error (error);
  {
    g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (project, "Coded", &error);
    tag_id = lectern_tag_get_id (tag);
  }

  /* A passage on every run of three words, overlapping: each word of the
   * article is in three passages. */
  words = lectern_words_split (old_text, -1, 0);
  for (guint i = 0; i + 2 < words->len; i++)
    {
      g_autoptr(LecternAnnotation) a =
        lectern_project_add_annotation (project, document_id,
                                        g_array_index (words, LecternWord, i).start,
                                        g_array_index (words, LecternWord, i + 2).end,
                                        &tag_id, 1, NULL, &error);

      g_assert_no_error (error);
    }
  before = lectern_project_list_annotations (project, document_id, 0, FALSE, &error);
  chunks = lectern_word_diff (old_text, new_text, LECTERN_WORD_DIFF_NONE, NULL);

  g_assert_true (lectern_text_replace (project, document_id, new_text, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.kept + report.moved + report.resized + report.orphaned, ==,
                    g_list_model_get_n_items (before));
  g_assert_cmpuint (report.moved, >, 0);
  g_assert_cmpuint (report.resized, >, 0);

  stored = lectern_project_dup_text (project, document_id, &error);
  g_assert_cmpstr (stored, ==, new_text);

  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    {
      g_autoptr(LecternAnnotation) was = g_list_model_get_item (before, i);
      g_autoptr(LecternAnnotation) now = lectern_project_dup_annotation (project, lectern_annotation_get_id (was), &error);
      glong new_start;

      g_assert_no_error (error);
      if (survives (chunks, lectern_annotation_get_start (was), lectern_annotation_get_end (was), &new_start))
        {
          /* Its words all survive: the same words, where they went. */
          g_assert_false (lectern_annotation_get_orphaned (now));
          g_assert_cmpstr (lectern_annotation_get_quote (now), ==, lectern_annotation_get_quote (was));
          g_assert_cmpint (lectern_annotation_get_start (now), ==, new_start);
          n_survivors++;
        }
      else if (lectern_annotation_get_orphaned (now))
        n_lost++;
      else
        {
          /* Placed: on its words, whichever they are now. */
          g_autofree char *quote = lectern_text_slice (stored, lectern_annotation_get_start (now),
                                                       lectern_annotation_get_end (now));

          g_assert_cmpstr (quote, ==, lectern_annotation_get_quote (now));
        }
    }
  g_test_message ("%u passages survive, %u orphaned", n_survivors, n_lost);
  g_assert_cmpuint (n_survivors, >, g_list_model_get_n_items (before) * 3 / 4);

  /* The article as it was can still be read. */
  versions = lectern_project_list_document_versions (project, document_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  first = lectern_project_dup_document_version_text (project, document_id, 1, &error);
  g_assert_cmpstr (first, ==, old_text);

  g_assert_true (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);
}

/* A passage whose words the revision rewrote around but kept, moved to
 * another paragraph, is found again by its quote and counted as moved;
 * one whose words are gone is an orphan. */
static void
test_found_by_quote (void)
{
  g_autoptr(LecternProject) project = create_project ("quote.lectern");
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) moved = NULL;
  g_autoptr(LecternAnnotation) gone = NULL;
  g_autoptr(LecternAnnotation) now = NULL;
  LecternEditReport report;
  gint64 document_id;
  gint64 tag_id;

  lectern_document_set_title (document, "Notes");
  document_id = lectern_project_add_document (project, document,
                                              "First the river fell.\nThen barges stopped.\nAll ports closed.\n",
                                              &error);
  g_assert_no_error (error);
  {
    g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (project, "Coded", &error);
    tag_id = lectern_tag_get_id (tag);
  }
  moved = lectern_project_add_annotation (project, document_id, 22, 42, &tag_id, 1, NULL, &error);
  g_assert_cmpstr (lectern_annotation_get_quote (moved), ==, "Then barges stopped.");
  gone = lectern_project_add_annotation (project, document_id, 43, 60, &tag_id, 1, NULL, &error);
  g_assert_cmpstr (lectern_annotation_get_quote (gone), ==, "All ports closed.");

  g_assert_true (lectern_text_replace (project, document_id,
                                       "Then barges stopped.\nFirst the river fell, said the clerk.\n",
                                       &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.orphaned, ==, 1);
  now = lectern_project_dup_annotation (project, lectern_annotation_get_id (moved), &error);
  g_assert_false (lectern_annotation_get_orphaned (now));
  g_assert_cmpint (lectern_annotation_get_start (now), ==, 0);
  g_assert_cmpstr (lectern_annotation_get_quote (now), ==, "Then barges stopped.");
  g_clear_object (&now);
  now = lectern_project_dup_annotation (project, lectern_annotation_get_id (gone), &error);
  g_assert_true (lectern_annotation_get_orphaned (now));
  g_assert_cmpstr (lectern_annotation_get_quote (now), ==, "All ports closed.");
}

/* Worked out in a job, applied later: refused when the text changed in
 * between, with nothing changed. */
static void
test_stale_replacement (void)
{
  g_autoptr(LecternProject) project = create_project ("stale.lectern");
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) passages = NULL;
  g_autoptr(LecternTextReplacement) replacement = NULL;
  g_autofree char *text = NULL;
  LecternEditReport report;
  gint64 document_id;

  lectern_document_set_title (document, "Notes");
  document_id = lectern_project_add_document (project, document, "The river fell.\n", &error);
  g_assert_no_error (error);
  passages = lectern_project_list_annotations (project, document_id, 0, FALSE, &error);
  replacement = lectern_text_replacement_compute ("The river fell.\n", "The river rose.\n", passages, &error);
  g_assert_no_error (error);

  g_assert_true (lectern_project_edit_text (project, document_id, 4, 9, "Rhine", &report, &error));
  g_assert_no_error (error);
  g_assert_false (lectern_text_replacement_apply (replacement, project, document_id, &report, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED);
  text = lectern_project_dup_text (project, document_id, NULL);
  g_assert_cmpstr (text, ==, "The Rhine fell.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/TextReplace/revised-article", test_revised_article);
  g_test_add_func ("/Lectern/TextReplace/found-by-quote", test_found_by_quote);
  g_test_add_func ("/Lectern/TextReplace/stale", test_stale_replacement);

  return g_test_run ();
}
