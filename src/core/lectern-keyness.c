/* lectern-keyness.c — which words set one set of documents apart from
 * another: Dunning's log-likelihood (G²) and Hardie's log ratio, as
 * AntConc computes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lectern-analysis.h"

double
lectern_keyness_log_likelihood (gint64 a,
                                gint64 b,
                                gint64 total_a,
                                gint64 total_b)
{
  double expected_a, expected_b, g2 = 0;

  if (total_a + total_b <= 0 || a + b <= 0)
    return 0;

  expected_a = (double) total_a * (a + b) / (total_a + total_b);
  expected_b = (double) total_b * (a + b) / (total_a + total_b);
  if (a > 0)
    g2 += a * log (a / expected_a);
  if (b > 0)
    g2 += b * log (b / expected_b);
  return 2 * g2;
}

double
lectern_keyness_log_ratio (gint64 a,
                           gint64 b,
                           gint64 total_a,
                           gint64 total_b)
{
  if ((a == 0 && b == 0) || total_a <= 0 || total_b <= 0)
    return 0;
  return log2 (((a > 0 ? (double) a : 0.5) / total_a) / ((b > 0 ? (double) b : 0.5) / total_b));
}

static void
keyword_free (LecternKeyword *keyword)
{
  g_free (keyword->word);
  g_free (keyword);
}

/* Positive for words relatively more frequent in A, negative for those of
 * B: by the counts themselves, not the log ratio, whose 0.5 for a zero
 * count can turn its sign in small sets. */
static double
signed_g2 (const LecternKeyword *k,
           gint64                total_a,
           gint64                total_b)
{
  return (double) k->a_count * total_b >= (double) k->b_count * total_a ? k->log_likelihood : -k->log_likelihood;
}

typedef struct
{
  gint64 total_a;
  gint64 total_b;
} Totals;

static int
compare_keywords (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const Totals *totals = data;
  const LecternKeyword *x = *(LecternKeyword * const *) a;
  const LecternKeyword *y = *(LecternKeyword * const *) b;
  double sx = signed_g2 (x, totals->total_a, totals->total_b);
  double sy = signed_g2 (y, totals->total_a, totals->total_b);

  if (sx != sy)
    return sx > sy ? -1 : 1;
  return strcmp (x->word, y->word);
}

static void
add_words (GPtrArray         *keywords,
           GHashTable        *seen,
           LecternWordCounts *from,
           LecternWordCounts *a,
           LecternWordCounts *b,
           gboolean           all)
{
  g_autoptr(GPtrArray) list = lectern_word_counts_list (from, all);
  gint64 total_a = lectern_word_counts_get_total (a);
  gint64 total_b = lectern_word_counts_get_total (b);

  for (guint i = 0; i < list->len; i++)
    {
      const LecternWordCount *count = g_ptr_array_index (list, i);
      const LecternWordCount *in_a, *in_b;
      LecternKeyword *keyword;

      if (!g_hash_table_add (seen, count->word))
        continue;

      in_a = lectern_word_counts_lookup (a, count->word);
      in_b = lectern_word_counts_lookup (b, count->word);
      keyword = g_new0 (LecternKeyword, 1);
      keyword->word = g_strdup (count->word);
      keyword->a_count = in_a != NULL ? in_a->count : 0;
      keyword->b_count = in_b != NULL ? in_b->count : 0;
      keyword->log_likelihood = lectern_keyness_log_likelihood (keyword->a_count, keyword->b_count, total_a, total_b);
      keyword->log_ratio = lectern_keyness_log_ratio (keyword->a_count, keyword->b_count, total_a, total_b);
      g_ptr_array_add (keywords, keyword);
    }
}

GPtrArray *
lectern_keyness_compare (LecternWordCounts *a,
                         LecternWordCounts *b,
                         gboolean           all)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *keywords;
  Totals totals;

  g_return_val_if_fail (a != NULL && b != NULL, NULL);

  keywords = g_ptr_array_new_with_free_func ((GDestroyNotify) keyword_free);
  totals.total_a = lectern_word_counts_get_total (a);
  totals.total_b = lectern_word_counts_get_total (b);
  add_words (keywords, seen, a, a, b, all);
  add_words (keywords, seen, b, a, b, all);
  g_ptr_array_sort_with_data (keywords, compare_keywords, &totals);
  return keywords;
}
