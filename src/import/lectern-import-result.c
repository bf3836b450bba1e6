/* lectern-import-result.c — what became of one file of an import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "lectern-import-result.h"
#include "lectern-importer.h"

struct _LecternImportResult
{
  GObject          parent_instance;
  GFile           *file;
  char            *display_name;
  LecternDocument *document;
  GError          *error;
  GPtrArray       *warnings;
};

G_DEFINE_FINAL_TYPE (LecternImportResult, lectern_import_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_DISPLAY_NAME,
  PROP_DOCUMENT,
  PROP_DOCUMENT_ID,
  PROP_TITLE,
  PROP_ENCODING,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_import_result_dispose (GObject *object)
{
  LecternImportResult *self = LECTERN_IMPORT_RESULT (object);

  g_clear_object (&self->file);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (lectern_import_result_parent_class)->dispose (object);
}

static void
lectern_import_result_finalize (GObject *object)
{
  LecternImportResult *self = LECTERN_IMPORT_RESULT (object);

  g_clear_pointer (&self->display_name, g_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (lectern_import_result_parent_class)->finalize (object);
}

static void
lectern_import_result_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LecternImportResult *self = LECTERN_IMPORT_RESULT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, lectern_import_result_get_document_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, lectern_import_result_get_title (self));
      break;

    case PROP_ENCODING:
      g_value_set_string (value, lectern_import_result_get_encoding (self));
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_import_result_class_init (LecternImportResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lectern_import_result_dispose;
  object_class->finalize = lectern_import_result_finalize;
  object_class->get_property = lectern_import_result_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, LECTERN_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_import_result_init (LecternImportResult *self)
{
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

static LecternImportResult *
result_new (GFile      *file,
            const char *display_name)
{
  LecternImportResult *self = g_object_new (LECTERN_TYPE_IMPORT_RESULT, NULL);

  self->file = g_object_ref (file);
  self->display_name = display_name != NULL ? g_strdup (display_name) : g_file_get_basename (file);

  return self;
}

LecternImportResult *
lectern_import_result_new_success (GFile           *file,
                                   const char      *display_name,
                                   LecternDocument *document)
{
  LecternImportResult *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (document), NULL);

  self = result_new (file, display_name);
  self->document = g_object_ref (document);

  return self;
}

LecternImportResult *
lectern_import_result_new_failure (GFile        *file,
                                   const char   *display_name,
                                   const GError *error)
{
  LecternImportResult *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = result_new (file, display_name);
  self->error = g_error_copy (error);

  return self;
}

GFile *
lectern_import_result_get_file (LecternImportResult *self)
{
  g_return_val_if_fail (LECTERN_IS_IMPORT_RESULT (self), NULL);

  return self->file;
}

const char *
lectern_import_result_get_display_name (LecternImportResult *self)
{
  g_return_val_if_fail (LECTERN_IS_IMPORT_RESULT (self), NULL);

  return self->display_name;
}

LecternDocument *
lectern_import_result_get_document (LecternImportResult *self)
{
  g_return_val_if_fail (LECTERN_IS_IMPORT_RESULT (self), NULL);

  return self->document;
}

gint64
lectern_import_result_get_document_id (LecternImportResult *self)
{
  g_return_val_if_fail (LECTERN_IS_IMPORT_RESULT (self), 0);

  return self->document != NULL ? lectern_document_get_id (self->document) : 0;
}

const char *
lectern_import_result_get_title (LecternImportResult *self)
{
  g_return_val_if_fail (LECTERN_IS_IMPORT_RESULT (self), NULL);

  return self->document != NULL ? lectern_document_get_title (self->document) : NULL;
}

const char *
lectern_import_result_get_encoding (LecternImportResult *self)
{
  g_return_val_if_fail (LECTERN_IS_IMPORT_RESULT (self), NULL);

  return self->document != NULL ? lectern_document_get_encoding (self->document) : NULL;
}

const GError *
lectern_import_result_get_error (LecternImportResult *self)
{
  g_return_val_if_fail (LECTERN_IS_IMPORT_RESULT (self), NULL);

  return self->error;
}

gboolean
lectern_import_result_get_succeeded (LecternImportResult *self)
{
  g_return_val_if_fail (LECTERN_IS_IMPORT_RESULT (self), FALSE);

  return self->error == NULL;
}

guint64
lectern_import_result_get_replaced_bytes (LecternImportResult *self)
{
  const char *value;

  g_return_val_if_fail (LECTERN_IS_IMPORT_RESULT (self), 0);

  if (self->document == NULL)
    return 0;
  value = lectern_document_get_variable (self->document, LECTERN_IMPORTER_REPLACED_BYTES);

  return value != NULL ? g_ascii_strtoull (value, NULL, 10) : 0;
}

char *
lectern_import_result_dup_notice (LecternImportResult *self)
{
  guint64 n;

  g_return_val_if_fail (LECTERN_IS_IMPORT_RESULT (self), NULL);

  if ((n = lectern_import_result_get_replaced_bytes (self)) == 0)
    return NULL;

  /* Translators: "�" is U+FFFD, the replacement character; the first
   * %s is a file name. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” was imported, but %" PRIu64 " byte was not valid UTF-8; "
                                       "it was replaced with “�”",
                                       "“%s” was imported, but %" PRIu64 " bytes were not valid UTF-8; "
                                       "each damaged stretch was replaced with “�”",
                                       n),
                          self->display_name, n);
}

void
lectern_import_result_add_warning (LecternImportResult *self,
                                   const char          *warning)
{
  g_return_if_fail (LECTERN_IS_IMPORT_RESULT (self));
  g_return_if_fail (warning != NULL);

  g_ptr_array_add (self->warnings, g_strdup (warning));
}

GPtrArray *
lectern_import_result_get_warnings (LecternImportResult *self)
{
  g_return_val_if_fail (LECTERN_IS_IMPORT_RESULT (self), NULL);

  return self->warnings;
}
