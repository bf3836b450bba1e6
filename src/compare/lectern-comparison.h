/* lectern-comparison.h — the result of comparing two texts: chunks of
 * code-point spans, the compare modes, and the module's error domain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_COMPARE_INSIDE) && !defined (LECTERN_COMPARE_COMPILATION)
# error "Only <lectern-compare.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

#define LECTERN_COMPARE_ERROR (lectern_compare_error_quark ())

typedef enum
{
  LECTERN_COMPARE_ERROR_FAILED,   /* anything else; message says what */
  LECTERN_COMPARE_ERROR_INVALID,  /* bad argument: empty or out-of-text range, unknown mode */
} LecternCompareError;

GQuark lectern_compare_error_quark (void);

/* The three relations two documents can be compared for, and one
 * document's coding by two coders (the app's adjudication, issue #15:
 * no comparison job runs for it). */
typedef enum
{
  LECTERN_COMPARE_MODE_VERSIONS,     /* word-level difference */
  LECTERN_COMPARE_MODE_TRANSLATION,  /* aligned paragraphs and sentences */
  LECTERN_COMPARE_MODE_SHARED,       /* passages both texts contain */
  LECTERN_COMPARE_MODE_CODERS,       /* one text, two coders' passages */
} LecternCompareMode;

/* "versions", "translation", "shared", "coders". */
const char *lectern_compare_mode_to_string   (LecternCompareMode  mode);
/* FALSE (and @mode untouched) for an unknown word. */
gboolean    lectern_compare_mode_from_string (const char         *word,
                                              LecternCompareMode *mode);

typedef enum
{
  LECTERN_CHUNK_EQUAL,    /* versions: same text on both sides */
  LECTERN_CHUNK_INSERT,   /* versions: only in b (a side empty, a_start == a_end) */
  LECTERN_CHUNK_DELETE,   /* versions: only in a (b side empty) */
  LECTERN_CHUNK_REPLACE,  /* versions: a's text became b's */
  LECTERN_CHUNK_PAIR,     /* translation: aligned segments; one side -1/-1 when unpaired */
  LECTERN_CHUNK_SHARED,   /* shared passages: a passage found in both */
} LecternChunkKind;

/* Spans are code-point offsets into each text, end exclusive. A side that
 * does not exist (an unpaired translation segment) is -1/-1; an empty side
 * of an insert or delete is an empty span at the place of the change.
 * @score: similarity in [0, 1] for SHARED, alignment confidence in [0, 1]
 * for PAIR, 1 for versions chunks. */
typedef struct
{
  LecternChunkKind kind;
  glong            a_start;
  glong            a_end;
  glong            b_start;
  glong            b_end;
  double           score;
} LecternChunk;

/* "equal", "insert", "delete", "replace", "pair", "shared". */
const char *lectern_chunk_kind_to_string (LecternChunkKind kind);

/* Words added, removed and changed by a versions comparison: a replace of
 * n words by m words counts min(n, m) changed and the rest added or removed. */
typedef struct
{
  guint words_added;
  guint words_removed;
  guint words_changed;
} LecternDiffSummary;

/* A new empty array of LecternChunk. (transfer full) */
GArray *lectern_chunks_new     (void);
/* The comparison as JSON, the format of `lectern-cli compare`:
 * {"mode": "versions", "chunks": [{"kind": "equal", "a": [0, 12], "b": [0, 12]}, …]}
 * with "a" or "b" null for a side of -1/-1. @mode is written as given.
 * (transfer full) */
char   *lectern_chunks_to_json (const char *mode,
                                GArray     *chunks);

G_END_DECLS
