/* test-transcripts.c — an interview in the reader: its speakers in the
 * margin at their turns, Alt+Down to the next turn of a speaker, "only
 * this speaker" fading exactly the other turns, a rename from the
 * margin shown at once, a rename by lectern-cli shown too, Code
 * Speakers and its undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "app-test-harness.h"
#include "lectern-application.h"
#include "lectern-import.h"
#include "lectern-speaker-gutter.h"
#include "lectern-window-private.h"

typedef struct
{
  guint start;
  guint end;
  char *speaker;
  char *time;
} Expected;

static void
expected_clear (gpointer data)
{
  Expected *e = data;

  g_free (e->speaker);
  g_free (e->time);
}

/* The fixture's turns, as tests/fixtures/transcripts/README.md has them:
 * START END SPEAKER TIME. */
static GArray *
read_expected (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "transcripts", name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *turns = g_array_new (FALSE, FALSE, sizeof (Expected));
  g_autoptr(GError) error = NULL;

  g_array_set_clear_func (turns, expected_clear);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      Expected e;

      if (g_strv_length (fields) < 3)
        continue;
      e.start = g_ascii_strtoull (fields[0], NULL, 10);
      e.end = g_ascii_strtoull (fields[1], NULL, 10);
      e.speaker = g_strdup (fields[2]);
      e.time = fields[3] != NULL && *fields[3] != '\0' ? g_strdup (fields[3]) : NULL;
      g_array_append_val (turns, e);
    }
  return turns;
}

static LecternWindow *
open_window (gint64 *document_id)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "transcripts.lectern", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "transcripts",
                                                   "en-interview.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) text = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternProject) project = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(LecternImportResult) result = NULL;
  LecternWindow *window;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  project = lectern_project_create (file, &error);
  g_assert_no_error (error);
  results = lectern_importer_import_files (project, &text, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  result = g_list_model_get_item (results, 0);
  g_assert_true (lectern_import_result_get_succeeded (result));
  *document_id = lectern_import_result_get_document_id (result);
  g_clear_object (&project);

  window = lectern_window_new (app_test_get_app ());
  /* Short, so that the last turns start out of view. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 420);
  lectern_window_open_project (window, file, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  lectern_window_set_document_id (window, *document_id);
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (lectern_reader_view_get_text_view (window->reader_view))) > 0);
  app_test_drain ();
  return window;
}

static glong
cursor (GtkTextBuffer *buffer)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

static void
place_cursor (GtkTextBuffer *buffer,
              glong          offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* "START-END" of each stretch @tag covers, joined by spaces. */
static char *
tag_ranges (GtkTextBuffer *buffer,
            GtkTextTag    *tag)
{
  GString *out = g_string_new (NULL);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return g_string_free (out, FALSE);
  while (gtk_text_iter_starts_tag (&iter, tag))
    {
      glong start = gtk_text_iter_get_offset (&iter);

      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      g_string_append_printf (out, "%s%ld-%d", out->len > 0 ? " " : "", start, gtk_text_iter_get_offset (&iter));
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        break;
    }
  return g_string_free (out, FALSE);
}

static guint
count_passages (LecternProject *project,
                const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternTag) tag = lectern_project_find_tag (project, path, &error);
  g_autoptr(GListModel) passages = NULL;

  if (tag == NULL)
    return 0;
  passages = lectern_project_list_annotations (project, 0, lectern_tag_get_id (tag), FALSE, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (passages);
}

static const char *
turn_speaker (LecternSpeakerGutter *gutter,
              guint                 index)
{
  const char *speaker = NULL;

  lectern_speaker_gutter_get_turn (gutter, index, NULL, NULL, &speaker, NULL);
  return speaker;
}

static void
test_transcript (void)
{
  gint64 doc = 0;
  LecternWindow *window = open_window (&doc);
  LecternReaderView *reader = window->reader_view;
  GtkTextView *view = GTK_TEXT_VIEW (lectern_reader_view_get_text_view (reader));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  LecternSpeakerGutter *gutter = LECTERN_SPEAKER_GUTTER (lectern_reader_view_get_speaker_gutter (reader));
  GtkTextTag *dim = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "other-speakers");
  g_autoptr(GArray) expected = read_expected ("en-interview.turns");
  g_autofree char *dimmed = NULL;
  g_autofree char *none = NULL;
  g_autoptr(GString) others = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  graphene_rect_t area;
  GdkRectangle first_line;
  GtkTextIter iter;
  int y;

  /* The margin: every turn with its speaker and time, the first one's
   * name beside its first line. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gutter)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (gutter)), >, 0);
  g_assert_cmpuint (expected->len, ==, 6);
  g_assert_cmpuint (lectern_speaker_gutter_get_n_turns (gutter), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const Expected *e = &g_array_index (expected, Expected, i);
      const char *speaker, *time;
      guint start;

      lectern_speaker_gutter_get_turn (gutter, i, &start, NULL, &speaker, &time);
      g_assert_cmpuint (start, ==, e->start);
      g_assert_cmpstr (speaker, ==, e->speaker);
      g_assert_cmpstr (time, ==, e->time);
    }
  g_assert_true (lectern_speaker_gutter_get_label_area (gutter, 0, &area));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_array_index (expected, Expected, 0).start);
  gtk_text_view_get_iter_location (view, &iter, &first_line);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_LEFT, 0, first_line.y, NULL, &y);
  g_assert_cmpfloat (area.origin.y, ==, y);
  g_assert_cmpint (lectern_speaker_gutter_turn_at_y (gutter, area.origin.y + area.size.height / 2), ==, 0);
  /* The last turn starts below the view. */
  g_assert_false (lectern_speaker_gutter_get_label_area (gutter, 5, &area));

  /* Next and previous turn of the interviewer, then of Maria Keller. */
  place_cursor (buffer, g_array_index (expected, Expected, 0).start + 5);
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.next-speaker-turn", NULL);
  g_assert_cmpint (cursor (buffer), ==, g_array_index (expected, Expected, 2).start);
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.next-speaker-turn", NULL);
  g_assert_cmpint (cursor (buffer), ==, g_array_index (expected, Expected, 4).start);
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.previous-speaker-turn", NULL);
  g_assert_cmpint (cursor (buffer), ==, g_array_index (expected, Expected, 2).start);
  place_cursor (buffer, g_array_index (expected, Expected, 3).start + 20);
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.next-speaker-turn", NULL);
  g_assert_cmpint (cursor (buffer), ==, g_array_index (expected, Expected, 5).start);
  /* Scrolled into view. */
  WAIT_UNTIL (lectern_speaker_gutter_get_label_area (gutter, 5, &area));
  /* No later turn of hers: the cursor stays. */
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.next-speaker-turn", NULL);
  g_assert_cmpint (cursor (buffer), ==, g_array_index (expected, Expected, 5).start);

  /* Only Maria Keller: exactly the interviewer's turns fade. */
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.only-speaker", "s", "");
  g_assert_cmpstr (lectern_reader_view_get_only_speaker (reader), ==, "Maria Keller");
  for (guint i = 0; i < expected->len; i++)
    {
      const Expected *e = &g_array_index (expected, Expected, i);

      if (g_strcmp0 (e->speaker, "Maria Keller") != 0)
        g_string_append_printf (others, "%s%u-%u", others->len > 0 ? " " : "", e->start, e->end);
    }
  g_assert_nonnull (dim);
  dimmed = tag_ranges (buffer, dim);
  g_assert_cmpstr (dimmed, ==, others->str);
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.only-speaker", "s", "");
  g_assert_null (lectern_reader_view_get_only_speaker (reader));
  none = tag_ranges (buffer, dim);
  g_assert_cmpstr (none, ==, "");

  /* A rename from the margin shows at once; undone, the old name. */
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.rename-speaker", "(ss)", "Maria Keller", "M. Keller");
  WAIT_UNTIL (g_strcmp0 (turn_speaker (gutter, 1), "M. Keller") == 0);
  g_assert_cmpstr (turn_speaker (gutter, 5), ==, "M. Keller");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  WAIT_UNTIL (g_strcmp0 (turn_speaker (gutter, 1), "Maria Keller") == 0);

  /* Renamed by lectern-cli in another process: the margin follows once
   * the app sees the change. */
  {
    const char *cli = g_getenv ("LECTERN_CLI");
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, doc);
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "transcripts.lectern", NULL);
    const char *argv[] = { cli, "--project", path, "speaker-rename", id, "Interviewer", "Host", NULL };
    g_autofree char *err = NULL;
    int status = 0;

    g_assert_nonnull (cli);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("lectern-cli speaker-rename failed: %s", err);
    lectern_project_refresh (window->project);
    WAIT_UNTIL (g_strcmp0 (turn_speaker (gutter, 0), "Host") == 0);
    g_assert_cmpstr (turn_speaker (gutter, 4), ==, "Host");
    /* Back, for what follows. */
    argv[5] = "Host";
    argv[6] = "Interviewer";
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    lectern_project_refresh (window->project);
    WAIT_UNTIL (g_strcmp0 (turn_speaker (gutter, 0), "Interviewer") == 0);
  }

  /* Code Speakers: a passage per turn, one undo step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.code-speakers", NULL));
  g_assert_cmpuint (count_passages (window->project, "Speakers/Maria Keller"), ==, 3);
  g_assert_cmpuint (count_passages (window->project, "Speakers/Interviewer"), ==, 3);
  {
    g_autoptr(GListModel) passages = lectern_project_list_annotations (window->project, doc, 0, FALSE, &error);
    g_autoptr(LecternAnnotation) first = NULL;

    g_assert_no_error (error);
    first = g_list_model_get_item (passages, 0);
    /* The speech, without the timestamp and label. */
    g_assert_true (g_str_has_prefix (lectern_annotation_get_quote (first), "Thank you for joining us."));
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  app_test_drain ();
  g_assert_cmpuint (count_passages (window->project, "Speakers/Maria Keller"), ==, 0);
  g_assert_cmpuint (count_passages (window->project, "Speakers/Interviewer"), ==, 0);
  g_assert_null (lectern_project_find_tag (window->project, "Speakers/Maria Keller", NULL));

  /* The speaker's popover from the margin: shown, dropped when closed;
   * the window closes with one open. */
  lectern_reader_view_popup_speaker (reader, 1);
  {
    GtkWidget *popover = gtk_widget_get_first_child (GTK_WIDGET (gutter));

    g_assert_true (GTK_IS_POPOVER (popover));
    WAIT_UNTIL (gtk_widget_get_mapped (popover));
    gtk_popover_popdown (GTK_POPOVER (popover));
    WAIT_UNTIL (gtk_widget_get_first_child (GTK_WIDGET (gutter)) == NULL);
  }
  lectern_reader_view_popup_speaker (reader, 0);
  WAIT_UNTIL (gtk_widget_get_mapped (gtk_widget_get_first_child (GTK_WIDGET (gutter))));

  app_test_close_window (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/Lectern/Transcripts/reader", test_transcript);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-transcripts-test", add_tests);
}
