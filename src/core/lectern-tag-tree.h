/* lectern-tag-tree.h — a project's codebook as one live GListModel of
 * LecternTag, depth first, siblings by name, each tag with its passage
 * count: lectern_project_get_tag_tree().
 *
 * Kept current by the project before "changed" is emitted, with precise
 * items-changed: a new tag is one insertion, a deleted one (and its
 * sub-tags) one removal, a renamed or recoloured tag that keeps its place
 * one replacement, a tag that moves (renamed among its siblings, moved
 * under another parent, merged) a removal and an insertion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-project.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_TAG_TREE (lectern_tag_tree_get_type ())

G_DECLARE_FINAL_TYPE (LecternTagTree, lectern_tag_tree, LECTERN, TAG_TREE, GObject)

/* The tag with @tag_id, or NULL. (transfer none) */
LecternTag *lectern_tag_tree_lookup    (LecternTagTree *self,
                                        gint64          tag_id);
/* The same tags by id, kept current with the tree: keys point to gint64
 * ids (g_hash_table_lookup (index, &id)). Hold a reference to keep it.
 * (transfer none) */
GHashTable *lectern_tag_tree_get_index (LecternTagTree *self);

G_END_DECLS
