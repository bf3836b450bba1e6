/* lectern-passage-list.h — a document's passages (annotations) as one
 * live GListModel of LecternAnnotation, by start (then end, then id):
 * lectern_project_dup_passages(). Every view of one document shares one.
 *
 * Kept current by the project before "changed" is emitted: a new passage
 * is one insertion, a deleted one one removal, an edited one that keeps
 * its place one replacement, one whose range moves it a removal and an
 * insertion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-project.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_PASSAGE_LIST (lectern_passage_list_get_type ())

G_DECLARE_FINAL_TYPE (LecternPassageList, lectern_passage_list, LECTERN, PASSAGE_LIST, GObject)

gint64 lectern_passage_list_get_document_id (LecternPassageList *self);

G_END_DECLS
