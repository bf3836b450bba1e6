/* lectern-language-guesser.h — the language a text is written in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (LECTERN_IMPORT_INSIDE) && !defined (LECTERN_IMPORT_COMPILATION)
# error "Only <lectern-import.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* Classifies the start of @text with libexttextcat; when it is unsure,
 * a vote of common function words (English, French, Russian, German,
 * Spanish, Italian) decides.
 * Returns: (transfer full) (nullable): an ISO 639-1 code ("en", "fr",
 * "ru"…), or NULL when the text is too short or too ambiguous to tell. */
char *lectern_guess_language (const char *text);

G_END_DECLS
