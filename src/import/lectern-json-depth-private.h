/* lectern-json-depth-private.h — how deep a JSON text nests, before
 * json-glib parses it. Shared inside src/import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when the JSON in the @length bytes of @data nests no deeper than
 * @max_depth, counting [ and { outside strings. */
gboolean _lectern_json_depth_ok (const char *data,
                                 gsize       length,
                                 guint       max_depth);

G_END_DECLS
