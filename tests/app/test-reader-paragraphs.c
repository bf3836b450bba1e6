/* test-reader-paragraphs.c — the reader with a transcript whose paragraphs
 * are separated by single line breaks: paragraph spacing, triple click on a
 * wrapped paragraph, paragraph numbers in the margin.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-window-private.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#define LONG_ANSWER \
  "A: We had told them, more than once, that the talks would go nowhere without " \
  "Kyiv at the table, and that any plan drawn up in Moscow and Washington alone " \
  "would be read in Europe as a settlement over the heads of those who would " \
  "have to live with it, which is exactly what happened in the spring."
#define TEXT \
  "Q: What did you tell the envoy?\n" \
  LONG_ANSWER "\n" \
  "Q: And he said?\n" \
  "A: Nothing.\n"


static LecternWindow *
open_window (void)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("paragraphs-%u.lectern", ++serial);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  LecternWindow *window;
  gint64 doc;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  lectern_document_set_title (document, "Interview");
  doc = lectern_project_add_document (project, document, TEXT, &error);
  g_assert_no_error (error);
  g_clear_object (&project);

  window = lectern_window_new (app_test_get_app ());
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  lectern_window_open_project (window, file, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  lectern_window_set_document_id (window, doc);
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (lectern_reader_view_get_text_view (window->reader_view))) > 0);
  app_test_drain ();
  return window;
}

/* Each line break gets more space under it than a wrapped line does. */
static void
test_spacing (void)
{
  LecternWindow *window = open_window ();
  GtkTextView *view = GTK_TEXT_VIEW (lectern_reader_view_get_text_view (window->reader_view));
  GtkTextIter first, second;
  GdkRectangle a, b;
  int line_height;

  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (view)),
                                               "paragraph-break");
  int below = 0;

  g_assert_nonnull (tag);
  g_object_get (tag, "pixels-below-lines", &below, NULL);
  g_assert_cmpint (below, >, gtk_text_view_get_pixels_inside_wrap (view));

  /* And on screen: from "Q:" to "A:" is more than one wrapped line. */
  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (view), &first, 0);
  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (view), &second, 1);
  gtk_text_view_get_iter_location (view, &first, &a);
  gtk_text_view_get_iter_location (view, &second, &b);
  line_height = a.height + gtk_text_view_get_pixels_inside_wrap (view);
  g_assert_cmpint (b.y - a.y, >, line_height + 4);
  app_test_close_window (GTK_WINDOW (window));
}

/* Presses the primary button @n times at @x, @y of @widget with real
 * events (xdotool); FALSE where that cannot be done. */
static gboolean
click_times (GtkWidget *widget,
             double     x,
             double     y,
             int        n)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  double wx, wy, sx, sy;
  int status;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;
  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y, &wx, &wy));
  gtk_native_get_surface_transform (native, &sx, &sy);
  command = g_strdup_printf ("%s mousemove --window %lu %d %d click --repeat %d --delay 80 1", xdotool,
                             (gulong) gdk_x11_surface_get_xid (surface),
                             (int) (wx + sx), (int) (wy + sy), n);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
#else
  return FALSE;
#endif
}

/* A triple click on the second display line of a wrapped paragraph
 * selects the paragraph, not that display line. */
static void
test_triple_click (void)
{
  LecternWindow *window = open_window ();
  GtkTextView *view = GTK_TEXT_VIEW (lectern_reader_view_get_text_view (window->reader_view));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *selected = NULL;
  GtkTextIter iter, start, end;
  GdkRectangle rect;
  int x, y;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  g_assert_true (gtk_text_view_forward_display_line (view, &iter));
  g_assert_cmpint (gtk_text_iter_get_line (&iter), ==, 1);   /* it wraps */
  gtk_text_iter_forward_chars (&iter, 3);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  if (!click_times (GTK_WIDGET (view), x, y, 3))
    {
      g_test_skip ("No xdotool on X11: real clicks not tried");
      app_test_close_window (GTK_WINDOW (window));
      return;
    }
  WAIT_UNTIL (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  app_test_drain ();
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, LONG_ANSWER);
  app_test_close_window (GTK_WINDOW (window));
}

static guint
count_text_nodes (GskRenderNode *node)
{
  guint n = 0;

  if (node == NULL)
    return 0;
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      return 1;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_text_nodes (gsk_container_node_get_child (node, i));
      return n;
    case GSK_TRANSFORM_NODE:
      return count_text_nodes (gsk_transform_node_get_child (node));
    case GSK_CLIP_NODE:
      return count_text_nodes (gsk_clip_node_get_child (node));
    case GSK_OPACITY_NODE:
      return count_text_nodes (gsk_opacity_node_get_child (node));
    default:
      return 0;
    }
}

/* The menu's toggle shows a margin with the numbers of the four
 * paragraphs. */
static void
test_numbers (void)
{
  LecternWindow *window = open_window ();
  GtkTextView *view = GTK_TEXT_VIEW (lectern_reader_view_get_text_view (window->reader_view));
  GtkWidget *gutter;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GBytes) serialized = NULL;
  g_autofree char *drawn = NULL;
  GdkRectangle rect;
  GtkTextIter iter;
  int x_after;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (view), &iter);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-paragraph-numbers", NULL));
  g_assert_true (g_settings_get_boolean (lectern_settings (), "show-paragraph-numbers"));
  /* GtkTextView holds the reader's gutter in a child of its own. */
  gutter = gtk_text_view_get_gutter (view, GTK_TEXT_WINDOW_LEFT);
  g_assert_nonnull (gutter);
  gutter = gtk_widget_get_first_child (gutter);
  g_assert_nonnull (gutter);
  WAIT_UNTIL (gtk_widget_get_mapped (gutter) && gtk_widget_get_width (gutter) > 0);
  app_test_drain ();

  /* It draws the four numbers. */
  paintable = gtk_widget_paintable_new (gutter);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (gutter), gtk_widget_get_height (gutter));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_cmpuint (count_text_nodes (node), >=, 4);
  serialized = gsk_render_node_serialize (node);
  drawn = g_strndup (g_bytes_get_data (serialized, NULL), g_bytes_get_size (serialized));
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *glyphs = g_strdup_printf ("glyphs: \"%u\"", i);

      g_assert_nonnull (strstr (drawn, glyphs));
    }
  g_assert_null (strstr (drawn, "glyphs: \"5\""));

  /* The text is never under the numbers. */
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &x_after, NULL);
  g_assert_cmpint (x_after, >=, gtk_widget_get_width (gutter));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-paragraph-numbers", NULL));
  g_assert_false (g_settings_get_boolean (lectern_settings (), "show-paragraph-numbers"));
  WAIT_UNTIL (!gtk_widget_get_visible (gutter));
  app_test_close_window (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/ReaderParagraphs/spacing", test_spacing);
  g_test_add_func ("/Lectern/ReaderParagraphs/triple-click", test_triple_click);
  g_test_add_func ("/Lectern/ReaderParagraphs/numbers", test_numbers);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-paragraphs-test", add_tests);
}
