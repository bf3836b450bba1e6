/* lectern-csv-table.h — a table of text as RFC 4180 CSV (UTF-8, CRLF),
 * cell by cell as the export's CSV writes them (quoted when needed, a
 * spreadsheet formula made inert): for the app's tables of results, the
 * concordance and coding queries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_EXPORT_INSIDE) && !defined (LECTERN_EXPORT_COMPILATION)
# error "Only <lectern-export.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

/* Appends one row of @n_cells cells (a NULL cell is empty) to @csv. */
void     lectern_csv_table_append_row (GString            *csv,
                                       const char * const *cells,
                                       guint               n_cells);
/* Writes @csv to @file whole or not at all. Errors name the file. */
/* The same, where only the cells whose bit is set in @text_mask (bit i:
 * cell i) are text from elsewhere; the others are numbers Lectern wrote
 * ("-0.2500", "-" for undefined) and are never taken for a formula: the
 * cells of `lectern-cli agreement --csv`. */
void     lectern_csv_table_append_mixed_row (GString            *csv,
                                             const char * const *cells,
                                             guint               n_cells,
                                             guint               text_mask);
gboolean lectern_csv_table_save       (GString            *csv,
                                       GFile              *file,
                                       GError            **error);

G_END_DECLS
