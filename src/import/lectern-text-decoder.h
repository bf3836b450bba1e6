/* lectern-text-decoder.h — the bytes of a text file to stored text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Larger files are refused (LECTERN_IMPORT_ERROR_TOO_LARGE). */
#define LECTERN_TEXT_DECODER_MAX_SIZE (64 * 1024 * 1024)

/* Decodes the contents of a plain-text file into stored text (UTF-8, no
 * BOM, LF line endings, NFC; see lectern-text.h). Nothing else changes.
 *
 * Accepted: UTF-8 with or without BOM; UTF-16 LE/BE with BOM; legacy 8-bit
 * encodings (Windows-1252, ISO-8859-1/15, Windows-1251, KOI8-R…) detected
 * with uchardet. Refused with LECTERN_IMPORT_ERROR: EMPTY (nothing but
 * white space), BINARY (NUL bytes, control characters, known signatures of
 * images, archives, PDF, executables), ENCODING (mostly UTF-8 with a few
 * broken bytes, named by line and column, rather than decoded as 8-bit
 * mojibake; or no encoding fits), TOO_LARGE.
 *
 * @display_name names the file in error messages. @encoding (out, optional)
 * receives the encoding used, upper case: "UTF-8", "UTF-16LE", "UTF-16BE",
 * "WINDOWS-1252"…
 *
 * Returns: (transfer full): the stored text, or NULL with @error set. */
char *lectern_text_decoder_decode (const char  *data,
                                   gsize        len,
                                   const char  *display_name,
                                   char       **encoding,
                                   GError     **error);

G_END_DECLS
