/* lectern-stop-words.c — the stop words left out of word lists, English and
 * French, as data.
 *
 * The lists are the Snowball project's stop-word lists
 * (https://snowballstem.org/algorithms/english/stop.txt and
 * .../french/stop.txt), by Martin Porter, under the 3-clause BSD licence
 * of Snowball (https://snowballstem.org/license.html): "Copyright (c)
 * 2001, Dr Martin Porter; Copyright (c) 2004,2005, Richard Boulton. All
 * rights reserved. Redistribution and use in source and binary forms, with
 * or without modification, are permitted provided that the conditions of
 * the BSD 3-clause licence are met." Written here unfolded, as a reader
 * knows them; lectern_stop_word() folds them as the word layer does. The
 * English contractions are left out: the word layer splits "don't" at the
 * apostrophe, so its pieces ("don", "t") stand in the list instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later AND BSD-3-Clause
 */

#include "config.h"

#include <string.h>

#include "lectern-project-private.h"
#include "lectern-words.h"

static const char * const english[] = {
  "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your",
  "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her",
  "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs",
  "themselves", "what", "which", "who", "whom", "this", "that", "these", "those",
  "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
  "having", "do", "does", "did", "doing", "would", "should", "could", "ought",
  "a", "an", "the", "and", "but", "if", "or", "because", "as", "until", "while",
  "of", "at", "by", "for", "with", "about", "against", "between", "into",
  "through", "during", "before", "after", "above", "below", "to", "from", "up",
  "down", "in", "out", "on", "off", "over", "under", "again", "further", "then",
  "once", "here", "there", "when", "where", "why", "how", "all", "any", "both",
  "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not",
  "only", "own", "same", "so", "than", "too", "very",
  /* the pieces of contractions */
  "s", "t", "d", "ll", "m", "re", "ve", "don", "isn", "aren", "wasn", "weren",
  "hasn", "haven", "hadn", "doesn", "didn", "won", "wouldn", "shan", "shouldn",
  "can", "cannot", "couldn", "mustn", "let",
  NULL
};

static const char * const french[] = {
  "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et",
  "eux", "il", "je", "la", "le", "leur", "lui", "ma", "mais", "me", "même",
  "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou", "par", "pas",
  "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te", "tes",
  "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "c", "d", "j", "l",
  "à", "m", "n", "s", "t", "y", "été", "étée", "étées", "étés", "étant",
  "suis", "es", "est", "sommes", "êtes", "sont", "serai", "seras", "sera",
  "serons", "serez", "seront", "serais", "serait", "serions", "seriez",
  "seraient", "étais", "était", "étions", "étiez", "étaient", "fus", "fut",
  "fûmes", "fûtes", "furent", "sois", "soit", "soyons", "soyez", "soient",
  "fusse", "fusses", "fût", "fussions", "fussiez", "fussent", "ayant", "eu",
  "eue", "eues", "eus", "ai", "as", "avons", "avez", "ont", "aurai", "auras",
  "aura", "aurons", "aurez", "auront", "aurais", "aurait", "aurions", "auriez",
  "auraient", "avais", "avait", "avions", "aviez", "avaient", "eut", "eûmes",
  "eûtes", "eurent", "aie", "aies", "ait", "ayons", "ayez", "aient", "eusse",
  "eusses", "eût", "eussions", "eussiez", "eussent", "ceci", "cela", "celà",
  "cet", "cette", "ici", "ils", "les", "leurs", "quel", "quels", "quelle",
  "quelles", "sans", "soi",
  NULL
};

const char * const *
_lectern_stop_words (const char *language)
{
  if (language == NULL)
    return NULL;
  if (g_ascii_strncasecmp (language, "en", 2) == 0 && (language[2] == '\0' || language[2] == '-' || language[2] == '_'))
    return english;
  if (g_ascii_strncasecmp (language, "fr", 2) == 0 && (language[2] == '\0' || language[2] == '-' || language[2] == '_'))
    return french;
  return NULL;
}

static GHashTable *
folded_set (const char * const *words)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; words[i] != NULL; i++)
    g_hash_table_add (set, lectern_words_fold (words[i]));
  return set;
}

gboolean
lectern_stop_word (const char *language,
                   const char *folded)
{
  static GHashTable *english_set;
  static GHashTable *french_set;
  const char * const *words = _lectern_stop_words (language);

  g_return_val_if_fail (folded != NULL, FALSE);

  if (words == NULL)
    return FALSE;

  if (g_once_init_enter (&english_set))
    g_once_init_leave (&english_set, folded_set (english));
  if (g_once_init_enter (&french_set))
    g_once_init_leave (&french_set, folded_set (french));

  return g_hash_table_contains (words == english ? english_set : french_set, folded);
}
