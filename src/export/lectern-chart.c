/* lectern-chart.c — code frequencies as bar charts, drawn with cairo and
 * Pango (no GTK), written as SVG, PNG or the CSV of their numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lectern-chart.h"
#include "lectern-export-writers-private.h"
#include "lectern-exporter.h"

#define MARGIN        16.0
#define BAR           14.0   /* height of one bar */
#define GROUP_GAP     8.0    /* between the groups of two codes */
#define LEGEND_ROW    18.0
#define PLOT_WIDTH    480.0
#define VALUE_ROOM    64.0   /* for the number after the longest bar */
#define LABEL_GAP     12.0
#define MAX_LABEL     320.0  /* code paths wider than this are ellipsized */
#define FONT          "Sans 10"
#define TITLE_FONT    "Sans Bold 12"

/* Okabe & Ito, "Color Universal Design" (2008): told apart by readers of
 * every common kind of colour blindness; yellow last, weak on white. */
static const double palette[][3] = {
  { 0x00 / 255.0, 0x72 / 255.0, 0xb2 / 255.0 },  /* blue */
  { 0xe6 / 255.0, 0x9f / 255.0, 0x00 / 255.0 },  /* orange */
  { 0x00 / 255.0, 0x9e / 255.0, 0x73 / 255.0 },  /* bluish green */
  { 0xcc / 255.0, 0x79 / 255.0, 0xa7 / 255.0 },  /* reddish purple */
  { 0x56 / 255.0, 0xb4 / 255.0, 0xe9 / 255.0 },  /* sky blue */
  { 0xd5 / 255.0, 0x5e / 255.0, 0x00 / 255.0 },  /* vermillion */
  { 0xf0 / 255.0, 0xe4 / 255.0, 0x42 / 255.0 },  /* yellow */
};

gboolean
lectern_chart_format_from_name (const char         *name,
                                LecternChartFormat *format)
{
  const char *dot;

  g_return_val_if_fail (name != NULL, FALSE);

  dot = strrchr (name, '.');
  if (dot == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = LECTERN_CHART_SVG;
  else if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = LECTERN_CHART_PNG;
  else if (g_ascii_strcasecmp (dot, ".csv") == 0)
    *format = LECTERN_CHART_CSV;
  else
    return FALSE;
  return TRUE;
}

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *font,
            const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
text_width (cairo_t    *cr,
            const char *font,
            const char *text)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, font, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  return width;
}

/* The room the code paths need, measured on a scratch surface. */
static double
label_width (const LecternMatrix *matrix)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double width = 0;

  for (guint r = 0; r < matrix->n_rows; r++)
    width = MAX (width, text_width (cr, FONT, g_ptr_array_index (matrix->row_labels, r)));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return MIN (width, MAX_LABEL);
}

static double
legend_height (const LecternMatrix *matrix)
{
  return matrix->n_columns > 1 ? matrix->n_columns * LEGEND_ROW + GROUP_GAP : 0;
}

void
lectern_chart_measure_bars (const LecternMatrix *matrix,
                            const char          *title,
                            double              *width,
                            double              *height)
{
  g_return_if_fail (matrix != NULL);

  *width = MARGIN + label_width (matrix) + LABEL_GAP + PLOT_WIDTH + VALUE_ROOM + MARGIN;
  *height = MARGIN + (title != NULL ? 28 : 0) + legend_height (matrix)
            + matrix->n_rows * (MAX (1, matrix->n_columns) * BAR + GROUP_GAP) + MARGIN;
}

static gboolean
all_whole (const LecternMatrix *matrix)
{
  for (gsize i = 0; i < (gsize) matrix->n_rows * matrix->n_columns; i++)
    if (matrix->values[i] != floor (matrix->values[i]))
      return FALSE;
  return TRUE;
}

static void
show_text (cairo_t    *cr,
           const char *font,
           const char *text,
           double      x,
           double      y,
           double      max_width,
           gboolean    centre_on_y)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, font, text);
  int width, height;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x, centre_on_y ? y - height / 2.0 : y);
  pango_cairo_show_layout (cr, layout);
}

void
lectern_chart_draw_bars (const LecternMatrix *matrix,
                         const char          *title,
                         gboolean             dark,
                         cairo_t             *cr)
{
  double width, height, labels, x0, y;
  double max = 0;
  double ink = dark ? 0.92 : 0.12;
  gboolean whole;

  g_return_if_fail (matrix != NULL);
  g_return_if_fail (cr != NULL);

  lectern_chart_measure_bars (matrix, title, &width, &height);
  labels = label_width (matrix);
  x0 = MARGIN + labels + LABEL_GAP;
  whole = all_whole (matrix);
  for (gsize i = 0; i < (gsize) matrix->n_rows * matrix->n_columns; i++)
    max = MAX (max, matrix->values[i]);

  cairo_save (cr);
  if (dark)
    cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, ink, ink, ink);
  y = MARGIN;
  if (title != NULL)
    {
      show_text (cr, TITLE_FONT, title, MARGIN, y, width - 2 * MARGIN, FALSE);
      y += 28;
    }

  if (matrix->n_columns > 1)
    {
      for (guint c = 0; c < matrix->n_columns; c++)
        {
          const double *colour = palette[c % G_N_ELEMENTS (palette)];

          cairo_set_source_rgb (cr, colour[0], colour[1], colour[2]);
          cairo_rectangle (cr, x0, y + c * LEGEND_ROW + 2, 12, 12);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, ink, ink, ink);
          show_text (cr, FONT, g_ptr_array_index (matrix->column_labels, c),
                     x0 + 18, y + c * LEGEND_ROW + 8, PLOT_WIDTH, TRUE);
        }
      y += legend_height (matrix);
    }

  for (guint r = 0; r < matrix->n_rows; r++)
    {
      double group = MAX (1, matrix->n_columns) * BAR;

      cairo_set_source_rgb (cr, ink, ink, ink);
      show_text (cr, FONT, g_ptr_array_index (matrix->row_labels, r), MARGIN, y + group / 2, labels, TRUE);

      for (guint c = 0; c < matrix->n_columns; c++)
        {
          double value = lectern_matrix_get (matrix, r, c);
          double length = max > 0 ? value / max * PLOT_WIDTH : 0;
          const double *colour = palette[c % G_N_ELEMENTS (palette)];
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          cairo_set_source_rgb (cr, colour[0], colour[1], colour[2]);
          cairo_rectangle (cr, x0, y + c * BAR + 1, length, BAR - 2);
          cairo_fill (cr);

          cairo_set_source_rgb (cr, ink, ink, ink);
          g_ascii_formatd (buffer, sizeof buffer, whole ? "%.0f" : "%.2f", value);
          show_text (cr, FONT, buffer, x0 + length + 4, y + c * BAR + BAR / 2, VALUE_ROOM, TRUE);
        }
      y += group + GROUP_GAP;
    }

  /* The axis the bars grow from. */
  cairo_set_source_rgb (cr, ink, ink, ink);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x0 - 0.5, MARGIN + (title != NULL ? 28 : 0) + legend_height (matrix));
  cairo_line_to (cr, x0 - 0.5, height - MARGIN);
  cairo_stroke (cr);
  cairo_restore (cr);
}

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} StreamWriter;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  StreamWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
write_csv (const LecternMatrix  *matrix,
           GOutputStream        *stream,
           GError              **error)
{
  g_autoptr(GString) out = g_string_new ("code");

  for (guint c = 0; c < matrix->n_columns; c++)
    {
      g_autofree char *cell = _lectern_csv_escape (g_ptr_array_index (matrix->column_labels, c));

      g_string_append_printf (out, ",%s", cell);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < matrix->n_rows; r++)
    {
      g_autofree char *cell = _lectern_csv_escape (g_ptr_array_index (matrix->row_labels, r));

      g_string_append (out, cell);
      for (guint c = 0; c < matrix->n_columns; c++)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append_c (out, ',');
          g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6g", lectern_matrix_get (matrix, r, c)));
        }
      g_string_append (out, "\r\n");
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

/* Cairo writes an SVG's words as glyph outlines: a <title> and a <desc>
 * naming the chart, its codes and its columns keep them readable by screen
 * readers and findable by a search. */
static gboolean
write_svg_with_text (const LecternMatrix  *matrix,
                     const char           *title,
                     GBytes               *svg,
                     GOutputStream        *stream,
                     GError              **error)
{
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  const char *open = g_strstr_len (data, size, "<svg");
  const char *end = open != NULL ? memchr (open, '>', size - (open - data)) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  if (end == NULL)
    return g_output_stream_write_all (stream, data, size, NULL, NULL, error);

  escaped = g_markup_escape_text (title != NULL ? title : "", -1);
  g_string_append_printf (text, "\n<title>%s</title>\n<desc>", escaped);
  for (guint r = 0; r < matrix->n_rows; r++)
    {
      g_autofree char *label = g_markup_escape_text (g_ptr_array_index (matrix->row_labels, r), -1);

      g_string_append_printf (text, "%s%s", r > 0 ? "; " : "", label);
    }
  g_string_append (text, "\n");
  for (guint c = 0; c < matrix->n_columns; c++)
    {
      g_autofree char *label = g_markup_escape_text (g_ptr_array_index (matrix->column_labels, c), -1);

      g_string_append_printf (text, "%s%s", c > 0 ? "; " : "", label);
    }
  g_string_append (text, "</desc>");

  return g_output_stream_write_all (stream, data, end + 1 - data, NULL, NULL, error)
      && g_output_stream_write_all (stream, text->str, text->len, NULL, NULL, error)
      && g_output_stream_write_all (stream, end + 1, size - (end + 1 - data), NULL, NULL, error);
}

gboolean
lectern_chart_write_bars (const LecternMatrix  *matrix,
                          const char           *title,
                          LecternChartFormat    format,
                          GOutputStream        *stream,
                          GError              **error)
{
  g_autoptr(GOutputStream) memory = NULL;
  StreamWriter writer = { stream, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((gsize) matrix->n_rows * MAX (1, matrix->n_columns) > LECTERN_CHART_MAX_BARS)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_FAILED,
                   _("A chart of %u codes × %u columns has too many bars to read (at most %d): "
                     "group the columns by a variable"),
                   matrix->n_rows, matrix->n_columns, LECTERN_CHART_MAX_BARS);
      return FALSE;
    }

  if (format == LECTERN_CHART_CSV)
    {
      if (!write_csv (matrix, stream, &writer.error))
        goto write_failed;
      return TRUE;
    }

  lectern_chart_measure_bars (matrix, title, &width, &height);
  if (format == LECTERN_CHART_SVG)
    {
      memory = g_memory_output_stream_new_resizable ();
      writer.stream = memory;
      surface = cairo_svg_surface_create_for_stream (write_to_stream, &writer, width, height);
    }
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));

  cr = cairo_create (surface);
  lectern_chart_draw_bars (matrix, title, FALSE, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == LECTERN_CHART_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_stream, &writer);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer.error != NULL)
    goto write_failed;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_FAILED,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  if (memory != NULL)
    {
      g_autoptr(GBytes) svg = NULL;

      if (!g_output_stream_close (memory, NULL, &writer.error))
        goto write_failed;
      svg = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
      if (!write_svg_with_text (matrix, title, svg, stream, &writer.error))
        goto write_failed;
    }
  return TRUE;

write_failed:
  g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_WRITE,
               _("Could not write the chart: %s"), writer.error->message);
  g_clear_error (&writer.error);
  return FALSE;
}
