/* lectern-live-models-private.h — how the corpus makes and updates its
 * live list models (lectern-document-list.c, lectern-tag-tree.c,
 * lectern-passage-list.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-change-set.h"
#include "lectern-document-list.h"
#include "lectern-passage-list.h"
#include "lectern-tag-tree.h"

G_BEGIN_DECLS

/* @corpus is borrowed: the corpus owns the list and detaches it when it
 * goes. */
LecternDocumentList *_lectern_document_list_new    (LecternCorpus       *corpus);
void                 _lectern_document_list_apply  (LecternDocumentList *self,
                                                    LecternChangeSet    *changes);
void                 _lectern_document_list_detach (LecternDocumentList *self);

LecternTagTree      *_lectern_tag_tree_new         (LecternCorpus       *corpus);
void                 _lectern_tag_tree_apply       (LecternTagTree      *self,
                                                    LecternChangeSet    *changes);
void                 _lectern_tag_tree_detach      (LecternTagTree      *self);

/* Holds a reference on @corpus, which keeps only a weak one on the list. */
LecternPassageList  *_lectern_passage_list_new     (LecternCorpus       *corpus,
                                                    gint64               document_id);
void                 _lectern_passage_list_apply   (LecternPassageList  *self,
                                                    LecternChangeSet    *changes);

/* lectern-corpus-live.c */
/* The corpus's list of @document_id goes away. */
void                 _lectern_corpus_forget_passages (LecternCorpus     *corpus,
                                                      gint64             document_id);

G_END_DECLS
