/* lectern-word-table-writer.h — word lists and keyness tables as CSV, the
 * same columns as lectern-cli frequencies and keyness print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_EXPORT_INSIDE) && !defined (LECTERN_EXPORT_COMPILATION)
# error "Only <lectern-export.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-core.h"

G_BEGIN_DECLS

/* "word,count,per_million", a row per word of @words (element-type
 * LecternWordCount; @all: its count, else its listed count), per million
 * of @total words. */
gboolean lectern_word_list_write_csv (GPtrArray      *words,
                                      gboolean        all,
                                      gint64          total,
                                      GOutputStream  *stream,
                                      GError        **error);
/* "word,a_count,b_count,log_likelihood,log_ratio", a row per keyword
 * (element-type LecternKeyword), in the given order. */
gboolean lectern_keyness_write_csv   (GPtrArray      *keywords,
                                      GOutputStream  *stream,
                                      GError        **error);

G_END_DECLS
