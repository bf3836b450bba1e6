/* lectern-analysis.h — asking the corpus questions: the concordance with its
 * filters and sorts, coding all hits at once, coding queries, the code
 * matrices, word lists and keyness. One implementation for the app and
 * lectern-cli; every call is synchronous and reads through the project's
 * connection, so the app runs them in a job (lectern-job.h) on a worker
 * connection, with @cancellable as its Cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "lectern-project.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Which documents: the filter every analysis takes                    */

/* Documents kept: those listed (none listed: every document), of the
 * language (NULL: any; compared without case), having the variable KEY
 * with exactly VALUE (NULL key: any), having a turn of the speaker (NULL:
 * any; the `turn` spans of their structure, corrections applied).
 * Conditions combine with AND. With a speaker, the concordance, autocode
 * and coding queries also keep only the hits and passages lying wholly
 * inside one of that speaker's turns; code matrices (but the speaker
 * matrix, which keeps that speaker's column), co-occurrence and word
 * lists count the whole documents. */
typedef struct _LecternDocumentFilter LecternDocumentFilter;

#define LECTERN_TYPE_DOCUMENT_FILTER (lectern_document_filter_get_type ())
GType                  lectern_document_filter_get_type     (void) G_GNUC_CONST;
LecternDocumentFilter *lectern_document_filter_new          (void);
/* A copy, for a job's data (lectern-job.h). (transfer full) */
LecternDocumentFilter *lectern_document_filter_copy         (const LecternDocumentFilter *self);
void                   lectern_document_filter_free         (LecternDocumentFilter *self);
void                   lectern_document_filter_add_document (LecternDocumentFilter *self,
                                                             gint64                 document_id);
void                   lectern_document_filter_set_language (LecternDocumentFilter *self,
                                                             const char            *language);
void                   lectern_document_filter_set_variable (LecternDocumentFilter *self,
                                                             const char            *key,
                                                             const char            *value);
void                   lectern_document_filter_set_speaker  (LecternDocumentFilter *self,
                                                             const char            *speaker);
/* Passages of this coder (lectern_project_list_coders()), and of any other
 * added; none added: every coder's. Keeps documents as they are; the
 * concordance's code condition and coding queries read only these
 * coders' passages (matrices and word lists still count every coder). */
void                   lectern_document_filter_add_coder    (LecternDocumentFilter *self,
                                                             gint64                 coder_id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternDocumentFilter, lectern_document_filter_free)

/* The ids of the documents @filter keeps (NULL: all), ascending. A listed
 * document that does not exist: NOT_FOUND. (transfer full) element-type
 * gint64 */
GArray *lectern_project_filter_documents (LecternProject               *self,
                                         const LecternDocumentFilter *filter,
                                         GError                     **error);

/* ------------------------------------------------------------------ */
/* Concordance                                                         */

typedef enum
{
  LECTERN_CONCORDANCE_SORT_DOCUMENT,  /* document, then position */
  LECTERN_CONCORDANCE_SORT_LEFT,      /* first word to the left, then second, third */
  LECTERN_CONCORDANCE_SORT_RIGHT,     /* first word to the right, then second, third */
  LECTERN_CONCORDANCE_SORT_DATE,      /* the document's date, undated documents last */
} LecternConcordanceSort;

/* The hits of @query (lectern_project_search()'s language) in the documents
 * @filter keeps; with @tag_id, only hits lying wholly inside a passage of
 * that tag or a tag below it. Sorted by @sort: context words are folded as
 * the word layer folds them (lectern_words_fold()) and compared bytewise, a
 * missing word (the text's edge) first; ties keep document order. At most
 * @limit hits (0: all), taken after sorting. (transfer full) of
 * LecternSearchHit */
GListModel *lectern_project_concordance (LecternProject               *self,
                                        const char                  *query,
                                        const LecternDocumentFilter *filter,
                                        gint64                       tag_id,
                                        LecternConcordanceSort       sort,
                                        guint                        limit,
                                        GCancellable                *cancellable,
                                        GError                     **error);

typedef enum
{
  LECTERN_AUTOCODE_MATCH,      /* the matched words */
  LECTERN_AUTOCODE_SENTENCE,   /* the sentence that holds the match */
  LECTERN_AUTOCODE_PARAGRAPH,  /* the paragraph that holds the match */
} LecternAutocodeScope;

/* Codes every hit of @query in the documents @filter keeps with @tag_id:
 * one passage per hit's scope, hits whose scopes overlap (two hits in one
 * sentence) making one passage; with @within_tag_id, only hits inside a
 * passage of that tag (or below it). A passage that already exists with
 * the same range and @tag_id is not made twice. Sentences are ICU's
 * (ubrk, the document's language), inside the paragraph, without their
 * trailing white space (not ending at the abbreviations ICU knows for the
 * language: "Mr.", "M."). One transaction and one undo step ("Code all
 * hits"); *@n_made: the passages made (0: nothing changed). */
gboolean lectern_project_autocode (LecternProject               *self,
                                  const char                  *query,
                                  const LecternDocumentFilter *filter,
                                  gint64                       tag_id,
                                  LecternAutocodeScope         scope,
                                  gint64                       within_tag_id,
                                  guint                       *n_made,
                                  GCancellable                *cancellable,
                                  GError                     **error);
/* The same for chosen @hits (element-type LecternSearchHit: the selected
 * rows of a concordance), each coded at @scope; with @within_tag_id, only
 * the hits inside a passage of that tag (or below it). One transaction
 * and one undo step. */
gboolean lectern_project_autocode_hits (LecternProject               *self,
                                       GListModel                  *hits,
                                       gint64                       tag_id,
                                       LecternAutocodeScope         scope,
                                       gint64                       within_tag_id,
                                       guint                       *n_made,
                                       GCancellable                *cancellable,
                                       GError                     **error);

/* ------------------------------------------------------------------ */
/* Coding queries                                                      */

/* One passage a coding query found: a range of a document and the codes
 * of the query that met there ("A,B"), with its text on one line. */
typedef struct
{
  gint64  document_id;
  glong   start;
  glong   end;
  char   *tags;
  char   *quote;
} LecternRetrieved;

/* Evaluates a coding query over the documents @filter keeps.
 *
 *   CODE               passages of the code or of a code below it; a path
 *                      as lectern_tag_get_path() writes it, "quoted" when
 *                      it holds spaces, parentheses or quotes (\" and \\
 *                      inside: lectern_coding_query_quote ())
 *   A AND B            where a passage of A overlaps one of B: the overlap
 *   A OR B             passages of either
 *   A NOT B            passages of A that overlap no passage of B
 *                      (A AND NOT B means the same)
 *   A NEAR/N B         a passage of A and one of B at most N paragraphs
 *                      apart (0: sharing a paragraph): the range from the
 *                      first start to the last end
 *   A FOLLOWED-BY B    a passage of B starting at or after the end of one
 *                      of A, in A's last paragraph or the next one: the
 *                      range from A's start to B's end
 *   ( … )              grouping
 *
 * OR binds loosest; AND, NOT, NEAR/N and FOLLOWED-BY bind alike, left to
 * right. Operators are upper case. Results in reading order, the same
 * range once. Malformed: QUERY, with the character position and the
 * reason (also for a path no code can have: too long, an empty name); an
 * unknown code: NOT_FOUND.
 * (transfer full) element-type LecternRetrieved */
GPtrArray *lectern_project_retrieve           (LecternProject               *self,
                                              const char                  *expression,
                                              const LecternDocumentFilter *filter,
                                              GCancellable                *cancellable,
                                              GError                     **error);
/* @path (a tag path) as a coding query writes it: in quotation marks, with
 * \" and \\ inside, so that whatever its names hold it stays one code
 * (an app building "A AND B" from two tags). (transfer full) */
char      *lectern_coding_query_quote        (const char                  *path);
/* The documents (ids, ascending) where @expression finds something; an
 * expression "NOT X" gives those where X finds nothing. (transfer full)
 * element-type gint64 */
GArray    *lectern_project_retrieve_documents (LecternProject               *self,
                                              const char                  *expression,
                                              const LecternDocumentFilter *filter,
                                              GCancellable                *cancellable,
                                              GError                     **error);

/* ------------------------------------------------------------------ */
/* Matrices                                                            */

/* A table of numbers with labelled rows and columns, for a heat table or
 * a chart. Rows of a code matrix are codes in the codebook's tree order. */
typedef struct
{
  guint       n_rows;
  guint       n_columns;
  GPtrArray  *row_labels;     /* char *: tag paths "Parent/Child" */
  GArray     *row_ids;        /* gint64: tag ids */
  GArray     *row_depths;     /* guint: nesting depth, 0 at the top */
  GPtrArray  *column_labels;  /* char * */
  GArray     *column_ids;     /* gint64: document or tag ids; 0 for a variable's values */
  double     *values;         /* n_rows × n_columns, row after row */
} LecternMatrix;

void   lectern_matrix_free (LecternMatrix *self);
double lectern_matrix_get  (const LecternMatrix *self,
                            guint                row,
                            guint                column);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternMatrix, lectern_matrix_free)

typedef enum
{
  LECTERN_MATRIX_VALUE_PASSAGES,  /* passages carrying the code itself */
  LECTERN_MATRIX_VALUE_CHARS,     /* characters they cover, overlaps once */
  LECTERN_MATRIX_VALUE_SHARE,     /* those characters / the column's characters */
} LecternMatrixValue;

/* Codes × documents (@variable NULL: a column per document kept, labelled
 * with its id) or codes × the values of the document variable @variable
 * (a column per value, sorted; documents without it are left out; a
 * variable no document has: NOT_FOUND). A row counts the passages of
 * the code itself, not of the codes below it. (transfer full) */
LecternMatrix *lectern_project_code_matrix  (LecternProject               *self,
                                            const LecternDocumentFilter *filter,
                                            const char                  *variable,
                                            LecternMatrixValue           value,
                                            GCancellable                *cancellable,
                                            GError                     **error);

/* Codes × speakers: a column per speaker with a turn in the documents
 * @filter keeps (its speaker alone, if it names one), sorted by name
 * (bytewise), labelled with the name; a passage counts for the speaker
 * whose turn holds it wholly (one crossing turns counts for nobody);
 * SHARE divides by the characters of the speaker's turns. No speaker
 * turn in those documents: NOT_FOUND. (transfer full) */
LecternMatrix *lectern_project_speaker_matrix (LecternProject               *self,
                                              const LecternDocumentFilter *filter,
                                              LecternMatrixValue           value,
                                              GCancellable                *cancellable,
                                              GError                     **error);

typedef enum
{
  LECTERN_COOCCURRENCE_OVERLAP,    /* the two passages overlap */
  LECTERN_COOCCURRENCE_PARAGRAPH,  /* they touch a paragraph in common */
} LecternCooccurrence;

/* Codes × codes: cell (X, Y) counts the pairs of distinct passages {p, q}
 * in one document, one carrying X and the other Y, that overlap (or share
 * a paragraph); symmetric, a pair counted once per cell. (transfer full) */
LecternMatrix *lectern_project_cooccurrence (LecternProject               *self,
                                            const LecternDocumentFilter *filter,
                                            LecternCooccurrence          within,
                                            GCancellable                *cancellable,
                                            GError                     **error);

/* ------------------------------------------------------------------ */
/* Word lists and keyness                                              */

typedef struct
{
  char   *word;        /* folded, as lectern_words_fold() gives it */
  gint64  count;       /* every occurrence */
  gint64  listed;      /* occurrences not a stop word of their document's language */
} LecternWordCount;

/* The words of a set of documents, counted. */
typedef struct _LecternWordCounts LecternWordCounts;

/* Counts the words of the documents @filter keeps, by the word layer
 * (lectern-words.h). (transfer full) */
LecternWordCounts *lectern_project_count_words      (LecternProject               *self,
                                                    const LecternDocumentFilter *filter,
                                                    GCancellable                *cancellable,
                                                    GError                     **error);
void               lectern_word_counts_free        (LecternWordCounts           *self);
/* Every word counted, stop words included. */
gint64             lectern_word_counts_get_total   (LecternWordCounts           *self);
/* The words by count, most frequent first (then by word); stop words left
 * out (a word listed with its non-stop occurrences) unless @all. (transfer
 * container) element-type LecternWordCount, owned by @self */
GPtrArray         *lectern_word_counts_list        (LecternWordCounts           *self,
                                                    gboolean                     all);
/* (nullable) (transfer none) */
const LecternWordCount *lectern_word_counts_lookup (LecternWordCounts           *self,
                                                    const char                  *folded);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternWordCounts, lectern_word_counts_free)

/* Whether @folded is a stop word of @language ("en", "fr", "fr-CA"…);
 * FALSE for a language without a list. */
gboolean lectern_stop_word (const char *language,
                            const char *folded);

/* Dunning's log-likelihood as AntConc and WordSmith compute it:
 * E1 = A (a + b) / (A + B), E2 = B (a + b) / (A + B),
 * G² = 2 (a ln (a / E1) + b ln (b / E2)), a term with a count of 0 being 0.
 * @a, @b: the word's counts; @total_a, @total_b: every word of each set. */
double lectern_keyness_log_likelihood (gint64 a,
                                       gint64 b,
                                       gint64 total_a,
                                       gint64 total_b);
/* log2 ((a / A) / (b / B)), a count of 0 taken as 0.5 (Hardie's log
 * ratio); 0 when both are 0. */
double lectern_keyness_log_ratio      (gint64 a,
                                       gint64 b,
                                       gint64 total_a,
                                       gint64 total_b);

typedef struct
{
  char   *word;
  gint64  a_count;
  gint64  b_count;
  double  log_likelihood;
  double  log_ratio;
} LecternKeyword;

/* Every word of @a or @b (stop words left out unless @all), those
 * relatively more frequent in @a (a/A ≥ b/B, by the counts: the log
 * ratio's 0.5 can turn its sign in small sets) first by G² descending,
 * then those more frequent in @b by G² ascending (the most typical of @b
 * last); ties by word. (transfer full) element-type LecternKeyword */
GPtrArray *lectern_keyness_compare (LecternWordCounts *a,
                                    LecternWordCounts *b,
                                    gboolean           all);

G_END_DECLS
