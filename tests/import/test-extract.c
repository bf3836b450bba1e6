/* test-extract.c — the text, structure and metadata a format reader builds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-import.h"

/* "KIND START END VALUE" lines, as `lectern-cli structure` prints them. */
static char *
dump_structure (LecternExtract *extract)
{
  GArray *structure = lectern_extract_get_structure (extract);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < structure->len; i++)
    {
      LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      g_string_append_printf (out, "%u %u %s %s\n", span->start, span->end,
                              lectern_structure_kind_to_string (span->kind),
                              span->value ? span->value : "");
    }
  return g_string_free (out, FALSE);
}

static void
test_blocks (void)
{
  g_autoptr(LecternExtract) extract = lectern_extract_new ("html");
  g_autofree char *structure = NULL;
  guint block;

  block = lectern_extract_open_block (extract, LECTERN_STRUCTURE_KIND_HEADING, "1");
  lectern_extract_append_inline (extract, "\n  Talks in   Vienna \n", -1);
  lectern_extract_close_block (extract, block);

  block = lectern_extract_open_block (extract, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
  lectern_extract_append_inline (extract, "The ministers ", -1);
  lectern_extract_append_inline (extract, " met", -1);
  lectern_extract_append_inline (extract, " on Monday.  ", -1);
  lectern_extract_close_block (extract, block);

  for (guint i = 0; i < 2; i++)
    {
      block = lectern_extract_open_block (extract, LECTERN_STRUCTURE_KIND_LIST_ITEM, NULL);
      lectern_extract_append_inline (extract, i == 0 ? "one" : "two", -1);
      lectern_extract_close_block (extract, block);
    }

  /* An empty block leaves nothing. */
  block = lectern_extract_open_block (extract, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
  lectern_extract_append_inline (extract, "   ", -1);
  lectern_extract_close_block (extract, block);

  {
    guint quote = lectern_extract_open_block (extract, LECTERN_STRUCTURE_KIND_QUOTE, NULL);

    block = lectern_extract_open_block (extract, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
    lectern_extract_append_inline (extract, "Quoted", -1);
    lectern_extract_line_break (extract);
    lectern_extract_append_inline (extract, " line", -1);
    lectern_extract_close_block (extract, block);
    lectern_extract_close_block (extract, quote);
  }

  for (guint i = 0; i < 2; i++)
    {
      block = lectern_extract_open_block (extract, LECTERN_STRUCTURE_KIND_TABLE_ROW, NULL);
      lectern_extract_append (extract, i == 0 ? "a\tb" : "c\td", -1);
      lectern_extract_close_block (extract, block);
    }

  g_assert_cmpstr (lectern_extract_get_text (extract), ==,
                   "Talks in Vienna\n\nThe ministers met on Monday.\n\none\ntwo\n\nQuoted\nline\n\na\tb\nc\td");
  g_assert_true (lectern_text_is_stored (lectern_extract_get_text (extract), -1));
  structure = dump_structure (extract);
  g_assert_cmpstr (structure, ==,
                   "0 15 heading 1\n"
                   "17 45 paragraph \n"
                   "47 50 list-item \n"
                   "51 54 list-item \n"
                   "56 67 quote \n"
                   "56 67 paragraph \n"
                   "69 72 table-row \n"
                   "73 76 table-row \n");
  g_assert_cmpuint (lectern_extract_get_length (extract), ==, 76);
}

static void
test_stored_form (void)
{
  g_autoptr(LecternExtract) extract = lectern_extract_new ("text");
  const char *text;

  /* CRLF, a NUL, a bell, a BOM inside, an invalid byte; a combining
   * accent arriving in its own piece composes with the letter before. */
  lectern_extract_append (extract, "a\r\nb\rc", -1);
  lectern_extract_append (extract, "d\0e\af\xef\xbb\xbfg\xffh", 11);
  lectern_extract_append (extract, " caf", -1);
  lectern_extract_append (extract, "e", -1);
  lectern_extract_append (extract, "\xcc\x81", -1);
  text = lectern_extract_get_text (extract);
  g_assert_cmpstr (text, ==, "a\nb\ncdefg\xef\xbf\xbdh caf\xc3\xa9");
  g_assert_true (lectern_text_is_stored (text, -1));
  g_assert_cmpuint (lectern_extract_get_length (extract), ==, g_utf8_strlen (text, -1));
}

static void
test_metadata (void)
{
  g_autoptr(LecternExtract) extract = lectern_extract_new ("docx");
  GArray *notes;

  g_assert_cmpstr (lectern_extract_get_format (extract), ==, "docx");
  lectern_extract_set_title (extract, "  A title \n");
  lectern_extract_set_author (extract, "   ");
  lectern_extract_set_variable (extract, "url", "https://example.org/");
  lectern_extract_set_variable (extract, "empty", "");
  lectern_extract_add_note (extract, 0, 4, "Ana", NULL, "Check this");
  lectern_extract_add_warning (extract, "Page 2 has no text layer");

  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "A title");
  g_assert_null (lectern_extract_get_author (extract));
  g_assert_cmpuint (g_hash_table_size (lectern_extract_get_variables (extract)), ==, 1);
  notes = lectern_extract_get_notes (extract);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (g_array_index (notes, LecternExtractNote, 0).text, ==, "Check this");
  g_assert_cmpuint (lectern_extract_get_warnings (extract)->len, ==, 1);
  g_assert_false (lectern_extract_has_text (extract));
}

static void
test_kind_names (void)
{
  LecternStructureKind kind;

  g_assert_cmpstr (lectern_structure_kind_to_string (LECTERN_STRUCTURE_KIND_LIST_ITEM), ==, "list-item");
  g_assert_true (lectern_structure_kind_from_string ("table-row", &kind));
  g_assert_cmpint (kind, ==, LECTERN_STRUCTURE_KIND_TABLE_ROW);
  g_assert_false (lectern_structure_kind_from_string ("chapter", &kind));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/blocks", test_blocks);
  g_test_add_func ("/extract/stored-form", test_stored_form);
  g_test_add_func ("/extract/metadata", test_metadata);
  g_test_add_func ("/extract/kind-names", test_kind_names);

  return g_test_run ();
}
