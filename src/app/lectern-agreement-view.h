/* lectern-agreement-view.h — Inter-coder Agreement, a page of the Corpus
 * window: two coders chosen, their agreement measured per code in a job
 * (lectern_coder_agreement_measure()), shown as a sortable table with the
 * overall row last; a code's disagreements listed under it, each opening
 * the document at its range. Both exported as CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-analysis-view.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_AGREEMENT_VIEW (lectern_agreement_view_get_type ())

G_DECLARE_FINAL_TYPE (LecternAgreementView, lectern_agreement_view, LECTERN, AGREEMENT_VIEW, LecternAnalysisView)

/* The table's columns, in order. */
typedef enum
{
  LECTERN_AGREEMENT_COLUMN_CODE,
  LECTERN_AGREEMENT_COLUMN_AGREEMENT,
  LECTERN_AGREEMENT_COLUMN_KAPPA,
  LECTERN_AGREEMENT_COLUMN_ALPHA,
  LECTERN_AGREEMENT_COLUMN_A_CHARS,
  LECTERN_AGREEMENT_COLUMN_B_CHARS,
  LECTERN_AGREEMENT_COLUMN_BOTH_CHARS,
  LECTERN_AGREEMENT_COLUMN_CODED_KAPPA,
  LECTERN_AGREEMENT_COLUMN_U_ALPHA,
  LECTERN_AGREEMENT_COLUMN_MATCHED,
  LECTERN_AGREEMENT_N_VIEW_COLUMNS
} LecternAgreementColumn;

GtkWidget      *lectern_agreement_view_new              (void);
/* Chooses coder A and B by id, as the dropdowns do; a new run follows. */
void            lectern_agreement_view_set_coders       (LecternAgreementView *self,
                                                         gint64                coder_a,
                                                         gint64                coder_b);
/* The table as shown, sorted (the overall row last), and the text of a
 * row's cell; "" past the end. (transfer none) / (transfer full) */
GListModel     *lectern_agreement_view_get_rows         (LecternAgreementView *self);
char           *lectern_agreement_view_dup_cell         (LecternAgreementView *self,
                                                         guint                 row,
                                                         LecternAgreementColumn column);
/* (transfer none) */
GtkColumnView  *lectern_agreement_view_get_table        (LecternAgreementView *self);
GtkColumnView  *lectern_agreement_view_get_disagreements_table (LecternAgreementView *self);
/* The disagreements listed (those of the code last activated), and a
 * line's text: title, range, quote, coder. (transfer full) */
guint           lectern_agreement_view_get_n_disagreements (LecternAgreementView *self);
char           *lectern_agreement_view_dup_disagreement (LecternAgreementView *self,
                                                         guint                 position);
gboolean        lectern_agreement_view_export_table_csv (LecternAgreementView *self,
                                                         GFile                *file,
                                                         GError              **error);
gboolean        lectern_agreement_view_export_disagreements_csv (LecternAgreementView *self,
                                                                 GFile                *file,
                                                                 GError              **error);

G_END_DECLS
