/* lectern-word-table-writer.c
 *
 * Numbers as a machine reads them ('.' whatever the locale); words
 * escaped as every other CSV Lectern writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-export-writers-private.h"
#include "lectern-word-table-writer.h"

static void
append_number (GString    *out,
               const char *format,
               double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (out, ',');
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, format, value));
}

gboolean
lectern_word_list_write_csv (GPtrArray      *words,
                             gboolean        all,
                             gint64          total,
                             GOutputStream  *stream,
                             GError        **error)
{
  g_autoptr(GString) out = g_string_new ("word,count,per_million\r\n");

  g_return_val_if_fail (words != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  for (guint i = 0; i < words->len; i++)
    {
      const LecternWordCount *word = g_ptr_array_index (words, i);
      g_autofree char *cell = _lectern_csv_escape (word->word);
      gint64 count = all ? word->count : word->listed;

      g_string_append (out, cell);
      g_string_append_printf (out, ",%" G_GINT64_FORMAT, count);
      append_number (out, "%.2f", total > 0 ? count * 1e6 / total : 0);
      g_string_append (out, "\r\n");
    }
  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

gboolean
lectern_keyness_write_csv (GPtrArray      *keywords,
                           GOutputStream  *stream,
                           GError        **error)
{
  g_autoptr(GString) out = g_string_new ("word,a_count,b_count,log_likelihood,log_ratio\r\n");

  g_return_val_if_fail (keywords != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  for (guint i = 0; i < keywords->len; i++)
    {
      const LecternKeyword *keyword = g_ptr_array_index (keywords, i);
      g_autofree char *cell = _lectern_csv_escape (keyword->word);

      g_string_append (out, cell);
      g_string_append_printf (out, ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, keyword->a_count, keyword->b_count);
      append_number (out, "%.4f", keyword->log_likelihood);
      append_number (out, "%.4f", keyword->log_ratio);
      g_string_append (out, "\r\n");
    }
  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}
