/* test-compare-window.c — the comparison window in each mode, in a real
 * window: results shown in both panes, synchronised scrolling, next
 * change, and a translation pair corrected by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-compare-window.h"
#include "lectern-export-dialog.h"
#include "lectern-where-popover.h"
#include "lectern-window-private.h"

#define VERSION_1 \
  "Low Water on the Tavra\n" \
  "\n" \
  "The river fell to its lowest level in forty years on Monday, and barges stopped at Varennes. " \
  "Farmers in the delta asked the commission for an emergency release of water.\n" \
  "\n" \
  "The commission said it would meet on Thursday to discuss the request.\n" \
  "\n" \
  "Shipping companies expect losses of several million euros this month.\n"

#define VERSION_2 \
  "Low Water on the Tavra\n" \
  "\n" \
  "The river fell to its lowest level in fifty years on Monday, and barges stopped at Varennes. " \
  "Farmers in the delta asked the commission for an emergency release of water.\n" \
  "\n" \
  "The commission said it would meet on Wednesday to discuss the urgent request.\n" \
  "\n" \
  "Shipping companies expect losses this month.\n"

#define ENGLISH \
  "The Tavra Accord\n" \
  "\n" \
  "The two governments agree to share the water of the Tavra by season.\n" \
  "\n" \
  "A joint commission of six members will publish the gauge readings every week, " \
  "in both languages, from the first of March 2022.\n" \
  "\n" \
  "Disputes go first to the commission and then, within ninety days, to arbitration in Geneva.\n"

#define FRENCH \
  "L'accord de la Tavra\n" \
  "\n" \
  "Les deux gouvernements conviennent de partager l'eau de la Tavra selon les saisons.\n" \
  "\n" \
  "Une commission mixte de six membres publiera chaque semaine les relevés des jauges, " \
  "dans les deux langues, à partir du 1er mars 2022.\n" \
  "\n" \
  "Les différends sont soumis d'abord à la commission puis, dans un délai de quatre-vingt-dix jours, " \
  "à un arbitrage à Genève.\n"

#define SHARED_QUOTE \
  "we will not accept any solution that leaves the farmers of the delta without water in the summer months"

#define QUOTING_1 \
  "Statement of the basin authority\n\nThe minister told parliament that " SHARED_QUOTE \
  ", and the opposition applauded.\n\nNothing else was decided.\n"

#define QUOTING_2 \
  "Interview\n\nAsked about the accord, the farmer said: \"They promised that " SHARED_QUOTE \
  ". We will see.\"\n"

typedef struct
{
  GFile         *file;
  LecternProject *project;
  gint64         v1, v2, en, fr, q1, q2;
} Fixture;


static gint64
add (LecternProject *project,
     const char    *title,
     const char    *language,
     const char    *text)
{
  g_autoptr(LecternDocument) doc = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (doc, title);
  lectern_document_set_language (doc, language);
  id = lectern_project_add_document (project, doc, text, &error);
  g_assert_no_error (error);
  return id;
}


static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("compare-%u.lectern", ++n);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternAnnotation) annotation = NULL;
  gint64 tag_id;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  f->file = g_file_new_for_path (path);
  f->project = lectern_project_create (f->file, &error);
  g_assert_no_error (error);

  f->v1 = add (f->project, "Low Water", "en", VERSION_1);
  f->v2 = add (f->project, "Low Water (revised)", "en", VERSION_2);
  f->en = add (f->project, "The Tavra Accord", "en", ENGLISH);
  f->fr = add (f->project, "L'accord de la Tavra", "fr", FRENCH);
  f->q1 = add (f->project, "Statement", "en", QUOTING_1);
  f->q2 = add (f->project, "Interview", "en", QUOTING_2);

  /* A highlight, to see that the panes are readers. */
  tag = lectern_project_ensure_tag_path (f->project, "Water/Shortage", &error);
  g_assert_no_error (error);
  tag_id = lectern_tag_get_id (tag);
  annotation = lectern_project_add_annotation (f->project, f->v1, 24, 60, &tag_id, 1, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  g_clear_object (&f->file);
}

static LecternCompareWindow *
open_comparison (Fixture            *f,
                 gint64              a,
                 gint64              b,
                 LecternCompareMode  mode)
{
  LecternCompareWindow *window = lectern_compare_window_new (NULL, f->project, a, b, mode);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  WAIT_UNTIL (!lectern_compare_window_get_busy (window) && lectern_compare_window_get_chunks (window) != NULL);
  app_test_drain ();
  return window;
}

static GtkTextBuffer *
pane_buffer (LecternCompareWindow *window,
             guint                 side)
{
  LecternReaderView *pane = lectern_compare_window_get_pane (window, side);

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (lectern_reader_view_get_text_view (pane)));
}

/* Whether the text tag @name covers some text of the pane. */
static gboolean
has_tag (LecternCompareWindow *window,
         guint                 side,
         const char           *name)
{
  GtkTextBuffer *buffer = pane_buffer (window, side);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  return gtk_text_iter_has_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag);
}

static glong
cursor (LecternCompareWindow *window,
        guint                 side)
{
  GtkTextBuffer *buffer = pane_buffer (window, side);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

static int
next_stop (GArray *chunks,
           int     after)
{
  for (guint i = after + 1; i < chunks->len; i++)
    if (g_array_index (chunks, LecternChunk, i).kind != LECTERN_CHUNK_EQUAL)
      return i;
  return -1;
}

static void
close_window (LecternCompareWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
}

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  LecternCompareWindow *window = open_comparison (f, f->v1, f->v2, LECTERN_COMPARE_MODE_VERSIONS);
  GArray *chunks = lectern_compare_window_get_chunks (window);
  LecternDiffSummary summary;
  GSettings *settings = lectern_settings ();
  int first, second;

  /* The texts and the highlights are there. */
  g_assert_cmpint (gtk_text_buffer_get_char_count (pane_buffer (window, 0)), ==, g_utf8_strlen (VERSION_1, -1));
  g_assert_cmpint (gtk_text_buffer_get_char_count (pane_buffer (window, 1)), ==, g_utf8_strlen (VERSION_2, -1));

  /* forty → fifty, Thursday → Wednesday, + urgent, − several million euros */
  g_assert_true (has_tag (window, 0, "compare-replace"));
  g_assert_true (has_tag (window, 1, "compare-replace"));
  g_assert_true (has_tag (window, 1, "compare-insert"));
  g_assert_true (has_tag (window, 0, "compare-delete"));
  lectern_compare_window_get_summary (window, &summary);
  g_assert_cmpuint (summary.words_added, >=, 1);
  g_assert_cmpuint (summary.words_removed, >=, 3);
  g_assert_cmpuint (summary.words_changed, >=, 2);
  g_assert_cmpuint (lectern_compare_bands_get_n_drawn (lectern_compare_window_get_bands (window)), >, 0);

  /* Synchronised scrolling is a setting, toggled from the window. */
  g_assert_true (g_settings_get_boolean (settings, "sync-scroll"));
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.sync-scroll", NULL);
  g_assert_false (g_settings_get_boolean (settings, "sync-scroll"));
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.sync-scroll", NULL);
  g_assert_true (g_settings_get_boolean (settings, "sync-scroll"));

  /* Next change: the cursor goes to the first change, then the second. */
  first = next_stop (chunks, -1);
  second = next_stop (chunks, first);
  g_assert_cmpint (first, >=, 0);
  g_assert_cmpint (second, >, first);
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.next-change", NULL);
  g_assert_cmpint (lectern_compare_window_get_current (window), ==, first);
  g_assert_cmpint (cursor (window, 0), ==, g_array_index (chunks, LecternChunk, first).a_start);
  g_assert_cmpint (cursor (window, 1), ==, g_array_index (chunks, LecternChunk, first).b_start);
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.next-change", NULL);
  g_assert_cmpint (lectern_compare_window_get_current (window), ==, second);
  g_assert_cmpint (cursor (window, 0), ==, g_array_index (chunks, LecternChunk, second).a_start);
  g_assert_cmpint (cursor (window, 1), ==, g_array_index (chunks, LecternChunk, second).b_start);
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.previous-change", NULL);
  g_assert_cmpint (lectern_compare_window_get_current (window), ==, first);

  /* Hiding minor changes runs the comparison again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.hide-minor", NULL);
  g_assert_true (lectern_compare_window_get_busy (window));
  WAIT_UNTIL (!lectern_compare_window_get_busy (window));
  g_assert_nonnull (lectern_compare_window_get_chunks (window));

  /* Swap sides. */
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.swap", NULL);
  g_assert_cmpint (lectern_compare_window_get_document (window, 0), ==, f->v2);
  g_assert_cmpint (lectern_compare_window_get_document (window, 1), ==, f->v1);
  WAIT_UNTIL (!lectern_compare_window_get_busy (window));
  /* What the revision dropped is now an insertion on the right. */
  g_assert_true (has_tag (window, 1, "compare-insert"));
  g_assert_true (has_tag (window, 0, "compare-delete") || has_tag (window, 0, "compare-replace"));

  close_window (window);
}

static void
test_translation (Fixture       *f,
                  gconstpointer  data)
{
  LecternCompareWindow *window = open_comparison (f, f->en, f->fr, LECTERN_COMPARE_MODE_TRANSLATION);
  GArray *chunks = lectern_compare_window_get_chunks (window);
  g_autoptr(GArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *en_title_end = strchr (ENGLISH, '\n');
  const char *fr_title_end = strchr (FRENCH, '\n');
  glong a_end = g_utf8_pointer_to_offset (ENGLISH, en_title_end);
  glong b_end = g_utf8_pointer_to_offset (FRENCH, fr_title_end);
  gboolean found = FALSE;

  g_assert_cmpuint (chunks->len, >=, 3);
  for (guint i = 0; i < chunks->len; i++)
    g_assert_cmpint (g_array_index (chunks, LecternChunk, i).kind, ==, LECTERN_CHUNK_PAIR);
  g_assert_true (has_tag (window, 0, "compare-pair-0"));
  g_assert_true (has_tag (window, 1, "compare-pair-0"));
  g_assert_true (has_tag (window, 0, "compare-pair-1"));
  g_assert_true (has_tag (window, 1, "compare-pair-1"));

  /* The pair under the cursor is the one under focus. */
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.next-change", NULL);
  g_assert_cmpint (lectern_compare_window_get_current (window), ==, 0);
  g_assert_true (has_tag (window, 0, "compare-focus-pair"));
  g_assert_true (has_tag (window, 1, "compare-focus-pair"));

  /* Pair the two titles' first words by hand: saved in the project, and
   * the alignment keeps it. */
  lectern_reader_view_select_range (lectern_compare_window_get_pane (window, 0), 0, a_end - 7);
  lectern_reader_view_select_range (lectern_compare_window_get_pane (window, 1), 0, b_end - 6);
  app_test_drain ();
  /* Selecting on the right takes PRIMARY from the left, yet the left
   * passage stays chosen. */
  g_assert_true (has_tag (window, 0, "compare-chosen"));
  g_assert_true (has_tag (window, 1, "compare-chosen"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "compare.pair-selections", NULL));
  saved = lectern_project_dup_alignment (f->project, f->en, f->fr, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 0).a_start, ==, 0);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 0).a_end, ==, a_end - 7);
  g_assert_cmpint (g_array_index (saved, LecternSpanPair, 0).b_end, ==, b_end - 6);

  WAIT_UNTIL (!lectern_compare_window_get_busy (window) && lectern_compare_window_get_chunks (window) != NULL);
  chunks = lectern_compare_window_get_chunks (window);
  for (guint i = 0; i < chunks->len; i++)
    {
      const LecternChunk *c = &g_array_index (chunks, LecternChunk, i);

      if (c->a_start == 0 && c->a_end == a_end - 7 && c->b_start == 0 && c->b_end == b_end - 6)
        found = TRUE;
    }
  g_assert_true (found);

  /* Forget the corrections. */
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.reset-pairs", NULL);
  g_clear_pointer (&saved, g_array_unref);
  saved = lectern_project_dup_alignment (f->project, f->en, f->fr, &error);
  g_assert_cmpuint (saved->len, ==, 0);
  WAIT_UNTIL (!lectern_compare_window_get_busy (window));

  close_window (window);
}

static void
test_shared (Fixture       *f,
             gconstpointer  data)
{
  LecternCompareWindow *window = open_comparison (f, f->q1, f->q2, LECTERN_COMPARE_MODE_SHARED);
  GArray *chunks = lectern_compare_window_get_chunks (window);
  const LecternChunk *c;
  glong quote_a = g_utf8_pointer_to_offset (QUOTING_1, strstr (QUOTING_1, SHARED_QUOTE));

  g_assert_cmpuint (chunks->len, ==, 1);
  c = &g_array_index (chunks, LecternChunk, 0);
  g_assert_cmpint (c->kind, ==, LECTERN_CHUNK_SHARED);
  g_assert_cmpint (c->a_start, <=, quote_a);
  g_assert_true (has_tag (window, 0, "compare-shared"));
  g_assert_true (has_tag (window, 1, "compare-shared"));

  /* Switching mode from the window compares again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.set-mode", "s", "versions");
  g_assert_cmpint (lectern_compare_window_get_mode (window), ==, LECTERN_COMPARE_MODE_VERSIONS);
  WAIT_UNTIL (!lectern_compare_window_get_busy (window) && lectern_compare_window_get_chunks (window) != NULL);
  g_assert_false (has_tag (window, 0, "compare-shared"));

  /* The mode toggles' action is the "mode" property (LECTERN_TYPE_COMPARE_MODE)
   * with the mode's nick as its state. */
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.mode", "s", "shared");
  g_assert_cmpint (lectern_compare_window_get_mode (window), ==, LECTERN_COMPARE_MODE_SHARED);
  WAIT_UNTIL (!lectern_compare_window_get_busy (window) && lectern_compare_window_get_chunks (window) != NULL);

  close_window (window);
}

/* Both panes are readers: a passage tagged in the right pane is an
 * annotation of that document, highlighted there. */
static void
test_annotate_in_pane (Fixture       *f,
                       gconstpointer  data)
{
  LecternCompareWindow *window = open_comparison (f, f->v1, f->v2, LECTERN_COMPARE_MODE_VERSIONS);
  LecternReaderView *right = lectern_compare_window_get_pane (window, 1);
  g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (f->project, "Water/Shortage", NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  lectern_reader_view_select_range (right, 30, 50);
  g_assert_true (lectern_reader_view_apply_tag (right, lectern_tag_get_id (tag), &error));
  g_assert_no_error (error);
  list = lectern_project_list_annotations (f->project, f->v2, 0, FALSE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  app_test_drain ();
  ids = lectern_reader_text_dup_ids_at (lectern_reader_view_get_text_view (right), 35);
  g_assert_cmpuint (ids->len, ==, 1);
  /* The comparison's marks are still there. */
  g_assert_true (has_tag (window, 1, "compare-replace"));

  /* Ctrl+T in the window opens the tag picker of the focused pane. */
  gtk_widget_grab_focus (GTK_WIDGET (lectern_reader_view_get_text_view (right)));
  lectern_reader_view_select_range (right, 60, 70);
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.tag-selection", NULL);
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (lectern_reader_view_get_tag_picker (right))));
  gtk_popover_popdown (GTK_POPOVER (lectern_reader_view_get_tag_picker (right)));

  close_window (window);
}

static void
place_activated_cb (LecternWherePopover *popover,
                    gint64               document_id,
                    glong                start,
                    glong                end,
                    gint64              *activated)
{
  *activated = document_id;
}

/* "Where else does this passage occur?" finds the quotation in the other
 * document, and activating the place reports it. */
static void
test_where (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_with_label ("anchor");
  LecternWherePopover *popover = LECTERN_WHERE_POPOVER (lectern_where_popover_new ());
  glong start = g_utf8_pointer_to_offset (QUOTING_1, strstr (QUOTING_1, SHARED_QUOTE));
  glong end = start + g_utf8_strlen (SHARED_QUOTE, -1);
  gint64 activated = 0;
  GArray *places;

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_widget_set_parent (GTK_WIDGET (popover), button);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (window));
  g_signal_connect (popover, "place-activated", G_CALLBACK (place_activated_cb), &activated);

  lectern_where_popover_search (popover, f->project, f->q1, start, end);
  gtk_popover_popup (GTK_POPOVER (popover));
  g_assert_true (lectern_where_popover_get_busy (popover));
  WAIT_UNTIL (!lectern_where_popover_get_busy (popover));
  places = lectern_where_popover_get_places (popover);
  g_assert_nonnull (places);
  g_assert_cmpuint (places->len, >=, 1);
  g_assert_cmpint (g_array_index (places, LecternPlace, 0).document_id, ==, f->q2);

  lectern_where_popover_activate (popover, 0);
  g_assert_cmpint (activated, ==, f->q2);

  gtk_widget_unparent (GTK_WIDGET (popover));
  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
}

static LecternCompareWindow *
find_compare_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (LECTERN_IS_COMPARE_WINDOW (w))
        return LECTERN_COMPARE_WINDOW (w);
    }
  return NULL;
}

static LecternExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (LECTERN_IS_EXPORT_DIALOG (w))
        return LECTERN_EXPORT_DIALOG (w);
    }
  return NULL;
}

/* From the workbench: Ctrl+D compares the current document with the next
 * one; "where" on a reader selection lists the other place and opens it;
 * Export opens the dialog. */
static void
test_from_workbench (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LecternApplication) app = lectern_application_new ("org.gnome.Lectern.CompareTest", G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  LecternWindow *window;
  LecternCompareWindow *compare;
  LecternWherePopover *popover;
  LecternExportDialog *dialog;
  glong start = g_utf8_pointer_to_offset (QUOTING_1, strstr (QUOTING_1, SHARED_QUOTE));

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = lectern_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  g_assert_true (lectern_window_open_project (window, f->file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));

  lectern_window_set_document_id (window, f->v1);
  app_test_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL));
  WAIT_UNTIL ((compare = find_compare_window ()) != NULL);
  g_assert_cmpint (lectern_compare_window_get_document (compare, 0), ==, f->v1);
  g_assert_cmpint (lectern_compare_window_get_document (compare, 1), ==, f->v2);
  WAIT_UNTIL (!lectern_compare_window_get_busy (compare) && lectern_compare_window_get_chunks (compare) != NULL);
  g_assert_true (has_tag (compare, 0, "compare-replace"));
  gtk_window_destroy (GTK_WINDOW (compare));
  app_test_drain ();

  /* The library's "Compare with Current Document": the one being read
   * against the one clicked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-with", "x", f->q1));
  WAIT_UNTIL ((compare = find_compare_window ()) != NULL);
  g_assert_cmpint (lectern_compare_window_get_document (compare, 0), ==, f->v1);
  g_assert_cmpint (lectern_compare_window_get_document (compare, 1), ==, f->q1);
  WAIT_UNTIL (!lectern_compare_window_get_busy (compare));
  gtk_window_destroy (GTK_WINDOW (compare));
  app_test_drain ();

  /* Where else: the quotation in the statement is in the interview. */
  lectern_window_set_document_id (window, f->q1);
  lectern_reader_view_select_range (window->reader_view, start, start + g_utf8_strlen (SHARED_QUOTE, -1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.where", NULL));
  popover = g_object_get_data (G_OBJECT (window), "lectern-where-popover");
  g_assert_nonnull (popover);
  WAIT_UNTIL (!lectern_where_popover_get_busy (popover));
  g_assert_cmpuint (lectern_where_popover_get_places (popover)->len, >=, 1);
  lectern_where_popover_activate (popover, 0);
  g_assert_cmpint (lectern_window_get_document_id (window), ==, f->q2);
  g_assert_true (lectern_reader_view_get_selection (window->reader_view, NULL, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  WAIT_UNTIL ((dialog = find_export_dialog ()) != NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
}

static gint64
add_version (LecternProject *project,
             const char    *title,
             const char    *date,
             const char    *file_name,
             const char    *text)
{
  g_autoptr(LecternDocument) doc = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (doc, title);
  lectern_document_set_language (doc, "en");
  lectern_document_set_date (doc, date);
  lectern_document_set_original_name (doc, file_name);
  id = lectern_project_add_document (project, doc, text, &error);
  g_assert_no_error (error);
  return id;
}

/* The texts of the labels on screen under @widget, in order, each
 * followed by "|". */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, out);
}

static void
find_dropdowns (GtkWidget *widget,
                GPtrArray *found)
{
  /* The document menus; the versions menu is hidden while the document
   * on the right has no earlier version, and the coders menus are in a
   * bar shown only in Coders mode. */
  if (GTK_IS_DROP_DOWN (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    find_dropdowns (c, found);
}

static char *
dropdown_text (GtkWidget *dropdown)
{
  GString *out = g_string_new (NULL);

  collect_labels (dropdown, out);
  return g_string_free (out, FALSE);
}

static gboolean
dropdown_shows (GtkWidget  *dropdown,
                const char *text)
{
  g_autofree char *shown = dropdown_text (dropdown);

  return strstr (shown, text) != NULL;
}

/* Two versions with the same title: the document menus tell them apart
 * by their dates, written in full; a title of its own stays alone. */
static void
test_same_title_menus (Fixture       *f,
                       gconstpointer  data)
{
  gint64 old = add_version (f->project, "Low Water on the Tavra", "2024-03-12", "low-water.txt", VERSION_1 "\nFiled in March.\n");
  gint64 new = add_version (f->project, "Low Water on the Tavra", "2024-05-02", "low-water-2.txt", VERSION_2 "\nFiled in May.\n");
  LecternCompareWindow *window = open_comparison (f, old, new, LECTERN_COMPARE_MODE_VERSIONS);
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  find_dropdowns (GTK_WIDGET (window), dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 2);
  left = dropdown_text (g_ptr_array_index (dropdowns, 0));
  right = dropdown_text (g_ptr_array_index (dropdowns, 1));
  g_assert_cmpstr (left, ==, "Low Water on the Tavra — 12 March 2024|");
  g_assert_cmpstr (right, ==, "Low Water on the Tavra — 2 May 2024|");

  /* The menu itself, opened. */
  g_signal_emit_by_name (g_ptr_array_index (dropdowns, 1), "activate");
  WAIT_UNTIL (dropdown_shows (g_ptr_array_index (dropdowns, 1), "12 March 2024"));
  g_free (right);
  right = dropdown_text (g_ptr_array_index (dropdowns, 1));
  g_assert_nonnull (strstr (right, "|Low Water on the Tavra — 12 March 2024|Low Water on the Tavra — 2 May 2024|"));
  g_assert_nonnull (strstr (right, "|The Tavra Accord|"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Low Water on the Tavra — 12 March 2024 ↔ Low Water on the Tavra — 2 May 2024");

  /* A unique title is named alone. */
  lectern_compare_window_set_documents (window, f->en, new);
  WAIT_UNTIL (!lectern_compare_window_get_busy (window));
  g_free (left);
  left = dropdown_text (g_ptr_array_index (dropdowns, 0));
  g_assert_cmpstr (left, ==, "The Tavra Accord|");
  close_window (window);
}

static void
collect_library_rows (GtkWidget *widget,
                      GPtrArray *rows)
{
  if (gtk_widget_has_css_class (widget, "document-row"))
    {
      GString *out = g_string_new (NULL);

      collect_labels (widget, out);
      g_ptr_array_add (rows, g_string_free (out, FALSE));
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_library_rows (c, rows);
}

static LecternWindow *
open_workbench (Fixture            *f,
                LecternApplication *app)
{
  g_autoptr(GError) error = NULL;
  LecternWindow *window;

  window = lectern_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  g_assert_true (lectern_window_open_project (window, f->file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  app_test_drain ();
  return window;
}

/* Two undated copies with the same title: the library names them by
 * their files, so a person can tell which is which. */
static void
test_same_title_library (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LecternApplication) app = lectern_application_new ("org.gnome.Lectern.CompareTest2", G_APPLICATION_NON_UNIQUE);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  LecternWindow *window;
  guint n_same = 0;

  add_version (f->project, "Minutes of the Commission", NULL, "minutes-draft.txt", "Minutes of the Commission\n\nDraft.\n");
  add_version (f->project, "Minutes of the Commission", NULL, "minutes-final.txt", "Minutes of the Commission\n\nFinal.\n");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = open_workbench (f, app);

  collect_library_rows (GTK_WIDGET (window->library_view), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *row = g_ptr_array_index (rows, i);

      if (!g_str_has_prefix (row, "Minutes of the Commission|"))
        continue;
      n_same++;
      /* The file name leads the line under the title, where a long title
       * does not push it out of sight. */
      g_assert_true (g_str_has_prefix (row, "Minutes of the Commission|minutes-draft.txt · ") ||
                     g_str_has_prefix (row, "Minutes of the Commission|minutes-final.txt · "));
    }
  g_assert_cmpuint (n_same, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    for (guint j = i + 1; j < rows->len; j++)
      g_assert_cmpstr (g_ptr_array_index (rows, i), !=, g_ptr_array_index (rows, j));

  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
}

/* Versions read from old to new: the older on the left, by date even when
 * it was imported later, whichever document the comparison starts from. */
static void
test_older_on_left (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LecternApplication) app = lectern_application_new ("org.gnome.Lectern.CompareTest3", G_APPLICATION_NON_UNIQUE);
  gint64 new = add_version (f->project, "Low Water on the Tavra", "2024-05-02", NULL, VERSION_2 "\nSecond.\n");
  gint64 old = add_version (f->project, "Low Water on the Tavra", "2024-03-12", NULL, VERSION_1 "\nFirst.\n");
  LecternWindow *window;
  LecternCompareWindow *compare;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = open_workbench (f, app);

  /* Reading the newer, comparing with the older. */
  lectern_window_set_document_id (window, new);
  app_test_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-with", "x", old));
  WAIT_UNTIL ((compare = find_compare_window ()) != NULL);
  g_assert_cmpint (lectern_compare_window_get_document (compare, 0), ==, old);
  g_assert_cmpint (lectern_compare_window_get_document (compare, 1), ==, new);
  WAIT_UNTIL (!lectern_compare_window_get_busy (compare));
  gtk_window_destroy (GTK_WINDOW (compare));
  app_test_drain ();

  /* Undated: the one imported first is the older. */
  lectern_window_set_document_id (window, f->v2);
  app_test_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-with", "x", f->v1));
  WAIT_UNTIL ((compare = find_compare_window ()) != NULL);
  g_assert_cmpint (lectern_compare_window_get_document (compare, 0), ==, f->v1);
  g_assert_cmpint (lectern_compare_window_get_document (compare, 1), ==, f->v2);
  WAIT_UNTIL (!lectern_compare_window_get_busy (compare));
  gtk_window_destroy (GTK_WINDOW (compare));
  app_test_drain ();

  gtk_window_destroy (GTK_WINDOW (window));
  app_test_drain ();
}

/* The summary is a sentence, and differences are framed, never tinted
 * like a tag's highlight. */
static void
test_summary_and_marks (Fixture       *f,
                        gconstpointer  data)
{
  LecternCompareWindow *window = open_comparison (f, f->v1, f->v2, LECTERN_COMPARE_MODE_VERSIONS);
  static const char *marks[] = { "compare-insert", "compare-delete", "compare-replace", "compare-shared" };
  LecternDiffSummary summary;
  GString *texts = g_string_new (NULL);

  /* + urgent; − several million euros; forty → fifty, Thursday → Wednesday */
  lectern_compare_window_get_summary (window, &summary);
  g_assert_cmpuint (summary.words_added, ==, 1);
  g_assert_cmpuint (summary.words_removed, ==, 4);
  g_assert_cmpuint (summary.words_changed, ==, 2);
  collect_labels (GTK_WIDGET (window), texts);
  g_assert_nonnull (strstr (texts->str, "|1 word added, 4 removed, 2 changed|"));
  g_string_free (texts, TRUE);

  for (guint side = 0; side < 2; side++)
    {
      LecternReaderText *view = lectern_reader_view_get_text_view (lectern_compare_window_get_pane (window, side));
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (pane_buffer (window, side));

      for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
        {
          GtkTextTag *tag = gtk_text_tag_table_lookup (table, marks[i]);
          gboolean background_set = TRUE, paragraph_set = TRUE;
          GdkRGBA colour;

          g_assert_nonnull (tag);
          g_object_get (tag, "background-set", &background_set,
                        "paragraph-background-set", &paragraph_set, NULL);
          g_assert_false (background_set);
          g_assert_false (paragraph_set);
          g_assert_true (lectern_reader_text_get_outline (view, marks[i], &colour));
          g_assert_cmpfloat (colour.alpha, ==, 1.0);
        }
    }
  close_window (window);
}

/* Scrolling one pane scrolls the other to the same place in the text. */
static void
test_sync_scroll (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GString) a = g_string_new ("Long\n\n");
  g_autoptr(GString) b = g_string_new ("Long\n\n");
  LecternCompareWindow *window;
  GtkAdjustment *adj_a, *adj_b;
  gint64 id_a, id_b;

  for (guint i = 0; i < 200; i++)
    {
      g_string_append_printf (a, "Paragraph %u says the same thing in both versions of the text.\n\n", i);
      g_string_append_printf (b, "Paragraph %u says the same thing in both versions of the text.\n\n", i);
      /* The second version has extra paragraphs: the panes drift apart
       * unless scrolled through the chunks. */
      if (i % 10 == 0)
        g_string_append (b, "An added paragraph that only the second version has, long enough to wrap.\n\n");
    }
  id_a = add (f->project, "Long", "en", a->str);
  id_b = add (f->project, "Long (revised)", "en", b->str);
  window = open_comparison (f, id_a, id_b, LECTERN_COMPARE_MODE_VERSIONS);
  adj_a = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (lectern_reader_view_get_text_view (lectern_compare_window_get_pane (window, 0))));
  adj_b = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (lectern_reader_view_get_text_view (lectern_compare_window_get_pane (window, 1))));
  WAIT_UNTIL (gtk_adjustment_get_upper (adj_a) > 3 * gtk_adjustment_get_page_size (adj_a));

  gtk_adjustment_set_value (adj_a, gtk_adjustment_get_upper (adj_a) / 2);
  app_test_drain ();
  /* B has more text before the middle: it scrolled further. */
  g_assert_cmpfloat (gtk_adjustment_get_value (adj_b), >, gtk_adjustment_get_value (adj_a));

  g_object_set (window, "sync-scroll", FALSE, NULL);
  gtk_adjustment_set_value (adj_b, 0);
  gtk_adjustment_set_value (adj_a, gtk_adjustment_get_upper (adj_a) / 3);
  app_test_drain ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adj_b), ==, 0);
  g_object_set (window, "sync-scroll", TRUE, NULL);

  close_window (window);
}

/* The window follows changes made while it is open, without switching the
 * documents compared: a passage added to the left document (which
 * replaces it in the live list), a new document, a renamed one. */
static void
test_follows_changes (Fixture       *f,
                      gconstpointer  data)
{
  LecternCompareWindow *window = open_comparison (f, f->v1, f->v2, LECTERN_COMPARE_MODE_VERSIONS);
  GtkDropDown *dropdown = GTK_DROP_DOWN (app_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN));
  g_autoptr(LecternAnnotation) annotation = NULL;
  g_autoptr(LecternDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  LecternDocument *selected;
  guint n;

  g_assert_nonnull (dropdown);
  n = g_list_model_get_n_items (gtk_drop_down_get_model (dropdown));
  selected = gtk_drop_down_get_selected_item (dropdown);
  g_assert_cmpint (lectern_document_get_id (selected), ==, f->v1);

  annotation = lectern_project_add_annotation (f->project, f->v1, 0, 9, NULL, 0, "a note", &error);
  g_assert_no_error (error);
  app_test_drain ();
  selected = gtk_drop_down_get_selected_item (dropdown);
  g_assert_nonnull (selected);
  g_assert_cmpint (lectern_document_get_id (selected), ==, f->v1);
  g_assert_cmpint (lectern_compare_window_get_document (window, 0), ==, f->v1);
  g_assert_cmpint (lectern_compare_window_get_document (window, 1), ==, f->v2);

  add (f->project, "Low Water (third draft)", "en", VERSION_2 "One more line.\n");
  app_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, n + 1);
  g_assert_cmpint (lectern_document_get_id (gtk_drop_down_get_selected_item (dropdown)), ==, f->v1);

  doc = lectern_project_dup_document (f->project, f->v2, &error);
  g_assert_no_error (error);
  lectern_document_set_title (doc, "Low Water, corrected");
  g_assert_true (lectern_project_update_document (f->project, doc, &error));
  g_assert_no_error (error);
  app_test_drain ();
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Low Water, corrected"));
  g_assert_cmpint (lectern_compare_window_get_document (window, 1), ==, f->v2);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = app_test_make_private_home ("lectern-compare-test");
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (!app_test_init_gtk ())
    {
      app_test_remove_tree (home);
      return APP_TEST_SKIP;
    }

  g_test_add ("/Lectern/CompareWindow/versions", Fixture, NULL, fixture_set_up, test_versions, fixture_tear_down);
  g_test_add ("/Lectern/CompareWindow/translation", Fixture, NULL, fixture_set_up, test_translation, fixture_tear_down);
  g_test_add ("/Lectern/CompareWindow/shared", Fixture, NULL, fixture_set_up, test_shared, fixture_tear_down);
  g_test_add ("/Lectern/CompareWindow/annotate-in-pane", Fixture, NULL, fixture_set_up, test_annotate_in_pane, fixture_tear_down);
  g_test_add ("/Lectern/CompareWindow/where", Fixture, NULL, fixture_set_up, test_where, fixture_tear_down);
  g_test_add ("/Lectern/CompareWindow/from-workbench", Fixture, NULL, fixture_set_up, test_from_workbench, fixture_tear_down);
  g_test_add ("/Lectern/CompareWindow/same-title-menus", Fixture, NULL, fixture_set_up, test_same_title_menus, fixture_tear_down);
  g_test_add ("/Lectern/CompareWindow/same-title-library", Fixture, NULL, fixture_set_up, test_same_title_library, fixture_tear_down);
  g_test_add ("/Lectern/CompareWindow/older-on-left", Fixture, NULL, fixture_set_up, test_older_on_left, fixture_tear_down);
  g_test_add ("/Lectern/CompareWindow/summary-and-marks", Fixture, NULL, fixture_set_up, test_summary_and_marks, fixture_tear_down);
  g_test_add ("/Lectern/CompareWindow/follows-changes", Fixture, NULL, fixture_set_up, test_follows_changes, fixture_tear_down);
  g_test_add ("/Lectern/CompareWindow/sync-scroll", Fixture, NULL, fixture_set_up, test_sync_scroll, fixture_tear_down);

  ret = g_test_run ();
  app_test_remove_tree (home);
  return ret;
}
