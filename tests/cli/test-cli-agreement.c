/* test-cli-agreement.c — lectern-cli agreement and disagreements (issue
 * #15): two coders code a small project through `lectern-cli --coder NAME
 * annotate`, and the table, its limits, its CSV and its refusals are
 * checked against values worked out by hand below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "cli-harness.h"

/* 20 characters, no line break: positions are easy to count. */
static const char text_one[] = "abcdefghijklmnopqrst";
static const char text_two[] = "The ceasefire held for a week.";

static void
annotate_as (const char *project,
             const char *coder,
             const char *document,
             const char *start,
             const char *end,
             const char *tag)
{
  g_autoptr(CliRun) run = cli_run (project, "--coder", coder, "annotate", document, start, end,
                                   "--tag", tag, NULL);

  cli_assert_status (run, 0);
}

/* Document 1 (20 characters):
 *   Alice: Claims [0, 8), Motives [15, 18)
 *   Bob:   Claims [2, 12)
 * Document 2: only Bob, Claims [0, 5) and Elsewhere [6, 9): not coded by
 * both, left out; Elsewhere, used nowhere else, has no row.
 *
 * Claims over document 1's 20 characters: A = 8, B = 10, both = 6 (2–7),
 * neither = 8 (12–19), so 14 agree: AGREEMENT = 0.7000.
 *   kappa: po = 0.7, pe = 0.4 × 0.5 + 0.6 × 0.5 = 0.5, (0.7 − 0.5) / 0.5
 *   = 0.4000.
 *   alpha (nominal): 40 values, 18 coded and 22 not, 6 units disagree:
 *   1 − 39 × 6 / (22 × 18) = 1 − 234 / 396 = 0.4091.
 *   coded kappa, over the 12 characters anyone coded with any code (0–11;
 *   Motives' 15–17 are Alice's too, so 15 characters: 0–11 and 15–17):
 *   both 6, A only 2, B only 4, neither 3 (15–17);
 *   po = 9/15 = 0.6, pA = 8/15, pB = 10/15,
 *   pe = (8 × 10 + 7 × 5) / 225 = 115/225 = 0.51111,
 *   kappa = (0.6 − 0.51111) / (1 − 0.51111) = 0.18182 → 0.1818.
 *   MATCHED: [0, 8) and [2, 12) overlap by 6, at least half of 8 and of
 *   10: both passages matched, 1.0000.
 * Motives: A = 3, B = 0, both 0: kappa 0 (one coder only: defined);
 *   agreement 17/20 = 0.8500; nothing matched: 0.0000.
 *   alpha: 40 values, 3 coded, 3 disagreeing units:
 *   1 − 39 × 3 / (37 × 3) = 1 − 117/111 = −0.0541.
 * Overall (*): (character, code) pairs over both codes, 40 of them:
 *   A = 11, B = 10, both = 6. */
static char *
coded_project (void)
{
  char *project = cli_new_project ("team.lectern");
  g_autoptr(CliRun) text = NULL;

  g_assert_cmpint (cli_import_text (project, "one.txt", text_one), ==, 1);
  g_assert_cmpint (cli_import_text (project, "two.txt", text_two), ==, 2);
  text = cli_run (project, "text", "1", NULL);
  cli_assert_status (text, 0);
  g_assert_cmpint (g_utf8_strlen (g_strchomp (text->out_text), -1), ==, 20);

  annotate_as (project, "Alice", "1", "0", "8", "Claims");
  annotate_as (project, "Alice", "1", "15", "18", "Motives");
  annotate_as (project, "Bob", "1", "2", "12", "Claims");
  annotate_as (project, "Bob", "2", "0", "5", "Claims");
  annotate_as (project, "Bob", "2", "6", "9", "Elsewhere");

  return project;
}

static const char header[] =
  "TAG\tAGREEMENT\tKAPPA\tALPHA\tA_CHARS\tB_CHARS\tBOTH_CHARS\tCODED_KAPPA\tUALPHA\tMATCHED";

/* The row of @tag, without its UALPHA (checked by the compare tests
 * against Krippendorff's published examples), which is only checked to
 * be a value below 1. */
static char *
row_without_ualpha (const char *out,
                    const char *tag)
{
  g_auto(GStrv) lines = cli_lines (out);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);

      g_assert_cmpuint (g_strv_length (fields), ==, 10);
      if (g_strcmp0 (fields[0], tag) == 0)
        {
          double ualpha = g_ascii_strtod (fields[8], NULL);

          g_assert_cmpstr (fields[8], !=, "-");
          g_assert_cmpfloat (ualpha, <, 1.0);
          g_free (fields[8]);
          fields[8] = g_strdup ("u");
          return g_strjoinv ("\t", fields);
        }
    }
  return NULL;
}

static void
test_table (void)
{
  g_autofree char *project = coded_project ();
  g_autoptr(CliRun) run = cli_run (project, "agreement", "--coder", "Alice", "--coder", "Bob", NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *claims = NULL;
  g_autofree char *motives = NULL;
  g_autofree char *overall = NULL;

  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  /* The header, a row per code in the tag tree's order (not Elsewhere,
   * used only where Alice never coded), then "*". */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, header);
  g_assert_true (g_str_has_prefix (lines[1], "Claims\t"));
  g_assert_true (g_str_has_prefix (lines[2], "Motives\t"));
  g_assert_true (g_str_has_prefix (lines[3], "*\t"));

  /* Document 2, which only Bob coded, adds nothing to Claims. */
  claims = row_without_ualpha (run->out_text, "Claims");
  g_assert_cmpstr (claims, ==, "Claims\t0.7000\t0.4000\t0.4091\t8\t10\t6\t0.1818\tu\t1.0000");
  motives = row_without_ualpha (run->out_text, "Motives");
  g_assert_cmpstr (motives, ==, "Motives\t0.8500\t0.0000\t-0.0541\t3\t0\t0\t0.0000\tu\t0.0000");
  overall = row_without_ualpha (run->out_text, "*");
  g_assert_true (g_str_has_prefix (overall, "*\t"));
  g_assert_nonnull (strstr (overall, "\t11\t10\t6\t"));
}

/* --coder after the command name names a coder to compare, not the one
 * who is coding; the global one before it still works and is not Alice. */
static void
test_global_coder (void)
{
  g_autofree char *project = coded_project ();
  g_autoptr(CliRun) run = cli_run (project, "--coder", "Carol", "agreement",
                                   "--coder", "Bob", "--coder", "Alice", NULL);
  g_autoptr(CliRun) coders = NULL;
  g_autofree char *claims = NULL;

  cli_assert_status (run, 0);
  /* Bob first: A and B swap. */
  claims = row_without_ualpha (run->out_text, "Claims");
  g_assert_cmpstr (claims, ==, "Claims\t0.7000\t0.4000\t0.4091\t10\t8\t6\t0.1818\tu\t1.0000");

  /* Reading recorded nobody: Carol is not a coder of the project. */
  coders = cli_run (project, "coders", NULL);
  cli_assert_status (coders, 0);
  g_assert_null (strstr (coders->out_text, "Carol"));
}

static void
test_tag_limit (void)
{
  g_autofree char *project = coded_project ();
  g_autoptr(CliRun) run = cli_run (project, "agreement", "--coder", "Alice", "--coder", "Bob",
                                   "--tag", "Motives", NULL);
  g_autoptr(CliRun) unknown = cli_run (project, "agreement", "--coder", "Alice", "--coder", "Bob",
                                       "--tag", "Nowhere", NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *motives = NULL;

  cli_assert_status (run, 0);
  lines = cli_lines (run->out_text);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[1], "Motives\t"));
  /* The overall row is over Motives alone. */
  g_assert_true (g_str_has_prefix (lines[2], "*\t0.8500\t0.0000\t-0.0541\t3\t0\t0\t"));
  /* Coded kappa's base is still text coded with any code, Claims too. */
  motives = row_without_ualpha (run->out_text, "Motives");
  g_assert_cmpstr (motives, ==, "Motives\t0.8500\t0.0000\t-0.0541\t3\t0\t0\t0.0000\tu\t0.0000");

  cli_assert_failure (unknown);
  g_assert_nonnull (strstr (unknown->err, "Nowhere"));
}

static void
test_document_limit (void)
{
  g_autofree char *project = coded_project ();
  g_autoptr(CliRun) one = cli_run (project, "agreement", "--coder", "Alice", "--coder", "Bob",
                                   "--document", "1", NULL);
  g_autoptr(CliRun) two = cli_run (project, "agreement", "--coder", "Alice", "--coder", "Bob",
                                   "--document", "2", NULL);
  g_autoptr(CliRun) none = cli_run (project, "disagreements", "--coder", "Alice", "--coder", "Bob",
                                    "--document", "2", NULL);
  g_autoptr(CliRun) all = cli_run (project, "agreement", "--coder", "Alice", "--coder", "Bob", NULL);

  cli_assert_status (one, 0);
  cli_assert_status (all, 0);
  g_assert_cmpstr (one->out_text, ==, all->out_text);

  /* Only Bob coded document 2: no table, and never a vacuous 1. */
  cli_assert_failure (two);
  g_assert_cmpstr (two->out_text, ==, "");
  g_assert_nonnull (strstr (two->err, "Alice"));
  g_assert_nonnull (strstr (two->err, "Bob"));
  cli_assert_failure (none);
  g_assert_cmpstr (none->out_text, ==, "");
}

static void
test_disagreements (void)
{
  g_autofree char *project = coded_project ();
  g_autoptr(CliRun) run = cli_run (project, "disagreements", "--coder", "Alice", "--coder", "Bob", NULL);
  g_autoptr(CliRun) limited = cli_run (project, "disagreements", "--coder", "Alice", "--coder", "Bob",
                                       "--tag", "Claims", NULL);

  cli_assert_status (run, 0);
  /* By document, start: Alice alone on 0–1, Bob alone on 8–11, Alice
   * alone on Motives; nothing of document 2. */
  g_assert_cmpstr (run->out_text, ==,
                   "DOCUMENT\tSTART\tEND\tTAG\tCODER\n"
                   "1\t0\t2\tClaims\tAlice\n"
                   "1\t8\t12\tClaims\tBob\n"
                   "1\t15\t18\tMotives\tAlice\n");
  cli_assert_status (limited, 0);
  g_assert_cmpstr (limited->out_text, ==,
                   "DOCUMENT\tSTART\tEND\tTAG\tCODER\n"
                   "1\t0\t2\tClaims\tAlice\n"
                   "1\t8\t12\tClaims\tBob\n");
}

/* --units: what the app's Coders mode walks. Document 1: Alice's [0, 8)
 * and Bob's [2, 12) overlap, one unit of different bounds; Alice's
 * Motives [15, 18) is hers only. Document 2, coded by Bob alone, is left
 * out as the agreement leaves it out. */
static void
test_disagreement_units (void)
{
  g_autofree char *project = coded_project ();
  g_autoptr(CliRun) run = cli_run (project, "disagreements", "--coder", "Alice", "--coder", "Bob",
                                   "--units", NULL);
  g_autoptr(CliRun) swapped = cli_run (project, "disagreements", "--coder", "Bob", "--coder", "Alice",
                                       "--units", "--csv", NULL);
  g_autoptr(CliRun) tagged = cli_run (project, "disagreements", "--coder", "Alice", "--coder", "Bob",
                                      "--units", "--tag", "Claims", NULL);

  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out_text, ==,
                   "DOCUMENT\tSTART\tEND\tKIND\tDECISION\n"
                   "1\t0\t12\tbounds\t-\n"
                   "1\t15\t18\tonly-a\t-\n");
  cli_assert_status (swapped, 0);
  g_assert_cmpstr (swapped->out_text, ==,
                   "DOCUMENT,START,END,KIND,DECISION\r\n"
                   "1,0,12,bounds,-\r\n"
                   "1,15,18,only-b,-\r\n");
  cli_assert_status (tagged, 2);
}

static void
test_csv (void)
{
  g_autofree char *project = coded_project ();
  g_autoptr(CliRun) table = cli_run (project, "agreement", "--coder", "Alice", "--coder", "Bob",
                                     "--tag", "Motives", "--csv", NULL);
  g_autoptr(CliRun) list = cli_run (project, "disagreements", "--coder", "Alice", "--coder", "Bob",
                                    "--csv", NULL);
  g_auto(GStrv) rows = NULL;

  cli_assert_status (table, 0);
  rows = g_strsplit (table->out_text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 4);
  g_assert_cmpstr (rows[0], ==, "TAG,AGREEMENT,KAPPA,ALPHA,A_CHARS,B_CHARS,BOTH_CHARS,CODED_KAPPA,UALPHA,MATCHED");
  /* A negative value stays a number: no apostrophe as on formula text. */
  g_assert_true (g_str_has_prefix (rows[1], "Motives,0.8500,0.0000,-0.0541,3,0,0,0.0000,"));
  g_assert_true (g_str_has_suffix (rows[1], ",0.0000"));
  g_assert_true (g_str_has_prefix (rows[2], "*,"));
  g_assert_cmpstr (rows[3], ==, "");

  cli_assert_status (list, 0);
  g_assert_cmpstr (list->out_text, ==,
                   "DOCUMENT,START,END,TAG,CODER\r\n"
                   "1,0,2,Claims,Alice\r\n"
                   "1,8,12,Claims,Bob\r\n"
                   "1,15,18,Motives,Alice\r\n");
}

static void
test_refusals (void)
{
  g_autofree char *project = coded_project ();
  g_autoptr(CliRun) unknown = cli_run (project, "agreement", "--coder", "Alice", "--coder", "Carol", NULL);
  g_autoptr(CliRun) one = cli_run (project, "agreement", "--coder", "Alice", NULL);
  g_autoptr(CliRun) same = cli_run (project, "agreement", "--coder", "Alice", "--coder", "Alice", NULL);
  g_autoptr(CliRun) alone = NULL;

  /* An unknown coder, with the ones there are. */
  cli_assert_failure (unknown);
  g_assert_nonnull (strstr (unknown->err, "Carol"));
  g_assert_nonnull (strstr (unknown->err, "“Alice”"));
  g_assert_nonnull (strstr (unknown->err, "“Bob”"));
  cli_assert_usage_error (one);
  cli_assert_usage_error (same);

  /* Carol codes only document 2, which Alice never coded. */
  annotate_as (project, "Carol", "2", "4", "13", "Claims");
  alone = cli_run (project, "agreement", "--coder", "Alice", "--coder", "Carol", NULL);
  cli_assert_failure (alone);
  g_assert_cmpstr (alone->out_text, ==, "");
  g_assert_nonnull (strstr (alone->err, "Alice"));
  g_assert_nonnull (strstr (alone->err, "Carol"));
}

/* Two coders of one name: the name cannot say which, the GUID can. */
static void
test_same_name (void)
{
  g_autofree char *project = coded_project ();
  g_autoptr(CliRun) ambiguous = NULL;
  g_autoptr(CliRun) coders = NULL;
  g_autoptr(CliRun) by_guid = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *alice_guid = NULL;
  g_autofree char *bob_guid = NULL;
  g_autofree char *bob_upper = NULL;
  g_autofree char *claims = NULL;
  sqlite3 *db = NULL;

  coders = cli_run (project, "coders", NULL);
  cli_assert_status (coders, 0);
  lines = cli_lines (coders->out_text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = cli_fields (lines[i]);

      if (g_strcmp0 (fields[2], "Alice") == 0)
        alice_guid = g_strdup (fields[1]);
      else if (g_strcmp0 (fields[2], "Bob") == 0)
        bob_guid = g_strdup (fields[1]);
    }
  g_assert_nonnull (alice_guid);
  g_assert_nonnull (bob_guid);

  /* Bob is renamed Alice, as a merge from another copy might bring. */
  g_assert_cmpint (sqlite3_open (project, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE coders SET name = 'Alice' WHERE name = 'Bob'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  ambiguous = cli_run (project, "agreement", "--coder", "Alice", "--coder", bob_guid, NULL);
  cli_assert_failure (ambiguous);
  g_assert_nonnull (strstr (ambiguous->err, "GUID"));

  /* A GUID in capitals is the same GUID. */
  bob_upper = g_ascii_strup (bob_guid, -1);
  by_guid = cli_run (project, "agreement", "--coder", alice_guid, "--coder", bob_upper, NULL);
  cli_assert_status (by_guid, 0);
  claims = row_without_ualpha (by_guid->out_text, "Claims");
  g_assert_cmpstr (claims, ==, "Claims\t0.7000\t0.4000\t0.4091\t8\t10\t6\t0.1818\tu\t1.0000");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Cli/agreement/table", test_table);
  g_test_add_func ("/Lectern/Cli/agreement/global-coder", test_global_coder);
  g_test_add_func ("/Lectern/Cli/agreement/tag", test_tag_limit);
  g_test_add_func ("/Lectern/Cli/agreement/document", test_document_limit);
  g_test_add_func ("/Lectern/Cli/agreement/disagreements", test_disagreements);
  g_test_add_func ("/Lectern/Cli/agreement/disagreement-units", test_disagreement_units);
  g_test_add_func ("/Lectern/Cli/agreement/csv", test_csv);
  g_test_add_func ("/Lectern/Cli/agreement/refusals", test_refusals);
  g_test_add_func ("/Lectern/Cli/agreement/same-name", test_same_name);

  return g_test_run ();
}
