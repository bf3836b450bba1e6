/* lectern-matrix-view.c
 *
 * The matrix is computed by core (lectern_project_code_matrix) in a job
 * on a worker connection; a cell's passages are listed on the main
 * connection when it is clicked, which reads one code's passages only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lectern-analysis-runner.h"
#include "lectern-matrix-view.h"
#include "lectern-variable-choices.h"

struct _LecternMatrixView
{
  LecternHeatView        parent_instance;

  AdwToastOverlay       *toasts;
  GtkDropDown           *columns_dropdown;
  GtkDropDown           *value_dropdown;
  GtkSpinner            *spinner;
  GtkWidget             *cancel_button;
  GtkStack              *stack;
  AdwStatusPage         *status_page;
  LecternHeatTable      *table;
  LecternPassagePopover *popover;    /* the parent's */

  LecternAnalysisRunner *runner;     /* the parent's */
  GStrv                  keys;       /* the dropdown's variables, after "Documents" */
  gboolean               filling;    /* the dropdown is being refilled: no run */
};

G_DEFINE_FINAL_TYPE (LecternMatrixView, lectern_matrix_view, LECTERN_TYPE_HEAT_VIEW)

/* The columns dropdown: documents, speakers, then each variable. */
enum { COLUMNS_DOCUMENTS, COLUMNS_SPEAKERS, COLUMNS_FIRST_VARIABLE };

typedef struct
{
  char               *variable;
  gboolean            speakers;
  LecternMatrixValue  value;
} MatrixJob;

static void
matrix_job_free (gpointer data)
{
  MatrixJob *job = data;

  g_free (job->variable);
  g_free (job);
}

static gpointer
matrix_job_run (LecternJob      *job,
                LecternProject  *project,
                gpointer         data,
                GCancellable    *cancellable,
                GError         **error)
{
  MatrixJob *input = data;
  LecternMatrix *matrix;

  if (input->speakers)
    return lectern_project_speaker_matrix (project, NULL, input->value, cancellable, error);
  matrix = lectern_project_code_matrix (project, NULL, input->variable, input->value, cancellable, error);
  if (matrix == NULL || input->variable != NULL)
    return matrix;
  /* A person reads titles; the CLI keeps ids for scripts. */
  for (guint c = 0; c < matrix->n_columns; c++)
    {
      g_autoptr(LecternDocument) doc =
        lectern_project_dup_document (project, g_array_index (matrix->column_ids, gint64, c), NULL);

      if (doc != NULL && lectern_document_get_title (doc) != NULL && *lectern_document_get_title (doc))
        {
          g_free (g_ptr_array_index (matrix->column_labels, c));
          g_ptr_array_index (matrix->column_labels, c) = g_strdup (lectern_document_get_title (doc));
        }
    }
  return matrix;
}

static const char *
current_variable (LecternMatrixView *self)
{
  guint selected = gtk_drop_down_get_selected (self->columns_dropdown);

  if (selected < COLUMNS_FIRST_VARIABLE || selected == GTK_INVALID_LIST_POSITION || self->keys == NULL
      || selected - COLUMNS_FIRST_VARIABLE >= g_strv_length (self->keys))
    return NULL;
  return self->keys[selected - COLUMNS_FIRST_VARIABLE];
}

static gboolean
by_speakers (LecternMatrixView *self)
{
  return gtk_drop_down_get_selected (self->columns_dropdown) == COLUMNS_SPEAKERS;
}

static LecternMatrixValue
current_value (LecternMatrixView *self)
{
  guint selected = gtk_drop_down_get_selected (self->value_dropdown);

  return selected <= LECTERN_MATRIX_VALUE_SHARE ? (LecternMatrixValue) selected : LECTERN_MATRIX_VALUE_PASSAGES;
}

static void
matrix_done (gpointer      result,
             const GError *error,
             gpointer      user_data)
{
  LecternMatrixView *self = user_data;
  LecternMatrix *matrix = result;

  if (error != NULL)
    {
      lectern_heat_table_set_matrix (self->table, NULL, LECTERN_HEAT_COUNT);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.export", FALSE);
      if (by_speakers (self) && g_error_matches (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND))
        lectern_analysis_view_show_empty (self->stack, self->status_page, _("No Speakers"),
                                          _("No document has speaker turns. Import interview transcripts to count codes by speaker."));
      else
        lectern_analysis_view_show_empty (self->stack, self->status_page, _("Could Not Count"), error->message);
      return;
    }
  lectern_heat_table_set_matrix (self->table, matrix,
                                 current_value (self) == LECTERN_MATRIX_VALUE_SHARE ? LECTERN_HEAT_SHARE
                                                                                   : LECTERN_HEAT_COUNT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.export", TRUE);
  if (matrix->n_rows == 0)
    lectern_analysis_view_show_empty (self->stack, self->status_page, _("No Codes Yet"),
                                      _("Tag passages in the reader: each code becomes a row here, each document a column."));
  else if (matrix->n_columns == 0)
    lectern_analysis_view_show_empty (self->stack, self->status_page, _("No Documents"),
                                      current_variable (self) != NULL ? _("No document has this variable.")
                                                                      : _("Import documents to count their codes."));
  else
    gtk_stack_set_visible_child_name (self->stack, "table");
}

static void
run (LecternMatrixView *self)
{
  LecternProject *project = lectern_analysis_runner_get_project (self->runner);
  MatrixJob *job;

  if (project == NULL || self->filling)
    return;
  job = g_new0 (MatrixJob, 1);
  job->variable = g_strdup (current_variable (self));
  job->speakers = by_speakers (self);
  job->value = current_value (self);
  lectern_analysis_runner_start (self->runner, matrix_job_run, job, matrix_job_free,
                                 (GDestroyNotify) lectern_matrix_free, G_OBJECT (self), matrix_done);
}

static void
fill_columns (LecternMatrixView *self)
{
  LecternProject *project = lectern_analysis_runner_get_project (self->runner);
  g_autofree char *was = g_strdup (current_variable (self));
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = by_speakers (self) ? COLUMNS_SPEAKERS : COLUMNS_DOCUMENTS;

  g_clear_pointer (&self->keys, g_strfreev);
  self->keys = project != NULL ? lectern_variable_choices_keys (project) : g_new0 (char *, 1);
  gtk_string_list_append (list, _("Documents"));
  gtk_string_list_append (list, _("Speakers"));
  for (guint i = 0; self->keys[i] != NULL; i++)
    {
      gtk_string_list_append (list, self->keys[i]);
      if (g_strcmp0 (was, self->keys[i]) == 0)
        selected = i + COLUMNS_FIRST_VARIABLE;
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->columns_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->columns_dropdown, selected);
  self->filling = FALSE;
}

static void
stale_cb (LecternMatrixView *self)
{
  fill_columns (self);
  run (self);
}

gboolean
lectern_matrix_view_set_columns (LecternMatrixView *self,
                                 const char        *variable)
{
  g_return_val_if_fail (LECTERN_IS_MATRIX_VIEW (self), FALSE);

  if (variable == NULL)
    {
      gtk_drop_down_set_selected (self->columns_dropdown, COLUMNS_DOCUMENTS);
      return TRUE;
    }
  for (guint i = 0; self->keys != NULL && self->keys[i] != NULL; i++)
    if (g_strcmp0 (self->keys[i], variable) == 0)
      {
        gtk_drop_down_set_selected (self->columns_dropdown, i + COLUMNS_FIRST_VARIABLE);
        return TRUE;
      }
  return FALSE;
}

void
lectern_matrix_view_show_speakers (LecternMatrixView *self)
{
  g_return_if_fail (LECTERN_IS_MATRIX_VIEW (self));
  gtk_drop_down_set_selected (self->columns_dropdown, COLUMNS_SPEAKERS);
}

void
lectern_matrix_view_set_value (LecternMatrixView  *self,
                               LecternMatrixValue  value)
{
  g_return_if_fail (LECTERN_IS_MATRIX_VIEW (self));
  gtk_drop_down_set_selected (self->value_dropdown, value);
}

/* ------------------------------------------------------------------ */
/* A cell's passages */

static void
cell_activated_cb (LecternMatrixView *self,
                   guint              row,
                   guint              column,
                   GtkWidget         *cell)
{
  LecternProject *project = lectern_analysis_runner_get_project (self->runner);
  const LecternMatrix *matrix = lectern_heat_table_get_matrix (self->table);
  g_autoptr(GPtrArray) passages = g_ptr_array_new_with_free_func (lectern_passage_popover_free_passage);
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  const char *variable = current_variable (self);
  const char *column_label;
  gint64 tag_id;
  gint64 document_id;
  guint n;

  if (project == NULL || matrix == NULL)
    return;
  tag_id = g_array_index (matrix->row_ids, gint64, row);
  document_id = variable == NULL ? g_array_index (matrix->column_ids, gint64, column) : 0;
  column_label = g_ptr_array_index (matrix->column_labels, column);

  if (by_speakers (self))
    {
      /* The code's passages inside the speaker's turns, as core counted. */
      g_autoptr(LecternDocumentFilter) filter = lectern_document_filter_new ();
      g_autofree char *expression = lectern_coding_query_quote (g_ptr_array_index (matrix->row_labels, row));
      GPtrArray *found;

      lectern_document_filter_set_speaker (filter, column_label);
      found = lectern_project_retrieve (project, expression, filter, NULL, &error);
      if (found == NULL)
        {
          adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
          return;
        }
      g_clear_pointer (&passages, g_ptr_array_unref);
      passages = found;
      goto show;
    }

  annotations = lectern_project_list_annotations (project, document_id, tag_id, FALSE, &error);
  if (annotations == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  n = g_list_model_get_n_items (annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (annotations, i);
      gint64 doc = lectern_annotation_get_document_id (a);
      LecternRetrieved *passage;

      if (variable != NULL)
        {
          const char *value;

          if (!g_hash_table_contains (values, &doc))
            {
              g_autoptr(LecternDocument) d = lectern_project_dup_document (project, doc, NULL);
              gint64 *key = g_new (gint64, 1);

              *key = doc;
              g_hash_table_insert (values, key,
                                   g_strdup (d != NULL ? lectern_document_get_variable (d, variable) : NULL));
            }
          value = g_hash_table_lookup (values, &doc);
          if (g_strcmp0 (value, column_label) != 0)
            continue;
        }
      passage = g_new0 (LecternRetrieved, 1);
      passage->document_id = doc;
      passage->start = lectern_annotation_get_start (a);
      passage->end = lectern_annotation_get_end (a);
      passage->quote = g_strdup (lectern_annotation_get_quote (a));
      g_ptr_array_add (passages, passage);
    }

show:
  /* Translators: a code's path, then a document's title, a variable's value or a speaker */
  heading = g_strdup_printf (_("%s in %s"), (char *) g_ptr_array_index (matrix->row_labels, row), column_label);
  /* At the cell; at the table's middle when the cell is not on screen. */
  lectern_passage_popover_popup_at (self->popover, cell, cell == GTK_WIDGET (self->table), heading, project,
                                    g_steal_pointer (&passages));
}

/* ------------------------------------------------------------------ */
/* Export */

gboolean
lectern_matrix_view_export_csv (LecternMatrixView  *self,
                                GFile              *file,
                                GError            **error)
{
  g_return_val_if_fail (LECTERN_IS_MATRIX_VIEW (self), FALSE);
  return lectern_heat_view_export_csv (LECTERN_HEAT_VIEW (self), file, error);
}

/* ------------------------------------------------------------------ */

GtkWidget *
lectern_matrix_view_new (void)
{
  return g_object_new (LECTERN_TYPE_MATRIX_VIEW, NULL);
}

static void
project_changed (LecternAnalysisView *view)
{
  LecternMatrixView *self = (LecternMatrixView *) view;

  lectern_heat_table_set_matrix (self->table, NULL, LECTERN_HEAT_COUNT);
  fill_columns (self);
  run (self);
}

LecternProject *
lectern_matrix_view_get_project (LecternMatrixView *self)
{
  g_return_val_if_fail (LECTERN_IS_MATRIX_VIEW (self), NULL);
  return lectern_analysis_view_get_project (LECTERN_ANALYSIS_VIEW (self));
}

void
lectern_matrix_view_set_project (LecternMatrixView *self,
                                 LecternProject    *project)
{
  g_return_if_fail (LECTERN_IS_MATRIX_VIEW (self));
  lectern_analysis_view_set_project (LECTERN_ANALYSIS_VIEW (self), project);
}

gboolean
lectern_matrix_view_get_busy (LecternMatrixView *self)
{
  g_return_val_if_fail (LECTERN_IS_MATRIX_VIEW (self), FALSE);
  return lectern_analysis_view_get_busy (LECTERN_ANALYSIS_VIEW (self));
}

LecternHeatTable *
lectern_matrix_view_get_table (LecternMatrixView *self)
{
  g_return_val_if_fail (LECTERN_IS_MATRIX_VIEW (self), NULL);
  return self->table;
}

LecternPassagePopover *
lectern_matrix_view_get_popover (LecternMatrixView *self)
{
  g_return_val_if_fail (LECTERN_IS_MATRIX_VIEW (self), NULL);
  return self->popover;
}

static void
lectern_matrix_view_dispose (GObject *object)
{
  LecternMatrixView *self = LECTERN_MATRIX_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_MATRIX_VIEW);
  g_clear_pointer (&self->keys, g_strfreev);

  G_OBJECT_CLASS (lectern_matrix_view_parent_class)->dispose (object);
}

static void
lectern_matrix_view_class_init (LecternMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LecternAnalysisViewClass *analysis_class = LECTERN_ANALYSIS_VIEW_CLASS (klass);

  object_class->dispose = lectern_matrix_view_dispose;

  analysis_class->project_changed = project_changed;

  lectern_heat_view_class_install_actions (LECTERN_HEAT_VIEW_CLASS (klass), "matrix", N_("Export Code Matrix"),
                                           /* Translators: a file name */
                                           N_("code-matrix.csv"), N_("Code matrix"));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-matrix-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternMatrixView, toasts);
  gtk_widget_class_bind_template_child (widget_class, LecternMatrixView, columns_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LecternMatrixView, value_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LecternMatrixView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LecternMatrixView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LecternMatrixView, stack);
  gtk_widget_class_bind_template_child (widget_class, LecternMatrixView, status_page);
  gtk_widget_class_bind_template_child (widget_class, LecternMatrixView, table);
}

static void
lectern_matrix_view_init (LecternMatrixView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->runner = lectern_heat_view_setup (LECTERN_HEAT_VIEW (self), self->table, self->toasts, self->spinner,
                                          self->cancel_button);
  self->popover = lectern_heat_view_get_popover (LECTERN_HEAT_VIEW (self));
  g_signal_connect_object (self->runner, "stale", G_CALLBACK (stale_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table, "cell-activated", G_CALLBACK (cell_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->columns_dropdown, "notify::selected", G_CALLBACK (run), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->value_dropdown, "notify::selected", G_CALLBACK (run), self, G_CONNECT_SWAPPED);
  fill_columns (self);
}
