/* lectern-office-xml.c — safe XML, side texts and notes for the DOCX and
 * ODT readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-import-error.h"
#include "lectern-office-xml-private.h"

/* Element text read whole (titles, dates, style names): longer is cut. */
#define MAX_ELEMENT_TEXT (64 * 1024)

static void
ignore_error (void                    *arg,
              const char              *msg,
              xmlParserSeverities      severity,
              xmlTextReaderLocatorPtr  locator)
{
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

xmlTextReaderPtr
lectern_office_xml_reader_new (GBytes     *part,
                               const char *part_name)
{
  static GOnce once = G_ONCE_INIT;
  xmlTextReaderPtr reader;
  gsize size;
  const char *data = g_bytes_get_data (part, &size);

  /* libxml2 2.9 sets up its globals on first use, unsafely when two
   * import threads get there together. */
  g_once (&once, init_libxml, NULL);

  if (size > G_MAXINT)
    return NULL;
  /* No XML_PARSE_NOENT, DTDLOAD, DTDATTR or HUGE: entities stay
   * references, no DTD is fetched, libxml2's size and depth bounds hold. */
  reader = xmlReaderForMemory (data != NULL ? data : "", (int) size, part_name, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                               | XML_PARSE_NOCDATA);
  if (reader != NULL)
    xmlTextReaderSetErrorHandler (reader, ignore_error, NULL);
  return reader;
}

gboolean
lectern_office_xml_next (xmlTextReaderPtr   reader,
                         gboolean           skip_subtree,
                         const char        *display_name,
                         const char        *part_name,
                         GError           **error)
{
  int ret = skip_subtree ? xmlTextReaderNext (reader) : xmlTextReaderRead (reader);

  if (ret == 1 && xmlTextReaderDepth (reader) > LECTERN_OFFICE_XML_MAX_DEPTH)
    ret = -1;
  if (ret < 0)
    g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DAMAGED,
                 _("“%s” is damaged: its part “%s” is not well-formed XML"),
                 display_name, part_name);
  return ret == 1;
}

gboolean
lectern_office_xml_is (xmlTextReaderPtr   reader,
                       const char *const *ns,
                       const char        *local)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (reader);
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (reader);
  int type = xmlTextReaderNodeType (reader);

  if ((type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
      || name == NULL || uri == NULL || strcmp (name, local) != 0)
    return FALSE;
  for (guint i = 0; ns[i] != NULL; i++)
    if (strcmp (uri, ns[i]) == 0)
      return TRUE;
  return FALSE;
}

char *
lectern_office_xml_attribute (xmlTextReaderPtr  reader,
                              const char       *ns,
                              const char       *local)
{
  xmlChar *value = ns != NULL
    ? xmlTextReaderGetAttributeNs (reader, (const xmlChar *) local, (const xmlChar *) ns)
    : xmlTextReaderGetAttribute (reader, (const xmlChar *) local);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strndup ((const char *) value, MAX_ELEMENT_TEXT);
  xmlFree (value);
  return copy;
}

char *
lectern_office_xml_element_text (xmlTextReaderPtr reader)
{
  xmlChar *value;
  g_autofree char *copy = NULL;

  if (xmlTextReaderIsEmptyElement (reader))
    return NULL;
  value = xmlTextReaderReadString (reader);
  if (value == NULL)
    return NULL;
  copy = g_strndup ((const char *) value, MAX_ELEMENT_TEXT);
  xmlFree (value);
  if (!g_utf8_validate (copy, -1, NULL))
    {
      char *valid = g_utf8_make_valid (copy, -1);

      g_free (copy);
      copy = valid;
    }
  g_strstrip (copy);
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* ------------------------------------------------------------------ */
/* Side texts                                                          */

struct _LecternOfficeStory
{
  GPtrArray *paragraphs;   /* GString */
};

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

LecternOfficeStory *
lectern_office_story_new (void)
{
  LecternOfficeStory *story = g_new0 (LecternOfficeStory, 1);

  story->paragraphs = g_ptr_array_new_with_free_func (string_free);
  return story;
}

void
lectern_office_story_free (LecternOfficeStory *story)
{
  if (story == NULL)
    return;
  g_ptr_array_unref (story->paragraphs);
  g_free (story);
}

void
lectern_office_story_paragraph (LecternOfficeStory *story)
{
  g_ptr_array_add (story->paragraphs, g_string_new (NULL));
}

void
lectern_office_story_append (LecternOfficeStory *story,
                             const char         *text,
                             gssize              length)
{
  if (story->paragraphs->len == 0)
    lectern_office_story_paragraph (story);
  g_string_append_len (g_ptr_array_index (story->paragraphs, story->paragraphs->len - 1),
                       text, length >= 0 ? length : (gssize) strlen (text));
}

/* White space runs to one space, none at either end. */
static char *
collapse (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
lectern_office_story_to_string (LecternOfficeStory *story)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < story->paragraphs->len; i++)
    {
      g_autofree char *paragraph = collapse (((GString *) g_ptr_array_index (story->paragraphs, i))->str);

      if (*paragraph == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, paragraph);
    }
  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      char *valid = g_utf8_make_valid (out->str, out->len);

      g_string_free (out, TRUE);
      return valid;
    }
  return g_string_free (out, FALSE);
}

void
lectern_office_story_write (LecternOfficeStory *story,
                            LecternExtract     *extract)
{
  gboolean first = TRUE;

  for (guint i = 0; i < story->paragraphs->len; i++)
    {
      g_autofree char *paragraph = collapse (((GString *) g_ptr_array_index (story->paragraphs, i))->str);

      if (*paragraph == '\0')
        continue;
      if (!first)
        lectern_extract_line_break (extract);
      lectern_extract_append_inline (extract, paragraph, -1);
      first = FALSE;
    }
}

/* ------------------------------------------------------------------ */
/* Notes                                                               */

/* A byte position every STEP code points. */
#define STEP 1024

struct _LecternOfficeNoteWriter
{
  LecternExtract *extract;
  const char     *text;
  guint           length;
  GArray         *index;   /* gsize */
};

LecternOfficeNoteWriter *
lectern_office_note_writer_new (LecternExtract *extract)
{
  LecternOfficeNoteWriter *writer = g_new0 (LecternOfficeNoteWriter, 1);
  const char *p;

  writer->extract = g_object_ref (extract);
  writer->text = lectern_extract_get_text (extract);
  writer->length = lectern_extract_get_length (extract);
  writer->index = g_array_new (FALSE, FALSE, sizeof (gsize));
  p = writer->text;
  for (guint i = 0; i <= writer->length; i += STEP)
    {
      gsize byte = p - writer->text;

      g_array_append_val (writer->index, byte);
      for (guint j = 0; j < STEP && *p != '\0'; j++)
        p = g_utf8_next_char (p);
    }
  return writer;
}

void
lectern_office_note_writer_free (LecternOfficeNoteWriter *writer)
{
  if (writer == NULL)
    return;
  g_object_unref (writer->extract);
  g_array_unref (writer->index);
  g_free (writer);
}

static const char *
pointer_at (LecternOfficeNoteWriter *writer,
            guint                    offset)
{
  const char *p = writer->text + g_array_index (writer->index, gsize, offset / STEP);

  for (guint i = 0; i < offset % STEP; i++)
    p = g_utf8_next_char (p);
  return p;
}

void
lectern_office_note_writer_add (LecternOfficeNoteWriter *writer,
                                guint                    start,
                                guint                    end,
                                const char              *author,
                                const char              *date,
                                const char              *text)
{
  const char *p;
  const char *q;

  end = MIN (end, writer->length);
  start = MIN (start, end);
  p = pointer_at (writer, start);
  q = pointer_at (writer, end);
  while (start < end && g_unichar_isspace (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      start++;
    }
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (q))))
    {
      q = g_utf8_prev_char (q);
      end--;
    }
  lectern_extract_add_note (writer->extract, start, end, author, date, text != NULL ? text : "");
}
