/* lectern-importer.c — files of every format Lectern reads into a
 * project: the format found (lectern-format.c), its reader's extracts
 * (lectern-format-readers.h), each made a document with its structure,
 * its original and its notes, in one group of the import's batch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lectern-core.h"
#include "lectern-document-turns.h"
#include "lectern-import-error.h"
#include "lectern-importer.h"
#include "lectern-importer-private.h"
#include "lectern-extract.h"
#include "lectern-format.h"
#include "lectern-metadata-guesser.h"
#include "lectern-text-decoder.h"

/* The name a person knows the file by. */
static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/* "report.final.txt" → "report.final": the title of last resort. */
static char *
title_from_name (const char *display_name)
{
  const char *dot = strrchr (display_name, '.');

  if (dot == NULL || dot == display_name)
    return g_strdup (display_name);

  return g_strndup (display_name, dot - display_name);
}

static gboolean
set_read_error (GError     **error,
                GError      *local_error,
                const char  *display_name)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ,
               _("“%s” could not be read: %s"), display_name, local_error->message);
  g_error_free (local_error);

  return FALSE;
}

/* The file's bytes, bounded by the largest file any format takes;
 * refusals name the file and the reason. */
static GBytes *
load_file (GFile         *file,
           const char    *display_name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize max_size = lectern_format_get_max_size ();
  GBytes *contents;

  /* Checked by type before it is opened (a FIFO would block, /dev/zero
   * would stream without end), by size before and while it is read, and
   * refused when it is a project this process has open. */
  contents = lectern_input_file_load (file, max_size, cancellable, &local_error);
  if (contents != NULL)
    return contents;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ,
                 _("“%s” is a folder, not a text file"), display_name);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ,
                 _("“%s” is not a regular file but a pipe, a device or a socket: Lectern imports only files"),
                 display_name);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_BUSY))
    g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_BINARY,
                 _("“%s” is an open Lectern project, not a document"), display_name);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                 _("“%s” is too large to import (the limit is %d MB)"),
                 display_name, (int) (max_size / (1024 * 1024)));
  else
    set_read_error (error, g_steal_pointer (&local_error), display_name);

  return NULL;
}

/* Reads one file into the documents its format makes (extracts); touches
 * no project. @format: (out) the format found. */
static GPtrArray *
read_extracts (GFile                 *file,
               const char            *display_name,
               GBytes               **contents_out,
               const LecternFormat  **format_out,
               GCancellable          *cancellable,
               GError               **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GPtrArray) extracts = NULL;
  const LecternFormat *format;
  const guint8 *data;
  gsize size = 0;

  contents = load_file (file, display_name, cancellable, error);
  if (contents == NULL)
    return NULL;

  data = g_bytes_get_data (contents, &size);
  format = lectern_format_detect (data, size, display_name);
  if (size > format->max_size)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to import (the limit is %d MB)"),
                   display_name, (int) (format->max_size / (1024 * 1024)));
      return NULL;
    }

  extracts = format->read (contents, display_name, cancellable, error);
  if (extracts == NULL)
    return NULL;
  if (extracts->len == 0)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_EMPTY,
                   _("“%s” has no text to import"), display_name);
      return NULL;
    }

  *contents_out = g_steal_pointer (&contents);
  *format_out = format;
  return g_steal_pointer (&extracts);
}

/* "2024-03-01T10:00:00Z" → "2024-03-01": a document's date is a day. */
static char *
day_of (const char *date)
{
  int y, m, d;

  if (date == NULL || strlen (date) < 10 || !g_ascii_isdigit (date[0])
      || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 || date[4] != '-' || date[7] != '-'
      || (date[10] != '\0' && date[10] != 'T' && date[10] != ' ')
      || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strndup (date, 10);
}

/* The document an extract makes: the metadata its format states, else
 * guessed from its text, else the file's name as its title. */
static LecternDocument *
document_from_extract (LecternExtract *extract,
                       const char     *display_name)
{
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autofree char *day = day_of (lectern_extract_get_date (extract));
  const char *text = lectern_extract_get_text (extract);
  GHashTableIter iter;
  gpointer key, value;

  lectern_document_set_original_name (document, display_name);
  lectern_document_set_encoding (document, lectern_extract_get_encoding (extract));
  g_hash_table_iter_init (&iter, lectern_extract_get_variables (extract));
  while (g_hash_table_iter_next (&iter, &key, &value))
    lectern_document_set_variable (document, key, value);

  lectern_metadata_guess (document, text);
  if (lectern_extract_get_title (extract) != NULL)
    lectern_document_set_title (document, lectern_extract_get_title (extract));
  if (lectern_extract_get_author (extract) != NULL)
    lectern_document_set_author (document, lectern_extract_get_author (extract));
  if (day != NULL)
    lectern_document_set_date (document, day);
  if (lectern_extract_get_language (extract) != NULL)
    lectern_document_set_language (document, lectern_extract_get_language (extract));

  if (lectern_document_get_title (document) == NULL)
    {
      g_autofree char *title = title_from_name (display_name);

      lectern_document_set_title (document, title);
    }

  return g_steal_pointer (&document);
}

LecternDocument *
lectern_importer_read_file (GFile         *file,
                            char         **text,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GPtrArray) extracts = NULL;
  LecternDocument *document;
  LecternExtract *extract;
  const LecternFormat *format = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = dup_display_name (file);
  extracts = read_extracts (file, display_name, &contents, &format, cancellable, error);
  if (extracts == NULL)
    return NULL;

  extract = g_ptr_array_index (extracts, 0);
  document = document_from_extract (extract, display_name);
  if (text != NULL)
    *text = g_strdup (lectern_extract_get_text (extract));
  return document;
}

/* Files are added a batch at a time (lectern_project_begin_batch()): one
 * commit, one sync to disk and one flush of the search index for many
 * small files instead of one each. A batch holds the write lock, so it
 * is committed once it has run this long or holds this much text (about
 * 50 ms of indexing on the benchmark machine), and a document that would
 * take it past that goes into the next batch: other writers (the app's
 * edits while a background import runs) wait at most about 100 ms, or
 * for one document larger than that. Between two batches the project
 * pauses so that they get the lock (lock_gap() in lectern-project.c).
 * A file's result is reported only once its batch is committed: nothing
 * reported can be lost, nothing half imported is ever visible. */
#define BATCH_TIME (50 * G_TIME_SPAN_MILLISECOND)
#define BATCH_BYTES (192 * 1024)

typedef struct
{
  LecternProject *project;
  GListStore    *results;   /* reported: committed, or refused */
  GPtrArray     *pending;   /* results of the open batch */
  gboolean       open;
  gint64         started;
  gsize          bytes;
} Batch;

/* Reports the open batch's files: as imported if it commits, refused
 * with the reason if it does not (then none of them was kept). */
static void
batch_commit (Batch *batch)
{
  g_autoptr(GError) commit_error = NULL;
  gboolean committed;

  if (!batch->open)
    return;

  batch->open = FALSE;
  committed = lectern_project_commit_batch (batch->project, &commit_error);

  for (guint i = 0; i < batch->pending->len; i++)
    {
      LecternImportResult *result = g_ptr_array_index (batch->pending, i);

      if (!committed && lectern_import_result_get_succeeded (result))
        {
          const char *display_name = lectern_import_result_get_display_name (result);
          g_autoptr(LecternImportResult) failure = NULL;
          g_autoptr(GError) file_error = g_error_copy (commit_error);

          g_prefix_error (&file_error, _("“%s” was not imported: "), display_name);
          failure = lectern_import_result_new_failure (lectern_import_result_get_file (result),
                                                       display_name, file_error);
          g_list_store_append (batch->results, failure);
        }
      else
        g_list_store_append (batch->results, result);
    }
  g_ptr_array_set_size (batch->pending, 0);
}

/* The notes of other tools (a Word comment) as Lectern notes on their
 * passages. A range a reader got wrong is kept inside the text, and a
 * comment on a point covers the character there. A note the project
 * refuses as invalid is reported and left out; any other failure fails
 * the document. */
static gboolean
add_notes (LecternProject        *project,
           gint64                document_id,
           LecternExtract       *extract,
           LecternImportResult  *result,
           const char           *display_name,
           GError              **error)
{
  GArray *notes = lectern_extract_get_notes (extract);
  glong length = lectern_extract_get_length (extract);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  for (guint i = 0; i < notes->len; i++)
    {
      const LecternExtractNote *note = &g_array_index (notes, LecternExtractNote, i);
      g_autoptr(GDateTime) created = NULL;
      g_autoptr(GError) local_error = NULL;
      glong start = MIN ((glong) note->start, length);
      glong end = CLAMP ((glong) note->end, start, length);

      if (length == 0)
        break;
      if (start == end)
        {
          if (end < length)
            end++;
          else
            start--;
        }
      if (note->date != NULL)
        created = g_date_time_new_from_iso8601 (note->date, utc);

      if (lectern_project_insert_annotation (project, document_id, start, end, NULL, 0, note->text,
                                            note->author, created, NULL, &local_error) != 0)
        continue;
      if (!g_error_matches (local_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      {
        g_autofree char *warning =
          g_strdup_printf (_("“%s”: a note on %ld–%ld was left out: %s"),
                           display_name, start, end, local_error->message);

        lectern_import_result_add_warning (result, warning);
      }
    }

  return TRUE;
}

/* A source that states its speakers (subtitles' voices: the reader's
 * `turn` spans) has those turns and no others, whatever detection finds:
 * kept as the document's first corrections (lectern-document-turns.h). */
static GArray *
stated_turns (GArray *structure)
{
  g_autoptr(GArray) stated = lectern_turn_corrections_new ();

  for (guint i = 0; i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      if (span->kind == LECTERN_STRUCTURE_KIND_TURN && span->value != NULL && *span->value != '\0')
        {
          if (stated->len == 0)
            lectern_turn_corrections_add_clear (stated);
          lectern_turn_corrections_add_set_turn (stated, span->start, span->value);
        }
    }
  return g_steal_pointer (&stated);
}

/* What an extract's document needs that takes time but no project: done
 * before its batch takes the write lock, so that the lock is held for
 * the inserts alone (a 4 MB file's original took 150–265 ms to deflate,
 * its turns 28–74 ms to detect). */
typedef struct
{
  GArray                  *stated;     /* LecternTurnCorrection */
  GArray                  *turns;      /* the structure with the turns; NULL: as it is */
  LecternDeflatedOriginal *original;
} Prepared;

static void
prepared_clear (Prepared *prepared)
{
  g_clear_pointer (&prepared->stated, g_array_unref);
  g_clear_pointer (&prepared->turns, g_array_unref);
  g_clear_pointer (&prepared->original, lectern_deflated_original_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Prepared, prepared_clear)

static void
prepare_extract (Prepared       *prepared,
                 LecternExtract *extract,
                 GBytes         *contents)
{
  GArray *structure = lectern_extract_get_structure (extract);
  GBytes *original = lectern_extract_get_original (extract);

  prepared->stated = stated_turns (structure);
  prepared->turns = lectern_document_turns_prepare (lectern_extract_get_text (extract), structure,
                                                    prepared->stated);
  prepared->original = lectern_deflated_original_new (lectern_extract_get_format (extract),
                                                      original != NULL ? original : contents);
}

static gboolean
keep_stated_turns (LecternProject  *project,
                   gint64          id,
                   GArray         *stated,
                   GError        **error)
{
  for (guint i = 0; i < stated->len; i++)
    {
      if (!lectern_project_add_turn_correction (project, id, &g_array_index (stated, LecternTurnCorrection, i),
                                               error))
        return FALSE;
    }
  return TRUE;
}

/* One extract as one document with its structure, original, notes and
 * speaker turns (found, or stated by the source; stored as `turn` and
 * `time` spans), all or nothing (a group of the batch), from what
 * prepare_extract() made of it. Returns the document's id, or 0 with
 * @error set. */
static gint64
add_extract (LecternProject        *project,
             LecternDocument      *document,
             LecternExtract       *extract,
             const Prepared       *prepared,
             LecternImportResult  *result,
             const char           *display_name,
             GError              **error)
{
  GArray *structure = lectern_extract_get_structure (extract);
  gint64 id;

  if (!lectern_project_begin_group (project, error))
    return 0;

  /* The structure is stored as the reader made it, then with the turns,
   * as lectern_document_turns_store() would after it: each step checks
   * what it stores. */
  id = lectern_project_add_document (project, document, lectern_extract_get_text (extract), error);
  if (id == 0
      || (structure->len > 0 && !lectern_project_set_document_structure (project, id, structure, error))
      || !lectern_project_set_document_deflated_original (project, id, prepared->original, error)
      || !add_notes (project, id, extract, result, display_name, error)
      || !keep_stated_turns (project, id, prepared->stated, error)
      || (prepared->turns != NULL && !lectern_project_set_document_structure (project, id, prepared->turns, error)))
    {
      lectern_project_end_group (project, FALSE, NULL);
      return 0;
    }

  if (!lectern_project_end_group (project, TRUE, error))
    return 0;

  return id;
}

/* Adds each extract of one file as a document; FALSE only when cancelled. */
static gboolean
add_extracts (Batch         *batch,
              GFile         *file,
              const char    *display_name,
              GPtrArray     *extracts,
              GBytes        *contents,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  /* A file of many documents (a mailbox) gives a result for each. */
  for (guint i = 0; i < extracts->len; i++)
    {
      LecternExtract *extract = g_ptr_array_index (extracts, i);
      g_autoptr(LecternDocument) document = document_from_extract (extract, display_name);
      g_autoptr(LecternImportResult) result = NULL;
      GPtrArray *warnings = lectern_extract_get_warnings (extract);
      const char *text = lectern_extract_get_text (extract);
      g_auto(Prepared) prepared = { 0 };

      g_clear_error (&local_error);

      if (batch->open && batch->bytes > 0 && batch->bytes + strlen (text) > BATCH_BYTES)
        batch_commit (batch);
      /* Within the open batch only when the document fits in it. */
      prepare_extract (&prepared, extract, contents);
      if (!batch->open)
        {
          /* Without a batch (the caller has one open, or the lock is not
           * to be had) the document is added in a group of its own, as it
           * always can be. */
          batch->open = lectern_project_begin_batch (batch->project, NULL);
          batch->started = g_get_monotonic_time ();
          batch->bytes = 0;
        }

      result = lectern_import_result_new_success (file, display_name, document);
      if (add_extract (batch->project, document, extract, &prepared, result, display_name, &local_error) == 0)
        {
          g_autoptr(GError) project_error = g_steal_pointer (&local_error);
          /* One document of several is named by its title too. */
          g_autofree char *name = extracts->len > 1
                                  ? g_strdup_printf ("%s, “%s”,", display_name, lectern_document_get_title (document))
                                  : g_strdup (display_name);

          if (g_error_matches (project_error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE))
            g_set_error (&local_error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DUPLICATE,
                         _("“%s” was not imported: %s"), name, project_error->message);
          else
            {
              local_error = g_steal_pointer (&project_error);
              g_prefix_error (&local_error, _("“%s” was not imported: "), name);
            }
          g_clear_object (&result);
          result = lectern_import_result_new_failure (file, display_name, local_error);
        }
      else
        {
          for (guint w = 0; w < warnings->len; w++)
            {
              g_autofree char *warning = g_strdup_printf (_("“%s”: %s"), display_name,
                                                          (const char *) g_ptr_array_index (warnings, w));

              lectern_import_result_add_warning (result, warning);
            }
        }

      if (batch->open)
        {
          g_ptr_array_add (batch->pending, g_steal_pointer (&result));
          batch->bytes += strlen (text);
          if (batch->bytes >= BATCH_BYTES || g_get_monotonic_time () - batch->started >= BATCH_TIME)
            batch_commit (batch);
        }
      else
        g_list_store_append (batch->results, result);

      if (i + 1 < extracts->len && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* Adds one file; FALSE only when cancelled. */
static gboolean
import_one (Batch         *batch,
            GFile         *file,
            const char    *display_name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) extracts = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  const LecternFormat *format = NULL;

  /* Read before the write lock is taken: an open batch that this file
   * would take past its size is committed first, so that reading and
   * decoding a large file never holds the lock. */
  if (batch->open && batch->bytes > 0)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, NULL);

      if (info != NULL && batch->bytes + (guint64) g_file_info_get_size (info) > BATCH_BYTES)
        batch_commit (batch);
    }
  extracts = read_extracts (file, display_name, &contents, &format, cancellable, &local_error);

  if (extracts == NULL)
    {
      g_autoptr(LecternImportResult) failure = NULL;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      failure = lectern_import_result_new_failure (file, display_name, local_error);
      if (batch->open)
        g_ptr_array_add (batch->pending, g_steal_pointer (&failure));
      else
        g_list_store_append (batch->results, failure);
      return TRUE;
    }

  return add_extracts (batch, file, display_name, extracts, contents, cancellable, error);
}

GListModel *
_lectern_importer_add_extracts (LecternProject *project,
                                GFile         *file,
                                const char    *display_name,
                                GPtrArray     *extracts,
                                GBytes        *contents)
{
  g_autoptr(GListStore) results = g_list_store_new (LECTERN_TYPE_IMPORT_RESULT);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  Batch batch = { project, results, pending, FALSE, 0, 0 };

  add_extracts (&batch, file, display_name, extracts, contents, NULL, NULL);
  batch_commit (&batch);
  return G_LIST_MODEL (g_steal_pointer (&results));
}

GListModel *
lectern_importer_import_files (LecternProject              *project,
                               GFile                     **files,
                               guint                       n_files,
                               LecternImportProgressFunc   progress,
                               gpointer                    progress_data,
                               GCancellable               *cancellable,
                               GError                    **error)
{
  g_autoptr(GListStore) results = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) fingerprint_error = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  Batch batch = { 0 };

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < n_files; i++)
    g_return_val_if_fail (G_IS_FILE (files[i]), NULL);

  /* Folders become the documents they hold. */
  sources = lectern_import_sources_expand (files, n_files, cancellable, error);
  if (sources == NULL)
    return NULL;

  results = g_list_store_new (LECTERN_TYPE_IMPORT_RESULT);
  pending = g_ptr_array_new_with_free_func (g_object_unref);
  batch = (Batch) { project, results, pending, FALSE, 0, 0 };

  for (guint i = 0; i < sources->len; i++)
    {
      LecternImportSource *source = g_ptr_array_index (sources, i);
      g_autofree char *display_name = NULL;

      /* The files added before a cancellation stay, as if each had been
       * committed on its own. */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          batch_commit (&batch);
          return NULL;
        }

      display_name = dup_display_name (source->file);
      if (progress != NULL)
        progress (i, sources->len, display_name, progress_data);

      /* A folder refused whole (too deep, too many files, unreadable). */
      if (source->error != NULL)
        {
          g_autoptr(LecternImportResult) failure =
            lectern_import_result_new_failure (source->file, display_name, source->error);

          if (batch.open)
            g_ptr_array_add (batch.pending, g_steal_pointer (&failure));
          else
            g_list_store_append (batch.results, failure);
          continue;
        }

      if (!import_one (&batch, source->file, display_name, cancellable, error))
        {
          batch_commit (&batch);
          return NULL;
        }
    }

  batch_commit (&batch);

  if (progress != NULL)
    progress (sources->len, sources->len, NULL, progress_data);

  /* The documents are in; their fingerprints (for shared passages) are
   * written now for all of them at once, far cheaper than file by file.
   * Cut off here (killed, cancelled, disk full), they are written by the
   * next import or comparison: nothing is lost, so the import succeeded. */
  if (!lectern_project_update_fingerprints (project, cancellable, &fingerprint_error)
      && !g_error_matches (fingerprint_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("%s", fingerprint_error->message);

  return G_LIST_MODEL (g_steal_pointer (&results));
}

/* ------------------------------------------------------------------ */
/* In a worker thread                                                  */

typedef struct
{
  GPtrArray                 *files;
  LecternImportProgressFunc  progress;
  gpointer                   progress_data;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *import = data;

  g_clear_pointer (&import->files, g_ptr_array_unref);
  g_free (import);
}

/* The job's progress, on the caller's context. */
static void
deliver_progress (guint       done,
                  guint       total,
                  const char *current_name,
                  gpointer    data)
{
  ImportJob *import = data;

  import->progress (done, total, current_name, import->progress_data);
}

/* In the worker. */
static void
report_progress (guint       done,
                 guint       total,
                 const char *current_name,
                 gpointer    data)
{
  lectern_job_report (data, done, total, current_name);
}

static gpointer
import_job_run (LecternJob     *job,
                LecternProject  *project,
                gpointer        data,
                GCancellable   *cancellable,
                GError        **error)
{
  ImportJob *import = data;

  return lectern_importer_import_files (project, (GFile **) import->files->pdata, import->files->len,
                                        import->progress != NULL ? report_progress : NULL, job,
                                        cancellable, error);
}

void
lectern_importer_import_files_async (GFile                     *project_file,
                                     GFile                    **files,
                                     guint                      n_files,
                                     LecternImportProgressFunc  progress,
                                     gpointer                   progress_data,
                                     GCancellable              *cancellable,
                                     GAsyncReadyCallback        callback,
                                     gpointer                   user_data)
{
  g_autoptr(LecternJob) job = NULL;
  ImportJob *import;

  g_return_if_fail (G_IS_FILE (project_file));
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  import = g_new0 (ImportJob, 1);
  import->files = g_ptr_array_new_full (n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (import->files, g_object_ref (files[i]));
  import->progress = progress;
  import->progress_data = progress_data;

  job = lectern_job_new (project_file, import_job_run, import, import_job_free, g_object_unref);
  if (progress != NULL)
    lectern_job_set_progress (job, deliver_progress, import);
  lectern_job_run_async (job, lectern_importer_import_files_async, cancellable, callback, user_data);
}

GListModel *
lectern_importer_import_files_finish (GAsyncResult  *result,
                                      GError       **error)
{
  return lectern_job_propagate (result, lectern_importer_import_files_async, error);
}
