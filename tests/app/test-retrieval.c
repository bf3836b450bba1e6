/* test-retrieval.c — a code's passages in the full-width passages window,
 * opened from the codebook: document, passage in context, note, coder,
 * date; a row opens the reader at the passage; sub-codes on request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-export-dialog.h"
#include "lectern-passages-window.h"
#include "lectern-window-private.h"

#define LONG_TITLE "Communiqué conjoint des ministres des Affaires étrangères de la France et de la Russie, Moscou, 2025"
#define TEXT_A \
  "The delegations met in Geneva for the final round of talks. " \
  "Critics in the delta said the accord came too late for the farmers.\n"
#define TEXT_B \
  "Les délégations se sont réunies à Genève. Les critiques du delta ont jugé l’accord tardif.\n"


typedef struct
{
  GFile  *file;
  gint64  doc_a, doc_b;
  gint64  parent_tag, child_tag;
  gint64  on_parent, on_child;   /* annotations */
} Project;

static glong
offset_of (const char *text,
           const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (text, p);
}

static void
make_project (Project *p)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("retrieval-%u.lectern", ++serial);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) a = lectern_document_new ();
  g_autoptr(LecternDocument) b = lectern_document_new ();
  g_autoptr(LecternTag) parent = NULL;
  g_autoptr(LecternTag) child = NULL;
  g_autoptr(LecternAnnotation) x = NULL;
  g_autoptr(LecternAnnotation) y = NULL;
  glong start;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  p->file = g_file_new_for_path (path);
  project = lectern_project_create (p->file, &error);
  g_assert_no_error (error);
  lectern_project_set_author (project, "Camille");

  lectern_document_set_title (a, "Zz The Treaty");
  p->doc_a = lectern_project_add_document (project, a, TEXT_A, &error);
  g_assert_no_error (error);
  lectern_document_set_title (b, LONG_TITLE);
  p->doc_b = lectern_project_add_document (project, b, TEXT_B, &error);
  g_assert_no_error (error);

  parent = lectern_project_ensure_tag_path (project, "Reception", &error);
  g_assert_no_error (error);
  child = lectern_project_ensure_tag_path (project, "Reception/Criticism", &error);
  g_assert_no_error (error);
  p->parent_tag = lectern_tag_get_id (parent);
  p->child_tag = lectern_tag_get_id (child);

  start = offset_of (TEXT_A, "Critics in the delta");
  x = lectern_project_add_annotation (project, p->doc_a, start, start + 20, &p->parent_tag, 1,
                                     "The farmers' view, at last", &error);
  g_assert_no_error (error);
  p->on_parent = lectern_annotation_get_id (x);
  start = offset_of (TEXT_B, "Les critiques du delta");
  y = lectern_project_add_annotation (project, p->doc_b, start, start + 22, &p->child_tag, 1,
                                     NULL, &error);
  g_assert_no_error (error);
  p->on_child = lectern_annotation_get_id (y);
}

static void
project_clear (Project *p)
{
  g_clear_object (&p->file);
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
  return window;
}

static LecternPassagesWindow *
show_passages (LecternWindow *window,
               gint64         tag_id)
{
  LecternPassagesWindow *passages;

  adw_view_stack_set_visible_child_name (window->panel_stack, "codebook");
  lectern_codebook_view_select_tag (window->codebook_view, tag_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->codebook_view), "codebook.show-passages", NULL));
  passages = lectern_codebook_view_get_passages_window (window->codebook_view);
  g_assert_nonnull (passages);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (passages)));
  app_test_drain ();
  return passages;
}

static char *
cell (LecternPassagesWindow *passages,
      guint                  row,
      guint                  column)
{
  g_autoptr(LecternAnnotation) a = g_list_model_get_item (lectern_passages_window_get_rows (passages), row);

  g_assert_nonnull (a);
  return lectern_passages_window_dup_cell_text (passages, a, column);
}

/* Every passage of the code, with what a reader needs beside it: the
 * whole title, the passage between its context, the note, who coded it. */
static void
test_lists_passages (void)
{
  Project p = { 0 };
  LecternWindow *window;
  LecternPassagesWindow *passages;
  GListModel *rows;
  g_autofree char *document = NULL;
  g_autofree char *context = NULL;
  g_autofree char *note = NULL;
  g_autofree char *coder = NULL;
  g_autofree char *date = NULL;

  make_project (&p);
  window = open_window (p.file);
  passages = show_passages (window, p.parent_tag);

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (passages)) == GTK_WINDOW (window));
  /* Wide enough to read in, unlike the sidebar. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (passages)), >=, 900);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (passages)), "Reception"));

  rows = lectern_passages_window_get_rows (passages);
  g_assert_false (lectern_passages_window_get_with_subtags (passages));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);

  document = cell (passages, 0, 0);
  context = cell (passages, 0, 1);
  note = cell (passages, 0, 2);
  coder = cell (passages, 0, 3);
  date = cell (passages, 0, 4);
  g_assert_cmpstr (document, ==, "Zz The Treaty");
  /* The quote with words on either side of it. */
  g_assert_nonnull (strstr (context, "final round of talks. Critics in the delta said the accord"));
  g_assert_cmpstr (note, ==, "The farmers' view, at last");
  g_assert_cmpstr (coder, ==, "Camille");
  g_assert_cmpuint (strlen (date), ==, strlen ("2025-01-01"));

  gtk_window_destroy (GTK_WINDOW (passages));
  app_test_close_window (GTK_WINDOW (window));
  project_clear (&p);
}

/* Sub-codes' passages come in when asked, and the table sorts by
 * document; the long title is there whole. */
static void
test_subtags_switch (void)
{
  Project p = { 0 };
  LecternWindow *window;
  LecternPassagesWindow *passages;
  GListModel *rows;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  make_project (&p);
  window = open_window (p.file);
  passages = show_passages (window, p.parent_tag);
  rows = lectern_passages_window_get_rows (passages);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);

  lectern_passages_window_set_with_subtags (passages, TRUE);
  app_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  /* By document title: "Communiqué…" before "Zz…". */
  first = cell (passages, 0, 0);
  second = cell (passages, 1, 0);
  g_assert_cmpstr (first, ==, LONG_TITLE);
  g_assert_cmpstr (second, ==, "Zz The Treaty");

  lectern_passages_window_set_with_subtags (passages, FALSE);
  app_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);

  gtk_window_destroy (GTK_WINDOW (passages));
  app_test_close_window (GTK_WINDOW (window));
  project_clear (&p);
}

/* A row opens the reader at its passage. */
static void
test_activate_opens_reader (void)
{
  Project p = { 0 };
  LecternWindow *window;
  LecternPassagesWindow *passages;

  make_project (&p);
  window = open_window (p.file);
  lectern_window_set_document_id (window, p.doc_a);
  passages = show_passages (window, p.child_tag);
  g_assert_cmpuint (g_list_model_get_n_items (lectern_passages_window_get_rows (passages)), ==, 1);

  lectern_passages_window_activate_row (passages, 0);
  app_test_drain ();
  g_assert_cmpint (lectern_window_get_document_id (window), ==, p.doc_b);
  /* The cursor is on the passage: the reader is at it. */
  g_assert_cmpint (lectern_reader_view_get_annotation_at_cursor (window->reader_view), ==, p.on_child);

  gtk_window_destroy (GTK_WINDOW (passages));
  app_test_close_window (GTK_WINDOW (window));
  project_clear (&p);
}

/* Export… opens the export dialog filtered to this code. */
static void
test_export_preset (void)
{
  Project p = { 0 };
  LecternWindow *window;
  LecternPassagesWindow *passages;
  g_autoptr(LecternExportOptions) options = NULL;
  LecternExportDialog *dialog = NULL;
  GListModel *toplevels;
  guint n = 0;
  const gint64 *ids;

  make_project (&p);
  window = open_window (p.file);
  passages = show_passages (window, p.child_tag);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (passages), "passages.export", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (LECTERN_IS_EXPORT_DIALOG (w))
        dialog = LECTERN_EXPORT_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  options = lectern_export_dialog_dup_options (dialog);
  ids = lectern_export_options_get_tag_ids (options, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, p.child_tag);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (passages));
  app_test_close_window (GTK_WINDOW (window));
  project_clear (&p);
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/Retrieval/lists-passages", test_lists_passages);
  g_test_add_func ("/Lectern/Retrieval/subtags-switch", test_subtags_switch);
  g_test_add_func ("/Lectern/Retrieval/activate-opens-reader", test_activate_opens_reader);
  g_test_add_func ("/Lectern/Retrieval/export-preset", test_export_preset);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-retrieval-test", add_tests);
}
