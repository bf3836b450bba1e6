/* lectern-library-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lectern-application.h"
#include "lectern-document-dialog.h"
#include "lectern-library-view.h"

/* The "library-sort" setting, read once and again when it changes: the
 * sorter asks for it on every comparison. */
typedef enum
{
  SORT_IMPORT,
  SORT_TITLE,
  SORT_DATE,
} SortMode;

struct _LecternLibraryView
{
  GtkWidget           parent_instance;

  GtkSearchEntry     *filter_entry;
  GtkMenuButton      *sort_button;
  GtkStack           *stack;
  GtkListView        *list_view;
  GMenuModel         *row_menu;

  GtkPopoverMenu     *context_menu;
  GListStore         *no_documents;   /* the list shown without a project: empty */
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;

  LecternDocumentList *documents;
  LecternProject      *project;
  gint64              current_id;
  /* The row the user selected, which may not be the one read: kept by
   * its id across the model's changes, which drop the selection. */
  gint64              selected_id;
  gboolean            documents_changing;
  gint64              context_id;
  char               *query;
  SortMode            sort_mode;
  GHashTable         *qualifiers;    /* id → what tells apart same titles */
  GHashTable         *bound;         /* the row boxes bound now */
};

G_DEFINE_FINAL_TYPE (LecternLibraryView, lectern_library_view, GTK_TYPE_WIDGET)

enum { DOCUMENT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

GListModel *
lectern_library_view_get_model (LecternLibraryView *self)
{
  g_return_val_if_fail (LECTERN_IS_LIBRARY_VIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

static void
update_page (LecternLibraryView *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filtered);
  guint total = all ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  gtk_stack_set_visible_child_name (self->stack,
                                    total == 0 ? "empty" : shown == 0 ? "no-match" : "list");
}

void
lectern_library_view_select_document (LecternLibraryView *self,
                                      gint64              document_id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);

  g_return_if_fail (LECTERN_IS_LIBRARY_VIEW (self));

  self->current_id = document_id;
  for (guint i = 0; i < n && document_id != 0; i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (model, i);

      if (lectern_document_get_id (doc) == document_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void set_row_text (LecternLibraryView *self, GtkWidget *box, LecternDocument *doc);

/* A document's title changes what tells apart others with its old and
 * new titles, whose rows are not rebound: relabel every row shown. */
static void
update_labels (LecternLibraryView *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filtered);
  GHashTableIter iter;
  gpointer box, item;

  g_clear_pointer (&self->qualifiers, g_hash_table_unref);
  self->qualifiers = lectern_document_qualifiers_new (all);
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &box, &item))
    if (gtk_list_item_get_item (item) != NULL)
      set_row_text (self, box, gtk_list_item_get_item (item));
}

static gboolean
select_by_id (LecternLibraryView *self,
              gint64              document_id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n && document_id != 0; i++)
    {
      g_autoptr(LecternDocument) doc = g_list_model_get_item (model, i);

      if (lectern_document_get_id (doc) == document_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
selection_changed_cb (LecternLibraryView *self)
{
  LecternDocument *doc = gtk_single_selection_get_selected_item (self->selection);

  /* A change of the list unselects its replaced rows: that is no choice. */
  if (!self->documents_changing)
    self->selected_id = doc ? lectern_document_get_id (doc) : 0;
}

/* Before the filter and the sorter see a change. */
static void
documents_changing_cb (LecternLibraryView *self)
{
  self->documents_changing = TRUE;
}

/* After the filter and the sorter have seen the change: the rows moved.
 * The row selected stays selected, else the document read. */
static void
documents_changed_cb (LecternLibraryView *self)
{
  gint64 keep = self->selected_id;

  self->documents_changing = FALSE;
  update_labels (self);
  if (keep == 0 || !select_by_id (self, keep))
    lectern_library_view_select_document (self, self->current_id);
  update_page (self);
}

void
lectern_library_view_set_documents (LecternLibraryView   *self,
                                    LecternDocumentList *documents)
{
  g_return_if_fail (LECTERN_IS_LIBRARY_VIEW (self));
  g_return_if_fail (documents == NULL || LECTERN_IS_DOCUMENT_LIST (documents));

  if (self->documents == documents)
    return;
  if (self->documents != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->documents, documents_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->documents, documents_changing_cb, self);
    }
  g_set_object (&self->documents, documents);
  g_clear_object (&self->project);
  if (documents != NULL)
    self->project = g_object_ref (lectern_document_list_get_project (documents));

  self->current_id = 0;
  self->selected_id = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  /* Connected before the filter model's handler, so that it runs first. */
  if (documents != NULL)
    g_signal_connect_object (documents, "items-changed", G_CALLBACK (documents_changing_cb),
                             self, G_CONNECT_SWAPPED);
  /* The filter model first, so that it has seen a change when we are told. */
  gtk_filter_list_model_set_model (self->filtered, documents ? G_LIST_MODEL (documents)
                                                             : G_LIST_MODEL (self->no_documents));
  if (documents != NULL)
    g_signal_connect_object (documents, "items-changed", G_CALLBACK (documents_changed_cb),
                             self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  documents_changed_cb (self);
}

void
lectern_library_view_focus_filter (LecternLibraryView *self)
{
  g_return_if_fail (LECTERN_IS_LIBRARY_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

/* ------------------------------------------------------------------ */
/* Filter and sort                                                     */

static gboolean
field_matches (const char *field,
               const char *query)
{
  g_autofree char *folded = NULL;
  g_autofree char *folded_query = NULL;

  if (field == NULL)
    return FALSE;
  /* Accent-insensitive word prefixes ("secu" finds "Sécurité")… */
  if (g_str_match_string (query, field, TRUE))
    return TRUE;
  /* …and plain substrings anywhere. */
  folded = g_utf8_casefold (field, -1);
  folded_query = g_utf8_casefold (query, -1);
  return strstr (folded, folded_query) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  LecternLibraryView *self = user_data;
  LecternDocument *doc = item;

  if (self->query == NULL || self->query[0] == '\0')
    return TRUE;
  return field_matches (lectern_document_get_title (doc), self->query) ||
         field_matches (lectern_document_get_author (doc), self->query) ||
         field_matches (lectern_document_get_source (doc), self->query) ||
         field_matches (lectern_document_get_date (doc), self->query) ||
         field_matches (lectern_document_get_original_name (doc), self->query);
}

typedef struct
{
  char *title;   /* the title the key was made from */
  char *key;
} TitleKey;

static void
title_key_free (gpointer data)
{
  TitleKey *tk = data;

  g_free (tk->title);
  g_free (tk->key);
  g_free (tk);
}

/* A collation key costs more than the comparison: made once per
 * document (and title), kept with the document. */
static const char *
title_key (LecternDocument *doc)
{
  static GQuark quark;
  const char *title = lectern_document_get_title (doc) ? lectern_document_get_title (doc) : "";
  TitleKey *tk;

  if (quark == 0)
    quark = g_quark_from_static_string ("lectern-library-title-key");
  tk = g_object_get_qdata (G_OBJECT (doc), quark);
  if (tk == NULL || !g_str_equal (tk->title, title))
    {
      tk = g_new0 (TitleKey, 1);
      tk->title = g_strdup (title);
      tk->key = g_utf8_collate_key (title, -1);
      g_object_set_qdata_full (G_OBJECT (doc), quark, tk, title_key_free);
    }
  return tk->key;
}

static int
compare_titles (LecternDocument *a,
                LecternDocument *b)
{
  return strcmp (title_key (a), title_key (b));
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  LecternLibraryView *self = user_data;
  LecternDocument *da = (LecternDocument *) a, *db = (LecternDocument *) b;
  int cmp = 0;

  if (self->sort_mode == SORT_TITLE)
    cmp = compare_titles (da, db);
  else if (self->sort_mode == SORT_DATE)
    {
      const char *x = lectern_document_get_date (da), *y = lectern_document_get_date (db);

      /* Undated documents go last. */
      if (x == NULL || y == NULL)
        cmp = (x == NULL) - (y == NULL);
      else
        cmp = strcmp (x, y);
      if (cmp == 0)
        cmp = compare_titles (da, db);
    }

  if (cmp == 0)
    cmp = (lectern_document_get_id (da) > lectern_document_get_id (db)) -
          (lectern_document_get_id (da) < lectern_document_get_id (db));
  return cmp;
}

static void
filter_changed_cb (LecternLibraryView *self)
{
  g_free (self->query);
  self->query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry))));
  /* No function, no filter: the list then passes every document through
   * without looking at each one. Either way the filter says it changed. */
  if (self->query[0] == '\0')
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  else
    gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  lectern_library_view_select_document (self, self->current_id);
  update_page (self);
}

void
lectern_library_view_set_filter_text (LecternLibraryView *self,
                                      const char         *text)
{
  g_return_if_fail (LECTERN_IS_LIBRARY_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text ? text : "");
  filter_changed_cb (self);
}

static void
filter_activate_cb (LecternLibraryView *self)
{
  g_autoptr(LecternDocument) first = g_list_model_get_item (G_LIST_MODEL (self->sorted), 0);

  /* Enter opens the first match. */
  if (first != NULL)
    g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0, lectern_document_get_id (first));
}

static void
filter_stop_cb (LecternLibraryView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
}

static void
read_sort_mode (LecternLibraryView *self)
{
  g_autofree char *mode = g_settings_get_string (lectern_settings (), "library-sort");

  self->sort_mode = g_str_equal (mode, "title") ? SORT_TITLE :
                    g_str_equal (mode, "date") ? SORT_DATE : SORT_IMPORT;
  /* Import order is the documents' own order: with no function the
   * sorted list passes it through instead of sorting. Either way the
   * sorter says it changed. */
  if (self->sort_mode == SORT_IMPORT)
    gtk_custom_sorter_set_sort_func (self->sorter, NULL, NULL, NULL);
  else
    gtk_custom_sorter_set_sort_func (self->sorter, sort_func, self, NULL);
}

static void
sort_changed_cb (LecternLibraryView *self)
{
  read_sort_mode (self);
  lectern_library_view_select_document (self, self->current_id);
}

static void
list_activate_cb (LecternLibraryView *self,
                  guint               position)
{
  g_autoptr(LecternDocument) doc = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (doc != NULL)
    g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0, lectern_document_get_id (doc));
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

static void
row_pressed_cb (GtkGestureClick    *gesture,
                int                 n_press,
                double              x,
                double              y,
                LecternLibraryView *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  double lx, ly;

  self->context_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "document-id"));
  if (self->context_id == 0 ||
      !gtk_widget_translate_coordinates (row, GTK_WIDGET (self), x, y, &lx, &ly))
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { lx, ly, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          LecternLibraryView       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (box, "document-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  /* GTK 4.8 measures a wrapped, ellipsized label narrower than nothing
   * unless it is given a width in characters. */
  gtk_label_set_width_chars (GTK_LABEL (title), 12);
  gtk_widget_add_css_class (title, "document-title");
  gtk_box_append (GTK_BOX (box), title);

  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), meta);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), self);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));

  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         LecternLibraryView       *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  g_hash_table_insert (self->bound, box, item);
  set_row_text (self, box, gtk_list_item_get_item (item));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           LecternLibraryView       *self)
{
  g_hash_table_remove (self->bound, gtk_list_item_get_child (item));
}

static void
set_row_text (LecternLibraryView *self,
              GtkWidget          *box,
              LecternDocument    *doc)
{
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *meta = gtk_widget_get_next_sibling (title);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint count = lectern_document_get_annotation_count (doc);
  const char *date = lectern_document_get_date (doc);
  const char *language = lectern_document_get_language (doc);
  const char *qualifier = self->qualifiers ? lectern_document_labels_lookup (self->qualifiers,
                                                                           lectern_document_get_id (doc))
                                           : NULL;
  g_autofree char *long_date = lectern_document_dup_long_date (doc);
  g_autofree char *meta_text = NULL;
  g_autofree char *accessible = NULL;

  /* Titles are data: plain text, never markup. */
  gtk_label_set_text (GTK_LABEL (title), lectern_document_get_title (doc));

  /* Two versions with one title: first what tells them apart, on a line
   * of its own that a long title does not push out of sight. */
  if (qualifier != NULL)
    g_ptr_array_add (parts, g_strdup (qualifier));
  if (date != NULL && g_strcmp0 (qualifier, long_date) != 0)
    g_ptr_array_add (parts, g_strdup (date));
  if (language != NULL)
    g_ptr_array_add (parts, g_ascii_strup (language, -1));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", count), count));
  g_ptr_array_add (parts, NULL);
  meta_text = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (GTK_LABEL (meta), meta_text);

  g_object_set_data (G_OBJECT (box), "document-id", GSIZE_TO_POINTER ((gsize) lectern_document_get_id (doc)));
  accessible = g_strdup_printf ("%s, %s", lectern_document_get_title (doc), meta_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static gint64
action_document (LecternLibraryView *self,
                 const char         *action_name)
{
  LecternDocument *doc;

  /* From the context menu: the row clicked; from the keyboard: the row
   * selected. */
  if (g_str_has_suffix (action_name, "-selected"))
    {
      doc = gtk_single_selection_get_selected_item (self->selection);
      return doc ? lectern_document_get_id (doc) : 0;
    }
  return self->context_id;
}

static void
edit_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  LecternLibraryView *self = LECTERN_LIBRARY_VIEW (widget);
  gint64 id = action_document (self, action_name);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (id != 0 && self->project != NULL && GTK_IS_WINDOW (root))
    lectern_document_dialog_present (GTK_WINDOW (root), self->project, id);
}

static void
compare_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LecternLibraryView *self = LECTERN_LIBRARY_VIEW (widget);
  gint64 id = action_document (self, action_name);

  if (id != 0)
    gtk_widget_activate_action (widget, "win.compare-with", "x", id);
}

/* documents.replace-text and documents.compare-versions: the window's
 * actions, on the document whose menu it is. */
static void
forward_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  gint64 id = action_document (LECTERN_LIBRARY_VIEW (widget), action_name);

  if (id != 0)
    gtk_widget_activate_action (widget, g_str_equal (action_name, "documents.replace-text")
                                        ? "win.replace-text" : "win.compare-versions", "x", id);
}

static void
delete_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    LecternLibraryView *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "document-id"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->project == NULL)
    return;
  if (!lectern_project_delete_document (self->project, id, &error))
    {
      GtkWidget *err = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                               _("Could Not Delete Document"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (err), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (err));
    }
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  LecternLibraryView *self = LECTERN_LIBRARY_VIEW (widget);
  gint64 id = action_document (self, action_name);
  g_autoptr(LecternDocument) doc = NULL;
  g_autofree char *heading = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  guint count;

  if (id == 0 || self->project == NULL || !GTK_IS_WINDOW (root))
    return;
  if (!(doc = lectern_project_dup_document (self->project, id, NULL)))
    return;

  count = lectern_document_get_annotation_count (doc);
  heading = g_strdup_printf (_("Delete “%s”?"), lectern_document_get_title (doc));
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The document and its %u annotation are removed from the project.",
                                               "The document and its %u annotations are removed from the project.",
                                               count), count);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "document-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */

static void
lectern_library_view_dispose (GObject *object)
{
  LecternLibraryView *self = LECTERN_LIBRARY_VIEW (object);
  GtkWidget *child;

  if (self->documents != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->documents, documents_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->documents, documents_changing_cb, self);
    }
  if (self->context_menu != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->context_menu));
  self->context_menu = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), LECTERN_TYPE_LIBRARY_VIEW);
  /* The template's root box has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->documents);
  g_clear_object (&self->project);
  g_clear_object (&self->no_documents);

  G_OBJECT_CLASS (lectern_library_view_parent_class)->dispose (object);
}

static void
lectern_library_view_finalize (GObject *object)
{
  LecternLibraryView *self = LECTERN_LIBRARY_VIEW (object);

  g_free (self->query);
  g_clear_pointer (&self->qualifiers, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  G_OBJECT_CLASS (lectern_library_view_parent_class)->finalize (object);
}

static void
lectern_library_view_class_init (LecternLibraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_library_view_dispose;
  object_class->finalize = lectern_library_view_finalize;

  signals[DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, LECTERN_UI "lectern-library-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LecternLibraryView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, LecternLibraryView, list_view);
  gtk_widget_class_bind_template_child (widget_class, LecternLibraryView, row_menu);
  gtk_widget_class_bind_template_child (widget_class, LecternLibraryView, sort_button);
  gtk_widget_class_bind_template_child (widget_class, LecternLibraryView, stack);
  gtk_widget_class_bind_template_callback (widget_class, filter_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "documents.edit", NULL, edit_cb);
  gtk_widget_class_install_action (widget_class, "documents.delete", NULL, delete_cb);
  gtk_widget_class_install_action (widget_class, "documents.compare", NULL, compare_cb);
  gtk_widget_class_install_action (widget_class, "documents.replace-text", NULL, forward_cb);
  gtk_widget_class_install_action (widget_class, "documents.compare-versions", NULL, forward_cb);
  gtk_widget_class_install_action (widget_class, "documents.edit-selected", NULL, edit_cb);
  gtk_widget_class_install_action (widget_class, "documents.delete-selected", NULL, delete_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "documents.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "documents.edit-selected", NULL);
}

static void
lectern_library_view_init (LecternLibraryView *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GAction) sort = NULL;
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound = g_hash_table_new (NULL, NULL);
  self->no_documents = g_list_store_new (LECTERN_TYPE_DOCUMENT);
  /* Functions set by filter_changed_cb and read_sort_mode. */
  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->sorter = gtk_custom_sorter_new (NULL, NULL, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->no_documents)),
                                              GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), GTK_SORTER (self->sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  sort = g_settings_create_action (lectern_settings (), "library-sort");
  g_action_map_add_action (G_ACTION_MAP (group), sort);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "library", G_ACTION_GROUP (group));
  /* Connected before the first read, for GSettings to tell of changes. */
  g_signal_connect_object (lectern_settings (), "changed::library-sort",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);
  read_sort_mode (self);

  self->context_menu = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (self->row_menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->context_menu), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->context_menu), GTK_WIDGET (self));

  update_page (self);
}
