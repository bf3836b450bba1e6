/* test-turn-corrections.c — the user's corrections to a transcript's
 * turns, kept in the project: stored in order, refused when they mean
 * nothing, one undo step each, announced by "changed", gone with their
 * document and back with it on undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-core.h"

#include "lectern-test-sqlite.h"

#define TEXT "Q: Why?\nA: Because.\nQ: And now?\nA: Now we know.\n"

static LecternProject *
create_project (char **path_out)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LecternProject *project;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  *path_out = g_build_filename (g_get_user_data_dir (), "turns.lectern", NULL);
  file = g_file_new_for_path (*path_out);
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  return project;
}

static gint64
add_document (LecternProject *project)
{
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (document, "Interview");
  id = lectern_project_add_document (project, document, TEXT, &error);
  g_assert_no_error (error);
  return id;
}

static void
add (LecternProject             *project,
     gint64                     id,
     LecternTurnCorrectionKind  kind,
     guint                      offset,
     const char                *speaker,
     const char                *target)
{
  LecternTurnCorrection correction = { kind, offset, (char *) speaker, (char *) target };
  g_autoptr(GError) error = NULL;

  g_assert_true (lectern_project_add_turn_correction (project, id, &correction, &error));
  g_assert_no_error (error);
}

/* The four corrections add_sample() makes, read back in order. */
static void
assert_sample (GArray *corrections)
{
  const LecternTurnCorrection *c;

  g_assert_cmpuint (corrections->len, ==, 4);
  c = &g_array_index (corrections, LecternTurnCorrection, 0);
  g_assert_cmpint (c->kind, ==, LECTERN_TURN_CORRECTION_RENAME);
  g_assert_cmpstr (c->speaker, ==, "Q");
  g_assert_cmpstr (c->target, ==, "Journalist");
  c = &g_array_index (corrections, LecternTurnCorrection, 1);
  g_assert_cmpint (c->kind, ==, LECTERN_TURN_CORRECTION_NOT_TURN);
  g_assert_cmpuint (c->offset, ==, 22);
  g_assert_null (c->speaker);
  c = &g_array_index (corrections, LecternTurnCorrection, 2);
  g_assert_cmpint (c->kind, ==, LECTERN_TURN_CORRECTION_SET_TURN);
  g_assert_cmpuint (c->offset, ==, 9);
  g_assert_cmpstr (c->speaker, ==, "Minister");
  g_assert_null (c->target);
  c = &g_array_index (corrections, LecternTurnCorrection, 3);
  g_assert_cmpint (c->kind, ==, LECTERN_TURN_CORRECTION_MERGE);
  g_assert_cmpstr (c->speaker, ==, "A");
  g_assert_cmpstr (c->target, ==, "Minister");
}

static void
add_sample (LecternProject *project,
            gint64         id)
{
  add (project, id, LECTERN_TURN_CORRECTION_RENAME, 0, "Q", "Journalist");
  add (project, id, LECTERN_TURN_CORRECTION_NOT_TURN, 22, NULL, NULL);
  add (project, id, LECTERN_TURN_CORRECTION_SET_TURN, 9, "Minister", NULL);
  add (project, id, LECTERN_TURN_CORRECTION_MERGE, 0, "A", "Minister");
}

static void
test_round_trip (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LecternProject) project = create_project (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) read = NULL;
  g_autoptr(GArray) other = NULL;
  gint64 id = add_document (project);

  read = lectern_project_dup_turn_corrections (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 0);
  g_clear_pointer (&read, g_array_unref);

  add_sample (project, id);
  read = lectern_project_dup_turn_corrections (project, id, &error);
  g_assert_no_error (error);
  assert_sample (read);

  /* The project file names the kinds as the header does. */
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM turn_corrections"
                                               " WHERE kind = 'not-turn' AND line_offset = 22"), ==, 1);

  other = lectern_project_dup_turn_corrections (project, 99, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_assert_null (other);
}

static void
test_refused (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LecternProject) project = create_project (&path);
  gint64 id = add_document (project);
  const LecternTurnCorrection refused[] = {
    { LECTERN_TURN_CORRECTION_SET_TURN, 3, NULL, NULL },
    { LECTERN_TURN_CORRECTION_SET_TURN, 3, (char *) "", NULL },
    { LECTERN_TURN_CORRECTION_SET_TURN, 9999, (char *) "Q", NULL },
    { LECTERN_TURN_CORRECTION_NOT_TURN, 9999, NULL, NULL },
    { LECTERN_TURN_CORRECTION_RENAME, 0, (char *) "Q", NULL },
    { LECTERN_TURN_CORRECTION_MERGE, 0, NULL, (char *) "A" },
    { LECTERN_TURN_CORRECTION_RENAME, 0, (char *) "Q", (char *) "\xff" },
  };
  LecternTurnCorrection fine = { LECTERN_TURN_CORRECTION_CLEAR, 0, NULL, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lectern_project_add_turn_correction (project, id, &refused[i], &error));
      g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
    }
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM turn_corrections"), ==, 0);

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lectern_project_add_turn_correction (project, 99, &fine, &error));
    g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  }
  {
    g_autoptr(GError) error = NULL;

    /* The end of the text is a position in it. */
    fine.kind = LECTERN_TURN_CORRECTION_NOT_TURN;
    fine.offset = g_utf8_strlen (TEXT, -1);
    g_assert_true (lectern_project_add_turn_correction (project, id, &fine, &error));
    g_assert_no_error (error);
  }
}

static void
on_changed (LecternProject *project,
            guint          what,
            gint64         document_id,
            gpointer       user_data)
{
  gint64 *seen = user_data;

  (void) project;
  g_assert_true (what & LECTERN_CHANGE_DOCUMENTS);
  *seen = document_id;
}

static void
test_undo (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LecternProject) project = create_project (&path);
  g_autoptr(GError) error = NULL;
  gint64 id = add_document (project);
  gint64 seen = 0;

  lectern_project_set_undo_enabled (project, TRUE);
  g_signal_connect (project, "changed", G_CALLBACK (on_changed), &seen);

  add (project, id, LECTERN_TURN_CORRECTION_RENAME, 0, "Q", "Journalist");
  g_assert_cmpint (seen, ==, id);
  add (project, id, LECTERN_TURN_CORRECTION_NOT_TURN, 22, NULL, NULL);
  g_assert_cmpstr (lectern_project_get_undo_label (project), ==, "Correct speaker turns");

  /* One step each. */
  seen = 0;
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seen, ==, id);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM turn_corrections"), ==, 1);
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM turn_corrections"), ==, 0);
  g_assert_true (lectern_project_redo (project, &error));
  g_assert_true (lectern_project_redo (project, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) read = lectern_project_dup_turn_corrections (project, id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (read->len, ==, 2);
    g_assert_cmpint (g_array_index (read, LecternTurnCorrection, 0).kind, ==, LECTERN_TURN_CORRECTION_RENAME);
    g_assert_cmpint (g_array_index (read, LecternTurnCorrection, 1).kind, ==, LECTERN_TURN_CORRECTION_NOT_TURN);
  }

  /* A correction after an undo comes after those still there. */
  g_assert_true (lectern_project_undo (project, &error));
  add (project, id, LECTERN_TURN_CORRECTION_SET_TURN, 9, "Minister", NULL);
  {
    g_autoptr(GArray) read = lectern_project_dup_turn_corrections (project, id, &error);

    g_assert_cmpuint (read->len, ==, 2);
    g_assert_cmpint (g_array_index (read, LecternTurnCorrection, 1).kind, ==, LECTERN_TURN_CORRECTION_SET_TURN);
  }
}

static void
test_cascade (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LecternProject) project = create_project (&path);
  g_autoptr(GError) error = NULL;
  gint64 id = add_document (project);

  add_sample (project, id);
  lectern_project_set_undo_enabled (project, TRUE);

  g_assert_true (lectern_project_delete_document (project, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM turn_corrections"), ==, 0);

  /* Undo brings the document back with its corrections, in order. */
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) read = lectern_project_dup_turn_corrections (project, id, &error);

    g_assert_no_error (error);
    assert_sample (read);
  }
}

static void
test_kind_names (void)
{
  const char *names[] = { "set-turn", "not-turn", "rename", "merge", "clear" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      LecternTurnCorrectionKind kind;

      g_assert_cmpstr (lectern_turn_correction_kind_to_string (i), ==, names[i]);
      g_assert_true (lectern_turn_correction_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }
  {
    LecternTurnCorrectionKind kind;

    g_assert_false (lectern_turn_correction_kind_from_string ("split", &kind));
    g_assert_false (lectern_turn_correction_kind_from_string (NULL, &kind));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/TurnCorrections/round-trip", test_round_trip);
  g_test_add_func ("/Lectern/TurnCorrections/refused", test_refused);
  g_test_add_func ("/Lectern/TurnCorrections/undo", test_undo);
  g_test_add_func ("/Lectern/TurnCorrections/cascade", test_cascade);
  g_test_add_func ("/Lectern/TurnCorrections/kind-names", test_kind_names);

  return g_test_run ();
}
