/* lectern-stripe-layout.c
 *
 * Coding stripes in the reader's margin: one vertical bar per passage and
 * code. Bars of different codes that overlap vertically must stand in
 * different columns, or one would hide the other; all bars of one code
 * share a column, so a code keeps its place while the reader scrolls
 * through the visible part. Greedy interval colouring over codes: codes
 * are placed in the order they first appear from the top (ties by id, so
 * the result does not depend on the input order), each in the lowest
 * column whose bars none of its own overlap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-stripe-layout.h"

typedef struct
{
  gint64 code;
  int    top;
  guint  column;
} Code;

static int
compare_code_by_top (gconstpointer a,
                     gconstpointer b)
{
  const Code *ca = a, *cb = b;

  if (ca->top != cb->top)
    return (ca->top > cb->top) - (ca->top < cb->top);
  return (ca->code > cb->code) - (ca->code < cb->code);
}

static Code *
find_code (GArray *codes,
           gint64  code)
{
  for (guint i = 0; i < codes->len; i++)
    if (g_array_index (codes, Code, i).code == code)
      return &g_array_index (codes, Code, i);
  return NULL;
}

/* Whether a bar of @code overlaps a bar of another code already placed in
 * @column. */
static gboolean
column_taken (const LecternStripe *stripes,
              guint                n_stripes,
              GArray              *codes,
              guint                n_placed,
              gint64               code,
              guint                column)
{
  for (guint i = 0; i < n_stripes; i++)
    {
      if (stripes[i].code != code)
        continue;
      for (guint j = 0; j < n_stripes; j++)
        {
          const Code *other;

          if (stripes[j].code == code || stripes[j].y0 >= stripes[i].y1 || stripes[i].y0 >= stripes[j].y1)
            continue;
          other = find_code (codes, stripes[j].code);
          if ((guint) (other - (Code *) codes->data) < n_placed && other->column == column)
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * lectern_stripe_layout_assign:
 * @stripes: (array length=n_stripes): the bars to place
 * @n_stripes: their number
 * @columns: (out caller-allocates) (array length=n_stripes): the column of
 *   each bar, from 0
 *
 * Returns: the number of columns used
 */
guint
lectern_stripe_layout_assign (const LecternStripe *stripes,
                              guint                n_stripes,
                              guint               *columns)
{
  g_autoptr(GArray) codes = g_array_new (FALSE, FALSE, sizeof (Code));
  guint n_columns = 0;

  g_return_val_if_fail (n_stripes == 0 || (stripes != NULL && columns != NULL), 0);

  for (guint i = 0; i < n_stripes; i++)
    {
      Code *c = find_code (codes, stripes[i].code);

      if (c == NULL)
        {
          Code nc = { stripes[i].code, stripes[i].y0, 0 };

          g_array_append_val (codes, nc);
        }
      else
        c->top = MIN (c->top, stripes[i].y0);
    }
  g_array_sort (codes, compare_code_by_top);

  /* The bars are those of a screen: a few dozen, so the quadratic
   * overlap test costs nothing next to laying out the text. */
  for (guint i = 0; i < codes->len; i++)
    {
      Code *c = &g_array_index (codes, Code, i);
      guint column = 0;

      while (column_taken (stripes, n_stripes, codes, i, c->code, column))
        column++;
      c->column = column;
      n_columns = MAX (n_columns, column + 1);
    }

  for (guint i = 0; i < n_stripes; i++)
    columns[i] = find_code (codes, stripes[i].code)->column;
  return n_columns;
}
