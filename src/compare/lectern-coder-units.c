/* lectern-coder-units.c — two coders' codings of a document as units to
 * adjudicate (lectern-coder-units.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-coder-units.h"

void
lectern_coder_unit_passage_free (LecternCoderUnitPassage *passage)
{
  if (passage == NULL)
    return;
  g_clear_pointer (&passage->tag_ids, g_array_unref);
  g_free (passage->note);
  g_free (passage);
}

void
lectern_coder_unit_free (LecternCoderUnit *unit)
{
  if (unit == NULL)
    return;
  g_clear_pointer (&unit->passages, g_ptr_array_unref);
  g_free (unit);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gboolean
same_tags (const LecternCoderUnitPassage *a,
           const LecternCoderUnitPassage *b)
{
  return a->tag_ids->len == b->tag_ids->len
         && memcmp (a->tag_ids->data, b->tag_ids->data, a->tag_ids->len * sizeof (gint64)) == 0;
}

/* By side (A first), start, end, codes. */
static int
compare_passages (gconstpointer pa,
                  gconstpointer pb)
{
  const LecternCoderUnitPassage *a = *(LecternCoderUnitPassage * const *) pa;
  const LecternCoderUnitPassage *b = *(LecternCoderUnitPassage * const *) pb;

  if (a->is_b != b->is_b)
    return a->is_b ? 1 : -1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  if (a->tag_ids->len != b->tag_ids->len)
    return a->tag_ids->len < b->tag_ids->len ? -1 : 1;
  for (guint i = 0; i < a->tag_ids->len; i++)
    {
      int c = compare_ids (&g_array_index (a->tag_ids, gint64, i), &g_array_index (b->tag_ids, gint64, i));

      if (c != 0)
        return c;
    }
  return a->annotation_id < b->annotation_id ? -1 : a->annotation_id > b->annotation_id;
}

static int
compare_by_start (gconstpointer pa,
                  gconstpointer pb)
{
  const LecternCoderUnitPassage *a = *(LecternCoderUnitPassage * const *) pa;
  const LecternCoderUnitPassage *b = *(LecternCoderUnitPassage * const *) pb;

  return a->start < b->start ? -1 : a->start > b->start;
}

static LecternCoderUnitKind
classify (GPtrArray *passages)
{
  guint n_a = 0;
  guint n_b;
  gboolean same_ranges = TRUE;
  gboolean same_codes = TRUE;

  while (n_a < passages->len && !((LecternCoderUnitPassage *) g_ptr_array_index (passages, n_a))->is_b)
    n_a++;
  n_b = passages->len - n_a;

  if (n_b == 0)
    return LECTERN_CODER_UNIT_ONLY_A;
  if (n_a == 0)
    return LECTERN_CODER_UNIT_ONLY_B;
  if (n_a != n_b)
    return LECTERN_CODER_UNIT_BOUNDS;

  for (guint i = 0; i < n_a; i++)
    {
      const LecternCoderUnitPassage *a = g_ptr_array_index (passages, i);
      const LecternCoderUnitPassage *b = g_ptr_array_index (passages, n_a + i);

      if (a->start != b->start || a->end != b->end)
        same_ranges = FALSE;
      else if (!same_tags (a, b))
        same_codes = FALSE;
    }

  if (!same_ranges)
    return LECTERN_CODER_UNIT_BOUNDS;
  return same_codes ? LECTERN_CODER_UNIT_AGREED : LECTERN_CODER_UNIT_CODES;
}

static void
close_unit (GPtrArray *units,
            GPtrArray *members,
            glong      start,
            glong      end)
{
  LecternCoderUnit *unit = g_new0 (LecternCoderUnit, 1);

  unit->start = start;
  unit->end = end;
  unit->passages = members;
  g_ptr_array_sort (unit->passages, compare_passages);
  unit->kind = classify (unit->passages);
  g_ptr_array_add (units, unit);
}

GPtrArray *
lectern_coder_units_compute (GPtrArray *passages)
{
  GPtrArray *units = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_coder_unit_free);
  GPtrArray *members = NULL;
  glong start = 0;
  glong end = 0;

  g_return_val_if_fail (passages != NULL, units);

  /* The array hands its passages over to the units. */
  g_ptr_array_set_free_func (passages, NULL);
  g_ptr_array_sort (passages, compare_by_start);

  for (guint i = 0; i < passages->len; i++)
    {
      LecternCoderUnitPassage *passage = g_ptr_array_index (passages, i);

      g_array_sort (passage->tag_ids, compare_ids);
      /* Touching passages chain, as the agreement measure unites them. */
      if (members != NULL && passage->start > end)
        {
          close_unit (units, members, start, end);
          members = NULL;
        }
      if (members == NULL)
        {
          members = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_coder_unit_passage_free);
          start = passage->start;
          end = passage->end;
        }
      end = MAX (end, passage->end);
      g_ptr_array_add (members, passage);
    }
  if (members != NULL)
    close_unit (units, members, start, end);

  g_ptr_array_unref (passages);
  return units;
}

GPtrArray *
lectern_coder_units_read (LecternProject  *project,
                          gint64          document_id,
                          gint64          coder_a,
                          gint64          coder_b,
                          GError        **error)
{
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(GArray) decided = NULL;
  GPtrArray *passages;
  GPtrArray *units;
  guint n;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);

  annotations = lectern_project_list_annotations (project, document_id, 0, FALSE, error);
  if (annotations == NULL)
    return NULL;
  decided = lectern_project_list_adjudications (project, document_id, coder_a, coder_b, error);
  if (decided == NULL)
    return NULL;

  passages = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_coder_unit_passage_free);
  n = g_list_model_get_n_items (annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (annotations, i);
      gint64 coder = lectern_annotation_get_coder_id (annotation);
      LecternCoderUnitPassage *passage;
      const gint64 *tag_ids;
      guint n_tags;

      if (coder != coder_a && coder != coder_b)
        continue;
      tag_ids = lectern_annotation_get_tag_ids (annotation, &n_tags);
      passage = g_new0 (LecternCoderUnitPassage, 1);
      passage->annotation_id = lectern_annotation_get_id (annotation);
      passage->is_b = coder == coder_b;
      passage->start = lectern_annotation_get_start (annotation);
      passage->end = lectern_annotation_get_end (annotation);
      passage->tag_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_tags);
      g_array_append_vals (passage->tag_ids, tag_ids, n_tags);
      passage->note = g_strdup (lectern_annotation_get_note (annotation));
      g_ptr_array_add (passages, passage);
    }

  units = lectern_coder_units_compute (passages);

  for (guint i = 0; i < units->len; i++)
    {
      LecternCoderUnit *unit = g_ptr_array_index (units, i);

      for (guint j = 0; j < decided->len; j++)
        {
          const LecternAdjudication *row = &g_array_index (decided, LecternAdjudication, j);

          if (row->start == unit->start && row->end == unit->end)
            {
              unit->decision = row->decision;
              break;
            }
        }
    }
  return units;
}

gboolean
lectern_coder_unit_is_open (const LecternCoderUnit *unit)
{
  return unit->kind != LECTERN_CODER_UNIT_AGREED && unit->decision == 0;
}

gboolean
lectern_coder_unit_has_tag (const LecternCoderUnit *unit,
                            gboolean                is_b,
                            gint64                  tag_id)
{
  for (guint i = 0; i < unit->passages->len; i++)
    {
      const LecternCoderUnitPassage *passage = g_ptr_array_index (unit->passages, i);

      if (!passage->is_b != !is_b)
        continue;
      for (guint j = 0; j < passage->tag_ids->len; j++)
        {
          if (g_array_index (passage->tag_ids, gint64, j) == tag_id)
            return TRUE;
        }
    }
  return FALSE;
}

static void
add_side (GArray                 *result,
          const LecternCoderUnit *unit,
          gboolean                is_b)
{
  for (guint i = 0; i < unit->passages->len; i++)
    {
      const LecternCoderUnitPassage *passage = g_ptr_array_index (unit->passages, i);
      LecternAdjudicatedPassage kept = { 0, };

      if (!passage->is_b != !is_b)
        continue;
      kept.start = passage->start;
      kept.end = passage->end;
      kept.tag_ids = (const gint64 *) (gpointer) passage->tag_ids->data;
      kept.n_tag_ids = passage->tag_ids->len;
      kept.note = passage->note;
      g_array_append_val (result, kept);
    }
}

/* B's passages joined to A's: a range both coded is kept once, with the
 * codes and notes of both; what is joined is allocated into @storage. */
static void
add_both (GArray                 *result,
          const LecternCoderUnit *unit,
          GPtrArray              *storage)
{
  guint n_a;

  add_side (result, unit, FALSE);
  n_a = result->len;
  for (guint i = 0; i < unit->passages->len; i++)
    {
      const LecternCoderUnitPassage *passage = g_ptr_array_index (unit->passages, i);
      LecternAdjudicatedPassage *same = NULL;

      if (!passage->is_b)
        continue;
      for (guint j = 0; j < n_a && same == NULL; j++)
        {
          LecternAdjudicatedPassage *kept = &g_array_index (result, LecternAdjudicatedPassage, j);

          if (kept->start == passage->start && kept->end == passage->end)
            same = kept;
        }

      if (same == NULL)
        {
          LecternAdjudicatedPassage kept = {
            .start = passage->start,
            .end = passage->end,
            .tag_ids = (const gint64 *) (gpointer) passage->tag_ids->data,
            .n_tag_ids = passage->tag_ids->len,
            .note = passage->note,
          };

          g_array_append_val (result, kept);
          continue;
        }

      {
        GArray *tags = g_array_new (FALSE, FALSE, sizeof (gint64));

        g_array_append_vals (tags, same->tag_ids, same->n_tag_ids);
        for (guint k = 0; k < passage->tag_ids->len; k++)
          {
            gint64 tag = g_array_index (passage->tag_ids, gint64, k);
            gboolean found = FALSE;

            for (guint m = 0; m < same->n_tag_ids && !found; m++)
              found = same->tag_ids[m] == tag;
            if (!found)
              g_array_append_val (tags, tag);
          }
        same->n_tag_ids = tags->len;
        same->tag_ids = (const gint64 *) (gpointer) g_array_free (tags, FALSE);
        g_ptr_array_add (storage, (gpointer) same->tag_ids);
      }

      if (passage->note != NULL && g_strcmp0 (passage->note, same->note) != 0)
        {
          char *note = same->note != NULL ? g_strconcat (same->note, "\n\n", passage->note, NULL)
                                          : g_strdup (passage->note);

          g_ptr_array_add (storage, note);
          same->note = note;
        }
    }
}

GArray *
lectern_coder_unit_decide (const LecternCoderUnit      *unit,
                           LecternAdjudicationDecision  decision,
                           GPtrArray                   *storage)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (LecternAdjudicatedPassage));

  switch (decision)
    {
    case LECTERN_ADJUDICATION_KEEP_B:
      add_side (result, unit, TRUE);
      break;
    case LECTERN_ADJUDICATION_NEITHER:
      break;
    case LECTERN_ADJUDICATION_BOTH:
      add_both (result, unit, storage);
      break;
    case LECTERN_ADJUDICATION_KEEP_A:
    case LECTERN_ADJUDICATION_AGREED:
    case LECTERN_ADJUDICATION_EDITED:
    default:
      add_side (result, unit, FALSE);
      break;
    }
  return result;
}

gboolean
lectern_coder_unit_adjudicate (LecternProject              *project,
                               gint64                       document_id,
                               gint64                       coder_a,
                               gint64                       coder_b,
                               const LecternCoderUnit      *unit,
                               LecternAdjudicationDecision  decision,
                               GError                     **error)
{
  g_autoptr(GPtrArray) storage = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) kept = lectern_coder_unit_decide (unit, decision, storage);
  LecternAdjudicationInput input = {
    .start = unit->start,
    .end = unit->end,
    .decision = decision,
    .passages = (const LecternAdjudicatedPassage *) (gpointer) kept->data,
    .n_passages = kept->len,
  };

  return lectern_project_adjudicate (project, document_id, coder_a, coder_b, &input, 1, NULL, error);
}

gboolean
lectern_coder_units_accept_all (LecternProject  *project,
                                gint64          document_id,
                                gint64          coder_a,
                                gint64          coder_b,
                                GPtrArray      *units,
                                gboolean        is_b,
                                gint64          tag_id,
                                const char     *label,
                                guint          *n_decided,
                                GError        **error)
{
  g_autoptr(GPtrArray) storage = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) inputs = g_array_new (FALSE, FALSE, sizeof (LecternAdjudicationInput));
  LecternAdjudicationDecision decision = tag_id == 0 ? LECTERN_ADJUDICATION_AGREED
                                         : is_b ? LECTERN_ADJUDICATION_KEEP_B : LECTERN_ADJUDICATION_KEEP_A;

  for (guint i = 0; i < units->len; i++)
    {
      const LecternCoderUnit *unit = g_ptr_array_index (units, i);
      GArray *passages;
      LecternAdjudicationInput input = { 0, };

      if (tag_id == 0
          ? unit->kind != LECTERN_CODER_UNIT_AGREED || unit->decision != 0
          : !lectern_coder_unit_is_open (unit) || !lectern_coder_unit_has_tag (unit, is_b, tag_id))
        continue;
      passages = lectern_coder_unit_decide (unit, decision, storage);
      g_ptr_array_add (kept, passages);
      input.start = unit->start;
      input.end = unit->end;
      input.decision = decision;
      input.passages = (const LecternAdjudicatedPassage *) (gpointer) passages->data;
      input.n_passages = passages->len;
      g_array_append_val (inputs, input);
    }

  if (n_decided != NULL)
    *n_decided = inputs->len;
  if (inputs->len == 0)
    return TRUE;
  return lectern_project_adjudicate (project, document_id, coder_a, coder_b,
                                     (const LecternAdjudicationInput *) (gpointer) inputs->data, inputs->len,
                                     label, error);
}
