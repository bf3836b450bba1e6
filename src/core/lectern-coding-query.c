/* lectern-coding-query.c — the parser of coding queries: text into a tree
 * of codes and operators, with errors that name the character and the
 * reason. Pure: the project evaluates the tree (lectern-project-retrieve.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-analysis.h"
#include "lectern-coding-query-private.h"
#include "lectern-project.h"

/* The farthest NEAR/N: paragraphs. */
#define MAX_DISTANCE 100000

typedef enum
{
  TOKEN_CODE,
  TOKEN_AND,
  TOKEN_OR,
  TOKEN_NOT,
  TOKEN_NEAR,
  TOKEN_FOLLOWED_BY,
  TOKEN_OPEN,
  TOKEN_CLOSE,
  TOKEN_END,
} TokenKind;

typedef struct
{
  TokenKind  kind;
  guint      position;   /* 1-based code point of its first character */
  guint      distance;
  char      *text;       /* CODE: the path */
} Token;

typedef struct
{
  GArray             *tokens;
  guint               next;
  guint               depth;
  LecternCodingQuery *query;
  GHashTable         *codes;   /* path → code_index + 1 */
  GError            **error;
} Parser;

static void
token_clear (Token *token)
{
  g_clear_pointer (&token->text, g_free);
}

/* The tree is at most MAX_DEPTH parentheses deep on its right, but a long
 * chain of "A AND B AND C…" is deep on its left: that side is walked, not
 * recursed into. */
static void
node_free (LecternCodingNode *node)
{
  while (node != NULL)
    {
      LecternCodingNode *left = node->left;

      node_free (node->right);
      g_free (node->path);
      g_free (node);
      node = left;
    }
}

void
_lectern_coding_query_free (LecternCodingQuery *query)
{
  if (query == NULL)
    return;
  node_free (query->root);
  g_ptr_array_unref (query->paths);
  g_free (query);
}

static gboolean
fail (GError    **error,
      guint       position,
      const char *reason)
{
  g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_QUERY,
               _("Malformed coding query at character %u: %s"), position, reason);
  return FALSE;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c);
}

static gboolean
lex (const char  *text,
     GArray      *tokens,
     GError     **error)
{
  const char *p = text;
  guint position = 1;

  for (;;)
    {
      Token token = { TOKEN_END, position, 0, NULL };
      gunichar c;

      while (*p != '\0' && is_space (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          position++;
        }
      token.position = position;
      if (*p == '\0')
        {
          g_array_append_val (tokens, token);
          return TRUE;
        }

      c = g_utf8_get_char (p);
      if (c == '(' || c == ')')
        {
          token.kind = c == '(' ? TOKEN_OPEN : TOKEN_CLOSE;
          p++;
          position++;
        }
      else if (c == '"')
        {
          GString *path = g_string_new (NULL);

          p++;
          position++;
          while (*p != '\0' && *p != '"')
            {
              /* \" is a quotation mark, \\ a backslash (lectern_coding_query_quote ()). */
              if (p[0] == '\\' && (p[1] == '"' || p[1] == '\\'))
                {
                  p++;
                  position++;
                }
              g_string_append_unichar (path, g_utf8_get_char (p));
              p = g_utf8_next_char (p);
              position++;
            }
          if (*p == '\0')
            {
              g_string_free (path, TRUE);
              return fail (error, token.position, _("the quotation mark is not closed"));
            }
          p++;
          position++;
          if (path->len == 0)
            {
              g_string_free (path, TRUE);
              return fail (error, token.position, _("the code path between the quotation marks is empty"));
            }
          token.kind = TOKEN_CODE;
          token.text = g_string_free (path, FALSE);
        }
      else
        {
          const char *start = p;
          g_autofree char *word = NULL;

          while (*p != '\0')
            {
              gunichar d = g_utf8_get_char (p);

              if (is_space (d) || d == '(' || d == ')' || d == '"')
                break;
              p = g_utf8_next_char (p);
              position++;
            }
          word = g_strndup (start, p - start);

          if (strcmp (word, "AND") == 0)
            token.kind = TOKEN_AND;
          else if (strcmp (word, "OR") == 0)
            token.kind = TOKEN_OR;
          else if (strcmp (word, "NOT") == 0)
            token.kind = TOKEN_NOT;
          else if (strcmp (word, "FOLLOWED-BY") == 0)
            token.kind = TOKEN_FOLLOWED_BY;
          else if (strcmp (word, "NEAR") == 0 || g_str_has_prefix (word, "NEAR/"))
            {
              const char *digits = word + strlen ("NEAR/");
              guint64 distance;

              if (strlen (word) <= strlen ("NEAR/")
                  || !g_ascii_string_to_unsigned (digits, 10, 0, MAX_DISTANCE, &distance, NULL))
                return fail (error, token.position,
                             _("NEAR needs a distance in paragraphs, as NEAR/2"));
              token.kind = TOKEN_NEAR;
              token.distance = (guint) distance;
            }
          else
            {
              token.kind = TOKEN_CODE;
              token.text = g_steal_pointer (&word);
            }
        }

      g_array_append_val (tokens, token);
    }
}

static Token *
peek (Parser *parser)
{
  return &g_array_index (parser->tokens, Token, parser->next);
}

static Token *
take (Parser *parser)
{
  Token *token = peek (parser);

  if (token->kind != TOKEN_END)
    parser->next++;
  return token;
}

static LecternCodingNode *
new_node (LecternCodingOp    op,
          LecternCodingNode *left,
          LecternCodingNode *right)
{
  LecternCodingNode *node = g_new0 (LecternCodingNode, 1);

  node->op = op;
  node->left = left;
  node->right = right;
  return node;
}

static LecternCodingNode *parse_or (Parser *parser);

/* A code or a parenthesised query. */
static LecternCodingNode *
parse_primary (Parser *parser)
{
  Token *token = take (parser);

  switch (token->kind)
    {
    case TOKEN_CODE:
      {
        LecternCodingNode *node = new_node (LECTERN_CODING_CODE, NULL, NULL);
        gpointer index = g_hash_table_lookup (parser->codes, token->text);

        if (index == NULL)
          {
            if (parser->query->paths->len >= LECTERN_CODING_QUERY_MAX_CODES)
              {
                g_free (node);
                fail (parser->error, token->position, _("a query may name at most 64 codes"));
                return NULL;
              }
            g_ptr_array_add (parser->query->paths, g_strdup (token->text));
            index = GUINT_TO_POINTER (parser->query->paths->len);
            g_hash_table_insert (parser->codes, token->text, index);
          }
        node->path = g_strdup (token->text);
        node->code_index = GPOINTER_TO_UINT (index) - 1;
        return node;
      }

    case TOKEN_OPEN:
      {
        LecternCodingNode *inner;
        Token *close;

        if (++parser->depth > LECTERN_CODING_QUERY_MAX_DEPTH)
          {
            fail (parser->error, token->position, _("the parentheses nest too deep"));
            return NULL;
          }
        inner = parse_or (parser);
        if (inner == NULL)
          return NULL;
        close = take (parser);
        if (close->kind != TOKEN_CLOSE)
          {
            g_autofree char *reason =
              g_strdup_printf (_("the parenthesis opened at character %u is not closed"), token->position);

            node_free (inner);
            fail (parser->error, close->position, reason);
            return NULL;
          }
        parser->depth--;
        return inner;
      }

    case TOKEN_END:
      fail (parser->error, token->position, _("a code is missing at the end"));
      return NULL;

    case TOKEN_CLOSE:
      fail (parser->error, token->position, _("a code is missing before this parenthesis"));
      return NULL;

    case TOKEN_NOT:
      fail (parser->error, token->position,
            _("NOT needs a code before it (A NOT B), unless it begins the whole query"));
      return NULL;

    case TOKEN_AND:
    case TOKEN_OR:
    case TOKEN_NEAR:
    case TOKEN_FOLLOWED_BY:
    default:
      fail (parser->error, token->position, _("a code is missing before this operator"));
      return NULL;
    }
}

static LecternCodingNode *
parse_and (Parser *parser)
{
  LecternCodingNode *left = parse_primary (parser);

  while (left != NULL)
    {
      Token *token = peek (parser);
      LecternCodingOp op;
      LecternCodingNode *right;
      guint distance = token->distance;

      switch (token->kind)
        {
        case TOKEN_AND: op = LECTERN_CODING_AND; break;
        case TOKEN_NOT: op = LECTERN_CODING_NOT; break;
        case TOKEN_NEAR: op = LECTERN_CODING_NEAR; break;
        case TOKEN_FOLLOWED_BY: op = LECTERN_CODING_FOLLOWED_BY; break;
        case TOKEN_CODE:
          if (g_ascii_strcasecmp (token->text, "and") == 0 || g_ascii_strcasecmp (token->text, "or") == 0
              || g_ascii_strcasecmp (token->text, "not") == 0 || g_ascii_strcasecmp (token->text, "followed-by") == 0
              || g_ascii_strncasecmp (token->text, "near/", 5) == 0)
            fail (parser->error, token->position, _("operators are written in capitals (AND, OR, NOT, NEAR/N, FOLLOWED-BY)"));
          else
            fail (parser->error, token->position,
                  _("an operator (AND, OR, NOT, NEAR/N, FOLLOWED-BY) is missing before this code"));
          node_free (left);
          return NULL;
        case TOKEN_OPEN:
          fail (parser->error, token->position,
                _("an operator (AND, OR, NOT, NEAR/N, FOLLOWED-BY) is missing before this parenthesis"));
          node_free (left);
          return NULL;
        case TOKEN_OR:
        case TOKEN_CLOSE:
        case TOKEN_END:
        default:
          return left;
        }
      take (parser);

      /* A AND NOT B is A NOT B. */
      if (op == LECTERN_CODING_AND && peek (parser)->kind == TOKEN_NOT)
        {
          take (parser);
          op = LECTERN_CODING_NOT;
        }

      right = parse_primary (parser);
      if (right == NULL)
        {
          node_free (left);
          return NULL;
        }
      left = new_node (op, left, right);
      left->distance = distance;
    }

  return NULL;
}

static LecternCodingNode *
parse_or (Parser *parser)
{
  LecternCodingNode *left = parse_and (parser);

  while (left != NULL && peek (parser)->kind == TOKEN_OR)
    {
      LecternCodingNode *right;

      take (parser);
      right = parse_and (parser);
      if (right == NULL)
        {
          node_free (left);
          return NULL;
        }
      left = new_node (LECTERN_CODING_OR, left, right);
    }

  return left;
}

LecternCodingQuery *
_lectern_coding_query_parse (const char  *text,
                             GError     **error)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(LecternCodingQuery) query = g_new0 (LecternCodingQuery, 1);
  Parser parser = { tokens, 0, 0, query, codes, error };
  gboolean without = FALSE;
  Token *last;

  g_return_val_if_fail (text != NULL, NULL);

  query->paths = g_ptr_array_new_with_free_func (g_free);
  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);

  if (strlen (text) > LECTERN_CODING_QUERY_MAX_BYTES)
    {
      fail (error, 1, _("the query is too long"));
      return NULL;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      fail (error, 1, _("the query is not valid UTF-8 text"));
      return NULL;
    }
  if (!lex (text, tokens, error))
    return NULL;
  if (peek (&parser)->kind == TOKEN_END)
    {
      fail (error, 1, _("the query is empty"));
      return NULL;
    }

  /* NOT X as the whole query: the documents without X. */
  if (peek (&parser)->kind == TOKEN_NOT)
    {
      take (&parser);
      without = TRUE;
    }

  query->root = parse_or (&parser);
  if (query->root == NULL)
    return NULL;

  last = peek (&parser);
  if (last->kind != TOKEN_END)
    {
      fail (error, last->position,
            last->kind == TOKEN_CLOSE ? _("this parenthesis closes nothing") : _("unexpected text"));
      return NULL;
    }

  if (without)
    query->root = new_node (LECTERN_CODING_WITHOUT, query->root, NULL);

  return g_steal_pointer (&query);
}

char *
lectern_coding_query_quote (const char *path)
{
  GString *quoted;

  g_return_val_if_fail (path != NULL, NULL);

  quoted = g_string_new ("\"");
  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}
