/* test-word-table.c — word lists and keyness tables as CSV: the CLI's
 * columns, numbers with a '.' whatever the locale, words escaped as every
 * CSV Lectern writes (a word a spreadsheet would run is made inert).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "lectern-export.h"

static char *
written (GOutputStream *stream)
{
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

static void
test_word_list (void)
{
  LecternWordCount peace = { "peace", 4, 3 };
  LecternWordCount formula = { "=cmd", 1, 1 };
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GOutputStream) listed = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) all = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listed_text = NULL;
  g_autofree char *all_text = NULL;

  g_ptr_array_add (words, &peace);
  g_ptr_array_add (words, &formula);

  /* Listed: the occurrences that are not stop words; per million of 8. */
  g_assert_true (lectern_word_list_write_csv (words, FALSE, 8, listed, &error));
  g_assert_no_error (error);
  listed_text = written (listed);
  g_assert_cmpstr (listed_text, ==,
                   "word,count,per_million\r\n"
                   "peace,3,375000.00\r\n"
                   "\"'=cmd\",1,125000.00\r\n");

  g_assert_true (lectern_word_list_write_csv (words, TRUE, 8, all, &error));
  g_assert_no_error (error);
  all_text = written (all);
  g_assert_true (g_str_has_prefix (all_text, "word,count,per_million\r\npeace,4,500000.00\r\n"));
}

static void
test_keyness (void)
{
  LecternKeyword treaty = { "treaty", 10, 2, 5.25, 1.5 };
  LecternKeyword comma = { "a,b", 0, 3, -2.125, -2.0 };
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_ptr_array_add (keywords, &treaty);
  g_ptr_array_add (keywords, &comma);
  g_assert_true (lectern_keyness_write_csv (keywords, stream, &error));
  g_assert_no_error (error);
  text = written (stream);
  g_assert_cmpstr (text, ==,
                   "word,a_count,b_count,log_likelihood,log_ratio\r\n"
                   "treaty,10,2,5.2500,1.5000\r\n"
                   "\"a,b\",0,3,-2.1250,-2.0000\r\n");
}

int
main (int   argc,
      char *argv[])
{
  /* A locale with a decimal comma, where there is one: the file must not
   * follow it. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/Export/word-table/list", test_word_list);
  g_test_add_func ("/Lectern/Export/word-table/keyness", test_keyness);
  return g_test_run ();
}
