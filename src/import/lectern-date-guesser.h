/* lectern-date-guesser.h — the date of a document, found near its top.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* How many lines from the top are searched for a date. */
#define LECTERN_DATE_GUESS_LINES 8

/* The first valid calendar date in the first LECTERN_DATE_GUESS_LINES
 * non-blank lines of @text, in one of the forms "26-04-2025",
 * "26.04.2025", "26/04/2025", "2025-04-26", "26 octobre 2025",
 * "12 November 2021", "November 21, 2025", "26 апреля 2025", also when
 * glued to other text ("Russia Today26-04-2025") or inside a title
 * ("(Paris, 12 November 2021)"). English, French and Russian month names.
 * Returns: (transfer full) (nullable): "YYYY-MM-DD", or NULL. */
char *lectern_guess_date (const char *text);

G_END_DECLS
