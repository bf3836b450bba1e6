/* lectern-shared-passages.c — passages two texts share, and where else a
 * passage occurs in a corpus
 *
 * Both texts are cut into folded words (case and diacritics ignored) by
 * lectern-words.h, as the stored fingerprints are.
 * Every run of SEED_WORDS words of one text is hashed; the runs the other
 * text has too are seeds, which grow into exact runs along their diagonal,
 * and exact runs close enough to each other on both sides (a word changed,
 * a phrase inserted) merge into one passage. A passage's score is the
 * share of its words the two sides have in common.
 *
 * Corpus-wide, the stored fingerprints of the corpus (lectern-fingerprint.h)
 * give the candidate places in a single indexed lookup; each candidate is
 * then verified and extended on the candidate's own text by the same
 * two-text method, so what is reported is a real passage with real bounds,
 * not a bag of matching hashes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-core.h"
#include "lectern-shared-passages.h"

/* Words per seed: short enough to survive light edits. */
#define SEED_WORDS 3
/* Words of difference (either side) bridged inside one passage. */
#define MAX_GAP_WORDS 8
/* A seed pairing more often than this between the texts is boilerplate
 * noise ("one of the"): skipped as a seed, still bridged over. */
#define MAX_SEED_REPEATS 64
/* Words skipped, on either side, for each word a place grows by. */
#define EXTEND_SKIP 1
/* Passages still open to runs that continue them. */
#define MAX_OPEN_PASSAGES 32
/* Places less similar than this to the passage (Dice's coefficient over
 * words) are not reported. */
#define MIN_SIMILARITY 0.3

/* Words are lectern-words.h's: the ones the fingerprints are made of. */
typedef LecternWord Word;

/* A shared stretch, in word indices, end exclusive. */
typedef struct
{
  guint ia0, ia1;
  guint ib0, ib1;
  guint matched;  /* words of a inside exact runs */
} Passage;

static inline guint64
seed_hash (const Word *words,
           guint       i)
{
  guint64 h = 0;

  for (guint k = 0; k < SEED_WORDS; k++)
    h = lectern_words_mix (h ^ words[i + k].hash);

  return h;
}

typedef struct
{
  guint a;
  guint b;
} Seed;

static int
compare_seeds_by_diagonal (gconstpointer x,
                           gconstpointer y)
{
  const Seed *s = x, *t = y;
  gint64 ds = (gint64) s->b - s->a, dt = (gint64) t->b - t->a;

  if (ds != dt)
    return ds < dt ? -1 : 1;
  return (s->a > t->a) - (s->a < t->a);
}

static int
compare_passages_by_a (gconstpointer x,
                       gconstpointer y)
{
  const Passage *p = x, *q = y;

  if (p->ia0 != q->ia0)
    return p->ia0 < q->ia0 ? -1 : 1;
  return (p->ib0 > q->ib0) - (p->ib0 < q->ib0);
}

/* Seeds of @a in @b, through a hash table of @a's seeds with chains. */
static GArray *
find_seeds (const Word *a,
            guint       na,
            const Word *b,
            guint       nb)
{
  GArray *seeds = g_array_new (FALSE, FALSE, sizeof (Seed));
  g_autoptr(GHashTable) first = NULL;
  g_autofree guint *next = NULL;
  g_autofree guint *count = NULL;
  g_autofree guint *used = NULL;
  g_autofree guint64 *hashes = NULL;

  if (na < SEED_WORDS || nb < SEED_WORDS)
    return seeds;

  first = g_hash_table_new (g_int64_hash, g_int64_equal);
  next = g_new (guint, na);
  count = g_new0 (guint, na);
  used = g_new0 (guint, na);
  hashes = g_new (guint64, na);

  /* Chains run from the last occurrence back: next[i] is the previous
   * position with the same seed, or G_MAXUINT. */
  for (guint i = 0; i + SEED_WORDS <= na; i++)
    {
      gpointer head;

      hashes[i] = seed_hash (a, i);
      if (g_hash_table_lookup_extended (first, &hashes[i], NULL, &head))
        {
          guint h = GPOINTER_TO_UINT (head) - 1;

          next[i] = h;
          count[i] = count[h] + 1;
        }
      else
        {
          next[i] = G_MAXUINT;
          count[i] = 1;
        }
      g_hash_table_insert (first, &hashes[i], GUINT_TO_POINTER (i + 1));
    }

  for (guint j = 0; j + SEED_WORDS <= nb; j++)
    {
      guint64 h = seed_hash (b, j);
      gpointer head;
      guint i;

      if (!g_hash_table_lookup_extended (first, &h, NULL, &head))
        continue;
      i = GPOINTER_TO_UINT (head) - 1;
      /* count[] of the chain's head is the seed's occurrences in a; once
       * its pairs with b pass the limit, it is boilerplate. */
      if (used[i] + count[i] > MAX_SEED_REPEATS)
        continue;
      used[i] += count[i];
      for (; i != G_MAXUINT; i = next[i])
        {
          Seed seed = { i, j };

          g_array_append_val (seeds, seed);
        }
    }

  return seeds;
}

/* Shared passages of word lists @a and @b, in word indices, by a. */
static GArray *
find_passages (const Word *a,
               guint       na,
               const Word *b,
               guint       nb,
               guint       min_words)
{
  g_autoptr(GArray) seeds = find_seeds (a, na, b, nb);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Passage));
  GArray *passages = g_array_new (FALSE, FALSE, sizeof (Passage));

  if (seeds->len == 0)
    return passages;

  /* Seeds on one diagonal that touch or overlap make one exact run. */
  g_array_sort (seeds, compare_seeds_by_diagonal);
  for (guint s = 0; s < seeds->len; s++)
    {
      const Seed *seed = &g_array_index (seeds, Seed, s);
      Passage *last = runs->len > 0 ? &g_array_index (runs, Passage, runs->len - 1) : NULL;

      if (last != NULL &&
          (gint64) last->ib0 - last->ia0 == (gint64) seed->b - seed->a &&
          seed->a <= last->ia1)
        {
          last->ia1 = MAX (last->ia1, seed->a + SEED_WORDS);
          last->ib1 = MAX (last->ib1, seed->b + SEED_WORDS);
        }
      else
        {
          Passage run = { seed->a, seed->a + SEED_WORDS, seed->b, seed->b + SEED_WORDS, 0 };

          g_array_append_val (runs, run);
        }
    }
  for (guint r = 0; r < runs->len; r++)
    {
      Passage *run = &g_array_index (runs, Passage, r);

      run->matched = run->ia1 - run->ia0;
    }

  /* Runs in a's order join the passage they continue, on both sides,
   * within MAX_GAP_WORDS; the rest start passages of their own. */
  g_array_sort (runs, compare_passages_by_a);
  for (guint r = 0; r < runs->len; r++)
    {
      const Passage *run = &g_array_index (runs, Passage, r);
      gboolean joined = FALSE;

      /* Recent passages only: the ones a run in a's order can continue. */
      for (guint p = passages->len; p > 0 && p + MAX_OPEN_PASSAGES > passages->len && !joined; p--)
        {
          Passage *passage = &g_array_index (passages, Passage, p - 1);

          if (run->ia0 > passage->ia1 + MAX_GAP_WORDS)
            continue;
          if (run->ia0 < passage->ia0 || run->ib0 < passage->ib0 ||
              run->ib0 > passage->ib1 + MAX_GAP_WORDS ||
              run->ib1 <= passage->ib1 || run->ia1 <= passage->ia1)
            continue;
          /* Overlaps count once. */
          passage->matched += run->ia1 - MAX (run->ia0, passage->ia1);
          passage->ia1 = run->ia1;
          passage->ib1 = run->ib1;
          joined = TRUE;
        }

      if (!joined)
        {
          /* A run inside a passage already found adds nothing. */
          gboolean inside = FALSE;

          for (guint p = passages->len; p > 0 && p + MAX_OPEN_PASSAGES > passages->len && !inside; p--)
            {
              const Passage *passage = &g_array_index (passages, Passage, p - 1);

              inside = run->ia0 >= passage->ia0 &&  run->ia1 <= passage->ia1 && run->ib0 >= passage->ib0 && run->ib1 <= passage->ib1;
            }
          if (!inside)
            g_array_append_val (passages, *run);
        }
    }

  /* Keep what is long enough; passages are kept in a's order. */
  for (guint p = passages->len; p > 0; p--)
    {
      const Passage *passage = &g_array_index (passages, Passage, p - 1);

      if (passage->matched < min_words)
        g_array_remove_index (passages, p - 1);
    }

  return passages;
}

static double
passage_score (const Passage *passage)
{
  guint len = MAX (passage->ia1 - passage->ia0, passage->ib1 - passage->ib0);

  return len > 0 ? MIN (1.0, (double) passage->matched / len) : 0.0;
}

static inline gboolean
same_words (const Word *x,
            const Word *y,
            guint       n)
{
  for (guint k = 0; k < n; k++)
    if (x[k].hash != y[k].hash)
      return FALSE;
  return TRUE;
}

/* Seeds are SEED_WORDS long, so a place stops short of a last word or two
 * that match after an edit ("… NATO countries as nonsense" against "… NATO
 * as nonsense"): extend it at both ends by the next word, or past up to
 * EXTEND_SKIP changed words by the next two, so common words alone do not
 * drag a place along. */
static void
extend_group (Passage    *group,
              const Word *a,
              guint       na,
              const Word *b,
              guint       nb)
{
  gboolean grown = TRUE;

  while (grown)
    {
      grown = FALSE;
      for (guint cost = 0; cost <= 2 * EXTEND_SKIP && !grown; cost++)
        for (guint i = 0; i <= MIN (cost, EXTEND_SKIP) && !grown; i++)
          {
            guint j = cost - i;

            guint n = cost == 0 ? 1 : 2;

            if (j > EXTEND_SKIP || group->ia1 + i + n > na || group->ib1 + j + n > nb)
              continue;
            if (same_words (a + group->ia1 + i, b + group->ib1 + j, n))
              {
                group->ia1 += i + n;
                group->ib1 += j + n;
                group->matched += n;
                grown = TRUE;
              }
          }
    }

  grown = TRUE;
  while (grown)
    {
      grown = FALSE;
      for (guint cost = 0; cost <= 2 * EXTEND_SKIP && !grown; cost++)
        for (guint i = 0; i <= MIN (cost, EXTEND_SKIP) && !grown; i++)
          {
            guint j = cost - i;

            guint n = cost == 0 ? 1 : 2;

            if (j > EXTEND_SKIP || group->ia0 < i + n || group->ib0 < j + n)
              continue;
            if (same_words (a + group->ia0 - i - n, b + group->ib0 - j - n, n))
              {
                group->ia0 -= i + n;
                group->ib0 -= j + n;
                group->matched += n;
                grown = TRUE;
              }
          }
    }
}

GArray *
lectern_shared_passages (const char *a,
                         const char *b,
                         guint       min_words)
{
  g_autoptr(GArray) words_a = NULL;
  g_autoptr(GArray) words_b = NULL;
  g_autoptr(GArray) passages = NULL;
  GArray *chunks;

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);

  if (min_words == 0)
    min_words = LECTERN_SHARED_MIN_WORDS;
  min_words = MAX (min_words, SEED_WORDS);

  words_a = lectern_words_split (a, -1, 0);
  words_b = lectern_words_split (b, -1, 0);
  passages = find_passages ((const Word *) (gpointer) words_a->data, words_a->len,
                            (const Word *) (gpointer) words_b->data, words_b->len,
                            min_words);

  chunks = lectern_chunks_new ();
  for (guint p = 0; p < passages->len; p++)
    {
      Passage *passage = &g_array_index (passages, Passage, p);
      LecternChunk chunk;

      extend_group (passage,
                    (const Word *) (gpointer) words_a->data, words_a->len,
                    (const Word *) (gpointer) words_b->data, words_b->len);
      chunk = (LecternChunk) {
        LECTERN_CHUNK_SHARED,
        g_array_index (words_a, Word, passage->ia0).start,
        g_array_index (words_a, Word, passage->ia1 - 1).end,
        g_array_index (words_b, Word, passage->ib0).start,
        g_array_index (words_b, Word, passage->ib1 - 1).end,
        passage_score (passage),
      };

      g_array_append_val (chunks, chunk);
    }

  return chunks;
}

/* ------------------------------------------------------------------ */
/* Corpus-wide                                                         */

static int
compare_hits (gconstpointer x,
              gconstpointer y)
{
  const LecternFingerprintHit *h = x, *k = y;

  if (h->document_id != k->document_id)
    return h->document_id < k->document_id ? -1 : 1;
  return (h->start > k->start) - (h->start < k->start);
}

static int
compare_places (gconstpointer x,
                gconstpointer y)
{
  const LecternPlace *p = x, *q = y;

  if (p->similarity != q->similarity)
    return p->similarity > q->similarity ? -1 : 1;
  if (p->document_id != q->document_id)
    return p->document_id < q->document_id ? -1 : 1;
  return (p->start > q->start) - (p->start < q->start);
}

static int
compare_passages_by_b (gconstpointer x,
                       gconstpointer y)
{
  const Passage *p = x, *q = y;

  return (p->ib0 > q->ib0) - (p->ib0 < q->ib0);
}

static void
add_place (GArray             *places,
           const LecternPlace *place)
{
  /* Windows of nearby clusters can find the same place twice. */
  for (guint p = 0; p < places->len; p++)
    {
      LecternPlace *other = &g_array_index (places, LecternPlace, p);

      if (other->document_id == place->document_id &&
          other->start < place->end && place->start < other->end)
        {
          if (place->similarity > other->similarity)
            *other = *place;
          return;
        }
    }

  g_array_append_val (places, *place);
}

/* Verifies a window of a candidate text: finds the passage's words there
 * and reports each place holding enough of them in order. Pieces of one
 * place split by an edit longer than a passage's gap join when they follow
 * each other on both sides. */
static void
verify_window (GArray     *places,
               gint64      document_id,
               const char *text,
               glong       window_start,
               glong       window_end,
               GArray     *query_words)
{
  const char *from = g_utf8_offset_to_pointer (text, window_start);
  const char *to = g_utf8_offset_to_pointer (from, window_end - window_start);
  g_autoptr(GArray) words = lectern_words_split (from, to - from, window_start);
  g_autoptr(GArray) passages = NULL;
  guint n_query = query_words->len;

  passages = find_passages ((const Word *) (gpointer) query_words->data, n_query,
                            (const Word *) (gpointer) words->data, words->len,
                            MIN (LECTERN_FINGERPRINT_WORDS, n_query));
  g_array_sort (passages, compare_passages_by_b);

  for (guint p = 0; p < passages->len;)
    {
      Passage group = g_array_index (passages, Passage, p++);
      LecternPlace place;
      guint place_words;

      while (p < passages->len)
        {
          const Passage *next = &g_array_index (passages, Passage, p);

          if (next->ib0 > group.ib1 + n_query || next->ia0 < group.ia1)
            break;
          group.ia1 = MAX (group.ia1, next->ia1);
          group.ib1 = MAX (group.ib1, next->ib1);
          group.matched += next->matched;
          p++;
        }

      extend_group (&group,
                    (const Word *) (gpointer) query_words->data, n_query,
                    (const Word *) (gpointer) words->data, words->len);

      /* Dice's coefficient: a short repeat of a long passage, and a long
       * place around a short passage, both score low. */
      place_words = group.ib1 - group.ib0;
      place.document_id = document_id;
      place.start = g_array_index (words, Word, group.ib0).start;
      place.end = g_array_index (words, Word, group.ib1 - 1).end;
      place.similarity = MIN (1.0, 2.0 * group.matched / (n_query + place_words));
      if (place.similarity >= MIN_SIMILARITY)
        add_place (places, &place);
    }
}

GArray *
lectern_where (LecternProject  *project,
               gint64          document_id,
               glong           start,
               glong           end,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autofree char *text = NULL;
  g_autofree char *passage = NULL;
  g_autoptr(GArray) shingles = NULL;
  g_autoptr(GArray) hashes = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GArray) query_words = NULL;
  g_autoptr(GArray) places = NULL;
  glong length, passage_length;
  guint h = 0;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = lectern_project_dup_text (project, document_id, error);
  if (text == NULL)
    return NULL;

  length = lectern_text_length (text);
  if (start < 0 || end > length || start >= end)
    {
      /* The id is formatted apart: gettext cannot see through
       * G_GINT64_FORMAT. */
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);

      g_set_error (error, LECTERN_COMPARE_ERROR, LECTERN_COMPARE_ERROR_INVALID,
                   _("The range %ld–%ld is not a passage of document %s: choose a non-empty "
                     "range within its %ld characters"),
                   start, end, id, length);
      return NULL;
    }

  places = g_array_new (FALSE, FALSE, sizeof (LecternPlace));
  passage = lectern_text_slice (text, start, end);
  passage_length = end - start;
  query_words = lectern_words_split (passage, -1, 0);
  shingles = lectern_fingerprint_compute_all (passage);
  if (shingles->len == 0)
    return g_steal_pointer (&places);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  hashes = g_array_sized_new (FALSE, FALSE, sizeof (guint64), shingles->len);
  for (guint s = 0; s < shingles->len; s++)
    g_array_append_val (hashes, g_array_index (shingles, LecternFingerprint, s).hash);

  hits = lectern_project_lookup_fingerprints (project, (const guint64 *) (gpointer) hashes->data,
                                             hashes->len, document_id, error);
  if (hits == NULL)
    return NULL;
  g_array_sort (hits, compare_hits);

  /* The queried document is searched whole, before and after the passage:
   * its own text is at hand, and stored fingerprints only promise to catch
   * passages of LECTERN_FINGERPRINT_GUARANTEE words. */
  if (start > 0)
    verify_window (places, document_id, text, 0, start, query_words);
  if (end < length)
    verify_window (places, document_id, text, end, length, query_words);

  /* Other documents: hits closer than a passage's length apart are one
   * cluster, one candidate place, verified on the text around it. */
  while (h < hits->len)
    {
      gint64 doc = g_array_index (hits, LecternFingerprintHit, h).document_id;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *doc_text = NULL;
      glong doc_length;
      guint first = h;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      while (h < hits->len && g_array_index (hits, LecternFingerprintHit, h).document_id == doc)
        h++;

      doc_text = lectern_project_dup_text (project, doc, &local_error);
      if (doc_text == NULL)
        {
          /* Deleted since the lookup: nothing to report there. */
          if (g_error_matches (local_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      doc_length = lectern_text_length (doc_text);

      for (guint c = first; c < h;)
        {
          glong cluster_start = G_MAXLONG, cluster_end = -1;

          for (; c < h; c++)
            {
              const LecternFingerprintHit *hit = &g_array_index (hits, LecternFingerprintHit, c);

              if (cluster_end >= 0 && hit->start > cluster_end + passage_length)
                break;
              cluster_start = MIN (cluster_start, hit->start);
              cluster_end = MAX (cluster_end, hit->end);
            }

          verify_window (places, doc, doc_text,
                         MAX (0, cluster_start - passage_length),
                         MIN (doc_length, cluster_end + passage_length),
                         query_words);
        }
    }

  g_array_sort (places, compare_places);

  return g_steal_pointer (&places);
}
