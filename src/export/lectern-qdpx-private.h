/* lectern-qdpx-private.h — names shared by the REFI-QDA writer and reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LECTERN_QDPX_NAMESPACE    "urn:QDA-XML:project:1.0"
#define LECTERN_QDPX_PROJECT_FILE "project.qde"
#define LECTERN_QDPX_SOURCES_DIR  "sources/"
#define LECTERN_QDPX_INTERNAL     "internal://"

/* Document fields travel as source variables under these names, so other
 * tools show them and a round trip puts them back in place. */
#define LECTERN_QDPX_VAR_SOURCE   "Document source"
#define LECTERN_QDPX_VAR_AUTHOR   "Document author"
#define LECTERN_QDPX_VAR_DATE     "Document date"
#define LECTERN_QDPX_VAR_LANGUAGE "Document language"

/* The user Lectern writes where the project names nobody (a memo, a
 * document, a note without author): REFI-QDA tools want a user on every
 * element. The reader takes this GUID back to "no author". */
#define LECTERN_QDPX_UNNAMED_USER_GUID "5e1ec7e2-0000-5000-8000-000000000000"
#define LECTERN_QDPX_UNNAMED_USER_NAME "Lectern"

/* Lowers the archive limits (for tests); 0 restores a default. */
void _lectern_qdpx_reader_set_limits (guint  max_entries,
                                      gint64 max_entry_size,
                                      gint64 max_total_size);

G_END_DECLS
