/* fuzz-html-reader.c — libFuzzer target: the bytes of a web page to
 * import.
 *
 * Any bytes either give one document of stored text whose structure
 * spans lie inside it, in order and nested, or are refused with a
 * LECTERN_IMPORT_ERROR naming the file. Whatever the nesting, no walk
 * over the page recurses without bound (ASan's stack would say so).
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
  extracts = lectern_html_reader_read (bytes, "fuzz.html", NULL, &error);
  fuzz_check_extracts (extracts, error, "fuzz.html", 1, FUZZ_EXTRACT_NESTED | FUZZ_EXTRACT_HAS_TEXT);
  if (extracts != NULL)
    g_assert_cmpstr (lectern_extract_get_format (extracts->pdata[0]), ==, "html");
  return 0;
}
