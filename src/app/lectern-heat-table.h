/* lectern-heat-table.h — a LecternMatrix as a heat table, shared by the
 * code matrix and the co-occurrence views: codes as the codebook's tree in
 * the first column (collapsible), a column per matrix column, row and
 * column totals, every number printed in its cell over a single-hue scale
 * of the accent colour (readable in light and dark, and by colour-blind
 * readers: the number carries the value, the shade only helps the eye).
 *
 * Signal "cell-activated" (guint row, guint column, GtkWidget *cell): a
 * click on a cell of the matrix (not on a total).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_HEAT_BUCKETS 5

typedef enum
{
  LECTERN_HEAT_COUNT,    /* whole numbers */
  LECTERN_HEAT_SHARE,    /* fractions, shown as percentages; no totals */
} LecternHeatFormat;

#define LECTERN_TYPE_HEAT_TABLE (lectern_heat_table_get_type ())

G_DECLARE_FINAL_TYPE (LecternHeatTable, lectern_heat_table, LECTERN, HEAT_TABLE, GtkWidget)

GtkWidget           *lectern_heat_table_new            (void);
/* Shows @matrix (transfer full; NULL: nothing), keeping the rows the user
 * collapsed collapsed. */
void                 lectern_heat_table_set_matrix     (LecternHeatTable    *self,
                                                        LecternMatrix       *matrix,
                                                        LecternHeatFormat    format);
/* (transfer none) (nullable) */
const LecternMatrix *lectern_heat_table_get_matrix     (LecternHeatTable    *self);
/* The text a cell shows: @row n_rows is the totals row, @column n_columns
 * the totals column. (transfer full) */
char                *lectern_heat_table_dup_cell_text  (LecternHeatTable    *self,
                                                        guint                row,
                                                        guint                column);
/* The shade of a value, 0 (none) to LECTERN_HEAT_BUCKETS (the table's
 * largest value). */
guint                lectern_heat_bucket               (double               value,
                                                        double               max);
/* Activates a cell as a click would. */
void                 lectern_heat_table_activate_cell  (LecternHeatTable    *self,
                                                        guint                row,
                                                        guint                column);

G_END_DECLS
