/* test-import-sources.c — folders given to an import become the documents
 * they hold, in a file manager's order, without hidden files, a saved web
 * page's assets, links or special files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lectern-import.h"

/* Removes @path and all below it, without following links. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
touch (const char *root,
       const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_file_set_contents (path, "text\n", -1, &error);
  g_assert_no_error (error);
}

/* The sources' paths relative to @root, "|"-separated; a refused one
 * as "!NAME". */
static char *
describe (GPtrArray  *sources,
          const char *root)
{
  g_autoptr(GFile) base = g_file_new_for_path (root);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    {
      LecternImportSource *source = g_ptr_array_index (sources, i);
      g_autofree char *relative = g_file_get_relative_path (base, source->file);

      g_string_append_printf (out, "%s%s%s", i ? "|" : "", source->error ? "!" : "",
                              relative ? relative : "?");
    }
  return g_string_free (out, FALSE);
}

static void
test_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("lectern-sources-XXXXXX", &error);
  g_autofree char *fifo = NULL;
  g_autofree char *link = NULL;
  g_autofree char *outside = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *got = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) single = NULL;
  GFile *inputs[2];

  g_assert_no_error (error);
  touch (root, "in/10.txt");
  touch (root, "in/2.txt");
  touch (root, "in/.hidden.txt");
  touch (root, "in/.git/config");
  touch (root, "in/~$draft.docx");
  touch (root, "in/sub/notes.md");
  touch (root, "in/page.html");
  touch (root, "in/page_files/picture.png");
  touch (root, "in/other_files/kept.txt");
  touch (root, "alone.txt");
  touch (root, "elsewhere/secret.txt");
  fifo = g_build_filename (root, "in", "pipe", NULL);
  g_assert_no_errno (mkfifo (fifo, 0600));
  link = g_build_filename (root, "in", "link", NULL);
  outside = g_build_filename (root, "elsewhere", NULL);
  g_assert_no_errno (symlink (outside, link));

  folder = g_file_new_build_filename (root, "in", NULL);
  single = g_file_new_build_filename (root, "alone.txt", NULL);
  inputs[0] = folder;
  inputs[1] = single;
  sources = lectern_import_sources_expand (inputs, 2, NULL, &error);
  g_assert_no_error (error);
  got = describe (sources, root);
  g_assert_cmpstr (got, ==, "in/2.txt|in/10.txt|in/other_files/kept.txt|in/page.html|in/sub/notes.md|alone.txt");
  remove_tree (root);
}

static void
test_too_deep (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("lectern-sources-XXXXXX", &error);
  g_autoptr(GString) deep = g_string_new ("top");
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GFile) top = NULL;
  g_autoptr(GFile) other = NULL;
  LecternImportSource *source;
  GFile *inputs[2];

  g_assert_no_error (error);
  for (guint i = 0; i <= LECTERN_IMPORT_SOURCES_MAX_DEPTH + 1; i++)
    g_string_append (deep, "/d");
  g_string_append (deep, "/file.txt");
  touch (root, deep->str);
  touch (root, "fine/a.txt");

  top = g_file_new_build_filename (root, "top", NULL);
  other = g_file_new_build_filename (root, "fine", NULL);
  inputs[0] = top;
  inputs[1] = other;
  sources = lectern_import_sources_expand (inputs, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 2);
  source = g_ptr_array_index (sources, 0);
  g_assert_true (g_file_equal (source->file, top));
  g_assert_error (source->error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (source->error->message, "top"));
  source = g_ptr_array_index (sources, 1);
  g_assert_null (source->error);
  remove_tree (root);
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("lectern-sources-XXXXXX", &error);
  g_autoptr(GFile) folder = NULL;
  GPtrArray *sources;

  g_assert_no_error (error);
  touch (root, "in/a.txt");
  folder = g_file_new_build_filename (root, "in", NULL);
  g_cancellable_cancel (cancellable);
  sources = lectern_import_sources_expand (&folder, 1, cancellable, &error);
  g_assert_null (sources);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-sources/folder", test_folder);
  g_test_add_func ("/import-sources/too-deep", test_too_deep);
  g_test_add_func ("/import-sources/cancelled", test_cancelled);

  return g_test_run ();
}
