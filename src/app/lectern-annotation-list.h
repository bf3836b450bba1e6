/* lectern-annotation-list.h — the current document's annotations in
 * reading order, with their tags and notes.
 *
 * Signals: "annotation-activated" (gint64 id): show it in the reader;
 * "fit-requested" (gint64 id): fit it to the reader's selection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_ANNOTATION_LIST (lectern_annotation_list_get_type ())

G_DECLARE_FINAL_TYPE (LecternAnnotationList, lectern_annotation_list, LECTERN, ANNOTATION_LIST, GtkWidget)

void        lectern_annotation_list_set_project        (LecternAnnotationList *self,
                                                       LecternProject         *project);
void        lectern_annotation_list_set_document_id   (LecternAnnotationList *self,
                                                       gint64                 document_id);
void        lectern_annotation_list_select_annotation (LecternAnnotationList *self,
                                                       gint64                 annotation_id);
/* Shows only these coders' passages; @n_coder_ids 0: every coder's. */
void        lectern_annotation_list_set_coders        (LecternAnnotationList *self,
                                                       const gint64          *coder_ids,
                                                       guint                  n_coder_ids);
/* The annotations shown. (transfer none) of LecternAnnotation */
GListModel *lectern_annotation_list_get_model         (LecternAnnotationList *self);
/* Opens the note editor of one annotation; returns it for tests. */
GtkPopover *lectern_annotation_list_edit_note         (LecternAnnotationList *self,
                                                       gint64                 annotation_id);

G_END_DECLS
