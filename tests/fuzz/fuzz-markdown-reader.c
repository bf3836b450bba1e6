/* fuzz-markdown-reader.c — libFuzzer target: any bytes as a Markdown
 * file to import.
 *
 * They are read into one document of stored text whose spans of
 * structure lie within it, in text order, or refused with a
 * LECTERN_IMPORT_ERROR naming the file.
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
  g_autoptr(GPtrArray) extracts = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint8 *copy;

  fuzz_init ();

  /* As the importer gives them: followed by a NUL not counted. */
  copy = g_malloc (size + 1);
  memcpy (copy, data, size);
  copy[size] = '\0';
  bytes = g_bytes_new_take (copy, size);

  extracts = lectern_markdown_reader_read (bytes, "fuzz.md", NULL, &error);
  if (extracts == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == LECTERN_IMPORT_ERROR);
      g_assert_nonnull (strstr (error->message, "fuzz.md"));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (extracts->len, ==, 1);
  {
    LecternExtract *extract = g_ptr_array_index (extracts, 0);
    const char *text = lectern_extract_get_text (extract);
    GArray *structure = lectern_extract_get_structure (extract);
    guint length = g_utf8_strlen (text, -1);

    g_assert_true (lectern_text_is_stored (text, -1));
    g_assert_cmpuint (lectern_extract_get_length (extract), ==, length);
    for (guint i = 0; i < structure->len; i++)
      {
        const LecternSpan *span = &g_array_index (structure, LecternSpan, i);

        g_assert_cmpuint (span->start, <, span->end);
        g_assert_cmpuint (span->end, <=, length);
        if (i > 0)
          g_assert_cmpuint (g_array_index (structure, LecternSpan, i - 1).start, <=, span->start);
      }
    if (lectern_extract_get_title (extract) != NULL)
      g_assert_true (g_utf8_validate (lectern_extract_get_title (extract), -1, NULL));
  }
  return 0;
}
