/* test-cli-coders.c — lectern-cli and coders (issue #15): who codes is
 * --coder NAME, else $LECTERN_CODER, else the account's name; annotations
 * shows each passage's CODER last and filters by --coder; coders lists
 * ID GUID NAME PASSAGES.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-harness.h"

static const char statement[] =
  "Moscow says the expansion of NATO is the cause of the crisis.\n";

/* The CODER field of every passage, in order, one a line. */
static char *
coders_of_passages (const char *project,
                    const char *filter_first,
                    const char *filter_second)
{
  g_autoptr(CliRun) run = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  if (filter_second != NULL)
    run = cli_run (project, "annotations", "--coder", filter_first, "--coder", filter_second, NULL);
  else if (filter_first != NULL)
    run = cli_run (project, "annotations", "--coder", filter_first, NULL);
  else
    run = cli_run (project, "annotations", NULL);
  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);

      g_assert_cmpuint (g_strv_length (fields), ==, 8);
      g_string_append_printf (out, "%s\n", fields[7]);
    }
  return g_string_free (out, FALSE);
}

static void
annotate_as (const char *project,
             const char *coder,
             glong       start)
{
  g_autofree char *start_text = g_strdup_printf ("%ld", start);
  g_autofree char *end_text = g_strdup_printf ("%ld", start + 6);
  g_autoptr(CliRun) run = coder != NULL
                          ? cli_run (project, "--coder", coder, "annotate", "1", start_text, end_text,
                                     "--tag", "Claims", NULL)
                          : cli_run (project, "annotate", "1", start_text, end_text, "--tag", "Claims", NULL);

  cli_assert_status (run, 0);
}

/* What core takes when nobody says: the account's full name, else its
 * user name. */
static const char *
account_name (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || strcmp (name, "Unknown") == 0)
    name = g_get_user_name ();
  return name;
}

static void
test_who_codes (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *coders = NULL;
  g_autofree char *expected = NULL;

  cli_import_text (project, "s.txt", statement);

  /* $LECTERN_CODER (the harness sets it), --coder before it. */
  annotate_as (project, NULL, 0);
  annotate_as (project, "Zoé", 7);
  cli_set_coder_env ("Ana");
  annotate_as (project, NULL, 14);
  /* Neither: the account's name. */
  cli_set_coder_env (NULL);
  annotate_as (project, NULL, 21);
  cli_set_coder_env ("");
  annotate_as (project, NULL, 28);

  coders = coders_of_passages (project, NULL, NULL);
  expected = g_strdup_printf (CLI_TEST_CODER "\nZoé\nAna\n%s\n%s\n", account_name (), account_name ());
  g_assert_cmpstr (coders, ==, expected);
  cli_set_coder_env (CLI_TEST_CODER);
}

static void
test_filter_and_list (void)
{
  g_autofree char *project = cli_new_project ("p.lectern");
  g_autofree char *only_zoe = NULL;
  g_autofree char *both = NULL;
  g_autoptr(CliRun) nobody = NULL;
  g_autoptr(CliRun) listed = NULL;
  g_autoptr(CliRun) bad = NULL;
  g_auto(GStrv) lines = NULL;

  cli_import_text (project, "s.txt", statement);
  annotate_as (project, "Zoé", 0);
  annotate_as (project, "Ana", 7);
  annotate_as (project, "Zoé", 14);
  annotate_as (project, "Ines", 21);

  only_zoe = coders_of_passages (project, "Zoé", NULL);
  g_assert_cmpstr (only_zoe, ==, "Zoé\nZoé\n");
  both = coders_of_passages (project, "Ana", "Ines");
  g_assert_cmpstr (both, ==, "Ana\nInes\n");

  nobody = cli_run (project, "annotations", "--coder", "Nobody", NULL);
  cli_assert_failure (nobody);
  g_assert_nonnull (strstr (nobody->err, "Nobody"));

  /* ID GUID NAME PASSAGES, by id: reading wrote no coder. */
  listed = cli_run (project, "coders", NULL);
  cli_assert_status (listed, 0);
  lines = cli_lines (listed->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  {
    const char *names[] = { "Zoé", "Ana", "Ines" };
    const char *counts[] = { "2", "1", "1" };

    for (guint i = 0; i < 3; i++)
      {
        g_auto(GStrv) fields = cli_fields (lines[i]);

        g_assert_cmpuint (g_strv_length (fields), ==, 4);
        g_assert_cmpint (g_ascii_strtoll (fields[0], NULL, 10), ==, i + 1);
        g_assert_cmpuint (strlen (fields[1]), ==, 36);
        g_assert_cmpstr (fields[2], ==, names[i]);
        g_assert_cmpstr (fields[3], ==, counts[i]);
      }
  }

  /* A name that cannot be one is a mistake in the call. */
  bad = cli_run (project, "--coder", "", "annotate", "1", "0", "4", NULL);
  cli_assert_usage_error (bad);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/Coders/who-codes", test_who_codes);
  g_test_add_func ("/Lectern/Cli/Coders/filter-and-list", test_filter_and_list);

  return g_test_run ();
}
