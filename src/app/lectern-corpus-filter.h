/* lectern-corpus-filter.h — which documents a corpus question looks at, as
 * a popover: a checklist of documents (none checked: all), of coders
 * whose passages count (none checked: all), a language, a
 * document variable KEY=VALUE and, for the concordance, a tag whose
 * passages the hits must lie in. "changed" after each edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_CORPUS_FILTER (lectern_corpus_filter_get_type ())

G_DECLARE_FINAL_TYPE (LecternCorpusFilter, lectern_corpus_filter, LECTERN, CORPUS_FILTER, GtkPopover)

GtkWidget             *lectern_corpus_filter_new          (void);
void                   lectern_corpus_filter_set_project  (LecternCorpusFilter *self,
                                                           LecternProject      *project);
/* Whether the tag row is shown (the concordance's "inside passages of"). */
void                   lectern_corpus_filter_set_show_tag (LecternCorpusFilter *self,
                                                           gboolean             show_tag);
/* The filter as set, or NULL with @error (a variable not KEY=VALUE).
 * (transfer full) */
LecternDocumentFilter *lectern_corpus_filter_dup_filter   (LecternCorpusFilter *self,
                                                           GError             **error);
/* How many conditions are set, for the button's label. */
guint                  lectern_corpus_filter_get_n_active (LecternCorpusFilter *self);
gint64                 lectern_corpus_filter_get_tag_id   (LecternCorpusFilter *self);
void                   lectern_corpus_filter_set_tag_id   (LecternCorpusFilter *self,
                                                           gint64               tag_id);
void                   lectern_corpus_filter_set_language (LecternCorpusFilter *self,
                                                           const char          *language);
void                   lectern_corpus_filter_set_variable (LecternCorpusFilter *self,
                                                           const char          *key_value);
/* Checks or unchecks a coder (lectern_project_list_coders()): whose
 * passages count; none checked: every coder's. The list shows when the
 * project has two coders or more. */
void                   lectern_corpus_filter_set_coder    (LecternCorpusFilter *self,
                                                           gint64               coder_id,
                                                           gboolean             checked);
/* Checks or unchecks @document_id in the list. */
void                   lectern_corpus_filter_set_document (LecternCorpusFilter *self,
                                                           gint64               document_id,
                                                           gboolean             checked);

G_END_DECLS
