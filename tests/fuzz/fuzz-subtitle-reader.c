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
#include "fuzz-extract.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *name = size > 0 && (data[0] & 2) ? "fuzz.vtt" : "fuzz.srt";
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) extracts = NULL;
  g_autoptr(GError) error = NULL;
  GArray *structure;
  guint last_turn_end = 0;

  fuzz_init ();

  extracts = lectern_subtitle_reader_read (bytes, name, NULL, &error);
  fuzz_check_extracts (extracts, error, name, 1, FUZZ_EXTRACT_HAS_TEXT | FUZZ_EXTRACT_NAMED_SPANS);
  if (extracts == NULL)
    return 0;

  /* Turns one after the other; cue times as HH:MM:SS.mmm at least. */
  structure = lectern_extract_get_structure (g_ptr_array_index (extracts, 0));
  for (guint i = 0; i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      if (span->kind == LECTERN_STRUCTURE_KIND_TURN)
        {
          g_assert_cmpuint (span->start, >=, last_turn_end);
          last_turn_end = span->end;
        }
      if (span->kind == LECTERN_STRUCTURE_KIND_TIME)
        g_assert_cmpuint (strlen (span->value), >=, 12);
    }
  return 0;
}
