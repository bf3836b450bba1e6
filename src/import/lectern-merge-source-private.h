/* lectern-merge-source-private.h — another copy's work, read into memory
 * for a merge (lectern-project-merge.h): its coders, documents with their
 * text, codebook, passages and memos, by index, with nothing left open
 * on the file it came from, and the passages deleted there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-import.h"

G_BEGIN_DECLS

typedef struct
{
  char *guid;
  char *name;
} LecternMergeCoder;

typedef struct
{
  char            *guid;        /* NULL when it has none */
  LecternDocument *document;    /* OTHER's metadata */
  char            *text;
  char            *memo;        /* NULL: none */
  int              memo_coder;  /* index into coders, -1: none */
} LecternMergeDocument;

typedef struct
{
  char *guid;                   /* NULL when it has none */
  char *path;
  char *name;
  char *colour;
  char *description;
  int   parent;                 /* index into tags (always before it), -1: top level */
  char *memo;
  int   memo_coder;
} LecternMergeTag;

typedef struct
{
  char      *guid;              /* NULL when it has none */
  guint      document;          /* index into documents */
  glong      start;
  glong      end;
  guint     *tags;              /* indices into tags, ascending */
  guint      n_tags;
  char      *note;
  char      *author;
  GDateTime *created;
  GDateTime *updated;
  int        coder;             /* index into coders, -1: none */
} LecternMergePassage;

/* A passage deleted in OTHER (its tombstone). */
typedef struct
{
  char      *guid;
  char      *document_guid;     /* NULL: not known */
  int        coder;             /* index into coders, -1: none */
  GDateTime *updated;           /* the passage's last change before it was deleted */
  GDateTime *deleted;
} LecternMergeDeleted;

typedef struct
{
  GFile     *file;
  char      *name;              /* for messages: OTHER's display name */
  GPtrArray *coders;            /* LecternMergeCoder */
  GPtrArray *documents;         /* LecternMergeDocument */
  GPtrArray *tags;              /* LecternMergeTag, parents first */
  GPtrArray *passages;          /* LecternMergePassage */
  GPtrArray *deleted;           /* LecternMergeDeleted, by GUID; none from a .qdpx */
  char      *memo;              /* the project's memo */
  int        memo_coder;
} LecternMergeSource;

/* Reads @other: the file of @project itself (read on @project's
 * connection), a Lectern project (a private copy of it, opened as core
 * opens any project, migrated in the copy when older), or a REFI-QDA
 * project (imported into a private project by the .qdpx reader). Told
 * apart by their first bytes. Everything past the bounds of
 * lectern-project-merge.h is refused. @job (nullable) gets progress. */
LecternMergeSource *_lectern_merge_source_read (LecternProject  *project,
                                                GFile          *other,
                                                LecternJob     *job,
                                                GCancellable   *cancellable,
                                                GError        **error);
/* Reads the open project @from (for tests and the fuzzer as well). */
LecternMergeSource *_lectern_merge_source_read_project (LecternProject  *from,
                                                        GFile          *file,
                                                        LecternJob     *job,
                                                        GCancellable   *cancellable,
                                                        GError        **error);
void                _lectern_merge_source_free (LecternMergeSource *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternMergeSource, _lectern_merge_source_free)

/* lectern-merge-plan.c: a plan of @source (taken) into @project. */
LecternMergePlan   *_lectern_merge_plan_new_for_source (LecternProject      *project,
                                                        LecternMergeSource  *source,
                                                        GError             **error);

G_END_DECLS
