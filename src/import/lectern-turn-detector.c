/* lectern-turn-detector.c — the speaker turns of a transcript's stored
 * text (the rules are in lectern-turn-detector.h).
 *
 * One pass splits the text into lines and reads the label shape at the
 * start of each; the decisions are then made over those candidates only,
 * so the whole is linear in the text and bounded by its line count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-turn-detector.h"

#define MAX_WORDS 5
#define HEADLINE_MIN_WORDS 2
#define HEADLINE_MAX_WORDS 25

/* First words that open a caption, a metadata line or a sentence, never
 * a speaker's name ("Photo: MFA", "Regarding NATO: …"). Case-folded. */
static const char * const caption_words[] = {
  "photo", "photos", "source", "sources", "credit", "credits", "crédit", "crédits",
  "note", "notes", "nb", "n.b.", "image", "images", "video", "vidéo", "caption",
  "légende", "update", "updated", "edit", "tags", "tag", "keywords", "mots-clés",
  "date", "time", "heure", "lieu", "place", "location", "subject", "sujet", "objet",
  "title", "titre", "topic", "thème", "summary", "résumé", "abstract", "email",
  "e-mail", "courriel", "tel", "tél", "tel.", "tél.", "phone", "fax", "web", "website",
  "site", "url", "link", "lien", "address", "adresse", "contact", "author", "authors",
  "auteur", "auteurs", "by", "par", "published", "publié", "posted", "read", "lire",
  "see", "voir", "watch", "regarding", "concerning", "concernant", "re", "as", "about",
  "quant", "also", "related", "share", "partager", "follow", "subscribe", "get",
  "explore", "download", "télécharger", "click", "cliquez", "warning", "attention",
  "important", "remarque", "rappel", "example", "exemple", "step", "étape",
  "chapter", "chapitre", "part", "partie", "figure", "fig", "fig.", "table",
  "tableau", "total", "ps", "p.s.", "translation", "traduction", "transcript",
  "transcription", "disclaimer", "copyright", "update", "breaking", "live",
};

/* First words that open a sentence: a label starting so is a speaker only
 * when it recurs ("Le Président :" twice is one). Case-folded. */
static const char * const sentence_words[] = {
  "the", "this", "that", "these", "those", "here", "there", "it", "its", "we",
  "they", "he", "she", "you", "our", "my", "his", "her", "their", "in", "on", "at",
  "for", "from", "to", "with", "of", "and", "but", "or", "so", "then", "thus",
  "yet", "now", "today", "if", "when", "while", "why", "what", "how", "who",
  "where", "which", "le", "la", "les", "un", "une", "des", "du", "de", "ce",
  "cette", "ces", "il", "elle", "ils", "elles", "nous", "vous", "et", "mais",
  "ou", "donc", "ni", "car", "pour", "sur", "sous", "dans", "en", "au", "aux",
  "à", "avec", "sans", "selon", "comme", "quand", "si", "pourquoi", "comment",
  "que", "quoi", "où", "ici", "là", "voici", "voilà", "ainsi", "enfin", "puis",
  "alors", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "leur", "leurs",
  "son", "sa", "ses",
};

/* Words that name a part in an interview rather than a person. */
static const char * const role_words[] = {
  "q", "a", "r", "i", "p", "question", "questions", "answer", "réponse", "reponse",
  "interviewer", "interviewee", "intervieweur", "intervieweuse", "journalist",
  "journaliste", "moderator", "modérateur", "modératrice", "host", "presenter",
  "présentateur", "présentatrice", "animateur", "animatrice", "respondent",
  "participant", "participante", "audience", "public", "speaker", "orateur",
  "oratrice", "interlocuteur", "interlocutrice",
};

/* Lower-case words inside a name: "Charles de Gaulle", "Ursula von der Leyen". */
static const char * const particles[] = {
  "de", "du", "des", "la", "le", "van", "von", "der", "den", "di", "da", "del",
  "della", "dos", "das", "bin", "ibn", "ben", "al", "el", "y", "e", "ter", "zu",
};

typedef struct
{
  gsize byte_start;
  gsize byte_end;          /* before its '\n' */
  guint start;             /* code points */
  guint content_end;       /* after its last character that is not white space */
  gboolean blank;
} Line;

typedef struct
{
  guint     line;
  guint     label_start;
  guint     label_end;
  guint     speech_start;
  guint     time_start;
  guint     time_end;
  char     *time;
  char     *label;         /* the label, white space made single spaces */
  char     *key;           /* case-folded */
  guint     n_words;
  guint     content_words;
  gboolean  content_ends_sentence;
  gboolean  valid;         /* a name or role shape, not a caption word */
  gboolean  sentence_word; /* opens with a sentence word */
  gboolean  role;
  gboolean  headline;
  const char *resolved;    /* key after aliasing (owned by the candidate or another) */
} Candidate;

typedef struct
{
  guint  line;
  gboolean removed;      /* unset by the user */
  guint  label_start;
  guint  label_end;
  guint  speech_start;
  guint  time_start;
  guint  time_end;
  char  *time;
  char  *speaker;
} Head;

static void
candidate_clear (gpointer data)
{
  Candidate *c = data;

  g_clear_pointer (&c->time, g_free);
  g_clear_pointer (&c->label, g_free);
  g_clear_pointer (&c->key, g_free);
}

static void
head_clear (gpointer data)
{
  Head *h = data;

  g_clear_pointer (&h->time, g_free);
  g_clear_pointer (&h->speaker, g_free);
}

static void
turn_clear (gpointer data)
{
  LecternTurn *turn = data;

  g_clear_pointer (&turn->speaker, g_free);
  g_clear_pointer (&turn->time, g_free);
}

/* ------------------------------------------------------------------ */
/* Reading one line                                                    */

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *word)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (list[i], word) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00a0 || c == 0x202f;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2013 || c == 0x2014;
}

static const char *
skip_spaces (const char *p,
             const char *end)
{
  while (p < end && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* Up to @max ASCII digits at *p; their value, or -1 when there are fewer
 * than @min. */
static int
read_digits (const char **p,
             const char  *end,
             guint        min,
             guint        max)
{
  int value = 0;
  guint n = 0;

  while (*p < end && n < max && g_ascii_isdigit (**p))
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n >= min ? value : -1;
}

/* "1:23", "01:23", "00:01:23", "0:01:23.5", "00:01:23,500". A clock of
 * two parts is minutes and seconds. @need_hours: only a clock of three
 * parts. Returns the end of the clock, or NULL. */
static const char *
read_clock (const char *p,
            const char *end,
            gboolean    need_hours,
            char      **value)
{
  int parts[3];
  guint n = 0;
  int ms = -1;
  guint ms_digits = 0;
  int hours, minutes, seconds;

  parts[n] = read_digits (&p, end, 1, 2);
  if (parts[n++] < 0)
    return NULL;
  while (n < 3 && p < end && *p == ':')
    {
      const char *q = p + 1;
      int v = read_digits (&q, end, 2, 2);

      if (v < 0)
        break;
      parts[n++] = v;
      p = q;
    }
  if (n < 2 || (need_hours && n < 3))
    return NULL;
  if (p < end && (*p == '.' || *p == ',') && p + 1 < end && g_ascii_isdigit (p[1]))
    {
      const char *q = p + 1;

      ms = read_digits (&q, end, 1, 3);
      ms_digits = q - (p + 1);
      p = q;
    }
  /* Not the start of a longer number ("00:01:234"). */
  if (p < end && g_ascii_isdigit (*p))
    return NULL;

  if (n == 3)
    {
      hours = parts[0];
      minutes = parts[1];
      seconds = parts[2];
    }
  else
    {
      hours = parts[0] / 60;
      minutes = parts[0] % 60;
      seconds = parts[1];
    }
  if (minutes > 59 || seconds > 59)
    return NULL;

  if (ms >= 0)
    {
      while (ms_digits++ < 3)
        ms *= 10;
      *value = g_strdup_printf ("%02d:%02d:%02d.%03d", hours, minutes, seconds, ms);
    }
  else
    *value = g_strdup_printf ("%02d:%02d:%02d", hours, minutes, seconds);
  return p;
}

/* A timestamp before a label: "[00:01:23]", "(01:23)", "00:01:23". */
static const char *
read_timestamp (const char *p,
                const char *end,
                char      **value)
{
  const char *q;

  if (p < end && (*p == '[' || *p == '('))
    {
      char close = *p == '[' ? ']' : ')';

      q = read_clock (p + 1, end, FALSE, value);
      if (q == NULL)
        return NULL;
      if (q >= end || *q != close)
        {
          g_clear_pointer (value, g_free);
          return NULL;
        }
      return q + 1;
    }

  q = read_clock (p, end, TRUE, value);
  if (q == NULL)
    return NULL;
  if (q < end && !is_space (g_utf8_get_char (q)))
    {
      g_clear_pointer (value, g_free);
      return NULL;
    }
  return q;
}

static gboolean
is_name_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c)
         || c == '-' || c == '\'' || c == 0x2019 || c == '.';
}

/* Fills @c's shape fields from its label. */
static void
judge_label (Candidate *c)
{
  g_auto(GStrv) words = g_strsplit (c->label, " ", -1);
  g_autofree char *first = NULL;
  guint n = g_strv_length (words);

  c->n_words = n;
  c->valid = FALSE;
  if (n == 0 || n > MAX_WORDS || g_utf8_strlen (c->label, -1) > LECTERN_TURN_LABEL_MAX_CHARS)
    return;

  first = g_utf8_casefold (words[0], -1);
  c->role = n == 1 && in_list (role_words, G_N_ELEMENTS (role_words), first);
  c->sentence_word = in_list (sentence_words, G_N_ELEMENTS (sentence_words), first);
  if (in_list (caption_words, G_N_ELEMENTS (caption_words), first))
    return;

  for (guint i = 0; i < n; i++)
    {
      const char *w = words[i];
      gunichar head = g_utf8_get_char (w);

      if (*w == '\0')
        return;
      /* "Speaker 2", "Intervenant 1". */
      if (i > 0 && strspn (w, "0123456789") == strlen (w) && strlen (w) <= 3)
        continue;
      if (!(g_unichar_isupper (head) || g_unichar_istitle (head)))
        {
          g_autofree char *folded = g_utf8_casefold (w, -1);
          gboolean elided = (head == 'd' || head == 'l')
                            && (w[1] == '\'' || g_str_has_prefix (w + 1, "\u2019"));

          if (elided)
            {
              /* "d’Estaing": the elided particle then a capital. */
              const char *rest = g_utf8_next_char (g_utf8_next_char (w));

              if (*rest == '\0' || !g_unichar_isupper (g_utf8_get_char (rest)))
                return;
            }
          else if (i == 0 || i == n - 1
                   || !in_list (particles, G_N_ELEMENTS (particles), folded))
            return;
        }
      for (const char *p = w; *p != '\0'; p = g_utf8_next_char (p))
        if (!is_name_char (g_utf8_get_char (p)))
          return;
    }

  c->valid = TRUE;
}

static gboolean
ends_sentence (const char *start,
               const char *end)
{
  const char *p = end;

  while (p > start)
    {
      gunichar c;

      p = g_utf8_prev_char (p);
      c = g_utf8_get_char (p);
      if (is_space (c))
        continue;
      return c == '.' || c == '?' || c == '!' || c == 0x2026 || c == ':' || c == ';'
             || c == 0x00bb || c == '"' || c == 0x201d || c == ')' || c == '\'' || c == 0x2019
             || c == ']';
    }
  return FALSE;
}

static guint
count_words (const char *p,
             const char *end)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (; p < end; p = g_utf8_next_char (p))
    {
      gboolean space = is_space (g_utf8_get_char (p));

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

/* The label shape at the start of @line, if any. */
static gboolean
read_line (const char *text,
           const Line *line,
           guint       line_index,
           Candidate  *c)
{
  const char *start = text + line->byte_start;
  const char *end = text + line->byte_end;
  const char *p = skip_spaces (start, end);
  const char *time_from = NULL, *time_to = NULL;
  const char *label_from, *label_to = NULL, *after = NULL;
  g_autofree char *time = NULL;
  g_autoptr(GString) label = NULL;
  guint chars = 0;

#define CP(ptr) (line->start + (guint) g_utf8_pointer_to_offset (start, (ptr)))

  {
    const char *q = read_timestamp (p, end, &time);

    if (q != NULL)
      {
        time_from = p;
        time_to = q;
        p = skip_spaces (q, end);
        if (p < end && is_dash (g_utf8_get_char (p)))
          p = skip_spaces (g_utf8_next_char (p), end);
      }
  }

  label_from = p;
  /* "Q. " / "R. " / "A. " */
  if (p + 1 < end && (p[0] == 'Q' || p[0] == 'R' || p[0] == 'A') && p[1] == '.'
      && (p + 2 == end || is_space (g_utf8_get_char (p + 2))))
    {
      label_to = p + 1;
      after = p + 2;
    }
  else
    {
      const char *q = p;

      while (q < end && *q != ':' && chars <= LECTERN_TURN_LABEL_MAX_CHARS + 1)
        {
          q = g_utf8_next_char (q);
          chars++;
        }
      if (q >= end || *q != ':' || q == p)
        return FALSE;
      if (q + 1 < end && !is_space (g_utf8_get_char (q + 1)))
        return FALSE;
      label_to = q;
      after = q + 1;
      /* One space before the colon: "Name :". */
      {
        const char *b = g_utf8_prev_char (label_to);

        if (b > label_from && is_space (g_utf8_get_char (b)))
          label_to = b;
      }
      if (label_to == label_from || is_space (g_utf8_get_char (g_utf8_prev_char (label_to))))
        return FALSE;
    }

  label = g_string_new (NULL);
  for (const char *q = label_from; q < label_to; q = g_utf8_next_char (q))
    {
      gunichar ch = g_utf8_get_char (q);

      if (is_space (ch))
        {
          if (label->len > 0 && label->str[label->len - 1] != ' ')
            g_string_append_c (label, ' ');
        }
      else
        g_string_append_unichar (label, ch);
    }

  memset (c, 0, sizeof *c);
  c->line = line_index;
  c->label_start = CP (label_from);
  /* The label's span holds its colon or full stop. */
  c->label_end = CP (after);
  {
    const char *speech = skip_spaces (after, end);

    c->speech_start = CP (speech);
    c->content_words = count_words (speech, end);
    c->content_ends_sentence = ends_sentence (speech, end);
  }
  if (time_from != NULL)
    {
      c->time_start = CP (time_from);
      c->time_end = CP (time_to);
      c->time = g_steal_pointer (&time);
    }
  c->label = g_string_free (g_steal_pointer (&label), FALSE);
  c->key = g_utf8_casefold (c->label, -1);
  c->resolved = c->key;
  judge_label (c);

#undef CP
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Deciding                                                            */

static gboolean
is_all_capitals (const char *label)
{
  gboolean cased = FALSE;

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isupper (c))
        cased = TRUE;
    }
  return cased;
}

char *
lectern_turn_detector_display_name (const char *label)
{
  GString *out = g_string_new (NULL);
  gboolean capitals;
  gboolean after_letter = FALSE;

  g_return_val_if_fail (label != NULL, NULL);

  capitals = is_all_capitals (label);
  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || is_space (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          after_letter = FALSE;
          continue;
        }
      if (capitals && g_unichar_isalpha (c))
        c = after_letter ? g_unichar_tolower (c) : g_unichar_totitle (c);
      after_letter = g_unichar_isalpha (c) || g_unichar_ismark (c);
      g_string_append_unichar (out, c);
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/* TRUE when the last words of @long_key are the words of @short_key. */
static gboolean
ends_with_words (const char *long_key,
                 const char *short_key)
{
  gsize l = strlen (long_key), s = strlen (short_key);

  return l > s + 1 && strcmp (long_key + l - s, short_key) == 0 && long_key[l - s - 1] == ' ';
}

/* Keys of the valid candidates that stand for a longer, earlier label:
 * key → the longer key, when exactly one such label exists. */
static void
resolve_aliases (GPtrArray *valid)
{
  g_autoptr(GHashTable) first = g_hash_table_new (g_str_hash, g_str_equal);   /* key → position */
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GHashTable) alias = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < valid->len; i++)
    {
      Candidate *c = g_ptr_array_index (valid, i);

      if (!g_hash_table_contains (first, c->key))
        {
          g_hash_table_insert (first, c->key, GUINT_TO_POINTER (i));
          g_ptr_array_add (keys, c->key);
        }
    }

  /* Distinct labels are few (a transcript has a handful of speakers, and
   * shapes are bounded by line count), but guard the quadratic pass. */
  if (keys->len > 512)
    return;

  for (guint i = 0; i < keys->len; i++)
    {
      const char *k = g_ptr_array_index (keys, i);
      const char *target = NULL;
      guint n = 0;

      if (in_list (role_words, G_N_ELEMENTS (role_words), k) || g_utf8_strlen (k, -1) < 2)
        continue;
      for (guint j = 0; j < keys->len; j++)
        if (ends_with_words (g_ptr_array_index (keys, j), k))
          {
            target = g_ptr_array_index (keys, j);
            n++;
          }
      if (n == 1)
        g_hash_table_insert (alias, (gpointer) k, (gpointer) target);
    }

  for (guint i = 0; i < valid->len; i++)
    {
      Candidate *c = g_ptr_array_index (valid, i);
      const char *target = g_hash_table_lookup (alias, c->key);

      if (target != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (first, target)) < i)
        c->resolved = target;
    }
}

static guint
count_of (GHashTable *counts,
          const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
}

/* The candidates that are turns, by the document's structure. */
static GPtrArray *
decide (GArray *candidates)
{
  g_autoptr(GPtrArray) valid = g_ptr_array_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) speakers = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *accepted = g_ptr_array_new ();

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      if (c->valid)
        g_ptr_array_add (valid, c);
    }

  /* A headline "Name : words" above the interview, or repeated below it. */
  for (guint end = 0; end < 2 && valid->len > 0; end++)
    {
      guint i = end == 0 ? 0 : valid->len - 1;
      Candidate *c = g_ptr_array_index (valid, i);

      if (c->content_words >= HEADLINE_MIN_WORDS && c->content_words <= HEADLINE_MAX_WORDS
          && !c->content_ends_sentence)
        {
          c->headline = TRUE;
          g_ptr_array_remove_index (valid, i);
        }
    }

  resolve_aliases (valid);

  for (guint i = 0; i < valid->len; i++)
    {
      Candidate *c = g_ptr_array_index (valid, i);

      g_hash_table_insert (counts, (gpointer) c->resolved,
                           GUINT_TO_POINTER (count_of (counts, c->resolved) + 1));
    }

  for (guint i = 0; i < valid->len; i++)
    {
      Candidate *c = g_ptr_array_index (valid, i);
      guint recurring_neighbours = 0;

      if (count_of (counts, c->resolved) < 2)
        {
          /* A one-off single word is "Firstly:", "Deuxièmement :";
           * a one-off person is named in full. */
          if (c->sentence_word || (!c->role && c->n_words < 2))
            continue;
          for (int d = -1; d <= 1; d += 2)
            {
              int j = (int) i + d;
              Candidate *n;

              if (j < 0 || j >= (int) valid->len)
                continue;
              n = g_ptr_array_index (valid, j);
              if (strcmp (n->resolved, c->resolved) == 0)
                continue;
              /* "Question:" then "Answer:" once each alternate too. */
              if (count_of (counts, n->resolved) >= 2 || (c->role && n->role))
                recurring_neighbours++;
            }
          if (recurring_neighbours < (c->role ? 1u : 2u))
            continue;
        }
      g_ptr_array_add (accepted, c);
      g_hash_table_add (speakers, (gpointer) c->resolved);
    }

  /* One voice is no interview: labels there are something else. */
  if (g_hash_table_size (speakers) < 2)
    g_ptr_array_set_size (accepted, 0);

  return accepted;
}

/* The display form of each speaker key: its first spelling not all in
 * capitals, else the first in title case. */
static GHashTable *
display_names (GPtrArray *accepted)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < accepted->len; i++)
      {
        Candidate *c = g_ptr_array_index (accepted, i);

        if (strcmp (c->key, c->resolved) != 0 || g_hash_table_contains (names, c->resolved))
          continue;
        if (pass == 0 && is_all_capitals (c->label))
          continue;
        g_hash_table_insert (names, (gpointer) c->resolved,
                             lectern_turn_detector_display_name (c->label));
      }

  return names;
}

/* ------------------------------------------------------------------ */
/* Corrections and turns                                               */

static guint
line_at (GArray *lines,
         guint   offset)
{
  guint lo = 0, hi = lines->len;

  /* The last line whose start is at or before @offset. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (lines, Line, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Each correction costs the same whatever the number of turns, but for
 * renames, which go over them all. */
static void
apply_corrections (GArray     *heads,
                   GArray     *corrections,
                   GArray     *lines,
                   GArray     *candidates,
                   const int  *candidate_of_line,
                   guint       text_length)
{
  g_autofree int *head_of_line = g_new (int, lines->len);

  for (guint l = 0; l < lines->len; l++)
    head_of_line[l] = -1;
  for (guint i = 0; i < heads->len; i++)
    head_of_line[g_array_index (heads, Head, i).line] = (int) i;

  for (guint k = 0; k < corrections->len; k++)
    {
      const LecternTurnCorrection *fix = &g_array_index (corrections, LecternTurnCorrection, k);

      switch (fix->kind)
        {
        case LECTERN_TURN_CORRECTION_SET_TURN:
        case LECTERN_TURN_CORRECTION_NOT_TURN:
          {
            guint line;
            int h;

            if (fix->offset > text_length
                || (fix->kind == LECTERN_TURN_CORRECTION_SET_TURN
                    && (fix->speaker == NULL || *fix->speaker == '\0')))
              break;
            line = line_at (lines, fix->offset);
            h = head_of_line[line];
            if (fix->kind == LECTERN_TURN_CORRECTION_NOT_TURN)
              {
                if (h >= 0)
                  {
                    g_array_index (heads, Head, h).removed = TRUE;
                    head_of_line[line] = -1;
                  }
              }
            else if (h >= 0)
              {
                Head *head = &g_array_index (heads, Head, h);

                g_free (head->speaker);
                head->speaker = g_strdup (fix->speaker);
              }
            else
              {
                Head head = { 0 };
                int ci = candidate_of_line[line];

                head.line = line;
                if (ci >= 0)
                  {
                    const Candidate *c = &g_array_index (candidates, Candidate, ci);

                    head.label_start = c->label_start;
                    head.label_end = c->label_end;
                    head.speech_start = c->speech_start;
                    head.time_start = c->time_start;
                    head.time_end = c->time_end;
                    head.time = g_strdup (c->time);
                  }
                else
                  {
                    const Line *l = &g_array_index (lines, Line, line);

                    head.label_start = head.label_end = head.speech_start = l->start;
                  }
                head.speaker = g_strdup (fix->speaker);
                head_of_line[line] = (int) heads->len;
                g_array_append_val (heads, head);
              }
          }
          break;

        case LECTERN_TURN_CORRECTION_CLEAR:
          for (guint i = 0; i < heads->len; i++)
            {
              Head *head = &g_array_index (heads, Head, i);

              if (!head->removed)
                {
                  head->removed = TRUE;
                  head_of_line[head->line] = -1;
                }
            }
          break;

        case LECTERN_TURN_CORRECTION_RENAME:
        case LECTERN_TURN_CORRECTION_MERGE:
          if (fix->speaker == NULL || fix->target == NULL || *fix->target == '\0')
            break;
          for (guint i = 0; i < heads->len; i++)
            {
              Head *head = &g_array_index (heads, Head, i);

              if (!head->removed && strcmp (head->speaker, fix->speaker) == 0)
                {
                  g_free (head->speaker);
                  head->speaker = g_strdup (fix->target);
                }
            }
          break;

        default:
          break;
        }
    }
}

static int
compare_heads (gconstpointer a,
               gconstpointer b)
{
  const Head *x = a, *y = b;

  return (x->line > y->line) - (x->line < y->line);
}

/* Lines of @text with their code-point positions. */
static GArray *
split_lines (const char *text,
             guint      *text_length)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  const char *p = text;
  guint cp = 0;

  for (;;)
    {
      Line line = { 0 };

      line.byte_start = p - text;
      line.start = cp;
      line.blank = TRUE;
      line.content_end = cp;
      while (*p != '\0' && *p != '\n')
        {
          gunichar c = g_utf8_get_char (p);

          cp++;
          if (!g_unichar_isspace (c) && !is_space (c))
            {
              line.blank = FALSE;
              line.content_end = cp;
            }
          p = g_utf8_next_char (p);
        }
      line.byte_end = p - text;
      g_array_append_val (lines, line);
      if (*p == '\0')
        break;
      p++;
      cp++;
    }

  *text_length = cp;
  return lines;
}

GArray *
lectern_turn_detector_detect (const char *text,
                              GArray     *corrections)
{
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) heads = NULL;
  g_autoptr(GPtrArray) accepted = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autofree int *candidate_of_line = NULL;
  GArray *turns;
  guint text_length = 0;

  turns = g_array_new (FALSE, TRUE, sizeof (LecternTurn));
  g_array_set_clear_func (turns, turn_clear);
  g_return_val_if_fail (text != NULL, turns);

  lines = split_lines (text, &text_length);
  candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_array_set_clear_func (candidates, candidate_clear);
  candidate_of_line = g_new (int, lines->len);

  for (guint i = 0; i < lines->len; i++)
    {
      Candidate c;

      candidate_of_line[i] = -1;
      if (g_array_index (lines, Line, i).blank)
        continue;
      if (read_line (text, &g_array_index (lines, Line, i), i, &c))
        {
          candidate_of_line[i] = candidates->len;
          g_array_append_val (candidates, c);
        }
    }

  /* Candidates no longer move from here: pointers into them hold. */
  accepted = decide (candidates);
  names = display_names (accepted);

  heads = g_array_new (FALSE, TRUE, sizeof (Head));
  g_array_set_clear_func (heads, head_clear);
  for (guint i = 0; i < accepted->len; i++)
    {
      const Candidate *c = g_ptr_array_index (accepted, i);
      Head head = {
        c->line, FALSE, c->label_start, c->label_end, c->speech_start,
        c->time_start, c->time_end, g_strdup (c->time),
        g_strdup (g_hash_table_lookup (names, c->resolved)),
      };

      g_array_append_val (heads, head);
    }

  if (corrections != NULL)
    {
      apply_corrections (heads, corrections, lines, candidates, candidate_of_line, text_length);
      for (guint i = heads->len; i > 0; i--)
        if (g_array_index (heads, Head, i - 1).removed)
          g_array_remove_index_fast (heads, i - 1);
    }
  g_array_sort (heads, compare_heads);

  for (guint i = 0; i < heads->len; i++)
    {
      Head *head = &g_array_index (heads, Head, i);
      guint next_line = i + 1 < heads->len ? g_array_index (heads, Head, i + 1).line : lines->len;
      const Line *first = &g_array_index (lines, Line, head->line);
      LecternTurn turn = { 0 };

      turn.start = first->start;
      turn.end = first->start;
      /* Back from the next turn over blank lines; the head's own line
       * may be blank only when the user set a turn there. */
      for (guint l = next_line; l > head->line; l--)
        {
          const Line *line = &g_array_index (lines, Line, l - 1);

          if (!line->blank)
            {
              turn.end = line->content_end;
              break;
            }
        }
      turn.label_start = head->label_start;
      turn.label_end = head->label_end;
      turn.speech_start = MIN (head->speech_start, MAX (turn.end, head->label_end));
      turn.time_start = head->time_start;
      turn.time_end = head->time_end;
      turn.speaker = g_steal_pointer (&head->speaker);
      turn.time = g_steal_pointer (&head->time);
      g_array_append_val (turns, turn);
    }

  return turns;
}
