/* lectern-tag-colours.c — the palette new tags take their colour from, and
 * how one is chosen so that neighbouring codes never look alike.
 *
 * Two colours are as far apart as they look to the reader who tells them
 * apart worst: the distance is the smallest CIELAB ΔE*ab between them as
 * seen with normal vision and as simulated for protanopia, deuteranopia
 * and tritanopia (Machado, Oliveira and Fernandes 2009, severity 1, applied
 * to linear sRGB). A new tag takes, among the palette colours at least
 * ΔE 20 from its siblings' and its parent's colours, the one fewest tags
 * use, then the farthest; when none is that far, the farthest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lectern-tag-colours-private.h"

/* ΔE*ab from which two colours are taken to look apart. */
#define APART 20.0

/* GNOME's palette (HIG), strong tones first, then their light tones:
 * readable under black text. */
static const char * const palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44",
  "#99c1f1", "#8ff0a4", "#f9f06b", "#ffbe6f", "#f66151", "#dc8add", "#cdab8f",
};

/* Linear-sRGB matrices of Machado et al. 2009 at full severity. */
static const double vision[][3][3] = {
  { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
  { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 }, { -0.003882, -0.048116, 1.051998 } },
  { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } },
  { { 1.255528, -0.076749, -0.178779 }, { -0.078411, 0.930809, 0.147602 }, { 0.004733, 0.691367, 0.303900 } },
};

const char * const *
_lectern_tag_colours_palette (guint *n_colours)
{
  *n_colours = G_N_ELEMENTS (palette);
  return palette;
}

static double
to_linear (guint value)
{
  double c = value / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  const double d = 6.0 / 29.0;

  return t > d * d * d ? cbrt (t) : t / (3 * d * d) + 4.0 / 29.0;
}

/* "#rrggbb" as CIELAB (D65) through one of the visions. */
static gboolean
to_lab (const char *colour,
        guint       v,
        double      lab[3])
{
  double rgb[3], seen[3], x, y, z;
  guint value;

  if (colour == NULL || strlen (colour) != 7 || colour[0] != '#'
      || sscanf (colour + 1, "%6x", &value) != 1)
    return FALSE;
  rgb[0] = to_linear ((value >> 16) & 0xff);
  rgb[1] = to_linear ((value >> 8) & 0xff);
  rgb[2] = to_linear (value & 0xff);
  for (guint i = 0; i < 3; i++)
    seen[i] = CLAMP (vision[v][i][0] * rgb[0] + vision[v][i][1] * rgb[1] + vision[v][i][2] * rgb[2], 0.0, 1.0);

  x = 0.4124564 * seen[0] + 0.3575761 * seen[1] + 0.1804375 * seen[2];
  y = 0.2126729 * seen[0] + 0.7151522 * seen[1] + 0.0721750 * seen[2];
  z = 0.0193339 * seen[0] + 0.1191920 * seen[1] + 0.9503041 * seen[2];
  lab[0] = 116 * lab_f (y) - 16;
  lab[1] = 500 * (lab_f (x / 0.95047) - lab_f (y));
  lab[2] = 200 * (lab_f (y) - lab_f (z / 1.08883));
  return TRUE;
}

double
_lectern_tag_colours_distance (const char *a,
                               const char *b)
{
  double nearest = G_MAXDOUBLE;

  for (guint v = 0; v < G_N_ELEMENTS (vision); v++)
    {
      double la[3], lb[3];

      if (!to_lab (a, v, la) || !to_lab (b, v, lb))
        return G_MAXDOUBLE;   /* not a colour: no constraint */
      nearest = MIN (nearest, sqrt ((la[0] - lb[0]) * (la[0] - lb[0])
                                    + (la[1] - lb[1]) * (la[1] - lb[1])
                                    + (la[2] - lb[2]) * (la[2] - lb[2])));
    }
  return nearest;
}

guint
_lectern_tag_colours_pick (const char * const *neighbours,
                           guint               n_neighbours,
                           const gint64       *uses)
{
  guint best = 0;
  gboolean best_apart = FALSE;
  double best_score = -1;

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      double score = G_MAXDOUBLE;
      gboolean apart;

      for (guint j = 0; j < n_neighbours; j++)
        score = MIN (score, _lectern_tag_colours_distance (palette[i], neighbours[j]));
      /* Whole ΔE units: closer than that, no eye tells two scores apart. */
      score = floor (MIN (score, 1000.0));
      apart = score >= APART;

      /* Among the colours that look apart from every neighbour, the least
       * used (the palette is used evenly, cousins differ too), then the
       * farthest; failing any, the farthest. */
      if (apart != best_apart ? apart
          : apart && uses[i] != uses[best] ? uses[i] < uses[best]
          : score > best_score)
        {
          best = i;
          best_apart = apart;
          best_score = score;
        }
    }
  return best;
}
