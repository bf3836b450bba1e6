/* test-live-models.c — the project's live list models: each change (add,
 * delete, rename, move, merge, undo, redo) reaches the documents, the tag
 * tree and a document's passages as the precise items-changed a view
 * relies on to keep its rows (and selection), never as a reload of the
 * whole list; another connection's writes appear after the poll; and the
 * models hold what the snapshot lists hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-core.h"

typedef struct
{
  GString *log;   /* "pos,removed,added;" per emission */
} Recorder;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  g_string_append_printf (recorder->log, "%u,%u,%u;", position, removed, added);
}

static Recorder *
record (GListModel *model)
{
  Recorder *recorder = g_new0 (Recorder, 1);

  recorder->log = g_string_new (NULL);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), recorder);
  /* The first reading is not a change. */
  g_list_model_get_n_items (model);
  return recorder;
}

/* What was emitted since the last call. */
static char *
take (Recorder *recorder)
{
  char *log = g_strdup (recorder->log->str);

  g_string_truncate (recorder->log, 0);
  return log;
}

static void
recorder_free (Recorder *recorder)
{
  g_string_free (recorder->log, TRUE);
  g_free (recorder);
}

#define assert_emitted(recorder, expected) \
  G_STMT_START { g_autofree char *log_ = take (recorder); g_assert_cmpstr (log_, ==, expected); } G_STMT_END

static GFile *
project_file (void)
{
  g_autofree char *path = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), "live.lectern", NULL);
  return g_file_new_for_path (path);
}

static LecternProject *
new_project (void)
{
  g_autoptr(GFile) file = project_file ();
  g_autoptr(GError) error = NULL;
  LecternProject *project = lectern_project_create (file, &error);

  g_assert_no_error (error);
  lectern_project_set_undo_enabled (project, TRUE);
  return project;
}

static gint64
add_document (LecternProject *project,
              const char    *title,
              const char    *text)
{
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (document, title);
  id = lectern_project_add_document (project, document, text, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_tag (LecternProject *project,
         gint64         parent_id,
         const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = lectern_project_add_tag (project, parent_id, name, NULL, &error);

  g_assert_no_error (error);
  return lectern_tag_get_id (tag);
}

static gint64
add_passage (LecternProject *project,
             gint64         document_id,
             glong          start,
             glong          end,
             gint64         tag_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) annotation =
    lectern_project_add_annotation (project, document_id, start, end, &tag_id, tag_id ? 1 : 0, NULL, &error);

  g_assert_no_error (error);
  return lectern_annotation_get_id (annotation);
}

/* The live model holds what the snapshot holds, item by item. */
static void
assert_same_ids (GListModel *live,
                 GListModel *snapshot,
                 gint64    (*id) (gpointer))
{
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, g_list_model_get_n_items (snapshot));
  for (guint i = 0; i < g_list_model_get_n_items (live); i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (live, i);
      g_autoptr(GObject) b = g_list_model_get_item (snapshot, i);

      g_assert_cmpint (id (a), ==, id (b));
    }
}

static gint64 document_id (gpointer d) { return lectern_document_get_id (d); }
static gint64 tag_id (gpointer t) { return lectern_tag_get_id (t); }
static gint64 passage_id (gpointer a) { return lectern_annotation_get_id (a); }

static void
assert_documents_current (LecternProject *project)
{
  g_autoptr(GListModel) snapshot = lectern_project_list_documents (project, NULL);

  assert_same_ids (lectern_project_get_documents (project), snapshot, document_id);
  for (guint i = 0; i < g_list_model_get_n_items (snapshot); i++)
    {
      g_autoptr(LecternDocument) a = g_list_model_get_item (lectern_project_get_documents (project), i);
      g_autoptr(LecternDocument) b = g_list_model_get_item (snapshot, i);

      g_assert_cmpstr (lectern_document_get_title (a), ==, lectern_document_get_title (b));
      g_assert_cmpuint (lectern_document_get_annotation_count (a), ==, lectern_document_get_annotation_count (b));
    }
}

static void
assert_tags_current (LecternProject *project)
{
  g_autoptr(GListModel) snapshot = lectern_project_list_tags (project, NULL);

  assert_same_ids (lectern_project_get_tag_tree (project), snapshot, tag_id);
  for (guint i = 0; i < g_list_model_get_n_items (snapshot); i++)
    {
      g_autoptr(LecternTag) a = g_list_model_get_item (lectern_project_get_tag_tree (project), i);
      g_autoptr(LecternTag) b = g_list_model_get_item (snapshot, i);

      g_assert_cmpstr (lectern_tag_get_path (a), ==, lectern_tag_get_path (b));
      g_assert_cmpuint (lectern_tag_get_count (a), ==, lectern_tag_get_count (b));
    }
}

static void
test_documents (void)
{
  g_autoptr(LecternProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternDocument) edited = NULL;
  GListModel *documents = lectern_project_get_documents (project);
  Recorder *recorder;
  gint64 a, b, c;

  a = add_document (project, "A", "First text.");
  b = add_document (project, "B", "Second text.");
  recorder = record (documents);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);

  c = add_document (project, "C", "Third text.");
  assert_emitted (recorder, "2,0,1;");

  edited = lectern_project_dup_document (project, b, &error);
  lectern_document_set_title (edited, "B2");
  g_assert_true (lectern_project_update_document (project, edited, &error));
  assert_emitted (recorder, "1,1,1;");

  /* A passage changes its document's count: that one row. */
  add_passage (project, c, 0, 5, 0);
  assert_emitted (recorder, "2,1,1;");
  assert_documents_current (project);

  g_assert_true (lectern_project_delete_document (project, a, &error));
  g_assert_no_error (error);
  assert_emitted (recorder, "0,1,0;");
  assert_documents_current (project);

  g_assert_true (lectern_project_undo (project, &error));
  assert_emitted (recorder, "0,0,1;");
  assert_documents_current (project);
  g_assert_true (lectern_project_redo (project, &error));
  assert_emitted (recorder, "0,1,0;");
  assert_documents_current (project);

  /* A batch over several documents. */
  g_assert_true (lectern_project_begin_batch (project, &error));
  add_document (project, "D", "Fourth text.");
  add_document (project, "E", "Fifth text.");
  g_assert_true (lectern_project_commit_batch (project, &error));
  assert_emitted (recorder, "2,0,1;3,0,1;");
  assert_documents_current (project);

  /* A batch rolled back changes nothing. */
  g_assert_true (lectern_project_begin_batch (project, &error));
  add_document (project, "F", "Sixth text.");
  lectern_project_rollback_batch (project);
  add_tag (project, 0, "Unrelated");
  assert_emitted (recorder, "");
  assert_documents_current (project);

  recorder_free (recorder);
}

static void
test_tag_tree (void)
{
  g_autoptr(LecternProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  GListModel *tree = lectern_project_get_tag_tree (project);
  Recorder *recorder;
  gint64 doc, actors, state, themes, peace, war;

  doc = add_document (project, "A", "Peace and war between states.");
  actors = add_tag (project, 0, "Actors");
  state = add_tag (project, actors, "State");
  themes = add_tag (project, 0, "Themes");
  peace = add_tag (project, themes, "Peace");
  war = add_tag (project, themes, "War");
  /* Actors, Actors/State, Themes, Themes/Peace, Themes/War */
  recorder = record (tree);
  g_assert_cmpuint (g_list_model_get_n_items (tree), ==, 5);

  add_tag (project, themes, "Law");
  assert_emitted (recorder, "3,0,1;");

  /* A count: one row. */
  add_passage (project, doc, 0, 5, peace);
  assert_emitted (recorder, "4,1,1;");
  assert_tags_current (project);

  /* A rename that keeps the place: one row; one that moves it among its
   * siblings: removed and added. */
  g_assert_true (lectern_project_rename_tag (project, peace, "Peace talks", &error));
  assert_emitted (recorder, "4,1,1;");
  g_assert_true (lectern_project_rename_tag (project, peace, "Accord", &error));
  assert_emitted (recorder, "4,1,0;3,0,1;");
  assert_tags_current (project);

  /* Undo and redo of the rename. */
  g_assert_true (lectern_project_undo (project, &error));
  assert_emitted (recorder, "3,1,0;4,0,1;");
  g_assert_true (lectern_project_redo (project, &error));
  assert_emitted (recorder, "4,1,0;3,0,1;");
  assert_tags_current (project);

  /* Move Themes/War under Actors: Actors, Actors/State, Actors/War... */
  g_assert_true (lectern_project_move_tag (project, war, actors, &error));
  assert_emitted (recorder, "5,1,0;2,0,1;");
  assert_tags_current (project);

  /* Merge Themes/Accord (one passage) into Actors/State: Accord goes, and
   * State's count changes. */
  g_assert_true (lectern_project_merge_tags (project, peace, state, &error));
  g_assert_no_error (error);
  assert_emitted (recorder, "4,1,0;1,1,1;");
  assert_tags_current (project);
  g_assert_true (lectern_project_undo (project, &error));
  assert_emitted (recorder, "4,0,1;1,1,1;");
  assert_tags_current (project);

  /* Deleting a tag with its sub-tags: one removal. */
  g_assert_true (lectern_project_delete_tag (project, actors, TRUE, &error));
  assert_emitted (recorder, "0,3,0;");
  assert_tags_current (project);
  g_assert_true (lectern_project_undo (project, &error));
  assert_emitted (recorder, "0,0,3;");
  assert_tags_current (project);

  /* The index follows the tree. */
  g_assert_nonnull (lectern_tag_tree_lookup (LECTERN_TAG_TREE (tree), war));
  g_assert_cmpuint (g_hash_table_size (lectern_tag_tree_get_index (LECTERN_TAG_TREE (tree))), ==, 6);

  recorder_free (recorder);
}

static void
test_passages (void)
{
  g_autoptr(LecternProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) passages = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(GListModel) snapshot = NULL;
  Recorder *recorder;
  gint64 doc, other, tag, first, middle, last;

  doc = add_document (project, "A", "One two three four five six seven eight nine ten.");
  other = add_document (project, "B", "Another document altogether.");
  tag = add_tag (project, 0, "Code");
  first = add_passage (project, doc, 0, 3, tag);
  last = add_passage (project, doc, 30, 40, 0);

  passages = lectern_project_dup_passages (project, doc);
  again = lectern_project_dup_passages (project, doc);
  g_assert_true (passages == again);
  recorder = record (passages);
  g_assert_cmpuint (g_list_model_get_n_items (passages), ==, 2);

  middle = add_passage (project, doc, 10, 20, tag);
  assert_emitted (recorder, "1,0,1;");
  /* Another document's passage is none of this list's business. */
  add_passage (project, other, 0, 7, tag);
  assert_emitted (recorder, "");

  g_assert_true (lectern_project_set_annotation_note (project, middle, "A note", &error));
  assert_emitted (recorder, "1,1,1;");
  /* A new range that moves it past the last one. */
  g_assert_true (lectern_project_set_annotation_range (project, first, 42, 45, &error));
  assert_emitted (recorder, "0,1,0;2,0,1;");

  g_assert_true (lectern_project_delete_annotation (project, last, &error));
  assert_emitted (recorder, "1,1,0;");
  g_assert_true (lectern_project_undo (project, &error));
  assert_emitted (recorder, "1,0,1;");
  g_assert_true (lectern_project_redo (project, &error));
  assert_emitted (recorder, "1,1,0;");

  /* Deleting the tag changes the tags of the passages that carry it. */
  g_assert_true (lectern_project_delete_tag (project, tag, TRUE, &error));
  assert_emitted (recorder, "0,2,2;");

  snapshot = lectern_project_list_annotations (project, doc, 0, FALSE, &error);
  assert_same_ids (passages, snapshot, passage_id);
  recorder_free (recorder);
}

static void
quit_when_changed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GMainLoop  *loop)
{
  g_main_loop_quit (loop);
}

static gboolean
give_up (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_other_connection (void)
{
  g_autoptr(LecternProject) project = new_project ();
  g_autoptr(LecternProject) other = NULL;
  g_autoptr(GFile) file = project_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  GListModel *documents = lectern_project_get_documents (project);
  Recorder *recorder;
  guint timeout;

  add_document (project, "A", "First text.");
  recorder = record (documents);

  /* Another LecternProject on the file, as lectern-cli would be. */
  other = lectern_project_open (file, &error);
  g_assert_no_error (error);
  add_document (other, "From elsewhere", "Written by another process.");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);

  g_signal_connect (documents, "items-changed", G_CALLBACK (quit_when_changed), loop);
  timeout = g_timeout_add (2500, give_up, loop);
  g_main_loop_run (loop);
  g_source_remove (timeout);

  assert_emitted (recorder, "1,0,1;");
  assert_documents_current (project);
  recorder_free (recorder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/LiveModels/documents", test_documents);
  g_test_add_func ("/Lectern/LiveModels/tag-tree", test_tag_tree);
  g_test_add_func ("/Lectern/LiveModels/passages", test_passages);
  g_test_add_func ("/Lectern/LiveModels/other-connection", test_other_connection);

  return g_test_run ();
}
