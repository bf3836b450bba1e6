/* lectern-reader-view.h — reads one document: typography, highlights,
 * find in document, tagging of the selection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"
#include "lectern-reader-text.h"
#include "lectern-tag-picker.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_READER_VIEW (lectern_reader_view_get_type ())

G_DECLARE_FINAL_TYPE (LecternReaderView, lectern_reader_view, LECTERN, READER_VIEW, GtkWidget)

void               lectern_reader_view_set_project         (LecternReaderView *self,
                                                           LecternProject     *project);
/* Loads the document's text (0: none). */
void               lectern_reader_view_set_document_id    (LecternReaderView *self,
                                                           gint64             document_id);
gint64             lectern_reader_view_get_document_id    (LecternReaderView *self);
/* Shows only the passages of these coders (lectern_project_list_coders())
 * in the highlights, the margin and passage navigation; @n_coder_ids 0:
 * every coder's. A view setting: tagging still records the current coder. */
void               lectern_reader_view_set_coders         (LecternReaderView *self,
                                                           const gint64      *coder_ids,
                                                           guint              n_coder_ids);
/* The coders shown; *n_coder_ids 0: every coder. (transfer none) */
const gint64      *lectern_reader_view_get_coders         (LecternReaderView *self,
                                                           guint             *n_coder_ids);
/* Shows @text, read only, as no document (an earlier version of one):
 * no passages, nothing to tag. */
void               lectern_reader_view_show_text          (LecternReaderView *self,
                                                           const char        *text);
/* Selects code points [start, end) and shows them. */
void               lectern_reader_view_select_range       (LecternReaderView *self,
                                                           glong              start,
                                                           glong              end);
gboolean           lectern_reader_view_get_selection      (LecternReaderView *self,
                                                           glong             *start,
                                                           glong             *end);
/* Tags the selection: an annotation with exactly that range gains the tag,
 * otherwise a new annotation is made. */
gboolean           lectern_reader_view_apply_tag          (LecternReaderView *self,
                                                           gint64             tag_id,
                                                           GError           **error);
/* Scrolls to the annotation, puts the caret on it and flashes it. */
void               lectern_reader_view_reveal_annotation  (LecternReaderView *self,
                                                           gint64             annotation_id);
/* The annotation under the caret (innermost), or 0. */
gint64             lectern_reader_view_get_annotation_at_cursor (LecternReaderView *self);
/* Find in document. */
void               lectern_reader_view_find               (LecternReaderView *self,
                                                           const char        *text);
guint              lectern_reader_view_get_match_count    (LecternReaderView *self);
/* Edit mode (lectern-reader-view-edit.c): the text is editable and each
 * change is saved as it is made. Ends when another document is shown. */
gboolean           lectern_reader_view_get_editing        (LecternReaderView *self);
void               lectern_reader_view_set_editing        (LecternReaderView *self,
                                                           gboolean           editing);
/* For tests and the window. (transfer none) */
LecternReaderText *lectern_reader_view_get_text_view      (LecternReaderView *self);
LecternTagPicker  *lectern_reader_view_get_tag_picker     (LecternReaderView *self);
GtkPopover        *lectern_reader_view_get_note_popover   (LecternReaderView *self);

/* A transcript's speakers (lectern-reader-view-speakers.c): the margin
 * (a LecternSpeakerGutter), the speaker shown alone (NULL: all), and the
 * speaker's popover for turn @turn. */
GtkWidget         *lectern_reader_view_get_speaker_gutter (LecternReaderView *self);
const char        *lectern_reader_view_get_only_speaker   (LecternReaderView *self);
void               lectern_reader_view_popup_speaker      (LecternReaderView *self,
                                                           guint              turn);

G_END_DECLS
