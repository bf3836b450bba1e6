/* test-window.c — the workbench window, driven through its actions,
 * signals and models in a real window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <archive.h>
#include <archive_entry.h>
#include <sqlite3.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-export.h"
#include "lectern-document-dialog.h"
#include "lectern-note-popover.h"
#include "lectern-preferences-window.h"
#include "lectern-window-private.h"
#include "lectern-import.h"

#define TEXT_A \
  "The Treaty of the River\n" \
  "\n" \
  "The delegations met in Geneva for the final round of talks. " \
  "Both sides agreed that the water of the river would be shared by season, " \
  "and that a joint commission would publish the gauge readings every week.\n" \
  "\n" \
  "Critics in the delta said the accord came too late for the farmers.\n"

#define TEXT_B "A second document, about something else entirely.\n"



static glong
offset_of (const char *text,
           const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (text, p);
}

static GFile *
make_project (gint64 *doc_a,
              gint64 *tag_id)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("test-%u.lectern", ++serial);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) a = lectern_document_new ();
  g_autoptr(LecternDocument) b = lectern_document_new ();
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  glong start = offset_of (TEXT_A, "Critics in the delta");

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);

  lectern_document_set_title (a, "The Treaty of the River");
  lectern_document_set_date (a, "2025-11-14");
  lectern_document_set_language (a, "en");
  *doc_a = lectern_project_add_document (project, a, TEXT_A, &error);
  g_assert_no_error (error);
  lectern_document_set_title (b, "Something Else");
  lectern_project_add_document (project, b, TEXT_B, &error);
  g_assert_no_error (error);

  tag = lectern_project_ensure_tag_path (project, "Reception/Criticism", &error);
  g_assert_no_error (error);
  *tag_id = lectern_tag_get_id (tag);
  annotation = lectern_project_add_annotation (project, *doc_a, start, start + 20, tag_id, 1, NULL, &error);
  g_assert_no_error (error);

  return file;
}

static LecternWindow *
open_window (GFile *file)
{
  LecternWindow *window = lectern_window_new (app_test_get_app ());
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  if (file != NULL)
    {
      lectern_window_open_project (window, file, &error);
      g_assert_no_error (error);
    }
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  /* Popovers place themselves on the window's monitor: wait until X has
   * told where the window is. */
  WAIT_UNTIL (gdk_display_get_monitor_at_surface (gdk_display_get_default (),
                                                  gtk_native_get_surface (GTK_NATIVE (window))) != NULL);
  if (file != NULL)
    WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (lectern_reader_view_get_text_view (window->reader_view))) > 0);
  return window;
}

static guint
count_annotations (LecternProject *project,
                   gint64         document_id)
{
  g_autoptr(GListModel) list = lectern_project_list_annotations (project, document_id, 0, FALSE, NULL);

  return g_list_model_get_n_items (list);
}

static LecternAnnotation *
annotation_at (LecternProject *project,
               gint64         document_id,
               glong          start)
{
  g_autoptr(GListModel) list = lectern_project_list_annotations (project, document_id, 0, FALSE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (list, i);

      if (lectern_annotation_get_start (a) == start)
        return g_steal_pointer (&a);
    }
  return NULL;
}

/* The list's model is replaced on every change: ask for it each time. */
static guint
n_listed (LecternWindow *window)
{
  return g_list_model_get_n_items (lectern_annotation_list_get_model (window->annotation_list));
}

/* ------------------------------------------------------------------ */

static void
test_templates (void)
{
  gint64 doc, tag;
  g_autoptr(GFile) file = make_project (&doc, &tag);
  g_autoptr(GtkBuilder) builder = NULL;
  LecternWindow *empty, *window;
  GtkWidget *prefs, *dialog, *picker, *note, *shortcuts;

  /* Every template is built and shown, so a class newer than GTK 4.8 or
   * libadwaita 1.2 in a .ui file fails here rather than for a user. */
  empty = open_window (NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (empty->main_stack), ==, "empty");
  g_assert_false (gtk_widget_get_visible (empty->import_button));

  window = open_window (file);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "project");
  g_assert_cmpint (window->document_id, ==, doc);

  prefs = lectern_preferences_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  WAIT_UNTIL (gtk_widget_get_mapped (prefs));

  dialog = GTK_WIDGET (lectern_document_dialog_new (lectern_window_get_project (window), doc));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (gtk_widget_get_mapped (dialog));

  picker = GTK_WIDGET (lectern_reader_view_get_tag_picker (window->reader_view));
  lectern_reader_view_select_range (window->reader_view, 4, 10);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", NULL);
  WAIT_UNTIL (gtk_widget_get_mapped (picker));
  gtk_popover_popdown (GTK_POPOVER (picker));

  note = GTK_WIDGET (lectern_reader_view_get_note_popover (window->reader_view));
  g_assert_true (LECTERN_IS_NOTE_POPOVER (note));

  builder = gtk_builder_new_from_resource ("/org/gnome/Lectern/gtk/help-overlay.ui");
  shortcuts = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
  /* Built, not shown: GTK 4.8's own GtkShortcutsWindow warns of a label
   * "min width -4" under Xvfb once it has several groups (gnome-text-
   * editor's gnome-43 overlay does the same), and warnings are fatal here. */

  gtk_window_destroy (GTK_WINDOW (shortcuts));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (prefs));
  app_test_close_window (GTK_WINDOW (window));
  app_test_close_window (GTK_WINDOW (empty));
}

static void
test_annotate (void)
{
  gint64 doc, criticism;
  g_autoptr(GFile) file = make_project (&doc, &criticism);
  LecternWindow *window = open_window (file);
  LecternProject *project = lectern_window_get_project (window);
  LecternTagPicker *picker = lectern_reader_view_get_tag_picker (window->reader_view);
  glong geneva = offset_of (TEXT_A, "Geneva");
  glong joint = offset_of (TEXT_A, "a joint commission");
  g_autoptr(LecternAnnotation) a = NULL;
  g_autoptr(LecternTag) created = NULL;
  g_autoptr(GError) error = NULL;
  GtkPopover *note;
  gint64 id;

  g_assert_cmpuint (n_listed (window), ==, 1);

  /* The views follow the window's properties through their bindings. */
  {
    g_autoptr(LecternProject) bound = NULL;
    gint64 reader_doc = 0, list_doc = 0;

    g_object_get (window->codebook_view, "project", &bound, NULL);
    g_assert_true (bound == project);
    g_object_set (window, "document-id", (gint64) 0, NULL);
    g_object_get (window->reader_view, "document-id", &reader_doc, NULL);
    g_object_get (window->annotation_list, "document-id", &list_doc, NULL);
    g_assert_cmpint (reader_doc, ==, 0);
    g_assert_cmpint (list_doc, ==, 0);
    g_assert_cmpuint (n_listed (window), ==, 0);
    g_object_set (window, "document-id", doc, NULL);
    g_object_get (window->reader_view, "document-id", &reader_doc, NULL);
    g_object_get (window->annotation_list, "document-id", &list_doc, NULL);
    g_assert_cmpint (reader_doc, ==, doc);
    g_assert_cmpint (list_doc, ==, doc);
    g_assert_cmpuint (n_listed (window), ==, 1);
  }

  /* An existing tag, chosen by typing its own name (case aside) and
   * Enter. The selection's trailing space is trimmed off. */
  lectern_reader_view_select_range (window->reader_view, geneva, geneva + strlen ("Geneva "));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", NULL);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  lectern_tag_picker_set_text (picker, "criticism");
  g_assert_true (lectern_tag_picker_choose (picker));
  WAIT_UNTIL (n_listed (window) == 2);

  a = annotation_at (project, doc, geneva);
  g_assert_nonnull (a);
  g_assert_cmpint (lectern_annotation_get_end (a), ==, geneva + 6);
  g_assert_cmpstr (lectern_annotation_get_quote (a), ==, "Geneva");
  g_assert_true (lectern_annotation_has_tag (a, criticism));
  g_clear_object (&a);

  /* A new tag, nested by its path, created from the picker. */
  lectern_reader_view_select_range (window->reader_view, joint, joint + strlen ("a joint commission"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", NULL);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  lectern_tag_picker_set_text (picker, "Mechanisms/Joint commission");
  g_assert_cmpuint (lectern_tag_picker_get_n_rows (picker), ==, 1);
  g_assert_true (lectern_tag_picker_choose (picker));
  WAIT_UNTIL (n_listed (window) == 3);

  created = lectern_project_find_tag (project, "Mechanisms/Joint commission", &error);
  g_assert_no_error (error);
  a = annotation_at (project, doc, joint);
  g_assert_nonnull (a);
  g_assert_true (lectern_annotation_has_tag (a, lectern_tag_get_id (created)));
  id = lectern_annotation_get_id (a);
  g_clear_object (&a);
  g_assert_cmpuint (lectern_codebook_view_get_n_rows (window->codebook_view), ==, 4);

  /* Undo takes the annotation away, redo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  WAIT_UNTIL (n_listed (window) == 2);
  g_assert_null (annotation_at (project, doc, joint));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  WAIT_UNTIL (n_listed (window) == 3);
  a = annotation_at (project, doc, joint);
  g_assert_nonnull (a);
  id = lectern_annotation_get_id (a);
  g_clear_object (&a);

  /* Activating it in the list flashes it in the reader. */
  lectern_window_show_annotation (window, id);
  g_assert_cmpint (lectern_reader_text_get_flash_id (lectern_reader_view_get_text_view (window->reader_view)), ==, id);

  /* Extended to a wider selection from its row's menu. */
  lectern_reader_view_select_range (window->reader_view, joint - strlen ("and that "), joint + strlen ("a joint commission"));
  gtk_widget_activate_action (GTK_WIDGET (window->annotation_list), "annotations.fit", "x", id);
  app_test_drain ();
  a = lectern_project_dup_annotation (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_annotation_get_quote (a), ==, "and that a joint commission");
  g_clear_object (&a);

  /* A note, written in the list's note editor, saved when it closes. */
  note = lectern_annotation_list_edit_note (window->annotation_list, id);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (note)));
  lectern_note_popover_set_text (LECTERN_NOTE_POPOVER (note), "Weekly readings: the heart of the deal.");
  gtk_popover_popdown (note);
  app_test_drain ();
  a = lectern_project_dup_annotation (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_annotation_get_note (a), ==, "Weekly readings: the heart of the deal.");
  g_clear_object (&a);

  /* Selected in the list, it stays selected while it changes (the live
   * list replaces it), also when the change comes from elsewhere. */
  lectern_annotation_list_select_annotation (window->annotation_list, id);
  g_assert_true (lectern_project_set_annotation_note (project, id, "Changed elsewhere.", &error));
  g_assert_no_error (error);
  app_test_drain ();
  {
    GtkSingleSelection *selection =
      GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (app_test_find_descendant (GTK_WIDGET (window->annotation_list),
                                                                                               GTK_TYPE_LIST_VIEW))));
    LecternAnnotation *selected = gtk_single_selection_get_selected_item (selection);

    g_assert_nonnull (selected);
    g_assert_cmpint (lectern_annotation_get_id (selected), ==, id);
    g_assert_cmpstr (lectern_annotation_get_note (selected), ==, "Changed elsewhere.");
  }

  /* Delete it from its row's menu. */
  gtk_widget_activate_action (GTK_WIDGET (window->annotation_list), "annotations.delete", "x", id);
  WAIT_UNTIL (n_listed (window) == 2);
  g_assert_cmpuint (count_annotations (project, doc), ==, 2);
  a = lectern_project_dup_annotation (project, id, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_assert_null (a);

  app_test_close_window (GTK_WINDOW (window));
}

static void
test_reader (void)
{
  gint64 doc, tag;
  g_autoptr(GFile) file = make_project (&doc, &tag);
  LecternWindow *window = open_window (file);
  GSettings *settings = lectern_settings ();
  glong s, e;

  /* Find: every match counted, the first one selected. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  lectern_reader_view_find (window->reader_view, "the");
  g_assert_cmpuint (lectern_reader_view_get_match_count (window->reader_view), ==, 10);
  g_assert_true (lectern_reader_view_get_selection (window->reader_view, &s, &e));
  g_assert_cmpint (e - s, ==, 3);
  lectern_reader_view_find (window->reader_view, "no such words");
  g_assert_cmpuint (lectern_reader_view_get_match_count (window->reader_view), ==, 0);

  /* Zoom steps and resets. */
  g_settings_set_double (settings, "reader-zoom", 1.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "reader-zoom"), 1.1, 0.001);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "reader-zoom"), 1.0, 0.001);

  /* The library filters as you type. */
  lectern_library_view_set_filter_text (window->library_view, "treaty");
  g_assert_cmpuint (g_list_model_get_n_items (lectern_library_view_get_model (window->library_view)), ==, 1);
  lectern_library_view_set_filter_text (window->library_view, "");
  g_assert_cmpuint (g_list_model_get_n_items (lectern_library_view_get_model (window->library_view)), ==, 2);

  app_test_close_window (GTK_WINDOW (window));
}

static LecternDocument *
library_document (LecternWindow *window,
                  guint          position)
{
  return g_list_model_get_item (lectern_library_view_get_model (window->library_view), position);
}

static void
test_library (void)
{
  gint64 doc, tag;
  g_autoptr(GFile) file = make_project (&doc, &tag);
  LecternWindow *window = open_window (file);
  LecternProject *project = lectern_window_get_project (window);
  GListModel *listed = lectern_library_view_get_model (window->library_view);
  GSettings *settings = lectern_settings ();
  g_autoptr(LecternDocument) first = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other;
  g_autofree char *sort = g_settings_get_string (settings, "library-sort");

  /* The window, the library and the codebook read one list of documents,
   * in import order by default. */
  g_assert_cmpstr (sort, ==, "import");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->documents)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);
  first = library_document (window, 0);
  g_assert_cmpint (lectern_document_get_id (first), ==, doc);
  g_assert_cmpuint (lectern_document_get_annotation_count (first), ==, 1);
  g_clear_object (&first);
  first = library_document (window, 1);
  other = lectern_document_get_id (first);
  g_clear_object (&first);
  g_assert_cmpstr (lectern_document_get_title (lectern_document_list_lookup (window->documents, other)),
                   ==, "Something Else");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (listed)), ==, 0);

  /* Sorted by title, then back to import order, following the setting. */
  g_settings_set_string (settings, "library-sort", "title");
  first = library_document (window, 0);
  g_assert_cmpint (lectern_document_get_id (first), ==, other);
  g_clear_object (&first);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (listed)), ==, 1);
  g_settings_set_string (settings, "library-sort", "import");
  first = library_document (window, 0);
  g_assert_cmpint (lectern_document_get_id (first), ==, doc);
  g_clear_object (&first);

  /* A new passage changes its document's count, and the current document
   * stays selected. */
  annotation = lectern_project_add_annotation (project, doc, 4, 10, &tag, 1, NULL, &error);
  g_assert_no_error (error);
  first = library_document (window, 0);
  g_assert_cmpuint (lectern_document_get_annotation_count (first), ==, 2);
  g_clear_object (&first);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (listed)), ==, 0);

  /* Passages in the codebook are headed by their document's title. */
  adw_view_stack_set_visible_child_name (window->panel_stack, "codebook");
  lectern_codebook_view_select_tag (window->codebook_view, tag);
  g_assert_cmpuint (g_list_model_get_n_items (lectern_codebook_view_get_passages (window->codebook_view)), ==, 2);
  g_assert_cmpstr (lectern_document_get_title (lectern_document_list_lookup (window->documents, doc)),
                   ==, "The Treaty of the River");

  /* A deleted document leaves the list. */
  g_assert_true (lectern_project_delete_document (project, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
  g_assert_null (lectern_document_list_lookup (window->documents, other));

  app_test_close_window (GTK_WINDOW (window));
}

static void
test_open_at (void)
{
  gint64 doc, tag;
  g_autoptr(GFile) file = make_project (&doc, &tag);
  LecternWindow *window = lectern_window_new (app_test_get_app ());
  g_autoptr(LecternDocument) second = NULL;
  g_autoptr(GError) error = NULL;

  /* Reopened where the user left off: that document, not the first. */
  g_assert_true (lectern_window_open_project (window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_window_get_document_id (window), ==, doc);
  second = g_list_model_get_item (G_LIST_MODEL (window->documents), 1);
  g_assert_true (lectern_window_open_project_at (window, file, lectern_document_get_id (second), &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_window_get_document_id (window), ==, lectern_document_get_id (second));
  g_assert_cmpuint (n_listed (window), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
}

static LecternTag *
find_tag (LecternProject *project,
          const char    *path)
{
  return lectern_project_find_tag (project, path, NULL);
}

static void
respond (AdwMessageDialog *dialog,
         const char       *text,
         const char       *response)
{
  g_assert_nonnull (dialog);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), text);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_drain ();
}

static void
test_codebook (void)
{
  gint64 doc, criticism;
  g_autoptr(GFile) file = make_project (&doc, &criticism);
  LecternWindow *window = open_window (file);
  LecternProject *project = lectern_window_get_project (window);
  LecternCodebookView *codebook = window->codebook_view;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternTag) other = NULL;
  g_autoptr(LecternAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;
  GtkPopover *merge;

  adw_view_stack_set_visible_child_name (window->panel_stack, "codebook");
  g_assert_cmpuint (lectern_codebook_view_get_n_rows (codebook), ==, 2);

  /* Create */
  gtk_widget_activate_action (GTK_WIDGET (codebook), "codebook.new-tag", NULL);
  respond (lectern_codebook_view_get_dialog (codebook), "Sources", "accept");
  tag = find_tag (project, "Sources");
  g_assert_nonnull (tag);
  g_assert_cmpuint (lectern_codebook_view_get_n_rows (codebook), ==, 3);
  g_assert_cmpint (lectern_codebook_view_get_selected_tag (codebook), ==, lectern_tag_get_id (tag));

  /* Rename */
  gtk_widget_activate_action (GTK_WIDGET (codebook), "codebook.rename", NULL);
  respond (lectern_codebook_view_get_dialog (codebook), "Official sources", "accept");
  g_clear_object (&tag);
  tag = find_tag (project, "Official sources");
  g_assert_nonnull (tag);
  g_assert_null (find_tag (project, "Sources"));

  /* Selecting a tag lists its passages across the corpus. */
  lectern_codebook_view_select_tag (codebook, criticism);
  g_assert_cmpuint (g_list_model_get_n_items (lectern_codebook_view_get_passages (codebook)), ==, 1);

  /* Merge "Reception/Criticism" into "Official sources": its passage
   * follows. */
  gtk_widget_activate_action (GTK_WIDGET (codebook), "codebook.merge", NULL);
  merge = lectern_codebook_view_get_merge_picker (codebook);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (merge)));
  lectern_tag_picker_set_text (LECTERN_TAG_PICKER (merge), "Official");
  g_assert_true (lectern_tag_picker_choose (LECTERN_TAG_PICKER (merge)));
  app_test_drain ();
  g_assert_null (find_tag (project, "Reception/Criticism"));
  g_clear_object (&tag);
  tag = find_tag (project, "Official sources");
  g_assert_cmpuint (lectern_tag_get_count (tag), ==, 1);

  /* Delete an unused tag: no question asked (undo is there). */
  other = find_tag (project, "Reception");
  g_assert_nonnull (other);
  lectern_codebook_view_select_tag (codebook, lectern_tag_get_id (other));
  gtk_widget_activate_action (GTK_WIDGET (codebook), "codebook.delete", NULL);
  app_test_drain ();
  g_assert_null (find_tag (project, "Reception"));

  /* Delete a tag in use: a confirmation first; Cancel keeps it. */
  lectern_codebook_view_select_tag (codebook, lectern_tag_get_id (tag));
  gtk_widget_activate_action (GTK_WIDGET (codebook), "codebook.delete", NULL);
  respond (lectern_codebook_view_get_dialog (codebook), NULL, "cancel");
  g_clear_object (&other);
  other = find_tag (project, "Official sources");
  g_assert_nonnull (other);

  gtk_widget_activate_action (GTK_WIDGET (codebook), "codebook.delete", NULL);
  respond (lectern_codebook_view_get_dialog (codebook), NULL, "delete");
  g_clear_object (&other);
  other = find_tag (project, "Official sources");
  g_assert_null (other);
  g_assert_cmpuint (lectern_codebook_view_get_n_rows (codebook), ==, 0);

  /* The passage stays, untagged. */
  g_assert_cmpuint (count_annotations (project, doc), ==, 1);
  a = annotation_at (project, doc, offset_of (TEXT_A, "Critics"));
  g_assert_nonnull (a);

  /* And undo brings the tag back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  app_test_drain ();
  other = find_tag (project, "Official sources");
  g_assert_nonnull (other);
  g_assert_no_error (error);

  app_test_close_window (GTK_WINDOW (window));
}

static void
test_import (void)
{
  gint64 doc, tag;
  g_autoptr(GFile) file = make_project (&doc, &tag);
  LecternWindow *window = open_window (file);
  g_autofree char *text_path = g_build_filename (g_get_user_data_dir (), "letter.txt", NULL);
  g_autofree char *binary_path = g_build_filename (g_get_user_data_dir (), "picture.png", NULL);
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
  GFile *files[2];
  guint n_ok = 0;

  g_assert_true (g_file_set_contents (text_path,
                                      "A Letter from the Delta\n\nDear editor, the water came back in May.\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (binary_path, png, sizeof png, NULL));
  files[0] = g_file_new_for_path (text_path);
  files[1] = g_file_new_for_path (binary_path);

  lectern_window_import_files (window, files, 2);
  g_assert_true (gtk_revealer_get_reveal_child (window->import_revealer));
  WAIT_UNTIL (window->import_results != NULL);

  g_assert_cmpuint (g_list_model_get_n_items (window->import_results), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LecternImportResult) result = g_list_model_get_item (window->import_results, i);

      if (lectern_import_result_get_succeeded (result))
        n_ok++;
      else
        g_assert_error ((GError *) lectern_import_result_get_error (result),
                        LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_BINARY);
    }
  g_assert_cmpuint (n_ok, ==, 1);

  /* The summary names the refused file. */
  g_assert_nonnull (window->import_summary);
  g_assert_false (gtk_revealer_get_reveal_child (window->import_revealer));
  WAIT_UNTIL (g_list_model_get_n_items (lectern_library_view_get_model (window->library_view)) == 3);

  gtk_window_destroy (GTK_WINDOW (window->import_summary));
  g_object_unref (files[0]);
  g_object_unref (files[1]);
  app_test_close_window (GTK_WINDOW (window));
}

/* A folder of documents of every format, dropped on the window: imported
 * in the background, each with its format, title and author; the refused
 * files named with their reasons in the summary. */
static void
copy_fixture (const char *folder,
              const char *fixture)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "fixtures", fixture, NULL);
  g_autofree char *base = g_path_get_basename (fixture);
  g_autofree char *target = g_build_filename (folder, base, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static void
test_drop_folder (void)
{
  static const struct { const char *fixture; const char *format; } documents[] = {
    { "pdf/report.pdf", "pdf" },
    { "office/sample.docx", "docx" },
    { "html/news.html", "html" },
    { "epub/book.epub", "epub" },
    { "markdown/notes.md", "markdown" },
    { "mail/reply.eml", "eml" },
    { "subtitles/interview.srt", "srt" },
    { "transcripts/en-interview.txt", "text" },
  };
  gint64 doc, tag;
  g_autoptr(GFile) file = make_project (&doc, &tag);
  LecternWindow *window = open_window (file);
  LecternProject *project = lectern_window_get_project (window);
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "dropped-folder", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *list = NULL;
  gboolean accepted = FALSE;
  guint n_ok = 0;

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    copy_fixture (folder, documents[i].fixture);
  /* Refused, each with its reason: a password, and the same text twice. */
  copy_fixture (folder, "pdf/encrypted.pdf");
  copy_fixture (folder, "office/sample.odt");

  g_assert_nonnull (target);
  list = g_slist_prepend (NULL, folder_file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, list);
  g_slist_free (list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_assert_true (gtk_revealer_get_reveal_child (window->import_revealer));
  WAIT_UNTIL (window->import_results != NULL);

  g_assert_cmpuint (g_list_model_get_n_items (window->import_results), ==, G_N_ELEMENTS (documents) + 2);
  for (guint i = 0; i < g_list_model_get_n_items (window->import_results); i++)
    {
      g_autoptr(LecternImportResult) result = g_list_model_get_item (window->import_results, i);
      g_autofree char *name = g_file_get_basename (lectern_import_result_get_file (result));
      g_autoptr(LecternDocument) stored = NULL;
      gboolean checked = FALSE;

      if (g_str_equal (name, "encrypted.pdf"))
        {
          g_assert_error ((GError *) lectern_import_result_get_error (result),
                          LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_ENCRYPTED);
          continue;
        }
      if (g_str_equal (name, "sample.odt"))
        {
          g_assert_error ((GError *) lectern_import_result_get_error (result),
                          LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DUPLICATE);
          continue;
        }
      g_assert_true (lectern_import_result_get_succeeded (result));
      n_ok++;
      stored = lectern_project_dup_document (project, lectern_import_result_get_document_id (result), NULL);
      g_assert_nonnull (stored);
      for (guint k = 0; k < G_N_ELEMENTS (documents); k++)
        if (g_str_has_suffix (documents[k].fixture, name))
          {
            g_assert_cmpstr (lectern_document_get_format (stored), ==, documents[k].format);
            checked = TRUE;
          }
      g_assert_true (checked);
      if (g_str_equal (name, "report.pdf"))
        {
          g_assert_cmpstr (lectern_document_get_title (stored), ==, "Talks in Vienna, 1903");
          g_assert_cmpstr (lectern_document_get_author (stored), ==, "Clara Wendt");
        }
    }
  g_assert_cmpuint (n_ok, ==, G_N_ELEMENTS (documents));

  /* The summary names both refused files. */
  g_assert_nonnull (window->import_summary);
  {
    g_autoptr(GString) all = g_string_new (NULL);
    GtkWidget *extra = adw_message_dialog_get_extra_child (window->import_summary);
    GtkWidget *label = app_test_find_descendant (extra, GTK_TYPE_LABEL);

    g_assert_nonnull (label);
    g_string_append (all, gtk_label_get_text (GTK_LABEL (label)));
    g_assert_nonnull (strstr (all->str, "encrypted.pdf"));
    g_assert_nonnull (strstr (all->str, "password"));
    g_assert_nonnull (strstr (all->str, "sample.odt"));
  }
  gtk_window_destroy (GTK_WINDOW (window->import_summary));
  app_test_close_window (GTK_WINDOW (window));
}

/* A zip of @n entries, path then contents, for a foreign .qdpx. */
static GFile *
write_zip (const char         *name,
           const char * const *entries,
           guint               n)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  struct archive *archive = archive_write_new ();

  archive_write_set_format_zip (archive);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize size = strlen (entries[2 * i + 1]);

      archive_entry_set_pathname (entry, entries[2 * i]);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_size (entry, size);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      archive_write_data (archive, entries[2 * i + 1], size);
      archive_entry_free (entry);
    }
  archive_write_close (archive);
  archive_write_free (archive);
  return g_file_new_for_path (path);
}

static gboolean
window_shows_project (LecternWindow *window,
                      GFile         *project_file)
{
  return window->project != NULL && g_file_equal (lectern_project_get_file (window->project), project_file);
}

/* A .qdpx opens as a new project made in the background: every document
 * and code comes back, and the window shows the new project. */
static void
test_open_qdpx (void)
{
  gint64 doc, tag;
  g_autoptr(GFile) file = make_project (&doc, &tag);
  g_autofree char *qdpx_path = g_build_filename (g_get_user_data_dir (), "exchange.qdpx", NULL);
  g_autofree char *new_path = g_build_filename (g_get_user_data_dir (), "exchange.lectern", NULL);
  g_autoptr(GFile) qdpx = g_file_new_for_path (qdpx_path);
  g_autoptr(GFile) project_file = g_file_new_for_path (new_path);
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_QDPX);
  g_autoptr(GError) error = NULL;
  LecternWindow *window = open_window (file);

  g_assert_true (lectern_export_to_file (window->project, options, qdpx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  lectern_window_import_qdpx (window, qdpx, project_file);
  g_assert_true (gtk_revealer_get_reveal_child (window->import_revealer));
  WAIT_UNTIL (window_shows_project (window, project_file));
  g_assert_false (gtk_revealer_get_reveal_child (window->import_revealer));
  g_assert_null (window->import_summary);
  WAIT_UNTIL (g_list_model_get_n_items (lectern_library_view_get_model (window->library_view)) == 2);
  g_assert_cmpuint (count_annotations (window->project, 0), ==, 1);

  app_test_close_window (GTK_WINDOW (window));
}

/* What Lectern cannot hold (a picture) is listed for the user, and the
 * text sources open. */
static void
test_open_qdpx_left_out (void)
{
  static const char * const entries[] = {
    "project.qde",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"field\"><Sources>"
    "<TextSource guid=\"00000000-0000-5000-8000-000000000001\" name=\"Field notes\">"
    "<PlainTextContent>Field notes from the delta.</PlainTextContent></TextSource>"
    "<PictureSource guid=\"00000000-0000-5000-8000-000000000002\" name=\"Dam.jpg\" path=\"internal://dam.jpg\"/>"
    "</Sources></Project>\n",
  };
  g_autoptr(GFile) qdpx = write_zip ("field.qdpx", entries, 1);
  g_autofree char *new_path = g_build_filename (g_get_user_data_dir (), "field.lectern", NULL);
  g_autoptr(GFile) project_file = g_file_new_for_path (new_path);
  LecternWindow *window = open_window (NULL);
  GtkWidget *scroller;
  const char *listed;

  lectern_window_import_qdpx (window, qdpx, project_file);
  WAIT_UNTIL (window_shows_project (window, project_file));
  g_assert_nonnull (window->import_summary);
  scroller = adw_message_dialog_get_extra_child (window->import_summary);
  /* The scrolled window wraps the label in a viewport. */
  listed = gtk_label_get_text (GTK_LABEL (gtk_viewport_get_child (
    GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))))));
  g_assert_nonnull (strstr (listed, "Dam.jpg"));
  WAIT_UNTIL (g_list_model_get_n_items (lectern_library_view_get_model (window->library_view)) == 1);

  gtk_window_destroy (GTK_WINDOW (window->import_summary));
  app_test_close_window (GTK_WINDOW (window));
}

#define HOSTILE_TITLE "<b>Bold</b> & <span foreground='red'>red</span> <"
#define HOSTILE_TAG "<i>Tag</i> & Co"
#define HOSTILE_NOTE "<big>note</big> & <a href='javascript:alert(1)'>link</a>"

/* Titles, tag names, notes and file names are text, never Pango markup:
 * a markup parse error is a warning, which the tests make fatal, and a
 * shown "<b>" must stay visible as typed. */
static void
test_hostile_text (void)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("hostile-%u & <x>.lectern", ++serial);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = lectern_project_create (file, &error);
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  LecternWindow *window;
  gint64 id, tag_id;

  g_assert_no_error (error);
  lectern_document_set_title (document, HOSTILE_TITLE);
  id = lectern_project_add_document (project, document,
                                    "<b>Not bold</b> & <i>not italic</i>: plain text.\n", &error);
  g_assert_no_error (error);
  tag = lectern_project_ensure_tag_path (project, HOSTILE_TAG, &error);
  g_assert_no_error (error);
  tag_id = lectern_tag_get_id (tag);
  annotation = lectern_project_add_annotation (project, id, 0, 15, &tag_id, 1, HOSTILE_NOTE, &error);
  g_assert_no_error (error);
  g_clear_object (&project);

  window = open_window (file);
  lectern_window_set_document_id (window, id);
  app_test_drain ();
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, HOSTILE_TITLE);
  g_assert_cmpuint (n_listed (window), ==, 1);

  /* Messages that name a file or a title go through a toast. */
  lectern_window_toast (window, HOSTILE_TITLE);
  app_test_drain ();
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  app_test_close_window (GTK_WINDOW (window));
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == parent)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* A project from someone else whose schema was changed to run commands
 * when the app turns undo on: the window says so and opens nothing; no
 * file is written, the other project and the file itself are untouched. */
static void
test_open_tampered (void)
{
  gint64 doc, tag;
  g_autoptr(GFile) other = make_project (&doc, &tag);
  g_autoptr(GFile) file = make_project (&doc, &tag);
  g_autofree char *other_path = g_file_get_path (other);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *stolen = g_build_filename (g_get_user_data_dir (), "stolen.lectern", NULL);
  g_autofree char *payload =
    g_strdup_printf ("x'); END; VACUUM INTO '%s'; ATTACH '%s' AS v; DELETE FROM v.documents; --",
                     stolen, other_path);
  g_autoptr(GFile) backups = lectern_project_dup_backup_folder (file);
  g_autoptr(GBytes) other_before = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) other_after = NULL;
  g_autoptr(GBytes) after = NULL;
  LecternWindow *window;
  AdwMessageDialog *dialog;
  sqlite3 *db = NULL;
  char *sql;

  sql = sqlite3_mprintf ("ALTER TABLE memos RENAME COLUMN updated TO \"%w\";"
                         "PRAGMA journal_mode = DELETE;", payload);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  sqlite3_free (sql);
  other_before = read_bytes (other_path);
  before = read_bytes (path);

  window = open_window (NULL);
  lectern_window_open_project_interactive (window, file);
  WAIT_UNTIL ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "outside Lectern"));
  g_assert_null (window->project);

  g_assert_false (g_file_test (stolen, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_query_exists (backups, NULL));
  other_after = read_bytes (other_path);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (other_after, other_before));
  g_assert_true (g_bytes_equal (after, before));

  adw_message_dialog_response (dialog, "close");
  app_test_drain ();
  app_test_close_window (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/App/templates", test_templates);
  g_test_add_func ("/Lectern/App/annotate", test_annotate);
  g_test_add_func ("/Lectern/App/reader", test_reader);
  g_test_add_func ("/Lectern/App/library", test_library);
  g_test_add_func ("/Lectern/App/open-at", test_open_at);
  g_test_add_func ("/Lectern/App/codebook", test_codebook);
  g_test_add_func ("/Lectern/App/import", test_import);
  g_test_add_func ("/Lectern/App/drop-folder", test_drop_folder);
  g_test_add_func ("/Lectern/App/open-qdpx", test_open_qdpx);
  g_test_add_func ("/Lectern/App/open-qdpx-left-out", test_open_qdpx_left_out);
  g_test_add_func ("/Lectern/App/hostile-text", test_hostile_text);
  g_test_add_func ("/Lectern/App/open-tampered", test_open_tampered);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-app-test", add_tests);
}
