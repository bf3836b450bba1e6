/* lectern-export-selection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lectern-export-selection-private.h"

#define FLUSH_CHUNK (64 * 1024)
#define PROGRESS_STEP 256

static gboolean
document_passes (LecternExportOptions *options,
                 LecternDocument      *document)
{
  const gint64 *ids;
  guint n_ids;
  const char *from = lectern_export_options_get_date_from (options);
  const char *to = lectern_export_options_get_date_to (options);
  const char *date = lectern_document_get_date (document);

  ids = lectern_export_options_get_document_ids (options, &n_ids);
  if (n_ids > 0)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < n_ids && !found; i++)
        found = ids[i] == lectern_document_get_id (document);
      if (!found)
        return FALSE;
    }

  /* ISO dates compare as strings. */
  if ((from != NULL || to != NULL) && date == NULL)
    return FALSE;
  if (from != NULL && strcmp (date, from) < 0)
    return FALSE;
  if (to != NULL && strcmp (date, to) > 0)
    return FALSE;
  return TRUE;
}

static GHashTable *
allowed_tags_new (LecternExportSelection *self)
{
  const gint64 *ids;
  guint n_ids;
  GHashTable *allowed;
  gboolean with_subtags = lectern_export_options_get_with_subtags (self->options);

  ids = lectern_export_options_get_tag_ids (self->options, &n_ids);
  if (n_ids == 0)
    return NULL;

  allowed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_add (allowed, g_memdup2 (&ids[i], sizeof ids[i]));

  /* Depth-first order puts every parent before its children. */
  if (with_subtags)
    for (guint i = 0; i < self->tags->len; i++)
      {
        LecternTag *tag = g_ptr_array_index (self->tags, i);
        gint64 parent_id = lectern_tag_get_parent_id (tag);
        gint64 id = lectern_tag_get_id (tag);

        if (parent_id != 0 && g_hash_table_contains (allowed, &parent_id))
          g_hash_table_add (allowed, g_memdup2 (&id, sizeof id));
      }
  return allowed;
}

static gboolean
annotation_passes (LecternExportSelection *self,
                   LecternAnnotation      *annotation)
{
  const char *author = lectern_export_options_get_author (self->options);

  if (!g_hash_table_contains (self->document_by_id,
                              &(gint64) { lectern_annotation_get_document_id (annotation) }))
    return FALSE;
  if (author != NULL && g_strcmp0 (author, lectern_annotation_get_author (annotation)) != 0)
    return FALSE;
  if (self->allowed_tags != NULL)
    {
      const gint64 *tag_ids;
      guint n_tags;

      tag_ids = lectern_annotation_get_tag_ids (annotation, &n_tags);
      for (guint i = 0; i < n_tags; i++)
        if (g_hash_table_contains (self->allowed_tags, &tag_ids[i]))
          return TRUE;
      return FALSE;
    }
  return TRUE;
}

LecternExportSelection *
_lectern_export_selection_new (LecternProject              *project,
                               LecternExportOptions       *options,
                               LecternExportProgressFunc   progress,
                               gpointer                    progress_data,
                               GCancellable               *cancellable,
                               GError                    **error)
{
  g_autoptr(LecternExportSelection) self = g_new0 (LecternExportSelection, 1);
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) tags = NULL;
  g_autoptr(GListModel) annotations = NULL;
  guint n;

  self->project = g_object_ref (project);
  self->options = g_object_ref (options);
  self->progress = progress;
  self->progress_data = progress_data;
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  self->document_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->tag_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (lectern_export_options_get_title (options) != NULL)
    self->title = g_strdup (lectern_export_options_get_title (options));
  else
    {
      g_autofree char *basename = g_file_get_basename (lectern_project_get_file (project));
      char *dot = strrchr (basename, '.');

      if (dot != NULL && dot != basename)
        *dot = '\0';
      self->title = g_strdup (basename);
    }

  documents = lectern_project_list_documents (project, error);
  if (documents == NULL)
    return NULL;
  /* Over the whole project, so a heading reads as the library row does. */
  self->labels = lectern_document_labels_new (documents);
  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternDocument) document = g_list_model_get_item (documents, i);

      if (!document_passes (options, document))
        continue;
      g_hash_table_insert (self->document_by_id,
                           g_memdup2 (&(gint64) { lectern_document_get_id (document) }, sizeof (gint64)),
                           document);
      g_ptr_array_add (self->documents, g_steal_pointer (&document));
    }

  tags = lectern_project_list_tags (project, error);
  if (tags == NULL)
    return NULL;
  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      LecternTag *tag = g_list_model_get_item (tags, i);
      gint64 id = lectern_tag_get_id (tag);

      g_ptr_array_add (self->tags, tag);
      g_hash_table_insert (self->tag_by_id, g_memdup2 (&id, sizeof id), tag);
    }
  self->allowed_tags = allowed_tags_new (self);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  annotations = lectern_project_list_annotations (project, 0, 0, FALSE, error);
  if (annotations == NULL)
    return NULL;
  n = g_list_model_get_n_items (annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (annotation_passes (self, annotation))
        g_ptr_array_add (self->annotations, g_steal_pointer (&annotation));
    }

  return g_steal_pointer (&self);
}

void
_lectern_export_selection_free (LecternExportSelection *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->project);
  g_clear_object (&self->options);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->document_by_id, g_hash_table_unref);
  g_clear_pointer (&self->tag_by_id, g_hash_table_unref);
  g_clear_pointer (&self->allowed_tags, g_hash_table_unref);
  g_clear_pointer (&self->by_document, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->paragraphs, g_hash_table_unref);
  g_clear_pointer (&self->structure, g_hash_table_unref);
  g_clear_pointer (&self->versions, g_hash_table_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_free (self);
}

LecternDocument *
_lectern_export_selection_get_document (LecternExportSelection *self,
                                        gint64                  document_id)
{
  return g_hash_table_lookup (self->document_by_id, &document_id);
}

LecternTag *
_lectern_export_selection_get_tag (LecternExportSelection *self,
                                   gint64                  tag_id)
{
  return g_hash_table_lookup (self->tag_by_id, &tag_id);
}

GPtrArray *
_lectern_export_selection_list_tags (LecternExportSelection *self,
                                     LecternAnnotation      *annotation)
{
  GPtrArray *tags = g_ptr_array_new ();
  const gint64 *tag_ids;
  guint n_tags;

  tag_ids = lectern_annotation_get_tag_ids (annotation, &n_tags);
  for (guint i = 0; i < n_tags; i++)
    {
      LecternTag *tag = _lectern_export_selection_get_tag (self, tag_ids[i]);

      if (tag == NULL)
        continue;
      if (self->allowed_tags != NULL && !g_hash_table_contains (self->allowed_tags, &tag_ids[i]))
        continue;
      g_ptr_array_add (tags, tag);
    }
  return tags;
}

GPtrArray *
_lectern_export_selection_list_document_annotations (LecternExportSelection *self,
                                                     gint64                  document_id)
{
  GPtrArray *annotations;

  /* One pass builds every document's list, so that a corpus of many
   * documents is not scanned once per document. */
  if (self->by_document == NULL)
    {
      self->by_document = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; i < self->annotations->len; i++)
        {
          LecternAnnotation *annotation = g_ptr_array_index (self->annotations, i);
          gint64 id = lectern_annotation_get_document_id (annotation);
          GPtrArray *list = g_hash_table_lookup (self->by_document, &id);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (self->by_document, g_memdup2 (&id, sizeof id), list);
            }
          g_ptr_array_add (list, annotation);
        }
    }

  annotations = g_hash_table_lookup (self->by_document, &document_id);
  return annotations != NULL ? g_ptr_array_ref (annotations) : g_ptr_array_new ();
}

void
_lectern_export_selection_advance (LecternExportSelection *self,
                                   guint                   n)
{
  guint before = self->done;

  self->done += n;
  if (self->progress != NULL
      && (self->done / PROGRESS_STEP != before / PROGRESS_STEP
          || self->done >= self->annotations->len))
    self->progress (MIN (self->done, self->annotations->len),
                    self->annotations->len, self->progress_data);
}

const char *
_lectern_export_selection_document_label (LecternExportSelection *self,
                                          LecternDocument        *document)
{
  const char *label = lectern_document_labels_lookup (self->labels, lectern_document_get_id (document));

  return label != NULL ? label : lectern_document_get_title (document);
}

gboolean
_lectern_export_selection_paragraphs (LecternExportSelection *self,
                                      LecternAnnotation      *annotation,
                                      guint                  *first,
                                      guint                  *last)
{
  gint64 document_id = lectern_annotation_get_document_id (annotation);
  LecternParagraphs *paragraphs;

  *first = *last = 0;
  if (self->paragraphs == NULL)
    self->paragraphs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) lectern_paragraphs_free);
  paragraphs = g_hash_table_lookup (self->paragraphs, &document_id);
  if (paragraphs == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = lectern_project_dup_text (self->project, document_id, &error);

      /* A document whose text cannot be read keeps character offsets in
       * its citations; the writers that need the text report the error. */
      if (text == NULL)
        return FALSE;
      paragraphs = lectern_paragraphs_new (text);
      g_hash_table_insert (self->paragraphs, g_memdup2 (&document_id, sizeof document_id), paragraphs);
    }
  return lectern_paragraphs_span (paragraphs,
                                  lectern_annotation_get_start (annotation),
                                  lectern_annotation_get_end (annotation),
                                  first, last);
}

char *
_lectern_export_selection_cite_paragraphs (LecternExportSelection *self,
                                           LecternAnnotation      *annotation)
{
  guint first, last;

  if (!_lectern_export_selection_paragraphs (self, annotation, &first, &last))
    return NULL;
  return lectern_paragraphs_format (first, last);
}

/* What a citation needs of a document's structure: its pages, turns and
 * times, each in text order. Spans of one kind never nest nor cross, so a
 * binary search by start finds the one holding an offset. */
typedef struct
{
  GArray *pages;
  GArray *turns;
  GArray *times;
} CitedStructure;

static void
cited_structure_free (CitedStructure *cited)
{
  g_clear_pointer (&cited->pages, g_array_unref);
  g_clear_pointer (&cited->turns, g_array_unref);
  g_clear_pointer (&cited->times, g_array_unref);
  g_free (cited);
}

static CitedStructure *
cited_structure (LecternExportSelection *self,
                 gint64                  document_id)
{
  CitedStructure *cited;
  g_autoptr(GArray) structure = NULL;
  g_autoptr(GError) error = NULL;

  if (self->structure == NULL)
    self->structure = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) cited_structure_free);
  cited = g_hash_table_lookup (self->structure, &document_id);
  if (cited != NULL)
    return cited;

  cited = g_new0 (CitedStructure, 1);
  cited->pages = lectern_structure_new ();
  cited->turns = lectern_structure_new ();
  cited->times = lectern_structure_new ();
  /* A document whose structure cannot be read is cited without pages or
   * speakers, as one that has none. */
  structure = lectern_project_dup_document_structure (self->project, document_id, &error);
  for (guint i = 0; structure != NULL && i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);
      GArray *into;

      switch (span->kind)
        {
        case LECTERN_STRUCTURE_KIND_PAGE:
          into = cited->pages;
          break;
        case LECTERN_STRUCTURE_KIND_TURN:
          into = cited->turns;
          break;
        case LECTERN_STRUCTURE_KIND_TIME:
          into = cited->times;
          break;
        default:
          continue;
        }
      lectern_structure_add (into, span->start, span->end, span->kind, span->value);
    }
  lectern_structure_sort (cited->pages);
  lectern_structure_sort (cited->turns);
  lectern_structure_sort (cited->times);
  g_hash_table_insert (self->structure, g_memdup2 (&document_id, sizeof document_id), cited);
  return cited;
}

/* The index of the span of @spans holding code point @offset, or -1. */
static gint
find_span (GArray *spans,
           guint   offset)
{
  guint low = 0;
  guint high = spans->len;

  /* The last span that starts at or before @offset. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (spans, LecternSpan, middle).start <= offset)
        low = middle + 1;
      else
        high = middle;
    }
  if (low == 0)
    return -1;
  if (offset >= g_array_index (spans, LecternSpan, low - 1).end)
    return -1;
  return (gint) low - 1;
}

/* A passage's last code point; an empty passage is cited by its position. */
static guint
last_offset (LecternAnnotation *annotation)
{
  gint64 start = lectern_annotation_get_start (annotation);
  gint64 end = lectern_annotation_get_end (annotation);

  return (guint) (end > start ? end - 1 : start);
}

gboolean
_lectern_export_selection_page (LecternExportSelection *self,
                                LecternAnnotation      *annotation,
                                guint                  *number,
                                guint                  *page_start,
                                guint                  *page_end)
{
  CitedStructure *cited = cited_structure (self, lectern_annotation_get_document_id (annotation));
  gint first = find_span (cited->pages, (guint) lectern_annotation_get_start (annotation));
  const LecternSpan *page;

  *number = *page_start = *page_end = 0;
  if (first < 0 || find_span (cited->pages, last_offset (annotation)) != first)
    return FALSE;
  page = &g_array_index (cited->pages, LecternSpan, first);
  *number = (guint) first + 1;
  *page_start = page->start;
  *page_end = page->end;
  return TRUE;
}

char *
_lectern_export_selection_cite_pages (LecternExportSelection *self,
                                      LecternAnnotation      *annotation)
{
  CitedStructure *cited = cited_structure (self, lectern_annotation_get_document_id (annotation));
  guint start = (guint) lectern_annotation_get_start (annotation);
  guint last = last_offset (annotation);
  gint first_page = find_span (cited->pages, start);
  gint last_page = find_span (cited->pages, last);
  g_autoptr(GArray) cited_pages = NULL;

  if (first_page < 0)
    return NULL;
  /* Only the pages that the citation names, so that the helper which
   * words it (and its translations) need not search the whole document;
   * each keeps its label or, wanting one, its number. */
  cited_pages = lectern_structure_new ();
  for (gint i = 0; i < 2; i++)
    {
      gint index = i == 0 ? first_page : last_page;
      const LecternSpan *page;
      g_autofree char *number = NULL;

      if (index < 0 || (i == 1 && index == first_page))
        break;
      page = &g_array_index (cited->pages, LecternSpan, index);
      number = g_strdup_printf ("%d", index + 1);
      lectern_structure_add (cited_pages, page->start, page->end, LECTERN_STRUCTURE_KIND_PAGE,
                             page->value != NULL && *page->value != '\0' ? page->value : number);
    }
  return lectern_structure_cite_pages (cited_pages, start, MAX (start, last + 1));
}

void
_lectern_export_selection_speaker (LecternExportSelection  *self,
                                   LecternAnnotation       *annotation,
                                   const char             **speaker,
                                   const char             **time)
{
  CitedStructure *cited = cited_structure (self, lectern_annotation_get_document_id (annotation));
  guint start = (guint) lectern_annotation_get_start (annotation);
  gint turn = find_span (cited->turns, start);
  gint at = find_span (cited->times, start);

  *speaker = *time = NULL;
  if (turn < 0)
    return;
  *speaker = g_array_index (cited->turns, LecternSpan, turn).value;
  if (*speaker != NULL && **speaker == '\0')
    *speaker = NULL;
  if (at >= 0)
    *time = g_array_index (cited->times, LecternSpan, at).value;
  if (*time != NULL && **time == '\0')
    *time = NULL;
}

char *
_lectern_export_selection_cite_speaker (LecternExportSelection *self,
                                        LecternAnnotation      *annotation)
{
  const char *speaker;
  const char *time;

  _lectern_export_selection_speaker (self, annotation, &speaker, &time);
  if (speaker == NULL)
    return NULL;
  if (time == NULL)
    return g_strdup (speaker);
  return g_strdup_printf ("%s, %s", speaker, time);
}

char *
_lectern_export_selection_cite_location (LecternExportSelection *self,
                                         LecternAnnotation      *annotation)
{
  g_autofree char *pages = _lectern_export_selection_cite_pages (self, annotation);
  g_autofree char *paragraphs = _lectern_export_selection_cite_paragraphs (self, annotation);

  if (pages == NULL)
    return g_steal_pointer (&paragraphs);
  if (paragraphs == NULL)
    return g_steal_pointer (&pages);
  return g_strdup_printf ("%s, %s", pages, paragraphs);
}

char *
_lectern_export_selection_citation (LecternExportSelection *self,
                                    LecternAnnotation      *annotation)
{
  LecternDocument *document;
  GString *citation = g_string_new (NULL);
  g_autofree char *speaker = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *paragraphs = NULL;
  const char *parts[6];
  g_autofree char *date = NULL;
  g_autofree char *version_text = NULL;
  LecternDocumentVersion *version;

  document = _lectern_export_selection_get_document (self, lectern_annotation_get_document_id (annotation));
  g_assert (document != NULL);
  date = lectern_long_date_from_iso (lectern_document_get_date (document));
  /* Who said it first, as a quotation is attributed; then the source, and
   * where in it, the page before the paragraph as a printed work is cited. */
  speaker = _lectern_export_selection_cite_speaker (self, annotation);
  pages = _lectern_export_selection_cite_pages (self, annotation);
  parts[0] = speaker;
  parts[1] = lectern_document_get_title (document);
  parts[2] = date != NULL ? date : lectern_document_get_date (document);
  parts[3] = lectern_document_get_source (document);
  /* Pages, paragraphs and positions are those of the current text: once
   * it was changed, the citation says which version that is. A text
   * never changed has one version, and saying so would be noise. */
  version = _lectern_export_selection_document_version (self, document);
  if (version != NULL && lectern_document_version_get_number (version) > 1)
    /* Translators: in a citation, "Title, 14 March 2025, text version 3, p. 11" */
    version_text = g_strdup_printf (_("text version %u"), lectern_document_version_get_number (version));
  parts[4] = version_text;
  parts[5] = pages;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (citation, "%s, ", parts[i]);
  paragraphs = _lectern_export_selection_cite_paragraphs (self, annotation);
  if (paragraphs != NULL)
    g_string_append (citation, paragraphs);
  else
    /* Translators: the position of a passage, in characters from the start */
    g_string_append_printf (citation, _("characters %ld–%ld"),
                            lectern_annotation_get_start (annotation),
                            lectern_annotation_get_end (annotation));
  return g_string_free (citation, FALSE);
}

LecternDocumentVersion *
_lectern_export_selection_document_version (LecternExportSelection *self,
                                            LecternDocument        *document)
{
  gint64 id = lectern_document_get_id (document);
  LecternDocumentVersion *version;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (self->versions == NULL)
    self->versions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  version = g_hash_table_lookup (self->versions, &id);
  if (version != NULL)
    return version;

  versions = lectern_project_list_document_versions (self->project, id, &error);
  n = versions != NULL ? g_list_model_get_n_items (versions) : 0;
  if (n == 0)
    {
      g_warning ("Could not read the versions of document %" G_GINT64_FORMAT ": %s",
                 id, error != NULL ? error->message : "none");
      return NULL;
    }
  version = g_list_model_get_item (versions, n - 1);
  g_hash_table_insert (self->versions, g_memdup2 (&id, sizeof id), version);
  return version;
}

gboolean
_lectern_export_flush (GOutputStream  *out,
                       GString        *buffer,
                       gboolean        force,
                       GCancellable   *cancellable,
                       GError        **error)
{
  if (buffer->len == 0 || (!force && buffer->len < FLUSH_CHUNK))
    return TRUE;
  if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buffer, 0);
  return TRUE;
}

char *
_lectern_export_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
walk_by_document (LecternExportSelection       *self,
                  LecternExportHeadingFunc      heading,
                  LecternExportAnnotationFunc   annotation_func,
                  gpointer                      data,
                  GCancellable                 *cancellable,
                  GError                      **error)
{
  for (guint i = 0; i < self->documents->len; i++)
    {
      LecternDocument *document = g_ptr_array_index (self->documents, i);
      g_autoptr(GPtrArray) annotations =
        _lectern_export_selection_list_document_annotations (self, lectern_document_get_id (document));

      if (annotations->len == 0)
        continue;
      if (!heading (1, _lectern_export_selection_document_label (self, document), document, NULL, data, error))
        return FALSE;
      for (guint j = 0; j < annotations->len; j++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error)
              || !annotation_func (g_ptr_array_index (annotations, j), data, error))
            return FALSE;
          _lectern_export_selection_advance (self, 1);
        }
    }
  return TRUE;
}

static gboolean
walk_by_tag (LecternExportSelection       *self,
             LecternExportHeadingFunc      heading,
             LecternExportAnnotationFunc   annotation_func,
             gpointer                      data,
             GCancellable                 *cancellable,
             GError                      **error)
{
  g_autoptr(GHashTable) by_tag = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) untagged = g_ptr_array_new ();
  g_autoptr(GHashTable) written = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->annotations->len; i++)
    {
      LecternAnnotation *annotation = g_ptr_array_index (self->annotations, i);
      g_autoptr(GPtrArray) tags = _lectern_export_selection_list_tags (self, annotation);

      if (tags->len == 0)
        g_ptr_array_add (untagged, annotation);
      for (guint j = 0; j < tags->len; j++)
        {
          gint64 id = lectern_tag_get_id (g_ptr_array_index (tags, j));
          GPtrArray *list = g_hash_table_lookup (by_tag, &id);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (by_tag, g_memdup2 (&id, sizeof id), list);
            }
          g_ptr_array_add (list, annotation);
        }
    }

  /* Tags come depth first: a heading for each tag with passages of its own
   * or below it. */
  for (guint i = 0; i < self->tags->len; i++)
    {
      LecternTag *tag = g_ptr_array_index (self->tags, i);
      gint64 id = lectern_tag_get_id (tag);
      GPtrArray *list = g_hash_table_lookup (by_tag, &id);
      gboolean has_below = FALSE;

      for (guint j = i + 1; j < self->tags->len && !has_below; j++)
        {
          LecternTag *other = g_ptr_array_index (self->tags, j);

          if (lectern_tag_get_depth (other) <= lectern_tag_get_depth (tag))
            break;
          has_below = g_hash_table_contains (by_tag, &(gint64) { lectern_tag_get_id (other) });
        }
      if (list == NULL && !has_below)
        continue;

      if (!heading (1 + lectern_tag_get_depth (tag), lectern_tag_get_name (tag), NULL, tag, data, error))
        return FALSE;
      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          LecternAnnotation *annotation = g_ptr_array_index (list, j);

          if (g_cancellable_set_error_if_cancelled (cancellable, error)
              || !annotation_func (annotation, data, error))
            return FALSE;
          if (g_hash_table_add (written, annotation))
            _lectern_export_selection_advance (self, 1);
        }
    }

  if (untagged->len > 0)
    {
      if (!heading (1, _("Without a tag"), NULL, NULL, data, error))
        return FALSE;
      for (guint j = 0; j < untagged->len; j++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error)
              || !annotation_func (g_ptr_array_index (untagged, j), data, error))
            return FALSE;
          _lectern_export_selection_advance (self, 1);
        }
    }
  return TRUE;
}

gboolean
_lectern_export_selection_walk (LecternExportSelection       *self,
                                LecternExportHeadingFunc      heading,
                                LecternExportAnnotationFunc   annotation,
                                gpointer                      data,
                                GCancellable                 *cancellable,
                                GError                      **error)
{
  if (lectern_export_options_get_group_by (self->options) == LECTERN_EXPORT_GROUP_BY_TAG)
    return walk_by_tag (self, heading, annotation, data, cancellable, error);
  return walk_by_document (self, heading, annotation, data, cancellable, error);
}
