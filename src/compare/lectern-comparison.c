/* lectern-comparison.c — chunks, modes, the compare error domain, JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-comparison.h"

G_DEFINE_QUARK (lectern-compare-error-quark, lectern_compare_error)

static const char * const mode_names[] = {
  [LECTERN_COMPARE_MODE_VERSIONS] = "versions",
  [LECTERN_COMPARE_MODE_TRANSLATION] = "translation",
  [LECTERN_COMPARE_MODE_SHARED] = "shared",
  [LECTERN_COMPARE_MODE_CODERS] = "coders",
};

static const char * const kind_names[] = {
  [LECTERN_CHUNK_EQUAL] = "equal",
  [LECTERN_CHUNK_INSERT] = "insert",
  [LECTERN_CHUNK_DELETE] = "delete",
  [LECTERN_CHUNK_REPLACE] = "replace",
  [LECTERN_CHUNK_PAIR] = "pair",
  [LECTERN_CHUNK_SHARED] = "shared",
};

const char *
lectern_compare_mode_to_string (LecternCompareMode mode)
{
  g_return_val_if_fail ((guint) mode < G_N_ELEMENTS (mode_names), NULL);

  return mode_names[mode];
}

gboolean
lectern_compare_mode_from_string (const char         *word,
                                  LecternCompareMode *mode)
{
  g_return_val_if_fail (mode != NULL, FALSE);

  if (word == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (mode_names); i++)
    {
      if (g_str_equal (word, mode_names[i]))
        {
          *mode = (LecternCompareMode) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
lectern_chunk_kind_to_string (LecternChunkKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

GArray *
lectern_chunks_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (LecternChunk));
}

/* Writes a non-negative offset in decimal at @p; returns the end. A
 * version comparison of two long texts writes tens of thousands of
 * offsets, and printf's format parsing was a fifth of `lectern-cli
 * compare`'s work. */
static char *
put_offset (char  *p,
            glong  value)
{
  char digits[24];
  guint n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  while (n > 0)
    *p++ = digits[--n];
  return p;
}

static char *
put_literal (char       *p,
             const char *s)
{
  while (*s != '\0')
    *p++ = *s++;
  return p;
}

static char *
put_side (char  *p,
          glong  start,
          glong  end)
{
  if (start < 0 || end < 0)
    return put_literal (p, "null");
  *p++ = '[';
  p = put_offset (p, start);
  p = put_literal (p, ", ");
  p = put_offset (p, end);
  *p++ = ']';
  return p;
}

static void
append_json_string (GString    *out,
                    const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

char *
lectern_chunks_to_json (const char *mode,
                        GArray     *chunks)
{
  GString *out;

  g_return_val_if_fail (mode != NULL, NULL);
  g_return_val_if_fail (chunks != NULL, NULL);

  out = g_string_new ("{\"mode\": ");
  append_json_string (out, mode);
  g_string_append (out, ", \"chunks\": [");

  for (guint i = 0; i < chunks->len; i++)
    {
      const LecternChunk *chunk = &g_array_index (chunks, LecternChunk, i);
      /* Kind names are plain ASCII words; two offsets of at most 20
       * digits each side: 160 bytes is ample. */
      char record[160];
      char *p = record;

      if (i > 0)
        p = put_literal (p, ", ");
      p = put_literal (p, "{\"kind\": \"");
      p = put_literal (p, lectern_chunk_kind_to_string (chunk->kind));
      p = put_literal (p, "\", \"a\": ");
      p = put_side (p, chunk->a_start, chunk->a_end);
      p = put_literal (p, ", \"b\": ");
      p = put_side (p, chunk->b_start, chunk->b_end);
      *p++ = '}';
      g_string_append_len (out, record, p - record);
    }

  g_string_append (out, "]}");

  return g_string_free (out, FALSE);
}
