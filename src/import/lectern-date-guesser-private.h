/* lectern-date-guesser-private.h — date finding shared inside src/import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds the first valid date in one @line. On success sets *@date to
 * "YYYY-MM-DD" (transfer full) and [@start, @end) to the byte span of the
 * date in @line. */
gboolean _lectern_date_find_in_line (const char  *line,
                                     char       **date,
                                     gsize       *start,
                                     gsize       *end);

G_END_DECLS
