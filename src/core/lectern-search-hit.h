/* lectern-search-hit.h — one keyword-in-context hit of a corpus search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_SEARCH_HIT (lectern_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (LecternSearchHit, lectern_search_hit, LECTERN, SEARCH_HIT, GObject)

gint64      lectern_search_hit_get_document_id (LecternSearchHit *self);
const char *lectern_search_hit_get_title       (LecternSearchHit *self);
/* Code-point offsets of the match in the stored text, end exclusive. */
glong       lectern_search_hit_get_start       (LecternSearchHit *self);
glong       lectern_search_hit_get_end         (LecternSearchHit *self);
/* Context: up to 40 code points either side, on one line (newlines and
 * other controls shown as spaces). The match is the exact text at
 * [start, end). */
const char *lectern_search_hit_get_left        (LecternSearchHit *self);
const char *lectern_search_hit_get_match       (LecternSearchHit *self);
const char *lectern_search_hit_get_right       (LecternSearchHit *self);

G_END_DECLS
