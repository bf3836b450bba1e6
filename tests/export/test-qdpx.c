/* test-qdpx.c — REFI-QDA export valid against Project.xsd, round trip into
 * a new project, and hostile archives refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlschemas.h>
#include <sys/stat.h>

#include "export-fixture.h"
#include "lectern-export.h"
#include "lectern-import.h"
#include "lectern-qdpx-reader-private.h"

static char *
export_qdpx (Fixture    *fixture,
             const char *name)
{
  g_autoptr(LecternExportOptions) options = lectern_export_options_new (LECTERN_EXPORT_FORMAT_QDPX);
  g_autoptr(GError) error = NULL;
  char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (lectern_export_to_file (fixture->project, options, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* path → contents of every entry of a zip. */
static GHashTable *
read_zip (const char *path)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_filename (archive, path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      GString *data = g_string_new (NULL);
      char chunk[8192];
      la_ssize_t n;

      while ((n = archive_read_data (archive, chunk, sizeof chunk)) > 0)
        g_string_append_len (data, chunk, n);
      g_assert_cmpint (n, ==, 0);
      g_hash_table_insert (entries, g_strdup (archive_entry_pathname (entry)), g_string_free (data, FALSE));
    }
  archive_read_free (archive);
  return entries;
}

static void
test_schema (void)
{
  Fixture fixture;
  g_autofree char *path = NULL;
  g_autofree char *xsd = fixture_xsd_path ();
  g_autoptr(GHashTable) entries = NULL;
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;
  const char *qde;
  xmlSchemaParserCtxtPtr parser;
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr validator;
  xmlDocPtr doc;
  guint n_sources = 0;
  GHashTableIter iter;
  gpointer key, value;

  fixture_init (&fixture, "schema.lectern");
  path = export_qdpx (&fixture, "schema.qdpx");
  entries = read_zip (path);
  qde = g_hash_table_lookup (entries, "project.qde");
  g_assert_nonnull (qde);

  /* Sources are the stored texts, byte for byte. */
  text1 = lectern_project_dup_text (fixture.project, fixture.doc1, NULL);
  text2 = lectern_project_dup_text (fixture.project, fixture.doc2, NULL);
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "sources/"))
      {
        g_autofree char *reference = g_strconcat ("plainTextPath=\"internal://", (char *) key + strlen ("sources/"),
                                                  "\"", NULL);

        g_assert_true (g_str_equal (value, text1) || g_str_equal (value, text2));
        g_assert_nonnull (strstr (qde, reference));
        n_sources++;
      }
  g_assert_cmpuint (n_sources, ==, 2);
  g_assert_nonnull (strstr (qde, "color=\"#2ec27e\""));

  if (xsd == NULL)
    {
      g_test_skip ("The REFI-QDA schema (../shared/standards/refi-qda/Project.xsd) is absent");
      fixture_clear (&fixture);
      return;
    }
  parser = xmlSchemaNewParserCtxt (xsd);
  schema = xmlSchemaParse (parser);
  g_assert_nonnull (schema);
  validator = xmlSchemaNewValidCtxt (schema);
  doc = xmlReadMemory (qde, strlen (qde), "project.qde", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpint (xmlSchemaValidateDoc (validator, doc), ==, 0);
  xmlFreeDoc (doc);
  xmlSchemaFreeValidCtxt (validator);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser);
  fixture_clear (&fixture);
}

static xmlXPathObjectPtr
select_nodes (xmlXPathContextPtr  context,
              const char         *expression)
{
  xmlXPathObjectPtr result = xmlXPathEvalExpression (BAD_CAST expression, context);

  g_assert_nonnull (result);
  g_assert_nonnull (result->nodesetval);
  return result;
}

static char *
get_attr (xmlNodePtr  node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* "2024-05-01T12:30:00Z": QualCoder (refi.py, parse_notes and
 * load_codings_for_text) drops the "T" and the "Z" and stores the rest
 * as its "YYYY-MM-DD HH:MM:SS" dates. */
static void
assert_date (xmlNodePtr  node,
             const char *name)
{
  g_autofree char *value = get_attr (node, name);
  g_autoptr(GRegex) regex = g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", 0, 0, NULL);

  g_assert_nonnull (value);
  g_assert_true (g_regex_match (regex, value, 0, NULL));
}

/* What other REFI-QDA importers need beyond Project.xsd: each check
 * names the tool and the function that relies on it. */
static void
test_other_tools (void)
{
  Fixture fixture;
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GHashTable) users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *qde;
  xmlDocPtr doc;
  xmlXPathContextPtr context;
  xmlXPathObjectPtr result;
  xmlNodeSetPtr nodes;
  guint n_notes = 0;

  fixture_init (&fixture, "tools.lectern");
  /* A memo too, whose note has no annotation to take a date from. */
  g_assert_true (lectern_project_set_memo (fixture.project, LECTERN_MEMO_PROJECT, 0, "Project memo", NULL));
  path = export_qdpx (&fixture, "tools.qdpx");
  entries = read_zip (path);
  qde = g_hash_table_lookup (entries, "project.qde");
  g_assert_nonnull (qde);
  doc = xmlReadMemory (qde, strlen (qde), "project.qde", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  context = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (context, BAD_CAST "q", BAD_CAST LECTERN_QDPX_NAMESPACE);

  /* Every <User> has a guid and a name: QualCoder (refi.py parse_users)
   * maps guids to names, and import_project makes users[0]'s name its
   * coder's name. */
  result = select_nodes (context, "/q:Project/q:Users/q:User");
  nodes = result->nodesetval;
  g_assert_cmpint (nodes->nodeNr, >=, 2);
  for (int i = 0; i < nodes->nodeNr; i++)
    {
      g_autofree char *name = get_attr (nodes->nodeTab[i], "name");

      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, "");
      g_hash_table_add (users, get_attr (nodes->nodeTab[i], "guid"));
    }
  xmlXPathFreeObject (result);

  /* The project says who made it and when (Project.xsd ProjectType). */
  result = select_nodes (context, "/q:Project");
  {
    g_autofree char *creator = get_attr (result->nodesetval->nodeTab[0], "creatingUserGUID");

    g_assert_true (g_hash_table_contains (users, creator));
    assert_date (result->nodesetval->nodeTab[0], "creationDateTime");
    assert_date (result->nodesetval->nodeTab[0], "modifiedDateTime");
  }
  xmlXPathFreeObject (result);

  /* Sources, selections and notes carry user and dates, the users listed
   * in <Users>: QualCoder reads creatingUser (else modifyingUser) and
   * looks it up by exact string in its users, "default" otherwise
   * (refi.py name_creating_user_create_date_source_path_helper for
   * sources, load_codings_for_text for selections, parse_notes for
   * notes); every <Note> has creationDateTime (or modifiedDateTime),
   * without which parse_notes fails on None.replace(). */
  result = select_nodes (context, "//q:TextSource | //q:PlainTextSelection | //q:Note");
  nodes = result->nodesetval;
  for (int i = 0; i < nodes->nodeNr; i++)
    {
      g_autofree char *creating = get_attr (nodes->nodeTab[i], "creatingUser");
      g_autofree char *modifying = get_attr (nodes->nodeTab[i], "modifyingUser");

      g_assert_true (g_hash_table_contains (users, creating));
      g_assert_true (g_hash_table_contains (users, modifying));
      assert_date (nodes->nodeTab[i], "creationDateTime");
      assert_date (nodes->nodeTab[i], "modifiedDateTime");
      if (xmlStrEqual (nodes->nodeTab[i]->name, BAD_CAST "Note"))
        n_notes++;
    }
  g_assert_cmpuint (n_notes, >=, 2);
  xmlXPathFreeObject (result);

  /* The annotation's author is its selection's user, by name. */
  result = select_nodes (context, "//q:PlainTextSelection[@creatingUser=/q:Project/q:Users/q:User[@name='Ana Lyst']/@guid]");
  g_assert_cmpint (result->nodesetval->nodeNr, >=, 1);
  xmlXPathFreeObject (result);

  /* A <Note>'s text is in <PlainTextContent>: QualCoder (refi.py
   * insert_annotation) reads that element by name. */
  result = select_nodes (context, "//q:Note[not(q:PlainTextContent)]");
  g_assert_cmpint (result->nodesetval->nodeNr, ==, 0);
  xmlXPathFreeObject (result);

  /* The codebook's only child is <Codes>: QualCoder (refi.py
   * import_project) takes list(CodeBook)[0] as it. */
  result = select_nodes (context, "/q:Project/q:CodeBook/*");
  g_assert_cmpint (result->nodesetval->nodeNr, ==, 1);
  g_assert_cmpstr ((const char *) result->nodesetval->nodeTab[0]->name, ==, "Codes");
  xmlXPathFreeObject (result);

  result = select_nodes (context, "//q:Code");
  for (int i = 0; i < result->nodesetval->nodeNr; i++)
    g_hash_table_add (codes, get_attr (result->nodesetval->nodeTab[i], "guid"));
  xmlXPathFreeObject (result);

  /* A <Coding>'s first child is its <CodeRef>, whose targetGUID is a
   * <Code>'s guid spelt the same (case included): QualCoder (refi.py
   * load_codings_for_text) takes list(Coding)[0] and compares strings. */
  result = select_nodes (context, "//q:Coding");
  nodes = result->nodesetval;
  g_assert_cmpint (nodes->nodeNr, >=, 1);
  for (int i = 0; i < nodes->nodeNr; i++)
    {
      xmlNodePtr first = xmlFirstElementChild (nodes->nodeTab[i]);
      g_autofree char *target = NULL;
      g_autofree char *creating = get_attr (nodes->nodeTab[i], "creatingUser");

      g_assert_nonnull (first);
      g_assert_cmpstr ((const char *) first->name, ==, "CodeRef");
      target = get_attr (first, "targetGUID");
      g_assert_true (g_hash_table_contains (codes, target));
      g_assert_true (g_hash_table_contains (users, creating));
      assert_date (nodes->nodeTab[i], "creationDateTime");
    }
  xmlXPathFreeObject (result);

  /* plainTextPath is internal://NAME with NAME under sources/: QualCoder
   * (refi.py name_creating_user_create_date_source_path_helper) splits
   * at "internal:/" and reads the rest from its "sources" folder. */
  result = select_nodes (context, "//q:TextSource");
  nodes = result->nodesetval;
  for (int i = 0; i < nodes->nodeNr; i++)
    {
      g_autofree char *text_path = get_attr (nodes->nodeTab[i], "plainTextPath");
      g_autofree char *entry = NULL;

      g_assert_true (g_str_has_prefix (text_path, "internal://"));
      entry = g_strconcat ("sources/", text_path + strlen ("internal://"), NULL);
      g_assert_true (g_hash_table_contains (entries, entry));
    }
  xmlXPathFreeObject (result);

  xmlXPathFreeContext (context);
  xmlFreeDoc (doc);
  fixture_clear (&fixture);
}

/* The names in @dir that start with a dot: temporary files. */
static guint
count_hidden (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    n += name[0] == '.';
  return n;
}

/* A project imported from a .qdpx appears whole or not at all: a
 * cancelled import leaves nothing, a good one the project and no
 * temporary file. */
static void
test_import_whole_or_nothing (void)
{
  Fixture fixture;
  g_autofree char *qdpx_path = NULL;
  g_autofree char *dir = fixture_path ("imports");
  g_autofree char *project_path = g_build_filename (dir, "imported.lectern", NULL);
  g_autoptr(GFile) qdpx = NULL;
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;

  fixture_init (&fixture, "import-source.lectern");
  qdpx_path = export_qdpx (&fixture, "import-source.qdpx");
  qdpx = g_file_new_for_path (qdpx_path);
  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));

  g_cancellable_cancel (cancellable);
  project = lectern_qdpx_import (qdpx, project_file, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (project);
  g_clear_error (&error);
  g_assert_false (g_file_test (project_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_hidden (dir), ==, 0);

  project = lectern_qdpx_import (qdpx, project_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_true (g_file_test (project_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_hidden (dir), ==, 0);
  g_clear_object (&project);
  fixture_clear (&fixture);
}

/* Everything a user would miss, as lines to compare. */
/* What a merge recognises @kind @id by. */
static char *
dup_guid (LecternProject  *project,
          LecternGuidKind kind,
          gint64          id)
{
  g_autoptr(GError) error = NULL;
  char *guid = lectern_project_dup_guid (project, kind, id, &error);

  g_assert_no_error (error);
  g_assert_true (lectern_guid_is_valid (guid));
  return guid;
}

/* The coder of @annotation: "GUID name". */
static char *
describe_coder (LecternProject    *project,
                LecternAnnotation *annotation)
{
  g_autoptr(GPtrArray) coders = lectern_project_list_coders (project, NULL);

  for (guint i = 0; i < coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (coders, i);

      if (lectern_coder_get_id (coder) == lectern_annotation_get_coder_id (annotation))
        return g_strdup_printf ("%s %s", lectern_coder_get_guid (coder), lectern_coder_get_name (coder));
    }
  g_assert_not_reached ();
}

static GPtrArray *
describe_project (LecternProject *project)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) documents = lectern_project_list_documents (project, NULL);
  g_autoptr(GListModel) tags = lectern_project_list_tags (project, NULL);
  g_autoptr(GListModel) annotations = lectern_project_list_annotations (project, 0, 0, FALSE, NULL);

  g_autofree char *project_memo = lectern_project_dup_memo (project, LECTERN_MEMO_PROJECT, 0, NULL);

  g_ptr_array_add (lines, g_strdup_printf ("project memo %s", project_memo));
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(LecternDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *text = lectern_project_dup_text (project, lectern_document_get_id (document), NULL);
      g_autofree char *memo = lectern_project_dup_memo (project, LECTERN_MEMO_DOCUMENT,
                                                       lectern_document_get_id (document), NULL);
      GHashTable *variables = lectern_document_get_variables (document);
      g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (variables), (GCompareFunc) g_strcmp0);

      g_autofree char *guid = dup_guid (project, LECTERN_GUID_DOCUMENT, lectern_document_get_id (document));

      g_ptr_array_add (lines, g_strdup_printf ("document %s|%s|%s|%s|%s|%s|%s|memo %s", guid,
                                               lectern_document_get_title (document), text,
                                               lectern_document_get_source (document),
                                               lectern_document_get_author (document),
                                               lectern_document_get_date (document),
                                               lectern_document_get_language (document), memo));
      for (GList *l = keys; l != NULL; l = l->next)
        g_ptr_array_add (lines, g_strdup_printf ("variable %s=%s", (char *) l->data,
                                                 (char *) g_hash_table_lookup (variables, l->data)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(LecternTag) tag = g_list_model_get_item (tags, i);
      g_autofree char *memo = lectern_project_dup_memo (project, LECTERN_MEMO_TAG, lectern_tag_get_id (tag), NULL);
      g_autofree char *guid = dup_guid (project, LECTERN_GUID_TAG, lectern_tag_get_id (tag));

      g_ptr_array_add (lines, g_strdup_printf ("tag %s|%s|%u|%s|%s|memo %s", guid, lectern_tag_get_path (tag),
                                               lectern_tag_get_depth (tag), lectern_tag_get_colour (tag),
                                               lectern_tag_get_description (tag), memo));
    }
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (annotations, i);
      g_autoptr(LecternDocument) document =
        lectern_project_dup_document (project, lectern_annotation_get_document_id (annotation), NULL);
      g_autoptr(GString) line = g_string_new (NULL);
      guint n_tags;
      const gint64 *tag_ids = lectern_annotation_get_tag_ids (annotation, &n_tags);
      g_autofree char *guid = dup_guid (project, LECTERN_GUID_ANNOTATION, lectern_annotation_get_id (annotation));
      g_autofree char *coder = describe_coder (project, annotation);

      g_string_append_printf (line, "annotation %s|%s|", guid, coder);
      g_string_append_printf (line, "%s|%ld|%ld|%s|", lectern_document_get_title (document),
                              lectern_annotation_get_start (annotation), lectern_annotation_get_end (annotation),
                              lectern_annotation_get_quote (annotation));
      for (guint j = 0; j < n_tags; j++)
        {
          g_autoptr(LecternTag) tag = lectern_project_dup_tag (project, tag_ids[j], NULL);

          g_string_append_printf (line, "%s,", lectern_tag_get_path (tag));
        }
      g_string_append_printf (line, "|%s|%s", lectern_annotation_get_note (annotation),
                              lectern_annotation_get_author (annotation));
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  return lines;
}

static void
test_round_trip (void)
{
  Fixture fixture;
  g_autofree char *path = NULL;
  g_autofree char *project_path = fixture_path ("imported.lectern");
  g_autoptr(GFile) qdpx = NULL;
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(LecternProject) imported = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  fixture_init (&fixture, "round.lectern");
  /* A second coder, whose GUID, and passage's, must come back. */
  g_assert_true (lectern_project_set_coder (fixture.project, "Zoé", "0F8FAD5B-D9CB-469F-A165-70867728950E", &error));
  g_assert_no_error (error);
  {
    g_autoptr(LecternAnnotation) annotation = lectern_project_add_annotation (fixture.project, 1, 0, 5, NULL, 0,
                                                                              NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (annotation);
  }
  path = export_qdpx (&fixture, "round.qdpx");
  qdpx = g_file_new_for_path (path);
  imported = lectern_qdpx_import (qdpx, project_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);

  before = describe_project (fixture.project);
  after = describe_project (imported);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < before->len; i++)
      found |= strstr (g_ptr_array_index (before, i), "0f8fad5b-d9cb-469f-a165-70867728950e Zoé") != NULL;
    g_assert_true (found);
  }
  for (guint i = 0; i < MIN (before->len, after->len); i++)
    g_assert_cmpstr (g_ptr_array_index (after, i), ==, g_ptr_array_index (before, i));
  g_assert_cmpuint (after->len, ==, before->len);

  /* An existing file is never overwritten. */
  g_clear_object (&imported);
  g_assert_null (lectern_qdpx_import (qdpx, project_file, NULL, NULL, &error));
  g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EXISTS);
  fixture_clear (&fixture);
}

typedef struct
{
  const char *path;
  const char *data;    /* NULL: a symlink to "/etc/passwd" */
  gsize       size;    /* 0: strlen (data) */
} Entry;

static char *
write_zip (const char  *name,
           const Entry *entries,
           guint        n_entries)
{
  char *path = fixture_path (name);
  struct archive *archive = archive_write_new ();

  archive_write_set_format_zip (archive);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n_entries; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize size = entries[i].size > 0 ? entries[i].size
                   : entries[i].data != NULL ? strlen (entries[i].data) : 0;

      archive_entry_set_pathname (entry, entries[i].path);
      archive_entry_set_perm (entry, 0644);
      if (entries[i].data == NULL)
        {
          archive_entry_set_filetype (entry, AE_IFLNK);
          archive_entry_set_symlink (entry, "/etc/passwd");
          size = 0;
        }
      else
        archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_size (entry, size);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      if (entries[i].data != NULL && entries[i].size > 0)
        {
          /* A run of zeros: compresses to almost nothing. */
          g_autofree char *zeros = g_malloc0 (64 * 1024);

          for (gsize written = 0; written < size; written += 64 * 1024)
            archive_write_data (archive, zeros, MIN (64 * 1024, size - written));
        }
      else if (size > 0)
        archive_write_data (archive, entries[i].data, size);
      archive_entry_free (entry);
    }
  archive_write_close (archive);
  archive_write_free (archive);
  return path;
}

#define MINIMAL_QDE \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sources>" \
  "<TextSource guid=\"00000000-0000-5000-8000-000000000001\" name=\"t\">" \
  "<PlainTextContent>Some text.</PlainTextContent>" \
  "<PlainTextSelection guid=\"00000000-0000-5000-8000-000000000002\" startPosition=\"0\" endPosition=\"4\">" \
  "<Coding guid=\"00000000-0000-5000-8000-000000000003\">" \
  "<CodeRef targetGUID=\"00000000-0000-5000-8000-00000000dead\"/></Coding>" \
  "</PlainTextSelection></TextSource></Sources></Project>\n"

#define EMPTY_SOURCE_QDE \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sources>" \
  "<TextSource guid=\"00000000-0000-5000-8000-000000000001\" name=\"t\" plainTextPath=\"internal://a.txt\"/>" \
  "</Sources></Project>\n"

static void
assert_refused (const char *zip_path,
                const char *project_name,
                int         code)
{
  g_autofree char *project_path = fixture_path (project_name);
  g_autoptr(GFile) qdpx = g_file_new_for_path (zip_path);
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (zip_path);

  project = lectern_qdpx_import (qdpx, project_file, NULL, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, LECTERN_IMPORT_ERROR, code);
  g_test_message ("refused: %s", error->message);
  /* The message names the archive; nothing is left behind. */
  g_assert_nonnull (strstr (error->message, basename));
  g_assert_false (g_file_test (project_path, G_FILE_TEST_EXISTS));
}

static void
test_zip_slip (void)
{
  g_autofree char *up = write_zip ("up.qdpx", (Entry[]) {
    { "project.qde", MINIMAL_QDE, 0 }, { "sources/../../evil.txt", "owned", 0 } }, 2);
  g_autofree char *absolute = write_zip ("absolute.qdpx", (Entry[]) {
    { "/tmp/lectern-absolute-evil.txt", "owned", 0 }, { "project.qde", MINIMAL_QDE, 0 } }, 2);
  g_autofree char *link = write_zip ("link.qdpx", (Entry[]) {
    { "project.qde", MINIMAL_QDE, 0 }, { "sources/passwd.txt", NULL, 0 } }, 2);
  g_autofree char *evil = g_build_filename (g_get_user_data_dir (), "..", "evil.txt", NULL);

  assert_refused (up, "up.lectern", LECTERN_IMPORT_ERROR_UNSAFE);
  assert_refused (absolute, "absolute.lectern", LECTERN_IMPORT_ERROR_UNSAFE);
  assert_refused (link, "link.lectern", LECTERN_IMPORT_ERROR_UNSAFE);
  g_assert_false (g_file_test (evil, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/tmp/lectern-absolute-evil.txt", G_FILE_TEST_EXISTS));
}

static void
test_bomb (void)
{
  g_autofree char *bomb = write_zip ("bomb.qdpx", (Entry[]) {
    { "project.qde", MINIMAL_QDE, 0 }, { "sources/big.txt", "", 4 * 1024 * 1024 } }, 2);
  g_autofree char *crowd = NULL;
  g_autoptr(GArray) many = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  struct stat st;

  /* The archive is small; what it unpacks to is not. */
  g_assert_no_errno (g_stat (bomb, &st));
  g_assert_cmpint (st.st_size, <, 64 * 1024);
  _lectern_qdpx_reader_set_limits (20, 1024 * 1024, 2 * 1024 * 1024);
  assert_refused (bomb, "bomb.lectern", LECTERN_IMPORT_ERROR_TOO_LARGE);

  for (guint i = 0; i < 30; i++)
    {
      char *name = g_strdup_printf ("sources/%u.txt", i);
      Entry entry = { name, "x", 0 };

      g_ptr_array_add (names, name);
      g_array_append_val (many, entry);
    }
  crowd = write_zip ("crowd.qdpx", (Entry *) (gpointer) many->data, many->len);
  assert_refused (crowd, "crowd.lectern", LECTERN_IMPORT_ERROR_TOO_LARGE);
  _lectern_qdpx_reader_set_limits (0, 0, 0);
}

static void
test_damaged (void)
{
  Fixture fixture;
  g_autofree char *good = NULL;
  g_autofree char *data = NULL;
  g_autofree char *truncated = fixture_path ("truncated.qdpx");
  g_autofree char *garbage = fixture_path ("garbage.qdpx");
  g_autofree char *dangling = write_zip ("dangling.qdpx", (Entry[]) { { "project.qde", MINIMAL_QDE, 0 } }, 1);
  g_autofree char *empty = write_zip ("no-project.qdpx", (Entry[]) { { "sources/a.txt", "a", 0 } }, 1);
  g_autofree char *empty_text = write_zip ("empty-text.qdpx", (Entry[]) {
                                             { "project.qde", EMPTY_SOURCE_QDE, 0 },
                                             { "sources/a.txt", "", 0 },
                                           }, 2);
  gsize length;

  fixture_init (&fixture, "damaged.lectern");
  good = export_qdpx (&fixture, "good.qdpx");
  g_assert_true (g_file_get_contents (good, &data, &length, NULL));
  /* Cut short in the middle of its entries. */
  g_assert_true (g_file_set_contents (truncated, data, length / 2, NULL));
  assert_refused (truncated, "truncated.lectern", LECTERN_IMPORT_ERROR_DAMAGED);
  g_assert_true (g_file_set_contents (garbage, "PK\x03\x04 this is not a zip at all", -1, NULL));
  assert_refused (garbage, "garbage.lectern", LECTERN_IMPORT_ERROR_DAMAGED);
  /* A coding of a code that is not in the codebook. */
  assert_refused (dangling, "dangling.lectern", LECTERN_IMPORT_ERROR_INVALID);
  assert_refused (empty, "empty.lectern", LECTERN_IMPORT_ERROR_INVALID);
  /* A source whose text file is empty (found by fuzzing: it failed
   * without saying why). */
  assert_refused (empty_text, "empty-text.lectern", LECTERN_IMPORT_ERROR_INVALID);
  fixture_clear (&fixture);
}

#define QDE_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sources>" \
  "<TextSource guid=\"00000000-0000-5000-8000-000000000001\" name=\"Transcript\" plainTextPath=\"internal://a.txt\">"
#define QDE_TAIL "</TextSource></Sources></Project>\n"

/* One line of the CRLF text below: 21 code points in the file ("e" and a
 * combining acute, CR LF), 19 once stored (NFC "é", LF). */
#define LINE_FORMAT "Line %05u cafe\xcc\x81 ok\r\n"
#define LINE_FILE_CHARS 21
#define LINE_STORED_CHARS 19

/* 200 selections on a 1 MB text with CRLF line ends and decomposed
 * accents, listed last line first: each lands on its own line's words in
 * the stored text. (The positions were once re-mapped from the start of
 * the text for each selection: 4 s for this file.) */
static void
test_crlf_positions (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) qde = g_string_new (QDE_HEAD);
  g_autofree char *zip = NULL;
  g_autofree char *project_path = fixture_path ("crlf.lectern");
  g_autoptr(GFile) qdpx = NULL;
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GListModel) annotations = NULL;
  guint n_lines = 1024 * 1024 / (LINE_FILE_CHARS + 2);

  for (guint k = 0; k < n_lines; k++)
    g_string_append_printf (text, LINE_FORMAT, k);
  for (guint i = 200; i > 0; i--)
    {
      guint k = (i - 1) * 220 + 3;

      g_string_append_printf (qde, "<PlainTextSelection guid=\"00000000-0000-5000-8000-%012u\" name=\"s%u\""
                                   " startPosition=\"%u\" endPosition=\"%u\"/>",
                              i, i, k * LINE_FILE_CHARS, k * LINE_FILE_CHARS + LINE_FILE_CHARS - 2);
    }
  g_string_append (qde, QDE_TAIL);
  zip = write_zip ("crlf.qdpx", (Entry[]) { { "project.qde", qde->str, 0 }, { "sources/a.txt", text->str, 0 } }, 2);
  qdpx = g_file_new_for_path (zip);

  project = lectern_qdpx_import (qdpx, project_file, NULL, NULL, &error);
  g_assert_no_error (error);
  annotations = lectern_project_list_annotations (project, 0, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 200);
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (annotations, i);
      glong start = lectern_annotation_get_start (annotation);
      guint k = start / LINE_STORED_CHARS;
      g_autofree char *quote = g_strdup_printf ("Line %05u caf\xc3\xa9 ok", k);

      g_assert_cmpint (start, ==, (glong) k * LINE_STORED_CHARS);
      g_assert_cmpint (k % 220, ==, 3);
      g_assert_cmpint (lectern_annotation_get_end (annotation), ==, start + LINE_STORED_CHARS - 1);
      g_assert_cmpstr (lectern_annotation_get_quote (annotation), ==, quote);
    }
}

/* A selection past the end of a CRLF text was clamped to its end, one
 * ending before it starts was turned round: both are refused, naming the
 * source, the selection and its positions, and nothing is imported. */
static void
test_selection_outside_text (void)
{
  static const struct { const char *name; const char *selection; const char *expected; } cases[] = {
    { "past-end", "<PlainTextSelection guid=\"00000000-0000-5000-8000-000000000002\" name=\"Too far\""
                  " startPosition=\"5\" endPosition=\"25\"/>", "25" },
    { "backwards", "<PlainTextSelection guid=\"00000000-0000-5000-8000-000000000002\" name=\"Backwards\""
                   " startPosition=\"8\" endPosition=\"3\"/>", "8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *qde = g_strconcat (QDE_HEAD
                                          "<PlainTextSelection guid=\"00000000-0000-5000-8000-000000000003\""
                                          " startPosition=\"0\" endPosition=\"4\"/>",
                                          cases[i].selection, QDE_TAIL, NULL);
      g_autofree char *zip_name = g_strconcat (cases[i].name, ".qdpx", NULL);
      g_autofree char *project_name = g_strconcat (cases[i].name, ".lectern", NULL);
      g_autofree char *project_path = fixture_path (project_name);
      g_autofree char *zip = write_zip (zip_name, (Entry[]) {
                                          { "project.qde", qde, 0 },
                                          { "sources/a.txt", "Line one\r\nLine two\r\n", 0 },
                                        }, 2);
      g_autoptr(GFile) qdpx = g_file_new_for_path (zip);
      g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
      g_autoptr(GError) error = NULL;

      g_assert_null (lectern_qdpx_import (qdpx, project_file, NULL, NULL, &error));
      g_assert_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, zip_name));
      g_assert_nonnull (strstr (error->message, "Transcript"));
      g_assert_nonnull (strstr (error->message, i == 0 ? "Too far" : "Backwards"));
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      g_assert_false (g_file_test (project_path, G_FILE_TEST_EXISTS));
    }
}

/* A .qdpx that is a pipe or a device is refused by its type: libarchive
 * would block on the one and read the other without end. */
static void
test_not_a_file (void)
{
  g_autofree char *fifo = fixture_path ("pipe.qdpx");

  g_assert_no_errno (mkfifo (fifo, 0600));
  assert_refused (fifo, "pipe.lectern", LECTERN_IMPORT_ERROR_INVALID);
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    assert_refused ("/dev/zero", "zero.lectern", LECTERN_IMPORT_ERROR_INVALID);
}

/* What MAXQDA or ATLAS.ti export beside text: a PDF with the text they
 * extracted (its Representation) and selections on that text, regions
 * coded on the PDF's pages, a picture and a recording. The PDF's text and
 * codes are kept; what has no place in text is listed, not dropped
 * silently. */
#define FOREIGN_QDE \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"foreign\">" \
  "<CodeBook><Codes><Code guid=\"00000000-0000-5000-8000-0000000000c1\" name=\"Treaty\" isCodable=\"true\" color=\"#3366cc\"/></Codes></CodeBook>" \
  "<Notes><Note guid=\"00000000-0000-5000-8000-0000000000e1\" name=\"n\"><PlainTextContent>Read twice.</PlainTextContent></Note></Notes>" \
  "<Sources>" \
  "<PDFSource guid=\"00000000-0000-5000-8000-000000000011\" name=\"Accord.pdf\" path=\"internal://accord.pdf\">" \
  "<PDFSelection guid=\"00000000-0000-5000-8000-000000000012\" page=\"1\" firstX=\"1\" firstY=\"1\" secondX=\"9\" secondY=\"9\">" \
  "<Coding guid=\"00000000-0000-5000-8000-000000000013\"><CodeRef targetGUID=\"00000000-0000-5000-8000-0000000000c1\"/></Coding></PDFSelection>" \
  "<Representation guid=\"00000000-0000-5000-8000-000000000014\" plainTextPath=\"internal://accord.txt\">" \
  "<PlainTextSelection guid=\"00000000-0000-5000-8000-000000000015\" startPosition=\"4\" endPosition=\"10\">" \
  "<Coding guid=\"00000000-0000-5000-8000-000000000016\"><CodeRef targetGUID=\"00000000-0000-5000-8000-0000000000c1\"/></Coding>" \
  "</PlainTextSelection></Representation>" \
  "<NoteRef targetGUID=\"00000000-0000-5000-8000-0000000000e1\"/>" \
  "</PDFSource>" \
  "<PictureSource guid=\"00000000-0000-5000-8000-000000000021\" name=\"Map.png\" path=\"internal://map.png\"/>" \
  "<AudioSource guid=\"00000000-0000-5000-8000-000000000031\" name=\"Interview.mp3\" path=\"internal://i.mp3\"/>" \
  "<PDFSource guid=\"00000000-0000-5000-8000-000000000041\" name=\"Scan.pdf\" path=\"internal://scan.pdf\"/>" \
  "</Sources></Project>\n"

static void
test_foreign_sources (void)
{
  g_autofree char *zip = write_zip ("foreign.qdpx", (Entry[]) {
                                      { "project.qde", FOREIGN_QDE, 0 },
                                      { "sources/accord.txt", "The accord was signed.", 0 },
                                      { "sources/accord.pdf", "%PDF-1.4 not read", 0 },
                                    }, 3);
  g_autofree char *project_path = fixture_path ("foreign.lectern");
  g_autoptr(GFile) qdpx = g_file_new_for_path (zip);
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) annotations = NULL;
  g_autoptr(LecternDocument) document = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autofree char *memo = NULL;

  project = lectern_qdpx_import (qdpx, project_file, &skipped, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  documents = lectern_project_list_documents (project, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  document = g_list_model_get_item (documents, 0);
  g_assert_cmpstr (lectern_document_get_title (document), ==, "Accord.pdf");
  annotations = lectern_project_list_annotations (project, lectern_document_get_id (document), 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 1);
  annotation = g_list_model_get_item (annotations, 0);
  g_assert_cmpint (lectern_annotation_get_start (annotation), ==, 4);
  g_assert_cmpint (lectern_annotation_get_end (annotation), ==, 10);
  g_assert_cmpstr (lectern_annotation_get_quote (annotation), ==, "accord");
  memo = lectern_project_dup_memo (project, LECTERN_MEMO_DOCUMENT, lectern_document_get_id (document), NULL);
  g_assert_cmpstr (memo, ==, "Read twice.");

  /* The region, the picture, the recording and the PDF without text. */
  g_assert_cmpuint (skipped->len, ==, 4);
  for (guint i = 0; i < skipped->len; i++)
    g_test_message ("left out: %s", (const char *) g_ptr_array_index (skipped, i));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 0), "Accord.pdf"));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 1), "Map.png"));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 2), "Interview.mp3"));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 3), "Scan.pdf"));
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  (void) source;
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_async (void)
{
  Fixture fixture;
  g_autofree char *good = NULL;
  g_autofree char *project_path = fixture_path ("async.lectern");
  g_autoptr(GFile) qdpx = NULL;
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GListModel) documents = NULL;

  fixture_init (&fixture, "async-source.lectern");
  good = export_qdpx (&fixture, "async.qdpx");
  qdpx = g_file_new_for_path (good);
  lectern_qdpx_import_async (qdpx, project_file, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (lectern_qdpx_import_finish (result, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (skipped->len, ==, 0);

  /* Made and closed: it opens, with the exported documents. */
  project = lectern_project_open (project_file, &error);
  g_assert_no_error (error);
  documents = lectern_project_list_documents (project, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (documents), >, 0);
  fixture_clear (&fixture);
}

/* The modification time of the first <TextSource>, and its creation
 * time. */
static void
source_times (const char  *path,
              char       **created,
              char       **modified)
{
  g_autoptr(GHashTable) entries = read_zip (path);
  const char *qde = g_hash_table_lookup (entries, "project.qde");
  xmlDocPtr doc = xmlReadMemory (qde, strlen (qde), "project.qde", NULL, XML_PARSE_NONET);
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;

  xmlXPathRegisterNs (context, BAD_CAST "q", BAD_CAST LECTERN_QDPX_NAMESPACE);
  result = select_nodes (context, "/q:Project/q:Sources/q:TextSource");
  g_assert_cmpint (result->nodesetval->nodeNr, >=, 1);
  *created = get_attr (result->nodesetval->nodeTab[0], "creationDateTime");
  *modified = get_attr (result->nodesetval->nodeTab[0], "modifiedDateTime");
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  xmlFreeDoc (doc);
}

/* A source's modification time is when its text last changed: the
 * version its selections' positions are in. */
static void
test_version_time (void)
{
  Fixture fixture;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  g_autoptr(GError) error = NULL;
  glong length = g_utf8_strlen (FIXTURE_TEXT_1, -1);

  fixture_init (&fixture, "version-qdpx.lectern");
  before = export_qdpx (&fixture, "before.qdpx");
  source_times (before, &created, &modified);
  g_assert_cmpstr (created, ==, modified);
  g_clear_pointer (&created, g_free);
  g_clear_pointer (&modified, g_free);

  /* Times are kept to the second. */
  g_usleep (1100 * 1000);
  g_assert_true (lectern_project_edit_text (fixture.project, fixture.doc1, length, length, "Added.\n", NULL, &error));
  g_assert_no_error (error);
  after = export_qdpx (&fixture, "after.qdpx");
  source_times (after, &created, &modified);
  g_assert_cmpstr (created, <, modified);
  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/Lectern/Qdpx/schema", test_schema);
  g_test_add_func ("/Lectern/Qdpx/other-tools", test_other_tools);
  g_test_add_func ("/Lectern/Qdpx/round-trip", test_round_trip);
  g_test_add_func ("/Lectern/Qdpx/import-whole-or-nothing", test_import_whole_or_nothing);
  g_test_add_func ("/Lectern/Qdpx/zip-slip", test_zip_slip);
  g_test_add_func ("/Lectern/Qdpx/bomb", test_bomb);
  g_test_add_func ("/Lectern/Qdpx/damaged", test_damaged);
  g_test_add_func ("/Lectern/Qdpx/foreign-sources", test_foreign_sources);
  g_test_add_func ("/Lectern/Qdpx/crlf-positions", test_crlf_positions);
  g_test_add_func ("/Lectern/Qdpx/selection-outside-text", test_selection_outside_text);
  g_test_add_func ("/Lectern/Qdpx/not-a-file", test_not_a_file);
  g_test_add_func ("/Lectern/Qdpx/async", test_async);
  g_test_add_func ("/Lectern/Qdpx/version-time", test_version_time);
  return g_test_run ();
}
