/* lectern-reader-text.h — the reader's text view: draws highlights under
 * the text so that overlapping passages and several tags stay visible.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Tags shown as stripes under one passage; more are listed in the popover. */
#define LECTERN_HIGHLIGHT_MAX_COLOURS 4

typedef struct
{
  gint64  annotation_id;
  glong   start;              /* code points, end exclusive */
  glong   end;
  guint   n_colours;
  GdkRGBA colours[LECTERN_HIGHLIGHT_MAX_COLOURS];
  gint64  tag_ids[LECTERN_HIGHLIGHT_MAX_COLOURS];   /* of each colour's tag, for the stripes */
  guint8  rows[LECTERN_HIGHLIGHT_MAX_COLOURS];  /* stripe row per tag; set by the view */
} LecternHighlight;

#define LECTERN_TYPE_READER_TEXT (lectern_reader_text_get_type ())

G_DECLARE_FINAL_TYPE (LecternReaderText, lectern_reader_text, LECTERN, READER_TEXT, GtkTextView)

GtkWidget *lectern_reader_text_new            (void);
/* @highlights: (element-type LecternHighlight), sorted by start; copied. */
void       lectern_reader_text_set_highlights (LecternReaderText *self,
                                               GArray            *highlights);
/* The project's tags (id → LecternTag, see lectern_tag_tree_get_index()): the
 * coding stripes' labels and tooltips. */
void       lectern_reader_text_set_tags       (LecternReaderText *self,
                                               GHashTable        *tags);
/* The coding stripe at (@x, @y), widget coordinates: its code's path
 * (or NULL) and the passage in @annotation_id. */
const char *lectern_reader_text_get_stripe_at (LecternReaderText *self,
                                               double             x,
                                               double             y,
                                               gint64            *annotation_id);
/* Ids of the annotations covering @offset, innermost (shortest) first.
 * (transfer full) (element-type gint64) */
GArray    *lectern_reader_text_dup_ids_at     (LecternReaderText *self,
                                               glong              offset);
/* Briefly brightens one annotation's highlight. */
void       lectern_reader_text_flash          (LecternReaderText *self,
                                               gint64             annotation_id);
gint64     lectern_reader_text_get_flash_id   (LecternReaderText *self);
/* Draws a frame around the text the buffer's tag @tag_name covers, in
 * @light or, with a dark style, @dark: marks that must never be taken
 * for a highlight (highlights are tints and stripes). */
void       lectern_reader_text_add_outline    (LecternReaderText *self,
                                               const char        *tag_name,
                                               const GdkRGBA     *light,
                                               const GdkRGBA     *dark);
/* Whether @tag_name is drawn as a frame; its colour for the current
 * style in @colour. */
gboolean   lectern_reader_text_get_outline    (LecternReaderText *self,
                                               const char        *tag_name,
                                               GdkRGBA           *colour);

G_END_DECLS
