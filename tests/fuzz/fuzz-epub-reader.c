/* fuzz-epub-reader.c — libFuzzer target: the bytes of an EPUB to import.
 *
 * Any bytes either give one document of stored text whose structure
 * spans lie inside it and nest, or are refused with a LECTERN_IMPORT_ERROR
 * naming the file; the archive's bounds hold whatever its headers say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "lectern-import.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) extracts = NULL;
  g_autoptr(GArray) open_ends = g_array_new (FALSE, FALSE, sizeof (guint));
  LecternExtract *extract;
  const char *text;
  GArray *structure;
  guint length;

  fuzz_init ();

  {
    char *copy = g_malloc (size + 1);

    memcpy (copy, data, size);
    copy[size] = '\0';
    bytes = g_bytes_new_take (copy, size);
  }

  extracts = lectern_epub_reader_read (bytes, "fuzz.epub", NULL, &error);
  if (extracts == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == LECTERN_IMPORT_ERROR);
      g_assert_nonnull (strstr (error->message, "fuzz.epub"));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (extracts->len, ==, 1);
  extract = extracts->pdata[0];
  g_assert_cmpstr (lectern_extract_get_format (extract), ==, "epub");
  text = lectern_extract_get_text (extract);
  g_assert_true (lectern_text_is_stored (text, -1));
  length = g_utf8_strlen (text, -1);

  structure = lectern_extract_get_structure (extract);
  for (guint i = 0; i < structure->len; i++)
    {
      LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpuint (span->end, <=, length);
      while (open_ends->len > 0
             && g_array_index (open_ends, guint, open_ends->len - 1) <= span->start)
        g_array_set_size (open_ends, open_ends->len - 1);
      if (open_ends->len > 0)
        g_assert_cmpuint (span->end, <=, g_array_index (open_ends, guint, open_ends->len - 1));
      g_array_append_val (open_ends, span->end);
    }
  return 0;
}
