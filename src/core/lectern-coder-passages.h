/* lectern-coder-passages.h — what two coders coded, read for measuring
 * their agreement (issue #15; the measure is src/compare/lectern-agreement.h,
 * which core does not know): every document either coded and every placed
 * passage of theirs in it, with each of its tags.
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

/* A document one of the two coders coded. */
typedef struct
{
  gint64 document_id;
  glong  length;        /* of its text, in code points */
} LecternCodedDocument;

/* One code of one placed passage: a passage with two tags gives two. */
typedef struct
{
  gint64 document_id;
  glong  start;         /* code points, end exclusive */
  glong  end;
  gint64 tag_id;
  gint64 coder_id;      /* coder_a or coder_b of the read */
} LecternCoderPassage;

typedef struct
{
  gint64  coder_a;
  gint64  coder_b;
  /* LecternCodedDocument by id: every document (of those asked for)
   * holding a tagged, placed passage of either coder. */
  GArray *documents;
  /* LecternCoderPassage by document, coder, start, end, tag. */
  GArray *passages;
} LecternCoderPassages;

void                  lectern_coder_passages_free          (LecternCoderPassages *passages);

/* Reads the placed passages (orphans are no one's coding any more) of
 * coders @coder_a and @coder_b, with every tag: a code only one coder
 * used still shows that the other read that document, and kappa over
 * coded text counts the text coded with any code. Limiting the codes
 * reported is the caller's business.
 * @document_ids, @n_document_ids: only these documents (none: all).
 * One statement, so one consistent state of the project.
 * Errors: NOT_FOUND for an unknown coder or document; INVALID when
 * @coder_a is @coder_b.
 * Returns: (transfer full), or NULL with @error set. */
LecternCoderPassages *lectern_project_read_coder_passages  (LecternProject  *self,
                                                            gint64          coder_a,
                                                            gint64          coder_b,
                                                            const gint64   *document_ids,
                                                            guint           n_document_ids,
                                                            GCancellable   *cancellable,
                                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternCoderPassages, lectern_coder_passages_free)

G_END_DECLS
