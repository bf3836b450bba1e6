/* lectern-print-operation.c
 *
 * The pages are the export module's (lectern-print-layout.h), the same
 * ones "Export PDF" writes, so a printed document and its PDF match.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Lectern"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "lectern-export.h"
#include "lectern-print-operation.h"

struct _LecternPrintOperation
{
  GtkPrintOperation   parent_instance;

  LecternProject      *project;
  gint64              document_id;
  LecternPrintLayout *layout;
  GError             *error;
};

G_DEFINE_FINAL_TYPE (LecternPrintOperation, lectern_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
lectern_print_operation_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  LecternPrintOperation *self = LECTERN_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;
  guint n_pages;

  g_clear_object (&self->layout);
  self->layout = lectern_print_layout_new_for_document (self->project, self->document_id, &error);
  if (self->layout == NULL)
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      gtk_print_operation_cancel (operation);
      return;
    }

  n_pages = lectern_print_layout_paginate (self->layout,
                                           gtk_print_context_get_cairo_context (context),
                                           gtk_print_context_get_width (context),
                                           gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (1, n_pages));
}

static void
lectern_print_operation_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr)
{
  LecternPrintOperation *self = LECTERN_PRINT_OPERATION (operation);

  if (self->layout != NULL && (guint) page_nr < lectern_print_layout_get_n_pages (self->layout))
    lectern_print_layout_draw_page (self->layout, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
lectern_print_operation_end_print (GtkPrintOperation *operation,
                                   GtkPrintContext   *context)
{
  LecternPrintOperation *self = LECTERN_PRINT_OPERATION (operation);

  g_clear_object (&self->layout);
}

static void
lectern_print_operation_dispose (GObject *object)
{
  LecternPrintOperation *self = LECTERN_PRINT_OPERATION (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->project);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (lectern_print_operation_parent_class)->dispose (object);
}

static void
lectern_print_operation_class_init (LecternPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = lectern_print_operation_dispose;
  print_class->begin_print = lectern_print_operation_begin_print;
  print_class->draw_page = lectern_print_operation_draw_page;
  print_class->end_print = lectern_print_operation_end_print;
}

static void
lectern_print_operation_init (LecternPrintOperation *self)
{
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_show_progress (GTK_PRINT_OPERATION (self), TRUE);
}

LecternPrintOperation *
lectern_print_operation_new (LecternProject *project,
                             gint64         document_id)
{
  LecternPrintOperation *self;
  g_autoptr(LecternDocument) doc = NULL;

  g_return_val_if_fail (LECTERN_IS_PROJECT (project), NULL);

  self = g_object_new (LECTERN_TYPE_PRINT_OPERATION, NULL);
  self->project = g_object_ref (project);
  self->document_id = document_id;
  doc = lectern_project_dup_document (project, document_id, NULL);
  if (doc != NULL)
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), lectern_document_get_title (doc));
  return self;
}

static void
report (GtkWindow    *parent,
        const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print the Document"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (LecternPrintOperation   *self,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (self->error != NULL)
    report (parent, self->error);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (GTK_PRINT_OPERATION (self), &error);
      if (error != NULL)
        report (parent, error);
    }
  g_object_unref (self);
}

void
lectern_print_document (GtkWindow     *parent,
                        LecternProject *project,
                        gint64         document_id)
{
  LecternPrintOperation *self = lectern_print_operation_new (project, document_id);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  g_signal_connect_object (self, "done", G_CALLBACK (done_cb), parent, 0);
  /* "done" reports errors and drops the operation, run synchronously or not. */
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_debug ("Printing failed: %s", error ? error->message : "no reason given");
}
