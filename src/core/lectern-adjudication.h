/* lectern-adjudication.h — a third coder's decisions where two coders'
 * codings of a document differ (issue #15), stored in the table
 * `adjudications` (schema version 6). Which units differ and what each
 * decision keeps is src/compare's (lectern-coder-units.h); core records
 * the decisions with the passages they give the adjudicator, each call one
 * transaction and one undo step. The two coders' own passages are never
 * touched.
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

typedef enum
{
  LECTERN_ADJUDICATION_AGREED = 1,  /* both coded it alike: accepted at once */
  LECTERN_ADJUDICATION_KEEP_A,
  LECTERN_ADJUDICATION_KEEP_B,
  LECTERN_ADJUDICATION_BOTH,
  LECTERN_ADJUDICATION_NEITHER,
  LECTERN_ADJUDICATION_EDITED,
} LecternAdjudicationDecision;

/* A passage a decision gives the adjudicator. */
typedef struct
{
  glong         start;      /* code points, end exclusive */
  glong         end;
  const gint64 *tag_ids;
  guint         n_tag_ids;
  const char   *note;       /* may be NULL */
} LecternAdjudicatedPassage;

/* One decision on the unit [start, end) of the document. */
typedef struct
{
  glong                            start;
  glong                            end;
  LecternAdjudicationDecision      decision;
  const LecternAdjudicatedPassage *passages;
  guint                            n_passages;
} LecternAdjudicationInput;

/* A decision as stored. */
typedef struct
{
  gint64                      id;
  gint64                      coder_a;
  gint64                      coder_b;
  glong                       start;
  glong                       end;
  LecternAdjudicationDecision decision;
  gint64                      coder_id;   /* the adjudicator */
} LecternAdjudication;

/* Records @decisions on @document_id between coders @coder_a and @coder_b,
 * as the connection's current coder's, with their passages as that
 * coder's, in one transaction and one undo step called @label (NULL: a
 * name from the decision). Undo removes the decisions and their passages.
 * When the current coder is @coder_a or @coder_b, the decisions and their
 * passages go to their adjudication coder, "NAME (adjudication)", made
 * once under a GUID derived from theirs.
 * Errors: NOT_FOUND (document, coder, tag); INVALID: the adjudicator is
 * still @coder_a or @coder_b (the two codings must stay as they were), the same
 * coder twice, a range outside the text or empty, a unit already decided
 * between these two coders. Nothing is written on error. */
gboolean lectern_project_adjudicate          (LecternProject                 *self,
                                              gint64                          document_id,
                                              gint64                          coder_a,
                                              gint64                          coder_b,
                                              const LecternAdjudicationInput *decisions,
                                              guint                           n_decisions,
                                              const char                     *label,
                                              GError                        **error);

/* The decisions recorded on @document_id between @coder_a and @coder_b,
 * whichever was A then (coder_a and coder_b say), by start.
 * Returns: (transfer full) GArray of LecternAdjudication, or NULL with
 * @error set. */
GArray  *lectern_project_list_adjudications  (LecternProject                 *self,
                                              gint64                          document_id,
                                              gint64                          coder_a,
                                              gint64                          coder_b,
                                              GError                        **error);

/* "keep-a"… as stored, and back (0 for an unknown name). */
const char                 *lectern_adjudication_decision_to_string   (LecternAdjudicationDecision decision);
LecternAdjudicationDecision lectern_adjudication_decision_from_string (const char                 *name);

G_END_DECLS
