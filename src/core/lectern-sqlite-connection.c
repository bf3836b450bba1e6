/* lectern-sqlite-connection.c — every SQLite connection Lectern opens,
 * with SQLite's own defences on.
 *
 * A project file may come from someone else: it is data, and nothing in
 * it may make the connection write elsewhere. Lectern itself never needs
 * ATTACH or VACUUM INTO (copies go through the backup API), nor
 * extensions, nor a writable schema.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-sqlite-connection-private.h"

int
_lectern_sqlite_open (const char  *path,
                      int          flags,
                      sqlite3    **db)
{
  int rc;

  g_assert (path != NULL);
  g_assert (db != NULL);

  rc = sqlite3_open_v2 (path, db, flags, NULL);
  if (rc != SQLITE_OK)
    return rc;

  /* Each is available since SQLite 3.31; Debian 12 has 3.40. */
  if ((rc = sqlite3_db_config (*db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL)) != SQLITE_OK
      || (rc = sqlite3_db_config (*db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL)) != SQLITE_OK
      || (rc = sqlite3_db_config (*db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL)) != SQLITE_OK)
    return rc;

  sqlite3_limit (*db, SQLITE_LIMIT_ATTACHED, 0);
  return SQLITE_OK;
}

void
_lectern_sqlite_trust_schema (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL);
}
