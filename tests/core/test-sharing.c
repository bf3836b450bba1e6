/* test-sharing.c — one project, several connections and processes.
 *
 * The promise under test: whatever opens the project beside a connection
 * (a second connection in the same process, as every background job makes;
 * another process, as lectern-cli is), every commit of that connection is
 * in the file and survives a SIGKILL of its process.
 *
 * The program is also its own helper processes, chosen by environment:
 *   LECTERN_TEST_HOLDER=PATH  open PATH, open and close it a second time,
 *                             print "ready"; on "write" add the tag "Saved",
 *                             print "saved"; exit at the end of input
 *   LECTERN_TEST_PEEK=PATH    open PATH, list its tags, close it, exit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lectern-core.h"

#define HOLDER_ENV "LECTERN_TEST_HOLDER"
#define PEEK_ENV "LECTERN_TEST_PEEK"

static const char *self_exe;

static LecternProject *
open_or_die (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LecternProject *project = lectern_project_open (file, &error);

  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      exit (2);
    }
  return project;
}

static int
run_holder (const char *path)
{
  g_autoptr(LecternProject) project = open_or_die (path);
  g_autoptr(GError) error = NULL;
  char line[64];

  /* What every background job does: a second connection, then closed. */
  g_object_unref (open_or_die (path));

  printf ("ready\n");
  fflush (stdout);

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      if (strcmp (line, "write\n") == 0)
        {
          g_autoptr(LecternTag) tag = lectern_project_add_tag (project, 0, "Saved", NULL, &error);

          if (tag == NULL)
            {
              g_printerr ("%s\n", error->message);
              return 2;
            }
          printf ("saved\n");
          fflush (stdout);
        }
    }
  /* The test is killed with its connection open, while it waits for a
   * line; an end of input means the test itself went away. */
  return 0;
}

static int
run_peek (const char *path)
{
  g_autoptr(LecternProject) project = open_or_die (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tags = lectern_project_list_tags (project, &error);

  return tags != NULL ? 0 : 2;
}

static char *
make_project (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;

  /* The test's own folder, removed after it (ISOLATE_DIRS). */
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  file = g_file_new_for_path (path);
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return g_steal_pointer (&path);
}

static char *
read_line (GDataInputStream *out)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (line);
  return line;
}

/* How many of @pid's descriptors point at a deleted "-wal" of @path. */
static guint
count_deleted_logs (const char *pid,
                    const char *path)
{
  g_autofree char *fd_path = g_build_filename ("/proc", pid, "fd", NULL);
  g_autofree char *real = realpath (path, NULL);
  g_autofree char *deleted = g_strconcat (real, "-wal (deleted)", NULL);
  g_autoptr(GDir) fds = g_dir_open (fd_path, 0, NULL);
  const char *fd;
  guint n = 0;

  if (fds == NULL)
    return 0;
  while ((fd = g_dir_read_name (fds)) != NULL)
    {
      g_autofree char *link = g_build_filename (fd_path, fd, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);

      n += g_strcmp0 (target, deleted) == 0;
    }
  return n;
}

static GSubprocess *
spawn_self (const char        *env,
            const char        *path,
            GSubprocessFlags   flags)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GError) error = NULL;
  GSubprocess *child;

  g_subprocess_launcher_setenv (launcher, env, path, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self_exe, NULL);
  g_assert_no_error (error);
  return child;
}

/* The regression of issue #17: a second open and close in one process,
 * another process's open and close, a write, a SIGKILL: the write is
 * there, and `check` never saw a deleted log. */
static void
test_second_open_keeps_locks (void)
{
  g_autofree char *path = make_project ("shared.lectern");
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GSubprocess) peek = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) after = NULL;
  g_autoptr(LecternTag) saved = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *line = NULL;
  GOutputStream *in;
  const char *pid;

  holder = spawn_self (HOLDER_ENV, path, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  pid = g_subprocess_get_identifier (holder);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  in = g_subprocess_get_stdin_pipe (holder);

  line = read_line (out);
  g_assert_cmpstr (line, ==, "ready");
  g_clear_pointer (&line, g_free);

  /* Another process opens and closes the project: with the holder's
   * locks gone it would believe itself the last and delete the log. */
  peek = spawn_self (PEEK_ENV, path, G_SUBPROCESS_FLAGS_NONE);
  g_assert_true (g_subprocess_wait_check (peek, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_output_stream_write_all (in, "write\n", 6, NULL, NULL, &error));
  g_assert_no_error (error);
  line = read_line (out);
  g_assert_cmpstr (line, ==, "saved");

  g_assert_cmpuint (count_deleted_logs (pid, path), ==, 0);

  /* What check says while the holder still runs. */
  after = open_or_die (path);
  g_assert_true (lectern_project_check (after, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_object (&after);

  g_subprocess_send_signal (holder, SIGKILL);
  g_subprocess_wait (holder, NULL, NULL);

  after = open_or_die (path);
  saved = lectern_project_find_tag (after, "Saved", &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
}

/* `check` names a process that writes into a deleted log: made here by
 * deleting the log under a holder, as a careless process would. */
static void
test_check_names_deleted_log (void)
{
  g_autofree char *path = make_project ("deleted-log.lectern");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) checker = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *line = NULL;
  g_autofree char *expected = NULL;
  GOutputStream *in;

  holder = spawn_self (HOLDER_ENV, path, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  in = g_subprocess_get_stdin_pipe (holder);
  line = read_line (out);
  g_assert_cmpstr (line, ==, "ready");
  g_clear_pointer (&line, g_free);
  g_assert_true (g_output_stream_write_all (in, "write\n", 6, NULL, NULL, &error));
  line = read_line (out);
  g_assert_cmpstr (line, ==, "saved");

  g_assert_cmpint (g_unlink (wal), ==, 0);
  g_unlink (shm);
  g_assert_cmpuint (count_deleted_logs (g_subprocess_get_identifier (holder), path), ==, 1);

  checker = open_or_die (path);
  g_assert_false (lectern_project_check (checker, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  expected = g_strdup_printf ("Process %s (", g_subprocess_get_identifier (holder));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), expected));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "deleted write-ahead log"));

  g_subprocess_send_signal (holder, SIGKILL);
  g_subprocess_wait (holder, NULL, NULL);
}

/* Readers of outside files ask before they open one. */
static void
test_file_in_use (void)
{
  g_autofree char *path = make_project ("in-use.lectern");
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm_path = g_strconcat (path, "-shm", NULL);
  g_autofree char *link_path = g_build_filename (g_get_user_data_dir (), "link.lectern", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) wal = g_file_new_for_path (wal_path);
  g_autoptr(GFile) shm = g_file_new_for_path (shm_path);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(GFile) other = g_file_new_for_path (self_exe);
  LecternProject *project;
  LecternProject *second;

  g_assert_false (lectern_project_file_is_in_use (file));
  g_assert_cmpint (symlink (path, link_path), ==, 0);

  project = open_or_die (path);
  g_assert_true (lectern_project_file_is_in_use (file));
  g_assert_true (lectern_project_file_is_in_use (link));
  g_assert_true (lectern_project_file_is_in_use (wal));
  g_assert_true (lectern_project_file_is_in_use (shm));
  g_assert_false (lectern_project_file_is_in_use (other));

  /* Neither read as an outside file, nor written over by an export. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = lectern_input_file_load (wal, 1024 * 1024, NULL, &error);
    g_autoptr(LecternAtomicFile) atomic = NULL;

    g_assert_null (bytes);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
    g_assert_nonnull (strstr (error->message, "in-use.lectern-wal"));
    g_clear_error (&error);

    atomic = lectern_atomic_file_new (link, 0, &error);
    g_assert_null (atomic);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  }

  /* Counted per connection: the file stays in use until the last goes. */
  second = open_or_die (link_path);
  g_object_unref (project);
  g_assert_true (lectern_project_file_is_in_use (file));
  g_object_unref (second);
  g_assert_false (lectern_project_file_is_in_use (file));
}

int
main (int   argc,
      char *argv[])
{
  const char *holder = g_getenv (HOLDER_ENV);
  const char *peek = g_getenv (PEEK_ENV);

  if (holder != NULL)
    return run_holder (holder);
  if (peek != NULL)
    return run_peek (peek);

  self_exe = argv[0];
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Sharing/second-open-keeps-locks", test_second_open_keeps_locks);
  g_test_add_func ("/Lectern/Sharing/check-names-deleted-log", test_check_names_deleted_log);
  g_test_add_func ("/Lectern/Sharing/file-in-use", test_file_in_use);

  return g_test_run ();
}
