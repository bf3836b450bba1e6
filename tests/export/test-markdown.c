/* test-markdown.c — Markdown notes: outline, block quotes, citations and
 * escaping that Pandoc reads back as the very text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "export-fixture.h"
#include "export-fixture-stream.h"
#include "lectern-export-writers-private.h"

/* Pandoc's reading of a backslash escape: "\x" is x for ASCII
 * punctuation, "\ " a non-breaking space. */
static char *
unescape (const char *text)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0' && (g_ascii_ispunct (p[1]) || p[1] == ' '))
        p++;
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

static void
test_escape (void)
{
  static const char * const samples[] = {
    FIXTURE_TITLE_1,
    FIXTURE_NOTE_SCRIPT,
    FIXTURE_NOTE_FORMULA,
    "- a list-like line\n1. numbered\n+ plus\n# heading\n> quote\n=====\n12) paren",
    "*emphasis* _under_ `code` [link](javascript:alert(1)) ![img](x) <http://x> &amp; @cite $math$ ~sub~ ^sup^ {#id}",
    "Café 🇫🇷 \"quotes\" | table | \\ backslash",
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *escaped = _lectern_markdown_escape (samples[i]);
      g_autofree char *plain = unescape (escaped);
      g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);

      g_assert_cmpstr (plain, ==, samples[i]);
      /* No unescaped markup character is left. */
      for (const char *p = escaped; *p != '\0'; p++)
        {
          if (*p == '\\')
            {
              p++;
              continue;
            }
          g_assert_null (strchr ("<>[]*_`#&@$~^{}|!()", *p));
        }
      /* No line starts a list, a heading, a quote or a setext underline. */
      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_assert_null (strchr ("-+=#>*", lines[j][0] != '\0' ? lines[j][0] : 'x'));
          g_assert_false (g_regex_match_simple ("^[0-9]+[.)]", lines[j], 0, 0));
        }
    }
}

static void
test_by_document (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_MARKDOWN);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *title_heading = NULL;
  g_autofree char *escaped_title = _lectern_markdown_escape (FIXTURE_TITLE_1);
  const char *md;

  fixture_init (&fixture, "notes.lectern");
  lectern_export_options_set_title (options, "My <notes>");
  bytes = fixture_export (fixture.project, options);
  md = g_bytes_get_data (bytes, NULL);

  g_assert_true (g_str_has_prefix (md, "# My \\<notes\\>\n\n"));
  title_heading = g_strdup_printf ("\n## %s\n\n", escaped_title);
  g_assert_nonnull (strstr (md, title_heading));
  g_assert_nonnull (strstr (md, "\n## Interview transcript\n\n"));
  /* Document 1 before document 2. */
  g_assert_true (strstr (md, title_heading) < strstr (md, "## Interview transcript"));

  /* Passages as block quotes, multi-line ones with hard breaks. */
  g_assert_nonnull (strstr (md, "\n> sécurité européenne\n"));
  g_assert_nonnull (strstr (md, "\n> \\- a list-like line\\\n> 1\\. numbered \\& \\[bracketed\\]"));
  /* Tags, notes and the citation line. */
  g_assert_nonnull (strstr (md, "Tags: *Security/Europe*, *Diplomacy*\n"));
  g_assert_nonnull (strstr (md, "Tags: *Diplomacy/a\\\\/b*\n"));
  g_assert_nonnull (strstr (md, "**Note:**\n\n\\<script\\>alert\\(\\\"x\\\"\\)\\</script\\>"));
  {
    /* Passages are cited by paragraph (blank lines do not count), never
     * by character offsets that no reader can find. */
    g_autofree char *citation =
      g_strdup_printf ("\n— %s, 26 April 2025, Le Monde, \\\"Idées\\\", ¶ 1\n\n", escaped_title);
    g_autofree char *across =
      g_strdup_printf ("\n— %s, 26 April 2025, Le Monde, \\\"Idées\\\", ¶¶ 4–5\n\n", escaped_title);

    g_assert_nonnull (strstr (md, citation));
    g_assert_nonnull (strstr (md, across));
    g_assert_null (strstr (md, "characters"));
  }
  /* Nothing hostile reaches the page raw. */
  g_assert_null (strstr (md, "<script>"));
  g_assert_null (strstr (md, "](javascript:"));
  fixture_clear (&fixture);
}

/* A paged source is cited by page, a transcript's passage by its speaker
 * and time. */
static void
test_pages (void)
{
  Fixture fixture;
  PagedFixture paged;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_MARKDOWN);
  g_autoptr(GBytes) bytes = NULL;
  const char *md;

  fixture_init (&fixture, "paged.lectern");
  fixture_add_paged (&fixture, "pdf", &paged);
  lectern_export_options_add_document_id (options, paged.document);
  bytes = fixture_export (fixture.project, options);
  md = g_bytes_get_data (bytes, NULL);

  g_assert_cmpstr (md, ==,
                   "# paged\n"
                   "\n"
                   "## Hearing\n"
                   "\n"
                   "> members on energy co\n"
                   "\n"
                   "**Note:**\n"
                   "\n"
                   "on page\n"
                   "\n"
                   "— Sergey Lavrov, 00:12:31, Hearing, 14 March 2025, p. 11, ¶ 1\n"
                   "\n"
                   "> \\ budget policy hear\\\n"
                   "> L3 heard security wh\n"
                   "\n"
                   "**Note:**\n"
                   "\n"
                   "across\n"
                   "\n"
                   "— Sergey Lavrov, Hearing, 14 March 2025, pp. 11–12, ¶¶ 2–3\n"
                   "\n"
                   "> rade asked budget po\n"
                   "\n"
                   "**Note:**\n"
                   "\n"
                   "outside\n"
                   "\n"
                   "— Hearing, 14 March 2025, ¶ 5\n"
                   "\n");
  fixture_clear (&fixture);
}

/* Two versions with one title: the headings tell them apart by date. */
static void
test_same_title (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_MARKDOWN);
  g_autoptr(LecternDocument) doc = lectern_document_new ();
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  const char *md;

  fixture_init (&fixture, "versions.lectern");
  lectern_document_set_title (doc, FIXTURE_TITLE_2);
  lectern_document_set_date (doc, "2025-05-02");
  id = lectern_project_add_document (fixture.project, doc, "Q: And now?\nA: Still security.\n", &error);
  g_assert_no_error (error);
  annotation = lectern_project_add_annotation (fixture.project, id, 12, 20, &fixture.security, 1, NULL, &error);
  g_assert_no_error (error);
  bytes = fixture_export (fixture.project, options);
  md = g_bytes_get_data (bytes, NULL);

  g_assert_nonnull (strstr (md, "\n## Interview transcript — 12 November 2021\n\n"));
  g_assert_nonnull (strstr (md, "\n## Interview transcript — 2 May 2025\n\n"));
  g_assert_null (strstr (md, "\n## Interview transcript\n"));
  fixture_clear (&fixture);
}

static void
test_by_tag (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_MARKDOWN);
  g_autoptr(GBytes) bytes = NULL;
  const char *md;
  const char *security, *europe, *diplomacy, *slashed, *formula, *untagged;

  fixture_init (&fixture, "tags.lectern");
  lectern_export_options_set_group_by (options, LECTERN_EXPORT_GROUP_BY_TAG);
  bytes = fixture_export (fixture.project, options);
  md = g_bytes_get_data (bytes, NULL);

  security = strstr (md, "\n## Security\n");
  europe = strstr (md, "\n### Europe\n");
  diplomacy = strstr (md, "\n## Diplomacy\n");
  slashed = strstr (md, "\n### a/b\n");
  formula = strstr (md, "\n## \\=Formula\n");
  untagged = strstr (md, "\n## Without a tag\n");
  g_assert_nonnull (security);
  g_assert_nonnull (europe);
  g_assert_nonnull (diplomacy);
  g_assert_nonnull (slashed);
  g_assert_nonnull (formula);
  g_assert_nonnull (untagged);
  /* Sub-tags nest under their parent. */
  g_assert_true (security < europe);
  g_assert_true (diplomacy < slashed);
  /* "sécurité européenne" is listed under each of its two tags. */
  g_assert_nonnull (strstr (europe, "> sécurité européenne"));
  g_assert_nonnull (strstr (diplomacy, "> sécurité européenne"));
  g_assert_nonnull (strstr (untagged, "\\<b\\>Pango\\</b\\>"));
  fixture_clear (&fixture);
}

/* Pandoc, where installed, reads the notes back as plain text with every
 * hostile string intact and no raw HTML. */
static void
test_pandoc (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_MARKDOWN);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *pandoc = g_find_program_in_path ("pandoc");
  g_autofree char *path = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (pandoc == NULL)
    {
      g_test_skip ("pandoc is not installed");
      return;
    }
  fixture_init (&fixture, "pandoc.lectern");
  bytes = fixture_export (fixture.project, options);
  path = fixture_path ("notes.md");
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char *[]) { pandoc, "-f", "markdown", "-t", "html", path, NULL },
                               NULL, G_SPAWN_DEFAULT, NULL, NULL, &html, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "href=\"javascript:"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  fixture_clear (&fixture);
}

/* Once a text was changed, its citations say which version their pages
 * and paragraphs are in (the current one); a text never changed is cited
 * as before (test_pages). */
static void
test_version (void)
{
  Fixture fixture;
  PagedFixture paged;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_MARKDOWN);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *md;

  fixture_init (&fixture, "version.lectern");
  fixture_add_paged (&fixture, "pdf", &paged);
  /* Words added after every passage. */
  g_assert_true (lectern_project_edit_text (fixture.project, paged.document, 300, 300, "L7 appended\n", NULL, &error));
  g_assert_no_error (error);
  lectern_export_options_add_document_id (options, paged.document);
  bytes = fixture_export (fixture.project, options);
  md = g_bytes_get_data (bytes, NULL);

  g_assert_nonnull (strstr (md, "— Sergey Lavrov, 00:12:31, Hearing, 14 March 2025, text version 2, p. 11, ¶ 1\n"));
  g_assert_nonnull (strstr (md, "— Hearing, 14 March 2025, text version 2, ¶ 5\n"));
  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/Markdown/escape", test_escape);
  g_test_add_func ("/Lectern/Markdown/by-document", test_by_document);
  g_test_add_func ("/Lectern/Markdown/by-tag", test_by_tag);
  g_test_add_func ("/Lectern/Markdown/same-title", test_same_title);
  g_test_add_func ("/Lectern/Markdown/pages", test_pages);
  g_test_add_func ("/Lectern/Markdown/version", test_version);
  g_test_add_func ("/Lectern/Markdown/pandoc", test_pandoc);
  return g_test_run ();
}
