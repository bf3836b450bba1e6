/* lectern-project-registry.c — the one owner, per process, of the
 * connections to each project file.
 *
 * POSIX advisory locks belong to a process, not to a descriptor: a close ()
 * of any descriptor on a file drops every lock the process holds on it,
 * those of its SQLite connections included ("How To Corrupt An SQLite
 * Database File", 2.2). Another process then believes it holds the last
 * connection, checkpoints and deletes the write-ahead log under the feet of
 * ours, and our later commits go into a deleted file.
 *
 * So every connection Lectern opens to a project is counted here, by the
 * file's device and inode (a second path to the same file is the same
 * file), and nothing opens the file outside SQLite while the count is not
 * zero: the header check before the first connection runs under the same
 * lock as the registration, and other readers of files (the importer, the
 * exporter) ask lectern_project_file_is_in_use () before they open one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lectern-project-private.h"

typedef struct
{
  dev_t  dev;
  ino_t  ino;
  guint  connections;
  char  *path;        /* as first opened: finds its -wal and -shm */
} OpenProject;

static GMutex registry_mutex;
static GArray *registry;   /* OpenProject */

static OpenProject *
find (dev_t dev,
      ino_t ino)
{
  if (registry == NULL)
    return NULL;

  for (guint i = 0; i < registry->len; i++)
    {
      OpenProject *project = &g_array_index (registry, OpenProject, i);

      if (project->dev == dev && project->ino == ino)
        return project;
    }
  return NULL;
}

void
_lectern_project_registry_lock (void)
{
  g_mutex_lock (&registry_mutex);
}

void
_lectern_project_registry_unlock (void)
{
  g_mutex_unlock (&registry_mutex);
}

gboolean
_lectern_project_registry_has (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  return find (st.st_dev, st.st_ino) != NULL;
}

void
_lectern_project_registry_add (LecternProject *self)
{
  GStatBuf st;
  OpenProject *project;

  g_assert (self->db != NULL);

  /* SQLite holds the file open: it is there to stat. */
  if (g_stat (self->path, &st) != 0)
    {
      g_warning ("Could not register “%s”: %s", self->path, g_strerror (errno));
      return;
    }

  self->registered_dev = st.st_dev;
  self->registered_ino = st.st_ino;
  self->registered = TRUE;

  if ((project = find (st.st_dev, st.st_ino)) != NULL)
    {
      project->connections++;
      return;
    }

  if (registry == NULL)
    registry = g_array_new (FALSE, TRUE, sizeof (OpenProject));
  g_array_append_val (registry, ((OpenProject) {
    .dev = st.st_dev,
    .ino = st.st_ino,
    .connections = 1,
    .path = g_strdup (self->path),
  }));
}

void
_lectern_project_registry_close (LecternProject *self)
{
  g_mutex_lock (&registry_mutex);

  if (self->db != NULL)
    {
      /* Closing the last connection checkpoints the WAL into the file. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  if (self->registered && registry != NULL)
    {
      for (guint i = 0; i < registry->len; i++)
        {
          OpenProject *project = &g_array_index (registry, OpenProject, i);

          if (project->dev != self->registered_dev || project->ino != self->registered_ino)
            continue;
          if (--project->connections == 0)
            {
              g_free (project->path);
              g_array_remove_index_fast (registry, i);
            }
          break;
        }
      self->registered = FALSE;
    }

  g_mutex_unlock (&registry_mutex);
}

static gboolean
same_file (const GStatBuf *st,
           const char     *path)
{
  GStatBuf other;

  return g_stat (path, &other) == 0 && other.st_dev == st->st_dev && other.st_ino == st->st_ino;
}

gboolean
lectern_project_file_is_in_use (GFile *file)
{
  g_autofree char *path = NULL;
  GStatBuf st;
  gboolean in_use = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = g_file_get_path (file)) == NULL || g_stat (path, &st) != 0)
    return FALSE;

  g_mutex_lock (&registry_mutex);
  for (guint i = 0; registry != NULL && i < registry->len && !in_use; i++)
    {
      OpenProject *project = &g_array_index (registry, OpenProject, i);
      g_autofree char *wal = NULL;
      g_autofree char *shm = NULL;

      if (project->dev == st.st_dev && project->ino == st.st_ino)
        {
          in_use = TRUE;
          break;
        }
      wal = g_strconcat (project->path, "-wal", NULL);
      shm = g_strconcat (project->path, "-shm", NULL);
      in_use = same_file (&st, wal) || same_file (&st, shm);
    }
  g_mutex_unlock (&registry_mutex);

  return in_use;
}

/* The name of @pid's program, for a message; "?" when it cannot be read. */
static char *
dup_process_name (const char *pid)
{
  g_autofree char *comm_path = g_build_filename ("/proc", pid, "comm", NULL);
  g_autofree char *comm = NULL;

  if (!g_file_get_contents (comm_path, &comm, NULL, NULL))
    return g_strdup ("?");
  return g_strdup (g_strstrip (comm));
}

void
_lectern_project_find_deleted_logs (LecternProject *self,
                                   GPtrArray     *problems)
{
  g_autoptr(GDir) processes = NULL;
  g_autofree char *real = NULL;
  g_autofree char *deleted = NULL;
  const char *pid;

  /* Linux shows a descriptor on an unlinked file as its old path followed
   * by " (deleted)". Elsewhere there is nothing to look at. */
  if ((real = realpath (self->path, NULL)) == NULL
      || (processes = g_dir_open ("/proc", 0, NULL)) == NULL)
    return;
  deleted = g_strconcat (real, "-wal (deleted)", NULL);

  while ((pid = g_dir_read_name (processes)) != NULL)
    {
      g_autofree char *fd_path = NULL;
      g_autoptr(GDir) fds = NULL;
      const char *fd;

      if (!g_ascii_isdigit (*pid))
        continue;
      fd_path = g_build_filename ("/proc", pid, "fd", NULL);
      /* Other users' processes cannot be looked at: they are left out. */
      if ((fds = g_dir_open (fd_path, 0, NULL)) == NULL)
        continue;

      while ((fd = g_dir_read_name (fds)) != NULL)
        {
          g_autofree char *link = g_build_filename (fd_path, fd, NULL);
          g_autofree char *target = g_file_read_link (link, NULL);
          g_autofree char *name = NULL;

          if (g_strcmp0 (target, deleted) != 0)
            continue;
          name = dup_process_name (pid);
          g_ptr_array_add (problems,
                           g_strdup_printf (_("Process %s (%s) writes into a deleted write-ahead log of "
                                              "this project: what it saves does not reach “%s”. Copy "
                                              "its unsaved work elsewhere and close it"),
                                            pid, name, self->path));
          break;
        }
    }
}
