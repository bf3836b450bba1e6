/* test-replace-text.c — Replace Text from File… in a real window: the
 * sample article replaced by its revision, the summary read, passages on
 * their words, Undo; a file that cannot be read; the earlier version
 * compared with the current text (issue #19).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "app-test-harness.h"
#include "lectern-compare-window.h"
#include "lectern-window-private.h"

/* Passages whose words both versions of the article share, and one whose
 * words the revision changes ("three times" → "twice"). */
static const char * const surviving[] = {
  "lowest level in forty years",
  "Nobody upstream called to say the water would not come.",
  "A first meeting of officials is planned in Geneva",
};
#define CHANGED "has turned down three times since 2019"

typedef struct
{
  GFile  *file;
  GFile  *revised;
  gint64  doc;
  char   *original;
} Fixture;

static char *
sample_path (const char *name)
{
  const char *source = g_getenv ("LECTERN_SOURCE_DIR");

  return g_build_filename (source != NULL ? source : ".", "data", "sample", name, NULL);
}

static glong
offset_of (const char *text,
           const char *words)
{
  const char *at = strstr (text, words);

  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

static void
annotate (LecternProject *project,
          gint64          doc,
          const char     *text,
          const char     *words)
{
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  glong start = offset_of (text, words);

  annotation = lectern_project_add_annotation (project, doc, start, start + g_utf8_strlen (words, -1),
                                              NULL, 0, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_init (Fixture    *f,
              const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autofree char *original_path = sample_path ("low-water-2021.txt");
  g_autofree char *revised_path = sample_path ("low-water-2021-revised.txt");
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) doc = lectern_document_new ();
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  f->file = g_file_new_for_path (path);
  f->revised = g_file_new_for_path (revised_path);
  project = lectern_project_create (f->file, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (original_path, &f->original, NULL, &error));
  g_assert_no_error (error);
  lectern_document_set_title (doc, "Low Water");
  f->doc = lectern_project_add_document (project, doc, f->original, &error);
  g_assert_no_error (error);
  g_free (f->original);
  f->original = lectern_project_dup_text (project, f->doc, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (surviving); i++)
    annotate (project, f->doc, f->original, surviving[i]);
  /* Another document, for the comparison between documents. */
  {
    g_autoptr(LecternDocument) other = lectern_document_new ();

    lectern_document_set_title (other, "Statement");
    g_assert_cmpint (lectern_project_add_document (project, other, "The commission will meet.\n", &error), >, 0);
    g_assert_no_error (error);
  }
  annotate (project, f->doc, f->original, CHANGED);
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->file);
  g_clear_object (&f->revised);
  g_clear_pointer (&f->original, g_free);
}

static LecternWindow *
open_window (Fixture *f)
{
  LecternWindow *window = lectern_window_new (app_test_get_app ());
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  lectern_window_open_project (window, f->file, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  lectern_window_set_document_id (window, f->doc);
  app_test_drain ();
  return window;
}

/* The text of the dialog's extra child (the summary's lines). */
static const char *
summary_text (AdwMessageDialog *dialog)
{
  GtkWidget *child = adw_message_dialog_get_extra_child (dialog);

  g_assert_true (GTK_IS_LABEL (child));
  return gtk_label_get_text (GTK_LABEL (child));
}

/* Every placed passage quotes the words it sits on. */
static void
assert_passages_on_their_words (LecternProject *project,
                                gint64          doc,
                                guint           expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = lectern_project_dup_text (project, doc, &error);
  g_autoptr(GListModel) passages = lectern_project_list_annotations (project, doc, 0, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (passages), ==, expected);
  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (passages, i);
      glong start = lectern_annotation_get_start (a), end = lectern_annotation_get_end (a);
      g_autofree char *words = g_utf8_substring (text, start, end);

      g_assert_cmpstr (words, ==, lectern_annotation_get_quote (a));
    }
}

static gboolean
has_passage_quoting (LecternProject *project,
                     gint64          doc,
                     const char     *quote)
{
  g_autoptr(GListModel) passages = lectern_project_list_annotations (project, doc, 0, FALSE, NULL);

  for (guint i = 0; passages != NULL && i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (passages, i);

      if (g_strcmp0 (lectern_annotation_get_quote (a), quote) == 0)
        return TRUE;
    }
  return FALSE;
}

static guint
n_versions (LecternProject *project,
            gint64          doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) versions = lectern_project_list_document_versions (project, doc, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (versions);
}

static AdwMessageDialog *
replace_and_wait (LecternWindow *window,
                  gint64         doc,
                  GFile         *file)
{
  g_clear_weak_pointer (&window->import_summary);
  lectern_window_replace_text_from_file (window, doc, file);
  /* The progress bar with Cancel while the file is read and compared. */
  g_assert_true (_lectern_window_is_importing (window));
  WAIT_UNTIL (!_lectern_window_is_importing (window));
  app_test_drain ();
  return window->import_summary;
}

/* What the window's reader shows. */
static char *
reader_text (LecternWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (lectern_reader_view_get_text_view (window->reader_view)));
  GtkTextIter s, e;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  return gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
}

static void
test_replace_and_undo (void)
{
  Fixture f;
  LecternWindow *window;
  LecternProject *project;
  AdwMessageDialog *summary;
  g_autofree char *revised = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  fixture_init (&f, "replace.lectern");
  window = open_window (&f);
  project = lectern_window_get_project (window);

  summary = replace_and_wait (window, f.doc, f.revised);
  g_assert_nonnull (summary);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (summary), "Low Water"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (summary), "low-water-2021-revised.txt"));
  /* The revision adds a line at the top: every passage moves with its
   * words; the one whose words changed is resized. */
  g_assert_nonnull (strstr (summary_text (summary), "• 0 passages kept their place and words"));
  g_assert_nonnull (strstr (summary_text (summary), "• 3 passages moved with their words"));
  g_assert_nonnull (strstr (summary_text (summary), "• 1 passage resized"));
  g_assert_nonnull (strstr (summary_text (summary), "• 0 passages orphaned"));

  /* The text is the revision's; each passage sits on its words. */
  g_assert_true (g_file_get_contents (g_file_peek_path (f.revised), &revised, NULL, &error));
  text = lectern_project_dup_text (project, f.doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, revised);
  /* The reader shows the new text, not the one it had loaded. */
  {
    g_autofree char *shown = reader_text (window);

    g_assert_cmpstr (shown, ==, revised);
  }
  assert_passages_on_their_words (project, f.doc, 4);
  for (guint i = 0; i < G_N_ELEMENTS (surviving); i++)
    g_assert_true (has_passage_quoting (project, f.doc, surviving[i]));
  g_assert_false (has_passage_quoting (project, f.doc, CHANGED));
  g_assert_cmpuint (n_versions (project, f.doc), ==, 2);

  /* Undo, from the summary: the text and every passage as before. */
  adw_message_dialog_response (summary, "undo");
  app_test_drain ();
  g_clear_pointer (&text, g_free);
  text = lectern_project_dup_text (project, f.doc, &error);
  g_assert_cmpstr (text, ==, f.original);
  {
    g_autofree char *shown = reader_text (window);

    g_assert_cmpstr (shown, ==, f.original);
  }
  assert_passages_on_their_words (project, f.doc, 4);
  for (guint i = 0; i < G_N_ELEMENTS (surviving); i++)
    g_assert_true (has_passage_quoting (project, f.doc, surviving[i]));
  g_assert_true (has_passage_quoting (project, f.doc, CHANGED));
  g_assert_cmpuint (n_versions (project, f.doc), ==, 1);

  app_test_close_window (GTK_WINDOW (window));
  fixture_clear (&f);
}

/* A file that cannot be read: an error that names it, nothing changed. */
static void
test_unreadable_file (void)
{
  Fixture f;
  LecternWindow *window;
  LecternProject *project;
  g_autofree char *missing_path = g_build_filename (g_get_user_data_dir (), "no-such-revision.txt", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autofree char *text = NULL;
  GtkWindow *dialog;

  fixture_init (&f, "replace-missing.lectern");
  window = open_window (&f);
  project = lectern_window_get_project (window);

  g_assert_null (replace_and_wait (window, f.doc, missing));
  WAIT_UNTIL ((dialog = app_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "no-such-revision.txt"));
  text = lectern_project_dup_text (project, f.doc, NULL);
  g_assert_cmpstr (text, ==, f.original);
  g_assert_cmpuint (n_versions (project, f.doc), ==, 1);
  assert_passages_on_their_words (project, f.doc, 4);
  gtk_window_destroy (dialog);

  app_test_close_window (GTK_WINDOW (window));
  fixture_clear (&f);
}

static GtkTextBuffer *
pane_buffer (LecternCompareWindow *compare,
             guint                 side)
{
  LecternReaderView *pane = lectern_compare_window_get_pane (compare, side);

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (lectern_reader_view_get_text_view (pane)));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  return gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
}

/* Cancel while the file is read or compared: nothing changes. */
static void
test_cancel (void)
{
  Fixture f;
  LecternWindow *window;
  LecternProject *project;
  g_autofree char *text = NULL;

  fixture_init (&f, "replace-cancel.lectern");
  window = open_window (&f);
  project = lectern_window_get_project (window);

  g_clear_weak_pointer (&window->import_summary);
  lectern_window_replace_text_from_file (window, f.doc, f.revised);
  g_assert_true (gtk_revealer_get_reveal_child (window->import_revealer));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-import", NULL);
  WAIT_UNTIL (!_lectern_window_is_importing (window));
  app_test_drain ();
  g_assert_null (window->import_summary);
  text = lectern_project_dup_text (project, f.doc, NULL);
  g_assert_cmpstr (text, ==, f.original);
  g_assert_cmpuint (n_versions (project, f.doc), ==, 1);

  app_test_close_window (GTK_WINDOW (window));
  fixture_clear (&f);
}

/* After a replacement, the earlier version beside the current text. */
static void
test_compare_earlier_version (void)
{
  Fixture f;
  LecternWindow *window;
  LecternCompareWindow *compare;
  AdwMessageDialog *summary;
  LecternDiffSummary diff;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *current = NULL;

  fixture_init (&f, "replace-versions.lectern");
  window = open_window (&f);

  /* Without an earlier version there is nothing to compare. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-versions", "x", (gint64) 0);
  app_test_drain ();
  g_assert_null (app_test_find_window (LECTERN_TYPE_COMPARE_WINDOW));

  summary = replace_and_wait (window, f.doc, f.revised);
  g_assert_nonnull (summary);
  adw_message_dialog_response (summary, "close");
  app_test_drain ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-versions", "x", (gint64) 0);
  WAIT_UNTIL ((compare = LECTERN_COMPARE_WINDOW (app_test_find_window (LECTERN_TYPE_COMPARE_WINDOW))) != NULL);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (compare)));
  WAIT_UNTIL (!lectern_compare_window_get_busy (compare) && lectern_compare_window_get_chunks (compare) != NULL);
  app_test_drain ();

  g_assert_cmpint (lectern_compare_window_get_mode (compare), ==, LECTERN_COMPARE_MODE_VERSIONS);
  g_assert_cmpuint (lectern_compare_window_get_version (compare), ==, 1);
  g_assert_cmpint (lectern_compare_window_get_document (compare, 1), ==, f.doc);
  left = buffer_text (pane_buffer (compare, 0));
  right = buffer_text (pane_buffer (compare, 1));
  current = lectern_project_dup_text (lectern_window_get_project (window), f.doc, NULL);
  g_assert_cmpstr (left, ==, f.original);
  g_assert_cmpstr (right, ==, current);
  lectern_compare_window_get_summary (compare, &diff);
  g_assert_cmpuint (diff.words_added + diff.words_changed, >, 0);
  /* "brother" became "sister": a change the diff shows. */
  g_assert_cmpuint (diff.words_changed, >, 0);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (compare)), "version 1"));

  /* An earlier version cannot be swapped to the right. */
  gtk_widget_activate_action (GTK_WIDGET (compare), "compare.swap", NULL);
  app_test_drain ();
  g_assert_cmpuint (lectern_compare_window_get_version (compare), ==, 1);
  g_assert_cmpint (lectern_compare_window_get_document (compare, 1), ==, f.doc);

  /* Another mode compares two documents again. */
  lectern_compare_window_set_mode (compare, LECTERN_COMPARE_MODE_TRANSLATION);
  WAIT_UNTIL (!lectern_compare_window_get_busy (compare));
  g_assert_cmpuint (lectern_compare_window_get_version (compare), ==, 0);
  g_assert_cmpint (lectern_compare_window_get_document (compare, 0), !=, 0);
  g_assert_cmpint (lectern_compare_window_get_document (compare, 0), !=, f.doc);

  app_test_close_window (GTK_WINDOW (compare));
  app_test_close_window (GTK_WINDOW (window));
  fixture_clear (&f);
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/ReplaceText/replace-and-undo", test_replace_and_undo);
  g_test_add_func ("/Lectern/ReplaceText/unreadable-file", test_unreadable_file);
  g_test_add_func ("/Lectern/ReplaceText/cancel", test_cancel);
  g_test_add_func ("/Lectern/ReplaceText/compare-earlier-version", test_compare_earlier_version);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-replace-text-test", add_tests);
}
