/* test-subtitle-reader.c — SubRip and WebVTT subtitles read as
 * transcripts: text and structure compared exactly with the fixtures in
 * tests/fixtures/subtitles/ (README.md there says how each was made),
 * and each kind of malformed file refused with the file and line named.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-import.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "subtitles", name, NULL);
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
describe_structure (GArray *structure)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < structure->len; i++)
    {
      const LecternSpan *span = &g_array_index (structure, LecternSpan, i);

      g_string_append_printf (out, "%u\t%u\t%s\t%s\n", span->start, span->end,
                              lectern_structure_kind_to_string (span->kind),
                              span->value != NULL ? span->value : "");
    }
  return g_string_free (out, FALSE);
}

static LecternExtract *
read_one (const char  *data,
          gssize       len,
          const char  *name,
          GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize) len);
  g_autoptr(GPtrArray) extracts = lectern_subtitle_reader_read (bytes, name, NULL, error);

  if (extracts == NULL)
    return NULL;
  g_assert_cmpuint (extracts->len, ==, 1);
  return g_object_ref (g_ptr_array_index (extracts, 0));
}

static void
test_fixtures (void)
{
  const struct { const char *name; const char *format; } cases[] = {
    { "interview.srt", "srt" },
    { "interview.vtt", "vtt" },
    { "voices.vtt", "vtt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = read_fixture (cases[i].name);
      g_autofree char *text_name = g_strconcat (cases[i].name, ".text", NULL);
      g_autofree char *spans_name = g_strconcat (cases[i].name, ".spans", NULL);
      g_autofree char *expected_text = read_fixture (text_name);
      g_autofree char *expected_spans = read_fixture (spans_name);
      g_autofree char *spans = NULL;
      g_autoptr(LecternExtract) extract = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) turns = NULL;
      GArray *structure;
      guint n_turn_spans = 0;

      g_test_message ("%s", cases[i].name);
      extract = read_one (data, -1, cases[i].name, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (lectern_extract_get_format (extract), ==, cases[i].format);
      /* The file's name, not the first cue. */
      g_assert_true (g_str_has_prefix (cases[i].name, lectern_extract_get_title (extract)));
      g_assert_cmpstr (lectern_extract_get_text (extract), ==, expected_text);
      structure = lectern_extract_get_structure (extract);
      spans = describe_structure (structure);
      g_assert_cmpstr (spans, ==, expected_spans);

      /* The stored text reads as a transcript: the detector finds the
       * reader's turns again. */
      turns = lectern_turn_detector_detect (lectern_extract_get_text (extract), NULL);
      for (guint s = 0; s < structure->len; s++)
        {
          const LecternSpan *span = &g_array_index (structure, LecternSpan, s);
          const LecternTurn *turn;

          if (span->kind != LECTERN_STRUCTURE_KIND_TURN)
            continue;
          g_assert_cmpuint (n_turn_spans, <, turns->len);
          turn = &g_array_index (turns, LecternTurn, n_turn_spans++);
          g_assert_cmpuint (turn->start, ==, span->start);
          g_assert_cmpuint (turn->end, ==, span->end);
          g_assert_cmpstr (turn->speaker, ==, span->value);
        }
      g_assert_cmpuint (n_turn_spans, ==, turns->len);
    }
}

/* Cues without a speaker are paragraphs of their own; markup and cue
 * numbers go; legacy encodings and CRLF are read. */
static void
test_no_speakers (void)
{
  const char *srt =
    "1\r\n00:00:01,000 --> 00:00:02,000\r\n{\\an8}<font color=\"#ffff00\">Caf\xe9 au lait</font>\r\n\r\n"
    "2\r\n00:00:02,500 --> 00:00:04,000 X1:10 X2:20 Y1:5 Y2:6\r\n<b>Two</b>   lines\r\nof text\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExtract) extract = read_one (srt, -1, "plain.srt", &error);
  g_autofree char *spans = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (lectern_extract_get_text (extract), ==, "Café au lait\n\nTwo lines of text");
  spans = describe_structure (lectern_extract_get_structure (extract));
  g_assert_cmpstr (spans, ==,
                   "0\t12\tparagraph\t\n"
                   "0\t12\ttime\t00:00:01.000\n"
                   "14\t31\tparagraph\t\n"
                   "14\t31\ttime\t00:00:02.500\n");
}

static void
assert_refused (const char *data,
                const char *name,
                int         code,
                const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternExtract) extract = read_one (data, -1, name, &error);

  g_test_message ("%s: %s", name, in_message);
  g_assert_null (extract);
  g_assert_error (error, LECTERN_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  if (strstr (error->message, in_message) == NULL)
    g_error ("“%s” not in “%s”", in_message, error->message);
}

static void
test_malformed (void)
{
  /* A timestamp that is not one. */
  assert_refused ("1\n00:00:01,000 --> 00:00:0x,500\nHello\n", "bad.srt",
                  LECTERN_IMPORT_ERROR_INVALID, "line 2");
  /* Minutes past 59. */
  assert_refused ("1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\n00:61:01,000 --> 00:62:00,000\nTwo\n",
                  "minutes.srt", LECTERN_IMPORT_ERROR_INVALID, "line 6");
  /* No arrow. */
  assert_refused ("1\n00:00:01,000 00:00:02,000\nHello\n", "arrow.srt",
                  LECTERN_IMPORT_ERROR_INVALID, "line 2: “00:00:01,000 00:00:02,000” has no arrow");
  /* A number and no timing after it. */
  assert_refused ("1\n\nHello\n", "number.srt", LECTERN_IMPORT_ERROR_INVALID, "line 2");
  /* Text where a cue should start. */
  assert_refused ("Hello there\n00:00:01,000 --> 00:00:02,000\n", "text.srt",
                  LECTERN_IMPORT_ERROR_INVALID, "line 1");
  /* Ends before it starts. */
  assert_refused ("1\n00:00:05,000 --> 00:00:02,000\nHello\n", "backwards.srt",
                  LECTERN_IMPORT_ERROR_INVALID, "line 2");
  /* WebVTT needs its header, and its fraction. */
  assert_refused ("00:01.000 --> 00:02.000\nHello\n", "header.vtt",
                  LECTERN_IMPORT_ERROR_INVALID, "WEBVTT");
  assert_refused ("WEBVTT\n\n00:01 --> 00:02.000\nHello\n", "fraction.vtt",
                  LECTERN_IMPORT_ERROR_INVALID, "line 3");
  /* An identifier with no timing after it. */
  assert_refused ("WEBVTT\n\nintro\nHello\n", "identifier.vtt",
                  LECTERN_IMPORT_ERROR_INVALID, "line 4");
  /* No cue with text. */
  assert_refused ("WEBVTT\n\nNOTE nothing here\n", "empty.vtt", LECTERN_IMPORT_ERROR_INVALID, "no subtitle cue");
  assert_refused ("1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n", "blank.srt",
                  LECTERN_IMPORT_ERROR_INVALID, "no subtitle cue");
}

static void
test_bounds (void)
{
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GString) long_line = g_string_new ("1\n00:00:01,000 --> 00:00:02,000\n");

  for (guint i = 0; i <= 100000; i++)
    g_string_append_printf (many, "%u\n00:00:01,000 --> 00:00:02,000\nx\n\n", i + 1);
  assert_refused (many->str, "many.srt", LECTERN_IMPORT_ERROR_TOO_LARGE, "100000");

  for (guint i = 0; i < 9000; i++)
    g_string_append_c (long_line, 'a');
  assert_refused (long_line->str, "long.srt", LECTERN_IMPORT_ERROR_TOO_LARGE, "line 3");
}

static void
test_cancelled (void)
{
  g_autofree char *data = read_fixture ("interview.srt");
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) extracts = NULL;

  g_cancellable_cancel (cancellable);
  extracts = lectern_subtitle_reader_read (bytes, "interview.srt", cancellable, &error);
  g_assert_null (extracts);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/subtitle-reader/fixtures", test_fixtures);
  g_test_add_func ("/subtitle-reader/no-speakers", test_no_speakers);
  g_test_add_func ("/subtitle-reader/malformed", test_malformed);
  g_test_add_func ("/subtitle-reader/bounds", test_bounds);
  g_test_add_func ("/subtitle-reader/cancelled", test_cancelled);

  return g_test_run ();
}
