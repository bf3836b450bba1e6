/* test-compare-enums.c — compare's public enums are GTypes that name their
 * values: the comparison window's "mode" property and actions rely on the
 * mode nicks being the words the CLI and the JSON use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-compare.h"

static void
test_mode (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LECTERN_TYPE_COMPARE_MODE);
  LecternCompareMode modes[] = {
    LECTERN_COMPARE_MODE_VERSIONS,
    LECTERN_COMPARE_MODE_TRANSLATION,
    LECTERN_COMPARE_MODE_SHARED,
    LECTERN_COMPARE_MODE_CODERS,
  };

  g_assert_true (G_TYPE_IS_ENUM (LECTERN_TYPE_COMPARE_MODE));
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      GEnumValue *value = g_enum_get_value (klass, modes[i]);

      g_assert_nonnull (value);
      g_assert_cmpstr (value->value_nick, ==, lectern_compare_mode_to_string (modes[i]));
    }
}

static void
test_others (void)
{
  g_autoptr(GFlagsClass) flags = g_type_class_ref (LECTERN_TYPE_WORD_DIFF_FLAGS);
  g_autoptr(GEnumClass) errors = g_type_class_ref (LECTERN_TYPE_COMPARE_ERROR);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (LECTERN_TYPE_CHUNK_KIND);

  g_assert_cmpstr (g_flags_get_first_value (flags, LECTERN_WORD_DIFF_IGNORE_PUNCTUATION)->value_nick,
                   ==, "ignore-punctuation");
  g_assert_cmpstr (g_enum_get_value (errors, LECTERN_COMPARE_ERROR_INVALID)->value_nick, ==, "invalid");
  g_assert_cmpstr (g_enum_get_value (kinds, LECTERN_CHUNK_SHARED)->value_nick, ==, "shared");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Lectern/CompareEnums/mode", test_mode);
  g_test_add_func ("/Lectern/CompareEnums/others", test_others);
  return g_test_run ();
}
