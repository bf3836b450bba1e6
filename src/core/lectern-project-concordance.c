/* lectern-project-concordance.c — the concordance: search hits filtered by
 * documents and codes, sorted by their context words; and coding every hit
 * at once.
 *
 * Sorting by context reads the words around each hit in the stored text
 * (not the shown context, which may cut a word), folded by the word layer,
 * so that "Sécurité" and "securite" sort together as search finds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-project-private.h"
#include "lectern-paragraphs.h"
#include "lectern-search-hit.h"
#include "lectern-text.h"
#include "lectern-words.h"

/* Context words a sort compares, and how far (code points) to look for
 * them. */
#define SORT_WORDS  3
#define SORT_WINDOW 300

struct _LecternDocumentFilter
{
  GArray *document_ids;
  char   *language;
  char   *var_key;
  char   *var_value;
  char   *speaker;
  GArray *coder_ids;  /* gint64; empty: every coder */
};

G_DEFINE_BOXED_TYPE (LecternDocumentFilter, lectern_document_filter,
                     lectern_document_filter_copy, lectern_document_filter_free)

LecternDocumentFilter *
lectern_document_filter_new (void)
{
  LecternDocumentFilter *self = g_new0 (LecternDocumentFilter, 1);

  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->coder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return self;
}

LecternDocumentFilter *
lectern_document_filter_copy (const LecternDocumentFilter *self)
{
  LecternDocumentFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = lectern_document_filter_new ();
  g_array_append_vals (copy->document_ids, self->document_ids->data, self->document_ids->len);
  copy->language = g_strdup (self->language);
  copy->var_key = g_strdup (self->var_key);
  copy->var_value = g_strdup (self->var_value);
  copy->speaker = g_strdup (self->speaker);
  g_array_append_vals (copy->coder_ids, self->coder_ids->data, self->coder_ids->len);
  return copy;
}

void
lectern_document_filter_free (LecternDocumentFilter *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->document_ids);
  g_array_unref (self->coder_ids);
  g_free (self->language);
  g_free (self->var_key);
  g_free (self->var_value);
  g_free (self->speaker);
  g_free (self);
}

void
lectern_document_filter_add_document (LecternDocumentFilter *self,
                                      gint64                 document_id)
{
  g_return_if_fail (self != NULL);
  g_array_append_val (self->document_ids, document_id);
}

void
lectern_document_filter_set_language (LecternDocumentFilter *self,
                                      const char            *language)
{
  g_return_if_fail (self != NULL);
  g_free (self->language);
  self->language = g_strdup (language);
}

void
lectern_document_filter_set_variable (LecternDocumentFilter *self,
                                      const char            *key,
                                      const char            *value)
{
  g_return_if_fail (self != NULL);
  g_free (self->var_key);
  g_free (self->var_value);
  self->var_key = g_strdup (key);
  self->var_value = g_strdup (key != NULL ? (value != NULL ? value : "") : NULL);
}

void
lectern_document_filter_set_speaker (LecternDocumentFilter *self,
                                     const char            *speaker)
{
  g_return_if_fail (self != NULL);
  g_free (self->speaker);
  self->speaker = g_strdup (speaker);
}

const char *
_lectern_document_filter_get_speaker (const LecternDocumentFilter *self)
{
  return self != NULL ? self->speaker : NULL;
}

void
lectern_document_filter_add_coder (LecternDocumentFilter *self,
                                   gint64                 coder_id)
{
  g_return_if_fail (self != NULL);
  g_array_append_val (self->coder_ids, coder_id);
}

char *
_lectern_document_filter_dup_coders (const LecternDocumentFilter *self)
{
  GString *list;

  if (self == NULL || self->coder_ids->len == 0)
    return NULL;
  list = g_string_new (NULL);
  for (guint i = 0; i < self->coder_ids->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (self->coder_ids, gint64, i));
  return g_string_free (list, FALSE);
}

static gboolean
filter_is_empty (const LecternDocumentFilter *filter)
{
  return filter == NULL
         || (filter->document_ids->len == 0 && filter->language == NULL && filter->var_key == NULL
             && filter->speaker == NULL);
}

GArray *
lectern_project_filter_documents (LecternProject               *self,
                                 const LecternDocumentFilter *filter,
                                 GError                     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) listed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(LecternStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter != NULL)
    {
      for (guint i = 0; i < filter->document_ids->len; i++)
        {
          gint64 *id = &g_array_index (filter->document_ids, gint64, i);
          gint64 found;

          if (!_lectern_project_query_int (self, "SELECT id FROM documents WHERE id = ?", *id, 0, &found, error))
            return NULL;
          if (found == 0)
            {
              _lectern_project_not_found (self, error, _("document"), *id);
              return NULL;
            }
          g_hash_table_add (listed, id);
        }
    }

  stmt = _lectern_project_prepare (self,
                                  "SELECT d.id FROM documents d"
                                  " WHERE (?1 IS NULL OR d.language = ?1 COLLATE NOCASE)"
                                  "   AND (?2 IS NULL OR EXISTS (SELECT 1 FROM document_variables v"
                                  "        WHERE v.document_id = d.id AND v.key = ?2 AND v.value = ?3))"
                                  "   AND (?4 IS NULL OR EXISTS (SELECT 1 FROM document_structure s"
                                  "        WHERE s.document_id = d.id AND s.kind = 'turn' AND s.value = ?4))"
                                  " ORDER BY d.id",
                                  error);
  if (stmt == NULL)
    return NULL;
  if (filter != NULL)
    {
      _lectern_bind_text (stmt, 1, filter->language);
      _lectern_bind_text (stmt, 2, filter->var_key);
      _lectern_bind_text (stmt, 3, filter->var_value);
      _lectern_bind_text (stmt, 4, filter->speaker);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (g_hash_table_size (listed) == 0 || g_hash_table_contains (listed, &id))
        g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

gboolean
_lectern_project_document_set (LecternProject               *self,
                              const LecternDocumentFilter *filter,
                              GHashTable                 **set,
                              GError                     **error)
{
  g_autoptr(GArray) ids = NULL;
  GHashTable *result;

  *set = NULL;
  if (filter_is_empty (filter))
    return TRUE;

  ids = lectern_project_filter_documents (self, filter, error);
  if (ids == NULL)
    return FALSE;

  result = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (result, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
  *set = result;
  return TRUE;
}

GHashTable *
_lectern_project_read_ranges (LecternProject  *self,
                              sqlite3_stmt    *stmt,
                              GHashTable      *documents,
                              GError         **error)
{
  g_autoptr(GHashTable) ranges =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 document_id = sqlite3_column_int64 (stmt, 0);
      LecternRange range = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2) };
      GArray *array;

      if (documents != NULL && !g_hash_table_contains (documents, &document_id))
        continue;

      array = g_hash_table_lookup (ranges, &document_id);
      if (array == NULL)
        {
          array = g_array_new (FALSE, FALSE, sizeof (LecternRange));
          g_hash_table_insert (ranges, g_memdup2 (&document_id, sizeof document_id), array);
        }
      g_array_append_val (array, range);
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ranges);
}

GHashTable *
_lectern_project_tag_ranges (LecternProject  *self,
                            gint64          tag_id,
                            GHashTable     *documents,
                            const char     *coders,
                            GError        **error)
{
  /* UNION, not UNION ALL: a damaged file's cycle of parents ends. The
   * coders are a list of ids, "1,4": matched whole, between commas. */
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self,
                             "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id)"
                             " SELECT DISTINCT a.document_id, a.start_offset, a.end_offset"
                             " FROM annotations a JOIN annotation_tags at ON at.annotation_id = a.id"
                             " WHERE at.tag_id IN sub AND a.orphaned = 0"
                             " AND (?2 IS NULL OR instr (',' || ?2 || ',', ',' || a.coder_id || ',') > 0)"
                             " ORDER BY a.document_id, a.start_offset, a.end_offset",
                             error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, tag_id);
  _lectern_bind_text (stmt, 2, coders);

  return _lectern_project_read_ranges (self, stmt, documents, error);
}

static gboolean
inside_ranges (GArray *ranges,
               glong   start,
               glong   end)
{
  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      const LecternRange *range = &g_array_index (ranges, LecternRange, i);

      if (range->start > start)
        break;
      if (range->end >= end)
        return TRUE;
    }
  return FALSE;
}

/* A hit with its sort keys. */
typedef struct
{
  LecternSearchHit *hit;
  guint             order;
  char             *keys[SORT_WORDS];
} SortedHit;

static void
sorted_hit_clear (SortedHit *sorted)
{
  g_clear_object (&sorted->hit);
  for (guint i = 0; i < SORT_WORDS; i++)
    g_clear_pointer (&sorted->keys[i], g_free);
}

/* A code-point cursor over a text: hits come in text order, so seeking
 * from the last place costs the distance between them, not the text's
 * length (a 5 MB document with thousands of hits). */
typedef struct
{
  const char *text;
  const char *p;
  glong       offset;
} Cursor;

static gsize
cursor_seek (Cursor *cursor,
             glong   offset)
{
  while (cursor->offset < offset && *cursor->p != '\0')
    {
      cursor->p = g_utf8_next_char (cursor->p);
      cursor->offset++;
    }
  while (cursor->offset > offset && cursor->p > cursor->text)
    {
      cursor->p = g_utf8_prev_char (cursor->p);
      cursor->offset--;
    }
  return cursor->p - cursor->text;
}

/* The folded words nearest to [start, end) on one side: keys[0] the
 * nearest. */
static void
context_keys (Cursor     *cursor,
              glong       length,
              glong       start,
              glong       end,
              gboolean    left,
              char       *keys[SORT_WORDS])
{
  const char *text = cursor->text;
  glong from = left ? MAX (0, start - SORT_WINDOW) : end;
  glong to = left ? start : MIN (length, end + SORT_WINDOW);
  gsize byte_from = cursor_seek (cursor, from);
  gsize byte_to = cursor_seek (cursor, to);
  LecternWordIter iter;
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (gsize) * 2);

  /* The window must not begin inside a word, whose tail would pass for
   * a word. */
  if (left && from > 0)
    {
      const char *p = text + byte_from;
      const char *q = p;

      while (q < text + byte_to && lectern_words_class_at (q, &q) == LECTERN_TOKEN_WORD)
        ;
      if (q != p)
        byte_from = g_utf8_prev_char (q) - text;
    }

  lectern_word_iter_init (&iter, text + byte_from, byte_to - byte_from, 0, LECTERN_WORD_ITER_NONE);
  while (lectern_word_iter_next (&iter))
    {
      gsize span[2] = { byte_from + iter.byte_start, byte_from + iter.byte_end };

      if (!left && words->len == SORT_WORDS)
        break;
      g_array_append_val (words, span);
    }

  for (guint k = 0; k < SORT_WORDS; k++)
    {
      gsize *span;
      g_autofree char *word = NULL;

      if (k >= words->len)
        break;
      span = (gsize *) (words->data + (left ? words->len - 1 - k : k) * sizeof (gsize) * 2);
      word = g_strndup (text + span[0], span[1] - span[0]);
      keys[k] = lectern_words_fold (word);
    }
}

static int
compare_sorted (gconstpointer a,
                gconstpointer b)
{
  const SortedHit *x = a;
  const SortedHit *y = b;

  for (guint k = 0; k < SORT_WORDS; k++)
    {
      int c = g_strcmp0 (x->keys[k] ? x->keys[k] : "", y->keys[k] ? y->keys[k] : "");

      if (c != 0)
        return c;
    }
  return x->order < y->order ? -1 : x->order > y->order;
}

GListModel *
lectern_project_concordance (LecternProject               *self,
                            const char                  *query,
                            const LecternDocumentFilter *filter,
                            gint64                       tag_id,
                            LecternConcordanceSort       sort,
                            guint                        limit,
                            GCancellable                *cancellable,
                            GError                     **error)
{
  g_autoptr(GHashTable) documents = NULL;
  g_autoptr(GHashTable) ranges = NULL;
  g_autoptr(GHashTable) turns = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GArray) kept = NULL;
  g_autoptr(GListStore) store = NULL;
  const char *speaker = _lectern_document_filter_get_speaker (filter);
  gboolean whole = sort == LECTERN_CONCORDANCE_SORT_DOCUMENT && tag_id == 0 && speaker == NULL;
  gint64 text_document = 0;
  g_autofree char *text = NULL;
  Cursor cursor = { NULL, NULL, 0 };
  glong length = 0;
  guint n;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lectern_project_document_set (self, filter, &documents, error))
    return NULL;

  if (tag_id != 0)
    {
      g_autoptr(LecternTag) tag = lectern_project_dup_tag (self, tag_id, error);

      if (tag == NULL)
        return NULL;
      g_autofree char *coders = _lectern_document_filter_dup_coders (filter);

      ranges = _lectern_project_tag_ranges (self, tag_id, documents, coders, error);
      if (ranges == NULL)
        return NULL;
    }

  if (speaker != NULL)
    {
      turns = _lectern_project_speaker_ranges (self, speaker, documents, error);
      if (turns == NULL)
        return NULL;
    }

  /* In document order with no code to check, the first page is the
   * search's own first page. */
  hits = _lectern_project_search_in (self, query, documents, whole ? limit : 0, cancellable, error);
  if (hits == NULL)
    return NULL;

  kept = g_array_new (FALSE, TRUE, sizeof (SortedHit));
  g_array_set_clear_func (kept, (GDestroyNotify) sorted_hit_clear);

  n = g_list_model_get_n_items (hits);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, i);
      gint64 document_id = lectern_search_hit_get_document_id (hit);
      glong start = lectern_search_hit_get_start (hit);
      glong end = lectern_search_hit_get_end (hit);
      SortedHit sorted = { NULL, i, { NULL, } };

      if (ranges != NULL && !inside_ranges (g_hash_table_lookup (ranges, &document_id), start, end))
        continue;
      if (turns != NULL && !_lectern_ranges_hold (g_hash_table_lookup (turns, &document_id), start, end))
        continue;

      if (sort == LECTERN_CONCORDANCE_SORT_DATE)
        {
          /* Dates sort as text (YYYY-MM-DD); "~" after every digit puts
           * the undated last. */
          if (document_id != text_document)
            {
              g_autoptr(LecternDocument) document = lectern_project_dup_document (self, document_id, error);

              if (document == NULL)
                return NULL;
              g_clear_pointer (&text, g_free);
              text = g_strdup (lectern_document_get_date (document) != NULL
                               ? lectern_document_get_date (document) : "~");
              text_document = document_id;
            }
          sorted.keys[0] = g_strdup (text);
        }
      else if (sort != LECTERN_CONCORDANCE_SORT_DOCUMENT)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          if (document_id != text_document)
            {
              g_clear_pointer (&text, g_free);
              text = lectern_project_dup_text (self, document_id, error);
              if (text == NULL)
                return NULL;
              length = g_utf8_strlen (text, -1);
              text_document = document_id;
              cursor.text = cursor.p = text;
              cursor.offset = 0;
            }
          context_keys (&cursor, length, start, end, sort == LECTERN_CONCORDANCE_SORT_LEFT, sorted.keys);
        }

      sorted.hit = g_steal_pointer (&hit);
      g_array_append_val (kept, sorted);
    }

  if (sort != LECTERN_CONCORDANCE_SORT_DOCUMENT)
    g_array_sort (kept, compare_sorted);

  store = g_list_store_new (LECTERN_TYPE_SEARCH_HIT);
  for (guint i = 0; i < kept->len && (limit == 0 || i < limit); i++)
    g_list_store_append (store, g_array_index (kept, SortedHit, i).hit);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const LecternRange *x = a;
  const LecternRange *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* The range to code for one hit. */
static void
scope_range (LecternParagraphs    *paragraphs,
             const char           *text,
             const char           *language,
             LecternAutocodeScope  scope,
             glong                 start,
             glong                 end,
             LecternRange         *range)
{
  guint first, last;
  glong paragraph_start, paragraph_end, unused;

  range->start = start;
  range->end = end;
  if (scope == LECTERN_AUTOCODE_MATCH || !lectern_paragraphs_span (paragraphs, start, end, &first, &last))
    return;

  lectern_paragraphs_get_range (paragraphs, first, &paragraph_start, &unused);
  lectern_paragraphs_get_range (paragraphs, last, &unused, &paragraph_end);

  if (scope == LECTERN_AUTOCODE_PARAGRAPH)
    {
      range->start = MIN (start, paragraph_start);
      range->end = MAX (end, paragraph_end);
      return;
    }

  /* Sentences, inside the paragraphs the hit touches. */
  {
    g_autofree char *slice = lectern_text_slice (text, paragraph_start, paragraph_end);
    glong sentence_start, sentence_end;

    _lectern_sentence_around (slice, language,
                              MAX (start, paragraph_start) - paragraph_start,
                              MIN (end, paragraph_end) - paragraph_start,
                              &sentence_start, &sentence_end);
    range->start = MIN (start, paragraph_start + sentence_start);
    range->end = MAX (end, paragraph_start + sentence_end);
  }
}

static gboolean
already_coded (LecternProject  *self,
               gint64          document_id,
               LecternRange   *range,
               gint64          tag_id,
               gboolean       *coded,
               GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self,
                             "SELECT 1 FROM annotations a JOIN annotation_tags at ON at.annotation_id = a.id"
                             " WHERE a.document_id = ? AND a.start_offset = ? AND a.end_offset = ? AND at.tag_id = ?"
                             " AND a.orphaned = 0",
                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, range->start);
  sqlite3_bind_int64 (stmt, 3, range->end);
  sqlite3_bind_int64 (stmt, 4, tag_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _lectern_project_fail (self, rc, error);
  *coded = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean code_hits (LecternProject        *self,
                           GListModel            *hits,
                           gint64                 tag_id,
                           LecternAutocodeScope   scope,
                           gint64                 within_tag_id,
                           const char            *undo_label,
                           guint                 *n_made,
                           GCancellable          *cancellable,
                           GError               **error);

gboolean
lectern_project_autocode (LecternProject               *self,
                         const char                  *query,
                         const LecternDocumentFilter *filter,
                         gint64                       tag_id,
                         LecternAutocodeScope         scope,
                         gint64                       within_tag_id,
                         guint                       *n_made,
                         GCancellable                *cancellable,
                         GError                     **error)
{
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(LecternTag) tag = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_made != NULL)
    *n_made = 0;

  tag = lectern_project_dup_tag (self, tag_id, error);
  if (tag == NULL)
    return FALSE;

  /* The concordance keeps only the hits inside @within_tag_id already. */
  hits = lectern_project_concordance (self, query, filter, within_tag_id, LECTERN_CONCORDANCE_SORT_DOCUMENT,
                                     0, cancellable, error);
  if (hits == NULL)
    return FALSE;
  return code_hits (self, hits, tag_id, scope, 0, _("Code all hits"), n_made, cancellable, error);
}

gboolean
lectern_project_autocode_hits (LecternProject        *self,
                              GListModel            *hits,
                              gint64                 tag_id,
                              LecternAutocodeScope   scope,
                              gint64                 within_tag_id,
                              guint                 *n_made,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (hits), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return code_hits (self, hits, tag_id, scope, within_tag_id, _("Code selected hits"), n_made, cancellable, error);
}

/* @undo_label: what Undo says it undoes. */
static gboolean
code_hits (LecternProject        *self,
           GListModel            *hits,
           gint64                 tag_id,
           LecternAutocodeScope   scope,
           gint64                 within_tag_id,
           const char            *undo_label,
           guint                 *n_made,
           GCancellable          *cancellable,
           GError               **error)
{
  g_autoptr(LecternTag) tag = NULL;
  /* document id → GArray of LecternRange, in document order */
  g_autoptr(GArray) document_order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) by_document =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) within = NULL;
  g_autoptr(LecternParagraphs) paragraphs = NULL;
  g_autofree char *text = NULL;
  g_autofree char *language = NULL;
  gint64 text_document = 0;
  gint64 changed_document = -1;
  guint made = 0;
  guint n;

  if (n_made != NULL)
    *n_made = 0;

  tag = lectern_project_dup_tag (self, tag_id, error);
  if (tag == NULL)
    return FALSE;
  if (within_tag_id != 0 && (within = _lectern_project_tag_ranges (self, within_tag_id, NULL, NULL, error)) == NULL)
    return FALSE;

  n = g_list_model_get_n_items (hits);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, i);
      gint64 document_id = lectern_search_hit_get_document_id (hit);
      LecternRange range;
      GArray *ranges;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (within != NULL
          && !inside_ranges (g_hash_table_lookup (within, &document_id),
                             lectern_search_hit_get_start (hit), lectern_search_hit_get_end (hit)))
        continue;

      if (scope != LECTERN_AUTOCODE_MATCH && document_id != text_document)
        {
          g_autoptr(LecternDocument) document = lectern_project_dup_document (self, document_id, error);

          if (document == NULL)
            return FALSE;
          g_clear_pointer (&text, g_free);
          g_clear_pointer (&paragraphs, lectern_paragraphs_free);
          text = lectern_project_dup_text (self, document_id, error);
          if (text == NULL)
            return FALSE;
          paragraphs = lectern_paragraphs_new (text);
          g_free (language);
          language = g_strdup (lectern_document_get_language (document));
          text_document = document_id;
        }

      scope_range (paragraphs, text, language, scope,
                   lectern_search_hit_get_start (hit), lectern_search_hit_get_end (hit), &range);

      ranges = g_hash_table_lookup (by_document, &document_id);
      if (ranges == NULL)
        {
          ranges = g_array_new (FALSE, FALSE, sizeof (LecternRange));
          g_hash_table_insert (by_document, g_memdup2 (&document_id, sizeof document_id), ranges);
          g_array_append_val (document_order, document_id);
        }
      g_array_append_val (ranges, range);
    }

  if (document_order->len == 0)
    return TRUE;

  if (!_lectern_project_begin (self, error))
    return FALSE;

  for (guint d = 0; d < document_order->len; d++)
    {
      gint64 document_id = g_array_index (document_order, gint64, d);
      GArray *ranges = g_hash_table_lookup (by_document, &document_id);
      guint merged = 0;

      /* Scopes that overlap (two hits in one sentence) make one passage. */
      g_array_sort (ranges, compare_ranges);
      for (guint i = 1; i < ranges->len; i++)
        {
          LecternRange *last = &g_array_index (ranges, LecternRange, merged);
          LecternRange *next = &g_array_index (ranges, LecternRange, i);

          if (next->start < last->end)
            last->end = MAX (last->end, next->end);
          else
            g_array_index (ranges, LecternRange, ++merged) = *next;
        }
      g_array_set_size (ranges, merged + 1);

      for (guint i = 0; i < ranges->len; i++)
        {
          LecternRange *range = &g_array_index (ranges, LecternRange, i);
          gboolean coded = FALSE;

          if (!already_coded (self, document_id, range, tag_id, &coded, error))
            goto failed;
          if (coded)
            continue;
          if (_lectern_project_insert_passage (self, document_id, range->start, range->end, &tag_id, 1, error) == 0)
            goto failed;
          made++;
          changed_document = changed_document == -1 || changed_document == document_id ? document_id : 0;
        }
    }

  if (made == 0)
    {
      _lectern_project_rollback (self);
      return TRUE;
    }

  if (!_lectern_project_commit (self, LECTERN_CHANGE_ANNOTATIONS | LECTERN_CHANGE_TAGS,
                               changed_document, undo_label, error))
    return FALSE;

  if (n_made != NULL)
    *n_made = made;
  return TRUE;

failed:
  _lectern_project_rollback (self);
  return FALSE;
}
