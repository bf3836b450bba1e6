/* lectern-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-application.h"
#include "lectern-preferences-window.h"
#include "lectern-window.h"

#define MAX_RECENT_TAGS 12

struct _LecternApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (LecternApplication, lectern_application, ADW_TYPE_APPLICATION)

static GSettings *fallback_settings;

GSettings *
lectern_settings (void)
{
  GApplication *app = g_application_get_default ();

  if (LECTERN_IS_APPLICATION (app))
    return lectern_application_get_settings (LECTERN_APPLICATION (app));

  if (fallback_settings == NULL)
    fallback_settings = g_settings_new (APPLICATION_ID);
  return fallback_settings;
}

GSettings *
lectern_application_get_settings (LecternApplication *self)
{
  g_return_val_if_fail (LECTERN_IS_APPLICATION (self), NULL);

  /* Created on first use: the schema is only needed once a window shows. */
  if (self->settings == NULL)
    self->settings = g_settings_new (APPLICATION_ID);
  return self->settings;
}

void
lectern_note_recent_tag (gint64 tag_id)
{
  g_autoptr(GVariant) old = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *values;
  gsize n = 0;

  old = g_settings_get_value (lectern_settings (), "recent-tags");
  values = g_variant_get_fixed_array (old, &n, sizeof (gint64));
  g_array_append_val (ids, tag_id);
  for (gsize i = 0; i < n && ids->len < MAX_RECENT_TAGS; i++)
    if (values[i] != tag_id)
      g_array_append_val (ids, values[i]);

  g_settings_set_value (lectern_settings (), "recent-tags",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT64,
                                                   ids->data, ids->len, sizeof (gint64)));
}

static LecternWindow *
find_window_without_project (LecternApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (LECTERN_IS_WINDOW (l->data) && lectern_window_get_project (l->data) == NULL)
      return l->data;
  return NULL;
}

static void
lectern_application_activate (GApplication *app)
{
  LecternApplication *self = LECTERN_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_autofree char *last = g_settings_get_string (lectern_application_get_settings (self),
                                                     "last-project");
      LecternWindow *lw = lectern_window_new (self);

      /* Reopen where the user left off; a project that moved away is
       * forgotten quietly, and the empty page offers New and Open. */
      if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr(GFile) file = g_file_new_for_path (last);
          g_autoptr(GError) error = NULL;
          /* Read before opening, which records the document shown. */
          gint64 doc = g_settings_get_int64 (lectern_application_get_settings (self),
                                             "last-document");

          if (!lectern_window_open_project_at (lw, file, MAX (doc, 0), &error))
            g_message ("Could not reopen %s: %s", last, error->message);
        }
      window = GTK_WINDOW (lw);
    }

  gtk_window_present (window);
}

static void
lectern_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  LecternApplication *self = LECTERN_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      LecternWindow *window = find_window_without_project (self);

      if (window == NULL)
        window = lectern_window_new (self);
      lectern_window_open_project_interactive (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, LECTERN_UI "style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
lectern_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[4]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (lectern_application_parent_class)->startup (app);

  /* Follow the system's light or dark preference. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_icon_name (APPLICATION_ID);
  load_style ();

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *param,
         gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Close windows one by one so each saves its size and position. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
new_window_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (lectern_window_new (user_data)));
}

static void
preferences_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWidget *prefs = lectern_preferences_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (prefs), gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_cb (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Lectern developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Lectern"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Read, annotate and compare a corpus of documents"),
                         "developer-name", _("The Lectern developers"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_cb },
  { "new-window", new_window_cb },
  { "preferences", preferences_cb },
  { "about", about_cb },
};

static void
lectern_application_finalize (GObject *object)
{
  LecternApplication *self = LECTERN_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (lectern_application_parent_class)->finalize (object);
}

static void
lectern_application_class_init (LecternApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = lectern_application_finalize;
  app_class->activate = lectern_application_activate;
  app_class->open = lectern_application_open;
  app_class->startup = lectern_application_startup;
}

static void
lectern_application_init (LecternApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}

LecternApplication *
lectern_application_new (const char        *application_id,
                         GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (LECTERN_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", "/org/gnome/Lectern",
                       NULL);
}
