/* lectern-corpus-search.c — full-text search with keyword in context.
 *
 * FTS5 finds the documents; the hits inside each are then located by
 * matching the query's folded words against the folded text, mapped back
 * to code points of the stored text, so offsets mean what annotation
 * offsets mean.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-corpus-private.h"
#include "lectern-search-hit-private.h"
#include "lectern-search-query-private.h"
#include "lectern-text-private.h"

/* Code points of context either side of a hit. */
#define CONTEXT_CHARS 40

typedef struct
{
  gsize byte;       /* into the folded text */
  gsize len;
  glong start;      /* folded code points, end exclusive */
  glong end;
} Word;

typedef struct
{
  glong start;      /* code points of the stored text */
  glong end;
} Span;

static GArray *
split_words (const char *folded)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *start = NULL;
  glong start_index = 0;
  glong index = 0;

  for (const char *p = folded; ; p = g_utf8_next_char (p), index++)
    {
      gboolean word = *p != '\0' && _lectern_text_is_word_char (g_utf8_get_char (p));

      if (word && start == NULL)
        {
          start = p;
          start_index = index;
        }
      else if (!word && start != NULL)
        {
          Word w = { start - folded, p - start, start_index, index };

          g_array_append_val (words, w);
          start = NULL;
        }
      if (*p == '\0')
        break;
    }

  return words;
}

static gboolean
word_matches (const char *folded,
              const Word *word,
              const char *wanted,
              gboolean    prefix)
{
  gsize len = strlen (wanted);

  if (prefix)
    return word->len >= len && memcmp (folded + word->byte, wanted, len) == 0;
  return word->len == len && memcmp (folded + word->byte, wanted, len) == 0;
}

static void
find_term (const char       *folded,
           GArray           *words,
           GArray           *map,
           LecternQueryTerm *term,
           GArray           *spans)
{
  guint n = g_strv_length (term->words);

  for (guint i = 0; i + n <= words->len; i++)
    {
      gboolean match = TRUE;

      for (guint j = 0; j < n && match; j++)
        match = word_matches (folded, &g_array_index (words, Word, i + j), term->words[j],
                              term->prefix && j == n - 1);

      if (match)
        {
          Span span = {
            g_array_index (map, glong, g_array_index (words, Word, i).start),
            g_array_index (map, glong, g_array_index (words, Word, i + n - 1).end - 1) + 1,
          };
          g_array_append_val (spans, span);
        }
    }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *sa = a;
  const Span *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  if (sa->end != sb->end)
    return sa->end > sb->end ? -1 : 1;
  return 0;
}

/* A code-point cursor over a text that mostly moves forward. */
typedef struct
{
  const char *text;
  const char *p;
  glong       offset;
} Cursor;

static const char *
cursor_seek (Cursor *cursor,
             glong   offset)
{
  while (cursor->offset < offset && *cursor->p != '\0')
    {
      cursor->p = g_utf8_next_char (cursor->p);
      cursor->offset++;
    }
  while (cursor->offset > offset && cursor->p > cursor->text)
    {
      cursor->p = g_utf8_prev_char (cursor->p);
      cursor->offset--;
    }
  return cursor->p;
}

static char *
one_line_between (Cursor *cursor,
                  glong   start,
                  glong   end)
{
  const char *from = cursor_seek (cursor, start);
  const char *to = cursor_seek (cursor, end);
  g_autofree char *raw = g_strndup (from, to - from);

  return _lectern_text_one_line (raw);
}

/* Appends the hits of one document to @store, up to @limit in all. */
static void
locate_hits (LecternSearchQuery *query,
             gint64              document_id,
             const char         *title,
             const char         *text,
             glong               length,
             guint               limit,
             GListStore         *store)
{
  g_autoptr(GArray) map = NULL;
  g_autofree char *folded = _lectern_text_fold_map (text, -1, &map);
  g_autoptr(GArray) words = split_words (folded);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  Cursor cursor = { text, text, 0 };
  glong covered = -1;

  for (guint i = 0; i < query->groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (query->groups, i);

      for (guint j = 0; j < group->len; j++)
        find_term (folded, words, map, g_ptr_array_index (group, j), spans);
    }

  g_array_sort (spans, compare_spans);

  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      g_autofree char *left = NULL;
      g_autofree char *match = NULL;
      g_autofree char *right = NULL;
      g_autoptr(LecternSearchHit) hit = NULL;

      if (limit > 0 && g_list_model_get_n_items (G_LIST_MODEL (store)) >= limit)
        return;

      /* Overlapping matches of several terms show once. */
      if (span->start < covered)
        continue;
      covered = span->end;

      left = one_line_between (&cursor, MAX (0, span->start - CONTEXT_CHARS), span->start);
      /* The match itself is the exact text at the offsets. */
      {
        const char *from = cursor_seek (&cursor, span->start);
        const char *to = cursor_seek (&cursor, span->end);

        match = g_strndup (from, to - from);
      }
      right = one_line_between (&cursor, span->end, MIN (length, span->end + CONTEXT_CHARS));

      hit = _lectern_search_hit_new (document_id, title, span->start, span->end, left, match, right);
      g_list_store_append (store, hit);
    }
}

GListModel *
lectern_corpus_search (LecternCorpus  *self,
                       const char     *query,
                       guint           limit,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(LecternSearchQuery) parsed = NULL;
  g_autoptr(LecternStmt) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autofree char *fts = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_CORPUS (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parsed = _lectern_search_query_parse (query, error);
  if (parsed == NULL)
    return NULL;

  fts = _lectern_search_query_to_fts5 (parsed);

  stmt = _lectern_corpus_prepare (self,
                                  "SELECT d.id, d.title, d.length, d.text FROM documents d"
                                  " WHERE d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
                                  " ORDER BY d.id",
                                  error);
  if (stmt == NULL)
    return NULL;
  _lectern_bind_text (stmt, 1, fts);

  store = g_list_store_new (LECTERN_TYPE_SEARCH_HIT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      locate_hits (parsed, sqlite3_column_int64 (stmt, 0), _lectern_column_text (stmt, 1),
                   _lectern_column_text (stmt, 3), sqlite3_column_int64 (stmt, 2), limit, store);

      if (limit > 0 && g_list_model_get_n_items (G_LIST_MODEL (store)) >= limit)
        break;
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_ERROR)
        g_set_error (error, LECTERN_CORPUS_ERROR, LECTERN_CORPUS_ERROR_QUERY,
                     _("Could not search for “%s”: %s"), query, sqlite3_errmsg (self->db));
      else
        _lectern_corpus_fail (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}
