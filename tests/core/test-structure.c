/* test-structure.c — a document's structure and original: stored, read
 * back in text order, validated, undone and redone with the document,
 * kept or dropped whole with an import's group, checked, and never
 * inflated past their recorded size when the file comes from elsewhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "lectern-core.h"

#include "lectern-test-sqlite.h"

#define TEXT "Title\n\nFirst paragraph, on page one.\n\nSecond paragraph, on page two."

static LecternProject *
create_project (const char  *name,
                char       **path_out)
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
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return project;
}

static gint64
add_document (LecternProject *project,
              const char    *title,
              const char    *text)
{
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (document, title);
  id = lectern_project_add_document (project, document, text, &error);
  g_assert_no_error (error);
  return id;
}

/* Spans of TEXT, deliberately out of order. */
static GArray *
sample_structure (void)
{
  GArray *structure = lectern_structure_new ();

  lectern_structure_add (structure, 38, 68, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
  lectern_structure_add (structure, 7, 68, LECTERN_STRUCTURE_KIND_PAGE, "xii");
  lectern_structure_add (structure, 0, 5, LECTERN_STRUCTURE_KIND_HEADING, "1");
  lectern_structure_add (structure, 0, 7, LECTERN_STRUCTURE_KIND_PAGE, "xi");
  lectern_structure_add (structure, 7, 36, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
  return structure;
}

static void
assert_sample (GArray *structure)
{
  g_assert_cmpuint (structure->len, ==, 5);
  /* Text order: by start, the longer first. */
  g_assert_cmpuint (g_array_index (structure, LecternSpan, 0).end, ==, 7);
  g_assert_cmpint (g_array_index (structure, LecternSpan, 0).kind, ==, LECTERN_STRUCTURE_KIND_PAGE);
  g_assert_cmpstr (g_array_index (structure, LecternSpan, 0).value, ==, "xi");
  g_assert_cmpint (g_array_index (structure, LecternSpan, 1).kind, ==, LECTERN_STRUCTURE_KIND_HEADING);
  g_assert_cmpstr (g_array_index (structure, LecternSpan, 1).value, ==, "1");
  g_assert_cmpint (g_array_index (structure, LecternSpan, 2).kind, ==, LECTERN_STRUCTURE_KIND_PAGE);
  g_assert_cmpuint (g_array_index (structure, LecternSpan, 2).start, ==, 7);
  g_assert_cmpint (g_array_index (structure, LecternSpan, 3).kind, ==, LECTERN_STRUCTURE_KIND_PARAGRAPH);
  g_assert_null (g_array_index (structure, LecternSpan, 3).value);
  g_assert_cmpuint (g_array_index (structure, LecternSpan, 4).start, ==, 38);
}

/* Bytes with everything a text would not hold: NULs, high bytes. */
static GBytes *
sample_original (gsize size)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) ((i * 7919) ^ (i >> 3));
  return g_bytes_new_take (data, size);
}

static void
test_structure_round_trip (void)
{
  g_autoptr(LecternProject) project = create_project ("structure.lectern", NULL);
  g_autoptr(GArray) structure = sample_structure ();
  g_autoptr(GArray) read = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_document (project, "Paged", TEXT);
  gint64 other = add_document (project, "Other", "Another text");

  g_assert_cmpint (lectern_text_length (TEXT), ==, 68);

  none = lectern_project_dup_document_structure (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_true (lectern_project_set_document_structure (project, id, structure, &error));
  g_assert_no_error (error);
  read = lectern_project_dup_document_structure (project, id, &error);
  g_assert_no_error (error);
  assert_sample (read);

  /* Another document has none. */
  g_clear_pointer (&none, g_array_unref);
  none = lectern_project_dup_document_structure (project, other, &error);
  g_assert_cmpuint (none->len, ==, 0);

  /* Setting replaces. */
  {
    g_autoptr(GArray) one = lectern_structure_new ();
    g_autoptr(GArray) again = NULL;

    lectern_structure_add (one, 0, 5, LECTERN_STRUCTURE_KIND_QUOTE, NULL);
    /* Empty spans say nothing and are not kept. */
    lectern_structure_add (one, 3, 3, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
    g_assert_true (lectern_project_set_document_structure (project, other, one, &error));
    g_assert_no_error (error);
    again = lectern_project_dup_document_structure (project, other, &error);
    g_assert_cmpuint (again->len, ==, 1);
    g_assert_cmpint (g_array_index (again, LecternSpan, 0).kind, ==, LECTERN_STRUCTURE_KIND_QUOTE);
  }

  /* No such document. */
  g_assert_null (lectern_project_dup_document_structure (project, 999, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lectern_project_set_document_structure (project, 999, structure, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

static void
test_structure_refused (void)
{
  g_autoptr(LecternProject) project = create_project ("refused.lectern", NULL);
  g_autoptr(GArray) structure = sample_structure ();
  g_autoptr(GArray) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_document (project, "Paged", TEXT);

  g_assert_true (lectern_project_set_document_structure (project, id, structure, &error));

  /* Past the text's end: refused, and what was there stays. */
  {
    g_autoptr(GArray) bad = sample_structure ();

    lectern_structure_add (bad, 60, 69, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
    g_assert_false (lectern_project_set_document_structure (project, id, bad, &error));
    g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* A kind that does not exist. */
  {
    g_autoptr(GArray) bad = lectern_structure_new ();
    LecternSpan span = { 0, 3, (LecternStructureKind) 99, NULL };

    g_array_append_val (bad, span);
    g_assert_false (lectern_project_set_document_structure (project, id, bad, &error));
    g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* A value that is not UTF-8. */
  {
    g_autoptr(GArray) bad = lectern_structure_new ();

    lectern_structure_add (bad, 0, 3, LECTERN_STRUCTURE_KIND_PAGE, "\xff\xfe");
    g_assert_false (lectern_project_set_document_structure (project, id, bad, &error));
    g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
  }

  read = lectern_project_dup_document_structure (project, id, &error);
  g_assert_no_error (error);
  assert_sample (read);
}

/* An import deflates the original before its write transaction: stored,
 * it comes back as lectern_project_set_document_original() keeps it, and
 * what that refuses is refused in the same words, changing nothing. */
static void
test_deflated_original (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LecternProject) project = create_project ("deflated.lectern", &path);
  g_autoptr(GBytes) original = sample_original (300 * 1024);
  g_autoptr(LecternDeflatedOriginal) deflated = lectern_deflated_original_new ("docx", original);
  g_autoptr(LecternDeflatedOriginal) misnamed = lectern_deflated_original_new ("DOCX; DROP", original);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) direct_error = NULL;
  g_autofree char *format = NULL;
  gint64 id = add_document (project, "Deflated", TEXT);

  g_assert_true (lectern_project_set_document_deflated_original (project, id, deflated, &error));
  g_assert_no_error (error);
  read = lectern_project_dup_document_original (project, id, &format, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, original));
  g_assert_cmpstr (format, ==, "docx");
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT size FROM document_originals"), ==, 300 * 1024);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT length (data) < size FROM document_originals"), ==, 1);

  g_assert_false (lectern_project_set_document_deflated_original (project, id, misnamed, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_assert_false (lectern_project_set_document_original (project, id, "DOCX; DROP", original, &direct_error));
  g_assert_cmpstr (error->message, ==, direct_error->message);
  g_clear_error (&error);
  g_clear_pointer (&read, g_bytes_unref);
  g_clear_pointer (&format, g_free);
  read = lectern_project_dup_document_original (project, id, &format, &error);
  g_assert_true (g_bytes_equal (read, original));
  g_assert_cmpstr (format, ==, "docx");

  /* No such document: as lectern_project_set_document_original() says. */
  g_assert_false (lectern_project_set_document_deflated_original (project, id + 1, deflated, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
}

static void
test_original_round_trip (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LecternProject) project = create_project ("original.lectern", &path);
  g_autoptr(GBytes) original = sample_original (300 * 1024);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(LecternDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  gint64 id = add_document (project, "Paged", TEXT);

  /* None yet: plain text, no bytes, no error. */
  document = lectern_project_dup_document (project, id, &error);
  g_assert_cmpstr (lectern_document_get_format (document), ==, "text");
  g_assert_cmpint (lectern_document_get_original_size (document), ==, 0);
  read = lectern_project_dup_document_original (project, id, &format, &error);
  g_assert_no_error (error);
  g_assert_null (read);
  g_assert_null (format);

  g_assert_true (lectern_project_set_document_original (project, id, "pdf", original, &error));
  g_assert_no_error (error);
  read = lectern_project_dup_document_original (project, id, &format, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, original));
  g_assert_cmpstr (format, ==, "pdf");

  /* Kept deflated, with its size. */
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT size FROM document_originals"), ==, 300 * 1024);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT length (data) < size FROM document_originals"), ==, 1);

  g_clear_object (&document);
  document = lectern_project_dup_document (project, id, &error);
  g_assert_cmpstr (lectern_document_get_format (document), ==, "pdf");
  g_assert_cmpint (lectern_document_get_original_size (document), ==, 300 * 1024);
  {
    g_autoptr(GListModel) documents = lectern_project_list_documents (project, &error);
    g_autoptr(LecternDocument) listed = g_list_model_get_item (documents, 0);

    g_assert_cmpstr (lectern_document_get_format (listed), ==, "pdf");
    g_assert_cmpint (lectern_document_get_original_size (listed), ==, 300 * 1024);
  }

  /* An empty original is still one. */
  {
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr(GBytes) back = NULL;
    g_autofree char *empty_format = NULL;

    g_assert_true (lectern_project_set_document_original (project, id, "markdown", empty, &error));
    back = lectern_project_dup_document_original (project, id, &empty_format, &error);
    g_assert_no_error (error);
    g_assert_nonnull (back);
    g_assert_cmpuint (g_bytes_get_size (back), ==, 0);
    g_assert_cmpstr (empty_format, ==, "markdown");
  }

  /* A format must be a name. */
  g_assert_false (lectern_project_set_document_original (project, id, "PDF; DROP", original, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* NULL forgets it: plain text again. */
  g_assert_true (lectern_project_set_document_original (project, id, NULL, NULL, &error));
  g_clear_pointer (&read, g_bytes_unref);
  read = lectern_project_dup_document_original (project, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (read);
  g_clear_object (&document);
  document = lectern_project_dup_document (project, id, &error);
  g_assert_cmpstr (lectern_document_get_format (document), ==, "text");

  g_assert_null (lectern_project_dup_document_original (project, 999, NULL, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND);
}

static void
test_undo_delete (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LecternProject) project = create_project ("undo.lectern", &path);
  g_autoptr(GArray) structure = sample_structure ();
  g_autoptr(GBytes) original = sample_original (100 * 1024);
  g_autoptr(GError) error = NULL;
  gint64 id = add_document (project, "Paged", TEXT);

  g_assert_true (lectern_project_set_document_structure (project, id, structure, &error));
  g_assert_true (lectern_project_set_document_original (project, id, "docx", original, &error));
  g_assert_no_error (error);

  lectern_project_set_undo_enabled (project, TRUE);
  g_assert_true (lectern_project_delete_document (project, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM document_structure"), ==, 0);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM document_originals"), ==, 0);

  /* Undo brings the document back with its structure and original. */
  g_assert_true (lectern_project_undo (project, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) read = lectern_project_dup_document_structure (project, id, &error);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(LecternDocument) document = NULL;
    g_autofree char *format = NULL;

    g_assert_no_error (error);
    assert_sample (read);
    bytes = lectern_project_dup_document_original (project, id, &format, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (bytes, original));
    g_assert_cmpstr (format, ==, "docx");
    document = lectern_project_dup_document (project, id, &error);
    g_assert_cmpstr (lectern_document_get_format (document), ==, "docx");
  }

  /* Redo deletes them again. */
  g_assert_true (lectern_project_redo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM document_structure"), ==, 0);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM document_originals"), ==, 0);

  /* And undoing a change of structure gives the old one back. */
  g_assert_true (lectern_project_undo (project, &error));
  {
    g_autoptr(GArray) empty = lectern_structure_new ();
    g_autoptr(GArray) read = NULL;

    g_assert_true (lectern_project_set_document_structure (project, id, empty, &error));
    g_assert_true (lectern_project_set_document_original (project, id, NULL, NULL, &error));
    g_assert_true (lectern_project_undo (project, &error));
    g_assert_true (lectern_project_undo (project, &error));
    g_assert_no_error (error);
    read = lectern_project_dup_document_structure (project, id, &error);
    assert_sample (read);
    g_assert_cmpint (lectern_test_raw_int (path, "SELECT size FROM document_originals"), ==, 100 * 1024);
  }
}

/* A dropped group leaves nothing, in a batch or on its own. */
static void
test_group (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LecternProject) project = create_project ("group.lectern", &path);
  g_autoptr(GArray) structure = sample_structure ();
  g_autoptr(GBytes) original = sample_original (1000);
  g_autoptr(GError) error = NULL;
  gint64 kept;
  gint64 dropped;

  /* Alone. */
  g_assert_true (lectern_project_begin_group (project, &error));
  dropped = add_document (project, "Dropped", TEXT);
  g_assert_true (lectern_project_set_document_structure (project, dropped, structure, &error));
  g_assert_true (lectern_project_end_group (project, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM documents"), ==, 0);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM document_structure"), ==, 0);

  /* Inside a batch: the kept group stays, the dropped one goes. */
  g_assert_true (lectern_project_begin_batch (project, &error));
  g_assert_true (lectern_project_begin_group (project, &error));
  kept = add_document (project, "Kept", TEXT);
  g_assert_true (lectern_project_set_document_structure (project, kept, structure, &error));
  g_assert_true (lectern_project_set_document_original (project, kept, "pdf", original, &error));
  g_assert_true (lectern_project_end_group (project, TRUE, &error));
  g_assert_true (lectern_project_begin_group (project, &error));
  dropped = add_document (project, "Dropped", "Other text");
  g_assert_true (lectern_project_set_document_original (project, dropped, "pdf", original, &error));
  g_assert_true (lectern_project_end_group (project, FALSE, &error));
  g_assert_true (lectern_project_commit_batch (project, &error));
  g_assert_no_error (error);

  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM document_structure"), ==, 5);
  g_assert_cmpint (lectern_test_raw_int (path, "SELECT count(*) FROM document_originals"), ==, 1);
  {
    g_autoptr(GListModel) documents = lectern_project_list_documents (project, &error);

    g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  }
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               gpointer    data)
{
  (*(guint *) data)++;
}

/* The live list of documents follows a document's original and format,
 * through undo too. */
static void
test_live_documents (void)
{
  g_autoptr(LecternProject) project = create_project ("live.lectern", NULL);
  g_autoptr(GBytes) original = sample_original (2000);
  g_autoptr(GError) error = NULL;
  GListModel *documents = lectern_project_get_documents (project);
  gint64 id = add_document (project, "Paged", TEXT);
  guint changes = 0;

  lectern_project_set_undo_enabled (project, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  {
    g_autoptr(LecternDocument) document = g_list_model_get_item (documents, 0);

    g_assert_cmpstr (lectern_document_get_format (document), ==, "text");
  }

  g_signal_connect (documents, "items-changed", G_CALLBACK (count_changes), &changes);
  g_assert_true (lectern_project_set_document_original (project, id, "odt", original, &error));
  g_assert_cmpuint (changes, ==, 1);
  {
    g_autoptr(LecternDocument) document = g_list_model_get_item (documents, 0);

    g_assert_cmpstr (lectern_document_get_format (document), ==, "odt");
    g_assert_cmpint (lectern_document_get_original_size (document), ==, 2000);
  }

  g_assert_true (lectern_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);
  {
    g_autoptr(LecternDocument) document = g_list_model_get_item (documents, 0);

    g_assert_cmpstr (lectern_document_get_format (document), ==, "text");
    g_assert_cmpint (lectern_document_get_original_size (document), ==, 0);
  }
  g_signal_handlers_disconnect_by_func (documents, count_changes, &changes);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* As a foreign program could: without Lectern's constraints. */
  sqlite3_exec (db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *needle)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_check (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LecternProject) project = create_project ("check.lectern", &path);
  g_autoptr(GArray) structure = sample_structure ();
  g_autoptr(GBytes) original = sample_original (5000);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_document (project, "Paged", TEXT);

  g_assert_true (lectern_project_set_document_structure (project, id, structure, &error));
  g_assert_true (lectern_project_set_document_original (project, id, "pdf", original, &error));
  g_assert_true (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_object (&project);

  /* A span past the text's end, a kind nobody knows. */
  raw_exec (path,
            "INSERT INTO document_structure (document_id, start_offset, end_offset, kind) VALUES (1, 60, 90, 'paragraph');"
            "INSERT INTO document_structure (document_id, start_offset, end_offset, kind) VALUES (1, 0, 3, 'banner');");
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    project = lectern_project_open (file, &error);
    g_assert_no_error (error);
  }
  g_assert_false (lectern_project_check (project, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (has_problem (problems, "60–90"));
  g_assert_true (has_problem (problems, "“banner”"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Reading skips what no reader could use. */
  {
    g_autoptr(GArray) read = lectern_project_dup_document_structure (project, id, &error);

    g_assert_no_error (error);
    assert_sample (read);
  }
  g_clear_object (&project);

  /* An original that does not inflate to its recorded size. */
  raw_exec (path, "DELETE FROM document_structure WHERE kind = 'banner' OR end_offset = 90;"
                  "UPDATE document_originals SET size = 4999");
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    project = lectern_project_open (file, &error);
    g_assert_no_error (error);
  }
  g_assert_false (lectern_project_check (project, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, "Original of document 1"));
  g_assert_null (lectern_project_dup_document_original (project, id, NULL, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_CORRUPT);
  g_clear_error (&error);
}

/* A project from elsewhere whose original claims a small size but
 * inflates to much more (a deflate bomb), or past the hard cap, or is not
 * deflate at all: an error, and never more memory than the recorded size. */
static void
test_hostile_original (void)
{
  g_autofree char *path = NULL;
  g_autoptr(LecternProject) project = create_project ("hostile.lectern", &path);
  g_autoptr(GBytes) zeros = g_bytes_new_take (g_malloc0 (8 * 1024 * 1024), 8 * 1024 * 1024);
  g_autoptr(GError) error = NULL;
  gint64 id = add_document (project, "Paged", TEXT);

  g_assert_true (lectern_project_set_document_original (project, id, "pdf", zeros, &error));
  g_clear_object (&project);

  raw_exec (path, "UPDATE document_originals SET size = 1024");
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    project = lectern_project_open (file, &error);
  }
  g_assert_null (lectern_project_dup_document_original (project, id, NULL, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_CORRUPT);
  g_clear_error (&error);
  g_clear_object (&project);

  raw_exec (path, "UPDATE document_originals SET size = 1099511627776");
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    project = lectern_project_open (file, &error);
  }
  g_assert_null (lectern_project_dup_document_original (project, id, NULL, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_CORRUPT);
  g_clear_error (&error);
  g_clear_object (&project);

  raw_exec (path, "UPDATE document_originals SET size = 3, data = X'00112233445566'");
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    project = lectern_project_open (file, &error);
  }
  g_assert_null (lectern_project_dup_document_original (project, id, NULL, &error));
  g_assert_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_CORRUPT);
  g_clear_error (&error);
}

static void
test_cite_pages (void)
{
  g_autoptr(GArray) structure = sample_structure ();
  g_autoptr(GArray) unlabelled = lectern_structure_new ();
  g_autoptr(GArray) none = lectern_structure_new ();
  char *cite;

  cite = lectern_structure_cite_pages (structure, 0, 5);
  g_assert_cmpstr (cite, ==, "p. xi");
  g_free (cite);
  cite = lectern_structure_cite_pages (structure, 38, 50);
  g_assert_cmpstr (cite, ==, "p. xii");
  g_free (cite);
  cite = lectern_structure_cite_pages (structure, 2, 40);
  g_assert_cmpstr (cite, ==, "pp. xi–xii");
  g_free (cite);
  /* The end is excluded: [0, 7) is all on the first page. */
  cite = lectern_structure_cite_pages (structure, 0, 7);
  g_assert_cmpstr (cite, ==, "p. xi");
  g_free (cite);
  cite = lectern_structure_cite_pages (structure, 10, 10);
  g_assert_cmpstr (cite, ==, "p. xii");
  g_free (cite);

  /* Pages without labels are numbered in text order. */
  lectern_structure_add (unlabelled, 50, 100, LECTERN_STRUCTURE_KIND_PAGE, NULL);
  lectern_structure_add (unlabelled, 0, 50, LECTERN_STRUCTURE_KIND_PAGE, NULL);
  cite = lectern_structure_cite_pages (unlabelled, 40, 60);
  g_assert_cmpstr (cite, ==, "pp. 1–2");
  g_free (cite);

  /* No page: no citation. */
  lectern_structure_add (none, 0, 50, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
  g_assert_null (lectern_structure_cite_pages (none, 0, 10));
  g_assert_null (lectern_structure_cite_pages (structure, 68, 70));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Structure/round-trip", test_structure_round_trip);
  g_test_add_func ("/Lectern/Structure/refused", test_structure_refused);
  g_test_add_func ("/Lectern/Structure/original", test_original_round_trip);
  g_test_add_func ("/Lectern/Structure/deflated-original", test_deflated_original);
  g_test_add_func ("/Lectern/Structure/undo-delete", test_undo_delete);
  g_test_add_func ("/Lectern/Structure/group", test_group);
  g_test_add_func ("/Lectern/Structure/live-documents", test_live_documents);
  g_test_add_func ("/Lectern/Structure/check", test_check);
  g_test_add_func ("/Lectern/Structure/hostile-original", test_hostile_original);
  g_test_add_func ("/Lectern/Structure/cite-pages", test_cite_pages);

  return g_test_run ();
}
