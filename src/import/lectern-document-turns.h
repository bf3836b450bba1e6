/* lectern-document-turns.h — a stored document's speaker turns: what the
 * detector finds in its text with the user's stored corrections applied,
 * the `turn` spans of its structure kept in step with them, and the
 * speakers coded as tags.
 *
 * Turns and stored spans: the turns of a document are always computed,
 * never read back from its `turn` spans: the detector over the stored
 * text, then the document's corrections (lectern-turn-correction.h) in
 * the order made. A source that states its speakers (subtitles' voices)
 * reaches this through the corrections too: on import the reader's
 * `turn` spans become a CLEAR then one SET_TURN per turn, stored first,
 * so detection neither adds nor drops any of them and later corrections
 * apply to them as to detected turns. The `turn` spans of the structure
 * are a copy, for the reader and the exports, rewritten whenever the
 * corrections change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include <glib.h>

#include "lectern-core.h"

G_BEGIN_DECLS

/* The tag under which lectern_document_turns_code() files the speakers. */
#define LECTERN_DOCUMENT_TURNS_DEFAULT_PARENT "Speakers"

/* The turns of a stored document, in text order, its corrections
 * applied. Returns: (transfer full) (element-type LecternTurn): empty
 * when the document is no transcript; NULL with @error set (NOT_FOUND:
 * no such document). */
GArray   *lectern_document_turns_dup             (LecternProject                *project,
                                                  gint64                        document_id,
                                                  GError                      **error);

/* Rewrites the document's `turn` spans from its turns
 * (lectern_document_turns_dup()), leaving its other spans as they are.
 * With @with_times, a document with no `time` span yet also gets one
 * per turn's timestamp (the timestamp as written, value "HH:MM:SS"): the
 * importer asks for them once; corrections never move a timestamp.
 * A turn whose span would cross a span already there (a page a turn runs
 * over, a paragraph that ends past the turn) is not stored: spans must
 * nest, and a turn cut at the crossing would cross the paragraphs that
 * run over a page's end in turn. Writes nothing when the spans are
 * already so. One undo step, or a part of the open group or batch. */
gboolean  lectern_document_turns_store           (LecternProject                *project,
                                                  gint64                        document_id,
                                                  gboolean                      with_times,
                                                  GError                      **error);

/* For a document not yet stored, before the write transaction that
 * stores it (the detector's work is not done holding the write lock): the
 * structure that lectern_document_turns_store() with times would write
 * once @text is stored with @structure and @corrections (element-type
 * LecternTurnCorrection), or NULL when it would write nothing. Touches no
 * project. (transfer full) (element-type LecternSpan) */
GArray   *lectern_document_turns_prepare         (const char                   *text,
                                                  GArray                       *structure,
                                                  GArray                       *corrections);

/* Keeps @correction with the document's others and rewrites its `turn`
 * spans, as one undo step (a group: not inside another group). */
gboolean  lectern_document_turns_correct         (LecternProject                *project,
                                                  gint64                        document_id,
                                                  const LecternTurnCorrection  *correction,
                                                  GError                      **error);

/* Codes what each turn's speaker says (the turn without its timestamp and
 * label) with the tag PARENT/SPEAKER (@parent NULL:
 * LECTERN_DOCUMENT_TURNS_DEFAULT_PARENT), made when missing; a "/" in a
 * speaker's name becomes "-", since it would make a sub-tag. A passage
 * already coded with that tag over the same range is not made again.
 * One undo step (a group: not inside another group). @n_made: (out)
 * (optional) the number of passages made. */
gboolean  lectern_document_turns_code            (LecternProject                *project,
                                                  gint64                        document_id,
                                                  const char                   *parent,
                                                  guint                        *n_made,
                                                  GError                      **error);

G_END_DECLS
