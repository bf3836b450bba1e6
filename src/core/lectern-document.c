/* lectern-document.c — one document of the corpus: metadata, not its text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-document.h"
#include "lectern-document-private.h"

struct _LecternDocument
{
  GObject     parent_instance;

  gint64      id;
  char       *title;
  char       *source;
  char       *author;
  char       *date;
  char       *language;
  char       *original_name;
  char       *encoding;
  char       *format;
  gint64      original_size;
  char       *content_hash;
  GDateTime  *imported;
  glong       length;
  guint       annotation_count;
  GHashTable *variables;
};

G_DEFINE_FINAL_TYPE (LecternDocument, lectern_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_AUTHOR,
  PROP_DATE,
  PROP_LANGUAGE,
  PROP_ORIGINAL_NAME,
  PROP_ENCODING,
  PROP_FORMAT,
  PROP_ORIGINAL_SIZE,
  PROP_CONTENT_HASH,
  PROP_LENGTH,
  PROP_ANNOTATION_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_document_finalize (GObject *object)
{
  LecternDocument *self = LECTERN_DOCUMENT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->original_name, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->content_hash, g_free);
  g_clear_pointer (&self->imported, g_date_time_unref);
  g_clear_pointer (&self->variables, g_hash_table_unref);

  G_OBJECT_CLASS (lectern_document_parent_class)->finalize (object);
}

static void
lectern_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LecternDocument *self = LECTERN_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_ORIGINAL_NAME:
      g_value_set_string (value, self->original_name);
      break;
    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;
    case PROP_FORMAT:
      g_value_set_string (value, self->format);
      break;
    case PROP_ORIGINAL_SIZE:
      g_value_set_int64 (value, self->original_size);
      break;
    case PROP_CONTENT_HASH:
      g_value_set_string (value, self->content_hash);
      break;
    case PROP_LENGTH:
      g_value_set_long (value, self->length);
      break;
    case PROP_ANNOTATION_COUNT:
      g_value_set_uint (value, self->annotation_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LecternDocument *self = LECTERN_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      lectern_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      lectern_document_set_source (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      lectern_document_set_author (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      lectern_document_set_date (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      lectern_document_set_language (self, g_value_get_string (value));
      break;
    case PROP_ORIGINAL_NAME:
      lectern_document_set_original_name (self, g_value_get_string (value));
      break;
    case PROP_ENCODING:
      lectern_document_set_encoding (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_document_class_init (LecternDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lectern_document_finalize;
  object_class->get_property = lectern_document_get_property;
  object_class->set_property = lectern_document_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, rw);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, rw);
  properties[PROP_ORIGINAL_NAME] = g_param_spec_string ("original-name", NULL, NULL, NULL, rw);
  properties[PROP_ENCODING] = g_param_spec_string ("encoding", NULL, NULL, NULL, rw);
  properties[PROP_FORMAT] = g_param_spec_string ("format", NULL, NULL, "text", ro);
  properties[PROP_ORIGINAL_SIZE] = g_param_spec_int64 ("original-size", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CONTENT_HASH] = g_param_spec_string ("content-hash", NULL, NULL, NULL, ro);
  properties[PROP_LENGTH] = g_param_spec_long ("length", NULL, NULL, 0, G_MAXLONG, 0, ro);
  properties[PROP_ANNOTATION_COUNT] =
    g_param_spec_uint ("annotation-count", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_document_init (LecternDocument *self)
{
  self->variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->format = g_strdup ("text");
}

LecternDocument *
lectern_document_new (void)
{
  return g_object_new (LECTERN_TYPE_DOCUMENT, NULL);
}

static void
set_string (LecternDocument  *self,
            char            **field,
            const char       *value,
            guint             prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

gint64
lectern_document_get_id (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), 0);
  return self->id;
}

const char *
lectern_document_get_title (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
lectern_document_set_title (LecternDocument *self,
                            const char      *title)
{
  g_return_if_fail (LECTERN_IS_DOCUMENT (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
lectern_document_get_source (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), NULL);
  return self->source;
}

void
lectern_document_set_source (LecternDocument *self,
                             const char      *source)
{
  g_return_if_fail (LECTERN_IS_DOCUMENT (self));
  set_string (self, &self->source, source, PROP_SOURCE);
}

const char *
lectern_document_get_author (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), NULL);
  return self->author;
}

void
lectern_document_set_author (LecternDocument *self,
                             const char      *author)
{
  g_return_if_fail (LECTERN_IS_DOCUMENT (self));
  set_string (self, &self->author, author, PROP_AUTHOR);
}

const char *
lectern_document_get_date (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), NULL);
  return self->date;
}

void
lectern_document_set_date (LecternDocument *self,
                           const char      *date)
{
  g_return_if_fail (LECTERN_IS_DOCUMENT (self));
  set_string (self, &self->date, date, PROP_DATE);
}

const char *
lectern_document_get_language (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), NULL);
  return self->language;
}

void
lectern_document_set_language (LecternDocument *self,
                               const char      *language)
{
  g_return_if_fail (LECTERN_IS_DOCUMENT (self));
  set_string (self, &self->language, language, PROP_LANGUAGE);
}

const char *
lectern_document_get_original_name (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), NULL);
  return self->original_name;
}

void
lectern_document_set_original_name (LecternDocument *self,
                                    const char      *original_name)
{
  g_return_if_fail (LECTERN_IS_DOCUMENT (self));
  set_string (self, &self->original_name, original_name, PROP_ORIGINAL_NAME);
}

const char *
lectern_document_get_encoding (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), NULL);
  return self->encoding;
}

void
lectern_document_set_encoding (LecternDocument *self,
                               const char      *encoding)
{
  g_return_if_fail (LECTERN_IS_DOCUMENT (self));
  set_string (self, &self->encoding, encoding, PROP_ENCODING);
}

const char *
lectern_document_get_content_hash (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), NULL);
  return self->content_hash;
}

GDateTime *
lectern_document_get_imported (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), NULL);
  return self->imported;
}

glong
lectern_document_get_length (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), 0);
  return self->length;
}

guint
lectern_document_get_annotation_count (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), 0);
  return self->annotation_count;
}

GHashTable *
lectern_document_get_variables (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), NULL);
  return self->variables;
}

const char *
lectern_document_get_variable (LecternDocument *self,
                               const char      *key)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->variables, key);
}

void
lectern_document_set_variable (LecternDocument *self,
                               const char      *key,
                               const char      *value)
{
  g_return_if_fail (LECTERN_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    g_hash_table_remove (self->variables, key);
  else
    g_hash_table_replace (self->variables, g_strdup (key), g_strdup (value));
}

void
_lectern_document_set_id (LecternDocument *self,
                          gint64           id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_lectern_document_set_content_hash (LecternDocument *self,
                                    const char      *content_hash)
{
  set_string (self, &self->content_hash, content_hash, PROP_CONTENT_HASH);
}

void
_lectern_document_set_imported (LecternDocument *self,
                                GDateTime       *imported)
{
  g_clear_pointer (&self->imported, g_date_time_unref);
  if (imported != NULL)
    self->imported = g_date_time_ref (imported);
}

void
_lectern_document_set_length (LecternDocument *self,
                              glong            length)
{
  if (self->length == length)
    return;
  self->length = length;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LENGTH]);
}

void
_lectern_document_set_annotation_count (LecternDocument *self,
                                        guint            count)
{
  if (self->annotation_count == count)
    return;
  self->annotation_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION_COUNT]);
}

const char *
lectern_document_get_format (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), NULL);

  return self->format;
}

gint64
lectern_document_get_original_size (LecternDocument *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (self), 0);

  return self->original_size;
}

void
_lectern_document_set_format (LecternDocument *self,
                              const char      *format)
{
  set_string (self, &self->format, format != NULL ? format : "text", PROP_FORMAT);
}

void
_lectern_document_set_original_size (LecternDocument *self,
                                     gint64           size)
{
  if (self->original_size == size)
    return;
  self->original_size = size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGINAL_SIZE]);
}
