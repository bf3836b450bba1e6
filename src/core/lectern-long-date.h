/* lectern-long-date.h — dates as people read them: "3 December 2026" in
 * English, "3 décembre 2026" in French. For what Lectern shows and the
 * reports it writes; machine-readable files (CSV, JSON, REFI-QDA) keep
 * ISO 8601.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* @when's day written in full for the locale. Returns: (transfer full) */
char *lectern_long_date_format      (GDateTime  *when);
/* @when's day in full and its time of day ("3 December 2026, 14:05").
 * Returns: (transfer full) */
char *lectern_long_date_format_time (GDateTime  *when);
/* A stored "YYYY-MM-DD" date in full, or NULL when @iso is no date.
 * Returns: (transfer full) (nullable) */
char *lectern_long_date_from_iso    (const char *iso);

G_END_DECLS
