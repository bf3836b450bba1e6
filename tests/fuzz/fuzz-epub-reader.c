/* fuzz-epub-reader.c — libFuzzer target: the bytes of an EPUB to import.
 *
 * Any bytes either give one document of stored text whose structure
 * spans lie inside it and nest, or are refused with a LECTERN_IMPORT_ERROR
 * naming the file; the archive's bounds hold whatever its headers say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-extract.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) extracts = NULL;

  fuzz_init ();
  bytes = fuzz_bytes_with_nul (data, size);
  extracts = lectern_epub_reader_read (bytes, "fuzz.epub", NULL, &error);
  fuzz_check_extracts (extracts, error, "fuzz.epub", 1, FUZZ_EXTRACT_NESTED);
  if (extracts != NULL)
    g_assert_cmpstr (lectern_extract_get_format (extracts->pdata[0]), ==, "epub");
  return 0;
}
