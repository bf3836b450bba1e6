/* lectern-sqlite-error.c — SQLite result codes as GErrors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-project.h"
#include "lectern-sqlite-error-private.h"

void
_lectern_sqlite_set_error (GError  **error,
                           sqlite3  *db,
                           int       rc,
                           GFile    *file)
{
  g_autofree char *name = file ? g_file_get_parse_name (file) : g_strdup (_("the project"));
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NO_SPACE,
                   _("Could not save “%s”: the disk is full. Free some space and try again; "
                     "nothing was changed"), name);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_READ_ONLY,
                   _("Could not save “%s”: the file or its folder is read-only. "
                     "Make it writable, or copy the project somewhere you may write"), name);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_LOCKED,
                   _("“%s” is busy: another window or program has been writing to it for "
                     "too long. Try again in a moment, or close the other program"), name);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). Restore it from a backup"), name, detail);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("Could not open “%s”: check that it and its folder still exist "
                     "and that you may read and write them"), name);
      break;

    case SQLITE_IOERR:
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("Could not read or write “%s” (%s). Check that the disk and the "
                     "folder are still there; nothing was changed"), name, detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” refused the change (%s); nothing was changed"), name, detail);
      break;

    default:
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("Could not use “%s” (%s)"), name, detail);
      break;
    }
}
