/* lectern-words-view.h — word lists and keyness: the words of a set of
 * documents with their counts and per-million rates, or the words that
 * set A uses more than set B (G², log ratio), words more frequent in A
 * first. Sets are all documents, a language, a variable's value or one
 * document. Stop words hidden unless shown; a search field finds a word.
 *
 * Property "project" (LecternProject); "busy" while counting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"
#include "lectern-analysis-view.h"

G_BEGIN_DECLS

typedef enum
{
  LECTERN_WORDS_LIST,
  LECTERN_WORDS_KEYNESS,
} LecternWordsMode;

/* Which set a choice goes to. */
typedef enum
{
  LECTERN_WORDS_SET_LIST,
  LECTERN_WORDS_SET_A,
  LECTERN_WORDS_SET_B,
} LecternWordsSet;

#define LECTERN_TYPE_WORDS_VIEW (lectern_words_view_get_type ())

G_DECLARE_FINAL_TYPE (LecternWordsView, lectern_words_view, LECTERN, WORDS_VIEW, LecternAnalysisView)

GtkWidget      *lectern_words_view_new           (void);
/* (transfer none) (nullable) */
LecternProject *lectern_words_view_get_project   (LecternWordsView *self);
void            lectern_words_view_set_project   (LecternWordsView *self,
                                                  LecternProject   *project);
gboolean        lectern_words_view_get_busy      (LecternWordsView *self);
void            lectern_words_view_set_mode      (LecternWordsView *self,
                                                  LecternWordsMode  mode);
/* Chooses the entry labelled @label in @set's dropdown; FALSE if none. */
gboolean        lectern_words_view_choose_set    (LecternWordsView *self,
                                                  LecternWordsSet   set,
                                                  const char       *label);
/* Makes @set the documents @ids, as checking them in the set's list does
 * (none: the dropdown's choice again); FALSE if one is not there. */
gboolean        lectern_words_view_choose_documents (LecternWordsView *self,
                                                     LecternWordsSet   set,
                                                     const gint64     *ids,
                                                     guint             n_ids);
/* The rows shown, after search and sort. */
guint           lectern_words_view_get_n_rows    (LecternWordsView *self);
/* The text of a row's cell as shown (column 0: the word). (transfer full) */
char           *lectern_words_view_dup_cell_text (LecternWordsView *self,
                                                  guint             row,
                                                  guint             column);
gboolean        lectern_words_view_export_csv    (LecternWordsView *self,
                                                  GFile            *file,
                                                  GError          **error);

G_END_DECLS
