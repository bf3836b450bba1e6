/* fuzz-mail-reader.c — libFuzzer target: any bytes as a mail message or
 * a mailbox, through GMime and the plain-text and HTML walkers.
 *
 * The reader either refuses the bytes with an LECTERN_IMPORT_ERROR that
 * names the file, or gives documents whose text is stored text (valid
 * UTF-8, NFC, no CR) and whose structure spans and notes lie within it,
 * in text order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-extract.h"

#define NAME "fuzz.mbox"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = NULL;

  fuzz_init ();
  bytes = g_bytes_new (data, size);
  extracts = lectern_mail_reader_read (bytes, NAME, NULL, &error);
  fuzz_check_extracts (extracts, error, NAME, 0, FUZZ_EXTRACT_NAMED_SPANS);
  return 0;
}
