/* lectern-guid.c — stable GUIDs: random ones for new things, and the
 * derived ones that format 4's .qdpx exports wrote.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lectern-guid.h"

char *
lectern_guid_new (void)
{
  return g_uuid_string_random ();
}

char *
lectern_guid_for_name (const char *kind,
                       const char *name)
{
  g_autofree char *key = NULL;
  g_autofree char *sha = NULL;

  g_return_val_if_fail (kind != NULL, NULL);

  key = g_strconcat ("lectern:", kind, ":", name != NULL ? name : "", NULL);
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA1, key, -1);
  sha[12] = '5';
  sha[16] = "89ab"[g_ascii_xdigit_value (sha[16]) & 3];
  return g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", sha, sha + 8, sha + 12, sha + 16, sha + 20);
}

gboolean
lectern_guid_is_valid (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < LECTERN_GUID_LENGTH; i++)
    {
      gboolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;

      /* A shorter string stops at its NUL, which is neither. */
      if (hyphen ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
        return FALSE;
    }
  return text[LECTERN_GUID_LENGTH] == '\0';
}

char *
lectern_guid_normalize (const char *text)
{
  if (!lectern_guid_is_valid (text))
    return NULL;
  return g_ascii_strdown (text, LECTERN_GUID_LENGTH);
}
