/* lectern-change-set-private.h — how core fills a LecternChangeSet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-change-set.h"

G_BEGIN_DECLS

LecternChangeSet *_lectern_change_set_new      (void);
/* A row written by SQLite: @sqlite_op is SQLITE_INSERT, _UPDATE or
 * _DELETE, @table a table of the main database. */
void              _lectern_change_set_note_row (LecternChangeSet *self,
                                                int               sqlite_op,
                                                const char       *table,
                                                gint64            rowid);
/* Kinds whose rows are not all listed. */
void              _lectern_change_set_unlist   (LecternChangeSet *self,
                                                LecternChange     kinds);
/* Adds what @from recorded after what @self did (a call into its batch). */
void              _lectern_change_set_merge    (LecternChangeSet *self,
                                                LecternChangeSet *from);
gboolean          _lectern_change_set_is_empty (LecternChangeSet *self);
/* Ends the recording: the lists are read from now on. */
void              _lectern_change_set_seal     (LecternChangeSet *self,
                                                LecternChange     what,
                                                gint64            document_id);

G_END_DECLS
