/* lectern-paragraph-gutter.c
 *
 * Draws, beside the first display line of each paragraph in view, its
 * number: dimmed, right-aligned, in tabular figures so that the column
 * does not wobble. Only the lines in view are visited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include "lectern-core.h"
#include "lectern-paragraph-gutter.h"

#define PADDING 12

struct _LecternParagraphGutter
{
  GtkWidget          parent_instance;

  GtkTextView       *text_view;    /* unowned: our parent */
  LecternParagraphs *paragraphs;
};

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
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
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
      *minimum = *natural = width + 2 * PADDING;
    }
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
      guint number = lectern_paragraphs_at_offset (self->paragraphs, gtk_text_iter_get_offset (&iter));
      g_autofree char *label = NULL;
      GdkRectangle first;
      int x, y, text_width, text_height;

      gtk_text_view_get_iter_location (view, &iter, &first);
      if (first.y >= visible.y + visible.height)
        break;
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
lectern_paragraph_gutter_init (LecternParagraphGutter *self)
{
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
