/* lectern-codebook-view.h — the tag tree: colours and counts; create,
 * rename, recolour, nest by drag and drop, merge, delete; the passages of
 * the selected tag across the corpus.
 *
 * Signal "passage-activated" (gint64 annotation_id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-core.h"
#include "lectern-core.h"
#include "lectern-passages-window.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_CODEBOOK_VIEW (lectern_codebook_view_get_type ())

G_DECLARE_FINAL_TYPE (LecternCodebookView, lectern_codebook_view, LECTERN, CODEBOOK_VIEW, GtkWidget)

void              lectern_codebook_view_set_project       (LecternCodebookView *self,
                                                          LecternProject       *project);
/* Lists only these coders' passages (here and in the passages windows
 * opened from here); @n_coder_ids 0: every coder's. Counts stay every
 * coder's. */
void              lectern_codebook_view_set_coders       (LecternCodebookView *self,
                                                          const gint64        *coder_ids,
                                                          guint                n_coder_ids);
gint64            lectern_codebook_view_get_selected_tag (LecternCodebookView *self);
void              lectern_codebook_view_select_tag       (LecternCodebookView *self,
                                                          gint64               tag_id);
/* Rows shown in the tree (expanded). */
guint             lectern_codebook_view_get_n_rows       (LecternCodebookView *self);
/* Passages of the selected tag. (transfer none) of LecternAnnotation */
GListModel       *lectern_codebook_view_get_passages     (LecternCodebookView *self);
/* The dialog the last action opened (name entry, confirmation), or NULL;
 * its extra child is the name entry when it asks for a name. For tests. */
AdwMessageDialog *lectern_codebook_view_get_dialog       (LecternCodebookView *self);
/* The merge target picker. For tests. */
GtkPopover       *lectern_codebook_view_get_merge_picker (LecternCodebookView *self);
/* The passages window last opened by codebook.show-passages, or NULL. (transfer none) */
LecternPassagesWindow *lectern_codebook_view_get_passages_window (LecternCodebookView *self);

G_END_DECLS
