/* lectern-passage-popover.c
 *
 * Built in code, as the "where else" popover: a heading, then a list of
 * rows (document title, the passage's text as plain text, never markup).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-passage-popover.h"

#define MAX_ROWS      200
#define SNIPPET_CHARS 240

struct _LecternPassagePopover
{
  GtkPopover  parent_instance;

  GtkLabel   *heading;
  GtkListBox *list;
  GPtrArray  *passages;
};

G_DEFINE_FINAL_TYPE (LecternPassagePopover, lectern_passage_popover, GTK_TYPE_POPOVER)

enum { OPEN_PASSAGE, N_SIGNALS };
static guint signals[N_SIGNALS];

void
lectern_passage_popover_free_passage (gpointer data)
{
  LecternRetrieved *retrieved = data;

  if (retrieved == NULL)
    return;
  g_free (retrieved->tags);
  g_free (retrieved->quote);
  g_free (retrieved);
}

GtkWidget *
lectern_passage_popover_new (void)
{
  return g_object_new (LECTERN_TYPE_PASSAGE_POPOVER, NULL);
}

static void
forward_cb (GtkWidget *owner,
            gint64     document_id,
            glong      start,
            glong      end)
{
  g_signal_emit_by_name (owner, "passage-activated", document_id, start, end);
}

LecternPassagePopover *
lectern_passage_popover_attach (GtkWidget *owner)
{
  GtkWidget *popover;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (g_signal_lookup ("passage-activated", G_OBJECT_TYPE (owner)) != 0, NULL);

  popover = lectern_passage_popover_new ();
  gtk_widget_set_parent (popover, owner);
  g_signal_connect_object (popover, "passage-activated", G_CALLBACK (forward_cb), owner, G_CONNECT_SWAPPED);
  return LECTERN_PASSAGE_POPOVER (popover);
}

void
lectern_passage_popover_popup_at (LecternPassagePopover *self,
                                  GtkWidget             *cell,
                                  gboolean               whole,
                                  const char            *heading,
                                  LecternProject        *project,
                                  GPtrArray             *passages)
{
  graphene_rect_t bounds;

  g_return_if_fail (LECTERN_IS_PASSAGE_POPOVER (self));
  g_return_if_fail (GTK_IS_WIDGET (cell));

  lectern_passage_popover_set_passages (self, heading, project, passages);
  if (gtk_widget_compute_bounds (cell, gtk_widget_get_parent (GTK_WIDGET (self)), &bounds))
    {
      GdkRectangle rect = { bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height };

      if (whole)
        rect = (GdkRectangle) { rect.x + rect.width / 2, rect.y + rect.height / 2, 1, 1 };
      gtk_popover_set_pointing_to (GTK_POPOVER (self), &rect);
    }
  gtk_popover_popup (GTK_POPOVER (self));
}

GPtrArray *
lectern_passage_popover_get_passages (LecternPassagePopover *self)
{
  g_return_val_if_fail (LECTERN_IS_PASSAGE_POPOVER (self), NULL);
  return self->passages;
}

void
lectern_passage_popover_activate (LecternPassagePopover *self,
                                  guint                  index)
{
  LecternRetrieved *passage;

  g_return_if_fail (LECTERN_IS_PASSAGE_POPOVER (self));
  g_return_if_fail (self->passages != NULL && index < self->passages->len);

  passage = g_ptr_array_index (self->passages, index);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[OPEN_PASSAGE], 0, passage->document_id, passage->start, passage->end);
}

static void
row_activated_cb (LecternPassagePopover *self,
                  GtkListBoxRow         *row)
{
  lectern_passage_popover_activate (self, gtk_list_box_row_get_index (row));
}

static char *
snippet (const char *quote)
{
  g_autofree char *piece = NULL;

  if (quote == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (quote, -1) <= SNIPPET_CHARS)
    piece = g_strdup (quote);
  else
    {
      g_autofree char *head = g_utf8_substring (quote, 0, SNIPPET_CHARS);

      piece = g_strconcat (head, "…", NULL);
    }
  g_strdelimit (piece, "\n\t", ' ');
  return g_steal_pointer (&piece);
}

void
lectern_passage_popover_set_passages (LecternPassagePopover *self,
                                      const char            *heading,
                                      LecternProject        *project,
                                      GPtrArray             *passages)
{
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GtkWidget *child;

  g_return_if_fail (LECTERN_IS_PASSAGE_POPOVER (self));
  g_return_if_fail (LECTERN_IS_PROJECT (project));

  g_clear_pointer (&self->passages, g_ptr_array_unref);
  self->passages = passages;
  gtk_label_set_text (self->heading, heading);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < MIN (passages->len, MAX_ROWS); i++)
    {
      LecternRetrieved *passage = g_ptr_array_index (passages, i);
      const char *title = g_hash_table_lookup (titles, &passage->document_id);
      g_autofree char *text = snippet (passage->quote);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label;

      if (title == NULL)
        {
          g_autoptr(LecternDocument) doc = lectern_project_dup_document (project, passage->document_id, NULL);
          gint64 *key = g_new (gint64, 1);

          *key = passage->document_id;
          title = doc != NULL ? lectern_document_get_title (doc) : "";
          g_hash_table_insert (titles, key, g_strdup (title));
          title = g_hash_table_lookup (titles, key);
        }
      gtk_widget_add_css_class (box, "analysis-row");
      label = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_widget_add_css_class (label, "analysis-quote");
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_append (self->list, box);
    }
  if (passages->len > MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("and %u more"), passages->len - MAX_ROWS);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->list, label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_last_child (GTK_WIDGET (self->list))),
                                        FALSE);
    }
}

static void
lectern_passage_popover_dispose (GObject *object)
{
  LecternPassagePopover *self = LECTERN_PASSAGE_POPOVER (object);

  g_clear_pointer (&self->passages, g_ptr_array_unref);
  G_OBJECT_CLASS (lectern_passage_popover_parent_class)->dispose (object);
}

static void
lectern_passage_popover_class_init (LecternPassagePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lectern_passage_popover_dispose;

  signals[OPEN_PASSAGE] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_LONG, G_TYPE_LONG);
}

static void
lectern_passage_popover_init (LecternPassagePopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_wrap (self->heading, TRUE);
  gtk_label_set_max_width_chars (self->heading, 50);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "title-4");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->heading));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passages"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_widget_set_size_request (scroller, 420, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (self), box);
}
