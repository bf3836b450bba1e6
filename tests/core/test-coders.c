/* test-coders.c — who coded what: the current coder set by name or by
 * stable ID and recorded on every passage, memo and version of a text;
 * coders' names never decide who they are when an ID is given; and the
 * stable GUIDs of documents, tags and passages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-core.h"

#include "lectern-test-sqlite.h"

#define ZOE_ID "0f8fad5b-d9cb-469f-a165-70867728950e"
#define OTHER_ZOE_ID "7c9e6679-7425-40de-944b-e07fc1f90ae7"

typedef struct
{
  char           *path;
  LecternProject *project;
  gint64          document_id;
  gint64          tag_id;
} Fixture;

static void
fixture_init (Fixture *fixture)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(LecternTag) tag = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  fixture->path = g_build_filename (g_get_user_data_dir (), "coders.lectern", NULL);
  file = g_file_new_for_path (fixture->path);
  fixture->project = lectern_project_create (file, &error);
  g_assert_no_error (error);

  lectern_document_set_title (document, "Minutes");
  fixture->document_id = lectern_project_add_document (fixture->project, document,
                                                       "Both sides agreed that the agreements remain the basis.\n",
                                                       &error);
  g_assert_no_error (error);
  tag = lectern_project_add_tag (fixture->project, 0, "Agreement", NULL, &error);
  g_assert_no_error (error);
  fixture->tag_id = lectern_tag_get_id (tag);
}

static void
fixture_clear (Fixture *fixture)
{
  g_clear_object (&fixture->project);
  g_clear_pointer (&fixture->path, g_free);
}

static LecternCoder *
coder_by_id (LecternProject *project,
             gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) coders = lectern_project_list_coders (project, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < coders->len; i++)
    if (lectern_coder_get_id (g_ptr_array_index (coders, i)) == id)
      return g_object_ref (g_ptr_array_index (coders, i));
  return NULL;
}

static gint64
annotate (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) annotation =
    lectern_project_add_annotation (fixture->project, fixture->document_id, 0, 10, &fixture->tag_id, 1,
                                    "A note", &error);

  g_assert_no_error (error);
  return lectern_annotation_get_coder_id (annotation);
}

/* A passage, its note, a memo and a new version of the text each record
 * the coder set when they were written. */
static void
test_recorded (void)
{
  Fixture fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCoder) current = NULL;
  g_autoptr(LecternCoder) coder = NULL;
  g_autofree char *sql = NULL;
  LecternEditReport report;
  gint64 ana;
  gint64 zoe;

  fixture_init (&fixture);

  g_assert_true (lectern_project_set_coder (fixture.project, "Ana", NULL, &error));
  g_assert_no_error (error);
  ana = annotate (&fixture);
  g_assert_true (lectern_project_set_coder (fixture.project, "Zoé", ZOE_ID, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_project_get_author (fixture.project), ==, "Zoé");
  zoe = annotate (&fixture);
  g_assert_cmpint (ana, !=, 0);
  g_assert_cmpint (zoe, !=, 0);
  g_assert_cmpint (ana, !=, zoe);

  coder = coder_by_id (fixture.project, zoe);
  g_assert_cmpstr (lectern_coder_get_name (coder), ==, "Zoé");
  g_assert_cmpstr (lectern_coder_get_guid (coder), ==, ZOE_ID);
  g_assert_cmpuint (lectern_coder_get_passage_count (coder), ==, 1);
  current = lectern_project_dup_current_coder (fixture.project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_coder_get_id (current), ==, zoe);

  g_assert_true (lectern_project_set_memo (fixture.project, LECTERN_MEMO_DOCUMENT, fixture.document_id,
                                           "Read twice", &error));
  g_assert_no_error (error);
  g_assert_true (lectern_project_edit_text (fixture.project, fixture.document_id, 0, 4, "Both", &report, &error)
                 || error != NULL);
  g_assert_no_error (error);
  g_assert_true (lectern_project_edit_text (fixture.project, fixture.document_id, 0, 0, "So ", &report, &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT count(*) FROM memos WHERE coder_id = %" G_GINT64_FORMAT, zoe);
  g_assert_cmpint (lectern_test_raw_int (fixture.path, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT coder_id FROM document_versions WHERE version = (SELECT max (version) FROM document_versions)");
  g_assert_cmpint (lectern_test_raw_int (fixture.path, sql), ==, zoe);
  g_assert_cmpint (lectern_test_raw_int (fixture.path, "SELECT count(*) FROM annotations WHERE coder_id IS NULL"), ==, 0);

  fixture_clear (&fixture);
}

/* An ID says who a coder is: two people of one name stay two, a coder
 * found by ID takes the name given, and a name alone finds the first
 * coder of that name. */
static void
test_by_guid_or_name (void)
{
  Fixture fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(LecternCoder) renamed = NULL;
  gint64 zoe;
  gint64 other_zoe;

  fixture_init (&fixture);

  g_assert_true (lectern_project_set_coder (fixture.project, "Zoé", ZOE_ID, &error));
  zoe = annotate (&fixture);
  g_assert_true (lectern_project_set_coder (fixture.project, "Zoé", OTHER_ZOE_ID, &error));
  other_zoe = annotate (&fixture);
  g_assert_cmpint (zoe, !=, other_zoe);

  /* By name alone: the first Zoé. */
  g_assert_true (lectern_project_set_coder (fixture.project, "Zoé", NULL, &error));
  g_assert_cmpint (annotate (&fixture), ==, zoe);

  /* By ID, under a new name: the same coder, renamed. */
  g_assert_true (lectern_project_set_coder (fixture.project, "Zoé Martin", OTHER_ZOE_ID, &error));
  g_assert_no_error (error);
  g_assert_cmpint (annotate (&fixture), ==, other_zoe);
  renamed = coder_by_id (fixture.project, other_zoe);
  g_assert_cmpstr (lectern_coder_get_name (renamed), ==, "Zoé Martin");

  /* A new name: a new coder. */
  g_assert_true (lectern_project_set_coder (fixture.project, "Ana", NULL, &error));
  g_assert_cmpint (annotate (&fixture), !=, zoe);
  coders = lectern_project_list_coders (fixture.project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coders->len, ==, 3);

  /* Refused, and nothing changes. */
  g_assert_false (lectern_project_set_coder (fixture.project, "", NULL, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lectern_project_set_coder (fixture.project, "Line\nbreak", NULL, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lectern_project_set_coder (fixture.project, "Eve", "not-an-id", &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (lectern_project_get_author (fixture.project), ==, "Ana");
  g_clear_pointer (&coders, g_ptr_array_unref);
  coders = lectern_project_list_coders (fixture.project, &error);
  g_assert_cmpuint (coders->len, ==, 3);

  fixture_clear (&fixture);
}

/* Never set, the coder is the author (the account's name by default);
 * undoing the first passage of a coder leaves the coder, and the next
 * passage is theirs again. */
static void
test_default_and_undo (void)
{
  Fixture fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCoder) coder = NULL;
  gint64 first;

  fixture_init (&fixture);
  lectern_project_set_undo_enabled (fixture.project, TRUE);

  first = annotate (&fixture);
  coder = coder_by_id (fixture.project, first);
  g_assert_cmpstr (lectern_coder_get_name (coder), ==, lectern_project_get_author (fixture.project));
  g_assert_true (lectern_guid_is_valid (lectern_coder_get_guid (coder)));

  lectern_project_undo (fixture.project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (annotate (&fixture), ==, first);
  lectern_project_undo (fixture.project, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_project_redo (fixture.project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (fixture.path, "SELECT count(*) FROM annotations WHERE coder_id IS NULL"), ==, 0);

  fixture_clear (&fixture);
}

/* Documents, tags and passages get GUIDs of their own when made, kept
 * when the project is opened again and through undo and redo. */
static void
test_guids_stable (void)
{
  Fixture fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autofree char *document_guid = NULL;
  g_autofree char *tag_guid = NULL;
  g_autofree char *annotation_guid = NULL;
  g_autofree char *again = NULL;
  gint64 annotation_id;

  fixture_init (&fixture);
  annotation = lectern_project_add_annotation (fixture.project, fixture.document_id, 0, 10, &fixture.tag_id, 1,
                                               NULL, &error);
  g_assert_no_error (error);
  annotation_id = lectern_annotation_get_id (annotation);
  lectern_project_set_undo_enabled (fixture.project, TRUE);

  document_guid = lectern_project_dup_guid (fixture.project, LECTERN_GUID_DOCUMENT, fixture.document_id, &error);
  tag_guid = lectern_project_dup_guid (fixture.project, LECTERN_GUID_TAG, fixture.tag_id, &error);
  annotation_guid = lectern_project_dup_guid (fixture.project, LECTERN_GUID_ANNOTATION, annotation_id, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_guid_is_valid (document_guid));
  g_assert_true (lectern_guid_is_valid (tag_guid));
  g_assert_true (lectern_guid_is_valid (annotation_guid));
  g_assert_cmpstr (document_guid, !=, tag_guid);
  g_assert_cmpstr (tag_guid, !=, annotation_guid);

  /* Deleted and brought back by undo: the same passage. */
  g_assert_true (lectern_project_delete_annotation (fixture.project, annotation_id, &error));
  g_assert_true (lectern_project_undo (fixture.project, &error));
  g_assert_no_error (error);

  g_clear_object (&fixture.project);
  file = g_file_new_for_path (fixture.path);
  fixture.project = lectern_project_open (file, &error);
  g_assert_no_error (error);

  again = lectern_project_dup_guid (fixture.project, LECTERN_GUID_DOCUMENT, fixture.document_id, &error);
  g_assert_cmpstr (again, ==, document_guid);
  g_clear_pointer (&again, g_free);
  again = lectern_project_dup_guid (fixture.project, LECTERN_GUID_TAG, fixture.tag_id, &error);
  g_assert_cmpstr (again, ==, tag_guid);
  g_clear_pointer (&again, g_free);
  again = lectern_project_dup_guid (fixture.project, LECTERN_GUID_ANNOTATION, annotation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, annotation_guid);

  /* An importer's GUID is kept; one naming another tag is refused. */
  g_assert_true (lectern_project_set_guid (fixture.project, LECTERN_GUID_TAG, fixture.tag_id, ZOE_ID, &error));
  g_assert_no_error (error);
  g_assert_false (lectern_project_set_guid (fixture.project, LECTERN_GUID_DOCUMENT, fixture.document_id, "x", &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(LecternTag) other = lectern_project_add_tag (fixture.project, 0, "Other", NULL, &error);

    g_assert_false (lectern_project_set_guid (fixture.project, LECTERN_GUID_TAG, lectern_tag_get_id (other),
                                              ZOE_ID, &error));
    g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  }

  fixture_clear (&fixture);
}

/* What another program may write: a passage without a coder or GUID is
 * found by the check, by its id. */
static void
test_check (void)
{
  Fixture fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3 *db = NULL;
  gint64 annotation_id;

  fixture_init (&fixture);
  annotate (&fixture);
  annotation_id = lectern_test_raw_int (fixture.path, "SELECT max (id) FROM annotations");
  g_assert_true (lectern_project_check (fixture.project, &problems, &error));
  g_assert_no_error (error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_cmpint (sqlite3_open (fixture.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE annotations SET coder_id = NULL, guid = NULL", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (lectern_project_check (fixture.project, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 2);
  {
    g_autofree char *no_guid = g_strdup_printf ("Passage %" G_GINT64_FORMAT " has no valid GUID", annotation_id);
    g_autofree char *no_coder = g_strdup_printf ("Passage %" G_GINT64_FORMAT " has no coder", annotation_id);

    g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, no_guid);
    g_assert_cmpstr (g_ptr_array_index (problems, 1), ==, no_coder);
  }

  fixture_clear (&fixture);
}

/* A coding query over one coder's passages finds theirs alone; with
 * no coder named, everyone's. */
static void
test_filter (void)
{
  Fixture fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternDocumentFilter) filter = lectern_document_filter_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) zoes = NULL;
  g_autoptr(LecternAnnotation) later = NULL;
  gint64 zoe;

  fixture_init (&fixture);
  g_assert_true (lectern_project_set_coder (fixture.project, "Ana", NULL, &error));
  annotate (&fixture);
  g_assert_true (lectern_project_set_coder (fixture.project, "Zoé", ZOE_ID, &error));
  later = lectern_project_add_annotation (fixture.project, fixture.document_id, 20, 30, &fixture.tag_id, 1,
                                          NULL, &error);
  g_assert_no_error (error);
  zoe = lectern_annotation_get_coder_id (later);

  all = lectern_project_retrieve (fixture.project, "Agreement", filter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);

  lectern_document_filter_add_coder (filter, zoe);
  zoes = lectern_project_retrieve (fixture.project, "Agreement", filter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zoes->len, ==, 1);
  g_assert_cmpint (((LecternRetrieved *) g_ptr_array_index (zoes, 0))->start, ==, 20);

  fixture_clear (&fixture);
}

/* A file whose coders table another program changed is refused before
 * anything runs, and stays byte for byte as it came. */
static void
test_tampered (void)
{
  Fixture fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db = NULL;

  fixture_init (&fixture);
  annotate (&fixture);
  file = g_file_new_for_path (fixture.path);
  g_clear_object (&fixture.project);

  g_assert_cmpint (sqlite3_open (fixture.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE;"
                                     "CREATE TRIGGER coders_spy AFTER INSERT ON coders BEGIN"
                                     " DELETE FROM annotations; END;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (fixture.path, &before, &before_len, NULL));

  again = lectern_project_open (file, &error);
  g_assert_null (again);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_TAMPERED);
  g_assert_true (g_file_get_contents (fixture.path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  fixture_clear (&fixture);
}

/* A connection opened after the process's coder is set (a job's worker)
 * codes as that coder. */
static void
test_default_coder (void)
{
  Fixture fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) worker = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autoptr(LecternCoder) coder = NULL;

  fixture_init (&fixture);
  g_assert_true (lectern_project_set_default_coder ("Zoé", ZOE_ID, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (fixture.path);
  worker = lectern_project_open_worker (file, &error);
  g_assert_no_error (error);
  annotation = lectern_project_add_annotation (worker, fixture.document_id, 0, 4, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  coder = coder_by_id (worker, lectern_annotation_get_coder_id (annotation));
  g_assert_cmpstr (lectern_coder_get_guid (coder), ==, ZOE_ID);
  g_assert_cmpstr (lectern_coder_get_name (coder), ==, "Zoé");

  g_assert_false (lectern_project_set_default_coder ("", NULL, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (lectern_project_set_default_coder (NULL, NULL, &error));
  g_clear_object (&worker);
  fixture_clear (&fixture);
}

/* Deleting a passage leaves its tombstone (issue #15), in the same undo
 * step: undo takes it away with the passage back, redo writes it again,
 * and a passage brought back under its GUID lifts it. */
static void
test_tombstones (void)
{
  Fixture fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autofree char *guid = NULL;
  g_autofree char *count_sql = NULL;
  LecternDeletedPassage *tombstone;
  gint64 annotation_id;

  fixture_init (&fixture);
  annotation = lectern_project_add_annotation (fixture.project, fixture.document_id, 0, 10, &fixture.tag_id, 1,
                                               NULL, &error);
  g_assert_no_error (error);
  annotation_id = lectern_annotation_get_id (annotation);
  guid = lectern_project_dup_guid (fixture.project, LECTERN_GUID_ANNOTATION, annotation_id, &error);
  g_assert_no_error (error);
  count_sql = g_strdup_printf ("SELECT count(*) FROM deleted_passages WHERE guid = '%s'", guid);
  lectern_project_set_undo_enabled (fixture.project, TRUE);
  g_assert_cmpint (lectern_test_raw_int (fixture.path, "SELECT count(*) FROM deleted_passages"), ==, 0);

  lectern_project_delete_annotation (fixture.project, annotation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (fixture.path, count_sql), ==, 1);
  deleted = lectern_project_list_deleted_passages (fixture.project, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 1);
  tombstone = g_ptr_array_index (deleted, 0);
  g_assert_cmpstr (tombstone->guid, ==, guid);
  g_assert_true (g_date_time_equal (tombstone->updated, lectern_annotation_get_updated (annotation)));
  g_assert_cmpint (tombstone->coder_id, ==, lectern_annotation_get_coder_id (annotation));
  g_assert_nonnull (tombstone->document_guid);

  lectern_project_undo (fixture.project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (fixture.path, count_sql), ==, 0);
  g_assert_cmpint (lectern_test_raw_int (fixture.path, "SELECT count(*) FROM annotations"), ==, 1);

  lectern_project_redo (fixture.project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (fixture.path, count_sql), ==, 1);
  g_assert_cmpint (lectern_test_raw_int (fixture.path, "SELECT count(*) FROM annotations"), ==, 0);

  /* Back under its GUID (as a merge brings it): no longer deleted. */
  g_assert_cmpint (lectern_project_insert_annotation_as (fixture.project, fixture.document_id, 0, 10, NULL, 0,
                                                         NULL, NULL, NULL, NULL, 0, guid, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (fixture.path, count_sql), ==, 0);

  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Coders/recorded", test_recorded);
  g_test_add_func ("/Lectern/Coders/by-guid-or-name", test_by_guid_or_name);
  g_test_add_func ("/Lectern/Coders/default-and-undo", test_default_and_undo);
  g_test_add_func ("/Lectern/Coders/guids-stable", test_guids_stable);
  g_test_add_func ("/Lectern/Coders/tombstones", test_tombstones);
  g_test_add_func ("/Lectern/Coders/check", test_check);
  g_test_add_func ("/Lectern/Coders/filter", test_filter);
  g_test_add_func ("/Lectern/Coders/tampered", test_tampered);
  g_test_add_func ("/Lectern/Coders/default-coder", test_default_coder);

  return g_test_run ();
}
