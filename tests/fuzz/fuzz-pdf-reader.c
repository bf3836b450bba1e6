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

#include <string.h>

#include "fuzz-common.h"
#include "lectern-import.h"
#include "lectern-pdf-reader-private.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) extracts = NULL;
  LecternExtract *extract;
  GArray *structure;
  const char *text;
  guint length;

  fuzz_init ();
  _lectern_pdf_reader_set_ocr_enabled (FALSE);

  /* The importer's bytes are followed by a NUL, not counted. */
  {
    char *copy = g_malloc (size + 1);

    memcpy (copy, data, size);
    copy[size] = '\0';
    bytes = g_bytes_new_take (copy, size);
  }
  extracts = lectern_pdf_reader_read (bytes, "fuzz.pdf", NULL, &error);
  if (extracts == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == LECTERN_IMPORT_ERROR);
      g_assert_nonnull (strstr (error->message, "fuzz.pdf"));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (extracts->len, ==, 1);
  extract = g_ptr_array_index (extracts, 0);
  text = lectern_extract_get_text (extract);
  g_assert_true (lectern_text_is_stored (text, -1));
  g_assert_true (lectern_extract_has_text (extract));
  length = g_utf8_strlen (text, -1);
  g_assert_cmpuint (length, ==, lectern_extract_get_length (extract));

  structure = lectern_extract_get_structure (extract);
  for (guint i = 0; i < structure->len; i++)
    {
      LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpuint (span->end, <=, length);
      /* In text order, and nested or apart, never crossing. */
      for (guint j = 0; j < i; j++)
        {
          LecternSpan *before = &g_array_index (structure, LecternSpan, j);

          g_assert_cmpuint (before->start, <=, span->start);
          g_assert_true (span->start >= before->end || span->end <= before->end);
        }
    }
  return 0;
}
