/* fuzz-edit-text.c — libFuzzer target: a script of edits to coded texts
 * (issue #19).
 *
 * The input is read five bytes an edit: document, start, length, which
 * text to insert (one of a few with combining marks, emoji and
 * right-to-left script, or the input's next bytes, valid UTF-8 or not)
 * and how many of those bytes. After each edit every placed passage
 * quotes exactly its words, or the edit was refused and nothing changed;
 * after the script the project passes its check, and undoing every edit
 * gives back each text and passage exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"

#define MAX_EDITS 32

static LecternProject *project;

static const char * const pieces[] = {
  "", " ", "word", "\n", "\r\n", "\xcc\x81", "e\xcc\x81", "q\xcc\x87",
  "👩‍👩‍👧", "🇫🇷", "שלום", "مرحبا", "\xe2\x80\x8f",
};

/* Every document's text and passages (placed and orphaned), as a string. */
static char *
snapshot (void)
{
  g_autoptr(GListModel) documents = lectern_project_list_documents (project, NULL);
  GString *out = g_string_new (NULL);

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(LecternDocument) document = g_list_model_get_item (documents, d);
      gint64 id = lectern_document_get_id (document);
      g_autofree char *text = lectern_project_dup_text (project, id, NULL);
      g_autoptr(GListModel) placed = lectern_project_list_annotations (project, id, 0, FALSE, NULL);
      g_autoptr(GListModel) orphans = lectern_project_list_orphans (project, id, NULL);
      GListModel *lists[] = { placed, orphans };

      g_string_append_printf (out, "%s\n", text);
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
          {
            g_autoptr(LecternAnnotation) a = g_list_model_get_item (lists[l], i);

            g_string_append_printf (out, "%" G_GINT64_FORMAT " %ld %ld %d %s|%s|%s\n",
                                    lectern_annotation_get_id (a), lectern_annotation_get_start (a),
                                    lectern_annotation_get_end (a), lectern_annotation_get_orphaned (a),
                                    lectern_annotation_get_prefix (a), lectern_annotation_get_quote (a),
                                    lectern_annotation_get_suffix (a));
          }
    }
  return g_string_free (out, FALSE);
}

static void
assert_placed_on_their_words (gint64 document_id)
{
  g_autofree char *text = lectern_project_dup_text (project, document_id, NULL);
  g_autoptr(GListModel) placed = lectern_project_list_annotations (project, document_id, 0, FALSE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (placed); i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (placed, i);
      g_autofree char *quote = lectern_text_slice (text, lectern_annotation_get_start (a),
                                                   lectern_annotation_get_end (a));

      g_assert_cmpint (lectern_annotation_get_start (a), <, lectern_annotation_get_end (a));
      g_assert_cmpstr (quote, ==, lectern_annotation_get_quote (a));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GListModel) documents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) check_error = NULL;
  guint n_edits = 0;
  guint n_done = 0;
  size_t at = 0;

  fuzz_init ();
  if (project == NULL)
    {
      project = fuzz_sample_project_new ();
      lectern_project_set_undo_enabled (project, TRUE);
    }

  documents = lectern_project_list_documents (project, NULL);
  before = snapshot ();

  while (at + 5 <= size && n_edits < MAX_EDITS)
    {
      g_autoptr(LecternDocument) document =
        g_list_model_get_item (documents, data[at] % g_list_model_get_n_items (documents));
      gint64 id = lectern_document_get_id (document);
      g_autofree char *text = lectern_project_dup_text (project, id, NULL);
      g_autofree char *state = snapshot ();
      g_autofree char *replacement = NULL;
      g_autoptr(GError) error = NULL;
      glong length = lectern_text_length (text);
      glong start = data[at + 1] % (length + 1);
      glong end = MIN (length, start + data[at + 2] % 16);
      guint which = data[at + 3];
      size_t n_bytes = data[at + 4] % 8;
      LecternEditReport report;

      at += 5;
      if (which < G_N_ELEMENTS (pieces))
        replacement = g_strdup (pieces[which]);
      else
        {
          n_bytes = MIN (n_bytes, size - at);
          replacement = g_strndup ((const char *) data + at, n_bytes);
          at += n_bytes;
        }
      n_edits++;

      if (lectern_project_edit_text (project, id, start, end, replacement, &report, &error))
        {
          g_autofree char *now = snapshot ();

          /* An edit that changes nothing records no step. */
          if (g_strcmp0 (now, state) != 0)
            n_done++;
          assert_placed_on_their_words (id);
        }
      else
        {
          g_autofree char *unchanged = snapshot ();

          g_assert_true (g_error_matches (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID)
                         || g_error_matches (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE));
          g_assert_cmpstr (unchanged, ==, state);
        }
    }

  g_assert_true (lectern_project_check (project, &problems, &check_error));

  /* Every edit undone: the project as it was. */
  for (guint i = 0; i < n_done; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (lectern_project_undo (project, &error));
    }
  after_undo = snapshot ();
  g_assert_cmpstr (after_undo, ==, before);
  return 0;
}
