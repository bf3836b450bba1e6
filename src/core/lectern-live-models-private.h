/* lectern-live-models-private.h — how the project makes and updates its
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

/* @project is borrowed: the project owns the list and detaches it when it
 * goes. */
LecternDocumentList *_lectern_document_list_new    (LecternProject       *project);
void                 _lectern_document_list_apply  (LecternDocumentList *self,
                                                    LecternChangeSet    *changes);
void                 _lectern_document_list_detach (LecternDocumentList *self);

LecternTagTree      *_lectern_tag_tree_new         (LecternProject       *project);
void                 _lectern_tag_tree_apply       (LecternTagTree      *self,
                                                    LecternChangeSet    *changes);
void                 _lectern_tag_tree_detach      (LecternTagTree      *self);

/* Holds a reference on @project, which keeps only a weak one on the list. */
LecternPassageList  *_lectern_passage_list_new     (LecternProject       *project,
                                                    gint64               document_id);
void                 _lectern_passage_list_apply   (LecternPassageList  *self,
                                                    LecternChangeSet    *changes);

/* lectern-project-live.c */
/* The project's list of @document_id goes away. */
void                 _lectern_project_forget_passages (LecternProject     *project,
                                                      gint64             document_id);

G_END_DECLS
