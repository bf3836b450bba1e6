/* lectern-note-popover.h — writes the note of one annotation. The note is
 * saved when the popover closes (Ctrl+Enter, Done, a click away), so
 * nothing typed is lost; Escape (the "note.cancel" action) closes it and
 * leaves the note as it was. Saving empty text removes the note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_NOTE_POPOVER (lectern_note_popover_get_type ())

G_DECLARE_FINAL_TYPE (LecternNotePopover, lectern_note_popover, LECTERN, NOTE_POPOVER, GtkPopover)

GtkWidget *lectern_note_popover_new      (void);
/* Loads the annotation's note; call before popping up. */
void       lectern_note_popover_edit     (LecternNotePopover *self,
                                          LecternProject      *project,
                                          gint64              annotation_id);
void       lectern_note_popover_set_text (LecternNotePopover *self,
                                          const char         *text);
/* Writes the note now, if it changed. FALSE with @error on failure. */
gboolean   lectern_note_popover_save     (LecternNotePopover *self,
                                          GError            **error);

G_END_DECLS
