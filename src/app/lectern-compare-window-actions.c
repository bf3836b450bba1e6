/* lectern-compare-window-actions.c — the comparison window's widget
 * actions: documents, pairs corrected by hand, the panes' own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "lectern-compare-window-private.h"
#include "lectern-plain-toast.h"

static void
swap_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (widget);

  /* One document with two codings: the coders trade places. */
  if (self->mode == LECTERN_COMPARE_MODE_CODERS)
    lectern_compare_window_set_coders (self, self->coder[1], self->coder[0]);
  else
    lectern_compare_window_set_documents (self, self->doc[1], self->doc[0]);
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* The pane holding the keyboard focus, else the left one. */
static LecternReaderView *
focused_pane (LecternCompareWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->pane_b)))
    return self->pane_b;
  return self->pane_a;
}

static void
reader_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (widget);
  g_autofree char *name = g_strconcat ("reader.", action_name + strlen ("compare."), NULL);

  gtk_widget_activate_action (GTK_WIDGET (focused_pane (self)), name, NULL);
}

/* Saves @pairs, replacing the saved pairs they overlap. */
static void
save_corrections (LecternCompareWindow  *self,
                  const LecternSpanPair *pairs,
                  guint                  n_pairs)
{
  g_autoptr(GError) error = NULL;

  if (!lectern_project_correct_alignment (self->project, self->doc[0], self->doc[1], pairs, n_pairs, &error))
    _lectern_compare_window_show_error (self, _("Could Not Save the Correction"), error);
  /* The project's "changed" signal runs the alignment again. */
}

static void
pair_selections_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (widget);
  LecternSpanPair pair = { self->chosen[0][0], self->chosen[0][1], self->chosen[1][0], self->chosen[1][1] };

  if (pair.a_end <= pair.a_start || pair.b_end <= pair.b_start)
    return;
  memset (self->chosen, 0, sizeof self->chosen);
  save_corrections (self, &pair, 1);
}

static void
merge_pair_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (widget);
  const LecternChunk *c, *n;
  LecternSpanPair pair;

  if (self->chunks == NULL || self->current < 0 || (guint) self->current + 1 >= self->chunks->len)
    return;
  c = &g_array_index (self->chunks, LecternChunk, self->current);
  n = &g_array_index (self->chunks, LecternChunk, self->current + 1);

  pair.a_start = c->a_start >= 0 ? c->a_start : n->a_start;
  pair.a_end = n->a_start >= 0 ? n->a_end : c->a_end;
  pair.b_start = c->b_start >= 0 ? c->b_start : n->b_start;
  pair.b_end = n->b_start >= 0 ? n->b_end : c->b_end;
  save_corrections (self, &pair, 1);
}

static glong
cursor_offset (LecternCompareWindow *self,
               guint                 side)
{
  GtkTextBuffer *b = buffer (self, side);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (b, &iter, gtk_text_buffer_get_insert (b));
  return gtk_text_iter_get_offset (&iter);
}

static void
split_pair_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (widget);
  const LecternChunk *c;
  LecternSpanPair pairs[2];
  glong at_a = cursor_offset (self, 0), at_b = cursor_offset (self, 1);

  if (self->chunks == NULL || self->current < 0)
    return;
  c = &g_array_index (self->chunks, LecternChunk, self->current);
  if (c->a_start < 0 || c->b_start < 0 ||
      at_a <= c->a_start || at_a >= c->a_end || at_b <= c->b_start || at_b >= c->b_end)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   lectern_plain_toast_new (_("Put the cursor inside the pair in both panes, where it should be cut")));
      return;
    }

  pairs[0] = (LecternSpanPair) { c->a_start, at_a, c->b_start, at_b };
  pairs[1] = (LecternSpanPair) { at_a, c->a_end, at_b, c->b_end };
  save_corrections (self, pairs, 2);
}

static void
reset_pairs_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!lectern_project_set_alignment (self->project, self->doc[0], self->doc[1], NULL, 0, &error))
    _lectern_compare_window_show_error (self, _("Could Not Forget the Corrections"), error);
}

static void
close_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
_lectern_compare_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "compare.swap", NULL, swap_cb);
  gtk_widget_class_install_action (widget_class, "compare.cancel", NULL, cancel_cb);
  gtk_widget_class_install_action (widget_class, "compare.pair-selections", NULL, pair_selections_cb);
  gtk_widget_class_install_action (widget_class, "compare.merge-pair", NULL, merge_pair_cb);
  gtk_widget_class_install_action (widget_class, "compare.split-pair", NULL, split_pair_cb);
  gtk_widget_class_install_action (widget_class, "compare.reset-pairs", NULL, reset_pairs_cb);
  gtk_widget_class_install_action (widget_class, "compare.tag-selection", NULL, reader_action_cb);
  gtk_widget_class_install_action (widget_class, "compare.edit-note", NULL, reader_action_cb);
  gtk_widget_class_install_action (widget_class, "compare.find", NULL, reader_action_cb);
  gtk_widget_class_install_action (widget_class, "compare.close", NULL, close_cb);
}
