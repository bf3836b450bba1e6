/* lectern-cli-output.c — machine output of lectern-cli: tab-separated
 * records, one a line.
 *
 * Every record goes through lectern_cli_escape_field(), so a tab, newline
 * or backslash inside a title, note or quote can never split a record or a
 * field: they are written "\t", "\n" and "\\" (a carriage return, which
 * stored text never holds but a note might, is written "\r").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lectern-cli-private.h"

/* (transfer full): @field escaped for one TSV field; NULL gives "". */
char *
lectern_cli_escape_field (const char *field)
{
  GString *out;

  if (field == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (field));

  for (const char *p = field; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

void
lectern_cli_print_fields (const char * const *fields,
                          guint               n_fields)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *escaped = lectern_cli_escape_field (fields[i]);

      if (i > 0)
        g_string_append_c (line, '\t');
      g_string_append (line, escaped);
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

/* Writes @data to stdout exactly, for `text` and exports. */
gboolean
lectern_cli_write_raw (const char  *data,
                       gsize        len,
                       GError     **error)
{
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
