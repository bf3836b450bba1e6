/* lectern-epub-reader.c — an EPUB to one document: its chapters in the
 * order of the spine, each read whole by the walker the web page reader
 * uses (lectern-html-blocks.c), since a book's chapters hold nothing but
 * the book.
 *
 * The archive is read in memory by LecternZipArchive, defensively, as
 * DOCX and ODT are: paths, links, entry count, sizes and the ratio of
 * decompressed bytes are bounded (lectern-zip-archive-private.h); the
 * pictures, fonts and sounds of a book are never decompressed.
 * META-INF/container.xml names the package (OPF), whose metadata
 * (dc:title, dc:creator, dc:date, dc:language) and spine are read with
 * libxml2, never from the network. A book whose content is encrypted
 * (DRM) is refused; obfuscated fonts are not content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "lectern-html-blocks-private.h"
#include "lectern-zip-archive-private.h"

/* Pictures, fonts, sounds: never read, so never decompressed. */
static gboolean
is_text_entry (const char *path,
               gpointer    user_data)
{
  static const char * const extensions[] = {
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff",
    ".ttf", ".otf", ".woff", ".woff2", ".mp3", ".mp4", ".m4a", ".ogg", ".css",
    ".js", NULL
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The package                                                         */

static xmlDocPtr
parse_xml (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (data == NULL || length > G_MAXINT)
    return NULL;
  /* No network, no entity expansion, no DTD loading. */
  return xmlReadMemory (data, (int) length, NULL, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                        | XML_PARSE_NOCDATA);
}

static gboolean
is_named (xmlNodePtr  node,
          const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && xmlStrcmp (node->name, BAD_CAST name) == 0;
}

static xmlNodePtr
child_named (xmlNodePtr  parent,
             const char *name)
{
  for (xmlNodePtr node = parent != NULL ? parent->children : NULL; node != NULL; node = node->next)
    if (is_named (node, name))
      return node;
  return NULL;
}

/* The first element called @name (any namespace) under @node, a few
 * levels down at most. */
static xmlNodePtr
find_named (xmlNodePtr  node,
            const char *name,
            guint       depth)
{
  if (node == NULL || depth > 8)
    return NULL;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      xmlNodePtr found;

      if (is_named (child, name))
        return child;
      if ((found = find_named (child, name, depth + 1)) != NULL)
        return found;
    }
  return NULL;
}

static char *
prop (xmlNodePtr  node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
content (xmlNodePtr node)
{
  xmlChar *value = node != NULL ? xmlNodeGetContent (node) : NULL;
  char *copy = value != NULL ? g_strstrip (g_strdup ((const char *) value)) : NULL;

  xmlFree (value);
  return copy;
}

/* Font obfuscation (IDPF, Adobe) hides fonts, not the text. */
static gboolean
is_encrypted (LecternZipArchive *entries)
{
  GBytes *bytes = lectern_zip_archive_get_entry (entries, "META-INF/encryption.xml");
  xmlDocPtr doc;
  gboolean encrypted = FALSE;

  if (bytes == NULL)
    return FALSE;
  doc = parse_xml (bytes);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      return TRUE;
    }
  for (xmlNodePtr data = xmlDocGetRootElement (doc)->children; data != NULL; data = data->next)
    {
      xmlNodePtr method;
      g_autofree char *algorithm = NULL;

      if (!is_named (data, "EncryptedData"))
        continue;
      method = child_named (data, "EncryptionMethod");
      algorithm = method != NULL ? prop (method, "Algorithm") : NULL;
      if (algorithm == NULL
          || (strcmp (algorithm, "http://www.idpf.org/2008/embedding") != 0
              && strcmp (algorithm, "http://ns.adobe.com/pdf/enc#RC") != 0))
        {
          encrypted = TRUE;
          break;
        }
    }
  xmlFreeDoc (doc);
  return encrypted;
}

/* @href, relative to the folder @base (ending in '/' or empty), as a
 * path in the archive; NULL when it leaves the archive. */
static char *
resolve (const char *base,
         const char *href)
{
  g_autofree char *unescaped = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  char *hash;

  unescaped = g_uri_unescape_string (href, NULL);
  if (unescaped == NULL)
    return NULL;
  if ((hash = strchr (unescaped, '#')) != NULL)
    *hash = '\0';
  if (unescaped[0] == '/' || strstr (unescaped, "://") != NULL)
    return NULL;
  joined = g_strconcat (base, unescaped, NULL);
  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (kept->len == 0)
            return NULL;
          g_ptr_array_set_size (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

static gboolean
invalid (GError     **error,
         const char  *name,
         const char  *reason)
{
  g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
               _("“%s” is not an EPUB book: %s"), name, reason);
  return FALSE;
}

static void
read_metadata (LecternExtract *extract,
               xmlNodePtr      metadata)
{
  g_autoptr(GString) creators = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *language = NULL;

  for (xmlNodePtr node = metadata != NULL ? metadata->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *text = NULL;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      text = content (node);
      if (text == NULL || *text == '\0')
        continue;
      if (is_named (node, "title") && title == NULL)
        title = g_steal_pointer (&text);
      else if (is_named (node, "creator"))
        g_string_append_printf (creators, "%s%s", creators->len > 0 ? ", " : "", text);
      else if (is_named (node, "date") && date == NULL)
        date = g_steal_pointer (&text);
      else if (is_named (node, "language") && language == NULL)
        language = g_steal_pointer (&text);
    }

  lectern_extract_set_title (extract, title);
  lectern_extract_set_author (extract, creators->len > 0 ? creators->str : NULL);
  /* "2024", "2024-03" and "2024-03-01T…" are all dc:date; the extract
   * keeps an ISO 8601 date or date and time. */
  if (date != NULL && strlen (date) >= 10 && date[4] == '-' && date[7] == '-')
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) time = strlen (date) > 10 ? g_date_time_new_from_iso8601 (date, utc) : NULL;
      int year = atoi (date), month = atoi (date + 5), day = atoi (date + 8);

      if (time != NULL)
        lectern_extract_set_date (extract, date);
      else if (g_date_valid_dmy (day, month, year))
        {
          date[10] = '\0';
          lectern_extract_set_date (extract, date);
        }
    }
  lectern_extract_set_language (extract, language);
}

GPtrArray *
lectern_epub_reader_read (GBytes        *bytes,
                          const char    *display_name,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(LecternZipArchive) entries = NULL;
  g_autoptr(LecternExtract) extract = NULL;
  g_autoptr(GHashTable) manifest = NULL;
  g_autoptr(GHashTable) read = NULL;
  g_autofree char *opf_path = NULL;
  g_autofree char *base = NULL;
  xmlDocPtr container = NULL;
  xmlDocPtr package = NULL;
  xmlNodePtr rootfile, spine, manifest_node;
  GBytes *opf;
  GPtrArray *extracts;
  gboolean ok = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entries = lectern_zip_archive_new_from_bytes (bytes, display_name, is_text_entry, NULL, cancellable, error);
  if (entries == NULL)
    return NULL;

  if (lectern_zip_archive_get_entry (entries, "META-INF/container.xml") == NULL)
    {
      invalid (error, display_name, _("it has no META-INF/container.xml"));
      return NULL;
    }
  if (is_encrypted (entries))
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_ENCRYPTED,
                   _("“%s” is protected by DRM: its text is encrypted and cannot be read"),
                   display_name);
      return NULL;
    }

  container = parse_xml (lectern_zip_archive_get_entry (entries, "META-INF/container.xml"));
  rootfile = container != NULL ? find_named (xmlDocGetRootElement (container), "rootfile", 0) : NULL;
  opf_path = rootfile != NULL ? prop (rootfile, "full-path") : NULL;
  xmlFreeDoc (container);
  if (opf_path == NULL || (opf = lectern_zip_archive_get_entry (entries, opf_path)) == NULL)
    {
      invalid (error, display_name, _("its container does not name a package file that the book holds"));
      return NULL;
    }
  {
    g_autofree char *folder = g_path_get_dirname (opf_path);

    base = strcmp (folder, ".") == 0 ? g_strdup ("") : g_strconcat (folder, "/", NULL);
  }

  package = parse_xml (opf);
  if (package == NULL)
    {
      invalid (error, display_name, _("its package file is not XML"));
      return NULL;
    }

  extract = lectern_extract_new ("epub");
  read_metadata (extract, child_named (xmlDocGetRootElement (package), "metadata"));

  manifest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  manifest_node = child_named (xmlDocGetRootElement (package), "manifest");
  for (xmlNodePtr item = manifest_node != NULL ? manifest_node->children : NULL; item != NULL; item = item->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *href = NULL;
      g_autofree char *type = NULL;

      if (!is_named (item, "item"))
        continue;
      id = prop (item, "id");
      href = prop (item, "href");
      type = prop (item, "media-type");
      /* A picture in the spine (an SVG cover) is no chapter. */
      if (type != NULL && strcmp (type, "application/xhtml+xml") != 0 && strcmp (type, "text/html") != 0
          && strcmp (type, "application/x-dtbook+xml") != 0)
        continue;
      if (id != NULL && href != NULL)
        g_hash_table_replace (manifest, g_steal_pointer (&id), g_steal_pointer (&href));
    }

  /* A chapter is read once, however often the spine names it. */
  read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  spine = child_named (xmlDocGetRootElement (package), "spine");
  for (xmlNodePtr itemref = spine != NULL ? spine->children : NULL; itemref != NULL; itemref = itemref->next)
    {
      g_autofree char *idref = NULL;
      g_autofree char *linear = NULL;
      g_autofree char *path = NULL;
      const char *href;
      GBytes *chapter;
      htmlDocPtr doc;
      gboolean truncated;
      g_autoptr(GError) local_error = NULL;

      if (!is_named (itemref, "itemref"))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      idref = prop (itemref, "idref");
      linear = prop (itemref, "linear");
      /* Notes and pop-ups outside the reading order. */
      if (linear != NULL && strcmp (linear, "no") == 0)
        continue;
      if (idref == NULL || !g_hash_table_lookup_extended (manifest, idref, NULL, (gpointer *) &href))
        continue;   /* not a page of text */
      path = resolve (base, href);
      chapter = path != NULL ? lectern_zip_archive_get_entry (entries, path) : NULL;
      if (chapter == NULL)
        {
          g_autofree char *warning = g_strdup_printf (_("A chapter of the book is missing: “%s”."), href);

          lectern_extract_add_warning (extract, warning);
          continue;
        }

      if (!g_hash_table_add (read, g_strdup (path)))
        continue;
      doc = _lectern_html_parse (g_bytes_get_data (chapter, NULL), g_bytes_get_size (chapter),
                                 path, &truncated, &local_error);
      if (doc == NULL)
        {
          /* A chapter with no text at all is no loss; one that is not
           * text (binary, an unknown encoding) is. */
          if (!g_error_matches (local_error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY))
            lectern_extract_add_warning (extract, local_error->message);
          continue;
        }
      if (truncated)
        {
          g_autofree char *warning = g_strdup_printf (_("A chapter nests its elements too deeply: the end "
                                                        "of “%s” was left out."), path);

          lectern_extract_add_warning (extract, warning);
        }
      _lectern_html_append_blocks (extract, _lectern_html_get_body (doc));
      xmlFreeDoc (doc);
    }

  if (!lectern_extract_has_text (extract))
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY,
                   _("“%s” has no text to import: its chapters are empty"), display_name);
      goto out;
    }
  ok = TRUE;

out:
  xmlFreeDoc (package);
  if (!ok)
    return NULL;
  extracts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (extracts, g_steal_pointer (&extract));
  return extracts;
}
