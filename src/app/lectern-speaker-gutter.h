/* lectern-speaker-gutter.h — a transcript's speakers in the reader's left
 * margin: each turn's speaker beside its first line, in the speaker's
 * colour, its timestamp under it, and a thin rule between turns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_SPEAKER_GUTTER (lectern_speaker_gutter_get_type ())

G_DECLARE_FINAL_TYPE (LecternSpeakerGutter, lectern_speaker_gutter, LECTERN, SPEAKER_GUTTER, GtkWidget)

/* A gutter for @text_view, packed beside its other left gutter. */
GtkWidget  *lectern_speaker_gutter_new              (GtkTextView          *text_view);
/* The document's structure (lectern-structure.h, in text order): its
 * `turn` spans are the turns, a `time` span inside a turn its timestamp.
 * NULL: no turns, and the gutter hides. */
void        lectern_speaker_gutter_set_structure    (LecternSpeakerGutter *self,
                                                     GArray               *structure);
guint       lectern_speaker_gutter_get_n_turns      (LecternSpeakerGutter *self);
/* Turn @index: its span, speaker and timestamp (NULL: none). */
void        lectern_speaker_gutter_get_turn         (LecternSpeakerGutter *self,
                                                     guint                 index,
                                                     guint                *start,
                                                     guint                *end,
                                                     const char          **speaker,
                                                     const char          **time);
/* The turn holding @offset (the last to start at or before it), or -1. */
int         lectern_speaker_gutter_turn_at_offset   (LecternSpeakerGutter *self,
                                                     guint                 offset);
/* The turn of the same speaker as turn @index after it (@forward) or
 * before it, or -1. */
int         lectern_speaker_gutter_step_speaker     (LecternSpeakerGutter *self,
                                                     guint                 index,
                                                     gboolean              forward);
/* The speakers, in order of first turn. (transfer container) */
GPtrArray  *lectern_speaker_gutter_list_speakers    (LecternSpeakerGutter *self);
/* Where the gutter draws turn @index's name, in the gutter's
 * coordinates; FALSE when it is not in view. */
gboolean    lectern_speaker_gutter_get_label_area   (LecternSpeakerGutter *self,
                                                     guint                 index,
                                                     graphene_rect_t      *area);
/* The turn whose name is drawn at @y (gutter coordinates), or -1. */
int         lectern_speaker_gutter_turn_at_y        (LecternSpeakerGutter *self,
                                                     double                y);
/* @rules (a widget over the text view, not targeted by the pointer) is
 * redrawn with the gutter; its draw function calls draw_rules(), which
 * draws a hairline above each turn but the first, from the margin across
 * the text, in @target's coordinates. */
void        lectern_speaker_gutter_set_rules_widget (LecternSpeakerGutter *self,
                                                     GtkWidget            *rules);
void        lectern_speaker_gutter_draw_rules       (LecternSpeakerGutter *self,
                                                     GtkWidget            *target,
                                                     cairo_t              *cr);
/* Names of speakers other than @speaker drawn dimmed (NULL: none). */
void        lectern_speaker_gutter_set_only_speaker (LecternSpeakerGutter *self,
                                                     const char           *speaker);
/* Whether @speaker is an interviewer ("Q", "Question", "Interviewer",
 * "Journaliste"…): drawn in the text's own colour, in italics. */
gboolean    lectern_speaker_is_interviewer          (const char           *speaker);
/* The colour of @speaker, @rank-th (from 0) of the document's speakers
 * who are not interviewers, for a light or @dark style. */
void        lectern_speaker_colour                  (guint                 rank,
                                                     gboolean              dark,
                                                     GdkRGBA              *colour);

G_END_DECLS
