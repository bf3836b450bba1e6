/* lectern-sqlite-error-private.h — SQLite result codes as GErrors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The one place an SQLite result code becomes a LECTERN_PROJECT_ERROR: sets
 * @error for @rc (a failure code of a call on @db, which may be NULL) with a
 * message that names @file and says what the user can do. */
void _lectern_sqlite_set_error (GError  **error,
                                sqlite3  *db,
                                int       rc,
                                GFile    *file);

G_END_DECLS
