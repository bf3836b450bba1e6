/* lectern-change-set.h — what one transaction changed, row by row: the
 * ids of the documents, tags and annotations it inserted, updated and
 * deleted, carried by LecternProject::items-changed-ids.
 *
 * Filled from SQLite's own record of the rows each committed transaction
 * wrote (the calls, a batch, undo and redo alike). Rows a set cannot name
 * (another connection's writes, found by lectern_project_refresh(); a
 * passage's tags, which live in a table of their own) make their kind
 * "unlisted": a reader then reads that kind anew.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib-object.h>

#include "lectern-project.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_CHANGE_SET (lectern_change_set_get_type ())

typedef struct _LecternChangeSet LecternChangeSet;

typedef enum
{
  LECTERN_CHANGE_INSERTED,
  LECTERN_CHANGE_UPDATED,
  LECTERN_CHANGE_DELETED,
} LecternChangeOp;

GType             lectern_change_set_get_type        (void) G_GNUC_CONST;
LecternChangeSet *lectern_change_set_ref             (LecternChangeSet *self);
void              lectern_change_set_unref           (LecternChangeSet *self);
/* The kinds of change, as the "changed" signal gives them. */
LecternChange     lectern_change_set_get_what        (LecternChangeSet *self);
/* The one document concerned, or 0 for several or unknown. */
gint64            lectern_change_set_get_document_id (LecternChangeSet *self);
/* The kinds whose changed rows are not all listed. */
LecternChange     lectern_change_set_get_unlisted    (LecternChangeSet *self);
/* The ids, ascending, of the rows of @kind (LECTERN_CHANGE_DOCUMENTS,
 * _TAGS or _ANNOTATIONS) that the transaction @op. (transfer none) */
const gint64     *lectern_change_set_get_ids         (LecternChangeSet *self,
                                                      LecternChange     kind,
                                                      LecternChangeOp   op,
                                                      guint            *n_ids);
gboolean          lectern_change_set_has_id          (LecternChangeSet *self,
                                                      LecternChange     kind,
                                                      LecternChangeOp   op,
                                                      gint64            id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternChangeSet, lectern_change_set_unref)

G_END_DECLS
