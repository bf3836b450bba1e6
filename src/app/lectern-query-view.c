/* lectern-query-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-corpus-filter.h"
#include "lectern-export.h"
#include "lectern-query-view.h"

/* Changes come in bursts: run once after. */
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

  LecternProject       *project;
  GSignalGroup         *project_signals;
  GListStore           *rows;
  GCancellable         *cancellable;
  guint                 serial;
  guint                 rerun_id;
  char                 *error;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (LecternQueryView, lectern_query_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PROJECT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { PASSAGE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  guint                  serial;
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
set_busy (LecternQueryView *self,
          gboolean          busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_visible (self->cancel_button, busy);
}

static void
show_error (LecternQueryView *self,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
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

static void
query_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LecternQueryView) self = user_data;
  Query *q = lectern_job_get_data (lectern_job_from_result (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = lectern_job_propagate (result, lectern_query_view_set_expression, &error);

  if (q->serial != self->serial || self->project == NULL)
    return;
  set_busy (self, FALSE);
  g_clear_object (&self->cancellable);
  if (rows == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_error (self, error->message);
      replace_rows (self, NULL);
      return;
    }
  show_error (self, NULL);
  replace_rows (self, rows);
}

static void
cancel_query (LecternQueryView *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->serial++;
  set_busy (self, FALSE);
}

static void
run_query (LecternQueryView *self)
{
  g_autofree char *expression = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autoptr(LecternDocumentFilter) filter = NULL;
  g_autoptr(LecternJob) job = NULL;
  g_autoptr(GError) error = NULL;
  guint n_filters = lectern_corpus_filter_get_n_active (self->filter);
  g_autofree char *filter_label = n_filters > 0 ? g_strdup_printf (_("Filters (%u)"), n_filters)
                                                : g_strdup (_("Filters"));
  Query *q;

  g_clear_handle_id (&self->rerun_id, g_source_remove);
  cancel_query (self);
  gtk_menu_button_set_label (self->filter_button, filter_label);
  if (self->project == NULL || expression[0] == '\0')
    {
      show_error (self, NULL);
      replace_rows (self, NULL);
      return;
    }
  filter = lectern_corpus_filter_dup_filter (self->filter, &error);
  if (filter == NULL)
    {
      show_error (self, error->message);
      replace_rows (self, NULL);
      return;
    }

  q = g_new0 (Query, 1);
  q->serial = self->serial;
  q->expression = g_steal_pointer (&expression);
  q->filter = g_steal_pointer (&filter);
  q->documents = gtk_toggle_button_get_active (self->documents_toggle);
  self->cancellable = g_cancellable_new ();
  job = lectern_job_new (lectern_project_get_file (self->project), query_run, q, query_free,
                         (GDestroyNotify) g_ptr_array_unref);
  set_busy (self, TRUE);
  lectern_job_run_async (job, lectern_query_view_set_expression, self->cancellable,
                         query_done_cb, g_object_ref (self));
}

static gboolean
rerun_cb (gpointer data)
{
  LecternQueryView *self = data;

  self->rerun_id = 0;
  run_query (self);
  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (LecternQueryView *self,
                    guint             what,
                    gint64            document_id,
                    LecternProject   *project)
{
  if (!(what & (LECTERN_CHANGE_DOCUMENTS | LECTERN_CHANGE_TAGS | LECTERN_CHANGE_ANNOTATIONS)) ||
      gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] == '\0')
    return;
  g_clear_handle_id (&self->rerun_id, g_source_remove);
  self->rerun_id = g_timeout_add (RERUN_DELAY_MS, rerun_cb, self);
}

/* Typing: run when the typing pauses, not at each half-written code. */
static void
entry_changed_cb (LecternQueryView *self)
{
  g_clear_handle_id (&self->rerun_id, g_source_remove);
  self->rerun_id = g_timeout_add (RERUN_DELAY_MS, rerun_cb, self);
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
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->column_view, col);
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

static void
chooser_response_cb (GtkNativeDialog  *native,
                     int               response,
                     LecternQueryView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) error = NULL;
  gboolean documents = gtk_toggle_button_get_active (self->documents_toggle);
  const char *header[] = { _("Document ID"), _("Document"), _("Start"), _("End"), _("Tags"), _("Quote") };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  csv = g_string_new (NULL);
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
  if (!lectern_csv_table_save (csv, file, &error))
    {
      g_autofree char *title = g_strdup_printf ("%s: %s", _("Could not export the results"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
    }
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Results exported")));
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  LecternQueryView *self = LECTERN_QUERY_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Results"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("query.csv"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  cancel_query (LECTERN_QUERY_VIEW (widget));
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
  g_signal_group_set_target (self->project_signals, project);
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

  return self->cancellable != NULL || self->rerun_id != 0;
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

  cancel_query (self);
  g_clear_handle_id (&self->rerun_id, g_source_remove);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_QUERY_VIEW);
  g_clear_object (&self->project_signals);
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

  self->project_signals = g_signal_group_new (LECTERN_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);

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
  set_busy (self, FALSE);
  replace_rows (self, NULL);
}

GtkWidget *
lectern_query_view_new (LecternProject *project)
{
  return g_object_new (LECTERN_TYPE_QUERY_VIEW, "project", project, NULL);
}
