/* lectern-coder-agreement.c — two coders' passages from the project,
 * handed to the agreement measure (lectern-coder-agreement.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lectern-coder-agreement.h"

/* Every code either coder used in a document both coded: a code used
 * only elsewhere would be a row of zeros. (transfer full) set of gint64 * */
static GHashTable *
shared_codes (const LecternCoderPassages *passages)
{
  g_autoptr(GHashTable) coded_by_a = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) coded_by_b = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTable *used = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < passages->passages->len; i++)
    {
      LecternCoderPassage *passage = &g_array_index (passages->passages, LecternCoderPassage, i);

      g_hash_table_add (passage->coder_id == passages->coder_a ? coded_by_a : coded_by_b,
                        &passage->document_id);
    }
  for (guint i = 0; i < passages->passages->len; i++)
    {
      LecternCoderPassage *passage = &g_array_index (passages->passages, LecternCoderPassage, i);

      if (g_hash_table_contains (coded_by_a, &passage->document_id)
          && g_hash_table_contains (coded_by_b, &passage->document_id))
        g_hash_table_add (used, &passage->tag_id);
    }
  return used;
}

static gboolean
add_tags (LecternProject              *project,
          const LecternCoderPassages *passages,
          const gint64               *tag_ids,
          guint                       n_tag_ids,
          LecternAgreementInput      *input,
          GError                    **error)
{
  g_autoptr(GListModel) tags = NULL;
  g_autoptr(GHashTable) used = NULL;
  guint n;

  if (n_tag_ids > 0)
    {
      for (guint i = 0; i < n_tag_ids; i++)
        {
          g_autoptr(LecternTag) tag = lectern_project_dup_tag (project, tag_ids[i], error);

          if (tag == NULL)
            return FALSE;
          lectern_agreement_input_add_tag (input, tag_ids[i], lectern_tag_get_path (tag));
        }
      return TRUE;
    }

  used = shared_codes (passages);
  tags = lectern_project_list_tags (project, error);
  if (tags == NULL)
    return FALSE;
  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternTag) tag = g_list_model_get_item (tags, i);
      gint64 id = lectern_tag_get_id (tag);

      if (g_hash_table_contains (used, &id))
        lectern_agreement_input_add_tag (input, id, lectern_tag_get_path (tag));
    }
  return TRUE;
}

LecternAgreement *
lectern_coder_agreement_measure (LecternProject  *project,
                                 gint64          coder_a,
                                 const char     *name_a,
                                 gint64          coder_b,
                                 const char     *name_b,
                                 const gint64   *tag_ids,
                                 guint           n_tag_ids,
                                 const gint64   *document_ids,
                                 guint           n_document_ids,
                                 GCancellable   *cancellable,
                                 GError        **error)
{
  g_autoptr(LecternCoderPassages) passages = NULL;
  g_autoptr(LecternAgreementInput) input = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name_a != NULL && name_b != NULL, NULL);
  g_return_val_if_fail (tag_ids != NULL || n_tag_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  passages = lectern_project_read_coder_passages (project, coder_a, coder_b, document_ids, n_document_ids,
                                                  cancellable, error);
  if (passages == NULL)
    return NULL;

  input = lectern_agreement_input_new (name_a, name_b);
  if (!add_tags (project, passages, tag_ids, n_tag_ids, input, error))
    return NULL;
  for (guint i = 0; i < passages->documents->len; i++)
    {
      LecternCodedDocument *document = &g_array_index (passages->documents, LecternCodedDocument, i);

      lectern_agreement_input_add_document (input, document->document_id, document->length);
    }
  for (guint i = 0; i < passages->passages->len; i++)
    {
      LecternCoderPassage *passage = &g_array_index (passages->passages, LecternCoderPassage, i);

      lectern_agreement_input_add_segment (input, passage->document_id,
                                           passage->coder_id == coder_a ? LECTERN_AGREEMENT_CODER_A
                                                                        : LECTERN_AGREEMENT_CODER_B,
                                           passage->start, passage->end, passage->tag_id);
    }

  return lectern_agreement_compute (input, cancellable, error);
}
