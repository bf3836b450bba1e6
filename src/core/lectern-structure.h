/* lectern-structure.h — what a source format says about the shape of its
 * text, kept beside the stored text as spans of code points.
 *
 * A span covers [start, end) of the document's stored text. Spans may
 * nest (a page holds paragraphs; a quote holds paragraphs) but never
 * cross. In text order: by start, and of two spans that start together,
 * the longer first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of each kind ("heading", "list-item", …) is how the project
 * file, the CLI and the exports name it. */
typedef enum
{
  LECTERN_STRUCTURE_KIND_HEADING,    /* value: the level, "1" to "6" */
  LECTERN_STRUCTURE_KIND_PARAGRAPH,
  LECTERN_STRUCTURE_KIND_LIST_ITEM,
  LECTERN_STRUCTURE_KIND_QUOTE,
  LECTERN_STRUCTURE_KIND_TABLE_ROW,
  LECTERN_STRUCTURE_KIND_FOOTNOTE,   /* value: its mark, "1", "*", "iv" */
  LECTERN_STRUCTURE_KIND_PAGE,       /* value: the printed label, "12", "xiv" */
  LECTERN_STRUCTURE_KIND_HEADER,     /* value: a mail header's name, "From" */
  LECTERN_STRUCTURE_KIND_TURN,       /* value: the speaker, "Sergey Lavrov" */
  LECTERN_STRUCTURE_KIND_TIME,       /* value: a timestamp, "00:01:23" or "00:01:23.500" */
} LecternStructureKind;

typedef struct
{
  guint                 start;
  guint                 end;
  LecternStructureKind  kind;
  char                 *value;       /* nullable */
} LecternSpan;

/* A GArray of LecternSpan that frees each span's value. (transfer full) */
GArray     *lectern_structure_new            (void);
void        lectern_structure_add            (GArray               *structure,
                                              guint                 start,
                                              guint                 end,
                                              LecternStructureKind  kind,
                                              const char           *value);
/* Puts @structure in text order. */
void        lectern_structure_sort           (GArray               *structure);
/* "heading", "list-item", …: the kind's nick. */
const char *lectern_structure_kind_to_string (LecternStructureKind  kind);
/* FALSE when @string names no kind. */
gboolean    lectern_structure_kind_from_string (const char         *string,
                                                LecternStructureKind *kind);
/* How a passage [start, end) of a paged source is cited: "p. 12" when
 * it lies on one page, "pp. 12–13" across several (translated), with the
 * pages' printed labels (or their numbers in text order when a page has
 * no label). NULL when no page span covers it. An empty range is cited
 * by the page that holds its position. (transfer full) */
char       *lectern_structure_cite_pages     (GArray               *structure,
                                              guint                 start,
                                              guint                 end);

G_END_DECLS
