/* lectern-compare-bands.h — the strip between two compared panes: one
 * band per linked chunk, from its place in the left text view to its place
 * in the right one, as Meld draws them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-compare.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_COMPARE_BANDS (lectern_compare_bands_get_type ())

G_DECLARE_FINAL_TYPE (LecternCompareBands, lectern_compare_bands, LECTERN, COMPARE_BANDS, GtkWidget)

GtkWidget *lectern_compare_bands_new       (void);
/* The two text views whose chunks are linked; (transfer none), kept weakly. */
void       lectern_compare_bands_set_views (LecternCompareBands *self,
                                            GtkTextView         *a,
                                            GtkTextView         *b);
/* @chunks: (element-type LecternChunk) or NULL; referenced. EQUAL chunks
 * and chunks with a missing side get no band. */
void       lectern_compare_bands_set_chunks (LecternCompareBands *self,
                                             GArray              *chunks);
/* The chunk drawn emphasised (index into the chunks), or -1. */
void       lectern_compare_bands_set_focus  (LecternCompareBands *self,
                                             int                  index);
/* Bands drawn at the last snapshot, for tests. */
guint      lectern_compare_bands_get_n_drawn (LecternCompareBands *self);

G_END_DECLS
