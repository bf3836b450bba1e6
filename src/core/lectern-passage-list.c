/* lectern-passage-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-list-diff-private.h"
#include "lectern-live-models-private.h"

struct _LecternPassageList
{
  GObject        parent_instance;

  LecternProject *project;        /* owned */
  gint64         document_id;
  GPtrArray     *passages;      /* of LecternAnnotation */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LecternPassageList, lectern_passage_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GPtrArray *
read_all (LecternPassageList *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *passages = g_ptr_array_new_with_free_func (g_object_unref);

  list = lectern_project_list_annotations (self->project, self->document_id, 0, FALSE, &error);
  if (list == NULL)
    {
      g_message ("%s", error->message);
      return passages;
    }
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (passages, g_list_model_get_item (list, i));
  return passages;
}

static gint64
passage_id (gpointer item)
{
  return lectern_annotation_get_id (item);
}

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  return a == b || (a != NULL && b != NULL && g_date_time_equal (a, b));
}

static gboolean
passage_equal (gpointer a,
               gpointer b)
{
  const gint64 *tags_a, *tags_b;
  guint n_a, n_b;

  tags_a = lectern_annotation_get_tag_ids (a, &n_a);
  tags_b = lectern_annotation_get_tag_ids (b, &n_b);
  return lectern_annotation_get_id (a) == lectern_annotation_get_id (b) &&
         lectern_annotation_get_start (a) == lectern_annotation_get_start (b) &&
         lectern_annotation_get_end (a) == lectern_annotation_get_end (b) &&
         g_strcmp0 (lectern_annotation_get_quote (a), lectern_annotation_get_quote (b)) == 0 &&
         g_strcmp0 (lectern_annotation_get_prefix (a), lectern_annotation_get_prefix (b)) == 0 &&
         g_strcmp0 (lectern_annotation_get_suffix (a), lectern_annotation_get_suffix (b)) == 0 &&
         g_strcmp0 (lectern_annotation_get_note (a), lectern_annotation_get_note (b)) == 0 &&
         g_strcmp0 (lectern_annotation_get_author (a), lectern_annotation_get_author (b)) == 0 &&
         lectern_annotation_get_coder_id (a) == lectern_annotation_get_coder_id (b) &&
         same_time (lectern_annotation_get_created (a), lectern_annotation_get_created (b)) &&
         same_time (lectern_annotation_get_updated (a), lectern_annotation_get_updated (b)) &&
         n_a == n_b && (n_a == 0 || memcmp (tags_a, tags_b, n_a * sizeof (gint64)) == 0);
}

void
_lectern_passage_list_apply (LecternPassageList *self,
                             LecternChangeSet   *changes)
{
  g_autoptr(GPtrArray) fresh = NULL;
  gint64 document = lectern_change_set_get_document_id (changes);

  /* One document's passages, read again and compared: the change record
   * names deleted passages but not their document. */
  if (!(lectern_change_set_get_what (changes) & LECTERN_CHANGE_ANNOTATIONS) ||
      (document != 0 && document != self->document_id))
    return;

  fresh = read_all (self);
  _lectern_list_diff_apply (G_LIST_MODEL (self), self->passages, fresh, passage_id, passage_equal);
}

gint64
lectern_passage_list_get_document_id (LecternPassageList *self)
{
  g_return_val_if_fail (LECTERN_IS_PASSAGE_LIST (self), 0);

  return self->document_id;
}

/* ------------------------------------------------------------------ */

static GType
get_item_type (GListModel *model)
{
  return LECTERN_TYPE_ANNOTATION;
}

static guint
get_n_items (GListModel *model)
{
  return LECTERN_PASSAGE_LIST (model)->passages->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GPtrArray *passages = LECTERN_PASSAGE_LIST (model)->passages;

  return position < passages->len ? g_object_ref (g_ptr_array_index (passages, position)) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
lectern_passage_list_dispose (GObject *object)
{
  LecternPassageList *self = LECTERN_PASSAGE_LIST (object);

  if (self->project != NULL)
    _lectern_project_forget_passages (self->project, self->document_id);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (lectern_passage_list_parent_class)->dispose (object);
}

static void
lectern_passage_list_finalize (GObject *object)
{
  LecternPassageList *self = LECTERN_PASSAGE_LIST (object);

  g_clear_pointer (&self->passages, g_ptr_array_unref);

  G_OBJECT_CLASS (lectern_passage_list_parent_class)->finalize (object);
}

static void
lectern_passage_list_class_init (LecternPassageListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lectern_passage_list_dispose;
  object_class->finalize = lectern_passage_list_finalize;
}

static void
lectern_passage_list_init (LecternPassageList *self)
{
}

LecternPassageList *
_lectern_passage_list_new (LecternProject *project,
                           gint64         document_id)
{
  LecternPassageList *self = g_object_new (LECTERN_TYPE_PASSAGE_LIST, NULL);

  self->project = g_object_ref (project);
  self->document_id = document_id;
  self->passages = read_all (self);
  return self;
}
