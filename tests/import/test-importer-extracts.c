/* test-importer-extracts.c — what the importer makes of a format reader's
 * extracts: a document each with the metadata they state, their
 * structure, their original, their notes as Lectern notes and their
 * warnings; and nothing of one that cannot be added whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-import.h"
#include "lectern-importer-private.h"

#include "lectern-test-sqlite.h"

static LecternProject *
create_project (char **path_out)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "p.lectern", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LecternProject *project;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  *path_out = g_steal_pointer (&path);
  return project;
}

/* A message as a mail reader would make it. */
static LecternExtract *
message (const char *subject,
         const char *body,
         const char *format)
{
  LecternExtract *extract = lectern_extract_new (format);
  guint handle;

  handle = lectern_extract_open_block (extract, LECTERN_STRUCTURE_KIND_HEADER, "Subject");
  lectern_extract_append_inline (extract, subject, -1);
  lectern_extract_close_block (extract, handle);
  handle = lectern_extract_open_block (extract, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
  lectern_extract_append_inline (extract, body, -1);
  lectern_extract_close_block (extract, handle);
  lectern_extract_set_title (extract, subject);
  return extract;
}

static void
test_documents (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LecternProject) project = create_project (&path);
  g_autoptr(GPtrArray) extracts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) contents = g_bytes_new_static ("the whole mailbox", 17);
  g_autoptr(GBytes) own = g_bytes_new_static ("message two's own bytes", 23);
  g_autoptr(GFile) file = g_file_new_for_path ("/nowhere/inbox.mbox");
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  LecternExtract *first;
  LecternExtract *second;

  first = message ("Budget of the port", "The council adopted the budget after a long debate.", "mbox");
  lectern_extract_set_author (first, "Alice Martin");
  lectern_extract_set_date (first, "2024-03-01T10:15:00+01:00");
  lectern_extract_set_language (first, "en");
  lectern_extract_set_variable (first, "message-id", "<1@example.org>");
  /* "council" and a point on "budget" at the end; one past the text. */
  lectern_extract_add_note (first, 24, 31, "Bob", "2024-03-02T09:00:00Z", "Which council?");
  lectern_extract_add_note (first, 65, 65, NULL, NULL, "A point at the end");
  lectern_extract_add_note (first, 60, 500, "Carol", "not a date", "Past the end");
  lectern_extract_add_warning (first, "The attachment report.pdf was not imported");
  g_ptr_array_add (extracts, first);

  second = message ("Dredging", "The channel will be deepened next spring.", "mbox");
  lectern_extract_set_original (second, own);
  g_ptr_array_add (extracts, second);

  results = _lectern_importer_add_extracts (project, file, "inbox.mbox", extracts, contents);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);

  {
    g_autoptr(LecternImportResult) result = g_list_model_get_item (results, 0);
    gint64 id = lectern_import_result_get_document_id (result);
    g_autoptr(LecternDocument) document = lectern_project_dup_document (project, id, &error);
    g_autoptr(GArray) structure = lectern_project_dup_document_structure (project, id, &error);
    g_autoptr(GBytes) original = lectern_project_dup_document_original (project, id, NULL, &error);
    g_autoptr(GListModel) notes = lectern_project_list_annotations (project, id, 0, FALSE, &error);
    GPtrArray *warnings = lectern_import_result_get_warnings (result);
    g_autoptr(LecternAnnotation) council = NULL;
    g_autoptr(LecternAnnotation) point = NULL;
    g_autoptr(LecternAnnotation) past = NULL;
    g_autofree char *text = lectern_project_dup_text (project, id, &error);

    g_assert_true (lectern_import_result_get_succeeded (result));
    g_assert_cmpstr (text, ==, "Budget of the port\n\nThe council adopted the budget after a long debate.");
    g_assert_cmpstr (lectern_document_get_title (document), ==, "Budget of the port");
    g_assert_cmpstr (lectern_document_get_author (document), ==, "Alice Martin");
    g_assert_cmpstr (lectern_document_get_date (document), ==, "2024-03-01");
    g_assert_cmpstr (lectern_document_get_language (document), ==, "en");
    g_assert_cmpstr (lectern_document_get_variable (document, "message-id"), ==, "<1@example.org>");
    g_assert_cmpstr (lectern_document_get_original_name (document), ==, "inbox.mbox");
    g_assert_cmpstr (lectern_document_get_format (document), ==, "mbox");
    g_assert_cmpuint (structure->len, ==, 2);
    g_assert_cmpint (g_array_index (structure, LecternSpan, 0).kind, ==, LECTERN_STRUCTURE_KIND_HEADER);
    g_assert_cmpstr (g_array_index (structure, LecternSpan, 0).value, ==, "Subject");
    /* Without an original of its own, the file's bytes. */
    g_assert_true (g_bytes_equal (original, contents));

    /* Warnings name the file. */
    g_assert_cmpuint (warnings->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, "“inbox.mbox”: The attachment report.pdf was not imported");

    /* Notes, in text order, with their authors and times, without tags. */
    g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 3);
    council = g_list_model_get_item (notes, 0);
    g_assert_cmpstr (lectern_annotation_get_quote (council), ==, "council");
    g_assert_cmpstr (lectern_annotation_get_note (council), ==, "Which council?");
    g_assert_cmpstr (lectern_annotation_get_author (council), ==, "Bob");
    {
      g_autofree char *created = g_date_time_format_iso8601 (lectern_annotation_get_created (council));

      g_assert_true (g_str_has_prefix (created, "2024-03-02T09:00:00"));
    }
    past = g_list_model_get_item (notes, 1);
    g_assert_cmpint (lectern_annotation_get_start (past), ==, 60);
    g_assert_cmpint (lectern_annotation_get_end (past), ==, 71);
    g_assert_cmpstr (lectern_annotation_get_author (past), ==, "Carol");
    point = g_list_model_get_item (notes, 2);
    g_assert_cmpint (lectern_annotation_get_start (point), ==, 65);
    g_assert_cmpint (lectern_annotation_get_end (point), ==, 66);
    g_assert_cmpstr (lectern_annotation_get_note (point), ==, "A point at the end");
    {
      guint n_tags;

      lectern_annotation_get_tag_ids (point, &n_tags);
      g_assert_cmpuint (n_tags, ==, 0);
    }
  }

  {
    g_autoptr(LecternImportResult) result = g_list_model_get_item (results, 1);
    gint64 id = lectern_import_result_get_document_id (result);
    g_autoptr(GBytes) original = lectern_project_dup_document_original (project, id, NULL, &error);

    g_assert_true (lectern_import_result_get_succeeded (result));
    /* A message's own bytes when the reader set them. */
    g_assert_true (g_bytes_equal (original, own));
  }
}

/* A document that cannot be added whole is not added at all: here its
 * original is refused (a format that is not a name) after the document
 * and its structure were written. The file's other documents stay. */
static void
test_all_or_nothing (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LecternProject) project = create_project (&path);
  g_autoptr(GPtrArray) extracts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) contents = g_bytes_new_static ("bytes", 5);
  g_autoptr(GFile) file = g_file_new_for_path ("/nowhere/inbox.mbox");
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  LecternExtract *broken;

  g_ptr_array_add (extracts, message ("Kept", "The first message is kept.", "mbox"));
  broken = message ("Broken", "This one cannot be kept whole.", "Not A Format");
  lectern_extract_add_note (broken, 0, 6, "Bob", NULL, "Lost with it");
  g_ptr_array_add (extracts, broken);
  g_ptr_array_add (extracts, message ("Also kept", "The third message is kept too.", "mbox"));
  /* The same text twice: refused as a duplicate, naming its title. */
  g_ptr_array_add (extracts, message ("Kept", "The first message is kept.", "mbox"));

  results = _lectern_importer_add_extracts (project, file, "inbox.mbox", extracts, contents);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 4);

  {
    g_autoptr(LecternImportResult) failed = g_list_model_get_item (results, 1);
    g_autoptr(LecternImportResult) duplicate = g_list_model_get_item (results, 3);
    const GError *failure = lectern_import_result_get_error (failed);

    g_assert_false (lectern_import_result_get_succeeded (failed));
    g_assert_nonnull (strstr (failure->message, "inbox.mbox"));
    g_assert_nonnull (strstr (failure->message, "Broken"));
    g_assert_error ((GError *) lectern_import_result_get_error (duplicate),
                    LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DUPLICATE);
  }

  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM documents"), ==, 2);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM documents WHERE title = 'Broken'"), ==, 0);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM document_structure"), ==, 4);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM document_originals"), ==, 2);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM annotations"), ==, 0);
  g_assert_true (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/ImporterExtracts/documents", test_documents);
  g_test_add_func ("/Lectern/ImporterExtracts/all-or-nothing", test_all_or_nothing);

  return g_test_run ();
}
