/* lectern-guid.h — the stable GUIDs of coders, documents, tags and
 * passages: what a merge and a .qdpx exchange recognise them by.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* The length of a GUID as stored: 8-4-4-4-12 lowercase hex digits. */
#define LECTERN_GUID_LENGTH 36

/* A fresh random (version 4) GUID. (transfer full) */
char     *lectern_guid_new          (void);
/* A version-5-shaped GUID derived from @kind and @name: what the .qdpx
 * writer gave things before they had stored GUIDs (format 4), so that the
 * migration to format 5 keeps the GUIDs already written. (transfer full) */
char     *lectern_guid_for_name     (const char *kind,
                                     const char *name);
/* Whether @text is a GUID as REFI-QDA writes them (any case, with
 * hyphens), bounded: nothing longer is looked at. */
gboolean  lectern_guid_is_valid     (const char *text);
/* @text in the stored form (lowercase), or NULL if it is not a GUID.
 * (transfer full) */
char     *lectern_guid_normalize    (const char *text);

G_END_DECLS
