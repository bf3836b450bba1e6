/* lectern-paragraph-gutter.c
 *
 * Draws, beside the first display line of each paragraph in view, its
 * number: dimmed, right-aligned, in tabular figures so that the column
 * does not wobble. Only the lines in view are visited. A document from a
 * paged source also has its pages' printed labels ("p. 12"), on the line
 * where each page begins, at the gutter's left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-core.h"
#include "lectern-paragraph-gutter.h"

#define PADDING 12

struct _LecternParagraphGutter
{
  GtkWidget          parent_instance;

  GtkTextView       *text_view;    /* unowned: our parent */
  LecternParagraphs *paragraphs;
  GArray            *pages;        /* Page, by start */
  gboolean           show_numbers;
};

typedef struct
{
  guint  start;
  char  *label;                    /* "p. 12" */
} Page;

G_DEFINE_FINAL_TYPE (LecternParagraphGutter, lectern_paragraph_gutter, GTK_TYPE_WIDGET)

static PangoLayout *
create_layout (LecternParagraphGutter *self,
               const char             *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
lectern_paragraph_gutter_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  LecternParagraphGutter *self = LECTERN_PARAGRAPH_GUTTER (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->pages->len > 0)
    {
      int widest = 0;

      for (guint i = 0; i < self->pages->len; i++)
        {
          g_autoptr(PangoLayout) layout = create_layout (self, g_array_index (self->pages, Page, i).label);
          int width;

          pango_layout_get_pixel_size (layout, &width, NULL);
          widest = MAX (widest, width);
        }
      *minimum = *natural = widest + PADDING;
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->show_numbers)
    {
      guint count = self->paragraphs != NULL ? lectern_paragraphs_get_count (self->paragraphs) : 0;
      g_autofree char *widest = g_strdup_printf ("%u", MAX (count, 99));
      g_autoptr(PangoLayout) layout = NULL;
      int width;

      /* The widest number, in the widest digits. */
      for (char *p = widest; *p != '\0'; p++)
        *p = '8';
      layout = create_layout (self, widest);
      pango_layout_get_pixel_size (layout, &width, NULL);
      *minimum = *natural = *minimum + width + 2 * PADDING;
    }
}

/* The first page that begins in [from, to], if any. */
static const Page *
page_starting_in (LecternParagraphGutter *self,
                  guint                   from,
                  guint                   to)
{
  guint lo = 0;
  guint hi = self->pages->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->pages, Page, mid).start < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < self->pages->len && g_array_index (self->pages, Page, lo).start <= to)
    return &g_array_index (self->pages, Page, lo);
  return NULL;
}

static void
lectern_paragraph_gutter_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  LecternParagraphGutter *self = LECTERN_PARAGRAPH_GUTTER (widget);
  GtkTextView *view = self->text_view;
  int width = gtk_widget_get_width (widget);
  g_autoptr(PangoLayout) layout = NULL;
  GtkStyleContext *style;
  GdkRectangle visible;
  GtkTextIter iter;
  GdkRGBA colour;

  if (self->paragraphs == NULL || view == NULL)
    return;
  if (!self->show_numbers && self->pages->len == 0)
    return;

  style = gtk_widget_get_style_context (widget);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  colour.alpha *= 0.55;
  layout = create_layout (self, "");

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, NULL);
  do
    {
      guint offset = gtk_text_iter_get_offset (&iter);
      guint number = self->show_numbers ? lectern_paragraphs_at_offset (self->paragraphs, offset) : 0;
      g_autofree char *label = NULL;
      GtkTextIter line_end = iter;
      GdkRectangle first;
      int x, y, text_width, text_height;
      const Page *page;

      gtk_text_view_get_iter_location (view, &iter, &first);
      if (first.y >= visible.y + visible.height)
        break;

      /* A page that begins on this line: its label at the left. */
      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);
      page = page_starting_in (self, offset, gtk_text_iter_get_offset (&line_end));
      if (page != NULL)
        {
          g_autoptr(PangoLayout) page_layout = create_layout (self, page->label);
          GdkRectangle where;
          GtkTextIter at;

          gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &at, page->start);
          gtk_text_view_get_iter_location (view, &at, &where);
          pango_layout_get_pixel_size (page_layout, &text_width, &text_height);
          gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_LEFT, 0, where.y, NULL, &y);
          y += (where.height - text_height) / 2;
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PADDING / 2, y));
          gtk_snapshot_append_layout (snapshot, page_layout, &colour);
          gtk_snapshot_restore (snapshot);
        }

      if (number == 0)
        continue;
      label = g_strdup_printf ("%u", number);
      pango_layout_set_text (layout, label, -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_LEFT, 0, first.y, NULL, &y);
      /* Centred on the paragraph's first display line. */
      x = width - PADDING - text_width;
      y += (first.height - text_height) / 2;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_append_layout (snapshot, layout, &colour);
      gtk_snapshot_restore (snapshot);
    }
  while (gtk_text_iter_forward_line (&iter));
}

static void
lectern_paragraph_gutter_finalize (GObject *object)
{
  LecternParagraphGutter *self = LECTERN_PARAGRAPH_GUTTER (object);

  g_clear_pointer (&self->paragraphs, lectern_paragraphs_free);
  g_clear_pointer (&self->pages, g_array_unref);
  G_OBJECT_CLASS (lectern_paragraph_gutter_parent_class)->finalize (object);
}

static void
lectern_paragraph_gutter_class_init (LecternParagraphGutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lectern_paragraph_gutter_finalize;
  widget_class->measure = lectern_paragraph_gutter_measure;
  widget_class->snapshot = lectern_paragraph_gutter_snapshot;
  gtk_widget_class_set_css_name (widget_class, "paragraph-gutter");
}

static void
page_clear (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->label, g_free);
}

static void
lectern_paragraph_gutter_init (LecternParagraphGutter *self)
{
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  g_array_set_clear_func (self->pages, page_clear);
  self->show_numbers = TRUE;
}

GtkWidget *
lectern_paragraph_gutter_new (GtkTextView *text_view)
{
  LecternParagraphGutter *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (text_view), NULL);

  self = g_object_new (LECTERN_TYPE_PARAGRAPH_GUTTER, NULL);
  self->text_view = text_view;
  return GTK_WIDGET (self);
}

void
lectern_paragraph_gutter_set_text (LecternParagraphGutter *self,
                                   const char             *text)
{
  g_return_if_fail (LECTERN_IS_PARAGRAPH_GUTTER (self));

  g_clear_pointer (&self->paragraphs, lectern_paragraphs_free);
  self->paragraphs = lectern_paragraphs_new (text);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
lectern_paragraph_gutter_set_structure (LecternParagraphGutter *self,
                                        GArray                 *structure)
{
  guint number = 0;

  g_return_if_fail (LECTERN_IS_PARAGRAPH_GUTTER (self));

  g_array_set_size (self->pages, 0);
  for (guint i = 0; structure != NULL && i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);
      g_autofree char *label = NULL;
      Page page;

      if (span->kind != LECTERN_STRUCTURE_KIND_PAGE)
        continue;
      number++;
      label = span->value != NULL && *span->value != '\0'
              ? g_strdup (span->value) : g_strdup_printf ("%u", number);
      /* Translators: a page's printed label in the reader's margin, "p. 12" */
      page = (Page) { span->start, g_strdup_printf (_("p. %s"), label) };
      g_array_append_val (self->pages, page);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
lectern_paragraph_gutter_has_pages (LecternParagraphGutter *self)
{
  g_return_val_if_fail (LECTERN_IS_PARAGRAPH_GUTTER (self), FALSE);

  return self->pages->len > 0;
}

void
lectern_paragraph_gutter_set_show_numbers (LecternParagraphGutter *self,
                                           gboolean                show_numbers)
{
  g_return_if_fail (LECTERN_IS_PARAGRAPH_GUTTER (self));

  self->show_numbers = !!show_numbers;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
