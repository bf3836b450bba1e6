/* test-backups.c — an unreadable backups folder: the daily backup is
 * skipped without a word on stderr, and listing the backups reports it
 * through a GError, once, for the caller to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lectern-core.h"

static GFile *
new_project (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  file = g_file_new_for_path (path);
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return g_steal_pointer (&file);
}

/* Opens @file, which must work and print nothing, then lists its
 * backups, which must fail with a message naming the project. */
static void
open_and_list (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  project = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  /* A refresh in a long session tries the daily backup again. */
  lectern_project_refresh (project);

  backups = lectern_project_list_backups (file, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED);
  g_assert_null (backups);
  g_assert_nonnull (strstr (error->message, g_file_peek_path (file)));
}

static void
test_folder_is_a_file (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = new_project ("blocked.lectern");
      g_autoptr(GFile) folder = lectern_project_dup_backup_folder (file);

      /* Something else took the folder's name. */
      g_assert_true (g_file_set_contents (g_file_peek_path (folder), "not a folder\n", -1, NULL));
      open_and_list (file);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("");
}

static void
test_folder_unreadable (void)
{
  if (geteuid () == 0)
    {
      g_test_skip ("Root reads any folder");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = new_project ("unreadable.lectern");
      g_autoptr(GFile) folder = lectern_project_dup_backup_folder (file);

      g_assert_no_errno (g_mkdir (g_file_peek_path (folder), 0000));
      open_and_list (file);
      g_assert_no_errno (g_chmod (g_file_peek_path (folder), 0700));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

/* Backs @project up to @dest with files limited to @limit bytes (0: no
 * limit), SIGXFSZ ignored as it must be for the write to fail. */
static gboolean
backup_limited (LecternProject  *project,
                GFile          *dest,
                rlim_t          limit,
                GError        **error)
{
  struct rlimit saved, limited;
  void (*previous) (int) = signal (SIGXFSZ, SIG_IGN);
  gboolean ok;

  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &saved));
  limited = saved;
  if (limit > 0)
    {
      limited.rlim_cur = limit;
      g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limited));
    }
  ok = lectern_project_backup (project, dest, error);
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &saved));
  signal (SIGXFSZ, previous);
  return ok;
}

/* A backup is written whole or not at all, under a temporary name of its
 * own: a failed one leaves nothing, an older copy stays as it was, and a
 * file of the user's that happens to be called NAME.part is not touched. */
static void
test_whole_or_nothing (void)
{
  g_autoptr(GFile) file = new_project ("whole.lectern");
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "copies", NULL);
  g_autofree char *path = g_build_filename (dir, "copy.lectern", NULL);
  g_autofree char *part = g_build_filename (dir, "copy.lectern.part", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternProject) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;

  project = lectern_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_assert_true (g_file_set_contents (part, "mine", -1, NULL));

  /* Past a file-size limit: an error naming the copy, and no file. */
  g_assert_false (backup_limited (project, dest, 4096, &error));
  g_assert_true (error->domain == LECTERN_PROJECT_ERROR);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_cmpstr ((listing = list_folder (dir)), ==, "copy.lectern.part");
  g_clear_pointer (&listing, g_free);

  /* Over an older copy: the older copy stays. */
  g_assert_true (g_file_set_contents (path, "OLD", -1, NULL));
  g_assert_false (backup_limited (project, dest, 4096, &error));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "OLD");
  g_clear_pointer (&contents, g_free);
  g_assert_cmpstr ((listing = list_folder (dir)), ==, "copy.lectern,copy.lectern.part");
  g_clear_pointer (&listing, g_free);

  /* A good backup: the copy, nothing beside it, and it opens. */
  g_assert_true (backup_limited (project, dest, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr ((listing = list_folder (dir)), ==, "copy.lectern,copy.lectern.part");
  g_assert_true (g_file_get_contents (part, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "mine");
  copy = lectern_project_open (dest, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Backups/folder-is-a-file", test_folder_is_a_file);
  g_test_add_func ("/Lectern/Backups/folder-unreadable", test_folder_unreadable);
  g_test_add_func ("/Lectern/Backups/whole-or-nothing", test_whole_or_nothing);

  return g_test_run ();
}
