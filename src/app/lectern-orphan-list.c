/* lectern-orphan-list.c — the passages an edit left without their words
 * (issue #19). Orphans keep their quote, note and tags; they are listed
 * here, never drawn as highlights, until placed again or deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lectern-orphan-list.h"

/* A quote shown in a row: enough to recognise it. */
#define QUOTE_CHARS 160

struct _LecternOrphanList
{
  GtkWidget       parent_instance;

  GtkListBox     *list_box;
  GtkLabel       *hint_label;

  LecternProject *project;
  gulong          changed_id;
  gint64          document_id;
  guint           n_orphans;
  gboolean        can_place;
};

G_DEFINE_FINAL_TYPE (LecternOrphanList, lectern_orphan_list, GTK_TYPE_WIDGET)

enum {
  PLACE,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
short_quote (const char *quote)
{
  g_autofree char *line = g_strdup (quote != NULL ? quote : "");

  g_strdelimit (line, "\n\t\r", ' ');
  if (g_utf8_strlen (line, -1) <= QUOTE_CHARS)
    return g_steal_pointer (&line);
  {
    g_autofree char *cut = g_utf8_substring (line, 0, QUOTE_CHARS - 1);

    return g_strconcat (cut, "…", NULL);
  }
}

static char *
tag_names (LecternOrphanList *self,
           LecternAnnotation *annotation)
{
  GHashTable *index = lectern_tag_tree_get_index (LECTERN_TAG_TREE (lectern_project_get_tag_tree (self->project)));
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_ids = 0;
  const gint64 *ids = lectern_annotation_get_tag_ids (annotation, &n_ids);

  for (guint i = 0; i < n_ids; i++)
    {
      LecternTag *tag = g_hash_table_lookup (index, &ids[i]);

      if (tag == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, lectern_tag_get_name (tag));
    }
  if (names->len == 0)
    return g_strdup (_("No tags"));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
place_clicked_cb (GtkButton         *button,
                  LecternOrphanList *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "annotation-id"));

  g_signal_emit (self, signals[PLACE], 0, id);
}

static void
delete_clicked_cb (GtkButton         *button,
                   LecternOrphanList *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "annotation-id"));
  g_autoptr(GError) error = NULL;

  /* One undo step, as any passage deleted. */
  if (self->project != NULL && !lectern_project_delete_annotation (self->project, id, &error))
    g_warning ("Could not delete passage %" G_GINT64_FORMAT ": %s", id, error->message);
}

static GtkWidget *
make_row (LecternOrphanList *self,
          LecternAnnotation *annotation)
{
  gint64 id = lectern_annotation_get_id (annotation);
  g_autofree char *quote = short_quote (lectern_annotation_get_quote (annotation));
  g_autofree char *quoted = g_strdup_printf (_("“%s”"), quote);
  g_autofree char *tags = tag_names (self, annotation);
  g_autoptr(GString) subtitle = g_string_new (tags);
  const char *note = lectern_annotation_get_note (annotation);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *place;
  GtkWidget *delete;

  if (self->document_id == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LecternDocument) document =
        lectern_project_dup_document (self->project, lectern_annotation_get_document_id (annotation), &error);

      if (document != NULL)
        g_string_prepend (subtitle, " · "), g_string_prepend (subtitle, lectern_document_get_title (document));
    }
  if (note != NULL && *note != '\0')
    {
      g_autofree char *short_note = short_quote (note);

      g_string_append_printf (subtitle, " · %s", short_note);
    }

  /* Row texts are markup in libadwaita 1.2: quotes and notes are data. */
  {
    g_autofree char *title = g_markup_escape_text (quoted, -1);
    g_autofree char *sub = g_markup_escape_text (subtitle->str, -1);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
  }
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  place = gtk_button_new_with_mnemonic (_("_Place Here"));
  gtk_widget_set_valign (place, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (place, self->can_place);
  gtk_widget_set_tooltip_text (place, _("Put this passage on the selected text"));
  g_object_set_data (G_OBJECT (place), "annotation-id", GSIZE_TO_POINTER (id));
  g_object_set_data (G_OBJECT (place), "place-button", GINT_TO_POINTER (1));
  g_signal_connect (place, "clicked", G_CALLBACK (place_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), place);

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete, _("Delete Passage"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete passage"), -1);
  gtk_widget_add_css_class (delete, "flat");
  g_object_set_data (G_OBJECT (delete), "annotation-id", GSIZE_TO_POINTER (id));
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  g_object_set_data (G_OBJECT (row), "place-button", place);
  return row;
}

static void
reload (LecternOrphanList *self)
{
  g_autoptr(GListModel) orphans = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  self->n_orphans = 0;

  if (self->project == NULL || self->document_id < 0)
    {
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  orphans = lectern_project_list_orphans (self->project, self->document_id, &error);
  if (orphans == NULL)
    {
      g_warning ("Could not list the orphaned passages: %s", error->message);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  self->n_orphans = g_list_model_get_n_items (orphans);
  for (guint i = 0; i < self->n_orphans; i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (orphans, i);

      gtk_list_box_append (self->list_box, make_row (self, annotation));
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
project_changed_cb (LecternProject    *project,
                    guint              what,
                    gint64             document_id,
                    LecternOrphanList *self)
{
  if (what & (LECTERN_CHANGE_ANNOTATIONS | LECTERN_CHANGE_DOCUMENTS | LECTERN_CHANGE_TAGS))
    reload (self);
}

void
lectern_orphan_list_set_project (LecternOrphanList *self,
                                 LecternProject    *project)
{
  g_return_if_fail (LECTERN_IS_ORPHAN_LIST (self));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->changed_id = g_signal_connect (project, "changed", G_CALLBACK (project_changed_cb), self);
  reload (self);
}

void
lectern_orphan_list_set_document_id (LecternOrphanList *self,
                                     gint64             document_id)
{
  g_return_if_fail (LECTERN_IS_ORPHAN_LIST (self));

  if (self->document_id == document_id)
    return;
  self->document_id = document_id;
  reload (self);
}

guint
lectern_orphan_list_get_n_orphans (LecternOrphanList *self)
{
  g_return_val_if_fail (LECTERN_IS_ORPHAN_LIST (self), 0);
  return self->n_orphans;
}

void
lectern_orphan_list_set_can_place (LecternOrphanList *self,
                                   gboolean           can_place)
{
  g_return_if_fail (LECTERN_IS_ORPHAN_LIST (self));

  self->can_place = can_place;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *place = g_object_get_data (G_OBJECT (row), "place-button");

      if (place != NULL)
        gtk_widget_set_sensitive (place, can_place);
    }
}

GtkWidget *
lectern_orphan_list_new (void)
{
  return g_object_new (LECTERN_TYPE_ORPHAN_LIST, NULL);
}

static void
lectern_orphan_list_dispose (GObject *object)
{
  LecternOrphanList *self = LECTERN_ORPHAN_LIST (object);
  GtkWidget *child;

  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_ORPHAN_LIST);
  /* The template's root box is bound to no field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lectern_orphan_list_parent_class)->dispose (object);
}

static void
lectern_orphan_list_class_init (LecternOrphanListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_orphan_list_dispose;

  /* "Place Here" on an orphan: its owner knows the selection. */
  signals[PLACE] = g_signal_new ("place", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The list was read again (its count may have changed). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-orphan-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternOrphanList, list_box);
  gtk_widget_class_bind_template_child (widget_class, LecternOrphanList, hint_label);
}

static void
lectern_orphan_list_init (LecternOrphanList *self)
{
  self->document_id = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}
