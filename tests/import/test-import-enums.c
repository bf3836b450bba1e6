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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Lectern/ImportEnums/error", test_error);
  return g_test_run ();
}
