/* test-project-merge.c — merging another copy's work (issue #15): two
 * copies edited apart, merged both ways with every passage accounted
 * for; a renamed tag and memos on both sides kept; a merge into itself;
 * a .qdpx made in another tool's style; one undo step; a bad file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include <sqlite3.h>

#include "lectern-import.h"

#define ALICE "aaaaaaaa-0000-4000-8000-000000000001"
#define BOB   "bbbbbbbb-0000-4000-8000-000000000002"

static char *folder;

static char *
temp_path (const char *name)
{
  return g_build_filename (folder, name, NULL);
}

static LecternProject *
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LecternProject *project = lectern_project_open (file, &error);

  g_assert_no_error (error);
  return project;
}

static gint64
add_document (LecternProject *project,
              const char     *title,
              const char     *text)
{
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (document, title);
  id = lectern_project_add_document (project, document, text, &error);
  g_assert_no_error (error);
  return id;
}

static void
code (LecternProject *project,
      gint64          document_id,
      glong           start,
      glong           end,
      const char     *tag_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (project, tag_path, &error);
  gint64 tag_id;
  g_autoptr(LecternAnnotation) annotation = NULL;

  g_assert_no_error (error);
  tag_id = lectern_tag_get_id (tag);
  annotation = lectern_project_add_annotation (project, document_id, start, end, &tag_id, 1, NULL, &error);
  g_assert_no_error (error);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

/* Every placed passage as "text hash|coder GUID|start|end|tag GUIDs". */
static GHashTable *
passage_set (const char *path)
{
  g_autoptr(LecternProject) project = open_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) passages = lectern_project_list_annotations (project, 0, 0, FALSE, &error);
  g_autoptr(GPtrArray) coders = lectern_project_list_coders (project, &error);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(LecternAnnotation) passage = g_list_model_get_item (passages, i);
      g_autoptr(LecternDocument) document = lectern_project_dup_document (project, lectern_annotation_get_document_id (passage), NULL);
      const char *coder = "";
      g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
      const gint64 *tag_ids;
      guint n;
      GString *key = g_string_new (NULL);

      for (guint j = 0; j < coders->len; j++)
        if (lectern_coder_get_id (g_ptr_array_index (coders, j)) == lectern_annotation_get_coder_id (passage))
          coder = lectern_coder_get_guid (g_ptr_array_index (coders, j));
      tag_ids = lectern_annotation_get_tag_ids (passage, &n);
      for (guint j = 0; j < n; j++)
        g_ptr_array_add (tags, lectern_project_dup_guid (project, LECTERN_GUID_TAG, tag_ids[j], NULL));
      g_ptr_array_sort (tags, (GCompareFunc) g_strcmp0);
      g_string_append_printf (key, "%s|%s|%ld|%ld", lectern_document_get_content_hash (document), coder,
                              lectern_annotation_get_start (passage), lectern_annotation_get_end (passage));
      for (guint j = 0; j < tags->len; j++)
        g_string_append_printf (key, "|%s", (char *) g_ptr_array_index (tags, j));
      g_assert_false (g_hash_table_contains (set, key->str));  /* nothing duplicated */
      g_hash_table_add (set, g_string_free (key, FALSE));
    }
  return set;
}

static LecternMergePlan *
merge (const char *into,
       const char *other,
       gboolean    apply)
{
  g_autoptr(LecternProject) project = open_path (into);
  g_autoptr(GFile) file = g_file_new_for_path (other);
  g_autoptr(GError) error = NULL;
  LecternMergePlan *plan = lectern_merge_plan_new (project, file, NULL, NULL, &error);

  g_assert_no_error (error);
  if (apply)
    {
      lectern_merge_plan_apply (plan, project, &error);
      g_assert_no_error (error);
    }
  return plan;
}

static guint
accounted (LecternMergePlan *plan,
           LecternMergeKind  kind)
{
  return lectern_merge_plan_count (plan, kind, LECTERN_MERGE_ADDED)
         + lectern_merge_plan_count (plan, kind, LECTERN_MERGE_MATCHED)
         + lectern_merge_plan_count (plan, kind, LECTERN_MERGE_CONFLICT);
}

/* The shared start of two copies: two documents, a codebook, a passage. */
static char *
make_base (void)
{
  static guint made;
  g_autofree char *name = g_strdup_printf ("base-%u.lectern", made++);
  char *path = temp_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = lectern_project_create (file, &error);
  g_autoptr(LecternTag) pay = NULL;
  gint64 first;

  g_assert_no_error (error);
  lectern_project_set_coder (project, "Alice", ALICE, &error);
  g_assert_no_error (error);
  first = add_document (project, "Interview 1", "We worked long hours for little pay.\n");
  add_document (project, "Interview 2", "The union met on Tuesdays.\n");
  code (project, first, 3, 16, "Work");
  pay = lectern_project_ensure_tag_path (project, "Work/Pay", &error);
  g_assert_no_error (error);
  return path;
}

static void
test_edited_apart (void)
{
  g_autofree char *base = make_base ();
  g_autofree char *a = temp_path ("a.lectern");
  g_autofree char *b = temp_path ("b.lectern");
  g_autofree char *a_merged = temp_path ("a-merged.lectern");
  g_autofree char *b_merged = temp_path ("b-merged.lectern");
  g_autoptr(GHashTable) set_a = NULL;
  g_autoptr(GHashTable) set_b = NULL;
  g_autoptr(GHashTable) set_ab = NULL;
  g_autoptr(GHashTable) set_ba = NULL;
  g_autoptr(LecternMergePlan) plan_ab = NULL;
  g_autoptr(LecternMergePlan) plan_ba = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  copy_file (base, a);
  copy_file (base, b);

  {
    g_autoptr(LecternProject) project = open_path (a);
    gint64 only_a;

    lectern_project_set_coder (project, "Alice", ALICE, &error);
    only_a = add_document (project, "Only in A", "Alice found this one.\n");
    code (project, 1, 17, 28, "Work/Pay");          /* the same document, coded by each */
    code (project, only_a, 0, 5, "Work");
    lectern_project_set_annotation_note (project, 1, "Alice: long hours.", &error);
    g_assert_no_error (error);
    lectern_project_set_memo (project, LECTERN_MEMO_DOCUMENT, 1, "Alice: ask about overtime.", &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(LecternProject) project = open_path (b);
    g_autoptr(LecternTag) work = lectern_project_find_tag (project, "Work", &error);
    gint64 only_b;

    lectern_project_set_coder (project, "Bob", BOB, &error);
    only_b = add_document (project, "Only in B", "Bob brought another interview.\n");
    code (project, 1, 0, 2, "Work");
    code (project, only_b, 0, 3, "Work/Pay");
    lectern_project_rename_tag (project, lectern_tag_get_id (work), "Labour", &error);
    g_assert_no_error (error);
    lectern_project_set_annotation_note (project, 1, "Bob: unpaid overtime.", &error);
    g_assert_no_error (error);
    lectern_project_set_memo (project, LECTERN_MEMO_DOCUMENT, 1, "Bob: the pay is hourly.", &error);
    g_assert_no_error (error);
  }

  set_a = passage_set (a);
  set_b = passage_set (b);
  copy_file (a, a_merged);
  copy_file (b, b_merged);

  plan_ab = merge (a_merged, b, TRUE);
  plan_ba = merge (b_merged, a, TRUE);

  /* Every passage of the other side accounted for. */
  g_assert_cmpuint (accounted (plan_ab, LECTERN_MERGE_PASSAGE), ==, g_hash_table_size (set_b));
  g_assert_cmpuint (accounted (plan_ba, LECTERN_MERGE_PASSAGE), ==, g_hash_table_size (set_a));
  g_assert_cmpuint (lectern_merge_plan_get_n_added (plan_ab, LECTERN_MERGE_DOCUMENT), ==, 1);
  g_assert_cmpuint (lectern_merge_plan_get_n_added (plan_ab, LECTERN_MERGE_PASSAGE), ==, 2);
  /* The renamed tag and the two memos: conflicts, both ways. */
  g_assert_cmpuint (lectern_merge_plan_count (plan_ab, LECTERN_MERGE_TAG, LECTERN_MERGE_CONFLICT), ==, 1);
  g_assert_cmpuint (lectern_merge_plan_count (plan_ba, LECTERN_MERGE_TAG, LECTERN_MERGE_CONFLICT), ==, 1);
  g_assert_cmpuint (lectern_merge_plan_count (plan_ab, LECTERN_MERGE_MEMO, LECTERN_MERGE_CONFLICT), ==, 1);
  g_assert_cmpuint (lectern_merge_plan_count (plan_ab, LECTERN_MERGE_CODER, LECTERN_MERGE_ADDED), ==, 1);
  /* The shared passage, its note edited on both sides. */
  g_assert_cmpuint (lectern_merge_plan_count (plan_ab, LECTERN_MERGE_PASSAGE, LECTERN_MERGE_CONFLICT), ==, 1);

  /* Both ways give the same passages: every one of each side. */
  set_ab = passage_set (a_merged);
  set_ba = passage_set (b_merged);
  g_assert_cmpuint (g_hash_table_size (set_ab), ==, g_hash_table_size (set_ba));
  g_hash_table_iter_init (&iter, set_ab);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (set_ba, key));
  g_hash_table_iter_init (&iter, set_a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (set_ab, key));
  g_hash_table_iter_init (&iter, set_b);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (set_ab, key));
  g_assert_cmpuint (g_hash_table_size (set_ab), ==, 5);

  {
    g_autoptr(LecternProject) project = open_path (a_merged);
    g_autofree char *memo = lectern_project_dup_memo (project, LECTERN_MEMO_DOCUMENT, 1, &error);
    g_autoptr(LecternTag) work = lectern_project_find_tag (project, "Work", &error);
    g_autoptr(GListModel) documents = lectern_project_list_documents (project, NULL);
    g_autoptr(GPtrArray) problems = NULL;

    g_assert_no_error (error);
    /* Ours kept as it was: the renamed tag is the same tag by GUID. */
    g_assert_nonnull (work);
    {
      g_autofree char *tag_memo = lectern_project_dup_memo (project, LECTERN_MEMO_TAG, lectern_tag_get_id (work), &error);

      g_assert_no_error (error);
      g_assert_nonnull (strstr (tag_memo, "“Labour”"));
    }
    g_assert_nonnull (strstr (memo, "Alice: ask about overtime."));
    g_assert_nonnull (strstr (memo, "Bob: the pay is hourly."));
    {
      g_autoptr(LecternAnnotation) shared = lectern_project_dup_annotation (project, 1, &error);

      g_assert_no_error (error);
      g_assert_nonnull (strstr (lectern_annotation_get_note (shared), "Alice: long hours."));
      g_assert_nonnull (strstr (lectern_annotation_get_note (shared), "Bob: unpaid overtime."));
    }
    g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 4);
    g_assert_true (lectern_project_check (project, &problems, &error));
  }

  /* Merging again adds nothing. */
  {
    g_autoptr(LecternMergePlan) again = merge (a_merged, b, FALSE);

    g_assert_true (lectern_merge_plan_is_empty (again) || lectern_merge_plan_get_n_conflicts (again) > 0);
    g_assert_cmpuint (lectern_merge_plan_get_n_added (again, LECTERN_MERGE_PASSAGE), ==, 0);
    g_assert_cmpuint (lectern_merge_plan_get_n_added (again, LECTERN_MERGE_DOCUMENT), ==, 0);
    g_assert_cmpuint (lectern_merge_plan_count (again, LECTERN_MERGE_MEMO, LECTERN_MERGE_CONFLICT), ==, 0);
  }
}

static gboolean
has_tombstone (const char *path,
               const char *guid)
{
  g_autoptr(LecternProject) project = open_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deleted = lectern_project_list_deleted_passages (project, 100, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < deleted->len; i++)
    if (g_strcmp0 (((LecternDeletedPassage *) g_ptr_array_index (deleted, i))->guid, guid) == 0)
      return TRUE;
  return FALSE;
}

static char *
passage_guid (const char *path,
              gint64      id)
{
  g_autoptr(LecternProject) project = open_path (path);
  g_autoptr(GError) error = NULL;
  char *guid = lectern_project_dup_guid (project, LECTERN_GUID_ANNOTATION, id, &error);

  g_assert_no_error (error);
  return guid;
}

/* Deletions merge (issue #15): a passage deleted in A and unchanged in B
 * stays deleted whichever way the merge goes; one deleted in A and
 * edited in B since is a conflict, kept both ways. */
static void
test_deletions (void)
{
  g_autofree char *base = make_base ();
  g_autofree char *a = temp_path ("del-a.lectern");
  g_autofree char *b = temp_path ("del-b.lectern");
  g_autofree char *a_merged = temp_path ("del-a-merged.lectern");
  g_autofree char *b_merged = temp_path ("del-b-merged.lectern");
  g_autofree char *unchanged_guid = NULL;
  g_autofree char *edited_guid = NULL;
  g_autoptr(GHashTable) set_b = NULL;
  g_autoptr(GHashTable) set_ab = NULL;
  g_autoptr(GHashTable) set_ba = NULL;
  g_autoptr(LecternMergePlan) plan_ab = NULL;
  g_autoptr(LecternMergePlan) plan_ba = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  {
    g_autoptr(LecternProject) project = open_path (base);

    code (project, 2, 4, 9, "Union");   /* passage 2: deleted in A, unchanged in B */
    code (project, 1, 17, 28, "Work");  /* passage 3: deleted in A, edited in B */
  }
  unchanged_guid = passage_guid (base, 2);
  edited_guid = passage_guid (base, 3);
  copy_file (base, a);
  copy_file (base, b);
  {
    g_autoptr(LecternProject) project = open_path (a);

    g_assert_true (lectern_project_delete_annotation (project, 2, &error));
    g_assert_true (lectern_project_delete_annotation (project, 3, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(LecternProject) project = open_path (b);

    lectern_project_set_coder (project, "Bob", BOB, &error);
    lectern_project_set_annotation_note (project, 3, "Bob: still matters.", &error);
    g_assert_no_error (error);
  }
  set_b = passage_set (b);
  copy_file (a, a_merged);
  copy_file (b, b_merged);

  plan_ab = merge (a_merged, b, TRUE);
  plan_ba = merge (b_merged, a, TRUE);

  /* B into A: the unchanged one stays deleted (matched), the edited one
   * comes back (a conflict). A into B: the unchanged one is deleted in B
   * (matched), the edited one kept (a conflict). */
  g_assert_cmpuint (accounted (plan_ab, LECTERN_MERGE_PASSAGE), ==, g_hash_table_size (set_b));
  g_assert_cmpuint (lectern_merge_plan_get_n_added (plan_ab, LECTERN_MERGE_PASSAGE), ==, 0);
  g_assert_cmpuint (lectern_merge_plan_count (plan_ab, LECTERN_MERGE_PASSAGE, LECTERN_MERGE_CONFLICT), ==, 1);
  g_assert_cmpuint (lectern_merge_plan_get_n_added (plan_ba, LECTERN_MERGE_PASSAGE), ==, 0);
  g_assert_cmpuint (lectern_merge_plan_count (plan_ba, LECTERN_MERGE_PASSAGE, LECTERN_MERGE_CONFLICT), ==, 1);
  g_assert_false (lectern_merge_plan_is_empty (plan_ba));

  /* Both ways give the same passages: the base's first and the edited one. */
  set_ab = passage_set (a_merged);
  set_ba = passage_set (b_merged);
  g_assert_cmpuint (g_hash_table_size (set_ab), ==, 2);
  g_assert_cmpuint (g_hash_table_size (set_ba), ==, 2);
  g_hash_table_iter_init (&iter, set_ab);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (set_ba, key));

  /* The deletion recorded on both sides; the edited passage not deleted
   * anywhere, and its edit what A now has. */
  g_assert_true (has_tombstone (a_merged, unchanged_guid));
  g_assert_true (has_tombstone (b_merged, unchanged_guid));
  g_assert_false (has_tombstone (a_merged, edited_guid));
  g_assert_false (has_tombstone (b_merged, edited_guid));
  {
    g_autoptr(LecternProject) project = open_path (a_merged);
    g_autoptr(GListModel) passages = lectern_project_list_annotations (project, 1, 0, FALSE, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
      {
        g_autoptr(LecternAnnotation) passage = g_list_model_get_item (passages, i);

        found |= g_strcmp0 (lectern_annotation_get_note (passage), "Bob: still matters.") == 0;
      }
    g_assert_true (found);
  }

  /* Merging again adds and deletes nothing. */
  {
    g_autoptr(LecternMergePlan) again = merge (a_merged, b, FALSE);

    g_assert_true (lectern_merge_plan_is_empty (again));
  }

  /* A third copy, still as the base was, merged with B (which now knows
   * A's deletion): the unchanged passage goes there too. */
  {
    g_autofree char *c = temp_path ("del-c.lectern");
    g_autofree char *d = temp_path ("del-d.lectern");
    g_autoptr(LecternMergePlan) plan_cb = NULL;
    g_autoptr(LecternMergePlan) plan_db = NULL;
    g_autoptr(GHashTable) set_c = NULL;

    copy_file (base, c);
    plan_cb = merge (c, b_merged, TRUE);
    set_c = passage_set (c);
    g_assert_cmpuint (g_hash_table_size (set_c), ==, 2);
    g_assert_true (has_tombstone (c, unchanged_guid));

    /* One that never had these passages gets the deletions recorded. */
    {
      g_autoptr(GFile) file = g_file_new_for_path (d);
      g_autoptr(LecternProject) project = lectern_project_create (file, &error);

      g_assert_no_error (error);
    }
    plan_db = merge (d, a, TRUE);
    g_assert_true (has_tombstone (d, unchanged_guid));
  }
}

static void
test_self (void)
{
  g_autofree char *base = make_base ();
  g_autofree char *copy = temp_path ("self-copy.lectern");
  g_autoptr(GHashTable) before = passage_set (base);

  copy_file (base, copy);
  {
    g_autoptr(LecternMergePlan) itself = merge (base, base, TRUE);
    g_autoptr(LecternMergePlan) of_copy = merge (base, copy, TRUE);

    g_assert_true (lectern_merge_plan_is_empty (itself));
    g_assert_true (lectern_merge_plan_is_empty (of_copy));
    g_assert_cmpuint (lectern_merge_plan_get_n_matched (itself), >, 0);
    g_assert_cmpuint (lectern_merge_plan_get_n_matched (itself), ==, lectern_merge_plan_get_n_matched (of_copy));
  }
  {
    g_autoptr(GHashTable) after = passage_set (base);

    g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  }
}

static void
test_qdpx (void)
{
  g_autofree char *base = make_base ();
  g_autofree char *qdpx = g_test_build_filename (G_TEST_DIST, "fixtures", "merge", "maxqda-style.qdpx", NULL);
  g_autoptr(LecternMergePlan) first = merge (base, qdpx, TRUE);
  g_autoptr(LecternMergePlan) second = merge (base, qdpx, FALSE);
  g_autoptr(LecternProject) project = open_path (base);
  g_autoptr(GPtrArray) coders = lectern_project_list_coders (project, NULL);
  gboolean tomas = FALSE;

  g_assert_cmpuint (lectern_merge_plan_get_n_added (first, LECTERN_MERGE_DOCUMENT), ==, 1);
  g_assert_cmpuint (lectern_merge_plan_get_n_added (first, LECTERN_MERGE_PASSAGE), ==, 2);
  g_assert_cmpuint (lectern_merge_plan_get_n_added (first, LECTERN_MERGE_TAG), ==, 3);
  g_assert_cmpuint (lectern_merge_plan_get_n_added (first, LECTERN_MERGE_CODER), ==, 2);
  /* Its users are coders by their GUIDs: a second merge matches all. */
  g_assert_true (lectern_merge_plan_is_empty (second));
  for (guint i = 0; i < coders->len; i++)
    if (g_strcmp0 (lectern_coder_get_guid (g_ptr_array_index (coders, i)), "2b0c7d43-91a2-4f61-8e0d-5c7b2f4a9d22") == 0)
      tomas = lectern_coder_get_passage_count (g_ptr_array_index (coders, i)) == 1;
  g_assert_true (tomas);
}

static void
test_undo (void)
{
  g_autofree char *base = make_base ();
  g_autofree char *other = temp_path ("undo-other.lectern");
  g_autoptr(GError) error = NULL;

  copy_file (base, other);
  {
    g_autoptr(LecternProject) project = open_path (other);

    lectern_project_set_coder (project, "Bob", BOB, &error);
    add_document (project, "New", "Something new.\n");
    code (project, 1, 0, 2, "Elsewhere");
  }
  {
    g_autoptr(LecternProject) project = open_path (base);
    g_autoptr(GFile) file = g_file_new_for_path (other);
    g_autoptr(LecternMergePlan) plan = NULL;
    g_autoptr(GListModel) documents = NULL;
    g_autoptr(GListModel) passages = NULL;

    lectern_project_set_undo_enabled (project, TRUE);
    plan = lectern_merge_plan_new (project, file, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (lectern_merge_plan_apply (plan, project, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (lectern_project_get_undo_label (project), ==, "Merge Project");
    g_assert_true (lectern_project_undo (project, &error));
    g_assert_no_error (error);
    g_assert_false (lectern_project_get_can_undo (project));
    documents = lectern_project_list_documents (project, NULL);
    passages = lectern_project_list_annotations (project, 0, 0, FALSE, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (passages), ==, 1);
  }
}

static void
test_bad_file (void)
{
  g_autofree char *base = make_base ();
  g_autofree char *junk = temp_path ("junk.lectern");
  g_autofree char *fake = temp_path ("fake.lectern");
  g_autoptr(LecternProject) project = open_path (base);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) junk_file = g_file_new_for_path (junk);
  g_autoptr(GFile) fake_file = g_file_new_for_path (fake);
  g_autoptr(LecternMergePlan) plan = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_set_contents (junk, "not a project at all", -1, NULL);
  plan = lectern_merge_plan_new (project, junk_file, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "junk.lectern"));
  g_clear_error (&error);

  /* SQLite's header, then garbage: refused by core's checks, untouched. */
  g_file_set_contents (fake, "SQLite format 3\0garbage garbage garbage", 40, NULL);
  plan = lectern_merge_plan_new (project, fake_file, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "fake.lectern"));
  g_file_get_contents (fake, &contents, &length, NULL);
  g_assert_cmpuint (length, ==, 40);
  {
    g_autofree char *shm = g_strconcat (fake, "-shm", NULL);

    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
}

/* A damaged copy whose passage ends before it starts (found by the merge
 * fuzzer: it reached g_utf8_substring): refused by name, nothing merged. */
static void
test_passage_out_of_text (void)
{
  g_autofree char *base = make_base ();
  g_autofree char *made = make_base ();
  g_autofree char *bad = temp_path ("bad-range.lectern");
  g_autoptr(LecternProject) project = open_path (base);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(LecternMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  /* The damaged copy is a second base, its log checkpointed into the file
   * first so that the rename takes everything; the range is one SQLite's
   * own CHECK would refuse, as a crafted file need not obey it. */
  g_assert_cmpint (sqlite3_open (made, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (g_rename (made, bad), ==, 0);
  g_assert_cmpint (sqlite3_open (bad, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA ignore_check_constraints = ON; UPDATE annotations SET end_offset = start_offset - 2", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  plan = lectern_merge_plan_new (project, bad_file, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad-range.lectern"));
}

/* An older format: read from a private copy migrated there; the file
 * itself is left byte for byte, with nothing written beside it. */
static void
test_older_format (void)
{
  g_autofree char *base = make_base ();
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "fuzz-project-open",
                                                    "valid-v3.lectern", NULL);
  g_autofree char *old = temp_path ("old-v3.lectern");
  g_autofree char *wal = g_strconcat (old, "-wal", NULL);
  g_autofree char *shm = g_strconcat (old, "-shm", NULL);
  g_autofree char *backups = g_strconcat (old, "-backups", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  copy_file (fixture, old);
  g_assert_true (g_file_get_contents (old, &before, &before_length, NULL));
  {
    g_autoptr(LecternMergePlan) plan = merge (base, old, TRUE);

    g_assert_cmpuint (lectern_merge_plan_get_n_added (plan, LECTERN_MERGE_DOCUMENT), >, 0);
  }
  g_assert_true (g_file_get_contents (old, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

static void
got_plan (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  LecternMergePlan **plan = data;
  g_autoptr(GError) error = NULL;

  *plan = lectern_merge_plan_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
progress (guint       done,
          guint       total,
          const char *what,
          gpointer    data)
{
  (*(guint *) data)++;
}

/* As the app plans: in a job, off the main thread, with progress; the
 * items carry their outcome as a property, for a list view. */
static void
test_async (void)
{
  g_autofree char *base = make_base ();
  g_autofree char *other = temp_path ("async-other.lectern");
  g_autoptr(GFile) base_file = g_file_new_for_path (base);
  g_autoptr(GFile) other_file = NULL;
  g_autoptr(LecternMergePlan) plan = NULL;
  g_autoptr(LecternMergeItem) item = NULL;
  LecternMergeOutcome outcome;
  guint reports = 0;

  copy_file (base, other);
  {
    g_autoptr(LecternProject) project = open_path (other);

    add_document (project, "Elsewhere", "Written in the other copy.\n");
  }
  other_file = g_file_new_for_path (other);
  lectern_merge_plan_new_async (base_file, other_file, progress, &reports, NULL, got_plan, &plan);
  while (plan == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (reports, >, 0);
  g_assert_true (g_file_equal (lectern_merge_plan_get_other (plan), other_file));
  g_assert_cmpuint (lectern_merge_plan_get_n_added (plan, LECTERN_MERGE_DOCUMENT), ==, 1);
  item = g_list_model_get_item (lectern_merge_plan_get_items (plan), 0);
  g_object_get (item, "outcome", &outcome, NULL);
  g_assert_cmpint (outcome, ==, lectern_merge_item_get_outcome (item));
}

/* Cancelled: G_IO_ERROR_CANCELLED, as GIO says it, not a read error. */
static void
test_cancelled (void)
{
  g_autofree char *base = make_base ();
  g_autofree char *other = temp_path ("cancel-other.lectern");
  g_autoptr(GFile) other_file = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  copy_file (base, other);
  other_file = g_file_new_for_path (other);
  project = open_path (base);
  g_cancellable_cancel (cancellable);
  plan = lectern_merge_plan_new (project, other_file, NULL, cancellable, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  folder = g_dir_make_tmp ("lectern-merge-test-XXXXXX", NULL);

  g_test_add_func ("/merge/edited-apart", test_edited_apart);
  g_test_add_func ("/merge/deletions", test_deletions);
  g_test_add_func ("/merge/self", test_self);
  g_test_add_func ("/merge/qdpx", test_qdpx);
  g_test_add_func ("/merge/undo", test_undo);
  g_test_add_func ("/merge/bad-file", test_bad_file);
  g_test_add_func ("/merge/passage-out-of-text", test_passage_out_of_text);
  g_test_add_func ("/merge/older-format", test_older_format);
  g_test_add_func ("/merge/async", test_async);
  g_test_add_func ("/merge/cancelled", test_cancelled);

  status = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", folder);
    (void) !system (command);
  }
  return status;
}
