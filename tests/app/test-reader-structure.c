/* test-reader-structure.c — the reader shows what a document's format
 * said of its text: headings set as headings, page labels in the margin
 * (even with paragraph numbers off), a quote indented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-window-private.h"

#define TEXT "Title\n\nFirst paragraph, on page one.\n\nSecond paragraph, on page two."

static LecternWindow *
open_window (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "structure.lectern", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GArray) structure = lectern_structure_new ();
  LecternWindow *window;
  gint64 doc;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  lectern_document_set_title (document, "Paged");
  doc = lectern_project_add_document (project, document, TEXT, &error);
  g_assert_no_error (error);
  lectern_structure_add (structure, 0, 7, LECTERN_STRUCTURE_KIND_PAGE, "xi");
  lectern_structure_add (structure, 7, 68, LECTERN_STRUCTURE_KIND_PAGE, "xii");
  lectern_structure_add (structure, 0, 5, LECTERN_STRUCTURE_KIND_HEADING, "1");
  lectern_structure_add (structure, 38, 68, LECTERN_STRUCTURE_KIND_QUOTE, NULL);
  g_assert_true (lectern_project_set_document_structure (project, doc, structure, &error));
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

static void
test_structure (void)
{
  LecternWindow *window = open_window ();
  GtkTextView *view = GTK_TEXT_VIEW (lectern_reader_view_get_text_view (window->reader_view));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *heading = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "heading-1");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GBytes) serialized = NULL;
  g_autofree char *drawn = NULL;
  GtkTextIter title, body, quoted;
  GdkRectangle title_rect, body_rect, quoted_rect;
  GtkWidget *gutter;
  double scale = 0;
  int weight = 0;

  /* The heading: larger and bold, over its span only. */
  g_assert_nonnull (heading);
  g_object_get (heading, "scale", &scale, "weight", &weight, NULL);
  g_assert_cmpfloat (scale, >, 1.0);
  g_assert_cmpint (weight, >=, PANGO_WEIGHT_BOLD);
  gtk_text_buffer_get_iter_at_offset (buffer, &title, 0);
  gtk_text_buffer_get_iter_at_offset (buffer, &body, 7);
  gtk_text_buffer_get_iter_at_offset (buffer, &quoted, 38);
  g_assert_true (gtk_text_iter_has_tag (&title, heading));
  g_assert_false (gtk_text_iter_has_tag (&body, heading));
  gtk_text_view_get_iter_location (view, &title, &title_rect);
  gtk_text_view_get_iter_location (view, &body, &body_rect);
  gtk_text_view_get_iter_location (view, &quoted, &quoted_rect);
  g_assert_cmpint (title_rect.height, >, body_rect.height);
  /* The quote stands in from the text's left edge. */
  g_assert_cmpint (quoted_rect.x, >, body_rect.x);

  /* Page labels in the margin, though paragraph numbers are off. */
  g_assert_false (g_settings_get_boolean (lectern_settings (), "show-paragraph-numbers"));
  gutter = gtk_text_view_get_gutter (view, GTK_TEXT_WINDOW_LEFT);
  g_assert_nonnull (gutter);
  gutter = gtk_widget_get_first_child (gutter);
  WAIT_UNTIL (gtk_widget_get_mapped (gutter) && gtk_widget_get_width (gutter) > 0);
  app_test_drain ();
  paintable = gtk_widget_paintable_new (gutter);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (gutter), gtk_widget_get_height (gutter));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  serialized = gsk_render_node_serialize (node);
  drawn = g_strndup (g_bytes_get_data (serialized, NULL), g_bytes_get_size (serialized));
  g_assert_nonnull (strstr (drawn, "glyphs: \"p. xi\""));
  g_assert_nonnull (strstr (drawn, "glyphs: \"p. xii\""));

  app_test_close_window (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/ReaderStructure/structure", test_structure);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-structure-test", add_tests);
}
