/* test-cli-compare.c — lectern-cli compare (JSON chunks) and where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cli-harness.h"

static const char version_a[] =
  "Talks in Paris\n\nThe minister met his counterpart in Paris on Monday.\n";
static const char version_b[] =
  "Talks in Paris\n\nThe minister met his Russian counterpart in Paris on Tuesday.\n";

static const char shared_passage[] =
  "the dubious benefits of supporting the regime were weighed against the cost "
  "of a long winter without gas";
static const char *shared_a =
  "First article\n\nThe minister spoke at length. He said that the dubious benefits of "
  "supporting the regime were weighed against the cost of a long winter without gas, "
  "and left.\n";
static const char *shared_b =
  "Second article\n\nCritics answered quickly. In their view the dubious benefits of "
  "supporting the regime were weighed against the cost of a long winter without gas. "
  "Nobody agreed.\n";

static JsonObject *
parse_comparison (JsonParser *parser,
                  const char *json,
                  const char *mode)
{
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "mode"), ==, mode);
  g_assert_true (json_object_has_member (root, "chunks"));

  return root;
}

/* A side of a chunk: [start, end] or null (-1, -1). */
static void
chunk_side (JsonObject *chunk,
            const char *side,
            glong      *start,
            glong      *end)
{
  JsonNode *node = json_object_get_member (chunk, side);
  JsonArray *span;

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *start = *end = -1;
      return;
    }

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  span = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (span), ==, 2);
  *start = json_array_get_int_element (span, 0);
  *end = json_array_get_int_element (span, 1);
  g_assert_cmpint (*start, <=, *end);
}

static void
test_compare_versions (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CliRun) run = NULL;
  g_autoptr(GString) rebuilt_b = g_string_new (NULL);
  JsonObject *root;
  JsonArray *chunks;
  gboolean inserted = FALSE;
  gboolean replaced = FALSE;
  glong a_pos = 0, b_pos = 0;

  cli_import_text (project, "a.txt", version_a);
  cli_import_text (project, "b.txt", version_b);

  run = cli_run (project, "compare", "1", "2", "--mode", "versions", NULL);
  cli_assert_status (run, 0);
  g_assert_true (g_str_has_suffix (run->out_text, "\n"));
  root = parse_comparison (parser, run->out_text, "versions");
  chunks = json_object_get_array_member (root, "chunks");
  g_assert_cmpuint (json_array_get_length (chunks), >, 1);

  /* The chunks cover both texts, in order. */
  for (guint i = 0; i < json_array_get_length (chunks); i++)
    {
      JsonObject *chunk = json_array_get_object_element (chunks, i);
      const char *kind = json_object_get_string_member (chunk, "kind");
      g_autofree char *a_text = NULL;
      g_autofree char *b_text = NULL;
      glong a_start, a_end, b_start, b_end;

      chunk_side (chunk, "a", &a_start, &a_end);
      chunk_side (chunk, "b", &b_start, &b_end);
      g_assert_cmpint (a_start, ==, a_pos);
      g_assert_cmpint (b_start, ==, b_pos);
      a_pos = a_end;
      b_pos = b_end;
      a_text = g_utf8_substring (version_a, a_start, a_end);
      b_text = g_utf8_substring (version_b, b_start, b_end);
      g_string_append (rebuilt_b, b_text);

      g_assert_true (g_str_equal (kind, "equal") || g_str_equal (kind, "insert") ||
                     g_str_equal (kind, "delete") || g_str_equal (kind, "replace"));
      if (g_str_equal (kind, "equal"))
        g_assert_cmpstr (a_text, ==, b_text);
      if (g_str_equal (kind, "insert") && strstr (b_text, "Russian") != NULL)
        inserted = TRUE;
      if (g_str_equal (kind, "replace") && strstr (a_text, "Monday") != NULL &&
          strstr (b_text, "Tuesday") != NULL)
        replaced = TRUE;
    }

  g_assert_cmpint (a_pos, ==, g_utf8_strlen (version_a, -1));
  g_assert_cmpint (b_pos, ==, g_utf8_strlen (version_b, -1));
  g_assert_cmpstr (rebuilt_b->str, ==, version_b);
  g_assert_true (inserted);
  g_assert_true (replaced);
}

static void
test_compare_translation (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CliRun) run = NULL;
  JsonObject *root;
  JsonArray *chunks;

  cli_import_text (project, "en.txt",
                   "Meeting in Paris\n\n"
                   "On 12 November 2021 the ministers met in Paris.\n\n"
                   "They discussed the Minsk agreements and European security.\n");
  cli_import_text (project, "fr.txt",
                   "R\xC3\xA9union \xC3\xA0 Paris\n\n"
                   "Le 12 novembre 2021, les ministres se sont r\xC3\xA9unis \xC3\xA0 Paris.\n\n"
                   "Ils ont discut\xC3\xA9 des accords de Minsk et de la s\xC3\xA9" "curit\xC3\xA9 europ\xC3\xA9" "enne.\n");

  run = cli_run (project, "compare", "1", "2", "--mode", "translation", NULL);
  cli_assert_status (run, 0);
  root = parse_comparison (parser, run->out_text, "translation");
  chunks = json_object_get_array_member (root, "chunks");
  g_assert_cmpuint (json_array_get_length (chunks), >=, 2);
  for (guint i = 0; i < json_array_get_length (chunks); i++)
    {
      JsonObject *chunk = json_array_get_object_element (chunks, i);
      glong start, end;

      g_assert_cmpstr (json_object_get_string_member (chunk, "kind"), ==, "pair");
      chunk_side (chunk, "a", &start, &end);
      chunk_side (chunk, "b", &start, &end);
    }
}

static void
test_compare_shared (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CliRun) run = NULL;
  JsonObject *root;
  JsonArray *chunks;
  gboolean found = FALSE;

  cli_import_text (project, "a.txt", shared_a);
  cli_import_text (project, "b.txt", shared_b);

  run = cli_run (project, "compare", "1", "2", "--mode", "shared", NULL);
  cli_assert_status (run, 0);
  root = parse_comparison (parser, run->out_text, "shared");
  chunks = json_object_get_array_member (root, "chunks");
  for (guint i = 0; i < json_array_get_length (chunks); i++)
    {
      JsonObject *chunk = json_array_get_object_element (chunks, i);
      g_autofree char *a_text = NULL;
      g_autofree char *b_text = NULL;
      glong a_start, a_end, b_start, b_end;

      g_assert_cmpstr (json_object_get_string_member (chunk, "kind"), ==, "shared");
      chunk_side (chunk, "a", &a_start, &a_end);
      chunk_side (chunk, "b", &b_start, &b_end);
      a_text = g_utf8_substring (shared_a, a_start, a_end);
      b_text = g_utf8_substring (shared_b, b_start, b_end);
      if (strstr (a_text, "supporting the regime were weighed") != NULL &&
          strstr (b_text, "supporting the regime were weighed") != NULL)
        found = TRUE;
    }
  g_assert_true (found);
}

static void
test_compare_refused (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) bad_mode = NULL;
  g_autoptr(CliRun) missing = NULL;

  cli_import_text (project, "a.txt", version_a);
  bad_mode = cli_run (project, "compare", "1", "1", "--mode", "sideways", NULL);
  cli_assert_usage_error (bad_mode);
  g_assert_nonnull (strstr (bad_mode->err, "sideways"));

  missing = cli_run (project, "compare", "1", "8", "--mode", "versions", NULL);
  cli_assert_failure (missing);
  g_assert_nonnull (strstr (missing->err, "8"));
}

static void
test_where (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  glong start = cli_char_offset (shared_a, shared_passage);
  glong length = g_utf8_strlen (shared_passage, -1);
  glong in_b = cli_char_offset (shared_b, shared_passage);
  g_autofree char *start_text = g_strdup_printf ("%ld", start);
  g_autofree char *end_text = g_strdup_printf ("%ld", start + length);
  g_autoptr(CliRun) run = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;

  cli_import_text (project, "a.txt", shared_a);
  cli_import_text (project, "b.txt", shared_b);
  cli_import_text (project, "c.txt", "Unrelated\n\nA note about the weather in Lyon and nothing else.\n");

  run = cli_run (project, "where", "1", start_text, end_text, NULL);
  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);
      glong place_start, place_end;
      double similarity;

      /* DOCUMENT START END SIMILARITY */
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_cmpstr (fields[0], !=, "3");
      place_start = g_ascii_strtoll (fields[1], NULL, 10);
      place_end = g_ascii_strtoll (fields[2], NULL, 10);
      similarity = g_ascii_strtod (fields[3], NULL);
      g_assert_cmpfloat (similarity, >, 0.0);
      g_assert_cmpfloat (similarity, <=, 1.0);
      if (g_str_equal (fields[0], "2") && place_start < in_b + length && place_end > in_b)
        found = TRUE;
    }
  g_assert_true (found);
}

static void
test_where_refused (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) empty = NULL;
  g_autoptr(CliRun) outside = NULL;

  cli_import_text (project, "a.txt", shared_a);
  empty = cli_run (project, "where", "1", "10", "10", NULL);
  cli_assert_failure (empty);
  outside = cli_run (project, "where", "1", "10", "100000", NULL);
  cli_assert_failure (outside);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/compare/versions", test_compare_versions);
  g_test_add_func ("/Lectern/Cli/compare/translation", test_compare_translation);
  g_test_add_func ("/Lectern/Cli/compare/shared", test_compare_shared);
  g_test_add_func ("/Lectern/Cli/compare/refused", test_compare_refused);
  g_test_add_func ("/Lectern/Cli/where/finds", test_where);
  g_test_add_func ("/Lectern/Cli/where/refused", test_where_refused);

  return g_test_run ();
}
