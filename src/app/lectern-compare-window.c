/* lectern-compare-window.c
 *
 * Both panes are the workbench's own reader views, so highlights show and
 * passages can be tagged and annotated in either pane as in the reader.
 * The comparison is drawn over them with text tags of its own, and the
 * bands between the panes link each chunk across.
 *
 * Synchronised scrolling maps the line in the middle of the scrolled pane
 * through the chunks' boundaries (anchors) to the other pane, as Meld
 * does, so that aligned pairs and changed chunks stay side by side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-application.h"
#include "lectern-compare-window-private.h"
#include "lectern-plain-toast.h"


G_DEFINE_FINAL_TYPE (LecternCompareWindow, lectern_compare_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_MODE,
  PROP_HIDE_MINOR,
  PROP_SYNC_SCROLL,
  PROP_BUSY,
  PROP_PROJECT,
  PROP_DOCUMENT_A,
  PROP_DOCUMENT_B,
  N_PROPS
};

enum {
  COMPARED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *tag_names[] = {
  "compare-insert", "compare-delete", "compare-replace",
  "compare-pair-0", "compare-pair-1", "compare-unpaired",
  "compare-shared", "compare-focus", "compare-focus-pair", "compare-chosen",
};

static void run_comparison (LecternCompareWindow *self);

static void
update_actions (LecternCompareWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean busy = self->cancellable != NULL;
  gboolean has_chunks = self->chunks != NULL && self->chunks->len > 0;
  gboolean translation = self->mode == LECTERN_COMPARE_MODE_TRANSLATION && !busy && self->chunks != NULL;
  gboolean has_current = self->chunks != NULL && self->current >= 0 && (guint) self->current < self->chunks->len;
  gboolean has_stop_after = FALSE, has_stop_before = FALSE;

  for (guint i = 0; has_chunks && i < self->chunks->len; i++)
    {
      if (!is_stop (&g_array_index (self->chunks, LecternChunk, i)))
        continue;
      if ((int) i > self->current)
        has_stop_after = TRUE;
      if ((int) i < self->current)
        has_stop_before = TRUE;
    }

  gtk_widget_action_set_enabled (widget, "compare.cancel", busy);
  /* An earlier version is only ever on the left. */
  gtk_widget_action_set_enabled (widget, "compare.swap", self->version == 0);
  gtk_widget_action_set_enabled (widget, "compare.next-change", !busy && has_stop_after);
  gtk_widget_action_set_enabled (widget, "compare.previous-change", !busy && has_stop_before);
  gtk_widget_action_set_enabled (widget, "compare.hide-minor", self->mode == LECTERN_COMPARE_MODE_VERSIONS);
  gtk_widget_action_set_enabled (widget, "compare.pair-selections",
                                 translation && self->chosen[0][1] > self->chosen[0][0] &&
                                 self->chosen[1][1] > self->chosen[1][0]);
  gtk_widget_action_set_enabled (widget, "compare.merge-pair", translation && has_current &&
                                 (guint) self->current + 1 < self->chunks->len);
  gtk_widget_action_set_enabled (widget, "compare.split-pair", translation && has_current);
  gtk_widget_action_set_enabled (widget, "compare.reset-pairs", translation);
  gtk_action_bar_set_revealed (self->pair_bar, self->mode == LECTERN_COMPARE_MODE_TRANSLATION);
  _lectern_compare_window_update_coders (self);
}

void
_lectern_compare_window_show_error (LecternCompareWindow *self,
                                    const char           *heading,
                                    const GError         *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* Showing a result                                                    */

static void
clear_marks (LecternCompareWindow *self)
{
  for (guint side = 0; side < 2; side++)
    {
      GtkTextBuffer *b = buffer (self, side);
      GtkTextIter s, e;

      gtk_text_buffer_get_bounds (b, &s, &e);
      for (guint t = 0; t < G_N_ELEMENTS (tag_names); t++)
        gtk_text_buffer_remove_tag_by_name (b, tag_names[t], &s, &e);
    }
}

static void
apply_side (LecternCompareWindow *self,
            guint                 side,
            const char           *tag,
            glong                 start,
            glong                 end)
{
  GtkTextBuffer *b = buffer (self, side);
  GtkTextIter s, e;

  if (start < 0 || end <= start)
    return;
  gtk_text_buffer_get_iter_at_offset (b, &s, start);
  gtk_text_buffer_get_iter_at_offset (b, &e, end);
  gtk_text_buffer_apply_tag_by_name (b, tag, &s, &e);
}

/* "5 words added, 48 removed, 6 changed": a sentence, each count with
 * its own plural. */
static char *
spell_out_summary (const LecternDiffSummary *summary)
{
  guint added = summary->words_added, removed = summary->words_removed, changed = summary->words_changed;
  /* Translators: the first part of "5 words added, 48 removed, 6 changed" */
  g_autofree char *a = g_strdup_printf (g_dngettext (NULL, "%u word added", "%u words added", added), added);
  /* Translators: the second part of "5 words added, 48 removed, 6 changed" */
  g_autofree char *r = g_strdup_printf (g_dngettext (NULL, "%u removed", "%u removed", removed), removed);
  /* Translators: the last part of "5 words added, 48 removed, 6 changed" */
  g_autofree char *c = g_strdup_printf (g_dngettext (NULL, "%u changed", "%u changed", changed), changed);

  /* Translators: "5 words added", "48 removed", "6 changed" */
  return g_strdup_printf (_("%s, %s, %s"), a, r, c);
}

static void
show_chunks (LecternCompareWindow *self)
{
  guint n_pairs = 0, n_unpaired = 0, n_stops = 0;
  g_autofree char *summary = NULL;

  clear_marks (self);
  for (guint i = 0; self->chunks != NULL && i < self->chunks->len; i++)
    {
      const LecternChunk *c = &g_array_index (self->chunks, LecternChunk, i);
      const char *tag = NULL;

      switch (c->kind)
        {
        case LECTERN_CHUNK_INSERT:  tag = "compare-insert"; break;
        case LECTERN_CHUNK_DELETE:  tag = "compare-delete"; break;
        case LECTERN_CHUNK_REPLACE: tag = "compare-replace"; break;
        case LECTERN_CHUNK_SHARED:  tag = "compare-shared"; break;
        case LECTERN_CHUNK_PAIR:
          if (c->a_start < 0 || c->b_start < 0)
            {
              tag = "compare-unpaired";
              n_unpaired++;
            }
          else
            tag = n_pairs++ % 2 ? "compare-pair-1" : "compare-pair-0";
          break;
        case LECTERN_CHUNK_EQUAL:
        default:
          break;
        }
      if (is_stop (c))
        n_stops++;
      if (tag == NULL)
        continue;
      apply_side (self, 0, tag, c->a_start, c->a_end);
      apply_side (self, 1, tag, c->b_start, c->b_end);
    }

  switch (self->mode)
    {
    case LECTERN_COMPARE_MODE_VERSIONS:
      if (n_stops == 0)
        summary = g_strdup (_("No differences"));
      else
        summary = spell_out_summary (&self->summary);
      break;
    case LECTERN_COMPARE_MODE_TRANSLATION:
      summary = g_strdup_printf (g_dngettext (NULL, "%u pair, %u unpaired", "%u pairs, %u unpaired", n_pairs),
                                 n_pairs, n_unpaired);
      break;
    case LECTERN_COMPARE_MODE_CODERS:
      summary = _lectern_compare_window_coders_summary (self);
      break;
    case LECTERN_COMPARE_MODE_SHARED:
    default:
      summary = n_stops == 0 ? g_strdup (_("No shared passages"))
                             : g_strdup_printf (g_dngettext (NULL, "%u shared passage", "%u shared passages", n_stops),
                                                n_stops);
      break;
    }
  gtk_label_set_text (self->summary_label, summary);
  if (self->mode == LECTERN_COMPARE_MODE_VERSIONS && n_stops > 0)
    {
      g_autofree char *tooltip =
        g_strdup_printf (g_dngettext (NULL, "%s, in %u change", "%s, in %u changes", n_stops),
                         summary, n_stops);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), tooltip);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), summary);

  lectern_compare_bands_set_chunks (self->bands, self->chunks);
}

static void
build_anchors (LecternCompareWindow *self)
{
  g_clear_pointer (&self->mapper, lectern_scroll_mapper_free);
  self->mapper = lectern_scroll_mapper_new (self->chunks ? (const LecternChunk *) (gpointer) self->chunks->data : NULL,
                                            self->chunks ? self->chunks->len : 0,
                                            gtk_text_buffer_get_char_count (buffer (self, 0)),
                                            gtk_text_buffer_get_char_count (buffer (self, 1)));
}

/* ------------------------------------------------------------------ */
/* Focus: the chunk under the cursor                                   */

void
_lectern_compare_window_set_current (LecternCompareWindow *self,
                                     int                   index)
{
  g_autofree char *label = NULL;

  if (self->chunks == NULL || index >= (int) self->chunks->len)
    index = -1;

  for (guint side = 0; side < 2; side++)
    {
      GtkTextBuffer *b = buffer (self, side);
      GtkTextIter s, e;

      gtk_text_buffer_get_bounds (b, &s, &e);
      gtk_text_buffer_remove_tag_by_name (b, "compare-focus", &s, &e);
      gtk_text_buffer_remove_tag_by_name (b, "compare-focus-pair", &s, &e);
    }

  self->current = index;
  if (index >= 0)
    {
      const LecternChunk *c = &g_array_index (self->chunks, LecternChunk, index);
      /* A pair is a paragraph or sentence: tint it; a change is a few
       * words: underline them. */
      const char *tag = c->kind == LECTERN_CHUNK_PAIR ? "compare-focus-pair" : "compare-focus";

      apply_side (self, 0, tag, c->a_start, c->a_end);
      apply_side (self, 1, tag, c->b_start, c->b_end);
    }
  lectern_compare_bands_set_focus (self->bands, index);

  if (self->mode == LECTERN_COMPARE_MODE_TRANSLATION && index >= 0)
    {
      const LecternChunk *c = &g_array_index (self->chunks, LecternChunk, index);

      if (c->a_start < 0)
        label = g_strdup_printf (_("Segment %d of %u: only on the right"), index + 1, self->chunks->len);
      else if (c->b_start < 0)
        label = g_strdup_printf (_("Segment %d of %u: only on the left"), index + 1, self->chunks->len);
      else if (c->score > 0)
        label = g_strdup_printf (_("Pair %d of %u, confidence %.0f%%"), index + 1, self->chunks->len,
                                 c->score * 100.0);
      else
        label = g_strdup_printf (_("Pair %d of %u"), index + 1, self->chunks->len);
    }
  else if (self->mode == LECTERN_COMPARE_MODE_TRANSLATION)
    label = g_strdup (_("Select a passage in each pane to pair them by hand"));
  gtk_label_set_text (self->pair_label, label ? label : "");

  update_actions (self);
}

/* The chunk whose side @side holds @offset; an empty side counts at its
 * place. */
static int
chunk_at (LecternCompareWindow *self,
          guint                 side,
          glong                 offset)
{
  for (guint i = 0; self->chunks != NULL && i < self->chunks->len; i++)
    {
      const LecternChunk *c = &g_array_index (self->chunks, LecternChunk, i);
      glong s, e;

      chunk_side (c, side, &s, &e);
      if (s < 0 || !is_stop (c))
        continue;
      if (s <= offset && (offset < e || (s == e && s == offset)))
        return i;
      /* Chunks come in the left text's order. */
      if (s > offset && side == 0)
        break;
    }
  return -1;
}

static void
cursor_moved (LecternCompareWindow *self,
              guint                 side)
{
  GtkTextBuffer *b = buffer (self, side);
  GtkTextIter iter;
  int index;

  if (self->mode == LECTERN_COMPARE_MODE_TRANSLATION &&
      lectern_reader_view_get_selection (pane (self, side), &self->chosen[side][0], &self->chosen[side][1]))
    {
      GtkTextIter s, e;

      gtk_text_buffer_get_bounds (b, &s, &e);
      gtk_text_buffer_remove_tag_by_name (b, "compare-chosen", &s, &e);
      apply_side (self, side, "compare-chosen", self->chosen[side][0], self->chosen[side][1]);
    }

  if (self->chunks == NULL || self->cancellable != NULL)
    {
      update_actions (self);
      return;
    }
  gtk_text_buffer_get_iter_at_mark (b, &iter, gtk_text_buffer_get_insert (b));
  index = chunk_at (self, side, gtk_text_iter_get_offset (&iter));
  if (index >= 0 && index != self->current)
    _lectern_compare_window_set_current (self, index);
  else
    update_actions (self);
}

static void
mark_set_a_cb (LecternCompareWindow *self,
               GtkTextIter          *location,
               GtkTextMark          *mark,
               GtkTextBuffer        *b)
{
  if (mark == gtk_text_buffer_get_insert (b) || mark == gtk_text_buffer_get_selection_bound (b))
    cursor_moved (self, 0);
}

static void
mark_set_b_cb (LecternCompareWindow *self,
               GtkTextIter          *location,
               GtkTextMark          *mark,
               GtkTextBuffer        *b)
{
  if (mark == gtk_text_buffer_get_insert (b) || mark == gtk_text_buffer_get_selection_bound (b))
    cursor_moved (self, 1);
}

/* ------------------------------------------------------------------ */
/* Synchronised scrolling                                              */

static int
anchor_y (GtkTextView *view,
          glong        offset)
{
  GtkTextIter iter;
  GdkRectangle loc;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, &loc);
  return loc.y;
}

static void
sync_from (LecternCompareWindow *self,
           guint                 side)
{
  GtkTextView *src = text_view (self, side), *dst = text_view (self, !side);
  GtkAdjustment *sadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (src));
  GtkAdjustment *dadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (dst));
  double value, page, dpage, target;
  GtkTextIter iter;
  glong offset, start, end, other_start, other_end;
  int y0, y1, t0, t1, ref;

  if (!self->sync_scroll || self->syncing || self->mapper == NULL || sadj == NULL || dadj == NULL)
    return;

  value = gtk_adjustment_get_value (sadj);
  page = gtk_adjustment_get_page_size (sadj);
  dpage = gtk_adjustment_get_page_size (dadj);

  if (value <= gtk_adjustment_get_lower (sadj))
    target = gtk_adjustment_get_lower (dadj);
  else if (value >= gtk_adjustment_get_upper (sadj) - page - 0.5)
    target = gtk_adjustment_get_upper (dadj) - dpage;
  else
    {
      ref = (int) (value + page / 2);
      gtk_text_view_get_iter_at_location (src, &iter, 0, ref);
      offset = gtk_text_iter_get_offset (&iter);

      /* The anchors around the middle line. */
      if (!lectern_scroll_mapper_get_span (self->mapper, side, offset, &start, &end, &other_start, &other_end))
        return;
      y0 = anchor_y (src, start);
      y1 = anchor_y (src, end);
      t0 = anchor_y (dst, other_start);
      t1 = anchor_y (dst, other_end);
      if (y1 - y0 > 0)
        target = t0 + (t1 - t0) * CLAMP ((double) (ref - y0) / (y1 - y0), 0.0, 1.0);
      else
        target = t0;
      target -= dpage / 2;
    }

  target = CLAMP (target, gtk_adjustment_get_lower (dadj),
                  MAX (gtk_adjustment_get_lower (dadj), gtk_adjustment_get_upper (dadj) - dpage));
  self->syncing = TRUE;
  gtk_adjustment_set_value (dadj, target);
  self->syncing = FALSE;
}

static void
scrolled_a_cb (LecternCompareWindow *self)
{
  sync_from (self, 0);
}

static void
scrolled_b_cb (LecternCompareWindow *self)
{
  sync_from (self, 1);
}

static void
set_sync_scroll (LecternCompareWindow *self,
                 gboolean              sync)
{
  sync = !!sync;
  if (self->sync_scroll == sync)
    return;
  self->sync_scroll = sync;
  if (sync)
    sync_from (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_SCROLL]);
}

/* ------------------------------------------------------------------ */
/* Running a comparison                                                */

void
_lectern_compare_window_set_busy (LecternCompareWindow *self,
                                  GCancellable         *cancellable)
{
  gboolean was_busy = self->cancellable != NULL;

  if (self->cancellable != NULL && self->cancellable != cancellable)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);

  gtk_revealer_set_reveal_child (self->busy_revealer, cancellable != NULL);
  gtk_spinner_set_spinning (self->spinner, cancellable != NULL);
  update_actions (self);
  if (was_busy != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

typedef struct
{
  LecternCompareWindow *self;
  GCancellable         *cancellable;
} Request;

static void
compare_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(LecternCompareWindow) self = request->self;
  g_autoptr(GCancellable) cancellable = request->cancellable;
  g_autoptr(GError) error = NULL;
  LecternDiffSummary summary = { 0 };
  GArray *chunks;

  g_free (request);
  chunks = lectern_compare_documents_finish (result, &summary, &error);

  /* A newer comparison replaced this one, or the window closed. */
  if (self->cancellable != cancellable)
    {
      g_clear_pointer (&chunks, g_array_unref);
      return;
    }
  _lectern_compare_window_set_busy (self, NULL);

  if (chunks == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _lectern_compare_window_show_error (self, _("Could Not Compare the Documents"), error);
      else
        adw_toast_overlay_add_toast (self->toast_overlay, lectern_plain_toast_new (_("Comparison cancelled")));
      return;
    }

  _lectern_compare_window_show_result (self, chunks, &summary);
}

void
_lectern_compare_window_show_result (LecternCompareWindow     *self,
                                     GArray                   *chunks,
                                     const LecternDiffSummary *summary)
{
  g_clear_pointer (&self->chunks, g_array_unref);
  self->chunks = chunks;
  self->summary = *summary;
  show_chunks (self);
  build_anchors (self);
  _lectern_compare_window_set_current (self, -1);
  sync_from (self, 0);
  g_signal_emit (self, signals[COMPARED], 0);
}

static void
run_comparison (LecternCompareWindow *self)
{
  g_autoptr(GCancellable) cancellable = NULL;
  LecternWordDiffFlags flags = LECTERN_WORD_DIFF_NONE;
  Request *request;

  g_clear_pointer (&self->chunks, g_array_unref);
  clear_marks (self);
  memset (self->chosen, 0, sizeof self->chosen);
  lectern_compare_bands_set_chunks (self->bands, NULL);
  g_clear_pointer (&self->mapper, lectern_scroll_mapper_free);
  self->current = -1;
  gtk_label_set_text (self->summary_label, "");
  gtk_label_set_text (self->pair_label, "");

  if (self->project == NULL || (self->doc[0] == 0 && self->version == 0) || self->doc[1] == 0)
    {
      _lectern_compare_window_set_busy (self, NULL);
      return;
    }

  /* Two codings of one text: read at once, no job needed. */
  if (self->mode == LECTERN_COMPARE_MODE_CODERS)
    {
      _lectern_compare_window_set_busy (self, NULL);
      _lectern_compare_window_run_coders (self);
      return;
    }

  if (self->hide_minor)
    flags = LECTERN_WORD_DIFF_IGNORE_WHITESPACE | LECTERN_WORD_DIFF_IGNORE_PUNCTUATION;

  cancellable = g_cancellable_new ();
  _lectern_compare_window_set_busy (self, cancellable);

  if (self->version > 0)
    {
      _lectern_compare_window_run_version (self, flags, cancellable);
      return;
    }

  request = g_new0 (Request, 1);
  request->self = g_object_ref (self);
  request->cancellable = g_object_ref (cancellable);
  lectern_compare_documents_async (lectern_project_get_file (self->project),
                                   self->doc[0], self->doc[1], self->mode, flags,
                                   cancellable, compare_done_cb, request);
}

/* ------------------------------------------------------------------ */
/* Documents                                                           */

static guint
position_of (LecternCompareWindow *self,
             gint64                id)
{
  guint n = self->documents ? g_list_model_get_n_items (self->documents) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (self->documents, i);

      if (lectern_document_get_id (doc) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* What the window calls @doc: its title, told apart from another with
 * the same title. (transfer none) */
static const char *
document_label (LecternCompareWindow *self,
                LecternDocument      *doc)
{
  const char *label = self->labels ? lectern_document_labels_lookup (self->labels, lectern_document_get_id (doc))
                                   : NULL;

  return label ? label : lectern_document_get_title (doc);
}

static void
update_title (LecternCompareWindow *self)
{
  g_autoptr(LecternDocument) a = NULL;
  g_autoptr(LecternDocument) b = NULL;
  g_autofree char *title = NULL;

  if (self->project != NULL && self->doc[0] && self->doc[1])
    {
      a = lectern_project_dup_document (self->project, self->doc[0], NULL);
      b = lectern_project_dup_document (self->project, self->doc[1], NULL);
    }
  if (self->version > 0 && self->project != NULL && self->doc[1])
    b = lectern_project_dup_document (self->project, self->doc[1], NULL);
  if (self->mode == LECTERN_COMPARE_MODE_CODERS && b != NULL)
    /* Translators: the window title in coders mode, "Title: two codings" */
    title = g_strdup_printf (_("%s: two codings"), document_label (self, b));
  else if (self->version > 0 && b != NULL)
    /* Translators: the window title, "Title, version 2 ↔ current text" */
    title = g_strdup_printf (_("%s, version %u ↔ current text"), document_label (self, b), self->version);
  else if (a != NULL && b != NULL)
    /* Translators: the window title, "Left document ↔ Right document" */
    title = g_strdup_printf (_("%s ↔ %s"), document_label (self, a), document_label (self, b));
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Compare Documents"));
}

/* The documents compared; an earlier version (self->version) stays. */
static void
change_documents (LecternCompareWindow *self,
                  gint64                a,
                  gint64                b)
{
  gint64 old_a, old_b;

  old_a = self->doc[0];
  old_b = self->doc[1];

  /* The old chunks mean nothing in the new texts. */
  g_clear_pointer (&self->chunks, g_array_unref);
  self->current = -1;
  self->doc[0] = a;
  self->doc[1] = b;

  self->updating_dropdowns = TRUE;
  gtk_drop_down_set_selected (self->dropdown_a, position_of (self, a));
  gtk_drop_down_set_selected (self->dropdown_b, position_of (self, b));
  self->updating_dropdowns = FALSE;

  /* The panes follow through their bindings. */
  if (a != old_a)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_A]);
  if (b != old_b)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_B]);
  gtk_widget_set_visible (GTK_WIDGET (self->dropdown_a),
                          self->version == 0 && self->mode != LECTERN_COMPARE_MODE_CODERS);
  if (b != old_b)
    _lectern_compare_window_refresh_versions (self);
  if (b != old_b && self->mode == LECTERN_COMPARE_MODE_CODERS)
    _lectern_compare_window_refresh_coders (self);
  update_title (self);
  run_comparison (self);
}

void
lectern_compare_window_set_documents (LecternCompareWindow *self,
                                      gint64                a,
                                      gint64                b)
{
  g_return_if_fail (LECTERN_IS_COMPARE_WINDOW (self));

  if (self->version > 0)
    {
      self->version = 0;
      _lectern_compare_window_refresh_versions (self);
    }
  /* Coders mode shows one document on both sides. */
  if (self->mode == LECTERN_COMPARE_MODE_CODERS)
    {
      b = b != 0 ? b : a;
      a = b;
    }
  change_documents (self, a, b);
}

void
lectern_compare_window_show_version (LecternCompareWindow *self,
                                     gint64                document_id,
                                     guint                 version)
{
  g_return_if_fail (LECTERN_IS_COMPARE_WINDOW (self));
  g_return_if_fail (document_id != 0 && version > 0);

  if (self->version == 0)
    self->version_before = self->doc[0];
  if (self->mode != LECTERN_COMPARE_MODE_VERSIONS)
    {
      self->mode = LECTERN_COMPARE_MODE_VERSIONS;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
    }
  self->version = version;
  change_documents (self, 0, document_id);
  _lectern_compare_window_refresh_versions (self);
}

guint
lectern_compare_window_get_version (LecternCompareWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_COMPARE_WINDOW (self), 0);
  return self->version;
}

gint64
lectern_compare_window_get_document (LecternCompareWindow *self,
                                     guint                 side)
{
  g_return_val_if_fail (LECTERN_IS_COMPARE_WINDOW (self), 0);
  g_return_val_if_fail (side < 2, 0);
  return self->doc[side];
}

static void
dropdown_selected_cb (LecternCompareWindow *self,
                      GParamSpec           *pspec,
                      GtkDropDown          *dropdown)
{
  LecternDocument *doc;
  gint64 a = self->doc[0], b = self->doc[1];

  if (self->updating_dropdowns)
    return;
  doc = gtk_drop_down_get_selected_item (dropdown);
  if (doc == NULL)
    return;
  if (dropdown == self->dropdown_a)
    a = lectern_document_get_id (doc);
  else
    b = lectern_document_get_id (doc);
  /* One document, twice. */
  if (self->mode == LECTERN_COMPARE_MODE_CODERS)
    a = b;
  /* Another document on the right: its versions are not these. */
  if (self->version > 0 && b != self->doc[1])
    {
      self->version_before = 0;
      _lectern_compare_window_leave_version (self, b);
      return;
    }
  if (a != self->doc[0] || b != self->doc[1])
    lectern_compare_window_set_documents (self, a, b);
}

/* The dropdowns show the project's live document list. An edited document
 * is replaced in it (removed and added again), which would clear a
 * dropdown's selection or move it to a neighbour and so switch the
 * comparison: the selection is held by id across each change. This
 * handler runs before the dropdowns' own (connected first), so their
 * rows are bound with the new labels; the next one after them. */
static void
documents_changing_cb (LecternCompareWindow *self)
{
  self->updating_dropdowns = TRUE;
  g_clear_pointer (&self->labels, g_hash_table_unref);
  self->labels = lectern_document_labels_new (self->documents);
}

static void
documents_changed_cb (LecternCompareWindow *self)
{
  gtk_drop_down_set_selected (self->dropdown_a, position_of (self, self->doc[0]));
  gtk_drop_down_set_selected (self->dropdown_b, position_of (self, self->doc[1]));
  self->updating_dropdowns = FALSE;
  update_title (self);
}

static void
set_documents (LecternCompareWindow *self,
               GListModel           *documents)
{
  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_data (self->documents, self);
  g_set_object (&self->documents, documents);
  if (documents != NULL)
    {
      g_signal_connect_object (documents, "items-changed", G_CALLBACK (documents_changing_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (documents, "items-changed", G_CALLBACK (documents_changed_cb),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  documents_changing_cb (self);
  gtk_drop_down_set_model (self->dropdown_a, documents);
  gtk_drop_down_set_model (self->dropdown_b, documents);
  documents_changed_cb (self);
}

static void
project_changed_cb (LecternCompareWindow *self,
                   guint                 what,
                   gint64                document_id,
                   LecternProject        *project)
{
  if ((what & LECTERN_CHANGE_ALIGNMENTS) && self->mode == LECTERN_COMPARE_MODE_TRANSLATION)
    run_comparison (self);
  _lectern_compare_window_coders_project_changed (self, what, document_id);
  /* A new version of the document on the right (its text changed). */
  if ((what & LECTERN_CHANGE_DOCUMENTS) && self->doc[1] != 0 && (document_id == 0 || document_id == self->doc[1]))
    {
      _lectern_compare_window_refresh_versions (self);
      if (self->version > 0)
        run_comparison (self);
    }
}

static void
set_project (LecternCompareWindow *self,
            LecternProject        *project)
{
  if (!g_set_object (&self->project, project))
    return;
  g_signal_group_set_target (self->project_signals, project);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  set_documents (self, project != NULL ? lectern_project_get_documents (project) : NULL);
}

/* ------------------------------------------------------------------ */
/* Modes                                                               */

void
lectern_compare_window_set_mode (LecternCompareWindow *self,
                                 LecternCompareMode    mode)
{
  gboolean was_coders;

  g_return_if_fail (LECTERN_IS_COMPARE_WINDOW (self));

  if (self->mode == mode)
    return;
  was_coders = self->mode == LECTERN_COMPARE_MODE_CODERS;
  self->mode = mode;
  _lectern_compare_window_coders_mode_changed (self);
  if (was_coders)
    {
      /* Two documents again: another one on the left. */
      self->version_before = 0;
      _lectern_compare_window_leave_version (self, self->doc[1]);
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
      return;
    }
  if (mode == LECTERN_COMPARE_MODE_CODERS)
    {
      /* One document, the one on the right (the current text in versions
       * mode), on both sides. */
      gint64 doc = self->doc[1] != 0 ? self->doc[1] : self->doc[0];

      self->version = 0;
      self->version_before = 0;
      _lectern_compare_window_refresh_versions (self);
      change_documents (self, doc, doc);
      _lectern_compare_window_refresh_coders (self);
      update_actions (self);
      run_comparison (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
      return;
    }
  if (self->version > 0)
    {
      /* A translation or shared passages are between two documents. */
      _lectern_compare_window_leave_version (self, self->doc[1]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
      return;
    }
  _lectern_compare_window_refresh_versions (self);
  update_actions (self);
  run_comparison (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

LecternCompareMode
lectern_compare_window_get_mode (LecternCompareWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_COMPARE_WINDOW (self), LECTERN_COMPARE_MODE_VERSIONS);
  return self->mode;
}

gboolean
lectern_compare_window_get_busy (LecternCompareWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_COMPARE_WINDOW (self), FALSE);
  return self->cancellable != NULL;
}

GArray *
lectern_compare_window_get_chunks (LecternCompareWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_COMPARE_WINDOW (self), NULL);
  return self->chunks;
}

int
lectern_compare_window_get_current (LecternCompareWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_COMPARE_WINDOW (self), -1);
  return self->current;
}

void
lectern_compare_window_get_summary (LecternCompareWindow *self,
                                    LecternDiffSummary   *summary)
{
  g_return_if_fail (LECTERN_IS_COMPARE_WINDOW (self));
  *summary = self->summary;
}

LecternReaderView *
lectern_compare_window_get_pane (LecternCompareWindow *self,
                                 guint                 side)
{
  g_return_val_if_fail (LECTERN_IS_COMPARE_WINDOW (self), NULL);
  return pane (self, side);
}

LecternCompareBands *
lectern_compare_window_get_bands (LecternCompareWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_COMPARE_WINDOW (self), NULL);
  return self->bands;
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
mode_key_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LecternCompareMode mode;

  if (lectern_compare_mode_from_string (g_variant_get_string (param, NULL), &mode))
    lectern_compare_window_set_mode (LECTERN_COMPARE_WINDOW (widget), mode);
}

/* ------------------------------------------------------------------ */

static void
lectern_compare_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_HIDE_MINOR:
      g_value_set_boolean (value, self->hide_minor);
      break;
    case PROP_SYNC_SCROLL:
      g_value_set_boolean (value, self->sync_scroll);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT_A:
      g_value_set_int64 (value, self->doc[0]);
      break;
    case PROP_DOCUMENT_B:
      g_value_set_int64 (value, self->doc[1]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_compare_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      lectern_compare_window_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_HIDE_MINOR:
      if (self->hide_minor != g_value_get_boolean (value))
        {
          self->hide_minor = g_value_get_boolean (value);
          if (self->mode == LECTERN_COMPARE_MODE_VERSIONS)
            run_comparison (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SYNC_SCROLL:
      set_sync_scroll (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_compare_window_dispose (GObject *object)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_COMPARE_WINDOW);

  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_data (self->documents, self);
  g_clear_object (&self->documents);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->chunks, g_array_unref);
  g_clear_pointer (&self->version_numbers, g_array_unref);
  g_clear_pointer (&self->open_units, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->coders, g_ptr_array_unref);

  G_OBJECT_CLASS (lectern_compare_window_parent_class)->dispose (object);
}

static void
lectern_compare_window_finalize (GObject *object)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (object);

  g_clear_pointer (&self->mapper, lectern_scroll_mapper_free);
  G_OBJECT_CLASS (lectern_compare_window_parent_class)->finalize (object);
}

static void
lectern_compare_window_class_init (LecternCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; GdkModifierType mods; const char *action; const char *target; } keys[] = {
    { GDK_KEY_Down, GDK_ALT_MASK, "compare.next-change", NULL },
    { GDK_KEY_Up, GDK_ALT_MASK, "compare.previous-change", NULL },
    { GDK_KEY_F7, 0, "compare.next-change", NULL },
    { GDK_KEY_F7, GDK_SHIFT_MASK, "compare.previous-change", NULL },
    { GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "compare.swap", NULL },
    { GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "compare.swap", NULL },
    { GDK_KEY_1, GDK_ALT_MASK, "compare.set-mode", "versions" },
    { GDK_KEY_2, GDK_ALT_MASK, "compare.set-mode", "translation" },
    { GDK_KEY_3, GDK_ALT_MASK, "compare.set-mode", "shared" },
    { GDK_KEY_4, GDK_ALT_MASK, "compare.set-mode", "coders" },
    { GDK_KEY_t, GDK_CONTROL_MASK, "compare.tag-selection", NULL },
    { GDK_KEY_e, GDK_CONTROL_MASK, "compare.edit-note", NULL },
    { GDK_KEY_f, GDK_CONTROL_MASK, "compare.find", NULL },
    { GDK_KEY_w, GDK_CONTROL_MASK, "compare.close", NULL },
    { GDK_KEY_Escape, 0, "compare.cancel", NULL },
  };

  object_class->get_property = lectern_compare_window_get_property;
  object_class->set_property = lectern_compare_window_set_property;
  object_class->dispose = lectern_compare_window_dispose;
  object_class->finalize = lectern_compare_window_finalize;

  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       LECTERN_TYPE_COMPARE_MODE, LECTERN_COMPARE_MODE_VERSIONS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDE_MINOR] =
    g_param_spec_boolean ("hide-minor", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNC_SCROLL] =
    g_param_spec_boolean ("sync-scroll", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, LECTERN_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_A] =
    g_param_spec_int64 ("document-a", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_B] =
    g_param_spec_int64 ("document-b", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[COMPARED] = g_signal_new ("compared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LECTERN_TYPE_COMPARE_BANDS);
  g_type_ensure (LECTERN_TYPE_READER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, bands);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, dropdown_a);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, dropdown_b);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, pair_bar);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, pair_label);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, pane_a);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, pane_b);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, coders_bar);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, coder_dropdown_a);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, coder_dropdown_b);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, unit_label);
  gtk_widget_class_bind_template_child (widget_class, LecternCompareWindow, accept_all_button);

  gtk_widget_class_install_property_action (widget_class, "compare.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "compare.hide-minor", "hide-minor");
  gtk_widget_class_install_property_action (widget_class, "compare.sync-scroll", "sync-scroll");
  gtk_widget_class_install_action (widget_class, "compare.set-mode", "s", mode_key_cb);
  _lectern_compare_window_class_navigation_init (widget_class);
  _lectern_compare_window_class_actions_init (widget_class);
  _lectern_compare_window_class_coders_init (widget_class);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (keys[i].target != NULL)
        gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods,
                                             keys[i].action, "s", keys[i].target);
      else
        gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods,
                                             keys[i].action, NULL);
    }
}

static void
create_tags (LecternReaderText *view)
{
  /* Differences are framed, never tinted: a tag's highlight is a tint,
   * and a green insertion on a green tag would be lost. Colours from the
   * GNOME palette, darker on a light page, lighter on a dark one. */
  static const struct { const char *tag; GdkRGBA light, dark; } frames[] = {
    { "compare-insert",  { 0.15, 0.64, 0.41, 1 }, { 0.34, 0.89, 0.54, 1 } },
    { "compare-delete",  { 0.75, 0.11, 0.16, 1 }, { 1.00, 0.48, 0.39, 1 } },
    { "compare-replace", { 0.11, 0.44, 0.85, 1 }, { 0.38, 0.63, 0.92, 1 } },
    { "compare-shared",  { 0.78, 0.38, 0.00, 1 }, { 1.00, 0.64, 0.28, 1 } },
  };
  GtkTextBuffer *b = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (b);

  if (gtk_text_tag_table_lookup (table, "compare-insert") != NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      gtk_text_buffer_create_tag (b, frames[i].tag, NULL);
      lectern_reader_text_add_outline (view, frames[i].tag, &frames[i].light, &frames[i].dark);
    }
  gtk_text_buffer_create_tag (b, "compare-pair-0", "paragraph-background", "rgba(53, 132, 228, 0.07)", NULL);
  gtk_text_buffer_create_tag (b, "compare-pair-1", "paragraph-background", "rgba(145, 65, 172, 0.09)", NULL);
  gtk_text_buffer_create_tag (b, "compare-unpaired", "paragraph-background", "rgba(119, 118, 123, 0.14)",
                              "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (b, "compare-focus-pair", "paragraph-background", "rgba(53, 132, 228, 0.20)", NULL);
  gtk_text_buffer_create_tag (b, "compare-chosen", "background", "rgba(53, 132, 228, 0.30)",
                              "underline", PANGO_UNDERLINE_DOUBLE, NULL);
  gtk_text_buffer_create_tag (b, "compare-focus", "underline", PANGO_UNDERLINE_SINGLE,
                              "underline-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 1.0 }, NULL);
}

static char *
label_of (LecternDocument      *doc,
          LecternCompareWindow *self)
{
  return g_strdup (doc ? document_label (self, doc) : NULL);
}

/* The chooser's search and its button's accessible name: the label too. */
static GtkExpression *
label_expression (LecternCompareWindow *self)
{
  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (label_of), self, NULL);
}

/* Titles are long: ellipsized, so the window is not as wide as the
 * longest title; the label tells apart two versions with the same title. */
static void
setup_document_item (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_chars));
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_list_item_set_child (item, label);
}

static void
bind_document_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    LecternCompareWindow     *self)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      document_label (self, gtk_list_item_get_item (item)));
}

static GtkListItemFactory *
document_factory (LecternCompareWindow *self,
                  int                   max_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_document_item), GINT_TO_POINTER (max_chars));
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_document_item), self, 0);
  return factory;
}

static void
lectern_compare_window_init (LecternCompareWindow *self)
{
  GtkAdjustment *adj;

  self->current = -1;
  self->sync_scroll = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The panes show what the window compares. */
  g_object_bind_property (self, "project", self->pane_a, "project", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "project", self->pane_b, "project", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "document-a", self->pane_a, "document-id", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "document-b", self->pane_b, "document-id", G_BINDING_SYNC_CREATE);

  self->project_signals = g_signal_group_new (LECTERN_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);

  for (guint side = 0; side < 2; side++)
    {
      GtkDropDown *dropdown = side == 0 ? self->dropdown_a : self->dropdown_b;
      g_autoptr(GtkListItemFactory) button = document_factory (self, 30);
      g_autoptr(GtkListItemFactory) list = document_factory (self, 70);
      g_autoptr(GtkExpression) expression = label_expression (self);

      gtk_drop_down_set_expression (dropdown, expression);
      gtk_drop_down_set_factory (dropdown, button);
      gtk_drop_down_set_list_factory (dropdown, list);
    }
  g_signal_connect_object (self->dropdown_a, "notify::selected",
                           G_CALLBACK (dropdown_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dropdown_b, "notify::selected",
                           G_CALLBACK (dropdown_selected_cb), self, G_CONNECT_SWAPPED);

  create_tags (lectern_reader_view_get_text_view (self->pane_a));
  create_tags (lectern_reader_view_get_text_view (self->pane_b));
  g_signal_connect_object (buffer (self, 0), "mark-set", G_CALLBACK (mark_set_a_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer (self, 1), "mark-set", G_CALLBACK (mark_set_b_cb), self, G_CONNECT_SWAPPED);

  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view (self, 0)));
  g_signal_connect_object (adj, "value-changed", G_CALLBACK (scrolled_a_cb), self, G_CONNECT_SWAPPED);
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view (self, 1)));
  g_signal_connect_object (adj, "value-changed", G_CALLBACK (scrolled_b_cb), self, G_CONNECT_SWAPPED);

  lectern_compare_bands_set_views (self->bands, text_view (self, 0), text_view (self, 1));

  g_settings_bind (lectern_settings (), "sync-scroll", self, "sync-scroll", G_SETTINGS_BIND_DEFAULT);
  _lectern_compare_window_init_versions (self);
  _lectern_compare_window_init_coders (self);

  update_actions (self);
}

LecternCompareWindow *
lectern_compare_window_new (GtkWindow          *parent,
                            LecternProject      *project,
                            gint64              a,
                            gint64              b,
                            LecternCompareMode  mode)
{
  LecternCompareWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);

  self = g_object_new (LECTERN_TYPE_COMPARE_WINDOW,
                       "transient-for", parent,
                       "mode", mode,
                       NULL);
  set_project (self, project);
  lectern_compare_window_set_documents (self, a, b);
  return self;
}
