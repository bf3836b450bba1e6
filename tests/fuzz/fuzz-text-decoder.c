/* fuzz-text-decoder.c — libFuzzer target: the bytes of a file to import.
 *
 * Any bytes either decode to stored text or are refused with a
 * LECTERN_IMPORT_ERROR; decoded text then goes through the metadata
 * guessers, as on import.
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
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  g_autoptr(LecternDocument) document = NULL;
  gsize replaced = 0;

  fuzz_init ();

  text = lectern_text_decoder_decode ((const char *) data, size, "fuzz.txt",
                                      &encoding, &replaced, &error);
  if (text == NULL)
    {
      /* Refused: must say so in the importer's terms. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == LECTERN_IMPORT_ERROR);
      g_assert_nonnull (strstr (error->message, "fuzz.txt"));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_nonnull (encoding);
  /* The contract of lectern-text.h: what is stored is stored text. */
  g_assert_true (lectern_text_is_stored (text, -1));
  /* Bytes are replaced only in UTF-8, and each leaves a U+FFFD behind. */
  g_assert_true (replaced == 0 || (g_str_equal (encoding, "UTF-8")
                                   && strstr (text, "\xef\xbf\xbd") != NULL));
  g_assert_cmpuint (replaced, <=, size);

  document = lectern_document_new ();
  lectern_metadata_guess (document, text);
  if (lectern_document_get_title (document) != NULL)
    {
      const char *title = lectern_document_get_title (document);

      g_assert_true (g_utf8_validate (title, -1, NULL));
      g_assert_cmpint (g_utf8_strlen (title, -1), <=, LECTERN_TITLE_MAX_CHARS + 1);
    }
  return 0;
}
