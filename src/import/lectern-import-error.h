/* lectern-import-error.h — why a file was refused: by the importer of
 * plain texts, or by the readers of REFI-QDA and Web Annotation files.
 *
 * Every message names the file (its display name) and the reason, so a
 * person can act on it. Cancellation is reported as G_IO_ERROR_CANCELLED;
 * failures of the project itself keep their LECTERN_PROJECT_ERROR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

#define LECTERN_IMPORT_ERROR (lectern_import_error_quark ())

typedef enum
{
  LECTERN_IMPORT_ERROR_READ,        /* the file could not be read */
  LECTERN_IMPORT_ERROR_EMPTY,       /* empty, or only white space */
  LECTERN_IMPORT_ERROR_BINARY,      /* an image, archive, PDF, program… */
  LECTERN_IMPORT_ERROR_ENCODING,    /* text that cannot be decoded safely */
  LECTERN_IMPORT_ERROR_TOO_LARGE,   /* past a bound: LECTERN_TEXT_DECODER_MAX_SIZE, an archive's limits… */
  LECTERN_IMPORT_ERROR_DUPLICATE,   /* the same text is already in the project */
  LECTERN_IMPORT_ERROR_INVALID,     /* not the format it claims, or inconsistent */
  LECTERN_IMPORT_ERROR_UNSAFE,      /* an archive entry leaves its folder, is a link… */
  LECTERN_IMPORT_ERROR_DAMAGED,     /* an archive cannot be read */
  LECTERN_IMPORT_ERROR_EXISTS,      /* the new project would overwrite a file */
  LECTERN_IMPORT_ERROR_WRITE,       /* the new project could not be written */
  LECTERN_IMPORT_ERROR_ENCRYPTED,   /* needs a password (PDF, Office) */
  LECTERN_IMPORT_ERROR_NO_TEXT,     /* pages without a text layer, and no OCR */
} LecternImportError;

GQuark lectern_import_error_quark (void);

G_END_DECLS
