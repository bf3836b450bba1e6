/* test-export-dialog.c — the export dialog in a real window: each format
 * chosen and run to a file, filters, remembered settings; printing to PDF
 * through the print operation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-export-dialog.h"
#include "lectern-print-operation.h"

#define TEXT_A \
  "The Treaty of the River\n\nThe delegations met in Geneva for the final round of talks. " \
  "Both sides agreed that the water would be shared by season.\n\n" \
  "Critics in the delta said the accord came too late for the farmers.\n"
#define TEXT_B "A second document, dated later, about the <b>commission</b> & its readings.\n"

typedef struct
{
  GFile         *file;
  LecternProject *project;
  gint64         doc_a;
  gint64         doc_b;
  gint64         tag_id;
} Fixture;


static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "export.lectern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternDocument) a = lectern_document_new ();
  g_autoptr(LecternDocument) b = lectern_document_new ();
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternTag) other = NULL;
  g_autoptr(LecternAnnotation) a1 = NULL;
  g_autoptr(LecternAnnotation) a2 = NULL;
  gint64 other_id;
  glong critics = g_utf8_pointer_to_offset (TEXT_A, strstr (TEXT_A, "Critics"));
  glong commission = g_utf8_pointer_to_offset (TEXT_B, strstr (TEXT_B, "about"));

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  f->file = g_file_new_for_path (path);
  f->project = lectern_project_create (f->file, &error);
  g_assert_no_error (error);

  lectern_document_set_title (a, "The Treaty of the River");
  lectern_document_set_date (a, "2021-08-14");
  f->doc_a = lectern_project_add_document (f->project, a, TEXT_A, &error);
  g_assert_no_error (error);
  lectern_document_set_title (b, "Readings");
  lectern_document_set_date (b, "2022-03-01");
  f->doc_b = lectern_project_add_document (f->project, b, TEXT_B, &error);
  g_assert_no_error (error);

  tag = lectern_project_ensure_tag_path (f->project, "Reception/Criticism", &error);
  g_assert_no_error (error);
  f->tag_id = lectern_tag_get_id (tag);
  other = lectern_project_ensure_tag_path (f->project, "Institutions", &error);
  g_assert_no_error (error);
  other_id = lectern_tag_get_id (other);

  a1 = lectern_project_add_annotation (f->project, f->doc_a, critics, critics + 30, &f->tag_id, 1,
                                      "Too late: the harvest was lost.", &error);
  g_assert_no_error (error);
  a2 = lectern_project_add_annotation (f->project, f->doc_b, commission, commission + 20, &other_id, 1, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  g_clear_object (&f->file);
}

static LecternExportDialog *
open_dialog (Fixture *f)
{
  LecternExportDialog *dialog = lectern_export_dialog_new (NULL, f->project, f->doc_a);

  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  return dialog;
}

static void
finished_cb (LecternExportDialog *dialog,
             gboolean             ok,
             int                 *result)
{
  *result = ok ? 1 : 0;
}

/* Runs the dialog's export to @name in the data dir; returns the file's
 * contents. */
static char *
run_export (LecternExportDialog *dialog,
            const char          *name,
            gsize               *length)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  int result = -1;
  gulong handler;

  lectern_export_dialog_set_destination (dialog, dest);
  handler = g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &result);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL));
  g_assert_true (lectern_export_dialog_get_busy (dialog));
  WAIT_UNTIL (result != -1);
  g_signal_handler_disconnect (dialog, handler);
  g_assert_cmpint (result, ==, 1);
  g_assert_false (lectern_export_dialog_get_busy (dialog));

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (*length, >, 0);
  return contents;
}

static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  LecternExportDialog *dialog = open_dialog (f);
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *qdpx = NULL;
  g_autofree char *pdf = NULL;
  gsize length;

  /* The default destination takes the format's extension. */
  lectern_export_dialog_set_format (dialog, LECTERN_EXPORT_FORMAT_HTML);
  g_assert_nonnull (lectern_export_dialog_get_destination (dialog));
  g_assert_true (g_str_has_suffix (g_file_peek_path (lectern_export_dialog_get_destination (dialog)), ".html"));

  lectern_export_dialog_set_format (dialog, LECTERN_EXPORT_FORMAT_MARKDOWN);
  markdown = run_export (dialog, "notes.md", &length);
  g_assert_nonnull (strstr (markdown, "> "));
  g_assert_nonnull (strstr (markdown, "Too late: the harvest was lost."));
  g_assert_nonnull (strstr (markdown, "The Treaty of the River"));

  lectern_export_dialog_set_format (dialog, LECTERN_EXPORT_FORMAT_HTML);
  html = run_export (dialog, "notes.html", &length);
  g_assert_nonnull (strstr (html, "<html"));
  /* Document text is escaped, never markup. */
  g_assert_null (strstr (html, "<b>commission</b>"));

  lectern_export_dialog_set_format (dialog, LECTERN_EXPORT_FORMAT_CSV);
  csv = run_export (dialog, "notes.csv", &length);
  g_assert_nonnull (strchr (csv, ','));
  g_assert_nonnull (strstr (csv, "Reception/Criticism"));

  lectern_export_dialog_set_format (dialog, LECTERN_EXPORT_FORMAT_JSON);
  json = run_export (dialog, "notes.jsonld", &length);
  g_assert_true (g_str_has_prefix (g_strchug (json), "{"));
  g_assert_nonnull (strstr (json, "@context"));
  g_assert_nonnull (strstr (json, "AnnotationCollection"));

  lectern_export_dialog_set_format (dialog, LECTERN_EXPORT_FORMAT_QDPX);
  qdpx = run_export (dialog, "project.qdpx", &length);
  g_assert_true (length > 4 && memcmp (qdpx, "PK\003\004", 4) == 0);

  lectern_export_dialog_set_format (dialog, LECTERN_EXPORT_FORMAT_PDF);
  pdf = run_export (dialog, "notes.pdf", &length);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  /* The last format and folder are remembered. */
  {
    g_autofree char *format = g_settings_get_string (lectern_settings (), "export-format");
    g_autofree char *folder = g_settings_get_string (lectern_settings (), "export-folder");

    g_assert_cmpstr (format, ==, "pdf");
    g_assert_cmpstr (folder, ==, g_get_user_data_dir ());
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_drain ();

  /* A new dialog starts from the remembered format. */
  dialog = open_dialog (f);
  g_assert_cmpint (lectern_export_dialog_get_format (dialog), ==, LECTERN_EXPORT_FORMAT_PDF);
  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_drain ();
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  LecternExportDialog *dialog = open_dialog (f);
  g_autoptr(LecternExportOptions) options = NULL;
  g_autofree char *csv = NULL;
  const gint64 *ids;
  guint n = 0;
  gsize length;

  /* Current document only, tag Reception (with sub-tags). */
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), LECTERN_TYPE_EXPORT_DIALOG, "documents_row")), 1);
  options = lectern_export_dialog_dup_options (dialog);
  ids = lectern_export_options_get_document_ids (options, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, f->doc_a);

  lectern_export_dialog_set_format (dialog, LECTERN_EXPORT_FORMAT_CSV);
  csv = run_export (dialog, "current.csv", &length);
  g_assert_nonnull (strstr (csv, "Reception/Criticism"));
  g_assert_null (strstr (csv, "Institutions"));

  /* A bad date is refused before anything runs. */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), LECTERN_TYPE_EXPORT_DIALOG, "date_from_row")), "14/08/2021");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL);
  g_assert_false (lectern_export_dialog_get_busy (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_drain ();
}

/* A passage of a paged source is cited by its page in what the dialog
 * writes. */
static void
test_cites_pages (Fixture       *f,
                  gconstpointer  data)
{
  LecternExportDialog *dialog = NULL;
  g_autoptr(GArray) structure = lectern_structure_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *csv = NULL;
  glong critics = g_utf8_pointer_to_offset (TEXT_A, strstr (TEXT_A, "Critics"));
  gsize length;

  lectern_structure_add (structure, 0, critics, LECTERN_STRUCTURE_KIND_PAGE, "11");
  lectern_structure_add (structure, critics, g_utf8_strlen (TEXT_A, -1), LECTERN_STRUCTURE_KIND_PAGE, "12");
  g_assert_true (lectern_project_set_document_structure (f->project, f->doc_a, structure, &error));
  g_assert_no_error (error);

  dialog = open_dialog (f);
  lectern_export_dialog_set_format (dialog, LECTERN_EXPORT_FORMAT_MARKDOWN);
  markdown = run_export (dialog, "paged.md", &length);
  g_assert_nonnull (strstr (markdown, "\n— The Treaty of the River, 14 August 2021, p. 12, ¶ 3\n"));
  lectern_export_dialog_set_format (dialog, LECTERN_EXPORT_FORMAT_CSV);
  csv = run_export (dialog, "paged.csv", &length);
  g_assert_nonnull (strstr (csv, ",pages,speaker,time,document_version\r\n"));
  g_assert_nonnull (strstr (csv, ",p. 12,,,1\r\n"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  app_test_drain ();
}

static void
test_print_to_pdf (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "printed.pdf", NULL);
  g_autoptr(LecternPrintOperation) operation = lectern_print_operation_new (f->project, f->doc_a);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!app_test_init_gtk ())
    return APP_TEST_SKIP;

  g_test_add ("/Lectern/ExportDialog/formats", Fixture, NULL, fixture_set_up, test_formats, fixture_tear_down);
  g_test_add ("/Lectern/ExportDialog/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/Lectern/ExportDialog/cites-pages", Fixture, NULL, fixture_set_up, test_cites_pages, fixture_tear_down);
  g_test_add ("/Lectern/ExportDialog/print-to-pdf", Fixture, NULL, fixture_set_up, test_print_to_pdf, fixture_tear_down);

  return g_test_run ();
}
