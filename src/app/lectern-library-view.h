/* lectern-library-view.h — the document library: title, date, language,
 * annotation count; filter as you type; sort by title, date or import.
 *
 * Signal "document-activated" (gint64 document_id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lectern-core.h"
#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_LIBRARY_VIEW (lectern_library_view_get_type ())

G_DECLARE_FINAL_TYPE (LecternLibraryView, lectern_library_view, LECTERN, LIBRARY_VIEW, GtkWidget)

/* The project's documents (NULL: none); their project is the one edited. */
void        lectern_library_view_set_documents    (LecternLibraryView   *self,
                                                   LecternDocumentList *documents);
/* Marks the document shown in the reader (0: none); emits nothing. */
void        lectern_library_view_select_document  (LecternLibraryView *self,
                                                   gint64              document_id);
void        lectern_library_view_focus_filter     (LecternLibraryView *self);
void        lectern_library_view_set_filter_text  (LecternLibraryView *self,
                                                   const char         *text);
/* The documents shown, filtered and sorted. (transfer none) */
GListModel *lectern_library_view_get_model        (LecternLibraryView *self);

G_END_DECLS
