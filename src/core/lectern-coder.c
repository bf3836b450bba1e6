/* lectern-coder.c — one of a project's coders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-coder-private.h"
#include "lectern-guid.h"

struct _LecternCoder
{
  GObject  parent_instance;

  gint64   id;
  char    *guid;
  char    *name;
  guint    passage_count;
};

G_DEFINE_FINAL_TYPE (LecternCoder, lectern_coder, G_TYPE_OBJECT)

static void
lectern_coder_finalize (GObject *object)
{
  LecternCoder *self = LECTERN_CODER (object);

  g_clear_pointer (&self->guid, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (lectern_coder_parent_class)->finalize (object);
}

static void
lectern_coder_class_init (LecternCoderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lectern_coder_finalize;
}

static void
lectern_coder_init (LecternCoder *self)
{
}

LecternCoder *
_lectern_coder_new (gint64      id,
                    const char *guid,
                    const char *name,
                    guint       passage_count)
{
  LecternCoder *self = g_object_new (LECTERN_TYPE_CODER, NULL);

  self->id = id;
  self->guid = g_strdup (guid != NULL ? guid : "");
  self->name = g_strdup (name != NULL ? name : "");
  self->passage_count = passage_count;
  return self;
}

gint64
lectern_coder_get_id (LecternCoder *self)
{
  g_return_val_if_fail (LECTERN_IS_CODER (self), 0);
  return self->id;
}

const char *
lectern_coder_get_guid (LecternCoder *self)
{
  g_return_val_if_fail (LECTERN_IS_CODER (self), NULL);
  return self->guid;
}

const char *
lectern_coder_get_name (LecternCoder *self)
{
  g_return_val_if_fail (LECTERN_IS_CODER (self), NULL);
  return self->name;
}

const char *
lectern_coder_name_for_display (const char *name)
{
  /* Stored untranslated, so that the project reads the same in every
   * language: translated only here. */
  return name != NULL && *name != '\0' ? name : _("Unknown coder");
}

char *
lectern_coder_guid_for_adjudication (const char *guid)
{
  g_return_val_if_fail (guid != NULL, NULL);
  return lectern_guid_for_name ("adjudication", guid);
}

gboolean
lectern_coder_is_adjudication (LecternCoder *self,
                               GPtrArray    *coders)
{
  g_return_val_if_fail (LECTERN_IS_CODER (self), FALSE);

  for (guint i = 0; coders != NULL && i < coders->len; i++)
    {
      LecternCoder *other = g_ptr_array_index (coders, i);
      g_autofree char *guid = NULL;

      if (other == self || other->guid == NULL)
        continue;
      guid = lectern_coder_guid_for_adjudication (other->guid);
      if (g_strcmp0 (guid, self->guid) == 0)
        return TRUE;
    }
  return FALSE;
}

const char *
lectern_coder_get_display_name (LecternCoder *self)
{
  g_return_val_if_fail (LECTERN_IS_CODER (self), NULL);
  return lectern_coder_name_for_display (self->name);
}

guint
lectern_coder_get_passage_count (LecternCoder *self)
{
  g_return_val_if_fail (LECTERN_IS_CODER (self), 0);
  return self->passage_count;
}
