/* fuzz-common.c — a temporary sample project and other helpers shared by
 * the fuzz targets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "fuzz-common.h"

static char *temp_dir;
static guint temp_serial;

static const char * const sample_texts[][3] = {
  { "Talks in Geneva",
    "en",
    "Talks in Geneva\n"
    "12 November 2021\n\n"
    "The ministers met in Geneva to discuss security in Europe.\n"
    "Question: Will the talks continue?\n"
    "Answer: The talks will continue next week, said the minister.\n" },
  { "Sécurité européenne",
    "fr",
    "Sécurité européenne\n"
    "26 octobre 2025\n\n"
    "Les ministres ont parlé de la sécurité « européenne » à Genève.\n"
    "Question : les négociations vont-elles continuer ?\n"
    "Réponse : l’élève a répondu que oui.\n" },
  { "Marks and scripts",
    NULL,
    /* Combining marks kept decomposed where NFC has no composite, an
     * astral emoji sequence and Hebrew, so offsets are code points. */
    "Marks and scripts\n"
    "q\xcc\x87 and e\xcc\x81\xcc\xa3 stay marked.\n"
    "A family \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 reads.\n"
    "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d means peace.\n" },
};

static void
remove_temp_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (temp_dir == NULL)
    return;
  dir = g_dir_open (temp_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (temp_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (temp_dir);
  g_clear_pointer (&temp_dir, g_free);
}

static void
ensure_temp_dir (void)
{
  g_autoptr(GError) error = NULL;

  if (temp_dir != NULL)
    return;
  temp_dir = g_dir_make_tmp ("lectern-fuzz-XXXXXX", &error);
  if (temp_dir == NULL)
    g_error ("%s", error->message);
  atexit (remove_temp_dir);
}

void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  /* Keep libFuzzer's output readable: an input that is merely refused
   * is not news. */
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
}

char *
fuzz_temp_path (const char *suffix)
{
  g_autofree char *name = NULL;

  ensure_temp_dir ();
  name = g_strdup_printf ("f%u%s", ++temp_serial, suffix);
  return g_build_filename (temp_dir, name, NULL);
}

void
fuzz_remove_project_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

LecternProject *
fuzz_sample_project_new (void)
{
  g_autofree char *path = fuzz_temp_path (".lectern");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) corpus = NULL;
  g_autoptr(LecternTag) tag = NULL;
  gint64 first_id = 0;

  corpus = lectern_project_create (file, &error);
  if (corpus == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < G_N_ELEMENTS (sample_texts); i++)
    {
      g_autoptr(LecternDocument) document = lectern_document_new ();
      g_autofree char *text = lectern_text_normalize (sample_texts[i][2], -1);
      gint64 id;

      lectern_document_set_title (document, sample_texts[i][0]);
      lectern_document_set_language (document, sample_texts[i][1]);
      id = lectern_project_add_document (corpus, document, text, &error);
      if (id == 0)
        g_error ("%s", error->message);
      if (first_id == 0)
        first_id = id;
    }

  tag = lectern_project_ensure_tag_path (corpus, "Security/Europe", &error);
  if (tag == NULL)
    g_error ("%s", error->message);
  {
    gint64 tag_id = lectern_tag_get_id (tag);
    g_autoptr(LecternAnnotation) a =
      lectern_project_add_annotation (corpus, first_id, 4, 10, &tag_id, 1,
                                     "a note", &error);
    if (a == NULL)
      g_error ("%s", error->message);
  }

  return g_steal_pointer (&corpus);
}
