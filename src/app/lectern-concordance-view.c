/* lectern-concordance-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-concordance-view-private.h"
#include "lectern-corpus-filter.h"
#include "lectern-search-page.h"
#include "lectern-tag-picker.h"

/* A bound on what one query lists: the table stays responsive and the
 * status says when there were more. */
#define MAX_HITS 10000
#define RERUN_DELAY_MS 200



G_DEFINE_FINAL_TYPE (LecternConcordanceView, lectern_concordance_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PROJECT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { HIT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  char                   *query;
  LecternDocumentFilter  *filter;
  gint64                  tag_id;
  LecternConcordanceSort  sort;
} Query;

static void
query_free (gpointer data)
{
  Query *q = data;

  g_free (q->query);
  g_clear_pointer (&q->filter, lectern_document_filter_free);
  g_free (q);
}

static gpointer
query_run (LecternJob     *job,
           LecternProject *project,
           gpointer        data,
           GCancellable   *cancellable,
           GError        **error)
{
  Query *q = data;

  return lectern_project_concordance (project, q->query, q->filter, q->tag_id, q->sort,
                                      MAX_HITS + 1, cancellable, error);
}

/* The hit's document as a person tells it from the others. */
const char *
_lectern_concordance_view_document_label (LecternConcordanceView *self,
                LecternSearchHit       *hit)
{
  const char *label = self->labels ? lectern_document_labels_lookup (self->labels, lectern_search_hit_get_document_id (hit))
                                   : NULL;

  return label ? label : lectern_search_hit_get_title (hit);
}

/* Core's context: code points either side of the match. */
#define CONTEXT_CHARS 40

/* One line: a context's line breaks and runs of spaces read as one space. */
char *
_lectern_concordance_view_flatten (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        {
          space = TRUE;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  if (space)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

/* A context as the table shows it: flattened, and where core cut it in
 * the middle of a word (a full-length context), that piece of a word
 * left out for an ellipsis. */
static char *
shown_context (const char *text,
               gboolean    left)
{
  g_autofree char *flat = _lectern_concordance_view_flatten (text);
  const char *space;

  if (text == NULL || g_utf8_strlen (text, -1) < CONTEXT_CHARS)
    return g_steal_pointer (&flat);
  if (left && flat[0] != ' ' && (space = strchr (flat, ' ')) != NULL)
    return g_strconcat ("…", space, NULL);
  if (!left && !g_str_has_suffix (flat, " ") && (space = strrchr (flat, ' ')) != NULL && space != flat)
    {
      flat[space - flat] = '\0';
      return g_strconcat (flat, "…", NULL);
    }
  return g_steal_pointer (&flat);
}

static void
update_status (LecternConcordanceView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hits));
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *hits = NULL;
  g_autofree char *docs = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), i);
      gint64 *id = g_new (gint64, 1);

      *id = lectern_search_hit_get_document_id (hit);
      g_hash_table_add (documents, id);
    }

  if (n > MAX_HITS)
    hits = g_strdup_printf (_("More than %u hits"), (guint) MAX_HITS);
  else
    hits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hit", "%u hits", n), n);
  docs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u document", "in %u documents",
                                       g_hash_table_size (documents)),
                          g_hash_table_size (documents));
  g_free (self->status);
  self->status = n > 0 ? g_strdup_printf ("%s %s", hits, docs) : g_strdup ("");
  gtk_label_set_text (self->status_label, self->status);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "hits");
  else
    {
      g_autofree char *copy = g_strstrip (g_strdup (query));
      gboolean typed = copy[0] != '\0';

      adw_status_page_set_icon_name (self->empty_page, typed ? "edit-find-symbolic" : "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, typed ? _("No Hits") : _("Search the Corpus"));
      adw_status_page_set_description (self->empty_page,
                                       typed ? (self->error ? _("The query could not be read: see the reason above.")
                                                            : _("No document has these words with these filters."))
                                             : _("Type words to find them in every document, case and "
                                                 "accents ignored. Also “a phrase”, prefix*, a OR b, "
                                                 "and -word to leave a word out."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concordance.export", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concordance.code-all", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concordance.code-selected", n > 0);
  gtk_widget_set_sensitive (self->code_all_button, n > 0);
  gtk_widget_set_sensitive (self->code_selected_button, n > 0);
}

/* Puts @list in place of the hits, keeping the selected ones selected
 * where they still are (a re-run after a change). */
static void
replace_hits (LecternConcordanceView *self,
              GListModel             *list)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) reselect = gtk_bitset_new_empty ();
  guint n = list ? g_list_model_get_n_items (list) : 0;
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(LecternSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), position);

      if (hit != NULL)
        g_hash_table_add (keys, g_strdup_printf ("%" G_GINT64_FORMAT ":%ld",
                                                 lectern_search_hit_get_document_id (hit),
                                                 lectern_search_hit_get_start (hit)));
    }

  for (guint i = 0; i < n; i++)
    {
      LecternSearchHit *hit = g_list_model_get_item (list, i);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%ld",
                                              lectern_search_hit_get_document_id (hit),
                                              lectern_search_hit_get_start (hit));

      if (g_hash_table_contains (keys, key))
        gtk_bitset_add (reselect, i);
      g_ptr_array_add (items, hit);
    }
  g_clear_pointer (&self->labels, g_hash_table_unref);
  if (self->project != NULL)
    self->labels = lectern_document_labels_new (lectern_project_get_documents (self->project));
  g_list_store_splice (self->hits, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hits)),
                       items->pdata, items->len);
  if (!gtk_bitset_is_empty (reselect))
    gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), reselect, reselect);
  update_status (self);
}

/* A run's hits (transfer full), or why there are none. */
static void
show_hits (gpointer      result,
           const GError *error,
           gpointer      user_data)
{
  LecternConcordanceView *self = user_data;
  g_autoptr(GListModel) list = result;

  lectern_search_page_show_error (self->error_label, &self->error, error);
  replace_hits (self, list);
}

static void
run_query (LecternConcordanceView *self)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autoptr(GError) error = NULL;
  LecternDocumentFilter *filter = lectern_search_page_begin (self->runner, self->filter_button,
                                                             self->filter, query, &error);
  Query *q;

  if (filter == NULL)
    {
      show_hits (NULL, error, self);
      return;
    }

  q = g_new0 (Query, 1);
  q->query = g_steal_pointer (&query);
  q->filter = filter;
  q->tag_id = lectern_corpus_filter_get_tag_id (self->filter);
  q->sort = gtk_drop_down_get_selected (self->sort_dropdown);
  lectern_analysis_runner_start (self->runner, query_run, q, query_free, g_object_unref,
                                 G_OBJECT (self), show_hits);
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  lectern_analysis_runner_cancel (LECTERN_CONCORDANCE_VIEW (widget)->runner);
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

char *
lectern_concordance_view_dup_cell_text (LecternConcordanceView *self,
                                        guint                   position,
                                        guint                   column)
{
  g_autoptr(LecternSearchHit) hit = NULL;

  g_return_val_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self), NULL);

  hit = g_list_model_get_item (G_LIST_MODEL (self->hits), position);
  if (hit == NULL)
    return NULL;
  switch (column)
    {
    case COLUMN_DOCUMENT:
      return g_strdup (_lectern_concordance_view_document_label (self, hit));
    case COLUMN_LEFT:
      return shown_context (lectern_search_hit_get_left (hit), TRUE);
    case COLUMN_MATCH:
      return _lectern_concordance_view_flatten (lectern_search_hit_get_match (hit));
    case COLUMN_RIGHT:
      return shown_context (lectern_search_hit_get_right (hit), FALSE);
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

  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  switch (column)
    {
    case COLUMN_DOCUMENT:
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_width_chars (GTK_LABEL (label), 18);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_widget_add_css_class (label, "dim-label");
      break;
    case COLUMN_LEFT:
      /* The words nearest the match are the ones to keep. */
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_START);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
      break;
    case COLUMN_MATCH:
      gtk_label_set_xalign (GTK_LABEL (label), 0.5);
      gtk_widget_add_css_class (label, "concordance-match");
      break;
    case COLUMN_RIGHT:
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
      break;
    default:
      break;
    }
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  LecternSearchHit *hit = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;
  g_autofree char *tip = NULL;

  switch (column)
    {
    case COLUMN_DOCUMENT:
      {
        GtkWidget *view = gtk_widget_get_ancestor (label, LECTERN_TYPE_CONCORDANCE_VIEW);

        text = g_strdup (view ? _lectern_concordance_view_document_label (LECTERN_CONCORDANCE_VIEW (view), hit)
                              : lectern_search_hit_get_title (hit));
        tip = g_strdup (text);
      }
      break;
    case COLUMN_LEFT:
    case COLUMN_RIGHT:
      {
        /* The whole context in the tooltip, where the cell had to cut it. */
        g_autofree char *left = _lectern_concordance_view_flatten (lectern_search_hit_get_left (hit));
        g_autofree char *match = _lectern_concordance_view_flatten (lectern_search_hit_get_match (hit));
        g_autofree char *right = _lectern_concordance_view_flatten (lectern_search_hit_get_right (hit));

        text = shown_context (column == COLUMN_LEFT ? lectern_search_hit_get_left (hit)
                                                    : lectern_search_hit_get_right (hit),
                              column == COLUMN_LEFT);
        tip = g_strstrip (g_strconcat (left, match, right, NULL));
      }
      break;
    case COLUMN_MATCH:
      text = _lectern_concordance_view_flatten (lectern_search_hit_get_match (hit));
      break;
    default:
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, tip);
}

static void
add_column (LecternConcordanceView *self,
            guint                   column,
            const char             *title,
            gboolean                expand)
{
  lectern_search_page_add_column (self->column_view, column, title, expand,
                                  G_CALLBACK (cell_setup_cb), G_CALLBACK (cell_bind_cb));
}

void
lectern_concordance_view_activate_row (LecternConcordanceView *self,
                                       guint                   position)
{
  g_autoptr(LecternSearchHit) hit = NULL;

  g_return_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self));

  hit = g_list_model_get_item (G_LIST_MODEL (self->hits), position);
  if (hit != NULL)
    g_signal_emit (self, signals[HIT_ACTIVATED], 0, lectern_search_hit_get_document_id (hit),
                   lectern_search_hit_get_start (hit), lectern_search_hit_get_end (hit));
}

static void
row_activate_cb (LecternConcordanceView *self,
                 guint                   position)
{
  lectern_concordance_view_activate_row (self, position);
}

/* ------------------------------------------------------------------ */

LecternProject *
lectern_concordance_view_get_project (LecternConcordanceView *self)
{
  g_return_val_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self), NULL);

  return self->project;
}

void
lectern_concordance_view_set_project (LecternConcordanceView *self,
                                      LecternProject         *project)
{
  g_return_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self));
  g_return_if_fail (project == NULL || LECTERN_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  lectern_analysis_runner_set_project (self->runner, project);
  lectern_corpus_filter_set_project (self->filter, project);
  lectern_tag_picker_set_project (self->within_picker, project);
  lectern_tag_picker_set_project (self->selected_picker, project);
  lectern_tag_picker_set_project (self->all_picker, project);
  self->within_tag_id = 0;
  _lectern_concordance_view_update_within_button (self);
  run_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
lectern_concordance_view_set_query (LecternConcordanceView *self,
                                    const char             *query)
{
  g_return_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), query ? query : "");
  run_query (self);
}

void
lectern_concordance_view_set_sort (LecternConcordanceView *self,
                                   LecternConcordanceSort  sort)
{
  g_return_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self));

  gtk_drop_down_set_selected (self->sort_dropdown, sort);
}

void
lectern_concordance_view_set_scope (LecternConcordanceView *self,
                                    LecternAutocodeScope    scope)
{
  g_return_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self));

  gtk_drop_down_set_selected (self->scope_dropdown, scope);
}

void
lectern_concordance_view_set_within_tag (LecternConcordanceView *self,
                                         gint64                  tag_id)
{
  g_return_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self));

  self->within_tag_id = tag_id;
  _lectern_concordance_view_update_within_button (self);
}

gboolean
lectern_concordance_view_get_busy (LecternConcordanceView *self)
{
  g_return_val_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self), FALSE);

  return lectern_analysis_runner_get_busy (self->runner) || lectern_analysis_runner_get_pending (self->runner);
}

GListModel *
lectern_concordance_view_get_hits (LecternConcordanceView *self)
{
  g_return_val_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self), NULL);

  return G_LIST_MODEL (self->hits);
}

GtkSelectionModel *
lectern_concordance_view_get_selection (LecternConcordanceView *self)
{
  g_return_val_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

const char *
lectern_concordance_view_get_error (LecternConcordanceView *self)
{
  g_return_val_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self), NULL);

  return self->error;
}

const char *
lectern_concordance_view_get_status (LecternConcordanceView *self)
{
  g_return_val_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self), NULL);

  return self->status ? self->status : "";
}

GtkWidget *
lectern_concordance_view_get_filter (LecternConcordanceView *self)
{
  g_return_val_if_fail (LECTERN_IS_CONCORDANCE_VIEW (self), NULL);

  return GTK_WIDGET (self->filter);
}

/* Focus goes to the query: the page is for typing one. */
static gboolean
lectern_concordance_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (LECTERN_CONCORDANCE_VIEW (widget)->entry));
}

static void
lectern_concordance_view_dispose (GObject *object)
{
  LecternConcordanceView *self = LECTERN_CONCORDANCE_VIEW (object);

  if (self->runner != NULL)
    lectern_analysis_runner_reset (self->runner);
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_CONCORDANCE_VIEW);
  g_clear_object (&self->runner);
  g_clear_object (&self->selection);
  g_clear_object (&self->hits);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (lectern_concordance_view_parent_class)->dispose (object);
}

static void
lectern_concordance_view_finalize (GObject *object)
{
  LecternConcordanceView *self = LECTERN_CONCORDANCE_VIEW (object);

  g_free (self->error);
  g_free (self->status);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  G_OBJECT_CLASS (lectern_concordance_view_parent_class)->finalize (object);
}

static void
lectern_concordance_view_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  LecternConcordanceView *self = LECTERN_CONCORDANCE_VIEW (object);

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
lectern_concordance_view_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  LecternConcordanceView *self = LECTERN_CONCORDANCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      lectern_concordance_view_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_concordance_view_class_init (LecternConcordanceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_concordance_view_dispose;
  object_class->finalize = lectern_concordance_view_finalize;
  object_class->get_property = lectern_concordance_view_get_property;
  object_class->set_property = lectern_concordance_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, LECTERN_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_LONG, G_TYPE_LONG);

  g_type_ensure (LECTERN_TYPE_CORPUS_FILTER);
  g_type_ensure (LECTERN_TYPE_TAG_PICKER);
  widget_class->grab_focus = lectern_concordance_view_grab_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-concordance-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, entry);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, filter);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, error_label);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, stack);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, status_label);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, within_button);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, within_picker);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, selected_picker);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, all_picker);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, code_selected_button);
  gtk_widget_class_bind_template_child (widget_class, LecternConcordanceView, code_all_button);
  gtk_widget_class_bind_template_callback (widget_class, run_query);
  gtk_widget_class_bind_template_callback (widget_class, row_activate_cb);

  gtk_widget_class_install_action (widget_class, "concordance.cancel", NULL, cancel_cb);
  _lectern_concordance_view_class_init_actions (widget_class);
}

static void
lectern_concordance_view_init (LecternConcordanceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Changes come in bursts (a batch, typing a note): run once after. */
  self->runner = lectern_analysis_runner_new (LECTERN_CHANGE_DOCUMENTS | LECTERN_CHANGE_TAGS |
                                              LECTERN_CHANGE_ANNOTATIONS);
  lectern_analysis_runner_set_delay (self->runner, RERUN_DELAY_MS);
  g_signal_connect_object (self->runner, "stale", G_CALLBACK (run_query), self, G_CONNECT_SWAPPED);
  lectern_search_page_bind_busy (self->runner, self->spinner, self->cancel_button);

  add_column (self, COLUMN_DOCUMENT, _("Document"), FALSE);
  add_column (self, COLUMN_LEFT, _("Left Context"), TRUE);
  add_column (self, COLUMN_MATCH, _("Match"), FALSE);
  add_column (self, COLUMN_RIGHT, _("Right Context"), TRUE);

  self->hits = g_list_store_new (LECTERN_TYPE_SEARCH_HIT);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->hits)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  lectern_corpus_filter_set_show_tag (self->filter, TRUE);
  lectern_tag_picker_set_can_create (self->within_picker, FALSE);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (run_query), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_dropdown, "notify::selected", G_CALLBACK (run_query), self, G_CONNECT_SWAPPED);
  _lectern_concordance_view_update_within_button (self);
  update_status (self);
}

GtkWidget *
lectern_concordance_view_new (LecternProject *project)
{
  return g_object_new (LECTERN_TYPE_CONCORDANCE_VIEW, "project", project, NULL);
}
