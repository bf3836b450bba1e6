/* test-tampered.c — a project file changed outside Lectern (an extra
 * trigger, view, table or column, a column name written to break out of
 * SQL) is refused on open, and nothing in it runs: no file is written,
 * another project is not touched, the file itself is left as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lectern-core.h"
#include "lectern-project-private.h"

#include "lectern-test-sqlite.h"

static char *
test_path (const char *name)
{
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

/* A closed project with a document, a tag and a memo. */
static char *
make_project (const char *name)
{
  g_autofree char *path = test_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = lectern_project_create (file, &error);
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(LecternTag) tag = NULL;

  g_assert_no_error (error);
  lectern_document_set_title (document, "Kept");
  g_assert_cmpint (lectern_project_add_document (project, document, "Some text that must survive.\n", &error), >, 0);
  g_assert_no_error (error);
  tag = lectern_project_ensure_tag_path (project, "Security", &error);
  g_assert_no_error (error);
  g_assert_true (lectern_project_set_memo (project, LECTERN_MEMO_PROJECT, 0, "A memo", &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
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

/* A project changed by @sql behind Lectern's back, as another program
 * would; left in rollback-journal mode, so that a switch to WAL would
 * show in its bytes. */
static char *
make_tampered (const char *name,
               const char *sql)
{
  char *path = make_project (name);

  raw_exec (path, sql);
  raw_exec (path, "PRAGMA journal_mode = DELETE");
  return path;
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

/* Opens @path as the app does (undo on) and expects TAMPERED, naming the
 * file and @what; the file stays as it was and no backup is made. */
static void
assert_refused (const char *path,
                const char *what)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) backups = lectern_project_dup_backup_folder (file);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GError) error = NULL;
  LecternProject *project;

  project = lectern_project_open (file, &error);
  if (project != NULL)
    {
      /* What the app does next: without the check, this runs the file's SQL. */
      lectern_project_set_undo_enabled (project, TRUE);
      g_object_unref (project);
    }

  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_TAMPERED);
  g_test_message ("%s", error->message);
  g_assert_null (project);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, what));
  assert_unchanged (path, before);
  g_assert_false (g_file_query_exists (backups, NULL));
}

static void
test_column_name_breaks_out (void)
{
  g_autofree char *other = make_project ("other.lectern");
  g_autoptr(GBytes) other_before = read_bytes (other);
  g_autofree char *stolen = test_path ("stolen.lectern");
  g_autofree char *payload =
    g_strdup_printf ("x'); END; VACUUM INTO '%s'; ATTACH '%s' AS v; DELETE FROM v.documents; --",
                     stolen, other);
  char *sql = sqlite3_mprintf ("ALTER TABLE memos RENAME COLUMN updated TO \"%w\"", payload);
  g_autofree char *path = make_tampered ("hostile.lectern", sql);

  sqlite3_free (sql);

  assert_refused (path, "VACUUM INTO");
  g_assert_false (g_file_test (stolen, G_FILE_TEST_EXISTS));
  assert_unchanged (other, other_before);
  g_assert_cmpint (lectern_test_raw_int (other, "SELECT count(*) FROM documents"), ==, 1);
}

static void
test_extra_trigger (void)
{
  g_autofree char *path =
    make_tampered ("trigger.lectern",
                   "CREATE TRIGGER wipe AFTER INSERT ON annotations BEGIN DELETE FROM documents; END;");

  assert_refused (path, "“wipe”");
}

static void
test_view (void)
{
  g_autofree char *path = make_tampered ("view.lectern", "CREATE VIEW peek AS SELECT text FROM documents;");

  assert_refused (path, "“peek”");
}

static void
test_extra_table (void)
{
  g_autofree char *path = make_tampered ("table.lectern", "CREATE TABLE extra (a, b);");

  assert_refused (path, "“extra”");
}

static void
test_extra_column (void)
{
  g_autofree char *path = make_tampered ("column.lectern", "ALTER TABLE tags ADD COLUMN secret TEXT;");

  assert_refused (path, "“secret”");
}

static void
test_changed_trigger (void)
{
  g_autofree char *path =
    make_tampered ("search-trigger.lectern",
                   "DROP TRIGGER documents_fts_insert;"
                   "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN"
                   "  DELETE FROM tags;"
                   " END;");

  assert_refused (path, "“documents_fts_insert”");
}

/* Statistics that the sqlite3 shell's ANALYZE adds are not code. */
static void
test_statistics_allowed (void)
{
  g_autofree char *path = make_tampered ("analyzed.lectern", "ANALYZE;");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = lectern_project_open (file, &error);
  g_autoptr(GListModel) documents = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  documents = lectern_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
}

/* Opening compares a file's schema by digest first and builds Lectern's
 * own schema only when they differ: the digest the build computed must be
 * that of a file Lectern writes, or every open pays for the full check;
 * and one entry changed behind Lectern's back must change it. */
static void
test_digest_of_own_file (void)
{
  g_autofree char *path = make_project ("digest.lectern");
  const char *expected = _lectern_project_schema_expected_digest (LECTERN_PROJECT_SCHEMA_VERSION);
  g_autofree char *digest = NULL;
  g_autofree char *changed = NULL;
  sqlite3 *db = NULL;

  g_assert_nonnull (expected);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  digest = _lectern_project_schema_digest (db);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpstr (digest, ==, expected);
  g_assert_null (_lectern_project_schema_expected_digest (LECTERN_PROJECT_SCHEMA_VERSION + 1));

  /* One letter of one trigger's SQL. */
  raw_exec (path,
            "DROP TRIGGER documents_fts_insert;"
            "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN"
            "  DELETE FROM tags;"
            " END;");
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  changed = _lectern_project_schema_digest (db);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpstr (changed, !=, expected);
}

/* Undo still works on a project Lectern wrote (its triggers now come
 * from Lectern's own schema). */
static void
test_undo_on_valid_project (void)
{
  g_autofree char *path = make_project ("valid.lectern");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = lectern_project_open (file, &error);
  g_autofree char *memo = NULL;

  g_assert_no_error (error);
  lectern_project_set_undo_enabled (project, TRUE);
  g_assert_true (lectern_project_set_memo (project, LECTERN_MEMO_PROJECT, 0, "Changed", &error));
  g_assert_no_error (error);
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_no_error (error);
  memo = lectern_project_dup_memo (project, LECTERN_MEMO_PROJECT, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (memo, ==, "A memo");
}

/* Restoring copies a backup in whole: a tampered one is refused first. */
static void
test_restore_tampered_backup (void)
{
  g_autofree char *path = make_project ("restored.lectern");
  g_autofree char *hostile = make_tampered ("backup.lectern", "CREATE VIEW peek AS SELECT 1;");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) backup = g_file_new_for_path (hostile);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (lectern_project_restore_backup (file, backup, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_TAMPERED);
  assert_unchanged (path, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Tampered/column-name-breaks-out", test_column_name_breaks_out);
  g_test_add_func ("/Lectern/Tampered/extra-trigger", test_extra_trigger);
  g_test_add_func ("/Lectern/Tampered/view", test_view);
  g_test_add_func ("/Lectern/Tampered/extra-table", test_extra_table);
  g_test_add_func ("/Lectern/Tampered/extra-column", test_extra_column);
  g_test_add_func ("/Lectern/Tampered/changed-trigger", test_changed_trigger);
  g_test_add_func ("/Lectern/Tampered/statistics-allowed", test_statistics_allowed);
  g_test_add_func ("/Lectern/Tampered/digest-of-own-file", test_digest_of_own_file);
  g_test_add_func ("/Lectern/Tampered/undo-on-valid-project", test_undo_on_valid_project);
  g_test_add_func ("/Lectern/Tampered/restore-tampered-backup", test_restore_tampered_backup);

  return g_test_run ();
}
