/* lectern-cli-output.c — machine output of lectern-cli: tab-separated
 * records, one a line.
 *
 * Every record goes through lectern_cli_escape_field(), so a tab, newline
 * or backslash inside a title, note or quote can never split a record or a
 * field: they are written "\t", "\n" and "\\" (a carriage return, which
 * stored text never holds but a note might, is written "\r"). Every other
 * control character is written as text too (see append_inert()), here and
 * in messages on standard error, so that a title from someone else's
 * project cannot drive the terminal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"

/* Appends @text with every control character written as text, so that
 * nothing lectern-cli prints can drive a terminal (an ESC ] title change,
 * ESC [ 8 m hidden text, a C1 CSI): C0 controls and DEL as "\x1b", C1
 * controls U+0080–U+009F as "\u009b", and bytes that are not UTF-8 (a
 * file name) as "\xNN". In a TSV @field, tab, newline, carriage return and
 * backslash are "\t", "\n", "\r", "\\"; in a message, tab and newline stay. */
static void
append_inert (GString    *out,
              const char *text,
              gsize       len,
              gboolean    field)
{
  const char *p = text;
  const char *end = text + len;

  while (p < end)
    {
      gunichar c;
      const char *next;
      const char *run = p;

      /* Printable ASCII but the backslash, the most of any text, is
       * copied a run at a time. */
      while (p < end && (guchar) *p >= 0x20 && (guchar) *p < 0x7f && *p != '\\')
        p++;
      if (p > run)
        {
          g_string_append_len (out, run, p - run);
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }

      next = g_utf8_next_char (p);
      if (field && c == '\t')
        g_string_append (out, "\\t");
      else if (field && c == '\n')
        g_string_append (out, "\\n");
      else if (field && c == '\r')
        g_string_append (out, "\\r");
      else if (field && c == '\\')
        g_string_append (out, "\\\\");
      else if (!field && (c == '\t' || c == '\n'))
        g_string_append_c (out, (char) c);
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if (c >= 0x80 && c <= 0x9f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
}

/* (transfer full): @field escaped for one TSV field; NULL gives "". */
char *
lectern_cli_escape_field (const char *field)
{
  GString *out;

  if (field == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (field));
  append_inert (out, field, strlen (field), TRUE);

  return g_string_free (out, FALSE);
}

/* (transfer full): @message with its control characters escaped, for
 * standard error: GError messages quote titles and file names. */
char *
lectern_cli_escape_message (const char *message)
{
  GString *out = g_string_sized_new (strlen (message));

  append_inert (out, message, strlen (message), FALSE);

  return g_string_free (out, FALSE);
}

void
lectern_cli_print_fields (const char * const *fields,
                          guint               n_fields)
{
  g_autoptr(GString) line = g_string_sized_new (256);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (line, '\t');
      if (fields[i] != NULL)
        append_inert (line, fields[i], strlen (fields[i]), TRUE);
    }
  g_string_append_c (line, '\n');

  fwrite (line->str, 1, line->len, stdout);
}

/* Prints one record of @n_fields fields, given as const char *; a NULL
 * field is written empty. A count rather than a NULL terminator, so a
 * missing value can never cut a record short. */
void
lectern_cli_print_record (guint n_fields,
                          ...)
{
  g_autofree const char **fields = g_new0 (const char *, n_fields + 1);
  va_list args;

  va_start (args, n_fields);
  for (guint i = 0; i < n_fields; i++)
    fields[i] = va_arg (args, const char *);
  va_end (args);

  lectern_cli_print_fields (fields, n_fields);
}

/* Writes @data to stdout exactly, for `text` and exports: a pipe or a
 * file gets the very bytes. A terminal gets them with their control
 * characters escaped as in messages, so that a text from someone else
 * cannot drive it. */
gboolean
lectern_cli_write_raw (const char  *data,
                       gsize        len,
                       GError     **error)
{
  g_autoptr(GString) inert = NULL;

  if (len > 0 && isatty (fileno (stdout)))
    {
      inert = g_string_sized_new (len);
      append_inert (inert, data, len, FALSE);
      data = inert->str;
      len = inert->len;
    }

  if (len > 0 && fwrite (data, 1, len, stdout) != len)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write to standard output: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* A full disk or a closed pipe must not pass for success. */
gboolean
lectern_cli_flush (GError **error)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write to standard output: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
