/* lectern-coder-agreement.h — the agreement of two of a project's coders:
 * their passages read from core (lectern-coder-passages.h), measured by
 * lectern-agreement.h. One call for lectern-cli and the app (which runs
 * it in a LecternJob, on the job's connection, @cancellable its Cancel).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_COMPARE_INSIDE) && !defined (LECTERN_COMPARE_COMPILATION)
# error "Only <lectern-compare.h> can be included directly."
#endif

#include "lectern-core.h"
#include "lectern-agreement.h"

G_BEGIN_DECLS

/* Measures coders @coder_a and @coder_b (ids; @name_a, @name_b for the
 * result and messages) over the documents both coded, of @document_ids
 * (none: all). The rows: @tag_ids in that order, each exactly that code
 * (a sub-tag is a code of its own); none given: every code either coder
 * used in the documents both coded, in the tag tree's order.
 * Errors: LECTERN_PROJECT_ERROR (an unknown coder, tag or document; the
 * same coder twice), LECTERN_AGREEMENT_ERROR (NO_SHARED_DOCUMENTS…),
 * G_IO_ERROR_CANCELLED.
 * Returns: (transfer full), or NULL with @error set. */
LecternAgreement *lectern_coder_agreement_measure (LecternProject  *project,
                                                   gint64          coder_a,
                                                   const char     *name_a,
                                                   gint64          coder_b,
                                                   const char     *name_b,
                                                   const gint64   *tag_ids,
                                                   guint           n_tag_ids,
                                                   const gint64   *document_ids,
                                                   guint           n_document_ids,
                                                   GCancellable   *cancellable,
                                                   GError        **error);

G_END_DECLS
