/* lectern-json-depth.c — a bound on a JSON text's nesting.
 *
 * json-glib recurses once per level of [ and {, without a bound, so a
 * file of a hundred thousand [ overflows the stack. This scan over the
 * bytes runs first. It is not a validation: the parser still refuses
 * what is not JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-json-depth-private.h"

gboolean
_lectern_json_depth_ok (const char *data,
                        gsize       length,
                        guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}
