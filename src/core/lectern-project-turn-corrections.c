/* lectern-project-turn-corrections.c — the user's corrections to a
 * transcript's speaker turns (lectern-turn-correction.h), kept in order
 * beside the document's text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lectern-project-private.h"
#include "lectern-turn-correction.h"

/* A speaker's name: a label is at most 48 characters; a name the user
 * types may be longer, but not a text. */
#define NAME_MAX_BYTES 1024

static gboolean
is_name (const char *name)
{
  return name != NULL && *name != '\0' && strlen (name) <= NAME_MAX_BYTES
         && g_utf8_validate (name, -1, NULL);
}

static gboolean
validate (LecternProject                *self,
          gint64                        document_id,
          const LecternTurnCorrection  *correction,
          gint64                        length,
          GError                      **error)
{
  const char *kind = lectern_turn_correction_kind_to_string (correction->kind);
  gboolean ok;

  switch (correction->kind)
    {
    case LECTERN_TURN_CORRECTION_SET_TURN:
      ok = is_name (correction->speaker) && correction->offset <= length;
      break;
    case LECTERN_TURN_CORRECTION_NOT_TURN:
      ok = correction->offset <= length;
      break;
    case LECTERN_TURN_CORRECTION_RENAME:
    case LECTERN_TURN_CORRECTION_MERGE:
      ok = is_name (correction->speaker) && is_name (correction->target);
      break;
    case LECTERN_TURN_CORRECTION_CLEAR:
      ok = TRUE;
      break;
    default:
      ok = FALSE;
      kind = "?";
      break;
    }

  if (!ok)
    g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                 _("A correction (%s) to the turns of document %" PRId64 " needs a speaker’s name "
                   "of at most %d bytes of UTF-8 and a position within the text "
                   "(%" PRId64 " characters); nothing was changed in “%s”"),
                 kind, document_id, NAME_MAX_BYTES, length, self->path);
  return ok;
}

gboolean
lectern_project_add_turn_correction (LecternProject                *self,
                                    gint64                        document_id,
                                    const LecternTurnCorrection  *correction,
                                    GError                      **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  gint64 length;
  gint64 position;
  gboolean with_offset;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (correction != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_lectern_project_begin (self, error))
    return FALSE;

  if (!_lectern_project_query_int (self, "SELECT length (text) FROM documents WHERE id = ?",
                                  document_id, -1, &length, error))
    goto fail;
  if (length < 0)
    {
      _lectern_project_not_found (self, error, _("document"), document_id);
      goto fail;
    }
  if (!validate (self, document_id, correction, length, error))
    goto fail;

  if (!_lectern_project_query_int (self,
                                  "SELECT ifnull (max (position), 0) + 1 FROM turn_corrections WHERE document_id = ?",
                                  document_id, 1, &position, error))
    goto fail;

  stmt = _lectern_project_prepare (self,
                                  "INSERT INTO turn_corrections"
                                  " (document_id, position, kind, line_offset, speaker, new_speaker)"
                                  " VALUES (?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    goto fail;
  with_offset = correction->kind == LECTERN_TURN_CORRECTION_SET_TURN
                || correction->kind == LECTERN_TURN_CORRECTION_NOT_TURN;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, position);
  _lectern_bind_text (stmt, 3, lectern_turn_correction_kind_to_string (correction->kind));
  if (with_offset)
    sqlite3_bind_int64 (stmt, 4, correction->offset);
  else
    sqlite3_bind_null (stmt, 4);
  _lectern_bind_text (stmt, 5, correction->kind != LECTERN_TURN_CORRECTION_NOT_TURN
                               && correction->kind != LECTERN_TURN_CORRECTION_CLEAR
                               ? correction->speaker : NULL);
  _lectern_bind_text (stmt, 6, correction->kind == LECTERN_TURN_CORRECTION_RENAME
                               || correction->kind == LECTERN_TURN_CORRECTION_MERGE
                               ? correction->target : NULL);
  if (!_lectern_project_run (self, stmt, error))
    goto fail;

  return _lectern_project_commit (self, LECTERN_CHANGE_DOCUMENTS, document_id,
                                 _("Correct speaker turns"), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

GArray *
lectern_project_dup_turn_corrections (LecternProject  *self,
                                     gint64          document_id,
                                     GError        **error)
{
  g_autoptr(GArray) corrections = NULL;
  g_autoptr(LecternStmt) stmt = NULL;
  gint64 exists;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_lectern_project_query_int (self, "SELECT count(*) FROM documents WHERE id = ?",
                                  document_id, 0, &exists, error))
    return NULL;
  if (exists == 0)
    {
      _lectern_project_not_found (self, error, _("document"), document_id);
      return NULL;
    }

  stmt = _lectern_project_prepare (self,
                                  "SELECT kind, line_offset, speaker, new_speaker FROM turn_corrections"
                                  " WHERE document_id = ? ORDER BY position, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  corrections = lectern_turn_corrections_new ();
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LecternTurnCorrection correction = { 0, };
      gint64 offset = sqlite3_column_int64 (stmt, 1);
      const char *speaker = _lectern_column_text (stmt, 2);
      const char *target = _lectern_column_text (stmt, 3);

      /* A row a damaged or foreign file holds that means nothing is left
       * out; the detector ignores names no turn has and offsets past the
       * text. */
      if (!lectern_turn_correction_kind_from_string (_lectern_column_string (stmt, 0), &correction.kind)
          || offset < 0 || offset > G_MAXUINT
          || (speaker != NULL && !g_utf8_validate (speaker, -1, NULL))
          || (target != NULL && !g_utf8_validate (target, -1, NULL)))
        continue;
      correction.offset = (guint) offset;
      correction.speaker = g_strdup (speaker);
      correction.target = g_strdup (target);
      g_array_append_val (corrections, correction);
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&corrections);
}
