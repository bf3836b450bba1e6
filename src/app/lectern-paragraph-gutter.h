/* lectern-paragraph-gutter.h — paragraph numbers in a text view's left
 * margin, numbered as exports cite them (lectern-paragraphs.h), and the
 * printed labels of a paged source's pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_PARAGRAPH_GUTTER (lectern_paragraph_gutter_get_type ())

G_DECLARE_FINAL_TYPE (LecternParagraphGutter, lectern_paragraph_gutter, LECTERN, PARAGRAPH_GUTTER, GtkWidget)

/* A gutter for @text_view: put it there with gtk_text_view_set_gutter(). */
GtkWidget *lectern_paragraph_gutter_new      (GtkTextView            *text_view);
/* The stored text the view shows; call again when it changes. */
void       lectern_paragraph_gutter_set_text (LecternParagraphGutter *self,
                                              const char             *text);
/* The document's structure (lectern-structure.h, in text order): its
 * pages' labels are drawn where each page begins. NULL: none. */
void       lectern_paragraph_gutter_set_structure    (LecternParagraphGutter *self,
                                                      GArray                 *structure);
gboolean   lectern_paragraph_gutter_has_pages        (LecternParagraphGutter *self);
/* Paragraph numbers on or off; page labels are drawn either way. */
void       lectern_paragraph_gutter_set_show_numbers (LecternParagraphGutter *self,
                                                      gboolean                show_numbers);

G_END_DECLS
