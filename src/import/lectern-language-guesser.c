/* lectern-language-guesser.c — the language a text is written in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <textcat.h>

#include "lectern-language-guesser.h"

/* textcat's n-gram profile settles well before this; a long transcript
 * would only cost time. */
#define SAMPLE_BYTES 8192

/* Below this many words neither method is worth trusting. */
#define MIN_WORDS 3

/* Up to this many words, function words are trusted before textcat. */
#define SHORT_TEXT_WORDS 30

/* From this many words, a sample whose words are at least this share one
 * language's function words, eight times those of any other list, is that
 * language without asking textcat (which compares it with 160 profiles:
 * a third of a short text's import). Measured on English and French
 * prose: 23–39% and at least twenty times the next; Portuguese, Catalan,
 * Galician, Dutch, Romanian, Danish and Swedish: 10% at most, against
 * lists that are not theirs. */
#define CLEAR_TEXT_WORDS 60
#define CLEAR_SHARE_PERCENT 18
#define CLEAR_MARGIN 8

typedef struct
{
  const char        *code;
  const char * const words[40];
  /* Most of these words are also another language's most frequent ones
   * (Russian's are Bulgarian's and Serbian's): never decisive alone. */
  gboolean           shared;
} StopWords;

/* Short function words, frequent in any text of the language and rare in
 * the others; lower case. */
static const StopWords stop_words[] = {
  { "en", { "the", "and", "of", "to", "is", "in", "that", "it", "was", "with", "for", "this",
            "are", "have", "has", "be", "by", "not", "from", "which", "we", "they", "you",
            "would", "their", "there", "been", "were", "will", "what", NULL } },
  { "fr", { "le", "la", "les", "des", "et", "est", "une", "du", "que", "qui", "dans", "pour",
            "pas", "sur", "avec", "nous", "vous", "ce", "sont", "mais", "ont", "aux", "cette",
            "il", "elle", "au", "ne", "se", "leur", "été", NULL } },
  { "ru", { "и", "в", "не", "на", "что", "с", "по", "это", "как", "к", "но", "из", "у", "за",
            "от", "о", "для", "мы", "он", "она", "они", "так", "же", "бы", "был", "была",
            "было", "если", "или", "уже", NULL }, TRUE },
  { "de", { "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "zu",
            "ein", "eine", "auch", "sich", "auf", "für", "wir", "sie", "es", "wird", "ich",
            "dass", "werden", NULL } },
  { "es", { "el", "los", "las", "y", "es", "por", "con", "una", "del", "para", "como", "pero",
            "está", "son", "muy", "sus", "también", "fue", "este", "esta", "lo", "más",
            "todo", "nosotros", NULL } },
  { "it", { "il", "di", "che", "è", "della", "gli", "per", "non", "con", "sono", "una",
            "anche", "nel", "alla", "dei", "delle", "questo", "come", "ma", "più", "ha",
            "lo", "sua", "essere", NULL } },
};

static void *textcat_handle;
static GMutex textcat_mutex;

/* libexttextcat loads 160 language profiles: once per process. A handle
 * is not safe to share between threads, hence the mutex around it. */
static void *
ensure_textcat (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      textcat_handle = special_textcat_Init (TEXTCAT_DATADIR "fpdb.conf", TEXTCAT_DATADIR);
      if (textcat_handle == NULL)
        g_warning ("Could not load the language profiles from %s; "
                   "languages are guessed from common words only", TEXTCAT_DATADIR);
      g_once_init_leave (&initialized, 1);
    }

  return textcat_handle;
}

/* "en--utf8" → "en"; "zh-CN-utf8" → "zh". NULL for languages without a
 * two-letter ISO 639-1 code. */
static char *
code_from_textcat_name (const char *name,
                        gsize       len)
{
  gsize code_len = 0;

  while (code_len < len && name[code_len] != '-')
    code_len++;

  if (code_len != 2)
    return NULL;

  return g_ascii_strdown (name, code_len);
}

/* The candidates textcat gives, best first: "[en--utf8][fr--utf8]".
 * (transfer full) element-type utf8 */
static GPtrArray *
classify_with_textcat (const char *sample,
                       gsize       len)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GMutexLocker) locker = NULL;
  void *handle;
  const char *result;

  if ((handle = ensure_textcat ()) == NULL)
    return g_steal_pointer (&codes);

  locker = g_mutex_locker_new (&textcat_mutex);
  result = textcat_Classify (handle, sample, len);
  if (result == NULL || result[0] != '[')
    return g_steal_pointer (&codes);

  for (const char *p = result; *p == '['; )
    {
      const char *close = strchr (p, ']');
      char *code;

      if (close == NULL)
        break;
      if ((code = code_from_textcat_name (p + 1, close - p - 1)) != NULL)
        g_ptr_array_add (codes, code);
      p = close + 1;
    }

  return g_steal_pointer (&codes);
}

/* Every stop word → the bit mask of the languages listing it ("la" is
 * French and Spanish), so that a word costs one lookup, not a comparison
 * with each word of each list. Built once, read-only after. */
static GHashTable *
ensure_stop_word_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *languages = g_hash_table_new (g_str_hash, g_str_equal);

      G_STATIC_ASSERT (G_N_ELEMENTS (stop_words) <= 32);
      for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
        for (guint j = 0; stop_words[i].words[j] != NULL; j++)
          {
            const char *word = stop_words[i].words[j];
            guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (languages, word));

            g_hash_table_insert (languages, (gpointer) word, GUINT_TO_POINTER (mask | (1u << i)));
          }
      g_once_init_leave (&table, languages);
    }

  return table;
}

/* Counts the function words of each language in @sample, in one pass:
 * the counts serve both rounds of lectern_guess_language(). */
static guint
count_stop_words (const char *sample,
                  gsize       len,
                  guint       votes[G_N_ELEMENTS (stop_words)])
{
  GHashTable *table = ensure_stop_word_table ();
  g_autoptr(GString) word = g_string_sized_new (64);
  const char *end = sample + len;
  gboolean ascii = TRUE;
  guint n_words = 0;

  for (const char *p = sample; p <= end; p = p < end ? g_utf8_next_char (p) : end + 1)
    {
      gunichar c = p < end ? g_utf8_get_char (p) : ' ';

      if (g_unichar_isalpha (c) || g_unichar_ismark (c))
        {
          c = g_unichar_tolower (c);
          ascii = ascii && c < 0x80;
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          /* An ASCII word is its own NFC form: no allocation for most words. */
          g_autofree char *nfc = ascii ? NULL : g_utf8_normalize (word->str, word->len, G_NORMALIZE_NFC);
          const char *key = ascii ? word->str : nfc;

          guint mask = key != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) : 0;

          n_words++;
          for (guint i = 0; mask != 0; i++, mask >>= 1)
            if (mask & 1)
              votes[i]++;
          g_string_truncate (word, 0);
          ascii = TRUE;
        }
    }

  return n_words;
}

/* The index of the list with most @votes (-1 when none has any), with
 * its count in *@best and the runner-up's in *@second. With @among, only
 * those languages compete. */
static int
rank_votes (const guint  votes[G_N_ELEMENTS (stop_words)],
            GPtrArray   *among,
            guint       *best,
            guint       *second)
{
  int winner = -1;

  *best = *second = 0;
  for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
    {
      if (among != NULL && among->len > 0
          && !g_ptr_array_find_with_equal_func (among, stop_words[i].code, g_str_equal, NULL))
        continue;

      if (votes[i] > *best)
        {
          *second = *best;
          *best = votes[i];
          winner = i;
        }
      else if (votes[i] > *second)
        *second = votes[i];
    }
  return winner;
}

/* The clear winner of @votes, or NULL. With @among, only those languages
 * compete. */
static char *
vote_with_stop_words (const guint  votes[G_N_ELEMENTS (stop_words)],
                      guint        n_words,
                      GPtrArray   *among)
{
  guint best, second;
  int winner = rank_votes (votes, among, &best, &second);

  /* A clear majority of at least two words, or one word in a tiny text. */
  if (winner < 0 || best < MIN (2, n_words) || best * 2 < second * 3)
    return NULL;

  return g_strdup (stop_words[winner].code);
}

/* Whether one list's function words are so many of the sample's words,
 * and so far ahead of every other list's, that textcat could not
 * disagree. */
static gboolean
is_clear (const guint votes[G_N_ELEMENTS (stop_words)],
          guint       n_words)
{
  guint best, second;
  int winner = rank_votes (votes, NULL, &best, &second);

  return winner >= 0 && !stop_words[winner].shared
         && best * 100 >= (guint64) n_words * CLEAR_SHARE_PERCENT
         && best >= (guint64) second * CLEAR_MARGIN;
}

char *
lectern_guess_language (const char *text)
{
  g_autoptr(GPtrArray) candidates = NULL;
  const char *end;
  guint votes[G_N_ELEMENTS (stop_words)] = { 0 };
  gsize len;
  guint n_words;
  char *vote;

  g_return_val_if_fail (text != NULL, NULL);

  /* Only the sample is read, however long the text. */
  len = strnlen (text, SAMPLE_BYTES + 1);
  if (len > SAMPLE_BYTES)
    {
      /* Cut on a character boundary. */
      end = g_utf8_find_prev_char (text, text + SAMPLE_BYTES + 1);
      len = end - text;
    }

  n_words = count_stop_words (text, len, votes);
  vote = vote_with_stop_words (votes, n_words, NULL);
  if (n_words < MIN_WORDS)
    {
      g_free (vote);
      return NULL;
    }

  /* On a line or two, n-gram profiles are noise; function words are not. */
  if (vote != NULL && n_words < SHORT_TEXT_WORDS)
    return vote;

  if (vote != NULL && n_words >= CLEAR_TEXT_WORDS && is_clear (votes, n_words))
    return vote;

  candidates = classify_with_textcat (text, len);

  /* textcat is sure: one candidate. */
  if (candidates->len == 1)
    {
      g_free (vote);
      return g_strdup (g_ptr_array_index (candidates, 0));
    }

  /* Several close candidates: the function words decide between them. */
  if (candidates->len > 1)
    {
      char *among = vote_with_stop_words (votes, n_words, candidates);

      if (among != NULL)
        {
          g_free (vote);
          return among;
        }
    }

  if (vote != NULL)
    return vote;

  /* A language without a stop-word list: textcat's best is still the
   * best guess there is. */
  if (candidates->len > 0)
    return g_strdup (g_ptr_array_index (candidates, 0));

  return NULL;
}
