/* test-docx-reader.c — a Word document as Lectern stores it: text,
 * structure, notes from comments, metadata; and the files it refuses.
 *
 * The fixture was made by LibreOffice from a hand-written flat ODT
 * (tests/fixtures/office/README.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-import.h"
#include "lectern-zip-archive-private.h"
#include "office-test-util.h"

static GPtrArray *
read_docx (GBytes  *bytes,
           GError **error)
{
  return lectern_docx_reader_read (bytes, "sample.docx", NULL, error);
}

static void
test_sample (void)
{
  g_autoptr(GBytes) bytes = office_test_fixture ("office", "sample.docx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_docx (bytes, &error);
  g_autofree char *structure = NULL;
  g_autofree char *notes = NULL;
  LecternExtract *extract;

  g_assert_no_error (error);
  g_assert_cmpuint (extracts->len, ==, 1);
  extract = g_ptr_array_index (extracts, 0);

  g_assert_cmpstr (lectern_extract_get_format (extract), ==, "docx");
  g_print ("%s\n---\n", lectern_extract_get_text (extract));
  structure = office_test_dump_structure (extract);
  notes = office_test_dump_notes (extract);
  g_print ("%s---\n%s---\n%s|%s|%s|%s\n", structure, notes, lectern_extract_get_title (extract),
           lectern_extract_get_author (extract), lectern_extract_get_date (extract),
           lectern_extract_get_language (extract));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docx-reader/sample", test_sample);

  return g_test_run ();
}
