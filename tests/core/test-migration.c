/* test-migration.c — a project of schema version 1 (a checked-in SQL
 * fixture) opens with this Lectern, migrates to the current version with
 * its data intact, and leaves a backup of itself as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "lectern-core.h"

#include "lectern-test-sqlite.h"

/* Loads tests/fixtures/core/@fixture into a new file. */
static char *
load_fixture_sql (const char *fixture,
                  const char *name)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "fixtures", "core", fixture, NULL);
  g_autofree char *sql = NULL;
  g_autofree char *path = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_true (g_file_get_contents (sql_path, &sql, NULL, NULL));
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("Loading %s: %s", sql_path, message);
  sqlite3_close (db);

  return g_steal_pointer (&path);
}

static char *
load_fixture (const char *name)
{
  return load_fixture_sql ("project-v1.sql", name);
}


static void
test_fixture_is_version_1 (void)
{
  g_autofree char *path = load_fixture ("check.lectern");

  /* Guards the test itself: the fixture must stay an old project. */
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'fingerprints'"), ==, 0);
}

static void
test_migrates_intact (void)
{
  g_autofree char *path = load_fixture ("old.lectern");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(GListModel) tags = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LecternDocument) first = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autoptr(LecternAnnotation) emoji = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(GArray) prints = NULL;
  g_autoptr(GArray) found = NULL;
  g_autofree char *text = NULL;
  g_autofree char *memo = NULL;
  const gint64 *tag_ids;
  guint n_tags;

  project = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, LECTERN_PROJECT_SCHEMA_VERSION);

  /* Documents, with their variables and text. */
  documents = lectern_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  first = g_list_model_get_item (documents, 0);
  g_assert_cmpstr (lectern_document_get_title (first), ==, "Entretien sur la sécurité européenne");
  g_assert_cmpstr (lectern_document_get_date (first), ==, "2025-10-26");
  g_assert_cmpstr (lectern_document_get_language (first), ==, "fr");
  g_assert_cmpstr (lectern_document_get_variable (first, "speaker"), ==, "Lavrov");
  g_assert_cmpuint (lectern_document_get_annotation_count (first), ==, 1);
  text = lectern_project_dup_text (project, lectern_document_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "Question : Que pensez-vous"));
  g_assert_cmpint (lectern_text_length (text), ==, lectern_document_get_length (first));

  /* Annotations with their tags in order, quotes and notes. */
  annotations = lectern_project_list_annotations (project, 0, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 3);
  annotation = lectern_project_dup_annotation (project, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_annotation_get_quote (annotation), ==, "La sécurité de l’Europe");
  g_assert_cmpstr (lectern_annotation_get_note (annotation), ==, "Le cœur de l’argument");
  g_assert_cmpstr (lectern_annotation_get_author (annotation), ==, "Ada");
  tag_ids = lectern_annotation_get_tag_ids (annotation, &n_tags);
  g_assert_cmpuint (n_tags, ==, 2);
  g_assert_cmpint (tag_ids[0], ==, 2);
  g_assert_cmpint (tag_ids[1], ==, 1);
  emoji = lectern_project_dup_annotation (project, 3, &error);
  g_assert_cmpint (lectern_annotation_get_end (emoji) - lectern_annotation_get_start (emoji), ==, 5);

  /* The codebook and memos. */
  tags = lectern_project_list_tags (project, &error);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 3);
  tag = lectern_project_find_tag (project, "Security/Europe", &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_tag_get_id (tag), ==, 2);
  memo = lectern_project_dup_memo (project, LECTERN_MEMO_TAG, 3, &error);
  g_assert_cmpstr (memo, ==, "Tag memo");

  /* The search index came along. */
  hits = lectern_project_search (project, "securite", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);

  /* Version 2 computed fingerprints for the old documents. */
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(DISTINCT document_id) FROM fingerprints"), ==, 2);
  prints = lectern_fingerprint_compute_all ("Both sides agreed that the Minsk agreements remain the basis");
  {
    g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (guint64));

    for (guint i = 0; i < prints->len; i++)
      g_array_append_val (hashes, g_array_index (prints, LecternFingerprint, i).hash);
    found = lectern_project_lookup_fingerprints (project, (guint64 *) (gpointer) hashes->data, hashes->len, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, >, 0);
  }

  /* And the result is sound, and writable. */
  g_assert_true (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);
  {
    g_autoptr(LecternAnnotation) added = lectern_project_add_annotation (project, 2, 0, 3, NULL, 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (lectern_annotation_get_id (added), >, 3);
  }
}

/* A format-2 file whose data pages are damaged: the migration meets the
 * damage half way and is refused, and the file is left byte for byte as it
 * was: still in its own journal mode, and not left at an intermediate
 * version when only the last step fails (both found by fuzz-project-open). */
static void
test_failed_migration_changes_nothing (gconstpointer data)
{
  const char *name = data;
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", "fuzz-project-open",
                                                 name, NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;

  g_assert_true (g_file_get_contents (seed, &before, &before_length, NULL));
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  g_assert_true (g_file_set_contents (path, before, before_length, NULL));
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, 2);

  file = g_file_new_for_path (path);
  project = lectern_project_open (file, &error);
  g_assert_null (project);
  /* Damage shows as SQLite meets it: "malformed", or a schema that does
   * not read back; either way refused, naming the file. */
  g_assert_nonnull (error);
  g_assert_true (error->domain == LECTERN_PROJECT_ERROR);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, before, before_length);
}

static void
test_backup_before_migration (void)
{
  g_autofree char *path = load_fixture ("backed-up.lectern");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *backup_name = NULL;

  project = lectern_project_open (file, &error);
  g_assert_no_error (error);

  backups = lectern_project_list_backups (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  backup_path = g_file_get_path (g_ptr_array_index (backups, 0));
  backup_name = g_path_get_basename (backup_path);
  g_assert_true (g_str_has_prefix (backup_name, "backed-up-"));
  g_assert_true (g_str_has_suffix (backup_name, "-format-1.lectern"));

  /* The backup is the project as it was: version 1, all its data. */
  g_assert_cmpint (lectern_test_raw_int (backup_path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (lectern_test_raw_int (backup_path, "SELECT count(*) FROM annotations"), ==, 3);
  g_assert_cmpint (lectern_test_raw_int (backup_path, "SELECT count(*) FROM sqlite_schema WHERE name = 'fingerprints'"), ==, 0);

  /* Opening again migrates nothing and makes no second backup today. */
  g_clear_object (&project);
  project = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = lectern_project_list_backups (file, &error);
  g_assert_cmpuint (backups->len, ==, 1);
}

/* A project of version 2, made by the Lectern of that version
 * (tests/fixtures/core/README.md), migrates to version 3: its documents
 * are plain text with no original and no structure, and all else is as
 * it was. */
static void
test_migrates_from_2 (void)
{
  g_autofree char *path = load_fixture_sql ("project-v2.sql", "v2.lectern");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *backup_name = NULL;
  g_autofree char *memo = NULL;

  /* Guards the test itself. */
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, 2);

  project = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, LECTERN_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM meta WHERE key = 'migrated-to-3'"), ==, 1);

  documents = lectern_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LecternDocument) document = g_list_model_get_item (documents, i);
      gint64 id = lectern_document_get_id (document);
      g_autoptr(GArray) structure = lectern_project_dup_document_structure (project, id, &error);
      g_autoptr(GBytes) original = lectern_project_dup_document_original (project, id, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (lectern_document_get_format (document), ==, "text");
      g_assert_cmpint (lectern_document_get_original_size (document), ==, 0);
      g_assert_cmpuint (structure->len, ==, 0);
      g_assert_null (original);
    }
  {
    g_autoptr(LecternDocument) first = g_list_model_get_item (documents, 0);

    g_assert_cmpstr (lectern_document_get_title (first), ==, "Entretien sur la sécurité européenne");
    g_assert_cmpstr (lectern_document_get_author (first), ==, "Sergueï Lavrov");
    g_assert_cmpstr (lectern_document_get_variable (first, "speaker"), ==, "Lavrov");
    g_assert_cmpstr (lectern_document_get_date (first), ==, "2025-10-26");
  }

  annotations = lectern_project_list_annotations (project, 0, 0, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 2);
  {
    g_autoptr(LecternAnnotation) annotation = lectern_project_dup_annotation (project, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (lectern_annotation_get_quote (annotation), ==, "Minutes of the meeting");
    g_assert_cmpstr (lectern_annotation_get_note (annotation), ==, "The title");
  }
  memo = lectern_project_dup_memo (project, LECTERN_MEMO_DOCUMENT, 1, &error);
  g_assert_cmpstr (memo, ==, "Document memo");

  /* The search index and the fingerprints came along untouched. */
  hits = lectern_project_search (project, "securite", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 3);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(DISTINCT document_id) FROM fingerprints"), ==, 2);

  g_assert_true (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);

  /* Backed up as it was first. */
  backups = lectern_project_list_backups (file, &error);
  g_assert_cmpuint (backups->len, ==, 1);
  backup_name = g_file_get_basename (g_ptr_array_index (backups, 0));
  g_assert_true (g_str_has_suffix (backup_name, "-format-2.lectern"));

  /* The new tables take rows. */
  {
    g_autoptr(GArray) structure = lectern_structure_new ();
    g_autoptr(GBytes) original = g_bytes_new_static ("x", 1);

    lectern_structure_add (structure, 0, 10, LECTERN_STRUCTURE_KIND_HEADING, "1");
    g_assert_true (lectern_project_set_document_structure (project, 1, structure, &error));
    g_assert_true (lectern_project_set_document_original (project, 1, "markdown", original, &error));
    g_assert_no_error (error);
  }
  {
    LecternTurnCorrection rename = { LECTERN_TURN_CORRECTION_RENAME, 0, (char *) "Q", (char *) "Journaliste" };
    g_autoptr(GArray) corrections = NULL;

    g_assert_true (lectern_project_add_turn_correction (project, 1, &rename, &error));
    g_assert_no_error (error);
    corrections = lectern_project_dup_turn_corrections (project, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (corrections->len, ==, 1);
  }
}

/* A project of version 3, made by the Lectern of that version
 * (tests/fixtures/core/README.md), migrates to version 4: every passage is
 * placed, every document has its one imported version, structure,
 * original and turn corrections are as they were, and the text can be
 * edited with its passages following. */
static void
test_migrates_from_3 (void)
{
  g_autofree char *path = load_fixture_sql ("project-v3.sql", "v3.lectern");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(GListModel) orphans = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GArray) structure = NULL;
  g_autoptr(GArray) corrections = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(LecternDocumentVersion) version = NULL;
  g_autofree char *backup_name = NULL;
  g_autofree char *format = NULL;
  g_autofree char *first_text = NULL;
  LecternEditReport report;

  /* Guards the test itself. */
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, 3);

  project = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, LECTERN_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM meta WHERE key = 'migrated-to-4'"), ==, 1);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM annotations WHERE orphaned = 0"), ==, 2);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM document_versions"), ==, 0);

  annotations = lectern_project_list_annotations (project, 0, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 2);
  orphans = lectern_project_list_orphans (project, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (orphans), ==, 0);

  versions = lectern_project_list_document_versions (project, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
  version = g_list_model_get_item (versions, 0);
  g_assert_cmpuint (lectern_document_version_get_number (version), ==, 1);

  structure = lectern_project_dup_document_structure (project, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (structure->len, ==, 2);
  original = lectern_project_dup_document_original (project, 2, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (format, ==, "markdown");
  g_assert_cmpuint (g_bytes_get_size (original), ==, 138);
  corrections = lectern_project_dup_turn_corrections (project, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (corrections->len, ==, 1);

  g_assert_true (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);

  backups = lectern_project_list_backups (file, &error);
  g_assert_cmpuint (backups->len, ==, 1);
  backup_name = g_file_get_basename (g_ptr_array_index (backups, 0));
  g_assert_true (g_str_has_suffix (backup_name, "-format-3.lectern"));

  /* The migrated file takes an edit: the heading's passage grows with
   * its words, the text as imported stays readable. */
  g_assert_true (lectern_project_edit_text (project, 2, 8, 8, "official ", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.resized, ==, 1);
  {
    g_autoptr(LecternAnnotation) title = lectern_project_dup_annotation (project, 2, &error);

    g_assert_cmpstr (lectern_annotation_get_quote (title), ==, "Minutes official of the meeting");
  }
  first_text = lectern_project_dup_document_version_text (project, 2, 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (first_text, "Minutes of the meeting\n"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_true (lectern_project_check (project, &problems, &error));
}

static LecternCoder *
find_coder (GPtrArray *coders,
            gint64     id)
{
  for (guint i = 0; i < coders->len; i++)
    if (lectern_coder_get_id (g_ptr_array_index (coders, i)) == id)
      return g_ptr_array_index (coders, i);
  return NULL;
}

static void
assert_guid (LecternProject  *project,
             LecternGuidKind kind,
             gint64          id,
             const char     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *guid = lectern_project_dup_guid (project, kind, id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (guid, ==, expected);
}

/* A project of version 4, made by the Lectern of that version
 * (tests/fixtures/core/README.md), migrates to version 5: its documents,
 * tags and passages keep the GUIDs that Lectern's .qdpx export of it
 * wrote (copied here from that export), and its work is attributed: the
 * passages and the edit to the coder named as their author, whose GUID is
 * the .qdpx user's; the memo, which nobody signed, to one "Unknown coder". */
static void
test_migrates_from_4 (void)
{
  g_autofree char *path = load_fixture_sql ("project-v4.sql", "v4.lectern");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternAnnotation) first = NULL;
  g_autoptr(LecternAnnotation) second = NULL;
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LecternTag) europe = NULL;
  g_autofree char *memo = NULL;
  LecternCoder *root;
  LecternCoder *unknown;
  gint64 unknown_id;

  /* Guards the test itself. */
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, 4);

  project = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, LECTERN_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM meta WHERE key = 'migrated-to-5'"), ==, 1);

  /* Everything is still there. */
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM annotations"), ==, 2);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM document_versions"), ==, 2);
  memo = lectern_project_dup_memo (project, LECTERN_MEMO_DOCUMENT, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (memo, ==, "Document memo");
  second = lectern_project_dup_annotation (project, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_annotation_get_quote (second), ==, "Minutes official of the meeting");
  g_assert_cmpstr (lectern_annotation_get_note (second), ==, "The title");

  /* The GUIDs the format-4 export wrote. */
  assert_guid (project, LECTERN_GUID_DOCUMENT, 1, "16c10368-11f1-5b77-b0dc-1dbebca0579d");
  assert_guid (project, LECTERN_GUID_DOCUMENT, 2, "3828ac00-1c6c-5b41-8099-4504a08a0179");
  assert_guid (project, LECTERN_GUID_ANNOTATION, 1, "0a7042e1-92bb-5682-b644-77c1f6cd78b7");
  assert_guid (project, LECTERN_GUID_ANNOTATION, 2, "58f7916e-1364-5a8e-b2fd-b4c2aa36579b");
  europe = lectern_project_find_tag (project, "Security/Europe", &error);
  g_assert_no_error (error);
  {
    g_autofree char *expected = lectern_guid_for_name ("tag", "Security/Europe");

    assert_guid (project, LECTERN_GUID_TAG, lectern_tag_get_id (europe), expected);
  }
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM tags WHERE guid IS NULL"), ==, 0);

  /* Who did what. */
  coders = lectern_project_list_coders (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coders->len, ==, 2);
  first = lectern_project_dup_annotation (project, 1, &error);
  root = find_coder (coders, lectern_annotation_get_coder_id (first));
  g_assert_nonnull (root);
  g_assert_cmpint (lectern_annotation_get_coder_id (second), ==, lectern_coder_get_id (root));
  g_assert_cmpstr (lectern_coder_get_name (root), ==, lectern_annotation_get_author (first));
  g_assert_cmpstr (lectern_coder_get_guid (root), ==, "803b004d-b84e-5780-acfd-45f99b47989a");
  g_assert_cmpuint (lectern_coder_get_passage_count (root), ==, 2);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT coder_id FROM document_versions WHERE version = 2"),
                   ==, lectern_coder_get_id (root));
  /* Who imported the text is not known. */
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM document_versions"
                                               " WHERE version = 1 AND coder_id IS NULL"), ==, 1);

  unknown_id = lectern_test_raw_int (path, "SELECT coder_id FROM memos");
  unknown = find_coder (coders, unknown_id);
  g_assert_nonnull (unknown);
  g_assert_cmpstr (lectern_coder_get_name (unknown), ==, "");
  g_assert_cmpstr (lectern_coder_get_display_name (unknown), ==, "Unknown coder");
  g_assert_true (lectern_guid_is_valid (lectern_coder_get_guid (unknown)));
  g_assert_cmpuint (lectern_coder_get_passage_count (unknown), ==, 0);

  g_assert_true (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A project of version 5 with two coders (tests/fixtures/core/README.md)
 * migrates to version 6: nothing of theirs changes, and it has an empty
 * adjudications table that the check accepts and a decision can use. */
static void
test_migrates_from_5 (void)
{
  g_autofree char *path = load_fixture_sql ("project-v5.sql", "v5.lectern");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LecternAnnotation) alice = NULL;
  g_autofree char *memo = NULL;

  /* Guards the test itself. */
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'adjudications'"), ==, 0);

  project = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, LECTERN_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM meta WHERE key = 'migrated-to-6'"), ==, 1);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM adjudications"), ==, 0);

  coders = lectern_project_list_coders (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coders->len, ==, 2);
  g_assert_cmpstr (lectern_coder_get_name (g_ptr_array_index (coders, 0)), ==, "Alice");
  g_assert_cmpstr (lectern_coder_get_guid (g_ptr_array_index (coders, 0)), ==, "8a943956-dbfd-4cfc-b76e-eb5eef74e464");
  g_assert_cmpstr (lectern_coder_get_name (g_ptr_array_index (coders, 1)), ==, "Bob");
  alice = lectern_project_dup_annotation (project, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_annotation_get_coder_id (alice), ==, 1);
  g_assert_cmpint (lectern_annotation_get_start (alice), ==, 30);
  memo = lectern_project_dup_memo (project, LECTERN_MEMO_DOCUMENT, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (memo, ==, "Memo of Alice");

  g_assert_true (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A project of version 6 (tests/fixtures/core/README.md) migrates to
 * version 7: nothing of its changes, it has an empty table of deleted
 * passages that the check accepts, and deleting a passage fills it. */
static void
test_migrates_from_6 (void)
{
  g_autofree char *path = load_fixture_sql ("project-v6.sql", "v6.lectern");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(LecternAnnotation) alice = NULL;

  /* Guards the test itself. */
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, 6);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'deleted_passages'"), ==, 0);

  project = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, LECTERN_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM meta WHERE key = 'migrated-to-7'"), ==, 1);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM deleted_passages"), ==, 0);

  coders = lectern_project_list_coders (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coders->len, ==, 2);
  g_assert_cmpstr (lectern_coder_get_name (g_ptr_array_index (coders, 0)), ==, "Alice");
  g_assert_cmpstr (lectern_coder_get_guid (g_ptr_array_index (coders, 0)), ==, "f217c19f-24e2-4f8f-90f4-9fd1ffa45944");
  alice = lectern_project_dup_annotation (project, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_annotation_get_coder_id (alice), ==, 1);
  g_assert_cmpint (lectern_annotation_get_start (alice), ==, 30);

  g_assert_true (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_true (lectern_project_delete_annotation (project, 1, &error));
  g_assert_no_error (error);
  deleted = lectern_project_list_deleted_passages (project, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 1);
  g_assert_cmpint (((LecternDeletedPassage *) g_ptr_array_index (deleted, 0))->coder_id, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Migration/fixture-is-version-1", test_fixture_is_version_1);
  g_test_add_func ("/Lectern/Migration/intact", test_migrates_intact);
  g_test_add_func ("/Lectern/Migration/backup", test_backup_before_migration);
  g_test_add_data_func ("/Lectern/Migration/failed-changes-nothing/first-step",
                        "migration-fails-on-damaged-page.lectern", test_failed_migration_changes_nothing);
  g_test_add_data_func ("/Lectern/Migration/failed-changes-nothing/last-step",
                        "migration-fails-at-last-step.lectern", test_failed_migration_changes_nothing);
  g_test_add_func ("/Lectern/Migration/from-2", test_migrates_from_2);
  g_test_add_func ("/Lectern/Migration/from-3", test_migrates_from_3);
  g_test_add_func ("/Lectern/Migration/from-4", test_migrates_from_4);
  g_test_add_func ("/Lectern/Migration/from-5", test_migrates_from_5);
  g_test_add_func ("/Lectern/Migration/from-6", test_migrates_from_6);

  return g_test_run ();
}
