/* lectern-coder-filter.h — whose coding a window shows, as a popover:
 * All Coders, Only Me (the current coder), or Chosen Coders checked in a
 * list of the project's coders. A view setting, kept nowhere. "changed"
 * after each choice and when the project's coders change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_CODER_FILTER (lectern_coder_filter_get_type ())

G_DECLARE_FINAL_TYPE (LecternCoderFilter, lectern_coder_filter, LECTERN, CODER_FILTER, GtkPopover)

typedef enum
{
  LECTERN_CODER_FILTER_ALL,
  LECTERN_CODER_FILTER_ME,
  LECTERN_CODER_FILTER_CHOSEN,
} LecternCoderFilterMode;

GtkWidget             *lectern_coder_filter_new          (void);
void                   lectern_coder_filter_set_project  (LecternCoderFilter     *self,
                                                          LecternProject         *project);
/* Reads the coders again now (the current coder renamed, or another
 * one), and says "changed" when they or the current coder differ. */
void                   lectern_coder_filter_reload       (LecternCoderFilter     *self);
/* The project's coders, as last read. */
guint                  lectern_coder_filter_get_n_coders (LecternCoderFilter     *self);
LecternCoderFilterMode lectern_coder_filter_get_mode     (LecternCoderFilter     *self);
void                   lectern_coder_filter_set_mode     (LecternCoderFilter     *self,
                                                          LecternCoderFilterMode  mode);
/* Checks or unchecks a coder in the list (Chosen Coders). */
void                   lectern_coder_filter_set_chosen   (LecternCoderFilter     *self,
                                                          gint64                  coder_id,
                                                          gboolean                chosen);
/* The coders whose passages show, for lectern_reader_view_set_coders()
 * and the lists; *n_coder_ids 0: every coder. Only Me before the current
 * coder has coded anything, or no coder chosen: one id that matches no
 * passage. (transfer none) */
const gint64          *lectern_coder_filter_get_coders   (LecternCoderFilter     *self,
                                                          guint                  *n_coder_ids);
/* What the button says: "All Coders", "Only Me", or the chosen names.
 * (transfer full) */
char                  *lectern_coder_filter_dup_label    (LecternCoderFilter     *self);

G_END_DECLS
