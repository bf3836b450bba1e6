/* test-exporter.c — options, filters, atomic writes and the worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "export-fixture.h"
#include "export-fixture-stream.h"

static void
test_formats (void)
{
  LecternExportFormat format;
  LecternExportGroupBy group_by;
  static const char * const names[] = { "markdown", "html", "csv", "json", "qdpx", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (lectern_export_format_from_string (names[i], &format));
      g_assert_cmpint (format, ==, i);
      g_assert_cmpstr (lectern_export_format_to_string (format), ==, names[i]);
      g_assert_nonnull (lectern_export_format_get_extension (format));
      g_assert_nonnull (lectern_export_format_get_mime_type (format));
      g_assert_nonnull (lectern_export_format_get_label (format));
    }
  g_assert_true (lectern_export_format_from_string ("JSON", &format));
  g_assert_cmpint (format, ==, LECTERN_EXPORT_FORMAT_JSON);
  g_assert_false (lectern_export_format_from_string ("docx", &format));
  g_assert_false (lectern_export_format_from_string (NULL, &format));
  g_assert_true (lectern_export_group_by_from_string ("tag", &group_by));
  g_assert_cmpint (group_by, ==, LECTERN_EXPORT_GROUP_BY_TAG);
  g_assert_cmpstr (lectern_export_group_by_to_string (group_by), ==, "tag");
  g_assert_false (lectern_export_group_by_from_string ("author", &group_by));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_options (void)
{
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_CSV);
  g_autoptr(LecternExportOptions) copy = NULL;
  const gint64 *ids;
  guint n_ids;
  guint n_notify = 0;

  g_assert_true (lectern_export_options_get_with_subtags (options));
  g_signal_connect (options, "notify", G_CALLBACK (count_notify), &n_notify);
  lectern_export_options_set_csv_bom (options, TRUE);
  lectern_export_options_set_csv_bom (options, TRUE);
  g_assert_cmpuint (n_notify, ==, 1);
  lectern_export_options_set_title (options, "T");
  lectern_export_options_set_title (options, "T");
  g_assert_cmpuint (n_notify, ==, 2);
  lectern_export_options_add_document_id (options, 3);
  lectern_export_options_add_document_id (options, 3);
  lectern_export_options_add_tag_id (options, 7);
  lectern_export_options_set_date_from (options, "2020-01-01");
  lectern_export_options_set_author (options, "");
  g_assert_null (lectern_export_options_get_author (options));

  copy = lectern_export_options_copy (options);
  g_assert_cmpint (lectern_export_options_get_format (copy), ==, LECTERN_EXPORT_FORMAT_CSV);
  g_assert_true (lectern_export_options_get_csv_bom (copy));
  g_assert_cmpstr (lectern_export_options_get_title (copy), ==, "T");
  g_assert_cmpstr (lectern_export_options_get_date_from (copy), ==, "2020-01-01");
  ids = lectern_export_options_get_document_ids (copy, &n_ids);
  g_assert_cmpuint (n_ids, ==, 1);
  g_assert_cmpint (ids[0], ==, 3);
  ids = lectern_export_options_get_tag_ids (copy, &n_ids);
  g_assert_cmpuint (n_ids, ==, 1);
  g_assert_cmpint (ids[0], ==, 7);
}

/* The annotations of a JSON export: each as "quote|tag,tag". */
static GPtrArray *
exported (LecternProject        *project,
          LecternExportOptions *options)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  JsonArray *items;

  lectern_export_options_set_format (options, LECTERN_EXPORT_FORMAT_JSON);
  bytes = fixture_export (project, options);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), -1, NULL));
  items = json_object_get_array_member (json_object_get_object_member (
            json_node_get_object (json_parser_get_root (parser)), "first"), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonArray *bodies = json_object_get_array_member (item, "body");
      JsonArray *selectors = json_object_get_array_member (json_object_get_object_member (item, "target"), "selector");
      g_autoptr(GString) line = g_string_new (json_object_get_string_member (json_array_get_object_element (selectors, 0),
                                                                             "exact"));

      g_string_append_c (line, '|');
      for (guint j = 0; j < json_array_get_length (bodies); j++)
        {
          JsonObject *body = json_array_get_object_element (bodies, j);

          if (g_str_equal (json_object_get_string_member (body, "purpose"), "tagging"))
            g_string_append_printf (line, "%s,", json_object_get_string_member (body, "value"));
        }
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  return lines;
}

static void
test_filters (void)
{
  Fixture fixture;
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_JSON);
  GPtrArray *lines;

  fixture_init (&fixture, "filters.lectern");

  lines = exported (fixture.project, options);
  g_assert_cmpuint (lines->len, ==, fixture.n_annotations);
  g_ptr_array_unref (lines);

  lectern_export_options_add_document_id (options, fixture.doc2);
  lines = exported (fixture.project, options);
  g_assert_cmpuint (lines->len, ==, 2);
  g_ptr_array_unref (lines);
  lectern_export_options_clear_document_ids (options);

  /* A tag with its sub-tags; only the tags that pass are listed. */
  lectern_export_options_add_tag_id (options, fixture.security);
  lines = exported (fixture.project, options);
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "sécurité européenne|Security/Europe,");
  g_assert_cmpstr (g_ptr_array_index (lines, 2), ==, "'security'|Security,Security/Europe,");
  g_ptr_array_unref (lines);
  lectern_export_options_set_with_subtags (options, FALSE);
  lines = exported (fixture.project, options);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, "'security'|Security,");
  g_ptr_array_unref (lines);
  lectern_export_options_clear_tag_ids (options);

  lectern_export_options_set_author (options, "Somebody else");
  lines = exported (fixture.project, options);
  g_assert_cmpuint (lines->len, ==, 0);
  g_ptr_array_unref (lines);
  lectern_export_options_set_author (options, "Ana Lyst");
  lines = exported (fixture.project, options);
  g_assert_cmpuint (lines->len, ==, fixture.n_annotations);
  g_ptr_array_unref (lines);
  lectern_export_options_set_author (options, NULL);

  /* Document dates: 2025-04-26 and 2021-11-12, ends included. */
  lectern_export_options_set_date_from (options, "2022-01-01");
  lines = exported (fixture.project, options);
  g_assert_cmpuint (lines->len, ==, 5);
  g_ptr_array_unref (lines);
  lectern_export_options_set_date_from (options, NULL);
  lectern_export_options_set_date_to (options, "2021-11-12");
  lines = exported (fixture.project, options);
  g_assert_cmpuint (lines->len, ==, 2);
  g_ptr_array_unref (lines);

  fixture_clear (&fixture);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
cancel_on_progress (guint    done,
                    guint    total,
                    gpointer data)
{
  g_cancellable_cancel (data);
}

/* A failed or cancelled export leaves the old file whole, and nothing
 * else behind. */
static void
test_atomic (void)
{
  Fixture fixture;
  g_autofree char *path = fixture_path ("out.csv");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_CSV);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-lectern-folder/out.csv");
  guint n_files;

  fixture_init (&fixture, "atomic.lectern");
  g_assert_true (g_file_set_contents (path, "GOOD", -1, NULL));
  n_files = count_files (dir);

  /* Cancelled while writing, from the progress report. */
  for (guint format = 0; format < LECTERN_EXPORT_N_FORMATS; format++)
    {
      g_cancellable_reset (cancellable);
      lectern_export_options_set_format (options, format);
      g_assert_false (lectern_export_to_file (fixture.project, options, file, cancel_on_progress, cancellable,
                                              cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "GOOD");
      g_clear_pointer (&contents, g_free);
      g_assert_cmpuint (count_files (dir), ==, n_files);
    }

  /* A place that cannot be written: an error naming it. */
  g_assert_false (lectern_export_to_file (fixture.project, options, nowhere, NULL, NULL, NULL, &error));
  g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "/nonexistent-lectern-folder/out.csv"));
  g_clear_error (&error);

  /* And a good export does replace it. */
  lectern_export_options_set_format (options, LECTERN_EXPORT_FORMAT_CSV);
  g_assert_true (lectern_export_to_file (fixture.project, options, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "annotation_id,"));
  g_assert_cmpuint (count_files (dir), ==, n_files);
  fixture_clear (&fixture);
}

/* The names in @dir, sorted and joined, to compare listings. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

/* Exports @format to @path with the file size limited to @limit bytes
 * (0: no limit); SIGXFSZ is ignored so a write past it fails with EFBIG
 * as under `ulimit -f`, instead of ending the test. */
static gboolean
export_limited (LecternProject        *project,
                LecternExportOptions *options,
                const char           *path,
                rlim_t                limit,
                GCancellable         *cancellable,
                GError              **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  struct rlimit saved, limited;
  gboolean ok;

  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &saved));
  limited = saved;
  if (limit > 0)
    {
      limited.rlim_cur = limit;
      g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limited));
    }
  ok = lectern_export_to_file (project, options, file,
                               cancellable != NULL ? cancel_on_progress : NULL, cancellable,
                               cancellable, error);
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &saved));
  return ok;
}

/* Every format's file is written whole or not at all: an export cut
 * short (a file-size limit, a full disk, Cancel) leaves neither a partial
 * file under the final name nor a temporary file, and a file it would
 * have replaced stays byte for byte. */
static void
test_whole_or_nothing (void)
{
  static const LecternExportFormat formats[] = {
    LECTERN_EXPORT_FORMAT_MARKDOWN, LECTERN_EXPORT_FORMAT_HTML, LECTERN_EXPORT_FORMAT_CSV,
    LECTERN_EXPORT_FORMAT_JSON, LECTERN_EXPORT_FORMAT_QDPX, LECTERN_EXPORT_FORMAT_PDF,
  };
  static const char old[] = "OLD\0contents\n";
  Fixture fixture;
  g_autofree char *dir = fixture_path ("exports");
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_CSV);
  void (*previous) (int);

  fixture_init (&fixture, "whole.lectern");
  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  previous = signal (SIGXFSZ, SIG_IGN);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *name = lectern_export_format_to_string (formats[i]);
      g_autofree char *base = g_strconcat ("out.", lectern_export_format_get_extension (formats[i]), NULL);
      g_autofree char *path = g_build_filename (dir, base, NULL);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *listing = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_test_message ("format %s", name);
      lectern_export_options_set_format (options, formats[i]);
      g_assert_cmpstr ((listing = list_folder (dir)), ==, "");
      g_clear_pointer (&listing, g_free);

      /* A new file past the size limit: an error naming it, no file. */
      g_assert_false (export_limited (fixture.project, options, path, 64, NULL, &error));
      g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);
      g_assert_cmpstr ((listing = list_folder (dir)), ==, "");
      g_clear_pointer (&listing, g_free);

      /* A new file, cancelled midway: nothing. */
      g_assert_false (export_limited (fixture.project, options, path, 0, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_cmpstr ((listing = list_folder (dir)), ==, "");
      g_clear_pointer (&listing, g_free);

      /* Over an existing file: the old one, byte for byte. */
      g_assert_true (g_file_set_contents (path, old, sizeof old, NULL));
      g_assert_false (export_limited (fixture.project, options, path, 64, NULL, &error));
      g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_WRITE);
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpmem (contents, length, old, sizeof old);
      g_clear_pointer (&contents, g_free);
      g_assert_cmpstr ((listing = list_folder (dir)), ==, base);
      g_clear_pointer (&listing, g_free);
      g_assert_no_errno (g_unlink (path));

      /* A good export: the final name, and nothing else. */
      g_assert_true (export_limited (fixture.project, options, path, 0, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 64);
      g_assert_cmpstr ((listing = list_folder (dir)), ==, base);
      g_assert_no_errno (g_unlink (path));
    }

  signal (SIGXFSZ, previous);
  fixture_clear (&fixture);
}

typedef struct
{
  GMainLoop *loop;
  GThread   *main_thread;
  guint      n_progress;
  guint      last_done;
  guint      last_total;
  GError    *error;
  gboolean   finished;
} AsyncState;

static void
on_progress (guint    done,
             guint    total,
             gpointer data)
{
  AsyncState *state = data;

  /* Delivered on the caller's thread, before completion. */
  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_false (state->finished);
  state->n_progress++;
  state->last_done = done;
  state->last_total = total;
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  AsyncState *state = data;

  g_assert_true (g_thread_self () == state->main_thread);
  lectern_export_to_file_finish (result, &state->error);
  state->finished = TRUE;
  g_main_loop_quit (state->loop);
}

static void
test_async (void)
{
  Fixture fixture;
  g_autofree char *path = fixture_path ("async.jsonld");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_JSON);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  AsyncState state = { loop, g_thread_self (), 0, 0, 0, NULL, FALSE };

  fixture_init (&fixture, "async.lectern");
  lectern_export_to_file_async (lectern_project_get_file (fixture.project), options, file,
                                on_progress, &state, NULL, on_exported, &state);
  /* The options were copied: changing them now changes nothing. */
  lectern_export_options_set_format (options, LECTERN_EXPORT_FORMAT_CSV);
  g_main_loop_run (loop);
  g_assert_no_error (state.error);
  g_assert_cmpuint (state.n_progress, >=, 1);
  g_assert_cmpuint (state.last_done, ==, fixture.n_annotations);
  g_assert_cmpuint (state.last_total, ==, fixture.n_annotations);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);

  /* Cancelled: the file from before stays. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_cancellable_cancel (cancellable);
  state.finished = FALSE;
  lectern_export_to_file_async (lectern_project_get_file (fixture.project), options, file,
                                NULL, NULL, cancellable, on_exported, &state);
  g_main_loop_run (loop);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  {
    g_autofree char *after = NULL;

    g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, contents);
  }
  fixture_clear (&fixture);
}

/* Runs @sql on the project at @path through a connection of its own, as
 * someone editing the file by hand would. */
static void
edit_behind_the_back (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gboolean
export_format (Fixture              *fixture,
               LecternExportFormat   format,
               gboolean              full_documents,
               GError              **error)
{
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (format);
  g_autofree char *name = g_strdup_printf ("damaged.%s", lectern_export_format_get_extension (format));
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  lectern_export_options_set_html_full_documents (options, full_documents);
  return lectern_export_to_file (fixture->project, options, file, NULL, NULL, NULL, error);
}

/* A project edited by hand: the stored lengths of its documents lie, then
 * a passage's offsets point past its text. Every format either writes
 * what the texts hold or names the damage; none reads past a text. */
static void
test_damaged_lengths (void)
{
  Fixture fixture;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;

  fixture_init (&fixture, "damaged-lengths.lectern");
  path = g_file_get_path (lectern_project_get_file (fixture.project));
  sql = g_strdup_printf ("UPDATE documents SET length = length + 100000 WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE documents SET length = 1 WHERE id = %" G_GINT64_FORMAT ";",
                         fixture.doc1, fixture.doc2);
  edit_behind_the_back (path, sql);

  for (LecternExportFormat format = 0; format < LECTERN_EXPORT_N_FORMATS; format++)
    for (int full = 0; full < 2; full++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_true (export_format (&fixture, format, full, &error));
        g_assert_no_error (error);
      }

  /* A passage past the end of its text: the printed document, which walks
   * the text to each passage, reports the document as damaged. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE annotations SET end_offset = 100000 WHERE id ="
                         " (SELECT max(id) FROM annotations WHERE document_id = %" G_GINT64_FORMAT ");",
                         fixture.doc2);
  edit_behind_the_back (path, sql);
  for (LecternExportFormat format = 0; format < LECTERN_EXPORT_N_FORMATS; format++)
    {
      g_autoptr(GError) error = NULL;

      if (export_format (&fixture, format, TRUE, &error))
        continue;
      g_test_message ("%s: %s", lectern_export_format_to_string (format), error->message);
      g_assert_cmpint (format, ==, LECTERN_EXPORT_FORMAT_PDF);
      g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, FIXTURE_TITLE_2));
      g_assert_nonnull (strstr (error->message, "damaged"));
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (export_format (&fixture, LECTERN_EXPORT_FORMAT_PDF, TRUE, &error));
    g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_DAMAGED);
  }
  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/Exporter/formats", test_formats);
  g_test_add_func ("/Lectern/Exporter/options", test_options);
  g_test_add_func ("/Lectern/Exporter/filters", test_filters);
  g_test_add_func ("/Lectern/Exporter/atomic", test_atomic);
  g_test_add_func ("/Lectern/Exporter/whole-or-nothing", test_whole_or_nothing);
  g_test_add_func ("/Lectern/Exporter/async", test_async);
  g_test_add_func ("/Lectern/Exporter/damaged-lengths", test_damaged_lengths);
  return g_test_run ();
}
