/* lectern-words-view.c
 *
 * Counting is core's (lectern_project_count_words, lectern_keyness_compare)
 * in a job on a worker connection; the rows shown are copies of its
 * results, in core's order until a column header sorts them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lectern-export.h"
#include "lectern-analysis-files.h"
#include "lectern-analysis-runner.h"
#include "lectern-variable-choices.h"
#include "lectern-words-view.h"

/* ------------------------------------------------------------------ */
/* A row: one word with its numbers. */

#define LECTERN_TYPE_WORD_ROW (lectern_word_row_get_type ())
G_DECLARE_FINAL_TYPE (LecternWordRow, lectern_word_row, LECTERN, WORD_ROW, GObject)

struct _LecternWordRow
{
  GObject  parent_instance;
  char    *word;
  gint64   a, b;          /* list: a is the count */
  double   per_million;
  double   log_likelihood;
  double   log_ratio;
};

G_DEFINE_FINAL_TYPE (LecternWordRow, lectern_word_row, G_TYPE_OBJECT)

static void
lectern_word_row_finalize (GObject *object)
{
  g_free (LECTERN_WORD_ROW (object)->word);
  G_OBJECT_CLASS (lectern_word_row_parent_class)->finalize (object);
}

static void
lectern_word_row_class_init (LecternWordRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_word_row_finalize;
}

static void
lectern_word_row_init (LecternWordRow *self)
{
}

/* ------------------------------------------------------------------ */

typedef enum
{
  COLUMN_WORD,
  COLUMN_COUNT,        /* list */
  COLUMN_PER_MILLION,  /* list */
  COLUMN_A,            /* keyness */
  COLUMN_B,
  COLUMN_LOG_LIKELIHOOD,
  COLUMN_LOG_RATIO,
} Column;

static const Column list_columns[] = { COLUMN_WORD, COLUMN_COUNT, COLUMN_PER_MILLION };
static const Column keyness_columns[] = { COLUMN_WORD, COLUMN_A, COLUMN_B, COLUMN_LOG_LIKELIHOOD, COLUMN_LOG_RATIO };

typedef struct
{
  LecternWordCounts *a;
  LecternWordCounts *b;         /* keyness only */
  GPtrArray         *listed;    /* LecternWordCount, owned by a */
  GPtrArray         *keywords;  /* LecternKeyword */
  gboolean           all;
} Result;

static void
result_free (gpointer data)
{
  Result *result = data;

  if (result == NULL)
    return;
  g_clear_pointer (&result->listed, g_ptr_array_unref);
  g_clear_pointer (&result->keywords, g_ptr_array_unref);
  g_clear_pointer (&result->a, lectern_word_counts_free);
  g_clear_pointer (&result->b, lectern_word_counts_free);
  g_free (result);
}

struct _LecternWordsView
{
  LecternAnalysisView    parent_instance;

  AdwToastOverlay       *toasts;
  GtkToggleButton       *list_button;
  GtkToggleButton       *keyness_button;
  GtkWidget             *list_sets;
  GtkWidget             *keyness_sets;
  GtkDropDown           *set_dropdown;
  GtkDropDown           *a_dropdown;
  GtkDropDown           *b_dropdown;
  GtkCheckButton        *stop_check;
  GtkSpinner            *spinner;
  GtkWidget             *cancel_button;
  GtkSearchEntry        *search_entry;
  GtkStack              *stack;
  AdwStatusPage         *status_page;
  GtkColumnView         *column_view;

  LecternAnalysisRunner *runner;     /* the parent's */
  GPtrArray             *choices;   /* LecternDocumentFilter, NULL for every document */
  gboolean               filling;
  GListStore            *rows;
  GtkFilterListModel    *filtered;
  GtkSortListModel      *sorted;
  GtkCustomFilter       *filter;
  char                  *search;    /* folded */
  Result                *result;
  LecternWordsMode       shown;     /* the mode the rows are of */
  GtkMenuButton         *pick_buttons[3];   /* by LecternWordsSet: documents chosen one by one */
  GtkBox                *pick_lists[3];     /* their check buttons, one per document */
};

G_DEFINE_FINAL_TYPE (LecternWordsView, lectern_words_view, LECTERN_TYPE_ANALYSIS_VIEW)


static LecternWordsMode
current_mode (LecternWordsView *self)
{
  return gtk_toggle_button_get_active (self->keyness_button) ? LECTERN_WORDS_KEYNESS : LECTERN_WORDS_LIST;
}

/* ------------------------------------------------------------------ */
/* Cells */

static char *
cell_text (LecternWordRow *row,
           Column          column)
{
  switch (column)
    {
    case COLUMN_WORD:
      return g_strdup (row->word);
    case COLUMN_COUNT:
    case COLUMN_A:
      return g_strdup_printf ("%" G_GINT64_FORMAT, row->a);
    case COLUMN_B:
      return g_strdup_printf ("%" G_GINT64_FORMAT, row->b);
    case COLUMN_PER_MILLION:
      return g_strdup_printf ("%.1f", row->per_million);
    case COLUMN_LOG_LIKELIHOOD:
      return g_strdup_printf ("%.2f", row->log_likelihood);
    case COLUMN_LOG_RATIO:
      return g_strdup_printf ("%+.2f", row->log_ratio);
    default:
      g_assert_not_reached ();
    }
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == COLUMN_WORD)
    gtk_label_set_xalign (GTK_LABEL (label), 0);
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  g_autofree char *text = cell_text (gtk_list_item_get_item (item), GPOINTER_TO_UINT (user_data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const LecternWordRow *x = a;
  const LecternWordRow *y = b;

  switch ((Column) GPOINTER_TO_UINT (user_data))
    {
    case COLUMN_WORD:
      return g_strcmp0 (x->word, y->word);
    case COLUMN_COUNT:
    case COLUMN_A:
      return (x->a > y->a) - (x->a < y->a);
    case COLUMN_B:
      return (x->b > y->b) - (x->b < y->b);
    case COLUMN_PER_MILLION:
      return (x->per_million > y->per_million) - (x->per_million < y->per_million);
    case COLUMN_LOG_LIKELIHOOD:
      return (x->log_likelihood > y->log_likelihood) - (x->log_likelihood < y->log_likelihood);
    case COLUMN_LOG_RATIO:
      return (x->log_ratio > y->log_ratio) - (x->log_ratio < y->log_ratio);
    default:
      g_assert_not_reached ();
    }
}

static void
build_columns (LecternWordsView *self,
               LecternWordsMode  mode)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  const Column *wanted = mode == LECTERN_WORDS_LIST ? list_columns : keyness_columns;
  guint n = mode == LECTERN_WORDS_LIST ? G_N_ELEMENTS (list_columns) : G_N_ELEMENTS (keyness_columns);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, column);
    }
  for (guint i = 0; i < n; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = NULL;
      g_autoptr(GtkColumnViewColumn) column = NULL;
      const char *title = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (wanted[i]));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (wanted[i]));
      switch (wanted[i])
        {
        case COLUMN_WORD: title = _("Word"); break;
        case COLUMN_COUNT: title = _("Count"); break;
        case COLUMN_PER_MILLION: title = _("Per Million"); break;
        case COLUMN_A: title = _("A"); break;
        case COLUMN_B: title = _("B"); break;
        /* Translators: Dunning's log-likelihood */
        case COLUMN_LOG_LIKELIHOOD: title = _("G²"); break;
        case COLUMN_LOG_RATIO: title = _("Log Ratio"); break;
        default: g_assert_not_reached ();
        }
      column = gtk_column_view_column_new (title, factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, GUINT_TO_POINTER (wanted[i]), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      if (wanted[i] == COLUMN_WORD)
        gtk_column_view_column_set_expand (column, TRUE);
      else
        gtk_column_view_column_set_fixed_width (column, 110);
      gtk_column_view_append_column (self->column_view, column);
    }
  /* Core's order (by count, or A's words first by G²) until a header is clicked. */
  gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
}

/* ------------------------------------------------------------------ */
/* Counting */

typedef struct
{
  LecternDocumentFilter *a;
  LecternDocumentFilter *b;   /* NULL: a word list, unless b_rest */
  gboolean               b_rest;  /* B: every document A leaves out */
  gboolean               all;
} WordsJob;

static void
words_job_free (gpointer data)
{
  WordsJob *job = data;

  g_clear_pointer (&job->a, lectern_document_filter_free);
  g_clear_pointer (&job->b, lectern_document_filter_free);
  g_free (job);
}

static gpointer
words_job_run (LecternJob      *job,
               LecternProject  *project,
               gpointer         data,
               GCancellable    *cancellable,
               GError         **error)
{
  WordsJob *input = data;
  Result *result = g_new0 (Result, 1);

  result->all = input->all;
  if (input->b_rest)
    {
      g_autoptr(GArray) in_a = lectern_project_filter_documents (project, input->a, error);
      g_autoptr(GArray) every = in_a != NULL ? lectern_project_filter_documents (project, NULL, error) : NULL;
      guint k = 0;

      if (every == NULL)
        {
          result_free (result);
          return NULL;
        }
      /* A filter listing no document keeps them all: an empty rest is
       * refused rather than compared with everything. */
      if (every->len == in_a->len)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Set A holds every document: there is nothing left to compare it with."));
          result_free (result);
          return NULL;
        }
      /* Both ascending: what is in every and not in A. */
      input->b = lectern_document_filter_new ();
      for (guint i = 0; i < every->len; i++)
        {
          gint64 id = g_array_index (every, gint64, i);

          while (k < in_a->len && g_array_index (in_a, gint64, k) < id)
            k++;
          if (k >= in_a->len || g_array_index (in_a, gint64, k) != id)
            lectern_document_filter_add_document (input->b, id);
        }
    }
  result->a = lectern_project_count_words (project, input->a, cancellable, error);
  if (result->a != NULL && input->b != NULL)
    result->b = lectern_project_count_words (project, input->b, cancellable, error);
  if (result->a == NULL || (input->b != NULL && result->b == NULL))
    {
      result_free (result);
      return NULL;
    }
  if (result->b != NULL)
    result->keywords = lectern_keyness_compare (result->a, result->b, input->all);
  else
    result->listed = lectern_word_counts_list (result->a, input->all);
  return result;
}

static void
words_done (gpointer      data,
            const GError *error,
            gpointer      user_data)
{
  LecternWordsView *self = user_data;
  Result *result = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LecternWordsMode mode = result != NULL && result->keywords != NULL ? LECTERN_WORDS_KEYNESS : LECTERN_WORDS_LIST;

  g_clear_pointer (&self->result, result_free);
  if (error != NULL)
    {
      g_list_store_remove_all (self->rows);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "words.export", FALSE);
      lectern_analysis_view_show_empty (self->stack, self->status_page, _("Could Not Count"), error->message);
      return;
    }
  self->result = result;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "words.export", TRUE);

  if (mode != self->shown)
    {
      build_columns (self, mode);
      self->shown = mode;
    }
  if (result->keywords != NULL)
    for (guint i = 0; i < result->keywords->len; i++)
      {
        const LecternKeyword *keyword = g_ptr_array_index (result->keywords, i);
        LecternWordRow *row = g_object_new (LECTERN_TYPE_WORD_ROW, NULL);

        row->word = g_strdup (keyword->word);
        row->a = keyword->a_count;
        row->b = keyword->b_count;
        row->log_likelihood = keyword->log_likelihood;
        row->log_ratio = keyword->log_ratio;
        g_ptr_array_add (rows, row);
      }
  else
    {
      gint64 total = lectern_word_counts_get_total (result->a);

      for (guint i = 0; i < result->listed->len; i++)
        {
          const LecternWordCount *word = g_ptr_array_index (result->listed, i);
          LecternWordRow *row = g_object_new (LECTERN_TYPE_WORD_ROW, NULL);

          row->word = g_strdup (word->word);
          row->a = result->all ? word->count : word->listed;
          row->per_million = total > 0 ? row->a * 1e6 / total : 0;
          g_ptr_array_add (rows, row);
        }
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  if (rows->len == 0)
    lectern_analysis_view_show_empty (self->stack, self->status_page, _("No Words"),
                                      mode == LECTERN_WORDS_KEYNESS ? _("Neither set of documents has any words to compare.")
                                                                    : _("These documents have no words to count."));
  else
    gtk_stack_set_visible_child_name (self->stack, "table");
}

/* Set B's list begins with "All other documents": NULL, as for every
 * document, with *rest set. */
static const LecternDocumentFilter *
chosen_filter (LecternWordsView *self,
               GtkDropDown      *dropdown,
               gboolean         *rest)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (rest != NULL)
    {
      *rest = selected == 0;
      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
        return NULL;
      selected--;
    }
  if (self->choices == NULL || selected >= self->choices->len)
    return NULL;
  return g_ptr_array_index (self->choices, selected);
}

/* The documents checked in @set's list, as a filter; NULL when none is
 * checked (the dropdown decides). (transfer full) */
static LecternDocumentFilter *
picked_filter (LecternWordsView *self,
               LecternWordsSet   set)
{
  LecternDocumentFilter *filter = NULL;

  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->pick_lists[set])); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      {
        gint64 *id = g_object_get_data (G_OBJECT (check), "document-id");

        if (filter == NULL)
          filter = lectern_document_filter_new ();
        lectern_document_filter_add_document (filter, *id);
      }
  return filter;
}

static void
run (LecternWordsView *self)
{
  LecternWordsMode mode = current_mode (self);
  const LecternDocumentFilter *a;
  WordsJob *job;

  gtk_widget_set_visible (self->list_sets, mode == LECTERN_WORDS_LIST);
  gtk_widget_set_visible (self->keyness_sets, mode == LECTERN_WORDS_KEYNESS);
  if (lectern_analysis_runner_get_project (self->runner) == NULL || self->filling)
    return;

  job = g_new0 (WordsJob, 1);
  job->all = gtk_check_button_get_active (self->stop_check);
  a = chosen_filter (self, mode == LECTERN_WORDS_LIST ? self->set_dropdown : self->a_dropdown, NULL);
  job->a = picked_filter (self, mode == LECTERN_WORDS_LIST ? LECTERN_WORDS_SET_LIST : LECTERN_WORDS_SET_A);
  if (job->a == NULL)
    job->a = a != NULL ? lectern_document_filter_copy (a) : lectern_document_filter_new ();
  if (mode == LECTERN_WORDS_KEYNESS)
    {
      const LecternDocumentFilter *b = chosen_filter (self, self->b_dropdown, &job->b_rest);

      job->b = picked_filter (self, LECTERN_WORDS_SET_B);
      if (job->b != NULL)
        job->b_rest = FALSE;
      else if (!job->b_rest)
        job->b = b != NULL ? lectern_document_filter_copy (b) : lectern_document_filter_new ();
    }
  lectern_analysis_runner_start (self->runner, words_job_run, job, words_job_free, result_free,
                                 G_OBJECT (self), words_done);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
update_pick_buttons (LecternWordsView *self)
{
  GtkDropDown *dropdowns[] = { self->set_dropdown, self->a_dropdown, self->b_dropdown };

  for (guint set = 0; set < G_N_ELEMENTS (self->pick_lists); set++)
    {
      guint n = 0;
      g_autofree char *label = NULL;

      for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->pick_lists[set])); check != NULL;
           check = gtk_widget_get_next_sibling (check))
        n += gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
      /* Checked documents make the set; the dropdown waits until none is. */
      gtk_widget_set_sensitive (GTK_WIDGET (dropdowns[set]), n == 0);
      label = n == 0 ? g_strdup (_("Choose…"))
                     : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Document", "%u Documents", n), n);
      gtk_menu_button_set_label (self->pick_buttons[set], label);
    }
}

static void
picked_changed_cb (LecternWordsView *self)
{
  update_pick_buttons (self);
  run (self);
}

/* A check button per document in each set's list, the checked ones kept
 * checked when they are still there. */
static void
fill_pick_lists (LecternWordsView *self,
                 GListModel       *documents)
{
  guint n = documents != NULL ? g_list_model_get_n_items (documents) : 0;

  for (guint set = 0; set < G_N_ELEMENTS (self->pick_lists); set++)
    {
      g_autoptr(GHashTable) checked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pick_lists[set]))) != NULL)
        {
          if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
            g_hash_table_add (checked, g_memdup2 (g_object_get_data (G_OBJECT (child), "document-id"),
                                                  sizeof (gint64)));
          gtk_box_remove (self->pick_lists[set], child);
        }
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LecternDocument) doc = g_list_model_get_item (documents, i);
          GtkWidget *check = gtk_check_button_new_with_label (lectern_document_get_title (doc));
          gint64 *id = g_new (gint64, 1);

          *id = lectern_document_get_id (doc);
          g_object_set_data_full (G_OBJECT (check), "document-id", id, g_free);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (checked, id));
          if (GTK_IS_LABEL (gtk_widget_get_last_child (check)))
            {
              gtk_label_set_ellipsize (GTK_LABEL (gtk_widget_get_last_child (check)), PANGO_ELLIPSIZE_END);
              gtk_label_set_max_width_chars (GTK_LABEL (gtk_widget_get_last_child (check)), 50);
            }
          g_signal_connect_object (check, "toggled", G_CALLBACK (picked_changed_cb), self, G_CONNECT_SWAPPED);
          gtk_box_append (self->pick_lists[set], check);
        }
    }
}

gboolean
lectern_words_view_choose_documents (LecternWordsView *self,
                                     LecternWordsSet   set,
                                     const gint64     *ids,
                                     guint             n_ids)
{
  guint found = 0;

  g_return_val_if_fail (LECTERN_IS_WORDS_VIEW (self), FALSE);
  g_return_val_if_fail (set <= LECTERN_WORDS_SET_B, FALSE);

  self->filling = TRUE;
  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->pick_lists[set])); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    {
      gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "document-id");
      gboolean wanted = FALSE;

      for (guint i = 0; i < n_ids; i++)
        wanted |= ids[i] == id;
      found += wanted;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), wanted);
    }
  self->filling = FALSE;
  picked_changed_cb (self);
  return found == n_ids;
}

/* The sets a person picks from: every document, each language, each
 * variable's value, each document. The dropdowns keep their choice when
 * its label is still there. */
static void
fill_choices (LecternWordsView *self)
{
  LecternProject *project = lectern_analysis_runner_get_project (self->runner);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) b_labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  GtkDropDown *dropdowns[] = { self->set_dropdown, self->a_dropdown, self->b_dropdown };
  char *was[G_N_ELEMENTS (dropdowns)];
  gboolean fresh;
  guint n = 0;

  /* No choice made yet: the dropdowns held only "All documents". */
  fresh = gtk_drop_down_get_model (self->a_dropdown) == NULL
          || g_list_model_get_n_items (gtk_drop_down_get_model (self->a_dropdown)) <= 1;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      GtkStringObject *item = gtk_drop_down_get_selected_item (dropdowns[i]);

      was[i] = item != NULL ? g_strdup (gtk_string_object_get_string (item)) : NULL;
    }
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_document_filter_free);
  g_ptr_array_add (self->choices, NULL);
  gtk_string_list_append (labels, _("All documents"));

  if (project != NULL)
    documents = lectern_project_list_documents (project, NULL);
  n = documents != NULL ? g_list_model_get_n_items (documents) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (documents, i);
      const char *language = lectern_document_get_language (doc);
      g_autofree char *lower = language != NULL ? g_ascii_strdown (language, -1) : NULL;

      if (lower != NULL && *lower != '\0' && !g_hash_table_contains (seen, lower))
        {
          g_ptr_array_add (languages, g_strdup (lower));
          g_hash_table_add (seen, g_ptr_array_index (languages, languages->len - 1));
        }
    }
  g_ptr_array_sort (languages, compare_strings);
  for (guint i = 0; i < languages->len; i++)
    {
      const char *language = g_ptr_array_index (languages, i);
      g_autofree char *label = g_strdup_printf (_("Language: %s"), language);
      LecternDocumentFilter *filter = lectern_document_filter_new ();

      lectern_document_filter_set_language (filter, language);
      g_ptr_array_add (self->choices, filter);
      gtk_string_list_append (labels, label);
    }
  if (project != NULL)
    {
      g_auto(GStrv) pairs = lectern_variable_choices_pairs (project);

      for (guint i = 0; pairs[i] != NULL; i++)
        {
          char *equals = strchr (pairs[i], '=');
          g_autofree char *label = NULL;
          LecternDocumentFilter *filter = lectern_document_filter_new ();

          *equals = '\0';
          lectern_document_filter_set_variable (filter, pairs[i], equals + 1);
          label = g_strdup_printf ("%s = %s", pairs[i], equals + 1);
          g_ptr_array_add (self->choices, filter);
          gtk_string_list_append (labels, label);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (documents, i);
      LecternDocumentFilter *filter = lectern_document_filter_new ();

      lectern_document_filter_add_document (filter, lectern_document_get_id (doc));
      g_ptr_array_add (self->choices, filter);
      gtk_string_list_append (labels, lectern_document_get_title (doc));
    }

  /* Set B compares with the rest of the corpus unless told otherwise. */
  gtk_string_list_append (b_labels, _("All other documents"));
  for (guint j = 0; j < self->choices->len; j++)
    gtk_string_list_append (b_labels, gtk_string_list_get_string (labels, j));

  self->filling = TRUE;
  fill_pick_lists (self, documents);
  update_pick_buttons (self);
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      GtkStringList *list = dropdowns[i] == self->b_dropdown ? b_labels : labels;
      guint n_labels = g_list_model_get_n_items (G_LIST_MODEL (list));
      guint chosen = 0;

      gtk_drop_down_set_model (dropdowns[i], G_LIST_MODEL (list));
      for (guint j = 0; was[i] != NULL && j < n_labels; j++)
        if (g_strcmp0 (gtk_string_list_get_string (list, j), was[i]) == 0)
          {
            chosen = j;
            break;
          }
      /* Keyness starts with a group against the rest, not everything
       * against nothing. */
      if (dropdowns[i] == self->a_dropdown && n_labels > 1 && fresh)
        chosen = 1;
      gtk_drop_down_set_selected (dropdowns[i], chosen);
      g_free (was[i]);
    }
  self->filling = FALSE;
}

static void
stale_cb (LecternWordsView *self)
{
  fill_choices (self);
  run (self);
}

gboolean
lectern_words_view_choose_set (LecternWordsView *self,
                               LecternWordsSet   set,
                               const char       *label)
{
  GtkDropDown *dropdown;
  GListModel *labels;
  guint n;

  g_return_val_if_fail (LECTERN_IS_WORDS_VIEW (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  dropdown = set == LECTERN_WORDS_SET_A ? self->a_dropdown
           : set == LECTERN_WORDS_SET_B ? self->b_dropdown : self->set_dropdown;
  labels = gtk_drop_down_get_model (dropdown);
  n = labels != NULL ? g_list_model_get_n_items (labels) : 0;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), label) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
lectern_words_view_set_mode (LecternWordsView *self,
                             LecternWordsMode  mode)
{
  g_return_if_fail (LECTERN_IS_WORDS_VIEW (self));
  gtk_toggle_button_set_active (mode == LECTERN_WORDS_KEYNESS ? self->keyness_button : self->list_button, TRUE);
}

static void
mode_toggled_cb (LecternWordsView *self,
                 GtkToggleButton  *button)
{
  /* Both buttons of the group notify; run once, for the one turned on. */
  if (gtk_toggle_button_get_active (button))
    run (self);
}

/* ------------------------------------------------------------------ */
/* Search */

static gboolean
row_matches (gpointer item,
             gpointer user_data)
{
  LecternWordsView *self = user_data;

  return self->search == NULL || strstr (LECTERN_WORD_ROW (item)->word, self->search) != NULL;
}

static void
search_changed_cb (LecternWordsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search, g_free);
  /* Words are listed folded: fold what is typed the same way. */
  if (text != NULL && *text != '\0')
    self->search = lectern_words_fold (text);
  if (self->search != NULL && *self->search == '\0')
    g_clear_pointer (&self->search, g_free);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

guint
lectern_words_view_get_n_rows (LecternWordsView *self)
{
  g_return_val_if_fail (LECTERN_IS_WORDS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

char *
lectern_words_view_dup_cell_text (LecternWordsView *self,
                                  guint             row,
                                  guint             column)
{
  g_autoptr(LecternWordRow) item = NULL;
  const Column *columns;
  guint n;

  g_return_val_if_fail (LECTERN_IS_WORDS_VIEW (self), NULL);

  columns = self->shown == LECTERN_WORDS_LIST ? list_columns : keyness_columns;
  n = self->shown == LECTERN_WORDS_LIST ? G_N_ELEMENTS (list_columns) : G_N_ELEMENTS (keyness_columns);
  g_return_val_if_fail (column < n, NULL);
  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), row);
  g_return_val_if_fail (item != NULL, NULL);
  return cell_text (item, columns[column]);
}

/* ------------------------------------------------------------------ */
/* Export */

static gboolean
write_csv (GOutputStream *stream,
           gpointer       user_data,
           GError       **error)
{
  Result *result = user_data;

  if (result->keywords != NULL)
    return lectern_keyness_write_csv (result->keywords, stream, error);
  return lectern_word_list_write_csv (result->listed, result->all, lectern_word_counts_get_total (result->a),
                                      stream, error);
}

gboolean
lectern_words_view_export_csv (LecternWordsView  *self,
                               GFile             *file,
                               GError           **error)
{
  g_return_val_if_fail (LECTERN_IS_WORDS_VIEW (self), FALSE);
  g_return_val_if_fail (self->result != NULL, FALSE);

  return lectern_analysis_save_file (file, write_csv, self->result, error);
}

static gboolean
export_file (GtkWidget  *widget,
             GFile      *file,
             GError    **error)
{
  LecternWordsView *self = LECTERN_WORDS_VIEW (widget);

  return self->result != NULL && lectern_words_view_export_csv (self, file, error);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LecternWordsView *self = LECTERN_WORDS_VIEW (widget);

  if (self->shown == LECTERN_WORDS_KEYNESS)
    /* Translators: a file name */
    lectern_analysis_export (widget, self->toasts, _("Export Keyness"), _("keyness.csv"), _("CSV"), "csv", export_file);
  else
    /* Translators: a file name */
    lectern_analysis_export (widget, self->toasts, _("Export Word List"), _("word-list.csv"), _("CSV"), "csv", export_file);
}

static void
busy_changed (LecternAnalysisView *view)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (view), "words.export", LECTERN_WORDS_VIEW (view)->result != NULL);
}

/* ------------------------------------------------------------------ */

GtkWidget *
lectern_words_view_new (void)
{
  return g_object_new (LECTERN_TYPE_WORDS_VIEW, NULL);
}

static void
project_changed (LecternAnalysisView *view)
{
  LecternWordsView *self = (LecternWordsView *) view;

  fill_choices (self);
  run (self);
}

LecternProject *
lectern_words_view_get_project (LecternWordsView *self)
{
  g_return_val_if_fail (LECTERN_IS_WORDS_VIEW (self), NULL);
  return lectern_analysis_view_get_project (LECTERN_ANALYSIS_VIEW (self));
}

void
lectern_words_view_set_project (LecternWordsView *self,
                                LecternProject   *project)
{
  g_return_if_fail (LECTERN_IS_WORDS_VIEW (self));
  lectern_analysis_view_set_project (LECTERN_ANALYSIS_VIEW (self), project);
}

gboolean
lectern_words_view_get_busy (LecternWordsView *self)
{
  g_return_val_if_fail (LECTERN_IS_WORDS_VIEW (self), FALSE);
  return lectern_analysis_view_get_busy (LECTERN_ANALYSIS_VIEW (self));
}

static void
lectern_words_view_dispose (GObject *object)
{
  LecternWordsView *self = LECTERN_WORDS_VIEW (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_WORDS_VIEW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->result, result_free);

  G_OBJECT_CLASS (lectern_words_view_parent_class)->dispose (object);
}

static void
lectern_words_view_class_init (LecternWordsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LecternAnalysisViewClass *analysis_class = LECTERN_ANALYSIS_VIEW_CLASS (klass);

  object_class->dispose = lectern_words_view_dispose;

  analysis_class->project_changed = project_changed;
  analysis_class->busy_changed = busy_changed;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-words-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, toasts);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, list_button);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, keyness_button);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, list_sets);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, keyness_sets);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, set_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, a_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, b_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, stop_check);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, stack);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, status_page);
  gtk_widget_class_bind_template_child (widget_class, LecternWordsView, column_view);

  gtk_widget_class_install_action (widget_class, "words.export", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "words.cancel", NULL, lectern_analysis_view_cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "words.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "words.export", NULL);
}

static void
lectern_words_view_init (LecternWordsView *self)
{
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkDropDown *dropdowns[] = { self->set_dropdown, self->a_dropdown, self->b_dropdown };

    for (guint set = 0; set < G_N_ELEMENTS (dropdowns); set++)
      {
        GtkWidget *popover = gtk_popover_new ();
        GtkWidget *scroller = gtk_scrolled_window_new ();

        self->pick_lists[set] = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
        gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
        gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
        gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->pick_lists[set]));
        gtk_popover_set_child (GTK_POPOVER (popover), scroller);
        self->pick_buttons[set] = GTK_MENU_BUTTON (gtk_menu_button_new ());
        gtk_menu_button_set_popover (self->pick_buttons[set], popover);
        gtk_menu_button_set_label (self->pick_buttons[set], _("Choose…"));
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->pick_buttons[set]),
                                     _("Choose the documents of this set one by one"));
        gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (dropdowns[set]))),
                                    GTK_WIDGET (self->pick_buttons[set]), GTK_WIDGET (dropdowns[set]));
      }
  }

  self->runner = lectern_analysis_view_setup (LECTERN_ANALYSIS_VIEW (self),
                                              LECTERN_CHANGE_DOCUMENTS,
                                              self->spinner, self->cancel_button, "words.cancel");
  g_signal_connect_object (self->runner, "stale", G_CALLBACK (stale_cb), self, G_CONNECT_SWAPPED);

  self->rows = g_list_store_new (LECTERN_TYPE_WORD_ROW);
  self->filter = gtk_custom_filter_new (row_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  self->shown = LECTERN_WORDS_LIST;
  build_columns (self, LECTERN_WORDS_LIST);

  g_signal_connect_object (self->list_button, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keyness_button, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->set_dropdown, "notify::selected", G_CALLBACK (run), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->a_dropdown, "notify::selected", G_CALLBACK (run), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->b_dropdown, "notify::selected", G_CALLBACK (run), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stop_check, "toggled", G_CALLBACK (run), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  fill_choices (self);
}
