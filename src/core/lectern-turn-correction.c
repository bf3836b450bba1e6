/* lectern-turn-correction.c — the user's corrections to a transcript's
 * turns, as values (lectern-turn-correction.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-core-enums.h"
#include "lectern-turn-correction.h"

static void
correction_clear (gpointer data)
{
  LecternTurnCorrection *c = data;

  g_clear_pointer (&c->speaker, g_free);
  g_clear_pointer (&c->target, g_free);
}

GArray *
lectern_turn_corrections_new (void)
{
  GArray *corrections = g_array_new (FALSE, TRUE, sizeof (LecternTurnCorrection));

  g_array_set_clear_func (corrections, correction_clear);
  return corrections;
}

static void
add_correction (GArray                    *corrections,
                LecternTurnCorrectionKind  kind,
                guint                      offset,
                const char                *speaker,
                const char                *target)
{
  LecternTurnCorrection c = { kind, offset, g_strdup (speaker), g_strdup (target) };

  g_array_append_val (corrections, c);
}

void
lectern_turn_corrections_add_set_turn (GArray     *corrections,
                                       guint       offset,
                                       const char *speaker)
{
  g_return_if_fail (corrections != NULL);
  g_return_if_fail (speaker != NULL && *speaker != '\0');
  add_correction (corrections, LECTERN_TURN_CORRECTION_SET_TURN, offset, speaker, NULL);
}

void
lectern_turn_corrections_add_not_turn (GArray *corrections,
                                       guint   offset)
{
  g_return_if_fail (corrections != NULL);
  add_correction (corrections, LECTERN_TURN_CORRECTION_NOT_TURN, offset, NULL, NULL);
}

void
lectern_turn_corrections_add_rename (GArray     *corrections,
                                     const char *old_name,
                                     const char *new_name)
{
  g_return_if_fail (corrections != NULL);
  g_return_if_fail (old_name != NULL && new_name != NULL && *new_name != '\0');
  add_correction (corrections, LECTERN_TURN_CORRECTION_RENAME, 0, old_name, new_name);
}

void
lectern_turn_corrections_add_merge (GArray     *corrections,
                                    const char *from,
                                    const char *into)
{
  g_return_if_fail (corrections != NULL);
  g_return_if_fail (from != NULL && into != NULL && *into != '\0');
  add_correction (corrections, LECTERN_TURN_CORRECTION_MERGE, 0, from, into);
}

void
lectern_turn_corrections_add_clear (GArray *corrections)
{
  g_return_if_fail (corrections != NULL);
  add_correction (corrections, LECTERN_TURN_CORRECTION_CLEAR, 0, NULL, NULL);
}

const char *
lectern_turn_correction_kind_to_string (LecternTurnCorrectionKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LECTERN_TYPE_TURN_CORRECTION_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  return value != NULL ? value->value_nick : NULL;
}

gboolean
lectern_turn_correction_kind_from_string (const char                *string,
                                          LecternTurnCorrectionKind *kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LECTERN_TYPE_TURN_CORRECTION_KIND);
  GEnumValue *value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (string == NULL)
    return FALSE;
  value = g_enum_get_value_by_nick (klass, string);
  if (value == NULL)
    return FALSE;
  *kind = value->value;
  return TRUE;
}
