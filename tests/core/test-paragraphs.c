/* test-paragraphs.c — paragraph numbers: what the reader's margin shows and
 * what every export cites.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-core.h"

/* "Été" is three code points and five bytes: offsets are code points. */
static const char text[] = "Été\n\nSecond line\n  \nThird\nlast"; /* no final '\n' */

static void
test_ranges (void)
{
  g_autoptr(LecternParagraphs) paragraphs = lectern_paragraphs_new (text);
  glong start, end;

  /* Empty and blank lines are not paragraphs. */
  g_assert_cmpuint (lectern_paragraphs_get_count (paragraphs), ==, 4);
  g_assert_true (lectern_paragraphs_get_range (paragraphs, 1, &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 3);
  g_assert_true (lectern_paragraphs_get_range (paragraphs, 2, &start, &end));
  g_assert_cmpint (start, ==, 5);
  g_assert_cmpint (end, ==, 16);
  g_assert_true (lectern_paragraphs_get_range (paragraphs, 3, &start, &end));
  g_assert_cmpint (start, ==, 20);
  g_assert_cmpint (end, ==, 25);
  /* The last line counts without a final line break. */
  g_assert_true (lectern_paragraphs_get_range (paragraphs, 4, &start, &end));
  g_assert_cmpint (start, ==, 26);
  g_assert_cmpint (end, ==, 30);
  g_assert_false (lectern_paragraphs_get_range (paragraphs, 0, NULL, NULL));
  g_assert_false (lectern_paragraphs_get_range (paragraphs, 5, NULL, NULL));
}

static void
test_offsets (void)
{
  g_autoptr(LecternParagraphs) paragraphs = lectern_paragraphs_new (text);

  g_assert_cmpuint (lectern_paragraphs_at_offset (paragraphs, 0), ==, 1);
  g_assert_cmpuint (lectern_paragraphs_at_offset (paragraphs, 2), ==, 1);
  g_assert_cmpuint (lectern_paragraphs_at_offset (paragraphs, 3), ==, 0);   /* its '\n' */
  g_assert_cmpuint (lectern_paragraphs_at_offset (paragraphs, 4), ==, 0);   /* empty line */
  g_assert_cmpuint (lectern_paragraphs_at_offset (paragraphs, 5), ==, 2);
  g_assert_cmpuint (lectern_paragraphs_at_offset (paragraphs, 18), ==, 0);  /* blank line */
  g_assert_cmpuint (lectern_paragraphs_at_offset (paragraphs, 29), ==, 4);
  g_assert_cmpuint (lectern_paragraphs_at_offset (paragraphs, 30), ==, 0);  /* end of text */
}

static void
test_span (void)
{
  g_autoptr(LecternParagraphs) paragraphs = lectern_paragraphs_new (text);
  guint first, last;

  g_assert_true (lectern_paragraphs_span (paragraphs, 6, 12, &first, &last));
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (last, ==, 2);
  /* A passage from inside one paragraph into another. */
  g_assert_true (lectern_paragraphs_span (paragraphs, 10, 23, &first, &last));
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (last, ==, 3);
  /* Line breaks and blank lines at its edges do not widen it. */
  g_assert_true (lectern_paragraphs_span (paragraphs, 3, 17, &first, &last));
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (last, ==, 2);
  g_assert_true (lectern_paragraphs_span (paragraphs, 0, 30, &first, &last));
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, ==, 4);
  /* Nothing but a blank line. */
  g_assert_false (lectern_paragraphs_span (paragraphs, 16, 20, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_false (lectern_paragraphs_span (paragraphs, 7, 7, &first, &last));
}

static void
test_single_breaks (void)
{
  g_autoptr(LecternParagraphs) paragraphs = lectern_paragraphs_new ("Q: one\nA: two\nQ: three\n");
  g_autoptr(LecternParagraphs) empty = lectern_paragraphs_new ("");

  g_assert_cmpuint (lectern_paragraphs_get_count (paragraphs), ==, 3);
  g_assert_cmpuint (lectern_paragraphs_at_offset (paragraphs, 7), ==, 2);
  g_assert_cmpuint (lectern_paragraphs_get_count (empty), ==, 0);
}

static void
test_format (void)
{
  g_autofree char *one = lectern_paragraphs_format (14, 14);
  g_autofree char *several = lectern_paragraphs_format (14, 16);

  g_assert_cmpstr (one, ==, "¶ 14");
  g_assert_cmpstr (several, ==, "¶¶ 14–16");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/Paragraphs/ranges", test_ranges);
  g_test_add_func ("/Lectern/Paragraphs/offsets", test_offsets);
  g_test_add_func ("/Lectern/Paragraphs/span", test_span);
  g_test_add_func ("/Lectern/Paragraphs/single-breaks", test_single_breaks);
  g_test_add_func ("/Lectern/Paragraphs/format", test_format);
  return g_test_run ();
}
