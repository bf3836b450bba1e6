/* lectern-text-reader.c — a plain-text file as one document: the text
 * decoder's stored text, kept exactly, with no structure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-format-readers.h"
#include "lectern-importer.h"
#include "lectern-text-decoder.h"

GPtrArray *
lectern_text_reader_read (GBytes        *bytes,
                          const char    *display_name,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GPtrArray) extracts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LecternExtract) extract = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *encoding = NULL;
  gsize replaced_bytes = 0;
  const char *data;
  gsize size = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  stored = lectern_text_decoder_decode (size > 0 ? data : "", size, display_name, &encoding,
                                        &replaced_bytes, error);
  if (stored == NULL)
    return NULL;

  extract = lectern_extract_new ("text");
  lectern_extract_set_text (extract, stored);
  lectern_extract_set_encoding (extract, encoding);
  /* Kept with the document, so that the repair is never silent: the
   * text holds U+FFFD where those bytes were. */
  if (replaced_bytes > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GSIZE_FORMAT, replaced_bytes);

      lectern_extract_set_variable (extract, LECTERN_IMPORTER_REPLACED_BYTES, count);
    }

  g_ptr_array_add (extracts, g_steal_pointer (&extract));
  return g_steal_pointer (&extracts);
}
