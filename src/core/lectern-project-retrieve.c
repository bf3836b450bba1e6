/* lectern-project-retrieve.c — coding queries evaluated: passages of codes
 * combined by overlap, distance in paragraphs and order.
 *
 * Each node of the parsed query gives a list of ranges (document, start,
 * end) with the set of the query's codes that met there, sorted and each
 * range once; operators combine two lists document by document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-coding-query-private.h"
#include "lectern-project-private.h"
#include "lectern-paragraphs.h"
#include "lectern-text-private.h"

typedef struct
{
  gint64  document_id;
  glong   start;
  glong   end;
  guint64 codes;   /* bit i: code i of the query */
} Segment;

typedef struct
{
  LecternProject      *project;
  LecternCodingQuery *query;
  GHashTable         *documents;    /* gint64 * set, or NULL: all */
  char               *coders;       /* "1,4": whose passages; NULL: everyone's */
  GPtrArray          *tag_paths;    /* char *: the codes' stored paths */
  GArray             *tag_ids;      /* gint64 */
  GHashTable         *paragraphs;   /* gint64 * → LecternParagraphs */
  GPtrArray          *codes;        /* GArray of Segment by code index, once read */
  GCancellable       *cancellable;
  GError            **error;
} Evaluator;

static int
compare_segments (gconstpointer a,
                  gconstpointer b)
{
  const Segment *x = a;
  const Segment *y = b;

  if (x->document_id != y->document_id)
    return x->document_id < y->document_id ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* Sorts and makes each range once, with the codes of all its copies. */
static GArray *
normalize (GArray *segments)
{
  guint kept = 0;

  if (segments->len == 0)
    return segments;

  g_array_sort (segments, compare_segments);
  for (guint i = 1; i < segments->len; i++)
    {
      Segment *last = &g_array_index (segments, Segment, kept);
      Segment *next = &g_array_index (segments, Segment, i);

      if (compare_segments (last, next) == 0)
        last->codes |= next->codes;
      else
        g_array_index (segments, Segment, ++kept) = *next;
    }
  g_array_set_size (segments, kept + 1);
  return segments;
}

static GArray *
new_segments (void)
{
  return g_array_new (FALSE, FALSE, sizeof (Segment));
}

static GArray *read_code_segments (Evaluator *ev, LecternCodingNode *node);

/* A code named many times ("A AND B OR A AND C") is read once. */
static GArray *
code_segments (Evaluator         *ev,
               LecternCodingNode *node)
{
  GArray *segments = g_ptr_array_index (ev->codes, node->code_index);

  if (segments == NULL)
    {
      segments = read_code_segments (ev, node);
      if (segments == NULL)
        return NULL;
      g_ptr_array_index (ev->codes, node->code_index) = segments;
    }
  return g_array_copy (segments);
}

static GArray *
read_code_segments (Evaluator         *ev,
                    LecternCodingNode *node)
{
  gint64 tag_id = g_array_index (ev->tag_ids, gint64, node->code_index);
  g_autoptr(GHashTable) ranges = _lectern_project_tag_ranges (ev->project, tag_id, ev->documents, ev->coders,
                                                              ev->error);
  GHashTableIter iter;
  gpointer key, value;
  GArray *segments;

  if (ranges == NULL)
    return NULL;

  segments = new_segments ();
  g_hash_table_iter_init (&iter, ranges);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *array = value;

      for (guint i = 0; i < array->len; i++)
        {
          LecternRange *range = &g_array_index (array, LecternRange, i);
          Segment segment = { *(gint64 *) key, range->start, range->end, G_GUINT64_CONSTANT (1) << node->code_index };

          g_array_append_val (segments, segment);
        }
    }

  return normalize (segments);
}

/* The paragraphs a range touches; FALSE when it touches none. */
static gboolean
paragraph_span (Evaluator     *ev,
                const Segment *segment,
                guint         *first,
                guint         *last)
{
  LecternParagraphs *paragraphs = g_hash_table_lookup (ev->paragraphs, &segment->document_id);

  if (paragraphs == NULL)
    {
      g_autofree char *text = lectern_project_dup_text (ev->project, segment->document_id, NULL);

      paragraphs = lectern_paragraphs_new (text != NULL ? text : "");
      g_hash_table_insert (ev->paragraphs, g_memdup2 (&segment->document_id, sizeof (gint64)), paragraphs);
    }

  return lectern_paragraphs_span (paragraphs, segment->start, segment->end, first, last);
}

static void
combine_document (Evaluator         *ev,
                  LecternCodingNode *node,
                  const Segment     *a,
                  guint              n_a,
                  const Segment     *b,
                  guint              n_b,
                  GArray            *out)
{
  for (guint i = 0; i < n_a; i++)
    {
      gboolean any = FALSE;
      guint a_first = 0, a_last = 0;
      gboolean a_placed = FALSE;

      if (node->op == LECTERN_CODING_NEAR || node->op == LECTERN_CODING_FOLLOWED_BY)
        a_placed = paragraph_span (ev, &a[i], &a_first, &a_last);

      for (guint j = 0; j < n_b; j++)
        {
          gboolean overlap = a[i].start < b[j].end && b[j].start < a[i].end;
          Segment result = { a[i].document_id, 0, 0, a[i].codes | b[j].codes };

          switch (node->op)
            {
            case LECTERN_CODING_AND:
              if (!overlap)
                continue;
              result.start = MAX (a[i].start, b[j].start);
              result.end = MIN (a[i].end, b[j].end);
              break;

            case LECTERN_CODING_NOT:
              any = any || overlap;
              continue;

            case LECTERN_CODING_NEAR:
              {
                guint b_first, b_last;
                guint gap;

                if (!a_placed || !paragraph_span (ev, &b[j], &b_first, &b_last))
                  continue;
                gap = MAX (a_first, b_first) > MIN (a_last, b_last)
                      ? MAX (a_first, b_first) - MIN (a_last, b_last) : 0;
                if (gap > node->distance)
                  continue;
                result.start = MIN (a[i].start, b[j].start);
                result.end = MAX (a[i].end, b[j].end);
              }
              break;

            case LECTERN_CODING_FOLLOWED_BY:
              {
                guint b_first, b_last;

                if (b[j].start < a[i].end || !a_placed || !paragraph_span (ev, &b[j], &b_first, &b_last))
                  continue;
                if (b_first != a_last && b_first != a_last + 1)
                  continue;
                result.start = a[i].start;
                result.end = b[j].end;
              }
              break;

            case LECTERN_CODING_CODE:
            case LECTERN_CODING_OR:
            case LECTERN_CODING_WITHOUT:
            default:
              g_assert_not_reached ();
            }

          g_array_append_val (out, result);
        }

      if (node->op == LECTERN_CODING_NOT && !any)
        g_array_append_val (out, a[i]);
    }
}

static GArray *evaluate (Evaluator *ev, LecternCodingNode *node);

static GArray *
combine (Evaluator         *ev,
         LecternCodingNode *node)
{
  g_autoptr(GArray) a = evaluate (ev, node->left);
  g_autoptr(GArray) b = NULL;
  GArray *out;
  guint i = 0, j = 0;

  if (a == NULL)
    return NULL;
  b = evaluate (ev, node->right);
  if (b == NULL)
    return NULL;

  if (node->op == LECTERN_CODING_OR)
    {
      g_array_append_vals (a, b->data, b->len);
      return normalize (g_steal_pointer (&a));
    }

  out = new_segments ();
  while (i < a->len)
    {
      gint64 document_id = g_array_index (a, Segment, i).document_id;
      guint i_end = i, j_end;

      while (i_end < a->len && g_array_index (a, Segment, i_end).document_id == document_id)
        i_end++;
      while (j < b->len && g_array_index (b, Segment, j).document_id < document_id)
        j++;
      j_end = j;
      while (j_end < b->len && g_array_index (b, Segment, j_end).document_id == document_id)
        j_end++;

      combine_document (ev, node,
                        &g_array_index (a, Segment, i), i_end - i,
                        j < b->len ? &g_array_index (b, Segment, j) : NULL, j_end - j,
                        out);
      i = i_end;
      j = j_end;
    }

  return normalize (out);
}

static GArray *
evaluate (Evaluator         *ev,
          LecternCodingNode *node)
{
  if (g_cancellable_set_error_if_cancelled (ev->cancellable, ev->error))
    return NULL;

  switch (node->op)
    {
    case LECTERN_CODING_CODE:
      return code_segments (ev, node);
    case LECTERN_CODING_WITHOUT:
      g_set_error (ev->error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_QUERY,
                   _("NOT alone finds the documents without a code, not passages: "
                     "list documents, or write A NOT B"));
      return NULL;
    case LECTERN_CODING_AND:
    case LECTERN_CODING_OR:
    case LECTERN_CODING_NOT:
    case LECTERN_CODING_NEAR:
    case LECTERN_CODING_FOLLOWED_BY:
    default:
      return combine (ev, node);
    }
}

static void
segments_free (gpointer segments)
{
  if (segments != NULL)
    g_array_unref (segments);
}

/* Parses @expression and finds its codes. */
static gboolean
evaluator_init (Evaluator                   *ev,
                LecternProject               *project,
                const char                  *expression,
                const LecternDocumentFilter *filter,
                GCancellable                *cancellable,
                GError                     **error)
{
  ev->project = project;
  ev->cancellable = cancellable;
  ev->error = error;
  ev->tag_paths = g_ptr_array_new_with_free_func (g_free);
  ev->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ev->paragraphs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) lectern_paragraphs_free);

  ev->query = _lectern_coding_query_parse (expression, error);
  if (ev->query == NULL)
    return FALSE;
  ev->codes = g_ptr_array_new_with_free_func (segments_free);
  g_ptr_array_set_size (ev->codes, ev->query->paths->len);

  for (guint i = 0; i < ev->query->paths->len; i++)
    {
      const char *path = g_ptr_array_index (ev->query->paths, i);
      g_autoptr(LecternTag) tag = lectern_project_find_tag (project, path, error);
      gint64 id;

      if (tag == NULL)
        {
          /* A path no tag can have (too long, an empty name) is a mistake
           * in the query, not a missing code. */
          if (error != NULL && g_error_matches (*error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID))
            (*error)->code = LECTERN_PROJECT_ERROR_QUERY;

          /* "a and b": operators are capitals, as in search queries. */
          static const char * const operators[] = { "and", "or", "not", "followed-by" };

          for (guint o = 0; o < G_N_ELEMENTS (operators); o++)
            if (error != NULL && *error != NULL && g_ascii_strcasecmp (path, operators[o]) == 0)
              {
                g_autofree char *upper = g_ascii_strup (path, -1);

                g_prefix_error (error, _("Operators are written in capitals (%s): "), upper);
              }
          return FALSE;
        }
      id = lectern_tag_get_id (tag);
      g_array_append_val (ev->tag_ids, id);
      g_ptr_array_add (ev->tag_paths, g_strdup (lectern_tag_get_path (tag)));
    }

  ev->coders = _lectern_document_filter_dup_coders (filter);
  return _lectern_project_document_set (project, filter, &ev->documents, error);
}

static void
evaluator_clear (Evaluator *ev)
{
  g_clear_pointer (&ev->query, _lectern_coding_query_free);
  g_clear_pointer (&ev->coders, g_free);
  g_clear_pointer (&ev->documents, g_hash_table_unref);
  g_clear_pointer (&ev->tag_paths, g_ptr_array_unref);
  g_clear_pointer (&ev->tag_ids, g_array_unref);
  g_clear_pointer (&ev->paragraphs, g_hash_table_unref);
  g_clear_pointer (&ev->codes, g_ptr_array_unref);
}

/* Keeps the segments lying wholly inside a turn of the filter's speaker,
 * if it names one. FALSE with @error set on failure. */
static gboolean
keep_speaker (Evaluator                   *ev,
              const LecternDocumentFilter *filter,
              GArray                      *segments,
              GError                     **error)
{
  const char *speaker = _lectern_document_filter_get_speaker (filter);
  g_autoptr(GHashTable) turns = NULL;
  guint kept = 0;

  if (speaker == NULL)
    return TRUE;
  turns = _lectern_project_speaker_ranges (ev->project, speaker, ev->documents, error);
  if (turns == NULL)
    return FALSE;

  for (guint i = 0; i < segments->len; i++)
    {
      Segment segment = g_array_index (segments, Segment, i);

      if (_lectern_ranges_hold (g_hash_table_lookup (turns, &segment.document_id), segment.start, segment.end))
        g_array_index (segments, Segment, kept++) = segment;
    }
  g_array_set_size (segments, kept);
  return TRUE;
}

static void
retrieved_free (LecternRetrieved *retrieved)
{
  g_free (retrieved->tags);
  g_free (retrieved->quote);
  g_free (retrieved);
}

GPtrArray *
lectern_project_retrieve (LecternProject               *self,
                         const char                  *expression,
                         const LecternDocumentFilter *filter,
                         GCancellable                *cancellable,
                         GError                     **error)
{
  Evaluator ev = { NULL, };
  g_autoptr(GArray) segments = NULL;
  g_autoptr(GPtrArray) results = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (expression != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (evaluator_init (&ev, self, expression, filter, cancellable, error))
    segments = evaluate (&ev, ev.query->root);
  if (segments != NULL && !keep_speaker (&ev, filter, segments, error))
    g_clear_pointer (&segments, g_array_unref);
  if (segments == NULL)
    {
      evaluator_clear (&ev);
      return NULL;
    }

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) retrieved_free);
  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *segment = &g_array_index (segments, Segment, i);
      LecternTextCache *cache = _lectern_project_get_text_cache (self, segment->document_id, error);
      LecternRetrieved *retrieved;
      g_autofree char *quote = NULL;
      GString *tags;

      if (cache == NULL)
        {
          evaluator_clear (&ev);
          return NULL;
        }

      tags = g_string_new (NULL);
      for (guint c = 0; c < ev.tag_paths->len; c++)
        {
          if ((segment->codes & (G_GUINT64_CONSTANT (1) << c)) == 0)
            continue;
          if (tags->len > 0)
            g_string_append_c (tags, ',');
          g_string_append (tags, g_ptr_array_index (ev.tag_paths, c));
        }

      quote = _lectern_text_cache_slice (cache, segment->start, segment->end);
      retrieved = g_new0 (LecternRetrieved, 1);
      retrieved->document_id = segment->document_id;
      retrieved->start = segment->start;
      retrieved->end = segment->end;
      retrieved->tags = g_string_free (tags, FALSE);
      retrieved->quote = _lectern_text_one_line (quote);
      g_ptr_array_add (results, retrieved);
    }

  evaluator_clear (&ev);
  return g_steal_pointer (&results);
}

GArray *
lectern_project_retrieve_documents (LecternProject               *self,
                                   const char                  *expression,
                                   const LecternDocumentFilter *filter,
                                   GCancellable                *cancellable,
                                   GError                     **error)
{
  Evaluator ev = { NULL, };
  g_autoptr(GArray) segments = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GHashTable) found = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *documents;
  gboolean without;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (expression != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!evaluator_init (&ev, self, expression, filter, cancellable, error))
    {
      evaluator_clear (&ev);
      return NULL;
    }

  without = ev.query->root->op == LECTERN_CODING_WITHOUT;
  segments = evaluate (&ev, without ? ev.query->root->left : ev.query->root);
  if (segments != NULL && !keep_speaker (&ev, filter, segments, error))
    g_clear_pointer (&segments, g_array_unref);
  if (segments != NULL)
    all = lectern_project_filter_documents (self, filter, error);
  evaluator_clear (&ev);
  if (segments == NULL || all == NULL)
    return NULL;

  for (guint i = 0; i < segments->len; i++)
    g_hash_table_add (found, &g_array_index (segments, Segment, i).document_id);

  documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = g_array_index (all, gint64, i);

      if (g_hash_table_contains (found, &id) != without)
        g_array_append_val (documents, id);
    }

  return documents;
}
