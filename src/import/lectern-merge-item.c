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

enum
{
  PROP_0,
  PROP_KIND,
  PROP_OUTCOME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_merge_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LecternMergeItem *self = LECTERN_MERGE_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_merge_item_finalize;
  object_class->get_property = lectern_merge_item_get_property;

  /* Read-only, for a list view's expressions (the app's merge preview). */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, LECTERN_TYPE_MERGE_KIND, LECTERN_MERGE_CODER,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL, LECTERN_TYPE_MERGE_OUTCOME, LECTERN_MERGE_ADDED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  /* Names and quotes come from the other file: a crafted one can hold
   * text that is not UTF-8, which a label (and stderr) must never get. */
  if (description != NULL && !g_utf8_validate (description, -1, NULL))
    {
      self->description = g_utf8_make_valid (description, -1);
      g_free (description);
    }
  else
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
