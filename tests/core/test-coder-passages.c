/* test-coder-passages.c — what inter-coder agreement reads (issue #15):
 * two coders' placed passages with every tag, each document's length in
 * code points, orphans left out, other coders left out, documents limited
 * on request, and the refusals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-core.h"

typedef struct
{
  LecternProject *project;
  gint64          one;      /* document ids */
  gint64          two;
  gint64          claims;   /* tag ids */
  gint64          motives;
  gint64          alice;    /* coder ids */
  gint64          bob;
  gint64          carol;
} Fixture;

static gint64
add_document (LecternProject *project,
              const char     *title,
              const char     *text)
{
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (document, title);
  id = lectern_project_add_document (project, document, text, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
tag (LecternProject *project,
     const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) found = lectern_project_ensure_tag_path (project, path, &error);

  g_assert_no_error (error);
  return lectern_tag_get_id (found);
}

/* Codes [start, end) of @document as @coder; returns the coder's id. */
static gint64
code_as (Fixture    *fixture,
         const char *coder,
         gint64      document,
         glong       start,
         glong       end,
         gint64      tag_a,
         gint64      tag_b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  gint64 tags[] = { tag_a, tag_b };

  g_assert_true (lectern_project_set_coder (fixture->project, coder, NULL, &error));
  g_assert_no_error (error);
  annotation = lectern_project_add_annotation (fixture->project, document, start, end, tags,
                                               tag_b != 0 ? 2 : 1, NULL, &error);
  g_assert_no_error (error);
  return lectern_annotation_get_coder_id (annotation);
}

static void
fixture_init (Fixture *fixture)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LecternEditReport report;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), "team.lectern", NULL);
  file = g_file_new_for_path (path);
  fixture->project = lectern_project_create (file, &error);
  g_assert_no_error (error);

  /* 13 code points in 15 bytes: lengths are not bytes. */
  fixture->one = add_document (fixture->project, "One", "Élan, vitæ ok");
  fixture->two = add_document (fixture->project, "Two", "The ceasefire held for a week.");
  fixture->claims = tag (fixture->project, "Claims");
  fixture->motives = tag (fixture->project, "Claims/Motives");

  fixture->alice = code_as (fixture, "Alice", fixture->one, 0, 4, fixture->claims, fixture->motives);
  fixture->bob = code_as (fixture, "Bob", fixture->one, 2, 9, fixture->claims, 0);
  code_as (fixture, "Bob", fixture->two, 4, 13, fixture->motives, 0);
  fixture->carol = code_as (fixture, "Carol", fixture->one, 0, 12, fixture->claims, 0);
  /* Alice's passage on "held" is orphaned when the word goes. */
  code_as (fixture, "Alice", fixture->two, 14, 18, fixture->claims, 0);
  g_assert_true (lectern_project_edit_text (fixture->project, fixture->two, 14, 19, "", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.orphaned, ==, 1);
}

static void
fixture_clear (Fixture *fixture)
{
  g_clear_object (&fixture->project);
}

static void
assert_passage (const LecternCoderPassages *read,
                guint                       i,
                gint64                      document,
                glong                       start,
                glong                       end,
                gint64                      tag_id,
                gint64                      coder)
{
  const LecternCoderPassage *passage = &g_array_index (read->passages, LecternCoderPassage, i);

  g_assert_cmpint (passage->document_id, ==, document);
  g_assert_cmpint (passage->start, ==, start);
  g_assert_cmpint (passage->end, ==, end);
  g_assert_cmpint (passage->tag_id, ==, tag_id);
  g_assert_cmpint (passage->coder_id, ==, coder);
}

static void
test_read (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCoderPassages) read = NULL;
  const LecternCodedDocument *document;

  fixture_init (&fixture);
  read = lectern_project_read_coder_passages (fixture.project, fixture.alice, fixture.bob, NULL, 0, NULL, &error);
  g_assert_no_error (error);

  /* Both documents: Bob coded the second, where Alice's only passage is
   * an orphan, which is nobody's coding any more. */
  g_assert_cmpuint (read->documents->len, ==, 2);
  document = &g_array_index (read->documents, LecternCodedDocument, 0);
  g_assert_cmpint (document->document_id, ==, fixture.one);
  g_assert_cmpint (document->length, ==, 13);
  document = &g_array_index (read->documents, LecternCodedDocument, 1);
  g_assert_cmpint (document->document_id, ==, fixture.two);
  g_assert_cmpint (document->length, ==, 25);

  /* A first, a passage once per tag; Motives is a code of its own, not
   * folded into Claims; Carol is not read. */
  g_assert_cmpuint (read->passages->len, ==, 4);
  assert_passage (read, 0, fixture.one, 0, 4, fixture.claims, fixture.alice);
  assert_passage (read, 1, fixture.one, 0, 4, fixture.motives, fixture.alice);
  assert_passage (read, 2, fixture.one, 2, 9, fixture.claims, fixture.bob);
  assert_passage (read, 3, fixture.two, 4, 13, fixture.motives, fixture.bob);

  fixture_clear (&fixture);
}

static void
test_documents (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCoderPassages) read = NULL;
  g_autoptr(LecternCoderPassages) unknown = NULL;
  gint64 wanted[] = { 0, 999 };

  fixture_init (&fixture);
  wanted[0] = fixture.two;
  read = lectern_project_read_coder_passages (fixture.project, fixture.bob, fixture.alice, wanted, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->documents->len, ==, 1);
  g_assert_cmpint (g_array_index (read->documents, LecternCodedDocument, 0).document_id, ==, fixture.two);
  g_assert_cmpuint (read->passages->len, ==, 1);
  assert_passage (read, 0, fixture.two, 4, 13, fixture.motives, fixture.bob);

  /* A document that is not there is an error, not an empty read. */
  unknown = lectern_project_read_coder_passages (fixture.project, fixture.bob, fixture.alice, wanted, 2, NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_assert_null (unknown);

  fixture_clear (&fixture);
}

static void
test_refusals (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) same_error = NULL;
  g_autoptr(GError) unknown_error = NULL;
  g_autoptr(LecternCoderPassages) same = NULL;
  g_autoptr(LecternCoderPassages) unknown = NULL;

  fixture_init (&fixture);
  same = lectern_project_read_coder_passages (fixture.project, fixture.carol, fixture.carol, NULL, 0, NULL,
                                              &same_error);
  g_assert_error (same_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_assert_null (same);
  unknown = lectern_project_read_coder_passages (fixture.project, fixture.alice, 4242, NULL, 0, NULL,
                                                 &unknown_error);
  g_assert_error (unknown_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_assert_null (unknown);

  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Core/coder-passages/read", test_read);
  g_test_add_func ("/Lectern/Core/coder-passages/documents", test_documents);
  g_test_add_func ("/Lectern/Core/coder-passages/refusals", test_refusals);

  return g_test_run ();
}
