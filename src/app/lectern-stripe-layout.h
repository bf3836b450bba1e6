/* lectern-stripe-layout.h — which margin column each coding stripe takes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 code;   /* the tag's id */
  int    y0;     /* vertical extent on screen, y1 exclusive */
  int    y1;
} LecternStripe;

guint lectern_stripe_layout_assign (const LecternStripe *stripes,
                                    guint                n_stripes,
                                    guint               *columns);

G_END_DECLS
