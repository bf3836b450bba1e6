/* lectern-web-annotation-reader.h — reads W3C Web Annotation JSON(-LD)
 * back into a corpus (lectern-cli import-annotations).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-core.h"

G_BEGIN_DECLS

/* Reads an AnnotationCollection (or an array of annotations, or one
 * annotation) from @file and adds its annotations to @corpus.
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
 * lectern_corpus_begin_batch(); none may be open on @corpus). Returns FALSE
 * with @error when the file cannot be read or is not Web Annotation JSON,
 * or the project cannot be written or the import is cancelled; then
 * nothing was added.
 *
 * @n_added: (out) (optional) number of annotations added
 * @problems: (out) (optional) (transfer full) element-type utf8 */
gboolean lectern_web_annotation_import      (LecternCorpus  *corpus,
                                             GFile          *file,
                                             guint          *n_added,
                                             GPtrArray     **problems,
                                             GCancellable   *cancellable,
                                             GError        **error);
/* The same from memory; @name names the input in messages. */
gboolean lectern_web_annotation_import_data (LecternCorpus  *corpus,
                                             const char     *data,
                                             gssize          length,
                                             const char     *name,
                                             guint          *n_added,
                                             GPtrArray     **problems,
                                             GCancellable   *cancellable,
                                             GError        **error);

G_END_DECLS
