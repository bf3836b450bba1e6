/* test-edit-mode.c — the reader's Edit mode and orphans (issue #19),
 * driven in a real window: typing inside and beside a passage, a
 * passage whose words are deleted placed again, undo, and every change in
 * the project file as soon as the reader shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app-test-harness.h"
#include "lectern-import.h"
#include "lectern-application.h"
#include "lectern-reader-view-private.h"
#include "lectern-window-private.h"

#define TEXT \
  "The envoy said the Americans would broker the deal in the spring.\n" \
  "\n" \
  "Kyiv was not told of the plan before it was announced.\n"

#define BROKER "Americans would broker"
#define KYIV "Kyiv was not told"

static glong
offset_in (const char *text,
           const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (text, p);
}

static GFile *
make_project (gint64 *doc,
              gint64 *broker,
              gint64 *kyiv)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("edit-%u.lectern", ++serial);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(LecternDocument) document = lectern_document_new ();
  g_autoptr(LecternTag) tag = NULL;
  g_autoptr(LecternAnnotation) a = NULL;
  g_autoptr(LecternAnnotation) b = NULL;
  gint64 tag_id;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  lectern_document_set_title (document, "Talks");
  *doc = lectern_project_add_document (project, document, TEXT, &error);
  g_assert_no_error (error);
  tag = lectern_project_ensure_tag_path (project, "Framing/Exclusion", &error);
  g_assert_no_error (error);
  tag_id = lectern_tag_get_id (tag);
  a = lectern_project_add_annotation (project, *doc, offset_in (TEXT, BROKER),
                                      offset_in (TEXT, BROKER) + strlen (BROKER), &tag_id, 1, NULL, &error);
  g_assert_no_error (error);
  b = lectern_project_add_annotation (project, *doc, offset_in (TEXT, KYIV),
                                      offset_in (TEXT, KYIV) + strlen (KYIV), &tag_id, 1, "Left out", &error);
  g_assert_no_error (error);
  *broker = lectern_annotation_get_id (a);
  *kyiv = lectern_annotation_get_id (b);
  return file;
}

/* What the file holds, read through a connection of its own. */
static char *
stored_text (GFile  *file,
             gint64  doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) other = lectern_project_open (file, &error);
  char *text;

  g_assert_no_error (error);
  text = lectern_project_dup_text (other, doc, &error);
  g_assert_no_error (error);
  return text;
}

static LecternAnnotation *
stored_annotation (GFile  *file,
                   gint64  id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) other = lectern_project_open (file, &error);
  LecternAnnotation *a;

  g_assert_no_error (error);
  a = lectern_project_dup_annotation (other, id, &error);
  g_assert_no_error (error);
  return a;
}

static guint
stored_versions (GFile  *file,
                 gint64  doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) other = lectern_project_open (file, &error);
  g_autoptr(GListModel) versions = NULL;

  g_assert_no_error (error);
  versions = lectern_project_list_document_versions (other, doc, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (versions);
}

static char *
shown_text (LecternWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (lectern_reader_view_get_text_view (window->reader_view)));
  GtkTextIter s, e;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  return gtk_text_buffer_get_text (buffer, &s, &e, TRUE);
}

static void
place_caret (LecternWindow *window,
             glong          offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (lectern_reader_view_get_text_view (window->reader_view)));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* Types @text one character at a time, as the text view's own key
 * bindings and input method do; after each keystroke, what the reader
 * shows is already in the file. */
static void
type_text (LecternWindow *window,
           GFile         *file,
           gint64         doc,
           const char    *text)
{
  LecternReaderText *view = lectern_reader_view_get_text_view (window->reader_view);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char one[8] = { 0 };
      g_autofree char *shown = NULL;
      g_autofree char *stored = NULL;

      g_unichar_to_utf8 (g_utf8_get_char (p), one);
      g_signal_emit_by_name (view, "insert-at-cursor", one);
      shown = shown_text (window);
      stored = stored_text (file, doc);
      g_assert_cmpstr (shown, ==, stored);
    }
}

static void
assert_same_passage (LecternAnnotation *a,
                     LecternAnnotation *b)
{
  g_assert_cmpint (lectern_annotation_get_start (a), ==, lectern_annotation_get_start (b));
  g_assert_cmpint (lectern_annotation_get_end (a), ==, lectern_annotation_get_end (b));
  g_assert_cmpstr (lectern_annotation_get_quote (a), ==, lectern_annotation_get_quote (b));
  g_assert_cmpstr (lectern_annotation_get_prefix (a), ==, lectern_annotation_get_prefix (b));
  g_assert_cmpstr (lectern_annotation_get_suffix (a), ==, lectern_annotation_get_suffix (b));
  g_assert_cmpint (lectern_annotation_get_orphaned (a), ==, lectern_annotation_get_orphaned (b));
}

static void
undo (LecternWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  app_test_drain ();
}

static void
test_type_inside_and_beside (void)
{
  gint64 doc, broker, kyiv;
  g_autoptr(GFile) file = make_project (&doc, &broker, &kyiv);
  g_autoptr(LecternAnnotation) broker_before = stored_annotation (file, broker);
  g_autoptr(LecternAnnotation) kyiv_before = stored_annotation (file, kyiv);
  LecternWindow *window = app_test_open_project_window (file, doc);
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  glong at;

  /* Not editable before Edit mode: typing changes nothing. */
  place_caret (window, offset_in (TEXT, "would"));
  g_signal_emit_by_name (lectern_reader_view_get_text_view (window->reader_view), "insert-at-cursor", "x");
  text = stored_text (file, doc);
  g_assert_cmpstr (text, ==, TEXT);
  g_clear_pointer (&text, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->reader_view), "reader.edit", NULL));
  g_assert_true (lectern_reader_view_get_editing (window->reader_view));
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (lectern_reader_view_get_text_view (window->reader_view))));

  /* Inside a passage: it grows by the word. */
  place_caret (window, offset_in (TEXT, "would"));
  type_text (window, file, doc, "really ");
  {
    g_autoptr(LecternAnnotation) a = stored_annotation (file, broker);

    g_assert_cmpstr (lectern_annotation_get_quote (a), ==, "Americans really would broker");
    g_assert_cmpint (lectern_annotation_get_start (a), ==, offset_in (TEXT, BROKER));
    g_assert_cmpint (lectern_annotation_get_end (a), ==, offset_in (TEXT, BROKER) + strlen (BROKER) + 7);
  }
  /* One word typed is one version (and one undo step), not seven. */
  g_assert_cmpuint (stored_versions (file, doc), ==, 2);

  /* Beside a passage, at its start: it moves, its words unchanged. */
  text = stored_text (file, doc);
  at = offset_in (text, KYIV);
  place_caret (window, at);
  type_text (window, file, doc, "So ");
  {
    g_autoptr(LecternAnnotation) b = stored_annotation (file, kyiv);

    g_assert_cmpstr (lectern_annotation_get_quote (b), ==, KYIV);
    g_assert_cmpint (lectern_annotation_get_start (b), ==, at + 3);
    g_assert_false (lectern_annotation_get_orphaned (b));
  }
  g_assert_cmpuint (stored_versions (file, doc), ==, 3);
  app_test_drain ();

  /* The highlight follows: the reader's passage list has the new range. */
  {
    g_autoptr(GListModel) passages = lectern_project_dup_passages (window->project, doc);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
      {
        g_autoptr(LecternAnnotation) p = g_list_model_get_item (passages, i);

        if (lectern_annotation_get_id (p) == kyiv)
          {
            g_assert_cmpint (lectern_annotation_get_start (p), ==, at + 3);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* Each undo takes back one run of typing, text and passages exactly. */
  undo (window);
  g_clear_pointer (&text, g_free);
  text = stored_text (file, doc);
  g_assert_null (strstr (text, "So "));
  g_assert_nonnull (strstr (text, "really"));
  undo (window);
  g_clear_pointer (&text, g_free);
  text = stored_text (file, doc);
  g_assert_cmpstr (text, ==, TEXT);
  shown = shown_text (window);
  g_assert_cmpstr (shown, ==, TEXT);
  {
    g_autoptr(LecternAnnotation) a = stored_annotation (file, broker);
    g_autoptr(LecternAnnotation) b = stored_annotation (file, kyiv);

    assert_same_passage (a, broker_before);
    assert_same_passage (b, kyiv_before);
  }
  g_assert_cmpuint (stored_versions (file, doc), ==, 1);

  /* Escape returns to reading. */
  gtk_widget_grab_focus (GTK_WIDGET (lectern_reader_view_get_text_view (window->reader_view)));
  lectern_reader_view_set_editing (window->reader_view, FALSE);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (lectern_reader_view_get_text_view (window->reader_view))));

  app_test_close_window (GTK_WINDOW (window));
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_orphan_placed_again (void)
{
  gint64 doc, broker, kyiv;
  g_autoptr(GFile) file = make_project (&doc, &broker, &kyiv);
  g_autoptr(LecternAnnotation) kyiv_before = stored_annotation (file, kyiv);
  LecternWindow *window = app_test_open_project_window (file, doc);
  LecternReaderView *reader = window->reader_view;
  LecternReaderText *view = lectern_reader_view_get_text_view (reader);
  g_autofree char *text = NULL;
  GtkWidget *place;

  g_assert_false (gtk_revealer_get_reveal_child (reader->orphan_bar));
  lectern_reader_view_set_editing (reader, TRUE);

  /* All of the passage's words deleted: an orphan, listed, not drawn. */
  lectern_reader_view_select_range (reader, offset_in (TEXT, KYIV), offset_in (TEXT, KYIV) + strlen (KYIV));
  g_signal_emit_by_name (view, "delete-from-cursor", GTK_DELETE_CHARS, 1);
  text = stored_text (file, doc);
  g_assert_null (strstr (text, KYIV));
  {
    g_autoptr(LecternAnnotation) b = stored_annotation (file, kyiv);

    g_assert_true (lectern_annotation_get_orphaned (b));
    g_assert_cmpstr (lectern_annotation_get_quote (b), ==, KYIV);
    g_assert_cmpstr (lectern_annotation_get_note (b), ==, "Left out");
  }
  app_test_drain ();
  {
    g_autoptr(GListModel) passages = lectern_project_dup_passages (window->project, doc);

    for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
      {
        g_autoptr(LecternAnnotation) p = g_list_model_get_item (passages, i);

        g_assert_cmpint (lectern_annotation_get_id (p), !=, kyiv);
      }
  }
  g_assert_true (gtk_revealer_get_reveal_child (reader->orphan_bar));
  g_assert_cmpuint (lectern_orphan_list_get_n_orphans (reader->orphan_list), ==, 1);
  /* A toast said so. */
  WAIT_UNTIL (shows_text (GTK_WIDGET (window->toast_overlay), "1 passage lost its text"));

  /* The project's list has it too, naming its document. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.orphans", NULL));
  app_test_drain ();
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    GtkWindow *orphans = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (g_strcmp0 (gtk_window_get_title (l->data), _("Orphaned Passages")) == 0)
        orphans = l->data;
    g_assert_nonnull (orphans);
    g_assert_cmpuint (lectern_orphan_list_get_n_orphans (LECTERN_ORPHAN_LIST (app_test_find_descendant (GTK_WIDGET (orphans), LECTERN_TYPE_ORPHAN_LIST))), ==, 1);
    gtk_window_destroy (orphans);
    app_test_drain ();
  }

  /* Back to reading; select other words and place the orphan there. */
  lectern_reader_view_set_editing (reader, FALSE);
  lectern_reader_view_select_range (reader, offset_in (text, "the plan"), offset_in (text, "the plan") + strlen ("the plan"));
  gtk_menu_button_popup (reader->orphan_button);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (reader->orphan_popover)));
  place = find_button (GTK_WIDGET (reader->orphan_list), _("_Place Here"));
  g_assert_nonnull (place);
  g_assert_true (gtk_widget_get_sensitive (place));
  g_signal_emit_by_name (place, "clicked");
  app_test_drain ();
  {
    g_autoptr(LecternAnnotation) b = stored_annotation (file, kyiv);

    g_assert_false (lectern_annotation_get_orphaned (b));
    g_assert_cmpstr (lectern_annotation_get_quote (b), ==, "the plan");
    g_assert_cmpint (lectern_annotation_get_start (b), ==, offset_in (text, "the plan"));
    g_assert_cmpstr (lectern_annotation_get_note (b), ==, "Left out");
  }
  g_assert_false (gtk_revealer_get_reveal_child (reader->orphan_bar));

  /* Undo: an orphan again; undo: its words and place back, exactly. */
  undo (window);
  {
    g_autoptr(LecternAnnotation) b = stored_annotation (file, kyiv);

    g_assert_true (lectern_annotation_get_orphaned (b));
  }
  g_assert_true (gtk_revealer_get_reveal_child (reader->orphan_bar));
  undo (window);
  g_clear_pointer (&text, g_free);
  text = stored_text (file, doc);
  g_assert_cmpstr (text, ==, TEXT);
  {
    g_autoptr(LecternAnnotation) b = stored_annotation (file, kyiv);
    g_autofree char *shown = shown_text (window);

    assert_same_passage (b, kyiv_before);
    g_assert_cmpstr (shown, ==, TEXT);
  }
  g_assert_false (gtk_revealer_get_reveal_child (reader->orphan_bar));

  app_test_close_window (GTK_WINDOW (window));
}

#define TRANSCRIPT \
  "[00:00:05] Interviewer: When did the water fall?\n" \
  "\n" \
  "[00:00:12] Maria: In the spring, after the dam closed.\n" \
  "\n" \
  "[00:00:20] Interviewer: And the fishers?\n" \
  "\n" \
  "[00:00:25] Maria: They left for the coast.\n"

/* A transcript's turns follow an edit of a speaker's label in the same
 * step; pasted text is stored as plain, NFC, \n text. */
static void
test_transcript_and_paste (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "edit-transcript.lectern", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) turns = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  LecternWindow *window;
  LecternReaderView *reader;
  GtkTextBuffer *buffer;
  gint64 doc;

  {
    g_autoptr(LecternProject) project = NULL;
    g_autoptr(LecternDocument) document = lectern_document_new ();

    g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
    project = lectern_project_create (file, &error);
    g_assert_no_error (error);
    lectern_document_set_title (document, "Border post");
    doc = lectern_project_add_document (project, document, TRANSCRIPT, &error);
    g_assert_no_error (error);
    g_assert_true (lectern_document_turns_store (project, doc, FALSE, &error));
    g_assert_no_error (error);
    turns = lectern_document_turns_dup (project, doc, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (turns->len, ==, 4);
    g_assert_cmpstr (g_array_index (turns, LecternTurn, 1).speaker, ==, "Maria");
    g_clear_pointer (&turns, g_array_unref);
  }

  window = app_test_open_project_window (file, doc);
  reader = window->reader_view;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (lectern_reader_view_get_text_view (reader)));
  lectern_reader_view_set_editing (reader, TRUE);

  /* Words typed in a turn: the turns after it, and their spans, move. */
  place_caret (window, offset_in (TRANSCRIPT, "spring"));
  type_text (window, file, doc, "early ");
  {
    g_autoptr(LecternProject) other = lectern_project_open (file, &error);
    g_autoptr(GArray) spans = NULL;
    g_autofree char *now = NULL;
    guint n_turn_spans = 0;

    g_assert_no_error (error);
    now = lectern_project_dup_text (other, doc, &error);
    turns = lectern_document_turns_dup (other, doc, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (turns->len, ==, 4);
    g_assert_cmpuint (g_array_index (turns, LecternTurn, 2).start, ==, offset_in (now, "[00:00:20]"));
    spans = lectern_project_dup_document_structure (other, doc, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < spans->len; i++)
      {
        const LecternSpan *span = &g_array_index (spans, LecternSpan, i);

        if (span->kind != LECTERN_STRUCTURE_KIND_TURN)
          continue;
        g_assert_cmpuint (n_turn_spans, <, turns->len);
        g_assert_cmpuint (span->start, ==, g_array_index (turns, LecternTurn, n_turn_spans).start);
        g_assert_cmpuint (span->end, ==, g_array_index (turns, LecternTurn, n_turn_spans).end);
        n_turn_spans++;
      }
    g_assert_cmpuint (n_turn_spans, ==, 4);
    g_clear_pointer (&turns, g_array_unref);
  }

  /* Pasted: CR LF and a decomposed é arrive as stored text, shown so. */
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_place_cursor (buffer, &end);
    gtk_text_buffer_insert_interactive_at_cursor (buffer, "Anna: Cafe\xcc\x81 closed.\r\n", -1, TRUE);
  }
  text = stored_text (file, doc);
  g_assert_true (g_str_has_suffix (text, "Anna: Caf\xc3\xa9 closed.\n"));
  shown = shown_text (window);
  g_assert_cmpstr (shown, ==, text);

  /* A combining mark typed after its letter joins it; typing goes on
   * after the joined letter. */
  place_caret (window, offset_in (text, "They"));
  type_text (window, file, doc, "Re\xcc\x81" "a ");
  g_clear_pointer (&text, g_free);
  text = stored_text (file, doc);
  g_assert_nonnull (strstr (text, "R\xc3\xa9" "a They left"));

  app_test_close_window (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/EditMode/type-inside-and-beside", test_type_inside_and_beside);
  g_test_add_func ("/Lectern/EditMode/orphan-placed-again", test_orphan_placed_again);
  g_test_add_func ("/Lectern/EditMode/transcript-and-paste", test_transcript_and_paste);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-edit-mode-test", add_tests);
}
