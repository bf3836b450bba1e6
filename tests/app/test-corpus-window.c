/* test-corpus-window.c — the Corpus window on a small project: a word's
 * hits in context, sorted by the words beside them, all coded with a tag
 * at sentence scope and undone, a hit opened in the reader; a coding query
 * with AND; malformed queries shown with their reason and no rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-concordance-view.h"
#include "lectern-corpus-filter.h"
#include "lectern-corpus-window.h"
#include "lectern-query-view.h"
#include "lectern-chart-view.h"
#include "lectern-cooccurrence-view.h"
#include "lectern-matrix-view.h"
#include "lectern-words-view.h"
#include "lectern-window-private.h"

#define TEXT_A \
  "The treaty was signed in Paris. Critics said the treaty came late.\n" \
  "A second paragraph about the border.\n"
#define TEXT_B \
  "Moscow rejected the treaty outright. The envoys met again.\n"

typedef struct
{
  GFile  *file;
  gint64  doc_a, doc_b;
  gint64  topic_tag, nato_tag, hostile_tag;
} Project;

static glong
offset_of (const char *text,
           const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (text, p);
}

static gint64
ensure_tag (LecternProject *project,
            const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (project, path, &error);

  g_assert_no_error (error);
  return lectern_tag_get_id (tag);
}

static void
code (LecternProject *project,
      gint64          document_id,
      const char     *text,
      const char     *quote,
      gint64          tag_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) a = NULL;
  glong start = offset_of (text, quote);

  a = lectern_project_add_annotation (project, document_id, start, start + g_utf8_strlen (quote, -1),
                                      &tag_id, 1, NULL, &error);
  g_assert_no_error (error);
}

static void
make_project (Project *p)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("corpus-%u.lectern", ++serial);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) a = lectern_document_new ();
  g_autoptr(LecternDocument) b = lectern_document_new ();

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  p->file = g_file_new_for_path (path);
  project = lectern_project_create (p->file, &error);
  g_assert_no_error (error);

  lectern_document_set_title (a, "Paris Statement");
  lectern_document_set_language (a, "en");
  p->doc_a = lectern_project_add_document (project, a, TEXT_A, &error);
  g_assert_no_error (error);
  lectern_document_set_title (b, "Moscow Statement");
  lectern_document_set_language (b, "en");
  p->doc_b = lectern_project_add_document (project, b, TEXT_B, &error);
  g_assert_no_error (error);

  p->topic_tag = ensure_tag (project, "Topic/Treaty");
  p->nato_tag = ensure_tag (project, "Claims/NATO");
  p->hostile_tag = ensure_tag (project, "Tone/Hostile");
  code (project, p->doc_a, TEXT_A, "Critics said the treaty came late.", p->nato_tag);
  code (project, p->doc_a, TEXT_A, "treaty came late", p->hostile_tag);
  /* Hostile alone, overlapping no NATO passage. */
  code (project, p->doc_b, TEXT_B, "rejected the treaty", p->hostile_tag);
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

static LecternCorpusWindow *
open_corpus (LecternWindow *window)
{
  LecternCorpusWindow *corpus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.corpus", NULL));
  corpus = _lectern_window_get_corpus_window (window);
  g_assert_nonnull (corpus);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (corpus)));
  return corpus;
}

static LecternConcordanceView *
search (LecternCorpusWindow *corpus,
        const char          *query)
{
  LecternConcordanceView *view = LECTERN_CONCORDANCE_VIEW (lectern_corpus_window_get_page (corpus, "concordance"));

  lectern_concordance_view_set_query (view, query);
  WAIT_UNTIL (!lectern_concordance_view_get_busy (view));
  return view;
}

/* The order of the hits, as the right context's first words. */
static char *
order (LecternConcordanceView *view)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (lectern_concordance_view_get_hits (view));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *right = lectern_concordance_view_dup_cell_text (view, i, 3);
      g_auto(GStrv) words = g_strsplit (g_strstrip (right), " ", 2);

      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", words[0]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (trigger);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *a = gtk_shortcut_get_action (shortcut);
          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) && GTK_IS_NAMED_ACTION (a) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (a)), action) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Ctrl+Shift+F opens one Corpus window per main window; a word's hits
 * come with their document and context, the match in its own column. */
static void
test_search (void)
{
  Project p = { 0 };
  LecternWindow *window;
  LecternCorpusWindow *corpus;
  LecternConcordanceView *view;
  g_autofree char *match = NULL;
  g_autofree char *left = NULL;
  g_autofree char *document = NULL;

  make_project (&p);
  window = open_window (p.file);
  g_assert_true (has_shortcut (GTK_WIDGET (window), "<Control><Shift>f", "win.corpus"));
  corpus = open_corpus (window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (corpus)) == GTK_WINDOW (window));
  /* Asked again: the same window, presented. */
  g_assert_true (open_corpus (window) == corpus);

  view = search (corpus, "treaty");
  g_assert_null (lectern_concordance_view_get_error (view));
  g_assert_cmpuint (g_list_model_get_n_items (lectern_concordance_view_get_hits (view)), ==, 3);
  g_assert_cmpstr (lectern_concordance_view_get_status (view), ==, "3 hits in 2 documents");
  match = lectern_concordance_view_dup_cell_text (view, 0, 2);
  left = lectern_concordance_view_dup_cell_text (view, 0, 1);
  document = lectern_concordance_view_dup_cell_text (view, 0, 0);
  g_assert_cmpstr (match, ==, "treaty");
  g_assert_true (g_str_has_suffix (g_strchomp (left), "The"));
  g_assert_cmpstr (document, ==, "Paris Statement");

  /* Changes to the project show without asking. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LecternDocument) c = lectern_document_new ();

    lectern_document_set_title (c, "Berlin Note");
    lectern_project_add_document (window->project, c, "Nobody liked the treaty.\n", &error);
    g_assert_no_error (error);
    WAIT_UNTIL (g_list_model_get_n_items (lectern_concordance_view_get_hits (view)) == 4 &&
                !lectern_concordance_view_get_busy (view));
    g_assert_cmpstr (lectern_concordance_view_get_status (view), ==, "4 hits in 3 documents");
  }

  gtk_window_destroy (GTK_WINDOW (corpus));
  app_test_close_window (GTK_WINDOW (window));
  g_clear_object (&p.file);
}

/* Left: by the first word to the left, then the second ("The" at the
 * text's edge first, then "rejected the", "said the"). Right: by the
 * first word to the right. */
static void
test_sort (void)
{
  Project p = { 0 };
  LecternWindow *window;
  LecternCorpusWindow *corpus;
  LecternConcordanceView *view;
  g_autofree char *by_document = NULL;
  g_autofree char *by_left = NULL;
  g_autofree char *by_right = NULL;

  make_project (&p);
  window = open_window (p.file);
  corpus = open_corpus (window);
  view = search (corpus, "treaty");
  by_document = order (view);
  g_assert_cmpstr (by_document, ==, "was,came,outright.");

  lectern_concordance_view_set_sort (view, LECTERN_CONCORDANCE_SORT_LEFT);
  WAIT_UNTIL (!lectern_concordance_view_get_busy (view));
  by_left = order (view);
  g_assert_cmpstr (by_left, ==, "was,outright.,came");

  lectern_concordance_view_set_sort (view, LECTERN_CONCORDANCE_SORT_RIGHT);
  WAIT_UNTIL (!lectern_concordance_view_get_busy (view));
  by_right = order (view);
  g_assert_cmpstr (by_right, ==, "came,outright.,was");

  gtk_window_destroy (GTK_WINDOW (corpus));
  app_test_close_window (GTK_WINDOW (window));
  g_clear_object (&p.file);
}

static guint
count_passages (LecternProject *project,
                gint64          tag_id,
                char          **first_quote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = lectern_project_list_annotations (project, 0, tag_id, FALSE, &error);

  g_assert_no_error (error);
  if (first_quote != NULL && g_list_model_get_n_items (list) > 0)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (list, 0);

      *first_quote = g_strdup (lectern_annotation_get_quote (a));
    }
  return g_list_model_get_n_items (list);
}

/* Every hit's sentence coded in one step, and one undo takes them all. */
static void
test_code_all_and_undo (void)
{
  Project p = { 0 };
  LecternWindow *window;
  LecternCorpusWindow *corpus;
  LecternConcordanceView *view;
  g_autofree char *quote = NULL;

  make_project (&p);
  window = open_window (p.file);
  corpus = open_corpus (window);
  view = search (corpus, "treaty");
  g_assert_cmpuint (count_passages (window->project, p.topic_tag, NULL), ==, 0);

  lectern_concordance_view_set_scope (view, LECTERN_AUTOCODE_SENTENCE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "concordance.code-all", "x", p.topic_tag));
  g_assert_cmpuint (count_passages (window->project, p.topic_tag, &quote), ==, 3);
  g_assert_cmpstr (quote, ==, "The treaty was signed in Paris.");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "concordance.undo", NULL));
  g_assert_cmpuint (count_passages (window->project, p.topic_tag, NULL), ==, 0);
  /* The passages coded before are still there. */
  g_assert_cmpuint (count_passages (window->project, p.hostile_tag, NULL), ==, 2);

  /* Only the selected hits, their matches, in one step too. */
  {
    GtkSelectionModel *selection = lectern_concordance_view_get_selection (view);
    g_autofree char *match = NULL;

    lectern_concordance_view_set_scope (view, LECTERN_AUTOCODE_MATCH);
    g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
    g_assert_true (gtk_selection_model_select_item (selection, 2, FALSE));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "concordance.code-selected", "x", p.topic_tag));
    g_assert_cmpuint (count_passages (window->project, p.topic_tag, &match), ==, 2);
    g_assert_cmpstr (match, ==, "treaty");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "concordance.undo", NULL));
    g_assert_cmpuint (count_passages (window->project, p.topic_tag, NULL), ==, 0);
  }
  /* The selected hits at sentence scope, only those inside a Hostile
   * passage: of the three, the second and third, their sentences. */
  {
    GtkSelectionModel *selection = lectern_concordance_view_get_selection (view);
    g_autofree char *sentence = NULL;

    g_assert_true (gtk_selection_model_select_all (selection));
    lectern_concordance_view_set_scope (view, LECTERN_AUTOCODE_SENTENCE);
    lectern_concordance_view_set_within_tag (view, p.hostile_tag);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "concordance.code-selected", "x", p.topic_tag));
    g_assert_cmpuint (count_passages (window->project, p.topic_tag, &sentence), ==, 2);
    g_assert_cmpstr (sentence, ==, "Critics said the treaty came late.");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "concordance.undo", NULL));
    g_assert_cmpuint (count_passages (window->project, p.topic_tag, NULL), ==, 0);
    lectern_concordance_view_set_within_tag (view, 0);
  }

  gtk_window_destroy (GTK_WINDOW (corpus));
  app_test_close_window (GTK_WINDOW (window));
  g_clear_object (&p.file);
}

/* Activating a hit shows its document in the reader, the match selected. */
static void
test_activate_opens_reader (void)
{
  Project p = { 0 };
  LecternWindow *window;
  LecternCorpusWindow *corpus;
  LecternConcordanceView *view;
  glong start = -1, end = -1;
  glong expected = offset_of (TEXT_B, "treaty outright");

  make_project (&p);
  window = open_window (p.file);
  g_assert_cmpint (lectern_window_get_document_id (window), !=, p.doc_b);
  corpus = open_corpus (window);
  view = search (corpus, "outright");
  g_assert_cmpuint (g_list_model_get_n_items (lectern_concordance_view_get_hits (view)), ==, 1);
  view = search (corpus, "treaty");
  lectern_concordance_view_activate_row (view, 2);
  WAIT_UNTIL (lectern_window_get_document_id (window) == p.doc_b);
  app_test_drain ();
  g_assert_true (lectern_reader_view_get_selection (window->reader_view, &start, &end));
  g_assert_cmpint (start, ==, expected);
  g_assert_cmpint (end, ==, expected + 6);

  gtk_window_destroy (GTK_WINDOW (corpus));
  app_test_close_window (GTK_WINDOW (window));
  g_clear_object (&p.file);
}

/* The analysis pages are in the window, and a passage listed by a matrix
 * cell opens in the reader with its text selected. */
static void
test_matrix_opens_reader (void)
{
  Project p = { 0 };
  LecternWindow *window;
  LecternCorpusWindow *corpus;
  LecternMatrixView *matrix_view;
  LecternHeatTable *table;
  const LecternMatrix *matrix;
  glong start = -1, end = -1;
  glong expected = offset_of (TEXT_B, "rejected the treaty");
  guint row = G_MAXUINT, column = G_MAXUINT;

  make_project (&p);
  window = open_window (p.file);
  corpus = open_corpus (window);
  g_assert_true (LECTERN_IS_COOCCURRENCE_VIEW (lectern_corpus_window_get_page (corpus, "cooccurrence")));
  g_assert_true (LECTERN_IS_WORDS_VIEW (lectern_corpus_window_get_page (corpus, "words")));
  g_assert_true (LECTERN_IS_CHART_VIEW (lectern_corpus_window_get_page (corpus, "chart")));
  matrix_view = LECTERN_MATRIX_VIEW (lectern_corpus_window_get_page (corpus, "matrix"));
  g_assert_true (lectern_matrix_view_get_project (matrix_view) == lectern_window_get_project (window));
  lectern_corpus_window_show_page (corpus, "matrix");
  table = lectern_matrix_view_get_table (matrix_view);
  WAIT_UNTIL (!lectern_matrix_view_get_busy (matrix_view) && lectern_heat_table_get_matrix (table) != NULL);
  matrix = lectern_heat_table_get_matrix (table);
  for (guint i = 0; i < matrix->n_rows; i++)
    if (g_array_index (matrix->row_ids, gint64, i) == p.hostile_tag)
      row = i;
  for (guint i = 0; i < matrix->n_columns; i++)
    if (g_array_index (matrix->column_ids, gint64, i) == p.doc_b)
      column = i;
  g_assert_cmpuint (row, !=, G_MAXUINT);
  g_assert_cmpuint (column, !=, G_MAXUINT);

  lectern_heat_table_activate_cell (table, row, column);
  g_assert_cmpuint (lectern_passage_popover_get_passages (lectern_matrix_view_get_popover (matrix_view))->len, ==, 1);
  lectern_passage_popover_activate (lectern_matrix_view_get_popover (matrix_view), 0);
  WAIT_UNTIL (lectern_window_get_document_id (window) == p.doc_b);
  app_test_drain ();
  g_assert_true (lectern_reader_view_get_selection (window->reader_view, &start, &end));
  g_assert_cmpint (start, ==, expected);
  g_assert_cmpint (end, ==, expected + (glong) strlen ("rejected the treaty"));

  gtk_window_destroy (GTK_WINDOW (corpus));
  app_test_close_window (GTK_WINDOW (window));
  g_clear_object (&p.file);
}

static guint
n_hits (LecternConcordanceView *view)
{
  WAIT_UNTIL (!lectern_concordance_view_get_busy (view));
  return g_list_model_get_n_items (lectern_concordance_view_get_hits (view));
}

/* The filters: chosen documents, a language, inside a tag's passages; a
 * variable that is not KEY=VALUE says so. */
static void
test_filters (void)
{
  Project p = { 0 };
  LecternWindow *window;
  LecternCorpusWindow *corpus;
  LecternConcordanceView *view;
  LecternCorpusFilter *filter;
  g_autofree char *document = NULL;

  make_project (&p);
  window = open_window (p.file);
  corpus = open_corpus (window);
  view = search (corpus, "treaty");
  filter = LECTERN_CORPUS_FILTER (lectern_concordance_view_get_filter (view));
  g_assert_cmpuint (n_hits (view), ==, 3);

  lectern_corpus_filter_set_document (filter, p.doc_b, TRUE);
  g_assert_cmpuint (n_hits (view), ==, 1);
  document = lectern_concordance_view_dup_cell_text (view, 0, 0);
  g_assert_cmpstr (document, ==, "Moscow Statement");
  lectern_corpus_filter_set_document (filter, p.doc_b, FALSE);
  g_assert_cmpuint (n_hits (view), ==, 3);

  lectern_corpus_filter_set_language (filter, "de");
  g_assert_cmpuint (n_hits (view), ==, 0);
  lectern_corpus_filter_set_language (filter, "EN");
  g_assert_cmpuint (n_hits (view), ==, 3);
  lectern_corpus_filter_set_language (filter, NULL);

  /* "treaty" once inside the NATO passage. */
  lectern_corpus_filter_set_tag_id (filter, p.nato_tag);
  g_assert_cmpuint (n_hits (view), ==, 1);
  lectern_corpus_filter_set_tag_id (filter, 0);
  g_assert_cmpuint (n_hits (view), ==, 3);

  lectern_corpus_filter_set_variable (filter, "speaker");
  g_assert_cmpuint (n_hits (view), ==, 0);
  g_assert_nonnull (strstr (lectern_concordance_view_get_error (view), "KEY=VALUE"));
  lectern_corpus_filter_set_variable (filter, "");
  g_assert_cmpuint (n_hits (view), ==, 3);
  g_assert_null (lectern_concordance_view_get_error (view));

  gtk_window_destroy (GTK_WINDOW (corpus));
  app_test_close_window (GTK_WINDOW (window));
  g_clear_object (&p.file);
}

/* Another project opened in the main window closes the Corpus window of
 * the first: its hits would be another project's. */
static void
test_closes_with_project (void)
{
  Project p = { 0 };
  Project q = { 0 };
  LecternWindow *window;
  g_autoptr(GError) error = NULL;

  make_project (&p);
  make_project (&q);
  window = open_window (p.file);
  open_corpus (window);
  lectern_window_open_project (window, q.file, &error);
  g_assert_no_error (error);
  app_test_drain ();
  g_assert_null (_lectern_window_get_corpus_window (window));

  app_test_close_window (GTK_WINDOW (window));
  g_clear_object (&p.file);
  g_clear_object (&q.file);
}

static LecternQueryView *
ask (LecternCorpusWindow *corpus,
     const char          *expression)
{
  LecternQueryView *view = LECTERN_QUERY_VIEW (lectern_corpus_window_get_page (corpus, "queries"));

  lectern_corpus_window_show_page (corpus, "queries");
  lectern_query_view_set_expression (view, expression);
  WAIT_UNTIL (!lectern_query_view_get_busy (view));
  return view;
}

/* AND: where a NATO passage and a Hostile one overlap, the overlap; the
 * documents without NATO passages on request. */
static void
test_coding_query (void)
{
  Project p = { 0 };
  LecternWindow *window;
  LecternCorpusWindow *corpus;
  LecternQueryView *view;
  g_autofree char *quote = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *document = NULL;
  g_autofree char *without = NULL;

  make_project (&p);
  window = open_window (p.file);
  corpus = open_corpus (window);
  view = ask (corpus, "\"Claims/NATO\" AND \"Tone/Hostile\"");
  g_assert_null (lectern_query_view_get_error (view));
  g_assert_cmpuint (lectern_query_view_get_n_rows (view), ==, 1);
  document = lectern_query_view_dup_cell_text (view, 0, 0);
  quote = lectern_query_view_dup_cell_text (view, 0, 1);
  tags = lectern_query_view_dup_cell_text (view, 0, 2);
  g_assert_cmpstr (document, ==, "Paris Statement");
  g_assert_cmpstr (quote, ==, "treaty came late");
  g_assert_nonnull (strstr (tags, "Claims/NATO"));

  view = ask (corpus, "\"Tone/Hostile\"");
  g_assert_cmpuint (lectern_query_view_get_n_rows (view), ==, 2);

  lectern_query_view_set_list_documents (view, TRUE);
  view = ask (corpus, "NOT \"Claims/NATO\"");
  g_assert_cmpuint (lectern_query_view_get_n_rows (view), ==, 1);
  without = lectern_query_view_dup_cell_text (view, 0, 0);
  g_assert_cmpstr (without, ==, "Moscow Statement");

  gtk_window_destroy (GTK_WINDOW (corpus));
  app_test_close_window (GTK_WINDOW (window));
  g_clear_object (&p.file);
}

/* A query that cannot be read says why, and lists nothing. */
static void
test_malformed (void)
{
  Project p = { 0 };
  LecternWindow *window;
  LecternCorpusWindow *corpus;
  LecternConcordanceView *concordance;
  LecternQueryView *query;

  make_project (&p);
  window = open_window (p.file);
  corpus = open_corpus (window);

  concordance = search (corpus, "treaty");
  g_assert_cmpuint (g_list_model_get_n_items (lectern_concordance_view_get_hits (concordance)), ==, 3);
  concordance = search (corpus, "\"treaty");
  g_assert_nonnull (lectern_concordance_view_get_error (concordance));
  g_assert_nonnull (strstr (lectern_concordance_view_get_error (concordance), "quotation mark"));
  g_assert_cmpuint (g_list_model_get_n_items (lectern_concordance_view_get_hits (concordance)), ==, 0);

  query = ask (corpus, "\"Claims/NATO\" AND");
  g_assert_nonnull (lectern_query_view_get_error (query));
  g_assert_cmpuint (lectern_query_view_get_n_rows (query), ==, 0);
  query = ask (corpus, "\"Claims/NATO\" AND (\"Tone/Hostile\"");
  g_assert_nonnull (lectern_query_view_get_error (query));
  g_assert_cmpuint (lectern_query_view_get_n_rows (query), ==, 0);

  gtk_window_destroy (GTK_WINDOW (corpus));
  app_test_close_window (GTK_WINDOW (window));
  g_clear_object (&p.file);
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/CorpusWindow/search", test_search);
  g_test_add_func ("/Lectern/CorpusWindow/sort", test_sort);
  g_test_add_func ("/Lectern/CorpusWindow/filters", test_filters);
  g_test_add_func ("/Lectern/CorpusWindow/code-all-and-undo", test_code_all_and_undo);
  g_test_add_func ("/Lectern/CorpusWindow/activate-opens-reader", test_activate_opens_reader);
  g_test_add_func ("/Lectern/CorpusWindow/coding-query", test_coding_query);
  g_test_add_func ("/Lectern/CorpusWindow/malformed", test_malformed);
  g_test_add_func ("/Lectern/CorpusWindow/closes-with-project", test_closes_with_project);
  g_test_add_func ("/Lectern/CorpusWindow/matrix-opens-reader", test_matrix_opens_reader);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-corpus-window-test", add_tests);
}
