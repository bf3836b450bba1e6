/* test-stripe-layout.c — the columns of the reader's coding stripes: bars
 * of different codes that overlap never share a column; a code keeps one
 * column. Pure logic, no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-stripe-layout.h"

static void
assert_layout (const LecternStripe *stripes,
               guint                n,
               const guint         *columns,
               guint                n_columns)
{
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (columns[i], <, n_columns);
      for (guint j = 0; j < n; j++)
        {
          gboolean overlap = stripes[i].y0 < stripes[j].y1 && stripes[j].y0 < stripes[i].y1;

          if (stripes[i].code == stripes[j].code)
            g_assert_cmpuint (columns[i], ==, columns[j]);
          else if (overlap)
            g_assert_cmpuint (columns[i], !=, columns[j]);
        }
    }
}

static void
test_three_codes (void)
{
  /* Code 7 runs over the whole stretch, 3 inside it, 5 across the end of
   * 3; a second passage of 3 lies below everything. */
  const LecternStripe stripes[] = {
    { 7, 0, 100 },
    { 3, 20, 60 },
    { 5, 50, 120 },
    { 3, 200, 240 },
    { 9, 130, 150 },
  };
  guint columns[G_N_ELEMENTS (stripes)];
  guint n = lectern_stripe_layout_assign (stripes, G_N_ELEMENTS (stripes), columns);

  g_assert_cmpuint (n, ==, 3);
  assert_layout (stripes, G_N_ELEMENTS (stripes), columns, n);
  /* In order from the top: 7 first, then 3, then 5; 9 overlaps nothing. */
  g_assert_cmpuint (columns[0], ==, 0);
  g_assert_cmpuint (columns[1], ==, 1);
  g_assert_cmpuint (columns[2], ==, 2);
  g_assert_cmpuint (columns[4], ==, 0);
}

static void
test_order_independent (void)
{
  const LecternStripe a[] = { { 2, 0, 10 }, { 1, 0, 10 }, { 3, 5, 30 } };
  const LecternStripe b[] = { { 3, 5, 30 }, { 1, 0, 10 }, { 2, 0, 10 } };
  guint ca[3], cb[3];

  g_assert_cmpuint (lectern_stripe_layout_assign (a, 3, ca), ==, 3);
  g_assert_cmpuint (lectern_stripe_layout_assign (b, 3, cb), ==, 3);
  /* Same tops: the lower id takes the first column, whatever the input
   * order, so a redraw never swaps two codes. */
  g_assert_cmpuint (ca[1], ==, 0);
  g_assert_cmpuint (ca[0], ==, 1);
  g_assert_cmpuint (cb[1], ==, 0);
  g_assert_cmpuint (cb[2], ==, 1);
  g_assert_cmpuint (ca[2], ==, cb[0]);
}

static void
test_random (void)
{
  for (guint round = 0; round < 200; round++)
    {
      guint n = g_test_rand_int_range (0, 40);
      g_autofree LecternStripe *stripes = g_new0 (LecternStripe, MAX (n, 1));
      g_autofree guint *columns = g_new0 (guint, MAX (n, 1));
      guint n_columns;

      for (guint i = 0; i < n; i++)
        {
          stripes[i].code = g_test_rand_int_range (1, 9);
          stripes[i].y0 = g_test_rand_int_range (0, 500);
          stripes[i].y1 = stripes[i].y0 + g_test_rand_int_range (1, 120);
        }
      n_columns = lectern_stripe_layout_assign (stripes, n, columns);
      g_assert_cmpuint (n_columns, <=, 8);
      g_assert_true (n > 0 || n_columns == 0);
      assert_layout (stripes, n, columns, n_columns);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Lectern/StripeLayout/three-codes", test_three_codes);
  g_test_add_func ("/Lectern/StripeLayout/order-independent", test_order_independent);
  g_test_add_func ("/Lectern/StripeLayout/random", test_random);
  return g_test_run ();
}
