/* test-coder-units.c — adjudication (issue #15): two coders' codings of a
 * document as units (each kind, identical codings not a disagreement,
 * touching passages one unit), and a third coder's decisions on them:
 * the passages each gives, one undo step each, refusals, and A's and B's
 * passages untouched throughout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lectern-compare.h"

typedef struct
{
  LecternProject *project;
  gint64          document;
  gint64          x;        /* tag ids */
  gint64          y;
  gint64          alice;    /* coder ids */
  gint64          bob;
  gint64          carol;
} Fixture;

static gint64
tag (LecternProject *project,
     const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) found = lectern_project_ensure_tag_path (project, path, &error);

  g_assert_no_error (error);
  return lectern_tag_get_id (found);
}

static void
set_coder (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lectern_project_set_coder (fixture->project, name, NULL, &error));
  g_assert_no_error (error);
}

/* A coder is made with their first work: 0 before. */
static gint64
coder_id (Fixture    *fixture,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) coders = lectern_project_list_coders (fixture->project, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < coders->len; i++)
    {
      if (g_strcmp0 (lectern_coder_get_name (g_ptr_array_index (coders, i)), name) == 0)
        return lectern_coder_get_id (g_ptr_array_index (coders, i));
    }
  return 0;
}

static void
code (Fixture *fixture,
      glong    start,
      glong    end,
      gint64   tag_a,
      gint64   tag_b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  gint64 tags[] = { tag_a, tag_b };

  annotation = lectern_project_add_annotation (fixture->project, fixture->document, start, end, tags,
                                               tag_b != 0 ? 2 : 1, NULL, &error);
  g_assert_no_error (error);
}

/* One unit of each kind, by start:
 *   0–10  both {X}                 AGREED
 *  12–20  Alice {X}                ONLY_A
 *  22–30  Bob {Y}                  ONLY_B
 *  32–40  Alice {X}, Bob 34–40 {X} BOUNDS
 *  42–50  Alice {X}, Bob {Y}       CODES
 *  52–60  Alice 52–56, Bob 56–60   BOUNDS: touching passages are one unit
 *  62–70  Alice 62–70, Bob 62–66 and 66–70, all {X}: BOUNDS, though every
 *         character is coded alike */
static void
fixture_init (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  GString *text = g_string_new (NULL);

  (void) data;
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), "adjudicate.lectern", NULL);
  g_remove (path);
  file = g_file_new_for_path (path);
  fixture->project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  lectern_project_set_undo_enabled (fixture->project, TRUE);

  for (int i = 0; i < 10; i++)
    g_string_append (text, "abcdéfghi ");
  lectern_document_set_title (document, "Interview");
  fixture->document = lectern_project_add_document (fixture->project, document, text->str, &error);
  g_assert_no_error (error);
  g_string_free (text, TRUE);
  fixture->x = tag (fixture->project, "X");
  fixture->y = tag (fixture->project, "Y");

  set_coder (fixture, "Alice");
  code (fixture, 0, 10, fixture->x, 0);
  code (fixture, 12, 20, fixture->x, 0);
  code (fixture, 32, 40, fixture->x, 0);
  code (fixture, 42, 50, fixture->x, 0);
  code (fixture, 52, 56, fixture->x, 0);
  code (fixture, 62, 70, fixture->x, 0);
  set_coder (fixture, "Bob");
  code (fixture, 0, 10, fixture->x, 0);
  code (fixture, 22, 30, fixture->y, 0);
  code (fixture, 34, 40, fixture->x, 0);
  code (fixture, 42, 50, fixture->y, 0);
  code (fixture, 56, 60, fixture->x, 0);
  code (fixture, 62, 66, fixture->x, 0);
  code (fixture, 66, 70, fixture->x, 0);
  set_coder (fixture, "Carol");
  fixture->alice = coder_id (fixture, "Alice");
  fixture->bob = coder_id (fixture, "Bob");
  g_assert_cmpint (fixture->alice, >, 0);
  g_assert_cmpint (fixture->bob, >, 0);
}

static void
fixture_clear (Fixture       *fixture,
               gconstpointer  data)
{
  (void) data;
  g_clear_object (&fixture->project);
}

static GPtrArray *
read_units (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *units = lectern_coder_units_read (fixture->project, fixture->document,
                                               fixture->alice, fixture->bob, &error);

  g_assert_no_error (error);
  return units;
}

static guint
count_open (GPtrArray *units)
{
  guint n = 0;

  for (guint i = 0; i < units->len; i++)
    n += lectern_coder_unit_is_open (g_ptr_array_index (units, i));
  return n;
}

/* "start-end:tag,tag;…" of @coder's passages, in reading order. */
static char *
describe (Fixture *fixture,
          gint64   coder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = lectern_project_list_annotations (fixture->project, fixture->document, 0, FALSE, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (all, i);
      const gint64 *tags;
      guint n_tags;

      if (lectern_annotation_get_coder_id (annotation) != coder)
        continue;
      tags = lectern_annotation_get_tag_ids (annotation, &n_tags);
      g_string_append_printf (out, "%s%ld-%ld:", out->len > 0 ? ";" : "",
                              lectern_annotation_get_start (annotation), lectern_annotation_get_end (annotation));
      for (guint j = 0; j < n_tags; j++)
        g_string_append_printf (out, "%s%s", j > 0 ? "," : "",
                                tags[j] == fixture->x ? "X" : tags[j] == fixture->y ? "Y" : "?");
    }
  return g_string_free (out, FALSE);
}

static const char alice_coding[] = "0-10:X;12-20:X;32-40:X;42-50:X;52-56:X;62-70:X";
static const char bob_coding[] = "0-10:X;22-30:Y;34-40:X;42-50:Y;56-60:X;62-66:X;66-70:X";

static void
assert_untouched (Fixture *fixture)
{
  g_autofree char *alice = describe (fixture, fixture->alice);
  g_autofree char *bob = describe (fixture, fixture->bob);

  g_assert_cmpstr (alice, ==, alice_coding);
  g_assert_cmpstr (bob, ==, bob_coding);
}

static void
test_units (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) units = read_units (fixture);
  static const struct { glong start, end; LecternCoderUnitKind kind; guint n_passages; } expected[] = {
    { 0, 10, LECTERN_CODER_UNIT_AGREED, 2 },
    { 12, 20, LECTERN_CODER_UNIT_ONLY_A, 1 },
    { 22, 30, LECTERN_CODER_UNIT_ONLY_B, 1 },
    { 32, 40, LECTERN_CODER_UNIT_BOUNDS, 2 },
    { 42, 50, LECTERN_CODER_UNIT_CODES, 2 },
    { 52, 60, LECTERN_CODER_UNIT_BOUNDS, 2 },
    { 62, 70, LECTERN_CODER_UNIT_BOUNDS, 3 },
  };

  (void) data;
  g_assert_cmpuint (units->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < units->len; i++)
    {
      LecternCoderUnit *unit = g_ptr_array_index (units, i);

      g_assert_cmpint (unit->start, ==, expected[i].start);
      g_assert_cmpint (unit->end, ==, expected[i].end);
      g_assert_cmpint (unit->kind, ==, expected[i].kind);
      g_assert_cmpuint (unit->passages->len, ==, expected[i].n_passages);
      g_assert_cmpint (unit->decision, ==, 0);
    }
  /* Identical codings are no disagreement. */
  g_assert_cmpuint (count_open (units), ==, 6);
  g_assert_true (lectern_coder_unit_has_tag (g_ptr_array_index (units, 4), TRUE, fixture->y));
  g_assert_false (lectern_coder_unit_has_tag (g_ptr_array_index (units, 4), FALSE, fixture->y));
}

/* The same passages, the coders swapped: A's only is B's only. */
static void
test_units_swapped (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = lectern_coder_units_read (fixture->project, fixture->document,
                                                         fixture->bob, fixture->alice, &error);

  (void) data;
  g_assert_no_error (error);
  g_assert_cmpint (((LecternCoderUnit *) g_ptr_array_index (units, 1))->kind, ==, LECTERN_CODER_UNIT_ONLY_B);
  g_assert_cmpint (((LecternCoderUnit *) g_ptr_array_index (units, 2))->kind, ==, LECTERN_CODER_UNIT_ONLY_A);
}

static void
decide (Fixture                     *fixture,
        guint                        index,
        LecternAdjudicationDecision  decision)
{
  g_autoptr(GPtrArray) units = read_units (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (lectern_coder_unit_adjudicate (fixture->project, fixture->document, fixture->alice, fixture->bob,
                                                g_ptr_array_index (units, index), decision, &error));
  g_assert_no_error (error);
}

static void
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lectern_project_undo (fixture->project, &error));
  g_assert_no_error (error);
}

static void
assert_carol (Fixture    *fixture,
              const char *expected,
              guint       n_open)
{
  g_autofree char *carol = NULL;

  fixture->carol = coder_id (fixture, "Carol");
  carol = describe (fixture, fixture->carol);
  g_autoptr(GPtrArray) units = read_units (fixture);

  g_assert_cmpint (fixture->carol, >, 0);
  g_assert_cmpstr (carol, ==, expected);
  g_assert_cmpuint (count_open (units), ==, n_open);
  assert_untouched (fixture);
}

static void
test_decisions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GArray) decided = NULL;
  gint64 edited_tags[] = { fixture->y };
  LecternAdjudicatedPassage edited = { 53, 59, edited_tags, 1, "settled" };
  LecternAdjudicationInput input = { 52, 60, LECTERN_ADJUDICATION_EDITED, &edited, 1 };

  (void) data;
  decide (fixture, 1, LECTERN_ADJUDICATION_KEEP_A);
  assert_carol (fixture, "12-20:X", 5);
  g_assert_cmpstr (lectern_project_get_undo_label (fixture->project), ==, "Keep coder A’s coding");
  decide (fixture, 2, LECTERN_ADJUDICATION_KEEP_B);
  assert_carol (fixture, "12-20:X;22-30:Y", 4);
  decide (fixture, 3, LECTERN_ADJUDICATION_NEITHER);
  assert_carol (fixture, "12-20:X;22-30:Y", 3);
  /* Both, on one range: one passage with both codes. */
  decide (fixture, 4, LECTERN_ADJUDICATION_BOTH);
  assert_carol (fixture, "12-20:X;22-30:Y;42-50:X,Y", 2);
  g_assert_true (lectern_project_adjudicate (fixture->project, fixture->document, fixture->alice, fixture->bob,
                                             &input, 1, NULL, &error));
  g_assert_no_error (error);
  assert_carol (fixture, "12-20:X;22-30:Y;42-50:X,Y;53-59:Y", 1);
  /* Both, on different bounds: each side's passages. */
  decide (fixture, 6, LECTERN_ADJUDICATION_BOTH);
  assert_carol (fixture, "12-20:X;22-30:Y;42-50:X,Y;53-59:Y;62-66:X;62-70:X;66-70:X", 0);

  units = read_units (fixture);
  g_assert_cmpint (((LecternCoderUnit *) g_ptr_array_index (units, 0))->decision, ==, 0);
  g_assert_cmpint (((LecternCoderUnit *) g_ptr_array_index (units, 1))->decision, ==, LECTERN_ADJUDICATION_KEEP_A);
  g_assert_cmpint (((LecternCoderUnit *) g_ptr_array_index (units, 3))->decision, ==, LECTERN_ADJUDICATION_NEITHER);
  g_assert_cmpint (((LecternCoderUnit *) g_ptr_array_index (units, 5))->decision, ==, LECTERN_ADJUDICATION_EDITED);

  /* A unit is decided once. */
  g_assert_false (lectern_coder_unit_adjudicate (fixture->project, fixture->document, fixture->alice, fixture->bob,
                                                 g_ptr_array_index (units, 1), LECTERN_ADJUDICATION_KEEP_B, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* Each decision is one step. */
  undo (fixture);
  assert_carol (fixture, "12-20:X;22-30:Y;42-50:X,Y;53-59:Y", 1);
  undo (fixture);
  assert_carol (fixture, "12-20:X;22-30:Y;42-50:X,Y", 2);
  undo (fixture);
  undo (fixture);
  undo (fixture);
  undo (fixture);
  assert_carol (fixture, "", 6);
  decided = lectern_project_list_adjudications (fixture->project, fixture->document, fixture->alice,
                                                fixture->bob, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decided->len, ==, 0);
}

static void
test_accept_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = read_units (fixture);
  guint n = 0;

  (void) data;
  /* Identical codings: accepted at once, as one step. */
  g_assert_true (lectern_coder_units_accept_all (fixture->project, fixture->document, fixture->alice, fixture->bob,
                                                 units, FALSE, 0, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  assert_carol (fixture, "0-10:X", 6);
  g_clear_pointer (&units, g_ptr_array_unref);

  /* All of Bob's remaining X in one step: 32–40, 52–60, 62–70. */
  units = read_units (fixture);
  g_assert_true (lectern_coder_units_accept_all (fixture->project, fixture->document, fixture->alice, fixture->bob,
                                                 units, TRUE, fixture->x, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  assert_carol (fixture, "0-10:X;34-40:X;56-60:X;62-66:X;66-70:X", 3);

  undo (fixture);
  assert_carol (fixture, "0-10:X", 6);
  undo (fixture);
  assert_carol (fixture, "", 6);
}

/* A team of two: Alice settles her disagreements with Bob. Her decisions
 * go to "Alice (adjudication)", a coder of its own, and her own coding and
 * Bob's stay as they were; that coder cannot then be one of the two. */
static void
test_one_of_two_adjudicates (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = read_units (fixture);
  g_autoptr(GPtrArray) coders = NULL;
  g_autofree char *adjudicated = NULL;
  gint64 adjudication;

  (void) data;
  set_coder (fixture, "Alice");
  g_assert_true (lectern_coder_unit_adjudicate (fixture->project, fixture->document, fixture->alice, fixture->bob,
                                                g_ptr_array_index (units, 2), LECTERN_ADJUDICATION_KEEP_B, &error));
  g_assert_no_error (error);
  adjudication = coder_id (fixture, "Alice (adjudication)");
  g_assert_cmpint (adjudication, >, 0);
  g_assert_cmpint (adjudication, !=, fixture->alice);
  adjudicated = describe (fixture, adjudication);
  g_assert_cmpstr (adjudicated, ==, "22-30:Y");
  assert_untouched (fixture);

  /* The same coder again for the next decision, not a second one. */
  g_clear_pointer (&units, g_ptr_array_unref);
  units = read_units (fixture);
  g_assert_true (lectern_coder_unit_adjudicate (fixture->project, fixture->document, fixture->alice, fixture->bob,
                                                g_ptr_array_index (units, 1), LECTERN_ADJUDICATION_KEEP_A, &error));
  g_assert_no_error (error);
  coders = lectern_project_list_coders (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coders->len, ==, 3);
  g_clear_pointer (&adjudicated, g_free);
  adjudicated = describe (fixture, adjudication);
  g_assert_cmpstr (adjudicated, ==, "12-20:X;22-30:Y");
  assert_untouched (fixture);

  /* Comparing Alice with her own adjudicated coding: nowhere to put it. */
  g_assert_false (lectern_project_adjudicate (fixture->project, fixture->document, fixture->alice, adjudication,
                                              NULL, 0, NULL, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  set_coder (fixture, "Carol");
  g_assert_false (lectern_project_adjudicate (fixture->project, fixture->document, fixture->alice, fixture->alice,
                                              NULL, 0, NULL, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/Lectern/CoderUnits/kinds", Fixture, NULL, fixture_init, test_units, fixture_clear);
  g_test_add ("/Lectern/CoderUnits/swapped", Fixture, NULL, fixture_init, test_units_swapped, fixture_clear);
  g_test_add ("/Lectern/CoderUnits/decisions", Fixture, NULL, fixture_init, test_decisions, fixture_clear);
  g_test_add ("/Lectern/CoderUnits/accept-all", Fixture, NULL, fixture_init, test_accept_all, fixture_clear);
  g_test_add ("/Lectern/CoderUnits/one-of-two-adjudicates", Fixture, NULL, fixture_init, test_one_of_two_adjudicates,
              fixture_clear);

  return g_test_run ();
}
