/* bench-analysis.c — the speed of the corpus's analyses (issue #14),
 * against references measured in the same run on the same data:
 *
 *  - code matrix, 200 codes × every document: lectern_project_code_matrix ()
 *    against a plain SQLite GROUP BY over the same passages, on its own
 *    connection to the same file (target: under 200 ms, within 2×);
 *  - concordance, first page of 20 hits of a common word:
 *    lectern_project_concordance () against lectern_project_search (), which
 *    it builds on (target: under 50 ms); and the whole concordance sorted
 *    by the words to the left, for context;
 *  - keyness over two halves of the corpus (target: under 2 s);
 *  - co-occurrence of the 200 codes, for context.
 *
 * Usage: bench-analysis [--size smoke|small|full] [--work-dir DIR] [--reuse]
 * (--reuse: time the project a previous run of the same size left in
 * DIR instead of making it anew.)
 * The smoke size runs in the test suite ('bench') to keep this program
 * working; it asserts no time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-common.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>

#include "lectern-core.h"

typedef struct
{
  const char *name;
  guint       documents;
  guint       passages_per_document;
  guint       repeats;
} Size;

static const Size sizes[] = {
  { "smoke", 100, 5, 1 },
  { "small", 1000, 5, 3 },
  { "full", 10000, 5, 7 },
};

#define N_PARENTS  20
#define N_CHILDREN 9   /* 20 parents + 180 children = 200 codes */
#define N_SPEAKERS 20

/* Made-up words with a Zipf-like choice among them, and "securite" among
 * the common ones, so that a search finds many hits as in prose. */
static GPtrArray *
make_vocabulary (GRand *rand,
                 guint  n)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  static const char letters[] = "etaoinshrdlucmfwypvbgkjqxz";

  g_ptr_array_add (words, g_strdup ("the"));
  g_ptr_array_add (words, g_strdup ("s\xC3\xA9" "curit\xC3\xA9"));
  for (guint i = 2; i < n; i++)
    {
      guint len = 2 + g_rand_int_range (rand, 0, 8);
      char *word = g_malloc (len + 1);

      for (guint c = 0; c < len; c++)
        word[c] = letters[(guint) (26 * pow (g_rand_double (rand), 1.6))];
      word[len] = '\0';
      g_ptr_array_add (words, word);
    }
  return words;
}

static const char *
pick_word (GRand     *rand,
           GPtrArray *words)
{
  double x = g_rand_double (rand);

  return g_ptr_array_index (words, (guint) (words->len * x * x * x * x) % words->len);
}

static LecternProject *
make_project (const Size *size,
              const char *path,
              GRand      *rand,
              GPtrArray  *vocabulary,
              double     *seconds)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) corpus = NULL;
  g_autoptr(GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  double t0 = bench_now_ms ();

  for (const char *suffix = ""; ; suffix = suffix[0] == '\0' ? "-wal" : "-shm")
    {
      g_autofree char *p = g_strconcat (path, suffix, NULL);

      g_unlink (p);
      if (g_str_equal (suffix, "-shm"))
        break;
    }

  corpus = lectern_project_create (file, &error);
  if (corpus == NULL)
    g_error ("%s", error->message);

  for (guint p = 0; p < N_PARENTS; p++)
    for (guint c = 0; c <= N_CHILDREN; c++)
      {
        g_autofree char *tag_path = c == 0 ? g_strdup_printf ("Code %02u", p)
                                           : g_strdup_printf ("Code %02u/Sub %u", p, c);
        g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (corpus, tag_path, &error);
        gint64 id;

        if (tag == NULL)
          g_error ("%s", error->message);
        id = lectern_tag_get_id (tag);
        g_array_append_val (tag_ids, id);
      }

  if (!lectern_project_begin_batch (corpus, &error))
    g_error ("%s", error->message);
  for (guint d = 0; d < size->documents; d++)
    {
      g_autoptr(LecternDocument) document = lectern_document_new ();
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf ("Document %u", d);
      g_autofree char *speaker = g_strdup_printf ("Speaker %02u", d % N_SPEAKERS);
      glong length;
      gint64 id;

      for (guint paragraph = 0; paragraph < 6; paragraph++)
        {
          for (guint w = 0; w < 50; w++)
            g_string_append_printf (text, "%s%s", w ? " " : "", pick_word (rand, vocabulary));
          g_string_append (text, ".\n");
        }

      lectern_document_set_title (document, title);
      lectern_document_set_language (document, d % 2 ? "fr" : "en");
      lectern_document_set_variable (document, "speaker", speaker);
      id = lectern_project_add_document (corpus, document, text->str, &error);
      if (id == 0)
        g_error ("%s", error->message);
      length = g_utf8_strlen (text->str, -1);

      for (guint a = 0; a < size->passages_per_document; a++)
        {
          glong start = g_rand_int_range (rand, 0, length - 60);
          gint64 tag_id = g_array_index (tag_ids, gint64, g_rand_int_range (rand, 0, tag_ids->len));

          if (lectern_project_insert_annotation (corpus, id, start, start + 20 + g_rand_int_range (rand, 0, 40),
                                                &tag_id, 1, NULL, NULL, NULL, NULL, &error) == 0)
            g_error ("%s", error->message);
        }
    }
  if (!lectern_project_commit_batch (corpus, &error))
    g_error ("%s", error->message);

  *seconds = (bench_now_ms () - t0) / 1000;
  return g_steal_pointer (&corpus);
}

/* The reference: the same counts by a plain GROUP BY, every row read, on
 * a connection of its own kept open like the corpus's, so that both read
 * from a warm page cache. */
static double
group_by_reference (sqlite3 *db,
                    guint   *n_cells)
{
  sqlite3_stmt *stmt = NULL;
  double t0 = bench_now_ms ();

  if (sqlite3_prepare_v2 (db,
                          "SELECT at.tag_id, a.document_id, count (*) FROM annotation_tags at"
                          " JOIN annotations a ON a.id = at.annotation_id GROUP BY at.tag_id, a.document_id",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  *n_cells = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    (*n_cells)++;
  sqlite3_finalize (stmt);
  return bench_now_ms () - t0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *work_dir = NULL;
  g_autofree char *path = NULL;
  gboolean reuse = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  g_autoptr(GPtrArray) vocabulary = NULL;
  g_autoptr(LecternProject) corpus = NULL;
  sqlite3 *reference_db = NULL;
  g_autoptr(GArray) matrix_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sort_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keyness_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cooccurrence_times = g_array_new (FALSE, FALSE, sizeof (double));
  const Size *size = NULL;
  guint n_rows = 0, n_columns = 0, n_cells = 0, n_hits = 0, n_keywords = 0;
  double seconds, matrix, reference;
  GOptionEntry entries[] = {
    { "reuse", 0, 0, G_OPTION_ARG_NONE, &reuse, "Reuse the project of a previous run in DIR", NULL },
    { NULL }
  };

  size = &sizes[bench_parse_options (&argc, &argv,
                                    "— time the corpus analyses against references",
                                    "Where to write the generated project", entries,
                                    "bench-analysis-XXXXXX", &work_dir)];

  vocabulary = make_vocabulary (rand, 20000);
  path = g_build_filename (work_dir, "analysis.lectern", NULL);
  if (reuse && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      corpus = lectern_project_open (file, &error);
      if (corpus == NULL)
        g_error ("%s", error->message);
      seconds = 0;
    }
  else
    corpus = make_project (size, path, rand, vocabulary, &seconds);

  if (sqlite3_open_v2 (path, &reference_db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("cannot open %s", path);
  for (guint r = 0; r <= MAX (size->repeats, 3); r++)
    {
      double t0 = bench_now_ms ();
      g_autoptr(LecternMatrix) m = lectern_project_code_matrix (corpus, NULL, NULL, LECTERN_MATRIX_VALUE_PASSAGES,
                                                               NULL, &error);
      double t;

      if (m == NULL)
        g_error ("%s", error->message);
      t = bench_now_ms () - t0;
      n_rows = m->n_rows;
      n_columns = m->n_columns;
      if (r > 0)  /* the first run of each warms its cache */
        g_array_append_val (matrix_times, t);

      t = group_by_reference (reference_db, &n_cells);
      if (r > 0)
        g_array_append_val (reference_times, t);
    }
  sqlite3_close (reference_db);

  /* Each in its own loop, after one warm-up run, so that neither finds
   * the pages the other just read. */
  for (guint r = 0; r <= MAX (size->repeats, 3); r++)
    {
      double t0 = bench_now_ms ();
      g_autoptr(GListModel) page = lectern_project_concordance (corpus, "securite", NULL, 0,
                                                               LECTERN_CONCORDANCE_SORT_DOCUMENT, 20, NULL, &error);
      double t = bench_now_ms () - t0;

      if (page == NULL)
        g_error ("%s", error->message);
      if (r > 0)
        g_array_append_val (page_times, t);
    }
  for (guint r = 0; r <= MAX (size->repeats, 3); r++)
    {
      double t0 = bench_now_ms ();
      g_autoptr(GListModel) search = lectern_project_search (corpus, "securite", 20, NULL, &error);
      double t = bench_now_ms () - t0;

      if (search == NULL)
        g_error ("%s", error->message);
      if (r > 0)
        g_array_append_val (search_times, t);
    }
  for (guint r = 0; r < MIN (size->repeats, 3); r++)
    {
      double t0 = bench_now_ms ();
      g_autoptr(GListModel) sorted = lectern_project_concordance (corpus, "securite", NULL, 0,
                                                                 LECTERN_CONCORDANCE_SORT_LEFT, 0, NULL, &error);
      double t = bench_now_ms () - t0;

      if (sorted == NULL)
        g_error ("%s", error->message);
      g_array_append_val (sort_times, t);
      n_hits = g_list_model_get_n_items (sorted);
    }

  for (guint r = 0; r < MIN (size->repeats, 3); r++)
    {
      g_autoptr(LecternDocumentFilter) a = lectern_document_filter_new ();
      g_autoptr(LecternDocumentFilter) b = lectern_document_filter_new ();
      g_autoptr(LecternWordCounts) a_counts = NULL;
      g_autoptr(LecternWordCounts) b_counts = NULL;
      g_autoptr(GPtrArray) keywords = NULL;
      g_autoptr(LecternMatrix) pairs = NULL;
      double t0 = bench_now_ms ();
      double t;

      /* The two halves: the English documents and the French ones. */
      lectern_document_filter_set_language (a, "en");
      lectern_document_filter_set_language (b, "fr");
      a_counts = lectern_project_count_words (corpus, a, NULL, &error);
      b_counts = a_counts != NULL ? lectern_project_count_words (corpus, b, NULL, &error) : NULL;
      if (b_counts == NULL)
        g_error ("%s", error->message);
      keywords = lectern_keyness_compare (a_counts, b_counts, FALSE);
      t = bench_now_ms () - t0;
      g_array_append_val (keyness_times, t);
      n_keywords = keywords->len;

      t0 = bench_now_ms ();
      pairs = lectern_project_cooccurrence (corpus, NULL, LECTERN_COOCCURRENCE_OVERLAP, NULL, &error);
      if (pairs == NULL)
        g_error ("%s", error->message);
      t = bench_now_ms () - t0;
      g_array_append_val (cooccurrence_times, t);
    }

  matrix = bench_median (matrix_times);
  reference = bench_median (reference_times);
  printf ("| Analysis benchmark (%s) | Lectern | Reference | Result |\n", size->name);
  printf ("|---|---|---|---|\n");
  printf ("| Code matrix, %u codes × %u documents, passages | %.1f ms | %.1f ms plain SQLite GROUP BY (%u cells) "
          "| %.2f× (target ≤ 2×, < 200 ms: %s) |\n",
          n_rows, n_columns, matrix, reference, n_cells, matrix / reference,
          matrix / reference <= 2 && matrix < 200 ? "met" : "MISSED");
  printf ("| Concordance “securite”, first 20 hits | %.2f ms | %.2f ms lectern_project_search, first 20 | "
          "%.2f× (target < 50 ms: %s) |\n",
          bench_median (page_times), bench_median (search_times), bench_median (page_times) / bench_median (search_times),
          bench_median (page_times) < 50 ? "met" : "MISSED");
  printf ("| … every hit (%u), sorted by the words to the left | %.1f ms | — | (context) |\n",
          n_hits, bench_median (sort_times));
  printf ("| Keyness, English half against French half (%u words listed) | %.0f ms | target 2000 ms | %s |\n",
          n_keywords, bench_median (keyness_times), bench_median (keyness_times) < 2000 ? "met" : "MISSED");
  printf ("| Co-occurrence, %u codes, overlapping passages | %.1f ms | — | (context) |\n",
          n_rows, bench_median (cooccurrence_times));
  if (seconds > 0)
    printf ("\n(project of %u documents, %u passages, made in %.1f s)\n",
            size->documents, size->documents * size->passages_per_document, seconds);
  else
    printf ("\n(project of %u documents, %u passages, from a previous run)\n",
            size->documents, size->documents * size->passages_per_document);

  return 0;
}
