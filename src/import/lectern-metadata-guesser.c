/* lectern-metadata-guesser.c — title, language and date of a new document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lectern-metadata-guesser.h"

void
lectern_metadata_guess (LecternDocument *document,
                        const char      *text)
{
  g_autofree char *title = NULL;
  g_autofree char *language = NULL;
  g_autofree char *date = NULL;

  g_return_if_fail (LECTERN_IS_DOCUMENT (document));
  g_return_if_fail (text != NULL);

  if ((title = lectern_guess_title (text)) != NULL)
    lectern_document_set_title (document, title);
  if ((language = lectern_guess_language (text)) != NULL)
    lectern_document_set_language (document, language);
  if ((date = lectern_guess_date (text)) != NULL)
    lectern_document_set_date (document, date);
}
