/* test-analysis-views.c — the matrix, co-occurrence, word list and chart
 * widgets, each alone in a plain window over a small coded project: the
 * numbers they show against counts made here from the passages the test
 * wrote, a click on a cell listing exactly its passages, and a passage
 * coded while a table is open showing up without a reload.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "app-test-harness.h"
#include "lectern-chart-view.h"
#include "lectern-cooccurrence-view.h"
#include "lectern-matrix-view.h"
#include "lectern-words-view.h"

#define TEXT_EAST_1 \
  "The treaty was signed in spring. zephyr zephyr zephyr zephyr. The treaty holds.\n" \
  "zephyr zephyr zephyr zephyr and the talks went on.\n"
#define TEXT_WEST \
  "The treaty was signed in spring. The talks went on and the treaty holds.\n"
#define TEXT_EAST_2 \
  "The talks went on for a week.\n"

typedef struct
{
  gint64 document;
  glong  start, end;
  int    tags[2];   /* indices into Fixture.tags; -1: none */
} Planned;

typedef struct
{
  GFile          *file;
  LecternProject *project;
  gint64          docs[3];
  const char     *texts[3];
  gint64          tags[3];   /* Claims, Claims/NATO, Tone */
  GArray         *passages;  /* Planned, as written */
} Fixture;

static gint64
add_document (LecternProject *project,
              const char     *title,
              const char     *group,
              const char     *text)
{
  g_autoptr(LecternDocument) doc = lectern_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lectern_document_set_title (doc, title);
  lectern_document_set_language (doc, "en");
  lectern_document_set_variable (doc, "group", group);
  id = lectern_project_add_document (project, doc, text, &error);
  g_assert_no_error (error);
  return id;
}

static void
code (Fixture *f,
      guint    doc,
      glong    start,
      glong    end,
      int      tag_a,
      int      tag_b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) a = NULL;
  gint64 ids[2];
  guint n = 0;
  Planned planned = { f->docs[doc], start, end, { tag_a, tag_b } };

  if (tag_a >= 0)
    ids[n++] = f->tags[tag_a];
  if (tag_b >= 0)
    ids[n++] = f->tags[tag_b];
  a = lectern_project_add_annotation (f->project, f->docs[doc], start, end, ids, n, NULL, &error);
  g_assert_no_error (error);
  g_array_append_val (f->passages, planned);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("analysis-%u.lectern", ++serial);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  const char *paths[] = { "Claims", "Claims/NATO", "Tone" };
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  f->file = g_file_new_for_path (path);
  f->project = lectern_project_create (f->file, &error);
  g_assert_no_error (error);
  f->passages = g_array_new (FALSE, FALSE, sizeof (Planned));

  f->texts[0] = TEXT_EAST_1;
  f->texts[1] = TEXT_WEST;
  f->texts[2] = TEXT_EAST_2;
  f->docs[0] = add_document (f->project, "East one", "east", TEXT_EAST_1);
  f->docs[1] = add_document (f->project, "West", "west", TEXT_WEST);
  f->docs[2] = add_document (f->project, "East two", "east", TEXT_EAST_2);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(LecternTag) tag = lectern_project_ensure_tag_path (f->project, paths[i], &error);

      g_assert_no_error (error);
      f->tags[i] = lectern_tag_get_id (tag);
    }

  code (f, 0, 0, 20, 1, -1);    /* NATO */
  code (f, 0, 10, 30, 2, -1);   /* Tone, overlapping the NATO passage over [10, 20) */
  code (f, 0, 40, 50, 1, 2);    /* both */
  code (f, 0, 45, 60, 0, -1);   /* Claims, overlapping the one before */
  code (f, 1, 4, 10, 1, -1);
  code (f, 1, 20, 40, 2, -1);
  code (f, 2, 0, 9, 2, -1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  g_clear_object (&f->file);
  g_clear_pointer (&f->passages, g_array_unref);
}

static gboolean
has_tag (const Planned *p,
         int            tag)
{
  return p->tags[0] == tag || p->tags[1] == tag;
}

/* Passages carrying @tag in the documents @docs holds (-1 ends it). */
static guint
expected_passages (Fixture   *f,
                   int        tag,
                   const int *docs)
{
  guint n = 0;

  for (guint i = 0; i < f->passages->len; i++)
    {
      const Planned *p = &g_array_index (f->passages, Planned, i);

      for (guint d = 0; docs[d] >= 0; d++)
        if (p->document == f->docs[docs[d]] && has_tag (p, tag))
          n++;
    }
  return n;
}

/* Characters of document @doc under passages of @tag, overlaps once. */
static guint
expected_chars (Fixture *f,
                int      tag,
                guint    doc)
{
  glong length = g_utf8_strlen (f->texts[doc], -1);
  g_autofree gboolean *covered = g_new0 (gboolean, length);
  guint n = 0;

  for (guint i = 0; i < f->passages->len; i++)
    {
      const Planned *p = &g_array_index (f->passages, Planned, i);

      if (p->document == f->docs[doc] && has_tag (p, tag))
        for (glong c = p->start; c < p->end; c++)
          covered[c] = TRUE;
    }
  for (glong c = 0; c < length; c++)
    n += covered[c];
  return n;
}

static guint
find_index (GArray *ids,
            gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  g_assert_not_reached ();
}

static guint
find_label (GPtrArray  *labels,
            const char *label)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (g_ptr_array_index (labels, i), label) == 0)
      return i;
  g_assert_not_reached ();
}

static GtkWindow *
host (GtkWidget *widget)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  return window;
}

static void
assert_cell (LecternHeatTable *table,
             guint             row,
             guint             column,
             guint             expected)
{
  g_autofree char *text = lectern_heat_table_dup_cell_text (table, row, column);
  g_autofree char *want = g_strdup_printf ("%u", expected);

  g_assert_cmpstr (text, ==, want);
}

typedef struct
{
  gint64 document;
  glong  start, end;
  guint  count;
} Opened;

static void
open_passage_cb (GtkWidget *widget,
                 gint64     document,
                 glong      start,
                 glong      end,
                 Opened    *opened)
{
  opened->document = document;
  opened->start = start;
  opened->end = end;
  opened->count++;
}

static gboolean
cell_is (LecternHeatTable *table,
         guint             row,
         guint             column,
         guint             expected)
{
  g_autofree char *text = NULL;
  g_autofree char *want = g_strdup_printf ("%u", expected);
  const LecternMatrix *matrix = lectern_heat_table_get_matrix (table);

  if (matrix == NULL || row >= matrix->n_rows || column >= matrix->n_columns)
    return FALSE;
  text = lectern_heat_table_dup_cell_text (table, row, column);
  return g_strcmp0 (text, want) == 0;
}

/* The button the table shows for a cell, as a person clicks it. */
static GtkWidget *
find_cell (GtkWidget *widget,
           guint      row,
           guint      column)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "heat-cell")
          && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "heat-row")) == row
          && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "heat-column")) == column)
        return child;
      if ((found = find_cell (child, row, column)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_matrix (Fixture       *f,
             gconstpointer  data)
{
  LecternMatrixView *view = LECTERN_MATRIX_VIEW (lectern_matrix_view_new ());
  GtkWindow *window = host (GTK_WIDGET (view));
  LecternHeatTable *table = lectern_matrix_view_get_table (view);
  LecternPassagePopover *popover = lectern_matrix_view_get_popover (view);
  const LecternMatrix *matrix;
  Opened opened = { 0 };
  GPtrArray *listed;
  guint row, column, nato_row, east, west;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternAnnotation) added = NULL;

  g_signal_connect (view, "passage-activated", G_CALLBACK (open_passage_cb), &opened);
  lectern_matrix_view_set_project (view, f->project);
  WAIT_UNTIL (!lectern_matrix_view_get_busy (view) && lectern_heat_table_get_matrix (table) != NULL);
  matrix = lectern_heat_table_get_matrix (table);
  g_assert_cmpuint (matrix->n_rows, ==, 3);
  g_assert_cmpuint (matrix->n_columns, ==, 3);

  /* Every (code, document) cell: its passages, counted here. */
  for (int t = 0; t < 3; t++)
    for (guint d = 0; d < 3; d++)
      {
        int docs[] = { d, -1 };

        row = find_index (matrix->row_ids, f->tags[t]);
        column = find_index (matrix->column_ids, f->docs[d]);
        assert_cell (table, row, column, expected_passages (f, t, docs));
      }
  /* Columns are named as a person knows the documents. */
  g_assert_cmpstr (g_ptr_array_index (matrix->column_labels, find_index (matrix->column_ids, f->docs[1])),
                   ==, "West");
  /* The row total of Tone: all its passages. */
  row = find_index (matrix->row_ids, f->tags[2]);
  {
    int all[] = { 0, 1, 2, -1 };
    assert_cell (table, row, matrix->n_columns, expected_passages (f, 2, all));
  }

  /* A click on (NATO, East one) lists exactly that cell's passages. */
  nato_row = find_index (matrix->row_ids, f->tags[1]);
  column = find_index (matrix->column_ids, f->docs[0]);
  WAIT_UNTIL (find_cell (GTK_WIDGET (table), nato_row, column) != NULL);
  g_signal_emit_by_name (find_cell (GTK_WIDGET (table), nato_row, column), "clicked");
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (popover)));
  listed = lectern_passage_popover_get_passages (popover);
  g_assert_nonnull (listed);
  {
    int docs[] = { 0, -1 };
    g_assert_cmpuint (listed->len, ==, expected_passages (f, 1, docs));
  }
  for (guint i = 0; i < listed->len; i++)
    {
      LecternRetrieved *r = g_ptr_array_index (listed, i);
      gboolean found = FALSE;

      g_assert_cmpint (r->document_id, ==, f->docs[0]);
      for (guint j = 0; j < f->passages->len; j++)
        {
          const Planned *p = &g_array_index (f->passages, Planned, j);
          found |= p->document == r->document_id && p->start == r->start && p->end == r->end && has_tag (p, 1);
        }
      g_assert_true (found);
    }
  /* Activating one asks for it in the reader. */
  lectern_passage_popover_activate (popover, 0);
  g_assert_cmpuint (opened.count, ==, 1);
  g_assert_cmpint (opened.document, ==, f->docs[0]);
  g_assert_cmpint (opened.start, ==, ((LecternRetrieved *) g_ptr_array_index (listed, 0))->start);

  /* Coding a passage changes the cell without any reload. */
  {
    int docs[] = { 2, -1 };
    gint64 nato = f->tags[1];
    guint before = expected_passages (f, 1, docs);

    column = find_index (matrix->column_ids, f->docs[2]);
    assert_cell (table, nato_row, column, before);
    added = lectern_project_add_annotation (f->project, f->docs[2], 10, 15, &nato, 1, NULL, &error);
    g_assert_no_error (error);
    WAIT_UNTIL (cell_is (table, nato_row, column, before + 1));
    {
      Planned p = { f->docs[2], 10, 15, { 1, -1 } };
      g_array_append_val (f->passages, p);
    }
  }

  /* Columns by the variable "group": east holds two documents. */
  g_assert_true (lectern_matrix_view_set_columns (view, "group"));
  WAIT_UNTIL (!lectern_matrix_view_get_busy (view)
              && lectern_heat_table_get_matrix (table) != NULL
              && lectern_heat_table_get_matrix (table)->n_columns == 2);
  matrix = lectern_heat_table_get_matrix (table);
  east = find_label (matrix->column_labels, "east");
  west = find_label (matrix->column_labels, "west");
  for (int t = 0; t < 3; t++)
    {
      int east_docs[] = { 0, 2, -1 };
      int west_docs[] = { 1, -1 };

      row = find_index (matrix->row_ids, f->tags[t]);
      assert_cell (table, row, east, expected_passages (f, t, east_docs));
      assert_cell (table, row, west, expected_passages (f, t, west_docs));
    }
  /* A click on a variable's column lists the passages of its documents. */
  row = find_index (matrix->row_ids, f->tags[2]);
  lectern_heat_table_activate_cell (table, row, east);
  {
    int east_docs[] = { 0, 2, -1 };
    g_assert_cmpuint (lectern_passage_popover_get_passages (popover)->len, ==, expected_passages (f, 2, east_docs));
  }

  /* Characters coded, per document. */
  g_assert_true (lectern_matrix_view_set_columns (view, NULL));
  lectern_matrix_view_set_value (view, LECTERN_MATRIX_VALUE_CHARS);
  WAIT_UNTIL (!lectern_matrix_view_get_busy (view)
              && lectern_heat_table_get_matrix (table) != NULL
              && lectern_heat_table_get_matrix (table)->n_columns == 3);
  matrix = lectern_heat_table_get_matrix (table);
  for (int t = 0; t < 3; t++)
    for (guint d = 0; d < 3; d++)
      assert_cell (table, find_index (matrix->row_ids, f->tags[t]), find_index (matrix->column_ids, f->docs[d]),
                   expected_chars (f, t, d));

  /* Columns per speaker: the first document as an interview, Ann's turn
   * over [0, 35) and Bob's over [35, end); a passage counts for the
   * speaker whose turn holds it. */
  {
    g_autoptr(GArray) turns = lectern_structure_new ();
    guint ann, bob;

    lectern_structure_add (turns, 0, 35, LECTERN_STRUCTURE_KIND_TURN, "Ann");
    lectern_structure_add (turns, 35, g_utf8_strlen (TEXT_EAST_1, -1), LECTERN_STRUCTURE_KIND_TURN, "Bob");
    g_assert_true (lectern_project_set_document_structure (f->project, f->docs[0], turns, &error));
    g_assert_no_error (error);
    lectern_matrix_view_set_value (view, LECTERN_MATRIX_VALUE_PASSAGES);
    lectern_matrix_view_show_speakers (view);
    WAIT_UNTIL (!lectern_matrix_view_get_busy (view)
                && lectern_heat_table_get_matrix (table) != NULL
                && lectern_heat_table_get_matrix (table)->n_columns == 2);
    matrix = lectern_heat_table_get_matrix (table);
    ann = find_label (matrix->column_labels, "Ann");
    bob = find_label (matrix->column_labels, "Bob");
    /* NATO [0, 20) and Tone [10, 30) are Ann's; NATO+Tone [40, 50) and
     * Claims [45, 60) are Bob's. */
    assert_cell (table, find_index (matrix->row_ids, f->tags[1]), ann, 1);
    assert_cell (table, find_index (matrix->row_ids, f->tags[2]), ann, 1);
    assert_cell (table, find_index (matrix->row_ids, f->tags[0]), ann, 0);
    assert_cell (table, find_index (matrix->row_ids, f->tags[1]), bob, 1);
    assert_cell (table, find_index (matrix->row_ids, f->tags[2]), bob, 1);
    assert_cell (table, find_index (matrix->row_ids, f->tags[0]), bob, 1);
    /* A click on Bob's Tone cell lists that passage. */
    lectern_heat_table_activate_cell (table, find_index (matrix->row_ids, f->tags[2]), bob);
    g_assert_cmpuint (lectern_passage_popover_get_passages (popover)->len, ==, 1);
    g_assert_cmpint (((LecternRetrieved *) g_ptr_array_index (lectern_passage_popover_get_passages (popover), 0))->start,
                     ==, 40);
    g_assert_true (lectern_matrix_view_set_columns (view, NULL));
    lectern_matrix_view_set_value (view, LECTERN_MATRIX_VALUE_CHARS);
    WAIT_UNTIL (!lectern_matrix_view_get_busy (view)
                && lectern_heat_table_get_matrix (table) != NULL
                && lectern_heat_table_get_matrix (table)->n_columns == 3);
  }

  /* The table as CSV. */
  {
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "matrix.csv", NULL);
    g_autoptr(GFile) csv = g_file_new_for_path (path);
    g_autofree char *contents = NULL;

    g_assert_true (lectern_matrix_view_export_csv (view, csv, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "code,"));
    g_assert_nonnull (strstr (contents, "Claims/NATO,"));
  }

  app_test_close_window (window);
}

/* The line (paragraph) of @offset in an ASCII @text. */
static guint
line_of (const char *text,
         glong       offset)
{
  guint line = 0;

  for (glong i = 0; i < offset && text[i] != '\0'; i++)
    line += text[i] == '\n';
  return line;
}

static void
test_cooccurrence (Fixture       *f,
                   gconstpointer  data)
{
  LecternCooccurrenceView *view = LECTERN_COOCCURRENCE_VIEW (lectern_cooccurrence_view_new ());
  GtkWindow *window = host (GTK_WIDGET (view));
  LecternHeatTable *table = lectern_cooccurrence_view_get_table (view);
  LecternPassagePopover *popover = lectern_cooccurrence_view_get_popover (view);
  const LecternMatrix *matrix;
  GPtrArray *listed;
  Opened opened = { 0 };
  guint pairs = 0, row, column;
  gboolean found = FALSE;

  g_signal_connect (view, "passage-activated", G_CALLBACK (open_passage_cb), &opened);
  lectern_cooccurrence_view_set_project (view, f->project);
  WAIT_UNTIL (!lectern_cooccurrence_view_get_busy (view) && lectern_heat_table_get_matrix (table) != NULL);
  matrix = lectern_heat_table_get_matrix (table);

  /* NATO × Tone: distinct passages, one of each, overlapping. */
  for (guint i = 0; i < f->passages->len; i++)
    for (guint j = i + 1; j < f->passages->len; j++)
      {
        const Planned *p = &g_array_index (f->passages, Planned, i);
        const Planned *q = &g_array_index (f->passages, Planned, j);

        if (p->document == q->document && MAX (p->start, q->start) < MIN (p->end, q->end)
            && ((has_tag (p, 1) && has_tag (q, 2)) || (has_tag (p, 2) && has_tag (q, 1))))
          pairs++;
      }
  g_assert_cmpuint (pairs, >, 0);
  row = find_index (matrix->row_ids, f->tags[1]);
  column = find_index (matrix->column_ids, f->tags[2]);
  assert_cell (table, row, column, pairs);

  /* The click shows the text where they meet: [10, 20) of East one. */
  lectern_heat_table_activate_cell (table, row, column);
  listed = lectern_passage_popover_get_passages (popover);
  g_assert_cmpuint (listed->len, ==, pairs);
  for (guint i = 0; i < listed->len; i++)
    {
      LecternRetrieved *r = g_ptr_array_index (listed, i);

      if (r->start == 10 && r->end == 20)
        {
          g_autofree char *want = g_utf8_substring (TEXT_EAST_1, 10, 20);

          g_assert_cmpstr (r->quote, ==, want);
          found = TRUE;
          lectern_passage_popover_activate (popover, i);
          break;
        }
    }
  g_assert_true (found);
  g_assert_cmpuint (opened.count, ==, 1);
  g_assert_cmpint (opened.document, ==, f->docs[0]);
  g_assert_cmpint (opened.start, ==, 10);

  /* Same paragraph: the texts' lines, counted here. */
  pairs = 0;
  for (guint i = 0; i < f->passages->len; i++)
    for (guint j = i + 1; j < f->passages->len; j++)
      {
        const Planned *p = &g_array_index (f->passages, Planned, i);
        const Planned *q = &g_array_index (f->passages, Planned, j);
        const char *text = NULL;

        for (guint d = 0; d < 3; d++)
          if (f->docs[d] == p->document)
            text = f->texts[d];
        if (p->document == q->document
            && line_of (text, p->start) <= line_of (text, q->end - 1)
            && line_of (text, q->start) <= line_of (text, p->end - 1)
            && ((has_tag (p, 1) && has_tag (q, 2)) || (has_tag (p, 2) && has_tag (q, 1))))
          pairs++;
      }
  lectern_cooccurrence_view_set_within (view, LECTERN_COOCCURRENCE_PARAGRAPH);
  WAIT_UNTIL (!lectern_cooccurrence_view_get_busy (view) && cell_is (table, row, column, pairs));
  lectern_heat_table_activate_cell (table, row, column);
  g_assert_cmpuint (lectern_passage_popover_get_passages (popover)->len, ==, pairs);

  app_test_close_window (window);
}

/* The first @type in @widget, leaving out popovers (a dropdown's list
 * has a search entry of its own). */
static GtkWidget *
find_shown (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_shown (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_word (LecternWordsView *view,
          const char       *word)
{
  for (guint i = 0; i < lectern_words_view_get_n_rows (view); i++)
    {
      g_autofree char *w = lectern_words_view_dup_cell_text (view, i, 0);

      if (g_strcmp0 (w, word) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_words (Fixture       *f,
            gconstpointer  data)
{
  LecternWordsView *view = LECTERN_WORDS_VIEW (lectern_words_view_new ());
  GtkWindow *window = host (GTK_WIDGET (view));
  g_autofree char *word = NULL;
  g_autofree char *count = NULL;
  g_autofree char *want = NULL;
  GtkWidget *search, *stop;
  guint planted = 0;

  for (guint d = 0; d < 3; d++)
    for (const char *p = strstr (f->texts[d], "zephyr"); p != NULL; p = strstr (p + 1, "zephyr"))
      planted++;
  want = g_strdup_printf ("%u", planted);

  lectern_words_view_set_project (view, f->project);
  WAIT_UNTIL (!lectern_words_view_get_busy (view) && lectern_words_view_get_n_rows (view) > 0);
  /* The planted word is the most frequent once stop words are hidden. */
  word = lectern_words_view_dup_cell_text (view, 0, 0);
  count = lectern_words_view_dup_cell_text (view, 0, 1);
  g_assert_cmpstr (word, ==, "zephyr");
  g_assert_cmpstr (count, ==, want);
  for (guint i = 0; i < lectern_words_view_get_n_rows (view); i++)
    {
      g_autofree char *w = lectern_words_view_dup_cell_text (view, i, 0);
      g_assert_cmpstr (w, !=, "the");
    }

  /* The search field finds a word as typed, capitals and all. */
  search = find_shown (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "Trea");
  WAIT_UNTIL (lectern_words_view_get_n_rows (view) == 1);
  g_clear_pointer (&word, g_free);
  word = lectern_words_view_dup_cell_text (view, 0, 0);
  g_assert_cmpstr (word, ==, "treaty");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  WAIT_UNTIL (lectern_words_view_get_n_rows (view) > 1);

  /* Stop words shown on request. */
  stop = find_shown (GTK_WIDGET (view), GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (stop), TRUE);
  WAIT_UNTIL (!lectern_words_view_get_busy (view) && has_word (view, "the"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (stop), FALSE);
  WAIT_UNTIL (!lectern_words_view_get_busy (view) && !has_word (view, "the"));

  /* Keyness, east against west: the planted word first. */
  lectern_words_view_set_mode (view, LECTERN_WORDS_KEYNESS);
  g_assert_true (lectern_words_view_choose_set (view, LECTERN_WORDS_SET_A, "group = east"));
  g_assert_true (lectern_words_view_choose_set (view, LECTERN_WORDS_SET_B, "group = west"));
  WAIT_UNTIL (!lectern_words_view_get_busy (view) && lectern_words_view_get_n_rows (view) > 0);
  g_clear_pointer (&word, g_free);
  g_clear_pointer (&count, g_free);
  word = lectern_words_view_dup_cell_text (view, 0, 0);
  count = lectern_words_view_dup_cell_text (view, 0, 1);
  g_assert_cmpstr (word, ==, "zephyr");
  g_assert_cmpstr (count, ==, want);

  /* Against the rest of the corpus: west is all that is left. */
  g_assert_true (lectern_words_view_choose_set (view, LECTERN_WORDS_SET_B, "All other documents"));
  WAIT_UNTIL (!lectern_words_view_get_busy (view) && lectern_words_view_get_n_rows (view) > 0);
  g_clear_pointer (&word, g_free);
  g_clear_pointer (&count, g_free);
  word = lectern_words_view_dup_cell_text (view, 0, 0);
  count = lectern_words_view_dup_cell_text (view, 0, 2);   /* B: none in west */
  g_assert_cmpstr (word, ==, "zephyr");
  g_assert_cmpstr (count, ==, "0");

  /* Sets of documents chosen one by one: East one against West. */
  g_assert_true (lectern_words_view_choose_documents (view, LECTERN_WORDS_SET_A, &f->docs[0], 1));
  g_assert_true (lectern_words_view_choose_documents (view, LECTERN_WORDS_SET_B, &f->docs[1], 1));
  WAIT_UNTIL (!lectern_words_view_get_busy (view) && lectern_words_view_get_n_rows (view) > 0);
  g_clear_pointer (&word, g_free);
  g_clear_pointer (&count, g_free);
  word = lectern_words_view_dup_cell_text (view, 0, 0);
  count = lectern_words_view_dup_cell_text (view, 0, 1);
  g_assert_cmpstr (word, ==, "zephyr");
  g_assert_cmpstr (count, ==, want);
  /* "talks": once in East one, once in West, and East two is left out. */
  for (guint i = 0; i < lectern_words_view_get_n_rows (view); i++)
    {
      g_autofree char *w = lectern_words_view_dup_cell_text (view, i, 0);

      if (g_strcmp0 (w, "talks") == 0)
        {
          g_autofree char *a = lectern_words_view_dup_cell_text (view, i, 1);
          g_autofree char *b = lectern_words_view_dup_cell_text (view, i, 2);

          g_assert_cmpstr (a, ==, "1");
          g_assert_cmpstr (b, ==, "1");
        }
    }

  app_test_close_window (window);
}

static void
test_chart (Fixture       *f,
            gconstpointer  data)
{
  LecternChartView *view = LECTERN_CHART_VIEW (lectern_chart_view_new ());
  GtkWindow *window = host (GTK_WIDGET (view));
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "chart.svg", NULL);
  g_autoptr(GFile) svg = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  lectern_chart_view_set_project (view, f->project);
  WAIT_UNTIL (!lectern_chart_view_get_busy (view) && lectern_chart_view_get_matrix (view) != NULL);
  g_assert_true (lectern_chart_view_export (view, svg, LECTERN_CHART_SVG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml") || strstr (contents, "<svg") != NULL);
  g_assert_nonnull (strstr (contents, "NATO"));
  g_assert_nonnull (strstr (contents, "Tone"));

  app_test_close_window (window);
}

static void
add_tests (void)
{
  g_test_add ("/Lectern/AnalysisViews/matrix", Fixture, NULL, fixture_set_up, test_matrix, fixture_tear_down);
  g_test_add ("/Lectern/AnalysisViews/cooccurrence", Fixture, NULL, fixture_set_up, test_cooccurrence,
              fixture_tear_down);
  g_test_add ("/Lectern/AnalysisViews/words", Fixture, NULL, fixture_set_up, test_words, fixture_tear_down);
  g_test_add ("/Lectern/AnalysisViews/chart", Fixture, NULL, fixture_set_up, test_chart, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  return app_test_main (&argc, &argv, "lectern-analysis-views-test", add_tests);
}
