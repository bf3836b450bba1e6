/* lectern-window-private.h — the window's state, shared by its parts
 * (lectern-window.c, -actions.c, -import.c) and by the UI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-annotation-list.h"
#include "lectern-codebook-view.h"
#include "lectern-coder-filter.h"
#include "lectern-corpus-window.h"
#include "lectern-library-view.h"
#include "lectern-reader-view.h"
#include "lectern-window.h"

G_BEGIN_DECLS

struct _LecternWindow
{
  AdwApplicationWindow   parent_instance;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  AdwHeaderBar          *header_bar;
  AdwWindowTitle        *window_title;
  GtkMenuButton         *main_menu_button;
  GtkMenuButton         *coder_button;      /* shown with two coders or more */
  LecternCoderFilter    *coder_filter;      /* its popover */
  GtkWidget             *undo_box;
  GtkWidget             *import_button;
  GtkWidget             *library_button;
  GtkWidget             *panel_button;
  GtkRevealer           *import_revealer;
  GtkLabel              *import_label;
  GtkProgressBar        *import_progress;
  GtkStack              *main_stack;
  AdwFlap               *library_flap;
  AdwFlap               *panel_flap;
  LecternLibraryView    *library_view;
  LecternReaderView     *reader_view;
  AdwViewStack          *panel_stack;
  LecternAnnotationList *annotation_list;
  LecternCodebookView   *codebook_view;
  GMenu                 *recent_menu;

  /* State */
  LecternProject         *project;
  /* The project's documents, loaded once for the library, the codebook
   * and the window. */
  LecternDocumentList  *documents;
  GSignalGroup          *project_signals;
  gint64                 document_id;
  GCancellable          *import_cancellable;
  guint                  import_pulse_id;   /* a .qdpx being read */
  /* The last import's results, kept for the summary (and for tests). */
  GListModel            *import_results;
  AdwMessageDialog      *import_summary;
  GtkWindow             *project_memo;      /* weak */
  /* The last undo or redo toast, replaced by the next. (weak) */
  AdwToast              *history_toast;
};

void _lectern_window_class_init_actions (GtkWidgetClass *widget_class);
void _lectern_window_update_actions     (LecternWindow  *self);
void _lectern_window_update_recent_menu (LecternWindow  *self);
void _lectern_window_show_error         (LecternWindow  *self,
                                         const char     *heading,
                                         const GError   *error);
void _lectern_window_cancel_import      (LecternWindow  *self);
/* Where the Import chooser opens: the project's folder, or NULL. (transfer full) */
GFile *_lectern_window_dup_import_folder (LecternWindow  *self);
gboolean _lectern_window_is_importing   (LecternWindow  *self);
/* A message dialog with a scrolled, selectable plain-text @report (what
 * was refused or left out, and why); kept as the window's import_summary. */
void _lectern_window_present_report     (LecternWindow  *self,
                                         const char     *heading,
                                         const char     *body,
                                         const char     *report);
/* lectern-window-qdpx.c: a REFI-QDA project opens as a new project */
gboolean _lectern_file_is_qdpx          (GFile          *file);
void _lectern_window_open_qdpx          (LecternWindow  *self,
                                         GFile          *qdpx);
/* lectern-window-replace.c: Replace Text from File… (win.replace-text);
 * the summary is kept as import_summary */
void _lectern_window_class_init_replace (GtkWidgetClass *widget_class);
void _lectern_window_update_replace_actions (LecternWindow *self);
/* Replaces the text of @document_id by the text of @file, in the
 * background with progress and Cancel, then shows what became of its
 * passages. */
void lectern_window_replace_text_from_file (LecternWindow  *self,
                                            gint64          document_id,
                                            GFile          *file);
/* lectern-window-merge.c: Merge Project… (win.merge-project); the
 * preview is kept as import_summary */
void _lectern_window_class_init_merge   (GtkWidgetClass *widget_class);
void _lectern_window_update_merge_actions (LecternWindow *self);
/* Reads @other (a .lectern or .qdpx) in the background with progress
 * and Cancel, then shows what merging it would add, match and flag,
 * and merges it when the user agrees: one undo step. */
void lectern_window_merge_project       (LecternWindow  *self,
                                         GFile          *other);
/* lectern-window-orphans.c: the project's orphaned passages (win.orphans) */
void _lectern_window_class_init_orphans (GtkWidgetClass *widget_class);

/* lectern-window-corpus.c: the Corpus window (win.corpus) */
void _lectern_window_class_init_corpus  (GtkWidgetClass *widget_class);
/* The open Corpus window, or NULL. (transfer none) */
LecternCorpusWindow *_lectern_window_get_corpus_window (LecternWindow *self);
/* lectern-window-tools.c: compare, where, export, print */
void _lectern_window_class_init_tools   (GtkWidgetClass *widget_class);
void _lectern_window_update_tools_actions (LecternWindow *self);

G_END_DECLS
