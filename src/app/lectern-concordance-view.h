/* lectern-concordance-view.h — the Corpus window's concordance: every hit
 * of a query (lectern-cli search's language) as keyword in context, over
 * the documents a filter keeps, sorted by the words beside the match, by
 * document or by date; the hits coded with a tag in one step, exported as
 * CSV. The query runs in a job; it runs again when the project changes.
 * "hit-activated" (document id, start, end) asks to show a hit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_CONCORDANCE_VIEW (lectern_concordance_view_get_type ())

G_DECLARE_FINAL_TYPE (LecternConcordanceView, lectern_concordance_view, LECTERN, CONCORDANCE_VIEW, GtkWidget)

GtkWidget        *lectern_concordance_view_new             (LecternProject          *project);
LecternProject   *lectern_concordance_view_get_project     (LecternConcordanceView  *self);
void              lectern_concordance_view_set_project     (LecternConcordanceView  *self,
                                                            LecternProject          *project);
/* Sets the query's text, as typed; the query runs at once. */
void              lectern_concordance_view_set_query       (LecternConcordanceView  *self,
                                                            const char              *query);
void              lectern_concordance_view_set_sort        (LecternConcordanceView  *self,
                                                            LecternConcordanceSort   sort);
void              lectern_concordance_view_set_scope       (LecternConcordanceView  *self,
                                                            LecternAutocodeScope     scope);
/* Codes hits only inside passages of @tag_id (0: anywhere), as the
 * "Only inside" button does. */
void              lectern_concordance_view_set_within_tag  (LecternConcordanceView  *self,
                                                            gint64                   tag_id);
/* Whether a query is running. */
gboolean          lectern_concordance_view_get_busy        (LecternConcordanceView  *self);
/* The hits shown, in order: LecternSearchHit. (transfer none) */
GListModel       *lectern_concordance_view_get_hits        (LecternConcordanceView  *self);
GtkSelectionModel *lectern_concordance_view_get_selection  (LecternConcordanceView  *self);
/* What a hit's column shows (0 document, 1 left, 2 match, 3 right). (transfer full) */
char             *lectern_concordance_view_dup_cell_text   (LecternConcordanceView  *self,
                                                            guint                    position,
                                                            guint                    column);
/* The error shown under the query, or NULL. */
const char       *lectern_concordance_view_get_error       (LecternConcordanceView  *self);
/* The status line ("12 hits in 3 documents"). */
const char       *lectern_concordance_view_get_status      (LecternConcordanceView  *self);
/* As a click on the row at @position would. */
void              lectern_concordance_view_activate_row    (LecternConcordanceView  *self,
                                                            guint                    position);
/* The filters' popover. (transfer none) */
GtkWidget        *lectern_concordance_view_get_filter      (LecternConcordanceView  *self);

G_END_DECLS
