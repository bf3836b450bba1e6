/* test-job.c — the one way long work runs off the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "lectern-core.h"

static GThread *main_thread;

typedef struct
{
  guint     steps;
  gboolean  fail;
  gboolean  wait_for_cancel;
  GThread  *ran_in;
  gboolean  had_project;
  gint64    n_documents;
} Work;

typedef struct
{
  GArray   *reports;      /* guint: done */
  gboolean  called_back;
  gboolean  report_after_callback;
  gboolean  report_off_main;
  gpointer  result;
  GError   *error;
} Seen;

static gpointer
work_run (LecternJob     *job,
          LecternProject  *project,
          gpointer        data,
          GCancellable   *cancellable,
          GError        **error)
{
  Work *work = data;

  work->ran_in = g_thread_self ();
  work->had_project = project != NULL;
  if (project != NULL)
    {
      g_autoptr(GListModel) documents = lectern_project_list_documents (project, error);

      if (documents == NULL)
        return NULL;
      work->n_documents = g_list_model_get_n_items (documents);
    }

  for (guint i = 1; i <= work->steps; i++)
    {
      lectern_job_report (job, i, work->steps, "step");
      g_usleep (1000);
    }

  while (work->wait_for_cancel && !g_cancellable_is_cancelled (cancellable))
    g_usleep (1000);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (work->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the work failed");
      return NULL;
    }
  return g_strdup ("result");
}

static void
progress_cb (guint       done,
             guint       total,
             const char *what,
             gpointer    user_data)
{
  Seen *seen = user_data;

  if (seen->called_back)
    seen->report_after_callback = TRUE;
  if (g_thread_self () != main_thread)
    seen->report_off_main = TRUE;
  g_assert_cmpstr (what, ==, "step");
  g_array_append_val (seen->reports, done);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Seen *seen = user_data;

  seen->result = lectern_job_propagate (result, done_cb, &seen->error);
  seen->called_back = TRUE;
}

static void
run (GFile        *project_file,
     Work         *work,
     GCancellable *cancellable,
     Seen         *seen)
{
  g_autoptr(LecternJob) job = lectern_job_new (project_file, work_run, work, NULL, g_free);

  seen->reports = g_array_new (FALSE, FALSE, sizeof (guint));
  lectern_job_set_progress (job, progress_cb, seen);
  lectern_job_run_async (job, done_cb, cancellable, done_cb, seen);
  while (!seen->called_back)
    g_main_context_iteration (NULL, TRUE);
  /* Whatever was still queued is dropped, not delivered late. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
seen_clear (Seen *seen)
{
  g_clear_pointer (&seen->reports, g_array_unref);
  g_clear_pointer (&seen->result, g_free);
  g_clear_error (&seen->error);
  *seen = (Seen) { 0 };
}

static GFile *
make_project (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) doc = lectern_document_new ();
  GFile *file;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  file = g_file_new_for_path (path);
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  lectern_document_set_title (doc, "A text");
  lectern_project_add_document (project, doc, "A short text for a job.\n", &error);
  g_assert_no_error (error);
  return file;
}

/* Progress on the caller's context, in order, all before the callback;
 * the work in another thread, on a connection of its own. */
static void
test_progress_and_result (void)
{
  g_autoptr(GFile) project_file = make_project ("job.lectern");
  Work work = { .steps = 50 };
  Seen seen = { 0 };

  run (project_file, &work, NULL, &seen);

  g_assert_no_error (seen.error);
  g_assert_cmpstr (seen.result, ==, "result");
  g_assert_true (work.ran_in != main_thread);
  g_assert_true (work.had_project);
  g_assert_cmpint (work.n_documents, ==, 1);
  g_assert_false (seen.report_off_main);
  g_assert_false (seen.report_after_callback);
  g_assert_cmpuint (seen.reports->len, >=, 1);
  for (guint i = 0; i < seen.reports->len; i++)
    {
      g_assert_cmpuint (g_array_index (seen.reports, guint, i), >=, 1);
      if (i > 0)
        g_assert_cmpuint (g_array_index (seen.reports, guint, i), >, g_array_index (seen.reports, guint, i - 1));
    }
  seen_clear (&seen);
}

static gboolean
cancel_soon (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(GFile) project_file = make_project ("cancel.lectern");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Work work = { .wait_for_cancel = TRUE };
  Seen seen = { 0 };

  g_timeout_add (20, cancel_soon, cancellable);
  run (project_file, &work, cancellable, &seen);
  g_assert_error (seen.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (seen.result);
  seen_clear (&seen);
}

static void
test_error (void)
{
  g_autoptr(GFile) project_file = make_project ("error.lectern");
  Work work = { .steps = 3, .fail = TRUE };
  Seen seen = { 0 };

  run (project_file, &work, NULL, &seen);
  g_assert_error (seen.error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (seen.result);
  seen_clear (&seen);

  /* A project that cannot be opened fails the job with the reason. */
  {
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "missing.lectern", NULL);
    g_autoptr(GFile) missing = g_file_new_for_path (path);
    Work never = { 0 };

    run (missing, &never, NULL, &seen);
    g_assert_error (seen.error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
    g_assert_null (never.ran_in);
    seen_clear (&seen);
  }
}

/* A job without a project gets no connection. */
static void
test_no_project (void)
{
  Work work = { .steps = 2 };
  Seen seen = { 0 };

  run (NULL, &work, NULL, &seen);
  g_assert_no_error (seen.error);
  g_assert_false (work.had_project);
  g_assert_cmpstr (seen.result, ==, "result");
  seen_clear (&seen);
}

/* A worker's connection never makes the daily backup: a "where" lookup
 * must not copy the whole project. */
static void
test_worker_makes_no_backup (void)
{
  g_autoptr(GFile) project_file = make_project ("no-backup.lectern");
  g_autoptr(GFile) folder = lectern_project_dup_backup_folder (project_file);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autoptr(GDir) dir = g_dir_open (folder_path, 0, NULL);
  Work work = { .steps = 1 };
  Seen seen = { 0 };
  const char *name;

  /* No backup folder yet: a backup would make one. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder_path, name, NULL);

      g_assert_no_errno (g_unlink (path));
    }
  if (dir != NULL)
    g_assert_no_errno (g_rmdir (folder_path));
  g_assert_false (g_file_test (folder_path, G_FILE_TEST_EXISTS));

  run (project_file, &work, NULL, &seen);
  g_assert_no_error (seen.error);
  g_assert_false (g_file_test (folder_path, G_FILE_TEST_EXISTS));
  seen_clear (&seen);

  /* Opened as the app opens it, it is backed up. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LecternProject) project = lectern_project_open (project_file, &error);

    g_assert_no_error (error);
    g_assert_true (g_file_test (folder_path, G_FILE_TEST_IS_DIR));
  }
}

int
main (int   argc,
      char *argv[])
{
  main_thread = g_thread_self ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Job/progress-and-result", test_progress_and_result);
  g_test_add_func ("/Lectern/Job/cancel", test_cancel);
  g_test_add_func ("/Lectern/Job/error", test_error);
  g_test_add_func ("/Lectern/Job/no-project", test_no_project);
  g_test_add_func ("/Lectern/Job/worker-makes-no-backup", test_worker_makes_no_backup);

  return g_test_run ();
}
