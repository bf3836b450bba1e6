/* lectern-odt-reader.c — an OpenDocument text (LibreOffice Writer) as a
 * Lectern document.
 *
 * What is kept: paragraphs; headings (text:h, their outline level, and
 * the "Title" style); quotes ("Quotations" style); list
 * items (nested lists flattened, an item a line); tables (a row a line,
 * cells separated by tabs); tabs, line breaks and text:s spaces; footnote
 * and endnote citations where they stand, their text as footnote blocks
 * at the end; tracked changes as if accepted (the text:tracked-changes
 * region, which holds deleted text, is dropped, and so is any text marked
 * as a deletion); annotations as notes on the passage they cover; the
 * metadata of meta.xml (title, author, date, language).
 *
 * Frames and text boxes are read inline with the paragraph holding them;
 * images, their titles and descriptions are dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-format-readers.h"
#include "lectern-import-error.h"
#include "lectern-office-xml-private.h"
#include "lectern-zip-archive-private.h"

#define CONTENT_PART "content.xml"
#define META_PART "meta.xml"
#define MANIFEST_PART "META-INF/manifest.xml"
#define TEXT_MEDIA_TYPE "application/vnd.oasis.opendocument.text"

static const char *const text_ns[] = { "urn:oasis:names:tc:opendocument:xmlns:text:1.0", NULL };
static const char *const table_ns[] = { "urn:oasis:names:tc:opendocument:xmlns:table:1.0", NULL };
static const char *const office_ns[] = { "urn:oasis:names:tc:opendocument:xmlns:office:1.0", NULL };
static const char *const svg_ns[] = { "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", NULL };
static const char *const dc_ns[] = { "http://purl.org/dc/elements/1.1/", NULL };
static const char *const meta_ns[] = { "urn:oasis:names:tc:opendocument:xmlns:meta:1.0", NULL };
static const char *const manifest_ns[] = { "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0", NULL };

/* Footnotes, annotations, deletions: more is a damaged or hostile file. */
#define MAX_SIDE_TEXTS 100000
/* text:s text:c: more spaces than a line holds are a hostile file. */
#define MAX_SPACES 1000

typedef enum
{
  OWNER_NONE,
  OWNER_PARAGRAPH,
  OWNER_LIST_ITEM,
  OWNER_ROW,
} Owner;

typedef struct
{
  char               *mark;
  LecternOfficeStory *story;
} Footnote;

typedef struct
{
  char               *name;
  guint               start;
  guint               end;
  gboolean            ended;
  char               *author;
  char               *date;
  LecternOfficeStory *story;
} Annotation;

typedef struct
{
  const char          *name;
  LecternZipArchive   *archive;
  LecternExtract      *extract;
  GCancellable        *cancellable;

  GArray              *footnotes;     /* Footnote, in text order */
  GPtrArray           *annotations;   /* Annotation */
  GHashTable          *open_ranges;   /* name → Annotation awaiting its end mark */
  GHashTable          *deletions;     /* ids of changed regions that delete */

  LecternOfficeStory  *story;         /* a side text being gathered, or NULL */
  Annotation          *annotation;    /* the annotation being read */
  char                *note_mark;     /* the citation of the note being read */
  guint                block;
  Owner                owner;
  guint                paragraph_depth;
  guint                list_depth;
  gboolean             item_pending;  /* a list item whose first paragraph is to come */
  guint                table_depth;
  guint                cell_index;
  guint                cell_paragraphs;
  guint                deleted;       /* inside deletion marks */
} Odt;

static void
footnote_clear (gpointer data)
{
  Footnote *footnote = data;

  g_free (footnote->mark);
  lectern_office_story_free (footnote->story);
}

static void
annotation_free (gpointer data)
{
  Annotation *annotation = data;

  if (annotation == NULL)
    return;
  g_free (annotation->name);
  g_free (annotation->author);
  g_free (annotation->date);
  lectern_office_story_free (annotation->story);
  g_free (annotation);
}

static void
odt_clear (Odt *odt)
{
  g_clear_pointer (&odt->footnotes, g_array_unref);
  g_clear_pointer (&odt->open_ranges, g_hash_table_unref);
  g_clear_pointer (&odt->annotations, g_ptr_array_unref);
  g_clear_pointer (&odt->deletions, g_hash_table_unref);
  g_clear_pointer (&odt->story, lectern_office_story_free);
  g_clear_pointer (&odt->annotation, annotation_free);
  g_clear_pointer (&odt->note_mark, g_free);
}

/* ------------------------------------------------------------------ */
/* The package: its type, its encryption, its metadata                 */

static gboolean
check_package (Odt     *odt,
               GError **error)
{
  GBytes *mimetype = lectern_zip_archive_get_entry (odt->archive, "mimetype");
  GBytes *manifest = lectern_zip_archive_get_entry (odt->archive, MANIFEST_PART);

  if (mimetype != NULL)
    {
      gsize size;
      const char *type = g_bytes_get_data (mimetype, &size);

      if (size < strlen (TEXT_MEDIA_TYPE) || strncmp (type, TEXT_MEDIA_TYPE, strlen (TEXT_MEDIA_TYPE)) != 0)
        {
          g_autofree char *shown = g_utf8_make_valid (type, MIN (size, 100));

          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                       _("“%s” is not an OpenDocument text: its type is “%s”"), odt->name, shown);
          return FALSE;
        }
    }

  if (manifest != NULL)
    {
      g_autoptr(xmlTextReader) reader = lectern_office_xml_reader_new (manifest, MANIFEST_PART);

      while (reader != NULL && lectern_office_xml_next (reader, FALSE, odt->name, MANIFEST_PART, error))
        if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT
            && lectern_office_xml_is (reader, manifest_ns, "encryption-data"))
          {
            g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_ENCRYPTED,
                         _("“%s” is protected by a password: open it in LibreOffice, save it "
                           "without a password, and import it again"), odt->name);
            return FALSE;
          }
      if (*error != NULL)
        return FALSE;
    }

  if (lectern_zip_archive_get_entry (odt->archive, CONTENT_PART) == NULL)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                   _("“%s” is not an OpenDocument text: it has no %s"), odt->name, CONTENT_PART);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_meta (Odt     *odt,
           GError **error)
{
  GBytes *bytes = lectern_zip_archive_get_entry (odt->archive, META_PART);
  g_autoptr(xmlTextReader) reader = NULL;
  g_autofree char *initial_creator = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *created = NULL;
  g_autofree char *date = NULL;
  gboolean skip = FALSE;

  if (bytes == NULL || (reader = lectern_office_xml_reader_new (bytes, META_PART)) == NULL)
    return TRUE;
  while (lectern_office_xml_next (reader, skip, odt->name, META_PART, error))
    {
      char **target = NULL;

      skip = FALSE;
      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (lectern_office_xml_is (reader, dc_ns, "title"))
        {
          g_autofree char *text = lectern_office_xml_element_text (reader);

          lectern_extract_set_title (odt->extract, text);
        }
      else if (lectern_office_xml_is (reader, dc_ns, "language"))
        {
          g_autofree char *text = lectern_office_xml_element_text (reader);

          lectern_extract_set_language (odt->extract, text);
        }
      else if (lectern_office_xml_is (reader, meta_ns, "initial-creator"))
        target = &initial_creator;
      else if (lectern_office_xml_is (reader, dc_ns, "creator"))
        target = &creator;
      else if (lectern_office_xml_is (reader, meta_ns, "creation-date"))
        target = &created;
      else if (lectern_office_xml_is (reader, dc_ns, "date"))
        target = &date;
      if (target != NULL)
        {
          g_free (*target);
          *target = lectern_office_xml_element_text (reader);
          skip = TRUE;
        }
    }
  /* Who wrote it and when, rather than who saved it last. */
  lectern_extract_set_author (odt->extract, initial_creator != NULL ? initial_creator : creator);
  lectern_extract_set_date (odt->extract, created != NULL ? created : date);
  return *error == NULL;
}

/* ------------------------------------------------------------------ */
/* The text                                                            */

static void
close_block (Odt *odt)
{
  if (odt->owner == OWNER_NONE)
    return;
  lectern_extract_close_block (odt->extract, odt->block);
  odt->owner = OWNER_NONE;
}

static void
open_block (Odt                  *odt,
            Owner                 owner,
            LecternStructureKind  kind,
            const char           *value)
{
  close_block (odt);
  odt->block = lectern_extract_open_block (odt->extract, kind, value);
  odt->owner = owner;
}

/* Text goes to the side text being gathered, or to the open block of
 * the document; elsewhere (between blocks, in templates) it is not
 * text of the document. */
static gboolean
can_write (Odt *odt)
{
  if (odt->deleted > 0)
    return FALSE;
  return odt->story != NULL || (odt->owner != OWNER_NONE && odt->paragraph_depth > 0);
}

static void
write_inline (Odt        *odt,
              const char *text,
              gssize      length)
{
  if (!can_write (odt))
    return;
  if (odt->story != NULL)
    lectern_office_story_append (odt->story, text, length);
  else
    lectern_extract_append_inline (odt->extract, text, length);
}

/* A tab, a line break: literal in a paragraph, a space in a table's cell
 * (a tab would read as a new cell) and in side texts. */
static void
write_literal (Odt        *odt,
               const char *text)
{
  if (!can_write (odt))
    return;
  if (odt->story != NULL || odt->owner == OWNER_ROW)
    write_inline (odt, " ", 1);
  else if (strcmp (text, "\n") == 0)
    lectern_extract_line_break (odt->extract);
  else
    lectern_extract_append (odt->extract, text, -1);
}

static void
start_paragraph (Odt              *odt,
                 xmlTextReaderPtr  reader,
                 gboolean          heading)
{
  g_autofree char *value = NULL;
  g_autofree char *style = NULL;

  odt->paragraph_depth++;
  if (odt->story != NULL)
    {
      if (odt->paragraph_depth == 1)
        lectern_office_story_paragraph (odt->story);
      else
        lectern_office_story_append (odt->story, " ", 1);
      return;
    }
  if (odt->paragraph_depth > 1 || (odt->owner == OWNER_ROW && odt->cell_paragraphs++ > 0))
    {
      /* A frame's paragraph inside the paragraph holding it; a cell's
       * second paragraph. */
      write_inline (odt, " ", 1);
      return;
    }
  if (odt->owner == OWNER_ROW)
    return;
  if (heading)
    {
      g_autofree char *level = lectern_office_xml_attribute (reader, text_ns[0], "outline-level");
      guint64 n = 1;

      if (level != NULL)
        g_ascii_string_to_unsigned (level, 10, 1, G_MAXINT, &n, NULL);
      value = g_strdup_printf ("%u", (guint) CLAMP (n, 1, 6));
      open_block (odt, OWNER_PARAGRAPH, LECTERN_STRUCTURE_KIND_HEADING, value);
      return;
    }
  if (odt->list_depth > 0)
    {
      if (odt->item_pending || odt->owner != OWNER_LIST_ITEM)
        open_block (odt, OWNER_LIST_ITEM, LECTERN_STRUCTURE_KIND_LIST_ITEM, NULL);
      else
        lectern_extract_line_break (odt->extract);  /* the item's next paragraph */
      odt->item_pending = FALSE;
      return;
    }
  /* LibreOffice's own paragraph styles for a title and a quotation
   * (automatic styles derived from them are not followed). */
  style = lectern_office_xml_attribute (reader, text_ns[0], "style-name");
  if (g_strcmp0 (style, "Title") == 0)
    open_block (odt, OWNER_PARAGRAPH, LECTERN_STRUCTURE_KIND_HEADING, "1");
  else if (g_strcmp0 (style, "Quotations") == 0)
    open_block (odt, OWNER_PARAGRAPH, LECTERN_STRUCTURE_KIND_QUOTE, NULL);
  else
    open_block (odt, OWNER_PARAGRAPH, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
}

static void
end_paragraph (Odt *odt)
{
  if (odt->paragraph_depth == 0)
    return;
  odt->paragraph_depth--;
  if (odt->paragraph_depth == 0 && odt->story == NULL && odt->owner == OWNER_PARAGRAPH)
    close_block (odt);
}

static void
start_annotation (Odt              *odt,
                  xmlTextReaderPtr  reader)
{
  g_clear_pointer (&odt->annotation, annotation_free);
  odt->annotation = g_new0 (Annotation, 1);
  odt->annotation->name = lectern_office_xml_attribute (reader, office_ns[0], "name");
  odt->annotation->start = lectern_extract_get_length (odt->extract);
  odt->annotation->story = lectern_office_story_new ();
  odt->story = odt->annotation->story;
}

static void
end_annotation (Odt *odt)
{
  Annotation *annotation = g_steal_pointer (&odt->annotation);

  odt->story = NULL;
  if (annotation == NULL)
    return;
  /* Without a name there is no end mark: a comment on a point. */
  annotation->end = annotation->start;
  annotation->ended = annotation->name == NULL;
  if (odt->annotations->len >= MAX_SIDE_TEXTS)
    {
      annotation_free (annotation);
      return;
    }
  g_ptr_array_add (odt->annotations, annotation);
  if (!annotation->ended)
    g_hash_table_replace (odt->open_ranges, g_strdup (annotation->name), annotation);
}

static void
end_annotation_range (Odt              *odt,
                      xmlTextReaderPtr  reader)
{
  g_autofree char *name = lectern_office_xml_attribute (reader, office_ns[0], "name");
  Annotation *annotation = name != NULL ? g_hash_table_lookup (odt->open_ranges, name) : NULL;

  if (annotation == NULL)
    return;
  annotation->end = lectern_extract_get_length (odt->extract);
  annotation->ended = TRUE;
  g_hash_table_remove (odt->open_ranges, name);
}

/* The ids of the changed regions that delete text, from the
 * text:tracked-changes region that opens the body. */
static void
tracked_change (Odt              *odt,
                xmlTextReaderPtr  reader,
                char            **region)
{
  if (lectern_office_xml_is (reader, text_ns, "changed-region"))
    {
      g_free (*region);
      *region = lectern_office_xml_attribute (reader, text_ns[0], "id");
      if (*region == NULL)
        *region = lectern_office_xml_attribute (reader, "http://www.w3.org/XML/1998/namespace", "id");
    }
  else if (*region != NULL && lectern_office_xml_is (reader, text_ns, "deletion")
           && g_hash_table_size (odt->deletions) < MAX_SIDE_TEXTS)
    g_hash_table_add (odt->deletions, g_strdup (*region));
}

static gboolean
is_deletion (Odt              *odt,
             xmlTextReaderPtr  reader)
{
  g_autofree char *id = lectern_office_xml_attribute (reader, text_ns[0], "change-id");

  return id != NULL && g_hash_table_contains (odt->deletions, id);
}

static gboolean
read_content (Odt     *odt,
              GError **error)
{
  GBytes *bytes = lectern_zip_archive_get_entry (odt->archive, CONTENT_PART);
  g_autoptr(xmlTextReader) reader = lectern_office_xml_reader_new (bytes, CONTENT_PART);
  g_autofree char *region = NULL;
  gboolean in_body = FALSE;
  guint in_tracked_changes = 0;
  gboolean skip = FALSE;
  guint steps = 0;

  if (reader == NULL)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is refused: its part “%s” is too large"), odt->name, CONTENT_PART);
      return FALSE;
    }

  while (lectern_office_xml_next (reader, skip, odt->name, CONTENT_PART, error))
    {
      int type = xmlTextReaderNodeType (reader);
      gboolean empty = type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (reader);
      gboolean start = type == XML_READER_TYPE_ELEMENT;
      gboolean end = type == XML_READER_TYPE_END_ELEMENT || empty;

      skip = FALSE;
      if ((++steps & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (odt->cancellable, error))
        return FALSE;

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
          || type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA)
        {
          const char *text = (const char *) xmlTextReaderConstValue (reader);

          if (in_body && in_tracked_changes == 0 && text != NULL && odt->paragraph_depth > 0)
            write_inline (odt, text, -1);
          continue;
        }
      if (!start && !end)
        continue;

      if (lectern_office_xml_is (reader, office_ns, "body"))
        {
          in_body = start && !empty;
          continue;
        }
      if (!in_body)
        continue;

      /* The deleted text of tracked changes is kept apart: dropped. */
      if (lectern_office_xml_is (reader, text_ns, "tracked-changes"))
        {
          if (start && !empty)
            in_tracked_changes++;
          else if (type == XML_READER_TYPE_END_ELEMENT && in_tracked_changes > 0)
            in_tracked_changes--;
          continue;
        }
      if (in_tracked_changes > 0)
        {
          if (start)
            tracked_change (odt, reader, &region);
          continue;
        }

      /* Not text: images and their descriptions, scripts, the
       * templates of indexes. */
      if (start && !empty
          && (lectern_office_xml_is (reader, office_ns, "binary-data")
              || lectern_office_xml_is (reader, office_ns, "event-listeners")
              || lectern_office_xml_is (reader, svg_ns, "title")
              || lectern_office_xml_is (reader, svg_ns, "desc")
              || lectern_office_xml_is (reader, office_ns, "forms")
              || lectern_office_xml_is (reader, text_ns, "change")
              || (odt->story != NULL && (lectern_office_xml_is (reader, text_ns, "note")
                                         || lectern_office_xml_is (reader, office_ns, "annotation")))))
        {
          skip = TRUE;
          continue;
        }

      if (lectern_office_xml_is (reader, text_ns, "p"))
        {
          if (start)
            start_paragraph (odt, reader, FALSE);
          if (end)
            end_paragraph (odt);
        }
      else if (lectern_office_xml_is (reader, text_ns, "h"))
        {
          if (start)
            start_paragraph (odt, reader, odt->story == NULL);
          if (end)
            end_paragraph (odt);
        }
      else if (lectern_office_xml_is (reader, text_ns, "list-item")
               || lectern_office_xml_is (reader, text_ns, "list-header"))
        {
          if (odt->story != NULL || odt->owner == OWNER_ROW || odt->paragraph_depth > 0)
            continue;
          if (start)
            {
              /* Nested lists are flattened: an item a line. */
              if (odt->owner == OWNER_LIST_ITEM)
                close_block (odt);
              odt->list_depth++;
              odt->item_pending = TRUE;
            }
          if (end)
            {
              if (odt->owner == OWNER_LIST_ITEM)
                close_block (odt);
              odt->list_depth = odt->list_depth > 0 ? odt->list_depth - 1 : 0;
              odt->item_pending = FALSE;
            }
        }
      else if (lectern_office_xml_is (reader, table_ns, "table"))
        {
          if (start && !empty)
            odt->table_depth++;
          else if (type == XML_READER_TYPE_END_ELEMENT && odt->table_depth > 0)
            odt->table_depth--;
        }
      else if (lectern_office_xml_is (reader, table_ns, "table-row"))
        {
          if (odt->table_depth != 1 || odt->story != NULL || odt->paragraph_depth > 0)
            {
              /* A nested table's rows: inline in the outer cell. */
              if (start)
                write_inline (odt, " ", 1);
              continue;
            }
          if (start)
            {
              open_block (odt, OWNER_ROW, LECTERN_STRUCTURE_KIND_TABLE_ROW, NULL);
              odt->cell_index = 0;
            }
          if (end && odt->owner == OWNER_ROW)
            close_block (odt);
        }
      else if (lectern_office_xml_is (reader, table_ns, "table-cell"))
        {
          if (!start)
            continue;
          if (odt->owner == OWNER_ROW && odt->table_depth == 1 && odt->paragraph_depth == 0)
            {
              if (odt->cell_index++ > 0)
                lectern_extract_append (odt->extract, "\t", 1);
              odt->cell_paragraphs = 0;
            }
          else
            write_inline (odt, " ", 1);
        }
      else if (!start)
        {
          if (lectern_office_xml_is (reader, text_ns, "note-body") && odt->note_mark != NULL
              && odt->story != NULL)
            {
              Footnote footnote = { g_steal_pointer (&odt->note_mark), g_steal_pointer (&odt->story) };

              g_array_append_val (odt->footnotes, footnote);
            }
          else if (lectern_office_xml_is (reader, text_ns, "note"))
            {
              g_clear_pointer (&odt->note_mark, g_free);
              g_clear_pointer (&odt->story, lectern_office_story_free);
            }
          else if (lectern_office_xml_is (reader, office_ns, "annotation") && odt->annotation != NULL)
            end_annotation (odt);
          if (!empty)
            continue;
        }

      if (!start)
        continue;
      if (lectern_office_xml_is (reader, text_ns, "tab"))
        write_literal (odt, "\t");
      else if (lectern_office_xml_is (reader, text_ns, "line-break"))
        write_literal (odt, "\n");
      else if (lectern_office_xml_is (reader, text_ns, "s"))
        {
          g_autofree char *count = lectern_office_xml_attribute (reader, text_ns[0], "c");
          guint64 n = 1;
          g_autofree char *spaces = NULL;

          if (count != NULL)
            g_ascii_string_to_unsigned (count, 10, 1, MAX_SPACES, &n, NULL);
          spaces = g_strnfill (n, ' ');
          if (can_write (odt) && odt->story == NULL)
            lectern_extract_append (odt->extract, spaces, -1);
          else
            write_inline (odt, spaces, -1);
        }
      else if (lectern_office_xml_is (reader, text_ns, "note") && odt->story == NULL)
        {
          if (odt->footnotes->len >= MAX_SIDE_TEXTS || !can_write (odt))
            skip = !empty;
        }
      else if (lectern_office_xml_is (reader, text_ns, "note-citation") && odt->story == NULL)
        {
          g_autofree char *label = lectern_office_xml_attribute (reader, text_ns[0], "label");
          g_autofree char *text = lectern_office_xml_element_text (reader);

          g_clear_pointer (&odt->note_mark, g_free);
          odt->note_mark = g_strdup (label != NULL ? label : text != NULL ? text : "*");
          write_inline (odt, odt->note_mark, -1);
          skip = !empty;
        }
      else if (lectern_office_xml_is (reader, text_ns, "note-body") && odt->story == NULL && !empty)
        {
          if (odt->note_mark == NULL)
            {
              /* A note without a citation still needs a mark. */
              odt->note_mark = g_strdup ("*");
              write_inline (odt, odt->note_mark, -1);
            }
          odt->story = lectern_office_story_new ();
        }
      else if (lectern_office_xml_is (reader, office_ns, "annotation") && odt->story == NULL)
        {
          if (!can_write (odt) || empty)
            skip = !empty;
          else
            start_annotation (odt, reader);
        }
      else if (odt->annotation != NULL && odt->story == odt->annotation->story
               && (lectern_office_xml_is (reader, dc_ns, "creator")
                   || lectern_office_xml_is (reader, dc_ns, "date")))
        {
          char **target = lectern_office_xml_is (reader, dc_ns, "creator")
                          ? &odt->annotation->author : &odt->annotation->date;

          g_free (*target);
          *target = lectern_office_xml_element_text (reader);
          skip = !empty;
        }
      else if (lectern_office_xml_is (reader, office_ns, "annotation-end") && odt->story == NULL)
        end_annotation_range (odt, reader);
      else if (lectern_office_xml_is (reader, text_ns, "change-start") && is_deletion (odt, reader))
        odt->deleted++;
      else if (lectern_office_xml_is (reader, text_ns, "change-end") && is_deletion (odt, reader)
               && odt->deleted > 0)
        odt->deleted--;
    }

  close_block (odt);
  return *error == NULL;
}

static void
write_side_texts (Odt *odt)
{
  g_autoptr(LecternOfficeNoteWriter) notes = NULL;

  for (guint i = 0; i < odt->footnotes->len; i++)
    {
      Footnote *footnote = &g_array_index (odt->footnotes, Footnote, i);
      guint block = lectern_extract_open_block (odt->extract, LECTERN_STRUCTURE_KIND_FOOTNOTE,
                                                footnote->mark);

      lectern_office_story_write (footnote->story, odt->extract);
      lectern_extract_close_block (odt->extract, block);
    }

  notes = lectern_office_note_writer_new (odt->extract);
  for (guint i = 0; i < odt->annotations->len; i++)
    {
      Annotation *annotation = g_ptr_array_index (odt->annotations, i);
      g_autofree char *text = lectern_office_story_to_string (annotation->story);

      lectern_office_note_writer_add (notes, annotation->start, annotation->end,
                                      annotation->author, annotation->date, text);
    }
}

static gboolean
wanted_part (const char *path,
             gpointer    user_data)
{
  return strcmp (path, CONTENT_PART) == 0 || strcmp (path, META_PART) == 0
         || strcmp (path, MANIFEST_PART) == 0 || strcmp (path, "mimetype") == 0;
}

GPtrArray *
lectern_odt_reader_read (GBytes        *bytes,
                         const char    *display_name,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(LecternZipArchive) archive = NULL;
  g_autoptr(LecternExtract) extract = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) result = NULL;
  Odt odt = { 0 };
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  archive = lectern_zip_archive_new_from_bytes (bytes, display_name, wanted_part, NULL,
                                                cancellable, error);
  if (archive == NULL)
    return NULL;

  extract = lectern_extract_new ("odt");
  odt.name = display_name;
  odt.archive = archive;
  odt.extract = extract;
  odt.cancellable = cancellable;
  odt.footnotes = g_array_new (FALSE, TRUE, sizeof (Footnote));
  g_array_set_clear_func (odt.footnotes, footnote_clear);
  odt.annotations = g_ptr_array_new_with_free_func (annotation_free);
  odt.open_ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  odt.deletions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = check_package (&odt, &local_error)
       && read_meta (&odt, &local_error)
       && read_content (&odt, &local_error);
  if (ok)
    write_side_texts (&odt);
  odt_clear (&odt);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  result = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (result, g_steal_pointer (&extract));
  return g_steal_pointer (&result);
}
