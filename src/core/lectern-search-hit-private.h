/* lectern-search-hit-private.h — how the project makes search hits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-search-hit.h"

G_BEGIN_DECLS

LecternSearchHit *_lectern_search_hit_new (gint64      document_id,
                                           const char *title,
                                           glong       start,
                                           glong       end,
                                           const char *left,
                                           const char *match,
                                           const char *right);

G_END_DECLS
