/* lectern-reader-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "lectern-application.h"
#include "lectern-note-popover.h"
#include "lectern-paragraph-gutter.h"
#include "lectern-reader-view-private.h"
#include "lectern-tag-swatch.h"

/* A comfortable measure: about this many characters per line. */
#define MEASURE_CHARS 68
#define MIN_SIDE_MARGIN 18


G_DEFINE_FINAL_TYPE (LecternReaderView, lectern_reader_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT_ID,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkTextBuffer *
_lectern_reader_view_get_buffer (LecternReaderView *self)

{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
}

LecternReaderText *
lectern_reader_view_get_text_view (LecternReaderView *self)
{
  g_return_val_if_fail (LECTERN_IS_READER_VIEW (self), NULL);
  return self->text_view;
}

LecternTagPicker *
lectern_reader_view_get_tag_picker (LecternReaderView *self)
{
  g_return_val_if_fail (LECTERN_IS_READER_VIEW (self), NULL);
  return self->tag_picker;
}

GtkPopover *
lectern_reader_view_get_note_popover (LecternReaderView *self)
{
  g_return_val_if_fail (LECTERN_IS_READER_VIEW (self), NULL);
  return GTK_POPOVER (self->note_popover);
}

gint64
lectern_reader_view_get_document_id (LecternReaderView *self)
{
  g_return_val_if_fail (LECTERN_IS_READER_VIEW (self), 0);
  return self->document_id;
}

static LecternAnnotation *
find_annotation (LecternReaderView *self,
                 gint64             annotation_id)
{
  guint n = self->annotations ? g_list_model_get_n_items (self->annotations) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (self->annotations, i);

      if (lectern_annotation_get_id (a) == annotation_id)
        return a;   /* the model keeps it alive */
    }
  return NULL;
}

gboolean
lectern_reader_view_get_selection (LecternReaderView *self,
                                   glong             *start,
                                   glong             *end)
{
  GtkTextIter s, e;

  g_return_val_if_fail (LECTERN_IS_READER_VIEW (self), FALSE);

  if (self->document_id == 0 || !gtk_text_buffer_get_selection_bounds (_lectern_reader_view_get_buffer (self), &s, &e))
    return FALSE;
  if (start)
    *start = gtk_text_iter_get_offset (&s);
  if (end)
    *end = gtk_text_iter_get_offset (&e);
  return TRUE;
}

glong
_lectern_reader_view_cursor_offset (LecternReaderView *self)

{
  GtkTextIter iter;
  GtkTextBuffer *buffer = _lectern_reader_view_get_buffer (self);

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

gint64
lectern_reader_view_get_annotation_at_cursor (LecternReaderView *self)
{
  g_autoptr(GArray) ids = NULL;
  glong start;

  g_return_val_if_fail (LECTERN_IS_READER_VIEW (self), 0);

  if (self->document_id == 0)
    return 0;
  if (!lectern_reader_view_get_selection (self, &start, NULL))
    start = _lectern_reader_view_cursor_offset (self);
  ids = lectern_reader_text_dup_ids_at (self->text_view, start);
  return ids->len > 0 ? g_array_index (ids, gint64, 0) : 0;
}

/* The annotation that overlaps the selection most: the one to fit to it. */
gint64
_lectern_reader_view_annotation_overlapping_selection (LecternReaderView *self)

{
  guint n = self->annotations ? g_list_model_get_n_items (self->annotations) : 0;
  glong s, e, best = 0;
  gint64 best_id = 0;

  if (!lectern_reader_view_get_selection (self, &s, &e))
    return 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (self->annotations, i);
      glong overlap = MIN (e, lectern_annotation_get_end (a)) - MAX (s, lectern_annotation_get_start (a));

      if (overlap > best)
        {
          best = overlap;
          best_id = lectern_annotation_get_id (a);
        }
    }
  return best_id;
}

void
_lectern_reader_view_update_actions (LecternReaderView *self)

{
  GtkWidget *widget = GTK_WIDGET (self);
  /* Coding is off in Edit mode (lectern-reader-view-edit.c). */
  gboolean has_doc = self->document_id != 0 && !self->editing;
  gboolean has_selection = !self->editing && lectern_reader_view_get_selection (self, NULL, NULL);
  gboolean at_annotation = !self->editing && lectern_reader_view_get_annotation_at_cursor (self) != 0;

  gtk_widget_action_set_enabled (widget, "reader.find", has_doc);
  gtk_widget_action_set_enabled (widget, "reader.find-next", has_doc && self->matches->len > 0);
  gtk_widget_action_set_enabled (widget, "reader.find-previous", has_doc && self->matches->len > 0);
  gtk_widget_action_set_enabled (widget, "reader.tag-selection", has_doc && (has_selection || at_annotation));
  gtk_widget_action_set_enabled (widget, "reader.edit-note", has_doc && (has_selection || at_annotation));
  gtk_widget_action_set_enabled (widget, "reader.fit-annotation",
                                 has_selection && _lectern_reader_view_annotation_overlapping_selection (self) != 0);
  gtk_widget_action_set_enabled (widget, "reader.delete-annotation", at_annotation);

  gtk_widget_set_visible (self->tag_button, has_selection);
  gtk_widget_queue_allocate (GTK_WIDGET (self->overlay));
}

/* ------------------------------------------------------------------ */
/* Highlights                                                          */

static void
reload_tags (LecternReaderView *self)
{
  g_hash_table_unref (self->tags);
  /* The project's own index, current with its tag tree. */
  if (self->project != NULL)
    self->tags = g_hash_table_ref (lectern_tag_tree_get_index (LECTERN_TAG_TREE (lectern_project_get_tag_tree (self->project))));
  else
    self->tags = g_hash_table_new (g_int64_hash, g_int64_equal);
}

/* The highlights drawn for the passages, after any change to them or to
 * the tags' colours. */
static void
update_highlights (LecternReaderView *self)
{
  g_autoptr(GArray) highlights = g_array_new (FALSE, FALSE, sizeof (LecternHighlight));
  guint n;

  n = self->annotations ? g_list_model_get_n_items (self->annotations) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (self->annotations, i);
      LecternHighlight h = { 0 };
      const gint64 *ids;
      guint n_ids = 0;

      h.annotation_id = lectern_annotation_get_id (a);
      h.start = lectern_annotation_get_start (a);
      h.end = lectern_annotation_get_end (a);
      ids = lectern_annotation_get_tag_ids (a, &n_ids);
      for (guint k = 0; k < n_ids && h.n_colours < LECTERN_HIGHLIGHT_MAX_COLOURS; k++)
        {
          LecternTag *tag = g_hash_table_lookup (self->tags, &ids[k]);

          if (tag != NULL && gdk_rgba_parse (&h.colours[h.n_colours], lectern_tag_get_colour (tag)))
            h.tag_ids[h.n_colours++] = ids[k];
        }
      g_array_append_val (highlights, h);
    }

  lectern_reader_text_set_tags (self->text_view, self->tags);
  lectern_reader_text_set_highlights (self->text_view, highlights);
  _lectern_reader_view_update_actions (self);
}

static gboolean
update_highlights_cb (gpointer data)
{
  LecternReaderView *self = data;

  self->highlights_source = 0;
  update_highlights (self);
  return G_SOURCE_REMOVE;
}

/* One transaction can change the list in many places (an undo, a merge),
 * each its own items-changed: the highlights are laid out once, before
 * the next frame is drawn. */
static void
passages_changed_cb (LecternReaderView *self)
{
  if (self->highlights_source == 0)
    self->highlights_source = g_idle_add_full (G_PRIORITY_DEFAULT, update_highlights_cb, self, NULL);
}

/* The document's passages: the project's live list, shared with the
 * annotation list and every other view of the document. */
static void
reload_annotations (LecternReaderView *self)
{
  g_clear_handle_id (&self->highlights_source, g_source_remove);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->annotations);
  if (self->project != NULL && self->document_id != 0)
    {
      GListModel *passages = lectern_project_dup_passages (self->project, self->document_id);
      GtkFilter *filter = self->coders->len > 0 ? g_object_ref (GTK_FILTER (self->coder_filter)) : NULL;

      self->annotations = G_LIST_MODEL (gtk_filter_list_model_new (passages, filter));
      g_signal_connect_object (self->annotations, "items-changed", G_CALLBACK (passages_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  update_highlights (self);
}

static gboolean
coder_filter_func (gpointer item,
                   gpointer data)
{
  LecternReaderView *self = data;
  gint64 coder_id = lectern_annotation_get_coder_id (LECTERN_ANNOTATION (item));

  for (guint i = 0; i < self->coders->len; i++)
    if (g_array_index (self->coders, gint64, i) == coder_id)
      return TRUE;
  return FALSE;
}

/* Filters the live list already held: nothing is read again. */
void
lectern_reader_view_set_coders (LecternReaderView *self,
                                const gint64      *coder_ids,
                                guint              n_coder_ids)
{
  g_return_if_fail (LECTERN_IS_READER_VIEW (self));
  g_return_if_fail (coder_ids != NULL || n_coder_ids == 0);

  if (n_coder_ids == self->coders->len &&
      (n_coder_ids == 0 || memcmp (coder_ids, self->coders->data, n_coder_ids * sizeof (gint64)) == 0))
    return;

  g_array_set_size (self->coders, 0);
  g_array_append_vals (self->coders, coder_ids, n_coder_ids);
  if (self->annotations != NULL)
    {
      GtkFilterListModel *model = GTK_FILTER_LIST_MODEL (self->annotations);

      if (n_coder_ids == 0)
        gtk_filter_list_model_set_filter (model, NULL);
      else if (gtk_filter_list_model_get_filter (model) == NULL)
        gtk_filter_list_model_set_filter (model, GTK_FILTER (self->coder_filter));
      else
        gtk_filter_changed (GTK_FILTER (self->coder_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  /* Shown now, not at the next idle. */
  g_clear_handle_id (&self->highlights_source, g_source_remove);
  update_highlights (self);
}

const gint64 *
lectern_reader_view_get_coders (LecternReaderView *self,
                                guint             *n_coder_ids)
{
  g_return_val_if_fail (LECTERN_IS_READER_VIEW (self), NULL);
  g_return_val_if_fail (n_coder_ids != NULL, NULL);

  *n_coder_ids = self->coders->len;
  return (const gint64 *) (gpointer) self->coders->data;
}

static void reload_changed_text (LecternReaderView *self);

static void
project_changed_cb (LecternReaderView *self,
                   guint              what,
                   gint64             document_id,
                   LecternProject     *project)
{
  if (what & LECTERN_CHANGE_TAGS)
    {
      reload_tags (self);
      update_highlights (self);
    }
  /* A speaker corrected here or by another program. */
  if ((what & LECTERN_CHANGE_DOCUMENTS) && (document_id == 0 || document_id == self->document_id))
    {
      reload_changed_text (self);
      _lectern_reader_view_speakers_reload (self);
    }
}

/* ------------------------------------------------------------------ */
/* Document                                                            */

void
lectern_reader_view_set_project (LecternReaderView *self,
                                LecternProject     *project)
{
  gint64 old_id;

  g_return_if_fail (LECTERN_IS_READER_VIEW (self));
  g_return_if_fail (project == NULL || LECTERN_IS_PROJECT (project));

  if (self->project == project)
    return;
  /* Edit mode ends with the old project (its typing run with it). */
  if (self->editing)
    lectern_reader_view_set_editing (self, FALSE);
  g_set_object (&self->project, project);

  g_signal_group_set_target (self->project_signals, project);
  lectern_tag_picker_set_project (self->tag_picker, project);
  old_id = self->document_id;
  /* -1: empties the view even when it showed no document, without a
   * notification; "document-id" is notified here if it changed. */
  self->document_id = -1;
  lectern_reader_view_set_document_id (self, 0);
  reload_tags (self);
  if (old_id != self->document_id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}


/* Gives every line that another paragraph follows directly, with no blank
 * line between them, a paragraph's space below it. */
static void
mark_paragraph_breaks (LecternReaderView *self)
{
  GtkTextBuffer *buffer = _lectern_reader_view_get_buffer (self);
  int n_lines = gtk_text_buffer_get_line_count (buffer);
  gboolean blank = TRUE;

  for (int line = 0; line < n_lines; line++)
    {
      GtkTextIter start, end;
      gboolean next_blank;

      gtk_text_buffer_get_iter_at_line (buffer, &start, line);
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      if (line == 0)
        blank = gtk_text_iter_equal (&start, &end);
      if (line + 1 >= n_lines)
        break;

      {
        GtkTextIter next_start, next_end;

        gtk_text_buffer_get_iter_at_line (buffer, &next_start, line + 1);
        next_end = next_start;
        if (!gtk_text_iter_ends_line (&next_end))
          gtk_text_iter_forward_to_line_end (&next_end);
        next_blank = gtk_text_iter_equal (&next_start, &next_end);
      }
      if (!blank && !next_blank)
        gtk_text_buffer_apply_tag (buffer, self->paragraph_tag, &start, &end);
      blank = next_blank;
    }
}

/* Paragraph numbers as the user chose; a paged document's page labels
 * always. */
static void
update_gutter_visible (LecternReaderView *self)
{
  LecternParagraphGutter *gutter = LECTERN_PARAGRAPH_GUTTER (self->gutter);
  gboolean numbers = g_settings_get_boolean (lectern_settings (), "show-paragraph-numbers");

  lectern_paragraph_gutter_set_show_numbers (gutter, numbers);
  gtk_widget_set_visible (self->gutter, numbers || lectern_paragraph_gutter_has_pages (gutter));
}

/* What the document's format said of its text: headings set as
 * headings, block quotes indented, footnotes smaller; its pages' labels in
 * the margin. */
static void
apply_structure (LecternReaderView *self)
{
  GtkTextBuffer *buffer = _lectern_reader_view_get_buffer (self);
  g_autoptr(GArray) structure = NULL;
  g_autoptr(GError) error = NULL;
  glong length = gtk_text_buffer_get_char_count (buffer);

  if (self->document_id != 0 && self->project != NULL)
    {
      structure = lectern_project_dup_document_structure (self->project, self->document_id, &error);
      if (structure == NULL)
        g_warning ("Could not read the structure of document %" G_GINT64_FORMAT ": %s",
                   self->document_id, error->message);
    }

  for (guint i = 0; structure != NULL && i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);
      GtkTextTag *tag = NULL;
      GtkTextIter start, end;

      switch (span->kind)
        {
        case LECTERN_STRUCTURE_KIND_HEADING:
          {
            guint64 level = span->value != NULL ? g_ascii_strtoull (span->value, NULL, 10) : 1;

            tag = self->heading_tags[CLAMP (level, 1, 6) - 1];
          }
          break;
        case LECTERN_STRUCTURE_KIND_QUOTE:
          tag = self->quote_tag;
          break;
        case LECTERN_STRUCTURE_KIND_FOOTNOTE:
          tag = self->footnote_tag;
          break;
        default:
          break;
        }
      /* Spans were checked against the text when stored; a view never
       * trusts a file that far. */
      if (tag == NULL || span->end > (guint) length)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, span->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, span->end);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }

  lectern_paragraph_gutter_set_structure (LECTERN_PARAGRAPH_GUTTER (self->gutter), structure);
  update_gutter_visible (self);
  _lectern_reader_view_speakers_set_structure (self, structure);
}

void
lectern_reader_view_set_document_id (LecternReaderView *self,
                                     gint64             document_id)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start;
  gint64 old_id;

  g_return_if_fail (LECTERN_IS_READER_VIEW (self));

  if (self->document_id == document_id)
    return;
  old_id = self->document_id;

  gtk_popover_popdown (GTK_POPOVER (self->tag_picker));
  gtk_popover_popdown (GTK_POPOVER (self->note_popover));
  gtk_popover_popdown (self->info_popover);
  _lectern_reader_view_clear_find (self);
  if (self->editing)
    lectern_reader_view_set_editing (self, FALSE);

  if (document_id != 0 && self->project != NULL)
    {
      text = lectern_project_dup_text (self->project, document_id, &error);
      if (text == NULL)
        g_warning ("Could not read document %" G_GINT64_FORMAT ": %s", document_id, error->message);
    }

  self->document_id = text != NULL ? document_id : 0;
  gtk_text_buffer_set_text (_lectern_reader_view_get_buffer (self), text ? text : "", -1);
  lectern_paragraph_gutter_set_text (LECTERN_PARAGRAPH_GUTTER (self->gutter), text);
  mark_paragraph_breaks (self);
  apply_structure (self);
  gtk_text_buffer_get_start_iter (_lectern_reader_view_get_buffer (self), &start);
  gtk_text_buffer_place_cursor (_lectern_reader_view_get_buffer (self), &start);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  gtk_stack_set_visible_child_name (self->stack, self->document_id ? "document" : "empty");
  reload_annotations (self);
  _lectern_reader_view_edit_document_changed (self);
  if (old_id != -1 && old_id != self->document_id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

/* The document's text changed elsewhere (replaced from a file, an undo,
 * another program): shown again, where it was read. A change made in
 * this buffer is already shown. */
static void
reload_changed_text (LecternReaderView *self)
{
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  GtkTextBuffer *buffer = _lectern_reader_view_get_buffer (self);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (adjustment);
  GtkTextIter s, e;
  gint64 id = self->document_id;

  /* In Edit mode, and while this reader applies its own edit, the edit
   * code shows the stored text by changing only what differs, which
   * keeps the caret where the user types. */
  if (id <= 0 || self->project == NULL || self->editing || self->applying > 0)
    return;
  stored = lectern_project_dup_text (self->project, id, NULL);
  gtk_text_buffer_get_bounds (buffer, &s, &e);
  shown = gtk_text_buffer_get_text (buffer, &s, &e, TRUE);
  if (stored == NULL || g_strcmp0 (stored, shown) == 0)
    return;
  /* -1: loaded again without a "document-id" notification. */
  self->document_id = -1;
  lectern_reader_view_set_document_id (self, id);
  gtk_adjustment_set_value (adjustment, value);
}

void
lectern_reader_view_show_text (LecternReaderView *self,
                               const char        *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (LECTERN_IS_READER_VIEW (self));
  g_return_if_fail (text != NULL);

  /* No document: no passages, no structure, nothing to tag or edit. */
  lectern_reader_view_set_document_id (self, 0);
  buffer = _lectern_reader_view_get_buffer (self);
  gtk_text_buffer_set_text (buffer, text, -1);
  lectern_paragraph_gutter_set_text (LECTERN_PARAGRAPH_GUTTER (self->gutter), text);
  mark_paragraph_breaks (self);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "document");
}

void
lectern_reader_view_select_range (LecternReaderView *self,
                                  glong              start,
                                  glong              end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_if_fail (LECTERN_IS_READER_VIEW (self));

  buffer = _lectern_reader_view_get_buffer (self);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_select_range (buffer, &e, &s);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->text_view),
                                gtk_text_buffer_get_selection_bound (buffer),
                                0.1, FALSE, 0, 0);
}

void
lectern_reader_view_reveal_annotation (LecternReaderView *self,
                                       gint64             annotation_id)
{
  LecternAnnotation *a;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GtkTextMark *mark;

  g_return_if_fail (LECTERN_IS_READER_VIEW (self));

  if (!(a = find_annotation (self, annotation_id)))
    return;

  buffer = _lectern_reader_view_get_buffer (self);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, lectern_annotation_get_start (a));
  gtk_text_buffer_place_cursor (buffer, &iter);
  mark = gtk_text_buffer_get_mark (buffer, "reveal");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "reveal", &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &iter);
  /* A mark, not an iter: line heights of a long text are computed lazily
   * and the mark is scrolled to once they are known. */
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->text_view), mark, 0.0, TRUE, 0.0, 0.3);
  lectern_reader_text_flash (self->text_view, annotation_id);
}

/* Selections often catch the spaces around a passage; drop them. */
gboolean
_lectern_reader_view_trimmed_selection (LecternReaderView *self,
                                        glong             *start,
                                        glong             *end)
{
  GtkTextIter s, e;

  if (self->document_id == 0 || !gtk_text_buffer_get_selection_bounds (_lectern_reader_view_get_buffer (self), &s, &e))
    return FALSE;
  while (gtk_text_iter_compare (&s, &e) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&s)))
    gtk_text_iter_forward_char (&s);
  while (gtk_text_iter_compare (&s, &e) < 0)
    {
      GtkTextIter prev = e;

      gtk_text_iter_backward_char (&prev);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&prev)))
        break;
      e = prev;
    }
  if (gtk_text_iter_equal (&s, &e))
    return FALSE;
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
  return TRUE;
}

static gboolean
apply_tag_to_range (LecternReaderView  *self,
                    gint64              tag_id,
                    glong               start,
                    glong               end,
                    GError            **error)
{
  guint n = self->annotations ? g_list_model_get_n_items (self->annotations) : 0;
  g_autoptr(LecternAnnotation) created = NULL;
  GtkTextIter end_iter;

  g_autoptr(LecternCoder) me = lectern_project_dup_current_coder (self->project, NULL);
  gint64 my_id = me != NULL ? lectern_coder_get_id (me) : 0;

  lectern_note_recent_tag (tag_id);

  /* The same passage again: one annotation with one more tag; not another
   * coder's (known when the current coder is recorded): ours is new. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (self->annotations, i);

      if (my_id != 0 && lectern_annotation_get_coder_id (a) != my_id)
        continue;
      if (lectern_annotation_get_start (a) == start && lectern_annotation_get_end (a) == end)
        {
          g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          const gint64 *old;
          guint n_old = 0;

          if (lectern_annotation_has_tag (a, tag_id))
            return TRUE;
          old = lectern_annotation_get_tag_ids (a, &n_old);
          g_array_append_vals (ids, old, n_old);
          g_array_append_val (ids, tag_id);
          return lectern_project_set_annotation_tags (self->project, lectern_annotation_get_id (a),
                                                     (gint64 *) (gpointer) ids->data, ids->len, error);
        }
    }

  created = lectern_project_add_annotation (self->project, self->document_id, start, end,
                                           &tag_id, 1, NULL, error);
  if (created == NULL)
    return FALSE;

  /* Drop the selection so the new highlight shows. */
  gtk_text_buffer_get_iter_at_offset (_lectern_reader_view_get_buffer (self), &end_iter, end);
  gtk_text_buffer_place_cursor (_lectern_reader_view_get_buffer (self), &end_iter);
  return TRUE;
}

gboolean
lectern_reader_view_apply_tag (LecternReaderView  *self,
                               gint64              tag_id,
                               GError            **error)
{
  glong start, end;

  g_return_val_if_fail (LECTERN_IS_READER_VIEW (self), FALSE);

  if (self->project == NULL || !_lectern_reader_view_trimmed_selection (self, &start, &end))
    {
      g_set_error_literal (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                           _("Select a passage of the document to tag it"));
      return FALSE;
    }
  return apply_tag_to_range (self, tag_id, start, end, error);
}

/* ------------------------------------------------------------------ */
/* Popovers                                                            */

static GdkRectangle
range_rect (LecternReaderView *self,
            glong              offset)
{
  GtkTextIter iter;
  GdkRectangle rect;

  gtk_text_buffer_get_iter_at_offset (_lectern_reader_view_get_buffer (self), &iter, offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self->text_view), &iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self->text_view), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &rect.x, &rect.y);
  /* A passage scrolled out of sight: point at the nearest visible edge so
   * popovers stay on screen. */
  rect.x = CLAMP (rect.x, 0, MAX (0, gtk_widget_get_width (GTK_WIDGET (self->text_view)) - 1));
  rect.y = CLAMP (rect.y, 0, MAX (0, gtk_widget_get_height (GTK_WIDGET (self->text_view)) - rect.height));
  rect.width = MAX (rect.width, 1);
  return rect;
}

void
_lectern_reader_view_show_error (LecternReaderView *self,
                                 const GError      *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_warning ("%s", error->message);
  if (!GTK_IS_WINDOW (root))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Could Not Save the Change"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tag_chosen_cb (LecternReaderView *self,
               gint64             tag_id,
               LecternTagPicker  *picker)
{
  g_autoptr(GError) error = NULL;

  if (self->picker_annotation_id != 0)
    {
      /* Re-tagging: the chosen tag is switched on or off. */
      LecternAnnotation *a = find_annotation (self, self->picker_annotation_id);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      const gint64 *old;
      guint n_old = 0;

      if (a == NULL)
        return;
      old = lectern_annotation_get_tag_ids (a, &n_old);
      for (guint i = 0; i < n_old; i++)
        if (old[i] != tag_id)
          g_array_append_val (ids, old[i]);
      if (ids->len == n_old)
        {
          g_array_append_val (ids, tag_id);
          lectern_note_recent_tag (tag_id);
        }
      if (!lectern_project_set_annotation_tags (self->project, lectern_annotation_get_id (a),
                                               (gint64 *) (gpointer) ids->data, ids->len, &error))
        _lectern_reader_view_show_error (self, error);
      return;
    }

  if (self->picker_end <= self->picker_start)
    return;
  if (!apply_tag_to_range (self, tag_id, self->picker_start, self->picker_end, &error))
    _lectern_reader_view_show_error (self, error);
  self->picker_start = self->picker_end = 0;
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
picker_closed_cb (LecternReaderView *self)
{
  /* Show again what is about to be tagged, or what was not. */
  if (self->picker_annotation_id == 0 && self->picker_end > self->picker_start)
    lectern_reader_view_select_range (self, self->picker_start, self->picker_end);
}

void
_lectern_reader_view_popup_tag_picker (LecternReaderView *self,
                                       gint64             annotation_id)
{
  GdkRectangle rect;

  self->picker_annotation_id = annotation_id;
  if (annotation_id != 0)
    {
      LecternAnnotation *a = find_annotation (self, annotation_id);
      const gint64 *ids;
      guint n = 0;

      if (a == NULL)
        return;
      ids = lectern_annotation_get_tag_ids (a, &n);
      lectern_tag_picker_set_checked (self->tag_picker, ids, n);
      rect = range_rect (self, lectern_annotation_get_start (a));
    }
  else
    {
      if (!_lectern_reader_view_trimmed_selection (self, &self->picker_start, &self->picker_end))
        return;
      lectern_tag_picker_set_checked (self->tag_picker, NULL, 0);
      rect = range_rect (self, self->picker_end);
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->tag_picker), &rect);
  /* The floating Tag button would sit under the picker's arrow. */
  gtk_widget_set_visible (self->tag_button, FALSE);
  gtk_popover_popup (GTK_POPOVER (self->tag_picker));
}

void
_lectern_reader_view_popup_note (LecternReaderView *self,
                                 gint64             annotation_id)
{
  LecternAnnotation *a = find_annotation (self, annotation_id);
  GdkRectangle rect;

  if (a == NULL)
    return;
  lectern_note_popover_edit (self->note_popover, self->project, annotation_id);
  rect = range_rect (self, lectern_annotation_get_start (a));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->note_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->note_popover));
}

static void
info_button_cb (GtkButton         *button,
                LecternReaderView *self)
{
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "annotation-id");
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (self->info_popover);
  if (g_str_equal (what, "note"))
    _lectern_reader_view_popup_note (self, id);
  else if (g_str_equal (what, "tags"))
    _lectern_reader_view_popup_tag_picker (self, id);
  else if (g_str_equal (what, "delete") &&
           !lectern_project_delete_annotation (self->project, id, &error))
    _lectern_reader_view_show_error (self, error);
}

static GtkWidget *
info_button (LecternReaderView *self,
             const char        *label,
             const char        *what,
             gint64             id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  gint64 *idp = g_new (gint64, 1);

  *idp = id;
  g_object_set_data (G_OBJECT (button), "what", (gpointer) what);
  g_object_set_data_full (G_OBJECT (button), "annotation-id", idp, g_free);
  /* A click here must not take the keyboard from the text (see init). */
  gtk_widget_set_focus_on_click (button, FALSE);
  g_signal_connect (button, "clicked", G_CALLBACK (info_button_cb), self);
  return button;
}

/* "Coded by NAME": the coder's name today, which may have changed since. */
static GtkWidget *
coded_by_label (LecternReaderView *self,
                LecternAnnotation *a)
{
  g_autoptr(GPtrArray) coders = lectern_project_list_coders (self->project, NULL);
  g_autofree char *text = NULL;
  GtkWidget *label;

  for (guint i = 0; coders != NULL && i < coders->len; i++)
    if (lectern_coder_get_id (g_ptr_array_index (coders, i)) == lectern_annotation_get_coder_id (a))
      {
        /* Translators: %s is a person's name */
        text = g_strdup_printf (_("Coded by %s"), lectern_coder_get_display_name (g_ptr_array_index (coders, i)));
        break;
      }
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_name (label, "coded-by");
  gtk_widget_set_visible (label, text != NULL);
  return label;
}

static void
show_info (LecternReaderView *self,
           GArray            *ids,
           GdkRectangle      *at)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_size_request (box, 260, -1);
  for (guint i = 0; i < ids->len && i < 3; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      LecternAnnotation *a = find_annotation (self, id);
      GtkWidget *section, *buttons, *note;
      const gint64 *tag_ids;
      guint n_tags = 0;

      if (a == NULL)
        continue;
      if (i > 0)
        gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

      section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      tag_ids = lectern_annotation_get_tag_ids (a, &n_tags);
      for (guint k = 0; k < n_tags; k++)
        {
          LecternTag *tag = g_hash_table_lookup (self->tags, &tag_ids[k]);
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *label;

          if (tag == NULL)
            continue;
          gtk_box_append (GTK_BOX (row), lectern_tag_swatch_new (lectern_tag_get_colour (tag)));
          label = gtk_label_new (lectern_tag_get_path (tag));
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
          gtk_widget_add_css_class (label, "heading");
          gtk_box_append (GTK_BOX (row), label);
          gtk_box_append (GTK_BOX (section), row);
        }
      if (n_tags == 0)
        gtk_box_append (GTK_BOX (section), g_object_new (GTK_TYPE_LABEL, "label", _("No tags"),
                                                         "xalign", 0.0f, "css-classes",
                                                         (const char *[]) { "dim-label", NULL }, NULL));

      note = gtk_label_new (lectern_annotation_get_note (a));
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (note), 40);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_selectable (GTK_LABEL (note), TRUE);
      gtk_widget_set_visible (note, lectern_annotation_get_note (a) != NULL &&
                                    lectern_annotation_get_note (a)[0] != '\0');
      gtk_box_append (GTK_BOX (section), note);
      gtk_box_append (GTK_BOX (section), coded_by_label (self, a));

      buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (buttons), info_button (self, _("_Note…"), "note", id));
      gtk_box_append (GTK_BOX (buttons), info_button (self, _("_Tags…"), "tags", id));
      gtk_box_append (GTK_BOX (buttons), info_button (self, _("_Delete"), "delete", id));
      gtk_widget_add_css_class (gtk_widget_get_last_child (buttons), "destructive-action");
      gtk_widget_set_margin_top (buttons, 6);
      gtk_box_append (GTK_BOX (section), buttons);
      gtk_box_append (GTK_BOX (box), section);
    }

  gtk_popover_set_child (self->info_popover, box);
  gtk_popover_set_pointing_to (self->info_popover, at);
  gtk_popover_popup (self->info_popover);
}

static void
click_released_cb (GtkGestureClick   *gesture,
                   int                n_press,
                   double             x,
                   double             y,
                   LecternReaderView *self)
{
  g_autoptr(GArray) ids = NULL;
  GtkTextIter iter;
  GdkRectangle loc;
  int bx, by, trailing;

  /* A click anywhere in the text puts away what the last one showed. */
  gtk_popover_popdown (self->info_popover);
  if (self->editing)
    return;   /* a click places the caret */
  if (n_press != 1 || lectern_reader_view_get_selection (self, NULL, NULL))
    return;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->text_view), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &bx, &by);
  /* The character under the pointer: get_iter_at_location gives the next
   * one for a click on a character's right half, which the check below
   * then took for a click past the end of the line. */
  gtk_text_view_get_iter_at_position (GTK_TEXT_VIEW (self->text_view), &iter, &trailing, bx, by);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self->text_view), &iter, &loc);
  /* Clicks past the end of a line land on its last character: ignore. */
  if (bx < loc.x - 2 || bx > loc.x + loc.width + 2)
    return;

  ids = lectern_reader_text_dup_ids_at (self->text_view, gtk_text_iter_get_offset (&iter));
  if (ids->len > 0)
    show_info (self, ids, &(GdkRectangle) { x, y, 1, 1 });
}

/* GtkTextView's own triple click selects a display line, a fragment of a
 * wrapped paragraph; a reader means the paragraph. */
static void
triple_click_pressed_cb (GtkGestureClick   *gesture,
                         int                n_press,
                         double             x,
                         double             y,
                         LecternReaderView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->text_view);
  GtkTextIter start, end;
  int bx, by;

  if (n_press != 3
      || gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (view, &start, bx, by);
  gtk_text_iter_set_line_offset (&start, 0);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_select_range (_lectern_reader_view_get_buffer (self), &end, &start);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
query_tooltip_cb (LecternReaderView *self,
                  int                x,
                  int                y,
                  gboolean           keyboard_mode,
                  GtkTooltip        *tooltip)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkTextIter iter;
  const char *code;
  int bx, by;

  /* A coding stripe in the margin names its code. */
  if (!keyboard_mode && (code = lectern_reader_text_get_stripe_at (self->text_view, x, y, NULL)) != NULL)
    {
      gtk_tooltip_set_text (tooltip, code);
      return TRUE;
    }

  if (keyboard_mode)
    gtk_text_buffer_get_iter_at_mark (_lectern_reader_view_get_buffer (self), &iter,
                                      gtk_text_buffer_get_insert (_lectern_reader_view_get_buffer (self)));
  else
    {
      gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->text_view), GTK_TEXT_WINDOW_WIDGET,
                                             x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->text_view), &iter, bx, by))
        return FALSE;
    }

  ids = lectern_reader_text_dup_ids_at (self->text_view, gtk_text_iter_get_offset (&iter));
  for (guint i = 0; i < ids->len && i < 4; i++)
    {
      LecternAnnotation *a = find_annotation (self, g_array_index (ids, gint64, i));
      const gint64 *tag_ids;
      guint n_tags = 0;

      if (a == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "\n\n");
      tag_ids = lectern_annotation_get_tag_ids (a, &n_tags);
      for (guint k = 0; k < n_tags; k++)
        {
          LecternTag *tag = g_hash_table_lookup (self->tags, &tag_ids[k]);

          if (tag != NULL)
            g_string_append_printf (text, "%s%s", k ? ", " : "", lectern_tag_get_path (tag));
        }
      if (lectern_annotation_get_note (a) && lectern_annotation_get_note (a)[0])
        g_string_append_printf (text, "\n%s", lectern_annotation_get_note (a));
    }

  if (text->len == 0)
    return FALSE;
  /* Plain text: notes and tag names are never markup. */
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Typography                                                          */

static void
append_css_family (GString    *css,
                   const char *families)
{
  g_auto(GStrv) names = g_strsplit (families ? families : "Serif", ",", -1);
  gboolean first = TRUE;

  for (guint i = 0; names[i]; i++)
    {
      g_autoptr(GString) clean = g_string_new (NULL);

      for (const char *p = g_strstrip (names[i]); *p; p++)
        if (*p != '"' && *p != '\\' && *p != ';' && *p != '}')
          g_string_append_c (clean, *p);
      if (clean->len == 0)
        continue;
      g_string_append_printf (css, "%s\"%s\"", first ? "" : ", ", clean->str);
      first = FALSE;
    }
  g_string_append (css, first ? "serif" : ", serif");
}

static void
apply_font (LecternReaderView *self)
{
  GSettings *settings = lectern_settings ();
  g_autofree char *font = g_settings_get_string (settings, "reader-font");
  double zoom = g_settings_get_double (settings, "reader-zoom");
  PangoFontDescription *desc = pango_font_description_from_string (font);
  g_autoptr(GString) css = g_string_new (".reader { font-family: ");
  PangoFontMetrics *metrics;
  double points, px;
  int leading;

  points = pango_font_description_get_size (desc) / (double) PANGO_SCALE;
  if (points <= 0)
    points = 13;
  if (pango_font_description_get_size_is_absolute (desc))
    points = points * 72.0 / 96.0;
  points *= zoom;
  px = points * 96.0 / 72.0;

  append_css_family (css, pango_font_description_get_family (desc));
  g_string_append_printf (css, "; font-size: %.1fpt; font-weight: %d; font-style: %s; }",
                          points, (int) pango_font_description_get_weight (desc),
                          pango_font_description_get_style (desc) == PANGO_STYLE_ITALIC ? "italic" : "normal");
  gtk_css_provider_load_from_data (self->font_provider, css->str, -1);

  /* Generous leading; the gap under each line holds the tag stripes
   * (three rows of three pixels). A paragraph followed by another with no
   * blank line between them gets a paragraph's space (paragraph_tag): a
   * transcript so written would otherwise read as a wall, and a text with
   * blank lines between paragraphs has that space already. */
  leading = MAX (10, (int) round (px * 0.55));
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self->text_view), leading);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self->text_view), leading);
  g_object_set (self->paragraph_tag, "pixels-below-lines", leading + (int) round (px * 0.6), NULL);

  pango_font_description_set_size (desc, (int) (points * PANGO_SCALE));
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self->text_view)),
                                       desc, NULL);
  self->char_width = MAX (1, pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE);
  pango_font_metrics_unref (metrics);
  pango_font_description_free (desc);

  self->side_margin = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
settings_changed_cb (LecternReaderView *self,
                     const char        *key,
                     GSettings         *settings)
{
  if (g_strcmp0 (key, "reader-font") == 0 || g_strcmp0 (key, "reader-zoom") == 0)
    apply_font (self);
  else if (g_strcmp0 (key, "show-paragraph-numbers") == 0)
    update_gutter_visible (self);
}

static void
lectern_reader_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  LecternReaderView *self = LECTERN_READER_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
lectern_reader_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  LecternReaderView *self = LECTERN_READER_VIEW (widget);
  int measure = self->char_width * MEASURE_CHARS;
  int margin = MAX (MIN_SIDE_MARGIN, (width - measure) / 2);

  /* The measure is kept by the margins, so the whole width still scrolls
   * and the scrollbar stays at the window's edge. */
  if (margin != self->side_margin)
    {
      self->side_margin = margin;
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), margin);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), margin);
    }

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

static gboolean
overlay_position_cb (LecternReaderView *self,
                     GtkWidget         *child,
                     GdkRectangle      *allocation,
                     GtkOverlay        *overlay)
{
  GtkTextIter s, e;
  GdkRectangle rect;
  int min, nat_w, nat_h;
  double ox, oy;

  if (child != self->tag_button ||
      !gtk_text_buffer_get_selection_bounds (_lectern_reader_view_get_buffer (self), &s, &e))
    return FALSE;

  rect = range_rect (self, gtk_text_iter_get_offset (&e));
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->text_view), GTK_WIDGET (overlay),
                                         rect.x, rect.y + rect.height, &ox, &oy))
    return FALSE;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat_w, NULL, NULL);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, nat_w, &min, &nat_h, NULL, NULL);
  allocation->width = nat_w;
  allocation->height = nat_h;
  /* Just under the end of the selection, kept inside the view. */
  allocation->x = CLAMP ((int) ox - nat_w / 2, 6, MAX (6, gtk_widget_get_width (GTK_WIDGET (overlay)) - nat_w - 18));
  allocation->y = CLAMP ((int) oy + 6, 6, MAX (6, gtk_widget_get_height (GTK_WIDGET (overlay)) - nat_h - 6));
  return TRUE;
}

static void
buffer_mark_set_cb (LecternReaderView *self,
                    GtkTextIter       *location,
                    GtkTextMark       *mark,
                    GtkTextBuffer     *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer) || mark == gtk_text_buffer_get_selection_bound (buffer))
    _lectern_reader_view_update_actions (self);
}

static gboolean
text_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             LecternReaderView     *self)
{
  /* The passage's popover has no focus to take Escape itself. */
  if (keyval == GDK_KEY_Escape && gtk_widget_get_visible (GTK_WIDGET (self->info_popover)))
    {
      gtk_popover_popdown (self->info_popover);
      return TRUE;
    }
  return FALSE;
}

static void
text_focus_leave_cb (LecternReaderView *self)
{
  gtk_popover_popdown (self->info_popover);
}

static void
scrolled_cb (LecternReaderView *self)
{
  /* It would point at where the passage was. */
  if (self->info_popover != NULL)
    gtk_popover_popdown (self->info_popover);
  if (gtk_widget_get_visible (self->tag_button))
    gtk_widget_queue_allocate (GTK_WIDGET (self->overlay));
  gtk_widget_queue_draw (self->gutter);
}

/* ------------------------------------------------------------------ */

static void
lectern_reader_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LecternReaderView *self = LECTERN_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_reader_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LecternReaderView *self = LECTERN_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      lectern_reader_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT_ID:
      lectern_reader_view_set_document_id (self, g_value_get_int64 (value));
      break;
    case PROP_EDITING:
      lectern_reader_view_set_editing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_reader_view_dispose (GObject *object)
{
  LecternReaderView *self = LECTERN_READER_VIEW (object);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);

  if (self->tag_picker != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->tag_picker));
  self->tag_picker = NULL;
  if (self->note_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->note_popover));
  self->note_popover = NULL;
  if (self->info_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->info_popover));
  self->info_popover = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_READER_VIEW);

  _lectern_reader_view_edit_dispose (self);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_handle_id (&self->highlights_source, g_source_remove);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->annotations);
  g_clear_object (&self->coder_filter);
  g_clear_object (&self->font_provider);
  g_clear_pointer (&self->tags, g_hash_table_unref);

  G_OBJECT_CLASS (lectern_reader_view_parent_class)->dispose (object);
}

static void
lectern_reader_view_finalize (GObject *object)
{
  LecternReaderView *self = LECTERN_READER_VIEW (object);

  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->coders, g_array_unref);
  _lectern_reader_view_speakers_dispose (self);
  G_OBJECT_CLASS (lectern_reader_view_parent_class)->finalize (object);
}

static gboolean
lectern_reader_view_grab_focus (GtkWidget *widget)
{
  LecternReaderView *self = LECTERN_READER_VIEW (widget);

  if (self->document_id != 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return FALSE;
}

static void
lectern_reader_view_class_init (LecternReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_reader_view_dispose;
  object_class->finalize = lectern_reader_view_finalize;
  object_class->get_property = lectern_reader_view_get_property;
  object_class->set_property = lectern_reader_view_set_property;
  widget_class->measure = lectern_reader_view_measure;
  widget_class->size_allocate = lectern_reader_view_size_allocate;
  widget_class->grab_focus = lectern_reader_view_grab_focus;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, LECTERN_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* 0: none; set to a document that cannot be read, it stays 0. */
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Edit mode (lectern-reader-view-edit.c). */
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LECTERN_TYPE_READER_TEXT);

  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-reader-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, extra_menu);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, find_entry);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, match_label);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, overlay);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, stack);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, tag_button);
  gtk_widget_class_bind_template_child (widget_class, LecternReaderView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, overlay_position_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);
  _lectern_reader_view_class_find_init (widget_class);

  _lectern_reader_view_class_actions_init (widget_class);
  _lectern_reader_view_class_speakers_init (widget_class);
  _lectern_reader_view_class_edit_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "readerview");
}

static void
lectern_reader_view_init (LecternReaderView *self)
{
  GtkGesture *click;
  GtkEventController *controller;

  self->tags = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->matches = g_array_new (FALSE, FALSE, sizeof (glong));
  self->coders = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->coder_filter = gtk_custom_filter_new (coder_filter_func, self, NULL);
  self->side_margin = -1;
  self->char_width = 8;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->project_signals = g_signal_group_new (LECTERN_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);

  self->paragraph_tag = gtk_text_buffer_create_tag (_lectern_reader_view_get_buffer (self), "paragraph-break", NULL);
  self->match_tag = gtk_text_buffer_create_tag (_lectern_reader_view_get_buffer (self), "find-match",
                                                "background", "rgba(255, 214, 0, 0.45)",
                                                NULL);
  /* The reader's type scale for structure: sizes relative to the reader's
   * font (its CSS provider), so zoom scales them too. */
  {
    static const double heading_scales[6] = { 1.6, 1.35, 1.2, 1.1, 1.0, 1.0 };

    for (guint level = 1; level <= 6; level++)
      {
        g_autofree char *name = g_strdup_printf ("heading-%u", level);

        self->heading_tags[level - 1] =
          gtk_text_buffer_create_tag (_lectern_reader_view_get_buffer (self), name,
                                      "weight", PANGO_WEIGHT_BOLD,
                                      "scale", heading_scales[level - 1],
                                      NULL);
      }
    self->quote_tag = gtk_text_buffer_create_tag (_lectern_reader_view_get_buffer (self), "quote",
                                                  "left-margin", 32,
                                                  NULL);
    self->footnote_tag = gtk_text_buffer_create_tag (_lectern_reader_view_get_buffer (self), "footnote",
                                                     "scale", 0.85,
                                                     NULL);
  }
  g_signal_connect_object (_lectern_reader_view_get_buffer (self), "mark-set",
                           G_CALLBACK (buffer_mark_set_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);

  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->text_view), self->extra_menu);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->find_entry));

  self->tag_picker = LECTERN_TAG_PICKER (lectern_tag_picker_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->tag_picker), GTK_WIDGET (self->text_view));
  g_signal_connect_object (self->tag_picker, "tag-chosen", G_CALLBACK (tag_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tag_picker, "closed", G_CALLBACK (picker_closed_cb), self, G_CONNECT_SWAPPED);

  self->note_popover = LECTERN_NOTE_POPOVER (lectern_note_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->note_popover), GTK_WIDGET (self->text_view));

  self->info_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->info_popover), "annotation-info");
  gtk_widget_set_parent (GTK_WIDGET (self->info_popover), GTK_WIDGET (self->text_view));
  /* A click on a passage shows what it holds, as GtkSourceView's hover
   * and completion assistants do: a popover that does not autohide, so it
   * neither grabs the pointer nor moves the focus into itself. The text
   * keeps the keyboard (the caret, Ctrl+C, the reader's shortcuts); its
   * buttons are for the pointer, and the reader's actions (Ctrl+T, Ctrl+E)
   * reach the same commands from the keyboard. The reader
   * puts it away on Escape, on a click elsewhere in the text, on a scroll
   * and when the text loses the focus. */
  gtk_popover_set_autohide (self->info_popover, FALSE);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (text_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (text_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  /* Any button, so that tests finding the primary-button click find the
   * reader's own; the handler checks for the primary one. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (triple_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  self->gutter = lectern_paragraph_gutter_new (GTK_TEXT_VIEW (self->text_view));
  _lectern_reader_view_speakers_init (self);
  _lectern_reader_view_edit_init (self);
  update_gutter_visible (self);

  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)),
                                  GTK_STYLE_PROVIDER (self->font_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_signal_connect_object (lectern_settings (), "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_settings_bind (lectern_settings (), "show-coding-stripes",
                   self->text_view, "show-coding-stripes", G_SETTINGS_BIND_DEFAULT);
  apply_font (self);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  _lectern_reader_view_update_actions (self);
}
