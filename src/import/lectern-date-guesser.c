/* lectern-date-guesser.c — the date of a document, found near its top.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lectern-date-guesser.h"
#include "lectern-date-guesser-private.h"

typedef struct
{
  const char *name;
  guint       month;
} MonthName;

/* Lower case. Russian months are written in the genitive after a day
 * ("26 апреля 2025"); abbreviations may end with a full stop. */
static const MonthName month_names[] = {
  { "january", 1 }, { "jan", 1 }, { "janvier", 1 }, { "janv", 1 }, { "января", 1 }, { "январь", 1 }, { "янв", 1 },
  { "february", 2 }, { "feb", 2 }, { "février", 2 }, { "fevrier", 2 }, { "févr", 2 }, { "fevr", 2 }, { "февраля", 2 }, { "февраль", 2 }, { "фев", 2 },
  { "march", 3 }, { "mar", 3 }, { "mars", 3 }, { "марта", 3 }, { "март", 3 },
  { "april", 4 }, { "apr", 4 }, { "avril", 4 }, { "avr", 4 }, { "апреля", 4 }, { "апрель", 4 }, { "апр", 4 },
  { "may", 5 }, { "mai", 5 }, { "мая", 5 }, { "май", 5 },
  { "june", 6 }, { "jun", 6 }, { "juin", 6 }, { "июня", 6 }, { "июнь", 6 },
  { "july", 7 }, { "jul", 7 }, { "juillet", 7 }, { "juil", 7 }, { "июля", 7 }, { "июль", 7 },
  { "august", 8 }, { "aug", 8 }, { "août", 8 }, { "aout", 8 }, { "августа", 8 }, { "август", 8 }, { "авг", 8 },
  { "september", 9 }, { "sep", 9 }, { "sept", 9 }, { "septembre", 9 }, { "сентября", 9 }, { "сентябрь", 9 }, { "сен", 9 },
  { "october", 10 }, { "oct", 10 }, { "octobre", 10 }, { "октября", 10 }, { "октябрь", 10 }, { "окт", 10 },
  { "november", 11 }, { "nov", 11 }, { "novembre", 11 }, { "ноября", 11 }, { "ноябрь", 11 }, { "ноя", 11 },
  { "december", 12 }, { "dec", 12 }, { "décembre", 12 }, { "decembre", 12 }, { "déc", 12 }, { "декабря", 12 }, { "декабрь", 12 }, { "дек", 12 },
};

typedef enum
{
  FORM_ISO,              /* 2025-04-26 */
  FORM_NUMERIC_DMY,      /* 26-04-2025, 26.04.2025, 26/04/2025 */
  FORM_DAY_MONTH_YEAR,   /* 26 octobre 2025, 1er mai 2025, 26 апреля 2025 */
  FORM_MONTH_DAY_YEAR,   /* November 21, 2025 */
  N_FORMS
} DateForm;

static GRegex *date_regexes[N_FORMS];

static guint
month_from_name (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  gsize len = strlen (lower);

  if (len > 0 && lower[len - 1] == '.')
    lower[len - 1] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_equal (lower, month_names[i].name))
      return month_names[i].month;

  return 0;
}

static void
ensure_regexes (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GString) months = g_string_new (NULL);
      g_autofree char *dmy = NULL;
      g_autofree char *mdy = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
        g_string_append_printf (months, "%s%s", i > 0 ? "|" : "", month_names[i].name);

      /* Digits may be glued to the words before them ("Today26-04-2025"),
       * never to other digits. A month name stands alone as a word. */
      dmy = g_strdup_printf ("(?<![\\p{L}\\d])(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(%s)\\.?(?!\\p{L})\\s*,?\\s+(\\d{4})(?!\\d)",
                             months->str);
      mdy = g_strdup_printf ("(?<!\\p{L})(%s)\\.?(?!\\p{L})\\s*(\\d{1,2})(?:st|nd|rd|th)?(?!\\d),?\\s+(\\d{4})(?!\\d)",
                             months->str);

      date_regexes[FORM_ISO] =
        g_regex_new ("(?<!\\d)(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)", G_REGEX_OPTIMIZE, 0, NULL);
      date_regexes[FORM_NUMERIC_DMY] =
        g_regex_new ("(?<![\\d.])(\\d{1,2})([-./])(\\d{1,2})\\2(\\d{4})(?!\\d)", G_REGEX_OPTIMIZE, 0, NULL);
      date_regexes[FORM_DAY_MONTH_YEAR] =
        g_regex_new (dmy, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
      date_regexes[FORM_MONTH_DAY_YEAR] =
        g_regex_new (mdy, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);

      for (guint i = 0; i < N_FORMS; i++)
        g_assert (date_regexes[i] != NULL);

      g_once_init_leave (&initialized, 1);
    }
}

static guint
fetch_number (GMatchInfo *match,
              int         group)
{
  g_autofree char *digits = g_match_info_fetch (match, group);

  return (guint) strtoul (digits, NULL, 10);
}

/* The date of @match as "YYYY-MM-DD", or NULL if it is not a real day. */
static char *
date_from_match (DateForm    form,
                 GMatchInfo *match)
{
  guint year = 0, month = 0, day = 0;

  switch (form)
    {
    case FORM_ISO:
      year = fetch_number (match, 1);
      month = fetch_number (match, 2);
      day = fetch_number (match, 3);
      break;

    case FORM_NUMERIC_DMY:
      {
        g_autofree char *separator = g_match_info_fetch (match, 2);

        day = fetch_number (match, 1);
        month = fetch_number (match, 3);
        year = fetch_number (match, 4);
        /* 11/26/2025 can only be American. */
        if (g_str_equal (separator, "/") && month > 12 && day <= 12)
          {
            guint swap = day;

            day = month;
            month = swap;
          }
      }
      break;

    case FORM_DAY_MONTH_YEAR:
      {
        g_autofree char *name = g_match_info_fetch (match, 2);

        day = fetch_number (match, 1);
        month = month_from_name (name);
        year = fetch_number (match, 3);
      }
      break;

    case FORM_MONTH_DAY_YEAR:
      {
        g_autofree char *name = g_match_info_fetch (match, 1);

        month = month_from_name (name);
        day = fetch_number (match, 2);
        year = fetch_number (match, 3);
      }
      break;

    case N_FORMS:
    default:
      g_assert_not_reached ();
    }

  if (year < 1800 || year > 2199 || month < 1 || month > 12
      || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

gboolean
_lectern_date_find_in_line (const char  *line,
                            char       **date,
                            gsize       *start,
                            gsize       *end)
{
  g_autofree char *best = NULL;
  gint best_start = G_MAXINT;
  gint best_end = 0;

  g_assert (line != NULL);

  ensure_regexes ();

  for (guint form = 0; form < N_FORMS; form++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (date_regexes[form], line, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *found = NULL;
          gint match_start, match_end;

          g_match_info_fetch_pos (match, 0, &match_start, &match_end);
          if (match_start >= best_start)
            break;

          if ((found = date_from_match (form, match)) != NULL)
            {
              g_free (best);
              best = g_steal_pointer (&found);
              best_start = match_start;
              best_end = match_end;
              break;
            }
        }
    }

  if (best == NULL)
    return FALSE;

  if (date != NULL)
    *date = g_steal_pointer (&best);
  if (start != NULL)
    *start = best_start;
  if (end != NULL)
    *end = best_end;

  return TRUE;
}

char *
lectern_guess_date (const char *text)
{
  const char *line = text;
  guint n_lines = 0;

  g_return_val_if_fail (text != NULL, NULL);

  while (*line != '\0' && n_lines < LECTERN_DATE_GUESS_LINES)
    {
      const char *eol = strchr (line, '\n');
      gsize len = eol != NULL ? (gsize) (eol - line) : strlen (line);
      g_autofree char *copy = g_strndup (line, len);
      char *date = NULL;

      if (*g_strstrip (copy) != '\0')
        {
          n_lines++;
          if (_lectern_date_find_in_line (copy, &date, NULL, NULL))
            return date;
        }

      if (eol == NULL)
        break;
      line = eol + 1;
    }

  return NULL;
}
