/* test-reference-corpus.c — the five reference documents import right.
 *
 * The reference corpus is not part of the project: these tests read it
 * from $LECTERN_SHARED_CORPUS and skip when it is absent. Expected titles
 * are taken from the files themselves (which line is the title), so no
 * reference text is copied here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-import.h"

typedef struct
{
  const char *name;
  guint       title_line;       /* 0-based line of the file that is the title */
  gboolean    drop_full_stop;   /* that line ends a sentence */
  const char *language;
  const char *date;
} Seed;

static const Seed seeds[] = {
  /* A picture credit above the headline; the recording date in it. */
  { "000_5a0aae566ddf339d.txt", 1, TRUE, "en", "2025-11-21" },
  /* A logo line above; the date glued to the source name. */
  { "001_1323093bd1647bf0.txt", 1, FALSE, "en", "2025-04-26" },
  { "002_8da1b4e8d23f4c09.txt", 0, FALSE, "fr", "2025-10-26" },
  /* The date inside the title. */
  { "003_86ac304ce4b71828.txt", 0, FALSE, "en", "2021-11-12" },
  /* Breadcrumbs above; no full date near the top. */
  { "004_fd5111767d5f926c.txt", 2, FALSE, "en", NULL },
};

static const char *
corpus_dir (void)
{
  const char *dir = g_getenv ("LECTERN_SHARED_CORPUS");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;

  return dir;
}

static GFile *
seed_file (const Seed *seed)
{
  return g_file_new_build_filename (corpus_dir (), seed->name, NULL);
}

/* Stored text by the definition, computed independently of the decoder:
 * the seeds are UTF-8; drop a BOM, turn CRLF and CR into LF, NFC. */
static char *
expected_text (const Seed *seed)
{
  g_autofree char *path = g_build_filename (corpus_dir (), seed->name, NULL);
  g_autoptr(GString) lf = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  const char *p;
  gsize len;

  g_file_get_contents (path, &raw, &len, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate_len (raw, len, NULL));

  p = g_str_has_prefix (raw, "\xef\xbb\xbf") ? raw + 3 : raw;
  for (; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (lf, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (lf, *p);
    }

  return g_utf8_normalize (lf->str, lf->len, G_NORMALIZE_NFC);
}

static char *
expected_title (const Seed *seed,
                const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", seed->title_line + 2);
  char *title = g_strstrip (g_strdup (lines[seed->title_line]));

  if (seed->drop_full_stop)
    {
      g_assert_true (g_str_has_suffix (title, "."));
      title[strlen (title) - 1] = '\0';
    }

  return title;
}

static gboolean
skip_without_corpus (void)
{
  if (corpus_dir () != NULL)
    return FALSE;

  g_test_skip ("The reference corpus is not here: set LECTERN_SHARED_CORPUS to its seeds/ folder");
  return TRUE;
}

static void
test_read (void)
{
  if (skip_without_corpus ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      const Seed *seed = &seeds[i];
      g_autoptr(GFile) file = seed_file (seed);
      g_autoptr(LecternDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *expected = expected_text (seed);
      g_autofree char *title = NULL;

      g_test_message ("%s", seed->name);
      document = lectern_importer_read_file (file, &text, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, expected);

      title = expected_title (seed, text);
      g_assert_cmpstr (lectern_document_get_title (document), ==, title);
      g_assert_cmpstr (lectern_document_get_language (document), ==, seed->language);
      g_assert_cmpstr (lectern_document_get_date (document), ==, seed->date);
      g_assert_cmpstr (lectern_document_get_encoding (document), ==, "UTF-8");
      g_assert_cmpstr (lectern_document_get_original_name (document), ==, seed->name);
    }
}

static void
test_import (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) project = NULL;
  g_autoptr(LecternProject) corpus = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (skip_without_corpus ())
    return;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  path = g_build_filename (g_get_user_data_dir (), "reference.lectern", NULL);
  project = g_file_new_for_path (path);
  corpus = lectern_project_create (project, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    g_ptr_array_add (files, seed_file (&seeds[i]));

  results = lectern_importer_import_files (corpus, (GFile **) files->pdata, files->len,
                                           NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, G_N_ELEMENTS (seeds));

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      const Seed *seed = &seeds[i];
      g_autoptr(LecternImportResult) result = g_list_model_get_item (results, i);
      g_autoptr(LecternDocument) document = NULL;
      g_autofree char *expected = expected_text (seed);
      g_autofree char *title = NULL;
      g_autofree char *text = NULL;
      gint64 id;

      g_test_message ("%s", seed->name);
      g_assert_no_error ((GError *) lectern_import_result_get_error (result));
      id = lectern_import_result_get_document_id (result);
      g_assert_cmpint (id, >, 0);

      /* Given back exactly: a file without a final newline stays so. */
      text = lectern_project_dup_text (corpus, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, expected);
      g_assert_cmpint (lectern_text_length (text), ==, g_utf8_strlen (expected, -1));

      document = lectern_project_dup_document (corpus, id, &error);
      g_assert_no_error (error);
      title = expected_title (seed, text);
      g_assert_cmpstr (lectern_document_get_title (document), ==, title);
      g_assert_cmpstr (lectern_document_get_language (document), ==, seed->language);
      g_assert_cmpstr (lectern_document_get_date (document), ==, seed->date);
      g_assert_cmpstr (lectern_document_get_original_name (document), ==, seed->name);
      g_assert_cmpstr (lectern_document_get_encoding (document), ==, "UTF-8");
    }

  /* A second import of the same files is reported, not duplicated. */
  g_clear_object (&results);
  results = lectern_importer_import_files (corpus, (GFile **) files->pdata, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(LecternImportResult) again = g_list_model_get_item (results, 0);

    g_assert_error ((GError *) lectern_import_result_get_error (again),
                    LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DUPLICATE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/ReferenceCorpus/read", test_read);
  g_test_add_func ("/Lectern/ReferenceCorpus/import", test_import);

  return g_test_run ();
}
