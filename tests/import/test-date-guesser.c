/* test-date-guesser.c — the date of a document, found near its top.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-import.h"

static void
assert_date (const char *text,
             const char *expected)
{
  g_autofree char *date = lectern_guess_date (text);

  if (g_strcmp0 (date, expected) != 0)
    g_error ("date of “%s”: got %s, expected %s", text, date ? date : "(null)",
             expected ? expected : "(null)");
}

static void
test_numeric (void)
{
  assert_date ("Headline\n26-04-2025\nBody.", "2025-04-26");
  assert_date ("Headline\n26.04.2025\nBody.", "2025-04-26");
  assert_date ("Headline\n26/04/2025\nBody.", "2025-04-26");
  assert_date ("Headline\n2025-04-26\nBody.", "2025-04-26");
  assert_date ("Headline\n6.4.2025\nBody.", "2025-04-06");
  /* Only an American reading makes sense. */
  assert_date ("Headline\n11/26/2025\nBody.", "2025-11-26");
}

static void
test_glued (void)
{
  assert_date ("A headline\n\nDaily Courier26-04-2025\nThe article.", "2025-04-26");
  assert_date ("A headline\nLe Monde2025-04-26 08:15\nThe article.", "2025-04-26");
}

static void
test_english (void)
{
  assert_date ("Talks resume in Geneva (Geneva, 12 November 2021)\nText.", "2021-11-12");
  assert_date ("An interview recorded on November 21, 2025.\nText.", "2025-11-21");
  assert_date ("Statement\nMarch 3rd, 2024\nText.", "2024-03-03");
  assert_date ("Statement\n3rd March 2024\nText.", "2024-03-03");
  assert_date ("Statement\nSept. 9, 2023\nText.", "2023-09-09");
  assert_date ("Statement\nMAY 1 2022\nText.", "2022-05-01");
}

static void
test_french (void)
{
  assert_date ("Entretien\nMoscou, 26 octobre 2025\nQuestion : bonjour.", "2025-10-26");
  assert_date ("Communiqué\nParis, le 1er février 2024\nTexte.", "2024-02-01");
  assert_date ("Communiqué\n15 AOÛT 2023\nTexte.", "2023-08-15");
  assert_date ("Communiqué\n3 decembre 2020\nTexte.", "2020-12-03");
  /* "mai" is a month, "maison" is not. */
  assert_date ("La maison 12 de la rue\n7 mai 2019\nTexte.", "2019-05-07");
}

static void
test_russian (void)
{
  assert_date ("Заявление\nМосква, 26 апреля 2025 г.\nТекст.", "2025-04-26");
  assert_date ("Заявление\n3 Декабря 2021 года\nТекст.", "2021-12-03");
  assert_date ("Заявление\n1 мая 2020\nТекст.", "2020-05-01");
}

static void
test_first_wins (void)
{
  assert_date ("Published 12 November 2021, updated 2021-11-14\nText.", "2021-11-12");
  assert_date ("Headline\nPublished 3 March 2020\nOn 4 April 2021 the talks failed.", "2020-03-03");
}

static void
test_none (void)
{
  assert_date ("", NULL);
  assert_date ("A text without a date, only the year 2022 and February 5.\n", NULL);
  /* Not real days. */
  assert_date ("Headline\n31-02-2025\n", NULL);
  assert_date ("Headline\n32 octobre 2025\n", NULL);
  assert_date ("Headline\n2025-13-01\n", NULL);
  /* Phone numbers and long digit runs are not dates. */
  assert_date ("Call 0123-04-20251\n", NULL);
  /* Only near the top. */
  assert_date ("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\nSigned on 26 October 2025.\n", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/DateGuesser/numeric", test_numeric);
  g_test_add_func ("/Lectern/DateGuesser/glued", test_glued);
  g_test_add_func ("/Lectern/DateGuesser/english", test_english);
  g_test_add_func ("/Lectern/DateGuesser/french", test_french);
  g_test_add_func ("/Lectern/DateGuesser/russian", test_russian);
  g_test_add_func ("/Lectern/DateGuesser/first-wins", test_first_wins);
  g_test_add_func ("/Lectern/DateGuesser/none", test_none);

  return g_test_run ();
}
