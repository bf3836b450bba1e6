/* lectern-text.c — stored-text rules: normalization, offsets, folding and
 * re-anchoring of quotes.
 *
 * Every offset Lectern stores counts Unicode code points of the stored text
 * (what GtkTextIter offsets count), never bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lectern-text.h"
#include "lectern-text-private.h"

#define BOM "\xef\xbb\xbf"

/* Bytes normalized at a time, see nfc_piece_end(). */
#define PIECE 4096

/* GLib 2.74's g_utf8_normalize() takes time in the square of the length
 * of non-ASCII text (minutes for a 5 MB French article), so text is
 * normalized in pieces. A piece may end just before any ASCII character:
 * ASCII has combining class 0 and is never the second element of a
 * canonical composition, so nothing composes or reorders across that
 * point, and normalizing the pieces apart equals normalizing the whole. */
static const char *
nfc_piece_end (const char *p,
               const char *end)
{
  const char *cut = p + MIN (PIECE, end - p);

  /* ASCII bytes never occur inside a multi-byte sequence. */
  while (cut < end && (guchar) *cut >= 0x80)
    cut++;
  return cut;
}

/* Whether valid UTF-8 [p, p + len) has only code points below U+0300,
 * hence is its own NFC form: every one of them is NFC_Quick_Check=Yes
 * with combining class 0, and none is the second of a composition (the
 * first that can be is U+0300). Most Latin text, accented or not, is:
 * no normalization to run. In UTF-8 those are the bytes below 0xCC. */
static gboolean
is_below_combining_marks (const char *p,
                          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) p[i] >= 0xCC)
      return FALSE;
  return TRUE;
}

/* Appends the NFC form of valid UTF-8 [p, end) to @out. */
static void
append_nfc (GString    *out,
            const char *p,
            const char *end)
{
  while (p < end)
    {
      const char *cut = nfc_piece_end (p, end);

      if (is_below_combining_marks (p, cut - p))
        g_string_append_len (out, p, cut - p);
      else
        {
          g_autofree char *nfc = g_utf8_normalize (p, cut - p, G_NORMALIZE_NFC);
          g_string_append (out, nfc);
        }
      p = cut;
    }
}

char *
lectern_text_normalize (const char *text,
                        gssize      len)
{
  g_autoptr(GString) lf = NULL;
  g_autoptr(GString) nfc = NULL;
  const char *p;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  if (len < 0)
    len = strlen (text);

  /* With an explicit length a NUL byte also fails validation. */
  if (!g_utf8_validate (text, len, NULL))
    return NULL;

  p = text;
  end = text + len;
  /* Every BOM at the start: a UTF-16 file's own BOM comes through the
   * decoder as one, and a file can carry another behind it. */
  while (end - p >= 3 && memcmp (p, BOM, 3) == 0)
    p += 3;

  lf = g_string_sized_new (end - p);
  while (p < end)
    {
      const char *cr = memchr (p, '\r', end - p);

      if (cr == NULL)
        {
          g_string_append_len (lf, p, end - p);
          break;
        }

      g_string_append_len (lf, p, cr - p);
      g_string_append_c (lf, '\n');
      p = cr + 1;
      if (p < end && *p == '\n')
        p++;
    }

  nfc = g_string_sized_new (lf->len);
  append_nfc (nfc, lf->str, lf->str + lf->len);
  return g_string_free (g_steal_pointer (&nfc), FALSE);
}

gboolean
lectern_text_is_stored (const char *text,
                        gssize      len)
{
  const char *p;
  const char *end;

  g_return_val_if_fail (text != NULL, FALSE);

  if (len < 0)
    len = strlen (text);

  if (!g_utf8_validate (text, len, NULL))
    return FALSE;
  if (len >= 3 && memcmp (text, BOM, 3) == 0)
    return FALSE;
  if (memchr (text, '\r', len) != NULL)
    return FALSE;

  for (p = text, end = text + len; p < end; )
    {
      const char *cut = nfc_piece_end (p, end);

      if (!is_below_combining_marks (p, cut - p))
        {
          g_autofree char *nfc = g_utf8_normalize (p, cut - p, G_NORMALIZE_NFC);

          if (nfc == NULL || strlen (nfc) != (gsize) (cut - p) || memcmp (nfc, p, cut - p) != 0)
            return FALSE;
        }
      p = cut;
    }

  return TRUE;
}

glong
lectern_text_length (const char *text)
{
  g_return_val_if_fail (text != NULL, 0);

  return g_utf8_strlen (text, -1);
}

gsize
_lectern_text_offset_to_index (const char *text,
                               glong       offset)
{
  const char *p = text;

  for (glong i = 0; i < offset && *p != '\0'; i++)
    p = g_utf8_next_char (p);

  return p - text;
}

char *
lectern_text_slice (const char *text,
                    glong       start,
                    glong       end)
{
  gsize from;
  gsize to;

  g_return_val_if_fail (text != NULL, NULL);

  if (start < 0)
    start = 0;
  if (end < start)
    end = start;

  from = _lectern_text_offset_to_index (text, start);
  to = from + _lectern_text_offset_to_index (text + from, end - start);

  return g_strndup (text + from, to - from);
}

static inline gboolean
is_combining (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK;
}

gboolean
_lectern_text_is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Folds one non-ASCII code point into @buf (at least 32 bytes): decomposes
 * canonically, drops the combining marks and lower-cases. Returns the
 * bytes written; *n_chars gets the code points written. */
static guint
fold_one (gunichar  c,
          char     *buf,
          guint    *n_chars)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));
  guint len = 0;

  *n_chars = 0;
  for (gsize i = 0; i < n; i++)
    {
      if (is_combining (parts[i]))
        continue;
      len += g_unichar_to_utf8 (g_unichar_tolower (parts[i]), buf + len);
      (*n_chars)++;
    }
  return len;
}

/* The folds of the two-byte code points (U+0080–U+07FF: Latin, Greek,
 * Cyrillic, Hebrew, Arabic…), computed once: folding a French text is then
 * a table look-up per accented letter, not a decomposition. */
typedef struct
{
  guint8 n_bytes;
  guint8 n_chars;
  char   bytes[30];
} FoldEntry;

static const FoldEntry *
two_byte_folds (void)
{
  static gsize table;

  if (g_once_init_enter (&table))
    {
      FoldEntry *t = g_new0 (FoldEntry, 0x800 - 0x80);

      for (gunichar c = 0x80; c < 0x800; c++)
        {
          char buf[G_UNICHAR_MAX_DECOMPOSITION_LENGTH * 6];
          guint n_chars;
          guint n = fold_one (c, buf, &n_chars);

          /* Two-byte code points fold to at most three code points. */
          g_assert (n <= sizeof t->bytes);
          memcpy (t[c - 0x80].bytes, buf, n);
          t[c - 0x80].n_bytes = n;
          t[c - 0x80].n_chars = n_chars;
        }
      g_once_init_leave (&table, (gsize) t);
    }
  return (const FoldEntry *) table;
}

/* Decomposes canonically, drops the combining marks and lower-cases: one
 * code point in gives one code point out for nearly every script (simple
 * lower-casing, as SQLite's unicode61 tokenizer does, keeps "ß" one code
 * point). No allocation per character and ASCII copied in runs: this runs
 * over whole documents. */
char *
_lectern_text_fold_map (const char *text,
                        gssize      len,
                        GArray    **map)
{
  const FoldEntry *table = two_byte_folds ();
  const guchar *p;
  const guchar *end;
  char *out;
  gsize out_len = 0;
  gsize out_size;
  GArray *marr = NULL;
  guint32 *m = NULL;
  gsize m_len = 0;
  gsize m_size = 0;
  guint32 index = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (len < 0)
    len = strlen (text);

  /* Folding rarely lengthens a text; the buffers grow if it does. */
  out_size = len + 64;
  out = g_malloc (out_size);
  if (map != NULL)
    {
      m_size = len + 64;
      marr = g_array_sized_new (FALSE, FALSE, sizeof (guint32), m_size);
      g_array_set_size (marr, m_size);
      m = (guint32 *) (void *) marr->data;
    }

  p = (const guchar *) text;
  end = p + len;
  while (p < end)
    {
      char buf[G_UNICHAR_MAX_DECOMPOSITION_LENGTH * 6];
      const char *folded;
      guint n_bytes;
      guint n_chars;

      if (*p < 0x80)
        {
          /* A run of ASCII: one byte, one code point, in and out, eight
           * bytes at a time where it can. It is at most what is left. */
          gsize left = end - p;

          if (out_len + left + 1 > out_size)
            {
              out_size = MAX (out_size * 2, out_len + left + 64);
              out = g_realloc (out, out_size);
            }
          if (m != NULL && m_len + left + 1 > m_size)
            {
              m_size = MAX (m_size * 2, m_len + left + 64);
              g_array_set_size (marr, m_size);
              m = (guint32 *) (void *) marr->data;
            }
          while (p < end)
            {
              guint64 w;

              if (end - p >= 8)
                {
                  memcpy (&w, p, 8);
                  if ((w & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
                    {
                      /* Each byte's high bit: at least 'A', above 'Z'
                       * (no byte carries into the next, all are < 0x80). */
                      guint64 from_a = w + G_GUINT64_CONSTANT (0x3f3f3f3f3f3f3f3f);
                      guint64 past_z = w + G_GUINT64_CONSTANT (0x2525252525252525);
                      guint64 upper = from_a & ~past_z & G_GUINT64_CONSTANT (0x8080808080808080);

                      w |= upper >> 2;
                      memcpy (out + out_len, &w, 8);
                      out_len += 8;
                      if (m != NULL)
                        {
                          for (guint i = 0; i < 8; i++)
                            m[m_len + i] = index + i;
                          m_len += 8;
                        }
                      index += 8;
                      p += 8;
                      continue;
                    }
                }
              if (*p >= 0x80)
                break;
              out[out_len++] = (guchar) (*p - 'A') < 26 ? *p + ('a' - 'A') : *p;
              if (m != NULL)
                m[m_len++] = index;
              index++;
              p++;
            }
          continue;
        }

      if (*p >= 0xc2 && *p < 0xe0 && p + 1 < end && (p[1] & 0xc0) == 0x80)
        {
          const FoldEntry *e = &table[(((gunichar) (p[0] & 0x1f) << 6) | (p[1] & 0x3f)) - 0x80];

          folded = e->bytes;
          n_bytes = e->n_bytes;
          n_chars = e->n_chars;
        }
      else
        {
          n_bytes = fold_one (g_utf8_get_char ((const char *) p), buf, &n_chars);
          folded = buf;
        }
      p = (const guchar *) g_utf8_next_char (p);

      /* A lone combining mark folds to nothing, which keeps the map
       * monotonic. */
      if (out_len + n_bytes + 1 > out_size)
        {
          out_size = MAX (out_size * 2, out_len + n_bytes + 64);
          out = g_realloc (out, out_size);
        }
      memcpy (out + out_len, folded, n_bytes);
      out_len += n_bytes;
      if (m != NULL)
        {
          if (m_len + n_chars + 1 > m_size)
            {
              m_size = MAX (m_size * 2, m_len + n_chars + 64);
              g_array_set_size (marr, m_size);
              m = (guint32 *) (void *) marr->data;
            }
          for (guint i = 0; i < n_chars; i++)
            m[m_len++] = index;
        }
      index++;
    }

  out[out_len] = '\0';
  if (map != NULL)
    {
      m[m_len++] = index;
      g_array_set_size (marr, m_len);
      *map = marr;
    }

  return out;
}

char *
lectern_text_fold (const char *text,
                   gssize      len)
{
  return _lectern_text_fold_map (text, len, NULL);
}

char *
_lectern_text_one_line (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* How many code points at the end of @a and @b agree. */
static glong
common_tail (const char *a,
             gsize       a_len,
             const char *b,
             gsize       b_len)
{
  const char *pa = a + a_len;
  const char *pb = b + b_len;
  glong n = 0;

  while (pa > a && pb > b)
    {
      const char *qa = g_utf8_prev_char (pa);
      const char *qb = g_utf8_prev_char (pb);

      if (g_utf8_get_char (qa) != g_utf8_get_char (qb))
        break;
      pa = qa;
      pb = qb;
      n++;
    }

  return n;
}

/* How many code points at the start of @a and @b agree. */
static glong
common_head (const char *a,
             const char *b,
             gsize       b_len)
{
  const char *b_end = b + b_len;
  glong n = 0;

  while (*a != '\0' && b < b_end && g_utf8_get_char (a) == g_utf8_get_char (b))
    {
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
      n++;
    }

  return n;
}

/* Scores the candidate at @byte of @haystack: agreement of the context on
 * both sides, in code points. */
static glong
score_candidate (const char *haystack,
                 gsize       byte,
                 gsize       quote_len,
                 const char *prefix,
                 const char *suffix)
{
  glong score = 0;

  if (prefix != NULL && *prefix != '\0')
    score += common_tail (prefix, strlen (prefix), haystack, byte);
  if (suffix != NULL && *suffix != '\0')
    score += common_head (suffix, haystack + byte + quote_len,
                          strlen (haystack + byte + quote_len));

  return score;
}

static gboolean
choose_best (const char *haystack,
             const char *needle,
             const char *prefix,
             const char *suffix,
             glong       hint,
             glong      *found)
{
  gsize needle_len = strlen (needle);
  const char *p = haystack;
  const char *counted = haystack;
  glong offset = 0;
  glong best_score = -1;
  glong best_offset = -1;

  while ((p = strstr (p, needle)) != NULL)
    {
      glong score;

      offset += g_utf8_strlen (counted, p - counted);
      counted = p;
      score = score_candidate (haystack, p - haystack, needle_len, prefix, suffix);

      if (score > best_score
          || (score == best_score && ABS (offset - hint) < ABS (best_offset - hint)))
        {
          best_score = score;
          best_offset = offset;
        }

      p = g_utf8_next_char (p);
    }

  if (best_offset < 0)
    return FALSE;

  *found = best_offset;
  return TRUE;
}

gboolean
lectern_text_anchor (const char *text,
                     const char *quote,
                     const char *prefix,
                     const char *suffix,
                     glong       hint,
                     glong      *start,
                     glong      *end)
{
  glong quote_chars;
  glong found;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);

  if (*quote == '\0')
    return FALSE;

  quote_chars = g_utf8_strlen (quote, -1);

  /* Still where it was: the common case, and cheap. */
  if (hint >= 0)
    {
      gsize at = _lectern_text_offset_to_index (text, hint);

      if (strncmp (text + at, quote, strlen (quote)) == 0)
        {
          *start = hint;
          *end = hint + quote_chars;
          return TRUE;
        }
    }

  if (choose_best (text, quote, prefix, suffix, hint, &found))
    {
      *start = found;
      *end = found + quote_chars;
      return TRUE;
    }

  /* The text changed case or accents around the passage: match folded,
   * then map back to the text's own code points. */
  {
    g_autoptr(GArray) map = NULL;
    g_autofree char *folded_text = _lectern_text_fold_map (text, -1, &map);
    g_autofree char *folded_quote = lectern_text_fold (quote, -1);
    g_autofree char *folded_prefix = prefix ? lectern_text_fold (prefix, -1) : NULL;
    g_autofree char *folded_suffix = suffix ? lectern_text_fold (suffix, -1) : NULL;
    glong folded_found;
    glong folded_hint = 0;

    if (*folded_quote == '\0')
      return FALSE;

    /* Translate the hint into folded code points. */
    for (guint i = 0; i + 1 < map->len; i++)
      {
        if (g_array_index (map, guint32, i) >= hint)
          break;
        folded_hint = i + 1;
      }

    if (!choose_best (folded_text, folded_quote, folded_prefix, folded_suffix,
                      folded_hint, &folded_found))
      return FALSE;

    *start = g_array_index (map, guint32, folded_found);
    folded_found += g_utf8_strlen (folded_quote, -1);
    /* The end is just past the last code point the match covers. */
    *end = g_array_index (map, guint32, folded_found - 1) + 1;
    return TRUE;
  }
}
