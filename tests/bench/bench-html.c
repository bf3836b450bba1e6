/* bench-html.c — the web page reader's speed (issue #12), against
 * `pandoc -f html -t plain` on the same page, measured in the same run:
 * generated news pages (menus, cookie banner, related links, comments
 * and footer around an article of headings, paragraphs, lists, quotes
 * and tables) of a few sizes. Lectern's figure is the whole reader in
 * process: decoding, parsing, choosing the article, building the text;
 * pandoc's includes its start-up, which the larger pages make small.
 *
 * Usage: bench-html [--size smoke|small|full] [--work-dir DIR]
 * The smoke size runs in the test suite ('bench') to keep this program
 * working; it asserts no time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-common.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "lectern-import.h"

typedef struct
{
  const char *name;
  guint       pages[3];     /* bytes of each page measured, 0 ends */
  guint       repeats;
} Size;

static const Size sizes[] = {
  { "smoke", { 20000, 0, 0 }, 1 },
  { "small", { 20000, 200000, 0 }, 3 },
  { "full", { 20000, 1000000, 5000000 }, 5 },
};

static void
append_sentence (GString *page,
                 GRand   *rand)
{
  static const char * const words[] = {
    "the", "ministers", "talks", "Vienna", "agreed", "delegation", "consulate",
    "of", "and", "spring", "treaty", "officials", "said", "in", "a", "second",
    "round", "would", "follow", "frank", "exchanges", "cultural", "Geneva", "on",
  };
  guint n = 8 + g_rand_int_range (rand, 0, 14);

  for (guint i = 0; i < n; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (i == 0)
        g_string_append_printf (page, "%c%s", g_ascii_toupper (word[0]), word + 1);
      else
        g_string_append_printf (page, "%s%s", g_rand_double (rand) < 0.1 ? ", " : " ", word);
      if (g_rand_double (rand) < 0.05)
        g_string_append (page, " <em>indeed</em>");
    }
  g_string_append (page, ". ");
}

/* A page of about @bytes, in the markup of common news sites. */
static char *
make_page (GRand *rand,
           guint  bytes)
{
  GString *page = g_string_new (
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Talks resume | The Courier</title>"
    "<meta property=\"og:site_name\" content=\"The Courier\">"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"A. Martin\"},"
    "\"datePublished\":\"2024-03-01\"}</script><style>body{margin:0}</style></head><body>"
    "<div class=\"cookie-banner\"><p>We use cookies.</p><button>OK</button></div>"
    "<header class=\"site-header\"><nav><ul>");
  guint section = 0;

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (page, "<li><a href=\"/s/%u\">Section %u</a></li>", i, i);
  g_string_append (page, "</ul></nav></header><main><article><h1>Talks resume</h1>"
                         "<div class=\"share\"><a href=\"#\">Share</a></div><div class=\"body\">");

  while (page->len < bytes)
    {
      double dice = g_rand_double (rand);

      if (dice < 0.05)
        g_string_append_printf (page, "<h2>Part %u</h2>\n", ++section);
      else if (dice < 0.10)
        {
          g_string_append (page, "<ul>");
          for (guint i = 0; i < 4; i++)
            {
              g_string_append (page, "<li>");
              append_sentence (page, rand);
              g_string_append (page, "</li>");
            }
          g_string_append (page, "</ul>\n");
        }
      else if (dice < 0.13)
        {
          g_string_append (page, "<blockquote><p>");
          append_sentence (page, rand);
          g_string_append (page, "</p></blockquote>\n");
        }
      else if (dice < 0.15)
        {
          g_string_append (page, "<table><tr><th>Country</th><th>Members</th></tr>");
          for (guint i = 0; i < 5; i++)
            g_string_append_printf (page, "<tr><td>Country %u</td><td>%u</td></tr>", i, 3 + i);
          g_string_append (page, "</table>\n");
        }
      else
        {
          guint sentences = 2 + g_rand_int_range (rand, 0, 5);

          g_string_append (page, "<p>");
          for (guint i = 0; i < sentences; i++)
            append_sentence (page, rand);
          if (g_rand_double (rand) < 0.2)
            g_string_append (page, "See <a href=\"/more\">the earlier report</a>.");
          g_string_append (page, "</p>\n");
        }
    }

  g_string_append (page, "</div></article><section class=\"related\"><h2>Related</h2><ul>");
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (page, "<li><a href=\"/r/%u\">Related story %u</a></li>", i, i);
  g_string_append (page, "</ul></section><section class=\"comments\">");
  for (guint i = 0; i < 10; i++)
    {
      g_string_append (page, "<div class=\"comment\"><p>");
      append_sentence (page, rand);
      g_string_append (page, "</p></div>");
    }
  g_string_append (page, "</section></main><footer><p>© The Courier</p></footer></body></html>\n");
  return g_string_free (page, FALSE);
}

/* One run of pandoc on the file, in ms; -1 without pandoc. */
static double
time_pandoc (const char *path)
{
  const char *argv[] = { "pandoc", "-f", "html", "-t", "plain", path, NULL };
  g_autofree char *pandoc = g_find_program_in_path ("pandoc");
  g_autoptr(GError) error = NULL;
  double t0;
  int status;

  if (pandoc == NULL)
    return -1;

  t0 = bench_now_ms ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, NULL))
    return -1;

  return bench_now_ms () - t0;
}

static void
bench_page (const Size *size,
            const char *work_dir,
            GRand      *rand,
            guint       bytes)
{
  g_autofree char *html = make_page (rand, bytes);
  g_autofree char *name = g_strdup_printf ("page-%u.html", bytes);
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pandoc_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  gsize length = strlen (html);
  guint kept = 0;
  double ours, pandoc;

  if (!g_file_set_contents (path, html, length, &error))
    g_error ("%s", error->message);
  page = g_bytes_new_take (g_steal_pointer (&html), length);

  /* Turn about, so that both meet the same load on a busy machine. */
  for (guint r = 0; r < size->repeats; r++)
    {
      double t0 = bench_now_ms (), t;
      g_autoptr(GPtrArray) extracts = lectern_html_reader_read (page, name, NULL, &error);

      t = bench_now_ms () - t0;
      if (extracts == NULL)
        g_error ("%s", error->message);
      kept = lectern_extract_get_length (extracts->pdata[0]);
      g_array_append_val (times, t);

      t = time_pandoc (path);
      if (t >= 0)
        g_array_append_val (pandoc_times, t);
    }
  ours = bench_median (times);
  pandoc = pandoc_times->len > 0 ? bench_median (pandoc_times) : -1;

  printf ("| A news page of %.0f KB (%u characters kept) | %.1f ms | ", length / 1000.0, kept, ours);
  if (pandoc >= 0)
    printf ("%.1f ms pandoc -f html -t plain | %.2f× (%s) |\n",
            pandoc, ours / pandoc, ours < pandoc ? "faster" : "SLOWER");
  else
    printf ("pandoc not available | — |\n");
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *work_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  const Size *size = NULL;

  size = &sizes[bench_parse_options (&argc, &argv,
                                    "— time the web page reader against pandoc",
                                    "Where to write the generated pages", NULL,
                                    "bench-html-XXXXXX", &work_dir)];

  printf ("| Web page benchmark (%s) | Lectern | Reference | Result |\n", size->name);
  printf ("|---|---|---|---|\n");
  for (guint i = 0; i < G_N_ELEMENTS (size->pages) && size->pages[i] > 0; i++)
    bench_page (size, work_dir, rand, size->pages[i]);

  return 0;
}
