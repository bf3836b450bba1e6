/* lectern-codebook-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-codebook-view.h"
#include "lectern-memo-pane.h"
#include "lectern-passages-window.h"
#include "lectern-tag-picker.h"
#include "lectern-tag-swatch.h"

struct _LecternCodebookView
{
  GtkWidget           parent_instance;

  GtkStack           *tree_stack;
  GtkListView        *tree_view;
  GtkListView        *passages_view;
  GtkLabel           *passages_title;
  GtkWidget          *merge_button;
  GtkStack           *tag_stack;
  LecternMemoPane    *description_pane;
  LecternMemoPane    *tag_memo_pane;

  GtkSingleSelection *tree_selection;
  GtkNoSelection     *passages_selection;
  LecternTagPicker   *merge_picker;
  AdwMessageDialog   *dialog;         /* weak */
  LecternPassagesWindow *passages_window;  /* weak: the last one opened */

  LecternProject      *project;
  GSignalGroup       *project_signals;
  GListStore         *roots;
  GHashTable         *children;       /* parent id → GListStore of LecternTag */
  GHashTable         *tags;           /* id → LecternTag */
  /* Titles of the passages' documents, looked up as rows show. */
  LecternDocumentList *documents;
  /* The tree is being rebuilt: its selection passes through "none". */
  gboolean            reloading;
  GArray             *coders;         /* gint64: the coders listed; empty: all */
};

G_DEFINE_FINAL_TYPE (LecternCodebookView, lectern_codebook_view, GTK_TYPE_WIDGET)

enum { PASSAGE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static LecternTag *
lookup_tag (LecternCodebookView *self,
            gint64               id)
{
  return g_hash_table_lookup (self->tags, &id);
}

static LecternTag *
selected_tag (LecternCodebookView *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->tree_selection);
  g_autoptr(LecternTag) tag = NULL;

  if (row == NULL)
    return NULL;
  tag = gtk_tree_list_row_get_item (row);
  /* The row's item stays alive as long as the row; borrow it. */
  return tag;
}

gint64
lectern_codebook_view_get_selected_tag (LecternCodebookView *self)
{
  LecternTag *tag;

  g_return_val_if_fail (LECTERN_IS_CODEBOOK_VIEW (self), 0);

  tag = selected_tag (self);
  return tag ? lectern_tag_get_id (tag) : 0;
}

guint
lectern_codebook_view_get_n_rows (LecternCodebookView *self)
{
  g_return_val_if_fail (LECTERN_IS_CODEBOOK_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->tree_selection));
}

GListModel *
lectern_codebook_view_get_passages (LecternCodebookView *self)
{
  g_return_val_if_fail (LECTERN_IS_CODEBOOK_VIEW (self), NULL);

  return gtk_no_selection_get_model (self->passages_selection);
}

AdwMessageDialog *
lectern_codebook_view_get_dialog (LecternCodebookView *self)
{
  g_return_val_if_fail (LECTERN_IS_CODEBOOK_VIEW (self), NULL);

  return self->dialog;
}

LecternPassagesWindow *
lectern_codebook_view_get_passages_window (LecternCodebookView *self)
{
  g_return_val_if_fail (LECTERN_IS_CODEBOOK_VIEW (self), NULL);

  return self->passages_window;
}

GtkPopover *
lectern_codebook_view_get_merge_picker (LecternCodebookView *self)
{
  g_return_val_if_fail (LECTERN_IS_CODEBOOK_VIEW (self), NULL);

  return GTK_POPOVER (self->merge_picker);
}

/* Total passages of a tag and every tag below it. */
static guint
count_with_subtags (LecternCodebookView *self,
                    LecternTag          *tag)
{
  gint64 id = lectern_tag_get_id (tag);
  GListModel *kids = g_hash_table_lookup (self->children, &id);
  guint total = lectern_tag_get_count (tag);

  for (guint i = 0; kids && i < g_list_model_get_n_items (kids); i++)
    {
      g_autoptr(LecternTag) child = g_list_model_get_item (kids, i);
      total += count_with_subtags (self, child);
    }
  return total;
}

/* ------------------------------------------------------------------ */
/* Models                                                              */

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  LecternCodebookView *self = user_data;
  gint64 id = lectern_tag_get_id (item);
  GListModel *kids = g_hash_table_lookup (self->children, &id);

  return kids ? g_object_ref (kids) : NULL;
}

static void
update_actions (LecternCodebookView *self)
{
  gboolean has_tag = selected_tag (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.new-tag", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.new-subtag", has_tag);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.rename", has_tag);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.recolour", has_tag);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.merge", has_tag && g_hash_table_size (self->tags) > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.delete", has_tag);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.show-passages", has_tag);
}

static void
reload_passages (LecternCodebookView *self)
{
  g_autoptr(GListModel) passages = NULL;
  LecternTag *tag = selected_tag (self);

  if (tag != NULL && self->project != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Passages Tagged “%s”"), lectern_tag_get_path (tag));

      passages = lectern_project_list_annotations (self->project, 0, lectern_tag_get_id (tag), TRUE, NULL);
      gtk_label_set_text (self->passages_title, title);
    }
  else
    gtk_label_set_text (self->passages_title, _("Select a tag to see its passages"));

  if (passages == NULL)
    passages = G_LIST_MODEL (g_list_store_new (LECTERN_TYPE_ANNOTATION));
  else if (self->coders->len > 0)
    {
      GListStore *shown = g_list_store_new (LECTERN_TYPE_ANNOTATION);

      for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
        {
          g_autoptr(LecternAnnotation) a = g_list_model_get_item (passages, i);

          for (guint k = 0; k < self->coders->len; k++)
            if (g_array_index (self->coders, gint64, k) == lectern_annotation_get_coder_id (a))
              {
                g_list_store_append (shown, a);
                break;
              }
        }
      g_object_unref (passages);
      passages = G_LIST_MODEL (shown);
    }
  gtk_no_selection_set_model (self->passages_selection, passages);
}

void
lectern_codebook_view_set_coders (LecternCodebookView *self,
                                  const gint64        *coder_ids,
                                  guint                n_coder_ids)
{
  g_return_if_fail (LECTERN_IS_CODEBOOK_VIEW (self));
  g_return_if_fail (coder_ids != NULL || n_coder_ids == 0);

  g_array_set_size (self->coders, 0);
  g_array_append_vals (self->coders, coder_ids, n_coder_ids);
  reload_passages (self);
  if (self->passages_window != NULL)
    lectern_passages_window_set_coders (self->passages_window, coder_ids, n_coder_ids);
}

void
lectern_codebook_view_select_tag (LecternCodebookView *self,
                                  gint64               tag_id)
{
  GListModel *rows = G_LIST_MODEL (self->tree_selection);

  g_return_if_fail (LECTERN_IS_CODEBOOK_VIEW (self));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(LecternTag) tag = gtk_tree_list_row_get_item (row);

      if (lectern_tag_get_id (tag) == tag_id)
        {
          gtk_single_selection_set_selected (self->tree_selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->tree_selection, GTK_INVALID_LIST_POSITION);
}

/* The description and memo panes edit the selected tag's. */
static void
update_notes (LecternCodebookView *self)
{
  LecternTag *tag = selected_tag (self);
  LecternProject *project = tag ? self->project : NULL;
  gint64 id = tag ? lectern_tag_get_id (tag) : 0;

  lectern_memo_pane_set_tag_description (self->description_pane, project, id);
  lectern_memo_pane_set_memo (self->tag_memo_pane, project, LECTERN_MEMO_TAG, id);
}

static void
reload (LecternCodebookView *self)
{
  g_autoptr(GListModel) tags = NULL;
  g_autoptr(GtkTreeListModel) tree = NULL;
  gint64 keep = lectern_codebook_view_get_selected_tag (self);
  GListStore *roots = g_list_store_new (LECTERN_TYPE_TAG);

  g_hash_table_remove_all (self->children);
  g_hash_table_remove_all (self->tags);

  if (self->project != NULL)
    tags = lectern_project_list_tags (self->project, NULL);

  /* The project lists depth first, siblings by name: each tag's children
   * come in order into its parent's store. */
  for (guint i = 0; tags && i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(LecternTag) tag = g_list_model_get_item (tags, i);
      gint64 parent = lectern_tag_get_parent_id (tag);
      gint64 *key = g_new (gint64, 1);

      *key = lectern_tag_get_id (tag);
      g_hash_table_insert (self->tags, key, g_object_ref (tag));

      if (parent == 0)
        g_list_store_append (roots, tag);
      else
        {
          GListStore *kids = g_hash_table_lookup (self->children, &parent);

          if (kids == NULL)
            {
              gint64 *pkey = g_new (gint64, 1);

              *pkey = parent;
              kids = g_list_store_new (LECTERN_TYPE_TAG);
              g_hash_table_insert (self->children, pkey, kids);
            }
          g_list_store_append (kids, tag);
        }
    }

  g_set_object (&self->roots, roots);
  g_object_unref (roots);

  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->roots)), FALSE, TRUE,
                                  create_children_cb, self, NULL);
  self->reloading = TRUE;
  gtk_single_selection_set_model (self->tree_selection, G_LIST_MODEL (tree));
  gtk_stack_set_visible_child_name (self->tree_stack,
                                    g_hash_table_size (self->tags) ? "tree" : "empty");

  lectern_codebook_view_select_tag (self, keep);
  self->reloading = FALSE;
  reload_passages (self);
  update_actions (self);
  update_notes (self);
}

static void
project_changed_cb (LecternCodebookView *self,
                   guint                what,
                   gint64               document_id,
                   LecternProject       *project)
{
  /* Counts change with annotations; titles with documents. */
  if (what & (LECTERN_CHANGE_TAGS | LECTERN_CHANGE_ANNOTATIONS))
    reload (self);
  else if (what & LECTERN_CHANGE_DOCUMENTS)
    reload_passages (self);
}

void
lectern_codebook_view_set_project (LecternCodebookView *self,
                                  LecternProject       *project)
{
  g_return_if_fail (LECTERN_IS_CODEBOOK_VIEW (self));

  if (!g_set_object (&self->project, project))
    return;
  g_signal_group_set_target (self->project_signals, project);
  lectern_tag_picker_set_project (self->merge_picker, project);
  gtk_single_selection_set_selected (self->tree_selection, GTK_INVALID_LIST_POSITION);
  /* Passages are listed with their documents' titles: the project's
   * live list, which the project keeps current before "changed". */
  {
    LecternDocumentList *documents =
      project != NULL ? LECTERN_DOCUMENT_LIST (lectern_project_get_documents (project)) : NULL;

    g_set_object (&self->documents, documents);
  }
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

static void
selection_changed_cb (LecternCodebookView *self)
{
  if (self->reloading)
    return;
  reload_passages (self);
  update_actions (self);
  update_notes (self);
}

static void
passage_activate_cb (LecternCodebookView *self,
                     guint                position)
{
  g_autoptr(LecternAnnotation) a = g_list_model_get_item (G_LIST_MODEL (self->passages_selection), position);

  if (a != NULL)
    g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, lectern_annotation_get_id (a));
}

static void
window_passage_activated_cb (LecternCodebookView   *self,
                             gint64                 annotation_id,
                             LecternPassagesWindow *window)
{
  g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, annotation_id);
}

/* The sidebar is too narrow to read passages in: the full table. */
static void
show_passages_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LecternCodebookView *self = LECTERN_CODEBOOK_VIEW (widget);
  LecternTag *tag = selected_tag (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  LecternPassagesWindow *window;

  if (tag == NULL || self->project == NULL)
    return;
  window = lectern_passages_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->project, self->documents, lectern_tag_get_id (tag));
  g_signal_connect_object (window, "passage-activated",
                           G_CALLBACK (window_passage_activated_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->passages_window, window);
  if (self->coders->len > 0)
    lectern_passages_window_set_coders (window, (const gint64 *) (gpointer) self->coders->data, self->coders->len);
  gtk_window_present (GTK_WINDOW (window));
}

static void
tree_activate_cb (LecternCodebookView *self,
                  guint                position)
{
  gtk_single_selection_set_selected (self->tree_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "codebook.show-passages", NULL);
}

/* ------------------------------------------------------------------ */
/* Tree rows, with drag and drop to nest                               */

static void
show_error (LecternCodebookView *self,
            const char          *heading,
            const GError        *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_warning ("%s", error->message);
  if (!GTK_IS_WINDOW (root))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gint64
row_tag_id (GtkWidget *widget)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "tag-id"));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  GValue value = G_VALUE_INIT;
  GdkContentProvider *provider;

  if (row_tag_id (row) == 0)
    return NULL;
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, row_tag_id (row));
  provider = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);
  return provider;
}

static void
move_tag (LecternCodebookView *self,
          gint64               tag_id,
          gint64               parent_id)
{
  g_autoptr(GError) error = NULL;
  LecternTag *tag = lookup_tag (self, tag_id);

  if (tag == NULL || tag_id == parent_id || lectern_tag_get_parent_id (tag) == parent_id)
    return;
  if (!lectern_project_move_tag (self->project, tag_id, parent_id, &error))
    show_error (self, _("Could Not Move Tag"), error);
}

static gboolean
row_drop_cb (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             GtkWidget     *row)
{
  LecternCodebookView *self = LECTERN_CODEBOOK_VIEW (gtk_widget_get_ancestor (row, LECTERN_TYPE_CODEBOOK_VIEW));

  move_tag (self, g_value_get_int64 (value), row_tag_id (row));
  return TRUE;
}

static gboolean
top_drop_cb (GtkDropTarget       *target,
             const GValue        *value,
             double               x,
             double               y,
             LecternCodebookView *self)
{
  /* Dropped beside the rows: back to the top level. */
  move_tag (self, g_value_get_int64 (value), 0);
  return TRUE;
}

static void
tree_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LecternCodebookView      *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_box_append (GTK_BOX (box), lectern_tag_swatch_new (NULL));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), name);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), count);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), box);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (row_drop_cb), box);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drop));

  gtk_list_item_set_child (item, expander);
}

static void
tree_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LecternCodebookView      *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_next_sibling (swatch);
  GtkWidget *count = gtk_widget_get_next_sibling (name);
  g_autoptr(LecternTag) tag = gtk_tree_list_row_get_item (row);
  g_autofree char *count_text = NULL;
  g_autofree char *accessible = NULL;
  guint own = lectern_tag_get_count (tag);
  guint total = count_with_subtags (self, tag);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  lectern_tag_swatch_set_colour (LECTERN_TAG_SWATCH (swatch), lectern_tag_get_colour (tag));
  gtk_label_set_text (GTK_LABEL (name), lectern_tag_get_name (tag));
  /* "3 (7)": passages with this very tag, and with its sub-tags too. */
  count_text = total != own ? g_strdup_printf ("%u (%u)", own, total) : g_strdup_printf ("%u", own);
  gtk_label_set_text (GTK_LABEL (count), count_text);
  g_object_set_data (G_OBJECT (box), "tag-id", GSIZE_TO_POINTER ((gsize) lectern_tag_get_id (tag)));

  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u passage", "%s, %u passages", total),
                                lectern_tag_get_path (tag), total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
passage_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  LecternCodebookView      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *quote = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "annotation-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (box), title);

  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), 2);
  /* GTK 4.8 measures a wrapped, ellipsized label narrower than nothing
   * unless it is given a width in characters. */
  gtk_label_set_width_chars (GTK_LABEL (quote), 12);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (quote, "annotation-quote");
  gtk_box_append (GTK_BOX (box), quote);
  gtk_list_item_set_child (item, box);
}

static void
passage_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 LecternCodebookView      *self)
{
  LecternAnnotation *a = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *quote = gtk_widget_get_next_sibling (title);
  LecternDocument *doc = NULL;
  const char *doc_title = NULL;
  g_autofree char *text = g_strdup (lectern_annotation_get_quote (a));

  if (self->documents != NULL)
    doc = lectern_document_list_lookup (self->documents, lectern_annotation_get_document_id (a));
  if (doc != NULL)
    doc_title = lectern_document_get_title (doc);
  gtk_label_set_text (GTK_LABEL (title), doc_title ? doc_title : "");
  g_strdelimit (text, "\n", ' ');
  gtk_label_set_text (GTK_LABEL (quote), text);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static GtkWindow *
parent_window (LecternCodebookView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AdwMessageDialog *
name_dialog (LecternCodebookView *self,
             const char          *heading,
             const char          *body,
             const char          *text,
             const char          *accept)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "accept", accept,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static const char *
dialog_text (AdwMessageDialog *dialog)
{
  return gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)));
}

static void
new_tag_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     LecternCodebookView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  const char *prefix = g_object_get_data (G_OBJECT (dialog), "prefix");

  if (!g_str_equal (response, "accept"))
    return;

  name = g_strstrip (g_strdup (dialog_text (dialog)));
  path = g_strconcat (prefix ? prefix : "", name, NULL);
  /* Trailing text is stripped above; an empty name is no tag. */
  if ((prefix ? strlen (path) == strlen (prefix) : path[0] == '\0'))
    return;

  tag = lectern_project_ensure_tag_path (self->project, path, &error);
  if (tag == NULL)
    show_error (self, _("Could Not Create Tag"), error);
  else
    lectern_codebook_view_select_tag (self, lectern_tag_get_id (tag));
}

static void
new_tag_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LecternCodebookView *self = LECTERN_CODEBOOK_VIEW (widget);
  gboolean sub = g_str_equal (action_name, "codebook.new-subtag");
  LecternTag *parent = sub ? selected_tag (self) : NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (sub && parent == NULL)
    return;

  if (parent != NULL)
    body = g_strdup_printf (_("The new tag goes under “%s”."), lectern_tag_get_path (parent));
  else
    body = g_strdup (_("Type “Parent/Child” to create a tag under another."));

  dialog = name_dialog (self, sub ? _("New Sub-tag") : _("New Tag"), body, NULL, _("C_reate"));
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "prefix",
                            g_strconcat (lectern_tag_get_path (parent), "/", NULL), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_tag_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    LecternCodebookView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "tag-id"));

  if (!g_str_equal (response, "accept"))
    return;
  name = g_strstrip (g_strdup (dialog_text (dialog)));
  if (name[0] == '\0')
    return;
  if (!lectern_project_rename_tag (self->project, id, name, &error))
    show_error (self, _("Could Not Rename Tag"), error);
}

static void
rename_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  LecternCodebookView *self = LECTERN_CODEBOOK_VIEW (widget);
  LecternTag *tag = selected_tag (self);
  AdwMessageDialog *dialog;

  if (tag == NULL)
    return;
  dialog = name_dialog (self, _("Rename Tag"), NULL, lectern_tag_get_name (tag), _("_Rename"));
  g_object_set_data (G_OBJECT (dialog), "tag-id", GSIZE_TO_POINTER ((gsize) lectern_tag_get_id (tag)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
colour_response_cb (GtkDialog           *dialog,
                    int                  response,
                    LecternCodebookView *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "tag-id"));

  if (response == GTK_RESPONSE_OK)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *colour = NULL;
      GdkRGBA rgba;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      colour = g_strdup_printf ("#%02x%02x%02x",
                                (guint) (CLAMP (rgba.red, 0, 1) * 255 + 0.5),
                                (guint) (CLAMP (rgba.green, 0, 1) * 255 + 0.5),
                                (guint) (CLAMP (rgba.blue, 0, 1) * 255 + 0.5));
      if (!lectern_project_set_tag_colour (self->project, id, colour, &error))
        show_error (self, _("Could Not Change Colour"), error);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
recolour_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LecternCodebookView *self = LECTERN_CODEBOOK_VIEW (widget);
  LecternTag *tag = selected_tag (self);
  g_autofree char *title = NULL;
  GtkWidget *dialog;
  GdkRGBA rgba;

  if (tag == NULL)
    return;
  title = g_strdup_printf (_("Colour of “%s”"), lectern_tag_get_name (tag));
  dialog = gtk_color_chooser_dialog_new (title, parent_window (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  if (gdk_rgba_parse (&rgba, lectern_tag_get_colour (tag)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
  g_object_set_data (G_OBJECT (dialog), "tag-id", GSIZE_TO_POINTER ((gsize) lectern_tag_get_id (tag)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (colour_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_chosen_cb (LecternCodebookView *self,
                 gint64               into_id,
                 LecternTagPicker    *picker)
{
  g_autoptr(GError) error = NULL;
  gint64 from_id = lectern_codebook_view_get_selected_tag (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
  if (from_id == 0 || from_id == into_id)
    return;
  if (!lectern_project_merge_tags (self->project, from_id, into_id, &error))
    show_error (self, _("Could Not Merge Tags"), error);
  else
    lectern_codebook_view_select_tag (self, into_id);
}

static void
merge_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *param)
{
  LecternCodebookView *self = LECTERN_CODEBOOK_VIEW (widget);
  LecternTag *tag = selected_tag (self);

  if (tag == NULL)
    return;
  lectern_tag_picker_set_excluded (self->merge_picker, lectern_tag_get_id (tag));
  gtk_popover_popup (GTK_POPOVER (self->merge_picker));
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    LecternCodebookView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "tag-id"));

  if (g_str_equal (response, "delete") &&
      !lectern_project_delete_tag (self->project, id, TRUE, &error))
    show_error (self, _("Could Not Delete Tag"), error);
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  LecternCodebookView *self = LECTERN_CODEBOOK_VIEW (widget);
  LecternTag *tag = selected_tag (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  guint in_use;

  if (tag == NULL)
    return;

  in_use = count_with_subtags (self, tag);
  if (in_use == 0)
    {
      /* Nothing depends on it, and Undo brings it back. */
      if (!lectern_project_delete_tag (self->project, lectern_tag_get_id (tag), FALSE, &error))
        show_error (self, _("Could Not Delete Tag"), error);
      return;
    }

  heading = g_strdup_printf (_("Delete “%s”?"), lectern_tag_get_path (tag));
  dialog = adw_message_dialog_new (parent_window (self), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u passage is tagged with it or its sub-tags. The passage stays, without this tag.",
                                               "%u passages are tagged with it or its sub-tags. The passages stay, without this tag.",
                                               in_use), in_use);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "tag-id", GSIZE_TO_POINTER ((gsize) lectern_tag_get_id (tag)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */

static void
lectern_codebook_view_dispose (GObject *object)
{
  LecternCodebookView *self = LECTERN_CODEBOOK_VIEW (object);
  GtkWidget *child;

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  if (self->merge_picker != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->merge_picker));
  self->merge_picker = NULL;
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->passages_window);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_CODEBOOK_VIEW);
  /* The template's root box has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->tree_selection);
  g_clear_object (&self->passages_selection);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->roots);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_clear_object (&self->documents);
  g_clear_pointer (&self->coders, g_array_unref);

  G_OBJECT_CLASS (lectern_codebook_view_parent_class)->dispose (object);
}

static void
lectern_codebook_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LecternCodebookView *self = LECTERN_CODEBOOK_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_codebook_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LecternCodebookView *self = LECTERN_CODEBOOK_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      lectern_codebook_view_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_codebook_view_class_init (LecternCodebookViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_codebook_view_dispose;
  object_class->get_property = lectern_codebook_view_get_property;
  object_class->set_property = lectern_codebook_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, LECTERN_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (LECTERN_TYPE_MEMO_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-codebook-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternCodebookView, description_pane);
  gtk_widget_class_bind_template_child (widget_class, LecternCodebookView, merge_button);
  gtk_widget_class_bind_template_child (widget_class, LecternCodebookView, passages_title);
  gtk_widget_class_bind_template_child (widget_class, LecternCodebookView, passages_view);
  gtk_widget_class_bind_template_child (widget_class, LecternCodebookView, tag_memo_pane);
  gtk_widget_class_bind_template_child (widget_class, LecternCodebookView, tag_stack);
  gtk_widget_class_bind_template_child (widget_class, LecternCodebookView, tree_stack);
  gtk_widget_class_bind_template_child (widget_class, LecternCodebookView, tree_view);
  gtk_widget_class_bind_template_callback (widget_class, passage_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, tree_activate_cb);

  gtk_widget_class_install_action (widget_class, "codebook.new-tag", NULL, new_tag_cb);
  gtk_widget_class_install_action (widget_class, "codebook.new-subtag", NULL, new_tag_cb);
  gtk_widget_class_install_action (widget_class, "codebook.rename", NULL, rename_cb);
  gtk_widget_class_install_action (widget_class, "codebook.recolour", NULL, recolour_cb);
  gtk_widget_class_install_action (widget_class, "codebook.merge", NULL, merge_cb);
  gtk_widget_class_install_action (widget_class, "codebook.delete", NULL, delete_cb);
  gtk_widget_class_install_action (widget_class, "codebook.show-passages", NULL, show_passages_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "codebook.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "codebook.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "codebook.merge", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "codebook.recolour", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "codebook.recolour", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "codebook.new-subtag", NULL);
}

static void
lectern_codebook_view_init (LecternCodebookView *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *drop;

  self->children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->tags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->coders = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->project_signals = g_signal_group_new (LECTERN_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);

  self->tree_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->tree_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->tree_selection, TRUE);
  g_signal_connect_object (self->tree_selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->tree_selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (tree_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (tree_bind_cb), self);
  gtk_list_view_set_factory (self->tree_view, factory);
  g_object_unref (factory);

  self->passages_selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->passages_view, GTK_SELECTION_MODEL (self->passages_selection));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (passage_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (passage_bind_cb), self);
  gtk_list_view_set_factory (self->passages_view, factory);
  g_object_unref (factory);

  drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (top_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->tree_view), GTK_EVENT_CONTROLLER (drop));

  self->merge_picker = LECTERN_TAG_PICKER (lectern_tag_picker_new ());
  lectern_tag_picker_set_can_create (self->merge_picker, FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->merge_picker), self->merge_button);
  g_signal_connect_object (self->merge_picker, "tag-chosen", G_CALLBACK (merge_chosen_cb), self, G_CONNECT_SWAPPED);

  reload (self);
}
