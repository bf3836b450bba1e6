/* lectern-reader-view-edit.c — the reader's Edit mode and its orphans
 * (issue #19).
 *
 * In Edit mode the text view is editable, but the buffer is never the
 * truth: each change GTK is about to make (insert-text, delete-range,
 * whatever made it: typing, paste, drop, the input method) is stopped,
 * made in the project by lectern_project_edit_text() (committed, passages
 * moved with their words, a transcript's turns kept in step), and only
 * then shown, by making the buffer what the project stores. A change the
 * project refuses is not shown at all.
 *
 * Typing is grouped: consecutive keystrokes in one place, with no pause
 * longer than RUN_PAUSE_MS between them, extend one undo step and one
 * version (lectern_project_set_typing_run()), as text editors merge
 * typing into one undo action; a pause, a jump of the caret, leaving Edit
 * mode, or an undo ends the run. Each keystroke is still committed as it
 * is made.
 *
 * Coding is off while editing (no Tag button, no passage popovers): a
 * selection there is text to replace, not a passage to code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lectern-import.h"
#include "lectern-paragraph-gutter.h"
#include "lectern-plain-toast.h"
#include "lectern-reader-view-private.h"

/* A pause in typing this long ends the undo step and the version. */
#define RUN_PAUSE_MS 1500

static void
end_run (LecternReaderView *self)
{
  g_clear_handle_id (&self->run_timeout, g_source_remove);
  if (self->in_run && self->project != NULL)
    lectern_project_set_typing_run (self->project, 0);
  self->in_run = FALSE;
}

static gboolean
run_timeout_cb (gpointer data)
{
  LecternReaderView *self = data;

  self->run_timeout = 0;
  end_run (self);
  return G_SOURCE_REMOVE;
}

/* Makes the buffer hold @stored, changing only what differs (so that the
 * caret, the scroll position and the marks elsewhere stay). TRUE when it
 * changed anything. */
static gboolean
show_stored_text (LecternReaderView *self,
                  const char        *stored)
{
  GtkTextBuffer *buffer = _lectern_reader_view_get_buffer (self);
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  g_autofree gunichar *a = NULL;
  g_autofree gunichar *b = NULL;
  glong na = 0, nb = 0, head = 0, tail = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (g_strcmp0 (shown, stored) == 0)
    return FALSE;

  a = g_utf8_to_ucs4_fast (shown, -1, &na);
  b = g_utf8_to_ucs4_fast (stored, -1, &nb);
  while (head < na && head < nb && a[head] == b[head])
    head++;
  while (tail < na - head && tail < nb - head && a[na - 1 - tail] == b[nb - 1 - tail])
    tail++;

  self->applying++;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, head);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, na - tail);
  gtk_text_buffer_delete (buffer, &start, &end);
  if (nb - head - tail > 0)
    {
      g_autofree char *middle = g_ucs4_to_utf8 (b + head, nb - head - tail, NULL, NULL, NULL);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, head);
      gtk_text_buffer_insert (buffer, &start, middle, -1);
    }
  self->applying--;
  return TRUE;
}

static void
orphan_toast_clicked_cb (LecternReaderView *self)
{
  gtk_menu_button_popup (self->orphan_button);
}

static void
toast_orphans (LecternReaderView *self,
               guint              n)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;
  message = g_strdup_printf (ngettext ("%u passage lost its text", "%u passages lost their text", n), n);
  toast = lectern_plain_toast_new (message);
  adw_toast_set_button_label (toast, _("_Show"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (orphan_toast_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* The orphans' bar: shown while the document has any. */
static void
update_orphans (LecternReaderView *self)
{
  guint n = lectern_orphan_list_get_n_orphans (self->orphan_list);

  if (n > 0)
    {
      g_autofree char *label =
        g_strdup_printf (ngettext ("%u passage lost its text: place it again or delete it",
                                   "%u passages lost their text: place them again or delete them", n), n);

      gtk_label_set_label (self->orphan_label, label);
    }
  else
    gtk_popover_popdown (self->orphan_popover);
  gtk_revealer_set_reveal_child (self->orphan_bar, n > 0 && self->document_id != 0);
}

/* Replaces [start, end) with @text in the project, then shows what it
 * stores. Returns the offset where the caret goes, or -1 when the project
 * refused the change (then the buffer is untouched). */
static glong
edit (LecternReaderView *self,
      glong              start,
      glong              end,
      const char        *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  LecternEditReport report = { 0, };
  GtkTextBuffer *buffer = _lectern_reader_view_get_buffer (self);
  glong caret;
  gboolean ok;

  /* A keystroke beside the last one continues the run. */
  if (!self->in_run || (start != self->run_cursor && end != self->run_cursor))
    {
      lectern_project_set_typing_run (self->project, self->document_id);
      self->in_run = TRUE;
    }
  g_clear_handle_id (&self->run_timeout, g_source_remove);
  self->run_timeout = g_timeout_add (RUN_PAUSE_MS, run_timeout_cb, self);

  /* A transcript's turns follow its words in the same step, as the CLI's
   * edit does. */
  self->applying++;
  ok = lectern_project_begin_group (self->project, &error);
  if (ok)
    {
      ok = lectern_project_edit_text (self->project, self->document_id, start, end, text, &report, &error)
           && lectern_document_turns_store (self->project, self->document_id, FALSE, &error);
      if (ok)
        ok = lectern_project_end_group (self->project, TRUE, &error);
      else
        lectern_project_end_group (self->project, FALSE, NULL);
    }
  if (ok)
    stored = lectern_project_dup_text (self->project, self->document_id, &error);
  self->applying--;

  if (!ok || stored == NULL)
    {
      end_run (self);
      _lectern_reader_view_show_error (self, error);
      return -1;
    }

  /* What GTK would have done, then whatever normalisation changed. */
  self->applying++;
  {
    GtkTextIter s, e;

    gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
    gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
    gtk_text_buffer_delete (buffer, &s, &e);
    if (text != NULL && *text != '\0')
      {
        /* Text typed inside a heading or a quote takes its look, as the
         * project's structure span grows over it. */
        GSList *tags = gtk_text_iter_get_tags (&s);   /* (transfer container) */
        GSList *inside = NULL;
        int at = gtk_text_iter_get_offset (&s);

        for (GSList *l = tags; l != NULL; l = l->next)
          if (l->data != self->match_tag && !gtk_text_iter_starts_tag (&s, l->data))
            inside = g_slist_prepend (inside, l->data);
        g_slist_free (tags);

        gtk_text_buffer_insert (buffer, &s, text, -1);
        for (GSList *l = inside; l != NULL; l = l->next)
          {
            GtkTextIter from;

            gtk_text_buffer_get_iter_at_offset (buffer, &from, at);
            gtk_text_buffer_apply_tag (buffer, l->data, &from, &s);
          }
        g_slist_free (inside);
      }
    caret = gtk_text_iter_get_offset (&s);
  }
  self->applying--;
  /* Normalisation changes the text where it was typed ("\r\n", a
   * combining mark joined to its letter): the caret keeps its place
   * after it. */
  {
    int before = gtk_text_buffer_get_char_count (buffer);

    show_stored_text (self, stored);
    caret += gtk_text_buffer_get_char_count (buffer) - before;
  }
  caret = CLAMP (caret, start, gtk_text_buffer_get_char_count (buffer));
  self->run_cursor = caret;

  lectern_paragraph_gutter_set_text (LECTERN_PARAGRAPH_GUTTER (self->gutter), stored);
  if (report.orphaned > 0)
    toast_orphans (self, report.orphaned);
  return caret;
}

static void
insert_text_cb (GtkTextBuffer     *buffer,
                GtkTextIter       *location,
                const char        *text,
                int                len,
                LecternReaderView *self)
{
  g_autofree char *copy = NULL;
  glong offset;
  glong caret;

  if (!self->editing || self->applying > 0 || self->project == NULL || self->document_id == 0)
    return;

  g_signal_stop_emission_by_name (buffer, "insert-text");
  offset = gtk_text_iter_get_offset (location);
  copy = len < 0 ? g_strdup (text) : g_strndup (text, len);
  caret = edit (self, offset, offset, copy);
  /* The caller goes on from the end of what was inserted. */
  gtk_text_buffer_get_iter_at_offset (buffer, location, caret >= 0 ? caret : offset);
}

static void
delete_range_cb (GtkTextBuffer     *buffer,
                 GtkTextIter       *start,
                 GtkTextIter       *end,
                 LecternReaderView *self)
{
  glong s, e, caret;

  if (!self->editing || self->applying > 0 || self->project == NULL || self->document_id == 0)
    return;

  g_signal_stop_emission_by_name (buffer, "delete-range");
  s = gtk_text_iter_get_offset (start);
  e = gtk_text_iter_get_offset (end);
  if (s > e)
    {
      glong t = s;

      s = e;
      e = t;
    }
  caret = edit (self, s, e, "");
  gtk_text_buffer_get_iter_at_offset (buffer, start, caret >= 0 ? caret : s);
  gtk_text_buffer_get_iter_at_offset (buffer, end, caret >= 0 ? caret : e);
}

/* Pasted and dropped text is plain text: styles (the reader's headings,
 * another document's look) are the project's to say, not the
 * clipboard's. A user action (paste, drop) applies no tag. */
static void
apply_tag_cb (GtkTextBuffer     *buffer,
              GtkTextTag        *tag,
              GtkTextIter       *start,
              GtkTextIter       *end,
              LecternReaderView *self)
{
  if (self->editing && self->applying == 0 && self->user_action > 0)
    g_signal_stop_emission_by_name (buffer, "apply-tag");
}

static void
begin_user_action_cb (LecternReaderView *self)
{
  self->user_action++;
}

static void
end_user_action_cb (LecternReaderView *self)
{
  if (self->user_action > 0)
    self->user_action--;
}

static void
insert_mark_set_cb (GtkTextBuffer     *buffer,
                    GtkTextIter       *location,
                    GtkTextMark       *mark,
                    LecternReaderView *self)
{
  /* The caret jumped elsewhere: the next keystroke is a new step. */
  if (self->in_run && self->applying == 0 && mark == gtk_text_buffer_get_insert (buffer)
      && gtk_text_iter_get_offset (location) != self->run_cursor)
    end_run (self);
}

/* The project's text changed without this reader (undo, redo, another
 * window or program): show it. */
static void
project_changed_cb (LecternReaderView *self,
                    guint              what,
                    gint64             document_id,
                    LecternProject    *project)
{
  if ((what & LECTERN_CHANGE_DOCUMENTS) && self->applying == 0 && self->document_id > 0
      && (document_id == 0 || document_id == self->document_id))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = lectern_project_dup_text (project, self->document_id, &error);

      end_run (self);
      if (stored == NULL)
        g_warning ("Could not read document %" G_GINT64_FORMAT ": %s", self->document_id, error->message);
      else if (show_stored_text (self, stored))
        lectern_paragraph_gutter_set_text (LECTERN_PARAGRAPH_GUTTER (self->gutter), stored);
    }
}

static void
orphan_place_cb (LecternReaderView *self,
                 gint64             annotation_id,
                 LecternOrphanList *list)
{
  g_autoptr(GError) error = NULL;
  glong start, end;

  if (!_lectern_reader_view_trimmed_selection (self, &start, &end))
    return;
  gtk_popover_popdown (self->orphan_popover);
  if (!lectern_project_place_annotation (self->project, annotation_id, start, end, &error))
    _lectern_reader_view_show_error (self, error);
}

static void
orphan_popover_show_cb (LecternReaderView *self)
{
  lectern_orphan_list_set_can_place (self->orphan_list, lectern_reader_view_get_selection (self, NULL, NULL));
}

gboolean
lectern_reader_view_get_editing (LecternReaderView *self)
{
  g_return_val_if_fail (LECTERN_IS_READER_VIEW (self), FALSE);
  return self->editing;
}

void
lectern_reader_view_set_editing (LecternReaderView *self,
                                 gboolean           editing)
{
  g_return_if_fail (LECTERN_IS_READER_VIEW (self));

  editing = editing && self->document_id > 0 && self->project != NULL;
  if (self->editing == editing)
    {
      /* A toggle that asked for what cannot be: it goes back. */
      g_object_notify (G_OBJECT (self), "editing");
      return;
    }

  self->editing = editing;
  end_run (self);
  if (editing)
    {
      /* Matches and popovers point at offsets that edits move. */
      _lectern_reader_view_clear_find (self);
      gtk_popover_popdown (self->info_popover);
      gtk_popover_popdown (GTK_POPOVER (self->tag_picker));
      gtk_popover_popdown (GTK_POPOVER (self->note_popover));
    }
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->text_view), editing);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self->text_view), TRUE);
  gtk_revealer_set_reveal_child (self->edit_bar, editing);
  if (editing)
    gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "editing");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->text_view), "editing");
  _lectern_reader_view_update_actions (self);
  if (editing)
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  g_object_notify (G_OBJECT (self), "editing");
}

static gboolean
edit_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             LecternReaderView     *self)
{
  if (keyval == GDK_KEY_Escape && self->editing
      && (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0)
    {
      lectern_reader_view_set_editing (self, FALSE);
      return TRUE;
    }
  return FALSE;
}

void
_lectern_reader_view_edit_document_changed (LecternReaderView *self)
{
  if (self->editing)
    lectern_reader_view_set_editing (self, FALSE);
  end_run (self);
  lectern_orphan_list_set_project (self->orphan_list, self->project);
  lectern_orphan_list_set_document_id (self->orphan_list, self->document_id > 0 ? self->document_id : -1);
  update_orphans (self);
}

void
_lectern_reader_view_edit_init (LecternReaderView *self)
{
  GtkTextBuffer *buffer = _lectern_reader_view_get_buffer (self);
  GtkEventController *controller;

  /* Ctrl+Z is the project's undo, not the buffer's. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (insert_text_cb), self, 0);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (delete_range_cb), self, 0);
  g_signal_connect_object (buffer, "apply-tag", G_CALLBACK (apply_tag_cb), self, 0);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (insert_mark_set_cb), self, 0);
  g_signal_connect_object (buffer, "begin-user-action", G_CALLBACK (begin_user_action_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "end-user-action", G_CALLBACK (end_user_action_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);

  /* Ctrl+E writes a note; Ctrl+Alt+E edits the text, wherever the focus
   * is in the window (the header's toggle is the same action). */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Alt>e"),
                                                          gtk_named_action_new ("reader.edit")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (edit_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  g_signal_connect_object (self->orphan_list, "place", G_CALLBACK (orphan_place_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->orphan_list, "changed", G_CALLBACK (update_orphans), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->orphan_popover, "show", G_CALLBACK (orphan_popover_show_cb), self, G_CONNECT_SWAPPED);
}

void
_lectern_reader_view_edit_dispose (LecternReaderView *self)
{
  /* The project may outlive the reader: its run ends here. */
  end_run (self);
}

void
_lectern_reader_view_class_edit_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (LECTERN_TYPE_ORPHAN_LIST);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, edit_bar);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, orphan_bar);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, orphan_label);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, orphan_button);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, orphan_popover);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, orphan_list);

  gtk_widget_class_install_property_action (widget_class, "reader.edit", "editing");
}
