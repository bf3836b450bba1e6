/* lectern-note-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-note-popover.h"

struct _LecternNotePopover
{
  GtkPopover     parent_instance;

  GtkLabel      *quote;
  GtkTextView   *text_view;
  GtkLabel      *error_label;

  LecternProject *project;
  gint64         annotation_id;
  char          *original;
  gboolean       cancelled;   /* closing drops the edit */
};

G_DEFINE_FINAL_TYPE (LecternNotePopover, lectern_note_popover, GTK_TYPE_POPOVER)

static char *
dup_text (LecternNotePopover *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &begin, &end, FALSE));
}

gboolean
lectern_note_popover_save (LecternNotePopover  *self,
                           GError             **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (LECTERN_IS_NOTE_POPOVER (self), FALSE);

  if (self->project == NULL || self->annotation_id == 0)
    return TRUE;

  text = dup_text (self);
  if (g_strcmp0 (text, self->original ? self->original : "") == 0)
    return TRUE;

  /* An empty note is no note: stored as NULL, as core reads "". */
  if (!lectern_project_set_annotation_note (self->project, self->annotation_id,
                                           text[0] != '\0' ? text : NULL, error))
    return FALSE;

  g_free (self->original);
  self->original = g_steal_pointer (&text);
  return TRUE;
}

static void
closed_cb (LecternNotePopover *self)
{
  g_autoptr(GError) error = NULL;

  if (self->cancelled)
    {
      self->cancelled = FALSE;
      return;
    }
  if (!lectern_note_popover_save (self, &error))
    {
      /* Keep the text and say why rather than drop what was written. */
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      g_warning ("%s", error->message);
    }
}

static void
done_cb (LecternNotePopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LecternNotePopover *self = LECTERN_NOTE_POPOVER (widget);

  /* The note stays as it was; what was typed since it opened goes. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            self->original ? self->original : "", -1);
  self->cancelled = TRUE;
  gtk_popover_popdown (GTK_POPOVER (self));
  self->cancelled = FALSE;
}

void
lectern_note_popover_edit (LecternNotePopover *self,
                           LecternProject      *project,
                           gint64              annotation_id)
{
  g_autoptr(LecternAnnotation) annotation = NULL;
  const char *note;

  g_return_if_fail (LECTERN_IS_NOTE_POPOVER (self));
  g_return_if_fail (LECTERN_IS_PROJECT (project));

  g_set_object (&self->project, project);
  self->annotation_id = annotation_id;
  self->cancelled = FALSE;
  g_clear_pointer (&self->original, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  annotation = lectern_project_dup_annotation (project, annotation_id, NULL);
  note = annotation ? lectern_annotation_get_note (annotation) : NULL;
  self->original = g_strdup (note ? note : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), self->original, -1);
  gtk_label_set_text (self->quote, annotation ? lectern_annotation_get_quote (annotation) : "");
}

void
lectern_note_popover_set_text (LecternNotePopover *self,
                               const char         *text)
{
  g_return_if_fail (LECTERN_IS_NOTE_POPOVER (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

static void
lectern_note_popover_dispose (GObject *object)
{
  LecternNotePopover *self = LECTERN_NOTE_POPOVER (object);

  g_clear_object (&self->project);
  G_OBJECT_CLASS (lectern_note_popover_parent_class)->dispose (object);
}

static void
lectern_note_popover_finalize (GObject *object)
{
  LecternNotePopover *self = LECTERN_NOTE_POPOVER (object);

  g_free (self->original);
  G_OBJECT_CLASS (lectern_note_popover_parent_class)->finalize (object);
}

static void
lectern_note_popover_class_init (LecternNotePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_note_popover_dispose;
  object_class->finalize = lectern_note_popover_finalize;

  gtk_widget_class_install_action (widget_class, "note.cancel", NULL, cancel_action_cb);
}

static gboolean
key_cb (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        LecternNotePopover    *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      done_cb (self);
      return TRUE;
    }
  /* Before GtkPopover's own Escape, which would close it and so save. */
  if (keyval == GDK_KEY_Escape)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "note.cancel", NULL);
      return TRUE;
    }
  return FALSE;
}

static void
lectern_note_popover_init (LecternNotePopover *self)
{
  GtkWidget *box, *scroller, *button, *header;
  GtkEventController *keys;

  /* Small enough to build in code; no template needed. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 320, -1);

  self->quote = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->quote, TRUE);
  gtk_label_set_lines (self->quote, 3);
  /* GTK 4.8 measures a wrapped, ellipsized label narrower than nothing
   * unless it is given a width in characters. */
  gtk_label_set_width_chars (self->quote, 12);
  gtk_label_set_ellipsize (self->quote, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->quote, 40);
  gtk_label_set_xalign (self->quote, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->quote), "note-quote");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->quote));

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_top_margin (self->text_view, 6);
  gtk_text_view_set_bottom_margin (self->text_view, 6);
  gtk_text_view_set_left_margin (self->text_view, 6);
  gtk_text_view_set_right_margin (self->text_view, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->text_view));
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_add_css_class (scroller, "note-editor");
  gtk_box_append (GTK_BOX (box), scroller);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (header), g_object_new (GTK_TYPE_LABEL,
                                                  "label", _("Ctrl+Enter saves, Escape cancels"),
                                                  "hexpand", TRUE, "xalign", 0.0f,
                                                  "css-classes", (const char *[]) { "dim-label", "caption", NULL },
                                                  NULL));
  button = gtk_button_new_with_mnemonic (_("_Done"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (done_cb), self);
  gtk_box_append (GTK_BOX (header), button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self), NULL);
  g_signal_connect (self, "closed", G_CALLBACK (closed_cb), NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_cb), self);
  /* On the popover, in capture, so Escape cancels wherever the focus is. */
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
lectern_note_popover_new (void)
{
  return g_object_new (LECTERN_TYPE_NOTE_POPOVER, NULL);
}
