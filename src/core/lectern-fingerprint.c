/* lectern-fingerprint.c — word n-gram fingerprints (winnowing)
 *
 * Shared passages are found by hashing every run of
 * LECTERN_FINGERPRINT_WORDS folded words (a "shingle") and keeping, in each
 * window of consecutive shingles, the smallest hash (Schleimer, Wilkerson
 * and Aiken, "Winnowing", SIGMOD 2003). Two texts sharing a passage of
 * LECTERN_FINGERPRINT_GUARANTEE words or more then share a kept hash, while
 * only about 2/(window+1) of the shingles are stored.
 *
 * The hashes are stored in project files: the words and their hashes
 * (lectern-words.c) and the shingle hash below must never change without
 * a schema migration that recomputes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-fingerprint.h"
#include "lectern-words.h"

#define WINDOW (LECTERN_FINGERPRINT_GUARANTEE - LECTERN_FINGERPRINT_WORDS + 1)

GArray *
lectern_fingerprint_compute_all (const char *text)
{
  g_autoptr(GArray) words = NULL;
  GArray *shingles;

  g_return_val_if_fail (text != NULL, NULL);

  words = lectern_words_split (text, -1, 0);
  shingles = g_array_new (FALSE, FALSE, sizeof (LecternFingerprint));

  if (words->len < LECTERN_FINGERPRINT_WORDS)
    return shingles;

  g_array_set_size (shingles, words->len - LECTERN_FINGERPRINT_WORDS + 1);

  for (guint i = 0; i < shingles->len; i++)
    {
      LecternFingerprint *fp = &g_array_index (shingles, LecternFingerprint, i);
      guint64 h = 0;

      for (guint j = 0; j < LECTERN_FINGERPRINT_WORDS; j++)
        h = lectern_words_mix (h ^ g_array_index (words, LecternWord, i + j).hash);

      /* SQLite stores signed 64-bit integers; keep the top bit clear so a
       * hash reads back the same through any binding. */
      fp->hash = h & G_GUINT64_CONSTANT (0x7fffffffffffffff);
      fp->start = g_array_index (words, LecternWord, i).start;
      fp->end = g_array_index (words, LecternWord, i + LECTERN_FINGERPRINT_WORDS - 1).end;
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
