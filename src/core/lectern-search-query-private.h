/* lectern-search-query-private.h — a parsed full-text search query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char     *text;     /* as typed, without quotes, '-' or '*' */
  char    **words;    /* folded words, as matched in a text */
  gboolean  prefix;   /* the last word is a prefix */
} LecternQueryTerm;

typedef struct
{
  /* Every group must match; a group matches when any of its terms does.
   * element-type GPtrArray of LecternQueryTerm */
  GPtrArray *groups;
  /* None of these may match. element-type LecternQueryTerm */
  GPtrArray *excluded;
} LecternSearchQuery;

/* Parses words, "a phrase", prefix*, a OR b, -excluded. Malformed input:
 * NULL with LECTERN_PROJECT_ERROR_QUERY saying what is wrong. */
LecternSearchQuery *_lectern_search_query_parse   (const char          *query,
                                                   GError             **error);
void                _lectern_search_query_free    (LecternSearchQuery  *query);
/* An FTS5 MATCH expression in which every term is quoted, so nothing the
 * user typed is read as FTS5 syntax. (transfer full) */
char               *_lectern_search_query_to_fts5 (LecternSearchQuery  *query);
/* The words of @text as _lectern_search_query_parse() folds them. */
char              **_lectern_search_query_words   (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternSearchQuery, _lectern_search_query_free)

G_END_DECLS
