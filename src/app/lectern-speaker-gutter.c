/* lectern-speaker-gutter.c
 *
 * Draws, beside the first display line of each turn in view, its
 * speaker's name (ellipsized to the column, the whole name in a tooltip)
 * and, under it when the turn leaves room, the turn's timestamp; above
 * each turn but the first, a hairline across the margin and the text.
 * Speakers keep one colour through a document: the n-th speaker who is
 * not an interviewer gets the palette's n-th colour; interviewers are
 * set in the text's colour, in italics, so that the people interviewed
 * stand out. The palette has a light and a dark variant, chosen by the
 * text's own colour. Only the turns in view are visited, found by binary
 * search, and the gutter redraws when the view scrolls or its text
 * reflows (the adjustment's bounds change).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-core.h"
#include "lectern-speaker-gutter.h"

#define PADDING     10
#define NAME_CHARS  16   /* the widest a name's column grows, in widths of "n" */

typedef struct
{
  guint  start;
  guint  end;
  char  *speaker;
  char  *time;     /* nullable */
  int    rank;     /* colour, -1 for an interviewer */
} Turn;

struct _LecternSpeakerGutter
{
  GtkWidget      parent_instance;

  GtkTextView   *text_view;    /* unowned: our ancestor */
  GtkAdjustment *vadjustment;  /* watched for scrolls and reflows */
  GArray        *turns;        /* Turn, by start */
  GtkWidget     *rules;        /* weak: draws the rules across the text */
  char          *only_speaker;
};

G_DEFINE_FINAL_TYPE (LecternSpeakerGutter, lectern_speaker_gutter, GTK_TYPE_WIDGET)

static const char * const interviewers[] = {
  "q", "question", "questions", "interviewer", "interviewers", "interviewer (q)", "moderator",
  "intervieweur", "intervieweuse", "journaliste", "journalist", "reporter", "host", "animateur",
  "animatrice", "enquêteur", "enquêtrice", NULL
};

gboolean
lectern_speaker_is_interviewer (const char *speaker)
{
  g_autofree char *folded = NULL;

  if (speaker == NULL)
    return FALSE;
  folded = g_utf8_casefold (speaker, -1);
  return g_strv_contains (interviewers, folded);
}

void
lectern_speaker_colour (guint     rank,
                        gboolean  dark,
                        GdkRGBA  *colour)
{
  /* GNOME's palette: the 4th and 5th shades read on a light page, the
   * 2nd and 3rd on a dark one; neighbours differ in hue. */
  static const char * const light[] = {
    "#1a5fb4", "#c64600", "#26a269", "#813d9c", "#a51d2d", "#865e3c", "#0b6e78", "#9c6e00",
  };
  static const char * const shade[] = {
    "#62a0ea", "#ffa348", "#57e389", "#c061cb", "#f66151", "#cdab8f", "#5bc8d0", "#f6d32d",
  };

  gdk_rgba_parse (colour, (dark ? shade : light)[rank % G_N_ELEMENTS (light)]);
}

static void
turn_clear (gpointer data)
{
  Turn *turn = data;

  g_clear_pointer (&turn->speaker, g_free);
  g_clear_pointer (&turn->time, g_free);
}

static PangoLayout *
create_layout (LecternSpeakerGutter *self,
               const char           *text,
               double                scale,
               gboolean              italic,
               gboolean              bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (italic)
    pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static int
name_column_width (LecternSpeakerGutter *self)
{
  g_autoptr(PangoLayout) widest = create_layout (self, "", 0.85, FALSE, TRUE);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *sample = g_strnfill (NAME_CHARS, 'n');
  int limit, width = 0;

  /* The limit in the margin's own font, at the reader's size. */
  pango_layout_set_text (widest, sample, -1);
  pango_layout_get_pixel_size (widest, &limit, NULL);

  for (guint i = 0; i < self->turns->len; i++)
    {
      const Turn *turn = &g_array_index (self->turns, Turn, i);
      int w;

      if (!g_hash_table_add (seen, turn->speaker))
        continue;
      pango_layout_set_text (widest, turn->speaker, -1);
      pango_layout_get_pixel_size (widest, &w, NULL);
      width = MAX (width, w);
      if (turn->time != NULL)
        {
          pango_layout_set_text (widest, turn->time, -1);
          pango_layout_get_pixel_size (widest, &w, NULL);
          width = MAX (width, w);
        }
    }
  return MIN (width, limit);
}

static void
lectern_speaker_gutter_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  LecternSpeakerGutter *self = LECTERN_SPEAKER_GUTTER (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->turns->len > 0)
    *minimum = *natural = name_column_width (self) + 2 * PADDING;
}

int
lectern_speaker_gutter_turn_at_offset (LecternSpeakerGutter *self,
                                       guint                 offset)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (LECTERN_IS_SPEAKER_GUTTER (self), -1);

  hi = self->turns->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->turns, Turn, mid).start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (int) lo - 1;
}

/* The y (gutter coordinates) of turn @index's first display line, and
 * its height; the y of the space above it. */
static void
turn_line (LecternSpeakerGutter *self,
           guint                 index,
           int                  *y,
           int                  *height,
           int                  *space_y)
{
  const Turn *turn = &g_array_index (self->turns, Turn, index);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GdkRectangle location, before;
  GtkTextIter iter, previous;
  int space;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, turn->start);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_LEFT, 0, location.y, NULL, y);
  *height = location.height;
  /* Halfway between the text above and the turn's first line, whichever
   * line holds the paragraph space. */
  previous = iter;
  space = location.y;
  if (gtk_text_iter_backward_char (&previous))
    {
      gtk_text_view_get_iter_location (self->text_view, &previous, &before);
      if (before.y + before.height <= location.y)
        space = (before.y + before.height + location.y) / 2;
    }
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_LEFT, 0, space, NULL, space_y);
}

static gboolean
is_dark (GtkWidget *widget)
{
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
}

static void
lectern_speaker_gutter_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  LecternSpeakerGutter *self = LECTERN_SPEAKER_GUTTER (widget);
  GtkTextView *view = self->text_view;
  int width = gtk_widget_get_width (widget);
  gboolean dark = is_dark (widget);
  GdkRectangle visible;
  GtkTextIter iter;
  GdkRGBA fg;
  int first;

  if (view == NULL || self->turns->len == 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, NULL);
  first = MAX (0, lectern_speaker_gutter_turn_at_offset (self, gtk_text_iter_get_offset (&iter)));

  for (guint i = first; i < self->turns->len; i++)
    {
      const Turn *turn = &g_array_index (self->turns, Turn, i);
      g_autoptr(PangoLayout) name = NULL;
      gboolean interviewer = turn->rank < 0;
      gboolean dimmed = self->only_speaker != NULL && g_strcmp0 (self->only_speaker, turn->speaker) != 0;
      int y, height, space_y, next_space_y = G_MAXINT, name_width, name_height;
      GdkRGBA colour;

      turn_line (self, i, &y, &height, &space_y);
      if (y > gtk_widget_get_height (widget))
        break;
      if (i + 1 < self->turns->len)
        {
          int next_y, h;

          turn_line (self, i + 1, &next_y, &h, &next_space_y);
        }

      if (interviewer)
        {
          colour = fg;
          colour.alpha *= 0.7;
        }
      else
        lectern_speaker_colour (turn->rank, dark, &colour);
      if (dimmed)
        colour.alpha *= 0.4;

      name = create_layout (self, turn->speaker, 0.85, interviewer, !interviewer);
      pango_layout_set_width (name, MAX (1, width - 2 * PADDING) * PANGO_SCALE);
      pango_layout_get_pixel_size (name, &name_width, &name_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PADDING, y + (height - name_height) / 2));
      gtk_snapshot_append_layout (snapshot, name, &colour);
      gtk_snapshot_restore (snapshot);

      /* The timestamp under the name, when the turn has a second line's
       * room before the next one. */
      if (turn->time != NULL)
        {
          g_autoptr(PangoLayout) time = create_layout (self, turn->time, 0.75, FALSE, FALSE);
          int time_y = y + (height - name_height) / 2 + name_height;
          int time_width, time_height;
          GdkRGBA dim = fg;

          dim.alpha *= dimmed ? 0.25 : 0.55;
          pango_layout_get_pixel_size (time, &time_width, &time_height);
          /* Else on the name's line, at the right, if both fit. */
          if (time_y + time_height <= next_space_y - 2)
            {
              gtk_snapshot_save (snapshot);
              gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PADDING, time_y));
              gtk_snapshot_append_layout (snapshot, time, &dim);
              gtk_snapshot_restore (snapshot);
            }
          else if (name_width + PADDING + time_width <= width - 2 * PADDING)
            {
              gtk_snapshot_save (snapshot);
              gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - PADDING - time_width,
                                                                      y + (height - time_height) / 2));
              gtk_snapshot_append_layout (snapshot, time, &dim);
              gtk_snapshot_restore (snapshot);
            }
        }
    }
}

gboolean
lectern_speaker_gutter_get_label_area (LecternSpeakerGutter *self,
                                       guint                 index,
                                       graphene_rect_t      *area)
{
  int y, height, space_y;

  g_return_val_if_fail (LECTERN_IS_SPEAKER_GUTTER (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (index >= self->turns->len || self->text_view == NULL)
    return FALSE;
  turn_line (self, index, &y, &height, &space_y);
  graphene_rect_init (area, PADDING, y, MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PADDING), height);
  return y + height > 0 && y < gtk_widget_get_height (GTK_WIDGET (self));
}

int
lectern_speaker_gutter_turn_at_y (LecternSpeakerGutter *self,
                                  double                y)
{
  GtkTextIter iter;
  int buffer_y;
  int index;
  graphene_rect_t area;

  g_return_val_if_fail (LECTERN_IS_SPEAKER_GUTTER (self), -1);

  if (self->text_view == NULL || self->turns->len == 0)
    return -1;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_LEFT, 0, (int) y, NULL, &buffer_y);
  gtk_text_view_get_line_at_y (self->text_view, &iter, buffer_y, NULL);
  index = lectern_speaker_gutter_turn_at_offset (self, gtk_text_iter_get_offset (&iter));
  /* Only where the name is, not anywhere beside the turn. */
  if (index < 0 || !lectern_speaker_gutter_get_label_area (self, index, &area))
    return -1;
  if (y < area.origin.y - 2 || y > area.origin.y + area.size.height + 2)
    return -1;
  return index;
}

static gboolean
query_tooltip_cb (LecternSpeakerGutter *self,
                  int                   x,
                  int                   y,
                  gboolean              keyboard,
                  GtkTooltip           *tooltip)
{
  int index = lectern_speaker_gutter_turn_at_y (self, y);
  const Turn *turn;

  if (index < 0)
    return FALSE;
  turn = &g_array_index (self->turns, Turn, index);
  if (turn->time != NULL)
    {
      /* Translators: a speaker and the time of their turn, "Sergey Lavrov, 00:12:31" */
      g_autofree char *text = g_strdup_printf (_("%s, %s"), turn->speaker, turn->time);

      gtk_tooltip_set_text (tooltip, text);
    }
  else
    gtk_tooltip_set_text (tooltip, turn->speaker);
  return TRUE;
}

static void
adjustment_changed_cb (LecternSpeakerGutter *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->rules != NULL)
    gtk_widget_queue_draw (self->rules);
}

void
lectern_speaker_gutter_set_rules_widget (LecternSpeakerGutter *self,
                                         GtkWidget            *rules)
{
  g_return_if_fail (LECTERN_IS_SPEAKER_GUTTER (self));

  if (self->rules != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->rules), (gpointer *) &self->rules);
  self->rules = rules;
  if (rules != NULL)
    g_object_add_weak_pointer (G_OBJECT (rules), (gpointer *) &self->rules);
}

void
lectern_speaker_gutter_draw_rules (LecternSpeakerGutter *self,
                                   GtkWidget            *target,
                                   cairo_t              *cr)
{
  GtkTextView *view = self->text_view;
  GtkWidget *right;
  graphene_point_t gutter_origin, view_origin;
  GdkRectangle visible;
  GtkTextIter iter;
  GdkRGBA fg;
  double x0, x1;
  int first;

  g_return_if_fail (LECTERN_IS_SPEAKER_GUTTER (self));

  if (view == NULL || self->turns->len < 2 || !gtk_widget_get_visible (GTK_WIDGET (self)))
    return;
  if (!gtk_widget_compute_point (GTK_WIDGET (self), target, &GRAPHENE_POINT_INIT (0, 0), &gutter_origin)
      || !gtk_widget_compute_point (GTK_WIDGET (view), target, &GRAPHENE_POINT_INIT (0, 0), &view_origin))
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  fg.alpha *= 0.14;
  gdk_cairo_set_source_rgba (cr, &fg);

  /* From the margin's left to the text's right margin. */
  right = gtk_text_view_get_gutter (view, GTK_TEXT_WINDOW_RIGHT);
  x0 = gutter_origin.x + PADDING / 2;
  x1 = view_origin.x + gtk_widget_get_width (GTK_WIDGET (view))
       - (right != NULL && gtk_widget_get_visible (right) ? gtk_widget_get_width (right) : 0)
       - gtk_text_view_get_right_margin (view);

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, NULL);
  first = MAX (1, lectern_speaker_gutter_turn_at_offset (self, gtk_text_iter_get_offset (&iter)));
  for (guint i = first; i < self->turns->len; i++)
    {
      int y, height, space_y;

      turn_line (self, i, &y, &height, &space_y);
      if (y > gtk_widget_get_height (GTK_WIDGET (self)))
        break;
      if (space_y < 0)
        continue;
      cairo_rectangle (cr, x0, gutter_origin.y + space_y, MAX (0, x1 - x0), 1);
    }
  cairo_fill (cr);
}

static void
vadjustment_notify_cb (LecternSpeakerGutter *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, adjustment);
  if (adjustment != NULL)
    {
      g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
      g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self);
    }
}

/* Popovers parented here (a speaker's, from the reader) follow the
 * gutter as it moves. */
static void
lectern_speaker_gutter_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
lectern_speaker_gutter_dispose (GObject *object)
{
  LecternSpeakerGutter *self = LECTERN_SPEAKER_GUTTER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);
  lectern_speaker_gutter_set_rules_widget (self, NULL);
  G_OBJECT_CLASS (lectern_speaker_gutter_parent_class)->dispose (object);
}

static void
lectern_speaker_gutter_finalize (GObject *object)
{
  LecternSpeakerGutter *self = LECTERN_SPEAKER_GUTTER (object);

  g_clear_pointer (&self->turns, g_array_unref);
  g_clear_pointer (&self->only_speaker, g_free);
  G_OBJECT_CLASS (lectern_speaker_gutter_parent_class)->finalize (object);
}

static void
lectern_speaker_gutter_class_init (LecternSpeakerGutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_speaker_gutter_dispose;
  object_class->finalize = lectern_speaker_gutter_finalize;
  widget_class->measure = lectern_speaker_gutter_measure;
  widget_class->snapshot = lectern_speaker_gutter_snapshot;
  widget_class->size_allocate = lectern_speaker_gutter_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "speaker-gutter");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
lectern_speaker_gutter_init (LecternSpeakerGutter *self)
{
  self->turns = g_array_new (FALSE, FALSE, sizeof (Turn));
  g_array_set_clear_func (self->turns, turn_clear);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

GtkWidget *
lectern_speaker_gutter_new (GtkTextView *text_view)
{
  LecternSpeakerGutter *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (text_view), NULL);

  self = g_object_new (LECTERN_TYPE_SPEAKER_GUTTER, NULL);
  self->text_view = text_view;
  g_signal_connect_object (text_view, "notify::vadjustment", G_CALLBACK (vadjustment_notify_cb), self,
                           G_CONNECT_SWAPPED);
  vadjustment_notify_cb (self);
  return GTK_WIDGET (self);
}

void
lectern_speaker_gutter_set_structure (LecternSpeakerGutter *self,
                                      GArray               *structure)
{
  g_autoptr(GHashTable) ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int next_rank = 0;

  g_return_if_fail (LECTERN_IS_SPEAKER_GUTTER (self));

  g_array_set_size (self->turns, 0);
  for (guint i = 0; structure != NULL && i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);
      Turn turn;
      gpointer rank;

      if (span->kind != LECTERN_STRUCTURE_KIND_TURN || span->value == NULL || *span->value == '\0')
        continue;
      if (!g_hash_table_lookup_extended (ranks, span->value, NULL, &rank))
        {
          rank = GINT_TO_POINTER (lectern_speaker_is_interviewer (span->value) ? -1 : next_rank++);
          g_hash_table_insert (ranks, g_strdup (span->value), rank);
        }
      turn = (Turn) { span->start, span->end, g_strdup (span->value), NULL, GPOINTER_TO_INT (rank) };
      g_array_append_val (self->turns, turn);
    }

  /* A timestamp is a `time` span that begins inside a turn: the first. */
  for (guint i = 0; structure != NULL && i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);
      int index;
      Turn *turn;

      if (span->kind != LECTERN_STRUCTURE_KIND_TIME || span->value == NULL)
        continue;
      index = lectern_speaker_gutter_turn_at_offset (self, span->start);
      if (index < 0)
        continue;
      turn = &g_array_index (self->turns, Turn, index);
      if (turn->time == NULL && span->start < turn->end)
        turn->time = g_strdup (span->value);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->turns->len > 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (self->rules != NULL)
    gtk_widget_queue_draw (self->rules);
}

guint
lectern_speaker_gutter_get_n_turns (LecternSpeakerGutter *self)
{
  g_return_val_if_fail (LECTERN_IS_SPEAKER_GUTTER (self), 0);

  return self->turns->len;
}

void
lectern_speaker_gutter_get_turn (LecternSpeakerGutter  *self,
                                 guint                  index,
                                 guint                 *start,
                                 guint                 *end,
                                 const char           **speaker,
                                 const char           **time)
{
  const Turn *turn;

  g_return_if_fail (LECTERN_IS_SPEAKER_GUTTER (self));
  g_return_if_fail (index < self->turns->len);

  turn = &g_array_index (self->turns, Turn, index);
  if (start != NULL)
    *start = turn->start;
  if (end != NULL)
    *end = turn->end;
  if (speaker != NULL)
    *speaker = turn->speaker;
  if (time != NULL)
    *time = turn->time;
}

int
lectern_speaker_gutter_step_speaker (LecternSpeakerGutter *self,
                                     guint                 index,
                                     gboolean              forward)
{
  const char *speaker;

  g_return_val_if_fail (LECTERN_IS_SPEAKER_GUTTER (self), -1);

  if (index >= self->turns->len)
    return -1;
  speaker = g_array_index (self->turns, Turn, index).speaker;
  for (int i = (int) index + (forward ? 1 : -1); i >= 0 && i < (int) self->turns->len; i += forward ? 1 : -1)
    if (g_strcmp0 (g_array_index (self->turns, Turn, i).speaker, speaker) == 0)
      return i;
  return -1;
}

GPtrArray *
lectern_speaker_gutter_list_speakers (LecternSpeakerGutter *self)
{
  GPtrArray *speakers = g_ptr_array_new ();

  g_return_val_if_fail (LECTERN_IS_SPEAKER_GUTTER (self), speakers);

  for (guint i = 0; i < self->turns->len; i++)
    {
      const char *speaker = g_array_index (self->turns, Turn, i).speaker;
      gboolean seen = FALSE;

      for (guint j = 0; j < speakers->len && !seen; j++)
        seen = g_strcmp0 (g_ptr_array_index (speakers, j), speaker) == 0;
      if (!seen)
        g_ptr_array_add (speakers, (gpointer) speaker);
    }
  return speakers;
}

void
lectern_speaker_gutter_set_only_speaker (LecternSpeakerGutter *self,
                                         const char           *speaker)
{
  g_return_if_fail (LECTERN_IS_SPEAKER_GUTTER (self));

  if (g_strcmp0 (self->only_speaker, speaker) == 0)
    return;
  g_free (self->only_speaker);
  self->only_speaker = g_strdup (speaker);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
