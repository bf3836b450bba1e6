/* test-document-label.c — labels that tell documents with the same title
 * apart: the date in full, else the file name, else the ID.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "lectern-core.h"

/* The corpus gives the IDs, 1 to 6 in order of addition. */
static LecternDocument *
document (const char *title,
          const char *date,
          const char *file_name)
{
  LecternDocument *doc = lectern_document_new ();

  lectern_document_set_title (doc, title);
  lectern_document_set_date (doc, date);
  lectern_document_set_original_name (doc, file_name);
  return doc;
}

static GListModel *
stored (GPtrArray *docs)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "labels.lectern", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  g_unlink (path);
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < docs->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("Text number %u\n", i);

      lectern_project_add_document (project, g_ptr_array_index (docs, i), text, &error);
      g_assert_no_error (error);
    }
  return lectern_project_list_documents (project, &error);
}

static void
test_labels (void)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GHashTable) labels = NULL;
  g_autoptr(LecternDocument) fourth = NULL;
  g_autofree char *one = NULL;

  g_ptr_array_add (docs, document ("The Tavra Accord", "2022-03-01", "accord.txt"));
  g_ptr_array_add (docs, document ("Low Water", "2024-03-12", "low-water.txt"));
  g_ptr_array_add (docs, document ("low water", "2024-05-02", "low-water.txt"));
  g_ptr_array_add (docs, document ("Low Water", "2024-05-02", "low-water-final.txt"));
  g_ptr_array_add (docs, document ("Minutes", NULL, NULL));
  g_ptr_array_add (docs, document ("Minutes", NULL, NULL));
  model = stored (docs);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);

  labels = lectern_document_labels_new (model);
  g_assert_cmpuint (g_hash_table_size (labels), ==, 6);
  /* A title of its own stays alone, whatever its date. */
  g_assert_cmpstr (lectern_document_labels_lookup (labels, 1), ==, "The Tavra Accord");
  /* Titles that differ only in case collide; the date in full tells. */
  g_assert_cmpstr (lectern_document_labels_lookup (labels, 2), ==, "Low Water — 12 March 2024");
  /* The same date twice: the file names tell. */
  g_assert_cmpstr (lectern_document_labels_lookup (labels, 3), ==, "low water — low-water.txt");
  g_assert_cmpstr (lectern_document_labels_lookup (labels, 4), ==, "Low Water — low-water-final.txt");
  /* Nothing else: the IDs. */
  g_assert_cmpstr (lectern_document_labels_lookup (labels, 5), ==, "Minutes — #5");
  g_assert_cmpstr (lectern_document_labels_lookup (labels, 6), ==, "Minutes — #6");
  g_assert_null (lectern_document_labels_lookup (labels, 7));

  /* Only what tells apart, for a list that shows the title above it. */
  g_hash_table_unref (labels);
  labels = lectern_document_qualifiers_new (model);
  g_assert_null (lectern_document_labels_lookup (labels, 1));
  g_assert_cmpstr (lectern_document_labels_lookup (labels, 2), ==, "12 March 2024");
  g_assert_cmpstr (lectern_document_labels_lookup (labels, 6), ==, "#6");

  /* One document's label, as the table has it. */
  fourth = g_list_model_get_item (model, 3);
  one = lectern_document_dup_label (fourth, model);
  g_assert_cmpstr (one, ==, "Low Water — low-water-final.txt");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/DocumentLabel/labels", test_labels);
  return g_test_run ();
}
