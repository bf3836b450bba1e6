/* lectern-project-word-counts.c — word frequencies over a set of documents,
 * by the word layer (lectern-words.h): the words search finds, folded as
 * search folds them. Words are told apart by their folded hash (64 bits);
 * each keeps the folded spelling of its first occurrence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-project-private.h"
#include "lectern-words.h"

/* Which stop-word list a document's language uses. */
typedef enum
{
  LIST_NONE,
  LIST_ENGLISH,
  LIST_FRENCH,
} StopList;

typedef struct
{
  LecternWordCount public;
  guint8           known;   /* bit per StopList: stop-ness looked up */
  guint8           stop;    /* bit per StopList: a stop word there */
} Entry;

struct _LecternWordCounts
{
  GHashTable *words;   /* guint64 * hash → Entry * */
  gint64      total;
};

static void
entry_free (Entry *entry)
{
  g_free (entry->public.word);
  g_free (entry);
}

void
lectern_word_counts_free (LecternWordCounts *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->words);
  g_free (self);
}

gint64
lectern_word_counts_get_total (LecternWordCounts *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->total;
}

static StopList
stop_list (const char *language)
{
  const char * const *words = _lectern_stop_words (language);

  if (words == NULL)
    return LIST_NONE;
  return words == _lectern_stop_words ("en") ? LIST_ENGLISH : LIST_FRENCH;
}

static void
count_text (LecternWordCounts *self,
            const char        *text,
            const char        *language)
{
  StopList list = stop_list (language);
  const char *list_language = list == LIST_ENGLISH ? "en" : "fr";
  LecternWordIter iter;

  lectern_word_iter_init (&iter, text, -1, 0, LECTERN_WORD_ITER_FOLD);
  while (lectern_word_iter_next (&iter))
    {
      Entry *entry = g_hash_table_lookup (self->words, &iter.hash);

      if (entry == NULL)
        {
          g_autofree char *word = g_strndup (text + iter.byte_start, iter.byte_end - iter.byte_start);

          entry = g_new0 (Entry, 1);
          entry->public.word = lectern_words_fold (word);
          g_hash_table_insert (self->words, g_memdup2 (&iter.hash, sizeof iter.hash), entry);
        }

      entry->public.count++;
      self->total++;

      if (list != LIST_NONE)
        {
          guint8 bit = 1 << list;

          if ((entry->known & bit) == 0)
            {
              entry->known |= bit;
              if (lectern_stop_word (list_language, entry->public.word))
                entry->stop |= bit;
            }
          if (entry->stop & bit)
            continue;
        }
      entry->public.listed++;
    }
}

LecternWordCounts *
lectern_project_count_words (LecternProject               *self,
                            const LecternDocumentFilter *filter,
                            GCancellable                *cancellable,
                            GError                     **error)
{
  g_autoptr(GArray) documents = NULL;
  g_autoptr(LecternWordCounts) counts = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  documents = lectern_project_filter_documents (self, filter, error);
  if (documents == NULL)
    return NULL;

  counts = g_new0 (LecternWordCounts, 1);
  counts->words = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) entry_free);

  for (guint i = 0; i < documents->len; i++)
    {
      g_autoptr(LecternStmt) stmt =
        _lectern_project_prepare (self, "SELECT text, language FROM documents WHERE id = ?", error);
      int rc;

      if (stmt == NULL)
        return NULL;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      sqlite3_bind_int64 (stmt, 1, g_array_index (documents, gint64, i));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        count_text (counts, _lectern_column_string (stmt, 0), _lectern_column_text (stmt, 1));
      else if (rc != SQLITE_DONE)
        {
          _lectern_project_fail (self, rc, error);
          return NULL;
        }
    }

  return g_steal_pointer (&counts);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const LecternWordCount *x = *(LecternWordCount * const *) a;
  const LecternWordCount *y = *(LecternWordCount * const *) b;

  if (x->listed != y->listed)
    return x->listed > y->listed ? -1 : 1;
  return strcmp (x->word, y->word);
}

static int
compare_all_counts (gconstpointer a,
                    gconstpointer b)
{
  const LecternWordCount *x = *(LecternWordCount * const *) a;
  const LecternWordCount *y = *(LecternWordCount * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->word, y->word);
}

GPtrArray *
lectern_word_counts_list (LecternWordCounts *self,
                          gboolean           all)
{
  GPtrArray *list;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (self != NULL, NULL);

  list = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->words);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      if (all || entry->public.listed > 0)
        g_ptr_array_add (list, &entry->public);
    }
  g_ptr_array_sort (list, all ? compare_all_counts : compare_counts);
  return list;
}

const LecternWordCount *
lectern_word_counts_lookup (LecternWordCounts *self,
                            const char        *folded)
{
  LecternWordIter iter;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (folded != NULL, NULL);

  lectern_word_iter_init (&iter, folded, -1, 0, LECTERN_WORD_ITER_FOLD);
  if (!lectern_word_iter_next (&iter))
    return NULL;
  return g_hash_table_lookup (self->words, &iter.hash);
}
