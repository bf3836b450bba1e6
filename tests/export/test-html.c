/* test-html.c — the HTML page parses cleanly, and hostile text is only
 * ever text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

#include "export-fixture.h"
#include "export-fixture-stream.h"

static void
count_error (void        *data,
             xmlErrorPtr  error)
{
  guint *n_errors = data;

  g_test_message ("HTML parser: %s", error->message);
  (*n_errors)++;
}

static htmlDocPtr
parse_html (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  guint n_errors = 0;
  htmlDocPtr doc;

  xmlSetStructuredErrorFunc (&n_errors, count_error);
  doc = htmlReadMemory (data, length, "export.html", "UTF-8", HTML_PARSE_NONET);
  xmlSetStructuredErrorFunc (NULL, NULL);
  g_assert_nonnull (doc);
  g_assert_cmpuint (n_errors, ==, 0);
  return doc;
}

typedef struct
{
  guint    n_highlights;
  guint    n_margin_notes;
  gboolean europe_colour;
} Census;

/* Walks every element: no script, no link, no event handler, no
 * javascript: anywhere in an attribute. */
static void
inspect (xmlNodePtr  node,
         Census     *census)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      g_assert_cmpstr ((const char *) node->name, !=, "script");
      g_assert_cmpstr ((const char *) node->name, !=, "a");
      g_assert_cmpstr ((const char *) node->name, !=, "b");
      g_assert_cmpstr ((const char *) node->name, !=, "i");
      for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
        {
          xmlChar *value = xmlNodeGetContent ((xmlNodePtr) attr);
          g_autofree char *lower = g_ascii_strdown ((const char *) value, -1);

          g_assert_false (g_str_has_prefix ((const char *) attr->name, "on"));
          g_assert_null (strstr (lower, "javascript:"));
          if (g_str_equal (attr->name, "class") && g_str_equal (lower, "hl"))
            census->n_highlights++;
          if (g_str_equal (attr->name, "class") && g_str_equal (lower, "margin-note"))
            census->n_margin_notes++;
          if (g_str_equal (attr->name, "style") && strstr (lower, "rgba(46,194,126,") != NULL)
            census->europe_colour = TRUE;
          xmlFree (value);
        }
      inspect (node->children, census);
    }
}

/* Drops the note numbers set after passages, to read the bare text. */
static void
drop_refs (xmlNodePtr node)
{
  while (node != NULL)
    {
      xmlNodePtr next = node->next;

      if (node->type == XML_ELEMENT_NODE && g_str_equal (node->name, "sup"))
        {
          xmlUnlinkNode (node);
          xmlFreeNode (node);
        }
      else
        drop_refs (node->children);
      node = next;
    }
}

static char *
body_text (htmlDocPtr doc)
{
  xmlChar *content = xmlNodeGetContent (xmlDocGetRootElement (doc));
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}

/* The text of every <p class="citation">, in document order. */
static void
collect_citations (xmlNodePtr  node,
                   GPtrArray  *citations)
{
  for (; node != NULL; node = node->next)
    {
      xmlChar *class;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      class = xmlGetProp (node, (const xmlChar *) "class");
      if (class != NULL && g_str_equal (node->name, "p") && g_str_equal (class, "citation"))
        {
          xmlChar *content = xmlNodeGetContent (node);

          g_ptr_array_add (citations, g_strdup ((const char *) content));
          xmlFree (content);
        }
      xmlFree (class);
      collect_citations (node->children, citations);
    }
}

/* Citations by page and by speaker, the Markdown's lines. */
static void
test_pages (void)
{
  Fixture fixture;
  PagedFixture paged;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_HTML);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) citations = g_ptr_array_new_with_free_func (g_free);
  htmlDocPtr doc;

  fixture_init (&fixture, "paged.lectern");
  fixture_add_paged (&fixture, "pdf", &paged);
  lectern_export_options_add_document_id (options, paged.document);
  bytes = fixture_export (fixture.project, options);
  doc = parse_html (bytes);
  collect_citations (xmlDocGetRootElement (doc), citations);

  g_assert_cmpuint (citations->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (citations, 0), ==,
                   "Sergey Lavrov, 00:12:31, Hearing, 14 March 2025, p. 11, ¶ 1");
  g_assert_cmpstr (g_ptr_array_index (citations, 1), ==,
                   "Sergey Lavrov, Hearing, 14 March 2025, pp. 11–12, ¶¶ 2–3");
  g_assert_cmpstr (g_ptr_array_index (citations, 2), ==, "Hearing, 14 March 2025, ¶ 5");
  xmlFreeDoc (doc);
  fixture_clear (&fixture);
}

static void
test_notes (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_HTML);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  Census census = { 0 };
  htmlDocPtr doc;

  fixture_init (&fixture, "page.lectern");
  lectern_export_options_set_title (options, "<img src=x onerror=alert(1)>");
  bytes = fixture_export (fixture.project, options);
  doc = parse_html (bytes);
  inspect (xmlDocGetRootElement (doc), &census);
  text = body_text (doc);

  /* The hostile strings are all there, as text. */
  g_assert_nonnull (strstr (text, "<img src=x onerror=alert(1)>"));
  g_assert_nonnull (strstr (text, FIXTURE_TITLE_1));
  g_assert_nonnull (strstr (text, FIXTURE_NOTE_SCRIPT));
  g_assert_nonnull (strstr (text, FIXTURE_NOTE_FORMULA));
  g_assert_nonnull (strstr (text, "<b>Pango</b> and a javascript:alert(1) link"));
  g_assert_nonnull (strstr (text, "Diplomacy/a\\/b"));
  /* Citations by paragraph: one paragraph, and a passage across two. */
  g_assert_nonnull (strstr (text, "Le Monde, \"Idées\", ¶ 2"));
  g_assert_nonnull (strstr (text, "¶¶ 4–5"));
  g_assert_null (strstr (text, "characters"));
  g_assert_cmpuint (census.n_highlights, ==, 0);

  /* Dates in full, as a reader writes them: the document's in its
   * citation, today's in the header. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *month = g_date_time_format (now, "%B");
    g_autofree char *today = g_strdup_printf ("Exported from Lectern on %d %s %d",
                                              g_date_time_get_day_of_month (now), month,
                                              g_date_time_get_year (now));

    g_assert_nonnull (strstr (text, "26 April 2025"));
    g_assert_null (strstr (text, "2025-04-26"));
    g_assert_nonnull (strstr (text, today));
  }
  xmlFreeDoc (doc);
  fixture_clear (&fixture);
}

static void
test_full_documents (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_HTML);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  Census census = { 0 };
  htmlDocPtr doc;

  fixture_init (&fixture, "full.lectern");
  lectern_export_options_set_html_full_documents (options, TRUE);
  lectern_export_options_add_document_id (options, fixture.doc1);
  bytes = fixture_export (fixture.project, options);
  doc = parse_html (bytes);
  inspect (xmlDocGetRootElement (doc), &census);
  drop_refs (xmlDocGetRootElement (doc));
  text = body_text (doc);

  /* Each paragraph of the text, whole, highlights and all. */
  g_assert_nonnull (strstr (text, "Première ligne : la sécurité européenne 🇫🇷 est en jeu.\n"
                                  "=cmd|' /C calc'!A0 apparaît dans le texte."));
  g_assert_nonnull (strstr (text, "- a list-like line\n1. numbered & [bracketed](javascript:alert(2))"));
  /* Overlapping passages are cut into pieces, each highlighted. */
  g_assert_cmpuint (census.n_highlights, >=, 6);
  g_assert_true (census.europe_colour);
  /* Four of the document's passages carry a note. */
  g_assert_cmpuint (census.n_margin_notes, ==, 4);
  /* The other document is filtered out. */
  g_assert_null (strstr (text, FIXTURE_TITLE_2));
  xmlFreeDoc (doc);
  fixture_clear (&fixture);
}

/* A text changed since import: the full document and its citations say
 * which version they show. */
static void
test_version (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_HTML);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  glong length = g_utf8_strlen (FIXTURE_TEXT_1, -1);

  fixture_init (&fixture, "version-html.lectern");
  g_assert_true (lectern_project_edit_text (fixture.project, fixture.doc1, length, length, "Added.\n", NULL, &error));
  g_assert_no_error (error);
  lectern_export_options_set_html_full_documents (options, TRUE);
  lectern_export_options_add_document_id (options, fixture.doc1);
  bytes = fixture_export (fixture.project, options);
  html = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (html, "<p class=\"text-version\">Text version 2</p>"));
  g_assert_nonnull (strstr (html, "text version 2, ¶ 1"));
  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/Html/notes", test_notes);
  g_test_add_func ("/Lectern/Html/full-documents", test_full_documents);
  g_test_add_func ("/Lectern/Html/pages", test_pages);
  g_test_add_func ("/Lectern/Html/version", test_version);
  return g_test_run ();
}
