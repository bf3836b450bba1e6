/* fuzz-coding-query.c — libFuzzer target: a coding query typed by a user.
 *
 * Any expression over a small coded project either finds ranges that lie
 * inside their documents, with the codes it names, or is refused with
 * LECTERN_PROJECT_ERROR_QUERY (malformed) or NOT_FOUND (no such code);
 * never a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"

static LecternProject *corpus;

/* Codes over the sample project's documents, so that every operator has
 * something to combine. */
static void
code_sample (void)
{
  g_autoptr(GListModel) documents = lectern_project_list_documents (corpus, NULL);
  const char *paths[] = { "Tone/Hostile", "Tone/Warm", "Claims" };

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(LecternDocument) document = g_list_model_get_item (documents, i);
      glong length = lectern_document_get_length (document);

      for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (corpus, paths[p], &error);
          gint64 tag_id;
          glong start = MIN (length - 1, (glong) (p * 7 + i * 3));
          glong end = MIN (length, start + 12 + (glong) p * 5);
          g_autoptr(LecternAnnotation) a = NULL;

          if (tag == NULL)
            g_error ("%s", error->message);
          tag_id = lectern_tag_get_id (tag);
          a = lectern_project_add_annotation (corpus, lectern_document_get_id (document), start, end,
                                             &tag_id, 1, NULL, &error);
          if (a == NULL)
            g_error ("%s", error->message);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) documents_error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GArray) documents = NULL;
  g_autofree char *expression = NULL;

  fuzz_init ();
  if (corpus == NULL)
    {
      corpus = fuzz_sample_project_new ();
      code_sample ();
    }

  /* An expression comes from a text field or the command line: a C
   * string; invalid UTF-8 is refused too. */
  expression = g_strndup ((const char *) data, size);

  found = lectern_project_retrieve (corpus, expression, NULL, NULL, &error);
  if (found == NULL)
    {
      if (!g_error_matches (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND))
        g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_QUERY);
      g_assert_cmpstr (error->message, !=, "");
    }
  else
    {
      for (guint i = 0; i < found->len; i++)
        {
          const LecternRetrieved *r = g_ptr_array_index (found, i);
          g_autoptr(LecternDocument) document = lectern_project_dup_document (corpus, r->document_id, NULL);

          g_assert_nonnull (document);
          g_assert_cmpint (0, <=, r->start);
          g_assert_cmpint (r->start, <, r->end);
          g_assert_cmpint (r->end, <=, lectern_document_get_length (document));
          g_assert_cmpstr (r->tags, !=, "");
          g_assert_true (g_utf8_validate (r->quote, -1, NULL));
        }
    }

  documents = lectern_project_retrieve_documents (corpus, expression, NULL, NULL, &documents_error);
  if (documents == NULL)
    {
      if (!g_error_matches (documents_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND))
        g_assert_error (documents_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_QUERY);
    }
  else if (found != NULL)
    {
      /* The documents listed are those of the passages found. */
      for (guint i = 0; i < found->len; i++)
        {
          const LecternRetrieved *r = g_ptr_array_index (found, i);
          gboolean listed = FALSE;

          for (guint d = 0; d < documents->len && !listed; d++)
            listed = g_array_index (documents, gint64, d) == r->document_id;
          g_assert_true (listed);
        }
    }
  return 0;
}
