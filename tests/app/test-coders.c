/* test-coders.c — a project two coders coded, in a real window: the
 * reader and lists shown for one coder or all, and the Inter-coder
 * Agreement view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-agreement-view.h"
#include "lectern-corpus-filter.h"
#include "lectern-corpus-window.h"
#include "lectern-query-view.h"
#include "lectern-window-private.h"

/* Anna codes "Anna and Ben" as Theme; Ben codes "Anna" as Theme and
 * "both read it" as Other. */
#define TEXT "Anna and Ben both read it.\n"

typedef struct
{
  GFile  *file;
  gint64  doc;
  gint64  anna;
  gint64  ben;
  gint64  anna_passage;
  gint64  ben_passage;
  gint64  ben_other;
  gint64  carl;         /* coded another document only */
  gint64  theme;
} Fixture;

static gint64
make_tag (LecternProject *project,
          const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (project, path, &error);

  g_assert_no_error (error);
  return lectern_tag_get_id (tag);
}

static gint64
code_as (LecternProject *project,
         const char     *coder,
         gint64          doc,
         glong           start,
         glong           end,
         gint64          tag_id,
         gint64         *coder_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) a = NULL;

  g_assert_true (lectern_project_set_coder (project, coder, NULL, &error));
  g_assert_no_error (error);
  a = lectern_project_add_annotation (project, doc, start, end, &tag_id, 1, NULL, &error);
  g_assert_no_error (error);
  *coder_id = lectern_annotation_get_coder_id (a);
  g_assert_cmpint (*coder_id, !=, 0);
  return lectern_annotation_get_id (a);
}

static void
fixture_make (Fixture *f)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("coders-%u.lectern", ++serial);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  gint64 theme, other;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  f->file = g_file_new_for_path (path);
  project = lectern_project_create (f->file, &error);
  g_assert_no_error (error);
  lectern_document_set_title (document, "Interview");
  f->doc = lectern_project_add_document (project, document, TEXT, &error);
  g_assert_no_error (error);
  theme = f->theme = make_tag (project, "Theme");
  other = make_tag (project, "Other");

  f->anna_passage = code_as (project, "Anna", f->doc, 0, 12, theme, &f->anna);
  f->ben_passage = code_as (project, "Ben", f->doc, 0, 4, theme, &f->ben);
  f->ben_other = code_as (project, "Ben", f->doc, 13, 25, other, &f->ben);
  g_assert_cmpint (f->anna, !=, f->ben);

  {
    g_autoptr(LecternDocument) other_doc = lectern_document_new ();
    gint64 other_id;

    lectern_document_set_title (other_doc, "Field notes");
    other_id = lectern_project_add_document (project, other_doc, "Carl wrote this alone.\n", &error);
    g_assert_no_error (error);
    code_as (project, "Carl", other_id, 0, 4, theme, &f->carl);
  }
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->file);
}

static gboolean
highlighted (LecternWindow *window,
             gint64         annotation_id,
             glong          offset)
{
  g_autoptr(GArray) ids = lectern_reader_text_dup_ids_at (lectern_reader_view_get_text_view (window->reader_view),
                                                          offset);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == annotation_id)
      return TRUE;
  return FALSE;
}

/* The reader shows one coder's passages, then every coder's again. */
static void
test_reader_coders (void)
{
  Fixture f = { 0 };
  LecternWindow *window;
  gint64 only[1];
  guint n = 99;

  fixture_make (&f);
  window = app_test_open_project_window (f.file, f.doc);
  WAIT_UNTIL (highlighted (window, f.ben_other, 14));
  g_assert_true (highlighted (window, f.anna_passage, 2));
  g_assert_true (highlighted (window, f.ben_passage, 2));

  only[0] = f.anna;
  lectern_reader_view_set_coders (window->reader_view, only, 1);
  g_assert_true (highlighted (window, f.anna_passage, 2));
  g_assert_false (highlighted (window, f.ben_passage, 2));
  g_assert_false (highlighted (window, f.ben_other, 14));
  g_assert_true (lectern_reader_view_get_coders (window->reader_view, &n)[0] == f.anna);
  g_assert_cmpuint (n, ==, 1);

  only[0] = f.ben;
  lectern_reader_view_set_coders (window->reader_view, only, 1);
  g_assert_false (highlighted (window, f.anna_passage, 2));
  g_assert_true (highlighted (window, f.ben_passage, 2));
  g_assert_true (highlighted (window, f.ben_other, 14));

  lectern_reader_view_set_coders (window->reader_view, NULL, 0);
  g_assert_true (highlighted (window, f.anna_passage, 2));
  g_assert_true (highlighted (window, f.ben_other, 14));

  app_test_close_window (GTK_WINDOW (window));
  fixture_clear (&f);
}

static GtkCheckButton *
find_check (GtkWidget  *widget,
            const char *label)
{
  if (GTK_IS_CHECK_BUTTON (widget) &&
      g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0)
    return GTK_CHECK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The "Coded by" labels of the annotation list's rows as built. */
static void
collect_coded_by (GtkWidget *widget,
                  GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_name (widget), "coded-by") == 0 &&
      gtk_widget_get_visible (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_coded_by (child, texts);
}

static gboolean
lists (GListModel *model,
       gint64      annotation_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (model, i);

      if (lectern_annotation_get_id (a) == annotation_id)
        return TRUE;
    }
  return FALSE;
}

/* The list's model is replaced when the coders shown change. */
#define LISTED lectern_annotation_list_get_model (window->annotation_list)

/* The window's coder button: Chosen Coders with Ben unchecked shows
 * Anna's coding alone in the reader and the list; All Coders, all again.
 * Each passage in the list says who coded it. */
static void
test_window_coder_filter (void)
{
  Fixture f = { 0 };
  LecternWindow *window;
  GtkPopover *popover;
  g_autoptr(GPtrArray) coded_by = g_ptr_array_new_with_free_func (g_free);

  fixture_make (&f);
  window = app_test_open_project_window (f.file, f.doc);
  adw_flap_set_reveal_flap (window->panel_flap, TRUE);
  WAIT_UNTIL (g_list_model_get_n_items (LISTED) == 3 && highlighted (window, f.ben_other, 14));
  app_test_drain ();

  /* Two coders: the button shows; the list names them. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->coder_button)));
  g_assert_cmpstr (gtk_menu_button_get_label (window->coder_button), ==, "All Coders");
  collect_coded_by (GTK_WIDGET (window->annotation_list), coded_by);
  g_assert_cmpuint (coded_by->len, ==, 3);
  g_assert_true (g_ptr_array_find_with_equal_func (coded_by, "Coded by Anna", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (coded_by, "Coded by Ben", g_str_equal, NULL));

  gtk_menu_button_popup (window->coder_button);
  popover = gtk_menu_button_get_popover (window->coder_button);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_nonnull (find_check (GTK_WIDGET (popover), "Anna"));
  gtk_check_button_set_active (find_check (GTK_WIDGET (popover), "_Chosen Coders"), TRUE);
  /* Chosen from everyone first. */
  g_assert_true (gtk_check_button_get_active (find_check (GTK_WIDGET (popover), "Ben")));
  g_assert_cmpuint (g_list_model_get_n_items (LISTED), ==, 3);
  gtk_check_button_set_active (find_check (GTK_WIDGET (popover), "Ben"), FALSE);
  gtk_check_button_set_active (find_check (GTK_WIDGET (popover), "Carl"), FALSE);
  app_test_drain ();

  g_assert_cmpstr (gtk_menu_button_get_label (window->coder_button), ==, "Anna");
  g_assert_cmpuint (g_list_model_get_n_items (LISTED), ==, 1);
  /* The codebook's passages of Theme: Anna's only. */
  lectern_codebook_view_select_tag (window->codebook_view, f.theme);
  g_assert_cmpuint (g_list_model_get_n_items (lectern_codebook_view_get_passages (window->codebook_view)), ==, 1);
  g_assert_true (lists (LISTED, f.anna_passage));
  g_assert_true (highlighted (window, f.anna_passage, 2));
  g_assert_false (highlighted (window, f.ben_passage, 2));
  g_assert_false (highlighted (window, f.ben_other, 14));

  /* Ben alone. */
  gtk_check_button_set_active (find_check (GTK_WIDGET (popover), "Ben"), TRUE);
  gtk_check_button_set_active (find_check (GTK_WIDGET (popover), "Anna"), FALSE);
  app_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (LISTED), ==, 2);
  g_assert_false (lists (LISTED, f.anna_passage));
  g_assert_false (highlighted (window, f.anna_passage, 2));
  g_assert_true (highlighted (window, f.ben_other, 14));

  /* Everyone again. */
  gtk_check_button_set_active (find_check (GTK_WIDGET (popover), "_All Coders"), TRUE);
  app_test_drain ();
  g_assert_cmpstr (gtk_menu_button_get_label (window->coder_button), ==, "All Coders");
  g_assert_cmpuint (g_list_model_get_n_items (LISTED), ==, 3);
  /* Theme: Anna's, Ben's and Carl's (in the other document). */
  g_assert_cmpuint (g_list_model_get_n_items (lectern_codebook_view_get_passages (window->codebook_view)), ==, 3);
  g_assert_true (highlighted (window, f.anna_passage, 2));
  g_assert_true (highlighted (window, f.ben_passage, 2));
  gtk_popover_popdown (popover);

  app_test_close_window (GTK_WINDOW (window));
  fixture_clear (&f);
}

/* One coder: no button, no names, as before coders existed. */
static void
test_single_coder (void)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("one-coder-%u.lectern", ++serial);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) coded_by = g_ptr_array_new_with_free_func (g_free);
  LecternWindow *window;
  gint64 doc, coder, passage;

  {
    g_autoptr(LecternProject) project = lectern_project_create (file, &error);
    g_autoptr(LecternDocument) document = lectern_document_new ();

    g_assert_no_error (error);
    lectern_document_set_title (document, "Interview");
    doc = lectern_project_add_document (project, document, TEXT, &error);
    g_assert_no_error (error);
    passage = code_as (project, "Anna", doc, 0, 4, make_tag (project, "Theme"), &coder);
  }
  window = app_test_open_project_window (file, doc);
  adw_flap_set_reveal_flap (window->panel_flap, TRUE);
  WAIT_UNTIL (highlighted (window, passage, 2));
  app_test_drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->coder_button)));
  collect_coded_by (GTK_WIDGET (window->annotation_list), coded_by);
  g_assert_cmpuint (coded_by->len, ==, 0);
  app_test_close_window (GTK_WINDOW (window));
}

static char *
cell (LecternAgreementView   *view,
      guint                   row,
      LecternAgreementColumn  column)
{
  return lectern_agreement_view_dup_cell (view, row, column);
}

#define ASSERT_CELL(view, row, column, expected)                 \
  G_STMT_START {                                                 \
    g_autofree char *_text = cell (view, row, column);           \
    g_assert_cmpstr (_text, ==, expected);                       \
  } G_STMT_END

static guint
row_of (LecternAgreementView *view,
        const char           *code)
{
  GListModel *rows = lectern_agreement_view_get_rows (view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autofree char *text = cell (view, i, LECTERN_AGREEMENT_COLUMN_CODE);

      if (g_strcmp0 (text, code) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Inter-coder Agreement from the main menu: Anna and Ben measured (the
 * numbers checked by hand: 27 characters; Theme, Anna 12, Ben 4 of them,
 * both 4: agreement 19/27, kappa 120/336; Other, Ben alone on 12:
 * agreement 15/27, kappa 0), sorted, a code's disagreements listed and
 * opened in the reader, both tables exported; Anna and Carl share no
 * document and the view says so. */
static void
test_agreement_view (void)
{
  Fixture f = { 0 };
  LecternWindow *window;
  LecternCorpusWindow *corpus;
  LecternAgreementView *view;
  GtkColumnView *table;
  GListModel *columns;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "agreement-export", NULL);
  g_autofree char *table_path = g_build_filename (dir, "agreement.csv", NULL);
  g_autofree char *dis_path = g_build_filename (dir, "disagreements.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) table_file = g_file_new_for_path (table_path);
  g_autoptr(GFile) dis_file = g_file_new_for_path (dis_path);
  g_autoptr(GError) error = NULL;
  glong start = 0, end = 0;
  guint theme;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  fixture_make (&f);
  window = app_test_open_project_window (f.file, f.doc);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.agreement", NULL));
  corpus = _lectern_window_get_corpus_window (window);
  g_assert_nonnull (corpus);
  view = LECTERN_AGREEMENT_VIEW (lectern_corpus_window_get_page (corpus, "agreement"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  lectern_agreement_view_set_coders (view, f.anna, f.ben);
  WAIT_UNTIL (!lectern_analysis_view_get_busy (LECTERN_ANALYSIS_VIEW (view)) &&
              g_list_model_get_n_items (lectern_agreement_view_get_rows (view)) == 3);

  theme = row_of (view, "Theme");
  ASSERT_CELL (view, theme, LECTERN_AGREEMENT_COLUMN_AGREEMENT, "0.704");
  ASSERT_CELL (view, theme, LECTERN_AGREEMENT_COLUMN_KAPPA, "0.357");
  ASSERT_CELL (view, theme, LECTERN_AGREEMENT_COLUMN_A_CHARS, "12");
  ASSERT_CELL (view, theme, LECTERN_AGREEMENT_COLUMN_B_CHARS, "4");
  ASSERT_CELL (view, theme, LECTERN_AGREEMENT_COLUMN_BOTH_CHARS, "4");
  ASSERT_CELL (view, row_of (view, "Other"), LECTERN_AGREEMENT_COLUMN_AGREEMENT, "0.556");
  ASSERT_CELL (view, row_of (view, "Other"), LECTERN_AGREEMENT_COLUMN_KAPPA, "0.000");
  ASSERT_CELL (view, row_of (view, "Other"), LECTERN_AGREEMENT_COLUMN_B_CHARS, "12");
  ASSERT_CELL (view, 2, LECTERN_AGREEMENT_COLUMN_CODE, "All codes");

  /* Sorted by kappa, both ways: the codes swap, the overall row stays last. */
  table = lectern_agreement_view_get_table (view);
  columns = gtk_column_view_get_columns (table);
  {
    g_autoptr(GtkColumnViewColumn) kappa = g_list_model_get_item (columns, LECTERN_AGREEMENT_COLUMN_KAPPA);

    gtk_column_view_sort_by_column (table, kappa, GTK_SORT_DESCENDING);
    ASSERT_CELL (view, 0, LECTERN_AGREEMENT_COLUMN_CODE, "Theme");
    ASSERT_CELL (view, 1, LECTERN_AGREEMENT_COLUMN_CODE, "Other");
    ASSERT_CELL (view, 2, LECTERN_AGREEMENT_COLUMN_CODE, "All codes");
    gtk_column_view_sort_by_column (table, kappa, GTK_SORT_ASCENDING);
    ASSERT_CELL (view, 0, LECTERN_AGREEMENT_COLUMN_CODE, "Other");
    ASSERT_CELL (view, 1, LECTERN_AGREEMENT_COLUMN_CODE, "Theme");
    ASSERT_CELL (view, 2, LECTERN_AGREEMENT_COLUMN_CODE, "All codes");
  }

  /* Theme's disagreement: " and Ben", Anna's alone. */
  g_signal_emit_by_name (table, "activate", row_of (view, "Theme"));
  g_assert_cmpuint (lectern_agreement_view_get_n_disagreements (view), ==, 1);
  {
    g_autofree char *line = lectern_agreement_view_dup_disagreement (view, 0);

    g_assert_cmpstr (line, ==, "Interview | 4–12 | and Ben | Only Anna");
  }

  /* Both exported: the table as sorted, in the CLI's columns. */
  g_assert_true (lectern_agreement_view_export_table_csv (view, table_file, &error));
  g_assert_no_error (error);
  csv = read_file (table_path);
  g_assert_true (g_str_has_prefix (csv, "TAG,AGREEMENT,KAPPA,ALPHA,A_CHARS,B_CHARS,BOTH_CHARS,CODED_KAPPA,UALPHA,MATCHED\r\n"
                                        "Other,0.5556,0.0000,"));
  g_assert_nonnull (strstr (csv, "\r\nTheme,0.7037,0.3571,"));
  g_assert_nonnull (strstr (csv, ",12,4,4,"));
  g_assert_nonnull (strstr (csv, "\r\n*,"));
  g_clear_pointer (&csv, g_free);
  g_assert_true (lectern_agreement_view_export_disagreements_csv (view, dis_file, &error));
  g_assert_no_error (error);
  csv = read_file (dis_path);
  expected = g_strdup_printf ("DOCUMENT,START,END,TAG,CODER,TITLE,TEXT\r\n"
                              "%" G_GINT64_FORMAT ",4,12,Theme,Anna,Interview,and Ben\r\n", f.doc);
  g_assert_cmpstr (csv, ==, expected);

  /* The disagreement opens in the reader, selected. */
  lectern_window_set_document_id (window, 0);
  g_signal_emit_by_name (lectern_agreement_view_get_disagreements_table (view), "activate", 0);
  g_assert_cmpint (lectern_reader_view_get_document_id (window->reader_view), ==, f.doc);
  g_assert_true (lectern_reader_view_get_selection (window->reader_view, &start, &end));
  g_assert_cmpint (start, ==, 4);
  g_assert_cmpint (end, ==, 12);

  /* Anna and Carl coded no document in common: said, not measured. */
  lectern_agreement_view_set_coders (view, f.anna, f.carl);
  WAIT_UNTIL (!lectern_analysis_view_get_busy (LECTERN_ANALYSIS_VIEW (view)) &&
              g_list_model_get_n_items (lectern_agreement_view_get_rows (view)) == 0);
  {
    AdwStatusPage *status = ADW_STATUS_PAGE (app_test_find_descendant (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE));

    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
    g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Document Coded by Both");
  }

  gtk_window_destroy (GTK_WINDOW (corpus));
  app_test_close_window (GTK_WINDOW (window));
  fixture_clear (&f);
}

/* The Corpus window's filters: coding queries count the checked coders'
 * passages only (lectern_document_filter_add_coder()). */
static void
test_corpus_filter_coders (void)
{
  Fixture f = { 0 };
  LecternWindow *window;
  LecternCorpusWindow *corpus;
  LecternQueryView *view;
  GtkWidget *filter;

  fixture_make (&f);
  window = app_test_open_project_window (f.file, f.doc);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.corpus", NULL));
  corpus = _lectern_window_get_corpus_window (window);
  view = LECTERN_QUERY_VIEW (lectern_corpus_window_get_page (corpus, "queries"));
  lectern_corpus_window_show_page (corpus, "queries");
  lectern_query_view_set_expression (view, "\"Theme\"");
  WAIT_UNTIL (!lectern_query_view_get_busy (view));
  g_assert_cmpuint (lectern_query_view_get_n_rows (view), ==, 3);

  filter = app_test_find_descendant (GTK_WIDGET (view), LECTERN_TYPE_CORPUS_FILTER);
  g_assert_nonnull (filter);
  gtk_popover_popup (GTK_POPOVER (filter));
  WAIT_UNTIL (gtk_widget_get_mapped (filter));
  g_assert_nonnull (find_check (filter, "Carl"));
  gtk_check_button_set_active (find_check (filter, "Ben"), TRUE);
  app_test_drain ();
  WAIT_UNTIL (!lectern_query_view_get_busy (view) && lectern_query_view_get_n_rows (view) == 1);
  gtk_check_button_set_active (find_check (filter, "Carl"), TRUE);
  app_test_drain ();
  WAIT_UNTIL (!lectern_query_view_get_busy (view) && lectern_query_view_get_n_rows (view) == 2);
  gtk_popover_popdown (GTK_POPOVER (filter));

  gtk_window_destroy (GTK_WINDOW (corpus));
  app_test_close_window (GTK_WINDOW (window));
  fixture_clear (&f);
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/Coders/corpus-filter", test_corpus_filter_coders);
  g_test_add_func ("/Lectern/Coders/agreement", test_agreement_view);
  g_test_add_func ("/Lectern/Coders/reader", test_reader_coders);
  g_test_add_func ("/Lectern/Coders/window-filter", test_window_coder_filter);
  g_test_add_func ("/Lectern/Coders/single-coder", test_single_coder);
}

int
main (int    argc,
      char **argv)
{
  return app_test_main (&argc, &argv, "lectern-test-coders", add_tests);
}
