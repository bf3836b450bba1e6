/* lectern-where-popover.c
 *
 * Built in code: a heading, a spinner while lectern_where_async() runs in
 * its own connection, then one row per place with the document's title,
 * the words found there (as plain text, never markup) and how similar
 * they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-where-popover.h"

#define MAX_ROWS     50
#define SNIPPET_CHARS 160

struct _LecternWherePopover
{
  GtkPopover     parent_instance;

  GtkStack      *stack;
  GtkSpinner    *spinner;
  GtkLabel      *status;
  GtkListBox    *list;

  LecternProject *project;
  GCancellable  *cancellable;
  GArray        *places;
};

G_DEFINE_FINAL_TYPE (LecternWherePopover, lectern_where_popover, GTK_TYPE_POPOVER)

enum { PROP_0, PROP_BUSY, N_PROPS };
enum { PLACE_ACTIVATED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
lectern_where_popover_new (void)
{
  return g_object_new (LECTERN_TYPE_WHERE_POPOVER, NULL);
}

gboolean
lectern_where_popover_get_busy (LecternWherePopover *self)
{
  g_return_val_if_fail (LECTERN_IS_WHERE_POPOVER (self), FALSE);
  return self->cancellable != NULL;
}

GArray *
lectern_where_popover_get_places (LecternWherePopover *self)
{
  g_return_val_if_fail (LECTERN_IS_WHERE_POPOVER (self), NULL);
  return self->places;
}

void
lectern_where_popover_activate (LecternWherePopover *self,
                                guint                index)
{
  const LecternPlace *place;

  g_return_if_fail (LECTERN_IS_WHERE_POPOVER (self));
  g_return_if_fail (self->places != NULL && index < self->places->len);

  place = &g_array_index (self->places, LecternPlace, index);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PLACE_ACTIVATED], 0, place->document_id, place->start, place->end);
}

static void
row_activated_cb (LecternWherePopover *self,
                  GtkListBoxRow       *row)
{
  lectern_where_popover_activate (self, gtk_list_box_row_get_index (row));
}

static void
set_busy (LecternWherePopover *self,
          GCancellable        *cancellable)
{
  gboolean was = self->cancellable != NULL;

  if (self->cancellable != NULL && self->cancellable != cancellable)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);
  gtk_spinner_set_spinning (self->spinner, cancellable != NULL);
  if (was != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static char *
snippet (const char *text,
         glong       start,
         glong       end)
{
  const char *s = g_utf8_offset_to_pointer (text, start);
  const char *e = g_utf8_offset_to_pointer (text, MIN (end, start + SNIPPET_CHARS));
  g_autofree char *piece = g_strndup (s, e - s);

  /* One line in the list. */
  g_strdelimit (piece, "\n\t", ' ');
  return end - start > SNIPPET_CHARS ? g_strconcat (piece, "…", NULL) : g_steal_pointer (&piece);
}

static GtkWidget *
place_row (LecternWherePopover *self,
           const LecternPlace  *place,
           GHashTable          *texts,
           GHashTable          *labels)
{
  g_autoptr(LecternDocument) doc = lectern_project_dup_document (self->project, place->document_id, NULL);
  const char *text = g_hash_table_lookup (texts, &place->document_id);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title, *score, *quote;
  g_autofree char *percent = g_strdup_printf (_("%.0f%% alike"), place->similarity * 100.0);
  g_autofree char *where = NULL;
  g_autofree char *accessible = NULL;

  if (text == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = place->document_id;
      text = lectern_project_dup_text (self->project, place->document_id, NULL);
      g_hash_table_insert (texts, key, (gpointer) text);
    }

  /* Two versions of one text both hold the passage: the label tells
   * them apart. */
  title = gtk_label_new (doc == NULL ? _("Unknown document")
                         : lectern_document_labels_lookup (labels, place->document_id)
                         ? lectern_document_labels_lookup (labels, place->document_id)
                         : lectern_document_get_title (doc));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  score = gtk_label_new (percent);
  gtk_widget_add_css_class (score, "dim-label");
  gtk_widget_add_css_class (score, "numeric");
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), score);

  where = text ? snippet (text, place->start, place->end) : g_strdup ("");
  quote = gtk_label_new (where);
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (quote), 48);
  gtk_widget_add_css_class (quote, "where-quote");

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), quote);
  gtk_widget_add_css_class (box, "where-row");

  accessible = g_strdup_printf ("%s, %s", gtk_label_get_text (GTK_LABEL (title)), percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return box;
}

static void
show_places (LecternWherePopover *self)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GListModel) documents = lectern_project_list_documents (self->project, NULL);
  g_autoptr(GHashTable) labels = lectern_document_labels_new (documents);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < self->places->len && i < MAX_ROWS; i++)
    gtk_list_box_append (self->list, place_row (self, &g_array_index (self->places, LecternPlace, i), texts, labels));

  if (self->places->len == 0)
    {
      gtk_label_set_text (self->status, _("This passage occurs nowhere else in the project"));
      gtk_stack_set_visible_child_name (self->stack, "status");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  /* The list is taller than "Searching…": place the popup anew, flipped
   * above the passage if it no longer fits below. */
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_popover_present (GTK_POPOVER (self));
}

static void
where_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GCancellable *cancellable = user_data;
  LecternWherePopover *self = g_object_get_data (G_OBJECT (cancellable), "lectern-where-popover");
  g_autoptr(GError) error = NULL;
  GArray *places = lectern_where_finish (result, &error);

  if (self == NULL || self->cancellable != cancellable)
    {
      g_clear_pointer (&places, g_array_unref);
      g_object_unref (cancellable);
      return;
    }
  g_object_unref (cancellable);

  set_busy (self, NULL);
  g_clear_pointer (&self->places, g_array_unref);
  if (places == NULL)
    {
      gtk_label_set_text (self->status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }
  self->places = places;
  show_places (self);
}

void
lectern_where_popover_search (LecternWherePopover *self,
                              LecternProject       *project,
                              gint64               document_id,
                              glong                start,
                              glong                end)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_return_if_fail (LECTERN_IS_WHERE_POPOVER (self));
  g_return_if_fail (LECTERN_IS_PROJECT (project));

  g_set_object (&self->project, project);
  g_clear_pointer (&self->places, g_array_unref);
  gtk_label_set_text (self->status, _("Searching the project…"));
  gtk_stack_set_visible_child_name (self->stack, "status");

  /* The callback finds the popover through a weak link, in case it is
   * gone by then. */
  g_object_set_data (G_OBJECT (cancellable), "lectern-where-popover", self);
  set_busy (self, cancellable);
  lectern_where_async (lectern_project_get_file (project), document_id, start, end,
                       cancellable, where_done_cb, g_object_ref (cancellable));
}

static void
closed_cb (LecternWherePopover *self)
{
  if (self->cancellable != NULL)
    {
      g_object_set_data (G_OBJECT (self->cancellable), "lectern-where-popover", NULL);
      set_busy (self, NULL);
    }
}

static void
lectern_where_popover_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LecternWherePopover *self = LECTERN_WHERE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_where_popover_dispose (GObject *object)
{
  LecternWherePopover *self = LECTERN_WHERE_POPOVER (object);

  if (self->cancellable != NULL)
    {
      g_object_set_data (G_OBJECT (self->cancellable), "lectern-where-popover", NULL);
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  g_clear_object (&self->project);
  g_clear_pointer (&self->places, g_array_unref);
  G_OBJECT_CLASS (lectern_where_popover_parent_class)->dispose (object);
}

static void
lectern_where_popover_class_init (LecternWherePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lectern_where_popover_get_property;
  object_class->dispose = lectern_where_popover_dispose;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PLACE_ACTIVATED] =
    g_signal_new ("place-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_LONG, G_TYPE_LONG);
}

static void
lectern_where_popover_init (LecternWherePopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *heading = gtk_label_new (_("Where Else Does This Passage Occur?"));
  GtkWidget *status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_box_append (GTK_BOX (status_box), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (status_box), GTK_WIDGET (self->status));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Places where the passage occurs"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, status_box, "status");
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  gtk_widget_set_size_request (box, 360, -1);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  g_signal_connect (self, "closed", G_CALLBACK (closed_cb), NULL);
}
