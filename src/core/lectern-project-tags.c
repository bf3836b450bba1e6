/* lectern-project-tags.c — the codebook: a tree of coloured tags.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n.h>

#include "lectern-guid.h"
#include "lectern-project-private.h"
#include "lectern-tag-colours-private.h"
#include "lectern-tag-private.h"

#define SUBTREE \
  "WITH RECURSIVE subtree (id) AS (" \
  "  SELECT ?1 UNION SELECT t.id FROM tags t JOIN subtree s ON t.parent_id = s.id) "

#define ANCESTORS \
  "WITH RECURSIVE ancestors (id, parent_id, name, depth) AS (" \
  "  SELECT id, parent_id, name, 0 FROM tags WHERE id = ?1" \
  "  UNION ALL SELECT t.id, t.parent_id, t.name, a.depth + 1" \
  "  FROM tags t JOIN ancestors a ON t.id = a.parent_id WHERE a.depth < 10000) "

/* The passages of tag t that are not orphaned. Not a join on annotations:
 * that read every tagged passage's row (quote and context, a page each)
 * for every tag, 0.1 s at 50,000 passages, twice at each open of the app;
 * the few orphaned ones come from their partial index, and the foreign
 * key keeps every link's passage in the table. */
#define TAG_PASSAGE_COUNT \
  "(SELECT count(*) FROM annotation_tags l WHERE l.tag_id = t.id" \
  "  AND l.annotation_id NOT IN (SELECT id FROM annotations WHERE orphaned = 1))"

/* "#rrggbb", any case, to lower case; NULL when it is not a colour. */
static char *
parse_colour (const char *colour)
{
  if (colour == NULL || strlen (colour) != 7 || colour[0] != '#')
    return NULL;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return NULL;
  return g_ascii_strdown (colour, -1);
}

static gboolean
check_colour (const char  *colour,
              char       **parsed,
              GError     **error)
{
  *parsed = parse_colour (colour);
  if (*parsed == NULL)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” is not a colour: write it as #rrggbb, for example #3584e4"),
                   colour ? colour : "");
      return FALSE;
    }
  return TRUE;
}

/* The name as stored: NFC, without surrounding white space; NULL and
 * @error set when nothing is left or it holds control characters. */
static char *
clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *nfc = NULL;

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);

  if (nfc != NULL)
    {
      g_strstrip (nfc);
      for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
        {
          if (g_unichar_iscntrl (g_utf8_get_char (p)))
            {
              g_clear_pointer (&nfc, g_free);
              break;
            }
        }
    }

  if (nfc == NULL || *nfc == '\0')
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("A tag needs a name of one line, not empty"));
      return NULL;
    }
  if (strlen (nfc) > LECTERN_TAG_MAX_NAME_BYTES)
    {
      g_autofree char *start = g_utf8_substring (nfc, 0, 40);

      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("The tag name “%s…” is too long: a name has at most %d bytes"),
                   start, LECTERN_TAG_MAX_NAME_BYTES);
      return NULL;
    }

  return g_steal_pointer (&nfc);
}

gboolean
_lectern_project_tag_exists (LecternProject  *self,
                            gint64          tag_id,
                            gboolean       *exists,
                            GError        **error)
{
  gint64 n;

  if (!_lectern_project_query_int (self, "SELECT count(*) FROM tags WHERE id = ?", tag_id, 0, &n, error))
    return FALSE;
  *exists = n > 0;
  return TRUE;
}

static gboolean
require_tag (LecternProject  *self,
             gint64          tag_id,
             GError        **error)
{
  gboolean exists;

  if (!_lectern_project_tag_exists (self, tag_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      _lectern_project_not_found (self, error, _("tag"), tag_id);
      return FALSE;
    }
  return TRUE;
}

char *
_lectern_project_dup_tag_path (LecternProject  *self,
                              gint64          tag_id,
                              GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self, ANCESTORS "SELECT name FROM ancestors ORDER BY depth DESC", error);
  g_autoptr(GString) path = g_string_new (NULL);
  gboolean any = FALSE;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, tag_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *escaped = lectern_tag_name_escape (_lectern_column_string (stmt, 0));

      if (any)
        g_string_append_c (path, '/');
      g_string_append (path, escaped);
      any = TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }
  if (!any)
    {
      _lectern_project_not_found (self, error, _("tag"), tag_id);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}

LecternTag *
lectern_project_dup_tag (LecternProject  *self,
                        gint64          tag_id,
                        GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  g_autofree char *path = NULL;
  guint depth = 0;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = _lectern_project_dup_tag_path (self, tag_id, error);
  if (path == NULL)
    return NULL;

  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '/')
        depth++;
    }

  stmt = _lectern_project_prepare (self,
                                  "SELECT ifnull (parent_id, 0), name, colour, description,"
                                  " " TAG_PASSAGE_COUNT
                                  " FROM tags t WHERE id = ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, tag_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        _lectern_project_not_found (self, error, _("tag"), tag_id);
      else
        _lectern_project_fail (self, rc, error);
      return NULL;
    }

  return _lectern_tag_new (tag_id, sqlite3_column_int64 (stmt, 0), _lectern_column_string (stmt, 1),
                           path, depth, _lectern_column_string (stmt, 2), _lectern_column_text (stmt, 3),
                           sqlite3_column_int (stmt, 4));
}

/* The child of @parent_id called @name, other than @except_id; 0 when
 * there is none. */
static gboolean
find_child (LecternProject  *self,
            gint64          parent_id,
            const char     *name,
            gint64          except_id,
            gint64         *child_id,
            GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self,
                             "SELECT id FROM tags WHERE ifnull (parent_id, 0) = ? AND name = ? AND id <> ?",
                             error);
  int rc;

  /* Set on every path, failure included: the caller's variable is never
   * left undefined (and -O3 cannot see that _lectern_project_fail() is
   * always FALSE). */
  *child_id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  _lectern_bind_text (stmt, 2, name);
  sqlite3_bind_int64 (stmt, 3, except_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *child_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
refuse_sibling (LecternProject  *self,
                gint64          parent_id,
                const char     *name,
                gint64          except_id,
                GError        **error)
{
  gint64 other = 0;

  if (!find_child (self, parent_id, name, except_id, &other, error))
    return FALSE;
  if (other != 0)
    {
      g_autofree char *parent_path = parent_id ? _lectern_project_dup_tag_path (self, parent_id, NULL) : NULL;

      if (parent_path != NULL)
        g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE,
                     _("There is already a tag “%s” under “%s”; choose another name"), name, parent_path);
      else
        g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_DUPLICATE,
                     _("There is already a top-level tag “%s”; choose another name"), name);
      return FALSE;
    }
  return TRUE;
}

/* A colour for a new tag under @parent_id that no sibling's or the
 * parent's looks like (lectern-tag-colours.c). */
static gboolean
pick_colour (LecternProject  *self,
             gint64          parent_id,
             char          **colour,
             GError        **error)
{
  g_autoptr(GPtrArray) neighbours = g_ptr_array_new_with_free_func (g_free);
  g_autofree gint64 *uses = NULL;
  const char * const *palette;
  guint n_colours;
  int rc;

  palette = _lectern_tag_colours_palette (&n_colours);
  uses = g_new0 (gint64, n_colours);

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self,
                               "SELECT colour FROM tags WHERE parent_id IS ?1 OR id = ?1",
                               error);

    if (stmt == NULL)
      return FALSE;
    if (parent_id != 0)
      sqlite3_bind_int64 (stmt, 1, parent_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (neighbours, g_strdup (_lectern_column_text (stmt, 0)));
    if (rc != SQLITE_DONE)
      return _lectern_project_fail (self, rc, error);
  }

  {
    g_autoptr(LecternStmt) stmt =
      _lectern_project_prepare (self, "SELECT colour, count(*) FROM tags GROUP BY colour", error);

    if (stmt == NULL)
      return FALSE;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      for (guint i = 0; i < n_colours; i++)
        if (g_strcmp0 (_lectern_column_text (stmt, 0), palette[i]) == 0)
          uses[i] = sqlite3_column_int64 (stmt, 1);
    if (rc != SQLITE_DONE)
      return _lectern_project_fail (self, rc, error);
  }

  *colour = g_strdup (palette[_lectern_tag_colours_pick ((const char * const *) neighbours->pdata,
                                                         neighbours->len, uses)]);
  return TRUE;
}

/* Inside a transaction. Returns the new id or 0. */
static gint64
insert_tag (LecternProject  *self,
            gint64          parent_id,
            const char     *name,
            const char     *colour,
            GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *parsed = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = _lectern_project_format_time (now);
  g_autofree char *guid = lectern_guid_new ();

  clean = clean_name (name, error);
  if (clean == NULL)
    return 0;

  if (colour != NULL ? !check_colour (colour, &parsed, error) : !pick_colour (self, parent_id, &parsed, error))
    return 0;

  if (parent_id != 0 && !require_tag (self, parent_id, error))
    return 0;

  if (parent_id != 0)
    {
      gint64 levels;

      if (!_lectern_project_query_int (self, ANCESTORS "SELECT count(*) FROM ancestors",
                                      parent_id, 0, &levels, error))
        return 0;
      if (levels >= LECTERN_TAG_MAX_DEPTH)
        {
          g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                       _("The tag “%s” cannot be added: tags nest at most %d levels deep"),
                       clean, LECTERN_TAG_MAX_DEPTH);
          return 0;
        }
    }

  if (!refuse_sibling (self, parent_id, clean, 0, error))
    return 0;

  stmt = _lectern_project_prepare (self,
                                  "INSERT INTO tags (parent_id, name, colour, created, guid) VALUES (?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return 0;
  if (parent_id != 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  _lectern_bind_text (stmt, 2, clean);
  _lectern_bind_text (stmt, 3, parsed);
  _lectern_bind_text (stmt, 4, stamp);
  _lectern_bind_text (stmt, 5, guid);
  if (!_lectern_project_run (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (self->db);
}

LecternTag *
lectern_project_add_tag (LecternProject  *self,
                        gint64          parent_id,
                        const char     *name,
                        const char     *colour,
                        GError        **error)
{
  gint64 id;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lectern_project_begin (self, error))
    return NULL;

  id = insert_tag (self, parent_id, name, colour, error);
  if (id == 0)
    {
      _lectern_project_rollback (self);
      return NULL;
    }

  if (!_lectern_project_commit (self, LECTERN_CHANGE_TAGS, 0, _("Add tag"), error))
    return NULL;

  return lectern_project_dup_tag (self, id, error);
}

/* A path for messages: its start when it is long. */
static char *
path_start (const char *path)
{
  g_autofree char *valid = g_utf8_make_valid (path, MIN (strlen (path), 160));
  g_autofree char *start = g_utf8_substring (valid, 0, 40);

  return strlen (start) < strlen (path) ? g_strconcat (start, "…", NULL) : g_strdup (path);
}

static char **
split_path (const char  *path,
            GError     **error)
{
  char **names = NULL;

  /* Refused before splitting: a path of thousands of levels must cost
   * nothing, not a tag per level. */
  if (path != NULL && strlen (path) > LECTERN_TAG_MAX_PATH_BYTES)
    {
      g_autofree char *start = path_start (path);

      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("The tag path “%s” is too long: a path has at most %d bytes"),
                   start, LECTERN_TAG_MAX_PATH_BYTES);
      return NULL;
    }
  names = path != NULL ? lectern_tag_path_split (path) : NULL;
  if (names != NULL && g_strv_length (names) > LECTERN_TAG_MAX_DEPTH)
    {
      g_autofree char *start = path_start (path);

      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("The tag path “%s” has %u levels: tags nest at most %d levels deep"),
                   start, g_strv_length (names), LECTERN_TAG_MAX_DEPTH);
      g_strfreev (names);
      return NULL;
    }

  if (names == NULL || names[0] == NULL)
    {
      g_strfreev (names);
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("“%s” is not a tag path: write it Parent/Child, with no empty names"),
                   path ? path : "");
      return NULL;
    }
  return names;
}

LecternTag *
lectern_project_find_tag (LecternProject  *self,
                         const char     *path,
                         GError        **error)
{
  g_auto(GStrv) names = NULL;
  gint64 id = 0;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  names = split_path (path, error);
  if (names == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *clean = clean_name (names[i], NULL);
      gint64 child = 0;

      if (clean != NULL && !find_child (self, id, clean, 0, &child, error))
        return NULL;
      if (child == 0)
        {
          g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_NOT_FOUND,
                       _("There is no tag “%s” in “%s”"), path, self->path);
          return NULL;
        }
      id = child;
    }

  return lectern_project_dup_tag (self, id, error);
}

LecternTag *
lectern_project_ensure_tag_path (LecternProject  *self,
                                const char     *path,
                                GError        **error)
{
  g_auto(GStrv) names = NULL;
  gboolean created = FALSE;
  gint64 id = 0;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  names = split_path (path, error);
  if (names == NULL)
    return NULL;

  if (!_lectern_project_begin (self, error))
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *clean = clean_name (names[i], error);
      gint64 child = 0;

      if (clean == NULL || !find_child (self, id, clean, 0, &child, error))
        goto fail;
      if (child == 0)
        {
          child = insert_tag (self, id, clean, NULL, error);
          if (child == 0)
            goto fail;
          created = TRUE;
        }
      id = child;
    }

  if (created)
    {
      if (!_lectern_project_commit (self, LECTERN_CHANGE_TAGS, 0, _("Add tag"), error))
        return NULL;
    }
  else
    _lectern_project_rollback (self);

  return lectern_project_dup_tag (self, id, error);

fail:
  _lectern_project_rollback (self);
  return NULL;
}

static gboolean
update_tag_column (LecternProject  *self,
                   const char     *sql,
                   gint64          tag_id,
                   const char     *value,
                   const char     *label,
                   GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;

  if (!_lectern_project_begin (self, error))
    return FALSE;

  if (!require_tag (self, tag_id, error))
    goto fail;

  stmt = _lectern_project_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  _lectern_bind_text (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  if (!_lectern_project_run (self, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, _lectern_stmt_reset);

  return _lectern_project_commit (self, LECTERN_CHANGE_TAGS, 0, label, error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

gboolean
lectern_project_rename_tag (LecternProject  *self,
                           gint64          tag_id,
                           const char     *name,
                           GError        **error)
{
  g_autofree char *clean = NULL;
  gint64 parent_id;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean = clean_name (name, error);
  if (clean == NULL)
    return FALSE;

  if (!require_tag (self, tag_id, error)
      || !_lectern_project_query_int (self, "SELECT ifnull (parent_id, 0) FROM tags WHERE id = ?",
                                     tag_id, 0, &parent_id, error)
      || !refuse_sibling (self, parent_id, clean, tag_id, error))
    return FALSE;

  /* The sibling check above runs again under the write lock through the
   * unique index, which turns a race into an error, not a duplicate. */
  return update_tag_column (self, "UPDATE tags SET name = ? WHERE id = ?", tag_id, clean,
                            _("Rename tag"), error);
}

gboolean
lectern_project_set_tag_colour (LecternProject  *self,
                               gint64          tag_id,
                               const char     *colour,
                               GError        **error)
{
  g_autofree char *parsed = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_colour (colour, &parsed, error))
    return FALSE;

  return update_tag_column (self, "UPDATE tags SET colour = ? WHERE id = ?", tag_id, parsed,
                            _("Change tag colour"), error);
}

gboolean
lectern_project_set_tag_description (LecternProject  *self,
                                    gint64          tag_id,
                                    const char     *description,
                                    GError        **error)
{
  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (description != NULL && !g_utf8_validate (description, -1, NULL))
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("The description is not valid UTF-8 text"));
      return FALSE;
    }

  return update_tag_column (self, "UPDATE tags SET description = nullif (?, '') WHERE id = ?",
                            tag_id, description, _("Describe tag"), error);
}

/* Whether @ancestor_id is @tag_id or one of its ancestors. */
static gboolean
is_ancestor (LecternProject  *self,
             gint64          ancestor_id,
             gint64          tag_id,
             gboolean       *result,
             GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self, ANCESTORS "SELECT count(*) FROM ancestors WHERE id = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tag_id);
  sqlite3_bind_int64 (stmt, 2, ancestor_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _lectern_project_fail (self, rc, error);
  *result = sqlite3_column_int64 (stmt, 0) > 0;
  return TRUE;
}

static gboolean
set_parent (LecternProject  *self,
            gint64          tag_id,
            gint64          parent_id,
            GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self, "UPDATE tags SET parent_id = nullif (?, 0) WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  return _lectern_project_run (self, stmt, error);
}

static gboolean
dup_name (LecternProject  *self,
          gint64          tag_id,
          char          **name,
          GError        **error)
{
  g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, "SELECT name FROM tags WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tag_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      _lectern_project_not_found (self, error, _("tag"), tag_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _lectern_project_fail (self, rc, error);
  *name = g_strdup (_lectern_column_string (stmt, 0));
  return TRUE;
}

gboolean
lectern_project_move_tag (LecternProject  *self,
                         gint64          tag_id,
                         gint64          new_parent_id,
                         GError        **error)
{
  g_autofree char *name = NULL;
  gboolean cycle = FALSE;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lectern_project_begin (self, error))
    return FALSE;

  if (!dup_name (self, tag_id, &name, error))
    goto fail;

  if (new_parent_id != 0)
    {
      if (!require_tag (self, new_parent_id, error)
          || !is_ancestor (self, tag_id, new_parent_id, &cycle, error))
        goto fail;
      if (cycle)
        {
          g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                       _("“%s” cannot be moved under itself or under one of its own sub-tags"), name);
          goto fail;
        }
    }

  if (!refuse_sibling (self, new_parent_id, name, tag_id, error)
      || !set_parent (self, tag_id, new_parent_id, error))
    goto fail;

  return _lectern_project_commit (self, LECTERN_CHANGE_TAGS, 0, _("Move tag"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

static gboolean
run_with_two_ids (LecternProject  *self,
                  const char     *sql,
                  gint64          a,
                  gint64          b,
                  GError        **error)
{
  g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return _lectern_project_run (self, stmt, error);
}

/* Moves everything of @from_id onto @into_id, then deletes @from_id.
 * Sub-tags named like one of @into_id's are merged into it in turn. */
static gboolean
merge_into (LecternProject  *self,
            gint64          from_id,
            gint64          into_id,
            GError        **error)
{
  g_autoptr(GArray) children = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Passages carrying both keep one link, at @into_id's place. */
  if (!run_with_two_ids (self,
                         "DELETE FROM annotation_tags WHERE tag_id = ?1 AND annotation_id IN"
                         " (SELECT annotation_id FROM annotation_tags WHERE tag_id = ?2)",
                         from_id, into_id, error)
      || !run_with_two_ids (self, "UPDATE annotation_tags SET tag_id = ?2 WHERE tag_id = ?1",
                            from_id, into_id, error))
    return FALSE;

  {
    g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, "SELECT id FROM tags WHERE parent_id = ?", error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, from_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 child = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (children, child);
      }
    if (rc != SQLITE_DONE)
      return _lectern_project_fail (self, rc, error);
  }

  for (guint i = 0; i < children->len; i++)
    {
      gint64 child = g_array_index (children, gint64, i);
      g_autofree char *name = NULL;
      gint64 twin;

      if (!dup_name (self, child, &name, error)
          || !find_child (self, into_id, name, 0, &twin, error))
        return FALSE;

      if (twin != 0 ? !merge_into (self, child, twin, error) : !set_parent (self, child, into_id, error))
        return FALSE;
    }

  /* Memos: joined when both have one. */
  if (!run_with_two_ids (self,
                         "UPDATE memos SET text = text || char(10) || char(10) ||"
                         " (SELECT text FROM memos WHERE tag_id = ?1), updated = (SELECT updated FROM memos WHERE tag_id = ?1)"
                         " WHERE tag_id = ?2 AND EXISTS (SELECT 1 FROM memos WHERE tag_id = ?1)",
                         from_id, into_id, error)
      || !run_with_two_ids (self,
                            "UPDATE memos SET tag_id = ?2 WHERE tag_id = ?1"
                            " AND NOT EXISTS (SELECT 1 FROM memos WHERE tag_id = ?2)",
                            from_id, into_id, error))
    return FALSE;

  {
    g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, "DELETE FROM tags WHERE id = ?", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, from_id);
    return _lectern_project_run (self, stmt, error);
  }
}

gboolean
lectern_project_merge_tags (LecternProject  *self,
                           gint64          from_id,
                           gint64          into_id,
                           GError        **error)
{
  g_autofree char *from_name = NULL;
  g_autofree char *into_name = NULL;
  gboolean inside = FALSE;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lectern_project_begin (self, error))
    return FALSE;

  if (!dup_name (self, from_id, &from_name, error)
      || !dup_name (self, into_id, &into_name, error)
      || !is_ancestor (self, from_id, into_id, &inside, error))
    goto fail;

  if (inside)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   from_id == into_id
                   ? _("“%s” cannot be merged into itself")
                   : _("“%s” cannot be merged into one of its own sub-tags (“%s”)"),
                   from_name, into_name);
      goto fail;
    }

  if (!merge_into (self, from_id, into_id, error))
    goto fail;

  return _lectern_project_commit (self, LECTERN_CHANGE_TAGS | LECTERN_CHANGE_ANNOTATIONS | LECTERN_CHANGE_MEMOS,
                                 0, _("Merge tags"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

gboolean
lectern_project_delete_tag (LecternProject  *self,
                           gint64          tag_id,
                           gboolean        force,
                           GError        **error)
{
  g_autofree char *path = NULL;
  gint64 uses;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lectern_project_begin (self, error))
    return FALSE;

  path = _lectern_project_dup_tag_path (self, tag_id, error);
  if (path == NULL)
    goto fail;

  if (!_lectern_project_query_int (self,
                                  SUBTREE "SELECT count(DISTINCT annotation_id) FROM annotation_tags"
                                  " WHERE tag_id IN subtree",
                                  tag_id, 0, &uses, error))
    goto fail;

  if (uses > 0 && !force)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” or a tag under it is on %" PRId64 " passage; "
                                "confirm to delete it and remove it from that passage",
                                "“%s” or a tag under it is on %" PRId64 " passages; "
                                "confirm to delete it and remove it from those passages",
                                uses),
                   path, uses);
      goto fail;
    }

  /* Sub-tags, links and memos follow by ON DELETE CASCADE; passages stay. */
  {
    g_autoptr(LecternStmt) stmt = _lectern_project_prepare (self, "DELETE FROM tags WHERE id = ?", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, tag_id);
    if (!_lectern_project_run (self, stmt, error))
      goto fail;
  }

  return _lectern_project_commit (self, LECTERN_CHANGE_TAGS | LECTERN_CHANGE_ANNOTATIONS | LECTERN_CHANGE_MEMOS,
                                 0, _("Delete tag"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

typedef struct
{
  gint64  id;
  gint64  parent_id;
  char   *name;
  char   *colour;
  char   *description;
  guint   count;
  GArray *children;   /* indices into the row array */
} TagRow;

static void
tag_row_clear (gpointer data)
{
  TagRow *row = data;

  g_free (row->name);
  g_free (row->colour);
  g_free (row->description);
  g_clear_pointer (&row->children, g_array_unref);
}

static int
compare_children (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GArray *rows = user_data;
  const TagRow *ra = &g_array_index (rows, TagRow, *(const guint *) a);
  const TagRow *rb = &g_array_index (rows, TagRow, *(const guint *) b);
  int cmp = g_utf8_collate (ra->name, rb->name);

  return cmp != 0 ? cmp : strcmp (ra->name, rb->name);
}

static void
append_subtree (GListStore *store,
                GArray     *rows,
                GArray     *children,
                const char *parent_path,
                guint       depth)
{
  g_array_sort_with_data (children, compare_children, rows);

  for (guint i = 0; i < children->len; i++)
    {
      TagRow *row = &g_array_index (rows, TagRow, g_array_index (children, guint, i));
      g_autofree char *escaped = lectern_tag_name_escape (row->name);
      g_autofree char *path = parent_path ? g_strconcat (parent_path, "/", escaped, NULL) : g_strdup (escaped);
      g_autoptr(LecternTag) tag = _lectern_tag_new (row->id, row->parent_id, row->name, path, depth,
                                                    row->colour, row->description, row->count);

      g_list_store_append (store, tag);
      append_subtree (store, rows, row->children, path, depth + 1);
    }
}

GListModel *
lectern_project_list_tags (LecternProject  *self,
                          GError        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) roots = NULL;
  GListStore *store;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _lectern_project_prepare (self,
                                  "SELECT id, ifnull (parent_id, 0), name, colour, description,"
                                  " " TAG_PASSAGE_COUNT
                                  " FROM tags t",
                                  error);
  if (stmt == NULL)
    return NULL;

  rows = g_array_new (FALSE, TRUE, sizeof (TagRow));
  g_array_set_clear_func (rows, tag_row_clear);
  index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  roots = g_array_new (FALSE, FALSE, sizeof (guint));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TagRow row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .parent_id = sqlite3_column_int64 (stmt, 1),
        .name = g_strdup (_lectern_column_string (stmt, 2)),
        .colour = g_strdup (_lectern_column_string (stmt, 3)),
        .description = g_strdup (_lectern_column_text (stmt, 4)),
        .count = sqlite3_column_int (stmt, 5),
        .children = g_array_new (FALSE, FALSE, sizeof (guint)),
      };
      gint64 *key = g_new (gint64, 1);

      *key = row.id;
      g_hash_table_insert (index, key, GUINT_TO_POINTER (rows->len));
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      TagRow *row = &g_array_index (rows, TagRow, i);
      gpointer parent_index;

      if (row->parent_id != 0 && g_hash_table_lookup_extended (index, &row->parent_id, NULL, &parent_index))
        g_array_append_val (g_array_index (rows, TagRow, GPOINTER_TO_UINT (parent_index)).children, i);
      else
        g_array_append_val (roots, i);
    }

  store = g_list_store_new (LECTERN_TYPE_TAG);
  append_subtree (store, rows, roots, NULL, 0);
  return G_LIST_MODEL (store);
}
