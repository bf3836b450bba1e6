/* office-test-util.h — what the tests of the DOCX, ODT and mail readers
 * share: fixtures, a printable form of an extract, and zip archives made
 * in memory for the refusals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-import.h"

G_BEGIN_DECLS

/* tests/fixtures/SUBDIR/NAME, read whole. */
GBytes *office_test_fixture          (const char  *subdir,
                                      const char  *name);
/* "KIND START END VALUE" lines, as `lectern-cli structure` prints them. */
char   *office_test_dump_structure   (LecternExtract *extract);
/* "START END AUTHOR|DATE|TEXT" lines, with the passage each covers. */
char   *office_test_dump_notes       (LecternExtract *extract);
/* A zip archive of (path, content) pairs, NULL-terminated; each
 * content's length is strlen() unless it is the @big_path, which gets
 * @big_size bytes of 'x'. */
GBytes *office_test_zip              (const char  *big_path,
                                      gsize        big_size,
                                      ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
