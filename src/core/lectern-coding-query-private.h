/* lectern-coding-query-private.h — coding queries parsed: the tree the
 * project evaluates (lectern-project-retrieve.c). The language is described
 * at lectern_project_retrieve() in lectern-analysis.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bounds on what a person writes: longer or deeper is a mistake. */
#define LECTERN_CODING_QUERY_MAX_BYTES 10000
#define LECTERN_CODING_QUERY_MAX_DEPTH 32
#define LECTERN_CODING_QUERY_MAX_CODES 64

typedef enum
{
  LECTERN_CODING_CODE,
  LECTERN_CODING_AND,
  LECTERN_CODING_OR,
  LECTERN_CODING_NOT,          /* binary: A NOT B */
  LECTERN_CODING_NEAR,
  LECTERN_CODING_FOLLOWED_BY,
  LECTERN_CODING_WITHOUT,      /* unary NOT X: only after AND, or as the whole query */
} LecternCodingOp;

typedef struct _LecternCodingNode LecternCodingNode;

struct _LecternCodingNode
{
  LecternCodingOp    op;
  guint              distance;    /* NEAR/N */
  char              *path;        /* CODE */
  guint              code_index;  /* CODE: its place among the query's codes */
  LecternCodingNode *left;        /* WITHOUT: its operand */
  LecternCodingNode *right;
};

typedef struct
{
  LecternCodingNode *root;
  GPtrArray         *paths;       /* char *: the distinct code paths, by code_index */
} LecternCodingQuery;

/* NULL with LECTERN_PROJECT_ERROR_QUERY ("at character N: reason") when
 * @text is malformed. */
LecternCodingQuery *_lectern_coding_query_parse (const char          *text,
                                                 GError             **error);
void                _lectern_coding_query_free  (LecternCodingQuery  *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternCodingQuery, _lectern_coding_query_free)

G_END_DECLS
