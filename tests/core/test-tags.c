/* test-tags.c — sibling names in the codebook: adding, renaming and
 * moving a tag refuse a name its new siblings already have (DUPLICATE),
 * and allow it anywhere else, or for the tag itself; the bounds of tag
 * paths; the colours new tags are given; and each tag's count of
 * passages, orphaned ones left out, read without the passages' rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lectern-core.h"
#include "lectern-tag-colours-private.h"

static LecternProject *
new_project (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LecternProject *project;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), "tags.lectern", NULL);
  file = g_file_new_for_path (path);
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static gint64
add_tag (LecternProject *project,
         gint64         parent_id,
         const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = lectern_project_add_tag (project, parent_id, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tag);
  return lectern_tag_get_id (tag);
}

static void
test_sibling_names (void)
{
  g_autoptr(LecternProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) twin = NULL;
  gint64 actors = add_tag (project, 0, "Actors");
  gint64 themes = add_tag (project, 0, "Themes");
  gint64 state = add_tag (project, actors, "State");
  gint64 peace = add_tag (project, themes, "Peace");

  /* Add: a top-level twin, and a twin under a parent, are refused... */
  twin = lectern_project_add_tag (project, 0, "Actors", NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE);
  g_assert_null (twin);
  g_clear_error (&error);
  twin = lectern_project_add_tag (project, actors, "State", NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "Actors"));
  g_assert_null (twin);
  g_clear_error (&error);
  /* ...but the same name elsewhere is fine. */
  add_tag (project, themes, "State");

  /* Rename: to a sibling's name refused, to its own name fine. */
  g_assert_false (lectern_project_rename_tag (project, themes, "Actors", &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (lectern_project_rename_tag (project, themes, "Themes", &error));
  g_assert_no_error (error);

  /* Move: next to a twin refused; to a free place fine. */
  g_assert_false (lectern_project_move_tag (project, state, themes, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (lectern_project_move_tag (project, peace, actors, &error));
  g_assert_no_error (error);
}

/* A codebook has bounds wherever a tag is made: 16 levels, 1,000 bytes a
 * path, 200 bytes a name. Past them the tag is refused, quickly and with
 * a message quoting the start of the path, and nothing is made. */
static void
test_bounds (void)
{
  g_autoptr(LecternProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(GListModel) tags = NULL;
  g_autoptr(GString) deep = g_string_new ("a");
  g_autoptr(GString) levels = g_string_new ("l1");
  g_autofree char *long_name = g_strnfill (LECTERN_TAG_MAX_NAME_BYTES + 1, 'n');
  gint64 parent = 0;

  for (guint i = 1; i < 8000; i++)
    g_string_append (deep, "/a");
  tag = lectern_project_ensure_tag_path (project, deep->str, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "a/a/a"));
  g_assert_cmpuint (strlen (error->message), <, 300);
  g_assert_null (tag);
  g_clear_error (&error);

  /* 16 levels are fine; a 17th is refused by path and by parent. */
  for (guint i = 2; i <= LECTERN_TAG_MAX_DEPTH; i++)
    g_string_append_printf (levels, "/l%u", i);
  tag = lectern_project_ensure_tag_path (project, levels->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lectern_tag_get_depth (tag), ==, LECTERN_TAG_MAX_DEPTH - 1);
  parent = lectern_tag_get_id (tag);
  g_clear_object (&tag);
  g_string_append (levels, "/l17");
  tag = lectern_project_ensure_tag_path (project, levels->str, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "16"));
  g_assert_null (tag);
  g_clear_error (&error);
  tag = lectern_project_add_tag (project, parent, "l17", NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_assert_null (tag);
  g_clear_error (&error);

  tag = lectern_project_add_tag (project, 0, long_name, NULL, &error);
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_assert_null (tag);
  g_clear_error (&error);

  tags = lectern_project_list_tags (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, LECTERN_TAG_MAX_DEPTH);
}

/* Distances against values computed apart (a Python transcription of
 * the same colour science): black and white are 100 apart for every
 * reader; GNOME's red and green, 133 apart for normal vision, are only
 * 32 apart for a deuteranope, and that is what counts. */
static void
test_colour_distance (void)
{
  g_assert_cmpfloat_with_epsilon (_lectern_tag_colours_distance ("#000000", "#ffffff"), 100.0, 0.01);
  g_assert_cmpfloat_with_epsilon (_lectern_tag_colours_distance ("#3584e4", "#3584e4"), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (_lectern_tag_colours_distance ("#e01b24", "#33d17a"), 32.47, 0.05);
  g_assert_cmpfloat_with_epsilon (_lectern_tag_colours_distance ("#e01b24", "#986a44"), 10.95, 0.05);
}

/* Siblings and their parent, coloured automatically, never look alike,
 * also to colour-blind readers. (The palette in order, as before, gave
 * a red and a brown 11 apart.) */
static void
test_sibling_colours (void)
{
  g_autoptr(LecternProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) parent = lectern_project_add_tag (project, 0, "Framing", NULL, &error);
  g_autoptr(GPtrArray) colours = g_ptr_array_new_with_free_func (g_free);
  double nearest = G_MAXDOUBLE;

  g_assert_no_error (error);
  g_ptr_array_add (colours, g_strdup (lectern_tag_get_colour (parent)));
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Frame %u", i);
      g_autoptr(LecternTag) child = lectern_project_add_tag (project, lectern_tag_get_id (parent), name, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (colours, g_strdup (lectern_tag_get_colour (child)));
    }

  for (guint i = 0; i < colours->len; i++)
    for (guint j = i + 1; j < colours->len; j++)
      nearest = MIN (nearest, _lectern_tag_colours_distance (g_ptr_array_index (colours, i),
                                                             g_ptr_array_index (colours, j)));
  g_assert_cmpfloat (nearest, >=, 18.0);
}

/* Bytes this process has read through system calls, page cache
 * included; -1 where /proc/self/io is not there. */
static gint64
bytes_read (void)
{
  g_autofree char *io = NULL;
  const char *rchar;

  if (!g_file_get_contents ("/proc/self/io", &io, NULL, NULL)
      || (rchar = strstr (io, "rchar:")) == NULL)
    return -1;
  return g_ascii_strtoll (rchar + strlen ("rchar:"), NULL, 10);
}

/* The codebook's counts, shown at every open of the app: the passages of
 * each tag minus the orphaned ones, without reading each passage's row
 * (quote and context), which cost a page read per tagged passage. */
static void
test_passage_counts (void)
{
  g_autoptr(LecternProject) project = new_project ();
  g_autoptr(GFile) file = g_object_ref (lectern_project_get_file (project));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GListModel) tags = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternTag) listed = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  LecternEditReport report = { 0 };
  const guint n_passages = 200, passage_length = 2000;
  gint64 claims = add_tag (project, 0, "Claims");
  gint64 document_id, before;
  glong tail;

  for (guint p = 0; p < n_passages; p++)
    for (guint c = 0; c < passage_length / 10; c++)
      g_string_append (text, p % 2 ? "ceasefire " : "agreement ");
  tail = (glong) text->len;
  g_string_append (text, "held firm.\n");
  lectern_document_set_title (document, "Talks");
  document_id = lectern_project_add_document (project, document, text->str, &error);
  g_assert_no_error (error);

  /* Passages of 2,000 characters: a page each in the annotations table. */
  for (guint p = 0; p < n_passages; p++)
    {
      g_autoptr(LecternAnnotation) passage =
        lectern_project_add_annotation (project, document_id, p * passage_length, (p + 1) * passage_length,
                                        &claims, 1, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (passage);
    }
  /* One more, orphaned: its word deleted. */
  {
    g_autoptr(LecternAnnotation) passage =
      lectern_project_add_annotation (project, document_id, tail, tail + 4, &claims, 1, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (passage);
    g_assert_true (lectern_project_edit_text (project, document_id, tail, tail + 5, "", &report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.orphaned, ==, 1);
  }

  /* Another connection's commit empties this one's page cache: it reads
   * from the file, as the app does when it opens the project. */
  {
    g_autoptr(LecternProject) other = lectern_project_open (file, &error);

    g_assert_no_error (error);
    add_tag (other, 0, "Themes");
  }

  before = bytes_read ();
  tags = lectern_project_list_tags (project, &error);
  g_assert_no_error (error);
  tag = lectern_project_dup_tag (project, claims, &error);
  g_assert_no_error (error);
  g_test_message ("read %" G_GINT64_FORMAT, bytes_read () - before);
  if (before >= 0)
    /* The passages' rows alone are 800 KB. */
    g_assert_cmpint (bytes_read () - before, <, 100 * 1024);

  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 2);
  listed = g_list_model_get_item (tags, 0);
  g_assert_cmpstr (lectern_tag_get_name (listed), ==, "Claims");
  g_assert_cmpuint (lectern_tag_get_count (listed), ==, n_passages);
  g_assert_cmpuint (lectern_tag_get_count (tag), ==, n_passages);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Tags/sibling-names", test_sibling_names);
  g_test_add_func ("/Lectern/Tags/bounds", test_bounds);
  g_test_add_func ("/Lectern/Tags/colour-distance", test_colour_distance);
  g_test_add_func ("/Lectern/Tags/sibling-colours", test_sibling_colours);
  g_test_add_func ("/Lectern/Tags/passage-counts", test_passage_counts);

  return g_test_run ();
}
