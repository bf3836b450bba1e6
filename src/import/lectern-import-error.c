/* lectern-import-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-import-error.h"

G_DEFINE_QUARK (lectern-import-error-quark, lectern_import_error)
