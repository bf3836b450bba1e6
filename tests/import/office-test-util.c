/* office-test-util.c — helpers of the office and mail reader tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "office-test-util.h"

GBytes *
office_test_fixture (const char *subdir,
                     const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", subdir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

char *
office_test_dump_structure (LecternExtract *extract)
{
  GArray *structure = lectern_extract_get_structure (extract);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < structure->len; i++)
    {
      LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      g_string_append_printf (out, "%s %u %u %s\n",
                              lectern_structure_kind_to_string (span->kind),
                              span->start, span->end, span->value ? span->value : "");
    }
  return g_string_free (out, FALSE);
}

char *
office_test_dump_notes (LecternExtract *extract)
{
  GArray *notes = lectern_extract_get_notes (extract);
  const char *text = lectern_extract_get_text (extract);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < notes->len; i++)
    {
      LecternExtractNote *note = &g_array_index (notes, LecternExtractNote, i);
      const char *start = g_utf8_offset_to_pointer (text, note->start);
      const char *end = g_utf8_offset_to_pointer (text, note->end);

      g_string_append_printf (out, "%u %u [%.*s] %s|%s|%s\n", note->start, note->end,
                              (int) (end - start), start,
                              note->author ? note->author : "", note->date ? note->date : "",
                              note->text);
    }
  return g_string_free (out, FALSE);
}

static la_ssize_t
write_to_array (struct archive *archive,
                void           *user_data,
                const void     *buffer,
                size_t          length)
{
  g_byte_array_append (user_data, buffer, length);
  return length;
}

GBytes *
office_test_zip (const char *big_path,
                 gsize       big_size,
                 ...)
{
  struct archive *archive = archive_write_new ();
  GByteArray *out = g_byte_array_new ();
  va_list args;
  const char *path;

  archive_write_set_format_zip (archive);
  g_assert_cmpint (archive_write_open (archive, out, NULL, write_to_array, NULL), ==, ARCHIVE_OK);
  va_start (args, big_size);
  while ((path = va_arg (args, const char *)) != NULL)
    {
      const char *content = va_arg (args, const char *);
      struct archive_entry *entry = archive_entry_new ();
      g_autofree char *big = NULL;
      gsize size = strlen (content);

      if (g_strcmp0 (path, big_path) == 0)
        {
          big = g_strnfill (big_size, 'x');
          content = big;
          size = big_size;
        }
      archive_entry_set_pathname (entry, path);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, size);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (archive, content, size), ==, (la_ssize_t) size);
      archive_entry_free (entry);
    }
  va_end (args);
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
  return g_byte_array_free_to_bytes (out);
}
