/* lectern-change-set.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <sqlite3.h>

#include "lectern-change-set-private.h"

enum { KIND_DOCUMENTS, KIND_TAGS, KIND_ANNOTATIONS, N_KINDS };
enum { N_OPS = LECTERN_CHANGE_DELETED + 1 };

struct _LecternChangeSet
{
  gatomicrefcount  ref_count;
  LecternChange    what;
  gint64           document_id;
  LecternChange    unlisted;
  /* While recording: id → LecternChangeOp + 1, the net effect so far. */
  GHashTable      *rows[N_KINDS];
  /* Rows of tables that name their owner by another column. */
  guint            variables_written : 1;
  guint            passage_tags_written : 1;
  guint            sealed : 1;
  GArray          *ids[N_KINDS][N_OPS];
};

G_DEFINE_BOXED_TYPE (LecternChangeSet, lectern_change_set, lectern_change_set_ref, lectern_change_set_unref)

LecternChangeSet *
_lectern_change_set_new (void)
{
  LecternChangeSet *self = g_new0 (LecternChangeSet, 1);

  g_atomic_ref_count_init (&self->ref_count);
  for (guint k = 0; k < N_KINDS; k++)
    {
      self->rows[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint o = 0; o < N_OPS; o++)
        self->ids[k][o] = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  return self;
}

LecternChangeSet *
lectern_change_set_ref (LecternChangeSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lectern_change_set_unref (LecternChangeSet *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_hash_table_unref (self->rows[k]);
      for (guint o = 0; o < N_OPS; o++)
        g_array_unref (self->ids[k][o]);
    }
  g_free (self);
}

static int
kind_index (LecternChange kind)
{
  switch (kind)
    {
    case LECTERN_CHANGE_DOCUMENTS:
      return KIND_DOCUMENTS;
    case LECTERN_CHANGE_TAGS:
      return KIND_TAGS;
    case LECTERN_CHANGE_ANNOTATIONS:
      return KIND_ANNOTATIONS;
    default:
      return -1;
    }
}

/* The net effect of @later after @earlier on one row (stored as op + 1;
 * 0: nothing, the row was inserted and deleted again). */
static guint
combine (guint earlier,
         guint later)
{
  if (earlier == 0)
    return later;
  if (earlier == LECTERN_CHANGE_INSERTED + 1)
    return later == LECTERN_CHANGE_DELETED + 1 ? 0 : earlier;
  if (earlier == LECTERN_CHANGE_DELETED + 1 && later == LECTERN_CHANGE_INSERTED + 1)
    return LECTERN_CHANGE_UPDATED + 1;
  return later;
}

static void
note (LecternChangeSet *self,
      int               kind,
      gint64            id,
      guint             op)
{
  gpointer value = g_hash_table_lookup (self->rows[kind], &id);
  guint net = combine (GPOINTER_TO_UINT (value), op);

  if (net == 0)
    g_hash_table_remove (self->rows[kind], &id);
  else
    g_hash_table_insert (self->rows[kind], g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (net));
}

void
_lectern_change_set_note_row (LecternChangeSet *self,
                              int               sqlite_op,
                              const char       *table,
                              gint64            rowid)
{
  int kind;
  guint op;

  g_assert (!self->sealed);

  if (g_str_equal (table, "documents"))
    kind = KIND_DOCUMENTS;
  else if (g_str_equal (table, "tags"))
    kind = KIND_TAGS;
  else if (g_str_equal (table, "annotations"))
    kind = KIND_ANNOTATIONS;
  else
    {
      /* A document's structure, original and turn corrections change it
       * as its variables do: its format and original's size are read with
       * it, and its speakers are shown with it. */
      if (g_str_equal (table, "document_variables")
          || g_str_equal (table, "document_structure")
          || g_str_equal (table, "document_originals")
          || g_str_equal (table, "turn_corrections"))
        self->variables_written = TRUE;
      else if (g_str_equal (table, "annotation_tags"))
        self->passage_tags_written = TRUE;
      return;
    }

  switch (sqlite_op)
    {
    case SQLITE_INSERT:
      op = LECTERN_CHANGE_INSERTED + 1;
      break;
    case SQLITE_DELETE:
      op = LECTERN_CHANGE_DELETED + 1;
      break;
    default:
      op = LECTERN_CHANGE_UPDATED + 1;
      break;
    }
  note (self, kind, rowid, op);
}

void
_lectern_change_set_unlist (LecternChangeSet *self,
                            LecternChange     kinds)
{
  self->unlisted |= kinds;
}

void
_lectern_change_set_merge (LecternChangeSet *self,
                           LecternChangeSet *from)
{
  g_assert (!self->sealed && !from->sealed);

  for (guint k = 0; k < N_KINDS; k++)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, from->rows[k]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        note (self, k, *(gint64 *) key, GPOINTER_TO_UINT (value));
    }
  self->unlisted |= from->unlisted;
  self->variables_written |= from->variables_written;
  self->passage_tags_written |= from->passage_tags_written;
}

gboolean
_lectern_change_set_is_empty (LecternChangeSet *self)
{
  for (guint k = 0; k < N_KINDS; k++)
    if (g_hash_table_size (self->rows[k]) > 0)
      return FALSE;
  return self->unlisted == 0 && !self->variables_written && !self->passage_tags_written;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

void
_lectern_change_set_seal (LecternChangeSet *self,
                          LecternChange     what,
                          gint64            document_id)
{
  static const LecternChange kinds[N_KINDS] = {
    LECTERN_CHANGE_DOCUMENTS, LECTERN_CHANGE_TAGS, LECTERN_CHANGE_ANNOTATIONS,
  };

  g_assert (!self->sealed);

  /* A document's variables name it only by a column: the call's document
   * is the one, or else any may be. */
  if (self->variables_written)
    {
      gint64 id = document_id;

      if (document_id > 0)
        note (self, KIND_DOCUMENTS, id, LECTERN_CHANGE_UPDATED + 1);
      else
        self->unlisted |= LECTERN_CHANGE_DOCUMENTS;
    }
  /* A passage's tags name it only by a column too (a merge or a deleted
   * tag changes them without touching the passage's own row). */
  if (self->passage_tags_written)
    self->unlisted |= LECTERN_CHANGE_ANNOTATIONS;

  self->what = what | self->unlisted;
  self->document_id = document_id;
  for (guint k = 0; k < N_KINDS; k++)
    {
      GHashTableIter iter;
      gpointer key, value;

      if (g_hash_table_size (self->rows[k]) > 0)
        self->what |= kinds[k];
      g_hash_table_iter_init (&iter, self->rows[k]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_array_append_val (self->ids[k][GPOINTER_TO_UINT (value) - 1], *(gint64 *) key);
      for (guint o = 0; o < N_OPS; o++)
        g_array_sort (self->ids[k][o], compare_ids);
      g_hash_table_remove_all (self->rows[k]);
    }
  self->sealed = TRUE;
}

LecternChange
lectern_change_set_get_what (LecternChangeSet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->what;
}

gint64
lectern_change_set_get_document_id (LecternChangeSet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->document_id;
}

LecternChange
lectern_change_set_get_unlisted (LecternChangeSet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->unlisted;
}

const gint64 *
lectern_change_set_get_ids (LecternChangeSet *self,
                            LecternChange     kind,
                            LecternChangeOp   op,
                            guint            *n_ids)
{
  int k = kind_index (kind);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (k >= 0, NULL);
  g_return_val_if_fail ((guint) op < (guint) N_OPS, NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->ids[k][op]->len;
  return (const gint64 *) (gpointer) self->ids[k][op]->data;
}

gboolean
lectern_change_set_has_id (LecternChangeSet *self,
                           LecternChange     kind,
                           LecternChangeOp   op,
                           gint64            id)
{
  guint n;
  const gint64 *ids = lectern_change_set_get_ids (self, kind, op, &n);

  return n > 0 && bsearch (&id, ids, n, sizeof id, compare_ids) != NULL;
}
