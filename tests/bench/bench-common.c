/* bench-common.c — what the benchmark programs share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-common.h"

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (GArray *values)
{
  g_assert (values->len > 0);
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

double
bench_quantile (GArray *values,
                double  q)
{
  g_assert (values->len > 0);
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, (guint) (q * (values->len - 1) + 0.5));
}

BenchSize
bench_parse_options (int           *argc,
                     char        ***argv,
                     const char    *summary,
                     const char    *work_dir_help,
                     GOptionEntry  *extra,
                     const char    *tmp_template,
                     char         **work_dir)
{
  static const char * const names[] = { "smoke", "small", "full" };
  g_autofree char *size_name = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (summary);
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_name, "smoke, small or full (default)", "SIZE" },
    { "work-dir", 0, 0, G_OPTION_ARG_FILENAME, work_dir, work_dir_help, "DIR" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (2);
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (size_name != NULL ? size_name : "full", names[i]) == 0)
      {
        if (*work_dir == NULL && strstr (tmp_template, "XXXXXX") == NULL)
          *work_dir = g_build_filename (g_get_tmp_dir (), tmp_template, NULL);
        if (*work_dir == NULL)
          {
            *work_dir = g_dir_make_tmp (tmp_template, &error);
            if (*work_dir == NULL)
              g_error ("%s", error->message);
          }
        else if (g_mkdir_with_parents (*work_dir, 0700) != 0)
          g_error ("Cannot create %s", *work_dir);
        return (BenchSize) i;
      }

  g_printerr ("Unknown size “%s”: use smoke, small or full\n", size_name);
  exit (2);
}
