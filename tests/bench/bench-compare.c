/* bench-compare.c — the compare module's speed, against references
 * measured in the same run on the same data:
 *
 *  - versions: lectern_word_diff () on two texts with 5% of their words
 *    changed, against `git diff --no-index --word-diff` on the same files;
 *  - translation: lectern_align () on 5,000 paragraph pairs (target: under
 *    a second);
 *  - where: lectern_where () on a generated corpus of 10,000 documents
 *    (target: under 100 ms).
 *
 * Usage: bench-compare [--size smoke|small|full] [--work-dir DIR]
 *                      [--only versions|translation|where]
 * The smoke size runs in the test suite ('bench') to keep this program
 * working; it asserts no time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-common.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "lectern-compare.h"

typedef struct
{
  const char *name;
  guint       text_bytes;   /* each version */
  guint       pairs;        /* translation */
  guint       documents;    /* where */
  guint       repeats;
} Size;

static const Size sizes[] = {
  { "smoke", 20000, 200, 100, 1 },
  { "small", 200000, 1000, 1000, 3 },
  { "full", 1000000, 5000, 10000, 7 },
};

/* A vocabulary of made-up words and a Zipf-like choice among them, so
 * that common words repeat as in prose and rare ones are unique. */
static GPtrArray *
make_vocabulary (GRand *rand,
                 guint  n)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  static const char letters[] = "etaoinshrdlucmfwypvbgkjqxz";

  for (guint i = 0; i < n; i++)
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
           GPtrArray *vocabulary)
{
  /* Zipf with exponent about 1: rank = n^u. */
  guint rank = (guint) pow (vocabulary->len, g_rand_double (rand)) - 1;

  return vocabulary->pdata[MIN (rank, vocabulary->len - 1)];
}

/* ------------------------------------------------------------------ */
/* Versions                                                            */

static void
make_versions (GRand     *rand,
               GPtrArray *vocabulary,
               guint      bytes,
               GString   *a,
               GString   *b)
{
  guint in_sentence = 0, in_paragraph = 0;

  while (a->len < bytes)
    {
      const char *word = pick_word (rand, vocabulary);
      double dice = g_rand_double (rand);
      const char *sep;

      in_sentence++;
      sep = in_sentence > 8 && g_rand_double (rand) < 0.12 ? ". " : g_rand_double (rand) < 0.06 ? ", " : " ";
      if (sep[0] == '.')
        {
          in_sentence = 0;
          if (++in_paragraph > 5 && g_rand_double (rand) < 0.3)
            {
              sep = ".\n\n";
              in_paragraph = 0;
            }
        }

      g_string_append (a, word);
      g_string_append (a, sep);

      /* 5% of the words changed: replaced, deleted, or followed by a new
       * one, in equal parts. */
      if (dice < 0.05 / 3)
        g_string_append (b, pick_word (rand, vocabulary));
      else if (dice < 0.10 / 3)
        ;
      else
        g_string_append (b, word);
      if (dice >= 0.10 / 3 && dice < 0.05)
        {
          g_string_append_c (b, ' ');
          g_string_append (b, pick_word (rand, vocabulary));
        }
      g_string_append (b, sep);
    }
}

/* One run of git diff --word-diff on the files, in ms; -1 without git. */
static double
time_git (const char *path_a,
          const char *path_b)
{
  const char *argv[] = { "git", "diff", "--no-index", "--word-diff", path_a, path_b, NULL };
  g_autofree char *git = g_find_program_in_path ("git");
  g_autoptr(GError) error = NULL;
  double t0;
  int status;

  if (git == NULL)
    return -1;

  t0 = bench_now_ms ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    return -1;

  return bench_now_ms () - t0;
}

static void
bench_versions (const Size *size,
                const char *work_dir,
                GRand      *rand,
                GPtrArray  *vocabulary)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autofree char *path_a = g_build_filename (work_dir, "version-a.txt", NULL);
  g_autofree char *path_b = g_build_filename (work_dir, "version-b.txt", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) git_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  LecternDiffSummary summary = { 0 };
  double first = 0, ours, git;
  guint n_chunks = 0;

  make_versions (rand, vocabulary, size->text_bytes, a, b);
  if (!g_file_set_contents (path_a, a->str, a->len, &error) ||
      !g_file_set_contents (path_b, b->str, b->len, &error))
    g_error ("%s", error->message);

  /* Turn about, so that both meet the same load on a busy machine. */
  for (guint r = 0; r < size->repeats; r++)
    {
      double t0 = bench_now_ms (), t;
      g_autoptr(GArray) chunks = lectern_word_diff (a->str, b->str, 0, &summary);

      t = bench_now_ms () - t0;
      if (r == 0)
        first = t;
      n_chunks = chunks->len;
      g_array_append_val (times, t);

      t = time_git (path_a, path_b);
      if (t >= 0)
        g_array_append_val (git_times, t);
    }
  ours = bench_median (times);
  git = git_times->len > 0 ? bench_median (git_times) : -1;

  printf ("| Versions, 2 × %.0f KB, 5%% of words changed | %.1f ms (first call %.1f ms; "
          "%u chunks, +%u −%u ~%u words) | ",
          a->len / 1000.0, ours, first, n_chunks,
          summary.words_added, summary.words_removed, summary.words_changed);
  if (git >= 0)
    printf ("%.1f ms git diff --no-index --word-diff | %.2f× (%s) |\n",
            git, ours / git, ours < git ? "faster" : "SLOWER");
  else
    printf ("git not available | — |\n");
  fflush (stdout);
}

/* ------------------------------------------------------------------ */
/* Translation                                                         */

static void
bench_translation (const Size *size,
                   GRand      *rand,
                   GPtrArray  *vocabulary)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_chunks = 0;

  /* Paragraph pairs: the "translation" has other words, about 15% more
   * letters, the same numbers; now and then a paragraph is split in two. */
  for (guint p = 0; p < size->pairs; p++)
    {
      guint words = 8 + g_rand_int_range (rand, 0, 80);
      guint year = 1900 + g_rand_int_range (rand, 0, 125);
      gboolean split = g_rand_double (rand) < 0.02;

      for (guint w = 0; w < words; w++)
        {
          g_string_append_printf (a, "%s ", pick_word (rand, vocabulary));
          if (w == words / 2)
            g_string_append_printf (a, "%u ", year);
        }
      g_string_append (a, "end.\n\n");

      for (guint w = 0; w < words * 115 / 100; w++)
        {
          g_string_append_printf (b, "%s ", pick_word (rand, vocabulary));
          if (w == words / 2)
            g_string_append_printf (b, "%u ", year);
          if (split && w == words / 2 + 1)
            g_string_append (b, "fin.\n\n");
        }
      g_string_append (b, "fin.\n\n");
    }

  for (guint r = 0; r < size->repeats; r++)
    {
      double t0 = bench_now_ms ();
      g_autoptr(GArray) chunks = lectern_align (a->str, "en", b->str, "fr", NULL, 0);

      g_array_append_vals (times, (double[]) { bench_now_ms () - t0 }, 1);
      n_chunks = chunks->len;
    }

  printf ("| Translation alignment, %u paragraph pairs | %.1f ms (%u pairs) | target 1000 ms | %s |\n",
          size->pairs, bench_median (times), n_chunks,
          bench_median (times) < 1000 ? "met" : "MISSED");
  fflush (stdout);
}

/* ------------------------------------------------------------------ */
/* Where                                                               */

static void
bench_where (const Size *size,
             const char *work_dir,
             GRand      *rand,
             GPtrArray  *vocabulary)
{
  g_autofree char *path = g_build_filename (work_dir, "where.lectern", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) corpus = NULL;
  g_autoptr(GString) passage = g_string_new (NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 first_id = 0;
  glong start = 0, end = 0;
  guint n_places = 0;
  double t_import;

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

  for (guint w = 0; w < 40; w++)
    g_string_append_printf (passage, "%s ", pick_word (rand, vocabulary));
  g_string_append (passage, "planted.");

  /* Documents of about 1.5 KB; one in 500 holds the passage. */
  t_import = bench_now_ms ();
  for (guint d = 0; d < size->documents; d++)
    {
      g_autoptr(LecternDocument) document = lectern_document_new ();
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf ("Document %u", d);
      gint64 id;

      g_string_append_printf (text, "Document %u.\n\n", d);
      for (guint w = 0; w < 250; w++)
        {
          g_string_append_printf (text, "%s ", pick_word (rand, vocabulary));
          if (w == 120 && d % 500 == 0)
            {
              if (d == 0)
                start = g_utf8_strlen (text->str, -1);
              g_string_append (text, passage->str);
              if (d == 0)
                end = g_utf8_strlen (text->str, -1);
              g_string_append_c (text, ' ');
            }
        }
      g_string_append (text, "end.\n");

      lectern_document_set_title (document, title);
      id = lectern_project_add_document (corpus, document, text->str, &error);
      if (id == 0)
        g_error ("%s", error->message);
      if (d == 0)
        first_id = id;
    }
  t_import = bench_now_ms () - t_import;

  for (guint r = 0; r < MAX (size->repeats, 3); r++)
    {
      double t0 = bench_now_ms ();
      g_autoptr(GArray) places = lectern_where (corpus, first_id, start, end, NULL, &error);

      if (places == NULL)
        g_error ("%s", error->message);
      g_array_append_vals (times, (double[]) { bench_now_ms () - t0 }, 1);
      n_places = places->len;
    }

  printf ("| Where, a 40-word passage in %u documents | %.1f ms (%u places of %u planted) | "
          "target 100 ms | %s |\n",
          size->documents, bench_median (times), n_places, (size->documents + 499) / 500 - 1,
          bench_median (times) < 100 ? "met" : "MISSED");
  printf ("\n(corpus of %u documents imported in %.1f s)\n", size->documents, t_import / 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *work_dir = NULL;
  g_autofree char *only = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(GPtrArray) vocabulary = NULL;
  const Size *size = NULL;
  GOptionEntry entries[] = {
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "versions, translation or where", "PART" },
    { NULL }
  };

  size = &sizes[bench_parse_options (&argc, &argv,
                                    "— time the compare module against references",
                                    "Where to write the generated files", entries,
                                    "bench-compare-XXXXXX", &work_dir)];

  vocabulary = make_vocabulary (rand, 20000);

  printf ("| Compare benchmark (%s) | Lectern | Reference | Result |\n", size->name);
  printf ("|---|---|---|---|\n");
  if (only == NULL || g_str_equal (only, "versions"))
    bench_versions (size, work_dir, rand, vocabulary);
  if (only == NULL || g_str_equal (only, "translation"))
    bench_translation (size, rand, vocabulary);
  if (only == NULL || g_str_equal (only, "where"))
    bench_where (size, work_dir, rand, vocabulary);

  return 0;
}
