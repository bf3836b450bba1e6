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

#include <string.h>

#include "fuzz-common.h"
#include "lectern-import.h"

#define NAME "fuzz.mbox"

static void
check_extract (LecternExtract *extract)
{
  const char *text = lectern_extract_get_text (extract);
  guint length = lectern_extract_get_length (extract);
  GArray *structure = lectern_extract_get_structure (extract);
  GArray *notes = lectern_extract_get_notes (extract);
  g_autofree char *nfc = NULL;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (text, -1), ==, length);
  g_assert_null (strchr (text, '\r'));
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_assert_cmpstr (nfc, ==, text);

  for (guint i = 0; i < structure->len; i++)
    {
      LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpuint (span->end, <=, length);
      if (i > 0)
        g_assert_cmpuint (g_array_index (structure, LecternSpan, i - 1).start, <=, span->start);
      if (span->kind == LECTERN_STRUCTURE_KIND_FOOTNOTE || span->kind == LECTERN_STRUCTURE_KIND_HEADING)
        g_assert_nonnull (span->value);
    }
  for (guint i = 0; i < notes->len; i++)
    {
      LecternExtractNote *note = &g_array_index (notes, LecternExtractNote, i);

      g_assert_cmpuint (note->start, <=, note->end);
      g_assert_cmpuint (note->end, <=, length);
      g_assert_true (g_utf8_validate (note->text, -1, NULL));
    }
}

static void
check_result (GPtrArray *extracts,
              GError    *error)
{
  if (extracts == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == LECTERN_IMPORT_ERROR);
      g_assert_nonnull (strstr (error->message, NAME));
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (extracts->len, >=, 1);
  for (guint i = 0; i < extracts->len; i++)
    check_extract (g_ptr_array_index (extracts, i));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;

  fuzz_init ();
  bytes = g_bytes_new (data, size);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) extracts = lectern_mail_reader_read (bytes, NAME, NULL, &error);

    check_result (extracts, error);
  }
  return 0;
}
