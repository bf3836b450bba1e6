/* lectern-query-view.h — the Corpus window's coding queries: passages of
 * codes combined ("Claims/NATO" AND "Tone/Hostile", OR, NOT, NEAR/N,
 * FOLLOWED-BY, parentheses) over the documents a filter keeps, or the
 * documents where the query finds something (with NOT X: nothing). The
 * query runs in a job and again when the project changes; a malformed one
 * shows core's reason and position. "passage-activated" (document id,
 * start, end) asks to show a result; export as CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_QUERY_VIEW (lectern_query_view_get_type ())

G_DECLARE_FINAL_TYPE (LecternQueryView, lectern_query_view, LECTERN, QUERY_VIEW, GtkWidget)

GtkWidget      *lectern_query_view_new             (LecternProject   *project);
LecternProject *lectern_query_view_get_project     (LecternQueryView *self);
void            lectern_query_view_set_project     (LecternQueryView *self,
                                                    LecternProject   *project);
void            lectern_query_view_set_expression  (LecternQueryView *self,
                                                    const char       *expression);
/* Lists documents rather than passages. */
void            lectern_query_view_set_list_documents (LecternQueryView *self,
                                                       gboolean          list_documents);
gboolean        lectern_query_view_get_busy        (LecternQueryView *self);
/* The rows shown. */
guint           lectern_query_view_get_n_rows      (LecternQueryView *self);
/* What a row's column shows (0 document, 1 passage, 2 tags). (transfer full) */
char           *lectern_query_view_dup_cell_text   (LecternQueryView *self,
                                                    guint             position,
                                                    guint             column);
const char     *lectern_query_view_get_error       (LecternQueryView *self);
void            lectern_query_view_activate_row    (LecternQueryView *self,
                                                    guint             position);

G_END_DECLS
