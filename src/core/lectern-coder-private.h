/* lectern-coder-private.h — made by the project from its rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-coder.h"

G_BEGIN_DECLS

LecternCoder *_lectern_coder_new (gint64      id,
                                  const char *guid,
                                  const char *name,
                                  guint       passage_count);

G_END_DECLS
