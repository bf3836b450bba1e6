/* lectern-web-annotation-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "lectern-import-error.h"
#include "lectern-json-depth-private.h"
#include "lectern-web-annotation-reader.h"

#define DOCUMENT_URN "urn:lectern:document:"

typedef struct
{
  LecternProject *project;
  GPtrArray     *documents;  /* LecternDocument */
  GHashTable    *states;     /* gint64* → DocumentState */
  GHashTable    *tag_ids;    /* path → gint64*, tags found or made so far */
} Target;

/* The string @node holds, or NULL for anything else: the file is foreign
 * input, and json-glib's typed getters are assertions, not checks. */
static const char *
node_get_string (JsonNode *node)
{
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static const char *
object_get_string (JsonObject *object,
                   const char *member)
{
  return node_get_string (json_object_get_member (object, member));
}

static gboolean
object_get_int (JsonObject *object,
                const char *member,
                gint64     *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

/* Calls @func on @node, or on each element when it is an array: Web
 * Annotation allows one value or many almost everywhere. */
static void
foreach_value (JsonNode *node,
               void    (*func) (JsonNode *, gpointer),
               gpointer  data)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        func (json_array_get_element (array, i), data);
    }
  else
    func (node, data);
}

static gboolean
is_type (JsonObject *object,
         const char *type)
{
  JsonNode *node = json_object_get_member (object, "type");

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (g_strcmp0 (node_get_string (json_array_get_element (array, i)), type) == 0)
          return TRUE;
      return FALSE;
    }
  return g_strcmp0 (node_get_string (node), type) == 0;
}

static void
collect_item (JsonNode *node,
              gpointer  data)
{
  GPtrArray *items = data;

  if (JSON_NODE_HOLDS_OBJECT (node))
    g_ptr_array_add (items, json_node_get_object (node));
}

/* The annotations of a collection (items of its embedded pages, or items
 * straight in it), of an array, or one annotation. NULL: not Web
 * Annotation JSON. */
static GPtrArray *
find_items (JsonNode *root)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  JsonObject *object;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      foreach_value (root, collect_item, items);
      return g_steal_pointer (&items);
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  if (is_type (object, "Annotation"))
    {
      g_ptr_array_add (items, object);
      return g_steal_pointer (&items);
    }
  if (!is_type (object, "AnnotationCollection") && !is_type (object, "AnnotationPage"))
    return NULL;

  foreach_value (json_object_get_member (object, "items"), collect_item, items);
  /* Follow the chain of pages embedded in this file. */
  for (JsonNode *page = json_object_get_member (object, "first");
       page != NULL && JSON_NODE_HOLDS_OBJECT (page);)
    {
      JsonObject *page_object = json_node_get_object (page);

      foreach_value (json_object_get_member (page_object, "items"), collect_item, items);
      page = json_object_get_member (page_object, "next");
    }
  return g_steal_pointer (&items);
}

typedef struct
{
  GPtrArray  *tags;     /* char* paths */
  GString    *note;
  const char *source;   /* borrowed */
  const char *title;
  const char *exact;
  const char *prefix;
  const char *suffix;
  gint64      start;
  gint64      end;
  gboolean    has_position;
} Parsed;

static void
parse_body (JsonNode *node,
            gpointer  data)
{
  Parsed *parsed = data;
  JsonObject *body;
  const char *purpose;
  const char *value;

  /* A bare string body is an IRI, not text: nothing Lectern keeps. */
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  body = json_node_get_object (node);
  purpose = object_get_string (body, "purpose");
  value = object_get_string (body, "value");
  if (value == NULL)
    return;
  if (g_strcmp0 (purpose, "tagging") == 0)
    g_ptr_array_add (parsed->tags, g_strdup (value));
  else if (purpose == NULL || g_strcmp0 (purpose, "commenting") == 0
           || g_strcmp0 (purpose, "describing") == 0)
    {
      if (parsed->note->len > 0)
        g_string_append (parsed->note, "\n\n");
      g_string_append (parsed->note, value);
    }
}

static void
parse_selector (JsonNode *node,
                gpointer  data)
{
  Parsed *parsed = data;
  JsonObject *selector;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  selector = json_node_get_object (node);
  if (is_type (selector, "TextQuoteSelector"))
    {
      parsed->exact = object_get_string (selector, "exact");
      parsed->prefix = object_get_string (selector, "prefix");
      parsed->suffix = object_get_string (selector, "suffix");
    }
  else if (is_type (selector, "TextPositionSelector"))
    parsed->has_position = object_get_int (selector, "start", &parsed->start)
                           && object_get_int (selector, "end", &parsed->end);
}

static void
parse_target (JsonNode *node,
              gpointer  data)
{
  Parsed *parsed = data;
  JsonObject *target;
  JsonNode *source;

  if (parsed->source != NULL || parsed->title != NULL)
    return;  /* Lectern keeps one target: the first. */
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      parsed->source = node_get_string (node);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  target = json_node_get_object (node);
  source = json_object_get_member (target, "source");
  if (source != NULL && JSON_NODE_HOLDS_OBJECT (source))
    {
      JsonObject *source_object = json_node_get_object (source);

      parsed->source = object_get_string (source_object, "id");
      parsed->title = object_get_string (source_object, "title");
    }
  else if (source != NULL && JSON_NODE_HOLDS_VALUE (source))
    parsed->source = node_get_string (source);
  if (parsed->title == NULL)
    parsed->title = object_get_string (target, "title");
  foreach_value (json_object_get_member (target, "selector"), parse_selector, parsed);
}

static LecternDocument *
find_document (Target *target,
               Parsed *parsed)
{
  const char *hash = NULL;

  if (parsed->source != NULL && g_str_has_prefix (parsed->source, DOCUMENT_URN))
    hash = parsed->source + strlen (DOCUMENT_URN);

  for (guint i = 0; hash != NULL && i < target->documents->len; i++)
    {
      LecternDocument *document = g_ptr_array_index (target->documents, i);

      if (g_strcmp0 (lectern_document_get_content_hash (document), hash) == 0)
        return document;
    }
  for (guint i = 0; parsed->title != NULL && i < target->documents->len; i++)
    {
      LecternDocument *document = g_ptr_array_index (target->documents, i);

      if (g_strcmp0 (lectern_document_get_title (document), parsed->title) == 0)
        return document;
    }
  return NULL;
}

/* What the import knows of one target document: its text, a cursor into
 * it (annotations mostly come in reading order, so offsets are found by
 * walking on) and the annotations it already has. */
typedef struct
{
  char       *text;
  glong       length;      /* of the text itself, never the stored column */
  const char *cursor;
  glong       cursor_offset;
  GHashTable *existing;    /* keys of annotation_key() */
} DocumentState;

static void
document_state_free (gpointer data)
{
  DocumentState *state = data;

  g_free (state->text);
  g_hash_table_unref (state->existing);
  g_free (state);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Range, note and tag set: what makes two annotations the same, so that
 * importing a file twice does not double its annotations. */
static char *
annotation_key (glong         start,
                glong         end,
                const gint64 *tag_ids,
                guint         n_tags,
                const char   *note)
{
  g_autofree gint64 *sorted = n_tags > 0 ? g_memdup2 (tag_ids, sizeof (gint64) * n_tags) : NULL;
  GString *key = g_string_new (NULL);

  if (n_tags > 0)
    qsort (sorted, n_tags, sizeof (gint64), compare_ids);
  g_string_append_printf (key, "%ld:%ld:", start, end);
  for (guint i = 0; i < n_tags; i++)
    g_string_append_printf (key, "%" G_GINT64_FORMAT ",", sorted[i]);
  g_string_append_c (key, ':');
  g_string_append (key, note != NULL ? note : "");
  return g_string_free (key, FALSE);
}

static DocumentState *
get_state (Target  *target,
           gint64   document_id,
           GError **error)
{
  DocumentState *state = g_hash_table_lookup (target->states, &document_id);
  g_autoptr(GListModel) annotations = NULL;
  char *text;

  if (state != NULL)
    return state;
  text = lectern_project_dup_text (target->project, document_id, error);
  if (text == NULL)
    return NULL;
  annotations = lectern_project_list_annotations (target->project, document_id, 0, FALSE, error);
  if (annotations == NULL)
    {
      g_free (text);
      return NULL;
    }

  state = g_new0 (DocumentState, 1);
  state->text = text;
  state->length = g_utf8_strlen (text, -1);
  state->cursor = text;
  state->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (annotations, i);
      guint n_tags;
      const gint64 *tag_ids = lectern_annotation_get_tag_ids (annotation, &n_tags);

      g_hash_table_add (state->existing,
                        annotation_key (lectern_annotation_get_start (annotation),
                                        lectern_annotation_get_end (annotation),
                                        tag_ids, n_tags, lectern_annotation_get_note (annotation)));
    }
  g_hash_table_insert (target->states, g_memdup2 (&document_id, sizeof document_id), state);
  return state;
}

/* Code points [start, end) of the text, @end within it. */
static char *
state_slice (DocumentState *state,
             glong          start,
             glong          end)
{
  const char *from;

  if (start < state->cursor_offset)
    {
      state->cursor = state->text;
      state->cursor_offset = 0;
    }
  state->cursor = g_utf8_offset_to_pointer (state->cursor, start - state->cursor_offset);
  state->cursor_offset = start;
  from = state->cursor;
  return g_strndup (from, g_utf8_offset_to_pointer (from, end - start) - from);
}

static char *
describe (JsonObject *item,
          guint       index)
{
  const char *id = object_get_string (item, "id");

  if (id != NULL)
    /* Translators: names an annotation of an imported file by its number and id */
    return g_strdup_printf (_("Annotation %u (%s)"), index + 1, id);
  return g_strdup_printf (_("Annotation %u"), index + 1);
}

static char *
parse_creator (JsonObject *item)
{
  JsonNode *creator = json_object_get_member (item, "creator");
  const char *name = NULL;

  if (creator != NULL && JSON_NODE_HOLDS_ARRAY (creator))
    creator = json_array_get_length (json_node_get_array (creator)) > 0
              ? json_array_get_element (json_node_get_array (creator), 0) : NULL;
  if (creator == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (creator))
    name = node_get_string (creator);
  else if (JSON_NODE_HOLDS_OBJECT (creator))
    {
      name = object_get_string (json_node_get_object (creator), "name");
      if (name == NULL)
        name = object_get_string (json_node_get_object (creator), "nickname");
    }
  return g_strdup (name);
}

static GDateTime *
parse_time (JsonObject *item,
            const char *member)
{
  const char *value = object_get_string (item, member);

  return value != NULL ? g_date_time_new_from_iso8601 (value, NULL) : NULL;
}

/* Adds one annotation; FALSE with a problem line when it cannot. */
static gboolean
import_item (Target      *target,
             JsonObject  *item,
             guint        index,
             GPtrArray   *problems,
             GError     **error)
{
  g_autoptr(GPtrArray) tag_paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *what = describe (item, index);
  g_autofree char *author = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GError) local_error = NULL;
  Parsed parsed = { tag_paths, note, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE };
  LecternDocument *document;
  DocumentState *state;
  g_autofree char *key = NULL;
  const char *text;
  glong start = -1, end = -1;
  const char *body_value;

  foreach_value (json_object_get_member (item, "body"), parse_body, &parsed);
  body_value = node_get_string (json_object_get_member (item, "bodyValue"));
  if (body_value != NULL)
    {
      if (note->len > 0)
        g_string_append (note, "\n\n");
      g_string_append (note, body_value);
    }
  foreach_value (json_object_get_member (item, "target"), parse_target, &parsed);

  if (tag_paths->len > LECTERN_WEB_ANNOTATION_MAX_TAGS)
    {
      g_ptr_array_add (problems,
                       g_strdup_printf (_("%s: it has %u tags, more than the %d Lectern accepts on one passage"),
                                        what, tag_paths->len, LECTERN_WEB_ANNOTATION_MAX_TAGS));
      return FALSE;
    }

  document = find_document (target, &parsed);
  if (document == NULL)
    {
      g_ptr_array_add (problems,
                       g_strdup_printf (_("%s: no document of this project matches its target “%s”"),
                                        what, parsed.source != NULL ? parsed.source
                                              : parsed.title != NULL ? parsed.title : "?"));
      return FALSE;
    }

  state = get_state (target, lectern_document_get_id (document), error);
  if (state == NULL)
    return FALSE;
  text = state->text;

  if (parsed.has_position && parsed.start >= 0 && parsed.start < parsed.end
      && parsed.end <= state->length)
    {
      g_autofree char *slice = state_slice (state, parsed.start, parsed.end);

      if (parsed.exact == NULL || g_strcmp0 (slice, parsed.exact) == 0)
        {
          start = parsed.start;
          end = parsed.end;
        }
    }
  if (start < 0 && parsed.exact != NULL && *parsed.exact != '\0')
    {
      if (!lectern_text_anchor (text, parsed.exact, parsed.prefix, parsed.suffix,
                                parsed.has_position ? parsed.start : 0, &start, &end))
        start = end = -1;
    }
  if (start < 0)
    {
      g_ptr_array_add (problems,
                       g_strdup_printf (parsed.exact != NULL
                                        ? _("%s: its quote is no longer in “%s”")
                                        : _("%s: it has no usable selector on “%s”"),
                                        what, lectern_document_get_title (document)));
      return FALSE;
    }

  for (guint i = 0; i < tag_paths->len; i++)
    {
      g_autoptr(LecternTag) tag = NULL;
      const char *path = g_ptr_array_index (tag_paths, i);
      gint64 *known = g_hash_table_lookup (target->tag_ids, path);
      gint64 tag_id;

      /* Each path costs the project a lookup once per import, not per
       * annotation. */
      if (known != NULL)
        {
          g_array_append_val (tag_ids, *known);
          continue;
        }
      tag = lectern_project_ensure_tag_path (target->project, g_ptr_array_index (tag_paths, i),
                                            &local_error);
      if (tag == NULL)
        {
          /* The core's message quotes the start of a path too long. */
          g_ptr_array_add (problems,
                           strlen (path) > LECTERN_TAG_MAX_PATH_BYTES
                           ? g_strdup_printf ("%s: %s", what, local_error->message)
                           : g_strdup_printf (_("%s: tag “%s”: %s"), what, path, local_error->message));
          return FALSE;
        }
      tag_id = lectern_tag_get_id (tag);
      g_hash_table_insert (target->tag_ids, g_strdup (path), g_memdup2 (&tag_id, sizeof tag_id));
      g_array_append_val (tag_ids, tag_id);
    }

  key = annotation_key (start, end, (const gint64 *) (gpointer) tag_ids->data, tag_ids->len,
                        note->len > 0 ? note->str : NULL);
  if (g_hash_table_contains (state->existing, key))
    {
      g_ptr_array_add (problems, g_strdup_printf (_("%s: already in the project, skipped"), what));
      return FALSE;
    }

  author = parse_creator (item);
  created = parse_time (item, "created");
  modified = parse_time (item, "modified");
  if (lectern_project_insert_annotation (target->project, lectern_document_get_id (document),
                                        start, end,
                                        (const gint64 *) (gpointer) tag_ids->data, tag_ids->len,
                                        note->len > 0 ? note->str : NULL,
                                        author, created, modified, &local_error) == 0)
    {
      g_ptr_array_add (problems, g_strdup_printf ("%s: %s", what, local_error->message));
      return FALSE;
    }
  g_hash_table_add (state->existing, g_steal_pointer (&key));
  return TRUE;
}

gboolean
lectern_web_annotation_import_data (LecternProject  *project,
                                    const char     *data,
                                    gssize          length,
                                    const char     *name,
                                    guint          *n_added,
                                    GPtrArray     **problems,
                                    GCancellable   *cancellable,
                                    GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GHashTable) known_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Target target;
  JsonNode *root;
  guint added = 0;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name == NULL)
    name = _("the annotations");

  if (!_lectern_json_depth_ok (data, length < 0 ? strlen (data) : (gsize) length,
                              LECTERN_WEB_ANNOTATION_MAX_DEPTH))
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                   _("“%s” is refused: its JSON nests more than %d levels deep"),
                   name, LECTERN_WEB_ANNOTATION_MAX_DEPTH);
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                   _("“%s” is not valid JSON: %s"), name, local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  items = root != NULL ? find_items (root) : NULL;
  if (items == NULL)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                   _("“%s” is not W3C Web Annotation JSON: it holds no Annotation or AnnotationCollection"),
                   name);
      return FALSE;
    }

  if (items->len > LECTERN_WEB_ANNOTATION_MAX_ANNOTATIONS)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is refused: it holds %u annotations, more than the %d Lectern imports from one file"),
                   name, items->len, LECTERN_WEB_ANNOTATION_MAX_ANNOTATIONS);
      return FALSE;
    }

  documents = lectern_project_list_documents (project, error);
  if (documents == NULL)
    return FALSE;
  states = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, document_state_free);
  target.project = project;
  target.documents = g_ptr_array_new_with_free_func (g_object_unref);
  target.states = states;
  target.tag_ids = known_tags;
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    g_ptr_array_add (target.documents, g_list_model_get_item (documents, i));

  /* The file is one transaction: an annotation that fails is skipped
   * alone (its own part rolled back), a failure of the whole import keeps
   * nothing of it. */
  if (!lectern_project_begin_batch (project, error))
    {
      g_ptr_array_unref (target.documents);
      return FALSE;
    }

  for (guint i = 0; i < items->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          lectern_project_rollback_batch (project);
          g_ptr_array_unref (target.documents);
          return FALSE;
        }
      if (import_item (&target, g_ptr_array_index (items, i), i, lines, &local_error))
        added++;
      else if (local_error != NULL)
        {
          lectern_project_rollback_batch (project);
          g_ptr_array_unref (target.documents);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  g_ptr_array_unref (target.documents);

  if (!lectern_project_commit_batch (project, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = added;
  if (problems != NULL)
    *problems = g_steal_pointer (&lines);
  return TRUE;
}

gboolean
lectern_web_annotation_import (LecternProject  *project,
                               GFile          *file,
                               guint          *n_added,
                               GPtrArray     **problems,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);
  bytes = lectern_input_file_load (file, LECTERN_WEB_ANNOTATION_MAX_SIZE, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error_literal (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                             local_error->message);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE)
               || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error_literal (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                             local_error->message);
      else
        g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                     _("Could not read “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &length);
  return lectern_web_annotation_import_data (project, length > 0 ? data : "", length, name,
                                             n_added, problems, cancellable, error);
}
