/* lectern-paragraphs.h — what a paragraph is, once for the reader and every
 * export: a line of the stored text (lines end at '\n') that holds more than
 * white space. Paragraphs are numbered from 1; offsets are code points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LecternParagraphs LecternParagraphs;

/* Maps the paragraphs of @text (stored text). (transfer full) */
LecternParagraphs *lectern_paragraphs_new        (const char        *text);
void               lectern_paragraphs_free       (LecternParagraphs *self);
guint              lectern_paragraphs_get_count  (LecternParagraphs *self);
/* [start, end) of paragraph @number (1-based), without its '\n'; FALSE if
 * there is no such paragraph. */
gboolean           lectern_paragraphs_get_range  (LecternParagraphs *self,
                                                  guint              number,
                                                  glong             *start,
                                                  glong             *end);
/* The paragraph that holds @offset, or 0 if @offset lies between
 * paragraphs (on a blank line or a line's '\n'). */
guint              lectern_paragraphs_at_offset  (LecternParagraphs *self,
                                                  glong              offset);
/* The first and last paragraph that the passage [start, end) touches;
 * FALSE (and 0, 0) if it holds no character of any paragraph. */
gboolean           lectern_paragraphs_span       (LecternParagraphs *self,
                                                  glong              start,
                                                  glong              end,
                                                  guint             *first,
                                                  guint             *last);
/* "¶ 14" or "¶¶ 14–16" for paragraphs @first to @last. (transfer full) */
char              *lectern_paragraphs_format     (guint              first,
                                                  guint              last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternParagraphs, lectern_paragraphs_free)

G_END_DECLS
