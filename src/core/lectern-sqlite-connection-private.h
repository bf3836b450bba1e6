/* lectern-sqlite-connection-private.h — every SQLite connection Lectern
 * opens, with SQLite's own defences on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* sqlite3_open_v2() (@flags, the default VFS), then: defensive mode (no
 * writable schema, no raw writes to shadow tables), no ATTACH (nor VACUUM
 * INTO, which attaches), no extension loading, and an untrusted schema:
 * the file's triggers and views may not call functions or virtual tables
 * with side effects until _lectern_sqlite_trust_schema(). Returns an
 * SQLite result code; on failure *@db may still need sqlite3_close_v2(). */
int  _lectern_sqlite_open          (const char  *path,
                                    int          flags,
                                    sqlite3    **db);

/* Lets the schema's triggers use its virtual tables (the search index's
 * triggers write to FTS5, which SQLite 3.40 does not mark innocuous).
 * Only once the schema is known to be Lectern's own: a project Lectern
 * just created, or one that passed _lectern_project_check_schema(). */
void _lectern_sqlite_trust_schema  (sqlite3     *db);

G_END_DECLS
