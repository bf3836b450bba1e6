/* bench-common.h — what the benchmark programs share: the clock, medians
 * and the command line every one of them takes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The sizes every benchmark knows, in the order of their tables. */
typedef enum
{
  BENCH_SIZE_SMOKE,
  BENCH_SIZE_SMALL,
  BENCH_SIZE_FULL,
} BenchSize;

/* Wall clock in milliseconds (g_get_monotonic_time). */
double    bench_now_ms  (void);

/* The median of @values (doubles), which are sorted in place. */
double    bench_median  (GArray          *values);
/* The @q quantile (0..1) of @values, sorted in place. */
double    bench_quantile (GArray         *values,
                          double          q);

/* Parses --size smoke|small|full (default full) and --work-dir DIR, plus
 * @extra (NULL-terminated, or NULL), described by @summary. The work
 * folder is made when missing; without --work-dir, a new temporary one
 * from @tmp_template ("bench-NAME-XXXXXX"), or, when it has no XXXXXX,
 * that folder in the temporary folder, kept from one run to the next. A usage error is printed and
 * exits with status 2. */
BenchSize bench_parse_options (int           *argc,
                               char        ***argv,
                               const char    *summary,
                               const char    *work_dir_help,
                               GOptionEntry  *extra,
                               const char    *tmp_template,
                               char         **work_dir);

G_END_DECLS
