/* lectern-html-blocks-private.h — HTML to the blocks of an extract
 * (lectern-html-blocks.c), shared by the web page reader and the EPUB
 * reader, and the EPUB reader's knobs for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/HTMLparser.h>

#include "lectern-import.h"

G_BEGIN_DECLS

/* Deeper elements are left out (with a warning on the extract): every
 * walk over a page is bounded by this. */
#define LECTERN_HTML_MAX_DEPTH 256

/* The bytes of an HTML or XHTML file as a libxml2 tree: the encoding
 * declared (<meta charset>, http-equiv, the XML declaration) or, without
 * one, detected (lectern-text-decoder.h); never anything from the network.
 * @truncated (optional) is set when libxml2 stopped at its depth bound,
 * keeping only what came before. Errors are LECTERN_IMPORT_ERROR naming
 * @display_name.
 * Returns: (transfer full): free with xmlFreeDoc(). */
htmlDocPtr _lectern_html_parse         (const char      *data,
                                        gsize            length,
                                        const char      *display_name,
                                        gboolean        *truncated,
                                        GError         **error);

/* Appends the blocks under @node (headings, paragraphs, list items,
 * quotes, table rows, preformatted text) to @extract, leaving out only
 * what is never text (scripts, styles, forms' controls): no choice of
 * content, that is the web page reader's. */
void       _lectern_html_append_blocks (LecternExtract  *extract,
                                        xmlNodePtr       node);
/* The same for @nodes themselves, in order (the parts of an article). */
void       _lectern_html_append_nodes  (LecternExtract  *extract,
                                        xmlNodePtr      *nodes,
                                        guint            n_nodes);

/* The <body> of @doc, or its root when it has none. (transfer none) */
xmlNodePtr _lectern_html_get_body      (htmlDocPtr       doc);

/* The language of @doc's <html lang> or xml:lang, or NULL. */
char      *_lectern_html_get_language  (htmlDocPtr       doc);

/* Elements, as the walker sees them. */
gboolean   _lectern_html_is_element    (xmlNodePtr          node,
                                        const char         *name);
/* TRUE when @node is an element named in @names (NULL-terminated). */
gboolean   _lectern_html_name_in       (xmlNodePtr          node,
                                        const char * const *names);
/* Scripts, styles, images, forms' controls: never text. */
gboolean   _lectern_html_is_never_text (xmlNodePtr          node);
/* An attribute's value, or NULL. (transfer full) */
char      *_lectern_html_get_attribute (xmlNodePtr          node,
                                        const char         *name);
/* The text under @node as the walker keeps it, less the structure: white
 * space collapsed, trimmed. (transfer full) */
char      *_lectern_html_inner_text    (xmlNodePtr          node);
/* TRUE when a paragraph, list, table, heading… lies under @node. */
gboolean   _lectern_html_has_block_descendant (xmlNodePtr   node,
                                               guint        depth);

G_END_DECLS
