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

/* The same news item in languages whose function words overlap the
 * lists' (Portuguese with Spanish and French, Catalan with
 * French and Spanish, Bulgarian with Russian…): long enough that a list
 * alone could decide, these must still reach textcat and come back as
 * themselves. */
static const struct
{
  const char *code;
  const char *text;
} relatives[] = {
  { "pt", /* Portuguese */
    "O conselho do porto reuniu-se na quinta-feira para discutir o novo orçamento da cidade. "
    "Os membros disseram que o plano, adiado durante vários meses, permitiria finalmente "
    "reparar o velho cais e construir uma escola perto da estação. Não tinham a certeza de "
    "que o governo pagaria a totalidade das obras, mas o presidente da câmara afirmou que as "
    "negociações com o ministério estavam a avançar. Segundo ele, a comissão deverá "
    "apresentar um relatório antes do fim do ano, e os moradores serão consultados sobre as "
    "prioridades. A oposição criticou a falta de transparência do processo e pediu que os "
    "documentos fossem publicados na internet para que todos pudessem ler os pormenores." },
  { "ca", /* Catalan */
    "El consell del port es va reunir dijous per discutir el nou pressupost de la ciutat. Els "
    "membres van dir que el pla, ajornat durant mesos, permetria finalment reparar el vell "
    "moll i construir una escola a prop de l'estació. No estaven segurs que el govern pagués "
    "la totalitat de les obres, però l'alcalde va afirmar que les negociacions amb el "
    "ministeri avançaven. Segons ell, la comissió hauria de presentar un informe abans de "
    "final d'any, i els veïns seran consultats sobre les prioritats. L'oposició va criticar "
    "la manca de transparència del procés i va demanar que els documents es publiquessin a "
    "internet perquè tothom pogués llegir els detalls." },
  { "nl", /* Dutch */
    "De havenraad kwam donderdag bijeen om de nieuwe begroting van de stad te bespreken. De "
    "leden zeiden dat het plan, dat maanden was uitgesteld, het eindelijk mogelijk zou maken "
    "de oude kade te herstellen en een school bij het station te bouwen. Ze wisten niet zeker "
    "of de regering alle werken zou betalen, maar de burgemeester zei dat de onderhandelingen "
    "met het ministerie vorderden. Volgens hem moet de commissie voor het einde van het jaar "
    "een verslag indienen, en de bewoners zullen worden geraadpleegd over de prioriteiten. De "
    "oppositie bekritiseerde het gebrek aan openheid van het proces en vroeg dat de "
    "documenten op internet zouden worden gepubliceerd zodat iedereen de details kan lezen." },
  { "da", /* Danish */
    "Havnerådet mødtes torsdag for at drøfte byens nye budget. Medlemmerne sagde, at planen, "
    "som var blevet udskudt i flere måneder, endelig ville gøre det muligt at reparere den "
    "gamle kaj og bygge en skole nær stationen. De var ikke sikre på, at regeringen ville "
    "betale for alt arbejdet, men borgmesteren sagde, at forhandlingerne med ministeriet "
    "skred frem. Ifølge ham skal udvalget fremlægge en rapport inden årets udgang, og "
    "beboerne vil blive hørt om prioriteterne. Oppositionen kritiserede den manglende åbenhed "
    "i processen og bad om, at dokumenterne blev offentliggjort på internettet, så alle kunne "
    "læse detaljerne." },
  { "sv", /* Swedish */
    "Hamnrådet sammanträdde på torsdagen för att diskutera stadens nya budget. Ledamöterna "
    "sade att planen, som hade skjutits upp i flera månader, äntligen skulle göra det möjligt "
    "att reparera den gamla kajen och bygga en skola nära stationen. De var inte säkra på att "
    "regeringen skulle betala för alla arbeten, men borgmästaren sade att förhandlingarna med "
    "ministeriet gick framåt. Enligt honom ska kommittén lägga fram en rapport före årets "
    "slut, och invånarna kommer att tillfrågas om prioriteringarna. Oppositionen kritiserade "
    "bristen på öppenhet i processen och begärde att dokumenten skulle publiceras på internet "
    "så att alla kunde läsa detaljerna." },
  { "ro", /* Romanian */
    "Consiliul portului s-a reunit joi pentru a discuta noul buget al orașului. Membrii au "
    "spus că planul, amânat timp de mai multe luni, ar permite în sfârșit repararea vechiului "
    "chei și construirea unei școli lângă gară. Nu erau siguri că guvernul va plăti toate "
    "lucrările, dar primarul a afirmat că negocierile cu ministerul avansează. Potrivit lui, "
    "comisia ar trebui să prezinte un raport înainte de sfârșitul anului, iar locuitorii vor "
    "fi consultați cu privire la priorități. Opoziția a criticat lipsa de transparență a "
    "procesului și a cerut ca documentele să fie publicate pe internet pentru ca toată lumea "
    "să poată citi detaliile." },
  { "bg", /* Bulgarian */
    "Съветът на пристанището се събра в четвъртък, за да обсъди новия бюджет на града. "
    "Членовете казаха, че планът, който беше отлаган в продължение на месеци, най-накрая ще "
    "позволи да се ремонтира старият кей и да се построи училище близо до гарата. Те не бяха "
    "сигурни, че правителството ще плати за всички работи, но кметът заяви, че преговорите с "
    "министерството напредват. Според него комисията трябва да представи доклад преди края на "
    "годината, а жителите ще бъдат попитани за приоритетите. Опозицията критикува липсата на "
    "прозрачност в процеса и поиска документите да бъдат публикувани в интернет, за да може "
    "всеки да прочете подробностите." },
};

static void
test_relatives (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (relatives); i++)
    assert_language (relatives[i].text, relatives[i].code);
}

static void
test_long (void)
{
  /* Past the length where function words may decide alone. */
  g_autofree char *english_twice = g_strconcat (english, english, NULL);
  g_autofree char *french_twice = g_strconcat (french, french, NULL);
  g_autofree char *russian_twice = g_strconcat (russian, russian, NULL);

  assert_language (english_twice, "en");
  assert_language (french_twice, "fr");
  assert_language (russian_twice, "ru");
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
  g_test_add_func ("/Lectern/LanguageGuesser/long", test_long);
  g_test_add_func ("/Lectern/LanguageGuesser/relatives", test_relatives);
  g_test_add_func ("/Lectern/LanguageGuesser/unknown", test_unknown);

  return g_test_run ();
}
