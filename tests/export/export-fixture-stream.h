/* export-fixture-stream.h — runs an export into memory for a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-export.h"

G_BEGIN_DECLS

/* The bytes of the export, NUL-terminated. (transfer full) */
static inline GBytes *
fixture_export (LecternProject        *project,
                LecternExportOptions *options)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gsize size;

  g_assert_true (lectern_export_to_stream (project, options, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_bytes_new_take (g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out)), size);
}

G_END_DECLS
