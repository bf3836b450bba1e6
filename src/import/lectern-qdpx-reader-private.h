/* lectern-qdpx-reader-private.h — the REFI-QDA reader's knobs for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-import.h"

G_BEGIN_DECLS

/* Lowers the archive limits (for tests); 0 restores a default. */
void _lectern_qdpx_reader_set_limits (guint  max_entries,
                                      gint64 max_entry_size,
                                      gint64 max_total_size);

G_END_DECLS
