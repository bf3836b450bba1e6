/* test-export-enums.c — export's public enums are GTypes that name their
 * values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-export.h"

static void
test_enums (void)
{
  g_autoptr(GEnumClass) formats = g_type_class_ref (LECTERN_TYPE_EXPORT_FORMAT);
  g_autoptr(GEnumClass) groups = g_type_class_ref (LECTERN_TYPE_EXPORT_GROUP_BY);
  g_autoptr(GEnumClass) errors = g_type_class_ref (LECTERN_TYPE_EXPORT_ERROR);

  g_assert_cmpstr (g_enum_get_value (formats, LECTERN_EXPORT_FORMAT_QDPX)->value_nick, ==, "qdpx");
  g_assert_cmpstr (g_enum_get_value (formats, LECTERN_EXPORT_FORMAT_PDF)->value_nick, ==, "pdf");
  g_assert_cmpstr (g_enum_get_value (groups, LECTERN_EXPORT_GROUP_BY_TAG)->value_nick, ==, "tag");
  g_assert_cmpstr (g_enum_get_value (errors, LECTERN_EXPORT_ERROR_DAMAGED)->value_nick, ==, "damaged");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Lectern/ExportEnums/enums", test_enums);
  return g_test_run ();
}
