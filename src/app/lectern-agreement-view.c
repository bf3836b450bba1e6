/* lectern-agreement-view.c
 *
 * The measure is compare's (lectern_coder_agreement_measure()) in a job on
 * a worker connection, as `lectern-cli agreement` runs it: the table and
 * the disagreements are the same numbers. The rows are sorted by a
 * GtkMultiSorter whose first sorter keeps the overall row last, whatever
 * the column and direction the user sorts by.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "lectern-agreement-view.h"
#include "lectern-analysis-files.h"
#include "lectern-compare.h"
#include "lectern-export.h"

/* A disagreement's text, cut to this many characters each side. */
#define QUOTE_CHARS 80

/* ------------------------------------------------------------------ */
/* Items                                                               */

#define ROW_TYPE_ITEM (row_item_get_type ())
G_DECLARE_FINAL_TYPE (RowItem, row_item, ROW, ITEM, GObject)

/* One row of the table: a copy of the measure's row, and its index in
 * LecternAgreement.rows (the disagreements name it). */
struct _RowItem
{
  GObject             parent_instance;
  LecternAgreementRow row;
  guint               index;
  gboolean            overall;
};

G_DEFINE_FINAL_TYPE (RowItem, row_item, G_TYPE_OBJECT)

static void
row_item_finalize (GObject *object)
{
  g_free (ROW_ITEM (object)->row.path);
  G_OBJECT_CLASS (row_item_parent_class)->finalize (object);
}

static void
row_item_class_init (RowItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = row_item_finalize;
}

static void
row_item_init (RowItem *self)
{
}

#define DISAGREEMENT_TYPE_ITEM (disagreement_item_get_type ())
G_DECLARE_FINAL_TYPE (DisagreementItem, disagreement_item, DISAGREEMENT, ITEM, GObject)

struct _DisagreementItem
{
  GObject  parent_instance;
  guint    index;       /* in LecternAgreement.disagreements */
  gint64   document_id;
  glong    start, end;
  char    *title;
  char    *quote;       /* one line, cut */
  char    *coder;
};

G_DEFINE_FINAL_TYPE (DisagreementItem, disagreement_item, G_TYPE_OBJECT)

static void
disagreement_item_finalize (GObject *object)
{
  DisagreementItem *self = DISAGREEMENT_ITEM (object);

  g_free (self->title);
  g_free (self->quote);
  g_free (self->coder);
  G_OBJECT_CLASS (disagreement_item_parent_class)->finalize (object);
}

static void
disagreement_item_class_init (DisagreementItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = disagreement_item_finalize;
}

static void
disagreement_item_init (DisagreementItem *self)
{
}

/* ------------------------------------------------------------------ */

struct _LecternAgreementView
{
  LecternAnalysisView    parent_instance;

  AdwToastOverlay       *toasts;
  GtkDropDown           *coder_a_dropdown;
  GtkDropDown           *coder_b_dropdown;
  GtkSpinner            *spinner;
  GtkWidget             *cancel_button;
  GtkStack              *stack;
  AdwStatusPage         *status_page;
  GtkLabel              *summary_label;
  GtkColumnView         *table_view;
  GtkLabel              *disagreements_title;
  GtkColumnView         *disagreements_view;

  LecternAnalysisRunner *runner;     /* the parent's */
  GArray                *coder_ids;  /* gint64, as the dropdowns list them */
  GtkStringList         *coder_names;
  gboolean               filling;    /* the dropdowns are being refilled */
  LecternAgreement      *agreement;  /* the last measure, or NULL */
  GListStore            *rows;       /* RowItem */
  GtkSortListModel      *sorted;
  GListStore            *disagreements; /* DisagreementItem of one code */
  gint64                 shown_tag;  /* whose disagreements are listed; -1: none */
};

G_DEFINE_FINAL_TYPE (LecternAgreementView, lectern_agreement_view, LECTERN_TYPE_ANALYSIS_VIEW)

enum { PASSAGE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static double
row_value (const LecternAgreementRow *row,
           LecternAgreementColumn     column)
{
  switch (column)
    {
    case LECTERN_AGREEMENT_COLUMN_AGREEMENT:   return row->agreement;
    case LECTERN_AGREEMENT_COLUMN_KAPPA:       return row->kappa;
    case LECTERN_AGREEMENT_COLUMN_ALPHA:       return row->alpha;
    case LECTERN_AGREEMENT_COLUMN_A_CHARS:     return (double) row->a_chars;
    case LECTERN_AGREEMENT_COLUMN_B_CHARS:     return (double) row->b_chars;
    case LECTERN_AGREEMENT_COLUMN_BOTH_CHARS:  return (double) row->both_chars;
    case LECTERN_AGREEMENT_COLUMN_CODED_KAPPA: return row->coded_kappa;
    case LECTERN_AGREEMENT_COLUMN_U_ALPHA:     return row->u_alpha;
    case LECTERN_AGREEMENT_COLUMN_MATCHED:     return row->matched;
    case LECTERN_AGREEMENT_COLUMN_CODE:
    case LECTERN_AGREEMENT_N_VIEW_COLUMNS:
    default:
      return NAN;
    }
}

static gboolean
is_count (LecternAgreementColumn column)
{
  return column == LECTERN_AGREEMENT_COLUMN_A_CHARS || column == LECTERN_AGREEMENT_COLUMN_B_CHARS ||
         column == LECTERN_AGREEMENT_COLUMN_BOTH_CHARS;
}

/* What a cell shows: fractions to 3 decimals in the user's locale, "–"
 * where the measure is undefined for the data. */
static char *
cell_text (RowItem                *item,
           LecternAgreementColumn  column)
{
  double value;

  if (column == LECTERN_AGREEMENT_COLUMN_CODE)
    return g_strdup (item->overall ? _("All codes") : item->row.path);
  value = row_value (&item->row, column);
  if (is_count (column))
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  if (isnan (value))
    return g_strdup ("–");
  return g_strdup_printf ("%.3f", value);
}

/* The headers; docs/agreement.md says what each measures. */
static const char *column_titles[LECTERN_AGREEMENT_N_VIEW_COLUMNS] = {
  N_("Code"), N_("Agreement"), N_("Kappa"), N_("Alpha"), N_("A chars"), N_("B chars"),
  N_("Both chars"), N_("Coded kappa"), N_("αu"), N_("Matched"),
};

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  data)
{
  LecternAgreementColumn column = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == LECTERN_AGREEMENT_COLUMN_CODE)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  data)
{
  RowItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (item, GPOINTER_TO_UINT (data));

  gtk_label_set_text (GTK_LABEL (label), text);
  if (item->overall)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

/* NaN (undefined) sorts below every value. */
static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  LecternAgreementColumn column = GPOINTER_TO_UINT (data);
  const RowItem *x = a;
  const RowItem *y = b;
  double u, v;

  if (column == LECTERN_AGREEMENT_COLUMN_CODE)
    {
      int c = g_utf8_collate (x->row.path, y->row.path);

      return c < 0 ? GTK_ORDERING_SMALLER : c > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }
  u = row_value (&x->row, column);
  v = row_value (&y->row, column);
  if (isnan (u) || isnan (v))
    return isnan (u) && isnan (v) ? GTK_ORDERING_EQUAL : isnan (u) ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return u < v ? GTK_ORDERING_SMALLER : u > v ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* The overall row after every code, in either direction. */
static int
overall_last_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return (int) ((const RowItem *) a)->overall - (int) ((const RowItem *) b)->overall;
}

static void
add_table_columns (LecternAgreementView *self)
{
  for (guint i = 0; i < LECTERN_AGREEMENT_N_VIEW_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      /* The column takes a reference of its own. */
      g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_rows_cb, GUINT_TO_POINTER (i), NULL);
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(column_titles[i]), factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (i == LECTERN_AGREEMENT_COLUMN_CODE)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->table_view, column);
      g_object_unref (column);
    }
}

/* ------------------------------------------------------------------ */
/* Disagreements                                                       */

enum { DIS_DOCUMENT, DIS_RANGE, DIS_TEXT, DIS_CODER, N_DIS_COLUMNS };

static char *
disagreement_text (DisagreementItem *item,
                   guint             column)
{
  switch (column)
    {
    case DIS_DOCUMENT:
      return g_strdup (item->title);
    case DIS_RANGE:
      /* Translators: a range of characters, "120–245" */
      return g_strdup_printf (_("%ld–%ld"), item->start, item->end);
    case DIS_TEXT:
      return g_strdup (item->quote);
    case DIS_CODER:
      /* Translators: who coded a range the other coder did not */
      return g_strdup_printf (_("Only %s"), item->coder);
    default:
      return g_strdup ("");
    }
}

static void
dis_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_UINT (data) == DIS_RANGE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
dis_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  data)
{
  g_autofree char *text = disagreement_text (gtk_list_item_get_item (list_item), GPOINTER_TO_UINT (data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
add_disagreement_columns (LecternAgreementView *self)
{
  static const char *titles[N_DIS_COLUMNS] = { N_("Document"), N_("Range"), N_("Text"), N_("Coded by") };

  for (guint i = 0; i < N_DIS_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (dis_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (dis_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(titles[i]), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (i == DIS_TEXT)
        gtk_column_view_column_set_expand (column, TRUE);
      /* Titles can be long: cut, the text matters more. */
      if (i == DIS_DOCUMENT)
        gtk_column_view_column_set_fixed_width (column, 260);
      gtk_column_view_append_column (self->disagreements_view, column);
      g_object_unref (column);
    }
}

/* One line of at most QUOTE_CHARS * 2 characters of @text's [start, end). */
static char *
snippet (const char *text,
         glong       start,
         glong       end)
{
  g_autofree char *quote = NULL;
  glong length = end - start;

  if (text == NULL)
    return g_strdup ("");
  if (length > 2 * QUOTE_CHARS)
    {
      g_autofree char *head = g_utf8_substring (text, start, start + QUOTE_CHARS);
      g_autofree char *tail = g_utf8_substring (text, end - QUOTE_CHARS, end);

      quote = g_strconcat (head, "…", tail, NULL);
    }
  else
    quote = g_utf8_substring (text, start, end);
  /* A range often starts or ends on a space: not worth showing. */
  return g_strstrip (g_strdelimit (g_steal_pointer (&quote), "\n\t", ' '));
}

/* Lists the disagreements of row @item, reading the texts they quote. */
static void
show_disagreements (LecternAgreementView *self,
                    RowItem              *item)
{
  LecternProject *project = lectern_analysis_view_get_project (LECTERN_ANALYSIS_VIEW (self));
  LecternDocumentList *documents = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  gint64 text_id = 0;

  self->shown_tag = item != NULL ? item->row.tag_id : -1;
  if (item != NULL && self->agreement != NULL && project != NULL)
    {
      documents = LECTERN_DOCUMENT_LIST (lectern_project_get_documents (project));
      for (guint i = 0; i < self->agreement->disagreements->len; i++)
        {
          const LecternDisagreement *d = &g_array_index (self->agreement->disagreements, LecternDisagreement, i);
          DisagreementItem *dis;
          LecternDocument *doc;

          /* The overall row lists every code's. */
          if (!item->overall && d->row != item->index)
            continue;
          if (d->document_id != text_id)
            {
              g_free (text);
              text = lectern_project_dup_text (project, d->document_id, NULL);
              text_id = d->document_id;
            }
          doc = lectern_document_list_lookup (documents, d->document_id);
          dis = g_object_new (DISAGREEMENT_TYPE_ITEM, NULL);
          dis->index = i;
          dis->document_id = d->document_id;
          dis->start = d->start;
          dis->end = d->end;
          dis->title = g_strdup (doc != NULL ? lectern_document_get_title (doc) : "");
          dis->quote = snippet (text, d->start, d->end);
          dis->coder = g_strdup (d->coder == LECTERN_AGREEMENT_CODER_A ? self->agreement->coder_a
                                                                         : self->agreement->coder_b);
          g_ptr_array_add (items, dis);
        }
    }
  g_list_store_splice (self->disagreements, 0, g_list_model_get_n_items (G_LIST_MODEL (self->disagreements)),
                       items->pdata, items->len);

  if (item == NULL)
    title = g_strdup (_("Click a code to list where the coders disagree"));
  else if (items->len == 0)
    title = g_strdup_printf (_("No disagreements on “%s”"), item->overall ? _("All codes") : item->row.path);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u disagreement on “%s”", "%u disagreements on “%s”",
                                          items->len),
                             items->len, item->overall ? _("All codes") : item->row.path);
  gtk_label_set_text (self->disagreements_title, title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.export-disagreements", items->len > 0);
}

static void
table_activate_cb (LecternAgreementView *self,
                   guint                 position)
{
  g_autoptr(RowItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  show_disagreements (self, item);
}

static void
disagreement_activate_cb (LecternAgreementView *self,
                          guint                 position)
{
  g_autoptr(DisagreementItem) item = g_list_model_get_item (G_LIST_MODEL (self->disagreements), position);

  if (item != NULL)
    g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, item->document_id, item->start, item->end);
}

/* ------------------------------------------------------------------ */
/* Coders                                                              */

static gint64
selected_coder (LecternAgreementView *self,
                GtkDropDown          *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i < self->coder_ids->len ? g_array_index (self->coder_ids, gint64, i) : 0;
}

static const char *
coder_name (LecternAgreementView *self,
            GtkDropDown          *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i < self->coder_ids->len ? gtk_string_list_get_string (self->coder_names, i) : "";
}

static guint
coder_position (LecternAgreementView *self,
                gint64                id)
{
  for (guint i = 0; i < self->coder_ids->len; i++)
    if (g_array_index (self->coder_ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Reads the coders again, keeping the two chosen when they remain; first
 * time: the first two. */
static void
reload_coders (LecternAgreementView *self)
{
  LecternProject *project = lectern_analysis_view_get_project (LECTERN_ANALYSIS_VIEW (self));
  g_autoptr(GPtrArray) coders = project != NULL ? lectern_project_list_coders (project, NULL) : NULL;
  gint64 a = selected_coder (self, self->coder_a_dropdown);
  gint64 b = selected_coder (self, self->coder_b_dropdown);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint pa, pb;

  self->filling = TRUE;
  g_array_set_size (self->coder_ids, 0);
  for (guint i = 0; coders != NULL && i < coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (coders, i);
      gint64 id = lectern_coder_get_id (coder);

      g_array_append_val (self->coder_ids, id);
      g_ptr_array_add (names, (gpointer) lectern_coder_get_display_name (coder));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->coder_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->coder_names)),
                          (const char * const *) names->pdata);

  pa = coder_position (self, a);
  pb = coder_position (self, b);
  if (pa == GTK_INVALID_LIST_POSITION)
    pa = 0;
  if (pb == GTK_INVALID_LIST_POSITION)
    pb = pa == 0 && self->coder_ids->len > 1 ? 1 : 0;
  gtk_drop_down_set_selected (self->coder_a_dropdown, self->coder_ids->len > 0 ? pa : GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (self->coder_b_dropdown, self->coder_ids->len > 0 ? pb : GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;
}

/* ------------------------------------------------------------------ */
/* Running                                                             */

typedef struct
{
  gint64  a, b;
  char   *name_a;
  char   *name_b;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->name_a);
  g_free (request->name_b);
  g_free (request);
}

static gpointer
agreement_job_run (LecternJob      *job,
                   LecternProject  *project,
                   gpointer         data,
                   GCancellable    *cancellable,
                   GError         **error)
{
  Request *request = data;

  return lectern_coder_agreement_measure (project, request->a, request->name_a, request->b, request->name_b,
                                          NULL, 0, NULL, 0, cancellable, error);
}

static void
set_agreement (LecternAgreementView *self,
               LecternAgreement     *agreement)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 shown = self->shown_tag;

  g_clear_pointer (&self->agreement, lectern_agreement_free);
  self->agreement = agreement;
  for (guint i = 0; agreement != NULL && i < agreement->rows->len; i++)
    {
      const LecternAgreementRow *row = &g_array_index (agreement->rows, LecternAgreementRow, i);
      RowItem *item = g_object_new (ROW_TYPE_ITEM, NULL);

      item->row = *row;
      item->row.path = g_strdup (row->path);
      item->index = i;
      item->overall = i + 1 == agreement->rows->len;
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.export", agreement != NULL);

  /* The code listed before, listed again from the new measure. */
  for (guint i = 0; i < items->len; i++)
    if (shown != -1 && ROW_ITEM (g_ptr_array_index (items, i))->row.tag_id == shown)
      {
        show_disagreements (self, g_ptr_array_index (items, i));
        return;
      }
  show_disagreements (self, NULL);
}

static void
agreement_done (gpointer      result,
                const GError *error,
                gpointer      user_data)
{
  LecternAgreementView *self = user_data;
  LecternAgreement *agreement = result;
  g_autofree char *summary = NULL;

  if (error != NULL)
    {
      g_autofree char *description = NULL;

      set_agreement (self, NULL);
      if (g_error_matches (error, LECTERN_AGREEMENT_ERROR, LECTERN_AGREEMENT_ERROR_NO_SHARED_DOCUMENTS))
        {
          description = g_strdup_printf (_("%s and %s have not both coded any document. Agreement is measured "
                                           "over the documents both coders coded."),
                                         coder_name (self, self->coder_a_dropdown),
                                         coder_name (self, self->coder_b_dropdown));
          lectern_analysis_view_show_empty (self->stack, self->status_page, _("No Document Coded by Both"),
                                            description);
        }
      else
        lectern_analysis_view_show_empty (self->stack, self->status_page, _("Could Not Measure Agreement"),
                                          error->message);
      return;
    }

  set_agreement (self, agreement);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Measured over the %u document both coders coded.",
                                          "Measured over the %u documents both coders coded.",
                                          agreement->n_documents),
                             agreement->n_documents);
  if (agreement->n_documents_skipped > 0)
    {
      g_autofree char *skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u document coded by one of them only is left out.",
                                                               "%u documents coded by one of them only are left out.",
                                                               agreement->n_documents_skipped),
                                                  agreement->n_documents_skipped);
      char *both = g_strconcat (summary, " ", skipped, NULL);

      g_free (summary);
      summary = both;
    }
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, "table");
}

static void
run (LecternAgreementView *self)
{
  Request *request;

  if (self->filling || lectern_analysis_runner_get_project (self->runner) == NULL)
    return;

  if (self->coder_ids->len < 2)
    {
      lectern_analysis_runner_cancel (self->runner);
      set_agreement (self, NULL);
      lectern_analysis_view_show_empty (self->stack, self->status_page, _("Two Coders Needed"),
                                        _("Agreement compares how two people coded the same documents. "
                                          "Each coder sets their name in Preferences and codes in this project "
                                          "(or in a copy, merged back)."));
      return;
    }
  if (selected_coder (self, self->coder_a_dropdown) == selected_coder (self, self->coder_b_dropdown))
    {
      lectern_analysis_runner_cancel (self->runner);
      set_agreement (self, NULL);
      lectern_analysis_view_show_empty (self->stack, self->status_page, _("Choose Two Different Coders"),
                                        _("Coder A and coder B are the same person."));
      return;
    }

  request = g_new0 (Request, 1);
  request->a = selected_coder (self, self->coder_a_dropdown);
  request->b = selected_coder (self, self->coder_b_dropdown);
  request->name_a = g_strdup (coder_name (self, self->coder_a_dropdown));
  request->name_b = g_strdup (coder_name (self, self->coder_b_dropdown));
  lectern_analysis_runner_start (self->runner, agreement_job_run, request, request_free,
                                 (GDestroyNotify) lectern_agreement_free, G_OBJECT (self), agreement_done);
}

/* The project changed: a new coder, or passages coded since. */
static void
stale_cb (LecternAgreementView *self)
{
  reload_coders (self);
  run (self);
}

static void
project_changed (LecternAnalysisView *view)
{
  LecternAgreementView *self = (LecternAgreementView *) view;

  self->shown_tag = -1;
  set_agreement (self, NULL);
  reload_coders (self);
  run (self);
}

void
lectern_agreement_view_set_coders (LecternAgreementView *self,
                                   gint64                coder_a,
                                   gint64                coder_b)
{
  guint pa, pb;

  g_return_if_fail (LECTERN_IS_AGREEMENT_VIEW (self));

  pa = coder_position (self, coder_a);
  pb = coder_position (self, coder_b);
  g_return_if_fail (pa != GTK_INVALID_LIST_POSITION && pb != GTK_INVALID_LIST_POSITION);
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->coder_a_dropdown, pa);
  self->filling = FALSE;
  gtk_drop_down_set_selected (self->coder_b_dropdown, pb);
  /* The same positions as before: nothing notified, run anyway. */
  if (!lectern_analysis_view_get_busy (LECTERN_ANALYSIS_VIEW (self)))
    run (self);
}

/* ------------------------------------------------------------------ */
/* Export                                                              */

gboolean
lectern_agreement_view_export_table_csv (LecternAgreementView  *self,
                                         GFile                 *file,
                                         GError               **error)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (LECTERN_IS_AGREEMENT_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The columns and cells of `lectern-cli agreement --csv`, rows as sorted. */
  lectern_csv_table_append_mixed_row (csv, lectern_agreement_get_columns (), LECTERN_AGREEMENT_N_COLUMNS, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RowItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);
      g_auto(GStrv) cells = lectern_agreement_row_to_cells (&item->row);

      lectern_csv_table_append_mixed_row (csv, (const char * const *) cells, LECTERN_AGREEMENT_N_COLUMNS, 1u << 0);
    }
  return lectern_csv_table_save (csv, file, error);
}

gboolean
lectern_agreement_view_export_disagreements_csv (LecternAgreementView  *self,
                                                 GFile                 *file,
                                                 GError               **error)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  const char * const *names = lectern_disagreement_get_columns ();
  guint n;

  g_return_val_if_fail (LECTERN_IS_AGREEMENT_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* `lectern-cli disagreements --csv`, then the title and the text. */
  for (guint i = 0; i < LECTERN_DISAGREEMENT_N_COLUMNS; i++)
    g_ptr_array_add (header, (gpointer) names[i]);
  g_ptr_array_add (header, (gpointer) "TITLE");
  g_ptr_array_add (header, (gpointer) "TEXT");
  lectern_csv_table_append_mixed_row (csv, (const char * const *) header->pdata, header->len, 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->disagreements));
  for (guint i = 0; i < n && self->agreement != NULL; i++)
    {
      g_autoptr(DisagreementItem) item = g_list_model_get_item (G_LIST_MODEL (self->disagreements), i);
      g_auto(GStrv) cells = lectern_disagreement_to_cells (self->agreement, item->index);
      const char *row[LECTERN_DISAGREEMENT_N_COLUMNS + 2];

      for (guint k = 0; k < LECTERN_DISAGREEMENT_N_COLUMNS; k++)
        row[k] = cells[k];
      row[LECTERN_DISAGREEMENT_N_COLUMNS] = item->title;
      row[LECTERN_DISAGREEMENT_N_COLUMNS + 1] = item->quote;
      /* TAG, CODER, TITLE, TEXT are text from the project. */
      lectern_csv_table_append_mixed_row (csv, row, G_N_ELEMENTS (row),
                                          (1u << 3) | (1u << 4) | (1u << 5) | (1u << 6));
    }
  return lectern_csv_table_save (csv, file, error);
}

static gboolean
export_table (GtkWidget  *widget,
              GFile      *file,
              GError    **error)
{
  LecternAgreementView *self = LECTERN_AGREEMENT_VIEW (widget);

  if (!lectern_agreement_view_export_table_csv (self, file, error))
    return FALSE;
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Agreement table exported")));
  return TRUE;
}

static gboolean
export_disagreements (GtkWidget  *widget,
                      GFile      *file,
                      GError    **error)
{
  LecternAgreementView *self = LECTERN_AGREEMENT_VIEW (widget);

  if (!lectern_agreement_view_export_disagreements_csv (self, file, error))
    return FALSE;
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Disagreements exported")));
  return TRUE;
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  lectern_analysis_export (widget, LECTERN_AGREEMENT_VIEW (widget)->toasts, _("Export Agreement"),
                           /* Translators: a file name */
                           _("agreement.csv"), _("CSV"), "csv", export_table);
}

static void
export_disagreements_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  lectern_analysis_export (widget, LECTERN_AGREEMENT_VIEW (widget)->toasts, _("Export Disagreements"),
                           /* Translators: a file name */
                           _("disagreements.csv"), _("CSV"), "csv", export_disagreements);
}

/* ------------------------------------------------------------------ */

GListModel *
lectern_agreement_view_get_rows (LecternAgreementView *self)
{
  g_return_val_if_fail (LECTERN_IS_AGREEMENT_VIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

char *
lectern_agreement_view_dup_cell (LecternAgreementView   *self,
                                 guint                   row,
                                 LecternAgreementColumn  column)
{
  g_autoptr(RowItem) item = NULL;

  g_return_val_if_fail (LECTERN_IS_AGREEMENT_VIEW (self), NULL);
  g_return_val_if_fail (column < LECTERN_AGREEMENT_N_VIEW_COLUMNS, NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), row);
  return item != NULL ? cell_text (item, column) : g_strdup ("");
}

GtkColumnView *
lectern_agreement_view_get_table (LecternAgreementView *self)
{
  g_return_val_if_fail (LECTERN_IS_AGREEMENT_VIEW (self), NULL);
  return self->table_view;
}

GtkColumnView *
lectern_agreement_view_get_disagreements_table (LecternAgreementView *self)
{
  g_return_val_if_fail (LECTERN_IS_AGREEMENT_VIEW (self), NULL);
  return self->disagreements_view;
}

guint
lectern_agreement_view_get_n_disagreements (LecternAgreementView *self)
{
  g_return_val_if_fail (LECTERN_IS_AGREEMENT_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->disagreements));
}

char *
lectern_agreement_view_dup_disagreement (LecternAgreementView *self,
                                         guint                 position)
{
  g_autoptr(DisagreementItem) item = NULL;
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_val_if_fail (LECTERN_IS_AGREEMENT_VIEW (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->disagreements), position);
  if (item == NULL)
    return g_strdup ("");
  for (guint i = 0; i < N_DIS_COLUMNS; i++)
    {
      g_autofree char *text = disagreement_text (item, i);

      g_string_append_printf (line, "%s%s", i > 0 ? " | " : "", text);
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

GtkWidget *
lectern_agreement_view_new (void)
{
  return g_object_new (LECTERN_TYPE_AGREEMENT_VIEW, NULL);
}

static void
lectern_agreement_view_dispose (GObject *object)
{
  LecternAgreementView *self = LECTERN_AGREEMENT_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_AGREEMENT_VIEW);
  g_clear_pointer (&self->agreement, lectern_agreement_free);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  g_clear_object (&self->disagreements);
  g_clear_object (&self->coder_names);

  G_OBJECT_CLASS (lectern_agreement_view_parent_class)->dispose (object);
}

static void
lectern_agreement_view_finalize (GObject *object)
{
  LecternAgreementView *self = LECTERN_AGREEMENT_VIEW (object);

  g_array_unref (self->coder_ids);

  G_OBJECT_CLASS (lectern_agreement_view_parent_class)->finalize (object);
}

static void
lectern_agreement_view_class_init (LecternAgreementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LecternAnalysisViewClass *analysis_class = LECTERN_ANALYSIS_VIEW_CLASS (klass);

  object_class->dispose = lectern_agreement_view_dispose;
  object_class->finalize = lectern_agreement_view_finalize;
  analysis_class->project_changed = project_changed;

  /* A disagreement activated: its document and range. */
  signals[PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_LONG, G_TYPE_LONG);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-agreement-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternAgreementView, toasts);
  gtk_widget_class_bind_template_child (widget_class, LecternAgreementView, coder_a_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LecternAgreementView, coder_b_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LecternAgreementView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LecternAgreementView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LecternAgreementView, stack);
  gtk_widget_class_bind_template_child (widget_class, LecternAgreementView, status_page);
  gtk_widget_class_bind_template_child (widget_class, LecternAgreementView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LecternAgreementView, table_view);
  gtk_widget_class_bind_template_child (widget_class, LecternAgreementView, disagreements_title);
  gtk_widget_class_bind_template_child (widget_class, LecternAgreementView, disagreements_view);

  gtk_widget_class_install_action (widget_class, "agreement.export", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "agreement.export-disagreements", NULL, export_disagreements_cb);
  gtk_widget_class_install_action (widget_class, "agreement.cancel", NULL, lectern_analysis_view_cancel_action);
}

static void
lectern_agreement_view_init (LecternAgreementView *self)
{
  g_autoptr(GtkMultiSorter) sorter = gtk_multi_sorter_new ();

  self->coder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->shown_tag = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->coder_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->coder_a_dropdown, G_LIST_MODEL (self->coder_names));
  gtk_drop_down_set_model (self->coder_b_dropdown, G_LIST_MODEL (self->coder_names));

  add_table_columns (self);
  self->rows = g_list_store_new (ROW_TYPE_ITEM);
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (overall_last_cb, NULL, NULL)));
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->table_view)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)), GTK_SORTER (g_object_ref (sorter)));
  {
    GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));

    gtk_single_selection_set_autoselect (selection, FALSE);
    gtk_single_selection_set_can_unselect (selection, TRUE);
    gtk_column_view_set_model (self->table_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
  g_signal_connect_object (self->table_view, "activate", G_CALLBACK (table_activate_cb), self, G_CONNECT_SWAPPED);

  add_disagreement_columns (self);
  self->disagreements = g_list_store_new (DISAGREEMENT_TYPE_ITEM);
  {
    GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->disagreements)));

    gtk_single_selection_set_autoselect (selection, FALSE);
    gtk_single_selection_set_can_unselect (selection, TRUE);
    gtk_column_view_set_model (self->disagreements_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
  g_signal_connect_object (self->disagreements_view, "activate", G_CALLBACK (disagreement_activate_cb),
                           self, G_CONNECT_SWAPPED);

  self->runner = lectern_analysis_view_setup (LECTERN_ANALYSIS_VIEW (self),
                                              LECTERN_CHANGE_ANNOTATIONS | LECTERN_CHANGE_TAGS |
                                              LECTERN_CHANGE_DOCUMENTS,
                                              self->spinner, self->cancel_button, "agreement.cancel");
  g_signal_connect_object (self->runner, "stale", G_CALLBACK (stale_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->coder_a_dropdown, "notify::selected", G_CALLBACK (run), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->coder_b_dropdown, "notify::selected", G_CALLBACK (run), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.export", FALSE);
  show_disagreements (self, NULL);
}
