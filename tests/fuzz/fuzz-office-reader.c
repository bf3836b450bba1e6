/* fuzz-office-reader.c — libFuzzer target: any bytes as a Word document
 * (DOCX) and as an OpenDocument text (ODT), through the bounded zip
 * reader and the XML walkers.
 *
 * Each reader either refuses the bytes with an LECTERN_IMPORT_ERROR that
 * names the file, or gives documents whose text is stored text (valid
 * UTF-8, NFC, no CR) and whose structure spans and notes lie within it,
 * in text order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-extract.h"

#define NAME "fuzz.office"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;

  fuzz_init ();
  bytes = g_bytes_new (data, size);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) extracts = lectern_docx_reader_read (bytes, NAME, NULL, &error);

    fuzz_check_extracts (extracts, error, NAME, 0, FUZZ_EXTRACT_NAMED_SPANS);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) extracts = lectern_odt_reader_read (bytes, NAME, NULL, &error);

    fuzz_check_extracts (extracts, error, NAME, 0, FUZZ_EXTRACT_NAMED_SPANS);
  }
  return 0;
}
