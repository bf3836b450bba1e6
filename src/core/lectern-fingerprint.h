/* lectern-fingerprint.h — word n-gram fingerprints for shared passages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* Words per shingle. */
#define LECTERN_FINGERPRINT_WORDS 5

typedef struct
{
  guint64 hash;   /* of the folded words of one shingle */
  glong   start;  /* code-point span of the shingle in the text */
  glong   end;
} LecternFingerprint;

/* The fingerprints of @text: shingles of LECTERN_FINGERPRINT_WORDS folded
 * words (case and diacritics ignored), winnowed so that any passage of
 * LECTERN_FINGERPRINT_GUARANTEE words or more shared by two texts yields at
 * least one common hash. (transfer full) element-type LecternFingerprint */
#define LECTERN_FINGERPRINT_GUARANTEE 12
GArray *lectern_fingerprint_compute (const char *text);
/* Every shingle, not winnowed: for the passage being looked up. */
GArray *lectern_fingerprint_compute_all (const char *text);

G_END_DECLS
