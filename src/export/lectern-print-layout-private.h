/* lectern-print-layout-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-export-selection-private.h"
#include "lectern-print-layout.h"

G_BEGIN_DECLS

/* The notes report of @selection; walks it (reporting progress). */
LecternPrintLayout *_lectern_print_layout_new_report   (LecternExportSelection  *selection,
                                                        GCancellable            *cancellable,
                                                        GError                 **error);
/* @document with the exported annotations of @selection. */
LecternPrintLayout *_lectern_print_layout_new_document (LecternExportSelection  *selection,
                                                        LecternDocument         *document,
                                                        GError                 **error);

G_END_DECLS
