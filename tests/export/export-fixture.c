/* export-fixture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "export-fixture.h"

char *
fixture_path (const char *name)
{
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

char *
fixture_xsd_path (void)
{
  const char *source_dir = g_getenv ("LECTERN_SOURCE_DIR");
  char *path;

  if (source_dir == NULL)
    return NULL;
  path = g_build_filename (source_dir, "..", "shared", "standards", "refi-qda", "Project.xsd", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);
  return path;
}

static gint64
tag (LecternProject *project,
     gint64         parent,
     const char    *name,
     const char    *colour)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = lectern_project_add_tag (project, parent, name, colour, &error);

  g_assert_no_error (error);
  return lectern_tag_get_id (tag);
}

static void
annotate (Fixture      *fixture,
          gint64        document,
          const char   *text,
          const char   *quote,
          const gint64 *tags,
          guint         n_tags,
          const char   *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  const char *at = strstr (text, quote);
  glong start, end;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  end = start + g_utf8_strlen (quote, -1);
  annotation = lectern_project_add_annotation (fixture->project, document, start, end, tags, n_tags, note, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_annotation_get_quote (annotation), ==, quote);
  fixture->n_annotations++;
}

void
fixture_init (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternDocument) doc1 = lectern_document_new ();
  g_autoptr(LecternDocument) doc2 = lectern_document_new ();
  g_autofree char *text2 = lectern_text_normalize (FIXTURE_TEXT_2, -1);

  memset (fixture, 0, sizeof *fixture);
  fixture->project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  lectern_project_set_author (fixture->project, "Ana Lyst");

  lectern_document_set_title (doc1, FIXTURE_TITLE_1);
  lectern_document_set_source (doc1, "Le Monde, \"Idées\"");
  lectern_document_set_author (doc1, "A. Dupont");
  lectern_document_set_date (doc1, "2025-04-26");
  lectern_document_set_language (doc1, "fr");
  lectern_document_set_variable (doc1, "country", "France");
  lectern_document_set_variable (doc1, "interviewee", "<i>Jean</i>, \"J\"");
  fixture->doc1 = lectern_project_add_document (fixture->project, doc1, FIXTURE_TEXT_1, &error);
  g_assert_no_error (error);

  lectern_document_set_title (doc2, FIXTURE_TITLE_2);
  lectern_document_set_date (doc2, "2021-11-12");
  lectern_document_set_language (doc2, "en");
  lectern_document_set_variable (doc2, "country", "United Kingdom");
  lectern_document_set_variable (doc2, "=risk", "-danger");
  fixture->doc2 = lectern_project_add_document (fixture->project, doc2, text2, &error);
  g_assert_no_error (error);

  fixture->security = tag (fixture->project, 0, "Security", "#e01b24");
  fixture->europe = tag (fixture->project, fixture->security, "Europe", "#2ec27e");
  fixture->diplomacy = tag (fixture->project, 0, "Diplomacy", "#3584e4");
  fixture->formula = tag (fixture->project, 0, "=Formula", "#ff7800");
  fixture->slashed = tag (fixture->project, fixture->diplomacy, "a/b", "#9141ac");
  g_assert_true (lectern_project_set_tag_description (fixture->project, fixture->security,
                                                     "Threats & <defence>", &error));
  g_assert_no_error (error);
  g_assert_true (lectern_project_set_memo (fixture->project, LECTERN_MEMO_TAG, fixture->diplomacy,
                                          "Memo on diplomacy: \"talks\"", &error));
  g_assert_true (lectern_project_set_memo (fixture->project, LECTERN_MEMO_DOCUMENT, fixture->doc1,
                                          "Memo on the report\nwith two lines", &error));
  g_assert_true (lectern_project_set_memo (fixture->project, LECTERN_MEMO_PROJECT, 0,
                                          "Project memo 🙂", &error));
  g_assert_no_error (error);

  annotate (fixture, fixture->doc1, FIXTURE_TEXT_1, "sécurité européenne",
            (gint64[]) { fixture->europe, fixture->diplomacy }, 2, FIXTURE_NOTE_SCRIPT);
  /* Overlaps the first, and holds an emoji flag (two code points). */
  annotate (fixture, fixture->doc1, FIXTURE_TEXT_1, "européenne 🇫🇷 est",
            (gint64[]) { fixture->security }, 1, FIXTURE_NOTE_FORMULA);
  annotate (fixture, fixture->doc1, FIXTURE_TEXT_1, "=cmd|' /C calc'!A0",
            (gint64[]) { fixture->formula }, 1, "+1-2");
  annotate (fixture, fixture->doc1, FIXTURE_TEXT_1, "<b>Pango</b> and a javascript:alert(1) link",
            NULL, 0, "@SUM(A1)\tTab");
  annotate (fixture, fixture->doc1, FIXTURE_TEXT_1, "- a list-like line\n1. numbered & [bracketed](javascript:alert(2))",
            (gint64[]) { fixture->slashed }, 1, NULL);
  annotate (fixture, fixture->doc2, text2, "'security'",
            (gint64[]) { fixture->security, fixture->europe }, 2, "Quote \"inside\"\r\nand CR");
  annotate (fixture, fixture->doc2, text2, "café",
            (gint64[]) { fixture->diplomacy }, 1, "");
}

void
fixture_clear (Fixture *fixture)
{
  g_clear_object (&fixture->project);
}

static gint64
paged_annotation (Fixture    *fixture,
                  gint64      document,
                  guint       start,
                  guint       end,
                  const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;

  annotation = lectern_project_add_annotation (fixture->project, document, start, end, NULL, 0, note, &error);
  g_assert_no_error (error);
  fixture->n_annotations++;
  return lectern_annotation_get_id (annotation);
}

void
fixture_add_paged (Fixture      *fixture,
                   const char   *format,
                   PagedFixture *paged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GArray) structure = lectern_structure_new ();
  g_autoptr(GBytes) original = g_bytes_new_static ("%PDF-1.4\n", 9);

  lectern_document_set_title (document, PAGED_TITLE);
  lectern_document_set_date (document, "2025-03-14");
  paged->document = lectern_project_add_document (fixture->project, document, PAGED_TEXT, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_project_set_document_original (fixture->project, paged->document, format,
                                                       original, &error));
  g_assert_no_error (error);

  lectern_structure_add (structure, 0, 100, LECTERN_STRUCTURE_KIND_PAGE, "11");
  lectern_structure_add (structure, 100, 200, LECTERN_STRUCTURE_KIND_PAGE, "12");
  lectern_structure_add (structure, 0, 150, LECTERN_STRUCTURE_KIND_TURN, "Sergey Lavrov");
  lectern_structure_add (structure, 0, 50, LECTERN_STRUCTURE_KIND_TIME, "00:12:31");
  lectern_structure_add (structure, 0, 49, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
  g_assert_true (lectern_project_set_document_structure (fixture->project, paged->document, structure, &error));
  g_assert_no_error (error);

  paged->on_page = paged_annotation (fixture, paged->document, 20, 40, "on page");
  paged->across = paged_annotation (fixture, paged->document, 80, 120, "across");
  paged->outside = paged_annotation (fixture, paged->document, 210, 230, "outside");
}
