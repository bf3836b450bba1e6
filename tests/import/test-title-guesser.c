/* test-title-guesser.c — a document's title from its first lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-import.h"

static void
assert_title (const char *text,
              const char *expected)
{
  g_autofree char *title = lectern_guess_title (text);

  if (g_strcmp0 (title, expected) != 0)
    g_error ("title of “%s”: got “%s”, expected “%s”", text, title ? title : "(null)",
             expected ? expected : "(null)");
}

static void
test_first_line (void)
{
  assert_title ("Harbour strike ends after ten days\nThe dockers voted on Monday.\n",
                "Harbour strike ends after ten days");
  assert_title ("\n\n   Leading blanks and   spaces\u00a0 \nBody.\n", "Leading blanks and   spaces");
  assert_title ("Only one line, no newline", "Only one line, no newline");
}

static void
test_skips_breadcrumbs (void)
{
  assert_title ("- World\n- Latest news\nMinisters meet in Vienna\n\nText.\n", "Ministers meet in Vienna");
  assert_title ("Home > World > Europe\nMinisters meet in Vienna\n", "Ministers meet in Vienna");
  assert_title ("• Politique\nLes ministres se rencontrent à Vienne\n", "Les ministres se rencontrent à Vienne");
}

static void
test_keeps_dialogue (void)
{
  /* A dash that opens dialogue is text, not a breadcrumb. */
  assert_title ("— Bonjour, dit-elle.\n— Bonsoir.\n", "— Bonjour, dit-elle");
}

static void
test_skips_credits (void)
{
  assert_title ("logo\nCouncil backs the new budget\n\nCouncil backs the new budget\n",
                "Council backs the new budget");
  assert_title ("Photo: Press office\nMinister’s interview recorded on 2 May 2024.\nQuestion: Hello.\n",
                "Minister’s interview recorded on 2 May 2024");
  assert_title ("Image credit : AFP\nUn accord signé\n", "Un accord signé");
  assert_title ("Фото: пресс-служба\nЗаявление министра\n", "Заявление министра");
  assert_title ("Photo: the day the river ran dry and the whole town came out to see\nText.\n",
                "Photo: the day the river ran dry and the whole town came out to see");
}

static void
test_skips_dates (void)
{
  assert_title ("26-04-2025\nCouncil backs the new budget\n", "Council backs the new budget");
  assert_title ("15:47 25.11.2025 •\nCouncil backs the new budget\n", "Council backs the new budget");
  assert_title ("Paris, 26 octobre 2025\nUn accord signé\n", "Un accord signé");
  assert_title ("Daily Courier26-04-2025\nCouncil backs the new budget\n", "Council backs the new budget");
  /* A date inside a real title stays. */
  assert_title ("Meeting of the two ministers (Paris, 12 November 2021)\nText.\n",
                "Meeting of the two ministers (Paris, 12 November 2021)");
}

static void
test_skips_symbols (void)
{
  assert_title ("***\n----\n2025\nCouncil backs the new budget\n", "Council backs the new budget");
}

static void
test_full_stop (void)
{
  assert_title ("The talks went on.\nText.\n", "The talks went on");
  assert_title ("And then...\nText.\n", "And then...");
  assert_title ("Why now?\nText.\n", "Why now?");
}

static void
test_long (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *title = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append (line, "word ");
  g_string_append (line, "\nBody.\n");

  title = lectern_guess_title (line->str);
  g_assert_nonnull (title);
  g_assert_cmpint (g_utf8_strlen (title, -1), <=, LECTERN_TITLE_MAX_CHARS);
  g_assert_true (g_str_has_suffix (title, "word…"));
}

static void
test_none (void)
{
  assert_title ("", NULL);
  assert_title ("\n \n\t\n", NULL);
  assert_title ("logo\n---\n", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/TitleGuesser/first-line", test_first_line);
  g_test_add_func ("/Lectern/TitleGuesser/skips-breadcrumbs", test_skips_breadcrumbs);
  g_test_add_func ("/Lectern/TitleGuesser/keeps-dialogue", test_keeps_dialogue);
  g_test_add_func ("/Lectern/TitleGuesser/skips-credits", test_skips_credits);
  g_test_add_func ("/Lectern/TitleGuesser/skips-dates", test_skips_dates);
  g_test_add_func ("/Lectern/TitleGuesser/skips-symbols", test_skips_symbols);
  g_test_add_func ("/Lectern/TitleGuesser/full-stop", test_full_stop);
  g_test_add_func ("/Lectern/TitleGuesser/long", test_long);
  g_test_add_func ("/Lectern/TitleGuesser/none", test_none);

  return g_test_run ();
}
