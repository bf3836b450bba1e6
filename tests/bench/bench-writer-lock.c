/* bench-writer-lock.c — never waiting on a writer (issue #16): while an
 * import runs on one connection (a thread, as the app's LecternJob does),
 * a second connection to the same project adds an annotation every 50 ms,
 * as a person coding in the app would, and each edit's wait is recorded.
 *
 * Printed: the import's total time, the longest and median edit (the
 * whole lectern_project_add_annotation () call, its wait for the lock
 * included), the edits that failed (SQLITE_BUSY after the busy timeout),
 * and the importer's longest single hold of the write lock: from the end
 * of its BEGIN IMMEDIATE (lock taken) to the end of its COMMIT or
 * ROLLBACK, read from SQLite's statement profile on its connection.
 * Targets: edit saved within 200 ms, lock held at most 100 ms at a time.
 *
 * Usage: bench-writer-lock [--size smoke|small|full] [--work-dir DIR]
 *                          [--texts DIR]
 *                          [--large]
 * --texts: import these files (tests/bench/run passes its corpus); without
 * it, documents are generated in DIR/texts (smoke: 40, small: 300, full:
 * 10,000). --large: import large interview transcripts instead, made in
 * DIR/large (smoke: 2 of 0.3 MB, small: 4 of 1–2 MB, full: 8 of 1–4 MB),
 * each one document with its original and its speaker turns, written in
 * one transaction; the longest hold's time in SQLite statements is told
 * beside it. The smoke size runs in the 'bench' suite and asserts no time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-common.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "lectern-import.h"
#include "lectern-project-private.h"

#define EDIT_INTERVAL_US (50 * G_TIME_SPAN_MILLISECOND)
/* Words of the large transcripts. */
#define VOCABULARY 5000

typedef struct
{
  GFile      *project_file;
  GPtrArray  *files;
  /* Written by the importer thread, read once it is joined. */
  double      lock_taken;
  double      hold_max;
  double      hold_max_in_sqlite;  /* the statements of the longest hold */
  guint       holds;
  guint       holds_over;   /* > 100 ms */
  /* The transaction's slowest statement, told with BENCH_VERBOSE set. */
  double      slowest;
  double      in_sqlite;   /* the transaction's statements together */
  char       *slowest_sql;
  double      seconds;
  guint       imported;
  char       *error;
  gint        done;
} Import;

/* Statement profile of the importer's connection: when its BEGIN
 * IMMEDIATE returns it holds the write lock, until its COMMIT or
 * ROLLBACK returns. */
static int
on_trace (unsigned  type,
          void     *data,
          void     *p,
          void     *x)
{
  Import *import = data;
  const char *sql = sqlite3_sql (p);

  double took;

  if (type != SQLITE_TRACE_PROFILE || sql == NULL)
    return 0;
  took = *(sqlite3_uint64 *) x / 1e6;
  import->in_sqlite += took;
  if (took > import->slowest)
    {
      import->slowest = took;
      g_free (import->slowest_sql);
      import->slowest_sql = g_strndup (sql, 60);
    }
  if (g_str_has_prefix (sql, "BEGIN IMMEDIATE"))
    {
      import->lock_taken = bench_now_ms ();
      import->slowest = 0;
      import->in_sqlite = 0;
    }
  else if ((strcmp (sql, "COMMIT") == 0 || strcmp (sql, "ROLLBACK") == 0) && import->lock_taken > 0)
    {
      double held = bench_now_ms () - import->lock_taken;

      if (held > import->hold_max)
        {
          import->hold_max = held;
          import->hold_max_in_sqlite = import->in_sqlite;
        }
      import->holds++;
      import->holds_over += held > 100;
      if (held > 100 && g_getenv ("BENCH_VERBOSE") != NULL)
        fprintf (stderr, "held %.1f ms, %.1f ms of it in SQLite; slowest statement %.1f ms: %s\n", held,
                 import->in_sqlite, import->slowest, import->slowest_sql);
      import->lock_taken = 0;
    }
  return 0;
}

static gpointer
import_thread (gpointer data)
{
  Import *import = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = lectern_project_open (import->project_file, &error);
  g_autoptr(GListModel) results = NULL;
  double t0;

  if (project != NULL)
    {
      sqlite3_trace_v2 (project->db, SQLITE_TRACE_PROFILE, on_trace, import);
      t0 = bench_now_ms ();
      results = lectern_importer_import_files (project, (GFile **) import->files->pdata, import->files->len,
                                               NULL, NULL, NULL, &error);
      import->seconds = (bench_now_ms () - t0) / 1000;
      sqlite3_trace_v2 (project->db, 0, NULL, NULL);
    }
  if (results != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(LecternImportResult) result = g_list_model_get_item (results, i);

          import->imported += lectern_import_result_get_succeeded (result);
        }
    }
  else
    import->error = g_strdup (error->message);
  g_atomic_int_set (&import->done, 1);
  return NULL;
}

/* Sentences of made-up words, @bytes long. */
static char *
make_text (GRand *rand,
           gsize  bytes)
{
  static const char letters[] = "etaoinshrdlucmfwypvbgkjqxz";
  GString *text = g_string_sized_new (bytes + 64);

  while (text->len < bytes)
    {
      guint n = g_rand_int_range (rand, 2, 9);

      for (guint i = 0; i < n; i++)
        g_string_append_c (text, letters[MIN (g_rand_int_range (rand, 0, 26), g_rand_int_range (rand, 0, 26))]);
      g_string_append (text, g_rand_int_range (rand, 0, 12) == 0 ? ".\n" : " ");
    }
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

static char *
generate_texts (const char *work_dir,
                guint       n)
{
  g_autofree char *dir = g_build_filename (work_dir, "texts", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%05u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      /* Mostly a few KB, one in a hundred 200 KB. */
      gsize bytes = i % 100 == 7 ? 200 * 1024 : (gsize) g_rand_int_range (rand, 1024, 16 * 1024);
      g_autofree char *text = NULL;

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      text = make_text (rand, bytes);
      if (!g_file_set_contents (path, text, -1, &error))
        g_error ("%s", error->message);
    }
  return g_steal_pointer (&dir);
}

/* Interview transcripts of @n turns by three speakers, one to four MB
 * (smaller at the smoke size), for the detector to find. */
static char *
generate_large (const char *work_dir,
                BenchSize   size)
{
  static const guint counts[] = { 2, 4, 8 };
  static const gsize smallest[] = { 300 * 1024, 1024 * 1024, 1024 * 1024 };
  static const char *const speakers[] = { "Interviewer", "Marie Dupont", "Jean Martin" };
  g_autofree char *dir = g_build_filename (work_dir, "large", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(GError) error = NULL;
  char *vocabulary[VOCABULARY];

  for (guint w = 0; w < VOCABULARY; w++)
    {
      g_autofree char *word = make_text (rand, (gsize) g_rand_int_range (rand, 2, 9));

      vocabulary[w] = g_strndup (word, strcspn (word, " .\n"));
    }

  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; i < counts[size]; i++)
    {
      g_autofree char *name = g_strdup_printf ("interview-%02u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gsize bytes = smallest[size] * (1 + (size == BENCH_SIZE_FULL ? i % 4 : i % 2));
      g_autoptr(GString) text = g_string_sized_new (bytes + 4096);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      for (guint turn = 0; text->len < bytes; turn++)
        {
          gsize said = (gsize) g_rand_int_range (rand, 100, 1500);
          gsize end = text->len + said;

          g_string_append_printf (text, "%s: ", speakers[turn % 2 == 0 ? 0 : 1 + (turn / 2) % 2]);
          /* Words of a vocabulary, as in speech: a text of made-up words
           * indexes ten times slower than a real one. */
          while (text->len < end)
            {
              g_string_append (text, vocabulary[MIN (g_rand_int_range (rand, 0, VOCABULARY),
                                                     g_rand_int_range (rand, 0, VOCABULARY))]);
              g_string_append (text, g_rand_int_range (rand, 0, 12) == 0 ? ". " : " ");
            }
          g_string_append_c (text, '\n');
        }
      if (!g_file_set_contents (path, text->str, (gssize) text->len, &error))
        g_error ("%s", error->message);
    }
  for (guint w = 0; w < VOCABULARY; w++)
    g_free (vocabulary[w]);
  return g_steal_pointer (&dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  static const guint generated[] = { 40, 300, 10000 };
  g_autofree char *work_dir = NULL;
  g_autofree char *texts = NULL;
  gboolean large = FALSE;
  GOptionEntry extra[] = {
    { "texts", 0, 0, G_OPTION_ARG_FILENAME, &texts, "Import the files of DIR", "DIR" },
    { "large", 0, 0, G_OPTION_ARG_NONE, &large, "Import large transcripts, one document each", NULL },
    { NULL }
  };
  BenchSize size = bench_parse_options (&argc, &argv, "— edits while an import runs",
                                        "Where the project goes", extra, "bench-writer-lock-XXXXXX",
                                        &work_dir);
  g_autofree char *path = g_build_filename (work_dir, "writer-lock.lectern", NULL);
  g_autoptr(GFile) project_file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) waits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LecternProject) editor = NULL;
  g_autoptr(LecternDocument) seed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (50);
  g_autofree char *seed_text = NULL;
  Import import = { 0 };
  GThread *thread;
  const char *name;
  guint failed = 0;
  guint waits_over = 0;
  double wait_max = 0;
  double median, p95;
  gint64 seed_id;

  if (texts == NULL && large)
    texts = generate_large (work_dir, size);
  else if (texts == NULL)
    texts = generate_texts (work_dir, generated[size]);

  for (const char *suffix = ""; suffix != NULL;
       suffix = *suffix == '\0' ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *old = g_strconcat (path, suffix, NULL);

      g_unlink (old);
    }

  editor = lectern_project_create (project_file, &error);
  if (editor == NULL)
    g_error ("%s", error->message);
  /* The document the person codes while the import runs. */
  seed = lectern_document_new ();
  lectern_document_set_title (seed, "Interview");
  seed_text = make_text (rand, 20000);
  seed_id = lectern_project_add_document (editor, seed, seed_text, &error);
  if (seed_id == 0)
    g_error ("%s", error->message);

  dir = g_dir_open (texts, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  import.project_file = project_file;
  import.files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (import.files, g_file_new_build_filename (texts, g_ptr_array_index (names, i), NULL));

  thread = g_thread_new ("import", import_thread, &import);

  while (!g_atomic_int_get (&import.done))
    {
      g_autoptr(LecternAnnotation) annotation = NULL;
      glong start = g_rand_int_range (rand, 0, 19000);
      double t0;
      double wait;

      g_usleep (EDIT_INTERVAL_US);
      t0 = bench_now_ms ();
      annotation = lectern_project_add_annotation (editor, seed_id, start, start + 40, NULL, 0,
                                                   "said during the import", &error);
      wait = bench_now_ms () - t0;
      if (annotation == NULL)
        {
          g_printerr ("edit failed after %.0f ms: %s\n", wait, error->message);
          g_clear_error (&error);
          failed++;
        }
      wait_max = MAX (wait_max, wait);
      waits_over += wait > 200;
      g_array_append_val (waits, wait);
    }
  g_thread_join (thread);
  if (import.error != NULL)
    g_error ("import failed: %s", import.error);

  printf ("| Writer lock benchmark (%s) | Lectern | Target | Result |\n",
           (const char *[]) { "smoke", "small", "full" }[size]);
  printf ("|---|---|---|---|\n");
  printf ("| Import of %u files (%u imported) while another connection edits | %.2f s | (context) | — |\n",
           import.files->len, import.imported, import.seconds);
  printf ("| Longest single hold of the write lock by the import (%u transactions, %u over 100 ms) | %.1f ms (%.1f ms of it in SQLite statements) | ≤ 100 ms | %s |\n",
           import.holds, import.holds_over, import.hold_max, import.hold_max_in_sqlite,
           import.hold_max <= 100 ? "met" : "**not met**");
  printf ("| Longest wait to save an edit (%u edits, one every 50 ms; %u over 200 ms, %u failed) | %.1f ms | ≤ 200 ms | %s |\n",
           waits->len, waits_over, failed, wait_max, wait_max <= 200 && failed == 0 ? "met" : "**not met**");
  p95 = waits->len > 0 ? bench_quantile (waits, 0.95) : 0.0;
  median = waits->len > 0 ? bench_median (waits) : 0.0;
  printf ("| Median (95th percentile) wait to save an edit | %.2f ms (%.1f ms) | (context) | — |\n", median, p95);
  printf ("\nimport_s=%.3f hold_max_ms=%.1f hold_max_sqlite_ms=%.1f holds=%u holds_over=%u wait_max_ms=%.1f wait_median_ms=%.2f"
           " wait_p95_ms=%.1f edits=%u waits_over=%u failed=%u\n",
           import.seconds, import.hold_max, import.hold_max_in_sqlite, import.holds, import.holds_over, wait_max, median, p95,
           waits->len, waits_over, failed);

  g_ptr_array_unref (import.files);
  g_free (import.error);
  g_free (import.slowest_sql);
  return 0;
}
