/* test-session-fixes.c — small things a real research session ran into
 * (issue #18, item 9): the refusal summary, where file choosers open,
 * the library's selection across an import, the undo toast, tag lists
 * in note headers, and an empty project's one call to import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-export-dialog.h"
#include "lectern-import.h"
#include "lectern-window-private.h"

#define TEXT_A "The delegations met in Geneva for the final round of talks.\n"
#define TEXT_B "A second document, about something else entirely.\n"
#define LONG_NAME "Déclaration commune sur la coopération culturelle et scientifique entre les deux pays, version revue"


static GFile *
make_project (gboolean  with_documents,
              gint64   *doc_a,
              gint64   *doc_b)
{
  static guint serial;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "projects", NULL);
  g_autofree char *name = g_strdup_printf ("fixes-%u.lectern", ++serial);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  if (with_documents)
    {
      g_autoptr(LecternDocument) a = lectern_document_new ();
      g_autoptr(LecternDocument) b = lectern_document_new ();

      lectern_document_set_title (a, "A Treaty");
      *doc_a = lectern_project_add_document (project, a, TEXT_A, &error);
      g_assert_no_error (error);
      lectern_document_set_title (b, "B Something Else");
      *doc_b = lectern_project_add_document (project, b, TEXT_B, &error);
      g_assert_no_error (error);
    }
  return file;
}

static LecternWindow *
open_window (GFile *file)
{
  LecternWindow *window = lectern_window_new (app_test_get_app ());
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  lectern_window_open_project (window, file, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  app_test_drain ();
  return window;
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* Collects the labels' texts below @widget, of mapped widgets only. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts,
                GPtrArray *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      if (texts)
        g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
      if (labels)
        g_ptr_array_add (labels, widget);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, texts, labels);
}

static void
collect_status_pages (GtkWidget *widget,
                      GPtrArray *pages)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (ADW_IS_STATUS_PAGE (widget))
    g_ptr_array_add (pages, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_status_pages (c, pages);
}

static const char *
report_text (LecternWindow *window)
{
  GtkWidget *scroller = adw_message_dialog_get_extra_child (window->import_summary);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkWidget *label = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : viewport;

  return gtk_label_get_text (GTK_LABEL (label));
}

/* (a) A refused duplicate with a long name is named once, shortened. */
static void
test_refusal_says_file_once (void)
{
  gint64 a, b;
  g_autoptr(GFile) project_file = make_project (TRUE, &a, &b);
  LecternWindow *window = open_window (project_file);
  g_autoptr(GFile) twin = write_file (LONG_NAME ".txt", TEXT_A);
  g_autoptr(GFile) fresh = write_file ("fresh.txt", "Something new to read.\n");
  GFile *files[] = { twin, fresh };
  const char *text;

  lectern_window_import_files (window, files, 2);
  WAIT_UNTIL (window->import_results != NULL);
  g_assert_nonnull (window->import_summary);
  text = report_text (window);
  g_test_message ("report: %s", text);
  /* Once, and not the whole of it. */
  g_assert_cmpuint (count_occurrences (text, "Déclaration commune"), ==, 1);
  g_assert_null (strstr (text, LONG_NAME));
  g_assert_nonnull (strstr (text, "version revue.txt"));

  gtk_window_destroy (GTK_WINDOW (window->import_summary));
  app_test_close_window (GTK_WINDOW (window));
}

/* (b) Import and Export choose in the project's folder. */
static void
test_choosers_open_in_project_folder (void)
{
  gint64 a, b;
  g_autoptr(GFile) project_file = make_project (TRUE, &a, &b);
  g_autoptr(GFile) project_folder = g_file_get_parent (project_file);
  LecternWindow *window = open_window (project_file);
  g_autoptr(GFile) import_folder = _lectern_window_dup_import_folder (window);
  g_autoptr(GFile) export_folder = NULL;
  LecternExportDialog *dialog;

  g_assert_nonnull (import_folder);
  g_assert_true (g_file_equal (import_folder, project_folder));

  g_settings_set_string (lectern_settings (), "export-folder", "");
  dialog = lectern_export_dialog_new (GTK_WINDOW (window), lectern_window_get_project (window), 0);
  export_folder = g_file_get_parent (lectern_export_dialog_get_destination (dialog));
  g_assert_true (g_file_equal (export_folder, project_folder));

  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_close_window (GTK_WINDOW (window));
}

/* (c) The row selected in the library stays selected after an import. */
static void
test_selection_kept_after_import (void)
{
  gint64 a, b;
  g_autoptr(GFile) project_file = make_project (TRUE, &a, &b);
  LecternWindow *window = open_window (project_file);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (lectern_library_view_get_model (window->library_view));
  g_autoptr(GFile) extra = write_file ("aaa-first.txt", "Aaa, a letter that sorts first.\n");
  GFile *files[] = { extra };
  LecternDocument *selected;

  g_assert_cmpint (lectern_window_get_document_id (window), ==, a);
  /* The user moves to the other row, without opening it. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (lectern_document_get_id (doc) == b)
        gtk_single_selection_set_selected (selection, i);
    }
  selected = gtk_single_selection_get_selected_item (selection);
  g_assert_cmpint (lectern_document_get_id (selected), ==, b);

  lectern_window_import_files (window, files, 1);
  WAIT_UNTIL (window->import_results != NULL);
  WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (selection)) == 3);
  app_test_drain ();

  selected = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (selected);
  g_assert_cmpint (lectern_document_get_id (selected), ==, b);
  g_assert_cmpint (lectern_window_get_document_id (window), ==, a);

  app_test_close_window (GTK_WINDOW (window));
}

/* (d) The toast after an undo names the step undone, even when another
 * toast was showing. */
static void
test_undo_toast_names_step (void)
{
  gint64 a, b;
  g_autoptr(GFile) project_file = make_project (TRUE, &a, &b);
  LecternWindow *window = open_window (project_file);
  LecternProject *project = lectern_window_get_project (window);
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  gboolean found = FALSE;
  g_autofree char *expected = g_strdup_printf (_("Undone: %s"), _("Rename tag"));

  tag = lectern_project_ensure_tag_path (project, "Reception", &error);
  g_assert_no_error (error);
  lectern_window_toast (window, "Imported 1 document");
  app_test_drain ();
  g_assert_true (lectern_project_rename_tag (project, lectern_tag_get_id (tag), "Reviews", &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  app_test_drain ();

  collect_labels (GTK_WIDGET (window->toast_overlay), texts, NULL);
  for (guint i = 0; i < texts->len; i++)
    found |= g_strcmp0 (texts->pdata[i], expected) == 0;
  g_assert_true (found);

  /* Redone at once, while that toast is still coming in: the same toast
   * names the new step (a second toast then crashed libadwaita 1.2). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  app_test_drain ();
  g_ptr_array_set_size (texts, 0);
  collect_labels (GTK_WIDGET (window->toast_overlay), texts, NULL);
  {
    g_autofree char *redone = g_strdup_printf (_("Redone: %s"), _("Rename tag"));

    found = FALSE;
    for (guint i = 0; i < texts->len; i++)
      {
        g_assert_cmpstr (texts->pdata[i], !=, expected);
        found |= g_strcmp0 (texts->pdata[i], redone) == 0;
      }
    g_assert_true (found);
  }

  app_test_close_window (GTK_WINDOW (window));
}

/* (f) A note header lists every tag of its passage, wrapped, not cut. */
static void
test_note_header_tags_wrap (void)
{
  gint64 a, b;
  g_autoptr(GFile) project_file = make_project (TRUE, &a, &b);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gint64 ids[4];
  const char *paths[] = { "Diplomacy/Bilateral relations", "Reception/Criticism in the press",
                          "Economy/Agriculture and water", "Chronology/Final round" };
  GtkLabel *header = NULL;
  LecternWindow *window;

  {
    g_autoptr(LecternProject) project = lectern_project_open (project_file, &error);
    g_autoptr(LecternAnnotation) annotation = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (project, paths[i], &error);

        g_assert_no_error (error);
        ids[i] = lectern_tag_get_id (tag);
      }
    annotation = lectern_project_add_annotation (project, a, 4, 20, ids, 4, NULL, &error);
    g_assert_no_error (error);
  }

  g_settings_set_boolean (lectern_settings (), "show-annotations", TRUE);
  window = open_window (project_file);
  adw_flap_set_reveal_flap (window->panel_flap, TRUE);
  adw_view_stack_set_visible_child_name (window->panel_stack, "annotations");
  lectern_window_set_document_id (window, a);
  WAIT_UNTIL (g_list_model_get_n_items (lectern_annotation_list_get_model (window->annotation_list)) == 1);
  app_test_drain ();

  collect_labels (GTK_WIDGET (window->annotation_list), NULL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), "Chronology/Final round"))
      header = labels->pdata[i];
  g_assert_nonnull (header);
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (header)) > 0);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (header)));

  app_test_close_window (GTK_WINDOW (window));
}

/* (g) An empty project shows one page, with the way to fill it. */
static void
test_empty_project_one_page (void)
{
  g_autoptr(GFile) project_file = make_project (FALSE, NULL, NULL);
  LecternWindow *window = open_window (project_file);
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GtkWidget *button;

  collect_status_pages (GTK_WIDGET (window), pages);
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_cmpstr (adw_status_page_get_title (pages->pdata[0]), ==, _("No Documents Yet"));
  button = adw_status_page_get_child (pages->pdata[0]);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.import");
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  g_assert_true (gtk_widget_is_sensitive (button));

  /* Once a document is in, the workbench shows. */
  {
    g_autoptr(GFile) text = write_file ("first.txt", "A first text.\n");
    GFile *files[] = { text };

    lectern_window_import_files (window, files, 1);
    WAIT_UNTIL (window->import_results != NULL);
    WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "project") == 0);
  }

  app_test_close_window (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/SessionFixes/refusal-says-file-once", test_refusal_says_file_once);
  g_test_add_func ("/Lectern/SessionFixes/choosers-open-in-project-folder", test_choosers_open_in_project_folder);
  g_test_add_func ("/Lectern/SessionFixes/selection-kept-after-import", test_selection_kept_after_import);
  g_test_add_func ("/Lectern/SessionFixes/undo-toast-names-step", test_undo_toast_names_step);
  g_test_add_func ("/Lectern/SessionFixes/note-header-tags-wrap", test_note_header_tags_wrap);
  g_test_add_func ("/Lectern/SessionFixes/empty-project-one-page", test_empty_project_one_page);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-fixes-test", add_tests);
}
