/* test-csv.c — RFC 4180 CSV: parsed back cell by cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "export-fixture.h"
#include "export-fixture-stream.h"
#include "lectern-export-writers-private.h"

/* A strict RFC 4180 reader: CRLF records, quoted fields with "" escapes.
 * Returns rows of cells, or fails the test on malformed input. */
static GPtrArray *
parse_csv (const char *data,
           gsize       length)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  gsize i = 0;

  while (i < length)
    {
      if (data[i] == '"')
        {
          i++;
          for (;;)
            {
              g_assert_cmpuint (i, <, length);
              if (data[i] == '"' && i + 1 < length && data[i + 1] == '"')
                {
                  g_string_append_c (cell, '"');
                  i += 2;
                }
              else if (data[i] == '"')
                {
                  i++;
                  break;
                }
              else
                g_string_append_c (cell, data[i++]);
            }
        }
      else
        while (i < length && data[i] != ',' && data[i] != '\r')
          {
            /* Bare quotes and line feeds must be inside quoted fields. */
            g_assert_cmpint (data[i], !=, '"');
            g_assert_cmpint (data[i], !=, '\n');
            g_string_append_c (cell, data[i++]);
          }

      g_ptr_array_add (row, g_strdup (cell->str));
      g_string_truncate (cell, 0);
      if (i < length && data[i] == ',')
        i++;
      else
        {
          g_assert_cmpint (data[i], ==, '\r');
          g_assert_cmpint (data[i + 1], ==, '\n');
          i += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (cell, TRUE);
  return rows;
}

static int
column (GPtrArray  *header,
        const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), name))
      return i;
  g_assert_not_reached ();
}

/* What a cell must read: the value, with an apostrophe before anything a
 * spreadsheet would run as a formula. */
static char *
expected_cell (const char *value)
{
  const char *p = value;

  if (value == NULL)
    return g_strdup ("");
  while (*p == ' ')
    p++;
  if (*p != '\0' && strchr ("=+-@\t\r", *p) != NULL)
    return g_strconcat ("'", value, NULL);
  return g_strdup (value);
}

static void
test_cells (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_CSV);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GListModel) annotations = NULL;
  GPtrArray *header;
  const char *data;
  gsize length;
  guint row_nr = 1;
  guint n_formulas = 0;

  fixture_init (&fixture, "csv.lectern");
  bytes = fixture_export (fixture.project, options);
  data = g_bytes_get_data (bytes, &length);
  g_assert_true (g_utf8_validate (data, length, NULL));
  g_assert_false (g_str_has_prefix (data, "\xEF\xBB\xBF"));
  rows = parse_csv (data, length);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "annotation_id");
  /* Variables are columns, their names neutralised too. */
  g_assert_cmpint (column (header, "country"), >, 0);
  g_assert_cmpint (column (header, "'=risk"), >, 0);

  annotations = lectern_project_list_annotations (fixture.project, 0, 0, FALSE, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (annotations, i);
      g_autoptr(LecternDocument) document =
        lectern_project_dup_document (fixture.project, lectern_annotation_get_document_id (annotation), NULL);
      guint n_tags;
      const gint64 *tag_ids = lectern_annotation_get_tag_ids (annotation, &n_tags);

      /* One row per annotation and tag; one row without a tag. */
      for (guint t = 0; t < MAX (n_tags, 1); t++, row_nr++)
        {
          GPtrArray *row;
          g_autofree char *quote = expected_cell (lectern_annotation_get_quote (annotation));
          g_autofree char *note = expected_cell (lectern_annotation_get_note (annotation));
          g_autofree char *title = expected_cell (lectern_document_get_title (document));
          g_autofree char *country = expected_cell (lectern_document_get_variable (document, "country"));
          g_autofree char *risk = expected_cell (lectern_document_get_variable (document, "=risk"));
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_annotation_get_id (annotation));
          g_autofree char *start = g_strdup_printf ("%ld", lectern_annotation_get_start (annotation));
          g_autofree char *tag_path = NULL;

          g_assert_cmpuint (row_nr, <, rows->len);
          row = g_ptr_array_index (rows, row_nr);
          g_assert_cmpuint (row->len, ==, header->len);
          if (n_tags > 0)
            {
              g_autoptr(LecternTag) tag = lectern_project_dup_tag (fixture.project, tag_ids[t], NULL);

              tag_path = expected_cell (lectern_tag_get_path (tag));
              g_assert_cmpstr (g_ptr_array_index (row, column (header, "tag_colour")), ==,
                               lectern_tag_get_colour (tag));
            }
          else
            tag_path = g_strdup ("");

          g_assert_cmpstr (g_ptr_array_index (row, column (header, "annotation_id")), ==, id);
          g_assert_cmpstr (g_ptr_array_index (row, column (header, "start")), ==, start);
          /* Paragraphs beside the offsets, as a thesis cites them. */
          if (g_str_has_prefix (lectern_annotation_get_quote (annotation), "- a list-like line"))
            g_assert_cmpstr (g_ptr_array_index (row, column (header, "paragraphs")), ==, "¶¶ 4–5");
          else if (g_str_equal (lectern_annotation_get_quote (annotation), "<b>Pango</b> and a javascript:alert(1) link"))
            g_assert_cmpstr (g_ptr_array_index (row, column (header, "paragraphs")), ==, "¶ 3");
          else if (g_str_equal (lectern_annotation_get_quote (annotation), "café"))
            g_assert_cmpstr (g_ptr_array_index (row, column (header, "paragraphs")), ==, "¶ 2");
          g_assert_cmpstr (g_ptr_array_index (row, column (header, "quote")), ==, quote);
          g_assert_cmpstr (g_ptr_array_index (row, column (header, "note")), ==, note);
          g_assert_cmpstr (g_ptr_array_index (row, column (header, "tag")), ==, tag_path);
          g_assert_cmpstr (g_ptr_array_index (row, column (header, "document_title")), ==, title);
          g_assert_cmpstr (g_ptr_array_index (row, column (header, "document_date")), ==,
                           lectern_document_get_date (document));
          g_assert_cmpstr (g_ptr_array_index (row, column (header, "country")), ==, country);
          g_assert_cmpstr (g_ptr_array_index (row, column (header, "'=risk")), ==, risk);

          for (guint c = 0; c < row->len; c++)
            {
              const char *cell = g_ptr_array_index (row, c);

              /* No cell a spreadsheet would evaluate. */
              g_assert_true (cell[0] == '\0' || strchr ("=+-@\t\r", cell[0]) == NULL);
              if (cell[0] == '\'')
                n_formulas++;
            }
        }
    }
  g_assert_cmpuint (row_nr, ==, rows->len);
  /* The formula quote, "+1-2", "@SUM", "=HYPERLINK", "=Formula", "-danger"… */
  g_assert_cmpuint (n_formulas, >=, 6);
  fixture_clear (&fixture);
}

/* Exact bytes of one cell: what every spreadsheet, whatever its locale's
 * list separator, reads as one text cell. */
static void
test_escape (void)
{
  static const struct
  {
    const char *value;
    const char *cell;
  } cases[] = {
    { NULL, "" },
    { "", "" },
    { "plain words", "plain words" },
    { "Élysée, 1963", "\"Élysée, 1963\"" },
    /* ';' separates cells in French, German… spreadsheets. */
    { "x;=HYPERLINK(\"http://evil\")", "\"x;=HYPERLINK(\"\"http://evil\"\")\"" },
    { "a;b", "\"a;b\"" },
    { "tab\there", "\"tab\there\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    /* Every formula sign, also after leading spaces. */
    { "=1+1", "\"'=1+1\"" },
    { "+33 1 23", "\"'+33 1 23\"" },
    { "-2+3", "\"'-2+3\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "\t=1", "\"'\t=1\"" },
    { "\r=1", "\"'\r=1\"" },
    { "   =cmd|' /C calc'!A0", "\"'   =cmd|' /C calc'!A0\"" },
    { "- bullet", "\"'- bullet\"" },
    { "  -3", "\"'  -3\"" },
    /* A sign inside the text is no formula. */
    { "1+1=2", "1+1=2" },
    { "e-mail@example.org", "e-mail@example.org" },
    { "   ", "   " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = _lectern_csv_escape (cases[i].value);

      g_assert_cmpstr (cell, ==, cases[i].cell);
    }
}

/* Numbers Lectern writes (ids, offsets) are never quoted or prefixed. */
static void
test_numbers (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_CSV);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autofree char *expected = NULL;
  const char *data;
  gsize length;

  fixture_init (&fixture, "numbers.lectern");
  bytes = fixture_export (fixture.project, options);
  data = g_bytes_get_data (bytes, &length);
  annotations = lectern_project_list_annotations (fixture.project, 0, 0, FALSE, NULL);
  annotation = g_list_model_get_item (annotations, 0);
  expected = g_strdup_printf ("\r\n%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",",
                              lectern_annotation_get_id (annotation),
                              lectern_annotation_get_document_id (annotation));
  g_assert_nonnull (g_strstr_len (data, length, expected));
  g_free (expected);
  expected = g_strdup_printf (",%ld,%ld,", lectern_annotation_get_start (annotation),
                              lectern_annotation_get_end (annotation));
  g_assert_nonnull (g_strstr_len (data, length, expected));
  fixture_clear (&fixture);
}

static void
test_bom (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_CSV);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *data;
  gsize length;

  fixture_init (&fixture, "bom.lectern");
  lectern_export_options_set_csv_bom (options, TRUE);
  bytes = fixture_export (fixture.project, options);
  data = g_bytes_get_data (bytes, &length);
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF" "annotation_id,"));
  rows = parse_csv (data + 3, length - 3);
  g_assert_cmpuint (rows->len, >, 1);
  fixture_clear (&fixture);
}

/* A passage's pages, speaker and time, in columns after the variables so
 * that every earlier column keeps its position. */
static void
test_pages (void)
{
  Fixture fixture;
  PagedFixture paged;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_CSV);
  g_autoptr(LecternExportOptions) everything = lectern_export_options_new (LECTERN_EXPORT_FORMAT_CSV);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) all_bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) all_rows = NULL;
  static const char * const expected[][5] = {
    { "on page", "p. 11", "Sergey Lavrov", "00:12:31", "¶ 1" },
    { "across", "pp. 11–12", "Sergey Lavrov", "", "¶¶ 2–3" },
    { "outside", "", "", "", "¶ 5" },
  };
  GPtrArray *header;
  const char *data;
  gsize length;

  fixture_init (&fixture, "paged.lectern");
  fixture_add_paged (&fixture, "pdf", &paged);
  lectern_export_options_add_document_id (options, paged.document);
  bytes = fixture_export (fixture.project, options);
  data = g_bytes_get_data (bytes, &length);
  rows = parse_csv (data, length);

  g_assert_true (g_str_has_prefix (data,
                                   "annotation_id,document_id,document_title,document_date,"
                                   "document_source,document_author,document_language,"
                                   "start,end,paragraphs,quote,tag,tag_colour,note,"
                                   "annotation_author,created,modified,pages,speaker,time,document_version\r\n"));
  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (expected));
  header = g_ptr_array_index (rows, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i + 1);

      g_assert_cmpuint (row->len, ==, header->len);
      g_assert_cmpstr (g_ptr_array_index (row, column (header, "note")), ==, expected[i][0]);
      g_assert_cmpstr (g_ptr_array_index (row, column (header, "pages")), ==, expected[i][1]);
      g_assert_cmpstr (g_ptr_array_index (row, column (header, "speaker")), ==, expected[i][2]);
      g_assert_cmpstr (g_ptr_array_index (row, column (header, "time")), ==, expected[i][3]);
      g_assert_cmpstr (g_ptr_array_index (row, column (header, "paragraphs")), ==, expected[i][4]);
    }

  /* With documents that have variables, the new columns follow them. */
  all_bytes = fixture_export (fixture.project, everything);
  data = g_bytes_get_data (all_bytes, &length);
  all_rows = parse_csv (data, length);
  header = g_ptr_array_index (all_rows, 0);
  g_assert_cmpint (column (header, "modified"), ==, 16);
  g_assert_cmpint (column (header, "'=risk"), ==, 17);
  g_assert_cmpint (column (header, "country"), ==, 18);
  g_assert_cmpint (column (header, "pages"), ==, header->len - 4);
  g_assert_cmpint (column (header, "speaker"), ==, header->len - 3);
  g_assert_cmpint (column (header, "time"), ==, header->len - 2);
  g_assert_cmpint (column (header, "document_version"), ==, header->len - 1);
  fixture_clear (&fixture);
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      int        col)
{
  GPtrArray *cells = g_ptr_array_index (rows, row);

  return g_ptr_array_index (cells, col);
}

/* Every row says which version of its document's text its start, end
 * and quote are in: the current one, 2 once the text was changed. */
static void
test_version (void)
{
  Fixture fixture;
  PagedFixture paged;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_CSV);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *header;
  const char *data;
  gsize length;

  fixture_init (&fixture, "version.lectern");
  fixture_add_paged (&fixture, "pdf", &paged);
  lectern_export_options_add_document_id (options, paged.document);
  before = fixture_export (fixture.project, options);
  data = g_bytes_get_data (before, &length);
  rows = parse_csv (data, length);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (cell (rows, 1, column (header, "document_version")), ==, "1");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* An edit before every passage: they move, the version is 2. */
  g_assert_true (lectern_project_edit_text (fixture.project, paged.document, 0, 0, "L0 ", NULL, &error));
  g_assert_no_error (error);
  after = fixture_export (fixture.project, options);
  data = g_bytes_get_data (after, &length);
  rows = parse_csv (data, length);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpstr (cell (rows, i, column (header, "document_version")), ==, "2");
  g_assert_cmpstr (cell (rows, 1, column (header, "start")), ==, "23");
  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/Csv/cells", test_cells);
  g_test_add_func ("/Lectern/Csv/escape", test_escape);
  g_test_add_func ("/Lectern/Csv/numbers", test_numbers);
  g_test_add_func ("/Lectern/Csv/bom", test_bom);
  g_test_add_func ("/Lectern/Csv/pages", test_pages);
  g_test_add_func ("/Lectern/Csv/version", test_version);
  return g_test_run ();
}
