/* lectern-markdown-writer.c — the notes as Markdown for Pandoc: headings
 * per document or per tag (nested tags as nested headings), each passage a
 * block quote with its tags, note and citation line.
 *
 * Text from documents, notes and titles is escaped so that Pandoc (and
 * CommonMark) read it as the very characters it is, never as syntax.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lectern-export-writers-private.h"

/* ASCII punctuation Pandoc might read as markup anywhere in a line; every
 * ASCII punctuation character may be backslash-escaped in Pandoc Markdown
 * and CommonMark alike. */
#define INLINE_SPECIALS "\\`*_{}[]<>()#!|~^$@&\""

char *
_lectern_markdown_escape (const char *text)
{
  GString *escaped = g_string_sized_new (strlen (text) + 16);
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (line_start)
        {
          const char *q;

          /* Leading blanks would start a code block: keep them as
           * non-breaking spaces. */
          while (*p == ' ' || *p == '\t')
            {
              g_string_append (escaped, "\\ ");
              p++;
            }
          if (*p == '\0')
            break;
          /* Block markers only count at the start of a line: list items,
           * setext underlines, definitions, ordered lists ("1." "1)"). */
          if (strchr ("-+=:%", *p) != NULL)
            g_string_append_c (escaped, '\\');
          for (q = p; g_ascii_isdigit (*q); q++)
            ;
          line_start = FALSE;
          if (q != p && (*q == '.' || *q == ')'))
            {
              g_string_append_len (escaped, p, q - p);
              g_string_append_c (escaped, '\\');
              g_string_append_c (escaped, *q);
              p = q;
              continue;
            }
        }
      if (*p == '\n')
        line_start = TRUE;
      else if (strchr (INLINE_SPECIALS, *p) != NULL)
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  return g_string_free (escaped, FALSE);
}

/* Notes may hold CRLF or CR line ends (stored text never does). */
static char *
crlf_to_lf (const char *text)
{
  GString *lf = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (lf, *p == '\r' ? '\n' : *p);
    }
  return g_string_free (lf, FALSE);
}

/* Appends @text escaped, each line of it prefixed with @lead; lines within
 * a paragraph end with a hard break, blank lines separate paragraphs. */
static void
append_block (GString    *out,
              const char *text,
              const char *lead)
{
  g_autofree char *lf = crlf_to_lf (text);
  g_autofree char *escaped = _lectern_markdown_escape (lf);
  g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);
  guint n = g_strv_length (lines);

  for (guint i = 0; i < n; i++)
    {
      gboolean blank = lines[i][0] == '\0';
      gboolean next_blank = i + 1 >= n || lines[i + 1][0] == '\0';

      if (blank)
        {
          /* The lead without its trailing space. */
          g_autofree char *bare = g_strchomp (g_strdup (lead));

          g_string_append (out, bare);
        }
      else
        {
          g_string_append (out, lead);
          g_string_append (out, lines[i]);
          if (!next_blank)
            g_string_append_c (out, '\\');
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_heading (GString    *out,
                guint       level,
                const char *text)
{
  g_autofree char *escaped = NULL;
  g_autofree char *flat = g_strdup (text != NULL && *text != '\0' ? text : _("Untitled"));

  /* A heading is one line. */
  g_strdelimit (flat, "\r\n\t", ' ');
  escaped = _lectern_markdown_escape (flat);
  if (level > 6)
    {
      g_string_append_printf (out, "**%s**\n\n", escaped);
      return;
    }
  for (guint i = 0; i < level; i++)
    g_string_append_c (out, '#');
  g_string_append_printf (out, " %s\n\n", escaped);
}

static void
append_annotation (LecternExportSelection *selection,
                   LecternAnnotation      *annotation,
                   GString                *out)
{
  g_autoptr(GPtrArray) tags = _lectern_export_selection_list_tags (selection, annotation);
  g_autofree char *citation = _lectern_export_selection_citation (selection, annotation);
  g_autofree char *escaped_citation = NULL;
  const char *note = lectern_annotation_get_note (annotation);

  append_block (out, lectern_annotation_get_quote (annotation), "> ");
  g_string_append_c (out, '\n');

  if (tags->len > 0)
    {
      g_string_append_printf (out, "%s ", _("Tags:"));
      for (guint i = 0; i < tags->len; i++)
        {
          g_autofree char *path = _lectern_markdown_escape (lectern_tag_get_path (g_ptr_array_index (tags, i)));

          g_string_append_printf (out, "%s*%s*", i > 0 ? ", " : "", path);
        }
      g_string_append (out, "\n\n");
    }

  if (note != NULL && *note != '\0')
    {
      g_string_append_printf (out, "**%s**\n\n", _("Note:"));
      append_block (out, note, "");
      g_string_append_c (out, '\n');
    }

  g_strdelimit (citation, "\r\n\t", ' ');
  escaped_citation = _lectern_markdown_escape (citation);
  g_string_append_printf (out, "— %s\n\n", escaped_citation);
}

typedef struct
{
  LecternExportSelection *selection;
  GOutputStream          *out;
  GString                *buffer;
  GCancellable           *cancellable;
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

  append_heading (writer->buffer, level + 1, text);
  return TRUE;
}

static gboolean
write_annotation (LecternAnnotation  *annotation,
                  gpointer            data,
                  GError            **error)
{
  Writer *writer = data;

  append_annotation (writer->selection, annotation, writer->buffer);
  return _lectern_export_flush (writer->out, writer->buffer, FALSE, writer->cancellable, error);
}

gboolean
_lectern_markdown_writer_write (LecternExportSelection  *selection,
                                GOutputStream           *out,
                                GCancellable            *cancellable,
                                GError                 **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  Writer writer = { selection, out, buffer, cancellable };

  append_heading (buffer, 1, selection->title);
  if (selection->annotations->len == 0)
    g_string_append_printf (buffer, "%s\n", _("No annotation matches this export."));

  return _lectern_export_selection_walk (selection, write_heading, write_annotation, &writer,
                                         cancellable, error)
         && _lectern_export_flush (out, buffer, TRUE, cancellable, error);
}
