/* lectern-text-private.h — code-point helpers shared inside core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Like lectern_text_fold(), and also fills @map (element-type guint32) with,
 * for each code point of the result, the code point of @text it came from,
 * followed by one last entry: the length of @text. */
char    *_lectern_text_fold_map        (const char *text,
                                        gssize      len,
                                        GArray    **map);
/* TRUE for a code point that is part of a word when searching. */
gboolean _lectern_text_is_word_char    (gunichar    c);
/* Byte offset of code point @offset, clamped to the end of @text. */
gsize    _lectern_text_offset_to_index (const char *text,
                                        glong       offset);
/* @text with newlines, tabs and other controls turned into spaces, so it
 * stands on one line. (transfer full) */
char    *_lectern_text_one_line        (const char *text);

G_END_DECLS
