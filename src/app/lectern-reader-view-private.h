/* lectern-reader-view-private.h — what the reader view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-note-popover.h"
#include "lectern-orphan-list.h"
#include "lectern-reader-view.h"

G_BEGIN_DECLS

struct _LecternReaderView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *find_entry;
  GtkLabel           *match_label;
  GtkOverlay         *overlay;
  GtkScrolledWindow  *scroller;
  LecternReaderText  *text_view;
  GtkWidget          *gutter;          /* paragraph numbers; owned by the text view */
  GtkWidget          *tag_button;
  GMenuModel         *extra_menu;

  /* Popovers parented to the text view */
  LecternTagPicker   *tag_picker;
  LecternNotePopover *note_popover;
  GtkPopover         *info_popover;

  LecternProject      *project;
  GSignalGroup       *project_signals;
  gint64              document_id;
  GHashTable         *tags;            /* id → LecternTag */
  GListModel         *annotations;     /* LecternAnnotation, reading order: the
                                        * shown coders' (a GtkFilterListModel) */
  GtkCustomFilter    *coder_filter;
  GArray             *coders;          /* gint64: the coders shown; empty: all */
  guint               highlights_source; /* coalesces the list's changes */
  gint64              picker_annotation_id;  /* 0: tag the selection */
  /* The selection when the picker opened: typing in the picker takes the
   * PRIMARY selection, and GtkTextBuffer deselects when it loses it. */
  glong               picker_start;
  glong               picker_end;

  GtkCssProvider     *font_provider;
  int                 char_width;      /* px, at the current font and zoom */
  int                 side_margin;

  GtkTextTag         *match_tag;
  GtkTextTag         *paragraph_tag;   /* a paragraph's space under a single line break */
  GtkTextTag         *heading_tags[6]; /* the document's structure: headings by level */
  GtkTextTag         *quote_tag;
  GtkTextTag         *footnote_tag;
  GArray             *matches;         /* glong pairs: start, end */
  int                 current_match;

  /* A transcript's speakers (lectern-reader-view-speakers.c) */
  GtkWidget          *speaker_gutter;  /* owned by the text view */
  GtkTextTag         *other_speakers_tag;
  char               *only_speaker;    /* nullable: the speaker shown alone */

  /* Edit mode and orphans (lectern-reader-view-edit.c) */
  GtkRevealer        *edit_bar;
  GtkRevealer        *orphan_bar;
  GtkLabel           *orphan_label;
  GtkMenuButton      *orphan_button;
  GtkPopover         *orphan_popover;
  LecternOrphanList  *orphan_list;
  gboolean            editing;
  guint               applying;        /* the reader changes its own buffer */
  guint               user_action;     /* the buffer's user actions open */
  gboolean            in_run;          /* typing: see lectern_project_set_typing_run() */
  glong               run_cursor;      /* where the run's next keystroke would be */
  guint               run_timeout;
};

GtkTextBuffer *_lectern_reader_view_get_buffer       (LecternReaderView *self);
glong          _lectern_reader_view_cursor_offset    (LecternReaderView *self);
void           _lectern_reader_view_update_actions   (LecternReaderView *self);
gboolean       _lectern_reader_view_trimmed_selection (LecternReaderView *self,
                                                       glong             *start,
                                                       glong             *end);
gint64         _lectern_reader_view_annotation_overlapping_selection (LecternReaderView *self);
void           _lectern_reader_view_show_error       (LecternReaderView *self,
                                                      const GError      *error);
void           _lectern_reader_view_popup_tag_picker (LecternReaderView *self,
                                                      gint64             annotation_id);
void           _lectern_reader_view_popup_note       (LecternReaderView *self,
                                                      gint64             annotation_id);

/* lectern-reader-view-find.c */
void           _lectern_reader_view_class_find_init  (GtkWidgetClass    *widget_class);
void           _lectern_reader_view_clear_find       (LecternReaderView *self);
void           _lectern_reader_view_step_match       (LecternReaderView *self,
                                                      int                delta);

/* lectern-reader-view-speakers.c */
void           _lectern_reader_view_speakers_init        (LecternReaderView *self);
void           _lectern_reader_view_speakers_dispose     (LecternReaderView *self);
void           _lectern_reader_view_class_speakers_init  (GtkWidgetClass    *widget_class);
void           _lectern_reader_view_speakers_set_structure (LecternReaderView *self,
                                                            GArray            *structure);
void           _lectern_reader_view_speakers_reload      (LecternReaderView *self);

/* lectern-reader-view-edit.c */
void           _lectern_reader_view_edit_init        (LecternReaderView *self);
void           _lectern_reader_view_edit_dispose     (LecternReaderView *self);
void           _lectern_reader_view_class_edit_init  (GtkWidgetClass    *widget_class);
/* Before another document is shown (Edit mode ends) and after. */
void           _lectern_reader_view_edit_document_changed (LecternReaderView *self);

/* lectern-reader-view-actions.c */
void           _lectern_reader_view_class_actions_init (GtkWidgetClass *widget_class);

G_END_DECLS
