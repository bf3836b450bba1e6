/* export-fixture.h — a small corpus with every kind of trouble an export
 * meets: accents, emoji, overlapping passages, several and nested tags,
 * notes with <script>, Pango markup, javascript: links, spreadsheet
 * formulas, quotes and newlines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-core.h"

G_BEGIN_DECLS

#define FIXTURE_TITLE_1 "Rapport « sécurité » <script>alert(1)</script> *brouillon* #1"
#define FIXTURE_TEXT_1 \
  "Première ligne : la sécurité européenne 🇫🇷 est en jeu.\n" \
  "=cmd|' /C calc'!A0 apparaît dans le texte.\n" \
  "\n" \
  "Second paragraph with \"quotes\", <b>Pango</b> and a javascript:alert(1) link.\n" \
  "- a list-like line\n" \
  "1. numbered & [bracketed](javascript:alert(2))\n"
#define FIXTURE_TITLE_2 "Interview transcript"
#define FIXTURE_TEXT_2 \
  "Q: What about 'security'?\n" \
  "A: It matters — a lot. Cafe\xcc\x81 is not NFC but caf\xc3\xa9 is.\n"

#define FIXTURE_NOTE_SCRIPT "<script>alert(\"x\")</script> and [link](javascript:alert(1)) <b>bold</b>"
#define FIXTURE_NOTE_FORMULA "=HYPERLINK(\"http://example.com\",\"x\")\nsecond line, with comma"

typedef struct
{
  LecternCorpus *corpus;
  gint64         doc1;
  gint64         doc2;
  gint64         security;   /* Security */
  gint64         europe;     /* Security/Europe */
  gint64         diplomacy;  /* Diplomacy */
  gint64         formula;    /* =Formula */
  gint64         slashed;    /* Diplomacy/a\/b */
  guint          n_annotations;
} Fixture;

/* Builds the corpus in a new project under the user data folder. */
void  fixture_init   (Fixture    *fixture,
                      const char *name);
void  fixture_clear  (Fixture    *fixture);
/* Path of a new file in the isolated data folder. (transfer full) */
char *fixture_path   (const char *name);
/* The schema, or NULL (the test then skips). (transfer full) */
char *fixture_xsd_path (void);

G_END_DECLS
