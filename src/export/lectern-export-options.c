/* lectern-export-options.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lectern-export-options.h"

struct _LecternExportOptions
{
  GObject               parent_instance;
  LecternExportFormat   format;
  LecternExportGroupBy  group_by;
  GArray               *document_ids;  /* gint64 */
  GArray               *tag_ids;       /* gint64 */
  gboolean              with_subtags;
  char                 *author;
  char                 *date_from;
  char                 *date_to;
  char                 *title;
  gboolean              csv_bom;
  gboolean              html_full_documents;
};

G_DEFINE_FINAL_TYPE (LecternExportOptions, lectern_export_options, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FORMAT,
  PROP_GROUP_BY,
  PROP_WITH_SUBTAGS,
  PROP_AUTHOR,
  PROP_DATE_FROM,
  PROP_DATE_TO,
  PROP_TITLE,
  PROP_CSV_BOM,
  PROP_HTML_FULL_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
  const char *label;
} formats[LECTERN_EXPORT_N_FORMATS] = {
  [LECTERN_EXPORT_FORMAT_MARKDOWN] = { "markdown", "md", "text/markdown", N_("Markdown notes") },
  [LECTERN_EXPORT_FORMAT_HTML] = { "html", "html", "text/html", N_("Web page (HTML)") },
  [LECTERN_EXPORT_FORMAT_CSV] = { "csv", "csv", "text/csv", N_("Spreadsheet (CSV)") },
  [LECTERN_EXPORT_FORMAT_JSON] = { "json", "jsonld", "application/ld+json", N_("Web Annotation (JSON-LD)") },
  [LECTERN_EXPORT_FORMAT_QDPX] = { "qdpx", "qdpx", "application/x-qdpx", N_("REFI-QDA project (QDPX)") },
  [LECTERN_EXPORT_FORMAT_PDF] = { "pdf", "pdf", "application/pdf", N_("PDF") },
};

const char *
lectern_export_format_to_string (LecternExportFormat format)
{
  g_return_val_if_fail (format < LECTERN_EXPORT_N_FORMATS, NULL);
  return formats[format].name;
}

gboolean
lectern_export_format_from_string (const char          *name,
                                   LecternExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < LECTERN_EXPORT_N_FORMATS; i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
lectern_export_format_get_extension (LecternExportFormat format)
{
  g_return_val_if_fail (format < LECTERN_EXPORT_N_FORMATS, NULL);
  return formats[format].extension;
}

const char *
lectern_export_format_get_mime_type (LecternExportFormat format)
{
  g_return_val_if_fail (format < LECTERN_EXPORT_N_FORMATS, NULL);
  return formats[format].mime_type;
}

const char *
lectern_export_format_get_label (LecternExportFormat format)
{
  g_return_val_if_fail (format < LECTERN_EXPORT_N_FORMATS, NULL);
  return _(formats[format].label);
}

const char *
lectern_export_group_by_to_string (LecternExportGroupBy group_by)
{
  return group_by == LECTERN_EXPORT_GROUP_BY_TAG ? "tag" : "document";
}

gboolean
lectern_export_group_by_from_string (const char           *name,
                                     LecternExportGroupBy *group_by)
{
  g_return_val_if_fail (group_by != NULL, FALSE);

  if (g_strcmp0 (name, "document") == 0)
    *group_by = LECTERN_EXPORT_GROUP_BY_DOCUMENT;
  else if (g_strcmp0 (name, "tag") == 0)
    *group_by = LECTERN_EXPORT_GROUP_BY_TAG;
  else
    return FALSE;
  return TRUE;
}

static void
lectern_export_options_finalize (GObject *object)
{
  LecternExportOptions *self = LECTERN_EXPORT_OPTIONS (object);

  g_clear_pointer (&self->document_ids, g_array_unref);
  g_clear_pointer (&self->tag_ids, g_array_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->date_from, g_free);
  g_clear_pointer (&self->date_to, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (lectern_export_options_parent_class)->finalize (object);
}

static void
lectern_export_options_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LecternExportOptions *self = LECTERN_EXPORT_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_int (value, self->format);
      break;
    case PROP_GROUP_BY:
      g_value_set_int (value, self->group_by);
      break;
    case PROP_WITH_SUBTAGS:
      g_value_set_boolean (value, self->with_subtags);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_DATE_FROM:
      g_value_set_string (value, self->date_from);
      break;
    case PROP_DATE_TO:
      g_value_set_string (value, self->date_to);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CSV_BOM:
      g_value_set_boolean (value, self->csv_bom);
      break;
    case PROP_HTML_FULL_DOCUMENTS:
      g_value_set_boolean (value, self->html_full_documents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_export_options_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LecternExportOptions *self = LECTERN_EXPORT_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      lectern_export_options_set_format (self, g_value_get_int (value));
      break;
    case PROP_GROUP_BY:
      lectern_export_options_set_group_by (self, g_value_get_int (value));
      break;
    case PROP_WITH_SUBTAGS:
      lectern_export_options_set_with_subtags (self, g_value_get_boolean (value));
      break;
    case PROP_AUTHOR:
      lectern_export_options_set_author (self, g_value_get_string (value));
      break;
    case PROP_DATE_FROM:
      lectern_export_options_set_date_from (self, g_value_get_string (value));
      break;
    case PROP_DATE_TO:
      lectern_export_options_set_date_to (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      lectern_export_options_set_title (self, g_value_get_string (value));
      break;
    case PROP_CSV_BOM:
      lectern_export_options_set_csv_bom (self, g_value_get_boolean (value));
      break;
    case PROP_HTML_FULL_DOCUMENTS:
      lectern_export_options_set_html_full_documents (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_export_options_class_init (LecternExportOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lectern_export_options_finalize;
  object_class->get_property = lectern_export_options_get_property;
  object_class->set_property = lectern_export_options_set_property;

  properties[PROP_FORMAT] =
    g_param_spec_int ("format", NULL, NULL,
                      0, LECTERN_EXPORT_N_FORMATS - 1, LECTERN_EXPORT_FORMAT_MARKDOWN, flags);
  properties[PROP_GROUP_BY] =
    g_param_spec_int ("group-by", NULL, NULL,
                      LECTERN_EXPORT_GROUP_BY_DOCUMENT, LECTERN_EXPORT_GROUP_BY_TAG,
                      LECTERN_EXPORT_GROUP_BY_DOCUMENT, flags);
  properties[PROP_WITH_SUBTAGS] =
    g_param_spec_boolean ("with-subtags", NULL, NULL, TRUE, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_DATE_FROM] = g_param_spec_string ("date-from", NULL, NULL, NULL, flags);
  properties[PROP_DATE_TO] = g_param_spec_string ("date-to", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_CSV_BOM] = g_param_spec_boolean ("csv-bom", NULL, NULL, FALSE, flags);
  properties[PROP_HTML_FULL_DOCUMENTS] =
    g_param_spec_boolean ("html-full-documents", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_export_options_init (LecternExportOptions *self)
{
  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->with_subtags = TRUE;
}

LecternExportOptions *
lectern_export_options_new (LecternExportFormat format)
{
  g_return_val_if_fail (format < LECTERN_EXPORT_N_FORMATS, NULL);

  return g_object_new (LECTERN_TYPE_EXPORT_OPTIONS, "format", (int) format, NULL);
}

LecternExportOptions *
lectern_export_options_copy (LecternExportOptions *self)
{
  LecternExportOptions *copy;

  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (self), NULL);

  copy = lectern_export_options_new (self->format);
  copy->group_by = self->group_by;
  g_array_append_vals (copy->document_ids, self->document_ids->data, self->document_ids->len);
  g_array_append_vals (copy->tag_ids, self->tag_ids->data, self->tag_ids->len);
  copy->with_subtags = self->with_subtags;
  copy->author = g_strdup (self->author);
  copy->date_from = g_strdup (self->date_from);
  copy->date_to = g_strdup (self->date_to);
  copy->title = g_strdup (self->title);
  copy->csv_bom = self->csv_bom;
  copy->html_full_documents = self->html_full_documents;
  return copy;
}

LecternExportFormat
lectern_export_options_get_format (LecternExportOptions *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (self), 0);
  return self->format;
}

void
lectern_export_options_set_format (LecternExportOptions *self,
                                   LecternExportFormat   format)
{
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (self));
  g_return_if_fail (format < LECTERN_EXPORT_N_FORMATS);

  if (self->format == format)
    return;
  self->format = format;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

LecternExportGroupBy
lectern_export_options_get_group_by (LecternExportOptions *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (self), 0);
  return self->group_by;
}

void
lectern_export_options_set_group_by (LecternExportOptions *self,
                                     LecternExportGroupBy  group_by)
{
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (self));
  g_return_if_fail (group_by <= LECTERN_EXPORT_GROUP_BY_TAG);

  if (self->group_by == group_by)
    return;
  self->group_by = group_by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_BY]);
}

static void
add_unique_id (GArray *ids,
               gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

void
lectern_export_options_add_document_id (LecternExportOptions *self,
                                        gint64                document_id)
{
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (self));
  g_return_if_fail (document_id > 0);
  add_unique_id (self->document_ids, document_id);
}

void
lectern_export_options_clear_document_ids (LecternExportOptions *self)
{
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (self));
  g_array_set_size (self->document_ids, 0);
}

const gint64 *
lectern_export_options_get_document_ids (LecternExportOptions *self,
                                         guint                *n_ids)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->document_ids->len;
  return (const gint64 *) (gpointer) self->document_ids->data;
}

void
lectern_export_options_add_tag_id (LecternExportOptions *self,
                                   gint64                tag_id)
{
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (self));
  g_return_if_fail (tag_id > 0);
  add_unique_id (self->tag_ids, tag_id);
}

void
lectern_export_options_clear_tag_ids (LecternExportOptions *self)
{
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (self));
  g_array_set_size (self->tag_ids, 0);
}

const gint64 *
lectern_export_options_get_tag_ids (LecternExportOptions *self,
                                    guint                *n_ids)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->tag_ids->len;
  return (const gint64 *) (gpointer) self->tag_ids->data;
}

gboolean
lectern_export_options_get_with_subtags (LecternExportOptions *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (self), FALSE);
  return self->with_subtags;
}

void
lectern_export_options_set_with_subtags (LecternExportOptions *self,
                                         gboolean              with_subtags)
{
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (self));

  with_subtags = !!with_subtags;
  if (self->with_subtags == with_subtags)
    return;
  self->with_subtags = with_subtags;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITH_SUBTAGS]);
}

static void
set_string (LecternExportOptions  *self,
            char                 **field,
            const char            *value,
            guint                  prop_id)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
lectern_export_options_get_author (LecternExportOptions *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (self), NULL);
  return self->author;
}

void
lectern_export_options_set_author (LecternExportOptions *self,
                                   const char           *author)
{
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (self));
  set_string (self, &self->author, author, PROP_AUTHOR);
}

const char *
lectern_export_options_get_date_from (LecternExportOptions *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (self), NULL);
  return self->date_from;
}

void
lectern_export_options_set_date_from (LecternExportOptions *self,
                                      const char           *date)
{
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (self));
  set_string (self, &self->date_from, date, PROP_DATE_FROM);
}

const char *
lectern_export_options_get_date_to (LecternExportOptions *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (self), NULL);
  return self->date_to;
}

void
lectern_export_options_set_date_to (LecternExportOptions *self,
                                    const char           *date)
{
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (self));
  set_string (self, &self->date_to, date, PROP_DATE_TO);
}

const char *
lectern_export_options_get_title (LecternExportOptions *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (self), NULL);
  return self->title;
}

void
lectern_export_options_set_title (LecternExportOptions *self,
                                  const char           *title)
{
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

gboolean
lectern_export_options_get_csv_bom (LecternExportOptions *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (self), FALSE);
  return self->csv_bom;
}

void
lectern_export_options_set_csv_bom (LecternExportOptions *self,
                                    gboolean              csv_bom)
{
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (self));

  csv_bom = !!csv_bom;
  if (self->csv_bom == csv_bom)
    return;
  self->csv_bom = csv_bom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CSV_BOM]);
}

gboolean
lectern_export_options_get_html_full_documents (LecternExportOptions *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORT_OPTIONS (self), FALSE);
  return self->html_full_documents;
}

void
lectern_export_options_set_html_full_documents (LecternExportOptions *self,
                                                gboolean              full)
{
  g_return_if_fail (LECTERN_IS_EXPORT_OPTIONS (self));

  full = !!full;
  if (self->html_full_documents == full)
    return;
  self->html_full_documents = full;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HTML_FULL_DOCUMENTS]);
}
