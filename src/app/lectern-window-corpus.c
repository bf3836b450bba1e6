/* lectern-window-corpus.c — the window's Corpus window (win.corpus,
 * Ctrl+Shift+F): one per main window, presented again when open; its
 * hits and passages open in this window's reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include "lectern-corpus-window.h"
#include "lectern-window-private.h"

#define CORPUS_WINDOW_KEY "lectern-corpus-window"

static void
range_activated_cb (LecternWindow       *self,
                    gint64               document_id,
                    glong                start,
                    glong                end,
                    LecternCorpusWindow *corpus)
{
  if (self->project == NULL)
    return;
  lectern_window_set_document_id (self, document_id);
  lectern_reader_view_select_range (self->reader_view, start, end);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
}

LecternCorpusWindow *
_lectern_window_get_corpus_window (LecternWindow *self)
{
  return g_object_get_data (G_OBJECT (self), CORPUS_WINDOW_KEY);
}

static void
corpus_destroyed_cb (LecternWindow *self)
{
  g_object_steal_data (G_OBJECT (self), CORPUS_WINDOW_KEY);
}

/* Another project in the window: the questions were about the old one. */
static void
window_project_cb (LecternCorpusWindow *corpus,
                   GParamSpec          *pspec,
                   LecternWindow       *self)
{
  if (lectern_corpus_window_get_project (corpus) != self->project)
    gtk_window_destroy (GTK_WINDOW (corpus));
}

static LecternCorpusWindow *
present_corpus (LecternWindow *self)
{
  LecternCorpusWindow *corpus = _lectern_window_get_corpus_window (self);

  if (self->project == NULL)
    return NULL;
  /* A window left from the project before: its questions were about that one. */
  if (corpus != NULL && lectern_corpus_window_get_project (corpus) != self->project)
    {
      gtk_window_destroy (GTK_WINDOW (corpus));
      corpus = NULL;
    }
  if (corpus == NULL)
    {
      corpus = lectern_corpus_window_new (GTK_WINDOW (self), self->project);
      g_object_set_data (G_OBJECT (self), CORPUS_WINDOW_KEY, corpus);
      g_signal_connect_object (corpus, "destroy", G_CALLBACK (corpus_destroyed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (corpus, "range-activated", G_CALLBACK (range_activated_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self, "notify::project", G_CALLBACK (window_project_cb), corpus, G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (corpus));
  return corpus;
}

static void
corpus_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  present_corpus (LECTERN_WINDOW (widget));
}

/* Inter-coder Agreement: the Corpus window's page of that name. */
static void
agreement_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LecternCorpusWindow *corpus = present_corpus (LECTERN_WINDOW (widget));

  if (corpus != NULL)
    lectern_corpus_window_show_page (corpus, "agreement");
}

void
_lectern_window_class_init_corpus (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.corpus", NULL, corpus_cb);
  gtk_widget_class_install_action (widget_class, "win.agreement", NULL, agreement_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.corpus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.corpus", NULL);
}
