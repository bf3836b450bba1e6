/* lectern-web-annotation-reader.h — reads W3C Web Annotation JSON(-LD)
 * back into a corpus (lectern-cli import-annotations).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-core.h"

G_BEGIN_DECLS

/* Bounds of one annotation file, checked before the memory is spent: its
 * size in bytes, how deep its JSON nests (checked over the bytes before
 * parsing; json-glib recurses for each level), how many annotations it
 * holds, and how many tags one annotation may carry. */
#define LECTERN_WEB_ANNOTATION_MAX_SIZE        (G_GINT64_CONSTANT (1024) * 1024 * 1024)
#define LECTERN_WEB_ANNOTATION_MAX_DEPTH       64
#define LECTERN_WEB_ANNOTATION_MAX_ANNOTATIONS 1000000
#define LECTERN_WEB_ANNOTATION_MAX_TAGS        1000

/* Reads an AnnotationCollection (or an array of annotations, or one
 * annotation) from @file and adds its annotations to @project.
 *
 * Each annotation's target names its document by source (the
 * "urn:lectern:document:<content-hash>" that Lectern writes, else the
 * document's title); it is anchored by its TextPositionSelector when the
 * text there still equals its TextQuoteSelector's exact, else re-anchored
 * by quote, prefix and suffix. Tags are made from the tagging bodies'
 * paths ("Parent/Child"), the commenting body becomes the note, creator
 * and dates are kept.
 *
 * An annotation that cannot be placed is skipped and described in
 * @problems (one translated line each, naming the annotation); the others
 * are still added, all in one transaction (a batch, see
 * lectern_project_begin_batch(); none may be open on @project). Returns FALSE
 * with @error when the file cannot be read, is not a regular file, is past
 * the bounds above or is not Web Annotation JSON, or the project cannot be
 * written or the import is cancelled; then nothing was added.
 *
 * @n_added: (out) (optional) number of annotations added
 * @problems: (out) (optional) (transfer full) element-type utf8 */
gboolean lectern_web_annotation_import      (LecternProject  *project,
                                             GFile          *file,
                                             guint          *n_added,
                                             GPtrArray     **problems,
                                             GCancellable   *cancellable,
                                             GError        **error);
/* The same from memory; @name names the input in messages. */
gboolean lectern_web_annotation_import_data (LecternProject  *project,
                                             const char     *data,
                                             gssize          length,
                                             const char     *name,
                                             guint          *n_added,
                                             GPtrArray     **problems,
                                             GCancellable   *cancellable,
                                             GError        **error);

G_END_DECLS
