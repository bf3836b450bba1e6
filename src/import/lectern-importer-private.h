/* lectern-importer-private.h — the importer's document step, for tests of
 * readers and of the importer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-import.h"

G_BEGIN_DECLS

/* Adds the documents of @extracts, read from @file (named @display_name,
 * its bytes @contents), to @project as an import does: each with its
 * metadata, structure, original and notes, all or nothing. One result per
 * extract. (transfer full) of LecternImportResult */
GListModel *_lectern_importer_add_extracts (LecternProject *project,
                                            GFile         *file,
                                            const char    *display_name,
                                            GPtrArray     *extracts,
                                            GBytes        *contents);

G_END_DECLS
