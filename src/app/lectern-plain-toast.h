/* lectern-plain-toast.h — a toast whose title is plain text.
 *
 * libadwaita 1.2 always reads a toast's title as Pango markup (the
 * use-markup switch came in 1.4), so a file name, a document title or an
 * error message naming one must be escaped, or "&" and "<" break the toast
 * and a crafted title could style it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

static inline AdwToast *
lectern_plain_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

G_END_DECLS
