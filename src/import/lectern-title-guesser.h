/* lectern-title-guesser.h — a document's title from its first lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* Longer titles are cut at a word boundary and end with "…". */
#define LECTERN_TITLE_MAX_CHARS 200

/* The first meaningful line of stored text @text, trimmed: blank lines,
 * breadcrumbs ("- Category"), picture credits ("Photo: …", "logo") and
 * lines that are only a date or a time stamp are skipped.
 * Returns: (transfer full) (nullable): the title, or NULL when none. */
char *lectern_guess_title (const char *text);

G_END_DECLS
