/* fuzz-extract.h — what the format readers' fuzz targets check alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdint.h>
#include <stddef.h>

#include "lectern-import.h"

G_BEGIN_DECLS

typedef enum
{
  FUZZ_EXTRACT_NONE         = 0,
  /* Spans nest or lie apart, never cross (the ends still open form a
   * stack): readers that build spans from a tree. */
  FUZZ_EXTRACT_NESTED       = 1 << 0,
  /* Each extract holds some text (readers that refuse an empty file). */
  FUZZ_EXTRACT_HAS_TEXT     = 1 << 1,
  /* Headings, footnotes, turns and times carry their value. */
  FUZZ_EXTRACT_NAMED_SPANS  = 1 << 2,
} FuzzExtractChecks;

/* @data as the importer hands it to readers: followed by a NUL it does
 * not count. */
GBytes *fuzz_bytes_with_nul (const uint8_t     *data,
                             size_t             size);

/* A reader's answer: refused with a LECTERN_IMPORT_ERROR naming
 * @display_name, or extracts (exactly @n_expected when it is not 0) of
 * stored text (valid UTF-8, NFC, no CR) whose length is counted right,
 * with structure spans inside the text in text order, notes inside it,
 * and metadata in UTF-8; plus @checks. */
void    fuzz_check_extracts (GPtrArray         *extracts,
                             const GError      *error,
                             const char        *display_name,
                             guint              n_expected,
                             FuzzExtractChecks  checks);

G_END_DECLS
