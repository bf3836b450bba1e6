/* test-importer.c — plain-text files into a Lectern project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "lectern-import.h"

#include "lectern-test-sqlite.h"

static const char english[] =
  "Harbour council backs the new budget\n"
  "Portsmouth, 12 November 2021\n"
  "The harbour council met on Thursday to discuss the new budget. Members said that the plan, "
  "which had been delayed for months, would finally allow the town to repair the old quay.\n";

static const char french[] =
  "Le conseil du port adopte le budget\r\n"
  "Brest, 26 octobre 2025\r\n"
  "Le conseil du port s’est réuni jeudi pour discuter du nouveau budget. Les membres ont "
  "déclaré que le projet permettrait enfin à la ville de réparer le vieux quai : « enfin ».\r\n";

static GFile *
write_file (const char *name,
            const char *data,
            gssize      len)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GFile *
write_windows_1252 (const char *name,
                    const char *utf8)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize len = 0;

  bytes = g_convert (utf8, -1, "WINDOWS-1252", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);

  return write_file (name, bytes, len);
}

static GFile *
project_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "test.lectern", NULL);

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  return g_file_new_for_path (path);
}

static LecternProject *
create_project (void)
{
  g_autoptr(GFile) file = project_file ();
  g_autoptr(GError) error = NULL;
  LecternProject *project;

  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static guint
count_documents (LecternProject *project)
{
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GError) error = NULL;

  documents = lectern_project_list_documents (project, &error);
  g_assert_no_error (error);

  return g_list_model_get_n_items (documents);
}

static LecternImportResult *
get_result (GListModel *results,
            guint       position)
{
  LecternImportResult *result = g_list_model_get_item (results, position);

  /* Borrowed: the model keeps it alive. */
  g_object_unref (result);
  return result;
}

static void
assert_refused (LecternImportResult *result,
                const char          *name,
                GQuark               domain,
                int                  code)
{
  const GError *error = lectern_import_result_get_error (result);

  g_assert_cmpstr (lectern_import_result_get_display_name (result), ==, name);
  g_assert_false (lectern_import_result_get_succeeded (result));
  g_assert_error ((GError *) error, domain, code);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_cmpint (lectern_import_result_get_document_id (result), ==, 0);
  g_assert_null (lectern_import_result_get_document (result));
}

static void
test_read_file (void)
{
  g_autoptr(GFile) file = write_windows_1252 ("conseil.txt", french);
  g_autoptr(GFile) numbers = write_file ("numbers.txt", "12 34\n56 78\n", -1);
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_user_data_dir ());
  g_autoptr(LecternDocument) document = NULL;
  g_autoptr(LecternDocument) untitled = NULL;
  g_autoptr(LecternDocument) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;

  document = lectern_importer_read_file (file, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (french, "\r\n", -1);
  expected = g_strjoinv ("\n", lines);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpint (lectern_document_get_id (document), ==, 0);
  g_assert_cmpstr (lectern_document_get_title (document), ==, "Le conseil du port adopte le budget");
  g_assert_cmpstr (lectern_document_get_language (document), ==, "fr");
  g_assert_cmpstr (lectern_document_get_date (document), ==, "2025-10-26");
  g_assert_cmpstr (lectern_document_get_original_name (document), ==, "conseil.txt");
  g_assert_cmpstr (lectern_document_get_encoding (document), ==, "WINDOWS-1252");

  /* No line worth a title: the file name stands in. */
  untitled = lectern_importer_read_file (numbers, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_document_get_title (untitled), ==, "numbers");

  none = lectern_importer_read_file (folder, NULL, NULL, &error);
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ);
  g_assert_null (none);
}

static void
test_endless_file (void)
{
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(LecternDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No /dev/zero here");
      return;
    }

  /* A device that never ends is refused by its type, before any read. */
  document = lectern_importer_read_file (zero, NULL, NULL, &error);
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "zero"));
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_assert_null (document);
}

static void
test_fifo (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "pipe.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LecternDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  g_assert_no_errno (mkfifo (path, 0600));

  /* No writer ever opens the pipe: opening it would block for ever. */
  document = lectern_importer_read_file (file, NULL, NULL, &error);
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "pipe.txt"));
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_assert_null (document);
}

/* The project itself, or its log, dropped on the window by mistake: read,
 * then closed, it would drop the open connection's locks. */
static void
test_open_project_refused (void)
{
  g_autoptr(GFile) file = project_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = lectern_project_create (file, &error);
  g_autofree char *wal_path = g_strconcat (g_file_peek_path (file), "-wal", NULL);
  g_autoptr(GFile) wal = g_file_new_for_path (wal_path);
  const char *names[] = { "test.lectern", "test.lectern-wal" };
  GFile *files[] = { file, wal };

  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (wal, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(LecternDocument) document = lectern_importer_read_file (files[i], NULL, NULL, &error);

      g_assert_null (document);
      g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_BINARY);
      g_assert_nonnull (strstr (error->message, names[i]));
      g_assert_nonnull (strstr (error->message, "open Lectern project"));
      g_clear_error (&error);
    }
}

static void
test_several_files (void)
{
  g_autoptr(LecternProject) project = create_project ();
  g_autoptr(GFile) good = write_file ("harbour.txt", english, -1);
  g_autoptr(GFile) png = write_file ("chart.png", "\x89PNG\r\n\x1a\nIHDR", 12);
  g_autoptr(GFile) legacy = write_windows_1252 ("conseil.txt", french);
  g_autoptr(GFile) empty = write_file ("empty.txt", "", 0);
  g_autoptr(GFile) missing = g_file_new_build_filename (g_get_user_data_dir (), "missing.txt", NULL);
  g_autoptr(GFile) copy = write_file ("harbour-copy.txt", english, -1);
  GFile *files[] = { good, png, legacy, empty, missing, copy };
  g_autoptr(GListModel) results = NULL;
  g_autoptr(LecternDocument) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LecternImportResult *result;
  gint64 id;

  results = lectern_importer_import_files (project, files, G_N_ELEMENTS (files), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, G_N_ELEMENTS (files));

  /* One result per file, in order; the bad ones did not stop the others. */
  result = get_result (results, 0);
  g_assert_true (lectern_import_result_get_succeeded (result));
  g_assert_true (lectern_import_result_get_file (result) == good);
  g_assert_cmpint (lectern_import_result_get_document_id (result), >, 0);
  g_assert_cmpstr (lectern_import_result_get_title (result), ==, "Harbour council backs the new budget");
  g_assert_cmpstr (lectern_import_result_get_encoding (result), ==, "UTF-8");
  g_assert_null (lectern_import_result_get_error (result));

  assert_refused (get_result (results, 1), "chart.png", LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_BINARY);

  result = get_result (results, 2);
  g_assert_true (lectern_import_result_get_succeeded (result));
  g_assert_cmpstr (lectern_import_result_get_encoding (result), ==, "WINDOWS-1252");
  id = lectern_import_result_get_document_id (result);

  assert_refused (get_result (results, 3), "empty.txt", LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY);
  assert_refused (get_result (results, 4), "missing.txt", LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ);
  assert_refused (get_result (results, 5), "harbour-copy.txt", LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DUPLICATE);

  /* Refused files left no trace. */
  g_assert_cmpuint (count_documents (project), ==, 2);

  /* What the corpus holds: metadata and the stored text. */
  stored = lectern_project_dup_document (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_document_get_title (stored), ==, "Le conseil du port adopte le budget");
  g_assert_cmpstr (lectern_document_get_language (stored), ==, "fr");
  g_assert_cmpstr (lectern_document_get_date (stored), ==, "2025-10-26");
  g_assert_cmpstr (lectern_document_get_original_name (stored), ==, "conseil.txt");
  g_assert_cmpstr (lectern_document_get_encoding (stored), ==, "WINDOWS-1252");
  text = lectern_project_dup_text (project, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "Le conseil du port adopte le budget\nBrest"));
  g_assert_null (strchr (text, '\r'));
  g_assert_nonnull (strstr (text, "« enfin »"));
}

/* A folder becomes the documents it holds, in a file manager's order;
 * a subfolder's too; a saved web page's assets are not looked at. */
static void
test_folder (void)
{
  g_autoptr(LecternProject) project = create_project ();
  g_autofree char *root = g_build_filename (g_get_user_data_dir (), "dropped", NULL);
  g_autofree char *sub = g_build_filename (root, "interviews", NULL);
  g_autofree char *assets = g_build_filename (root, "page_files", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (root);
  g_autoptr(GFile) after = write_file ("after.txt", "A file given after the folder.\n", -1);
  GFile *files[2] = { folder, after };
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "2.txt", "10.txt", "one.txt", "page.html", "after.txt" };

  g_assert_no_errno (g_mkdir_with_parents (sub, 0700));
  g_assert_no_errno (g_mkdir_with_parents (assets, 0700));
  g_object_unref (write_file ("dropped/10.txt", "The tenth file of the folder.\n", -1));
  g_object_unref (write_file ("dropped/2.txt", "The second file of the folder.\n", -1));
  g_object_unref (write_file ("dropped/.notes.txt", "Hidden, never imported.\n", -1));
  g_object_unref (write_file ("dropped/interviews/one.txt", "An interview in a subfolder.\n", -1));
  g_object_unref (write_file ("dropped/page.html",
                              "<html><head><title>Saved page</title></head><body><article><h1>Saved page</h1>"
                              "<p>The article of a page saved with its folder, long enough to read.</p>"
                              "</article></body></html>", -1));
  g_object_unref (write_file ("dropped/page_files/script.txt", "Part of the saved page.\n", -1));

  results = lectern_importer_import_files (project, files, 2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      LecternImportResult *result = get_result (results, i);
      g_autofree char *name = g_file_get_basename (lectern_import_result_get_file (result));

      g_assert_cmpstr (name, ==, expected[i]);
    }
}

/* A file that is UTF-8 but for three stray bytes: imported with the
 * right characters, the count kept with the document and told. */
static void
test_damaged_bytes (void)
{
  static const char data[] =
    "Le traité — signé à Paris — fut publié l’été suivant.\n"
    "Une copie abîmée : caf\xe9 noir, l\x92" "auteur, et \x92 fin.\n";
  g_autoptr(LecternProject) project = create_project ();
  g_autoptr(GFile) mixed = write_file ("mixed.txt", data, sizeof data - 1);
  g_autoptr(GFile) clean = write_file ("harbour.txt", english, -1);
  GFile *files[] = { mixed, clean };
  g_autoptr(GListModel) results = NULL;
  g_autoptr(LecternDocument) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *clean_notice = NULL;
  LecternImportResult *result;

  results = lectern_importer_import_files (project, files, G_N_ELEMENTS (files), NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  result = get_result (results, 0);
  g_assert_true (lectern_import_result_get_succeeded (result));
  g_assert_cmpstr (lectern_import_result_get_encoding (result), ==, "UTF-8");
  g_assert_cmpuint (lectern_import_result_get_replaced_bytes (result), ==, 3);
  notice = lectern_import_result_dup_notice (result);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "mixed.txt"));
  g_assert_nonnull (strstr (notice, "3"));

  stored = lectern_project_dup_document (project, lectern_import_result_get_document_id (result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_document_get_variable (stored, LECTERN_IMPORTER_REPLACED_BYTES), ==, "3");
  text = lectern_project_dup_text (project, lectern_document_get_id (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "Le traité — signé à Paris — fut publié l’été suivant.\n"
                   "Une copie abîmée : caf\uFFFD noir, l\uFFFDauteur, et \uFFFD fin.\n");

  /* A clean file has nothing to tell. */
  result = get_result (results, 1);
  g_assert_cmpuint (lectern_import_result_get_replaced_bytes (result), ==, 0);
  clean_notice = lectern_import_result_dup_notice (result);
  g_assert_null (clean_notice);
  g_assert_null (lectern_document_get_variable (lectern_import_result_get_document (result),
                                                LECTERN_IMPORTER_REPLACED_BYTES));
}

/* What another connection sees in @project. */
static gint64
raw_int (GFile      *location,
         const char *sql)
{
  g_autofree char *path = g_file_get_path (location);

  return lectern_test_raw_int (path, sql);
}

/* Files are committed in batches and their fingerprints written at the
 * end (issue #6): when the import returns, every reported document is
 * committed (another connection sees it) and has its fingerprints. */
static void
test_committed_and_fingerprinted (void)
{
  g_autoptr(LecternProject) project = create_project ();
  g_autoptr(GFile) location = project_file ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(LecternProject) other = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("note%02u.txt", i);
      g_autofree char *text = g_strdup_printf ("Note %u\nThe delegation met the minister on day %u and "
                                               "discussed the border, the harbour and the budget.\n", i, i);

      g_ptr_array_add (files, write_file (name, text, -1));
    }

  results = lectern_importer_import_files (project, (GFile **) files->pdata, files->len, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, files->len);

  other = lectern_project_open (location, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < files->len; i++)
    {
      LecternImportResult *result = get_result (results, i);
      g_autoptr(LecternDocument) seen = NULL;

      g_assert_true (lectern_import_result_get_succeeded (result));
      seen = lectern_project_dup_document (other, lectern_import_result_get_document_id (result), &error);
      g_assert_no_error (error);
      g_assert_nonnull (seen);
    }

  g_assert_cmpint (raw_int (location, "SELECT count(*) FROM documents"), ==, files->len);
  g_assert_cmpint (raw_int (location, "SELECT count(*) FROM documents d WHERE NOT EXISTS"
                                     " (SELECT 1 FROM fingerprints f WHERE f.document_id = d.id)"), ==, 0);
}

typedef struct
{
  GCancellable *cancellable;
  GThread      *thread;
  guint         calls;
  guint         last_done;
  guint         last_total;
  gboolean      saw_end;
  guint         cancel_at;
  GListModel   *results;
  GError       *error;
  gboolean      finished;
} Progress;

static void
record_progress (guint       done,
                 guint       total,
                 const char *current_name,
                 gpointer    data)
{
  Progress *progress = data;

  /* Always on the caller's thread, never after the result. */
  g_assert_true (g_thread_self () == progress->thread);
  g_assert_false (progress->finished);
  g_assert_cmpuint (done, <=, total);
  g_assert_true ((done == total) == (current_name == NULL));

  progress->calls++;
  progress->last_done = done;
  progress->last_total = total;
  progress->saw_end |= current_name == NULL;

  if (progress->cancellable != NULL && done == progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_cancel (void)
{
  g_autoptr(LecternProject) project = create_project ();
  g_autoptr(GFile) one = write_file ("one.txt", english, -1);
  g_autoptr(GFile) two = write_windows_1252 ("two.txt", french);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GFile *files[] = { one, two };
  Progress progress = { cancellable, g_thread_self (), .cancel_at = 1 };
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled after the first file: it stays, the second never starts. */
  results = lectern_importer_import_files (project, files, 2, record_progress, &progress, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (results);
  g_assert_cmpuint (progress.calls, ==, 2);
  g_assert_cmpuint (count_documents (project), ==, 1);
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Progress *progress = data;

  g_assert_true (g_thread_self () == progress->thread);
  progress->results = lectern_importer_import_files_finish (result, &progress->error);
  progress->finished = TRUE;
}

static void
test_async (void)
{
  g_autoptr(LecternProject) project = create_project ();
  g_autoptr(GFile) location = project_file ();
  g_autoptr(GFile) one = write_file ("one.txt", english, -1);
  g_autoptr(GFile) bad = write_file ("bad.txt", "\xff\xd8\xff\xe0 JFIF", 9);
  g_autoptr(GFile) two = write_windows_1252 ("two.txt", french);
  GFile *files[] = { one, bad, two };
  Progress progress = { NULL, g_thread_self () };
  LecternImportResult *result;

  lectern_importer_import_files_async (location, files, G_N_ELEMENTS (files),
                                       record_progress, &progress, NULL, import_done, &progress);
  /* Nobody iterates the context for a while: progress must wait for it,
   * not run in the worker. */
  g_usleep (G_USEC_PER_SEC / 5);
  g_assert_cmpuint (progress.calls, ==, 0);
  while (!progress.finished)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (progress.error);
  g_assert_nonnull (progress.results);
  g_assert_cmpuint (g_list_model_get_n_items (progress.results), ==, 3);
  result = get_result (progress.results, 1);
  assert_refused (result, "bad.txt", LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_BINARY);
  result = get_result (progress.results, 2);
  g_assert_cmpstr (lectern_import_result_get_title (result), ==, "Le conseil du port adopte le budget");

  /* Progress before each file and at the end, all of it delivered. */
  g_assert_cmpuint (progress.calls, ==, 4);
  g_assert_true (progress.saw_end);
  g_assert_cmpuint (progress.last_done, ==, 3);
  g_assert_cmpuint (progress.last_total, ==, 3);

  /* The worker wrote through its own connection; this one sees it. */
  lectern_project_refresh (project);
  g_assert_cmpuint (count_documents (project), ==, 2);

  /* Nothing is left queued on the context. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&progress.results);
}

static void
test_async_cancelled (void)
{
  g_autoptr(LecternProject) project = create_project ();
  g_autoptr(GFile) location = project_file ();
  g_autoptr(GFile) one = write_file ("one.txt", english, -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GFile *files[] = { one };
  Progress progress = { NULL, g_thread_self () };

  g_cancellable_cancel (cancellable);
  lectern_importer_import_files_async (location, files, 1, record_progress, &progress,
                                       cancellable, import_done, &progress);
  while (!progress.finished)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (progress.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (progress.results);
  g_assert_cmpuint (progress.calls, ==, 0);
  lectern_project_refresh (project);
  g_assert_cmpuint (count_documents (project), ==, 0);
  g_clear_error (&progress.error);
}

static void
test_async_cancel_while_running (void)
{
  g_autoptr(LecternProject) project = create_project ();
  g_autoptr(GFile) location = project_file ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { cancellable, g_thread_self (), .cancel_at = 0 };

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%02u.txt", i);
      g_autofree char *text = g_strdup_printf ("Report number %u\n%s", i, english);

      g_ptr_array_add (files, write_file (name, text, -1));
    }

  /* Cancelled from the caller's context while the worker runs: however
   * far it got, the caller hears "cancelled", and the project is sound. */
  lectern_importer_import_files_async (location, (GFile **) files->pdata, files->len,
                                       record_progress, &progress, cancellable, import_done, &progress);
  while (!progress.finished)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (progress.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (progress.results);
  g_clear_error (&progress.error);

  lectern_project_refresh (project);
  g_assert_cmpuint (count_documents (project), <=, files->len);
  g_assert_true (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_async_not_a_project (void)
{
  g_autoptr(GFile) location = write_file ("notes.lectern", "not a project\n", -1);
  g_autoptr(GFile) one = write_file ("one.txt", english, -1);
  GFile *files[] = { one };
  Progress progress = { NULL, g_thread_self () };
  g_autofree char *contents = NULL;

  lectern_importer_import_files_async (location, files, 1, NULL, NULL, NULL, import_done, &progress);
  while (!progress.finished)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (progress.error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_A_PROJECT);
  g_assert_null (progress.results);
  g_clear_error (&progress.error);

  /* Left as it was. */
  g_assert_true (g_file_load_contents (location, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not a project\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Importer/read-file", test_read_file);
  g_test_add_func ("/Lectern/Importer/endless-file", test_endless_file);
  g_test_add_func ("/Lectern/Importer/open-project-refused", test_open_project_refused);
  g_test_add_func ("/Lectern/Importer/fifo", test_fifo);
  g_test_add_func ("/Lectern/Importer/several-files", test_several_files);
  g_test_add_func ("/Lectern/Importer/folder", test_folder);
  g_test_add_func ("/Lectern/Importer/damaged-bytes", test_damaged_bytes);
  g_test_add_func ("/Lectern/Importer/committed-and-fingerprinted", test_committed_and_fingerprinted);
  g_test_add_func ("/Lectern/Importer/cancel", test_cancel);
  g_test_add_func ("/Lectern/Importer/async", test_async);
  g_test_add_func ("/Lectern/Importer/async-cancelled", test_async_cancelled);
  g_test_add_func ("/Lectern/Importer/async-cancel-while-running", test_async_cancel_while_running);
  g_test_add_func ("/Lectern/Importer/async-not-a-project", test_async_not_a_project);

  return g_test_run ();
}
