/* lectern-export-options.h — what to export and how: format, filters,
 * grouping and per-format switches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_EXPORT_INSIDE) && !defined (LECTERN_EXPORT_COMPILATION)
# error "Only <lectern-export.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  LECTERN_EXPORT_FORMAT_MARKDOWN,
  LECTERN_EXPORT_FORMAT_HTML,
  LECTERN_EXPORT_FORMAT_CSV,
  LECTERN_EXPORT_FORMAT_JSON,
  LECTERN_EXPORT_FORMAT_QDPX,
  LECTERN_EXPORT_FORMAT_PDF,
} LecternExportFormat;

#define LECTERN_EXPORT_N_FORMATS (LECTERN_EXPORT_FORMAT_PDF + 1)

typedef enum
{
  LECTERN_EXPORT_GROUP_BY_DOCUMENT,
  LECTERN_EXPORT_GROUP_BY_TAG,
} LecternExportGroupBy;

/* "markdown", "html", "csv", "json", "qdpx", "pdf". */
const char *lectern_export_format_to_string   (LecternExportFormat   format);
/* FALSE for an unknown name; case-insensitive. */
gboolean    lectern_export_format_from_string (const char           *name,
                                               LecternExportFormat  *format);
/* File name extension without the dot: "md", "html", "csv", "jsonld",
 * "qdpx", "pdf". */
const char *lectern_export_format_get_extension (LecternExportFormat format);
/* MIME type, for file chooser filters. */
const char *lectern_export_format_get_mime_type (LecternExportFormat format);
/* Translated name for menus ("Markdown notes"). */
const char *lectern_export_format_get_label     (LecternExportFormat format);

/* "document", "tag". */
const char *lectern_export_group_by_to_string   (LecternExportGroupBy  group_by);
gboolean    lectern_export_group_by_from_string (const char           *name,
                                                 LecternExportGroupBy *group_by);

#define LECTERN_TYPE_EXPORT_OPTIONS (lectern_export_options_get_type ())

G_DECLARE_FINAL_TYPE (LecternExportOptions, lectern_export_options, LECTERN, EXPORT_OPTIONS, GObject)

/* Properties (all read-write, notified on change): "format" (int of
 * LecternExportFormat), "group-by" (int of LecternExportGroupBy),
 * "with-subtags" (default TRUE), "author", "date-from", "date-to", "title",
 * "csv-bom" (default FALSE), "html-full-documents" (default FALSE). */
LecternExportOptions *lectern_export_options_new  (LecternExportFormat   format);
/* A deep copy, e.g. to hand to a worker thread. (transfer full) */
LecternExportOptions *lectern_export_options_copy (LecternExportOptions *self);

LecternExportFormat   lectern_export_options_get_format   (LecternExportOptions *self);
void                  lectern_export_options_set_format   (LecternExportOptions *self,
                                                           LecternExportFormat   format);
LecternExportGroupBy  lectern_export_options_get_group_by (LecternExportOptions *self);
void                  lectern_export_options_set_group_by (LecternExportOptions *self,
                                                           LecternExportGroupBy  group_by);

/* Document filter: no id added means every document. */
void                  lectern_export_options_add_document_id    (LecternExportOptions *self,
                                                                 gint64                document_id);
void                  lectern_export_options_clear_document_ids (LecternExportOptions *self);
/* (transfer none) */
const gint64         *lectern_export_options_get_document_ids   (LecternExportOptions *self,
                                                                 guint                *n_ids);

/* Tag filter: an annotation is exported when it carries one of these tags
 * (or, with "with-subtags", a tag below one of them). No id: any tag, and
 * annotations without a tag too. Only the tags that pass are listed with
 * an exported annotation. */
void                  lectern_export_options_add_tag_id         (LecternExportOptions *self,
                                                                 gint64                tag_id);
void                  lectern_export_options_clear_tag_ids      (LecternExportOptions *self);
/* (transfer none) */
const gint64         *lectern_export_options_get_tag_ids        (LecternExportOptions *self,
                                                                 guint                *n_ids);
gboolean              lectern_export_options_get_with_subtags   (LecternExportOptions *self);
void                  lectern_export_options_set_with_subtags   (LecternExportOptions *self,
                                                                 gboolean              with_subtags);

/* Annotation author, compared exactly; NULL for any. */
const char           *lectern_export_options_get_author         (LecternExportOptions *self);
void                  lectern_export_options_set_author         (LecternExportOptions *self,
                                                                 const char           *author);

/* Range on the document date, ISO "YYYY-MM-DD", both ends included; NULL
 * for an open end. With a range set, documents without a date are left
 * out. */
const char           *lectern_export_options_get_date_from      (LecternExportOptions *self);
void                  lectern_export_options_set_date_from      (LecternExportOptions *self,
                                                                 const char           *date);
const char           *lectern_export_options_get_date_to        (LecternExportOptions *self);
void                  lectern_export_options_set_date_to        (LecternExportOptions *self,
                                                                 const char           *date);

/* Title of the report (Markdown, HTML, PDF, JSON label, QDPX project
 * name); NULL: the project's file name. */
const char           *lectern_export_options_get_title          (LecternExportOptions *self);
void                  lectern_export_options_set_title          (LecternExportOptions *self,
                                                                 const char           *title);

/* CSV: start with a UTF-8 byte order mark, for spreadsheets. */
gboolean              lectern_export_options_get_csv_bom        (LecternExportOptions *self);
void                  lectern_export_options_set_csv_bom        (LecternExportOptions *self,
                                                                 gboolean              csv_bom);

/* HTML and PDF: after the notes, each exported document's full text with
 * its highlights in tag colours and its notes beside it. */
gboolean              lectern_export_options_get_html_full_documents (LecternExportOptions *self);
void                  lectern_export_options_set_html_full_documents (LecternExportOptions *self,
                                                                      gboolean              full);

G_END_DECLS
