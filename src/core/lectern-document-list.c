/* lectern-document-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-list-diff-private.h"
#include "lectern-live-models-private.h"

struct _LecternDocumentList
{
  GObject        parent_instance;

  LecternProject *project;      /* borrowed: the project owns the list */
  /* NULL until first asked for: reading 10,000 documents is not free. */
  GPtrArray     *documents;   /* of LecternDocument, by id (import order) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LecternDocumentList, lectern_document_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GPtrArray *
read_all (LecternDocumentList *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->project == NULL)
    return documents;
  list = lectern_project_list_documents (self->project, &error);
  if (list == NULL)
    {
      g_message ("%s", error->message);
      return documents;
    }
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (documents, g_list_model_get_item (list, i));
  return documents;
}

static GPtrArray *
ensure_loaded (LecternDocumentList *self)
{
  if (self->documents == NULL)
    self->documents = read_all (self);
  return self->documents;
}

/* Where @document_id is, or would go (*found FALSE). */
static guint
find_position (LecternDocumentList *self,
               gint64               document_id,
               gboolean            *found)
{
  GPtrArray *documents = ensure_loaded (self);
  guint low = 0, high = documents->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      gint64 id = lectern_document_get_id (g_ptr_array_index (documents, mid));

      if (id == document_id)
        {
          *found = TRUE;
          return mid;
        }
      if (id < document_id)
        low = mid + 1;
      else
        high = mid;
    }
  *found = FALSE;
  return low;
}

static gint64
document_id (gpointer item)
{
  return lectern_document_get_id (item);
}

static gboolean
same_variables (GHashTable *a,
                GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
document_equal (gpointer a,
                gpointer b)
{
  return lectern_document_get_id (a) == lectern_document_get_id (b) &&
         g_strcmp0 (lectern_document_get_title (a), lectern_document_get_title (b)) == 0 &&
         g_strcmp0 (lectern_document_get_source (a), lectern_document_get_source (b)) == 0 &&
         g_strcmp0 (lectern_document_get_author (a), lectern_document_get_author (b)) == 0 &&
         g_strcmp0 (lectern_document_get_date (a), lectern_document_get_date (b)) == 0 &&
         g_strcmp0 (lectern_document_get_language (a), lectern_document_get_language (b)) == 0 &&
         g_strcmp0 (lectern_document_get_original_name (a), lectern_document_get_original_name (b)) == 0 &&
         g_strcmp0 (lectern_document_get_encoding (a), lectern_document_get_encoding (b)) == 0 &&
         g_strcmp0 (lectern_document_get_format (a), lectern_document_get_format (b)) == 0 &&
         lectern_document_get_original_size (a) == lectern_document_get_original_size (b) &&
         g_strcmp0 (lectern_document_get_content_hash (a), lectern_document_get_content_hash (b)) == 0 &&
         lectern_document_get_length (a) == lectern_document_get_length (b) &&
         lectern_document_get_annotation_count (a) == lectern_document_get_annotation_count (b) &&
         same_variables (lectern_document_get_variables (a), lectern_document_get_variables (b));
}

/* Reads @id anew: inserted, replaced or removed as the project has it. */
static void
update_one (LecternDocumentList *self,
            gint64               id)
{
  g_autoptr(LecternDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found;
  guint position = find_position (self, id, &found);

  document = lectern_project_dup_document (self->project, id, &error);
  if (document == NULL && !g_error_matches (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND))
    g_message ("%s", error->message);

  if (document != NULL && found)
    {
      LecternDocument *old = g_ptr_array_index (self->documents, position);

      g_ptr_array_index (self->documents, position) = g_steal_pointer (&document);
      g_object_unref (old);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
  else if (document != NULL)
    {
      g_ptr_array_insert (self->documents, position, g_steal_pointer (&document));
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
    }
  else if (found)
    {
      g_ptr_array_remove_index (self->documents, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
}

static void
update_ids (LecternDocumentList *self,
            LecternChangeSet    *changes,
            LecternChange        kind,
            LecternChangeOp      op)
{
  guint n;
  const gint64 *ids = lectern_change_set_get_ids (changes, kind, op, &n);

  for (guint i = 0; i < n; i++)
    update_one (self, ids[i]);
}

void
_lectern_document_list_apply (LecternDocumentList *self,
                              LecternChangeSet    *changes)
{
  LecternChange what = lectern_change_set_get_what (changes);
  gint64 document = lectern_change_set_get_document_id (changes);
  guint n_added, n_deleted;

  /* Nothing shown yet, nothing to update: the first reader reads it. */
  if (self->documents == NULL || self->project == NULL ||
      !(what & (LECTERN_CHANGE_DOCUMENTS | LECTERN_CHANGE_ANNOTATIONS)))
    return;

  lectern_change_set_get_ids (changes, LECTERN_CHANGE_ANNOTATIONS, LECTERN_CHANGE_INSERTED, &n_added);
  lectern_change_set_get_ids (changes, LECTERN_CHANGE_ANNOTATIONS, LECTERN_CHANGE_DELETED, &n_deleted);

  /* Passages added or deleted change their documents' counts: without
   * knowing which documents, or rows unnamed, compare a fresh reading. */
  if ((lectern_change_set_get_unlisted (changes) & LECTERN_CHANGE_DOCUMENTS) ||
      (document == 0 && n_added + n_deleted > 0))
    {
      g_autoptr(GPtrArray) fresh = read_all (self);

      _lectern_list_diff_apply (G_LIST_MODEL (self), self->documents, fresh, document_id, document_equal);
      return;
    }

  update_ids (self, changes, LECTERN_CHANGE_DOCUMENTS, LECTERN_CHANGE_DELETED);
  update_ids (self, changes, LECTERN_CHANGE_DOCUMENTS, LECTERN_CHANGE_INSERTED);
  update_ids (self, changes, LECTERN_CHANGE_DOCUMENTS, LECTERN_CHANGE_UPDATED);
  if (n_added + n_deleted > 0 &&
      !lectern_change_set_has_id (changes, LECTERN_CHANGE_DOCUMENTS, LECTERN_CHANGE_INSERTED, document) &&
      !lectern_change_set_has_id (changes, LECTERN_CHANGE_DOCUMENTS, LECTERN_CHANGE_UPDATED, document) &&
      !lectern_change_set_has_id (changes, LECTERN_CHANGE_DOCUMENTS, LECTERN_CHANGE_DELETED, document))
    update_one (self, document);
}

void
_lectern_document_list_detach (LecternDocumentList *self)
{
  self->project = NULL;
}

LecternProject *
lectern_document_list_get_project (LecternDocumentList *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT_LIST (self), NULL);

  return self->project;
}

LecternDocument *
lectern_document_list_lookup (LecternDocumentList *self,
                              gint64               document_id)
{
  gboolean found;
  guint position;

  g_return_val_if_fail (LECTERN_IS_DOCUMENT_LIST (self), NULL);

  position = find_position (self, document_id, &found);
  return found ? g_ptr_array_index (self->documents, position) : NULL;
}

/* ------------------------------------------------------------------ */

static GType
get_item_type (GListModel *model)
{
  return LECTERN_TYPE_DOCUMENT;
}

static guint
get_n_items (GListModel *model)
{
  return ensure_loaded (LECTERN_DOCUMENT_LIST (model))->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GPtrArray *documents = ensure_loaded (LECTERN_DOCUMENT_LIST (model));

  return position < documents->len ? g_object_ref (g_ptr_array_index (documents, position)) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
lectern_document_list_finalize (GObject *object)
{
  LecternDocumentList *self = LECTERN_DOCUMENT_LIST (object);

  g_clear_pointer (&self->documents, g_ptr_array_unref);

  G_OBJECT_CLASS (lectern_document_list_parent_class)->finalize (object);
}

static void
lectern_document_list_class_init (LecternDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_document_list_finalize;
}

static void
lectern_document_list_init (LecternDocumentList *self)
{
}

LecternDocumentList *
_lectern_document_list_new (LecternProject *project)
{
  LecternDocumentList *self = g_object_new (LECTERN_TYPE_DOCUMENT_LIST, NULL);

  self->project = project;
  return self;
}
