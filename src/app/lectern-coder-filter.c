/* lectern-coder-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lectern-coder-filter.h"

/* Matches no passage: coder ids are positive, 0 is "none known". */
#define NO_CODER ((gint64) -1)

struct _LecternCoderFilter
{
  GtkPopover              parent_instance;

  GtkCheckButton         *all_check;
  GtkCheckButton         *me_check;
  GtkCheckButton         *chosen_check;
  GtkBox                 *coder_box;

  LecternProject         *project;
  GSignalGroup           *project_signals;
  guint                   reload_source;
  GPtrArray              *coders;     /* LecternCoder, as last read */
  char                   *coders_key; /* "id:name\n"… of the last read */
  GArray                 *chosen;     /* gint64, checked */
  GArray                 *shown;      /* gint64: what get_coders returns */
  LecternCoderFilterMode  mode;
  gboolean                rebuilding;
};

G_DEFINE_FINAL_TYPE (LecternCoderFilter, lectern_coder_filter, GTK_TYPE_POPOVER)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
is_chosen (LecternCoderFilter *self,
           gint64              id)
{
  for (guint i = 0; i < self->chosen->len; i++)
    if (g_array_index (self->chosen, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
update_shown (LecternCoderFilter *self)
{
  gint64 none = NO_CODER;

  g_array_set_size (self->shown, 0);
  switch (self->mode)
    {
    case LECTERN_CODER_FILTER_ALL:
      break;
    case LECTERN_CODER_FILTER_ME:
      {
        g_autoptr(LecternCoder) me = NULL;
        gint64 id;

        if (self->project != NULL)
          me = lectern_project_dup_current_coder (self->project, NULL);
        id = me != NULL && lectern_coder_get_id (me) != 0 ? lectern_coder_get_id (me) : NO_CODER;
        g_array_append_val (self->shown, id);
      }
      break;
    case LECTERN_CODER_FILTER_CHOSEN:
      for (guint i = 0; self->coders != NULL && i < self->coders->len; i++)
        {
          gint64 id = lectern_coder_get_id (g_ptr_array_index (self->coders, i));

          if (is_chosen (self, id))
            g_array_append_val (self->shown, id);
        }
      if (self->shown->len == 0)
        g_array_append_val (self->shown, none);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
emit_changed (LecternCoderFilter *self)
{
  update_shown (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
coder_toggled_cb (GtkCheckButton     *check,
                  LecternCoderFilter *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "coder-id");

  if (self->rebuilding)
    return;
  lectern_coder_filter_set_chosen (self, id, gtk_check_button_get_active (check));
}

static void
rebuild_rows (LecternCoderFilter *self)
{
  GtkWidget *child;

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->coder_box))))
    gtk_box_remove (self->coder_box, child);
  for (guint i = 0; self->coders != NULL && i < self->coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (self->coders, i);
      GtkWidget *check = gtk_check_button_new_with_label (lectern_coder_get_display_name (coder));
      gint64 *id = g_new (gint64, 1);

      *id = lectern_coder_get_id (coder);
      g_object_set_data_full (G_OBJECT (check), "coder-id", id, g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_chosen (self, *id));
      g_signal_connect_object (check, "toggled", G_CALLBACK (coder_toggled_cb), self, 0);
      gtk_box_append (self->coder_box, check);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->coder_box), self->mode == LECTERN_CODER_FILTER_CHOSEN);
  self->rebuilding = FALSE;
}

/* Reads the coders again; "changed" only when they are not as before. */
static void
reload (LecternCoderFilter *self)
{
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GString) key = g_string_new (NULL);

  if (self->project != NULL)
    coders = lectern_project_list_coders (self->project, NULL);
  for (guint i = 0; coders != NULL && i < coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (coders, i);

      g_string_append_printf (key, "%" G_GINT64_FORMAT ":%s\n",
                              lectern_coder_get_id (coder), lectern_coder_get_name (coder));
    }
  if (g_strcmp0 (key->str, self->coders_key) == 0)
    return;
  g_free (self->coders_key);
  self->coders_key = g_string_free (g_steal_pointer (&key), FALSE);
  g_clear_pointer (&self->coders, g_ptr_array_unref);
  self->coders = g_steal_pointer (&coders);

  /* One coder left: nothing to choose, every passage shows. */
  if (lectern_coder_filter_get_n_coders (self) < 2)
    {
      self->mode = LECTERN_CODER_FILTER_ALL;
      gtk_check_button_set_active (self->all_check, TRUE);
    }
  rebuild_rows (self);
  emit_changed (self);
}

static gboolean
reload_cb (gpointer data)
{
  LecternCoderFilter *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* A coder's first passage, here or from another program, adds a coder:
 * read once the change is over. */
static void
project_changed_cb (LecternCoderFilter *self,
                    guint               what)
{
  if ((what & LECTERN_CHANGE_ANNOTATIONS) && self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

void
lectern_coder_filter_set_project (LecternCoderFilter *self,
                                  LecternProject     *project)
{
  g_return_if_fail (LECTERN_IS_CODER_FILTER (self));

  if (!g_set_object (&self->project, project))
    return;
  g_signal_group_set_target (self->project_signals, project);
  g_array_set_size (self->chosen, 0);
  self->mode = LECTERN_CODER_FILTER_ALL;
  gtk_check_button_set_active (self->all_check, TRUE);
  g_clear_pointer (&self->coders_key, g_free);
  reload (self);
}

void
lectern_coder_filter_reload (LecternCoderFilter *self)
{
  g_autoptr(GArray) before = NULL;

  g_return_if_fail (LECTERN_IS_CODER_FILTER (self));

  before = g_array_copy (self->shown);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  reload (self);
  /* Only Me follows the current coder, who may be another now. */
  update_shown (self);
  /* An empty GArray may have no data at all: memcmp must not see it. */
  if (before->len != self->shown->len
      || (before->len > 0 && memcmp (before->data, self->shown->data, before->len * sizeof (gint64)) != 0))
    g_signal_emit (self, signals[CHANGED], 0);
}

guint
lectern_coder_filter_get_n_coders (LecternCoderFilter *self)
{
  g_return_val_if_fail (LECTERN_IS_CODER_FILTER (self), 0);

  return self->coders != NULL ? self->coders->len : 0;
}

LecternCoderFilterMode
lectern_coder_filter_get_mode (LecternCoderFilter *self)
{
  g_return_val_if_fail (LECTERN_IS_CODER_FILTER (self), LECTERN_CODER_FILTER_ALL);

  return self->mode;
}

void
lectern_coder_filter_set_mode (LecternCoderFilter     *self,
                               LecternCoderFilterMode  mode)
{
  GtkCheckButton *check;

  g_return_if_fail (LECTERN_IS_CODER_FILTER (self));

  /* Through the check buttons, as a click: one path for both. */
  check = mode == LECTERN_CODER_FILTER_ME ? self->me_check
        : mode == LECTERN_CODER_FILTER_CHOSEN ? self->chosen_check : self->all_check;
  gtk_check_button_set_active (check, TRUE);
}

void
lectern_coder_filter_set_chosen (LecternCoderFilter *self,
                                 gint64              coder_id,
                                 gboolean            chosen)
{
  g_return_if_fail (LECTERN_IS_CODER_FILTER (self));

  if (chosen == is_chosen (self, coder_id))
    return;
  if (chosen)
    g_array_append_val (self->chosen, coder_id);
  else
    for (guint i = 0; i < self->chosen->len; i++)
      if (g_array_index (self->chosen, gint64, i) == coder_id)
        {
          g_array_remove_index (self->chosen, i);
          break;
        }

  /* The row's check button says so too. */
  self->rebuilding = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->coder_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (*(gint64 *) g_object_get_data (G_OBJECT (child), "coder-id") == coder_id)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (child), chosen);
  self->rebuilding = FALSE;

  if (self->mode == LECTERN_CODER_FILTER_CHOSEN)
    emit_changed (self);
}

const gint64 *
lectern_coder_filter_get_coders (LecternCoderFilter *self,
                                 guint              *n_coder_ids)
{
  g_return_val_if_fail (LECTERN_IS_CODER_FILTER (self), NULL);
  g_return_val_if_fail (n_coder_ids != NULL, NULL);

  *n_coder_ids = self->shown->len;
  return (const gint64 *) (gpointer) self->shown->data;
}

char *
lectern_coder_filter_dup_label (LecternCoderFilter *self)
{
  g_autoptr(GString) names = NULL;

  g_return_val_if_fail (LECTERN_IS_CODER_FILTER (self), NULL);

  if (self->mode == LECTERN_CODER_FILTER_ALL)
    return g_strdup (_("All Coders"));
  if (self->mode == LECTERN_CODER_FILTER_ME)
    return g_strdup (_("Only Me"));

  names = g_string_new (NULL);
  for (guint i = 0; self->coders != NULL && i < self->coders->len; i++)
    {
      LecternCoder *coder = g_ptr_array_index (self->coders, i);

      if (is_chosen (self, lectern_coder_get_id (coder)))
        {
          if (names->len > 0)
            /* Translators: between the names of the coders shown */
            g_string_append (names, _(", "));
          g_string_append (names, lectern_coder_get_display_name (coder));
        }
    }
  if (names->len == 0)
    return g_strdup (_("No Coder"));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
mode_toggled_cb (GtkCheckButton     *check,
                 LecternCoderFilter *self)
{
  if (!gtk_check_button_get_active (check))
    return;
  self->mode = check == self->me_check ? LECTERN_CODER_FILTER_ME
             : check == self->chosen_check ? LECTERN_CODER_FILTER_CHOSEN : LECTERN_CODER_FILTER_ALL;
  /* Chosen from every coder first: unchecking is the way to narrow. */
  if (self->mode == LECTERN_CODER_FILTER_CHOSEN && self->chosen->len == 0)
    {
      for (guint i = 0; self->coders != NULL && i < self->coders->len; i++)
        {
          gint64 id = lectern_coder_get_id (g_ptr_array_index (self->coders, i));

          g_array_append_val (self->chosen, id);
        }
      rebuild_rows (self);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->coder_box), self->mode == LECTERN_CODER_FILTER_CHOSEN);
  emit_changed (self);
}

static void
lectern_coder_filter_dispose (GObject *object)
{
  LecternCoderFilter *self = LECTERN_CODER_FILTER (object);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_pointer (&self->coders, g_ptr_array_unref);
  g_clear_pointer (&self->coders_key, g_free);

  G_OBJECT_CLASS (lectern_coder_filter_parent_class)->dispose (object);
}

static void
lectern_coder_filter_finalize (GObject *object)
{
  LecternCoderFilter *self = LECTERN_CODER_FILTER (object);

  g_array_unref (self->chosen);
  g_array_unref (self->shown);

  G_OBJECT_CLASS (lectern_coder_filter_parent_class)->finalize (object);
}

static void
lectern_coder_filter_class_init (LecternCoderFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lectern_coder_filter_dispose;
  object_class->finalize = lectern_coder_filter_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static GtkCheckButton *
mode_check (LecternCoderFilter *self,
            GtkBox             *box,
            const char         *label,
            GtkCheckButton     *group)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  g_signal_connect_object (check, "toggled", G_CALLBACK (mode_toggled_cb), self, 0);
  gtk_box_append (box, check);
  return GTK_CHECK_BUTTON (check);
}

static void
lectern_coder_filter_init (LecternCoderFilter *self)
{
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  GtkWidget *heading = gtk_label_new (_("Show Coding Of"));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->shown = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_bottom (heading, 4);
  gtk_box_append (box, heading);

  self->coder_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  self->all_check = mode_check (self, box, _("_All Coders"), NULL);
  self->me_check = mode_check (self, box, _("Only _Me"), self->all_check);
  self->chosen_check = mode_check (self, box, _("_Chosen Coders"), self->all_check);
  gtk_check_button_set_active (self->all_check, TRUE);

  /* The coders, indented under Chosen Coders. */
  gtk_widget_set_margin_start (GTK_WIDGET (self->coder_box), 24);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->coder_box));
  gtk_box_append (box, scroller);
  gtk_widget_set_sensitive (GTK_WIDGET (self->coder_box), FALSE);

  gtk_popover_set_child (GTK_POPOVER (self), GTK_WIDGET (box));

  self->project_signals = g_signal_group_new (LECTERN_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
lectern_coder_filter_new (void)
{
  return g_object_new (LECTERN_TYPE_CODER_FILTER, NULL);
}
