/* test-cli.c — lectern-cli as a whole: version, help, usage errors, the
 * project file (init, open, check).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "cli-harness.h"

/* Every command lectern-cli promises. */
static const char * const commands[] = {
  "init", "check", "import", "documents", "document", "text", "document-set", "document-delete",
  "tags", "tag-add", "tag-set", "tag-rename", "tag-move", "tag-merge", "tag-delete",
  "annotate", "annotations", "annotation-set", "note", "annotation-delete", "memo",
  "search", "compare", "where", "export", "import-annotations", "import-qdpx", "restore",
  NULL
};

static void
test_version (void)
{
  g_autoptr(CliRun) run = cli_run (NULL, "--version", NULL);

  cli_assert_status (run, 0);
  g_assert_true (g_str_has_prefix (run->out_text, "lectern-cli "));
  g_assert_true (g_str_has_suffix (run->out_text, "\n"));
  g_assert_nonnull (strstr (run->out_text, PACKAGE_VERSION));
}

static void
test_help (void)
{
  g_autoptr(CliRun) run = cli_run (NULL, "--help", NULL);

  cli_assert_status (run, 0);
  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_autofree char *listed = g_strdup_printf ("\n  %s ", commands[i]);

      if (strstr (run->out_text, listed) == NULL)
        g_error ("“lectern-cli --help” does not list “%s”:\n%s", commands[i], run->out_text);
    }
}

static void
test_help_commands (void)
{
  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_autoptr(CliRun) help = cli_run (NULL, commands[i], "--help", NULL);
      g_autoptr(CliRun) help_command = cli_run (NULL, "help", commands[i], NULL);
      g_autofree char *usage = g_strdup_printf ("lectern-cli [OPTION…] %s", commands[i]);

      cli_assert_status (help, 0);
      cli_assert_status (help_command, 0);
      if (strstr (help->out_text, usage) == NULL)
        g_error ("“lectern-cli %s --help” lacks its usage line:\n%s", commands[i], help->out_text);
      g_assert_cmpstr (help->out_text, ==, help_command->out_text);
      g_assert_nonnull (strstr (help->out_text, "--project"));
    }
}

static void
test_help_options (void)
{
  g_autoptr(CliRun) annotate = cli_run (NULL, "help", "annotate", NULL);
  g_autoptr(CliRun) export = cli_run (NULL, "export", "--help", NULL);

  cli_assert_status (annotate, 0);
  g_assert_nonnull (strstr (annotate->out_text, "--tag"));
  g_assert_nonnull (strstr (annotate->out_text, "--note"));
  cli_assert_status (export, 0);
  g_assert_nonnull (strstr (export->out_text, "--format"));
  g_assert_nonnull (strstr (export->out_text, "--group-by"));
}

static void
test_usage_no_command (void)
{
  const char * const nothing[] = { NULL };
  g_autoptr(CliRun) run = cli_run_argv (NULL, NULL, nothing);

  cli_assert_usage_error (run);
  g_assert_cmpstr (run->out_text, ==, "");
}

static void
test_usage_unknown_command (void)
{
  g_autoptr(CliRun) run = cli_run (NULL, "frobnicate", NULL);
  g_autoptr(CliRun) help = cli_run (NULL, "help", "frobnicate", NULL);

  cli_assert_usage_error (run);
  g_assert_nonnull (strstr (run->err, "frobnicate"));
  cli_assert_usage_error (help);
}

static void
test_usage_unknown_option (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) global = cli_run (NULL, "--frobnicate", "documents", NULL);
  g_autoptr(CliRun) command = cli_run (project, "documents", "--frobnicate", NULL);

  cli_assert_usage_error (global);
  cli_assert_usage_error (command);
  g_assert_nonnull (strstr (command->err, "frobnicate"));
}

static void
test_usage_missing_arguments (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  const char * const *cases[] = {
    (const char *[]) { "text", NULL },
    (const char *[]) { "annotate", "1", "0", NULL },
    (const char *[]) { "import", NULL },
    (const char *[]) { "tag-rename", "A", NULL },
    (const char *[]) { "tag-move", "A", NULL },
    (const char *[]) { "tag-merge", "A", NULL },
    (const char *[]) { "tag-delete", NULL },
    (const char *[]) { "search", NULL },
    (const char *[]) { "compare", "1", NULL },
    (const char *[]) { "where", "1", "0", NULL },
    (const char *[]) { "note", "1", NULL },
    (const char *[]) { "export", NULL },
    (const char *[]) { "documents", "extra", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliRun) run = cli_run_argv (project, NULL, cases[i]);

      cli_assert_usage_error (run);
      g_assert_cmpstr (run->out_text, ==, "");
    }
}

static void
test_usage_bad_number (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  const char * const *cases[] = {
    (const char *[]) { "text", "abc", NULL },
    (const char *[]) { "text", "0", NULL },
    (const char *[]) { "text", "-3", NULL },
    (const char *[]) { "annotate", "1", "x", "5", "--tag", "A", NULL },
    (const char *[]) { "annotate", "1", "0", "5.5", "--tag", "A", NULL },
    (const char *[]) { "annotate", "1", "-1", "5", "--tag", "A", NULL },
    (const char *[]) { "search", "word", "--limit", "many", NULL },
    (const char *[]) { "search", "word", "--limit", "-1", NULL },
    (const char *[]) { "annotations", "--document", "one", NULL },
    (const char *[]) { "where", "1", "0", "ten", NULL },
    (const char *[]) { "note", "x", "text", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliRun) run = cli_run_argv (project, NULL, cases[i]);

      cli_assert_usage_error (run);
    }
}

static void
test_usage_no_project (void)
{
  g_autoptr(CliRun) run = cli_run (NULL, "documents", NULL);

  cli_assert_usage_error (run);
  g_assert_nonnull (strstr (run->err, "--project"));
  g_assert_nonnull (strstr (run->err, "LECTERN_PROJECT"));
}

static void
test_project_from_environment (void)
{
  g_autofree char *project = cli_temp_path ("env.lectern");
  const char * const init[] = { "init", NULL };
  const char * const documents[] = { "documents", NULL };
  g_autoptr(CliRun) created = cli_run_argv (NULL, project, init);
  g_autoptr(CliRun) listed = NULL;

  cli_assert_status (created, 0);
  g_assert_true (g_file_test (project, G_FILE_TEST_IS_REGULAR));

  cli_import_text (project, "a.txt", "A title\n\nSome text.\n");
  listed = cli_run_argv (NULL, project, documents);
  cli_assert_status (listed, 0);
  g_assert_true (g_str_has_prefix (listed->out_text, "1\tA title\t"));
}

static void
test_project_option_after_command (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) run = NULL;

  cli_import_text (project, "a.txt", "A title\n\nSome text.\n");
  run = cli_run (NULL, "documents", "--project", project, NULL);
  cli_assert_status (run, 0);
  g_assert_true (g_str_has_prefix (run->out_text, "1\tA title\t"));
}

static void
test_init_creates (void)
{
  g_autofree char *project = cli_temp_path ("new.lectern");
  g_autoptr(CliRun) run = cli_run (project, "init", NULL);
  g_autoptr(CliRun) documents = NULL;
  g_autoptr(CliRun) again = NULL;

  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out_text, ==, "");
  g_assert_true (g_file_test (project, G_FILE_TEST_IS_REGULAR));

  documents = cli_run (project, "documents", NULL);
  cli_assert_status (documents, 0);
  g_assert_cmpstr (documents->out_text, ==, "");

  /* An empty project may be initialised again: it is what init makes. */
  again = cli_run (project, "init", NULL);
  cli_assert_status (again, 0);
}

static void
test_init_refuses_existing_file (void)
{
  const char precious[] = "My notes, not a project.\n";
  g_autofree char *path = cli_write_file ("notes.lectern", precious, -1);
  g_autoptr(CliRun) run = cli_run (path, "init", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  cli_assert_failure (run);
  g_assert_nonnull (strstr (run->err, "notes.lectern"));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, precious, strlen (precious));
}

static void
test_init_refuses_project_with_documents (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) documents = NULL;

  cli_import_text (project, "a.txt", "A title\n\nSome text.\n");
  run = cli_run (project, "init", NULL);
  cli_assert_failure (run);

  documents = cli_run (project, "documents", NULL);
  cli_assert_status (documents, 0);
  g_assert_true (g_str_has_prefix (documents->out_text, "1\tA title\t"));
}

static void
test_open_missing_project (void)
{
  g_autofree char *project = cli_temp_path ("missing.lectern");
  g_autoptr(CliRun) run = cli_run (project, "documents", NULL);

  cli_assert_failure (run);
  g_assert_nonnull (strstr (run->err, "missing.lectern"));
  g_assert_nonnull (strstr (run->err, "init"));
  /* A mistyped name must not become a new project. */
  g_assert_false (g_file_test (project, G_FILE_TEST_EXISTS));
}

static void
test_open_not_a_project (void)
{
  const char text[] = "Just some text.\n";
  g_autofree char *path = cli_write_file ("text.lectern", text, -1);
  g_autoptr(CliRun) run = cli_run (path, "documents", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  cli_assert_failure (run);
  g_assert_nonnull (strstr (run->err, "text.lectern"));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, text, strlen (text));
}

static void
test_check_sound (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) empty = cli_run (project, "check", NULL);
  const char text[] = "A title\n\nThe Minsk agreements were discussed.\n";
  glong start = cli_char_offset (text, "Minsk agreements");
  g_autoptr(CliRun) run = NULL;
  gint64 id;

  cli_assert_status (empty, 0);
  g_assert_cmpstr (empty->out_text, ==, "");

  id = cli_import_text (project, "a.txt", text);
  cli_annotate (project, id, start, start + 16, "Minsk agreements", "a note");
  cli_annotate (project, id, start, start + 5, "Places/Minsk", NULL);

  run = cli_run (project, "check", NULL);
  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out_text, ==, "");
}

static void
test_check_truncated (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autoptr(GString) text = g_string_new ("A long document\n\n");
  g_autoptr(CliRun) run = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "Sentence %u of a text long enough to fill many pages.\n", i);
  cli_import_text (project, "long.txt", text->str);

  g_assert_true (g_file_get_contents (project, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  g_assert_true (g_file_set_contents (project, contents, len / 2, NULL));

  run = cli_run (project, "check", NULL);
  cli_assert_failure (run);
}

static char *
document_titles (const char *project)
{
  g_autoptr(CliRun) run = cli_run (project, "documents", NULL);
  g_autoptr(GString) titles = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);

      g_string_append_printf (titles, "%s;", fields[1]);
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
test_restore (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *snapshot = cli_temp_path ("snapshot.lectern");
  g_autofree char *contents = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *before_restore = NULL;
  g_autoptr(CliRun) restore = NULL;
  g_autoptr(CliRun) list = NULL;
  g_autoptr(CliRun) back = NULL;
  g_autoptr(CliRun) missing = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len;

  cli_import_text (project, "a.txt", "First text\n\nWords.\n");
  /* No process has the project open: the file is complete on its own. */
  g_assert_true (g_file_get_contents (project, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (snapshot, contents, len, NULL));
  cli_import_text (project, "b.txt", "Second text\n\nMore words.\n");

  restore = cli_run (project, "restore", snapshot, NULL);
  cli_assert_status (restore, 0);
  restored = document_titles (project);
  g_assert_cmpstr (restored, ==, "First text;");

  /* The state before the restore became a backup, listed newest first:
   * NAME MODIFIED BYTES PATH. */
  list = cli_run (project, "restore", NULL);
  cli_assert_status (list, 0);
  lines = cli_lines (list->out_text);
  g_assert_cmpuint (g_strv_length (lines), >=, 1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_true (g_str_has_prefix (fields[0], "p-"));
      g_assert_true (g_str_has_suffix (fields[3], fields[0]));
      g_assert_true (g_file_test (fields[3], G_FILE_TEST_IS_REGULAR));
      if (before_restore == NULL && strstr (fields[0], "restore") != NULL)
        before_restore = g_strdup (fields[0]);
    }
  g_assert_nonnull (before_restore);

  back = cli_run (project, "restore", before_restore, NULL);
  cli_assert_status (back, 0);
  undone = document_titles (project);
  g_assert_cmpstr (undone, ==, "First text;Second text;");

  missing = cli_run (project, "restore", "p-19990101-000000.lectern", NULL);
  cli_assert_failure (missing);
  g_assert_nonnull (strstr (missing->err, "p-19990101-000000.lectern"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @folder and in the folders in it, sorted. */
static char *
list_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_ptr_array_add (names, g_strdup (name));
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *inside = list_files (path);

          g_ptr_array_add (names, g_strdup_printf ("%s/{%s}", name, inside));
        }
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (";", (char **) names->pdata);
}

/* A project whose schema another program changed is refused with a
 * message naming it; nothing is created and the file is not touched. */
static void
test_open_tampered (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *folder = g_path_get_dirname (project);
  g_autofree char *stolen = cli_temp_path ("stolen.lectern");
  g_autofree char *payload =
    g_strdup_printf ("x'); END; VACUUM INTO '%s'; --", stolen);
  g_autofree char *before_files = NULL;
  g_autofree char *after_files = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CliRun) run = NULL;
  gsize before_len, after_len;
  sqlite3 *db = NULL;
  char *sql;

  cli_import_text (project, "a.txt", "A title\n\nSome text.\n");

  sql = sqlite3_mprintf ("ALTER TABLE memos RENAME COLUMN updated TO \"%w\";"
                         "PRAGMA journal_mode = DELETE;", payload);
  g_assert_cmpint (sqlite3_open (project, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  sqlite3_free (sql);

  before_files = list_files (folder);
  g_assert_true (g_file_get_contents (project, &before, &before_len, NULL));

  run = cli_run (project, "documents", NULL);
  cli_assert_failure (run);
  g_assert_nonnull (strstr (run->err, project));
  g_assert_nonnull (strstr (run->err, "outside Lectern"));

  g_assert_false (g_file_test (stolen, G_FILE_TEST_EXISTS));
  after_files = list_files (folder);
  g_assert_cmpstr (after_files, ==, before_files);
  g_assert_true (g_file_get_contents (project, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, before, before_len);
}

/* What a damaged project's message tells the user to do must work. */
static void
test_restore_damaged (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *snapshot = cli_temp_path ("snapshot.lectern");
  g_autoptr(GString) text = g_string_new ("A long document\n\n");
  g_autofree char *contents = NULL;
  g_autofree char *titles = NULL;
  g_autoptr(CliRun) damaged = NULL;
  g_autoptr(CliRun) restore = NULL;
  g_autoptr(CliRun) check = NULL;
  gsize len;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "Sentence %u of a text long enough to fill many pages.\n", i);
  cli_import_text (project, "long.txt", text->str);
  g_assert_true (g_file_get_contents (project, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (snapshot, contents, len, NULL));
  g_assert_true (g_file_set_contents (project, contents, len / 2, NULL));

  damaged = cli_run (project, "documents", NULL);
  cli_assert_failure (damaged);
  g_assert_nonnull (strstr (damaged->err, "backup"));

  restore = cli_run (project, "restore", snapshot, NULL);
  cli_assert_status (restore, 0);
  titles = document_titles (project);
  g_assert_cmpstr (titles, ==, "A long document;");
  check = cli_run (project, "check", NULL);
  cli_assert_status (check, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/version", test_version);
  g_test_add_func ("/Lectern/Cli/help/commands-listed", test_help);
  g_test_add_func ("/Lectern/Cli/help/every-command", test_help_commands);
  g_test_add_func ("/Lectern/Cli/help/options", test_help_options);
  g_test_add_func ("/Lectern/Cli/usage/no-command", test_usage_no_command);
  g_test_add_func ("/Lectern/Cli/usage/unknown-command", test_usage_unknown_command);
  g_test_add_func ("/Lectern/Cli/usage/unknown-option", test_usage_unknown_option);
  g_test_add_func ("/Lectern/Cli/usage/missing-arguments", test_usage_missing_arguments);
  g_test_add_func ("/Lectern/Cli/usage/bad-number", test_usage_bad_number);
  g_test_add_func ("/Lectern/Cli/usage/no-project", test_usage_no_project);
  g_test_add_func ("/Lectern/Cli/project/environment", test_project_from_environment);
  g_test_add_func ("/Lectern/Cli/project/option-after-command", test_project_option_after_command);
  g_test_add_func ("/Lectern/Cli/init/creates", test_init_creates);
  g_test_add_func ("/Lectern/Cli/init/refuses-existing-file", test_init_refuses_existing_file);
  g_test_add_func ("/Lectern/Cli/init/refuses-project-with-documents", test_init_refuses_project_with_documents);
  g_test_add_func ("/Lectern/Cli/open/missing", test_open_missing_project);
  g_test_add_func ("/Lectern/Cli/open/not-a-project", test_open_not_a_project);
  g_test_add_func ("/Lectern/Cli/open/tampered", test_open_tampered);
  g_test_add_func ("/Lectern/Cli/check/sound", test_check_sound);
  g_test_add_func ("/Lectern/Cli/check/truncated", test_check_truncated);
  g_test_add_func ("/Lectern/Cli/restore/by-name-and-path", test_restore);
  g_test_add_func ("/Lectern/Cli/restore/damaged", test_restore_damaged);

  return g_test_run ();
}
