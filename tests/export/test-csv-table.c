/* test-csv-table.c — tables of results as CSV: cells quoted when they
 * hold a separator, a quote or a line break, formulas made inert, rows
 * ended with CRLF; the file written whole, and a failure naming it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-export.h"

static void
test_rows (void)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  const char *header[] = { "Document", "Left", "Match", "Right" };
  const char *row[] = { "Talks, 2025", "he said \"no", "treaty", NULL };
  const char *formula[] = { "=SUM(A1)", "two\nlines" };

  lectern_csv_table_append_row (csv, header, G_N_ELEMENTS (header));
  lectern_csv_table_append_row (csv, row, G_N_ELEMENTS (row));
  lectern_csv_table_append_row (csv, formula, G_N_ELEMENTS (formula));
  g_assert_cmpstr (csv->str, ==,
                   "Document,Left,Match,Right\r\n"
                   "\"Talks, 2025\",\"he said \"\"no\",treaty,\r\n"
                   "\"'=SUM(A1)\",\"two\nlines\"\r\n");
}

/* Numbers Lectern wrote stay numbers; only the text cells are guarded. */
static void
test_mixed_rows (void)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  const char *row[] = { "-Framing", "-0.2500", "-", "1,5", NULL };

  lectern_csv_table_append_mixed_row (csv, row, G_N_ELEMENTS (row), 1u << 0);
  g_assert_cmpstr (csv->str, ==, "\"'-Framing\",-0.2500,-,\"1,5\",\r\n");
}

static void
test_save (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "csv-table", NULL);
  g_autofree char *path = g_build_filename (dir, "hits.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "hits.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GString) csv = g_string_new ("a,b\r\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_assert_true (lectern_csv_table_save (csv, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "a,b\r\n");

  g_assert_false (lectern_csv_table_save (csv, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/CsvTable/rows", test_rows);
  g_test_add_func ("/Lectern/CsvTable/mixed-rows", test_mixed_rows);
  g_test_add_func ("/Lectern/CsvTable/save", test_save);
  return g_test_run ();
}
