/* lectern-bench.c — the timed parts of Lectern's benchmarks, and their
 * references, run by tests/bench/run on one generated corpus.
 *
 *   lectern-bench import PROJECT TEXTDIR
 *   lectern-bench fts-reference DB TEXTDIR [--per-file]
 *   lectern-bench annotate PROJECT ANNOTATIONS.TSV MAX
 *   lectern-bench annotate-reference DB N
 *   lectern-bench search PROJECT QUERY REPEAT
 *
 * Each prints one line of KEY=VALUE pairs for the runner. Times are wall
 * clock (g_get_monotonic_time), in the same process model for Lectern and
 * its reference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "bench-common.h"
#include "lectern-core.h"
#include "lectern-import.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The .txt files of @dir, sorted. (transfer full) */
static GPtrArray *
list_texts (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* ------------------------------------------------------------------ */

static int
bench_import (const char *project_path,
              const char *dir)
{
  g_autoptr(GPtrArray) paths = list_texts (dir);
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) corpus = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autofree GFile **files = g_new0 (GFile *, paths->len);
  guint n_ok = 0;
  double t0, t1;

  remove_database (project_path);
  for (guint i = 0; i < paths->len; i++)
    files[i] = g_file_new_for_path (g_ptr_array_index (paths, i));

  t0 = bench_now_ms ();
  corpus = lectern_project_create (project, &error);
  if (corpus == NULL)
    g_error ("%s", error->message);
  results = lectern_importer_import_files (corpus, files, paths->len, NULL, NULL, NULL, &error);
  if (results == NULL)
    g_error ("%s", error->message);
  g_clear_object (&corpus);  /* closing checkpoints the log: part of the work */
  t1 = bench_now_ms ();

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(LecternImportResult) r = g_list_model_get_item (results, i);

      if (lectern_import_result_get_succeeded (r))
        n_ok++;
      else
        g_printerr ("refused: %s\n", lectern_import_result_get_error (r)->message);
    }
  for (guint i = 0; i < paths->len; i++)
    g_object_unref (files[i]);

  g_print ("seconds=%.3f documents=%u refused=%u\n", (t1 - t0) / 1000.0, n_ok, paths->len - n_ok);
  return n_ok == paths->len ? 0 : 1;
}

/* The bare reference: the same texts into an FTS5 table with the same
 * tokenizer, one transaction (or one per file with --per-file, as Lectern
 * commits each imported file). */
static int
bench_fts_reference (const char *db_path,
                     const char *dir,
                     gboolean    per_file)
{
  g_autoptr(GPtrArray) paths = list_texts (dir);
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL;
  double t0, t1;

  remove_database (db_path);
  t0 = bench_now_ms ();
  if (sqlite3_open (db_path, &db) != SQLITE_OK)
    g_error ("cannot open %s", db_path);
  exec_or_die (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
  exec_or_die (db, "CREATE VIRTUAL TABLE texts USING fts5 (body, "
                   "tokenize = 'unicode61 remove_diacritics 2')");
  if (sqlite3_prepare_v2 (db, "INSERT INTO texts (body) VALUES (?)", -1, &insert, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  if (!per_file)
    exec_or_die (db, "BEGIN");
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize len;

      if (!g_file_get_contents (g_ptr_array_index (paths, i), &contents, &len, &error))
        g_error ("%s", error->message);
      if (per_file)
        exec_or_die (db, "BEGIN");
      sqlite3_bind_text (insert, 1, contents, (int) len, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_reset (insert);
      if (per_file)
        exec_or_die (db, "COMMIT");
    }
  if (!per_file)
    exec_or_die (db, "COMMIT");
  sqlite3_finalize (insert);
  sqlite3_close (db);
  t1 = bench_now_ms ();

  g_print ("seconds=%.3f documents=%u\n", (t1 - t0) / 1000.0, paths->len);
  return 0;
}

/* ------------------------------------------------------------------ */

static int
bench_annotate (const char *project_path,
                const char *tsv_path,
                guint       max)
{
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) corpus = lectern_project_open (project, &error);
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *tsv = NULL;
  g_auto(GStrv) lines = NULL;
  double total = 0;

  if (corpus == NULL)
    g_error ("%s", error->message);
  documents = lectern_project_list_documents (corpus, &error);
  if (documents == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(LecternDocument) d = g_list_model_get_item (documents, i);

      g_hash_table_insert (ids, g_strdup (lectern_document_get_original_name (d)),
                           GSIZE_TO_POINTER (lectern_document_get_id (d)));
    }

  if (!g_file_get_contents (tsv_path, &tsv, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (tsv, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0' && times->len < max; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 5);
      g_autoptr(LecternAnnotation) a = NULL;
      gint64 doc, tag_id;
      gpointer tag;
      double t0, dt;

      if (g_strv_length (f) < 5)
        g_error ("annotations.tsv line %u: five fields expected", i + 1);
      doc = GPOINTER_TO_SIZE (g_hash_table_lookup (ids, f[0]));
      if (doc == 0)
        g_error ("annotations.tsv line %u: no document from %s", i + 1, f[0]);
      if (!g_hash_table_lookup_extended (tags, f[3], NULL, &tag))
        {
          g_autoptr(LecternTag) t = lectern_project_ensure_tag_path (corpus, f[3], &error);

          if (t == NULL)
            g_error ("%s", error->message);
          tag = GSIZE_TO_POINTER (lectern_tag_get_id (t));
          g_hash_table_insert (tags, g_strdup (f[3]), tag);
        }
      tag_id = GPOINTER_TO_SIZE (tag);

      t0 = bench_now_ms ();
      a = lectern_project_add_annotation (corpus, doc, atol (f[1]), atol (f[2]), &tag_id, 1,
                                         f[4][0] != '\0' ? f[4] : NULL, &error);
      dt = bench_now_ms () - t0;
      if (a == NULL)
        g_error ("%s", error->message);
      g_array_append_val (times, dt);
      total += dt;
    }
  if (times->len == 0)
    g_error ("no annotations in %s", tsv_path);

  g_print ("n=%u total_s=%.3f median_ms=%.3f p95_ms=%.3f\n", times->len, total / 1000.0,
           bench_quantile (times, 0.5), bench_quantile (times, 0.95));
  return 0;
}

/* The bare reference: one row per transaction, WAL and synchronous=FULL,
 * as a durable annotation store must commit. */
static int
bench_annotate_reference (const char *db_path,
                          guint       n)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL;

  remove_database (db_path);
  if (sqlite3_open (db_path, &db) != SQLITE_OK)
    g_error ("cannot open %s", db_path);
  exec_or_die (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
  exec_or_die (db, "CREATE TABLE annotations (id INTEGER PRIMARY KEY, document INTEGER, "
                   "start INTEGER, end INTEGER, quote TEXT, prefix TEXT, suffix TEXT, note TEXT, "
                   "created TEXT);"
                   "CREATE INDEX annotations_by_document ON annotations (document, start, end);");
  if (sqlite3_prepare_v2 (db, "INSERT INTO annotations (document, start, end, quote, prefix, suffix, "
                              "note, created) VALUES (?, ?, ?, ?, ?, ?, NULL, datetime('now'))",
                          -1, &insert, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  for (guint i = 0; i < n; i++)
    {
      double t0 = bench_now_ms (), dt;

      exec_or_die (db, "BEGIN IMMEDIATE");
      sqlite3_bind_int64 (insert, 1, 1 + i % 97);
      sqlite3_bind_int64 (insert, 2, i * 7);
      sqlite3_bind_int64 (insert, 3, i * 7 + 40);
      sqlite3_bind_text (insert, 4, "the ministers met in Geneva to discuss", -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, "Talks in Geneva 12 November 2021", -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, " security in Europe. Question: Will", -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_reset (insert);
      exec_or_die (db, "COMMIT");
      dt = bench_now_ms () - t0;
      g_array_append_val (times, dt);
    }
  sqlite3_finalize (insert);
  sqlite3_close (db);

  g_print ("n=%u median_ms=%.3f p95_ms=%.3f\n", n, bench_quantile (times, 0.5), bench_quantile (times, 0.95));
  return 0;
}

/* ------------------------------------------------------------------ */

static int
bench_search (const char *project_path,
              const char *query,
              guint       repeat)
{
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) corpus = lectern_project_open (project, &error);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double first = 0;
  guint n_hits = 0;

  if (corpus == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i <= repeat; i++)
    {
      double t0 = bench_now_ms (), dt;
      g_autoptr(GListModel) hits = lectern_project_search (corpus, query, 20, NULL, &error);

      dt = bench_now_ms () - t0;
      if (hits == NULL)
        g_error ("%s", error->message);
      n_hits = g_list_model_get_n_items (hits);
      if (i == 0)
        first = dt;
      else
        g_array_append_val (times, dt);
    }

  g_print ("hits=%u first_ms=%.3f median_ms=%.3f\n", n_hits, first,
           times->len > 0 ? bench_quantile (times, 0.5) : first);
  return n_hits > 0 ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  const char *command = argc > 1 ? argv[1] : "";

  if (g_str_equal (command, "import") && argc == 4)
    return bench_import (argv[2], argv[3]);
  if (g_str_equal (command, "fts-reference") && (argc == 4 || argc == 5))
    return bench_fts_reference (argv[2], argv[3], argc == 5 && g_str_equal (argv[4], "--per-file"));
  if (g_str_equal (command, "annotate") && argc == 5)
    return bench_annotate (argv[2], argv[3], (guint) atoi (argv[4]));
  if (g_str_equal (command, "annotate-reference") && argc == 4)
    return bench_annotate_reference (argv[2], (guint) atoi (argv[3]));
  if (g_str_equal (command, "search") && argc == 5)
    return bench_search (argv[2], argv[3], (guint) atoi (argv[4]));

  g_printerr ("usage: %s import PROJECT TEXTDIR\n"
              "       %s fts-reference DB TEXTDIR [--per-file]\n"
              "       %s annotate PROJECT ANNOTATIONS.TSV MAX\n"
              "       %s annotate-reference DB N\n"
              "       %s search PROJECT QUERY REPEAT\n",
              argv[0], argv[0], argv[0], argv[0], argv[0]);
  return 2;
}
