/* lectern-cli-private.h — what the command files of lectern-cli share: the
 * command signature, the exit statuses, and helpers for arguments, the
 * project and errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-core.h"

G_BEGIN_DECLS

/* Exit statuses: scripts tell a failure from a mistake in the call. */
typedef enum
{
  LECTERN_CLI_EXIT_OK      = 0,
  LECTERN_CLI_EXIT_FAILURE = 1,
  LECTERN_CLI_EXIT_USAGE   = 2,
} LecternCliExit;

/* One invocation: the global options, shared by every command. */
typedef struct
{
  char *project_path;   /* --project FILE, else $LECTERN_PROJECT; may be NULL */
  char *project_option; /* --project given after the command, while parsing */
  char *coder;          /* --coder NAME, else $LECTERN_CODER; NULL: the account's name */
  char **process_argv;  /* main ()'s own argv, unchanged (not owned): for exec */
} LecternCli;

/* A command receives its own argv: argv[0] is the command's name. */
typedef int (*LecternCliRunFunc) (LecternCli  *cli,
                                  int          argc,
                                  char       **argv);

typedef struct
{
  const char        *name;
  const char        *parameters;   /* "ID START END", for --help */
  const char        *summary;      /* one line, translatable (N_) */
  LecternCliRunFunc  run;
} LecternCliCommand;

/* lectern-cli is built twice from these files (see src/cli/meson.build):
 * lectern-cli, which links only core, compare and the turn detector, and
 * lectern-cli-formats, built with LECTERN_CLI_FORMATS, which also links the
 * import and export formats (poppler, cairo, pango, gmime, libxml2,
 * libarchive…). In lectern-cli a command that needs a format runs
 * lectern_cli_exec_formats (), which execs lectern-cli-formats with the
 * same arguments; so both list the same commands, and such a command's
 * own function is compiled only into lectern-cli-formats. */
#ifdef LECTERN_CLI_FORMATS
# define LECTERN_CLI_FORMATS_RUN(run) (run)
#else
# define LECTERN_CLI_FORMATS_RUN(run) lectern_cli_exec_formats
int lectern_cli_exec_formats (LecternCli  *cli,
                              int          argc,
                              char       **argv);
#endif

/* Dispatch tables of each command group, NULL-name terminated. */
extern const LecternCliCommand lectern_cli_project_commands[];
extern const LecternCliCommand lectern_cli_documents_commands[];
extern const LecternCliCommand lectern_cli_turns_commands[];
extern const LecternCliCommand lectern_cli_tags_commands[];
extern const LecternCliCommand lectern_cli_annotations_commands[];
extern const LecternCliCommand lectern_cli_coders_commands[];
extern const LecternCliCommand lectern_cli_agreement_commands[];
extern const LecternCliCommand lectern_cli_editing_commands[];
extern const LecternCliCommand lectern_cli_search_commands[];
extern const LecternCliCommand lectern_cli_compare_commands[];
extern const LecternCliCommand lectern_cli_export_commands[];
extern const LecternCliCommand lectern_cli_merge_commands[];
extern const LecternCliCommand lectern_cli_analysis_commands[];

/* lectern-cli-output.c: the one writer of machine output. */
char      *lectern_cli_escape_field  (const char   *field);
char      *lectern_cli_escape_message (const char  *message);
void       lectern_cli_print_record  (guint         n_fields,
                                      ...);
void       lectern_cli_print_fields  (const char * const *fields,
                                      guint         n_fields);
gboolean   lectern_cli_write_raw     (const char   *data,
                                      gsize         len,
                                      GError      **error);
gboolean   lectern_cli_flush         (GError      **error);

/* lectern-cli-context.c: arguments, the project, errors. */
const LecternCliCommand *lectern_cli_find_command (const char *name);
/* A command's option context: its usage line and summary for --help, its
 * @entries (may be NULL), and --project. */
GOptionContext *lectern_cli_option_context_new (LecternCli         *cli,
                                                const char         *command_name,
                                                const GOptionEntry *entries);
/* Parses the command's options and checks that @min_args to @max_args
 * positional arguments (@max_args -1: no limit) follow the command name; on
 * a usage error prints it and returns FALSE (the caller exits
 * LECTERN_CLI_EXIT_USAGE). */
gboolean        lectern_cli_parse            (LecternCli      *cli,
                                              GOptionContext  *context,
                                              const char      *command_name,
                                              int             *argc,
                                              char          ***argv,
                                              int              min_args,
                                              int              max_args);
/* Prints "lectern-cli: MESSAGE" to stderr. */
void            lectern_cli_error            (const char      *format,
                                              ...) G_GNUC_PRINTF (1, 2);
/* Prints a usage error with a pointer to the command's help; returns
 * LECTERN_CLI_EXIT_USAGE. */
int             lectern_cli_usage_error      (const char      *command_name,
                                              const char      *format,
                                              ...) G_GNUC_PRINTF (2, 3);
gboolean        lectern_cli_parse_id         (const char      *command_name,
                                              const char      *what,
                                              const char      *text,
                                              gint64          *id);
gboolean        lectern_cli_parse_offset     (const char      *command_name,
                                              const char      *what,
                                              const char      *text,
                                              glong           *offset);
/* The project file named by --project or $LECTERN_PROJECT; prints a usage
 * error and returns NULL when there is none. */
GFile          *lectern_cli_dup_project_file (LecternCli      *cli);
/* Opens the existing project; prints the error and returns NULL on failure
 * (*exit_status tells which kind). */
LecternProject  *lectern_cli_open_project      (LecternCli      *cli,
                                              int             *exit_status);
/* Prints @error and returns LECTERN_CLI_EXIT_FAILURE. */
int             lectern_cli_fail             (const GError    *error);
/* "Parent/Child" paths of every tag, by id. (transfer full) */
GHashTable     *lectern_cli_dup_tag_paths    (LecternProject   *project,
                                              GError         **error);

/* lectern-cli-analysis.c */
/* The document filter of --document ID… --language CODE --var KEY=VALUE
 * (each may be NULL); on a usage error prints it and returns FALSE. */
gboolean        lectern_cli_parse_filter     (const char             *command_name,
                                              char                  **documents,
                                              const char             *language,
                                              const char             *variable,
                                              LecternDocumentFilter **filter);

/* lectern-cli-coders.c */
/* gint64 * coder id → the name to show. (transfer full) */
GHashTable     *lectern_cli_dup_coder_names  (LecternProject      *project,
                                              GError             **error);
/* The ids (a set of gint64 *) of the coders named @names, stored or
 * shown name; a name nobody has: G_OPTION_ERROR. (transfer full) */
GHashTable     *lectern_cli_find_coders      (LecternProject      *project,
                                              const char * const  *names,
                                              GError             **error);

G_END_DECLS
