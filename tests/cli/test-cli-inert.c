/* test-cli-inert.c — nothing lectern-cli prints can drive a terminal:
 * control characters in titles, notes, texts and file names come out
 * escaped, on standard output and on standard error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* posix_openpt() and friends. */
#define _GNU_SOURCE

#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli-harness.h"

/* A window-title change, hidden text, and a C1 CSI (U+009B). */
#define EVIL "\x1b]0;pwned\x07 \x1b[8m \xc2\x9b" "31m"
#define EVIL_ESCAPED "\\x1b]0;pwned\\x07 \\x1b[8m \\u009b31m"

/* TRUE if @text holds a byte a terminal acts on: C0 but tab and newline,
 * DEL, or a C1 control encoded in UTF-8. */
static gboolean
has_control (const char *text,
             gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = text[i];

      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
        return TRUE;
      if (c == 0xc2 && i + 1 < len && (guchar) text[i + 1] >= 0x80 && (guchar) text[i + 1] <= 0x9f)
        return TRUE;
    }

  return FALSE;
}

static void
assert_inert (CliRun *run)
{
  cli_assert_status (run, 0);
  g_assert_false (has_control (g_bytes_get_data (run->out, NULL), g_bytes_get_size (run->out)));
  g_assert_false (has_control (run->err, strlen (run->err)));
}

static char *
new_evil_project (void)
{
  /* Control characters in the text are kept when few (nothing else
   * changes); they show up in search contexts and quotes. */
  static const char text[] =
    "Minsk agreements revisited\n\n"
    "The ceasefire " EVIL " was signed in Minsk by the contact group, and the "
    "ceasefire held for a while along most of the line of contact, observers said. "
    "The monitoring mission reported fewer violations each week of the first month.\n\n"
    "Diplomats in Paris and Berlin spoke of a fragile but real improvement, and the "
    "foreign ministers agreed to meet again in the autumn to review the exchange of "
    "prisoners, the withdrawal of heavy weapons and the local elections foreseen by "
    "the agreements, which neither side had yet prepared. That is the whole story.\n";
  char *project = cli_new_project ("p.lectern");
  g_autoptr(CliRun) set = NULL;
  gint64 id;

  id = cli_import_text (project, "minsk.txt", text);
  g_assert_cmpint (id, ==, 1);
  set = cli_run (project, "document-set", "1", "--title", "Title " EVIL, "--author", EVIL, NULL);
  cli_assert_status (set, 0);
  cli_annotate (project, 1, 28, 60, "Claims", "Note " EVIL);

  return project;
}

static void
test_stdout (void)
{
  g_autofree char *project = new_evil_project ();
  const char *commands[][4] = {
    { "documents", NULL },
    { "document", "1", NULL },
    { "search", "ceasefire", NULL },
    { "annotations", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(CliRun) run = cli_run_argv (project, NULL, commands[i]);

      assert_inert (run);
      /* Search contexts show controls as spaces already. */
      if (!g_str_equal (commands[i][0], "search"))
        g_assert_nonnull (strstr (run->out_text, EVIL_ESCAPED));
    }
}

/* A file name with an escape sequence, and one that is not UTF-8: the
 * error names them, escaped. */
static void
test_stderr (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *evil = cli_temp_path ("evil\x1b]0;pwned\x07.txt");
  g_autofree char *bad = cli_temp_path ("bad\xff\x1b[8m.txt");
  g_autoptr(CliRun) run = cli_run (project, "import", evil, bad, NULL);

  cli_assert_failure (run);
  g_assert_false (has_control (run->err, strlen (run->err)));
  g_assert_true (g_utf8_validate (run->err, -1, NULL));
  g_assert_nonnull (strstr (run->err, "evil\\x1b]0;pwned\\x07.txt"));
  g_assert_nonnull (strstr (run->err, "\\x1b[8m.txt"));
}

/* `text` writes the very bytes to a pipe; to a terminal, escaped. */
static void
test_text_terminal (void)
{
  g_autofree char *project = new_evil_project ();
  g_autoptr(CliRun) piped = cli_run (project, "text", "1", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  int master, slave;
  char buffer[4096];
  ssize_t n;

  cli_assert_status (piped, 0);
  g_assert_nonnull (strstr (piped->out_text, EVIL));

  master = posix_openpt (O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt (master) != 0 || unlockpt (master) != 0)
    {
      g_test_skip ("no pseudo-terminal here");
      return;
    }
  slave = open (ptsname (master), O_RDWR | O_NOCTTY);
  g_assert_cmpint (slave, >=, 0);

  g_subprocess_launcher_take_stdout_fd (launcher, slave);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("LECTERN_CLI"),
                                         "--project", project, "text", "1", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);

  /* The child has exited; read what it left, then EIO at the end. */
  while ((n = read (master, buffer, sizeof buffer)) > 0)
    {
      g_string_append_len (seen, buffer, n);
      if (strstr (seen->str, "whole story.") != NULL)
        break;
    }
  close (master);

  g_assert_nonnull (strstr (seen->str, EVIL_ESCAPED));
  g_assert_null (strchr (seen->str, '\x1b'));
  g_assert_null (strchr (seen->str, '\x07'));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/Cli/inert/stdout", test_stdout);
  g_test_add_func ("/Lectern/Cli/inert/stderr", test_stderr);
  g_test_add_func ("/Lectern/Cli/inert/text-terminal", test_text_terminal);
  return g_test_run ();
}
