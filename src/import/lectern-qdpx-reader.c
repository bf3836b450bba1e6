/* lectern-qdpx-reader.c — REFI-QDA import.
 *
 * The archive is read defensively and only in memory: every entry's path
 * is checked (no absolute path, no "..", no link, no device), the number of
 * entries and the bytes actually decompressed are bounded, and nothing is
 * extracted to disk. The new project is built in a file that is deleted
 * again if anything fails, in one batch (one transaction).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "lectern-import-error.h"
#include "lectern-qdpx-reader.h"
#include "lectern-qdpx-reader-private.h"

typedef struct
{
  const char    *name;       /* the .qdpx, for messages */
  GHashTable    *entries;    /* path → GBytes: project.qde and sources/ */
  xmlDocPtr      xml;
  LecternProject *project;
  GHashTable    *codes;      /* guid → gint64* tag id */
  GHashTable    *notes;      /* guid → xmlNodePtr <Note> */
  GHashTable    *users;      /* guid → name (xmlChar*) */
  GHashTable    *variables;  /* guid → name (xmlChar*) */
  GPtrArray     *skipped;    /* char*: what could not be kept, and why */
  char          *importer;   /* the project's author at the start: who codes what no user signed */
} Import;

/* ------------------------------------------------------------------ */
/* The archive                                                         */

static guint max_entries = LECTERN_QDPX_MAX_ENTRIES;
static gint64 max_entry_size = LECTERN_QDPX_MAX_ENTRY_SIZE;
static gint64 max_total_size = LECTERN_QDPX_MAX_TOTAL_SIZE;

void
_lectern_qdpx_reader_set_limits (guint  entries,
                                 gint64 entry_size,
                                 gint64 total_size)
{
  max_entries = entries > 0 ? entries : LECTERN_QDPX_MAX_ENTRIES;
  max_entry_size = entry_size > 0 ? entry_size : LECTERN_QDPX_MAX_ENTRY_SIZE;
  max_total_size = total_size > 0 ? total_size : LECTERN_QDPX_MAX_TOTAL_SIZE;
}

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

static gboolean
wanted (const char *path)
{
  return strcmp (path, LECTERN_QDPX_PROJECT_FILE) == 0
         || g_str_has_prefix (path, LECTERN_QDPX_SOURCES_DIR);
}

static gboolean
read_entries (Import        *import,
              GFile         *qdpx,
              GCancellable  *cancellable,
              GError       **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  g_autofree char *path = g_file_get_path (qdpx);
  g_autoptr(GError) local_error = NULL;
  gint64 total = 0;
  guint count = 0;
  gboolean ok = TRUE;
  int status;

  /* By type first: libarchive would block on a FIFO and read a device
   * without end. */
  if (path != NULL && !lectern_input_file_check (qdpx, 0, cancellable, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                             local_error->message);
      archive_read_free (archive);
      return FALSE;
    }

  archive_read_support_format_zip (archive);
  archive_read_support_filter_none (archive);
  if (path == NULL || archive_read_open_filename (archive, path, 64 * 1024) != ARCHIVE_OK)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DAMAGED,
                   _("“%s” cannot be opened as a REFI-QDA project: %s"), import->name,
                   path != NULL ? archive_error_string (archive) : _("not a local file"));
      archive_read_free (archive);
      return FALSE;
    }

  while (ok && (status = archive_read_next_header (archive, &entry)) != ARCHIVE_EOF)
    {
      const char *entry_path;
      mode_t type;

      if (status < ARCHIVE_WARN)
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DAMAGED,
                       _("“%s” is damaged: %s"), import->name, archive_error_string (archive));
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
                       _("“%s” has more than %u files: refused as unsafe"),
                       import->name, max_entries);
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
                       _("“%s” is refused: its entry “%s” points outside the project"),
                       import->name, entry_path != NULL ? entry_path : "");
          ok = FALSE;
          break;
        }
      if (archive_entry_hardlink (entry) != NULL || archive_entry_symlink (entry) != NULL
          || (type != AE_IFREG && type != AE_IFDIR))
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_UNSAFE,
                       _("“%s” is refused: its entry “%s” is a link or a special file"),
                       import->name, entry_path);
          ok = FALSE;
          break;
        }
      if (type == AE_IFDIR || !wanted (entry_path))
        continue;

      {
        g_autoptr(GByteArray) data = g_byte_array_new ();
        char chunk[64 * 1024];
        la_ssize_t n;

        /* Count what is really decompressed: a header's size can lie. */
        while ((n = archive_read_data (archive, chunk, sizeof chunk)) > 0)
          {
            total += n;
            if ((gint64) data->len + n > max_entry_size || total > max_total_size)
              {
                g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                             _("“%s” is refused: its entry “%s” unpacks to more than Lectern accepts"),
                             import->name, entry_path);
                ok = FALSE;
                break;
              }
            g_byte_array_append (data, (const guint8 *) chunk, n);
          }
        if (ok && n < 0)
          {
            g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DAMAGED,
                         _("“%s” is damaged: its entry “%s” cannot be read: %s"),
                         import->name, entry_path, archive_error_string (archive));
            ok = FALSE;
          }
        if (ok)
          g_hash_table_insert (import->entries, g_strdup (entry_path),
                               g_byte_array_free_to_bytes (g_steal_pointer (&data)));
      }
    }

  archive_read_free (archive);
  if (ok && !g_hash_table_contains (import->entries, LECTERN_QDPX_PROJECT_FILE))
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                   _("“%s” is not a REFI-QDA project: it has no %s"),
                   import->name, LECTERN_QDPX_PROJECT_FILE);
      ok = FALSE;
    }
  return ok;
}

/* ------------------------------------------------------------------ */
/* project.qde                                                         */

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && xmlStrcmp (node->name, BAD_CAST name) == 0;
}

static xmlNodePtr
child (xmlNodePtr  parent,
       const char *name)
{
  for (xmlNodePtr node = parent != NULL ? parent->children : NULL; node != NULL; node = node->next)
    if (is_element (node, name))
      return node;
  return NULL;
}

/* An attribute as a g_free-able string, or NULL. */
static char *
attr (xmlNodePtr  node,
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
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
normalize_guid (const char *guid)
{
  char *copy;

  if (guid == NULL)
    return NULL;
  copy = g_ascii_strdown (guid[0] == '{' ? guid + 1 : guid, -1);
  g_strdelimit (copy, "}", '\0');
  return copy;
}

/* Keeps the GUID the file gave a document, code or selection, so that a
 * later merge or export recognises it. One that is not a GUID, or that
 * the file gives twice, leaves the fresh one Lectern made. */
static void
keep_guid (Import          *import,
           LecternGuidKind  kind,
           gint64           id,
           const char      *guid_attr)
{
  g_autofree char *guid = normalize_guid (guid_attr);

  if (guid != NULL && lectern_guid_is_valid (guid))
    lectern_project_set_guid (import->project, kind, id, guid, NULL);
}

/* The user @user_guid of <Users> becomes the current coder, with their
 * GUID (a coder is who they are, whatever their name); a selection
 * nobody signed (or Lectern's stand-in for nobody) is the importer's. */
static void
use_coder (Import     *import,
           const char *user_guid)
{
  const char *name = user_guid != NULL && g_strcmp0 (user_guid, LECTERN_QDPX_UNNAMED_USER_GUID) != 0
                     ? g_hash_table_lookup (import->users, user_guid) : NULL;

  if (name != NULL && *name != '\0')
    {
      if (lectern_project_set_coder (import->project, name,
                                     lectern_guid_is_valid (user_guid) ? user_guid : NULL, NULL)
          || lectern_project_set_coder (import->project, name, NULL, NULL))
        return;
    }
  lectern_project_set_coder (import->project, import->importer, NULL, NULL);
}

static gboolean
invalid (Import      *import,
         GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (Import      *import,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
               _("“%s” cannot be imported: %s"), import->name, reason);
  return FALSE;
}

/* Text of an entry in the archive, UTF-8 checked. */
static char *
entry_text (Import      *import,
            const char  *path,
            GError     **error)
{
  GBytes *bytes = g_hash_table_lookup (import->entries, path);
  gsize length;
  const char *data;

  if (bytes == NULL)
    {
      invalid (import, error, _("the file “%s” it refers to is missing"), path);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  if (!g_utf8_validate_len (data, length, NULL))
    {
      invalid (import, error, _("“%s” is not UTF-8 text"), path);
      return NULL;
    }
  /* An empty entry has no data at all: NULL here is not a failure. */
  return length > 0 ? g_strndup (data, length) : g_strdup ("");
}

/* The plain text of a TextSource or a Note: inline or in sources/. */
static char *
plain_text (Import      *import,
            xmlNodePtr   node,
            gboolean     required,
            GError     **error)
{
  g_autofree char *path = attr (node, "plainTextPath");
  xmlNodePtr inline_content = child (node, "PlainTextContent");
  g_autofree char *entry = NULL;

  if (inline_content != NULL)
    {
      char *text = content (inline_content);

      return text != NULL ? text : g_strdup ("");
    }
  if (path == NULL)
    {
      if (required)
        invalid (import, error, _("a text source has neither a text nor a path to one"));
      return required ? NULL : g_strdup ("");
    }
  if (!g_str_has_prefix (path, LECTERN_QDPX_INTERNAL))
    {
      invalid (import, error, _("the text “%s” is outside the project file"), path);
      return NULL;
    }
  entry = g_strconcat (LECTERN_QDPX_SOURCES_DIR, path + strlen (LECTERN_QDPX_INTERNAL), NULL);
  if (!path_is_safe (entry))
    {
      invalid (import, error, _("the text path “%s” is unsafe"), path);
      return NULL;
    }
  return entry_text (import, entry, error);
}

/* The texts of the notes a node refers to, joined by blank lines. */
static char *
note_refs_text (Import      *import,
                xmlNodePtr   node,
                GError     **error)
{
  GString *text = NULL;

  for (xmlNodePtr ref = node->children; ref != NULL; ref = ref->next)
    {
      g_autofree char *target = NULL;
      g_autofree char *guid = NULL;
      g_autofree char *note_text = NULL;
      xmlNodePtr note;

      if (!is_element (ref, "NoteRef"))
        continue;
      target = attr (ref, "targetGUID");
      guid = normalize_guid (target);
      note = guid != NULL ? g_hash_table_lookup (import->notes, guid) : NULL;
      if (note == NULL)
        {
          if (text != NULL)
            g_string_free (text, TRUE);
          invalid (import, error, _("a note “%s” it refers to is missing"), target != NULL ? target : "");
          return NULL;
        }
      note_text = plain_text (import, note, FALSE, error);
      if (note_text == NULL)
        {
          if (text != NULL)
            g_string_free (text, TRUE);
          return NULL;
        }
      if (*note_text == '\0')
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append (text, "\n\n");
      g_string_append (text, note_text);
    }
  return text != NULL ? g_string_free (text, FALSE) : g_strdup ("");
}

/* guid → the node itself (Notes) or its "name" (Users, Variables). */
static void
index_by_guid (xmlNodePtr  parent,
               const char *element,
               GHashTable *table,
               gboolean    names)
{
  for (xmlNodePtr node = parent != NULL ? parent->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *guid_attr = NULL;
      char *guid;

      if (!is_element (node, element))
        continue;
      guid_attr = attr (node, "guid");
      guid = normalize_guid (guid_attr);
      if (guid == NULL)
        continue;
      g_hash_table_insert (table, guid, names ? (gpointer) attr (node, "name") : (gpointer) node);
    }
}

/* "#rgb" or "#rrggbb" to "#rrggbb" lower case; NULL when not a colour. */
static char *
normalize_colour (const char *colour)
{
  gsize length = colour != NULL ? strlen (colour) : 0;

  if (length == 0 || colour[0] != '#' || (length != 4 && length != 7))
    return NULL;
  for (gsize i = 1; i < length; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return NULL;
  if (length == 4)
    return g_ascii_strdown ((char[]) { '#', colour[1], colour[1], colour[2], colour[2],
                                       colour[3], colour[3], '\0' }, -1);
  return g_ascii_strdown (colour, -1);
}

static gboolean
import_codes (Import      *import,
              xmlNodePtr   parent,
              gint64       parent_id,
              GError     **error)
{
  for (xmlNodePtr node = parent->children; node != NULL; node = node->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *guid_attr = NULL;
      g_autofree char *colour_attr = NULL;
      g_autofree char *colour = NULL;
      g_autofree char *description = NULL;
      g_autofree char *memo = NULL;
      g_autoptr(LecternTag) tag = NULL;
      g_autoptr(GError) local_error = NULL;
      gint64 id;

      if (!is_element (node, "Code"))
        continue;
      name = attr (node, "name");
      guid_attr = attr (node, "guid");
      if (name == NULL || *name == '\0' || guid_attr == NULL)
        return invalid (import, error, _("a code has no name or no GUID"));
      colour_attr = attr (node, "color");
      colour = normalize_colour (colour_attr);

      tag = lectern_project_add_tag (import->project, parent_id, name, colour, &local_error);
      /* Other tools allow twin names among siblings; Lectern does not. */
      for (guint n = 2; tag == NULL && n < 100
           && g_error_matches (local_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE); n++)
        {
          g_autofree char *twin = g_strdup_printf ("%s (%u)", name, n);

          g_clear_error (&local_error);
          tag = lectern_project_add_tag (import->project, parent_id, twin, colour, &local_error);
        }
      if (tag == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      id = lectern_tag_get_id (tag);
      g_hash_table_insert (import->codes, normalize_guid (guid_attr), g_memdup2 (&id, sizeof id));
      keep_guid (import, LECTERN_GUID_TAG, id, guid_attr);

      description = content (child (node, "Description"));
      if (description != NULL && *description != '\0'
          && !lectern_project_set_tag_description (import->project, id, description, error))
        return FALSE;
      memo = note_refs_text (import, node, error);
      if (memo == NULL
          || (*memo != '\0' && !lectern_project_set_memo (import->project, LECTERN_MEMO_TAG, id, memo, error)))
        return FALSE;

      if (!import_codes (import, node, id, error))
        return FALSE;
    }
  return TRUE;
}

static GDateTime *
time_attr (xmlNodePtr  node,
           const char *name)
{
  g_autofree char *value = attr (node, name);

  return value != NULL ? g_date_time_new_from_iso8601 (value, NULL) : NULL;
}

/* Where code points of @original stand in its stored form (CRLF and lone
 * CR made LF, leading BOMs dropped, NFC), found in one pass over the text
 * for positions asked in increasing order.
 *
 * The stored form of a prefix [0, p) is what a position p maps to. Before
 * an ASCII character that is not the LF of a CRLF nothing composes,
 * reorders or joins across (see lectern-text.c), so the stored form of a
 * prefix is that of the text up to such a point followed by that of the
 * rest: the map keeps the last such point passed and its stored length,
 * and normalizes only what lies after it. */
typedef struct
{
  const char *text;
  const char *safe;         /* the last safe point passed */
  glong       safe_offset;  /* its code point in the original */
  glong       safe_mapped;  /* the stored length of [0, safe) */
} PositionMap;

static void
position_map_init (PositionMap *map,
                   const char  *text)
{
  map->text = map->safe = text;
  map->safe_offset = map->safe_mapped = 0;
}

static gboolean
is_safe_point (const char *text,
               const char *p)
{
  return *p != '\0' && (guchar) *p < 0x80 && !(*p == '\n' && p > text && p[-1] == '\r');
}

/* Stored length of [from, to), a piece that starts at a safe point. */
static glong
stored_length (const char *from,
               const char *to)
{
  g_autofree char *normal = NULL;

  if (from == to)
    return 0;
  normal = lectern_text_normalize (from, to - from);
  g_assert (normal != NULL);  /* the text was validated whole */
  return lectern_text_length (normal);
}

/* @position: within the text, and not before the previous one asked. */
static glong
position_map_get (PositionMap *map,
                  glong        position)
{
  const char *p = map->safe;
  const char *safe = map->safe;
  glong offset = map->safe_offset;
  glong safe_offset = map->safe_offset;

  g_assert (position >= map->safe_offset);
  while (offset < position && *p != '\0')
    {
      p = g_utf8_next_char (p);
      offset++;
      if (is_safe_point (map->text, p))
        {
          safe = p;
          safe_offset = offset;
        }
    }
  map->safe_mapped += stored_length (map->safe, safe);
  map->safe = safe;
  map->safe_offset = safe_offset;
  return map->safe_mapped + stored_length (safe, p);
}

static gboolean
parse_position (xmlNodePtr  node,
                const char *name,
                gint64     *value)
{
  g_autofree char *text = attr (node, name);

  return text != NULL && g_ascii_string_to_signed (text, 10, 0, G_MAXINT32, value, NULL);
}

static gboolean
add_annotation (Import      *import,
                gint64       document_id,
                glong        start,
                glong        end,
                xmlNodePtr   node,
                GError     **error)
{
  g_autoptr(GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *note = NULL;
  g_autofree char *user_attr = NULL;
  g_autofree char *user = NULL;
  g_autoptr(GDateTime) created = time_attr (node, "creationDateTime");
  g_autoptr(GDateTime) modified = time_attr (node, "modifiedDateTime");
  g_autofree char *guid_attr = NULL;
  gint64 id;

  for (xmlNodePtr coding = node->children; coding != NULL; coding = coding->next)
    {
      g_autofree char *target = NULL;
      g_autofree char *guid = NULL;
      gint64 *tag_id;

      if (!is_element (coding, "Coding"))
        continue;
      target = attr (child (coding, "CodeRef"), "targetGUID");
      guid = normalize_guid (target);
      tag_id = guid != NULL ? g_hash_table_lookup (import->codes, guid) : NULL;
      if (tag_id == NULL)
        return invalid (import, error, _("a coding refers to a code “%s” that is not in the codebook"),
                        target != NULL ? target : "");
      g_array_append_val (tag_ids, *tag_id);
    }

  note = note_refs_text (import, node, error);
  if (note == NULL)
    return FALSE;
  if (*note == '\0' && is_element (node, "PlainTextSelection"))
    {
      g_free (note);
      note = content (child (node, "Description"));
    }

  user_attr = attr (node, "creatingUser");
  user = normalize_guid (user_attr);
  use_coder (import, user);

  id = lectern_project_insert_annotation (import->project, document_id, start, end,
                                          (const gint64 *) (gpointer) tag_ids->data, tag_ids->len,
                                          note != NULL && *note != '\0' ? note : NULL,
                                          NULL, created, modified != NULL ? modified : created,
                                          error);
  if (id == 0)
    return FALSE;
  /* A coding of a whole source is no selection of the file's. */
  if (is_element (node, "PlainTextSelection"))
    {
      guid_attr = attr (node, "guid");
      keep_guid (import, LECTERN_GUID_ANNOTATION, id, guid_attr);
    }
  return TRUE;
}

static gint64
find_duplicate (Import     *import,
                const char *text)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autoptr(GListModel) documents = lectern_project_list_documents (import->project, NULL);

  for (guint i = 0; documents != NULL && i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(LecternDocument) document = g_list_model_get_item (documents, i);

      if (g_strcmp0 (lectern_document_get_content_hash (document), hash) == 0)
        return lectern_document_get_id (document);
    }
  return 0;
}

/* The child after @node (NULL: the first) among the children of @source,
 * then those of @text_node when that is another node (a PDF's text
 * Representation): where a source's variables, notes and codes are. */
static xmlNodePtr
next_source_child (xmlNodePtr source,
                   xmlNodePtr text_node,
                   xmlNodePtr node)
{
  xmlNodePtr next = node != NULL ? node->next : source->children;

  if (next == NULL && text_node != source && (node == NULL || node->parent == source))
    next = text_node->children;
  return next;
}

/* Selections are checked for Cancel this often. */
#define CANCEL_STEP 256

/* A text selection, or a coding on the whole source. */
typedef struct
{
  xmlNodePtr node;
  gint64     start;  /* code points: first of the file's text, then of the stored */
  gint64     end;
} Selection;

static int
compare_position_refs (gconstpointer a,
                       gconstpointer b)
{
  gint64 x = **(gint64 * const *) a, y = **(gint64 * const *) b;

  return x < y ? -1 : x > y;
}

/* Reads the positions of a PlainTextSelection into @selection and refuses
 * one that is not within the source's text as the file has it (positions
 * count its code points, before CRLF is made LF), or ends before it
 * starts. @original_length: the text's length, counted at the first
 * need (-1 before). */
static gboolean
check_selection (Import           *import,
                 LecternDocument  *document,
                 xmlNodePtr        node,
                 const char       *original,
                 glong            *original_length,
                 Selection        *selection,
                 GError          **error)
{
  g_autofree char *label = attr (node, "name");
  const char *title = lectern_document_get_title (document);

  if (label == NULL || *label == '\0')
    {
      g_free (label);
      label = attr (node, "guid");
    }
  if (label == NULL)
    label = g_strdup ("?");

  if (!parse_position (node, "startPosition", &selection->start)
      || !parse_position (node, "endPosition", &selection->end))
    return invalid (import, error, _("a selection in “%s” has no valid start or end"), title);
  if (selection->start > selection->end)
    return invalid (import, error, _("the selection “%s” in “%s” starts at %" PRId64
                                     ", after its end at %" PRId64),
                    label, title, selection->start, selection->end);
  if (*original_length < 0)
    *original_length = g_utf8_strlen (original, -1);
  if (selection->end > *original_length)
    return invalid (import, error, _("the selection “%s” in “%s” (%" PRId64 "–%" PRId64
                                     ") ends past the end of its text (%ld characters)"),
                    label, title, selection->start, selection->end, *original_length);
  return TRUE;
}

/* Imports @source as a document. @text is the node holding its plain text
 * and text selections: @source itself for a TextSource, the text
 * Representation of a PDFSource. Variables, notes and codes on the whole
 * source are read from both. */
static gboolean
import_source (Import        *import,
               xmlNodePtr     source,
               xmlNodePtr     text_node,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GArray) selections = NULL;
  glong original_length = -1;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autofree char *name = attr (source, "name");
  g_autofree char *original = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *memo = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *text;
  gint64 id;
  glong length;

  original = plain_text (import, text_node, TRUE, error);
  if (original == NULL)
    return FALSE;
  if (lectern_text_is_stored (original, -1))
    text = original;
  else
    {
      /* Another tool's CRLF or BOM: store the text as Lectern does and move
       * the positions with it. */
      normalized = lectern_text_normalize (original, -1);
      if (normalized == NULL)
        return invalid (import, error, _("the text of “%s” is not valid UTF-8"), name != NULL ? name : "");
      text = normalized;
    }
  if (*text == '\0')
    return invalid (import, error, _("the text source “%s” is empty"), name != NULL ? name : "");
  length = lectern_text_length (text);

  lectern_document_set_title (document, name != NULL && *name != '\0' ? name : _("Untitled"));
  for (xmlNodePtr value = next_source_child (source, text_node, NULL); value != NULL;
       value = next_source_child (source, text_node, value))
    {
      g_autofree char *target = NULL;
      g_autofree char *guid = NULL;
      g_autofree char *data = NULL;
      const char *variable;
      xmlNodePtr typed;

      if (!is_element (value, "VariableValue"))
        continue;
      target = attr (child (value, "VariableRef"), "targetGUID");
      guid = normalize_guid (target);
      variable = guid != NULL ? g_hash_table_lookup (import->variables, guid) : NULL;
      if (variable == NULL)
        return invalid (import, error, _("a value refers to a variable “%s” that is not declared"),
                        target != NULL ? target : "");
      for (typed = value->children; typed != NULL; typed = typed->next)
        if (typed->type == XML_ELEMENT_NODE && !is_element (typed, "VariableRef"))
          break;
      data = content (typed);
      if (data == NULL)
        continue;
      if (strcmp (variable, LECTERN_QDPX_VAR_SOURCE) == 0)
        lectern_document_set_source (document, data);
      else if (strcmp (variable, LECTERN_QDPX_VAR_AUTHOR) == 0)
        lectern_document_set_author (document, data);
      else if (strcmp (variable, LECTERN_QDPX_VAR_DATE) == 0)
        lectern_document_set_date (document, data);
      else if (strcmp (variable, LECTERN_QDPX_VAR_LANGUAGE) == 0)
        lectern_document_set_language (document, data);
      else
        lectern_document_set_variable (document, variable, data);
    }

  id = lectern_project_add_document (import->project, document, text, &local_error);
  if (id == 0 && g_error_matches (local_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE))
    /* The same text twice: its selections go to the one document. */
    id = find_duplicate (import, text);
  else if (id != 0 && !lectern_project_update_document (import->project, document, error))
    return FALSE;
  else if (id != 0)
    {
      g_autofree char *source_guid = attr (source, "guid");

      keep_guid (import, LECTERN_GUID_DOCUMENT, id, source_guid);
    }
  if (id == 0)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        invalid (import, error, _("the text source “%s” could not be added"), name != NULL ? name : "");
      return FALSE;
    }

  memo = note_refs_text (import, source, error);
  if (memo == NULL)
    return FALSE;
  if (text_node != source)
    {
      g_autofree char *text_memo = note_refs_text (import, text_node, error);

      if (text_memo == NULL)
        return FALSE;
      if (*text_memo != '\0')
        {
          char *joined = *memo != '\0' ? g_strconcat (memo, "\n\n", text_memo, NULL) : g_strdup (text_memo);

          g_free (memo);
          memo = joined;
        }
    }
  if (*memo != '\0')
    {
      g_autofree char *old = lectern_project_dup_memo (import->project, LECTERN_MEMO_DOCUMENT, id, NULL);
      g_autofree char *joined = old != NULL ? g_strconcat (old, "\n\n", memo, NULL) : g_strdup (memo);

      if (!lectern_project_set_memo (import->project, LECTERN_MEMO_DOCUMENT, id, joined, error))
        return FALSE;
    }

  /* Read and checked all first, then mapped in one pass over the text,
   * then added in the file's order. */
  selections = g_array_new (FALSE, FALSE, sizeof (Selection));
  for (xmlNodePtr node = next_source_child (source, text_node, NULL); node != NULL;
       node = next_source_child (source, text_node, node))
    {
      Selection selection = { node, 0, length };

      if (!is_element (node, "Coding")
          && (node->parent != text_node || !is_element (node, "PlainTextSelection")))
        continue;
      if (selections->len >= LECTERN_QDPX_MAX_SELECTIONS)
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                       _("“%s” is refused: its source “%s” has more than %d selections"),
                       import->name, lectern_document_get_title (document), LECTERN_QDPX_MAX_SELECTIONS);
          return FALSE;
        }
      /* A Coding codes the whole source. */
      if (is_element (node, "PlainTextSelection") && !check_selection (import, document, node, original,
                                                                       &original_length, &selection, error))
        return FALSE;
      g_array_append_val (selections, selection);
    }

  if (text != original)
    {
      g_autofree gint64 **positions = g_new (gint64 *, 2 * selections->len + 1);
      guint n = 0;
      PositionMap map;

      for (guint i = 0; i < selections->len; i++)
        {
          Selection *selection = &g_array_index (selections, Selection, i);

          if (is_element (selection->node, "PlainTextSelection"))
            {
              positions[n++] = &selection->start;
              positions[n++] = &selection->end;
            }
        }
      qsort (positions, n, sizeof *positions, compare_position_refs);
      position_map_init (&map, original);
      for (guint i = 0; i < n; i++)
        {
          if (i % CANCEL_STEP == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          *positions[i] = position_map_get (&map, *positions[i]);
        }
    }

  for (guint i = 0; i < selections->len; i++)
    {
      Selection *selection = &g_array_index (selections, Selection, i);
      gboolean ok;

      if (i % CANCEL_STEP == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (is_element (selection->node, "Coding"))
        {
          xmlNodePtr wrapper = xmlNewNode (NULL, BAD_CAST "Source");

          xmlAddChild (wrapper, xmlCopyNode (selection->node, 1));
          ok = add_annotation (import, id, 0, length, wrapper, error);
          xmlFreeNode (wrapper);
          if (!ok)
            return FALSE;
          continue;
        }
      /* An empty selection marks nothing: there is no passage to keep. */
      if (selection->start == selection->end)
        continue;
      g_assert (selection->start < selection->end && selection->end <= length);
      if (!add_annotation (import, id, selection->start, selection->end, selection->node, error))
        return FALSE;
    }
  return TRUE;
}

/* A source's name for the list of what was left out. */
static char *
source_label (xmlNodePtr source)
{
  char *label = attr (source, "name");

  if (label == NULL || *label == '\0')
    {
      g_free (label);
      label = attr (source, "path");
    }
  if (label == NULL || *label == '\0')
    {
      g_free (label);
      label = attr (source, "guid");
    }
  return label != NULL ? label : g_strdup ("?");
}

/* A source Lectern cannot hold (it keeps text only): said, not hidden. */
static void
skip_source (Import     *import,
             xmlNodePtr  source)
{
  g_autofree char *label = source_label (source);
  char *line;

  if (is_element (source, "PDFSource"))
    line = g_strdup_printf (_("“%s” is a PDF without a text representation: left out, as Lectern keeps text only"), label);
  else if (is_element (source, "PictureSource"))
    line = g_strdup_printf (_("“%s” is a picture: left out, as Lectern keeps text only"), label);
  else if (is_element (source, "AudioSource"))
    line = g_strdup_printf (_("“%s” is a sound recording: left out, as Lectern keeps text only"), label);
  else if (is_element (source, "VideoSource"))
    line = g_strdup_printf (_("“%s” is a video: left out, as Lectern keeps text only"), label);
  else
    line = g_strdup_printf (_("“%s” is a source of a kind Lectern does not know (%s): left out"),
                            label, (const char *) source->name);
  g_ptr_array_add (import->skipped, line);
}

/* The regions of a PDF's pages coded in the other tool have no place in
 * its text: the text and its codes are kept, the regions counted. */
static void
skip_pdf_regions (Import     *import,
                  xmlNodePtr  source)
{
  g_autofree char *label = NULL;
  guint n = 0;

  for (xmlNodePtr node = source->children; node != NULL; node = node->next)
    if (is_element (node, "PDFSelection"))
      n++;
  if (n == 0)
    return;
  label = source_label (source);
  g_ptr_array_add (import->skipped,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "“%s”: %u region coded on the PDF’s pages was left out; its text and the codes on its text were kept",
                                                 "“%s”: %u regions coded on the PDF’s pages were left out; its text and the codes on its text were kept",
                                                 n),
                                    label, n));
}

static gboolean
import_project (Import        *import,
                GCancellable  *cancellable,
                GError       **error)
{
  GBytes *bytes = g_hash_table_lookup (import->entries, LECTERN_QDPX_PROJECT_FILE);
  xmlNodePtr root;
  xmlNodePtr codes;
  xmlNodePtr sources;
  g_autofree char *memo = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  import->xml = xmlReadMemory (data, length, LECTERN_QDPX_PROJECT_FILE, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (import->xml == NULL)
    {
      const xmlError *xml_error = xmlGetLastError ();

      return invalid (import, error, _("%s is not well-formed XML (%s)"), LECTERN_QDPX_PROJECT_FILE,
                      xml_error != NULL && xml_error->message != NULL
                      ? g_strstrip (xml_error->message) : "?");
    }
  root = xmlDocGetRootElement (import->xml);
  if (!is_element (root, "Project") || root->ns == NULL
      || xmlStrcmp (root->ns->href, BAD_CAST LECTERN_QDPX_NAMESPACE) != 0)
    return invalid (import, error, _("%s is not a REFI-QDA project"), LECTERN_QDPX_PROJECT_FILE);

  index_by_guid (child (root, "Notes"), "Note", import->notes, FALSE);
  index_by_guid (child (root, "Users"), "User", import->users, TRUE);
  index_by_guid (child (root, "Variables"), "Variable", import->variables, TRUE);

  codes = child (child (root, "CodeBook"), "Codes");
  if (codes != NULL && !import_codes (import, codes, 0, error))
    return FALSE;

  sources = child (root, "Sources");
  for (xmlNodePtr node = sources != NULL ? sources->children : NULL; node != NULL; node = node->next)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (node, "TextSource"))
        {
          if (!import_source (import, node, node, cancellable, error))
            return FALSE;
        }
      else if (is_element (node, "PDFSource") && child (node, "Representation") != NULL)
        {
          if (!import_source (import, node, child (node, "Representation"), cancellable, error))
            return FALSE;
          skip_pdf_regions (import, node);
        }
      else
        skip_source (import, node);
    }

  memo = note_refs_text (import, root, error);
  if (memo == NULL)
    return FALSE;
  return *memo == '\0' || lectern_project_set_memo (import->project, LECTERN_MEMO_PROJECT, 0, memo, error);
}

LecternProject *
lectern_qdpx_import (GFile         *qdpx,
                     GFile         *new_project,
                     GPtrArray    **skipped,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GPtrArray) skipped_lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  g_autofree char *project_name = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GHashTable) users = NULL;
  g_autoptr(GHashTable) variables = NULL;
  g_autoptr(LecternAtomicFile) atomic = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GError) local_error = NULL;
  Import import = { 0 };
  g_autofree char *importer = NULL;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (qdpx), NULL);
  g_return_val_if_fail (G_IS_FILE (new_project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (qdpx);
  project_name = g_file_get_parse_name (new_project);
  if (g_file_query_exists (new_project, cancellable))
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EXISTS,
                   _("“%s” already exists: choose a new file for the imported project"), project_name);
      return NULL;
    }

  entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.name = name;
  import.entries = entries;
  import.codes = codes;
  import.notes = notes;
  import.users = users;
  import.variables = variables;
  import.skipped = skipped_lines;

  if (!read_entries (&import, qdpx, cancellable, error))
    return NULL;

  /* Built under a temporary name beside @new_project and renamed into
   * place (never over a file) only once whole and on disk: a failure, a
   * Cancel or a crash leaves no half project under the name asked for. */
  atomic = lectern_atomic_file_new (new_project,
                                    LECTERN_ATOMIC_FILE_NAME_ONLY | LECTERN_ATOMIC_FILE_NO_REPLACE,
                                    &local_error);
  if (atomic == NULL)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), project_name, local_error->message);
      return NULL;
    }
  temp = g_file_new_for_path (lectern_atomic_file_get_temp_path (atomic));

  import.project = lectern_project_create (temp, error);
  if (import.project == NULL)
    return NULL;
  importer = g_strdup (lectern_project_get_author (import.project));
  import.importer = importer;
  /* The whole project is one transaction: one write to disk instead of
   * one for each tag, document and annotation. */
  ok = lectern_project_begin_batch (import.project, error);
  if (ok)
    {
      if (import_project (&import, cancellable, error))
        ok = lectern_project_commit_batch (import.project, error);
      else
        {
          lectern_project_rollback_batch (import.project);
          ok = FALSE;
        }
    }
  g_clear_pointer (&import.xml, xmlFreeDoc);
  /* Like the text importer: the comparison index now, while the user
   * waits anyway, rather than at the first comparison. A failure here
   * loses nothing (the next comparison writes what is missing). */
  if (ok)
    lectern_project_update_fingerprints (import.project, cancellable, NULL);
  /* Closed (its log folded in) before it is synced and moved. */
  g_clear_object (&import.project);
  if (!ok)
    return NULL;
  if (!lectern_atomic_file_commit (atomic, &local_error))
    {
      g_set_error (error, LECTERN_IMPORT_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS)
                   ? LECTERN_IMPORT_ERROR_EXISTS : LECTERN_IMPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), project_name, local_error->message);
      return NULL;
    }

  import.project = lectern_project_open (new_project, error);
  if (import.project == NULL)
    return NULL;
  if (skipped != NULL)
    *skipped = g_steal_pointer (&skipped_lines);
  return import.project;
}

typedef struct
{
  GFile     *qdpx;
  GFile     *new_project;
  GPtrArray *skipped;
} ImportTask;

static void
import_task_free (ImportTask *task_data)
{
  g_clear_object (&task_data->qdpx);
  g_clear_object (&task_data->new_project);
  g_clear_pointer (&task_data->skipped, g_ptr_array_unref);
  g_free (task_data);
}

/* A job without a project of its own: it makes one. */
static gpointer
import_job_run (LecternJob     *job,
                LecternProject  *no_project,
                gpointer        task_data,
                GCancellable   *cancellable,
                GError        **error)
{
  ImportTask *data = task_data;
  g_autoptr(LecternProject) project = NULL;

  /* The project is closed here; the caller opens it on its own thread. */
  project = lectern_qdpx_import (data->qdpx, data->new_project, &data->skipped, cancellable, error);
  return project != NULL ? GINT_TO_POINTER (TRUE) : NULL;
}

void
lectern_qdpx_import_async (GFile               *qdpx,
                           GFile               *new_project,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(LecternJob) job = NULL;
  ImportTask *data;

  g_return_if_fail (G_IS_FILE (qdpx));
  g_return_if_fail (G_IS_FILE (new_project));

  data = g_new0 (ImportTask, 1);
  data->qdpx = g_object_ref (qdpx);
  data->new_project = g_object_ref (new_project);
  job = lectern_job_new (NULL, import_job_run, data, (GDestroyNotify) import_task_free, NULL);
  lectern_job_run_async (job, lectern_qdpx_import_async, cancellable, callback, user_data);
}

gboolean
lectern_qdpx_import_finish (GAsyncResult  *result,
                            GPtrArray    **skipped,
                            GError       **error)
{
  ImportTask *data;

  if (lectern_job_propagate (result, lectern_qdpx_import_async, error) == NULL)
    return FALSE;
  data = lectern_job_get_data (lectern_job_from_result (result));
  if (skipped != NULL)
    *skipped = data->skipped != NULL ? g_ptr_array_ref (data->skipped)
                                     : g_ptr_array_new_with_free_func (g_free);
  return TRUE;
}
