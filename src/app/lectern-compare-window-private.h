/* lectern-compare-window-private.h — what the comparison window's files
 * share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-compare-window.h"

G_BEGIN_DECLS

struct _LecternCompareWindow
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkDropDown         *dropdown_a;
  GtkDropDown         *dropdown_b;
  GtkLabel            *summary_label;
  GtkRevealer         *busy_revealer;
  GtkSpinner          *spinner;
  LecternReaderView   *pane_a;
  LecternReaderView   *pane_b;
  LecternCompareBands *bands;
  GtkActionBar        *pair_bar;
  GtkLabel            *pair_label;
  GtkDropDown         *version_dropdown;
  GtkActionBar        *coders_bar;
  GtkDropDown         *coder_dropdown_a;
  GtkDropDown         *coder_dropdown_b;
  GtkLabel            *unit_label;
  GtkMenuButton       *accept_all_button;

  LecternProject       *project;
  GSignalGroup        *project_signals;
  GListModel          *documents;
  GHashTable          *labels;         /* id → label, from documents */
  gint64               doc[2];
  LecternCompareMode   mode;
  gboolean             hide_minor;
  gboolean             sync_scroll;

  GCancellable        *cancellable;
  GArray              *chunks;         /* LecternChunk, or NULL */
  LecternDiffSummary   summary;
  LecternScrollMapper *mapper;         /* from chunks, or NULL */
  int                  current;
  gboolean             syncing;
  gboolean             updating_dropdowns;
  /* The passage last selected in each pane, for "Pair Selections": a
   * buffer drops its selection when another widget takes PRIMARY, so
   * selecting on the right would otherwise lose the left one. */
  glong                chosen[2][2];

  /* Versions mode on one document (lectern-compare-window-versions.c):
   * @version > 0 shows that earlier version of doc[1] on the left
   * (doc[0] is then 0); @version_before is the left document to go back
   * to. */
  guint                version;
  gint64               version_before;
  GArray              *version_numbers; /* guint, the dropdown's rows */
  gboolean             updating_versions;

  /* Coders mode on one document (lectern-compare-window-coders.c): both
   * panes show doc[1], coder[0]'s passages on the left, coder[1]'s on the
   * right; the chunks are the open units, open_units[i] chunk i's. */
  gint64               coder[2];
  GPtrArray           *coders;          /* LecternCoder, the dropdowns' rows */
  GPtrArray           *units;           /* LecternCoderUnit, every unit */
  GPtrArray           *open_units;      /* not owned: those not decided */
  guint                n_disagreements; /* units not agreed, decided or not */
  glong                coders_resume;   /* after a change, go on from here; -1: don't */
  gboolean             updating_coders;
  gboolean             coders_writing;
};

static inline LecternReaderView *
pane (LecternCompareWindow *self,
      guint                 side)
{
  return side == 0 ? self->pane_a : self->pane_b;
}

static inline GtkTextView *
text_view (LecternCompareWindow *self,
           guint                 side)
{
  return GTK_TEXT_VIEW (lectern_reader_view_get_text_view (pane (self, side)));
}

static inline GtkTextBuffer *
buffer (LecternCompareWindow *self,
        guint                 side)
{
  return gtk_text_view_get_buffer (text_view (self, side));
}

static inline void
chunk_side (const LecternChunk *c,
            guint               side,
            glong              *start,
            glong              *end)
{
  *start = side == 0 ? c->a_start : c->b_start;
  *end = side == 0 ? c->a_end : c->b_end;
}

/* Whether next/previous stop at this chunk: every change, pair or
 * shared passage; never the text two versions share. */
static inline gboolean
is_stop (const LecternChunk *c)
{
  return c->kind != LECTERN_CHUNK_EQUAL;
}

void _lectern_compare_window_show_error  (LecternCompareWindow *self,
                                         const char           *heading,
                                         const GError         *error);
void _lectern_compare_window_set_current (LecternCompareWindow *self,
                                         int                   index);

void _lectern_compare_window_set_busy    (LecternCompareWindow *self,
                                         GCancellable         *cancellable);
/* Shows @chunks (taken) and @summary, the result of a comparison. */
void _lectern_compare_window_show_result (LecternCompareWindow *self,
                                         GArray               *chunks,
                                         const LecternDiffSummary *summary);

/* lectern-compare-window-versions.c: an earlier version against the
 * current text */
void _lectern_compare_window_init_versions    (LecternCompareWindow *self);
void _lectern_compare_window_refresh_versions (LecternCompareWindow *self);
void _lectern_compare_window_run_version      (LecternCompareWindow *self,
                                              LecternWordDiffFlags  flags,
                                              GCancellable         *cancellable);
/* Leaves the earlier version for a document on the left again, with
 * @right on the right. */
void _lectern_compare_window_leave_version    (LecternCompareWindow *self,
                                              gint64                right);

/* lectern-compare-window-navigation.c: next and previous change */
void _lectern_compare_window_class_navigation_init (GtkWidgetClass *widget_class);
/* Shows chunk @index in both panes and makes it the current one. */
void _lectern_compare_window_go_to_chunk           (LecternCompareWindow *self,
                                                    int                   index);

/* lectern-compare-window-coders.c: adjudicating two coders' codings */
void  _lectern_compare_window_init_coders             (LecternCompareWindow *self);
void  _lectern_compare_window_class_coders_init       (GtkWidgetClass       *widget_class);
void  _lectern_compare_window_refresh_coders          (LecternCompareWindow *self);
void  _lectern_compare_window_run_coders              (LecternCompareWindow *self);
void  _lectern_compare_window_update_coders           (LecternCompareWindow *self);
void  _lectern_compare_window_coders_mode_changed     (LecternCompareWindow *self);
void  _lectern_compare_window_coders_project_changed  (LecternCompareWindow *self,
                                                       guint                 what,
                                                       gint64                document_id);
/* "3 of 5 disagreements left". (transfer full) */
char *_lectern_compare_window_coders_summary          (LecternCompareWindow *self);

/* lectern-compare-window-actions.c */
void _lectern_compare_window_class_actions_init    (GtkWidgetClass *widget_class);

G_END_DECLS
