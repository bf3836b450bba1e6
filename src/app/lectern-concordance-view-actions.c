/* lectern-concordance-view-actions.c — what the concordance does with its
 * hits: code them (all, or the selected ones, in core's autocode) as one
 * undo step, with a toast to undo it; export them as CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-concordance-view-private.h"
#include "lectern-corpus-filter.h"
#include "lectern-analysis-files.h"
#include "lectern-export.h"
#include "lectern-search-page.h"
#include "lectern-tag-picker.h"

/* ------------------------------------------------------------------ */
/* Coding                                                              */

static void
toast_made (LecternConcordanceView *self,
            guint                   n_made)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n_made == 0)
    title = g_strdup (_("Every hit already has this tag"));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage coded", "%u passages coded", n_made),
                             n_made);
  toast = adw_toast_new (title);
  if (n_made > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "concordance.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
toast_error (LecternConcordanceView *self,
             const char             *heading,
             const GError           *error)
{
  g_autofree char *title = g_strdup_printf ("%s: %s", heading, error->message);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
code_all_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LecternConcordanceView *self = LECTERN_CONCORDANCE_VIEW (widget);
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autoptr(LecternDocumentFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tag_id = g_variant_get_int64 (param);
  /* Hits the concordance lists only inside a tag are coded only there. */
  gint64 within = self->within_tag_id != 0 ? self->within_tag_id : lectern_corpus_filter_get_tag_id (self->filter);
  guint n_made = 0;

  if (self->project == NULL || query[0] == '\0' || tag_id == 0)
    return;
  /* On the window's own connection, not in a job: undo is this
   * connection's log (lectern-project-undo.c), and one step must undo it. */
  filter = lectern_corpus_filter_dup_filter (self->filter, &error);
  if (filter == NULL ||
      !lectern_project_autocode (self->project, query, filter, tag_id,
                                 gtk_drop_down_get_selected (self->scope_dropdown),
                                 within, &n_made, NULL, &error))
    {
      toast_error (self, _("Could not code the hits"), error);
      return;
    }
  toast_made (self, n_made);
}

/* The selected hits, at the same scope and within the same code as
 * "Code All Hits", one undo step. */
static void
code_selected_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LecternConcordanceView *self = LECTERN_CONCORDANCE_VIEW (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GListStore) hits = g_list_store_new (LECTERN_TYPE_SEARCH_HIT);
  g_autoptr(GError) error = NULL;
  gint64 tag_id = g_variant_get_int64 (param);
  GtkBitsetIter iter;
  guint position, n_made = 0;

  if (self->project == NULL || tag_id == 0)
    return;
  if (gtk_bitset_is_empty (selected))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Select the hits to code first")));
      return;
    }
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(LecternSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), position);

      g_list_store_append (hits, hit);
    }
  /* On the window's own connection, as for all hits: one undo step. */
  if (!lectern_project_autocode_hits (self->project, G_LIST_MODEL (hits), tag_id,
                                      gtk_drop_down_get_selected (self->scope_dropdown),
                                      self->within_tag_id, &n_made, NULL, &error))
    {
      toast_error (self, _("Could not code the hits"), error);
      return;
    }
  toast_made (self, n_made);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  LecternConcordanceView *self = LECTERN_CONCORDANCE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->project != NULL && !lectern_project_undo (self->project, &error))
    toast_error (self, _("Could not undo"), error);
}

static void
tag_chosen (LecternConcordanceView *self,
            LecternTagPicker       *picker,
            const char             *action,
            gint64                  tag_id)
{
  gtk_popover_popdown (GTK_POPOVER (picker));
  gtk_widget_activate_action (GTK_WIDGET (self), action, "x", tag_id);
}

static void
all_tag_chosen_cb (LecternConcordanceView *self,
                   gint64                  tag_id)
{
  tag_chosen (self, self->all_picker, "concordance.code-all", tag_id);
}

static void
selected_tag_chosen_cb (LecternConcordanceView *self,
                        gint64                  tag_id)
{
  tag_chosen (self, self->selected_picker, "concordance.code-selected", tag_id);
}

void
_lectern_concordance_view_update_within_button (LecternConcordanceView *self)
{
  g_autoptr(LecternTag) tag = NULL;

  if (self->project != NULL && self->within_tag_id != 0)
    tag = lectern_project_dup_tag (self->project, self->within_tag_id, NULL);
  gtk_menu_button_set_label (self->within_button, tag ? lectern_tag_get_path (tag) : _("Anywhere"));
}

static void
within_tag_chosen_cb (LecternConcordanceView *self,
                      gint64                  tag_id)
{
  gtk_popover_popdown (GTK_POPOVER (self->within_picker));
  self->within_tag_id = tag_id;
  _lectern_concordance_view_update_within_button (self);
}

static void
within_clear_cb (LecternConcordanceView *self)
{
  self->within_tag_id = 0;
  _lectern_concordance_view_update_within_button (self);
}

/* ------------------------------------------------------------------ */
/* Export                                                              */

/* lectern_search_page_save_csv() says how it went in a toast. */
static gboolean
export_file (GtkWidget  *widget,
             GFile      *file,
             GError    **error)
{
  LecternConcordanceView *self = LECTERN_CONCORDANCE_VIEW (widget);
  g_autoptr(GString) csv = g_string_new (NULL);
  const char *header[] = { _("Document"), _("Start"), _("End"), _("Left"), _("Match"), _("Right") };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hits));

  lectern_csv_table_append_row (csv, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LecternSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), i);
      g_autofree char *start = g_strdup_printf ("%ld", lectern_search_hit_get_start (hit));
      g_autofree char *end = g_strdup_printf ("%ld", lectern_search_hit_get_end (hit));
      g_autofree char *left = _lectern_concordance_view_flatten (lectern_search_hit_get_left (hit));
      g_autofree char *right = _lectern_concordance_view_flatten (lectern_search_hit_get_right (hit));
      const char *row[] = { _lectern_concordance_view_document_label (self, hit), start, end, left,
                            lectern_search_hit_get_match (hit), right };

      lectern_csv_table_append_row (csv, row, G_N_ELEMENTS (row));
    }
  lectern_search_page_save_csv (self->toast_overlay, csv, file, _("Could not export the hits"), _("Hits exported"));
  return TRUE;
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  lectern_analysis_export (widget, LECTERN_CONCORDANCE_VIEW (widget)->toast_overlay, _("Export Hits"), _("hits.csv"), _("CSV"), "csv", export_file);
}

void
_lectern_concordance_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, all_tag_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_tag_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, within_tag_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, within_clear_cb);

  gtk_widget_class_install_action (widget_class, "concordance.code-all", "x", code_all_cb);
  gtk_widget_class_install_action (widget_class, "concordance.code-selected", "x", code_selected_cb);
  gtk_widget_class_install_action (widget_class, "concordance.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "concordance.export", NULL, export_cb);
}
