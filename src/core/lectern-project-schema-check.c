/* lectern-project-schema-check.c — a project file's schema against the one
 * Lectern declares for its version.
 *
 * A project may come from someone else. Its triggers, views, CHECK and
 * DEFAULT expressions would run in Lectern's connection, and column names
 * it declares would reach SQL that Lectern writes; so before anything
 * writes, every entry of sqlite_schema must be one that Lectern's own
 * migrations make: same type, table and SQL (up to white space). The
 * expected schema of each version is built once per process, in memory,
 * by running those migrations.
 *
 * Building it costs more than the rest of a short `lectern-cli` command,
 * so a file is first compared by digest: a SHA-256 over every entry of
 * its sqlite_schema, byte for byte after the same normalisation, against
 * the digest of the expected schema, which the build computes by running
 * the same migrations (gen-schema-digest.c). Equal digests mean equal
 * entries, which the full comparison would pass; any other file, a
 * differing one or an older version's, gets the full comparison and its
 * message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-project-private.h"
#include "lectern-sqlite-connection-private.h"
#include "lectern-sqlite-error-private.h"

/* Names in messages: what a hostile file declares can be anything. */
#define SHOWN_NAME_MAX 48
/* Differences named in one message; the rest are summed up. */
#define SHOWN_DIFFERENCES_MAX 3

typedef struct
{
  char      *type;
  char      *name;
  char      *tbl_name;
  char      *sql;      /* normalized; NULL for SQLite's automatic indexes */
  GPtrArray *columns;  /* LecternSchemaColumn, ordinary tables of the expected schema only */
} SchemaEntry;

typedef struct
{
  GPtrArray  *entries;  /* SchemaEntry, in sqlite_schema order */
  GHashTable *by_name;  /* name → SchemaEntry */
} Schema;

static void
column_free (gpointer data)
{
  LecternSchemaColumn *column = data;

  g_free (column->name);
  g_free (column);
}

static void
entry_free (gpointer data)
{
  SchemaEntry *entry = data;

  g_free (entry->type);
  g_free (entry->name);
  g_free (entry->tbl_name);
  g_free (entry->sql);
  g_clear_pointer (&entry->columns, g_ptr_array_unref);
  g_free (entry);
}

static void
schema_free (Schema *schema)
{
  g_hash_table_unref (schema->by_name);
  g_ptr_array_unref (schema->entries);
  g_free (schema);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Schema, schema_free)

/* White space as SQLite keeps it is whatever the CREATE statement had
 * (an old project's trigger may end in ";\nEND"): runs become one space,
 * and none is kept beside punctuation. Quoted text stays as it is. */
static char *
normalize_sql (const char *sql)
{
  GString *out = g_string_sized_new (strlen (sql));
  gboolean pending_space = FALSE;
  char quote = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      char c = *p;

      if (quote != 0)
        {
          g_string_append_c (out, c);
          if (c == quote)
            quote = 0;
          continue;
        }

      if (g_ascii_isspace (c))
        {
          pending_space = TRUE;
          continue;
        }

      if (pending_space && out->len > 0
          && strchr ("(),;", out->str[out->len - 1]) == NULL
          && strchr ("(),;", c) == NULL)
        g_string_append_c (out, ' ');
      pending_space = FALSE;

      if (c == '\'' || c == '"' || c == '`')
        quote = c;
      else if (c == '[')
        quote = ']';
      g_string_append_c (out, c);
    }

  return g_string_free (out, FALSE);
}

static int
read_columns (sqlite3     *db,
              const char  *table,
              GPtrArray  **columns)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (column_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* The name is bound, never spliced. */
  rc = sqlite3_prepare_v2 (db, "SELECT name, pk, hidden FROM pragma_table_xinfo (?1, 'main')",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LecternSchemaColumn *column;

      /* Hidden columns are a virtual table's; ordinary tables have none. */
      if (sqlite3_column_int (stmt, 2) != 0)
        continue;
      column = g_new0 (LecternSchemaColumn, 1);
      column->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      column->primary = sqlite3_column_int (stmt, 1) != 0;
      g_ptr_array_add (found, column);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rc;

  *columns = g_steal_pointer (&found);
  return SQLITE_OK;
}

static gboolean
is_ordinary_table (const char *type,
                   const char *sql)
{
  return g_strcmp0 (type, "table") == 0 && sql != NULL
         && !g_str_has_prefix (sql, "CREATE VIRTUAL TABLE");
}

/* Reads sqlite_schema as data: nothing in it is run. */
static int
read_schema (sqlite3  *db,
             Schema  **schema)
{
  g_autoptr(Schema) found = g_new0 (Schema, 1);
  sqlite3_stmt *stmt = NULL;
  int rc;

  found->entries = g_ptr_array_new_with_free_func (entry_free);
  found->by_name = g_hash_table_new (g_str_hash, g_str_equal);

  rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema ORDER BY rowid",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SchemaEntry *entry = g_new0 (SchemaEntry, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);

      entry->type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->tbl_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->sql = sql != NULL ? normalize_sql (sql) : NULL;
      if (entry->name == NULL)
        entry->name = g_strdup ("");
      g_ptr_array_add (found->entries, entry);
      /* A name listed twice is found by the second's lookup. */
      if (!g_hash_table_contains (found->by_name, entry->name))
        g_hash_table_insert (found->by_name, entry->name, entry);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rc;

  *schema = g_steal_pointer (&found);
  return SQLITE_OK;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SchemaEntry *x = *(const SchemaEntry * const *) a;
  const SchemaEntry *y = *(const SchemaEntry * const *) b;
  int order;

  if ((order = g_strcmp0 (x->name, y->name)) != 0
      || (order = g_strcmp0 (x->type, y->type)) != 0
      || (order = g_strcmp0 (x->tbl_name, y->tbl_name)) != 0)
    return order;
  return g_strcmp0 (x->sql, y->sql);
}

/* Each field with its length before it, a NULL one marked apart from an
 * empty one, so that no two lists of entries hash the same bytes. */
static void
digest_field (GChecksum  *checksum,
              const char *field)
{
  guint64 length = field != NULL ? strlen (field) : G_MAXUINT64;
  guint64 le = GUINT64_TO_LE (length);

  g_checksum_update (checksum, (const guchar *) &le, sizeof le);
  if (field != NULL)
    g_checksum_update (checksum, (const guchar *) field, (gssize) length);
}

/* In sorted order: the comparison ignores the order of sqlite_schema. */
static char *
schema_digest (const Schema *schema)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (schema->entries->len);
  guint64 count = GUINT64_TO_LE ((guint64) schema->entries->len);

  for (guint i = 0; i < schema->entries->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (schema->entries, i));
  g_ptr_array_sort (sorted, compare_entries);

  g_checksum_update (checksum, (const guchar *) &count, sizeof count);
  for (guint i = 0; i < sorted->len; i++)
    {
      const SchemaEntry *entry = g_ptr_array_index (sorted, i);

      digest_field (checksum, entry->type);
      digest_field (checksum, entry->name);
      digest_field (checksum, entry->tbl_name);
      digest_field (checksum, entry->sql);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

char *
_lectern_project_schema_digest (sqlite3 *db)
{
  g_autoptr(Schema) schema = NULL;

  if (read_schema (db, &schema) != SQLITE_OK)
    return NULL;
  return schema_digest (schema);
}

/* What Lectern's migrations 1…@version make, in an in-memory database. */
static Schema *
build_expected (int       version,
                GError  **error)
{
  g_autoptr(Schema) schema = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = _lectern_sqlite_open (":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db);
  for (int v = 1; rc == SQLITE_OK && v <= version; v++)
    rc = sqlite3_exec (db, _lectern_project_schema_migration (v), NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = read_schema (db, &schema);

  for (guint i = 0; rc == SQLITE_OK && i < schema->entries->len; i++)
    {
      SchemaEntry *entry = g_ptr_array_index (schema->entries, i);

      if (is_ordinary_table (entry->type, entry->sql))
        rc = read_columns (db, entry->name, &entry->columns);
    }

  if (rc != SQLITE_OK)
    {
      /* Lectern's own SQL failing is not the user's file's fault. */
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("Could not check a project against Lectern’s own format %d (%s)"),
                   version, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_close_v2 (db);
  return g_steal_pointer (&schema);
}

/* (transfer none) One per version per process. */
static const Schema *
get_expected (int       version,
              GError  **error)
{
  static GMutex lock;
  static Schema *cache[LECTERN_PROJECT_SCHEMA_VERSION + 1];
  Schema *schema;

  g_assert (version >= 1 && version <= LECTERN_PROJECT_SCHEMA_VERSION);

  g_mutex_lock (&lock);
  if (cache[version] == NULL)
    cache[version] = build_expected (version, error);
  schema = cache[version];
  g_mutex_unlock (&lock);

  return schema;
}

GPtrArray *
_lectern_project_schema_columns (const char  *table,
                                GError     **error)
{
  const Schema *schema = get_expected (LECTERN_PROJECT_SCHEMA_VERSION, error);
  SchemaEntry *entry;

  if (schema == NULL)
    return NULL;

  entry = g_hash_table_lookup (schema->by_name, table);
  g_assert (entry != NULL && entry->columns != NULL);
  return entry->columns;
}

/* A name from the file, fit to show: valid UTF-8, no control characters,
 * not too long. */
static char *
shown_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name, -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == SHOWN_NAME_MAX)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (c))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
add_unknown (GPtrArray  *found,
             const char *type,
             const char *name)
{
  g_autofree char *shown = shown_name (name);

  if (g_strcmp0 (type, "table") == 0)
    g_ptr_array_add (found, g_strdup_printf (_("an unknown table “%s”"), shown));
  else if (g_strcmp0 (type, "index") == 0)
    g_ptr_array_add (found, g_strdup_printf (_("an unknown index “%s”"), shown));
  else if (g_strcmp0 (type, "trigger") == 0)
    g_ptr_array_add (found, g_strdup_printf (_("an unknown trigger “%s”"), shown));
  else if (g_strcmp0 (type, "view") == 0)
    g_ptr_array_add (found, g_strdup_printf (_("an unknown view “%s”"), shown));
  else
    g_ptr_array_add (found, g_strdup_printf (_("an unknown entry “%s”"), shown));
}

static void
add_missing (GPtrArray         *found,
             const SchemaEntry *expected)
{
  g_autofree char *shown = shown_name (expected->name);

  if (g_strcmp0 (expected->type, "table") == 0)
    g_ptr_array_add (found, g_strdup_printf (_("no table “%s”"), shown));
  else if (g_strcmp0 (expected->type, "index") == 0)
    g_ptr_array_add (found, g_strdup_printf (_("no index “%s”"), shown));
  else
    g_ptr_array_add (found, g_strdup_printf (_("no trigger “%s”"), shown));
}

static gboolean
has_column (GPtrArray  *columns,
            const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    {
      const LecternSchemaColumn *column = g_ptr_array_index (columns, i);

      if (g_strcmp0 (column->name, name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A table's columns say more than "changed": which one is new or gone. */
static void
add_changed (GPtrArray         *found,
             sqlite3           *db,
             const SchemaEntry *expected,
             const SchemaEntry *actual)
{
  g_autofree char *shown = shown_name (expected->name);
  g_autoptr(GPtrArray) columns = NULL;
  guint before = found->len;

  if (expected->columns != NULL && is_ordinary_table (actual->type, actual->sql)
      && read_columns (db, actual->name, &columns) == SQLITE_OK)
    {
      for (guint i = 0; i < columns->len; i++)
        {
          const LecternSchemaColumn *column = g_ptr_array_index (columns, i);

          if (!has_column (expected->columns, column->name))
            {
              g_autofree char *shown_column = shown_name (column->name);

              g_ptr_array_add (found,
                               g_strdup_printf (_("an unknown column “%s” in the table “%s”"),
                                                shown_column, shown));
            }
        }
      for (guint i = 0; i < expected->columns->len; i++)
        {
          const LecternSchemaColumn *column = g_ptr_array_index (expected->columns, i);

          if (!has_column (columns, column->name))
            g_ptr_array_add (found,
                             g_strdup_printf (_("no column “%s” in the table “%s”"),
                                              column->name, shown));
        }
    }

  if (found->len > before)
    return;

  if (g_strcmp0 (expected->type, "table") == 0)
    g_ptr_array_add (found, g_strdup_printf (_("a changed table “%s”"), shown));
  else if (g_strcmp0 (expected->type, "index") == 0)
    g_ptr_array_add (found, g_strdup_printf (_("a changed index “%s”"), shown));
  else
    g_ptr_array_add (found, g_strdup_printf (_("a changed trigger “%s”"), shown));
}

/* What SQLite's ANALYZE adds by itself (say, run from the sqlite3 shell):
 * statistics for the query planner, not code. */
static gboolean
is_statistics (const SchemaEntry *entry)
{
  return g_strcmp0 (entry->type, "table") == 0
         && ((g_strcmp0 (entry->name, "sqlite_stat1") == 0
              && g_strcmp0 (entry->sql, "CREATE TABLE sqlite_stat1(tbl,idx,stat)") == 0)
             || (g_strcmp0 (entry->name, "sqlite_stat4") == 0
                 && g_strcmp0 (entry->sql, "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)") == 0));
}

gboolean
_lectern_project_check_schema (sqlite3     *db,
                              int          version,
                              const char  *path,
                              GError     **error)
{
  const Schema *expected;
  const char *expected_digest;
  g_autoptr(Schema) actual = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) what = NULL;
  int rc;

  rc = read_schema (db, &actual);
  if (rc != SQLITE_OK)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      _lectern_sqlite_set_error (error, db, rc, file);
      return FALSE;
    }

  expected_digest = _lectern_project_schema_expected_digest (version);
  if (expected_digest != NULL)
    {
      g_autofree char *digest = schema_digest (actual);

      if (strcmp (digest, expected_digest) == 0)
        return TRUE;
    }

  expected = get_expected (version, error);
  if (expected == NULL)
    return FALSE;

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < actual->entries->len; i++)
    {
      const SchemaEntry *entry = g_ptr_array_index (actual->entries, i);
      const SchemaEntry *ours = g_hash_table_lookup (expected->by_name, entry->name);

      if (ours == NULL || g_hash_table_contains (seen, entry->name))
        {
          if (!is_statistics (entry))
            add_unknown (found, entry->type, entry->name);
          continue;
        }
      g_hash_table_add (seen, entry->name);

      if (g_strcmp0 (entry->type, ours->type) != 0
          || g_strcmp0 (entry->tbl_name, ours->tbl_name) != 0
          || g_strcmp0 (entry->sql, ours->sql) != 0)
        add_changed (found, db, ours, entry);
    }

  for (guint i = 0; i < expected->entries->len; i++)
    {
      const SchemaEntry *ours = g_ptr_array_index (expected->entries, i);

      if (!g_hash_table_contains (seen, ours->name))
        add_missing (found, ours);
    }

  if (found->len == 0)
    return TRUE;

  what = g_string_new (NULL);
  for (guint i = 0; i < found->len && i < SHOWN_DIFFERENCES_MAX; i++)
    {
      if (i > 0)
        g_string_append (what, ", ");
      g_string_append (what, g_ptr_array_index (found, i));
    }
  if (found->len > SHOWN_DIFFERENCES_MAX)
    /* Translators: ends a list of differences that goes on */
    g_string_append (what, _(" and more"));

  g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_TAMPERED,
               /* Translators: the second %s lists differences, such as
                * "an unknown trigger “x”, no column “y” in the table “z”" */
               _("“%s” was changed outside Lectern, so it was not opened: it has %s. "
                 "Nothing in it was run or changed. Ask for a copy saved by Lectern"),
               path, what->str);
  return FALSE;
}
