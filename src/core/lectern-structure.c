/* lectern-structure.c — spans of structure beside a stored text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lectern-core.h"

static void
span_clear (gpointer data)
{
  LecternSpan *span = data;

  g_clear_pointer (&span->value, g_free);
}

GArray *
lectern_structure_new (void)
{
  GArray *structure = g_array_new (FALSE, FALSE, sizeof (LecternSpan));

  g_array_set_clear_func (structure, span_clear);
  return structure;
}

void
lectern_structure_add (GArray               *structure,
                       guint                 start,
                       guint                 end,
                       LecternStructureKind  kind,
                       const char           *value)
{
  LecternSpan span = { start, end, kind, g_strdup (value) };

  g_return_if_fail (structure != NULL);
  g_return_if_fail (start <= end);

  g_array_append_val (structure, span);
}

/* Of two spans over the same text, the container first. */
static int
rank (LecternStructureKind kind)
{
  switch (kind)
    {
    case LECTERN_STRUCTURE_KIND_PAGE:
      return 0;
    case LECTERN_STRUCTURE_KIND_TURN:
      return 1;
    case LECTERN_STRUCTURE_KIND_QUOTE:
    case LECTERN_STRUCTURE_KIND_FOOTNOTE:
      return 2;
    case LECTERN_STRUCTURE_KIND_HEADING:
    case LECTERN_STRUCTURE_KIND_PARAGRAPH:
    case LECTERN_STRUCTURE_KIND_LIST_ITEM:
    case LECTERN_STRUCTURE_KIND_TABLE_ROW:
    case LECTERN_STRUCTURE_KIND_HEADER:
    case LECTERN_STRUCTURE_KIND_TIME:
    default:
      return 3;
    }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const LecternSpan *sa = a;
  const LecternSpan *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  /* The outer span first. */
  if (sa->end != sb->end)
    return sa->end > sb->end ? -1 : 1;
  if (rank (sa->kind) != rank (sb->kind))
    return rank (sa->kind) - rank (sb->kind);
  return (int) sa->kind - (int) sb->kind;
}

void
lectern_structure_sort (GArray *structure)
{
  g_return_if_fail (structure != NULL);

  g_array_sort (structure, compare_spans);
}

const char *
lectern_structure_kind_to_string (LecternStructureKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LECTERN_TYPE_STRUCTURE_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  g_return_val_if_fail (value != NULL, NULL);
  /* The class stays referenced by the type system: static strings. */
  return value->value_nick;
}

gboolean
lectern_structure_kind_from_string (const char           *string,
                                    LecternStructureKind *kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LECTERN_TYPE_STRUCTURE_KIND);
  GEnumValue *value;

  g_return_val_if_fail (string != NULL, FALSE);

  value = g_enum_get_value_by_nick (klass, string);
  if (value == NULL)
    return FALSE;
  if (kind != NULL)
    *kind = value->value;
  return TRUE;
}

/* The page span holding code point @offset, and its label. */
static gboolean
find_page (GArray  *structure,
           guint    offset,
           char   **label)
{
  guint number = 0;

  for (guint i = 0; i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      if (span->kind != LECTERN_STRUCTURE_KIND_PAGE)
        continue;
      number++;
      if (span->start <= offset && offset < span->end)
        {
          *label = span->value != NULL && *span->value != '\0'
                   ? g_strdup (span->value) : g_strdup_printf ("%u", number);
          return TRUE;
        }
    }
  return FALSE;
}

char *
lectern_structure_cite_pages (GArray *structure,
                              guint   start,
                              guint   end)
{
  g_autoptr(GArray) sorted = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (structure != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  /* Numbers count pages in text order, whatever order the caller's are in. */
  sorted = lectern_structure_new ();
  for (guint i = 0; i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      if (span->kind == LECTERN_STRUCTURE_KIND_PAGE)
        lectern_structure_add (sorted, span->start, span->end, span->kind, span->value);
    }
  lectern_structure_sort (sorted);

  if (!find_page (sorted, start, &first))
    return NULL;
  if (end <= start || !find_page (sorted, end - 1, &last) || g_strcmp0 (first, last) == 0)
    /* Translators: a citation of one page, "p. 12" (French: "p. 12") */
    return g_strdup_printf (_("p. %s"), first);
  /* Translators: a citation of a run of pages, "pp. 12–13" (French
   * writes "p. 12-13": one "p." and a hyphen) */
  return g_strdup_printf (_("pp. %s–%s"), first, last);
}
