/* lectern-tag-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-application.h"
#include "lectern-tag-picker.h"
#include "lectern-tag-swatch.h"

#define MAX_ROWS 200

struct _LecternTagPicker
{
  GtkPopover      parent_instance;

  GtkSearchEntry *entry;
  GtkListBox     *list;
  GtkLabel       *hint;

  LecternProject  *project;
  GPtrArray      *tags;        /* LecternTag, recent first, then codebook order */
  guint           n_recent;    /* how many of @tags lead as recent */
  GArray         *checked;     /* gint64 */
  /* The text the rows were built for. GtkSearchEntry tells of a change
   * only after a delay, so Enter can come before the rows follow. */
  char           *shown_query;
  gboolean        show_headers;
  gint64          excluded;
  gboolean        can_create;
};

G_DEFINE_FINAL_TYPE (LecternTagPicker, lectern_tag_picker, GTK_TYPE_POPOVER)

enum { TAG_CHOSEN, N_SIGNALS };

/* Which part of the list a row belongs to, for its header. */
enum { SECTION_NONE, SECTION_RECENT, SECTION_ALL };
static guint signals[N_SIGNALS];

static gboolean
is_checked (LecternTagPicker *self,
            gint64            tag_id)
{
  for (guint i = 0; i < self->checked->len; i++)
    if (g_array_index (self->checked, gint64, i) == tag_id)
      return TRUE;
  return FALSE;
}

static void
load_tags (LecternTagPicker *self)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GVariant) recent = NULL;
  const gint64 *recent_ids;
  gsize n_recent = 0;
  guint n;

  g_ptr_array_set_size (self->tags, 0);
  self->n_recent = 0;
  if (self->project == NULL)
    return;

  model = lectern_project_list_tags (self->project, NULL);
  if (model == NULL)
    return;
  n = g_list_model_get_n_items (model);

  /* Recent tags first, most recent on top, then the codebook in order. */
  recent = g_settings_get_value (lectern_settings (), "recent-tags");
  recent_ids = g_variant_get_fixed_array (recent, &n_recent, sizeof (gint64));
  for (gsize r = 0; r < n_recent; r++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(LecternTag) tag = g_list_model_get_item (model, i);

        if (lectern_tag_get_id (tag) == recent_ids[r])
          {
            g_ptr_array_add (self->tags, g_steal_pointer (&tag));
            self->n_recent++;
            break;
          }
      }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternTag) tag = g_list_model_get_item (model, i);
      gboolean seen = FALSE;

      for (gsize r = 0; r < n_recent && !seen; r++)
        seen = recent_ids[r] == lectern_tag_get_id (tag);
      if (!seen)
        g_ptr_array_add (self->tags, g_steal_pointer (&tag));
    }
}

static GtkWidget *
make_tag_row (LecternTagPicker *self,
              LecternTag       *tag,
              guint             section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (lectern_tag_get_path (tag));
  GtkWidget *check;

  gtk_box_append (GTK_BOX (box), lectern_tag_swatch_new (lectern_tag_get_colour (tag)));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_visible (check, is_checked (self, lectern_tag_get_id (tag)));
  gtk_box_append (GTK_BOX (box), check);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lectern_tag_get_path (tag),
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "tag", g_object_ref (tag), g_object_unref);
  g_object_set_data (G_OBJECT (row), "section", GUINT_TO_POINTER (section));
  return row;
}

static GtkWidget *
make_create_row (const char *name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *text = g_strdup_printf (_("Create “%s”"), name);
  GtkWidget *label = gtk_label_new (text);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_set_data_full (G_OBJECT (row), "new-name", g_strdup (name), g_free);
  return row;
}

static gboolean
tag_matches (LecternTag *tag,
             const char *query,
             const char *folded_query)
{
  g_autofree char *folded = NULL;

  if (query[0] == '\0')
    return TRUE;
  /* g_str_match_string also matches "securite" against "Sécurité". */
  if (g_str_match_string (query, lectern_tag_get_path (tag), TRUE))
    return TRUE;
  folded = g_utf8_casefold (lectern_tag_get_path (tag), -1);
  return strstr (folded, folded_query) != NULL;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  LecternTagPicker *self = user_data;
  guint section = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "section"));
  guint before_section = before ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (before), "section")) : SECTION_NONE;
  GtkWidget *header;

  if (!self->show_headers || section == SECTION_NONE || section == before_section)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (section == SECTION_RECENT ? _("Recent") : _("All Tags"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_top (header, before ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

/* Builds the rows for the entry's text and selects the row Enter applies:
 * the tag whose path is the text (case aside); else the one tag whose own
 * name is the text, if only one has it; else a new tag of that path; and
 * only where no tag may be created, the best match. So Enter never picks
 * a tag the text merely resembles. */
static void
rebuild (LecternTagPicker *self)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autofree char *folded_query = g_utf8_casefold (query, -1);
  GtkWidget *exact = NULL, *by_name = NULL, *create = NULL;
  guint n_by_name = 0, n_recent = 0, n_all = 0;
  guint shown = 0;
  GtkWidget *child;

  g_free (self->shown_query);
  self->shown_query = g_strdup (query);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < self->tags->len; i++)
    {
      LecternTag *tag = g_ptr_array_index (self->tags, i);
      g_autofree char *folded_path = g_utf8_casefold (lectern_tag_get_path (tag), -1);
      g_autofree char *folded_name = g_utf8_casefold (lectern_tag_get_name (tag), -1);
      gboolean is_exact, is_name;
      GtkWidget *row;

      if (lectern_tag_get_id (tag) == self->excluded)
        continue;
      is_exact = query[0] != '\0' && g_str_equal (folded_path, folded_query);
      is_name = query[0] != '\0' && g_str_equal (folded_name, folded_query);
      n_by_name += is_name;
      /* The rows Enter may apply are always shown, past the cap too. */
      if ((shown >= MAX_ROWS && !is_exact && !is_name) || !tag_matches (tag, query, folded_query))
        continue;

      row = make_tag_row (self, tag, i < self->n_recent ? SECTION_RECENT : SECTION_ALL);
      gtk_list_box_append (self->list, row);
      shown++;
      if (i < self->n_recent)
        n_recent++;
      else
        n_all++;
      if (is_exact && exact == NULL)
        exact = row;
      if (is_name && by_name == NULL)
        by_name = row;
    }

  if (self->can_create && query[0] != '\0' && exact == NULL)
    {
      g_auto(GStrv) names = lectern_tag_path_split (query);

      /* First, where it shows what Enter will do. */
      if (names != NULL)
        {
          create = make_create_row (query);
          gtk_list_box_prepend (self->list, create);
        }
    }

  self->show_headers = n_recent > 0 && n_all > 0;
  gtk_list_box_invalidate_headers (self->list);

  if (exact == NULL && n_by_name == 1)
    exact = by_name;
  if (exact == NULL)
    exact = create;
  if (exact == NULL)
    exact = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0));
  gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (exact));
}

/* Brings the rows up to the entry's text if they are behind it. */
static void
catch_up (LecternTagPicker *self)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  if (g_strcmp0 (query, self->shown_query) != 0)
    rebuild (self);
}

static gboolean
choose_row (LecternTagPicker *self,
            GtkListBoxRow    *row)
{
  LecternTag *tag;
  const char *new_name;
  gint64 tag_id = 0;

  if (row == NULL)
    return FALSE;

  if ((tag = g_object_get_data (G_OBJECT (row), "tag")))
    tag_id = lectern_tag_get_id (tag);
  else if ((new_name = g_object_get_data (G_OBJECT (row), "new-name")) && self->project != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LecternTag) created = lectern_project_ensure_tag_path (self->project, new_name, &error);

      if (created == NULL)
        {
          gtk_label_set_text (self->hint, error->message);
          gtk_widget_add_css_class (GTK_WIDGET (self->hint), "error");
          return FALSE;
        }
      tag_id = lectern_tag_get_id (created);
    }

  if (tag_id == 0)
    return FALSE;

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[TAG_CHOSEN], 0, tag_id);
  return TRUE;
}

gboolean
lectern_tag_picker_choose (LecternTagPicker *self)
{
  g_return_val_if_fail (LECTERN_IS_TAG_PICKER (self), FALSE);

  /* The selected row is the one for the text now, or one the arrow keys
   * picked from rows that were already for that text. */
  catch_up (self);
  return choose_row (self, gtk_list_box_get_selected_row (self->list));
}

static void
entry_changed_cb (LecternTagPicker *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->hint), "error");
  /* The rows may have caught up already (Enter, an arrow key): rebuilding
   * them again would drop the row the arrows picked. */
  catch_up (self);
}

static void
entry_activate_cb (LecternTagPicker *self)
{
  lectern_tag_picker_choose (self);
}

static void
move_selection (LecternTagPicker *self,
                int               delta)
{
  GtkListBoxRow *row, *next;
  int index;

  catch_up (self);
  row = gtk_list_box_get_selected_row (self->list);
  index = row ? gtk_list_box_row_get_index (row) + delta : 0;
  next = gtk_list_box_get_row_at_index (self->list, MAX (index, 0));

  if (next != NULL)
    {
      gtk_list_box_select_row (self->list, next);
      /* Keep the focus in the entry so typing goes on. */
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
    }
}

static void
entry_next_cb (LecternTagPicker *self)
{
  move_selection (self, 1);
}

static void
entry_previous_cb (LecternTagPicker *self)
{
  move_selection (self, -1);
}

static void
entry_stop_cb (LecternTagPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static gboolean
entry_key_cb (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              LecternTagPicker      *self)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      move_selection (self, 1);
      return TRUE;
    }
  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    {
      move_selection (self, -1);
      return TRUE;
    }
  return FALSE;
}

static void
row_activated_cb (LecternTagPicker *self,
                  GtkListBoxRow    *row)
{
  choose_row (self, row);
}

static void
picker_show_cb (LecternTagPicker *self)
{
  gtk_label_set_text (self->hint, _("Enter applies the selected tag. Type “Parent/Child” to create a nested tag."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->hint), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  load_tags (self);
  rebuild (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

void
lectern_tag_picker_set_project (LecternTagPicker *self,
                               LecternProject    *project)
{
  g_return_if_fail (LECTERN_IS_TAG_PICKER (self));

  if (g_set_object (&self->project, project))
    {
      load_tags (self);
      rebuild (self);
    }
}

void
lectern_tag_picker_set_checked (LecternTagPicker *self,
                                const gint64     *tag_ids,
                                guint             n_tags)
{
  g_return_if_fail (LECTERN_IS_TAG_PICKER (self));

  g_array_set_size (self->checked, 0);
  if (n_tags > 0)
    g_array_append_vals (self->checked, tag_ids, n_tags);
}

void
lectern_tag_picker_set_excluded (LecternTagPicker *self,
                                 gint64            tag_id)
{
  g_return_if_fail (LECTERN_IS_TAG_PICKER (self));

  self->excluded = tag_id;
}

void
lectern_tag_picker_set_can_create (LecternTagPicker *self,
                                   gboolean          can_create)
{
  g_return_if_fail (LECTERN_IS_TAG_PICKER (self));

  self->can_create = !!can_create;
  gtk_widget_set_visible (GTK_WIDGET (self->hint), self->can_create);
}

void
lectern_tag_picker_set_text (LecternTagPicker *self,
                             const char       *text)
{
  g_return_if_fail (LECTERN_IS_TAG_PICKER (self));

  if (self->tags->len == 0)
    load_tags (self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  /* search-changed is delayed; the rows must match the text now. */
  rebuild (self);
}

guint
lectern_tag_picker_get_n_rows (LecternTagPicker *self)
{
  guint n = 0;

  g_return_val_if_fail (LECTERN_IS_TAG_PICKER (self), 0);

  while (gtk_list_box_get_row_at_index (self->list, n))
    n++;
  return n;
}

static void
lectern_tag_picker_dispose (GObject *object)
{
  LecternTagPicker *self = LECTERN_TAG_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_TAG_PICKER);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (lectern_tag_picker_parent_class)->dispose (object);
}

static void
lectern_tag_picker_finalize (GObject *object)
{
  LecternTagPicker *self = LECTERN_TAG_PICKER (object);

  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->checked, g_array_unref);
  g_free (self->shown_query);
  G_OBJECT_CLASS (lectern_tag_picker_parent_class)->finalize (object);
}

static void
lectern_tag_picker_class_init (LecternTagPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_tag_picker_dispose;
  object_class->finalize = lectern_tag_picker_finalize;

  signals[TAG_CHOSEN] = g_signal_new ("tag-chosen", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-tag-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternTagPicker, entry);
  gtk_widget_class_bind_template_child (widget_class, LecternTagPicker, hint);
  gtk_widget_class_bind_template_child (widget_class, LecternTagPicker, list);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, picker_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
lectern_tag_picker_init (LecternTagPicker *self)
{
  GtkEventController *keys;

  self->tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->checked = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->can_create = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list, header_func, self, NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
}

GtkWidget *
lectern_tag_picker_new (void)
{
  return g_object_new (LECTERN_TYPE_TAG_PICKER, NULL);
}
