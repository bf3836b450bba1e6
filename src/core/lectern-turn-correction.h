/* lectern-turn-correction.h — the user's decisions about a transcript's
 * speaker turns, kept by the project beside the text (turn_corrections)
 * and applied by the turn detector (lectern-turn-detector.h) in list
 * order after every detection, so that they survive re-detection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/* - SET_TURN: the line holding @offset starts a turn of @speaker (a line
 *   the detector missed, or a detected turn given to another speaker: a
 *   split of one speaker into two is one SET_TURN per turn reassigned);
 * - NOT_TURN: the line holding @offset starts no turn (it continues the
 *   turn before it);
 * - RENAME: every turn of @speaker is a turn of @target;
 * - MERGE: every turn of @speaker is a turn of @target, an existing
 *   speaker. Applied as RENAME; kept apart because the user chose it so
 *   and the UI words it so;
 * - CLEAR: no turn found before it stands. The importer stores it, then a
 *   SET_TURN per turn, for a source that states its speakers (subtitles'
 *   voices): those turns are the document's, whatever detection finds.
 * An @offset past the text's end, or a name no turn has, changes nothing.
 * The nick of each kind ("set-turn", "not-turn", "rename", "merge",
 * "clear") is how the project file names it. */
typedef enum
{
  LECTERN_TURN_CORRECTION_SET_TURN,
  LECTERN_TURN_CORRECTION_NOT_TURN,
  LECTERN_TURN_CORRECTION_RENAME,
  LECTERN_TURN_CORRECTION_MERGE,
  LECTERN_TURN_CORRECTION_CLEAR,
} LecternTurnCorrectionKind;

typedef struct
{
  LecternTurnCorrectionKind  kind;
  guint                      offset;    /* SET_TURN, NOT_TURN: any code point of the line */
  char                      *speaker;   /* SET_TURN: the speaker; RENAME, MERGE: the old name */
  char                      *target;    /* RENAME: the new name; MERGE: the speaker kept */
} LecternTurnCorrection;

/* A GArray of LecternTurnCorrection that frees their strings. (transfer full) */
GArray     *lectern_turn_corrections_new          (void);
void        lectern_turn_corrections_add_set_turn (GArray      *corrections,
                                                   guint        offset,
                                                   const char  *speaker);
void        lectern_turn_corrections_add_not_turn (GArray      *corrections,
                                                   guint        offset);
void        lectern_turn_corrections_add_rename   (GArray      *corrections,
                                                   const char  *old_name,
                                                   const char  *new_name);
void        lectern_turn_corrections_add_merge    (GArray      *corrections,
                                                   const char  *from,
                                                   const char  *into);
void        lectern_turn_corrections_add_clear    (GArray      *corrections);
/* "set-turn", "not-turn"…: the kind's nick. */
const char *lectern_turn_correction_kind_to_string   (LecternTurnCorrectionKind  kind);
/* FALSE when @string names no kind. */
gboolean    lectern_turn_correction_kind_from_string (const char                *string,
                                                      LecternTurnCorrectionKind *kind);

G_END_DECLS
