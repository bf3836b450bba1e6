/* test-chart.c — bar charts of a code matrix: the CSV numbers exactly, an
 * SVG and a PNG of the size measured, the bound on bars, and the format
 * named by a file's extension.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lectern-export.h"

/* Two codes × two groups, labels that a spreadsheet must not run. */
static LecternMatrix *
new_matrix (guint n_rows,
            guint n_columns)
{
  LecternMatrix *matrix = g_new0 (LecternMatrix, 1);

  matrix->n_rows = n_rows;
  matrix->n_columns = n_columns;
  matrix->row_labels = g_ptr_array_new_with_free_func (g_free);
  matrix->row_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  matrix->row_depths = g_array_new (FALSE, TRUE, sizeof (guint));
  matrix->column_labels = g_ptr_array_new_with_free_func (g_free);
  matrix->column_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  matrix->values = g_new0 (double, (gsize) n_rows * n_columns);
  for (guint r = 0; r < n_rows; r++)
    g_ptr_array_add (matrix->row_labels, g_strdup_printf ("Code %u", r));
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (matrix->column_labels, g_strdup_printf ("Group %u", c));
  return matrix;
}

static LecternMatrix *
small_matrix (void)
{
  LecternMatrix *matrix = new_matrix (2, 2);

  g_free (g_ptr_array_index (matrix->row_labels, 0));
  g_ptr_array_index (matrix->row_labels, 0) = g_strdup ("Claims/NATO, east");
  g_free (g_ptr_array_index (matrix->column_labels, 1));
  g_ptr_array_index (matrix->column_labels, 1) = g_strdup ("=SUM(A1)");
  matrix->values[0] = 3;
  matrix->values[1] = 0;
  matrix->values[2] = 1.5;
  matrix->values[3] = 12;
  return matrix;
}

static GBytes *
write_chart (LecternMatrix       *matrix,
             LecternChartFormat   format,
             GError             **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  if (!lectern_chart_write_bars (matrix, "Passages per code", format, stream, error))
    return NULL;
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_csv (void)
{
  g_autoptr(LecternMatrix) matrix = small_matrix ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = write_chart (matrix, LECTERN_CHART_CSV, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpstr (text, ==,
                   "code,Group 0,\"'=SUM(A1)\"\r\n"
                   "\"Claims/NATO, east\",3,0\r\n"
                   "Code 1,1.5,12\r\n");
}

static void
test_svg_png (void)
{
  g_autoptr(LecternMatrix) matrix = small_matrix ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = write_chart (matrix, LECTERN_CHART_SVG, &error);
  g_autoptr(GBytes) png = NULL;
  g_autofree char *svg_text = NULL;
  const guint8 *data;
  gsize size;
  double width, height;
  guint32 png_width, png_height;

  g_assert_no_error (error);
  svg_text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_true (g_str_has_prefix (svg_text, "<?xml"));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  /* The Okabe–Ito blue of the first column's bars. */
  g_assert_nonnull (strstr (svg_text, "rgb(0%,44.705882%,69.803922%)"));
  /* Cairo draws words as outlines: the codes and columns are named in
   * the SVG's <desc> for screen readers and searches. */
  g_assert_nonnull (strstr (svg_text, "<title>"));
  g_assert_nonnull (strstr (svg_text, "Claims/NATO, east"));
  g_assert_nonnull (strstr (svg_text, "=SUM(A1)"));

  png = write_chart (matrix, LECTERN_CHART_PNG, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (png, &size);
  g_assert_cmpuint (size, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  /* IHDR: width and height, big-endian, at bytes 16 and 20. */
  png_width = GUINT32_FROM_BE (*(guint32 *) (data + 16));
  png_height = GUINT32_FROM_BE (*(guint32 *) (data + 20));
  lectern_chart_measure_bars (matrix, "Passages per code", &width, &height);
  g_assert_cmpuint (png_width, ==, (guint32) ceil (width));
  g_assert_cmpuint (png_height, ==, (guint32) ceil (height));
  /* Margins, title, a legend of two rows, two groups of two bars. */
  g_assert_cmpfloat (height, ==, 16 + 28 + (2 * 18 + 8) + 2 * (2 * 14 + 8) + 16);
}

static void
test_too_many_bars (void)
{
  g_autoptr(LecternMatrix) matrix = new_matrix (201, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = write_chart (matrix, LECTERN_CHART_SVG, &error);

  g_assert_null (bytes);
  g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_FAILED);
}

static void
test_format_from_name (void)
{
  LecternChartFormat format = LECTERN_CHART_CSV;

  g_assert_true (lectern_chart_format_from_name ("codes.SVG", &format));
  g_assert_cmpint (format, ==, LECTERN_CHART_SVG);
  g_assert_true (lectern_chart_format_from_name ("/tmp/a.b/codes.png", &format));
  g_assert_cmpint (format, ==, LECTERN_CHART_PNG);
  g_assert_true (lectern_chart_format_from_name ("codes.csv", &format));
  g_assert_cmpint (format, ==, LECTERN_CHART_CSV);
  g_assert_false (lectern_chart_format_from_name ("codes.pdf", &format));
  g_assert_false (lectern_chart_format_from_name ("codes", &format));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Lectern/Export/chart/csv", test_csv);
  g_test_add_func ("/Lectern/Export/chart/svg-png", test_svg_png);
  g_test_add_func ("/Lectern/Export/chart/too-many-bars", test_too_many_bars);
  g_test_add_func ("/Lectern/Export/chart/format-from-name", test_format_from_name);

  return g_test_run ();
}
