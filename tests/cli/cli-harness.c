/* cli-harness.c — runs the real lectern-cli binary for the CLI tests.
 *
 * The binary's path comes from $LECTERN_CLI, set by tests/cli/meson.build.
 * $LECTERN_CLI_WRAPPER, when set, is a command line the binary runs under;
 * a leak or memory error then fails the test (exit 99):
 *   LECTERN_CLI_WRAPPER="valgrind -q --leak-check=full --error-exitcode=99
 *     --errors-for-leak-kinds=definite --undef-value-errors=no
 *     --suppressions=$PWD/tests/cli/valgrind.supp" meson test --suite cli
 * (--undef-value-errors=no: import's third-party libraries, outside
 * Lectern and without symbols, make memcheck report conditional jumps.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "cli-harness.h"

void
cli_run_free (CliRun *run)
{
  g_clear_pointer (&run->out, g_bytes_unref);
  g_free (run->out_text);
  g_free (run->err);
  g_free (run);
}

/* What LECTERN_CODER is for the runs: the account's name would make
 * outputs differ from one machine to the next. */
static char *coder_env = NULL;
static gboolean coder_env_set = FALSE;

void
cli_set_coder_env (const char *value)
{
  g_free (coder_env);
  coder_env = g_strdup (value);
  coder_env_set = TRUE;
}

static GSubprocess *
spawn (const char         *project,
       const char         *env_project,
       const char * const *args,
       GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *binary = g_getenv ("LECTERN_CLI");
  const char *wrapper = g_getenv ("LECTERN_CLI_WRAPPER");
  g_auto(GStrv) wrapper_argv = NULL;

  g_assert_nonnull (binary);
  if (wrapper != NULL && wrapper[0] != '\0')
    {
      g_autoptr(GError) parse_error = NULL;

      g_shell_parse_argv (wrapper, NULL, &wrapper_argv, &parse_error);
      g_assert_no_error (parse_error);
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (env_project != NULL)
    g_subprocess_launcher_setenv (launcher, "LECTERN_PROJECT", env_project, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "LECTERN_PROJECT");
  if (!coder_env_set)
    g_subprocess_launcher_setenv (launcher, "LECTERN_CODER", CLI_TEST_CODER, TRUE);
  else if (coder_env != NULL)
    g_subprocess_launcher_setenv (launcher, "LECTERN_CODER", coder_env, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "LECTERN_CODER");
  /* Messages are compared in English. */
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");

  for (guint i = 0; wrapper_argv != NULL && wrapper_argv[i] != NULL; i++)
    g_ptr_array_add (argv, wrapper_argv[i]);
  g_ptr_array_add (argv, (gpointer) binary);
  if (project != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--project");
      g_ptr_array_add (argv, (gpointer) project);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
}

CliRun *
cli_wait (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) err = NULL;
  CliRun *run = g_new0 (CliRun, 1);

  g_subprocess_communicate (process, NULL, NULL, &run->out, &err, &error);
  g_assert_no_error (error);

  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  /* Empty bytes may have no data at all. */
  run->out_text = g_bytes_get_size (run->out) > 0
    ? g_strndup (g_bytes_get_data (run->out, NULL), g_bytes_get_size (run->out))
    : g_strdup ("");
  run->err = g_bytes_get_size (err) > 0
    ? g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err))
    : g_strdup ("");

  return run;
}

GSubprocess *
cli_spawn (const char         *project,
           const char * const *args)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process = spawn (project, NULL, args, &error);

  g_assert_no_error (error);
  return process;
}

CliRun *
cli_run_argv (const char         *project,
              const char         *env_project,
              const char * const *args)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = spawn (project, env_project, args, &error);
  g_assert_no_error (error);

  return cli_wait (process);
}

CliRun *
cli_run (const char *project,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return cli_run_argv (project, NULL, (const char * const *) args->pdata);
}

void
cli_assert_usage_error (CliRun *run)
{
  cli_assert_status (run, 2);
  g_assert_true (g_str_has_prefix (run->err, "lectern-cli: "));
}

void
cli_assert_failure (CliRun *run)
{
  cli_assert_status (run, 1);
  g_assert_true (g_str_has_prefix (run->err, "lectern-cli: "));
}

char *
cli_temp_path (const char *name)
{
  const char *dir = g_get_user_data_dir ();

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  return g_build_filename (dir, name, NULL);
}

char *
cli_write_file (const char *name,
                const char *data,
                gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = cli_temp_path (name);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);

  return path;
}

char *
cli_new_project (const char *name)
{
  char *path = cli_temp_path (name);
  g_autoptr(CliRun) run = cli_run (path, "init", NULL);

  cli_assert_status (run, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

gint64
cli_import_text (const char *project,
                 const char *name,
                 const char *text)
{
  g_autofree char *path = cli_write_file (name, text, -1);
  g_autoptr(CliRun) run = cli_run (project, "import", path, NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  gint64 id;

  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  fields = cli_fields (lines[0]);
  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  g_assert_true (g_ascii_string_to_signed (fields[0], 10, 1, G_MAXINT64, &id, NULL));

  return id;
}

gint64
cli_annotate (const char *project,
              gint64      document_id,
              glong       start,
              glong       end,
              const char *tag,
              const char *note)
{
  g_autofree char *document = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);
  g_autofree char *start_text = g_strdup_printf ("%ld", start);
  g_autofree char *end_text = g_strdup_printf ("%ld", end);
  const char *args[] = { "annotate", document, start_text, end_text, "--tag", tag,
                         note != NULL ? "--note" : NULL, note, NULL };
  g_autoptr(CliRun) run = cli_run_argv (project, NULL, args);
  gint64 id;

  cli_assert_status (run, 0);
  g_assert_true (g_str_has_suffix (run->out_text, "\n"));
  run->out_text[strlen (run->out_text) - 1] = '\0';
  g_assert_true (g_ascii_string_to_signed (run->out_text, 10, 1, G_MAXINT64, &id, NULL));

  return id;
}

char **
cli_lines (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (parts);

  if (n == 0)
    return g_strv_builder_end (builder);

  /* Every record ends with a newline: the last part is empty. */
  g_assert_cmpstr (parts[n - 1], ==, "");
  for (guint i = 0; i + 1 < n; i++)
    g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

static char *
unescape (const char *field)
{
  GString *out = g_string_new (NULL);

  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case 't':
          g_string_append_c (out, '\t');
          break;
        case 'n':
          g_string_append_c (out, '\n');
          break;
        case 'r':
          g_string_append_c (out, '\r');
          break;
        case '\\':
          g_string_append_c (out, '\\');
          break;
        default:
          g_error ("bad escape in field “%s”", field);
        }
    }

  return g_string_free (out, FALSE);
}

char **
cli_fields (const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, "\t", -1);
  guint n = g_strv_length (parts);
  char **fields = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    fields[i] = unescape (parts[i]);

  return fields;
}

glong
cli_char_offset (const char *haystack,
                 const char *needle)
{
  const char *found = strstr (haystack, needle);

  if (found == NULL)
    return -1;

  return g_utf8_pointer_to_offset (haystack, found);
}
