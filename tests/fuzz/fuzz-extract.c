/* fuzz-extract.c — what the format readers' fuzz targets check alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-extract.h"

GBytes *
fuzz_bytes_with_nul (const uint8_t *data,
                     size_t         size)
{
  char *copy = g_malloc (size + 1);

  if (size > 0)
    memcpy (copy, data, size);
  copy[size] = '\0';
  return g_bytes_new_take (copy, size);
}

static void
check_utf8_or_null (const char *value)
{
  g_assert_true (value == NULL || g_utf8_validate (value, -1, NULL));
}

static void
check_extract (LecternExtract    *extract,
               FuzzExtractChecks  checks)
{
  const char *text = lectern_extract_get_text (extract);
  guint length = lectern_extract_get_length (extract);
  GArray *structure = lectern_extract_get_structure (extract);
  GArray *notes = lectern_extract_get_notes (extract);
  g_autoptr(GArray) open_ends = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_true (lectern_text_is_stored (text, -1));
  g_assert_cmpuint (g_utf8_strlen (text, -1), ==, length);
  if (checks & FUZZ_EXTRACT_HAS_TEXT)
    g_assert_true (lectern_extract_has_text (extract));

  for (guint i = 0; i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpuint (span->end, <=, length);
      if (i > 0)
        g_assert_cmpuint (g_array_index (structure, LecternSpan, i - 1).start, <=, span->start);
      if (checks & FUZZ_EXTRACT_NESTED)
        {
          while (open_ends->len > 0
                 && g_array_index (open_ends, guint, open_ends->len - 1) <= span->start)
            g_array_set_size (open_ends, open_ends->len - 1);
          if (open_ends->len > 0)
            g_assert_cmpuint (span->end, <=, g_array_index (open_ends, guint, open_ends->len - 1));
          g_array_append_val (open_ends, span->end);
        }
      if ((checks & FUZZ_EXTRACT_NAMED_SPANS)
          && (span->kind == LECTERN_STRUCTURE_KIND_FOOTNOTE || span->kind == LECTERN_STRUCTURE_KIND_HEADING
              || span->kind == LECTERN_STRUCTURE_KIND_TURN || span->kind == LECTERN_STRUCTURE_KIND_TIME))
        g_assert_nonnull (span->value);
      check_utf8_or_null (span->value);
    }

  for (guint i = 0; i < notes->len; i++)
    {
      const LecternExtractNote *note = &g_array_index (notes, LecternExtractNote, i);

      g_assert_cmpuint (note->start, <=, note->end);
      g_assert_cmpuint (note->end, <=, length);
      g_assert_true (g_utf8_validate (note->text, -1, NULL));
    }

  check_utf8_or_null (lectern_extract_get_title (extract));
  check_utf8_or_null (lectern_extract_get_author (extract));
}

void
fuzz_check_extracts (GPtrArray         *extracts,
                     const GError      *error,
                     const char        *display_name,
                     guint              n_expected,
                     FuzzExtractChecks  checks)
{
  if (extracts == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == LECTERN_IMPORT_ERROR);
      g_assert_nonnull (strstr (error->message, display_name));
      return;
    }
  g_assert_no_error (error);
  if (n_expected > 0)
    g_assert_cmpuint (extracts->len, ==, n_expected);
  else
    g_assert_cmpuint (extracts->len, >=, 1);
  for (guint i = 0; i < extracts->len; i++)
    check_extract (g_ptr_array_index (extracts, i), checks);
}
