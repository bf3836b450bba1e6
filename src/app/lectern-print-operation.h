/* lectern-print-operation.h — prints a document with its highlights and
 * notes, laid out by the export module's print layout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_PRINT_OPERATION (lectern_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (LecternPrintOperation, lectern_print_operation, LECTERN, PRINT_OPERATION, GtkPrintOperation)

/* An operation printing @document_id of @project; the layout is made in
 * ::begin-print, so errors reading the document end the operation with
 * GTK_PRINT_OPERATION_RESULT_ERROR and gtk_print_operation_get_error(). */
LecternPrintOperation *lectern_print_operation_new (LecternProject *project,
                                                    gint64         document_id);
/* Shows the print dialog over @parent and prints; errors go to a dialog. */
void                   lectern_print_document      (GtkWindow     *parent,
                                                    LecternProject *project,
                                                    gint64         document_id);

G_END_DECLS
