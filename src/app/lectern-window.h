/* lectern-window.h — the workbench window: library, reader, side panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-application.h"
#include "lectern-core.h"

G_BEGIN_DECLS

#define LECTERN_TYPE_WINDOW (lectern_window_get_type ())

G_DECLARE_FINAL_TYPE (LecternWindow, lectern_window, LECTERN, WINDOW, AdwApplicationWindow)

LecternWindow *lectern_window_new                      (LecternApplication *app);
/* The open project, or NULL. (transfer none) */
LecternProject *lectern_window_get_project               (LecternWindow      *self);
/* Opens an existing project in this window, replacing the one shown,
 * and shows its first document. */
gboolean       lectern_window_open_project             (LecternWindow      *self,
                                                        GFile              *file,
                                                        GError            **error);
/* The same, showing @document_id (as lectern_window_set_document_id()
 * does) instead of the first document, when it is not 0. */
gboolean       lectern_window_open_project_at          (LecternWindow      *self,
                                                        GFile              *file,
                                                        gint64              document_id,
                                                        GError            **error);
/* Creates a new project at @file and shows it. */
gboolean       lectern_window_create_project           (LecternWindow      *self,
                                                        GFile              *file,
                                                        GError            **error);
/* Opens @file, creating it when it does not exist; errors go to a dialog. */
void           lectern_window_open_project_interactive (LecternWindow      *self,
                                                        GFile              *file);
gint64         lectern_window_get_document_id          (LecternWindow      *self);
/* Shows document @document_id in the reader (0: none). */
void           lectern_window_set_document_id          (LecternWindow      *self,
                                                        gint64              document_id);
/* Opens the annotation's document, scrolls to it and flashes it. */
void           lectern_window_show_annotation          (LecternWindow      *self,
                                                        gint64              annotation_id);
/* Imports @files into the project in the background, with progress. */
void           lectern_window_import_files             (LecternWindow      *self,
                                                        GFile             **files,
                                                        guint               n_files);
/* Makes the new project @project from the REFI-QDA project @qdpx in the
 * background, with progress and Cancel, then opens it and lists what
 * could not be kept. */
void           lectern_window_import_qdpx              (LecternWindow      *self,
                                                        GFile              *qdpx,
                                                        GFile              *project);
/* The toast overlay, for views that report something. */
void           lectern_window_toast                    (LecternWindow      *self,
                                                        const char         *message);

G_END_DECLS
