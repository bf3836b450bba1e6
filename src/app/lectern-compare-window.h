/* lectern-compare-window.h — two documents side by side: versions,
 * translation or shared passages, with bands linking the chunks.
 *
 * Property "busy" (notified) while a comparison runs off the main thread;
 * signal "compared" when its result is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-compare.h"
#include "lectern-compare-bands.h"
#include "lectern-core.h"
#include "lectern-reader-view.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_COMPARE_WINDOW (lectern_compare_window_get_type ())

G_DECLARE_FINAL_TYPE (LecternCompareWindow, lectern_compare_window, LECTERN, COMPARE_WINDOW, AdwWindow)

/* A window over @parent comparing @a (left) with @b (right) in @mode; the
 * comparison starts at once. */
LecternCompareWindow *lectern_compare_window_new           (GtkWindow            *parent,
                                                            LecternProject        *project,
                                                            gint64                a,
                                                            gint64                b,
                                                            LecternCompareMode    mode);
void                  lectern_compare_window_set_documents (LecternCompareWindow *self,
                                                            gint64                a,
                                                            gint64                b);
/* Versions mode: version @version of @document_id on the left (read
 * only), its current text on the right. */
void                  lectern_compare_window_show_version  (LecternCompareWindow *self,
                                                            gint64                document_id,
                                                            guint                 version);
/* The earlier version shown on the left, or 0 (a document is). */
guint                 lectern_compare_window_get_version   (LecternCompareWindow *self);
/* @side 0: left, 1: right. */
gint64                lectern_compare_window_get_document  (LecternCompareWindow *self,
                                                            guint                 side);
void                  lectern_compare_window_set_mode      (LecternCompareWindow *self,
                                                            LecternCompareMode    mode);
LecternCompareMode    lectern_compare_window_get_mode      (LecternCompareWindow *self);
/* Coders mode: whose coding is on the left (A) and on the right (B). */
void                  lectern_compare_window_set_coders    (LecternCompareWindow *self,
                                                            gint64                a,
                                                            gint64                b);
gint64                lectern_compare_window_get_coder     (LecternCompareWindow *self,
                                                            guint                 side);
gboolean              lectern_compare_window_get_busy      (LecternCompareWindow *self);
/* The chunks shown, or NULL before the first result. (transfer none)
 * element-type LecternChunk */
GArray               *lectern_compare_window_get_chunks    (LecternCompareWindow *self);
/* Index of the chunk under focus (the change jumped to), or -1. */
int                   lectern_compare_window_get_current   (LecternCompareWindow *self);
/* Words added, removed and changed, for versions. */
void                  lectern_compare_window_get_summary   (LecternCompareWindow *self,
                                                            LecternDiffSummary   *summary);
/* For tests and the workbench. (transfer none) */
LecternReaderView    *lectern_compare_window_get_pane      (LecternCompareWindow *self,
                                                            guint                 side);
LecternCompareBands  *lectern_compare_window_get_bands     (LecternCompareWindow *self);

G_END_DECLS
