/* lectern-import-sources.c — the files an import reads, folders expanded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-import-error.h"
#include "lectern-import-sources.h"

static void
source_free (gpointer data)
{
  LecternImportSource *source = data;

  g_clear_object (&source->file);
  g_clear_error (&source->error);
  g_free (source);
}

static void
add_source (GPtrArray *sources,
            GFile     *file,
            GError    *error)
{
  LecternImportSource *source = g_new0 (LecternImportSource, 1);

  source->file = g_object_ref (file);
  source->error = error;
  g_ptr_array_add (sources, source);
}

typedef struct
{
  char      *name;      /* as the file system has it */
  char      *sort_key;
  GFileType  type;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
  g_free (entry->sort_key);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;
  int cmp = strcmp (ea->sort_key, eb->sort_key);

  return cmp != 0 ? cmp : strcmp (ea->name, eb->name);
}

/* "page.html" and "page.htm" make "page_files" (and the localised names
 * browsers use: "page-Dateien", "page_fichiers") the page's own. */
static gboolean
is_saved_page_folder (const char *name,
                      GHashTable *names)
{
  static const char * const suffixes[] = { "_files", "-files", "_fichiers", "-Dateien", "_archivos", "_file" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (name), s = strlen (suffixes[i]);

      if (n > s && strcmp (name + n - s, suffixes[i]) == 0)
        {
          g_autofree char *stem = g_strndup (name, n - s);
          g_autofree char *html = g_strconcat (stem, ".html", NULL);
          g_autofree char *htm = g_strconcat (stem, ".htm", NULL);

          if (g_hash_table_contains (names, html) || g_hash_table_contains (names, htm))
            return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  GPtrArray    *files;     /* GFile: what the folder holds */
  guint         count;     /* files and folders seen */
  GCancellable *cancellable;
} Walk;

/* Lists @folder into @walk; FALSE with @error on a failure, a bound
 * passed, or a cancellation. */
static gboolean
walk_folder (Walk          *walk,
             GFile         *folder,
             guint          depth,
             GFile         *top,
             GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GError *local_error = NULL;
  GFileInfo *info;

  g_array_set_clear_func (entries, entry_clear);

  /* GIO's local enumerator does not look at the cancellable. */
  if (g_cancellable_set_error_if_cancelled (walk->cancellable, error))
    return FALSE;
  if (depth > LECTERN_IMPORT_SOURCES_MAX_DEPTH)
    {
      g_autofree char *name = g_file_get_parse_name (top);

      g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” was not imported: its folders are nested more than %d deep"),
                   name, LECTERN_IMPORT_SOURCES_MAX_DEPTH);
      return FALSE;
    }

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, walk->cancellable, &local_error);
  while (enumerator != NULL
         && (info = g_file_enumerator_next_file (enumerator, walk->cancellable, &local_error)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);
      g_autofree char *display = g_filename_display_name (name);
      Entry entry;

      if (++walk->count > LECTERN_IMPORT_SOURCES_MAX_FILES)
        {
          g_autofree char *top_name = g_file_get_parse_name (top);

          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_TOO_LARGE,
                       _("“%s” was not imported: it holds more than %d files; import its folders one by one"),
                       top_name, LECTERN_IMPORT_SOURCES_MAX_FILES);
          return FALSE;
        }
      /* Hidden files, and the lock files of office programs. */
      if (name[0] == '.' || g_str_has_prefix (name, "~$") || g_file_info_get_is_hidden (info))
        continue;

      entry.name = g_strdup (name);
      entry.sort_key = g_utf8_collate_key_for_filename (display, -1);
      entry.type = g_file_info_get_file_type (info);
      g_array_append_val (entries, entry);
      g_hash_table_add (names, entry.name);
    }
  if (local_error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, local_error);
      else
        {
          g_set_error (error, LECTERN_IMPORT_ERROR, LECTERN_IMPORT_ERROR_READ,
                       _("“%s” could not be read: %s"), name, local_error->message);
          g_error_free (local_error);
        }
      return FALSE;
    }

  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      g_autoptr(GFile) child = g_file_get_child (folder, entry->name);

      switch (entry->type)
        {
        case G_FILE_TYPE_DIRECTORY:
          if (is_saved_page_folder (entry->name, names))
            break;
          if (!walk_folder (walk, child, depth + 1, top, error))
            return FALSE;
          break;
        case G_FILE_TYPE_REGULAR:
          g_ptr_array_add (walk->files, g_steal_pointer (&child));
          break;
        /* Links, devices, pipes and sockets: not documents of the folder. */
        case G_FILE_TYPE_UNKNOWN:
        case G_FILE_TYPE_SYMBOLIC_LINK:
        case G_FILE_TYPE_SPECIAL:
        case G_FILE_TYPE_SHORTCUT:
        case G_FILE_TYPE_MOUNTABLE:
        default:
          break;
        }
    }

  return TRUE;
}

GPtrArray *
lectern_import_sources_expand (GFile        **files,
                               guint          n_files,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (source_free);

  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GPtrArray) found = NULL;
      GError *folder_error = NULL;
      Walk walk = { 0 };

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      /* A link to a folder, chosen by the user, is followed: only links
       * met inside a folder are not. */
      if (g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
        {
          add_source (sources, files[i], NULL);
          continue;
        }

      found = g_ptr_array_new_with_free_func (g_object_unref);
      walk = (Walk) { found, 0, cancellable };
      if (!walk_folder (&walk, files[i], 0, files[i], &folder_error))
        {
          if (g_error_matches (folder_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, folder_error);
              return NULL;
            }
          add_source (sources, files[i], folder_error);
          continue;
        }
      for (guint k = 0; k < found->len; k++)
        add_source (sources, g_ptr_array_index (found, k), NULL);
    }

  return g_steal_pointer (&sources);
}
