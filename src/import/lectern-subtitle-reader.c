/* lectern-subtitle-reader.c — SubRip (.srt) and WebVTT (.vtt) subtitles
 * as a transcript: the cues in order, a paragraph per speaker's turn, the
 * cue start times kept as `time` spans (the shape is described in
 * lectern-format-readers.h).
 *
 * Both formats are lines: the file is decoded as plain text first (any
 * encoding, lectern-text-decoder.h), then read line by line with a bound
 * on each line and on the number of cues.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-format-readers.h"
#include "lectern-import-error.h"
#include "lectern-split-lines-private.h"
#include "lectern-text-decoder.h"
#include "lectern-turn-detector.h"

/* Past these a file is no subtitle file anyone made by hand or by tool:
 * a feature film has about 2,000 cues. */
#define MAX_CUES 100000
#define MAX_LINE_BYTES 8192

typedef struct
{
  char *speaker;   /* nullable */
  char *text;      /* white space made single spaces, markup dropped */
  char *time;      /* "HH:MM:SS.mmm" */
} Piece;

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_clear_pointer (&piece->speaker, g_free);
  g_clear_pointer (&piece->text, g_free);
  g_clear_pointer (&piece->time, g_free);
}

typedef struct
{
  const char  *display_name;
  gboolean     vtt;
  char       **lines;
  guint        n_lines;
  guint        line;       /* the next line to read, 0-based */
  GArray      *pieces;     /* Piece */
  guint        n_cues;
} Reader;

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, LECTERN_IMPORT_ERROR, code, message);
  return FALSE;
}

/* A line as an error message shows it: short, on one line. */
static char *
quote_line (const char *line)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (line, -1) <= 40)
    return g_strdup (line);
  head = g_utf8_substring (line, 0, 40);
  return g_strconcat (head, "…", NULL);
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Timings                                                             */

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (n < max_digits && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n >= min_digits && !g_ascii_isdigit (**p);
}

/* "00:01:23.500", WebVTT's "01:23.500", SubRip's "00:01:23,500" (and
 * the one-digit hours or short fractions some tools write), normalised
 * to "HH:MM:SS.mmm". */
static char *
read_timestamp (const char **p,
                gboolean     vtt,
                guint64     *ms_total)
{
  const char *q = *p;
  guint parts[3];
  guint n = 0;
  guint fraction, digits;
  const char *fraction_start;
  guint hours, minutes, seconds;

  if (!read_number (&q, 1, 3, &parts[n++]))
    return NULL;
  while (n < 3 && *q == ':')
    {
      q++;
      if (!read_number (&q, 2, 2, &parts[n++]))
        return NULL;
    }
  if (n < 2 || (!vtt && n < 3))
    return NULL;
  if (*q != '.' && !(*q == ',' && !vtt))
    return NULL;
  q++;
  fraction_start = q;
  if (!read_number (&q, vtt ? 3 : 1, 3, &fraction))
    return NULL;
  digits = q - fraction_start;
  while (digits++ < 3)
    fraction *= 10;

  if (n == 3)
    {
      hours = parts[0];
      minutes = parts[1];
      seconds = parts[2];
    }
  else
    {
      hours = 0;
      minutes = parts[0];
      seconds = parts[1];
    }
  if (minutes > 59 || seconds > 59)
    return NULL;

  *p = q;
  *ms_total = ((guint64) hours * 3600 + minutes * 60 + seconds) * 1000 + fraction;
  return g_strdup_printf ("%02u:%02u:%02u.%03u", hours, minutes, seconds, fraction);
}

/* "START --> END [settings]". Returns the start, or NULL. */
static char *
read_timing (const char *line,
             gboolean    vtt,
             gboolean   *backwards)
{
  const char *p = line;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  guint64 start_ms, end_ms;

  while (*p == ' ' || *p == '\t')
    p++;
  start = read_timestamp (&p, vtt, &start_ms);
  if (start == NULL)
    return NULL;
  while (*p == ' ' || *p == '\t')
    p++;
  if (!g_str_has_prefix (p, "-->"))
    return NULL;
  p += 3;
  while (*p == ' ' || *p == '\t')
    p++;
  end = read_timestamp (&p, vtt, &end_ms);
  if (end == NULL)
    return NULL;
  /* Cue settings (WebVTT) or coordinates (SubRip) after white space. */
  if (*p != '\0' && *p != ' ' && *p != '\t')
    return NULL;

  *backwards = end_ms < start_ms;
  return g_steal_pointer (&start);
}

/* ------------------------------------------------------------------ */
/* Cue text                                                            */

static const struct { const char *name; const char *text; } entities[] = {
  { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&nbsp;", " " },
  { "&lrm;", "" }, { "&rlm;", "" }, { "&quot;", "\"" }, { "&apos;", "'" },
};

/* @line without markup: <i>, <b>, <c.class>, <00:00:01.000>, <font …>,
 * {\an8}; the name of its first WebVTT voice <v Name> in @voice. */
static char *
strip_markup (const char  *line,
              char       **voice)
{
  GString *out = g_string_new (NULL);
  const char *p = line;

  while (*p != '\0')
    {
      if (*p == '<' || (*p == '{' && p[1] == '\\'))
        {
          const char *close = strchr (p, *p == '<' ? '>' : '}');

          if (close != NULL)
            {
              if (*p == '<' && p[1] == 'v' && (p[2] == ' ' || p[2] == '.' || p[2] == '\t')
                  && *voice == NULL)
                {
                  const char *name = p + 2;

                  while (name < close && *name != ' ' && *name != '\t')
                    name++;
                  *voice = g_strstrip (g_strndup (name, close - name));
                  if (**voice == '\0')
                    g_clear_pointer (voice, g_free);
                }
              p = close + 1;
              continue;
            }
        }
      if (*p == '&')
        {
          gboolean replaced = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
            if (g_str_has_prefix (p, entities[i].name))
              {
                g_string_append (out, entities[i].text);
                p += strlen (entities[i].name);
                replaced = TRUE;
                break;
              }
          if (replaced)
            continue;
        }
      g_string_append_c (out, *p);
      p++;
    }

  return g_string_free (out, FALSE);
}

/* Appends @text to @out, white space runs made one space. */
static void
append_words (GString    *out,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
}

/* A caption's "NAME:" prefix, in capitals as captioners write it: the
 * name's display form, and *rest after the colon; NULL when none. */
static char *
read_name_prefix (const char  *text,
                  const char **rest)
{
  const char *colon = strchr (text, ':');
  g_autofree char *name = NULL;
  guint words = 1;
  gboolean letter = FALSE;

  if (colon == NULL || colon == text || (colon[1] != ' ' && colon[1] != '\0'))
    return NULL;
  name = g_strstrip (g_strndup (text, colon - text));
  if (*name == '\0' || g_utf8_strlen (name, -1) > LECTERN_TURN_LABEL_MAX_CHARS)
    return NULL;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        words++;
      else if (g_unichar_isupper (c))
        letter = TRUE;
      else if (!(g_unichar_ismark (c) || g_unichar_isdigit (c) || c == '-' || c == '\''
                 || c == 0x2019 || c == '.'))
        return NULL;
    }
  if (!letter || words > 5)
    return NULL;

  *rest = colon + 1;
  while (**rest == ' ')
    (*rest)++;
  return lectern_turn_detector_display_name (name);
}

static void
add_piece (Reader     *reader,
           const char *speaker,
           GString    *text,
           const char *time)
{
  Piece piece;

  if (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);
  if (text->len == 0)
    return;
  piece.speaker = g_strdup (speaker);
  piece.text = g_strdup (text->str);
  piece.time = g_strdup (time);
  g_array_append_val (reader->pieces, piece);
  g_string_truncate (text, 0);
}

/* The payload lines of one cue, from reader->line to a blank line: one
 * piece per voice in it. */
static void
read_payload (Reader     *reader,
              const char *time)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *speaker = NULL;
  gboolean first = TRUE;

  for (; reader->line < reader->n_lines && !is_blank (reader->lines[reader->line]); reader->line++)
    {
      g_autofree char *voice = NULL;
      g_autofree char *plain = strip_markup (reader->lines[reader->line], &voice);
      g_autofree char *named = NULL;
      const char *rest = plain;

      if (voice == NULL)
        {
          while (*rest == ' ' || *rest == '\t')
            rest++;
          /* A "NAME:" prefix opens the cue, or a line of a cue where two
           * speak. */
          named = read_name_prefix (rest, &rest);
          if (named != NULL)
            voice = g_steal_pointer (&named);
          else
            rest = plain;
        }

      if (voice != NULL)
        {
          g_autofree char *display = lectern_turn_detector_display_name (voice);

          if (first || g_strcmp0 (display, speaker) != 0)
            {
              add_piece (reader, speaker, text, time);
              g_free (speaker);
              speaker = g_steal_pointer (&display);
            }
        }
      first = FALSE;
      append_words (text, rest);
      if (text->len > 0 && text->str[text->len - 1] != ' ')
        g_string_append_c (text, ' ');
    }
  add_piece (reader, speaker, text, time);
}

/* ------------------------------------------------------------------ */
/* Blocks                                                              */

static gboolean
starts_keyword (const char *line,
                const char *keyword)
{
  gsize n = strlen (keyword);

  return strncmp (line, keyword, n) == 0 && (line[n] == '\0' || line[n] == ' ' || line[n] == '\t');
}

static void
skip_block (Reader *reader)
{
  while (reader->line < reader->n_lines && !is_blank (reader->lines[reader->line]))
    reader->line++;
}

static gboolean
read_cue (Reader  *reader,
          GError **error)
{
  const char *first = reader->lines[reader->line];
  guint timing_line = reader->line;
  g_autofree char *time = NULL;
  gboolean backwards = FALSE;

  if (reader->vtt)
    {
      if (starts_keyword (first, "NOTE") || starts_keyword (first, "STYLE")
          || starts_keyword (first, "REGION"))
        {
          skip_block (reader);
          return TRUE;
        }
      /* A line without the arrow is the cue's identifier. */
      if (strstr (first, "-->") == NULL)
        timing_line++;
    }
  else
    {
      const char *p = first;

      while (g_ascii_isdigit (*p))
        p++;
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '\0')
        timing_line++;        /* the cue's number */
      else if (strstr (first, "-->") == NULL)
        {
          g_autofree char *quoted = quote_line (first);

          return fail (error, LECTERN_IMPORT_ERROR_INVALID,
                       _("“%s”, line %u: “%s” is neither a cue number nor a cue timing "
                         "(“00:00:01,000 --> 00:00:02,500”); the file is not valid SubRip"),
                       reader->display_name, reader->line + 1, quoted);
        }
    }

  if (timing_line >= reader->n_lines || is_blank (reader->lines[timing_line]))
    return fail (error, LECTERN_IMPORT_ERROR_INVALID,
                 _("“%s”, line %u: the cue has no timing line (“START --> END”)"),
                 reader->display_name, timing_line + 1);

  time = read_timing (reader->lines[timing_line], reader->vtt, &backwards);
  if (time == NULL)
    {
      g_autofree char *quoted = quote_line (reader->lines[timing_line]);

      if (strstr (reader->lines[timing_line], "-->") == NULL)
        return fail (error, LECTERN_IMPORT_ERROR_INVALID,
                     _("“%s”, line %u: “%s” has no arrow “-->” between the cue’s start and end"),
                     reader->display_name, timing_line + 1, quoted);
      return fail (error, LECTERN_IMPORT_ERROR_INVALID,
                   reader->vtt ? _("“%s”, line %u: “%s” is not a valid cue timing "
                                   "(“00:00:01.000 --> 00:00:02.500”)")
                               : _("“%s”, line %u: “%s” is not a valid cue timing "
                                   "(“00:00:01,000 --> 00:00:02,500”)"),
                   reader->display_name, timing_line + 1, quoted);
    }
  if (backwards)
    return fail (error, LECTERN_IMPORT_ERROR_INVALID,
                 _("“%s”, line %u: the cue ends before it starts"),
                 reader->display_name, timing_line + 1);

  if (++reader->n_cues > MAX_CUES)
    return fail (error, LECTERN_IMPORT_ERROR_TOO_LARGE,
                 _("“%s” has more than %u cues; Lectern reads subtitle files up to that size"),
                 reader->display_name, (guint) MAX_CUES);

  reader->line = timing_line + 1;
  read_payload (reader, time);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The transcript                                                      */

static LecternExtract *
build_extract (Reader *reader)
{
  LecternExtract *extract = lectern_extract_new (reader->vtt ? "vtt" : "srt");

  for (guint i = 0; i < reader->pieces->len;)
    {
      const Piece *head = &g_array_index (reader->pieces, Piece, i);
      const char *speaker = head->speaker;
      guint handle = lectern_extract_open_block (extract, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
      guint turn_start = lectern_extract_get_length (extract);

      if (speaker != NULL)
        {
          lectern_extract_append (extract, speaker, -1);
          lectern_extract_append (extract, ": ", -1);
        }

      /* A speaker's run of cues (a cue without a speaker continues it);
       * a cue before any speaker is a paragraph of its own. */
      do
        {
          const Piece *piece = &g_array_index (reader->pieces, Piece, i);
          guint start;

          if (piece != head)
            lectern_extract_append (extract, " ", 1);
          start = lectern_extract_get_length (extract);
          lectern_extract_append (extract, piece->text, -1);
          lectern_extract_add_span (extract, start, lectern_extract_get_length (extract),
                                    LECTERN_STRUCTURE_KIND_TIME, piece->time);
          i++;
        }
      while (speaker != NULL && i < reader->pieces->len
             && (g_array_index (reader->pieces, Piece, i).speaker == NULL
                 || strcmp (g_array_index (reader->pieces, Piece, i).speaker, speaker) == 0));

      if (speaker != NULL)
        lectern_extract_add_span (extract, turn_start, lectern_extract_get_length (extract),
                                  LECTERN_STRUCTURE_KIND_TURN, speaker);
      lectern_extract_close_block (extract, handle);
    }

  return extract;
}

GPtrArray *
lectern_subtitle_reader_read (GBytes        *bytes,
                              const char    *display_name,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GArray) pieces = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) extracts = NULL;
  LecternExtract *extract;
  Reader reader = { 0 };
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("subtitles");
  data = g_bytes_get_data (bytes, &size);
  text = lectern_text_decoder_decode (data, size, display_name, NULL, NULL, error);
  if (text == NULL)
    return NULL;

  lines = _lectern_split_lines (text);
  pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_array_set_clear_func (pieces, piece_clear);
  reader.display_name = display_name;
  reader.lines = lines;
  reader.n_lines = g_strv_length (lines);
  reader.pieces = pieces;

  for (guint i = 0; i < reader.n_lines; i++)
    if (strlen (lines[i]) > MAX_LINE_BYTES)
      {
        fail (error, LECTERN_IMPORT_ERROR_TOO_LARGE,
              _("“%s”, line %u: longer than %u bytes, too long for a subtitle"),
              display_name, i + 1, (guint) MAX_LINE_BYTES);
        return NULL;
      }

  /* "WEBVTT", alone or followed by white space and a description. */
  reader.vtt = g_str_has_prefix (lines[0], "WEBVTT")
               && (lines[0][6] == '\0' || lines[0][6] == ' ' || lines[0][6] == '\t');
  if (!reader.vtt && g_str_has_suffix (display_name, ".vtt"))
    {
      fail (error, LECTERN_IMPORT_ERROR_INVALID,
            _("“%s” does not start with “WEBVTT”: it is not a WebVTT file"), display_name);
      return NULL;
    }
  if (reader.vtt)
    {
      /* The header runs to the first blank line. */
      reader.line = 1;
      skip_block (&reader);
    }

  while (reader.line < reader.n_lines)
    {
      if (is_blank (lines[reader.line]))
        {
          reader.line++;
          continue;
        }
      if (reader.n_cues % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!read_cue (&reader, error))
        return NULL;
    }

  if (reader.pieces->len == 0)
    {
      fail (error, LECTERN_IMPORT_ERROR_INVALID,
            _("“%s” holds no subtitle cue with text"), display_name);
      return NULL;
    }

  extract = build_extract (&reader);
  /* Cues whose text was only markup or spaces leave nothing to read. */
  if (!lectern_extract_has_text (extract))
    {
      g_object_unref (extract);
      fail (error, LECTERN_IMPORT_ERROR_INVALID,
            _("“%s” holds no subtitle cue with text"), display_name);
      return NULL;
    }
  /* Subtitles name nothing but their cues: the file's name is the
   * title, not the first line someone speaks. */
  {
    const char *dot = strrchr (display_name, '.');
    g_autofree char *stem = dot != NULL && dot != display_name ? g_strndup (display_name, dot - display_name)
                                                               : g_strdup (display_name);

    lectern_extract_set_title (extract, stem);
  }
  extracts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (extracts, extract);
  return g_steal_pointer (&extracts);
}
