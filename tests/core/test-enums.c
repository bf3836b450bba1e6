/* test-enums.c — core's public enums are GTypes that name their values,
 * and the corpus "changed" signal carries LecternChange flags.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "lectern-core.h"

static void
assert_flag_nick (GType       type,
                  guint       value,
                  const char *nick)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
  GFlagsValue *flags_value = g_flags_get_first_value (klass, value);

  g_assert_nonnull (flags_value);
  g_assert_cmpuint (flags_value->value, ==, value);
  g_assert_cmpstr (flags_value->value_nick, ==, nick);
}

static void
assert_enum_nick (GType       type,
                  int         value,
                  const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  g_assert_nonnull (enum_value);
  g_assert_cmpstr (enum_value->value_nick, ==, nick);
}

static void
test_types (void)
{
  g_assert_true (G_TYPE_IS_FLAGS (LECTERN_TYPE_CHANGE));
  assert_flag_nick (LECTERN_TYPE_CHANGE, LECTERN_CHANGE_DOCUMENTS, "documents");
  assert_flag_nick (LECTERN_TYPE_CHANGE, LECTERN_CHANGE_ALIGNMENTS, "alignments");
  {
    g_autoptr(GFlagsClass) klass = g_type_class_ref (LECTERN_TYPE_CHANGE);

    g_assert_cmpuint (g_flags_get_value_by_nick (klass, "all")->value, ==, LECTERN_CHANGE_ALL);
  }
  g_assert_true (G_TYPE_IS_FLAGS (LECTERN_TYPE_WORD_ITER_FLAGS));
  assert_flag_nick (LECTERN_TYPE_WORD_ITER_FLAGS, LECTERN_WORD_ITER_FOLD, "fold");
  g_assert_true (G_TYPE_IS_FLAGS (LECTERN_TYPE_ATOMIC_FILE_FLAGS));
  assert_flag_nick (LECTERN_TYPE_ATOMIC_FILE_FLAGS, LECTERN_ATOMIC_FILE_NO_REPLACE, "no-replace");

  g_assert_true (G_TYPE_IS_ENUM (LECTERN_TYPE_PROJECT_ERROR));
  assert_enum_nick (LECTERN_TYPE_PROJECT_ERROR, LECTERN_PROJECT_ERROR_TAMPERED, "tampered");
  assert_enum_nick (LECTERN_TYPE_MEMO_TARGET, LECTERN_MEMO_DOCUMENT, "document");
  assert_enum_nick (LECTERN_TYPE_TOKEN_KIND, LECTERN_TOKEN_PUNCT, "punct");
}

static void
changed_cb (LecternProject *project,
            guint          what,
            gint64         document_id,
            guint         *seen)
{
  *seen |= what;
}

static void
test_changed_signal (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "enums.lectern", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternTag) tag = NULL;
  GSignalQuery query;
  guint seen = 0;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);

  g_signal_query (g_signal_lookup ("changed", LECTERN_TYPE_PROJECT), &query);
  g_assert_cmpuint (query.n_params, ==, 2);
  g_assert_true ((query.param_types[0] & ~G_SIGNAL_TYPE_STATIC_SCOPE) == LECTERN_TYPE_CHANGE);

  /* A handler written for a guint still gets the flags. */
  g_signal_connect (project, "changed", G_CALLBACK (changed_cb), &seen);
  tag = lectern_project_add_tag (project, 0, "Treaty", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen & LECTERN_CHANGE_TAGS, ==, LECTERN_CHANGE_TAGS);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/Enums/types", test_types);
  g_test_add_func ("/Lectern/Enums/changed-signal", test_changed_signal);
  return g_test_run ();
}
