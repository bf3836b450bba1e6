/* lectern-project-search.c — full-text search with keyword in context.
 *
 * FTS5 finds the documents; the hits inside each are then located by
 * matching the query's folded words against the folded text, mapped back
 * to code points of the stored text, so offsets mean what annotation
 * offsets mean.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-project-private.h"
#include "lectern-search-hit-private.h"
#include "lectern-search-query-private.h"
#include "lectern-text-private.h"

/* Code points of context either side of a hit. */
#define CONTEXT_CHARS 40

/* Bytes of text folded at a time: the first page of hits in a 5 MB
 * document needs only its beginning folded. */
#define CHUNK 65536

typedef struct
{
  const char *folded;   /* the folded word, in one of the stream's buffers */
  gsize       len;
  glong       start;    /* code points of the stored text, end exclusive */
  glong       end;
} Word;

/* The folded words of a text, folded a chunk at a time on demand. */
typedef struct
{
  const char *pos;      /* the rest of the text */
  const char *end;
  glong       base;     /* code points before pos */
  GPtrArray  *buffers;  /* folded chunks the words point into */
  GArray     *words;    /* Word */
  /* Folded words at least one of which a chunk must contain for a hit to
   * start in it (the terms' first words), or NULL. */
  const char * const *starts;
  gboolean    may_skip; /* no word before the next chunk is still needed */
  guint       max_words; /* words of the longest term */
  guint       pending;  /* words still to keep after the last possible start */
} WordStream;

/* TRUE when the folded word @word begins with a term's first word: only
 * such a word can start a hit. */
static gboolean
word_may_start_hit (const char         *word,
                    gsize               len,
                    const char * const *starts)
{
  for (guint i = 0; starts[i] != NULL; i++)
    {
      gsize n = strlen (starts[i]);

      if (n <= len && memcmp (word, starts[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

static inline gboolean
is_word_char_at (const char *p)
{
  guchar c = *p;

  /* ASCII letters and digits are the only ASCII word characters. */
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return _lectern_text_is_word_char (g_utf8_get_char (p));
}

/* FALSE when no first word of a term occurs anywhere in @folded: no hit can
 * start in it (a word matching a term contains the term's first word). */
static gboolean
may_start_hit (const char         *folded,
               gsize               len,
               const char * const *starts)
{
  for (guint i = 0; starts[i] != NULL; i++)
    {
      gsize n = strlen (starts[i]);

      if (n == 0 || memmem (folded, len, starts[i], n) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
word_stream_init (WordStream         *stream,
                  const char         *text,
                  const char * const *starts,
                  guint               max_words)
{
  stream->starts = starts;
  stream->may_skip = FALSE;
  stream->max_words = max_words;
  stream->pending = 0;
  stream->pos = text;
  stream->end = text + strlen (text);
  stream->base = 0;
  stream->buffers = g_ptr_array_new_with_free_func (g_free);
  stream->words = g_array_new (FALSE, FALSE, sizeof (Word));
}

static void
word_stream_clear (WordStream *stream)
{
  g_clear_pointer (&stream->buffers, g_ptr_array_unref);
  g_clear_pointer (&stream->words, g_array_unref);
}

/* The first place at or after @from in @folded where a word begins with
 * one of @starts, or NULL. @next caches each start's next such place
 * (NULL: not looked for yet) so that each is searched for once per
 * stretch of text. */
static const char *
next_start (const char         *folded,
            const char         *from,
            const char         *end,
            const char * const *starts,
            const char        **next)
{
  const char *best = NULL;

  for (guint i = 0; starts[i] != NULL; i++)
    {
      gsize n = strlen (starts[i]);
      const char *q = next[i];

      if (q == NULL || (q != end && q < from))
        {
          q = from;
          while ((q = memmem (q, end - q, starts[i], n)) != NULL)
            {
              /* At the chunk's start, or after a character outside words. */
              if (q == folded || !is_word_char_at (g_utf8_find_prev_char (folded, q)))
                break;
              q++;
            }
          next[i] = q != NULL ? q : end;
          q = next[i];
        }
      if (q != end && (best == NULL || q < best))
        best = q;
    }
  return best;
}

/* Folds the next chunk, which ends outside a word; FALSE at the end. */
static gboolean
word_stream_more (WordStream *stream)
{
  g_autoptr(GArray) map = NULL;
  g_autofree const char **next = NULL;
  const char *folded_end = NULL;
  gboolean can_jump;
  guint n_starts;
  const char *cut;
  char *folded;
  const char *word = NULL;
  guint word_index = 0;
  guint index = 0;

  if (stream->pos >= stream->end)
    return FALSE;

  cut = stream->pos + MIN (CHUNK, stream->end - stream->pos);
  while (cut < stream->end && ((guchar) *cut & 0xc0) == 0x80)
    cut++;
  while (cut < stream->end && is_word_char_at (cut))
    cut = g_utf8_next_char (cut);

  folded = _lectern_text_fold_map (stream->pos, cut - stream->pos, &map);

  /* A chunk in which no hit can start needs no words, unless a phrase
   * begun before it is still being matched. */
  if (stream->may_skip && stream->starts != NULL
      && !may_start_hit (folded, strlen (folded), stream->starts))
    {
      g_free (folded);
      /* The words a phrase needed after the last start were read already. */
      stream->pending = 0;
      stream->base += g_array_index (map, guint32, map->len - 1);
      stream->pos = cut;
      return TRUE;
    }
  g_ptr_array_add (stream->buffers, folded);

  /* Between the words that are kept, the scan jumps to the next place a
   * term's first word begins a word. */
  can_jump = stream->starts != NULL;
  for (n_starts = 0; can_jump && stream->starts[n_starts] != NULL; n_starts++)
    can_jump = stream->starts[n_starts][0] != '\0';
  if (can_jump)
    {
      folded_end = folded + strlen (folded);
      next = g_new0 (const char *, n_starts);
    }

  for (const char *p = folded; ; index++)
    {
      guchar c;
      const char *after;
      gboolean in_word;

      if (can_jump && word == NULL && stream->pending == 0)
        {
          const char *to = next_start (folded, p, folded_end, stream->starts, next);

          if (to == NULL)
            break;
          /* Code points skipped: the bytes that begin one; eight ASCII
           * bytes at a time where it can. */
          while (p < to)
            {
              guint64 bytes;

              if (to - p >= 8)
                {
                  memcpy (&bytes, p, 8);
                  if ((bytes & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
                    {
                      index += 8;
                      p += 8;
                      continue;
                    }
                }
              index += ((guchar) *p & 0xc0) != 0x80;
              p++;
            }
        }

      c = *p;

      /* ASCII letters and digits are the only ASCII word characters. */
      if (c < 0x80)
        {
          in_word = g_ascii_isalnum (c);
          after = p + 1;
        }
      else
        {
          in_word = _lectern_text_is_word_char (g_utf8_get_char (p));
          after = g_utf8_next_char (p);
        }

      if (in_word && word == NULL)
        {
          word = p;
          word_index = index;
        }
      else if (!in_word && word != NULL)
        {
          gboolean start = stream->starts == NULL
                           || word_may_start_hit (word, p - word, stream->starts);

          /* Only the words that may start a hit are kept, each with the
           * words after it that its longest term could need, so that kept
           * words next to each other are next to each other in the text
           * wherever a phrase is matched. */
          if (start || stream->pending > 0)
            {
              /* The word ends where the next folded code point comes from
               * (or at the end of the chunk): combining marks that folding
               * dropped after its last letter belong to it, since a hit
               * covers whole graphemes. */
              guint32 last = g_array_index (map, guint32, index - 1);
              guint32 following = g_array_index (map, guint32, index);
              Word w = {
                word, p - word,
                stream->base + g_array_index (map, guint32, word_index),
                stream->base + MAX (last + 1, following),
              };

              g_array_append_val (stream->words, w);
              if (start)
                stream->pending = stream->max_words - 1;
              else
                stream->pending--;
            }
          word = NULL;
        }
      if (c == '\0')
        break;
      p = after;
    }

  stream->base += g_array_index (map, guint32, map->len - 1);
  stream->pos = cut;
  return TRUE;
}

/* Makes sure words [0, n) are there, as far as the text has them. */
static void
word_stream_need (WordStream *stream,
                  guint       n)
{
  while (stream->words->len < n && word_stream_more (stream))
    ;
}

static gboolean
word_matches (const Word *word,
              const char *wanted,
              gboolean    prefix)
{
  gsize len = strlen (wanted);

  if (prefix)
    return word->len >= len && memcmp (word->folded, wanted, len) == 0;
  return word->len == len && memcmp (word->folded, wanted, len) == 0;
}

/* The end of @term's match starting at word @i, or -1. */
static glong
match_term (WordStream       *stream,
            guint             i,
            LecternQueryTerm *term)
{
  guint n = g_strv_length (term->words);

  word_stream_need (stream, i + n);
  if (i + n > stream->words->len)
    return -1;

  for (guint j = 0; j < n; j++)
    {
      if (!word_matches (&g_array_index (stream->words, Word, i + j), term->words[j],
                         term->prefix && j == n - 1))
        return -1;
    }

  return g_array_index (stream->words, Word, i + n - 1).end;
}

/* A code-point cursor over a text that mostly moves forward. */
typedef struct
{
  const char *text;
  const char *end;      /* the text's terminating NUL */
  const char *p;
  glong       offset;
} Cursor;

static const char *
cursor_seek (Cursor *cursor,
             glong   offset)
{
  while (cursor->offset < offset && *cursor->p != '\0')
    {
      guint64 bytes;

      /* Eight ASCII bytes are eight code points: stepped over at once,
       * as the walk to each hit crosses the whole text. */
      if (offset - cursor->offset >= 8 && cursor->end - cursor->p >= 8)
        {
          memcpy (&bytes, cursor->p, 8);
          if ((bytes & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              cursor->p += 8;
              cursor->offset += 8;
              continue;
            }
        }
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

static void
append_hit (GListStore *store,
            Cursor     *cursor,
            gint64      document_id,
            const char *title,
            glong       length,
            glong       start,
            glong       end)
{
  g_autofree char *left = NULL;
  g_autofree char *match = NULL;
  g_autofree char *right = NULL;
  g_autoptr(LecternSearchHit) hit = NULL;
  const char *from;
  const char *to;

  left = one_line_between (cursor, MAX (0, start - CONTEXT_CHARS), start);
  /* The match itself is the exact text at the offsets. */
  from = cursor_seek (cursor, start);
  to = cursor_seek (cursor, end);
  match = g_strndup (from, to - from);
  right = one_line_between (cursor, end, MIN (length, end + CONTEXT_CHARS));

  hit = _lectern_search_hit_new (document_id, title, start, end, left, match, right);
  g_list_store_append (store, hit);
}

/* Appends the hits of one document to @store, up to @limit in all, in
 * text order: each word is tried against every term, so the scan stops
 * as soon as the page is full. */
static void
locate_hits (LecternSearchQuery *query,
             gint64              document_id,
             const char         *title,
             const char         *text,
             glong               length,
             guint               limit,
             GListStore         *store)
{
  WordStream stream;
  Cursor cursor = { text, text + strlen (text), text, 0 };
  glong covered = 0;
  g_autoptr(GPtrArray) starts = g_ptr_array_new ();
  guint max_words = 0;

  for (guint g = 0; g < query->groups->len; g++)
    {
      GPtrArray *group = g_ptr_array_index (query->groups, g);

      for (guint t = 0; t < group->len; t++)
        {
          LecternQueryTerm *term = g_ptr_array_index (group, t);

          if (term->words[0] != NULL)
            g_ptr_array_add (starts, term->words[0]);
          max_words = MAX (max_words, g_strv_length (term->words));
        }
    }
  g_ptr_array_add (starts, NULL);

  word_stream_init (&stream, text, (const char * const *) starts->pdata, MAX (max_words, 1));

  for (guint i = 0; ; i++)
    {
      glong best_end = -1;
      glong start;

      /* Every word before i has been tried: chunks without a possible
       * start may be skipped. */
      stream.may_skip = TRUE;
      word_stream_need (&stream, i + 1);
      stream.may_skip = FALSE;
      if (i >= stream.words->len)
        break;

      for (guint g = 0; g < query->groups->len; g++)
        {
          GPtrArray *group = g_ptr_array_index (query->groups, g);

          for (guint t = 0; t < group->len; t++)
            best_end = MAX (best_end, match_term (&stream, i, g_ptr_array_index (group, t)));
        }

      start = g_array_index (stream.words, Word, i).start;

      /* Overlapping matches of several terms show once. */
      if (best_end < 0 || start < covered)
        continue;
      covered = best_end;

      append_hit (store, &cursor, document_id, title, length, start, best_end);
      if (limit > 0 && g_list_model_get_n_items (G_LIST_MODEL (store)) >= limit)
        break;
    }

  word_stream_clear (&stream);
}

GListModel *
lectern_project_search (LecternProject  *self,
                       const char     *query,
                       guint           limit,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _lectern_project_search_in (self, query, NULL, limit, cancellable, error);
}

GListModel *
_lectern_project_search_in (LecternProject  *self,
                           const char     *query,
                           GHashTable     *documents,
                           guint           limit,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(LecternSearchQuery) parsed = NULL;
  g_autoptr(LecternStmt) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autofree char *fts = NULL;
  int rc;

  parsed = _lectern_search_query_parse (query, error);
  if (parsed == NULL)
    return NULL;

  fts = _lectern_search_query_to_fts5 (parsed);

  stmt = _lectern_project_prepare (self,
                                  /* A join, which the full-text index feeds in
                                   * id order as it finds them: "d.id IN (SELECT
                                   * rowid …)" collected every matching id before
                                   * the first row, so a first page cost as much
                                   * as every hit (17× from 1,000 to 100,000
                                   * documents in bench-growth). */
                                  "SELECT d.id, d.title, d.length, d.text"
                                  " FROM documents_fts f JOIN documents d ON d.id = f.rowid"
                                  " WHERE documents_fts MATCH ?"
                                  " ORDER BY f.rowid",
                                  error);
  if (stmt == NULL)
    return NULL;
  _lectern_bind_text (stmt, 1, fts);

  store = g_list_store_new (LECTERN_TYPE_SEARCH_HIT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (documents != NULL)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          if (!g_hash_table_contains (documents, &id))
            continue;
        }

      locate_hits (parsed, sqlite3_column_int64 (stmt, 0), _lectern_column_string (stmt, 1),
                   _lectern_column_string (stmt, 3), sqlite3_column_int64 (stmt, 2), limit, store);

      if (limit > 0 && g_list_model_get_n_items (G_LIST_MODEL (store)) >= limit)
        break;
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_ERROR)
        g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_QUERY,
                     _("Could not search for “%s”: %s"), query, sqlite3_errmsg (self->db));
      else
        _lectern_project_fail (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}
