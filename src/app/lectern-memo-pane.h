/* lectern-memo-pane.h — a heading over an editable text that saves itself:
 * the memo of the project, a document or a tag, or a tag's description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_MEMO_PANE (lectern_memo_pane_get_type ())

G_DECLARE_FINAL_TYPE (LecternMemoPane, lectern_memo_pane, LECTERN, MEMO_PANE, GtkWidget)

GtkWidget   *lectern_memo_pane_new                 (void);
const char  *lectern_memo_pane_get_heading         (LecternMemoPane  *self);
void         lectern_memo_pane_set_heading         (LecternMemoPane  *self,
                                                    const char       *heading);
/* Saves what is pending, then shows and edits the memo of @target @id
 * (@project NULL: nothing, insensitive). */
void         lectern_memo_pane_set_memo            (LecternMemoPane  *self,
                                                    LecternProject    *project,
                                                    LecternMemoTarget target,
                                                    gint64            id);
/* The same for the description of tag @tag_id. */
void         lectern_memo_pane_set_tag_description (LecternMemoPane  *self,
                                                    LecternProject    *project,
                                                    gint64            tag_id);
/* Saves an edit not saved yet, now, in one transaction. FALSE when that
 * failed (the pane says why and keeps the text). */
gboolean     lectern_memo_pane_save                (LecternMemoPane  *self);
gboolean     lectern_memo_pane_get_modified        (LecternMemoPane  *self);
GtkTextView *lectern_memo_pane_get_text_view       (LecternMemoPane  *self);
/* What the pane says of its text: "Saved", an error, or "". */
const char  *lectern_memo_pane_get_status          (LecternMemoPane  *self);

G_END_DECLS
