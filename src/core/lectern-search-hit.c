/* lectern-search-hit.c — one keyword-in-context hit of a corpus search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-search-hit.h"
#include "lectern-search-hit-private.h"

struct _LecternSearchHit
{
  GObject  parent_instance;

  gint64   document_id;
  char    *title;
  glong    start;
  glong    end;
  char    *left;
  char    *match;
  char    *right;
};

G_DEFINE_FINAL_TYPE (LecternSearchHit, lectern_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_TITLE,
  PROP_START,
  PROP_END,
  PROP_LEFT,
  PROP_MATCH,
  PROP_RIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_search_hit_finalize (GObject *object)
{
  LecternSearchHit *self = LECTERN_SEARCH_HIT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->left, g_free);
  g_clear_pointer (&self->match, g_free);
  g_clear_pointer (&self->right, g_free);

  G_OBJECT_CLASS (lectern_search_hit_parent_class)->finalize (object);
}

static void
lectern_search_hit_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LecternSearchHit *self = LECTERN_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_START:
      g_value_set_long (value, self->start);
      break;
    case PROP_END:
      g_value_set_long (value, self->end);
      break;
    case PROP_LEFT:
      g_value_set_string (value, self->left);
      break;
    case PROP_MATCH:
      g_value_set_string (value, self->match);
      break;
    case PROP_RIGHT:
      g_value_set_string (value, self->right);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_search_hit_class_init (LecternSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lectern_search_hit_finalize;
  object_class->get_property = lectern_search_hit_get_property;

  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_START] = g_param_spec_long ("start", NULL, NULL, 0, G_MAXLONG, 0, ro);
  properties[PROP_END] = g_param_spec_long ("end", NULL, NULL, 0, G_MAXLONG, 0, ro);
  properties[PROP_LEFT] = g_param_spec_string ("left", NULL, NULL, NULL, ro);
  properties[PROP_MATCH] = g_param_spec_string ("match", NULL, NULL, NULL, ro);
  properties[PROP_RIGHT] = g_param_spec_string ("right", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_search_hit_init (LecternSearchHit *self)
{
}

LecternSearchHit *
_lectern_search_hit_new (gint64      document_id,
                         const char *title,
                         glong       start,
                         glong       end,
                         const char *left,
                         const char *match,
                         const char *right)
{
  LecternSearchHit *self = g_object_new (LECTERN_TYPE_SEARCH_HIT, NULL);

  self->document_id = document_id;
  self->title = g_strdup (title);
  self->start = start;
  self->end = end;
  self->left = g_strdup (left);
  self->match = g_strdup (match);
  self->right = g_strdup (right);

  return self;
}

gint64
lectern_search_hit_get_document_id (LecternSearchHit *self)
{
  g_return_val_if_fail (LECTERN_IS_SEARCH_HIT (self), 0);
  return self->document_id;
}

const char *
lectern_search_hit_get_title (LecternSearchHit *self)
{
  g_return_val_if_fail (LECTERN_IS_SEARCH_HIT (self), NULL);
  return self->title;
}

glong
lectern_search_hit_get_start (LecternSearchHit *self)
{
  g_return_val_if_fail (LECTERN_IS_SEARCH_HIT (self), 0);
  return self->start;
}

glong
lectern_search_hit_get_end (LecternSearchHit *self)
{
  g_return_val_if_fail (LECTERN_IS_SEARCH_HIT (self), 0);
  return self->end;
}

const char *
lectern_search_hit_get_left (LecternSearchHit *self)
{
  g_return_val_if_fail (LECTERN_IS_SEARCH_HIT (self), NULL);
  return self->left;
}

const char *
lectern_search_hit_get_match (LecternSearchHit *self)
{
  g_return_val_if_fail (LECTERN_IS_SEARCH_HIT (self), NULL);
  return self->match;
}

const char *
lectern_search_hit_get_right (LecternSearchHit *self)
{
  g_return_val_if_fail (LECTERN_IS_SEARCH_HIT (self), NULL);
  return self->right;
}
