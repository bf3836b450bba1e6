/* lectern-pdf-reader.c — a PDF's text as a researcher would quote it
 * (lectern-format-readers.h).
 *
 * poppler gives each page's lines with the box and font size of every
 * character; lectern-pdf-layout.c does the rest: page furniture away,
 * columns one after the other, paragraphs joined, hyphens mended,
 * headings and footnotes told apart. Pages without a text layer are read
 * by Tesseract where it was built in and its language data is installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#ifdef HAVE_TESSERACT
#include <cairo.h>
#include <tesseract/capi.h>
#endif

#include "lectern-import.h"
#include "lectern-pdf-layout.h"
#include "lectern-pdf-reader-private.h"

/* Bounds on what one file may make us do. */
#define MAX_PAGES 5000
#define MAX_PAGE_CHARS (1 << 20)
/* All pages together: a small PDF can draw the same text thousands of
 * times (a form on every page); no more text than the plain-text
 * importer takes (LECTERN_TEXT_DECODER_MAX_SIZE) in characters. */
#define MAX_TOTAL_CHARS LECTERN_TEXT_DECODER_MAX_SIZE
#define MAX_OCR_PAGES 100
/* Seconds of OCR for one file, at most; the pages left are named. */
#define MAX_OCR_SECONDS 600
#define OCR_DPI 300
/* Pixels on a rendered page's longer side, at most. */
#define MAX_OCR_SIDE 8000

static gboolean ocr_enabled = TRUE;
static guint max_pages = MAX_PAGES;
static gsize max_total_chars = MAX_TOTAL_CHARS;

void
_lectern_pdf_reader_set_limits (guint pages,
                                gsize chars)
{
  max_pages = pages > 0 ? pages : MAX_PAGES;
  max_total_chars = chars > 0 ? chars : MAX_TOTAL_CHARS;
}

static int
compare_double (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

void
_lectern_pdf_reader_set_ocr_enabled (gboolean enabled)
{
  ocr_enabled = enabled;
}

/* ------------------------------------------------------------------ */
/* A page's lines from poppler                                         */

/* The font size of each character of the page's text. */
static double *
char_sizes (PopplerPage *page,
            guint        n_chars)
{
  double *sizes = g_new0 (double, MAX (n_chars, 1));
  GList *attributes = poppler_page_get_text_attributes (page);

  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;

      for (int i = MAX (a->start_index, 0); i <= a->end_index && i < (int) n_chars; i++)
        sizes[i] = a->font_size;
    }
  poppler_page_free_text_attributes (attributes);
  return sizes;
}

/* The size most of @n characters from @sizes have (by count): sorted,
 * the longest run of sizes within a quarter point. */
static double
common_size (double *sizes,
             guint   n)
{
  double best = 0;
  guint best_count = 0;

  g_qsort_with_data (sizes, n, sizeof (double), compare_double, NULL);
  for (guint i = 0, j = 0; i < n; i = j)
    {
      while (j < n && sizes[j] - sizes[i] < 0.25)
        j++;
      if (sizes[i] > 0 && j - i > best_count)
        {
          best_count = j - i;
          best = sizes[i];
        }
      j = MAX (j, i + 1);
    }
  return best;
}

static void
add_line (LecternPdfPage         *out,
          GString                *text,
          const PopplerRectangle *rects,
          const double           *sizes,
          const gboolean         *spaces,
          guint                   first,
          guint                   n)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  g_autofree double *ink_sizes = g_new0 (double, MAX (n, 1));
  guint n_ink = 0;

  for (guint i = 0; i < n; i++)
    {
      const PopplerRectangle *r = &rects[first + i];

      if (spaces[first + i])
        continue;
      x1 = MIN (x1, MIN (r->x1, r->x2));
      x2 = MAX (x2, MAX (r->x1, r->x2));
      y1 = MIN (y1, MIN (r->y1, r->y2));
      y2 = MAX (y2, MAX (r->y1, r->y2));
      ink_sizes[n_ink++] = sizes[first + i];
    }
  g_strstrip (text->str);
  text->len = strlen (text->str);
  if (n_ink == 0 || text->len == 0)
    return;
  g_ptr_array_add (out->lines,
                   lectern_pdf_line_new (text->str, x1, y1, x2, y2,
                                         common_size (ink_sizes, n_ink)));
}

static const char * const ligatures[] = { "ff", "fi", "fl", "ffi", "ffl", "st", "st" };

/* The lines poppler finds on @page, each with its box and size. */
static LecternPdfPage *
read_page (PopplerPage *page,
           gsize       *total)
{
  double width, height;
  LecternPdfPage *out;
  g_autofree char *text = NULL;
  g_autofree PopplerRectangle *rects = NULL;
  g_autofree double *sizes = NULL;
  g_autofree gboolean *spaces = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  guint n_rects = 0;
  guint n_chars;
  guint first = 0;
  guint i = 0;
  const char *p;

  poppler_page_get_size (page, &width, &height);
  out = lectern_pdf_page_new (width, height);

  text = poppler_page_get_text (page);
  if (text == NULL || !g_utf8_validate (text, -1, NULL)
      || !poppler_page_get_text_layout (page, &rects, &n_rects))
    return out;
  n_chars = MIN (g_utf8_strlen (text, -1), n_rects);
  n_chars = MIN (n_chars, MAX_PAGE_CHARS);
  *total += n_chars;
  sizes = char_sizes (page, n_chars);
  spaces = g_new0 (gboolean, MAX (n_chars, 1));

  for (p = text; i < n_chars; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r')
        {
          add_line (out, line, rects, sizes, spaces, first, i - first);
          g_string_truncate (line, 0);
          first = i + 1;
          continue;
        }
      spaces[i] = g_unichar_isspace (c) || c == 0xFFFD || g_unichar_iscntrl (c);
      if (g_unichar_isspace (c))
        {
          /* poppler puts a space where the font changes, even with no
           * gap: before a superscript footnote mark it would part the
           * mark from its word ("it. 1"). */
          gboolean before_superscript = i > first && i + 1 < n_chars
                                        && sizes[i + 1] > 0 && sizes[i + 1] < 0.8 * sizes[i - 1]
                                        && fabs (rects[i].x2 - rects[i].x1) < 0.2 * sizes[i - 1];

          if (!before_superscript)
            g_string_append_c (line, ' ');
        }
      else if (c >= 0xFB00 && c <= 0xFB06)
        /* Ligatures as the letters they join: NFC keeps "ﬁ", and a
         * search for "find" would not find "ﬁnd". */
        g_string_append (line, ligatures[c - 0xFB00]);
      else if (!g_unichar_iscntrl (c))
        g_string_append_unichar (line, c);
    }
  add_line (out, line, rects, sizes, spaces, first, i - first);
  return out;
}

/* ------------------------------------------------------------------ */
/* Pages without text: Tesseract                                       */

#ifdef HAVE_TESSERACT
static TessBaseAPI *
ocr_open (void)
{
  TessBaseAPI *api = TessBaseAPICreate ();

  /* French beside English when its data is there: the corpora Lectern
   * is made for mix them. */
  if (TessBaseAPIInit3 (api, NULL, "eng+fra") != 0
      && TessBaseAPIInit3 (api, NULL, "eng") != 0)
    {
      TessBaseAPIDelete (api);
      return NULL;
    }
  return api;
}

/* Renders @page at OCR_DPI and adds what Tesseract reads to @out. */
static gboolean
ocr_page (TessBaseAPI    *api,
          PopplerPage    *page,
          LecternPdfPage *out)
{
  double scale = OCR_DPI / 72.0;
  int w, h;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree guint8 *grey = NULL;
  const guint8 *data;
  int stride;
  TessResultIterator *it;
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  double median;

  if (out->width <= 0 || out->height <= 0)
    return FALSE;
  scale = MIN (scale, MAX_OCR_SIDE / MAX (out->width, out->height));
  w = MAX (1, (int) ceil (out->width * scale));
  h = MAX (1, (int) ceil (out->height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Tesseract reads 8-bit grey best. */
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  grey = g_malloc ((gsize) w * h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4);
        guint r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

        grey[(gsize) y * w + x] = (r * 299 + g * 587 + b * 114) / 1000;
      }
  cairo_surface_destroy (surface);

  TessBaseAPISetImage (api, grey, w, h, 1, w);
  TessBaseAPISetSourceResolution (api, (int) round (scale * 72));
  if (TessBaseAPIRecognize (api, NULL) != 0)
    return FALSE;

  it = TessBaseAPIGetIterator (api);
  if (it != NULL)
    {
      TessPageIterator *pit = TessResultIteratorGetPageIterator (it);

      do
        {
          char *text = TessResultIteratorGetUTF8Text (it, RIL_TEXTLINE);
          int left, top, right, bottom;

          if (text != NULL && TessPageIteratorBoundingBox (pit, RIL_TEXTLINE, &left, &top, &right, &bottom))
            {
              g_autofree char *clean = g_strstrip (g_strdup (text));

              if (*clean != '\0' && g_utf8_validate (clean, -1, NULL))
                {
                  double height = (bottom - top) / scale;

                  g_array_append_val (heights, height);
                  g_ptr_array_add (out->lines,
                                   lectern_pdf_line_new (clean, left / scale, top / scale,
                                                         right / scale, bottom / scale, height));
                }
            }
          if (text != NULL)
            TessDeleteText (text);
        }
      while (TessPageIteratorNext (pit, RIL_TEXTLINE));
      TessResultIteratorDelete (it);
    }

  /* A recognised line's box depends on its letters (ascenders,
   * descenders), not only on its font: one size for all, so that none
   * is taken for a heading or a footnote by chance; the body's size
   * where the document has pages with text (lectern_pdf_layout_study()). */
  out->recognised = TRUE;
  if (heights->len > 0)
    {
      g_array_sort_with_data (heights, compare_double, NULL);
      median = g_array_index (heights, double, heights->len / 2);
      for (guint i = 0; i < out->lines->len; i++)
        ((LecternPdfLine *) g_ptr_array_index (out->lines, i))->size = median;
    }
  return TRUE;
}
#endif

/* ------------------------------------------------------------------ */
/* Metadata                                                            */

/* Titles that producers write for the user: "Microsoft Word - x.docx",
 * "untitled", a file's name. */
gboolean
_lectern_pdf_reader_is_junk_title (const char *title,
               const char *display_name)
{
  static const char * const extensions[] = {
    ".doc", ".docx", ".odt", ".rtf", ".txt", ".pdf", ".tex", ".dvi", ".ps",
    ".indd", ".qxd", ".pages", ".html", ".htm", ".md", ".wpd",
  };
  g_autofree char *down = NULL;
  g_autofree char *stripped = NULL;

  stripped = g_strstrip (g_strdup (title));
  if (*stripped == '\0')
    return TRUE;
  down = g_utf8_strdown (stripped, -1);
  if (g_str_has_prefix (down, "microsoft word") || g_str_has_prefix (down, "microsoft powerpoint")
      || g_str_has_prefix (down, "untitled") || g_str_has_prefix (down, "sans titre")
      || g_str_equal (down, "title") || g_str_equal (down, "document"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (down, extensions[i]))
      return TRUE;
  if (display_name != NULL)
    {
      g_autofree char *name = g_utf8_strdown (display_name, -1);
      char *dot = strrchr (name, '.');

      if (g_str_equal (down, name))
        return TRUE;
      if (dot != NULL)
        *dot = '\0';
      if (g_str_equal (down, name))
        return TRUE;
    }
  return FALSE;
}

static void
read_metadata (PopplerDocument *document,
               const char      *display_name,
               LecternExtract  *extract)
{
  g_autofree char *title = poppler_document_get_title (document);
  g_autofree char *author = poppler_document_get_author (document);
  g_autoptr(GDateTime) created = poppler_document_get_creation_date_time (document);

  if (title != NULL && g_utf8_validate (title, -1, NULL) && !_lectern_pdf_reader_is_junk_title (title, display_name))
    lectern_extract_set_title (extract, g_strstrip (title));
  if (author != NULL && g_utf8_validate (author, -1, NULL) && *g_strstrip (author) != '\0')
    lectern_extract_set_author (extract, author);
  if (created != NULL)
    {
      g_autofree char *date = g_date_time_format (created, "%Y-%m-%d");

      lectern_extract_set_date (extract, date);
    }
}

/* ------------------------------------------------------------------ */
/* The reader                                                          */

/* "1", "1–3", "1–3, 7": pages (indices from 0) as a person counts them. */
static char *
format_pages (GArray *indices)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < indices->len;)
    {
      guint first = g_array_index (indices, guint, i);
      guint last = first;

      while (i + 1 < indices->len && g_array_index (indices, guint, i + 1) == last + 1)
        last = g_array_index (indices, guint, ++i);
      i++;
      if (out->len > 0)
        g_string_append (out, ", ");
      if (last > first)
        g_string_append_printf (out, "%u–%u", first + 1, last + 1);
      else
        g_string_append_printf (out, "%u", first + 1);
    }
  return g_string_free (out, FALSE);
}

static LecternStructureKind
structure_kind (LecternPdfBlockKind kind)
{
  switch (kind)
    {
    case LECTERN_PDF_BLOCK_HEADING:
      return LECTERN_STRUCTURE_KIND_HEADING;
    case LECTERN_PDF_BLOCK_FOOTNOTE:
      return LECTERN_STRUCTURE_KIND_FOOTNOTE;
    case LECTERN_PDF_BLOCK_LIST_ITEM:
      return LECTERN_STRUCTURE_KIND_LIST_ITEM;
    case LECTERN_PDF_BLOCK_PARAGRAPH:
    default:
      return LECTERN_STRUCTURE_KIND_PARAGRAPH;
    }
}

/* The label a page is cited by: the one the PDF declares, else the number
 * printed on it, else its place in the file. poppler gives the place as
 * the label when the PDF declares none, so a label that is only the
 * place gives way to a printed number. */
static char *
page_label (const char     *declared,
            guint           index,
            LecternPdfPage *read)
{
  g_autofree char *label = g_strdup (declared);
  g_autofree char *place = g_strdup_printf ("%u", index + 1);

  if (label != NULL && *label != '\0' && g_utf8_validate (label, -1, NULL)
      && (!g_str_equal (label, place) || read->printed == NULL))
    return g_steal_pointer (&label);
  if (read->printed != NULL)
    return g_strdup (read->printed);
  return g_steal_pointer (&place);
}

static void
unref_page (gpointer page)
{
  if (page != NULL)
    g_object_unref (page);
}

GPtrArray *
lectern_pdf_reader_read (GBytes        *bytes,
                         const char    *display_name,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GObject) document_object = NULL;
  PopplerDocument *document;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LecternExtract) extract = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) poppler_pages = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GArray) textless = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) recognised = g_array_new (FALSE, FALSE, sizeof (guint));
  LecternPdfDocumentStyle style;
  g_autoptr(GPtrArray) page_blocks = NULL;
  GPtrArray *result;
  g_autofree char *title_guess = NULL;
  guint title_level = G_MAXUINT;
  int n_pages;
  gsize total_chars = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_ENCRYPTED,
                     _("“%s” is protected by a password: open it in a PDF viewer, save a copy without the password, and import that"),
                     display_name);
      else
        g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DAMAGED,
                     _("“%s” cannot be read as a PDF: %s"), display_name,
                     local_error != NULL ? local_error->message : _("unknown error"));
      return NULL;
    }
  /* poppler-glib 22 declares no autoptr for its types. */
  document_object = G_OBJECT (document);

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages <= 0)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY,
                   _("“%s” has no pages"), display_name);
      return NULL;
    }
  if ((guint) n_pages > max_pages)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” has %d pages, more than the %u Lectern imports from one PDF"),
                   display_name, n_pages, max_pages);
      return NULL;
    }

  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_pdf_page_free);
  /* Only the pages without text are kept (for OCR): each page holds its
   * text layout, and keeping every one costs memory and time. */
  poppler_pages = g_ptr_array_new_with_free_func (unref_page);
  labels = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page;
      LecternPdfPage *read;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      page = poppler_document_get_page (document, i);
      if (page == NULL)
        {
          g_ptr_array_add (poppler_pages, NULL);
          g_ptr_array_add (labels, NULL);
          g_ptr_array_add (pages, lectern_pdf_page_new (0, 0));
          g_array_append_val (textless, i);
          continue;
        }
      g_ptr_array_add (labels, poppler_page_get_label (page));
      read = read_page (page, &total_chars);
      g_ptr_array_add (pages, read);
      if (total_chars > max_total_chars)
        {
          g_object_unref (page);
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                       _("“%s” holds more text than Lectern imports from one file (the limit is %lu characters)"),
                       display_name, (unsigned long) max_total_chars);
          return NULL;
        }
      if (read->lines->len == 0)
        {
          g_ptr_array_add (poppler_pages, page);
          g_array_append_val (textless, i);
        }
      else
        {
          g_ptr_array_add (poppler_pages, NULL);
          g_object_unref (page);
        }
    }

  extract = lectern_extract_new ("pdf");

  if (textless->len > 0)
    {
      gboolean ocr_ran = FALSE;
#ifdef HAVE_TESSERACT
      TessBaseAPI *api = ocr_enabled ? ocr_open () : NULL;

      if (api != NULL)
        {
          gint64 started = g_get_monotonic_time ();

          ocr_ran = TRUE;
          for (guint i = 0; i < textless->len && i < MAX_OCR_PAGES; i++)
            {
              if (g_get_monotonic_time () - started > MAX_OCR_SECONDS * G_USEC_PER_SEC)
                break;
              guint index = g_array_index (textless, guint, i);
              PopplerPage *page = g_ptr_array_index (poppler_pages, index);

              if (g_cancellable_set_error_if_cancelled (cancellable, error))
                {
                  TessBaseAPIEnd (api);
                  TessBaseAPIDelete (api);
                  return NULL;
                }
              if (page != NULL && ocr_page (api, page, g_ptr_array_index (pages, index))
                  && ((LecternPdfPage *) g_ptr_array_index (pages, index))->lines->len > 0)
                g_array_append_val (recognised, index);
            }
          TessBaseAPIEnd (api);
          TessBaseAPIDelete (api);
        }
#endif
      if (!ocr_ran && textless->len == (guint) n_pages)
        {
          g_autofree char *list = format_pages (textless);

          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_NO_TEXT,
                       /* What to do about it, as this build can. */
#ifdef HAVE_TESSERACT
                       g_dngettext (GETTEXT_PACKAGE,
                                    "“%s”: page %s has no text layer (it is an image, a scan); install Tesseract’s data for its language (tesseract-ocr-eng, tesseract-ocr-fra) to recognise it",
                                    "“%s”: pages %s have no text layer (they are images, scans); install Tesseract’s data for their language (tesseract-ocr-eng, tesseract-ocr-fra) to recognise them",
                                    textless->len),
#else
                       g_dngettext (GETTEXT_PACKAGE,
                                    "“%s”: page %s has no text layer (it is an image, a scan); this copy of Lectern was built without Tesseract and cannot recognise it",
                                    "“%s”: pages %s have no text layer (they are images, scans); this copy of Lectern was built without Tesseract and cannot recognise them",
                                    textless->len),
#endif
                       display_name, list);
          return NULL;
        }
      if (!ocr_ran)
        {
          g_autofree char *list = format_pages (textless);
          g_autofree char *warning = g_strdup_printf (
#ifdef HAVE_TESSERACT
            g_dngettext (GETTEXT_PACKAGE,
                         "Page %s has no text layer and was left out; install Tesseract’s data for its language (tesseract-ocr-eng, tesseract-ocr-fra) to recognise it",
                         "Pages %s have no text layer and were left out; install Tesseract’s data for their language (tesseract-ocr-eng, tesseract-ocr-fra) to recognise them",
                         textless->len),
#else
            g_dngettext (GETTEXT_PACKAGE,
                         "Page %s has no text layer and was left out; this copy of Lectern was built without Tesseract and cannot recognise it",
                         "Pages %s have no text layer and were left out; this copy of Lectern was built without Tesseract and cannot recognise them",
                         textless->len),
#endif
            list);

          lectern_extract_add_warning (extract, warning);
        }
      if (recognised->len > 0)
        {
          g_autofree char *list = format_pages (recognised);
          g_autofree char *warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "Page %s has no text layer: its text was recognised by Tesseract (OCR) and may hold errors",
                                                                   "Pages %s have no text layer: their text was recognised by Tesseract (OCR) and may hold errors",
                                                                   recognised->len),
                                                      list);

          lectern_extract_set_variable (extract, "ocr", "tesseract");
          lectern_extract_add_warning (extract, warning);
        }
      if (ocr_ran && recognised->len < textless->len)
        {
          g_autoptr(GArray) missed = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autofree char *list = NULL;
          g_autofree char *warning = NULL;

          for (guint i = 0, j = 0; i < textless->len; i++)
            {
              guint index = g_array_index (textless, guint, i);

              while (j < recognised->len && g_array_index (recognised, guint, j) < index)
                j++;
              if (j >= recognised->len || g_array_index (recognised, guint, j) != index)
                g_array_append_val (missed, index);
            }
          list = format_pages (missed);
          warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "No text was found or recognised on page %s",
                                                  "No text was found or recognised on pages %s",
                                                  missed->len),
                                     list);
          lectern_extract_add_warning (extract, warning);
        }
    }

  lectern_pdf_layout_remove_furniture (pages);
  lectern_pdf_layout_study (pages, &style);

  page_blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < pages->len; i++)
    {
      LecternPdfPage *read = g_ptr_array_index (pages, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          lectern_pdf_document_style_clear (&style);
          return NULL;
        }
      lectern_pdf_layout_order (read, &style);
      g_ptr_array_add (page_blocks, lectern_pdf_layout_blocks (read, &style));
    }
  /* A paragraph broken by a page break is made whole on the page where
   * it begins, before that page's footnotes: spans of pages and of
   * paragraphs may not cross, and the text must read on. */
  for (guint i = 0; i + 1 < page_blocks->len; i++)
    lectern_pdf_layout_join_pages (g_ptr_array_index (page_blocks, i),
                                   g_ptr_array_index (page_blocks, i + 1), style.words);

  for (guint i = 0; i < pages->len; i++)
    {
      LecternPdfPage *read = g_ptr_array_index (pages, i);
      GPtrArray *blocks = g_ptr_array_index (page_blocks, i);
      g_autofree char *label = NULL;
      guint start = G_MAXUINT;

      for (guint b = 0; b < blocks->len; b++)
        {
          LecternPdfBlock *block = g_ptr_array_index (blocks, b);
          g_autofree char *level = block->level > 0 ? g_strdup_printf ("%u", block->level) : NULL;
          guint handle;

          handle = lectern_extract_open_block (extract, structure_kind (block->kind),
                                               block->kind == LECTERN_PDF_BLOCK_HEADING ? level : block->mark);
          if (start == G_MAXUINT)
            start = lectern_extract_get_length (extract);
          lectern_extract_append_inline (extract, block->text, -1);
          lectern_extract_close_block (extract, handle);

          /* No title in the metadata: the first page's largest line. */
          if (i == 0 && block->kind == LECTERN_PDF_BLOCK_HEADING && block->level < title_level)
            {
              title_level = block->level;
              g_free (title_guess);
              title_guess = g_strdup (block->text);
            }
        }
      if (start != G_MAXUINT)
        {
          label = page_label (g_ptr_array_index (labels, i), i, read);
          lectern_extract_add_span (extract, start, lectern_extract_get_length (extract),
                                    LECTERN_STRUCTURE_KIND_PAGE, label);
        }
    }
  lectern_pdf_document_style_clear (&style);

  if (!lectern_extract_has_text (extract))
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY,
                   _("“%s” holds no text"), display_name);
      return NULL;
    }

  read_metadata (document, display_name, extract);
  if (lectern_extract_get_title (extract) == NULL && title_guess != NULL)
    lectern_extract_set_title (extract, title_guess);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (result, g_steal_pointer (&extract));
  return result;
}
