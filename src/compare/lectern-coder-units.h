/* lectern-coder-units.h — where two coders' codings of one document
 * differ, as units to adjudicate (issue #15), and what each decision on a
 * unit keeps.
 *
 * A unit is a stretch of text covered by a chain of overlapping or
 * touching passages of either coder (touching: as the agreement measure
 * unites them, lectern-agreement.h). Within it the two codings are
 * compared as lists of (start, end, set of codes):
 *   - only one coder has passages there: ONLY_A or ONLY_B;
 *   - the lists are equal: AGREED, not a disagreement;
 *   - the same ranges with other codes: CODES;
 *   - otherwise: BOUNDS (different bounds, and maybe codes too).
 * Every character `lectern-cli disagreements` reports lies in a unit that
 * is not AGREED; a unit can differ where no character does (one passage
 * against two that touch), which adjudication settles too.
 *
 * Pure logic over core's passages; the read from a project and the
 * decisions' passages are helpers here too, so the app and the tests use
 * one definition.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_COMPARE_INSIDE) && !defined (LECTERN_COMPARE_COMPILATION)
# error "Only <lectern-compare.h> can be included directly."
#endif

#include "lectern-core.h"

G_BEGIN_DECLS

typedef enum
{
  LECTERN_CODER_UNIT_AGREED,
  LECTERN_CODER_UNIT_ONLY_A,
  LECTERN_CODER_UNIT_ONLY_B,
  LECTERN_CODER_UNIT_BOUNDS,
  LECTERN_CODER_UNIT_CODES,
} LecternCoderUnitKind;

/* One passage of one coder: its codes sorted ascending. */
typedef struct
{
  gint64   annotation_id;
  gboolean is_b;          /* coder B's, else A's */
  glong    start;
  glong    end;
  GArray  *tag_ids;       /* gint64, ascending, each once */
  char    *note;          /* may be NULL */
} LecternCoderUnitPassage;

typedef struct
{
  glong                 start;   /* the span of its passages */
  glong                 end;
  LecternCoderUnitKind  kind;
  /* LecternCoderUnitPassage, A's first then B's, each by start, end. */
  GPtrArray            *passages;
  /* The decision recorded on it (lectern-adjudication.h), 0: none yet. */
  LecternAdjudicationDecision decision;
} LecternCoderUnit;

void lectern_coder_unit_passage_free (LecternCoderUnitPassage *passage);
void lectern_coder_unit_free         (LecternCoderUnit        *unit);

/* The units of @passages (LecternCoderUnitPassage of both coders, in any
 * order; taken), by start. Returns: (transfer full) GPtrArray of
 * LecternCoderUnit, AGREED ones included. */
GPtrArray *lectern_coder_units_compute (GPtrArray *passages);

/* Reads the placed passages of @coder_a and @coder_b in @document_id,
 * computes the units and marks each with the decision recorded on it
 * between the two (same range).
 * Returns: (transfer full) GPtrArray of LecternCoderUnit, or NULL with
 * @error set. */
GPtrArray *lectern_coder_units_read    (LecternProject  *project,
                                        gint64          document_id,
                                        gint64          coder_a,
                                        gint64          coder_b,
                                        GError        **error);

/* Whether @unit is a disagreement not yet decided. */
gboolean   lectern_coder_unit_is_open  (const LecternCoderUnit *unit);
/* Whether coder A's (@is_b FALSE) or B's coding of @unit has @tag_id. */
gboolean   lectern_coder_unit_has_tag  (const LecternCoderUnit *unit,
                                        gboolean                is_b,
                                        gint64                  tag_id);

/* The passages @decision gives the adjudicator for @unit: A's, B's, both
 * (a range both coded once, with the codes of both, and their notes),
 * none; EDITED and AGREED take A's (for AGREED they are B's too).
 * (transfer full) GArray of LecternAdjudicatedPassage pointing into
 * @unit and into what it adds to @storage (a GPtrArray freeing with
 * g_free): keep both alive while it is used. */
GArray    *lectern_coder_unit_decide   (const LecternCoderUnit      *unit,
                                        LecternAdjudicationDecision  decision,
                                        GPtrArray                   *storage);

/* Records @decision on @unit as the current coder's (one undo step).
 * An EDITED decision has passages of its own: record it with
 * lectern_project_adjudicate(). */
gboolean   lectern_coder_unit_adjudicate (LecternProject              *project,
                                          gint64                       document_id,
                                          gint64                       coder_a,
                                          gint64                       coder_b,
                                          const LecternCoderUnit      *unit,
                                          LecternAdjudicationDecision  decision,
                                          GError                     **error);

/* In one step: every open unit of @units where coder A's (@is_b FALSE)
 * or B's coding has @tag_id, kept as that coder coded it; @tag_id 0:
 * every AGREED unit not yet recorded, accepted (identical codings need no
 * one's judgement, but the adjudicated coding must hold them too).
 * *@n_decided: how many units; none is no error and writes nothing. */
gboolean   lectern_coder_units_accept_all (LecternProject  *project,
                                           gint64          document_id,
                                           gint64          coder_a,
                                           gint64          coder_b,
                                           GPtrArray      *units,
                                           gboolean        is_b,
                                           gint64          tag_id,
                                           const char     *label,
                                           guint          *n_decided,
                                           GError        **error);

G_END_DECLS
