/* test-backups.c — an unreadable backups folder: the daily backup is
 * skipped without a word on stderr, and listing the backups reports it
 * through a GError, once, for the caller to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lectern-core.h"

static GFile *
new_project (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCorpus) corpus = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  file = g_file_new_for_path (path);
  corpus = lectern_corpus_create (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  return g_steal_pointer (&file);
}

/* Opens @file, which must work and print nothing, then lists its
 * backups, which must fail with a message naming the project. */
static void
open_and_list (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCorpus) corpus = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  corpus = lectern_corpus_open (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  /* A refresh in a long session tries the daily backup again. */
  lectern_corpus_refresh (corpus);

  backups = lectern_corpus_list_backups (file, &error);
  g_assert_error (error, LECTERN_CORPUS_ERROR, LECTERN_CORPUS_ERROR_FAILED);
  g_assert_null (backups);
  g_assert_nonnull (strstr (error->message, g_file_peek_path (file)));
}

static void
test_folder_is_a_file (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = new_project ("blocked.lectern");
      g_autoptr(GFile) folder = lectern_corpus_dup_backup_folder (file);

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
      g_autoptr(GFile) folder = lectern_corpus_dup_backup_folder (file);

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Backups/folder-is-a-file", test_folder_is_a_file);
  g_test_add_func ("/Lectern/Backups/folder-unreadable", test_folder_unreadable);

  return g_test_run ();
}
