/* lectern-app-driver.c — the real Lectern app making a random stream of
 * edits on one project, for test-app-kill.py, which SIGKILLs it.
 *
 *   lectern-app-driver --project FILE --seed N --run N
 *                      [--import FILE]... [--import-first] [--edits N]
 *
 * It opens FILE the way `lectern FILE` does (g_application_open on a real
 * LecternApplication), then edits through the real widgets and actions, as
 * tests/app/test-window.c does:
 *   - tags a passage: selects it in the reader's buffer, activates
 *     win.tag-selection (Ctrl+T), types an existing tag's path into the tag
 *     picker and activates its row, or types a new path and presses Enter
 *     on "Create …";
 *   - writes a note in the annotation list's note editor, saved on close;
 *   - creates a tag through win.new-tag (Ctrl+Shift+T) and its dialog;
 *   - renames a tag: selects it in the codebook, codebook.rename (F2) and
 *     its dialog;
 *   - imports files through lectern_window_import_files, the route of
 *     Ctrl+I's file chooser and of a drop on the window (the chooser itself
 *     is a portal/native dialog a test cannot answer);
 *   - switches document through the library's "document-activated".
 *
 * Each change is reported on stdout, one flushed line, only once it is
 * committed AND shown: the passage in the annotation list's model, the tag
 * in the codebook's tree model, the document in the library's model. Fields
 * are tab-separated and escaped as lectern-cli escapes them:
 *   ready
 *   begin OP ARGS...            (an edit starts; may be cut off)
 *   tag ID PATH                 (a tag was created)
 *   annotation ID DOC START END TAG_ID
 *   note ANNOTATION_ID TEXT
 *   rename TAG_ID NEW_PATH
 *   import DOC_ID TITLE FILE
 *   switch DOC_ID
 *   done                        (--edits reached; the window closes, exit 0)
 * Anything that goes wrong is printed on stderr and the exit status is 1;
 * warnings and criticals are fatal, as in the UI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "lectern-application.h"
#include "lectern-import.h"
#include "lectern-note-popover.h"
#include "lectern-window-private.h"

typedef struct
{
  LecternApplication *app;
  LecternWindow      *window;
  GRand              *rand;
  guint               run;
  guint               serial;
  GPtrArray          *imports;      /* char *: files not imported yet */
  gint64              timeout_us;
} Driver;

static Driver d;

static void G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "lectern-app-driver: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, "\n");
  va_end (args);
  exit (1);
}

/* Keeps the main loop turning while the driver waits for a condition. */
static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

#define WAIT_UNTIL(cond)                                                     \
  G_STMT_START {                                                             \
    gint64 _deadline = g_get_monotonic_time () + d.timeout_us;               \
    while (!(cond))                                                          \
      {                                                                      \
        if (g_get_monotonic_time () > _deadline)                             \
          fail ("timed out waiting for %s", #cond);                          \
        g_main_context_iteration (NULL, TRUE);                               \
      }                                                                      \
  } G_STMT_END

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ------------------------------------------------------------------ */
/* Reports                                                             */

static void
add_field (GString    *line,
           const char *field)
{
  if (line->len > 0)
    g_string_append_c (line, '\t');
  for (const char *p = field; *p; p++)
    switch (*p)
      {
      case '\t': g_string_append (line, "\\t"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\\': g_string_append (line, "\\\\"); break;
      default: g_string_append_c (line, *p);
      }
}

/* Prints one record: NULL-terminated string fields, escaped. */
static void
report (const char *first,
        ...)
{
  g_autoptr(GString) line = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *f = first; f != NULL; f = va_arg (args, const char *))
    add_field (line, f);
  va_end (args);
  g_string_append_c (line, '\n');
  fputs (line->str, stdout);
  fflush (stdout);
}

static char *
id_str (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* ------------------------------------------------------------------ */
/* Looking into the window's widgets                                   */

static GtkWidget *
find_descendant (GtkWidget *root,
                 gboolean (*match) (GtkWidget *))
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child))
        return child;
      if ((found = find_descendant (child, match)))
        return found;
    }
  return NULL;
}

static gboolean
is_tree_list_view (GtkWidget *widget)
{
  /* The codebook's tree is its list view with a single selection; the
   * passages list has none. */
  return GTK_IS_LIST_VIEW (widget) &&
         GTK_IS_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (widget)));
}

static gboolean
is_list_box (GtkWidget *widget)
{
  return GTK_IS_LIST_BOX (widget);
}

static gboolean
is_label (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget);
}

/* The codebook's tree, as the list view shows it. (transfer none) */
static GListModel *
codebook_rows (void)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (d.window->codebook_view), is_tree_list_view);

  if (view == NULL)
    fail ("the codebook has no tree list view");
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
}

/* The tag of the codebook row showing @tag_id, or NULL. (transfer full) */
static LecternTag *
codebook_tag (gint64 tag_id)
{
  GListModel *rows = codebook_rows ();

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(LecternTag) tag = gtk_tree_list_row_get_item (row);

      if (lectern_tag_get_id (tag) == tag_id)
        return g_steal_pointer (&tag);
    }
  return NULL;
}

static gboolean
codebook_shows (gint64      tag_id,
                const char *path)
{
  g_autoptr(LecternTag) tag = codebook_tag (tag_id);

  return tag != NULL && g_strcmp0 (lectern_tag_get_path (tag), path) == 0;
}

/* Tags of the codebook, leaves only when @leaves. (transfer full) */
static GPtrArray *
codebook_tags (gboolean leaves)
{
  GListModel *rows = codebook_rows ();
  GPtrArray *tags = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);

      if (!leaves || !gtk_tree_list_row_is_expandable (row))
        g_ptr_array_add (tags, gtk_tree_list_row_get_item (row));
    }
  return tags;
}

/* The annotation list's row for @annotation_id, or NULL. (transfer full) */
static LecternAnnotation *
listed_annotation (gint64 annotation_id)
{
  GListModel *model = lectern_annotation_list_get_model (d.window->annotation_list);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (model, i);

      if (lectern_annotation_get_id (a) == annotation_id)
        return g_steal_pointer (&a);
    }
  return NULL;
}

/* The listed annotation with exactly this range, or NULL. (transfer full) */
static LecternAnnotation *
listed_at (glong start,
           glong end)
{
  GListModel *model = lectern_annotation_list_get_model (d.window->annotation_list);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LecternAnnotation) a = g_list_model_get_item (model, i);

      if (lectern_annotation_get_start (a) == start && lectern_annotation_get_end (a) == end)
        return g_steal_pointer (&a);
    }
  return NULL;
}

static gboolean
listed_with_tag (glong  start,
                 glong  end,
                 gint64 tag_id)
{
  g_autoptr(LecternAnnotation) a = listed_at (start, end);

  return a != NULL && (tag_id == 0 || lectern_annotation_has_tag (a, tag_id));
}

static gboolean
listed_with_note (gint64      annotation_id,
                  const char *note)
{
  g_autoptr(LecternAnnotation) a = listed_annotation (annotation_id);
  const char *shown = a ? lectern_annotation_get_note (a) : NULL;

  return a != NULL && g_strcmp0 (shown ? shown : "", note) == 0;
}

static LecternDocument *
library_document (gint64 document_id)
{
  GListModel *model = lectern_library_view_get_model (d.window->library_view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (model, i);

      if (lectern_document_get_id (doc) == document_id)
        return g_steal_pointer (&doc);
    }
  return NULL;
}

static gboolean
library_shows (gint64 document_id)
{
  g_autoptr(LecternDocument) doc = library_document (document_id);

  return doc != NULL;
}

static GtkTextBuffer *
reader_buffer (void)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (lectern_reader_view_get_text_view (d.window->reader_view)));
}

/* Types @text into a name dialog's entry and answers @response, as the
 * tests/app codebook test does. */
static void
answer_dialog (AdwMessageDialog *dialog,
               const char       *text,
               const char       *response)
{
  if (dialog == NULL)
    fail ("the codebook opened no dialog");
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), text);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
}

/* A name of fixed width, so that the picker's prefix search never finds
 * one name in another, unique across runs. */
static char *
new_name (char letter)
{
  return g_strdup_printf ("%c%04un%04u", letter, d.run, ++d.serial);
}

/* ------------------------------------------------------------------ */
/* Edits                                                               */

/* A random range of whole words in the document shown, not the range of
 * a passage already there (tagging that would add a tag to it). */
static gboolean
pick_range (glong *start,
            glong *end)
{
  GtkTextBuffer *buffer = reader_buffer ();
  int chars = gtk_text_buffer_get_char_count (buffer);

  for (int attempt = 0; attempt < 20 && chars > 2; attempt++)
    {
      GtkTextIter s, e;
      g_autoptr(LecternAnnotation) there = NULL;

      gtk_text_buffer_get_iter_at_offset (buffer, &s, g_rand_int_range (d.rand, 0, chars - 1));
      if (!gtk_text_iter_starts_word (&s) && !gtk_text_iter_backward_word_start (&s))
        continue;
      e = s;
      if (!gtk_text_iter_forward_word_ends (&e, g_rand_int_range (d.rand, 1, 12)))
        continue;
      *start = gtk_text_iter_get_offset (&s);
      *end = gtk_text_iter_get_offset (&e);
      there = listed_at (*start, *end);
      if (*end > *start && there == NULL)
        return TRUE;
    }
  return FALSE;
}

/* Ctrl+T on a selection, then the tag picker: an existing tag's row, or
 * "Create …" for a new path. */
static void
edit_tag_passage (gboolean create)
{
  LecternTagPicker *picker = lectern_reader_view_get_tag_picker (d.window->reader_view);
  g_autoptr(GPtrArray) tags = codebook_tags (TRUE);
  g_autoptr(LecternAnnotation) made = NULL;
  g_autofree char *path = NULL;
  g_autofree char *doc = id_str (d.window->document_id);
  g_autofree char *s_str = NULL;
  g_autofree char *e_str = NULL;
  gint64 tag_id = 0;
  glong start, end;

  if (d.window->document_id == 0 || !pick_range (&start, &end))
    return;
  if (tags->len == 0)
    create = TRUE;
  if (create)
    {
      g_autofree char *name = new_name ('P');
      path = g_strconcat ("Picked/", name, NULL);
    }
  else
    {
      LecternTag *tag = g_ptr_array_index (tags, g_rand_int_range (d.rand, 0, tags->len));

      tag_id = lectern_tag_get_id (tag);
      path = g_strdup (lectern_tag_get_path (tag));
    }

  s_str = g_strdup_printf ("%ld", start);
  e_str = g_strdup_printf ("%ld", end);
  report ("begin", "annotate", doc, s_str, e_str, path, NULL);

  lectern_reader_view_select_range (d.window->reader_view, start, end);
  gtk_widget_activate_action (GTK_WIDGET (d.window), "win.tag-selection", NULL);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  lectern_tag_picker_set_text (picker, path);

  if (create)
    {
      /* Only "Create …" is offered for a name no tag has. */
      if (lectern_tag_picker_get_n_rows (picker) != 1)
        fail ("the tag picker offers %u rows for the new name %s",
              lectern_tag_picker_get_n_rows (picker), path);
      if (!lectern_tag_picker_choose (picker))
        fail ("the tag picker did not create %s", path);
    }
  else
    {
      GtkWidget *list = find_descendant (GTK_WIDGET (picker), is_list_box);
      GtkListBoxRow *row = NULL;

      for (int i = 0; list && (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)); i++)
        {
          GtkWidget *label = find_descendant (GTK_WIDGET (row), is_label);

          if (label && g_str_equal (gtk_label_get_text (GTK_LABEL (label)), path))
            break;
        }
      if (row == NULL)
        fail ("the tag picker does not offer %s", path);
      /* A click on the row, or Enter once it is selected. */
      g_signal_emit_by_name (row, "activate");
    }

  WAIT_UNTIL (listed_with_tag (start, end, tag_id));
  made = listed_at (start, end);
  if (create)
    {
      guint n = 0;
      const gint64 *ids = lectern_annotation_get_tag_ids (made, &n);
      g_autofree char *id = NULL;

      if (n != 1)
        fail ("a passage tagged with the new %s has %u tags", path, n);
      tag_id = ids[0];
      WAIT_UNTIL (codebook_shows (tag_id, path));
      id = id_str (tag_id);
      report ("tag", id, path, NULL);
    }

  {
    g_autofree char *id = id_str (lectern_annotation_get_id (made));
    g_autofree char *tag = id_str (tag_id);

    report ("annotation", id, doc, s_str, e_str, tag, NULL);
  }
}

static const char *const notes[] = {
  "First mention",
  "Contradicts the earlier statement",
  "Two lines:\nsecond line",
  "Tab\tinside and a backslash \\ too",
  "Négociations à Genève — « sécurité »",
  "",
};

/* The annotation list's note editor, saved when it closes. */
static void
edit_note (void)
{
  GListModel *model = lectern_annotation_list_get_model (d.window->annotation_list);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(LecternAnnotation) a = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  GtkPopover *popover;
  gint64 annotation_id;
  const char *old;

  if (n == 0)
    return;
  a = g_list_model_get_item (model, g_rand_int_range (d.rand, 0, n));
  annotation_id = lectern_annotation_get_id (a);
  old = lectern_annotation_get_note (a);
  text = g_strdup (notes[g_rand_int_range (d.rand, 0, G_N_ELEMENTS (notes))]);
  if (text[0] != '\0')
    {
      g_autofree char *base = g_steal_pointer (&text);
      text = g_strdup_printf ("%s (%u.%u)", base, d.run, ++d.serial);
    }
  if (g_strcmp0 (old ? old : "", text) == 0)
    return;

  id = id_str (annotation_id);
  report ("begin", "note", id, text, NULL);
  popover = lectern_annotation_list_edit_note (d.window->annotation_list, annotation_id);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  lectern_note_popover_set_text (LECTERN_NOTE_POPOVER (popover), text);
  gtk_popover_popdown (popover);
  WAIT_UNTIL (listed_with_note (annotation_id, text));
  report ("note", id, text, NULL);
}

/* Ctrl+Shift+T: the codebook's New Tag dialog. */
static void
edit_new_tag (void)
{
  g_autofree char *name = new_name ('E');
  g_autofree char *path = g_strconcat ("Edits/", name, NULL);
  g_autofree char *id = NULL;
  gint64 tag_id;

  report ("begin", "tag", path, NULL);
  gtk_widget_activate_action (GTK_WIDGET (d.window), "win.new-tag", NULL);
  answer_dialog (lectern_codebook_view_get_dialog (d.window->codebook_view), path, "accept");
  /* The codebook selects the tag it made. */
  WAIT_UNTIL ((tag_id = lectern_codebook_view_get_selected_tag (d.window->codebook_view)) != 0 &&
              codebook_shows (tag_id, path));
  id = id_str (tag_id);
  report ("tag", id, path, NULL);
}

/* A leaf of the codebook, selected, then F2 and the Rename dialog. */
static void
edit_rename_tag (void)
{
  g_autoptr(GPtrArray) tags = codebook_tags (TRUE);
  g_autofree char *name = new_name ('R');
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  LecternTag *tag;
  gint64 parent;

  if (tags->len == 0)
    return;
  tag = g_ptr_array_index (tags, g_rand_int_range (d.rand, 0, tags->len));
  parent = lectern_tag_get_parent_id (tag);
  if (parent != 0)
    {
      g_autoptr(LecternTag) up = codebook_tag (parent);
      path = g_strconcat (lectern_tag_get_path (up), "/", name, NULL);
    }
  else
    path = g_strdup (name);

  id = id_str (lectern_tag_get_id (tag));
  report ("begin", "rename", id, path, NULL);
  adw_view_stack_set_visible_child_name (d.window->panel_stack, "codebook");
  lectern_codebook_view_select_tag (d.window->codebook_view, lectern_tag_get_id (tag));
  if (lectern_codebook_view_get_selected_tag (d.window->codebook_view) != lectern_tag_get_id (tag))
    fail ("the codebook did not select tag %s", id);
  gtk_widget_activate_action (GTK_WIDGET (d.window->codebook_view), "codebook.rename", NULL);
  answer_dialog (lectern_codebook_view_get_dialog (d.window->codebook_view), name, "accept");
  WAIT_UNTIL (codebook_shows (lectern_tag_get_id (tag), path));
  report ("rename", id, path, NULL);
}

/* One or two of the files given, as a drop on the window imports them. */
static void
edit_import (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  guint wanted = g_rand_int_range (d.rand, 1, 3);
  guint n = MIN (d.imports->len, wanted);
  GListModel *results;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      const char *path = g_ptr_array_index (d.imports, 0);

      report ("begin", "import", path, NULL);
      g_ptr_array_add (files, g_file_new_for_path (path));
      g_ptr_array_remove_index (d.imports, 0);
    }

  lectern_window_import_files (d.window, (GFile **) files->pdata, files->len);
  WAIT_UNTIL (d.window->import_results != NULL);
  results = d.window->import_results;
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(LecternImportResult) r = g_list_model_get_item (results, i);
      g_autoptr(LecternDocument) doc = NULL;
      g_autofree char *path = g_file_get_path (lectern_import_result_get_file (r));
      g_autofree char *id = NULL;
      gint64 doc_id;

      if (!lectern_import_result_get_succeeded (r))
        fail ("%s was refused: %s", path, lectern_import_result_get_error (r)->message);
      doc_id = lectern_import_result_get_document_id (r);
      WAIT_UNTIL (library_shows (doc_id));
      doc = library_document (doc_id);
      id = id_str (doc_id);
      report ("import", id, lectern_document_get_title (doc), path, NULL);
    }
}

/* A document chosen in the library. */
static void
switch_document (void)
{
  GListModel *model = lectern_library_view_get_model (d.window->library_view);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(LecternDocument) doc = NULL;
  g_autofree char *id = NULL;

  if (n < 2)
    return;
  doc = g_list_model_get_item (model, g_rand_int_range (d.rand, 0, n));
  g_signal_emit_by_name (d.window->library_view, "document-activated", lectern_document_get_id (doc));
  WAIT_UNTIL (lectern_reader_view_get_document_id (d.window->reader_view) == lectern_document_get_id (doc));
  id = id_str (lectern_document_get_id (doc));
  report ("switch", id, NULL);
}

static void
random_edit (void)
{
  int r = g_rand_int_range (d.rand, 0, 100);

  if (r < 38)
    edit_tag_passage (FALSE);
  else if (r < 48)
    edit_tag_passage (TRUE);
  else if (r < 68)
    edit_note ();
  else if (r < 78)
    edit_new_tag ();
  else if (r < 86)
    edit_rename_tag ();
  else if (r < 94)
    edit_import ();
  else
    switch_document ();
}

/* ------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *project = NULL;
  g_auto(GStrv) imports = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gint64 seed = 0;
  int run = 0, edits = -1;
  gboolean import_first = FALSE;
  const char *timeout = g_getenv ("LECTERN_DRIVER_TIMEOUT");
  GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &project, "The project to edit", "FILE" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random edits", "N" },
    { "run", 0, 0, G_OPTION_ARG_INT, &run, "Number of this run, for unique names", "N" },
    { "import", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &imports, "A file to import (repeatable)", "FILE" },
    { "import-first", 0, 0, G_OPTION_ARG_NONE, &import_first, "Import before any other edit", NULL },
    { "edits", 0, 0, G_OPTION_ARG_INT, &edits, "Close the window after N edits (default: never)", "N" },
    { NULL }
  };

  context = g_option_context_new ("— random edits in the real Lectern window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || project == NULL)
    {
      fprintf (stderr, "lectern-app-driver: %s\n", error ? error->message : "--project is required");
      return 2;
    }

  /* As g_test_init does for the UI tests: a warning is a failure. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_FATAL_MASK);

  if (!gtk_init_check ())
    {
      fprintf (stderr, "lectern-app-driver: no display (run it under Xvfb)\n");
      return 77;
    }
  /* GTK 4.8's recent manager leaks a GDateTime each time it prunes by age
   * (see tests/app/test-window.c); -1 keeps it from pruning. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-max-age", -1, NULL);

  d.timeout_us = (timeout ? g_ascii_strtoll (timeout, NULL, 10) : 60) * G_USEC_PER_SEC;
  d.rand = g_rand_new_with_seed ((guint32) seed);
  d.run = (guint) run;
  d.imports = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; imports && imports[i]; i++)
    g_ptr_array_add (d.imports, g_strdup (imports[i]));

  /* `lectern FILE`: the application's open handler makes the window. */
  d.app = lectern_application_new ("org.gnome.Lectern.AppKillTest",
                                   G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (d.app), NULL, &error))
    fail ("could not register the application: %s", error->message);
  g_timeout_add (10, tick_cb, NULL);

  file = g_file_new_for_path (project);
  g_application_open (G_APPLICATION (d.app), &file, 1, "");
  WAIT_UNTIL (gtk_application_get_windows (GTK_APPLICATION (d.app)) != NULL);
  d.window = LECTERN_WINDOW (gtk_application_get_windows (GTK_APPLICATION (d.app))->data);
  if (lectern_window_get_project (d.window) == NULL)
    fail ("%s did not open", project);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (d.window)));
  /* Popovers place themselves on the window's monitor. */
  WAIT_UNTIL (gdk_display_get_monitor_at_surface (gdk_display_get_default (),
                                                  gtk_native_get_surface (GTK_NATIVE (d.window))) != NULL);
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (lectern_reader_view_get_text_view (d.window->reader_view))) > 0);
  report ("ready", NULL);

  if (import_first)
    edit_import ();
  for (int i = 0; edits < 0 || i < edits; i++)
    {
      random_edit ();
      drain ();
    }

  /* Ctrl+W, as a person would end the session. */
  gtk_window_set_focus (GTK_WINDOW (d.window), NULL);
  drain ();
  gtk_widget_activate_action (GTK_WIDGET (d.window), "win.close", NULL);
  WAIT_UNTIL (gtk_application_get_windows (GTK_APPLICATION (d.app)) == NULL);
  drain ();
  report ("done", NULL);

  g_clear_object (&d.app);
  g_clear_pointer (&d.rand, g_rand_free);
  g_clear_pointer (&d.imports, g_ptr_array_unref);
  return 0;
}
