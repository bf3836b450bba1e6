/* lectern-csv-table.c — rows of text as CSV, written whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lectern-core.h"
#include "lectern-csv-table.h"
#include "lectern-export-writers-private.h"

void
lectern_csv_table_append_row (GString            *csv,
                              const char * const *cells,
                              guint               n_cells)
{
  g_return_if_fail (csv != NULL);
  g_return_if_fail (cells != NULL || n_cells == 0);

  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *cell = _lectern_csv_escape (cells[i]);

      if (i > 0)
        g_string_append_c (csv, ',');
      g_string_append (csv, cell);
    }
  g_string_append (csv, "\r\n");
}

void
lectern_csv_table_append_mixed_row (GString            *csv,
                                    const char * const *cells,
                                    guint               n_cells,
                                    guint               text_mask)
{
  g_return_if_fail (csv != NULL);
  g_return_if_fail (cells != NULL || n_cells == 0);

  for (guint i = 0; i < n_cells; i++)
    {
      const char *value = cells[i] != NULL ? cells[i] : "";

      if (i > 0)
        g_string_append_c (csv, ',');
      if (i < 32 && (text_mask & (1u << i)) != 0)
        {
          g_autofree char *cell = _lectern_csv_escape (value);

          g_string_append (csv, cell);
        }
      else if (strpbrk (value, ",;\"\r\n\t") == NULL)
        g_string_append (csv, value);
      else
        {
          /* Quoted, as RFC 4180 says, but never neutralised. */
          g_string_append_c (csv, '"');
          for (const char *p = value; *p != '\0'; p++)
            {
              if (*p == '"')
                g_string_append_c (csv, '"');
              g_string_append_c (csv, *p);
            }
          g_string_append_c (csv, '"');
        }
    }
  g_string_append (csv, "\r\n");
}

gboolean
lectern_csv_table_save (GString  *csv,
                        GFile    *file,
                        GError  **error)
{
  g_autoptr(LecternAtomicFile) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (csv != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  out = lectern_atomic_file_new (file, LECTERN_ATOMIC_FILE_NONE, &local_error);
  if (out == NULL ||
      !g_output_stream_write_all (lectern_atomic_file_get_stream (out), csv->str, csv->len,
                                  NULL, NULL, &local_error) ||
      !lectern_atomic_file_commit (out, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
