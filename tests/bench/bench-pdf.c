/* bench-pdf.c — PDF import's speed against `pdftotext` (poppler, the
 * library Lectern reads PDF with), measured in the same run on the same
 * files (issue #12: within 1.5×).
 *
 * The PDFs are made here with cairo and Pango, as a word processor would
 * make them: A4 pages with a running header, a page number in the
 * footer, a heading now and then, and body text in two columns.
 *
 * Lectern's figure is lectern_pdf_reader_read() in process (text, reading
 * order, furniture, paragraphs, structure; OCR is not involved: every page
 * has text); the reference is `pdftotext FILE OUT` as a process, so its
 * figure includes a process start-up (a few ms, shown by its run on a
 * one-page file).
 *
 * Usage: bench-pdf [--size smoke|small|full] [--work-dir DIR]
 * The smoke size runs in the test suite ('bench') to keep this program
 * working; it asserts no time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-common.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "lectern-import.h"

typedef struct
{
  const char *name;
  guint       pages;
  guint       repeats;
} Size;

static const Size sizes[] = {
  { "smoke", 3, 1 },
  { "small", 40, 3 },
  { "full", 300, 5 },
};

static const char * const sentences[] = {
  "The ministers met in Vienna on Monday, after a winter of letters that had settled nothing.",
  "Each delegation arrived with instructions that forbade the very concessions the other side required.",
  "On Tuesday the Austrian side proposed a schedule of tariffs on grain, timber and iron.",
  "The proposal was received politely and set aside until the clerks had compared the two schedules.",
  "Historians have since disagreed about who gained more from the treaty signed in April.",
  "Les ministres se sont réunis à Vienne pour discuter des tarifs douaniers sur le grain.",
  "The commission kept its own archive, and its minutes run to eleven volumes.",
  "Most of the complaints came from merchants who thought a tariff had been applied too early.",
};

static void
show (cairo_t    *cr,
      const char *font,
      double      x,
      double      y,
      double      width,
      const char *text,
      double     *height)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  if (height != NULL)
    *height = (double) h / PANGO_SCALE;
  pango_font_description_free (desc);
  g_object_unref (layout);
}

/* @pages A4 pages into @path. */
static void
make_pdf (const char *path,
          guint       pages,
          GRand      *rand)
{
  const double width = 595, height = 842, margin = 60, gutter = 20;
  const double column = (width - 2 * margin - gutter) / 2;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Talks in Vienna");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "Lectern's benchmark");

  for (guint p = 0; p < pages; p++)
    {
      g_autofree char *header = g_strdup_printf ("Journal of Diplomatic History 12 (2024), %u", 101 + p);
      g_autofree char *footer = g_strdup_printf ("%u", 101 + p);
      double top = margin + 30;

      show (cr, "DejaVu Serif Italic 8", margin, margin - 20, width - 2 * margin, header, NULL);
      show (cr, "DejaVu Serif 9", width / 2 - 10, height - margin + 10, 40, footer, NULL);
      if (p % 3 == 0)
        {
          g_autofree char *heading = g_strdup_printf ("Part %u: the negotiations", p / 3 + 1);
          double h;

          show (cr, "DejaVu Serif Bold 14", margin, top, width - 2 * margin, heading, &h);
          top += h + 12;
        }
      for (guint c = 0; c < 2; c++)
        {
          double x = margin + c * (column + gutter);
          double y = top;

          while (TRUE)
            {
              GString *paragraph = g_string_new (NULL);
              guint n = 3 + g_rand_int_range (rand, 0, 5);
              double h;

              for (guint s = 0; s < n; s++)
                g_string_append_printf (paragraph, "%s%s", s > 0 ? " " : "",
                                        sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))]);
              /* Stop before the footer: estimate from a dry run. */
              {
                cairo_surface_t *scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
                cairo_t *dry = cairo_create (scratch);

                show (dry, "DejaVu Serif 10", 0, 0, column, paragraph->str, &h);
                cairo_destroy (dry);
                cairo_surface_destroy (scratch);
              }
              if (y + h > height - margin - 20)
                {
                  g_string_free (paragraph, TRUE);
                  break;
                }
              show (cr, "DejaVu Serif 10", x, y, column, paragraph->str, NULL);
              y += h + 8;
              g_string_free (paragraph, TRUE);
            }
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot write %s: %s", path, cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
}

/* Median ms of lectern_pdf_reader_read() on @path; @chars: its text's. */
static double
time_lectern (const char *path,
              guint       repeats,
              guint      *chars)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *data;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  bytes = g_bytes_new_take (data, length);
  for (guint r = 0; r < repeats; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GPtrArray) extracts = lectern_pdf_reader_read (bytes, path, NULL, &error);
      double ms = (g_get_monotonic_time () - t0) / 1000.0;

      if (extracts == NULL)
        g_error ("%s", error->message);
      *chars = lectern_extract_get_length (g_ptr_array_index (extracts, 0));
      g_array_append_val (times, ms);
    }
  return bench_median (times);
}

/* Median ms of `pdftotext @path OUT`, or -1 without pdftotext. */
static double
time_pdftotext (const char *path,
                const char *out,
                guint       repeats)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *program = g_find_program_in_path ("pdftotext");

  if (program == NULL)
    return -1;
  for (guint r = 0; r < repeats; r++)
    {
      const char *argv[] = { program, path, out, NULL };
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      int status;
      double ms;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                         NULL, NULL, &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        g_error ("pdftotext: %s", error->message);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (times, ms);
    }
  return bench_median (times);
}

static void
row (const char *label,
     const char *path,
     const char *out,
     guint       repeats)
{
  guint chars = 0;
  double lectern = time_lectern (path, repeats, &chars);
  double reference = time_pdftotext (path, out, repeats);

  printf ("| %s | %.1f ms (%u characters) | ", label, lectern, chars);
  if (reference < 0)
    printf ("pdftotext not available | — |\n");
  else
    printf ("%.1f ms pdftotext | %.2f× (%s) |\n", reference, lectern / reference,
            lectern <= 1.5 * reference ? "within 1.5×" : "**slower than 1.5×**");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *work_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  const Size *size = NULL;

  g_autofree char *one = NULL;
  g_autofree char *many = NULL;
  g_autofree char *out = NULL;
  g_autofree char *report = NULL;
  g_autofree char *label = NULL;

  size = &sizes[bench_parse_options (&argc, &argv,
                                    "— PDF import against pdftotext",
                                    "Where the PDFs are made", NULL,
                                    "lectern-bench-pdf", &work_dir)];

  one = g_build_filename (work_dir, "one-page.pdf", NULL);
  many = g_strdup_printf ("%s/%u-pages.pdf", work_dir, size->pages);
  out = g_build_filename (work_dir, "pdftotext.txt", NULL);
  make_pdf (one, 1, rand);
  make_pdf (many, size->pages, rand);

  printf ("| PDF benchmark (%s) | Lectern | Reference | Result |\n", size->name);
  printf ("|---|---|---|---|\n");
  row ("One A4 page, two columns", one, out, size->repeats * 3);
  label = g_strdup_printf ("%u A4 pages, two columns, headers and footers", size->pages);
  row (label, many, out, size->repeats);
  report = g_build_filename (g_getenv ("LECTERN_SOURCE_DIR") ? g_getenv ("LECTERN_SOURCE_DIR") : ".",
                             "tests", "fixtures", "pdf", "report.pdf", NULL);
  if (g_file_test (report, G_FILE_TEST_EXISTS))
    row ("tests/fixtures/pdf/report.pdf (3 A5 pages, LibreOffice)", report, out, size->repeats * 3);
  g_unlink (out);
  return 0;
}
