/* lectern-epub-reader.c — an EPUB to one document: its chapters in the
 * order of the spine, each read whole by the walker the web page reader
 * uses (lectern-html-blocks.c), since a book's chapters hold nothing but
 * the book.
 *
 * The archive is read in memory with libarchive, defensively as the
 * REFI-QDA reader does: every entry's path is checked (no absolute path,
 * no "..", no link, no device), the number of entries, each entry's size,
 * the bytes decompressed in all and their ratio to the file are bounded
 * by what is really decompressed, not by what headers declare.
 * META-INF/container.xml names the package (OPF), whose metadata
 * (dc:title, dc:creator, dc:date, dc:language) and spine are read with
 * libxml2, never from the network. A book whose content is encrypted
 * (DRM) is refused; obfuscated fonts are not content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "lectern-html-blocks-private.h"

#define MAX_ENTRIES     10000
#define MAX_ENTRY_SIZE  (64 * 1024 * 1024)
#define MAX_TOTAL_SIZE  (256 * 1024 * 1024)
/* Decompressed bytes per byte of the file, past a first allowance: text
 * compresses by a factor of 3 to 10, a bomb by a thousand. */
#define MAX_RATIO       100
#define RATIO_ALLOWANCE (4 * 1024 * 1024)

static guint max_entries = MAX_ENTRIES;
static gint64 max_entry_size = MAX_ENTRY_SIZE;
static gint64 max_total_size = MAX_TOTAL_SIZE;

void
_lectern_epub_reader_set_limits (guint  entries,
                                 gint64 entry_size,
                                 gint64 total_size)
{
  max_entries = entries > 0 ? entries : MAX_ENTRIES;
  max_entry_size = entry_size > 0 ? entry_size : MAX_ENTRY_SIZE;
  max_total_size = total_size > 0 ? total_size : MAX_TOTAL_SIZE;
}

/* ------------------------------------------------------------------ */
/* The archive                                                         */

static gboolean
path_is_safe (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || *path == '\0' || path[0] == '/' || path[0] == '\\'
      || (g_ascii_isalpha (path[0]) && path[1] == ':'))
    return FALSE;
  parts = g_strsplit_set (path, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      return FALSE;
  return TRUE;
}

/* Pictures, fonts, sounds: never read, so never decompressed. */
static gboolean
is_media (const char *path)
{
  static const char * const extensions[] = {
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff",
    ".ttf", ".otf", ".woff", ".woff2", ".mp3", ".mp4", ".m4a", ".ogg", ".css",
    ".js", NULL
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

/* path → GBytes of every entry that may be text. */
static GHashTable *
read_entries (const char    *data,
              gsize          length,
              const char    *name,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_bytes_unref);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gint64 total = 0;
  gint64 ratio_limit = MAX ((gint64) RATIO_ALLOWANCE, (gint64) length * MAX_RATIO);
  guint count = 0;
  gboolean ok = TRUE;
  int status;

  archive_read_support_format_zip (archive);
  archive_read_support_filter_none (archive);
  if (archive_read_open_memory (archive, data, length) != ARCHIVE_OK)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DAMAGED,
                   _("“%s” cannot be opened as an EPUB: %s"), name,
                   archive_error_string (archive) != NULL ? archive_error_string (archive) : _("not a ZIP archive"));
      archive_read_free (archive);
      return NULL;
    }

  while (ok && (status = archive_read_next_header (archive, &entry)) != ARCHIVE_EOF)
    {
      const char *entry_path;
      mode_t type;

      if (status < ARCHIVE_WARN)
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DAMAGED,
                       _("“%s” is damaged: %s"), name, archive_error_string (archive));
          ok = FALSE;
          break;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (++count > max_entries)
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                       _("“%s” has more than %u files: refused as unsafe"), name, max_entries);
          ok = FALSE;
          break;
        }

      entry_path = archive_entry_pathname_utf8 (entry);
      if (entry_path == NULL)
        entry_path = archive_entry_pathname (entry);
      type = archive_entry_filetype (entry);
      if (!path_is_safe (entry_path))
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_UNSAFE,
                       _("“%s” is refused: its entry “%s” points outside the book"),
                       name, entry_path != NULL ? entry_path : "");
          ok = FALSE;
          break;
        }
      if (archive_entry_hardlink (entry) != NULL || archive_entry_symlink (entry) != NULL
          || (type != AE_IFREG && type != AE_IFDIR))
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_UNSAFE,
                       _("“%s” is refused: its entry “%s” is a link or a special file"),
                       name, entry_path);
          ok = FALSE;
          break;
        }
      if (type == AE_IFDIR || is_media (entry_path))
        continue;

      {
        g_autoptr(GByteArray) bytes = g_byte_array_new ();
        char chunk[64 * 1024];
        la_ssize_t n;

        /* Count what is really decompressed: a header's size can lie. */
        while ((n = archive_read_data (archive, chunk, sizeof chunk)) > 0)
          {
            total += n;
            if ((gint64) bytes->len + n > max_entry_size || total > max_total_size
                || total > ratio_limit)
              {
                g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                             _("“%s” is refused: its entry “%s” unpacks to more than Lectern accepts"),
                             name, entry_path);
                ok = FALSE;
                break;
              }
            g_byte_array_append (bytes, (const guint8 *) chunk, n);
          }
        if (ok && n < 0)
          {
            g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DAMAGED,
                         _("“%s” is damaged: its entry “%s” cannot be read: %s"),
                         name, entry_path, archive_error_string (archive));
            ok = FALSE;
          }
        if (ok)
          g_hash_table_replace (entries, g_strdup (entry_path),
                                g_byte_array_free_to_bytes (g_steal_pointer (&bytes)));
      }
    }

  archive_read_free (archive);
  return ok ? g_steal_pointer (&entries) : NULL;
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
is_encrypted (GHashTable *entries)
{
  GBytes *bytes = g_hash_table_lookup (entries, "META-INF/encryption.xml");
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
  g_autoptr(GHashTable) entries = NULL;
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
  gsize length;
  const char *data;
  gboolean ok = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  entries = read_entries (data != NULL ? data : "", length, display_name, cancellable, error);
  if (entries == NULL)
    return NULL;

  if (!g_hash_table_contains (entries, "META-INF/container.xml"))
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

  container = parse_xml (g_hash_table_lookup (entries, "META-INF/container.xml"));
  rootfile = container != NULL ? find_named (xmlDocGetRootElement (container), "rootfile", 0) : NULL;
  opf_path = rootfile != NULL ? prop (rootfile, "full-path") : NULL;
  xmlFreeDoc (container);
  if (opf_path == NULL || (opf = g_hash_table_lookup (entries, opf_path)) == NULL)
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
      chapter = path != NULL ? g_hash_table_lookup (entries, path) : NULL;
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
