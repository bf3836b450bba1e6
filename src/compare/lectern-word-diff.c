/* lectern-word-diff.c — word-level difference of two versions of a text
 *
 * The texts are cut into words and punctuation marks, each interned as a
 * small integer; whitespace is compared afterwards, between the tokens it
 * separates, so the sequences to diff are half as long. After the common
 * prefix and suffix are stripped, a range is split at anchors: runs of k
 * tokens that occur exactly once in each side, kept in order by a longest
 * increasing subsequence (Bram Cohen's patience diff, with k growing when
 * single words are too rarely unique). Small gaps between anchors, and gaps
 * without any anchor, get Myers' O(ND) difference (Myers, "An O(ND)
 * Difference Algorithm and Its Variations", 1986), banded to the gap as in
 * libxdiff. Every step spends from one work budget; when it runs out, the
 * gaps left are reported whole as one REPLACE each — a coarser answer,
 * never a hang.
 *
 * Memory is what costs most on megabyte texts (every new page is a fault),
 * so a token is two 32-bit offsets, and tables are sized to what they hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#include "lectern-core.h"
#include "lectern-word-diff.h"

/* Work units (token comparisons, table slots) before the diff turns
 * coarse: a few hundred milliseconds. */
#define WORK_BUDGET G_GINT64_CONSTANT (150000000)
/* Myers' trace is kept per round for the way back: cap its memory. */
#define MYERS_MAX_TRACE (2 * 1024 * 1024)
/* Gaps this small (n × m) go straight to Myers. */
#define SMALL_GAP 4096
/* Longest run of tokens tried as an anchor. */
#define MAX_ANCHOR_TOKENS 5
/* Anchors are dense enough when there is one per this many tokens. */
#define DENSE_ANCHORS 48

/* Token starts carry this bit for words (as opposed to punctuation). */
#define WORD_BIT       0x80000000u
#define TOKEN_BYTE(t)  ((t) & ~WORD_BIT)
#define MAX_TEXT_BYTES 0x7fffffffu

#define FNV32_OFFSET 2166136261u
#define FNV32_PRIME  16777619u
/* Texts from this size on are tokenized on two threads. */
#define THREAD_BYTES (64 * 1024)

typedef struct
{
  const char *text;
  guint32     n_bytes;
  guint32    *starts;   /* byte offset | WORD_BIT */
  guint32    *ends;
  guint       n_tokens;
  guint32    *ids;
  guint8     *matched;
  gsize       capacity;
  gpointer    mapping;  /* of starts, ends and ids, or NULL: g_malloc'd */
  gsize       mapping_size;
} Side;

typedef struct AnchorSlot AnchorSlot;

typedef struct
{
  Side        a;
  Side        b;
  gint64      budget;
  guint32     n_ids;
  AnchorSlot *slots;     /* reused by every find_anchors () */
  guint       n_slots;
  guint32    *id_pos_a;  /* k = 1 anchors: position by id, NONE or MANY */
  guint32    *id_pos_b;
} Diff;

typedef struct
{
  guint a0, a1, b0, b1;
} Range;

static inline gboolean
token_is_word (const Side *side,
               guint       i)
{
  return (side->starts[i] & WORD_BIT) != 0;
}

static inline const char *
token_bytes (const Side *side,
             guint       i)
{
  return side->text + TOKEN_BYTE (side->starts[i]);
}

static inline guint32
token_length (const Side *side,
              guint       i)
{
  return side->ends[i] - TOKEN_BYTE (side->starts[i]);
}

/* Token arrays from this size on go in huge pages. */
#define HUGE_PAGE_BYTES (256 * 1024)
#define HUGE_PAGE       (2u << 20)

/* The token arrays of a long text live in one anonymous mapping with
 * transparent huge pages requested: faulting in a megabyte text's arrays
 * 4 KB at a time cost more than diffing them. Elsewhere, or when the
 * mapping fails, plain allocations. */
static void
side_alloc (Side  *side,
            gsize  capacity)
{
#if defined(G_OS_UNIX) && defined(MAP_ANONYMOUS)
  if (capacity * sizeof (guint32) >= HUGE_PAGE_BYTES)
    {
      gsize size = 3 * capacity * sizeof (guint32) + HUGE_PAGE;
      char *mapping = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

      if (mapping != MAP_FAILED)
        {
          /* Huge pages only cover aligned stretches. */
          char *aligned = (char *) (((guintptr) mapping + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1));

#ifdef MADV_HUGEPAGE
          madvise (aligned, size - (aligned - mapping), MADV_HUGEPAGE);
#endif
          side->mapping = mapping;
          side->mapping_size = size;
          side->starts = (guint32 *) (gpointer) aligned;
          side->ends = side->starts + capacity;
          side->ids = side->ends + capacity;
          side->capacity = capacity;
          return;
        }
    }
#endif

  side->mapping = NULL;
  side->starts = g_new (guint32, capacity);
  side->ends = g_new (guint32, capacity);
  side->ids = g_new (guint32, capacity);
  side->capacity = capacity;
}

static void
side_free_arrays (Side *side)
{
#if defined(G_OS_UNIX) && defined(MAP_ANONYMOUS)
  if (side->mapping != NULL)
    {
      munmap (side->mapping, side->mapping_size);
      side->mapping = NULL;
      return;
    }
#endif
  g_free (side->starts);
  g_free (side->ends);
  g_free (side->ids);
}

/* Text denser in tokens than guessed (punctuation runs): arrays for the
 * worst case, one token per byte, with what is there so far. */
static void
side_grow (Side *side,
           guint n)
{
  Side old = *side;

  side_alloc (side, (gsize) side->n_bytes + 1);
  memcpy (side->starts, old.starts, n * sizeof (guint32));
  memcpy (side->ends, old.ends, n * sizeof (guint32));
  memcpy (side->ids, old.ids, n * sizeof (guint32));
  side_free_arrays (&old);
}

/* Cuts @text into words and single punctuation marks, by the word layer
 * every comparison shares (lectern-words.h); whitespace is what lies
 * between them. */
static void
tokenize (Side       *side,
          const char *text)
{
  gsize len = strlen (text);
  LecternWordIter iter;
  guint n = 0;

  g_assert (len <= MAX_TEXT_BYTES);

  side->text = text;
  side->n_bytes = (guint32) len;
  /* Prose has a token every five bytes or so; runs of punctuation can
   * have one per byte, and then the arrays grow once. */
  side_alloc (side, len / 3 + 16);

  /* Each token's hash of its bytes goes into ids[], which
   * intern_tokens () then turns into ids. */
  lectern_word_iter_init (&iter, text, len, 0, LECTERN_WORD_ITER_PUNCT);
  while (lectern_word_iter_next (&iter))
    {
      guint32 h = FNV32_OFFSET;

      if (n == side->capacity)
        side_grow (side, n);
      side->starts[n] = (guint32) iter.byte_start | (iter.kind == LECTERN_TOKEN_WORD ? WORD_BIT : 0);
      for (const char *c = text + iter.byte_start; c < text + iter.byte_end; c++)
        h = (h ^ (guchar) *c) * FNV32_PRIME;
      side->ids[n] = h;
      side->ends[n++] = (guint32) iter.byte_end;
    }

  side->n_tokens = n;
  side->matched = g_new0 (guint8, n + 1);
}

static gpointer
tokenize_thread (gpointer data)
{
  Side *side = data;

  tokenize (side, side->text);
  return NULL;
}

typedef struct
{
  guint32 hash;
  guint32 id;      /* 0: empty slot */
  guint32 token;   /* first token with these bytes; IN_B: of text b */
} InternSlot;

#define IN_B 0x80000000u

typedef struct
{
  InternSlot *slots;
  guint       size;
  guint       n_used;
} InternTable;

/* Words are short: a loop beats a call to memcmp (). */
static inline gboolean
same_bytes (const char *x,
            const char *y,
            guint32     n)
{
  for (guint32 i = 0; i < n; i++)
    if (x[i] != y[i])
      return FALSE;
  return TRUE;
}

static void
intern_table_grow (InternTable *table)
{
  InternSlot *old = table->slots;
  guint old_size = table->size;

  table->size = old_size * 2;
  table->slots = g_new0 (InternSlot, table->size);
  for (guint i = 0; i < old_size; i++)
    {
      guint slot;

      if (old[i].id == 0)
        continue;
      slot = (guint) lectern_words_mix (old[i].hash) & (table->size - 1);
      while (table->slots[slot].id != 0)
        slot = (slot + 1) & (table->size - 1);
      table->slots[slot] = old[i];
    }
  g_free (old);
}

/* Gives every distinct token one id, the same in both texts. The table
 * grows with the vocabulary, not the text, so it stays in cache. */
static void
intern_tokens (Diff *diff)
{
  InternTable table = { NULL, 512, 0 };
  guint32 next_id = 1;
  Side *sides[] = { &diff->a, &diff->b };
  guint n = diff->a.n_tokens + diff->b.n_tokens;

  /* A vocabulary grows about as the square root of the text (Heaps' law):
   * start near its size rather than growing through every power of two. */
  while (table.size < 16 * (guint) sqrt (n))
    table.size <<= 1;
  table.slots = g_new0 (InternSlot, table.size);

  for (guint s = 0; s < 2; s++)
    {
      Side *side = sides[s];
      for (guint i = 0; i < side->n_tokens; i++)
        {
          const char *bytes = token_bytes (side, i);
          guint32 n_bytes = token_length (side, i);
          guint32 h = side->ids[i];
          guint slot = (guint) lectern_words_mix (h) & (table.size - 1);
          while (table.slots[slot].id != 0)
            {
              const InternSlot *is = &table.slots[slot];

              if (is->hash == h)
                {
                  const Side *other = sides[(is->token & IN_B) != 0];
                  guint32 token = is->token & ~IN_B;

                  if (token_length (other, token) == n_bytes &&
                      same_bytes (token_bytes (other, token), bytes, n_bytes))
                    break;
                }
              slot = (slot + 1) & (table.size - 1);
            }

          if (table.slots[slot].id == 0)
            {
              table.slots[slot].hash = h;
              table.slots[slot].id = next_id++;
              table.slots[slot].token = i | (s == 1 ? IN_B : 0);
              side->ids[i] = table.slots[slot].id;
              if (++table.n_used * 2 > table.size)
                intern_table_grow (&table);
            }
          else
            side->ids[i] = table.slots[slot].id;
        }
    }

  g_free (table.slots);
  diff->n_ids = next_id;
}

static inline void
match_pair (Diff *diff,
            guint i,
            guint j)
{
  diff->a.matched[i] = 1;
  diff->b.matched[j] = 1;
}

/* Matches the common prefix and suffix of @r and shrinks it to the rest. */
static void
strip_common (Diff  *diff,
              Range *r)
{
  const guint32 *ia = diff->a.ids;
  const guint32 *ib = diff->b.ids;
  guint before = r->a1 - r->a0;

  while (r->a0 < r->a1 && r->b0 < r->b1 && ia[r->a0] == ib[r->b0])
    match_pair (diff, r->a0++, r->b0++);
  while (r->a0 < r->a1 && r->b0 < r->b1 && ia[r->a1 - 1] == ib[r->b1 - 1])
    match_pair (diff, --r->a1, --r->b1);
  diff->budget -= before - (r->a1 - r->a0) + 1;
}

/* Myers' greedy forward search over the gap, keeping each round's
 * furthest-reaching x per diagonal for the way back. Diagonals are bounded
 * to the gap (k in [-m, n]) so a long insertion facing a short deletion
 * costs D × (short side), not D². Returns FALSE, matching nothing, when the
 * budget or the trace memory runs out. */
static gboolean
myers (Diff        *diff,
       const Range *r)
{
  const guint32 *a = diff->a.ids + r->a0;
  const guint32 *b = diff->b.ids + r->b0;
  const gint n = (gint) (r->a1 - r->a0);
  const gint m = (gint) (r->b1 - r->b0);
  const gint off = m + 1;
  g_autofree gint *v = g_new (gint, n + m + 3);
  g_autoptr(GArray) trace = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GArray) rounds = g_array_new (FALSE, FALSE, sizeof (gint) * 3);
  gint fmin = 0, fmax = 0;
  gint d, k = 0, x = 0;
  gboolean found = FALSE;

  for (d = 0; d <= n + m; d++)
    {
      gint round[3];

      if (d > 0)
        {
          if (fmin > -m)
            v[off + --fmin - 1] = -1;
          else
            fmin++;
          if (fmax < n)
            v[off + ++fmax + 1] = -1;
          else
            fmax--;
        }
      else
        {
          v[off - 1] = -1;
          v[off + 1] = -1;
        }

      for (k = fmax; k >= fmin; k -= 2)
        {
          gint y, x0;

          if (d == 0)
            x = 0;
          else if (v[off + k - 1] >= v[off + k + 1])
            x = v[off + k - 1] + 1;
          else
            x = v[off + k + 1];
          y = x - k;
          x0 = x;
          while (x < n && y < m && a[x] == b[y])
            x++, y++;
          diff->budget -= (x - x0) + 1;
          v[off + k] = x;
          if (x >= n && y >= m)
            {
              found = TRUE;
              break;
            }
        }

      round[0] = fmin;
      round[1] = fmax;
      round[2] = (gint) trace->len;
      g_array_append_vals (rounds, round, 1);
      g_array_append_vals (trace, &v[off + fmin], fmax - fmin + 1);

      if (found)
        break;
      if (diff->budget < 0 || trace->len > MYERS_MAX_TRACE)
        return FALSE;
    }

  g_assert (found);

  /* Back from (n, m): each round's diagonal came from k - 1 (a token of a
   * deleted) or k + 1 (a token of b inserted), then slid down a snake. */
  for (; d >= 0; d--)
    {
      gint x_start, prev_k = k;

      if (d == 0)
        x_start = 0;
      else
        {
          const gint *prev = &g_array_index (rounds, gint, (d - 1) * 3);
          const gint *pv = &g_array_index (trace, gint, prev[2]);
          gint left = (k - 1 >= prev[0] && k - 1 <= prev[1]) ? pv[k - 1 - prev[0]] : -1;
          gint down = (k + 1 >= prev[0] && k + 1 <= prev[1]) ? pv[k + 1 - prev[0]] : -1;

          if (left >= down)
            {
              prev_k = k - 1;
              x_start = left + 1;
            }
          else
            {
              prev_k = k + 1;
              x_start = down;
            }
        }

      for (gint xi = x_start; xi < x; xi++)
        if (xi < n && xi - k < m)
          match_pair (diff, r->a0 + xi, r->b0 + xi - k);

      if (d > 0)
        {
          const gint *prev = &g_array_index (rounds, gint, (d - 1) * 3);
          const gint *pv = &g_array_index (trace, gint, prev[2]);

          x = pv[prev_k - prev[0]];
          k = prev_k;
        }
    }

  return TRUE;
}

/* One k-gram in the anchor table: its first position in a (NONE: empty
 * slot) and its position in b, NONE, or MANY when it occurs more than
 * once in b — or in a (DEAD). Slots hold no key: the k-gram is compared in
 * place, which keeps the table at 8 bytes a slot. */
struct AnchorSlot
{
  guint32 pos_a;
  guint32 pos_b;
};

#define NONE G_MAXUINT32
#define MANY (G_MAXUINT32 - 1)
#define DEAD (G_MAXUINT32 - 2)

typedef struct
{
  guint a;
  guint b;
} Anchor;

static inline guint64
kgram_key (const guint32 *ids,
           guint          i,
           guint          k)
{
  guint64 h = 0;

  for (guint j = 0; j < k; j++)
    h = (h + ids[i + j]) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);

  return h ^ (h >> 32);
}

static inline gboolean
same_ids (const guint32 *x,
          const guint32 *y,
          guint          k)
{
  for (guint j = 0; j < k; j++)
    if (x[j] != y[j])
      return FALSE;
  return TRUE;
}

static inline AnchorSlot *
anchor_slot (const Diff    *diff,
             AnchorSlot    *slots,
             guint          mask,
             const guint32 *ids,
             guint          pos,
             guint          k)
{
  guint slot = (guint) kgram_key (ids, pos, k) & mask;

  while (slots[slot].pos_a != NONE &&
         !same_ids (&diff->a.ids[slots[slot].pos_a], &ids[pos], k))
    slot = (slot + 1) & mask;

  return &slots[slot];
}

/* Sorts anchors by their position in a: four radix passes of 8 bits,
 * much cheaper than qsort () on tens of thousands of anchors. */
static void
sort_anchors (GArray *anchors)
{
  g_autofree Anchor *tmp = g_new (Anchor, anchors->len + 1);
  Anchor *src = (Anchor *) (gpointer) anchors->data, *dst = tmp;

  for (guint shift = 0; shift < 32; shift += 8)
    {
      guint count[257] = { 0 };
      Anchor *swap;

      for (guint i = 0; i < anchors->len; i++)
        count[((src[i].a >> shift) & 0xff) + 1]++;
      for (guint c = 1; c <= 256; c++)
        count[c] += count[c - 1];
      for (guint i = 0; i < anchors->len; i++)
        dst[count[(src[i].a >> shift) & 0xff]++] = src[i];
      swap = src;
      src = dst;
      dst = swap;
    }
  /* After an even number of passes the result is back in place. */
  g_assert (src == (Anchor *) (gpointer) anchors->data);
}

static inline void
add_candidate (GArray *candidates,
               guint   i,
               guint   j)
{
  Anchor anchor = { i, j };

  g_array_append_val (candidates, anchor);
}

/* Single words occurring once in each side, found through arrays indexed
 * by token id: touched entries are reset afterwards, so a small gap costs
 * its own size, not the vocabulary's. */
static void
unique_words (Diff        *diff,
              const Range *r,
              GArray      *candidates)
{
  guint32 *pa = diff->id_pos_a, *pb = diff->id_pos_b;

  if (pa == NULL)
    {
      pa = diff->id_pos_a = g_new (guint32, diff->n_ids);
      pb = diff->id_pos_b = g_new (guint32, diff->n_ids);
      memset (pa, 0xff, diff->n_ids * sizeof (guint32));
      memset (pb, 0xff, diff->n_ids * sizeof (guint32));
    }

  for (guint i = r->a0; i < r->a1; i++)
    if (token_is_word (&diff->a, i))
      {
        guint32 id = diff->a.ids[i];

        pa[id] = pa[id] == NONE ? i : MANY;
      }
  for (guint j = r->b0; j < r->b1; j++)
    if (token_is_word (&diff->b, j))
      {
        guint32 id = diff->b.ids[j];

        if (pa[id] < MANY)
          pb[id] = pb[id] == NONE ? j : MANY;
      }
  for (guint i = r->a0; i < r->a1; i++)
    if (token_is_word (&diff->a, i))
      {
        guint32 id = diff->a.ids[i];

        if (pa[id] == i && pb[id] < MANY)
          add_candidate (candidates, i, pb[id]);
      }

  for (guint i = r->a0; i < r->a1; i++)
    pa[diff->a.ids[i]] = NONE;
  for (guint j = r->b0; j < r->b1; j++)
    pb[diff->b.ids[j]] = NONE;
  diff->budget -= 3 * (gint64) (r->a1 - r->a0) + 2 * (gint64) (r->b1 - r->b0);
}

/* Runs of @k tokens starting on a word and occurring once in each side,
 * through a hash table sized to the range. */
static void
unique_kgrams (Diff        *diff,
               const Range *r,
               guint        k,
               GArray      *candidates)
{
  const guint na = r->a1 - r->a0;
  guint size = 64, mask, n_words = 0;
  AnchorSlot *slots;

  for (guint i = r->a0; i < r->a1; i++)
    n_words += token_is_word (&diff->a, i);
  /* A load of at most two thirds keeps linear probing short. */
  while (size < n_words + n_words / 2)
    size <<= 1;
  mask = size - 1;
  if (size > diff->n_slots)
    {
      g_free (diff->slots);
      diff->slots = g_new (AnchorSlot, size);
      diff->n_slots = size;
    }
  slots = diff->slots;
  memset (slots, 0xff, size * sizeof (AnchorSlot));
  diff->budget -= (gint64) (na + r->b1 - r->b0) * (k + 2) + size / 8;

  for (guint i = r->a0; i + k <= r->a1; i++)
    {
      AnchorSlot *s;

      if (!token_is_word (&diff->a, i))
        continue;
      s = anchor_slot (diff, slots, mask, diff->a.ids, i, k);
      if (s->pos_a == NONE)
        s->pos_a = i;
      else
        s->pos_b = DEAD;
    }

  for (guint j = r->b0; j + k <= r->b1; j++)
    {
      AnchorSlot *s;

      if (!token_is_word (&diff->b, j))
        continue;
      s = anchor_slot (diff, slots, mask, diff->b.ids, j, k);
      if (s->pos_a == NONE || s->pos_b == DEAD)
        continue;
      s->pos_b = s->pos_b == NONE ? j : MANY;
    }

  /* The table in slot order is cache-friendly; the chain needs a order. */
  for (guint slot = 0; slot < size; slot++)
    if (slots[slot].pos_a != NONE && slots[slot].pos_b < DEAD)
      add_candidate (candidates, slots[slot].pos_a, slots[slot].pos_b);
  sort_anchors (candidates);
}

/* Anchors of @r: runs of @k tokens that occur once in each side, the
 * longest chain of them in order on both sides. */
static GArray *
find_anchors (Diff        *diff,
              const Range *r,
              guint        k)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Anchor));
  g_autofree guint *tails = NULL;
  g_autofree guint *prev = NULL;
  GArray *anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  guint n_tails = 0;

  if (r->a1 - r->a0 < k || r->b1 - r->b0 < k)
    return anchors;

  if (k == 1)
    unique_words (diff, r, candidates);
  else
    unique_kgrams (diff, r, k, candidates);

  if (candidates->len == 0)
    return anchors;

  /* Longest increasing subsequence of b positions (patience sorting). */
  tails = g_new (guint, candidates->len);
  prev = g_new (guint, candidates->len);
  for (guint c = 0; c < candidates->len; c++)
    {
      guint b = g_array_index (candidates, Anchor, c).b;
      guint lo = 0, hi = n_tails;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (candidates, Anchor, tails[mid]).b < b)
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[c] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = c;
      if (lo == n_tails)
        n_tails++;
    }

  g_array_set_size (anchors, n_tails);
  for (guint c = tails[n_tails - 1], pos = n_tails; pos > 0; c = prev[c])
    g_array_index (anchors, Anchor, --pos) = g_array_index (candidates, Anchor, c);

  return anchors;
}

/* Small gaps between anchors — most of them — are settled at once rather
 * than queued: the queue stays short. */
static void
queue_gap (Diff   *diff,
           GArray *work,
           Range  *gap)
{
  strip_common (diff, gap);
  if (gap->a0 == gap->a1 || gap->b0 == gap->b1)
    return;
  if ((guint64) (gap->a1 - gap->a0) * (gap->b1 - gap->b0) <= SMALL_GAP)
    myers (diff, gap);
  else
    g_array_append_val (work, *gap);
}

static void
diff_ranges (Diff *diff)
{
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (Range));
  Range whole = { 0, diff->a.n_tokens, 0, diff->b.n_tokens };

  g_array_append_val (work, whole);

  while (work->len > 0)
    {
      Range r = g_array_index (work, Range, work->len - 1);
      gboolean split = FALSE;

      g_array_set_size (work, work->len - 1);

      strip_common (diff, &r);
      if (r.a0 == r.a1 || r.b0 == r.b1 || diff->budget < 0)
        continue;

      if ((guint64) (r.a1 - r.a0) * (r.b1 - r.b0) > SMALL_GAP)
        {
          g_autoptr(GArray) anchors = NULL;
          guint best_k = 1;

          /* Single unique words first; where they are too sparse to cut the
           * range into small gaps (a small vocabulary, repeated phrases),
           * unique runs of two, three or five tokens. */
          for (guint k = 1; k <= MAX_ANCHOR_TOKENS && diff->budget >= 0; k += k < 3 ? 1 : 2)
            {
              g_autoptr(GArray) found = find_anchors (diff, &r, k);

              if (anchors == NULL || found->len > anchors->len)
                {
                  g_clear_pointer (&anchors, g_array_unref);
                  anchors = g_steal_pointer (&found);
                  best_k = k;
                }
              if ((guint64) anchors->len * DENSE_ANCHORS >= r.a1 - r.a0)
                break;
            }

          if (anchors != NULL && anchors->len > 0)
            {
              guint a = r.a0, b = r.b0;
              Range rest;

              for (guint c = 0; c < anchors->len; c++)
                {
                  const Anchor *anchor = &g_array_index (anchors, Anchor, c);
                  Range gap = { a, anchor->a, b, anchor->b };

                  /* k-grams of a chain can overlap; keep the first. */
                  if (anchor->a < a || anchor->b < b)
                    continue;
                  queue_gap (diff, work, &gap);
                  for (guint t = 0; t < best_k; t++)
                    match_pair (diff, anchor->a + t, anchor->b + t);
                  a = anchor->a + best_k;
                  b = anchor->b + best_k;
                }

              rest = (Range) { a, r.a1, b, r.b1 };
              queue_gap (diff, work, &rest);
              split = TRUE;
            }
        }

      /* No anchor, or a small gap: the minimal difference if affordable;
       * otherwise the gap stays unmatched and becomes one REPLACE. */
      if (!split)
        myers (diff, &r);
    }
}

/* Turns byte offsets into code points, walking forward: the chunks ask
 * for offsets in increasing order on each side. */
typedef struct
{
  const char *text;
  const char *p;
  glong       offset;
} Counter;

static glong
counter_offset (Counter *counter,
                guint32  byte)
{
  const char *target = counter->text + byte;

  g_assert (target >= counter->p);
  /* Eight ASCII bytes at a time, the common case. */
  while (target - counter->p >= 8)
    {
      guint64 word;

      memcpy (&word, counter->p, 8);
      if (word & G_GUINT64_CONSTANT (0x8080808080808080))
        break;
      counter->p += 8;
      counter->offset += 8;
    }
  while (counter->p < target)
    {
      /* Continuation bytes are not code points of their own. */
      if (((guchar) *counter->p & 0xc0) != 0x80)
        counter->offset++;
      counter->p++;
    }

  return counter->offset;
}

/* Collects the chunks, in byte offsets as they come, code points as
 * they are stored. */
typedef struct
{
  GArray               *chunks;
  Counter               count_a;
  Counter               count_b;
  LecternWordDiffFlags  flags;
  LecternDiffSummary    summary;
} Builder;

static LecternChunkKind
change_kind (const LecternChunk *chunk)
{
  if (chunk->a_start == chunk->a_end)
    return LECTERN_CHUNK_INSERT;
  if (chunk->b_start == chunk->b_end)
    return LECTERN_CHUNK_DELETE;
  return LECTERN_CHUNK_REPLACE;
}

static gboolean only_blank  (const char *text,
                             guint32     from,
                             guint32     to,
                             gboolean    punct);
static guint    count_words (const char *text,
                             guint32     from,
                             guint32     to);

/* Appends a span, joining it to the last chunk when both are equal or
 * both are changes. A change of whitespace or punctuation only is equal
 * when the flags say so. */
static void
push_span (Builder  *builder,
           gboolean  equal,
           guint32   a0,
           guint32   a1,
           guint32   b0,
           guint32   b1)
{
  GArray *chunks = builder->chunks;
  LecternChunk chunk;

  if (a0 == a1 && b0 == b1)
    return;

  if (!equal && builder->flags != LECTERN_WORD_DIFF_NONE)
    {
      gboolean punct = (builder->flags & LECTERN_WORD_DIFF_IGNORE_PUNCTUATION) != 0;

      equal = only_blank (builder->count_a.text, a0, a1, punct) &&
              only_blank (builder->count_b.text, b0, b1, punct);
    }

  if (!equal)
    {
      guint wa = count_words (builder->count_a.text, a0, a1);
      guint wb = count_words (builder->count_b.text, b0, b1);
      guint changed = MIN (wa, wb);

      builder->summary.words_changed += changed;
      builder->summary.words_removed += wa - changed;
      builder->summary.words_added += wb - changed;
    }

  if (chunks->len > 0)
    {
      LecternChunk *last = &g_array_index (chunks, LecternChunk, chunks->len - 1);

      if (equal == (last->kind == LECTERN_CHUNK_EQUAL))
        {
          last->a_end = counter_offset (&builder->count_a, a1);
          last->b_end = counter_offset (&builder->count_b, b1);
          if (!equal)
            last->kind = change_kind (last);
          return;
        }
    }

  chunk.a_start = counter_offset (&builder->count_a, a0);
  chunk.a_end = counter_offset (&builder->count_a, a1);
  chunk.b_start = counter_offset (&builder->count_b, b0);
  chunk.b_end = counter_offset (&builder->count_b, b1);
  chunk.kind = equal ? LECTERN_CHUNK_EQUAL : change_kind (&chunk);
  chunk.score = 1.0;
  g_array_append_val (chunks, chunk);
}

/* Does [from, to) hold only whitespace (and punctuation if @punct)? */
static gboolean
only_blank (const char *text,
            guint32     from,
            guint32     to,
            gboolean    punct)
{
  const char *p = text + from, *end = text + to, *next;

  for (; p < end; p = next)
    {
      LecternTokenKind cls = lectern_words_class_at (p, &next);

      if (cls == LECTERN_TOKEN_WORD || (cls == LECTERN_TOKEN_PUNCT && !punct))
        return FALSE;
    }

  return TRUE;
}

static guint
count_words (const char *text,
             guint32     from,
             guint32     to)
{
  const char *p = text + from, *end = text + to, *next;
  gboolean in_word = FALSE;
  guint n = 0;

  for (; p < end; p = next)
    {
      gboolean word = lectern_words_class_at (p, &next) == LECTERN_TOKEN_WORD;

      n += word && !in_word;
      in_word = word;
    }

  return n;
}

/* Length of the longest whitespace prefix @x and @y have in common. */
static guint32
common_space_prefix (const char *x,
                     guint32     nx,
                     const char *y,
                     guint32     ny)
{
  guint32 i = 0;

  while (i < nx && i < ny && x[i] == y[i])
    {
      const char *next;

      if (lectern_words_class_at (x + i, &next) != LECTERN_TOKEN_SPACE || (guint32) (next - x) > MIN (nx, ny) ||
          memcmp (x + i, y + i, next - (x + i)) != 0)
        break;
      i = (guint32) (next - x);
    }

  return i;
}

/* The same at the end; whitespace is ASCII or whole characters, so step
 * back one character at a time. */
static guint32
common_space_suffix (const char *x,
                     guint32     nx,
                     const char *y,
                     guint32     ny)
{
  guint32 i = 0;

  while (i < nx && i < ny)
    {
      const char *px = g_utf8_find_prev_char (x, x + nx - i);
      guint32 len, next_i;
      const char *next;

      if (px == NULL)
        break;
      len = (guint32) ((x + nx - i) - px);
      next_i = i + len;
      if (next_i > ny || memcmp (px, y + ny - next_i, len) != 0 ||
          lectern_words_class_at (px, &next) != LECTERN_TOKEN_SPACE)
        break;
      i = next_i;
    }

  return i;
}

/* Length of the whitespace that @x starts with. */
static guint32
space_prefix (const char *x,
              guint32     n)
{
  const char *p = x, *next;

  while (p < x + n && lectern_words_class_at (p, &next) == LECTERN_TOKEN_SPACE)
    p = next;

  return (guint32) (p - x);
}

/* Length of the whitespace that @x ends with. */
static guint32
space_suffix (const char *x,
              guint32     n)
{
  const char *p = x + n, *next;

  while (p > x)
    {
      const char *prev = g_utf8_find_prev_char (x, p);

      if (prev == NULL || lectern_words_class_at (prev, &next) != LECTERN_TOKEN_SPACE)
        break;
      p = prev;
    }

  return (guint32) (x + n - p);
}

/* Emits what lies between two matched tokens (or a text's ends): equal
 * whitespace on both ends, and the rest, if any, as one change. */
static void
push_gap (Builder    *builder,
          const Diff *diff,
          guint32     a0,
          guint32     a1,
          guint32     b0,
          guint32     b1)
{
  const char *ta = diff->a.text, *tb = diff->b.text;
  guint32 lead, trail;

  if (a1 - a0 == b1 - b0 && memcmp (ta + a0, tb + b0, a1 - a0) == 0)
    {
      push_span (builder, TRUE, a0, a1, b0, b1);
      return;
    }

  /* Ignoring whitespace, any whitespace on both ends is equal; otherwise
   * only what is the same on both sides. */
  if (builder->flags != LECTERN_WORD_DIFF_NONE)
    {
      guint32 lead_a = space_prefix (ta + a0, a1 - a0);
      guint32 lead_b = space_prefix (tb + b0, b1 - b0);
      guint32 trail_a = space_suffix (ta + a0 + lead_a, a1 - a0 - lead_a);
      guint32 trail_b = space_suffix (tb + b0 + lead_b, b1 - b0 - lead_b);

      push_span (builder, TRUE, a0, a0 + lead_a, b0, b0 + lead_b);
      push_span (builder, FALSE, a0 + lead_a, a1 - trail_a, b0 + lead_b, b1 - trail_b);
      push_span (builder, TRUE, a1 - trail_a, a1, b1 - trail_b, b1);
      return;
    }

  lead = common_space_prefix (ta + a0, a1 - a0, tb + b0, b1 - b0);
  trail = common_space_suffix (ta + a0 + lead, a1 - a0 - lead, tb + b0 + lead, b1 - b0 - lead);
  push_span (builder, TRUE, a0, a0 + lead, b0, b0 + lead);
  push_span (builder, FALSE, a0 + lead, a1 - trail, b0 + lead, b1 - trail);
  push_span (builder, TRUE, a1 - trail, a1, b1 - trail, b1);
}

/* An array sized for the chunks to come: about two per run of unmatched
 * tokens. Growing it by doubling would touch twice the memory. */
static GArray *
chunks_for (const Diff *diff)
{
  guint runs = 1;
  const Side *sides[] = { &diff->a, &diff->b };

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < sides[s]->n_tokens; i++)
      runs += !sides[s]->matched[i] && (i == 0 || sides[s]->matched[i - 1]);

  return g_array_sized_new (FALSE, FALSE, sizeof (LecternChunk), 2 * runs + 8);
}

/* Turns the matched flags into alternating equal and change chunks. */
static void
build_chunks (const Diff *diff,
              Builder    *builder)
{
  const Side *a = &diff->a, *b = &diff->b;
  guint i = 0, j = 0;
  guint32 a_end = 0, b_end = 0;

  for (;;)
    {
      while (i < a->n_tokens && !a->matched[i])
        i++;
      while (j < b->n_tokens && !b->matched[j])
        j++;

      if (i == a->n_tokens || j == b->n_tokens)
        {
          g_assert (i == a->n_tokens && j == b->n_tokens);
          push_gap (builder, diff, a_end, a->n_bytes, b_end, b->n_bytes);
          break;
        }

      push_gap (builder, diff, a_end, TOKEN_BYTE (a->starts[i]), b_end, TOKEN_BYTE (b->starts[j]));
      push_span (builder, TRUE, TOKEN_BYTE (a->starts[i]), a->ends[i], TOKEN_BYTE (b->starts[j]), b->ends[j]);
      a_end = a->ends[i++];
      b_end = b->ends[j++];
    }
}

static void
side_clear (Side *side)
{
  side_free_arrays (side);
  g_free (side->matched);
}

GArray *
lectern_word_diff (const char           *a,
                   const char           *b,
                   LecternWordDiffFlags  flags,
                   LecternDiffSummary   *summary)
{
  Diff diff = { 0 };
  Builder builder = { 0 };

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);

  /* Beyond what 31-bit offsets hold (and what a project can store): the
   * coarsest answer. */
  if (strlen (a) > MAX_TEXT_BYTES || strlen (b) > MAX_TEXT_BYTES)
    {
      LecternChunk whole = { LECTERN_CHUNK_REPLACE, 0, lectern_text_length (a),
                             0, lectern_text_length (b), 1.0 };

      builder.chunks = lectern_chunks_new ();
      g_array_append_val (builder.chunks, whole);
      if (summary != NULL)
        *summary = builder.summary;
      return builder.chunks;
    }

  if (strlen (b) >= THREAD_BYTES)
    {
      GThread *thread;

      diff.b.text = b;
      thread = g_thread_new ("lectern-word-diff", tokenize_thread, &diff.b);
      tokenize (&diff.a, a);
      g_thread_join (thread);
    }
  else
    {
      tokenize (&diff.a, a);
      tokenize (&diff.b, b);
    }
  intern_tokens (&diff);
  diff.budget = WORK_BUDGET;

  diff_ranges (&diff);

  builder.chunks = chunks_for (&diff);
  builder.count_a = (Counter) { a, a, 0 };
  builder.count_b = (Counter) { b, b, 0 };
  builder.flags = flags;
  build_chunks (&diff, &builder);

  if (summary != NULL)
    *summary = builder.summary;

  side_clear (&diff.a);
  side_clear (&diff.b);
  g_free (diff.slots);
  g_free (diff.id_pos_a);
  g_free (diff.id_pos_b);

  return builder.chunks;
}
