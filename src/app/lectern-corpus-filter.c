/* lectern-corpus-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-corpus-filter.h"
#include "lectern-tag-picker.h"

/* Longer lists are still listed; the box scrolls. A bound on the rows
 * built for a huge corpus. */
#define MAX_DOCUMENT_ROWS 2000

struct _LecternCorpusFilter
{
  GtkPopover        parent_instance;

  GtkListBox       *documents_list;
  GtkWidget        *coders_box;       /* shown with two coders or more */
  GtkBox           *coders_list;
  GtkEntry         *language_entry;
  GtkEntry         *variable_entry;
  GtkWidget        *tag_box;
  GtkMenuButton    *tag_button;
  GtkWidget        *tag_clear;
  LecternTagPicker *tag_picker;

  LecternProject   *project;
  GArray           *documents;   /* gint64, checked */
  GArray           *coders;      /* gint64, checked */
  gint64            tag_id;
  gboolean          rebuilding;
};

G_DEFINE_FINAL_TYPE (LecternCorpusFilter, lectern_corpus_filter, GTK_TYPE_POPOVER)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
emit_changed (LecternCorpusFilter *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
is_checked (LecternCorpusFilter *self,
            gint64               id)
{
  for (guint i = 0; i < self->documents->len; i++)
    if (g_array_index (self->documents, gint64, i) == id)
      return TRUE;
  return FALSE;
}

void
lectern_corpus_filter_set_document (LecternCorpusFilter *self,
                                    gint64               document_id,
                                    gboolean             checked)
{
  g_return_if_fail (LECTERN_IS_CORPUS_FILTER (self));

  if (checked == is_checked (self, document_id))
    return;
  if (checked)
    g_array_append_val (self->documents, document_id);
  else
    for (guint i = 0; i < self->documents->len; i++)
      if (g_array_index (self->documents, gint64, i) == document_id)
        {
          g_array_remove_index (self->documents, i);
          break;
        }
  if (!self->rebuilding)
    emit_changed (self);
}

static void
check_toggled_cb (GtkCheckButton      *check,
                  LecternCorpusFilter *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "document-id");

  lectern_corpus_filter_set_document (self, id, gtk_check_button_get_active (check));
}

/* The checklist, made when shown: the library may have changed since. */
static void
rebuild_documents (LecternCorpusFilter *self)
{
  GListModel *documents = self->project ? lectern_project_get_documents (self->project) : NULL;
  guint n = documents ? MIN (g_list_model_get_n_items (documents), MAX_DOCUMENT_ROWS) : 0;
  /* Two versions of one text share a title: the label tells them apart. */
  g_autoptr(GHashTable) labels = documents ? lectern_document_labels_new (documents) : NULL;
  GtkWidget *child;

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list))) != NULL)
    gtk_list_box_remove (self->documents_list, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (documents, i);
      gint64 *id = g_new (gint64, 1);
      const char *text = lectern_document_labels_lookup (labels, lectern_document_get_id (doc));
      GtkWidget *check = gtk_check_button_new_with_label (text ? text : lectern_document_get_title (doc));
      GtkWidget *label = gtk_widget_get_last_child (check);

      *id = lectern_document_get_id (doc);
      if (GTK_IS_LABEL (label))
        {
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
        }
      g_object_set_data_full (G_OBJECT (check), "document-id", id, g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_checked (self, *id));
      g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
      gtk_list_box_append (self->documents_list, check);
    }
  self->rebuilding = FALSE;
}

static gboolean
is_coder_checked (LecternCorpusFilter *self,
                  gint64               id)
{
  for (guint i = 0; i < self->coders->len; i++)
    if (g_array_index (self->coders, gint64, i) == id)
      return TRUE;
  return FALSE;
}

void
lectern_corpus_filter_set_coder (LecternCorpusFilter *self,
                                 gint64               coder_id,
                                 gboolean             checked)
{
  g_return_if_fail (LECTERN_IS_CORPUS_FILTER (self));

  if (checked == is_coder_checked (self, coder_id))
    return;
  if (checked)
    g_array_append_val (self->coders, coder_id);
  else
    for (guint i = 0; i < self->coders->len; i++)
      if (g_array_index (self->coders, gint64, i) == coder_id)
        {
          g_array_remove_index (self->coders, i);
          break;
        }
  if (!self->rebuilding)
    emit_changed (self);
}

static void
coder_toggled_cb (GtkCheckButton      *check,
                  LecternCorpusFilter *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "coder-id");

  lectern_corpus_filter_set_coder (self, id, gtk_check_button_get_active (check));
}

/* The coders, when there are two to tell apart: whose passages count
 * (lectern_document_filter_add_coder()). */
static void
rebuild_coders (LecternCorpusFilter *self)
{
  g_autoptr(GPtrArray) coders = self->project ? lectern_project_list_coders (self->project, NULL) : NULL;
  GtkWidget *child;

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->coders_list))) != NULL)
    gtk_box_remove (self->coders_list, child);
  for (guint i = 0; coders != NULL && i < coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (coders, i);
      GtkWidget *check = gtk_check_button_new_with_label (lectern_coder_get_display_name (coder));
      gint64 *id = g_new (gint64, 1);

      *id = lectern_coder_get_id (coder);
      g_object_set_data_full (G_OBJECT (check), "coder-id", id, g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_coder_checked (self, *id));
      g_signal_connect_object (check, "toggled", G_CALLBACK (coder_toggled_cb), self, 0);
      gtk_box_append (self->coders_list, check);
    }
  gtk_widget_set_visible (self->coders_box, coders != NULL && coders->len > 1);
  self->rebuilding = FALSE;
}

static void
popover_show_cb (LecternCorpusFilter *self)
{
  rebuild_documents (self);
  rebuild_coders (self);
}

static void
entry_changed_cb (LecternCorpusFilter *self)
{
  emit_changed (self);
}

static void
update_tag_button (LecternCorpusFilter *self)
{
  g_autoptr(LecternTag) tag = NULL;

  if (self->project != NULL && self->tag_id != 0)
    tag = lectern_project_dup_tag (self->project, self->tag_id, NULL);
  gtk_menu_button_set_label (self->tag_button, tag ? lectern_tag_get_path (tag) : _("Any Text"));
  gtk_widget_set_visible (self->tag_clear, tag != NULL);
}

void
lectern_corpus_filter_set_tag_id (LecternCorpusFilter *self,
                                  gint64               tag_id)
{
  g_return_if_fail (LECTERN_IS_CORPUS_FILTER (self));

  if (self->tag_id == tag_id)
    return;
  self->tag_id = tag_id;
  update_tag_button (self);
  emit_changed (self);
}

static void
tag_chosen_cb (LecternCorpusFilter *self,
               gint64               tag_id)
{
  gtk_popover_popdown (GTK_POPOVER (self->tag_picker));
  lectern_corpus_filter_set_tag_id (self, tag_id);
}

static void
tag_clear_cb (LecternCorpusFilter *self)
{
  lectern_corpus_filter_set_tag_id (self, 0);
}

void
lectern_corpus_filter_set_project (LecternCorpusFilter *self,
                                   LecternProject      *project)
{
  g_return_if_fail (LECTERN_IS_CORPUS_FILTER (self));

  if (!g_set_object (&self->project, project))
    return;
  g_array_set_size (self->documents, 0);
  g_array_set_size (self->coders, 0);
  self->tag_id = 0;
  lectern_tag_picker_set_project (self->tag_picker, project);
  update_tag_button (self);
}

void
lectern_corpus_filter_set_show_tag (LecternCorpusFilter *self,
                                    gboolean             show_tag)
{
  g_return_if_fail (LECTERN_IS_CORPUS_FILTER (self));

  gtk_widget_set_visible (self->tag_box, show_tag);
}

void
lectern_corpus_filter_set_language (LecternCorpusFilter *self,
                                    const char          *language)
{
  g_return_if_fail (LECTERN_IS_CORPUS_FILTER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->language_entry), language ? language : "");
}

void
lectern_corpus_filter_set_variable (LecternCorpusFilter *self,
                                    const char          *key_value)
{
  g_return_if_fail (LECTERN_IS_CORPUS_FILTER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->variable_entry), key_value ? key_value : "");
}

gint64
lectern_corpus_filter_get_tag_id (LecternCorpusFilter *self)
{
  g_return_val_if_fail (LECTERN_IS_CORPUS_FILTER (self), 0);

  return gtk_widget_get_visible (self->tag_box) ? self->tag_id : 0;
}

guint
lectern_corpus_filter_get_n_active (LecternCorpusFilter *self)
{
  g_autofree char *language = NULL;
  g_autofree char *variable = NULL;

  g_return_val_if_fail (LECTERN_IS_CORPUS_FILTER (self), 0);

  language = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->language_entry))));
  variable = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->variable_entry))));
  return (self->documents->len > 0) + (self->coders->len > 0) + (language[0] != '\0') + (variable[0] != '\0') +
         (lectern_corpus_filter_get_tag_id (self) != 0);
}

LecternDocumentFilter *
lectern_corpus_filter_dup_filter (LecternCorpusFilter *self,
                                  GError             **error)
{
  g_autoptr(LecternDocumentFilter) filter = NULL;
  g_autofree char *language = NULL;
  g_autofree char *variable = NULL;

  g_return_val_if_fail (LECTERN_IS_CORPUS_FILTER (self), NULL);

  filter = lectern_document_filter_new ();
  for (guint i = 0; i < self->documents->len; i++)
    lectern_document_filter_add_document (filter, g_array_index (self->documents, gint64, i));
  for (guint i = 0; i < self->coders->len; i++)
    lectern_document_filter_add_coder (filter, g_array_index (self->coders, gint64, i));

  language = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->language_entry))));
  if (language[0] != '\0')
    lectern_document_filter_set_language (filter, language);

  variable = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->variable_entry))));
  if (variable[0] != '\0')
    {
      char *eq = strchr (variable, '=');

      if (eq == NULL || eq == variable)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The document variable “%s” is not KEY=VALUE: write it as speaker=Camille"),
                       variable);
          return NULL;
        }
      *eq = '\0';
      lectern_document_filter_set_variable (filter, g_strstrip (variable), g_strstrip (eq + 1));
    }
  return g_steal_pointer (&filter);
}

static void
lectern_corpus_filter_dispose (GObject *object)
{
  LecternCorpusFilter *self = LECTERN_CORPUS_FILTER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_CORPUS_FILTER);
  g_clear_object (&self->project);
  g_clear_pointer (&self->documents, g_array_unref);
  g_clear_pointer (&self->coders, g_array_unref);

  G_OBJECT_CLASS (lectern_corpus_filter_parent_class)->dispose (object);
}

static void
lectern_corpus_filter_class_init (LecternCorpusFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_corpus_filter_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LECTERN_TYPE_TAG_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-corpus-filter.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternCorpusFilter, documents_list);
  gtk_widget_class_bind_template_child (widget_class, LecternCorpusFilter, coders_box);
  gtk_widget_class_bind_template_child (widget_class, LecternCorpusFilter, coders_list);
  gtk_widget_class_bind_template_child (widget_class, LecternCorpusFilter, language_entry);
  gtk_widget_class_bind_template_child (widget_class, LecternCorpusFilter, variable_entry);
  gtk_widget_class_bind_template_child (widget_class, LecternCorpusFilter, tag_box);
  gtk_widget_class_bind_template_child (widget_class, LecternCorpusFilter, tag_button);
  gtk_widget_class_bind_template_child (widget_class, LecternCorpusFilter, tag_clear);
  gtk_widget_class_bind_template_child (widget_class, LecternCorpusFilter, tag_picker);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_clear_cb);
}

static void
lectern_corpus_filter_init (LecternCorpusFilter *self)
{
  self->documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->coders = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  lectern_tag_picker_set_can_create (self->tag_picker, FALSE);
  update_tag_button (self);
}

GtkWidget *
lectern_corpus_filter_new (void)
{
  return g_object_new (LECTERN_TYPE_CORPUS_FILTER, NULL);
}
