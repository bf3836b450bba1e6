/* fuzz-turn-detector.c — libFuzzer target: speaker turns of any stored
 * text, with corrections drawn from the input.
 *
 * The input is made valid UTF-8 and normalised, so every input reaches
 * the detector. Its first bytes, when the input is long enough, also
 * choose up to four corrections (kind, offset, speaker), so offsets past
 * the end, unset lines and renames to existing names are all reached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "lectern-import.h"

static const char * const names[] = { "Question", "Sergey Lavrov", "Q", "" };

static GArray *
corrections_from (const uint8_t *data,
                  size_t         size,
                  glong          length)
{
  GArray *corrections = lectern_turn_corrections_new ();
  guint n;

  if (size < 16)
    return corrections;
  n = data[0] % 5;
  for (guint i = 0; i < n; i++)
    {
      const uint8_t *c = data + 1 + i * 3;
      guint offset = ((guint) c[1] << 8 | c[2]) % (guint) (length + 3);
      const char *name = names[c[0] % G_N_ELEMENTS (names)];
      const char *other = names[(c[0] >> 2) % G_N_ELEMENTS (names)];

      switch ((c[0] >> 4) % 4)
        {
        case 0:
          if (*name != '\0')
            lectern_turn_corrections_add_set_turn (corrections, offset, name);
          break;
        case 1:
          lectern_turn_corrections_add_not_turn (corrections, offset);
          break;
        case 2:
          if (*other != '\0')
            lectern_turn_corrections_add_rename (corrections, name, other);
          break;
        default:
          if (*other != '\0')
            lectern_turn_corrections_add_merge (corrections, name, other);
          break;
        }
    }
  return corrections;
}

static void
check (const char *text,
       GArray     *turns)
{
  glong length = g_utf8_strlen (text, -1);
  guint previous_end = 0;

  for (guint i = 0; i < turns->len; i++)
    {
      const LecternTurn *t = &g_array_index (turns, LecternTurn, i);

      /* In order, apart, inside the text, and their parts inside them. */
      g_assert_cmpuint (t->start, >=, previous_end);
      g_assert_cmpuint (t->start, <=, t->label_start);
      g_assert_cmpuint (t->label_start, <=, t->label_end);
      g_assert_cmpuint (t->label_end, <=, t->speech_start);
      g_assert_cmpuint (t->speech_start, <=, t->end);
      g_assert_cmpuint (t->end, <=, (guint) length);
      g_assert_nonnull (t->speaker);
      g_assert_true (g_utf8_validate (t->speaker, -1, NULL));
      g_assert_cmpstr (t->speaker, !=, "");
      if (t->time != NULL)
        {
          g_assert_cmpuint (t->start, <=, t->time_start);
          g_assert_cmpuint (t->time_start, <, t->time_end);
          g_assert_cmpuint (t->time_end, <=, t->label_start);
        }
      else
        g_assert_cmpuint (t->time_start, ==, t->time_end);
      previous_end = t->end;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *valid = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) corrections = NULL;
  g_autoptr(GArray) turns = NULL;
  g_autoptr(GArray) plain = NULL;
  g_autoptr(GArray) again = NULL;

  fuzz_init ();

  valid = g_utf8_make_valid ((const char *) data, size);
  text = lectern_text_normalize (valid, -1);
  g_assert_nonnull (text);

  plain = lectern_turn_detector_detect (text, NULL);
  check (text, plain);

  corrections = corrections_from (data, size, g_utf8_strlen (text, -1));
  turns = lectern_turn_detector_detect (text, corrections);
  check (text, turns);

  /* The same corrections give the same turns: they survive re-detection. */
  again = lectern_turn_detector_detect (text, corrections);
  g_assert_cmpuint (again->len, ==, turns->len);
  for (guint i = 0; i < turns->len; i++)
    {
      const LecternTurn *a = &g_array_index (turns, LecternTurn, i);
      const LecternTurn *b = &g_array_index (again, LecternTurn, i);

      g_assert_cmpuint (a->start, ==, b->start);
      g_assert_cmpuint (a->end, ==, b->end);
      g_assert_cmpstr (a->speaker, ==, b->speaker);
    }
  return 0;
}
