/* test-html-reader.c — a web page to its article: text, structure and
 * metadata, the encodings pages come in, and the pages refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-import.h"
#include "lectern-html-blocks-private.h"

/* "START END KIND[ VALUE]" lines, as the .structure files beside the pages. */
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

static char *
fixture_contents (const char *name,
                  gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "html", name, NULL);
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

  return lectern_html_reader_read (bytes, name, NULL, error);
}

static LecternExtract *
read_string (const char *html)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = lectern_html_reader_read (bytes, "page.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (extracts->len, ==, 1);
  return g_object_ref (extracts->pdata[0]);
}

/* The stored text and structure are exactly those written beside the
 * page (NAME.txt, with a final newline, and NAME.structure). */
static void
assert_expected (LecternExtract *extract,
                 const char     *base)
{
  g_autofree char *text_name = g_strconcat (base, ".txt", NULL);
  g_autofree char *structure_name = g_strconcat (base, ".structure", NULL);
  g_autofree char *expected_text = fixture_contents (text_name, NULL);
  g_autofree char *expected_structure = fixture_contents (structure_name, NULL);
  g_autofree char *text = g_strconcat (lectern_extract_get_text (extract), "\n", NULL);
  g_autofree char *structure = dump_structure (extract);

  g_assert_cmpstr (text, ==, expected_text);
  g_assert_cmpstr (structure, ==, expected_structure);
  g_assert_true (lectern_text_is_stored (lectern_extract_get_text (extract), -1));
}

static void
test_news_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_fixture ("news.html", &error);
  LecternExtract *extract;
  GHashTable *variables;
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpuint (extracts->len, ==, 1);
  extract = extracts->pdata[0];
  g_assert_cmpstr (lectern_extract_get_format (extract), ==, "html");
  assert_expected (extract, "news");

  /* What surrounds the article is gone. */
  text = lectern_extract_get_text (extract);
  for (const char *gone = "cookies\0Politics\0Share on\0Topics\0morning briefing\0Geneva, officials say\0"
                          "good news\0Most read\0rights reserved\0Advertisement\0dataLayer\0";
       *gone != '\0'; gone += strlen (gone) + 1)
    g_assert_null (strstr (text, gone));

  /* og:title less its site, authors from JSON-LD, the published time. */
  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "Talks resume in Vienna");
  g_assert_cmpstr (lectern_extract_get_author (extract), ==, "Anne Martin, Pierre Roux");
  g_assert_cmpstr (lectern_extract_get_date (extract), ==, "2024-03-01T09:30:00+01:00");
  g_assert_cmpstr (lectern_extract_get_language (extract), ==, "en-GB");
  variables = lectern_extract_get_variables (extract);
  g_assert_cmpstr (g_hash_table_lookup (variables, "site"), ==, "The Daily Courier");
  g_assert_cmpstr (g_hash_table_lookup (variables, "url"), ==,
                   "https://courier.example/world/talks-resume-in-vienna");
  g_assert_cmpuint (lectern_extract_get_warnings (extract)->len, ==, 0);
}

static void
test_windows_1252_undeclared (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_fixture ("latin1-undeclared.html", &error);
  LecternExtract *extract;

  g_assert_no_error (error);
  extract = extracts->pdata[0];
  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "Lettre de Genève");
  g_assert_cmpstr (lectern_extract_get_text (extract), ==,
                   "Lettre de Genève\n\n"
                   "Les négociations ont repris à Genève, où les délégués se sont réunis dès l'aube.\n\n"
                   "« Nous avons progressé », a déclaré le ministre, qui n'a pas précisé l'échéance. "
                   "Coût estimé : 12 € — une somme modeste.\n\n"
                   "L'été dernier, à Saint-Pétersbourg, les échanges étaient déjà très avancés, "
                   "selon un diplomate français.");
}

static void
test_declared_encodings (void)
{
  /* "Genève €" in windows-1252, declared the old way. */
  g_autoptr(LecternExtract) legacy =
    read_string ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                 "</head><body><p>Gen\xe8ve \x80</p></body></html>");
  /* UTF-8 declared, and a page that declares nothing. */
  g_autoptr(LecternExtract) utf8 =
    read_string ("<meta charset=\"UTF-8\"><p>Genève — Москва</p>");
  g_autoptr(LecternExtract) plain = read_string ("<p>Genève — Москва</p>");
  /* A byte-order mark says more than a declaration. */
  g_autoptr(LecternExtract) bom =
    read_string ("\xef\xbb\xbf<meta charset=\"windows-1252\"><p>Genève</p>");

  /* ISO-8859-1 is read as windows-1252, as browsers do: 0x80 is €. */
  g_assert_cmpstr (lectern_extract_get_text (legacy), ==, "Genève €");
  g_assert_cmpstr (lectern_extract_get_text (utf8), ==, "Genève — Москва");
  g_assert_cmpstr (lectern_extract_get_text (plain), ==, "Genève — Москва");
  g_assert_cmpstr (lectern_extract_get_text (bom), ==, "Genève");
}

static void
test_pandoc_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_fixture ("pandoc.html", &error);
  LecternExtract *extract;

  g_assert_no_error (error);
  extract = extracts->pdata[0];
  assert_expected (extract, "pandoc");
  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "Notes on the Vienna talks");
  g_assert_cmpstr (lectern_extract_get_author (extract), ==, "Claire Dubois");
  g_assert_cmpstr (lectern_extract_get_date (extract), ==, "2024-03-04");
  g_assert_cmpstr (lectern_extract_get_language (extract), ==, "fr");
}

static void
test_empty_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = read_fixture ("empty.html", &error);
  const char * const pages[] = { "", "   \n", "<html><body><script>x()</script></body></html>", NULL };

  g_assert_null (extracts);
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty.html"));

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (pages[i], strlen (pages[i]));
      g_autoptr(GError) page_error = NULL;
      g_autoptr(GPtrArray) none = lectern_html_reader_read (bytes, "blank.html", NULL, &page_error);

      g_assert_null (none);
      g_assert_error (page_error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY);
      g_assert_nonnull (strstr (page_error->message, "blank.html"));
    }
}

static void
test_title_and_metadata (void)
{
  g_autoptr(LecternExtract) dash =
    read_string ("<html lang=\"fr\"><head><title>Le sommet de Vienne - Le Courrier</title>"
                 "<meta property=\"og:site_name\" content=\"Le Courrier\">"
                 "<meta name=\"author\" content=\"Jeanne Petit\">"
                 "<meta name=\"DC.date\" content=\"2023-11-05\">"
                 "<meta property=\"og:url\" content=\"https://courrier.example/vienne\">"
                 "</head><body><p>Texte.</p></body></html>");
  /* No site name known: the title stays whole; JSON-LD as an array with
   * an author as a plain string; <time> as the last resort for a date. */
  g_autoptr(LecternExtract) ld =
    read_string ("<head><title>A - B</title><script type=\"application/ld+json\">"
                 "[{\"@type\":\"Organization\",\"name\":\"X\"},"
                 "{\"@type\":[\"Article\"],\"author\":\"Sam Lee\",\"inLanguage\":\"de\"}]</script></head>"
                 "<body><article><p>Some text of the article, long enough.</p>"
                 "<time datetime=\"2022-02-30\">x</time><time datetime=\"2022-02-03\">y</time></article></body>");
  /* JSON-LD nested past its bound is ignored, not parsed. */
  g_autoptr(GString) deep = g_string_new ("<script type=\"application/ld+json\">");
  g_autoptr(LecternExtract) ignored = NULL;

  g_assert_cmpstr (lectern_extract_get_title (dash), ==, "Le sommet de Vienne");
  g_assert_cmpstr (lectern_extract_get_author (dash), ==, "Jeanne Petit");
  g_assert_cmpstr (lectern_extract_get_date (dash), ==, "2023-11-05");
  g_assert_cmpstr (lectern_extract_get_language (dash), ==, "fr");
  g_assert_cmpstr (g_hash_table_lookup (lectern_extract_get_variables (dash), "url"), ==,
                   "https://courrier.example/vienne");

  g_assert_cmpstr (lectern_extract_get_title (ld), ==, "A - B");
  g_assert_cmpstr (lectern_extract_get_author (ld), ==, "Sam Lee");
  g_assert_cmpstr (lectern_extract_get_language (ld), ==, "de");
  /* 30 February is no date. */
  g_assert_cmpstr (lectern_extract_get_date (ld), ==, "2022-02-03");

  g_string_append (deep, "{\"@type\":\"Article\",\"author\":\"Deep\",\"x\":");
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "}</script><p>Text.</p>");
  ignored = read_string (deep->str);
  g_assert_null (lectern_extract_get_author (ignored));
  g_assert_cmpstr (lectern_extract_get_text (ignored), ==, "Text.");
}

static void
test_blocks (void)
{
  /* Loose text, <br>, <pre>, nested lists, a quote of loose text, a
   * layout table walked as blocks, and inline elements. */
  g_autoptr(LecternExtract) extract =
    read_string ("<body><div>Loose <b>text</b>\n here<br>and a break</div>"
                 "<ul><li>one<ul><li>one.a</li></ul></li><li>two</li></ul>"
                 "<pre>\n  x = 1\n  y = 2\n</pre>"
                 "<blockquote>Quoted <i>loosely</i>.</blockquote>"
                 "<table><tr><td><p>Layout cell</p></td></tr></table>"
                 "<h3>  Level   three </h3></body>");
  g_autofree char *structure = dump_structure (extract);

  g_assert_cmpstr (lectern_extract_get_text (extract), ==,
                   "Loose text here\nand a break\n\n"
                   "one\none.a\ntwo\n\n"
                   "  x = 1\n  y = 2\n\n"
                   "Quoted loosely.\n\n"
                   "Layout cell\n\n"
                   "Level three");
  g_assert_cmpstr (structure, ==,
                   "0 27 paragraph\n"
                   "29 32 list-item\n"
                   "33 38 list-item\n"
                   "39 42 list-item\n"
                   "44 59 paragraph\n"
                   "61 76 quote\n"
                   "61 76 paragraph\n"
                   "78 89 paragraph\n"
                   "91 102 heading 3\n");
}

static void
test_nested_blocks (void)
{
  /* A list inside a quote inside a list item: the item is not closed
   * from inside the quote (spans nest, never cross), and what follows a
   * nested block is a word apart. */
  g_autoptr(LecternExtract) extract =
    read_string ("<ul><li>a<blockquote>q<ul><li>b</ul>r</blockquote>c</ul>");
  g_autofree char *structure = dump_structure (extract);

  g_assert_cmpstr (lectern_extract_get_text (extract), ==, "a\n\nq\n\nb\n\nr c");
  g_assert_cmpstr (structure, ==,
                   "0 12 list-item\n"
                   "3 10 quote\n"
                   "3 4 paragraph\n"
                   "6 7 list-item\n"
                   "9 10 paragraph\n");
}

static void
test_page_wrappers (void)
{
  /* ASP.NET wraps the whole page in a <form>; a page hidden until its
   * scripts run is read again keeping what is hidden; a search form is
   * no article. */
  g_autoptr(LecternExtract) form =
    read_string ("<body><form id=\"aspnetForm\"><nav><a href=\"/\">Home</a></nav>"
                 "<p>One paragraph of the article.</p><p>Another one.</p><p>A third.</p>"
                 "<form role=\"search\"><p>Search the site</p></form></form></body>");
  g_autoptr(LecternExtract) hidden =
    read_string ("<body><div style=\"display: none\" class=\"app\"><p>Shown by a script.</p></div></body>");

  /* "commentary" is no comment; a header that holds the title stays. */
  g_autoptr(LecternExtract) commentary =
    read_string ("<body><div class=\"post-header\"><h1>Opinion</h1></div>"
                 "<div class=\"commentary-body\"><p>An argued piece, with commas, at length.</p></div>"
                 "<div class=\"comments\"><p>First!</p></div></body>");

  g_assert_cmpstr (lectern_extract_get_text (commentary), ==,
                   "Opinion\n\nAn argued piece, with commas, at length.");
  g_assert_cmpstr (lectern_extract_get_text (form), ==,
                   "One paragraph of the article.\n\nAnother one.\n\nA third.");
  g_assert_cmpstr (lectern_extract_get_text (hidden), ==, "Shown by a script.");
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) html = g_string_new ("<body><p>Before.</p>");
  g_autoptr(LecternExtract) extract = NULL;
  GPtrArray *warnings;

  for (guint i = 0; i < 5000; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "Deep.");
  for (guint i = 0; i < 5000; i++)
    g_string_append (html, "</div>");
  g_string_append (html, "<p>After.</p></body>");

  extract = read_string (html->str);
  /* What lies past the bound is left out, and the user told. */
  g_assert_null (strstr (lectern_extract_get_text (extract), "Deep."));
  g_assert_nonnull (strstr (lectern_extract_get_text (extract), "Before."));
  warnings = lectern_extract_get_warnings (extract);
  g_assert_cmpuint (warnings->len, ==, 1);
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("<p>Text.</p>", 12);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = NULL;

  g_cancellable_cancel (cancellable);
  extracts = lectern_html_reader_read (bytes, "page.html", cancellable, &error);
  g_assert_null (extracts);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-reader/news-page", test_news_page);
  g_test_add_func ("/html-reader/windows-1252-undeclared", test_windows_1252_undeclared);
  g_test_add_func ("/html-reader/declared-encodings", test_declared_encodings);
  g_test_add_func ("/html-reader/pandoc-page", test_pandoc_page);
  g_test_add_func ("/html-reader/empty-page", test_empty_page);
  g_test_add_func ("/html-reader/title-and-metadata", test_title_and_metadata);
  g_test_add_func ("/html-reader/blocks", test_blocks);
  g_test_add_func ("/html-reader/nested-blocks", test_nested_blocks);
  g_test_add_func ("/html-reader/page-wrappers", test_page_wrappers);
  g_test_add_func ("/html-reader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/html-reader/cancelled", test_cancelled);

  return g_test_run ();
}
