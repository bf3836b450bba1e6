/* lectern-preferences-window.h — reader font and zoom, in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LECTERN_TYPE_PREFERENCES_WINDOW (lectern_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LecternPreferencesWindow, lectern_preferences_window, LECTERN, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *lectern_preferences_window_new (void);

G_END_DECLS
