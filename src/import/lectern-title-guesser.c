/* lectern-title-guesser.c — a document's title from its first lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-date-guesser-private.h"
#include "lectern-title-guesser.h"

/* How many non-blank lines are looked at before giving up. */
#define TITLE_SEARCH_LINES 12

/* Whole lines that web pages leave above the headline when copied. */
static const char * const boilerplate_lines[] = {
  "logo", "image", "photo", "picture", "video", "advertisement", "ad",
  "menu", "home", "share", "print", "close", "search", "subscribe",
  "skip to content", "skip to main content", "main menu", "breadcrumb",
  "publicité", "partager", "accueil", "imprimer", "реклама", "главная",
};

static GRegex *credit_regex;
static GRegex *breadcrumb_regex;

static void
ensure_regexes (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* "Photo: MFA", "Image credit : AFP", "Фото: ТАСС" */
      credit_regex = g_regex_new ("^(photo|image|picture|illustration|credit|crédit|source|фото|источник)s?"
                                  "(\\s+(credit|crédit|by|de|par))?\\s*:",
                                  G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      /* "- Category", "• Latest news", "Home > World > Europe"; not the
       * dash that opens a line of dialogue in French or Russian. */
      breadcrumb_regex = g_regex_new ("^([-•*·>»]\\s)|(\\s[>»/|]\\s.*\\s[>»/|]\\s)",
                                      G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (credit_regex != NULL && breadcrumb_regex != NULL);
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean letter = g_unichar_isalnum (g_utf8_get_char (p));

      if (letter && !in_word)
        n++;
      in_word = letter;
    }

  return n;
}

/* A date line, or a stamp such as "Russia Today26-04-2025" or
 * "Moscou, 26 octobre 2025": a date and at most a few words. */
static gboolean
is_date_stamp (const char *line,
               guint       n_words)
{
  g_autofree char *rest = NULL;
  gsize start, end;

  /* A date covers at most three words ("26 octobre 2025", "26-04-2025"),
   * so a longer line cannot be a stamp: no need to search it. */
  if (n_words > 3 + 3)
    return FALSE;

  if (!_lectern_date_find_in_line (line, NULL, &start, &end))
    return FALSE;

  rest = g_strdup_printf ("%.*s %s", (int) start, line, line + end);

  return count_words (rest) <= 3;
}

static gboolean
is_boilerplate (const char *line)
{
  g_autofree char *lower = g_utf8_strdown (line, -1);

  for (guint i = 0; i < G_N_ELEMENTS (boilerplate_lines); i++)
    if (g_str_equal (lower, boilerplate_lines[i]))
      return TRUE;

  return FALSE;
}

static gboolean
is_meaningful (const char *line)
{
  guint n_words;

  if (*line == '\0' || !has_letter (line))
    return FALSE;

  /* Credits and breadcrumbs are short; a long line that starts like one
   * is a real headline. Words are counted first: the patterns need not
   * run over a long paragraph (the breadcrumb one backtracks on it). */
  n_words = count_words (line);
  if (is_boilerplate (line)
      || (n_words <= 8 && g_regex_match (credit_regex, line, 0, NULL))
      || (n_words <= 6 && g_regex_match (breadcrumb_regex, line, 0, NULL)))
    return FALSE;

  return !is_date_stamp (line, n_words);
}

/* Trims white space, Unicode spaces included. */
static char *
trim (const char *text,
      gsize       len)
{
  const char *start = text;
  const char *end = text + len;

  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static char *
shorten (char *title)
{
  g_autoptr(GString) out = NULL;
  glong n_chars = g_utf8_strlen (title, -1);
  const char *cut;
  const char *space;
  gsize len;

  if (n_chars <= LECTERN_TITLE_MAX_CHARS)
    {
      len = strlen (title);
      /* A headline is not a sentence; "2025." loses its full stop, "etc…" keeps it. */
      if (len > 1 && title[len - 1] == '.' && title[len - 2] != '.')
        title[len - 1] = '\0';
      return title;
    }

  cut = g_utf8_offset_to_pointer (title, LECTERN_TITLE_MAX_CHARS - 1);
  space = cut;
  while (space > title && *space != ' ')
    space--;
  if (space - title > (cut - title) / 2)
    cut = space;

  out = g_string_new_len (title, cut - title);
  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == ','))
    g_string_truncate (out, out->len - 1);
  g_string_append (out, "…");
  g_free (title);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
lectern_guess_title (const char *text)
{
  const char *line = text;
  guint n_lines = 0;

  g_return_val_if_fail (text != NULL, NULL);

  ensure_regexes ();

  while (*line != '\0' && n_lines < TITLE_SEARCH_LINES)
    {
      const char *eol = strchr (line, '\n');
      gsize len = eol != NULL ? (gsize) (eol - line) : strlen (line);
      g_autofree char *trimmed = trim (line, len);

      if (*trimmed != '\0')
        {
          n_lines++;
          if (is_meaningful (trimmed))
            return shorten (g_steal_pointer (&trimmed));
        }

      if (eol == NULL)
        break;
      line = eol + 1;
    }

  return NULL;
}
