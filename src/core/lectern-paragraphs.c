/* lectern-paragraphs.c — paragraph numbers for code-point offsets.
 *
 * Blank lines (only white space) are not paragraphs, so a text that
 * separates its paragraphs with an empty line and one that uses a single
 * line break number them alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-paragraphs.h"

struct _LecternParagraphs
{
  GArray *starts;   /* glong, code points */
  GArray *ends;     /* glong, exclusive, before the '\n' */
};

static gboolean
is_blank (const char *line,
          const char *end)
{
  for (const char *p = line; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

LecternParagraphs *
lectern_paragraphs_new (const char *text)
{
  LecternParagraphs *self = g_new0 (LecternParagraphs, 1);
  const char *line = text != NULL ? text : "";
  glong offset = 0;

  self->starts = g_array_new (FALSE, FALSE, sizeof (glong));
  self->ends = g_array_new (FALSE, FALSE, sizeof (glong));
  for (;;)
    {
      const char *newline = strchr (line, '\n');
      const char *end = newline != NULL ? newline : line + strlen (line);
      glong length = g_utf8_strlen (line, end - line);

      if (!is_blank (line, end))
        {
          glong stop = offset + length;

          g_array_append_val (self->starts, offset);
          g_array_append_val (self->ends, stop);
        }
      if (newline == NULL)
        break;
      offset += length + 1;
      line = newline + 1;
    }
  return self;
}

void
lectern_paragraphs_free (LecternParagraphs *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->starts);
  g_array_unref (self->ends);
  g_free (self);
}

guint
lectern_paragraphs_get_count (LecternParagraphs *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->starts->len;
}

gboolean
lectern_paragraphs_get_range (LecternParagraphs *self,
                              guint              number,
                              glong             *start,
                              glong             *end)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (number == 0 || number > self->starts->len)
    return FALSE;
  if (start != NULL)
    *start = g_array_index (self->starts, glong, number - 1);
  if (end != NULL)
    *end = g_array_index (self->ends, glong, number - 1);
  return TRUE;
}

/* How many paragraphs start at or before @offset. */
static guint
count_starting_by (LecternParagraphs *self,
                   glong              offset)
{
  guint lo = 0, hi = self->starts->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->starts, glong, mid) <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
lectern_paragraphs_at_offset (LecternParagraphs *self,
                              glong              offset)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  n = count_starting_by (self, offset);
  if (n > 0 && offset < g_array_index (self->ends, glong, n - 1))
    return n;
  return 0;
}

gboolean
lectern_paragraphs_span (LecternParagraphs *self,
                         glong              start,
                         glong              end,
                         guint             *first,
                         guint             *last)
{
  guint a, b;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (first != NULL && last != NULL, FALSE);

  *first = *last = 0;
  if (end <= start)
    return FALSE;
  /* The paragraph holding @start, else the next one; the paragraph
   * holding the last character, else the one before. */
  a = lectern_paragraphs_at_offset (self, start);
  if (a == 0)
    a = count_starting_by (self, start) + 1;
  b = count_starting_by (self, end - 1);
  if (a > self->starts->len || b == 0 || a > b)
    return FALSE;
  *first = a;
  *last = b;
  return TRUE;
}

char *
lectern_paragraphs_format (guint first,
                           guint last)
{
  if (last <= first)
    /* Translators: a citation of one paragraph, e.g. "¶ 14" */
    return g_strdup_printf (_("¶ %u"), first);
  /* Translators: a citation of several paragraphs, e.g. "¶¶ 14–16" */
  return g_strdup_printf (_("¶¶ %u–%u"), first, last);
}
