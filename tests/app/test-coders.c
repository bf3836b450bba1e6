/* test-coders.c — a project two coders coded, in a real window: the
 * reader and lists shown for one coder or all, and the Inter-coder
 * Agreement view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-window-private.h"

/* Anna codes "Anna and Ben" as Theme; Ben codes "Anna" as Theme and
 * "both read it" as Other. */
#define TEXT "Anna and Ben both read it.\n"

typedef struct
{
  GFile  *file;
  gint64  doc;
  gint64  anna;
  gint64  ben;
  gint64  anna_passage;
  gint64  ben_passage;
  gint64  ben_other;
} Fixture;

static gint64
make_tag (LecternProject *project,
          const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (project, path, &error);

  g_assert_no_error (error);
  return lectern_tag_get_id (tag);
}

static gint64
code_as (LecternProject *project,
         const char     *coder,
         gint64          doc,
         glong           start,
         glong           end,
         gint64          tag_id,
         gint64         *coder_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) a = NULL;

  g_assert_true (lectern_project_set_coder (project, coder, NULL, &error));
  g_assert_no_error (error);
  a = lectern_project_add_annotation (project, doc, start, end, &tag_id, 1, NULL, &error);
  g_assert_no_error (error);
  *coder_id = lectern_annotation_get_coder_id (a);
  g_assert_cmpint (*coder_id, !=, 0);
  return lectern_annotation_get_id (a);
}

static void
fixture_make (Fixture *f)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("coders-%u.lectern", ++serial);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  gint64 theme, other;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  f->file = g_file_new_for_path (path);
  project = lectern_project_create (f->file, &error);
  g_assert_no_error (error);
  lectern_document_set_title (document, "Interview");
  f->doc = lectern_project_add_document (project, document, TEXT, &error);
  g_assert_no_error (error);
  theme = make_tag (project, "Theme");
  other = make_tag (project, "Other");

  f->anna_passage = code_as (project, "Anna", f->doc, 0, 12, theme, &f->anna);
  f->ben_passage = code_as (project, "Ben", f->doc, 0, 4, theme, &f->ben);
  f->ben_other = code_as (project, "Ben", f->doc, 13, 25, other, &f->ben);
  g_assert_cmpint (f->anna, !=, f->ben);
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->file);
}

static gboolean
highlighted (LecternWindow *window,
             gint64         annotation_id,
             glong          offset)
{
  g_autoptr(GArray) ids = lectern_reader_text_dup_ids_at (lectern_reader_view_get_text_view (window->reader_view),
                                                          offset);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == annotation_id)
      return TRUE;
  return FALSE;
}

/* The reader shows one coder's passages, then every coder's again. */
static void
test_reader_coders (void)
{
  Fixture f = { 0 };
  LecternWindow *window;
  gint64 only[1];
  guint n = 99;

  fixture_make (&f);
  window = app_test_open_project_window (f.file, f.doc);
  WAIT_UNTIL (highlighted (window, f.ben_other, 14));
  g_assert_true (highlighted (window, f.anna_passage, 2));
  g_assert_true (highlighted (window, f.ben_passage, 2));

  only[0] = f.anna;
  lectern_reader_view_set_coders (window->reader_view, only, 1);
  g_assert_true (highlighted (window, f.anna_passage, 2));
  g_assert_false (highlighted (window, f.ben_passage, 2));
  g_assert_false (highlighted (window, f.ben_other, 14));
  g_assert_true (lectern_reader_view_get_coders (window->reader_view, &n)[0] == f.anna);
  g_assert_cmpuint (n, ==, 1);

  only[0] = f.ben;
  lectern_reader_view_set_coders (window->reader_view, only, 1);
  g_assert_false (highlighted (window, f.anna_passage, 2));
  g_assert_true (highlighted (window, f.ben_passage, 2));
  g_assert_true (highlighted (window, f.ben_other, 14));

  lectern_reader_view_set_coders (window->reader_view, NULL, 0);
  g_assert_true (highlighted (window, f.anna_passage, 2));
  g_assert_true (highlighted (window, f.ben_other, 14));

  app_test_close_window (GTK_WINDOW (window));
  fixture_clear (&f);
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/Coders/reader", test_reader_coders);
}

int
main (int    argc,
      char **argv)
{
  return app_test_main (&argc, &argv, "lectern-test-coders", add_tests);
}
