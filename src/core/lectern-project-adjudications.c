/* lectern-project-adjudications.c — recording a third coder's decisions
 * between two codings (lectern-adjudication.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "lectern-adjudication.h"
#include "lectern-project-private.h"

static const char * const decision_names[] = {
  NULL, "agreed", "keep-a", "keep-b", "both", "neither", "edited",
};

const char *
lectern_adjudication_decision_to_string (LecternAdjudicationDecision decision)
{
  g_return_val_if_fail (decision >= LECTERN_ADJUDICATION_AGREED && decision <= LECTERN_ADJUDICATION_EDITED, NULL);

  return decision_names[decision];
}

LecternAdjudicationDecision
lectern_adjudication_decision_from_string (const char *name)
{
  for (guint i = LECTERN_ADJUDICATION_AGREED; i <= LECTERN_ADJUDICATION_EDITED; i++)
    {
      if (g_strcmp0 (name, decision_names[i]) == 0)
        return i;
    }
  return 0;
}

static gboolean
check_coder (LecternProject  *self,
             gint64          coder_id,
             GError        **error)
{
  gint64 n = 0;

  if (!_lectern_project_query_int (self, "SELECT count(*) FROM coders WHERE id = ?", coder_id, 0, &n, error))
    return FALSE;
  if (n == 0)
    {
      _lectern_project_not_found (self, error, _("coder"), coder_id);
      return FALSE;
    }
  return TRUE;
}

/* A unit already decided between the two, whichever side each was on. */
static gboolean
is_decided (LecternProject  *self,
            gint64          document_id,
            gint64          coder_a,
            gint64          coder_b,
            glong           start,
            glong           end,
            gboolean       *decided,
            GError        **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self,
                              "SELECT count(*) FROM adjudications WHERE document_id = ?1"
                              " AND ((coder_a = ?2 AND coder_b = ?3) OR (coder_a = ?3 AND coder_b = ?2))"
                              " AND start_offset = ?4 AND end_offset = ?5",
                              error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, coder_a);
  sqlite3_bind_int64 (stmt, 3, coder_b);
  sqlite3_bind_int64 (stmt, 4, start);
  sqlite3_bind_int64 (stmt, 5, end);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _lectern_project_fail (self, rc, error);
  *decided = sqlite3_column_int64 (stmt, 0) > 0;
  return TRUE;
}

static gboolean
record_one (LecternProject                 *self,
            gint64                          document_id,
            gint64                          coder_a,
            gint64                          coder_b,
            gint64                          adjudicator,
            glong                           length,
            const char                     *stamp,
            const LecternAdjudicationInput *input,
            GError                        **error)
{
  g_autoptr(LecternStmt) stmt = NULL;
  gboolean decided = FALSE;

  if (input->decision < LECTERN_ADJUDICATION_AGREED || input->decision > LECTERN_ADJUDICATION_EDITED)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("Unknown adjudication decision %d"), (int) input->decision);
      return FALSE;
    }
  if (input->start < 0 || input->end > length || input->start >= input->end)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("Cannot adjudicate %ld–%ld: the document has %ld characters"),
                   input->start, input->end, length);
      return FALSE;
    }
  if (!is_decided (self, document_id, coder_a, coder_b, input->start, input->end, &decided, error))
    return FALSE;
  if (decided)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("Characters %ld–%ld of this document are already adjudicated between these two coders"),
                   input->start, input->end);
      return FALSE;
    }

  stmt = _lectern_project_prepare (self,
                                   "INSERT INTO adjudications (document_id, coder_a, coder_b, start_offset,"
                                   " end_offset, decision, coder_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, coder_a);
  sqlite3_bind_int64 (stmt, 3, coder_b);
  sqlite3_bind_int64 (stmt, 4, input->start);
  sqlite3_bind_int64 (stmt, 5, input->end);
  _lectern_bind_text (stmt, 6, lectern_adjudication_decision_to_string (input->decision));
  sqlite3_bind_int64 (stmt, 7, adjudicator);
  _lectern_bind_text (stmt, 8, stamp);
  if (!_lectern_project_run (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < input->n_passages; i++)
    {
      const LecternAdjudicatedPassage *passage = &input->passages[i];

      if (_lectern_project_insert_coded_passage (self, document_id, passage->start, passage->end,
                                                 passage->tag_ids, passage->n_tag_ids,
                                                 passage->note, adjudicator, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static const char *
default_label (const LecternAdjudicationInput *decisions,
               guint                           n_decisions)
{
  if (n_decisions != 1)
    return _("Adjudicate passages");
  switch (decisions[0].decision)
    {
    case LECTERN_ADJUDICATION_KEEP_A:
      return _("Keep coder A’s coding");
    case LECTERN_ADJUDICATION_KEEP_B:
      return _("Keep coder B’s coding");
    case LECTERN_ADJUDICATION_BOTH:
      return _("Keep both codings");
    case LECTERN_ADJUDICATION_NEITHER:
      return _("Keep neither coding");
    case LECTERN_ADJUDICATION_EDITED:
      return _("Keep edited coding");
    case LECTERN_ADJUDICATION_AGREED:
    default:
      return _("Accept agreed coding");
    }
}

/* The coder whose passages hold @coder_id's decisions when they are one of
 * the two coders compared (a team of two, one of whom settles): a coder of
 * its own, "NAME (adjudication)", under a GUID derived from theirs, so
 * that it is the same coder in every copy of the project and their own
 * coding stays what is being decided between. */
static gboolean
adjudication_coder (LecternProject  *self,
                    gint64           coder_id,
                    gint64          *adjudicator,
                    GError         **error)
{
  g_autoptr(LecternStmt) stmt =
    _lectern_project_prepare (self, "SELECT guid, name FROM coders WHERE id = ?", error);
  g_autofree char *guid = NULL;
  g_autofree char *name = NULL;
  const char *own_name;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, coder_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return _lectern_project_fail (self, rc, error);
      _lectern_project_not_found (self, error, _("coder"), coder_id);
      return FALSE;
    }
  own_name = (const char *) sqlite3_column_text (stmt, 1);
  guid = lectern_coder_guid_for_adjudication ((const char *) sqlite3_column_text (stmt, 0));
  /* Stored untranslated, as every coder name is (lectern-coder.c). */
  name = g_strdup_printf ("%s (adjudication)", own_name != NULL && *own_name != '\0' ? own_name : "Unknown coder");
  return _lectern_project_ensure_coder (self, name, guid, adjudicator, error);
}

gboolean
lectern_project_adjudicate (LecternProject                 *self,
                            gint64                          document_id,
                            gint64                          coder_a,
                            gint64                          coder_b,
                            const LecternAdjudicationInput *decisions,
                            guint                           n_decisions,
                            const char                     *label,
                            GError                        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = _lectern_project_format_time (now);
  LecternTextCache *cache;
  gint64 adjudicator = 0;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (decisions != NULL || n_decisions == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (coder_a == coder_b)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("Adjudication is between two different coders: both are coder %" PRId64), coder_a);
      return FALSE;
    }

  if (!_lectern_project_begin (self, error))
    return FALSE;

  cache = _lectern_project_get_text_cache (self, document_id, error);
  if (cache == NULL
      || !check_coder (self, coder_a, error)
      || !check_coder (self, coder_b, error)
      || !_lectern_project_current_coder (self, &adjudicator, error))
    goto fail;

  /* The adjudicated coding is a third coding: were it A's or B's, every
   * decision would change what is being decided between. */
  if ((adjudicator == coder_a || adjudicator == coder_b)
      && !adjudication_coder (self, adjudicator, &adjudicator, error))
    goto fail;
  if (adjudicator == coder_a || adjudicator == coder_b)
    {
      g_set_error (error, LECTERN_PROJECT_ERROR, LECTERN_PROJECT_ERROR_INVALID,
                   _("The adjudicated coding is one of the two being compared: compare the two coders' own codings"));
      goto fail;
    }

  for (guint i = 0; i < n_decisions; i++)
    {
      if (!record_one (self, document_id, coder_a, coder_b, adjudicator, cache->length, stamp,
                       &decisions[i], error))
        goto fail;
    }

  return _lectern_project_commit (self, LECTERN_CHANGE_ANNOTATIONS | LECTERN_CHANGE_TAGS, document_id,
                                  label != NULL ? label : default_label (decisions, n_decisions), error);

fail:
  _lectern_project_rollback (self);
  return FALSE;
}

GArray *
lectern_project_list_adjudications (LecternProject  *self,
                                    gint64          document_id,
                                    gint64          coder_a,
                                    gint64          coder_b,
                                    GError        **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (LecternAdjudication));
  g_autoptr(LecternStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LECTERN_IS_PROJECT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _lectern_project_prepare (self,
                                   "SELECT id, coder_a, coder_b, start_offset, end_offset, decision, coder_id"
                                   " FROM adjudications WHERE document_id = ?1"
                                   " AND ((coder_a = ?2 AND coder_b = ?3) OR (coder_a = ?3 AND coder_b = ?2))"
                                   " ORDER BY start_offset, end_offset, id",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, coder_a);
  sqlite3_bind_int64 (stmt, 3, coder_b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LecternAdjudication row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .coder_a = sqlite3_column_int64 (stmt, 1),
        .coder_b = sqlite3_column_int64 (stmt, 2),
        .start = sqlite3_column_int64 (stmt, 3),
        .end = sqlite3_column_int64 (stmt, 4),
        .decision = lectern_adjudication_decision_from_string (_lectern_column_string (stmt, 5)),
        .coder_id = sqlite3_column_int64 (stmt, 6),
      };

      g_array_append_val (result, row);
    }
  if (rc != SQLITE_DONE)
    {
      _lectern_project_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}
