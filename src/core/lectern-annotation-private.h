/* lectern-annotation-private.h — how the project makes annotation snapshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-annotation.h"

G_BEGIN_DECLS

/* Takes @tag_ids (element-type gint64). */
LecternAnnotation *_lectern_annotation_new (gint64      id,
                                            gint64      document_id,
                                            glong       start,
                                            glong       end,
                                            const char *quote,
                                            const char *prefix,
                                            const char *suffix,
                                            const char *note,
                                            const char *author,
                                            GDateTime  *created,
                                            GDateTime  *updated,
                                            GArray     *tag_ids);

void               _lectern_annotation_set_orphaned (LecternAnnotation *self,
                                                    gboolean           orphaned);
void               _lectern_annotation_set_coder_id (LecternAnnotation *self,
                                                    gint64             coder_id);

G_END_DECLS
