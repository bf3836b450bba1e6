/* lectern-compare-window-coders.c — the coders mode: one document twice,
 * coder A's passages on the left and coder B's on the right, each place
 * where they differ a chunk linked by a band, and the adjudicating coder
 * (the current coder) settling each: keep A's, B's, both, neither, or
 * the text selected (issue #15).
 *
 * The units and what a decision keeps are src/compare's
 * (lectern-coder-units.h); decisions are recorded by core as passages of
 * the adjudicator, so A's and B's passages never change and every
 * decision is one undo step. Identical codings are accepted at once, as
 * one step of their own, when the mode shows a document for an
 * adjudicator: the adjudicated coding must hold them too, and nobody
 * needs to judge them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-compare-window-private.h"
#include "lectern-plain-toast.h"

static LecternCoderUnit *
current_unit (LecternCompareWindow *self)
{
  if (self->mode != LECTERN_COMPARE_MODE_CODERS || self->open_units == NULL
      || self->current < 0 || (guint) self->current >= self->open_units->len)
    return NULL;
  return g_ptr_array_index (self->open_units, self->current);
}

static char *
coder_name (LecternCompareWindow *self,
            guint                 side)
{
  for (guint i = 0; self->coders != NULL && i < self->coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (self->coders, i);

      if (lectern_coder_get_id (coder) == self->coder[side])
        return g_strdup (lectern_coder_get_display_name (coder));
    }
  return g_strdup (side == 0 ? "A" : "B");
}

static char *
tag_path (LecternCompareWindow *self,
          gint64                tag_id)
{
  g_autoptr(LecternTag) tag = lectern_project_dup_tag (self->project, tag_id, NULL);

  return g_strdup (tag != NULL ? lectern_tag_get_path (tag) : "?");
}

/* The Accept All menu: each code either coder gave in the current unit. */
static void
update_accept_menu (LecternCompareWindow *self,
                    LecternCoderUnit     *unit)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint side = 0; unit != NULL && side < 2; side++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autofree char *name = coder_name (self, side);

      for (guint i = 0; i < unit->passages->len; i++)
        {
          LecternCoderUnitPassage *passage = g_ptr_array_index (unit->passages, i);

          if (!passage->is_b != !side)
            continue;
          for (guint j = 0; j < passage->tag_ids->len; j++)
            {
              gint64 *tag_id = &g_array_index (passage->tag_ids, gint64, j);
              g_autofree char *path = NULL;
              g_autofree char *label = NULL;
              g_autoptr(GMenuItem) item = NULL;

              if (!g_hash_table_add (seen, tag_id))
                continue;
              path = tag_path (self, *tag_id);
              /* Translators: an item of the Accept All menu: "All of Alice’s “Security”" */
              label = g_strdup_printf (_("All of %s’s “%s”"), name, path);
              item = g_menu_item_new (label, NULL);
              g_menu_item_set_action_and_target_value (item, "compare.accept-all",
                                                       g_variant_new ("(bx)", side == 1, *tag_id));
              g_menu_append_item (menu, item);
            }
        }
    }
  gtk_menu_button_set_menu_model (self->accept_all_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->accept_all_button), unit != NULL);
}

static gboolean
selection_in_unit (LecternCompareWindow *self,
                   LecternCoderUnit     *unit,
                   glong                *start,
                   glong                *end)
{
  for (guint side = 0; unit != NULL && side < 2; side++)
    {
      if (lectern_reader_view_get_selection (pane (self, side), start, end)
          && *end > *start && *start < unit->end && *end > unit->start)
        return TRUE;
    }
  return FALSE;
}

void
_lectern_compare_window_update_coders (LecternCompareWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  LecternCoderUnit *unit = current_unit (self);
  gboolean coders = self->mode == LECTERN_COMPARE_MODE_CODERS;
  gboolean can_decide = unit != NULL && self->cancellable == NULL;
  g_autofree char *label = NULL;
  glong s, e;

  gtk_action_bar_set_revealed (self->coders_bar, coders);
  gtk_widget_action_set_enabled (widget, "compare.keep-a", can_decide);
  gtk_widget_action_set_enabled (widget, "compare.keep-b", can_decide);
  gtk_widget_action_set_enabled (widget, "compare.keep-both", can_decide);
  gtk_widget_action_set_enabled (widget, "compare.keep-neither", can_decide);
  gtk_widget_action_set_enabled (widget, "compare.keep-selection", can_decide && selection_in_unit (self, unit, &s, &e));
  gtk_widget_action_set_enabled (widget, "compare.accept-all", can_decide);
  if (!coders)
    return;

  if (unit != NULL)
    {
      g_autofree char *a = coder_name (self, 0);
      g_autofree char *b = coder_name (self, 1);

      switch (unit->kind)
        {
        case LECTERN_CODER_UNIT_ONLY_A:
          /* Translators: the disagreement under the cursor */
          label = g_strdup_printf (_("Only %s coded this"), a);
          break;
        case LECTERN_CODER_UNIT_ONLY_B:
          label = g_strdup_printf (_("Only %s coded this"), b);
          break;
        case LECTERN_CODER_UNIT_CODES:
          label = g_strdup (_("Same passage, different codes"));
          break;
        case LECTERN_CODER_UNIT_BOUNDS:
        case LECTERN_CODER_UNIT_AGREED:
        default:
          label = g_strdup (_("Different bounds"));
          break;
        }
    }
  else if (self->open_units != NULL && self->open_units->len > 0)
    label = g_strdup (_("Go to a disagreement (Alt+Down)"));
  gtk_label_set_text (self->unit_label, label != NULL ? label : "");
  update_accept_menu (self, unit);
}

/* "3 of 5 disagreements left": the plural follows the total, which
 * the sentence counts. */
char *
_lectern_compare_window_coders_summary (LecternCompareWindow *self)
{
  if (self->coder[0] == 0 || self->coder[1] == 0)
    return g_strdup (_("Choose two coders"));
  if (self->n_disagreements == 0)
    return g_strdup (_("No disagreements"));
  return g_strdup_printf (g_dngettext (NULL, "%u of %u disagreement left", "%u of %u disagreements left",
                                       self->n_disagreements),
                          self->open_units->len, self->n_disagreements);
}

static gboolean
is_adjudicator (LecternCompareWindow *self)
{
  g_autoptr(LecternCoder) me = lectern_project_dup_current_coder (self->project, NULL);
  gint64 id = me != NULL ? lectern_coder_get_id (me) : 0;

  return id != self->coder[0] && id != self->coder[1];
}

static GPtrArray *
read_units (LecternCompareWindow *self,
            GError              **error)
{
  return lectern_coder_units_read (self->project, self->doc[1], self->coder[0], self->coder[1], error);
}

/* Identical codings are no one's call: accepted at once, in a step of
 * their own that the toast names. */
static void
accept_agreed (LecternCompareWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!is_adjudicator (self))
    return;
  self->coders_writing = TRUE;
  if (!lectern_coder_units_accept_all (self->project, self->doc[1], self->coder[0], self->coder[1],
                                       self->units, FALSE, 0, _("Accept identical codings"), &n, &error))
    g_warning ("Could not accept the identical codings: %s", error->message);
  self->coders_writing = FALSE;
  if (n > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (NULL, "%u identical coding accepted", "%u identical codings accepted", n), n);

      adw_toast_overlay_add_toast (self->toast_overlay, lectern_plain_toast_new (message));
      g_clear_pointer (&self->units, g_ptr_array_unref);
      self->units = read_units (self, NULL);
    }
}

/* Where the old list's units stood: an undo brings one back, and the
 * window goes to it. */
static GHashTable *
open_starts (LecternCompareWindow *self)
{
  GHashTable *starts = g_hash_table_new (NULL, NULL);

  for (guint i = 0; self->open_units != NULL && i < self->open_units->len; i++)
    {
      LecternCoderUnit *unit = g_ptr_array_index (self->open_units, i);

      g_hash_table_add (starts, GSIZE_TO_POINTER ((gsize) unit->start + 1));
    }
  return starts;
}

void
_lectern_compare_window_run_coders (LecternCompareWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = open_starts (self);
  LecternDiffSummary summary = { 0 };
  GArray *chunks;
  glong resume = self->coders_resume;
  int current = -1;
  int returned = -1;

  /* -1: a document or coders newly shown, not a change to them. */
  self->coders_resume = -1;
  g_clear_pointer (&self->open_units, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  self->n_disagreements = 0;
  self->open_units = g_ptr_array_new ();
  chunks = lectern_chunks_new ();

  if (self->project != NULL && self->doc[1] != 0
      && self->coder[0] != 0 && self->coder[1] != 0 && self->coder[0] != self->coder[1])
    {
      self->units = read_units (self, &error);
      if (self->units == NULL)
        {
          g_array_unref (chunks);
          _lectern_compare_window_show_error (self, _("Could Not Read the Codings"), error);
          return;
        }
      /* Only on showing them: after an undo of that step they stay undone. */
      if (resume < 0)
        accept_agreed (self);
    }

  for (guint i = 0; self->units != NULL && i < self->units->len; i++)
    {
      LecternCoderUnit *unit = g_ptr_array_index (self->units, i);
      LecternChunk chunk = { LECTERN_CHUNK_REPLACE, unit->start, unit->end, unit->start, unit->end, 1.0 };

      if (unit->kind == LECTERN_CODER_UNIT_AGREED)
        continue;
      self->n_disagreements++;
      /* A settled unit is the adjudicator's coding now: off the list. */
      if (unit->decision != 0)
        continue;
      g_array_append_val (chunks, chunk);
      g_ptr_array_add (self->open_units, unit);
      if (current < 0 && resume >= 0 && unit->start >= resume)
        current = chunks->len - 1;
      if (returned < 0 && resume >= 0 && !g_hash_table_contains (before, GSIZE_TO_POINTER ((gsize) unit->start + 1)))
        returned = chunks->len - 1;
    }

  _lectern_compare_window_show_result (self, chunks, &summary);
  if (returned >= 0)
    current = returned;
  if (resume >= 0 && current < 0 && self->open_units->len > 0)
    current = self->open_units->len - 1;
  if (current >= 0)
    _lectern_compare_window_go_to_chunk (self, current);
  _lectern_compare_window_update_coders (self);
}

/* ------------------------------------------------------------------ */
/* The coders                                                          */

static void
show_coders_in_panes (LecternCompareWindow *self)
{
  gboolean coders = self->mode == LECTERN_COMPARE_MODE_CODERS;

  for (guint side = 0; side < 2; side++)
    lectern_reader_view_set_coders (pane (self, side), coders ? &self->coder[side] : NULL, coders ? 1 : 0);
}

/* The two coders with the most passages in the document, else the first
 * two; kept when still there. */
void
_lectern_compare_window_refresh_coders (LecternCompareWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GListModel) passages = NULL;
  guint selected[2] = { GTK_INVALID_LIST_POSITION, GTK_INVALID_LIST_POSITION };

  g_clear_pointer (&self->coders, g_ptr_array_unref);
  if (self->project == NULL || self->mode != LECTERN_COMPARE_MODE_CODERS)
    return;
  self->coders = lectern_project_list_coders (self->project, &error);
  if (self->coders == NULL)
    {
      g_warning ("Could not list the coders: %s", error->message);
      return;
    }

  if (self->doc[1] != 0)
    passages = lectern_project_list_annotations (self->project, self->doc[1], 0, FALSE, NULL);
  for (guint i = 0; passages != NULL && i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(LecternAnnotation) passage = g_list_model_get_item (passages, i);
      gint64 id = lectern_annotation_get_coder_id (passage);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));

      g_hash_table_insert (counts, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (n + 1));
    }

  for (guint i = 0; i < self->coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (self->coders, i);

      gtk_string_list_append (names, lectern_coder_get_display_name (coder));
      for (guint side = 0; side < 2; side++)
        if (lectern_coder_get_id (coder) == self->coder[side])
          selected[side] = i;
    }

  /* New choices: who coded this document most. */
  for (guint side = 0; side < 2; side++)
    {
      guint best = GTK_INVALID_LIST_POSITION, best_n = 0;

      if (selected[side] != GTK_INVALID_LIST_POSITION)
        continue;
      for (guint i = 0; i < self->coders->len; i++)
        {
          gint64 id = lectern_coder_get_id (g_ptr_array_index (self->coders, i));
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));

          /* An adjudicated coding is the result, not a side: who coded
           * the document, not who settled it. */
          if (i == selected[!side]
              || (self->coders->len > 2
                  && lectern_coder_is_adjudication (g_ptr_array_index (self->coders, i), self->coders)))
            continue;
          if (best == GTK_INVALID_LIST_POSITION || n > best_n)
            {
              best = i;
              best_n = n;
            }
        }
      selected[side] = best;
    }

  self->updating_coders = TRUE;
  for (guint side = 0; side < 2; side++)
    {
      GtkDropDown *dropdown = side == 0 ? self->coder_dropdown_a : self->coder_dropdown_b;

      self->coder[side] = selected[side] != GTK_INVALID_LIST_POSITION
                          ? lectern_coder_get_id (g_ptr_array_index (self->coders, selected[side])) : 0;
      gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
      gtk_drop_down_set_selected (dropdown, selected[side]);
    }
  self->updating_coders = FALSE;
  show_coders_in_panes (self);
}

static void
coder_selected_cb (LecternCompareWindow *self,
                   GParamSpec           *pspec,
                   GtkDropDown          *dropdown)
{
  guint side = dropdown == self->coder_dropdown_a ? 0 : 1;
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 id;

  if (self->updating_coders || self->coders == NULL || selected >= self->coders->len)
    return;
  id = lectern_coder_get_id (g_ptr_array_index (self->coders, selected));
  if (id == self->coder[side])
    return;
  lectern_compare_window_set_coders (self, side == 0 ? id : self->coder[0], side == 1 ? id : self->coder[1]);
}

void
lectern_compare_window_set_coders (LecternCompareWindow *self,
                                   gint64                a,
                                   gint64                b)
{
  g_return_if_fail (LECTERN_IS_COMPARE_WINDOW (self));

  /* The same coder on both sides: they trade places. */
  if (a == b)
    {
      if (a == self->coder[1])
        b = self->coder[0];
      else
        a = self->coder[1];
    }
  self->coder[0] = a;
  self->coder[1] = b;
  _lectern_compare_window_refresh_coders (self);
  if (self->mode == LECTERN_COMPARE_MODE_CODERS)
    _lectern_compare_window_run_coders (self);
}

gint64
lectern_compare_window_get_coder (LecternCompareWindow *self,
                                  guint                 side)
{
  g_return_val_if_fail (LECTERN_IS_COMPARE_WINDOW (self), 0);
  g_return_val_if_fail (side < 2, 0);
  return self->coder[side];
}

/* Leaving or entering the mode. */
void
_lectern_compare_window_coders_mode_changed (LecternCompareWindow *self)
{
  if (self->mode != LECTERN_COMPARE_MODE_CODERS)
    {
      g_clear_pointer (&self->open_units, g_ptr_array_unref);
      g_clear_pointer (&self->units, g_ptr_array_unref);
    }
  _lectern_compare_window_refresh_coders (self);
  show_coders_in_panes (self);
  _lectern_compare_window_update_coders (self);
}

/* After a change: a decision, its undo, a passage coded in a pane. */
void
_lectern_compare_window_coders_project_changed (LecternCompareWindow *self,
                                                guint                 what,
                                                gint64                document_id)
{
  LecternCoderUnit *unit = current_unit (self);

  if (self->mode != LECTERN_COMPARE_MODE_CODERS || self->coders_writing
      || !(what & (LECTERN_CHANGE_ANNOTATIONS | LECTERN_CHANGE_TAGS))
      || (document_id != 0 && document_id != self->doc[1]))
    return;
  self->coders_resume = unit != NULL ? unit->start : 0;
  _lectern_compare_window_refresh_coders (self);
  _lectern_compare_window_run_coders (self);
}

/* ------------------------------------------------------------------ */
/* Decisions                                                           */

static void
decided (LecternCompareWindow *self,
         gboolean              ok,
         GError               *error)
{
  if (!ok)
    _lectern_compare_window_show_error (self, _("Could Not Record the Decision"), error);
}

static void
keep_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (widget);
  LecternCoderUnit *unit = current_unit (self);
  LecternAdjudicationDecision decision;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (unit == NULL)
    return;
  if (g_str_equal (action_name, "compare.keep-a"))
    decision = LECTERN_ADJUDICATION_KEEP_A;
  else if (g_str_equal (action_name, "compare.keep-b"))
    decision = LECTERN_ADJUDICATION_KEEP_B;
  else if (g_str_equal (action_name, "compare.keep-both"))
    decision = LECTERN_ADJUDICATION_BOTH;
  else
    decision = LECTERN_ADJUDICATION_NEITHER;

  /* The project's "changed" rebuilds the list, from this unit on. */
  ok = lectern_coder_unit_adjudicate (self->project, self->doc[1], self->coder[0], self->coder[1],
                                      unit, decision, &error);
  decided (self, ok, error);
}

/* Edit: the text selected in either pane, coded with every code either
 * coder gave in the unit; the adjudicator can retag it in the reader. */
static void
keep_selection_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (widget);
  LecternCoderUnit *unit = current_unit (self);
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  LecternAdjudicatedPassage passage = { 0, };
  LecternAdjudicationInput input = { 0, };
  glong start, end;
  gboolean ok;

  if (unit == NULL || !selection_in_unit (self, unit, &start, &end))
    return;
  for (guint i = 0; i < unit->passages->len; i++)
    {
      LecternCoderUnitPassage *p = g_ptr_array_index (unit->passages, i);

      for (guint j = 0; j < p->tag_ids->len; j++)
        {
          gint64 tag = g_array_index (p->tag_ids, gint64, j);
          gboolean seen = FALSE;

          for (guint k = 0; k < tags->len && !seen; k++)
            seen = g_array_index (tags, gint64, k) == tag;
          if (!seen)
            g_array_append_val (tags, tag);
        }
    }
  passage.start = start;
  passage.end = end;
  passage.tag_ids = (const gint64 *) (gpointer) tags->data;
  passage.n_tag_ids = tags->len;
  /* The unit is what was decided: a selection reaching past it still
   * settles this one. */
  input.start = unit->start;
  input.end = unit->end;
  input.decision = LECTERN_ADJUDICATION_EDITED;
  input.passages = &passage;
  input.n_passages = 1;
  ok = lectern_project_adjudicate (self->project, self->doc[1], self->coder[0], self->coder[1],
                                   &input, 1, NULL, &error);
  decided (self, ok, error);
}

static void
accept_all_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *label = NULL;
  gboolean is_b;
  gint64 tag_id;
  guint n = 0;
  gboolean ok;

  if (self->units == NULL)
    return;
  g_variant_get (param, "(bx)", &is_b, &tag_id);
  name = coder_name (self, is_b);
  path = tag_path (self, tag_id);
  /* Translators: the undo step of Accept All: "Keep all of Alice’s “Security”" */
  label = g_strdup_printf (_("Keep all of %s’s “%s”"), name, path);
  ok = lectern_coder_units_accept_all (self->project, self->doc[1], self->coder[0], self->coder[1],
                                       self->units, is_b, tag_id, label, &n, &error);
  decided (self, ok, error);
}

static void
history_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LecternCompareWindow *self = LECTERN_COMPARE_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "compare.undo");
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup (undo ? lectern_project_get_undo_label (self->project)
                                          : lectern_project_get_redo_label (self->project));
  g_autofree char *message = NULL;

  if (self->project == NULL)
    return;
  if (!(undo ? lectern_project_undo (self->project, &error) : lectern_project_redo (self->project, &error)))
    {
      if (g_error_matches (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOTHING_TO_UNDO))
        gtk_widget_error_bell (widget);
      else
        _lectern_compare_window_show_error (self, undo ? _("Could Not Undo") : _("Could Not Redo"), error);
      return;
    }
  /* Translators: a toast, "Undone: Keep coder A’s coding" */
  message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label != NULL ? label : "");
  adw_toast_overlay_add_toast (self->toast_overlay, lectern_plain_toast_new (message));
}

void
_lectern_compare_window_init_coders (LecternCompareWindow *self)
{
  self->coders_resume = -1;
  g_signal_connect_object (self->coder_dropdown_a, "notify::selected",
                           G_CALLBACK (coder_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->coder_dropdown_b, "notify::selected",
                           G_CALLBACK (coder_selected_cb), self, G_CONNECT_SWAPPED);
}

void
_lectern_compare_window_class_coders_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "compare.keep-a", NULL, keep_cb);
  gtk_widget_class_install_action (widget_class, "compare.keep-b", NULL, keep_cb);
  gtk_widget_class_install_action (widget_class, "compare.keep-both", NULL, keep_cb);
  gtk_widget_class_install_action (widget_class, "compare.keep-neither", NULL, keep_cb);
  gtk_widget_class_install_action (widget_class, "compare.keep-selection", NULL, keep_selection_cb);
  gtk_widget_class_install_action (widget_class, "compare.accept-all", "(bx)", accept_all_cb);
  gtk_widget_class_install_action (widget_class, "compare.undo", NULL, history_cb);
  gtk_widget_class_install_action (widget_class, "compare.redo", NULL, history_cb);

  /* Keep A and Keep B are Alt+A and Alt+B by their mnemonics. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "compare.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "compare.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "compare.redo", NULL);
}
