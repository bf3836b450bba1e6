/* lectern-pdf-layout.h — from the lines a PDF page draws to the blocks a
 * reader reads: page furniture (running headers, footers, page numbers)
 * taken away, columns read one after the other, lines joined into
 * paragraphs, words hyphenated at a line's end made whole again, and
 * headings and footnotes told apart by their font size.
 *
 * Pure geometry over boxes, with no PDF in it, so that it can be tested
 * on lines made up by hand; lectern-pdf-reader.c feeds it what poppler
 * (or Tesseract) finds on each page.
 *
 * Coordinates are PDF points with the origin at the page's top left, y
 * growing downwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-import.h"

G_BEGIN_DECLS

/* One line of text as drawn: glyphs on one baseline, in one column. */
typedef struct
{
  char   *text;         /* UTF-8, no '\n' */
  double  x1, y1;       /* top left */
  double  x2, y2;       /* bottom right */
  double  size;         /* the font size most of its glyphs have */

  /* Filled by lectern_pdf_layout_order(). */
  guint   region;       /* a band of the page read as one */
  guint   row;          /* lines side by side share it, top to bottom */
  guint   column;       /* the column inside the band, from the left */
  double  column_x1;    /* the column's left edge */
  double  column_x2;    /* and its right edge */
  gboolean footnote;    /* small print below the page's body */
} LecternPdfLine;

LecternPdfLine *lectern_pdf_line_new  (const char *text,
                                       double      x1,
                                       double      y1,
                                       double      x2,
                                       double      y2,
                                       double      size);
void            lectern_pdf_line_free (LecternPdfLine *line);

typedef struct
{
  GPtrArray *lines;     /* (element-type LecternPdfLine) (owned) */
  double     width;
  double     height;
  char      *printed;   /* set by _remove_furniture(): the page number
                           printed on it, or NULL */
  gboolean   recognised;/* its lines come from OCR: their sizes are
                           guesses, left out of the document's style
                           and set to its body size by _study() */
} LecternPdfPage;

LecternPdfPage *lectern_pdf_page_new  (double          width,
                                       double          height);
void            lectern_pdf_page_free (LecternPdfPage *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternPdfPage, lectern_pdf_page_free)

typedef enum
{
  LECTERN_PDF_BLOCK_PARAGRAPH,
  LECTERN_PDF_BLOCK_HEADING,
  LECTERN_PDF_BLOCK_FOOTNOTE,
  LECTERN_PDF_BLOCK_LIST_ITEM,  /* begins with a bullet or "1." */
} LecternPdfBlockKind;

typedef struct
{
  LecternPdfBlockKind  kind;
  guint                level;   /* headings: 1 for the largest size */
  char                *mark;    /* footnotes: "1", "*"; nullable */
  char                *text;    /* one line: line breaks joined */
  gboolean             set_in;  /* its first line is indented */
  gboolean             full;    /* its last line runs to its column's end */
} LecternPdfBlock;

void lectern_pdf_block_free (LecternPdfBlock *block);

/* What the whole document says about each page's lines. */
typedef struct
{
  double      body_size;       /* the size most of the text is set in */
  double      heading_sizes[6];/* larger sizes in use, largest first */
  guint       n_heading_sizes;
  GHashTable *words;           /* (nullable) lowercased word → count, from
                                  lectern_pdf_layout_count_words() */
} LecternPdfDocumentStyle;

/* Running headers and footers (lines at a page's top or bottom that
 * repeat, digits aside, on other pages) and lone page numbers are removed
 * from @pages (element-type LecternPdfPage); each page's printed number,
 * when one is found, is set in its `printed`. */
void       lectern_pdf_layout_remove_furniture (GPtrArray  *pages);

/* Fills @style from the lines of @pages: the body size, the heading
 * sizes, and the words for dehyphenation. */
void       lectern_pdf_layout_study            (GPtrArray               *pages,
                                                LecternPdfDocumentStyle *style);
void       lectern_pdf_document_style_clear    (LecternPdfDocumentStyle *style);

/* Sorts @page's lines into reading order: the page cut into bands, a band
 * with columns read column by column, each top to bottom; small print
 * below the body marked as footnotes. */
void       lectern_pdf_layout_order            (LecternPdfPage          *page,
                                                const LecternPdfDocumentStyle *style);

/* The blocks of an ordered page. (element-type LecternPdfBlock) */
GPtrArray *lectern_pdf_layout_blocks           (LecternPdfPage          *page,
                                                const LecternPdfDocumentStyle *style);

/* A paragraph that runs from one page onto the next is made whole: the
 * first paragraph of @next (the blocks of a page) is joined to the last
 * paragraph of @blocks (the page before) when that one stops at a full
 * line without ending its sentence, or the next one begins in lowercase;
 * the page's footnotes stay after it. Returns TRUE when it joined. */
gboolean   lectern_pdf_layout_join_pages       (GPtrArray  *blocks,
                                                GPtrArray  *next,
                                                GHashTable *words);

/* @first and @second, a line and the next one of the same block, joined:
 * a word hyphenated across them made whole ("nego-", "tiations"), a real
 * compound kept ("Franco-", "Russian"), a soft hyphen dropped, else a
 * space between. @words (nullable) are the document's words, which
 * decide for a hyphen the document also writes inside a line. */
char      *lectern_pdf_layout_join             (const char *first,
                                                const char *second,
                                                GHashTable *words);

/* The document's words, lowercased, with how often each appears inside
 * a line ("well-known" as one word), for _join(). */
GHashTable *lectern_pdf_layout_count_words     (GPtrArray  *pages);

G_END_DECLS
