/* lectern-tag-tree.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-list-diff-private.h"
#include "lectern-live-models-private.h"

struct _LecternTagTree
{
  GObject        parent_instance;

  LecternProject *project;   /* borrowed: the project owns the tree */
  GPtrArray     *tags;     /* of LecternTag; NULL until first asked for */
  GHashTable    *index;    /* gint64 * → LecternTag, borrowed from tags */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LecternTagTree, lectern_tag_tree, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GPtrArray *
read_all (LecternTagTree *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *tags = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->project == NULL)
    return tags;
  list = lectern_project_list_tags (self->project, &error);
  if (list == NULL)
    {
      g_message ("%s", error->message);
      return tags;
    }
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (tags, g_list_model_get_item (list, i));
  return tags;
}

/* The index keeps its identity (views hold it); its content follows. */
static void
index_tags (LecternTagTree *self,
            GPtrArray      *tags)
{
  g_hash_table_remove_all (self->index);
  for (guint i = 0; i < tags->len; i++)
    {
      LecternTag *tag = g_ptr_array_index (tags, i);
      gint64 *key = g_new (gint64, 1);

      *key = lectern_tag_get_id (tag);
      g_hash_table_insert (self->index, key, g_object_ref (tag));
    }
}

static GPtrArray *
ensure_loaded (LecternTagTree *self)
{
  if (self->tags == NULL)
    {
      self->tags = read_all (self);
      index_tags (self, self->tags);
    }
  return self->tags;
}

static gint64
tag_id (gpointer item)
{
  return lectern_tag_get_id (item);
}

static gboolean
tag_equal (gpointer a,
           gpointer b)
{
  return lectern_tag_get_id (a) == lectern_tag_get_id (b) &&
         lectern_tag_get_parent_id (a) == lectern_tag_get_parent_id (b) &&
         lectern_tag_get_depth (a) == lectern_tag_get_depth (b) &&
         lectern_tag_get_count (a) == lectern_tag_get_count (b) &&
         g_strcmp0 (lectern_tag_get_name (a), lectern_tag_get_name (b)) == 0 &&
         g_strcmp0 (lectern_tag_get_path (a), lectern_tag_get_path (b)) == 0 &&
         g_strcmp0 (lectern_tag_get_colour (a), lectern_tag_get_colour (b)) == 0 &&
         g_strcmp0 (lectern_tag_get_description (a), lectern_tag_get_description (b)) == 0;
}

void
_lectern_tag_tree_apply (LecternTagTree   *self,
                         LecternChangeSet *changes)
{
  g_autoptr(GPtrArray) fresh = NULL;

  /* Passages change the counts; a codebook is small enough that one
   * reading, compared item by item, costs less than a query per tag. */
  if (self->tags == NULL || self->project == NULL ||
      !(lectern_change_set_get_what (changes) & (LECTERN_CHANGE_TAGS | LECTERN_CHANGE_ANNOTATIONS)))
    return;

  fresh = read_all (self);
  /* Handlers of items-changed look the new tags up. */
  index_tags (self, fresh);
  _lectern_list_diff_apply (G_LIST_MODEL (self), self->tags, fresh, tag_id, tag_equal);
}

void
_lectern_tag_tree_detach (LecternTagTree *self)
{
  self->project = NULL;
}

LecternTag *
lectern_tag_tree_lookup (LecternTagTree *self,
                         gint64          id)
{
  g_return_val_if_fail (LECTERN_IS_TAG_TREE (self), NULL);

  ensure_loaded (self);
  return g_hash_table_lookup (self->index, &id);
}

GHashTable *
lectern_tag_tree_get_index (LecternTagTree *self)
{
  g_return_val_if_fail (LECTERN_IS_TAG_TREE (self), NULL);

  ensure_loaded (self);
  return self->index;
}

/* ------------------------------------------------------------------ */

static GType
get_item_type (GListModel *model)
{
  return LECTERN_TYPE_TAG;
}

static guint
get_n_items (GListModel *model)
{
  return ensure_loaded (LECTERN_TAG_TREE (model))->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GPtrArray *tags = ensure_loaded (LECTERN_TAG_TREE (model));

  return position < tags->len ? g_object_ref (g_ptr_array_index (tags, position)) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
lectern_tag_tree_finalize (GObject *object)
{
  LecternTagTree *self = LECTERN_TAG_TREE (object);

  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);

  G_OBJECT_CLASS (lectern_tag_tree_parent_class)->finalize (object);
}

static void
lectern_tag_tree_class_init (LecternTagTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_tag_tree_finalize;
}

static void
lectern_tag_tree_init (LecternTagTree *self)
{
  self->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

LecternTagTree *
_lectern_tag_tree_new (LecternProject *project)
{
  LecternTagTree *self = g_object_new (LECTERN_TYPE_TAG_TREE, NULL);

  self->project = project;
  return self;
}
