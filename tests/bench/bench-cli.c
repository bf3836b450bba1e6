/* bench-cli.c — lectern-cli as a process, start-up included (issue #16),
 * against references run as processes in the same run on the same data:
 *
 *  - documents: `lectern-cli documents` against `sqlite3 -readonly PROJECT
 *    'SELECT …'` of the same rows and columns (target: within 2×);
 *  - search: `lectern-cli search sécurité` (every hit) against `rg -i
 *    sécurité` over the imported files, ~5 MB at --size full (target:
 *    faster);
 *  - versions: `lectern-cli compare A B --mode versions` on two ~1 MB texts
 *    with 5% of their words changed, against `git diff --no-index
 *    --word-diff` on the same files (target: faster).
 * Each figure is the median wall time of repeated runs, output to
 * /dev/null; the CPU time (user + system) of the same runs is beside it.
 * A reference whose program is missing is reported as such, not timed.
 *
 * Usage: bench-cli [--size smoke|small|full] [--work-dir DIR] --cli PATH
 * (default: $LECTERN_CLI). The smoke size runs in the test suite ('bench')
 * to keep this program working; it asserts no time.
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
#include <sys/resource.h>

typedef struct
{
  const char *name;
  guint       corpus_files;   /* of about 10 KB each */
  guint       version_bytes;  /* each of the two versions */
  guint       repeats;
} Size;

static const Size sizes[] = {
  { "smoke", 20, 20000, 3 },
  { "small", 100, 200000, 7 },
  { "full", 500, 1000000, 15 },
};

#define FILE_BYTES 10000

/* What one command cost: medians over the repeats. */
typedef struct
{
  double wall_ms;
  double cpu_ms;
} Cost;

static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* Runs @argv once; its standard output is returned when @out is not
 * NULL. Exits on a failure (status other than 0, or 1 when @one_ok:
 * rg and git diff say "nothing found" or "differences" so). */
static void
run_once (const char * const *argv,
          gboolean            one_ok,
          char              **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_DEFAULT | (out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0),
                     NULL, NULL, out, &err, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!(WIFEXITED (status) && (WEXITSTATUS (status) == 0 || (one_ok && WEXITSTATUS (status) == 1))))
    g_error ("%s %s failed (%d): %s", argv[0], argv[1], status, err);
}

static Cost
time_command (const Size          *size,
              const char * const  *argv,
              gboolean             one_ok)
{
  g_autoptr(GArray) walls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  Cost cost;

  /* A first run, untimed: the page cache holds the files and the binary. */
  run_once (argv, one_ok, NULL);
  for (guint r = 0; r < size->repeats; r++)
    {
      double cpu0 = children_cpu_ms ();
      double t0 = bench_now_ms ();
      double wall, cpu;

      run_once (argv, one_ok, NULL);
      wall = bench_now_ms () - t0;
      cpu = children_cpu_ms () - cpu0;
      g_array_append_val (walls, wall);
      g_array_append_val (cpus, cpu);
    }

  cost.wall_ms = bench_median (walls);
  cost.cpu_ms = bench_median (cpus);
  return cost;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* Prose-like words: a Zipf-like pick among made-up words, with now and
 * then "sécurité" or "securite", which the search looks for. */
static void
append_words (GString *text,
              GRand   *rand,
              gsize    bytes)
{
  static const char letters[] = "etaoinshrdlucmfwypvbgkjqxz";
  gsize end = text->len + bytes;
  guint in_paragraph = 0;

  while (text->len < end)
    {
      guint pick = g_rand_int_range (rand, 0, 1000);

      if (pick == 0)
        g_string_append (text, "sécurité");
      else if (pick == 1)
        g_string_append (text, "Sécurité");
      else
        {
          guint len = 2 + g_rand_int_range (rand, 0, 8);

          for (guint c = 0; c < len; c++)
            g_string_append_c (text, letters[(guint) (26 * pow (g_rand_double (rand), 1.6))]);
        }
      if (++in_paragraph == 120)
        {
          g_string_append (text, ".\n\n");
          in_paragraph = 0;
        }
      else
        g_string_append_c (text, ' ');
    }
  g_string_append (text, ".\n");
}

static void
write_file (const char *path,
            GString    *text)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);
}

/* @b is @a with about 5% of its words replaced, dropped or doubled. */
static GString *
change_words (const GString *a,
              GRand         *rand)
{
  g_auto(GStrv) words = g_strsplit (a->str, " ", -1);
  GString *b = g_string_sized_new (a->len + 64);

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint pick = g_rand_int_range (rand, 0, 60);

      if (pick == 0)
        continue;
      if (pick == 1)
        g_string_append (b, "changed");
      else
        g_string_append (b, words[i]);
      if (pick == 2)
        g_string_append (b, " inserted");
      if (words[i + 1] != NULL)
        g_string_append_c (b, ' ');
    }
  return b;
}

static void
remove_project (const char *project)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (project, suffixes[i], NULL);

      g_remove (path);
    }
}

/* A new project at @project holding @files (NULL-terminated). */
static void
make_project (const char         *cli,
              const char         *project,
              const char * const *files)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  remove_project (project);
  run_once ((const char *[]) { cli, "--project", project, "init", NULL }, FALSE, NULL);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--project");
  g_ptr_array_add (argv, (gpointer) project);
  g_ptr_array_add (argv, (gpointer) "import");
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) files[i]);
  g_ptr_array_add (argv, NULL);
  run_once ((const char * const *) argv->pdata, FALSE, NULL);
}

static void
print_row (const char *figure,
           Cost        lectern,
           const char *reference_name,
           const Cost *reference,
           const char *target,
           double      limit)
{
  printf ("| %s | %.1f ms (CPU %.1f ms) | ", figure, lectern.wall_ms, lectern.cpu_ms);
  if (reference == NULL)
    {
      printf ("%s not installed | — |\n", reference_name);
      return;
    }
  printf ("%.1f ms (CPU %.1f ms) %s | %.2f× (%s: %s) |\n", reference->wall_ms, reference->cpu_ms,
          reference_name, lectern.wall_ms / reference->wall_ms, target,
          lectern.wall_ms <= limit * reference->wall_ms ? "met" : "**not met**");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *work_dir = NULL;
  g_autofree char *cli = NULL;
  g_autofree char *formats = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  g_autofree char *corpus_dir = NULL;
  g_autofree char *project = NULL;
  g_autofree char *versions = NULL;
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *rg = g_find_program_in_path ("rg");
  g_autofree char *git = g_find_program_in_path ("git");
  const Size *size;
  gsize corpus_bytes = 0;
  GOptionEntry entries[] = {
    { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli, "The lectern-cli to time (default: $LECTERN_CLI)", "PATH" },
    { NULL }
  };

  size = &sizes[bench_parse_options (&argc, &argv,
                                    "— time lectern-cli, start-up included, against references",
                                    "Where to write the generated files and projects", entries,
                                    "bench-cli-XXXXXX", &work_dir)];
  if (cli == NULL)
    cli = g_strdup (g_getenv ("LECTERN_CLI"));
  if (cli == NULL)
    {
      g_printerr ("bench-cli: give --cli PATH or set LECTERN_CLI\n");
      return 2;
    }

  {
    g_autofree char *dir = g_path_get_dirname (cli);

    formats = g_build_filename (dir, "lectern-cli-formats", NULL);
    if (!g_file_test (formats, G_FILE_TEST_IS_EXECUTABLE))
      g_clear_pointer (&formats, g_free);
  }

  /* The corpus: files of about 10 KB, imported by lectern-cli itself. */
  corpus_dir = g_build_filename (work_dir, "corpus", NULL);
  g_mkdir_with_parents (corpus_dir, 0700);
  for (guint i = 0; i < size->corpus_files; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      char *path = g_strdup_printf ("%s/%05u.txt", corpus_dir, i);

      g_string_append_printf (text, "Document %u\n\n", i);
      append_words (text, rand, FILE_BYTES);
      write_file (path, text);
      corpus_bytes += text->len;
      g_ptr_array_add (files, path);
    }
  g_ptr_array_add (files, NULL);
  project = g_build_filename (work_dir, "cli.lectern", NULL);
  make_project (cli, project, (const char * const *) files->pdata);

  /* Two versions of one text, for compare. */
  append_words (a, rand, size->version_bytes);
  b = change_words (a, rand);
  path_a = g_build_filename (work_dir, "version-a.txt", NULL);
  path_b = g_build_filename (work_dir, "version-b.txt", NULL);
  write_file (path_a, a);
  write_file (path_b, b);
  versions = g_build_filename (work_dir, "versions.lectern", NULL);
  make_project (cli, versions, (const char *[]) { path_a, path_b, NULL });

  printf ("| CLI benchmark (%s) | lectern-cli | Reference | Result |\n", size->name);
  printf ("|---|---|---|---|\n");

  /* documents against the same rows and columns from the sqlite3 shell. */
  {
    const char *lectern_argv[] = { cli, "--project", project, "documents", NULL };
    const char *reference_argv[] = {
      sqlite3, "-readonly", "-tabs", project,
      "SELECT d.id, d.title, d.language, d.date, d.length,"
      " (SELECT count(*) FROM annotations a WHERE a.document_id = d.id AND a.orphaned = 0)"
      " FROM documents d ORDER BY d.id", NULL
    };
    g_autofree char *figure = g_strdup_printf ("`documents`, %u documents", size->corpus_files);
    Cost lectern = time_command (size, lectern_argv, FALSE);
    Cost reference;

    if (sqlite3 != NULL)
      reference = time_command (size, reference_argv, FALSE);
    print_row (figure, lectern, "`sqlite3` SELECT of the same rows", sqlite3 != NULL ? &reference : NULL,
               "target ≤ 2×", 2);
  }

  /* search, every hit, against rg -i over the files it imported. */
  {
    const char *lectern_argv[] = { cli, "--project", project, "search", "sécurité", NULL };
    const char *reference_argv[] = { rg, "--ignore-case", "--fixed-strings", "--no-messages", "sécurité",
                                     corpus_dir, NULL };
    g_autofree char *hits = NULL;
    g_autofree char *lines = NULL;
    g_autoptr(GString) figure = NULL;
    Cost lectern = time_command (size, lectern_argv, FALSE);
    Cost reference;

    run_once (lectern_argv, FALSE, &hits);
    if (rg != NULL)
      {
        reference = time_command (size, reference_argv, TRUE);
        run_once (reference_argv, TRUE, &lines);
      }
    figure = g_string_new (NULL);
    g_string_printf (figure, "`search sécurité`, every hit (%u) in %u files of %.1f MB",
                     count_lines (hits), size->corpus_files, corpus_bytes / 1e6);
    if (lines != NULL)
      g_string_append_printf (figure, "; rg: %u lines", count_lines (lines));
    print_row (figure->str, lectern, "`rg -i`", rg != NULL ? &reference : NULL, "target faster", 1);

    /* What a person reads first: one page of hits. */
    {
      const char *page_argv[] = { cli, "--project", project, "search", "sécurité", "--limit", "20", NULL };
      Cost page = time_command (size, page_argv, FALSE);

      printf ("| … the first 20 hits (`--limit 20`) | %.1f ms (CPU %.1f ms) | ", page.wall_ms, page.cpu_ms);
      if (rg != NULL)
        printf ("%.1f ms `rg -i` (every line) | %.2f× (context) |\n", reference.wall_ms,
                page.wall_ms / reference.wall_ms);
      else
        printf ("rg not installed | — |\n");
    }
  }

  /* compare --mode versions against git diff --word-diff. */
  {
    const char *lectern_argv[] = { cli, "--project", versions, "compare", "1", "2", "--mode", "versions", NULL };
    const char *reference_argv[] = { git, "diff", "--no-index", "--word-diff", path_a, path_b, NULL };
    g_autofree char *figure = g_strdup_printf ("`compare --mode versions`, 2 × %.0f KB, 5%% of words changed",
                                               a->len / 1e3);
    Cost lectern = time_command (size, lectern_argv, FALSE);
    Cost reference;

    if (git != NULL)
      reference = time_command (size, reference_argv, TRUE);
    print_row (figure, lectern, "`git diff --no-index --word-diff`", git != NULL ? &reference : NULL,
               "target faster", 1);
  }

  /* Start-up alone, for context: the smallest command of each binary;
   * and lectern-cli-formats, which loads every library as lectern-cli did
   * before it was split in two. */
  if (formats != NULL)
    {
      const char *documents_argv[] = { formats, "--project", project, "documents", NULL };
      const char *version_argv[] = { formats, "--version", NULL };
      Cost documents = time_command (size, documents_argv, FALSE);
      Cost version = time_command (size, version_argv, FALSE);

      printf ("| `documents` in lectern-cli-formats (every format library loaded, as before the split) "
              "| %.1f ms (CPU %.1f ms) | — | (context) |\n", documents.wall_ms, documents.cpu_ms);
      printf ("| `--version` in lectern-cli-formats | %.1f ms (CPU %.1f ms) | — | (context) |\n",
              version.wall_ms, version.cpu_ms);
    }
  {
    const char *lectern_argv[] = { cli, "--version", NULL };
    const char *reference_argv[] = { sqlite3, "-version", NULL };
    Cost lectern = time_command (size, lectern_argv, FALSE);
    Cost reference;

    if (sqlite3 != NULL)
      reference = time_command (size, reference_argv, FALSE);
    printf ("| `--version` (start-up alone) | %.1f ms (CPU %.1f ms) | ", lectern.wall_ms, lectern.cpu_ms);
    if (sqlite3 != NULL)
      printf ("%.1f ms (CPU %.1f ms) `sqlite3 -version` | %.2f× (context) |\n", reference.wall_ms,
              reference.cpu_ms, lectern.wall_ms / reference.wall_ms);
    else
      printf ("sqlite3 not installed | — |\n");
  }

  return 0;
}
