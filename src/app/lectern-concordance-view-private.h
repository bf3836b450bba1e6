/* lectern-concordance-view-private.h — the concordance's state, shared by
 * its parts (lectern-concordance-view.c, -actions.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-analysis-runner.h"
#include "lectern-concordance-view.h"
#include "lectern-corpus-filter.h"
#include "lectern-tag-picker.h"

G_BEGIN_DECLS

enum { COLUMN_DOCUMENT, COLUMN_LEFT, COLUMN_MATCH, COLUMN_RIGHT, N_COLUMNS };

struct _LecternConcordanceView
{
  GtkWidget             parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkSearchEntry       *entry;
  GtkMenuButton        *filter_button;
  LecternCorpusFilter  *filter;
  GtkDropDown          *sort_dropdown;
  GtkSpinner           *spinner;
  GtkWidget            *cancel_button;
  GtkLabel             *error_label;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkColumnView        *column_view;
  GtkLabel             *status_label;
  GtkDropDown          *scope_dropdown;
  GtkMenuButton        *within_button;
  LecternTagPicker     *within_picker;
  LecternTagPicker     *selected_picker;
  LecternTagPicker     *all_picker;
  GtkWidget            *code_selected_button;
  GtkWidget            *code_all_button;

  LecternProject         *project;
  LecternAnalysisRunner  *runner;     /* the query, re-run on a change */
  GListStore             *hits;       /* LecternSearchHit, as core sorted them */
  GtkMultiSelection      *selection;
  gint64                  within_tag_id;
  char                   *error;
  char                   *status;
  GHashTable             *labels;     /* document id → label, for the hits shown */
};

void        _lectern_concordance_view_class_init_actions   (GtkWidgetClass         *widget_class);
void        _lectern_concordance_view_update_within_button (LecternConcordanceView *self);
/* @text on one line: line breaks and runs of spaces as one space. (transfer full) */
char       *_lectern_concordance_view_flatten              (const char             *text);
/* The hit's document as a person tells it from the others. (transfer none) */
const char *_lectern_concordance_view_document_label       (LecternConcordanceView *self,
                                                            LecternSearchHit       *hit);

G_END_DECLS
