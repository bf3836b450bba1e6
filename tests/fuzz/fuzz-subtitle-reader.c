/* fuzz-subtitle-reader.c — libFuzzer target: any bytes as a SubRip or
 * WebVTT file.
 *
 * Either an extract whose text is stored text and whose spans lie inside
 * it, its turns and times in order, or a LECTERN_IMPORT_ERROR naming the
 * file. The first byte chooses the file's name (.srt or .vtt; "1" of a
 * SubRip cue number and "W" of "WEBVTT" each choose their own), which the
 * reader reads as a claim to check.
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
  const char *name = size > 0 && (data[0] & 2) ? "fuzz.vtt" : "fuzz.srt";
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) extracts = NULL;
  g_autoptr(GError) error = NULL;
  LecternExtract *extract;
  GArray *structure;
  const char *text;
  glong length;
  guint last_turn_end = 0;

  fuzz_init ();

  extracts = lectern_subtitle_reader_read (bytes, name, NULL, &error);
  if (extracts == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == LECTERN_IMPORT_ERROR);
      g_assert_nonnull (strstr (error->message, name));
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (extracts->len, ==, 1);

  extract = g_ptr_array_index (extracts, 0);
  text = lectern_extract_get_text (extract);
  g_assert_true (lectern_text_is_stored (text, -1));
  g_assert_true (lectern_extract_has_text (extract));
  length = g_utf8_strlen (text, -1);

  structure = lectern_extract_get_structure (extract);
  for (guint i = 0; i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpuint (span->end, <=, (guint) length);
      if (span->kind == LECTERN_STRUCTURE_KIND_TURN)
        {
          g_assert_cmpuint (span->start, >=, last_turn_end);
          g_assert_nonnull (span->value);
          last_turn_end = span->end;
        }
      if (span->kind == LECTERN_STRUCTURE_KIND_TIME)
        {
          g_assert_nonnull (span->value);
          g_assert_cmpuint (strlen (span->value), >=, 12);
        }
    }
  return 0;
}
