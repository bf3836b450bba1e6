/* lectern-pdf-layout.c — reading order, furniture and paragraphs from the
 * boxes of a PDF page's lines (lectern-pdf-layout.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lectern-pdf-layout.h"

/* How far into the page a running header or footer may sit. */
#define FURNITURE_ZONE 0.15
/* A header repeats on this share of the pages at least (books alternate
 * two headers; a chapter heading at a page's top does not repeat so). */
#define FURNITURE_SHARE 0.3
/* Larger than the body by this factor: a heading. */
#define HEADING_FACTOR 1.15
/* Smaller than the body by this factor, below it: a footnote. */
#define FOOTNOTE_FACTOR 0.92

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

/* Sizes are compared to the half point: producers jitter. */
static double
round_size (double size)
{
  return round (size * 2) / 2;
}

LecternPdfLine *
lectern_pdf_line_new (const char *text,
                      double      x1,
                      double      y1,
                      double      x2,
                      double      y2,
                      double      size)
{
  LecternPdfLine *line = g_new0 (LecternPdfLine, 1);

  line->text = g_strdup (text);
  line->x1 = x1;
  line->y1 = y1;
  line->x2 = x2;
  line->y2 = y2;
  line->size = size > 0 ? size : MAX (y2 - y1, 1.0);
  return line;
}

void
lectern_pdf_line_free (LecternPdfLine *line)
{
  if (line == NULL)
    return;
  g_free (line->text);
  g_free (line);
}

LecternPdfPage *
lectern_pdf_page_new (double width,
                      double height)
{
  LecternPdfPage *page = g_new0 (LecternPdfPage, 1);

  page->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_pdf_line_free);
  page->width = width;
  page->height = height;
  return page;
}

void
lectern_pdf_page_free (LecternPdfPage *page)
{
  if (page == NULL)
    return;
  g_ptr_array_unref (page->lines);
  g_free (page->printed);
  g_free (page);
}

void
lectern_pdf_block_free (LecternPdfBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->mark);
  g_free (block->text);
  g_free (block);
}

/* The size most of the text of @pages is set in (by characters), pages
 * read by OCR aside. */
static double
body_size_of (GPtrArray *pages)
{
  g_autoptr(GHashTable) weight = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0;
  double body = 10;

  for (guint p = 0; p < pages->len; p++)
    {
      LecternPdfPage *page = g_ptr_array_index (pages, p);

      if (page->recognised)
        continue;
      for (guint i = 0; i < page->lines->len; i++)
        {
          LecternPdfLine *line = g_ptr_array_index (page->lines, i);
          double size = round_size (line->size);
          guint n = strlen (line->text);

          value = g_hash_table_lookup (weight, &size);
          g_hash_table_insert (weight, g_memdup2 (&size, sizeof size),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + n));
        }
    }

  g_hash_table_iter_init (&iter, weight);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best
        || (GPOINTER_TO_UINT (value) == best && *(double *) key < body))
      {
        best = GPOINTER_TO_UINT (value);
        body = *(double *) key;
      }
  return body;
}

/* ------------------------------------------------------------------ */
/* Furniture                                                           */

static int
compare_top (gconstpointer a,
             gconstpointer b)
{
  const LecternPdfLine *la = *(LecternPdfLine * const *) a;
  const LecternPdfLine *lb = *(LecternPdfLine * const *) b;

  if (la->y1 != lb->y1)
    return la->y1 < lb->y1 ? -1 : 1;
  if (la->x1 != lb->x1)
    return la->x1 < lb->x1 ? -1 : 1;
  return 0;
}

/* A copy of @lines that does not own them (g_ptr_array_copy() would
 * carry the free function over). */
static GPtrArray *
borrow_lines (GPtrArray *lines)
{
  GPtrArray *copy = g_ptr_array_sized_new (lines->len);

  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (lines, i));
  return copy;
}

/* The line with its digits as '#' and its case and spaces folded: what a
 * running header keeps from page to page. */
static char *
furniture_key (const char *text)
{
  GString *key = g_string_new (NULL);
  gboolean in_digits = FALSE;
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (!in_digits)
            g_string_append_c (key, '#');
          in_digits = TRUE;
          space = FALSE;
          continue;
        }
      in_digits = FALSE;
      if (g_unichar_isspace (c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, g_unichar_tolower (c));
    }
  return g_string_free (key, FALSE);
}

static gboolean
is_roman (const char *word,
          gsize       length)
{
  if (length == 0 || length > 8)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (strchr ("ivxlcdm", g_ascii_tolower (word[i])) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
is_decoration (gunichar c)
{
  return g_unichar_isspace (c) || c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012
         || c == '[' || c == ']' || c == '(' || c == ')' || c == '|' || c == 0x00B7
         || c == 0x2022 || c == '.' || c == '<' || c == '>' || c == 0x2039 || c == 0x203A;
}

/* A line that is only a page number ("12", "— 12 —", "Page 12 of 40",
 * "xiv"): returns the number as printed, else NULL. */
static char *
lone_page_number (const char *text)
{
  g_autofree char *down = g_utf8_strdown (text, -1);
  const char *p = down;
  const char *end = down + strlen (down);
  const char *number;
  gsize length;

  while (p < end && is_decoration (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  while (end > p)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_decoration (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  if (g_str_has_prefix (p, "page "))
    p += 5;
  else if (g_str_has_prefix (p, "p. "))
    p += 3;
  while (p < end && *p == ' ')
    p++;

  number = p;
  while (p < end && g_ascii_isdigit (*p))
    p++;
  length = p - number;
  if (length == 0)
    {
      while (p < end && g_ascii_isalpha (*p))
        p++;
      length = p - number;
      if (!is_roman (number, length))
        return NULL;
    }
  else if (length > 5)
    return NULL;

  /* "of 40", "/ 40" */
  while (p < end && *p == ' ')
    p++;
  if (p < end)
    {
      if (g_str_has_prefix (p, "of "))
        p += 3;
      else if (*p == '/')
        p++;
      else
        return NULL;
      while (p < end && *p == ' ')
        p++;
      if (p == end)
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
      if (p != end)
        return NULL;
    }
  return g_strndup (number, length);
}

typedef struct
{
  guint  count;          /* pages it is on */
  double min_y, max_y;   /* its heights there */
  gboolean apart;        /* set apart from the text on every page */
} KeyStats;

/* Is the line at @i of @sorted (by height) set apart from the text below
 * it (@top) or above it by more than a line's leading? */
static gboolean
is_apart (GPtrArray *sorted,
          guint      i,
          gboolean   top)
{
  LecternPdfLine *line = g_ptr_array_index (sorted, i);
  double nearest = G_MAXDOUBLE;

  if (top)
    {
      for (guint j = i + 1; j < sorted->len; j++)
        {
          LecternPdfLine *other = g_ptr_array_index (sorted, j);

          if (other->y1 <= line->y1 + 0.5 * line->size)
            continue;
          nearest = other->y1 - line->y2;
          break;
        }
    }
  else
    {
      for (guint j = i; j > 0 && i - j < 8; j--)
        {
          LecternPdfLine *other = g_ptr_array_index (sorted, j - 1);

          if (other->y2 >= line->y2 - 0.5 * line->size)
            continue;
          nearest = MIN (nearest, line->y1 - other->y2);
        }
    }
  return nearest > line->size;
}

typedef struct
{
  LecternPdfLine *line;
  guint           page;
  char           *key;
  char           *lone;     /* a lone page number's text */
} Candidate;

static void
candidate_clear (gpointer data)
{
  Candidate *c = data;

  g_free (c->key);
  g_free (c->lone);
}

/* Numbers (up to 5 digits) in @text, in order. */
static GArray *
numbers_in (const char *text)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (const char *p = text; *p != '\0';)
    {
      if (g_ascii_isdigit (*p))
        {
          const char *start = p;

          while (g_ascii_isdigit (*p))
            p++;
          if (p - start <= 5)
            {
              gint64 n = g_ascii_strtoll (start, NULL, 10);
              g_array_append_val (numbers, n);
            }
        }
      else
        p++;
    }
  return numbers;
}

void
lectern_pdf_layout_remove_furniture (GPtrArray *pages)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) offsets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) furniture = g_hash_table_new (NULL, NULL);
  guint pages_with_text = 0;
  guint needed;
  gint64 best_offset = 0;
  guint best_count = 0;
  g_autoptr(GHashTable) page_offsets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint offsets_page = G_MAXUINT;
  double body;

  g_array_set_clear_func (candidates, candidate_clear);
  body = body_size_of (pages);

  /* The lines at each page's top and bottom, up to two each; not those
   * set larger than the text, which are headings even when each chapter
   * begins at a page's top with "Chapter N". */
  for (guint p = 0; p < pages->len; p++)
    {
      LecternPdfPage *page = g_ptr_array_index (pages, p);
      g_autoptr(GPtrArray) sorted = NULL;
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      if (page->lines->len == 0)
        continue;
      pages_with_text++;
      sorted = borrow_lines (page->lines);
      g_ptr_array_sort (sorted, compare_top);

      for (guint i = 0; i < sorted->len; i++)
        {
          LecternPdfLine *line = g_ptr_array_index (sorted, i);
          gboolean top = i < 2 && line->y2 <= page->height * FURNITURE_ZONE;
          gboolean bottom = i + 2 >= sorted->len && line->y1 >= page->height * (1 - FURNITURE_ZONE);
          Candidate c = { line, p, NULL, NULL };

          if (!top && !bottom)
            continue;
          c.lone = lone_page_number (line->text);
          if (c.lone == NULL && round_size (line->size) >= body * HEADING_FACTOR)
            continue;
          c.key = furniture_key (line->text);
          if (*c.key != '\0' && !g_hash_table_contains (seen, c.key))
            {
              KeyStats *stats = g_hash_table_lookup (counts, c.key);
              gboolean apart = is_apart (sorted, i, top);

              g_hash_table_add (seen, c.key);
              if (stats == NULL)
                {
                  stats = g_new0 (KeyStats, 1);
                  stats->min_y = stats->max_y = line->y1;
                  stats->apart = TRUE;
                  g_hash_table_insert (counts, c.key, stats);
                }
              stats->count++;
              stats->min_y = MIN (stats->min_y, line->y1);
              stats->max_y = MAX (stats->max_y, line->y1);
              stats->apart = stats->apart && apart;
            }
          g_array_append_val (candidates, c);
        }
    }

  needed = MAX (2, (guint) ceil (pages_with_text * FURNITURE_SHARE));
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      KeyStats *stats = g_hash_table_lookup (counts, c->key);
      g_autoptr(GArray) numbers = NULL;

      /* On enough of the pages; or on a few (a chapter's running header)
       * at the very same height, set apart from the text. */
      if (c->lone == NULL
          && (stats == NULL || stats->count < 2
              || (stats->count < needed && (stats->max_y - stats->min_y > 1.0 || !stats->apart))))
        continue;
      g_hash_table_add (furniture, c->line);

      /* A number that grows with the page's index is the page number. */
      numbers = numbers_in (c->line->text);
      for (guint n = 0; n < numbers->len; n++)
        {
          gint64 offset = g_array_index (numbers, gint64, n) - (gint64) c->page;
          guint seen;

          /* Pages count, not lines: a header and a footer agree. */
          if (c->page != offsets_page)
            {
              g_hash_table_remove_all (page_offsets);
              offsets_page = c->page;
            }
          if (!g_hash_table_add (page_offsets, g_memdup2 (&offset, sizeof offset)))
            continue;
          seen = GPOINTER_TO_UINT (g_hash_table_lookup (offsets, &offset)) + 1;
          g_hash_table_insert (offsets, g_memdup2 (&offset, sizeof offset), GUINT_TO_POINTER (seen));
          if (seen > best_count)
            {
              best_count = seen;
              best_offset = offset;
            }
        }
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      LecternPdfPage *page = g_ptr_array_index (pages, c->page);
      g_autoptr(GArray) numbers = NULL;

      if (!g_hash_table_contains (furniture, c->line) || page->printed != NULL)
        continue;
      numbers = numbers_in (c->line->text);
      for (guint n = 0; n < numbers->len; n++)
        if (page->printed == NULL && best_count > 0
            && (pages_with_text == 1 || best_count >= MAX (2, (pages_with_text + 1) / 2))
            && g_array_index (numbers, gint64, n) == best_offset + (gint64) c->page)
          page->printed = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (numbers, gint64, n));
      if (page->printed == NULL && c->lone != NULL && !g_ascii_isdigit (c->lone[0]))
        page->printed = g_strdup (c->lone);
    }

  for (guint p = 0; p < pages->len; p++)
    {
      LecternPdfPage *page = g_ptr_array_index (pages, p);

      for (guint i = page->lines->len; i > 0; i--)
        if (g_hash_table_contains (furniture, g_ptr_array_index (page->lines, i - 1)))
          g_ptr_array_remove_index (page->lines, i - 1);
    }
}

/* ------------------------------------------------------------------ */
/* The document's style                                                */


static void
add_word (GHashTable *words,
          const char *start,
          gsize       length)
{
  g_autofree char *word = NULL;

  while (length > 0 && (start[length - 1] == '-'))
    length--;
  if (length == 0)
    return;
  word = g_utf8_strdown (start, length);
  g_hash_table_insert (words, g_strdup (word),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (words, word)) + 1));
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c) || c == '-' || c == 0x2010;
}

GHashTable *
lectern_pdf_layout_count_words (GPtrArray *pages)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint p = 0; p < pages->len; p++)
    {
      LecternPdfPage *page = g_ptr_array_index (pages, p);

      for (guint i = 0; i < page->lines->len; i++)
        {
          LecternPdfLine *line = g_ptr_array_index (page->lines, i);
          const char *start = NULL;

          for (const char *q = line->text;; q = g_utf8_next_char (q))
            {
              gunichar c = g_utf8_get_char (q);

              if (c != 0 && is_word_char (c))
                {
                  if (start == NULL)
                    start = q;
                  continue;
                }
              /* The line's last word may be hyphenated: not counted. */
              if (start != NULL && c != 0)
                add_word (words, start, q - start);
              start = NULL;
              if (c == 0)
                break;
            }
        }
    }
  return words;
}

void
lectern_pdf_layout_study (GPtrArray               *pages,
                          LecternPdfDocumentStyle *style)
{
  g_autoptr(GHashTable) sizes = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, NULL);
  g_autoptr(GArray) larger = g_array_new (FALSE, FALSE, sizeof (double));
  GHashTableIter iter;
  gpointer key;

  memset (style, 0, sizeof *style);
  style->body_size = body_size_of (pages);

  for (guint p = 0; p < pages->len; p++)
    {
      LecternPdfPage *page = g_ptr_array_index (pages, p);

      for (guint i = 0; !page->recognised && i < page->lines->len; i++)
        {
          double size = round_size (((LecternPdfLine *) g_ptr_array_index (page->lines, i))->size);

          g_hash_table_add (sizes, g_memdup2 (&size, sizeof size));
        }
    }

  g_hash_table_iter_init (&iter, sizes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (*(double *) key >= style->body_size * HEADING_FACTOR)
      g_array_append_val (larger, *(double *) key);
  /* Largest first. */
  g_array_sort (larger, compare_double);
  for (guint i = 0; i < larger->len / 2; i++)
    {
      double t = g_array_index (larger, double, i);

      g_array_index (larger, double, i) = g_array_index (larger, double, larger->len - 1 - i);
      g_array_index (larger, double, larger->len - 1 - i) = t;
    }
  style->n_heading_sizes = MIN (larger->len, G_N_ELEMENTS (style->heading_sizes));
  for (guint i = 0; i < style->n_heading_sizes; i++)
    style->heading_sizes[i] = g_array_index (larger, double, i);

  style->words = lectern_pdf_layout_count_words (pages);

  for (guint p = 0; p < pages->len; p++)
    {
      LecternPdfPage *page = g_ptr_array_index (pages, p);

      for (guint i = 0; page->recognised && i < page->lines->len; i++)
        ((LecternPdfLine *) g_ptr_array_index (page->lines, i))->size = style->body_size;
    }
}

void
lectern_pdf_document_style_clear (LecternPdfDocumentStyle *style)
{
  g_clear_pointer (&style->words, g_hash_table_unref);
}

static guint
heading_level (const LecternPdfDocumentStyle *style,
               double                         size)
{
  double rounded = round_size (size);

  if (rounded < style->body_size * HEADING_FACTOR)
    return 0;
  for (guint i = 0; i < style->n_heading_sizes; i++)
    if (rounded >= style->heading_sizes[i])
      return i + 1;
  return MAX (style->n_heading_sizes, 1);
}

/* A footnote's mark at the start of its first line ("1", "12", "*"):
 * the mark's length in bytes, or 0. */
static gsize
footnote_mark (const char *text)
{
  const char *p = text;
  gunichar c = g_utf8_get_char (p);

  if (c == '*' || c == 0x2020 || c == 0x2021 || c == 0x00A7 || c == 0x00B6)
    {
      while (g_utf8_get_char (p) == c)
        p = g_utf8_next_char (p);
      return p - text;
    }
  while (g_ascii_isdigit (*p) && p - text < 3)
    p++;
  if (p == text || g_ascii_isdigit (*p) || *p == '\0')
    return 0;
  /* "1903 was" is a year; "1." or "1 Archives" or "1Archives" a mark. */
  return p - text;
}

/* ------------------------------------------------------------------ */
/* Reading order                                                       */

typedef struct
{
  double a;     /* a gutter, free of text from a to b */
  double b;
} Gutter;

typedef struct
{
  GPtrArray *lines;      /* (element-type LecternPdfLine) */
  GArray    *gutters;    /* (element-type Gutter); empty: one column */
  double     bottom;
  double     size;
} Band;

static void
band_clear (gpointer data)
{
  Band *band = data;

  g_ptr_array_unref (band->lines);
  g_array_unref (band->gutters);
}

static gboolean
band_footnote (Band *band)
{
  return ((LecternPdfLine *) g_ptr_array_index (band->lines, band->lines->len - 1))->footnote;
}

static double
center_y (const LecternPdfLine *line)
{
  return (line->y1 + line->y2) / 2;
}

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  const LecternPdfLine *la = *(LecternPdfLine * const *) a;
  const LecternPdfLine *lb = *(LecternPdfLine * const *) b;

  return la->x1 < lb->x1 ? -1 : la->x1 > lb->x1 ? 1 : 0;
}

/* Columns of a row: the gaps between lines side by side. */
static GArray *
row_gutters (GPtrArray *row)
{
  GArray *gutters = g_array_new (FALSE, FALSE, sizeof (Gutter));

  g_ptr_array_sort (row, compare_x);
  for (guint i = 1; i < row->len; i++)
    {
      LecternPdfLine *left = g_ptr_array_index (row, i - 1);
      LecternPdfLine *right = g_ptr_array_index (row, i);
      double size = MIN (left->size, right->size);

      if (right->x1 - left->x2 >= 0.5 * size)
        {
          Gutter g = { left->x2, right->x1 };

          g_array_append_val (gutters, g);
        }
    }
  return gutters;
}

/* Narrows @band's gutters to let @line in; FALSE when it crosses one. */
static gboolean
band_admits (Band           *band,
             LecternPdfLine *line)
{
  for (guint i = 0; i < band->gutters->len; i++)
    {
      Gutter *g = &g_array_index (band->gutters, Gutter, i);
      double mid = (g->a + g->b) / 2;

      if (line->x2 <= g->a || line->x1 >= g->b)
        continue;
      if (line->x1 < mid && line->x2 > mid)
        return FALSE;
      if (line->x1 < mid)
        g->a = line->x2;
      else
        g->b = line->x1;
      if (g->b - g->a < 0.5 * line->size)
        return FALSE;
    }
  return TRUE;
}

static guint
column_of (Band           *band,
           LecternPdfLine *line)
{
  double mid = (line->x1 + line->x2) / 2;
  guint column = 0;

  for (guint i = 0; i < band->gutters->len; i++)
    if (mid > g_array_index (band->gutters, Gutter, i).b - 0.01
        || line->x1 >= g_array_index (band->gutters, Gutter, i).b - 0.01)
      column = i + 1;
  return column;
}

static int
compare_reading (gconstpointer a,
                 gconstpointer b)
{
  const LecternPdfLine *la = *(LecternPdfLine * const *) a;
  const LecternPdfLine *lb = *(LecternPdfLine * const *) b;

  if (la->footnote != lb->footnote)
    return la->footnote ? 1 : -1;
  if (la->region != lb->region)
    return la->region < lb->region ? -1 : 1;
  if (la->column != lb->column)
    return la->column < lb->column ? -1 : 1;
  if (la->row != lb->row)
    return la->row < lb->row ? -1 : 1;
  return la->x1 < lb->x1 ? -1 : la->x1 > lb->x1 ? 1 : 0;
}

void
lectern_pdf_layout_order (LecternPdfPage                *page,
                          const LecternPdfDocumentStyle *style)
{
  g_autoptr(GArray) bands = g_array_new (FALSE, TRUE, sizeof (Band));
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  double body_bottom = -G_MAXDOUBLE;
  LecternPdfLine *first_note = NULL;
  Band *band = NULL;
  guint i = 0;

  g_array_set_clear_func (bands, band_clear);
  if (page->lines->len == 0)
    return;

  /* Small print below everything else on the page: footnotes. */
  for (guint k = 0; k < page->lines->len; k++)
    {
      LecternPdfLine *line = g_ptr_array_index (page->lines, k);

      line->footnote = FALSE;
      if (round_size (line->size) > style->body_size * FOOTNOTE_FACTOR)
        body_bottom = MAX (body_bottom, line->y2);
    }
  for (guint k = 0; k < page->lines->len; k++)
    {
      LecternPdfLine *line = g_ptr_array_index (page->lines, k);

      line->footnote = body_bottom > -G_MAXDOUBLE
                       && round_size (line->size) <= style->body_size * FOOTNOTE_FACTOR
                       && line->y1 >= body_bottom - 0.01;
      if (line->footnote && (first_note == NULL || compare_top (&line, &first_note) < 0))
        first_note = line;
    }
  /* Footnotes begin with their mark; small print that does not (a
   * caption, a table, a colophon) is the text's. */
  if (first_note != NULL && footnote_mark (first_note->text) == 0)
    for (guint k = 0; k < page->lines->len; k++)
      ((LecternPdfLine *) g_ptr_array_index (page->lines, k))->footnote = FALSE;

  sorted = borrow_lines (page->lines);
  g_ptr_array_sort (sorted, compare_top);

  /* Rows of lines side by side, top to bottom. */
  while (i < sorted->len)
    {
      GPtrArray *row = g_ptr_array_new ();
      LecternPdfLine *first = g_ptr_array_index (sorted, i);

      while (i < sorted->len)
        {
          LecternPdfLine *line = g_ptr_array_index (sorted, i);

          if (row->len > 0 && (center_y (line) > first->y2 || line->footnote != first->footnote))
            break;
          line->row = rows->len;
          g_ptr_array_add (row, line);
          i++;
        }
      g_ptr_array_add (rows, row);
    }

  /* Gathered into bands: a band with gutters goes on as long as no line
   * crosses a gutter and no wide gap or change of size says a new part
   * of the page begins. */
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);
      LecternPdfLine *first = g_ptr_array_index (row, 0);
      g_autoptr(GArray) gutters = row_gutters (row);
      gboolean fits = band != NULL;

      /* A gutter is one only if the rows below keep it free and go on on
       * both sides of it: the gaps a justified line opens between its
       * words do not go down the page, and a bullet has only its item's
       * lines on its right. */
      for (guint g = gutters->len; g > 0; g--)
        {
          Gutter *gutter = &g_array_index (gutters, Gutter, g - 1);
          double mid = (gutter->a + gutter->b) / 2;
          gboolean crossed = FALSE;
          gboolean both = FALSE;

          for (guint next = r + 1; next < rows->len && next <= r + 2 && !crossed; next++)
            {
              GPtrArray *below = g_ptr_array_index (rows, next);
              gboolean left = FALSE, right = FALSE;

              for (guint k = 0; k < below->len && !crossed; k++)
                {
                  LecternPdfLine *line = g_ptr_array_index (below, k);

                  if (line->footnote != first->footnote)
                    continue;
                  crossed = line->x1 < mid && line->x2 > mid;
                  left = left || line->x2 <= mid;
                  right = right || line->x1 >= mid;
                }
              both = both || (left && right);
            }
          if (crossed || !both)
            g_array_remove_index (gutters, g - 1);
        }

      if (band != NULL && band->gutters->len > 0)
        {
          double gap = first->y1 - band->bottom;

          if (gap > 1.2 * first->size || fabs (first->size - band->size) > 0.15 * band->size
              || first->footnote != band_footnote (band))
            fits = FALSE;
          for (guint k = 0; fits && k < row->len; k++)
            fits = band_admits (band, g_ptr_array_index (row, k));
        }
      else if (band != NULL)
        fits = gutters->len == 0 && first->footnote == band_footnote (band);

      if (!fits)
        {
          Band fresh = { g_ptr_array_new (), g_array_new (FALSE, FALSE, sizeof (Gutter)), 0, first->size };

          if (gutters->len > 0 && !first->footnote)
            g_array_append_vals (fresh.gutters, gutters->data, gutters->len);
          g_array_append_val (bands, fresh);
          band = &g_array_index (bands, Band, bands->len - 1);
        }
      for (guint k = 0; k < row->len; k++)
        {
          LecternPdfLine *line = g_ptr_array_index (row, k);

          g_ptr_array_add (band->lines, line);
          band->bottom = MAX (band->bottom, line->y2);
        }
    }

  for (guint b = 0; b < bands->len; b++)
    {
      Band *each = &g_array_index (bands, Band, b);
      double lefts[64], rights[64];
      guint n_columns = MIN (each->gutters->len + 1, G_N_ELEMENTS (lefts));

      for (guint c = 0; c < n_columns; c++)
        {
          lefts[c] = G_MAXDOUBLE;
          rights[c] = -G_MAXDOUBLE;
        }
      for (guint k = 0; k < each->lines->len; k++)
        {
          LecternPdfLine *line = g_ptr_array_index (each->lines, k);

          line->region = b;
          line->column = MIN (column_of (each, line), n_columns - 1);
          lefts[line->column] = MIN (lefts[line->column], line->x1);
          rights[line->column] = MAX (rights[line->column], line->x2);
        }
      for (guint k = 0; k < each->lines->len; k++)
        {
          LecternPdfLine *line = g_ptr_array_index (each->lines, k);

          line->column_x1 = lefts[line->column];
          line->column_x2 = rights[line->column];
        }
    }

  g_ptr_array_sort (page->lines, compare_reading);

  /* Pieces of one line in one column (poppler parts a justified line at
   * its widest gaps, and a bullet from its item) become one line again. */
  for (guint k = page->lines->len; k > 1; k--)
    {
      LecternPdfLine *prev = g_ptr_array_index (page->lines, k - 2);
      LecternPdfLine *line = g_ptr_array_index (page->lines, k - 1);

      if (line->region == prev->region && line->column == prev->column
          && line->row == prev->row && line->footnote == prev->footnote
          && line->x1 >= prev->x2 - 0.01)
        {
          char *text = g_strconcat (prev->text, " ", line->text, NULL);

          g_free (prev->text);
          prev->text = text;
          prev->x2 = MAX (prev->x2, line->x2);
          prev->y1 = MIN (prev->y1, line->y1);
          prev->y2 = MAX (prev->y2, line->y2);
          prev->size = MAX (prev->size, line->size);
          g_ptr_array_remove_index (page->lines, k - 1);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Joining lines                                                       */

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010;
}

/* Words longer than this are not looked up (and not scanned for). */
#define MAX_WORD 64

/* The letters of @text's last word before @end. */
static char *
last_word (const char *text,
           const char *end)
{
  const char *start = end;

  while (start > text && end - start < MAX_WORD)
    {
      const char *prev = g_utf8_prev_char (start);

      if (!g_unichar_isalpha (g_utf8_get_char (prev)) && !g_unichar_ismark (g_utf8_get_char (prev)))
        break;
      start = prev;
    }
  return g_utf8_strdown (start, end - start);
}

static char *
first_word (const char *text)
{
  const char *end = text;

  while (*end != '\0' && end - text < MAX_WORD
         && (g_unichar_isalpha (g_utf8_get_char (end)) || g_unichar_ismark (g_utf8_get_char (end))))
    end = g_utf8_next_char (end);
  return g_utf8_strdown (text, end - text);
}

/* lectern_pdf_layout_join() in place: @text grows by @second, so that a
 * long paragraph costs no more than its length. */
static void
join_into (GString    *text,
           const char *second,
           GHashTable *words)
{
  const char *first = text->str;
  const char *last;
  gunichar c, before, next;

  while (*second == ' ')
    second++;
  while (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);
  if (text->len == 0 || *second == '\0')
    {
      g_string_append (text, second);
      return;
    }

  last = g_utf8_prev_char (text->str + text->len);
  c = g_utf8_get_char (last);
  next = g_utf8_get_char (second);

  /* A soft hyphen marks where a word was broken, and nothing else. */
  if (c == 0x00AD)
    {
      g_string_truncate (text, last - first);
      g_string_append (text, second);
      return;
    }

  if (is_hyphen (c) && last > first)
    {
      before = g_utf8_get_char (g_utf8_prev_char (last));
      if (g_unichar_isalpha (before))
        {
          gboolean keep = !g_unichar_islower (next);

          /* A lowercase letter goes on with the word, unless the document
           * writes the two halves with a hyphen and never without. */
          if (!keep && words != NULL)
            {
              g_autofree char *head = last_word (first, last);
              g_autofree char *tail = first_word (second);
              g_autofree char *whole = g_strconcat (head, tail, NULL);
              g_autofree char *compound = g_strconcat (head, "-", tail, NULL);

              keep = g_hash_table_contains (words, compound) && !g_hash_table_contains (words, whole);
            }
          if (!keep)
            g_string_truncate (text, last - first);
          g_string_append (text, second);
          return;
        }
    }
  g_string_append_c (text, ' ');
  g_string_append (text, second);
}

char *
lectern_pdf_layout_join (const char *first,
                         const char *second,
                         GHashTable *words)
{
  GString *text = g_string_new (first);

  join_into (text, second, words);
  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------ */
/* Blocks                                                              */

static gboolean
ends_sentence (const char *text)
{
  gsize length = strlen (text);

  while (length > 0 && text[length - 1] == ' ')
    length--;
  if (length == 0)
    return TRUE;
  {
    const char *last = g_utf8_prev_char (text + length);
    gunichar c = g_utf8_get_char (last);

    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"'
           || c == 0x201D || c == 0x2019 || c == ')' || c == 0x00BB;
  }
}

static gboolean
is_indented (const LecternPdfLine *line)
{
  return line->x1 - line->column_x1 > 0.6 * line->size;
}

static gboolean
is_short (const LecternPdfLine *line)
{
  return line->column_x2 - line->x2 > 2 * line->size;
}


static gboolean
is_bullet (gunichar c)
{
  return c == 0x2022 || c == 0x25E6 || c == 0x25AA || c == 0x2023 || c == 0x25CF
         || c == 0x25CB || c == 0x25A0 || c == 0x25A1 || c == 0x25C6 || c == 0x27A2
         || c == 0x2043 || c == 0x2219 || c == 0x00B7;
}

/* The length in bytes of a list item's marker at the start of @text ("•",
 * "1.", "12)", "(a)"), or 0. */
static gsize
list_marker (const char *text)
{
  const char *p = text;

  if (is_bullet (g_utf8_get_char (p)))
    return g_utf8_next_char (p) - text;
  if (*p == '(' && g_ascii_isalnum (p[1]) && p[2] == ')' && p[3] == ' ')
    return 3;
  while (g_ascii_isdigit (*p) && p - text < 2)
    p++;
  if (p > text && (*p == '.' || *p == ')') && p[1] == ' ')
    return p + 1 - text;
  return 0;
}

/* Does @line begin a new block after @prev? @next may be NULL. */
static gboolean
breaks_before (const LecternPdfLine *prev,
               const LecternPdfLine *line,
               const LecternPdfLine *next,
               double                gap,
               gboolean              in_list,
               const LecternPdfDocumentStyle *style)
{
  guint level = heading_level (style, line->size);
  guint prev_level = heading_level (style, prev->size);

  if (line->footnote != prev->footnote || level != prev_level)
    return TRUE;
  if (line->footnote)
    return footnote_mark (line->text) > 0;

  if (line->region == prev->region && line->column == prev->column)
    {
      double step = line->y1 - prev->y2;

      if (level > 0)
        return step > 0.8 * line->size;
      if (step > gap + 0.35 * line->size)
        return TRUE;
      if (list_marker (line->text) > 0)
        return TRUE;
      /* A line left of a list item's lines is the text after the list. */
      if (in_list && line->x1 < prev->x1 - 0.6 * line->size)
        return TRUE;
      /* A first line set in: a new paragraph, unless the lines after it
       * are set in as well (a hanging indent), or the line before begins
       * a list item whose text this one lines up under. */
      if (line->x1 > prev->x1 + 0.6 * line->size && is_indented (line)
          && list_marker (prev->text) == 0
          && (next == NULL || next->region != line->region || next->column != line->column
              || next->x1 < line->x1 - 0.6 * line->size))
        return TRUE;
      return is_short (prev) && ends_sentence (prev->text);
    }

  /* The next column or band: the paragraph goes on if the previous line
   * ran to its column's end and this one is not set in. */
  if (level > 0)
    return TRUE;
  if (line->y1 >= prev->y2 && line->y1 - prev->y2 > gap + 0.35 * line->size)
    return TRUE;
  return is_indented (line) || is_short (prev);
}


static double
median_gap (LecternPdfPage *page)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 1; i < page->lines->len; i++)
    {
      LecternPdfLine *prev = g_ptr_array_index (page->lines, i - 1);
      LecternPdfLine *line = g_ptr_array_index (page->lines, i);
      double gap = line->y1 - prev->y2;

      if (line->region == prev->region && line->column == prev->column
          && !line->footnote && fabs (line->size - prev->size) < 0.5
          && gap > -line->size)
        g_array_append_val (gaps, gap);
    }
  /* Too few to tell a paragraph's gap from a line's: the usual leading. */
  if (gaps->len < 3)
    return 0.3 * ((LecternPdfLine *) g_ptr_array_index (page->lines, 0))->size;
  g_array_sort (gaps, compare_double);
  /* The lower quartile: paragraph gaps are the minority. */
  return g_array_index (gaps, double, gaps->len / 4);
}

static LecternPdfBlock *
block_for (const LecternPdfLine          *line,
           const LecternPdfDocumentStyle *style)
{
  LecternPdfBlock *block = g_new0 (LecternPdfBlock, 1);
  guint level = heading_level (style, line->size);

  if (line->footnote)
    {
      gsize mark = footnote_mark (line->text);

      block->kind = LECTERN_PDF_BLOCK_FOOTNOTE;
      if (mark > 0)
        {
          const char *rest = line->text + mark;

          while (*rest == ' ')
            rest++;
          block->mark = g_strndup (line->text, mark);
          block->text = g_strdup_printf ("%s %s", block->mark, rest);
        }
    }
  else if (level > 0)
    {
      block->kind = LECTERN_PDF_BLOCK_HEADING;
      block->level = MIN (level, 6);
    }
  else
    {
      gsize marker = list_marker (line->text);

      block->kind = marker > 0 ? LECTERN_PDF_BLOCK_LIST_ITEM : LECTERN_PDF_BLOCK_PARAGRAPH;
      /* A bullet drawn close to its text comes without a space. */
      if (marker > 0 && line->text[marker] != ' ' && line->text[marker] != '\0')
        block->text = g_strdup_printf ("%.*s %s", (int) marker, line->text, line->text + marker);
    }
  if (block->text == NULL)
    block->text = g_strdup (line->text);
  block->set_in = is_indented (line);
  block->full = !is_short (line);
  return block;
}

GPtrArray *
lectern_pdf_layout_blocks (LecternPdfPage                *page,
                           const LecternPdfDocumentStyle *style)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_pdf_block_free);
  LecternPdfBlock *block = NULL;
  GString *text = NULL;   /* the open block's text, grown in place */
  double gap;

  if (page->lines->len == 0)
    return blocks;
  gap = median_gap (page);

  for (guint i = 0; i < page->lines->len; i++)
    {
      LecternPdfLine *line = g_ptr_array_index (page->lines, i);
      LecternPdfLine *prev = i > 0 ? g_ptr_array_index (page->lines, i - 1) : NULL;
      LecternPdfLine *next = i + 1 < page->lines->len ? g_ptr_array_index (page->lines, i + 1) : NULL;

      if (block == NULL || breaks_before (prev, line, next, gap,
                                           block->kind == LECTERN_PDF_BLOCK_LIST_ITEM, style))
        {
          if (block != NULL)
            block->text = g_string_free (text, FALSE);
          block = block_for (line, style);
          text = g_string_new (block->text);
          g_clear_pointer (&block->text, g_free);
          g_ptr_array_add (blocks, block);
        }
      else
        {
          join_into (text, line->text, style->words);
          block->full = !is_short (line);
        }
    }
  block->text = g_string_free (text, FALSE);
  return blocks;
}

gboolean
lectern_pdf_layout_join_pages (GPtrArray  *blocks,
                               GPtrArray  *next,
                               GHashTable *words)
{
  LecternPdfBlock *last = NULL;
  LecternPdfBlock *first;
  char *joined;

  for (guint i = blocks->len; i > 0; i--)
    {
      LecternPdfBlock *block = g_ptr_array_index (blocks, i - 1);

      if (block->kind == LECTERN_PDF_BLOCK_FOOTNOTE)
        continue;
      if (block->kind == LECTERN_PDF_BLOCK_PARAGRAPH || block->kind == LECTERN_PDF_BLOCK_LIST_ITEM)
        last = block;
      break;
    }
  if (last == NULL || next->len == 0)
    return FALSE;
  first = g_ptr_array_index (next, 0);
  if (first->kind != LECTERN_PDF_BLOCK_PARAGRAPH || first->set_in || !last->full)
    return FALSE;
  if (ends_sentence (last->text) && !g_unichar_islower (g_utf8_get_char (first->text)))
    return FALSE;

  joined = lectern_pdf_layout_join (last->text, first->text, words);
  g_free (last->text);
  last->text = joined;
  last->full = first->full;
  g_ptr_array_remove_index (next, 0);
  return TRUE;
}
