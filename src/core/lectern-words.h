/* lectern-words.h — the one word layer: what a word is, and how it folds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LECTERN_TOKEN_WORD,
  LECTERN_TOKEN_SPACE,   /* a run of whitespace */
  LECTERN_TOKEN_PUNCT,   /* one character that is neither */
} LecternTokenKind;

typedef enum
{
  LECTERN_WORD_ITER_NONE   = 0,
  /* Compute each word's folded hash. */
  LECTERN_WORD_ITER_FOLD   = 1 << 0,
  /* Also stop at each punctuation mark (any character that is neither
   * word nor whitespace), one token each. */
  LECTERN_WORD_ITER_PUNCT  = 1 << 1,
  /* Also stop at each run of whitespace. */
  LECTERN_WORD_ITER_SPACE  = 1 << 2,
  /* Everything: the tokens then cover the text. */
  LECTERN_WORD_ITER_TOKENS = LECTERN_WORD_ITER_PUNCT | LECTERN_WORD_ITER_SPACE,
} LecternWordIterFlags;

/* One word of a text, as lectern_words_split() gives it. */
typedef struct
{
  guint64 hash;   /* folded: case and diacritics ignored */
  glong   start;  /* code points, end exclusive */
  glong   end;
} LecternWord;

/* Walks a text token by token, on the stack:
 *
 *   LecternWordIter iter;
 *
 *   lectern_word_iter_init (&iter, text, -1, 0, LECTERN_WORD_ITER_FOLD);
 *   while (lectern_word_iter_next (&iter))
 *     use (iter.start, iter.end, iter.hash);
 */
typedef struct
{
  /* The current token. */
  LecternTokenKind kind;
  glong            start;       /* code points from the base given */
  glong            end;
  gsize            byte_start;  /* bytes from the text given */
  gsize            byte_end;
  guint64          hash;        /* folded, for words with ITER_FOLD; else 0 */

  /*< private >*/
  const char          *text;
  const char          *p;
  const char          *limit;
  glong                offset;
  LecternWordIterFlags flags;
} LecternWordIter;

/* @length: bytes of @text, -1 up to its NUL; @base: the code-point offset
 * of @text, added to every start and end. */
void     lectern_word_iter_init (LecternWordIter      *iter,
                                 const char           *text,
                                 gssize                length,
                                 glong                 base,
                                 LecternWordIterFlags  flags);
/* Moves to the next token; FALSE at the end of the text. */
gboolean lectern_word_iter_next (LecternWordIter      *iter);

/* The words of @text (see lectern_word_iter_init() for @length and @base),
 * with their folded hashes. (transfer full) element-type LecternWord */
GArray  *lectern_words_split    (const char           *text,
                                 gssize                length,
                                 glong                 base);

/* The class of one character: word character, whitespace or other. */
LecternTokenKind lectern_words_classify (gunichar c);

/* The class of the character at @p; *@next is set past it. */
static inline LecternTokenKind
lectern_words_class_at (const char  *p,
                        const char **next)
{
  extern const guint8 _lectern_words_ascii_class[128];
  guchar byte = (guchar) *p;

  if (byte < 0x80)
    {
      *next = p + 1;
      return (LecternTokenKind) _lectern_words_ascii_class[byte];
    }
  *next = g_utf8_next_char (p);
  return lectern_words_classify (g_utf8_get_char (p));
}

/* Mixes a hash (the finaliser of MurmurHash3), to chain the hashes of
 * consecutive words into the hash of a run of them: a word hash of 0 must
 * not make runs collide. Part of the stored fingerprints: never change it. */
static inline guint64
lectern_words_mix (guint64 h)
{
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return h;
}

/* @word folded as its hash sees it, in UTF-8: for tests and debugging.
 * (transfer full) */
char    *lectern_words_fold     (const char           *word);

G_END_DECLS
