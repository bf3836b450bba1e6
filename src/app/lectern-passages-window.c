/* lectern-passages-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-export-dialog.h"
#include "lectern-passages-window.h"

enum { COLUMN_DOCUMENT, COLUMN_PASSAGE, COLUMN_NOTE, COLUMN_CODER, COLUMN_DATE, N_COLUMNS };

struct _LecternPassagesWindow
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkSwitch            *subtags_switch;
  GtkStack             *stack;
  GtkColumnView        *column_view;

  LecternProject        *project;
  LecternDocumentList *documents;
  GSignalGroup         *project_signals;
  GListStore           *passages;     /* LecternAnnotation, as listed */
  GtkSortListModel     *sorted;
  gint64                tag_id;
  GArray               *coders;       /* gint64: the coders listed; empty: all */
};

G_DEFINE_FINAL_TYPE (LecternPassagesWindow, lectern_passages_window, ADW_TYPE_WINDOW)

enum { PASSAGE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
document_title (LecternPassagesWindow *self,
                LecternAnnotation     *a)
{
  LecternDocument *doc = NULL;

  if (self->documents != NULL)
    doc = lectern_document_list_lookup (self->documents, lectern_annotation_get_document_id (a));
  return doc ? lectern_document_get_title (doc) : "";
}

/* One line: the context's line breaks read as spaces in a table cell. */
static char *
flatten (const char *text)
{
  char *flat = g_strdup (text ? text : "");

  return g_strdelimit (flat, "\n\t", ' ');
}

char *
lectern_passages_window_dup_cell_text (LecternPassagesWindow *self,
                                       LecternAnnotation     *a,
                                       guint                  column)
{
  g_return_val_if_fail (LECTERN_IS_PASSAGES_WINDOW (self), NULL);
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (a), NULL);

  switch (column)
    {
    case COLUMN_DOCUMENT:
      return g_strdup (document_title (self, a));
    case COLUMN_PASSAGE:
      {
        g_autofree char *prefix = flatten (lectern_annotation_get_prefix (a));
        g_autofree char *quote = flatten (lectern_annotation_get_quote (a));
        g_autofree char *suffix = flatten (lectern_annotation_get_suffix (a));

        return g_strconcat (prefix, quote, suffix, NULL);
      }
    case COLUMN_NOTE:
      return g_strdup (lectern_annotation_get_note (a) ? lectern_annotation_get_note (a) : "");
    case COLUMN_CODER:
      return g_strdup (lectern_annotation_get_author (a) ? lectern_annotation_get_author (a) : "");
    case COLUMN_DATE:
      {
        GDateTime *created = lectern_annotation_get_created (a);
        g_autoptr(GDateTime) local = created ? g_date_time_to_local (created) : NULL;

        return local ? g_date_time_format (local, "%Y-%m-%d") : g_strdup ("");
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The passage in bold between its context, as markup. */
static char *
passage_markup (LecternAnnotation *a)
{
  g_autofree char *prefix = flatten (lectern_annotation_get_prefix (a));
  g_autofree char *quote = flatten (lectern_annotation_get_quote (a));
  g_autofree char *suffix = flatten (lectern_annotation_get_suffix (a));
  g_autofree char *p = g_markup_escape_text (prefix, -1);
  g_autofree char *q = g_markup_escape_text (quote, -1);
  g_autofree char *s = g_markup_escape_text (suffix, -1);

  return g_strdup_printf ("<span alpha=\"70%%\">…%s</span><b>%s</b><span alpha=\"70%%\">%s…</span>", p, q, s);
}

static gboolean
shows_coder (LecternPassagesWindow *self,
             gint64                 coder_id)
{
  if (self->coders == NULL || self->coders->len == 0)
    return TRUE;
  for (guint i = 0; i < self->coders->len; i++)
    if (g_array_index (self->coders, gint64, i) == coder_id)
      return TRUE;
  return FALSE;
}

static void
reload (LecternPassagesWindow *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean with_subtags = gtk_switch_get_active (self->subtags_switch);
  guint n;

  if (self->project != NULL)
    {
      tag = lectern_project_dup_tag (self->project, self->tag_id, NULL);
      list = lectern_project_list_annotations (self->project, 0, self->tag_id, with_subtags, NULL);
    }
  n = list ? g_list_model_get_n_items (list) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (list, i);

      if (shows_coder (self, lectern_annotation_get_coder_id (a)))
        g_ptr_array_add (items, g_steal_pointer (&a));
    }
  n = items->len;
  g_list_store_splice (self->passages, 0, g_list_model_get_n_items (G_LIST_MODEL (self->passages)),
                       items->pdata, items->len);

  title = g_strdup_printf (_("Passages Tagged “%s”"), tag ? lectern_tag_get_path (tag) : "");
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", n), n);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "table" : "empty");
}

static void
project_changed_cb (LecternPassagesWindow *self,
                   guint                  what,
                   gint64                 document_id,
                   LecternProject         *project)
{
  if (what & (LECTERN_CHANGE_TAGS | LECTERN_CHANGE_ANNOTATIONS | LECTERN_CHANGE_DOCUMENTS))
    reload (self);
}

void
lectern_passages_window_set_coders (LecternPassagesWindow *self,
                                    const gint64          *coder_ids,
                                    guint                  n_coder_ids)
{
  g_return_if_fail (LECTERN_IS_PASSAGES_WINDOW (self));
  g_return_if_fail (coder_ids != NULL || n_coder_ids == 0);
  g_return_if_fail (self->coders != NULL);

  g_array_set_size (self->coders, 0);
  g_array_append_vals (self->coders, coder_ids, n_coder_ids);
  reload (self);
}

gint64
lectern_passages_window_get_tag_id (LecternPassagesWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_PASSAGES_WINDOW (self), 0);

  return self->tag_id;
}

gboolean
lectern_passages_window_get_with_subtags (LecternPassagesWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_PASSAGES_WINDOW (self), FALSE);

  return gtk_switch_get_active (self->subtags_switch);
}

void
lectern_passages_window_set_with_subtags (LecternPassagesWindow *self,
                                          gboolean               with_subtags)
{
  g_return_if_fail (LECTERN_IS_PASSAGES_WINDOW (self));

  gtk_switch_set_active (self->subtags_switch, with_subtags);
}

GListModel *
lectern_passages_window_get_rows (LecternPassagesWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_PASSAGES_WINDOW (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

void
lectern_passages_window_activate_row (LecternPassagesWindow *self,
                                      guint                  position)
{
  g_autoptr(LecternAnnotation) a = NULL;

  g_return_if_fail (LECTERN_IS_PASSAGES_WINDOW (self));

  a = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (a != NULL)
    g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, lectern_annotation_get_id (a));
}

static void
row_activate_cb (LecternPassagesWindow *self,
                 guint                  position)
{
  lectern_passages_window_activate_row (self, position);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  LecternPassagesWindow *self = LECTERN_PASSAGES_WINDOW (widget);
  LecternExportDialog *dialog;

  if (self->project == NULL)
    return;
  dialog = lectern_export_dialog_new (GTK_WINDOW (self), self->project, 0);
  lectern_export_dialog_set_tag_filter (dialog, self->tag_id, gtk_switch_get_active (self->subtags_switch));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* Sorting: by document (title, then position), by position (document
 * order, then where the passage starts).                              */

static int
compare_position (LecternAnnotation *a,
                  LecternAnnotation *b)
{
  gint64 da = lectern_annotation_get_document_id (a), db = lectern_annotation_get_document_id (b);

  if (da != db)
    return da < db ? -1 : 1;
  if (lectern_annotation_get_start (a) != lectern_annotation_get_start (b))
    return lectern_annotation_get_start (a) < lectern_annotation_get_start (b) ? -1 : 1;
  return (lectern_annotation_get_id (a) > lectern_annotation_get_id (b)) - (lectern_annotation_get_id (a) < lectern_annotation_get_id (b));
}

static int
sort_by_position_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return compare_position ((LecternAnnotation *) a, (LecternAnnotation *) b);
}

static int
sort_by_document_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  LecternPassagesWindow *self = user_data;
  int cmp = g_utf8_collate (document_title (self, (LecternAnnotation *) a),
                            document_title (self, (LecternAnnotation *) b));

  return cmp != 0 ? cmp : compare_position ((LecternAnnotation *) a, (LecternAnnotation *) b);
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  switch (column)
    {
    case COLUMN_DOCUMENT:
      /* Titles of versions differ at the end: keep both ends. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
      break;
    case COLUMN_PASSAGE:
    case COLUMN_NOTE:
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      /* A wrapped label needs a width to measure against in GTK 4.8. */
      gtk_label_set_width_chars (GTK_LABEL (label), column == COLUMN_PASSAGE ? 40 : 16);
      gtk_label_set_max_width_chars (GTK_LABEL (label), column == COLUMN_PASSAGE ? 80 : 40);
      break;
    default:
      gtk_widget_add_css_class (label, "dim-label");
      break;
    }
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  LecternAnnotation *a = gtk_list_item_get_item (item);
  LecternPassagesWindow *self = LECTERN_PASSAGES_WINDOW (gtk_widget_get_root (label));
  g_autofree char *text = NULL;

  if (column == COLUMN_PASSAGE)
    {
      g_autofree char *markup = passage_markup (a);

      gtk_label_set_markup (GTK_LABEL (label), markup);
      return;
    }
  text = lectern_passages_window_dup_cell_text (self, a, column);
  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == COLUMN_DOCUMENT)
    gtk_widget_set_tooltip_text (label, text);
}

static void
add_column (LecternPassagesWindow *self,
            guint                  column,
            const char            *title,
            GtkSorter             *sorter,
            gboolean               expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (sorter != NULL)
    gtk_column_view_column_set_sorter (col, sorter);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

/* ------------------------------------------------------------------ */

static void
lectern_passages_window_dispose (GObject *object)
{
  LecternPassagesWindow *self = LECTERN_PASSAGES_WINDOW (object);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_PASSAGES_WINDOW);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->sorted);
  g_clear_object (&self->passages);
  g_clear_object (&self->documents);
  g_clear_object (&self->project);
  g_clear_pointer (&self->coders, g_array_unref);

  G_OBJECT_CLASS (lectern_passages_window_parent_class)->dispose (object);
}

static void
lectern_passages_window_class_init (LecternPassagesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_passages_window_dispose;

  signals[PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-passages-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternPassagesWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, LecternPassagesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LecternPassagesWindow, subtags_switch);
  gtk_widget_class_bind_template_child (widget_class, LecternPassagesWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, row_activate_cb);

  gtk_widget_class_install_action (widget_class, "passages.export", NULL, export_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lectern_passages_window_init (LecternPassagesWindow *self)
{
  g_autoptr(GtkSorter) by_document = NULL;
  g_autoptr(GtkSorter) by_position = NULL;
  GtkNoSelection *selection;
  GtkColumnViewColumn *first;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->project_signals = g_signal_group_new (LECTERN_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);

  by_document = GTK_SORTER (gtk_custom_sorter_new (sort_by_document_cb, self, NULL));
  by_position = GTK_SORTER (gtk_custom_sorter_new (sort_by_position_cb, NULL, NULL));
  add_column (self, COLUMN_DOCUMENT, _("Document"), by_document, FALSE);
  add_column (self, COLUMN_PASSAGE, _("Passage in Context"), by_position, TRUE);
  add_column (self, COLUMN_NOTE, _("Note"), NULL, TRUE);
  add_column (self, COLUMN_CODER, _("Coder"), NULL, FALSE);
  add_column (self, COLUMN_DATE, _("Date"), NULL, FALSE);

  self->passages = g_list_store_new (LECTERN_TYPE_ANNOTATION);
  self->coders = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->passages)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  first = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), COLUMN_DOCUMENT);
  gtk_column_view_sort_by_column (self->column_view, first, GTK_SORT_ASCENDING);
  g_object_unref (first);

  g_signal_connect_object (self->subtags_switch, "notify::active",
                           G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
}

LecternPassagesWindow *
lectern_passages_window_new (GtkWindow            *parent,
                             LecternProject        *project,
                             LecternDocumentList *documents,
                             gint64                tag_id)
{
  LecternPassagesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);

  self = g_object_new (LECTERN_TYPE_PASSAGES_WINDOW, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->documents = documents ? g_object_ref (documents) : NULL;
  self->tag_id = tag_id;
  g_signal_group_set_target (self->project_signals, project);
  reload (self);
  return self;
}
