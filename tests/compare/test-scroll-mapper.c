/* test-scroll-mapper.c — synchronised scrolling maps a place in one text
 * to the matching place in the other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-compare.h"

/* "Hello world. " (13) kept, "New words. " (11) inserted on the right,
 * "The end." (8) kept, with one word replaced by a longer one:
 *   A: "Hello world. The end."                 (21)
 *   B: "Hello world. New words. The grand end." (38) */
static const LecternChunk versions[] = {
  { LECTERN_CHUNK_EQUAL, 0, 13, 0, 13, 1 },
  { LECTERN_CHUNK_INSERT, 13, 13, 13, 24, 1 },
  { LECTERN_CHUNK_EQUAL, 13, 17, 24, 28, 1 },
  { LECTERN_CHUNK_REPLACE, 17, 17, 28, 34, 1 },
  { LECTERN_CHUNK_EQUAL, 17, 21, 34, 38, 1 },
};

static void
test_equal_proportional (void)
{
  const LecternChunk pair[] = { { LECTERN_CHUNK_PAIR, 0, 100, 0, 200, 0.9 } };
  g_autoptr(LecternScrollMapper) mapper = lectern_scroll_mapper_new (pair, 1, 100, 200);

  /* Equal chunks map offset for offset. */
  for (glong i = 0; i < 13; i++)
    {
      g_autoptr(LecternScrollMapper) m = lectern_scroll_mapper_new (versions, G_N_ELEMENTS (versions), 21, 38);

      g_assert_cmpint (lectern_scroll_mapper_map (m, 0, i), ==, i);
      g_assert_cmpint (lectern_scroll_mapper_map (m, 1, i), ==, i);
    }

  /* A pair twice as long on the right: halfway is halfway. */
  g_assert_cmpint (lectern_scroll_mapper_map (mapper, 0, 0), ==, 0);
  g_assert_cmpint (lectern_scroll_mapper_map (mapper, 0, 25), ==, 50);
  g_assert_cmpint (lectern_scroll_mapper_map (mapper, 0, 50), ==, 100);
  g_assert_cmpint (lectern_scroll_mapper_map (mapper, 0, 100), ==, 200);
  g_assert_cmpint (lectern_scroll_mapper_map (mapper, 1, 100), ==, 50);
  g_assert_cmpint (lectern_scroll_mapper_map (mapper, 1, 150), ==, 75);
}

static void
test_insertion_anchor (void)
{
  g_autoptr(LecternScrollMapper) mapper = lectern_scroll_mapper_new (versions, G_N_ELEMENTS (versions), 21, 38);
  glong s, e, os, oe;

  /* Anywhere inside the words inserted on the right maps to the place
   * they were inserted at on the left. */
  for (glong i = 13; i < 24; i++)
    g_assert_cmpint (lectern_scroll_mapper_map (mapper, 1, i), ==, 13);
  /* So does the replacement's longer side. */
  for (glong i = 28; i < 34; i++)
    g_assert_cmpint (lectern_scroll_mapper_map (mapper, 1, i), ==, 17);

  /* The text after an insertion maps past it. */
  g_assert_cmpint (lectern_scroll_mapper_map (mapper, 0, 13), ==, 24);
  g_assert_cmpint (lectern_scroll_mapper_map (mapper, 0, 15), ==, 26);
  g_assert_cmpint (lectern_scroll_mapper_map (mapper, 1, 26), ==, 15);

  /* The span around a place inside the insertion: empty on the left. */
  g_assert_true (lectern_scroll_mapper_get_span (mapper, 1, 20, &s, &e, &os, &oe));
  g_assert_cmpint (s, ==, 13);
  g_assert_cmpint (e, ==, 24);
  g_assert_cmpint (os, ==, 13);
  g_assert_cmpint (oe, ==, 13);
}

static void
assert_monotonic (LecternScrollMapper *mapper,
                  guint                side,
                  glong                length,
                  glong                other_length)
{
  glong last = 0;

  for (glong i = 0; i <= length; i++)
    {
      glong mapped = lectern_scroll_mapper_map (mapper, side, i);

      g_assert_cmpint (mapped, >=, last);
      g_assert_cmpint (mapped, <=, other_length);
      last = mapped;
    }
  g_assert_cmpint (lectern_scroll_mapper_map (mapper, side, 0), ==, 0);
  g_assert_cmpint (last, ==, other_length);
}

static void
test_monotonic (void)
{
  /* Shared passages may cross: a quotation moved up. The crossing one is
   * not an anchor, so the mapping still only goes forward. */
  const LecternChunk shared[] = {
    { LECTERN_CHUNK_SHARED, 10, 30, 200, 220, 0.8 },
    { LECTERN_CHUNK_SHARED, 50, 70, 20, 40, 0.7 },
    { LECTERN_CHUNK_SHARED, 80, 90, 250, 260, 0.9 },
  };
  /* Translation pairs with a segment only on the left. */
  const LecternChunk pairs[] = {
    { LECTERN_CHUNK_PAIR, 0, 40, 0, 55, 0.9 },
    { LECTERN_CHUNK_PAIR, 40, 60, -1, -1, 0 },
    { LECTERN_CHUNK_PAIR, 60, 100, 55, 90, 0.8 },
  };
  g_autoptr(LecternScrollMapper) v = lectern_scroll_mapper_new (versions, G_N_ELEMENTS (versions), 21, 38);
  g_autoptr(LecternScrollMapper) s = lectern_scroll_mapper_new (shared, G_N_ELEMENTS (shared), 100, 300);
  g_autoptr(LecternScrollMapper) p = lectern_scroll_mapper_new (pairs, G_N_ELEMENTS (pairs), 100, 90);
  g_autoptr(LecternScrollMapper) none = lectern_scroll_mapper_new (NULL, 0, 40, 80);

  for (guint side = 0; side < 2; side++)
    {
      assert_monotonic (v, side, side ? 38 : 21, side ? 21 : 38);
      assert_monotonic (s, side, side ? 300 : 100, side ? 100 : 300);
      assert_monotonic (p, side, side ? 90 : 100, side ? 100 : 90);
      assert_monotonic (none, side, side ? 80 : 40, side ? 40 : 80);
    }

  /* The pairs on both sides of the unpaired segment stay side by side. */
  g_assert_cmpint (lectern_scroll_mapper_map (p, 0, 20), ==, 28);
  g_assert_cmpint (lectern_scroll_mapper_map (p, 1, 55), ==, 60);
  g_assert_cmpint (lectern_scroll_mapper_map (p, 0, 80), ==, 73);
  /* No chunks: the texts map in proportion to their lengths. */
  g_assert_cmpint (lectern_scroll_mapper_map (none, 0, 10), ==, 20);
  g_assert_cmpint (lectern_scroll_mapper_map (none, 1, 60), ==, 30);
}

static void
test_both_directions (void)
{
  g_autoptr(LecternScrollMapper) mapper = lectern_scroll_mapper_new (versions, G_N_ELEMENTS (versions), 21, 38);

  /* Every place in text kept on both sides maps there and back again. */
  for (guint k = 0; k < G_N_ELEMENTS (versions); k++)
    {
      const LecternChunk *c = &versions[k];

      if (c->kind != LECTERN_CHUNK_EQUAL)
        continue;
      for (glong i = 0; i < c->a_end - c->a_start; i++)
        {
          g_assert_cmpint (lectern_scroll_mapper_map (mapper, 0, c->a_start + i), ==, c->b_start + i);
          g_assert_cmpint (lectern_scroll_mapper_map (mapper, 1, c->b_start + i), ==, c->a_start + i);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/ScrollMapper/equal-proportional", test_equal_proportional);
  g_test_add_func ("/Lectern/ScrollMapper/insertion-anchor", test_insertion_anchor);
  g_test_add_func ("/Lectern/ScrollMapper/monotonic", test_monotonic);
  g_test_add_func ("/Lectern/ScrollMapper/both-directions", test_both_directions);
  return g_test_run ();
}
