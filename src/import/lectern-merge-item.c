/* lectern-merge-item.c — one line of a merge plan: what kind of thing,
 * what the merge does with it, and a sentence saying so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-merge-item-private.h"

struct _LecternMergeItem
{
  GObject              parent_instance;

  LecternMergeKind     kind;
  LecternMergeOutcome  outcome;
  char                *description;
};

G_DEFINE_FINAL_TYPE (LecternMergeItem, lectern_merge_item, G_TYPE_OBJECT)

static void
lectern_merge_item_finalize (GObject *object)
{
  LecternMergeItem *self = LECTERN_MERGE_ITEM (object);

  g_free (self->description);

  G_OBJECT_CLASS (lectern_merge_item_parent_class)->finalize (object);
}

static void
lectern_merge_item_class_init (LecternMergeItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_merge_item_finalize;
}

static void
lectern_merge_item_init (LecternMergeItem *self)
{
}

LecternMergeItem *
_lectern_merge_item_new (LecternMergeKind     kind,
                         LecternMergeOutcome  outcome,
                         char                *description)
{
  LecternMergeItem *self = g_object_new (LECTERN_TYPE_MERGE_ITEM, NULL);

  self->kind = kind;
  self->outcome = outcome;
  self->description = description;
  return self;
}

LecternMergeKind
lectern_merge_item_get_kind (LecternMergeItem *self)
{
  g_return_val_if_fail (LECTERN_IS_MERGE_ITEM (self), LECTERN_MERGE_DOCUMENT);
  return self->kind;
}

LecternMergeOutcome
lectern_merge_item_get_outcome (LecternMergeItem *self)
{
  g_return_val_if_fail (LECTERN_IS_MERGE_ITEM (self), LECTERN_MERGE_MATCHED);
  return self->outcome;
}

const char *
lectern_merge_item_get_description (LecternMergeItem *self)
{
  g_return_val_if_fail (LECTERN_IS_MERGE_ITEM (self), NULL);
  return self->description;
}
