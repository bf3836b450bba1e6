/* test-text.c — stored-text rules: normalization, code-point offsets,
 * folding and re-anchoring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lectern-core.h"

static void
test_normalize_line_endings (void)
{
  g_autofree char *crlf = lectern_text_normalize ("a\r\nb\rc\n\r\nd", -1);
  g_autofree char *bom = lectern_text_normalize ("\xef\xbb\xbfhello", -1);
  g_autofree char *inner_bom = lectern_text_normalize ("a\xef\xbb\xbf" "b", -1);
  g_autofree char *two_boms = lectern_text_normalize ("\xef\xbb\xbf\xef\xbb\xbf" "hello", -1);

  g_assert_cmpstr (crlf, ==, "a\nb\nc\n\nd");
  g_assert_cmpstr (bom, ==, "hello");
  /* A UTF-16 file's BOM with another behind it (found by fuzzing): stored
   * text never starts with one. */
  g_assert_cmpstr (two_boms, ==, "hello");
  g_assert_true (lectern_text_is_stored (two_boms, -1));
  /* Only a leading BOM is a byte-order mark; inside it is text. */
  g_assert_cmpstr (inner_bom, ==, "a\xef\xbb\xbf" "b");
}

static void
test_normalize_nfc (void)
{
  /* "e" + combining acute becomes "é" (one code point). */
  g_autofree char *nfc = lectern_text_normalize ("Se\xcc\x81" "curite\xcc\x81", -1);

  g_assert_cmpstr (nfc, ==, "Sécurité");
  g_assert_cmpint (lectern_text_length (nfc), ==, 8);
  g_assert_true (lectern_text_is_stored (nfc, -1));
  g_assert_false (lectern_text_is_stored ("Se\xcc\x81" "curite", -1));
}

static void
test_normalize_invalid (void)
{
  g_assert_null (lectern_text_normalize ("ab\xff" "cd", -1));
  /* A NUL byte inside an explicit length is not text. */
  g_assert_null (lectern_text_normalize ("ab\0cd", 5));
  g_assert_false (lectern_text_is_stored ("ab\xff", -1));
}

/* Text below U+0300 skips normalization (it is its own NFC form): every
 * such code point, alone, between letters, and before a combining mark,
 * normalizes and is judged stored exactly as GLib's NFC says. */
static void
test_normalize_below_combining_marks (void)
{
  static const gunichar after[] = { 'a', 0xE9, 0x2FF, 0x300, 0x301, 0x327, 0x345, 0x1100 };

  for (gunichar c = 0x80; c < 0x400; c++)
    for (guint i = 0; i <= G_N_ELEMENTS (after); i++)
      {
        g_autoptr(GString) s = g_string_new ("x");
        g_autofree char *expected = NULL;
        g_autofree char *normalized = NULL;

        g_string_append_unichar (s, c);
        if (i < G_N_ELEMENTS (after))
          g_string_append_unichar (s, after[i]);
        expected = g_utf8_normalize (s->str, -1, G_NORMALIZE_NFC);
        normalized = lectern_text_normalize (s->str, -1);
        g_assert_cmpstr (normalized, ==, expected);
        g_assert_cmpint (lectern_text_is_stored (s->str, -1), ==, strcmp (expected, s->str) == 0);
      }
}

static void
test_is_stored (void)
{
  g_assert_true (lectern_text_is_stored ("plain\ntext", -1));
  g_assert_true (lectern_text_is_stored ("", -1));
  g_assert_false (lectern_text_is_stored ("a\r\nb", -1));
  g_assert_false (lectern_text_is_stored ("\xef\xbb\xbf" "a", -1));
}

/* Combining marks that have no precomposed form stay separate code points:
 * offsets must count them, as GtkTextIter does. */
static void
test_offsets_combining (void)
{
  /* "q̃x": q + U+0303 has no precomposed form. */
  const char *text = "aq\xcc\x83x";
  g_autofree char *stored = lectern_text_normalize (text, -1);
  g_autofree char *slice = NULL;

  g_assert_cmpstr (stored, ==, text);
  g_assert_cmpint (lectern_text_length (stored), ==, 4);
  slice = lectern_text_slice (stored, 1, 3);
  g_assert_cmpstr (slice, ==, "q\xcc\x83");
}

static void
test_offsets_astral (void)
{
  /* U+1D11E MUSICAL SYMBOL G CLEF and U+1F600: one code point each, four
   * bytes each, two UTF-16 units each. */
  const char *text = "a\xf0\x9d\x84\x9e" "b\xf0\x9f\x98\x80" "c";
  g_autofree char *clef = lectern_text_slice (text, 1, 2);
  g_autofree char *tail = lectern_text_slice (text, 3, 5);

  g_assert_cmpint (lectern_text_length (text), ==, 5);
  g_assert_cmpstr (clef, ==, "\xf0\x9d\x84\x9e");
  g_assert_cmpstr (tail, ==, "\xf0\x9f\x98\x80" "c");
}

static void
test_offsets_emoji_zwj (void)
{
  /* 👩‍👩‍👧: woman ZWJ woman ZWJ girl, five code points shown as one. */
  const char *family = "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7";
  g_autofree char *text = g_strconcat ("x", family, "y", NULL);
  g_autofree char *slice = lectern_text_slice (text, 1, 6);
  g_autofree char *last = lectern_text_slice (text, 6, 7);

  g_assert_cmpint (lectern_text_length (text), ==, 7);
  g_assert_cmpstr (slice, ==, family);
  g_assert_cmpstr (last, ==, "y");
  g_assert_true (lectern_text_is_stored (text, -1));
}

static void
test_offsets_rtl (void)
{
  /* Arabic "سلام" then Hebrew "שלום": logical order, code points. */
  const char *text = "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d";
  g_autofree char *hebrew = lectern_text_slice (text, 5, 9);

  g_assert_cmpint (lectern_text_length (text), ==, 9);
  g_assert_cmpstr (hebrew, ==, "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
}

static void
test_slice_clamps (void)
{
  g_autofree char *all = lectern_text_slice ("abc", -5, 99);
  g_autofree char *none = lectern_text_slice ("abc", 2, 1);

  g_assert_cmpstr (all, ==, "abc");
  g_assert_cmpstr (none, ==, "");
}

static void
test_fold (void)
{
  g_autofree char *a = lectern_text_fold ("Sécurité", -1);
  g_autofree char *b = lectern_text_fold ("ÉLYSÉE Ça", -1);
  g_autofree char *c = lectern_text_fold ("Se\xcc\x81" "CURITE\xcc\x81", -1);
  g_autofree char *d = lectern_text_fold ("Москва", -1);

  g_assert_cmpstr (a, ==, "securite");
  g_assert_cmpstr (b, ==, "elysee ca");
  g_assert_cmpstr (c, ==, "securite");
  g_assert_cmpstr (d, ==, "москва");
}

static void
test_anchor_in_place (void)
{
  glong start = -1, end = -1;

  g_assert_true (lectern_text_anchor ("one two one two", "two", "one ", " one", 4, &start, &end));
  g_assert_cmpint (start, ==, 4);
  g_assert_cmpint (end, ==, 7);
}

static void
test_anchor_moved (void)
{
  /* The text gained a word before the passage: found by its quote. */
  const char *text = "Preface. La sécurité de l’Europe est en jeu.";
  glong start = -1, end = -1;

  g_assert_true (lectern_text_anchor (text, "sécurité", "La ", " de l’Europe", 3, &start, &end));
  g_assert_cmpint (start, ==, 12);
  g_assert_cmpint (end, ==, 20);
}

static void
test_anchor_context_chooses (void)
{
  /* Two repeats of the quote: the context decides, not the hint. */
  const char *text = "the cat sat. a dog sat. the cat ran.";
  glong start = -1, end = -1;

  g_assert_true (lectern_text_anchor (text, "cat", "the ", " ran", 0, &start, &end));
  g_assert_cmpint (start, ==, 28);
  g_assert_cmpint (end, ==, 31);

  /* Equal context: the repeat nearest the hint. */
  g_assert_true (lectern_text_anchor ("x ab x ab x ab", "ab", NULL, NULL, 11, &start, &end));
  g_assert_cmpint (start, ==, 12);
}

static void
test_anchor_astral (void)
{
  const char *text = "\xf0\x9f\x98\x80\xf0\x9f\x98\x80 moved quote";
  glong start = -1, end = -1;

  g_assert_true (lectern_text_anchor (text, "quote", "moved ", "", 0, &start, &end));
  g_assert_cmpint (start, ==, 9);
  g_assert_cmpint (end, ==, 14);
}

static void
test_anchor_folded (void)
{
  /* Accents were added after the annotation was made. */
  const char *text = "Sur la sécurité.";
  glong start = -1, end = -1;

  g_assert_true (lectern_text_anchor (text, "securite", "la ", ".", 0, &start, &end));
  g_assert_cmpint (start, ==, 7);
  g_assert_cmpint (end, ==, 15);
}

static void
test_anchor_missing (void)
{
  glong start = -1, end = -1;

  g_assert_false (lectern_text_anchor ("nothing here", "absent", NULL, NULL, 0, &start, &end));
  g_assert_false (lectern_text_anchor ("nothing here", "", NULL, NULL, 0, &start, &end));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Text/normalize/line-endings", test_normalize_line_endings);
  g_test_add_func ("/Lectern/Text/normalize/nfc", test_normalize_nfc);
  g_test_add_func ("/Lectern/Text/normalize/invalid", test_normalize_invalid);
  g_test_add_func ("/Lectern/Text/normalize/below-combining-marks", test_normalize_below_combining_marks);
  g_test_add_func ("/Lectern/Text/is-stored", test_is_stored);
  g_test_add_func ("/Lectern/Text/offsets/combining", test_offsets_combining);
  g_test_add_func ("/Lectern/Text/offsets/astral", test_offsets_astral);
  g_test_add_func ("/Lectern/Text/offsets/emoji-zwj", test_offsets_emoji_zwj);
  g_test_add_func ("/Lectern/Text/offsets/rtl", test_offsets_rtl);
  g_test_add_func ("/Lectern/Text/slice/clamps", test_slice_clamps);
  g_test_add_func ("/Lectern/Text/fold", test_fold);
  g_test_add_func ("/Lectern/Text/anchor/in-place", test_anchor_in_place);
  g_test_add_func ("/Lectern/Text/anchor/moved", test_anchor_moved);
  g_test_add_func ("/Lectern/Text/anchor/context-chooses", test_anchor_context_chooses);
  g_test_add_func ("/Lectern/Text/anchor/astral", test_anchor_astral);
  g_test_add_func ("/Lectern/Text/anchor/folded", test_anchor_folded);
  g_test_add_func ("/Lectern/Text/anchor/missing", test_anchor_missing);

  return g_test_run ();
}
