/* lectern-markdown-reader.c — a CommonMark file (cmark) as one document:
 * its text without markup, its headings, paragraphs, list items and block
 * quotes as spans.
 *
 * The file's bytes go through the text decoder first (any encoding, a
 * BOM, binary refused), so cmark reads stored text. The tree is walked
 * with cmark's iterator, never recursively: a file from elsewhere may
 * nest as deep as it likes. Code blocks become paragraphs with their
 * lines kept; raw HTML and thematic breaks leave no text; an image leaves
 * its description. The title is the first level-1 heading's text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cmark.h>

#include <glib/gi18n.h>

#include "lectern-format-readers.h"
#include "lectern-import-error.h"
#include "lectern-text-decoder.h"

/* Nodes walked between two looks at the cancellable. */
#define CANCEL_CHECK_NODES 4096

typedef struct
{
  cmark_node *node;
  guint       handle;
} OpenNode;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_node, cmark_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_iter, cmark_iter_free)

static gboolean
is_inside (cmark_node      *node,
           cmark_node_type  type)
{
  cmark_node *parent = cmark_node_parent (node);

  return parent != NULL && cmark_node_get_type (parent) == type;
}

/* The block @node opens, if any: FALSE for a paragraph of a list item
 * (the item is the block) and for containers that are not blocks of text. */
static gboolean
block_of (cmark_node            *node,
          LecternStructureKind  *kind,
          char                 **value)
{
  *value = NULL;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_HEADING:
      *kind = LECTERN_STRUCTURE_KIND_HEADING;
      *value = g_strdup_printf ("%d", CLAMP (cmark_node_get_heading_level (node), 1, 6));
      return TRUE;
    case CMARK_NODE_PARAGRAPH:
      if (is_inside (node, CMARK_NODE_ITEM))
        return FALSE;
      *kind = LECTERN_STRUCTURE_KIND_PARAGRAPH;
      return TRUE;
    case CMARK_NODE_ITEM:
      *kind = LECTERN_STRUCTURE_KIND_LIST_ITEM;
      return TRUE;
    case CMARK_NODE_BLOCK_QUOTE:
      *kind = LECTERN_STRUCTURE_KIND_QUOTE;
      return TRUE;
    default:
      return FALSE;
    }
}

GPtrArray *
lectern_markdown_reader_read (GBytes        *bytes,
                              const char    *display_name,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GPtrArray) extracts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LecternExtract) extract = NULL;
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenNode));
  g_autoptr(cmark_node) document = NULL;
  g_autoptr(cmark_iter) iter = NULL;
  g_autoptr(GString) title = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *encoding = NULL;
  /* The first level-1 heading, while it is read; then done. */
  cmark_node *title_heading = NULL;
  gboolean title_done = FALSE;
  cmark_event_type event;
  const char *data;
  gsize size = 0;
  guint walked = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  stored = lectern_text_decoder_decode (size > 0 ? data : "", size, display_name, &encoding, NULL, error);
  if (stored == NULL)
    return NULL;

  document = cmark_parse_document (stored, strlen (stored), CMARK_OPT_DEFAULT);
  if (document == NULL)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                   _("“%s” could not be read as Markdown"), display_name);
      return NULL;
    }

  extract = lectern_extract_new ("markdown");
  lectern_extract_set_encoding (extract, encoding);
  iter = cmark_iter_new (document);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (++walked % CANCEL_CHECK_NODES == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (event == CMARK_EVENT_EXIT)
        {
          if (open->len > 0 && g_array_index (open, OpenNode, open->len - 1).node == node)
            {
              lectern_extract_close_block (extract, g_array_index (open, OpenNode, open->len - 1).handle);
              g_array_set_size (open, open->len - 1);
            }
          if (node == title_heading)
            {
              title_heading = NULL;
              title_done = TRUE;
            }
          continue;
        }

      switch (type)
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          lectern_extract_append_inline (extract, cmark_node_get_literal (node), -1);
          if (title_heading != NULL)
            g_string_append (title, cmark_node_get_literal (node));
          break;
        case CMARK_NODE_SOFTBREAK:
          lectern_extract_append_inline (extract, " ", 1);
          if (title_heading != NULL)
            g_string_append_c (title, ' ');
          break;
        case CMARK_NODE_LINEBREAK:
          lectern_extract_line_break (extract);
          break;
        case CMARK_NODE_PARAGRAPH:
          /* The second paragraph of a list item goes on a line of its own. */
          if (is_inside (node, CMARK_NODE_ITEM) && cmark_node_previous (node) != NULL)
            lectern_extract_line_break (extract);
          G_GNUC_FALLTHROUGH;
        default:
          {
            LecternStructureKind kind;
            g_autofree char *value = NULL;

            if (type == CMARK_NODE_CODE_BLOCK)
              {
                /* A leaf (no exit event): its lines as they are. */
                guint handle = lectern_extract_open_block (extract, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);

                lectern_extract_append (extract, cmark_node_get_literal (node), -1);
                lectern_extract_close_block (extract, handle);
              }
            else if (block_of (node, &kind, &value))
              {
                OpenNode entry = { node, lectern_extract_open_block (extract, kind, value) };

                g_array_append_val (open, entry);
              }
            if (type == CMARK_NODE_HEADING && !title_done && title_heading == NULL
                && cmark_node_get_heading_level (node) == 1)
              {
                title_heading = node;
                title = g_string_new (NULL);
              }
          }
          break;
        }
    }

  if (title != NULL)
    lectern_extract_set_title (extract, title->str);

  g_ptr_array_add (extracts, g_steal_pointer (&extract));
  return g_steal_pointer (&extracts);
}
