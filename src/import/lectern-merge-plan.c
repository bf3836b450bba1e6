/* lectern-merge-plan.c — what a merge adds, matches and flags, worked
 * out against a project, and written into it in one transaction (the
 * rules: lectern-project-merge.h).
 *
 * Planning only reads, on any connection. Applying plans again inside
 * its own transaction, on the connection it writes with, so that what is
 * written fits the project as it is then, and writes through core's
 * calls, which join that one transaction and one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-merge-item-private.h"
#include "lectern-merge-source-private.h"
#include "lectern-project-merge.h"

#define N_KINDS (LECTERN_MERGE_MEMO + 1)
#define N_OUTCOMES (LECTERN_MERGE_CONFLICT + 1)
/* How much of a quote a sentence shows. */
#define QUOTE_SHOWN 40

/* What becomes of one item of OTHER. */
typedef struct
{
  LecternMergeOutcome outcome;
  gint64              target;   /* the matching row here; once applied, the added one */
  gboolean            keep_guid;
  gboolean            note_only;  /* a passage here, only its note differs: theirs appended */
  gboolean            copy;       /* a deletion in OTHER: its tombstone is copied here */
} Decision;

struct _LecternMergePlan
{
  GObject             parent_instance;

  LecternMergeSource *source;
  GListStore         *items;
  guint               counts[N_KINDS][N_OUTCOMES];

  Decision           *coders;
  Decision           *documents;
  Decision           *tags;
  Decision           *passages;
  /* OTHER's deletions: MATCHED with a target is the passage here that
   * the merge deletes too. */
  Decision           *deleted;
  /* Writes no item shows: tombstones copied. */
  guint               n_quiet;
  /* Memos: the project's, then one per document, then one per tag. */
  Decision            project_memo;
  Decision           *document_memos;
  Decision           *tag_memos;
};

G_DEFINE_FINAL_TYPE (LecternMergePlan, lectern_merge_plan, G_TYPE_OBJECT)

static void
clear_decisions (LecternMergePlan *self)
{
  g_clear_pointer (&self->coders, g_free);
  g_clear_pointer (&self->documents, g_free);
  g_clear_pointer (&self->tags, g_free);
  g_clear_pointer (&self->passages, g_free);
  g_clear_pointer (&self->deleted, g_free);
  self->n_quiet = 0;
  g_clear_pointer (&self->document_memos, g_free);
  g_clear_pointer (&self->tag_memos, g_free);
  memset (self->counts, 0, sizeof self->counts);
  g_list_store_remove_all (self->items);
}

static void
lectern_merge_plan_finalize (GObject *object)
{
  LecternMergePlan *self = LECTERN_MERGE_PLAN (object);

  clear_decisions (self);
  g_clear_object (&self->items);
  g_clear_pointer (&self->source, _lectern_merge_source_free);

  G_OBJECT_CLASS (lectern_merge_plan_parent_class)->finalize (object);
}

static void
lectern_merge_plan_class_init (LecternMergePlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_merge_plan_finalize;
}

static void
lectern_merge_plan_init (LecternMergePlan *self)
{
  self->items = g_list_store_new (LECTERN_TYPE_MERGE_ITEM);
}

static void
add_item (LecternMergePlan    *self,
          LecternMergeKind     kind,
          LecternMergeOutcome  outcome,
          char                *description)
{
  g_autoptr(LecternMergeItem) item = _lectern_merge_item_new (kind, outcome, description);

  self->counts[kind][outcome]++;
  g_list_store_append (self->items, item);
}

/* ------------------------------------------------------------------ */
/* This project as it is                                               */

typedef struct
{
  gint64  id;
  char   *note;
  gint64  document_id;
  glong   start;
  glong   end;
  GArray *tags;     /* gint64, ascending */
  char   *coder;    /* GUID, or "" */
  GDateTime *updated;  /* NULL in a damaged file */
  char   *quote;
  char   *title;    /* its document's */
} Placed;

static void
placed_free (gpointer data)
{
  Placed *placed = data;

  g_array_unref (placed->tags);
  g_free (placed->coder);
  g_free (placed->note);
  g_clear_pointer (&placed->updated, g_date_time_unref);
  g_free (placed->quote);
  g_free (placed->title);
  g_free (placed);
}

typedef struct
{
  GHashTable *coder_by_guid;    /* guid → LecternCoder */
  GHashTable *coder_guid_by_id; /* gint64 → guid */
  GHashTable *document_by_hash; /* hash → LecternDocument */
  GHashTable *document_by_guid; /* guid → LecternDocument */
  GHashTable *tag_by_guid;      /* guid → LecternTag */
  GHashTable *tag_by_path;      /* path → LecternTag */
  GHashTable *tag_by_id;        /* gint64 → LecternTag */
  GHashTable *passage_by_guid;  /* guid → Placed */
  GHashTable *passage_keys;     /* key (coder, document, range, tags) → present */
  GHashTable *deleted_by_guid;  /* guid → LecternDeletedPassage: passages deleted here */
} Here;

static void
here_clear (Here *here)
{
  g_clear_pointer (&here->coder_by_guid, g_hash_table_unref);
  g_clear_pointer (&here->coder_guid_by_id, g_hash_table_unref);
  g_clear_pointer (&here->document_by_hash, g_hash_table_unref);
  g_clear_pointer (&here->document_by_guid, g_hash_table_unref);
  g_clear_pointer (&here->tag_by_guid, g_hash_table_unref);
  g_clear_pointer (&here->tag_by_path, g_hash_table_unref);
  g_clear_pointer (&here->tag_by_id, g_hash_table_unref);
  g_clear_pointer (&here->passage_by_guid, g_hash_table_unref);
  g_clear_pointer (&here->passage_keys, g_hash_table_unref);
  g_clear_pointer (&here->deleted_by_guid, g_hash_table_unref);
}

static char *
passage_key (const char   *coder,
             gint64        document_id,
             glong         start,
             glong         end,
             const gint64 *tags,
             guint         n_tags)
{
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%s|%" G_GINT64_FORMAT "|%ld|%ld", coder, document_id, start, end);
  for (guint i = 0; i < n_tags; i++)
    g_string_append_printf (key, "|%" G_GINT64_FORMAT, tags[i]);
  return g_string_free (key, FALSE);
}

static int
compare_id (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static char *
dup_guid_or_null (LecternProject   *project,
                  LecternGuidKind  kind,
                  gint64           id,
                  GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  char *guid = lectern_project_dup_guid (project, kind, id, &local_error);

  if (guid == NULL && !g_error_matches (local_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return guid;
}

static gboolean
read_here (LecternProject  *project,
           Here           *here,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) tags = NULL;
  g_autoptr(GListModel) passages = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GHashTable) title_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  here->coder_by_guid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  here->coder_guid_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  here->document_by_hash = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  here->document_by_guid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  here->tag_by_guid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  here->tag_by_path = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  here->tag_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  here->passage_by_guid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, placed_free);
  here->passage_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  here->deleted_by_guid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify) lectern_deleted_passage_free);

  coders = lectern_project_list_coders (project, error);
  if (coders == NULL)
    return FALSE;
  for (guint i = 0; i < coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (coders, i);

      g_hash_table_insert (here->coder_by_guid, (gpointer) lectern_coder_get_guid (coder), g_object_ref (coder));
      g_hash_table_insert (here->coder_guid_by_id,
                           g_memdup2 (&(gint64) { lectern_coder_get_id (coder) }, sizeof (gint64)),
                           (gpointer) lectern_coder_get_guid (coder));
    }

  documents = lectern_project_list_documents (project, error);
  if (documents == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(LecternDocument) document = g_list_model_get_item (documents, i);
      g_autoptr(GError) local_error = NULL;
      char *guid = dup_guid_or_null (project, LECTERN_GUID_DOCUMENT, lectern_document_get_id (document), &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_hash_table_insert (here->document_by_hash, (gpointer) lectern_document_get_content_hash (document),
                           g_object_ref (document));
      g_hash_table_insert (title_by_id, g_memdup2 (&(gint64) { lectern_document_get_id (document) }, sizeof (gint64)),
                           (gpointer) lectern_document_get_title (document));
      if (guid != NULL)
        g_hash_table_insert (here->document_by_guid, guid, g_object_ref (document));
    }

  tags = lectern_project_list_tags (project, error);
  if (tags == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(LecternTag) tag = g_list_model_get_item (tags, i);
      g_autoptr(GError) local_error = NULL;
      char *guid = dup_guid_or_null (project, LECTERN_GUID_TAG, lectern_tag_get_id (tag), &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_hash_table_insert (here->tag_by_path, (gpointer) lectern_tag_get_path (tag), g_object_ref (tag));
      g_hash_table_insert (here->tag_by_id, g_memdup2 (&(gint64) { lectern_tag_get_id (tag) }, sizeof (gint64)),
                           g_object_ref (tag));
      if (guid != NULL)
        g_hash_table_insert (here->tag_by_guid, guid, g_object_ref (tag));
    }

  passages = lectern_project_list_annotations (project, 0, 0, FALSE, error);
  if (passages == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (passages, i);
      g_autoptr(GError) local_error = NULL;
      gint64 coder_id = lectern_annotation_get_coder_id (annotation);
      const char *coder = g_hash_table_lookup (here->coder_guid_by_id, &coder_id);
      char *guid;
      Placed *placed;
      const gint64 *tag_ids;
      guint n_tags;

      if (i % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      guid = dup_guid_or_null (project, LECTERN_GUID_ANNOTATION, lectern_annotation_get_id (annotation), &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      placed = g_new0 (Placed, 1);
      placed->id = lectern_annotation_get_id (annotation);
      placed->note = g_strdup (lectern_annotation_get_note (annotation));
      placed->document_id = lectern_annotation_get_document_id (annotation);
      placed->start = lectern_annotation_get_start (annotation);
      placed->end = lectern_annotation_get_end (annotation);
      placed->coder = g_strdup (coder ? coder : "");
      placed->updated = lectern_annotation_get_updated (annotation)
                        ? g_date_time_ref (lectern_annotation_get_updated (annotation)) : NULL;
      placed->quote = g_strdup (lectern_annotation_get_quote (annotation));
      placed->title = g_strdup (g_hash_table_lookup (title_by_id, &placed->document_id));
      placed->tags = g_array_new (FALSE, FALSE, sizeof (gint64));
      tag_ids = lectern_annotation_get_tag_ids (annotation, &n_tags);
      g_array_append_vals (placed->tags, tag_ids, n_tags);
      g_array_sort (placed->tags, compare_id);
      g_hash_table_add (here->passage_keys,
                        passage_key (placed->coder, placed->document_id, placed->start, placed->end,
                                     (const gint64 *) placed->tags->data, placed->tags->len));
      if (guid != NULL)
        g_hash_table_insert (here->passage_by_guid, guid, placed);
      else
        placed_free (placed);
    }

  /* Read whole: this project's own file, not bounded. */
  deleted = lectern_project_list_deleted_passages (project, G_MAXUINT - 1, error);
  if (deleted == NULL)
    return FALSE;
  for (guint i = 0; i < deleted->len; i++)
    {
      LecternDeletedPassage *tombstone = g_ptr_array_index (deleted, i);

      g_hash_table_replace (here->deleted_by_guid, tombstone->guid, tombstone);
    }
  g_ptr_array_set_free_func (deleted, NULL);

  return TRUE;
}

/* Whether a passage's last change is the one its tombstone recorded:
 * unchanged since the state that was deleted. */
static gboolean
same_stamp (GDateTime *updated,
            GDateTime *deleted_at)
{
  return updated != NULL && deleted_at != NULL && g_date_time_equal (updated, deleted_at);
}

/* ------------------------------------------------------------------ */
/* Planning                                                            */

static char *
shorten (const char *text)
{
  g_autofree char *flat = g_strdup (text);

  g_strdelimit (flat, "\n\t\r", ' ');
  if (g_utf8_strlen (flat, -1) <= QUOTE_SHOWN)
    return g_steal_pointer (&flat);
  return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (flat, QUOTE_SHOWN) - flat), flat);
}

static const char *
coder_name (LecternMergeSource *source,
            int                 coder)
{
  return coder >= 0 ? lectern_coder_name_for_display (((LecternMergeCoder *) g_ptr_array_index (source->coders, coder))->name)
                    : lectern_coder_name_for_display ("");
}

/* The title an added document in conflict takes. (transfer full) */
static char *
conflict_title (LecternMergeSource   *source,
                LecternMergeDocument *document)
{
  g_autofree char *base = g_path_get_basename (source->name);

  /* TRANSLATORS: a document's title, then the file merged in. */
  return g_strdup_printf (_("%s (from %s)"), lectern_document_get_title (document->document), base);
}

static void
plan_coders (LecternMergePlan *self,
             Here             *here)
{
  LecternMergeSource *source = self->source;

  self->coders = g_new0 (Decision, MAX (source->coders->len, 1));
  for (guint i = 0; i < source->coders->len; i++)
    {
      LecternMergeCoder *coder = g_ptr_array_index (source->coders, i);
      LecternCoder *mine = g_hash_table_lookup (here->coder_by_guid, coder->guid);
      const char *name = lectern_coder_name_for_display (coder->name);

      if (mine == NULL)
        {
          self->coders[i].outcome = LECTERN_MERGE_ADDED;
          add_item (self, LECTERN_MERGE_CODER, LECTERN_MERGE_ADDED,
                    g_strdup_printf (_("Coder “%s” is added"), name));
          continue;
        }
      self->coders[i].target = lectern_coder_get_id (mine);
      if (g_strcmp0 (lectern_coder_get_name (mine), coder->name) == 0)
        {
          self->coders[i].outcome = LECTERN_MERGE_MATCHED;
          add_item (self, LECTERN_MERGE_CODER, LECTERN_MERGE_MATCHED,
                    g_strdup_printf (_("Coder “%s” is already here"), name));
        }
      else
        {
          self->coders[i].outcome = LECTERN_MERGE_CONFLICT;
          add_item (self, LECTERN_MERGE_CODER, LECTERN_MERGE_CONFLICT,
                    g_strdup_printf (_("Coder “%s” is named “%s” in %s: the name here is kept"),
                                     lectern_coder_get_display_name (mine), name, source->name));
        }
    }
}

static void
plan_documents (LecternMergePlan *self,
                Here             *here)
{
  LecternMergeSource *source = self->source;

  self->documents = g_new0 (Decision, MAX (source->documents->len, 1));
  for (guint i = 0; i < source->documents->len; i++)
    {
      LecternMergeDocument *document = g_ptr_array_index (source->documents, i);
      const char *title = lectern_document_get_title (document->document);
      LecternDocument *mine = g_hash_table_lookup (here->document_by_hash,
                                                   lectern_document_get_content_hash (document->document));
      LecternDocument *namesake = document->guid ? g_hash_table_lookup (here->document_by_guid, document->guid) : NULL;

      if (mine != NULL)
        {
          self->documents[i].outcome = LECTERN_MERGE_MATCHED;
          self->documents[i].target = lectern_document_get_id (mine);
          add_item (self, LECTERN_MERGE_DOCUMENT, LECTERN_MERGE_MATCHED,
                    g_strdup_printf (_("Document “%s” is already here"), title));
        }
      else if (namesake != NULL)
        {
          g_autofree char *new_title = conflict_title (source, document);

          self->documents[i].outcome = LECTERN_MERGE_CONFLICT;
          add_item (self, LECTERN_MERGE_DOCUMENT, LECTERN_MERGE_CONFLICT,
                    g_strdup_printf (_("Document “%s” has another text in %s: it is added as “%s”, and both are kept"),
                                     lectern_document_get_title (namesake), source->name, new_title));
        }
      else
        {
          self->documents[i].outcome = LECTERN_MERGE_ADDED;
          self->documents[i].keep_guid = document->guid != NULL;
          add_item (self, LECTERN_MERGE_DOCUMENT, LECTERN_MERGE_ADDED,
                    g_strdup_printf (_("Document “%s” is added"), title));
        }
    }
}

/* The path here of OTHER's tag @i, once its parent is placed. */
static char *
path_here (LecternMergePlan *self,
           Here             *here,
           guint             i,
           GHashTable       *added_paths)
{
  LecternMergeTag *tag = g_ptr_array_index (self->source->tags, i);
  g_autofree char *escaped = NULL;
  const char *parent_path;

  if (tag->parent < 0)
    return g_strdup (tag->path);

  {
    Decision *parent = &self->tags[tag->parent];
    gint64 parent_id = parent->target;
    LecternTag *mine = parent->outcome != LECTERN_MERGE_ADDED ? g_hash_table_lookup (here->tag_by_id, &parent_id) : NULL;

    parent_path = mine != NULL ? lectern_tag_get_path (mine)
                               : g_hash_table_lookup (added_paths, GUINT_TO_POINTER (tag->parent + 1));
  }
  if (parent_path == NULL)
    return g_strdup (tag->path);
  escaped = lectern_tag_name_escape (tag->name);
  return g_strconcat (parent_path, "/", escaped, NULL);
}

static void
plan_tags (LecternMergePlan *self,
           Here             *here)
{
  LecternMergeSource *source = self->source;
  g_autoptr(GHashTable) added_paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) added_by_path = g_hash_table_new (g_str_hash, g_str_equal);

  self->tags = g_new0 (Decision, MAX (source->tags->len, 1));
  for (guint i = 0; i < source->tags->len; i++)
    {
      LecternMergeTag *tag = g_ptr_array_index (source->tags, i);
      LecternTag *mine = tag->guid ? g_hash_table_lookup (here->tag_by_guid, tag->guid) : NULL;
      g_autofree char *path = NULL;

      if (mine != NULL)
        {
          gint64 parent_here = lectern_tag_get_parent_id (mine);
          gint64 parent_there = tag->parent < 0 ? 0
                                : self->tags[tag->parent].outcome == LECTERN_MERGE_ADDED ? -1
                                : self->tags[tag->parent].target;

          self->tags[i].target = lectern_tag_get_id (mine);
          if (g_strcmp0 (lectern_tag_get_name (mine), tag->name) == 0
              && g_strcmp0 (lectern_tag_get_colour (mine), tag->colour) == 0
              && parent_here == parent_there)
            {
              self->tags[i].outcome = LECTERN_MERGE_MATCHED;
              add_item (self, LECTERN_MERGE_TAG, LECTERN_MERGE_MATCHED,
                        g_strdup_printf (_("Tag “%s” is already here"), lectern_tag_get_path (mine)));
            }
          else
            {
              self->tags[i].outcome = LECTERN_MERGE_CONFLICT;
              add_item (self, LECTERN_MERGE_TAG, LECTERN_MERGE_CONFLICT,
                        g_strdup_printf (_("Tag “%s” (%s) is “%s” (%s) in %s: it is kept as it is here, "
                                           "their passages are tagged with it and its memo notes the other name"),
                                         lectern_tag_get_path (mine), lectern_tag_get_colour (mine),
                                         tag->path, tag->colour, source->name));
            }
          continue;
        }

      path = path_here (self, here, i, added_paths);
      mine = g_hash_table_lookup (here->tag_by_path, path);
      if (mine != NULL)
        {
          self->tags[i].outcome = LECTERN_MERGE_MATCHED;
          self->tags[i].target = lectern_tag_get_id (mine);
          add_item (self, LECTERN_MERGE_TAG, LECTERN_MERGE_MATCHED,
                    g_strdup_printf (_("Tag “%s” is already here"), path));
        }
      else if (g_hash_table_contains (added_by_path, path))
        {
          /* Two of OTHER's tags at one path here: they become one. */
          guint first = GPOINTER_TO_UINT (g_hash_table_lookup (added_by_path, path));

          self->tags[i] = self->tags[first];
          self->tags[i].keep_guid = FALSE;
          self->tags[i].target = -(gint64) first - 1;
          self->tags[i].outcome = LECTERN_MERGE_MATCHED;
          add_item (self, LECTERN_MERGE_TAG, LECTERN_MERGE_MATCHED,
                    g_strdup_printf (_("Tag “%s” is already here"), path));
        }
      else
        {
          self->tags[i].outcome = LECTERN_MERGE_ADDED;
          self->tags[i].keep_guid = tag->guid != NULL;
          g_hash_table_insert (added_paths, GUINT_TO_POINTER (i + 1), g_strdup (path));
          g_hash_table_insert (added_by_path, g_hash_table_lookup (added_paths, GUINT_TO_POINTER (i + 1)),
                               GUINT_TO_POINTER (i));
          add_item (self, LECTERN_MERGE_TAG, LECTERN_MERGE_ADDED,
                    g_strdup_printf (_("Tag “%s” is added"), path));
        }
    }
}

/* The tag here that OTHER's tag @i is, once applied; 0 before. */
static gint64
tag_here (LecternMergePlan *self,
          guint             i)
{
  gint64 target = self->tags[i].target;

  if (target < 0)
    target = self->tags[-target - 1].target;
  return target;
}

static void
plan_passages (LecternMergePlan *self,
               Here             *here)
{
  LecternMergeSource *source = self->source;
  g_autoptr(GHashTable) planned_guids = g_hash_table_new (g_str_hash, g_str_equal);

  self->passages = g_new0 (Decision, MAX (source->passages->len, 1));
  for (guint i = 0; i < source->passages->len; i++)
    {
      LecternMergePassage *passage = g_ptr_array_index (source->passages, i);
      LecternMergeDocument *document = g_ptr_array_index (source->documents, passage->document);
      Decision *in = &self->documents[passage->document];
      const char *coder = passage->coder >= 0
                          ? ((LecternMergeCoder *) g_ptr_array_index (source->coders, passage->coder))->guid : "";
      g_autofree char *quote = g_utf8_substring (document->text, passage->start, passage->end);
      g_autofree char *shown = shorten (quote);
      const char *title = lectern_document_get_title (document->document);
      Placed *same = passage->guid ? g_hash_table_lookup (here->passage_by_guid, passage->guid) : NULL;
      g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *key = NULL;
      gboolean tags_known = TRUE;

      for (guint j = 0; j < passage->n_tags; j++)
        {
          gint64 id = tag_here (self, passage->tags[j]);

          /* A tag not here yet: no passage here can carry it. */
          if (id <= 0)
            tags_known = FALSE;
          g_array_append_val (tags, id);
        }
      g_array_sort (tags, compare_id);

      if (same == NULL && passage->guid != NULL && in->outcome == LECTERN_MERGE_MATCHED
          && !g_hash_table_contains (planned_guids, passage->guid))
        {
          LecternDeletedPassage *gone = g_hash_table_lookup (here->deleted_by_guid, passage->guid);

          if (gone != NULL && same_stamp (passage->updated, gone->updated))
            {
              /* Deleted here as it still is there: the deletion stands. */
              self->passages[i].outcome = LECTERN_MERGE_MATCHED;
              add_item (self, LECTERN_MERGE_PASSAGE, LECTERN_MERGE_MATCHED,
                        g_strdup_printf (_("Passage “%s” in “%s” was deleted here and is unchanged in %s: "
                                           "it stays deleted"),
                                         shown, title, source->name));
              continue;
            }
          if (gone != NULL)
            {
              /* Edited there after it was deleted here: kept, under its GUID,
               * which lifts the deletion. */
              self->passages[i].outcome = LECTERN_MERGE_CONFLICT;
              self->passages[i].keep_guid = TRUE;
              g_hash_table_add (planned_guids, passage->guid);
              add_item (self, LECTERN_MERGE_PASSAGE, LECTERN_MERGE_CONFLICT,
                        g_strdup_printf (_("Passage “%s” in “%s” by %s was deleted here and edited in %s "
                                           "since: it is kept"),
                                         shown, title, coder_name (source, passage->coder), source->name));
              continue;
            }
        }

      if (in->outcome == LECTERN_MERGE_MATCHED && tags_known)
        {
          key = passage_key (coder, in->target, passage->start, passage->end,
                             (const gint64 *) tags->data, tags->len);
          if (same != NULL && same->document_id == in->target && same->start == passage->start
              && same->end == passage->end && same->tags->len == tags->len
              /* An untagged passage's arrays may have no data at all. */
              && (tags->len == 0 || memcmp (same->tags->data, tags->data, tags->len * sizeof (gint64)) == 0))
            {
              if (passage->note != NULL && *passage->note != '\0'
                  && (same->note == NULL || strstr (same->note, passage->note) == NULL))
                {
                  /* The same passage, its note edited apart. */
                  self->passages[i].outcome = LECTERN_MERGE_CONFLICT;
                  self->passages[i].note_only = TRUE;
                  self->passages[i].target = same->id;
                  add_item (self, LECTERN_MERGE_PASSAGE, LECTERN_MERGE_CONFLICT,
                            g_strdup_printf (_("The note on passage “%s” in “%s” differs in %s: both are kept, "
                                               "theirs after this one"),
                                             shown, title, source->name));
                  continue;
                }
              self->passages[i].outcome = LECTERN_MERGE_MATCHED;
              add_item (self, LECTERN_MERGE_PASSAGE, LECTERN_MERGE_MATCHED,
                        g_strdup_printf (_("Passage “%s” in “%s” is already here"), shown, title));
              continue;
            }
          if (same == NULL && g_hash_table_contains (here->passage_keys, key))
            {
              self->passages[i].outcome = LECTERN_MERGE_MATCHED;
              add_item (self, LECTERN_MERGE_PASSAGE, LECTERN_MERGE_MATCHED,
                        g_strdup_printf (_("Passage “%s” in “%s” by %s is already here"),
                                         shown, title, coder_name (source, passage->coder)));
              continue;
            }
        }

      if (same != NULL && in->outcome == LECTERN_MERGE_MATCHED)
        {
          /* One passage, placed or tagged differently on the two sides. */
          self->passages[i].outcome = LECTERN_MERGE_CONFLICT;
          add_item (self, LECTERN_MERGE_PASSAGE, LECTERN_MERGE_CONFLICT,
                    g_strdup_printf (_("Passage “%s” in “%s” by %s is placed or tagged otherwise in %s: "
                                       "both are kept"),
                                     shown, title, coder_name (source, passage->coder), source->name));
          continue;
        }

      self->passages[i].outcome = LECTERN_MERGE_ADDED;
      self->passages[i].keep_guid = passage->guid != NULL && same == NULL
                                    && !g_hash_table_contains (planned_guids, passage->guid);
      if (self->passages[i].keep_guid)
        g_hash_table_add (planned_guids, passage->guid);
      add_item (self, LECTERN_MERGE_PASSAGE, LECTERN_MERGE_ADDED,
                g_strdup_printf (_("Passage “%s” in “%s” by %s is added"),
                                 shown, title, coder_name (source, passage->coder)));
    }
}

/* OTHER's deletions. A passage here that OTHER deleted as it still is
 * here is deleted here too; one edited here since is kept (a conflict).
 * A deletion not known here is copied, so that a later merge with a
 * third copy that still has the passage sees it. */
static void
plan_deleted (LecternMergePlan *self,
              Here             *here)
{
  LecternMergeSource *source = self->source;
  g_autoptr(GHashTable) live_there = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < source->passages->len; i++)
    {
      LecternMergePassage *passage = g_ptr_array_index (source->passages, i);

      if (passage->guid != NULL)
        g_hash_table_add (live_there, passage->guid);
    }

  self->deleted = g_new0 (Decision, MAX (source->deleted->len, 1));
  for (guint i = 0; i < source->deleted->len; i++)
    {
      LecternMergeDeleted *gone = g_ptr_array_index (source->deleted, i);
      Placed *mine = g_hash_table_lookup (here->passage_by_guid, gone->guid);
      Decision *decision = &self->deleted[i];

      decision->outcome = LECTERN_MERGE_MATCHED;
      /* A damaged OTHER with the passage alive as well: its passage decides. */
      if (g_hash_table_contains (live_there, gone->guid))
        continue;
      if (mine == NULL)
        {
          decision->copy = !g_hash_table_contains (here->deleted_by_guid, gone->guid);
          self->n_quiet += decision->copy;
          continue;
        }

      {
        g_autofree char *shown = shorten (mine->quote ? mine->quote : "");
        const char *title = mine->title ? mine->title : "";

        if (same_stamp (mine->updated, gone->updated))
          {
            decision->target = mine->id;
            add_item (self, LECTERN_MERGE_PASSAGE, LECTERN_MERGE_MATCHED,
                      g_strdup_printf (_("Passage “%s” in “%s” was deleted in %s: it is deleted here too"),
                                       shown, title, source->name));
          }
        else
          {
            decision->outcome = LECTERN_MERGE_CONFLICT;
            add_item (self, LECTERN_MERGE_PASSAGE, LECTERN_MERGE_CONFLICT,
                      g_strdup_printf (_("Passage “%s” in “%s” was deleted in %s and edited here since: "
                                         "it is kept"),
                                       shown, title, source->name));
          }
      }
    }
}

/* Memos: the other's text, compared with the one here (@mine may be NULL). */
static void
plan_memo (LecternMergePlan *self,
           Decision         *decision,
           const char       *theirs,
           const char       *mine,
           const char       *on)
{
  if (theirs == NULL || *theirs == '\0')
    {
      decision->outcome = LECTERN_MERGE_MATCHED;
      decision->target = -1;   /* nothing to do, and no item */
      return;
    }
  decision->target = 0;
  if (mine == NULL || *mine == '\0')
    {
      decision->outcome = LECTERN_MERGE_ADDED;
      add_item (self, LECTERN_MERGE_MEMO, LECTERN_MERGE_ADDED,
                g_strdup_printf (_("The memo on %s is added"), on));
    }
  else if (strstr (mine, theirs) != NULL)
    {
      /* The same, or appended by an earlier merge. */
      decision->outcome = LECTERN_MERGE_MATCHED;
      add_item (self, LECTERN_MERGE_MEMO, LECTERN_MERGE_MATCHED,
                g_strdup_printf (_("The memo on %s is already here"), on));
    }
  else
    {
      decision->outcome = LECTERN_MERGE_CONFLICT;
      add_item (self, LECTERN_MERGE_MEMO, LECTERN_MERGE_CONFLICT,
                g_strdup_printf (_("The memo on %s differs in %s: both are kept, theirs after this one"),
                                 on, self->source->name));
    }
}

static gboolean
plan_memos (LecternMergePlan *self,
            LecternProject   *project,
            GError          **error)
{
  LecternMergeSource *source = self->source;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *mine = NULL;

  mine = lectern_project_dup_memo (project, LECTERN_MEMO_PROJECT, 0, &local_error);
  if (local_error != NULL)
    goto fail;
  plan_memo (self, &self->project_memo, source->memo, mine, _("the project"));

  self->document_memos = g_new0 (Decision, MAX (source->documents->len, 1));
  for (guint i = 0; i < source->documents->len; i++)
    {
      LecternMergeDocument *document = g_ptr_array_index (source->documents, i);
      g_autofree char *here = NULL;
      g_autofree char *on = g_strdup_printf (_("document “%s”"), lectern_document_get_title (document->document));

      if (self->documents[i].outcome == LECTERN_MERGE_MATCHED)
        {
          here = lectern_project_dup_memo (project, LECTERN_MEMO_DOCUMENT, self->documents[i].target, &local_error);
          if (local_error != NULL)
            goto fail;
        }
      plan_memo (self, &self->document_memos[i], document->memo, here, on);
    }

  self->tag_memos = g_new0 (Decision, MAX (source->tags->len, 1));
  for (guint i = 0; i < source->tags->len; i++)
    {
      LecternMergeTag *tag = g_ptr_array_index (source->tags, i);
      g_autofree char *here = NULL;
      g_autofree char *on = g_strdup_printf (_("tag “%s”"), tag->path);

      if (self->tags[i].outcome != LECTERN_MERGE_ADDED && tag_here (self, i) > 0)
        {
          here = lectern_project_dup_memo (project, LECTERN_MEMO_TAG, tag_here (self, i), &local_error);
          if (local_error != NULL)
            goto fail;
        }
      plan_memo (self, &self->tag_memos[i], tag->memo, here, on);
    }
  return TRUE;

fail:
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
plan (LecternMergePlan *self,
      LecternProject   *project,
      GCancellable     *cancellable,
      GError          **error)
{
  Here here = { 0 };
  gboolean ok;

  clear_decisions (self);
  ok = read_here (project, &here, cancellable, error);
  if (ok)
    {
      plan_coders (self, &here);
      plan_documents (self, &here);
      plan_tags (self, &here);
      plan_passages (self, &here);
      plan_deleted (self, &here);
      ok = plan_memos (self, project, error);
    }
  here_clear (&here);
  return ok;
}

LecternMergePlan *
lectern_merge_plan_new (LecternProject  *project,
                        GFile          *other,
                        LecternJob     *job,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(LecternMergePlan) self = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (other), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LECTERN_TYPE_MERGE_PLAN, NULL);
  self->source = _lectern_merge_source_read (project, other, job, cancellable, error);
  if (self->source == NULL || !plan (self, project, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

LecternMergePlan *
_lectern_merge_plan_new_for_source (LecternProject      *project,
                                    LecternMergeSource  *source,
                                    GError             **error)
{
  g_autoptr(LecternMergePlan) self = g_object_new (LECTERN_TYPE_MERGE_PLAN, NULL);

  self->source = source;
  if (!plan (self, project, NULL, error))
    return NULL;
  return g_steal_pointer (&self);
}

static gpointer
plan_job (LecternJob      *job,
          LecternProject  *project,
          gpointer        data,
          GCancellable   *cancellable,
          GError        **error)
{
  return lectern_merge_plan_new (project, data, job, cancellable, error);
}

void
lectern_merge_plan_new_async (GFile                 *project_file,
                              GFile                 *other,
                              LecternJobProgressFunc progress,
                              gpointer              progress_data,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_autoptr(LecternJob) job = NULL;

  g_return_if_fail (G_IS_FILE (project_file));
  g_return_if_fail (G_IS_FILE (other));

  job = lectern_job_new (project_file, plan_job, g_object_ref (other), g_object_unref, g_object_unref);
  if (progress != NULL)
    lectern_job_set_progress (job, progress, progress_data);
  lectern_job_run_async (job, lectern_merge_plan_new_async, cancellable, callback, user_data);
}

LecternMergePlan *
lectern_merge_plan_new_finish (GAsyncResult  *result,
                               GError       **error)
{
  return lectern_job_propagate (result, lectern_merge_plan_new_async, error);
}

GFile *
lectern_merge_plan_get_other (LecternMergePlan *self)
{
  g_return_val_if_fail (LECTERN_IS_MERGE_PLAN (self), NULL);
  return self->source->file;
}

guint
lectern_merge_plan_count (LecternMergePlan    *self,
                          LecternMergeKind     kind,
                          LecternMergeOutcome  outcome)
{
  g_return_val_if_fail (LECTERN_IS_MERGE_PLAN (self), 0);
  g_return_val_if_fail (kind < N_KINDS && outcome < N_OUTCOMES, 0);
  return self->counts[kind][outcome];
}

guint
lectern_merge_plan_get_n_added (LecternMergePlan *self,
                                LecternMergeKind  kind)
{
  return lectern_merge_plan_count (self, kind, LECTERN_MERGE_ADDED);
}

static guint
total (LecternMergePlan    *self,
       LecternMergeOutcome  outcome)
{
  guint n = 0;

  g_return_val_if_fail (LECTERN_IS_MERGE_PLAN (self), 0);
  for (guint kind = 0; kind < N_KINDS; kind++)
    n += self->counts[kind][outcome];
  return n;
}

guint
lectern_merge_plan_get_n_matched (LecternMergePlan *self)
{
  return total (self, LECTERN_MERGE_MATCHED);
}

guint
lectern_merge_plan_get_n_conflicts (LecternMergePlan *self)
{
  return total (self, LECTERN_MERGE_CONFLICT);
}

GListModel *
lectern_merge_plan_get_items (LecternMergePlan *self)
{
  g_return_val_if_fail (LECTERN_IS_MERGE_PLAN (self), NULL);
  return G_LIST_MODEL (self->items);
}

gboolean
lectern_merge_plan_is_empty (LecternMergePlan *self)
{
  g_return_val_if_fail (LECTERN_IS_MERGE_PLAN (self), TRUE);
  if (self->n_quiet > 0)
    return FALSE;
  for (guint i = 0; i < self->source->deleted->len; i++)
    if (self->deleted[i].target != 0)
      return FALSE;
  return total (self, LECTERN_MERGE_ADDED) == 0 && total (self, LECTERN_MERGE_CONFLICT) == 0;
}

/* ------------------------------------------------------------------ */
/* Applying                                                            */

static gint64
coder_here (LecternMergePlan *self,
            int               coder)
{
  return coder >= 0 ? self->coders[coder].target : 0;
}

/* @mine, then the other's @theirs under a line naming OTHER and @coder.
 * (transfer full) */
static char *
append_theirs (LecternMergePlan *self,
               const char       *mine,
               int               coder,
               const char       *theirs)
{
  /* TRANSLATORS: heads the other's memo appended to this one's:
   * the file merged in, then its author. */
  return g_strdup_printf (_("%s\n\n— From %s, by %s:\n%s"), mine ? mine : "",
                          self->source->name, coder_name (self->source, coder), theirs);
}

static gboolean
apply_memo (LecternMergePlan   *self,
            LecternProject     *project,
            Decision           *decision,
            LecternMemoTarget   target,
            gint64              id,
            const char         *theirs,
            int                 coder,
            GError            **error)
{
  g_autofree char *mine = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GError) local_error = NULL;

  if (decision->outcome == LECTERN_MERGE_ADDED)
    return lectern_project_set_memo_as (project, target, id, theirs, coder_here (self, coder), error);
  if (decision->outcome != LECTERN_MERGE_CONFLICT)
    return TRUE;

  mine = lectern_project_dup_memo (project, target, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  joined = append_theirs (self, mine, coder, theirs);
  /* Ours stays ours: the memo keeps the coder it had. */
  return lectern_project_set_memo_as (project, target, id, joined,
                                      lectern_project_get_memo_coder_id (project, target, id, NULL), error);
}

/* A tag in conflict keeps its name here; the other's name and colour
 * are kept too, in its memo, where a person sees them and can act. */
static gboolean
note_other_name (LecternMergePlan  *self,
                 LecternProject    *project,
                 gint64             tag_id,
                 LecternMergeTag   *tag,
                 GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *mine = lectern_project_dup_memo (project, LECTERN_MEMO_TAG, tag_id, &local_error);
  g_autofree char *line = NULL;
  g_autofree char *joined = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* TRANSLATORS: the file merged in, the tag's path there, its colour. */
  line = g_strdup_printf (_("In %s this tag is “%s” (%s)."), self->source->name, tag->path, tag->colour);
  if (mine != NULL && strstr (mine, line) != NULL)
    return TRUE;
  joined = mine != NULL && *mine != '\0' ? g_strconcat (mine, "\n\n", line, NULL) : g_strdup (line);
  return lectern_project_set_memo_as (project, LECTERN_MEMO_TAG, tag_id, joined,
                                      lectern_project_get_memo_coder_id (project, LECTERN_MEMO_TAG, tag_id, NULL),
                                      error);
}

static gboolean
apply_all (LecternMergePlan  *self,
           LecternProject    *project,
           GError           **error)
{
  LecternMergeSource *source = self->source;

  for (guint i = 0; i < source->coders->len; i++)
    if (self->coders[i].outcome == LECTERN_MERGE_ADDED)
      {
        LecternMergeCoder *coder = g_ptr_array_index (source->coders, i);

        self->coders[i].target = lectern_project_ensure_coder (project, coder->guid,
                                                               *coder->name ? coder->name
                                                                            : lectern_coder_name_for_display (""),
                                                               error);
        if (self->coders[i].target == 0)
          return FALSE;
      }

  for (guint i = 0; i < source->documents->len; i++)
    {
      LecternMergeDocument *document = g_ptr_array_index (source->documents, i);
      LecternDocument *theirs = document->document;
      g_autoptr(LecternDocument) copy = NULL;
      GHashTableIter iter;
      gpointer key, value;

      if (self->documents[i].outcome == LECTERN_MERGE_MATCHED)
        continue;
      copy = lectern_document_new ();
      if (self->documents[i].outcome == LECTERN_MERGE_CONFLICT)
        {
          g_autofree char *title = conflict_title (source, document);

          lectern_document_set_title (copy, title);
        }
      else
        lectern_document_set_title (copy, lectern_document_get_title (theirs));
      lectern_document_set_source (copy, lectern_document_get_source (theirs));
      lectern_document_set_author (copy, lectern_document_get_author (theirs));
      lectern_document_set_date (copy, lectern_document_get_date (theirs));
      lectern_document_set_language (copy, lectern_document_get_language (theirs));
      lectern_document_set_original_name (copy, lectern_document_get_original_name (theirs));
      lectern_document_set_encoding (copy, lectern_document_get_encoding (theirs));
      g_hash_table_iter_init (&iter, lectern_document_get_variables (theirs));
      while (g_hash_table_iter_next (&iter, &key, &value))
        lectern_document_set_variable (copy, key, value);

      self->documents[i].target = lectern_project_add_document (project, copy, document->text, error);
      if (self->documents[i].target == 0
          || (self->documents[i].keep_guid
              && !lectern_project_set_guid (project, LECTERN_GUID_DOCUMENT, self->documents[i].target,
                                            document->guid, error)))
        return FALSE;
    }

  for (guint i = 0; i < source->tags->len; i++)
    {
      LecternMergeTag *tag = g_ptr_array_index (source->tags, i);
      g_autoptr(LecternTag) made = NULL;

      if (self->tags[i].outcome != LECTERN_MERGE_ADDED)
        continue;
      made = lectern_project_add_tag (project, tag->parent < 0 ? 0 : tag_here (self, tag->parent),
                                      tag->name, tag->colour, error);
      if (made == NULL)
        return FALSE;
      self->tags[i].target = lectern_tag_get_id (made);
      if ((tag->description != NULL && *tag->description != '\0'
           && !lectern_project_set_tag_description (project, self->tags[i].target, tag->description, error))
          || (self->tags[i].keep_guid
              && !lectern_project_set_guid (project, LECTERN_GUID_TAG, self->tags[i].target, tag->guid, error)))
        return FALSE;
    }

  for (guint i = 0; i < source->passages->len; i++)
    {
      LecternMergePassage *passage = g_ptr_array_index (source->passages, i);
      g_autofree gint64 *tags = NULL;

      if (self->passages[i].outcome == LECTERN_MERGE_MATCHED)
        continue;
      if (self->passages[i].note_only)
        {
          g_autoptr(LecternAnnotation) mine = lectern_project_dup_annotation (project, self->passages[i].target, error);
          g_autofree char *joined = NULL;

          if (mine == NULL)
            return FALSE;
          joined = append_theirs (self, lectern_annotation_get_note (mine), passage->coder, passage->note);
          if (!lectern_project_set_annotation_note (project, self->passages[i].target, joined, error))
            return FALSE;
          continue;
        }
      tags = g_new (gint64, MAX (passage->n_tags, 1));
      for (guint j = 0; j < passage->n_tags; j++)
        tags[j] = tag_here (self, passage->tags[j]);
      /* A tag may appear twice once two of OTHER's became one here. */
      {
        guint n = 0;

        for (guint j = 0; j < passage->n_tags; j++)
          {
            gboolean seen = FALSE;

            for (guint k = 0; k < n && !seen; k++)
              seen = tags[k] == tags[j];
            if (!seen)
              tags[n++] = tags[j];
          }
        if (lectern_project_insert_annotation_as (project, self->documents[passage->document].target,
                                                  passage->start, passage->end, tags, n, passage->note,
                                                  passage->author, passage->created, passage->updated,
                                                  coder_here (self, passage->coder),
                                                  self->passages[i].keep_guid ? passage->guid : NULL,
                                                  error) == 0)
          return FALSE;
      }
    }

  for (guint i = 0; i < source->deleted->len; i++)
    {
      LecternMergeDeleted *gone = g_ptr_array_index (source->deleted, i);

      /* Deleting writes the tombstone here, with the same stamp. */
      if (self->deleted[i].target != 0
          && !lectern_project_delete_annotation (project, self->deleted[i].target, error))
        return FALSE;
      if (self->deleted[i].copy)
        {
          LecternDeletedPassage copy = {
            .guid = gone->guid,
            .document_guid = gone->document_guid,
            .coder_id = coder_here (self, gone->coder),
            .updated = gone->updated,
            .deleted = gone->deleted,
          };

          if (!lectern_project_add_deleted_passage (project, &copy, error))
            return FALSE;
        }
    }

  if (!apply_memo (self, project, &self->project_memo, LECTERN_MEMO_PROJECT, 0, source->memo,
                   source->memo_coder, error))
    return FALSE;
  for (guint i = 0; i < source->documents->len; i++)
    {
      LecternMergeDocument *document = g_ptr_array_index (source->documents, i);

      if (!apply_memo (self, project, &self->document_memos[i], LECTERN_MEMO_DOCUMENT,
                       self->documents[i].target, document->memo, document->memo_coder, error))
        return FALSE;
    }
  for (guint i = 0; i < source->tags->len; i++)
    {
      LecternMergeTag *tag = g_ptr_array_index (source->tags, i);

      if (!apply_memo (self, project, &self->tag_memos[i], LECTERN_MEMO_TAG,
                       tag_here (self, i), tag->memo, tag->memo_coder, error))
        return FALSE;
      if (self->tags[i].outcome == LECTERN_MERGE_CONFLICT
          && !note_other_name (self, project, tag_here (self, i), tag, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
lectern_merge_plan_apply (LecternMergePlan  *self,
                          LecternProject    *project,
                          GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LECTERN_IS_MERGE_PLAN (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lectern_project_begin_group (project, error))
    return FALSE;
  lectern_project_name_group (project, _("Merge Project"));

  if (!plan (self, project, NULL, &local_error) || !apply_all (self, project, &local_error))
    {
      lectern_project_end_group (project, FALSE, NULL);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not merge “%s”, nothing was changed: "), self->source->name);
      return FALSE;
    }
  if (!lectern_project_end_group (project, TRUE, error))
    return FALSE;

  /* Derived data, outside the merge's step: as importers do. */
  lectern_project_update_fingerprints (project, NULL, NULL);
  return TRUE;
}
