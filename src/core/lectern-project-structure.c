/* lectern-project-structure.c — what a document's source format said,
 * kept beside its text: its spans of structure and its original bytes.
 *
 * An original comes back from a file that may be someone else's: its
 * inflation is bounded by the size recorded beside it and by
 * LECTERN_PROJECT_ORIGINAL_MAX_SIZE, never by what the stream claims.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <inttypes.h>

#include <string.h>
#include <zlib.h>

#include <glib/gi18n.h>

#include "lectern-core-enums.h"
#include "lectern-project-private.h"
#include "lectern-structure.h"

/* A span's value is a level, a label or a header's name. */
#define VALUE_MAX_BYTES 1024
/* A format's name: "pdf", "markdown", "eml"… */
#define FORMAT_MAX_BYTES 32
/* Inflated a piece at a time, so that a damaged stream costs no more
 * memory than its recorded size. */
#define INFLATE_CHUNK (64 * 1024)

static gboolean
document_length (LecternProject  *self,
                 gint64          document_id,
                 gint64         *length,
                 GError        **error)
{
  /* SQLite's length() counts the code points of the text itself, not the
   * stored length column, which a damaged file may have wrong. */
  if (!_lectern_project_query_int (self, "SELECT length (text) FROM documents WHERE id = ?",
                                  document_id, -1, length, error))
    return FALSE;
  if (*length < 0)
    {
      _lectern_project_not_found (self, error, _("document"), document_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
_lectern_structure_kind_is_known (int kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LECTERN_TYPE_STRUCTURE_KIND);

  return g_enum_get_value (klass, kind) != NULL;
}

static gboolean
validate_span (LecternProject      *self,
               gint64              document_id,
               const LecternSpan  *span,
               gint64              length,
               GError            **error)
{
  if (!_lectern_structure_kind_is_known (span->kind))
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("A span of structure of document %" PRId64 " has an unknown kind (%d); "
                     "nothing was changed in “%s”"),
                   document_id, (int) span->kind, self->path);
      return FALSE;
    }
  if (span->start > span->end || span->end > length)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("The span %u–%u (%s) lies outside document %" PRId64 " (%" PRId64 " characters); "
                     "nothing was changed in “%s”"),
                   span->start, span->end, lectern_structure_kind_to_string (span->kind),
                   document_id, length, self->path);
      return FALSE;
    }
  if (span->value != NULL
      && (strlen (span->value) > VALUE_MAX_BYTES || !g_utf8_validate (span->value, -1, NULL)))
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("The span %u–%u (%s) of document %" PRId64 " has a value that is not short "
                     "UTF-8 text; nothing was changed in “%s”"),
                   span->start, span->end, lectern_structure_kind_to_string (span->kind),
                   document_id, self->path);
      return FALSE;
    }
  return TRUE;
}

gboolean
lectern_project_set_document_structure (LecternProject  *self,
                                       gint64          document_id,
                                       GArray         *structure,
                                       GError        **error)
{
  g_autoptr(GArray) sorted = lectern_structure_new ();
  gint64 length;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (structure == NULL || g_array_get_element_size (structure) == sizeof (LecternSpan), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lectern_project_begin (self, error))
    return FALSE;

  if (!document_length (self, document_id, &length, error))
    goto fail;

  for (guint i = 0; structure != NULL && i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      if (!validate_span (self, document_id, span, length, error))
        goto fail;
      /* An empty span says nothing about any text. */
      if (span->start < span->end)
        lectern_structure_add (sorted, span->start, span->end, span->kind, span->value);
    }
  /* Stored in text order, so that the row order breaks ties on reading. */
  lectern_structure_sort (sorted);

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self, "DELETE FROM document_structure WHERE document_id = ?", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, document_id);
    if (!_lectern_project_run (self, stmt, error))
      goto fail;
  }

  for (guint i = 0; i < sorted->len; i++)
    {
      const LecternSpan *span = &g_array_index (sorted, LecternSpan, i);
      g_autoptr(LecternStmt) stmt =
        _lectern_project_prepare (self,
                                 "INSERT INTO document_structure (document_id, start_offset, end_offset, kind, value)"
                                 " VALUES (?, ?, ?, ?, ?)",
                                 error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int64 (stmt, 2, span->start);
      sqlite3_bind_int64 (stmt, 3, span->end);
      _lectern_bind_text (stmt, 4, lectern_structure_kind_to_string (span->kind));
      _lectern_bind_text (stmt, 5, span->value);
      if (!_lectern_project_run (self, stmt, error))
        goto fail;
    }

  return _lectern_project_commit (self, LECTERN_CHANGE_DOCUMENTS, document_id,
                                 _("Set document structure"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

GArray *
lectern_project_dup_document_structure (LecternProject  *self,
                                       gint64          document_id,
                                       GError        **error)
{
  g_autoptr(GArray) structure = NULL;
  g_autoptr(LecternStmt) stmt = NULL;
  gint64 length;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!document_length (self, document_id, &length, error))
    return NULL;

  stmt = _lectern_project_prepare (self,
                                  "SELECT start_offset, end_offset, kind, value FROM document_structure"
                                  " WHERE document_id = ? ORDER BY start_offset, end_offset DESC, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  structure = lectern_structure_new ();
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 start = sqlite3_column_int64 (stmt, 0);
      gint64 end = sqlite3_column_int64 (stmt, 1);
      const char *value = _lectern_column_text (stmt, 3);
      LecternStructureKind kind;

      /* A span a damaged or foreign file holds that no reader could use
       * is left out; lectern_project_check() names it. */
      if (start < 0 || end <= start || end > length
          || !lectern_structure_kind_from_string (_lectern_column_string (stmt, 2), &kind)
          || (value != NULL && !g_utf8_validate (value, -1, NULL)))
        continue;
      lectern_structure_add (structure, start, end, kind, value);
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&structure);
}

/* ------------------------------------------------------------------ */
/* Originals                                                           */

static gboolean
is_format_name (const char *format)
{
  gsize n = strlen (format);

  if (n == 0 || n > FORMAT_MAX_BYTES)
    return FALSE;
  for (const char *p = format; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* @data whole through @converter, into a new buffer of at most @limit
 * bytes; FALSE when the output would pass it or the stream is damaged. */
static GBytes *
convert_all (GConverter    *converter,
             const guint8  *data,
             gsize          size,
             gsize          limit,
             gboolean      *too_large,
             GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree guint8 *chunk = g_malloc (INFLATE_CHUNK);
  gsize consumed = 0;

  *too_large = FALSE;

  for (;;)
    {
      GConverterResult result;
      gsize read = 0;
      gsize written = 0;

      result = g_converter_convert (converter, data + consumed, size - consumed,
                                    chunk, INFLATE_CHUNK, G_CONVERTER_INPUT_AT_END,
                                    &read, &written, error);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      consumed += read;
      if (written > limit - out->len)
        {
          *too_large = TRUE;
          return NULL;
        }
      g_byte_array_append (out, chunk, written);
      if (result == G_CONVERTER_FINISHED)
        break;
      /* Nothing read nor written at the input's end: the stream is cut. */
      if (read == 0 && written == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, "truncated stream");
          return NULL;
        }
    }

  /* Bytes after the stream's end are not part of it. */
  if (consumed != size)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "data after the end of the stream");
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* @data deflated whole, in zlib's format, at @level, with a window no
 * larger than @data needs: zlib's state for its usual 32 KB window is
 * about 256 KB, which a 2 KB text paid to allocate and clear (and the
 * heap to grow and trim) at every import. Any inflater reads the result.
 * NULL when zlib fails (out of memory). */
static GBytes *
deflate_whole (const guint8 *data,
               gsize         size,
               int           level)
{
  z_stream stream = { 0 };
  int window_bits = 9;
  g_autofree guint8 *out = NULL;
  gsize bound;
  int rc;

  g_return_val_if_fail (size <= G_MAXUINT32, NULL);

  while (window_bits < MAX_WBITS && ((gsize) 1 << window_bits) < size)
    window_bits++;
  if (deflateInit2 (&stream, level, Z_DEFLATED, window_bits, MIN (window_bits - 6, MAX_MEM_LEVEL - 1),
                    Z_DEFAULT_STRATEGY) != Z_OK)
    return NULL;

  bound = deflateBound (&stream, size);
  out = g_malloc (bound);
  stream.next_in = (Bytef *) data;
  stream.avail_in = (uInt) size;
  stream.next_out = out;
  stream.avail_out = (uInt) bound;
  rc = deflate (&stream, Z_FINISH);
  deflateEnd (&stream);
  if (rc != Z_STREAM_END)
    return NULL;

  return g_bytes_new_take (g_realloc (g_steal_pointer (&out), MAX (stream.total_out, 1)), stream.total_out);
}

/* @data deflated (zlib), as originals and versions are kept. */
GBytes *
_lectern_project_deflate (const guint8  *data,
                          gsize          size,
                          GError       **error)
{
  GBytes *deflated = NULL;

  if (size <= G_MAXUINT32)
    deflated = deflate_whole (data, size, Z_DEFAULT_COMPRESSION);
  if (deflated == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "too large");
  return deflated;
}

/* NULL with @error when @original may not be kept: its format's name or
 * its size. */
static GBytes *
deflate_original (LecternProject  *self,
                  gint64          document_id,
                  const char     *format,
                  GBytes         *original,
                  GError        **error)
{
  const guint8 *data;
  GBytes *deflated;
  gsize size;

  if (!is_format_name (format))
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” is not the name of a format (lower-case letters, digits and “-”); "
                     "nothing was changed in “%s”"),
                   format, self != NULL ? self->path : "");
      return NULL;
    }

  data = g_bytes_get_data (original, &size);
  if (size > LECTERN_PROJECT_ORIGINAL_MAX_SIZE)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("The original of document %" PRId64 " is too large to keep "
                     "(%lu MB; the limit is %d MB); nothing was changed in “%s”"),
                   document_id, (unsigned long) (size / (1024 * 1024)), LECTERN_PROJECT_ORIGINAL_MAX_SIZE / (1024 * 1024),
                   self != NULL ? self->path : "");
      return NULL;
    }

  /* zlib's fastest level: an original is kept, seldom read, and deflating
   * it was a tenth of a short text's import at the default level, for
   * 11% less space on text. */
  deflated = deflate_whole (size > 0 ? data : (const guint8 *) "", size, Z_BEST_SPEED);
  if (deflated == NULL)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_FAILED,
                   _("The original of document %" PRId64 " could not be compressed: %s"),
                   document_id, g_strerror (ENOMEM));
      return NULL;
    }
  return deflated;
}

/* The original's row replaced by @deflated (of @size bytes inflated), or
 * removed when @deflated is NULL. */
static gboolean
store_original (LecternProject  *self,
                gint64          document_id,
                const char     *format,
                gsize           size,
                GBytes         *deflated,
                GError        **error)
{
  gint64 exists;

  if (!_lectern_project_begin (self, error))
    return FALSE;

  if (!_lectern_project_query_int (self, "SELECT count(*) FROM documents WHERE id = ?",
                                  document_id, 0, &exists, error))
    goto fail;
  if (exists == 0)
    {
      _lectern_project_not_found (self, error, _("document"), document_id);
      goto fail;
    }

  /* DELETE then INSERT, never REPLACE: a replaced row would not reach the
   * delete triggers that undo records (recursive triggers are off). */
  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self, "DELETE FROM document_originals WHERE document_id = ?", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, document_id);
    if (!_lectern_project_run (self, stmt, error))
      goto fail;
  }

  if (deflated != NULL)
    {
      g_autoptr(LecternStmt) stmt =
        _lectern_project_prepare (self,
                                 "INSERT INTO document_originals (document_id, format, size, data)"
                                 " VALUES (?, ?, ?, ?)",
                                 error);
      gsize deflated_size;
      const guint8 *deflated_data = g_bytes_get_data (deflated, &deflated_size);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, document_id);
      _lectern_bind_text (stmt, 2, format);
      sqlite3_bind_int64 (stmt, 3, size);
      sqlite3_bind_blob64 (stmt, 4, deflated_size > 0 ? deflated_data : (const guint8 *) "",
                           deflated_size, SQLITE_STATIC);
      if (!_lectern_project_run (self, stmt, error))
        goto fail;
    }

  return _lectern_project_commit (self, LECTERN_CHANGE_DOCUMENTS, document_id,
                                 _("Keep the original"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

gboolean
lectern_project_set_document_original (LecternProject  *self,
                                      gint64          document_id,
                                      const char     *format,
                                      GBytes         *original,
                                      GError        **error)
{
  g_autoptr(GBytes) deflated = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (original == NULL || format != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (original != NULL)
    {
      deflated = deflate_original (self, document_id, format, original, error);
      if (deflated == NULL)
        return FALSE;
    }

  return store_original (self, document_id, format, original != NULL ? g_bytes_get_size (original) : 0,
                         deflated, error);
}

struct _LecternDeflatedOriginal
{
  char   *format;
  GBytes *original;
  GBytes *deflated;  /* NULL: not to be kept, and storing says why */
};

LecternDeflatedOriginal *
lectern_deflated_original_new (const char *format,
                               GBytes     *original)
{
  LecternDeflatedOriginal *self;

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (original != NULL, NULL);

  self = g_new0 (LecternDeflatedOriginal, 1);
  self->format = g_strdup (format);
  self->original = g_bytes_ref (original);
  /* What cannot be kept is refused when stored, in the words of
   * lectern_project_set_document_original(), which knows the project and
   * the document. */
  self->deflated = deflate_original (NULL, 0, format, original, NULL);
  return self;
}

void
lectern_deflated_original_free (LecternDeflatedOriginal *self)
{
  if (self == NULL)
    return;
  g_free (self->format);
  g_bytes_unref (self->original);
  g_clear_pointer (&self->deflated, g_bytes_unref);
  g_free (self);
}

gboolean
lectern_project_set_document_deflated_original (LecternProject                 *self,
                                               gint64                         document_id,
                                               const LecternDeflatedOriginal *original,
                                               GError                       **error)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (original != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (original->deflated == NULL)
    return lectern_project_set_document_original (self, document_id, original->format, original->original, error);
  return store_original (self, document_id, original->format, g_bytes_get_size (original->original),
                         original->deflated, error);
}

/* The bytes of a stored original, bounded by its recorded size. NULL with
 * @problem set (a translated reason) when it cannot give them back. */
GBytes *
_lectern_project_inflate_original (const guint8  *data,
                                  gsize          data_size,
                                  gint64         size,
                                  char         **problem)
{
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean too_large;

  if (size < 0 || size > LECTERN_PROJECT_ORIGINAL_MAX_SIZE)
    {
      *problem = g_strdup_printf (_("its recorded size (%" PRId64 " bytes) is impossible"), size);
      return NULL;
    }

  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  bytes = convert_all (G_CONVERTER (decompressor), data_size > 0 ? data : (const guint8 *) "",
                       data_size, (gsize) size, &too_large, &local_error);
  if (bytes == NULL && too_large)
    {
      *problem = g_strdup_printf (_("it inflates past its recorded size (%" PRId64 " bytes)"), size);
      return NULL;
    }
  if (bytes == NULL)
    {
      *problem = g_strdup_printf (_("its compressed data is damaged (%s)"), local_error->message);
      return NULL;
    }
  if (g_bytes_get_size (bytes) != (gsize) size)
    {
      /* %lu, not G_GSIZE_FORMAT: xgettext cannot see through that macro. */
      *problem = g_strdup_printf (_("it inflates to %lu bytes, not its recorded %" PRId64),
                                  (unsigned long) g_bytes_get_size (bytes), size);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

GBytes *
lectern_project_dup_document_original (LecternProject  *self,
                                      gint64          document_id,
                                      char          **format,
                                      GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  g_autofree char *problem = NULL;
  GBytes *bytes;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format != NULL)
    *format = NULL;

  stmt = _lectern_project_prepare (self,
                                  "SELECT d.id, o.format, o.size, o.data FROM documents d"
                                  " LEFT JOIN document_originals o ON o.document_id = d.id"
                                  " WHERE d.id = ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      _lectern_project_not_found (self, error, _("document"), document_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }
  /* No original kept: not an error. */
  if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
    return NULL;

  bytes = _lectern_project_inflate_original (sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3),
                                            sqlite3_column_int64 (stmt, 2), &problem);
  if (bytes == NULL)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_CORRUPT,
                   _("The original of document %" PRId64 " in “%s” cannot be given back: %s. "
                     "Restore the project from a backup"),
                   document_id, self->path, problem);
      return NULL;
    }

  if (format != NULL)
    *format = g_strdup (_lectern_column_string (stmt, 1));
  return bytes;
}
