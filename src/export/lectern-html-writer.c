/* lectern-html-writer.c — one standalone, styled, printable HTML page of
 * the notes, optionally followed by the full documents with their
 * highlights in tag colours and the notes beside them.
 *
 * Only HTML 4 elements are used, so that strict HTML parsers (libxml2's)
 * read the page without a complaint.
 *
 * Nothing from a document, a note, a title or a tag reaches the page as
 * markup: all of it goes through html_escape(); colours are checked to be
 * "#rrggbb" before they enter a style attribute; and the page forbids
 * scripts by its Content-Security-Policy besides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lectern-export-writers-private.h"

#define DEFAULT_COLOUR "#f6d32d"

static const char stylesheet[] =
  "body{font-family:Cantarell,'Noto Sans',sans-serif;line-height:1.5;color:#1e1e1e;"
  "max-width:60rem;margin:2rem auto;padding:0 1rem}"
  "h1,h2,h3,h4,h5,h6{line-height:1.2}"
  ".meta{color:#5e5c64}"
  "div.annotation{margin:1rem 0 1.5rem;break-inside:avoid}"
  "blockquote{margin:0;padding:.25rem 1rem;border-left:.35rem solid;background:#f6f5f4}"
  "ul.tags{list-style:none;padding:0;margin:.4rem 0}"
  "ul.tags li{display:inline-block;margin-right:.6rem;font-size:.9em}"
  ".swatch{display:inline-block;width:.8em;height:.8em;border-radius:.2em;margin-right:.3em;"
  "vertical-align:baseline}"
  ".note{white-space:pre-wrap;margin:.4rem 0}"
  ".citation{font-size:.85em;color:#5e5c64;margin:.2rem 0}"
  "div.document{break-before:page}"
  ".paragraph{display:grid;grid-template-columns:minmax(0,1fr) 16rem;gap:1.5rem;margin:0 0 1rem}"
  ".text{white-space:pre-wrap}"
  "span.hl{border-radius:.15em}"
  ".notes .margin-note{font-size:.85em;border-left:.25rem solid;padding-left:.5rem;margin-bottom:.5rem;"
  "white-space:pre-wrap}"
  "sup.ref{font-size:.7em;color:#5e5c64}"
  "@media print{body{margin:0;max-width:none}blockquote{background:none}"
  "a{color:inherit;text-decoration:none}}";

/* Escapes for text and attribute values alike; control characters other
 * than tab and line ends become U+FFFD, as HTML forbids them. */
static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\t':
        case '\n':
        case '\r':
          g_string_append_c (out, *p);
          break;
        default:
          if ((guchar) *p < 0x20 || *p == 0x7f)
            g_string_append (out, "\xEF\xBF\xBD");
          else
            g_string_append_c (out, *p);
        }
    }
}

static gboolean
is_colour (const char *colour)
{
  if (colour == NULL || colour[0] != '#' || strlen (colour) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return FALSE;
  return TRUE;
}

static const char *
safe_colour (LecternTag *tag)
{
  const char *colour = tag != NULL ? lectern_tag_get_colour (tag) : NULL;

  return is_colour (colour) ? colour : DEFAULT_COLOUR;
}

/* The first exported tag's colour, for an annotation's highlight. */
static const char *
annotation_colour (LecternExportSelection *selection,
                   LecternAnnotation      *annotation)
{
  g_autoptr(GPtrArray) tags = _lectern_export_selection_list_tags (selection, annotation);

  return safe_colour (tags->len > 0 ? g_ptr_array_index (tags, 0) : NULL);
}

typedef struct
{
  LecternExportSelection *selection;
  GOutputStream          *out;
  GString                *buffer;
  GCancellable           *cancellable;
  GHashTable             *numbers;  /* LecternAnnotation* → note number */
} Writer;

static gboolean
write_heading (guint             level,
               const char       *text,
               LecternDocument  *document,
               LecternTag       *tag,
               gpointer          data,
               GError          **error)
{
  Writer *writer = data;
  guint h = MIN (level + 1, 6);

  g_string_append_printf (writer->buffer, "<h%u>", h);
  if (tag != NULL)
    g_string_append_printf (writer->buffer, "<span class=\"swatch\" style=\"background:%s\"></span>",
                            safe_colour (tag));
  append_escaped (writer->buffer, text != NULL && *text != '\0' ? text : _("Untitled"), -1);
  g_string_append_printf (writer->buffer, "</h%u>\n", h);
  return TRUE;
}

static gboolean
write_annotation (LecternAnnotation  *annotation,
                  gpointer            data,
                  GError            **error)
{
  Writer *writer = data;
  GString *out = writer->buffer;
  g_autoptr(GPtrArray) tags = _lectern_export_selection_list_tags (writer->selection, annotation);
  g_autofree char *citation = _lectern_export_selection_citation (writer->selection, annotation);
  const char *note = lectern_annotation_get_note (annotation);

  g_string_append_printf (out, "<div class=\"annotation\">\n<blockquote style=\"border-color:%s\">",
                          annotation_colour (writer->selection, annotation));
  append_escaped (out, lectern_annotation_get_quote (annotation), -1);
  g_string_append (out, "</blockquote>\n");
  if (tags->len > 0)
    {
      g_string_append (out, "<ul class=\"tags\">");
      for (guint i = 0; i < tags->len; i++)
        {
          LecternTag *tag = g_ptr_array_index (tags, i);

          g_string_append_printf (out, "<li><span class=\"swatch\" style=\"background:%s\"></span>",
                                  safe_colour (tag));
          append_escaped (out, lectern_tag_get_path (tag), -1);
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ul>\n");
    }
  if (note != NULL && *note != '\0')
    {
      g_string_append (out, "<div class=\"note\">");
      append_escaped (out, note, -1);
      g_string_append (out, "</div>\n");
    }
  g_string_append (out, "<p class=\"citation\">");
  append_escaped (out, citation, -1);
  g_string_append (out, "</p>\n</div>\n");

  return _lectern_export_flush (writer->out, out, FALSE, writer->cancellable, error);
}

static void
append_rgba (GString    *out,
             const char *colour,
             double      alpha)
{
  guint rgb = (guint) g_ascii_strtoull (colour + 1, NULL, 16);

  g_string_append_printf (out, "rgba(%u,%u,%u,%.2f)",
                          (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
}

static int
compare_glong (gconstpointer a,
               gconstpointer b)
{
  glong x = *(const glong *) a, y = *(const glong *) b;

  return x < y ? -1 : x > y;
}

/* One piece of text covered by @covering (annotations, outermost first). */
static void
append_piece (Writer     *writer,
              const char *piece,
              gsize       length,
              GPtrArray  *covering)
{
  GString *out = writer->buffer;
  LecternAnnotation *inner;

  if (covering->len == 0)
    {
      append_escaped (out, piece, length);
      return;
    }

  /* The innermost passage gives the fill, an enclosing one the underline,
   * so overlaps stay visible. */
  inner = g_ptr_array_index (covering, covering->len - 1);
  g_string_append (out, "<span class=\"hl\" style=\"background-color:");
  append_rgba (out, annotation_colour (writer->selection, inner), 0.35);
  if (covering->len > 1)
    g_string_append_printf (out, ";box-shadow:inset 0 -0.2em 0 %s",
                            annotation_colour (writer->selection, g_ptr_array_index (covering, 0)));
  g_string_append (out, "\" title=\"");
  for (guint i = 0; i < covering->len; i++)
    {
      g_autoptr(GPtrArray) tags = _lectern_export_selection_list_tags (writer->selection,
                                                                       g_ptr_array_index (covering, i));

      for (guint j = 0; j < tags->len; j++)
        {
          if (i > 0 || j > 0)
            g_string_append (out, ", ");
          append_escaped (out, lectern_tag_get_path (g_ptr_array_index (tags, j)), -1);
        }
    }
  g_string_append (out, "\">");
  append_escaped (out, piece, length);
  g_string_append (out, "</span>");
}

/* Writes one paragraph [from, to) of a document: the text with its
 * highlights, and beside it the notes of the passages that start in it. */
static void
append_paragraph (Writer      *writer,
                  const char  *text_at_from,
                  glong        from,
                  glong        to,
                  GPtrArray   *annotations)
{
  GString *out = writer->buffer;
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (glong));
  g_autoptr(GPtrArray) covering = g_ptr_array_new ();
  const char *p = text_at_from;
  guint next = 0;

  g_array_append_val (cuts, from);
  g_array_append_val (cuts, to);
  for (guint i = 0; i < annotations->len; i++)
    {
      LecternAnnotation *annotation = g_ptr_array_index (annotations, i);
      glong start = lectern_annotation_get_start (annotation);
      glong end = lectern_annotation_get_end (annotation);

      if (start > from && start < to)
        g_array_append_val (cuts, start);
      if (end > from && end < to)
        g_array_append_val (cuts, end);
    }
  g_array_sort (cuts, compare_glong);

  /* A sweep over the cuts: @covering holds the passages open at the
   * current piece, in reading order, so many passages stay linear. */
  g_string_append (out, "<div class=\"paragraph\"><div class=\"text\">");
  for (guint c = 0; c + 1 < cuts->len; c++)
    {
      glong a = g_array_index (cuts, glong, c);
      glong b = g_array_index (cuts, glong, c + 1);
      const char *piece_end;

      if (a == b)
        continue;
      for (guint i = covering->len; i > 0; i--)
        if (lectern_annotation_get_end (g_ptr_array_index (covering, i - 1)) <= a)
          g_ptr_array_remove_index (covering, i - 1);
      while (next < annotations->len
             && lectern_annotation_get_start (g_ptr_array_index (annotations, next)) <= a)
        {
          LecternAnnotation *annotation = g_ptr_array_index (annotations, next++);

          if (lectern_annotation_get_end (annotation) > a)
            g_ptr_array_add (covering, annotation);
        }

      piece_end = g_utf8_offset_to_pointer (p, b - a);
      append_piece (writer, p, piece_end - p, covering);
      p = piece_end;

      for (guint i = 0; i < covering->len; i++)
        {
          LecternAnnotation *annotation = g_ptr_array_index (covering, i);
          guint number = GPOINTER_TO_UINT (g_hash_table_lookup (writer->numbers, annotation));

          if (number > 0 && lectern_annotation_get_end (annotation) == b)
            g_string_append_printf (out, "<sup class=\"ref\">%u</sup>", number);
        }
    }
  g_string_append (out, "</div><div class=\"notes\">");

  for (guint i = 0; i < annotations->len; i++)
    {
      LecternAnnotation *annotation = g_ptr_array_index (annotations, i);
      glong start = lectern_annotation_get_start (annotation);
      guint number = GPOINTER_TO_UINT (g_hash_table_lookup (writer->numbers, annotation));

      if (number == 0 || start < from || start >= to)
        continue;
      g_string_append_printf (out, "<div class=\"margin-note\" style=\"border-color:%s\">"
                                   "<sup class=\"ref\">%u</sup> ",
                              annotation_colour (writer->selection, annotation), number);
      append_escaped (out, lectern_annotation_get_note (annotation), -1);
      g_string_append (out, "</div>");
    }
  g_string_append (out, "</div></div>\n");
}

static gboolean
write_document (Writer           *writer,
                LecternDocument  *document,
                GError          **error)
{
  g_autoptr(GPtrArray) annotations =
    _lectern_export_selection_list_document_annotations (writer->selection, lectern_document_get_id (document));
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  g_autofree char *text = NULL;
  const char *p;
  glong position = 0;
  guint next = 0;
  guint number = 0;

  if (annotations->len == 0)
    return TRUE;
  text = lectern_project_dup_text (writer->selection->project, lectern_document_get_id (document), error);
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < annotations->len; i++)
    {
      LecternAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *note = lectern_annotation_get_note (annotation);

      if (note != NULL && *note != '\0')
        g_hash_table_insert (writer->numbers, annotation, GUINT_TO_POINTER (++number));
    }

  g_string_append (writer->buffer, "<div class=\"document\">\n<h2>");
  append_escaped (writer->buffer, _lectern_export_selection_document_label (writer->selection, document), -1);
  g_string_append (writer->buffer, "</h2>\n");
  /* A text changed since import says which version this is, as its
   * citations do. */
  {
    LecternDocumentVersion *version = _lectern_export_selection_document_version (writer->selection, document);

    if (version != NULL && lectern_document_version_get_number (version) > 1)
      {
        g_string_append (writer->buffer, "<p class=\"text-version\">");
        g_string_append_printf (writer->buffer, _("Text version %u"), lectern_document_version_get_number (version));
        g_string_append (writer->buffer, "</p>\n");
      }
  }

  /* Paragraphs end at a blank line; the blank lines themselves are the
   * gap between paragraphs. */
  p = text;
  while (*p != '\0')
    {
      const char *end = strstr (p, "\n\n");
      glong length;
      glong to;

      if (end == NULL)
        end = p + strlen (p);
      length = g_utf8_pointer_to_offset (p, end);
      to = position + length;

      /* Annotations are in reading order: those starting before the
       * paragraph's end, less those already over, may cover it. */
      while (next < annotations->len
             && lectern_annotation_get_start (g_ptr_array_index (annotations, next)) < to)
        g_ptr_array_add (active, g_ptr_array_index (annotations, next++));
      for (guint i = active->len; i > 0; i--)
        if (lectern_annotation_get_end (g_ptr_array_index (active, i - 1)) <= position)
          g_ptr_array_remove_index (active, i - 1);

      if (length > 0)
        append_paragraph (writer, p, position, to, active);
      if (!_lectern_export_flush (writer->out, writer->buffer, FALSE, writer->cancellable, error))
        return FALSE;

      p = end;
      position = to;
      while (*p == '\n')
        {
          p++;
          position++;
        }
    }
  g_string_append (writer->buffer, "</div>\n");
  return TRUE;
}

gboolean
_lectern_html_writer_write (LecternExportSelection  *selection,
                            GOutputStream           *out,
                            GCancellable            *cancellable,
                            GError                 **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = lectern_long_date_format (now);
  Writer writer = { selection, out, buffer, cancellable, numbers };

  g_string_append (buffer,
                   "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" "
                   "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                   "<meta name=\"generator\" content=\"Lectern " PACKAGE_VERSION "\">\n<title>");
  append_escaped (buffer, selection->title, -1);
  g_string_append_printf (buffer, "</title>\n<style>%s</style>\n</head>\n<body>\n<div class=\"header\">\n<h1>",
                          stylesheet);
  append_escaped (buffer, selection->title, -1);
  g_string_append (buffer, "</h1>\n<p class=\"meta\">");
  /* Translators: the first %s is a date, the second a count of passages */
  {
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages",
                                                           selection->annotations->len),
                                              selection->annotations->len);
    g_autofree char *meta = g_strdup_printf (_("Exported from Lectern on %s · %s"), date, count);

    append_escaped (buffer, meta, -1);
  }
  g_string_append (buffer, "</p>\n</div>\n<div class=\"main\">\n");

  if (!_lectern_export_selection_walk (selection, write_heading, write_annotation, &writer,
                                       cancellable, error))
    return FALSE;

  if (lectern_export_options_get_html_full_documents (selection->options))
    for (guint i = 0; i < selection->documents->len; i++)
      {
        if (g_cancellable_set_error_if_cancelled (cancellable, error)
            || !write_document (&writer, g_ptr_array_index (selection->documents, i), error))
          return FALSE;
      }

  g_string_append (buffer, "</div>\n</body>\n</html>\n");
  return _lectern_export_flush (out, buffer, TRUE, cancellable, error);
}
