/* lectern-document-turns.c — a stored document's speaker turns, their
 * stored corrections, the `turn` spans kept in step, and the speakers
 * coded as tags (lectern-document-turns.h says how they combine).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-document-turns.h"
#include "lectern-turn-detector.h"

GArray *
lectern_document_turns_dup (LecternProject  *project,
                            gint64          document_id,
                            GError        **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) corrections = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = lectern_project_dup_text (project, document_id, error);
  if (text == NULL)
    return NULL;
  corrections = lectern_project_dup_turn_corrections (project, document_id, error);
  if (corrections == NULL)
    return NULL;

  return lectern_turn_detector_detect (text, corrections);
}

/* Whether [start, end) and @span overlap without one holding the other. */
static gboolean
crosses (guint              start,
         guint              end,
         const LecternSpan *span)
{
  return (start < span->start && span->start < end && end < span->end)
         || (span->start < start && start < span->end && span->end < end);
}

/* Whether [start, end) may join @kept. Linear in the spans: a transcript
 * has a few thousand turns and about as many paragraphs. */
static gboolean
nests (GArray *kept,
       guint   start,
       guint   end)
{
  for (guint i = 0; i < kept->len; i++)
    {
      const LecternSpan *span = &g_array_index (kept, LecternSpan, i);

      if (span->start >= end)
        break;
      if (crosses (start, end, span))
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_turn_spans (GArray *a,
                 GArray *b)
{
  guint i = 0, j = 0;

  for (;;)
    {
      const LecternSpan *x = NULL, *y = NULL;

      while (i < a->len && (x = &g_array_index (a, LecternSpan, i))->kind != LECTERN_STRUCTURE_KIND_TURN)
        x = NULL, i++;
      while (j < b->len && (y = &g_array_index (b, LecternSpan, j))->kind != LECTERN_STRUCTURE_KIND_TURN)
        y = NULL, j++;
      if (x == NULL || y == NULL)
        return x == NULL && y == NULL;
      if (x->start != y->start || x->end != y->end || g_strcmp0 (x->value, y->value) != 0)
        return FALSE;
      i++;
      j++;
    }
}

/* @structure (in text order) with @turns as its `turn` spans, and with
 * their timestamps as `time` spans when asked and it has none; NULL when
 * that is what it holds already. */
static GArray *
turn_structure (GArray   *structure,
                GArray   *turns,
                gboolean  with_times)
{
  g_autoptr(GArray) kept = lectern_structure_new ();
  g_autoptr(GArray) updated = NULL;
  gboolean has_times = FALSE;
  guint times_added = 0;

  /* Every span but the turns stays; the turns must nest with them. */
  for (guint i = 0; i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      if (span->kind == LECTERN_STRUCTURE_KIND_TIME)
        has_times = TRUE;
      if (span->kind != LECTERN_STRUCTURE_KIND_TURN)
        lectern_structure_add (kept, span->start, span->end, span->kind, span->value);
    }
  lectern_structure_sort (kept);

  updated = lectern_structure_new ();
  for (guint i = 0; i < kept->len; i++)
    {
      const LecternSpan *span = &g_array_index (kept, LecternSpan, i);

      lectern_structure_add (updated, span->start, span->end, span->kind, span->value);
    }

  for (guint i = 0; i < turns->len; i++)
    {
      const LecternTurn *turn = &g_array_index (turns, LecternTurn, i);

      /* A turn that crosses a page (or a paragraph ending past it) is
       * left out rather than cut: see the header. The turn itself is
       * still a turn (lectern_document_turns_dup()); only its span in the
       * structure is missing. */
      if (turn->start < turn->end && nests (kept, turn->start, turn->end))
        lectern_structure_add (updated, turn->start, turn->end, LECTERN_STRUCTURE_KIND_TURN, turn->speaker);
      /* A timestamp lies in its line; it crosses nothing but a span
       * that would start or end inside it. */
      if (with_times && !has_times && turn->time != NULL && turn->time_start < turn->time_end
          && nests (kept, turn->time_start, turn->time_end))
        {
          lectern_structure_add (updated, turn->time_start, turn->time_end,
                                 LECTERN_STRUCTURE_KIND_TIME, turn->time);
          times_added++;
        }
    }
  lectern_structure_sort (updated);

  /* Nothing to write: no empty undo step, no "changed". */
  if (times_added == 0 && same_turn_spans (structure, updated))
    return NULL;

  return g_steal_pointer (&updated);
}

gboolean
lectern_document_turns_store (LecternProject  *project,
                              gint64          document_id,
                              gboolean        with_times,
                              GError        **error)
{
  g_autoptr(GArray) structure = NULL;
  g_autoptr(GArray) turns = NULL;
  g_autoptr(GArray) updated = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  structure = lectern_project_dup_document_structure (project, document_id, error);
  if (structure == NULL)
    return FALSE;
  turns = lectern_document_turns_dup (project, document_id, error);
  if (turns == NULL)
    return FALSE;

  updated = turn_structure (structure, turns, with_times);
  if (updated == NULL)
    return TRUE;
  return lectern_project_set_document_structure (project, document_id, updated, error);
}

GArray *
lectern_document_turns_prepare (const char *text,
                                GArray     *structure,
                                GArray     *corrections)
{
  g_autoptr(GArray) stored = lectern_structure_new ();
  g_autoptr(GArray) turns = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (structure != NULL, NULL);
  g_return_val_if_fail (corrections != NULL, NULL);

  /* As lectern_project_set_document_structure() keeps it and
   * lectern_project_dup_document_structure() gives it back: no empty
   * span, in text order. */
  for (guint i = 0; i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      if (span->start < span->end)
        lectern_structure_add (stored, span->start, span->end, span->kind, span->value);
    }
  lectern_structure_sort (stored);

  turns = lectern_turn_detector_detect (text, corrections);
  return turn_structure (stored, turns, TRUE);
}

gboolean
lectern_document_turns_correct (LecternProject                *project,
                                gint64                        document_id,
                                const LecternTurnCorrection  *correction,
                                GError                      **error)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (correction != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lectern_project_begin_group (project, error))
    return FALSE;
  lectern_project_name_group (project, _("Correct speaker turns"));
  if (!lectern_project_add_turn_correction (project, document_id, correction, error)
      || !lectern_document_turns_store (project, document_id, FALSE, error))
    {
      lectern_project_end_group (project, FALSE, NULL);
      return FALSE;
    }
  return lectern_project_end_group (project, TRUE, error);
}

/* The tag of @speaker under @parent, from @tags or made. (transfer none) */
static gint64
speaker_tag (LecternProject  *project,
             const char     *parent,
             const char     *speaker,
             GHashTable     *tags,
             GError        **error)
{
  gpointer found;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LecternTag) tag = NULL;

  if (g_hash_table_lookup_extended (tags, speaker, NULL, &found))
    return *(gint64 *) found;

  name = g_strdelimit (g_strdup (speaker), "/", '-');
  path = g_strconcat (parent, "/", name, NULL);
  tag = lectern_project_ensure_tag_path (project, path, error);
  if (tag == NULL)
    return 0;
  g_hash_table_insert (tags, g_strdup (speaker), g_memdup2 (&(gint64) { lectern_tag_get_id (tag) }, sizeof (gint64)));
  return lectern_tag_get_id (tag);
}

static char *
coded_key (glong  start,
           glong  end,
           gint64 tag_id)
{
  return g_strdup_printf ("%ld:%ld:%" G_GINT64_FORMAT, start, end, tag_id);
}

/* The ranges and tags @annotations (of one document) already code, as
 * coded_key()s, so that a run after another makes nothing twice. */
static GHashTable *
coded_ranges (GListModel *annotations)
{
  GHashTable *coded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (annotations, i);
      const gint64 *ids;
      guint n = 0;

      ids = lectern_annotation_get_tag_ids (annotation, &n);
      for (guint k = 0; k < n; k++)
        g_hash_table_add (coded, coded_key (lectern_annotation_get_start (annotation),
                                            lectern_annotation_get_end (annotation), ids[k]));
    }
  return coded;
}

gboolean
lectern_document_turns_code (LecternProject  *project,
                             gint64          document_id,
                             const char     *parent,
                             guint          *n_made,
                             GError        **error)
{
  g_autoptr(GArray) turns = NULL;
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(GHashTable) coded = NULL;
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint made = 0;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_made != NULL)
    *n_made = 0;
  if (parent == NULL)
    parent = LECTERN_DOCUMENT_TURNS_DEFAULT_PARENT;

  turns = lectern_document_turns_dup (project, document_id, error);
  if (turns == NULL)
    return FALSE;
  /* No turns: no tags made, no empty undo step. */
  if (turns->len == 0)
    return TRUE;
  annotations = lectern_project_list_annotations (project, document_id, 0, FALSE, error);
  if (annotations == NULL)
    return FALSE;
  coded = coded_ranges (annotations);

  if (!lectern_project_begin_group (project, error))
    return FALSE;
  lectern_project_name_group (project, _("Code speakers"));

  for (guint i = 0; i < turns->len; i++)
    {
      const LecternTurn *turn = &g_array_index (turns, LecternTurn, i);
      g_autoptr(LecternAnnotation) annotation = NULL;
      g_autofree char *key = NULL;
      gint64 tag_id;

      /* A label with nothing said after it codes nothing. */
      if (turn->speech_start >= turn->end)
        continue;
      tag_id = speaker_tag (project, parent, turn->speaker, tags, error);
      if (tag_id == 0)
        goto fail;
      key = coded_key (turn->speech_start, turn->end, tag_id);
      if (!g_hash_table_add (coded, g_steal_pointer (&key)))
        continue;
      annotation = lectern_project_add_annotation (project, document_id, turn->speech_start, turn->end,
                                                  &tag_id, 1, NULL, error);
      if (annotation == NULL)
        goto fail;
      made++;
    }

  if (!lectern_project_end_group (project, TRUE, error))
    return FALSE;
  if (n_made != NULL)
    *n_made = made;
  return TRUE;

fail:
  lectern_project_end_group (project, FALSE, NULL);
  return FALSE;
}
