/* lectern-mail-reader.c — mail as Lectern documents: one message (.eml)
 * or a mailbox (mbox, a document per message), read with GMime 3.
 *
 * What is kept: the From, To, Cc, Date and Subject headers as header
 * blocks at the top; the body: the text/plain parts (transfer encoding
 * and charset decoded, format=flowed joined, quoted lines as quotes), or
 * when there is none the text/html part as text; the subject as title,
 * the date (ISO 8601), the sender as author, the language if stated, and
 * variables "to", "cc", "message-id", "in-reply-to" and "attachments"
 * (the attachments' names: attachments are named, not imported). In a
 * mailbox, each message keeps its own bytes as its original, and lines
 * escaped by the mailbox (">From ") are read unescaped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gmime/gmime.h>
#include <libxml/HTMLparser.h>

#include "lectern-format-readers.h"
#include "lectern-html-blocks-private.h"
#include "lectern-import-error.h"
#include "lectern-split-lines-private.h"

/* A mailbox of more messages is refused: it should be split. */
#define MAX_MESSAGES 10000
/* MIME parts per message, and their nesting: past these a message is
 * hostile (GMime itself recurses over nested multiparts). */
#define MAX_PARTS 1000
#define MAX_DEPTH 32
#define MAX_BOUNDARIES 500
/* HTML elements walked into. */

/* GMime 3.2 defines no g_autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)

typedef struct
{
  GPtrArray *plain;        /* GMimeObject, text/plain parts to show */
  GPtrArray *html;         /* GMimeObject, text/html parts, if no plain */
  GPtrArray *attachments;  /* char*, names */
  guint      parts;
} Body;

/* Once per process, from whichever import thread comes first: GMime's
 * and libxml2's (for HTML bodies) global set-up. */
static gpointer
init_gmime (gpointer data)
{
  g_mime_init ();
  xmlInitParser ();
  return NULL;
}

static void
ensure_gmime (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_gmime, NULL);
}

/* ------------------------------------------------------------------ */
/* Parts                                                               */

static gboolean
is_type (GMimeObject *object,
         const char  *type,
         const char  *subtype)
{
  GMimeContentType *content_type = g_mime_object_get_content_type (object);

  return content_type != NULL && g_mime_content_type_is_type (content_type, type, subtype);
}

static gboolean
is_attachment (GMimeObject *object)
{
  GMimeContentDisposition *disposition = g_mime_object_get_content_disposition (object);

  return disposition != NULL && g_mime_content_disposition_is_attachment (disposition);
}

static void
add_attachment_name (Body        *body,
                     const char  *name)
{
  g_autofree char *clean = NULL;

  if (name == NULL || *name == '\0')
    return;
  clean = g_utf8_make_valid (name, -1);
  /* A comma would split the list. */
  g_strdelimit (clean, ",\r\n\t", ' ');
  g_ptr_array_add (body->attachments, g_steal_pointer (&clean));
}

static void collect (Body *body, GMimeObject *object, guint depth);

static GMimeObject *
find_alternative (GMimeMultipart *multipart,
                  const char     *subtype)
{
  int count = g_mime_multipart_get_count (multipart);

  for (int i = 0; i < count; i++)
    {
      GMimeObject *child = g_mime_multipart_get_part (multipart, i);

      if (is_type (child, "text", subtype) && !is_attachment (child))
        return child;
      /* multipart/related holding the HTML, beside the plain text */
      if (GMIME_IS_MULTIPART (child) && strcmp (subtype, "html") == 0
          && find_alternative (GMIME_MULTIPART (child), subtype) != NULL)
        return child;
    }
  return NULL;
}

static void
collect (Body        *body,
         GMimeObject *object,
         guint        depth)
{
  if (object == NULL || depth > MAX_DEPTH || ++body->parts > MAX_PARTS)
    return;

  if (GMIME_IS_MULTIPART (object))
    {
      GMimeMultipart *multipart = GMIME_MULTIPART (object);
      int count = g_mime_multipart_get_count (multipart);

      if (is_type (object, "multipart", "alternative"))
        {
          /* One rendering of the same text: plain rather than HTML. */
          GMimeObject *chosen = find_alternative (multipart, "plain");

          if (chosen == NULL)
            chosen = find_alternative (multipart, "html");
          if (chosen == NULL && count > 0)
            chosen = g_mime_multipart_get_part (multipart, count - 1);
          collect (body, chosen, depth + 1);
          return;
        }
      for (int i = 0; i < count; i++)
        collect (body, g_mime_multipart_get_part (multipart, i), depth + 1);
      return;
    }

  if (GMIME_IS_MESSAGE_PART (object))
    {
      /* A forwarded message is an attachment: named by its file name or
       * its subject. */
      GMimeMessage *message = g_mime_message_part_get_message (GMIME_MESSAGE_PART (object));
      const char *name = g_mime_object_get_content_disposition_parameter (object, "filename");

      if (name == NULL && message != NULL)
        name = g_mime_message_get_subject (message);
      add_attachment_name (body, name != NULL ? name : _("forwarded message"));
      return;
    }

  if (!GMIME_IS_PART (object))
    return;
  if (!is_attachment (object) && is_type (object, "text", "plain"))
    g_ptr_array_add (body->plain, object);
  else if (!is_attachment (object) && is_type (object, "text", "html"))
    g_ptr_array_add (body->html, object);
  else
    add_attachment_name (body, g_mime_part_get_filename (GMIME_PART (object)));
}

/* A part's text in UTF-8: transfer encoding undone, charset converted
 * (GMime's fallback charsets for a part that names none). */
static char *
part_text (GMimeObject *object)
{
  g_autofree char *text = NULL;

  if (!GMIME_IS_TEXT_PART (object))
    return NULL;
  text = g_mime_text_part_get_text (GMIME_TEXT_PART (object));
  if (text == NULL)
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    {
      /* Undeclared 8-bit text: the most common legacy code page. */
      char *converted = g_convert (text, -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

      if (converted != NULL)
        {
          g_free (text);
          text = converted;
        }
    }
  return g_steal_pointer (&text);
}

/* ------------------------------------------------------------------ */
/* Plain text                                                          */

static guint
quote_depth (const char *line)
{
  guint depth = 0;

  while (line[depth] == '>')
    depth++;
  return depth;
}

/* ">From " lines are how a mailbox escapes "From " at a line's start
 * (mboxrd): one '>' less. */
static void
unescape_from (GString *line)
{
  gsize n = 0;

  while (n < line->len && line->str[n] == '>')
    n++;
  if (n > 0 && g_str_has_prefix (line->str + n, "From "))
    g_string_erase (line, 0, 1);
}

/* RFC 3676: a line ending in a space continues on the next line of the
 * same quote depth; a space after the quote marks is stuffing. Quoted
 * lines come back with "> " marks. Lines lose their trailing white
 * space. */
static char *
plain_lines (const char *text,
             gboolean    flowed,
             gboolean    delsp,
             gboolean    mbox)
{
  g_auto(GStrv) lines = _lectern_split_lines (text);
  GString *out = g_string_new (NULL);
  g_autoptr(GString) paragraph = g_string_new (NULL);
  guint paragraph_depth = 0;
  gboolean open = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) line = g_string_new (lines[i]);
      guint depth;
      const char *content;
      gboolean soft;

      if (line->len > 0 && line->str[line->len - 1] == '\r')
        g_string_truncate (line, line->len - 1);
      if (mbox)
        unescape_from (line);
      depth = quote_depth (line->str);
      content = line->str + depth;

      if (!flowed)
        {
          g_string_append_len (out, line->str, line->len);
          g_string_append_c (out, '\n');
          continue;
        }

      if (*content == ' ')
        content++;
      soft = g_str_has_suffix (content, " ") && strcmp (content, "-- ") != 0;
      if (open && depth != paragraph_depth)
        {
          /* A quote depth change ends a flowed paragraph. */
          g_string_append_len (out, paragraph->str, paragraph->len);
          g_string_append_c (out, '\n');
          open = FALSE;
        }
      if (!open)
        {
          g_string_truncate (paragraph, 0);
          for (guint d = 0; d < depth; d++)
            g_string_append_c (paragraph, '>');
          if (depth > 0)
            g_string_append_c (paragraph, ' ');
          paragraph_depth = depth;
          open = TRUE;
        }
      g_string_append (paragraph, content);
      if (soft && delsp)
        g_string_truncate (paragraph, paragraph->len - 1);
      if (!soft)
        {
          g_string_append_len (out, paragraph->str, paragraph->len);
          g_string_append_c (out, '\n');
          open = FALSE;
        }
    }
  if (open)
    g_string_append_len (out, paragraph->str, paragraph->len);
  return g_string_free (out, FALSE);
}

static void
strip_line_end (char *line)
{
  gsize n = strlen (line);

  while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
    line[--n] = '\0';
}

/* Paragraphs are separated by blank lines; within one, lines stay lines.
 * A run of quoted lines is a quote block. */
static void
write_plain (LecternExtract *extract,
             const char     *text)
{
  g_auto(GStrv) lines = _lectern_split_lines (text);
  gboolean open = FALSE;
  gboolean open_quoted = FALSE;
  guint block = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gboolean quoted;

      strip_line_end (line);
      if (*line == '\0')
        {
          if (open)
            lectern_extract_close_block (extract, block);
          open = FALSE;
          continue;
        }
      quoted = line[0] == '>';
      if (open && quoted != open_quoted)
        {
          lectern_extract_close_block (extract, block);
          open = FALSE;
        }
      if (!open)
        {
          block = lectern_extract_open_block (extract,
                                              quoted ? LECTERN_STRUCTURE_KIND_QUOTE
                                                     : LECTERN_STRUCTURE_KIND_PARAGRAPH,
                                              NULL);
          open = TRUE;
          open_quoted = quoted;
        }
      else
        lectern_extract_line_break (extract);
      lectern_extract_append (extract, line, -1);
    }
  if (open)
    lectern_extract_close_block (extract, block);
}

/* ------------------------------------------------------------------ */
/* A message that has no plain text: its HTML through the web page
 * reader's walker (lectern-html-blocks.c), every block kept. The part is
 * already UTF-8; a byte-order mark says so over any charset the HTML
 * itself declares. */
static void
write_html_as_text (LecternExtract *extract,
                    const char     *html)
{
  g_autofree char *marked = g_strconcat ("\xef\xbb\xbf", html, NULL);
  htmlDocPtr document;

  /* A part that does not parse adds nothing: no error to name. */
  document = _lectern_html_parse (marked, strlen (marked), "", NULL, NULL);
  if (document == NULL)
    return;
  _lectern_html_append_blocks (extract, _lectern_html_get_body (document));
  xmlFreeDoc (document);
}

/* ------------------------------------------------------------------ */
/* Messages                                                            */

static char *
addresses (InternetAddressList *list)
{
  g_autofree char *text = NULL;

  if (list == NULL || internet_address_list_length (list) == 0)
    return NULL;
  text = internet_address_list_to_string (list, NULL, FALSE);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return text != NULL ? g_utf8_make_valid (text, -1) : NULL;
  return g_steal_pointer (&text);
}

static char *
header_value (GMimeObject *object,
              const char  *name)
{
  const char *value = g_mime_object_get_header (object, name);
  g_autofree char *valid = NULL;

  /* GMime keeps the Content-* headers of a message on its top part. */
  if (value == NULL && GMIME_IS_MESSAGE (object) && g_mime_message_get_mime_part (GMIME_MESSAGE (object)) != NULL)
    value = g_mime_object_get_header (g_mime_message_get_mime_part (GMIME_MESSAGE (object)), name);
  if (value == NULL)
    return NULL;
  valid = g_utf8_make_valid (value, -1);
  /* Folded headers: one line. */
  g_strdelimit (valid, "\r\n\t", ' ');
  g_strstrip (valid);
  return *valid != '\0' ? g_steal_pointer (&valid) : NULL;
}

static void
write_header (LecternExtract *extract,
              const char     *name,
              const char     *value)
{
  g_autofree char *line = NULL;
  guint block;

  if (value == NULL || *value == '\0')
    return;
  line = g_strdup_printf ("%s: %s", name, value);
  block = lectern_extract_open_block (extract, LECTERN_STRUCTURE_KIND_HEADER, name);
  lectern_extract_append_inline (extract, line, -1);
  lectern_extract_close_block (extract, block);
}

static char *
author_of (InternetAddressList *from)
{
  InternetAddress *address;
  const char *name;

  if (from == NULL || internet_address_list_length (from) == 0)
    return NULL;
  address = internet_address_list_get_address (from, 0);
  name = internet_address_get_name (address);
  if (name != NULL && *name != '\0')
    return g_utf8_make_valid (name, -1);
  if (INTERNET_ADDRESS_IS_MAILBOX (address))
    {
      const char *addr = internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address));

      return addr != NULL ? g_utf8_make_valid (addr, -1) : NULL;
    }
  return NULL;
}

static gboolean
has_headers (GMimeMessage *message)
{
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (message));

  return headers != NULL && g_mime_header_list_get_count (headers) > 0;
}

static LecternExtract *
message_to_extract (GMimeMessage *message,
                    const char   *format,
                    gboolean      mbox)
{
  g_autoptr(LecternExtract) extract = lectern_extract_new (format);
  GMimeObject *object = GMIME_OBJECT (message);
  g_autofree char *from = addresses (g_mime_message_get_from (message));
  g_autofree char *to = addresses (g_mime_message_get_to (message));
  g_autofree char *cc = addresses (g_mime_message_get_cc (message));
  g_autofree char *date = header_value (object, "Date");
  g_autofree char *subject = NULL;
  g_autofree char *author = author_of (g_mime_message_get_from (message));
  g_autofree char *in_reply_to_header = header_value (object, "In-Reply-To");
  g_autofree char *in_reply_to = NULL;
  g_autofree char *language = header_value (object, "Content-Language");
  const char *message_id = g_mime_message_get_message_id (message);
  GDateTime *when = g_mime_message_get_date (message);
  Body body = { 0 };

  /* Without its angle brackets, as GMime gives the Message-ID. */
  if (in_reply_to_header != NULL)
    {
      g_autofree char *id = g_mime_utils_decode_message_id (in_reply_to_header);

      in_reply_to = id != NULL ? g_utf8_make_valid (id, -1) : g_strdup (in_reply_to_header);
    }
  if (g_mime_message_get_subject (message) != NULL)
    {
      subject = g_utf8_make_valid (g_mime_message_get_subject (message), -1);
      g_strdelimit (subject, "\r\n\t", ' ');
    }

  write_header (extract, "From", from);
  write_header (extract, "To", to);
  write_header (extract, "Cc", cc);
  write_header (extract, "Date", date);
  write_header (extract, "Subject", subject);

  lectern_extract_set_title (extract, subject);
  lectern_extract_set_author (extract, author);
  if (when != NULL)
    {
      g_autofree char *iso = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z");

      lectern_extract_set_date (extract, iso);
    }
  lectern_extract_set_language (extract, language);
  lectern_extract_set_variable (extract, "to", to);
  lectern_extract_set_variable (extract, "cc", cc);
  if (message_id != NULL)
    {
      g_autofree char *id = g_utf8_make_valid (message_id, -1);

      lectern_extract_set_variable (extract, "message-id", id);
    }
  lectern_extract_set_variable (extract, "in-reply-to", in_reply_to);

  body.plain = g_ptr_array_new ();
  body.html = g_ptr_array_new ();
  body.attachments = g_ptr_array_new_with_free_func (g_free);
  collect (&body, g_mime_message_get_mime_part (message), 0);

  if (body.plain->len > 0)
    for (guint i = 0; i < body.plain->len; i++)
      {
        GMimeObject *part = g_ptr_array_index (body.plain, i);
        GMimeContentType *type = g_mime_object_get_content_type (part);
        const char *format_parameter = g_mime_content_type_get_parameter (type, "format");
        const char *delsp = g_mime_content_type_get_parameter (type, "delsp");
        g_autofree char *text = part_text (part);
        g_autofree char *lines = NULL;

        if (text == NULL)
          continue;
        lines = plain_lines (text, g_strcmp0 (format_parameter, "flowed") == 0,
                             delsp != NULL && g_ascii_strcasecmp (delsp, "yes") == 0, mbox);
        write_plain (extract, lines);
      }
  else
    for (guint i = 0; i < body.html->len; i++)
      {
        g_autofree char *text = part_text (g_ptr_array_index (body.html, i));

        if (text != NULL)
          write_html_as_text (extract, text);
      }

  if (body.attachments->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (body.attachments, NULL);
      names = g_strjoinv (", ", (char **) body.attachments->pdata);

      lectern_extract_set_variable (extract, "attachments", names);
    }
  if (body.parts > MAX_PARTS)
    lectern_extract_add_warning (extract, _("The message has too many parts: only the first were read."));

  g_ptr_array_unref (body.plain);
  g_ptr_array_unref (body.html);
  g_ptr_array_unref (body.attachments);
  return g_steal_pointer (&extract);
}

/* GMime recurses over nested multiparts; every level needs its own
 * boundary, so their count bounds the nesting. */
static gboolean
too_many_boundaries (const char *data,
                     gsize       size)
{
  guint count = 0;
  gboolean mbox = size >= 5 && memcmp (data, "From ", 5) == 0;

  for (gsize i = 0; i + 9 <= size; i++)
    {
      if (mbox && data[i] == '\n' && i + 6 <= size && memcmp (data + i + 1, "From ", 5) == 0)
        count = 0;   /* per message */
      else if ((data[i] == 'b' || data[i] == 'B') && g_ascii_strncasecmp (data + i, "boundary=", 9) == 0
               && ++count > MAX_BOUNDARIES)
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
lectern_mail_reader_read (GBytes        *bytes,
                          const char    *display_name,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeParser) parser = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gboolean mbox;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  ensure_gmime ();

  if (size == 0)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty"), display_name);
      return NULL;
    }
  if (too_many_boundaries (data, size))
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is refused: a message in it has more than %u nested parts"),
                   display_name, MAX_BOUNDARIES);
      return NULL;
    }

  /* A mailbox starts with its first message's "From " line; a file of
   * one message named .eml may too (some clients save it so). */
  mbox = size >= 5 && memcmp (data, "From ", 5) == 0;
  stream = g_mime_stream_mem_new_with_buffer (data, size);
  parser = g_mime_parser_new_with_stream (stream);
  g_mime_parser_set_format (parser, mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
  if (mbox && g_str_has_suffix (display_name, ".eml"))
    mbox = FALSE;

  while (!g_mime_parser_eos (parser))
    {
      g_autoptr(GMimeMessage) message = NULL;
      gint64 start = 0;
      gint64 end;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      message = g_mime_parser_construct_message (parser, NULL);
      if (message == NULL)
        break;
      if (mbox)
        start = g_mime_parser_get_mbox_marker_offset (parser);
      end = g_mime_parser_tell (parser);
      if (!has_headers (message))
        continue;
      if (result->len >= MAX_MESSAGES)
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                       _("“%s” holds more than %u messages: split the mailbox and import its parts"),
                       display_name, MAX_MESSAGES);
          return NULL;
        }

      {
        LecternExtract *extract = message_to_extract (message, mbox ? "mbox" : "eml", mbox);

        if (mbox && start >= 0 && end > start && (guint64) end <= size)
          {
            g_autoptr(GBytes) original = g_bytes_new_from_bytes (bytes, start, end - start);

            lectern_extract_set_original (extract, original);
          }
        g_ptr_array_add (result, extract);
      }
      if (!mbox)
        break;
    }

  if (result->len == 0)
    {
      if (mbox)
        g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY,
                     _("“%s” holds no mail message"), display_name);
      else
        g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                     _("“%s” is not a mail message: it has no headers"), display_name);
      return NULL;
    }
  return g_steal_pointer (&result);
}
