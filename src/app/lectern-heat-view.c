/* lectern-heat-view.c
 *
 * What the code matrix and the co-occurrence views share beyond any
 * analysis view: the table, its passage popover and its CSV export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-export.h"
#include "lectern-analysis-files.h"
#include "lectern-heat-view.h"

typedef struct
{
  LecternHeatTable      *table;
  AdwToastOverlay       *toasts;
  LecternPassagePopover *popover;
  char                  *export_action;
} LecternHeatViewPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LecternHeatView, lectern_heat_view, LECTERN_TYPE_ANALYSIS_VIEW)

enum { OPEN_PASSAGE, N_SIGNALS };
static guint signals[N_SIGNALS];

LecternAnalysisRunner *
lectern_heat_view_setup (LecternHeatView  *self,
                         LecternHeatTable *table,
                         AdwToastOverlay  *toasts,
                         GtkSpinner       *spinner,
                         GtkWidget        *cancel_button)
{
  LecternHeatViewPrivate *priv = lectern_heat_view_get_instance_private (self);
  const char *prefix = LECTERN_HEAT_VIEW_GET_CLASS (self)->prefix;
  g_autofree char *cancel_action = g_strconcat (prefix, ".cancel", NULL);

  g_return_val_if_fail (LECTERN_IS_HEAT_VIEW (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  priv->table = table;
  priv->toasts = toasts;
  priv->export_action = g_strconcat (prefix, ".export", NULL);
  priv->popover = lectern_passage_popover_attach (GTK_WIDGET (self));
  return lectern_analysis_view_setup (LECTERN_ANALYSIS_VIEW (self),
                                      LECTERN_CHANGE_DOCUMENTS | LECTERN_CHANGE_TAGS | LECTERN_CHANGE_ANNOTATIONS,
                                      spinner, cancel_button, cancel_action);
}

LecternHeatTable *
lectern_heat_view_get_table (LecternHeatView *self)
{
  LecternHeatViewPrivate *priv = lectern_heat_view_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_HEAT_VIEW (self), NULL);
  return priv->table;
}

LecternPassagePopover *
lectern_heat_view_get_popover (LecternHeatView *self)
{
  LecternHeatViewPrivate *priv = lectern_heat_view_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_HEAT_VIEW (self), NULL);
  return priv->popover;
}

static gboolean
write_csv (GOutputStream *stream,
           gpointer       user_data,
           GError       **error)
{
  LecternHeatView *self = user_data;
  LecternHeatViewPrivate *priv = lectern_heat_view_get_instance_private (self);

  return lectern_chart_write_bars (lectern_heat_table_get_matrix (priv->table),
                                   _(LECTERN_HEAT_VIEW_GET_CLASS (self)->csv_title),
                                   LECTERN_CHART_CSV, stream, error);
}

gboolean
lectern_heat_view_export_csv (LecternHeatView  *self,
                              GFile            *file,
                              GError          **error)
{
  LecternHeatViewPrivate *priv = lectern_heat_view_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_HEAT_VIEW (self), FALSE);
  g_return_val_if_fail (lectern_heat_table_get_matrix (priv->table) != NULL, FALSE);

  return lectern_analysis_save_file (file, write_csv, self, error);
}

static gboolean
export_file (GtkWidget  *widget,
             GFile      *file,
             GError    **error)
{
  LecternHeatView *self = LECTERN_HEAT_VIEW (widget);
  LecternHeatViewPrivate *priv = lectern_heat_view_get_instance_private (self);

  return lectern_heat_table_get_matrix (priv->table) != NULL && lectern_heat_view_export_csv (self, file, error);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LecternHeatView *self = LECTERN_HEAT_VIEW (widget);
  LecternHeatViewPrivate *priv = lectern_heat_view_get_instance_private (self);
  LecternHeatViewClass *klass = LECTERN_HEAT_VIEW_GET_CLASS (self);

  lectern_analysis_export (widget, priv->toasts, _(klass->export_title), _(klass->export_name),
                           _("CSV"), "csv", export_file);
}

static void
busy_changed (LecternAnalysisView *view)
{
  LecternHeatViewPrivate *priv = lectern_heat_view_get_instance_private (LECTERN_HEAT_VIEW (view));

  gtk_widget_action_set_enabled (GTK_WIDGET (view), priv->export_action,
                                 lectern_heat_table_get_matrix (priv->table) != NULL);
}

void
lectern_heat_view_class_install_actions (LecternHeatViewClass *klass,
                                         const char           *prefix,
                                         const char           *export_title,
                                         const char           *export_name,
                                         const char           *csv_title)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autofree char *export_action = g_strconcat (prefix, ".export", NULL);
  g_autofree char *cancel_action = g_strconcat (prefix, ".cancel", NULL);

  klass->prefix = prefix;
  klass->export_title = export_title;
  klass->export_name = export_name;
  klass->csv_title = csv_title;
  gtk_widget_class_install_action (widget_class, export_action, NULL, export_cb);
  gtk_widget_class_install_action (widget_class, cancel_action, NULL, lectern_analysis_view_cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       export_action, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       export_action, NULL);
}

static void
lectern_heat_view_dispose (GObject *object)
{
  LecternHeatViewPrivate *priv = lectern_heat_view_get_instance_private (LECTERN_HEAT_VIEW (object));

  if (priv->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (priv->popover));
  priv->popover = NULL;
  priv->table = NULL;
  priv->toasts = NULL;
  g_clear_pointer (&priv->export_action, g_free);

  G_OBJECT_CLASS (lectern_heat_view_parent_class)->dispose (object);
}

static void
lectern_heat_view_class_init (LecternHeatViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LecternAnalysisViewClass *analysis_class = LECTERN_ANALYSIS_VIEW_CLASS (klass);

  object_class->dispose = lectern_heat_view_dispose;
  analysis_class->busy_changed = busy_changed;

  signals[OPEN_PASSAGE] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_LONG, G_TYPE_LONG);

  g_type_ensure (LECTERN_TYPE_HEAT_TABLE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lectern_heat_view_init (LecternHeatView *self)
{
}
