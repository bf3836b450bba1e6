/* test-reader-rtl.c — highlights in right-to-left and mixed paragraphs,
 * checked on the pixels the reader draws: the tint must lie under the
 * passage's characters, wherever the bidirectional algorithm puts them,
 * and nowhere else on their lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-window-private.h"

/* A Latin paragraph (the control), an Arabic one, a Hebrew one with an
 * English word and a number in it. Each short enough for one line. */
#define TEXT \
  "Water and the treaty\n" \
  "\n" \
  "The delegations agreed on a joint commission.\n" \
  "\n" \
  "اتفق الوفدان في جنيف على تقاسم مياه النهر حسب الفصول.\n" \
  "\n" \
  "הוועדה המשותפת של Lectern תפרסם 52 דוחות בשנה על מפלס המים.\n"

/* A strong red: a 20 % tint of it on the view's white is far from grey. */
#define TAG_COLOUR "#e01b24"


typedef struct
{
  const char *passage;   /* annotated */
  glong       start;
  glong       end;
} Passage;

static glong
offset_of (const char *needle)
{
  const char *p = strstr (TEXT, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (TEXT, p);
}

static gboolean
is_tinted (const guchar *px)
{
  /* CAIRO_FORMAT_ARGB32 in native order: B G R A on little endian. */
  guint32 v = *(const guint32 *) px;
  int r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;

  return r - g > 18 && r - b > 18;
}

/* The character at @offset, in the text view's widget coordinates, inset
 * by a pixel so that anti-aliased span edges do not count. FALSE for a
 * character too narrow to sample (a space may be 3 px). */
static gboolean
char_box (GtkTextView  *view,
          glong         offset,
          GdkRectangle *box)
{
  GtkTextIter iter;
  GdkRectangle r;
  int x0, x1;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, &r);
  /* Right-to-left characters report a negative width. */
  x0 = MIN (r.x, r.x + r.width);
  x1 = MAX (r.x, r.x + r.width);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, x0, r.y, &box->x, &box->y);
  box->x += 1;
  box->width = x1 - x0 - 2;
  box->y += 1;
  box->height = r.height - 2;
  return box->width >= 2 && box->height >= 2;
}

typedef struct
{
  guint tinted;
  guint total;
} Count;

static void
count_box (cairo_surface_t    *surface,
           const GdkRectangle *box,
           Count              *count)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);

  for (int y = MAX (box->y, 0); y < MIN (box->y + box->height, h); y++)
    for (int x = MAX (box->x, 0); x < MIN (box->x + box->width, w); x++)
      {
        count->total++;
        if (is_tinted (data + (gsize) y * stride + (gsize) x * 4))
          count->tinted++;
      }
}

static gboolean
in_any_passage (const Passage *passages,
                guint          n_passages,
                glong          offset)
{
  for (guint i = 0; i < n_passages; i++)
    if (offset >= passages[i].start && offset < passages[i].end)
      return TRUE;
  return FALSE;
}

/* Inside the passage's characters a clear majority of pixels carry the
 * tint (the rest is ink); in the characters of its lines that no passage
 * takes, almost none do. */
static void
assert_passage_tinted (GtkTextView     *view,
                       cairo_surface_t *surface,
                       const Passage   *passages,
                       guint            n_passages,
                       const Passage   *p)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter line_start, line_end;
  Count inside = { 0 }, outside = { 0 };
  g_autoptr(GHashTable) line_ys = g_hash_table_new (NULL, NULL);

  for (glong o = p->start; o < p->end; o++)
    {
      GdkRectangle box;

      if (char_box (view, o, &box))
        {
          count_box (surface, &box, &inside);
          g_hash_table_add (line_ys, GINT_TO_POINTER (box.y));
        }
    }

  gtk_text_buffer_get_iter_at_offset (buffer, &line_start, p->start);
  gtk_text_iter_set_line_offset (&line_start, 0);
  line_end = line_start;
  gtk_text_iter_forward_to_line_end (&line_end);
  for (glong o = gtk_text_iter_get_offset (&line_start); o < gtk_text_iter_get_offset (&line_end); o++)
    {
      GdkRectangle box;

      /* Only the passage's own display lines: the tag's stripe runs in
       * the gap below them, over the top of the next line. */
      if (!in_any_passage (passages, n_passages, o) && char_box (view, o, &box)
          && g_hash_table_contains (line_ys, GINT_TO_POINTER (box.y)))
        count_box (surface, &box, &outside);
    }

  g_test_message ("“%s”: %u of %u pixels tinted inside, %u of %u outside",
                  p->passage, inside.tinted, inside.total, outside.tinted, outside.total);
  g_assert_cmpuint (inside.total, >, 100);
  g_assert_cmpuint (outside.total, >, 100);
  g_assert_cmpfloat ((double) inside.tinted / inside.total, >, 0.6);
  g_assert_cmpfloat ((double) outside.tinted / outside.total, <, 0.05);
}

static void
count_paint (guint *n_paints)
{
  (*n_paints)++;
}

static void
test_rtl_highlights (void)
{
  Passage passages[] = {
    /* Latin, the control. */
    { "a joint commission" },
    /* Arabic, in the middle of its line. */
    { "على تقاسم مياه" },
    /* Hebrew, then the start of an English word: shown as two pieces, the
     * Hebrew on the right and "Lec" at the far left of "Lectern", with
     * "tern" between them untinted. */
    { "המשותפת של Lec" },
    /* Hebrew around an English word and a number, right to left. */
    { "תפרסם 52 דוחות" },
  };
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "rtl.lectern", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(LecternTag) tag = NULL;
  LecternWindow *window;
  GtkTextView *view;
  cairo_surface_t *surface;
  GdkFrameClock *clock;
  guint n_paints = 0;
  gulong handler;
  gint64 doc, tag_id;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  lectern_document_set_title (document, "Water and the treaty");
  doc = lectern_project_add_document (project, document, TEXT, &error);
  g_assert_no_error (error);
  tag = lectern_project_add_tag (project, 0, "Water", TAG_COLOUR, &error);
  g_assert_no_error (error);
  tag_id = lectern_tag_get_id (tag);
  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    {
      g_autoptr(LecternAnnotation) a = NULL;

      passages[i].start = offset_of (passages[i].passage);
      passages[i].end = passages[i].start + g_utf8_strlen (passages[i].passage, -1);
      a = lectern_project_add_annotation (project, doc, passages[i].start, passages[i].end,
                                         &tag_id, 1, NULL, &error);
      g_assert_no_error (error);
    }
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
  /* Drawn twice: the first frame lays the lines out. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_paint), &n_paints);
  gtk_widget_queue_draw (GTK_WIDGET (view));
  WAIT_UNTIL (n_paints >= 1);
  gtk_widget_queue_draw (GTK_WIDGET (view));
  WAIT_UNTIL (n_paints >= 2);
  g_signal_handler_disconnect (clock, handler);

  surface = app_test_render_widget (GTK_WIDGET (view));
  if (g_getenv ("LECTERN_TEST_PNG") != NULL)
    cairo_surface_write_to_png (surface, g_getenv ("LECTERN_TEST_PNG"));
  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    assert_passage_tinted (view, surface, passages, G_N_ELEMENTS (passages), &passages[i]);
  cairo_surface_destroy (surface);

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  app_test_drain ();
  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/ReaderRtl/highlights", test_rtl_highlights);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-rtl-test", add_tests);
}
