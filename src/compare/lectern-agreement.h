/* lectern-agreement.h — inter-coder agreement between two coders: per code
 * and overall, at the level of characters (percentage, Cohen's kappa,
 * Krippendorff's alpha, kappa over coded text) and of segments
 * (Krippendorff's unitizing alpha, passages matched), and the ranges where
 * the two coders differ.
 *
 * Pure: the caller reads the coders' passages (core) and hands them over;
 * nothing here touches a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_COMPARE_INSIDE) && !defined (LECTERN_COMPARE_COMPILATION)
# error "Only <lectern-compare.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

#define LECTERN_AGREEMENT_ERROR (lectern_agreement_error_quark ())

typedef enum
{
  /* The two coders have coded no document in common: there is nothing to
   * measure, and a value would be a vacuous 1.0. */
  LECTERN_AGREEMENT_ERROR_NO_SHARED_DOCUMENTS,
  /* Bad input: a passage outside its document's text, an unknown or
   * repeated document, more than the bounds below. */
  LECTERN_AGREEMENT_ERROR_INVALID,
} LecternAgreementError;

GQuark lectern_agreement_error_quark (void);

/* Which of the two coders. */
typedef enum
{
  LECTERN_AGREEMENT_CODER_A = 1,
  LECTERN_AGREEMENT_CODER_B = 2,
} LecternAgreementCoder;

/* Bounds on the input; beyond them compute fails with ..._INVALID. */
#define LECTERN_AGREEMENT_MAX_DOCUMENTS       1000000
#define LECTERN_AGREEMENT_MAX_SEGMENTS        10000000
#define LECTERN_AGREEMENT_MAX_TAGS            100000
#define LECTERN_AGREEMENT_MAX_DOCUMENT_LENGTH G_MAXINT32

/* What is measured: the documents (id, length in code points), every
 * passage of both coders in them (any tag: a code only one coder used
 * still tells that the other looked at the text), and the tags to report. */
typedef struct _LecternAgreementInput LecternAgreementInput;

/* @coder_a, @coder_b: the coders' names, for messages. (transfer full) */
LecternAgreementInput *lectern_agreement_input_new          (const char            *coder_a,
                                                             const char            *coder_b);
void                   lectern_agreement_input_free         (LecternAgreementInput *input);
/* A tag to report, with its path for the result rows; rows come in the
 * order tags are added. */
void                   lectern_agreement_input_add_tag      (LecternAgreementInput *input,
                                                             gint64                 tag_id,
                                                             const char            *path);
/* A document either coder coded; @length in code points. */
void                   lectern_agreement_input_add_document (LecternAgreementInput *input,
                                                             gint64                 document_id,
                                                             glong                  length);
/* A passage [start, end) of @coder in @document_id, coded @tag_id. Checked
 * by lectern_agreement_compute(). An empty passage covers no character and
 * is left out. */
void                   lectern_agreement_input_add_segment  (LecternAgreementInput *input,
                                                             gint64                 document_id,
                                                             LecternAgreementCoder  coder,
                                                             glong                  start,
                                                             glong                  end,
                                                             gint64                 tag_id);

/* One row of the table: one code, or all of them (the overall row).
 * A value that is undefined for the data (0/0: see lectern-agreement.c) is
 * NaN; lectern_agreement_format_value() writes it as "-". */
typedef struct
{
  gint64  tag_id;        /* 0 on the overall row */
  char   *path;          /* the tag's path; "*" on the overall row */
  /* Characters: on a code's row, characters of the shared documents; on
   * the overall row, (character, code) pairs over the reported codes. */
  gint64  n_chars;       /* every character */
  gint64  a_chars;       /* coded by A */
  gint64  b_chars;       /* coded by B */
  gint64  both_chars;    /* coded by both */
  gint64  coded_chars;   /* coded by A or B with any code: coded kappa's base */
  double  agreement;     /* share of characters on which A and B agree */
  double  kappa;         /* Cohen's kappa over n_chars */
  double  alpha;         /* Krippendorff's alpha, nominal, over n_chars */
  double  coded_kappa;   /* Cohen's kappa over coded_chars */
  /* Segments: passages of one coder and code united (overlapping or
   * touching ones make one). */
  double  u_observed;    /* Krippendorff's uDo */
  double  u_expected;    /* Krippendorff's uDe */
  double  u_alpha;       /* 1 - uDo / uDe */
  guint   a_passages;
  guint   b_passages;
  guint   a_matched;     /* A's passages matched by one of B's */
  guint   b_matched;
  double  matched;       /* (a_matched + b_matched) / (a_passages + b_passages) */
} LecternAgreementRow;

/* A maximal range of one document where one coder coded a code and the
 * other did not. */
typedef struct
{
  gint64                document_id;
  glong                 start;   /* code points, end exclusive */
  glong                 end;
  gint64                tag_id;
  guint                 row;     /* the tag's row in LecternAgreement.rows */
  LecternAgreementCoder coder;   /* who coded it */
} LecternDisagreement;

typedef struct
{
  /* LecternAgreementRow: one per reported tag, in the order added, then
   * the overall row. */
  GArray *rows;
  /* LecternDisagreement by document (in the order added), start, tag,
   * coder; reported tags only. */
  GArray *disagreements;
  guint   n_documents;          /* documents both coders coded: measured */
  guint   n_documents_skipped;  /* documents not coded by both */
  char   *coder_a;              /* the names given to the input */
  char   *coder_b;
} LecternAgreement;

void lectern_agreement_free (LecternAgreement *agreement);

/* Measures the agreement of coder A and coder B over the documents of
 * @input that both coded (a document counts as coded by a coder when it
 * holds one of the coder's passages, with any tag).
 * Errors: LECTERN_AGREEMENT_ERROR_NO_SHARED_DOCUMENTS, ..._INVALID,
 * G_IO_ERROR_CANCELLED.
 * Returns: (transfer full), or NULL with @error set. */
LecternAgreement *lectern_agreement_compute (const LecternAgreementInput  *input,
                                             GCancellable                 *cancellable,
                                             GError                      **error);

/* The overall row ("*"). (transfer none) */
const LecternAgreementRow *lectern_agreement_get_overall (const LecternAgreement *agreement);

/* @value with 4 decimals in the C locale ("0.4000"), or "-" when undefined
 * (NaN). (transfer full) */
char *lectern_agreement_format_value (double value);

/* The agreement table as `lectern-cli agreement` prints it and its CSV
 * holds it (one definition for both): the column names, TAG AGREEMENT
 * KAPPA ALPHA A_CHARS B_CHARS BOTH_CHARS CODED_KAPPA UALPHA MATCHED, and a
 * row's cells under them — the tag's path ("*" overall), counts, fractions
 * by lectern_agreement_format_value().
 * Returns: (transfer none) LECTERN_AGREEMENT_N_COLUMNS names. */
#define LECTERN_AGREEMENT_N_COLUMNS 10
const char * const *lectern_agreement_get_columns    (void);
/* Returns: (transfer full) LECTERN_AGREEMENT_N_COLUMNS cells, NULL-terminated. */
char              **lectern_agreement_row_to_cells   (const LecternAgreementRow *row);

/* The disagreement list likewise: DOCUMENT START END TAG CODER, with the
 * tag's path and the coder's name.
 * Returns: (transfer none) LECTERN_DISAGREEMENT_N_COLUMNS names. */
#define LECTERN_DISAGREEMENT_N_COLUMNS 5
const char * const *lectern_disagreement_get_columns (void);
/* The cells of disagreement @i of @agreement.
 * Returns: (transfer full) LECTERN_DISAGREEMENT_N_COLUMNS cells, NULL-terminated. */
char              **lectern_disagreement_to_cells    (const LecternAgreement *agreement,
                                                      guint                   i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternAgreementInput, lectern_agreement_input_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternAgreement, lectern_agreement_free)

G_END_DECLS
