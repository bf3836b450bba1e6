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
 *    2 KB file, its fingerprints included;
 *  - where: lectern_where () on a 40-word passage of the first document,
 *    planted in 4 others among the first 200 (so the same 4 places are
 *    found at every size, and the count is checked);
 *
 * and, each in a process of its own started on the project (this one
 * closes its connection first, so that no two processes write it):
 *
 *  - memory: this program run again (--memory-of), its resident memory
 *    just before lectern_project_open () subtracted from its peak (VmHWM)
 *    after opening, one search and one where, then after listing every
 *    document too, the list held (linear by nature: per document);
 *  - cold start (--app PATH-TO-bench-app): the app started on the
 *    project, median of 3, from the spawn to its first frame, and its
 *    resident memory (VmRSS) once it has run a few seconds. bench-app
 *    needs a display (Xvfb, GSK_RENDERER=cairo, GSETTINGS_BACKEND=memory,
 *    GSETTINGS_SCHEMA_DIR) from the caller's environment; without --app
 *    these rows say so.
 *
 * The daily backup is made once, of the empty project, so that no later
 * first open (the app's, the memory process's) copies the file as it
 * would on a user's first open of the day.
 *
 * Each is printed with its ratio to its cost at the first size (the
 * reference measured in the same run); flat is about 1×. The chart of
 * these ratios is written as an SVG file (--chart, default
 * WORK-DIR/growth.svg).
 *
 * Usage: bench-growth [--size smoke|small|full] [--work-dir DIR]
 *                     [--with-100k] [--chart FILE] [--app BENCH-APP]
 * smoke: 200 and 1,000 documents, in the 'bench' test suite (asserts no
 * time, needs no display); small and full: 1,000 and 10,000;
 * --with-100k adds 100,000 (about 200 MB of text; several minutes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-common.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern-compare.h"
#include "lectern-import.h"

#define VOCABULARY 20000
#define N_TAGS 20
#define WHERE_WORDS 40
/* The documents (by order of addition) that hold the passage: the first
 * is asked about, the others are found; all within the smoke size's
 * first 200. */
static const guint planted[] = { 0, 40, 90, 140, 190 };
#define N_PLANTED G_N_ELEMENTS (planted)

enum
{
  OP_OPEN,
  OP_DOCUMENTS,
  OP_SEARCH,
  OP_TAG,
  OP_ANNOTATIONS,
  OP_IMPORT,
  OP_WHERE,
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
  { "Where else is a 40-word passage (4 places)", "where", 9, "#0d9e9e" },
};

/* Figures measured in a process of their own. */
enum
{
  PROC_MEMORY,       /* kB added: open, a search, a where */
  PROC_MEMORY_LIST,  /* kB added: and every document listed */
  PROC_APP_START,    /* ms, spawn to first frame */
  PROC_APP_RSS,      /* kB */
  N_PROC
};

static const struct
{
  const char *name;
  const char *key;
  const char *colour;
  gboolean    app;
} procs[N_PROC] = {
  { "Memory added: open, search, where (peak RSS)", "memory_kb", "#3d3846", FALSE },
  { "Memory added: … and every document listed", "memory_list_kb", "#dc8add", FALSE },
  { "App cold start to first frame", "app_start_ms", "#ff7800", TRUE },
  { "App memory (RSS) with the project open", "app_rss_kb", "#77767b", TRUE },
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
  char           *passage;      /* WHERE_WORDS words, planted */
  gint64          where_id;     /* the first document, asked about */
  glong           where_start;  /* the passage in it, code points */
  glong           where_end;
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

/* About 2 KB; “sécurité” in about one text in six; with @plant, the
 * passage of “where” at the end of the second paragraph, its range in
 * code points stored in @start and @end. */
static char *
make_text (Growth  *growth,
           gboolean plant,
           glong   *start,
           glong   *end)
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
      if (plant && paragraph == 1)
        {
          g_string_append_c (text, ' ');
          *start = g_utf8_strlen (text->str, -1);
          g_string_append (text, growth->passage);
          *end = g_utf8_strlen (text->str, -1);
        }
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
          guint index = growth->document_ids->len;
          gboolean plant = FALSE;
          glong plant_start = 0, plant_end = 0;
          g_autofree char *text = NULL;
          gint64 id;

          for (guint p = 0; p < N_PLANTED; p++)
            plant |= planted[p] == index;
          text = make_text (growth, plant, &plant_start, &plant_end);

          lectern_document_set_title (document, title);
          id = lectern_project_add_document (growth->project, document, text, &error);
          if (id == 0)
            g_error ("%s", error->message);
          g_array_append_val (growth->document_ids, id);
          if (index == planted[0])
            {
              growth->where_id = id;
              growth->where_start = plant_start;
              growth->where_end = plant_end;
            }
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
        g_autofree char *text = make_text (growth, FALSE, NULL, NULL);
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

    case OP_WHERE:
      {
        g_autoptr(GArray) places = NULL;

        t0 = bench_now_ms ();
        places = lectern_where (growth->project, growth->where_id, growth->where_start,
                                growth->where_end, NULL, &error);
        took = bench_now_ms () - t0;
        if (places == NULL)
          g_error ("where: %s", error->message);
        if (places->len != N_PLANTED - 1)
          g_error ("where: %u places found, %u planted", places->len, (guint) N_PLANTED - 1);
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

/* A field of /proc/self/status, in kB. */
static glong
status_kb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    g_error ("Cannot read /proc/self/status");
  line = strstr (status, key);
  if (line == NULL)
    g_error ("No %s in /proc/self/status", key);
  return atol (line + strlen (key));
}

/* The value of KEY=VALUE in a program's output, or -1. */
static double
output_value (const char *output,
              const char *key)
{
  g_autofree char *field = g_strconcat (key, "=", NULL);
  const char *at = strstr (output, field);

  return at != NULL ? g_ascii_strtod (at + strlen (field), NULL) : -1;
}

/* --memory-of: run in a process of its own, a fresh one, as the app's
 * would be. Prints memory_kb (peak added by opening the project, a
 * search and a where) and memory_list_kb (resident memory added by the
 * list of every document, held). */
static int
memory_main (const char *path,
             const char *where)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GArray) places = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 where_id = 0;
  glong start = 0, end = 0;
  glong before, peak, before_list, after_list;

  if (where == NULL || sscanf (where, "%" G_GINT64_FORMAT ":%ld:%ld", &where_id, &start, &end) != 3)
    g_error ("--memory-of needs --where ID:START:END");

  before = status_kb ("VmRSS:");
  project = lectern_project_open (file, &error);
  if (project == NULL)
    g_error ("%s", error->message);
  hits = lectern_project_search (project, "s\xC3\xA9" "curit\xC3\xA9", 20, NULL, &error);
  if (hits == NULL)
    g_error ("search: %s", error->message);
  places = lectern_where (project, where_id, start, end, NULL, &error);
  if (places == NULL)
    g_error ("where: %s", error->message);
  peak = status_kb ("VmHWM:");

  before_list = status_kb ("VmRSS:");
  documents = lectern_project_list_documents (project, &error);
  if (documents == NULL)
    g_error ("documents: %s", error->message);
  after_list = status_kb ("VmRSS:");

  printf ("memory_kb=%ld memory_list_kb=%ld documents=%u\n",
          peak - before, after_list - before_list, g_list_model_get_n_items (documents));
  return 0;
}

/* This program again, with --memory-of, on the project as it is. */
static void
measure_memory (Growth *growth,
                const char *path,
                double     *figures)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *where = g_strdup_printf ("%" G_GINT64_FORMAT ":%ld:%ld", growth->where_id,
                                            growth->where_start, growth->where_end);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self, "--memory-of", path, "--where", where,
                         "--work-dir", growth->work_dir, NULL };
  int status;

  if (self == NULL)
    g_error ("Cannot find this program through /proc/self/exe");
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("memory: %s: %s", error->message, err != NULL ? err : "");
  figures[PROC_MEMORY] = output_value (out, "memory_kb");
  figures[PROC_MEMORY_LIST] = output_value (out, "memory_list_kb");
  if (figures[PROC_MEMORY] < 0 || figures[PROC_MEMORY_LIST] < 0)
    g_error ("memory: no figures in “%s”", out);
}

/* bench-app on the project, 3 times: the median from the spawn to its
 * first frame (its CLOCK_MONOTONIC, as ours), and of its resident
 * memory after @settle seconds. */
static void
measure_app (const char *app,
             const char *path,
             guint       settle,
             double     *figures)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *settle_arg = g_strdup_printf ("%u", settle);

  for (guint r = 0; r < 3; r++)
    {
      const char *argv[] = { app, path, settle_arg, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double first_frame, rss_kb, took;
      int status;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        g_error ("%s: %s: %s", app, error->message, err != NULL ? err : "");
      first_frame = output_value (out, "first_frame_us");
      rss_kb = output_value (out, "rss_kb");
      if (first_frame < 0 || rss_kb < 0)
        g_error ("%s: no first frame or memory in “%s” (%s)", app, out, err);
      took = (first_frame - t0) / 1000;
      g_array_append_val (starts, took);
      g_array_append_val (rss, rss_kb);
    }
  figures[PROC_APP_START] = bench_median (starts);
  figures[PROC_APP_RSS] = bench_median (rss);
}

/* A line of the chart: a figure's ratios to its value at the first size. */
typedef struct
{
  const char *name;
  const char *colour;
  gboolean    dashed;  /* measured in a process of its own */
  double      ratios[MAX_STEPS];
} Series;

/* The ratios to the first size, a line per figure, x on a log scale. */
static void
write_chart (const char   *path,
             const guint  *steps,
             guint         n_steps,
             const Series *series,
             guint         n_series)
{
  const double left = 70, top = 40, width = 460, height = 280;
  const double legend_step = MIN (22, height / MAX (n_series, 1));
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  double y_max = 2;  /* a power of two: the scale is logarithmic */
  double y_min = 0.5;

  /* A figure of 0 at the first size (memory the allocator already had)
   * has no ratio: such points are left out. */
#define VALID(v) (isfinite (v) && (v) > 0)
  for (guint l = 0; l < n_series; l++)
    for (guint s = 0; s < n_steps; s++)
      {
        if (!VALID (series[l].ratios[s]))
          continue;
        while (series[l].ratios[s] > y_max)
          y_max *= 2;
        while (series[l].ratios[s] < y_min)
          y_min /= 2;
      }

#define X(s) (left + (n_steps > 1 ? width * (s) / (n_steps - 1) : 0))
#define Y(v) (top + height - height * (log2 (v) - log2 (y_min)) / (log2 (y_max) - log2 (y_min)))

  g_string_append_printf (svg,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"380\" "
                          "font-family=\"sans-serif\" font-size=\"12\">\n"
                          "<rect width=\"1000\" height=\"380\" fill=\"white\"/>\n"
                          "<text x=\"%g\" y=\"22\" font-size=\"14\">Each figure ÷ the same at %u documents "
                          "(flat = 1×; logarithmic scale; dashed: in a process of its own)</text>\n",
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

  for (guint l = 0; l < n_series; l++)
    {
      g_string_append_printf (svg, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"",
                              series[l].colour, series[l].dashed ? " stroke-dasharray=\"6 3\"" : "");
      for (guint s = 0; s < n_steps; s++)
        if (VALID (series[l].ratios[s]))
          g_string_append_printf (svg, "%.1f,%.1f ", X (s), Y (series[l].ratios[s]));
      g_string_append (svg, "\"/>\n");
      for (guint s = 0; s < n_steps; s++)
        if (VALID (series[l].ratios[s]))
          g_string_append_printf (svg, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n",
                                X (s), Y (series[l].ratios[s]), series[l].colour);
      g_string_append_printf (svg,
                              "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"%s\" stroke-width=\"3\"%s/>"
                              "<text x=\"%g\" y=\"%g\">%s</text>\n",
                              left + width + 26, top + 20 + l * legend_step - 4,
                              left + width + 44, top + 20 + l * legend_step - 4, series[l].colour,
                              series[l].dashed ? " stroke-dasharray=\"6 3\"" : "",
                              left + width + 50, top + 20 + l * legend_step, series[l].name);
    }
  g_string_append (svg, "</svg>\n");

#undef X
#undef Y
#undef VALID

  if (!g_file_set_contents (path, svg->str, (gssize) svg->len, &error))
    g_error ("%s", error->message);
}

/* Deletes the project, its log and its backups: each run starts afresh. */
static void
remove_project (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) backups = lectern_project_dup_backup_folder (file);
  g_autofree char *backups_path = g_file_get_path (backups);
  g_autoptr(GDir) dir = g_dir_open (backups_path, 0, NULL);
  const char *name;

  for (const char *suffix = ""; suffix != NULL;
       suffix = *suffix == '\0' ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *old = g_strconcat (path, suffix, NULL);

      g_unlink (old);
    }
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *backup = g_build_filename (backups_path, name, NULL);

      g_unlink (backup);
    }
  g_rmdir (backups_path);
}

static const char *
kb_text (double kb)
{
  static char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (buffer, sizeof buffer, "%.1f MB", kb / 1024);
  return buffer;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *work_dir = NULL;
  g_autofree char *chart = NULL;
  g_autofree char *app = NULL;
  g_autofree char *memory_of = NULL;
  g_autofree char *where = NULL;
  gboolean with_100k = FALSE;
  GOptionEntry extra[] = {
    { "with-100k", 0, 0, G_OPTION_ARG_NONE, &with_100k, "Grow to 100,000 documents too (several minutes)", NULL },
    { "chart", 0, 0, G_OPTION_ARG_FILENAME, &chart, "Write the chart here (default WORK-DIR/growth.svg)", "FILE" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app,
      "Time the app's cold start and memory with bench-app at each size (needs a display)", "BENCH-APP" },
    /* The memory process (measure_memory ()). */
    { "memory-of", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &memory_of, NULL, NULL },
    { "where", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &where, NULL, NULL },
    { NULL }
  };
  BenchSize size = bench_parse_options (&argc, &argv, "— costs as the corpus grows",
                                        "Where the project goes", extra, "bench-growth-XXXXXX", &work_dir);
  guint steps[MAX_STEPS] = { 1000, 10000, 100000 };
  guint n_steps = with_100k ? 3 : 2;
  guint settle = size == BENCH_SIZE_SMOKE ? 1 : 3;
  double costs[MAX_STEPS][N_OPS];
  double figures[MAX_STEPS][N_PROC];
  double grow_seconds[MAX_STEPS];
  Series series[N_OPS + N_PROC];
  guint n_series = 0;
  g_autofree char *path = g_build_filename (work_dir, "growth.lectern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) passage = g_string_new (NULL);
  Growth growth = { 0 };

  if (memory_of != NULL)
    return memory_main (memory_of, where);

  if (size == BENCH_SIZE_SMOKE)
    {
      steps[0] = 200;
      steps[1] = 1000;
      n_steps = 2;
    }
  if (chart == NULL)
    chart = g_build_filename (work_dir, "growth.svg", NULL);

  remove_project (path);

  growth.rand = g_rand_new_with_seed (16);
  growth.words = make_words (growth.rand);
  for (guint w = 0; w < WHERE_WORDS; w++)
    g_string_append_printf (passage, "%s%s", w ? " " : "",
                            (const char *) g_ptr_array_index (growth.words,
                                                              g_rand_int_range (growth.rand, 1, VOCABULARY)));
  growth.passage = passage->str;
  growth.file = g_file_new_for_path (path);
  growth.work_dir = work_dir;
  growth.tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  growth.document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  growth.project = lectern_project_create (growth.file, &error);
  if (growth.project == NULL)
    g_error ("%s", error->message);
  /* Today's backup, of the empty project: later first opens skip it. */
  g_clear_object (&growth.project);
  growth.project = lectern_project_open (growth.file, &error);
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

      /* Other processes open the project: ours is closed meanwhile, so
       * that only one writes it (the app opens it read-write). */
      g_clear_object (&growth.project);
      measure_memory (&growth, path, figures[s]);
      if (app != NULL)
        measure_app (app, path, settle, figures[s]);
      growth.project = lectern_project_open (growth.file, &error);
      if (growth.project == NULL)
        g_error ("%s", error->message);
      fprintf (stderr, "%u documents: grown in %.1f s, measured\n", steps[s], grow_seconds[s]);
    }

  printf ("| Growth benchmark (%s): median |", (const char *[]) { "smoke", "small", "full" }[size]);
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
  for (guint p = 0; p < N_PROC; p++)
    {
      double first = figures[0][p], last = figures[n_steps - 1][p];

      printf ("| %s |", procs[p].name);
      for (guint s = 0; s < n_steps; s++)
        {
          if (procs[p].app && app == NULL)
            printf (" not measured (no display) |");
          else if (p == PROC_APP_START)
            printf (" %.1f ms |", figures[s][p]);
          else if (p == PROC_MEMORY_LIST)
            printf (" %s (%.2f KB each) |", kb_text (figures[s][p]), figures[s][p] / steps[s]);
          else
            printf (" %s |", kb_text (figures[s][p]));
        }
      if (procs[p].app && app == NULL)
        printf (" — |\n");
      else if (p == PROC_MEMORY_LIST)
        printf (" %.2f× per document |\n", (last / steps[n_steps - 1]) / (first / steps[0]));
      else
        printf (" %.2f× |\n", last / first);
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
      for (guint p = 0; p < N_PROC; p++)
        if (!procs[p].app || app != NULL)
          printf (" %s=%.1f", procs[p].key, figures[s][p]);
      printf ("\n");
    }

  /* Listing every document, and the memory its list holds, are linear by
   * nature: drawn per document. */
  for (guint op = 0; op < N_OPS; op++)
    {
      Series *line = &series[n_series++];

      line->name = op == OP_DOCUMENTS ? "List every document, per document" : ops[op].name;
      line->colour = ops[op].colour;
      line->dashed = FALSE;
      for (guint s = 0; s < n_steps; s++)
        line->ratios[s] = costs[s][op] / costs[0][op]
                          * (op == OP_DOCUMENTS ? (double) steps[0] / steps[s] : 1);
    }
  for (guint p = 0; p < N_PROC; p++)
    {
      Series *line;

      if (procs[p].app && app == NULL)
        continue;
      line = &series[n_series++];
      line->name = p == PROC_MEMORY_LIST ? "Memory of the list of documents, per document" : procs[p].name;
      line->colour = procs[p].colour;
      line->dashed = TRUE;
      for (guint s = 0; s < n_steps; s++)
        line->ratios[s] = figures[s][p] / figures[0][p]
                          * (p == PROC_MEMORY_LIST ? (double) steps[0] / steps[s] : 1);
    }
  write_chart (chart, steps, n_steps, series, n_series);
  printf ("chart=%s\n", chart);

  g_object_unref (growth.project);
  g_object_unref (growth.file);
  g_array_unref (growth.tag_ids);
  g_array_unref (growth.document_ids);
  g_ptr_array_unref (growth.words);
  g_rand_free (growth.rand);
  return 0;
}
