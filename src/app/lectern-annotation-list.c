/* lectern-annotation-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "lectern-annotation-list.h"
#include "lectern-application.h"
#include "lectern-note-popover.h"
#include "lectern-tag-picker.h"
#include "lectern-tag-swatch.h"

struct _LecternAnnotationList
{
  GtkWidget           parent_instance;

  GtkStack           *stack;
  GtkListView        *list_view;

  GtkSingleSelection *selection;
  LecternNotePopover *note_popover;
  LecternTagPicker   *tag_picker;
  gint64              picker_annotation_id;

  LecternProject      *project;
  GSignalGroup       *project_signals;
  gint64              document_id;
  GListModel         *passages;      /* the project's live list, or NULL */
  gint64              keep_id;       /* selected while the list changes */
  GHashTable         *tags;          /* id → LecternTag */
  GArray             *coders;        /* gint64: the coders shown; empty: all */
  GtkCustomFilter    *coder_filter;
  GHashTable         *coder_names;   /* coder id → name to show, read when needed */
};

G_DEFINE_FINAL_TYPE (LecternAnnotationList, lectern_annotation_list, GTK_TYPE_WIDGET)

enum { ANNOTATION_ACTIVATED, FIT_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GListModel *
lectern_annotation_list_get_model (LecternAnnotationList *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION_LIST (self), NULL);

  return gtk_single_selection_get_model (self->selection);
}

static LecternAnnotation *
dup_annotation (LecternAnnotationList *self,
                gint64                 annotation_id,
                guint                 *position)
{
  GListModel *model = lectern_annotation_list_get_model (self);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (model, i);

      if (lectern_annotation_get_id (a) == annotation_id)
        {
          if (position)
            *position = i;
          return g_steal_pointer (&a);
        }
    }
  return NULL;
}

static gint64
selected_id (LecternAnnotationList *self)
{
  LecternAnnotation *a = gtk_single_selection_get_selected_item (self->selection);

  return a ? lectern_annotation_get_id (a) : 0;
}

static void
reload_tags (LecternAnnotationList *self)
{
  g_hash_table_unref (self->tags);
  /* The project's own index, current with its tag tree. */
  if (self->project != NULL)
    self->tags = g_hash_table_ref (lectern_tag_tree_get_index (LECTERN_TAG_TREE (lectern_project_get_tag_tree (self->project))));
  else
    self->tags = g_hash_table_new (g_int64_hash, g_int64_equal);
}

static void
update_stack (LecternAnnotationList *self)
{
  gboolean any = self->passages != NULL && g_list_model_get_n_items (self->passages) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
}

static void
reselect (LecternAnnotationList *self,
          gint64                 annotation_id)
{
  g_autoptr(LecternAnnotation) a = NULL;
  guint position;

  if (annotation_id != 0 && (a = dup_annotation (self, annotation_id, &position)))
    gtk_single_selection_set_selected (self->selection, position);
}

/* The passage list is live: an edited passage is replaced in it, which
 * would clear the selection. This handler runs before the selection's
 * own (connected first), the next one after it, and the selection is
 * held by id across the change. */
static void
passages_changing_cb (LecternAnnotationList *self)
{
  self->keep_id = selected_id (self);
}

static void
passages_changed_cb (LecternAnnotationList *self)
{
  reselect (self, self->keep_id);
  self->keep_id = 0;
  update_stack (self);
}

static void
set_passages (LecternAnnotationList *self,
              GListModel            *passages)
{
  g_autoptr(GListModel) empty = NULL;
  gint64 keep = selected_id (self);

  if (self->passages != NULL)
    g_signal_handlers_disconnect_by_data (self->passages, self);
  g_set_object (&self->passages, passages);
  if (passages != NULL)
    {
      g_signal_connect_object (passages, "items-changed", G_CALLBACK (passages_changing_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (passages, "items-changed", G_CALLBACK (passages_changed_cb),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  else
    passages = empty = G_LIST_MODEL (g_list_store_new (LECTERN_TYPE_ANNOTATION));

  /* Set anew even when it is the same list, so that rows bind again
   * (a tag renamed or recoloured). */
  gtk_single_selection_set_model (self->selection, NULL);
  gtk_single_selection_set_model (self->selection, passages);
  reselect (self, keep);
  update_stack (self);
}

/* The shown coders' passages: a filter over the live list, shared with
 * the reader. */
static void
reload (LecternAnnotationList *self)
{
  g_autoptr(GListModel) passages = NULL;

  if (self->project != NULL && self->document_id != 0)
    {
      passages = lectern_project_dup_passages (self->project, self->document_id);
      if (self->coders->len > 0)
        {
          GListModel *live = g_steal_pointer (&passages);

          passages = G_LIST_MODEL (gtk_filter_list_model_new (live, g_object_ref (GTK_FILTER (self->coder_filter))));
        }
    }
  set_passages (self, passages);
}

static gboolean
coder_filter_func (gpointer item,
                   gpointer data)
{
  LecternAnnotationList *self = data;
  gint64 coder_id = lectern_annotation_get_coder_id (LECTERN_ANNOTATION (item));

  for (guint i = 0; i < self->coders->len; i++)
    if (g_array_index (self->coders, gint64, i) == coder_id)
      return TRUE;
  return FALSE;
}

void
lectern_annotation_list_set_coders (LecternAnnotationList *self,
                                    const gint64          *coder_ids,
                                    guint                  n_coder_ids)
{
  g_return_if_fail (LECTERN_IS_ANNOTATION_LIST (self));
  g_return_if_fail (coder_ids != NULL || n_coder_ids == 0);

  if (n_coder_ids == self->coders->len &&
      (n_coder_ids == 0 || memcmp (coder_ids, self->coders->data, n_coder_ids * sizeof (gint64)) == 0))
    return;
  g_array_set_size (self->coders, 0);
  g_array_append_vals (self->coders, coder_ids, n_coder_ids);
  reload (self);
}

/* The coders' names, read again when a passage names a coder not seen
 * yet (a coder's first passage, here or from another program). */
static void
reload_coder_names (LecternAnnotationList *self)
{
  g_autoptr(GPtrArray) coders = NULL;

  g_hash_table_remove_all (self->coder_names);
  if (self->project == NULL || !(coders = lectern_project_list_coders (self->project, NULL)))
    return;
  for (guint i = 0; i < coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (coders, i);
      gint64 *id = g_new (gint64, 1);

      *id = lectern_coder_get_id (coder);
      g_hash_table_insert (self->coder_names, id, g_strdup (lectern_coder_get_display_name (coder)));
    }
}

/* "Coded by NAME", once the project has more than one coder: a project
 * coded by one person shows no name. */
static char *
dup_coded_by (LecternAnnotationList *self,
              LecternAnnotation     *a)
{
  gint64 coder_id = lectern_annotation_get_coder_id (a);
  const char *name;

  if (coder_id == 0)
    return NULL;
  if (!g_hash_table_contains (self->coder_names, &coder_id))
    reload_coder_names (self);
  name = g_hash_table_lookup (self->coder_names, &coder_id);
  if (name == NULL || g_hash_table_size (self->coder_names) < 2)
    return NULL;
  return g_strdup_printf (_("Coded by %s"), name);
}

static void
project_changed_cb (LecternAnnotationList *self,
                   guint                  what,
                   gint64                 document_id,
                   LecternProject         *project)
{
  /* Passages follow by themselves; their rows show tags. */
  if (what & LECTERN_CHANGE_TAGS)
    {
      reload_tags (self);
      set_passages (self, self->passages);
    }
}

void
lectern_annotation_list_set_project (LecternAnnotationList *self,
                                    LecternProject         *project)
{
  g_return_if_fail (LECTERN_IS_ANNOTATION_LIST (self));

  if (!g_set_object (&self->project, project))
    return;

  g_signal_group_set_target (self->project_signals, project);
  lectern_tag_picker_set_project (self->tag_picker, project);
  self->document_id = 0;
  reload_tags (self);
  reload_coder_names (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
lectern_annotation_list_set_document_id (LecternAnnotationList *self,
                                         gint64                 document_id)
{
  g_return_if_fail (LECTERN_IS_ANNOTATION_LIST (self));

  if (self->document_id == document_id)
    return;
  self->document_id = document_id;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_popover_popdown (GTK_POPOVER (self->note_popover));
  gtk_popover_popdown (GTK_POPOVER (self->tag_picker));
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

void
lectern_annotation_list_select_annotation (LecternAnnotationList *self,
                                           gint64                 annotation_id)
{
  g_autoptr(LecternAnnotation) a = NULL;
  guint position;

  g_return_if_fail (LECTERN_IS_ANNOTATION_LIST (self));

  if (!(a = dup_annotation (self, annotation_id, &position)))
    return;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
list_activate_cb (LecternAnnotationList *self,
                  guint                  position)
{
  g_autoptr(LecternAnnotation) a = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (a != NULL)
    g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, lectern_annotation_get_id (a));
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

typedef struct
{
  GtkWidget *swatches;
  GtkLabel  *tags;
  GtkLabel  *quote;
  GtkLabel  *note;
  GtkLabel  *coder;
  GtkMenuButton *menu;
} Row;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          LecternAnnotationList    *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  Row *row = g_new0 (Row, 1);

  gtk_widget_add_css_class (box, "annotation-row");

  row->swatches = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
  gtk_widget_set_valign (row->swatches, GTK_ALIGN_START);
  gtk_widget_set_margin_top (row->swatches, 3);
  gtk_box_append (GTK_BOX (header), row->swatches);

  row->tags = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->tags, 0);
  /* Every tag of a passage is read: the list wraps, never cut off. A
   * wrapped label needs a width in characters to be measured in 4.8. */
  gtk_label_set_wrap (row->tags, TRUE);
  gtk_label_set_wrap_mode (row->tags, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (row->tags, 12);
  gtk_widget_set_hexpand (GTK_WIDGET (row->tags), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->tags), "caption-heading");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (row->tags));

  row->menu = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (row->menu, "view-more-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (row->menu), "flat");
  gtk_widget_set_valign (GTK_WIDGET (row->menu), GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->menu), _("Annotation Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->menu),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Annotation menu"), -1);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (row->menu));
  gtk_box_append (GTK_BOX (box), header);

  row->quote = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->quote, 0);
  gtk_label_set_wrap (row->quote, TRUE);
  gtk_label_set_wrap_mode (row->quote, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (row->quote, 3);
  /* GTK 4.8 measures a wrapped, ellipsized label narrower than nothing
   * unless it is given a width in characters. */
  gtk_label_set_width_chars (row->quote, 12);
  gtk_label_set_ellipsize (row->quote, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->quote), "annotation-quote");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->quote));

  row->note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->note, 0);
  gtk_label_set_wrap (row->note, TRUE);
  gtk_label_set_wrap_mode (row->note, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (row->note), "annotation-note");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->note));

  row->coder = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->coder, 0);
  gtk_label_set_ellipsize (row->coder, PANGO_ELLIPSIZE_END);
  gtk_widget_set_name (GTK_WIDGET (row->coder), "coded-by");
  gtk_widget_add_css_class (GTK_WIDGET (row->coder), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->coder), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->coder));

  g_object_set_data_full (G_OBJECT (box), "row", row, g_free);
  gtk_list_item_set_child (item, box);
}

static GMenuModel *
row_menu (gint64 id)
{
  GMenu *menu = g_menu_new ();
  static const struct { const char *label; const char *action; } entries[] = {
    { N_("Write _Note…"), "annotations.edit-note" },
    { N_("Change _Tags…"), "annotations.retag" },
    { N_("_Fit to Selection"), "annotations.fit" },
    { N_("_Delete"), "annotations.delete" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(entries[i].label), NULL);

      g_menu_item_set_action_and_target (item, entries[i].action, "x", id);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         LecternAnnotationList    *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  Row *row = g_object_get_data (G_OBJECT (box), "row");
  LecternAnnotation *a = gtk_list_item_get_item (item);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GMenuModel) menu = NULL;
  const gint64 *ids;
  const char *note;
  g_autofree char *quote = NULL;
  g_autofree char *coded_by = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (row->swatches)))
    gtk_box_remove (GTK_BOX (row->swatches), child);

  ids = lectern_annotation_get_tag_ids (a, &n);
  for (guint i = 0; i < n; i++)
    {
      LecternTag *tag = g_hash_table_lookup (self->tags, &ids[i]);

      if (tag == NULL)
        continue;
      gtk_box_append (GTK_BOX (row->swatches), lectern_tag_swatch_new (lectern_tag_get_colour (tag)));
      g_string_append_printf (names, "%s%s", names->len ? " · " : "", lectern_tag_get_path (tag));
    }
  gtk_label_set_text (row->tags, names->len ? names->str : _("No tags"));

  /* One line of the passage per line of the quote is too much: fold
   * paragraph breaks into spaces. */
  quote = g_strdup (lectern_annotation_get_quote (a));
  g_strdelimit (quote, "\n", ' ');
  gtk_label_set_text (row->quote, quote);

  note = lectern_annotation_get_note (a);
  gtk_label_set_text (row->note, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (row->note), note != NULL && note[0] != '\0');

  coded_by = dup_coded_by (self, a);
  gtk_label_set_text (row->coder, coded_by ? coded_by : "");
  gtk_widget_set_visible (GTK_WIDGET (row->coder), coded_by != NULL);

  menu = row_menu (lectern_annotation_get_id (a));
  gtk_menu_button_set_menu_model (row->menu, menu);
  g_object_set_data (G_OBJECT (box), "annotation-id", GSIZE_TO_POINTER ((gsize) lectern_annotation_get_id (a)));
}

/* The row widget showing @id, if it is built, to point popovers at. */
static GtkWidget *
find_row_widget (LecternAnnotationList *self,
                 gint64                 id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *box = gtk_widget_get_first_child (child);

      if (box != NULL && gtk_widget_get_mapped (box) &&
          (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (box), "annotation-id")) == id)
        return box;
    }
  return NULL;
}

static void
point_at_row (LecternAnnotationList *self,
              GtkPopover            *popover,
              gint64                 id)
{
  GtkWidget *row = find_row_widget (self, id);
  GdkRectangle rect = { gtk_widget_get_width (GTK_WIDGET (self)) / 2, 24, 1, 1 };
  graphene_rect_t bounds;

  if (row != NULL && gtk_widget_compute_bounds (row, GTK_WIDGET (self), &bounds))
    rect = (GdkRectangle) { bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height };
  gtk_popover_set_pointing_to (popover, &rect);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
show_error (LecternAnnotationList *self,
            const GError          *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_warning ("%s", error->message);
  if (!GTK_IS_WINDOW (root))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Could Not Save the Change"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gint64
action_target (LecternAnnotationList *self,
               GVariant              *param)
{
  return param ? g_variant_get_int64 (param) : selected_id (self);
}

GtkPopover *
lectern_annotation_list_edit_note (LecternAnnotationList *self,
                                   gint64                 annotation_id)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION_LIST (self), NULL);

  if (self->project == NULL || annotation_id == 0)
    return NULL;
  lectern_note_popover_edit (self->note_popover, self->project, annotation_id);
  point_at_row (self, GTK_POPOVER (self->note_popover), annotation_id);
  gtk_popover_popup (GTK_POPOVER (self->note_popover));
  return GTK_POPOVER (self->note_popover);
}

static void
edit_note_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LecternAnnotationList *self = LECTERN_ANNOTATION_LIST (widget);

  lectern_annotation_list_edit_note (self, action_target (self, param));
}

static void
retag_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *param)
{
  LecternAnnotationList *self = LECTERN_ANNOTATION_LIST (widget);
  gint64 id = action_target (self, param);
  g_autoptr(LecternAnnotation) a = dup_annotation (self, id, NULL);
  const gint64 *ids;
  guint n = 0;

  if (a == NULL)
    return;
  self->picker_annotation_id = id;
  ids = lectern_annotation_get_tag_ids (a, &n);
  lectern_tag_picker_set_checked (self->tag_picker, ids, n);
  point_at_row (self, GTK_POPOVER (self->tag_picker), id);
  gtk_popover_popup (GTK_POPOVER (self->tag_picker));
}

static void
tag_chosen_cb (LecternAnnotationList *self,
               gint64                 tag_id,
               LecternTagPicker      *picker)
{
  g_autoptr(LecternAnnotation) a = dup_annotation (self, self->picker_annotation_id, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  const gint64 *old;
  guint n_old = 0;

  if (a == NULL)
    return;

  /* The chosen tag is switched: off when the passage has it, else on. */
  old = lectern_annotation_get_tag_ids (a, &n_old);
  for (guint i = 0; i < n_old; i++)
    if (old[i] != tag_id)
      g_array_append_val (ids, old[i]);
  if (ids->len == n_old)
    {
      g_array_append_val (ids, tag_id);
      lectern_note_recent_tag (tag_id);
    }

  if (!lectern_project_set_annotation_tags (self->project, lectern_annotation_get_id (a),
                                           (gint64 *) (gpointer) ids->data, ids->len, &error))
    show_error (self, error);
}

static void
fit_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *param)
{
  LecternAnnotationList *self = LECTERN_ANNOTATION_LIST (widget);
  gint64 id = action_target (self, param);

  if (id != 0)
    g_signal_emit (self, signals[FIT_REQUESTED], 0, id);
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  LecternAnnotationList *self = LECTERN_ANNOTATION_LIST (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = action_target (self, param);

  if (id != 0 && self->project != NULL &&
      !lectern_project_delete_annotation (self->project, id, &error))
    show_error (self, error);
}

/* ------------------------------------------------------------------ */

static void
lectern_annotation_list_dispose (GObject *object)
{
  LecternAnnotationList *self = LECTERN_ANNOTATION_LIST (object);
  GtkWidget *child;

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  if (self->note_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->note_popover));
  self->note_popover = NULL;
  if (self->tag_picker != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->tag_picker));
  self->tag_picker = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_ANNOTATION_LIST);
  /* The template's root box has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  if (self->passages != NULL)
    g_signal_handlers_disconnect_by_data (self->passages, self);
  g_clear_object (&self->passages);
  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_clear_object (&self->coder_filter);
  g_clear_pointer (&self->coders, g_array_unref);
  g_clear_pointer (&self->coder_names, g_hash_table_unref);

  G_OBJECT_CLASS (lectern_annotation_list_parent_class)->dispose (object);
}

static void
lectern_annotation_list_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LecternAnnotationList *self = LECTERN_ANNOTATION_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_annotation_list_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LecternAnnotationList *self = LECTERN_ANNOTATION_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      lectern_annotation_list_set_project (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT_ID:
      lectern_annotation_list_set_document_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_annotation_list_class_init (LecternAnnotationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_annotation_list_dispose;
  object_class->get_property = lectern_annotation_list_get_property;
  object_class->set_property = lectern_annotation_list_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, LECTERN_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* 0: none. */
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[FIT_REQUESTED] =
    g_signal_new ("fit-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-annotation-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternAnnotationList, list_view);
  gtk_widget_class_bind_template_child (widget_class, LecternAnnotationList, stack);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  /* With a target: that annotation (row menus); without: the selected row. */
  gtk_widget_class_install_action (widget_class, "annotations.edit-note", "x", edit_note_cb);
  gtk_widget_class_install_action (widget_class, "annotations.retag", "x", retag_cb);
  gtk_widget_class_install_action (widget_class, "annotations.fit", "x", fit_cb);
  gtk_widget_class_install_action (widget_class, "annotations.delete", "x", delete_cb);
  gtk_widget_class_install_action (widget_class, "annotations.edit-selected-note", NULL, edit_note_cb);
  gtk_widget_class_install_action (widget_class, "annotations.delete-selected", NULL, delete_cb);
  gtk_widget_class_install_action (widget_class, "annotations.retag-selected", NULL, retag_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "annotations.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "annotations.edit-selected-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "annotations.retag-selected", NULL);
}

static void
lectern_annotation_list_init (LecternAnnotationList *self)
{
  GtkListItemFactory *factory;

  self->tags = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->coders = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->coder_filter = gtk_custom_filter_new (coder_filter_func, self, NULL);
  self->coder_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->project_signals = g_signal_group_new (LECTERN_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_list_store_new (LECTERN_TYPE_ANNOTATION)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->note_popover = LECTERN_NOTE_POPOVER (lectern_note_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->note_popover), GTK_WIDGET (self));

  self->tag_picker = LECTERN_TAG_PICKER (lectern_tag_picker_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->tag_picker), GTK_WIDGET (self));
  g_signal_connect_object (self->tag_picker, "tag-chosen", G_CALLBACK (tag_chosen_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}
