/* lectern-words.c — the one word layer: what a word is, and how it folds
 *
 * Fingerprints, shared passages, `where` and the word diff all cut text
 * here, so a passage is the same words wherever it is looked at.
 *
 * A word is a maximal run of word characters: letters and numbers (the
 * Unicode categories L* and N*, as g_unichar_isalnum() sees them) and
 * combining marks (M*), which may start a word. FTS5's `unicode61`
 * tokenizer, the one the search index uses, counts letters, numbers and
 * private-use characters (Co) as token characters, and of the marks only
 * the Latin combining diacritics; here private-use characters separate
 * words, and every mark stays in its word (a Devanagari vowel sign does
 * not cut a Hindi word in three). Scripts written without spaces are not
 * segmented, in either: a run of Han or kana is one word.
 *
 * Folding, for comparing words, is as `unicode61 remove_diacritics 2`'s:
 * lower case, and diacritics removed even where a character carries
 * several (a Vietnamese "ệ" folds to "e"). It is canonical decomposition
 * with every mark dropped, then g_unichar_tolower(). Where FTS5 differs:
 * it removes diacritics from Latin letters only, where Lectern does in any
 * script ("й" folds to "и", "ά" to "α"); and it folds case by Unicode's
 * case folding, where GLib lowers letters only ("ſ" and "Ⅻ" stay). For
 * Latin, Cyrillic and Greek words without diacritics the two agree
 * (tests/core/test-words.c checks it against SQLite itself).
 *
 * A word's hash is 64-bit FNV-1a over the little-endian UTF-32 bytes of its
 * folded characters. Fingerprint hashes built from it are stored in
 * project files: the word definition, the folding and the hash must never
 * change without a schema migration that recomputes them (the test pins
 * hashes of a multilingual text).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lectern-words.h"

#define FNV_OFFSET G_GUINT64_CONSTANT (0xcbf29ce484222325)
#define FNV_PRIME  G_GUINT64_CONSTANT (0x100000001b3)
/* FNV_PRIME² and ³: a zero byte XORs nothing, so the zero high bytes
 * of a code point are multiplications only. */
#define FNV_PRIME2 G_GUINT64_CONSTANT (0x000366000002e329)
#define FNV_PRIME3 G_GUINT64_CONSTANT (0x08a97b0004e7feab)

#define W LECTERN_TOKEN_WORD
#define S LECTERN_TOKEN_SPACE
#define P LECTERN_TOKEN_PUNCT

/* ASCII whitespace is g_ascii_isspace()'s, vertical tab included. */
const guint8 _lectern_words_ascii_class[128] = {
  [0 ... 8] = P, [9 ... 13] = S, [14 ... 31] = P, [32] = S, [33 ... 47] = P,
  [48 ... 57] = W, [58 ... 64] = P, [65 ... 90] = W, [91 ... 96] = P,
  [97 ... 122] = W, [123 ... 127] = P,
};

#undef W
#undef S
#undef P

static inline gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

LecternTokenKind
lectern_words_classify (gunichar c)
{
  if (c < 0x80)
    return (LecternTokenKind) _lectern_words_ascii_class[c];
  if (g_unichar_isalnum (c) || is_mark (c))
    return LECTERN_TOKEN_WORD;
  if (g_unichar_isspace (c))
    return LECTERN_TOKEN_SPACE;
  return LECTERN_TOKEN_PUNCT;
}

/* Feeds one folded code point to the hash, as its four UTF-32 bytes. */
static inline guint64
hash_code_point (guint64  hash,
                 gunichar d)
{
  hash = (hash ^ (d & 0xff)) * FNV_PRIME;
  if (d < 0x100)
    return hash * FNV_PRIME3;
  hash = (hash ^ ((d >> 8) & 0xff)) * FNV_PRIME;
  if (d < 0x10000)
    return hash * FNV_PRIME2;
  hash = (hash ^ ((d >> 16) & 0xff)) * FNV_PRIME;
  return hash * FNV_PRIME;
}

/* Folds @c: canonical decomposition, marks dropped, lower case. Returns
 * the number of code points written to @out (G_UNICHAR_MAX_DECOMPOSITION_LENGTH). */
static gsize
fold_char (gunichar  c,
           gunichar *out)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  gsize n_out = 0;

  for (gsize i = 0; i < n; i++)
    if (!is_mark (decomposed[i]))
      out[n_out++] = g_unichar_tolower (decomposed[i]);

  return n_out;
}

/* The folding and class, looked up: every code point below FOLD_TABLE_SIZE
 * (Latin, Greek, Cyrillic…: nearly every character of a corpus) is
 * decomposed once per process instead of once per occurrence, and its
 * contribution to a hash is one or two multiplications. */
#define FOLD_TABLE_SIZE 0x800
#define FOLD_MAX 3

typedef struct
{
  guint8   kind : 2;      /* LecternTokenKind */
  guint8   n_folded : 6;  /* FOLD_MAX + 1: not tabulated, fold it slowly */
  gunichar folded[FOLD_MAX];
} Fold;

static Fold fold_table[FOLD_TABLE_SIZE];

static const Fold *
ensure_fold_table (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (gunichar c = 0; c < FOLD_TABLE_SIZE; c++)
        {
          gunichar folded[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
          gsize n = fold_char (c, folded);
          Fold *fold = &fold_table[c];

          fold->kind = lectern_words_classify (c);
          if (n > FOLD_MAX)
            fold->n_folded = FOLD_MAX + 1;
          else
            {
              fold->n_folded = n;
              memcpy (fold->folded, folded, n * sizeof (gunichar));
            }
        }
      g_once_init_leave (&initialized, 1);
    }

  return fold_table;
}

static inline guint64
hash_folded_char (guint64  hash,
                  gunichar c)
{
  gunichar folded[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = fold_char (c, folded);

  for (gsize i = 0; i < n; i++)
    hash = hash_code_point (hash, folded[i]);

  return hash;
}

void
lectern_word_iter_init (LecternWordIter      *iter,
                        const char           *text,
                        gssize                length,
                        glong                 base,
                        LecternWordIterFlags  flags)
{
  g_return_if_fail (iter != NULL);
  g_return_if_fail (text != NULL);

  ensure_fold_table ();
  memset (iter, 0, sizeof *iter);
  iter->text = text;
  iter->p = text;
  iter->limit = text + (length < 0 ? strlen (text) : (gsize) length);
  iter->offset = base;
  iter->flags = flags;
}

/* Reads the character at *@p, moves past it and gives its table entry
 * (NULL beyond the table) and class. */
static inline const Fold *
read_char (const char      **p,
           gunichar         *c,
           LecternTokenKind *kind)
{
  const guchar byte = (guchar) **p;

  if (byte < 0x80)
    {
      *c = byte;
      *p += 1;
      *kind = (LecternTokenKind) _lectern_words_ascii_class[byte];
      return &fold_table[byte];
    }

  *c = g_utf8_get_char (*p);
  *p = g_utf8_next_char (*p);
  if (*c < FOLD_TABLE_SIZE)
    {
      *kind = fold_table[*c].kind;
      return &fold_table[*c];
    }
  *kind = lectern_words_classify (*c);
  return NULL;
}

/* The position is kept in locals, not in *iter, while characters are
 * read: the text's bytes may alias anything, so the compiler would reload
 * and store the iterator's fields around every read. */
gboolean
lectern_word_iter_next (LecternWordIter *iter)
{
  const gboolean fold = (iter->flags & LECTERN_WORD_ITER_FOLD) != 0;
  /* Bit k: tokens of LecternTokenKind k are reported. */
  const guint wanted = 1u << LECTERN_TOKEN_WORD
                     | ((iter->flags & LECTERN_WORD_ITER_SPACE) ? 1u << LECTERN_TOKEN_SPACE : 0)
                     | ((iter->flags & LECTERN_WORD_ITER_PUNCT) ? 1u << LECTERN_TOKEN_PUNCT : 0);
  const char *p = iter->p;
  const char *const limit = iter->limit;
  glong offset = iter->offset;
  gunichar c;
  LecternTokenKind kind;
  const Fold *entry;
  const char *first;
  guint64 hash = FNV_OFFSET;

  /* Skip to a token's first character. */
  for (;;)
    {
      if (p >= limit)
        {
          iter->p = p;
          iter->offset = offset;
          return FALSE;
        }
      first = p;
      entry = read_char (&p, &c, &kind);
      offset++;
      if (wanted & (1u << kind))
        break;
    }

  iter->byte_start = first - iter->text;
  iter->start = offset - 1;
  iter->kind = kind;
  iter->hash = 0;

  /* Runs of whitespace and of word characters go on while the class
   * does; a word's characters are folded into its hash on the way. */
  if (kind != LECTERN_TOKEN_PUNCT)
    {
      const gboolean fold_word = fold && kind == LECTERN_TOKEN_WORD;

      for (;;)
        {
          const char *before;
          LecternTokenKind next_kind;

          if (fold_word)
            {
              if (entry == NULL || entry->n_folded > FOLD_MAX)
                hash = hash_folded_char (hash, c);
              else
                for (guint i = 0; i < entry->n_folded; i++)
                  hash = hash_code_point (hash, entry->folded[i]);
            }

          /* ASCII within the run, the common case, in a tight loop: an
           * ASCII letter or digit folds to one code point. */
          while (p < limit && (guchar) *p < 0x80 && _lectern_words_ascii_class[(guchar) *p] == kind)
            {
              if (fold_word)
                hash = hash_code_point (hash, fold_table[(guchar) *p].folded[0]);
              p++;
              offset++;
            }

          if (p >= limit)
            break;
          before = p;
          entry = read_char (&p, &c, &next_kind);
          if (next_kind != kind)
            {
              /* What ends the token starts the next one, read again by
               * the next call, or is skipped anyway. */
              iter->byte_end = before - iter->text;
              iter->end = offset;
              if (wanted & (1u << next_kind))
                p = before;
              else
                offset++;
              goto done;
            }
          offset++;
        }
    }

  iter->byte_end = p - iter->text;
  iter->end = offset;

done:
  if (kind == LECTERN_TOKEN_WORD && fold)
    iter->hash = hash;
  iter->p = p;
  iter->offset = offset;
  return TRUE;
}

GArray *
lectern_words_split (const char *text,
                     gssize      length,
                     glong       base)
{
  LecternWordIter iter;
  GArray *words;

  g_return_val_if_fail (text != NULL, NULL);

  lectern_word_iter_init (&iter, text, length, base, LECTERN_WORD_ITER_FOLD);
  words = g_array_new (FALSE, FALSE, sizeof (LecternWord));
  while (lectern_word_iter_next (&iter))
    {
      LecternWord word = { iter.hash, iter.start, iter.end };

      g_array_append_val (words, word);
    }

  return words;
}

char *
lectern_words_fold (const char *word)
{
  GString *folded;

  g_return_val_if_fail (word != NULL, NULL);

  folded = g_string_new (NULL);
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar out[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = fold_char (g_utf8_get_char (p), out);

      for (gsize i = 0; i < n; i++)
        g_string_append_unichar (folded, out[i]);
    }

  return g_string_free (folded, FALSE);
}
