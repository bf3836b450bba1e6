/* cli-harness.h — runs the real lectern-cli binary for the CLI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What one run of lectern-cli gave. */
typedef struct
{
  int     status;   /* exit status; -1 if it did not exit normally */
  GBytes *out;      /* standard output, as bytes */
  char   *out_text; /* the same, NUL-terminated */
  char   *err;      /* standard error */
} CliRun;

void    cli_run_free      (CliRun *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

/* Runs lectern-cli with --project @project (unless NULL) and the
 * NULL-terminated arguments; LECTERN_PROJECT is unset unless
 * @env_project is given. */
CliRun *cli_run           (const char  *project,
                           const char  *first_arg,
                           ...) G_GNUC_NULL_TERMINATED;
CliRun *cli_run_argv      (const char  *project,
                           const char  *env_project,
                           const char * const *args);
/* LECTERN_CODER for every run: CLI_TEST_CODER unless set here (NULL:
 * unset, so that the account's name is the coder's). */
#define CLI_TEST_CODER "Tester"
void    cli_set_coder_env (const char  *value);
/* Starts lectern-cli without waiting, for concurrency tests. */
GSubprocess *cli_spawn    (const char  *project,
                           const char * const *args);
CliRun *cli_wait          (GSubprocess *process);

/* Asserts the run exited with @status; prints its stderr otherwise. */
#define cli_assert_status(run, expected)                                         \
  G_STMT_START {                                                                 \
    if ((run)->status != (expected))                                             \
      g_printerr ("lectern-cli exited %d, expected %d; stderr:\n%s\nstdout:\n%s\n", \
                  (run)->status, (expected), (run)->err, (run)->out_text);        \
    g_assert_cmpint ((run)->status, ==, (expected));                             \
  } G_STMT_END

/* A usage error: exit 2 and a "lectern-cli: " line on stderr. */
void    cli_assert_usage_error (CliRun *run);
/* A failure: exit 1 and a "lectern-cli: " line on stderr. */
void    cli_assert_failure     (CliRun *run);

/* A path in this test's own temporary folder. (transfer full) */
char   *cli_temp_path     (const char  *name);
/* Writes @data (@len -1: a string) to a new file there; returns its path. */
char   *cli_write_file    (const char  *name,
                           const char  *data,
                           gssize       len);
/* A new empty project there. (transfer full) */
char   *cli_new_project   (const char  *name);
/* Imports one text as a file named @name; returns the document id. */
gint64  cli_import_text   (const char  *project,
                           const char  *name,
                           const char  *text);
/* Annotates and returns the new annotation id. */
gint64  cli_annotate      (const char  *project,
                           gint64       document_id,
                           glong        start,
                           glong        end,
                           const char  *tag,
                           const char  *note);

/* Output lines without the final newline. (transfer full) */
char  **cli_lines         (const char  *text);
/* Fields of one TSV line, unescaped. (transfer full) */
char  **cli_fields        (const char  *line);
/* Code-point offset of the first @needle in @haystack, -1 if none. */
glong   cli_char_offset   (const char  *haystack,
                           const char  *needle);

G_END_DECLS
