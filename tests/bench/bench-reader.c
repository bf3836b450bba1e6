/* bench-reader.c — time to open a long document and draw its first frame,
 * in Lectern's reader text view with its highlights, or in a plain
 * GtkTextView showing the same text (the reference).
 *
 *   bench-reader plain FILE
 *   bench-reader reader FILE ANNOTATIONS.TSV NAME
 *
 * NAME picks the rows of ANNOTATIONS.TSV (FILE START END TAG NOTE) that
 * become highlights. Prints open_ms (from setting the text to the end of
 * the first frame drawn, as GdkFrameClock's after-paint reports it),
 * first_frame_us (CLOCK_MONOTONIC, for cold-start timing by the caller)
 * and rss_kb. Run under Xvfb with GSK_RENDERER=cairo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "lectern-reader-text.h"

static gint64 t_open;
static gboolean done;
static guint n_highlights;

static glong
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? atol (line + strlen ("VmRSS:")) : -1;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 t = g_get_monotonic_time ();

  if (done)
    return;
  done = TRUE;
  g_print ("open_ms=%.1f first_frame_us=%" G_GINT64_FORMAT " rss_kb=%ld highlights=%u\n",
           (t - t_open) / 1000.0, t, rss_kb (), n_highlights);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
}

static void
realize_cb (GtkWidget *window,
            gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static GArray *
load_highlights (const char *tsv_path,
                 const char *name)
{
  static const char * const palette[] = {
    "#e01b24", "#33d17a", "#3584e4", "#f6d32d", "#9141ac", "#ff7800", "#986a44",
  };
  GArray *highlights = g_array_new (FALSE, TRUE, sizeof (LecternHighlight));
  g_autoptr(GError) error = NULL;
  g_autofree char *tsv = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (tsv_path, &tsv, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (tsv, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 5);
      LecternHighlight h = { 0, };

      if (g_strv_length (f) < 4 || !g_str_equal (f[0], name))
        continue;
      h.annotation_id = i + 1;
      h.start = atol (f[1]);
      h.end = atol (f[2]);
      h.n_colours = 1 + i % 2;
      for (guint c = 0; c < h.n_colours; c++)
        {
          guint k = (g_str_hash (f[3]) + c) % G_N_ELEMENTS (palette);

          gdk_rgba_parse (&h.colours[c], palette[k]);
          /* One code per colour, so the margin's coding stripes are drawn. */
          h.tag_ids[c] = k + 1;
        }
      g_array_append_val (highlights, h);
    }
  return highlights;
}

static void
quit_when_done (gpointer user_data)
{
  g_main_loop_quit (user_data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) highlights = NULL;
  gboolean reader;
  GtkWidget *window, *scrolled, *view;
  gsize len;

  if (argc < 3 || (!g_str_equal (argv[1], "plain") && !(g_str_equal (argv[1], "reader") && argc == 5)))
    {
      g_printerr ("usage: %s plain FILE | reader FILE ANNOTATIONS.TSV NAME\n", argv[0]);
      return 2;
    }
  reader = g_str_equal (argv[1], "reader");
  gtk_init ();
  if (!g_file_get_contents (argv[2], &text, &len, &error))
    g_error ("%s", error->message);
  if (reader)
    highlights = load_highlights (argv[3], argv[4]);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  scrolled = gtk_scrolled_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), scrolled);

  /* Timing starts when the text is handed to the view. */
  t_open = g_get_monotonic_time ();
  view = reader ? lectern_reader_text_new () : gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, (int) len);
  if (reader)
    {
      n_highlights = highlights->len;
      lectern_reader_text_set_highlights (LECTERN_READER_TEXT (view), highlights);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_present (GTK_WINDOW (window));

  loop = g_main_loop_new (NULL, FALSE);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  /* Let the frame finish before tearing down. */
  g_idle_add_once (quit_when_done, loop);
  g_main_loop_run (loop);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
