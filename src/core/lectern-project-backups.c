/* lectern-project-backups.c — rotating backups beside the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lectern-project-private.h"
#include "lectern-sqlite-connection-private.h"
#include "lectern-sqlite-error-private.h"

#define BACKUP_SUFFIX ".lectern-backups"
#define DAY (G_TIME_SPAN_DAY)
/* How often refresh looks whether a daily backup is due. */
#define CHECK_INTERVAL (G_TIME_SPAN_HOUR)
/* Bigger projects get their daily backup in a thread of its own, so that
 * opening them does not wait for a copy of the whole file. */
#define SYNC_BACKUP_MAX_BYTES (32 * 1024 * 1024)

/* "notes" for "notes.lectern". */
static char *
project_stem (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  if (g_str_has_suffix (base, ".lectern") && strlen (base) > strlen (".lectern"))
    base[strlen (base) - strlen (".lectern")] = '\0';
  return g_steal_pointer (&base);
}

GFile *
lectern_project_dup_backup_folder (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parent = g_file_get_parent (file);
  stem = project_stem (file);
  name = g_strconcat (stem, BACKUP_SUFFIX, NULL);
  return g_file_get_child (parent, name);
}

typedef struct
{
  GFile  *file;
  char   *name;
  gint64  modified;   /* µs since 1970 */
} Backup;

static void
backup_clear (gpointer data)
{
  Backup *backup = data;

  g_clear_object (&backup->file);
  g_clear_pointer (&backup->name, g_free);
}

/* Newest first: by modification time, then by name (which starts with
 * the time, to the second). */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Backup *ba = a;
  const Backup *bb = b;

  if (ba->modified != bb->modified)
    return ba->modified > bb->modified ? -1 : 1;
  return -strcmp (ba->name, bb->name);
}

GPtrArray *
lectern_project_list_backups (GFile   *file,
                             GError **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folder = lectern_project_dup_backup_folder (file);
  stem = project_stem (file);
  prefix = g_strconcat (stem, "-", NULL);
  backups = g_ptr_array_new_with_free_func (g_object_unref);
  found = g_array_new (FALSE, TRUE, sizeof (Backup));
  g_array_set_clear_func (found, backup_clear);

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                        G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (children == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&backups);

      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("Could not list the backups of “%s”: %s"),
                   g_file_peek_path (file), local_error->message);
      return NULL;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, &local_error))
        {
          g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                       _("Could not list the backups of “%s”: %s"),
                       g_file_peek_path (file), local_error->message);
          return NULL;
        }
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".lectern"))
        {
          g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);
          Backup backup = {
            .file = g_object_ref (child),
            .name = g_strdup (name),
            .modified = modified ? g_date_time_to_unix (modified) * G_USEC_PER_SEC
                                   + g_date_time_get_microsecond (modified) : 0,
          };

          g_array_append_val (found, backup);
        }
    }

  g_array_sort (found, compare_newest_first);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (backups, g_object_ref (g_array_index (found, Backup, i).file));

  return g_steal_pointer (&backups);
}

/* A backup cut short by the end of its process leaves its temporary file,
 * .NAME….lectern.XXXXXX (NAME….lectern.part before); one a day old is no
 * longer being written. */
/* ".NAME.lectern.XXXXXX", as LecternAtomicFile names it. */
static gboolean
is_temporary_name (const char *name)
{
  const char *dot = strrchr (name, '.');

  return name[0] == '.' && dot != NULL && strlen (dot + 1) == 6
         && dot - name > (gssize) strlen (".lectern")
         && strncmp (dot - strlen (".lectern"), ".lectern", strlen (".lectern")) == 0;
}

static void
remove_stale_parts (GFile *file)
{
  g_autoptr(GFile) folder = lectern_project_dup_backup_folder (file);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (children == NULL)
    return;

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      g_autoptr(GDateTime) modified = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;
      if (!g_str_has_suffix (g_file_info_get_name (info), ".lectern.part")
          && !is_temporary_name (g_file_info_get_name (info)))
        continue;
      modified = g_file_info_get_modification_date_time (info);
      if (modified != NULL && g_date_time_difference (now, modified) > DAY)
        g_file_delete (child, NULL, NULL);
    }
}

static void
rotate (GFile *file)
{
  g_autoptr(GPtrArray) backups = lectern_project_list_backups (file, NULL);

  if (backups == NULL)
    return;

  for (guint i = LECTERN_PROJECT_BACKUPS_KEPT; i < backups->len; i++)
    g_file_delete (g_ptr_array_index (backups, i), NULL, NULL);

  remove_stale_parts (file);
}

/* The next backup's file: NAME-YYYYMMDD-HHMMSS[-why].lectern, names
 * sorting by time. NULL with @error set if the folder cannot be made. */
static GFile *
next_backup_file (GFile       *file,
                  const char  *why,
                  GError     **error)
{
  g_autoptr(GFile) folder = lectern_project_dup_backup_folder (file);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *stem = project_stem (file);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autoptr(GFile) dest = NULL;

  if (g_mkdir_with_parents (folder_path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, LECTERN_PROJECT_ERROR,
                   saved == ENOSPC ? LECTERN_PROJECT_ERROR_NO_SPACE : LECTERN_PROJECT_ERROR_READ_ONLY,
                   _("Could not make the backup folder “%s”: %s"), folder_path, g_strerror (saved));
      return NULL;
    }

  for (guint n = 1; dest == NULL || g_file_query_exists (dest, NULL); n++)
    {
      g_autofree char *name = NULL;

      g_clear_object (&dest);
      if (n == 1)
        name = g_strdup_printf ("%s-%s%s%s.lectern", stem, stamp, why ? "-" : "", why ? why : "");
      else
        name = g_strdup_printf ("%s-%s-%u%s%s.lectern", stem, stamp, n, why ? "-" : "", why ? why : "");
      dest = g_file_get_child (folder, name);
    }

  return g_steal_pointer (&dest);
}

static gboolean
make_backup (LecternProject  *self,
             const char     *why,
             GError        **error)
{
  g_autoptr(GFile) dest = next_backup_file (self->file, why, error);

  if (dest == NULL || !lectern_project_backup (self, dest, error))
    return FALSE;

  rotate (self->file);
  return TRUE;
}

typedef struct
{
  GFile *file;
  GFile *dest;
} DailyBackup;

static void
daily_backup_free (gpointer data)
{
  DailyBackup *job = data;

  g_clear_object (&job->file);
  g_clear_object (&job->dest);
  g_free (job);
}

/* In a worker thread, on a read-only connection of its own. */
static void
daily_backup_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  DailyBackup *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = _lectern_sqlite_open (path, SQLITE_OPEN_READONLY, &db);
  if (rc == SQLITE_OK)
    sqlite3_busy_timeout (db, 5000);
  if (rc != SQLITE_OK)
    _lectern_sqlite_set_error (&error, db, rc, job->file);
  else if (_lectern_backup_connection (db, job->dest, &error))
    rotate (job->file);
  sqlite3_close_v2 (db);

  if (error != NULL)
    g_debug ("The daily backup failed: %s", error->message);
  g_task_return_boolean (task, error == NULL);
}
gboolean
_lectern_project_backup_before_migration (LecternProject  *self,
                                         int             from_version,
                                         GError        **error)
{
  g_autofree char *why = g_strdup_printf ("format-%d", from_version);
  g_autoptr(GError) local_error = NULL;

  if (make_backup (self, why, &local_error))
    return TRUE;

  g_set_error (error, local_error->domain, local_error->code,
               _("“%s” needs updating to this version of Lectern, but it could not be backed up "
                 "first, so it was left as it is: %s"),
               self->path, local_error->message);
  return FALSE;
}

gboolean
_lectern_project_backup_daily (LecternProject  *self,
                              GError        **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) list_error = NULL;
  gint64 now = g_get_monotonic_time ();

  if (now < self->next_backup_check)
    return TRUE;
  self->next_backup_check = now + CHECK_INTERVAL;

  /* The automatic backup is best-effort: an unreadable backups folder is
   * the user's to fix, and lectern_project_list_backups() reports it to
   * whoever asks for the list; here it only skips today's backup, without
   * a word on every open. */
  backups = lectern_project_list_backups (self->file, &list_error);
  if (backups == NULL)
    {
      g_debug ("No daily backup: %s", list_error->message);
      return TRUE;
    }

  if (backups->len > 0)
    {
      g_autoptr(GFileInfo) info =
        g_file_query_info (g_ptr_array_index (backups, 0), G_FILE_ATTRIBUTE_TIME_MODIFIED,
                           G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info != NULL)
        {
          g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);
          g_autoptr(GDateTime) wall = g_date_time_new_now_utc ();

          if (modified != NULL && g_date_time_difference (wall, modified) < DAY)
            return TRUE;
        }
    }

  {
    GStatBuf st;

    if (g_stat (self->path, &st) == 0 && st.st_size > SYNC_BACKUP_MAX_BYTES)
      {
        g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
        DailyBackup *job = g_new0 (DailyBackup, 1);

        job->file = g_object_ref (self->file);
        job->dest = next_backup_file (self->file, NULL, error);
        if (job->dest == NULL)
          {
            daily_backup_free (job);
            return FALSE;
          }
        g_task_set_source_tag (task, _lectern_project_backup_daily);
        g_task_set_task_data (task, job, daily_backup_free);
        g_task_run_in_thread (task, daily_backup_thread);
        return TRUE;
      }
  }

  return make_backup (self, NULL, error);
}

static gboolean
check_backup (GFile    *backup,
              sqlite3 **db,
              GError  **error)
{
  g_autofree char *path = g_file_get_path (backup);
  sqlite3_stmt *stmt = NULL;
  gint64 application_id = 0;
  gint64 version = 0;
  int rc;

  if (path == NULL)
    rc = SQLITE_CANTOPEN;
  else
    rc = _lectern_sqlite_open (path, SQLITE_OPEN_READONLY, db);

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (*db, "SELECT * FROM pragma_application_id, pragma_user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          application_id = sqlite3_column_int64 (stmt, 0);
          version = sqlite3_column_int64 (stmt, 1);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }

  if (rc != SQLITE_OK)
    {
      _lectern_sqlite_set_error (error, *db, rc, backup);
      return FALSE;
    }

  if (application_id != LECTERN_APPLICATION_ID || version < 1 || version > LECTERN_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Lectern project this version can restore"), path);
      return FALSE;
    }

  /* Restoring copies it in whole: it must be a project Lectern wrote. */
  return _lectern_project_check_schema (*db, (int) version, path, error);
}

static gboolean
rename_if_there (const char  *from,
                 const char  *to,
                 GError     **error)
{
  int saved;

  if (g_rename (from, to) == 0 || errno == ENOENT)
    return TRUE;

  saved = errno;
  g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
               _("Could not move “%s” to “%s”: %s"), from, to, g_strerror (saved));
  return FALSE;
}

/* A damaged project cannot be opened to restore into: it is set aside
 * whole, with its log, among the backups (as NAME-…-damaged.lectern), and
 * a copy of @backup takes its place. */
static gboolean
replace_damaged (GFile   *file,
                 GFile   *backup,
                 GError **error)
{
  g_autoptr(GFile) folder = lectern_project_dup_backup_folder (file);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *stem = project_stem (file);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("%s-%s-damaged.lectern", stem, stamp);
  g_autofree char *aside = g_build_filename (folder_path, name, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *aside_wal = g_strconcat (aside, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autoptr(GFile) part_file = g_file_new_for_path (part);
  g_autoptr(GError) copy_error = NULL;

  /* The copy first, beside: if it fails, nothing was moved. */
  if (!g_file_copy (backup, part_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &copy_error))
    {
      g_set_error (error, LECTERN_PROJECT_ERROR,
                   g_error_matches (copy_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                   ? LECTERN_PROJECT_ERROR_NO_SPACE : LECTERN_PROJECT_ERROR_FAILED,
                   _("Could not restore “%s”: %s"), path, copy_error->message);
      return FALSE;
    }

  if (g_mkdir_with_parents (folder_path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("Could not make the backup folder “%s”: %s"), folder_path, g_strerror (saved));
      g_unlink (part);
      return FALSE;
    }

  if (!rename_if_there (wal, aside_wal, error) || !rename_if_there (path, aside, error))
    {
      g_unlink (part);
      return FALSE;
    }
  g_unlink (shm);

  if (g_rename (part, path) != 0)
    {
      int saved = errno;

      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("Could not restore “%s”: %s; the damaged project is in “%s”"),
                   path, g_strerror (saved), aside);
      return FALSE;
    }

  return TRUE;
}

gboolean
lectern_project_restore_backup (GFile   *file,
                               GFile   *backup,
                               GError **error)
{
  g_autoptr(LecternProject) self = NULL;
  g_autoptr(GError) open_error = NULL;
  sqlite3 *source = NULL;
  sqlite3_backup *copy;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (G_IS_FILE (backup), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_backup (backup, &source, error))
    goto out;

  self = lectern_project_open (file, &open_error);
  if (self == NULL)
    {
      if (g_error_matches (open_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_CORRUPT))
        ok = replace_damaged (file, backup, error);
      else
        g_propagate_error (error, g_steal_pointer (&open_error));
      goto out;
    }

  if (!make_backup (self, "before-restore", error))
    goto out;

  /* Page by page into the open connection, under its write lock: other
   * connections see either the old project or the restored one. */
  copy = sqlite3_backup_init (self->db, "main", source, "main");
  if (copy == NULL)
    {
      _lectern_project_fail (self, sqlite3_errcode (self->db), error);
      goto out;
    }
  do
    {
      rc = sqlite3_backup_step (copy, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (copy);

  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_close_v2 (source);
  return ok;
}
