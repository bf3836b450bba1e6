/* bench-growth.c — costs as the corpus grows (issue #16): one project
 * grown to 1,000 and 10,000 documents (and 100,000 with --with-100k) of
 * about 2 KB, half of them with a coded passage, fingerprints written as
 * the importer writes them; at each size, in process, the median cost of
 * what a person does:
 *
 *  - open: lectern_project_open () and its release (the schema check,
 *    the connection's set-up);
 *  - documents: lectern_project_list_documents (), every row (linear by
 *    nature: its cost per document is printed beside it);
 *  - search: lectern_project_search () “sécurité”, the first 20 hits
 *    (the word is in about one document in six);
 *  - tag a passage: lectern_project_add_annotation () with one tag, a
 *    commit of its own (WAL, synchronous=FULL);
 *  - annotations of one document: lectern_project_list_annotations ();
 *  - import one more document: lectern_importer_import_files () of one
 *    2 KB file, its fingerprints included.
 *
 * Each is printed with its ratio to its cost at the first size (the
 * reference measured in the same run); flat is about 1×. The chart of
 * these ratios is written as an SVG file (--chart, default
 * WORK-DIR/growth.svg).
 *
 * Usage: bench-growth [--size smoke|small|full] [--work-dir DIR]
 *                     [--with-100k] [--chart FILE]
 * smoke: 200 and 1,000 documents, in the 'bench' test suite (asserts no
 * time); small and full: 1,000 and 10,000; --with-100k adds 100,000
 * (about 200 MB of text; several minutes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-common.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lectern-import.h"

#define VOCABULARY 20000
#define N_TAGS 20

enum
{
  OP_OPEN,
  OP_DOCUMENTS,
  OP_SEARCH,
  OP_TAG,
  OP_ANNOTATIONS,
  OP_IMPORT,
  N_OPS
};

static const struct
{
  const char *name;
  const char *key;
  guint       repeats;
  const char *colour;
} ops[N_OPS] = {
  { "Open the project", "open", 9, "#1c71d8" },
  { "List every document", "documents", 5, "#9141ac" },
  { "Search “sécurité”, first 20 hits", "search", 9, "#2ec27e" },
  { "Tag a passage (one commit)", "tag", 21, "#e5a50a" },
  { "Annotations of one document", "annotations", 21, "#c01c28" },
  { "Import one more document (with fingerprints)", "import", 5, "#63452c" },
};

#define MAX_STEPS 3

typedef struct
{
  GPtrArray      *words;
  GRand          *rand;
  GFile          *file;
  LecternProject *project;
  GArray         *tag_ids;      /* gint64 */
  GArray         *document_ids; /* gint64, every document */
  const char     *work_dir;
  guint           imported;     /* files made for "import one more" */
} Growth;

/* A vocabulary with a few frequent words, as in text: the first is the
 * searched word. */
static GPtrArray *
make_words (GRand *rand)
{
  static const char letters[] = "etaoinshrdlucmfwypvbgkjqxz";
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (words, g_strdup ("s\xC3\xA9" "curit\xC3\xA9"));
  for (guint i = 1; i < VOCABULARY; i++)
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

/* About 2 KB; “sécurité” in about one text in six. */
static char *
make_text (Growth *growth)
{
  GString *text = g_string_sized_new (2200);
  gboolean with_word = g_rand_int_range (growth->rand, 0, 6) == 0;

  for (guint paragraph = 0; paragraph < 5; paragraph++)
    {
      for (guint w = 0; w < 60; w++)
        {
          double x = g_rand_double (growth->rand);
          guint i = 1 + (guint) ((VOCABULARY - 1) * x * x * x);

          g_string_append_printf (text, "%s%s", w ? " " : "", (const char *) g_ptr_array_index (growth->words, i));
        }
      if (with_word && paragraph == 2)
        g_string_append (text, " s\xC3\xA9" "curit\xC3\xA9");
      g_string_append (text, ".\n");
    }
  return g_string_free (text, FALSE);
}

/* Adds documents (and a passage to every other one) until there are
 * @target, in batches of 1,000, then their fingerprints. */
static void
grow (Growth *growth,
      guint   target)
{
  g_autoptr(GError) error = NULL;

  while (growth->document_ids->len < target)
    {
      if (!lectern_project_begin_batch (growth->project, &error))
        g_error ("%s", error->message);
      for (guint n = 0; n < 1000 && growth->document_ids->len < target; n++)
        {
          g_autoptr(LecternDocument) document = lectern_document_new ();
          g_autofree char *title = g_strdup_printf ("Document %u", growth->document_ids->len);
          g_autofree char *text = make_text (growth);
          gint64 id;

          lectern_document_set_title (document, title);
          id = lectern_project_add_document (growth->project, document, text, &error);
          if (id == 0)
            g_error ("%s", error->message);
          g_array_append_val (growth->document_ids, id);
          if (growth->document_ids->len % 2 == 0)
            {
              gint64 tag = g_array_index (growth->tag_ids, gint64, g_rand_int_range (growth->rand, 0, N_TAGS));
              glong start = g_rand_int_range (growth->rand, 0, 1500);
              g_autoptr(LecternAnnotation) passage =
                lectern_project_add_annotation (growth->project, id, start, start + 80, &tag, 1, NULL, &error);

              if (passage == NULL)
                g_error ("%s", error->message);
            }
        }
      if (!lectern_project_commit_batch (growth->project, &error))
        g_error ("%s", error->message);
    }
  if (!lectern_project_update_fingerprints (growth->project, NULL, &error))
    g_error ("%s", error->message);
}

static gint64
random_document (Growth *growth)
{
  return g_array_index (growth->document_ids, gint64,
                        g_rand_int_range (growth->rand, 0, (gint32) growth->document_ids->len));
}

/* One run of @op, in milliseconds. */
static double
run_op (Growth *growth,
        guint   op)
{
  g_autoptr(GError) error = NULL;
  double t0 = 0, took = 0;

  switch (op)
    {
    case OP_OPEN:
      {
        LecternProject *project;

        t0 = bench_now_ms ();
        project = lectern_project_open (growth->file, &error);
        if (project == NULL)
          g_error ("%s", error->message);
        g_object_unref (project);
        took = bench_now_ms () - t0;
      }
      break;

    case OP_DOCUMENTS:
      {
        g_autoptr(GListModel) documents = NULL;

        t0 = bench_now_ms ();
        documents = lectern_project_list_documents (growth->project, &error);
        if (documents == NULL || g_list_model_get_n_items (documents) < growth->document_ids->len)
          g_error ("documents: %s", error != NULL ? error->message : "too few");
        took = bench_now_ms () - t0;
      }
      break;

    case OP_SEARCH:
      {
        g_autoptr(GListModel) hits = NULL;

        t0 = bench_now_ms ();
        hits = lectern_project_search (growth->project, "s\xC3\xA9" "curit\xC3\xA9", 20, NULL, &error);
        if (hits == NULL || g_list_model_get_n_items (hits) == 0)
          g_error ("search: %s", error != NULL ? error->message : "no hit");
        took = bench_now_ms () - t0;
      }
      break;

    case OP_TAG:
      {
        gint64 id = random_document (growth);
        gint64 tag = g_array_index (growth->tag_ids, gint64, g_rand_int_range (growth->rand, 0, N_TAGS));
        glong start = g_rand_int_range (growth->rand, 0, 1500);
        g_autoptr(LecternAnnotation) passage = NULL;

        t0 = bench_now_ms ();
        passage = lectern_project_add_annotation (growth->project, id, start, start + 40, &tag, 1, NULL, &error);
        if (passage == NULL)
          g_error ("%s", error->message);
        took = bench_now_ms () - t0;
      }
      break;

    case OP_ANNOTATIONS:
      {
        gint64 id = random_document (growth);
        g_autoptr(GListModel) passages = NULL;

        t0 = bench_now_ms ();
        passages = lectern_project_list_annotations (growth->project, id, 0, FALSE, &error);
        if (passages == NULL)
          g_error ("%s", error->message);
        took = bench_now_ms () - t0;
      }
      break;

    case OP_IMPORT:
      {
        g_autofree char *name = g_strdup_printf ("one-more-%05u.txt", growth->imported++);
        g_autofree char *path = g_build_filename (growth->work_dir, name, NULL);
        g_autofree char *text = make_text (growth);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(GListModel) results = NULL;
        g_autoptr(LecternImportResult) result = NULL;

        if (!g_file_set_contents (path, text, -1, &error))
          g_error ("%s", error->message);
        t0 = bench_now_ms ();
        results = lectern_importer_import_files (growth->project, &file, 1, NULL, NULL, NULL, &error);
        took = bench_now_ms () - t0;
        if (results == NULL)
          g_error ("%s", error->message);
        result = g_list_model_get_item (results, 0);
        if (!lectern_import_result_get_succeeded (result))
          g_error ("import: %s", lectern_import_result_get_error (result)->message);
        g_unlink (path);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return took;
}

static double
median_of (Growth *growth,
           guint   op)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  /* One untimed run: caches as a person finds them after a first look. */
  run_op (growth, op);
  for (guint r = 0; r < ops[op].repeats; r++)
    {
      double took = run_op (growth, op);

      g_array_append_val (times, took);
    }
  return bench_median (times);
}

/* The ratios to the first size, a line per operation, x on a log scale. */
static void
write_chart (const char  *path,
             const guint *steps,
             guint        n_steps,
             double       costs[][N_OPS])
{
  const double left = 70, top = 40, width = 460, height = 280;
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  double y_max = 2;  /* a power of two: the scale is logarithmic */
  double y_min = 0.5;

  for (guint s = 0; s < n_steps; s++)
    for (guint op = 0; op < N_OPS; op++)
      {
        double ratio = costs[s][op] / costs[0][op];

        if (op == OP_DOCUMENTS)
          ratio *= (double) steps[0] / steps[s];
        while (ratio > y_max)
          y_max *= 2;
        while (ratio < y_min)
          y_min /= 2;
      }

#define X(s) (left + (n_steps > 1 ? width * (s) / (n_steps - 1) : 0))
#define Y(v) (top + height - height * (log2 (v) - log2 (y_min)) / (log2 (y_max) - log2 (y_min)))

  g_string_append_printf (svg,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"380\" "
                          "font-family=\"sans-serif\" font-size=\"12\">\n"
                          "<rect width=\"900\" height=\"380\" fill=\"white\"/>\n"
                          "<text x=\"%g\" y=\"22\" font-size=\"14\">Cost at each corpus size ÷ cost at %u documents "
                          "(flat = 1×; logarithmic scale)</text>\n",
                          left, steps[0]);
  /* Axes, grid and labels: a line per doubling. */
  for (double v = y_min; v <= y_max * 1.0001; v *= 2)
    g_string_append_printf (svg,
                            "<line x1=\"%g\" y1=\"%.1f\" x2=\"%g\" y2=\"%.1f\" stroke=\"%s\"%s/>"
                            "<text x=\"%g\" y=\"%.1f\" text-anchor=\"end\">%g×</text>\n",
                            left, Y (v), left + width, Y (v), v == 1.0 ? "#888" : "#ddd",
                            v == 1.0 ? " stroke-dasharray=\"4 3\"" : "", left - 6, Y (v) + 4, v);
  for (guint s = 0; s < n_steps; s++)
    g_string_append_printf (svg, "<text x=\"%.1f\" y=\"%g\" text-anchor=\"middle\">%u documents</text>\n",
                            X (s), top + height + 20, steps[s]);

  for (guint op = 0; op < N_OPS; op++)
    {
      /* Listing every document is linear by nature: its cost per document. */
      g_string_append_printf (svg, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"",
                              ops[op].colour);
      for (guint s = 0; s < n_steps; s++)
        {
          double ratio = costs[s][op] / costs[0][op];

          if (op == OP_DOCUMENTS)
            ratio *= (double) steps[0] / steps[s];
          g_string_append_printf (svg, "%s%.1f,%.1f", s ? " " : "", X (s), Y (ratio));
        }
      g_string_append (svg, "\"/>\n");
      for (guint s = 0; s < n_steps; s++)
        {
          double ratio = costs[s][op] / costs[0][op];

          if (op == OP_DOCUMENTS)
            ratio *= (double) steps[0] / steps[s];
          g_string_append_printf (svg, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n",
                                  X (s), Y (ratio), ops[op].colour);
        }
      g_string_append_printf (svg,
                              "<rect x=\"%g\" y=\"%g\" width=\"14\" height=\"4\" fill=\"%s\"/>"
                              "<text x=\"%g\" y=\"%g\">%s%s</text>\n",
                              left + width + 30, top + 20 + op * 22 - 4, ops[op].colour,
                              left + width + 50, top + 20 + op * 22, ops[op].name,
                              op == OP_DOCUMENTS ? ", per document" : "");
    }
  g_string_append (svg, "</svg>\n");

#undef X
#undef Y

  if (!g_file_set_contents (path, svg->str, (gssize) svg->len, &error))
    g_error ("%s", error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *work_dir = NULL;
  g_autofree char *chart = NULL;
  gboolean with_100k = FALSE;
  GOptionEntry extra[] = {
    { "with-100k", 0, 0, G_OPTION_ARG_NONE, &with_100k, "Grow to 100,000 documents too (several minutes)", NULL },
    { "chart", 0, 0, G_OPTION_ARG_FILENAME, &chart, "Write the chart here (default WORK-DIR/growth.svg)", "FILE" },
    { NULL }
  };
  BenchSize size = bench_parse_options (&argc, &argv, "— costs as the corpus grows",
                                        "Where the project goes", extra, "bench-growth-XXXXXX", &work_dir);
  guint steps[MAX_STEPS] = { 1000, 10000, 100000 };
  guint n_steps = with_100k ? 3 : 2;
  double costs[MAX_STEPS][N_OPS];
  double grow_seconds[MAX_STEPS];
  g_autofree char *path = g_build_filename (work_dir, "growth.lectern", NULL);
  g_autoptr(GError) error = NULL;
  Growth growth = { 0 };

  if (size == BENCH_SIZE_SMOKE)
    {
      steps[0] = 200;
      steps[1] = 1000;
      n_steps = 2;
    }
  if (chart == NULL)
    chart = g_build_filename (work_dir, "growth.svg", NULL);

  for (const char *suffix = ""; suffix != NULL;
       suffix = *suffix == '\0' ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *old = g_strconcat (path, suffix, NULL);

      g_unlink (old);
    }

  growth.rand = g_rand_new_with_seed (16);
  growth.words = make_words (growth.rand);
  growth.file = g_file_new_for_path (path);
  growth.work_dir = work_dir;
  growth.tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  growth.document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  growth.project = lectern_project_create (growth.file, &error);
  if (growth.project == NULL)
    g_error ("%s", error->message);
  for (guint t = 0; t < N_TAGS; t++)
    {
      g_autofree char *tag_path = g_strdup_printf ("Code %02u", t);
      g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (growth.project, tag_path, &error);
      gint64 id;

      if (tag == NULL)
        g_error ("%s", error->message);
      id = lectern_tag_get_id (tag);
      g_array_append_val (growth.tag_ids, id);
    }

  for (guint s = 0; s < n_steps; s++)
    {
      double t0 = bench_now_ms ();

      grow (&growth, steps[s]);
      grow_seconds[s] = (bench_now_ms () - t0) / 1000;
      for (guint op = 0; op < N_OPS; op++)
        costs[s][op] = median_of (&growth, op);
      fprintf (stderr, "%u documents: grown in %.1f s, measured\n", steps[s], grow_seconds[s]);
    }

  printf ("| Growth benchmark (%s): median ms |", (const char *[]) { "smoke", "small", "full" }[size]);
  for (guint s = 0; s < n_steps; s++)
    printf (" %u documents |", steps[s]);
  printf (" %u → %u documents |\n|---|", steps[0], steps[n_steps - 1]);
  for (guint s = 0; s <= n_steps; s++)
    printf ("---|");
  printf ("\n");
  for (guint op = 0; op < N_OPS; op++)
    {
      printf ("| %s |", ops[op].name);
      for (guint s = 0; s < n_steps; s++)
        {
          if (op == OP_DOCUMENTS)
            printf (" %.2f ms (%.2f µs each) |", costs[s][op], 1000 * costs[s][op] / steps[s]);
          else
            printf (" %.2f ms |", costs[s][op]);
        }
      if (op == OP_DOCUMENTS)
        printf (" %.2f× per document |\n",
                (costs[n_steps - 1][op] / steps[n_steps - 1]) / (costs[0][op] / steps[0]));
      else
        printf (" %.2f× |\n", costs[n_steps - 1][op] / costs[0][op]);
    }
  printf ("| (context) Documents added to reach the size, in batches of 1,000, with fingerprints |");
  for (guint s = 0; s < n_steps; s++)
    printf (" %.1f s |", grow_seconds[s]);
  printf (" — |\n\n");

  for (guint s = 0; s < n_steps; s++)
    {
      printf ("documents=%u", steps[s]);
      for (guint op = 0; op < N_OPS; op++)
        printf (" %s_ms=%.3f", ops[op].key, costs[s][op]);
      printf ("\n");
    }

  write_chart (chart, steps, n_steps, costs);
  printf ("chart=%s\n", chart);

  g_object_unref (growth.project);
  g_object_unref (growth.file);
  g_array_unref (growth.tag_ids);
  g_array_unref (growth.document_ids);
  g_ptr_array_unref (growth.words);
  g_rand_free (growth.rand);
  return 0;
}
