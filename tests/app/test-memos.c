/* test-memos.c — memos and tag descriptions written in the app, and the
 * coder's name from Preferences, driven in real windows and read back
 * through core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-document-dialog.h"
#include "lectern-memo-pane.h"
#include "lectern-preferences-window.h"
#include "lectern-window-private.h"

#define TEXT \
  "Notes on the talks\n" \
  "\n" \
  "The envoy said the Americans would broker the deal in the spring.\n"

#define TAG "Framing/US as peacemaker"


static GFile *
make_project (gint64 *doc,
              gint64 *tag_id)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("memos-%u.lectern", ++serial);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(LecternTag) tag = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  lectern_document_set_title (document, "Notes on the talks");
  *doc = lectern_project_add_document (project, document, TEXT, &error);
  g_assert_no_error (error);
  tag = lectern_project_ensure_tag_path (project, TAG, &error);
  g_assert_no_error (error);
  *tag_id = lectern_tag_get_id (tag);
  return file;
}

/* What another connection, such as lectern-cli, reads from the file. */
static LecternProject *
reopen (GFile *file)
{
  g_autoptr(GError) error = NULL;
  LecternProject *project = lectern_project_open (file, &error);

  g_assert_no_error (error);
  return project;
}

static char *
stored_memo (GFile             *file,
             LecternMemoTarget  target,
             gint64             id)
{
  g_autoptr(LecternProject) project = reopen (file);
  g_autoptr(GError) error = NULL;
  char *memo = lectern_project_dup_memo (project, target, id, &error);

  g_assert_no_error (error);
  return memo;
}

/* The memo pane under @widget with @heading (NULL: the first). */
static LecternMemoPane *
find_pane (GtkWidget  *widget,
           const char *heading)
{
  if (LECTERN_IS_MEMO_PANE (widget) &&
      (heading == NULL || g_strcmp0 (lectern_memo_pane_get_heading (LECTERN_MEMO_PANE (widget)), heading) == 0))
    return LECTERN_MEMO_PANE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      LecternMemoPane *found = find_pane (child, heading);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_mapped (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

/* Types @text at the end of the pane's text, as keys do. */
static void
type_into (LecternMemoPane *pane,
           const char      *text)
{
  GtkTextView *view = lectern_memo_pane_get_text_view (pane);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (view)));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
}

static char *
pane_text (LecternMemoPane *pane)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (lectern_memo_pane_get_text_view (pane));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The details of a document: its memo saves a moment after typing stops,
 * and what was typed just before the dialog closes is saved too. */
static void
test_document_memo (void)
{
  gint64 doc, tag_id;
  g_autoptr(GFile) file = make_project (&doc, &tag_id);
  LecternWindow *window = app_test_open_project_window (file, doc);
  GtkWindow *dialog;
  LecternMemoPane *pane;
  g_autofree char *memo = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.document-properties", NULL);
  WAIT_UNTIL ((dialog = find_toplevel (LECTERN_TYPE_DOCUMENT_DIALOG)) != NULL);
  pane = find_pane (GTK_WIDGET (dialog), NULL);
  g_assert_nonnull (pane);

  type_into (pane, "Compare with the Moscow readout.");
  g_assert_true (lectern_memo_pane_get_modified (pane));
  WAIT_UNTIL (!lectern_memo_pane_get_modified (pane));
  g_assert_cmpstr (lectern_memo_pane_get_status (pane), ==, "Saved");
  memo = stored_memo (file, LECTERN_MEMO_DOCUMENT, doc);
  g_assert_cmpstr (memo, ==, "Compare with the Moscow readout.");
  g_clear_pointer (&memo, g_free);

  /* Cancel closes the details; the memo was saved as it was written. */
  type_into (pane, " Dated 12 March.");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  WAIT_UNTIL (find_toplevel (LECTERN_TYPE_DOCUMENT_DIALOG) == NULL);
  memo = stored_memo (file, LECTERN_MEMO_DOCUMENT, doc);
  g_assert_cmpstr (memo, ==, "Compare with the Moscow readout. Dated 12 March.");
  g_clear_pointer (&memo, g_free);

  /* Opened again, the details show it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.document-properties", NULL);
  WAIT_UNTIL ((dialog = find_toplevel (LECTERN_TYPE_DOCUMENT_DIALOG)) != NULL);
  memo = pane_text (find_pane (GTK_WIDGET (dialog), NULL));
  g_assert_cmpstr (memo, ==, "Compare with the Moscow readout. Dated 12 March.");
  app_test_close_window (GTK_WINDOW (dialog));
  app_test_close_window (GTK_WINDOW (GTK_WINDOW (window)));
}

/* The codebook: the selected tag's description and memo, each saved on
 * its own, and undone as one step each. */
static void
test_tag_description_and_memo (void)
{
  gint64 doc, tag_id;
  g_autoptr(GFile) file = make_project (&doc, &tag_id);
  LecternWindow *window = app_test_open_project_window (file, doc);
  LecternMemoPane *description, *memo_pane;
  g_autoptr(LecternProject) check = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *memo = NULL;
  g_autofree char *shown = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "codebook");
  description = find_pane (GTK_WIDGET (window->codebook_view), "Description");
  memo_pane = find_pane (GTK_WIDGET (window->codebook_view), "Memo");
  g_assert_nonnull (description);
  g_assert_nonnull (memo_pane);
  /* Nothing selected, nothing to write on. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (lectern_memo_pane_get_text_view (description))));

  lectern_codebook_view_select_tag (window->codebook_view, tag_id);
  app_test_drain ();
  type_into (description, "The US presented as broker of peace.");
  WAIT_UNTIL (!lectern_memo_pane_get_modified (description));
  type_into (memo_pane, "Overlaps with Actors/US; merge later?");
  /* The keyboard moves on: the memo is saved there and then. */
  gtk_widget_grab_focus (GTK_WIDGET (lectern_memo_pane_get_text_view (description)));
  g_assert_false (lectern_memo_pane_get_modified (memo_pane));
  g_assert_cmpstr (lectern_memo_pane_get_status (memo_pane), ==, "Saved");

  check = reopen (file);
  tag = lectern_project_dup_tag (check, tag_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_tag_get_description (tag), ==, "The US presented as broker of peace.");
  memo = lectern_project_dup_memo (check, LECTERN_MEMO_TAG, tag_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (memo, ==, "Overlaps with Actors/US; merge later?");

  /* Undo takes back the memo edit, and the pane shows it. */
  g_assert_cmpstr (lectern_project_get_undo_label (lectern_window_get_project (window)), ==, "Edit memo");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  app_test_drain ();
  shown = pane_text (memo_pane);
  g_assert_cmpstr (shown, ==, "");
  g_clear_pointer (&shown, g_free);
  shown = pane_text (description);
  g_assert_cmpstr (shown, ==, "The US presented as broker of peace.");

  app_test_close_window (GTK_WINDOW (GTK_WINDOW (window)));
}

/* The project memo, from the primary menu, saved when its window closes. */
static void
test_project_memo (void)
{
  gint64 doc, tag_id;
  g_autoptr(GFile) file = make_project (&doc, &tag_id);
  LecternWindow *window = app_test_open_project_window (file, doc);
  GtkWindow *memo_window;
  LecternMemoPane *pane;
  g_autofree char *memo = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.project-memo", NULL);
  memo_window = window->project_memo;
  g_assert_nonnull (memo_window);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (memo_window)));
  pane = find_pane (GTK_WIDGET (memo_window), NULL);
  g_assert_nonnull (pane);
  type_into (pane, "Question: who speaks of mediation, and when?");
  gtk_window_close (memo_window);
  app_test_drain ();
  g_assert_null (window->project_memo);

  memo = stored_memo (file, LECTERN_MEMO_PROJECT, 0);
  g_assert_cmpstr (memo, ==, "Question: who speaks of mediation, and when?");
  app_test_close_window (GTK_WINDOW (GTK_WINDOW (window)));
}

static guint
n_annotations (LecternProject *project,
               gint64         doc)
{
  g_autoptr(GListModel) list = lectern_project_list_annotations (project, doc, 0, FALSE, NULL);

  return g_list_model_get_n_items (list);
}

/* The coder's name set in Preferences is the author of a passage tagged
 * afterwards; emptied, the account's name is back. */
static void
test_coder_name (void)
{
  gint64 doc, tag_id;
  g_autoptr(GFile) file = make_project (&doc, &tag_id);
  LecternWindow *window = app_test_open_project_window (file, doc);
  LecternProject *project = lectern_window_get_project (window);
  GtkWidget *prefs = lectern_preferences_window_new ();
  LecternTagPicker *picker;
  GtkEditable *row, *entry;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(LecternAnnotation) a = NULL;
  const char *words = "the Americans would broker";
  glong start = g_utf8_pointer_to_offset (TEXT, strstr (TEXT, words));

  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  WAIT_UNTIL (gtk_widget_get_mapped (prefs));
  row = GTK_EDITABLE (app_test_find_descendant (prefs, ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (row);
  gtk_editable_set_text (row, "Maria Petrova");
  app_test_drain ();
  app_test_close_window (GTK_WINDOW (GTK_WINDOW (prefs)));

  picker = lectern_reader_view_get_tag_picker (window->reader_view);
  lectern_reader_view_select_range (window->reader_view, start, start + g_utf8_strlen (words, -1));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", NULL);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  entry = GTK_EDITABLE (app_test_find_descendant (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (entry, TAG);
  g_signal_emit_by_name (entry, "activate");

  WAIT_UNTIL (n_annotations (project, doc) == 1);
  list = lectern_project_list_annotations (project, doc, 0, FALSE, NULL);
  a = g_list_model_get_item (list, 0);
  g_assert_cmpstr (lectern_annotation_get_author (a), ==, "Maria Petrova");
  /* With the ID made once in the settings: renamed, still the same coder. */
  {
    g_autofree char *id = g_settings_get_string (lectern_settings (), "coder-id");
    g_autoptr(LecternCoder) coder = lectern_project_dup_current_coder (project, NULL);
    g_autoptr(LecternCoder) renamed = NULL;

    g_assert_true (lectern_guid_is_valid (id));
    g_assert_cmpstr (lectern_coder_get_guid (coder), ==, id);
    g_assert_cmpint (lectern_coder_get_id (coder), ==, lectern_annotation_get_coder_id (a));
    g_settings_set_string (lectern_settings (), "coder-name", "Maria P.");
    renamed = lectern_project_dup_current_coder (project, NULL);
    g_assert_cmpint (lectern_coder_get_id (renamed), ==, lectern_coder_get_id (coder));
  }

  g_settings_set_string (lectern_settings (), "coder-name", "");
  g_assert_cmpstr (lectern_project_get_author (project), !=, "Maria Petrova");
  app_test_close_window (GTK_WINDOW (GTK_WINDOW (window)));
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/Memos/document", test_document_memo);
  g_test_add_func ("/Lectern/Memos/tag-description-and-memo", test_tag_description_and_memo);
  g_test_add_func ("/Lectern/Memos/project", test_project_memo);
  g_test_add_func ("/Lectern/Memos/coder-name", test_coder_name);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-memos-test", add_tests);
}
