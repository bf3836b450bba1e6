/* lectern-passages-window.h — every passage tagged with one code, full
 * width: document, the passage in its context, note, coder and date, in
 * a sortable table; activating a row shows the passage in the reader
 * (signal "passage-activated", the annotation's id); Export… opens the
 * export dialog filtered to the code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-core.h"
#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_PASSAGES_WINDOW (lectern_passages_window_get_type ())

G_DECLARE_FINAL_TYPE (LecternPassagesWindow, lectern_passages_window, LECTERN, PASSAGES_WINDOW, AdwWindow)

/* @documents: the project's documents, for their titles. */
LecternPassagesWindow *lectern_passages_window_new              (GtkWindow             *parent,
                                                                 LecternProject         *project,
                                                                 LecternDocumentList  *documents,
                                                                 gint64                 tag_id);
/* Lists only these coders' passages; @n_coder_ids 0: every coder's. */
void                   lectern_passages_window_set_coders       (LecternPassagesWindow *self,
                                                                 const gint64          *coder_ids,
                                                                 guint                  n_coder_ids);
gint64                 lectern_passages_window_get_tag_id       (LecternPassagesWindow *self);
/* Whether passages of the code's sub-codes are listed too. */
gboolean               lectern_passages_window_get_with_subtags (LecternPassagesWindow *self);
void                   lectern_passages_window_set_with_subtags (LecternPassagesWindow *self,
                                                                 gboolean               with_subtags);
/* The rows as shown, sorted: LecternAnnotation items. (transfer none) */
GListModel            *lectern_passages_window_get_rows         (LecternPassagesWindow *self);
/* The text a row's column shows (0 document, 1 passage in context, 2 note,
 * 3 coder, 4 date), for tests and accessibility. (transfer full) */
char                  *lectern_passages_window_dup_cell_text    (LecternPassagesWindow *self,
                                                                 LecternAnnotation     *annotation,
                                                                 guint                  column);
/* As a click on the row at @position would. */
void                   lectern_passages_window_activate_row     (LecternPassagesWindow *self,
                                                                 guint                  position);

G_END_DECLS
