/* lectern-fingerprint.c — word n-gram fingerprints (winnowing)
 *
 * Shared passages are found by hashing every run of
 * LECTERN_FINGERPRINT_WORDS folded words (a "shingle") and keeping, in each
 * window of consecutive shingles, the smallest hash (Schleimer, Wilkerson
 * and Aiken, "Winnowing", SIGMOD 2003). Two texts sharing a passage of
 * LECTERN_FINGERPRINT_GUARANTEE words or more then share a kept hash, while
 * only about 2/(window+1) of the shingles are stored.
 *
 * The hashes are stored in project files: the word splitting, folding and
 * hash functions below must never change without a schema migration that
 * recomputes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-fingerprint.h"

#define WINDOW (LECTERN_FINGERPRINT_GUARANTEE - LECTERN_FINGERPRINT_WORDS + 1)

#define FNV_OFFSET G_GUINT64_CONSTANT (0xcbf29ce484222325)
#define FNV_PRIME  G_GUINT64_CONSTANT (0x100000001b3)

typedef struct
{
  guint64 hash;
  glong   start;
  glong   end;
} Word;

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

static inline gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || is_mark (c);
}

/* Folds one code point into the running FNV-1a hash of a word: canonical
 * decomposition, marks dropped, lower case — so "Sécurité" and "securite"
 * hash alike. Fed as UTF-32 values so the hash does not depend on a
 * temporary encoding. */
static inline guint64
hash_code_point (guint64  hash,
                 gunichar d)
{
  for (guint b = 0; b < 4; b++)
    {
      hash ^= (d >> (8 * b)) & 0xff;
      hash *= FNV_PRIME;
    }
  return hash;
}

static guint64
hash_folded_char (guint64  hash,
                  gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));

  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomposed[i];

      if (is_mark (d))
        continue;
      hash = hash_code_point (hash, g_unichar_tolower (d));
    }

  return hash;
}

/* The same folding, looked up: every code point below FOLD_TABLE_SIZE (Latin,
 * Greek, Cyrillic…: nearly every character of a corpus) is decomposed once
 * per process instead of once per occurrence. Import time is mostly this. */
#define FOLD_TABLE_SIZE 0x800
#define FOLD_MAX 3

typedef struct
{
  guint8   word_char : 1;
  guint8   n_folded : 7;   /* FOLD_MAX + 1: not tabulated, fold it slowly */
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
          gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
          gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
          Fold *fold = &fold_table[c];

          fold->word_char = is_word_char (c);
          fold->n_folded = 0;
          for (gsize i = 0; i < n; i++)
            {
              if (is_mark (decomposed[i]))
                continue;
              if (fold->n_folded == FOLD_MAX)
                {
                  fold->n_folded = FOLD_MAX + 1;
                  break;
                }
              fold->folded[fold->n_folded++] = g_unichar_tolower (decomposed[i]);
            }
        }
      g_once_init_leave (&initialized, 1);
    }

  return fold_table;
}

static GArray *
split_words (const char *text)
{
  const Fold *table = ensure_fold_table ();
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;
  glong offset = 0;
  Word current = { FNV_OFFSET, -1, -1 };

  while (*p != '\0')
    {
      gunichar c;
      gboolean word_char;
      const Fold *fold = NULL;

      if ((guchar) *p < 0x80)
        c = (guchar) *p++;
      else
        {
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }

      if (c < FOLD_TABLE_SIZE)
        {
          fold = &table[c];
          word_char = fold->word_char;
        }
      else
        word_char = is_word_char (c);

      if (word_char)
        {
          if (current.start < 0)
            current.start = offset;
          if (fold == NULL || fold->n_folded > FOLD_MAX)
            current.hash = hash_folded_char (current.hash, c);
          else
            for (guint i = 0; i < fold->n_folded; i++)
              current.hash = hash_code_point (current.hash, fold->folded[i]);
        }
      else if (current.start >= 0)
        {
          current.end = offset;
          g_array_append_val (words, current);
          current = (Word) { FNV_OFFSET, -1, -1 };
        }

      offset++;
    }

  if (current.start >= 0)
    {
      current.end = offset;
      g_array_append_val (words, current);
    }

  return words;
}

/* A word hash of 0 must not make shingles collide, hence the mixing step
 * (the finaliser of MurmurHash3) after each word. */
static inline guint64
mix (guint64 h)
{
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return h;
}

GArray *
lectern_fingerprint_compute_all (const char *text)
{
  g_autoptr(GArray) words = NULL;
  GArray *shingles;

  g_return_val_if_fail (text != NULL, NULL);

  words = split_words (text);
  shingles = g_array_new (FALSE, FALSE, sizeof (LecternFingerprint));

  if (words->len < LECTERN_FINGERPRINT_WORDS)
    return shingles;

  g_array_set_size (shingles, words->len - LECTERN_FINGERPRINT_WORDS + 1);

  for (guint i = 0; i < shingles->len; i++)
    {
      LecternFingerprint *fp = &g_array_index (shingles, LecternFingerprint, i);
      guint64 h = 0;

      for (guint j = 0; j < LECTERN_FINGERPRINT_WORDS; j++)
        h = mix (h ^ g_array_index (words, Word, i + j).hash);

      /* SQLite stores signed 64-bit integers; keep the top bit clear so a
       * hash reads back the same through any binding. */
      fp->hash = h & G_GUINT64_CONSTANT (0x7fffffffffffffff);
      fp->start = g_array_index (words, Word, i).start;
      fp->end = g_array_index (words, Word, i + LECTERN_FINGERPRINT_WORDS - 1).end;
    }

  return shingles;
}

GArray *
lectern_fingerprint_compute (const char *text)
{
  g_autoptr(GArray) all = NULL;
  GArray *kept;
  gint last_kept = -1;

  g_return_val_if_fail (text != NULL, NULL);

  all = lectern_fingerprint_compute_all (text);
  kept = g_array_new (FALSE, FALSE, sizeof (LecternFingerprint));

  /* A text shorter than one window keeps its minimum, so short documents
   * can still be found. */
  if (all->len > 0 && all->len < WINDOW)
    {
      guint min = 0;

      for (guint i = 1; i < all->len; i++)
        if (g_array_index (all, LecternFingerprint, i).hash <=
            g_array_index (all, LecternFingerprint, min).hash)
          min = i;
      g_array_append_val (kept, g_array_index (all, LecternFingerprint, min));
      return kept;
    }

  for (guint w = 0; w + WINDOW <= all->len; w++)
    {
      guint min = w;

      /* Rightmost minimum, as in the paper: it keeps fewer hashes when
       * windows slide over a run of equal values. */
      for (guint i = w + 1; i < w + WINDOW; i++)
        if (g_array_index (all, LecternFingerprint, i).hash <=
            g_array_index (all, LecternFingerprint, min).hash)
          min = i;

      if ((gint) min != last_kept)
        {
          g_array_append_val (kept, g_array_index (all, LecternFingerprint, min));
          last_kept = min;
        }
    }

  return kept;
}
