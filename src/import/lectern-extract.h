/* lectern-extract.h — what a format reader takes out of one source
 * document: its text as Lectern stores it, the structure the format gives
 * it, its metadata, the notes of other tools on it, and warnings.
 *
 * Every format reader (PDF, DOCX, ODT, HTML, EPUB, Markdown, mail) builds
 * its documents with this, so that the stored text is the same shape
 * whatever the format:
 *
 * - Text is appended as UTF-8 and kept as the project format defines it
 *   (lectern-text.h): NFC, '\n' line ends, no NUL or other C0 control but
 *   '\t' and '\n', invalid bytes as U+FFFD. Lengths and offsets are code
 *   points of that stored text.
 * - A block (heading, paragraph, list item, block quote, table row,
 *   footnote, mail header) is a line of its own: blocks are separated by
 *   a blank line, except that consecutive list items, consecutive table
 *   rows and consecutive mail headers are separated by a single '\n'. Table cells are separated
 *   by '\t'. A hard line break inside a block is '\n'.
 * - lectern_extract_append_inline() collapses white space as HTML does:
 *   runs of space, tab and newline become one space, dropped at the start
 *   of a block and at its end.
 * - Spans of structure are recorded by lectern_extract_open_block() /
 *   _close_block(), or, for containers known only later (pages,
 *   footnote areas), by lectern_extract_add_span() with offsets taken
 *   from lectern_extract_get_length().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_EXTRACT (lectern_extract_get_type ())

G_DECLARE_FINAL_TYPE (LecternExtract, lectern_extract, LECTERN, EXTRACT, GObject)

/* One note another tool made on a passage (a Word or LibreOffice
 * comment): imported as a Lectern note on [start, end). */
typedef struct
{
  guint  start;
  guint  end;
  char  *author;   /* nullable */
  char  *date;     /* nullable: ISO 8601 as the source gave it */
  char  *text;
} LecternExtractNote;

/* @format: the format's name as stored with the document and shown by
 * `lectern-cli document`: "text", "pdf", "docx", "odt", "html", "epub",
 * "markdown", "eml", "mbox". */
LecternExtract *lectern_extract_new              (const char           *format);
const char     *lectern_extract_get_format       (LecternExtract       *self);

/* Text */
void            lectern_extract_append           (LecternExtract       *self,
                                                  const char           *text,
                                                  gssize                length);
void            lectern_extract_append_inline    (LecternExtract       *self,
                                                  const char           *text,
                                                  gssize                length);
/* A hard line break inside the open block. */
void            lectern_extract_line_break       (LecternExtract       *self);
/* Code points stored so far. */
guint           lectern_extract_get_length       (LecternExtract       *self);
const char     *lectern_extract_get_text         (LecternExtract       *self);
/* TRUE when the text holds more than white space. */
gboolean        lectern_extract_has_text         (LecternExtract       *self);

/* Structure. Blocks may nest (a paragraph inside a quote or a footnote);
 * a nested block opens its own line. Closing a block drops the white
 * space at its end; a block left empty leaves no span and no text. A
 * handle is valid until the block is closed. */
guint           lectern_extract_open_block       (LecternExtract       *self,
                                                  LecternStructureKind  kind,
                                                  const char           *value);
void            lectern_extract_close_block      (LecternExtract       *self,
                                                  guint                 handle);
void            lectern_extract_add_span         (LecternExtract       *self,
                                                  guint                 start,
                                                  guint                 end,
                                                  LecternStructureKind  kind,
                                                  const char           *value);
/* The spans in text order (lectern-structure.h). (transfer none) */
GArray         *lectern_extract_get_structure    (LecternExtract       *self);

/* Metadata, each nullable: as the source states it. @date is ISO 8601
 * ("2024-03-01", or with a time), as LecternDocument keeps dates. */
void            lectern_extract_set_title        (LecternExtract       *self,
                                                  const char           *title);
const char     *lectern_extract_get_title        (LecternExtract       *self);
void            lectern_extract_set_author       (LecternExtract       *self,
                                                  const char           *author);
const char     *lectern_extract_get_author       (LecternExtract       *self);
void            lectern_extract_set_date         (LecternExtract       *self,
                                                  const char           *date);
const char     *lectern_extract_get_date         (LecternExtract       *self);
void            lectern_extract_set_language     (LecternExtract       *self,
                                                  const char           *language);
const char     *lectern_extract_get_language     (LecternExtract       *self);
/* Document variables: "url", "site", "to", "message-id", "ocr"… */
void            lectern_extract_set_variable     (LecternExtract       *self,
                                                  const char           *key,
                                                  const char           *value);
/* (transfer none) (element-type utf8 utf8) */
GHashTable     *lectern_extract_get_variables    (LecternExtract       *self);

/* Notes */
void            lectern_extract_add_note         (LecternExtract       *self,
                                                  guint                 start,
                                                  guint                 end,
                                                  const char           *author,
                                                  const char           *date,
                                                  const char           *text);
/* (transfer none) (element-type LecternExtractNote) */
GArray         *lectern_extract_get_notes        (LecternExtract       *self);

/* The bytes kept in the project as this document's original; for a file
 * that holds one document the importer sets the file's bytes, a reader
 * of a file of many (mbox) sets each message's own. */
void            lectern_extract_set_original     (LecternExtract       *self,
                                                  GBytes               *original);
GBytes         *lectern_extract_get_original     (LecternExtract       *self);

/* What the reader could not do and the user should know ("Pages 3–4 have
 * no text layer"), shown with the import's result. */
void            lectern_extract_add_warning      (LecternExtract       *self,
                                                  const char           *message);
/* (transfer none) (element-type utf8) */
GPtrArray      *lectern_extract_get_warnings     (LecternExtract       *self);

/* A format reader: the bytes of one file (bounded by the importer, and
 * followed by a NUL not counted in their size) to one or more documents.
 * @display_name names the file in error messages. Errors are
 * LECTERN_IMPORT_ERROR (messages name the file and the reason) or
 * G_IO_ERROR_CANCELLED.
 * Returns: (transfer full) (element-type LecternExtract): at least one. */
typedef GPtrArray *(*LecternFormatReader) (GBytes        *bytes,
                                           const char    *display_name,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* Plain text: @text, already stored text (lectern_text_is_stored()), is
 * the whole text, kept exactly as it is (nothing trimmed), so that a text
 * file is stored as it always was. Replaces any text and spans. */
void            lectern_extract_set_text         (LecternExtract       *self,
                                                  const char           *text);
/* The encoding the source's text was decoded from ("UTF-8",
 * "WINDOWS-1252"…), stored with the document; NULL when the format has
 * none of its own to say. */
void            lectern_extract_set_encoding     (LecternExtract       *self,
                                                  const char           *encoding);
const char     *lectern_extract_get_encoding     (LecternExtract       *self);

G_END_DECLS
