/* lectern-document-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include "lectern-document-model.h"

struct _LecternDocumentModel
{
  GObject        parent_instance;

  LecternCorpus *corpus;
  /* NULL until first asked for: loading 10,000 documents is not free, and
   * whoever asks first gets them. */
  GPtrArray     *documents;   /* of LecternDocument */
  /* The corpus lists in import order, which is id order: lookups then
   * search by halves. Checked on each load rather than assumed. */
  gboolean       by_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LecternDocumentModel, lectern_document_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GPtrArray *
load (LecternDocumentModel *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *documents;
  guint n;

  list = lectern_corpus_list_documents (self->corpus, &error);
  if (list == NULL)
    {
      g_message ("Could not list the documents of the project: %s", error->message);
      return g_ptr_array_new_with_free_func (g_object_unref);
    }

  n = g_list_model_get_n_items (list);
  documents = g_ptr_array_new_full (n, g_object_unref);
  self->by_id = TRUE;
  for (guint i = 0; i < n; i++)
    {
      LecternDocument *document = g_list_model_get_item (list, i);

      if (i > 0 && lectern_document_get_id (document) <=
                   lectern_document_get_id (g_ptr_array_index (documents, i - 1)))
        self->by_id = FALSE;
      g_ptr_array_add (documents, document);
    }
  return documents;
}

static GPtrArray *
ensure_loaded (LecternDocumentModel *self)
{
  if (self->documents == NULL)
    self->documents = load (self);
  return self->documents;
}

static gboolean
find_position (LecternDocumentModel *self,
               gint64                document_id,
               guint                *position)
{
  GPtrArray *documents = ensure_loaded (self);

  if (self->by_id)
    {
      guint low = 0, high = documents->len;

      while (low < high)
        {
          guint mid = low + (high - low) / 2;
          gint64 id = lectern_document_get_id (g_ptr_array_index (documents, mid));

          if (id == document_id)
            {
              *position = mid;
              return TRUE;
            }
          if (id < document_id)
            low = mid + 1;
          else
            high = mid;
        }
      return FALSE;
    }

  for (guint i = 0; i < documents->len; i++)
    if (lectern_document_get_id (g_ptr_array_index (documents, i)) == document_id)
      {
        *position = i;
        return TRUE;
      }
  return FALSE;
}

/* One document changed (its metadata, or its passages and so its
 * annotation count): only its item is replaced. FALSE when that cannot
 * tell the whole change (a new document, a failed read). */
static gboolean
update_one (LecternDocumentModel *self,
            gint64                document_id)
{
  g_autoptr(LecternDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  if (!find_position (self, document_id, &position))
    return FALSE;

  document = lectern_corpus_dup_document (self->corpus, document_id, &error);
  if (document != NULL)
    {
      LecternDocument *old = g_ptr_array_index (self->documents, position);

      g_ptr_array_index (self->documents, position) = g_steal_pointer (&document);
      g_object_unref (old);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return TRUE;
    }
  if (!g_error_matches (error, LECTERN_CORPUS_ERROR, LECTERN_CORPUS_ERROR_NOT_FOUND))
    return FALSE;

  g_ptr_array_remove_index (self->documents, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

static void
corpus_changed_cb (LecternDocumentModel *self,
                   guint                 what,
                   gint64                document_id,
                   LecternCorpus        *corpus)
{
  GPtrArray *old;
  guint removed;

  /* Annotation counts are part of a document's listing. Nothing shown
   * yet, nothing to update: the first reader loads the new state. */
  if (!(what & (LECTERN_CHANGE_DOCUMENTS | LECTERN_CHANGE_ANNOTATIONS)) || self->documents == NULL)
    return;
  if (document_id != 0 && update_one (self, document_id))
    return;

  old = g_steal_pointer (&self->documents);
  removed = old->len;
  self->documents = load (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->documents->len);
  g_ptr_array_unref (old);
}

LecternCorpus *
lectern_document_model_get_corpus (LecternDocumentModel *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT_MODEL (self), NULL);

  return self->corpus;
}

LecternDocument *
lectern_document_model_lookup (LecternDocumentModel *self,
                               gint64                document_id)
{
  guint position;

  g_return_val_if_fail (LECTERN_IS_DOCUMENT_MODEL (self), NULL);

  if (!find_position (self, document_id, &position))
    return NULL;
  return g_ptr_array_index (self->documents, position);
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
  return ensure_loaded (LECTERN_DOCUMENT_MODEL (model))->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GPtrArray *documents = ensure_loaded (LECTERN_DOCUMENT_MODEL (model));

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
lectern_document_model_dispose (GObject *object)
{
  LecternDocumentModel *self = LECTERN_DOCUMENT_MODEL (object);

  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus, self);
  g_clear_object (&self->corpus);
  g_clear_pointer (&self->documents, g_ptr_array_unref);

  G_OBJECT_CLASS (lectern_document_model_parent_class)->dispose (object);
}

static void
lectern_document_model_class_init (LecternDocumentModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lectern_document_model_dispose;
}

static void
lectern_document_model_init (LecternDocumentModel *self)
{
}

LecternDocumentModel *
lectern_document_model_new (LecternCorpus *corpus)
{
  LecternDocumentModel *self;

  g_return_val_if_fail (LECTERN_IS_CORPUS (corpus), NULL);

  self = g_object_new (LECTERN_TYPE_DOCUMENT_MODEL, NULL);
  self->corpus = g_object_ref (corpus);
  g_signal_connect_object (corpus, "changed", G_CALLBACK (corpus_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}
