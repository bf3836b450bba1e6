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
  LecternProject *project;
  gint64         doc1;
  gint64         doc2;
  gint64         security;   /* Security */
  gint64         europe;     /* Security/Europe */
  gint64         diplomacy;  /* Diplomacy */
  gint64         formula;    /* =Formula */
  gint64         slashed;    /* Diplomacy/a\/b */
  guint          n_annotations;
} Fixture;

/* A paged source: six lines of 50 code points, page "11" over [0, 100),
 * page "12" over [100, 200), the rest on no page; a turn of Sergey
 * Lavrov over [0, 150), timed "00:12:31" over [0, 50). */
#define PAGED_TITLE "Hearing"
#define PAGED_TEXT \
  "L1 the evidence and members on energy committee a\n" \
  "L2 committee about trade asked budget policy hear\n" \
  "L3 heard security while questions reform the evid\n" \
  "L4 evidence and members on energy committee about\n" \
  "L5 about trade asked budget policy heard security\n" \
  "L6 security while questions reform the evidence a\n"

typedef struct
{
  gint64 document;
  gint64 on_page;   /* [20, 40): on page 11, in the timed turn, ¶ 1 */
  gint64 across;    /* [80, 120): pages 11–12, in the turn untimed, ¶¶ 2–3 */
  gint64 outside;   /* [210, 230): on no page, in no turn, ¶ 5 */
} PagedFixture;

/* Adds the paged source to @fixture's corpus, dated 2025-03-14, with
 * @format as its original's format ("pdf", "text"), and a passage of each
 * kind, untagged, with notes "on page", "across" and "outside". */
void  fixture_add_paged (Fixture      *fixture,
                         const char   *format,
                         PagedFixture *paged);

/* Builds the corpus in a new project under the user data folder. */
void  fixture_init   (Fixture    *fixture,
                      const char *name);
void  fixture_clear  (Fixture    *fixture);
/* Path of a new file in the isolated data folder. (transfer full) */
char *fixture_path   (const char *name);
/* The schema, or NULL (the test then skips). (transfer full) */
char *fixture_xsd_path (void);

G_END_DECLS
