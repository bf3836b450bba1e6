/* lectern-document-version.c — one version of a document's text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-document-version-private.h"

struct _LecternDocumentVersion
{
  GObject    parent_instance;

  guint      number;
  GDateTime *created;
  char      *author;
  char      *description;
  glong      length;
};

G_DEFINE_FINAL_TYPE (LecternDocumentVersion, lectern_document_version, G_TYPE_OBJECT)

static void
lectern_document_version_finalize (GObject *object)
{
  LecternDocumentVersion *self = LECTERN_DOCUMENT_VERSION (object);

  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (lectern_document_version_parent_class)->finalize (object);
}

static void
lectern_document_version_class_init (LecternDocumentVersionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_document_version_finalize;
}

static void
lectern_document_version_init (LecternDocumentVersion *self)
{
}

LecternDocumentVersion *
_lectern_document_version_new (guint       number,
                               GDateTime  *created,
                               const char *author,
                               const char *description,
                               glong       length)
{
  LecternDocumentVersion *self = g_object_new (LECTERN_TYPE_DOCUMENT_VERSION, NULL);

  self->number = number;
  self->created = created != NULL ? g_date_time_ref (created) : NULL;
  self->author = g_strdup (author != NULL ? author : "");
  self->description = g_strdup (description != NULL ? description : "");
  self->length = length;

  return self;
}

guint
lectern_document_version_get_number (LecternDocumentVersion *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT_VERSION (self), 0);
  return self->number;
}

GDateTime *
lectern_document_version_get_created (LecternDocumentVersion *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT_VERSION (self), NULL);
  return self->created;
}

const char *
lectern_document_version_get_author (LecternDocumentVersion *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT_VERSION (self), NULL);
  return self->author;
}

const char *
lectern_document_version_get_description (LecternDocumentVersion *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT_VERSION (self), NULL);
  return self->description;
}

glong
lectern_document_version_get_length (LecternDocumentVersion *self)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT_VERSION (self), 0);
  return self->length;
}
