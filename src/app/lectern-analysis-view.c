/* lectern-analysis-view.c
 *
 * The four analysis pages differ in what they compute and show; what they
 * share (the project, the runner, the busy state) lives here once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include "lectern-analysis-view.h"

typedef struct
{
  LecternAnalysisRunner *runner;
  GtkSpinner            *spinner;
  GtkWidget             *cancel_button;
  char                  *cancel_action;
} LecternAnalysisViewPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LecternAnalysisView, lectern_analysis_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PROJECT, PROP_BUSY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
busy_changed_cb (LecternAnalysisView *self)
{
  LecternAnalysisViewPrivate *priv = lectern_analysis_view_get_instance_private (self);
  gboolean busy = lectern_analysis_runner_get_busy (priv->runner);

  gtk_spinner_set_spinning (priv->spinner, busy);
  gtk_widget_set_visible (priv->cancel_button, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), priv->cancel_action, busy);
  if (LECTERN_ANALYSIS_VIEW_GET_CLASS (self)->busy_changed != NULL)
    LECTERN_ANALYSIS_VIEW_GET_CLASS (self)->busy_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

LecternAnalysisRunner *
lectern_analysis_view_setup (LecternAnalysisView *self,
                             guint                changes,
                             GtkSpinner          *spinner,
                             GtkWidget           *cancel_button,
                             const char          *cancel_action)
{
  LecternAnalysisViewPrivate *priv = lectern_analysis_view_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_ANALYSIS_VIEW (self), NULL);
  g_return_val_if_fail (priv->runner == NULL, NULL);

  priv->runner = lectern_analysis_runner_new (changes);
  priv->spinner = spinner;
  priv->cancel_button = cancel_button;
  priv->cancel_action = g_strdup (cancel_action);
  g_signal_connect_object (priv->runner, "notify::busy", G_CALLBACK (busy_changed_cb), self, G_CONNECT_SWAPPED);
  busy_changed_cb (self);
  return priv->runner;
}

LecternProject *
lectern_analysis_view_get_project (LecternAnalysisView *self)
{
  LecternAnalysisViewPrivate *priv = lectern_analysis_view_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_ANALYSIS_VIEW (self), NULL);
  return priv->runner != NULL ? lectern_analysis_runner_get_project (priv->runner) : NULL;
}

void
lectern_analysis_view_set_project (LecternAnalysisView *self,
                                   LecternProject      *project)
{
  LecternAnalysisViewPrivate *priv = lectern_analysis_view_get_instance_private (self);

  g_return_if_fail (LECTERN_IS_ANALYSIS_VIEW (self));
  g_return_if_fail (project == NULL || LECTERN_IS_PROJECT (project));
  g_return_if_fail (priv->runner != NULL);

  if (lectern_analysis_runner_get_project (priv->runner) == project)
    return;
  lectern_analysis_runner_set_project (priv->runner, project);
  if (LECTERN_ANALYSIS_VIEW_GET_CLASS (self)->project_changed != NULL)
    LECTERN_ANALYSIS_VIEW_GET_CLASS (self)->project_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
lectern_analysis_view_get_busy (LecternAnalysisView *self)
{
  LecternAnalysisViewPrivate *priv = lectern_analysis_view_get_instance_private (self);

  g_return_val_if_fail (LECTERN_IS_ANALYSIS_VIEW (self), FALSE);
  return priv->runner != NULL && lectern_analysis_runner_get_busy (priv->runner);
}

void
lectern_analysis_view_cancel_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LecternAnalysisViewPrivate *priv = lectern_analysis_view_get_instance_private (LECTERN_ANALYSIS_VIEW (widget));

  if (priv->runner != NULL)
    lectern_analysis_runner_cancel (priv->runner);
}

void
lectern_analysis_view_show_empty (GtkStack      *stack,
                                  AdwStatusPage *status_page,
                                  const char    *title,
                                  const char    *description)
{
  adw_status_page_set_title (status_page, title);
  adw_status_page_set_description (status_page, description);
  gtk_stack_set_visible_child_name (stack, "empty");
}

static void
lectern_analysis_view_dispose (GObject *object)
{
  LecternAnalysisView *self = LECTERN_ANALYSIS_VIEW (object);
  LecternAnalysisViewPrivate *priv = lectern_analysis_view_get_instance_private (self);

  /* The subclass's widgets are gone by now: nothing may call back. */
  if (priv->runner != NULL)
    {
      g_signal_handlers_disconnect_by_data (priv->runner, self);
      lectern_analysis_runner_set_project (priv->runner, NULL);
    }
  g_clear_object (&priv->runner);
  priv->spinner = NULL;
  priv->cancel_button = NULL;
  g_clear_pointer (&priv->cancel_action, g_free);

  G_OBJECT_CLASS (lectern_analysis_view_parent_class)->dispose (object);
}

static void
lectern_analysis_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LecternAnalysisView *self = LECTERN_ANALYSIS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, lectern_analysis_view_get_project (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, lectern_analysis_view_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_analysis_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_PROJECT:
      lectern_analysis_view_set_project (LECTERN_ANALYSIS_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_analysis_view_class_init (LecternAnalysisViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lectern_analysis_view_dispose;
  object_class->get_property = lectern_analysis_view_get_property;
  object_class->set_property = lectern_analysis_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, LECTERN_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_analysis_view_init (LecternAnalysisView *self)
{
}
