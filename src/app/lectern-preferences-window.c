/* lectern-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "lectern-application.h"
#include "lectern-preferences-window.h"

struct _LecternPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkFontButton        *font_button;
  GtkSpinButton        *zoom_spin;
  AdwPreferencesGroup  *coder_group;
  AdwEntryRow          *coder_row;
};

G_DEFINE_FINAL_TYPE (LecternPreferencesWindow, lectern_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The setting is a factor (1.0); the spin button shows percent (100). */
static gboolean
zoom_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, round (g_variant_get_double (variant) * 100.0));
  return TRUE;
}

static GVariant *
zoom_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

/* The name passages get when none is set: the account's, as core picks
 * it (lectern-project.c, default_author). */
static const char *
account_name (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();
  return name;
}

static void
lectern_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LECTERN_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (lectern_preferences_window_parent_class)->dispose (object);
}

static void
lectern_preferences_window_class_init (LecternPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternPreferencesWindow, coder_group);
  gtk_widget_class_bind_template_child (widget_class, LecternPreferencesWindow, coder_row);
  gtk_widget_class_bind_template_child (widget_class, LecternPreferencesWindow, font_button);
  gtk_widget_class_bind_template_child (widget_class, LecternPreferencesWindow, zoom_spin);
}

static void
lectern_preferences_window_init (LecternPreferencesWindow *self)
{
  GSettings *settings = lectern_settings ();
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_settings_bind (settings, "reader-font", self->font_button, "font", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "reader-zoom",
                                gtk_spin_button_get_adjustment (self->zoom_spin), "value",
                                G_SETTINGS_BIND_DEFAULT,
                                zoom_get_mapping, zoom_set_mapping, NULL, NULL);

  /* Each window applies the setting to its project as it changes. The
   * placeholder, shown once the row is focused and empty, is the name
   * used when none is set. */
  g_settings_bind (settings, "coder-name", self->coder_row, "text", G_SETTINGS_BIND_DEFAULT);
  gtk_text_set_placeholder_text (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->coder_row))),
                                 account_name ());
  description = g_strdup_printf (_("The passages, notes and memos you write record this name, in every "
                                   "open project. Left empty, they record “%s”, your account’s name."),
                                 account_name ());
  adw_preferences_group_set_description (self->coder_group, description);
}

GtkWidget *
lectern_preferences_window_new (void)
{
  return g_object_new (LECTERN_TYPE_PREFERENCES_WINDOW, NULL);
}
