/* lectern-tag-swatch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include "lectern-tag-swatch.h"

#define SWATCH_SIZE 12

struct _LecternTagSwatch
{
  GtkWidget parent_instance;
  GdkRGBA   colour;
};

G_DEFINE_FINAL_TYPE (LecternTagSwatch, lectern_tag_swatch, GTK_TYPE_WIDGET)

void
lectern_tag_swatch_set_colour (LecternTagSwatch *self,
                               const char       *colour)
{
  g_return_if_fail (LECTERN_IS_TAG_SWATCH (self));

  if (colour == NULL || !gdk_rgba_parse (&self->colour, colour))
    self->colour = (GdkRGBA) { 0.6, 0.6, 0.6, 1.0 };
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
lectern_tag_swatch_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = *natural = SWATCH_SIZE;
}

static void
lectern_tag_swatch_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  LecternTagSwatch *self = LECTERN_TAG_SWATCH (widget);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  int size = MIN (w, h);
  GskRoundedRect disc;
  GdkRGBA border = { 0, 0, 0, 0.25 };
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA borders[4];

  gsk_rounded_rect_init_from_rect (&disc,
                                   &GRAPHENE_RECT_INIT ((w - size) / 2.0f, (h - size) / 2.0f, size, size),
                                   size / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &disc);
  gtk_snapshot_append_color (snapshot, &self->colour, &disc.bounds);
  gtk_snapshot_pop (snapshot);

  for (guint i = 0; i < 4; i++)
    borders[i] = border;
  gtk_snapshot_append_border (snapshot, &disc, widths, borders);
}

static void
lectern_tag_swatch_class_init (LecternTagSwatchClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = lectern_tag_swatch_measure;
  widget_class->snapshot = lectern_tag_swatch_snapshot;
  gtk_widget_class_set_css_name (widget_class, "tagswatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
lectern_tag_swatch_init (LecternTagSwatch *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  lectern_tag_swatch_set_colour (self, NULL);
}

GtkWidget *
lectern_tag_swatch_new (const char *colour)
{
  LecternTagSwatch *self = g_object_new (LECTERN_TYPE_TAG_SWATCH, NULL);

  lectern_tag_swatch_set_colour (self, colour);
  return GTK_WIDGET (self);
}
