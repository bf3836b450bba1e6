/* test-words.c — the one word layer: what a word is, how it folds (checked
 * against SQLite's own FTS5 unicode61 tokenizer), and the fingerprint
 * hashes stored in project files, pinned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "lectern-core.h"

/* The words of @text, "|"-joined, each cut by its code-point offsets. */
static char *
words_of (const char *text)
{
  g_autoptr(GArray) words = lectern_words_split (text, -1, 0);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const LecternWord *word = &g_array_index (words, LecternWord, i);
      g_autofree char *slice = lectern_text_slice (text, word->start, word->end);

      if (i > 0)
        g_string_append_c (joined, '|');
      g_string_append (joined, slice);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
test_tokenize (void)
{
  static const struct { const char *text; const char *words; } cases[] = {
    { "Don't stop—it's co-operation!", "Don|t|stop|it|s|co|operation" },
    /* French elisions, both apostrophes. */
    { "L’accord d’aujourd’hui, c'est l'été.", "L|accord|d|aujourd|hui|c|est|l|été" },
    { "« Sécurité » — naïve façade ; œuvre", "Sécurité|naïve|façade|œuvre" },
    /* A combining mark may start a word, and stays inside one. */
    { "\xcc\x81" "abc x\xcc\x81y", "\xcc\x81" "abc|x\xcc\x81y" },
    { "Министр иностранных дел Гирс, 1891 г.", "Министр|иностранных|дел|Гирс|1891|г" },
    /* No segmentation of unspaced scripts: a run of letters is one word. */
    { "日本語の文章と 中文。", "日本語の文章と|中文" },
    /* Emoji, their modifiers and flags are not words. */
    { "go 👍🏽 now 🇫🇷!", "go|now" },
    { "3,14 et 2026-12-03 ½ Ⅻ", "3|14|et|2026|12|03|½|Ⅻ" },
    /* Indic vowel signs and viramas are marks: inside the word. */
    { "हिन्दी भाषा", "हिन्दी|भाषा" },
    /* Private use characters separate words. */
    { "x\xee\x80\x80y", "x|y" },
    { "", "" },
    { " \n\t", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = words_of (cases[i].text);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_offsets_and_base (void)
{
  /* "été" starts at code point 2, not byte 2; a base shifts every offset
   * and a length stops early. */
  const char *text = "l'été est là";
  g_autoptr(GArray) words = lectern_words_split (text, -1, 0);
  g_autoptr(GArray) shifted = lectern_words_split (text, strlen ("l'été"), 100);

  g_assert_cmpuint (words->len, ==, 4);
  g_assert_cmpint (g_array_index (words, LecternWord, 1).start, ==, 2);
  g_assert_cmpint (g_array_index (words, LecternWord, 1).end, ==, 5);
  g_assert_cmpint (g_array_index (words, LecternWord, 3).start, ==, 10);
  g_assert_cmpuint (shifted->len, ==, 2);
  g_assert_cmpint (g_array_index (shifted, LecternWord, 1).start, ==, 102);
  g_assert_cmpint (g_array_index (shifted, LecternWord, 1).end, ==, 105);
}

static void
test_tokens_mode (void)
{
  const char *text = "Hi,  l’été...\n";
  static const struct { LecternTokenKind kind; const char *bytes; glong start, end; } expected[] = {
    { LECTERN_TOKEN_WORD, "Hi", 0, 2 },
    { LECTERN_TOKEN_PUNCT, ",", 2, 3 },
    { LECTERN_TOKEN_SPACE, "  ", 3, 5 },
    { LECTERN_TOKEN_WORD, "l", 5, 6 },
    { LECTERN_TOKEN_PUNCT, "’", 6, 7 },
    { LECTERN_TOKEN_WORD, "été", 7, 10 },
    { LECTERN_TOKEN_PUNCT, ".", 10, 11 },
    { LECTERN_TOKEN_PUNCT, ".", 11, 12 },
    { LECTERN_TOKEN_PUNCT, ".", 12, 13 },
    { LECTERN_TOKEN_SPACE, "\n", 13, 14 },
  };
  LecternWordIter iter;
  guint n = 0;

  lectern_word_iter_init (&iter, text, -1, 0, LECTERN_WORD_ITER_TOKENS | LECTERN_WORD_ITER_FOLD);
  while (lectern_word_iter_next (&iter))
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpint (iter.kind, ==, expected[n].kind);
      g_assert_cmpint (iter.start, ==, expected[n].start);
      g_assert_cmpint (iter.end, ==, expected[n].end);
      g_assert_cmpmem (text + iter.byte_start, iter.byte_end - iter.byte_start,
                       expected[n].bytes, strlen (expected[n].bytes));
      /* The words are the ones lectern_words_split() gives, hash and all. */
      if (iter.kind == LECTERN_TOKEN_WORD)
        {
          g_autoptr(GArray) alone = lectern_words_split (expected[n].bytes, -1, 0);

          g_assert_cmpuint (alone->len, ==, 1);
          g_assert_cmpuint (iter.hash, ==, g_array_index (alone, LecternWord, 0).hash);
        }
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
}

/* The one term FTS5's `unicode61 remove_diacritics 2` makes of @word. */
static char *
fts5_term (sqlite3    *db,
           const char *word)
{
  sqlite3_stmt *stmt = NULL;
  char *term = NULL;

  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM t", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO t VALUES (?1)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT term FROM v", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  term = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return term;
}

static guint64
hash_of (const char *word)
{
  g_autoptr(GArray) words = lectern_words_split (word, -1, 0);

  g_assert_cmpuint (words->len, ==, 1);
  return g_array_index (words, LecternWord, 0).hash;
}

static void
test_fold_like_fts5 (void)
{
  /* Words of the languages of a corpus, where the two foldings agree. */
  static const char *agree[] = {
    "Sécurité", "SÉCURITÉ", "naïve", "Façade", "Œuvre", "Ærø", "Øre", "Åland",
    "Ångström", "Tiếng", "Việt", "İstanbul", "Ǆemal", "Straße", "ﬁne", "Ĳssel", "ǰ",
    "E\xcc\x81" "cole", "1891", "½", "Министр", "ДЕЛ", "Ωmega", "١٢٣", "عربي", "日本語",
  };
  /* Where the two differ: FTS5 removes diacritics from Latin letters only,
   * and folds case where GLib lowers only letters. */
  static const struct { const char *word; const char *ours; const char *fts5; } differ[] = {
    { "йод", "иод", "йод" },
    { "ёлка", "елка", "ёлка" },
    { "Ελλάδα", "ελλαδα", "ελλάδα" },
    { "ſ", "ſ", "s" },
    { "Ⅻ", "Ⅻ", "ⅻ" },
  };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2');"
                                 "CREATE VIRTUAL TABLE v USING fts5vocab (t, 'row');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (agree); i++)
    {
      g_autofree char *term = fts5_term (db, agree[i]);
      g_autofree char *folded = lectern_words_fold (agree[i]);

      g_assert_cmpstr (folded, ==, term);
      /* The hash is the folded word's. */
      g_assert_cmpuint (hash_of (agree[i]), ==, hash_of (term));
    }

  for (guint i = 0; i < G_N_ELEMENTS (differ); i++)
    {
      g_autofree char *term = fts5_term (db, differ[i].word);
      g_autofree char *folded = lectern_words_fold (differ[i].word);

      g_assert_cmpstr (folded, ==, differ[i].ours);
      g_assert_cmpstr (term, ==, differ[i].fts5);
      g_assert_cmpuint (hash_of (differ[i].word), ==, hash_of (differ[i].ours));
    }

  sqlite3_close (db);
}

/* Stored in project files since fingerprints exist: any change to the
 * words, their folding or hashes must come with a migration. */
static const char golden_text[] =
  "L’accord franco-russe de 1891 — «Sécurité» et SÉCURITÉ, naïve façade; "
  "\xcc\x81" "accent en tête. Министр иностранных дел Гирс подписал ёлку й. "
  "日本語の文章 と 中文 ελληνικά Σίσυφος ς ß ﬁne Ǆemal İstanbul ½ ²x "
  "Tiếng Việt rất đẹp 한국어 가나 हिन्दी भाषा 👍🏽 emoji 🇫🇷 3,14 x\xee\x80\x80y "
  "co-operation e-mail 2026-12-03 Œuvre ÆON Øre Å ſ ﬀ ㎏ Ⅻ ١٢٣ عربي";

static const LecternFingerprint golden[] = {
    { G_GUINT64_CONSTANT (0x4868a825e7b33253), 0, 24 },
    { G_GUINT64_CONSTANT (0x155ad67ad17a1dc9), 2, 29 },
    { G_GUINT64_CONSTANT (0x1cf32c041f983454), 9, 41 },
    { G_GUINT64_CONSTANT (0x10f824880742ddbc), 16, 45 },
    { G_GUINT64_CONSTANT (0x53998e0d5081fb80), 22, 54 },
    { G_GUINT64_CONSTANT (0x7c79febcd43ecfde), 25, 61 },
    { G_GUINT64_CONSTANT (0x4b998111b614d413), 33, 68 },
    { G_GUINT64_CONSTANT (0x6bb93e95c0ebcf2c), 43, 77 },
    { G_GUINT64_CONSTANT (0x78aae9c7d0129239), 46, 80 },
    { G_GUINT64_CONSTANT (0x1cbc644a743ba10c), 56, 85 },
    { G_GUINT64_CONSTANT (0x28aad0d80d0e4b84), 62, 94 },
    { G_GUINT64_CONSTANT (0x7d72a0f7282ce8e4), 70, 106 },
    { G_GUINT64_CONSTANT (0x26ed8881282de96b), 78, 110 },
    { G_GUINT64_CONSTANT (0x505e73a9ea06d6ed), 81, 115 },
    { G_GUINT64_CONSTANT (0x45b29f5486bab97a), 87, 124 },
    { G_GUINT64_CONSTANT (0x266fef1f9b978c36), 95, 129 },
    { G_GUINT64_CONSTANT (0x1795ecb75cd3f937), 107, 131 },
    { G_GUINT64_CONSTANT (0x3b8b415770b1e448), 111, 139 },
    { G_GUINT64_CONSTANT (0x20a323b38225c7b2), 116, 141 },
    { G_GUINT64_CONSTANT (0x1d5f5a30b56cae16), 125, 144 },
    { G_GUINT64_CONSTANT (0x641f07fccb708069), 130, 153 },
    { G_GUINT64_CONSTANT (0x563c798c62e8b944), 133, 161 },
    { G_GUINT64_CONSTANT (0x7859f626b2115b45), 140, 163 },
    { G_GUINT64_CONSTANT (0x4fc253bab0bc3566), 142, 165 },
    { G_GUINT64_CONSTANT (0x1f6cafa37de8c65c), 145, 169 },
    { G_GUINT64_CONSTANT (0x09e10b021c66715f), 154, 175 },
    { G_GUINT64_CONSTANT (0x54383a3cf829ae7c), 162, 184 },
    { G_GUINT64_CONSTANT (0x3695639cfad8d3a5), 164, 186 },
    { G_GUINT64_CONSTANT (0x4fb2a487ce814c5b), 166, 189 },
    { G_GUINT64_CONSTANT (0x5da5a1c6bb8211c4), 170, 195 },
    { G_GUINT64_CONSTANT (0x20c746b98a1e031c), 176, 200 },
    { G_GUINT64_CONSTANT (0x513a72581363fd49), 185, 204 },
    { G_GUINT64_CONSTANT (0x5c1d6320fac7ef4c), 187, 208 },
    { G_GUINT64_CONSTANT (0x3c98ffdbe21e58b8), 190, 212 },
    { G_GUINT64_CONSTANT (0x2a34c68121af790e), 196, 215 },
    { G_GUINT64_CONSTANT (0x1ca2f7124da43cc9), 201, 222 },
    { G_GUINT64_CONSTANT (0x266c9b7f8fbe610f), 205, 227 },
    { G_GUINT64_CONSTANT (0x7ff9ddd25ac8b131), 209, 236 },
    { G_GUINT64_CONSTANT (0x48eaab61d3b88622), 213, 241 },
    { G_GUINT64_CONSTANT (0x15fd644cd069f727), 216, 244 },
    { G_GUINT64_CONSTANT (0x64df86e3ed79be45), 223, 246 },
    { G_GUINT64_CONSTANT (0x48a6719b6ed975be), 231, 248 },
    { G_GUINT64_CONSTANT (0x188a57df7397b408), 240, 251 },
    { G_GUINT64_CONSTANT (0x02822fc8e84cd365), 242, 261 },
    { G_GUINT64_CONSTANT (0x70b4c0be433c6d0c), 245, 263 },
    { G_GUINT64_CONSTANT (0x111795444418cc16), 247, 268 },
    { G_GUINT64_CONSTANT (0x20131bd029badab4), 249, 273 },
    { G_GUINT64_CONSTANT (0x63d77fb04d033927), 252, 276 },
    { G_GUINT64_CONSTANT (0x508e8ab3eb89eaa2), 262, 279 },
    { G_GUINT64_CONSTANT (0x282fb56231bcc260), 264, 285 },
    { G_GUINT64_CONSTANT (0x25cae56a98d8d9f6), 269, 289 },
    { G_GUINT64_CONSTANT (0x0ad1cf1f1dcb82c9), 274, 293 },
    { G_GUINT64_CONSTANT (0x576fe1a8788e575c), 277, 295 },
    { G_GUINT64_CONSTANT (0x62a0c5180a831de5), 280, 297 },
    { G_GUINT64_CONSTANT (0x747a802da81d9f3d), 286, 299 },
    { G_GUINT64_CONSTANT (0x792681e8efc13ca4), 290, 303 },
    { G_GUINT64_CONSTANT (0x371a848e11553f2d), 294, 307 },
    { G_GUINT64_CONSTANT (0x00dff6935af19598), 296, 312 },
};

static void
test_fingerprints_unchanged (void)
{
  g_autoptr(GArray) all = lectern_fingerprint_compute_all (golden_text);

  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (golden));
  for (guint i = 0; i < all->len; i++)
    {
      const LecternFingerprint *fp = &g_array_index (all, LecternFingerprint, i);

      g_assert_cmphex (fp->hash, ==, golden[i].hash);
      g_assert_cmpint (fp->start, ==, golden[i].start);
      g_assert_cmpint (fp->end, ==, golden[i].end);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/Words/tokenize", test_tokenize);
  g_test_add_func ("/Lectern/Words/offsets-and-base", test_offsets_and_base);
  g_test_add_func ("/Lectern/Words/tokens-mode", test_tokens_mode);
  g_test_add_func ("/Lectern/Words/fold-like-fts5", test_fold_like_fts5);
  g_test_add_func ("/Lectern/Words/fingerprints-unchanged", test_fingerprints_unchanged);

  return g_test_run ();
}
