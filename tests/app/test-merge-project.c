/* test-merge-project.c — Merge Project… in a real window (issue #15): a
 * colleague's copy read in the background, the preview read, merged as
 * one undo step and undone; Cancel in the preview changes nothing; the
 * project merged with itself has nothing to merge; a file that is not a
 * project is refused by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "app-test-harness.h"
#include "lectern-window-private.h"

#define SHARED_TEXT "The two ministers met in Paris on Monday.\nNo statement followed.\n"
#define BEN_TEXT    "Interview with a delegate, second part.\n"

typedef struct
{
  GFile  *mine;      /* the project in the window (Anna's) */
  GFile  *theirs;    /* Ben's copy, edited apart */
  gint64  doc;
} Fixture;

static void
add_passage (LecternProject *project,
             gint64          doc,
             glong           start,
             glong           end)
{
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  annotation = lectern_project_add_annotation (project, doc, start, end, NULL, 0, NULL, &error);
  g_assert_no_error (error);
}

static void
copy_file (GFile *from,
           GFile *to)
{
  g_autoptr(GError) error = NULL;

  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "merge", NULL);
  g_autofree char *mine = g_build_filename (dir, "anna.lectern", NULL);
  g_autofree char *theirs = g_build_filename (dir, "ben.lectern", NULL);
  g_autoptr(GError) error = NULL;

  (void) data;
  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  f->mine = g_file_new_for_path (mine);
  f->theirs = g_file_new_for_path (theirs);
  g_file_delete (f->mine, NULL, NULL);

  /* One project, both coders start from it. */
  {
    g_autoptr(LecternProject) project = lectern_project_create (f->mine, &error);
    g_autoptr(LecternDocument) doc = lectern_document_new ();

    g_assert_no_error (error);
    lectern_document_set_title (doc, "Paris Meeting");
    f->doc = lectern_project_add_document (project, doc, SHARED_TEXT, &error);
    g_assert_no_error (error);
  }
  copy_file (f->mine, f->theirs);

  /* Anna codes one passage in hers. */
  {
    g_autoptr(LecternProject) project = lectern_project_open (f->mine, &error);

    g_assert_no_error (error);
    g_assert_true (lectern_project_set_coder (project, "Anna", NULL, &error));
    add_passage (project, f->doc, 4, 13);
  }
  /* Ben codes another in his, and imports a document of his own. */
  {
    g_autoptr(LecternProject) project = lectern_project_open (f->theirs, &error);
    g_autoptr(LecternDocument) doc = lectern_document_new ();
    gint64 his;

    g_assert_no_error (error);
    g_assert_true (lectern_project_set_coder (project, "Ben", NULL, &error));
    add_passage (project, f->doc, 27, 32);
    lectern_document_set_title (doc, "Delegate Interview");
    his = lectern_project_add_document (project, doc, BEN_TEXT, &error);
    g_assert_no_error (error);
    add_passage (project, his, 0, 9);
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  (void) data;
  g_clear_object (&f->mine);
  g_clear_object (&f->theirs);
}

static guint
n_documents (LecternProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) documents = lectern_project_list_documents (project, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (documents);
}

static guint
n_passages (LecternProject *project,
            gint64          doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) passages = lectern_project_list_annotations (project, doc, 0, FALSE, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (passages);
}

/* Reads @other as the menu item would, waits for the reading to end and
 * returns the dialog it left (the preview, or an error). */
static AdwMessageDialog *
merge_and_wait (LecternWindow *window,
                GFile         *other)
{
  g_clear_weak_pointer (&window->import_summary);
  lectern_window_merge_project (window, other);
  /* The progress bar with Cancel while the other file is read. */
  g_assert_true (_lectern_window_is_importing (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->import_revealer));
  WAIT_UNTIL (!_lectern_window_is_importing (window));
  app_test_drain ();
  return window->import_summary;
}

/* The lines of the preview's list, joined by newlines. */
static char *
preview_lines (AdwMessageDialog *dialog)
{
  GtkWidget *list = app_test_find_descendant (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_LIST_BOX);
  GString *lines = g_string_new (NULL);

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = app_test_find_descendant (row, GTK_TYPE_LABEL);

      g_assert_nonnull (label);
      g_string_append (lines, gtk_label_get_text (GTK_LABEL (label)));
      g_string_append_c (lines, '\n');
    }
  return g_string_free (lines, FALSE);
}

static void
test_merge_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  LecternWindow *window = app_test_open_project_window (f->mine, f->doc);
  LecternProject *project = lectern_window_get_project (window);
  AdwMessageDialog *dialog;
  g_autofree char *lines = NULL;

  (void) data;
  g_assert_cmpuint (n_documents (project), ==, 1);
  g_assert_cmpuint (n_passages (project, f->doc), ==, 1);

  dialog = merge_and_wait (window, f->theirs);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Merge “ben.lectern”?");
  /* What it would add, in words, before anything is written. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Adds 1 document"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 passages"));
  lines = preview_lines (dialog);
  g_assert_nonnull (strstr (lines, "Delegate Interview"));
  g_assert_cmpuint (n_documents (project), ==, 1);

  adw_message_dialog_response (dialog, "merge");
  app_test_drain ();
  g_assert_cmpuint (n_documents (project), ==, 2);
  /* Anna's passage and Ben's, each with its coder. */
  g_assert_cmpuint (n_passages (project, f->doc), ==, 2);
  {
    g_autoptr(GPtrArray) coders = lectern_project_list_coders (project, NULL);

    g_assert_nonnull (coders);
    g_assert_cmpuint (coders->len, ==, 2);
  }

  /* One undo step takes the whole merge back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  app_test_drain ();
  g_assert_cmpuint (n_documents (project), ==, 1);
  g_assert_cmpuint (n_passages (project, f->doc), ==, 1);
  g_assert_cmpstr (lectern_project_get_undo_label (project), !=, "Merge Project");

  app_test_close_window (GTK_WINDOW (window));
}

static void
test_cancel_in_preview (Fixture       *f,
                        gconstpointer  data)
{
  LecternWindow *window = app_test_open_project_window (f->mine, f->doc);
  LecternProject *project = lectern_window_get_project (window);
  AdwMessageDialog *dialog;

  (void) data;
  dialog = merge_and_wait (window, f->theirs);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  app_test_drain ();
  g_assert_cmpuint (n_documents (project), ==, 1);
  g_assert_cmpuint (n_passages (project, f->doc), ==, 1);
  g_assert_false (lectern_project_get_can_undo (project));

  app_test_close_window (GTK_WINDOW (window));
}

static void
test_self_and_bad_file (Fixture       *f,
                        gconstpointer  data)
{
  LecternWindow *window = app_test_open_project_window (f->mine, f->doc);
  LecternProject *project = lectern_window_get_project (window);
  g_autofree char *bad_path = g_build_filename (g_get_user_data_dir (), "merge", "notes.lectern", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;

  (void) data;
  dialog = merge_and_wait (window, f->mine);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing to Merge");
  adw_message_dialog_response (dialog, "close");
  app_test_drain ();

  /* Text under a project's name: refused by name, nothing changed. */
  g_assert_true (g_file_set_contents (bad_path, "not a project\n", -1, &error));
  g_assert_no_error (error);
  dialog = merge_and_wait (window, bad);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Merge the Project");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "notes.lectern"));
  adw_message_dialog_response (dialog, "close");
  app_test_drain ();
  g_assert_cmpuint (n_documents (project), ==, 1);
  g_assert_false (lectern_project_get_can_undo (project));

  app_test_close_window (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add ("/merge-project/merge-and-undo", Fixture, NULL,
              fixture_set_up, test_merge_and_undo, fixture_tear_down);
  g_test_add ("/merge-project/cancel-in-preview", Fixture, NULL,
              fixture_set_up, test_cancel_in_preview, fixture_tear_down);
  g_test_add ("/merge-project/self-and-bad-file", Fixture, NULL,
              fixture_set_up, test_self_and_bad_file, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  return app_test_main (&argc, &argv, "lectern-test-merge-project", add_tests);
}
