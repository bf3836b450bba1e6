/* lectern-tag-private.h — how the project makes tag snapshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-tag.h"

G_BEGIN_DECLS

LecternTag *_lectern_tag_new (gint64      id,
                              gint64      parent_id,
                              const char *name,
                              const char *path,
                              guint       depth,
                              const char *colour,
                              const char *description,
                              guint       count);

G_END_DECLS
