/* lectern-text-decoder.h — the bytes of a text file to stored text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* Larger files are refused (LECTERN_IMPORT_ERROR_TOO_LARGE). */
#define LECTERN_TEXT_DECODER_MAX_SIZE (64 * 1024 * 1024)

/* Decodes the contents of a plain-text file into stored text (UTF-8, no
 * BOM, LF line endings, NFC; see lectern-text.h). Nothing else changes.
 *
 * Accepted: UTF-8 with or without BOM; UTF-8 with a few damaged bytes
 * (a UTF-8 BOM, or at least as many well-formed multi-byte sequences as
 * bytes that are not UTF-8), each maximal ill-formed subpart replaced with
 * U+FFFD; UTF-16 LE/BE with BOM; legacy 8-bit encodings (Windows-1252,
 * ISO-8859-1/15, Windows-1251, KOI8-R…) detected with uchardet, only for
 * files that are not mostly UTF-8. Refused with LECTERN_IMPORT_ERROR:
 * EMPTY (nothing but white space), BINARY (NUL bytes, control characters,
 * known signatures of images, archives, PDF, executables), ENCODING (no
 * encoding fits), TOO_LARGE.
 *
 * @display_name names the file in error messages. @encoding (out, optional)
 * receives the encoding used, upper case: "UTF-8", "UTF-16LE", "UTF-16BE",
 * "WINDOWS-1252"… @replaced_bytes (out, optional) receives how many bytes
 * of damaged UTF-8 were replaced with U+FFFD (0 for any other encoding).
 *
 * Returns: (transfer full): the stored text, or NULL with @error set. */
char *lectern_text_decoder_decode (const char  *data,
                                   gsize        len,
                                   const char  *display_name,
                                   char       **encoding,
                                   gsize       *replaced_bytes,
                                   GError     **error);

G_END_DECLS
