/* lectern-reader-text.c
 *
 * GtkTextTag backgrounds do not blend (the top tag wins), so a passage
 * inside another, or one with three tags, would hide the others. Instead
 * each highlight is painted under the text: a translucent tint (tints of
 * overlapping passages add up) and one thin stripe per tag in the gap below
 * the line, on a row that overlapping passages do not share.
 *
 * Marks of other kinds (a comparison's differences) are frames drawn over
 * the text, so they never look like a tag's tint.
 *
 * Dense coding is read in the margin, as MAXQDA shows it: beside the text,
 * one vertical coding stripe per passage and code, labelled with the
 * code's name, in columns that overlapping codes do not share. The right
 * gutter reserves their room; they are drawn over the text view's own
 * snapshot, next to the text column, so they follow every scroll and
 * relayout of the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "lectern-core.h"
#include "lectern-reader-text.h"
#include "lectern-stripe-layout.h"

#define STRIPE_HEIGHT 2
#define STRIPE_STEP   3
#define MAX_LANES     3
#define FLASH_USEC    (900 * G_TIME_SPAN_MILLISECOND)
#define OUTLINE_WIDTH 2

#define STRIPE_COLUMN      16   /* a bar and its rotated label */
#define STRIPE_BAR         4
#define STRIPE_TEXT_GAP    14   /* between the text column and the first bar */
#define STRIPE_MAX_COLUMNS 6
#define STRIPE_MORE_WIDTH  26   /* the "+N" of codes beyond the columns */
#define STRIPE_PADDING     4
#define STRIPE_MIN_LABEL   32   /* shorter bars go unlabelled: "…" says nothing */

typedef struct
{
  graphene_rect_t area;
  gint64          code;
  gint64          annotation_id;
} StripeHit;

typedef struct
{
  LecternStripe stripe;
  gint64        annotation_id;
  GdkRGBA       colour;
} Bar;

typedef struct
{
  char    *tag_name;
  GdkRGBA  light;
  GdkRGBA  dark;
} Outline;

struct _LecternReaderText
{
  GtkTextView  parent_instance;

  GArray      *highlights;    /* LecternHighlight, by start */
  GByteArray  *paragraphs;    /* ParagraphKind per buffer line, filled as drawn */
  glong        max_length;    /* longest highlight, bounds the visible scan */
  gint64       flash_id;
  gint64       flash_start;
  guint        flash_tick;
  GArray      *outlines;      /* Outline */

  GHashTable  *tags;          /* id → LecternTag, borrowed from the view's index */
  GtkWidget   *gutter;        /* reserves the stripes' room on the right */
  guint        n_codes;       /* distinct tags in the highlights */
  GArray      *stripe_hits;   /* StripeHit, as last drawn */
  gboolean     show_stripes;
};

enum { PROP_0, PROP_SHOW_CODING_STRIPES, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LecternReaderText, lectern_reader_text, GTK_TYPE_TEXT_VIEW)

static void
clear_outline (gpointer data)
{
  Outline *o = data;

  g_free (o->tag_name);
}

typedef enum
{
  PARAGRAPH_UNKNOWN,
  PARAGRAPH_LEFT_TO_RIGHT,   /* every character at bidi level 0 */
  PARAGRAPH_BIDI,            /* may hold right-to-left runs */
} ParagraphKind;

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  const LecternHighlight *ha = a, *hb = b;

  return (ha->start > hb->start) - (ha->start < hb->start);
}

/* Index of the first highlight that starts at or after @offset. */
static guint
first_starting_at (LecternReaderText *self,
                   glong              offset)
{
  guint lo = 0, hi = self->highlights->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->highlights, LecternHighlight, mid).start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
assign_lanes (LecternReaderText *self)
{
  /* Greedy interval colouring of stripe rows: each tag of a passage takes
   * the lowest row that no passage still open at its start is using. */
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));

  self->max_length = 0;
  for (guint i = 0; i < self->highlights->len; i++)
    {
      LecternHighlight *h = &g_array_index (self->highlights, LecternHighlight, i);
      guint32 used = 0;

      for (guint j = 0; j < open->len;)
        {
          LecternHighlight *o = &g_array_index (self->highlights, LecternHighlight,
                                                g_array_index (open, guint, j));
          if (o->end <= h->start)
            g_array_remove_index_fast (open, j);
          else
            {
              for (guint k = 0; k < o->n_colours; k++)
                used |= 1u << o->rows[k];
              j++;
            }
        }

      for (guint k = 0; k < h->n_colours; k++)
        {
          guint row = 0;

          while (row < 31 && (used & (1u << row)))
            row++;
          h->rows[k] = row;
          used |= 1u << row;
        }

      g_array_append_val (open, i);
      self->max_length = MAX (self->max_length, h->end - h->start);
    }
}

/* The margin is as wide as the document's codes need at most (capped),
 * not as the screen's: a width that changed while scrolling would reflow
 * the text under the reader's eyes. */
static void
update_gutter (LecternReaderText *self)
{
  guint columns = MIN (self->n_codes, STRIPE_MAX_COLUMNS);
  int width = 0;

  if (self->show_stripes && columns > 0)
    width = STRIPE_PADDING + columns * STRIPE_COLUMN +
            (self->n_codes > STRIPE_MAX_COLUMNS ? STRIPE_MORE_WIDTH : 0);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->gutter), width);
  gtk_widget_set_visible (self->gutter, width > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
count_codes (LecternReaderText *self)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < self->highlights->len; i++)
    {
      LecternHighlight *h = &g_array_index (self->highlights, LecternHighlight, i);

      for (guint k = 0; k < h->n_colours; k++)
        if (h->tag_ids[k] != 0)
          g_hash_table_add (codes, &h->tag_ids[k]);
    }
  self->n_codes = g_hash_table_size (codes);
}

void
lectern_reader_text_set_tags (LecternReaderText *self,
                              GHashTable        *tags)
{
  g_return_if_fail (LECTERN_IS_READER_TEXT (self));

  if (tags != NULL)
    g_hash_table_ref (tags);
  g_clear_pointer (&self->tags, g_hash_table_unref);
  self->tags = tags;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lectern_reader_text_set_highlights (LecternReaderText *self,
                                    GArray            *highlights)
{
  g_return_if_fail (LECTERN_IS_READER_TEXT (self));

  g_array_set_size (self->highlights, 0);
  if (highlights != NULL)
    g_array_append_vals (self->highlights, highlights->data, highlights->len);
  /* Stable, so callers that already sort by start keep their order; the
   * lane sweep and the binary searches below rely on it. */
  g_array_sort (self->highlights, compare_start);
  assign_lanes (self);
  count_codes (self);
  update_gutter (self);
}

typedef struct
{
  gint64 annotation_id;
  glong  length;
} IdLength;

static int
compare_length (gconstpointer a,
                gconstpointer b)
{
  const IdLength *ia = a, *ib = b;

  return (ia->length > ib->length) - (ia->length < ib->length);
}

GArray *
lectern_reader_text_dup_ids_at (LecternReaderText *self,
                                glong              offset)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) found = NULL;
  guint first, last;

  g_return_val_if_fail (LECTERN_IS_READER_TEXT (self), ids);

  /* Only passages starting in [offset - max_length, offset] can cover it. */
  first = first_starting_at (self, offset - self->max_length);
  last = first_starting_at (self, offset + 1);
  found = g_array_new (FALSE, FALSE, sizeof (IdLength));
  for (guint i = first; i < last; i++)
    {
      LecternHighlight *h = &g_array_index (self->highlights, LecternHighlight, i);

      if (offset < h->end)
        {
          IdLength il = { h->annotation_id, h->end - h->start };

          g_array_append_val (found, il);
        }
    }
  /* Stable: passages of one length stay in order of start. */
  g_array_sort (found, compare_length);
  for (guint i = 0; i < found->len; i++)
    g_array_append_val (ids, g_array_index (found, IdLength, i).annotation_id);
  return ids;
}

static gboolean
flash_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  LecternReaderText *self = LECTERN_READER_TEXT (widget);

  gtk_widget_queue_draw (widget);
  if (gdk_frame_clock_get_frame_time (clock) - self->flash_start > FLASH_USEC)
    {
      self->flash_id = 0;
      self->flash_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

void
lectern_reader_text_flash (LecternReaderText *self,
                           gint64             annotation_id)
{
  g_return_if_fail (LECTERN_IS_READER_TEXT (self));

  self->flash_id = annotation_id;
  self->flash_start = g_get_monotonic_time ();
  if (self->flash_tick == 0)
    self->flash_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), flash_tick_cb, NULL, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
lectern_reader_text_get_flash_id (LecternReaderText *self)
{
  g_return_val_if_fail (LECTERN_IS_READER_TEXT (self), 0);

  return self->flash_id;
}

static double
flash_level (LecternReaderText *self)
{
  double t;

  if (self->flash_id == 0)
    return 0.0;
  t = (double) (g_get_monotonic_time () - self->flash_start) / FLASH_USEC;
  t = CLAMP (t, 0.0, 1.0);
  /* Two soft pulses, then gone. */
  return 0.5 * (1.0 - t) * (0.5 - 0.5 * cos (t * 4.0 * G_PI));
}

/* Code points whose bidirectional class may be right-to-left (R, AL, AN)
 * or that open a right-to-left embedding or isolate: Hebrew to Arabic
 * Extended, their presentation forms, the right-to-left scripts of the
 * SMP, the marks and controls. Generous on purpose (pango's class lookup
 * is deprecated): a false hit only costs the exact, slower path. */
static gboolean
maybe_right_to_left (gunichar c)
{
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF) ||
         (c >= 0x1E800 && c <= 0x1EFFF) || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static void
paragraphs_changed_cb (LecternReaderText *self)
{
  g_byte_array_set_size (self->paragraphs, 0);
}

static void
watch_buffer (LecternReaderText *self)
{
  paragraphs_changed_cb (self);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "changed",
                           G_CALLBACK (paragraphs_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
buffer_notify_cb (LecternReaderText *self,
                  GParamSpec        *pspec,
                  gpointer           user_data)
{
  watch_buffer (self);
}

/* Whether the paragraph holding @iter is plain left-to-right text: a
 * letter (so a left-to-right base direction) and nothing that may run
 * right to left. Then its characters stand in logical order on screen and
 * a line's range is the stretch from its first to its last character.
 * Looked at once per paragraph until the text changes. */
static gboolean
paragraph_is_left_to_right (LecternReaderText *self,
                            const GtkTextIter *iter)
{
  guint line = gtk_text_iter_get_line (iter);
  GtkTextIter start = *iter, end = *iter;
  g_autofree char *text = NULL;
  gboolean letter = FALSE, rtl = FALSE;

  if (line < self->paragraphs->len && self->paragraphs->data[line] != PARAGRAPH_UNKNOWN)
    return self->paragraphs->data[line] == PARAGRAPH_LEFT_TO_RIGHT;

  gtk_text_iter_set_line_offset (&start, 0);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  text = gtk_text_iter_get_slice (&start, &end);
  for (const char *p = text; *p != '\0' && !rtl; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      rtl = maybe_right_to_left (c);
      letter = letter || g_unichar_isalpha (c);
    }

  if (line >= self->paragraphs->len)
    {
      guint old = self->paragraphs->len;

      g_byte_array_set_size (self->paragraphs, line + 1);
      memset (self->paragraphs->data + old, PARAGRAPH_UNKNOWN, line + 1 - old);
    }
  self->paragraphs->data[line] = letter && !rtl ? PARAGRAPH_LEFT_TO_RIGHT : PARAGRAPH_BIDI;
  return self->paragraphs->data[line] == PARAGRAPH_LEFT_TO_RIGHT;
}

typedef struct
{
  int x0;
  int x1;
} Span;

static int
compare_span (gconstpointer a,
              gconstpointer b)
{
  const Span *sa = a, *sb = b;

  return (sa->x0 > sb->x0) - (sa->x0 < sb->x0);
}

/* The horizontal spans that the characters from @it to @last (one display
 * line, @last included) cover on screen. In a right-to-left or mixed line
 * the bidirectional algorithm reorders runs, so the range is not the
 * stretch between its first and last character: each grapheme's box is
 * taken from the layout and boxes that touch are merged. Only the visible
 * part of a highlight comes here, so the cost is bounded by the screen. */
static void
line_spans (LecternReaderText *self,
            const GtkTextIter *it,
            const GtkTextIter *last,
            GArray            *spans,
            GdkRectangle      *line)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter c = *it;
  guint n = 0;

  g_array_set_size (spans, 0);
  if (paragraph_is_left_to_right (self, it))
    {
      GdkRectangle r1;
      Span span;

      gtk_text_view_get_iter_location (view, it, line);
      gtk_text_view_get_iter_location (view, last, &r1);
      if (r1.y != line->y)
        return;
      span.x0 = line->x;
      span.x1 = r1.x + MAX (r1.width, 0);
      if (gtk_text_iter_ends_line (last))
        span.x1 = MAX (span.x1, r1.x + 4);
      g_array_append_val (spans, span);
      return;
    }

  while (gtk_text_iter_compare (&c, last) <= 0)
    {
      GdkRectangle r;
      Span span;

      gtk_text_view_get_iter_location (view, &c, &r);
      if (spans->len == 0)
        *line = r;
      /* Right-to-left graphemes report a negative width. */
      span.x0 = MIN (r.x, r.x + r.width);
      span.x1 = MAX (r.x, r.x + r.width);
      if (span.x1 == span.x0 && gtk_text_iter_ends_line (&c))
        {
          /* The paragraph's end: a small block past the text shows that
           * the passage takes the line break, on the side the text runs
           * to (left of a right-to-left paragraph). */
          GtkTextIter prev = c;
          GdkRectangle p;
          gboolean rtl = FALSE;

          if (!gtk_text_iter_starts_line (&prev) && gtk_text_iter_backward_cursor_position (&prev))
            {
              gtk_text_view_get_iter_location (view, &prev, &p);
              rtl = p.y == r.y && MIN (p.x, p.x + p.width) >= r.x;
            }
          if (rtl)
            span.x0 -= 4;
          else
            span.x1 += 4;
        }
      g_array_append_val (spans, span);
      if (!gtk_text_iter_forward_cursor_position (&c))
        break;
    }

  if (spans->len == 0)
    return;
  g_array_sort (spans, compare_span);
  for (guint i = 1; i < spans->len; i++)
    {
      Span *cur = &g_array_index (spans, Span, n);
      const Span *next = &g_array_index (spans, Span, i);

      if (next->x0 <= cur->x1 + 1)
        cur->x1 = MAX (cur->x1, next->x1);
      else
        g_array_index (spans, Span, ++n) = *next;
    }
  g_array_set_size (spans, n + 1);
}

static void
draw_highlight (LecternReaderText      *self,
                GtkSnapshot            *snapshot,
                GArray                 *spans,
                const LecternHighlight *h,
                glong                   from,
                glong                   to,
                double                  tint_alpha,
                double                  flash)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter it, end;
  GdkRGBA tint;

  gtk_text_buffer_get_iter_at_offset (buffer, &it, MAX (h->start, from));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (h->end, to));

  tint = h->n_colours > 0 ? h->colours[0] : (GdkRGBA) { 0.98, 0.85, 0.3, 1 };
  tint.alpha = tint_alpha + (h->annotation_id == self->flash_id ? flash : 0.0);

  while (gtk_text_iter_compare (&it, &end) < 0)
    {
      GtkTextIter line_end = it, last;
      GdkRectangle line = { 0 };

      /* The display line's last character (the space where it wraps, or
       * the newline that ends the paragraph). */
      gtk_text_view_forward_display_line_end (view, &line_end);
      last = end;
      gtk_text_iter_backward_char (&last);
      if (gtk_text_iter_compare (&line_end, &last) < 0)
        last = line_end;

      line_spans (self, &it, &last, spans, &line);
      for (guint i = 0; i < spans->len; i++)
        {
          const Span *span = &g_array_index (spans, Span, i);
          graphene_rect_t rect;

          graphene_rect_init (&rect, span->x0, line.y, MAX (span->x1 - span->x0, 2), line.height);
          gtk_snapshot_append_color (snapshot, &tint, &rect);

          for (guint k = 0; k < h->n_colours; k++)
            {
              guint row = h->rows[k];
              graphene_rect_t stripe;

              if (row >= MAX_LANES)
                continue;
              graphene_rect_init (&stripe, rect.origin.x,
                                  line.y + line.height + 1 + row * STRIPE_STEP,
                                  rect.size.width, STRIPE_HEIGHT);
              gtk_snapshot_append_color (snapshot, &h->colours[k], &stripe);
            }
        }

      it = line_end;
      if (!gtk_text_iter_forward_char (&it))
        break;
    }
}

/* One frame per display line of [@start, @end). */
static void
draw_outline (GtkTextView       *view,
              GtkSnapshot       *snapshot,
              const GtkTextIter *start,
              const GtkTextIter *end,
              const GdkRGBA     *colour)
{
  const float widths[4] = { OUTLINE_WIDTH, OUTLINE_WIDTH, OUTLINE_WIDTH, OUTLINE_WIDTH };
  const GdkRGBA colours[4] = { *colour, *colour, *colour, *colour };
  GtkTextIter it = *start;

  while (gtk_text_iter_compare (&it, end) < 0)
    {
      GtkTextIter line_end = it, last;
      GdkRectangle r0, r1;

      gtk_text_view_forward_display_line_end (view, &line_end);
      last = *end;
      gtk_text_iter_backward_char (&last);
      if (gtk_text_iter_compare (&line_end, &last) < 0)
        last = line_end;

      gtk_text_view_get_iter_location (view, &it, &r0);
      gtk_text_view_get_iter_location (view, &last, &r1);
      /* A mark that runs on over a line break alone frames its words, not
       * an empty box at the start of the next line. */
      if (r1.y == r0.y && !(gtk_text_iter_equal (&it, &last) && gtk_text_iter_ends_line (&last) &&
                            (!gtk_text_iter_equal (&it, start) || gtk_text_iter_get_offset (end) - gtk_text_iter_get_offset (start) > 1)))
        {
          GskRoundedRect frame;
          int x1 = r1.x + MAX (r1.width, 0);

          if (gtk_text_iter_ends_line (&last))
            x1 = MAX (x1, r1.x + 6);
          /* Just outside the glyphs, so the frame never crosses them. */
          gsk_rounded_rect_init_from_rect (&frame,
                                           &GRAPHENE_RECT_INIT (r0.x - OUTLINE_WIDTH, r0.y,
                                                                MAX (x1 - r0.x, 4) + 2 * OUTLINE_WIDTH,
                                                                r0.height),
                                           3);
          gtk_snapshot_append_border (snapshot, &frame, widths, colours);
        }

      it = line_end;
      if (!gtk_text_iter_forward_char (&it))
        break;
    }
}

static void
draw_outlines (LecternReaderText *self,
               GtkSnapshot       *snapshot,
               const GtkTextIter *top,
               const GtkTextIter *bottom)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (view));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  for (guint i = 0; i < self->outlines->len; i++)
    {
      const Outline *o = &g_array_index (self->outlines, Outline, i);
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, o->tag_name);
      GtkTextIter s = *top, e;

      if (tag == NULL)
        continue;
      if (!gtk_text_iter_starts_tag (&s, tag) && gtk_text_iter_has_tag (&s, tag))
        gtk_text_iter_backward_to_tag_toggle (&s, tag);
      else if (!gtk_text_iter_has_tag (&s, tag) && !gtk_text_iter_forward_to_tag_toggle (&s, tag))
        continue;
      while (gtk_text_iter_compare (&s, bottom) < 0)
        {
          e = s;
          gtk_text_iter_forward_to_tag_toggle (&e, tag);
          draw_outline (view, snapshot, &s, &e, dark ? &o->dark : &o->light);
          s = e;
          if (!gtk_text_iter_forward_to_tag_toggle (&s, tag))
            break;
        }
    }
}

static void
lectern_reader_text_snapshot_layer (GtkTextView      *view,
                                    GtkTextViewLayer  layer,
                                    GtkSnapshot      *snapshot)
{
  LecternReaderText *self = LECTERN_READER_TEXT (view);
  GdkRectangle visible;
  GtkTextIter top, bottom;
  g_autoptr(GArray) spans = NULL;
  glong from, to;
  double tint_alpha, flash;

  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT && self->outlines->len > 0)
    {
      gtk_text_view_get_visible_rect (view, &visible);
      gtk_text_view_get_iter_at_location (view, &top, visible.x, visible.y);
      gtk_text_view_get_iter_at_location (view, &bottom, visible.x + MAX (visible.width - 1, 0),
                                          visible.y + MAX (visible.height - 1, 0));
      gtk_text_iter_forward_to_line_end (&bottom);
      gtk_text_iter_forward_char (&bottom);
      draw_outlines (self, snapshot, &top, &bottom);
      return;
    }

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self->highlights->len == 0)
    return;

  /* The last pixel row inside the view, not the one below it: when the
   * view has only validated the lines on screen (the first frame of a long
   * text), a point below them maps to the end of the buffer, and every
   * highlight in the text would be laid out and drawn. */
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &top, visible.x, visible.y);
  gtk_text_view_get_iter_at_location (view, &bottom, visible.x + MAX (visible.width - 1, 0),
                                      visible.y + MAX (visible.height - 1, 0));
  gtk_text_iter_forward_to_line_end (&bottom);
  from = gtk_text_iter_get_offset (&top);
  to = gtk_text_iter_get_offset (&bottom) + 1;

  tint_alpha = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? 0.30 : 0.20;
  flash = flash_level (self);
  spans = g_array_new (FALSE, FALSE, sizeof (Span));

  /* Highlights are sorted by start: none starting before from - max_length
   * reaches the top, so start there. */
  for (guint i = first_starting_at (self, from - self->max_length); i < self->highlights->len; i++)
    {
      const LecternHighlight *h = &g_array_index (self->highlights, LecternHighlight, i);

      if (h->start >= to)
        break;
      if (h->end <= from)
        continue;
      draw_highlight (self, snapshot, spans, h, from, to, tint_alpha, flash);
    }
}

/* ------------------------------------------------------------------ */
/* Coding stripes                                                      */

static int
compare_bar (gconstpointer a,
             gconstpointer b)
{
  const Bar *ba = a, *bb = b;

  if (ba->stripe.code != bb->stripe.code)
    return (ba->stripe.code > bb->stripe.code) - (ba->stripe.code < bb->stripe.code);
  return (ba->stripe.y0 > bb->stripe.y0) - (ba->stripe.y0 < bb->stripe.y0);
}

/* One bar per tag of each passage on screen, from the top of its first
 * visible line to the bottom of its last, in widget coordinates; bars of
 * one code that overlap (nested passages) become one. */
static GArray *
collect_bars (LecternReaderText *self,
              glong              from,
              glong              to)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GArray *bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  guint n = 0;

  for (guint i = first_starting_at (self, from - self->max_length); i < self->highlights->len; i++)
    {
      const LecternHighlight *h = &g_array_index (self->highlights, LecternHighlight, i);
      GtkTextIter s, last;
      GdkRectangle r0, r1;
      int y0, y1;

      if (h->start >= to)
        break;
      if (h->end <= from || h->end <= h->start)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &s, MAX (h->start, from));
      gtk_text_buffer_get_iter_at_offset (buffer, &last, MIN (h->end, to) - 1);
      if (gtk_text_iter_compare (&last, &s) < 0)
        last = s;
      gtk_text_view_get_iter_location (view, &s, &r0);
      gtk_text_view_get_iter_location (view, &last, &r1);
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, r0.y, NULL, &y0);
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, r1.y + r1.height, NULL, &y1);

      for (guint k = 0; k < h->n_colours; k++)
        {
          Bar bar = { { h->tag_ids[k], y0, MAX (y1, y0 + 2) }, h->annotation_id, h->colours[k] };

          if (h->tag_ids[k] != 0)
            g_array_append_val (bars, bar);
        }
    }

  g_array_sort (bars, compare_bar);
  for (guint i = 1; i < bars->len; i++)
    {
      Bar *cur = &g_array_index (bars, Bar, n);
      const Bar *next = &g_array_index (bars, Bar, i);

      if (next->stripe.code == cur->stripe.code && next->stripe.y0 < cur->stripe.y1)
        cur->stripe.y1 = MAX (cur->stripe.y1, next->stripe.y1);
      else
        g_array_index (bars, Bar, ++n) = *next;
    }
  if (bars->len > 0)
    g_array_set_size (bars, n + 1);
  return bars;
}

static PangoLayout *
label_layout (LecternReaderText *self,
              const char        *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *desc = pango_font_description_from_string ("Sans 7.5");

  /* The interface's face, small: a label, not part of the text. */
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  return layout;
}

static void
draw_stripes (LecternReaderText *self,
              GtkSnapshot       *snapshot)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GArray) bars = NULL;
  g_autoptr(GHashTable) hidden = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree LecternStripe *stripes = NULL;
  g_autofree guint *columns = NULL;
  graphene_rect_t gutter;
  GdkRectangle visible;
  GtkTextIter top, bottom;
  GdkRGBA ink;
  int text_right, view_y;
  float x0;

  g_array_set_size (self->stripe_hits, 0);
  if (!gtk_widget_compute_bounds (self->gutter, widget, &gutter))
    return;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &top, visible.x, visible.y);
  gtk_text_view_get_iter_at_location (view, &bottom, visible.x + MAX (visible.width - 1, 0),
                                      visible.y + MAX (visible.height - 1, 0));
  gtk_text_iter_forward_to_line_end (&bottom);
  bars = collect_bars (self, gtk_text_iter_get_offset (&top), gtk_text_iter_get_offset (&bottom) + 1);
  if (bars->len == 0)
    return;

  stripes = g_new (LecternStripe, bars->len);
  columns = g_new (guint, bars->len);
  for (guint i = 0; i < bars->len; i++)
    stripes[i] = g_array_index (bars, Bar, i).stripe;
  lectern_stripe_layout_assign (stripes, bars->len, columns);

  /* Right beside the text column when its margin has room (a wide
   * window centres the text), else in the gutter itself. */
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         visible.x + visible.width - gtk_text_view_get_right_margin (view),
                                         visible.y, &text_right, &view_y);
  x0 = MIN (text_right + STRIPE_TEXT_GAP, gutter.origin.x + STRIPE_PADDING);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
  ink.alpha *= 0.8;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x0, view_y, gutter.origin.x + gutter.size.width - x0,
                                                         visible.height));
  for (guint i = 0; i < bars->len; i++)
    {
      const Bar *bar = &g_array_index (bars, Bar, i);
      LecternTag *tag = self->tags ? g_hash_table_lookup (self->tags, &bar->stripe.code) : NULL;
      float x = x0 + columns[i] * STRIPE_COLUMN;
      int y0 = MAX (bar->stripe.y0, view_y), y1 = MIN (bar->stripe.y1, view_y + visible.height);
      GdkRGBA colour = bar->colour;
      StripeHit hit;

      if (columns[i] >= STRIPE_MAX_COLUMNS)
        {
          g_hash_table_add (hidden, (gpointer) &bar->stripe.code);
          continue;
        }

      colour.alpha = 1.0;
      gtk_snapshot_append_color (snapshot, &colour,
                                 &GRAPHENE_RECT_INIT (x, bar->stripe.y0, STRIPE_BAR,
                                                      bar->stripe.y1 - bar->stripe.y0));

      /* The name once, from the top of the bar's visible part, reading
       * downwards beside it and cut to its length. */
      if (tag != NULL && y1 - y0 >= STRIPE_MIN_LABEL)
        {
          g_autoptr(PangoLayout) layout = label_layout (self, lectern_tag_get_name (tag));
          int height;

          pango_layout_set_width (layout, (y1 - y0 - 2) * PANGO_SCALE);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_get_pixel_size (layout, NULL, &height);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + STRIPE_BAR + 1 + height, y0 + 1));
          gtk_snapshot_rotate (snapshot, 90);
          gtk_snapshot_append_layout (snapshot, layout, &ink);
          gtk_snapshot_restore (snapshot);
        }

      graphene_rect_init (&hit.area, x, bar->stripe.y0, STRIPE_COLUMN, bar->stripe.y1 - bar->stripe.y0);
      hit.code = bar->stripe.code;
      hit.annotation_id = bar->annotation_id;
      g_array_append_val (self->stripe_hits, hit);
    }

  if (g_hash_table_size (hidden) > 0)
    {
      g_autofree char *more = g_strdup_printf ("+%u", g_hash_table_size (hidden));
      g_autoptr(PangoLayout) layout = label_layout (self, more);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x0 + STRIPE_MAX_COLUMNS * STRIPE_COLUMN + 2,
                                                              view_y + 4));
      gtk_snapshot_append_layout (snapshot, layout, &ink);
      gtk_snapshot_restore (snapshot);
    }
  gtk_snapshot_pop (snapshot);
}

static void
lectern_reader_text_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LecternReaderText *self = LECTERN_READER_TEXT (widget);

  GTK_WIDGET_CLASS (lectern_reader_text_parent_class)->snapshot (widget, snapshot);
  if (self->show_stripes && gtk_widget_get_visible (self->gutter))
    draw_stripes (self, snapshot);
  else
    g_array_set_size (self->stripe_hits, 0);
}

static const StripeHit *
stripe_hit_at (LecternReaderText *self,
               double             x,
               double             y)
{
  for (guint i = 0; i < self->stripe_hits->len; i++)
    {
      const StripeHit *hit = &g_array_index (self->stripe_hits, StripeHit, i);

      if (graphene_rect_contains_point (&hit->area, &GRAPHENE_POINT_INIT (x, y)))
        return hit;
    }
  return NULL;
}

const char *
lectern_reader_text_get_stripe_at (LecternReaderText *self,
                                   double             x,
                                   double             y,
                                   gint64            *annotation_id)
{
  const StripeHit *hit;
  LecternTag *tag;

  g_return_val_if_fail (LECTERN_IS_READER_TEXT (self), NULL);

  hit = stripe_hit_at (self, x, y);
  if (hit == NULL)
    return NULL;
  if (annotation_id != NULL)
    *annotation_id = hit->annotation_id;
  tag = self->tags ? g_hash_table_lookup (self->tags, &hit->code) : NULL;
  return tag ? lectern_tag_get_path (tag) : NULL;
}

/* A click on a stripe selects its passage. */
static void
stripe_pressed_cb (GtkGestureClick   *gesture,
                   int                n_press,
                   double             x,
                   double             y,
                   LecternReaderText *self)
{
  const StripeHit *hit = stripe_hit_at (self, x, y);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  if (hit == NULL || gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  for (guint i = 0; i < self->highlights->len; i++)
    {
      const LecternHighlight *h = &g_array_index (self->highlights, LecternHighlight, i);
      GtkTextIter s, e;

      if (h->annotation_id != hit->annotation_id)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &s, h->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &e, h->end);
      gtk_text_buffer_select_range (buffer, &s, &e);
      break;
    }
}

static void
lectern_reader_text_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LecternReaderText *self = LECTERN_READER_TEXT (object);

  switch (prop_id)
    {
    case PROP_SHOW_CODING_STRIPES:
      g_value_set_boolean (value, self->show_stripes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_reader_text_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LecternReaderText *self = LECTERN_READER_TEXT (object);

  switch (prop_id)
    {
    case PROP_SHOW_CODING_STRIPES:
      if (self->show_stripes != g_value_get_boolean (value))
        {
          self->show_stripes = g_value_get_boolean (value);
          update_gutter (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_reader_text_dispose (GObject *object)
{
  LecternReaderText *self = LECTERN_READER_TEXT (object);

  if (self->flash_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->flash_tick);
      self->flash_tick = 0;
    }
  G_OBJECT_CLASS (lectern_reader_text_parent_class)->dispose (object);
}

static void
lectern_reader_text_finalize (GObject *object)
{
  LecternReaderText *self = LECTERN_READER_TEXT (object);

  g_clear_pointer (&self->highlights, g_array_unref);
  g_clear_pointer (&self->outlines, g_array_unref);
  g_clear_pointer (&self->paragraphs, g_byte_array_unref);
  g_clear_pointer (&self->stripe_hits, g_array_unref);
  g_clear_pointer (&self->tags, g_hash_table_unref);
  G_OBJECT_CLASS (lectern_reader_text_parent_class)->finalize (object);
}

static void
lectern_reader_text_class_init (LecternReaderTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = lectern_reader_text_dispose;
  object_class->finalize = lectern_reader_text_finalize;
  object_class->get_property = lectern_reader_text_get_property;
  object_class->set_property = lectern_reader_text_set_property;
  widget_class->snapshot = lectern_reader_text_snapshot;
  text_view_class->snapshot_layer = lectern_reader_text_snapshot_layer;

  properties[PROP_SHOW_CODING_STRIPES] =
    g_param_spec_boolean ("show-coding-stripes", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "view.show-coding-stripes", "show-coding-stripes");
}

static void
lectern_reader_text_init (LecternReaderText *self)
{
  GtkGesture *click;

  self->highlights = g_array_new (FALSE, FALSE, sizeof (LecternHighlight));
  self->outlines = g_array_new (FALSE, FALSE, sizeof (Outline));
  g_array_set_clear_func (self->outlines, clear_outline);
  self->paragraphs = g_byte_array_new ();
  self->stripe_hits = g_array_new (FALSE, FALSE, sizeof (StripeHit));
  self->show_stripes = TRUE;
  watch_buffer (self);
  g_signal_connect (self, "notify::buffer", G_CALLBACK (buffer_notify_cb), NULL);

  /* Reading, not editing: the caret stays so the keyboard can select. */
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "reader");

  /* An empty widget: the stripes are drawn with the text (see above). */
  self->gutter = gtk_drawing_area_new ();
  gtk_widget_set_visible (self->gutter, FALSE);
  gtk_widget_add_css_class (self->gutter, "coding-stripes");
  gtk_text_view_set_gutter (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_RIGHT, self->gutter);

  click = gtk_gesture_click_new ();
  /* Any button, checked when pressed: the reader's own primary-button
   * gesture on the text stays the one a search for it finds. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (stripe_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
lectern_reader_text_new (void)
{
  return g_object_new (LECTERN_TYPE_READER_TEXT, NULL);
}

void
lectern_reader_text_add_outline (LecternReaderText *self,
                                 const char        *tag_name,
                                 const GdkRGBA     *light,
                                 const GdkRGBA     *dark)
{
  Outline o;

  g_return_if_fail (LECTERN_IS_READER_TEXT (self));
  g_return_if_fail (tag_name != NULL && light != NULL && dark != NULL);

  o.tag_name = g_strdup (tag_name);
  o.light = *light;
  o.dark = *dark;
  g_array_append_val (self->outlines, o);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
lectern_reader_text_get_outline (LecternReaderText *self,
                                 const char        *tag_name,
                                 GdkRGBA           *colour)
{
  g_return_val_if_fail (LECTERN_IS_READER_TEXT (self), FALSE);

  for (guint i = 0; i < self->outlines->len; i++)
    {
      const Outline *o = &g_array_index (self->outlines, Outline, i);

      if (g_str_equal (o->tag_name, tag_name))
        {
          if (colour != NULL)
            *colour = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? o->dark : o->light;
          return TRUE;
        }
    }
  return FALSE;
}
