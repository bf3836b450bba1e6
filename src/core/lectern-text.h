/* lectern-text.h — stored-text rules: positions are Unicode code points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* How many code points of context an annotation keeps on each side. */
#define LECTERN_TEXT_CONTEXT_CHARS 32

/* Valid UTF-8 in, stored text out: leading BOMs removed, CRLF and lone CR turned
 * into LF, NFC. Returns NULL if @text is not valid UTF-8. */
char     *lectern_text_normalize   (const char  *text,
                                    gssize       len);
/* TRUE if @text is already stored text (valid UTF-8, no BOM, no CR, NFC). */
gboolean  lectern_text_is_stored   (const char  *text,
                                    gssize       len);
/* Number of code points. */
glong     lectern_text_length      (const char  *text);
/* Code points [start, end) as a new string; clamps to the text. */
char     *lectern_text_slice       (const char  *text,
                                    glong        start,
                                    glong        end);
/* Case- and diacritic-insensitive form ("Sécurité" → "securite"), for
 * matching only; the result has one code point per code point of @text
 * where possible, but callers must not rely on offsets into it. */
char     *lectern_text_fold        (const char  *text,
                                    gssize       len);
/* Finds where @quote now stands in @text, using @prefix/@suffix to choose
 * between repeats and @hint (the old start) to break ties. */
gboolean  lectern_text_anchor      (const char  *text,
                                    const char  *quote,
                                    const char  *prefix,
                                    const char  *suffix,
                                    glong        hint,
                                    glong       *start,
                                    glong       *end);

G_END_DECLS
