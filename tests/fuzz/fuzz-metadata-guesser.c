/* fuzz-metadata-guesser.c — libFuzzer target: the title, date and
 * language guessers on any stored text.
 *
 * The input is made valid UTF-8 and normalised, so every input reaches
 * the guessers (the decoder target covers the bytes-to-text step).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fuzz-common.h"
#include "lectern-import.h"

static void
assert_iso_date (const char *date)
{
  guint year, month, day;

  /* "YYYY-MM-DD" and a real calendar day. */
  g_assert_cmpuint (strlen (date), ==, 10);
  g_assert_true (date[4] == '-' && date[7] == '-');
  g_assert_cmpint (sscanf (date, "%4u-%2u-%2u", &year, &month, &day), ==, 3);
  g_assert_true (g_date_valid_dmy (day, month, year));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *valid = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *language = NULL;
  g_autoptr(LecternDocument) document = NULL;

  fuzz_init ();

  valid = g_utf8_make_valid ((const char *) data, size);
  text = lectern_text_normalize (valid, -1);
  g_assert_nonnull (text);

  title = lectern_guess_title (text);
  if (title != NULL)
    {
      g_assert_true (g_utf8_validate (title, -1, NULL));
      g_assert_cmpint (g_utf8_strlen (title, -1), <=, LECTERN_TITLE_MAX_CHARS + 1);
      g_assert_cmpstr (title, !=, "");
    }

  date = lectern_guess_date (text);
  if (date != NULL)
    assert_iso_date (date);

  language = lectern_guess_language (text);
  if (language != NULL)
    {
      g_assert_cmpuint (strlen (language), >=, 2);
      g_assert_cmpuint (strlen (language), <=, 3);
    }

  /* The combined guess agrees with the single guessers. */
  document = lectern_document_new ();
  lectern_metadata_guess (document, text);
  g_assert_cmpstr (lectern_document_get_title (document), ==, title);
  g_assert_cmpstr (lectern_document_get_date (document), ==, date);
  g_assert_cmpstr (lectern_document_get_language (document), ==, language);
  return 0;
}
