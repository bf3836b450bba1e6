/* lectern-text-replace.c — a document's text replaced by its revised
 * version: the word difference says where each passage's words went; a
 * passage whose words all changed is looked for by its quote; core's
 * lectern_project_change_text() applies the result in one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "lectern-text-replace.h"
#include "lectern-word-diff.h"

/* Close matches are looked for only for quotes of at most this many
 * words, in texts of at most this many: the search is linear in the
 * text, per passage. */
#define CLOSE_MAX_QUOTE_WORDS 2000
#define CLOSE_MAX_TEXT_WORDS  2000000

static gboolean
has_word_char (const char *text,
               glong       from,
               glong       to)
{
  const char *p = g_utf8_offset_to_pointer (text, from);

  for (glong k = from; k < to && *p != '\0'; k++, p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* TRUE when a letter or digit of old [start, end) lies in an EQUAL chunk
 * (any code point, for a passage without letters), as core decides it
 * (lectern-project-editing.c). */
static gboolean
keeps_words (GArray     *chunks,
             const char *old_text,
             glong       start,
             glong       end)
{
  gboolean wordless = !has_word_char (old_text, start, end);

  /* Chunks are in text order: a binary search finds the first that ends
   * after @start. */
  guint low = 0;
  guint high = chunks->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (chunks, LecternChunk, mid).a_end > start)
        high = mid;
      else
        low = mid + 1;
    }

  for (guint i = low; i < chunks->len; i++)
    {
      const LecternChunk *chunk = &g_array_index (chunks, LecternChunk, i);

      if (chunk->a_start >= end)
        break;
      if (chunk->kind == LECTERN_CHUNK_EQUAL
          && MIN (end, chunk->a_end) > MAX (start, chunk->a_start)
          && (wordless || has_word_char (old_text, MAX (start, chunk->a_start), MIN (end, chunk->a_end))))
        return TRUE;
    }
  return FALSE;
}

/* The stretch of @words (of the new text) whose words are most like the
 * quote's, as a share of the quote's words; FALSE when none reaches
 * LECTERN_TEXT_REPLACE_MIN_SIMILARITY. */
static gboolean
find_close (GArray     *words,
            const char *quote,
            glong      *start,
            glong      *end)
{
  g_autoptr(GArray) quote_words = lectern_words_split (quote, -1, 0);
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(GHashTable) have = NULL;
  guint n = quote_words->len;
  guint common = 0;
  guint best_common = 0;
  guint best_at = 0;

  if (n == 0 || n > CLOSE_MAX_QUOTE_WORDS || words->len < n || words->len > CLOSE_MAX_TEXT_WORDS)
    return FALSE;

  wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  have = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      guint64 hash = g_array_index (quote_words, LecternWord, i).hash;
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (wanted, &hash));

      g_hash_table_insert (wanted, g_memdup2 (&hash, sizeof hash), GUINT_TO_POINTER (count + 1));
    }

  /* A window of n words slides over the text; common counts the words it
   * shares with the quote, each as often as the quote has it. */
  for (guint i = 0; i < words->len; i++)
    {
      guint64 in = g_array_index (words, LecternWord, i).hash;
      guint have_in = GPOINTER_TO_UINT (g_hash_table_lookup (have, &in));

      if (have_in < GPOINTER_TO_UINT (g_hash_table_lookup (wanted, &in)))
        common++;
      g_hash_table_insert (have, g_memdup2 (&in, sizeof in), GUINT_TO_POINTER (have_in + 1));

      if (i >= n)
        {
          guint64 out = g_array_index (words, LecternWord, i - n).hash;
          guint have_out = GPOINTER_TO_UINT (g_hash_table_lookup (have, &out)) - 1;

          g_hash_table_insert (have, g_memdup2 (&out, sizeof out), GUINT_TO_POINTER (have_out));
          if (have_out < GPOINTER_TO_UINT (g_hash_table_lookup (wanted, &out)))
            common--;
        }

      if (i + 1 >= n && common > best_common)
        {
          best_common = common;
          best_at = i + 1 - n;
        }
    }

  if ((double) best_common / n < LECTERN_TEXT_REPLACE_MIN_SIMILARITY)
    return FALSE;

  *start = g_array_index (words, LecternWord, best_at).start;
  *end = g_array_index (words, LecternWord, best_at + n - 1).end;
  return TRUE;
}

struct _LecternTextReplacement
{
  char   *old_text;
  char   *new_text;      /* stored text */
  GArray *segments;      /* LecternTextSegment */
  GArray *placements;    /* LecternPassagePlacement */
  char   *description;
};

void
lectern_text_replacement_free (LecternTextReplacement *self)
{
  if (self == NULL)
    return;
  g_free (self->old_text);
  g_free (self->new_text);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_free (self->description);
  g_free (self);
}

LecternTextReplacement *
lectern_text_replacement_compute (const char  *old_text,
                                  const char  *new_text,
                                  GListModel  *passages,
                                  GError     **error)
{
  g_autoptr(LecternTextReplacement) self = NULL;
  g_autoptr(GArray) chunks = NULL;
  g_autoptr(GArray) new_words = NULL;
  g_autofree char *stored = NULL;
  LecternDiffSummary summary = { 0, };

  g_return_val_if_fail (old_text != NULL, NULL);
  g_return_val_if_fail (new_text != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (passages), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stored = lectern_text_normalize (new_text, -1);
  if (stored == NULL)
    {
      g_set_error_literal (error, LECTERN_COMPARE_ERROR, LECTERN_COMPARE_ERROR_INVALID,
                           _("The new text is not valid UTF-8; nothing was changed"));
      return NULL;
    }

  self = g_new0 (LecternTextReplacement, 1);
  self->old_text = g_strdup (old_text);
  self->new_text = g_steal_pointer (&stored);

  chunks = lectern_word_diff (old_text, self->new_text, LECTERN_WORD_DIFF_NONE, &summary);
  self->segments = g_array_sized_new (FALSE, FALSE, sizeof (LecternTextSegment), chunks->len);
  for (guint i = 0; i < chunks->len; i++)
    {
      const LecternChunk *chunk = &g_array_index (chunks, LecternChunk, i);
      LecternTextSegment segment = {
        chunk->a_start, chunk->a_end, chunk->b_start, chunk->b_end, chunk->kind == LECTERN_CHUNK_EQUAL,
      };

      g_array_append_val (self->segments, segment);
    }

  /* The passages the difference would orphan: their quote, exactly (with
   * its context to choose between repeats), then close. */
  self->placements = g_array_new (FALSE, FALSE, sizeof (LecternPassagePlacement));
  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(LecternAnnotation) passage = g_list_model_get_item (passages, i);
      LecternPassagePlacement placement = { lectern_annotation_get_id (passage), 0, 0 };
      glong start = lectern_annotation_get_start (passage);

      if (keeps_words (chunks, old_text, start, lectern_annotation_get_end (passage)))
        continue;

      if (!lectern_text_anchor (self->new_text, lectern_annotation_get_quote (passage),
                                lectern_annotation_get_prefix (passage),
                                lectern_annotation_get_suffix (passage),
                                -1, &placement.start, &placement.end))
        {
          if (new_words == NULL)
            new_words = lectern_words_split (self->new_text, -1, 0);
          if (!find_close (new_words, lectern_annotation_get_quote (passage),
                           &placement.start, &placement.end))
            continue;
        }
      g_array_append_val (self->placements, placement);
    }

  self->description = g_strdup_printf (_("Replaced by a new version: %u words added, %u removed, %u changed"),
                                       summary.words_added, summary.words_removed, summary.words_changed);
  return g_steal_pointer (&self);
}

gboolean
lectern_text_replacement_apply (LecternTextReplacement  *self,
                                LecternProject          *project,
                                gint64                   document_id,
                                LecternEditReport       *report,
                                GError                 **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (LECTERN_IS_PROJECT (project), FALSE);

  return lectern_project_change_text (project, document_id, self->old_text, self->new_text,
                                      self->segments, self->placements, self->description,
                                      _("Replace text"), report, error);
}

gboolean
lectern_text_replace (LecternProject     *project,
                      gint64             document_id,
                      const char        *new_text,
                      LecternEditReport *report,
                      GError           **error)
{
  g_autoptr(LecternTextReplacement) replacement = NULL;
  g_autofree char *old_text = NULL;
  g_autoptr(GListModel) passages = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (new_text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_text = lectern_project_dup_text (project, document_id, error);
  if (old_text == NULL)
    return FALSE;
  passages = lectern_project_list_annotations (project, document_id, 0, FALSE, error);
  if (passages == NULL)
    return FALSE;

  replacement = lectern_text_replacement_compute (old_text, new_text, passages, error);
  if (replacement == NULL)
    return FALSE;
  return lectern_text_replacement_apply (replacement, project, document_id, report, error);
}
