/* lectern-text-decoder.c — the bytes of a text file to stored text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n.h>
#include <uchardet.h>

#include "lectern-core.h"
#include "lectern-import-error.h"
#include "lectern-text-decoder.h"

typedef struct
{
  const char *magic;
  gsize       magic_len;
  gsize       offset;
  const char *kind;   /* translatable */
} Signature;

/* Formats people drop onto an importer by mistake, by magic bytes that no
 * text begins with. Those whose magic could also begin a real text (BMP's
 * "BM", DOS's "MZ", MP3's "ID3", RIFF media, MP4's "ftyp" box) are left to
 * the NUL-byte check, which catches them anyway. */
static const Signature signatures[] = {
  { "\x89PNG\r\n\x1a\n", 8, 0, N_("a PNG image") },
  { "\xff\xd8\xff", 3, 0, N_("a JPEG image") },
  { "GIF87a", 6, 0, N_("a GIF image") },
  { "GIF89a", 6, 0, N_("a GIF image") },
  { "II*\0", 4, 0, N_("a TIFF image") },
  { "MM\0*", 4, 0, N_("a TIFF image") },
  { "%PDF-", 5, 0, N_("a PDF file") },
  { "PK\x03\x04", 4, 0, N_("a ZIP archive (or a document stored as one, such as .docx or .odt)") },
  { "PK\x05\x06", 4, 0, N_("a ZIP archive") },
  { "PK\x07\x08", 4, 0, N_("a ZIP archive") },
  { "\x1f\x8b", 2, 0, N_("a gzip archive") },
  { "1AY&SY", 6, 4, N_("a bzip2 archive") },
  { "\xfd" "7zXZ\0", 6, 0, N_("an xz archive") },
  { "7z\xbc\xaf\x27\x1c", 6, 0, N_("a 7-Zip archive") },
  { "Rar!\x1a\x07", 6, 0, N_("a RAR archive") },
  { "\x28\xb5\x2f\xfd", 4, 0, N_("a Zstandard archive") },
  { "ustar", 5, 257, N_("a tar archive") },
  { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, 0, N_("an old Microsoft Office document") },
  { "{\\rtf", 5, 0, N_("an RTF document") },
  { "\x7f" "ELF", 4, 0, N_("a program (ELF)") },
  { "SQLite format 3\0", 16, 0, N_("an SQLite database") },
  { "OggS", 4, 0, N_("an Ogg media file") },
  { "fLaC", 4, 0, N_("a FLAC audio file") },
  { "\0asm", 4, 0, N_("a WebAssembly program") },
};

static const Signature *
find_signature (const guint8 *data,
                gsize         len)
{
  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    {
      const Signature *sig = &signatures[i];

      if (len >= sig->offset + sig->magic_len
          && memcmp (data + sig->offset, sig->magic, sig->magic_len) == 0)
        return sig;
    }

  return NULL;
}

/* Longest first: the UTF-32LE mark begins with the UTF-16LE one. */
static const struct
{
  const char *bytes;
  gsize       len;
  const char *charset;
} boms[] = {
  { "\xff\xfe\0\0", 4, "UTF-32LE" },
  { "\0\0\xfe\xff", 4, "UTF-32BE" },
  { "\xef\xbb\xbf", 3, "UTF-8" },
  { "\xff\xfe", 2, "UTF-16LE" },
  { "\xfe\xff", 2, "UTF-16BE" },
};

/* Length of the well-formed UTF-8 sequence at @p (Unicode §3.9, table
 * 3-7), or 0 with *subpart set to the length of its maximal ill-formed
 * subpart: the longest start of a well-formed sequence there, at least
 * one byte. Each subpart becomes one U+FFFD, as the standard recommends
 * (and as browsers and ICU do). */
static gsize
utf8_sequence (const guint8 *p,
               gsize         avail,
               gsize        *subpart)
{
  guint8 lo = 0x80, hi = 0xbf;
  gsize need;

  if (p[0] < 0x80)
    return 1;
  if (p[0] >= 0xc2 && p[0] <= 0xdf)
    need = 1;
  else if (p[0] == 0xe0)
    need = 2, lo = 0xa0;
  else if (p[0] == 0xed)
    need = 2, hi = 0x9f;
  else if (p[0] >= 0xe1 && p[0] <= 0xef)
    need = 2;
  else if (p[0] == 0xf0)
    need = 3, lo = 0x90;
  else if (p[0] >= 0xf1 && p[0] <= 0xf3)
    need = 3;
  else if (p[0] == 0xf4)
    need = 3, hi = 0x8f;
  else
    {
      *subpart = 1;
      return 0;
    }

  for (gsize i = 1; i <= need; i++)
    {
      if (i >= avail || p[i] < lo || p[i] > hi)
        {
          *subpart = i;
          return 0;
        }
      lo = 0x80, hi = 0xbf;
    }

  return need + 1;
}

/* Counts the well-formed multi-byte sequences of @data and its bytes that
 * are not UTF-8. */
static void
survey_utf8 (const guint8 *data,
             gsize         len,
             gsize        *n_multibyte,
             gsize        *n_broken)
{
  *n_multibyte = 0;
  *n_broken = 0;

  if (g_utf8_validate_len ((const char *) data, len, NULL))
    return;

  for (gsize i = 0; i < len; )
    {
      gsize subpart = 0;
      gsize n = utf8_sequence (data + i, len - i, &subpart);

      if (n == 0)
        {
          *n_broken += subpart;
          i += subpart;
        }
      else
        {
          *n_multibyte += n > 1;
          i += n;
        }
    }
}

/* @data as UTF-8, each maximal ill-formed subpart replaced with U+FFFD. */
static char *
decode_utf8_replacing (const guint8 *data,
                       gsize         len,
                       gsize        *out_len)
{
  GString *out = g_string_sized_new (len + 16);
  gsize run = 0;

  for (gsize i = 0; i < len; )
    {
      gsize subpart = 0;
      gsize n = utf8_sequence (data + i, len - i, &subpart);

      if (n > 0)
        {
          i += n;
          continue;
        }
      g_string_append_len (out, (const char *) data + run, i - run);
      g_string_append (out, "\xef\xbf\xbd");
      i += subpart;
      run = i;
    }
  g_string_append_len (out, (const char *) data + run, len - run);

  *out_len = out->len;
  return g_string_free (out, FALSE);
}

static gboolean
is_common_legacy_charset (const char *charset)
{
  static const char * const common[] = {
    "WINDOWS-1252", "ISO-8859-1", "ISO-8859-15",
    "WINDOWS-1251", "KOI8-R", "KOI8-U", "ISO-8859-5", "IBM866",
  };

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    if (g_ascii_strcasecmp (charset, common[i]) == 0)
      return TRUE;

  return FALSE;
}

/* TRUE if every non-ASCII byte of @data is a letter or typographic
 * punctuation in Windows-1252: what a short French or English file in
 * that encoding looks like. */
static gboolean
reads_as_windows_1252 (const guint8 *data,
                       gsize         len)
{
  g_autofree char *utf8 = NULL;
  gsize written = 0;

  utf8 = g_convert ((const char *) data, len, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);
  if (utf8 == NULL)
    return FALSE;

  for (const char *p = utf8; p < utf8 + written; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type;

      if (c < 0x80)
        continue;

      type = g_unichar_type (c);
      if (!g_unichar_isalpha (c)
          && type != G_UNICODE_INITIAL_PUNCTUATION
          && type != G_UNICODE_FINAL_PUNCTUATION
          && type != G_UNICODE_DASH_PUNCTUATION
          && type != G_UNICODE_OTHER_PUNCTUATION
          && type != G_UNICODE_CURRENCY_SYMBOL
          && type != G_UNICODE_SPACE_SEPARATOR)
        return FALSE;
    }

  return TRUE;
}

static char *
detect_legacy_charset (const guint8 *data,
                       gsize         len)
{
  g_autofree char *charset = NULL;
  uchardet_t detector;
  gsize n_high = 0;

  detector = uchardet_new ();
  if (uchardet_handle_data (detector, (const char *) data, len) == 0)
    {
      uchardet_data_end (detector);
      charset = g_ascii_strup (uchardet_get_charset (detector), -1);
    }
  uchardet_delete (detector);

  for (gsize i = 0; i < len; i++)
    if (data[i] >= 0x80)
      n_high++;

  /* uchardet needs material: on a handful of accented letters it may
   * answer an exotic Mac or DOS code page. Windows-1252 is the usual
   * legacy encoding of the texts Lectern reads, so it wins a close call. */
  if ((charset == NULL || *charset == '\0'
       || (n_high < 16 && !is_common_legacy_charset (charset)))
      && reads_as_windows_1252 (data, len))
    return g_strdup ("WINDOWS-1252");

  if (charset == NULL || *charset == '\0' || g_str_equal (charset, "ASCII"))
    return NULL;

  /* Bytes 0x80–0x9F are C1 controls in ISO-8859-1 but €, œ, curly quotes
   * in Windows-1252, which is what such a file really is. */
  if (g_str_equal (charset, "ISO-8859-1"))
    for (gsize i = 0; i < len; i++)
      if (data[i] >= 0x80 && data[i] <= 0x9f)
        return g_strdup ("WINDOWS-1252");

  return g_steal_pointer (&charset);
}

/* Control characters other than tab, line breaks and form feed, counted
 * over @utf8; NUL included. */
static gsize
count_controls (const char *utf8,
                gsize       len,
                gsize      *n_chars)
{
  gsize n = 0;

  *n_chars = 0;
  for (const char *p = utf8; p < utf8 + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      (*n_chars)++;
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
          || c == 0x7f || (c >= 0x80 && c <= 0x9f))
        n++;
    }

  return n;
}

static gboolean
is_blank (const char *utf8)
{
  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0xfeff && c != 0x200b)
        return FALSE;
    }

  return TRUE;
}

/* Plain text without a BOM in UTF-16 has a NUL beside nearly every ASCII
 * character, always on the same side. Returns the encoding or NULL. */
static const char *
sniff_utf16 (const guint8 *data,
             gsize         len)
{
  gsize even_nul = 0, odd_nul = 0;

  if (len < 4 || len % 2 != 0)
    return NULL;

  for (gsize i = 0; i < len; i += 2)
    {
      even_nul += data[i] == 0;
      odd_nul += data[i + 1] == 0;
    }

  if (odd_nul * 10 >= (len / 2) * 7 && even_nul == 0)
    return "UTF-16LE";
  if (even_nul * 10 >= (len / 2) * 7 && odd_nul == 0)
    return "UTF-16BE";

  return NULL;
}

char *
lectern_text_decoder_decode (const char  *data,
                             gsize        len,
                             const char  *display_name,
                             char       **encoding,
                             gsize       *replaced_bytes,
                             GError     **error)
{
  const guint8 *bytes = (const guint8 *) data;
  const Signature *sig;
  g_autofree char *charset = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *stored = NULL;
  gsize utf8_len = 0;
  gsize n_chars = 0;
  gsize n_controls;
  gsize n_replaced = 0;
  gsize skip = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len > LECTERN_TEXT_DECODER_MAX_SIZE)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to import (%" PRId64 " MB; the limit is %d MB)"),
                   display_name, (gint64) (len / (1024 * 1024)), LECTERN_TEXT_DECODER_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (len == 0)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty"), display_name);
      return NULL;
    }

  if ((sig = find_signature (bytes, len)) != NULL)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_BINARY,
                   _("“%s” is %s, not plain text"), display_name, _(sig->kind));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (boms); i++)
    {
      if (len >= boms[i].len && memcmp (bytes, boms[i].bytes, boms[i].len) == 0)
        {
          charset = g_strdup (boms[i].charset);
          skip = boms[i].len;
          break;
        }
    }

  if (charset == NULL && memchr (bytes, '\0', len) != NULL)
    {
      const char *utf16 = sniff_utf16 (bytes, len);

      if (utf16 == NULL)
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_BINARY,
                       _("“%s” contains NUL bytes: it is a binary file, not plain text"),
                       display_name);
          return NULL;
        }
      charset = g_strdup (utf16);
    }

  if (charset == NULL || g_str_equal (charset, "UTF-8"))
    {
      gsize n_multibyte, n_broken;
      gboolean damaged_utf8;

      survey_utf8 (bytes + skip, len - skip, &n_multibyte, &n_broken);

      /* Text that is mostly UTF-8 is UTF-8: a UTF-8 BOM, or at least as
       * many well-formed multi-byte sequences as bytes that are not
       * UTF-8, and the file is UTF-8 with a few damaged bytes (a bad copy
       * and paste, a truncated mail). Each damaged stretch becomes one
       * U+FFFD and the caller learns how many bytes went; decoding such a
       * file as 8-bit would turn every good accented letter and dash into
       * mojibake ("â€”"). Only a file whose high bytes are mostly not
       * UTF-8 (Latin-1 or Windows-1252 text never has a run of valid
       * sequences) is handed to uchardet for a legacy code page; if
       * uchardet still reads UTF-8, it is damaged UTF-8 after all. */
      damaged_utf8 = charset != NULL || n_multibyte >= n_broken;

      if (n_broken > 0 && !damaged_utf8)
        {
          charset = detect_legacy_charset (bytes, len);
          damaged_utf8 = charset != NULL && g_str_equal (charset, "UTF-8");
        }

      if (n_broken == 0 || damaged_utf8)
        {
          g_free (charset);
          charset = g_strdup ("UTF-8");
          if (n_broken == 0)
            {
              utf8 = g_strndup (data + skip, len - skip);
              utf8_len = len - skip;
            }
          else
            utf8 = decode_utf8_replacing (bytes + skip, len - skip, &utf8_len);
          n_replaced = n_broken;
        }
      else if (charset == NULL)
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_ENCODING,
                       _("The encoding of “%s” could not be recognised; save it as UTF-8 and import it again"),
                       display_name);
          return NULL;
        }
    }

  if (utf8 == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      utf8 = g_convert (data + skip, len - skip, "UTF-8", charset, NULL, &utf8_len, &local_error);
      if (utf8 == NULL)
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_ENCODING,
                       _("“%s” cannot be read as %s text: %s"),
                       display_name, charset, local_error->message);
          return NULL;
        }
    }

  n_controls = count_controls (utf8, utf8_len, &n_chars);
  if (memchr (utf8, '\0', utf8_len) != NULL
      || (n_controls >= 4 && n_controls * 100 > n_chars))
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_BINARY,
                   _("“%s” is full of control characters: it is a binary file, not plain text"),
                   display_name);
      return NULL;
    }

  if (is_blank (utf8))
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY,
                   _("“%s” contains nothing but white space"), display_name);
      return NULL;
    }

  stored = lectern_text_normalize (utf8, utf8_len);
  if (stored == NULL)
    {
      /* g_convert() and g_utf8_validate_len() vouched for it. */
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_ENCODING,
                   _("“%s” could not be normalised as Unicode text"), display_name);
      return NULL;
    }

  if (encoding != NULL)
    *encoding = g_steal_pointer (&charset);
  if (replaced_bytes != NULL)
    *replaced_bytes = n_replaced;

  return g_steal_pointer (&stored);
}
