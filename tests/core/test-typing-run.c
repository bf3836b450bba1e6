/* test-typing-run.c — a run of typing (lectern_project_set_typing_run()):
 * every keystroke committed, yet a typed word is one undo step and one
 * version; anything else done between keystrokes ends the joining.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lectern-core.h"

#define TEXT "The envoy said the deal was close.\n"

static LecternProject *
create_project (gint64 *document_id)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  LecternProject *project;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), "typing.lectern", NULL);
  file = g_file_new_for_path (path);
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  lectern_document_set_title (document, "Talks");
  *document_id = lectern_project_add_document (project, document, TEXT, &error);
  g_assert_no_error (error);
  lectern_project_set_undo_enabled (project, TRUE);
  return project;
}

static void
type (LecternProject *project,
      gint64          document_id,
      glong           at,
      const char     *word)
{
  for (const char *p = word; *p != '\0'; p++, at++)
    {
      char one[2] = { *p, 0 };
      g_autoptr(GError) error = NULL;

      g_assert_true (lectern_project_edit_text (project, document_id, at, at, one, NULL, &error));
      g_assert_no_error (error);
    }
}

static guint
n_versions (LecternProject *project,
            gint64          document_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) versions = lectern_project_list_document_versions (project, document_id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (versions);
}

static char *
text_of (LecternProject *project,
         gint64          document_id)
{
  g_autoptr(GError) error = NULL;
  char *text = lectern_project_dup_text (project, document_id, &error);

  g_assert_no_error (error);
  return text;
}

static void
test_word_is_one_step (void)
{
  gint64 doc;
  g_autoptr(LecternProject) project = create_project (&doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(LecternDocumentVersion) newest = NULL;
  g_autofree char *text = NULL;
  glong at = strlen ("The envoy said the deal was ");

  lectern_project_set_typing_run (project, doc);
  type (project, doc, at, "very ");
  lectern_project_set_typing_run (project, 0);

  text = text_of (project, doc);
  g_assert_cmpstr (text, ==, "The envoy said the deal was very close.\n");
  g_assert_cmpuint (n_versions (project, doc), ==, 2);
  versions = lectern_project_list_document_versions (project, doc, &error);
  newest = g_list_model_get_item (versions, 1);
  g_assert_cmpstr (lectern_document_version_get_description (newest), ==, "Inserted “very ” at 28");

  /* One undo takes the whole word back, and its version. */
  g_assert_true (lectern_project_undo (project, &error));
  g_clear_pointer (&text, g_free);
  text = text_of (project, doc);
  g_assert_cmpstr (text, ==, TEXT);
  g_assert_false (lectern_project_get_can_undo (project));
  g_assert_cmpuint (n_versions (project, doc), <=, 1);
}

static void
test_other_step_ends_joining (void)
{
  gint64 doc;
  g_autoptr(LecternProject) project = create_project (&doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) passage = NULL;
  g_autofree char *text = NULL;

  lectern_project_set_typing_run (project, doc);
  type (project, doc, 0, "So ");
  /* A passage coded in the middle of the run is a step of its own. */
  passage = lectern_project_add_annotation (project, doc, 0, 2, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  type (project, doc, 3, "then ");
  lectern_project_set_typing_run (project, 0);
  g_assert_cmpuint (n_versions (project, doc), ==, 3);

  g_assert_true (lectern_project_undo (project, &error));
  g_clear_pointer (&text, g_free);
  text = text_of (project, doc);
  g_assert_cmpstr (text, ==, "So " TEXT);
  g_assert_true (lectern_project_undo (project, &error));   /* the passage */
  g_assert_true (lectern_project_undo (project, &error));   /* "So " */
  g_clear_pointer (&text, g_free);
  text = text_of (project, doc);
  g_assert_cmpstr (text, ==, TEXT);

  /* Without a run each keystroke is its own step. */
  type (project, doc, 0, "ab");
  g_assert_true (lectern_project_undo (project, &error));
  g_clear_pointer (&text, g_free);
  text = text_of (project, doc);
  g_assert_cmpstr (text, ==, "a" TEXT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/TypingRun/word-is-one-step", test_word_is_one_step);
  g_test_add_func ("/Lectern/TypingRun/other-step-ends-joining", test_other_step_ends_joining);

  return g_test_run ();
}
