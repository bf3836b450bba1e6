/* lectern-docx-reader.c — a Word document (Office Open XML) as a Lectern
 * document.
 *
 * What is kept: paragraphs; headings (a paragraph's own outline level, or
 * its style's: "Heading 1"…"Heading 9" and "Title", or an outline level
 * inherited along the style's basedOn chain); list items (numbered
 * paragraphs); quotes ("Quote", "Intense Quote", "Block Text");
 * tables (a row a line, cells separated by tabs); tabs and line breaks;
 * footnote and endnote marks where they stand, their text as footnote
 * blocks at the end; tracked
 * changes as if accepted (insertions kept, deletions dropped); comments
 * as notes on the passage they cover; the core properties (title, author,
 * date, language).
 *
 * Text boxes and nested tables are read inline with the paragraph or
 * cell that holds them; field codes are dropped, their results kept.
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

#define MAIN_PART "word/document.xml"

/* Word, and ISO 29500 Strict. */
static const char *const w_ns[] = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
  NULL
};
static const char *const mc_ns[] = {
  "http://schemas.openxmlformats.org/markup-compatibility/2006",
  NULL
};
static const char *const dc_ns[] = { "http://purl.org/dc/elements/1.1/", NULL };
static const char *const dcterms_ns[] = { "http://purl.org/dc/terms/", NULL };

/* The bound on a style's basedOn chain: Word's own are a few long. */
#define MAX_STYLE_CHAIN 16
/* Footnotes and comments: more is a damaged or hostile file. */
#define MAX_SIDE_TEXTS 100000

typedef struct
{
  char     *based_on;
  int       level;      /* heading level, or 0 */
  gboolean  list;
  gboolean  quote;
} Style;

typedef struct
{
  char               *author;
  char               *date;
  LecternOfficeStory *story;
} Comment;

typedef struct
{
  char     *id;
  char     *mark;
  gboolean  endnote;
} NoteRef;

typedef struct
{
  guint    start;
  guint    end;
  gboolean ended;
} CommentRange;

typedef struct
{
  const char          *name;
  const char          *ns;          /* the namespace of the part being read */
  LecternZipArchive   *archive;
  LecternExtract      *extract;
  GCancellable        *cancellable;

  GHashTable          *styles;      /* id → Style */
  GHashTable          *comments;    /* id → Comment */
  GHashTable          *footnotes;   /* id → LecternOfficeStory */
  GHashTable          *endnotes;    /* id → LecternOfficeStory */
  GArray              *note_refs;   /* NoteRef, in text order */
  GHashTable          *ranges;      /* comment id → CommentRange */
  GPtrArray           *range_order; /* comment ids, in text order */
  char                *footnote_format;
  char                *endnote_format;
  guint                footnote_count;
  guint                endnote_count;

  /* While reading a part */
  LecternOfficeStory  *story;       /* a side text being gathered, or NULL */
  guint                paragraph_depth;
  guint                table_depth;
  guint                run_depth;
  gboolean             in_text;
  gboolean             in_paragraph_properties;
  gboolean             paragraph_has_text;
  gboolean             block_open;
  guint                block;
  char                *paragraph_style;
  int                  paragraph_level;   /* -1: not stated */
  gboolean             paragraph_numbered;
  gboolean             in_row;
  guint                cell_index;
  guint                cell_paragraphs;
  int                  custom_mark;       /* index in note_refs awaiting its text, or -1 */
} Docx;

static void
style_free (gpointer data)
{
  Style *style = data;

  g_free (style->based_on);
  g_free (style);
}

static void
comment_free (gpointer data)
{
  Comment *comment = data;

  g_free (comment->author);
  g_free (comment->date);
  lectern_office_story_free (comment->story);
  g_free (comment);
}

static void
note_ref_clear (gpointer data)
{
  NoteRef *ref = data;

  g_free (ref->id);
  g_free (ref->mark);
}

static void
docx_clear (Docx *docx)
{
  g_clear_pointer (&docx->styles, g_hash_table_unref);
  g_clear_pointer (&docx->comments, g_hash_table_unref);
  g_clear_pointer (&docx->footnotes, g_hash_table_unref);
  g_clear_pointer (&docx->endnotes, g_hash_table_unref);
  g_clear_pointer (&docx->note_refs, g_array_unref);
  g_clear_pointer (&docx->ranges, g_hash_table_unref);
  g_clear_pointer (&docx->range_order, g_ptr_array_unref);
  g_clear_pointer (&docx->footnote_format, g_free);
  g_clear_pointer (&docx->endnote_format, g_free);
  g_clear_pointer (&docx->paragraph_style, g_free);
}

static gboolean
is_w (xmlTextReaderPtr  reader,
      const char       *local)
{
  return lectern_office_xml_is (reader, w_ns, local);
}

static char *
w_attribute (Docx             *docx,
             xmlTextReaderPtr  reader,
             const char       *local)
{
  return lectern_office_xml_attribute (reader, docx->ns, local);
}

static gboolean
is_true (const char *value)
{
  return value != NULL && (strcmp (value, "1") == 0 || strcmp (value, "true") == 0
                           || strcmp (value, "on") == 0);
}

/* An OOXML part's namespace: Transitional or Strict, as its root says. */
static void
take_namespace (Docx             *docx,
                xmlTextReaderPtr  reader)
{
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (reader);

  for (guint i = 0; w_ns[i] != NULL; i++)
    if (uri != NULL && strcmp (uri, w_ns[i]) == 0)
      docx->ns = w_ns[i];
}

/* ------------------------------------------------------------------ */
/* Numbers as Word writes footnote marks                               */

static char *
roman (guint n,
       gboolean upper)
{
  static const struct { guint value; const char *digits; } table[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  GString *out = g_string_new (NULL);

  if (n >= 4000)
    return g_strdup_printf ("%u", n);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    while (n >= table[i].value)
      {
        g_string_append (out, table[i].digits);
        n -= table[i].value;
      }
  if (upper)
    {
      char *up = g_ascii_strup (out->str, -1);

      g_string_free (out, TRUE);
      return up;
    }
  return g_string_free (out, FALSE);
}

static char *
letters (guint    n,
         gboolean upper)
{
  /* a…z, then aa…zz, as Word counts. */
  guint repeat = (n - 1) / 26 + 1;
  char letter = (char) ((upper ? 'A' : 'a') + (n - 1) % 26);

  return g_strnfill (MIN (repeat, 64), letter);
}

static char *
format_mark (const char *format,
             guint       n)
{
  if (g_strcmp0 (format, "lowerRoman") == 0)
    return roman (n, FALSE);
  if (g_strcmp0 (format, "upperRoman") == 0)
    return roman (n, TRUE);
  if (g_strcmp0 (format, "lowerLetter") == 0)
    return letters (n, FALSE);
  if (g_strcmp0 (format, "upperLetter") == 0)
    return letters (n, TRUE);
  return g_strdup_printf ("%u", n);
}

/* ------------------------------------------------------------------ */
/* Parts read before the document: styles, settings, footnotes,        */
/* comments, core properties                                           */

static gboolean
read_styles (Docx    *docx,
             GError **error)
{
  const char *part = "word/styles.xml";
  GBytes *bytes = lectern_zip_archive_get_entry (docx->archive, part);
  g_autoptr(xmlTextReader) reader = NULL;
  Style *style = NULL;
  gboolean in_ppr = FALSE;

  if (bytes == NULL)
    return TRUE;
  reader = lectern_office_xml_reader_new (bytes, part);
  if (reader == NULL)
    return TRUE;
  while (lectern_office_xml_next (reader, FALSE, docx->name, part, error))
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_ELEMENT && xmlTextReaderDepth (reader) == 0)
        take_namespace (docx, reader);
      if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (is_w (reader, "style"))
            style = NULL;
          else if (is_w (reader, "pPr"))
            in_ppr = FALSE;
          continue;
        }
      if (type != XML_READER_TYPE_ELEMENT)
        continue;

      if (is_w (reader, "style"))
        {
          g_autofree char *kind = w_attribute (docx, reader, "type");
          g_autofree char *id = w_attribute (docx, reader, "styleId");

          style = NULL;
          if (id != NULL && g_strcmp0 (kind, "paragraph") == 0
              && g_hash_table_size (docx->styles) < MAX_SIDE_TEXTS
              && !xmlTextReaderIsEmptyElement (reader))
            {
              style = g_new0 (Style, 1);
              if (g_ascii_strncasecmp (id, "Heading", 7) == 0 && g_ascii_isdigit (id[7]) && id[8] == '\0')
                style->level = id[7] - '0';
              else if (g_ascii_strcasecmp (id, "Title") == 0)
                style->level = 1;
              g_hash_table_replace (docx->styles, g_steal_pointer (&id), style);
            }
        }
      else if (style == NULL)
        continue;
      else if (is_w (reader, "name"))
        {
          g_autofree char *name = w_attribute (docx, reader, "val");

          /* Built-in styles keep their English name whatever the
           * language of Word: "heading 1", "Title", "Quote". */
          if (name != NULL && g_ascii_strncasecmp (name, "heading ", 8) == 0
              && g_ascii_isdigit (name[8]) && name[9] == '\0' && name[8] != '0')
            style->level = name[8] - '0';
          else if (name != NULL && g_ascii_strcasecmp (name, "title") == 0)
            style->level = 1;
          else if (name != NULL && (g_ascii_strcasecmp (name, "quote") == 0
                                    || g_ascii_strcasecmp (name, "intense quote") == 0
                                    || g_ascii_strcasecmp (name, "block text") == 0))
            style->quote = TRUE;
        }
      else if (is_w (reader, "basedOn"))
        {
          g_free (style->based_on);
          style->based_on = w_attribute (docx, reader, "val");
        }
      else if (is_w (reader, "pPr"))
        in_ppr = !xmlTextReaderIsEmptyElement (reader);
      else if (in_ppr && is_w (reader, "outlineLvl"))
        {
          g_autofree char *value = w_attribute (docx, reader, "val");
          guint64 level;

          if (value != NULL && g_ascii_string_to_unsigned (value, 10, 0, 8, &level, NULL))
            style->level = (int) level + 1;
        }
      else if (in_ppr && is_w (reader, "numId"))
        {
          g_autofree char *value = w_attribute (docx, reader, "val");

          style->list = value != NULL && strcmp (value, "0") != 0;
        }
    }
  return error == NULL || *error == NULL;
}

/* The kind a paragraph style gives, along its basedOn chain. */
static LecternStructureKind
style_kind (Docx       *docx,
            const char *id,
            int        *level)
{
  gboolean list = FALSE;
  gboolean quote = FALSE;

  *level = 0;
  for (guint i = 0; id != NULL && i < MAX_STYLE_CHAIN; i++)
    {
      Style *style = g_hash_table_lookup (docx->styles, id);

      if (style == NULL)
        break;
      if (style->level > 0)
        {
          *level = style->level;
          return LECTERN_STRUCTURE_KIND_HEADING;
        }
      list = list || style->list;
      quote = quote || style->quote;
      id = style->based_on;
    }
  if (list)
    return LECTERN_STRUCTURE_KIND_LIST_ITEM;
  if (quote)
    return LECTERN_STRUCTURE_KIND_QUOTE;
  return LECTERN_STRUCTURE_KIND_PARAGRAPH;
}

static gboolean
read_settings (Docx    *docx,
               GError **error)
{
  const char *part = "word/settings.xml";
  GBytes *bytes = lectern_zip_archive_get_entry (docx->archive, part);
  g_autoptr(xmlTextReader) reader = NULL;
  char **target = NULL;

  if (bytes == NULL || (reader = lectern_office_xml_reader_new (bytes, part)) == NULL)
    return TRUE;
  while (lectern_office_xml_next (reader, FALSE, docx->name, part, error))
    {
      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (xmlTextReaderDepth (reader) == 0)
        take_namespace (docx, reader);
      if (is_w (reader, "footnotePr"))
        target = &docx->footnote_format;
      else if (is_w (reader, "endnotePr"))
        target = &docx->endnote_format;
      else if (target != NULL && is_w (reader, "numFmt"))
        {
          g_free (*target);
          *target = w_attribute (docx, reader, "val");
          target = NULL;
        }
    }
  return error == NULL || *error == NULL;
}

static gboolean
read_core_properties (Docx    *docx,
                      GError **error)
{
  const char *part = "docProps/core.xml";
  GBytes *bytes = lectern_zip_archive_get_entry (docx->archive, part);
  g_autoptr(xmlTextReader) reader = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;

  if (bytes == NULL || (reader = lectern_office_xml_reader_new (bytes, part)) == NULL)
    return TRUE;
  while (lectern_office_xml_next (reader, FALSE, docx->name, part, error))
    {
      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (lectern_office_xml_is (reader, dc_ns, "title"))
        {
          g_autofree char *text = lectern_office_xml_element_text (reader);

          lectern_extract_set_title (docx->extract, text);
        }
      else if (lectern_office_xml_is (reader, dc_ns, "creator"))
        {
          g_autofree char *text = lectern_office_xml_element_text (reader);

          lectern_extract_set_author (docx->extract, text);
        }
      else if (lectern_office_xml_is (reader, dc_ns, "language"))
        {
          g_autofree char *text = lectern_office_xml_element_text (reader);

          lectern_extract_set_language (docx->extract, text);
        }
      else if (lectern_office_xml_is (reader, dcterms_ns, "created"))
        {
          g_free (created);
          created = lectern_office_xml_element_text (reader);
        }
      else if (lectern_office_xml_is (reader, dcterms_ns, "modified"))
        {
          g_free (modified);
          modified = lectern_office_xml_element_text (reader);
        }
    }
  /* When it was written, rather than when it was last saved. */
  lectern_extract_set_date (docx->extract, created != NULL ? created : modified);
  return error == NULL || *error == NULL;
}

/* ------------------------------------------------------------------ */
/* Text, to the document or to the side text being gathered            */

static void
ensure_block (Docx *docx)
{
  LecternStructureKind kind;
  g_autofree char *value = NULL;
  int level = 0;

  if (docx->story != NULL || docx->block_open || docx->in_row || docx->paragraph_depth != 1)
    return;

  kind = style_kind (docx, docx->paragraph_style, &level);
  if (docx->paragraph_level >= 0)
    {
      /* The paragraph's own outline level wins; 9 is body text. */
      level = docx->paragraph_level < 9 ? docx->paragraph_level + 1 : 0;
      kind = level > 0 ? LECTERN_STRUCTURE_KIND_HEADING : LECTERN_STRUCTURE_KIND_PARAGRAPH;
    }
  if (kind != LECTERN_STRUCTURE_KIND_HEADING && docx->paragraph_numbered)
    kind = LECTERN_STRUCTURE_KIND_LIST_ITEM;
  if (kind == LECTERN_STRUCTURE_KIND_HEADING)
    value = g_strdup_printf ("%d", MIN (level, 6));
  docx->block = lectern_extract_open_block (docx->extract, kind, value);
  docx->block_open = TRUE;
}

/* Outside a paragraph of the body there is nothing to write to. */
static gboolean
can_write (Docx *docx)
{
  if (docx->story != NULL)
    return TRUE;
  ensure_block (docx);
  return docx->block_open || docx->in_row;
}

static void
write_text (Docx       *docx,
            const char *text)
{
  if (!can_write (docx))
    return;
  /* Spaces that open a paragraph are indentation, not text. */
  if (!docx->paragraph_has_text)
    text += strspn (text, " \t\n\r");
  if (*text == '\0')
    return;
  docx->paragraph_has_text = TRUE;
  if (docx->story != NULL)
    lectern_office_story_append (docx->story, text, -1);
  else
    lectern_extract_append (docx->extract, text, -1);
}

static void
write_tab (Docx *docx)
{
  if (!can_write (docx) || !docx->paragraph_has_text)
    return;
  /* In a table a tab would read as a new cell. */
  if (docx->story != NULL)
    lectern_office_story_append (docx->story, " ", 1);
  else if (docx->in_row)
    lectern_extract_append_inline (docx->extract, " ", 1);
  else
    lectern_extract_append (docx->extract, "\t", 1);
}

static void
write_line_break (Docx *docx)
{
  if (!can_write (docx) || !docx->paragraph_has_text)
    return;
  if (docx->story != NULL)
    lectern_office_story_append (docx->story, " ", 1);
  else if (docx->in_row)
    lectern_extract_append_inline (docx->extract, " ", 1);
  else
    lectern_extract_line_break (docx->extract);
}

/* A w:br that breaks the line, not the page or the column. */
static gboolean
is_line_break (Docx             *docx,
               xmlTextReaderPtr  reader)
{
  g_autofree char *type = NULL;

  if (!is_w (reader, "br"))
    return FALSE;
  type = w_attribute (docx, reader, "type");
  return type == NULL || strcmp (type, "textWrapping") == 0;
}

static void
start_paragraph (Docx             *docx,
                 xmlTextReaderPtr  reader)
{
  docx->paragraph_depth++;
  if (docx->story != NULL)
    {
      if (docx->paragraph_depth == 1)
        lectern_office_story_paragraph (docx->story);
      else
        lectern_office_story_append (docx->story, " ", 1);
      docx->paragraph_has_text = FALSE;
      return;
    }
  if (docx->paragraph_depth > 1)
    {
      /* A text box's paragraph, inside the paragraph holding it. */
      if (can_write (docx))
        lectern_extract_append_inline (docx->extract, " ", 1);
      return;
    }
  if (docx->in_row)
    {
      if (docx->cell_paragraphs++ > 0)
        lectern_extract_append_inline (docx->extract, " ", 1);
      docx->paragraph_has_text = FALSE;
      return;
    }
  g_clear_pointer (&docx->paragraph_style, g_free);
  docx->paragraph_level = -1;
  docx->paragraph_numbered = FALSE;
  docx->paragraph_has_text = FALSE;
}

static void
end_paragraph (Docx *docx)
{
  if (docx->paragraph_depth == 0)
    return;
  docx->paragraph_depth--;
  if (docx->paragraph_depth == 0 && docx->story == NULL && docx->block_open && !docx->in_row)
    {
      lectern_extract_close_block (docx->extract, docx->block);
      docx->block_open = FALSE;
    }
}

static void
note_reference (Docx             *docx,
                xmlTextReaderPtr  reader,
                gboolean          endnote)
{
  g_autofree char *id = w_attribute (docx, reader, "id");
  g_autofree char *custom = w_attribute (docx, reader, "customMarkFollows");
  NoteRef ref = { 0 };
  guint *count = endnote ? &docx->endnote_count : &docx->footnote_count;

  if (docx->story != NULL || id == NULL || docx->note_refs->len >= MAX_SIDE_TEXTS
      || !can_write (docx))
    return;
  ref.id = g_steal_pointer (&id);
  ref.endnote = endnote;
  if (is_true (custom))
    {
      /* The mark is the text of the run that follows. */
      ref.mark = g_strdup ("*");
      docx->custom_mark = docx->note_refs->len;
    }
  else
    {
      /* Marks count the notes numbered automatically, as Word does. */
      ref.mark = format_mark (endnote ? (docx->endnote_format != NULL ? docx->endnote_format : "lowerRoman")
                                      : docx->footnote_format, ++*count);
      docx->paragraph_has_text = TRUE;
      lectern_extract_append (docx->extract, ref.mark, -1);
    }
  g_array_append_val (docx->note_refs, ref);
}

static void
comment_mark (Docx             *docx,
              xmlTextReaderPtr  reader,
              gboolean          start,
              gboolean          reference)
{
  g_autofree char *id = w_attribute (docx, reader, "id");
  CommentRange *range;
  guint here;

  if (docx->story != NULL || id == NULL)
    return;
  here = lectern_extract_get_length (docx->extract);
  range = g_hash_table_lookup (docx->ranges, id);
  if (range == NULL)
    {
      if (!start && !reference)
        return;   /* an end without a start */
      if (g_hash_table_size (docx->ranges) >= MAX_SIDE_TEXTS)
        return;
      range = g_new0 (CommentRange, 1);
      range->start = here;
      range->end = here;
      g_ptr_array_add (docx->range_order, g_strdup (id));
      g_hash_table_insert (docx->ranges, g_steal_pointer (&id), range);
      /* A reference alone marks a point. */
      range->ended = reference;
      return;
    }
  if (!start && !range->ended)
    {
      range->end = here;
      range->ended = TRUE;
    }
}

/* The side texts of a part (footnotes.xml, endnotes.xml, comments.xml):
 * one story per element @container, by its id. */
typedef enum
{
  PART_DOCUMENT,
  PART_FOOTNOTES,
  PART_ENDNOTES,
  PART_COMMENTS,
} PartKind;

static gboolean
read_part (Docx       *docx,
           const char *part,
           PartKind    kind,
           GError    **error)
{
  GBytes *bytes = lectern_zip_archive_get_entry (docx->archive, part);
  g_autoptr(xmlTextReader) reader = NULL;
  const char *container = kind == PART_FOOTNOTES ? "footnote" : kind == PART_ENDNOTES ? "endnote" : "comment";
  g_autofree char *story_id = NULL;
  Comment *comment = NULL;
  gboolean in_body = FALSE;
  gboolean skip = FALSE;
  guint steps = 0;

  if (bytes == NULL)
    {
      if (kind != PART_DOCUMENT)
        return TRUE;
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                   _("“%s” is not a Word document: it has no %s"), docx->name, part);
      return FALSE;
    }
  reader = lectern_office_xml_reader_new (bytes, part);
  if (reader == NULL)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is refused: its part “%s” is too large"), docx->name, part);
      return FALSE;
    }

  docx->paragraph_depth = 0;
  docx->table_depth = 0;
  docx->run_depth = 0;
  docx->in_text = FALSE;
  docx->in_row = FALSE;
  docx->block_open = FALSE;
  docx->custom_mark = -1;

  while (lectern_office_xml_next (reader, skip, docx->name, part, error))
    {
      int type = xmlTextReaderNodeType (reader);
      gboolean empty = type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (reader);
      gboolean end = type == XML_READER_TYPE_END_ELEMENT || empty;

      skip = FALSE;
      if ((++steps & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (docx->cancellable, error))
        return FALSE;

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
          || type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA)
        {
          const char *text = (const char *) xmlTextReaderConstValue (reader);

          if (!docx->in_text || text == NULL)
            continue;
          if (docx->custom_mark >= 0)
            {
              NoteRef *ref = &g_array_index (docx->note_refs, NoteRef, docx->custom_mark);
              g_autofree char *mark = g_strstrip (g_strndup (text, 32));

              if (*mark != '\0')
                {
                  g_free (ref->mark);
                  ref->mark = g_steal_pointer (&mark);
                }
              docx->custom_mark = -1;
            }
          write_text (docx, text);
          continue;
        }
      if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
        continue;

      if (type == XML_READER_TYPE_ELEMENT && xmlTextReaderDepth (reader) == 0)
        take_namespace (docx, reader);

      /* What is skipped whole: deletions (changes accepted), field
       * codes, the first of alternate content's two renderings (the
       * fallback is read), run, table and section properties, and a
       * paragraph's properties before a tracked change. Paragraph
       * properties are read (their tab stops are w:tab too: a tab is
       * text only inside a run). */
      if (type == XML_READER_TYPE_ELEMENT && !empty
          && (is_w (reader, "del") || is_w (reader, "moveFrom") || is_w (reader, "instrText")
              || is_w (reader, "delInstrText") || is_w (reader, "delText") || is_w (reader, "rPr")
              || is_w (reader, "pPrChange") || is_w (reader, "tblPr") || is_w (reader, "sectPr")
              || is_w (reader, "tcPr") || is_w (reader, "trPr")
              || lectern_office_xml_is (reader, mc_ns, "Choice")))
        {
          skip = TRUE;
          continue;
        }

      if (kind != PART_DOCUMENT && is_w (reader, container))
        {
          if (type == XML_READER_TYPE_ELEMENT)
            {
              g_autofree char *note_type = w_attribute (docx, reader, "type");

              g_clear_pointer (&story_id, g_free);
              if (note_type != NULL && strcmp (note_type, "normal") != 0)
                {
                  /* A separator, not a note. */
                  skip = !empty;
                  continue;
                }
              story_id = w_attribute (docx, reader, "id");
              docx->story = lectern_office_story_new ();
              if (kind == PART_COMMENTS)
                {
                  comment = g_new0 (Comment, 1);
                  comment->author = w_attribute (docx, reader, "author");
                  comment->date = w_attribute (docx, reader, "date");
                }
            }
          if (end && docx->story != NULL)
            {
              GHashTable *table = kind == PART_FOOTNOTES ? docx->footnotes
                                  : kind == PART_ENDNOTES ? docx->endnotes : docx->comments;

              if (story_id != NULL && g_hash_table_size (table) < MAX_SIDE_TEXTS)
                {
                  if (comment != NULL)
                    {
                      comment->story = g_steal_pointer (&docx->story);
                      g_hash_table_replace (table, g_steal_pointer (&story_id), g_steal_pointer (&comment));
                    }
                  else
                    g_hash_table_replace (table, g_steal_pointer (&story_id), g_steal_pointer (&docx->story));
                }
              g_clear_pointer (&docx->story, lectern_office_story_free);
              g_clear_pointer (&comment, comment_free);
              g_clear_pointer (&story_id, g_free);
            }
          continue;
        }
      if (kind == PART_DOCUMENT && is_w (reader, "body"))
        {
          in_body = type == XML_READER_TYPE_ELEMENT && !empty;
          continue;
        }
      if (kind == PART_DOCUMENT ? !in_body : docx->story == NULL)
        continue;

      if (is_w (reader, "p"))
        {
          if (type == XML_READER_TYPE_ELEMENT)
            start_paragraph (docx, reader);
          if (end)
            end_paragraph (docx);
        }
      else if (is_w (reader, "pPr"))
        docx->in_paragraph_properties = type == XML_READER_TYPE_ELEMENT && !empty;
      else if (docx->in_paragraph_properties)
        {
          /* Only the paragraph's own properties, and only in the body. */
          if (type != XML_READER_TYPE_ELEMENT || docx->story != NULL || docx->paragraph_depth != 1
              || docx->in_row || docx->block_open)
            continue;
          if (is_w (reader, "pStyle"))
            {
              g_free (docx->paragraph_style);
              docx->paragraph_style = w_attribute (docx, reader, "val");
            }
          else if (is_w (reader, "outlineLvl"))
            {
              g_autofree char *value = w_attribute (docx, reader, "val");
              guint64 level;

              if (value != NULL && g_ascii_string_to_unsigned (value, 10, 0, 9, &level, NULL))
                docx->paragraph_level = (int) level;
            }
          else if (is_w (reader, "numId"))
            {
              g_autofree char *value = w_attribute (docx, reader, "val");

              docx->paragraph_numbered = value != NULL && strcmp (value, "0") != 0;
            }
        }
      else if (is_w (reader, "tbl"))
        {
          if (type == XML_READER_TYPE_ELEMENT && !empty)
            docx->table_depth++;
          else if (type == XML_READER_TYPE_END_ELEMENT && docx->table_depth > 0)
            docx->table_depth--;
        }
      else if (is_w (reader, "tr"))
        {
          /* Rows of the outer table are lines; a nested table's rows are
           * read inline in the outer cell. */
          if (docx->table_depth != 1 || docx->story != NULL || docx->paragraph_depth > 0)
            {
              if (type == XML_READER_TYPE_ELEMENT && can_write (docx))
                {
                  if (docx->story != NULL)
                    lectern_office_story_append (docx->story, " ", 1);
                  else
                    lectern_extract_append_inline (docx->extract, " ", 1);
                }
              continue;
            }
          if (type == XML_READER_TYPE_ELEMENT && !docx->in_row)
            {
              docx->block = lectern_extract_open_block (docx->extract, LECTERN_STRUCTURE_KIND_TABLE_ROW, NULL);
              docx->in_row = TRUE;
              docx->cell_index = 0;
            }
          if (end && docx->in_row)
            {
              lectern_extract_close_block (docx->extract, docx->block);
              docx->in_row = FALSE;
            }
        }
      else if (is_w (reader, "tc"))
        {
          if (type != XML_READER_TYPE_ELEMENT)
            continue;
          if (docx->in_row && docx->table_depth == 1 && docx->paragraph_depth == 0)
            {
              if (docx->cell_index++ > 0)
                lectern_extract_append (docx->extract, "\t", 1);
              docx->cell_paragraphs = 0;
            }
          else if (can_write (docx))
            {
              if (docx->story != NULL)
                lectern_office_story_append (docx->story, " ", 1);
              else
                lectern_extract_append_inline (docx->extract, " ", 1);
            }
        }
      else if (is_w (reader, "r"))
        {
          if (type == XML_READER_TYPE_ELEMENT && !empty)
            docx->run_depth++;
          else if (type == XML_READER_TYPE_END_ELEMENT && docx->run_depth > 0)
            docx->run_depth--;
        }
      else if (is_w (reader, "t"))
        docx->in_text = type == XML_READER_TYPE_ELEMENT && !empty && docx->run_depth > 0;
      else if (type != XML_READER_TYPE_ELEMENT)
        continue;
      else if (docx->run_depth > 0 && is_w (reader, "tab"))
        write_tab (docx);
      else if (docx->run_depth > 0 && (is_w (reader, "cr") || is_line_break (docx, reader)))
        write_line_break (docx);
      else if (docx->run_depth > 0 && is_w (reader, "noBreakHyphen"))
        write_text (docx, "\u2011");
      else if (is_w (reader, "footnoteReference"))
        note_reference (docx, reader, FALSE);
      else if (is_w (reader, "endnoteReference"))
        note_reference (docx, reader, TRUE);
      else if (is_w (reader, "commentRangeStart"))
        comment_mark (docx, reader, TRUE, FALSE);
      else if (is_w (reader, "commentRangeEnd"))
        comment_mark (docx, reader, FALSE, FALSE);
      else if (is_w (reader, "commentReference"))
        comment_mark (docx, reader, FALSE, TRUE);
    }

  g_clear_pointer (&docx->story, lectern_office_story_free);
  g_clear_pointer (&comment, comment_free);
  if (docx->block_open && docx->story == NULL)
    {
      /* A part cut short: what was read is kept. */
      lectern_extract_close_block (docx->extract, docx->block);
      docx->block_open = FALSE;
    }
  return error == NULL || *error == NULL;
}

/* ------------------------------------------------------------------ */
/* The end of the document: footnotes, endnotes, comments              */

static void
write_side_texts (Docx *docx)
{
  g_autoptr(LecternOfficeNoteWriter) notes = NULL;

  for (guint i = 0; i < docx->note_refs->len; i++)
    {
      NoteRef *ref = &g_array_index (docx->note_refs, NoteRef, i);
      LecternOfficeStory *story = g_hash_table_lookup (ref->endnote ? docx->endnotes : docx->footnotes, ref->id);
      guint block;

      if (story == NULL)
        continue;
      block = lectern_extract_open_block (docx->extract, LECTERN_STRUCTURE_KIND_FOOTNOTE, ref->mark);
      lectern_office_story_write (story, docx->extract);
      lectern_extract_close_block (docx->extract, block);
    }

  notes = lectern_office_note_writer_new (docx->extract);
  for (guint i = 0; i < docx->range_order->len; i++)
    {
      const char *id = g_ptr_array_index (docx->range_order, i);
      CommentRange *range = g_hash_table_lookup (docx->ranges, id);
      Comment *comment = g_hash_table_lookup (docx->comments, id);
      g_autofree char *text = NULL;

      if (comment == NULL)
        continue;
      text = lectern_office_story_to_string (comment->story);
      lectern_office_note_writer_add (notes, range->start, range->ended ? range->end : range->start,
                                      comment->author, comment->date, text);
    }
}

static gboolean
contains (const guint8 *data,
          gsize         size,
          const char   *needle,
          gsize         length)
{
  for (gsize i = 0; i + length <= size; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

/* An encrypted OOXML file is an OLE compound file holding the encrypted
 * package; so is a Word 97–2003 document. */
static gboolean
refuse_compound_file (GBytes      *bytes,
                      const char  *display_name,
                      GError     **error)
{
  static const guint8 ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  /* "EncryptedPackage" as an OLE directory entry names it (UTF-16LE). */
  static const char package[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (size < sizeof ole || memcmp (data, ole, sizeof ole) != 0)
    return FALSE;
  if (contains (data, size, package, sizeof package - 1))
    g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_ENCRYPTED,
                 _("“%s” is protected by a password: open it in Word or LibreOffice, "
                   "save it without a password, and import it again"), display_name);
  else
    g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                 _("“%s” is an older Word document (.doc), not a .docx: save it as .docx "
                   "and import it again"), display_name);
  return TRUE;
}

static gboolean
wanted_part (const char *path,
             gpointer    user_data)
{
  return g_str_has_suffix (path, ".xml") || g_str_has_suffix (path, ".rels");
}

GPtrArray *
lectern_docx_reader_read (GBytes        *bytes,
                          const char    *display_name,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(LecternZipArchive) archive = NULL;
  g_autoptr(LecternExtract) extract = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) result = NULL;
  Docx docx = { 0 };
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (refuse_compound_file (bytes, display_name, error))
    return NULL;
  archive = lectern_zip_archive_new_from_bytes (bytes, display_name, wanted_part, NULL,
                                                cancellable, error);
  if (archive == NULL)
    return NULL;
  if (lectern_zip_archive_get_entry (archive, MAIN_PART) == NULL)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                   _("“%s” is not a Word document: it has no %s"), display_name, MAIN_PART);
      return NULL;
    }

  extract = lectern_extract_new ("docx");
  docx.name = display_name;
  docx.ns = w_ns[0];
  docx.archive = archive;
  docx.extract = extract;
  docx.cancellable = cancellable;
  docx.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_free);
  docx.comments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, comment_free);
  docx.footnotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) lectern_office_story_free);
  docx.endnotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) lectern_office_story_free);
  docx.note_refs = g_array_new (FALSE, TRUE, sizeof (NoteRef));
  g_array_set_clear_func (docx.note_refs, note_ref_clear);
  docx.ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  docx.range_order = g_ptr_array_new_with_free_func (g_free);
  docx.paragraph_level = -1;
  docx.custom_mark = -1;

  ok = read_core_properties (&docx, &local_error)
       && read_styles (&docx, &local_error)
       && read_settings (&docx, &local_error)
       && read_part (&docx, "word/footnotes.xml", PART_FOOTNOTES, &local_error)
       && read_part (&docx, "word/endnotes.xml", PART_ENDNOTES, &local_error)
       && read_part (&docx, "word/comments.xml", PART_COMMENTS, &local_error)
       && read_part (&docx, MAIN_PART, PART_DOCUMENT, &local_error);
  if (ok)
    write_side_texts (&docx);
  docx_clear (&docx);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  result = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (result, g_steal_pointer (&extract));
  return g_steal_pointer (&result);
}
