/* lectern-corpus-window.h — asking the whole corpus questions, one page
 * each (concordance, coding queries, and the analysis widgets as they
 * come) in an AdwViewStack. "range-activated" (document id, start, end)
 * asks the main window to show a place in its reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_CORPUS_WINDOW (lectern_corpus_window_get_type ())

G_DECLARE_FINAL_TYPE (LecternCorpusWindow, lectern_corpus_window, LECTERN, CORPUS_WINDOW, AdwWindow)

LecternCorpusWindow *lectern_corpus_window_new          (GtkWindow           *parent,
                                                         LecternProject      *project);
LecternProject      *lectern_corpus_window_get_project  (LecternCorpusWindow *self);
/* The page named @name ("concordance", "queries"…), or NULL. (transfer none) */
GtkWidget           *lectern_corpus_window_get_page     (LecternCorpusWindow *self,
                                                         const char          *name);
void                 lectern_corpus_window_show_page    (LecternCorpusWindow *self,
                                                         const char          *name);

G_END_DECLS
