/* lectern-corpus-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-agreement-view.h"
#include "lectern-chart-view.h"
#include "lectern-concordance-view.h"
#include "lectern-cooccurrence-view.h"
#include "lectern-corpus-window.h"
#include "lectern-matrix-view.h"
#include "lectern-query-view.h"
#include "lectern-words-view.h"

/* A page: a widget made for the project. Pages that show places in
 * documents have a signal "hit-activated" or "passage-activated" (id,
 * start, end), which the window passes on. */
typedef GtkWidget *(*LecternCorpusPageNew) (LecternProject *project);

/* The analysis views take their project as a property. */
#define PAGE_WITH_PROJECT(name, TYPE) \
  static GtkWidget * \
  name (LecternProject *project) \
  { \
    return g_object_new (TYPE, "project", project, NULL); \
  }

PAGE_WITH_PROJECT (matrix_page_new, LECTERN_TYPE_MATRIX_VIEW)
PAGE_WITH_PROJECT (cooccurrence_page_new, LECTERN_TYPE_COOCCURRENCE_VIEW)
PAGE_WITH_PROJECT (words_page_new, LECTERN_TYPE_WORDS_VIEW)
PAGE_WITH_PROJECT (chart_page_new, LECTERN_TYPE_CHART_VIEW)
PAGE_WITH_PROJECT (agreement_page_new, LECTERN_TYPE_AGREEMENT_VIEW)

static const struct
{
  const char           *name;
  const char           *title;
  const char           *icon_name;
  LecternCorpusPageNew  page_new;
} pages[] = {
  { "concordance", N_("Concordance"), "edit-find-symbolic", lectern_concordance_view_new },
  { "queries", N_("Coding Queries"), "user-bookmarks-symbolic", lectern_query_view_new },
  { "matrix", N_("Matrix"), "view-grid-symbolic", matrix_page_new },
  { "cooccurrence", N_("Co-occurrence"), "view-dual-symbolic", cooccurrence_page_new },
  { "words", N_("Words"), "format-justify-left-symbolic", words_page_new },
  { "chart", N_("Chart"), "view-paged-symbolic", chart_page_new },
  { "agreement", N_("Agreement"), "system-users-symbolic", agreement_page_new },
};

struct _LecternCorpusWindow
{
  AdwWindow       parent_instance;

  AdwViewStack   *view_stack;

  LecternProject *project;
};

G_DEFINE_FINAL_TYPE (LecternCorpusWindow, lectern_corpus_window, ADW_TYPE_WINDOW)

enum { RANGE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
range_activated_cb (LecternCorpusWindow *self,
                    gint64               document_id,
                    glong                start,
                    glong                end)
{
  g_signal_emit (self, signals[RANGE_ACTIVATED], 0, document_id, start, end);
}

/* The page shown takes the focus: its query entry, ready for typing. */
static void
focus_page (LecternCorpusWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (page != NULL)
    gtk_widget_grab_focus (page);
}

static void
focus_query_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  focus_page (LECTERN_CORPUS_WINDOW (widget));
}

static void
add_pages (LecternCorpusWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = pages[i].page_new (self->project);
      AdwViewStackPage *stack_page;

      stack_page = adw_view_stack_add_titled (self->view_stack, page, pages[i].name, _(pages[i].title));
      adw_view_stack_page_set_icon_name (stack_page, pages[i].icon_name);
      for (guint s = 0; s < 2; s++)
        {
          const char *signal = s == 0 ? "hit-activated" : "passage-activated";

          if (g_signal_lookup (signal, G_OBJECT_TYPE (page)) != 0)
            g_signal_connect_object (page, signal, G_CALLBACK (range_activated_cb), self, G_CONNECT_SWAPPED);
        }
    }
}

LecternProject *
lectern_corpus_window_get_project (LecternCorpusWindow *self)
{
  g_return_val_if_fail (LECTERN_IS_CORPUS_WINDOW (self), NULL);

  return self->project;
}

GtkWidget *
lectern_corpus_window_get_page (LecternCorpusWindow *self,
                                const char          *name)
{
  g_return_val_if_fail (LECTERN_IS_CORPUS_WINDOW (self), NULL);

  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

void
lectern_corpus_window_show_page (LecternCorpusWindow *self,
                                 const char          *name)
{
  g_return_if_fail (LECTERN_IS_CORPUS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
lectern_corpus_window_dispose (GObject *object)
{
  LecternCorpusWindow *self = LECTERN_CORPUS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_CORPUS_WINDOW);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (lectern_corpus_window_parent_class)->dispose (object);
}

static void
lectern_corpus_window_class_init (LecternCorpusWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_corpus_window_dispose;

  signals[RANGE_ACTIVATED] =
    g_signal_new ("range-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_LONG, G_TYPE_LONG);

  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-corpus-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternCorpusWindow, view_stack);

  gtk_widget_class_install_action (widget_class, "corpus.focus-query", NULL, focus_query_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "corpus.focus-query", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
lectern_corpus_window_init (LecternCorpusWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LecternCorpusWindow *
lectern_corpus_window_new (GtkWindow      *parent,
                           LecternProject *project)
{
  LecternCorpusWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);

  self = g_object_new (LECTERN_TYPE_CORPUS_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->project = g_object_ref (project);
  add_pages (self);
  focus_page (self);
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (focus_page), self, G_CONNECT_SWAPPED);
  return self;
}
