/* test-epub-reader.c — an EPUB to one document: chapters in spine order,
 * the package's metadata, and the books refused (paths leaving the book,
 * bombs, DRM).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-import.h"
#include "lectern-zip-archive-private.h"

static char *
fixture_contents (const char *name,
                  gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "epub", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static GPtrArray *
read_fixture (const char  *name,
              GError     **error)
{
  gsize length;
  char *contents = fixture_contents (name, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (contents, length);

  return lectern_epub_reader_read (bytes, name, NULL, error);
}

static char *
dump_structure (LecternExtract *extract)
{
  GArray *structure = lectern_extract_get_structure (extract);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < structure->len; i++)
    {
      LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      g_string_append_printf (out, "%u %u %s%s%s\n", span->start, span->end,
                              lectern_structure_kind_to_string (span->kind),
                              span->value != NULL ? " " : "",
                              span->value != NULL ? span->value : "");
    }
  return g_string_free (out, FALSE);
}

static void
assert_book (GPtrArray *extracts)
{
  g_autofree char *expected_text = fixture_contents ("book.txt", NULL);
  g_autofree char *expected_structure = fixture_contents ("book.structure", NULL);
  g_autofree char *text = NULL;
  g_autofree char *structure = NULL;
  LecternExtract *extract;

  g_assert_cmpuint (extracts->len, ==, 1);
  extract = extracts->pdata[0];
  g_assert_cmpstr (lectern_extract_get_format (extract), ==, "epub");
  text = g_strconcat (lectern_extract_get_text (extract), "\n", NULL);
  structure = dump_structure (extract);
  g_assert_cmpstr (text, ==, expected_text);
  g_assert_cmpstr (structure, ==, expected_structure);

  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "Letters from Vienna");
  g_assert_cmpstr (lectern_extract_get_author (extract), ==, "Anne Martin");
  g_assert_cmpstr (lectern_extract_get_date (extract), ==, "2024-03-01");
  g_assert_cmpstr (lectern_extract_get_language (extract), ==, "en-GB");
  g_assert_cmpuint (lectern_extract_get_warnings (extract)->len, ==, 0);
}

static void
test_pandoc_book (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_fixture ("book.epub", &error);

  g_assert_no_error (error);
  assert_book (extracts);
}

static void
test_obfuscated_font (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_fixture ("obfuscated-font.epub", &error);

  /* Font obfuscation is not DRM: the book reads as the plain one. */
  g_assert_no_error (error);
  assert_book (extracts);
}

static void
assert_refused (const char *name,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_fixture (name, &error);

  g_assert_null (extracts);
  g_assert_error (error, LECTERN_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
}

static void
test_refused (void)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("not a zip", 9);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;

  assert_refused ("traversal.epub", LECTERN_IMPORT_ERROR_UNSAFE);
  assert_refused ("encrypted.epub", LECTERN_IMPORT_ERROR_ENCRYPTED);
  /* 5 MiB from 5 KiB behind a header that declares 1 KiB: the lie is
   * caught by what is really decompressed (the ratio bound itself, shared
   * with DOCX and ODT through LecternZipArchive, is tested by a 12 MiB
   * bomb in test-docx-reader.c). */
  assert_refused ("bomb.epub", LECTERN_IMPORT_ERROR_DAMAGED);

  none = lectern_epub_reader_read (text, "notes.epub", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "notes.epub"));
}

static void
test_limits (void)
{
  /* book.epub holds 10 entries, the largest of 1.6 KB. */
  _lectern_zip_archive_set_limits (5, 0, 0);
  assert_refused ("book.epub", LECTERN_IMPORT_ERROR_TOO_LARGE);
  _lectern_zip_archive_set_limits (0, 1000, 0);
  assert_refused ("book.epub", LECTERN_IMPORT_ERROR_TOO_LARGE);
  _lectern_zip_archive_set_limits (0, 0, 3000);
  assert_refused ("book.epub", LECTERN_IMPORT_ERROR_TOO_LARGE);
  _lectern_zip_archive_set_limits (0, 0, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) extracts = read_fixture ("book.epub", &error);

    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/epub-reader/pandoc-book", test_pandoc_book);
  g_test_add_func ("/epub-reader/obfuscated-font", test_obfuscated_font);
  g_test_add_func ("/epub-reader/refused", test_refused);
  g_test_add_func ("/epub-reader/limits", test_limits);

  return g_test_run ();
}
