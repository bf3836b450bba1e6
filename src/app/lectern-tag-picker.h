/* lectern-tag-picker.h — a popover to choose a tag: search as you type over
 * the codebook, recent tags first, Enter applies, a new name creates it.
 *
 * Emits "tag-chosen" (gint64 tag_id) once a tag is chosen or created.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_TAG_PICKER (lectern_tag_picker_get_type ())

G_DECLARE_FINAL_TYPE (LecternTagPicker, lectern_tag_picker, LECTERN, TAG_PICKER, GtkPopover)

GtkWidget *lectern_tag_picker_new         (void);
void       lectern_tag_picker_set_project  (LecternTagPicker *self,
                                           LecternProject    *project);
/* Tags shown with a check mark (the annotation's current tags). */
void       lectern_tag_picker_set_checked (LecternTagPicker *self,
                                           const gint64     *tag_ids,
                                           guint             n_tags);
/* Tags not offered (a tag cannot be merged into itself). */
void       lectern_tag_picker_set_excluded (LecternTagPicker *self,
                                            gint64            tag_id);
/* Whether a name not in the codebook may be created (default TRUE). */
void       lectern_tag_picker_set_can_create (LecternTagPicker *self,
                                              gboolean          can_create);
/* Types @text into the search entry (also for tests). */
void       lectern_tag_picker_set_text    (LecternTagPicker *self,
                                           const char       *text);
/* What Enter does: chooses the selected row once the rows have caught up
 * with the entry's text, so the tag whose path is the text, else the one
 * tag whose name it is, else a new tag of that path (unless the arrow
 * keys picked another row). Returns FALSE if none. */
gboolean   lectern_tag_picker_choose      (LecternTagPicker *self);
/* Rows shown, for tests. */
guint      lectern_tag_picker_get_n_rows  (LecternTagPicker *self);

G_END_DECLS
