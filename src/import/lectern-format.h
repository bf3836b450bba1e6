/* lectern-format.h — the formats Lectern imports, and which one a file is.
 *
 * One table (lectern-format.c) names each format with its reader
 * (lectern-format-readers.h), its file name extensions, a test of its
 * first bytes and the largest file it takes. A file's format is found
 * from its content first, its name second; what nothing claims is plain
 * text, which the text decoder accepts or refuses as it always has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include <glib.h>

#include "lectern-extract.h"

G_BEGIN_DECLS

/* Files of binary formats (PDF, Word, OpenDocument, EPUB) and mailboxes
 * may be this large: as large as an original the project keeps
 * (LECTERN_PROJECT_ORIGINAL_MAX_SIZE). Text formats keep the text
 * decoder's bound, LECTERN_TEXT_DECODER_MAX_SIZE: their text is their
 * size, and a text of more than 64 MB is not read in a reader anyway. */
#define LECTERN_FORMAT_BINARY_MAX_SIZE (256 * 1024 * 1024)

typedef struct
{
  /* As stored with the document: "text", "markdown", "pdf"… */
  const char          *name;
  LecternFormatReader  read;
  /* Lower case, without the dot; NULL-terminated. */
  const char * const  *extensions;
  /* Whether the file's bytes are of this format; NULL when only the name
   * says (Markdown, plain text). @data is followed by a NUL. */
  gboolean           (*sniff) (const guint8 *data,
                               gsize         size);
  gsize                max_size;
} LecternFormat;

/* The format of a file whose bytes are @data and whose name is @name
 * (nullable): the first format whose content test passes, else the first
 * whose extension @name has, else plain text. (transfer none) */
const LecternFormat *lectern_format_detect       (const guint8 *data,
                                                  gsize         size,
                                                  const char   *name);
/* The format called @name, or NULL. (transfer none) */
const LecternFormat *lectern_format_lookup       (const char   *name);
/* Every format, in the order they are tested; for file choosers' filters.
 * (transfer none) (array length=n_formats) */
const LecternFormat *lectern_format_get_all      (guint        *n_formats);
/* The largest file any format takes: what the importer reads at most. */
gsize                lectern_format_get_max_size (void);

/* The content tests, each a few bytes' look, not a validation: the
 * reader refuses what is not what it seemed. */
gboolean lectern_format_sniff_pdf  (const guint8 *data,
                                    gsize         size);
gboolean lectern_format_sniff_docx (const guint8 *data,
                                    gsize         size);
gboolean lectern_format_sniff_odt  (const guint8 *data,
                                    gsize         size);
gboolean lectern_format_sniff_epub (const guint8 *data,
                                    gsize         size);
gboolean lectern_format_sniff_mbox (const guint8 *data,
                                    gsize         size);
gboolean lectern_format_sniff_eml  (const guint8 *data,
                                    gsize         size);
gboolean lectern_format_sniff_vtt  (const guint8 *data,
                                    gsize         size);
gboolean lectern_format_sniff_srt  (const guint8 *data,
                                    gsize         size);
gboolean lectern_format_sniff_html (const guint8 *data,
                                    gsize         size);

G_END_DECLS
