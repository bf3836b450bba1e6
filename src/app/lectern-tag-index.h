/* lectern-tag-index.h — a project's tags by id, for the views that show
 * an annotation's tags from the ids it carries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-core.h"

G_BEGIN_DECLS

/* Every tag of @corpus, keyed by a pointer to its gint64 id (look up with
 * g_hash_table_lookup (index, &id)); empty when @corpus is NULL or its
 * tags cannot be read. (transfer full) */
GHashTable *lectern_tag_index_new (LecternCorpus *corpus);

G_END_DECLS
