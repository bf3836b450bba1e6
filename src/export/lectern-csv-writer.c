/* lectern-csv-writer.c — RFC 4180 CSV, UTF-8: one row per annotation and
 * tag, with the document's metadata and variables as columns, then the
 * passage's pages and speaker.
 *
 * Cells holding a separator (',' or ';'), a quote, a tab or a line break
 * are quoted; a cell a spreadsheet would run as a formula is neutralised
 * (see is_formula()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-export-writers-private.h"

static const char * const fixed_columns[] = {
  "annotation_id", "document_id", "document_title", "document_date",
  "document_source", "document_author", "document_language",
  "start", "end", "paragraphs", "quote", "tag", "tag_colour", "note",
  "annotation_author", "created", "modified",
};

/* Columns added since: after the variables, so that every column a
 * spreadsheet or script already reads keeps its position. */
static const char * const trailing_columns[] = {
  "pages", "speaker", "time",
  /* The version of the document's text that start, end, quote, pages
   * and paragraphs refer to: always its current one. */
  "document_version",
};

/* Spreadsheets run a cell as a formula when it starts with = + - @ (a
 * tab or a carriage return can hide the sign), and some also after
 * leading spaces. Such a cell gets a leading apostrophe inside its
 * quotes, OWASP's advice: spreadsheets show the text, never evaluate it.
 * It changes what the cell reads ("'- bullet", "'-3" in a variable), the
 * price of safety; numbers Lectern writes itself (ids, offsets) go
 * through append_number() and are never touched. */
static gboolean
is_formula (const char *value)
{
  while (*value == ' ')
    value++;

  return *value != '\0' && strchr ("=+-@\t\r", *value) != NULL;
}

char *
_lectern_csv_escape (const char *value)
{
  GString *cell;
  gboolean formula;

  if (value == NULL || *value == '\0')
    return g_strdup ("");

  formula = is_formula (value);
  /* Quoted also for ';' and a tab: the list separator of spreadsheets in
   * locales where ',' is the decimal mark, and of "tab-separated" reads. */
  if (!formula && strpbrk (value, ",;\"\r\n\t") == NULL)
    return g_strdup (value);

  cell = g_string_sized_new (strlen (value) + 3);
  g_string_append_c (cell, '"');
  if (formula)
    g_string_append_c (cell, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (cell, '"');
      g_string_append_c (cell, *p);
    }
  g_string_append_c (cell, '"');

  return g_string_free (cell, FALSE);
}

static void
append_cell (GString    *row,
             const char *value,
             gboolean    first)
{
  g_autofree char *cell = _lectern_csv_escape (value);

  if (!first)
    g_string_append_c (row, ',');
  g_string_append (row, cell);
}

static void
append_number (GString *row,
               gint64   value)
{
  g_string_append_printf (row, ",%" G_GINT64_FORMAT, value);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The union of the variable names of the exported documents, sorted. */
static GPtrArray *
list_variable_names (LecternExportSelection *selection)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < selection->documents->len; i++)
    {
      GHashTable *variables = lectern_document_get_variables (g_ptr_array_index (selection->documents, i));
      GHashTableIter iter;
      gpointer key;

      if (variables == NULL)
        continue;
      g_hash_table_iter_init (&iter, variables);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (seen, key))
          {
            char *name = g_strdup (key);

            g_ptr_array_add (names, name);
            g_hash_table_add (seen, name);
          }
    }
  g_ptr_array_sort (names, compare_strings);
  return names;
}

static void
append_row (LecternExportSelection *selection,
            LecternAnnotation      *annotation,
            LecternTag             *tag,
            GPtrArray              *variable_names,
            GString                *out)
{
  LecternDocument *document;
  g_autofree char *created = _lectern_export_format_time (lectern_annotation_get_created (annotation));
  g_autofree char *modified = _lectern_export_format_time (lectern_annotation_get_updated (annotation));
  g_autofree char *paragraphs = _lectern_export_selection_cite_paragraphs (selection, annotation);
  g_autofree char *pages = _lectern_export_selection_cite_pages (selection, annotation);
  const char *speaker;
  const char *time;
  LecternDocumentVersion *version;

  document = _lectern_export_selection_get_document (selection,
                                                     lectern_annotation_get_document_id (annotation));
  g_string_append_printf (out, "%" G_GINT64_FORMAT, lectern_annotation_get_id (annotation));
  append_number (out, lectern_document_get_id (document));
  append_cell (out, lectern_document_get_title (document), FALSE);
  append_cell (out, lectern_document_get_date (document), FALSE);
  append_cell (out, lectern_document_get_source (document), FALSE);
  append_cell (out, lectern_document_get_author (document), FALSE);
  append_cell (out, lectern_document_get_language (document), FALSE);
  append_number (out, lectern_annotation_get_start (annotation));
  append_number (out, lectern_annotation_get_end (annotation));
  append_cell (out, paragraphs, FALSE);
  append_cell (out, lectern_annotation_get_quote (annotation), FALSE);
  append_cell (out, tag != NULL ? lectern_tag_get_path (tag) : NULL, FALSE);
  append_cell (out, tag != NULL ? lectern_tag_get_colour (tag) : NULL, FALSE);
  append_cell (out, lectern_annotation_get_note (annotation), FALSE);
  append_cell (out, lectern_annotation_get_author (annotation), FALSE);
  append_cell (out, created, FALSE);
  append_cell (out, modified, FALSE);
  for (guint i = 0; i < variable_names->len; i++)
    append_cell (out, lectern_document_get_variable (document, g_ptr_array_index (variable_names, i)),
                 FALSE);
  _lectern_export_selection_speaker (selection, annotation, &speaker, &time);
  append_cell (out, pages, FALSE);
  append_cell (out, speaker, FALSE);
  append_cell (out, time, FALSE);
  version = _lectern_export_selection_document_version (selection, document);
  if (version != NULL)
    append_number (out, lectern_document_version_get_number (version));
  else
    append_cell (out, NULL, FALSE);
  g_string_append (out, "\r\n");
}

gboolean
_lectern_csv_writer_write (LecternExportSelection  *selection,
                           GOutputStream           *out,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GPtrArray) variable_names = list_variable_names (selection);

  if (lectern_export_options_get_csv_bom (selection->options))
    g_string_append (buffer, "\xEF\xBB\xBF");

  for (guint i = 0; i < G_N_ELEMENTS (fixed_columns); i++)
    append_cell (buffer, fixed_columns[i], i == 0);
  for (guint i = 0; i < variable_names->len; i++)
    append_cell (buffer, g_ptr_array_index (variable_names, i), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (trailing_columns); i++)
    append_cell (buffer, trailing_columns[i], FALSE);
  g_string_append (buffer, "\r\n");

  for (guint i = 0; i < selection->annotations->len; i++)
    {
      LecternAnnotation *annotation = g_ptr_array_index (selection->annotations, i);
      g_autoptr(GPtrArray) tags = _lectern_export_selection_list_tags (selection, annotation);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (tags->len == 0)
        append_row (selection, annotation, NULL, variable_names, buffer);
      for (guint j = 0; j < tags->len; j++)
        append_row (selection, annotation, g_ptr_array_index (tags, j), variable_names, buffer);
      _lectern_export_selection_advance (selection, 1);
      if (!_lectern_export_flush (out, buffer, FALSE, cancellable, error))
        return FALSE;
    }

  return _lectern_export_flush (out, buffer, TRUE, cancellable, error);
}
