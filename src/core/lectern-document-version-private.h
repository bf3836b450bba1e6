/* lectern-document-version-private.h — how the project makes version
 * snapshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-document-version.h"

G_BEGIN_DECLS

LecternDocumentVersion *_lectern_document_version_new (guint       number,
                                                       GDateTime  *created,
                                                       const char *author,
                                                       const char *description,
                                                       glong       length);

G_END_DECLS
