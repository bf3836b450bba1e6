/* test-mail-reader.c — mail as Lectern stores it: one message (.eml) or
 * a mailbox, headers, body, metadata and variables; and the refusals.
 *
 * The fixtures are written as Thunderbird writes mail
 * (tests/fixtures/mail/README.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-import.h"
#include "office-test-util.h"

static const char *
variable (LecternExtract *extract,
          const char     *key)
{
  return g_hash_table_lookup (lectern_extract_get_variables (extract), key);
}

static void
test_eml (void)
{
  g_autoptr(GBytes) bytes = office_test_fixture ("mail", "reply.eml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = lectern_mail_reader_read (bytes, "reply.eml", NULL, &error);
  g_autofree char *structure = NULL;
  LecternExtract *extract;

  g_assert_no_error (error);
  g_assert_cmpuint (extracts->len, ==, 1);
  extract = g_ptr_array_index (extracts, 0);
  g_assert_cmpstr (lectern_extract_get_format (extract), ==, "eml");

  /* Headers decoded (RFC 2047); the quoted-printable UTF-8 body with its
   * flowed lines joined, the quoted reply a quote, the signature; then
   * the ISO-8859-1 part; the PDF only named. */
  g_assert_cmpstr (lectern_extract_get_text (extract), ==,
                   "From: Ana Lima <ana@example.org>\n"
                   "To: Ben Roy <ben@example.net>\n"
                   "Cc: Chloé Martin <chloe@example.fr>\n"
                   "Date: Tue, 5 Mar 2024 10:12:00 +0100\n"
                   "Subject: Re: Notes sur le traité\n\n"
                   "Bonjour Ben,\n\n"
                   "Voici mes notes sur le traité de 1892. Les négociations ont duré tout l'été, "
                   "à Saint-Pétersbourg.\n\n"
                   "Le 04/03/2024 à 18:00, Ben Roy a écrit\u00a0:\n\n"
                   "> Peux-tu m'envoyer le texte ?\n\n"
                   "--\nAna\n\n"
                   "Résumé : l'alliance franco-russe, signée en été.");
  structure = office_test_dump_structure (extract);
  g_assert_cmpstr (structure, ==,
                   "header 0 32 From\n"
                   "header 33 62 To\n"
                   "header 63 98 Cc\n"
                   "header 99 135 Date\n"
                   "header 136 168 Subject\n"
                   "paragraph 170 182 \n"
                   "paragraph 184 281 \n"
                   "paragraph 283 323 \n"
                   "quote 325 355 \n"
                   "paragraph 357 363 \n"
                   "paragraph 365 413 \n");

  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "Re: Notes sur le traité");
  g_assert_cmpstr (lectern_extract_get_author (extract), ==, "Ana Lima");
  g_assert_cmpstr (lectern_extract_get_date (extract), ==, "2024-03-05T10:12:00+01:00");
  g_assert_cmpstr (lectern_extract_get_language (extract), ==, "fr");
  g_assert_cmpstr (variable (extract, "to"), ==, "Ben Roy <ben@example.net>");
  g_assert_cmpstr (variable (extract, "cc"), ==, "Chloé Martin <chloe@example.fr>");
  g_assert_cmpstr (variable (extract, "message-id"), ==, "8f2d1c3a-5b6e-4f70-9a81-2c3d4e5f6a7b@example.org");
  g_assert_cmpstr (variable (extract, "in-reply-to"), ==, "4a5b6c7d@example.net");
  g_assert_cmpstr (variable (extract, "attachments"), ==, "traite-1892.pdf");
  /* One message per file: the importer keeps the file as the original. */
  g_assert_null (lectern_extract_get_original (extract));
}

static void
assert_original (LecternExtract *extract,
                 const char     *first_line,
                 const char     *last_line)
{
  GBytes *original = lectern_extract_get_original (extract);
  g_autofree char *text = NULL;

  g_assert_nonnull (original);
  text = g_strndup (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  g_assert_true (g_str_has_prefix (text, first_line));
  g_assert_nonnull (strstr (text, last_line));
  /* Its own message only. */
  g_assert_null (strstr (text + 1, "\nFrom - "));
}

static void
test_mbox (void)
{
  g_autoptr(GBytes) bytes = office_test_fixture ("mail", "mailbox.mbox");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = lectern_mail_reader_read (bytes, "mailbox.mbox", NULL, &error);
  g_autofree char *structure = NULL;
  LecternExtract *extract;

  g_assert_no_error (error);
  g_assert_cmpuint (extracts->len, ==, 3);

  /* The mailbox's ">From " escape is undone. */
  extract = g_ptr_array_index (extracts, 0);
  g_assert_cmpstr (lectern_extract_get_format (extract), ==, "mbox");
  g_assert_cmpstr (lectern_extract_get_text (extract), ==,
                   "From: Ben Roy <ben@example.net>\n"
                   "To: Ana Lima <ana@example.org>\n"
                   "Date: Mon, 4 Mar 2024 18:00:00 +0100\n"
                   "Subject: Notes sur le traité\n\n"
                   "Peux-tu m'envoyer le texte ?\n"
                   "From the archives, I only have the French copy.");
  g_assert_cmpstr (lectern_extract_get_title (extract), ==, "Notes sur le traité");
  g_assert_cmpstr (lectern_extract_get_date (extract), ==, "2024-03-04T18:00:00+01:00");
  g_assert_null (variable (extract, "cc"));
  g_assert_null (variable (extract, "attachments"));
  assert_original (extract, "From - Mon Mar 04 18:00:00 2024\n", ">From the archives");

  /* A bare address is the author; quoted-printable ISO-8859-1. */
  extract = g_ptr_array_index (extracts, 1);
  g_assert_cmpstr (lectern_extract_get_author (extract), ==, "chloe@example.fr");
  g_assert_true (g_str_has_suffix (lectern_extract_get_text (extract),
                                   "Subject: Archives\n\nLes archives ouvrent à 9 h."));
  assert_original (extract, "From - Tue Mar 05 09:00:00 2024\n", "=E0 9 h.");

  /* HTML only: its text, without head, style or script. */
  extract = g_ptr_array_index (extracts, 2);
  g_assert_cmpstr (lectern_extract_get_text (extract), ==,
                   "From: Ben Roy <ben@example.net>\n"
                   "To: Ana Lima <ana@example.org>\n"
                   "Date: Tue, 5 Mar 2024 11:00:00 +0000\n"
                   "Subject: Programme\n\n"
                   "Programme\n\n"
                   "Lundi\u00a0: archives,\npuis déjeuner.\n\n"
                   "Paris\nMoscou");
  structure = office_test_dump_structure (extract);
  g_assert_cmpstr (structure, ==,
                   "header 0 31 From\n"
                   "header 32 62 To\n"
                   "header 63 99 Date\n"
                   "header 100 118 Subject\n"
                   "heading 120 129 1\n"
                   "paragraph 131 163 \n"
                   "list-item 165 170 \n"
                   "list-item 171 177 \n");
  g_assert_cmpstr (lectern_extract_get_date (extract), ==, "2024-03-05T11:00:00+00:00");
  assert_original (extract, "From - Tue Mar 05 11:00:00 2024\n", "</html>");
}

/* multipart/alternative: the plain text, not the HTML; base64 in
 * windows-1252; format=flowed with DelSp=yes; a forwarded message named. */
static void
test_alternative (void)
{
  const char *message =
    "From: =?ISO-8859-1?Q?Andr=E9?= <andre@example.fr>\r\n"
    "Subject: Plan\r\n"
    "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
    "\r\n"
    "--outer\r\n"
    "Content-Type: multipart/alternative; boundary=\"alt\"\r\n"
    "\r\n"
    "--alt\r\n"
    "Content-Type: text/plain; charset=windows-1252; format=flowed; delsp=yes\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "TGUgcGxhbiBlc3QgcHLqdC4gTGVzIGNvbmbpcmVuY2llcnMgYXJyaXZlbnQgZGUgCm1haW4uCg==\r\n"
    "--alt\r\n"
    "Content-Type: text/html; charset=UTF-8\r\n"
    "\r\n"
    "<p>HTML version</p>\r\n"
    "--alt--\r\n"
    "--outer\r\n"
    "Content-Type: message/rfc822\r\n"
    "\r\n"
    "From: x@example.org\r\n"
    "Subject: Old news\r\n"
    "\r\n"
    "Body.\r\n"
    "--outer--\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (message, strlen (message));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = lectern_mail_reader_read (bytes, "plan.eml", NULL, &error);
  LecternExtract *extract;

  g_assert_no_error (error);
  extract = g_ptr_array_index (extracts, 0);
  g_assert_cmpstr (lectern_extract_get_text (extract), ==,
                   "From: André <andre@example.fr>\n"
                   "Subject: Plan\n\n"
                   "Le plan est prêt. Les conférenciers arrivent demain.");
  g_assert_cmpstr (lectern_extract_get_author (extract), ==, "André");
  g_assert_null (lectern_extract_get_date (extract));
  g_assert_cmpstr (variable (extract, "attachments"), ==, "Old news");
}

static gpointer
read_in_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = lectern_mail_reader_read (data, "reply.eml", NULL, &error);

  g_assert_no_error (error);
  return g_strdup (lectern_extract_get_title (g_ptr_array_index (extracts, 0)));
}

/* The first messages read at once, from import threads: GMime is set
 * up once, whichever thread comes first. */
static void
test_threads (void)
{
  g_autoptr(GBytes) bytes = office_test_fixture ("mail", "reply.eml");
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("mail-reader", read_in_thread, bytes);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *title = g_thread_join (threads[i]);

      g_assert_cmpstr (title, ==, "Re: Notes sur le traité");
    }
}

static void
assert_refused (const char *data,
                gsize       size,
                const char *name,
                int         code,
                const char *reason)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = lectern_mail_reader_read (bytes, name, NULL, &error);

  g_assert_null (extracts);
  g_assert_error (error, LECTERN_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, reason));
}

static void
test_refusals (void)
{
  g_autoptr(GString) nested = g_string_new ("From: a@example.org\nSubject: deep\n");

  assert_refused ("From nobody Mon Jan  1 00:00:00 2024\n\n", 38, "empty.mbox",
                  LECTERN_IMPORT_ERROR_EMPTY, "no mail message");
  assert_refused ("", 0, "nothing.mbox", LECTERN_IMPORT_ERROR_EMPTY, "empty");
  assert_refused ("\n\nJust some text.\n", 18, "notes.eml", LECTERN_IMPORT_ERROR_INVALID,
                  "not a mail message");

  /* Nesting deeper than Lectern lets GMime recurse. */
  for (guint i = 0; i < 600; i++)
    g_string_append_printf (nested, "Content-Type: multipart/mixed; boundary=\"b%u\"\n\n--b%u\n", i, i);
  assert_refused (nested->str, nested->len, "deep.eml", LECTERN_IMPORT_ERROR_TOO_LARGE, "nested");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* First: GMime is not yet set up. */
  g_test_add_func ("/mail-reader/threads", test_threads);
  g_test_add_func ("/mail-reader/eml", test_eml);
  g_test_add_func ("/mail-reader/mbox", test_mbox);
  g_test_add_func ("/mail-reader/alternative", test_alternative);
  g_test_add_func ("/mail-reader/refusals", test_refusals);

  return g_test_run ();
}
