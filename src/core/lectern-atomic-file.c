/* lectern-atomic-file.c — a file written whole or not at all.
 *
 * Not g_file_replace(): for a destination that does not exist yet it
 * writes under the final name, so a failure leaves a truncated file there;
 * and it syncs neither a new file nor the folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "lectern-atomic-file.h"
#include "lectern-project.h"

struct _LecternAtomicFile
{
  char                   *dest_path;
  char                   *temp_path;
  GOutputStream          *stream;    /* owns nothing: fd is closed by hand */
  int                     fd;        /* -1 with NAME_ONLY, or once closed */
  LecternAtomicFileFlags  flags;
  gboolean                committed;
};

static void
set_errno_error (GError     **error,
                 int          saved,
                 const char  *fallback)
{
  if (saved == 0)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, fallback);
  else
    g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
}

LecternAtomicFile *
lectern_atomic_file_new (GFile                   *dest,
                         LecternAtomicFileFlags   flags,
                         GError                 **error)
{
  g_autofree char *dest_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  LecternAtomicFile *self;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (G_IS_FILE (dest), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dest_path = g_file_get_path (dest);
  if (dest_path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("only files on a local disk can be written"));
      return NULL;
    }

  /* Renaming over an open project (or its log) would leave this process's
   * connections writing into a deleted file. */
  if (lectern_project_file_is_in_use (dest))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("it is a Lectern project open in this program"));
      return NULL;
    }

  /* Hidden, and in the same folder: a rename within one file system is
   * what makes the switch atomic. */
  dir = g_path_get_dirname (dest_path);
  base = g_path_get_basename (dest_path);
  template = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  /* 0666: the umask makes it what any new file of the user's would be. */
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("could not make a temporary file"));
      return NULL;
    }

  /* A file replaced keeps its permissions. */
  if (g_stat (dest_path, &st) == 0 && S_ISREG (st.st_mode))
    (void) fchmod (fd, st.st_mode & 07777);

  self = g_new0 (LecternAtomicFile, 1);
  self->dest_path = g_steal_pointer (&dest_path);
  self->temp_path = g_steal_pointer (&template);
  self->flags = flags;
  self->fd = fd;
  if (flags & LECTERN_ATOMIC_FILE_NAME_ONLY)
    {
      close (self->fd);
      self->fd = -1;
      g_unlink (self->temp_path);
    }
  else
    self->stream = g_unix_output_stream_new (fd, FALSE);
  return self;
}

const char *
lectern_atomic_file_get_temp_path (LecternAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

GOutputStream *
lectern_atomic_file_get_stream (LecternAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->stream != NULL, NULL);

  return self->stream;
}

static gboolean
sync_temp (LecternAtomicFile  *self,
           GError            **error)
{
  int fd = self->fd;
  int saved = 0;

  if (self->stream != NULL && !g_output_stream_close (self->stream, NULL, error))
    return FALSE;

  /* With NAME_ONLY the writer has closed its file: opening it again
   * takes no lock from anyone. */
  if (fd < 0)
    fd = g_open (self->temp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    saved = errno;
  if (fd >= 0 && close (fd) != 0 && saved == 0)
    saved = errno;
  self->fd = -1;

  if (saved != 0)
    {
      set_errno_error (error, saved, _("could not write the file to disk"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
move_into_place (LecternAtomicFile  *self,
                 GError            **error)
{
  if (!(self->flags & LECTERN_ATOMIC_FILE_NO_REPLACE))
    {
      if (g_rename (self->temp_path, self->dest_path) == 0)
        return TRUE;
      set_errno_error (error, errno, _("could not move the file into place"));
      return FALSE;
    }

  /* No rename that refuses to replace in GLib 2.74 or POSIX: a hard
   * link does, and then the temporary name goes. */
  if (link (self->temp_path, self->dest_path) == 0)
    {
      g_unlink (self->temp_path);
      return TRUE;
    }
  if (errno == EEXIST)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("a file of that name appeared meanwhile"));
      return FALSE;
    }
  set_errno_error (error, errno, _("could not move the file into place"));
  return FALSE;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* The file is in place already; some file systems cannot sync a folder,
   * and that is no reason to report a failure. */
  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("Could not sync the folder “%s”: %s", dir, g_strerror (errno));
  close (fd);
}

gboolean
lectern_atomic_file_commit (LecternAtomicFile  *self,
                            GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sync_temp (self, error) || !move_into_place (self, error))
    return FALSE;

  self->committed = TRUE;
  sync_folder (self->dest_path);
  return TRUE;
}

void
lectern_atomic_file_free (LecternAtomicFile *self)
{
  static const char * const journals[] = { "-journal", "-wal", "-shm" };

  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  if (!self->committed)
    {
      /* The name is ours alone (made exclusively), so are its journals. */
      g_unlink (self->temp_path);
      for (guint i = 0; i < G_N_ELEMENTS (journals); i++)
        {
          g_autofree char *journal = g_strconcat (self->temp_path, journals[i], NULL);

          g_unlink (journal);
        }
    }
  g_free (self->temp_path);
  g_free (self->dest_path);
  g_free (self);
}
