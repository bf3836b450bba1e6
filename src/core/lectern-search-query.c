/* lectern-search-query.c — parses what a user types into the search box.
 *
 * The syntax is deliberately small: words (all must occur), "a phrase",
 * prefix*, a OR b, -excluded. The result is turned into an FTS5 expression
 * in which every term is a quoted string, so FTS5's own operators typed by
 * a user (NEAR, ^, column filters, parentheses) are only ever text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-project.h"
#include "lectern-search-query-private.h"
#include "lectern-text.h"
#include "lectern-text-private.h"

typedef enum
{
  LEX_TERM,
  LEX_OR,
} LexKind;

typedef struct
{
  LexKind   kind;
  char     *text;
  gboolean  phrase;
  gboolean  excluded;
  gboolean  prefix;
} Lexeme;

static void
lexeme_free (gpointer data)
{
  Lexeme *lexeme = data;

  g_free (lexeme->text);
  g_free (lexeme);
}

static void
term_free (gpointer data)
{
  LecternQueryTerm *term = data;

  g_free (term->text);
  g_strfreev (term->words);
  g_free (term);
}

void
_lectern_search_query_free (LecternSearchQuery *query)
{
  g_clear_pointer (&query->groups, g_ptr_array_unref);
  g_clear_pointer (&query->excluded, g_ptr_array_unref);
  g_free (query);
}

static gboolean
query_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
query_error (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_QUERY, message);
  return FALSE;
}

char **
_lectern_search_query_words (const char *text)
{
  g_autofree char *folded = lectern_text_fold (text, -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;
  const char *p;

  for (p = folded; ; p = g_utf8_next_char (p))
    {
      gboolean word = *p != '\0' && _lectern_text_is_word_char (g_utf8_get_char (p));

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      if (*p == '\0')
        break;
    }

  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

static gboolean
lex (const char  *query,
     GPtrArray   *lexemes,
     GError     **error)
{
  const char *p = query;

  while (*p != '\0')
    {
      g_autofree char *text = NULL;
      gboolean excluded = FALSE;
      gboolean phrase = FALSE;
      gboolean prefix = FALSE;
      Lexeme *lexeme;

      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      if (*p == '-')
        {
          excluded = TRUE;
          p++;
          if (*p == '\0' || g_unichar_isspace (g_utf8_get_char (p)))
            return query_error (error, _("“-” must be followed by a word to leave out, as in -word"));
        }

      if (*p == '"')
        {
          const char *close = strchr (p + 1, '"');

          if (close == NULL)
            return query_error (error, _("A quotation mark is not closed: add the closing \" after the phrase"));
          text = g_strndup (p + 1, close - p - 1);
          phrase = TRUE;
          p = close + 1;
        }
      else
        {
          const char *start = p;

          while (*p != '\0' && *p != '"' && !g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          text = g_strndup (start, p - start);
        }

      if (*p == '*')
        {
          if (!phrase)
            return query_error (error, _("“*” goes at the end of a word, as in secur*"));
          prefix = TRUE;
          p++;
        }

      if (!phrase && !excluded && strcmp (text, "OR") == 0)
        {
          lexeme = g_new0 (Lexeme, 1);
          lexeme->kind = LEX_OR;
          lexeme->text = g_steal_pointer (&text);
          g_ptr_array_add (lexemes, lexeme);
          continue;
        }

      if (!phrase)
        {
          gsize len = strlen (text);

          if (len > 0 && text[len - 1] == '*')
            {
              prefix = TRUE;
              text[--len] = '\0';
            }
          if (strchr (text, '*') != NULL || (prefix && len == 0))
            return query_error (error, _("“*” goes at the end of a word, as in secur*"));
        }

      lexeme = g_new0 (Lexeme, 1);
      lexeme->kind = LEX_TERM;
      lexeme->text = g_steal_pointer (&text);
      lexeme->phrase = phrase;
      lexeme->excluded = excluded;
      lexeme->prefix = prefix;
      g_ptr_array_add (lexemes, lexeme);
    }

  return TRUE;
}

static LecternQueryTerm *
make_term (Lexeme  *lexeme,
           GError **error)
{
  LecternQueryTerm *term;
  char **words = _lectern_search_query_words (lexeme->text);

  if (words[0] == NULL)
    {
      g_strfreev (words);
      if (lexeme->phrase && lexeme->text[0] == '\0')
        query_error (error, _("The quotation marks hold nothing to search for"));
      else
        query_error (error, _("“%s” has no letters or digits to search for"), lexeme->text);
      return NULL;
    }

  term = g_new0 (LecternQueryTerm, 1);
  term->text = g_strdup (lexeme->text);
  term->words = words;
  term->prefix = lexeme->prefix;
  return term;
}

LecternSearchQuery *
_lectern_search_query_parse (const char  *query,
                             GError     **error)
{
  g_autoptr(GPtrArray) lexemes = g_ptr_array_new_with_free_func (lexeme_free);
  g_autoptr(LecternSearchQuery) result = NULL;
  GPtrArray *group = NULL;
  gboolean pending_or = FALSE;

  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL))
    {
      query_error (error, _("The search is not valid UTF-8 text"));
      return NULL;
    }

  if (!lex (query, lexemes, error))
    return NULL;

  if (lexemes->len == 0)
    {
      query_error (error, _("Type a word to search for"));
      return NULL;
    }

  result = g_new0 (LecternSearchQuery, 1);
  result->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  result->excluded = g_ptr_array_new_with_free_func (term_free);

  for (guint i = 0; i < lexemes->len; i++)
    {
      Lexeme *lexeme = g_ptr_array_index (lexemes, i);
      LecternQueryTerm *term;

      if (lexeme->kind == LEX_OR)
        {
          if (group == NULL || pending_or)
            {
              query_error (error, _("“OR” needs a word to search for on each side, as in peace OR truce"));
              return NULL;
            }
          pending_or = TRUE;
          continue;
        }

      term = make_term (lexeme, error);
      if (term == NULL)
        return NULL;

      if (lexeme->excluded)
        {
          if (pending_or)
            {
              term_free (term);
              query_error (error, _("“OR” needs a word to search for on each side, not a word to leave out"));
              return NULL;
            }
          g_ptr_array_add (result->excluded, term);
          group = NULL;
          continue;
        }

      if (pending_or)
        {
          g_assert (group != NULL);
          g_ptr_array_add (group, term);
          pending_or = FALSE;
        }
      else
        {
          group = g_ptr_array_new_with_free_func (term_free);
          g_ptr_array_add (group, term);
          g_ptr_array_add (result->groups, group);
        }
    }

  if (pending_or)
    {
      query_error (error, _("“OR” needs a word to search for on each side, as in peace OR truce"));
      return NULL;
    }

  if (result->groups->len == 0)
    {
      query_error (error, _("Add a word to search for: a search cannot only leave words out"));
      return NULL;
    }

  return g_steal_pointer (&result);
}

static void
append_term (GString          *out,
             LecternQueryTerm *term)
{
  /* FTS5 tokenizes the string itself, with its own case and diacritics
   * folding; a quote inside is doubled. */
  g_string_append_c (out, '"');
  for (const char *p = term->text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  if (term->prefix)
    g_string_append (out, " *");
}

char *
_lectern_search_query_to_fts5 (LecternSearchQuery *query)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < query->excluded->len; i++)
    g_string_append_c (out, '(');

  g_string_append_c (out, '(');
  for (guint i = 0; i < query->groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (query->groups, i);

      if (i > 0)
        g_string_append (out, " AND ");
      g_string_append_c (out, '(');
      for (guint j = 0; j < group->len; j++)
        {
          if (j > 0)
            g_string_append (out, " OR ");
          append_term (out, g_ptr_array_index (group, j));
        }
      g_string_append_c (out, ')');
    }
  g_string_append_c (out, ')');

  for (guint i = 0; i < query->excluded->len; i++)
    {
      g_string_append (out, " NOT ");
      append_term (out, g_ptr_array_index (query->excluded, i));
      g_string_append_c (out, ')');
    }

  return g_string_free (out, FALSE);
}
