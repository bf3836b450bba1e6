/* lectern-coder.h — one of a project's coders: a name, and a stable GUID
 * by which a merge recognises them whatever their name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_CORE_INSIDE) && !defined (LECTERN_CORE_COMPILATION)
# error "Only <lectern-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_CODER (lectern_coder_get_type ())
G_DECLARE_FINAL_TYPE (LecternCoder, lectern_coder, LECTERN, CODER, GObject)

gint64      lectern_coder_get_id            (LecternCoder *self);
const char *lectern_coder_get_guid          (LecternCoder *self);
/* As stored: "" for the coder to whom the migration to format 5
 * attributed work nobody had signed. */
const char *lectern_coder_get_name          (LecternCoder *self);
/* The name to show: the stored one, or "Unknown coder" translated. */
const char *lectern_coder_get_display_name  (LecternCoder *self);
/* The placed passages they coded. */
guint       lectern_coder_get_passage_count (LecternCoder *self);

/* The name to show for a stored coder name (see get_display_name). */
const char *lectern_coder_name_for_display  (const char   *name);

/* The GUID of the coder who holds the adjudicated coding of the coder
 * with @guid, when they settle disagreements they are party to
 * (lectern-adjudication.h): the same in every copy of a project.
 * (transfer full) */
char       *lectern_coder_guid_for_adjudication (const char *guid);
/* Whether @self holds the adjudicated coding of one of @coders. */
gboolean    lectern_coder_is_adjudication   (LecternCoder *self,
                                             GPtrArray    *coders);

G_END_DECLS
