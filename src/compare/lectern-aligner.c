/* lectern-aligner.c — alignment of a text with its translation
 *
 * Gale and Church ("A Program for Aligning Sentences in Bilingual
 * Corpora", 1993): a translated segment's length is about proportional to
 * the original's, so the cost of pairing segments is -log of how likely
 * their length difference is, plus -log of how likely the kind of move is
 * (1-1, 1-2, 2-1, 1-0, 0-1). To that we add what lengths cannot see:
 * anchors both sides share — numbers, capitalised names (compared on
 * their first letters, so "Moscow" meets "Moscou"), quotation marks.
 *
 * The dynamic programme runs in a band around the diagonal that follows
 * the cumulative lengths, so thousands of paragraphs align in linear time.
 * Paragraphs first; then, inside each pair of long paragraphs, sentences
 * (ICU's sentence breaks) the same way. Hand corrections cut the texts
 * into independent regions and are returned as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utypes.h>

#include "lectern-aligner.h"
#include "lectern-comparison.h"

/* Paragraph pairs at least this long (code points, each side) are
 * aligned sentence by sentence too. */
#define LONG_PARAGRAPH 300
/* Variance of the length ratio, from Gale and Church. */
#define LENGTH_VARIANCE 6.8
/* Band half-width around the length diagonal, at least. */
#define MIN_BAND 40
/* The band's cells are capped: a wider band would cost more memory. */
#define MAX_CELLS (8 * 1024 * 1024)
/* Costs are in hundredths of a nat, as in Gale and Church's program. */
#define SHARED_NUMBER_BONUS  60.0
#define SHARED_NAME_BONUS    25.0
#define LONE_NUMBER_PENALTY  30.0
#define QUOTES_BONUS         15.0
#define MAX_ANCHOR_BONUS     240.0

typedef struct
{
  glong    start;      /* code points */
  glong    end;
  gsize    byte_start;
  gsize    byte_end;
  guint32 *numbers;    /* sorted hashes */
  guint    n_numbers;
  guint32 *names;
  guint    n_names;
  gboolean quotes;
  gboolean after_fixed;  /* a fixed span separates it from the one before */
} Segment;

typedef enum
{
  MOVE_NONE,
  MOVE_1_1,
  MOVE_1_0,
  MOVE_0_1,
  MOVE_2_1,
  MOVE_1_2,
} Move;

static const struct
{
  guint  da;
  guint  db;
  double prior_cost;  /* -100 log P(move) */
} moves[] = {
  [MOVE_1_1] = { 1, 1, 11.65 },   /* 0.89 */
  [MOVE_1_0] = { 1, 0, 529.83 },  /* 0.005 */
  [MOVE_0_1] = { 0, 1, 529.83 },
  [MOVE_2_1] = { 2, 1, 311.24 },  /* 0.0445 */
  [MOVE_1_2] = { 1, 2, 311.24 },
};

static void
segment_clear (Segment *segment)
{
  g_free (segment->numbers);
  g_free (segment->names);
}

static int
compare_u32 (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

static guint32 *
sorted_unique (GArray *values,
               guint  *n)
{
  guint kept = 0;

  g_array_sort (values, compare_u32);
  for (guint i = 0; i < values->len; i++)
    if (kept == 0 || g_array_index (values, guint32, i) != g_array_index (values, guint32, kept - 1))
      g_array_index (values, guint32, kept++) = g_array_index (values, guint32, i);
  *n = kept;
  g_array_set_size (values, kept);

  return (guint32 *) (gpointer) g_array_free (values, FALSE);
}

static inline gboolean
is_quote (gunichar c)
{
  switch (c)
    {
    case '"':
    case 0x00ab: /* « */
    case 0x00bb: /* » */
    case 0x201c: /* “ */
    case 0x201d: /* ” */
    case 0x201e: /* „ */
      return TRUE;
    default:
      return FALSE;
    }
}

static guint32
hash_folded (const char *p,
             const char *end,
             guint       max_chars)
{
  guint32 h = 2166136261u;
  guint n = 0;

  for (; p < end && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

      /* The base letter, lower case: "É" counts as "e". */
      if (g_unichar_fully_decompose (g_utf8_get_char (p), FALSE, decomposed,
                                     G_N_ELEMENTS (decomposed)) > 0)
        h = (h ^ g_unichar_tolower (decomposed[0])) * 16777619u;
    }

  return h;
}

/* Numbers (digits only: "1,000" and "1 000" are both "1" and "000"),
 * capitalised words after the first of the segment, quotation marks.
 * Words are the word layer's (lectern-words.h); a word that opens with
 * digits ("1er") anchors by its digits. */
static void
segment_find_anchors (Segment    *segment,
                      const char *text)
{
  const char *segment_text = text + segment->byte_start;
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *names = g_array_new (FALSE, FALSE, sizeof (guint32));
  gboolean first_word = TRUE;
  LecternWordIter iter;

  lectern_word_iter_init (&iter, segment_text, segment->byte_end - segment->byte_start, 0,
                          LECTERN_WORD_ITER_PUNCT);
  while (lectern_word_iter_next (&iter))
    {
      const char *word = segment_text + iter.byte_start;
      const char *end = segment_text + iter.byte_end;
      gunichar c = g_utf8_get_char (word);

      if (iter.kind == LECTERN_TOKEN_PUNCT)
        {
          if (is_quote (c))
            segment->quotes = TRUE;
          /* After a full stop, a capital opens a sentence. */
          if (c == '.' || c == '!' || c == '?' || c == ':')
            first_word = TRUE;
          continue;
        }

      if (g_unichar_isdigit (c))
        {
          guint32 h = 2166136261u;

          for (const char *p = word; p < end && g_unichar_isdigit (g_utf8_get_char (p)); p = g_utf8_next_char (p))
            h = (h ^ (guint32) g_unichar_digit_value (g_utf8_get_char (p))) * 16777619u;
          g_array_append_val (numbers, h);
        }
      /* Names, not sentence openings; four letters bridge spellings
       * ("Moscow", "Moscou"; "Russia", "Russie"). */
      else if (!first_word && iter.end - iter.start >= 3 && g_unichar_isupper (c))
        {
          guint32 h = hash_folded (word, end, 4);

          g_array_append_val (names, h);
        }
      first_word = FALSE;
    }

  segment->numbers = sorted_unique (numbers, &segment->n_numbers);
  segment->names = sorted_unique (names, &segment->n_names);
}

/* Is [from, to) worth a segment: does it hold a letter or a digit? */
static gboolean
has_content (const char *from,
             const char *to)
{
  for (const char *p = from; p < to; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Code-point offset of byte @byte, counting from a known (byte, offset). */
static glong
offset_at (const char *text,
           gsize       from_byte,
           glong       from_offset,
           gsize       byte)
{
  return from_offset + g_utf8_pointer_to_offset (text + from_byte, text + byte);
}

/* Appends [from, to) as a segment, its whitespace trimmed, unless it
 * overlaps a fixed span, in which case only the parts outside are kept. */
static void
add_segment (GArray                *segments,
             const char            *text,
             gsize                  from,
             gsize                  to,
             glong                  from_offset,
             const GArray          *blocked)
{
  Segment segment = { 0 };

  while (from < to && g_unichar_isspace (g_utf8_get_char (text + from)))
    {
      from_offset++;
      from = g_utf8_next_char (text + from) - text;
    }
  while (to > from)
    {
      const char *prev = g_utf8_prev_char (text + to);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      to = prev - text;
    }
  if (from >= to || !has_content (text + from, text + to))
    return;

  segment.byte_start = from;
  segment.byte_end = to;
  segment.start = from_offset;
  segment.end = offset_at (text, from, from_offset, to);

  /* Cut around fixed spans (sorted, as code points). */
  for (guint i = 0; i < blocked->len; i++)
    {
      const glong *span = &g_array_index (blocked, glong, 2 * i);
      glong s = span[0], e = span[1];

      if (e <= segment.start || s >= segment.end)
        continue;
      if (s > segment.start)
        add_segment (segments, text, segment.byte_start,
                     g_utf8_offset_to_pointer (text + segment.byte_start, s - segment.start) - text,
                     segment.start, blocked);
      if (e < segment.end)
        {
          gsize cut = g_utf8_offset_to_pointer (text + segment.byte_start, e - segment.start) - text;

          add_segment (segments, text, cut, segment.byte_end, e, blocked);
        }
      return;
    }

  segment_find_anchors (&segment, text);
  g_array_append_val (segments, segment);
}

/* Paragraphs: blocks between blank lines when the text's blocks are
 * mostly several lines long (hard-wrapped prose); otherwise each line. */
static GArray *
split_paragraphs (const char   *text,
                  const GArray *blocked)
{
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  const char *p = text;
  guint blocks = 0, multi_line_blocks = 0, lines_in_block = 0;
  gboolean by_block;
  gsize from = 0;
  glong offset = 0, from_offset = 0;

  g_array_set_clear_func (segments, (GDestroyNotify) segment_clear);

  /* First pass: how are paragraphs written? */
  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      const char *next = eol != NULL ? eol + 1 : p + strlen (p);

      if (!has_content (p, eol != NULL ? eol : next))
        {
          if (lines_in_block > 0)
            {
              blocks++;
              multi_line_blocks += lines_in_block > 1;
            }
          lines_in_block = 0;
        }
      else
        lines_in_block++;
      p = next;
    }
  if (lines_in_block > 0)
    {
      blocks++;
      multi_line_blocks += lines_in_block > 1;
    }
  by_block = blocks > 1 && multi_line_blocks * 2 > blocks;

  for (p = text; *p != '\0';)
    {
      const char *eol = strchr (p, '\n');
      const char *line_end = eol != NULL ? eol : p + strlen (p);
      const char *next = eol != NULL ? eol + 1 : line_end;
      gboolean blank = !has_content (p, line_end);
      glong line_length = g_utf8_strlen (p, next - p);

      /* A paragraph ends at a blank line, or at each line break. */
      if (!by_block || blank)
        {
          gsize cut = by_block ? (gsize) (p - text) : (gsize) (line_end - text);

          add_segment (segments, text, from, cut, from_offset, blocked);
          from = next - text;
          from_offset = offset + line_length;
        }
      offset += line_length;
      p = next;
    }
  add_segment (segments, text, from, strlen (text), from_offset, blocked);

  return segments;
}

static inline gboolean
is_sentence_end (gunichar c)
{
  switch (c)
    {
    case '.':
    case '!':
    case '?':
    case 0x0964: /* । */
    case 0x061f: /* ؟ */
    case 0x2026: /* … */
    case 0x3002: /* 。 */
    case 0xff01: /* ！ */
    case 0xff1f: /* ？ */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Could the segment hold more than one sentence: does a full stop, a
 * question or an exclamation mark stand before its last character? A
 * cheap test that spares ICU most one-sentence paragraphs. */
static gboolean
may_have_sentences (const char    *text,
                    const Segment *segment)
{
  const char *end = text + segment->byte_end;

  for (const char *p = text + segment->byte_start; p < end; p = g_utf8_next_char (p))
    if (is_sentence_end (g_utf8_get_char (p)) && g_utf8_next_char (p) < end)
      {
        /* "…" and "?!" runs: what follows must start another sentence. */
        const char *q = g_utf8_next_char (p);

        while (q < end && is_sentence_end (g_utf8_get_char (q)))
          q = g_utf8_next_char (q);
        if (q < end)
          return TRUE;
        p = g_utf8_prev_char (q);
      }

  return FALSE;
}

/* Sentences of one segment, by ICU's sentence break rules for @language. */
static GArray *
split_sentences (const char    *text,
                 const Segment *paragraph,
                 const char    *language)
{
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (Segment));
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (glong) * 2);
  glong n_units = 0;
  g_autofree gunichar2 *utf16 = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iter;
  gint32 prev_unit = 0;
  glong prev_offset = 0;
  gsize prev_byte;

  g_array_set_clear_func (sentences, (GDestroyNotify) segment_clear);

  utf16 = g_utf8_to_utf16 (text + paragraph->byte_start,
                           paragraph->byte_end - paragraph->byte_start,
                           NULL, &n_units, NULL);
  if (utf16 == NULL)
    return sentences;

  iter = ubrk_open (UBRK_SENTENCE, language != NULL ? language : "",
                    (const UChar *) utf16, (gint32) n_units, &status);
  if (U_FAILURE (status))
    return sentences;

  prev_byte = paragraph->byte_start;
  for (gint32 unit = ubrk_next (iter); unit != UBRK_DONE; unit = ubrk_next (iter))
    {
      glong offset = prev_offset;
      gsize byte;

      /* Code points between the two breaks: low surrogates add none. */
      for (gint32 u = prev_unit; u < unit; u++)
        if (utf16[u] < 0xdc00 || utf16[u] > 0xdfff)
          offset++;
      byte = g_utf8_offset_to_pointer (text + prev_byte, offset - prev_offset) - text;
      add_segment (sentences, text, prev_byte, byte, paragraph->start + prev_offset, none);
      prev_unit = unit;
      prev_offset = offset;
      prev_byte = byte;
    }

  ubrk_close (iter);

  return sentences;
}

typedef struct
{
  const Segment *a;
  guint          na;
  const Segment *b;
  guint          nb;
  double         ratio;   /* b's length per code point of a */
} Problem;

/* -100 log P(|X| ≥ x) for a standard normal X, tabulated: erfc () and
 * log () in the inner loop of the alignment cost more than all the rest. */
#define TAIL_STEP    0.01
#define TAIL_LIMIT   40.0
#define TAIL_ENTRIES 4002   /* TAIL_LIMIT / TAIL_STEP, and one past */
static double tail_table[TAIL_ENTRIES];
static gsize  tail_ready;

static void
init_tail_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (tail_table); i++)
    tail_table[i] = -100.0 * log (MAX (erfc (i * TAIL_STEP / G_SQRT2), 1e-300));
}

static inline double
tail_cost (double x)
{
  double pos;
  guint i;

  if (x >= TAIL_LIMIT)
    {
      /* erfc (z) ~ exp (-z²) / (z √π) */
      double z = x / G_SQRT2;

      return 100.0 * (z * z + log (z * sqrt (G_PI)));
    }
  pos = x / TAIL_STEP;
  i = (guint) pos;

  return tail_table[i] + (pos - i) * (tail_table[i + 1] - tail_table[i]);
}

static inline double
length_cost (double la,
             double lb,
             double ratio)
{
  double mean, delta;

  if (la == 0 && lb == 0)
    return 0;
  mean = (la + lb / ratio) / 2;
  delta = (lb - la * ratio) / sqrt (ratio * mean * LENGTH_VARIANCE);

  return tail_cost (fabs (delta));
}

static guint
count_shared (const guint32 *x,
              guint          nx,
              const guint32 *y,
              guint          ny)
{
  guint i = 0, j = 0, n = 0;

  while (i < nx && j < ny)
    {
      if (x[i] < y[j])
        i++;
      else if (x[i] > y[j])
        j++;
      else
        n++, i++, j++;
    }

  return n;
}

/* The anchor part of pairing segments @a[0..na) with @b[0..nb): a bonus
 * (negative) for numbers, names and quotation marks both sides have, a
 * penalty for numbers on one side only. Lists are compared pairwise, so a
 * merged side counts the anchors of each of its segments. */
static double
anchor_cost (const Segment *a,
             guint          na,
             const Segment *b,
             guint          nb)
{
  guint shared_numbers = 0, shared_names = 0, numbers_a = 0, numbers_b = 0;
  gboolean quotes_a = FALSE, quotes_b = FALSE;
  double cost;

  for (guint i = 0; i < na; i++)
    {
      numbers_a += a[i].n_numbers;
      quotes_a |= a[i].quotes;
      for (guint j = 0; j < nb; j++)
        {
          shared_numbers += count_shared (a[i].numbers, a[i].n_numbers, b[j].numbers, b[j].n_numbers);
          shared_names += count_shared (a[i].names, a[i].n_names, b[j].names, b[j].n_names);
        }
    }
  for (guint j = 0; j < nb; j++)
    {
      numbers_b += b[j].n_numbers;
      quotes_b |= b[j].quotes;
    }

  cost = -(SHARED_NUMBER_BONUS * shared_numbers + SHARED_NAME_BONUS * shared_names);
  if (quotes_a && quotes_b)
    cost -= QUOTES_BONUS;
  cost = MAX (cost, -MAX_ANCHOR_BONUS);
  cost += LONE_NUMBER_PENALTY * MIN ((numbers_a - MIN (shared_numbers, numbers_a)) +
                                     (numbers_b - MIN (shared_numbers, numbers_b)), 6);

  return cost;
}

static double
move_cost (const Problem *problem,
           Move           move,
           guint          i,
           guint          j)
{
  guint da = moves[move].da, db = moves[move].db;
  const Segment *a = problem->a + i - da;
  const Segment *b = problem->b + j - db;
  double la = 0, lb = 0;

  /* Segments on either side of a hand correction are not one. */
  if ((da == 2 && a[1].after_fixed) || (db == 2 && b[1].after_fixed))
    return G_MAXDOUBLE;

  for (guint k = 0; k < da; k++)
    la += a[k].end - a[k].start;
  for (guint k = 0; k < db; k++)
    lb += b[k].end - b[k].start;

  /* A segment left unpaired costs its prior only: the length model would
   * make any long paragraph impossible to leave out, and then one omitted
   * paragraph shifts every pair after it. */
  if (da == 0 || db == 0)
    return moves[move].prior_cost;

  return moves[move].prior_cost + length_cost (la, lb, problem->ratio) +
         anchor_cost (a, da, b, db);
}

static void
append_pair (GArray        *chunks,
             const Segment *a,
             guint          na,
             const Segment *b,
             guint          nb,
             double         cost)
{
  LecternChunk chunk;

  chunk.kind = LECTERN_CHUNK_PAIR;
  chunk.a_start = na > 0 ? a[0].start : -1;
  chunk.a_end = na > 0 ? a[na - 1].end : -1;
  chunk.b_start = nb > 0 ? b[0].start : -1;
  chunk.b_end = nb > 0 ? b[nb - 1].end : -1;
  /* A confidence: a good 1-1 pair costs a few tens. */
  chunk.score = exp (-MAX (cost, 0) / 200.0);
  g_array_append_val (chunks, chunk);
}

/* Gale–Church over @problem, banded; appends PAIR chunks in order and
 * records in @moves_out (optional) each chunk's move. */
static void
align_segments (const Problem *problem,
                GArray        *chunks,
                GArray        *moves_out)
{
  const guint na = problem->na, nb = problem->nb;
  g_autofree double *cum_a = g_new0 (double, na + 1);
  g_autofree double *cum_b = g_new0 (double, nb + 1);
  g_autofree guint *lo = g_new (guint, na + 1);
  g_autofree guint *hi = g_new (guint, na + 1);
  g_autofree gsize *row = g_new (gsize, na + 2);
  g_autofree double *cost = NULL;
  g_autofree guint8 *back = NULL;
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint) * 3);
  /* The band's centre already follows the overall drift; its width is for
   * local detours (a few paragraphs left out or merged in a row). */
  guint band = MIN_BAND + (guint) ABS ((gint) na - (gint) nb) / 4;
  guint i, j;

  if (na == 0 && nb == 0)
    return;

  for (i = 0; i < na; i++)
    cum_a[i + 1] = cum_a[i] + problem->a[i].end - problem->a[i].start;
  for (j = 0; j < nb; j++)
    cum_b[j + 1] = cum_b[j] + problem->b[j].end - problem->b[j].start;

  while (band > MIN_BAND && (gsize) (na + 1) * (2 * band + 1) > MAX_CELLS)
    band /= 2;

  /* The band follows the diagonal of cumulative lengths, and always holds
   * both corners. */
  for (i = 0, j = 0; i <= na; i++)
    {
      double target = cum_b[nb] > 0 && cum_a[na] > 0 ? cum_a[i] / cum_a[na] * cum_b[nb] : 0;
      guint centre;

      while (j < nb && cum_b[j + 1] <= target)
        j++;
      centre = j;
      lo[i] = centre > band ? centre - band : 0;
      hi[i] = MIN (nb, centre + band);
    }
  lo[0] = 0;
  hi[na] = nb;
  /* Keep rows connected: each row must reach the previous row's span. */
  for (i = 1; i <= na; i++)
    {
      lo[i] = MIN (lo[i], hi[i - 1]);
      if (hi[i] < lo[i - 1])
        hi[i] = lo[i - 1];
    }
  for (i = na; i > 0; i--)
    if (hi[i - 1] < lo[i])
      hi[i - 1] = lo[i];

  row[0] = 0;
  for (i = 0; i <= na; i++)
    row[i + 1] = row[i] + (hi[i] - lo[i] + 1);
  cost = g_new (double, row[na + 1]);
  back = g_new0 (guint8, row[na + 1]);

  for (i = 0; i <= na; i++)
    for (j = lo[i]; j <= hi[i]; j++)
      {
        double best = i == 0 && j == 0 ? 0 : G_MAXDOUBLE;
        Move best_move = MOVE_NONE;

        for (Move m = MOVE_1_1; m <= MOVE_1_2; m++)
          {
            guint pi, pj;
            double c;

            if (i < moves[m].da || j < moves[m].db)
              continue;
            pi = i - moves[m].da;
            pj = j - moves[m].db;
            if (pj < lo[pi] || pj > hi[pi])
              continue;
            c = cost[row[pi] + pj - lo[pi]];
            if (c == G_MAXDOUBLE)
              continue;
            c += move_cost (problem, m, i, j);
            if (c < best && c < G_MAXDOUBLE / 2)
              {
                best = c;
                best_move = m;
              }
          }
        cost[row[i] + j - lo[i]] = best;
        back[row[i] + j - lo[i]] = best_move;
      }

  /* Back from the far corner. */
  for (i = na, j = nb; i > 0 || j > 0;)
    {
      Move m = back[row[i] + j - lo[i]];
      guint step[3];

      g_assert (m != MOVE_NONE);
      step[0] = i;
      step[1] = j;
      step[2] = m;
      g_array_append_vals (path, step, 1);
      i -= moves[m].da;
      j -= moves[m].db;
    }

  for (guint s = path->len; s > 0; s--)
    {
      const guint *step = &g_array_index (path, guint, 3 * (s - 1));
      Move m = step[2];
      guint da = moves[m].da, db = moves[m].db;

      append_pair (chunks, problem->a + step[0] - da, da, problem->b + step[1] - db, db,
                   move_cost (problem, m, step[0], step[1]));
      if (moves_out != NULL)
        g_array_append_val (moves_out, m);
    }
}

static double
length_ratio (const Segment *a,
              guint          na,
              const Segment *b,
              guint          nb)
{
  double la = 0, lb = 0;

  for (guint i = 0; i < na; i++)
    la += a[i].end - a[i].start;
  for (guint j = 0; j < nb; j++)
    lb += b[j].end - b[j].start;

  return la > 0 && lb > 0 ? CLAMP (lb / la, 0.25, 4.0) : 1.0;
}

/* Aligns one region's paragraphs, then the sentences of long 1-1 pairs. */
static void
align_region (const char    *a_text,
              const char    *language_a,
              const Segment *a,
              guint          na,
              const char    *b_text,
              const char    *language_b,
              const Segment *b,
              guint          nb,
              double         ratio,
              GArray        *out)
{
  Problem problem = { a, na, b, nb, ratio };
  g_autoptr(GArray) pairs = lectern_chunks_new ();
  g_autoptr(GArray) pair_moves = g_array_new (FALSE, FALSE, sizeof (Move));
  guint ia = 0, ib = 0;

  align_segments (&problem, pairs, pair_moves);

  for (guint p = 0; p < pairs->len; p++)
    {
      const LecternChunk *pair = &g_array_index (pairs, LecternChunk, p);
      Move m = g_array_index (pair_moves, Move, p);

      if (m == MOVE_1_1 &&
          pair->a_end - pair->a_start >= LONG_PARAGRAPH &&
          pair->b_end - pair->b_start >= LONG_PARAGRAPH &&
          may_have_sentences (a_text, &a[ia]) && may_have_sentences (b_text, &b[ib]))
        {
          g_autoptr(GArray) sa = split_sentences (a_text, &a[ia], language_a);
          g_autoptr(GArray) sb = split_sentences (b_text, &b[ib], language_b);

          if (sa->len > 1 && sb->len > 1)
            {
              Problem sentences = {
                (const Segment *) (gpointer) sa->data, sa->len,
                (const Segment *) (gpointer) sb->data, sb->len,
                ratio,
              };

              align_segments (&sentences, out, NULL);
              ia += 1;
              ib += 1;
              continue;
            }
        }

      g_array_append_val (out, *pair);
      ia += moves[m].da;
      ib += moves[m].db;
    }
}

static int
compare_spans (gconstpointer x,
               gconstpointer y)
{
  const glong *p = x, *q = y;

  return (p[0] > q[0]) - (p[0] < q[0]);
}

static int
compare_fixed_by_a (gconstpointer x,
                    gconstpointer y)
{
  const LecternSpanPair *p = x, *q = y;

  return (p->a_start > q->a_start) - (p->a_start < q->a_start);
}

static GArray *
blocked_spans (const LecternSpanPair *fixed,
               guint                  n_fixed,
               gboolean               side_b)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (glong) * 2);

  for (guint i = 0; i < n_fixed; i++)
    {
      glong span[2] = { side_b ? fixed[i].b_start : fixed[i].a_start,
                        side_b ? fixed[i].b_end : fixed[i].a_end };

      if (span[0] >= 0 && span[1] > span[0])
        g_array_append_vals (spans, span, 1);
    }

  return spans;
}

static void
mark_after_fixed (GArray       *segments,
                  const GArray *blocked)
{
  guint f = 0;

  for (guint i = 1; i < segments->len; i++)
    {
      Segment *segment = &g_array_index (segments, Segment, i);
      glong prev_end = g_array_index (segments, Segment, i - 1).end;

      while (f < blocked->len && g_array_index (blocked, glong, 2 * f + 1) <= prev_end)
        f++;
      segment->after_fixed = f < blocked->len && g_array_index (blocked, glong, 2 * f) < segment->start;
    }
}

static LecternChunk
chunk_from_fixed (const LecternSpanPair *fixed)
{
  LecternChunk chunk = {
    LECTERN_CHUNK_PAIR,
    fixed->a_start >= 0 ? fixed->a_start : -1,
    fixed->a_start >= 0 ? fixed->a_end : -1,
    fixed->b_start >= 0 ? fixed->b_start : -1,
    fixed->b_start >= 0 ? fixed->b_end : -1,
    1.0,
  };

  return chunk;
}

/* Puts a fixed pair that is not on the chain into the ordered list, by its
 * a side, or by its b side when it has no a. */
static void
insert_in_order (GArray             *chunks,
                 const LecternChunk *chunk)
{
  guint at = chunks->len;

  for (guint c = 0; c < chunks->len; c++)
    {
      const LecternChunk *other = &g_array_index (chunks, LecternChunk, c);

      if (chunk->a_start >= 0 ? (other->a_start >= 0 && other->a_start > chunk->a_start)
                              : (other->b_start >= 0 && other->b_start > chunk->b_start))
        {
          at = c;
          break;
        }
    }
  g_array_insert_val (chunks, at, *chunk);
}

GArray *
lectern_align (const char            *a,
               const char            *language_a,
               const char            *b,
               const char            *language_b,
               const LecternSpanPair *fixed,
               guint                  n_fixed)
{
  g_autoptr(GArray) blocked_a = NULL;
  g_autoptr(GArray) blocked_b = NULL;
  g_autoptr(GArray) segs_a = NULL;
  g_autoptr(GArray) segs_b = NULL;
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (LecternSpanPair));
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (LecternSpanPair));
  GArray *chunks = lectern_chunks_new ();
  const Segment *sa, *sb;
  double ratio;
  guint ia = 0, ib = 0;

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);
  g_return_val_if_fail (fixed != NULL || n_fixed == 0, NULL);

  if (g_once_init_enter (&tail_ready))
    {
      init_tail_table ();
      g_once_init_leave (&tail_ready, 1);
    }

  blocked_a = blocked_spans (fixed, n_fixed, FALSE);
  blocked_b = blocked_spans (fixed, n_fixed, TRUE);
  g_array_sort (blocked_a, compare_spans);
  g_array_sort (blocked_b, compare_spans);
  segs_a = split_paragraphs (a, blocked_a);
  segs_b = split_paragraphs (b, blocked_b);
  mark_after_fixed (segs_a, blocked_a);
  mark_after_fixed (segs_b, blocked_b);
  sa = (const Segment *) (gpointer) segs_a->data;
  sb = (const Segment *) (gpointer) segs_b->data;
  ratio = length_ratio (sa, segs_a->len, sb, segs_b->len);

  /* Fixed pairs in order on both sides cut the texts into regions; the
   * others (one-sided, or crossing) are only kept out of the alignment. */
  {
    g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (LecternSpanPair));
    glong last_a = -1, last_b = -1;

    g_array_append_vals (sorted, fixed, n_fixed);
    g_array_sort (sorted, compare_fixed_by_a);
    for (guint f = 0; f < sorted->len; f++)
      {
        const LecternSpanPair *pair = &g_array_index (sorted, LecternSpanPair, f);

        if (pair->a_start >= last_a && pair->b_start >= last_b &&
            pair->a_start >= 0 && pair->b_start >= 0)
          {
            g_array_append_val (chain, *pair);
            last_a = pair->a_end;
            last_b = pair->b_end;
          }
        else
          g_array_append_val (others, *pair);
      }
  }

  for (guint f = 0; f <= chain->len; f++)
    {
      glong a_limit = f < chain->len ? g_array_index (chain, LecternSpanPair, f).a_start : G_MAXLONG;
      glong b_limit = f < chain->len ? g_array_index (chain, LecternSpanPair, f).b_start : G_MAXLONG;
      guint ja = ia, jb = ib;

      while (ja < segs_a->len && sa[ja].start < a_limit)
        ja++;
      while (jb < segs_b->len && sb[jb].start < b_limit)
        jb++;
      align_region (a, language_a, sa + ia, ja - ia, b, language_b, sb + ib, jb - ib, ratio, chunks);
      ia = ja;
      ib = jb;

      if (f < chain->len)
        {
          LecternChunk chunk = chunk_from_fixed (&g_array_index (chain, LecternSpanPair, f));

          g_array_append_val (chunks, chunk);
        }
    }

  for (guint f = 0; f < others->len; f++)
    {
      LecternChunk chunk = chunk_from_fixed (&g_array_index (others, LecternSpanPair, f));

      insert_in_order (chunks, &chunk);
    }

  return chunks;
}
