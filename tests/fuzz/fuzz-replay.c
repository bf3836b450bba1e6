/* fuzz-replay.c — runs a libFuzzer target over files, in the normal build.
 *
 * Every seed and every crasher kept in tests/fuzz/regressions/<target>/ is
 * fed to the target's LLVMFuzzerTestOneInput, so an input that once
 * crashed stays a test after it is fixed. Arguments are files or folders;
 * a folder that does not exist is skipped (a target may have no crashers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static guint n_inputs;

static void
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  guint8 *copy;

  if (!g_file_get_contents (path, &contents, &len, &error))
    g_error ("%s", error->message);

  /* An exact-size heap copy, so AddressSanitizer sees reads past the end;
   * never NULL, as libFuzzer never passes NULL, even for empty input. */
  copy = g_malloc (MAX (len, 1));
  memcpy (copy, contents, len);
  g_print ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, len);
  LLVMFuzzerTestOneInput (copy, len);
  g_free (copy);
  n_inputs++;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
replay_dir (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && g_strcmp0 (name, "README.md") != 0)
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    replay_file (g_ptr_array_index (names, i));
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        replay_dir (argv[i]);
      else if (g_file_test (argv[i], G_FILE_TEST_EXISTS))
        replay_file (argv[i]);
      else
        g_print ("%s: absent, skipped\n", argv[i]);
    }
  g_print ("%u inputs replayed without a crash\n", n_inputs);
  return n_inputs > 0 ? 0 : 1;
}
