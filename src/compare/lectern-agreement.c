/* lectern-agreement.c — inter-coder agreement of two coders
 *
 * The data. Only documents that both coders coded are measured (a document
 * one coder never opened says nothing about agreement). Each coder's
 * passages of one code are first united — overlapping or touching passages
 * make one — since a character is coded or not: coding a sentence twice is
 * not coding it more. All measured documents are laid end to end as one
 * continuum (Krippendorff's "continuum"), in the order the caller added
 * them; a united passage never spans two documents.
 *
 * Characters, per code: every character of the continuum is a unit with
 * two binary values (coded by A? coded by B?), giving the 2×2 table
 *   n11 = both, n10 = A only, n01 = B only, n00 = neither, n = all.
 * - agreement   = (n11 + n00) / n
 * - Cohen's κ   = (po − pe) / (1 − pe), po = (n11 + n00) / n,
 *                 pe = pA·pB + (1 − pA)(1 − pB); computed in the exact
 *                 equivalent form 2(n11·n00 − n10·n01) / (a(n − b) + b(n − a))
 *                 with a = n11 + n10, b = n11 + n01.
 * - Krippendorff's α, nominal, two coders, no missing values (Krippendorff
 *   2011, "Computing Krippendorff's alpha-reliability"): the coincidence
 *   matrix has o00 = 2·n00, o11 = 2·n11, o01 = o10 = n10 + n01; with
 *   N = 2n pairable values, n0 = 2·n00 + n10 + n01, n1 = 2·n11 + n10 + n01:
 *     α = 1 − (N − 1)·o01 / (n0·n1).
 * - coded κ: the same κ over only the characters that either coder coded
 *   with any code. κ over every character is inflated by the text nobody
 *   coded (n00 dominates po and pe alike; QualCoder issue 667). The base
 *   is the text coded with *any* code, not this code's own: over a code's
 *   own characters n00 would be 0 and κ = −2·n10·n01 / (…) ≤ 0 always.
 *   The base does not depend on which codes are reported, so a code's row
 *   is the same whatever else is in the table.
 *
 * Undefined values. When both coders coded every character or neither
 * coded any (a = b = 0 or a = b = n), pe = 1 and κ = 0/0, and n0·n1 = 0 so
 * α = 0/0 too: data without variation cannot show whether coders agree
 * beyond chance. Such a ratio is left undefined, as the formulas leave it
 * (DKPro Statistics, for one, refuses κ on Krippendorff's 1995 example of
 * two coders who coded everything), rather than set to 1, which would
 * report a code nobody used as perfectly reliable. NaN here, printed "-".
 * Perfect agreement with variation (the same characters coded by both,
 * not all and not none) gives κ = α = 1. A code only one coder used
 * gives κ = 0 (po = pe) and a small negative α, both defined.
 *
 * Segments, per code — Krippendorff's unitizing alpha αu (Krippendorff
 * 1995, "On the reliability of unitizing contiguous data", Sociological
 * Methodology 25:47–76; Content Analysis, 2nd ed., 2004; the binary
 * "one code present or absent" case that ATLAS.ti reports per code). Each
 * coder i cuts the continuum of length L into sections g: units (the
 * code's united passages, w = 1) and gaps (w = 0), each with a beginning b
 * and a length l. For sections g of coder i and h of coder j:
 *   δ²(g, h) = (b_g − b_h)² + (b_g + l_g − b_h − l_h)²
 *                 if both are units and they overlap (−l_g < b_g − b_h < l_h)
 *            = l_g²   if g is a unit inside the gap h (l_h − l_g ≥ b_g − b_h ≥ 0)
 *            = l_h²   if h is a unit inside the gap g
 *            = 0      otherwise
 *   uDo = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(g, h) / (m(m − 1)·L²)    (m = 2 coders)
 *   uDe = (2/L)·Σ_i Σ_g w_g·[ (N_c − 1)(2l_g³ − 3l_g² + l_g)/3
 *                             + l_g²·Σ_j Σ_h (1 − w_h)(l_h − l_g + 1)[l_h ≥ l_g] ]
 *         / ( mL(mL − 1) − Σ_i Σ_g w_g·l_g(l_g − 1) )
 *   αu  = 1 − uDo / uDe
 * with N_c the number of units of both coders. It is undefined (uDe = 0)
 * when nobody coded the code. Checked against Krippendorff's (2004,
 * p. 254) worked example in tests/compare/test-agreement.c.
 *
 * Passages matched: a united passage of one coder is matched when a
 * passage of the other coder with the same code overlaps it by at least
 * half of *each* passage's length (overlap ≥ ½·max of the two lengths).
 * Half of the passage's own length alone, or of the shorter one, would let
 * one passage spanning a whole document "match" every passage inside it.
 * MATCHED = (A's matched + B's matched) / (A's passages + B's passages).
 *
 * The overall row "*" pools the reported codes: its units are the
 * (character, code) pairs, so its counts are the sums over codes and its
 * agreement, κ, α and coded κ come from that pooled 2×2 table (n = L × codes);
 * αu overall is 1 − Σ_c uDo_c / Σ_c uDe_c, Krippendorff's (1995) αu over
 * all categories (its uDo and uDe are shown as means over the codes, which
 * leaves the ratio unchanged); MATCHED pools the passage counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <math.h>

#include <glib/gi18n.h>

#include "lectern-agreement.h"

G_DEFINE_QUARK (lectern-agreement-error-quark, lectern_agreement_error)

/* A tag index for passages of a tag that is not reported. */
#define UNREPORTED G_MAXUINT

typedef struct
{
  gint64  id;
  char   *path;
} Tag;

typedef struct
{
  gint64 id;
  glong  length;
} Document;

typedef struct
{
  gint64                document_id;
  gint64                tag_id;
  glong                 start;
  glong                 end;
  LecternAgreementCoder coder;
} Segment;

struct _LecternAgreementInput
{
  char     *coder_a;
  char     *coder_b;
  GArray   *tags;       /* Tag */
  GArray   *documents;  /* Document */
  GArray   *segments;   /* Segment */
  gboolean  too_many;   /* more was added than the bounds allow */
};

/* A passage on the continuum, end exclusive. */
typedef struct
{
  guint  tag;     /* index into tags, or UNREPORTED */
  guint  coder;   /* 0 for A, 1 for B */
  guint  doc;     /* index into documents */
  gint64 start;
  gint64 end;
} Piece;

/* A section of one coder's cut of the continuum: a unit or a gap. */
typedef struct
{
  gint64   start;
  gint64   end;
  gboolean unit;
} Section;

static void
clear_tag (gpointer data)
{
  g_free (((Tag *) data)->path);
}

static void
clear_row (gpointer data)
{
  g_free (((LecternAgreementRow *) data)->path);
}

LecternAgreementInput *
lectern_agreement_input_new (const char *coder_a,
                             const char *coder_b)
{
  LecternAgreementInput *input = g_new0 (LecternAgreementInput, 1);

  input->coder_a = g_strdup (coder_a != NULL ? coder_a : "a");
  input->coder_b = g_strdup (coder_b != NULL ? coder_b : "b");
  input->tags = g_array_new (FALSE, FALSE, sizeof (Tag));
  g_array_set_clear_func (input->tags, clear_tag);
  input->documents = g_array_new (FALSE, FALSE, sizeof (Document));
  input->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  return input;
}

void
lectern_agreement_input_free (LecternAgreementInput *input)
{
  if (input == NULL)
    return;
  g_free (input->coder_a);
  g_free (input->coder_b);
  g_array_unref (input->tags);
  g_array_unref (input->documents);
  g_array_unref (input->segments);
  g_free (input);
}

void
lectern_agreement_input_add_tag (LecternAgreementInput *input,
                                 gint64                 tag_id,
                                 const char            *path)
{
  Tag tag;

  g_return_if_fail (input != NULL);

  if (input->tags->len >= LECTERN_AGREEMENT_MAX_TAGS)
    {
      input->too_many = TRUE;
      return;
    }
  tag.id = tag_id;
  tag.path = g_strdup (path != NULL ? path : "");
  g_array_append_val (input->tags, tag);
}

void
lectern_agreement_input_add_document (LecternAgreementInput *input,
                                      gint64                 document_id,
                                      glong                  length)
{
  Document document = { document_id, length };

  g_return_if_fail (input != NULL);

  if (input->documents->len >= LECTERN_AGREEMENT_MAX_DOCUMENTS)
    {
      input->too_many = TRUE;
      return;
    }
  g_array_append_val (input->documents, document);
}

void
lectern_agreement_input_add_segment (LecternAgreementInput *input,
                                     gint64                 document_id,
                                     LecternAgreementCoder  coder,
                                     glong                  start,
                                     glong                  end,
                                     gint64                 tag_id)
{
  Segment segment = { document_id, tag_id, start, end, coder };

  g_return_if_fail (input != NULL);
  g_return_if_fail (coder == LECTERN_AGREEMENT_CODER_A || coder == LECTERN_AGREEMENT_CODER_B);

  if (input->segments->len >= LECTERN_AGREEMENT_MAX_SEGMENTS)
    {
      input->too_many = TRUE;
      return;
    }
  g_array_append_val (input->segments, segment);
}

void
lectern_agreement_free (LecternAgreement *agreement)
{
  if (agreement == NULL)
    return;
  g_clear_pointer (&agreement->rows, g_array_unref);
  g_clear_pointer (&agreement->disagreements, g_array_unref);
  g_free (agreement->coder_a);
  g_free (agreement->coder_b);
  g_free (agreement);
}

const LecternAgreementRow *
lectern_agreement_get_overall (const LecternAgreement *agreement)
{
  g_return_val_if_fail (agreement != NULL && agreement->rows->len > 0, NULL);

  return &g_array_index (agreement->rows, LecternAgreementRow, agreement->rows->len - 1);
}

char *
lectern_agreement_format_value (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("-");
  /* No "-0.0000" for a value that is zero but for rounding. */
  if (fabs (value) < 0.00005)
    value = 0.0;
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", value));
}

const char * const *
lectern_agreement_get_columns (void)
{
  static const char * const columns[LECTERN_AGREEMENT_N_COLUMNS + 1] = {
    "TAG", "AGREEMENT", "KAPPA", "ALPHA", "A_CHARS", "B_CHARS", "BOTH_CHARS",
    "CODED_KAPPA", "UALPHA", "MATCHED", NULL,
  };

  return columns;
}

char **
lectern_agreement_row_to_cells (const LecternAgreementRow *row)
{
  char **cells;

  g_return_val_if_fail (row != NULL, NULL);

  cells = g_new0 (char *, LECTERN_AGREEMENT_N_COLUMNS + 1);
  cells[0] = g_strdup (row->path);
  cells[1] = lectern_agreement_format_value (row->agreement);
  cells[2] = lectern_agreement_format_value (row->kappa);
  cells[3] = lectern_agreement_format_value (row->alpha);
  cells[4] = g_strdup_printf ("%" G_GINT64_FORMAT, row->a_chars);
  cells[5] = g_strdup_printf ("%" G_GINT64_FORMAT, row->b_chars);
  cells[6] = g_strdup_printf ("%" G_GINT64_FORMAT, row->both_chars);
  cells[7] = lectern_agreement_format_value (row->coded_kappa);
  cells[8] = lectern_agreement_format_value (row->u_alpha);
  cells[9] = lectern_agreement_format_value (row->matched);
  return cells;
}

const char * const *
lectern_disagreement_get_columns (void)
{
  static const char * const columns[LECTERN_DISAGREEMENT_N_COLUMNS + 1] = {
    "DOCUMENT", "START", "END", "TAG", "CODER", NULL,
  };

  return columns;
}

char **
lectern_disagreement_to_cells (const LecternAgreement *agreement,
                               guint                   i)
{
  const LecternDisagreement *d;
  char **cells;

  g_return_val_if_fail (agreement != NULL, NULL);
  g_return_val_if_fail (i < agreement->disagreements->len, NULL);

  d = &g_array_index (agreement->disagreements, LecternDisagreement, i);
  cells = g_new0 (char *, LECTERN_DISAGREEMENT_N_COLUMNS + 1);
  cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, d->document_id);
  cells[1] = g_strdup_printf ("%ld", d->start);
  cells[2] = g_strdup_printf ("%ld", d->end);
  cells[3] = g_strdup (g_array_index (agreement->rows, LecternAgreementRow, d->row).path);
  cells[4] = g_strdup (d->coder == LECTERN_AGREEMENT_CODER_A ? agreement->coder_a : agreement->coder_b);
  return cells;
}

/* ---- characters ---- */

/* Fills the character values of @row from its counts: n_chars for
 * agreement, κ and α, coded_chars for coded κ. */
static void
set_character_values (LecternAgreementRow *row)
{
  double n = (double) row->n_chars;
  double a = (double) row->a_chars;
  double b = (double) row->b_chars;
  double n11 = (double) row->both_chars;
  double n10 = a - n11;
  double n01 = b - n11;
  double n00 = n - a - b + n11;
  double coded_n00 = (double) row->coded_chars - a - b + n11;
  double denominator;

  row->agreement = n > 0 ? (n11 + n00) / n : NAN;

  /* pe = 1 exactly when a = b = 0 or a = b = n: undefined, see above. */
  denominator = a * (n - b) + b * (n - a);
  row->kappa = denominator > 0 ? 2.0 * (n11 * n00 - n10 * n01) / denominator : NAN;

  denominator = (2.0 * n00 + n10 + n01) * (2.0 * n11 + n10 + n01);
  row->alpha = denominator > 0 ? 1.0 - (2.0 * n - 1.0) * (n10 + n01) / denominator : NAN;

  n = (double) row->coded_chars;
  denominator = a * (n - b) + b * (n - a);
  row->coded_kappa = denominator > 0 ? 2.0 * (n11 * coded_n00 - n10 * n01) / denominator : NAN;
}

static gint64
total_length (GArray *spans)
{
  gint64 total = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const Piece *p = &g_array_index (spans, Piece, i);

      total += p->end - p->start;
    }
  return total;
}

/* Characters in both of two sorted lists of disjoint spans. */
static gint64
intersection_length (GArray *a,
                     GArray *b)
{
  gint64 total = 0;
  guint i = 0, j = 0;

  while (i < a->len && j < b->len)
    {
      const Piece *p = &g_array_index (a, Piece, i);
      const Piece *q = &g_array_index (b, Piece, j);
      gint64 from = MAX (p->start, q->start);
      gint64 to = MIN (p->end, q->end);

      if (to > from)
        total += to - from;
      if (p->end <= q->end)
        i++;
      else
        j++;
    }
  return total;
}

/* ---- segments ---- */

static int
compare_pieces (gconstpointer pa,
                gconstpointer pb)
{
  const Piece *a = pa;
  const Piece *b = pb;

  if (a->tag != b->tag)
    return a->tag < b->tag ? -1 : 1;
  if (a->coder != b->coder)
    return a->coder < b->coder ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return (a->end > b->end) - (a->end < b->end);
}

static int
compare_starts (gconstpointer pa,
                gconstpointer pb)
{
  const Piece *a = pa;
  const Piece *b = pb;

  return (a->start > b->start) - (a->start < b->start);
}

/* The union of @n pieces sorted by start: overlapping or touching pieces
 * of one document make one. */
static GArray *
unite (const Piece *pieces,
       guint        n)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Piece));

  for (guint i = 0; i < n; i++)
    {
      Piece *last = units->len > 0 ? &g_array_index (units, Piece, units->len - 1) : NULL;

      if (last != NULL && last->doc == pieces[i].doc && pieces[i].start <= last->end)
        last->end = MAX (last->end, pieces[i].end);
      else
        g_array_append_val (units, pieces[i]);
    }
  return units;
}

/* One coder's cut of [0, length): its units and the gaps between them. */
static GArray *
sections_of (GArray *units,
             gint64  length)
{
  GArray *sections = g_array_new (FALSE, FALSE, sizeof (Section));
  gint64 at = 0;

  for (guint i = 0; i < units->len; i++)
    {
      const Piece *u = &g_array_index (units, Piece, i);
      Section unit = { u->start, u->end, TRUE };

      if (u->start > at)
        {
          Section gap = { at, u->start, FALSE };

          g_array_append_val (sections, gap);
        }
      g_array_append_val (sections, unit);
      at = u->end;
    }
  if (length > at)
    {
      Section gap = { at, length, FALSE };

      g_array_append_val (sections, gap);
    }
  return sections;
}

static double
delta_squared (const Section *g,
               const Section *h)
{
  double lg = (double) (g->end - g->start);
  double lh = (double) (h->end - h->start);

  if (g->unit && h->unit)
    {
      /* They overlap: only overlapping pairs are passed. */
      double db = (double) (g->start - h->start);
      double de = (double) (g->end - h->end);

      return db * db + de * de;
    }
  if (g->unit && !h->unit && g->start >= h->start && g->end <= h->end)
    return lg * lg;
  if (!g->unit && h->unit && h->start >= g->start && h->end <= g->end)
    return lh * lh;
  return 0.0;
}

/* Σ δ² over the pairs (g of A, h of B) that overlap, each pair once; every
 * other pair has δ² = 0. Both cuts cover [0, L), so a sweep visits each
 * overlapping pair exactly once. */
static double
observed_sum (GArray *a,
              GArray *b)
{
  double sum = 0.0;
  guint i = 0, j = 0;

  while (i < a->len && j < b->len)
    {
      const Section *g = &g_array_index (a, Section, i);
      const Section *h = &g_array_index (b, Section, j);

      sum += delta_squared (g, h);
      if (g->end == h->end)
        i++, j++;
      else if (g->end < h->end)
        i++;
      else
        j++;
    }
  return sum;
}

static int
compare_gints64 (gconstpointer pa,
                 gconstpointer pb)
{
  gint64 a = *(const gint64 *) pa;
  gint64 b = *(const gint64 *) pb;

  return (a > b) - (a < b);
}

/* uDe for one code; 0 when neither coder has a unit. */
static double
expected_disagreement (GArray *units_a,
                       GArray *units_b,
                       GArray *sections_a,
                       GArray *sections_b,
                       gint64  length)
{
  GArray *cuts[] = { sections_a, sections_b };
  GArray *units[] = { units_a, units_b };
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree double *suffix = NULL;
  guint n_units = units_a->len + units_b->len;
  double sum = 0.0;
  double squares = 0.0;
  double m_l = 2.0 * (double) length;

  if (n_units == 0)
    return 0.0;

  for (guint c = 0; c < G_N_ELEMENTS (cuts); c++)
    for (guint i = 0; i < cuts[c]->len; i++)
      {
        const Section *s = &g_array_index (cuts[c], Section, i);
        gint64 l = s->end - s->start;

        if (!s->unit)
          g_array_append_val (gaps, l);
      }
  g_array_sort (gaps, compare_gints64);
  /* suffix[k]: the sum of the gaps from the k-th (ascending) on. */
  suffix = g_new0 (double, gaps->len + 1);
  for (guint k = gaps->len; k > 0; k--)
    suffix[k - 1] = suffix[k] + (double) g_array_index (gaps, gint64, k - 1);

  for (guint c = 0; c < G_N_ELEMENTS (units); c++)
    for (guint i = 0; i < units[c]->len; i++)
      {
        const Piece *u = &g_array_index (units[c], Piece, i);
        gint64 l = u->end - u->start;
        double dl = (double) l;
        guint lo = 0, hi = gaps->len;
        double n_longer;

        /* The first gap at least as long as the unit. */
        while (lo < hi)
          {
            guint mid = lo + (hi - lo) / 2;

            if (g_array_index (gaps, gint64, mid) < l)
              lo = mid + 1;
            else
              hi = mid;
          }
        n_longer = (double) (gaps->len - lo);

        sum += (double) (n_units - 1) * (2.0 * dl * dl * dl - 3.0 * dl * dl + dl) / 3.0;
        /* Σ (l_h − l + 1) over those gaps. */
        sum += dl * dl * (suffix[lo] - n_longer * (dl - 1.0));
        squares += dl * (dl - 1.0);
      }

  return (2.0 / (double) length) * sum / (m_l * (m_l - 1.0) - squares);
}

/* How many of @p's spans a span of @q overlaps by half of each. */
static guint
matched_count (GArray *p,
               GArray *q)
{
  guint matched = 0;
  guint j = 0;

  for (guint i = 0; i < p->len; i++)
    {
      const Piece *u = &g_array_index (p, Piece, i);

      while (j < q->len && g_array_index (q, Piece, j).end <= u->start)
        j++;
      for (guint k = j; k < q->len && g_array_index (q, Piece, k).start < u->end; k++)
        {
          const Piece *v = &g_array_index (q, Piece, k);
          gint64 overlap = MIN (u->end, v->end) - MAX (u->start, v->start);

          if (2 * overlap >= u->end - u->start && 2 * overlap >= v->end - v->start)
            {
              matched++;
              break;
            }
        }
    }
  return matched;
}

/* A disagreement and where it sorts: by its start on the continuum, which
 * orders documents as they were given. */
typedef struct
{
  LecternDisagreement d;
  gint64              at;
  guint               tag;
} SortedDisagreement;

/* Appends to @out (SortedDisagreement) the maximal ranges of @p that no
 * span of @q covers, in document coordinates. */
static void
append_differences (GArray                *out,
                    GArray                *p,
                    GArray                *q,
                    const Document        *documents,
                    const gint64          *offsets,
                    guint                  tag,
                    gint64                 tag_id,
                    LecternAgreementCoder  coder)
{
  guint j = 0;

  for (guint i = 0; i < p->len; i++)
    {
      const Piece *u = &g_array_index (p, Piece, i);
      gint64 at = u->start;
      guint k;

      while (j < q->len && g_array_index (q, Piece, j).end <= at)
        j++;
      k = j;
      while (at < u->end)
        {
          gint64 to = u->end;
          gint64 next = u->end;

          if (k < q->len && g_array_index (q, Piece, k).start < u->end)
            {
              to = MAX (at, g_array_index (q, Piece, k).start);
              next = MIN (u->end, g_array_index (q, Piece, k).end);
              k++;
            }
          if (to > at)
            {
              SortedDisagreement sd = {
                {
                  documents[u->doc].id,
                  (glong) (at - offsets[u->doc]),
                  (glong) (to - offsets[u->doc]),
                  tag_id,
                  tag,
                  coder,
                },
                at,
                tag,
              };

              g_array_append_val (out, sd);
            }
          at = MAX (at, next);
        }
    }
}

static int
compare_disagreements (gconstpointer pa,
                       gconstpointer pb)
{
  const SortedDisagreement *a = pa;
  const SortedDisagreement *b = pb;

  if (a->at != b->at)
    return a->at < b->at ? -1 : 1;
  if (a->tag != b->tag)
    return a->tag < b->tag ? -1 : 1;
  return (a->d.coder > b->d.coder) - (a->d.coder < b->d.coder);
}

/* ---- the whole ---- */

static gboolean
check_input (const LecternAgreementInput  *input,
             GHashTable                   *document_index,
             GHashTable                   *tag_index,
             GError                      **error)
{
  if (input->too_many)
    {
      g_set_error (error, LECTERN_AGREEMENT_ERROR, LECTERN_AGREEMENT_ERROR_INVALID,
                   _("Too much to compare: agreement takes at most %u documents, %u passages and %u codes"),
                   (guint) LECTERN_AGREEMENT_MAX_DOCUMENTS, (guint) LECTERN_AGREEMENT_MAX_SEGMENTS,
                   (guint) LECTERN_AGREEMENT_MAX_TAGS);
      return FALSE;
    }

  for (guint i = 0; i < input->documents->len; i++)
    {
      Document *document = &g_array_index (input->documents, Document, i);

      if (document->length < 0 || document->length > LECTERN_AGREEMENT_MAX_DOCUMENT_LENGTH)
        {
          g_set_error (error, LECTERN_AGREEMENT_ERROR, LECTERN_AGREEMENT_ERROR_INVALID,
                       _("Document %" PRId64 " has an impossible length (%ld characters)"),
                       (int64_t) document->id, document->length);
          return FALSE;
        }
      if (!g_hash_table_insert (document_index, &document->id, GUINT_TO_POINTER (i)))
        {
          g_set_error (error, LECTERN_AGREEMENT_ERROR, LECTERN_AGREEMENT_ERROR_INVALID,
                       _("Document %" PRId64 " is given twice to the agreement"),
                       (int64_t) document->id);
          return FALSE;
        }
    }

  for (guint i = 0; i < input->tags->len; i++)
    {
      Tag *tag = &g_array_index (input->tags, Tag, i);

      if (!g_hash_table_insert (tag_index, &tag->id, GUINT_TO_POINTER (i)))
        {
          g_set_error (error, LECTERN_AGREEMENT_ERROR, LECTERN_AGREEMENT_ERROR_INVALID,
                       _("Code “%s” is given twice to the agreement"), tag->path);
          return FALSE;
        }
    }

  for (guint i = 0; i < input->segments->len; i++)
    {
      const Segment *s = &g_array_index (input->segments, Segment, i);
      gpointer value;
      const Document *document;

      if (!g_hash_table_lookup_extended (document_index, &s->document_id, NULL, &value))
        {
          g_set_error (error, LECTERN_AGREEMENT_ERROR, LECTERN_AGREEMENT_ERROR_INVALID,
                       _("A passage of %s is in document %" PRId64 ", which is not among the documents compared"),
                       s->coder == LECTERN_AGREEMENT_CODER_A ? input->coder_a : input->coder_b,
                       (int64_t) s->document_id);
          return FALSE;
        }
      document = &g_array_index (input->documents, Document, GPOINTER_TO_UINT (value));
      if (s->start < 0 || s->end < s->start || s->end > document->length)
        {
          g_set_error (error, LECTERN_AGREEMENT_ERROR, LECTERN_AGREEMENT_ERROR_INVALID,
                       _("A passage of %s at %ld–%ld is outside document %" PRId64 ", which has %ld characters"),
                       s->coder == LECTERN_AGREEMENT_CODER_A ? input->coder_a : input->coder_b,
                       s->start, s->end, (int64_t) s->document_id, document->length);
          return FALSE;
        }
    }
  return TRUE;
}

LecternAgreement *
lectern_agreement_compute (const LecternAgreementInput  *input,
                           GCancellable                 *cancellable,
                           GError                      **error)
{
  g_autoptr(GHashTable) document_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) tag_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) coded = NULL;
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (SortedDisagreement));
  g_autofree guint *coders = NULL;
  g_autofree gint64 *offsets = NULL;
  g_autoptr(LecternAgreement) agreement = NULL;
  const Document *documents;
  LecternAgreementRow overall = { 0 };
  gint64 length = 0;
  gint64 coded_length;
  double observed_total = 0.0, expected_total = 0.0;
  guint n_tags;
  guint first = 0;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_input (input, document_index, tag_index, error))
    return NULL;

  documents = (const Document *) (gpointer) input->documents->data;
  n_tags = input->tags->len;

  /* Which coders coded each document: bit 0 for A, bit 1 for B. */
  coders = g_new0 (guint, input->documents->len + 1);
  for (guint i = 0; i < input->segments->len; i++)
    {
      const Segment *s = &g_array_index (input->segments, Segment, i);
      guint doc = GPOINTER_TO_UINT (g_hash_table_lookup (document_index, &s->document_id));

      if (s->end > s->start)
        coders[doc] |= s->coder == LECTERN_AGREEMENT_CODER_A ? 1 : 2;
    }

  agreement = g_new0 (LecternAgreement, 1);
  agreement->rows = g_array_new (FALSE, FALSE, sizeof (LecternAgreementRow));
  g_array_set_clear_func (agreement->rows, clear_row);
  agreement->disagreements = g_array_new (FALSE, FALSE, sizeof (LecternDisagreement));
  agreement->coder_a = g_strdup (input->coder_a);
  agreement->coder_b = g_strdup (input->coder_b);

  /* The shared documents, end to end. */
  offsets = g_new0 (gint64, input->documents->len + 1);
  for (guint i = 0; i < input->documents->len; i++)
    {
      offsets[i] = length;
      if (coders[i] == 3)
        {
          length += documents[i].length;
          agreement->n_documents++;
        }
      else
        agreement->n_documents_skipped++;
    }
  if (agreement->n_documents == 0)
    {
      g_set_error (error, LECTERN_AGREEMENT_ERROR, LECTERN_AGREEMENT_ERROR_NO_SHARED_DOCUMENTS,
                   _("%s and %s have not coded any document in common: agreement is measured "
                     "on documents that both have coded"),
                   input->coder_a, input->coder_b);
      return NULL;
    }

  for (guint i = 0; i < input->segments->len; i++)
    {
      const Segment *s = &g_array_index (input->segments, Segment, i);
      guint doc = GPOINTER_TO_UINT (g_hash_table_lookup (document_index, &s->document_id));
      gpointer value;
      Piece piece;

      if (coders[doc] != 3 || s->end == s->start)
        continue;
      piece.tag = g_hash_table_lookup_extended (tag_index, &s->tag_id, NULL, &value)
                  ? GPOINTER_TO_UINT (value) : UNREPORTED;
      piece.coder = s->coder == LECTERN_AGREEMENT_CODER_A ? 0 : 1;
      piece.doc = doc;
      piece.start = offsets[doc] + s->start;
      piece.end = offsets[doc] + s->end;
      g_array_append_val (pieces, piece);
    }

  /* Coded κ's base: what either coder coded with any code. */
  all = g_array_copy (pieces);
  g_array_sort (all, compare_starts);
  coded = unite ((const Piece *) (gpointer) all->data, all->len);
  coded_length = total_length (coded);

  g_array_sort (pieces, compare_pieces);

  for (guint t = 0; t < n_tags; t++)
    {
      const Tag *tag = &g_array_index (input->tags, Tag, t);
      const Piece *data = (const Piece *) (gpointer) pieces->data;
      LecternAgreementRow row = { 0 };
      g_autoptr(GArray) units_a = NULL;
      g_autoptr(GArray) units_b = NULL;
      g_autoptr(GArray) sections_a = NULL;
      g_autoptr(GArray) sections_b = NULL;
      guint end_a, end_b;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      /* Pieces are sorted by tag index, then coder. */
      while (first < pieces->len && data[first].tag < t)
        first++;
      for (end_a = first; end_a < pieces->len && data[end_a].tag == t && data[end_a].coder == 0; end_a++)
        ;
      for (end_b = end_a; end_b < pieces->len && data[end_b].tag == t; end_b++)
        ;
      units_a = unite (data + first, end_a - first);
      units_b = unite (data + end_a, end_b - end_a);
      first = end_b;

      row.tag_id = tag->id;
      row.path = g_strdup (tag->path);
      row.n_chars = length;
      row.a_chars = total_length (units_a);
      row.b_chars = total_length (units_b);
      row.both_chars = intersection_length (units_a, units_b);
      row.coded_chars = coded_length;
      set_character_values (&row);

      sections_a = sections_of (units_a, length);
      sections_b = sections_of (units_b, length);
      /* m = 2: Σ over ordered pairs is twice the sum, over m(m − 1)L² = 2L². */
      row.u_observed = observed_sum (sections_a, sections_b) / ((double) length * (double) length);
      row.u_expected = expected_disagreement (units_a, units_b, sections_a, sections_b, length);
      row.u_alpha = row.u_expected > 0 ? 1.0 - row.u_observed / row.u_expected : NAN;
      observed_total += row.u_observed;
      expected_total += row.u_expected;

      row.a_passages = units_a->len;
      row.b_passages = units_b->len;
      row.a_matched = matched_count (units_a, units_b);
      row.b_matched = matched_count (units_b, units_a);
      row.matched = row.a_passages + row.b_passages > 0
                    ? (double) (row.a_matched + row.b_matched) / (double) (row.a_passages + row.b_passages)
                    : NAN;

      append_differences (sorted, units_a, units_b, documents, offsets, t, tag->id,
                          LECTERN_AGREEMENT_CODER_A);
      append_differences (sorted, units_b, units_a, documents, offsets, t, tag->id,
                          LECTERN_AGREEMENT_CODER_B);

      overall.n_chars += row.n_chars;
      overall.a_chars += row.a_chars;
      overall.b_chars += row.b_chars;
      overall.both_chars += row.both_chars;
      overall.coded_chars += row.coded_chars;
      overall.a_passages += row.a_passages;
      overall.b_passages += row.b_passages;
      overall.a_matched += row.a_matched;
      overall.b_matched += row.b_matched;

      g_array_append_val (agreement->rows, row);
    }

  overall.path = g_strdup ("*");
  set_character_values (&overall);
  overall.u_observed = n_tags > 0 ? observed_total / n_tags : NAN;
  overall.u_expected = n_tags > 0 ? expected_total / n_tags : NAN;
  overall.u_alpha = expected_total > 0 ? 1.0 - observed_total / expected_total : NAN;
  overall.matched = overall.a_passages + overall.b_passages > 0
                    ? (double) (overall.a_matched + overall.b_matched)
                      / (double) (overall.a_passages + overall.b_passages)
                    : NAN;
  g_array_append_val (agreement->rows, overall);

  g_array_sort (sorted, compare_disagreements);
  for (guint k = 0; k < sorted->len; k++)
    g_array_append_val (agreement->disagreements, g_array_index (sorted, SortedDisagreement, k).d);

  return g_steal_pointer (&agreement);
}
