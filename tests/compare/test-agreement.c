/* test-agreement.c — inter-coder agreement: the values a team reads off
 * the table, checked against hand computations worked in the comments and
 * against published examples; the edge cases; the disagreement ranges.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lectern-compare.h"

#define A LECTERN_AGREEMENT_CODER_A
#define B LECTERN_AGREEMENT_CODER_B

#define TAG_X 11
#define TAG_Y 12
#define TAG_Z 13

static LecternAgreementInput *
input_new (void)
{
  LecternAgreementInput *input = lectern_agreement_input_new ("Ann", "Bob");

  lectern_agreement_input_add_tag (input, TAG_X, "x");
  return input;
}

static LecternAgreement *
compute (LecternAgreementInput *input)
{
  g_autoptr(GError) error = NULL;
  LecternAgreement *agreement = lectern_agreement_compute (input, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (agreement);
  return agreement;
}

static const LecternAgreementRow *
row (LecternAgreement *agreement,
     guint             i)
{
  g_assert_cmpuint (i, <, agreement->rows->len);
  return &g_array_index (agreement->rows, LecternAgreementRow, i);
}

static void
assert_formatted (double      value,
                  const char *expected)
{
  g_autofree char *text = lectern_agreement_format_value (value);

  g_assert_cmpstr (text, ==, expected);
}

/* Krippendorff (2011, "Computing Krippendorff's alpha-reliability", the
 * binary example): two observers, ten units,
 *   A: 0 1 0 0 0 0 0 0 1 0
 *   B: 1 1 1 0 0 1 0 0 0 0
 * read as a 10-character document, a character coded when its value is 1.
 * n11 = 1 (char 1), n10 = 1 (char 8), n01 = 3 (chars 0, 2, 5), n00 = 5.
 * agreement = 6/10.
 * κ: pA = .2, pB = .4, pe = .08 + .48 = .56, po = .6, κ = .04/.44 = 0.0909.
 * α: N = 20 values, n0 = 2·5 + 4 = 14, n1 = 2·1 + 4 = 6, o01 = 4,
 *    α = 1 − 19·4/(14·6) = 1 − 76/84 = 0.0952 — Krippendorff's 0.095. */
static void
test_krippendorff_binary (void)
{
  g_autoptr(LecternAgreementInput) input = input_new ();
  g_autoptr(LecternAgreement) agreement = NULL;
  const LecternAgreementRow *x;

  lectern_agreement_input_add_document (input, 1, 10);
  lectern_agreement_input_add_segment (input, 1, A, 1, 2, TAG_X);
  lectern_agreement_input_add_segment (input, 1, A, 8, 9, TAG_X);
  lectern_agreement_input_add_segment (input, 1, B, 0, 3, TAG_X);
  lectern_agreement_input_add_segment (input, 1, B, 5, 6, TAG_X);
  agreement = compute (input);

  g_assert_cmpuint (agreement->rows->len, ==, 2);
  x = row (agreement, 0);
  g_assert_cmpint (x->tag_id, ==, TAG_X);
  g_assert_cmpstr (x->path, ==, "x");
  g_assert_cmpint (x->n_chars, ==, 10);
  g_assert_cmpint (x->a_chars, ==, 2);
  g_assert_cmpint (x->b_chars, ==, 4);
  g_assert_cmpint (x->both_chars, ==, 1);
  g_assert_cmpfloat_with_epsilon (x->agreement, 0.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (x->kappa, 0.04 / 0.44, 1e-9);
  g_assert_cmpfloat_with_epsilon (x->alpha, 8.0 / 84.0, 1e-9);
  assert_formatted (x->alpha, "0.0952");
  assert_formatted (x->kappa, "0.0909");
}

/* The classic 2×2 table (as in Cohen's kappa's textbook presentations):
 * 50 items, both yes 20, A only 5, B only 10, neither 15.
 * As characters: A codes [0, 25), B codes [0, 20) and [25, 35).
 * po = 35/50 = .7; pA = .5, pB = .6; pe = .3 + .2 = .5; κ = .2/.5 = 0.4.
 * α: N = 100, n0 = 2·15 + 15 = 45, n1 = 2·20 + 15 = 55, o01 = 15,
 *    α = 1 − 99·15/(45·55) = 1 − 1485/2475 = 0.4. */
static void
test_cohen_table (void)
{
  g_autoptr(LecternAgreementInput) input = input_new ();
  g_autoptr(LecternAgreement) agreement = NULL;
  const LecternAgreementRow *x;

  lectern_agreement_input_add_document (input, 1, 50);
  lectern_agreement_input_add_segment (input, 1, A, 0, 25, TAG_X);
  lectern_agreement_input_add_segment (input, 1, B, 0, 20, TAG_X);
  lectern_agreement_input_add_segment (input, 1, B, 25, 35, TAG_X);
  agreement = compute (input);

  x = row (agreement, 0);
  g_assert_cmpfloat_with_epsilon (x->agreement, 0.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (x->kappa, 0.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (x->alpha, 0.4, 1e-9);
}

/* Krippendorff (1995, p. 57) example A, Bertha and Bill on 24 units:
 *   Bertha: 0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0
 *   Bill:   0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 0 0 0 0 0 0
 * Digitized: n11 = 6, n10 = 8, n01 = 0, n00 = 10. Published: κ = .385,
 * α = .329. By hand: pe = (14·6 + 10·18)/576 = 264/576, po = 16/24,
 * κ = (.6667 − .4583)/(1 − .4583) = 0.3846; α = 1 − 47·8/(28·20) = 0.3286.
 * Its unitizing uDo = 0.03125 (published): pairs [2,10)/[4,8): 2² + 2² = 8
 * and [14,20)/[15,17): 1² + 3² = 10, so 2·18 / (2·24²) = 36/1152. */
static void
test_krippendorff_1995 (void)
{
  g_autoptr(LecternAgreementInput) input = input_new ();
  g_autoptr(LecternAgreement) agreement = NULL;
  const LecternAgreementRow *x;

  lectern_agreement_input_add_document (input, 1, 24);
  lectern_agreement_input_add_segment (input, 1, A, 2, 10, TAG_X);
  lectern_agreement_input_add_segment (input, 1, A, 14, 20, TAG_X);
  lectern_agreement_input_add_segment (input, 1, B, 4, 8, TAG_X);
  lectern_agreement_input_add_segment (input, 1, B, 15, 17, TAG_X);
  agreement = compute (input);

  x = row (agreement, 0);
  g_assert_cmpfloat_with_epsilon (x->kappa, 0.385, 0.0005);
  g_assert_cmpfloat_with_epsilon (x->alpha, 0.329, 0.0005);
  g_assert_cmpfloat_with_epsilon (x->u_observed, 0.03125, 1e-12);
}

/* Krippendorff (2004, Content Analysis, p. 254): two observers on the
 * continuum [150, 450) — here one document of 300 characters, every
 * position minus 150 — with two categories:
 *   c: i [75,145) [220,250)          j [70,150) [205,225) [250,270)
 *   k: i [30,90) [150,200)           j the same
 * Published: uDo_c = .0144, uDe_c = .0532, αu_c = .7286; αu_k = 1;
 * αu over both = .8591.
 *
 * By hand, c. L = 300.
 *   uDo: overlapping pairs with δ² ≠ 0: [75,145)/[70,150): 5² + 5² = 50;
 *   [220,250)/[205,225): 15² + 25² = 850; j's unit [250,270) inside i's gap
 *   [250,300): 20² = 400. Σ = 1300, both orders 2600, / (2·1·300²):
 *   uDo = 2600/180000 = 0.014444.
 *   uDe: units 70, 30, 80, 20, 20 (N_c = 5); gaps i 75, 75, 50 and
 *   j 70, 55, 25, 30. Denominator 600·599 − (70·69 + 30·29 + 80·79 +
 *   2·20·19) = 359400 − 12780 = 346620. Per unit, 4·(2l³ − 3l² + l)/3 +
 *   l²·Σ_{gap ≥ l} (gap − l + 1):
 *     l = 70: 895160 + 4900·(6 + 6 + 1)                = 958860
 *     l = 30: 68440 + 900·(46 + 46 + 41 + 26 + 21 + 1) = 231340
 *     l = 80: 1339840 + 0                             = 1339840
 *     l = 20: 19760 + 400·247, twice                   = 237120
 *   Σ = 2767160; uDe = (2/300)·2767160 / 346620 = 0.053222.
 *   αu_c = 1 − 0.014444/0.053222 = 0.72860.
 * k: uDo = 0; uDe: units 60, 50 twice, gaps 30, 60, 100 twice;
 *   denominator 359400 − 2·(3540 + 2450) = 347420; l = 60: 421260 + 3600·84
 *   = 723660, l = 50: 242550 + 2500·124 = 552550, each twice: 2552420;
 *   uDe = (2/300)·2552420/347420 = 0.048979.
 * Overall αu = 1 − (0.014444 + 0)/(0.053222 + 0.048979) = 0.85867 (the
 * published .8591 within its rounding).
 * Passages matched, c: i [75,145) and j [70,150) overlap by 70 ≥ 35 and
 * ≥ 40: both matched; i [220,250) overlaps j [205,225) by 5 only; so
 * 2 of 5 passages. k: all 4. */
static void
test_unitizing_krippendorff_2004 (void)
{
  g_autoptr(LecternAgreementInput) input = lectern_agreement_input_new ("i", "j");
  g_autoptr(LecternAgreement) agreement = NULL;
  const LecternAgreementRow *c, *k, *all;

  lectern_agreement_input_add_tag (input, TAG_X, "c");
  lectern_agreement_input_add_tag (input, TAG_Y, "k");
  lectern_agreement_input_add_document (input, 1, 300);
  lectern_agreement_input_add_segment (input, 1, A, 75, 145, TAG_X);
  lectern_agreement_input_add_segment (input, 1, A, 220, 250, TAG_X);
  lectern_agreement_input_add_segment (input, 1, B, 70, 150, TAG_X);
  lectern_agreement_input_add_segment (input, 1, B, 205, 225, TAG_X);
  lectern_agreement_input_add_segment (input, 1, B, 250, 270, TAG_X);
  lectern_agreement_input_add_segment (input, 1, A, 30, 90, TAG_Y);
  lectern_agreement_input_add_segment (input, 1, A, 150, 200, TAG_Y);
  lectern_agreement_input_add_segment (input, 1, B, 30, 90, TAG_Y);
  lectern_agreement_input_add_segment (input, 1, B, 150, 200, TAG_Y);
  agreement = compute (input);

  g_assert_cmpuint (agreement->rows->len, ==, 3);
  c = row (agreement, 0);
  k = row (agreement, 1);
  all = row (agreement, 2);
  g_assert_true (all == lectern_agreement_get_overall (agreement));

  g_assert_cmpfloat_with_epsilon (c->u_observed, 2600.0 / 180000.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (c->u_expected, (2.0 / 300.0) * 2767160.0 / 346620.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (c->u_observed, 0.0144, 0.00005);
  g_assert_cmpfloat_with_epsilon (c->u_expected, 0.0532, 0.00005);
  g_assert_cmpfloat_with_epsilon (c->u_alpha, 0.7286, 0.00005);
  g_assert_cmpfloat_with_epsilon (k->u_observed, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (k->u_expected, (2.0 / 300.0) * 2552420.0 / 347420.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (k->u_alpha, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (all->u_alpha, 0.85867, 0.00001);
  g_assert_cmpfloat_with_epsilon (all->u_alpha, 0.8591, 0.0005);

  g_assert_cmpuint (c->a_passages, ==, 2);
  g_assert_cmpuint (c->b_passages, ==, 3);
  g_assert_cmpuint (c->a_matched, ==, 1);
  g_assert_cmpuint (c->b_matched, ==, 1);
  g_assert_cmpfloat_with_epsilon (c->matched, 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (k->matched, 1.0, 1e-12);
  /* Pooled: 6 of 9 passages. */
  g_assert_cmpuint (all->a_passages + all->b_passages, ==, 9);
  g_assert_cmpfloat_with_epsilon (all->matched, 6.0 / 9.0, 1e-12);
}

/* Kappa over coded text. A 100-character document; code x: A [0, 20),
 * B [0, 15); code y, by both, [20, 40). Text coded by anyone: [0, 40).
 * Over every character: n11 = 15, n10 = 5, n01 = 0, n00 = 80,
 *   κ = 2(15·80 − 0)/(20·85 + 15·80) = 2400/2900 = 0.8276.
 * Over the 40 coded characters: n00 = 20,
 *   κ = 2(15·20)/(20·25 + 15·20) = 600/800 = 0.75.
 * And x's row is the same when y is not reported: y's passages still
 * tell which text was coded. */
static void
test_coded_kappa (void)
{
  for (guint report_y = 0; report_y < 2; report_y++)
    {
      g_autoptr(LecternAgreementInput) input = input_new ();
      g_autoptr(LecternAgreement) agreement = NULL;
      const LecternAgreementRow *x;

      if (report_y)
        lectern_agreement_input_add_tag (input, TAG_Y, "y");
      lectern_agreement_input_add_document (input, 1, 100);
      lectern_agreement_input_add_segment (input, 1, A, 0, 20, TAG_X);
      lectern_agreement_input_add_segment (input, 1, B, 0, 15, TAG_X);
      lectern_agreement_input_add_segment (input, 1, A, 20, 40, TAG_Y);
      lectern_agreement_input_add_segment (input, 1, B, 20, 40, TAG_Y);
      agreement = compute (input);

      g_assert_cmpuint (agreement->rows->len, ==, report_y ? 3 : 2);
      x = row (agreement, 0);
      g_assert_cmpint (x->coded_chars, ==, 40);
      g_assert_cmpfloat_with_epsilon (x->kappa, 2400.0 / 2900.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (x->coded_kappa, 0.75, 1e-12);
    }
}

/* Overlapping passages of one coder with one code count once: A codes
 * [0, 10) and [5, 15), B codes [0, 15): the same characters, one passage
 * each, perfect agreement with variation (κ = α = αu = 1), nothing to
 * adjudicate. */
static void
test_union_and_no_disagreement (void)
{
  g_autoptr(LecternAgreementInput) input = input_new ();
  g_autoptr(LecternAgreement) agreement = NULL;
  const LecternAgreementRow *x;

  lectern_agreement_input_add_document (input, 1, 30);
  lectern_agreement_input_add_segment (input, 1, A, 0, 10, TAG_X);
  lectern_agreement_input_add_segment (input, 1, A, 5, 15, TAG_X);
  lectern_agreement_input_add_segment (input, 1, B, 0, 15, TAG_X);
  agreement = compute (input);

  x = row (agreement, 0);
  g_assert_cmpint (x->a_chars, ==, 15);
  g_assert_cmpint (x->both_chars, ==, 15);
  g_assert_cmpuint (x->a_passages, ==, 1);
  g_assert_cmpfloat (x->agreement, ==, 1.0);
  g_assert_cmpfloat (x->kappa, ==, 1.0);
  g_assert_cmpfloat (x->alpha, ==, 1.0);
  g_assert_cmpfloat (x->u_alpha, ==, 1.0);
  g_assert_cmpfloat (x->matched, ==, 1.0);
  g_assert_cmpuint (agreement->disagreements->len, ==, 0);
}

/* No variation: both coded all of the text with x, and z is reported but
 * nobody used it. κ and α are 0/0 — undefined, shown "-", never a 1 that
 * would call an unused code reliable. Percentage agreement is still what
 * it is (1). For x, αu is defined: uDo = 0 and
 * uDe = (2/10)·2·(2000 − 300 + 10)/3 / (20·19 − 2·90) = 1.14, so αu = 1. */
static void
test_no_variation (void)
{
  g_autoptr(LecternAgreementInput) input = input_new ();
  g_autoptr(LecternAgreement) agreement = NULL;
  const LecternAgreementRow *x, *z;

  lectern_agreement_input_add_tag (input, TAG_Z, "z");
  lectern_agreement_input_add_document (input, 1, 10);
  lectern_agreement_input_add_segment (input, 1, A, 0, 10, TAG_X);
  lectern_agreement_input_add_segment (input, 1, B, 0, 10, TAG_X);
  agreement = compute (input);

  x = row (agreement, 0);
  g_assert_cmpfloat (x->agreement, ==, 1.0);
  g_assert_true (isnan (x->kappa));
  g_assert_true (isnan (x->alpha));
  g_assert_true (isnan (x->coded_kappa));
  assert_formatted (x->kappa, "-");
  g_assert_cmpfloat_with_epsilon (x->u_expected, 1.14, 1e-12);
  g_assert_cmpfloat (x->u_alpha, ==, 1.0);

  z = row (agreement, 1);
  g_assert_cmpstr (z->path, ==, "z");
  g_assert_cmpint (z->a_chars + z->b_chars, ==, 0);
  g_assert_cmpfloat (z->agreement, ==, 1.0);
  g_assert_true (isnan (z->kappa));
  g_assert_true (isnan (z->alpha));
  g_assert_true (isnan (z->coded_kappa));
  g_assert_true (isnan (z->u_alpha));
  g_assert_true (isnan (z->matched));
}

/* A code only one coder used. A 10-character document both coded; x: A
 * [0, 3), B none (B coded y at [5, 7)).
 *   n11 = 0, n10 = 3, n01 = 0, n00 = 7: agreement .7; κ = 0 (po = pe);
 *   α = 1 − 19·3/(17·3) = (1 − 3)/(20 − 3) = −2/17.
 *   αu: A's unit [0,3) lies in B's gap [0,10): uDo = 3²/10² = .09;
 *   uDe = (2/10)·(0 + 9·((7 − 3 + 1) + (10 − 3 + 1)))/(20·19 − 3·2)
 *       = 23.4/374; αu = 1 − .09·374/23.4 = −0.43846.
 *   Nothing matched; one disagreement, A's [0, 3). */
static void
test_code_absent_from_one_side (void)
{
  g_autoptr(LecternAgreementInput) input = input_new ();
  g_autoptr(LecternAgreement) agreement = NULL;
  const LecternAgreementRow *x;
  const LecternDisagreement *d;

  lectern_agreement_input_add_document (input, 4, 10);
  lectern_agreement_input_add_segment (input, 4, A, 0, 3, TAG_X);
  lectern_agreement_input_add_segment (input, 4, B, 5, 7, TAG_Y);
  agreement = compute (input);

  x = row (agreement, 0);
  g_assert_cmpint (x->b_chars, ==, 0);
  g_assert_cmpfloat_with_epsilon (x->agreement, 0.7, 1e-12);
  g_assert_cmpfloat (x->kappa, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (x->alpha, -2.0 / 17.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (x->u_observed, 0.09, 1e-12);
  g_assert_cmpfloat_with_epsilon (x->u_expected, 23.4 / 374.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (x->u_alpha, -0.43846, 0.00001);
  g_assert_cmpfloat (x->matched, ==, 0.0);

  /* Only reported codes are listed. */
  g_assert_cmpuint (agreement->disagreements->len, ==, 1);
  d = &g_array_index (agreement->disagreements, LecternDisagreement, 0);
  g_assert_cmpint (d->document_id, ==, 4);
  g_assert_cmpint (d->start, ==, 0);
  g_assert_cmpint (d->end, ==, 3);
  g_assert_cmpint (d->tag_id, ==, TAG_X);
  g_assert_cmpint (d->coder, ==, A);
}

/* A clear refusal, never a vacuous 1.0, when there is nothing both coded:
 * no documents at all, one coder who coded nothing, or coders who each
 * coded other documents. */
static void
test_no_shared_documents (void)
{
  for (guint c = 0; c < 3; c++)
    {
      g_autoptr(LecternAgreementInput) input = input_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(LecternAgreement) agreement = NULL;

      if (c >= 1)
        {
          lectern_agreement_input_add_document (input, 1, 10);
          lectern_agreement_input_add_segment (input, 1, A, 0, 3, TAG_X);
        }
      if (c == 2)
        {
          lectern_agreement_input_add_document (input, 2, 10);
          lectern_agreement_input_add_segment (input, 2, B, 0, 3, TAG_X);
        }
      agreement = lectern_agreement_compute (input, NULL, &error);
      g_assert_error (error, LECTERN_AGREEMENT_ERROR, LECTERN_AGREEMENT_ERROR_NO_SHARED_DOCUMENTS);
      g_assert_null (agreement);
      g_assert_nonnull (strstr (error->message, "Ann"));
      g_assert_nonnull (strstr (error->message, "Bob"));
    }
}

/* A document only one coder coded is left out of every count. */
static void
test_skips_documents_one_coded (void)
{
  g_autoptr(LecternAgreementInput) input = input_new ();
  g_autoptr(LecternAgreement) agreement = NULL;
  const LecternAgreementRow *x;

  lectern_agreement_input_add_document (input, 1, 1000);
  lectern_agreement_input_add_segment (input, 1, A, 0, 500, TAG_X);
  lectern_agreement_input_add_document (input, 2, 10);
  lectern_agreement_input_add_segment (input, 2, A, 0, 5, TAG_X);
  lectern_agreement_input_add_segment (input, 2, B, 0, 5, TAG_X);
  agreement = compute (input);

  g_assert_cmpuint (agreement->n_documents, ==, 1);
  g_assert_cmpuint (agreement->n_documents_skipped, ==, 1);
  x = row (agreement, 0);
  g_assert_cmpint (x->n_chars, ==, 10);
  g_assert_cmpint (x->a_chars, ==, 5);
  g_assert_cmpfloat (x->kappa, ==, 1.0);
  g_assert_cmpuint (agreement->disagreements->len, ==, 0);
}

/* Matching needs half of each passage: one long passage does not match
 * the short ones inside it, nor they it; exactly half does match. */
static void
test_matched_by_half_of_each (void)
{
  struct { glong a0, a1, b0, b1, b2, b3; guint matched; } cases[] = {
    { 0, 100, 10, 20, 40, 60, 0 },  /* 10 and 20 of 100: neither way */
    { 0, 100, 0, 60, 0, 0, 2 },     /* 60: over half of both */
    { 0, 10, 5, 15, 0, 0, 2 },      /* 5 of 10 and 10: exactly half */
    { 0, 10, 6, 16, 0, 0, 0 },      /* 4 of 10 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LecternAgreementInput) input = input_new ();
      g_autoptr(LecternAgreement) agreement = NULL;
      const LecternAgreementRow *x;

      lectern_agreement_input_add_document (input, 1, 200);
      lectern_agreement_input_add_segment (input, 1, A, cases[i].a0, cases[i].a1, TAG_X);
      lectern_agreement_input_add_segment (input, 1, B, cases[i].b0, cases[i].b1, TAG_X);
      lectern_agreement_input_add_segment (input, 1, B, cases[i].b2, cases[i].b3, TAG_X);
      agreement = compute (input);

      x = row (agreement, 0);
      g_assert_cmpuint (x->a_matched + x->b_matched, ==, cases[i].matched);
    }
}

/* The disagreement list: maximal ranges, in each document's own
 * positions, by document in the order given, then start; a passage ending
 * a document and one starting the next stay two passages. */
static void
test_disagreements (void)
{
  g_autoptr(LecternAgreementInput) input = input_new ();
  g_autoptr(LecternAgreement) agreement = NULL;
  struct { gint64 doc; glong start, end; gint64 tag; LecternAgreementCoder coder; } expected[] = {
    { 7, 0, 4, TAG_Y, A },
    { 7, 2, 5, TAG_X, A },
    { 7, 10, 15, TAG_X, B },
    { 7, 18, 20, TAG_X, A },
    { 9, 0, 3, TAG_X, A },
    { 9, 4, 6, TAG_X, A },
    { 9, 7, 10, TAG_X, A },
    { 9, 10, 12, TAG_X, B },
  };

  lectern_agreement_input_add_tag (input, TAG_Y, "y");
  lectern_agreement_input_add_document (input, 7, 20);
  lectern_agreement_input_add_document (input, 9, 12);
  /* Document 7. */
  lectern_agreement_input_add_segment (input, 7, A, 2, 10, TAG_X);
  lectern_agreement_input_add_segment (input, 7, B, 5, 15, TAG_X);
  lectern_agreement_input_add_segment (input, 7, A, 0, 4, TAG_Y);
  lectern_agreement_input_add_segment (input, 7, A, 18, 20, TAG_X);
  /* Document 9: A's [0, 10) has B's [3, 4) and [6, 7) inside; A's
   * passage at the end of 7 and this one at the start of 9 are two. */
  lectern_agreement_input_add_segment (input, 9, A, 0, 10, TAG_X);
  lectern_agreement_input_add_segment (input, 9, B, 3, 4, TAG_X);
  lectern_agreement_input_add_segment (input, 9, B, 6, 7, TAG_X);
  lectern_agreement_input_add_segment (input, 9, B, 10, 12, TAG_X);
  agreement = compute (input);

  g_assert_cmpuint (row (agreement, 0)->a_passages, ==, 3);
  g_assert_cmpuint (agreement->disagreements->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const LecternDisagreement *d = &g_array_index (agreement->disagreements, LecternDisagreement, i);

      g_assert_cmpint (d->document_id, ==, expected[i].doc);
      g_assert_cmpint (d->start, ==, expected[i].start);
      g_assert_cmpint (d->end, ==, expected[i].end);
      g_assert_cmpint (d->tag_id, ==, expected[i].tag);
      g_assert_cmpint (d->coder, ==, expected[i].coder);
    }
}

/* The overall row pools (character, code) pairs. Two codes on a
 * 10-character document: x as in test_code_absent_from_one_side (A [0,3)),
 * y: A [5, 7), B [5, 8). Pooled over 20 pairs: a = 5, b = 3, both = 2;
 * n11 = 2, n10 = 3, n01 = 1, n00 = 14; agreement 16/20;
 * κ = 2(2·14 − 3·1)/(5·17 + 3·15) = 50/130. */
static void
test_overall_row (void)
{
  g_autoptr(LecternAgreementInput) input = input_new ();
  g_autoptr(LecternAgreement) agreement = NULL;
  const LecternAgreementRow *all;

  lectern_agreement_input_add_tag (input, TAG_Y, "y");
  lectern_agreement_input_add_document (input, 1, 10);
  lectern_agreement_input_add_segment (input, 1, A, 0, 3, TAG_X);
  lectern_agreement_input_add_segment (input, 1, A, 5, 7, TAG_Y);
  lectern_agreement_input_add_segment (input, 1, B, 5, 8, TAG_Y);
  agreement = compute (input);

  all = lectern_agreement_get_overall (agreement);
  g_assert_cmpstr (all->path, ==, "*");
  g_assert_cmpint (all->tag_id, ==, 0);
  g_assert_cmpint (all->n_chars, ==, 20);
  g_assert_cmpint (all->a_chars, ==, 5);
  g_assert_cmpint (all->b_chars, ==, 3);
  g_assert_cmpint (all->both_chars, ==, 2);
  g_assert_cmpfloat_with_epsilon (all->agreement, 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (all->kappa, 50.0 / 130.0, 1e-12);
}

/* Bad input is refused with a message naming the document. */
static void
test_invalid (void)
{
  for (guint c = 0; c < 3; c++)
    {
      g_autoptr(LecternAgreementInput) input = input_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(LecternAgreement) agreement = NULL;

      lectern_agreement_input_add_document (input, 5, 10);
      lectern_agreement_input_add_segment (input, 5, B, 0, 2, TAG_X);
      if (c == 0)
        lectern_agreement_input_add_segment (input, 5, A, 8, 11, TAG_X);
      else if (c == 1)
        lectern_agreement_input_add_segment (input, 6, A, 0, 1, TAG_X);
      else
        lectern_agreement_input_add_document (input, 5, 10);
      agreement = lectern_agreement_compute (input, NULL, &error);
      g_assert_error (error, LECTERN_AGREEMENT_ERROR, LECTERN_AGREEMENT_ERROR_INVALID);
      g_assert_null (agreement);
      g_assert_nonnull (strstr (error->message, c == 1 ? "6" : "5"));
    }
}

/* Several documents are one continuum, end to end, in the order given.
 * Documents 1 and 2, 10 characters each; x: A [0, 5) in both, B [0, 5) in
 * 1 only (B coded 2 with y, unreported). On the continuum (L = 20):
 * A [0,5) [10,15), B [0,5).
 *   uDo: A's [10,15) lies in B's gap [5,20): 5² = 25, both orders 50,
 *        / (2·20²) = 0.0625.
 *   uDe: units 5, 5, 5 (N_c = 3); gaps A 5, 5 and B 15; denominator
 *        40·39 − 3·5·4 = 1500; each unit 2·(250 − 75 + 5)/3 +
 *        25·(1 + 1 + 11) = 120 + 325 = 445, three: 1335;
 *        uDe = (2/20)·1335/1500 = 0.089.
 *   αu = 1 − 0.0625/0.089 = 0.29775. */
static void
test_unitizing_documents (void)
{
  g_autoptr(LecternAgreementInput) input = input_new ();
  g_autoptr(LecternAgreement) agreement = NULL;
  const LecternAgreementRow *x;

  lectern_agreement_input_add_document (input, 1, 10);
  lectern_agreement_input_add_document (input, 2, 10);
  lectern_agreement_input_add_segment (input, 1, A, 0, 5, TAG_X);
  lectern_agreement_input_add_segment (input, 2, A, 0, 5, TAG_X);
  lectern_agreement_input_add_segment (input, 1, B, 0, 5, TAG_X);
  lectern_agreement_input_add_segment (input, 2, B, 8, 9, TAG_Y);
  agreement = compute (input);

  g_assert_cmpuint (agreement->n_documents, ==, 2);
  x = row (agreement, 0);
  g_assert_cmpint (x->n_chars, ==, 20);
  g_assert_cmpfloat_with_epsilon (x->u_observed, 0.0625, 1e-12);
  g_assert_cmpfloat_with_epsilon (x->u_expected, 0.089, 1e-12);
  g_assert_cmpfloat_with_epsilon (x->u_alpha, 1.0 - 0.0625 / 0.089, 1e-12);
}

/* The table and the list as the CLI prints them and CSV holds them. */
static void
test_cells (void)
{
  g_autoptr(LecternAgreementInput) input = input_new ();
  g_autoptr(LecternAgreement) agreement = NULL;
  g_auto(GStrv) x = NULL;
  g_auto(GStrv) z = NULL;
  g_auto(GStrv) all = NULL;
  g_auto(GStrv) d = NULL;
  const char *expected_x[] = { "x", "0.7000", "0.0000", "-0.1176", "3", "0", "0",
                               "0.0000", "-0.4385", "0.0000", NULL };
  const char *expected_z[] = { "z", "1.0000", "-", "-", "0", "0", "0", "-", "-", "-", NULL };

  lectern_agreement_input_add_tag (input, TAG_Z, "z");
  lectern_agreement_input_add_document (input, 4, 10);
  lectern_agreement_input_add_segment (input, 4, A, 0, 3, TAG_X);
  lectern_agreement_input_add_segment (input, 4, B, 5, 7, TAG_Y);
  agreement = compute (input);

  g_assert_cmpuint (g_strv_length ((GStrv) lectern_agreement_get_columns ()), ==, LECTERN_AGREEMENT_N_COLUMNS);
  g_assert_cmpstr (lectern_agreement_get_columns ()[0], ==, "TAG");
  g_assert_cmpstr (lectern_agreement_get_columns ()[9], ==, "MATCHED");
  x = lectern_agreement_row_to_cells (row (agreement, 0));
  z = lectern_agreement_row_to_cells (row (agreement, 1));
  all = lectern_agreement_row_to_cells (lectern_agreement_get_overall (agreement));
  g_assert_cmpstrv (x, expected_x);
  g_assert_cmpstrv (z, expected_z);
  g_assert_cmpstr (all[0], ==, "*");

  g_assert_cmpuint (g_strv_length ((GStrv) lectern_disagreement_get_columns ()), ==, LECTERN_DISAGREEMENT_N_COLUMNS);
  g_assert_cmpuint (agreement->disagreements->len, ==, 1);
  d = lectern_disagreement_to_cells (agreement, 0);
  g_assert_cmpstr (d[0], ==, "4");
  g_assert_cmpstr (d[1], ==, "0");
  g_assert_cmpstr (d[2], ==, "3");
  g_assert_cmpstr (d[3], ==, "x");
  g_assert_cmpstr (d[4], ==, "Ann");
}

static void
test_format (void)
{
  assert_formatted (NAN, "-");
  assert_formatted (0.4, "0.4000");
  assert_formatted (-1e-9, "0.0000");
  assert_formatted (-0.117647, "-0.1176");
  assert_formatted (1.0, "1.0000");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/Agreement/characters/krippendorff-binary", test_krippendorff_binary);
  g_test_add_func ("/Lectern/Agreement/characters/cohen-table", test_cohen_table);
  g_test_add_func ("/Lectern/Agreement/characters/krippendorff-1995", test_krippendorff_1995);
  g_test_add_func ("/Lectern/Agreement/characters/coded-kappa", test_coded_kappa);
  g_test_add_func ("/Lectern/Agreement/unitizing/krippendorff-2004", test_unitizing_krippendorff_2004);
  g_test_add_func ("/Lectern/Agreement/unitizing/documents", test_unitizing_documents);
  g_test_add_func ("/Lectern/Agreement/union-and-no-disagreement", test_union_and_no_disagreement);
  g_test_add_func ("/Lectern/Agreement/edge/no-variation", test_no_variation);
  g_test_add_func ("/Lectern/Agreement/edge/code-absent-from-one-side", test_code_absent_from_one_side);
  g_test_add_func ("/Lectern/Agreement/edge/no-shared-documents", test_no_shared_documents);
  g_test_add_func ("/Lectern/Agreement/edge/skips-documents-one-coded", test_skips_documents_one_coded);
  g_test_add_func ("/Lectern/Agreement/matched/half-of-each", test_matched_by_half_of_each);
  g_test_add_func ("/Lectern/Agreement/disagreements", test_disagreements);
  g_test_add_func ("/Lectern/Agreement/overall", test_overall_row);
  g_test_add_func ("/Lectern/Agreement/invalid", test_invalid);
  g_test_add_func ("/Lectern/Agreement/cells", test_cells);
  g_test_add_func ("/Lectern/Agreement/format", test_format);
  return g_test_run ();
}
