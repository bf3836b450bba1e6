/* test-compare-job.c — comparing stored documents, on and off the thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-compare.h"

typedef struct
{
  GFile         *file;
  LecternProject *project;
  gint64         en;
  gint64         fr;
  gint64         en_edited;
} Fixture;

static const char en_text[] =
  "The bridge reopened on 3 May after two years of repairs.\n\n"
  "The mayor, Karim Benali, thanked the engineers and the 140 workers.\n\n"
  "Lorries remain banned from the old stone arches.\n";
static const char fr_text[] =
  "Le pont a rouvert le 3 mai après deux ans de travaux.\n\n"
  "Le maire, Karim Benali, a remercié les ingénieurs et les 140 ouvriers.\n\n"
  "Les poids lourds restent interdits sur les vieilles arches de pierre.\n";
static const char en_edited_text[] =
  "The bridge reopened on 4 May after two years of repairs.\n\n"
  "The mayor, Karim Benali, thanked the engineers and the 140 workers.\n\n"
  "Lorries remain banned from the old stone arches.\n";

static gint64
add_document (LecternProject *project,
              const char    *text,
              const char    *language)
{
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (document, language);
  lectern_document_set_language (document, language);
  id = lectern_project_add_document (project, document, text, &error);
  g_assert_no_error (error);

  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), "job.lectern", NULL);
  fixture->file = g_file_new_for_path (path);
  fixture->project = lectern_project_create (fixture->file, &error);
  g_assert_no_error (error);
  fixture->en = add_document (fixture->project, en_text, "en");
  fixture->fr = add_document (fixture->project, fr_text, "fr");
  fixture->en_edited = add_document (fixture->project, en_edited_text, "en");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  g_clear_object (&fixture->file);
}

static void
test_versions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) chunks = NULL;
  LecternDiffSummary summary;
  const LecternChunk *change;

  chunks = lectern_compare_documents (fixture->project, fixture->en, fixture->en_edited,
                                      LECTERN_COMPARE_MODE_VERSIONS, 0, &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chunks->len, ==, 3);
  change = &g_array_index (chunks, LecternChunk, 1);
  g_assert_cmpint (change->kind, ==, LECTERN_CHUNK_REPLACE);
  g_assert_cmpint (change->a_start, ==, 23);
  g_assert_cmpint (change->a_end, ==, 24);
  g_assert_cmpuint (summary.words_changed, ==, 1);
  g_assert_cmpuint (summary.words_added, ==, 0);
}

static void
test_translation_with_corrections (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) chunks = NULL;
  g_autoptr(GArray) corrected = NULL;
  /* The last English paragraph declared unpaired. */
  LecternSpanPair fixed = { 127, 175, -1, -1 };
  gboolean seen = FALSE;

  chunks = lectern_compare_documents (fixture->project, fixture->en, fixture->fr,
                                      LECTERN_COMPARE_MODE_TRANSLATION, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chunks->len, ==, 3);
  for (guint i = 0; i < chunks->len; i++)
    {
      g_assert_cmpint (g_array_index (chunks, LecternChunk, i).kind, ==, LECTERN_CHUNK_PAIR);
      g_assert_cmpint (g_array_index (chunks, LecternChunk, i).a_start, >=, 0);
      g_assert_cmpint (g_array_index (chunks, LecternChunk, i).b_start, >=, 0);
    }
  g_assert_cmpint (g_array_index (chunks, LecternChunk, 2).a_start, ==, fixed.a_start);
  g_assert_cmpint (g_array_index (chunks, LecternChunk, 2).a_end, ==, fixed.a_end);

  /* Saved corrections are honoured. */
  g_assert_true (lectern_project_set_alignment (fixture->project, fixture->en, fixture->fr, &fixed, 1, &error));
  g_assert_no_error (error);
  corrected = lectern_compare_documents (fixture->project, fixture->en, fixture->fr,
                                         LECTERN_COMPARE_MODE_TRANSLATION, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < corrected->len; i++)
    {
      const LecternChunk *c = &g_array_index (corrected, LecternChunk, i);

      if (c->a_start == fixed.a_start && c->a_end == fixed.a_end && c->b_start == -1)
        seen = TRUE;
    }
  g_assert_true (seen);
}

static void
test_shared (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) chunks = NULL;

  chunks = lectern_compare_documents (fixture->project, fixture->en, fixture->en_edited,
                                      LECTERN_COMPARE_MODE_SHARED, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chunks->len, ==, 1);
  g_assert_cmpint (g_array_index (chunks, LecternChunk, 0).kind, ==, LECTERN_CHUNK_SHARED);
}

static void
test_missing_document (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) chunks = NULL;

  chunks = lectern_compare_documents (fixture->project, fixture->en, 9999,
                                      LECTERN_COMPARE_MODE_VERSIONS, 0, NULL, NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_assert_null (chunks);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) where_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) chunks = NULL;
  g_autoptr(GArray) places = NULL;
  LecternDiffSummary summary;

  lectern_compare_documents_async (fixture->file, fixture->en, fixture->en_edited,
                                   LECTERN_COMPARE_MODE_VERSIONS, 0, NULL,
                                   store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  chunks = lectern_compare_documents_finish (result, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chunks->len, ==, 3);
  g_assert_cmpuint (summary.words_changed, ==, 1);

  /* The first paragraph of the edited version is in the original too. */
  lectern_where_async (fixture->file, fixture->en_edited, 58, 125, NULL, store_result, &where_result);
  while (where_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  places = lectern_where_finish (where_result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, ==, 1);
  g_assert_cmpint (g_array_index (places, LecternPlace, 0).document_id, ==, fixture->en);
  g_assert_cmpint (g_array_index (places, LecternPlace, 0).start, ==, 58);
}

static void
test_async_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) chunks = NULL;

  g_cancellable_cancel (cancellable);
  lectern_compare_documents_async (fixture->file, fixture->en, fixture->fr,
                                   LECTERN_COMPARE_MODE_TRANSLATION, 0, cancellable,
                                   store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  chunks = lectern_compare_documents_finish (result, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (chunks);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/Lectern/CompareJob/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("versions", test_versions);
  ADD ("translation-with-corrections", test_translation_with_corrections);
  ADD ("shared", test_shared);
  ADD ("missing-document", test_missing_document);
  ADD ("async", test_async);
  ADD ("async-cancelled", test_async_cancelled);

#undef ADD

  return g_test_run ();
}
