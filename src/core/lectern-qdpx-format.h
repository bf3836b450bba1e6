/* lectern-qdpx-format.h — the names of the REFI-QDA project format
 * (.qdpx) that Lectern writes (src/export) and reads back (src/import).
 *
 * They live in core, which both may include: one definition for both
 * sides, and no dependency of import on export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

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

G_END_DECLS
