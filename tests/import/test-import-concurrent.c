/* test-import-concurrent.c — an import never keeps another connection
 * from saving (issue #16): it holds the write lock in short chunks, and a
 * cancelled import or an interrupted fingerprint chunk leaves no document
 * half there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "lectern-import.h"

#include "lectern-test-sqlite.h"

#define N_FILES 240

static GFile *
project_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "test.lectern", NULL);

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  return g_file_new_for_path (path);
}

/* Sentences of made-up words, every file with "zebulon" once. */
static GPtrArray *
write_files (guint n,
             gsize bytes)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "texts", NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%04u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      g_string_append_printf (text, "Interview %u\nzebulon ", i);
      while (text->len < bytes)
        {
          guint len = g_rand_int_range (rand, 2, 9);

          for (guint j = 0; j < len; j++)
            g_string_append_c (text, "etaoinshrdlucmfwyp"[g_rand_int_range (rand, 0, 18)]);
          g_string_append (text, g_rand_int_range (rand, 0, 12) == 0 ? ".\n" : " ");
        }
      g_string_append_c (text, '\n');
      g_file_set_contents (path, text->str, text->len, &error);
      g_assert_no_error (error);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  return files;
}

static gint64
raw_int (GFile      *location,
         const char *sql)
{
  g_autofree char *path = g_file_get_path (location);

  return lectern_test_raw_int (path, sql);
}

static void
raw_exec (GFile      *location,
          const char *sql)
{
  g_autofree char *path = g_file_get_path (location);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

typedef struct
{
  GPtrArray    *files;
  GCancellable *cancellable;
  guint         cancel_at;
  GListModel   *results;
  GError       *error;
  gint          started;
  gint          done;
} Import;

static void
cancel_at (guint       done,
           guint       total,
           const char *current_name,
           gpointer    data)
{
  Import *import = data;

  g_atomic_int_set (&import->started, 1);
  if (import->cancellable != NULL && done == import->cancel_at)
    g_cancellable_cancel (import->cancellable);
}

/* The import on a connection of its own, as the app's job runs it. */
static gpointer
import_thread (gpointer data)
{
  Import *import = data;
  g_autoptr(GFile) location = project_file ();
  g_autoptr(LecternProject) project = lectern_project_open (location, &import->error);

  if (project != NULL)
    import->results = lectern_importer_import_files (project, (GFile **) import->files->pdata,
                                                     import->files->len, cancel_at, import,
                                                     import->cancellable, &import->error);
  g_atomic_int_set (&import->done, 1);
  return NULL;
}

/* While an import runs on one connection, another saves edits: each one
 * succeeds (no "database is locked" after the busy timeout), and they are
 * saved while the import goes on, not all once it is over. */
static void
test_edit_during_import (void)
{
  g_autoptr(GFile) location = project_file ();
  g_autoptr(LecternProject) editor = lectern_project_create (location, NULL);
  g_autoptr(LecternDocument) seed = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  Import import = { 0 };
  GThread *thread;
  guint during = 0;
  guint edits = 0;
  gint64 seed_id;

  g_assert_nonnull (editor);
  lectern_document_set_title (seed, "Coded meanwhile");
  seed_id = lectern_project_add_document (editor, seed, "The person codes this text while files come in.\n",
                                          &error);
  g_assert_no_error (error);

  import.files = write_files (N_FILES, 24 * 1024);
  thread = g_thread_new ("import", import_thread, &import);
  while (!g_atomic_int_get (&import.started))
    g_usleep (1000);

  while (!g_atomic_int_get (&import.done))
    {
      g_autoptr(LecternAnnotation) annotation = NULL;
      gint64 documents = raw_int (location, "SELECT count(*) FROM documents");

      annotation = lectern_project_add_annotation (editor, seed_id, 4, 10, NULL, 0, "meanwhile", &error);
      g_assert_no_error (error);
      g_assert_nonnull (annotation);
      edits++;
      /* Saved while the import was still adding documents. */
      if (documents > 1 && raw_int (location, "SELECT count(*) FROM documents") < N_FILES + 1)
        during++;
      g_usleep (20 * 1000);
    }
  g_thread_join (thread);
  g_assert_no_error (import.error);
  g_assert_cmpuint (g_list_model_get_n_items (import.results), ==, N_FILES);

  g_assert_cmpint (raw_int (location, "SELECT count(*) FROM documents"), ==, N_FILES + 1);
  g_assert_cmpint (raw_int (location, "SELECT count(*) FROM annotations"), ==, edits);
  /* The import commits in many short transactions, each leaving the lock
   * to the editor, so its edits land between them. */
  g_assert_cmpuint (during, >=, 2);

  g_clear_object (&import.results);
  g_ptr_array_unref (import.files);
}

/* Cancelled half-way, the import keeps whole documents only: each one
 * kept has its original and is in the search index, and gets its
 * fingerprints; none of the files after the cancel is there. */
static void
test_cancel_keeps_whole_documents (void)
{
  g_autoptr(GFile) location = project_file ();
  g_autoptr(LecternProject) project = lectern_project_create (location, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Import import = { 0 };
  GThread *thread;
  gint64 kept;

  import.files = write_files (60, 8 * 1024);
  import.cancellable = cancellable;
  import.cancel_at = 30;
  thread = g_thread_new ("import", import_thread, &import);
  g_thread_join (thread);
  g_assert_error (import.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&import.error);

  kept = raw_int (location, "SELECT count(*) FROM documents");
  g_assert_cmpint (kept, >=, 30);
  g_assert_cmpint (kept, <=, 31);
  g_assert_cmpint (raw_int (location, "SELECT count(*) FROM documents d WHERE NOT EXISTS"
                                     " (SELECT 1 FROM document_originals o WHERE o.document_id = d.id)"), ==, 0);
  g_assert_cmpint (raw_int (location, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'zebulon'"),
                   ==, kept);

  g_assert_true (lectern_project_update_fingerprints (project, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (location, "SELECT count(*) FROM documents d WHERE NOT EXISTS"
                                     " (SELECT 1 FROM fingerprints f WHERE f.document_id = d.id)"), ==, 0);
  g_assert_cmpint (raw_int (location, "SELECT count(*) FROM meta WHERE key = 'fingerprints-writing'"), ==, 0);
  g_ptr_array_unref (import.files);
}

/* A fingerprint chunk is written in several transactions; a writer killed
 * between two leaves a note, and the next update writes the documents of
 * that chunk again, whole, instead of keeping the half they got. */
static void
test_interrupted_fingerprints_repaired (void)
{
  g_autoptr(GFile) location = project_file ();
  g_autoptr(LecternProject) project = lectern_project_create (location, NULL);
  g_autoptr(GPtrArray) files = write_files (10, 8 * 1024);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  gint64 whole;

  results = lectern_importer_import_files (project, (GFile **) files->pdata, files->len, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  whole = raw_int (location, "SELECT count(*) FROM fingerprints");
  g_assert_cmpint (whole, >, 100);

  /* What a killed writer leaves: half the rows of documents 3 to 6, and
   * its note (a process id that is not running). */
  raw_exec (location, "DELETE FROM fingerprints WHERE document_id BETWEEN 3 AND 6 AND hash % 2 = 0;"
                      "INSERT INTO meta (key, value) VALUES ('fingerprints-writing', '3 6 2147483646');");
  g_assert_cmpint (raw_int (location, "SELECT count(*) FROM fingerprints"), <, whole);

  /* Another connection, as the app's next comparison would be. */
  {
    g_autoptr(LecternProject) other = lectern_project_open (location, &error);

    g_assert_no_error (error);
    g_assert_true (lectern_project_update_fingerprints (other, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (raw_int (location, "SELECT count(*) FROM fingerprints"), ==, whole);
  g_assert_cmpint (raw_int (location, "SELECT count(*) FROM meta WHERE key = 'fingerprints-writing'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/ImportConcurrent/edit-during-import", test_edit_during_import);
  g_test_add_func ("/Lectern/ImportConcurrent/cancel-keeps-whole-documents", test_cancel_keeps_whole_documents);
  g_test_add_func ("/Lectern/ImportConcurrent/interrupted-fingerprints-repaired",
                   test_interrupted_fingerprints_repaired);

  return g_test_run ();
}
