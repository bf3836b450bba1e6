/* test-text-decoder.c — the bytes of a file to stored text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-import.h"

/* Bytes of @utf8 in @charset, built here so the tests need no fixtures. */
static GBytes *
encode (const char *utf8,
        const char *charset,
        const char *prefix,
        gsize       prefix_len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  GByteArray *bytes = g_byte_array_new ();
  gsize len = 0;

  converted = g_convert (utf8, -1, charset, "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  if (prefix != NULL)
    g_byte_array_append (bytes, (const guint8 *) prefix, prefix_len);
  g_byte_array_append (bytes, (const guint8 *) converted, len);

  return g_byte_array_free_to_bytes (bytes);
}

static void
assert_decodes (GBytes     *bytes,
                const char *expected_text,
                const char *expected_encoding)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gsize replaced = G_MAXSIZE;

  text = lectern_text_decoder_decode (data, len, "sample.txt", &encoding, &replaced, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected_text);
  g_assert_cmpstr (encoding, ==, expected_encoding);
  g_assert_cmpuint (replaced, ==, 0);
  g_assert_true (lectern_text_is_stored (text, -1));
}

static void
assert_refused (const char *data,
                gsize       len,
                const char *name,
                int         code,
                const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;

  text = lectern_text_decoder_decode (data, len, name, &encoding, NULL, &error);
  g_assert_error (error, LECTERN_IMPORT_ERROR, code);
  g_assert_null (text);
  g_assert_null (encoding);
  g_assert_nonnull (strstr (error->message, name));
  if (reason != NULL && strstr (error->message, reason) == NULL)
    g_error ("“%s” does not give the reason “%s”", error->message, reason);
}

static const char french[] =
  "Le cœur de l’été : « 5 € » — déjà vu, dit-elle.\n"
  "Où est la bibliothèque ? Elle est fermée à cause de la grève générale.\n";

static const char russian[] =
  "Министр иностранных дел России Сергей Лавров заявил, что переговоры продолжаются.\n"
  "Встреча прошла в Москве, в здании министерства.\n";

static void
test_utf8 (void)
{
  g_autoptr(GBytes) plain = g_bytes_new_static (french, strlen (french));
  g_autoptr(GBytes) bom = encode (french, "UTF-8", "\xef\xbb\xbf", 3);

  assert_decodes (plain, french, "UTF-8");
  assert_decodes (bom, french, "UTF-8");
}

static void
test_utf16 (void)
{
  const char *text = "Łódź, 5 € — «Привет»\r\nSecond line 𝄞\r\n";
  const char *stored = "Łódź, 5 € — «Привет»\nSecond line 𝄞\n";
  g_autoptr(GBytes) le = encode (text, "UTF-16LE", "\xff\xfe", 2);
  g_autoptr(GBytes) be = encode (text, "UTF-16BE", "\xfe\xff", 2);
  g_autoptr(GBytes) le_no_bom = encode ("Plain ASCII text in UTF-16.\n", "UTF-16LE", NULL, 0);

  assert_decodes (le, stored, "UTF-16LE");
  assert_decodes (be, stored, "UTF-16BE");
  assert_decodes (le_no_bom, "Plain ASCII text in UTF-16.\n", "UTF-16LE");
}

static void
test_utf16_odd_length (void)
{
  g_autoptr(GBytes) le = encode ("Texte coupé", "UTF-16LE", "\xff\xfe", 2);
  gsize len;
  const char *data = g_bytes_get_data (le, &len);

  /* A UTF-16 file cut in the middle of a character. */
  assert_refused (data, len - 1, "cut.txt", LECTERN_IMPORT_ERROR_ENCODING, NULL);
}

static void
test_windows_1252 (void)
{
  g_autoptr(GBytes) bytes = encode (french, "WINDOWS-1252", NULL, 0);

  assert_decodes (bytes, french, "WINDOWS-1252");
}

static void
test_iso_8859_1 (void)
{
  const char *text = "Où est la bibliothèque ? Elle est fermée à cause de la grève générale des employés.\n"
                     "Le garçon répète qu’il reviendra à midi.\n";
  const char *latin1 = "Où est la bibliothèque ? Elle est fermée à cause de la grève générale des employés.\n"
                       "Le garçon répète qu'il reviendra à midi.\n";
  g_autoptr(GBytes) bytes = encode (latin1, "ISO-8859-1", NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *decoded = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  /* Windows-1252 is a superset of ISO-8859-1 for the printable bytes:
   * either name gives the same text. */
  decoded = lectern_text_decoder_decode (data, len, "latin1.txt", &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decoded, ==, latin1);
  g_assert_cmpstr (decoded, !=, text);
  g_assert_true (g_str_equal (encoding, "ISO-8859-1") || g_str_equal (encoding, "WINDOWS-1252")
                 || g_str_equal (encoding, "ISO-8859-15"));
}

static void
test_short_latin (void)
{
  g_autoptr(GBytes) bytes = encode ("Joyeux Noël\n", "ISO-8859-15", NULL, 0);

  /* Too short for uchardet to be sure; Windows-1252 reads it right. */
  assert_decodes (bytes, "Joyeux Noël\n", "WINDOWS-1252");
}

static void
test_cyrillic (void)
{
  g_autoptr(GBytes) cp1251 = encode (russian, "WINDOWS-1251", NULL, 0);
  g_autoptr(GBytes) koi8 = encode (russian, "KOI8-R", NULL, 0);

  assert_decodes (cp1251, russian, "WINDOWS-1251");
  assert_decodes (koi8, russian, "KOI8-R");
}

static void
test_line_endings (void)
{
  const char *crlf_data = "one\r\ntwo\r\n\r\nthree";
  const char *cr_data = "one\rtwo\r\rthree\r";
  g_autoptr(GBytes) crlf = g_bytes_new_static (crlf_data, strlen (crlf_data));
  g_autoptr(GBytes) cr = g_bytes_new_static (cr_data, strlen (cr_data));

  /* No final newline is added: nothing but line endings changes. */
  assert_decodes (crlf, "one\ntwo\n\nthree", "UTF-8");
  assert_decodes (cr, "one\ntwo\n\nthree\n", "UTF-8");
}

static void
test_nfc (void)
{
  const char *nfd = "Se\xcc\x81" "curite\xcc\x81 et e\xcc\x81" "te\xcc\x81\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (nfd, strlen (nfd));

  assert_decodes (bytes, "Sécurité et été\n", "UTF-8");
}

static void
test_empty (void)
{
  assert_refused ("", 0, "empty.txt", LECTERN_IMPORT_ERROR_EMPTY, NULL);
  assert_refused (" \n\t\r\n  ", 7, "blank.txt", LECTERN_IMPORT_ERROR_EMPTY, NULL);
  assert_refused ("\xef\xbb\xbf\n", 4, "bom-only.txt", LECTERN_IMPORT_ERROR_EMPTY, NULL);
  assert_refused ("\xff\xfe\x20\x00\x0a\x00", 6, "blank16.txt", LECTERN_IMPORT_ERROR_EMPTY, NULL);
}

static void
test_nul_bytes (void)
{
  static const char data[] = "Some text\0with a NUL\0inside, as binary files have\n";

  assert_refused (data, sizeof data - 1, "data.bin", LECTERN_IMPORT_ERROR_BINARY, "NUL");
}

static void
test_signatures (void)
{
  /* Signatures followed by bytes that would otherwise pass as text. */
  assert_refused ("\x89PNG\r\n\x1a\nIHDR text", 17, "picture.png", LECTERN_IMPORT_ERROR_BINARY, "PNG");
  assert_refused ("\xff\xd8\xff\xe0 JFIF", 9, "photo.jpg", LECTERN_IMPORT_ERROR_BINARY, "JPEG");
  assert_refused ("GIF89a text", 11, "anim.gif", LECTERN_IMPORT_ERROR_BINARY, "GIF");
  assert_refused ("PK\x03\x04 text", 9, "notes.docx", LECTERN_IMPORT_ERROR_BINARY, "ZIP");
  assert_refused ("%PDF-1.7\n%text\n", 15, "report.pdf", LECTERN_IMPORT_ERROR_BINARY, "PDF");
  assert_refused ("\x1f\x8b text", 7, "notes.txt.gz", LECTERN_IMPORT_ERROR_BINARY, "gzip");
  assert_refused ("\x7f" "ELF text", 9, "a.out", LECTERN_IMPORT_ERROR_BINARY, "ELF");
  assert_refused ("BZh91AY&SY text", 15, "notes.bz2", LECTERN_IMPORT_ERROR_BINARY, "bzip2");
  /* Media files that have no text-proof magic still hold NUL bytes. */
  assert_refused ("ID3\x04\0\0\0\0\x01\x02 text", 15, "song.mp3", LECTERN_IMPORT_ERROR_BINARY, "NUL");
}

static void
test_magic_like_text (void)
{
  const char *text = "Convert WEBP images, read ID3 tags, and BZh files.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  /* Words that happen to spell a format's name are text. */
  assert_decodes (bytes, text, "UTF-8");
}

static void
test_control_characters (void)
{
  g_autoptr(GString) data = g_string_new ("Header line\n");

  for (guint i = 0; i < 50; i++)
    g_string_append_printf (data, "%c%c%cabc", 0x01, 0x02, 0x1b);

  assert_refused (data->str, data->len, "dump.dat", LECTERN_IMPORT_ERROR_BINARY, NULL);
}

static void
test_few_control_characters (void)
{
  const char *text = "A page\fanother page, and an odd \x1b escape in a long enough line of text.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  /* Kept as they are: nothing else changes. */
  assert_decodes (bytes, text, "UTF-8");
}

/* Decodes @data, which must come out as UTF-8 with @n_replaced bytes
 * replaced. */
static void
assert_repaired (const char *data,
                 gsize       len,
                 const char *expected_text,
                 gsize       n_replaced)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  gsize replaced = 0;

  text = lectern_text_decoder_decode (data, len, "damaged.txt", &encoding, &replaced, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected_text);
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_assert_cmpuint (replaced, ==, n_replaced);
  g_assert_true (lectern_text_is_stored (text, -1));
}

static void
test_broken_utf8 (void)
{
  /* Good UTF-8 (è, é, ’) with one damaged byte on line 2, column 21. */
  static const char data[] =
    "Première ligne, très ordinaire, d’après l’auteur.\n"
    "Deuxième ligne avec \xe9 cassé au milieu.\n"
    "Troisième ligne intacte.\n";

  assert_repaired (data, sizeof data - 1,
                   "Première ligne, très ordinaire, d’après l’auteur.\n"
                   "Deuxième ligne avec \uFFFD cassé au milieu.\n"
                   "Troisième ligne intacte.\n", 1);
}

static void
test_broken_utf8_with_bom (void)
{
  static const char data[] = "\xef\xbb\xbf" "abc\n\xff\n";

  /* A UTF-8 BOM says what the file is, whatever else it holds. */
  assert_repaired (data, sizeof data - 1, "abc\n\uFFFD\n", 1);
}

/* Mostly UTF-8, with dashes and accents, and three stray bytes from a
 * Windows-1252 paste: the good characters stay right, each stray byte is
 * one U+FFFD, and the caller learns there were three. */
static void
test_mostly_utf8 (void)
{
  static const char data[] =
    "Le traité — signé à Paris — fut publié l’été suivant.\n"
    "Une copie abîmée : caf\xe9 noir, l\x92" "auteur, et \x92 fin.\n"
    "La dernière ligne est intacte — elle aussi.\n";

  assert_repaired (data, sizeof data - 1,
                   "Le traité — signé à Paris — fut publié l’été suivant.\n"
                   "Une copie abîmée : caf\uFFFD noir, l\uFFFDauteur, et \uFFFD fin.\n"
                   "La dernière ligne est intacte — elle aussi.\n", 3);
}

/* Stray bytes first, good UTF-8 after: once read as Windows-1252, every
 * dash came out as "â€”". */
static void
test_mostly_utf8_damaged_first (void)
{
  static const char data[] =
    "\x92Titre\x93 cass\xe9\n"
    "Le traité — signé à Paris — fut publié l’été suivant, à l’Élysée.\n"
    "La délégation française a répondu « non » à la proposition.\n";

  assert_repaired (data, sizeof data - 1,
                   "\uFFFDTitre\uFFFD cass\uFFFD\n"
                   "Le traité — signé à Paris — fut publié l’été suivant, à l’Élysée.\n"
                   "La délégation française a répondu « non » à la proposition.\n", 3);
}

/* One U+FFFD per maximal ill-formed subpart (Unicode §3.9, the example of
 * table 3-8, surrogates, overlongs, above U+10FFFF, a truncated end). */
static void
test_maximal_subparts (void)
{
  static const char data[] =
    "\xef\xbb\xbf"
    "a\xf1\x80\x80\xe1\x80\xc2" "b\x80" "c\x80\xbf" "d\n"
    "\xed\xa0\x80|\xc0\xaf|\xf4\x90\x80\x80|é\xe2\x80";

  assert_repaired (data, sizeof data - 1,
                   "a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd\n"
                   "\uFFFD\uFFFD\uFFFD|\uFFFD\uFFFD|\uFFFD\uFFFD\uFFFD\uFFFD|é\uFFFD",
                   9 + 3 + 2 + 4 + 2);
}

/* Windows-1252 with many accents and, by chance, one pair of bytes that
 * is valid UTF-8 ("É…" is C9 85): not mostly UTF-8, read as 8-bit. */
static void
test_windows_1252_with_chance_utf8 (void)
{
  const char *text = "Il a crié : « ÉTÉ… » et « HIVER ». Déjà l’été, où étions-nous ?\n"
                     "La grève générale a été évitée, dit le délégué.\n";
  g_autoptr(GBytes) bytes = encode (text, "WINDOWS-1252", NULL, 0);

  assert_decodes (bytes, text, "WINDOWS-1252");
}

static void
test_too_large (void)
{
  gsize len = LECTERN_TEXT_DECODER_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (len);

  memset (data, 'a', len);
  assert_refused (data, len, "huge.txt", LECTERN_IMPORT_ERROR_TOO_LARGE, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Lectern/TextDecoder/utf8", test_utf8);
  g_test_add_func ("/Lectern/TextDecoder/utf16", test_utf16);
  g_test_add_func ("/Lectern/TextDecoder/utf16-odd-length", test_utf16_odd_length);
  g_test_add_func ("/Lectern/TextDecoder/windows-1252", test_windows_1252);
  g_test_add_func ("/Lectern/TextDecoder/iso-8859-1", test_iso_8859_1);
  g_test_add_func ("/Lectern/TextDecoder/short-latin", test_short_latin);
  g_test_add_func ("/Lectern/TextDecoder/cyrillic", test_cyrillic);
  g_test_add_func ("/Lectern/TextDecoder/line-endings", test_line_endings);
  g_test_add_func ("/Lectern/TextDecoder/nfc", test_nfc);
  g_test_add_func ("/Lectern/TextDecoder/refused/empty", test_empty);
  g_test_add_func ("/Lectern/TextDecoder/refused/nul-bytes", test_nul_bytes);
  g_test_add_func ("/Lectern/TextDecoder/refused/signatures", test_signatures);
  g_test_add_func ("/Lectern/TextDecoder/magic-like-text", test_magic_like_text);
  g_test_add_func ("/Lectern/TextDecoder/refused/control-characters", test_control_characters);
  g_test_add_func ("/Lectern/TextDecoder/few-control-characters", test_few_control_characters);
  g_test_add_func ("/Lectern/TextDecoder/broken-utf8", test_broken_utf8);
  g_test_add_func ("/Lectern/TextDecoder/broken-utf8-bom", test_broken_utf8_with_bom);
  g_test_add_func ("/Lectern/TextDecoder/mostly-utf8", test_mostly_utf8);
  g_test_add_func ("/Lectern/TextDecoder/mostly-utf8-damaged-first", test_mostly_utf8_damaged_first);
  g_test_add_func ("/Lectern/TextDecoder/maximal-subparts", test_maximal_subparts);
  g_test_add_func ("/Lectern/TextDecoder/windows-1252-chance-utf8", test_windows_1252_with_chance_utf8);
  g_test_add_func ("/Lectern/TextDecoder/refused/too-large", test_too_large);

  return g_test_run ();
}
