/* lectern-zip-archive.c — a zip archive's entries, read from memory with
 * libarchive, bounded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>

#include "lectern-import-error.h"
#include "lectern-zip-archive-private.h"

struct _LecternZipArchive
{
  GObject     parent_instance;

  GHashTable *entries;   /* path → GBytes */
  GPtrArray  *paths;     /* every entry's path, in archive order */
};

G_DEFINE_FINAL_TYPE (LecternZipArchive, lectern_zip_archive, G_TYPE_OBJECT)

static guint max_entries = LECTERN_ZIP_ARCHIVE_MAX_ENTRIES;
static gint64 max_entry_size = LECTERN_ZIP_ARCHIVE_MAX_ENTRY_SIZE;
static gint64 max_total_size = LECTERN_ZIP_ARCHIVE_MAX_TOTAL_SIZE;

void
_lectern_zip_archive_set_limits (guint  entries,
                                 gint64 entry_size,
                                 gint64 total_size)
{
  max_entries = entries > 0 ? entries : LECTERN_ZIP_ARCHIVE_MAX_ENTRIES;
  max_entry_size = entry_size > 0 ? entry_size : LECTERN_ZIP_ARCHIVE_MAX_ENTRY_SIZE;
  max_total_size = total_size > 0 ? total_size : LECTERN_ZIP_ARCHIVE_MAX_TOTAL_SIZE;
}

static void
lectern_zip_archive_finalize (GObject *object)
{
  LecternZipArchive *self = LECTERN_ZIP_ARCHIVE (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->paths, g_ptr_array_unref);

  G_OBJECT_CLASS (lectern_zip_archive_parent_class)->finalize (object);
}

static void
lectern_zip_archive_class_init (LecternZipArchiveClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_zip_archive_finalize;
}

static void
lectern_zip_archive_init (LecternZipArchive *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_bytes_unref);
  self->paths = g_ptr_array_new_with_free_func (g_free);
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

/* A zip starts with a local file header ("PK\3\4"), or is empty
 * ("PK\5\6"); libarchive would also read other formats, which an office
 * document or a book never is. */
static gboolean
looks_like_zip (const guint8 *data,
                gsize         size)
{
  return size >= 4 && data[0] == 'P' && data[1] == 'K'
         && ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6));
}

static gboolean
too_compressed (gint64 total,
                gsize  archive_size)
{
  return total > LECTERN_ZIP_ARCHIVE_RATIO_FLOOR
         && total / LECTERN_ZIP_ARCHIVE_MAX_RATIO > (gint64) archive_size;
}

LecternZipArchive *
lectern_zip_archive_new_from_bytes (GBytes                   *bytes,
                                    const char               *display_name,
                                    LecternZipArchiveWanted   wanted,
                                    gpointer                  user_data,
                                    GCancellable             *cancellable,
                                    GError                  **error)
{
  g_autoptr(LecternZipArchive) self = NULL;
  struct archive *archive;
  struct archive_entry *entry;
  const guint8 *data;
  gsize size;
  gint64 total = 0;
  guint count = 0;
  gboolean ok = TRUE;
  int status;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!looks_like_zip (data, size))
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_INVALID,
                   _("“%s” is not a ZIP archive, as this format must be"), display_name);
      return NULL;
    }

  self = g_object_new (LECTERN_TYPE_ZIP_ARCHIVE, NULL);
  archive = archive_read_new ();
  archive_read_support_format_zip (archive);
  archive_read_support_filter_none (archive);
  if (archive_read_open_memory (archive, data, size) != ARCHIVE_OK)
    {
      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DAMAGED,
                   _("“%s” cannot be opened as a ZIP archive: %s"), display_name,
                   archive_error_string (archive));
      archive_read_free (archive);
      return NULL;
    }

  while (ok && (status = archive_read_next_header (archive, &entry)) != ARCHIVE_EOF)
    {
      g_autoptr(GByteArray) content = NULL;
      const char *path;
      mode_t type;
      char chunk[64 * 1024];
      la_ssize_t n;

      if (status < ARCHIVE_WARN)
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DAMAGED,
                       _("“%s” is damaged: %s"), display_name, archive_error_string (archive));
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
                       _("“%s” holds more than %u files: refused as unsafe"),
                       display_name, max_entries);
          ok = FALSE;
          break;
        }

      path = archive_entry_pathname_utf8 (entry);
      if (path == NULL)
        path = archive_entry_pathname (entry);
      type = archive_entry_filetype (entry);
      if (!path_is_safe (path) || !g_utf8_validate (path, -1, NULL))
        {
          g_autofree char *shown = path != NULL ? g_utf8_make_valid (path, -1) : g_strdup ("");

          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_UNSAFE,
                       _("“%s” is refused: its entry “%s” points outside the archive"),
                       display_name, shown);
          ok = FALSE;
          break;
        }
      if (archive_entry_hardlink (entry) != NULL || archive_entry_symlink (entry) != NULL
          || (type != AE_IFREG && type != AE_IFDIR))
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_UNSAFE,
                       _("“%s” is refused: its entry “%s” is a link or a special file"),
                       display_name, path);
          ok = FALSE;
          break;
        }
      if (type == AE_IFDIR)
        continue;
      g_ptr_array_add (self->paths, g_strdup (path));

      /* Entries not kept are still decompressed and counted: the bounds
       * hold for the whole archive, and a damaged entry anywhere is
       * reported rather than half read. */
      if (wanted == NULL || wanted (path, user_data))
        content = g_byte_array_new ();
      while ((n = archive_read_data (archive, chunk, sizeof chunk)) > 0)
        {
          gint64 entry_size = content != NULL ? (gint64) content->len + n : 0;

          total += n;
          if (entry_size > max_entry_size || total > max_total_size
              || too_compressed (total, size))
            {
              g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                           _("“%s” is refused: its entry “%s” unpacks to more than Lectern accepts"),
                           display_name, path);
              ok = FALSE;
              break;
            }
          if (content != NULL)
            g_byte_array_append (content, (const guint8 *) chunk, n);
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
        }
      if (ok && n < 0)
        {
          const char *reason = archive_error_string (archive);

          /* libarchive reads no encrypted zip entries. */
          if (archive_entry_is_encrypted (entry))
            g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_ENCRYPTED,
                         _("“%s” is protected by a password: its entry “%s” is encrypted"),
                         display_name, path);
          else
            g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_DAMAGED,
                         _("“%s” is damaged: its entry “%s” cannot be read: %s"),
                         display_name, path, reason != NULL ? reason : _("unknown error"));
          ok = FALSE;
        }
      if (ok && content != NULL)
        {
          /* A NUL after the data, not counted, for parsers of C strings. */
          gsize length = content->len;
          g_autoptr(GBytes) whole = NULL;

          g_byte_array_append (content, (const guint8 *) "", 1);
          whole = g_byte_array_free_to_bytes (g_steal_pointer (&content));
          g_hash_table_replace (self->entries, g_strdup (path),
                                g_bytes_new_from_bytes (whole, 0, length));
        }
    }

  archive_read_free (archive);
  return ok ? g_steal_pointer (&self) : NULL;
}

GBytes *
lectern_zip_archive_get_entry (LecternZipArchive *self,
                               const char        *path)
{
  g_return_val_if_fail (LECTERN_IS_ZIP_ARCHIVE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_hash_table_lookup (self->entries, path);
}

GPtrArray *
lectern_zip_archive_get_paths (LecternZipArchive *self)
{
  g_return_val_if_fail (LECTERN_IS_ZIP_ARCHIVE (self), NULL);

  return self->paths;
}
