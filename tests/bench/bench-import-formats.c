/* bench-import-formats.c — importing Word, OpenDocument, web pages and
 * mail, each against a reference measured in the same run on the same
 * files (issue #12):
 *
 *  - DOCX and ODT against `pandoc -t plain`: faster;
 *  - HTML against `pandoc -f html -t plain`: faster;
 *  - a mailbox against the plain-text import of the same messages' bodies:
 *    within 2×.
 *
 * The inputs are made here: N web pages of generated prose (headings,
 * paragraphs, lists, emphasis, a title and an author), turned into Word
 * and OpenDocument files by pandoc, as a user's files come from a writing
 * program; a mailbox of N messages with quoted-printable UTF-8 bodies
 * (English and French), and the same bodies as N .txt files.
 *
 * What is compared, for N files:
 *  - Lectern: lectern_importer_import_files() on the N files, in process,
 *    into a new project: reading, extracting, storing with the full-text
 *    index, fingerprints, and closing the project — what a user's import
 *    of those files does (a row beside it shows the format's reader alone,
 *    no project);
 *  - pandoc: `pandoc -f FORMAT -t plain -o OUT FILE` once per file, as
 *    someone converting the files one by one runs it; its start-up is part
 *    of that cost, so a second row compares one large document, where
 *    start-up hardly counts, and the notes give pandoc's start-up alone;
 *  - mail: the mailbox imported as one file against its N bodies imported
 *    as N .txt files, both by Lectern's importer into a new project.
 * Each figure is the median of the size's repeats.
 *
 * The HTML rows run once the format table (src/import/lectern-format.c)
 * claims .html files; until then they say which reader is missing.
 *
 * Usage: bench-import-formats [--size smoke|small|full] [--work-dir DIR]
 * The smoke size runs in the test suite ('bench') to keep this program
 * working; it asserts no time, but fails when an import fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-common.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "lectern-core.h"
#include "lectern-import.h"

typedef struct
{
  const char *name;
  guint       documents;       /* pages, Word and OpenDocument files */
  guint       paragraphs;      /* in each */
  guint       big_paragraphs;  /* in the one large document */
  guint       messages;        /* in the mailbox */
  guint       repeats;
} Size;

static const Size sizes[] = {
  { "smoke", 3, 12, 60, 10, 1 },
  { "small", 20, 40, 1000, 200, 3 },
  { "full", 100, 40, 4000, 2000, 3 },
};

static const char * const sentences[] = {
  "The ministers met in Vienna on Monday, after a winter of letters that had settled nothing.",
  "Each delegation arrived with instructions that forbade the very concessions the other side required.",
  "On Tuesday the Austrian side proposed a schedule of tariffs on grain, timber and iron.",
  "The proposal was received politely and set aside until the clerks had compared the two schedules.",
  "Historians have since disagreed about who gained more from the treaty signed in April.",
  "Les ministres se sont réunis à Vienne pour discuter des tarifs douaniers sur le grain.",
  "La délégation française a reçu des instructions précises : aucune concession sur le fer.",
  "The commission kept its own archive, and its minutes run to eleven volumes.",
  "Most of the complaints came from merchants who thought a tariff had been applied too early.",
};

static const char *
sentence (GRand *rand)
{
  return sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))];
}

static void
write_or_die (const char *path,
              const char *text,
              gssize      length)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text, length, &error))
    g_error ("%s", error->message);
}

/* ------------------------------------------------------------------ */
/* Inputs                                                              */

/* A web page of @paragraphs paragraphs, document @number. */
static char *
make_html (guint  number,
           guint  paragraphs,
           GRand *rand)
{
  GString *html = g_string_new (NULL);

  g_string_append_printf (html,
                          "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<title>Talks in Vienna, report %u</title>\n"
                          "<meta name=\"author\" content=\"Anna Weber\">\n"
                          "<meta name=\"date\" content=\"2024-04-%02u\">\n</head>\n<body>\n"
                          "<h1>Talks in Vienna, report %u</h1>\n",
                          number, 1 + number % 28, number);
  for (guint p = 0; p < paragraphs; p++)
    {
      guint n = 3 + g_rand_int_range (rand, 0, 5);

      if (p % 8 == 0)
        g_string_append_printf (html, "<h2>Part %u of report %u</h2>\n", p / 8 + 1, number);
      if (p % 10 == 5)
        {
          g_string_append (html, "<ul>\n");
          for (guint i = 0; i < 3; i++)
            g_string_append_printf (html, "<li>%s</li>\n", sentence (rand));
          g_string_append (html, "</ul>\n");
          continue;
        }
      g_string_append (html, "<p>");
      for (guint s = 0; s < n; s++)
        {
          if (s == 1)
            g_string_append_printf (html, " <em>%s</em>", sentence (rand));
          else
            g_string_append_printf (html, "%s%s", s > 0 ? " " : "", sentence (rand));
        }
      g_string_append (html, "</p>\n");
    }
  g_string_append (html, "</body>\n</html>\n");
  return g_string_free (html, FALSE);
}

/* Runs @argv; dies when it fails. */
static void
run_or_die (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);
}

/* @html converted by pandoc to @to (docx, odt) as @path, unless an
 * earlier run of this size made it already (pandoc is slow at it). */
static void
convert (const char *pandoc,
         const char *html,
         const char *to,
         const char *path)
{
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  const char *argv[] = { pandoc, "-f", "html", "-t", to, "-o", partial, html, NULL };

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  run_or_die (argv);
  if (g_rename (partial, path) != 0)
    g_error ("cannot rename %s: %s", partial, g_strerror (errno));
}

/* @text as quoted-printable (RFC 2045), lines of at most 76 characters. */
static void
append_quoted_printable (GString    *out,
                         const char *text)
{
  guint column = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      gboolean literal = (*p >= 33 && *p <= 126 && *p != '=')
                         || (*p == ' ' && p[1] != '\n' && p[1] != '\0');
      guint width = literal ? 1 : 3;

      if (*p == '\n')
        {
          g_string_append_c (out, '\n');
          column = 0;
          continue;
        }
      if (column + width > 75)
        {
          g_string_append (out, "=\n");
          column = 0;
        }
      if (literal)
        g_string_append_c (out, *p);
      else
        g_string_append_printf (out, "=%02X", *p);
      column += width;
    }
}

/* A mailbox of @n messages into @mbox, and their bodies as @n .txt files
 * in @text_dir (@texts: their paths). */
static void
make_mail (const char *mbox,
           const char *text_dir,
           guint       n,
           GRand      *rand,
           GPtrArray  *texts)
{
  g_autoptr(GString) box = g_string_new (NULL);

  g_mkdir_with_parents (text_dir, 0700);
  for (guint m = 0; m < n; m++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      guint paragraphs = 3 + g_rand_int_range (rand, 0, 6);
      g_autofree char *path = g_strdup_printf ("%s/%05u.txt", text_dir, m + 1);

      g_string_append_printf (body, "Dear colleagues,\n\nThe minutes of meeting %u follow.\n", m + 1);
      for (guint p = 0; p < paragraphs; p++)
        {
          guint s_n = 2 + g_rand_int_range (rand, 0, 5);

          g_string_append_c (body, '\n');
          for (guint s = 0; s < s_n; s++)
            g_string_append_printf (body, "%s%s", s > 0 ? " " : "", sentence (rand));
          g_string_append_c (body, '\n');
        }
      g_string_append (body, "\nAnna\n");
      write_or_die (path, body->str, body->len);
      g_ptr_array_add (texts, g_steal_pointer (&path));

      g_string_append_printf (box,
                              "From anna@example.org Mon Jan  6 10:%02u:00 2025\n"
                              "From: Anna Weber <anna@example.org>\n"
                              "To: Commission <commission@example.org>\n"
                              "Subject: Minutes of meeting %u\n"
                              "Date: Mon, 06 Jan 2025 10:%02u:00 +0100\n"
                              "Message-ID: <%u.minutes@example.org>\n"
                              "MIME-Version: 1.0\n"
                              "Content-Type: text/plain; charset=utf-8\n"
                              "Content-Transfer-Encoding: quoted-printable\n\n",
                              m % 60, m + 1, m % 60, m + 1);
      append_quoted_printable (box, body->str);
      g_string_append_c (box, '\n');
    }
  write_or_die (mbox, box->str, box->len);
}

/* ------------------------------------------------------------------ */
/* Timing                                                              */

static void
remove_project (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

/* Median ms of importing @paths into a new project @project_path, from
 * creating it to closing it; dies unless each file gives its documents,
 * @documents in all. */
static double
time_import (const char *project_path,
             GPtrArray  *paths,
             guint       documents,
             guint       repeats)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (paths, i)));
  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LecternProject) corpus = NULL;
      g_autoptr(GListModel) results = NULL;
      gint64 t0;
      double ms;

      remove_project (project_path);
      t0 = g_get_monotonic_time ();
      corpus = lectern_project_create (project, &error);
      if (corpus == NULL)
        g_error ("%s", error->message);
      results = lectern_importer_import_files (corpus, (GFile **) files->pdata, files->len,
                                               NULL, NULL, NULL, &error);
      if (results == NULL)
        g_error ("%s", error->message);
      g_clear_object (&corpus);  /* closing checkpoints the log: part of the work */
      ms = (g_get_monotonic_time () - t0) / 1000.0;

      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(LecternImportResult) result = g_list_model_get_item (results, i);

          if (!lectern_import_result_get_succeeded (result))
            g_error ("%s refused: %s", lectern_import_result_get_display_name (result),
                     lectern_import_result_get_error (result)->message);
        }
      if (g_list_model_get_n_items (results) != documents)
        g_error ("%s: %u documents imported, %u expected", project_path,
                 g_list_model_get_n_items (results), documents);
      g_array_append_val (times, ms);
    }
  remove_project (project_path);
  return bench_median (times);
}

/* Median ms of @format's reader on each of @paths, files read included,
 * no project; @chars: the characters of their texts. */
static double
time_reader (const LecternFormat *format,
             GPtrArray           *paths,
             guint                repeats,
             guint64             *chars)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < repeats; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      *chars = 0;
      for (guint i = 0; i < paths->len; i++)
        {
          const char *path = g_ptr_array_index (paths, i);
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GPtrArray) extracts = NULL;
          char *data;
          gsize length;

          if (!g_file_get_contents (path, &data, &length, &error))
            g_error ("%s", error->message);
          bytes = g_bytes_new_take (data, length);
          extracts = format->read (bytes, path, NULL, &error);
          if (extracts == NULL)
            g_error ("%s", error->message);
          for (guint e = 0; e < extracts->len; e++)
            *chars += lectern_extract_get_length (g_ptr_array_index (extracts, e));
        }
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (times, ms);
    }
  return bench_median (times);
}

/* Median ms of `pandoc -f @from -t plain -o OUT FILE` run on each of
 * @paths in turn, one process each. */
static double
time_pandoc (const char *pandoc,
             const char *from,
             GPtrArray  *paths,
             const char *out,
             guint       repeats)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < repeats; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      for (guint i = 0; i < paths->len; i++)
        {
          const char *argv[] = { pandoc, "-f", from, "-t", "plain", "-o", out,
                                 g_ptr_array_index (paths, i), NULL };

          run_or_die (argv);
        }
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (times, ms);
    }
  g_unlink (out);
  return bench_median (times);
}

static char *
format_ms (double ms)
{
  return ms >= 10000 ? g_strdup_printf ("%.2f s", ms / 1000)
       : ms >= 10 ? g_strdup_printf ("%.0f ms", ms)
       : g_strdup_printf ("%.1f ms", ms);
}

static GPtrArray *
one (const char *path)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (paths, g_strdup (path));
  return paths;
}

/* The rows of one document format (docx, odt, html) against pandoc:
 * @many files, then the one large file @big. */
static void
rows_against_pandoc (const char *label,
                     const char *format_name,
                     const char *pandoc_from,
                     const char *pandoc,
                     GPtrArray  *many,
                     const char *big,
                     const char *work_dir,
                     const Size *size,
                     GPtrArray  *notes)
{
  const LecternFormat *format = lectern_format_lookup (format_name);
  g_autofree char *project = g_strdup_printf ("%s/%s.lectern", work_dir, format_name);
  g_autofree char *out = g_build_filename (work_dir, "pandoc.txt", NULL);
  g_autoptr(GPtrArray) big_paths = one (big);
  struct { GPtrArray *paths; char *what; } sets[] = {
    { many, NULL },
    { big_paths, NULL },
  };
  goffset many_bytes = 0;
  GStatBuf st = { 0 };

  for (guint i = 0; i < many->len; i++)
    if (g_stat (many->pdata[i], &st) == 0)
      many_bytes += st.st_size;
  sets[0].what = g_strdup_printf ("%u %s files of %u paragraphs (%.0f KB in all)", many->len, label,
                                  size->paragraphs, many_bytes / 1024.0);
  st.st_size = 0;
  g_stat (big, &st);
  sets[1].what = g_strdup_printf ("One %s file of %u paragraphs (%.0f KB)", label,
                                  size->big_paragraphs, st.st_size / 1024.0);

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      g_autofree char *what = sets[s].what;
      GPtrArray *paths = sets[s].paths;
      g_autofree char *lectern_ms = NULL;
      g_autofree char *reader_ms = NULL;
      g_autofree char *pandoc_ms = NULL;
      double lectern, reader, reference;
      guint64 chars = 0;

      if (format == NULL
          || lectern_format_detect ((const guint8 *) "", 0, paths->pdata[0]) != format)
        {
          /* Not claimed yet: imported now, it would be plain text, not
           * this format; measuring that would mean nothing. */
          printf ("| %s | not measured: no %s reader in the format table yet "
                  "(lectern_%s_reader_read, src/import/lectern-format.c) | `pandoc -f %s -t plain` | — |\n",
                  what, label, format_name, pandoc_from);
          if (s == 0)
            {
              g_printerr ("bench-import-formats: %s skipped: the %s reader (lectern_%s_reader_read) "
                          "is not in the format table (src/import/lectern-format.c) yet\n",
                          label, label, format_name);
              g_ptr_array_add (notes, g_strdup_printf ("%s: not measured, the %s reader "
                                                       "(lectern_%s_reader_read) is not in the format "
                                                       "table yet; these rows run once it is.",
                                                       label, label, format_name));
            }
          continue;
        }

      lectern = time_import (project, paths, paths->len, size->repeats);
      reader = time_reader (format, paths, size->repeats, &chars);
      lectern_ms = format_ms (lectern);
      reader_ms = format_ms (reader);
      if (pandoc == NULL)
        {
          printf ("| %s | %s import (%" G_GUINT64_FORMAT " characters; reader alone %s) | "
                  "pandoc not available | — |\n", what, lectern_ms, chars, reader_ms);
          continue;
        }
      reference = time_pandoc (pandoc, pandoc_from, paths, out, size->repeats);
      pandoc_ms = format_ms (reference);
      printf ("| %s | %s import (%" G_GUINT64_FORMAT " characters; reader alone %s) | "
              "%s `pandoc -f %s -t plain`%s | %.2f× (%s) |\n",
              what, lectern_ms, chars, reader_ms, pandoc_ms, pandoc_from,
              paths->len > 1 ? ", a process per file" : "", lectern / reference,
              lectern < reference ? "faster" : "**not faster**");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *work_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autofree char *pandoc = g_find_program_in_path ("pandoc");
  g_autoptr(GPtrArray) html = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) docx = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) odt = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *doc_dir = NULL;
  g_autofree char *big_html = NULL;
  g_autofree char *big_docx = NULL;
  g_autofree char *big_odt = NULL;
  g_autofree char *mbox = NULL;
  g_autofree char *text_dir = NULL;
  const Size *size = NULL;

  size = &sizes[bench_parse_options (&argc, &argv,
                                    "— Word, OpenDocument, HTML and mail import against references",
                                    "Where the files are made", NULL,
                                    "lectern-bench-import-formats", &work_dir)];
  doc_dir = g_build_filename (work_dir, "documents", NULL);
  g_mkdir_with_parents (doc_dir, 0700);

  /* The documents: the pages are written each run (the same, from the
   * same seed); pandoc's conversions are kept for the next. */
  for (guint d = 0; d <= size->documents; d++)
    {
      gboolean is_big = d == size->documents;
      g_autofree char *base = is_big ? g_strdup_printf ("%s/big-%u", doc_dir, size->big_paragraphs)
                                     : g_strdup_printf ("%s/%04u-%u", doc_dir, d + 1, size->paragraphs);
      g_autofree char *text = make_html (d + 1, is_big ? size->big_paragraphs : size->paragraphs, rand);
      char *h = g_strconcat (base, ".html", NULL);
      char *w = g_strconcat (base, ".docx", NULL);
      char *o = g_strconcat (base, ".odt", NULL);

      write_or_die (h, text, -1);
      if (pandoc != NULL)
        {
          convert (pandoc, h, "docx", w);
          convert (pandoc, h, "odt", o);
        }
      if (is_big)
        {
          big_html = h;
          big_docx = w;
          big_odt = o;
        }
      else
        {
          g_ptr_array_add (html, h);
          g_ptr_array_add (docx, w);
          g_ptr_array_add (odt, o);
        }
    }
  mbox = g_strdup_printf ("%s/minutes-%u.mbox", work_dir, size->messages);
  text_dir = g_strdup_printf ("%s/bodies-%u", work_dir, size->messages);
  make_mail (mbox, text_dir, size->messages, rand, texts);

  printf ("| Import benchmark (%s) | Lectern | Reference | Result |\n", size->name);
  printf ("|---|---|---|---|\n");
  if (pandoc != NULL)
    {
      rows_against_pandoc ("Word", "docx", "docx", pandoc, docx, big_docx, work_dir, size, notes);
      rows_against_pandoc ("OpenDocument", "odt", "odt", pandoc, odt, big_odt, work_dir, size, notes);
    }
  else
    {
      printf ("| Word and OpenDocument | not measured: pandoc, which makes their files, is not installed | — | — |\n");
      g_ptr_array_add (notes, g_strdup ("Word and OpenDocument: not measured, pandoc is not installed."));
    }
  rows_against_pandoc ("HTML", "html", "html", pandoc, html, big_html, work_dir, size, notes);

  /* Mail: the mailbox as one file against its bodies as text files. */
  {
    g_autofree char *project = g_build_filename (work_dir, "mail.lectern", NULL);
    g_autoptr(GPtrArray) box = one (mbox);
    g_autofree char *mail_ms = NULL;
    g_autofree char *text_ms = NULL;
    GStatBuf st = { 0 };
    double mail, text;

    mail = time_import (project, box, size->messages, size->repeats);
    text = time_import (project, texts, texts->len, size->repeats);
    mail_ms = format_ms (mail);
    text_ms = format_ms (text);
    g_stat (mbox, &st);
    printf ("| A mailbox of %u messages (%.0f KB), quoted-printable UTF-8 bodies | %s import "
            "| %s import of the %u bodies as .txt files | %.2f× (%s) |\n",
            size->messages, st.st_size / 1024.0, mail_ms, text_ms, texts->len, mail / text,
            mail <= 2 * text ? "within 2×" : "**slower than 2×**");
  }

  /* pandoc's start-up, for reading the per-file rows. */
  if (pandoc != NULL)
    {
      g_autofree char *tiny = g_build_filename (work_dir, "tiny.html", NULL);
      g_autofree char *out = g_build_filename (work_dir, "pandoc.txt", NULL);
      g_autoptr(GPtrArray) tiny_paths = one (tiny);
      g_autofree char *startup = NULL;

      write_or_die (tiny, "<p>Lectern</p>\n", -1);
      startup = format_ms (time_pandoc (pandoc, "html", tiny_paths, out, size->repeats * 3));
      g_ptr_array_add (notes, g_strdup_printf ("pandoc's start-up: `pandoc -f html -t plain` on a "
                                               "one-paragraph page takes %s.", startup));
    }

  if (notes->len > 0)
    {
      printf ("\n");
      for (guint i = 0; i < notes->len; i++)
        printf ("- %s\n", (const char *) notes->pdata[i]);
    }
  return 0;
}
