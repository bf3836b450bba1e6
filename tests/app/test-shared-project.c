/* test-shared-project.c — the app and lectern-cli on one project at once.
 *
 * Issue #17: once the app had run a background job (a comparison, an
 * import, an export), its own connection held no lock on the project; a
 * lectern-cli command that then opened and closed the project believed
 * itself the last, and deleted the write-ahead log the app went on
 * committing into. The CLI never saw the app's later work, and a kill of
 * the app lost it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-compare-window.h"
#include "lectern-window-private.h"

#define VERSION_1 \
  "Low Water on the Tavra\n" \
  "\n" \
  "The river fell to its lowest level in forty years on Monday, and barges stopped at Varennes.\n" \
  "\n" \
  "The commission said it would meet on Thursday to discuss the request.\n"

#define VERSION_2 \
  "Low Water on the Tavra\n" \
  "\n" \
  "The river fell to its lowest level in fifty years on Monday, and barges stopped at Varennes.\n" \
  "\n" \
  "The commission said it would meet on Wednesday to discuss the urgent request.\n"


static GFile *
make_project (gint64 *v1,
              gint64 *v2)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "shared.lectern", NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternTag) tag = NULL;
  const char *texts[] = { VERSION_1, VERSION_2 };
  gint64 *ids[] = { v1, v2 };

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LecternDocument) doc = lectern_document_new ();

      lectern_document_set_title (doc, i == 0 ? "Low Water" : "Low Water (revised)");
      lectern_document_set_language (doc, "en");
      *ids[i] = lectern_project_add_document (project, doc, texts[i], &error);
      g_assert_no_error (error);
    }
  tag = lectern_project_ensure_tag_path (project, "Water/Shortage", &error);
  g_assert_no_error (error);

  /* Closed: the app's connections are the only ones of this process. */
  return file;
}

/* Runs the real lectern-cli on @file; returns its standard output. */
static char *
run_cli (GFile      *file,
         const char *command)
{
  const char *cli = g_getenv ("LECTERN_CLI");
  const char *argv[] = { cli, "--project", g_file_peek_path (file), command, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("lectern-cli %s failed: %s", command, err);
  return out;
}

static guint
count_annotations (LecternProject *project,
                   gint64         doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = lectern_project_list_annotations (project, doc, 0, FALSE, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

/* A comparison, a CLI read, a tag in the app: the CLI sees the tag. */
static void
test_cli_sees_app_after_job (void)
{
  gint64 v1, v2;
  g_autoptr(GFile) file = make_project (&v1, &v2);
  g_autoptr(GError) error = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *annotations = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *check = NULL;
  LecternWindow *window;
  LecternCompareWindow *compare;
  LecternTagPicker *picker;
  LecternProject *project;
  glong start = g_utf8_pointer_to_offset (VERSION_1, strstr (VERSION_1, "barges stopped"));

  window = lectern_window_new (app_test_get_app ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  g_assert_true (lectern_window_open_project (window, file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  WAIT_UNTIL (gdk_display_get_monitor_at_surface (gdk_display_get_default (),
                                                  gtk_native_get_surface (GTK_NATIVE (window))) != NULL);
  project = lectern_window_get_project (window);
  picker = lectern_reader_view_get_tag_picker (window->reader_view);

  /* Ctrl+D: the comparison's worker opens the project a second time. */
  lectern_window_set_document_id (window, v1);
  app_test_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL));
  WAIT_UNTIL ((compare = LECTERN_COMPARE_WINDOW (app_test_find_window (LECTERN_TYPE_COMPARE_WINDOW))) != NULL);
  WAIT_UNTIL (!lectern_compare_window_get_busy (compare) && lectern_compare_window_get_chunks (compare) != NULL);
  gtk_window_destroy (GTK_WINDOW (compare));
  app_test_drain ();

  /* Another process reads the project, and goes. */
  tags = run_cli (file, "tags");
  g_assert_nonnull (strstr (tags, "Water/Shortage"));

  /* A passage tagged in the app, shown as saved. */
  lectern_window_set_document_id (window, v1);
  app_test_drain ();
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (lectern_reader_view_get_text_view (window->reader_view))) > 0);
  lectern_reader_view_select_range (window->reader_view, start, start + strlen ("barges stopped"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", NULL));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  lectern_tag_picker_set_text (picker, "Water/Shortage");
  g_assert_true (lectern_tag_picker_choose (picker));
  WAIT_UNTIL (count_annotations (project, v1) == 1);

  /* The CLI sees it, and finds the project sound: no deleted log. */
  annotations = run_cli (file, "annotations");
  expected = g_strdup_printf ("\t%" G_GINT64_FORMAT "\t%ld\t%ld\tWater/Shortage\t",
                              v1, start, start + (glong) strlen ("barges stopped"));
  if (strstr (annotations, expected) == NULL)
    g_error ("lectern-cli annotations does not list the passage tagged in the app:\n%s", annotations);
  check = run_cli (file, "check");

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  app_test_drain ();
  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/App/cli-sees-app-after-job", test_cli_sees_app_after_job);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-shared-test", add_tests);
}
