/* lectern-pdf-reader-private.h — the PDF reader's knobs for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-import.h"

G_BEGIN_DECLS

/* FALSE: pages without a text layer are refused or left out as if
 * Tesseract were not installed (for tests); TRUE restores the default. */
void _lectern_pdf_reader_set_ocr_enabled (gboolean enabled);

/* Lowers the bounds on pages and on characters of text (for tests); 0
 * restores a default. */
void _lectern_pdf_reader_set_limits (guint pages,
                                     gsize chars);

/* TRUE for a title no author wrote: "Microsoft Word - x.docx",
 * "untitled", the file's name. */
gboolean _lectern_pdf_reader_is_junk_title (const char *title,
                                            const char *display_name);

G_END_DECLS
