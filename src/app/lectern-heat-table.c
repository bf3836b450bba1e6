/* lectern-heat-table.c
 *
 * Built in code: a GtkColumnView over a GtkTreeListModel of rows (the
 * codebook's tree rebuilt from the matrix's row depths), then a totals
 * row. Columns are made anew for each matrix, since their number and
 * titles change with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lectern-heat-table.h"

#define TOTAL G_MAXUINT

/* ------------------------------------------------------------------ */
/* A row: an index into the matrix (TOTAL for the totals row) and the
 * rows below it. */

#define LECTERN_TYPE_HEAT_ROW (lectern_heat_row_get_type ())
G_DECLARE_FINAL_TYPE (LecternHeatRow, lectern_heat_row, LECTERN, HEAT_ROW, GObject)

struct _LecternHeatRow
{
  GObject     parent_instance;
  guint       index;
  GListStore *children;   /* nullable */
};

G_DEFINE_FINAL_TYPE (LecternHeatRow, lectern_heat_row, G_TYPE_OBJECT)

static void
lectern_heat_row_finalize (GObject *object)
{
  g_clear_object (&LECTERN_HEAT_ROW (object)->children);
  G_OBJECT_CLASS (lectern_heat_row_parent_class)->finalize (object);
}

static void
lectern_heat_row_class_init (LecternHeatRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_heat_row_finalize;
}

static void
lectern_heat_row_init (LecternHeatRow *self)
{
}

static LecternHeatRow *
heat_row_new (guint index)
{
  LecternHeatRow *row = g_object_new (LECTERN_TYPE_HEAT_ROW, NULL);

  row->index = index;
  return row;
}

/* ------------------------------------------------------------------ */

struct _LecternHeatTable
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkColumnView     *column_view;
  GtkTreeListModel  *tree;
  LecternMatrix     *matrix;
  LecternHeatFormat  format;
  double             max;
  double            *row_totals;
  double            *column_totals;
  double             grand_total;
  AdwStyleManager   *style_manager;
  GHashTable        *bound;   /* the value cells bound to a row: borrowed */
};

G_DEFINE_FINAL_TYPE (LecternHeatTable, lectern_heat_table, GTK_TYPE_WIDGET)

enum { CELL_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

guint
lectern_heat_bucket (double value,
                     double max)
{
  if (value <= 0 || max <= 0)
    return 0;
  /* Never 0 for a value that is there: a single passage must show. */
  return CLAMP ((guint) ceil (LECTERN_HEAT_BUCKETS * value / max), 1, LECTERN_HEAT_BUCKETS);
}

static char *
format_value (LecternHeatFormat format,
              double            value)
{
  if (format == LECTERN_HEAT_SHARE)
    return value <= 0 ? g_strdup ("0") : g_strdup_printf ("%.1f %%", 100 * value);
  return g_strdup_printf ("%.0f", value);
}

char *
lectern_heat_table_dup_cell_text (LecternHeatTable *self,
                                  guint             row,
                                  guint             column)
{
  g_return_val_if_fail (LECTERN_IS_HEAT_TABLE (self), NULL);
  g_return_val_if_fail (self->matrix != NULL, NULL);
  g_return_val_if_fail (row <= self->matrix->n_rows && column <= self->matrix->n_columns, NULL);

  if (row == self->matrix->n_rows && column == self->matrix->n_columns)
    return format_value (self->format, self->grand_total);
  if (row == self->matrix->n_rows)
    return format_value (self->format, self->column_totals[column]);
  if (column == self->matrix->n_columns)
    return format_value (self->format, self->row_totals[row]);
  return format_value (self->format, lectern_matrix_get (self->matrix, row, column));
}

const LecternMatrix *
lectern_heat_table_get_matrix (LecternHeatTable *self)
{
  g_return_val_if_fail (LECTERN_IS_HEAT_TABLE (self), NULL);
  return self->matrix;
}

/* The same codes and columns as shown: the cells can stay, and the view
 * keeps its scroll position and the user's place while coding goes on. */
static gboolean
same_shape (const LecternMatrix *a,
            const LecternMatrix *b)
{
  if (a == NULL || b == NULL || a->n_rows != b->n_rows || a->n_columns != b->n_columns)
    return FALSE;
  for (guint r = 0; r < a->n_rows; r++)
    if (g_array_index (a->row_ids, gint64, r) != g_array_index (b->row_ids, gint64, r)
        || g_array_index (a->row_depths, guint, r) != g_array_index (b->row_depths, guint, r)
        || g_strcmp0 (g_ptr_array_index (a->row_labels, r), g_ptr_array_index (b->row_labels, r)) != 0)
      return FALSE;
  for (guint c = 0; c < a->n_columns; c++)
    if (g_strcmp0 (g_ptr_array_index (a->column_labels, c), g_ptr_array_index (b->column_labels, c)) != 0)
      return FALSE;
  return TRUE;
}

void
lectern_heat_table_activate_cell (LecternHeatTable *self,
                                  guint             row,
                                  guint             column)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GHashTableIter iter;
  gpointer cell;

  g_return_if_fail (LECTERN_IS_HEAT_TABLE (self));
  g_return_if_fail (self->matrix != NULL);
  g_return_if_fail (row < self->matrix->n_rows && column < self->matrix->n_columns);

  /* The cell's own button when it is built, for a popover to point at. */
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    if (GPOINTER_TO_UINT (g_object_get_data (cell, "heat-row")) == row
        && GPOINTER_TO_UINT (g_object_get_data (cell, "heat-column")) == column)
      {
        widget = cell;
        break;
      }
  g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, column, widget);
}

/* ------------------------------------------------------------------ */
/* Cells */

/* A cell is a flat button: clicked or activated from the keyboard, it
 * lists its passages. Where it sits (matrix row, or n_rows for the totals
 * row; column, or n_columns for the totals column) is kept on it, so a
 * new matrix of the same shape updates the bound cells in place. */
static void
cell_clicked_cb (GtkButton        *button,
                 LecternHeatTable *self)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "heat-row"));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "heat-column"));

  if (self->matrix != NULL && row < self->matrix->n_rows && column < self->matrix->n_columns)
    g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, column, GTK_WIDGET (button));
}

static void
update_cell (LecternHeatTable *self,
             GtkWidget        *button)
{
  guint r = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "heat-row"));
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "heat-column"));
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  gboolean inside;
  guint bucket = 0;
  char css[16];

  for (guint b = 0; b <= LECTERN_HEAT_BUCKETS; b++)
    {
      g_snprintf (css, sizeof css, "heat-%u", b);
      gtk_widget_remove_css_class (button, css);
    }
  gtk_widget_remove_css_class (button, "heat-total");
  if (self->matrix == NULL || r > self->matrix->n_rows || c > self->matrix->n_columns)
    return;

  inside = r < self->matrix->n_rows && c < self->matrix->n_columns;
  text = lectern_heat_table_dup_cell_text (self, r, c);
  gtk_label_set_text (GTK_LABEL (label), text);
  if (inside)
    {
      bucket = lectern_heat_bucket (lectern_matrix_get (self->matrix, r, c), self->max);
      g_snprintf (css, sizeof css, "heat-%u", bucket);
      gtk_widget_add_css_class (button, css);
      /* Translators: a code's path, a column's label (a document, a value,
       * a code), then the number in the cell */
      description = g_strdup_printf (_("%s, %s: %s"), (char *) g_ptr_array_index (self->matrix->row_labels, r),
                                     (char *) g_ptr_array_index (self->matrix->column_labels, c), text);
    }
  else
    {
      gtk_widget_add_css_class (button, "heat-total");
      description = g_strdup_printf (_("Total: %s"), text);
    }
  /* Only a cell with passages has anything to list. */
  gtk_widget_set_can_target (button, bucket > 0);
  gtk_widget_set_focusable (button, bucket > 0);
  gtk_widget_set_tooltip_text (button, bucket > 0 ? _("Click to list these passages") : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
value_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                LecternHeatTable         *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "heat-cell");
  g_signal_connect_object (button, "clicked", G_CALLBACK (cell_clicked_cb), self, 0);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, button);
}

static void
value_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LecternHeatTable         *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "heat-column"));
  g_autoptr(LecternHeatRow) row = gtk_tree_list_row_get_item (gtk_list_item_get_item (item));
  GtkWidget *button = gtk_list_item_get_child (item);

  if (self->matrix == NULL)
    return;
  g_object_set_data (G_OBJECT (button), "heat-row",
                     GUINT_TO_POINTER (row->index == TOTAL ? self->matrix->n_rows : row->index));
  g_object_set_data (G_OBJECT (button), "heat-column", GUINT_TO_POINTER (column));
  g_hash_table_add (self->bound, button);
  update_cell (self, button);
}

static void
value_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 LecternHeatTable         *self)
{
  if (self->bound != NULL)
    g_hash_table_remove (self->bound, gtk_list_item_get_child (item));
}

static void
code_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LecternHeatTable         *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (item, expander);
}

static void
code_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LecternHeatTable         *self)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (item);
  g_autoptr(LecternHeatRow) row = gtk_tree_list_row_get_item (tree_row);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  const char *path;
  const char *slash;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), tree_row);
  if (self->matrix == NULL)
    return;
  if (row->index == TOTAL)
    {
      gtk_label_set_text (GTK_LABEL (label), _("Total"));
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_tooltip_text (label, NULL);
      return;
    }
  gtk_widget_remove_css_class (label, "heading");
  /* The tree says where a code sits: show its own name, the path on hover. */
  path = g_ptr_array_index (self->matrix->row_labels, row->index);
  slash = strrchr (path, '/');
  gtk_label_set_text (GTK_LABEL (label), slash != NULL ? slash + 1 : path);
  gtk_widget_set_tooltip_text (label, path);
}

static void
code_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                LecternHeatTable         *self)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), NULL);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  LecternHeatRow *row = item;

  return row->children != NULL ? g_object_ref (G_LIST_MODEL (row->children)) : NULL;
}

/* ------------------------------------------------------------------ */

static void
clear_columns (LecternHeatTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
add_column (LecternHeatTable *self,
            const char       *title,
            guint             index,
            gboolean          code)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "heat-column", GUINT_TO_POINTER (index));
  if (code)
    {
      g_signal_connect_object (factory, "setup", G_CALLBACK (code_setup_cb), self, 0);
      g_signal_connect_object (factory, "bind", G_CALLBACK (code_bind_cb), self, 0);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (code_unbind_cb), self, 0);
    }
  else
    {
      g_signal_connect_object (factory, "setup", G_CALLBACK (value_setup_cb), self, 0);
      g_signal_connect_object (factory, "bind", G_CALLBACK (value_bind_cb), self, 0);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (value_unbind_cb), self, 0);
    }
  column = gtk_column_view_column_new (title, factory);
  if (code)
    {
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, 220);
    }
  else
    {
      /* Long document titles ellipsize: a person widens the column. */
      gtk_column_view_column_set_fixed_width (column, 128);
      gtk_column_view_column_set_resizable (column, TRUE);
    }
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

/* The tag ids of the rows the user collapsed, to keep them so. */
static GHashTable *
collect_collapsed (LecternHeatTable *self)
{
  GHashTable *collapsed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n;

  if (self->tree == NULL || self->matrix == NULL)
    return collapsed;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      LecternHeatRow *row = gtk_tree_list_row_get_item (tree_row);

      if (row->index != TOTAL && gtk_tree_list_row_is_expandable (tree_row)
          && !gtk_tree_list_row_get_expanded (tree_row))
        {
          gint64 *id = g_new (gint64, 1);
          *id = g_array_index (self->matrix->row_ids, gint64, row->index);
          g_hash_table_add (collapsed, id);
        }
      g_object_unref (row);
    }
  return collapsed;
}

static void
compute_totals (LecternHeatTable *self)
{
  const LecternMatrix *matrix = self->matrix;

  g_free (self->row_totals);
  g_free (self->column_totals);
  self->max = 0;
  self->grand_total = 0;
  self->row_totals = g_new0 (double, matrix->n_rows);
  self->column_totals = g_new0 (double, matrix->n_columns);
  for (guint r = 0; r < matrix->n_rows; r++)
    for (guint c = 0; c < matrix->n_columns; c++)
      {
        double v = lectern_matrix_get (matrix, r, c);

        self->max = MAX (self->max, v);
        self->row_totals[r] += v;
        self->column_totals[c] += v;
        self->grand_total += v;
      }
}

static GListStore *
build_rows (const LecternMatrix *matrix)
{
  GListStore *top = g_list_store_new (LECTERN_TYPE_HEAT_ROW);
  g_autoptr(GPtrArray) parents = g_ptr_array_new ();   /* LecternHeatRow at each depth */

  for (guint r = 0; r < matrix->n_rows; r++)
    {
      g_autoptr(LecternHeatRow) row = heat_row_new (r);
      guint depth = matrix->row_depths != NULL ? g_array_index (matrix->row_depths, guint, r) : 0;

      /* A depth deeper than the row above it can only be one more. */
      depth = MIN (depth, parents->len);
      g_ptr_array_set_size (parents, depth);
      if (depth == 0)
        g_list_store_append (top, row);
      else
        {
          LecternHeatRow *parent = g_ptr_array_index (parents, depth - 1);

          if (parent->children == NULL)
            parent->children = g_list_store_new (LECTERN_TYPE_HEAT_ROW);
          g_list_store_append (parent->children, row);
        }
      g_ptr_array_add (parents, row);
    }
  if (matrix->n_rows > 0)
    {
      g_autoptr(LecternHeatRow) total = heat_row_new (TOTAL);
      g_list_store_append (top, total);
    }
  return top;
}

void
lectern_heat_table_set_matrix (LecternHeatTable  *self,
                               LecternMatrix     *matrix,
                               LecternHeatFormat  format)
{
  g_autoptr(GHashTable) collapsed = NULL;
  g_autoptr(GListStore) rows = NULL;
  GtkNoSelection *selection;
  guint n;

  g_return_if_fail (LECTERN_IS_HEAT_TABLE (self));

  if (format == self->format && same_shape (self->matrix, matrix))
    {
      GHashTableIter iter;
      gpointer cell;

      g_clear_pointer (&self->matrix, lectern_matrix_free);
      self->matrix = matrix;
      compute_totals (self);
      g_hash_table_iter_init (&iter, self->bound);
      while (g_hash_table_iter_next (&iter, &cell, NULL))
        update_cell (self, cell);
      return;
    }

  collapsed = collect_collapsed (self);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->tree);
  clear_columns (self);
  g_clear_pointer (&self->matrix, lectern_matrix_free);
  g_clear_pointer (&self->row_totals, g_free);
  g_clear_pointer (&self->column_totals, g_free);

  self->matrix = matrix;
  self->format = format;
  if (matrix == NULL)
    return;

  compute_totals (self);

  add_column (self, _("Code"), 0, TRUE);
  for (guint c = 0; c < matrix->n_columns; c++)
    add_column (self, g_ptr_array_index (matrix->column_labels, c), c, FALSE);
  /* A sum of shares of different documents is no share of anything. */
  if (format == LECTERN_HEAT_COUNT)
    add_column (self, _("Total"), matrix->n_columns, FALSE);

  rows = build_rows (matrix);
  if (format == LECTERN_HEAT_SHARE && matrix->n_rows > 0)
    g_list_store_remove (rows, g_list_model_get_n_items (G_LIST_MODEL (rows)) - 1);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&rows)), FALSE, TRUE,
                                        create_children_cb, NULL, NULL);

  /* From the end, so that collapsing a row moves no row still to visit. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(LecternHeatRow) row = gtk_tree_list_row_get_item (tree_row);

      if (row->index != TOTAL
          && g_hash_table_contains (collapsed, &g_array_index (matrix->row_ids, gint64, row->index)))
        gtk_tree_list_row_set_expanded (tree_row, FALSE);
    }

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->tree)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
dark_changed_cb (LecternHeatTable *self)
{
  if (adw_style_manager_get_dark (self->style_manager))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dark");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dark");
}

static void
lectern_heat_table_dispose (GObject *object)
{
  LecternHeatTable *self = LECTERN_HEAT_TABLE (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->scroller != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->scroller));
  self->scroller = NULL;
  self->column_view = NULL;
  g_clear_object (&self->tree);
  g_clear_pointer (&self->matrix, lectern_matrix_free);
  g_clear_pointer (&self->row_totals, g_free);
  g_clear_pointer (&self->column_totals, g_free);
  g_clear_pointer (&self->bound, g_hash_table_unref);

  G_OBJECT_CLASS (lectern_heat_table_parent_class)->dispose (object);
}

static void
lectern_heat_table_class_init (LecternHeatTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_heat_table_dispose;

  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, GTK_TYPE_WIDGET);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "heattable");
}

static void
lectern_heat_table_init (LecternHeatTable *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->scroller), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "heat-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Table of counts"), -1);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->column_view));

  self->style_manager = adw_style_manager_get_default ();
  g_signal_connect_object (self->style_manager, "notify::dark", G_CALLBACK (dark_changed_cb),
                           self, G_CONNECT_SWAPPED);
  dark_changed_cb (self);
}

GtkWidget *
lectern_heat_table_new (void)
{
  return g_object_new (LECTERN_TYPE_HEAT_TABLE, NULL);
}
