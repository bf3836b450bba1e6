/* lectern-web-annotation-writer.c — W3C Web Annotation JSON-LD: one
 * AnnotationCollection whose first (and only) AnnotationPage embeds every
 * annotation.
 *
 * Annotations are generated one at a time and streamed, so 100,000 of them
 * never sit in memory as one JSON tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "lectern-export-writers-private.h"

#define DOCUMENT_URN "urn:lectern:document:"
/* The PDF fragment identifiers ("page=N", the page's number from 1) that
 * the Web Annotation Data Model names for a FragmentSelector on a PDF. */
#define PDF_FRAGMENT_SPEC "http://tools.ietf.org/rfc/rfc3778"

static char *
generate (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Indents every line of @json but the first by @indent spaces, to nest a
 * separately generated object. */
static void
append_indented (GString    *buffer,
                 const char *json,
                 const char *indent)
{
  for (const char *p = json; *p != '\0'; p++)
    {
      g_string_append_c (buffer, *p);
      if (*p == '\n')
        g_string_append (buffer, indent);
    }
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_text_quote_selector (JsonBuilder *builder,
                         const char  *exact,
                         const char  *prefix,
                         const char  *suffix)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "type", "TextQuoteSelector");
  json_builder_set_member_name (builder, "exact");
  json_builder_add_string_value (builder, exact);
  json_builder_set_member_name (builder, "prefix");
  json_builder_add_string_value (builder, prefix);
  json_builder_set_member_name (builder, "suffix");
  json_builder_add_string_value (builder, suffix);
  json_builder_end_object (builder);
}

/* The last @n code points of @text at most. (transfer none) */
static const char *
utf8_tail (const char *text,
           glong       n)
{
  glong length = g_utf8_strlen (text, -1);

  return length <= n ? text : g_utf8_offset_to_pointer (text, length - MAX (n, 0));
}

/* The first @n code points of @text at most. (transfer full) */
static char *
utf8_head (const char *text,
           glong       n)
{
  return g_utf8_substring (text, 0, CLAMP (n, 0, g_utf8_strlen (text, -1)));
}

/* The page of a PDF source that holds the whole passage, refined by the
 * quote within it: a selector of the same passage as its siblings (the
 * model asks that of several selectors), which a PDF viewer can follow
 * and which clients that know only text selectors, Hypothesis among
 * them, pass over. A passage across pages has no such selector: a PDF
 * fragment names one page; its target's label cites the pages. */
static void
add_page_selector (JsonBuilder            *builder,
                   LecternExportSelection *selection,
                   LecternAnnotation      *annotation,
                   LecternDocument        *document)
{
  g_autofree char *value = NULL;
  g_autofree char *suffix = NULL;
  const char *prefix = lectern_annotation_get_prefix (annotation);
  guint number, page_start, page_end;
  gint64 start = lectern_annotation_get_start (annotation);
  gint64 end = lectern_annotation_get_end (annotation);

  if (g_strcmp0 (lectern_document_get_format (document), "pdf") != 0
      || !_lectern_export_selection_page (selection, annotation, &number, &page_start, &page_end))
    return;

  /* The context is cut at the page's edges: the quote is sought within
   * the page. */
  prefix = utf8_tail (prefix != NULL ? prefix : "", (glong) (start - page_start));
  suffix = utf8_head (lectern_annotation_get_suffix (annotation) != NULL
                      ? lectern_annotation_get_suffix (annotation) : "",
                      (glong) page_end - end);

  value = g_strdup_printf ("page=%u", number);
  json_builder_begin_object (builder);
  add_string_member (builder, "type", "FragmentSelector");
  add_string_member (builder, "conformsTo", PDF_FRAGMENT_SPEC);
  add_string_member (builder, "value", value);
  json_builder_set_member_name (builder, "refinedBy");
  add_text_quote_selector (builder, lectern_annotation_get_quote (annotation), prefix,
                           suffix);
  json_builder_end_object (builder);
}

/* Which version of the text the selectors refer to (always the current
 * one): the model's own way to say it is a TimeState, the source as it
 * was at sourceDate (Web Annotation Data Model, 4.3.1), valid under
 * anno.jsonld with no context of Lectern's. Its id names the version by
 * number ("…:version:3"), for a person and for Lectern reading it back. */
static void
add_version_state (JsonBuilder            *builder,
                   LecternExportSelection *selection,
                   LecternDocument        *document,
                   const char             *source)
{
  LecternDocumentVersion *version = _lectern_export_selection_document_version (selection, document);
  g_autofree char *id = NULL;
  g_autofree char *date = NULL;

  if (version == NULL)
    return;
  id = g_strdup_printf ("%s:version:%u", source, lectern_document_version_get_number (version));
  date = _lectern_export_format_time (lectern_document_version_get_created (version));
  json_builder_set_member_name (builder, "state");
  json_builder_begin_object (builder);
  add_string_member (builder, "id", id);
  add_string_member (builder, "type", "TimeState");
  add_string_member (builder, "sourceDate", date);
  json_builder_end_object (builder);
}

static char *
annotation_to_json (LecternExportSelection *selection,
                    LecternAnnotation      *annotation)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) tags = _lectern_export_selection_list_tags (selection, annotation);
  LecternDocument *document;
  g_autofree char *source = NULL;
  g_autofree char *id = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *location = _lectern_export_selection_cite_location (selection, annotation);
  g_autofree char *speaker = _lectern_export_selection_cite_speaker (selection, annotation);
  const char *note = lectern_annotation_get_note (annotation);

  document = _lectern_export_selection_get_document (selection,
                                                     lectern_annotation_get_document_id (annotation));
  source = g_strconcat (DOCUMENT_URN, lectern_document_get_content_hash (document), NULL);
  id = g_strdup_printf ("%s:annotation:%" G_GINT64_FORMAT, source,
                        lectern_annotation_get_id (annotation));
  created = _lectern_export_format_time (lectern_annotation_get_created (annotation));
  modified = _lectern_export_format_time (lectern_annotation_get_updated (annotation));

  json_builder_begin_object (builder);
  add_string_member (builder, "id", id);
  add_string_member (builder, "type", "Annotation");
  add_string_member (builder, "motivation", "highlighting");
  if (lectern_annotation_get_author (annotation) != NULL
      && *lectern_annotation_get_author (annotation) != '\0')
    {
      json_builder_set_member_name (builder, "creator");
      json_builder_begin_object (builder);
      add_string_member (builder, "type", "Person");
      add_string_member (builder, "name", lectern_annotation_get_author (annotation));
      json_builder_end_object (builder);
    }
  add_string_member (builder, "created", created);
  add_string_member (builder, "modified", modified);

  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tags->len; i++)
    {
      LecternTag *tag = g_ptr_array_index (tags, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "type", "TextualBody");
      add_string_member (builder, "purpose", "tagging");
      add_string_member (builder, "value", lectern_tag_get_path (tag));
      json_builder_end_object (builder);
    }
  if (note != NULL && *note != '\0')
    {
      json_builder_begin_object (builder);
      add_string_member (builder, "type", "TextualBody");
      add_string_member (builder, "purpose", "commenting");
      add_string_member (builder, "format", "text/plain");
      add_string_member (builder, "value", note);
      json_builder_end_object (builder);
    }
  /* Who speaks the passage, as the citation attributes it: "identifying"
   * keeps it apart from the notes ("commenting", "describing") that a
   * reader takes back as the annotation's note. */
  if (speaker != NULL)
    {
      json_builder_begin_object (builder);
      add_string_member (builder, "type", "TextualBody");
      add_string_member (builder, "purpose", "identifying");
      add_string_member (builder, "format", "text/plain");
      add_string_member (builder, "value", speaker);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  add_string_member (builder, "id", source);
  add_string_member (builder, "type", "Text");
  add_string_member (builder, "format", "text/plain");
  add_string_member (builder, "title", lectern_document_get_title (document));
  add_string_member (builder, "language", lectern_document_get_language (document));
  json_builder_end_object (builder);
  add_version_state (builder, selection, document, source);
  /* The pages and paragraphs, as a thesis cites them: the context maps
   * "label" to rdfs:label, so the target stays a plain SpecificResource
   * and its selectors (exact offsets, for machines) stay as they were. */
  add_string_member (builder, "label", location);
  json_builder_set_member_name (builder, "selector");
  json_builder_begin_array (builder);
  add_text_quote_selector (builder, lectern_annotation_get_quote (annotation),
                           lectern_annotation_get_prefix (annotation),
                           lectern_annotation_get_suffix (annotation));
  json_builder_begin_object (builder);
  add_string_member (builder, "type", "TextPositionSelector");
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, lectern_annotation_get_start (annotation));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, lectern_annotation_get_end (annotation));
  json_builder_end_object (builder);
  add_page_selector (builder, selection, annotation, document);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return generate (builder);
}

static char *
header_to_json (LecternExportSelection *selection)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *generated = _lectern_export_format_time (now);

  json_builder_begin_object (builder);
  add_string_member (builder, "@context", "http://www.w3.org/ns/anno.jsonld");
  add_string_member (builder, "type", "AnnotationCollection");
  add_string_member (builder, "label", selection->title);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, selection->annotations->len);
  json_builder_set_member_name (builder, "generator");
  json_builder_begin_object (builder);
  add_string_member (builder, "type", "Software");
  add_string_member (builder, "name", "Lectern " PACKAGE_VERSION);
  json_builder_end_object (builder);
  add_string_member (builder, "generated", generated);
  json_builder_end_object (builder);

  return generate (builder);
}

gboolean
_lectern_web_annotation_writer_write (LecternExportSelection  *selection,
                                      GOutputStream           *out,
                                      GCancellable            *cancellable,
                                      GError                 **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autofree char *header = header_to_json (selection);
  char *close_brace;

  /* Open the header object again to add the page to it. */
  close_brace = strrchr (header, '}');
  g_assert (close_brace != NULL);
  *close_brace = '\0';
  g_strchomp (header);
  g_string_append (buffer, header);
  g_string_append (buffer, ",\n  \"first\" : {\n"
                           "    \"type\" : \"AnnotationPage\",\n"
                           "    \"startIndex\" : 0,\n"
                           "    \"items\" : [");

  for (guint i = 0; i < selection->annotations->len; i++)
    {
      LecternAnnotation *annotation = g_ptr_array_index (selection->annotations, i);
      g_autofree char *json = annotation_to_json (selection, annotation);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_string_append (buffer, i == 0 ? "\n      " : ",\n      ");
      append_indented (buffer, json, "      ");
      _lectern_export_selection_advance (selection, 1);
      if (!_lectern_export_flush (out, buffer, FALSE, cancellable, error))
        return FALSE;
    }
  g_string_append (buffer, selection->annotations->len > 0 ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n");

  return _lectern_export_flush (out, buffer, TRUE, cancellable, error);
}
