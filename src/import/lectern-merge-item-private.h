/* lectern-merge-item-private.h — made by the merge plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-import.h"

G_BEGIN_DECLS

/* Takes @description. */
LecternMergeItem *_lectern_merge_item_new (LecternMergeKind     kind,
                                           LecternMergeOutcome  outcome,
                                           char                *description);

G_END_DECLS
