/* lectern-format.c — the formats Lectern imports: the one table, and the
 * tests that tell a file's format from its first bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-format.h"
#include "lectern-format-readers.h"
#include "lectern-text-decoder.h"

/* How far into a file the tests look. */
#define SNIFF_TEXT_BYTES 4096
#define SNIFF_HEADER_BYTES (64 * 1024)

static const char * const text_extensions[] = { "txt", "text", NULL };
static const char * const markdown_extensions[] = { "md", "markdown", "mdown", "mkd", NULL };
static const char * const html_extensions[] = { "html", "htm", "xhtml", NULL };
static const char * const epub_extensions[] = { "epub", NULL };
static const char * const docx_extensions[] = { "docx", NULL };
static const char * const odt_extensions[] = { "odt", NULL };
static const char * const eml_extensions[] = { "eml", NULL };
static const char * const mbox_extensions[] = { "mbox", "mbx", NULL };
static const char * const vtt_extensions[] = { "vtt", NULL };
static const char * const srt_extensions[] = { "srt", NULL };
static const char * const pdf_extensions[] = { "pdf", NULL };

/* Content tests first, in this order; then extensions; plain text last.
 * Adding a format is one line. The readers of issue #12 join as they
 * land.
 * A mailbox is tested before a single message, whose headers an mbox's
 * first message also has. */
static const LecternFormat formats[] = {
  { "pdf",  lectern_pdf_reader_read,  pdf_extensions,  lectern_format_sniff_pdf,  LECTERN_FORMAT_BINARY_MAX_SIZE },
  { "docx", lectern_docx_reader_read, docx_extensions, lectern_format_sniff_docx, LECTERN_FORMAT_BINARY_MAX_SIZE },
  { "odt",  lectern_odt_reader_read,  odt_extensions,  lectern_format_sniff_odt,  LECTERN_FORMAT_BINARY_MAX_SIZE },
  { "epub", lectern_epub_reader_read, epub_extensions, lectern_format_sniff_epub, LECTERN_FORMAT_BINARY_MAX_SIZE },
  { "mbox", lectern_mail_reader_read, mbox_extensions, lectern_format_sniff_mbox, LECTERN_FORMAT_BINARY_MAX_SIZE },
  { "eml",  lectern_mail_reader_read, eml_extensions,  lectern_format_sniff_eml,  LECTERN_TEXT_DECODER_MAX_SIZE },
  { "html", lectern_html_reader_read, html_extensions, lectern_format_sniff_html, LECTERN_TEXT_DECODER_MAX_SIZE },
  { "vtt",  lectern_subtitle_reader_read, vtt_extensions, lectern_format_sniff_vtt, LECTERN_TEXT_DECODER_MAX_SIZE },
  { "srt",  lectern_subtitle_reader_read, srt_extensions, lectern_format_sniff_srt, LECTERN_TEXT_DECODER_MAX_SIZE },
  { "markdown", lectern_markdown_reader_read, markdown_extensions, NULL, LECTERN_TEXT_DECODER_MAX_SIZE },
  { "text",     lectern_text_reader_read,     text_extensions,     NULL, LECTERN_TEXT_DECODER_MAX_SIZE },
};

/* Plain text: what no other format claims. */
#define TEXT_FORMAT (&formats[G_N_ELEMENTS (formats) - 1])

static gboolean
has_extension (const char          *name,
               const char * const  *extensions)
{
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;

  if (dot == NULL || dot == name)
    return FALSE;
  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      return TRUE;
  return FALSE;
}

const LecternFormat *
lectern_format_detect (const guint8 *data,
                       gsize         size,
                       const char   *name)
{
  g_return_val_if_fail (data != NULL || size == 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].sniff != NULL && formats[i].sniff (data, size))
      return &formats[i];

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (has_extension (name, formats[i].extensions))
      return &formats[i];

  return TEXT_FORMAT;
}

const LecternFormat *
lectern_format_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].name, name))
      return &formats[i];
  return NULL;
}

const LecternFormat *
lectern_format_get_all (guint *n_formats)
{
  g_return_val_if_fail (n_formats != NULL, NULL);

  *n_formats = G_N_ELEMENTS (formats);
  return formats;
}

gsize
lectern_format_get_max_size (void)
{
  gsize max = 0;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    max = MAX (max, formats[i].max_size);
  return max;
}

/* ------------------------------------------------------------------ */
/* Content tests                                                       */

static gboolean
has_prefix (const guint8 *data,
            gsize         size,
            const char   *prefix)
{
  gsize n = strlen (prefix);

  return size >= n && memcmp (data, prefix, n) == 0;
}

static gboolean
contains (const guint8 *data,
          gsize         size,
          const char   *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    {
      const guint8 *hit = memchr (data + i, needle[0], size - n + 1 - i);

      if (hit == NULL)
        return FALSE;
      i = hit - data;
      if (memcmp (hit, needle, n) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
lectern_format_sniff_pdf (const guint8 *data,
                          gsize         size)
{
  /* Readers accept the signature a little way in, after junk. */
  gsize window = MIN (size, 1024);

  return data != NULL && window >= 5 && contains (data, window, "%PDF-");
}

static gsize
read_le16 (const guint8 *p)
{
  return p[0] | ((gsize) p[1] << 8);
}

/* A zip whose first entry is "mimetype", stored, holding @mimetype: how
 * OpenDocument and EPUB files begin. */
static gboolean
zip_has_mimetype (const guint8 *data,
                  gsize         size,
                  const char   *mimetype)
{
  gsize name_length;
  gsize extra_length;
  gsize start;
  gsize n = strlen (mimetype);

  if (size < 30 || !has_prefix (data, size, "PK\x03\x04"))
    return FALSE;
  name_length = read_le16 (data + 26);
  extra_length = read_le16 (data + 28);
  if (name_length != 8 || memcmp (data + 30, "mimetype", 8) != 0)
    return FALSE;
  /* Its size too: "…opendocument.text-template" is another format. */
  if (read_le16 (data + 18) + (read_le16 (data + 20) << 16) != n)
    return FALSE;
  start = 30 + name_length + extra_length;
  return start + n <= size && memcmp (data + start, mimetype, n) == 0;
}

gboolean
lectern_format_sniff_odt (const guint8 *data,
                          gsize         size)
{
  return zip_has_mimetype (data, size, "application/vnd.oasis.opendocument.text");
}

gboolean
lectern_format_sniff_epub (const guint8 *data,
                           gsize         size)
{
  return zip_has_mimetype (data, size, "application/epub+zip");
}

gboolean
lectern_format_sniff_docx (const guint8 *data,
                           gsize         size)
{
  /* The main part's name is in its local header and in the central
   * directory at the end, wherever Word put it. */
  return size >= 4 && has_prefix (data, size, "PK\x03\x04")
         && contains (data, size, "word/document.xml");
}

/* "Name: value": a header field's name is printable ASCII but ':'. */
static gsize
header_name_length (const guint8 *line,
                    gsize         length)
{
  gsize i = 0;

  while (i < length && line[i] > 32 && line[i] < 127 && line[i] != ':')
    i++;
  return (i > 0 && i < length && line[i] == ':') ? i : 0;
}

static gboolean
is_header_line (const guint8 *line,
                gsize         length)
{
  return header_name_length (line, length) > 0;
}

gboolean
lectern_format_sniff_mbox (const guint8 *data,
                           gsize         size)
{
  const guint8 *end;
  const guint8 *next;
  const guint8 *next_end;
  gsize window = MIN (size, SNIFF_TEXT_BYTES);

  /* "From sender date" then the first message's headers: an article that
   * begins "From our correspondent" is not followed by a header line. */
  if (data == NULL || !has_prefix (data, window, "From "))
    return FALSE;
  end = memchr (data, '\n', window);
  if (end == NULL)
    return FALSE;
  /* The From_ line ends in its date, with a time: "… Mon Jan  1 09:30:00 2024". */
  {
    gboolean has_time = FALSE;

    for (const guint8 *p = data + 5; p + 2 < end && !has_time; p++)
      has_time = g_ascii_isdigit (p[0]) && p[1] == ':' && g_ascii_isdigit (p[2]);
    if (!has_time)
      return FALSE;
  }
  next = end + 1;
  next_end = memchr (next, '\n', data + window - next);
  if (next_end == NULL)
    return FALSE;
  return is_header_line (next, next_end - next);
}

gboolean
lectern_format_sniff_eml (const guint8 *data,
                          gsize         size)
{
  static const char * const known[] = {
    "From", "To", "Cc", "Date", "Subject", "Message-ID", "In-Reply-To", "References",
    "Received", "Return-Path", "MIME-Version", "Content-Type", "Delivered-To", "Reply-To",
    "Sender", "X-Mailer", "User-Agent", "Content-Transfer-Encoding", NULL
  };
  static const char * const telling[] = {
    "From", "Message-ID", "Received", "Return-Path", "MIME-Version", "Delivered-To", NULL
  };
  gsize window = MIN (size, SNIFF_HEADER_BYTES);
  const guint8 *p = data;
  const guint8 *end = data + window;
  guint n_known = 0;
  gboolean told = FALSE;
  gboolean first = TRUE;

  if (data == NULL)
    return FALSE;

  /* Every line up to the first empty one is a header field or its
   * continuation; some of them are a mail's, one says it is a mail. */
  while (p < end)
    {
      const guint8 *line_end = memchr (p, '\n', end - p);
      gsize length;
      gsize name_length;

      if (line_end == NULL)
        return FALSE;
      length = line_end - p;
      if (length > 0 && p[length - 1] == '\r')
        length--;
      if (length == 0)
        return !first && n_known >= 2 && told;

      if (p[0] == ' ' || p[0] == '\t')
        {
          if (first)
            return FALSE;
        }
      else if ((name_length = header_name_length (p, length)) > 0)
        {
          for (guint i = 0; known[i] != NULL; i++)
            if (strlen (known[i]) == name_length && g_ascii_strncasecmp ((const char *) p, known[i], name_length) == 0)
              {
                n_known++;
                for (guint j = 0; telling[j] != NULL; j++)
                  if (g_str_equal (telling[j], known[i]))
                    told = TRUE;
                break;
              }
        }
      else
        return FALSE;

      first = FALSE;
      p = line_end + 1;
    }

  return FALSE;
}

gboolean
lectern_format_sniff_html (const guint8 *data,
                           gsize         size)
{
  gsize window = MIN (size, SNIFF_TEXT_BYTES);
  const char *p = (const char *) data;
  const char *end = p + window;

  if (data == NULL)
    return FALSE;
  if (has_prefix (data, window, "\xef\xbb\xbf"))
    p += 3;

  /* White space, an XML declaration and comments may come first. */
  for (;;)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (end - p >= 5 && memcmp (p, "<?xml", 5) == 0)
        {
          const char *close = g_strstr_len (p, end - p, "?>");

          if (close == NULL)
            return FALSE;
          p = close + 2;
        }
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p, end - p, "-->");

          if (close == NULL)
            return FALSE;
          p = close + 3;
        }
      else
        break;
    }

  return (end - p >= 14 && g_ascii_strncasecmp (p, "<!doctype html", 14) == 0)
         || (end - p >= 5 && g_ascii_strncasecmp (p, "<html", 5) == 0
             && (end - p == 5 || p[5] == '>' || g_ascii_isspace (p[5])));
}

gboolean
lectern_format_sniff_vtt (const guint8 *data,
                          gsize         size)
{
  gsize window = MIN (size, SNIFF_TEXT_BYTES);
  gsize start = (data != NULL && has_prefix (data, window, "\xef\xbb\xbf")) ? 3 : 0;

  /* The WebVTT signature, then a space, a tab or a line end. */
  return data != NULL && window - start >= 6 && memcmp (data + start, "WEBVTT", 6) == 0
         && (window - start == 6 || data[start + 6] == ' ' || data[start + 6] == '\t'
             || data[start + 6] == '\n' || data[start + 6] == '\r');
}

/* "1" then "00:00:01,000 --> 00:00:04,000": a SubRip file's first cue. */
gboolean
lectern_format_sniff_srt (const guint8 *data,
                          gsize         size)
{
  gsize window = MIN (size, SNIFF_TEXT_BYTES);
  const char *p;
  const char *end;
  const char *line_end;

  if (data == NULL)
    return FALSE;
  p = (const char *) data;
  end = p + window;
  if (has_prefix (data, window, "\xef\xbb\xbf"))
    p += 3;
  while (p < end && (*p == '\n' || *p == '\r'))
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return FALSE;
  while (p < end && g_ascii_isdigit (*p))
    p++;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (p < end && *p == '\r')
    p++;
  if (p >= end || *p != '\n')
    return FALSE;
  p++;
  line_end = memchr (p, '\n', end - p);
  if (line_end == NULL)
    line_end = end;
  return line_end - p >= 12 && g_ascii_isdigit (p[0]) && g_strstr_len (p, line_end - p, "-->") != NULL;
}
