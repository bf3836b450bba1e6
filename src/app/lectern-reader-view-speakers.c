/* lectern-reader-view-speakers.c — a transcript in the reader: the
 * speaker margin (lectern-speaker-gutter.c) beside the paragraph
 * numbers, the next and previous turn of a speaker, "only this speaker",
 * Code Speakers, and renaming and merging speakers from the margin.
 *
 * The turns shown are the document's stored `turn` spans, which import
 * keeps in step with the user's corrections; they are read again
 * whenever the project says its documents changed (a correction made
 * here, or by lectern-cli in another program). Every change goes through
 * import's lectern-document-turns.h, one undo step each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-compare-window.h"
#include "lectern-import.h"
#include "lectern-plain-toast.h"
#include "lectern-reader-view-private.h"
#include "lectern-speaker-gutter.h"

#define SPEAKER_GUTTER(self) LECTERN_SPEAKER_GUTTER ((self)->speaker_gutter)

/* The turn holding the cursor, or -1. */
static int
turn_at_cursor (LecternReaderView *self)
{
  return lectern_speaker_gutter_turn_at_offset (SPEAKER_GUTTER (self),
                                                (guint) _lectern_reader_view_cursor_offset (self));
}

static void
apply_dimming (LecternReaderView *self)
{
  GtkTextBuffer *buffer = _lectern_reader_view_get_buffer (self);
  LecternSpeakerGutter *gutter = SPEAKER_GUTTER (self);
  guint length = gtk_text_buffer_get_char_count (buffer);
  GtkTextIter start, end;
  GdkRGBA fg;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->other_speakers_tag, &start, &end);
  lectern_speaker_gutter_set_only_speaker (gutter, self->only_speaker);
  if (self->only_speaker == NULL)
    return;

  /* The text's own colour, faded: highlights keep their tints. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  fg.alpha *= 0.35;
  g_object_set (self->other_speakers_tag, "foreground-rgba", &fg, NULL);

  for (guint i = 0; i < lectern_speaker_gutter_get_n_turns (gutter); i++)
    {
      const char *speaker;
      guint turn_start, turn_end;

      lectern_speaker_gutter_get_turn (gutter, i, &turn_start, &turn_end, &speaker, NULL);
      if (g_strcmp0 (speaker, self->only_speaker) == 0 || turn_end > length)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, turn_start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, turn_end);
      gtk_text_buffer_apply_tag (buffer, self->other_speakers_tag, &start, &end);
    }
}

static void
update_speaker_actions (LecternReaderView *self)
{
  gboolean turns = lectern_speaker_gutter_get_n_turns (SPEAKER_GUTTER (self)) > 0;
  /* A comparison keeps Alt+Down and Alt+Up for its next and previous
   * change: a disabled action lets the keys through to it. */
  gboolean compared = LECTERN_IS_COMPARE_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.next-speaker-turn", turns && !compared);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.previous-speaker-turn", turns && !compared);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.only-speaker", turns);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.code-speakers", turns && self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.rename-speaker", turns && self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.merge-speaker", turns && self->project != NULL);
}

void
_lectern_reader_view_speakers_set_structure (LecternReaderView *self,
                                             GArray            *structure)
{
  LecternSpeakerGutter *gutter = SPEAKER_GUTTER (self);
  gboolean still_there = FALSE;

  lectern_speaker_gutter_set_structure (gutter, structure);

  /* "Only this speaker" lasts while the speaker does (a rename ends it). */
  for (guint i = 0; self->only_speaker != NULL && i < lectern_speaker_gutter_get_n_turns (gutter) && !still_there; i++)
    {
      const char *speaker;

      lectern_speaker_gutter_get_turn (gutter, i, NULL, NULL, &speaker, NULL);
      still_there = g_strcmp0 (speaker, self->only_speaker) == 0;
    }
  if (!still_there)
    g_clear_pointer (&self->only_speaker, g_free);

  apply_dimming (self);
  update_speaker_actions (self);
}

void
_lectern_reader_view_speakers_reload (LecternReaderView *self)
{
  g_autoptr(GArray) structure = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document_id > 0 && self->project != NULL)
    {
      structure = lectern_project_dup_document_structure (self->project, self->document_id, &error);
      if (structure == NULL)
        g_debug ("Could not read the structure of document %" G_GINT64_FORMAT ": %s",
                 self->document_id, error->message);
    }
  _lectern_reader_view_speakers_set_structure (self, structure);
}

/* ------------------------------------------------------------------ */
/* Going from turn to turn                                             */

static void
go_to_turn (LecternReaderView *self,
            int                index)
{
  GtkTextBuffer *buffer = _lectern_reader_view_get_buffer (self);
  GtkTextIter iter;
  guint start;

  if (index < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  lectern_speaker_gutter_get_turn (SPEAKER_GUTTER (self), index, &start, NULL, NULL, NULL);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->text_view), gtk_text_buffer_get_insert (buffer),
                                0.0, TRUE, 0.0, 0.2);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
step_turn_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LecternReaderView *self = LECTERN_READER_VIEW (widget);
  gboolean forward = g_str_equal (action_name, "reader.next-speaker-turn");
  int index = turn_at_cursor (self);

  /* Before the first turn: the first turn of anyone is the next one. */
  if (index < 0)
    {
      go_to_turn (self, forward && lectern_speaker_gutter_get_n_turns (SPEAKER_GUTTER (self)) > 0 ? 0 : -1);
      return;
    }
  go_to_turn (self, lectern_speaker_gutter_step_speaker (SPEAKER_GUTTER (self), index, forward));
}

/* ------------------------------------------------------------------ */
/* Only this speaker                                                   */

static void
set_only_speaker (LecternReaderView *self,
                  const char        *speaker)
{
  g_free (self->only_speaker);
  self->only_speaker = g_strdup (speaker);
  apply_dimming (self);
}

/* No parameter: the speaker at the cursor, or off when one is chosen;
 * a speaker's name: that speaker, or off when it is the one chosen. */
static void
only_speaker_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LecternReaderView *self = LECTERN_READER_VIEW (widget);
  const char *speaker = NULL;
  int index;

  if (param != NULL && *g_variant_get_string (param, NULL) != '\0')
    speaker = g_variant_get_string (param, NULL);
  else if (self->only_speaker == NULL && (index = turn_at_cursor (self)) >= 0)
    lectern_speaker_gutter_get_turn (SPEAKER_GUTTER (self), index, NULL, NULL, &speaker, NULL);

  if (speaker == NULL || g_strcmp0 (speaker, self->only_speaker) == 0)
    set_only_speaker (self, NULL);
  else
    set_only_speaker (self, speaker);
}

const char *
lectern_reader_view_get_only_speaker (LecternReaderView *self)
{
  g_return_val_if_fail (LECTERN_IS_READER_VIEW (self), NULL);

  return self->only_speaker;
}

GtkWidget *
lectern_reader_view_get_speaker_gutter (LecternReaderView *self)
{
  g_return_val_if_fail (LECTERN_IS_READER_VIEW (self), NULL);

  return self->speaker_gutter;
}

/* ------------------------------------------------------------------ */
/* Changing the speakers                                               */

static void
toast (LecternReaderView *self,
       const char        *message,
       gboolean           undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = lectern_plain_toast_new (message);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
code_speakers_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  LecternReaderView *self = LECTERN_READER_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_made = 0;

  if (self->project == NULL || self->document_id <= 0)
    return;
  if (!lectern_document_turns_code (self->project, self->document_id, NULL, &n_made, &error))
    {
      _lectern_reader_view_show_error (self, error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage coded", "%u passages coded", n_made),
                             n_made);
  toast (self, message, n_made > 0);
}

static void
correct_speaker (LecternReaderView         *self,
                 LecternTurnCorrectionKind  kind,
                 const char                *from,
                 const char                *into)
{
  g_autoptr(GArray) corrections = lectern_turn_corrections_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (into));

  if (self->project == NULL || self->document_id <= 0 || *name == '\0' || g_strcmp0 (from, name) == 0)
    return;
  if (kind == LECTERN_TURN_CORRECTION_MERGE)
    lectern_turn_corrections_add_merge (corrections, from, name);
  else
    lectern_turn_corrections_add_rename (corrections, from, name);
  if (!lectern_document_turns_correct (self->project, self->document_id,
                                       &g_array_index (corrections, LecternTurnCorrection, 0), &error))
    _lectern_reader_view_show_error (self, error);
}

/* (ss): the speaker, and its new name or the speaker it joins. */
static void
correct_speaker_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  LecternReaderView *self = LECTERN_READER_VIEW (widget);
  const char *from, *into;

  g_variant_get (param, "(&s&s)", &from, &into);
  correct_speaker (self, g_str_equal (action_name, "reader.merge-speaker")
                         ? LECTERN_TURN_CORRECTION_MERGE : LECTERN_TURN_CORRECTION_RENAME,
                   from, into);
}

/* ------------------------------------------------------------------ */
/* The speaker's popover, from a click on a name in the margin          */

static void
drop_popover (gpointer data)
{
  g_autoptr(GtkWidget) popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
}

static void
popover_closed_cb (GtkPopover *popover)
{
  /* Built for one speaker; a later click builds another. Not while it
   * is closing: its own handlers still run. */
  g_idle_add_once (drop_popover, g_object_ref (popover));
}

static void
rename_activated_cb (GtkWidget *widget)
{
  GtkPopover *popover = GTK_POPOVER (gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER));
  LecternReaderView *self = g_object_get_data (G_OBJECT (popover), "reader");
  const char *speaker = g_object_get_data (G_OBJECT (popover), "speaker");
  GtkEditable *entry = g_object_get_data (G_OBJECT (popover), "entry");
  g_autofree char *name = g_strdup (gtk_editable_get_text (entry));
  g_autofree char *from = g_strdup (speaker);

  gtk_popover_popdown (popover);
  correct_speaker (self, LECTERN_TURN_CORRECTION_RENAME, from, name);
}

static void
merge_clicked_cb (GtkWidget *button)
{
  GtkPopover *popover = GTK_POPOVER (gtk_widget_get_ancestor (button, GTK_TYPE_POPOVER));
  LecternReaderView *self = g_object_get_data (G_OBJECT (popover), "reader");
  GtkDropDown *others = g_object_get_data (G_OBJECT (popover), "others");
  GtkStringObject *item = gtk_drop_down_get_selected_item (others);
  g_autofree char *from = g_strdup (g_object_get_data (G_OBJECT (popover), "speaker"));
  g_autofree char *into = item != NULL ? g_strdup (gtk_string_object_get_string (item)) : NULL;

  gtk_popover_popdown (popover);
  if (into != NULL)
    correct_speaker (self, LECTERN_TURN_CORRECTION_MERGE, from, into);
}

static void
popover_button_cb (GtkWidget *button)
{
  GtkPopover *popover = GTK_POPOVER (gtk_widget_get_ancestor (button, GTK_TYPE_POPOVER));
  LecternReaderView *self = g_object_get_data (G_OBJECT (popover), "reader");
  const char *speaker = g_object_get_data (G_OBJECT (popover), "speaker");
  int turn = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (popover), "turn"));
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  g_autofree char *name = g_strdup (speaker);

  gtk_popover_popdown (popover);
  if (g_str_equal (what, "only"))
    {
      if (g_strcmp0 (self->only_speaker, name) == 0)
        set_only_speaker (self, NULL);
      else
        set_only_speaker (self, name);
    }
  else
    go_to_turn (self, lectern_speaker_gutter_step_speaker (SPEAKER_GUTTER (self), turn, g_str_equal (what, "next")));
}

static GtkWidget *
popover_button (const char *label,
                const char *what)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (gtk_button_get_child (GTK_BUTTON (button)), GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "what", (gpointer) what);
  g_signal_connect (button, "clicked", G_CALLBACK (popover_button_cb), NULL);
  return button;
}

void
lectern_reader_view_popup_speaker (LecternReaderView *self,
                                   guint              turn)
{
  LecternSpeakerGutter *gutter = SPEAKER_GUTTER (self);
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GtkStringList) others = gtk_string_list_new (NULL);
  GtkWidget *popover, *box, *label, *entry, *row, *button, *dropdown;
  const char *speaker;
  graphene_rect_t area;
  guint n_turns = 0;
  g_autofree char *count = NULL;

  g_return_if_fail (LECTERN_IS_READER_VIEW (self));
  if (turn >= lectern_speaker_gutter_get_n_turns (gutter))
    return;

  lectern_speaker_gutter_get_turn (gutter, turn, NULL, NULL, &speaker, NULL);
  for (guint i = 0; i < lectern_speaker_gutter_get_n_turns (gutter); i++)
    {
      const char *s;

      lectern_speaker_gutter_get_turn (gutter, i, NULL, NULL, &s, NULL);
      n_turns += g_strcmp0 (s, speaker) == 0;
    }
  speakers = lectern_speaker_gutter_list_speakers (gutter);
  for (guint i = 0; i < speakers->len; i++)
    if (g_strcmp0 (g_ptr_array_index (speakers, i), speaker) != 0)
      gtk_string_list_append (others, g_ptr_array_index (speakers, i));

  popover = gtk_popover_new ();
  gtk_widget_add_css_class (popover, "speaker-popover");
  g_object_set_data (G_OBJECT (popover), "reader", self);
  g_object_set_data_full (G_OBJECT (popover), "speaker", g_strdup (speaker), g_free);
  g_object_set_data (G_OBJECT (popover), "turn", GINT_TO_POINTER (turn));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 260, -1);
  label = gtk_label_new (speaker);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u turn", "%u turns", n_turns), n_turns);
  label = gtk_label_new (count);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_box_append (GTK_BOX (box), popover_button (_("_Next Turn of This Speaker"), "next"));
  gtk_box_append (GTK_BOX (box), popover_button (_("_Previous Turn of This Speaker"), "previous"));
  gtk_box_append (GTK_BOX (box), popover_button (g_strcmp0 (self->only_speaker, speaker) == 0
                                                 ? _("Show _All Speakers") : _("_Only This Speaker"), "only"));

  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), speaker);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Speaker’s name"), -1);
  g_signal_connect (entry, "activate", G_CALLBACK (rename_activated_cb), NULL);
  g_object_set_data (G_OBJECT (popover), "entry", entry);
  button = gtk_button_new_with_mnemonic (_("_Rename"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (rename_activated_cb), entry);
  gtk_box_append (GTK_BOX (row), entry);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (box), row);

  if (g_list_model_get_n_items (G_LIST_MODEL (others)) > 0)
    {
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (others)), NULL);
      gtk_widget_set_hexpand (dropdown, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Speaker to merge into"), -1);
      g_object_set_data (G_OBJECT (popover), "others", dropdown);
      button = gtk_button_new_with_mnemonic (_("_Merge Into"));
      gtk_widget_set_tooltip_text (button, _("Every turn of this speaker becomes a turn of the speaker chosen"));
      g_signal_connect (button, "clicked", G_CALLBACK (merge_clicked_cb), NULL);
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (GTK_BOX (row), dropdown);
      gtk_box_append (GTK_BOX (box), row);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_parent (popover, self->speaker_gutter);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_RIGHT);
  if (lectern_speaker_gutter_get_label_area (gutter, turn, &area))
    gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                                 &(GdkRectangle) { area.origin.x, area.origin.y, area.size.width, area.size.height });
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
gutter_pressed_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   LecternReaderView *self)
{
  int turn = lectern_speaker_gutter_turn_at_y (SPEAKER_GUTTER (self), y);

  if (turn < 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  lectern_reader_view_popup_speaker (self, turn);
}

/* The margin shows when either of its columns does, so that a document
 * with neither leaves the text its whole width. */
static void
margin_child_visible_cb (GtkWidget *child)
{
  GtkWidget *margin = gtk_widget_get_parent (child);
  gboolean any = FALSE;

  if (margin == NULL)
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (margin); c != NULL && !any; c = gtk_widget_get_next_sibling (c))
    any = gtk_widget_get_visible (c);
  gtk_widget_set_visible (margin, any);
}

static void
draw_rules (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  LecternReaderView *self = data;

  lectern_speaker_gutter_draw_rules (SPEAKER_GUTTER (self), GTK_WIDGET (area), cr);
}

/* ------------------------------------------------------------------ */

void
_lectern_reader_view_speakers_init (LecternReaderView *self)
{
  GtkWidget *margin = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *rules;
  GtkGesture *click;

  self->other_speakers_tag = gtk_text_buffer_create_tag (_lectern_reader_view_get_buffer (self),
                                                         "other-speakers", NULL);
  /* Under every other tag: a highlight's own colours win. */
  gtk_text_tag_set_priority (self->other_speakers_tag, 0);

  self->speaker_gutter = lectern_speaker_gutter_new (GTK_TEXT_VIEW (self->text_view));
  /* The faded colour is the text's own, light or dark. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (apply_dimming), self,
                           G_CONNECT_SWAPPED);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (gutter_pressed_cb), self);
  gtk_widget_add_controller (self->speaker_gutter, GTK_EVENT_CONTROLLER (click));

  /* The text view has one left gutter: the speakers, then the numbers. */
  gtk_box_append (GTK_BOX (margin), self->speaker_gutter);
  gtk_box_append (GTK_BOX (margin), self->gutter);
  gtk_text_view_set_gutter (GTK_TEXT_VIEW (self->text_view), GTK_TEXT_WINDOW_LEFT, margin);
  g_signal_connect (self->speaker_gutter, "notify::visible", G_CALLBACK (margin_child_visible_cb), NULL);
  g_signal_connect (self->gutter, "notify::visible", G_CALLBACK (margin_child_visible_cb), NULL);
  margin_child_visible_cb (self->gutter);

  /* The rules between turns run across the text: drawn over the view,
   * which the margin's own drawing cannot leave. */
  rules = gtk_drawing_area_new ();
  gtk_widget_set_can_target (rules, FALSE);
  gtk_widget_set_can_focus (rules, FALSE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (rules), draw_rules, self, NULL);
  gtk_overlay_add_overlay (self->overlay, rules);
  lectern_speaker_gutter_set_rules_widget (SPEAKER_GUTTER (self), rules);
  update_speaker_actions (self);
}

void
_lectern_reader_view_speakers_dispose (LecternReaderView *self)
{
  g_clear_pointer (&self->only_speaker, g_free);
}

void
_lectern_reader_view_class_speakers_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reader.next-speaker-turn", NULL, step_turn_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.previous-speaker-turn", NULL, step_turn_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.only-speaker", "s", only_speaker_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.code-speakers", NULL, code_speakers_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.rename-speaker", "(ss)", correct_speaker_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.merge-speaker", "(ss)", correct_speaker_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "reader.next-speaker-turn", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "reader.previous-speaker-turn", NULL);
}
