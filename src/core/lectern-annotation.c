/* lectern-annotation.c — a highlighted passage with tags and a note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-annotation.h"
#include "lectern-annotation-private.h"

struct _LecternAnnotation
{
  GObject    parent_instance;

  gint64     id;
  gint64     document_id;
  glong      start;
  glong      end;
  char      *quote;
  char      *prefix;
  char      *suffix;
  char      *note;
  char      *author;
  GDateTime *created;
  GDateTime *updated;
  GArray    *tag_ids;
  gboolean   orphaned;
  gint64     coder_id;
};

G_DEFINE_FINAL_TYPE (LecternAnnotation, lectern_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DOCUMENT_ID,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_NOTE,
  PROP_AUTHOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_annotation_finalize (GObject *object)
{
  LecternAnnotation *self = LECTERN_ANNOTATION (object);

  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->tag_ids, g_array_unref);

  G_OBJECT_CLASS (lectern_annotation_parent_class)->finalize (object);
}

static void
lectern_annotation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LecternAnnotation *self = LECTERN_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_START:
      g_value_set_long (value, self->start);
      break;
    case PROP_END:
      g_value_set_long (value, self->end);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_annotation_class_init (LecternAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lectern_annotation_finalize;
  object_class->get_property = lectern_annotation_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_START] = g_param_spec_long ("start", NULL, NULL, 0, G_MAXLONG, 0, ro);
  properties[PROP_END] = g_param_spec_long ("end", NULL, NULL, 0, G_MAXLONG, 0, ro);
  properties[PROP_QUOTE] = g_param_spec_string ("quote", NULL, NULL, NULL, ro);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, ro);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_annotation_init (LecternAnnotation *self)
{
}

LecternAnnotation *
_lectern_annotation_new (gint64      id,
                         gint64      document_id,
                         glong       start,
                         glong       end,
                         const char *quote,
                         const char *prefix,
                         const char *suffix,
                         const char *note,
                         const char *author,
                         GDateTime  *created,
                         GDateTime  *updated,
                         GArray     *tag_ids)
{
  LecternAnnotation *self = g_object_new (LECTERN_TYPE_ANNOTATION, NULL);

  self->id = id;
  self->document_id = document_id;
  self->start = start;
  self->end = end;
  self->quote = g_strdup (quote);
  self->prefix = g_strdup (prefix ? prefix : "");
  self->suffix = g_strdup (suffix ? suffix : "");
  self->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  self->author = g_strdup (author ? author : "");
  self->created = created ? g_date_time_ref (created) : NULL;
  self->updated = updated ? g_date_time_ref (updated) : NULL;
  self->tag_ids = tag_ids ? tag_ids : g_array_new (FALSE, FALSE, sizeof (gint64));

  return self;
}

void
_lectern_annotation_set_orphaned (LecternAnnotation *self,
                                  gboolean           orphaned)
{
  self->orphaned = !!orphaned;
}

void
_lectern_annotation_set_coder_id (LecternAnnotation *self,
                                  gint64             coder_id)
{
  self->coder_id = coder_id;
}

gint64
lectern_annotation_get_coder_id (LecternAnnotation *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), 0);
  return self->coder_id;
}

gboolean
lectern_annotation_get_orphaned (LecternAnnotation *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), FALSE);
  return self->orphaned;
}

gint64
lectern_annotation_get_id (LecternAnnotation *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), 0);
  return self->id;
}

gint64
lectern_annotation_get_document_id (LecternAnnotation *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), 0);
  return self->document_id;
}

glong
lectern_annotation_get_start (LecternAnnotation *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), 0);
  return self->start;
}

glong
lectern_annotation_get_end (LecternAnnotation *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), 0);
  return self->end;
}

const char *
lectern_annotation_get_quote (LecternAnnotation *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), NULL);
  return self->quote;
}

const char *
lectern_annotation_get_prefix (LecternAnnotation *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), NULL);
  return self->prefix;
}

const char *
lectern_annotation_get_suffix (LecternAnnotation *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), NULL);
  return self->suffix;
}

const char *
lectern_annotation_get_note (LecternAnnotation *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), NULL);
  return self->note;
}

const char *
lectern_annotation_get_author (LecternAnnotation *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), NULL);
  return self->author;
}

GDateTime *
lectern_annotation_get_created (LecternAnnotation *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), NULL);
  return self->created;
}

GDateTime *
lectern_annotation_get_updated (LecternAnnotation *self)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), NULL);
  return self->updated;
}

const gint64 *
lectern_annotation_get_tag_ids (LecternAnnotation *self,
                                guint             *n_tags)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), NULL);

  if (n_tags != NULL)
    *n_tags = self->tag_ids->len;
  return (const gint64 *) (gpointer) self->tag_ids->data;
}

gboolean
lectern_annotation_has_tag (LecternAnnotation *self,
                            gint64             tag_id)
{
  g_return_val_if_fail (LECTERN_IS_ANNOTATION (self), FALSE);

  for (guint i = 0; i < self->tag_ids->len; i++)
    if (g_array_index (self->tag_ids, gint64, i) == tag_id)
      return TRUE;

  return FALSE;
}
