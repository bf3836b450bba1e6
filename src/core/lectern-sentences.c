/* lectern-sentences.c — the sentence around a passage, by ICU's sentence
 * rules (ubrk, in icu-uc: no GTK, and the same rules the aligner uses).
 * A sentence never leaves its paragraph: callers pass one paragraph.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <unicode/ubrk.h>

#include "lectern-project-private.h"
#include "lectern-words.h"

/* Code units of UTF-16 → code points, counting each surrogate pair once. */
static glong
units_to_points (const gunichar2 *utf16,
                 glong            units)
{
  glong points = 0;

  for (glong u = 0; u < units; u++)
    if (utf16[u] < 0xdc00 || utf16[u] > 0xdfff)
      points++;
  return points;
}

static glong
points_to_units (const gunichar2 *utf16,
                 glong            n_units,
                 glong            points)
{
  glong u = 0;

  for (glong p = 0; p < points && u < n_units; p++)
    u += (utf16[u] >= 0xd800 && utf16[u] <= 0xdbff) ? 2 : 1;
  return MIN (u, n_units);
}

void
_lectern_sentence_around (const char *text,
                          const char *language,
                          glong       start,
                          glong       end,
                          glong      *sentence_start,
                          glong      *sentence_end)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n_units = 0;
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iter;
  g_autofree char *locale = NULL;
  gint32 from, to;

  *sentence_start = start;
  *sentence_end = end;

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &n_units, NULL);
  if (utf16 == NULL || n_units == 0 || n_units > G_MAXINT32)
    return;

  /* "@ss=standard": ICU's list of abbreviations of the language ("Mr.",
   * "M.") that end no sentence. A language code is short; anything else
   * gets the root rules. */
  if (language != NULL && strlen (language) <= 16 && strspn (language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_") == strlen (language))
    {
      locale = g_strdup_printf ("%s@ss=standard", language);
      g_strdelimit (locale, "-", '_');
    }
  iter = ubrk_open (UBRK_SENTENCE, locale != NULL ? locale : "",
                    (const UChar *) utf16, (gint32) n_units, &status);
  if (U_FAILURE (status))
    return;

  /* The boundary at or before the start, and the first after the end's
   * last character. */
  from = ubrk_preceding (iter, (gint32) points_to_units (utf16, n_units, start) + 1);
  to = ubrk_following (iter, (gint32) points_to_units (utf16, n_units, MAX (start, end - 1)));
  ubrk_close (iter);

  if (from == UBRK_DONE)
    from = 0;
  if (to == UBRK_DONE)
    to = (gint32) n_units;

  /* A sentence ends before the white space that follows it. */
  while (to > from && g_unichar_isspace (utf16[to - 1]))
    to--;

  *sentence_start = MIN (start, units_to_points (utf16, from));
  *sentence_end = MAX (end, units_to_points (utf16, to));
}
