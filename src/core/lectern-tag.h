/* lectern-tag.h — a code of the codebook: a node of the tag tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_TAG (lectern_tag_get_type ())

/* Bounds of the codebook, checked in the project wherever a tag is made, so
 * that every importer and the command line meet them: levels of nesting,
 * bytes of a whole path and bytes of one name (after NFC). A codebook is
 * read by people; past these an input is a mistake or an attack. */
#define LECTERN_TAG_MAX_DEPTH      16
#define LECTERN_TAG_MAX_PATH_BYTES 1000
#define LECTERN_TAG_MAX_NAME_BYTES 200

G_DECLARE_FINAL_TYPE (LecternTag, lectern_tag, LECTERN, TAG, GObject)

/* Tags are snapshots made by the project; change them through the project. */
gint64      lectern_tag_get_id          (LecternTag *self);
/* 0 for a top-level tag. */
gint64      lectern_tag_get_parent_id   (LecternTag *self);
const char *lectern_tag_get_name        (LecternTag *self);
/* "Parent/Child"; a '/' or '\' inside a name is written "\/" or "\\". */
const char *lectern_tag_get_path        (LecternTag *self);
/* Nesting depth: 0 for a top-level tag. */
guint       lectern_tag_get_depth       (LecternTag *self);
/* "#rrggbb" (lower case). */
const char *lectern_tag_get_colour      (LecternTag *self);
const char *lectern_tag_get_description (LecternTag *self);
/* Annotations carrying this very tag (not its sub-tags). */
guint       lectern_tag_get_count       (LecternTag *self);

/* Splits a tag path into names, honouring the escapes above; NULL when a
 * name is empty. (transfer full) */
char      **lectern_tag_path_split      (const char *path);
/* Escapes one name for use inside a path. (transfer full) */
char       *lectern_tag_name_escape     (const char *name);

G_END_DECLS
