/* lectern-chart.h — charts of the corpus's numbers, drawn with cairo: code
 * frequencies as bars, a group of bars per code and a bar per column of a
 * matrix (a document, or a value of a variable). The app draws the same
 * chart on screen with lectern_chart_draw_bars().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_EXPORT_INSIDE) && !defined (LECTERN_EXPORT_COMPILATION)
# error "Only <lectern-export.h> can be included directly."
#endif

#include <cairo.h>
#include <gio/gio.h>

#include "lectern-core.h"

G_BEGIN_DECLS

typedef enum
{
  LECTERN_CHART_SVG,
  LECTERN_CHART_PNG,
  LECTERN_CHART_CSV,   /* the numbers themselves */
} LecternChartFormat;

/* Bars past this are no chart a person reads: group the columns. */
#define LECTERN_CHART_MAX_BARS 2000

/* The format a file name's extension asks for (.svg, .png, .csv, in any
 * case); FALSE for any other. */
gboolean lectern_chart_format_from_name (const char          *name,
                                         LecternChartFormat  *format);
/* The size lectern_chart_draw_bars() draws @matrix at, in pixels (cairo
 * user units). */
void     lectern_chart_measure_bars     (const LecternMatrix *matrix,
                                         const char          *title,
                                         double              *width,
                                         double              *height);
/* Draws @matrix as bars at (0, 0) of @cr: @title, a legend of the columns
 * when there are several, and a group of bars per row. @dark: light text
 * on a dark background. Colours are the Okabe–Ito palette, told apart by
 * colour-blind readers. */
void     lectern_chart_draw_bars        (const LecternMatrix *matrix,
                                         const char          *title,
                                         gboolean             dark,
                                         cairo_t             *cr);
/* Writes the chart of @matrix to @stream as @format: SVG or PNG (light),
 * or CSV (a header row "code" and the column labels, a row per code).
 * More than LECTERN_CHART_MAX_BARS bars, or a failing stream:
 * LECTERN_EXPORT_ERROR. */
gboolean lectern_chart_write_bars       (const LecternMatrix *matrix,
                                         const char          *title,
                                         LecternChartFormat   format,
                                         GOutputStream       *stream,
                                         GError             **error);

G_END_DECLS
