/* test-edit-text.c — a coded text corrected: passages follow the words
 * (issue #19). A property test of thousands of random edits, at and across
 * passage bounds, with combining marks, emoji and right-to-left text at the
 * edit points; undo restores text and passages exactly.
 *
 * The random edits replay from their seed: the test prints it, and
 * LECTERN_TEST_SEED=N runs that sequence again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lectern-core.h"

/* Under AddressSanitizer each edit costs about 30 times as much; that
 * build looks for memory errors, which a few hundred edits reach, while
 * the normal build checks the property over the full run. */
#if defined(__SANITIZE_ADDRESS__)
#define N_EDITS_QUICK    300
#else
#define N_EDITS_QUICK    1200
#endif
#define N_EDITS_THOROUGH 20000
/* How far the core may widen an edit to keep the text NFC: combining
 * sequences in this test are at most three code points. */
#define WIDEN_SLACK 4

static LecternProject *
create_project (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LecternProject *project;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  file = g_file_new_for_path (path);
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  return project;
}

static gint64
add_document (LecternProject *project,
              const char     *text)
{
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (document, "Transcript");
  id = lectern_project_add_document (project, document, text, &error);
  g_assert_no_error (error);
  return id;
}

static char *
dup_text (LecternProject *project,
          gint64          document_id)
{
  g_autoptr(GError) error = NULL;
  char *text = lectern_project_dup_text (project, document_id, &error);

  g_assert_no_error (error);
  return text;
}

/* Everything a user relies on, as one string: the text, every passage
 * (placed or not) with its range, quote, context, note, tags and coder. */
static char *
snapshot_of (const char *text,
             GListModel *placed,
             GListModel *orphans)
{
  GString *out = g_string_new (text);
  GListModel *lists[] = { placed, orphans };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(LecternAnnotation) a = g_list_model_get_item (lists[l], i);
        const gint64 *tags;
        guint n_tags;

        tags = lectern_annotation_get_tag_ids (a, &n_tags);
        g_string_append_printf (out, "\n%" G_GINT64_FORMAT " %ld %ld %d [%s|%s|%s] %s %s",
                                lectern_annotation_get_id (a), lectern_annotation_get_start (a),
                                lectern_annotation_get_end (a), lectern_annotation_get_orphaned (a),
                                lectern_annotation_get_prefix (a), lectern_annotation_get_quote (a),
                                lectern_annotation_get_suffix (a), lectern_annotation_get_note (a),
                                lectern_annotation_get_author (a));
        for (guint t = 0; t < n_tags; t++)
          g_string_append_printf (out, " #%" G_GINT64_FORMAT, tags[t]);
      }
  return g_string_free (out, FALSE);
}

static char *
snapshot (LecternProject *project,
          gint64          document_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) placed = lectern_project_list_annotations (project, document_id, 0, FALSE, &error);
  g_autoptr(GListModel) orphans = lectern_project_list_orphans (project, document_id, &error);
  g_autofree char *text = dup_text (project, document_id);

  g_assert_no_error (error);
  return snapshot_of (text, placed, orphans);
}

static void
assert_check_passes (LecternProject *project)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = lectern_project_check (project, &problems, &error);

  g_assert_no_error (error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_printerr ("problem: %s\n", (const char *) g_ptr_array_index (problems, i));
  g_assert_true (ok);
}

/* What edits insert: plain words, combining marks (alone, to join the
 * letter before them, and with a base), emoji sequences, right-to-left
 * words, line breaks as Windows writes them. */
static const char * const pieces[] = {
  "", "a", " ", "word", "\n", "\r\n", "Sécurité",
  "\xcc\x81",                     /* U+0301 combining acute: joins a letter */
  "\xcc\xa3\xcc\x87",             /* U+0323 U+0307 */
  "q\xcc\x87",                    /* q + dot above: no precomposed form */
  "e\xcc\x81",                    /* e + acute: NFC makes it é */
  "👩‍👩‍👧", "🇫🇷", "👍🏽",
  "שלום", "مرحبا بالعالم", "\xe2\x80\x8f",  /* Hebrew, Arabic, RLM */
};

static const char base_text[] =
  "Entretien avec Anna Veszel.\n\n"
  "Q : Où étiez-vous le 12 mars ? 👩‍👩‍👧 À Kharkiv, avec ma fille.\n\n"
  "R : La se\xcc\x81" "curite\xcc\x81 n’était pas assurée. שלום עולם — \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7.\n\n"
  "Q : Et ensuite ? R : Nous sommes partis vers l’ouest, q\xcc\x87 🇫🇷 le 14.\n";

static char *
random_piece (GRand *rand)
{
  GString *out = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, 4);

  for (guint i = 0; i < n; i++)
    g_string_append (out, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (out, FALSE);
}

/* A position: anywhere, or at a passage's bound (or one off it). */
static glong
random_position (GRand      *rand,
                 GListModel *placed,
                 glong       length)
{
  guint n = g_list_model_get_n_items (placed);

  if (n > 0 && g_rand_boolean (rand))
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (placed, g_rand_int_range (rand, 0, n));
      glong at = g_rand_boolean (rand) ? lectern_annotation_get_start (a) : lectern_annotation_get_end (a);

      at += g_rand_int_range (rand, -1, 2);
      return CLAMP (at, 0, length);
    }
  return g_rand_int_range (rand, 0, length + 1);
}

static void
add_random_passage (LecternProject *project,
                    gint64          document_id,
                    GRand          *rand,
                    const gint64   *tags,
                    guint           n_tags)
{
  g_autofree char *text = dup_text (project, document_id);
  glong length = lectern_text_length (text);
  g_autoptr(LecternAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;
  glong start, end;

  if (length < 2)
    return;
  start = g_rand_int_range (rand, 0, length - 1);
  /* Not inside MIN (): it would draw twice. */
  end = start + g_rand_int_range (rand, 1, 24);
  end = MIN (length, end);
  a = lectern_project_add_annotation (project, document_id, start, end, tags,
                                      g_rand_int_range (rand, 1, n_tags + 1), "a note", &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
}

static void
test_random_edits (void)
{
  g_autoptr(LecternProject) project = create_project ("edits.lectern");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(LecternTag) tag_a = NULL;
  g_autoptr(LecternTag) tag_b = NULL;
  gint64 tags[2];
  gint64 document_id;
  guint32 seed;
  guint n_edits = g_test_thorough () ? N_EDITS_THOROUGH : N_EDITS_QUICK;
  guint n_passages = 0;
  guint refused = 0;
  guint orphaned = 0;
  guint undone = 0;
  const char *seed_text = g_getenv ("LECTERN_TEST_SEED");

  seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : (guint32) g_test_rand_int ();
  g_printerr ("# test-edit-text: LECTERN_TEST_SEED=%u replays these edits\n", seed);
  rand = g_rand_new_with_seed (seed);

  lectern_project_set_undo_enabled (project, TRUE);
  {
    g_autofree char *stored = lectern_text_normalize (base_text, -1);

    document_id = add_document (project, stored);
  }
  tag_a = lectern_project_ensure_tag_path (project, "Place", &error);
  tag_b = lectern_project_ensure_tag_path (project, "Fear/Safety", &error);
  g_assert_no_error (error);
  tags[0] = lectern_tag_get_id (tag_a);
  tags[1] = lectern_tag_get_id (tag_b);
  {
    g_autoptr(GArray) structure = lectern_structure_new ();

    lectern_structure_add (structure, 0, 27, LECTERN_STRUCTURE_KIND_HEADING, "1");
    lectern_structure_add (structure, 29, 90, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
    g_assert_true (lectern_project_set_document_structure (project, document_id, structure, &error));
    g_assert_no_error (error);
  }
  for (guint i = 0; i < 12; i++)
    add_random_passage (project, document_id, rand, tags, 2);

  for (guint step = 0; step < n_edits; step++)
    {
      g_autofree char *before = NULL;
      g_autofree char *old_text = dup_text (project, document_id);
      g_autofree char *piece = random_piece (rand);
      g_autofree char *after = NULL;
      g_autofree char *new_text = NULL;
      g_autoptr(GListModel) placed_before = lectern_project_list_annotations (project, document_id, 0, FALSE, NULL);
      g_autoptr(GListModel) placed_after = NULL;
      g_autoptr(GListModel) orphans_before = lectern_project_list_orphans (project, document_id, NULL);
      g_autoptr(GListModel) orphans_after = NULL;
      g_autoptr(GError) edit_error = NULL;
      LecternEditReport report;
      glong length = lectern_text_length (old_text);
      glong start = random_position (rand, placed_before, length);
      glong end = random_position (rand, placed_before, length);
      gboolean ok;

      before = snapshot_of (old_text, placed_before, orphans_before);
      if (end < start)
        {
          glong swap = start;
          start = end;
          end = swap;
        }
      /* Keep the text between about 100 and 3000 code points. */
      if (length > 3000)
        piece[0] = '\0';
      else if (length < 100)
        end = start;

      ok = lectern_project_edit_text (project, document_id, start, end, piece, &report, &edit_error);
      if (!ok)
        {
          /* Refused: nothing changed. */
          g_autofree char *unchanged = snapshot (project, document_id);

          g_assert_true (g_error_matches (edit_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID)
                         || g_error_matches (edit_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE));
          g_assert_cmpstr (unchanged, ==, before);
          refused++;
          continue;
        }

      /* The text is the old one with the edit, normalized. */
      new_text = dup_text (project, document_id);
      {
        g_autofree char *head = lectern_text_slice (old_text, 0, start);
        g_autofree char *tail = lectern_text_slice (old_text, end, length);
        g_autofree char *joined = g_strconcat (head, piece, tail, NULL);
        g_autofree char *expected = lectern_text_normalize (joined, -1);

        g_assert_cmpstr (new_text, ==, expected);
      }

      placed_after = lectern_project_list_annotations (project, document_id, 0, FALSE, &error);
      orphans_after = lectern_project_list_orphans (project, document_id, &error);
      g_assert_no_error (error);

      /* Nothing lost: every passage is placed or an orphan. */
      g_assert_cmpuint (g_list_model_get_n_items (placed_after) + g_list_model_get_n_items (orphans_after), ==,
                        g_list_model_get_n_items (placed_before) + g_list_model_get_n_items (orphans_before));
      g_assert_cmpuint (report.kept + report.moved + report.resized + report.orphaned, ==,
                        g_list_model_get_n_items (placed_before));
      g_assert_cmpuint (g_list_model_get_n_items (orphans_after), ==,
                        g_list_model_get_n_items (orphans_before) + report.orphaned);

      /* Every placed passage quotes exactly its words. */
      for (guint i = 0; i < g_list_model_get_n_items (placed_after); i++)
        {
          g_autoptr(LecternAnnotation) a = g_list_model_get_item (placed_after, i);
          g_autofree char *quote = lectern_text_slice (new_text, lectern_annotation_get_start (a),
                                                       lectern_annotation_get_end (a));

          g_assert_cmpint (lectern_annotation_get_start (a), <, lectern_annotation_get_end (a));
          g_assert_cmpstr (quote, ==, lectern_annotation_get_quote (a));
        }

      /* A passage became an orphan only if the edit took all its words:
       * it lay inside the edited range (give or take the neighbours
       * normalisation joins), and a passage reaching outside it stays. */
      for (guint i = 0; i < g_list_model_get_n_items (placed_before); i++)
        {
          g_autoptr(LecternAnnotation) was = g_list_model_get_item (placed_before, i);
          g_autoptr(LecternAnnotation) now = lectern_project_dup_annotation (project, lectern_annotation_get_id (was), &error);
          gboolean inside = TRUE;

          /* Inside: each of its letters and digits lay in the edited
           * range (a comma or space left over is not a word kept). */
          for (glong k = lectern_annotation_get_start (was); k < lectern_annotation_get_end (was); k++)
            {
              const char *at = g_utf8_offset_to_pointer (old_text, k);

              if (g_unichar_isalnum (g_utf8_get_char (at)) && (k < start - WIDEN_SLACK || k >= end + WIDEN_SLACK))
                inside = FALSE;
            }

          g_assert_no_error (error);
          if (lectern_annotation_get_orphaned (now))
            {
              g_assert_true (inside);
              /* It keeps its quote and range. */
              g_assert_cmpstr (lectern_annotation_get_quote (now), ==, lectern_annotation_get_quote (was));
              g_assert_cmpint (lectern_annotation_get_start (now), ==, lectern_annotation_get_start (was));
              orphaned++;
            }
          else if (lectern_annotation_get_end (was) <= start - WIDEN_SLACK)
            {
              /* Before the edit: untouched. */
              g_assert_cmpint (lectern_annotation_get_start (now), ==, lectern_annotation_get_start (was));
              g_assert_cmpint (lectern_annotation_get_end (now), ==, lectern_annotation_get_end (was));
            }
          else if (lectern_annotation_get_start (was) >= end + WIDEN_SLACK)
            {
              /* After it: shifted, same words. */
              g_assert_cmpstr (lectern_annotation_get_quote (now), ==, lectern_annotation_get_quote (was));
              g_assert_cmpint (lectern_annotation_get_end (now) - lectern_annotation_get_start (now), ==,
                               lectern_annotation_get_end (was) - lectern_annotation_get_start (was));
            }
        }

      after = snapshot_of (new_text, placed_after, orphans_after);

      /* Now and then: undo restores it all exactly, redo again. */
      if (step % 23 == 0 && g_strcmp0 (before, after) != 0)
        {
          g_autofree char *undone_state = NULL;
          g_autofree char *redone_state = NULL;

          g_assert_true (lectern_project_undo (project, &error));
          g_assert_no_error (error);
          undone_state = snapshot (project, document_id);
          g_assert_cmpstr (undone_state, ==, before);
          g_assert_true (lectern_project_redo (project, &error));
          g_assert_no_error (error);
          redone_state = snapshot (project, document_id);
          g_assert_cmpstr (redone_state, ==, after);
          undone++;
        }

      /* Keep passages to break: place an orphan again, or code more. */
      if (g_list_model_get_n_items (orphans_after) > 0 && g_rand_int_range (rand, 0, 4) == 0)
        {
          g_autoptr(LecternAnnotation) orphan = g_list_model_get_item (orphans_after, 0);
          glong new_length = lectern_text_length (new_text);
          glong at = g_rand_int_range (rand, 0, MAX (1, new_length - 1));

          g_assert_true (lectern_project_place_annotation (project, lectern_annotation_get_id (orphan),
                                                           at, MIN (new_length, at + 5), &error));
          g_assert_no_error (error);
        }
      if (g_list_model_get_n_items (placed_after) < 8)
        {
          add_random_passage (project, document_id, rand, tags, 2);
          n_passages++;
        }

      if (step % 200 == 0)
        assert_check_passes (project);
    }

  assert_check_passes (project);
  g_test_message ("%u edits: %u refused, %u orphans made, %u undone, %u passages added",
                  n_edits, refused, orphaned, undone, n_passages);
  /* The test exercised what it claims to. */
  g_assert_cmpuint (orphaned, >, 0);
  g_assert_cmpuint (undone, >, 0);
}

/* Undo of one edit brings back the text, every passage (an orphan made
 * placed again, a resized one its old words) and the structure. */
static void
test_undo_restores (void)
{
  g_autoptr(LecternProject) project = create_project ("undo.lectern");
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternAnnotation) whole = NULL;
  g_autoptr(LecternAnnotation) cut = NULL;
  g_autoptr(GArray) structure = lectern_structure_new ();
  g_autoptr(GArray) spans = NULL;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  LecternEditReport report;
  gint64 tag_id;
  gint64 document_id;

  lectern_project_set_undo_enabled (project, TRUE);
  document_id = add_document (project, "Alpha beta gamma delta.\nEpsilon zeta.\n");
  tag = lectern_project_ensure_tag_path (project, "Greek", &error);
  tag_id = lectern_tag_get_id (tag);
  whole = lectern_project_add_annotation (project, document_id, 6, 10, &tag_id, 1, "beta", &error);
  cut = lectern_project_add_annotation (project, document_id, 11, 22, &tag_id, 1, NULL, &error);
  lectern_structure_add (structure, 0, 23, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
  lectern_structure_add (structure, 24, 38, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
  g_assert_true (lectern_project_set_document_structure (project, document_id, structure, &error));
  g_assert_no_error (error);
  before = snapshot (project, document_id);

  /* "beta gamma" goes: beta's passage is orphaned, gamma delta's cut. */
  g_assert_true (lectern_project_edit_text (project, document_id, 6, 17, "", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.orphaned, ==, 1);
  g_assert_cmpuint (report.resized, ==, 1);
  g_assert_cmpstr (lectern_project_get_undo_label (project), ==, "Edit text");
  {
    g_autoptr(LecternAnnotation) now = lectern_project_dup_annotation (project, lectern_annotation_get_id (cut), &error);

    g_assert_cmpstr (lectern_annotation_get_quote (now), ==, "delta");
  }
  spans = lectern_project_dup_document_structure (project, document_id, &error);
  g_assert_cmpint (g_array_index (spans, LecternSpan, 0).end, ==, 12);

  g_assert_true (lectern_project_undo (project, &error));
  g_assert_no_error (error);
  undone = snapshot (project, document_id);
  g_assert_cmpstr (undone, ==, before);
  g_clear_pointer (&spans, g_array_unref);
  spans = lectern_project_dup_document_structure (project, document_id, &error);
  g_assert_cmpint (g_array_index (spans, LecternSpan, 0).end, ==, 23);
  g_assert_cmpint (g_array_index (spans, LecternSpan, 1).start, ==, 24);
  {
    /* The version the edit made went with it. */
    g_autoptr(GListModel) versions = lectern_project_list_document_versions (project, document_id, &error);

    g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
  }
  assert_check_passes (project);
}

/* The basic moves, one by one, with the report a user reads. */
static void
test_moves (void)
{
  g_autoptr(LecternProject) project = create_project ("moves.lectern");
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) p = NULL;
  g_autoptr(LecternAnnotation) now = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GListModel) orphans = NULL;
  g_autoptr(GListModel) placed = NULL;
  g_autoptr(LecternMatrix) matrix = NULL;
  g_autofree char *first = NULL;
  LecternEditReport report;
  gint64 document_id;
  gint64 tag_id;

  document_id = add_document (project, "The misheard word stays here.\n");
  {
    g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (project, "Words", &error);
    tag_id = lectern_tag_get_id (tag);
  }
  p = lectern_project_add_annotation (project, document_id, 4, 17, &tag_id, 1, "note", &error);
  g_assert_cmpstr (lectern_annotation_get_quote (p), ==, "misheard word");

  /* Before: shifted. */
  g_assert_true (lectern_project_edit_text (project, document_id, 0, 0, "Oh. ", &report, &error));
  g_assert_cmpuint (report.moved, ==, 1);
  now = lectern_project_dup_annotation (project, lectern_annotation_get_id (p), &error);
  g_assert_cmpint (lectern_annotation_get_start (now), ==, 8);
  g_assert_cmpstr (lectern_annotation_get_prefix (now), ==, "Oh. The ");
  g_clear_object (&now);

  /* Inside: resized ("misheard" → "misread": only "he" → "r" changes). */
  g_assert_true (lectern_project_edit_text (project, document_id, 8, 16, "misread", &report, &error));
  g_assert_cmpuint (report.resized, ==, 1);
  now = lectern_project_dup_annotation (project, lectern_annotation_get_id (p), &error);
  g_assert_cmpstr (lectern_annotation_get_quote (now), ==, "misread word");
  g_clear_object (&now);

  /* After: kept. */
  g_assert_true (lectern_project_edit_text (project, document_id, 26, 30, "there", &report, &error));
  g_assert_cmpuint (report.kept, ==, 1);

  /* All its words gone: an orphan, with its quote, note and tags. */
  g_assert_true (lectern_project_edit_text (project, document_id, 8, 21, "", &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.orphaned, ==, 1);
  now = lectern_project_dup_annotation (project, lectern_annotation_get_id (p), &error);
  g_assert_true (lectern_annotation_get_orphaned (now));
  g_assert_cmpstr (lectern_annotation_get_quote (now), ==, "misread word");
  g_assert_cmpstr (lectern_annotation_get_note (now), ==, "note");
  g_assert_true (lectern_annotation_has_tag (now, tag_id));
  g_clear_object (&now);

  /* Orphans are not placed passages: not listed, not counted. */
  placed = lectern_project_list_annotations (project, 0, 0, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (placed), ==, 0);
  orphans = lectern_project_list_orphans (project, document_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (orphans), ==, 1);
  matrix = lectern_project_code_matrix (project, NULL, NULL, LECTERN_MATRIX_VALUE_PASSAGES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matrix->n_rows, ==, 1);
  g_assert_cmpfloat (lectern_matrix_get (matrix, 0, 0), ==, 0);

  /* Placed again by selecting text: its quote is of the new words. */
  g_assert_true (lectern_project_place_annotation (project, lectern_annotation_get_id (p), 4, 12, &error));
  g_assert_no_error (error);
  now = lectern_project_dup_annotation (project, lectern_annotation_get_id (p), &error);
  g_assert_false (lectern_annotation_get_orphaned (now));
  g_assert_cmpstr (lectern_annotation_get_quote (now), ==, "The stay");

  /* Every change kept a version; the first is the text as imported. */
  versions = lectern_project_list_document_versions (project, document_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 5);
  first = lectern_project_dup_document_version_text (project, document_id, 1, &error);
  g_assert_cmpstr (first, ==, "The misheard word stays here.\n");

  /* Refused edits change nothing. */
  g_assert_false (lectern_project_edit_text (project, document_id, 5, 500, "x", &report, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lectern_project_edit_text (project, document_id, 0, 0, "\xff", &report, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  assert_check_passes (project);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/EditText/moves", test_moves);
  g_test_add_func ("/Lectern/EditText/undo-restores", test_undo_restores);
  g_test_add_func ("/Lectern/EditText/random-edits", test_random_edits);

  return g_test_run ();
}
