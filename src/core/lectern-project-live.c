/* lectern-project-live.c — the project's change record and its live list
 * models: what each committed transaction changed, row by row (SQLite's
 * update hook on this connection), the models kept current from it, and
 * the poll that finds other connections' writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-change-set-private.h"
#include "lectern-project-private.h"
#include "lectern-live-models-private.h"

/* How often the models look for other connections' writes: PRAGMA
 * data_version costs no I/O. */
#define POLL_INTERVAL_MS 1000

static void
row_written (void          *data,
             int            op,
             const char    *database,
             const char    *table,
             sqlite3_int64  rowid)
{
  LecternProject *self = data;

  if (g_str_equal (database, "main"))
    _lectern_change_set_note_row (self->pending_changes, op, table, rowid);
}

void
_lectern_project_live_init (LecternProject *self)
{
  self->pending_changes = _lectern_change_set_new ();
  self->passage_lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->context = g_main_context_ref_thread_default ();
}

void
_lectern_project_live_connect (LecternProject *self)
{
  sqlite3_update_hook (self->db, row_written, self);
}

void
_lectern_project_live_finalize (LecternProject *self)
{
  if (self->poll_source != NULL)
    {
      g_source_destroy (self->poll_source);
      g_clear_pointer (&self->poll_source, g_source_unref);
    }
  if (self->documents != NULL)
    _lectern_document_list_detach (self->documents);
  g_clear_object (&self->documents);
  if (self->tag_tree != NULL)
    _lectern_tag_tree_detach (self->tag_tree);
  g_clear_object (&self->tag_tree);
  /* Each passage list holds the project: none is left. */
  g_clear_pointer (&self->passage_lists, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, lectern_change_set_unref);
  g_clear_pointer (&self->batch_changes, lectern_change_set_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
}

void
_lectern_project_changes_reset (LecternProject *self)
{
  g_clear_pointer (&self->pending_changes, lectern_change_set_unref);
  self->pending_changes = _lectern_change_set_new ();
}

void
_lectern_project_changes_begin_batch (LecternProject *self)
{
  g_clear_pointer (&self->batch_changes, lectern_change_set_unref);
  self->batch_changes = _lectern_change_set_new ();
  _lectern_project_changes_reset (self);
}

void
_lectern_project_changes_join_batch (LecternProject *self)
{
  if (self->batch_changes != NULL)
    _lectern_change_set_merge (self->batch_changes, self->pending_changes);
  _lectern_project_changes_reset (self);
}

void
_lectern_project_changes_end_batch (LecternProject *self,
                                   gboolean       keep)
{
  if (keep && self->batch_changes != NULL)
    {
      _lectern_change_set_merge (self->batch_changes, self->pending_changes);
      g_clear_pointer (&self->pending_changes, lectern_change_set_unref);
      self->pending_changes = g_steal_pointer (&self->batch_changes);
    }
  else
    _lectern_project_changes_reset (self);
  g_clear_pointer (&self->batch_changes, lectern_change_set_unref);
}

LecternChangeSet *
_lectern_project_changes_take (LecternProject *self,
                              LecternChange  what,
                              gint64         document_id)
{
  LecternChangeSet *changes = g_steal_pointer (&self->pending_changes);

  self->pending_changes = _lectern_change_set_new ();
  _lectern_change_set_seal (changes, what, document_id);
  return changes;
}

void
_lectern_project_live_apply (LecternProject    *self,
                            LecternChangeSet *changes)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer list;

  if (self->documents != NULL)
    _lectern_document_list_apply (self->documents, changes);
  if (self->tag_tree != NULL)
    _lectern_tag_tree_apply (self->tag_tree, changes);

  /* A handler may drop a list, or make one. */
  g_hash_table_iter_init (&iter, self->passage_lists);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    g_ptr_array_add (lists, g_object_ref (list));
  for (guint i = 0; i < lists->len; i++)
    _lectern_passage_list_apply (g_ptr_array_index (lists, i), changes);
}

static gboolean
poll_cb (gpointer data)
{
  LecternProject *self = data;

  if (!self->in_batch && !self->in_transaction)
    lectern_project_refresh (self);
  return G_SOURCE_CONTINUE;
}

static void
ensure_polling (LecternProject *self)
{
  if (self->poll_source != NULL)
    return;
  self->poll_source = g_timeout_source_new (POLL_INTERVAL_MS);
  g_source_set_callback (self->poll_source, poll_cb, self, NULL);
  g_source_set_static_name (self->poll_source, "[lectern] project poll");
  g_source_attach (self->poll_source, self->context);
}

static void
stop_polling_if_idle (LecternProject *self)
{
  if (self->poll_source == NULL || self->documents != NULL || self->tag_tree != NULL ||
      g_hash_table_size (self->passage_lists) > 0)
    return;
  g_source_destroy (self->poll_source);
  g_clear_pointer (&self->poll_source, g_source_unref);
}

GListModel *
lectern_project_get_documents (LecternProject *self)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);

  if (self->documents == NULL)
    self->documents = _lectern_document_list_new (self);
  ensure_polling (self);
  return G_LIST_MODEL (self->documents);
}

GListModel *
lectern_project_get_tag_tree (LecternProject *self)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);

  if (self->tag_tree == NULL)
    self->tag_tree = _lectern_tag_tree_new (self);
  ensure_polling (self);
  return G_LIST_MODEL (self->tag_tree);
}

GListModel *
lectern_project_dup_passages (LecternProject *self,
                             gint64         document_id)
{
  LecternPassageList *list;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);

  list = g_hash_table_lookup (self->passage_lists, &document_id);
  if (list != NULL)
    return g_object_ref (G_LIST_MODEL (list));

  list = _lectern_passage_list_new (self, document_id);
  g_hash_table_insert (self->passage_lists, g_memdup2 (&document_id, sizeof document_id), list);
  ensure_polling (self);
  return G_LIST_MODEL (list);
}

void
_lectern_project_forget_passages (LecternProject *self,
                                 gint64         document_id)
{
  if (self->passage_lists == NULL)
    return;
  g_hash_table_remove (self->passage_lists, &document_id);
  stop_polling_if_idle (self);
}
