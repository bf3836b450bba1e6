/* lectern-turn-detector.h — the speaker turns of an interview transcript,
 * found in its stored text, and the user's corrections to them.
 *
 * A line that opens with a speaker label starts a turn; lines without one
 * continue the current turn. Labels as transcripts write them, in English
 * and French: "Name:", "Name :" (a space, U+00A0 or U+202F before the
 * colon), "NAME:", "Q:" / "A:", "Q." / "R.", "Question:" / "Answer:",
 * "Question :" / "Réponse :", "Interviewer:", each may follow a timestamp
 * ("[00:01:23]", "00:01:23", "(01:23)", then spaces and an optional dash).
 *
 * A label shape is a speaker only when the document's structure makes it
 * one:
 * - the label is a role word (Q, A, R, Question, Answer, Réponse,
 *   Interviewer, Journaliste…) or 1 to 5 capitalised words (lower-case
 *   particles such as "de" or "van" inside, a number after the first:
 *   "Speaker 2"), at most 48 characters, whose
 *   first word is not one that opens a sentence or a caption ("Regarding",
 *   "Photo", "Source", "Note", "Concernant"…);
 * - the first or the last label line of the document is a headline, not a
 *   turn, when what follows its colon is 2 to 25 words with no sentence
 *   punctuation at the end ("Lavrov : Le Président… sans meeting");
 * - a label recurs as a line opener (twice or more), or occurs once with
 *   recurring speakers' turns right before and after it (a role word
 *   needs one such neighbour, or another role word next to it:
 *   "Question:" then "Answer:"; a name needs two words and no sentence
 *   word first: "Firstly:" or "The point:" inside an answer are not
 *   turns): "Photo: MFA" above the first question is not a turn;
 * - a later label that is the last word(s) of exactly one earlier, longer
 *   label is that speaker ("Lavrov:" after "Sergey Lavrov:");
 * - a document with fewer than two speakers has no turns.
 * The speaker's display form is the label's first spelling that is not
 * all capitals, else the label in title case ("MARIE DUPONT" → "Marie
 * Dupont"; single letters stay: "Q"), white space made single spaces.
 *
 * A turn runs from the start of its line (timestamp and label included)
 * to the start of the next turn, without the white space and blank lines
 * before it; the last runs to the end of the text, likewise trimmed.
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

/* Labels longer than this are sentences, not names. */
#define LECTERN_TURN_LABEL_MAX_CHARS 48

/* One turn. Positions are code points of the stored text. */
typedef struct
{
  guint  start;          /* the turn's line start */
  guint  end;            /* the next turn's start, trailing white space excluded */
  guint  label_start;    /* the label with its colon or full stop, "Sergey Lavrov :"; */
  guint  label_end;      /*   empty (both at the line start) for a turn set on a line without one */
  guint  speech_start;   /* after the label and the spaces after it: what the speaker says */
  guint  time_start;     /* the timestamp as written, brackets included, "[00:01:23]"; */
  guint  time_end;       /*   empty (both 0) when the line has none */
  char  *speaker;        /* the display form, "Sergey Lavrov" */
  char  *time;           /* nullable: the timestamp as "HH:MM:SS", or "HH:MM:SS.mmm" */
} LecternTurn;

/* The user's corrections (LecternTurnCorrection) are core's
 * (lectern-turn-correction.h): the project keeps them. */

/* The turns of @text (stored text: UTF-8, NFC, '\n'), in text order,
 * with @corrections (nullable, element-type LecternTurnCorrection)
 * applied. Linear in the text's length.
 * Returns: (transfer full) (element-type LecternTurn): a GArray that
 * frees each turn's strings; empty when the text is no transcript. */
GArray *lectern_turn_detector_detect          (const char  *text,
                                               GArray      *corrections);

/* The display form of a speaker label as the detector makes it when it
 * has only this spelling: "JEAN-PIERRE DUPONT" → "Jean-Pierre Dupont",
 * white space made single spaces. (transfer full) */
char   *lectern_turn_detector_display_name    (const char  *label);

G_END_DECLS
