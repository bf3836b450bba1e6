/* lectern-annotation.h — a highlighted passage with tags and a note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_ANNOTATION (lectern_annotation_get_type ())

G_DECLARE_FINAL_TYPE (LecternAnnotation, lectern_annotation, LECTERN, ANNOTATION, GObject)

/* Annotations are snapshots made by the project; change them through it. */
gint64        lectern_annotation_get_id          (LecternAnnotation *self);
gint64        lectern_annotation_get_document_id (LecternAnnotation *self);
/* Code-point offsets into the stored text, end exclusive. */
glong         lectern_annotation_get_start       (LecternAnnotation *self);
glong         lectern_annotation_get_end         (LecternAnnotation *self);
/* The text of [start, end) when it was last anchored. */
const char   *lectern_annotation_get_quote       (LecternAnnotation *self);
/* Up to LECTERN_TEXT_CONTEXT_CHARS code points before and after. */
const char   *lectern_annotation_get_prefix      (LecternAnnotation *self);
const char   *lectern_annotation_get_suffix      (LecternAnnotation *self);
/* May be NULL. */
const char   *lectern_annotation_get_note        (LecternAnnotation *self);
const char   *lectern_annotation_get_author      (LecternAnnotation *self);
/* (transfer none) */
GDateTime    *lectern_annotation_get_created     (LecternAnnotation *self);
GDateTime    *lectern_annotation_get_updated     (LecternAnnotation *self);
/* TRUE when an edit of its document's text removed all of the passage's
 * words: it keeps its quote, context, note, tags and coder, and its start
 * and end say only where it last stood, in an earlier version of the
 * text. Lists and analyses of placed passages leave orphans out. */
gboolean      lectern_annotation_get_orphaned    (LecternAnnotation *self);
/* The coder who coded it (lectern_project_list_coders()); 0: none known. */
gint64        lectern_annotation_get_coder_id    (LecternAnnotation *self);
/* Tag ids, in the order the tags were applied. (transfer none) */
const gint64 *lectern_annotation_get_tag_ids     (LecternAnnotation *self,
                                                  guint             *n_tags);
gboolean      lectern_annotation_has_tag         (LecternAnnotation *self,
                                                  gint64             tag_id);

G_END_DECLS
