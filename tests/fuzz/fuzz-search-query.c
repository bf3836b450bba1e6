/* fuzz-search-query.c — libFuzzer target: a search query typed by a user.
 *
 * Any query over a small project either finds hits that are where they
 * say, or is refused with LECTERN_PROJECT_ERROR_QUERY; never a crash, and
 * never an SQL error leaking through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"

#define LIMIT 20

static LecternProject *corpus;

static gboolean
is_mark (const char *text,
         glong       offset)
{
  GUnicodeType type = g_unichar_type (g_utf8_get_char (g_utf8_offset_to_pointer (text, offset)));

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK;
}

static void
check_hit (LecternSearchHit *hit)
{
  g_autoptr(GError) error = NULL;
  gint64 id = lectern_search_hit_get_document_id (hit);
  glong start = lectern_search_hit_get_start (hit);
  glong end = lectern_search_hit_get_end (hit);
  g_autofree char *text = lectern_project_dup_text (corpus, id, &error);
  g_autofree char *match = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (0, <=, start);
  g_assert_cmpint (start, <, end);
  g_assert_cmpint (end, <=, lectern_text_length (text));
  /* The match is the stored text at the hit's code-point range. */
  match = lectern_text_slice (text, start, end);
  g_assert_cmpstr (lectern_search_hit_get_match (hit), ==, match);
  /* Whole graphemes: no combining mark just inside the start or just
   * past the end. */
  g_assert_false (is_mark (text, start));
  if (end < lectern_text_length (text))
    g_assert_false (is_mark (text, end));
  g_assert_true (g_utf8_validate (lectern_search_hit_get_left (hit), -1, NULL));
  g_assert_true (g_utf8_validate (lectern_search_hit_get_right (hit), -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autofree char *query = NULL;
  guint n;

  fuzz_init ();
  if (corpus == NULL)
    corpus = fuzz_sample_project_new ();

  /* A query comes from a text field or the command line: a C string.
   * Invalid UTF-8 is left to the callers, which validate their input. */
  query = g_strndup ((const char *) data, size);
  if (!g_utf8_validate (query, -1, NULL))
    return 0;

  hits = lectern_project_search (corpus, query, LIMIT, NULL, &error);
  if (hits == NULL)
    {
      g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_QUERY);
      g_assert_cmpstr (error->message, !=, "");
      return 0;
    }

  g_assert_no_error (error);
  n = g_list_model_get_n_items (hits);
  g_assert_cmpuint (n, <=, LIMIT);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSearchHit) hit = g_list_model_get_item (hits, i);

      check_hit (hit);
    }
  return 0;
}
