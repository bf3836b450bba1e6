/* lectern-format-readers.h — the readers of each import format, one file
 * each (lectern-FORMAT-reader.c), all of the LecternFormatReader shape
 * (lectern-extract.h). The importer chooses one by the file's content and
 * name (lectern-importer.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include "lectern-extract.h"

G_BEGIN_DECLS

/* Plain text in any encoding (lectern-text-decoder.h): format "text". */
GPtrArray *lectern_text_reader_read     (GBytes        *bytes,
                                         const char    *display_name,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* CommonMark (cmark): "markdown". */
GPtrArray *lectern_markdown_reader_read (GBytes        *bytes,
                                         const char    *display_name,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* A web page (libxml2's HTML parser), the article only: "html". */
GPtrArray *lectern_html_reader_read     (GBytes        *bytes,
                                         const char    *display_name,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* An EPUB (libarchive), chapters in spine order: "epub". */
GPtrArray *lectern_epub_reader_read     (GBytes        *bytes,
                                         const char    *display_name,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* Office Open XML, Word (libarchive + libxml2): "docx". */
GPtrArray *lectern_docx_reader_read     (GBytes        *bytes,
                                         const char    *display_name,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* OpenDocument Text (libarchive + libxml2): "odt". */
GPtrArray *lectern_odt_reader_read      (GBytes        *bytes,
                                         const char    *display_name,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* One message (.eml, format "eml") or a mailbox (mbox, "mbox", one
 * extract per message), GMime 3. */
GPtrArray *lectern_mail_reader_read     (GBytes        *bytes,
                                         const char    *display_name,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* PDF (poppler-glib; Tesseract for pages without text): "pdf". */
GPtrArray *lectern_pdf_reader_read      (GBytes        *bytes,
                                         const char    *display_name,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* Subtitles as a transcript: SubRip (.srt, format "srt") or WebVTT
 * (.vtt, "vtt": a file that opens with "WEBVTT"). The cues in order; a
 * cue's speaker is its WebVTT voice (<v Name>) or a "NAME:" prefix in
 * capitals (shown as "Name", lectern_turn_detector_display_name()), and a
 * cue without one continues the speaker before it. A speaker's run of
 * cues is one paragraph, "Speaker: text of the first cue text of the
 * next…" (cues joined by one space, a cue's lines too), with a `turn`
 * span (value: the speaker) over the whole paragraph, label included; a
 * cue before any speaker is a paragraph of its own, with no turn. Each
 * cue's text has a `time` span, value its start as "HH:MM:SS.mmm".
 * Dropped: markup (<i>, <b>, <c.x>, <v …>, <font …>, {\an8}, inner
 * timestamps), WebVTT's header, NOTE, STYLE and REGION blocks, cue
 * identifiers and settings, SubRip's numbers. A malformed timing, a cue
 * without one or ending before it starts is LECTERN_IMPORT_ERROR_INVALID
 * naming the file and the line; more than 100,000 cues or a line over
 * 8 KiB, TOO_LARGE. */
GPtrArray *lectern_subtitle_reader_read (GBytes        *bytes,
                                         const char    *display_name,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
