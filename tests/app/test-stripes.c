/* test-stripes.c — the reader's coding stripes: a margin beside the text
 * in which each passage has a bar in its code's colour over its lines,
 * overlapping codes in different columns; the menu toggle takes the
 * margin away. Checked on the pixels the reader draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-window-private.h"

#define TEXT \
  "Water and the treaty\n" \
  "\n" \
  "The delegations met in Geneva in the spring and agreed on a joint commission for the river.\n" \
  "\n" \
  "The commission would share the water by season and publish its gauges every month.\n" \
  "\n" \
  "Both parties kept the right to withdraw after ten years, with a year of notice.\n" \
  "\n" \
  "The weather was fine and the dinner long.\n"


typedef struct
{
  const char *name;
  const char *colour;
  guint8      r, g, b;
} Code;

static const Code codes[] = {
  { "Institutions", "#e01b24", 0xe0, 0x1b, 0x24 },
  { "Water", "#1c71d8", 0x1c, 0x71, 0xd8 },
  { "Time", "#26a269", 0x26, 0xa2, 0x69 },
};

typedef struct
{
  const char *from;      /* the passage runs from the start of this */
  const char *to;        /* to the end of this */
  guint       code[2];   /* indices into codes[], the second optional (G_MAXUINT) */
  glong       start, end;
} Passage;

static glong
offset_of (const char *needle,
           gboolean    end)
{
  const char *p = strstr (TEXT, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (TEXT, p) + (end ? g_utf8_strlen (needle, -1) : 0);
}

/* The x of the first pixel of @code's colour on row @y, right of @x0; -1
 * if none. */
static int
find_colour (cairo_surface_t *surface,
             int              x0,
             int              y,
             const Code      *code)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int w = cairo_image_surface_get_width (surface);

  for (int x = MAX (x0, 0); x < w; x++)
    {
      guint32 v = *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4);
      int r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;

      if (ABS (r - code->r) <= 6 && ABS (g - code->g) <= 6 && ABS (b - code->b) <= 6)
        return x;
    }
  return -1;
}

/* The rows, in widget coordinates, from the top of the passage's first
 * line to the bottom of its last. */
static void
passage_rows (GtkTextView   *view,
              const Passage *p,
              int           *y0,
              int           *y1)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter s, e;
  GdkRectangle r0, r1;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, p->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, p->end - 1);
  gtk_text_view_get_iter_location (view, &s, &r0);
  gtk_text_view_get_iter_location (view, &e, &r1);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, r0.y, NULL, y0);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, r1.y + r1.height, NULL, y1);
}

/* Right of the text column: where the margin begins. */
static int
text_right (GtkTextView *view)
{
  GdkRectangle visible;
  int x;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         visible.x + visible.width - gtk_text_view_get_right_margin (view),
                                         0, &x, NULL);
  return x + 2;
}

static int
gutter_width (GtkTextView *view)
{
  GtkWidget *gutter = gtk_text_view_get_gutter (view, GTK_TEXT_WINDOW_RIGHT);

  return gutter != NULL && gtk_widget_get_visible (gutter) ? gtk_widget_get_width (gutter) : 0;
}

static void
count_paint (guint *n_paints)
{
  (*n_paints)++;
}

static void
draw_twice (LecternWindow *window,
            GtkWidget     *view)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  guint n_paints = 0;
  gulong handler;

  /* The first frame lays the lines out. */
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_paint), &n_paints);
  gtk_widget_queue_draw (view);
  WAIT_UNTIL (n_paints >= 1);
  gtk_widget_queue_draw (view);
  WAIT_UNTIL (n_paints >= 2);
  g_signal_handler_disconnect (clock, handler);
}

static void
test_stripes (void)
{
  Passage passages[] = {
    /* Institutions over the first two paragraphs. */
    { "The delegations", "every month.", { 0, G_MAXUINT } },
    /* Water from the second paragraph's middle into the third. */
    { "share the water", "ten years,", { 1, G_MAXUINT } },
    /* Time inside the second paragraph, and with Water on the third. */
    { "by season", "every month.", { 2, G_MAXUINT } },
    { "with a year", "of notice.", { 2, 1 } },
  };
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "stripes.lectern", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  gint64 tag_ids[G_N_ELEMENTS (codes)];
  LecternWindow *window;
  GtkTextView *view;
  cairo_surface_t *surface;
  int margin, y0, y1, x_inst, x_water, x_time;
  Passage last_line = { "The weather", "long." };
  gint64 doc;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  lectern_document_set_title (document, "Water and the treaty");
  doc = lectern_project_add_document (project, document, TEXT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(LecternTag) tag = lectern_project_add_tag (project, 0, codes[i].name, codes[i].colour, &error);

      g_assert_no_error (error);
      tag_ids[i] = lectern_tag_get_id (tag);
    }
  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    {
      g_autoptr(LecternAnnotation) a = NULL;
      gint64 ids[2];
      guint n = 0;

      passages[i].start = offset_of (passages[i].from, FALSE);
      passages[i].end = offset_of (passages[i].to, TRUE);
      for (guint k = 0; k < 2; k++)
        if (passages[i].code[k] != G_MAXUINT)
          ids[n++] = tag_ids[passages[i].code[k]];
      a = lectern_project_add_annotation (project, doc, passages[i].start, passages[i].end,
                                         ids, n, NULL, &error);
      g_assert_no_error (error);
    }
  last_line.start = offset_of (last_line.from, FALSE);
  last_line.end = offset_of (last_line.to, TRUE);
  g_clear_object (&project);

  window = lectern_window_new (app_test_get_app ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  lectern_window_open_project (window, file, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpint (window->document_id, ==, doc);
  view = GTK_TEXT_VIEW (lectern_reader_view_get_text_view (window->reader_view));
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (view)) > 0);
  draw_twice (window, GTK_WIDGET (view));

  /* On by default: the margin has room for the three codes' columns. */
  g_assert_true (g_settings_get_boolean (lectern_settings (), "show-coding-stripes"));
  g_assert_cmpint (gutter_width (view), >, 0);

  surface = app_test_render_widget (GTK_WIDGET (view));
  if (g_getenv ("LECTERN_TEST_PNG") != NULL)
    cairo_surface_write_to_png (surface, g_getenv ("LECTERN_TEST_PNG"));
  margin = text_right (view);

  /* Each tag of each passage: its colour in the margin over the middle
   * and near both ends of the passage's lines. */
  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    {
      passage_rows (view, &passages[i], &y0, &y1);
      for (guint k = 0; k < 2; k++)
        {
          const Code *code = passages[i].code[k] != G_MAXUINT ? &codes[passages[i].code[k]] : NULL;

          if (code == NULL)
            continue;
          g_test_message ("“%s” %s: rows %d–%d", passages[i].from, code->name, y0, y1);
          g_assert_cmpint (find_colour (surface, margin, y0 + 2, code), >=, 0);
          g_assert_cmpint (find_colour (surface, margin, (y0 + y1) / 2, code), >=, 0);
          g_assert_cmpint (find_colour (surface, margin, y1 - 2, code), >=, 0);
        }
    }

  /* Where the three overlap (the second paragraph's last line), three
   * columns side by side. */
  passage_rows (view, &passages[2], &y0, &y1);
  x_inst = find_colour (surface, margin, y1 - 2, &codes[0]);
  x_water = find_colour (surface, margin, y1 - 2, &codes[1]);
  x_time = find_colour (surface, margin, y1 - 2, &codes[2]);
  g_assert_cmpint (ABS (x_inst - x_water), >=, 4);
  g_assert_cmpint (ABS (x_inst - x_time), >=, 4);
  g_assert_cmpint (ABS (x_water - x_time), >=, 4);

  /* Nothing beside the untagged last line. */
  passage_rows (view, &last_line, &y0, &y1);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_assert_cmpint (find_colour (surface, margin, (y0 + y1) / 2, &codes[i]), <, 0);
  cairo_surface_destroy (surface);

  /* Off from the text's menu: no margin, no stripes, and remembered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.show-coding-stripes", NULL));
  g_assert_false (g_settings_get_boolean (lectern_settings (), "show-coding-stripes"));
  draw_twice (window, GTK_WIDGET (view));
  g_assert_cmpint (gutter_width (view), ==, 0);
  surface = app_test_render_widget (GTK_WIDGET (view));
  passage_rows (view, &passages[0], &y0, &y1);
  g_assert_cmpint (find_colour (surface, text_right (view), (y0 + y1) / 2, &codes[0]), <, 0);
  cairo_surface_destroy (surface);

  g_settings_set_boolean (lectern_settings (), "show-coding-stripes", TRUE);
  draw_twice (window, GTK_WIDGET (view));
  g_assert_cmpint (gutter_width (view), >, 0);

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  app_test_drain ();
  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/Stripes/margin", test_stripes);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-stripes-test", add_tests);
}
