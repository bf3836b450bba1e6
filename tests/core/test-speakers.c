/* test-speakers.c — speakers in the analyses: the speaker filter of the
 * concordance and of coding queries, and the code × speaker matrix,
 * against answers worked out by hand from the `turn` spans of a small
 * interview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "lectern-core.h"

/* Offsets by hand: turns Q [0,18), A [18,35), Q [35,49), A [49,69);
 * "NATO" at 12 (Q), 21 (A) and 63 (A); "Paris" at 42 (Q) and 52 (A). */
#define INTERVIEW "Q: Where is NATO?\nA: NATO is here.\nQ: And Paris?\nA: Paris, not NATO.\n"
#define ELSEWHERE "NATO elsewhere.\n"

typedef struct
{
  LecternProject *project;
  gint64          interview;
  gint64          elsewhere;
} Fixture;

static gint64
add (LecternProject *project,
     const char     *title,
     const char     *text)
{
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (document, title);
  lectern_document_set_language (document, "en");
  id = lectern_project_add_document (project, document, text, &error);
  g_assert_no_error (error);
  return id;
}

static void
code (Fixture    *fixture,
      glong       start,
      glong       end,
      const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (fixture->project, path, &error);
  g_autoptr(LecternAnnotation) annotation = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = lectern_tag_get_id (tag);
  annotation = lectern_project_add_annotation (fixture->project, fixture->interview, start, end, &id, 1, NULL,
                                              &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) structure = lectern_structure_new ();

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), "speakers.lectern", NULL);
  file = g_file_new_for_path (path);
  fixture->project = lectern_project_create (file, &error);
  g_assert_no_error (error);

  fixture->interview = add (fixture->project, "Interview", INTERVIEW);
  fixture->elsewhere = add (fixture->project, "Elsewhere", ELSEWHERE);
  lectern_structure_add (structure, 0, 18, LECTERN_STRUCTURE_KIND_TURN, "Q");
  lectern_structure_add (structure, 18, 35, LECTERN_STRUCTURE_KIND_TURN, "A");
  lectern_structure_add (structure, 35, 49, LECTERN_STRUCTURE_KIND_TURN, "Q");
  lectern_structure_add (structure, 49, 69, LECTERN_STRUCTURE_KIND_TURN, "A");
  g_assert_true (lectern_project_set_document_structure (fixture->project, fixture->interview, structure, &error));
  g_assert_no_error (error);

  code (fixture, 12, 16, "Place");   /* Q */
  code (fixture, 21, 25, "Place");   /* A */
  code (fixture, 42, 47, "Place");   /* Q */
  code (fixture, 63, 67, "Place");   /* A */
  code (fixture, 10, 30, "Other");   /* crosses from Q into A: nobody's */
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
}

static LecternDocumentFilter *
speaker_filter (const char *speaker)
{
  LecternDocumentFilter *filter = lectern_document_filter_new ();

  lectern_document_filter_set_speaker (filter, speaker);
  return filter;
}

/* "DOC@START" of each hit, joined by spaces, DOC 1 for the interview. */
static char *
concordance (Fixture    *fixture,
             const char *query,
             const char *speaker)
{
  g_autoptr(LecternDocumentFilter) filter = speaker != NULL ? speaker_filter (speaker) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = lectern_project_concordance (fixture->project, query, filter, 0,
                                                           LECTERN_CONCORDANCE_SORT_DOCUMENT, 0, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, i);

      g_string_append_printf (out, "%s%d@%ld", out->len > 0 ? " " : "",
                              lectern_search_hit_get_document_id (hit) == fixture->interview ? 1 : 2,
                              lectern_search_hit_get_start (hit));
    }
  return g_string_free (out, FALSE);
}

static void
test_concordance (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *all = concordance (fixture, "NATO", NULL);
  g_autofree char *a = concordance (fixture, "NATO", "A");
  g_autofree char *q = concordance (fixture, "NATO", "Q");
  g_autofree char *nobody = concordance (fixture, "NATO", "Nobody");
  g_autofree char *paris = concordance (fixture, "Paris", "A");

  g_assert_cmpstr (all, ==, "1@12 1@21 1@63 2@0");
  g_assert_cmpstr (a, ==, "1@21 1@63");
  g_assert_cmpstr (q, ==, "1@12");
  g_assert_cmpstr (nobody, ==, "");
  g_assert_cmpstr (paris, ==, "1@52");
}

static void
test_documents (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LecternDocumentFilter) filter = speaker_filter ("Q");
  g_autoptr(LecternDocumentFilter) copy = lectern_document_filter_copy (filter);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = lectern_project_filter_documents (fixture->project, copy, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, fixture->interview);
}

/* "START-END" of each passage, joined by spaces. */
static char *
retrieve (Fixture    *fixture,
          const char *expression,
          const char *speaker)
{
  g_autoptr(LecternDocumentFilter) filter = speaker_filter (speaker);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = lectern_project_retrieve (fixture->project, expression, filter, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    {
      const LecternRetrieved *r = g_ptr_array_index (found, i);

      g_assert_cmpint (r->document_id, ==, fixture->interview);
      g_string_append_printf (out, "%s%ld-%ld", out->len > 0 ? " " : "", r->start, r->end);
    }
  return g_string_free (out, FALSE);
}

static void
test_retrieve (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *a = retrieve (fixture, "Place", "A");
  g_autofree char *q = retrieve (fixture, "Place", "Q");
  g_autofree char *other = retrieve (fixture, "Other", "A");
  /* Other AND Place: the overlaps [12,16) (Q's) and [21,25) (A's). */
  g_autofree char *both = retrieve (fixture, "Other AND Place", "A");
  g_autoptr(LecternDocumentFilter) filter = speaker_filter ("Q");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) documents = NULL;

  g_assert_cmpstr (a, ==, "21-25 63-67");
  g_assert_cmpstr (q, ==, "12-16 42-47");
  g_assert_cmpstr (other, ==, "");
  g_assert_cmpstr (both, ==, "21-25");

  documents = lectern_project_retrieve_documents (fixture->project, "Other", filter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 0);
  g_clear_pointer (&documents, g_array_unref);
  documents = lectern_project_retrieve_documents (fixture->project, "Place", filter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
}

static guint
row_of (const LecternMatrix *matrix,
        const char          *path)
{
  for (guint r = 0; r < matrix->n_rows; r++)
    if (g_strcmp0 (g_ptr_array_index (matrix->row_labels, r), path) == 0)
      return r;
  g_assert_not_reached ();
}

static void
test_matrix (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternMatrix) passages = NULL;
  g_autoptr(LecternMatrix) chars = NULL;
  g_autoptr(LecternMatrix) share = NULL;
  g_autoptr(LecternMatrix) only_q = NULL;
  g_autoptr(LecternMatrix) none = NULL;
  g_autoptr(LecternDocumentFilter) filter = speaker_filter ("Q");
  g_autoptr(LecternDocumentFilter) elsewhere = lectern_document_filter_new ();

  passages = lectern_project_speaker_matrix (fixture->project, NULL, LECTERN_MATRIX_VALUE_PASSAGES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (passages->n_columns, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (passages->column_labels, 0), ==, "A");
  g_assert_cmpstr (g_ptr_array_index (passages->column_labels, 1), ==, "Q");
  g_assert_cmpfloat (lectern_matrix_get (passages, row_of (passages, "Place"), 0), ==, 2);
  g_assert_cmpfloat (lectern_matrix_get (passages, row_of (passages, "Place"), 1), ==, 2);
  /* The passage across two turns counts for neither speaker. */
  g_assert_cmpfloat (lectern_matrix_get (passages, row_of (passages, "Other"), 0), ==, 0);
  g_assert_cmpfloat (lectern_matrix_get (passages, row_of (passages, "Other"), 1), ==, 0);

  chars = lectern_project_speaker_matrix (fixture->project, NULL, LECTERN_MATRIX_VALUE_CHARS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (lectern_matrix_get (chars, row_of (chars, "Place"), 0), ==, 4 + 4);
  g_assert_cmpfloat (lectern_matrix_get (chars, row_of (chars, "Place"), 1), ==, 4 + 5);

  /* A's turns hold 17 + 20 characters, Q's 18 + 14. */
  share = lectern_project_speaker_matrix (fixture->project, NULL, LECTERN_MATRIX_VALUE_SHARE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (lectern_matrix_get (share, row_of (share, "Place"), 0), 8.0 / 37, 1e-9);
  g_assert_cmpfloat_with_epsilon (lectern_matrix_get (share, row_of (share, "Place"), 1), 9.0 / 32, 1e-9);

  only_q = lectern_project_speaker_matrix (fixture->project, filter, LECTERN_MATRIX_VALUE_PASSAGES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (only_q->n_columns, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (only_q->column_labels, 0), ==, "Q");
  g_assert_cmpfloat (lectern_matrix_get (only_q, row_of (only_q, "Place"), 0), ==, 2);

  lectern_document_filter_add_document (elsewhere, fixture->elsewhere);
  none = lectern_project_speaker_matrix (fixture->project, elsewhere, LECTERN_MATRIX_VALUE_PASSAGES, NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/Lectern/Core/speakers/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("concordance", test_concordance);
  ADD ("documents", test_documents);
  ADD ("retrieve", test_retrieve);
  ADD ("matrix", test_matrix);

  return g_test_run ();
}
