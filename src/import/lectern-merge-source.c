/* lectern-merge-source.c — reads another copy's work into memory for a
 * merge: a Lectern project or a REFI-QDA project, both untrusted.
 *
 * Nothing here opens OTHER for writing. A .lectern is copied first (with
 * its write-ahead log, if one is beside it) into a private folder and
 * the copy opened as core opens any project (header, application id,
 * format and schema checked before anything of it runs; an older format
 * migrated in the copy): opening someone else's file in place would
 * write its -shm, could checkpoint its log, and would migrate it. A
 * .qdpx goes through the .qdpx reader into a private project. Either is
 * then read through core's API like any project, and deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lectern-merge-source-private.h"
#include "lectern-project-merge.h"

static void
coder_free (gpointer data)
{
  LecternMergeCoder *coder = data;

  g_free (coder->guid);
  g_free (coder->name);
  g_free (coder);
}

static void
document_free (gpointer data)
{
  LecternMergeDocument *document = data;

  g_free (document->guid);
  g_clear_object (&document->document);
  g_free (document->text);
  g_free (document->memo);
  g_free (document);
}

static void
tag_free (gpointer data)
{
  LecternMergeTag *tag = data;

  g_free (tag->guid);
  g_free (tag->path);
  g_free (tag->name);
  g_free (tag->colour);
  g_free (tag->description);
  g_free (tag->memo);
  g_free (tag);
}

static void
passage_free (gpointer data)
{
  LecternMergePassage *passage = data;

  g_free (passage->guid);
  g_free (passage->tags);
  g_free (passage->note);
  g_free (passage->author);
  g_clear_pointer (&passage->created, g_date_time_unref);
  g_clear_pointer (&passage->updated, g_date_time_unref);
  g_free (passage);
}

static void
deleted_free (gpointer data)
{
  LecternMergeDeleted *deleted = data;

  g_free (deleted->guid);
  g_free (deleted->document_guid);
  g_clear_pointer (&deleted->updated, g_date_time_unref);
  g_clear_pointer (&deleted->deleted, g_date_time_unref);
  g_free (deleted);
}

void
_lectern_merge_source_free (LecternMergeSource *source)
{
  if (source == NULL)
    return;
  g_clear_object (&source->file);
  g_free (source->name);
  g_ptr_array_unref (source->coders);
  g_ptr_array_unref (source->documents);
  g_ptr_array_unref (source->tags);
  g_ptr_array_unref (source->passages);
  g_ptr_array_unref (source->deleted);
  g_free (source->memo);
  g_free (source);
}

#define TOO_MANY(source, count, bound, message, error)                              \
  ((count) > (bound)                                                                \
   ? (g_set_error ((error), LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,   \
                   (message), (source)->name, (guint) (count), (guint) (bound)), TRUE) \
   : FALSE)

/* The memo on a target and its coder's index (via @coders: id → index+1). */
static gboolean
read_memo (LecternProject      *from,
           LecternMemoTarget   target,
           gint64              id,
           GHashTable         *coders,
           char              **memo,
           int                *coder,
           GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 coder_id;

  *coder = -1;
  *memo = lectern_project_dup_memo (from, target, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*memo == NULL)
    return TRUE;
  coder_id = lectern_project_get_memo_coder_id (from, target, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *coder = GPOINTER_TO_INT (g_hash_table_lookup (coders, &coder_id)) - 1;
  return TRUE;
}

/* The GUID, or NULL when it has none (not an error). */
static gboolean
read_guid (LecternProject   *from,
           LecternGuidKind  kind,
           gint64           id,
           char           **guid,
           GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  *guid = lectern_project_dup_guid (from, kind, id, &local_error);
  if (*guid != NULL || g_error_matches (local_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
cancelled (GCancellable  *cancellable,
           GError       **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

LecternMergeSource *
_lectern_merge_source_read_project (LecternProject  *from,
                                    GFile          *file,
                                    LecternJob     *job,
                                    GCancellable   *cancellable,
                                    GError        **error)
{
  g_autoptr(LecternMergeSource) source = g_new0 (LecternMergeSource, 1);
  g_autoptr(GHashTable) coder_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) document_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) tag_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) tags = NULL;
  g_autoptr(GListModel) passages = NULL;
  g_autofree glong *lengths = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  guint n_documents, n_tags, n_passages;

  g_return_val_if_fail (LECTERN_IS_PROJECT (from), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  source->file = g_object_ref (file);
  source->name = g_file_get_parse_name (file);
  source->coders = g_ptr_array_new_with_free_func (coder_free);
  source->documents = g_ptr_array_new_with_free_func (document_free);
  source->tags = g_ptr_array_new_with_free_func (tag_free);
  source->passages = g_ptr_array_new_with_free_func (passage_free);
  source->deleted = g_ptr_array_new_with_free_func (deleted_free);
  source->memo_coder = -1;

  coders = lectern_project_list_coders (from, error);
  if (coders == NULL || TOO_MANY (source, coders->len, LECTERN_MERGE_MAX_CODERS,
                                      _("“%s” has more coders than a merge reads (%u; at most %u)"), error))
    return NULL;
  for (guint i = 0; i < coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (coders, i);
      LecternMergeCoder *copy = g_new0 (LecternMergeCoder, 1);

      copy->guid = g_strdup (lectern_coder_get_guid (coder));
      copy->name = g_strdup (lectern_coder_get_name (coder));
      g_ptr_array_add (source->coders, copy);
      g_hash_table_insert (coder_index, g_memdup2 (&(gint64) { lectern_coder_get_id (coder) }, sizeof (gint64)),
                           GINT_TO_POINTER (i + 1));
    }

  if (!read_memo (from, LECTERN_MEMO_PROJECT, 0, coder_index, &source->memo, &source->memo_coder, error))
    return NULL;

  documents = lectern_project_list_documents (from, error);
  if (documents == NULL)
    return NULL;
  n_documents = g_list_model_get_n_items (documents);
  if (TOO_MANY (source, n_documents, LECTERN_MERGE_MAX_DOCUMENTS,
                _("“%s” has more documents than a merge reads (%u; at most %u)"), error))
    return NULL;
  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(LecternDocument) document = g_list_model_get_item (documents, i);
      gint64 id = lectern_document_get_id (document);
      LecternMergeDocument *copy = g_new0 (LecternMergeDocument, 1);

      g_ptr_array_add (source->documents, copy);
      copy->document = g_object_ref (document);
      copy->memo_coder = -1;
      if (cancelled (cancellable, error)
          || (copy->text = lectern_project_dup_text (from, id, error)) == NULL
          || !read_guid (from, LECTERN_GUID_DOCUMENT, id, &copy->guid, error)
          || !read_memo (from, LECTERN_MEMO_DOCUMENT, id, coder_index, &copy->memo, &copy->memo_coder, error))
        return NULL;
      g_hash_table_insert (document_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
      if (job != NULL)
        lectern_job_report (job, i + 1, n_documents, _("Reading documents"));
    }

  tags = lectern_project_list_tags (from, error);
  if (tags == NULL)
    return NULL;
  n_tags = g_list_model_get_n_items (tags);
  if (TOO_MANY (source, n_tags, LECTERN_MERGE_MAX_TAGS,
                _("“%s” has more tags than a merge reads (%u; at most %u)"), error))
    return NULL;
  /* Depth first: a parent is always listed before its children. */
  for (guint i = 0; i < n_tags; i++)
    {
      g_autoptr(LecternTag) tag = g_list_model_get_item (tags, i);
      gint64 id = lectern_tag_get_id (tag);
      gint64 parent_id = lectern_tag_get_parent_id (tag);
      LecternMergeTag *copy = g_new0 (LecternMergeTag, 1);

      g_ptr_array_add (source->tags, copy);
      copy->path = g_strdup (lectern_tag_get_path (tag));
      copy->name = g_strdup (lectern_tag_get_name (tag));
      copy->colour = g_strdup (lectern_tag_get_colour (tag));
      copy->description = g_strdup (lectern_tag_get_description (tag));
      copy->parent = parent_id == 0 ? -1 : GPOINTER_TO_INT (g_hash_table_lookup (tag_index, &parent_id)) - 1;
      copy->memo_coder = -1;
      if (lectern_tag_get_depth (tag) >= LECTERN_TAG_MAX_DEPTH
          || (parent_id != 0 && copy->parent < 0))
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                       _("“%s” is damaged: its tag “%s” is nested too deep or under a tag that is missing"),
                       source->name, copy->path);
          return NULL;
        }
      if (!read_guid (from, LECTERN_GUID_TAG, id, &copy->guid, error)
          || !read_memo (from, LECTERN_MEMO_TAG, id, coder_index, &copy->memo, &copy->memo_coder, error))
        return NULL;
      g_hash_table_insert (tag_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
    }

  passages = lectern_project_list_annotations (from, 0, 0, FALSE, error);
  if (passages == NULL)
    return NULL;
  n_passages = g_list_model_get_n_items (passages);
  if (TOO_MANY (source, n_passages, LECTERN_MERGE_MAX_PASSAGES,
                _("“%s” has more passages than a merge reads (%u; at most %u)"), error))
    return NULL;
  /* Each text's length in code points, measured once (-1: not yet). */
  lengths = g_new (glong, MAX (source->documents->len, 1));
  for (guint i = 0; i < source->documents->len; i++)
    lengths[i] = -1;
  for (guint i = 0; i < n_passages; i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (passages, i);
      gint64 document_id = lectern_annotation_get_document_id (annotation);
      gint64 coder_id = lectern_annotation_get_coder_id (annotation);
      guint document = GPOINTER_TO_UINT (g_hash_table_lookup (document_index, &document_id));
      LecternMergePassage *copy;
      const gint64 *tag_ids;
      guint n;

      if (i % 256 == 0 && cancelled (cancellable, error))
        return NULL;
      if (document == 0)
        continue;  /* cannot be: a passage belongs to a document */
      /* A damaged file can hold a placed passage outside its text, or
       * ending before it starts: refused, never read past its text. */
      {
        LecternMergeDocument *in = g_ptr_array_index (source->documents, document - 1);
        glong start = lectern_annotation_get_start (annotation);
        glong end = lectern_annotation_get_end (annotation);

        if (lengths[document - 1] < 0)
          lengths[document - 1] = g_utf8_strlen (in->text, -1);
        if (start < 0 || end < start || end > lengths[document - 1])
          {
            g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                         _("“%s” is damaged: a passage of “%s” lies outside its text (%ld–%ld)"),
                         source->name, lectern_document_get_title (in->document), start, end);
            return NULL;
          }
      }

      copy = g_new0 (LecternMergePassage, 1);
      g_ptr_array_add (source->passages, copy);
      copy->document = document - 1;
      copy->start = lectern_annotation_get_start (annotation);
      copy->end = lectern_annotation_get_end (annotation);
      copy->note = g_strdup (lectern_annotation_get_note (annotation));
      copy->author = g_strdup (lectern_annotation_get_author (annotation));
      copy->created = lectern_annotation_get_created (annotation)
                      ? g_date_time_ref (lectern_annotation_get_created (annotation)) : NULL;
      copy->updated = lectern_annotation_get_updated (annotation)
                      ? g_date_time_ref (lectern_annotation_get_updated (annotation)) : NULL;
      copy->coder = GPOINTER_TO_INT (g_hash_table_lookup (coder_index, &coder_id)) - 1;
      tag_ids = lectern_annotation_get_tag_ids (annotation, &n);
      copy->tags = g_new (guint, MAX (n, 1));
      for (guint j = 0; j < n; j++)
        {
          guint tag = GPOINTER_TO_UINT (g_hash_table_lookup (tag_index, &tag_ids[j]));

          if (tag != 0)
            copy->tags[copy->n_tags++] = tag - 1;
        }
      /* Sorted: tag sets compare as arrays. */
      for (guint j = 1; j < copy->n_tags; j++)
        for (guint k = j; k > 0 && copy->tags[k - 1] > copy->tags[k]; k--)
          {
            guint swap = copy->tags[k];

            copy->tags[k] = copy->tags[k - 1];
            copy->tags[k - 1] = swap;
          }
      if (!read_guid (from, LECTERN_GUID_ANNOTATION, lectern_annotation_get_id (annotation), &copy->guid, error))
        return NULL;
      if (job != NULL && i % 256 == 0)
        lectern_job_report (job, i, n_passages, _("Reading passages"));
    }

  deleted = lectern_project_list_deleted_passages (from, LECTERN_MERGE_MAX_PASSAGES, error);
  if (deleted == NULL
      || TOO_MANY (source, deleted->len, LECTERN_MERGE_MAX_PASSAGES,
                   _("“%s” has more deleted passages than a merge reads (%u; at most %u)"), error))
    return NULL;
  for (guint i = 0; i < deleted->len; i++)
    {
      LecternDeletedPassage *tombstone = g_ptr_array_index (deleted, i);
      LecternMergeDeleted *copy = g_new0 (LecternMergeDeleted, 1);

      copy->guid = g_steal_pointer (&tombstone->guid);
      copy->document_guid = g_steal_pointer (&tombstone->document_guid);
      copy->coder = GPOINTER_TO_INT (g_hash_table_lookup (coder_index, &tombstone->coder_id)) - 1;
      copy->updated = g_date_time_ref (tombstone->updated);
      copy->deleted = g_date_time_ref (tombstone->deleted);
      g_ptr_array_add (source->deleted, copy);
    }

  return g_steal_pointer (&source);
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

typedef enum
{
  KIND_UNKNOWN,
  KIND_SQLITE,
  KIND_ZIP,
} FileKind;

static gboolean
sniff (GFile     *other,
       const char *name,
       FileKind   *kind,
       goffset    *size,
       GError    **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 head[16] = { 0 };
  gsize got = 0;

  info = g_file_query_info (other, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                   _("“%s” is not a file: give a Lectern project or a REFI-QDA project (.qdpx)"), name);
      return FALSE;
    }
  *size = g_file_info_get_size (info);
  if (*size > LECTERN_MERGE_MAX_FILE_SIZE)
    {
      g_autofree char *has = g_format_size (*size);
      g_autofree char *most = g_format_size (LECTERN_MERGE_MAX_FILE_SIZE);

      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to merge (%s; at most %s)"), name, has, most);
      return FALSE;
    }

  stream = g_file_read (other, NULL, &local_error);
  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &got, NULL, &local_error))
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (got == 16 && memcmp (head, "SQLite format 3", 16) == 0)
    *kind = KIND_SQLITE;
  else if (got >= 4 && memcmp (head, "PK\003\004", 4) == 0)
    *kind = KIND_ZIP;
  else
    *kind = KIND_UNKNOWN;
  return TRUE;
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, entry, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_folder (path);
      else
        g_unlink (path);
    }
  g_rmdir (folder);
}

/* Passes on @local_error (taken) about the private copy at @copy_path as
 * one about OTHER, @name: the copy's name means nothing to the user. */
static void
name_other (GError     **error,
            GError      *local_error,
            const char  *copy_path,
            const char  *name)
{
  g_autoptr(GError) owned = local_error;
  g_autoptr(GString) message = NULL;

  if (owned->domain != LECTERN_PROJECT_ERROR && strstr (owned->message, copy_path) == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&owned));
      return;
    }
  message = g_string_new (owned->message);
  g_string_replace (message, copy_path, name, 0);
  g_set_error (error, owned->domain, owned->code, _("Could not merge “%s”: %s"), name, message->str);
}

LecternMergeSource *
_lectern_merge_source_read (LecternProject  *project,
                            GFile          *other,
                            LecternJob     *job,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *copy_path = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(LecternProject) from = NULL;
  g_autoptr(GError) local_error = NULL;
  LecternMergeSource *source = NULL;
  FileKind kind;
  goffset size;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (other), NULL);

  name = g_file_get_parse_name (other);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* The project itself: nothing to copy, every item matches. */
  if (g_file_equal (other, lectern_project_get_file (project)))
    return _lectern_merge_source_read_project (project, other, job, cancellable, error);

  /* Open elsewhere in this process (another window): reading it outside
   * SQLite would drop that connection's locks; another connection is
   * safe, and its file was checked when first opened. */
  if (lectern_project_file_is_in_use (other))
    {
      from = lectern_project_open_worker (other, error);
      if (from == NULL)
        return NULL;
      return _lectern_merge_source_read_project (from, other, job, cancellable, error);
    }

  if (!sniff (other, name, &kind, &size, error))
    return NULL;
  if (kind == KIND_UNKNOWN)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                   _("“%s” is neither a Lectern project nor a REFI-QDA project (.qdpx): nothing to merge"),
                   name);
      return NULL;
    }

  folder = g_dir_make_tmp ("lectern-merge-XXXXXX", &local_error);
  if (folder == NULL)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_WRITE,
                   _("Could not make a private copy of “%s” to merge: %s"), name, local_error->message);
      return NULL;
    }
  copy_path = g_build_filename (folder, "other.lectern", NULL);
  copy = g_file_new_for_path (copy_path);

  if (kind == KIND_SQLITE)
    {
      g_autofree char *other_path = g_file_get_path (other);
      g_autofree char *wal_path = other_path ? g_strconcat (other_path, "-wal", NULL) : NULL;

      if (!g_file_copy (other, copy, G_FILE_COPY_NONE, cancellable, NULL, NULL, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto out;
            }
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ,
                       _("Could not read “%s”: %s"), name, local_error->message);
          goto out;
        }
      /* Commits another program has not yet moved into the file itself. */
      if (wal_path != NULL && g_file_test (wal_path, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr(GFile) wal = g_file_new_for_path (wal_path);
          g_autofree char *wal_copy_path = g_strconcat (copy_path, "-wal", NULL);
          g_autoptr(GFile) wal_copy = g_file_new_for_path (wal_copy_path);
          g_autoptr(GFileInfo) info = g_file_query_info (wal, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                         G_FILE_QUERY_INFO_NONE, NULL, NULL);

          if (info != NULL && g_file_info_get_size (info) + size <= LECTERN_MERGE_MAX_FILE_SIZE)
            g_file_copy (wal, wal_copy, G_FILE_COPY_NONE, cancellable, NULL, NULL, NULL);
        }
      from = lectern_project_open_scratch (copy, &local_error);
    }
  else
    from = lectern_qdpx_import (other, copy, NULL, cancellable, &local_error);

  if (from != NULL)
    source = _lectern_merge_source_read_project (from, other, job, cancellable, &local_error);
  if (source == NULL)
    name_other (error, g_steal_pointer (&local_error), copy_path, name);

out:
  g_clear_object (&from);
  remove_folder (folder);
  return source;
}
