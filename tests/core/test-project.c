/* test-project.c — the project file: opening and refusing files, documents,
 * the codebook, annotations, memos, undo, change signals, several writers
 * and the integrity check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lectern-core.h"

#include "lectern-test-sqlite.h"

#define CHILD_ENV "LECTERN_TEST_CORPUS_CHILD"
#define CONCURRENT_WRITES 150

static const char *self_exe;

/* A family emoji (5 code points), a combining mark without precomposed
 * form, an astral symbol and Arabic: what offsets must count right. */
#define FAMILY "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"
#define TRICKY_TEXT "Mot q\xcc\x83 puis " FAMILY " puis \xf0\x9d\x84\x9e puis \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 fin.\n"

static char *
project_path (const char *name)
{
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static LecternProject *
create_project (const char  *name,
                GFile      **file_out)
{
  g_autofree char *path = project_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LecternProject *project = lectern_project_create (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  if (file_out != NULL)
    *file_out = g_steal_pointer (&file);
  return project;
}

static gint64
add_document (LecternProject *project,
              const char    *title,
              const char    *text)
{
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (document, title);
  id = lectern_project_add_document (project, document, text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static guint
n_items (GListModel *model)
{
  g_assert_nonnull (model);
  return g_list_model_get_n_items (model);
}

static guint
count_documents (LecternProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) documents = lectern_project_list_documents (project, &error);

  g_assert_no_error (error);
  return n_items (documents);
}

static guint
count_annotations (LecternProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) annotations = lectern_project_list_annotations (project, 0, 0, FALSE, &error);

  g_assert_no_error (error);
  return n_items (annotations);
}

static guint
count_tags (LecternProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tags = lectern_project_list_tags (project, &error);

  g_assert_no_error (error);
  return n_items (tags);
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
assert_unchanged (const char *path,
                  GBytes     *before)
{
  g_autoptr(GBytes) after = read_bytes (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}


/* A closed project holding one document, for the refusal tests. */
static char *
make_closed_project (const char *name)
{
  g_autoptr(GFile) file = NULL;
  LecternProject *project = create_project (name, &file);

  add_document (project, "Kept", "Some text that must survive.\n");
  g_object_unref (project);
  return g_file_get_path (file);
}

static void
assert_open_fails (const char *path,
                   int         code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = lectern_project_open (file, &error);

  g_assert_error (error, LECTERN_PROJECT_ERROR, code);
  g_assert_null (project);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, path));
}

/* ------------------------------------------------------------------ */

static void
test_create_fresh (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) project = create_project ("fresh.lectern", &file);
  g_autofree char *path = g_file_get_path (file);

  g_assert_true (g_file_equal (lectern_project_get_file (project), file));
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA user_version"), ==, LECTERN_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (lectern_test_raw_int (path, "PRAGMA application_id"), !=, 0);
  /* Every migration ran. */
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM meta WHERE key LIKE 'migrated-to-%'"), ==,
                   LECTERN_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (count_documents (project), ==, 0);
}

static void
test_create_refuses_existing (void)
{
  g_autofree char *text_path = project_path ("notes.txt");
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) refused = NULL;
  g_autofree char *full_path = make_closed_project ("full.lectern");
  g_autoptr(GFile) full_file = g_file_new_for_path (full_path);
  g_autoptr(GFile) empty_file = NULL;
  g_autoptr(LecternProject) empty = NULL;
  g_autoptr(LecternProject) reopened = NULL;

  g_assert_true (g_file_set_contents (text_path, "my notes\n", -1, NULL));
  before = read_bytes (text_path);
  refused = lectern_project_create (text_file, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_EXISTS);
  g_assert_null (refused);
  assert_unchanged (text_path, before);
  g_clear_error (&error);

  refused = lectern_project_create (full_file, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_EXISTS);
  g_assert_null (refused);
  g_clear_error (&error);

  /* An empty project is simply opened. */
  empty = create_project ("empty.lectern", &empty_file);
  g_clear_object (&empty);
  reopened = lectern_project_create (empty_file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
}

static void
test_open_missing (void)
{
  g_autofree char *path = project_path ("absent.lectern");

  assert_open_fails (path, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_open_plain_text (void)
{
  g_autofree char *path = project_path ("a.txt");
  g_autoptr(GBytes) before = NULL;

  g_assert_true (g_file_set_contents (path, "hello\n", -1, NULL));
  before = read_bytes (path);
  assert_open_fails (path, LECTERN_PROJECT_ERROR_NOT_A_PROJECT);
  assert_unchanged (path, before);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  before = (g_bytes_unref (before), read_bytes (path));
  assert_open_fails (path, LECTERN_PROJECT_ERROR_NOT_A_PROJECT);
  assert_unchanged (path, before);
}

static void
test_open_other_sqlite (void)
{
  g_autofree char *path = project_path ("other.sqlite");
  g_autoptr(GBytes) before = NULL;

  raw_exec (path, "CREATE TABLE things (a, b); INSERT INTO things VALUES (1, 2);");
  before = read_bytes (path);
  assert_open_fails (path, LECTERN_PROJECT_ERROR_NOT_A_PROJECT);
  assert_unchanged (path, before);

  /* Also in WAL mode, where SQLite itself must look. */
  raw_exec (path, "PRAGMA journal_mode = WAL; INSERT INTO things VALUES (3, 4);");
  g_bytes_unref (before);
  before = read_bytes (path);
  assert_open_fails (path, LECTERN_PROJECT_ERROR_NOT_A_PROJECT);
  assert_unchanged (path, before);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM things"), ==, 2);
}

static void
test_open_too_new (void)
{
  g_autofree char *path = make_closed_project ("new.lectern");
  g_autoptr(GBytes) before = NULL;

  raw_exec (path, "PRAGMA user_version = 99");
  before = read_bytes (path);
  assert_open_fails (path, LECTERN_PROJECT_ERROR_TOO_NEW);
  assert_unchanged (path, before);
}

static void
test_open_corrupt (void)
{
  g_autofree char *path = make_closed_project ("corrupt.lectern");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) before = NULL;
  gsize length;

  /* Garbage over the schema table's page (page 1, after the header). */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  memset (contents + 100, 0xa5, 400);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  before = read_bytes (path);
  assert_open_fails (path, LECTERN_PROJECT_ERROR_CORRUPT);
  assert_unchanged (path, before);

  /* A nonsense page size in the header. */
  contents[16] = 0x03;
  contents[17] = 0x01;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_bytes_unref (before);
  before = read_bytes (path);
  assert_open_fails (path, LECTERN_PROJECT_ERROR_CORRUPT);
  assert_unchanged (path, before);
}

static void
test_open_truncated (void)
{
  g_autofree char *path = make_closed_project ("truncated.lectern");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) before = NULL;
  gsize length;
  gsize page = 4096;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  page = (gsize) lectern_test_raw_int (path, "PRAGMA page_size");
  g_assert_cmpuint (length, >=, 3 * page);

  /* Cut at a page boundary: only the header's page count tells. */
  g_assert_true (g_file_set_contents (path, contents, 2 * page, NULL));
  before = read_bytes (path);
  assert_open_fails (path, LECTERN_PROJECT_ERROR_CORRUPT);
  assert_unchanged (path, before);

  /* Cut in the middle of a page. */
  g_assert_true (g_file_set_contents (path, contents, page + 1000, NULL));
  g_bytes_unref (before);
  before = read_bytes (path);
  assert_open_fails (path, LECTERN_PROJECT_ERROR_CORRUPT);
  assert_unchanged (path, before);

  /* Cut inside the header. */
  g_assert_true (g_file_set_contents (path, contents, 50, NULL));
  g_bytes_unref (before);
  before = read_bytes (path);
  assert_open_fails (path, LECTERN_PROJECT_ERROR_CORRUPT);
  assert_unchanged (path, before);
}

static void
test_read_only (void)
{
  g_autofree char *path = make_closed_project ("readonly.lectern");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autofree char *folder = g_path_get_dirname (path);

  if (geteuid () == 0)
    {
      g_test_skip ("Running as root: file permissions do not stop writes");
      return;
    }

  project = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (path, 0444));

  /* Open connection, file turned read-only under it: WAL still lets the
   * first write through on some systems, so reopen to be sure. */
  g_clear_object (&project);
  g_assert_no_errno (g_chmod (folder, 0555));
  project = lectern_project_open (file, &error);
  if (project != NULL)
    {
      tag = lectern_project_add_tag (project, 0, "Nope", NULL, &error);
      g_assert_null (tag);
      g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, path));
    }
  else
    g_assert_nonnull (error);
  g_assert_no_errno (g_chmod (folder, 0755));
  g_assert_no_errno (g_chmod (path, 0644));
}

static void
test_locked (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) project = create_project ("locked.lectern", &file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = NULL;
  sqlite3 *other = NULL;

  /* Another program takes the write lock and keeps it. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  tag = lectern_project_add_tag (project, 0, "Waits", NULL, &error);
  g_assert_null (tag);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* Once it lets go, the same change goes through. */
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  tag = lectern_project_add_tag (project, 0, "Waits", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_tags (project), ==, 1);
}

/* ------------------------------------------------------------------ */

static void
test_documents_round_trip (void)
{
  g_autoptr(LecternProject) project = create_project ("docs.lectern", NULL);
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(LecternDocument) copy = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;
  gint64 id;

  lectern_document_set_title (document, "Entretien");
  lectern_document_set_source (document, "mid.ru");
  lectern_document_set_author (document, "S. Lavrov");
  lectern_document_set_date (document, "2025-10-26");
  lectern_document_set_language (document, "fr");
  lectern_document_set_original_name (document, "002.txt");
  lectern_document_set_encoding (document, "WINDOWS-1252");
  lectern_document_set_variable (document, "speaker", "Lavrov");
  lectern_document_set_variable (document, "kind", "interview");

  id = lectern_project_add_document (project, document, TRICKY_TEXT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (lectern_document_get_id (document), ==, id);
  g_assert_cmpint (lectern_document_get_length (document), ==, lectern_text_length (TRICKY_TEXT));
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, TRICKY_TEXT, -1);
  g_assert_cmpstr (lectern_document_get_content_hash (document), ==, hash);
  g_assert_nonnull (lectern_document_get_imported (document));

  copy = lectern_project_dup_document (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_document_get_title (copy), ==, "Entretien");
  g_assert_cmpstr (lectern_document_get_source (copy), ==, "mid.ru");
  g_assert_cmpstr (lectern_document_get_author (copy), ==, "S. Lavrov");
  g_assert_cmpstr (lectern_document_get_date (copy), ==, "2025-10-26");
  g_assert_cmpstr (lectern_document_get_language (copy), ==, "fr");
  g_assert_cmpstr (lectern_document_get_original_name (copy), ==, "002.txt");
  g_assert_cmpstr (lectern_document_get_encoding (copy), ==, "WINDOWS-1252");
  g_assert_cmpstr (lectern_document_get_content_hash (copy), ==, hash);
  g_assert_cmpint (lectern_document_get_length (copy), ==, lectern_text_length (TRICKY_TEXT));
  g_assert_cmpstr (lectern_document_get_variable (copy, "speaker"), ==, "Lavrov");
  g_assert_cmpstr (lectern_document_get_variable (copy, "kind"), ==, "interview");
  g_assert_cmpuint (g_hash_table_size (lectern_document_get_variables (copy)), ==, 2);
  g_assert_true (g_date_time_equal (lectern_document_get_imported (copy), lectern_document_get_imported (document)));

  text = lectern_project_dup_text (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, TRICKY_TEXT);

  /* Update: metadata and variables replaced. */
  lectern_document_set_title (copy, "Entretien (corrigé)");
  lectern_document_set_date (copy, NULL);
  lectern_document_set_variable (copy, "kind", NULL);
  lectern_document_set_variable (copy, "place", "Moscou");
  g_assert_true (lectern_project_update_document (project, copy, &error));
  g_assert_no_error (error);

  list = lectern_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (list), ==, 1);
  {
    g_autoptr(LecternDocument) listed = g_list_model_get_item (list, 0);

    g_assert_cmpstr (lectern_document_get_title (listed), ==, "Entretien (corrigé)");
    g_assert_null (lectern_document_get_date (listed));
    g_assert_null (lectern_document_get_variable (listed, "kind"));
    g_assert_cmpstr (lectern_document_get_variable (listed, "place"), ==, "Moscou");
    g_assert_cmpstr (lectern_document_get_variable (listed, "speaker"), ==, "Lavrov");
  }

  /* A bad date is refused and changes nothing. */
  lectern_document_set_date (copy, "26/10/2025");
  g_assert_false (lectern_project_update_document (project, copy, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (lectern_project_delete_document (project, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_documents (project), ==, 0);
  g_assert_null (lectern_project_dup_document (project, id, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lectern_project_delete_document (project, id, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
}

typedef struct
{
  GPtrArray *lines;
  guint      stop_after;
} Summaries;

static gboolean
collect_summary (const LecternDocumentSummary *summary,
                 gpointer                      user_data)
{
  Summaries *summaries = user_data;

  g_ptr_array_add (summaries->lines,
                   g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s|%s|%ld|%u", summary->id, summary->title,
                                    summary->language ? summary->language : "(none)",
                                    summary->date ? summary->date : "(none)",
                                    summary->length, summary->annotation_count));
  return summaries->lines->len < summaries->stop_after;
}

/* lectern_project_foreach_document() tells what the listing's objects do. */
static void
test_documents_foreach (void)
{
  g_autoptr(LecternProject) project = create_project ("foreach.lectern", NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  Summaries summaries = { g_ptr_array_new_with_free_func (g_free), G_MAXUINT };
  gint64 first = add_document (project, "Entretien", TRICKY_TEXT);
  gint64 second = add_document (project, "Sans date", "Deux mots.\n");

  {
    g_autoptr(LecternDocument) document = lectern_project_dup_document (project, first, &error);

    g_assert_no_error (error);
    lectern_document_set_language (document, "fr");
    lectern_document_set_date (document, "2025-10-26");
    g_assert_true (lectern_project_update_document (project, document, &error));
    g_assert_no_error (error);
  }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LecternAnnotation) annotation =
        lectern_project_add_annotation (project, second, i, i + 3, NULL, 0, NULL, &error);

      g_assert_no_error (error);
    }

  list = lectern_project_list_documents (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_items (list); i++)
    {
      g_autoptr(LecternDocument) d = g_list_model_get_item (list, i);

      g_ptr_array_add (expected,
                       g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s|%s|%ld|%u", lectern_document_get_id (d),
                                        lectern_document_get_title (d),
                                        lectern_document_get_language (d) ? lectern_document_get_language (d) : "(none)",
                                        lectern_document_get_date (d) ? lectern_document_get_date (d) : "(none)",
                                        lectern_document_get_length (d), lectern_document_get_annotation_count (d)));
    }

  g_assert_true (lectern_project_foreach_document (project, collect_summary, &summaries, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summaries.lines->len, ==, 2);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (summaries.lines, i), ==, g_ptr_array_index (expected, i));
  g_assert_nonnull (strstr (g_ptr_array_index (summaries.lines, 0), "|Entretien|fr|2025-10-26|"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (summaries.lines, 1), "|Sans date|(none)|(none)|11|2"));

  /* FALSE from the function stops the listing. */
  g_ptr_array_set_size (summaries.lines, 0);
  summaries.stop_after = 1;
  g_assert_true (lectern_project_foreach_document (project, collect_summary, &summaries, &error));
  g_assert_cmpuint (summaries.lines->len, ==, 1);
  g_ptr_array_unref (summaries.lines);
}

static void
test_documents_duplicate (void)
{
  g_autoptr(LecternProject) project = create_project ("dup.lectern", NULL);
  g_autoptr(LecternDocument) again = lectern_document_new ();
  g_autoptr(GError) error = NULL;

  add_document (project, "The first import", "Same words.\n");
  lectern_document_set_title (again, "Second try");
  g_assert_cmpint (lectern_project_add_document (project, again, "Same words.\n", &error), ==, 0);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "The first import"));
  g_assert_cmpint (lectern_document_get_id (again), ==, 0);
  g_assert_cmpuint (count_documents (project), ==, 1);
}

static void
test_documents_refused (void)
{
  g_autoptr(LecternProject) project = create_project ("refused.lectern", NULL);
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;

  lectern_document_set_title (document, "Bad");
  g_assert_cmpint (lectern_project_add_document (project, document, "crlf\r\nline", &error), ==, 0);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (lectern_project_add_document (project, document, "", &error), ==, 0);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (lectern_project_add_document (project, document, "not \xff utf-8", &error), ==, 0);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  lectern_document_set_date (document, "2025-02-30");
  g_assert_cmpint (lectern_project_add_document (project, document, "fine", &error), ==, 0);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  lectern_document_set_date (document, NULL);
  lectern_document_set_title (document, "");
  g_assert_cmpint (lectern_project_add_document (project, document, "fine", &error), ==, 0);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (count_documents (project), ==, 0);
}

/* ------------------------------------------------------------------ */

static LecternTag *
add_tag (LecternProject *project,
         gint64         parent_id,
         const char    *name)
{
  g_autoptr(GError) error = NULL;
  LecternTag *tag = lectern_project_add_tag (project, parent_id, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tag);
  return tag;
}

static void
test_tags_crud (void)
{
  g_autoptr(LecternProject) project = create_project ("tags.lectern", NULL);
  g_autoptr(LecternTag) security = add_tag (project, 0, "Security");
  g_autoptr(LecternTag) europe = add_tag (project, lectern_tag_get_id (security), "Europe");
  g_autoptr(LecternTag) other_europe = add_tag (project, 0, "Europe");
  g_autoptr(LecternTag) slash = add_tag (project, lectern_tag_get_id (security), "A/B \\ C");
  g_autoptr(LecternTag) found = NULL;
  g_autoptr(LecternTag) refused = NULL;
  g_autoptr(LecternTag) reloaded = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  const char *expected[] = { "Europe", "Security", "Security/A\\/B \\\\ C", "Security/Europe" };

  g_assert_cmpint (lectern_tag_get_parent_id (security), ==, 0);
  g_assert_cmpint (lectern_tag_get_parent_id (europe), ==, lectern_tag_get_id (security));
  g_assert_cmpstr (lectern_tag_get_path (europe), ==, "Security/Europe");
  g_assert_cmpuint (lectern_tag_get_depth (europe), ==, 1);
  g_assert_cmpuint (lectern_tag_get_depth (security), ==, 0);

  /* Palette colours: valid and different for the first tags. */
  g_assert_true (g_regex_match_simple ("^#[0-9a-f]{6}$", lectern_tag_get_colour (security), 0, 0));
  g_assert_cmpstr (lectern_tag_get_colour (security), !=, lectern_tag_get_colour (europe));
  g_assert_cmpstr (lectern_tag_get_colour (europe), !=, lectern_tag_get_colour (other_europe));

  /* Sibling names are unique, at the top level too. */
  refused = lectern_project_add_tag (project, lectern_tag_get_id (security), "Europe", NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE);
  g_assert_null (refused);
  g_clear_error (&error);
  refused = lectern_project_add_tag (project, 0, "Security", NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE);
  g_clear_error (&error);
  refused = lectern_project_add_tag (project, 0, "   ", NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  refused = lectern_project_add_tag (project, 0, "Red", "red", &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  refused = lectern_project_add_tag (project, 999, "Orphan", NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_tags (project), ==, 4);

  /* Paths escape '/' and '\'. */
  escaped = lectern_tag_name_escape ("A/B \\ C");
  g_assert_cmpstr (escaped, ==, "A\\/B \\\\ C");
  g_assert_cmpstr (lectern_tag_get_path (slash), ==, "Security/A\\/B \\\\ C");
  found = lectern_project_find_tag (project, "Security/A\\/B \\\\ C", &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_tag_get_id (found), ==, lectern_tag_get_id (slash));
  g_clear_object (&found);
  found = lectern_project_find_tag (project, "Security/Nothing", &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  found = lectern_project_find_tag (project, "Security//Europe", &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* The whole codebook, depth first, siblings by name. */
  list = lectern_project_list_tags (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (list), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(LecternTag) tag = g_list_model_get_item (list, i);
      g_assert_cmpstr (lectern_tag_get_path (tag), ==, expected[i]);
    }

  /* Rename, colour, description. */
  g_assert_false (lectern_project_rename_tag (project, lectern_tag_get_id (europe), "A/B \\ C", &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (lectern_project_rename_tag (project, lectern_tag_get_id (europe), "EU", &error));
  g_assert_no_error (error);
  g_assert_true (lectern_project_set_tag_colour (project, lectern_tag_get_id (europe), "#AABBCC", &error));
  g_assert_no_error (error);
  g_assert_false (lectern_project_set_tag_colour (project, lectern_tag_get_id (europe), "#abc", &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (lectern_project_set_tag_description (project, lectern_tag_get_id (europe), "The Union", &error));
  g_assert_no_error (error);

  reloaded = lectern_project_dup_tag (project, lectern_tag_get_id (europe), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_tag_get_path (reloaded), ==, "Security/EU");
  g_assert_cmpstr (lectern_tag_get_colour (reloaded), ==, "#aabbcc");
  g_assert_cmpstr (lectern_tag_get_description (reloaded), ==, "The Union");

  g_assert_false (lectern_project_rename_tag (project, 999, "X", &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
}

static void
test_tags_ensure_path (void)
{
  g_autoptr(LecternProject) project = create_project ("ensure.lectern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) deep = lectern_project_ensure_tag_path (project, "A/B/C", &error);
  g_autoptr(LecternTag) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (lectern_tag_get_path (deep), ==, "A/B/C");
  g_assert_cmpuint (lectern_tag_get_depth (deep), ==, 2);
  g_assert_cmpuint (count_tags (project), ==, 3);

  again = lectern_project_ensure_tag_path (project, "A/B/C", &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_tag_get_id (again), ==, lectern_tag_get_id (deep));
  g_assert_cmpuint (count_tags (project), ==, 3);
}

static void
test_tags_move (void)
{
  g_autoptr(LecternProject) project = create_project ("move.lectern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) a = add_tag (project, 0, "A");
  g_autoptr(LecternTag) b = add_tag (project, lectern_tag_get_id (a), "B");
  g_autoptr(LecternTag) c = add_tag (project, lectern_tag_get_id (b), "C");
  g_autoptr(LecternTag) d = add_tag (project, 0, "D");
  g_autoptr(LecternTag) c2 = add_tag (project, lectern_tag_get_id (d), "C");
  g_autoptr(LecternTag) moved = NULL;

  /* Under itself or a descendant: a cycle, refused. */
  g_assert_false (lectern_project_move_tag (project, lectern_tag_get_id (a), lectern_tag_get_id (a), &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lectern_project_move_tag (project, lectern_tag_get_id (a), lectern_tag_get_id (c), &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* A name clash at the destination. */
  g_assert_false (lectern_project_move_tag (project, lectern_tag_get_id (c), lectern_tag_get_id (d), &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_assert_true (lectern_project_move_tag (project, lectern_tag_get_id (b), lectern_tag_get_id (d), &error));
  g_assert_no_error (error);
  moved = lectern_project_dup_tag (project, lectern_tag_get_id (c), &error);
  g_assert_cmpstr (lectern_tag_get_path (moved), ==, "D/B/C");
  g_clear_object (&moved);

  g_assert_true (lectern_project_move_tag (project, lectern_tag_get_id (b), 0, &error));
  g_assert_no_error (error);
  moved = lectern_project_dup_tag (project, lectern_tag_get_id (b), &error);
  g_assert_cmpstr (lectern_tag_get_path (moved), ==, "B");
  g_assert_cmpint (lectern_tag_get_parent_id (moved), ==, 0);
  (void) c2;
}

static LecternAnnotation *
annotate (LecternProject *project,
          gint64         document_id,
          glong          start,
          glong          end,
          const gint64  *tags,
          guint          n_tags)
{
  g_autoptr(GError) error = NULL;
  LecternAnnotation *annotation = lectern_project_add_annotation (project, document_id, start, end,
                                                                 tags, n_tags, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (annotation);
  return annotation;
}

static void
test_tags_merge (void)
{
  g_autoptr(LecternProject) project = create_project ("merge.lectern", NULL);
  g_autoptr(GError) error = NULL;
  gint64 doc = add_document (project, "Doc", "one two three four five six\n");
  g_autoptr(LecternTag) from = add_tag (project, 0, "Old");
  g_autoptr(LecternTag) into = add_tag (project, 0, "New");
  g_autoptr(LecternTag) from_child = add_tag (project, lectern_tag_get_id (from), "Shared");
  g_autoptr(LecternTag) into_child = add_tag (project, lectern_tag_get_id (into), "Shared");
  g_autoptr(LecternTag) lonely = add_tag (project, lectern_tag_get_id (from), "Lonely");
  gint64 only_from = lectern_tag_get_id (from);
  gint64 both[] = { lectern_tag_get_id (from), lectern_tag_get_id (into) };
  gint64 child_tag = lectern_tag_get_id (from_child);
  g_autoptr(LecternAnnotation) a1 = annotate (project, doc, 0, 3, &only_from, 1);
  g_autoptr(LecternAnnotation) a2 = annotate (project, doc, 4, 7, both, 2);
  g_autoptr(LecternAnnotation) a3 = annotate (project, doc, 8, 13, &child_tag, 1);
  g_autoptr(LecternAnnotation) r1 = NULL;
  g_autoptr(LecternAnnotation) r2 = NULL;
  g_autoptr(LecternAnnotation) r3 = NULL;
  g_autoptr(LecternTag) moved = NULL;
  g_autoptr(LecternTag) gone = NULL;
  g_autoptr(LecternTag) merged = NULL;
  guint n;

  g_assert_true (lectern_project_set_memo (project, LECTERN_MEMO_TAG, lectern_tag_get_id (from), "old memo", &error));

  /* Not into itself, not into its own sub-tag. */
  g_assert_false (lectern_project_merge_tags (project, lectern_tag_get_id (from), lectern_tag_get_id (lonely), &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (lectern_project_merge_tags (project, lectern_tag_get_id (from), lectern_tag_get_id (into), &error));
  g_assert_no_error (error);

  gone = lectern_project_dup_tag (project, lectern_tag_get_id (from), &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  r1 = lectern_project_dup_annotation (project, lectern_annotation_get_id (a1), &error);
  g_assert_true (lectern_annotation_has_tag (r1, lectern_tag_get_id (into)));
  r2 = lectern_project_dup_annotation (project, lectern_annotation_get_id (a2), &error);
  lectern_annotation_get_tag_ids (r2, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (lectern_annotation_has_tag (r2, lectern_tag_get_id (into)));
  /* Same-named sub-tags merged too. */
  r3 = lectern_project_dup_annotation (project, lectern_annotation_get_id (a3), &error);
  g_assert_true (lectern_annotation_has_tag (r3, lectern_tag_get_id (into_child)));

  moved = lectern_project_dup_tag (project, lectern_tag_get_id (lonely), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_tag_get_path (moved), ==, "New/Lonely");

  merged = lectern_project_dup_tag (project, lectern_tag_get_id (into), &error);
  g_assert_cmpuint (lectern_tag_get_count (merged), ==, 2);
  {
    g_autofree char *memo = lectern_project_dup_memo (project, LECTERN_MEMO_TAG, lectern_tag_get_id (into), &error);
    g_assert_cmpstr (memo, ==, "old memo");
  }
  g_assert_cmpuint (count_tags (project), ==, 3);
}

static void
test_tags_delete (void)
{
  g_autoptr(LecternProject) project = create_project ("delete-tag.lectern", NULL);
  g_autoptr(GError) error = NULL;
  gint64 doc = add_document (project, "Doc", "one two three\n");
  g_autoptr(LecternTag) parent = add_tag (project, 0, "Parent");
  g_autoptr(LecternTag) child = add_tag (project, lectern_tag_get_id (parent), "Child");
  g_autoptr(LecternTag) unused = add_tag (project, 0, "Unused");
  gint64 child_id = lectern_tag_get_id (child);
  g_autoptr(LecternAnnotation) annotation = annotate (project, doc, 0, 3, &child_id, 1);
  g_autoptr(LecternAnnotation) kept = NULL;
  guint n = 99;

  /* Unused: deleted without question. */
  g_assert_true (lectern_project_delete_tag (project, lectern_tag_get_id (unused), FALSE, &error));
  g_assert_no_error (error);

  /* In use through a sub-tag: refused without force, nothing deleted. */
  g_assert_false (lectern_project_delete_tag (project, lectern_tag_get_id (parent), FALSE, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Parent"));
  g_clear_error (&error);
  g_assert_cmpuint (count_tags (project), ==, 2);

  g_assert_true (lectern_project_delete_tag (project, lectern_tag_get_id (parent), TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_tags (project), ==, 0);

  /* The passage stays, without the tag. */
  kept = lectern_project_dup_annotation (project, lectern_annotation_get_id (annotation), &error);
  g_assert_no_error (error);
  lectern_annotation_get_tag_ids (kept, &n);
  g_assert_cmpuint (n, ==, 0);
}

/* ------------------------------------------------------------------ */

static void
test_annotations_crud (void)
{
  g_autoptr(LecternProject) project = create_project ("annotations.lectern", NULL);
  g_autoptr(GError) error = NULL;
  gint64 doc = add_document (project, "Doc", TRICKY_TEXT);
  g_autoptr(LecternTag) t1 = add_tag (project, 0, "One");
  g_autoptr(LecternTag) t2 = add_tag (project, lectern_tag_get_id (t1), "Two");
  gint64 tags[] = { lectern_tag_get_id (t2), lectern_tag_get_id (t1), lectern_tag_get_id (t2) };
  g_autoptr(LecternAnnotation) family = NULL;
  g_autoptr(LecternAnnotation) overlap = NULL;
  g_autoptr(LecternAnnotation) refused = NULL;
  g_autoptr(LecternAnnotation) reloaded = NULL;
  g_autoptr(GListModel) list = NULL;
  const gint64 *ids;
  guint n;
  glong family_start = g_utf8_strlen ("Mot q\xcc\x83 puis ", -1);
  glong length = lectern_text_length (TRICKY_TEXT);

  g_assert_cmpint (family_start, ==, 12);

  /* The family emoji is five code points. */
  family = lectern_project_add_annotation (project, doc, family_start, family_start + 5, tags, 3,
                                          "a family", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_annotation_get_quote (family), ==, FAMILY);
  g_assert_cmpstr (lectern_annotation_get_prefix (family), ==, "Mot q\xcc\x83 puis ");
  g_assert_true (g_str_has_prefix (lectern_annotation_get_suffix (family), " puis \xf0\x9d\x84\x9e"));
  g_assert_cmpstr (lectern_annotation_get_note (family), ==, "a family");
  g_assert_cmpstr (lectern_annotation_get_author (family), ==, lectern_project_get_author (project));
  g_assert_nonnull (lectern_annotation_get_created (family));
  /* Tags in the order applied, a repeat once. */
  ids = lectern_annotation_get_tag_ids (family, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (ids[0], ==, lectern_tag_get_id (t2));
  g_assert_cmpint (ids[1], ==, lectern_tag_get_id (t1));

  /* The context runs to the end of a short text… */
  g_assert_cmpstr (lectern_annotation_get_suffix (family), ==,
                   " puis \xf0\x9d\x84\x9e puis \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 fin.\n");
  /* …and is LECTERN_TEXT_CONTEXT_CHARS code points in a long one. */
  {
    g_autoptr(GString) long_text = g_string_new (NULL);
    g_autoptr(LecternAnnotation) middle = NULL;
    gint64 long_doc;

    for (guint i = 0; i < 20; i++)
      g_string_append (long_text, "\xc3\xa9t\xc3\xa9 " FAMILY " ");
    long_doc = add_document (project, "Long", long_text->str);
    middle = annotate (project, long_doc, 50, 60, NULL, 0);
    g_assert_cmpint (lectern_text_length (lectern_annotation_get_prefix (middle)), ==, LECTERN_TEXT_CONTEXT_CHARS);
    g_assert_cmpint (lectern_text_length (lectern_annotation_get_suffix (middle)), ==, LECTERN_TEXT_CONTEXT_CHARS);
    g_assert_true (lectern_project_delete_document (project, long_doc, &error));
  }

  /* Overlaps are allowed; the Arabic word at the end. */
  overlap = lectern_project_add_annotation (project, doc, family_start + 2, length - 1, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (lectern_annotation_get_quote (overlap), "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 fin."));
  g_assert_cmpstr (lectern_annotation_get_suffix (overlap), ==, "\n");
  g_assert_null (lectern_annotation_get_note (overlap));

  /* Empty, reversed, negative and out-of-range ranges are refused. */
  refused = lectern_project_add_annotation (project, doc, 3, 3, NULL, 0, NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  refused = lectern_project_add_annotation (project, doc, 5, 3, NULL, 0, NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  refused = lectern_project_add_annotation (project, doc, -1, 3, NULL, 0, NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  refused = lectern_project_add_annotation (project, doc, 0, length + 1, NULL, 0, NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  refused = lectern_project_add_annotation (project, doc + 100, 0, 1, NULL, 0, NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    gint64 missing = 12345;

    refused = lectern_project_add_annotation (project, doc, 0, 1, &missing, 1, NULL, &error);
    g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_null (refused);
  g_assert_cmpuint (count_annotations (project), ==, 2);

  /* Resize: quote and context taken anew; note and tags. */
  g_assert_true (lectern_project_set_annotation_range (project, lectern_annotation_get_id (family),
                                                      4, 6, &error));
  g_assert_no_error (error);
  g_assert_false (lectern_project_set_annotation_range (project, lectern_annotation_get_id (family),
                                                       4, length + 3, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (lectern_project_set_annotation_note (project, lectern_annotation_get_id (family), "", &error));
  g_assert_true (lectern_project_set_annotation_tags (project, lectern_annotation_get_id (family),
                                                     &tags[1], 1, &error));
  g_assert_no_error (error);
  reloaded = lectern_project_dup_annotation (project, lectern_annotation_get_id (family), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_annotation_get_quote (reloaded), ==, "q\xcc\x83");
  g_assert_cmpint (lectern_annotation_get_start (reloaded), ==, 4);
  g_assert_cmpint (lectern_annotation_get_end (reloaded), ==, 6);
  g_assert_null (lectern_annotation_get_note (reloaded));
  ids = lectern_annotation_get_tag_ids (reloaded, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, lectern_tag_get_id (t1));
  g_assert_cmpint (g_date_time_compare (lectern_annotation_get_updated (reloaded),
                                        lectern_annotation_get_created (reloaded)), >=, 0);

  /* Lists in reading order, filtered by tag with and without sub-tags. */
  g_assert_true (lectern_project_set_annotation_tags (project, lectern_annotation_get_id (overlap),
                                                     &tags[0], 1, &error));
  list = lectern_project_list_annotations (project, doc, 0, FALSE, &error);
  g_assert_cmpuint (n_items (list), ==, 2);
  {
    g_autoptr(LecternAnnotation) first = g_list_model_get_item (list, 0);
    g_assert_cmpint (lectern_annotation_get_start (first), ==, 4);
  }
  g_clear_object (&list);
  list = lectern_project_list_annotations (project, 0, lectern_tag_get_id (t1), FALSE, &error);
  g_assert_cmpuint (n_items (list), ==, 1);
  g_clear_object (&list);
  list = lectern_project_list_annotations (project, 0, lectern_tag_get_id (t1), TRUE, &error);
  g_assert_cmpuint (n_items (list), ==, 2);
  g_clear_object (&list);
  list = lectern_project_list_annotations (project, doc + 1, 0, FALSE, &error);
  g_assert_cmpuint (n_items (list), ==, 0);
  g_clear_object (&list);

  {
    g_autoptr(LecternDocument) document = lectern_project_dup_document (project, doc, &error);
    g_assert_cmpuint (lectern_document_get_annotation_count (document), ==, 2);
  }

  g_assert_true (lectern_project_delete_annotation (project, lectern_annotation_get_id (overlap), &error));
  g_assert_no_error (error);
  g_assert_false (lectern_project_delete_annotation (project, lectern_annotation_get_id (overlap), &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_annotations (project), ==, 1);
}

static void
test_annotations_author (void)
{
  g_autoptr(LecternProject) project = create_project ("author.lectern", NULL);
  g_autoptr(GError) error = NULL;
  gint64 doc = add_document (project, "Doc", "abcdef\n");
  g_autoptr(LecternAnnotation) mine = NULL;
  g_autoptr(LecternAnnotation) imported = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 5, 6, 7, 8, 9);
  gint64 id;

  g_assert_nonnull (lectern_project_get_author (project));
  g_assert_cmpstr (lectern_project_get_author (project), !=, "");
  lectern_project_set_author (project, "Ada Lovelace");
  mine = annotate (project, doc, 0, 2, NULL, 0);
  g_assert_cmpstr (lectern_annotation_get_author (mine), ==, "Ada Lovelace");

  id = lectern_project_insert_annotation (project, doc, 2, 4, NULL, 0, "from elsewhere", "Bob",
                                         created, NULL, &error);
  g_assert_no_error (error);
  imported = lectern_project_dup_annotation (project, id, &error);
  g_assert_cmpstr (lectern_annotation_get_author (imported), ==, "Bob");
  g_assert_cmpstr (lectern_annotation_get_quote (imported), ==, "cd");
  g_assert_true (g_date_time_equal (lectern_annotation_get_created (imported), created));

  g_assert_cmpint (lectern_project_insert_annotation (project, doc, 4, 99, NULL, 0, NULL, NULL, NULL, NULL,
                                                     &error), ==, 0);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
}

static void
test_memos (void)
{
  g_autoptr(LecternProject) project = create_project ("memos.lectern", NULL);
  g_autoptr(GError) error = NULL;
  gint64 doc = add_document (project, "Doc", "text\n");
  g_autoptr(LecternTag) tag = add_tag (project, 0, "Tag");
  g_autofree char *none = NULL;
  g_autofree char *project_memo = NULL;
  g_autofree char *document = NULL;
  g_autofree char *tag_memo = NULL;
  g_autofree char *cleared = NULL;

  none = lectern_project_dup_memo (project, LECTERN_MEMO_PROJECT, 0, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (lectern_project_set_memo (project, LECTERN_MEMO_PROJECT, 0, "Research question", &error));
  g_assert_true (lectern_project_set_memo (project, LECTERN_MEMO_DOCUMENT, doc, "About the doc", &error));
  g_assert_true (lectern_project_set_memo (project, LECTERN_MEMO_TAG, lectern_tag_get_id (tag), "Code book", &error));
  g_assert_true (lectern_project_set_memo (project, LECTERN_MEMO_DOCUMENT, doc, "About the doc, v2", &error));
  g_assert_no_error (error);

  project_memo = lectern_project_dup_memo (project, LECTERN_MEMO_PROJECT, 0, &error);
  document = lectern_project_dup_memo (project, LECTERN_MEMO_DOCUMENT, doc, &error);
  tag_memo = lectern_project_dup_memo (project, LECTERN_MEMO_TAG, lectern_tag_get_id (tag), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (project_memo, ==, "Research question");
  g_assert_cmpstr (document, ==, "About the doc, v2");
  g_assert_cmpstr (tag_memo, ==, "Code book");

  g_assert_true (lectern_project_set_memo (project, LECTERN_MEMO_PROJECT, 0, NULL, &error));
  cleared = lectern_project_dup_memo (project, LECTERN_MEMO_PROJECT, 0, &error);
  g_assert_null (cleared);

  g_assert_false (lectern_project_set_memo (project, LECTERN_MEMO_DOCUMENT, doc + 7, "x", &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A document's memo goes with it. */
  g_assert_true (lectern_project_delete_document (project, doc, &error));
  g_assert_null (lectern_project_dup_memo (project, LECTERN_MEMO_DOCUMENT, doc, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
}

static void
test_alignments_and_fingerprints (void)
{
  g_autoptr(LecternProject) project = create_project ("compare.lectern", NULL);
  g_autoptr(GError) error = NULL;
  const char *shared = "the quick brown fox jumps over the lazy dog near the river bank today";
  g_autofree char *text_a = g_strconcat ("Alpha beta gamma. ", shared, ". Delta.\n", NULL);
  g_autofree char *text_b = g_strconcat ("Something else entirely first. ", shared, "!\n", NULL);
  gint64 a = add_document (project, "A", text_a);
  gint64 b = add_document (project, "B", text_b);
  g_autoptr(GArray) prints = lectern_fingerprint_compute_all (shared);
  g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GArray) saved = NULL;
  LecternSpanPair pairs[] = { { 0, 5, 0, 9 }, { 6, 10, -1, -1 } };
  gboolean found_b = FALSE;

  for (guint i = 0; i < prints->len; i++)
    g_array_append_val (hashes, g_array_index (prints, LecternFingerprint, i).hash);

  hits = lectern_project_lookup_fingerprints (project, (guint64 *) (gpointer) hashes->data, hashes->len, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >, 0);
  for (guint i = 0; i < hits->len; i++)
    {
      LecternFingerprintHit *hit = &g_array_index (hits, LecternFingerprintHit, i);

      g_assert_cmpint (hit->document_id, !=, a);
      if (hit->document_id == b)
        found_b = TRUE;
    }
  g_assert_true (found_b);

  saved = lectern_project_dup_alignment (project, a, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 0);
  g_clear_pointer (&saved, g_array_unref);

  g_assert_true (lectern_project_set_alignment (project, a, b, pairs, G_N_ELEMENTS (pairs), &error));
  g_assert_no_error (error);
  saved = lectern_project_dup_alignment (project, a, b, &error);
  g_assert_cmpuint (saved->len, ==, 2);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 1).b_start, ==, -1);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 0).b_end, ==, 9);
  g_clear_pointer (&saved, g_array_unref);

  /* Shown the other way round (sides swapped), the same corrections come
   * back with their sides swapped; saved that way, they replace them. */
  saved = lectern_project_dup_alignment (project, b, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 2);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 0).a_end, ==, pairs[0].b_end);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 0).b_end, ==, pairs[0].a_end);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 1).a_start, ==, -1);
  g_assert_true (lectern_project_set_alignment (project, b, a, (LecternSpanPair *) (gpointer) saved->data, 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&saved, g_array_unref);
  saved = lectern_project_dup_alignment (project, a, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 0).b_end, ==, 9);

  pairs[0].a_end = 99999;
  g_assert_false (lectern_project_set_alignment (project, a, b, pairs, 1, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
}

static guint
count_alignment (LecternProject *project,
                 gint64         a,
                 gint64         b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) saved = lectern_project_dup_alignment (project, a, b, &error);

  g_assert_no_error (error);
  return saved->len;
}

/* Merging two pairs or splitting one replaces the saved pairs it
 * overlaps: one transaction, one undo step, all or nothing. */
static void
test_alignment_correction (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) project = create_project ("correct.lectern", &file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) saved = NULL;
  gint64 a = add_document (project, "A", "One. Two. Three. Four.\n");
  gint64 b = add_document (project, "B", "Un. Deux. Trois. Quatre.\n");
  const LecternSpanPair first[] = { { 0, 4, 0, 3 }, { 5, 9, 4, 9 }, { 10, 16, 10, 16 } };
  const LecternSpanPair merged = { 0, 9, 0, 9 };
  const LecternSpanPair split[] = { { 10, 13, 10, 13 }, { 13, 16, 13, 16 } };
  sqlite3 *other = NULL;

  lectern_project_set_undo_enabled (project, TRUE);
  g_assert_true (lectern_project_set_alignment (project, a, b, first, G_N_ELEMENTS (first), &error));
  g_assert_no_error (error);

  /* A merge: the two pairs it covers go, the third stays. */
  g_assert_true (lectern_project_correct_alignment (project, a, b, &merged, 1, &error));
  g_assert_no_error (error);
  saved = lectern_project_dup_alignment (project, a, b, &error);
  g_assert_cmpuint (saved->len, ==, 2);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 0).a_start, ==, 10);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 1).a_end, ==, 9);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 1).b_end, ==, 9);
  g_clear_pointer (&saved, g_array_unref);

  /* One undo step brings back the three pairs, not a state between. */
  g_assert_cmpstr (lectern_project_get_undo_label (project), ==, "Correct alignment");
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_alignment (project, a, b), ==, 3);
  g_assert_true (lectern_project_redo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_alignment (project, a, b), ==, 2);

  /* Shown the other way round, a split of the third pair replaces it. */
  {
    LecternSpanPair swapped[2];

    for (guint i = 0; i < 2; i++)
      swapped[i] = (LecternSpanPair) { split[i].b_start, split[i].b_end, split[i].a_start, split[i].a_end };
    g_assert_true (lectern_project_correct_alignment (project, b, a, swapped, 2, &error));
    g_assert_no_error (error);
  }
  saved = lectern_project_dup_alignment (project, a, b, &error);
  g_assert_cmpuint (saved->len, ==, 3);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 0).a_end, ==, 9);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 1).a_end, ==, 13);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 2).b_start, ==, 13);
  g_clear_pointer (&saved, g_array_unref);

  /* A failure after the old pairs were deleted and some new ones
   * written (a trigger put in behind Lectern's back refuses the second
   * row) leaves the saved pairs and the undo history as they were. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other,
                                 "CREATE TRIGGER refuse BEFORE INSERT ON alignments WHEN NEW.position = 1"
                                 " BEGIN SELECT RAISE (ABORT, 'refused'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (lectern_project_correct_alignment (project, a, b, &merged, 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (other, "DROP TRIGGER refuse", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  saved = lectern_project_dup_alignment (project, a, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 3);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 1).a_end, ==, 13);
  g_clear_pointer (&saved, g_array_unref);

  /* A pair outside its documents: refused, nothing saved. */
  {
    const LecternSpanPair outside = { 0, 9999, 0, 3 };

    g_assert_false (lectern_project_correct_alignment (project, a, b, &outside, 1, &error));
    g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpuint (count_alignment (project, a, b), ==, 3);

  /* The last step is still the split: undone, the merge's two pairs
   * remain. */
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_alignment (project, a, b), ==, 2);
}

/* Fingerprints are written after the documents (issue #6): a document
 * without them, as a killed import leaves it, is found all the same. */
static void
test_fingerprints_deferred (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) project = create_project ("deferred.lectern", &file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  const char *shared = "the treaty was ratified by both parliaments after a long and bitter debate";
  g_autofree char *text_a = g_strconcat ("First document. ", shared, ".\n", NULL);
  g_autofree char *text_b = g_strconcat ("A second one, quoting: ", shared, "!\n", NULL);
  g_autoptr(GArray) prints = lectern_fingerprint_compute_all (shared);
  g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) hits = NULL;
  gint64 a, b, rows;
  gboolean found_b = FALSE;

  for (guint i = 0; i < prints->len; i++)
    g_array_append_val (hashes, g_array_index (prints, LecternFingerprint, i).hash);

  a = add_document (project, "A", text_a);
  b = add_document (project, "B", text_b);
  add_document (project, "Short", "Too short.\n");

  /* Adding wrote none; closing without an update is a kill in between. */
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM fingerprints"), ==, 0);
  g_clear_object (&project);

  project = lectern_project_open (file, &error);
  g_assert_no_error (error);
  hits = lectern_project_lookup_fingerprints (project, (guint64 *) (gpointer) hashes->data, hashes->len, a, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, LecternFingerprintHit, i).document_id == b)
      found_b = TRUE;
  g_assert_true (found_b);

  /* The lookup wrote them, for both texts, once. */
  rows = lectern_test_raw_int (path, "SELECT count(*) FROM fingerprints");
  g_assert_cmpint (rows, >, 0);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(DISTINCT document_id) FROM fingerprints"), ==, 2);
  g_assert_true (lectern_project_update_fingerprints (project, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM fingerprints"), ==, rows);

  /* The same as computed directly, hash by hash. */
  {
    g_autoptr(GArray) expected = lectern_fingerprint_compute (text_b);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM fingerprints WHERE document_id = %" G_GINT64_FORMAT, b);

    g_assert_cmpint (lectern_test_raw_int (path, sql), ==, expected->len);
  }

  /* After a complete update, one added here is the only one looked at,
   * and gets its own; a text changed (the trigger drops its
   * fingerprints) and a document brought back by undo get theirs again
   * though their ids are below every one seen. */
  {
    g_autofree char *text_d = g_strconcat ("Fourth, later: ", shared, ".\n", NULL);
    g_autofree char *sql_a = g_strdup_printf ("SELECT count(*) FROM fingerprints WHERE document_id = %" G_GINT64_FORMAT, a);
    g_autofree char *sql_d = NULL;
    gint64 d = add_document (project, "D", text_d);
    gint64 rows_a = lectern_test_raw_int (path, sql_a);

    sql_d = g_strdup_printf ("SELECT count(*) FROM fingerprints WHERE document_id = %" G_GINT64_FORMAT, d);
    g_assert_cmpint (lectern_test_raw_int (path, sql_d), ==, 0);
    g_assert_true (lectern_project_update_fingerprints (project, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (lectern_test_raw_int (path, sql_d), >, 0);

    g_assert_cmpint (rows_a, >, 0);
    g_assert_true (lectern_project_edit_text (project, a, 0, 5, "Premier", NULL, &error));
    g_assert_no_error (error);
    /* Unless the edit rewrote them itself. */
    if (lectern_test_raw_int (path, sql_a) == 0)
      {
        g_assert_true (lectern_project_update_fingerprints (project, NULL, &error));
        g_assert_no_error (error);
      }
    g_assert_cmpint (lectern_test_raw_int (path, sql_a), >, 0);
    rows_a = lectern_test_raw_int (path, sql_a);

    lectern_project_set_undo_enabled (project, TRUE);
    g_assert_true (lectern_project_update_fingerprints (project, NULL, &error));
    g_assert_true (lectern_project_delete_document (project, a, &error));
    g_assert_no_error (error);
    g_assert_true (lectern_project_update_fingerprints (project, NULL, &error));
    g_assert_true (lectern_project_undo (project, &error));
    g_assert_no_error (error);
    g_assert_cmpint (lectern_test_raw_int (path, sql_a), ==, 0);
    g_assert_true (lectern_project_update_fingerprints (project, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (lectern_test_raw_int (path, sql_a), ==, rows_a);
    lectern_project_set_undo_enabled (project, FALSE);
  }

  /* A document another connection adds later is found too. */
  {
    g_autoptr(LecternProject) other = lectern_project_open (file, &error);
    g_autofree char *text_c = g_strconcat ("Third: ", shared, ".\n", NULL);
    gint64 c;
    gboolean found_c = FALSE;

    g_assert_no_error (error);
    c = add_document (other, "C", text_c);
    g_clear_pointer (&hits, g_array_unref);
    hits = lectern_project_lookup_fingerprints (project, (guint64 *) (gpointer) hashes->data, hashes->len, a, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < hits->len; i++)
      if (g_array_index (hits, LecternFingerprintHit, i).document_id == c)
        found_c = TRUE;
    g_assert_true (found_c);
  }
}

static void
test_fingerprints_update_cancelled (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) project = create_project ("update-cancelled.lectern", &file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  add_document (project, "A", "One two three four five six seven eight nine ten.\n");
  g_cancellable_cancel (cancellable);
  g_assert_false (lectern_project_update_fingerprints (project, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM fingerprints"), ==, 0);
  g_clear_error (&error);

  g_assert_true (lectern_project_update_fingerprints (project, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM fingerprints"), >, 0);
}

/* ------------------------------------------------------------------ */

#define UNDO_TEXT "La sécurité européenne dépend du dialogue entre les peuples et les nations.\n"

/* Whether the stored fingerprints find @document_id from its own text. */
static gboolean
fingerprints_find (LecternProject *project,
                   gint64         document_id)
{
  g_autoptr(GArray) prints = lectern_fingerprint_compute_all (UNDO_TEXT);
  g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < prints->len; i++)
    g_array_append_val (hashes, g_array_index (prints, LecternFingerprint, i).hash);
  hits = lectern_project_lookup_fingerprints (project, (guint64 *) (gpointer) hashes->data, hashes->len, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, LecternFingerprintHit, i).document_id == document_id)
      return TRUE;
  return FALSE;
}

static void
test_undo_sequence (void)
{
  g_autoptr(LecternProject) project = create_project ("undo.lectern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autoptr(GListModel) hits = NULL;
  gint64 doc, doc2, tag_id;

  g_assert_false (lectern_project_get_can_undo (project));
  g_assert_false (lectern_project_undo (project, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  lectern_project_set_undo_enabled (project, TRUE);

  doc = add_document (project, "First", UNDO_TEXT);
  g_assert_true (lectern_project_get_can_undo (project));
  g_assert_nonnull (lectern_project_get_undo_label (project));
  doc2 = add_document (project, "Second", "Another text.\n");
  tag = add_tag (project, 0, "Security");
  tag_id = lectern_tag_get_id (tag);
  annotation = annotate (project, doc, 3, 11, &tag_id, 1);
  g_assert_true (lectern_project_rename_tag (project, tag_id, "Sécurité", &error));
  g_assert_true (fingerprints_find (project, doc));
  g_assert_true (lectern_project_delete_document (project, doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_annotations (project), ==, 0);
  g_assert_false (fingerprints_find (project, doc));

  /* Undo the deletion: the document, its annotation, its search entry
   * and its fingerprints are back. */
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_documents (project), ==, 2);
  g_assert_cmpuint (count_annotations (project), ==, 1);
  hits = lectern_project_search (project, "securite", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (hits), ==, 1);
  g_clear_object (&hits);
  g_assert_true (fingerprints_find (project, doc));
  g_assert_true (lectern_project_get_can_redo (project));

  /* Undo the rename. */
  g_assert_true (lectern_project_undo (project, &error));
  {
    g_autoptr(LecternTag) renamed = lectern_project_dup_tag (project, tag_id, &error);
    g_assert_cmpstr (lectern_tag_get_name (renamed), ==, "Security");
  }

  /* Undo the annotation, the tag, the second document. */
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_cmpuint (count_annotations (project), ==, 0);
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_cmpuint (count_tags (project), ==, 0);
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_cmpuint (count_documents (project), ==, 1);
  g_assert_no_error (error);

  /* Redo two steps: the second document and the tag. */
  g_assert_true (lectern_project_redo (project, &error));
  g_assert_true (lectern_project_redo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_documents (project), ==, 2);
  g_assert_cmpuint (count_tags (project), ==, 1);
  {
    g_autofree char *text = lectern_project_dup_text (project, doc2, &error);
    g_assert_cmpstr (text, ==, "Another text.\n");
  }

  /* A new change forgets the rest of the redo history. */
  g_assert_true (lectern_project_get_can_redo (project));
  g_assert_true (lectern_project_set_memo (project, LECTERN_MEMO_PROJECT, 0, "memo", &error));
  g_assert_false (lectern_project_get_can_redo (project));
  g_assert_false (lectern_project_redo (project, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* Everything undone: back to an empty project, which is sound. */
  while (lectern_project_get_can_undo (project))
    {
      g_assert_true (lectern_project_undo (project, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_documents (project), ==, 0);
  g_assert_cmpuint (count_tags (project), ==, 0);
  g_assert_true (lectern_project_check (project, NULL, &error));
  g_assert_no_error (error);

  /* And all of it redone: both documents, the tag and the memo. */
  while (lectern_project_get_can_redo (project))
    {
      g_assert_true (lectern_project_redo (project, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_documents (project), ==, 2);
  {
    g_autofree char *memo = lectern_project_dup_memo (project, LECTERN_MEMO_PROJECT, 0, &error);
    g_assert_cmpstr (memo, ==, "memo");
  }
  g_assert_cmpuint (count_tags (project), ==, 1);
  g_assert_true (lectern_project_check (project, NULL, &error));
  g_assert_no_error (error);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_undo_failed_call_is_no_step (void)
{
  g_autoptr(LecternProject) project = create_project ("undo-fail.lectern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternTag) refused = NULL;
  guint notified = 0;

  lectern_project_set_undo_enabled (project, TRUE);
  g_signal_connect (project, "notify::can-undo", G_CALLBACK (count_notify), &notified);
  tag = add_tag (project, 0, "Only");
  g_assert_cmpuint (notified, >, 0);
  refused = lectern_project_add_tag (project, 0, "Only", NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* One undo removes the tag; nothing else was recorded. */
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_false (lectern_project_get_can_undo (project));
  g_assert_cmpuint (count_tags (project), ==, 0);

  lectern_project_set_undo_enabled (project, FALSE);
  g_assert_false (lectern_project_get_can_redo (project));
}

typedef struct
{
  guint  count;
  guint  what;
  gint64 document_id;
} Changed;

static void
on_changed (LecternProject *project,
            guint          what,
            gint64         document_id,
            gpointer       user_data)
{
  Changed *changed = user_data;

  changed->count++;
  changed->what = what;
  changed->document_id = document_id;
}

static void
test_changed_signal (void)
{
  g_autoptr(LecternProject) project = create_project ("changed.lectern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternAnnotation) refused = NULL;
  Changed changed = { 0, };
  gint64 doc;

  g_signal_connect (project, "changed", G_CALLBACK (on_changed), &changed);

  doc = add_document (project, "Doc", "Some text.\n");
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_true (changed.what & LECTERN_CHANGE_DOCUMENTS);
  g_assert_cmpint (changed.document_id, ==, doc);

  annotation = annotate (project, doc, 0, 4, NULL, 0);
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_true (changed.what & LECTERN_CHANGE_ANNOTATIONS);
  g_assert_cmpint (changed.document_id, ==, doc);

  tag = add_tag (project, 0, "T");
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_true (changed.what & LECTERN_CHANGE_TAGS);

  g_assert_true (lectern_project_set_memo (project, LECTERN_MEMO_DOCUMENT, doc, "m", &error));
  g_assert_cmpuint (changed.count, ==, 4);
  g_assert_true (changed.what & LECTERN_CHANGE_MEMOS);

  /* A refused change says nothing. */
  refused = lectern_project_add_annotation (project, doc, 0, 0, NULL, 0, NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_assert_cmpuint (changed.count, ==, 4);
}

static void
test_undo_emits_changed (void)
{
  g_autoptr(LecternProject) project = create_project ("undo-changed.lectern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  Changed changed = { 0, };
  gint64 doc;

  lectern_project_set_undo_enabled (project, TRUE);
  doc = add_document (project, "Doc", "Some text.\n");
  annotation = annotate (project, doc, 0, 4, NULL, 0);

  g_signal_connect (project, "changed", G_CALLBACK (on_changed), &changed);
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_true (changed.what & LECTERN_CHANGE_ANNOTATIONS);
  g_assert_cmpint (changed.document_id, ==, doc);

  g_assert_true (lectern_project_redo (project, &error));
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_true (changed.what & LECTERN_CHANGE_ANNOTATIONS);
  g_assert_cmpuint (count_annotations (project), ==, 1);
}

static void
test_refresh (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) one = create_project ("refresh.lectern", &file);
  g_autoptr(LecternProject) two = NULL;
  g_autoptr(GError) error = NULL;
  Changed changed = { 0, };

  two = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_signal_connect (two, "changed", G_CALLBACK (on_changed), &changed);

  g_assert_false (lectern_project_refresh (two));
  add_document (one, "Written elsewhere", "From the other window.\n");
  g_assert_cmpuint (changed.count, ==, 0);

  g_assert_true (lectern_project_refresh (two));
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.what, ==, LECTERN_CHANGE_ALL);
  g_assert_cmpuint (count_documents (two), ==, 1);

  g_assert_false (lectern_project_refresh (two));
  g_assert_cmpuint (changed.count, ==, 1);
}

/* The child half of test_concurrent_processes. */
static int
run_child (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = lectern_project_open (file, &error);

  if (project == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < CONCURRENT_WRITES; i++)
    {
      g_autoptr(LecternAnnotation) annotation =
        lectern_project_add_annotation (project, 1, 10, 20, NULL, 0, "child", &error);

      if (annotation == NULL)
        {
          g_printerr ("child: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}

static void
test_concurrent_processes (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) project = create_project ("concurrent.lectern", &file);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(GListModel) theirs = NULL;
  gint64 doc;

  doc = add_document (project, "Shared", "A text both processes annotate at once.\n");
  g_assert_cmpint (doc, ==, 1);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_setenv (launcher, CHILD_ENV, path, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self_exe, NULL);
  g_assert_no_error (error);

  for (guint i = 0; i < CONCURRENT_WRITES; i++)
    {
      g_autoptr(LecternAnnotation) annotation =
        lectern_project_add_annotation (project, doc, 0, 5, NULL, 0, "parent", &error);

      g_assert_no_error (error);
      g_assert_nonnull (annotation);
    }

  g_assert_true (g_subprocess_wait_check (child, NULL, &error));
  g_assert_no_error (error);

  /* No write lost, from either side. */
  mine = lectern_project_list_annotations (project, doc, 0, FALSE, &error);
  g_assert_cmpuint (n_items (mine), ==, 2 * CONCURRENT_WRITES);
  for (guint i = 0; i < 2 * CONCURRENT_WRITES; i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (mine, i);
      const char *expected = i < CONCURRENT_WRITES ? "parent" : "child";

      g_assert_cmpstr (lectern_annotation_get_note (annotation), ==, expected);
    }
  g_assert_true (lectern_project_check (project, NULL, &error));
  g_assert_no_error (error);
  (void) theirs;
}

static void
test_check (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) project = create_project ("check.lectern", &file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autofree char *path = g_file_get_path (file);
  gint64 doc;

  doc = add_document (project, "Doc", TRICKY_TEXT);
  annotation = annotate (project, doc, 11, 16, NULL, 0);
  g_assert_true (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Someone edits the file behind Lectern's back. */
  raw_exec (path, "UPDATE annotations SET quote = 'something else'");
  g_assert_false (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "something else"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The search index losing a document is found too. */
  raw_exec (path, "UPDATE annotations SET quote = (SELECT substr (d.text, start_offset + 1, end_offset - start_offset)"
                  " FROM documents d WHERE d.id = document_id)");
  g_assert_true (lectern_project_check (project, NULL, &error));
  raw_exec (path, "INSERT INTO documents_fts (documents_fts, rowid, text)"
                  " SELECT 'delete', id, text FROM documents;");
  g_assert_false (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "Search index"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A document whose text no longer matches its recorded hash. */
  raw_exec (path, "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');"
                  "UPDATE documents SET content_hash = 'feed'");
  g_assert_false (lectern_project_check (project, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "hash"));
}

static void
test_backups (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) project = create_project ("backed.lectern", &file);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = project_path ("copy.lectern");
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(LecternProject) copy = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GFile) folder = lectern_project_dup_backup_folder (file);
  g_autofree char *folder_name = g_file_get_basename (folder);
  LecternProject *reopened;

  g_assert_cmpstr (folder_name, ==, "backed.lectern-backups");

  add_document (project, "Before", "Text before the backup.\n");
  g_assert_true (lectern_project_backup (project, copy_file, &error));
  g_assert_no_error (error);
  add_document (project, "After", "Text after the backup.\n");

  copy = lectern_project_open (copy_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_documents (copy), ==, 1);
  g_clear_object (&copy);

  /* Opening made the daily backup (the project had none). */
  g_clear_object (&project);
  reopened = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_object_unref (reopened);
  backups = lectern_project_list_backups (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* Not twice in a day. */
  reopened = lectern_project_open (file, &error);
  g_object_unref (reopened);
  backups = lectern_project_list_backups (file, &error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* Restoring the one-document copy; the state it replaced is kept. */
  g_assert_true (lectern_project_restore_backup (file, copy_file, &error));
  g_assert_no_error (error);
  project = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_documents (project), ==, 1);
  g_assert_true (lectern_project_check (project, NULL, &error));
  backups = lectern_project_list_backups (file, &error);
  g_assert_cmpuint (backups->len, ==, 2);
  {
    g_autofree char *newest = g_file_get_basename (g_ptr_array_index (backups, 0));
    g_assert_true (g_str_has_suffix (newest, "-before-restore.lectern"));
  }

  /* Not a project: refused, nothing replaced. */
  {
    g_autofree char *text_path = project_path ("not-a-backup.lectern");
    g_autoptr(GFile) text_file = g_file_new_for_path (text_path);

    g_assert_true (g_file_set_contents (text_path, "hello", -1, NULL));
    g_assert_false (lectern_project_restore_backup (file, text_file, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpuint (count_documents (project), ==, 1);
  }
}

static void
test_restore_damaged (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) project = create_project ("damaged.lectern", &file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *copy_path = project_path ("damaged-copy.lectern");
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  add_document (project, "Saved", "Text that was backed up.\n");
  g_assert_true (lectern_project_backup (project, copy_file, &error));
  g_clear_object (&project);

  /* The project is cut short: it cannot be opened any more. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 2 + 7, NULL));
  assert_open_fails (path, LECTERN_PROJECT_ERROR_CORRUPT);

  g_assert_true (lectern_project_restore_backup (file, copy_file, &error));
  g_assert_no_error (error);

  project = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_documents (project), ==, 1);
  g_assert_true (lectern_project_check (project, NULL, &error));

  /* The damaged file is kept, among the backups. */
  backups = lectern_project_list_backups (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, >=, 1);
  {
    gboolean kept = FALSE;

    for (guint i = 0; i < backups->len; i++)
      {
        g_autofree char *name = g_file_get_basename (g_ptr_array_index (backups, i));
        kept |= g_str_has_suffix (name, "-damaged.lectern");
      }
    g_assert_true (kept);
  }
}

/* ------------------------------------------------------------------ */
/* Batches                                                             */

static gint64
insert (LecternProject *project,
        gint64         document_id,
        glong          start,
        glong          end,
        const gint64  *tags,
        guint          n_tags)
{
  g_autoptr(GError) error = NULL;
  gint64 id = lectern_project_insert_annotation (project, document_id, start, end, tags, n_tags,
                                                NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_batch_commit (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) project = create_project ("batch-commit.lectern", &file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = NULL;
  gint64 doc = add_document (project, "Doc", "one two three four five six seven eight\n");
  gint64 tag_id;

  g_assert_true (lectern_project_begin_batch (project, &error));
  g_assert_no_error (error);
  tag = add_tag (project, 0, "Batch");
  tag_id = lectern_tag_get_id (tag);
  for (glong i = 0; i < 30; i++)
    insert (project, doc, i, i + 5, &tag_id, 1);

  /* This connection sees its batch; another sees nothing of it yet. */
  g_assert_cmpuint (count_annotations (project), ==, 30);
  g_assert_cmpuint (count_tags (project), ==, 1);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM annotations"), ==, 0);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM tags"), ==, 0);

  g_assert_true (lectern_project_commit_batch (project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM annotations"), ==, 30);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM annotation_tags"), ==, 30);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM tags"), ==, 1);

  /* Back to one transaction per call. */
  insert (project, doc, 0, 3, NULL, 0);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM annotations"), ==, 31);
  g_assert_true (lectern_project_check (project, NULL, &error));
  g_assert_no_error (error);
}

static void
test_batch_rollback (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) project = create_project ("batch-rollback.lectern", &file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternTag) after = NULL;
  Changed changed = { 0, };
  gint64 doc;

  g_signal_connect (project, "changed", G_CALLBACK (on_changed), &changed);

  g_assert_true (lectern_project_begin_batch (project, &error));
  doc = add_document (project, "Doc", "one two three four five six\n");
  tag = add_tag (project, 0, "Gone");
  insert (project, doc, 0, 3, NULL, 0);
  g_assert_true (lectern_project_set_memo (project, LECTERN_MEMO_PROJECT, 0, "memo", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_annotations (project), ==, 1);

  lectern_project_rollback_batch (project);
  g_assert_cmpuint (changed.count, ==, 0);
  g_assert_cmpuint (count_documents (project), ==, 0);
  g_assert_cmpuint (count_tags (project), ==, 0);
  g_assert_cmpuint (count_annotations (project), ==, 0);
  g_assert_null (lectern_project_dup_memo (project, LECTERN_MEMO_PROJECT, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM documents"), ==, 0);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM tags"), ==, 0);

  /* The corpus goes on as before, with no transaction left open: another
   * connection can write at once. */
  raw_exec (path, "BEGIN IMMEDIATE; ROLLBACK");
  after = add_tag (project, 0, "Gone");
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM tags"), ==, 1);
}

static void
test_batch_failed_call (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LecternProject) project = create_project ("batch-failed.lectern", &file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternTag) twin = NULL;
  gint64 doc = add_document (project, "Doc", "one two three four five six\n");
  gint64 ids[2];

  g_assert_true (lectern_project_begin_batch (project, &error));
  tag = add_tag (project, 0, "Kept");
  ids[0] = lectern_tag_get_id (tag);
  ids[1] = ids[0] + 1000;
  insert (project, doc, 0, 3, ids, 1);

  /* Refused before writing anything. */
  g_assert_cmpint (lectern_project_insert_annotation (project, doc, 5, 500, NULL, 0, NULL, NULL, NULL, NULL,
                                                     &error), ==, 0);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  twin = lectern_project_add_tag (project, 0, "Kept", NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE);
  g_assert_null (twin);
  g_clear_error (&error);

  /* Refused half-way: the annotation row was written, then its missing
   * tag refused; the call's own part goes, the batch's stays. */
  g_assert_cmpint (lectern_project_insert_annotation (project, doc, 4, 7, ids, 2, NULL, NULL, NULL, NULL,
                                                     &error), ==, 0);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_annotations (project), ==, 1);

  insert (project, doc, 8, 11, ids, 1);
  g_assert_true (lectern_project_commit_batch (project, &error));
  g_assert_no_error (error);

  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM annotations"), ==, 2);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM annotation_tags"), ==, 2);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM tags"), ==, 1);
  g_assert_true (lectern_project_check (project, NULL, &error));
  g_assert_no_error (error);
}

static void
test_batch_changed_once (void)
{
  g_autoptr(LecternProject) project = create_project ("batch-changed.lectern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = NULL;
  Changed changed = { 0, };
  gint64 doc = add_document (project, "Doc", "one two three four five six\n");

  g_signal_connect (project, "changed", G_CALLBACK (on_changed), &changed);

  /* All on one document: that document. */
  g_assert_true (lectern_project_begin_batch (project, &error));
  for (glong i = 0; i < 5; i++)
    insert (project, doc, i, i + 2, NULL, 0);
  g_assert_cmpuint (changed.count, ==, 0);
  g_assert_true (lectern_project_commit_batch (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.what, ==, LECTERN_CHANGE_ANNOTATIONS);
  g_assert_cmpint (changed.document_id, ==, doc);

  /* Several kinds: all of them, no one document. */
  g_assert_true (lectern_project_begin_batch (project, &error));
  tag = add_tag (project, 0, "T");
  insert (project, doc, 0, 2, NULL, 0);
  g_assert_true (lectern_project_commit_batch (project, &error));
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_cmpuint (changed.what, ==, LECTERN_CHANGE_ANNOTATIONS | LECTERN_CHANGE_TAGS);
  g_assert_cmpint (changed.document_id, ==, 0);

  /* Nothing done, nothing said. */
  g_assert_true (lectern_project_begin_batch (project, &error));
  g_assert_cmpint (lectern_project_insert_annotation (project, doc, 3, 3, NULL, 0, NULL, NULL, NULL, NULL,
                                                     &error), ==, 0);
  g_clear_error (&error);
  g_assert_true (lectern_project_commit_batch (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.count, ==, 2);
}

static void
test_batch_undo (void)
{
  g_autoptr(LecternProject) project = create_project ("batch-undo.lectern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = NULL;
  gint64 doc;
  gint64 tag_id;

  lectern_project_set_undo_enabled (project, TRUE);
  doc = add_document (project, "Doc", "one two three four five six\n");

  g_assert_true (lectern_project_begin_batch (project, &error));
  tag = add_tag (project, 0, "T");
  tag_id = lectern_tag_get_id (tag);
  for (glong i = 0; i < 4; i++)
    insert (project, doc, i, i + 2, &tag_id, 1);
  g_assert_true (lectern_project_commit_batch (project, &error));
  g_assert_no_error (error);
  g_assert_nonnull (lectern_project_get_undo_label (project));

  /* One undo takes the whole batch back, and only it. */
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_annotations (project), ==, 0);
  g_assert_cmpuint (count_tags (project), ==, 0);
  g_assert_cmpuint (count_documents (project), ==, 1);

  /* One redo brings it all back. */
  g_assert_true (lectern_project_redo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_annotations (project), ==, 4);
  g_assert_cmpuint (count_tags (project), ==, 1);

  /* A batch rolled back is no step; the document's step is next. */
  g_assert_true (lectern_project_begin_batch (project, &error));
  insert (project, doc, 0, 1, NULL, 0);
  lectern_project_rollback_batch (project);
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_cmpuint (count_annotations (project), ==, 0);
  g_assert_cmpuint (count_documents (project), ==, 1);
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_documents (project), ==, 0);
  g_assert_false (lectern_project_get_can_undo (project));
  lectern_project_set_undo_enabled (project, FALSE);
}

static void
test_batch_no_nesting (void)
{
  g_autoptr(LecternProject) project = create_project ("batch-nest.lectern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = NULL;

  g_assert_true (lectern_project_begin_batch (project, &error));
  g_assert_false (lectern_project_begin_batch (project, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED);
  g_clear_error (&error);

  /* The open batch is untouched by the refusal. */
  tag = add_tag (project, 0, "T");
  g_assert_true (lectern_project_commit_batch (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_tags (project), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  const char *child = g_getenv (CHILD_ENV);

  if (child != NULL)
    return run_child (child);

  self_exe = argv[0];
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Corpus/create/fresh", test_create_fresh);
  g_test_add_func ("/Lectern/Corpus/create/refuses-existing", test_create_refuses_existing);
  g_test_add_func ("/Lectern/Corpus/open/missing", test_open_missing);
  g_test_add_func ("/Lectern/Corpus/open/plain-text", test_open_plain_text);
  g_test_add_func ("/Lectern/Corpus/open/other-sqlite", test_open_other_sqlite);
  g_test_add_func ("/Lectern/Corpus/open/too-new", test_open_too_new);
  g_test_add_func ("/Lectern/Corpus/open/corrupt", test_open_corrupt);
  g_test_add_func ("/Lectern/Corpus/open/truncated", test_open_truncated);
  g_test_add_func ("/Lectern/Corpus/open/read-only", test_read_only);
  g_test_add_func ("/Lectern/Corpus/locked", test_locked);
  g_test_add_func ("/Lectern/Corpus/documents/round-trip", test_documents_round_trip);
  g_test_add_func ("/Lectern/Corpus/documents/foreach", test_documents_foreach);
  g_test_add_func ("/Lectern/Corpus/documents/duplicate", test_documents_duplicate);
  g_test_add_func ("/Lectern/Corpus/documents/refused", test_documents_refused);
  g_test_add_func ("/Lectern/Corpus/tags/crud", test_tags_crud);
  g_test_add_func ("/Lectern/Corpus/tags/ensure-path", test_tags_ensure_path);
  g_test_add_func ("/Lectern/Corpus/tags/move", test_tags_move);
  g_test_add_func ("/Lectern/Corpus/tags/merge", test_tags_merge);
  g_test_add_func ("/Lectern/Corpus/tags/delete", test_tags_delete);
  g_test_add_func ("/Lectern/Corpus/annotations/crud", test_annotations_crud);
  g_test_add_func ("/Lectern/Corpus/annotations/author", test_annotations_author);
  g_test_add_func ("/Lectern/Corpus/memos", test_memos);
  g_test_add_func ("/Lectern/Corpus/comparison", test_alignments_and_fingerprints);
  g_test_add_func ("/Lectern/Corpus/comparison/correction", test_alignment_correction);
  g_test_add_func ("/Lectern/Corpus/fingerprints/deferred", test_fingerprints_deferred);
  g_test_add_func ("/Lectern/Corpus/fingerprints/update-cancelled", test_fingerprints_update_cancelled);
  g_test_add_func ("/Lectern/Corpus/undo/sequence", test_undo_sequence);
  g_test_add_func ("/Lectern/Corpus/undo/failed-call", test_undo_failed_call_is_no_step);
  g_test_add_func ("/Lectern/Corpus/changed", test_changed_signal);
  g_test_add_func ("/Lectern/Corpus/undo/emits-changed", test_undo_emits_changed);
  g_test_add_func ("/Lectern/Corpus/batch/commit", test_batch_commit);
  g_test_add_func ("/Lectern/Corpus/batch/rollback", test_batch_rollback);
  g_test_add_func ("/Lectern/Corpus/batch/failed-call", test_batch_failed_call);
  g_test_add_func ("/Lectern/Corpus/batch/changed-once", test_batch_changed_once);
  g_test_add_func ("/Lectern/Corpus/batch/undo", test_batch_undo);
  g_test_add_func ("/Lectern/Corpus/batch/no-nesting", test_batch_no_nesting);
  g_test_add_func ("/Lectern/Corpus/refresh", test_refresh);
  g_test_add_func ("/Lectern/Corpus/concurrent-processes", test_concurrent_processes);
  g_test_add_func ("/Lectern/Corpus/check", test_check);
  g_test_add_func ("/Lectern/Corpus/backups", test_backups);
  g_test_add_func ("/Lectern/Corpus/backups/restore-damaged", test_restore_damaged);

  return g_test_run ();
}
