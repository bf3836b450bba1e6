/* lectern-core-driver.c — a long-lived process that holds a project open,
 * as the app does, and runs every kind of background job beside its own
 * edits, for test-shared-kill.py, which runs lectern-cli beside it and
 * SIGKILLs either side.
 *
 *   lectern-core-driver --project FILE --seed N --folder DIR
 *
 * It opens FILE with lectern_project_open () and keeps that connection for
 * its whole life, like a window. Then, in a random order, forever:
 *   - tags a passage of a random document on that connection
 *     (lectern_project_ensure_tag_path, lectern_project_add_annotation);
 *   - adds a tag;
 *   - runs one background job, each in a worker thread on a connection of
 *     its own, exactly as the app starts them: a comparison
 *     (lectern_compare_documents_async), a "where else" lookup
 *     (lectern_where_async), an export (lectern_export_to_file_async, into
 *     DIR) or an import of a new text file it writes into DIR
 *     (lectern_importer_import_files_async).
 *
 * Each change is printed on stdout, one flushed line, only once it is
 * committed; fields are tab-separated:
 *   ready
 *   tag ID PATH
 *   annotation ID DOC START END PATH
 *   import DOC_ID FILE
 *   job KIND                   (a background job finished)
 * Anything that goes wrong is printed on stderr, and the exit status is 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "lectern-compare.h"
#include "lectern-core.h"
#include "lectern-export.h"
#include "lectern-import.h"

typedef struct
{
  LecternProject *project;
  GFile         *project_file;
  char          *folder;
  GRand         *rand;
  guint          serial;
  gint64         seed;      /* names its files apart from other runs' */
  gboolean       job_done;
  GError        *job_error;
} Driver;

static void G_GNUC_NORETURN
die (const char *what,
     GError     *error)
{
  g_printerr ("lectern-core-driver: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

/* A document of the project, at random; 0 when there is none. */
static LecternDocument *
pick_document (Driver *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) documents = lectern_project_list_documents (d->project, &error);
  guint n;

  if (documents == NULL)
    die ("listing documents", error);
  n = g_list_model_get_n_items (documents);
  if (n == 0)
    return NULL;
  return g_list_model_get_item (documents, g_rand_int_range (d->rand, 0, n));
}

static void
annotate (Driver *d)
{
  g_autoptr(LecternDocument) doc = pick_document (d);
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("Holder/H%d", g_rand_int_range (d->rand, 0, 8));
  glong length, start, end;
  gint64 tag_id;

  if (doc == NULL)
    return;
  length = lectern_document_get_length (doc);
  if (length < 2)
    return;
  start = g_rand_int_range (d->rand, 0, length - 1);
  /* Not inside MIN (): it would draw twice. */
  end = start + g_rand_int_range (d->rand, 1, 200);
  end = MIN (length, end);

  tag = lectern_project_ensure_tag_path (d->project, path, &error);
  if (tag == NULL)
    die ("making a tag", error);
  tag_id = lectern_tag_get_id (tag);
  annotation = lectern_project_add_annotation (d->project, lectern_document_get_id (doc), start, end,
                                              &tag_id, 1, NULL, &error);
  if (annotation == NULL)
    die ("annotating", error);
  say ("annotation\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%ld\t%ld\t%s",
       lectern_annotation_get_id (annotation), lectern_document_get_id (doc), start, end, path);
}

static void
add_tag (Driver *d)
{
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("Holder/T%u-%u", g_rand_int (d->rand) % 100000, ++d->serial);

  tag = lectern_project_ensure_tag_path (d->project, path, &error);
  if (tag == NULL)
    die ("adding a tag", error);
  say ("tag\t%" G_GINT64_FORMAT "\t%s", lectern_tag_get_id (tag), path);
}

static void
compare_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Driver *d = user_data;
  g_autoptr(GArray) chunks = lectern_compare_documents_finish (result, NULL, &d->job_error);

  d->job_done = TRUE;
}

static void
where_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Driver *d = user_data;
  g_autoptr(GArray) places = lectern_where_finish (result, &d->job_error);

  d->job_done = TRUE;
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Driver *d = user_data;

  lectern_export_to_file_finish (result, &d->job_error);
  d->job_done = TRUE;
}

static GListModel *import_results;

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Driver *d = user_data;

  import_results = lectern_importer_import_files_finish (result, &d->job_error);
  d->job_done = TRUE;
}

static void
wait_for_job (Driver     *d,
              const char *kind)
{
  while (!d->job_done)
    g_main_context_iteration (NULL, TRUE);
  d->job_done = FALSE;
  if (d->job_error != NULL)
    die (kind, d->job_error);
  /* What the worker committed, seen by this connection too. */
  lectern_project_refresh (d->project);
  say ("job\t%s", kind);
}

static char *
make_text (Driver *d)
{
  static const char *words[] = {
    "the", "minister", "said", "that", "talks", "on", "security", "would", "go", "on",
    "while", "delegations", "met", "in", "geneva", "to", "settle", "sanctions", "and", "energy",
  };
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_rand_int_range (d->rand, 200, 3000);

  g_string_append_printf (text, "Holder dispatch %u-%u\n\n", g_rand_int (d->rand), ++d->serial);
  for (guint i = 0; i < n; i++)
    {
      g_string_append (text, words[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_c (text, i % 50 == 49 ? '\n' : ' ');
    }
  g_string_append_printf (text, "\nSerial %u.\n", d->serial);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
run_job (Driver *d)
{
  g_autoptr(LecternDocument) a = pick_document (d);
  g_autoptr(LecternDocument) b = pick_document (d);
  g_autoptr(GError) error = NULL;

  if (a == NULL || b == NULL)
    return;

  switch (g_rand_int_range (d->rand, 0, 4))
    {
    case 0:
      lectern_compare_documents_async (d->project_file, lectern_document_get_id (a), lectern_document_get_id (b),
                                       LECTERN_COMPARE_MODE_VERSIONS, 0, NULL, compare_done, d);
      wait_for_job (d, "compare");
      break;
    case 1:
      lectern_where_async (d->project_file, lectern_document_get_id (a), 0,
                           MIN (lectern_document_get_length (a), 400), NULL, where_done, d);
      wait_for_job (d, "where");
      break;
    case 2:
      {
        g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_MARKDOWN);
        g_autofree char *name = g_strdup_printf ("export-%u.md", ++d->serial);
        g_autofree char *path = g_build_filename (d->folder, name, NULL);
        g_autoptr(GFile) dest = g_file_new_for_path (path);

        lectern_export_to_file_async (d->project_file, options, dest, NULL, NULL, NULL, export_done, d);
        wait_for_job (d, "export");
      }
      break;
    default:
      {
        g_autofree char *text = make_text (d);
        g_autofree char *name = g_strdup_printf ("holder-%" G_GINT64_FORMAT "-%u.txt", d->seed, d->serial);
        g_autofree char *path = g_build_filename (d->folder, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);

        if (!g_file_set_contents (path, text, -1, &error))
          die ("writing a file to import", error);
        lectern_importer_import_files_async (d->project_file, &file, 1, NULL, NULL, NULL, import_done, d);
        wait_for_job (d, "import");
        for (guint i = 0; i < g_list_model_get_n_items (import_results); i++)
          {
            g_autoptr(LecternImportResult) r = g_list_model_get_item (import_results, i);

            if (lectern_import_result_get_document_id (r) > 0)
              say ("import\t%" G_GINT64_FORMAT "\t%s", lectern_import_result_get_document_id (r), path);
          }
        g_clear_object (&import_results);
      }
      break;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *project_path = NULL;
  g_autofree char *folder = NULL;
  gint64 seed = 0;
  GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &project_path, "The project", "FILE" },
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, "Where imports and exports go", "DIR" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Random seed", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  Driver d = { 0 };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || project_path == NULL || folder == NULL)
    die ("usage: --project FILE --folder DIR --seed N", error);

  d.project_file = g_file_new_for_path (project_path);
  d.folder = folder;
  d.rand = g_rand_new_with_seed ((guint32) seed);
  d.seed = seed;
  if ((d.project = lectern_project_open (d.project_file, &error)) == NULL)
    die ("opening the project", error);
  say ("ready");

  for (;;)
    {
      guint r = g_rand_int_range (d.rand, 0, 10);

      /* A person's pace, quickened: a writer in a tight loop would starve
       * lectern-cli of the write lock, which no user does. */
      g_usleep (g_rand_int_range (d.rand, 2, 20) * 1000);

      if (r < 5)
        annotate (&d);
      else if (r < 7)
        add_tag (&d);
      else
        run_job (&d);
    }
}
