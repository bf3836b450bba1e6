/* lectern-chart-view.c
 *
 * The numbers are core's code matrix (passages per code), counted in a
 * job; the drawing area calls lectern_chart_draw_bars(), the very code
 * that writes the SVG and PNG, so what is saved is what is seen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lectern-analysis-files.h"
#include "lectern-analysis-runner.h"
#include "lectern-chart-view.h"
#include "lectern-variable-choices.h"

struct _LecternChartView
{
  LecternAnalysisView    parent_instance;

  AdwToastOverlay       *toasts;
  GtkDropDown           *columns_dropdown;
  GtkSpinner            *spinner;
  GtkWidget             *cancel_button;
  GtkStack              *stack;
  AdwStatusPage         *status_page;
  GtkDrawingArea        *drawing_area;

  LecternAnalysisRunner *runner;     /* the parent's */
  LecternMatrix         *matrix;
  char                  *title;
  GStrv                  keys;
  gboolean               filling;
};

G_DEFINE_FINAL_TYPE (LecternChartView, lectern_chart_view, LECTERN_TYPE_ANALYSIS_VIEW)


static gpointer
chart_job_run (LecternJob      *job,
               LecternProject  *project,
               gpointer         data,
               GCancellable    *cancellable,
               GError         **error)
{
  const char *variable = data;
  LecternMatrix *matrix;

  matrix = lectern_project_code_matrix (project, NULL, variable, LECTERN_MATRIX_VALUE_PASSAGES, cancellable, error);
  if (matrix == NULL || variable != NULL)
    return matrix;
  /* The legend names documents by title, as a reader knows them. */
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
current_variable (LecternChartView *self)
{
  guint selected = gtk_drop_down_get_selected (self->columns_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->keys == NULL
      || selected > g_strv_length (self->keys))
    return NULL;
  return self->keys[selected - 1];
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  LecternChartView *self = user_data;

  if (self->matrix == NULL)
    return;
  lectern_chart_draw_bars (self->matrix, self->title, adw_style_manager_get_dark (adw_style_manager_get_default ()),
                           cr);
}

static void
chart_done (gpointer      result,
            const GError *error,
            gpointer      user_data)
{
  LecternChartView *self = user_data;
  const char *variable = current_variable (self);
  double width, height;

  g_clear_pointer (&self->matrix, lectern_matrix_free);
  g_clear_pointer (&self->title, g_free);
  if (error != NULL)
    {
      lectern_analysis_view_show_empty (self->stack, self->status_page, _("Could Not Count"), error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", FALSE);
      return;
    }
  self->matrix = result;
  self->title = variable != NULL ? g_strdup_printf (_("Passages per code, by %s"), variable)
                                 : g_strdup (_("Passages per code, by document"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", self->matrix->n_rows > 0);

  if (self->matrix->n_rows == 0)
    lectern_analysis_view_show_empty (self->stack, self->status_page, _("No Codes Yet"),
                                      _("Tag passages in the reader: each code becomes a group of bars here."));
  else if (self->matrix->n_columns == 0)
    lectern_analysis_view_show_empty (self->stack, self->status_page, _("No Documents"),
                                      variable != NULL ? _("No document has this variable.")
                                                       : _("Import documents to count their codes."));
  else if ((gsize) self->matrix->n_rows * self->matrix->n_columns > LECTERN_CHART_MAX_BARS)
    lectern_analysis_view_show_empty (self->stack, self->status_page, _("Too Many Bars"),
                                      _("Group the documents by a variable to draw a chart a person can read."));
  else
    {
      lectern_chart_measure_bars (self->matrix, self->title, &width, &height);
      gtk_drawing_area_set_content_width (self->drawing_area, (int) ceil (width));
      gtk_drawing_area_set_content_height (self->drawing_area, (int) ceil (height));
      gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
      gtk_stack_set_visible_child_name (self->stack, "chart");
    }
}

static void
run (LecternChartView *self)
{
  if (lectern_analysis_runner_get_project (self->runner) == NULL || self->filling)
    return;
  lectern_analysis_runner_start (self->runner, chart_job_run, g_strdup (current_variable (self)), g_free,
                                 (GDestroyNotify) lectern_matrix_free, G_OBJECT (self), chart_done);
}

static void
fill_columns (LecternChartView *self)
{
  LecternProject *project = lectern_analysis_runner_get_project (self->runner);
  g_autofree char *was = g_strdup (current_variable (self));
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->keys, g_strfreev);
  self->keys = project != NULL ? lectern_variable_choices_keys (project) : g_new0 (char *, 1);
  gtk_string_list_append (list, _("Document"));
  for (guint i = 0; self->keys[i] != NULL; i++)
    {
      gtk_string_list_append (list, self->keys[i]);
      if (g_strcmp0 (was, self->keys[i]) == 0)
        selected = i + 1;
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->columns_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->columns_dropdown, selected);
  self->filling = FALSE;
}

static void
stale_cb (LecternChartView *self)
{
  fill_columns (self);
  run (self);
}

gboolean
lectern_chart_view_set_columns (LecternChartView *self,
                                const char       *variable)
{
  g_return_val_if_fail (LECTERN_IS_CHART_VIEW (self), FALSE);

  if (variable == NULL)
    {
      gtk_drop_down_set_selected (self->columns_dropdown, 0);
      return TRUE;
    }
  for (guint i = 0; self->keys != NULL && self->keys[i] != NULL; i++)
    if (g_strcmp0 (self->keys[i], variable) == 0)
      {
        gtk_drop_down_set_selected (self->columns_dropdown, i + 1);
        return TRUE;
      }
  return FALSE;
}

const LecternMatrix *
lectern_chart_view_get_matrix (LecternChartView *self)
{
  g_return_val_if_fail (LECTERN_IS_CHART_VIEW (self), NULL);
  return self->matrix;
}

/* ------------------------------------------------------------------ */
/* Export */

typedef struct
{
  LecternChartView   *self;
  LecternChartFormat  format;
} Export;

static gboolean
write_chart (GOutputStream *stream,
             gpointer       user_data,
             GError       **error)
{
  Export *export = user_data;

  return lectern_chart_write_bars (export->self->matrix, export->self->title, export->format, stream, error);
}

gboolean
lectern_chart_view_export (LecternChartView    *self,
                           GFile               *file,
                           LecternChartFormat   format,
                           GError             **error)
{
  Export export = { self, format };

  g_return_val_if_fail (LECTERN_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (self->matrix != NULL, FALSE);

  return lectern_analysis_save_file (file, write_chart, &export, error);
}

static gboolean
export_file (GtkWidget  *widget,
             GFile      *file,
             GError    **error)
{
  LecternChartView *self = LECTERN_CHART_VIEW (widget);
  g_autofree char *name = g_file_get_basename (file);
  LecternChartFormat format;

  if (self->matrix == NULL)
    return FALSE;
  /* The name the user typed decides; one without a known extension gets
   * the format chosen in the menu. */
  if (!lectern_chart_format_from_name (name, &format))
    format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "chart-export-format"));
  return lectern_chart_view_export (self, file, format, error);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  const char *kind = g_variant_get_string (parameter, NULL);
  LecternChartFormat format = LECTERN_CHART_SVG;
  const char *name = _("code-chart.svg");

  if (g_strcmp0 (kind, "png") == 0)
    format = LECTERN_CHART_PNG, name = _("code-chart.png");
  else if (g_strcmp0 (kind, "csv") == 0)
    format = LECTERN_CHART_CSV, name = _("code-chart.csv");
  g_object_set_data (G_OBJECT (widget), "chart-export-format", GUINT_TO_POINTER (format));
  lectern_analysis_export (widget, LECTERN_CHART_VIEW (widget)->toasts, _("Export Chart"), name, NULL, NULL, export_file);
}

/* ------------------------------------------------------------------ */

GtkWidget *
lectern_chart_view_new (void)
{
  return g_object_new (LECTERN_TYPE_CHART_VIEW, NULL);
}

static void
project_changed (LecternAnalysisView *view)
{
  LecternChartView *self = (LecternChartView *) view;

  fill_columns (self);
  run (self);
}

LecternProject *
lectern_chart_view_get_project (LecternChartView *self)
{
  g_return_val_if_fail (LECTERN_IS_CHART_VIEW (self), NULL);
  return lectern_analysis_view_get_project (LECTERN_ANALYSIS_VIEW (self));
}

void
lectern_chart_view_set_project (LecternChartView *self,
                                LecternProject   *project)
{
  g_return_if_fail (LECTERN_IS_CHART_VIEW (self));
  lectern_analysis_view_set_project (LECTERN_ANALYSIS_VIEW (self), project);
}

gboolean
lectern_chart_view_get_busy (LecternChartView *self)
{
  g_return_val_if_fail (LECTERN_IS_CHART_VIEW (self), FALSE);
  return lectern_analysis_view_get_busy (LECTERN_ANALYSIS_VIEW (self));
}

static void
lectern_chart_view_dispose (GObject *object)
{
  LecternChartView *self = LECTERN_CHART_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_CHART_VIEW);
  g_clear_pointer (&self->matrix, lectern_matrix_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->keys, g_strfreev);

  G_OBJECT_CLASS (lectern_chart_view_parent_class)->dispose (object);
}

static void
lectern_chart_view_class_init (LecternChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LecternAnalysisViewClass *analysis_class = LECTERN_ANALYSIS_VIEW_CLASS (klass);

  object_class->dispose = lectern_chart_view_dispose;

  analysis_class->project_changed = project_changed;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternChartView, toasts);
  gtk_widget_class_bind_template_child (widget_class, LecternChartView, columns_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LecternChartView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LecternChartView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LecternChartView, stack);
  gtk_widget_class_bind_template_child (widget_class, LecternChartView, status_page);
  gtk_widget_class_bind_template_child (widget_class, LecternChartView, drawing_area);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_cb);
  gtk_widget_class_install_action (widget_class, "chart.cancel", NULL, lectern_analysis_view_cancel_action);
}

static void
lectern_chart_view_init (LecternChartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->runner = lectern_analysis_view_setup (LECTERN_ANALYSIS_VIEW (self),
                                              LECTERN_CHANGE_DOCUMENTS |
                                              LECTERN_CHANGE_TAGS |
                                              LECTERN_CHANGE_ANNOTATIONS,
                                              self->spinner, self->cancel_button, "chart.cancel");
  g_signal_connect_object (self->runner, "stale", G_CALLBACK (stale_cb), self, G_CONNECT_SWAPPED);
  gtk_drawing_area_set_draw_func (self->drawing_area, draw_cb, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->drawing_area, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->columns_dropdown, "notify::selected", G_CALLBACK (run), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", FALSE);
  fill_columns (self);
}
