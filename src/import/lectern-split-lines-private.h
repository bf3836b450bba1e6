/* lectern-split-lines-private.h — a text's lines, shared inside src/import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The lines of @text, as g_strsplit (@text, "\n", -1) gives them, in one
 * pass. (transfer full) */
GStrv _lectern_split_lines (const char *text);

G_END_DECLS
