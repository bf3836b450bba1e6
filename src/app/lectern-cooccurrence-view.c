/* lectern-cooccurrence-view.c
 *
 * The counts are core's (lectern_project_cooccurrence) in a job on a
 * worker connection. A cell's text is found on the main connection when
 * it is clicked, by the same rule: distinct passages, one carrying each
 * code, in one document, overlapping (their common text is shown) or
 * touching a common paragraph (the text from the first to the last).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lectern-analysis-runner.h"
#include "lectern-cooccurrence-view.h"

struct _LecternCooccurrenceView
{
  LecternHeatView        parent_instance;

  AdwToastOverlay       *toasts;
  GtkDropDown           *within_dropdown;
  GtkSpinner            *spinner;
  GtkWidget             *cancel_button;
  GtkStack              *stack;
  AdwStatusPage         *status_page;
  LecternHeatTable      *table;
  LecternPassagePopover *popover;    /* the parent's */

  LecternAnalysisRunner *runner;     /* the parent's */
};

G_DEFINE_FINAL_TYPE (LecternCooccurrenceView, lectern_cooccurrence_view, LECTERN_TYPE_HEAT_VIEW)

static gpointer
cooccurrence_job_run (LecternJob      *job,
                      LecternProject  *project,
                      gpointer         data,
                      GCancellable    *cancellable,
                      GError         **error)
{
  return lectern_project_cooccurrence (project, NULL, (LecternCooccurrence) GPOINTER_TO_UINT (data),
                                       cancellable, error);
}

static LecternCooccurrence
current_within (LecternCooccurrenceView *self)
{
  return gtk_drop_down_get_selected (self->within_dropdown) == 1 ? LECTERN_COOCCURRENCE_PARAGRAPH
                                                                 : LECTERN_COOCCURRENCE_OVERLAP;
}

static void
cooccurrence_done (gpointer      result,
                   const GError *error,
                   gpointer      user_data)
{
  LecternCooccurrenceView *self = user_data;
  LecternMatrix *matrix = result;

  if (error != NULL)
    {
      lectern_heat_table_set_matrix (self->table, NULL, LECTERN_HEAT_COUNT);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "cooccurrence.export", FALSE);
      lectern_analysis_view_show_empty (self->stack, self->status_page, _("Could Not Count"), error->message);
      return;
    }
  lectern_heat_table_set_matrix (self->table, matrix, LECTERN_HEAT_COUNT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cooccurrence.export", TRUE);
  if (matrix->n_rows == 0)
    lectern_analysis_view_show_empty (self->stack, self->status_page, _("No Codes Yet"),
                                      _("Tag passages in the reader: where passages of two codes meet, this table counts them."));
  else
    gtk_stack_set_visible_child_name (self->stack, "table");
}

static void
run (LecternCooccurrenceView *self)
{
  if (lectern_analysis_runner_get_project (self->runner) == NULL)
    return;
  lectern_analysis_runner_start (self->runner, cooccurrence_job_run, GUINT_TO_POINTER (current_within (self)),
                                 NULL, (GDestroyNotify) lectern_matrix_free, G_OBJECT (self), cooccurrence_done);
}

void
lectern_cooccurrence_view_set_within (LecternCooccurrenceView *self,
                                      LecternCooccurrence      within)
{
  g_return_if_fail (LECTERN_IS_COOCCURRENCE_VIEW (self));
  gtk_drop_down_set_selected (self->within_dropdown, within == LECTERN_COOCCURRENCE_PARAGRAPH ? 1 : 0);
}

/* ------------------------------------------------------------------ */
/* Where two codes meet */

typedef struct
{
  gint64 id;
  gint64 document_id;
  glong  start, end;
  guint  first, last;   /* paragraphs touched */
} Passage;

static GArray *
list_passages (LecternProject *project,
               gint64          tag_id,
               GError        **error)
{
  g_autoptr(GListModel) annotations = lectern_project_list_annotations (project, 0, tag_id, FALSE, error);
  GArray *passages;
  guint n;

  if (annotations == NULL)
    return NULL;
  n = g_list_model_get_n_items (annotations);
  passages = g_array_sized_new (FALSE, TRUE, sizeof (Passage), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (annotations, i);
      Passage p = { lectern_annotation_get_id (a), lectern_annotation_get_document_id (a),
                    lectern_annotation_get_start (a), lectern_annotation_get_end (a), 0, 0 };

      g_array_append_val (passages, p);
    }
  return passages;
}

typedef struct
{
  LecternProject    *project;
  gint64             document_id;
  char              *text;
  LecternParagraphs *paragraphs;
} Texts;

static gboolean
load_text (Texts  *texts,
           gint64  document_id)
{
  if (texts->document_id == document_id && texts->text != NULL)
    return TRUE;
  g_clear_pointer (&texts->text, g_free);
  g_clear_pointer (&texts->paragraphs, lectern_paragraphs_free);
  texts->document_id = document_id;
  texts->text = lectern_project_dup_text (texts->project, document_id, NULL);
  if (texts->text == NULL)
    return FALSE;
  texts->paragraphs = lectern_paragraphs_new (texts->text);
  return TRUE;
}

static void
cell_activated_cb (LecternCooccurrenceView *self,
                   guint                    row,
                   guint                    column,
                   GtkWidget               *cell)
{
  LecternProject *project = lectern_analysis_runner_get_project (self->runner);
  const LecternMatrix *matrix = lectern_heat_table_get_matrix (self->table);
  LecternCooccurrence within = current_within (self);
  g_autoptr(GPtrArray) passages = g_ptr_array_new_with_free_func (lectern_passage_popover_free_passage);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
  g_autoptr(GArray) xs = NULL;
  g_autoptr(GArray) ys = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  Texts texts = { project, 0, NULL, NULL };

  if (project == NULL || matrix == NULL)
    return;
  xs = list_passages (project, g_array_index (matrix->row_ids, gint64, row), &error);
  if (xs != NULL)
    ys = list_passages (project, g_array_index (matrix->column_ids, gint64, column), &error);
  if (ys == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  /* Both lists are in reading order: a document's passages are a run. */
  for (guint i = 0; i < xs->len; i++)
    for (guint j = 0; j < ys->len; j++)
      {
        Passage *p = &g_array_index (xs, Passage, i);
        Passage *q = &g_array_index (ys, Passage, j);
        gint64 key[2];
        LecternRetrieved *meeting;
        glong start, end;

        if (p->id == q->id || p->document_id != q->document_id)
          continue;
        if (within == LECTERN_COOCCURRENCE_OVERLAP)
          {
            start = MAX (p->start, q->start);
            end = MIN (p->end, q->end);
            if (start >= end)
              continue;
          }
        else
          {
            guint pf, pl, qf, ql;

            if (!load_text (&texts, p->document_id)
                || !lectern_paragraphs_span (texts.paragraphs, p->start, p->end, &pf, &pl)
                || !lectern_paragraphs_span (texts.paragraphs, q->start, q->end, &qf, &ql)
                || pl < qf || ql < pf)
              continue;
            start = MIN (p->start, q->start);
            end = MAX (p->end, q->end);
          }
        /* A pair once, whichever of its passages carries which code. */
        key[0] = MIN (p->id, q->id);
        key[1] = MAX (p->id, q->id);
        if (!g_hash_table_add (pairs, g_bytes_new (key, sizeof key)))
          continue;
        if (!load_text (&texts, p->document_id))
          continue;
        meeting = g_new0 (LecternRetrieved, 1);
        meeting->document_id = p->document_id;
        meeting->start = start;
        meeting->end = end;
        meeting->quote = g_utf8_substring (texts.text, start, end);
        g_ptr_array_add (passages, meeting);
      }
  g_free (texts.text);
  g_clear_pointer (&texts.paragraphs, lectern_paragraphs_free);

  /* Translators: two codes' paths */
  heading = g_strdup_printf (_("%s with %s"), (char *) g_ptr_array_index (matrix->row_labels, row),
                             (char *) g_ptr_array_index (matrix->column_labels, column));
  /* At the cell; at the table's middle when the cell is not on screen. */
  lectern_passage_popover_popup_at (self->popover, cell, cell == GTK_WIDGET (self->table), heading, project,
                                    g_steal_pointer (&passages));
}

/* ------------------------------------------------------------------ */
/* Export */

gboolean
lectern_cooccurrence_view_export_csv (LecternCooccurrenceView  *self,
                                      GFile                    *file,
                                      GError                  **error)
{
  g_return_val_if_fail (LECTERN_IS_COOCCURRENCE_VIEW (self), FALSE);
  return lectern_heat_view_export_csv (LECTERN_HEAT_VIEW (self), file, error);
}

/* ------------------------------------------------------------------ */

GtkWidget *
lectern_cooccurrence_view_new (void)
{
  return g_object_new (LECTERN_TYPE_COOCCURRENCE_VIEW, NULL);
}

static void
project_changed (LecternAnalysisView *view)
{
  LecternCooccurrenceView *self = (LecternCooccurrenceView *) view;

  lectern_heat_table_set_matrix (self->table, NULL, LECTERN_HEAT_COUNT);
  run (self);
}

LecternProject *
lectern_cooccurrence_view_get_project (LecternCooccurrenceView *self)
{
  g_return_val_if_fail (LECTERN_IS_COOCCURRENCE_VIEW (self), NULL);
  return lectern_analysis_view_get_project (LECTERN_ANALYSIS_VIEW (self));
}

void
lectern_cooccurrence_view_set_project (LecternCooccurrenceView *self,
                                       LecternProject          *project)
{
  g_return_if_fail (LECTERN_IS_COOCCURRENCE_VIEW (self));
  lectern_analysis_view_set_project (LECTERN_ANALYSIS_VIEW (self), project);
}

gboolean
lectern_cooccurrence_view_get_busy (LecternCooccurrenceView *self)
{
  g_return_val_if_fail (LECTERN_IS_COOCCURRENCE_VIEW (self), FALSE);
  return lectern_analysis_view_get_busy (LECTERN_ANALYSIS_VIEW (self));
}

LecternHeatTable *
lectern_cooccurrence_view_get_table (LecternCooccurrenceView *self)
{
  g_return_val_if_fail (LECTERN_IS_COOCCURRENCE_VIEW (self), NULL);
  return self->table;
}

LecternPassagePopover *
lectern_cooccurrence_view_get_popover (LecternCooccurrenceView *self)
{
  g_return_val_if_fail (LECTERN_IS_COOCCURRENCE_VIEW (self), NULL);
  return self->popover;
}

static void
lectern_cooccurrence_view_dispose (GObject *object)
{
  LecternCooccurrenceView *self = LECTERN_COOCCURRENCE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_COOCCURRENCE_VIEW);

  G_OBJECT_CLASS (lectern_cooccurrence_view_parent_class)->dispose (object);
}

static void
lectern_cooccurrence_view_class_init (LecternCooccurrenceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LecternAnalysisViewClass *analysis_class = LECTERN_ANALYSIS_VIEW_CLASS (klass);

  object_class->dispose = lectern_cooccurrence_view_dispose;

  analysis_class->project_changed = project_changed;

  lectern_heat_view_class_install_actions (LECTERN_HEAT_VIEW_CLASS (klass), "cooccurrence",
                                           N_("Export Code Co-occurrence"),
                                           /* Translators: a file name */
                                           N_("code-cooccurrence.csv"), N_("Code co-occurrence"));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-cooccurrence-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternCooccurrenceView, toasts);
  gtk_widget_class_bind_template_child (widget_class, LecternCooccurrenceView, within_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LecternCooccurrenceView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LecternCooccurrenceView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LecternCooccurrenceView, stack);
  gtk_widget_class_bind_template_child (widget_class, LecternCooccurrenceView, status_page);
  gtk_widget_class_bind_template_child (widget_class, LecternCooccurrenceView, table);
}

static void
lectern_cooccurrence_view_init (LecternCooccurrenceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->runner = lectern_heat_view_setup (LECTERN_HEAT_VIEW (self), self->table, self->toasts, self->spinner,
                                          self->cancel_button);
  self->popover = lectern_heat_view_get_popover (LECTERN_HEAT_VIEW (self));
  g_signal_connect_object (self->runner, "stale", G_CALLBACK (run), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table, "cell-activated", G_CALLBACK (cell_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->within_dropdown, "notify::selected", G_CALLBACK (run), self, G_CONNECT_SWAPPED);
}
