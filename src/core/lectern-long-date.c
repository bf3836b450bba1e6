/* lectern-long-date.c — one way to write a date for people, so the
 * library, the details and every report agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "lectern-long-date.h"

char *
lectern_long_date_format (GDateTime *when)
{
  g_return_val_if_fail (when != NULL, NULL);

  /* Translators: a date written in full, as in "12 March 2024"; see
   * g_date_time_format() for the codes. */
  return g_date_time_format (when, _("%-d %B %Y"));
}

char *
lectern_long_date_format_time (GDateTime *when)
{
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  day = lectern_long_date_format (when);
  /* Translators: a time of day, as in "14:05"; see g_date_time_format() */
  time = g_date_time_format (when, _("%H:%M"));
  /* Translators: a date and a time of day: "12 March 2024, 14:05" */
  return g_strdup_printf (_("%s, %s"), day, time);
}

char *
lectern_long_date_from_iso (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  when = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (when == NULL)
    return NULL;
  return lectern_long_date_format (when);
}
