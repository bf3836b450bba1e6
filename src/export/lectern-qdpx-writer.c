/* lectern-qdpx-writer.c — a REFI-QDA project exchange file (.qdpx): a zip
 * of project.qde (QDA-XML, valid against Project.xsd) and each document's
 * stored text as UTF-8 in sources/<guid>.txt.
 *
 * Positions of PlainTextSelection are code points, as in Lectern: the
 * standard counts characters of the plain text. Documents, codes,
 * selections and users carry the GUIDs the project stores for them (its
 * documents, tags, passages and coders), so that whatever reads the file
 * back, or merges it, recognises them; the rest (codings, notes,
 * variables) have GUIDs derived from what they name, so exporting a
 * project twice gives the same GUIDs.
 *
 * Every element that may carry provenance carries all of it (QualCoder's
 * importer, for one, fails on a <Note> without a date): the user is the
 * annotation's author, or LECTERN_QDPX_UNNAMED_USER where the project
 * names nobody; times are the project's own where it stores them
 * (annotations' created/updated, documents' import time) and the time of
 * the export otherwise (memos, the project itself).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <libxml/xmlwriter.h>

#include "lectern-export-writers-private.h"

typedef struct
{
  LecternExportSelection *selection;
  xmlTextWriterPtr        xml;
  GHashTable             *users;      /* guid → user name, of the coders written */
  GHashTable             *coders;     /* gint64 * coder id → LecternCoder */
  GHashTable             *tag_guids;  /* gint64 * tag id → guid */
  GHashTable             *variables;  /* variable name → guid */
  GPtrArray              *notes;      /* of Note */
  GDateTime              *now;        /* the export's time */
} QdeWriter;

typedef struct
{
  char      *guid;
  char      *text;
  char      *user;      /* guid */
  GDateTime *created;
  GDateTime *modified;
} Note;

static void
note_free (gpointer data)
{
  Note *note = data;

  g_free (note->guid);
  g_free (note->text);
  g_free (note->user);
  g_date_time_unref (note->created);
  g_date_time_unref (note->modified);
  g_free (note);
}

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} ZipSink;

/* A version-5-shaped UUID from a name, so GUIDs are stable. */
static char *
guid_for (const char *kind,
          const char *name)
{
  return lectern_guid_for_name (kind, name);
}

/* XML 1.0 has no place for most control characters. */
static char *
xml_safe (const char *text)
{
  char *safe = g_strdup (text != NULL ? text : "");

  for (char *p = safe; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      *p = '?';
  return safe;
}

static void
attribute (QdeWriter  *writer,
           const char *name,
           const char *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL)
    return;
  safe = xml_safe (value);
  xmlTextWriterWriteAttribute (writer->xml, BAD_CAST name, BAD_CAST safe);
}

static void
element_text (QdeWriter  *writer,
              const char *name,
              const char *value)
{
  g_autofree char *safe = xml_safe (value);

  xmlTextWriterWriteElement (writer->xml, BAD_CAST name, BAD_CAST safe);
}

static void
time_attribute (QdeWriter  *writer,
                const char *name,
                GDateTime  *time)
{
  g_autofree char *value = _lectern_export_format_time (time);

  attribute (writer, name, value);
}

static void
ref_element (QdeWriter  *writer,
             const char *name,
             const char *guid)
{
  xmlTextWriterStartElement (writer->xml, BAD_CAST name);
  attribute (writer, "targetGUID", guid);
  xmlTextWriterEndElement (writer->xml);
}

/* The user who coded @annotation (NULL: the project itself): its coder,
 * by the coder's GUID. */
static const char *
user_guid (QdeWriter         *writer,
           LecternAnnotation *annotation)
{
  gint64 coder_id = annotation != NULL ? lectern_annotation_get_coder_id (annotation) : 0;
  LecternCoder *coder = coder_id != 0 ? g_hash_table_lookup (writer->coders, &coder_id) : NULL;
  const char *guid;

  if (coder == NULL)
    return LECTERN_QDPX_UNNAMED_USER_GUID;
  guid = lectern_coder_get_guid (coder);
  if (!g_hash_table_contains (writer->users, guid))
    g_hash_table_insert (writer->users, g_strdup (guid), g_strdup (lectern_coder_get_display_name (coder)));
  return guid;
}

/* The stored GUID of @tag, read once per export. */
static const char *
tag_guid (QdeWriter   *writer,
          LecternTag  *tag,
          GError     **error)
{
  gint64 id = lectern_tag_get_id (tag);
  char *guid = g_hash_table_lookup (writer->tag_guids, &id);

  if (guid == NULL)
    {
      guid = lectern_project_dup_guid (writer->selection->project, LECTERN_GUID_TAG, id, error);
      if (guid == NULL)
        return NULL;
      g_hash_table_insert (writer->tag_guids, g_memdup2 (&id, sizeof id), guid);
    }
  return guid;
}

/* The four provenance attributes; @modified NULL means @created. */
static void
provenance (QdeWriter  *writer,
            const char *user,
            GDateTime  *created,
            GDateTime  *modified)
{
  attribute (writer, "creatingUser", user);
  time_attribute (writer, "creationDateTime", created);
  attribute (writer, "modifyingUser", user);
  time_attribute (writer, "modifiedDateTime", modified != NULL ? modified : created);
}

/* Registers a note to be written in <Notes> and writes its <NoteRef>.
 * @author and the times are those of the annotation it belongs to, or
 * NULL for a memo: the project keeps no author for memos, and its memo
 * times are not read here, so a memo's note carries the export's time. */
static void
note_ref (QdeWriter  *writer,
          const char *kind,
          const char *key,
          const char        *text,
          LecternAnnotation *annotation,
          GDateTime         *created,
          GDateTime         *modified)
{
  Note *note;

  if (text == NULL || *text == '\0')
    return;
  note = g_new0 (Note, 1);
  note->guid = guid_for (kind, key);
  note->text = g_strdup (text);
  note->user = g_strdup (user_guid (writer, annotation));
  note->created = g_date_time_ref (created != NULL ? created : writer->now);
  note->modified = g_date_time_ref (modified != NULL ? modified : note->created);
  g_ptr_array_add (writer->notes, note);
  ref_element (writer, "NoteRef", note->guid);
}

static gboolean
collect_users (QdeWriter  *writer,
               GError    **error)
{
  g_autoptr(GPtrArray) coders = lectern_project_list_coders (writer->selection->project, error);

  if (coders == NULL)
    return FALSE;
  for (guint i = 0; i < coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (coders, i);
      gint64 id = lectern_coder_get_id (coder);

      g_hash_table_insert (writer->coders, g_memdup2 (&id, sizeof id), g_object_ref (coder));
    }
  for (guint i = 0; i < writer->selection->annotations->len; i++)
    user_guid (writer, g_ptr_array_index (writer->selection->annotations, i));
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static void
write_users (QdeWriter *writer)
{
  g_autoptr(GPtrArray) guids = sorted_keys (writer->users);

  xmlTextWriterStartElement (writer->xml, BAD_CAST "Users");
  for (guint i = 0; i < guids->len; i++)
    {
      const char *guid = g_ptr_array_index (guids, i);

      xmlTextWriterStartElement (writer->xml, BAD_CAST "User");
      attribute (writer, "guid", guid);
      attribute (writer, "name", g_hash_table_lookup (writer->users, guid));
      xmlTextWriterEndElement (writer->xml);
    }
  /* Always there (the project itself is by it), and last: QualCoder
   * takes the first user listed for its coder's name. */
  xmlTextWriterStartElement (writer->xml, BAD_CAST "User");
  attribute (writer, "guid", LECTERN_QDPX_UNNAMED_USER_GUID);
  attribute (writer, "name", LECTERN_QDPX_UNNAMED_USER_NAME);
  xmlTextWriterEndElement (writer->xml);
  xmlTextWriterEndElement (writer->xml);
}

static gboolean
write_codes (QdeWriter  *writer,
             GError    **error)
{
  GPtrArray *tags = writer->selection->tags;
  guint depth = 0;

  if (tags->len == 0)
    return TRUE;
  xmlTextWriterStartElement (writer->xml, BAD_CAST "CodeBook");
  xmlTextWriterStartElement (writer->xml, BAD_CAST "Codes");
  /* Depth-first order: close one <Code> per level climbed back. */
  for (guint i = 0; i < tags->len; i++)
    {
      LecternTag *tag = g_ptr_array_index (tags, i);
      const char *guid = tag_guid (writer, tag, error);
      g_autofree char *memo = NULL;
      const char *description = lectern_tag_get_description (tag);

      if (guid == NULL)
        return FALSE;

      if (i > 0)
        for (guint level = lectern_tag_get_depth (tag); level <= depth; level++)
          xmlTextWriterEndElement (writer->xml);
      depth = lectern_tag_get_depth (tag);

      memo = lectern_project_dup_memo (writer->selection->project, LECTERN_MEMO_TAG,
                                      lectern_tag_get_id (tag), error);
      if (memo == NULL && error != NULL && *error != NULL)
        return FALSE;

      xmlTextWriterStartElement (writer->xml, BAD_CAST "Code");
      attribute (writer, "guid", guid);
      attribute (writer, "name", lectern_tag_get_name (tag));
      attribute (writer, "isCodable", "true");
      attribute (writer, "color", lectern_tag_get_colour (tag));
      if (description != NULL && *description != '\0')
        element_text (writer, "Description", description);
      note_ref (writer, "tag-memo", lectern_tag_get_path (tag), memo, NULL, NULL, NULL);
    }
  for (guint level = 0; level <= depth; level++)
    xmlTextWriterEndElement (writer->xml);
  xmlTextWriterEndElement (writer->xml);  /* Codes */
  xmlTextWriterEndElement (writer->xml);  /* CodeBook */
  return TRUE;
}

static void
add_variable (QdeWriter  *writer,
              const char *name)
{
  if (!g_hash_table_contains (writer->variables, name))
    g_hash_table_insert (writer->variables, g_strdup (name), guid_for ("variable", name));
}

static void
collect_variables (QdeWriter *writer)
{
  for (guint i = 0; i < writer->selection->documents->len; i++)
    {
      LecternDocument *document = g_ptr_array_index (writer->selection->documents, i);
      GHashTable *variables = lectern_document_get_variables (document);
      GHashTableIter iter;
      gpointer key;

      if (lectern_document_get_source (document) != NULL)
        add_variable (writer, LECTERN_QDPX_VAR_SOURCE);
      if (lectern_document_get_author (document) != NULL)
        add_variable (writer, LECTERN_QDPX_VAR_AUTHOR);
      if (lectern_document_get_date (document) != NULL)
        add_variable (writer, LECTERN_QDPX_VAR_DATE);
      if (lectern_document_get_language (document) != NULL)
        add_variable (writer, LECTERN_QDPX_VAR_LANGUAGE);
      if (variables == NULL)
        continue;
      g_hash_table_iter_init (&iter, variables);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        add_variable (writer, key);
    }
}

static void
write_variables (QdeWriter *writer)
{
  g_autoptr(GPtrArray) names = sorted_keys (writer->variables);

  if (names->len == 0)
    return;
  xmlTextWriterStartElement (writer->xml, BAD_CAST "Variables");
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      xmlTextWriterStartElement (writer->xml, BAD_CAST "Variable");
      attribute (writer, "guid", g_hash_table_lookup (writer->variables, name));
      attribute (writer, "name", name);
      attribute (writer, "typeOfVariable", "Text");
      xmlTextWriterEndElement (writer->xml);
    }
  xmlTextWriterEndElement (writer->xml);
}

static void
variable_value (QdeWriter  *writer,
                const char *name,
                const char *value)
{
  if (value == NULL)
    return;
  xmlTextWriterStartElement (writer->xml, BAD_CAST "VariableValue");
  ref_element (writer, "VariableRef", g_hash_table_lookup (writer->variables, name));
  element_text (writer, "TextValue", value);
  xmlTextWriterEndElement (writer->xml);
}

static gboolean
write_source (QdeWriter        *writer,
              LecternDocument  *document,
              const char       *guid,
              GError          **error)
{
  LecternExportSelection *selection = writer->selection;
  g_autoptr(GPtrArray) annotations =
    _lectern_export_selection_list_document_annotations (selection, lectern_document_get_id (document));
  g_autofree char *path = g_strconcat (LECTERN_QDPX_INTERNAL, guid, ".txt", NULL);
  g_autofree char *memo = NULL;
  g_autoptr(GPtrArray) names = NULL;
  GHashTable *variables = lectern_document_get_variables (document);

  memo = lectern_project_dup_memo (selection->project, LECTERN_MEMO_DOCUMENT,
                                  lectern_document_get_id (document), error);
  if (memo == NULL && error != NULL && *error != NULL)
    return FALSE;

  xmlTextWriterStartElement (writer->xml, BAD_CAST "TextSource");
  attribute (writer, "guid", guid);
  attribute (writer, "name", lectern_document_get_title (document));
  attribute (writer, "plainTextPath", path);
  /* Who imported a document is not kept; when its text last changed is
   * (its current version, which the positions below refer to): the
   * source's modification time, or its import time while it never
   * changed. */
  {
    LecternDocumentVersion *version = _lectern_export_selection_document_version (selection, document);
    GDateTime *changed = version != NULL && lectern_document_version_get_number (version) > 1
                         ? lectern_document_version_get_created (version) : NULL;

    provenance (writer, user_guid (writer, NULL), lectern_document_get_imported (document), changed);
  }

  for (guint i = 0; i < annotations->len; i++)
    {
      LecternAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autoptr(GPtrArray) tags = _lectern_export_selection_list_tags (selection, annotation);
      g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                                              lectern_document_get_content_hash (document),
                                              lectern_annotation_get_id (annotation));
      g_autofree char *selection_guid = lectern_project_dup_guid (selection->project, LECTERN_GUID_ANNOTATION,
                                                                  lectern_annotation_get_id (annotation), error);
      g_autofree char *start = g_strdup_printf ("%ld", lectern_annotation_get_start (annotation));
      g_autofree char *end = g_strdup_printf ("%ld", lectern_annotation_get_end (annotation));
      g_autofree char *name = g_utf8_substring (lectern_annotation_get_quote (annotation), 0,
                                                MIN (lectern_text_length (lectern_annotation_get_quote (annotation)), 60));
      const char *author = user_guid (writer, annotation);

      if (selection_guid == NULL)
        return FALSE;
      xmlTextWriterStartElement (writer->xml, BAD_CAST "PlainTextSelection");
      attribute (writer, "guid", selection_guid);
      attribute (writer, "name", name);
      attribute (writer, "startPosition", start);
      attribute (writer, "endPosition", end);
      provenance (writer, author, lectern_annotation_get_created (annotation),
                  lectern_annotation_get_updated (annotation));
      for (guint j = 0; j < tags->len; j++)
        {
          LecternTag *tag = g_ptr_array_index (tags, j);
          g_autofree char *coding_key = g_strdup_printf ("%s:%s", key, lectern_tag_get_path (tag));
          g_autofree char *coding_guid = guid_for ("coding", coding_key);
          const char *code_guid = tag_guid (writer, tag, error);

          if (code_guid == NULL)
            return FALSE;

          xmlTextWriterStartElement (writer->xml, BAD_CAST "Coding");
          attribute (writer, "guid", coding_guid);
          attribute (writer, "creatingUser", author);
          time_attribute (writer, "creationDateTime", lectern_annotation_get_created (annotation));
          ref_element (writer, "CodeRef", code_guid);
          xmlTextWriterEndElement (writer->xml);
        }
      note_ref (writer, "annotation-note", key, lectern_annotation_get_note (annotation),
                annotation, lectern_annotation_get_created (annotation),
                lectern_annotation_get_updated (annotation));
      xmlTextWriterEndElement (writer->xml);
      _lectern_export_selection_advance (selection, 1);
    }

  note_ref (writer, "document-memo", lectern_document_get_content_hash (document), memo,
            NULL, NULL, NULL);

  variable_value (writer, LECTERN_QDPX_VAR_SOURCE, lectern_document_get_source (document));
  variable_value (writer, LECTERN_QDPX_VAR_AUTHOR, lectern_document_get_author (document));
  variable_value (writer, LECTERN_QDPX_VAR_DATE, lectern_document_get_date (document));
  variable_value (writer, LECTERN_QDPX_VAR_LANGUAGE, lectern_document_get_language (document));
  if (variables != NULL)
    {
      names = sorted_keys (variables);
      for (guint i = 0; i < names->len; i++)
        variable_value (writer, g_ptr_array_index (names, i),
                        g_hash_table_lookup (variables, g_ptr_array_index (names, i)));
    }

  xmlTextWriterEndElement (writer->xml);
  return TRUE;
}

static void
write_notes (QdeWriter *writer)
{
  if (writer->notes->len == 0)
    return;
  xmlTextWriterStartElement (writer->xml, BAD_CAST "Notes");
  for (guint i = 0; i < writer->notes->len; i++)
    {
      Note *note = g_ptr_array_index (writer->notes, i);
      g_autofree char *name = g_utf8_substring (note->text, 0, MIN (lectern_text_length (note->text), 60));

      xmlTextWriterStartElement (writer->xml, BAD_CAST "Note");
      attribute (writer, "guid", note->guid);
      g_strdelimit (name, "\n\r\t", ' ');
      attribute (writer, "name", name);
      provenance (writer, note->user, note->created, note->modified);
      element_text (writer, "PlainTextContent", note->text);
      xmlTextWriterEndElement (writer->xml);
    }
  xmlTextWriterEndElement (writer->xml);
}

static la_ssize_t
zip_write (struct archive *archive,
           void           *data,
           const void     *buffer,
           size_t          length)
{
  ZipSink *sink = data;

  if (sink->error != NULL)
    return -1;
  if (!g_output_stream_write_all (sink->out, buffer, length, NULL, sink->cancellable, &sink->error))
    {
      archive_set_error (archive, EIO, "%s", sink->error->message);
      return -1;
    }
  return length;
}

static gboolean
zip_add (struct archive  *archive,
         ZipSink         *sink,
         const char      *path,
         const char      *data,
         gsize            length,
         GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gboolean ok;

  archive_entry_set_pathname (entry, path);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, length);
  archive_entry_set_mtime (entry, g_get_real_time () / G_USEC_PER_SEC, 0);
  ok = archive_write_header (archive, entry) == ARCHIVE_OK
       && (length == 0 || archive_write_data (archive, data, length) == (la_ssize_t) length);
  archive_entry_free (entry);

  if (!ok)
    {
      if (sink->error != NULL)
        g_propagate_error (error, g_steal_pointer (&sink->error));
      else
        g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_WRITE,
                     _("Could not add “%s” to the archive: %s"), path, archive_error_string (archive));
    }
  return ok;
}

static int
append_xml (void       *data,
            const char *buffer,
            int         length)
{
  g_string_append_len (data, buffer, length);
  return length;
}

static gboolean
write_archive (LecternExportSelection  *selection,
               struct archive          *archive,
               ZipSink                 *sink,
               GCancellable            *cancellable,
               GError                 **error)
{
  g_autoptr(GHashTable) users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (note_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *project_memo = NULL;
  g_autoptr(GString) xml_text = g_string_sized_new (64 * 1024);
  g_autoptr(GHashTable) coders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) tag_guids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  QdeWriter writer = { selection, NULL, users, coders, tag_guids, variables, notes, now };
  gboolean ok = TRUE;

  /* Into a GString, which grows by doubling: xmlBuffer's growth copies
   * the document over and over. */
  writer.xml = xmlNewTextWriter (xmlOutputBufferCreateIO (append_xml, NULL, xml_text, NULL));
  xmlTextWriterSetIndent (writer.xml, 1);
  xmlTextWriterSetIndentString (writer.xml, BAD_CAST " ");
  xmlTextWriterStartDocument (writer.xml, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElementNS (writer.xml, NULL, BAD_CAST "Project", BAD_CAST LECTERN_QDPX_NAMESPACE);
  attribute (&writer, "name", selection->title);
  attribute (&writer, "origin", "Lectern " PACKAGE_VERSION);
  /* The project as exported: by nobody it names, made now. */
  attribute (&writer, "creatingUserGUID", LECTERN_QDPX_UNNAMED_USER_GUID);
  time_attribute (&writer, "creationDateTime", now);
  attribute (&writer, "modifyingUserGUID", LECTERN_QDPX_UNNAMED_USER_GUID);
  time_attribute (&writer, "modifiedDateTime", now);

  ok = collect_users (&writer, error);
  collect_variables (&writer);
  write_users (&writer);
  ok = ok && write_codes (&writer, error);
  if (ok)
    write_variables (&writer);

  if (ok && selection->documents->len > 0)
    {
      xmlTextWriterStartElement (writer.xml, BAD_CAST "Sources");
      for (guint i = 0; ok && i < selection->documents->len; i++)
        {
          LecternDocument *document = g_ptr_array_index (selection->documents, i);
          g_autofree char *guid = lectern_project_dup_guid (selection->project, LECTERN_GUID_DOCUMENT,
                                                            lectern_document_get_id (document), error);
          g_autofree char *text = NULL;
          g_autofree char *path = NULL;

          ok = guid != NULL && !g_cancellable_set_error_if_cancelled (cancellable, error)
               && write_source (&writer, document, guid, error);
          if (!ok)
            break;
          /* Each text goes into the zip at once, not kept for later. */
          text = lectern_project_dup_text (selection->project, lectern_document_get_id (document), error);
          path = g_strconcat (LECTERN_QDPX_SOURCES_DIR, guid, ".txt", NULL);
          ok = text != NULL && zip_add (archive, sink, path, text, strlen (text), error);
        }
      xmlTextWriterEndElement (writer.xml);
    }

  if (ok)
    {
      project_memo = lectern_project_dup_memo (selection->project, LECTERN_MEMO_PROJECT, 0, error);
      ok = project_memo != NULL || error == NULL || *error == NULL;
    }
  if (ok)
    {
      /* <Notes> comes before the project's own <NoteRef>: register the
       * project memo's note first, then write its reference last. */
      g_autofree char *memo_guid = guid_for ("project-memo", "project");

      if (project_memo != NULL && *project_memo != '\0')
        {
          Note *note = g_new0 (Note, 1);

          note->guid = g_strdup (memo_guid);
          note->text = g_strdup (project_memo);
          note->user = g_strdup (LECTERN_QDPX_UNNAMED_USER_GUID);
          note->created = g_date_time_ref (now);
          note->modified = g_date_time_ref (now);
          g_ptr_array_add (notes, note);
        }
      write_notes (&writer);
      if (project_memo != NULL && *project_memo != '\0')
        ref_element (&writer, "NoteRef", memo_guid);
    }

  xmlTextWriterEndDocument (writer.xml);
  xmlFreeTextWriter (writer.xml);
  if (ok)
    ok = zip_add (archive, sink, LECTERN_QDPX_PROJECT_FILE, xml_text->str, xml_text->len, error);
  return ok;
}

gboolean
_lectern_qdpx_writer_write (LecternExportSelection  *selection,
                            GOutputStream           *out,
                            GCancellable            *cancellable,
                            GError                 **error)
{
  struct archive *archive = archive_write_new ();
  ZipSink sink = { out, cancellable, NULL };
  gboolean ok;

  archive_write_set_format_zip (archive);
  archive_write_set_bytes_in_last_block (archive, 1);
  if (archive_write_open (archive, &sink, NULL, zip_write, NULL) != ARCHIVE_OK)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_WRITE,
                   _("Could not start the archive: %s"), archive_error_string (archive));
      archive_write_free (archive);
      return FALSE;
    }

  ok = write_archive (selection, archive, &sink, cancellable, error);
  if (archive_write_close (archive) != ARCHIVE_OK && ok)
    {
      if (sink.error != NULL)
        g_propagate_error (error, g_steal_pointer (&sink.error));
      else
        g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_WRITE,
                     _("Could not finish the archive: %s"), archive_error_string (archive));
      ok = FALSE;
    }
  g_clear_error (&sink.error);
  archive_write_free (archive);
  return ok;
}
