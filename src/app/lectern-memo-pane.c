/* lectern-memo-pane.c
 *
 * An edit is saved when it is made: a second after typing stops, when the
 * text loses the keyboard, when the pane is hidden or its target changes,
 * and when it goes away. Each save is one transaction (and so one undo
 * step). The pane says "Saved" once the text is in the project file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-memo-pane.h"

/* Quiet time after the last key before an edit is saved. */
#define SAVE_DELAY_MS 1000

typedef enum
{
  KIND_MEMO,
  KIND_TAG_DESCRIPTION,
} Kind;

struct _LecternMemoPane
{
  GtkWidget          parent_instance;

  GtkLabel          *heading_label;
  GtkLabel          *status_label;
  GtkTextView       *text_view;

  LecternProject     *project;
  GSignalGroup      *project_signals;
  Kind               kind;
  LecternMemoTarget  target;
  gint64             id;
  char              *saved_text;      /* what the project holds */
  guint              save_id;
  gboolean           loading;
  gboolean           saving;
  gboolean           modified;
};

G_DEFINE_FINAL_TYPE (LecternMemoPane, lectern_memo_pane, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_HEADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_status (LecternMemoPane *self,
            const char      *status,
            gboolean         is_error)
{
  gtk_label_set_label (self->status_label, status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), is_error ? status : NULL);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
}

static char *
dup_text (LecternMemoPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* What the project holds for the target now; NULL for nothing. */
static char *
dup_stored (LecternMemoPane  *self,
            GError          **error)
{
  if (self->kind == KIND_MEMO)
    return lectern_project_dup_memo (self->project, self->target, self->id, error);
  else
    {
      g_autoptr(LecternTag) tag = lectern_project_dup_tag (self->project, self->id, error);

      return tag ? g_strdup (lectern_tag_get_description (tag)) : NULL;
    }
}

static void
show_text (LecternMemoPane *self,
           const char      *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  self->loading = TRUE;
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  self->loading = FALSE;
}

static void
load (LecternMemoPane *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->saved_text, g_free);
  self->modified = FALSE;
  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->project != NULL)
    self->saved_text = dup_stored (self, &error);
  show_text (self, self->saved_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), self->project != NULL && error == NULL);
  set_status (self, error ? error->message : "", error != NULL);
}

gboolean
lectern_memo_pane_save (LecternMemoPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  g_return_val_if_fail (LECTERN_IS_MEMO_PANE (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!self->modified || self->saving || self->project == NULL || self->text_view == NULL)
    return TRUE;

  text = dup_text (self);
  if (g_strcmp0 (text, self->saved_text ? self->saved_text : "") == 0)
    {
      self->modified = FALSE;
      set_status (self, _("Saved"), FALSE);
      return TRUE;
    }

  self->saving = TRUE;
  if (self->kind == KIND_MEMO)
    ok = lectern_project_set_memo (self->project, self->target, self->id, text, &error);
  else
    ok = lectern_project_set_tag_description (self->project, self->id, *text ? text : NULL, &error);
  self->saving = FALSE;

  if (!ok)
    {
      g_autofree char *status = g_strdup_printf (_("Not saved: %s"), error->message);

      set_status (self, status, TRUE);
      return FALSE;
    }

  g_free (self->saved_text);
  self->saved_text = g_steal_pointer (&text);
  self->modified = FALSE;
  set_status (self, _("Saved"), FALSE);
  return TRUE;
}

static void
save_timeout_cb (gpointer data)
{
  LecternMemoPane *self = data;

  self->save_id = 0;
  lectern_memo_pane_save (self);
}

static void
buffer_changed_cb (LecternMemoPane *self)
{
  if (self->loading)
    return;
  if (!self->modified)
    set_status (self, _("Editing…"), FALSE);
  self->modified = TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add_once (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
focus_leave_cb (LecternMemoPane *self)
{
  lectern_memo_pane_save (self);
}

/* Undo, redo, another window or another program changed the project:
 * show its text, unless an edit of ours is still to be saved. */
static void
project_changed_cb (LecternMemoPane *self,
                   guint            what,
                   gint64           document_id,
                   LecternProject   *project)
{
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;

  if (self->saving || self->modified)
    return;
  if (!(what & (self->kind == KIND_MEMO ? LECTERN_CHANGE_MEMOS : LECTERN_CHANGE_TAGS)))
    return;

  stored = dup_stored (self, &error);
  if (error != NULL)
    {
      /* The tag or document went away: the pane has nothing to edit. */
      lectern_memo_pane_set_memo (self, NULL, LECTERN_MEMO_PROJECT, 0);
      return;
    }
  shown = dup_text (self);
  if (g_strcmp0 (stored ? stored : "", shown) != 0)
    show_text (self, stored);
  g_free (self->saved_text);
  self->saved_text = g_steal_pointer (&stored);
}

static void
set_target (LecternMemoPane   *self,
            LecternProject     *project,
            Kind               kind,
            LecternMemoTarget  target,
            gint64             id)
{
  if (self->project == project && self->kind == kind && self->target == target && self->id == id)
    return;

  lectern_memo_pane_save (self);
  g_set_object (&self->project, project);
  g_signal_group_set_target (self->project_signals, project);
  self->kind = kind;
  self->target = target;
  self->id = id;
  load (self);
}

void
lectern_memo_pane_set_memo (LecternMemoPane   *self,
                            LecternProject     *project,
                            LecternMemoTarget  target,
                            gint64             id)
{
  g_return_if_fail (LECTERN_IS_MEMO_PANE (self));
  g_return_if_fail (project == NULL || LECTERN_IS_PROJECT (project));

  set_target (self, project, KIND_MEMO, target, id);
}

void
lectern_memo_pane_set_tag_description (LecternMemoPane *self,
                                       LecternProject   *project,
                                       gint64           tag_id)
{
  g_return_if_fail (LECTERN_IS_MEMO_PANE (self));
  g_return_if_fail (project == NULL || LECTERN_IS_PROJECT (project));

  set_target (self, project, KIND_TAG_DESCRIPTION, 0, tag_id);
}

gboolean
lectern_memo_pane_get_modified (LecternMemoPane *self)
{
  g_return_val_if_fail (LECTERN_IS_MEMO_PANE (self), FALSE);

  return self->modified;
}

GtkTextView *
lectern_memo_pane_get_text_view (LecternMemoPane *self)
{
  g_return_val_if_fail (LECTERN_IS_MEMO_PANE (self), NULL);

  return self->text_view;
}

const char *
lectern_memo_pane_get_status (LecternMemoPane *self)
{
  g_return_val_if_fail (LECTERN_IS_MEMO_PANE (self), NULL);

  return gtk_label_get_label (self->status_label);
}

const char *
lectern_memo_pane_get_heading (LecternMemoPane *self)
{
  g_return_val_if_fail (LECTERN_IS_MEMO_PANE (self), NULL);

  return gtk_label_get_label (self->heading_label);
}

void
lectern_memo_pane_set_heading (LecternMemoPane *self,
                               const char      *heading)
{
  g_return_if_fail (LECTERN_IS_MEMO_PANE (self));

  if (g_strcmp0 (heading, gtk_label_get_label (self->heading_label)) == 0)
    return;
  gtk_label_set_label (self->heading_label, heading ? heading : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading ? heading : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
}

static void
lectern_memo_pane_unmap (GtkWidget *widget)
{
  lectern_memo_pane_save (LECTERN_MEMO_PANE (widget));
  GTK_WIDGET_CLASS (lectern_memo_pane_parent_class)->unmap (widget);
}

static void
lectern_memo_pane_dispose (GObject *object)
{
  LecternMemoPane *self = LECTERN_MEMO_PANE (object);
  GtkWidget *child;

  /* The last chance for an edit typed just before the window closed. */
  if (self->text_view != NULL)
    lectern_memo_pane_save (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_MEMO_PANE);
  /* The template's root box has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (lectern_memo_pane_parent_class)->dispose (object);
}

static void
lectern_memo_pane_finalize (GObject *object)
{
  LecternMemoPane *self = LECTERN_MEMO_PANE (object);

  g_free (self->saved_text);
  G_OBJECT_CLASS (lectern_memo_pane_parent_class)->finalize (object);
}

static void
lectern_memo_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LecternMemoPane *self = LECTERN_MEMO_PANE (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, lectern_memo_pane_get_heading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_memo_pane_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LecternMemoPane *self = LECTERN_MEMO_PANE (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      lectern_memo_pane_set_heading (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_memo_pane_class_init (LecternMemoPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_memo_pane_dispose;
  object_class->finalize = lectern_memo_pane_finalize;
  object_class->get_property = lectern_memo_pane_get_property;
  object_class->set_property = lectern_memo_pane_set_property;
  widget_class->unmap = lectern_memo_pane_unmap;

  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-memo-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternMemoPane, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LecternMemoPane, status_label);
  gtk_widget_class_bind_template_child (widget_class, LecternMemoPane, text_view);
}

static void
lectern_memo_pane_init (LecternMemoPane *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->project_signals = g_signal_group_new (LECTERN_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);

  load (self);
}

GtkWidget *
lectern_memo_pane_new (void)
{
  return g_object_new (LECTERN_TYPE_MEMO_PANE, NULL);
}
