/* lectern-metadata-guesser.h — title, language and date of a new document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include "lectern-core.h"
#include "lectern-date-guesser.h"
#include "lectern-language-guesser.h"
#include "lectern-title-guesser.h"

G_BEGIN_DECLS

/* Sets the title, language and date of @document to what is guessed from
 * its stored text @text; a property that cannot be guessed is left as it
 * is. The guesses are only a start: the user can edit each of them. */
void lectern_metadata_guess (LecternDocument *document,
                             const char      *text);

G_END_DECLS
