/* test-tagging.c — the tag picker and a passage's popovers, driven in a
 * real window: what Enter applies when typing outruns the list, and a
 * click on a passage that must not take the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-note-popover.h"
#include "lectern-window-private.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#define TEXT \
  "Notes on the talks\n" \
  "\n" \
  "The envoy said the Americans would broker the deal in the spring.\n" \
  "\n" \
  "Kyiv was not told of the plan before it was announced.\n"

#define UKRAINE "Framing/Ukraine unreliable"
#define US "Framing/US as peacemaker"
#define NOTE "Read against the Moscow statement."


static glong
offset_of (const char *needle)
{
  const char *p = strstr (TEXT, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (TEXT, p);
}

static gint64
make_tag (LecternProject *project,
          const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (project, path, &error);

  g_assert_no_error (error);
  return lectern_tag_get_id (tag);
}

/* A document, four tags (the one that sorts first under "Framing/U" made
 * first) and one passage with a note, on "Kyiv was not told". */
static GFile *
make_project (gint64 *doc,
              gint64 *passage)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("tagging-%u.lectern", ++serial);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(LecternAnnotation) annotation = NULL;
  glong start = offset_of ("Kyiv was not told");
  gint64 tag_id;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  lectern_document_set_title (document, "Notes on the talks");
  *doc = lectern_project_add_document (project, document, TEXT, &error);
  g_assert_no_error (error);

  make_tag (project, "Actors/Russia");
  make_tag (project, UKRAINE);
  make_tag (project, US);
  tag_id = make_tag (project, "Framing/Exclusion");
  annotation = lectern_project_add_annotation (project, *doc, start, start + strlen ("Kyiv was not told"),
                                              &tag_id, 1, NOTE, &error);
  g_assert_no_error (error);
  *passage = lectern_annotation_get_id (annotation);
  return file;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static LecternAnnotation *
annotation_at (LecternProject *project,
               gint64         doc,
               glong          start)
{
  g_autoptr(GListModel) list = lectern_project_list_annotations (project, doc, 0, FALSE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (list, i);

      if (lectern_annotation_get_start (a) == start)
        return g_steal_pointer (&a);
    }
  return NULL;
}

static guint
n_annotations (LecternProject *project,
               gint64         doc)
{
  g_autoptr(GListModel) list = lectern_project_list_annotations (project, doc, 0, FALSE, NULL);

  return g_list_model_get_n_items (list);
}

static gint64
tag_id_of (LecternProject *project,
           const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = lectern_project_find_tag (project, path, &error);

  g_assert_no_error (error);
  return tag ? lectern_tag_get_id (tag) : 0;
}

static LecternTagPicker *
open_picker (LecternWindow *window,
             const char    *words)
{
  LecternTagPicker *picker = lectern_reader_view_get_tag_picker (window->reader_view);
  glong start = offset_of (words);

  lectern_reader_view_select_range (window->reader_view, start, start + g_utf8_strlen (words, -1));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", NULL);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  return picker;
}

static GtkListBoxRow *
first_row (LecternTagPicker *picker)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (app_test_find_descendant (GTK_WIDGET (picker), GTK_TYPE_LIST_BOX)), 0);
}

/* Types @text one character at a time, as fast as a person does: no turn
 * of the main loop between the keys. */
static void
type_fast (GtkEditable *entry,
           const char  *text)
{
  for (const char *p = g_utf8_next_char (text); ; p = g_utf8_next_char (p))
    {
      g_autofree char *prefix = g_strndup (text, p - text);

      gtk_editable_set_text (entry, prefix);
      if (*p == '\0')
        break;
    }
}

static void
test_enter_before_filter (void)
{
  gint64 doc, passage;
  g_autoptr(GFile) file = make_project (&doc, &passage);
  LecternWindow *window = app_test_open_project_window (file, doc);
  LecternProject *project = lectern_window_get_project (window);
  LecternTagPicker *picker;
  GtkEditable *entry;
  g_autoptr(LecternAnnotation) a = NULL;
  glong envoy = offset_of ("The envoy said");
  glong americans = offset_of ("the Americans would broker");
  glong spring = offset_of ("in the spring");
  gint64 created, ukraine;

  /* "Framing/U" has filtered the list, "Framing/Ukraine unreliable" on
   * top (applied a moment ago, so recent); the rest of the path is typed
   * and Enter pressed before the entry's delayed search-changed has come. */
  ukraine = tag_id_of (project, UKRAINE);
  g_settings_set_value (lectern_settings (), "recent-tags",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, &ukraine, 1, sizeof (gint64)));
  picker = open_picker (window, "The envoy said");
  entry = GTK_EDITABLE (app_test_find_descendant (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY));
  type_fast (entry, "Framing/U");
  WAIT_UNTIL (has_label (GTK_WIDGET (first_row (picker)), UKRAINE) ||
              has_label (GTK_WIDGET (first_row (picker)), "Create “Framing/U”"));
  type_fast (entry, US);
  g_signal_emit_by_name (entry, "activate");
  WAIT_UNTIL (n_annotations (project, doc) == 2);
  a = annotation_at (project, doc, envoy);
  g_assert_nonnull (a);
  g_assert_true (lectern_annotation_has_tag (a, tag_id_of (project, US)));
  g_assert_false (lectern_annotation_has_tag (a, tag_id_of (project, UKRAINE)));
  g_clear_object (&a);

  /* A path no tag has is a new tag, even where an existing one starts
   * with what was typed. */
  picker = open_picker (window, "the Americans would broker");
  entry = GTK_EDITABLE (app_test_find_descendant (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY));
  type_fast (entry, "Framing/U");
  WAIT_UNTIL (has_label (GTK_WIDGET (first_row (picker)), UKRAINE) ||
              has_label (GTK_WIDGET (first_row (picker)), "Create “Framing/U”"));
  type_fast (entry, "Framing/US");
  g_signal_emit_by_name (entry, "activate");
  WAIT_UNTIL (n_annotations (project, doc) == 3);
  created = tag_id_of (project, "Framing/US");
  g_assert_cmpint (created, !=, 0);
  a = annotation_at (project, doc, americans);
  g_assert_nonnull (a);
  g_assert_true (lectern_annotation_has_tag (a, created));
  g_assert_false (lectern_annotation_has_tag (a, tag_id_of (project, US)));
  g_assert_false (lectern_annotation_has_tag (a, tag_id_of (project, UKRAINE)));
  g_clear_object (&a);

  /* A row activated is that row, whatever the text. */
  picker = open_picker (window, "in the spring");
  lectern_tag_picker_set_text (picker, "Framing/U");
  for (GtkWidget *row = GTK_WIDGET (first_row (picker)); row; row = gtk_widget_get_next_sibling (row))
    if (has_label (row, UKRAINE))
      {
        gtk_widget_activate (row);
        break;
      }
  WAIT_UNTIL (n_annotations (project, doc) == 4);
  a = annotation_at (project, doc, spring);
  g_assert_nonnull (a);
  g_assert_true (lectern_annotation_has_tag (a, tag_id_of (project, UKRAINE)));
  g_clear_object (&a);

  app_test_close_window (GTK_WINDOW (window));
}

static void
test_recent_header (void)
{
  gint64 doc, passage;
  g_autoptr(GFile) file = make_project (&doc, &passage);
  LecternWindow *window = app_test_open_project_window (file, doc);
  LecternProject *project = lectern_window_get_project (window);
  LecternTagPicker *picker;
  GtkListBoxRow *row;
  g_autoptr(LecternAnnotation) a = NULL;
  int index = 0;

  /* A tag's own name, when no other tag has it, is that tag. */
  g_settings_reset (lectern_settings (), "recent-tags");
  picker = open_picker (window, "The envoy said");
  lectern_tag_picker_set_text (picker, "us as peacemaker");
  g_assert_true (lectern_tag_picker_choose (picker));
  WAIT_UNTIL (n_annotations (project, doc) == 2);
  a = annotation_at (project, doc, offset_of ("The envoy said"));
  g_assert_true (lectern_annotation_has_tag (a, tag_id_of (project, US)));

  /* Now recent: it leads under "Recent", the others under "All Tags". */
  picker = open_picker (window, "in the spring");
  row = first_row (picker);
  g_assert_true (has_label (GTK_WIDGET (row), US));
  g_assert_nonnull (gtk_list_box_row_get_header (row));
  g_assert_true (has_label (gtk_list_box_row_get_header (row), _("Recent")));
  while ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (first_row (picker)))), ++index)))
    if (gtk_list_box_row_get_header (row) != NULL)
      break;
  g_assert_nonnull (row);
  g_assert_cmpint (index, ==, 1);
  g_assert_true (has_label (gtk_list_box_row_get_header (row), _("All Tags")));
  gtk_popover_popdown (GTK_POPOVER (picker));

  app_test_close_window (GTK_WINDOW (window));
}

static GtkPopover *
passage_popover (LecternWindow *window)
{
  GtkWidget *text_view = GTK_WIDGET (lectern_reader_view_get_text_view (window->reader_view));

  for (GtkWidget *child = gtk_widget_get_first_child (text_view); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_has_css_class (child, "annotation-info"))
      return GTK_POPOVER (child);
  g_assert_not_reached ();
}

/* Clicks the reader's text at the character @offset, through the reader's
 * own click gesture. */
static void
click_text (LecternWindow *window,
            glong          offset)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (lectern_reader_view_get_text_view (window->reader_view));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (text_view));
  GtkGesture *click = NULL;
  GdkRectangle rect;
  GtkTextIter iter;
  int x, y;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        click = GTK_GESTURE (controller);
    }
  g_assert_nonnull (click);

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, offset);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (text_view), &iter);
  gtk_text_view_get_iter_location (text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  g_signal_emit_by_name (click, "released", 1, (double) x, (double) y);
}

/* Presses real keys (xdotool, through the X server) in @window. FALSE
 * where that cannot be done: not X11, or no xdotool. */
static gboolean
press_keys (GtkWidget  *window,
            const char *keys)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;
  /* No window manager gives the window the keyboard under Xvfb. */
  command = g_strdup_printf ("%s windowfocus %lu key --delay 20 %s", xdotool,
                             (gulong) gdk_x11_surface_get_xid (surface), keys);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
#else
  return FALSE;
#endif
}

/* The descendant of @widget named @name (gtk_widget_set_name), or NULL. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name,
            guint       depth)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && depth < 32;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name, depth + 1);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
dup_note (LecternProject *project,
          gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) a = lectern_project_dup_annotation (project, id, &error);

  g_assert_no_error (error);
  return g_strdup (lectern_annotation_get_note (a));
}

static void
test_passage_click (void)
{
  gint64 doc, passage;
  g_autoptr(GFile) file = make_project (&doc, &passage);
  LecternWindow *window = app_test_open_project_window (file, doc);
  LecternProject *project = lectern_window_get_project (window);
  GtkWidget *text_view = GTK_WIDGET (lectern_reader_view_get_text_view (window->reader_view));
  GtkPopover *info = passage_popover (window);
  GtkPopover *note = lectern_reader_view_get_note_popover (window->reader_view);
  g_autofree char *kept = NULL;

  /* A passage with no note: its popover's first button is Note…. */
  g_autoptr(LecternAnnotation) bare = NULL;
  g_autoptr(GError) error = NULL;
  glong envoy = offset_of ("The envoy said");
  gint64 tag_id = tag_id_of (project, US);

  bare = lectern_project_add_annotation (project, doc, envoy, envoy + strlen ("The envoy said"),
                                        &tag_id, 1, NULL, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (g_list_model_get_n_items (lectern_annotation_list_get_model (window->annotation_list)) == 2);
  app_test_drain ();

  /* The passage shows; the text keeps the keyboard. */
  gtk_widget_grab_focus (text_view);
  click_text (window, envoy + 2);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (info)));
  app_test_drain ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == text_view);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (note)));

  /* It says who coded it. */
  {
    GtkWidget *coded_by = find_named (gtk_popover_get_child (info), "coded-by", 0);
    g_autoptr(LecternCoder) coder = lectern_project_dup_current_coder (project, &error);
    g_autofree char *expected = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (coded_by);
    g_assert_true (gtk_widget_get_visible (coded_by));
    expected = g_strdup_printf ("Coded by %s", lectern_coder_get_display_name (coder));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (coded_by)), ==, expected);
  }

  /* Keys pressed next are the reader's: Space and a letter write no note,
   * and Escape puts the passage's popover away. */
  if (press_keys (GTK_WIDGET (window), "space x Escape"))
    {
      WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (info)) && !gtk_widget_get_mapped (GTK_WIDGET (note)));
      app_test_drain ();
      kept = dup_note (project, lectern_annotation_get_id (bare));
      g_assert_null (kept);
    }
  else
    g_test_message ("No xdotool on X11: real key presses not tried");
  gtk_popover_popdown (info);
  app_test_drain ();

  /* Its Note… button opens the editor; Escape there drops the edit. */
  click_text (window, offset_of ("was not told") + 2);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (info)));
  for (GtkWidget *b = app_test_find_descendant (gtk_popover_get_child (info), GTK_TYPE_BUTTON); b; b = gtk_widget_get_next_sibling (b))
    if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (b)), _("_Note…")) == 0)
      {
        gtk_widget_activate (b);
        break;
      }
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (note)));
  lectern_note_popover_set_text (LECTERN_NOTE_POPOVER (note), "a stray keystroke");
  gtk_widget_activate_action (GTK_WIDGET (note), "note.cancel", NULL);
  gtk_popover_popdown (note);
  app_test_drain ();
  kept = dup_note (project, passage);
  g_assert_cmpstr (kept, ==, NOTE);
  g_clear_pointer (&kept, g_free);

  /* A note cleared and saved is no note. */
  gtk_widget_grab_focus (text_view);
  click_text (window, offset_of ("was not told") + 2);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (info)));
  for (GtkWidget *b = app_test_find_descendant (gtk_popover_get_child (info), GTK_TYPE_BUTTON); b; b = gtk_widget_get_next_sibling (b))
    if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (b)), _("_Note…")) == 0)
      {
        gtk_widget_activate (b);
        break;
      }
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (note)));
  lectern_note_popover_set_text (LECTERN_NOTE_POPOVER (note), "  \n");
  gtk_popover_popdown (note);
  app_test_drain ();
  kept = dup_note (project, passage);
  g_assert_null (kept);

  app_test_close_window (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/Tagging/enter-before-filter", test_enter_before_filter);
  g_test_add_func ("/Lectern/Tagging/recent-header", test_recent_header);
  g_test_add_func ("/Lectern/Tagging/passage-click", test_passage_click);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-tagging-test", add_tests);
}
