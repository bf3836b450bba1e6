/* lectern-document-label.c — labels that tell documents with the same
 * title apart.
 *
 * Titles are compared case-folded, since "Low water" and "Low Water" look
 * the same in a list. What is added to a colliding title is the first of
 * the document's date, its file name and its ID that no other document
 * with that title shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-document-label.h"
#include "lectern-long-date.h"

static char *
title_key (LecternDocument *doc)
{
  const char *title = lectern_document_get_title (doc);

  return g_utf8_casefold (title ? title : "", -1);
}

static char *
file_name (LecternDocument *doc)
{
  const char *name = lectern_document_get_original_name (doc);

  return name != NULL && *name != '\0' ? g_path_get_basename (name) : NULL;
}

static char *date_of (LecternDocument *doc);
static gboolean unique_in (LecternDocument *doc, GPtrArray *same, const char *value,
                           char *(*field) (LecternDocument *), gboolean past_dates);

/* Whether @doc is told apart by its date. */
static gboolean
dated (LecternDocument *doc,
       GPtrArray       *same)
{
  g_autofree char *date = date_of (doc);

  return date != NULL && unique_in (doc, same, date, date_of, FALSE);
}

/* Whether no document of @same but @doc has the same @field; with
 * @past_dates, among those that their dates do not tell apart (a file
 * name is never taken for a date). */
static gboolean
unique_in (LecternDocument  *doc,
           GPtrArray        *same,
           const char       *value,
           char           *(*field) (LecternDocument *),
           gboolean          past_dates)
{
  for (guint i = 0; i < same->len; i++)
    {
      LecternDocument *other = g_ptr_array_index (same, i);
      g_autofree char *other_value = NULL;

      if (other == doc || (past_dates && dated (other, same)))
        continue;
      other_value = field (other);
      if (g_strcmp0 (value, other_value) == 0)
        return FALSE;
    }
  return TRUE;
}

static char *
date_of (LecternDocument *doc)
{
  return lectern_long_date_from_iso (lectern_document_get_date (doc));
}

/* What tells @doc from the others of @same, every document with its
 * title (@doc too); NULL when it has the title to itself. */
static char *
qualifier_in (LecternDocument *doc,
              GPtrArray       *same)
{
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  if (same->len < 2)
    return NULL;

  date = date_of (doc);
  name = file_name (doc);
  if (date != NULL && unique_in (doc, same, date, date_of, FALSE))
    return g_steal_pointer (&date);
  if (name != NULL && unique_in (doc, same, name, file_name, TRUE))
    return g_steal_pointer (&name);
  return g_strdup_printf ("#%" G_GINT64_FORMAT, lectern_document_get_id (doc));
}

static char *
label_in (LecternDocument *doc,
          GPtrArray       *same)
{
  const char *title = lectern_document_get_title (doc) ? lectern_document_get_title (doc) : "";
  g_autofree char *qualifier = qualifier_in (doc, same);

  if (qualifier == NULL)
    return g_strdup (title);
  /* Translators: a document named with what tells it from another with
   * the same title: "Title — 12 March 2024", "Title — file.txt" */
  return g_strdup_printf (_("%s — %s"), title, qualifier);
}

char *
lectern_document_dup_long_date (LecternDocument *document)
{
  g_return_val_if_fail (LECTERN_IS_DOCUMENT (document), NULL);

  return date_of (document);
}

static GHashTable *
labels_new (GListModel *documents,
            char     *(*name) (LecternDocument *, GPtrArray *))
{
  g_autoptr(GHashTable) by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  GHashTable *labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n;

  g_return_val_if_fail (documents == NULL || G_IS_LIST_MODEL (documents), labels);

  n = documents ? g_list_model_get_n_items (documents) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (documents, i);
      char *key = title_key (doc);
      GPtrArray *same = g_hash_table_lookup (by_title, key);

      if (same == NULL)
        {
          same = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_title, key, same);
        }
      else
        g_free (key);
      g_ptr_array_add (same, g_object_ref (doc));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (documents, i);
      g_autofree char *key = title_key (doc);
      char *value = name (doc, g_hash_table_lookup (by_title, key));
      gint64 *id;

      if (value == NULL)
        continue;
      id = g_new (gint64, 1);
      *id = lectern_document_get_id (doc);
      g_hash_table_insert (labels, id, value);
    }
  return labels;
}

GHashTable *
lectern_document_labels_new (GListModel *documents)
{
  return labels_new (documents, label_in);
}

GHashTable *
lectern_document_qualifiers_new (GListModel *documents)
{
  return labels_new (documents, qualifier_in);
}

char *
lectern_document_dup_label (LecternDocument *document,
                            GListModel      *documents)
{
  g_autoptr(GPtrArray) same = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *key = NULL;
  guint n;

  g_return_val_if_fail (LECTERN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (documents == NULL || G_IS_LIST_MODEL (documents), NULL);

  key = title_key (document);
  g_ptr_array_add (same, g_object_ref (document));
  n = documents ? g_list_model_get_n_items (documents) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (documents, i);
      g_autofree char *other_key = NULL;

      if (lectern_document_get_id (doc) == lectern_document_get_id (document))
        continue;
      other_key = title_key (doc);
      if (g_str_equal (key, other_key))
        g_ptr_array_add (same, g_steal_pointer (&doc));
    }
  return label_in (document, same);
}

const char *
lectern_document_labels_lookup (GHashTable *labels,
                                gint64      id)
{
  g_return_val_if_fail (labels != NULL, NULL);

  return g_hash_table_lookup (labels, &id);
}
