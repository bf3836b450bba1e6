/* test-language-guesser.c — the language a text is written in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-import.h"

static void
assert_language (const char *text,
                 const char *expected)
{
  g_autofree char *language = lectern_guess_language (text);

  if (g_strcmp0 (language, expected) != 0)
    g_error ("language of “%s”: got %s, expected %s", text, language ? language : "(null)",
             expected ? expected : "(null)");
}

static const char english[] =
  "The harbour council met on Thursday to discuss the new budget.\n"
  "Members said that the plan, which had been delayed for months, would finally allow "
  "the town to repair the old quay and to build a school near the station. "
  "They were not sure whether the government would pay for all of it.\n";

static const char french[] =
  "Le conseil du port s’est réuni jeudi pour discuter du nouveau budget.\n"
  "Les membres ont déclaré que le projet, retardé depuis des mois, permettrait enfin "
  "à la ville de réparer le vieux quai et de construire une école près de la gare. "
  "Ils ne savaient pas si le gouvernement paierait la totalité des travaux.\n";

static const char russian[] =
  "В четверг совет порта собрался, чтобы обсудить новый бюджет.\n"
  "Члены совета заявили, что план, который откладывался несколько месяцев, наконец "
  "позволит городу отремонтировать старую пристань и построить школу у вокзала. "
  "Они не были уверены, что правительство оплатит все работы.\n";

static const char german[] =
  "Der Hafenrat hat sich am Donnerstag getroffen, um den neuen Haushalt zu besprechen.\n"
  "Die Mitglieder sagten, dass der Plan, der seit Monaten verschoben wurde, der Stadt "
  "endlich erlauben wird, den alten Kai zu reparieren und eine Schule am Bahnhof zu bauen.\n";

static void
test_paragraphs (void)
{
  assert_language (english, "en");
  assert_language (french, "fr");
  assert_language (russian, "ru");
  assert_language (german, "de");
}

static void
test_short (void)
{
  /* Too short for n-gram statistics: function words decide. */
  assert_language ("This is the end of the talks.", "en");
  assert_language ("C’est la fin des négociations et du sommet.", "fr");
  assert_language ("Это не конец, но уже и не начало.", "ru");
}

static void
test_transcript (void)
{
  /* Speaker turns and names in another language do not mislead it. */
  assert_language ("Question : Merci, Monsieur le Ministre, de nous avoir accordé votre temps.\n"
                   "John Smith : C’est un plaisir. Nous sommes ici pour parler de la paix.\n"
                   "Question : Que s’est-il passé à Washington avec le Secrétaire d’État ?\n",
                   "fr");
}

static void
test_unknown (void)
{
  assert_language ("", NULL);
  assert_language ("12 34 56 78", NULL);
  assert_language ("Vienna", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/LanguageGuesser/paragraphs", test_paragraphs);
  g_test_add_func ("/Lectern/LanguageGuesser/short", test_short);
  g_test_add_func ("/Lectern/LanguageGuesser/transcript", test_transcript);
  g_test_add_func ("/Lectern/LanguageGuesser/unknown", test_unknown);

  return g_test_run ();
}
