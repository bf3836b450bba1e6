/* lectern-variable-choices.h — the document variables a project's
 * documents have, for the analysis views' dropdowns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lectern-core.h"

G_BEGIN_DECLS

/* The variable keys any document has, sorted. (transfer full) */
GStrv lectern_variable_choices_keys  (LecternProject *project);
/* Every "KEY=VALUE" some document has, sorted. (transfer full) */
GStrv lectern_variable_choices_pairs (LecternProject *project);

G_END_DECLS
