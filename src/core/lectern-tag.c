/* lectern-tag.c — a code of the codebook: a node of the tag tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lectern-tag.h"
#include "lectern-tag-private.h"

struct _LecternTag
{
  GObject  parent_instance;

  gint64   id;
  gint64   parent_id;
  char    *name;
  char    *path;
  guint    depth;
  char    *colour;
  char    *description;
  guint    count;
};

G_DEFINE_FINAL_TYPE (LecternTag, lectern_tag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARENT_ID,
  PROP_NAME,
  PROP_PATH,
  PROP_DEPTH,
  PROP_COLOUR,
  PROP_DESCRIPTION,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_tag_finalize (GObject *object)
{
  LecternTag *self = LECTERN_TAG (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->colour, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (lectern_tag_parent_class)->finalize (object);
}

static void
lectern_tag_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LecternTag *self = LECTERN_TAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;
    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_tag_class_init (LecternTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lectern_tag_finalize;
  object_class->get_property = lectern_tag_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, ro);
  properties[PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_COLOUR] = g_param_spec_string ("colour", NULL, NULL, NULL, ro);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, ro);
  properties[PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_tag_init (LecternTag *self)
{
}

LecternTag *
_lectern_tag_new (gint64      id,
                  gint64      parent_id,
                  const char *name,
                  const char *path,
                  guint       depth,
                  const char *colour,
                  const char *description,
                  guint       count)
{
  LecternTag *self = g_object_new (LECTERN_TYPE_TAG, NULL);

  self->id = id;
  self->parent_id = parent_id;
  self->name = g_strdup (name);
  self->path = g_strdup (path);
  self->depth = depth;
  self->colour = g_strdup (colour);
  self->description = g_strdup (description);
  self->count = count;

  return self;
}

gint64
lectern_tag_get_id (LecternTag *self)
{
  g_return_val_if_fail (LECTERN_IS_TAG (self), 0);
  return self->id;
}

gint64
lectern_tag_get_parent_id (LecternTag *self)
{
  g_return_val_if_fail (LECTERN_IS_TAG (self), 0);
  return self->parent_id;
}

const char *
lectern_tag_get_name (LecternTag *self)
{
  g_return_val_if_fail (LECTERN_IS_TAG (self), NULL);
  return self->name;
}

const char *
lectern_tag_get_path (LecternTag *self)
{
  g_return_val_if_fail (LECTERN_IS_TAG (self), NULL);
  return self->path;
}

guint
lectern_tag_get_depth (LecternTag *self)
{
  g_return_val_if_fail (LECTERN_IS_TAG (self), 0);
  return self->depth;
}

const char *
lectern_tag_get_colour (LecternTag *self)
{
  g_return_val_if_fail (LECTERN_IS_TAG (self), NULL);
  return self->colour;
}

const char *
lectern_tag_get_description (LecternTag *self)
{
  g_return_val_if_fail (LECTERN_IS_TAG (self), NULL);
  return self->description;
}

guint
lectern_tag_get_count (LecternTag *self)
{
  g_return_val_if_fail (LECTERN_IS_TAG (self), 0);
  return self->count;
}

char **
lectern_tag_path_split (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) name = g_string_new (NULL);

  g_return_val_if_fail (path != NULL, NULL);

  for (const char *p = path; ; p++)
    {
      if (*p == '\\' && (p[1] == '/' || p[1] == '\\'))
        {
          g_string_append_c (name, p[1]);
          p++;
        }
      else if (*p == '/' || *p == '\0')
        {
          if (name->len == 0)
            return NULL;
          g_ptr_array_add (names, g_strndup (name->str, name->len));
          g_string_truncate (name, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (name, *p);
    }

  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

char *
lectern_tag_name_escape (const char *name)
{
  GString *out;

  g_return_val_if_fail (name != NULL, NULL);

  out = g_string_sized_new (strlen (name));
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '/' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}
