/* lectern-input-file.c — reading a file that came from elsewhere, bounded.
 *
 * Every reader of foreign files (plain-text import, Web Annotation JSON,
 * REFI-QDA archives) goes through here, so that none of them reads a whole
 * unbounded stream into memory or blocks on a pipe: the type is checked
 * first, the size next, and the bytes actually read are counted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-project.h"
#include "lectern-input-file.h"

#define CHUNK (64 * 1024)

static void
set_too_large (GError     **error,
               const char  *name,
               gsize        max_size)
{
  g_autofree char *limit = g_format_size (max_size);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("“%s” is larger than %s, more than Lectern reads from one file"), name, limit);
}

gboolean
lectern_input_file_check (GFile         *file,
                          gsize          max_size,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);

  /* Reading it would close a descriptor on it, and with it the locks of
   * this process's connections (lectern-project-registry.c). */
  if (lectern_project_file_is_in_use (file))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("“%s” is a Lectern project open in this program: it cannot be read as a file"), name);
      return FALSE;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a file"), name);
      return FALSE;
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file but a pipe, a device or a socket: Lectern reads only files"),
                   name);
      return FALSE;
    }

  if (max_size > 0 && g_file_info_get_size (info) > 0 && (guint64) g_file_info_get_size (info) > max_size)
    {
      set_too_large (error, name, max_size);
      return FALSE;
    }
  return TRUE;
}

GBytes *
lectern_input_file_load (GFile         *file,
                         gsize          max_size,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max_size > 0 && max_size < G_MAXSIZE - CHUNK, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!lectern_input_file_check (file, max_size, cancellable, error))
    return NULL;

  name = g_file_get_parse_name (file);
  stream = g_file_read (file, cancellable, &local_error);
  buffer = g_byte_array_new ();
  while (stream != NULL)
    {
      gsize old_len = buffer->len;
      gsize n_read = 0;

      g_byte_array_set_size (buffer, old_len + CHUNK);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + old_len, CHUNK,
                                    &n_read, cancellable, &local_error))
        break;
      g_byte_array_set_size (buffer, old_len + n_read);
      if (buffer->len > max_size)
        {
          set_too_large (error, name, max_size);
          return NULL;
        }
      if (n_read < CHUNK)
        break;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The NUL lets callers parse the bytes as a string. */
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  g_byte_array_set_size (buffer, buffer->len - 1);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}
