/* test-import-enums.c — import's error codes are a GType that names them,
 * the readers' codes among them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-import.h"

static void
test_error (void)
{
  g_autoptr(GEnumClass) errors = g_type_class_ref (LECTERN_TYPE_IMPORT_ERROR);

  g_assert_true (G_TYPE_IS_ENUM (LECTERN_TYPE_IMPORT_ERROR));
  g_assert_cmpstr (g_enum_get_value (errors, LECTERN_IMPORT_ERROR_DUPLICATE)->value_nick, ==, "duplicate");
  g_assert_cmpstr (g_enum_get_value (errors, LECTERN_IMPORT_ERROR_UNSAFE)->value_nick, ==, "unsafe");
  g_assert_cmpstr (g_enum_get_value (errors, LECTERN_IMPORT_ERROR_TOO_LARGE)->value_nick, ==, "too-large");
}

/* The merge plan's enums, for the app's preview. */
static void
test_merge (void)
{
  g_autoptr(GEnumClass) outcomes = g_type_class_ref (LECTERN_TYPE_MERGE_OUTCOME);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (LECTERN_TYPE_MERGE_KIND);

  g_assert_cmpstr (g_enum_get_value (outcomes, LECTERN_MERGE_CONFLICT)->value_nick, ==, "conflict");
  g_assert_cmpstr (g_enum_get_value (kinds, LECTERN_MERGE_PASSAGE)->value_nick, ==, "passage");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Lectern/ImportEnums/error", test_error);
  g_test_add_func ("/Lectern/ImportEnums/merge", test_merge);
  return g_test_run ();
}
