/* lectern-html-blocks.c — HTML to the blocks of an extract, for the web
 * page reader (which first chooses the article) and the EPUB reader
 * (which keeps each chapter whole).
 *
 * The bytes are decoded as the page declares (<meta charset>,
 * http-equiv, the XML declaration), or as uchardet detects
 * (lectern-text-decoder.h), then parsed by libxml2's HTML parser, which
 * never reaches the network. Headings, paragraphs, list items (a nested
 * list's items are items of their own), quotes holding paragraphs, data
 * tables (a row a line, cells apart by tabs), preformatted text with its
 * lines, and <br> become the extract's blocks and spans.
 *
 * Every walk over the tree is bounded by LECTERN_HTML_MAX_DEPTH.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>

#include "lectern-html-blocks-private.h"

/* Where a declared encoding is looked for, as browsers do. */
#define CHARSET_PRESCAN 4096

/* ------------------------------------------------------------------ */
/* Elements                                                            */

gboolean
_lectern_html_is_element (xmlNodePtr  node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL
         && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

gboolean
_lectern_html_name_in (xmlNodePtr         node,
         const char * const *names)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Never text, whatever the page: left out in EPUB chapters too. Not
 * <head>: libxml2 puts there what follows a <script> in a page without
 * <body> when it does not know the element (<article>, <main>). */
static const char * const never_text[] = {
  "script", "style", "noscript", "template", "title", "meta", "link",
  "svg", "math", "canvas", "object", "embed", "iframe", "frame", "frameset",
  "audio", "video", "source", "track", "map", "area", "input", "select",
  "option", "optgroup", "textarea", "button", "datalist", "output", "rp",
  "img", "picture", "param", "base", NULL
};

/* Elements that start and end a line (the others are inline). */
static const char * const block_elements[] = {
  "address", "article", "aside", "blockquote", "body", "caption", "center",
  "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
  "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
  "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
  "tfoot", "th", "thead", "tr", "ul", "listing", "plaintext", "xmp", NULL
};

char *
_lectern_html_get_attribute (xmlNodePtr  node,
           const char *name)
{
  xmlChar *value;
  char *copy;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;
  value = xmlGetProp (node, BAD_CAST name);
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static int
heading_level (xmlNodePtr node)
{
  const char *name = (const char *) node->name;

  if (node->type == XML_ELEMENT_NODE && name != NULL
      && (name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6'
      && name[2] == '\0')
    return name[1] - '0';
  return 0;
}

/* The text under @node, white space collapsed, trimmed; what the walker
 * would keep of it, less the structure. */
static void
gather_text (xmlNodePtr  node,
             GString    *out,
             guint       depth)
{
  if (depth > LECTERN_HTML_MAX_DEPTH)
    return;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          for (const char *p = (const char *) child->content; p != NULL && *p != '\0'; p++)
            {
              gboolean space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';

              if (!space)
                g_string_append_c (out, *p);
              else if (out->len > 0 && out->str[out->len - 1] != ' ')
                g_string_append_c (out, ' ');
            }
        }
      else if (child->type == XML_ELEMENT_NODE && !_lectern_html_name_in (child, never_text))
        {
          gboolean block = _lectern_html_name_in (child, block_elements) || _lectern_html_is_element (child, "br");

          if (block && out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          gather_text (child, out, depth + 1);
          if (block && out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
    }
}

char *
_lectern_html_inner_text (xmlNodePtr node)
{
  GString *out = g_string_new (NULL);

  gather_text (node, out, 0);
  return g_strstrip (g_string_free (out, FALSE));
}

/* ------------------------------------------------------------------ */
/* Decoding and parsing                                                */

/* The encoding a page declares in its first bytes: a <meta charset>, a
 * <meta http-equiv content="…; charset=…">, an XML declaration. */
static char *
declared_charset (const char *data,
                  gsize       length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, CHARSET_PRESCAN));
  const char *p;

  if (g_str_has_prefix (head, "<?xml"))
    {
      const char *end = strstr (head, "?>");
      const char *enc = strstr (head, "encoding");

      if (enc != NULL && end != NULL && enc < end)
        {
          p = enc + strlen ("encoding");
          while (*p == ' ' || *p == '=' || *p == '"' || *p == '\'')
            p++;
          if (g_ascii_isalnum (*p))
            {
              const char *start = p;

              while (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':')
                p++;
              return g_strndup (start, p - start);
            }
        }
    }

  for (p = strstr (head, "<meta"); p != NULL; p = strstr (p + 1, "<meta"))
    {
      const char *end = strchr (p, '>');
      const char *charset = strstr (p, "charset");

      if (end == NULL)
        break;
      if (charset != NULL && charset < end)
        {
          const char *q = charset + strlen ("charset");

          while (*q == ' ')
            q++;
          if (*q != '=')
            continue;
          q++;
          while (*q == ' ' || *q == '"' || *q == '\'')
            q++;
          if (g_ascii_isalnum (*q))
            {
              const char *start = q;

              while (g_ascii_isalnum (*q) || *q == '-' || *q == '_' || *q == '.' || *q == ':')
                q++;
              return g_strndup (start, q - start);
            }
        }
    }
  return NULL;
}

/* A label as browsers read it (WHATWG Encoding): Latin-1 and ASCII
 * labels mean windows-1252; UTF-16 cannot be declared inside a page that
 * was readable as ASCII. NULL for UTF-8. */
static const char *
charset_for_iconv (const char *label)
{
  static const char * const latin[] = {
    "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii",
    "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100", NULL
  };

  if (g_str_has_prefix (label, "utf-8") || g_str_equal (label, "utf8")
      || g_str_has_prefix (label, "utf-16") || g_str_equal (label, "unicode-1-1-utf-8"))
    return NULL;
  if (g_strv_contains (latin, label))
    return "WINDOWS-1252";
  return label;
}

static char *
decode (const char  *data,
        gsize        length,
        const char  *display_name,
        GError     **error)
{
  g_autofree char *label = NULL;
  const char *charset;

  /* A byte-order mark says more than any declaration. */
  if ((length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
      || (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0)))
    return lectern_text_decoder_decode (data, length, display_name, NULL, NULL, error);

  label = declared_charset (data, length);
  charset = label != NULL ? charset_for_iconv (label) : NULL;
  if (charset != NULL)
    {
      char *converted = g_convert (data, length, "UTF-8", charset, NULL, NULL, NULL);

      if (converted == NULL && g_str_equal (charset, "WINDOWS-1252"))
        /* The five bytes windows-1252 leaves undefined. */
        converted = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
      if (converted != NULL)
        return converted;
      /* A name iconv does not know, or bytes that are not that encoding:
       * as if nothing were declared. */
    }

  if (g_utf8_validate (data, length, NULL))
    return g_strndup (data, length);
  return lectern_text_decoder_decode (data, length, display_name, NULL, NULL, error);
}

htmlDocPtr
_lectern_html_parse (const char  *data,
                     gsize        length,
                     const char  *display_name,
                     gboolean    *truncated,
                     GError     **error)
{
  g_autofree char *utf8 = NULL;
  htmlParserCtxtPtr context;
  htmlDocPtr doc;

  /* An empty GBytes may hold no data at all. */
  if (data == NULL)
    data = "", length = 0;
  utf8 = decode (data, length, display_name, error);
  if (truncated != NULL)
    *truncated = FALSE;
  if (utf8 == NULL)
    return NULL;
  if (strlen (utf8) > G_MAXINT)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to import"), display_name);
      return NULL;
    }

  context = htmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ,
                   _("“%s” cannot be read: out of memory"), display_name);
      return NULL;
    }
  /* The text is UTF-8 now, whatever the page says. */
  doc = htmlCtxtReadMemory (context, utf8, (int) strlen (utf8), NULL, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR
                            | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
  /* libxml2 stops at its depth bound (256) and keeps what came before. */
  if (truncated != NULL && context->lastError.code == XML_ERR_INTERNAL_ERROR
      && context->lastError.message != NULL && strstr (context->lastError.message, "depth") != NULL)
    *truncated = TRUE;
  htmlFreeParserCtxt (context);

  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY,
                   _("“%s” has no text to import: it holds no HTML"), display_name);
      return NULL;
    }
  return doc;
}

xmlNodePtr
_lectern_html_get_body (htmlDocPtr doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);

  if (root == NULL)
    return NULL;
  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    if (_lectern_html_is_element (child, "body"))
      return child;
  return root;
}

char *
_lectern_html_get_language (htmlDocPtr doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  char *lang;

  if (root == NULL)
    return NULL;
  lang = _lectern_html_get_attribute (root, "lang");
  if (lang == NULL || *g_strstrip (lang) == '\0')
    {
      g_free (lang);
      lang = _lectern_html_get_attribute (root, "xml:lang");
    }
  if (lang != NULL && *g_strstrip (lang) == '\0')
    g_clear_pointer (&lang, g_free);
  return lang;
}

/* ------------------------------------------------------------------ */
/* Blocks                                                              */

typedef struct
{
  LecternExtract *extract;
  guint           leaf_depth;     /* open blocks that take text */
  int             implicit;       /* a paragraph opened for loose text, or -1 */
  guint           in_pre;
  /* The innermost list item, closed early by a nested list. */
  guint           item;
  gboolean       *item_open;
  gboolean        too_deep;
} Walker;

static void walk_children (Walker     *walker,
                           xmlNodePtr  node,
                           guint       depth);

static void
close_implicit (Walker *walker)
{
  if (walker->implicit >= 0)
    {
      lectern_extract_close_block (walker->extract, walker->implicit);
      walker->implicit = -1;
    }
}

static void
walk_text (Walker     *walker,
           const char *text,
           gboolean    first_in_pre)
{
  if (text == NULL || *text == '\0')
    return;

  if (walker->in_pre > 0)
    {
      /* HTML drops the newline that opens a <pre>. */
      if (first_in_pre && text[0] == '\n')
        text++;
      else if (first_in_pre && text[0] == '\r' && text[1] == '\n')
        text += 2;
      lectern_extract_append (walker->extract, text, -1);
      return;
    }

  if (walker->leaf_depth == 0 && walker->implicit < 0)
    {
      gboolean blank = TRUE;

      for (const char *p = text; *p != '\0' && blank; p++)
        blank = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
      if (blank)
        return;
      walker->implicit = lectern_extract_open_block (walker->extract,
                                                     LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
    }
  lectern_extract_append_inline (walker->extract, text, -1);
}

/* Text that follows a block nested in an open one ("<li><p>a</p>b")
 * is a word apart from it. */
static void
after_nested_block (Walker *walker)
{
  if (walker->leaf_depth > 0 && walker->in_pre == 0)
    lectern_extract_append_inline (walker->extract, " ", 1);
}

/* A block of @kind around @node's content. */
static void
walk_block (Walker               *walker,
            xmlNodePtr            node,
            guint                 depth,
            LecternStructureKind  kind,
            const char           *value)
{
  guint handle;

  gboolean *saved_open = walker->item_open;

  close_implicit (walker);
  handle = lectern_extract_open_block (walker->extract, kind, value);
  walker->leaf_depth++;
  /* A list item is not closed from inside another block: spans nest. */
  walker->item_open = NULL;
  walk_children (walker, node, depth);
  walker->item_open = saved_open;
  walker->leaf_depth--;
  close_implicit (walker);
  lectern_extract_close_block (walker->extract, handle);
  after_nested_block (walker);
}

static void
walk_list_item (Walker     *walker,
                xmlNodePtr  node,
                guint       depth)
{
  guint saved_item = walker->item;
  gboolean *saved_open = walker->item_open;
  gboolean open = TRUE;

  close_implicit (walker);
  walker->item = lectern_extract_open_block (walker->extract, LECTERN_STRUCTURE_KIND_LIST_ITEM, NULL);
  walker->item_open = &open;
  walker->leaf_depth++;
  walk_children (walker, node, depth);
  close_implicit (walker);
  if (open)
    {
      walker->leaf_depth--;
      lectern_extract_close_block (walker->extract, walker->item);
    }
  walker->item = saved_item;
  walker->item_open = saved_open;
}

/* A nested list ends the item it is in: its items are items of their
 * own, one a line, not lines inside the outer one. */
static void
end_item_for_list (Walker *walker)
{
  if (walker->item_open != NULL && *walker->item_open)
    {
      close_implicit (walker);
      lectern_extract_close_block (walker->extract, walker->item);
      *walker->item_open = FALSE;
      walker->leaf_depth--;
    }
}

gboolean
_lectern_html_has_block_descendant (xmlNodePtr node,
                      guint      depth)
{
  static const char * const blocks[] = {
    "p", "div", "table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "section", "article", NULL
  };

  if (depth > LECTERN_HTML_MAX_DEPTH)
    return TRUE;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE
        && (_lectern_html_name_in (child, blocks) || _lectern_html_has_block_descendant (child, depth + 1)))
      return TRUE;
  return FALSE;
}

static void
collect_rows (xmlNodePtr  node,
              GPtrArray  *rows,
              guint       depth)
{
  if (depth > 3)
    return;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (_lectern_html_is_element (child, "tr"))
        g_ptr_array_add (rows, child);
      else if (_lectern_html_is_element (child, "thead") || _lectern_html_is_element (child, "tbody") || _lectern_html_is_element (child, "tfoot"))
        collect_rows (child, rows, depth + 1);
    }
}

/* A table of data (no blocks in its cells): a row a line, cells
 * separated by tabs. FALSE for a table that lays out a page, walked as
 * the blocks it holds. */
static gboolean
walk_table (Walker     *walker,
            xmlNodePtr  table,
            guint       depth)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (table, rows, 0);
  for (guint i = 0; i < rows->len; i++)
    for (xmlNodePtr cell = ((xmlNodePtr) rows->pdata[i])->children; cell != NULL; cell = cell->next)
      if ((_lectern_html_is_element (cell, "td") || _lectern_html_is_element (cell, "th")) && _lectern_html_has_block_descendant (cell, depth))
        return FALSE;

  close_implicit (walker);
  for (xmlNodePtr child = table->children; child != NULL; child = child->next)
    if (_lectern_html_is_element (child, "caption"))
      walk_block (walker, child, depth + 1, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      guint handle = lectern_extract_open_block (walker->extract, LECTERN_STRUCTURE_KIND_TABLE_ROW, NULL);
      gboolean first = TRUE;

      for (xmlNodePtr cell = ((xmlNodePtr) rows->pdata[i])->children; cell != NULL; cell = cell->next)
        {
          g_autofree char *text = NULL;

          if (!_lectern_html_is_element (cell, "td") && !_lectern_html_is_element (cell, "th"))
            continue;
          /* Cells are collapsed here, so no space is left beside a tab. */
          text = _lectern_html_inner_text (cell);
          if (!first)
            lectern_extract_append (walker->extract, "\t", 1);
          lectern_extract_append_inline (walker->extract, text, -1);
          first = FALSE;
        }
      lectern_extract_close_block (walker->extract, handle);
    }
  return TRUE;
}

static void
walk_element (Walker     *walker,
              xmlNodePtr  node,
              guint       depth)
{
  int level;

  if (_lectern_html_name_in (node, never_text))
    return;

  if (_lectern_html_is_element (node, "br"))
    {
      if (walker->in_pre > 0 || walker->leaf_depth > 0 || walker->implicit >= 0)
        lectern_extract_line_break (walker->extract);
      return;
    }

  if (_lectern_html_is_element (node, "hr"))
    {
      close_implicit (walker);
      return;
    }

  /* Inside a cell-less block of text (a heading, a paragraph), blocks
   * nest as the extract allows; a heading inside a list item stays one. */
  if ((level = heading_level (node)) > 0)
    {
      char value[2] = { (char) ('0' + level), '\0' };

      walk_block (walker, node, depth, LECTERN_STRUCTURE_KIND_HEADING, value);
      return;
    }
  if (_lectern_html_is_element (node, "p") || _lectern_html_is_element (node, "dt") || _lectern_html_is_element (node, "dd")
      || _lectern_html_is_element (node, "figcaption") || _lectern_html_is_element (node, "summary")
      || _lectern_html_is_element (node, "caption") || _lectern_html_is_element (node, "legend"))
    {
      walk_block (walker, node, depth, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
      return;
    }
  if (_lectern_html_is_element (node, "li"))
    {
      walk_list_item (walker, node, depth);
      return;
    }
  if (_lectern_html_is_element (node, "ul") || _lectern_html_is_element (node, "ol") || _lectern_html_is_element (node, "menu")
      || _lectern_html_is_element (node, "dir"))
    {
      end_item_for_list (walker);
      close_implicit (walker);
      walk_children (walker, node, depth);
      close_implicit (walker);
      return;
    }
  if (_lectern_html_is_element (node, "blockquote"))
    {
      guint saved_leaf = walker->leaf_depth;
      gboolean *saved_open = walker->item_open;
      guint handle;

      close_implicit (walker);
      handle = lectern_extract_open_block (walker->extract, LECTERN_STRUCTURE_KIND_QUOTE, NULL);
      /* Loose text in a quote makes paragraphs of its own. */
      walker->leaf_depth = 0;
      walker->item_open = NULL;
      walk_children (walker, node, depth);
      close_implicit (walker);
      walker->leaf_depth = saved_leaf;
      walker->item_open = saved_open;
      lectern_extract_close_block (walker->extract, handle);
      after_nested_block (walker);
      return;
    }
  if (_lectern_html_is_element (node, "pre") || _lectern_html_is_element (node, "listing") || _lectern_html_is_element (node, "xmp")
      || _lectern_html_is_element (node, "plaintext"))
    {
      gboolean *saved_open = walker->item_open;
      guint handle;

      close_implicit (walker);
      handle = lectern_extract_open_block (walker->extract, LECTERN_STRUCTURE_KIND_PARAGRAPH, NULL);
      walker->leaf_depth++;
      walker->in_pre++;
      walker->item_open = NULL;
      if (node->children != NULL && node->children->type == XML_TEXT_NODE)
        {
          walk_text (walker, (const char *) node->children->content, TRUE);
          for (xmlNodePtr child = node->children->next; child != NULL; child = child->next)
            {
              if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
                walk_text (walker, (const char *) child->content, FALSE);
              else if (child->type == XML_ELEMENT_NODE)
                walk_element (walker, child, depth + 1);
            }
        }
      else
        walk_children (walker, node, depth);
      walker->item_open = saved_open;
      walker->in_pre--;
      walker->leaf_depth--;
      lectern_extract_close_block (walker->extract, handle);
      after_nested_block (walker);
      return;
    }
  if (_lectern_html_is_element (node, "table") && walk_table (walker, node, depth))
    {
      after_nested_block (walker);
      return;
    }

  if (_lectern_html_name_in (node, block_elements))
    {
      /* A container: its text is paragraphs of its own, or inside an
       * open block, words apart. */
      if (walker->leaf_depth > 0 && walker->in_pre == 0)
        lectern_extract_append_inline (walker->extract, " ", 1);
      close_implicit (walker);
      walk_children (walker, node, depth);
      close_implicit (walker);
      if (walker->leaf_depth > 0 && walker->in_pre == 0)
        lectern_extract_append_inline (walker->extract, " ", 1);
      return;
    }

  walk_children (walker, node, depth);
}

static void
walk_children (Walker     *walker,
               xmlNodePtr  node,
               guint       depth)
{
  if (depth >= LECTERN_HTML_MAX_DEPTH)
    {
      if (!walker->too_deep)
        lectern_extract_add_warning (walker->extract,
                                     _("Parts of the page nested too deeply were left out."));
      walker->too_deep = TRUE;
      return;
    }
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        walk_text (walker, (const char *) child->content, FALSE);
      else if (child->type == XML_ELEMENT_NODE)
        walk_element (walker, child, depth + 1);
    }
}

void
_lectern_html_append_nodes (LecternExtract *extract,
              xmlNodePtr     *nodes,
              guint           n_nodes)
{
  Walker walker = { extract, 0, -1, 0, 0, NULL, FALSE };

  for (guint i = 0; i < n_nodes; i++)
    {
      if (nodes[i]->type == XML_TEXT_NODE)
        walk_text (&walker, (const char *) nodes[i]->content, FALSE);
      else
        walk_element (&walker, nodes[i], 0);
    }
  close_implicit (&walker);
}

void
_lectern_html_append_blocks (LecternExtract *extract,
                             xmlNodePtr      node)
{
  Walker walker = { extract, 0, -1, 0, 0, NULL, FALSE };

  g_return_if_fail (LECTERN_IS_EXTRACT (extract));

  if (node == NULL)
    return;
  walk_children (&walker, node, 0);
  close_implicit (&walker);
}

gboolean
_lectern_html_is_never_text (xmlNodePtr node)
{
  return _lectern_html_name_in (node, never_text);
}
