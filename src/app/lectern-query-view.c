/* lectern-query-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-analysis-files.h"
#include "lectern-analysis-runner.h"
#include "lectern-corpus-filter.h"
#include "lectern-export.h"
#include "lectern-query-view.h"
#include "lectern-search-page.h"

/* Changes come in bursts, typing too: run once after. */
#define RERUN_DELAY_MS 200
/* Code points of context shown either side of a passage. */
#define CONTEXT_CHARS 40

enum { COLUMN_DOCUMENT, COLUMN_PASSAGE, COLUMN_TAGS, N_COLUMNS };

/* One result as a list item: a passage found (start < end), or a
 * document (start = end = -1). Made in the worker, titles included. */
#define ROW_TYPE (row_get_type ())
G_DECLARE_FINAL_TYPE (Row, row, LECTERN_QUERY, ROW, GObject)

struct _Row
{
  GObject  parent_instance;
  gint64   document_id;
  glong    start, end;
  char    *title;
  char    *quote;
  char    *prefix;   /* a few words of context either side, one line */
  char    *suffix;
  char    *tags;
};

G_DEFINE_FINAL_TYPE (Row, row, G_TYPE_OBJECT)

static void
row_finalize (GObject *object)
{
  Row *self = LECTERN_QUERY_ROW (object);

  g_free (self->title);
  g_free (self->quote);
  g_free (self->prefix);
  g_free (self->suffix);
  g_free (self->tags);
  G_OBJECT_CLASS (row_parent_class)->finalize (object);
}

static void
row_class_init (RowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = row_finalize;
}

static void
row_init (Row *self)
{
  self->start = self->end = -1;
}

struct _LecternQueryView
{
  GtkWidget             parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkEntry             *entry;
  GtkMenuButton        *filter_button;
  LecternCorpusFilter  *filter;
  GtkToggleButton      *documents_toggle;
  GtkSpinner           *spinner;
  GtkWidget            *cancel_button;
  GtkLabel             *error_label;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkColumnView        *column_view;
  GtkLabel             *status_label;

  LecternProject        *project;
  LecternAnalysisRunner *runner;   /* the query, re-run on a change or typing */
  GListStore            *rows;
  char                  *error;
};

G_DEFINE_FINAL_TYPE (LecternQueryView, lectern_query_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PROJECT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { PASSAGE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  char                  *expression;
  LecternDocumentFilter *filter;
  gboolean               documents;
} Query;

static void
query_free (gpointer data)
{
  Query *q = data;

  g_free (q->expression);
  g_clear_pointer (&q->filter, lectern_document_filter_free);
  g_free (q);
}

/* A document as a person tells it from the others (two versions share a
 * title), from @labels (lectern_document_labels_new ()). */
static char *
dup_title (GHashTable *labels,
           gint64      document_id)
{
  const char *label = labels ? lectern_document_labels_lookup (labels, document_id) : NULL;

  return label ? g_strdup (label) : g_strdup_printf ("#%" G_GINT64_FORMAT, document_id);
}

static gpointer
query_run (LecternJob     *job,
           LecternProject *project,
           gpointer        data,
           GCancellable   *cancellable,
           GError        **error)
{
  Query *q = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) documents = lectern_project_list_documents (project, NULL);
  g_autoptr(GHashTable) labels = documents ? lectern_document_labels_new (documents) : NULL;

  if (q->documents)
    {
      g_autoptr(GArray) ids = lectern_project_retrieve_documents (project, q->expression, q->filter,
                                                                  cancellable, error);

      if (ids == NULL)
        return NULL;
      for (guint i = 0; i < ids->len; i++)
        {
          Row *row = g_object_new (ROW_TYPE, NULL);

          row->document_id = g_array_index (ids, gint64, i);
          row->title = dup_title (labels, row->document_id);
          g_ptr_array_add (rows, row);
        }
    }
  else
    {
      g_autoptr(GPtrArray) found = lectern_project_retrieve (project, q->expression, q->filter,
                                                             cancellable, error);
      g_autofree char *text = NULL;
      gint64 text_id = 0;
      glong length = 0;

      if (found == NULL)
        return NULL;
      for (guint i = 0; i < found->len; i++)
        {
          const LecternRetrieved *r = g_ptr_array_index (found, i);
          Row *row = g_object_new (ROW_TYPE, NULL);

          row->document_id = r->document_id;
          row->start = r->start;
          row->end = r->end;
          row->title = dup_title (labels, r->document_id);
          row->quote = g_strdup (r->quote);
          row->tags = g_strdup (r->tags);
          /* Results come in reading order: one document's text at a time. */
          if (text_id != r->document_id)
            {
              g_free (text);
              text = lectern_project_dup_text (project, r->document_id, NULL);
              text_id = r->document_id;
              length = text ? lectern_text_length (text) : 0;
            }
          if (text != NULL && r->start <= r->end && r->end <= length)
            {
              row->prefix = lectern_text_slice (text, MAX (0, r->start - CONTEXT_CHARS), r->start);
              row->suffix = lectern_text_slice (text, r->end, MIN (length, r->end + CONTEXT_CHARS));
            }
          g_ptr_array_add (rows, row);
        }
    }
  return g_steal_pointer (&rows);
}

static void
replace_rows (LecternQueryView *self,
              GPtrArray        *rows)
{
  guint n = rows ? rows->len : 0;
  gboolean documents = gtk_toggle_button_get_active (self->documents_toggle);
  g_autofree char *status = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows ? rows->pdata : NULL, n);
  for (guint i = COLUMN_PASSAGE; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, i);

      gtk_column_view_column_set_visible (col, !documents);
    }

  if (documents)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n), n);
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", n), n);
  gtk_label_set_text (self->status_label, n > 0 ? status : "");

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "rows");
  else
    {
      gboolean typed = text[0] != '\0';

      adw_status_page_set_title (self->empty_page, typed ? _("Nothing Found") : _("Ask the Codes"));
      adw_status_page_set_description (self->empty_page,
                                       typed ? (self->error ? _("The query could not be read: see the reason above.")
                                                            : _("No passage answers this query with these filters."))
                                             : _("Combine codes: \"Claims/NATO\" AND \"Tone/Hostile\", "
                                                 "A OR B, A NOT B, A NEAR/1 B, A FOLLOWED-BY B, ( … )."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "query.export", n > 0);
}

/* A run's rows (transfer full), or why there are none: the entry turns
 * red too, for an expression that does not parse. */
static void
show_rows (gpointer      result,
           const GError *error,
           gpointer      user_data)
{
  LecternQueryView *self = user_data;
  g_autoptr(GPtrArray) rows = result;

  lectern_search_page_show_error (self->error_label, &self->error, error);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  replace_rows (self, rows);
}

static void
run_query (LecternQueryView *self)
{
  g_autofree char *expression = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autoptr(GError) error = NULL;
  LecternDocumentFilter *filter = lectern_search_page_begin (self->runner, self->filter_button,
                                                             self->filter, expression, &error);
  Query *q;

  if (filter == NULL)
    {
      show_rows (NULL, error, self);
      return;
    }

  q = g_new0 (Query, 1);
  q->expression = g_steal_pointer (&expression);
  q->filter = filter;
  q->documents = gtk_toggle_button_get_active (self->documents_toggle);
  lectern_analysis_runner_start (self->runner, query_run, q, query_free, (GDestroyNotify) g_ptr_array_unref,
                                 G_OBJECT (self), show_rows);
}

/* Typing: run when the typing pauses, not at each half-written code. */
static void
entry_changed_cb (LecternQueryView *self)
{
  lectern_analysis_runner_schedule (self->runner);
}

/* ------------------------------------------------------------------ */

char *
lectern_query_view_dup_cell_text (LecternQueryView *self,
                                  guint             position,
                                  guint             column)
{
  g_autoptr(Row) row = NULL;

  g_return_val_if_fail (LECTERN_IS_QUERY_VIEW (self), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  if (row == NULL)
    return NULL;
  switch (column)
    {
    case COLUMN_DOCUMENT:
      return g_strdup (row->title);
    case COLUMN_PASSAGE:
      return g_strdelimit (g_strdup (row->quote ? row->quote : ""), "\n\t\r", ' ');
    case COLUMN_TAGS:
      return g_strdup (row->tags ? row->tags : "");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), column == COLUMN_DOCUMENT ? PANGO_ELLIPSIZE_MIDDLE : PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), column == COLUMN_PASSAGE ? 40 : 14);
  if (column != COLUMN_PASSAGE)
    gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  if (column != COLUMN_PASSAGE)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  Row *row = gtk_list_item_get_item (item);
  const char *text = column == COLUMN_DOCUMENT ? row->title : column == COLUMN_TAGS ? row->tags : row->quote;
  g_autofree char *flat = g_strdelimit (g_strdup (text ? text : ""), "\n\t\r", ' ');

  if (column == COLUMN_PASSAGE && row->prefix != NULL)
    {
      /* The passage in bold between its context, as the passages window shows it. */
      g_autofree char *prefix = g_strdelimit (g_strdup (row->prefix), "\n\t\r", ' ');
      g_autofree char *suffix = g_strdelimit (g_strdup (row->suffix ? row->suffix : ""), "\n\t\r", ' ');
      g_autofree char *markup = g_markup_printf_escaped ("<span alpha=\"70%%\">…%s</span><b>%s</b>"
                                                         "<span alpha=\"70%%\">%s…</span>",
                                                         prefix, flat, suffix);

      gtk_label_set_markup (GTK_LABEL (label), markup);
    }
  else
    gtk_label_set_text (GTK_LABEL (label), flat);
  gtk_widget_set_tooltip_text (label, column == COLUMN_PASSAGE ? text : NULL);
}

static void
add_column (LecternQueryView *self,
            guint             column,
            const char       *title,
            gboolean          expand)
{
  lectern_search_page_add_column (self->column_view, column, title, expand,
                                  G_CALLBACK (cell_setup_cb), G_CALLBACK (cell_bind_cb));
}

void
lectern_query_view_activate_row (LecternQueryView *self,
                                 guint             position)
{
  g_autoptr(Row) row = NULL;

  g_return_if_fail (LECTERN_IS_QUERY_VIEW (self));

  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  if (row != NULL)
    g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, row->document_id,
                   MAX (row->start, 0), MAX (row->end, 0));
}

static void
row_activate_cb (LecternQueryView *self,
                 guint             position)
{
  lectern_query_view_activate_row (self, position);
}

/* lectern_search_page_save_csv() says how it went in a toast. */
static gboolean
export_file (GtkWidget  *widget,
             GFile      *file,
             GError    **error)
{
  LecternQueryView *self = LECTERN_QUERY_VIEW (widget);
  g_autoptr(GString) csv = g_string_new (NULL);
  gboolean documents = gtk_toggle_button_get_active (self->documents_toggle);
  const char *header[] = { _("Document ID"), _("Document"), _("Start"), _("End"), _("Tags"), _("Quote") };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  lectern_csv_table_append_row (csv, header, documents ? 2 : G_N_ELEMENTS (header));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(Row) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, row->document_id);
      g_autofree char *start = g_strdup_printf ("%ld", row->start);
      g_autofree char *end = g_strdup_printf ("%ld", row->end);
      const char *cells[] = { id, row->title, start, end, row->tags, row->quote };

      lectern_csv_table_append_row (csv, cells, documents ? 2 : G_N_ELEMENTS (cells));
    }
  lectern_search_page_save_csv (self->toast_overlay, csv, file, _("Could not export the results"),
                                _("Results exported"));
  return TRUE;
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  lectern_analysis_export (widget, LECTERN_QUERY_VIEW (widget)->toast_overlay, _("Export Results"), _("query.csv"), _("CSV"), "csv", export_file);
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  lectern_analysis_runner_cancel (LECTERN_QUERY_VIEW (widget)->runner);
}

/* ------------------------------------------------------------------ */

LecternProject *
lectern_query_view_get_project (LecternQueryView *self)
{
  g_return_val_if_fail (LECTERN_IS_QUERY_VIEW (self), NULL);

  return self->project;
}

void
lectern_query_view_set_project (LecternQueryView *self,
                                LecternProject   *project)
{
  g_return_if_fail (LECTERN_IS_QUERY_VIEW (self));
  g_return_if_fail (project == NULL || LECTERN_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  lectern_analysis_runner_set_project (self->runner, project);
  lectern_corpus_filter_set_project (self->filter, project);
  run_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
lectern_query_view_set_expression (LecternQueryView *self,
                                   const char       *expression)
{
  g_return_if_fail (LECTERN_IS_QUERY_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), expression ? expression : "");
  run_query (self);
}

void
lectern_query_view_set_list_documents (LecternQueryView *self,
                                       gboolean          list_documents)
{
  g_return_if_fail (LECTERN_IS_QUERY_VIEW (self));

  gtk_toggle_button_set_active (self->documents_toggle, list_documents);
}

gboolean
lectern_query_view_get_busy (LecternQueryView *self)
{
  g_return_val_if_fail (LECTERN_IS_QUERY_VIEW (self), FALSE);

  return lectern_analysis_runner_get_busy (self->runner) || lectern_analysis_runner_get_pending (self->runner);
}

guint
lectern_query_view_get_n_rows (LecternQueryView *self)
{
  g_return_val_if_fail (LECTERN_IS_QUERY_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

const char *
lectern_query_view_get_error (LecternQueryView *self)
{
  g_return_val_if_fail (LECTERN_IS_QUERY_VIEW (self), NULL);

  return self->error;
}

/* Focus goes to the expression: the page is for typing one. */
static gboolean
lectern_query_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (LECTERN_QUERY_VIEW (widget)->entry));
}

static void
lectern_query_view_dispose (GObject *object)
{
  LecternQueryView *self = LECTERN_QUERY_VIEW (object);

  if (self->runner != NULL)
    lectern_analysis_runner_reset (self->runner);
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_QUERY_VIEW);
  g_clear_object (&self->runner);
  g_clear_object (&self->rows);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (lectern_query_view_parent_class)->dispose (object);
}

static void
lectern_query_view_finalize (GObject *object)
{
  LecternQueryView *self = LECTERN_QUERY_VIEW (object);

  g_free (self->error);
  G_OBJECT_CLASS (lectern_query_view_parent_class)->finalize (object);
}

static void
lectern_query_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LecternQueryView *self = LECTERN_QUERY_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_query_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LecternQueryView *self = LECTERN_QUERY_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      lectern_query_view_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_query_view_class_init (LecternQueryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_query_view_dispose;
  object_class->finalize = lectern_query_view_finalize;
  object_class->get_property = lectern_query_view_get_property;
  object_class->set_property = lectern_query_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, LECTERN_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_LONG, G_TYPE_LONG);

  g_type_ensure (LECTERN_TYPE_CORPUS_FILTER);
  widget_class->grab_focus = lectern_query_view_grab_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-query-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternQueryView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LecternQueryView, entry);
  gtk_widget_class_bind_template_child (widget_class, LecternQueryView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, LecternQueryView, filter);
  gtk_widget_class_bind_template_child (widget_class, LecternQueryView, documents_toggle);
  gtk_widget_class_bind_template_child (widget_class, LecternQueryView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LecternQueryView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LecternQueryView, error_label);
  gtk_widget_class_bind_template_child (widget_class, LecternQueryView, stack);
  gtk_widget_class_bind_template_child (widget_class, LecternQueryView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LecternQueryView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LecternQueryView, status_label);
  gtk_widget_class_bind_template_callback (widget_class, run_query);
  gtk_widget_class_bind_template_callback (widget_class, row_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "query.export", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "query.cancel", NULL, cancel_cb);
}

static void
lectern_query_view_init (LecternQueryView *self)
{
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->runner = lectern_analysis_runner_new (LECTERN_CHANGE_DOCUMENTS | LECTERN_CHANGE_TAGS |
                                              LECTERN_CHANGE_ANNOTATIONS);
  lectern_analysis_runner_set_delay (self->runner, RERUN_DELAY_MS);
  g_signal_connect_object (self->runner, "stale", G_CALLBACK (run_query), self, G_CONNECT_SWAPPED);
  lectern_search_page_bind_busy (self->runner, self->spinner, self->cancel_button);

  add_column (self, COLUMN_DOCUMENT, _("Document"), FALSE);
  add_column (self, COLUMN_PASSAGE, _("Passage"), TRUE);
  add_column (self, COLUMN_TAGS, _("Tags"), FALSE);

  self->rows = g_list_store_new (ROW_TYPE);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  lectern_corpus_filter_set_show_tag (self->filter, FALSE);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (run_query), self, G_CONNECT_SWAPPED);
  replace_rows (self, NULL);
}

GtkWidget *
lectern_query_view_new (LecternProject *project)
{
  return g_object_new (LECTERN_TYPE_QUERY_VIEW, "project", project, NULL);
}
