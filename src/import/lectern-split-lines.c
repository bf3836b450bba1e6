/* lectern-split-lines.c — a text's lines in one pass.
 *
 * g_strsplit() searches the rest of the text for each line; where
 * strstr() measures its haystack first (under the sanitizers), a long
 * mail or subtitle file of short lines then takes quadratic time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-split-lines-private.h"

GStrv
_lectern_split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *p = text;
  const char *nl;

  while ((nl = strchr (p, '\n')) != NULL)
    {
      g_ptr_array_add (lines, g_strndup (p, nl - p));
      p = nl + 1;
    }
  g_ptr_array_add (lines, g_strdup (p));
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (lines, FALSE);
}
