/* fuzz-pdf-reader.c — libFuzzer target: the bytes of a PDF to import.
 *
 * Any bytes either give one document of stored text whose structure
 * spans lie inside it, in text order, never crossing, or are refused
 * with a LECTERN_IMPORT_ERROR naming the file. OCR is off: Tesseract
 * takes seconds a page, and its input is pixels poppler drew.
 *
 * poppler itself is not instrumented here (only Lectern's modules are),
 * so the fuzzer is guided by the layout code, not by the PDF parser; and
 * poppler is slow on some inputs (a few hundred runs a second at best).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-extract.h"
#include "lectern-pdf-reader-private.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) extracts = NULL;

  fuzz_init ();
  _lectern_pdf_reader_set_ocr_enabled (FALSE);

  bytes = fuzz_bytes_with_nul (data, size);
  extracts = lectern_pdf_reader_read (bytes, "fuzz.pdf", NULL, &error);
  fuzz_check_extracts (extracts, error, "fuzz.pdf", 1, FUZZ_EXTRACT_NESTED | FUZZ_EXTRACT_HAS_TEXT);
  return 0;
}
