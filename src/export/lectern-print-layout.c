/* lectern-print-layout.c — Pango pagination shared by PDF export and
 * printing.
 *
 * Content is one or two flows of text, each a PangoLayout: a document's
 * text (narrowed for a margin of notes) and its endnotes, or the report.
 * Pagination cuts flows between lines; drawing a page shows only its own
 * lines, so each page of a PDF holds only its own text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lectern-print-layout-private.h"

#define TEXT_FONT   "Serif 11"
#define NOTE_FONT   "Sans 8"
#define REPORT_FONT "Sans 10"
#define MARGIN_SHARE 0.30   /* of the page width, for margin notes */
#define GUTTER       12.0   /* points between text and margin notes */
#define NOTE_GAP     4.0
#define HIGHLIGHT_ALPHA 0.40
#define DEFAULT_COLOUR "#f6d32d"
#define FOOTER_FONT  "Sans 8"
#define FOOTER_SPACE 24.0   /* points kept free at the page foot for its number */
#define KEEP_LINES   2      /* lines that a heading keeps on its page */

typedef struct
{
  int    start;      /* byte indices into the flow's text */
  int    end;
  double rgb[3];
} Highlight;

typedef struct
{
  guint  number;
  int    anchor;     /* byte index in the text where its passage starts */
  char  *tags;       /* "Claims/Dam blamed · Trust", or NULL */
  char  *text;       /* the note, or NULL */
  double rgb[3];
} Note;

/* A heading of the main flow, for keep-with-next and the PDF outline. */
typedef struct
{
  int    index;      /* byte index in the text where its line starts */
  guint  level;      /* 0: the title */
  char  *text;
  guint  page;       /* where the last pagination put it */
  double y;
} Heading;

/* One page's share of a flow: lines [first, last) shifted up by @top. */
typedef struct
{
  guint  flow;       /* 0: main text, 1: endnotes */
  int    first;
  int    last;
  double top;        /* flow y of the page's first line */
  double offset;     /* page y where that line goes */
} Slice;

typedef struct
{
  PangoLayout *layout;
  double       y;
  double       rgb[3];
} PlacedNote;

typedef struct
{
  GArray    *slices;       /* Slice */
  GPtrArray *notes;        /* PlacedNote */
} Page;

/* A flow is cut into blocks, one PangoLayout per line of its text:
 * Pango counts characters from the start of a layout for each of its
 * lines, which is quadratic for a whole book in one layout. */
typedef struct
{
  GPtrArray   *blocks;     /* PangoLayout */
  GArray      *line_start; /* int: byte index of each line in the flow's text */
  GArray      *line_block; /* int: the block of each line */
  GArray      *block_start;/* int: byte index of each block in the flow's text */
  GArray      *line_y;     /* double: top of each line */
  GArray      *line_h;     /* double */
  GArray      *baseline;   /* double */
  GArray      *line_x;     /* double: left edge, for right-aligned RTL lines */
  GPtrArray   *lines;      /* PangoLayoutLine, borrowed from the layout */
} Flow;

struct _LecternPrintLayout
{
  GObject        parent_instance;
  gboolean       is_document;
  char          *text;          /* main flow text */
  PangoAttrList *attrs;         /* main flow attributes */
  GArray        *highlights;    /* Highlight */
  GArray        *notes;         /* Note */
  GArray        *headings;      /* Heading, in reading order */
  Flow           flows[2];
  GArray        *pages;         /* Page */
  double         width;
  double         height;        /* of the text, above the page number */
  double         page_height;
};

G_DEFINE_FINAL_TYPE (LecternPrintLayout, lectern_print_layout, G_TYPE_OBJECT)

static void
clear_flow (Flow *flow)
{
  g_clear_pointer (&flow->blocks, g_ptr_array_unref);
  g_clear_pointer (&flow->line_start, g_array_unref);
  g_clear_pointer (&flow->line_block, g_array_unref);
  g_clear_pointer (&flow->block_start, g_array_unref);
  g_clear_pointer (&flow->line_y, g_array_unref);
  g_clear_pointer (&flow->line_h, g_array_unref);
  g_clear_pointer (&flow->baseline, g_array_unref);
  g_clear_pointer (&flow->line_x, g_array_unref);
  g_clear_pointer (&flow->lines, g_ptr_array_unref);
}

static void
clear_page (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->slices, g_array_unref);
  g_clear_pointer (&page->notes, g_ptr_array_unref);
}

static void
clear_note (gpointer data)
{
  Note *note = data;

  g_clear_pointer (&note->tags, g_free);
  g_clear_pointer (&note->text, g_free);
}

static void
clear_heading (gpointer data)
{
  Heading *heading = data;

  g_clear_pointer (&heading->text, g_free);
}

static void
free_placed_note (gpointer data)
{
  PlacedNote *placed = data;

  g_clear_object (&placed->layout);
  g_free (placed);
}

static void
lectern_print_layout_finalize (GObject *object)
{
  LecternPrintLayout *self = LECTERN_PRINT_LAYOUT (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  g_clear_pointer (&self->highlights, g_array_unref);
  g_clear_pointer (&self->notes, g_array_unref);
  g_clear_pointer (&self->headings, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  clear_flow (&self->flows[0]);
  clear_flow (&self->flows[1]);

  G_OBJECT_CLASS (lectern_print_layout_parent_class)->finalize (object);
}

static void
lectern_print_layout_class_init (LecternPrintLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_print_layout_finalize;
}

static void
lectern_print_layout_init (LecternPrintLayout *self)
{
  self->highlights = g_array_new (FALSE, FALSE, sizeof (Highlight));
  self->notes = g_array_new (FALSE, FALSE, sizeof (Note));
  g_array_set_clear_func (self->notes, clear_note);
  self->headings = g_array_new (FALSE, FALSE, sizeof (Heading));
  g_array_set_clear_func (self->headings, clear_heading);
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  g_array_set_clear_func (self->pages, clear_page);
}

static void
parse_colour (const char *colour,
              double      rgb[3])
{
  guint value;

  if (colour == NULL || colour[0] != '#' || strlen (colour) != 7)
    colour = DEFAULT_COLOUR;
  value = (guint) g_ascii_strtoull (colour + 1, NULL, 16);
  rgb[0] = ((value >> 16) & 0xff) / 255.0;
  rgb[1] = ((value >> 8) & 0xff) / 255.0;
  rgb[2] = (value & 0xff) / 255.0;
}

static void
add_heading (LecternPrintLayout *self,
             int                 index,
             guint               level,
             const char         *text)
{
  Heading heading = { index, level, g_strdup (text), 0, 0 };

  g_array_append_val (self->headings, heading);
}

/* The tag paths of @tags on one line, for a printout in black and white. */
static char *
join_tags (GPtrArray *tags)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < tags->len; i++)
    {
      if (i > 0)
        g_string_append (line, " · ");
      g_string_append (line, lectern_tag_get_path (g_ptr_array_index (tags, i)));
    }
  return g_string_free (line, FALSE);
}

static const char *
first_colour (LecternExportSelection *selection,
              LecternAnnotation      *annotation)
{
  g_autoptr(GPtrArray) tags = _lectern_export_selection_list_tags (selection, annotation);

  return tags->len > 0 ? lectern_tag_get_colour (g_ptr_array_index (tags, 0)) : NULL;
}

/* Markup-escaped, with control characters (which markup refuses) made
 * visible as U+FFFD. */
static void
append_text (GString    *markup,
             const char *text)
{
  g_autofree char *clean = g_strdup (text != NULL ? text : "");
  g_autofree char *escaped = NULL;
  GString *visible = g_string_new (NULL);

  for (const char *p = clean; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (visible, '\n');
        }
      else if (((guchar) *p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
        g_string_append (visible, "\xEF\xBF\xBD");
      else
        g_string_append_c (visible, *p);
    }
  escaped = g_markup_escape_text (visible->str, -1);
  g_string_free (visible, TRUE);
  g_string_append (markup, escaped);
}

/* Text with its attributes, built directly: Pango markup parsing is
 * quadratic in the number of spans, too slow for 100,000 passages.
 * Attributes are inserted in order of their start, which keeps
 * pango_attr_list_insert() appending. */
typedef struct
{
  GString       *text;
  PangoAttrList *attrs;
} Rich;

static void
rich_init (Rich *rich)
{
  rich->text = g_string_new (NULL);
  rich->attrs = pango_attr_list_new ();
}

static void
rich_clear (Rich *rich)
{
  if (rich->text != NULL)
    g_string_free (rich->text, TRUE);
  g_clear_pointer (&rich->attrs, pango_attr_list_unref);
}

/* Appends @text as it is, control characters made visible; returns where
 * it starts. */
static guint
rich_append (Rich       *rich,
             const char *text)
{
  guint start = rich->text->len;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (rich->text, '\n');
        }
      else if (((guchar) *p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
        g_string_append (rich->text, "\xEF\xBF\xBD");
      else
        g_string_append_c (rich->text, *p);
    }
  return start;
}

/* Gives [start, end of text) the attribute (taking it). */
static void
rich_span (Rich           *rich,
           guint           start,
           PangoAttribute *attribute)
{
  attribute->start_index = start;
  attribute->end_index = rich->text->len;
  pango_attr_list_insert (rich->attrs, attribute);
}

static void
rich_rgb (const char *colour,
          guint16     rgb[3])
{
  double value[3];

  parse_colour (colour, value);
  for (guint i = 0; i < 3; i++)
    rgb[i] = (guint16) (value[i] * 65535);
}

/* ------------------------------------------------------------------ */
/* Construction                                                        */

LecternPrintLayout *
_lectern_print_layout_new_document (LecternExportSelection  *selection,
                                    LecternDocument         *document,
                                    GError                 **error)
{
  g_autoptr(LecternPrintLayout) self = g_object_new (LECTERN_TYPE_PRINT_LAYOUT, NULL);
  g_autoptr(GPtrArray) annotations =
    _lectern_export_selection_list_document_annotations (selection, lectern_document_get_id (document));
  g_autofree char *text = lectern_project_dup_text (selection->project, lectern_document_get_id (document), error);
  const char *title = lectern_document_get_title (document);
  g_autoptr(GString) header = g_string_new (NULL);
  PangoAttribute *attribute;
  guint number = 0;
  int offset;
  const char *walker;
  glong walked = 0;
  glong length;
  int text_start;

  if (text == NULL)
    return NULL;
  walker = text;

  /* Offsets are stored; the text is what they must fall within. A passage
   * outside it is damage to report, not memory to read. */
  length = g_utf8_strlen (text, -1);
  for (guint i = 0; i < annotations->len; i++)
    {
      LecternAnnotation *annotation = g_ptr_array_index (annotations, i);
      glong start = lectern_annotation_get_start (annotation);
      glong end = lectern_annotation_get_end (annotation);

      if (start < 0 || end < start || end > length)
        {
          g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_DAMAGED,
                       _("The document “%s” is damaged: its passage at characters %ld–%ld lies outside its text (%ld characters); “lectern-cli check” lists such damage"),
                       title != NULL ? title : "", start, end, length);
          return NULL;
        }
    }
  self->is_document = TRUE;

  /* The title heads the first page, inside the main flow. */
  g_string_append (header, title != NULL && *title != '\0' ? title : _("Untitled"));
  g_strdelimit (header->str, "\n", ' ');
  add_heading (self, 0, 0, header->str);
  offset = header->len;
  g_string_append (header, "\n\n");
  /* A text changed since import says which version is printed, as a
   * citation of it would (lectern-export-selection.c). */
  {
    LecternDocumentVersion *version = _lectern_export_selection_document_version (selection, document);

    if (version != NULL && lectern_document_version_get_number (version) > 1)
      {
        guint version_start = header->len;

        g_string_append_printf (header, _("Text version %u"), lectern_document_version_get_number (version));
        attribute = pango_attr_style_new (PANGO_STYLE_ITALIC);
        attribute->start_index = version_start;
        attribute->end_index = header->len;
        if (self->attrs == NULL)
          self->attrs = pango_attr_list_new ();
        pango_attr_list_insert (self->attrs, attribute);
        g_string_append (header, "\n\n");
      }
  }
  text_start = header->len;
  g_string_append (header, text);
  self->text = g_string_free (g_steal_pointer (&header), FALSE);
  if (self->attrs == NULL)
    self->attrs = pango_attr_list_new ();
  attribute = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  attribute->start_index = 0;
  attribute->end_index = offset;
  pango_attr_list_insert (self->attrs, attribute);
  attribute = pango_attr_scale_new (1.4);
  attribute->start_index = 0;
  attribute->end_index = offset;
  pango_attr_list_insert (self->attrs, attribute);
  offset = text_start;

  for (guint i = 0; i < annotations->len; i++)
    {
      LecternAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *note = lectern_annotation_get_note (annotation);
      g_autoptr(GPtrArray) tags = _lectern_export_selection_list_tags (selection, annotation);
      Highlight highlight;
      glong start = lectern_annotation_get_start (annotation);
      glong end = lectern_annotation_get_end (annotation);

      /* Starts come in order: walk on from the last one. */
      walker = g_utf8_offset_to_pointer (walker, start - walked);
      walked = start;
      highlight.start = offset + (walker - text);
      highlight.end = offset + (g_utf8_offset_to_pointer (walker, end - start) - text);
      parse_colour (tags->len > 0 ? lectern_tag_get_colour (g_ptr_array_index (tags, 0)) : NULL,
                    highlight.rgb);
      g_array_append_val (self->highlights, highlight);

      /* The margin names the passage's tags as well as its note: colour
       * alone is lost on a black-and-white printer. */
      if ((note != NULL && *note != '\0') || tags->len > 0)
        {
          Note entry;

          entry.number = ++number;
          entry.anchor = highlight.start;
          entry.tags = tags->len > 0 ? join_tags (tags) : NULL;
          entry.text = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
          memcpy (entry.rgb, highlight.rgb, sizeof entry.rgb);
          g_array_append_val (self->notes, entry);
        }
    }
  return g_steal_pointer (&self);
}

typedef struct
{
  LecternExportSelection *selection;
  LecternPrintLayout     *layout;
  Rich                    rich;
} ReportBuilder;

static gboolean
report_heading (guint             level,
                const char       *text,
                LecternDocument  *document,
                LecternTag       *tag,
                gpointer          data,
                GError          **error)
{
  ReportBuilder *builder = data;
  Rich *rich = &builder->rich;
  static const double scales[] = { 1.3, 1.15, 1.0 };
  guint start;

  rich_append (rich, "\n");
  start = rich->text->len;
  add_heading (builder->layout, start, level, text != NULL && *text != '\0' ? text : _("Untitled"));
  if (tag != NULL)
    {
      guint16 rgb[3];
      guint swatch = rich_append (rich, "■");

      rich_rgb (lectern_tag_get_colour (tag), rgb);
      rich_span (rich, swatch, pango_attr_foreground_new (rgb[0], rgb[1], rgb[2]));
      rich_append (rich, " ");
    }
  for (guint i = 1; i < level; i++)
    rich_append (rich, "    ");
  rich_append (rich, text != NULL && *text != '\0' ? text : _("Untitled"));
  rich_span (rich, start, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  rich_span (rich, start, pango_attr_scale_new (scales[MIN (level, G_N_ELEMENTS (scales)) - 1]));
  rich_append (rich, "\n\n");
  return TRUE;
}

static gboolean
report_annotation (LecternAnnotation  *annotation,
                   gpointer            data,
                   GError            **error)
{
  ReportBuilder *builder = data;
  Rich *rich = &builder->rich;
  g_autoptr(GPtrArray) tags = _lectern_export_selection_list_tags (builder->selection, annotation);
  g_autofree char *citation = _lectern_export_selection_citation (builder->selection, annotation);
  const char *note = lectern_annotation_get_note (annotation);
  guint16 rgb[3];
  guint start;

  rich_rgb (first_colour (builder->selection, annotation), rgb);
  start = rich_append (rich, lectern_annotation_get_quote (annotation));
  rich_span (rich, start, pango_attr_background_new (rgb[0], rgb[1], rgb[2]));
  rich_span (rich, start, pango_attr_background_alpha_new ((guint16) (HIGHLIGHT_ALPHA * 65535)));
  rich_append (rich, "\n");
  if (tags->len > 0)
    {
      guint line = rich_append (rich, _("Tags:"));

      rich_span (rich, line, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      rich_append (rich, " ");
      for (guint i = 0; i < tags->len; i++)
        {
          if (i > 0)
            rich_append (rich, ", ");
          rich_append (rich, lectern_tag_get_path (g_ptr_array_index (tags, i)));
        }
      rich_span (rich, line, pango_attr_scale_new (PANGO_SCALE_SMALL));
      rich_append (rich, "\n");
    }
  if (note != NULL && *note != '\0')
    {
      start = rich_append (rich, _("Note:"));
      rich_span (rich, start, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      rich_append (rich, " ");
      rich_append (rich, note);
      rich_append (rich, "\n");
    }
  start = rich_append (rich, "— ");
  rich_append (rich, citation);
  rich_span (rich, start, pango_attr_scale_new (PANGO_SCALE_SMALL));
  rich_span (rich, start, pango_attr_foreground_new (0x5e5e, 0x5c5c, 0x6464));
  rich_append (rich, "\n\n");
  return TRUE;
}

LecternPrintLayout *
_lectern_print_layout_new_report (LecternExportSelection  *selection,
                                  GCancellable            *cancellable,
                                  GError                 **error)
{
  g_autoptr(LecternPrintLayout) self = g_object_new (LECTERN_TYPE_PRINT_LAYOUT, NULL);
  ReportBuilder builder = { selection, self, { NULL, NULL } };
  guint start;

  rich_init (&builder.rich);
  add_heading (self, 0, 0, selection->title);
  start = rich_append (&builder.rich, selection->title);
  rich_span (&builder.rich, start, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  rich_span (&builder.rich, start, pango_attr_scale_new (PANGO_SCALE_X_LARGE));
  rich_append (&builder.rich, "\n");
  if (selection->annotations->len == 0)
    {
      rich_append (&builder.rich, "\n");
      rich_append (&builder.rich, _("No annotation matches this export."));
      rich_append (&builder.rich, "\n");
    }
  if (!_lectern_export_selection_walk (selection, report_heading, report_annotation, &builder,
                                       cancellable, error))
    {
      rich_clear (&builder.rich);
      return NULL;
    }

  self->text = g_string_free (g_steal_pointer (&builder.rich.text), FALSE);
  self->attrs = g_steal_pointer (&builder.rich.attrs);
  return g_steal_pointer (&self);
}

LecternPrintLayout *
lectern_print_layout_new_for_document (LecternProject  *project,
                                       gint64          document_id,
                                       GError        **error)
{
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_PDF);
  g_autoptr(LecternExportSelection) selection = NULL;
  LecternDocument *document;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lectern_export_options_add_document_id (options, document_id);
  selection = _lectern_export_selection_new (project, options, NULL, NULL, NULL, error);
  if (selection == NULL)
    return NULL;
  document = _lectern_export_selection_get_document (selection, document_id);
  if (document == NULL)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND,
                   _("There is no document %" PRId64 " in this project"), document_id);
      return NULL;
    }
  return _lectern_print_layout_new_document (selection, document, error);
}

LecternPrintLayout *
lectern_print_layout_new_for_report (LecternProject         *project,
                                     LecternExportOptions  *options,
                                     GCancellable          *cancellable,
                                     GError               **error)
{
  g_autoptr(LecternExportSelection) selection = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  selection = _lectern_export_selection_new (project, options, NULL, NULL, cancellable, error);
  if (selection == NULL)
    return NULL;
  return _lectern_print_layout_new_report (selection, cancellable, error);
}

/* ------------------------------------------------------------------ */
/* Pagination                                                          */

/* The attributes of @attrs that fall in [start, end), moved to start at 0.
 * @attrs lists them by start: *@cursor remembers where to look next. */
static PangoAttrList *
slice_attributes (GSList  *attrs,
                  GSList **cursor,
                  int      start,
                  int      end)
{
  PangoAttrList *slice = NULL;

  /* Attributes that ended before @start are done with for good only when
   * they also started before every later block: skip by start. */
  while (*cursor != NULL && ((PangoAttribute *) (*cursor)->data)->end_index <= (guint) start
         && ((PangoAttribute *) (*cursor)->data)->start_index <= (guint) start)
    *cursor = (*cursor)->next;
  for (GSList *l = *cursor; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;
      PangoAttribute *copy;

      if (attribute->start_index >= (guint) end)
        break;
      if (attribute->end_index <= (guint) start)
        continue;
      copy = pango_attribute_copy (attribute);
      copy->start_index = MAX (attribute->start_index, (guint) start) - start;
      copy->end_index = MIN (attribute->end_index, (guint) end) - start;
      if (slice == NULL)
        slice = pango_attr_list_new ();
      pango_attr_list_insert (slice, copy);
    }
  return slice;
}

static void
build_flow (Flow          *flow,
            PangoContext  *context,
            const char    *text,
            PangoAttrList *attrs,
            const char    *font_name,
            double         width)
{
  PangoFontDescription *font = pango_font_description_from_string (font_name);
  GSList *all = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;
  GSList *cursor = all;
  const char *p = text;
  double top = 0;

  flow->blocks = g_ptr_array_new_with_free_func (g_object_unref);
  flow->line_start = g_array_new (FALSE, FALSE, sizeof (int));
  flow->line_block = g_array_new (FALSE, FALSE, sizeof (int));
  flow->block_start = g_array_new (FALSE, FALSE, sizeof (int));
  flow->line_y = g_array_new (FALSE, FALSE, sizeof (double));
  flow->line_h = g_array_new (FALSE, FALSE, sizeof (double));
  flow->baseline = g_array_new (FALSE, FALSE, sizeof (double));
  flow->line_x = g_array_new (FALSE, FALSE, sizeof (double));
  flow->lines = g_ptr_array_new ();

  for (;;)
    {
      const char *end = strchr (p, '\n');
      int block_start = p - text;
      int length = end != NULL ? end - p : (int) strlen (p);
      PangoLayout *layout = pango_layout_new (context);
      PangoAttrList *block_attrs = slice_attributes (all, &cursor, block_start, block_start + length);
      PangoLayoutIter *iter;
      int block = flow->blocks->len;
      int height;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (layout, p, length);
      if (block_attrs != NULL)
        {
          pango_layout_set_attributes (layout, block_attrs);
          pango_attr_list_unref (block_attrs);
        }
      g_ptr_array_add (flow->blocks, layout);
      g_array_append_val (flow->block_start, block_start);

      iter = pango_layout_get_iter (layout);
      do
        {
          PangoRectangle logical;
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          double x, y, h, baseline;
          int line_start = block_start + line->start_index;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          x = (double) logical.x / PANGO_SCALE;
          y = top + (double) logical.y / PANGO_SCALE;
          h = (double) logical.height / PANGO_SCALE;
          baseline = top + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
          g_array_append_val (flow->line_y, y);
          g_array_append_val (flow->line_h, h);
          g_array_append_val (flow->baseline, baseline);
          g_array_append_val (flow->line_x, x);
          g_array_append_val (flow->line_start, line_start);
          g_array_append_val (flow->line_block, block);
          g_ptr_array_add (flow->lines, line);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
      pango_layout_get_size (layout, NULL, &height);
      top += (double) height / PANGO_SCALE;

      if (end == NULL)
        break;
      p = end + 1;
    }

  g_slist_free_full (all, (GDestroyNotify) pango_attribute_destroy);
  pango_font_description_free (font);
}

static Page *
add_page (LecternPrintLayout *self)
{
  Page page = { g_array_new (FALSE, FALSE, sizeof (Slice)),
                g_ptr_array_new_with_free_func (free_placed_note) };

  g_array_append_val (self->pages, page);
  return &g_array_index (self->pages, Page, self->pages->len - 1);
}

/* For each line of the main flow that belongs to a heading, the last line
 * that must share its page: the KEEP_LINES-th line of text after it
 * (blank lines and further headings do not count); -1 for other lines. */
static int *
keep_with_next (LecternPrintLayout *self)
{
  Flow *flow = &self->flows[0];
  int n_lines = flow->lines->len;
  int *keep = g_new (int, n_lines);
  gboolean *is_heading = g_new0 (gboolean, n_lines);
  int line = 0;

  for (guint i = 0; i < self->headings->len; i++)
    {
      Heading *heading = &g_array_index (self->headings, Heading, i);
      int block;

      while (line + 1 < n_lines && g_array_index (flow->line_start, int, line + 1) <= heading->index)
        line++;
      /* Every line of the heading's block: a long heading wraps. */
      block = g_array_index (flow->line_block, int, line);
      for (int l = line; l < n_lines && g_array_index (flow->line_block, int, l) == block; l++)
        is_heading[l] = TRUE;
    }

  for (int l = 0; l < n_lines; l++)
    {
      int seen = 0;
      int j = l + 1;

      keep[l] = -1;
      if (!is_heading[l])
        continue;
      for (; j < n_lines; j++)
        if (!is_heading[j] && ((PangoLayoutLine *) g_ptr_array_index (flow->lines, j))->length > 0
            && ++seen == KEEP_LINES)
          break;
      keep[l] = MIN (j, n_lines - 1);
    }
  g_free (is_heading);
  return keep;
}

/* Cuts flow @index into slices from page @page_nr at @page_y on; returns
 * the page y where the flow ends on its last page. A heading whose @keep
 * lines do not fit below it goes to the next page. */
static double
paginate_flow (LecternPrintLayout *self,
               guint               index,
               guint              *page_nr,
               double              page_y,
               const int          *keep)
{
  Flow *flow = &self->flows[index];
  int n_lines = flow->line_y->len;
  int first = 0;

  while (first < n_lines)
    {
      double top = g_array_index (flow->line_y, double, first);
      int last = first;
      Slice slice;

      while (last < n_lines
             && g_array_index (flow->line_y, double, last) + g_array_index (flow->line_h, double, last)
                - top + page_y <= self->height)
        last++;
      /* A line taller than a page still goes somewhere. */
      if (last == first && page_y == 0)
        last = first + 1;
      if (keep != NULL && last < n_lines)
        for (int l = first + 1; l < last; l++)
          if (keep[l] >= last)
            {
              last = l;
              break;
            }
      if (last > first)
        {
          Page *page = &g_array_index (self->pages, Page, *page_nr);

          slice.flow = index;
          slice.first = first;
          slice.last = last;
          slice.top = top;
          slice.offset = page_y;
          g_array_append_val (page->slices, slice);
          page_y += g_array_index (flow->line_y, double, last - 1)
                    + g_array_index (flow->line_h, double, last - 1) - top;
          first = last;
        }
      if (first < n_lines)
        {
          add_page (self);
          (*page_nr)++;
          page_y = 0;
        }
    }
  return page_y;
}

/* Where each line of the main flow went: its page and its y there. */
static void
map_lines (LecternPrintLayout *self,
           guint              *line_page,
           double             *line_y)
{
  for (guint p = 0; p < self->pages->len; p++)
    {
      Page *page = &g_array_index (self->pages, Page, p);

      for (guint s = 0; s < page->slices->len; s++)
        {
          Slice *slice = &g_array_index (page->slices, Slice, s);

          if (slice->flow != 0)
            continue;
          for (int line = slice->first; line < slice->last; line++)
            {
              line_page[line] = p;
              line_y[line] = g_array_index (self->flows[0].line_y, double, line) - slice->top + slice->offset;
            }
        }
    }
}

guint
lectern_print_layout_paginate (LecternPrintLayout *self,
                               cairo_t            *cr,
                               double              width,
                               double              height)
{
  Rich endnotes;
  PangoContext *context;
  double text_width = width;
  double margin_width = 0;
  guint page_nr = 0;
  double page_y;
  double *bottoms;
  guint *line_page;
  double *line_y;
  guint n_lines;
  int *keep;

  g_return_val_if_fail (LECTERN_IS_PRINT_LAYOUT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  self->width = width;
  self->page_height = height;
  /* The page number goes below the text, where nothing else can. */
  if (height > 2 * FOOTER_SPACE)
    height -= FOOTER_SPACE;
  self->height = height;
  g_array_set_size (self->pages, 0);
  rich_init (&endnotes);
  clear_flow (&self->flows[0]);
  clear_flow (&self->flows[1]);

  if (self->notes->len > 0)
    {
      margin_width = width * MARGIN_SHARE;
      text_width = width - margin_width - GUTTER;
    }

  context = pango_cairo_create_context (cr);
  build_flow (&self->flows[0], context, self->text, self->attrs,
              self->is_document ? TEXT_FONT : REPORT_FONT, text_width);

  add_page (self);
  keep = keep_with_next (self);
  page_y = paginate_flow (self, 0, &page_nr, 0, keep);
  g_free (keep);

  /* Margin notes beside the line where their passage starts, pushed down
   * past the one above; a note that would run off its page becomes an
   * endnote. Notes come in reading order, so one walk down the lines
   * finds every anchor. */
  bottoms = g_new0 (double, self->pages->len);
  n_lines = self->flows[0].lines->len;
  line_page = g_new0 (guint, n_lines);
  line_y = g_new0 (double, n_lines);
  map_lines (self, line_page, line_y);
  for (guint i = 0, line = 0; i < self->headings->len; i++)
    {
      Heading *heading = &g_array_index (self->headings, Heading, i);

      while (line + 1 < n_lines
             && g_array_index (self->flows[0].line_start, int, line + 1) <= heading->index)
        line++;
      heading->page = line_page[line];
      heading->y = line_y[line];
    }
  for (guint i = 0, line = 0; i < self->notes->len; i++)
    {
      Note *note = &g_array_index (self->notes, Note, i);
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      g_autoptr(GString) markup = g_string_new (NULL);
      PangoFontDescription *note_font = pango_font_description_from_string (NOTE_FONT);
      guint note_page;
      double y;
      int layout_height;

      while (line + 1 < n_lines
             && g_array_index (self->flows[0].line_start, int, line + 1) <= note->anchor)
        line++;
      note_page = line_page[line];
      y = MAX (line_y[line], bottoms[note_page]);

      g_string_append_printf (markup, "<b>%u</b> ", note->number);
      if (note->tags != NULL)
        {
          g_string_append (markup, "<i>");
          append_text (markup, note->tags);
          g_string_append (markup, "</i>");
          if (note->text != NULL)
            g_string_append_c (markup, '\n');
        }
      if (note->text != NULL)
        append_text (markup, note->text);
      pango_layout_set_font_description (layout, note_font);
      pango_font_description_free (note_font);
      pango_layout_set_width (layout, (int) ((margin_width - 6) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_markup (layout, markup->str, -1);
      pango_layout_get_size (layout, NULL, &layout_height);

      if (y + (double) layout_height / PANGO_SCALE <= height)
        {
          PlacedNote *placed = g_new0 (PlacedNote, 1);

          placed->layout = g_steal_pointer (&layout);
          placed->y = y;
          memcpy (placed->rgb, note->rgb, sizeof placed->rgb);
          g_ptr_array_add (g_array_index (self->pages, Page, note_page).notes, placed);
          bottoms[note_page] = y + (double) layout_height / PANGO_SCALE + NOTE_GAP;
          continue;
        }
      {
        g_autofree char *number = g_strdup_printf ("%u", note->number);
        guint start = rich_append (&endnotes, number);

        rich_span (&endnotes, start, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
        rich_append (&endnotes, "  ");
        if (note->tags != NULL)
          {
            start = rich_append (&endnotes, note->tags);
            rich_span (&endnotes, start, pango_attr_style_new (PANGO_STYLE_ITALIC));
            if (note->text != NULL)
              rich_append (&endnotes, "\n");
          }
        if (note->text != NULL)
          rich_append (&endnotes, note->text);
        rich_append (&endnotes, "\n\n");
      }
    }
  g_free (bottoms);
  g_free (line_page);
  g_free (line_y);

  if (endnotes.text->len > 0)
    {
      /* A heading, then the notes: shift the notes' attributes past it. */
      g_autofree char *heading = g_strdup_printf ("\n%s\n\n", _("Notes"));
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 1;
      bold->end_index = strlen (heading) - 2;
      pango_attr_list_insert (attrs, bold);
      pango_attr_list_splice (attrs, endnotes.attrs, strlen (heading), endnotes.text->len);
      g_string_prepend (endnotes.text, heading);

      build_flow (&self->flows[1], context, endnotes.text->str, attrs, NOTE_FONT, width);
      pango_attr_list_unref (attrs);
      paginate_flow (self, 1, &page_nr, page_y, NULL);
    }
  rich_clear (&endnotes);
  g_object_unref (context);

  return self->pages->len;
}

guint
lectern_print_layout_get_n_pages (LecternPrintLayout *self)
{
  g_return_val_if_fail (LECTERN_IS_PRINT_LAYOUT (self), 0);
  return self->pages->len;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static void
draw_highlights (LecternPrintLayout *self,
                 cairo_t            *cr,
                 Slice              *slice)
{
  Flow *flow = &self->flows[0];
  PangoLayoutLine *last = g_ptr_array_index (flow->lines, slice->last - 1);
  int slice_start = g_array_index (flow->line_start, int, slice->first);
  int slice_end = g_array_index (flow->line_start, int, slice->last - 1) + last->length;
  g_autoptr(GArray) here = g_array_new (FALSE, FALSE, sizeof (Highlight));

  /* The page's own highlights first, so each line looks at a few. */
  for (guint i = 0; i < self->highlights->len; i++)
    {
      Highlight *highlight = &g_array_index (self->highlights, Highlight, i);

      if (highlight->start >= slice_end)
        break;  /* in reading order: none further starts on this page */
      if (highlight->end > slice_start)
        g_array_append_val (here, *highlight);
    }

  for (int line_nr = slice->first; line_nr < slice->last; line_nr++)
    {
      PangoLayoutLine *line = g_ptr_array_index (flow->lines, line_nr);
      int line_start = g_array_index (flow->line_start, int, line_nr);
      int line_end = line_start + line->length;
      /* x ranges take indices into the line's own block. */
      int block_start = g_array_index (flow->block_start, int, g_array_index (flow->line_block, int, line_nr));
      double y = g_array_index (flow->line_y, double, line_nr) - slice->top + slice->offset;
      double h = g_array_index (flow->line_h, double, line_nr);

      for (guint i = 0; i < here->len; i++)
        {
          Highlight *highlight = &g_array_index (here, Highlight, i);
          int *ranges = NULL;
          int n_ranges = 0;

          if (highlight->end <= line_start || highlight->start >= line_end)
            continue;
          pango_layout_line_get_x_ranges (line, MAX (highlight->start, line_start) - block_start,
                                          MIN (highlight->end, line_end) - block_start, &ranges, &n_ranges);
          cairo_set_source_rgba (cr, highlight->rgb[0], highlight->rgb[1], highlight->rgb[2],
                                 HIGHLIGHT_ALPHA);
          for (int r = 0; r < n_ranges; r++)
            cairo_rectangle (cr, (double) ranges[2 * r] / PANGO_SCALE, y,
                             (double) (ranges[2 * r + 1] - ranges[2 * r]) / PANGO_SCALE, h);
          cairo_fill (cr);
          g_free (ranges);
        }
    }
}

/* "Page 3 of 12", centred at the page foot. */
static void
draw_page_number (LecternPrintLayout *self,
                  cairo_t            *cr,
                  guint               number,
                  guint               total)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FOOTER_FONT);
  /* Translators: the page number at the foot of a printed or PDF page */
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), number, total);
  int text_width, text_height;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &text_width, &text_height);
  cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
  cairo_move_to (cr, (self->width - (double) text_width / PANGO_SCALE) / 2,
                 self->page_height - (double) text_height / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

void
lectern_print_layout_draw_page (LecternPrintLayout *self,
                                cairo_t            *cr,
                                guint               page_nr)
{
  g_return_if_fail (LECTERN_IS_PRINT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_nr < self->pages->len);

  _lectern_print_layout_draw_numbered_page (self, cr, page_nr, page_nr + 1, self->pages->len);
}

void
_lectern_print_layout_draw_numbered_page (LecternPrintLayout *self,
                                          cairo_t            *cr,
                                          guint               page_nr,
                                          guint               number,
                                          guint               total)
{
  Page *page;
  double margin_x;

  g_assert (page_nr < self->pages->len);

  page = &g_array_index (self->pages, Page, page_nr);
  cairo_save (cr);

  for (guint s = 0; s < page->slices->len; s++)
    {
      Slice *slice = &g_array_index (page->slices, Slice, s);
      Flow *flow = &self->flows[slice->flow];

      if (slice->flow == 0)
        draw_highlights (self, cr, slice);
      cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
      for (int line_nr = slice->first; line_nr < slice->last; line_nr++)
        {
          PangoLayoutLine *line = g_ptr_array_index (flow->lines, line_nr);
          double baseline = g_array_index (flow->baseline, double, line_nr) - slice->top + slice->offset;

          cairo_move_to (cr, g_array_index (flow->line_x, double, line_nr), baseline);
          pango_cairo_show_layout_line (cr, line);
        }
    }

  margin_x = self->width - self->width * MARGIN_SHARE;
  for (guint i = 0; i < page->notes->len; i++)
    {
      PlacedNote *placed = g_ptr_array_index (page->notes, i);
      int note_height;

      pango_layout_get_size (placed->layout, NULL, &note_height);
      cairo_set_source_rgb (cr, placed->rgb[0], placed->rgb[1], placed->rgb[2]);
      cairo_rectangle (cr, margin_x, placed->y, 2.5, (double) note_height / PANGO_SCALE);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_move_to (cr, margin_x + 6, placed->y);
      pango_cairo_show_layout (cr, placed->layout);
    }
  draw_page_number (self, cr, number, total);

  cairo_restore (cr);
}

guint
_lectern_print_layout_get_n_headings (LecternPrintLayout *self)
{
  return self->headings->len;
}

const char *
_lectern_print_layout_get_heading (LecternPrintLayout *self,
                                   guint               index,
                                   guint              *level,
                                   guint              *page,
                                   double             *y)
{
  Heading *heading;

  g_assert (index < self->headings->len);
  heading = &g_array_index (self->headings, Heading, index);
  *level = heading->level;
  *page = heading->page;
  *y = heading->y;
  return heading->text;
}
