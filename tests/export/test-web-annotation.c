/* test-web-annotation.c — W3C Web Annotation JSON-LD out and back in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "export-fixture.h"
#include "lectern-export.h"
#include "lectern-import.h"

static char *
export_json (LecternProject        *project,
             LecternExportOptions *options)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (lectern_export_to_stream (project, options, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static JsonArray *
items_of (JsonNode *root)
{
  JsonObject *collection = json_node_get_object (root);
  JsonObject *page;

  g_assert_cmpstr (json_object_get_string_member (collection, "@context"), ==,
                   "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (collection, "type"), ==, "AnnotationCollection");
  page = json_object_get_object_member (collection, "first");
  g_assert_nonnull (page);
  g_assert_cmpstr (json_object_get_string_member (page, "type"), ==, "AnnotationPage");
  return json_object_get_array_member (page, "items");
}

static JsonObject *
find_selector (JsonObject *target,
               const char *type)
{
  JsonArray *selectors = json_object_get_array_member (target, "selector");

  for (guint i = 0; i < json_array_get_length (selectors); i++)
    {
      JsonObject *selector = json_array_get_object_element (selectors, i);

      if (g_strcmp0 (json_object_get_string_member (selector, "type"), type) == 0)
        return selector;
    }
  return NULL;
}

/* Every annotation comes out with its selectors, tags, note and creator. */
static void
test_export_structure (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  JsonArray *items;

  fixture_init (&fixture, "json.lectern");
  json = export_json (fixture.project, options);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  items = items_of (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (items), ==, fixture.n_annotations);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), "total"),
                   ==, fixture.n_annotations);

  annotations = lectern_project_list_annotations (fixture.project, 0, 0, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (annotations, i);
      g_autoptr(LecternDocument) document =
        lectern_project_dup_document (fixture.project, lectern_annotation_get_document_id (annotation), NULL);
      g_autofree char *urn = g_strconcat ("urn:lectern:document:", lectern_document_get_content_hash (document), NULL);
      JsonObject *item = json_array_get_object_element (items, i);
      JsonObject *target = json_object_get_object_member (item, "target");
      JsonObject *source = json_object_get_object_member (target, "source");
      JsonObject *quote = find_selector (target, "TextQuoteSelector");
      JsonObject *position = find_selector (target, "TextPositionSelector");
      JsonArray *bodies = json_object_get_array_member (item, "body");
      const char *note = lectern_annotation_get_note (annotation);
      guint n_tags, n_tagging = 0, n_commenting = 0;
      const gint64 *tag_ids = lectern_annotation_get_tag_ids (annotation, &n_tags);

      g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "Annotation");
      g_assert_cmpstr (json_object_get_string_member (source, "id"), ==, urn);
      g_assert_cmpstr (json_object_get_string_member (source, "title"), ==, lectern_document_get_title (document));
      g_assert_nonnull (quote);
      g_assert_nonnull (position);
      g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==, lectern_annotation_get_quote (annotation));
      g_assert_cmpstr (json_object_get_string_member (quote, "prefix"), ==, lectern_annotation_get_prefix (annotation));
      g_assert_cmpstr (json_object_get_string_member (quote, "suffix"), ==, lectern_annotation_get_suffix (annotation));
      g_assert_cmpint (json_object_get_int_member (position, "start"), ==, lectern_annotation_get_start (annotation));
      g_assert_cmpint (json_object_get_int_member (position, "end"), ==, lectern_annotation_get_end (annotation));
      /* The paragraphs, as rdfs:label of the target. */
      if (g_str_has_prefix (lectern_annotation_get_quote (annotation), "- a list-like line"))
        g_assert_cmpstr (json_object_get_string_member (target, "label"), ==, "¶¶ 4–5");
      else
        g_assert_true (g_str_has_prefix (json_object_get_string_member (target, "label"), "¶ "));
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "creator"), "name"),
                       ==, "Ana Lyst");
      g_assert_true (json_object_has_member (item, "created"));
      g_assert_true (json_object_has_member (item, "modified"));

      for (guint j = 0; j < json_array_get_length (bodies); j++)
        {
          JsonObject *body = json_array_get_object_element (bodies, j);
          const char *purpose = json_object_get_string_member (body, "purpose");

          g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "TextualBody");
          if (g_strcmp0 (purpose, "tagging") == 0)
            {
              g_autoptr(LecternTag) tag = lectern_project_dup_tag (fixture.project, tag_ids[n_tagging], NULL);

              g_assert_cmpstr (json_object_get_string_member (body, "value"), ==, lectern_tag_get_path (tag));
              n_tagging++;
            }
          else
            {
              g_assert_cmpstr (purpose, ==, "commenting");
              g_assert_cmpstr (json_object_get_string_member (body, "value"), ==, note);
              n_commenting++;
            }
        }
      g_assert_cmpuint (n_tagging, ==, n_tags);
      g_assert_cmpuint (n_commenting, ==, note != NULL && *note != '\0' ? 1 : 0);
    }

  /* The position selector counts code points: the flag is two. */
  g_assert_nonnull (strstr (json, "\"exact\" : \"européenne 🇫🇷 est\""));
  /* The nested tag keeps its escaped path. */
  g_assert_nonnull (strstr (json, "\"value\" : \"Diplomacy/a\\\\/b\""));
  fixture_clear (&fixture);
}

static LecternProject *
fresh_project (const char *name,
              const char *text1,
              const char *text2)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternDocument) doc1 = lectern_document_new ();
  g_autoptr(LecternDocument) doc2 = lectern_document_new ();
  LecternProject *project = lectern_project_create (file, &error);

  g_assert_no_error (error);
  lectern_document_set_title (doc1, FIXTURE_TITLE_1);
  lectern_project_add_document (project, doc1, text1, &error);
  g_assert_no_error (error);
  lectern_document_set_title (doc2, FIXTURE_TITLE_2);
  lectern_project_add_document (project, doc2, text2, &error);
  g_assert_no_error (error);
  return project;
}

/* Annotation text as "DOCTITLE|quote|tag,tag|note|author" for comparison. */
static GPtrArray *
describe_annotations (LecternProject *project)
{
  g_autoptr(GListModel) annotations = lectern_project_list_annotations (project, 0, 0, FALSE, NULL);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (annotations, i);
      g_autoptr(LecternDocument) document =
        lectern_project_dup_document (project, lectern_annotation_get_document_id (annotation), NULL);
      g_autoptr(GString) line = g_string_new (NULL);
      guint n_tags;
      const gint64 *tag_ids = lectern_annotation_get_tag_ids (annotation, &n_tags);

      g_string_append_printf (line, "%s|%s|", lectern_document_get_title (document),
                              lectern_annotation_get_quote (annotation));
      for (guint j = 0; j < n_tags; j++)
        {
          g_autoptr(LecternTag) tag = lectern_project_dup_tag (project, tag_ids[j], NULL);

          g_string_append_printf (line, "%s,", lectern_tag_get_path (tag));
        }
      g_string_append_printf (line, "|%s|%s", lectern_annotation_get_note (annotation),
                              lectern_annotation_get_author (annotation));
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  return lines;
}

static void
assert_same_lines (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

/* The reader puts the same annotations into a project with the same texts,
 * creating the tags; reading the file again adds nothing. */
static void
test_round_trip (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_JSON);
  g_autoptr(LecternProject) fresh = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *path = fixture_path ("annotations.jsonld");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint n_added = 0;

  fixture_init (&fixture, "json-source.lectern");
  json = export_json (fixture.project, options);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  text2 = lectern_project_dup_text (fixture.project, fixture.doc2, NULL);

  fresh = fresh_project ("json-target.lectern", FIXTURE_TEXT_1, text2);
  g_assert_true (lectern_web_annotation_import (fresh, file, &n_added, &problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (n_added, ==, fixture.n_annotations);

  before = describe_annotations (fixture.project);
  after = describe_annotations (fresh);
  assert_same_lines (before, after);
  {
    g_autoptr(LecternTag) tag = lectern_project_find_tag (fresh, "Diplomacy/a\\/b", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (lectern_tag_get_name (tag), ==, "a/b");
  }

  /* Again: each annotation is already there. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_true (lectern_web_annotation_import (fresh, file, &n_added, &problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (problems->len, ==, fixture.n_annotations);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = describe_annotations (fresh);
  assert_same_lines (before, after);

  fixture_clear (&fixture);
}

/* Texts that changed: found by title, re-anchored by quote and context;
 * a quote no longer there is reported, the others still come in. */
static void
test_reanchor (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_JSON);
  g_autoptr(LecternProject) fresh = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  guint n_added = 0;

  fixture_init (&fixture, "anchor-source.lectern");
  json = export_json (fixture.project, options);
  /* Text 1 gains a line at the top; text 2 loses "'security'". */
  fresh = fresh_project ("anchor-target.lectern",
                        "A new first line moves every offset.\n" FIXTURE_TEXT_1,
                        "Q: What about it?\nA: It matters — a lot. café is not NFC but café is.\n");
  g_assert_true (lectern_web_annotation_import_data (fresh, json, -1, "annotations.jsonld",
                                                     &n_added, &problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, fixture.n_annotations - 1);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "Interview transcript"));

  annotations = lectern_project_list_annotations (fresh, 0, 0, FALSE, &error);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (g_str_equal (lectern_annotation_get_quote (annotation), "sécurité européenne"))
        g_assert_cmpint (lectern_annotation_get_start (annotation), ==,
                         g_utf8_strlen ("A new first line moves every offset.\nPremière ligne : la ", -1));
    }
  fixture_clear (&fixture);
}

static void
test_refuses_non_annotations (void)
{
  Fixture fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) annotations = NULL;

  fixture_init (&fixture, "refuse.lectern");
  g_assert_false (lectern_web_annotation_import_data (fixture.project, "{\"not\": ", -1, "broken.json",
                                                      NULL, NULL, NULL, &error));
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "broken.json"));
  g_clear_error (&error);
  g_assert_false (lectern_web_annotation_import_data (fixture.project, "{\"type\": \"Person\"}", -1, "person.json",
                                                      NULL, NULL, NULL, &error));
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID);
  annotations = lectern_project_list_annotations (fixture.project, 0, 0, FALSE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, fixture.n_annotations);
  fixture_clear (&fixture);
}

/* 100,000 nested arrays: json-glib recurses once per level and ran out of
 * stack. Refused before it parses, naming the file and the bound. */
static void
test_deep_nesting (void)
{
  Fixture fixture;
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = g_malloc (100000 + 1);
  g_autofree char *bound = g_strdup_printf ("%d", LECTERN_WEB_ANNOTATION_MAX_DEPTH);
  g_autofree char *fine = NULL;

  fixture_init (&fixture, "deep.lectern");
  memset (deep, '[', 100000);
  deep[100000] = '\0';
  g_assert_false (lectern_web_annotation_import_data (fixture.project, deep, -1, "deep.json",
                                                      NULL, NULL, NULL, &error));
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "deep.json"));
  g_assert_nonnull (strstr (error->message, bound));
  g_clear_error (&error);

  /* Brackets inside strings are text, not nesting. */
  fine = g_strdup_printf ("[{\"type\": \"Annotation\", \"bodyValue\": \"%s\"}]", deep + 100000 - 200);
  g_assert_true (lectern_web_annotation_import_data (fixture.project, fine, -1, "fine.json",
                                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  fixture_clear (&fixture);
}

/* What is not a file is refused by its type, at once: a device would be
 * read without end, a pipe nobody writes to would block the open. */
static void
test_not_a_file (void)
{
  Fixture fixture;
  g_autofree char *fifo = fixture_path ("pipe.json");
  const char *paths[] = { "/dev/zero", fifo };

  fixture_init (&fixture, "not-a-file.lectern");
  g_assert_no_errno (mkfifo (fifo, 0600));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *base = g_path_get_basename (paths[i]);

      if (!g_file_test (paths[i], G_FILE_TEST_EXISTS))
        continue;
      g_assert_false (lectern_web_annotation_import (fixture.project, file, NULL, NULL, NULL, &error));
      g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, base));
      g_assert_nonnull (strstr (error->message, "not a regular file"));
    }
  fixture_clear (&fixture);
}

/* A tagging body "a/a/…/a" 8,000 levels deep (16 KB) took 26 s to import
 * and 145 MB to list: the path is refused at once, the annotation with
 * it, and no tag is made. */
static void
test_deep_tag_path (void)
{
  Fixture fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GListModel) tags_before = NULL;
  g_autoptr(GListModel) tags_after = NULL;
  g_autoptr(GString) path = g_string_new ("a");
  g_autofree char *json = NULL;
  guint n_added = 99;

  fixture_init (&fixture, "deep-tag.lectern");
  tags_before = lectern_project_list_tags (fixture.project, NULL);
  for (guint i = 1; i < 8000; i++)
    g_string_append (path, "/a");
  json = g_strdup_printf ("{\"type\": \"Annotation\", \"id\": \"deep\","
                          " \"body\": {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"%s\"},"
                          " \"target\": {\"source\": {\"title\": \"" FIXTURE_TITLE_2 "\"},"
                          " \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"matters\"}}}",
                          path->str);
  g_assert_true (lectern_web_annotation_import_data (fixture.project, json, -1, "deep-tag.json",
                                                     &n_added, &problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  g_test_message ("%s", (char *) g_ptr_array_index (problems, 0));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "deep"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "too long"));
  /* The line quotes the start of the path, not all 16 KB of it. */
  g_assert_cmpuint (strlen (g_ptr_array_index (problems, 0)), <, 400);
  tags_after = lectern_project_list_tags (fixture.project, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (tags_after), ==, g_list_model_get_n_items (tags_before));
  fixture_clear (&fixture);
}

/* documents.length edited by hand to say more than the text holds: a
 * position past the text was taken as within it and the text read past
 * its end. Positions are checked against the text itself. */
static void
test_stored_length_lies (void)
{
  Fixture fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GListModel) annotations = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  sqlite3 *db = NULL;
  glong length;
  guint n_added = 99;

  fixture_init (&fixture, "length-lies.lectern");
  text = lectern_project_dup_text (fixture.project, fixture.doc2, NULL);
  length = g_utf8_strlen (text, -1);
  path = g_file_get_path (lectern_project_get_file (fixture.project));
  sql = g_strdup_printf ("UPDATE documents SET length = length + 100000 WHERE id = %" G_GINT64_FORMAT,
                         fixture.doc2);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  json = g_strdup_printf ("{\"type\": \"Annotation\", \"id\": \"past\","
                          " \"target\": {\"source\": {\"title\": \"" FIXTURE_TITLE_2 "\"},"
                          " \"selector\": {\"type\": \"TextPositionSelector\", \"start\": %ld, \"end\": %ld}}}",
                          length + 10, length + 50000);
  g_assert_true (lectern_web_annotation_import_data (fixture.project, json, -1, "past.json",
                                                     &n_added, &problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "past"));
  annotations = lectern_project_list_annotations (fixture.project, 0, 0, FALSE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, fixture.n_annotations);

  /* The core refuses the same range on its own. */
  g_assert_cmpint (lectern_project_insert_annotation (fixture.project, fixture.doc2, length + 10, length + 20,
                                                     NULL, 0, NULL, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  fixture_clear (&fixture);
}

static JsonObject *
find_body (JsonObject *item,
           const char *purpose)
{
  JsonArray *bodies = json_object_get_array_member (item, "body");

  for (guint i = 0; i < json_array_get_length (bodies); i++)
    {
      JsonObject *body = json_array_get_object_element (bodies, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (body, "purpose", NULL), purpose) == 0)
        return body;
    }
  return NULL;
}

/* The page selector of an item: on @page, refined by the quote with its
 * context cut at the page's edges. */
static void
assert_page_selector (JsonObject *item,
                      const char *page,
                      const char *exact,
                      const char *prefix,
                      const char *suffix)
{
  JsonObject *target = json_object_get_object_member (item, "target");
  JsonObject *fragment = find_selector (target, "FragmentSelector");
  JsonObject *refined;

  g_assert_nonnull (fragment);
  g_assert_cmpstr (json_object_get_string_member (fragment, "conformsTo"), ==,
                   "http://tools.ietf.org/rfc/rfc3778");
  g_assert_cmpstr (json_object_get_string_member (fragment, "value"), ==, page);
  refined = json_object_get_object_member (fragment, "refinedBy");
  g_assert_nonnull (refined);
  g_assert_cmpstr (json_object_get_string_member (refined, "type"), ==, "TextQuoteSelector");
  g_assert_cmpstr (json_object_get_string_member (refined, "exact"), ==, exact);
  g_assert_cmpstr (json_object_get_string_member (refined, "prefix"), ==, prefix);
  g_assert_cmpstr (json_object_get_string_member (refined, "suffix"), ==, suffix);
}

/* A paged source: pages in the label, a PDF's page as a FragmentSelector
 * beside the text selectors, the speaker as a body; read back, nothing
 * of it becomes a note. */
static void
test_pages (void)
{
  Fixture fixture;
  PagedFixture paged;
  PagedFixture plain;
  Fixture other;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_JSON);
  g_autoptr(LecternAnnotation) page_start = NULL;
  g_autoptr(LecternAnnotation) page_end = NULL;
  g_autoptr(LecternAnnotation) on_page = NULL;
  g_autoptr(GListModel) exported = NULL;
  g_autoptr(GListModel) imported = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(LecternProject) fresh = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  static const char * const labels[] = {
    "p. 11, ¶ 1", "pp. 11–12, ¶¶ 2–3", "p. 12, ¶ 3", "p. 12, ¶ 4", "¶ 5",
  };
  static const char * const speakers[] = {
    "Sergey Lavrov, 00:12:31", "Sergey Lavrov", "Sergey Lavrov", NULL, NULL,
  };
  JsonArray *items;
  guint n_added = 0;

  fixture_init (&fixture, "paged-json.lectern");
  fixture_add_paged (&fixture, "pdf", &paged);
  /* At a page's start and at its end, where the quote's context crosses
   * the page's edge. */
  page_start = lectern_project_add_annotation (fixture.project, paged.document, 105, 110, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  page_end = lectern_project_add_annotation (fixture.project, paged.document, 190, 195, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_annotation_get_prefix (page_start), !=, "L3 he");
  g_assert_cmpstr (lectern_annotation_get_suffix (page_end), !=, "bout\n");
  lectern_export_options_add_document_id (options, paged.document);
  json = export_json (fixture.project, options);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  items = items_of (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (items), ==, G_N_ELEMENTS (labels));

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonObject *target = json_object_get_object_member (item, "target");
      JsonArray *selectors = json_object_get_array_member (target, "selector");
      JsonObject *speaker = find_body (item, "identifying");

      g_assert_cmpstr (json_object_get_string_member (target, "label"), ==, labels[i]);
      /* The text selectors stay first, as they were. */
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (selectors, 0), "type"),
                       ==, "TextQuoteSelector");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (selectors, 1), "type"),
                       ==, "TextPositionSelector");
      if (speakers[i] == NULL)
        g_assert_null (speaker);
      else
        g_assert_cmpstr (json_object_get_string_member (speaker, "value"), ==, speakers[i]);
    }
  on_page = lectern_project_dup_annotation (fixture.project, paged.on_page, &error);
  g_assert_no_error (error);
  assert_page_selector (json_array_get_object_element (items, 0), "page=1", "members on energy co",
                        "L1 the evidence and ", lectern_annotation_get_suffix (on_page));
  /* Across two pages: no PDF fragment can name it; its label cites both. */
  g_assert_null (find_selector (json_object_get_object_member (json_array_get_object_element (items, 1), "target"),
                                "FragmentSelector"));
  assert_page_selector (json_array_get_object_element (items, 2), "page=2", "ard s", "L3 he",
                        lectern_annotation_get_suffix (page_start));
  assert_page_selector (json_array_get_object_element (items, 3), "page=2", "tee a",
                        lectern_annotation_get_prefix (page_end), "bout\n");
  g_assert_null (find_selector (json_object_get_object_member (json_array_get_object_element (items, 4), "target"),
                                "FragmentSelector"));

  /* A paged source that is not a PDF: pages cited, no PDF fragment. */
  g_clear_pointer (&json, g_free);
  g_clear_object (&parser);
  parser = json_parser_new ();
  fixture_init (&other, "paged-text.lectern");
  fixture_add_paged (&other, "text", &plain);
  lectern_export_options_clear_document_ids (options);
  lectern_export_options_add_document_id (options, plain.document);
  json = export_json (other.project, options);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  items = items_of (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_array_get_object_element (items, 0), "target"), "label"), ==, "p. 11, ¶ 1");
  g_assert_null (find_selector (json_object_get_object_member (json_array_get_object_element (items, 0), "target"),
                                "FragmentSelector"));
  fixture_clear (&other);

  /* Lectern reads its own file back: same passages, same notes. */
  g_clear_pointer (&json, g_free);
  lectern_export_options_clear_document_ids (options);
  lectern_export_options_add_document_id (options, paged.document);
  json = export_json (fixture.project, options);
  {
    g_autofree char *path = fixture_path ("paged-target.lectern");
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(LecternDocument) document = lectern_document_new ();

    fresh = lectern_project_create (file, &error);
    g_assert_no_error (error);
    lectern_document_set_title (document, PAGED_TITLE);
    lectern_project_add_document (fresh, document, PAGED_TEXT, &error);
    g_assert_no_error (error);
  }
  g_assert_true (lectern_web_annotation_import_data (fresh, json, -1, "paged.jsonld",
                                                     &n_added, &problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (n_added, ==, G_N_ELEMENTS (labels));
  exported = lectern_project_list_annotations (fixture.project, paged.document, 0, FALSE, &error);
  g_assert_no_error (error);
  imported = lectern_project_list_annotations (fresh, 0, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (imported), ==, g_list_model_get_n_items (exported));
  for (guint i = 0; i < g_list_model_get_n_items (exported); i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (exported, i);
      g_autoptr(LecternAnnotation) b = g_list_model_get_item (imported, i);

      g_assert_cmpint (lectern_annotation_get_start (a), ==, lectern_annotation_get_start (b));
      g_assert_cmpint (lectern_annotation_get_end (a), ==, lectern_annotation_get_end (b));
      g_assert_cmpstr (lectern_annotation_get_note (a), ==, lectern_annotation_get_note (b));
    }
  fixture_clear (&fixture);
}

/* The target says which version of the text its selectors are in, as
 * the model's TimeState: the current version, by number in its id. */
static void
test_version (void)
{
  Fixture fixture;
  PagedFixture paged;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  JsonArray *items;

  fixture_init (&fixture, "version-json.lectern");
  fixture_add_paged (&fixture, "pdf", &paged);
  g_assert_true (lectern_project_edit_text (fixture.project, paged.document, 0, 0, "L0 ", NULL, &error));
  g_assert_no_error (error);
  lectern_export_options_add_document_id (options, paged.document);
  json = export_json (fixture.project, options);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  items = items_of (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *target = json_object_get_object_member (json_array_get_object_element (items, i), "target");
      JsonObject *state = json_object_get_object_member (target, "state");
      const char *source = json_object_get_string_member (json_object_get_object_member (target, "source"), "id");
      g_autofree char *expected = g_strconcat (source, ":version:2", NULL);

      g_assert_nonnull (state);
      g_assert_cmpstr (json_object_get_string_member (state, "type"), ==, "TimeState");
      g_assert_cmpstr (json_object_get_string_member (state, "id"), ==, expected);
      g_assert_true (g_str_has_suffix (json_object_get_string_member (state, "sourceDate"), "Z"));
    }
  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/WebAnnotation/export-structure", test_export_structure);
  g_test_add_func ("/Lectern/WebAnnotation/round-trip", test_round_trip);
  g_test_add_func ("/Lectern/WebAnnotation/pages", test_pages);
  g_test_add_func ("/Lectern/WebAnnotation/version", test_version);
  g_test_add_func ("/Lectern/WebAnnotation/reanchor", test_reanchor);
  g_test_add_func ("/Lectern/WebAnnotation/refuses-non-annotations", test_refuses_non_annotations);
  g_test_add_func ("/Lectern/WebAnnotation/deep-nesting", test_deep_nesting);
  g_test_add_func ("/Lectern/WebAnnotation/not-a-file", test_not_a_file);
  g_test_add_func ("/Lectern/WebAnnotation/deep-tag-path", test_deep_tag_path);
  g_test_add_func ("/Lectern/WebAnnotation/stored-length-lies", test_stored_length_lies);
  return g_test_run ();
}
