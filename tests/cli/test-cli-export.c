/* test-cli-export.c — lectern-cli export, import-annotations, import-qdpx.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <json-glib/json-glib.h>

#include "cli-harness.h"

static const char statement[] =
  "Statement on Minsk\n\n"
  "Moscow says the Minsk agreements were never honoured. "
  "NATO expansion is named as the cause.\n";

/* A project with one document and two annotated passages: "Moscow"
 * (Places/Moscow, with a note) and "NATO expansion" (Claims). */
static char *
new_annotated_project (const char *name)
{
  char *project = cli_new_project (name);
  glong nato = cli_char_offset (statement, "NATO expansion");

  cli_import_text (project, "statement.txt", statement);
  cli_annotate (project, 1, 20, 26, "Places/Moscow", "the capital\tspeaks");
  cli_annotate (project, 1, nato, nato + 14, "Claims", NULL);

  return project;
}

/* The records of @command (annotations, tags) with their ids left out, to
 * compare two projects. */
static char *
records_without_ids (const char *project,
                     const char *command)
{
  g_autoptr(CliRun) run = cli_run (project, command, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *tab = strchr (lines[i], '\t');

      g_assert_nonnull (tab);
      g_string_append_printf (out, "%s\n", tab + 1);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
annotations_without_ids (const char *project)
{
  return records_without_ids (project, "annotations");
}

static gboolean
node_has_string (JsonNode   *node,
                 const char *value)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_value_type (node) == G_TYPE_STRING &&
           g_strcmp0 (json_node_get_string (node), value) == 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (node_has_string (json_array_get_element (array, i), value))
          return TRUE;
    }

  return FALSE;
}

/* Collects every object of the tree whose "type" is @type. */
static void
collect_typed (JsonNode   *node,
               const char *type,
               GPtrArray  *found)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);
      JsonNode *type_node = json_object_get_member (object, "type");

      if (type_node != NULL && node_has_string (type_node, type))
        g_ptr_array_add (found, object);
      for (const GList *l = members; l != NULL; l = l->next)
        collect_typed (json_object_get_member (object, l->data), type, found);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_typed (json_array_get_element (array, i), type, found);
    }
}

static void
assert_web_annotation (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = g_ptr_array_new ();
  g_autoptr(GPtrArray) positions = g_ptr_array_new ();
  g_autoptr(GPtrArray) annotations = g_ptr_array_new ();
  JsonObject *root;
  gboolean moscow = FALSE;
  gboolean position = FALSE;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_true (json_object_has_member (root, "@context"));
  g_assert_true (node_has_string (json_object_get_member (root, "@context"),
                                  "http://www.w3.org/ns/anno.jsonld"));
  g_assert_true (node_has_string (json_object_get_member (root, "type"), "AnnotationCollection"));

  collect_typed (json_parser_get_root (parser), "Annotation", annotations);
  g_assert_cmpuint (annotations->len, ==, 2);

  collect_typed (json_parser_get_root (parser), "TextQuoteSelector", quotes);
  g_assert_cmpuint (quotes->len, ==, 2);
  for (guint i = 0; i < quotes->len; i++)
    moscow |= g_strcmp0 (json_object_get_string_member_with_default (quotes->pdata[i], "exact", NULL),
                         "Moscow") == 0;
  g_assert_true (moscow);

  collect_typed (json_parser_get_root (parser), "TextPositionSelector", positions);
  g_assert_cmpuint (positions->len, ==, 2);
  for (guint i = 0; i < positions->len; i++)
    position |= json_object_get_int_member_with_default (positions->pdata[i], "start", -1) == 20 &&
                json_object_get_int_member_with_default (positions->pdata[i], "end", -1) == 26;
  g_assert_true (position);

  g_assert_nonnull (strstr (json, "\"tagging\""));
  g_assert_nonnull (strstr (json, "\"commenting\""));
  g_assert_nonnull (strstr (json, "Places/Moscow"));
}

static void
test_export_json (void)
{
  g_autofree char *project = new_annotated_project ("p.lectern");
  g_autoptr(CliRun) run = cli_run (project, "export", "--format", "json", NULL);

  cli_assert_status (run, 0);
  assert_web_annotation (run->out_text);
}

static void
test_export_json_output (void)
{
  g_autofree char *project = new_annotated_project ("p.lectern");
  g_autofree char *output = cli_temp_path ("notes.jsonld");
  g_autoptr(CliRun) run = cli_run (project, "export", "--format", "json", "--output", output, NULL);
  g_autofree char *contents = NULL;

  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out_text, ==, "");
  g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
  assert_web_annotation (contents);
}

/* Past the file-size limit (ulimit -f) the export fails with a message,
 * is not killed by SIGXFSZ, and leaves no file behind. */
static void
test_export_file_size_limit (void)
{
  g_autofree char *project = cli_new_project ("big.lectern");
  g_autofree char *output = cli_temp_path ("big.md");
  g_autofree char *folder = g_path_get_dirname (output);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(GDir) dir = NULL;
  struct rlimit old, limit;
  const char *name;
  gint64 doc;

  while (text->len < 200 * 1024)
    g_string_append (text, "The harbour council met again to discuss the quay. ");
  doc = cli_import_text (project, "big.txt", text->str);
  cli_annotate (project, doc, 0, g_utf8_strlen (text->str, -1) - 1, "Long", NULL);

  /* The default disposition, as a terminal gives it; the limit for the
   * child only matters once its output passes 128 KiB (the project
   * and its 32 KiB shared-memory file stay under it). */
  signal (SIGXFSZ, SIG_DFL);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old), ==, 0);
  limit = old;
  limit.rlim_cur = 128 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  run = cli_run (project, "export", "--format", "markdown", "--output", output, NULL);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old), ==, 0);

  cli_assert_failure (run);
  if (strstr (run->err, "big.md") == NULL)
    g_error ("no file named in: %s", run->err);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".big.md."));
}

static void
test_export_text_formats (void)
{
  g_autofree char *project = new_annotated_project ("p.lectern");
  const char *formats[] = { "markdown", "html", "csv" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(CliRun) run = cli_run (project, "export", "--format", formats[i], NULL);
      g_autoptr(CliRun) by_tag = cli_run (project, "export", "--format", formats[i],
                                          "--group-by", "tag", NULL);

      cli_assert_status (run, 0);
      g_assert_nonnull (strstr (run->out_text, "NATO expansion"));
      g_assert_nonnull (strstr (run->out_text, "Moscow"));
      cli_assert_status (by_tag, 0);
      g_assert_nonnull (strstr (by_tag->out_text, "NATO expansion"));
    }
}

static void
test_export_filters (void)
{
  g_autofree char *project = new_annotated_project ("p.lectern");
  g_autoptr(CliRun) by_tag = cli_run (project, "export", "--format", "csv", "--tag", "Claims", NULL);
  g_autoptr(CliRun) by_document = cli_run (project, "export", "--format", "csv", "--document", "1", NULL);
  g_autoptr(CliRun) missing_tag = cli_run (project, "export", "--format", "csv", "--tag", "Nowhere", NULL);
  g_autoptr(CliRun) missing_document = cli_run (project, "export", "--format", "csv", "--document", "5", NULL);

  cli_assert_status (by_tag, 0);
  g_assert_nonnull (strstr (by_tag->out_text, "NATO expansion"));
  g_assert_null (strstr (by_tag->out_text, "the capital"));
  cli_assert_status (by_document, 0);
  g_assert_nonnull (strstr (by_document->out_text, "NATO expansion"));
  cli_assert_failure (missing_tag);
  cli_assert_failure (missing_document);
}

static void
test_export_binary (void)
{
  g_autofree char *project = new_annotated_project ("p.lectern");
  g_autofree char *pdf = cli_temp_path ("notes.pdf");
  g_autoptr(CliRun) qdpx_stdout = cli_run (project, "export", "--format", "qdpx", NULL);
  g_autoptr(CliRun) pdf_stdout = cli_run (project, "export", "--format", "pdf", NULL);
  g_autoptr(CliRun) pdf_file = cli_run (project, "export", "--format", "pdf", "--output", pdf, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  /* Binary formats never go to a terminal. */
  cli_assert_usage_error (qdpx_stdout);
  g_assert_nonnull (strstr (qdpx_stdout->err, "--output"));
  cli_assert_usage_error (pdf_stdout);

  cli_assert_status (pdf_file, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4);
  g_assert_cmpmem (contents, 4, "%PDF", 4);
}

static void
test_export_usage (void)
{
  g_autofree char *project = new_annotated_project ("p.lectern");
  g_autoptr(CliRun) no_format = cli_run (project, "export", NULL);
  g_autoptr(CliRun) bad_format = cli_run (project, "export", "--format", "docx", NULL);
  g_autoptr(CliRun) bad_group = cli_run (project, "export", "--format", "markdown", "--group-by", "colour", NULL);
  g_autoptr(CliRun) bad_document = cli_run (project, "export", "--format", "markdown", "--document", "x", NULL);

  cli_assert_usage_error (no_format);
  cli_assert_usage_error (bad_format);
  g_assert_nonnull (strstr (bad_format->err, "docx"));
  cli_assert_usage_error (bad_group);
  cli_assert_usage_error (bad_document);
}

static void
test_import_annotations (void)
{
  g_autofree char *source = new_annotated_project ("a.lectern");
  g_autofree char *target = cli_new_project ("b.lectern");
  g_autofree char *json = cli_temp_path ("notes.jsonld");
  g_autoptr(CliRun) exported = cli_run (source, "export", "--format", "json", "--output", json, NULL);
  g_autoptr(CliRun) imported = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  cli_assert_status (exported, 0);
  cli_import_text (target, "statement.txt", statement);

  imported = cli_run (target, "import-annotations", json, NULL);
  cli_assert_status (imported, 0);
  g_assert_cmpstr (imported->out_text, ==, "2\n");

  expected = annotations_without_ids (source);
  got = annotations_without_ids (target);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_import_annotations_malformed (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *bad = cli_write_file ("bad.json", "{\"type\": \"AnnotationCollection\", ", -1);
  g_autofree char *missing = cli_temp_path ("missing.json");
  g_autoptr(CliRun) run = cli_run (project, "import-annotations", bad, NULL);
  g_autoptr(CliRun) absent = cli_run (project, "import-annotations", missing, NULL);

  cli_assert_failure (run);
  g_assert_nonnull (strstr (run->err, "bad.json"));
  cli_assert_failure (absent);
}

static void
test_import_qdpx (void)
{
  g_autofree char *source = new_annotated_project ("a.lectern");
  g_autofree char *target = cli_temp_path ("b.lectern");
  g_autofree char *qdpx = cli_temp_path ("exchange.qdpx");
  g_autoptr(CliRun) exported = cli_run (source, "export", "--format", "qdpx", "--output", qdpx, NULL);
  g_autoptr(CliRun) imported = NULL;
  g_autoptr(CliRun) text = NULL;
  g_autofree char *tags_source = NULL;
  g_autofree char *tags_target = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  cli_assert_status (exported, 0);
  imported = cli_run (target, "import-qdpx", qdpx, NULL);
  cli_assert_status (imported, 0);

  text = cli_run (target, "text", "1", NULL);
  cli_assert_status (text, 0);
  g_assert_cmpstr (text->out_text, ==, statement);

  expected = annotations_without_ids (source);
  got = annotations_without_ids (target);
  g_assert_cmpstr (got, ==, expected);

  tags_source = records_without_ids (source, "tags");
  tags_target = records_without_ids (target, "tags");
  g_assert_cmpstr (tags_target, ==, tags_source);
}

static void
test_import_qdpx_existing_project (void)
{
  g_autofree char *source = new_annotated_project ("a.lectern");
  g_autofree char *qdpx = cli_temp_path ("exchange.qdpx");
  g_autoptr(CliRun) exported = cli_run (source, "export", "--format", "qdpx", "--output", qdpx, NULL);
  g_autoptr(CliRun) run = NULL;
  g_autofree char *before = annotations_without_ids (source);
  g_autofree char *after = NULL;

  cli_assert_status (exported, 0);
  run = cli_run (source, "import-qdpx", qdpx, NULL);
  cli_assert_failure (run);
  g_assert_nonnull (strstr (run->err, "a.lectern"));

  after = annotations_without_ids (source);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_qdpx_damaged (void)
{
  g_autofree char *damaged = cli_write_file ("damaged.qdpx", "PK\x03\x04 not really a zip", -1);
  g_autofree char *target = cli_temp_path ("b.lectern");
  g_autoptr(CliRun) run = cli_run (target, "import-qdpx", damaged, NULL);

  cli_assert_failure (run);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GSubprocess  *process;
  GCancellable *done;
  gboolean      killed;
} Watchdog;

static gpointer
watchdog_thread (gpointer data)
{
  Watchdog *watchdog = data;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!g_cancellable_is_cancelled (watchdog->done) && g_get_monotonic_time () < deadline)
    g_usleep (20 * 1000);
  if (!g_cancellable_is_cancelled (watchdog->done))
    {
      watchdog->killed = TRUE;
      g_subprocess_force_exit (watchdog->process);
    }
  return NULL;
}

/* Runs lectern-cli, killing it if it has not ended after 20 s: a hang is
 * a failure of the test, not of the suite. */
static CliRun *
run_with_timeout (const char         *project,
                  const char * const *args)
{
  g_autoptr(GSubprocess) process = cli_spawn (project, args);
  g_autoptr(GCancellable) done = g_cancellable_new ();
  Watchdog watchdog = { process, done, FALSE };
  GThread *thread = g_thread_new ("watchdog", watchdog_thread, &watchdog);
  CliRun *run = cli_wait (process);

  g_cancellable_cancel (done);
  g_thread_join (thread);
  g_assert_false (watchdog.killed);
  return run;
}

/* A device that never ends and a pipe nobody writes to, given where a
 * file is read: refused at once by type, naming the file, exit 1. */
static void
test_not_a_file (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *fifo = cli_temp_path ("pipe.json");
  g_autofree char *new_project = cli_temp_path ("new.lectern");
  const char *commands[] = { "import-annotations", "import", "import-qdpx" };
  const char *paths[] = { "/dev/zero", fifo };

  g_assert_no_errno (mkfifo (fifo, 0600));
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
      {
        const char *args[] = { commands[c], paths[p], NULL };
        g_autofree char *base = g_path_get_basename (paths[p]);
        g_autoptr(CliRun) run = NULL;

        if (!g_file_test (paths[p], G_FILE_TEST_EXISTS))
          continue;
        /* import-qdpx makes the project it is given. */
        run = run_with_timeout (c == 2 ? new_project : project, args);
        cli_assert_failure (run);
        g_assert_nonnull (strstr (run->err, base));
        g_assert_nonnull (strstr (run->err, "not a regular file"));
        g_assert_false (g_file_test (new_project, G_FILE_TEST_EXISTS));
      }
}

/* A passage of an imported PDF is cited by its printed page (the
 * fixture's pages are labelled 211 to 213). */
static void
test_export_cites_pdf_page (void)
{
  g_autofree char *project = cli_new_project ("paged.lectern");
  g_autofree char *pdf = g_test_build_filename (G_TEST_DIST, "fixtures", "pdf", "report.pdf", NULL);
  g_autoptr(CliRun) imported = cli_run (project, "import", pdf, NULL);
  g_autoptr(CliRun) markdown = NULL;
  g_autoptr(CliRun) csv = NULL;

  cli_assert_status (imported, 0);
  /* Page 212 holds [1509, 3326); the second passage runs from 211 into it. */
  cli_annotate (project, 1, 2000, 2040, "Claims", NULL);
  cli_annotate (project, 1, 1480, 1530, "Claims", NULL);
  markdown = cli_run (project, "export", "--format", "markdown", NULL);
  cli_assert_status (markdown, 0);
  g_assert_nonnull (strstr (markdown->out_text, ", p. 212, ¶ "));
  g_assert_nonnull (strstr (markdown->out_text, ", pp. 211–212, ¶"));
  csv = cli_run (project, "export", "--format", "csv", NULL);
  cli_assert_status (csv, 0);
  /* The new columns end the header line; a passage's row ends with them. */
  g_assert_true (strstr (csv->out_text, ",pages,speaker,time,document_version\r\n") == strstr (csv->out_text, "\r\n")
                 - strlen (",pages,speaker,time,document_version"));
  g_assert_nonnull (strstr (csv->out_text, ",p. 212,,,1\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/export/json", test_export_json);
  g_test_add_func ("/Lectern/Cli/export/json-output", test_export_json_output);
  g_test_add_func ("/Lectern/Cli/export/file-size-limit", test_export_file_size_limit);
  g_test_add_func ("/Lectern/Cli/export/text-formats", test_export_text_formats);
  g_test_add_func ("/Lectern/Cli/export/filters", test_export_filters);
  g_test_add_func ("/Lectern/Cli/export/binary", test_export_binary);
  g_test_add_func ("/Lectern/Cli/export/usage", test_export_usage);
  g_test_add_func ("/Lectern/Cli/import-annotations/round-trip", test_import_annotations);
  g_test_add_func ("/Lectern/Cli/import-annotations/malformed", test_import_annotations_malformed);
  g_test_add_func ("/Lectern/Cli/import-qdpx/round-trip", test_import_qdpx);
  g_test_add_func ("/Lectern/Cli/import-qdpx/existing-project", test_import_qdpx_existing_project);
  g_test_add_func ("/Lectern/Cli/import-qdpx/damaged", test_import_qdpx_damaged);
  g_test_add_func ("/Lectern/Cli/import/not-a-file", test_not_a_file);
  g_test_add_func ("/Lectern/Cli/export/pdf-page", test_export_cites_pdf_page);

  return g_test_run ();
}
