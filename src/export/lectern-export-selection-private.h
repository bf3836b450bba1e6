/* lectern-export-selection-private.h — what an export holds: the documents,
 * tags and annotations that pass the options' filters, read once from the
 * corpus for every writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-core.h"
#include "lectern-exporter.h"

G_BEGIN_DECLS

typedef struct
{
  LecternProject             *project;
  LecternExportOptions      *options;
  char                      *title;          /* report title, never NULL */
  GPtrArray                 *documents;      /* LecternDocument passing the document filters */
  GPtrArray                 *tags;           /* every LecternTag, depth first */
  GPtrArray                 *annotations;    /* LecternAnnotation passing every filter, reading order */
  GHashTable                *document_by_id; /* gint64* → LecternDocument (borrowed) */
  GHashTable                *tag_by_id;      /* gint64* → LecternTag (borrowed) */
  GHashTable                *allowed_tags;   /* gint64* set, or NULL: every tag */
  GHashTable                *by_document;    /* gint64* → GPtrArray of annotations, built on demand */
  GHashTable                *labels;         /* gint64* → a document's heading, told from same titles */
  GHashTable                *paragraphs;     /* gint64* → LecternParagraphs of a document, on demand */
  GHashTable                *structure;      /* gint64* → the pages, turns and times of a document, on demand */
  GHashTable                *versions;       /* gint64* → its current LecternDocumentVersion, on demand */
  LecternExportProgressFunc  progress;
  gpointer                   progress_data;
  guint                      done;
} LecternExportSelection;

LecternExportSelection *_lectern_export_selection_new        (LecternProject             *project,
                                                              LecternExportOptions      *options,
                                                              LecternExportProgressFunc  progress,
                                                              gpointer                   progress_data,
                                                              GCancellable              *cancellable,
                                                              GError                   **error);
void                    _lectern_export_selection_free       (LecternExportSelection    *self);
/* What a heading calls @document: its title, with its date, file name or
 * ID where another document of the project has the same title. */
const char             *_lectern_export_selection_document_label (LecternExportSelection *self,
                                                                LecternDocument        *document);
LecternDocument        *_lectern_export_selection_get_document (LecternExportSelection  *self,
                                                                gint64                   document_id);
/* The current version of @document's text, the one every position,
 * quote, page and paragraph of the export refers to; NULL (with a
 * warning) only when it cannot be read. (transfer none) */
LecternDocumentVersion *_lectern_export_selection_document_version (LecternExportSelection *self,
                                                                   LecternDocument        *document);
LecternTag             *_lectern_export_selection_get_tag    (LecternExportSelection    *self,
                                                              gint64                     tag_id);
/* The tags of @annotation that pass the tag filter. (transfer container) */
GPtrArray              *_lectern_export_selection_list_tags  (LecternExportSelection    *self,
                                                              LecternAnnotation         *annotation);
/* The exported annotations of one document, reading order; do not
 * change the array. (transfer full) */
GPtrArray              *_lectern_export_selection_list_document_annotations (LecternExportSelection *self,
                                                                             gint64                  document_id);
/* Counts @n more annotations written and reports progress. */
void                    _lectern_export_selection_advance    (LecternExportSelection    *self,
                                                              guint                      n);
/* The paragraphs that @annotation spans (see lectern-paragraphs.h); FALSE
 * if it holds none or its document's text cannot be read. */
gboolean                _lectern_export_selection_paragraphs (LecternExportSelection    *self,
                                                              LecternAnnotation         *annotation,
                                                              guint                     *first,
                                                              guint                     *last);
/* "¶ 14" or "¶¶ 14–16", or NULL where _paragraphs() is FALSE. (transfer full) */
char                   *_lectern_export_selection_cite_paragraphs (LecternExportSelection *self,
                                                                   LecternAnnotation      *annotation);
/* The page that holds all of @annotation, when its document is paged and
 * the passage lies on one page: @number counts the document's pages in
 * text order from 1; [@page_start, @page_end) is the page's text. */
gboolean                _lectern_export_selection_page       (LecternExportSelection    *self,
                                                              LecternAnnotation         *annotation,
                                                              guint                     *number,
                                                              guint                     *page_start,
                                                              guint                     *page_end);
/* "p. 12" or "pp. 12–13" (lectern_structure_cite_pages()), or NULL when
 * no page of its document holds @annotation. (transfer full) */
char                   *_lectern_export_selection_cite_pages (LecternExportSelection    *self,
                                                              LecternAnnotation         *annotation);
/* The speaker of the turn that holds @annotation's start, and the
 * timestamp of the time span that covers it; each NULL when none.
 * (transfer none: valid while @self is) */
void                    _lectern_export_selection_speaker    (LecternExportSelection    *self,
                                                              LecternAnnotation         *annotation,
                                                              const char               **speaker,
                                                              const char               **time);
/* "Sergey Lavrov, 00:12:31", "Sergey Lavrov", or NULL outside a turn.
 * (transfer full) */
char                   *_lectern_export_selection_cite_speaker (LecternExportSelection  *self,
                                                                LecternAnnotation       *annotation);
/* "p. 12, ¶ 14": the pages and paragraphs, or NULL when it has neither.
 * (transfer full) */
char                   *_lectern_export_selection_cite_location (LecternExportSelection *self,
                                                                 LecternAnnotation      *annotation);
/* "Speaker, 00:12:31, Title, 26 April 2025, Source, p. 12, ¶ 14"
 * citation parts; (transfer full) */
char                   *_lectern_export_selection_citation   (LecternExportSelection    *self,
                                                              LecternAnnotation         *annotation);

/* The report outline that the Markdown, HTML and PDF notes share. A
 * heading of @level (1 for a document or a top-level tag, 1 + depth for a
 * sub-tag); @document or @tag is what it names (both NULL: the annotations
 * without a tag). */
typedef gboolean (*LecternExportHeadingFunc)    (guint               level,
                                                 const char         *text,
                                                 LecternDocument    *document,
                                                 LecternTag         *tag,
                                                 gpointer            data,
                                                 GError            **error);
typedef gboolean (*LecternExportAnnotationFunc) (LecternAnnotation  *annotation,
                                                 gpointer            data,
                                                 GError            **error);

/* Walks the exported annotations grouped as the options say (by document,
 * or by tag with nested tags as nested headings; an annotation is listed
 * under each of its tags), reporting progress. */
gboolean _lectern_export_selection_walk (LecternExportSelection       *self,
                                         LecternExportHeadingFunc      heading,
                                         LecternExportAnnotationFunc   annotation,
                                         gpointer                      data,
                                         GCancellable                 *cancellable,
                                         GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternExportSelection, _lectern_export_selection_free)

/* Writes @buffer to @out when it holds more than a chunk, or always when
 * @force, and empties it. */
gboolean _lectern_export_flush (GOutputStream  *out,
                                GString        *buffer,
                                gboolean        force,
                                GCancellable   *cancellable,
                                GError        **error);

/* An RFC 3339 UTC timestamp ("2025-04-26T10:00:00Z"). (transfer full) */
char    *_lectern_export_format_time (GDateTime *time);

G_END_DECLS
