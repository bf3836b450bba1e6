/* test-adjudicate.c — adjudication side by side (issue #15), in a real
 * window: the comparison window's Coders mode on a document two coders
 * coded with one disagreement of each kind; identical codings accepted
 * at once; next and previous disagreement; each kind settled (keep A,
 * keep B, an edited selection, keep both, keep neither), the count going
 * down and the adjudicator's passages appearing; then every decision
 * undone with Ctrl+Z, and nothing of the two coders' own passages lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app-test-harness.h"
#include "lectern-compare-window-private.h"
#include "lectern-window-private.h"

/* Ten words of 10 code points each ("abcdéfghi "), ten times over. */
static char *
make_text (void)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < 10; i++)
    g_string_append (text, "abcdéfghi ");
  return g_string_free (text, FALSE);
}

typedef struct
{
  GFile          *file;
  gint64          document;
  gint64          x;
  gint64          y;
} Fixture;

static gint64
tag (LecternProject *project,
     const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) found = lectern_project_ensure_tag_path (project, path, &error);

  g_assert_no_error (error);
  return lectern_tag_get_id (found);
}

static void
code (LecternProject *project,
      gint64          document,
      glong           start,
      glong           end,
      gint64          tag_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) annotation =
    lectern_project_add_annotation (project, document, start, end, &tag_id, 1, NULL, &error);

  g_assert_no_error (error);
}

static void
set_coder (LecternProject *project,
           const char     *name)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lectern_project_set_coder (project, name, NULL, &error));
  g_assert_no_error (error);
}

/*   0–10  both {X}                  agreed
 *  12–20  Alice {X}                 only A
 *  22–30  Bob {Y}                   only B
 *  32–40  Alice {X}, Bob 34–40 {X}  different bounds
 *  42–50  Alice {X}, Bob {Y}        different codes
 *  52–60  Alice {Y}                 only A */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("adjudicate-%u.lectern", ++n);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = make_text ();

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  f->file = g_file_new_for_path (path);
  project = lectern_project_create (f->file, &error);
  g_assert_no_error (error);
  lectern_document_set_title (document, "Interview");
  f->document = lectern_project_add_document (project, document, text, &error);
  g_assert_no_error (error);
  f->x = tag (project, "X");
  f->y = tag (project, "Y");

  set_coder (project, "Alice");
  code (project, f->document, 0, 10, f->x);
  code (project, f->document, 12, 20, f->x);
  code (project, f->document, 32, 40, f->x);
  code (project, f->document, 42, 50, f->x);
  code (project, f->document, 52, 60, f->y);
  set_coder (project, "Bob");
  code (project, f->document, 0, 10, f->x);
  code (project, f->document, 22, 30, f->y);
  code (project, f->document, 34, 40, f->x);
  code (project, f->document, 42, 50, f->y);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->file);
}

static gint64
coder_id (LecternProject *project,
          const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) coders = lectern_project_list_coders (project, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < coders->len; i++)
    if (g_strcmp0 (lectern_coder_get_name (g_ptr_array_index (coders, i)), name) == 0)
      return lectern_coder_get_id (g_ptr_array_index (coders, i));
  return 0;
}

/* "start-end:tags;…" of @name's passages, in reading order. */
static char *
coding_of (LecternProject *project,
           Fixture        *f,
           const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = lectern_project_list_annotations (project, f->document, 0, FALSE, &error);
  gint64 coder = coder_id (project, name);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LecternAnnotation) passage = g_list_model_get_item (all, i);
      const gint64 *tags;
      guint n;

      if (coder == 0 || lectern_annotation_get_coder_id (passage) != coder)
        continue;
      tags = lectern_annotation_get_tag_ids (passage, &n);
      g_string_append_printf (out, "%s%ld-%ld:", out->len > 0 ? ";" : "",
                              lectern_annotation_get_start (passage), lectern_annotation_get_end (passage));
      for (guint j = 0; j < n; j++)
        g_string_append_printf (out, "%s%s", j > 0 ? "," : "", tags[j] == f->x ? "X" : "Y");
    }
  return g_string_free (out, FALSE);
}

static void
assert_coding (LecternProject *project,
               Fixture        *f,
               const char     *name,
               const char     *expected)
{
  g_autofree char *coding = coding_of (project, f, name);

  g_assert_cmpstr (coding, ==, expected);
}

static const char alice_coding[] = "0-10:X;12-20:X;32-40:X;42-50:X;52-60:Y";
static const char bob_coding[] = "0-10:X;22-30:Y;34-40:X;42-50:Y";

/* The count shown, and the disagreements linked across. */
static void
assert_left (LecternCompareWindow *window,
             guint                 left,
             const char           *summary)
{
  g_assert_cmpuint (lectern_compare_window_get_chunks (window)->len, ==, left);
  g_assert_cmpstr (gtk_label_get_text (window->summary_label), ==, summary);
}

static void
assert_current (LecternCompareWindow *window,
                glong                 start)
{
  int current = lectern_compare_window_get_current (window);

  g_assert_cmpint (current, >=, 0);
  g_assert_cmpint (g_array_index (lectern_compare_window_get_chunks (window), LecternChunk, current).a_start,
                   ==, start);
}

static void
act (LecternCompareWindow *window,
     const char           *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  app_test_drain ();
}

/* Ctrl+Z, as a user presses it in the comparison window. */
static void
press_undo (LecternCompareWindow *window)
{
  GtkShortcutController *controller = NULL;
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  /* The window's class shortcuts: Ctrl+Z there is compare.undo. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && controller == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (item))
        {
          GListModel *shortcuts = G_LIST_MODEL (item);

          for (guint j = 0; j < g_list_model_get_n_items (shortcuts) && controller == NULL; j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
              g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
              GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

              if (g_str_equal (trigger, "<Control>z") && GTK_IS_NAMED_ACTION (action)
                  && g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "compare.undo"))
                {
                  g_assert_true (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (window), NULL));
                  controller = GTK_SHORTCUT_CONTROLLER (item);
                }
            }
        }
    }
  g_object_unref (controllers);
  g_assert_nonnull (controller);
  app_test_drain ();
}

static void
test_adjudicate (Fixture       *f,
                 gconstpointer  data)
{
  LecternWindow *main_window = app_test_open_project_window (f->file, f->document);
  LecternProject *project = main_window->project;
  LecternCompareWindow *window;
  glong s, e;

  /* The adjudicator is a third coder. */
  set_coder (project, "Carol");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.compare-coders", NULL));
  WAIT_UNTIL (app_test_find_window (LECTERN_TYPE_COMPARE_WINDOW) != NULL);
  window = LECTERN_COMPARE_WINDOW (app_test_find_window (LECTERN_TYPE_COMPARE_WINDOW));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  app_test_drain ();

  /* One document twice: Alice's coding on the left, Bob's on the right
   * (who coded it most), each pane showing only theirs. */
  g_assert_cmpint (lectern_compare_window_get_mode (window), ==, LECTERN_COMPARE_MODE_CODERS);
  g_assert_cmpint (lectern_compare_window_get_document (window, 0), ==, f->document);
  g_assert_cmpint (lectern_compare_window_get_document (window, 1), ==, f->document);
  g_assert_cmpint (lectern_compare_window_get_coder (window, 0), ==, coder_id (project, "Alice"));
  g_assert_cmpint (lectern_compare_window_get_coder (window, 1), ==, coder_id (project, "Bob"));
  {
    guint n;

    g_assert_cmpint (lectern_reader_view_get_coders (window->pane_a, &n)[0], ==, coder_id (project, "Alice"));
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpint (lectern_reader_view_get_coders (window->pane_b, &n)[0], ==, coder_id (project, "Bob"));
  }
  g_assert_true (gtk_action_bar_get_revealed (window->coders_bar));

  /* The identical coding is accepted at once; five disagreements left. */
  assert_coding (project, f, "Carol", "0-10:X");
  assert_left (window, 5, "5 of 5 disagreements left");

  /* Each linked across by a band. */
  WAIT_UNTIL (lectern_compare_bands_get_n_drawn (window->bands) == 5);

  /* Next and previous. */
  g_assert_cmpint (lectern_compare_window_get_current (window), ==, -1);
  act (window, "compare.next-change");
  assert_current (window, 12);
  g_assert_cmpstr (gtk_label_get_text (window->unit_label), ==, "Only Alice coded this");
  act (window, "compare.next-change");
  assert_current (window, 22);
  act (window, "compare.next-change");
  assert_current (window, 32);
  g_assert_cmpstr (gtk_label_get_text (window->unit_label), ==, "Different bounds");
  /* Accept All offers each coder's code there: Alice's X and Bob's X. */
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (window->accept_all_button)), ==, 2);
  act (window, "compare.previous-change");
  act (window, "compare.previous-change");
  assert_current (window, 12);

  /* Only A: keep A's. The next disagreement is current. */
  act (window, "compare.keep-a");
  assert_left (window, 4, "4 of 5 disagreements left");
  assert_coding (project, f, "Carol", "0-10:X;12-20:X");
  assert_current (window, 22);

  /* Only B: keep B's. */
  act (window, "compare.keep-b");
  assert_left (window, 3, "3 of 5 disagreements left");
  assert_coding (project, f, "Carol", "0-10:X;12-20:X;22-30:Y");
  assert_current (window, 32);

  /* Different bounds: edit, keeping the text selected in a pane. */
  lectern_reader_view_select_range (window->pane_b, 33, 39);
  app_test_drain ();
  g_assert_true (lectern_reader_view_get_selection (window->pane_b, &s, &e));
  assert_current (window, 32);
  act (window, "compare.keep-selection");
  assert_left (window, 2, "2 of 5 disagreements left");
  assert_coding (project, f, "Carol", "0-10:X;12-20:X;22-30:Y;33-39:X");
  assert_current (window, 42);
  g_assert_cmpstr (gtk_label_get_text (window->unit_label), ==, "Same passage, different codes");

  /* Different codes: keep both, one passage with both codes. */
  act (window, "compare.keep-both");
  assert_left (window, 1, "1 of 5 disagreements left");
  assert_coding (project, f, "Carol", "0-10:X;12-20:X;22-30:Y;33-39:X;42-50:X,Y");
  assert_current (window, 52);

  /* The last: keep neither. */
  act (window, "compare.keep-neither");
  assert_left (window, 0, "0 of 5 disagreements left");
  assert_coding (project, f, "Carol", "0-10:X;12-20:X;22-30:Y;33-39:X;42-50:X,Y");
  g_assert_cmpint (lectern_compare_window_get_current (window), ==, -1);

  /* Nothing of Alice's or Bob's changed. */
  assert_coding (project, f, "Alice", alice_coding);
  assert_coding (project, f, "Bob", bob_coding);

  /* Ctrl+Z undoes each decision, the last first; the window goes back
   * to the disagreement that returns. */
  press_undo (window);
  assert_left (window, 1, "1 of 5 disagreements left");
  assert_current (window, 52);
  press_undo (window);
  assert_left (window, 2, "2 of 5 disagreements left");
  assert_coding (project, f, "Carol", "0-10:X;12-20:X;22-30:Y;33-39:X");
  assert_current (window, 42);
  press_undo (window);
  press_undo (window);
  press_undo (window);
  assert_left (window, 5, "5 of 5 disagreements left");
  assert_coding (project, f, "Carol", "0-10:X");
  assert_current (window, 12);
  /* And the identical coding accepted, which stays undone. */
  press_undo (window);
  assert_coding (project, f, "Carol", "");
  assert_left (window, 5, "5 of 5 disagreements left");

  assert_coding (project, f, "Alice", alice_coding);
  assert_coding (project, f, "Bob", bob_coding);

  app_test_close_window (GTK_WINDOW (window));
  app_test_close_window (GTK_WINDOW (main_window));
}

/* Accept all of one coder's remaining codings for a code, in one step. */
static void
test_accept_all (Fixture       *f,
                 gconstpointer  data)
{
  LecternWindow *main_window = app_test_open_project_window (f->file, f->document);
  LecternProject *project = main_window->project;
  LecternCompareWindow *window;

  set_coder (project, "Carol");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.compare-coders", NULL));
  WAIT_UNTIL (app_test_find_window (LECTERN_TYPE_COMPARE_WINDOW) != NULL);
  window = LECTERN_COMPARE_WINDOW (app_test_find_window (LECTERN_TYPE_COMPARE_WINDOW));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  app_test_drain ();
  assert_left (window, 5, "5 of 5 disagreements left");

  /* On 12–20, the menu offers Alice's X. */
  act (window, "compare.next-change");
  g_assert_nonnull (gtk_menu_button_get_menu_model (window->accept_all_button));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (window->accept_all_button)), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "compare.accept-all", "(bx)", FALSE, f->x));
  app_test_drain ();
  /* 12–20, 32–40 and 42–50: Alice coded X there. */
  assert_left (window, 2, "2 of 5 disagreements left");
  assert_coding (project, f, "Carol", "0-10:X;12-20:X;32-40:X;42-50:X");
  press_undo (window);
  assert_left (window, 5, "5 of 5 disagreements left");
  assert_coding (project, f, "Carol", "0-10:X");

  app_test_close_window (GTK_WINDOW (window));
  app_test_close_window (GTK_WINDOW (main_window));
}

static void
add_tests (void)
{
  g_test_add ("/Lectern/Adjudicate/side-by-side", Fixture, NULL, fixture_set_up, test_adjudicate, fixture_tear_down);
  g_test_add ("/Lectern/Adjudicate/accept-all", Fixture, NULL, fixture_set_up, test_accept_all, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-test-adjudicate", add_tests);
}
