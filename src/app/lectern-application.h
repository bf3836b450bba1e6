/* lectern-application.h — the Lectern application: windows, app actions,
 * the one GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_APPLICATION (lectern_application_get_type ())
#define LECTERN_APPLICATION_DEFAULT (LECTERN_APPLICATION (g_application_get_default ()))

G_DECLARE_FINAL_TYPE (LecternApplication, lectern_application, LECTERN, APPLICATION, AdwApplication)

LecternApplication *lectern_application_new          (const char         *application_id,
                                                      GApplicationFlags   flags);
/* The application's settings (org.gnome.Lectern). (transfer none) */
GSettings          *lectern_application_get_settings (LecternApplication *self);
/* The settings of the default application, or of this process when there
 * is none (widgets built on their own, in tests). (transfer none) */
GSettings          *lectern_settings                 (void);
/* Remembers @tag_id as the tag applied last (GSettings recent-tags). */
void                lectern_note_recent_tag          (gint64              tag_id);

G_END_DECLS
